"""Run slow work (disk, hashing, printing) off the GUI thread and get the result back on it.

The kiosk must never freeze under a citizen's finger: a job runs in the
global thread pool and its result or exception is delivered to a callback
on the GUI thread through a queued connection.

A pool thread must never hold the last reference to a Qt object, or Qt would
destroy it on that thread. So a job carries plain data only: the work to do
(built by the caller from plain values, never a bound method of a widget) and
a ticket number. The callbacks stay on the GUI thread, in ``_pending``, and
the one receiver is created there and lives as long as the application. A
job lets go of its work as soon as it has run: nothing it captured (a
citizen's bytes, a session) outlives it, even if the binding keeps the
finished runnable alive.
"""

from __future__ import annotations

import functools
import itertools
import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Receiver(QObject):
    """Lives on the GUI thread for the whole run; hands each outcome to its callbacks there."""

    done = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self) -> None:
        super().__init__()
        self.done.connect(self._deliver_done, Qt.ConnectionType.QueuedConnection)
        self.failed.connect(self._deliver_failed, Qt.ConnectionType.QueuedConnection)

    @Slot(int, object)
    def _deliver_done(self, ticket: int, result: Any) -> None:
        on_done, _on_failed = _pending.pop(ticket)
        if _owner_alive(on_done):
            on_done(result)

    @Slot(int, object)
    def _deliver_failed(self, ticket: int, error: BaseException) -> None:
        _on_done, on_failed = _pending.pop(ticket)
        if _owner_alive(on_failed):
            on_failed(error)


def _owner_alive(callback: Callable[..., None]) -> bool:
    """False when the callback belongs to a widget Qt has destroyed meanwhile (the screens are
    rebuilt when a language is chosen, and destroyed when the window closes): its outcome is
    dropped, as its screen would have dropped it."""
    while isinstance(callback, functools.partial):
        callback = callback.func
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, QObject) and not shiboken6.isValid(owner):
        log.info("a background job finished after its screen was closed; its result is dropped")
        return False
    return True


class _Job(QRunnable):
    """Plain data: the ticket and the work. Emits through the long-lived receiver."""

    def __init__(self, ticket: int, work: Callable[[], Any], receiver: _Receiver) -> None:
        super().__init__()
        self._ticket = ticket
        self._work: Callable[[], Any] | None = work
        self._receiver = receiver

    def run(self) -> None:
        work, self._work = self._work, None  # released whatever happens next
        assert work is not None, "a job runs once"
        try:
            result = work()
        except Exception as exc:  # delivered to the caller, who shows a message
            del work
            self._receiver.failed.emit(self._ticket, exc)
        else:
            del work
            self._receiver.done.emit(self._ticket, result)


_pending: dict[int, tuple[Callable[[Any], None], Callable[[BaseException], None]]] = {}
_tickets = itertools.count(1)
_receivers: list[_Receiver] = []


def _receiver() -> _Receiver:
    """The receiver, made on first use, on the GUI thread (the only caller of this module)."""
    if not _receivers:
        _receivers.append(_Receiver())
    return _receivers[0]


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
) -> None:
    """Start ``work()`` in the thread pool; one of the callbacks runs later on the GUI thread.

    ``work`` must not reach a widget: give it the plain values it needs.
    """
    ticket = next(_tickets)
    _pending[ticket] = (on_done, on_failed)
    QThreadPool.globalInstance().start(_Job(ticket, work, _receiver()))


def jobs_running() -> int:
    """How many jobs have not reported back yet (tests wait for zero)."""
    return len(_pending)
