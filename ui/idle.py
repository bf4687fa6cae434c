"""Idle watch: warn after ``idle_warning_s`` without a touch, then wipe after a countdown.

A kiosk is shared: a citizen who walks away must not leave their answers on
screen. The warning is a countdown anyone can cancel with one tap; at zero
the main window goes back to the welcome screen, which wipes the session.

Built before the welcome screen's first paint: `Qt` is reached as `QtCore.Qt` at call
time only (its first lookup builds ~90 Python enums, ~11 ms), see `ui.screens.common`.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QInputEvent, QWindow
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.idle import IdleCountdown
from ui.screens.common import big_button, text_label
from ui.veil import Veil

ACTIVITY = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
}


class _ActivityFilter(QObject):
    """Window event filter that reports every touch, click, key or wheel turn."""

    def __init__(self, on_activity: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_activity = on_activity

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        # Called for every event of the window: the class test is cheap, and only an input
        # event pays for ``type()`` (each call makes a Python enum).
        if isinstance(event, QInputEvent) and event.type() in ACTIVITY:
            self._on_activity()
        return False


class IdleWatcher(QObject):
    """Counts the time since the last touch or key while a citizen's data is on screen.

    The countdown's state (seconds left, « Encore du temps ») is ``state``, a core object
    others may read (a spoken warning). It watches only while active, and only the
    windows: every touch, click, key or wheel turn the system gives reaches the window
    (``QWindow``) before Qt hands it to a widget, so a filter there sees them all, and
    little else. A Python filter on the whole application was called for every event of
    every widget (each paint, each layout, each show), about a tenth of the screens'
    time along a visit (``benchmarks/README.md``, "A day in one process").
    """

    warning = Signal(int)
    countdown = Signal(int)
    cancelled = Signal()
    expired = Signal()

    def __init__(self, warning_s: int, countdown_s: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = IdleCountdown(warning_s, countdown_s)
        self.countdown_s = countdown_s
        self.active = False
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(warning_s * 1000)
        self._quiet.timeout.connect(self._warn)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count)
        self._filter = _ActivityFilter(self.touched, self)
        self._watching = False
        self._windows: list[QWindow] = []
        self._times = (warning_s, countdown_s)
        self.hold: Callable[[], bool] = lambda: False
        """While it answers True (the voice is reading), no warning starts and nothing is wiped."""

    def stretch(self, factor: float) -> None:
        """Longer times (voice mode): the warning and the countdown times ``factor``."""
        warning_s, countdown_s = self._times
        self._quiet.setInterval(int(warning_s * factor * 1000))
        self.countdown_s = self.state.countdown_s = int(countdown_s * factor)

    @property
    def remaining(self) -> int:
        """Seconds left before the wipe while the warning is shown."""
        return self.state.remaining

    @remaining.setter
    def remaining(self, seconds: int) -> None:
        self.state.remaining = seconds

    @property
    def warning_shown(self) -> bool:
        return self._tick.isActive()

    def set_active(self, active: bool) -> None:
        """Watch only while a citizen's data is on screen (not on the welcome screen)."""
        self.active = active
        self._watch(active)
        if active:
            self.touched()
        else:
            self._quiet.stop()
            self.state.reset()
            if self._tick.isActive():
                self._tick.stop()
                self.cancelled.emit()

    def touched(self) -> None:
        """Someone is there (« Encore du temps », or any touch): cancel any countdown and
        start counting again."""
        if self._tick.isActive():
            self._tick.stop()
            self.state.extend()
            self.cancelled.emit()
        if self.active:
            self._quiet.start()

    def _watch(self, watching: bool) -> None:
        if watching == self._watching:
            return
        if watching:  # the kiosk's window, shown by now (a visit starts from it)
            self._windows = QGuiApplication.topLevelWindows()
            for window in self._windows:
                window.installEventFilter(self._filter)
        else:
            for window in self._windows:
                if shiboken6.isValid(window):
                    window.removeEventFilter(self._filter)
            self._windows = []
        self._watching = watching

    def _warn(self) -> None:
        if self.hold():
            self._quiet.start()
            return
        self._tick.start()
        self.warning.emit(self.state.warn())

    def _count(self) -> None:
        if not self.state.tick() and self.state.remaining > 0:
            self.countdown.emit(self.state.remaining)
            return
        self._tick.stop()
        if self.hold():  # words are being read out: count again, wipe nothing
            self.cancelled.emit()
            self._quiet.start()
            return
        self.expired.emit()


class IdleOverlay(Veil):
    """The countdown over the dimmed screen: « Encore du temps » or « Tout effacer maintenant »."""

    stay = Signal()
    erase = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, QCoreApplication.translate("IdleOverlay", "Êtes-vous toujours là ?"))
        self.seconds = text_label("", "countdown")
        self.content.addWidget(self.seconds)
        self.message = text_label("")
        self.content.addWidget(self.message)
        self.stay_button = big_button(
            self.tr("Encore du temps"),
            self.tr("Garder la démarche en cours et continuer"),
            "primary",
        )
        self.erase_button = big_button(
            self.tr("Tout effacer maintenant"),
            self.tr("Effacer tout ce qui a été saisi et revenir à l'accueil"),
            "danger",
        )
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(self.stay_button)
        row.addStretch(1)
        row.addWidget(self.erase_button)
        self.content.addLayout(row)
        self.stay_button.clicked.connect(self.stay)
        self.erase_button.clicked.connect(self.erase)

    def show_seconds(self, seconds: int) -> None:
        self.seconds.setText(str(seconds))
        self.seconds.setAccessibleName(self.tr("%n secondes", "", seconds).replace("%n", str(seconds)))
        self.message.setText(self.tr(
            "Sans réponse, votre démarche sera effacée dans %n secondes pour protéger vos "
            "informations.", "", seconds).replace("%n", str(seconds)))
        if not self.isVisible():
            self.open()
            self.stay_button.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
