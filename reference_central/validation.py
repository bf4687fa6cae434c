"""Field checks behind the service's 422 answers.

A kiosk bug must be caught here, field by field, rather than filed as a
dossier an instructor cannot read. Each error is
``{"field", "code", "message"}`` with a French message.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from reference_central.store import Upload, UploadNotFound

FieldError = dict[str, str]

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_PROCEDURE_CODE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$")
_VERSION = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.-]{0,15}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_PRODUCT_VERSION = re.compile(r"^[!-.0-~]{1,64}/[!-.0-~]{1,32}$")  # product/version, no space or extra /
_MAX_TEXT = 2000
MAX_COUNT = 2**53 - 1  # the largest integer every JSON reader keeps exact
REPRESENTATIVE_ROLES = ("mandataire", "tuteur", "curateur", "heritier")


def _error(field: str, code: str, message: str) -> FieldError:
    return {"field": field, "code": code, "message": message}


def is_rfc3339(value: object) -> bool:
    """An RFC 3339 timestamp with a date, a time and an offset (``Z`` or ``+hh:mm``)."""
    if not isinstance(value, str) or "T" not in value:
        return False
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


class _Checker:
    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, field: str, code: str, message: str) -> None:
        self.errors.append(_error(field, code, message))

    def present(self, body: dict[str, Any], key: str, field: str) -> bool:
        if key not in body:
            self.add(field, "required", f"Le champ {field} manque.")
            return False
        return True

    def text(self, body: dict[str, Any], key: str, field: str, *, nullable: bool = False) -> None:
        if not self.present(body, key, field):
            return
        value = body[key]
        if value is None and nullable:
            return
        if not isinstance(value, str) or not value.strip():
            self.add(field, "wrong_type", f"Le champ {field} doit être un texte non vide.")
        elif len(value) > _MAX_TEXT:
            self.add(field, "too_long", f"Le champ {field} est trop long.")

    def pattern(
        self,
        body: dict[str, Any],
        key: str,
        field: str,
        rule: Callable[[str], bool],
        hint: str,
        *,
        nullable: bool = False,
    ) -> None:
        if not self.present(body, key, field):
            return
        value = body[key]
        if value is None and nullable:
            return
        if not isinstance(value, str):
            self.add(field, "wrong_type", f"Le champ {field} doit être un texte ({hint}).")
        elif not rule(value):
            self.add(field, "invalid_format", f"Le champ {field} n'a pas le bon format ({hint}).")

    def count(self, body: dict[str, Any], key: str, field: str) -> None:
        """A whole number from 0 to ``MAX_COUNT`` (booleans are not numbers here)."""
        if not self.present(body, key, field):
            return
        value = body[key]
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_COUNT:
            self.add(field, "wrong_type", f"Le champ {field} doit être un entier positif ou nul.")

    def obj(
        self, body: dict[str, Any], key: str, field: str, *, nullable: bool = False
    ) -> dict[str, Any] | None:
        if not self.present(body, key, field):
            return None
        value = body[key]
        if value is None and nullable:
            return None
        if not isinstance(value, dict):
            self.add(field, "wrong_type", f"Le champ {field} doit être un objet JSON.")
            return None
        return value


def _is_uuid(value: str) -> bool:
    return bool(_UUID.match(value))


def validate_submission(
    body: dict[str, Any], key: str, find_upload: Callable[[str], Upload]
) -> list[FieldError]:
    """Every problem of a submission body; empty when it can be filed."""
    check = _Checker()
    check.pattern(body, "id", "id", _is_uuid, "un UUID en minuscules")
    if isinstance(body.get("id"), str) and body["id"] != key:
        check.add("id", "mismatch", "Le champ id doit être égal à l'en-tête Idempotency-Key.")
    check.text(body, "local_reference", "local_reference")
    procedure = check.obj(body, "procedure", "procedure")
    if procedure is not None:
        check.pattern(
            procedure,
            "code",
            "procedure.code",
            lambda v: bool(_PROCEDURE_CODE.match(v)) and len(v) <= 64,
            "ex. cg-changement-adresse",
        )
        check.pattern(
            procedure, "version", "procedure.version", lambda v: bool(_VERSION.match(v)), "ex. 3"
        )
    check.pattern(body, "created_at", "created_at", is_rfc3339, "date RFC 3339")
    check.text(body, "kiosk_id", "kiosk_id")
    check.text(body, "site", "site")
    check.text(body, "mediator_id", "mediator_id", nullable=True)
    answers = check.obj(body, "answers", "answers")
    for name, value in (answers or {}).items():
        if value is not None and not isinstance(value, str | int | float | bool):
            check.add(
                f"answers.{name}", "wrong_type", f"La réponse answers.{name} doit être une valeur simple."
            )
        elif isinstance(value, int | float) and not isinstance(value, bool) and abs(value) > MAX_COUNT:
            check.add(f"answers.{name}", "too_large", f"La réponse answers.{name} est un nombre trop grand.")
        elif isinstance(value, str) and len(value) > _MAX_TEXT:
            check.add(f"answers.{name}", "too_long", f"La réponse answers.{name} est trop longue.")
    if check.present(body, "documents", "documents"):
        if isinstance(body["documents"], list):
            for index, document in enumerate(body["documents"]):
                _check_document(check, f"documents[{index}]", document, find_upload)
        else:
            check.add("documents", "wrong_type", "Le champ documents doit être une liste.")
    consent = check.obj(body, "consent", "consent")
    if consent is not None:
        check.pattern(consent, "given_at", "consent.given_at", is_rfc3339, "date RFC 3339")
        check.text(consent, "text_version", "consent.text_version")
    representative = check.obj(body, "representative", "representative", nullable=True)
    if representative is not None:
        _check_representative(check, representative)
    check.pattern(body, "supersedes", "supersedes", _is_uuid, "un UUID ou null", nullable=True)
    return check.errors


def _check_document(
    check: _Checker, field: str, document: object, find_upload: Callable[[str], Upload]
) -> None:
    if not isinstance(document, dict):
        check.add(field, "wrong_type", f"L'élément {field} doit être un objet JSON.")
        return
    before = len(check.errors)
    check.text(document, "kind", f"{field}.kind")
    check.text(document, "upload_id", f"{field}.upload_id")
    check.pattern(
        document, "sha256", f"{field}.sha256", lambda v: bool(_SHA256.match(v)), "64 chiffres hexadécimaux"
    )
    size = document.get("size")
    check.count(document, "size", f"{field}.size")
    check.text(document, "content_type", f"{field}.content_type")
    check.text(document, "filename", f"{field}.filename")
    if len(check.errors) > before:
        return
    try:
        upload = find_upload(document["upload_id"])
    except UploadNotFound:
        check.add(
            f"{field}.upload_id", "unknown_upload", "Ce document n'a pas été reçu : envoyez-le de nouveau."
        )
        return
    if not upload.complete:
        check.add(
            f"{field}.upload_id", "upload_incomplete", "Ce document n'a été reçu qu'en partie."
        )
    elif not upload.verified:
        check.add(
            f"{field}.upload_id", "upload_corrupt", "Ce document est arrivé abîmé (empreinte différente)."
        )
    if upload.sha256 != document["sha256"]:
        check.add(
            f"{field}.sha256", "sha256_mismatch", "L'empreinte ne correspond pas au document envoyé."
        )
    if upload.length != size:
        check.add(f"{field}.size", "size_mismatch", "La taille ne correspond pas au document envoyé.")


def _check_representative(check: _Checker, representative: dict[str, Any]) -> None:
    """``{"role", "last_name", "first_names", "mandate": {"sha256", "signed_at"} | null}``."""
    check.pattern(
        representative,
        "role",
        "representative.role",
        lambda v: v in REPRESENTATIVE_ROLES,
        "mandataire, tuteur, curateur ou heritier",
    )
    check.text(representative, "last_name", "representative.last_name")
    check.text(representative, "first_names", "representative.first_names")
    mandate = check.obj(representative, "mandate", "representative.mandate", nullable=True)
    if mandate is not None:
        check.pattern(
            mandate, "sha256", "representative.mandate.sha256",
            lambda v: bool(_SHA256.match(v)), "64 chiffres hexadécimaux",
        )
        check.pattern(
            mandate, "signed_at", "representative.mandate.signed_at", is_rfc3339, "date RFC 3339"
        )


_AUDIT_HEAD = re.compile(r"^[0-9]{1,18}:[0-9a-f]{64}$")


def validate_heartbeat(body: dict[str, Any]) -> list[FieldError]:
    """Problems of a heartbeat body; empty when it can be recorded (types of the contract, § 6)."""
    check = _Checker()
    check.pattern(
        body, "version", "version", lambda v: bool(_PRODUCT_VERSION.match(v)), "produit/version"
    )
    for key in ("queue_depth", "failed"):
        check.count(body, key, key)
    for key in ("oldest_pending_at", "last_sync_at"):
        check.pattern(body, key, key, is_rfc3339, "date RFC 3339 ou null", nullable=True)
    if "audit_head" in body:  # optional, beyond the contract: the kiosk's audit-journal head
        check.pattern(body, "audit_head", "audit_head", lambda v: bool(_AUDIT_HEAD.match(v)),
                      "<numéro>:<empreinte SHA-256>")
    return check.errors
