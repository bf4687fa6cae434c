"""One widget type per field type of a procedure definition.

Each widget shows the question, an example, a help button and an inline
error, and hands the raw text to the session: validation and normalisation
belong to the core (``kiosk.validators`` through ``ProcedureSession``), never
to the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.as_typed import plate_as_typed, position_after
from kiosk.procedures import Field
from ui.i18n import tr_core
from ui.keyboard import KeyboardMode
from ui.screens.common import (
    MIN_TARGET_PX,
    big_button,
    clear_layout,
    name,
    set_choice,
    show_selected,
    text_label,
)
from ui.theme import set_invalid

DIGITS_INPUT = QRegularExpression(r"[0-9 ]*")


def _line_edit(accessible_name: str, description: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # answers are in Latin script, even in Arabic
    edit.setMinimumHeight(MIN_TARGET_PX)
    name(edit, accessible_name, description)
    return edit



def optional_label(label: str) -> str:
    """« Complément d'adresse (facultatif) — bâtiment, étage… », not « … (bâtiment, étage…)
    (facultatif) »: one pair of parentheses."""
    optional = QCoreApplication.translate("FieldWidget", "%s (facultatif)")
    if label.endswith(")") and " (" in label:
        base, detail = label[:-1].rsplit(" (", 1)
        return (optional % base) + " — " + detail
    return optional % label

class FieldWidget(QWidget):
    """Question, help, example, input and error for one field.

    ``changed`` fires with the raw value when an answer is complete enough to
    change what is shown next (a choice tapped, a text field left); the
    screen then asks the session and re-renders.
    """

    changed = Signal(str)
    suggestion_picked = Signal(int)
    """A proposed answer was tapped (its index in :meth:`show_suggestions`)."""
    edited = Signal()
    """Any change to what is typed or chosen, even unfinished (a mediator's page offers
    « Continuer » as soon as every answer is acceptable)."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setProperty("role", "field")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(8)
        label_text = tr_core(field.label)
        if not field.required:
            label_text = optional_label(label_text)
        self.label_text = label_text
        """The question as shown, « (facultatif) » included: every input's accessible name holds it."""
        self.label = text_label(label_text, "subtitle")
        self.label.setAccessibleName(label_text)
        layout.addWidget(self.label)
        self.help_label: QLabel | None = None
        if field.help:  # one question per page: the help is always in sight, never behind a button
            self.help_label = text_label(tr_core(field.help), "help")
            layout.addWidget(self.help_label)
        if field.example:
            layout.addWidget(text_label(self.tr("Exemple : %s") % field.example, "help"))
        self.input_row = QHBoxLayout()
        self.input_row.setSpacing(12)
        layout.addSpacing(8)
        layout.addLayout(self.input_row)
        self.suggestion_box: QVBoxLayout | QHBoxLayout = QVBoxLayout()
        """Where proposed answers go: under the input, or where the screen puts them
        (:meth:`place_suggestions`)."""
        self.suggestion_box.setSpacing(8)
        layout.addLayout(self.suggestion_box)
        self._suggestions: list[QPushButton] = []
        self.error_label = text_label("", "error")
        self.error_label.setVisible(False)
        layout.addWidget(self.error_label)

    def description(self) -> str:
        """What a screen reader says about the input: help and example."""
        parts = [tr_core(self.field.help), self.tr("Exemple : %s") % self.field.example
                 if self.field.example else ""]
        return " ".join(p for p in parts if p) or self.label_text

    def value(self) -> str:
        """The raw answer as typed or chosen ('' when nothing)."""
        raise NotImplementedError

    def set_value(self, value: str) -> None:
        """Show a stored (normalised) answer."""
        raise NotImplementedError

    def clear(self) -> None:
        """Empty the input, hide any error and any proposed answer."""
        self.set_value("")
        self.show_error(None)
        if self._suggestions:
            self.show_suggestions([])

    def focus_input(self) -> None:
        """Put the keyboard focus on the first input."""
        inputs = self.inputs()
        if inputs:
            inputs[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def inputs(self) -> list[QWidget]:
        """Focusable inputs in tab order."""
        raise NotImplementedError

    def text_inputs(self) -> list[tuple[QLineEdit, KeyboardMode]]:
        """Line edits and the on-screen keyboard they need ("text" or "digits")."""
        return []

    def show_error(self, message: str | None) -> None:
        """Show the core's message under the input, or hide it."""
        message = tr_core(message) if message else message
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))
        for widget in self.inputs():
            if isinstance(widget, QLineEdit):
                set_invalid(widget, bool(message))
            described = self.description()
            widget.setAccessibleDescription(f"{message} {described}" if message else described)

    def show_suggestions(self, labels: list[str]) -> None:
        """Answers to tap under the input (addresses found, communes of a postal code);
        an empty list takes them away."""
        clear_layout(self.suggestion_box)
        self._suggestions = []
        for index, text in enumerate(labels):
            button = big_button(text, self.tr("Remplir avec cette réponse"))
            button.setAccessibleName(self.tr("%1 : proposition %2").replace(
                "%1", tr_core(self.field.label)).replace("%2", text))
            button.clicked.connect(lambda _checked=False, i=index: self.suggestion_picked.emit(i))
            self.suggestion_box.addWidget(button)
            self._suggestions.append(button)

    def place_suggestions(self, box: QVBoxLayout | QHBoxLayout) -> None:
        """Show proposed answers in ``box`` (a strip above the on-screen keyboard, which
        would hide them under the input)."""
        self.show_suggestions([])
        self.suggestion_box = box

    def suggestions(self) -> list[QPushButton]:
        """The proposed answers on show."""
        return list(self._suggestions)

    @property
    def error(self) -> str:
        return self.error_label.text() if self.error_label.isVisibleTo(self) else ""


class TextFieldWidget(FieldWidget):
    """A free text line (names, addresses, plates, codes)."""

    keyboard: KeyboardMode = "text"

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.edit = _line_edit(self.label_text, self.description())
        self.edit.setMaxLength(500)
        self.input_row.addWidget(self.edit, 1)
        self.edit.editingFinished.connect(self._left)
        self.edit.textChanged.connect(lambda _text: self.edited.emit())

    def _left(self) -> None:
        self.changed.emit(self.value())

    def value(self) -> str:
        return self.edit.text()

    def set_value(self, value: str) -> None:
        self.edit.setText(value)

    def inputs(self) -> list[QWidget]:
        return [self.edit]

    def text_inputs(self) -> list[tuple[QLineEdit, KeyboardMode]]:
        return [(self.edit, self.keyboard)]


class DigitsFieldWidget(TextFieldWidget):
    """Numbers only (NEPH, timbre fiscal, postal code): digit pad, no letters accepted."""

    keyboard: KeyboardMode = "digits"

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.edit.setValidator(QRegularExpressionValidator(DIGITS_INPUT, self.edit))
        self.edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)


class PlateFieldWidget(TextFieldWidget):
    """A plate (``check: plate``): typed ``ab123cd``, shown ``AB-123-CD`` as the keys go
    (``kiosk.as_typed``), so neither the dash key nor the capitals key is needed."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.edit.textEdited.connect(self._written_out)

    def _written_out(self, text: str) -> None:
        shown = plate_as_typed(text)
        if shown == text:
            return
        typed_before = sum(c.isalnum() for c in text[: self.edit.cursorPosition()])
        self.edit.setText(shown)
        self.edit.setCursorPosition(position_after(shown, typed_before))


class ChoiceFieldWidget(FieldWidget):
    """Each choice is a big button; tapping one chooses it (like a radio button)."""

    horizontal = False

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self._value = ""
        self.buttons: dict[str, QPushButton] = {}
        column = QHBoxLayout() if self.horizontal else QVBoxLayout()
        column.setSpacing(16)
        for choice in self._choices():
            button = big_button(choice[1], choice[2] or self.label_text)
            button.setAccessibleName(f"{self.label_text} : {choice[1]}")
            set_choice(button)
            self.buttons[choice[0]] = button
            column.addWidget(button)
            button.clicked.connect(lambda _checked=False, v=choice[0]: self._chosen(v))
        if self.horizontal:
            column.addStretch(1)
        self.input_row.addLayout(column, 1)

    def _choices(self) -> list[tuple[str, str, str]]:
        return [(c.value, tr_core(c.label), tr_core(c.help)) for c in self.field.choices]

    def _chosen(self, value: str) -> None:
        self.set_value(value)
        self.changed.emit(value)
        self.edited.emit()

    def value(self) -> str:
        return self._value

    def set_value(self, value: str) -> None:
        self._value = value if value in self.buttons else ""
        for choice, button in self.buttons.items():
            show_selected(button, choice == self._value)

    def inputs(self) -> list[QWidget]:
        return list(self.buttons.values())


class YesNoFieldWidget(ChoiceFieldWidget):
    """Two big buttons, Oui and Non, side by side."""

    horizontal = True

    def _choices(self) -> list[tuple[str, str, str]]:
        return [("oui", self.tr("Oui"), ""), ("non", self.tr("Non"), "")]


class DateFieldWidget(FieldWidget):
    """Three boxes, day, month and year, each with its own label.

    Separate boxes avoid the date pickers and masks that confuse people not
    at ease with screens: they type what is printed on their papers, in the
    French order, and the cursor moves on by itself when a box is full.
    """

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        boxes = QWidget()
        boxes.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # day/month/year, in Arabic too
        self._boxes = QHBoxLayout(boxes)
        self._boxes.setContentsMargins(0, 0, 0, 0)
        self._boxes.setSpacing(12)
        self.input_row.addWidget(boxes)
        self.day = self._part(self.tr("Jour"), 2, self.tr("Le jour, en chiffres, par exemple 05"))
        self.month = self._part(self.tr("Mois"), 2, self.tr("Le mois, en chiffres, par exemple 03"))
        self.year = self._part(self.tr("Année"), 4, self.tr("L'année, 4 chiffres, par exemple 1950"))
        self.input_row.addStretch(1)
        self.day.textEdited.connect(lambda text: self._advance(text, 2, self.month))
        self.month.textEdited.connect(lambda text: self._advance(text, 2, self.year))
        for part in (self.day, self.month, self.year):
            part.editingFinished.connect(self._maybe_left)
            part.textChanged.connect(lambda _text: self.edited.emit())

    def _part(self, title: str, length: int, description: str) -> QLineEdit:
        column = QVBoxLayout()
        column.setSpacing(2)
        caption = text_label(title, "help")
        edit = _line_edit(f"{self.label_text} : {title}", description)
        edit.setMaxLength(length)
        edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]*"), edit))
        edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        edit.setFixedWidth(70 + 26 * length)
        caption.setBuddy(edit)
        column.addWidget(caption)
        column.addWidget(edit)
        self._boxes.addLayout(column)
        return edit

    def _advance(self, text: str, length: int, following: QLineEdit) -> None:
        if len(text) == length:
            following.setFocus(Qt.FocusReason.TabFocusReason)

    def _maybe_left(self) -> None:
        # Wait for the focus to settle: moving between the three boxes is not leaving.
        QTimer.singleShot(0, self._check_left)

    def _check_left(self) -> None:
        focus = QApplication.focusWidget()
        if focus not in (self.day, self.month, self.year):
            self.changed.emit(self.value())

    def value(self) -> str:
        parts = (self.day.text().strip(), self.month.text().strip(), self.year.text().strip())
        if not any(parts):
            return ""
        return "/".join(parts)

    def set_value(self, value: str) -> None:
        year, _, rest = value.partition("-")
        month, _, day = rest.partition("-")
        if not (year.isdigit() and month.isdigit() and day.isdigit()):
            year = month = day = ""
        self.day.setText(day)
        self.month.setText(month)
        self.year.setText(year)

    def inputs(self) -> list[QWidget]:
        return [self.day, self.month, self.year]

    def text_inputs(self) -> list[tuple[QLineEdit, KeyboardMode]]:
        return [(self.day, "digits"), (self.month, "digits"), (self.year, "digits")]


WIDGETS: dict[str, type[FieldWidget]] = {
    "text": TextFieldWidget,
    "digits": DigitsFieldWidget,
    "choice": ChoiceFieldWidget,
    "yes_no": YesNoFieldWidget,
    "date": DateFieldWidget,
}


def make_field_widget(field: Field, parent: QWidget | None = None) -> FieldWidget:
    """The widget for ``field.type``; an unknown type is a definition bug the loader refuses."""
    if field.type == "text" and field.check == "plate":
        return PlateFieldWidget(field, parent)
    return WIDGETS[field.type](field, parent)
