"""Voice mode: the kiosk reads each page aloud and is driven by touch-to-hear or the keyboard.

A citizen who cannot see the screen must be able to switch the voice on without
sight, hear each page, explore it with a finger and act, or walk it with the
arrows of a physical keyboard. No screen is edited for it: while the voice is on,
one application event filter answers touches and keys; while it is off, only a
shortcut and a watcher of the window's own input (``LongPress``) wait, so that a
kiosk without voice pays nothing for it:

- switched on or off by Ctrl+Alt+V on a physical keyboard, or a long press
  (``LONG_PRESS_MS``, one finger held still) anywhere on the screen;
- in voice mode, a touch says the control under the finger (its accessible name)
  and gives it the focus; a second touch on the same control soon after acts;
- the arrows (and Tab) go from control to control and say each; Enter or Space acts;
- F5 (or « Répéter ») says the page again, Échap stops the voice, Ctrl+↑/↓ turn
  it up or down, Ctrl+→/← make it faster or slower; a bar of buttons does the
  same on screen, and its buttons are said like any other.

What a page says comes from the visit's model (``kiosk.speech``), told of each move
by the visit's listener; the widgets are only read for what a finger touches.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QShortcut, QWindow
from PySide6.QtWidgets import QAbstractButton, QApplication, QHBoxLayout, QLabel, QLineEdit, QWidget

from kiosk.flow import Event, Page, Transition, Visit
from ui.i18n import available_languages, current_language, language_name, tr_core
from ui.idle import IdleOverlay
from ui.keyboard import KeyboardDock
from ui.screens.common import big_button
from ui.veil import Veil

if TYPE_CHECKING:
    from kiosk.consent import ConsentText
    from kiosk.voice_engine import VoiceEngine

# ``kiosk.speech`` and ``kiosk.voice_engine`` are imported where the voice first speaks: the
# bar and its switch are built with the list of procedures, before the first tap is answered,
# and most visits never turn the voice on.

log = logging.getLogger(__name__)

LONG_PRESS_MS = 3000
"""Held this long without moving, a press switches the voice on or off."""
STILL_PX = 40
"""A finger that moves further than this is scrolling, not holding."""
DOUBLE_TAP_MS = 700
"""Two touches on one control within this time act (elderly fingers are slower than Qt's 400)."""
VOLUME_STEP, RATE_STEP = 10, 20
SETTLED_MS = 300
"""A panel shown this long after the visit moved was opened on the page, not with it."""

_MOUSE = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
                    QEvent.Type.MouseButtonRelease})
_WATCHED = _MOUSE | {QEvent.Type.KeyPress, QEvent.Type.LanguageChange, QEvent.Type.Show}
EngineFactory = Callable[[], "VoiceEngine"]


def default_engine() -> VoiceEngine:
    """espeak-ng when installed; else a silent engine (logged: the kiosk still works)."""
    from kiosk.voice_engine import EspeakEngine, SilentEngine

    if EspeakEngine.available():
        return EspeakEngine()
    log.error("voice: espeak-ng is not installed (scripts/system-deps.sh): voice mode is silent")
    return SilentEngine()


_tr = tr_core
"""What ``kiosk.speech`` says is core text: translated as the core's texts are."""


VOLUMES = (40, 70, 100)
RATES = (130, 175, 230)
"""The bar's steps (volume 0-100, words per minute); each touch takes the next, the last
goes back to the first. The keys go by finer steps in between."""

HOW_TO = str(QT_TRANSLATE_NOOP(
    "VoiceMode", "Mode voix activé. Touchez un bouton pour l'entendre. Touchez-le deux fois "
    "pour l'utiliser. Pour tout réentendre, touchez « Répéter »."))
"""Said when the voice is switched on."""


def _level(value: int, levels: tuple[int, ...]) -> int:
    """The index of the step nearest ``value``."""
    return min(range(len(levels)), key=lambda i: abs(levels[i] - value))


class VoiceBar(QWidget):
    """The voice's own buttons, shown while the voice is on; each is said when touched.
    Five, so that they fit a row at 1080 px: the sound and the speed go round their steps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(32, 8, 32, 0)
        row.setSpacing(12)
        self.repeat = big_button(self.tr("Répéter"), self.tr("Entendre de nouveau la page"))
        self.stop = big_button(self.tr("Silence"), self.tr("Faire taire la voix tout de suite"))
        self.volume = big_button(self.tr("Son fort"), self.tr("Changer la force du son"))
        self.rate = big_button(self.tr("Voix normale"), self.tr("Changer la vitesse de la voix"))
        self.off = big_button(self.tr("Couper la voix"), self.tr("Revenir à l'écran sans voix"))
        for button in (self.repeat, self.stop, self.volume, self.rate):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.off)
        self.hide()

    def show_levels(self, volume: int, rate: int) -> None:
        volumes = (self.tr("Son doux"), self.tr("Son moyen"), self.tr("Son fort"))
        rates = (self.tr("Voix lente"), self.tr("Voix normale"), self.tr("Voix rapide"))
        for button, text in ((self.volume, volumes[_level(volume, VOLUMES)]),
                             (self.rate, rates[_level(rate, RATES)])):
            button.setText(text)
            button.setAccessibleName(text)


class LongPress(QObject):
    """A finger held still ``LONG_PRESS_MS`` anywhere on the window calls ``held``.

    It watches the window's own input (``QWindow``), not every event of the application,
    so it costs nothing while the voice is off. The press goes on to what is under the
    finger; when the hold is recognised, a button under it is released without acting."""

    def __init__(self, root: QWidget, held: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = root
        self.held = held
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(LONG_PRESS_MS)
        self.timer.timeout.connect(self._held)
        self._at = QPointF()
        root.installEventFilter(self)  # its window appears when it is first shown
        self._window: QWindow | None = None
        self._follow_window()

    def _follow_window(self) -> None:
        window = self.root.windowHandle()
        if window is not None and window is not self._window:
            window.installEventFilter(self)
            self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        kind = event.type()
        if watched is self.root:
            if kind in (QEvent.Type.Show, QEvent.Type.WinIdChange):
                self._follow_window()
        elif watched is self._window and isinstance(event, QMouseEvent):
            if kind == QEvent.Type.MouseButtonPress:
                self._at = event.position()
                self.timer.start()
            elif kind == QEvent.Type.MouseButtonRelease or (
                    kind == QEvent.Type.MouseMove
                    and (event.position() - self._at).manhattanLength() > STILL_PX):
                self.timer.stop()  # lifted, or moving: scrolling, not holding
        return False

    def _held(self) -> None:
        under = self.root.childAt(self._at.toPoint())  # the window's points are the root's
        while under is not None and not isinstance(under, QAbstractButton):
            under = under.parentWidget()
        if under is not None:
            under.setDown(False)  # its release will not click it
        self.held()


class VoiceMode(QObject):
    """See the module's docstring. ``factory`` builds the engine the first time it is needed."""

    def __init__(self, visit: Visit, root: QWidget, factory: EngineFactory = default_engine,
                 consent: Callable[[], ConsentText | None] = lambda: None,
                 pages: QWidget | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pages = pages
        """Where the flow's screens are: a tap there that moves nothing is answered by the model."""
        self.visit = visit
        self.root = root
        self.factory = factory
        """Builds the voice the first time it is needed: a better voice (or a test's ears)
        is plugged in here."""
        self._engine: VoiceEngine | None = None
        self._consent = consent
        self.on = False
        self.bar = VoiceBar()
        self.last_page: list[str] = []
        """The utterances of the page, for « Répéter »."""
        self._came_by: Event | None = None
        self._pending = False
        self._visit_over = False
        self._moved_ms = 0
        """When the visit last moved: panels shown with a new page are that page, said from the
        model; a panel shown later is a question the screen asks (the date on a scan)."""
        self._moves = 0
        self._touched: QWidget | None = None
        self._touched_at = -DOUBLE_TAP_MS
        self._pressed_ms = 0
        self.long_press = LongPress(root, self.toggle, self)
        self._shortcut = QShortcut(QKeySequence("Ctrl+Alt+V"), root)
        self._shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self._shortcut.activated.connect(self.toggle)
        self._reading_warning = False
        self.changed_callbacks: list[Callable[[bool], None]] = []
        """Told when the voice is switched on or off (the idle watch lengthens its times)."""
        bar = self.bar
        bar.repeat.clicked.connect(self.repeat)
        bar.stop.clicked.connect(self.interrupt)
        bar.volume.clicked.connect(self.next_volume)
        bar.rate.clicked.connect(self.next_rate)
        bar.off.clicked.connect(lambda: self.switch(False))
        self._follow(visit)

    # --- the engine ------------------------------------------------------------------------

    @property
    def engine(self) -> VoiceEngine:
        from kiosk.voice_engine import VOICES

        if self._engine is None:
            self._engine = self.factory()
        language = current_language()  # the interface's, where espeak-ng has it (fr, en, ar)
        self._engine.language = language if language in VOICES else "fr"
        return self._engine

    def say(self, lines: list[str], *, interrupt: bool = True) -> None:
        self._reading_warning = False  # set again by the idle warning after it says its words
        engine = self.engine
        if interrupt:
            engine.interrupt()
        for line in lines:
            engine.say(line)

    def close(self) -> None:
        """The window closes: the voice stops and its processes end."""
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if self._engine is not None:
            self._engine.close()
            self._engine = None

    def reading(self) -> bool:
        """The voice is reading something other than the idle warning: no timeout may wipe."""
        return self.on and self._engine is not None and self._engine.speaking() \
            and not self._reading_warning

    # --- on and off --------------------------------------------------------------------------

    def switch(self, on: bool) -> None:
        if on == self.on:
            return
        self.on = on
        self.bar.setVisible(on)
        app = QCoreApplication.instance()
        if app is not None:  # a Python filter on every event costs: only while it is needed
            (app.installEventFilter if on else app.removeEventFilter)(self)
        if on:
            self.say([self.tr(HOW_TO)])
            self.speak_page(interrupt=False)
        else:
            self.say([self.tr("Mode voix coupé.")])
        for callback in self.changed_callbacks:
            callback(on)

    def toggle(self) -> None:
        self.switch(not self.on)

    # --- what is said --------------------------------------------------------------------------

    def _follow(self, visit: Visit) -> None:
        """Be told of each move of the visit, after whoever listened before."""
        before = visit.listener

        def listener(v: Visit, transition: Transition | None) -> None:
            if before is not None:
                before(v, transition)
            if transition is not None:
                self._moves += 1
                self._moved_ms = _now_ms()
                self._came_by = transition.event
                self._pending = True
                # nobody there any more, or the request is over: the next citizen gets the
                # kiosk as it usually is (one touch acts), not a voice they did not ask for
                self._visit_over = transition.event is Event.IDLE or (
                    transition.event is Event.HOME and transition.source is Page.END)
                QTimer.singleShot(0, self.flush)  # the move is made once the listener returns

        visit.listener = listener

    def flush(self) -> None:
        """Say the page the visit moved to, once the move is complete: the window calls it as
        soon as a tap's change is made, before it builds the screen (the first sound comes
        sooner); otherwise at the next turn of the event loop (a question's own moves)."""
        if self._pending:
            self._pending = False
            if self._visit_over:
                self.switch(False)
            elif self.on:
                self.speak_page()
            if self.visit.page is Page.WELCOME:  # the next citizen: nothing of this one is kept
                self._touched = None
                if not self.on:
                    self.last_page = []

    def speak_page(self, *, interrupt: bool = True) -> None:
        from kiosk import speech

        languages = [language_name(code) for code in available_languages()
                     if code != current_language()]
        self.last_page = speech.page_speech(self.visit, self._came_by, consent=self._consent(),
                                            languages=languages, tr=_tr)
        self.say(self.last_page, interrupt=interrupt)

    def repeat(self) -> None:
        if self.on:
            self.speak_page()

    def interrupt(self) -> None:
        if self._engine is not None:
            self._engine.interrupt()

    def turn_volume(self, step: int) -> None:
        self._set(volume=self.engine.volume + step)

    def turn_rate(self, step: int) -> None:
        self._set(rate=self.engine.rate + step)

    def next_volume(self) -> None:
        """The bar's sound button: the next step, after the loudest the softest."""
        self._set(volume=VOLUMES[(_level(self.engine.volume, VOLUMES) + 1) % len(VOLUMES)])

    def next_rate(self) -> None:
        self._set(rate=RATES[(_level(self.engine.rate, RATES) + 1) % len(RATES)])

    def _set(self, *, volume: int | None = None, rate: int | None = None) -> None:
        """Change the voice and say how it is now, in the new voice."""
        from kiosk.voice_engine import MAX_RATE, MIN_RATE

        engine = self.engine
        if volume is not None:
            engine.volume = max(VOLUMES[0] // 2, min(100, volume))
        if rate is not None:
            engine.rate = max(MIN_RATE, min(MAX_RATE, rate))
        self.bar.show_levels(engine.volume, engine.rate)
        if volume is not None:
            self.say([self.tr("Volume {0} sur 100").format(engine.volume)])
        else:
            self.say([self.tr("Vitesse {0} mots par minute").format(engine.rate)])

    def idle_warning(self, seconds: int) -> None:
        """The idle warning: a chime for everyone, and its words."""
        from kiosk import speech

        engine = self.engine
        engine.interrupt()
        engine.chime()
        self.say(speech.idle_speech(seconds, self.on, _tr), interrupt=False)
        self._reading_warning = True

    def say_error(self, message: str) -> None:
        from kiosk import speech

        if self.on:
            self.say([speech.error_speech(message, _tr)], interrupt=False)

    # --- touch and keys ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        """The whole application's events, while the voice is on only."""
        kind = event.type()
        if kind not in _WATCHED or not watched.isWidgetType():
            return False
        assert isinstance(watched, QWidget)
        if kind == QEvent.Type.LanguageChange:
            if watched is self.root:  # the page again, in the language just chosen, once rebuilt
                QTimer.singleShot(0, self.speak_page)
            return False
        if not (watched.window() is self.root or self.root.isAncestorOf(watched)):
            return False
        if kind == QEvent.Type.Show:
            if isinstance(watched, Veil) and not isinstance(watched, IdleOverlay):
                self.say(_words_of(watched))  # a question over the page (« Quitter ? »)
            elif _now_ms() - self._moved_ms > SETTLED_MS and _is_panel_of_page(watched, self.pages):
                self.say(_words_of(watched), interrupt=False)  # a question opened on the page
            return False
        if kind == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(watched, event)
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            # Some platforms follow a second press with a double-click event: one touch.
            doubled = kind == QEvent.Type.MouseButtonDblClick and _now_ms() - self._pressed_ms < 50
            self._pressed_ms = _now_ms()
            if not doubled:
                self._touch(watched)
        return True  # a touch is heard, not acted on; a second touch acts

    def _touch(self, watched: QWidget) -> None:
        target = _control_at(watched)
        if target is None:
            return
        now = _now_ms()
        if target is self._touched and now - self._touched_at <= DOUBLE_TAP_MS:
            self._touched_at = -DOUBLE_TAP_MS  # a third touch starts again
            self.act(target)
            return
        self._touched, self._touched_at = target, now
        if target.focusPolicy() != Qt.FocusPolicy.NoFocus:
            target.setFocus()
        self.say([describe(target)])

    def act(self, target: QWidget) -> None:
        """Do what a tap on ``target`` does (after the event being handled is over)."""
        if isinstance(target, QLineEdit):
            target.setFocus()
            self.say([self.tr("Écriture : {0}").format(describe(target))])
            return
        if isinstance(target, QAbstractButton):
            name = target.accessibleName()
            QTimer.singleShot(0, target.click)
            dock = _keyboard_of(target)
            if dock is not None:
                key = QCoreApplication.translate("Keyboard", "Touche {key}").split("{key}")[0]
                field = dock.current_field()
                if field is not None and field.echoMode() != QLineEdit.EchoMode.Normal:
                    self.say([self.tr("Tapé.")])  # a PIN: the key is not said aloud
                else:
                    from kiosk import speech

                    self.say([speech.key_speech(name.removeprefix(key), _tr)])
            elif self.pages is not None and self.pages.isAncestorOf(target):
                moves = self._moves
                QTimer.singleShot(0, lambda: self._after_tap(moves))  # once the click is handled

    def _after_tap(self, moves: int) -> None:
        """A tap on a page that did not move the visit: say what it changed."""
        if self.on and moves == self._moves:
            from kiosk import speech

            self.say(speech.after_tap(self.visit, _tr), interrupt=False)

    def _key(self, watched: QWidget, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        keys, mod = Qt.Key, Qt.KeyboardModifier
        ctrl = bool(mods & mod.ControlModifier)
        if key == keys.Key_F5 or (ctrl and key == keys.Key_R):
            self.repeat()
        elif key == keys.Key_Escape:
            self.interrupt()
        elif ctrl and key in (keys.Key_Up, keys.Key_Down):
            self.turn_volume(VOLUME_STEP if key == keys.Key_Up else -VOLUME_STEP)
        elif ctrl and key in (keys.Key_Left, keys.Key_Right):
            self.turn_rate(RATE_STEP if key == keys.Key_Right else -RATE_STEP)
        elif key in (keys.Key_Down, keys.Key_Up, keys.Key_Tab, keys.Key_Backtab) or (
                key in (keys.Key_Left, keys.Key_Right) and not isinstance(watched, QLineEdit)):
            forward = key in (keys.Key_Down, keys.Key_Right, keys.Key_Tab)
            self.move_focus(forward)
        elif key in (keys.Key_Return, keys.Key_Enter, keys.Key_Space) and isinstance(
                watched, QAbstractButton):
            self.act(watched)
        else:
            return False
        return True

    def move_focus(self, forward: bool) -> None:
        """The next (or previous) control, said; within a veil while one is open (what is
        behind it cannot be tapped either)."""
        veil = next((v for v in self.root.findChildren(Veil) if v.isVisible()), None)
        if veil is None:
            self.root.window().focusNextPrevChild(forward)
        else:
            buttons = [b for b in veil.findChildren(QAbstractButton) if b.isVisible()]
            focus = QApplication.focusWidget()
            at = buttons.index(focus) if focus in buttons else -1 if forward else 0
            if buttons:
                buttons[(at + (1 if forward else -1)) % len(buttons)].setFocus()
        focus = QApplication.focusWidget()
        if focus is not None:
            self.say([describe(focus)])


def _words_of(box: QWidget) -> list[str]:
    """A veil's or a panel's question, its words and its controls, in the order they were built
    (a screen's own question, such as the date written on a scan, has no page of the model)."""
    words = [label.text() for label in box.findChildren(QLabel) if label.text() and label.isVisibleTo(box)]
    return words + [control.accessibleName() for control in box.findChildren(QWidget)
                    if isinstance(control, QAbstractButton | QLineEdit) and control.isVisibleTo(box)]


def _is_panel_of_page(widget: QWidget, pages: QWidget | None) -> bool:
    """A panel (``role`` "panel") of a screen, shown as a question is asked on it."""
    return (widget.property("role") == "panel" and pages is not None and pages.isAncestorOf(widget)
            and widget.isVisible())


def _keyboard_of(widget: QWidget) -> KeyboardDock | None:
    """The on-screen keyboard ``widget`` is a key of (it types; its name is said as typed)."""
    current: QWidget | None = widget
    while current is not None and not isinstance(current, KeyboardDock):
        current = current.parentWidget()
    return current


def _control_at(widget: QWidget) -> QWidget | None:
    """What a finger on ``widget`` touches: the button or field it is part of, else a text."""
    current: QWidget | None = widget
    while current is not None:
        if isinstance(current, QAbstractButton | QLineEdit) and current.isEnabled():
            return current
        current = current.parentWidget()
    return widget if isinstance(widget, QLabel) and widget.text() else None


def describe(widget: QWidget) -> str:
    """What a touched control is called: its accessible name (a text: its words)."""
    if isinstance(widget, QLabel):
        return widget.accessibleName() or widget.text()
    name = widget.accessibleName() or (widget.text() if isinstance(widget, QAbstractButton) else "")
    if isinstance(widget, QLineEdit):
        typed = widget.text() if widget.echoMode() == QLineEdit.EchoMode.Normal else ""
        translate = QCoreApplication.translate
        return name + (translate("VoiceMode", ", contient : {0}").format(typed) if typed
                       else translate("VoiceMode", ", vide"))
    return name


def _now_ms() -> int:
    return time.monotonic_ns() // 1_000_000
