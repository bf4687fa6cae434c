"""Background sync: drives ``SyncClient`` on its own thread so the screens never wait.

The worker lives in a QThread. A timer runs a pass every ``interval_s``; the
GUI asks for one at once (after a request is saved, or a mediator's
« Réessayer ») through ``request_sync``. Each pass reports whether the
central service answered, how many requests wait, and which requests just
got their dossier number. Network and disk are only touched on this thread.

The very first report comes before the first network call, from the outbox
alone: the status bar shows how many requests wait at once, even when the
central service takes its whole timeout to answer (or never does).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QMetaObject, QObject, Qt, QThread, QTimer, Signal, Slot

from offline_queue import Outbox, OutboxError
from offline_queue.sync import AuthError, SyncClient

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows: online or not, and how many requests wait.

    ``checked`` is False for the first report, read from the outbox before the central
    service was asked. ``refused`` means the service answered but refused the kiosk's
    token (401/403): nothing can be sent (``online`` is False) until IT acts; ``problem``
    then holds the sync client's French explanation, which ``describe`` includes.
    """

    online: bool
    waiting: int
    needs_attention: int
    simulated_outage: bool = False
    problem: str = ""
    checked: bool = True
    refused: bool = False

    def connection_text(self) -> str:
        """First half of the status line, in plain words."""
        if self.refused:
            return QCoreApplication.translate(
                "SyncStatus", "Problème d'autorisation — appelez le service informatique")
        if self.simulated_outage:
            return QCoreApplication.translate("SyncStatus", "Hors ligne (coupure simulée)")
        if self.online:
            return QCoreApplication.translate("SyncStatus", "En ligne")
        if not self.checked:
            return QCoreApplication.translate("SyncStatus", "Pas encore en ligne (connexion en cours)")
        return QCoreApplication.translate("SyncStatus", "Hors ligne")

    def waiting_text(self) -> str:
        """How many requests wait, said so that nobody fears they are lost."""
        if self.waiting == 0:
            return QCoreApplication.translate("SyncStatus", "aucune demande en attente d'envoi")
        if self.online:
            text = (QCoreApplication.translate("SyncStatus", "1 demande en attente d'envoi")
                    if self.waiting == 1
                    else QCoreApplication.translate("SyncStatus", "{n} demandes en attente d'envoi"))
        else:
            text = QCoreApplication.translate(
                "SyncStatus", "vos demandes sont gardées sur la borne ({n} en attente)")
        return text.format(n=self.waiting)

    def describe(self) -> str:
        """The whole status line, e.g. « En ligne · 2 demandes en attente d'envoi » or
        « Hors ligne — vos demandes sont gardées sur la borne (2 en attente) »."""
        line = self.connection_text() + (" · " if self.online else " — ") + self.waiting_text()
        if self.refused and self.problem:
            line += ". " + self.problem
        return line


def waiting_status(outbox: Outbox, simulated_outage: bool = False) -> SyncStatus:
    """The status before any network call: how many requests wait, from the outbox alone.

    Touches the disk: call it off the GUI thread (the sync thread does; a window without
    one can use ``ui.screens.background.run_in_background``). Raises ``OutboxError``.
    """
    counts = outbox.counts()
    return SyncStatus(
        online=False,
        waiting=counts.get("queued", 0) + counts.get("sending", 0),
        needs_attention=counts.get("needs_attention", 0),
        simulated_outage=simulated_outage,
        checked=False,
    )


class SyncWorker(QObject):
    """Runs on the sync thread; every slot is called there through queued signals."""

    status_changed = Signal(object)
    dossier_received = Signal(str, str)
    pass_finished = Signal()

    def __init__(self, outbox: Outbox, client: SyncClient, interval_s: float,
                 retention_days: int | None = None) -> None:
        super().__init__()
        self._outbox = outbox
        self._client = client
        self._retention_days = retention_days
        self._interval_ms = max(1, int(interval_s * 1000))
        self._outage = threading.Event()
        self._timer: QTimer | None = None

    @Slot()
    def start(self) -> None:
        """Report the outbox's counts, then a first pass now and one every interval
        (runs on the sync thread)."""
        self._timer = QTimer(self)
        self._timer.setInterval(self._interval_ms)
        self._timer.timeout.connect(self.sync_now)
        self._timer.start()
        self.report_counts()
        self.sync_now()

    @Slot()
    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()

    def set_simulated_outage(self, cut: bool) -> None:
        """Demo switch: behave as if the network were down (thread-safe)."""
        if cut:
            self._outage.set()
        else:
            self._outage.clear()

    @Slot()
    def report_counts(self) -> None:
        """Say how many requests wait, from the outbox alone (no network): the first report."""
        try:
            status = waiting_status(self._outbox, self._outage.is_set())
        except OutboxError as exc:
            log.error("outbox counts unreadable: %s", type(exc).__name__)
            status = SyncStatus(False, 0, 0, self._outage.is_set(), str(exc))
        self.status_changed.emit(status)

    @Slot()
    def sync_now(self) -> None:
        """One pass: health, send what is due, report counts and new dossier numbers."""
        online = refused = False
        problem = ""
        try:
            pending = [item.id for item in self._outbox.list_items(["queued", "sending"])]
            try:
                if not self._outage.is_set():
                    online = self._client.health()
                    if online and pending:
                        report = self._client.sync(force=True)
                        if report.auth_error is not None:
                            raise AuthError(report.auth_error)
                    elif online:
                        # Nothing to send: still tell the prefecture this kiosk is alive.
                        self._client.heartbeat()
            except AuthError as exc:
                log.error("sync pass stopped: the central service refused the kiosk's token")
                online, refused, problem = False, True, str(exc)
            for submission_id in pending:
                item = self._outbox.get(submission_id)
                if item.state == "sent" and item.dossier_number:
                    self.dossier_received.emit(item.id, item.dossier_number)
            if self._retention_days is not None:
                self._outbox.purge_expired(self._retention_days, datetime.now(UTC))
            counts = self._outbox.counts()
        except OutboxError as exc:
            log.error("sync pass stopped: %s", type(exc).__name__)
            self.status_changed.emit(SyncStatus(False, 0, 0, self._outage.is_set(), str(exc)))
            self.pass_finished.emit()
            return
        except Exception as exc:  # a sync bug must never kill the thread; IT reads the log
            log.exception("sync pass failed: %s", type(exc).__name__)
            online, refused, problem = False, False, ""
            counts = self._safe_counts()
        self.status_changed.emit(self._status(counts, online=online, refused=refused,
                                              problem=problem))
        self.pass_finished.emit()

    def _status(self, counts: dict[str, int], *, online: bool, refused: bool,
                problem: str) -> SyncStatus:
        return SyncStatus(
            online=online,
            waiting=counts.get("queued", 0) + counts.get("sending", 0),
            needs_attention=counts.get("needs_attention", 0),
            simulated_outage=self._outage.is_set(),
            problem=problem,
            refused=refused,
        )

    def _safe_counts(self) -> dict[str, int]:
        try:
            return self._outbox.counts()
        except OutboxError:
            return {}


class SyncThread(QObject):
    """Owns the thread and the worker; the GUI side talks to it only through signals."""

    request_sync = Signal()

    def __init__(self, worker: SyncWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.qthread = QThread()
        self.qthread.setObjectName("kiosk-sync")
        worker.moveToThread(self.qthread)
        self.qthread.started.connect(worker.start)
        self.request_sync.connect(worker.sync_now)

    def start(self) -> None:
        self.qthread.start()

    def stop(self, wait_ms: int = 15000) -> None:
        """Stop the timer, let a running pass end, and join the thread."""
        if self.qthread.isRunning():
            # Blocking: the timer must be stopped on its own thread before the thread ends.
            QMetaObject.invokeMethod(self.worker, "stop", Qt.ConnectionType.BlockingQueuedConnection)
            self.qthread.quit()
            self.qthread.wait(wait_ms)
