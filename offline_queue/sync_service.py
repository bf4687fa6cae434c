"""One sync pass, the same for ``kiosk sync`` and the screens' background thread.

A pass sends what waits (the health check, the uploads, the submissions and
the heartbeat are the client's), then says which requests just got their
dossier number or were refused, purges what is past retention (sent requests,
and refusals no mediator corrected in time) and counts what is left. It
returns plain data: the screens' thread hands it to the GUI thread as it is,
the command prints it; ``after_pass`` lets the kiosk journal it. No Qt here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from offline_queue.errors import OutboxError
from offline_queue.outbox import Outbox
from offline_queue.sync import Progress, SyncClient, SyncReport
from offline_queue.times import utc_now

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PassResult:
    """What one pass did and what is left, for a status line or a terminal.

    ``online`` means the central service answered; ``refused`` that it refused the
    kiosk's token (``problem`` then says what to do); ``problem`` also carries a
    queue that cannot be read. ``rest_s`` is how long the line rests before a new
    try makes sense (0 when nothing waits or nothing holds it back)."""

    online: bool
    waiting: int
    needs_attention: int
    refused: bool = False
    problem: str = ""
    acknowledged: tuple[tuple[str, str], ...] = ()  # (submission id, dossier number)
    rejected: tuple[str, ...] = ()  # ids the service refused during this pass
    purged: int = 0
    purged_refused: tuple[str, ...] = ()  # ids of uncorrected refusals erased by this pass
    rest_s: float = 0.0
    report: SyncReport = field(default_factory=SyncReport)


class SyncService:
    """Drives a ``SyncClient`` over an outbox with the kiosk's retention policy."""

    def __init__(
        self,
        outbox: Outbox,
        client: SyncClient,
        retention_days: int | None = None,
        *,
        refused_days: int | None = None,
        after_pass: Callable[[PassResult], None] | None = None,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.outbox = outbox
        self.client = client
        self._retention_days = retention_days
        self._refused_days = refused_days
        self._after_pass = after_pass
        self._now = now

    def waiting(self) -> PassResult:
        """The counts alone, before any network call (``OutboxError`` if unreadable)."""
        backlog = self.outbox.backlog()
        return PassResult(False, backlog.waiting, backlog.needs_attention)

    def run_pass(
        self,
        deadline_s: float | None = None,
        *,
        force: bool = False,
        offline: bool = False,
        progress: Progress | None = None,
    ) -> PassResult:
        """Send what waits (``SyncClient.sync``), report new dossier numbers, purge, count.

        ``offline`` (the demo's simulated outage) sends nothing and purges nothing.
        Raises ``OutboxError`` when the queue cannot be read or written; the client's own
        failures are in the result, never raised."""
        pending = [item.id for item in self.outbox.list_items(["queued", "sending"])]
        report = SyncReport()
        if not offline:
            report = self.client.sync(deadline_s, force=force, progress=progress)
        acknowledged = []
        rejected = []
        for submission_id in pending:
            item = self.outbox.get(submission_id)
            if item.state == "sent" and item.dossier_number:
                acknowledged.append((item.id, item.dossier_number))
            elif item.state == "needs_attention":
                rejected.append(item.id)
        purged = 0
        if self._retention_days is not None and not offline:
            purged = self.outbox.purge_expired(self._retention_days, self._now())
        purged_refused: list[str] = []
        if self._refused_days is not None:
            purged_refused = [item.id for item in self.outbox.purge_refused(self._refused_days, self._now())]
        backlog = self.outbox.backlog()
        refused = report.auth_error is not None
        if refused:
            log.error("sync pass stopped: the central service refused the kiosk's token")
        result = PassResult(
            online=report.online and not refused,
            waiting=backlog.waiting,
            needs_attention=backlog.needs_attention,
            refused=refused,
            problem=report.auth_error or "",
            acknowledged=tuple(acknowledged),
            rejected=tuple(rejected),
            purged=purged,
            purged_refused=tuple(purged_refused),
            rest_s=report.rest_s if backlog.waiting else 0.0,
            report=report,
        )
        if self._after_pass is not None:
            self._after_pass(result)
        return result


def unreadable(problem: OutboxError) -> PassResult:
    """The result of a pass the queue stopped: nothing known, the French reason kept."""
    return PassResult(False, 0, 0, problem=str(problem))

