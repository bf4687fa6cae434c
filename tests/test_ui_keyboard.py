"""Touch input: the on-screen keyboard, the digit pad, the dock, and kinetic scrolling."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot
from ui_checks import assert_accessible, assert_contrast, save_screenshot

from ui.keyboard import DigitPad, KeyboardDock, TextKeyboard
from ui.theme import THEME_NAMES, ThemeName, apply_theme
from ui.touch import disable_kinetic_scrolling, enable_kinetic_scrolling


def click(button: QPushButton) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def type_on(keyboard: TextKeyboard, text: str) -> None:
    """Type `text` as a person would: Majuscules before each capital."""
    for char in text:
        if char == " ":
            click(keyboard.action_button("space"))
            continue
        if char != char.lower() and not keyboard.upper:
            click(keyboard.action_button("shift"))
        click(keyboard.key_button(char.lower()))


@pytest.fixture
def form(qtbot: QtBot, qapp: QApplication) -> Iterator[tuple[QWidget, QLineEdit, QLineEdit, KeyboardDock]]:
    apply_theme(qapp, "standard", False)
    window = QWidget()
    window.resize(1280, 900)
    layout = QVBoxLayout(window)
    name = QLineEdit()
    name.setObjectName("name")
    postcode = QLineEdit()
    postcode.setObjectName("postcode")
    next_button = QPushButton("Suivant")
    next_button.setObjectName("next")
    dock = KeyboardDock()
    for widget in (name, postcode, next_button, dock):
        layout.addWidget(widget)
    dock.attach(name, "text")
    dock.attach(postcode, "digits")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window, name, postcode, dock


def test_types_a_french_name_with_accents_capitals_apostrophe_and_hyphen(qtbot: QtBot) -> None:
    field = QLineEdit()
    keyboard = TextKeyboard()
    keyboard.set_target(field)
    qtbot.addWidget(field)
    qtbot.addWidget(keyboard)
    edits: list[str] = []
    field.textEdited.connect(edits.append)
    type_on(keyboard, "Élodie D'Arc-Müller")
    assert field.text() == "Élodie D'Arc-Müller"
    assert edits[-1] == "Élodie D'Arc-Müller"  # typed like a person: textEdited fires
    type_on(keyboard, " Œ ç à ù 2024 @.,/")
    assert field.text().endswith(" Œ ç à ù 2024 @.,/")


def test_shift_gives_one_capital_and_caps_lock_keeps_them(qtbot: QtBot) -> None:
    field = QLineEdit()
    keyboard = TextKeyboard()
    keyboard.set_target(field)
    qtbot.addWidget(keyboard)
    shift, caps = keyboard.action_button("shift"), keyboard.action_button("caps")
    click(shift)
    assert shift.isChecked()
    assert keyboard.key_button("é").text() == "É"
    assert keyboard.key_button("é").accessibleName() == "Touche É"
    for char in "éa":
        click(keyboard.key_button(char))
    assert field.text() == "Éa"
    assert not shift.isChecked()
    assert keyboard.key_button("a").text() == "a"
    click(caps)
    for char in "çœb1":
        click(keyboard.key_button(char))
    assert field.text() == "ÉaÇŒB1"
    click(caps)
    click(keyboard.key_button("b"))
    assert field.text() == "ÉaÇŒB1b"


def test_backspace_erases_before_the_cursor_and_repeats_when_held(qtbot: QtBot) -> None:
    field = QLineEdit("Dupondt")
    field.setCursorPosition(6)
    keyboard = TextKeyboard()
    keyboard.set_target(field)
    qtbot.addWidget(keyboard)
    backspace = keyboard.action_button("backspace")
    assert backspace.autoRepeat()
    click(backspace)
    assert field.text() == "Dupont"
    click(keyboard.key_button("-"))
    assert field.text() == "Dupon-t"


def test_keys_never_take_the_focus(form: tuple[QWidget, QLineEdit, QLineEdit, KeyboardDock]) -> None:
    window, name, _postcode, dock = form
    name.setFocus()
    QApplication.processEvents()
    keys = dock.text_keyboard.findChildren(QPushButton) + dock.digit_pad.findChildren(QPushButton)
    assert keys
    assert all(key.focusPolicy() == Qt.FocusPolicy.NoFocus for key in keys)
    type_on(dock.text_keyboard, "Léa")
    assert QApplication.focusWidget() is name
    assert name.text() == "Léa"
    assert name.cursorPosition() == 3


def test_without_explicit_target_it_types_into_the_focused_field(
    form: tuple[QWidget, QLineEdit, QLineEdit, KeyboardDock],
) -> None:
    _window, name, postcode, _dock = form
    pad = DigitPad()
    postcode.setFocus()
    QApplication.processEvents()
    click(pad.key_button("7"))
    assert postcode.text() == "7"
    assert name.text() == ""
    pad.deleteLater()


def test_digit_pad_types_erases_and_respects_the_field_rules(qtbot: QtBot) -> None:
    field = QLineEdit()
    field.setMaxLength(5)
    field.setValidator(QIntValidator(0, 99999, field))
    pad = DigitPad()
    pad.set_target(field)
    qtbot.addWidget(pad)
    for digit in "750112":
        click(pad.key_button(digit))
    assert field.text() == "75011"  # the sixth digit is refused, as from a real keyboard
    click(pad.action_button("backspace"))
    assert field.text() == "7501"
    with pytest.raises(KeyError):
        pad.key_button("a")


def test_french_accessible_names(qtbot: QtBot) -> None:
    keyboard = TextKeyboard()
    pad = DigitPad()
    qtbot.addWidget(keyboard)
    qtbot.addWidget(pad)
    assert keyboard.key_button("é").accessibleName() == "Touche é"
    assert keyboard.key_button("'").accessibleName() == "Touche apostrophe"
    assert keyboard.key_button("-").accessibleName() == "Touche trait d'union"
    assert keyboard.action_button("backspace").accessibleName() == "Effacer"
    assert keyboard.action_button("shift").accessibleName() == "Maj, majuscule"
    assert keyboard.action_button("caps").accessibleName() == "Verr. Maj, verrouiller les majuscules"
    assert keyboard.action_button("space").accessibleName() == "Espace"
    assert pad.key_button("0").accessibleName() == "Touche 0"
    assert pad.action_button("ok").accessibleName() == "OK, valider"
    assert "« é »" in keyboard.key_button("é").accessibleDescription()


def test_dock_opens_the_right_pad_and_closes_when_focus_leaves(
    form: tuple[QWidget, QLineEdit, QLineEdit, KeyboardDock],
) -> None:
    window, name, postcode, dock = form
    window.findChild(QPushButton, "next").setFocus()
    QApplication.processEvents()
    assert dock.isHidden()
    opened: list[QLineEdit] = []
    dock.opened.connect(opened.append)
    name.setFocus()
    QApplication.processEvents()
    assert dock.isVisible() and dock.text_keyboard.isVisible() and dock.digit_pad.isHidden()
    assert dock.current_field() is name
    postcode.setFocus()
    QApplication.processEvents()
    assert dock.digit_pad.isVisible() and dock.text_keyboard.isHidden()
    click(dock.digit_pad.key_button("4"))
    assert postcode.text() == "4" and name.text() == ""
    assert opened == [name, postcode]
    window.findChild(QPushButton, "next").setFocus()
    QApplication.processEvents()
    assert dock.isHidden() and dock.current_field() is None


def test_ok_acts_as_enter_and_closes(form: tuple[QWidget, QLineEdit, QLineEdit, KeyboardDock]) -> None:
    _window, _name, postcode, dock = form
    entered: list[bool] = []
    postcode.returnPressed.connect(lambda: entered.append(True))
    closed: list[bool] = []
    dock.closed.connect(lambda: closed.append(True))
    postcode.setFocus()
    QApplication.processEvents()
    click(dock.digit_pad.key_button("1"))
    click(dock.digit_pad.action_button("ok"))
    assert entered == [True] and closed == [True]
    assert dock.isHidden()
    assert postcode.text() == "1" and QApplication.focusWidget() is postcode
    QTest.mouseClick(postcode, Qt.MouseButton.LeftButton)  # touching it again reopens
    assert dock.isVisible() and dock.digit_pad.isVisible()


def test_detach_and_destroyed_fields_are_forgotten(
    form: tuple[QWidget, QLineEdit, QLineEdit, KeyboardDock],
) -> None:
    window, name, postcode, dock = form
    dock.detach(name)
    assert dock.mode_of(name) is None
    name.setFocus()
    QApplication.processEvents()
    assert dock.isHidden()
    postcode.setFocus()
    QApplication.processEvents()
    assert dock.current_field() is postcode
    postcode.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert dock.current_field() is None
    assert dock.isHidden()
    with pytest.raises(ValueError):
        dock.attach(QLineEdit(window), "emoji")  # type: ignore[arg-type]


@pytest.mark.parametrize("name", THEME_NAMES)
@pytest.mark.parametrize("large", [False, True], ids=["normal", "grand"])
def test_keyboard_is_accessible_legible_and_big_enough(
    form: tuple[QWidget, QLineEdit, QLineEdit, KeyboardDock],
    qapp: QApplication,
    name: ThemeName,
    large: bool,
) -> None:
    window, field, postcode, dock = form
    apply_theme(qapp, name, large)
    suffix = f"{name}{'-grand' if large else ''}"
    for target, pad, shot in (
        (field, dock.text_keyboard, "clavier"),
        (postcode, dock.digit_pad, "pave-numerique"),
    ):
        target.setFocus()
        QApplication.processEvents()
        assert pad.isVisible()
        assert_accessible(pad)
        assert_contrast(pad, 7.0)
        sizes = [(k.width(), k.height()) for k in pad.findChildren(QPushButton)]
        assert min(min(s) for s in sizes) >= 56, sizes
        save_screenshot(dock, f"{shot}-{suffix}")
    apply_theme(qapp, "standard", False)


def test_kinetic_scrolling_follows_a_drag_and_keeps_taps(qtbot: QtBot) -> None:
    area = QScrollArea()
    content = QWidget()
    column = QVBoxLayout(content)
    buttons = [QPushButton(f"Choix {i}") for i in range(40)]
    for button in buttons:
        button.setMinimumHeight(60)
        column.addWidget(button)
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.resize(400, 400)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    scroller = enable_kinetic_scrolling(area)
    viewport, bar = area.viewport(), area.verticalScrollBar()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(200, 350))
    for y in range(350, 50, -20):
        QTest.qWait(10)
        QTest.mouseMove(viewport, QPoint(200, y))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(200, 50))
    qtbot.waitUntil(lambda: bar.value() > 300, timeout=3000)  # moved further than the finger
    qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Inactive, timeout=5000)
    bar.setValue(0)
    with qtbot.waitSignal(buttons[0].clicked, timeout=2000):
        QTest.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    disable_kinetic_scrolling(area)
    before = bar.value()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(200, 350))
    for y in range(350, 50, -20):
        QTest.mouseMove(viewport, QPoint(200, y))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(200, 50))
    QTest.qWait(200)
    assert bar.value() == before


def test_dock_builds_its_keys_only_when_a_pad_first_opens(qtbot: QtBot, qapp: QApplication) -> None:
    """The dock sits in the window from the start; its ~70 keys cost start-up time, so they
    are built when a pad first opens, not when a field is attached (the list of procedures
    has one, and opens with the keyboard closed) nor when a short window asks for low keys."""
    apply_theme(qapp, "standard", False)
    dock = KeyboardDock()
    qtbot.addWidget(dock)
    assert dock.findChildren(QPushButton) == []
    dock.close_keyboard()  # closing before anything was built is harmless
    dock.set_compact(True)
    field = QLineEdit()
    qtbot.addWidget(field)
    dock.attach(field, "text")
    assert dock.findChildren(QPushButton) == []
    dock.show_for(field)
    assert len(dock.findChildren(QPushButton)) > 60
    assert dock.text_keyboard.property("compact") and dock.digit_pad.property("compact")
    assert dock.text_keyboard.isVisibleTo(dock) and dock.digit_pad.isHidden()
    lazy = KeyboardDock()
    qtbot.addWidget(lazy)
    assert lazy.digit_pad.key_button("7").text() == "7"  # asking for a pad builds it too


def test_low_keys_when_the_window_is_short_before_or_after_they_are_built(
        qtbot: QtBot, qapp: QApplication) -> None:
    apply_theme(qapp, "standard", False)
    heights = {}
    for compact_first in (True, False):
        dock = KeyboardDock()
        qtbot.addWidget(dock)
        field = QLineEdit()
        qtbot.addWidget(field)
        dock.attach(field, "text")
        if compact_first:
            dock.set_compact(True)
            dock.show_for(field)
        else:
            dock.show_for(field)
            dock.set_compact(True)
        dock.attach(field, "digits")
        dock.show_for(field)  # the digit pad too
        heights[compact_first] = (dock.text_keyboard.key_button("a").minimumSizeHint().height(),
                                  dock.digit_pad.key_button("1").minimumSizeHint().height())
    tall = KeyboardDock()
    qtbot.addWidget(tall)
    field = QLineEdit()
    qtbot.addWidget(field)
    tall.attach(field, "digits")
    tall.show_for(field)
    tall.attach(field, "text")
    tall.show_for(field)
    assert heights[True] == heights[False]
    low_text, low_digit = heights[True]
    assert low_text < tall.text_keyboard.key_button("a").minimumSizeHint().height()
    assert low_digit < tall.digit_pad.key_button("1").minimumSizeHint().height()


def test_focus_passing_through_a_field_while_held_opens_no_pad(qtbot: QtBot, qapp: QApplication) -> None:
    """A page change moves the focus through a field of the new page: no pad opens then (the
    window opens one afterwards for the field the page chose)."""
    apply_theme(qapp, "standard", False)
    window = QWidget()
    qtbot.addWidget(window)
    field = QLineEdit(window)
    dock = KeyboardDock(window)
    dock.attach(field, "text")
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    with dock.held():
        field.setFocus()
        qapp.processEvents()
    assert dock.current_field() is None and dock.findChildren(QPushButton) == []
    field.clearFocus()
    field.setFocus()
    qapp.processEvents()
    assert dock.current_field() is field
