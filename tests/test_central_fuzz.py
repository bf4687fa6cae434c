"""The reference service answers malformed headers and bodies with a 4xx, never a 5xx.

Hypothesis throws odd header values (« ² », other non-ASCII digits, bytes that
are not UTF-8), JSON nested far too deep, numbers too big to read, and
arbitrary values in every field of a valid body, at every endpoint.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reference_central import CentralStore, create_app

TOKEN = "jeton-fuzz"
AUTH = {"Authorization": f"Bearer {TOKEN}", "Tus-Resumable": "1.0.0"}
FUZZ = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# Header values as raw bytes: anything but the line breaks and NUL no HTTP parser lets through.
header_bytes = st.one_of(
    st.text(max_size=40).map(lambda t: t.encode("utf-8")),
    st.binary(max_size=40),
    st.sampled_from(["²", "٣", "१२", "１０", "-1", "1e3", " 7", "0x10", "9" * 30, "", "Ⅻ"]).map(
        lambda t: t.encode("utf-8")
    ),
).map(lambda b: b.replace(b"\r", b"").replace(b"\n", b"").replace(b"\x00", b""))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)

nasty_bodies = st.one_of(
    st.integers(min_value=1, max_value=200_000).map(lambda n: b"[" * n + b"]" * n),
    st.integers(min_value=1, max_value=200_000).map(lambda n: b'{"a":' * n + b"1" + b"}" * n),
    st.integers(min_value=4000, max_value=100_000).map(lambda n: b'{"queue_depth": ' + b"9" * n + b"}"),
    st.sampled_from([b'{"a": NaN}', b'{"a": Infinity}', b'{"a": 1e999}', b'{"a": -1e400}', b"\xff\xfe"]),
    st.binary(max_size=200),
    json_values.map(lambda v: json.dumps(v).encode()),
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    store = CentralStore(Path(tmp_path_factory.mktemp("fuzz")))
    store.allow_token(TOKEN, "7501-K02", "7501")
    with TestClient(create_app(store), raise_server_exceptions=False) as test_client:
        yield test_client
    store.close()


@pytest.fixture(scope="module")
def upload_url(client: TestClient) -> str:
    metadata = "sha256 " + base64.b64encode(hashlib.sha256(b"x" * 50).hexdigest().encode()).decode()
    answer = client.post(
        "/api/v1/uploads", headers={**AUTH, "Upload-Length": "50", "Upload-Metadata": metadata}
    )
    assert answer.status_code == 201
    return str(answer.headers["Location"])


def no_server_error(answer: Any) -> None:
    assert answer.status_code < 500, (answer.status_code, answer.text[:300])
    if answer.request.method != "HEAD" and answer.status_code >= 400:
        body = answer.json()
        assert isinstance(body["error"], str) and isinstance(body["message"], str)


@FUZZ
@given(length=header_bytes, metadata=header_bytes)
def test_creating_an_upload_with_odd_headers(client: TestClient, length: bytes, metadata: bytes) -> None:
    headers = [(b"authorization", f"Bearer {TOKEN}".encode()), (b"tus-resumable", b"1.0.0"),
               (b"upload-length", length), (b"upload-metadata", metadata)]
    no_server_error(client.post("/api/v1/uploads", headers=headers))


@FUZZ
@given(offset=header_bytes, checksum=header_bytes, content_type=header_bytes, tus=header_bytes,
       data=st.binary(max_size=80))
def test_patching_with_odd_headers(
    client: TestClient, upload_url: str, offset: bytes, checksum: bytes, content_type: bytes,
    tus: bytes, data: bytes,
) -> None:
    headers = [(b"authorization", f"Bearer {TOKEN}".encode()), (b"tus-resumable", tus),
               (b"content-type", content_type), (b"upload-offset", offset),
               (b"upload-checksum", checksum)]
    no_server_error(client.patch(upload_url, content=data, headers=headers))
    good = [(b"authorization", f"Bearer {TOKEN}".encode()), (b"tus-resumable", b"1.0.0"),
            (b"content-type", b"application/offset+octet-stream"), (b"upload-offset", offset),
            (b"upload-checksum", checksum)]
    no_server_error(client.patch(upload_url, content=data, headers=good))


def test_upload_offset_in_superscript_digits_is_400(client: TestClient, upload_url: str) -> None:
    answer = client.patch(
        upload_url, content=b"x",
        headers=[(b"authorization", f"Bearer {TOKEN}".encode()), (b"tus-resumable", b"1.0.0"),
                 (b"content-type", b"application/offset+octet-stream"),
                 (b"upload-offset", "²".encode())],
    )
    assert answer.status_code == 400 and answer.json()["error"] == "invalid_header"


@FUZZ
@given(upload_id=st.text(max_size=40), tus=header_bytes)
def test_head_of_any_upload_id(client: TestClient, upload_id: str, tus: bytes) -> None:
    answer = client.head(
        f"/api/v1/uploads/{quote(upload_id, safe='')}",
        headers=[(b"authorization", f"Bearer {TOKEN}".encode()), (b"tus-resumable", tus)],
    )
    no_server_error(answer)


@FUZZ
@given(raw=nasty_bodies, key=header_bytes)
@example(raw=b"[" * 100_000 + b"]" * 100_000, key=b"k")  # a 500 (RecursionError) before
@example(raw=b'{"answers": {"n": ' + b"9" * 5000 + b"}}", key=b"k")  # a 500 (int digits limit)
@example(raw=b'{"answers": {"n": 1e999}}', key=b"k")
def test_posting_any_body_as_a_submission(client: TestClient, raw: bytes, key: bytes) -> None:
    headers = [(b"authorization", f"Bearer {TOKEN}".encode()), (b"content-type", b"application/json"),
               (b"idempotency-key", key or b"k")]
    no_server_error(client.post("/api/v1/submissions", content=raw, headers=headers))


def valid_body() -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "local_reference": "PN-7501-K02-000123",
        "procedure": {"code": "cg-changement-adresse", "version": "3"},
        "created_at": "2026-11-30T10:17:00Z",
        "kiosk_id": "7501-K02",
        "site": "7501",
        "mediator_id": None,
        "answers": {"plate": "AB-123-CD"},
        "documents": [{"kind": "justificatif_domicile", "upload_id": "u-" + "0" * 24, "sha256": "0" * 64,
                       "size": 3, "content_type": "application/pdf", "filename": "f.pdf"}],
        "consent": {"given_at": "2026-11-30T10:16:40Z", "text_version": "2"},
        "representative": None,
        "supersedes": None,
    }


PATHS = [("id",), ("local_reference",), ("procedure",), ("procedure", "code"), ("procedure", "version"),
         ("created_at",), ("kiosk_id",), ("site",), ("mediator_id",), ("answers",), ("answers", "plate"),
         ("documents",), ("documents", 0), ("documents", 0, "size"), ("documents", 0, "upload_id"),
         ("documents", 0, "sha256"), ("consent",), ("consent", "given_at"), ("representative",),
         ("supersedes",)]


@FUZZ
@given(path=st.sampled_from(PATHS), value=json_values)
def test_any_value_in_any_field_of_a_submission(
    client: TestClient, path: tuple[Any, ...], value: Any
) -> None:
    body = valid_body()
    key = body["id"]
    target: Any = body
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    answer = client.post(
        "/api/v1/submissions", content=json.dumps(body).encode(),
        headers={**AUTH, "Content-Type": "application/json", "Idempotency-Key": key},
    )
    no_server_error(answer)


@FUZZ
@given(kiosk_id=st.text(min_size=1, max_size=20),
       raw=nasty_bodies)
def test_heartbeats_with_any_body_or_kiosk(client: TestClient, kiosk_id: str, raw: bytes) -> None:
    for kiosk in (kiosk_id, "7501-K02"):
        answer = client.put(
            f"/api/v1/kiosks/{quote(kiosk, safe='')}/heartbeat",
            content=raw, headers={**AUTH, "Content-Type": "application/json"},
        )
        no_server_error(answer)


@FUZZ
@given(reference=st.text(max_size=40), submission_id=st.text(max_size=40))
def test_reads_with_any_id_or_reference(client: TestClient, reference: str, submission_id: str) -> None:
    no_server_error(client.get("/api/v1/submissions", params={"local_reference": reference}, headers=AUTH))
    no_server_error(
        client.get(f"/api/v1/submissions/{quote(submission_id, safe='')}", headers=AUTH)
    )


@FUZZ
@given(authorization=header_bytes, key=header_bytes)
def test_any_authorization_header(client: TestClient, authorization: bytes, key: bytes) -> None:
    for method, path in (("GET", "/api/v1/health"), ("POST", "/api/v1/submissions"),
                         ("HEAD", "/api/v1/uploads/u-000000000000000000000000")):
        answer = client.request(
            method, path, content=b"{}",
            headers=[(b"authorization", authorization), (b"idempotency-key", key or b"k"),
                     (b"content-type", b"application/json"), (b"tus-resumable", b"1.0.0")],
        )
        no_server_error(answer)
