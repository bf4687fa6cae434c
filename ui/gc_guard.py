"""Python's cyclic garbage collector runs only on the GUI thread.

The collector runs on whichever thread happens to allocate when a threshold
is crossed. If a pool thread (saving, printing, asking the central service)
triggers it while a cycle holds a Qt widget, the widget is destroyed on that
thread and Qt crashes the process, taking an unsaved request with it. So the
automatic collector is switched off and a GUI-thread timer collects instead,
with the same generation thresholds.

Once the kiosk is ready (every screen built), what start-up made (modules, the
catalogue, the screens, the services) lives as long as the process: it is moved out
of the collector's sight (``gc.freeze``). A full collection then walks only what the
citizens' visits made: about 16 ms instead of 80 ms for each on the GUI thread, a
pause a tap could meet (figures in ``benchmarks/README.md``, "A day in one process").
"""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Owns the timer; create it once, on the GUI thread, parented to the application."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        return collect_due(self._thresholds)


def collect_due(thresholds: tuple[int, int, int]) -> int:
    """Collect the oldest generation whose count passed its threshold, as CPython would
    have; the number of objects freed."""
    counts = gc.get_count()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            return gc.collect(generation)
    return 0


_installed: GuiThreadCollector | None = None


def install(app: QObject) -> GuiThreadCollector:
    """Install the collector on ``app`` once; later calls return the same one.

    Remembered here: ``app.findChild`` made Python wrappers of each of Qt's own objects under
    the application, 12 to 15 ms before the welcome screen's first paint."""
    global _installed
    if _installed is None or not shiboken6.isValid(_installed) or _installed.parent() is not app:
        _installed = GuiThreadCollector(app)
    return _installed


def keep_start_up() -> None:
    """Collect once, then keep every object alive now out of the collector's sight.

    Only cycles among these objects are never freed again: they are the kiosk's own,
    made once. A citizen's objects come later and are collected as before; the screens
    built again in another language are released first (``release_start_up``)."""
    gc.collect()
    gc.freeze()


def release_start_up() -> None:
    """The kept objects back in the collector's sight (the screens are about to be made
    again: the old ones must be freed)."""
    gc.unfreeze()
