"""What a sync pass did, written to the audit journal; and the journal's head for the heartbeat.

The sync (``offline_queue``) knows nothing of the journal; the kiosk hands it these two
callables when it sets the sync up (``kiosk.central_client``), so ``kiosk sync`` and the
screens' thread journal the same things. Both run on the sync's thread, never the GUI's.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from kiosk.audit import JOURNAL_FILE, SYSTEM, AuditError, Journal, note
from offline_queue.sync_service import PassResult

log = logging.getLogger(__name__)


def journal_pass(data_dir: Path, result: PassResult) -> None:
    """One entry per request sent, refused, or erased uncorrected during the pass."""
    for submission_id, dossier in result.acknowledged:
        note(data_dir, SYSTEM, "request_sent", submission=submission_id, dossier=dossier)
    for submission_id in result.rejected:
        note(data_dir, SYSTEM, "request_refused", submission=submission_id)
    for submission_id in result.purged_refused:
        note(data_dir, SYSTEM, "request_purged", submission=submission_id)


class JournalHead:
    """The journal's head for each heartbeat, read from a journal kept open on the calling thread.

    Opening the journal (owner-only checks, schema) on every pass cost more than the rest of
    an idle pass. An open SQLite connection reads the file as it is at each query, so a head
    read after an append is that append's: never a stale one. A journal file replaced or
    removed since (another inode) is opened anew; the connection stays with its thread,
    as ``Journal`` wants."""

    def __init__(self, data_dir: Path) -> None:
        self._data_dir = data_dir
        self._held = threading.local()

    def __call__(self) -> str | None:
        """``"<n>:<hash>"`` of the last entry, or None when the journal cannot be read (logged):
        the heartbeat then goes without it rather than not at all."""
        try:
            return str(self._journal().head())
        except AuditError as exc:
            self._drop()
            log.error("audit journal head not sent with the heartbeat: %s", exc.message)
            return None

    def _journal(self) -> Journal:
        file = _identity(self._data_dir / JOURNAL_FILE)  # before opening: a swap then reopens
        held: tuple[tuple[int, int] | None, Journal] | None = getattr(self._held, "journal", None)
        if held is not None and file is not None and held[0] == file:
            return held[1]
        self._drop()
        journal = Journal.in_data_dir(self._data_dir)
        self._held.journal = (file, journal)
        return journal

    def _drop(self) -> None:
        held = getattr(self._held, "journal", None)
        self._held.journal = None
        if held is not None:
            held[1].close()


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino
