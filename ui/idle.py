"""Idle watch: warn after ``idle_warning_s`` without a touch, then wipe after a countdown.

A kiosk is shared: a citizen who walks away must not leave their answers on
screen. The warning is a countdown anyone can cancel with one tap; at zero
the main window goes back to the welcome screen, which wipes the session.

Built before the welcome screen's first paint: `Qt` is reached as `QtCore.Qt` at call
time only (its first lookup builds ~90 Python enums, ~11 ms), see `ui.screens.common`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from ui.screens.common import big_button, text_label

ACTIVITY = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
}


class _ActivityFilter(QObject):
    """Application event filter that reports every touch, click, key or wheel turn."""

    def __init__(self, on_activity: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_activity = on_activity

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() in ACTIVITY:
            self._on_activity()
        return False


class IdleWatcher(QObject):
    """Counts the time since the last touch or key while a citizen's data is on screen.

    It watches the application's events only while active: a Python event filter on the
    whole application costs a call for every event of every object, and before the welcome
    screen's first paint it made PySide build Python types for Qt internals (about 20 ms of
    the start-up). Installing the watcher itself with ``app.installEventFilter(watcher)``
    is harmless and does nothing; ``set_active`` does the watching.
    """

    warning = Signal(int)
    countdown = Signal(int)
    cancelled = Signal()
    expired = Signal()

    def __init__(self, warning_s: int, countdown_s: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.countdown_s = countdown_s
        self.remaining = 0
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
        self._times = (warning_s, countdown_s)
        self.hold: Callable[[], bool] = lambda: False
        """While it answers True (the voice is reading), no warning starts and nothing is wiped."""

    def stretch(self, factor: float) -> None:
        """Longer times (voice mode): the warning and the countdown times ``factor``."""
        warning_s, countdown_s = self._times
        self._quiet.setInterval(int(warning_s * factor * 1000))
        self.countdown_s = int(countdown_s * factor)

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
            if self._tick.isActive():
                self._tick.stop()
                self.cancelled.emit()

    def touched(self) -> None:
        """Someone is there: cancel any countdown and start counting again."""
        if self._tick.isActive():
            self._tick.stop()
            self.cancelled.emit()
        if self.active:
            self._quiet.start()

    def _watch(self, watching: bool) -> None:
        app = QCoreApplication.instance()
        if app is None or watching == self._watching:
            return
        if watching:
            app.installEventFilter(self._filter)
        else:
            app.removeEventFilter(self._filter)
        self._watching = watching

    def _warn(self) -> None:
        if self.hold():
            self._quiet.start()
            return
        self.remaining = self.countdown_s
        self._tick.start()
        self.warning.emit(self.remaining)

    def _count(self) -> None:
        self.remaining -= 1
        if self.remaining > 0:
            self.countdown.emit(self.remaining)
            return
        self._tick.stop()
        if self.hold():  # words are being read out: count again, wipe nothing
            self.cancelled.emit()
            self._quiet.start()
            return
        self.expired.emit()


class IdleOverlay(QFrame):
    """The countdown panel shown over the current screen."""

    stay = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.setSpacing(20)
        layout.addWidget(text_label(self.tr("Êtes-vous toujours là ?"), "title"))
        self.message = text_label("")
        layout.addWidget(self.message)
        self.stay_button = big_button(
            self.tr("Je suis là, je continue"),
            self.tr("Garder la démarche en cours et continuer"),
            "primary",
        )
        row = QHBoxLayout()  # the button at its own width, on the left
        row.addWidget(self.stay_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.stay_button.clicked.connect(self.stay)
        self.hide()

    def show_seconds(self, seconds: int) -> None:
        self.message.setText(self.tr(
            "Sans réponse, votre démarche sera effacée dans %n secondes pour protéger vos "
            "informations.", "", seconds).replace("%n", str(seconds)))
        if not self.isVisible():
            self.show()
            self.raise_()
            self.stay_button.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
