"""Run slow work (disk, hashing, printing) off the GUI thread and get the result back on it.

The kiosk must never freeze under a citizen's finger: a job runs in the
global thread pool and its result or exception is delivered to a callback
on the GUI thread through a queued connection.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot


class _Relay(QObject):
    """Lives on the GUI thread; receives the job's outcome and calls the callbacks there."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, on_done: Callable[[Any], None],
                 on_failed: Callable[[BaseException], None]) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_failed = on_failed
        self.done.connect(self._deliver_done, Qt.ConnectionType.QueuedConnection)
        self.failed.connect(self._deliver_failed, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _deliver_done(self, result: Any) -> None:
        _running.discard(self)
        self._on_done(result)

    @Slot(object)
    def _deliver_failed(self, error: BaseException) -> None:
        _running.discard(self)
        self._on_failed(error)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # delivered to the caller, who shows a message
            self._relay.failed.emit(exc)
        else:
            self._relay.done.emit(result)


_running: set[_Relay] = set()


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
) -> None:
    """Start ``work()`` in the thread pool; one of the callbacks runs later on the GUI thread."""
    relay = _Relay(on_done, on_failed)
    _running.add(relay)
    QThreadPool.globalInstance().start(_Job(work, relay))


def jobs_running() -> int:
    """How many jobs have not reported back yet (tests wait for zero)."""
    return len(_running)
