"""Durable state of the reference central service: SQLite (sqlite-utils) plus upload files.

One store may be opened by the running server and by the ``kiosk central``
admin commands at the same time (WAL, busy timeout); inside one process a lock
serialises writers so an offset check and its append cannot interleave.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlite_utils

STATUSES = ("received", "in_review", "needs_info", "accepted", "rejected", "title_sent")


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


@dataclass(frozen=True)
class Upload:
    id: str
    length: int
    offset: int
    sha256: str
    content_type: str
    filename: str
    verified: bool | None  # None while incomplete, then whether the whole file matched

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

    def close(self) -> None:
        self.db.close()

    # -- tokens -------------------------------------------------------------------------

    def allow_token(self, token: str) -> None:
        """Accept this token from now on, unless it was revoked (revocation sticks)."""
        with self._lock, self.db.atomic():
            self.db.execute(
                "INSERT OR IGNORE INTO tokens (digest, revoked, created_at) VALUES (?, 0, ?)",
                [_token_digest(token), rfc3339(self._now())],
            )

    def revoke_token(self, token: str) -> bool:
        """Refuse this token with 403 from now on; False when it was never allowed."""
        with self._lock, self.db.atomic():
            cursor = self.db.execute(
                "UPDATE tokens SET revoked = 1 WHERE digest = ?", [_token_digest(token)]
            )
            return cursor.rowcount > 0

    def token_state(self, token: str) -> str:
        """``valid``, ``revoked`` or ``unknown``."""
        with self._lock:
            rows = list(
                self.db.query("SELECT revoked FROM tokens WHERE digest = ?", [_token_digest(token)])
            )
        if not rows:
            return "unknown"
        return "revoked" if rows[0]["revoked"] else "valid"

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
        """The upload, or ``UploadNotFound`` when unknown or expired before completion."""
        with self._lock:
            rows = list(self.db.query("SELECT * FROM uploads WHERE id = ?", [upload_id]))
            if not rows:
                raise UploadNotFound(upload_id)
            row = rows[0]
            created = datetime.fromisoformat(row["created_at"])
            if row["offset"] < row["length"] and created + self.upload_ttl < self._now():
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
                self.db.table("uploads").update(upload_id, {"offset": offset + len(data)})
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
        row = rows[0]
        return Submission(
            id=row["id"],
            dossier_number=row["dossier_number"],
            canonical=row["canonical"],
            receipt=json.loads(row["receipt"]),
            status=row["status"],
            status_changed_at=row["status_changed_at"],
            message=row["message"],
        )

    def submissions(self) -> list[Submission]:
        with self._lock:
            ids = [row["id"] for row in self.db.query("SELECT id FROM submissions ORDER BY seq")]
        return [s for s in map(self.submission, ids) if s is not None]

    def record_submission(
        self, submission_id: str, canonical: str, kiosk_id: str
    ) -> tuple[Submission, bool]:
        """Give a dossier number and keep the body; True when it was new.

        An id already filed is returned unchanged (with False), whatever its body.
        """
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
                        "kiosk_id": kiosk_id,
                        "received_at": rfc3339(now),
                        "status": "received",
                        "status_changed_at": rfc3339(now),
                        "message": "Demande reçue, elle sera examinée par le service instructeur.",
                    }
                )
        stored = self.submission(submission_id)
        assert stored is not None
        return stored, True

    def set_status(self, submission_id: str, status: str, message: str) -> Submission:
        """Move a dossier along (what an instructor would do); ``LookupError`` when unknown."""
        if status not in STATUSES:
            raise ValueError(status)
        with self._lock, self.db.atomic():
            cursor = self.db.execute(
                "UPDATE submissions SET status = ?, status_changed_at = ?, message = ? WHERE id = ?",
                [status, rfc3339(self._now()), message, submission_id],
            )
            if cursor.rowcount == 0:
                raise LookupError(submission_id)
        stored = self.submission(submission_id)
        assert stored is not None
        return stored

    # -- heartbeats ---------------------------------------------------------------------

    def record_heartbeat(self, kiosk_id: str, body: dict[str, Any]) -> None:
        with self._lock, self.db.atomic():
            self.db.table("heartbeats").upsert(
                {"kiosk_id": kiosk_id, "body": json.dumps(body), "received_at": rfc3339(self._now())},
                pk="kiosk_id",
            )

    def heartbeat(self, kiosk_id: str) -> dict[str, Any] | None:
        with self._lock:
            rows = list(self.db.query("SELECT body FROM heartbeats WHERE kiosk_id = ?", [kiosk_id]))
        return json.loads(rows[0]["body"]) if rows else None
