"""How long the kiosk keeps its records of activity, applied in one place.

Visits, audit entries and print-log lines are kept ``retention.audit_days``
(365 by default), then visits become counts by day, procedure, outcome,
autonomy and duration; the journal's old entries give way to a signed
checkpoint with their count by kind; print-log lines go. Requests themselves
follow ``retention.days`` in the outbox once sent; a refused request that no
mediator corrects loses its answers and documents ``retention.refused_days``
after the refusal, and the mediator space warns ``retention.refused_warning_days``
before (:class:`RefusalClock`; the sync pass erases it).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from kiosk.audit import AuditError, Journal
from kiosk.config import KioskConfig
from kiosk.receipts.print_log import PrintLog, PrintLogError
from kiosk.visits import VisitStore
from offline_queue import QueuedSubmission

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetentionReport:
    cutoff: datetime
    visits: int
    journal_entries: int
    print_lines: int

    def summary_fr(self) -> str:
        return (f"Conservation appliquée (avant le {self.cutoff:%d/%m/%Y}) : "
                f"{self.visits} visite(s) réduite(s) à des comptes, {self.journal_entries} "
                f"entrée(s) du journal remplacée(s) par un point de contrôle signé, "
                f"{self.print_lines} ligne(s) du journal des impressions effacée(s).")


def apply_retention(config: KioskConfig, now: datetime) -> RetentionReport:
    """Reduce or remove what is older than the configured period; raises ``AuditError``."""
    cutoff = now - timedelta(days=config.audit_retention_days)
    data_dir = config.data_dir
    with VisitStore.in_data_dir(data_dir) as store:
        visits = store.prune(cutoff)
    with Journal.in_data_dir(data_dir) as journal:
        entries = journal.prune(cutoff)
    try:
        with PrintLog.in_data_dir(data_dir) as print_log:
            prints = print_log.prune(cutoff)
    except PrintLogError as exc:
        raise AuditError(exc.message) from None
    return RetentionReport(cutoff, visits, entries, prints)


def retention_at_start(config: KioskConfig) -> RetentionReport:
    """What the kiosk runs each time it starts (kiosks are restarted daily); counts in the log."""
    report = apply_retention(config, datetime.now(UTC))
    log.info("retention applied: %d visits to counts, %d journal entries checkpointed, "
             "%d print lines removed", report.visits, report.journal_entries, report.print_lines)
    return report


@dataclass(frozen=True)
class RefusalClock:
    """When a refused request that nobody corrects is erased, and from when the mediator
    space warns about it (``retention.refused_days``, ``retention.refused_warning_days``)."""

    keep_days: int
    warn_days: int

    @classmethod
    def of(cls, config: KioskConfig) -> RefusalClock:
        return cls(config.refused_retention_days, config.refused_warning_days)

    def erased_on(self, item: QueuedSubmission) -> datetime | None:
        """The moment the sync erases ``item``; None for anything but a live refusal."""
        if item.state != "needs_attention" or item.replaced or item.purged or item.refused_at is None:
            return None
        return item.refused_at + timedelta(days=self.keep_days)

    def soon(self, item: QueuedSubmission, now: datetime) -> bool:
        """Inside the warning window: the mediator must correct it or let it go knowingly."""
        when = self.erased_on(item)
        return when is not None and when - now <= timedelta(days=self.warn_days)
