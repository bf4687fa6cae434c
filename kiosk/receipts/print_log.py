"""Record of every receipt print, without personal data.

A mediator or an auditor can see who printed which receipt of which
submission, how many times, and whether it worked; nothing in it names the
citizen (only the submission id, a random UUID).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kiosk.audit import note
from offline_queue.private_files import private_dir, private_file, restrict_companions

CITIZEN = "citoyen"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS prints (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    printed_at TEXT NOT NULL,
    who TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('enregistrement', 'reception')),
    submission_id TEXT NOT NULL,
    reprint INTEGER NOT NULL,
    fmt TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'error')),
    error_code TEXT
);
CREATE INDEX IF NOT EXISTS prints_submission ON prints (submission_id, kind);
"""


class PrintLogError(Exception):
    """The print log cannot be read or written; ``message`` is French."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class PrintRecord:
    """One print attempt. ``reprint`` is 0 for the first successful copy, then 1, 2…"""

    printed_at: datetime
    who: str
    kind: str
    submission_id: str
    reprint: int
    fmt: str
    outcome: str
    error_code: str | None


def _unusable(path: Path, exc: Exception) -> PrintLogError:
    return PrintLogError(
        f"Le journal des impressions ({path}) est illisible ou ne peut pas être écrit "
        f"({type(exc).__name__}). Les demandes ne sont pas touchées ; prévenez le support "
        "informatique."
    )


class PrintLog:
    """The SQLite file ``<data_dir>/prints.db``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            private_dir(path.parent)  # who printed what, and when, is for the kiosk's user only
            restrict_companions(private_file(path))
            self._db = sqlite3.connect(path)
            self._db.executescript(_SCHEMA)
        except (sqlite3.Error, OSError) as exc:
            raise _unusable(path, exc) from None

    @classmethod
    def in_data_dir(cls, data_dir: Path) -> PrintLog:
        return cls(data_dir / "prints.db")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> PrintLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def copies_printed(self, submission_id: str, kind: str) -> int:
        """How many copies of this receipt were printed successfully before."""
        try:
            row = self._db.execute(
                "SELECT COUNT(*) FROM prints WHERE submission_id = ? AND kind = ? "
                "AND outcome = 'ok'", (submission_id, kind),
            ).fetchone()
        except sqlite3.Error as exc:
            raise _unusable(self.path, exc) from None
        return int(row[0])

    def record(
        self, *, who: str, kind: str, submission_id: str, fmt: str,
        error_code: str | None = None, now: datetime | None = None,
    ) -> PrintRecord:
        """Add one attempt; ``error_code`` None means the printer took the job."""
        entry = PrintRecord(
            printed_at=(now or datetime.now(UTC)).astimezone(UTC),
            who=who, kind=kind, submission_id=submission_id,
            reprint=self.copies_printed(submission_id, kind), fmt=fmt,
            outcome="ok" if error_code is None else "error", error_code=error_code,
        )
        try:
            with self._db:
                self._db.execute(
                    "INSERT INTO prints (printed_at, who, kind, submission_id, reprint, fmt, "
                    "outcome, error_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (entry.printed_at.isoformat(), entry.who, entry.kind, entry.submission_id,
                     entry.reprint, entry.fmt, entry.outcome, entry.error_code),
                )
        except sqlite3.Error as exc:
            raise _unusable(self.path, exc) from None
        note(self.path.parent, who, "receipt_printed", when=entry.printed_at, submission=submission_id,
             receipt=kind, copy=entry.reprint, printed=entry.outcome,
             **({"error_code": error_code} if error_code else {}))
        return entry

    def prune(self, before: datetime) -> int:
        """Forget the attempts older than ``before`` (retention); how many went."""
        try:
            with self._db:
                cursor = self._db.execute("DELETE FROM prints WHERE printed_at < ?",
                                          (before.astimezone(UTC).isoformat(),))
        except sqlite3.Error as exc:
            raise _unusable(self.path, exc) from None
        return cursor.rowcount

    def entries(self, submission_id: str | None = None) -> list[PrintRecord]:
        """Attempts in order, for one submission or all."""
        query = ("SELECT printed_at, who, kind, submission_id, reprint, fmt, outcome, error_code "
                 "FROM prints")
        params: tuple[str, ...] = ()
        if submission_id is not None:
            query += " WHERE submission_id = ?"
            params = (submission_id,)
        try:
            rows = self._db.execute(query + " ORDER BY id", params).fetchall()
        except sqlite3.Error as exc:
            raise _unusable(self.path, exc) from None
        return [PrintRecord(datetime.fromisoformat(r[0]), *r[1:]) for r in rows]
