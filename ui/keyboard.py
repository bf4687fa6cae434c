"""On-screen AZERTY keyboard and digit pad for the touch screen.

Keys never take the focus (`Qt.NoFocus`) and type by sending key events to the target field,
so the field keeps its cursor, its validator and its `textEdited` signal work as with a real
keyboard. `KeyboardDock` shows the right pad when an attached field gets the focus:

    dock = KeyboardDock()                 # put it at the bottom of the window's layout
    dock.attach(name_edit)                # letters, accents, capitals
    dock.attach(postcode_edit, "digits")  # big 0-9 pad

"OK" acts like the Enter key on the field (so `returnPressed` and `editingFinished` fire)
and closes the pad.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Literal

from PySide6 import QtCore
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.theme import restyle

KeyboardMode = Literal["text", "digits"]

CONTEXT = "Keyboard"

TEXT_ROWS: tuple[str, ...] = (
    "1234567890",
    "azertyuiop",
    "qsdfghjklm",
    "wxcvbn'-",
    "éèêëàâçùûüôîïœ",
)
"""Character keys of the text keyboard, row by row (action keys are added around them)."""

DIGIT_ROWS: tuple[str, ...] = ("123", "456", "789")

SMALL_GLYPHS = "'-.,"
"""Punctuation drawn in a larger font: at letter size these marks are hard to see."""

_SPOKEN: dict[str, str] = {
    "'": str(QT_TRANSLATE_NOOP("Keyboard", "apostrophe")),
    "-": str(QT_TRANSLATE_NOOP("Keyboard", "trait d'union")),
    "@": str(QT_TRANSLATE_NOOP("Keyboard", "arobase")),
    ".": str(QT_TRANSLATE_NOOP("Keyboard", "point")),
    ",": str(QT_TRANSLATE_NOOP("Keyboard", "virgule")),
    "/": str(QT_TRANSLATE_NOOP("Keyboard", "barre oblique")),
}
"""Punctuation spoken by name, for screen readers."""


def _tr(text: str) -> str:
    """Translate a text held in a variable (literals call QCoreApplication.translate
    directly, so lupdate sees them)."""
    return QCoreApplication.translate(CONTEXT, text)


def _key_name(char: str) -> str:
    """Accessible name of a character key: « Touche É », « Touche apostrophe »."""
    spoken = _tr(_SPOKEN[char]) if char in _SPOKEN else char
    return QCoreApplication.translate("Keyboard", "Touche {key}").format(key=spoken)


def _key_description(char: str) -> str:
    spoken = _tr(_SPOKEN[char]) if char in _SPOKEN else char
    return QCoreApplication.translate("Keyboard", "Écrit « {key} » dans le champ.").format(key=spoken)


def _make_key(role: str, on_click: Callable[[], None]) -> QPushButton:
    """A key button: never focused, so the field keeps the focus and its cursor."""
    button = QPushButton()
    button.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
    button.setProperty("role", role)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    button.clicked.connect(on_click)
    return button


class _Pad(QWidget):
    """What both pads share: a target field and the way to type into it."""

    okClicked = Signal()
    """OK was pressed (after Enter was sent to the field)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._target: QLineEdit | None = None
        self.setProperty("role", "keyboard")
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # Keys stay where they are on every keyboard and cash machine, in Arabic too
        self.setLayoutDirection(QtCore.Qt.LayoutDirection.LeftToRight)
        self._char_keys: dict[str, QPushButton] = {}
        self._action_keys: dict[str, QPushButton] = {}

    def set_target(self, line_edit: QLineEdit | None) -> None:
        """Type into `line_edit`; with None, type into whichever QLineEdit has the focus."""
        self._target = line_edit

    def target(self) -> QLineEdit | None:
        """The field keys type into now (the explicit target, else the focused QLineEdit)."""
        if self._target is not None:
            return self._target
        focused = QApplication.focusWidget()
        return focused if isinstance(focused, QLineEdit) else None

    def key_button(self, char: str) -> QPushButton:
        """The button that types `char` (lower case for letters); KeyError when none does."""
        return self._char_keys[char]

    def action_button(self, name: str) -> QPushButton:
        """An action key by name: "backspace", "ok", and for text "shift", "caps", "space"."""
        return self._action_keys[name]

    def _send(self, key: QtCore.Qt.Key, text: str = "") -> None:
        field = self.target()
        if field is None:
            return
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(field, QKeyEvent(kind, key, QtCore.Qt.KeyboardModifier.NoModifier, text))

    def _type(self, text: str) -> None:
        self._send(QtCore.Qt.Key.Key_unknown, text)

    def _backspace(self) -> None:
        self._send(QtCore.Qt.Key.Key_Backspace)

    def _ok(self) -> None:
        self._send(QtCore.Qt.Key.Key_Return, "\r")
        self.okClicked.emit()

    def _add_backspace(self) -> QPushButton:
        button = _make_key("key-action", self._backspace)
        button.setAutoRepeat(True)
        self._action_keys["backspace"] = button
        return button

    def _add_ok(self) -> QPushButton:
        button = _make_key("key-ok", self._ok)
        self._action_keys["ok"] = button
        return button

    def _relabel(self) -> None:
        """Set the texts of the keys both pads have (subclasses add their own)."""
        back = self._action_keys["backspace"]
        back.setText(QCoreApplication.translate("Keyboard", "⌫ Effacer"))
        back.setAccessibleName(QCoreApplication.translate("Keyboard", "Effacer"))
        back.setAccessibleDescription(
            QCoreApplication.translate("Keyboard", "Efface le caractère avant le curseur.")
        )
        ok = self._action_keys["ok"]
        ok.setText(QCoreApplication.translate("Keyboard", "OK"))
        ok.setAccessibleName(QCoreApplication.translate("Keyboard", "OK, valider"))
        ok.setAccessibleDescription(
            QCoreApplication.translate("Keyboard", "Valide le champ et ferme le clavier.")
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Relabel keys when the application language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self._relabel()
        super().changeEvent(event)


class TextKeyboard(_Pad):
    """AZERTY letters, digits, French accents, apostrophe, hyphen, capitals, space.

    "Majuscules" gives one capital then returns to lower case; "Verr. Maj" keeps capitals
    until pressed again. Accented letters have capitals too (é → É, ç → Ç, œ → Œ).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("textKeyboard")
        self._shift = False
        self._caps = False
        rows = QVBoxLayout(self)
        rows.setContentsMargins(12, 12, 12, 12)
        rows.setSpacing(6)
        row_keys = [[self._char_key(ch) for ch in chars] for chars in TEXT_ROWS]
        shift = _make_key("key-action", self._toggle_shift)
        shift.setCheckable(True)
        caps = _make_key("key-action", self._toggle_caps)
        caps.setCheckable(True)
        space = _make_key("key-action", lambda: self._type(" "))
        space.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._action_keys.update(shift=shift, caps=caps, space=space)
        row_keys[3] = [shift, *row_keys[3], self._add_backspace()]
        extras = [self._char_key(ch) for ch in "@.,/"]
        bottom = [caps, extras[0], extras[1], space, extras[2], extras[3], self._add_ok()]
        for keys in [*row_keys, bottom]:
            line = QHBoxLayout()
            line.setSpacing(6)
            for key in keys:
                line.addWidget(key, 3 if key is space else 1)
            rows.addLayout(line)
        self._relabel()

    @property
    def upper(self) -> bool:
        """Whether letter keys type capitals now."""
        return self._shift or self._caps

    def _char_key(self, char: str) -> QPushButton:
        button = _make_key("key", lambda: self._press_char(char))
        if char in SMALL_GLYPHS:
            button.setProperty("glyph", "punctuation")
        self._char_keys[char] = button
        return button

    def _press_char(self, char: str) -> None:
        self._type(char.upper() if self.upper else char)
        if self._shift:
            self._shift = False
            self._relabel()

    def _toggle_shift(self) -> None:
        self._shift = not self._shift
        self._relabel()

    def _toggle_caps(self) -> None:
        self._caps = not self._caps
        self._shift = False
        self._relabel()

    def _relabel(self) -> None:
        for char, button in self._char_keys.items():
            shown = char.upper() if self.upper else char
            button.setText(shown)
            button.setAccessibleName(_key_name(shown))
            button.setAccessibleDescription(_key_description(shown))
        shift, caps, space = (self._action_keys[k] for k in ("shift", "caps", "space"))
        shift.setChecked(self._shift)
        caps.setChecked(self._caps)
        shift.setText(QCoreApplication.translate("Keyboard", "⇧ Maj"))
        shift.setAccessibleName(QCoreApplication.translate("Keyboard", "Maj, majuscule"))
        shift.setAccessibleDescription(
            QCoreApplication.translate("Keyboard", "La prochaine lettre sera une majuscule.")
        )
        caps.setText(QCoreApplication.translate("Keyboard", "Verr. Maj"))
        caps.setAccessibleName(
            QCoreApplication.translate("Keyboard", "Verr. Maj, verrouiller les majuscules"))
        caps.setAccessibleDescription(
            QCoreApplication.translate(
                "Keyboard", "Toutes les lettres seront des majuscules, jusqu'au prochain appui."
            )
        )
        space.setText(QCoreApplication.translate("Keyboard", "Espace"))
        space.setAccessibleName(QCoreApplication.translate("Keyboard", "Espace"))
        space.setAccessibleDescription(
            QCoreApplication.translate("Keyboard", "Écrit une espace entre deux mots.")
        )
        super()._relabel()


class DigitPad(_Pad):
    """Large 0-9 keys laid out like a cash machine, with "Effacer" and "OK" on the right,
    for numbers (postcode, NEPH, phone...)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("digitPad")
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 12, 12, 12)
        grid.setSpacing(8)
        for row, digits in enumerate(DIGIT_ROWS):
            for column, digit in enumerate(digits):
                grid.addWidget(self._digit_key(digit), row, column)
        grid.addWidget(self._digit_key("0"), len(DIGIT_ROWS), 1)
        for key, row in ((self._add_backspace(), 0), (self._add_ok(), 2)):
            key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            grid.addWidget(key, row, 3, 2, 1)
        self._relabel()

    def _digit_key(self, digit: str) -> QPushButton:
        button = _make_key("key", lambda: self._type(digit))
        self._char_keys[digit] = button
        return button

    def _relabel(self) -> None:
        for digit, button in self._char_keys.items():
            button.setText(digit)
            button.setAccessibleName(_key_name(digit))
            button.setAccessibleDescription(_key_description(digit))
        super()._relabel()


class KeyboardDock(QWidget):
    """Shows the text keyboard or the digit pad under the window while a field is edited.

    Add it at the bottom of the window's layout; it starts hidden. `attach` a field with its
    mode: when the field gets the focus (or is touched) the right pad opens and types into
    it; when the focus moves to something that is not an attached field, the pad closes.
    """

    opening = Signal(QLineEdit)
    """A pad is about to open for this field (the window makes room before it shows)."""
    opened = Signal(QLineEdit)
    """A pad opened for this field (e.g. to scroll it into view above the keyboard)."""
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyboardDock")
        self.setProperty("role", "keyboard")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._pads: tuple[TextKeyboard, DigitPad] | None = None
        self._modes: dict[QLineEdit, KeyboardMode] = {}
        self._current: QLineEdit | None = None
        self._held = False
        self.hide()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    @property
    def text_keyboard(self) -> TextKeyboard:
        """The AZERTY pad (built on first use)."""
        return self._built()[0]

    @property
    def digit_pad(self) -> DigitPad:
        """The 0-9 pad (built on first use)."""
        return self._built()[1]

    def _built(self) -> tuple[TextKeyboard, DigitPad]:
        """Build both pads the first time one opens or is asked for.

        About 70 styled keys: building and polishing them at start-up would delay the welcome
        screen and the first tap (the list of procedures has a field, but opens with the
        keyboard closed).
        """
        if self._pads is None:
            self.setAttribute(QtCore.Qt.WidgetAttribute.WA_StyledBackground, True)
            text, digits = TextKeyboard(self), DigitPad(self)
            for pad in (text, digits):  # keys are polished when first shown: the right height
                pad.setProperty("compact", bool(self.property("compact")))
            self._layout.addStretch(1)
            self._layout.addWidget(text)
            self._layout.addWidget(digits)
            self._layout.addStretch(1)
            for pad in (text, digits):
                pad.okClicked.connect(self.close_keyboard)
                pad.hide()
            self._pads = (text, digits)
        return self._pads

    def attach(self, line_edit: QLineEdit, mode: KeyboardMode = "text") -> None:
        """Open the `mode` pad ("text" or "digits") whenever `line_edit` is focused or touched."""
        if mode not in ("text", "digits"):
            raise ValueError(f"unknown keyboard mode {mode!r}")
        if line_edit not in self._modes:
            line_edit.installEventFilter(self)
            line_edit.destroyed.connect(lambda: self._forget(line_edit))
        self._modes[line_edit] = mode

    def detach(self, line_edit: QLineEdit) -> None:
        """Stop opening a pad for `line_edit` (closes it if it was open for that field)."""
        if self._modes.pop(line_edit, None) is not None:
            line_edit.removeEventFilter(self)
        if self._current is line_edit:
            self.close_keyboard()

    def mode_of(self, line_edit: QLineEdit) -> KeyboardMode | None:
        """The mode `line_edit` was attached with, or None."""
        return self._modes.get(line_edit)

    def current_field(self) -> QLineEdit | None:
        """The field the open pad types into, or None when closed."""
        return self._current

    def show_for(self, line_edit: QLineEdit) -> None:
        """Open the pad `line_edit` was attached with, typing into it."""
        mode = self._modes.get(line_edit, "text")
        shown, hidden = (
            (self.digit_pad, self.text_keyboard) if mode == "digits" else (self.text_keyboard, self.digit_pad)
        )
        self.opening.emit(line_edit)
        hidden.hide()
        hidden.set_target(None)
        shown.set_target(line_edit)
        shown.show()
        self._current = line_edit
        self.show()
        self.opened.emit(line_edit)

    def set_compact(self, compact: bool) -> None:
        """Lower keys for a short window (the style sheet's ``[compact="true"]``)."""
        if bool(self.property("compact")) == compact:
            return
        self.setProperty("compact", compact)
        for pad in self._pads or ():  # pads built later take it then
            pad.setProperty("compact", compact)
            for key in pad.findChildren(QPushButton):
                restyle(key)

    def close_keyboard(self) -> None:
        """Hide the pads; the field keeps its text and focus."""
        for pad in self._pads or ():
            pad.set_target(None)
            pad.hide()
        was_open = self._current is not None
        self._current = None
        self.hide()
        if was_open:
            self.closed.emit()

    @contextmanager
    def held(self) -> Iterator[None]:
        """Focus moving while a page changes does not open a pad: the window then opens it
        for the field the new page chose, if any (it otherwise opened and closed at once, a
        good part of the first tap's time)."""
        held, self._held = self._held, True
        try:
            yield
        finally:
            self._held = held

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Open on focus-in and on a touch of an already focused field."""
        if isinstance(watched, QLineEdit) and watched in self._modes and not self._held:
            kind = event.type()
            if kind == QEvent.Type.FocusIn or (
                kind == QEvent.Type.MouseButtonPress and self._current is not watched
            ):
                self.show_for(watched)
        return super().eventFilter(watched, event)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._current is None or new is None or new in self._modes:
            return
        if not self.isAncestorOf(new):
            self.close_keyboard()

    def _forget(self, line_edit: QLineEdit) -> None:
        self._modes.pop(line_edit, None)
        if self._current is line_edit:
            self.close_keyboard()
