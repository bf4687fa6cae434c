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
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
import requests

from reference_central import serve_in_thread

TOKEN = "jeton-contrat-7501-K02"
SAME_SITE_TOKEN = "jeton-contrat-7501-K03"  # another kiosk of site 7501
OTHER_SITE_TOKEN = "jeton-contrat-6901-K01"  # a kiosk of site 6901
TUS = {"Tus-Resumable": "1.0.0"}


class Api:
    """A thin HTTP helper holding the base URL and the contract's mandatory headers."""

    def __init__(self, base_url: str, token: str | None = TOKEN, server: Any = None) -> None:
        self.base = base_url
        self.server = server  # only to play the instructor (status changes are not in the contract)
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
        "representative": None,
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
    server = serve_in_thread(
        Path(tmp_path_factory.mktemp("central")), TOKEN, kiosk_id="7501-K02", site="7501"
    )
    server.store.allow_token(SAME_SITE_TOKEN, "7501-K03", "7501")
    server.store.allow_token(OTHER_SITE_TOKEN, "6901-K01", "6901")
    yield Api(server.url, server=server)
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
    assert status["status"] in {
        "received", "in_review", "needs_info", "awaiting_payment", "accepted", "rejected", "title_sent",
    }
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


# -- points settled on 2026-12-01 (contract § 6) -------------------------------------------


def http_date(text: str) -> datetime:
    moment = parsedate_to_datetime(text)
    assert moment.tzinfo is not None, text
    return moment


def test_representative_is_required_and_may_be_null(api: Api) -> None:
    body = submission([])
    del body["representative"]
    answer = assert_error(api.submit(body), 422, "invalid_submission")
    assert {e["field"] for e in answer["errors"]} == {"representative"}
    body["representative"] = None
    assert api.submit(body).status_code == 201


def test_representative_with_a_mandate_is_accepted(api: Api) -> None:
    mandate = b"%PDF mandat signe"
    body = submission([api.uploaded(mandate)])
    body["representative"] = {
        "role": "mandataire",
        "last_name": "Martin",
        "first_names": "Jeanne Marie",
        "mandate": {"sha256": hashlib.sha256(mandate).hexdigest(), "signed_at": "2026-11-29T15:00:00Z"},
    }
    assert api.submit(body).status_code == 201


@pytest.mark.parametrize(
    ("representative", "field"),
    [
        ({"role": "cousin", "last_name": "M", "first_names": "J", "mandate": None}, "representative.role"),
        ({"role": "tuteur", "first_names": "J", "mandate": None}, "representative.last_name"),
        ({"role": "tuteur", "last_name": "M", "first_names": "J"}, "representative.mandate"),
        (
            {"role": "curateur", "last_name": "M", "first_names": "J",
             "mandate": {"sha256": "abc", "signed_at": "2026-11-29T15:00:00Z"}},
            "representative.mandate.sha256",
        ),
        ("Jeanne Martin", "representative"),
    ],
)
def test_a_malformed_representative_is_422(api: Api, representative: Any, field: str) -> None:
    body = submission([])
    body["representative"] = representative
    answer = assert_error(api.submit(body), 422, "invalid_submission")
    assert field in {e["field"] for e in answer["errors"]}


def test_needs_info_adds_missing_and_awaiting_payment_adds_payment(api: Api) -> None:
    body = submission([])
    api.submit(body)
    url = f"/v1/submissions/{body['id']}"
    missing = [{"kind": "justificatif_domicile", "message": "Le justificatif date de plus de six mois."}]
    api.server.store.set_status(body["id"], "needs_info", "Il manque une pièce.", missing=missing)
    status = api.call("GET", url).json()
    assert status["status"] == "needs_info" and status["missing"] == missing
    assert "payment" not in status
    payment = {"amount_eur": "13.76", "reason": "Redevance d'acheminement",
               "pay_before": "2026-12-31T23:00:00Z"}
    api.server.store.set_status(body["id"], "awaiting_payment", "Paiement attendu.", payment=payment)
    status = api.call("GET", url).json()
    assert status["status"] == "awaiting_payment" and status["payment"] == payment
    assert "missing" not in status
    api.server.store.set_status(body["id"], "in_review", "En cours.")
    assert not {"missing", "payment"} & set(api.call("GET", url).json())


def test_lookup_by_local_reference_from_any_kiosk_of_the_site(api: Api) -> None:
    body = submission([])
    body["local_reference"] = f"PN-7501-K02-{uuid.uuid4().int % 10**6:06d}"
    receipt = api.submit(body).json()
    by_id = api.call("GET", f"/v1/submissions/{body['id']}").json()
    query = {"local_reference": body["local_reference"]}
    mine = api.call("GET", "/v1/submissions", params=query)
    neighbour = Api(api.base, SAME_SITE_TOKEN).call("GET", "/v1/submissions", params=query)
    assert mine.status_code == neighbour.status_code == 200
    assert mine.json() == neighbour.json() == by_id
    assert by_id["dossier_number"] == receipt["dossier_number"]
    assert_error(api.call("GET", "/v1/submissions", params={"local_reference": "PN-7501-K02-999999"}), 404)


def test_another_site_reads_nothing_not_even_existence(api: Api) -> None:
    body = submission([])
    body["local_reference"] = "PN-7501-K02-000777"
    api.submit(body)
    stranger = Api(api.base, OTHER_SITE_TOKEN)
    by_id = stranger.call("GET", f"/v1/submissions/{body['id']}")
    unknown = stranger.call("GET", f"/v1/submissions/{uuid.uuid4()}")
    by_reference = stranger.call("GET", "/v1/submissions", params={"local_reference": "PN-7501-K02-000777"})
    for answer in (by_id, by_reference):
        assert_error(answer, 404)
        assert answer.json()["error"] == unknown.json()["error"]


def test_unfinished_upload_answers_carry_upload_expires_a_day_ahead(api: Api) -> None:
    data = b"y" * 3000
    before = datetime.now(UTC)
    created = api.call(
        "POST", "/v1/uploads",
        headers={**TUS, "Upload-Length": str(len(data)),
                 "Upload-Metadata": "sha256 " + base64.b64encode(
                     hashlib.sha256(data).hexdigest().encode()).decode()},
    )
    assert created.status_code == 201
    url = urljoin(api.base, created.headers["Location"])
    head = api.call("HEAD", url, headers=TUS)
    patched = api.patch(url, 0, data[:1000])
    for answer in (created, head, patched):
        expires = http_date(answer.headers["Upload-Expires"])
        assert expires >= before + timedelta(hours=24) - timedelta(seconds=1)


def test_location_is_absolute_and_on_the_base_urls_origin(api: Api) -> None:
    data = b"%PDF origin"
    answer = api.call(
        "POST", "/v1/uploads",
        headers={**TUS, "Upload-Length": str(len(data)),
                 "Upload-Metadata": "sha256 " + base64.b64encode(
                     hashlib.sha256(data).hexdigest().encode()).decode()},
    )
    location, base = urlsplit(answer.headers["Location"]), urlsplit(api.base)
    assert (location.scheme, location.hostname, location.port) == (base.scheme, base.hostname, base.port)
    assert api.patch(answer.headers["Location"], 0, data).status_code == 204


BEAT: dict[str, Any] = {
    "version": "point-numerique-kiosk/0.1.0",
    "queue_depth": 3,
    "oldest_pending_at": "2026-11-30T10:17:00Z",
    "last_sync_at": None,
    "failed": 1,
}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("version", "point-numerique-kiosk"),
        ("version", 1),
        ("queue_depth", "3"),
        ("queue_depth", True),
        ("queue_depth", -1),
        ("queue_depth", 2.5),
        ("failed", None),
        ("oldest_pending_at", "hier"),
        ("last_sync_at", 1733000000),
    ],
)
def test_heartbeat_field_types_are_checked(api: Api, field: str, value: Any) -> None:
    answer = api.call("PUT", "/v1/kiosks/7501-K02/heartbeat", json={**BEAT, field: value})
    body = assert_error(answer, 422, "invalid_heartbeat")
    assert [e["field"] for e in body["errors"]] == [field]


def test_heartbeat_for_another_kiosk_is_403(api: Api) -> None:
    assert_error(api.call("PUT", "/v1/kiosks/7501-K03/heartbeat", json=BEAT), 403)
    assert api.call("PUT", "/v1/kiosks/7501-K02/heartbeat", json=BEAT).status_code == 204


def test_tus_requests_without_tus_resumable_are_412(api: Api) -> None:
    url = api.create_upload(b"abc")
    plain = {"Upload-Length": "3", "Upload-Metadata": "sha256 " + base64.b64encode(b"0" * 64).decode()}
    assert api.call("POST", "/v1/uploads", headers=plain).status_code == 412
    assert api.call("HEAD", url).status_code == 412
    patch = api.call(
        "PATCH", url, data=b"abc",
        headers={"Content-Type": "application/offset+octet-stream", "Upload-Offset": "0"},
    )
    assert_error(patch, 412)


def test_patch_with_another_content_type_is_415(api: Api) -> None:
    url = api.create_upload(b"abc")
    answer = api.call(
        "PATCH", url, data=b"abc",
        headers={**TUS, "Content-Type": "application/octet-stream", "Upload-Offset": "0"},
    )
    assert_error(answer, 415)


def test_a_head_error_has_no_body(api: Api) -> None:
    answer = api.call("HEAD", f"{api.base}/v1/uploads/u-000000000000000000000000", headers=TUS)
    assert answer.status_code == 404 and answer.content == b""


def test_a_body_of_exactly_one_mib_is_not_too_large(api: Api) -> None:
    def sized(total: int) -> bytes:
        body = submission([])
        body["answers"] = {"notes": ""}
        bare = len(json.dumps(body).encode())
        body["answers"] = {"notes": "x" * (total - bare)}
        raw = json.dumps(body).encode()
        assert len(raw) == total
        return raw

    def post(raw: bytes) -> requests.Response:
        key = json.loads(raw)["id"]
        return api.call(
            "POST", "/v1/submissions", data=raw,
            headers={"Idempotency-Key": key, "Content-Type": "application/json"},
        )

    assert post(sized(1024 * 1024)).status_code != 413
    assert_error(post(sized(1024 * 1024 + 1)), 413)


def test_a_correction_leaves_the_replaced_dossier_rejected_naming_its_successor(api: Api) -> None:
    first = submission([])
    api.submit(first)
    missing = [{"kind": "plate", "message": "L'immatriculation ne correspond à aucun véhicule."}]
    api.server.store.set_status(first["id"], "needs_info", "Il manque une information.", missing=missing)
    correction = {**submission([]), "supersedes": first["id"]}
    receipt = api.submit(correction).json()
    replaced = api.call("GET", f"/v1/submissions/{first['id']}").json()
    assert replaced["status"] == "rejected" and "missing" not in replaced
    assert receipt["dossier_number"] in replaced["message"]
    assert api.submit(correction).status_code == 200  # a replay changes nothing more
