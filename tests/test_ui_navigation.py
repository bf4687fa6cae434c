"""Keyboard-only use: every control is reached with Tab, in the order it is read."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from test_ui_flow import (  # noqa: F401 - fixtures
    answer,
    central,
    click,
    current_question,
    make_kiosk,
    pick_answer,
    start_procedure,
)

from kiosk.procedures import Catalogue
from ui.contrast import is_interactive


def tab_cycle(qtbot, window, start: QWidget, limit: int = 80) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Widgets the focus visits with Tab from ``start`` until it comes back."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    start.setFocus(Qt.FocusReason.TabFocusReason)
    assert QApplication.focusWidget() is start
    visited = [start]
    for _ in range(limit):
        qtbot.keyClick(visited[-1], Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None
        if focused is start:
            return visited
        visited.append(focused)
    raise AssertionError("Tab never came back to the start")


def test_welcome_is_usable_with_the_keyboard_alone(qtbot, make_kiosk) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    # At start no choice looks picked: the focus is on the title, which draws no ring.
    assert QApplication.focusWidget() is window.welcome.title
    # The language switch first (it sits above the choices), then the two ways in.
    for expected in (*window.welcome.language_buttons.values(), window.welcome.with_mediator_button):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is expected
    qtbot.keyClick(window.welcome.with_mediator_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.welcome.alone_button
    visited = tab_cycle(qtbot, window, window.welcome.with_mediator_button)
    reachable = {w for w in window.findChildren(QWidget) if w.isVisible() and is_interactive(w)}
    assert reachable <= set(visited)
    assert visited.index(window.welcome.with_mediator_button) < visited.index(
        window.welcome.alone_button)
    window.welcome.alone_button.setFocus()
    qtbot.keyClick(window.welcome.alone_button, Qt.Key.Key_Space)
    assert window.current_screen() is window.picker


def test_question_inputs_are_visited_in_reading_order(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """On each page of a step (text, oui/non, date boxes): the answer's inputs in order, then
    « Continuer »; every control on the page is reachable with Tab."""
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    # (a foreign licence: its first step asks a choice, text, a date and oui/non questions)
    start_procedure(qtbot, kiosk, catalogue.get("permis-echange-etranger"))
    session = window.session
    assert session is not None
    rng = random.Random(2)
    forced = {"origine": "hors_europe", "pays_permis": "Maroc"}
    kinds = set()
    while session.index == 0 and window.current_screen() is window.steps:
        widget = current_question(window.steps)
        kinds.add(widget.field.type)
        if not widget.text_inputs():  # big buttons: the question has the focus, Tab reaches them
            assert QApplication.focusWidget() is widget.label
            qtbot.keyClick(widget.label, Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is widget.inputs()[0]
        answer(qtbot, widget, pick_answer(widget.field, rng, forced))
        inputs = widget.inputs()
        visited = tab_cycle(qtbot, window, inputs[0])
        positions = [visited.index(part) for part in inputs]
        assert positions == sorted(positions)
        assert visited.index(window.steps.next_button) > positions[-1]
        reachable = {w for w in window.findChildren(QWidget) if w.isVisible() and is_interactive(w)
                     and not window.keyboard.isAncestorOf(w)}
        assert reachable <= set(visited)
        click(qtbot, window.steps.next_button)
    assert kinds == {"choice", "text", "yes_no", "date"}
