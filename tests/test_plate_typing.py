"""A plate is typed with its letters and digits only: the kiosk writes the dashes and capitals."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.as_typed import plate_as_typed, position_after
from kiosk.procedures import Field
from kiosk.validators import check
from ui.fields import PlateFieldWidget, TextFieldWidget, make_field_widget
from ui.keyboard import KeyboardDock

PLATE = Field(id="plate", label="Numéro d'immatriculation", type="text", check="plate")


def test_each_key_shows_the_plate_written_out_so_far() -> None:
    shown = [plate_as_typed("ab123cd"[:n]) for n in range(1, 8)]
    assert shown == ["A", "AB", "AB-1", "AB-12", "AB-123", "AB-123-C", "AB-123-CD"]
    assert [plate_as_typed("1234ab75"[:n]) for n in (4, 5, 6, 7, 8)] == [
        "1234", "1234 A", "1234 AB", "1234 AB 7", "1234 AB 75"]
    assert plate_as_typed("123ab2a") == "123 AB 2A"
    assert plate_as_typed("AB-123-CD") == "AB-123-CD"  # a dash typed anyway is not doubled
    assert plate_as_typed("AB-") == "AB"  # the backspace after « AB-1 » leaves no dash alone
    for typed in ("ab1o3cd", "AB123CDE", "hello world", ""):  # not a plate: left as typed
        assert plate_as_typed(typed) == typed
    for typed in ("ab123cd", "1234ab75", "123ab2a"):  # what is shown is what the check keeps
        assert check("plate", plate_as_typed(typed)) == plate_as_typed(typed)
    assert position_after("AB-123-CD", 3) == 4 and position_after("AB-123-CD", 0) == 0


def test_the_on_screen_keyboard_types_a_plate_in_seven_keys(qtbot: QtBot) -> None:
    window = QWidget()
    layout = QVBoxLayout(window)
    widget = make_field_widget(PLATE)
    assert isinstance(widget, PlateFieldWidget)
    other = make_field_widget(Field(id="city", label="Commune", type="text", check="name"))
    assert type(other) is TextFieldWidget  # other text answers are typed as they are
    dock = KeyboardDock()
    layout.addWidget(widget)
    layout.addWidget(dock)
    dock.attach(widget.edit, widget.keyboard)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    widget.edit.setFocus()
    QApplication.processEvents()
    keyboard = dock.text_keyboard
    assert dock.current_field() is widget.edit and keyboard.isVisible()
    assert not keyboard.upper
    for char in "ab123cd":  # lower-case keys, no « Majuscules », no dash
        QTest.mouseClick(keyboard.key_button(char), Qt.MouseButton.LeftButton)
    assert widget.edit.text() == "AB-123-CD" and widget.value() == "AB-123-CD"
    assert widget.edit.cursorPosition() == len("AB-123-CD")
    back = keyboard.action_button("backspace")
    for _ in range(3):  # D, C, then the digit 3: the dash before C goes with C
        QTest.mouseClick(back, Qt.MouseButton.LeftButton)
    assert widget.edit.text() == "AB-12"
    widget.edit.setCursorPosition(2)  # a letter fixed in the middle: the cursor stays with it
    QTest.mouseClick(keyboard.key_button("x"), Qt.MouseButton.LeftButton)
    assert widget.edit.text() == "ABx-12"  # no longer the start of a plate: left as typed
    widget.edit.setText("")
    for char in "ab1":
        QTest.mouseClick(keyboard.key_button(char), Qt.MouseButton.LeftButton)
    widget.edit.setCursorPosition(2)
    QTest.mouseClick(keyboard.key_button("4"), Qt.MouseButton.LeftButton)
    assert widget.edit.text() == "AB-41" and widget.edit.cursorPosition() == 4
