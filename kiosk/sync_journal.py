"""What a sync pass did, written to the audit journal; and the journal's head for the heartbeat.

The sync (``offline_queue``) knows nothing of the journal; the kiosk hands it these two
callables when it sets the sync up (``kiosk.central_client``), so ``kiosk sync`` and the
screens' thread journal the same things. Both run on the sync's thread, never the GUI's.
"""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.audit import SYSTEM, AuditError, Journal, note
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


def audit_head(data_dir: Path) -> str | None:
    """``"<n>:<hash>"`` of the last entry, or None when the journal cannot be read (logged):
    the heartbeat then goes without it rather than not at all."""
    try:
        with Journal.in_data_dir(data_dir) as journal:
            return str(journal.head())
    except AuditError as exc:
        log.error("audit journal head not sent with the heartbeat: %s", exc.message)
        return None
