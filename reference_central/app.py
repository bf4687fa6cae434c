"""HTTP face of the reference central service: exactly ``shared/central-api.md``, version 1.

Handlers are small and synchronous on purpose: the store serialises writes,
and a reference implementation must be easy to read against the contract.
Every malformed header or body gets a ``400`` or ``422`` in the contract's
error shape, never a ``500`` (``tests/test_central_fuzz.py`` checks it).
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from reference_central.store import (
    CentralStore,
    Grant,
    OffsetMismatch,
    Submission,
    Upload,
    UploadNotFound,
    UploadOverflow,
    canonical_json,
    rfc3339,
    utc_now,
)
from reference_central.validation import validate_heartbeat, validate_submission

log = logging.getLogger(__name__)

TUS_VERSION = "1.0.0"
DEFAULT_MAX_UPLOAD = 20 * 1024 * 1024
DEFAULT_MAX_SUBMISSION = 1024 * 1024  # the contract's limit: 1 MiB
MAX_HEARTBEAT = 64 * 1024
MAX_JSON_DEPTH = 16  # the contract's body nests 3 deep; anything far deeper is malformed
MAX_INT_DIGITS = 20
_UPLOAD_ID = re.compile(r"^u-[0-9a-f]{24}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_ASCII_DIGITS = re.compile(r"^[0-9]{1,19}$")  # str.isdigit() accepts « ² » and other digits


class ApiError(Exception):
    """An error answer in the contract's shape ``{"error", "message"[, "errors"]}``."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        errors: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors
        self.headers = headers or {}

    def response(self, method: str = "GET") -> Response:
        if method == "HEAD":  # a HEAD error has no body
            return Response(status_code=self.status, headers=self.headers)
        body: dict[str, Any] = {"error": self.code, "message": self.message}
        if self.errors is not None:
            body["errors"] = self.errors
        return JSONResponse(body, status_code=self.status, headers=self.headers)


def _tus_headers(**extra: str) -> dict[str, str]:
    return {"Tus-Resumable": TUS_VERSION, **extra}


def _upload_headers(upload: Upload, **extra: str) -> dict[str, str]:
    """Tus headers plus ``Upload-Expires`` (an HTTP date) while the upload can expire."""
    headers = _tus_headers(**extra)
    if upload.expires_at is not None:
        headers["Upload-Expires"] = _http_date(upload.expires_at)
    return headers


def _http_date(moment: datetime) -> str:
    """``Tue, 01 Dec 2026 10:17:00 GMT`` (RFC 9110)."""
    return format_datetime(moment.astimezone(UTC).replace(microsecond=0), usegmt=True)


def _parse_metadata(header: str) -> dict[str, str]:
    """``key base64(value)`` pairs separated by commas (tus creation extension), UTF-8 values."""
    metadata: dict[str, str] = {}
    for pair in filter(None, (part.strip() for part in header.split(","))):
        key, _, encoded = pair.partition(" ")
        try:
            metadata[key] = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
        except (ValueError, UnicodeDecodeError):  # binascii.Error, or a non-ASCII header value
            raise ApiError(
                400, "invalid_metadata", "Une métadonnée de l'envoi n'est pas en base64 valide."
            ) from None
    return metadata


def _non_negative_int(value: str | None, header: str) -> int:
    if value is None or not _ASCII_DIGITS.match(value.strip()):
        raise ApiError(
            400, "invalid_header", f"L'en-tête {header} doit être un entier positif ou nul (chiffres 0 à 9).",
            headers=_tus_headers(),
        )
    return int(value)


async def _read_body(request: Request, limit: int, what: str) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and _ASCII_DIGITS.match(declared.strip()) and int(declared) > limit:
        raise ApiError(413, "too_large", f"{what} dépasse la taille maximale ({limit} octets).")
    chunks: list[bytes] = []
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > limit:
            raise ApiError(413, "too_large", f"{what} dépasse la taille maximale ({limit} octets).")
        chunks.append(chunk)
    return b"".join(chunks)


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError("number too large")
    return int(text)


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError("number too large")
    return value


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _too_deep(value: Any) -> bool:
    """Nesting beyond ``MAX_JSON_DEPTH``, measured without recursion."""
    pending = [(value, 1)]
    while pending:
        current, depth = pending.pop()
        children = (
            current.values() if isinstance(current, dict) else current if isinstance(current, list) else ()
        )
        for child in children:
            if isinstance(child, dict | list):
                if depth + 1 > MAX_JSON_DEPTH:
                    return True
                pending.append((child, depth + 1))
    return False


def parse_json_object(raw: bytes) -> dict[str, Any]:
    """A JSON object, or ``ApiError`` 400: bad UTF-8 or JSON, NaN, huge numbers, deep nesting."""
    try:
        body = json.loads(
            raw.decode("utf-8"),
            parse_int=_bounded_int,
            parse_float=_finite_float,
            parse_constant=_refuse_constant,
        )
    except RecursionError:
        raise ApiError(400, "malformed", "Le corps JSON est trop imbriqué.") from None
    except (UnicodeDecodeError, ValueError):  # json.JSONDecodeError is a ValueError
        raise ApiError(
            400, "malformed", "Le corps n'est pas un JSON UTF-8 valide (ou porte un nombre trop grand)."
        ) from None
    if not isinstance(body, dict):
        raise ApiError(400, "malformed", "Le corps doit être un objet JSON.")
    if _too_deep(body):
        raise ApiError(400, "malformed", "Le corps JSON est trop imbriqué.")
    return body


async def _read_json_object(request: Request, limit: int, what: str) -> dict[str, Any]:
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise ApiError(400, "malformed", "Le corps doit être du JSON (Content-Type: application/json).")
    return parse_json_object(await _read_body(request, limit, what))


def create_app(
    store: CentralStore,
    *,
    prefix: str = "/api",
    max_upload_size: int = DEFAULT_MAX_UPLOAD,
    max_submission_size: int = DEFAULT_MAX_SUBMISSION,
) -> FastAPI:
    """The FastAPI application serving the contract under ``<prefix>/v1``."""
    app = FastAPI(title="Service central de référence", docs_url=None, redoc_url=None, openapi_url=None)
    router = APIRouter(prefix=f"{prefix}/v1")

    @app.exception_handler(ApiError)
    async def api_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, ApiError)
        return error.response(request.method)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        if error.status_code == 405:
            return ApiError(405, "method_not_allowed", "Cette méthode n'est pas permise ici.").response(
                request.method
            )
        return ApiError(
            error.status_code, "not_found", "Cette adresse n'existe pas : vérifiez l'URL du service."
        ).response(request.method)

    def authorize(request: Request) -> tuple[str, Grant]:
        """The token and what it may do; 401 when missing or unknown, 403 when revoked."""
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        unauthorized = {"WWW-Authenticate": "Bearer"}
        if scheme.lower() != "bearer" or not token.strip():
            raise ApiError(
                401, "unauthorized", "Jeton d'accès manquant : configurez le jeton de la borne.",
                headers=unauthorized,
            )
        grant = store.grant(token.strip())
        if grant.state == "revoked":
            raise ApiError(
                403, "forbidden", "Le jeton de cette borne a été révoqué : demandez-en un nouveau."
            )
        if grant.state != "valid":
            raise ApiError(
                401, "unauthorized", "Jeton d'accès inconnu : vérifiez le jeton de la borne.",
                headers=unauthorized,
            )
        return token.strip(), grant

    def speak_for(token: str, grant: Grant, kiosk_id: str, site: str | None) -> Grant:
        """403 unless the token belongs to this kiosk (and site); binds an unbound token."""
        if grant.kiosk_id is None or (site is not None and grant.site is None):
            grant = store.bind_token(token, kiosk_id, site)
        if grant.kiosk_id != kiosk_id or (site is not None and grant.site != site):
            log.warning("a token spoke for a kiosk or site that is not its own")
            raise ApiError(
                403, "forbidden",
                "Ce jeton appartient à une autre borne : vérifiez « kiosk.id », « kiosk.site » "
                "et « central.token » dans la configuration.",
            )
        return grant

    def require_tus(request: Request) -> None:
        if request.headers.get("tus-resumable") != TUS_VERSION:
            raise ApiError(
                412, "unsupported_tus_version", "L'en-tête Tus-Resumable: 1.0.0 est obligatoire.",
                headers=_tus_headers(**{"Tus-Version": TUS_VERSION}),
            )

    def find_upload(upload_id: str) -> Upload:
        if not _UPLOAD_ID.match(upload_id):
            raise UploadNotFound(upload_id)
        return store.upload(upload_id)

    def known_upload(upload_id: str) -> Upload:
        try:
            return find_upload(upload_id)
        except UploadNotFound:
            raise _upload_not_found() from None

    def readable(grant: Grant, stored: Submission | None) -> Response:
        """The status of a dossier of the token's own site; any other is ``404``."""
        if stored is None or grant.site is None or stored.site != grant.site:
            raise ApiError(404, "not_found", "Aucune demande reçue sous cet identifiant pour ce site.")
        return JSONResponse(stored.status_body())

    @router.get("/health")
    def health(request: Request) -> Response:
        authorize(request)
        return JSONResponse({"status": "ok", "api_version": "1", "server_time": rfc3339(utc_now())})

    @router.options("/uploads")
    def upload_options(request: Request) -> Response:
        authorize(request)
        return Response(
            status_code=204,
            headers=_tus_headers(
                **{
                    "Tus-Version": TUS_VERSION,
                    "Tus-Max-Size": str(max_upload_size),
                    "Tus-Extension": "creation,checksum,expiration",
                    "Tus-Checksum-Algorithm": "sha256",
                }
            ),
        )

    @router.post("/uploads")
    def create_upload(request: Request) -> Response:
        authorize(request)
        require_tus(request)
        length = _non_negative_int(request.headers.get("upload-length"), "Upload-Length")
        if length > max_upload_size:
            raise ApiError(
                413, "too_large", f"Document trop volumineux (maximum {max_upload_size} octets).",
                headers=_tus_headers(),
            )
        metadata = _parse_metadata(request.headers.get("upload-metadata", ""))
        sha256 = metadata.get("sha256", "")
        if not _SHA256.match(sha256):
            raise ApiError(
                400, "invalid_metadata",
                "La métadonnée sha256 (empreinte hexadécimale du fichier entier) est obligatoire.",
            )
        upload = store.create_upload(
            length, sha256, metadata.get("content_type", ""), metadata.get("filename", "")
        )
        log.info("upload %s created (%d bytes)", upload.id, length)
        # absolute and same-origin: the client follows only a Location on its base URL's origin
        location = str(request.base_url).rstrip("/") + f"{prefix}/v1/uploads/{upload.id}"
        return Response(
            status_code=201,
            headers=_upload_headers(upload, Location=location, **{"Upload-Offset": str(upload.offset)}),
        )

    @router.head("/uploads/{upload_id}")
    def upload_offset(upload_id: str, request: Request) -> Response:
        authorize(request)
        require_tus(request)
        upload = known_upload(upload_id)
        return Response(
            status_code=200,
            headers=_upload_headers(
                upload,
                **{
                    "Upload-Offset": str(upload.offset),
                    "Upload-Length": str(upload.length),
                    "Cache-Control": "no-store",
                },
            ),
        )

    @router.patch("/uploads/{upload_id}")
    async def append_upload(upload_id: str, request: Request) -> Response:
        authorize(request)
        require_tus(request)
        if request.headers.get("content-type") != "application/offset+octet-stream":
            raise ApiError(
                415, "unsupported_media_type",
                "Le Content-Type doit être application/offset+octet-stream.",
                headers=_tus_headers(),
            )
        offset = _non_negative_int(request.headers.get("upload-offset"), "Upload-Offset")
        upload = known_upload(upload_id)
        store.touch(upload_id)  # any PATCH restarts the expiry clock of an unfinished upload
        upload = known_upload(upload_id)
        if offset != upload.offset:
            raise ApiError(
                409, "offset_mismatch", "Décalage différent de celui du serveur : redemandez-le (HEAD).",
                headers=_upload_headers(upload, **{"Upload-Offset": str(upload.offset)}),
            )
        expected = _expected_checksum(request.headers.get("upload-checksum"))
        data = await _read_body(request, upload.length - upload.offset, "Ce morceau")
        if expected is not None and hashlib.sha256(data).digest() != expected:
            raise ApiError(
                460, "checksum_mismatch", "Le morceau reçu est abîmé : renvoyez-le.",
                headers=_upload_headers(upload, **{"Upload-Offset": str(upload.offset)}),
            )
        try:
            upload = store.append(upload_id, offset, data)
        except UploadNotFound:
            raise _upload_not_found() from None
        except OffsetMismatch as mismatch:
            raise ApiError(
                409, "offset_mismatch", "Décalage différent de celui du serveur : redemandez-le (HEAD).",
                headers=_tus_headers(**{"Upload-Offset": str(mismatch.offset)}),
            ) from None
        except UploadOverflow:
            raise ApiError(400, "upload_overflow", "Le morceau dépasse la taille annoncée.") from None
        if upload.complete and not upload.verified:
            log.warning("upload %s complete but its sha256 does not match", upload_id)
        return Response(
            status_code=204, headers=_upload_headers(upload, **{"Upload-Offset": str(upload.offset)})
        )

    @router.post("/submissions")
    async def submit(request: Request) -> Response:
        token, grant = authorize(request)
        key = request.headers.get("idempotency-key", "").strip()
        if not key:
            raise ApiError(400, "malformed", "L'en-tête Idempotency-Key est obligatoire.")
        body = await _read_json_object(request, max_submission_size, "La demande")
        canonical = canonical_json(body)
        existing = store.submission(key)
        if existing is not None and isinstance(body.get("kiosk_id"), str) and isinstance(
            body.get("site"), str
        ):
            speak_for(token, grant, body["kiosk_id"], body["site"])
        if existing is None:
            errors = validate_submission(body, key, find_upload)
            if errors:
                log.info("submission %s refused: %d field errors", key, len(errors))
                raise ApiError(
                    422, "invalid_submission", "La demande contient des erreurs à corriger.",
                    errors=errors,
                )
            speak_for(token, grant, str(body["kiosk_id"]), str(body["site"]))
            existing, created = store.record_submission(key, canonical)
            if created:
                log.info("submission %s filed as %s", key, existing.dossier_number)
                return JSONResponse(existing.receipt, status_code=201)
        if existing.canonical != canonical:
            log.warning("submission %s: idempotency key reused with another body", key)
            raise ApiError(
                409, "idempotency_key_reused",
                "Cette demande a déjà été reçue avec un contenu différent : un médiateur doit vérifier.",
            )
        return JSONResponse(existing.receipt, status_code=200)

    @router.get("/submissions")
    def submission_by_reference(request: Request) -> Response:
        _, grant = authorize(request)
        reference = request.query_params.get("local_reference", "").strip()
        if not reference:
            raise ApiError(
                400, "malformed", "Donnez la référence du reçu : ?local_reference=PN-…"
            )
        return readable(grant, store.by_reference(grant.site or "", reference))

    @router.get("/submissions/{submission_id}")
    def submission_status(submission_id: str, request: Request) -> Response:
        _, grant = authorize(request)
        return readable(grant, store.submission(submission_id))

    @router.put("/kiosks/{kiosk_id}/heartbeat")
    async def heartbeat(kiosk_id: str, request: Request) -> Response:
        token, grant = authorize(request)
        speak_for(token, grant, kiosk_id, None)
        body = await _read_json_object(request, MAX_HEARTBEAT, "Le signal de vie")
        errors = validate_heartbeat(body)
        if errors:
            raise ApiError(
                422, "invalid_heartbeat", "Le signal de vie contient des erreurs.", errors=errors
            )
        store.record_heartbeat(kiosk_id, body)
        return Response(status_code=204)

    app.include_router(router)
    return app


def _upload_not_found() -> ApiError:
    return ApiError(
        404, "upload_not_found", "Envoi inconnu ou expiré : recommencez l'envoi du document.",
        headers=_tus_headers(),
    )


def _expected_checksum(header: str | None) -> bytes | None:
    """The digest announced by ``Upload-Checksum: sha256 <base64>``, if any."""
    if header is None:
        return None
    algorithm, _, encoded = header.strip().partition(" ")
    if algorithm.lower() != "sha256":
        raise ApiError(
            400, "unsupported_checksum", "Seul l'algorithme sha256 est accepté pour Upload-Checksum.",
            headers=_tus_headers(),
        )
    try:
        digest = base64.b64decode(encoded.strip(), validate=True)
    except ValueError:  # binascii.Error, or a non-ASCII header value
        digest = b""
    if len(digest) != hashlib.sha256().digest_size:
        raise ApiError(400, "invalid_header", "L'en-tête Upload-Checksum est mal formé.")
    return digest
