"""Background sync: a thin thread around the core's ``SyncService`` so the screens never wait.

The pass itself (what to send, dossier numbers, purge, counts) is the core's,
the same as ``kiosk sync``'s. Here a worker on its own QThread runs it every
``interval_s``, sooner when the line's rest ends, and at once when the GUI asks
(``request_sync``: a request saved, a mediator's « Réessayer »). It hands plain
data (``SyncStatus``, ``SendProgress``, ids) to the GUI thread by signals whose
receiver, ``SyncThread``, lives there; it never touches a widget. Network and
disk are only touched on the sync thread.

The very first report comes before the first network call, from the outbox
alone: the status bar shows how many requests wait at once, even when the
central service takes its whole timeout to answer (or never does).
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, QMetaObject, QObject, Qt, QThread, QTimer, Signal, Slot

from kiosk.session import size_text
from offline_queue import Outbox, OutboxError
from offline_queue.sync import SendProgress
from offline_queue.sync_service import PassResult, SyncService, unreadable

log = logging.getLogger(__name__)

PROGRESS_EVERY_S = 0.25  # at most four progress reports a second reach the GUI thread


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

    @staticmethod
    def progress_text(progress: SendProgress) -> str:
        """« envoi en cours : 1,2 Mo sur 2,5 Mo », for the request going up now."""
        return QCoreApplication.translate("SyncStatus", "envoi en cours : {sent} sur {total}").format(
            sent=size_text(progress.sent), total=size_text(progress.total))

    def describe(self) -> str:
        """The whole status line, e.g. « En ligne · 2 demandes en attente d'envoi » or
        « Hors ligne — vos demandes sont gardées sur la borne (2 en attente) »."""
        line = self.connection_text() + (" · " if self.online else " — ") + self.waiting_text()
        if self.refused and self.problem:
            line += ". " + self.problem
        return line


def status_of(result: PassResult, simulated_outage: bool = False) -> SyncStatus:
    """The status line's data from a pass of the core's sync service."""
    return SyncStatus(
        online=result.online,
        waiting=result.waiting,
        needs_attention=result.needs_attention,
        simulated_outage=simulated_outage,
        problem=result.problem,
        refused=result.refused,
    )


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
    progress_changed = Signal(object)
    dossier_received = Signal(str, str)
    pass_finished = Signal()

    def __init__(self, service: SyncService, interval_s: float) -> None:
        super().__init__()
        self._service = service
        self._interval_ms = max(1, int(interval_s * 1000))
        self._outage = threading.Event()
        self._timer: QTimer | None = None
        self._soon: QTimer | None = None
        self._last_progress = 0.0

    @Slot()
    def start(self) -> None:
        """Report the outbox's counts, then a first pass now and one every interval
        (runs on the sync thread)."""
        self._timer = QTimer(self)
        self._timer.setInterval(self._interval_ms)
        self._timer.timeout.connect(self.sync_now)
        self._timer.start()
        self._soon = QTimer(self)  # a try as soon as the line's rest ends
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(self.sync_now)
        self.report_counts()
        self.sync_now()

    @Slot()
    def stop(self) -> None:
        for timer in (self._timer, self._soon):
            if timer is not None:
                timer.stop()

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
            status = status_of(self._service.waiting(), self._outage.is_set())
        except OutboxError as exc:
            log.error("outbox counts unreadable: %s", type(exc).__name__)
            status = status_of(unreadable(exc), self._outage.is_set())
        self.status_changed.emit(replace(status, checked=False))

    @Slot()
    def sync_now(self) -> None:
        """A pass on the timer: waits out the line's rest if it has one."""
        self._run(force=False)

    @Slot()
    def send_now(self) -> None:
        """A pass a person asked for: the line's rest ends now."""
        self._run(force=True)

    def _run(self, *, force: bool) -> None:
        outage = self._outage.is_set()
        try:
            result = self._service.run_pass(force=force, offline=outage, progress=self._progress)
        except OutboxError as exc:
            log.error("sync pass stopped: %s", type(exc).__name__)
            result = unreadable(exc)
        except Exception as exc:  # a sync bug must never kill the thread; IT reads the log
            log.exception("sync pass failed: %s", type(exc).__name__)
            result = self._counts_only()
        for submission_id, dossier_number in result.acknowledged:
            self.dossier_received.emit(submission_id, dossier_number)
        self.status_changed.emit(status_of(result, outage))
        stopped_short = result.report.failed > 0 or result.rest_s > 0
        if self._soon is not None and result.waiting and stopped_short and (
                result.rest_s * 1000 < self._interval_ms):
            self._soon.start(int(result.rest_s * 1000))  # the line's rest, not the interval
        self.pass_finished.emit()

    def _progress(self, progress: SendProgress) -> None:
        """Pass the bytes sent on, a few times a second at most, and always the last chunk."""
        now = time.monotonic()
        if progress.sent < progress.total and now - self._last_progress < PROGRESS_EVERY_S:
            return
        self._last_progress = now
        self.progress_changed.emit(progress)

    def _counts_only(self) -> PassResult:
        try:
            return self._service.waiting()
        except OutboxError as exc:
            return unreadable(exc)


class SyncThread(QObject):
    """Owns the thread and the worker, and lives on the GUI thread: its signals are the
    GUI's receiver of the worker's plain data, so whatever listens runs on the GUI thread."""

    request_sync = Signal()
    status_changed = Signal(object)
    progress_changed = Signal(object)
    dossier_received = Signal(str, str)

    def __init__(self, worker: SyncWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.qthread = QThread()
        self.qthread.setObjectName("kiosk-sync")
        worker.moveToThread(self.qthread)
        self.qthread.started.connect(worker.start)
        self.request_sync.connect(worker.send_now)
        queued = Qt.ConnectionType.QueuedConnection
        worker.status_changed.connect(self._relay_status, queued)
        worker.progress_changed.connect(self._relay_progress, queued)
        worker.dossier_received.connect(self._relay_dossier, queued)

    @Slot(object)
    def _relay_status(self, status: SyncStatus) -> None:
        self.status_changed.emit(status)

    @Slot(object)
    def _relay_progress(self, progress: SendProgress) -> None:
        self.progress_changed.emit(progress)

    @Slot(str, str)
    def _relay_dossier(self, submission_id: str, dossier_number: str) -> None:
        self.dossier_received.emit(submission_id, dossier_number)

    def start(self) -> None:
        self.qthread.start()

    def stop(self, wait_ms: int = 15000) -> None:
        """Stop the timers, let a running pass end, and join the thread."""
        if self.qthread.isRunning():
            # Blocking: the timers must be stopped on their own thread before the thread ends.
            QMetaObject.invokeMethod(self.worker, "stop", Qt.ConnectionType.BlockingQueuedConnection)
            self.qthread.quit()
            self.qthread.wait(wait_ms)
