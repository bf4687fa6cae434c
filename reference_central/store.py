"""Durable state of the reference central service: SQLite (sqlite-utils) plus upload files.

One store may be opened by the running server and by the ``kiosk central``
admin commands at the same time (WAL, busy timeout); inside one process a lock
serialises writers so an offset check and its append cannot interleave.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import secrets
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlite_utils

log = logging.getLogger(__name__)

STATUSES = (
    "received", "in_review", "needs_info", "awaiting_payment", "accepted", "rejected", "title_sent",
)


def utc_now() -> datetime:
    return datetime.now(UTC)


def rfc3339(moment: datetime) -> str:
    """Seconds precision, ``Z`` suffix: the contract's time format."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def canonical_json(value: Any) -> str:
    """Sorted keys and no insignificant whitespace, as the contract compares bodies."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 if absent (SQLite's -wal/-shm then follow its mode)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    path.chmod(0o600)


class UploadNotFound(LookupError):
    """No upload with this id, or it expired before completion."""


class OffsetMismatch(Exception):
    """The client's Upload-Offset is not the server's; ``offset`` is the server's."""

    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


class UploadOverflow(Exception):
    """The body would go past the announced Upload-Length."""


class StatusDetailsError(ValueError):
    """``missing`` or ``payment`` do not fit the status (French message for the CLI)."""


@dataclass(frozen=True)
class Grant:
    """What a token may do: ``state`` is ``valid``, ``revoked`` or ``unknown``.

    A token belongs to one kiosk and its site. One allowed without them (tests,
    demo) is bound to the kiosk and site of the first heartbeat or submission it carries.
    """

    state: str
    kiosk_id: str | None = None
    site: str | None = None


@dataclass(frozen=True)
class Upload:
    id: str
    length: int
    offset: int
    sha256: str
    content_type: str
    filename: str
    verified: bool | None  # None while incomplete, then whether the whole file matched
    expires_at: datetime | None = None  # None once complete: a complete upload is kept

    @property
    def complete(self) -> bool:
        return self.offset == self.length


@dataclass(frozen=True)
class Submission:
    id: str
    dossier_number: str
    canonical: str
    receipt: dict[str, Any]  # the 201 body, answered again on an identical retry
    status: str
    status_changed_at: str
    message: str
    site: str = ""
    local_reference: str = ""
    missing: list[dict[str, str]] | None = None  # with ``needs_info``
    payment: dict[str, str] | None = None  # with ``awaiting_payment``

    def status_body(self) -> dict[str, Any]:
        """The answer of ``GET /v1/submissions/<id>``: details only with their status."""
        body: dict[str, Any] = {
            "id": self.id,
            "dossier_number": self.dossier_number,
            "status": self.status,
            "status_changed_at": self.status_changed_at,
            "message": self.message,
        }
        if self.status == "needs_info":
            body["missing"] = self.missing or []
        if self.status == "awaiting_payment" and self.payment is not None:
            body["payment"] = self.payment
        return body


class CentralStore:
    """Tokens, uploads, submissions and heartbeats of the reference service."""

    def __init__(
        self,
        data_dir: Path,
        *,
        upload_ttl_s: float = 24 * 3600,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.upload_dir = self.data_dir / "uploads"
        # answers and scans: for the service's account only (folders 0700, files 0600)
        self.upload_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        for folder in (self.data_dir, self.upload_dir):
            folder.chmod(0o700)
        _private_file(self.data_dir / "central.db")
        self.upload_ttl = timedelta(seconds=upload_ttl_s)
        self._now = now
        self._lock = threading.RLock()
        conn = sqlite3.connect(self.data_dir / "central.db", check_same_thread=False, timeout=30)
        self.db = sqlite_utils.Database(conn)
        self.db.execute("PRAGMA busy_timeout = 30000")
        self.db.enable_wal()
        self._create_tables()

    def _create_tables(self) -> None:
        with self._lock, self.db.atomic():
            self.db.table("tokens").create(
                {"digest": str, "revoked": int, "created_at": str}, pk="digest", if_not_exists=True
            )
            self.db.table("uploads").create(
                {
                    "id": str,
                    "length": int,
                    "offset": int,
                    "sha256": str,
                    "content_type": str,
                    "filename": str,
                    "verified": int,
                    "created_at": str,
                },
                pk="id",
                if_not_exists=True,
            )
            self.db.table("submissions").create(
                {
                    "seq": int,
                    "id": str,
                    "dossier_number": str,
                    "canonical": str,
                    "receipt": str,
                    "kiosk_id": str,
                    "received_at": str,
                    "status": str,
                    "status_changed_at": str,
                    "message": str,
                },
                pk="seq",
                not_null={"id", "dossier_number", "canonical"},
                if_not_exists=True,
            )
            self.db.table("submissions").create_index(["id"], unique=True, if_not_exists=True)
            self.db.table("submissions").create_index(["dossier_number"], unique=True, if_not_exists=True)
            self.db.table("heartbeats").create(
                {"kiosk_id": str, "body": str, "received_at": str}, pk="kiosk_id", if_not_exists=True
            )
            self._add_columns()

    def _add_columns(self) -> None:
        """Columns added on 2026-12-01 (token scope, expiry, status details), filled for old rows."""
        added = {
            "tokens": {"kiosk_id": str, "site": str},
            "uploads": {"last_patch_at": str},
            "submissions": {
                "site": str, "local_reference": str, "missing": str, "payment": str,
            },
        }
        for table, columns in added.items():
            present = self.db.table(table).columns_dict
            for name, kind in columns.items():
                if name not in present:
                    self.db.table(table).add_column(name, kind)
        for row in list(self.db.query("SELECT seq, canonical FROM submissions WHERE site IS NULL")):
            body = json.loads(row["canonical"])
            self.db.execute(
                "UPDATE submissions SET site = ?, local_reference = ? WHERE seq = ?",
                [str(body.get("site") or ""), str(body.get("local_reference") or ""), row["seq"]],
            )
        self.db.table("submissions").create_index(
            ["site", "local_reference"], if_not_exists=True
        )

    def close(self) -> None:
        self.db.close()

    # -- tokens -------------------------------------------------------------------------

    def allow_token(self, token: str, kiosk_id: str | None = None, site: str | None = None) -> None:
        """Accept this token for ``kiosk_id`` of ``site`` from now on (revocation sticks).

        Without them the token is bound by the first heartbeat or submission it carries.
        """
        with self._lock, self.db.atomic():
            self.db.execute(
                "INSERT OR IGNORE INTO tokens (digest, revoked, created_at) VALUES (?, 0, ?)",
                [_token_digest(token), rfc3339(self._now())],
            )
            self.db.execute(
                "UPDATE tokens SET kiosk_id = COALESCE(?, kiosk_id), site = COALESCE(?, site) "
                "WHERE digest = ?",
                [kiosk_id, site, _token_digest(token)],
            )

    def bind_token(self, token: str, kiosk_id: str, site: str | None) -> Grant:
        """Give an unbound token the kiosk (and site) it first speaks for; the grant after."""
        with self._lock, self.db.atomic():
            self.db.execute(
                "UPDATE tokens SET kiosk_id = COALESCE(kiosk_id, ?), site = COALESCE(site, ?) "
                "WHERE digest = ?",
                [kiosk_id, site, _token_digest(token)],
            )
            return self.grant(token)

    def revoke_token(self, token: str) -> bool:
        """Refuse this token with 403 from now on; False when it was never allowed."""
        with self._lock, self.db.atomic():
            cursor = self.db.execute(
                "UPDATE tokens SET revoked = 1 WHERE digest = ?", [_token_digest(token)]
            )
            return cursor.rowcount > 0

    def grant(self, token: str) -> Grant:
        """Whether the token is accepted, and the kiosk and site it belongs to."""
        with self._lock:
            rows = list(
                self.db.query(
                    "SELECT revoked, kiosk_id, site FROM tokens WHERE digest = ?",
                    [_token_digest(token)],
                )
            )
        if not rows:
            return Grant("unknown")
        row = rows[0]
        return Grant("revoked" if row["revoked"] else "valid", row["kiosk_id"], row["site"])


    # -- uploads ------------------------------------------------------------------------

    def _upload_path(self, upload_id: str) -> Path:
        return self.upload_dir / f"{upload_id}.bin"

    def create_upload(self, length: int, sha256: str, content_type: str, filename: str) -> Upload:
        upload_id = "u-" + secrets.token_hex(12)
        _private_file(self._upload_path(upload_id))
        with self._lock, self.db.atomic():
            self.db.table("uploads").insert(
                {
                    "id": upload_id,
                    "length": length,
                    "offset": 0,
                    "sha256": sha256,
                    "content_type": content_type,
                    "filename": filename,
                    "verified": None,
                    "created_at": self._now().isoformat(),  # full precision: expiry may be short
                }
            )
            if length == 0:
                self._finish(upload_id, sha256)
        return self.upload(upload_id)

    def upload(self, upload_id: str) -> Upload:
        """The upload, or ``UploadNotFound`` when unknown or expired before completion.

        Only an unfinished upload expires, ``upload_ttl`` after its last PATCH (or its
        creation): a complete one is kept, so one a received submission cites never goes.
        """
        with self._lock:
            rows = list(self.db.query("SELECT * FROM uploads WHERE id = ?", [upload_id]))
            if not rows:
                raise UploadNotFound(upload_id)
            row = rows[0]
            expires_at = None
            if row["offset"] < row["length"]:
                active = datetime.fromisoformat(row["last_patch_at"] or row["created_at"])
                expires_at = active + self.upload_ttl
                if expires_at < self._now():
                    self._forget(upload_id)
                    raise UploadNotFound(upload_id)
        return Upload(
            id=row["id"],
            length=row["length"],
            offset=row["offset"],
            sha256=row["sha256"],
            content_type=row["content_type"],
            filename=row["filename"],
            verified=None if row["verified"] is None else bool(row["verified"]),
            expires_at=expires_at,
        )

    def touch(self, upload_id: str) -> None:
        """A PATCH came for this upload: its expiry starts again from now."""
        with self._lock, self.db.atomic():
            self.db.execute(
                "UPDATE uploads SET last_patch_at = ? WHERE id = ?",
                [self._now().isoformat(), upload_id],
            )

    def _forget(self, upload_id: str) -> None:
        with self.db.atomic():
            self.db.table("uploads").delete(upload_id)
        self._upload_path(upload_id).unlink(missing_ok=True)

    def append(self, upload_id: str, offset: int, data: bytes) -> Upload:
        """Append a verified request body at ``offset``; the whole file is checked at the end."""
        with self._lock:
            current = self.upload(upload_id)
            if offset != current.offset:
                raise OffsetMismatch(current.offset)
            if offset + len(data) > current.length:
                raise UploadOverflow(upload_id)
            path = self._upload_path(upload_id)
            with path.open("r+b") as handle:
                handle.seek(offset)
                handle.write(data)
                handle.truncate()
                handle.flush()
                os.fsync(handle.fileno())
            with self.db.atomic():
                self.db.table("uploads").update(
                    upload_id, {"offset": offset + len(data), "last_patch_at": self._now().isoformat()}
                )
                if offset + len(data) == current.length:
                    self._finish(upload_id, current.sha256)
            return self.upload(upload_id)

    def _finish(self, upload_id: str, expected_sha256: str) -> None:
        digest = hashlib.sha256()
        with self._upload_path(upload_id).open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        verified = digest.hexdigest() == expected_sha256
        self.db.table("uploads").update(upload_id, {"verified": int(verified)})

    def upload_bytes(self, upload_id: str) -> bytes:
        return self._upload_path(upload_id).read_bytes()

    # -- submissions --------------------------------------------------------------------

    def submission(self, submission_id: str) -> Submission | None:
        with self._lock:
            rows = list(self.db.query("SELECT * FROM submissions WHERE id = ?", [submission_id]))
        if not rows:
            return None
        return _submission(rows[0])

    def by_reference(self, site: str, local_reference: str) -> Submission | None:
        """The latest submission of ``site`` filed under this receipt reference."""
        with self._lock:
            rows = list(
                self.db.query(
                    "SELECT * FROM submissions WHERE site = ? AND local_reference = ? "
                    "ORDER BY seq DESC LIMIT 1",
                    [site, local_reference],
                )
            )
        return _submission(rows[0]) if rows else None

    def submissions(self) -> list[Submission]:
        with self._lock:
            ids = [row["id"] for row in self.db.query("SELECT id FROM submissions ORDER BY seq")]
        return [s for s in map(self.submission, ids) if s is not None]

    def record_submission(self, submission_id: str, canonical: str) -> tuple[Submission, bool]:
        """Give a dossier number and keep the body; True when it was new.

        An id already filed is returned unchanged (with False), whatever its body.
        A correction (``supersedes``) leaves the dossier it replaces, when it is one
        of the same site, ``rejected`` with a message naming the new dossier number.
        """
        body = json.loads(canonical)
        site = str(body["site"])
        with self._lock:
            existing = self.submission(submission_id)
            if existing is not None:
                return existing, False
            now = self._now()
            with self.db.atomic():
                seq = self.db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM submissions").fetchone()[0]
                dossier = f"ANTS-{now.year}-{seq:08d}"
                receipt = {
                    "id": submission_id,
                    "dossier_number": dossier,
                    "status": "received",
                    "received_at": rfc3339(now),
                }
                self.db.table("submissions").insert(
                    {
                        "seq": seq,
                        "id": submission_id,
                        "dossier_number": dossier,
                        "canonical": canonical,
                        "receipt": json.dumps(receipt),
                        "kiosk_id": str(body["kiosk_id"]),
                        "received_at": rfc3339(now),
                        "status": "received",
                        "status_changed_at": rfc3339(now),
                        "message": "Demande reçue, elle sera examinée par le service instructeur.",
                        "site": site,
                        "local_reference": str(body["local_reference"]),
                    }
                )
                replaced = body.get("supersedes")
                if replaced and replaced != submission_id:
                    self.db.execute(
                        "UPDATE submissions SET status = 'rejected', status_changed_at = ?, "
                        "message = ?, missing = NULL, payment = NULL WHERE id = ? AND site = ?",
                        [
                            rfc3339(now),
                            f"Demande refusée puis remplacée par la demande corrigée, dossier {dossier}.",
                            replaced,
                            site,
                        ],
                    )
        stored = self.submission(submission_id)
        assert stored is not None
        return stored, True

    def set_status(
        self,
        submission_id: str,
        status: str,
        message: str,
        *,
        missing: list[dict[str, str]] | None = None,
        payment: dict[str, str] | None = None,
    ) -> Submission:
        """Move a dossier along (what an instructor would do); ``LookupError`` when unknown.

        ``needs_info`` needs what is ``missing``, ``awaiting_payment`` its ``payment``
        (``StatusDetailsError`` otherwise); other statuses carry neither.
        """
        if status not in STATUSES:
            raise ValueError(status)
        _check_details(status, missing, payment)
        with self._lock, self.db.atomic():
            cursor = self.db.execute(
                "UPDATE submissions SET status = ?, status_changed_at = ?, message = ?, "
                "missing = ?, payment = ? WHERE id = ?",
                [
                    status,
                    rfc3339(self._now()),
                    message,
                    json.dumps(missing) if status == "needs_info" else None,
                    json.dumps(payment) if status == "awaiting_payment" else None,
                    submission_id,
                ],
            )
            if cursor.rowcount == 0:
                raise LookupError(submission_id)
        stored = self.submission(submission_id)
        assert stored is not None
        return stored

    # -- heartbeats ---------------------------------------------------------------------

    def record_heartbeat(self, kiosk_id: str, body: dict[str, Any]) -> None:
        """Keep the last heartbeat; a journal head that went back means entries were cut off."""
        with self._lock, self.db.atomic():
            before = self._audit_head(kiosk_id)
            after = body.get("audit_head")
            if before is not None and isinstance(after, str) and _went_back(before, after):
                log.error("kiosk %s: its audit journal went back from entry %s to %s "
                          "(entries removed at the end?)", kiosk_id, before, after)
            self.db.table("heartbeats").upsert(
                {"kiosk_id": kiosk_id, "body": json.dumps(body), "received_at": rfc3339(self._now())},
                pk="kiosk_id",
            )

    def _audit_head(self, kiosk_id: str) -> str | None:
        rows = list(self.db.query("SELECT body FROM heartbeats WHERE kiosk_id = ?", [kiosk_id]))
        head = json.loads(rows[0]["body"]).get("audit_head") if rows else None
        return head if isinstance(head, str) else None

    def heartbeat(self, kiosk_id: str) -> dict[str, Any] | None:
        with self._lock:
            rows = list(self.db.query("SELECT body FROM heartbeats WHERE kiosk_id = ?", [kiosk_id]))
        return json.loads(rows[0]["body"]) if rows else None


def _went_back(before: str, after: str) -> bool:
    """An earlier entry number, or the same number with another hash (the tail rewritten)."""
    n_before, hash_before = before.split(":", 1)
    n_after, hash_after = after.split(":", 1)
    return int(n_after) < int(n_before) or (n_after == n_before and hash_after != hash_before)


def _submission(row: dict[str, Any]) -> Submission:
    return Submission(
        id=row["id"],
        dossier_number=row["dossier_number"],
        canonical=row["canonical"],
        receipt=json.loads(row["receipt"]),
        status=row["status"],
        status_changed_at=row["status_changed_at"],
        message=row["message"],
        site=row["site"] or "",
        local_reference=row["local_reference"] or "",
        missing=json.loads(row["missing"]) if row["missing"] else None,
        payment=json.loads(row["payment"]) if row["payment"] else None,
    )


_AMOUNT = re.compile(r"^[0-9]{1,7}(?:\.[0-9]{1,2})?$")


def _check_details(
    status: str, missing: list[dict[str, str]] | None, payment: dict[str, str] | None
) -> None:
    """The contract's shape of ``missing`` and ``payment``, each with its own status only."""
    if status == "needs_info":
        if not missing:
            raise StatusDetailsError("Avec « needs_info », dites ce qui manque (au moins un élément).")
        for item in missing:
            if set(item) != {"kind", "message"} or not all(
                isinstance(item[key], str) and item[key].strip() for key in ("kind", "message")
            ):
                raise StatusDetailsError(
                    "Chaque élément manquant a un « kind » (pièce ou champ) et un « message » non vides."
                )
    elif missing:
        raise StatusDetailsError("Ce qui manque ne se donne qu'avec le statut « needs_info ».")
    if status == "awaiting_payment":
        if payment is None or set(payment) != {"amount_eur", "reason", "pay_before"}:
            raise StatusDetailsError(
                "Avec « awaiting_payment », donnez le montant, le motif et la date limite du paiement."
            )
        if not isinstance(payment["amount_eur"], str) or not _AMOUNT.match(payment["amount_eur"]):
            raise StatusDetailsError("Le montant s'écrit en euros avec un point décimal, ex. 13.76.")
        if not isinstance(payment["reason"], str) or not payment["reason"].strip():
            raise StatusDetailsError("Le motif du paiement ne peut pas être vide.")
        if not _is_utc_time(payment["pay_before"]):
            raise StatusDetailsError(
                "La date limite de paiement s'écrit en RFC 3339, en UTC (ex. 2026-12-31T23:00:00Z)."
            )
    elif payment is not None:
        raise StatusDetailsError("Un paiement ne se donne qu'avec le statut « awaiting_payment ».")


def _is_utc_time(value: object) -> bool:
    if not isinstance(value, str) or not value.endswith("Z") or "T" not in value:
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True
