"""The reference central service against ``shared/central-api.md``, over real HTTP on loopback.

Written from the contract alone: only a base URL and a token come from the
fixture, everything else is plain HTTP, so it could run against any server
that claims to implement the contract.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
import requests

from reference_central import serve_in_thread

TOKEN = "jeton-contrat-7501-K02"
TUS = {"Tus-Resumable": "1.0.0"}


class Api:
    """A thin HTTP helper holding the base URL and the contract's mandatory headers."""

    def __init__(self, base_url: str, token: str | None = TOKEN) -> None:
        self.base = base_url
        self.headers = {"User-Agent": "contract-test/1"}
        if token is not None:
            self.headers["Authorization"] = f"Bearer {token}"

    def call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        headers = {**self.headers, **kwargs.pop("headers", {})}
        url = path if path.startswith("http") else self.base + path
        return requests.request(method, url, headers=headers, timeout=10, **kwargs)

    def create_upload(self, data: bytes, sha256: str | None = None) -> str:
        metadata = ",".join(
            f"{k} {base64.b64encode(v.encode()).decode()}"
            for k, v in (
                ("sha256", sha256 or hashlib.sha256(data).hexdigest()),
                ("content_type", "application/pdf"),
                ("filename", "facture.pdf"),
            )
        )
        answer = self.call(
            "POST",
            "/v1/uploads",
            headers={**TUS, "Upload-Length": str(len(data)), "Upload-Metadata": metadata},
        )
        assert answer.status_code == 201, answer.text
        return urljoin(self.base + "/v1/uploads", answer.headers["Location"])

    def patch(self, url: str, offset: int, chunk: bytes, checksum: bytes | None = None) -> requests.Response:
        digest = base64.b64encode(checksum or hashlib.sha256(chunk).digest()).decode()
        return self.call(
            "PATCH",
            url,
            data=chunk,
            headers={
                **TUS,
                "Content-Type": "application/offset+octet-stream",
                "Upload-Offset": str(offset),
                "Upload-Checksum": f"sha256 {digest}",
            },
        )

    def uploaded(self, data: bytes, sha256: str | None = None) -> dict[str, Any]:
        """A complete upload and the document entry that cites it."""
        url = self.create_upload(data, sha256)
        if data:
            assert self.patch(url, 0, data).status_code == 204
        return {
            "kind": "justificatif_domicile",
            "upload_id": url.rstrip("/").rsplit("/", 1)[-1],
            "sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data),
            "content_type": "application/pdf",
            "filename": "facture.pdf",
        }

    def submit(self, body: dict[str, Any], key: str | None = None, **kwargs: Any) -> requests.Response:
        return self.call(
            "POST",
            "/v1/submissions",
            headers={"Idempotency-Key": key or body["id"], "Content-Type": "application/json"},
            data=json.dumps(body).encode(),
            **kwargs,
        )


def submission(documents: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "local_reference": "PN-7501-K02-000123",
        "procedure": {"code": "cg-changement-adresse", "version": "3"},
        "created_at": "2026-11-30T10:17:00Z",
        "kiosk_id": "7501-K02",
        "site": "7501",
        "mediator_id": "m-0042",
        "answers": {"plate": "AB-123-CD", "postal_code": "75011"},
        "documents": documents,
        "consent": {"given_at": "2026-11-30T10:16:40Z", "text_version": "2"},
        "supersedes": None,
    }


def assert_error(answer: requests.Response, status: int, code: str | None = None) -> dict[str, Any]:
    assert answer.status_code == status, (answer.status_code, answer.text)
    if answer.request.method == "HEAD":
        return {}
    assert answer.headers["content-type"].startswith("application/json")
    body = answer.json()
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["message"], str) and body["message"]
    if code is not None:
        assert body["error"] == code
    return dict(body)


def is_rfc3339_utc(text: str) -> bool:
    return text.endswith("Z") and datetime.fromisoformat(text).utcoffset() is not None


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    server = serve_in_thread(Path(tmp_path_factory.mktemp("central")), TOKEN)
    yield Api(server.url)
    server.stop()


# -- conventions and health ---------------------------------------------------------------


def test_health_answers_ok_with_version_and_time(api: Api) -> None:
    answer = api.call("GET", "/v1/health")
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "ok" and body["api_version"] == "1"
    assert is_rfc3339_utc(body["server_time"])


@pytest.mark.parametrize("token", [None, "mauvais-jeton"])
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/v1/health"),
        ("POST", "/v1/uploads"),
        ("HEAD", "/v1/uploads/u-000000000000000000000000"),
        ("POST", "/v1/submissions"),
        ("GET", f"/v1/submissions/{uuid.uuid4()}"),
        ("PUT", "/v1/kiosks/7501-K02/heartbeat"),
    ],
)
def test_missing_or_wrong_token_is_401(api: Api, token: str | None, method: str, path: str) -> None:
    assert_error(Api(api.base, token).call(method, path, headers=TUS), 401)


# -- uploads ------------------------------------------------------------------------------


def test_options_announces_tus_and_max_size(api: Api) -> None:
    answer = api.call("OPTIONS", "/v1/uploads")
    assert answer.status_code in (200, 204)
    assert answer.headers["Tus-Resumable"] == "1.0.0"
    assert int(answer.headers["Tus-Max-Size"]) > 0


def test_upload_over_max_size_is_413(api: Api) -> None:
    limit = int(api.call("OPTIONS", "/v1/uploads").headers["Tus-Max-Size"])
    answer = api.call(
        "POST",
        "/v1/uploads",
        headers={
            **TUS,
            "Upload-Length": str(limit + 1),
            "Upload-Metadata": "sha256 " + base64.b64encode(b"0" * 64).decode(),
        },
    )
    assert_error(answer, 413)


def test_upload_in_chunks_with_head_and_offsets(api: Api) -> None:
    data = bytes(range(256)) * 100
    url = api.create_upload(data)
    head = api.call("HEAD", url, headers=TUS)
    assert head.status_code == 200
    assert head.headers["Upload-Offset"] == "0"
    assert head.headers["Upload-Length"] == str(len(data))
    assert "no-store" in head.headers["Cache-Control"]
    offset = 0
    for start in range(0, len(data), 10_000):
        answer = api.patch(url, offset, data[start : start + 10_000])
        assert answer.status_code == 204
        offset = int(answer.headers["Upload-Offset"])
        assert offset == min(start + 10_000, len(data))
    assert api.call("HEAD", url, headers=TUS).headers["Upload-Offset"] == str(len(data))


def test_patch_at_wrong_offset_is_409_and_changes_nothing(api: Api) -> None:
    data = b"x" * 5000
    url = api.create_upload(data)
    assert api.patch(url, 0, data[:2000]).status_code == 204
    assert_error(api.patch(url, 0, data[:2000]), 409)
    assert_error(api.patch(url, 3000, data[3000:]), 409)
    assert api.call("HEAD", url, headers=TUS).headers["Upload-Offset"] == "2000"
    assert api.patch(url, 2000, data[2000:]).status_code == 204


def test_checksum_mismatch_is_460_and_keeps_nothing(api: Api) -> None:
    data = b"document scanne " * 200
    url = api.create_upload(data)
    wrong = hashlib.sha256(b"autre chose").digest()
    assert_error(api.patch(url, 0, data[:1000], checksum=wrong), 460)
    assert api.call("HEAD", url, headers=TUS).headers["Upload-Offset"] == "0"
    assert api.patch(url, 0, data).status_code == 204


def test_unknown_upload_is_404(api: Api) -> None:
    url = api.create_upload(b"abc")
    unknown = url[: -len("abc")] + "zzz"
    assert_error(api.call("HEAD", unknown, headers=TUS), 404)
    assert_error(api.patch(unknown, 0, b"abc"), 404)


def test_location_resolves_like_a_url_and_the_upload_id_is_its_last_segment(api: Api) -> None:
    doc = api.uploaded(b"%PDF-1.4 tiny")
    answer = api.call("HEAD", f"{api.base}/v1/uploads/{doc['upload_id']}", headers=TUS)
    assert answer.headers["Upload-Offset"] == str(len(b"%PDF-1.4 tiny"))


# -- submissions --------------------------------------------------------------------------


def test_first_submission_is_201_then_identical_retry_is_200_same_body(api: Api) -> None:
    body = submission([api.uploaded(b"%PDF facture"), api.uploaded(b"%PDF carte")])
    first = api.submit(body)
    assert first.status_code == 201, first.text
    receipt = first.json()
    assert receipt["id"] == body["id"] and receipt["status"] == "received"
    assert receipt["dossier_number"] and is_rfc3339_utc(receipt["received_at"])
    again = api.submit(body)
    assert again.status_code == 200 and again.json() == receipt
    reordered = json.loads(json.dumps(body, sort_keys=True, indent=4))
    assert api.submit(reordered).json() == receipt


def test_same_key_with_other_content_is_409(api: Api) -> None:
    body = submission([api.uploaded(b"%PDF a")])
    assert api.submit(body).status_code == 201
    changed = {**body, "answers": {**body["answers"], "plate": "ZZ-999-ZZ"}}
    assert_error(api.submit(changed), 409, "idempotency_key_reused")


def test_dossier_numbers_are_unique(api: Api) -> None:
    numbers = {api.submit(submission([])).json()["dossier_number"] for _ in range(12)}
    assert len(numbers) == 12


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda b: b.__setitem__("procedure", {"code": "Pas Un Code!", "version": "3"}), "procedure.code"),
        (lambda b: b.pop("created_at"), "created_at"),
        (lambda b: b.__setitem__("answers", ["pas", "un", "objet"]), "answers"),
        (lambda b: b.__setitem__("kiosk_id", 7501), "kiosk_id"),
        (lambda b: b["consent"].pop("given_at"), "consent.given_at"),
        (lambda b: b.__setitem__("created_at", "hier"), "created_at"),
        (lambda b: b.__setitem__("documents", [{"kind": "x"}]), "documents[0].upload_id"),
    ],
)
def test_invalid_fields_are_422_with_field_errors(api: Api, change: Any, field: str) -> None:
    body = submission([])
    change(body)
    errors = assert_error(api.submit(body), 422, "invalid_submission")["errors"]
    assert field in {e["field"] for e in errors}
    assert all(e["code"] and e["message"] for e in errors)


def test_documents_must_cite_complete_verified_matching_uploads(api: Api) -> None:
    data = b"%PDF justificatif " * 50
    unknown = {**api.uploaded(data), "upload_id": "u-" + "0" * 24}
    wrong_size = {**api.uploaded(data), "size": len(data) + 1}
    wrong_hash = {**api.uploaded(data), "sha256": hashlib.sha256(b"autre").hexdigest()}
    partial_url = api.create_upload(data)
    api.patch(partial_url, 0, data[:100])
    partial = {**api.uploaded(b""), "upload_id": partial_url.rsplit("/", 1)[-1]}
    partial.update(sha256=hashlib.sha256(data).hexdigest(), size=len(data))
    corrupt = api.uploaded(data, sha256=hashlib.sha256(b"pas ce fichier").hexdigest())
    corrupt["sha256"] = hashlib.sha256(b"pas ce fichier").hexdigest()
    body = submission([unknown, wrong_size, wrong_hash, partial, corrupt])
    errors = assert_error(api.submit(body), 422, "invalid_submission")["errors"]
    fields = {e["field"].split(".")[0] for e in errors}
    assert fields == {f"documents[{i}]" for i in range(5)}
    assert api.call("GET", f"/v1/submissions/{body['id']}").status_code == 404


def test_malformed_body_is_400(api: Api) -> None:
    key = str(uuid.uuid4())
    answer = api.call(
        "POST",
        "/v1/submissions",
        data=b"{pas du json",
        headers={"Idempotency-Key": key, "Content-Type": "application/json"},
    )
    assert_error(answer, 400)


def test_too_large_submission_is_413(api: Api) -> None:
    body = submission([])
    body["answers"] = {"notes": "x" * (16 * 1024 * 1024)}
    assert_error(api.submit(body), 413)


def test_submission_status_and_unknown_id(api: Api) -> None:
    body = submission([])
    receipt = api.submit(body).json()
    answer = api.call("GET", f"/v1/submissions/{body['id']}")
    assert answer.status_code == 200
    status = answer.json()
    assert status["id"] == body["id"] and status["dossier_number"] == receipt["dossier_number"]
    assert status["status"] in {"received", "in_review", "needs_info", "accepted", "rejected", "title_sent"}
    assert is_rfc3339_utc(status["status_changed_at"]) and isinstance(status["message"], str)
    assert_error(api.call("GET", f"/v1/submissions/{uuid.uuid4()}"), 404)


# -- heartbeat ----------------------------------------------------------------------------


def test_heartbeat_is_204(api: Api) -> None:
    answer = api.call(
        "PUT",
        "/v1/kiosks/7501-K02/heartbeat",
        json={
            "version": "point-numerique-kiosk/0.1.0",
            "queue_depth": 3,
            "oldest_pending_at": "2026-11-30T10:17:00Z",
            "last_sync_at": None,
            "failed": 1,
        },
    )
    assert answer.status_code == 204
