"""Background sync: drives ``SyncClient`` on its own thread so the screens never wait.

The worker lives in a QThread. A timer runs a pass every ``interval_s``; the
GUI asks for one at once (after a request is saved, or a mediator's
« Réessayer ») through ``request_sync``. Each pass reports whether the
central service answered, how many requests wait, and which requests just
got their dossier number. Network and disk are only touched on this thread.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, QTimer, Signal, Slot

from offline_queue import Outbox, OutboxError
from offline_queue.sync import SyncClient

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows after a pass."""

    online: bool
    waiting: int
    needs_attention: int
    simulated_outage: bool = False
    problem: str = ""


class SyncWorker(QObject):
    """Runs on the sync thread; every slot is called there through queued signals."""

    status_changed = Signal(object)
    dossier_received = Signal(str, str)
    pass_finished = Signal()

    def __init__(self, outbox: Outbox, client: SyncClient, interval_s: float) -> None:
        super().__init__()
        self._outbox = outbox
        self._client = client
        self._interval_ms = max(1, int(interval_s * 1000))
        self._outage = threading.Event()
        self._timer: QTimer | None = None
        self.passes = 0

    @Slot()
    def start(self) -> None:
        """First pass now, then one every interval (runs on the sync thread)."""
        self._timer = QTimer(self)
        self._timer.setInterval(self._interval_ms)
        self._timer.timeout.connect(self.sync_now)
        self._timer.start()
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
    def sync_now(self) -> None:
        """One pass: health, send what is due, report counts and new dossier numbers."""
        try:
            pending = [item.id for item in self._outbox.list_items(["queued", "sending"])]
            online = False
            problem = ""
            if not self._outage.is_set():
                online = self._client.health()
                if online and pending:
                    report = self._client.sync(force=True)
                    problem = report.auth_error or ""
                    online = report.auth_error is None
            for submission_id in pending:
                item = self._outbox.get(submission_id)
                if item.state == "sent" and item.dossier_number:
                    self.dossier_received.emit(item.id, item.dossier_number)
            counts = self._outbox.counts()
        except OutboxError as exc:
            log.error("sync pass stopped: %s", type(exc).__name__)
            self.status_changed.emit(SyncStatus(False, 0, 0, self._outage.is_set(), str(exc)))
            self.pass_finished.emit()
            return
        except Exception as exc:  # a sync bug must never kill the thread; IT reads the log
            log.exception("sync pass failed: %s", type(exc).__name__)
            online, problem = False, ""
            counts = self._safe_counts()
        self.passes += 1
        self.status_changed.emit(SyncStatus(
            online=online,
            waiting=counts.get("queued", 0) + counts.get("sending", 0),
            needs_attention=counts.get("needs_attention", 0),
            simulated_outage=self._outage.is_set(),
            problem=problem,
        ))
        self.pass_finished.emit()

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
