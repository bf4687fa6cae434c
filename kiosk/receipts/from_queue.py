"""Build a receipt from what the outbox kept about a submission."""

from __future__ import annotations

from typing import Protocol

from kiosk.config import KioskConfig
from kiosk.procedures import Procedure
from kiosk.receipts.errors import ReceiptError
from kiosk.receipts.model import Receipt, build_receipt
from offline_queue.models import QueuedSubmission
from offline_queue.snapshot import ReceiptSnapshot, SnapshotUnreadable


class SnapshotSource(Protocol):
    """The part of ``offline_queue.Outbox`` a receipt reads."""

    def get(self, submission_id: str) -> QueuedSubmission: ...

    def receipt_snapshot(self, submission_id: str) -> ReceiptSnapshot: ...


def receipt_from_queue(
    outbox: SnapshotSource,
    submission_id: str,
    procedure: Procedure,
    config: KioskConfig,
    *,
    final: bool,
) -> Receipt:
    """The provisional or final receipt of one queued submission.

    Raises ``ReceiptError`` (French message) when ``final`` is asked before
    the central service acknowledged the submission, or the snapshot is damaged.
    """
    item = outbox.get(submission_id)
    try:
        snapshot = outbox.receipt_snapshot(submission_id)
    except SnapshotUnreadable as unreadable:
        raise ReceiptError(str(unreadable)) from None
    return build_receipt(
        snapshot,
        procedure,
        site_name=config.site_name,
        final=final,
        dossier_number=item.dossier_number if item.state == "sent" else None,
        received_at=item.received_at if item.state == "sent" else None,
    )
