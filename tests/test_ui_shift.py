"""The mediator signed in for the shift, through the real window: one PIN, then one tap a visit.

Demo accounts (m-0001 / 1234). The shift's clock is moved by hand, never slept on.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLineEdit
from test_geometry import chrome_problems, layout_problems, settle
from test_shift import Time
from test_ui_flow import (
    WAIT_MS,
    Kiosk,
    central,  # noqa: F401 - fixture (make_kiosk's service)
    click,
    make_kiosk,  # noqa: F401 - fixture
    type_into,
)
from ui_checks import assert_accessible, save_screenshot

from kiosk.audit import Journal
from kiosk.mediators import create_demo_accounts
from ui.fields import FieldWidget
from ui.main_window import MainWindow

CODE = "cg-changement-adresse"


def sign_in(qtbot, kiosk: Kiosk) -> Time:  # type: ignore[no-untyped-def]
    """« Avec un médiateur », Camille, her PIN: the first visit of the shift."""
    window = kiosk.window
    time = Time()
    window.visit.shift.clock, window.visit.shift.today = time.clock, time.today
    click(qtbot, window.welcome.with_mediator_button)
    click(qtbot, window.login.name_buttons["m-0001"])
    type_into(qtbot, window.login.pin, "1234")
    click(qtbot, window.login.login_button)
    qtbot.waitUntil(lambda: window.current_screen() is window.picker, timeout=WAIT_MS)
    return time


def to_the_questions(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    picker = window.picker
    click(qtbot, picker.theme_buttons[picker.theme_of(CODE)])
    click(qtbot, picker.procedure_tiles[CODE])
    click(qtbot, window.for_whom.choice_buttons["self"])
    if window.current_screen() is window.requirements:
        click(qtbot, window.requirements.start_button)
    if window.current_screen() is window.chooser:  # the proof of address first (test_ui_prefill)
        click(qtbot, window.chooser.cancel_button)  # « Passer »
    assert window.current_screen() is window.steps


def plate_edit(window: MainWindow) -> QLineEdit:
    widget = next(w for w in window.steps.findChildren(FieldWidget) if w.field.id == "plate")
    edit = widget.inputs()[0]
    assert isinstance(edit, QLineEdit)
    return edit


def offers_start_with(window: MainWindow, name: str | None) -> bool:
    QApplication.processEvents()
    welcome = window.welcome
    if name is None:
        return (welcome.with_mediator_button.isVisible() and not welcome.signed_in_button.isVisible()
                and not welcome.end_shift_button.isVisible())
    return (welcome.signed_in_button.isVisible() and welcome.end_shift_button.isVisible()
            and not welcome.with_mediator_button.isVisible()
            and welcome.signed_in_button.text() == f"Commencer avec {name}")


def test_one_pin_for_two_visits_then_the_sign_in_lapses(qtbot, make_kiosk) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    create_demo_accounts(kiosk.services.mediators)
    assert offers_start_with(window, None)
    time = sign_in(qtbot, kiosk)
    window.go_home()
    assert window.current_screen() is window.welcome
    assert offers_start_with(window, "Camille (démo)")
    assert_accessible(window.welcome)
    window.set_look(False, True)  # larger text, on the smallest and the portrait screens
    for size in ((1280, 800), (1080, 1920)):
        window.resize(*size)
        settle()
        assert layout_problems(window) + chrome_problems(window, size) == [], size
        save_screenshot(window, f"welcome_signed_in-{size[0]}x{size[1]}-large")
    window.set_look(False, False)
    window.resize(1280, 1024)
    for _ in range(2):  # two more citizens, one tap each, no PIN screen
        time.minutes(15)
        click(qtbot, window.welcome.signed_in_button)
        assert window.current_screen() is window.picker
        assert window.mediator is not None and window.mediator.id == "m-0001"
        to_the_questions(qtbot, kiosk)
        assert window.steps.compact and window.session is not None
        assert window.session.mediator_id == "m-0001"
        window.go_home()
    time.minutes(21)
    window._show_shift()  # the minute timer's check
    assert offers_start_with(window, None)
    click(qtbot, window.welcome.with_mediator_button)
    assert window.current_screen() is window.login  # the PIN again
    journal = Journal.in_data_dir(kiosk.services.config.data_dir)
    entries = [(e.kind, dict(e.fields)) for e in journal.entries()]
    assert [k for k, _ in entries].count("login") == 1
    assert ("logout", {"mediator": "m-0001", "reason": "lapsed"}) in entries
    assert [f.get("mode") for k, f in entries if k == "visit_start"] == ["assisted"] * 3


def test_the_idle_wipe_keeps_the_mediator_and_wipes_the_citizen(qtbot, make_kiosk) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    create_demo_accounts(kiosk.services.mediators)
    sign_in(qtbot, kiosk)
    to_the_questions(qtbot, kiosk)
    plate = plate_edit(window)
    type_into(qtbot, plate, "AB123CD")
    assert plate.text() == "AB-123-CD"
    window._idle_expired()  # the countdown ran out
    assert window.current_screen() is window.welcome
    assert window.session is None and window.mediator is None and plate.text() == ""
    assert offers_start_with(window, "Camille (démo)")
    click(qtbot, window.welcome.signed_in_button)
    to_the_questions(qtbot, kiosk)
    assert plate_edit(window).text() == ""


def test_end_of_shift_and_a_restart_ask_the_pin(qtbot, make_kiosk) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    create_demo_accounts(kiosk.services.mediators)
    sign_in(qtbot, kiosk)
    window.go_home()
    click(qtbot, window.welcome.end_shift_button)
    assert offers_start_with(window, None)
    sign_in(qtbot, kiosk)
    window.close()  # the kiosk quits
    restarted = MainWindow(kiosk.services.config, kiosk.services)  # same data, a new process
    qtbot.addWidget(restarted)
    restarted.show()
    assert offers_start_with(restarted, None)
    reasons = [e.fields["reason"] for e in Journal.in_data_dir(kiosk.services.config.data_dir).entries()
               if e.kind == "logout"]
    assert reasons == ["signed_out", "quit"]
    restarted.close()
