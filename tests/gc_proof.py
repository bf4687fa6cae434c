"""Proof that threads own no widget: Python's collector on, watched on every other thread.

Qt objects must be destroyed on the thread that owns them (the GUI thread for
every widget). Python's cyclic collector runs on whichever thread allocates
when a threshold is crossed: if a pool or sync thread collected a cycle that
holds a Qt object, that object would be destroyed there, and Qt may crash.

``OffThreadFinalisation`` leaves the collector on and listens to every
collection (``gc.callbacks``). A collection that starts on another thread
than the main one keeps its garbage aside (``DEBUG_SAVEALL``) instead of
freeing it; each ``QObject`` in it is reported, and the garbage is freed later
on the main thread, so the run itself never crashes. To make such collections
happen, every background job ends with a full collection on its pool thread.
"""

from __future__ import annotations

import gc
import sys
import threading
from typing import Any


def _destroyed_here(objects: list[Any]) -> list[str]:
    """Type names of the Qt objects whose C++ object freeing these wrappers would destroy:
    alive and owned by Python (a widget with a parent is its parent's to delete)."""
    core = sys.modules.get("PySide6.QtCore")
    if core is None:
        return []
    import shiboken6

    return [type(o).__name__ for o in objects if isinstance(o, core.QObject)
            and shiboken6.isValid(o) and shiboken6.ownedByPython(o)]


class OffThreadFinalisation:
    """Context manager; ``found`` lists "Type on thread" for each Qt object an off-thread
    collection would have destroyed, once ``release`` (on the main thread) has looked at
    what such collections kept aside, and freed it."""

    def __init__(self) -> None:
        self.found: list[str] = []
        self.collections = 0
        """Collections run off the main thread while watched (a proof that sees none proves
        nothing)."""
        self._held: list[tuple[str, list[Any]]] = []
        self._debug: dict[int, int] = {}
        self._main = threading.main_thread()

    def __enter__(self) -> OffThreadFinalisation:
        self._enabled = gc.isenabled()
        gc.enable()
        gc.callbacks.append(self._callback)
        _collect_after_each_job(True)
        _confine_collector(False)
        return self

    def __exit__(self, *_exc: object) -> None:
        _confine_collector(True)
        _collect_after_each_job(False)
        gc.callbacks.remove(self._callback)
        self.release()
        if not self._enabled:
            gc.disable()

    def _callback(self, phase: str, _info: dict[str, int]) -> None:
        if threading.current_thread() is self._main:
            return
        ident = threading.get_ident()
        if phase == "start":
            self._debug[ident] = gc.get_debug()
            gc.set_debug(self._debug[ident] | gc.DEBUG_SAVEALL)
            return
        gc.set_debug(self._debug.pop(ident, 0))
        garbage = list(gc.garbage)
        gc.garbage.clear()
        self.collections += 1
        if garbage:  # looked at on the main thread: asking the binding here could deadlock
            self._held.append((threading.current_thread().name, garbage))

    def release(self) -> None:
        """Between tests, on the main thread: delete the widgets a test let go (closed, or
        given to ``deleteLater``) as the event loop would, and free what off-thread
        collections kept aside."""
        assert threading.current_thread() is self._main
        core = sys.modules.get("PySide6.QtCore")
        held, self._held = self._held, []
        self.found += [f"{kind} on {thread}" for thread, garbage in held
                       for kind in _destroyed_here(garbage)]
        del held  # the last references: freed below, on this thread
        if core is not None and core.QCoreApplication.instance() is not None:
            core.QCoreApplication.sendPostedEvents(None, core.QEvent.Type.DeferredDelete)
        gc.collect()


def _confine_collector(on: bool) -> None:
    """The kiosk confines the collector to the GUI thread (``ui/gc_guard.py``) when its
    application is created; the proof leaves it free, to see whether that is needed."""
    import ui.gc_guard as guard

    if not on and not hasattr(guard, "_proof_install"):
        guard._proof_install = guard.install  # type: ignore[attr-defined]
        guard.install = lambda app: None  # type: ignore[assignment,return-value]
    elif on and hasattr(guard, "_proof_install"):
        guard.install = guard._proof_install
        del guard._proof_install


def _collect_after_each_job(on: bool) -> None:
    """Every background job ends with a full collection on its own pool thread."""
    background = sys.modules.get("ui.screens.background")
    if background is None:
        import ui.screens.background as background
    job = background._Job
    if on and not hasattr(job, "_proof_run"):
        job._proof_run = job.run

        def run_then_collect(self: Any) -> None:
            job._proof_run(self)
            gc.collect()

        job.run = run_then_collect
    elif not on and hasattr(job, "_proof_run"):
        job.run = job._proof_run
        del job._proof_run
