"""A mediator assists or hands over: taking over a request mid-way, leaving it, a wrong PIN.

Through the real screens with the demo accounts (m-0001 / 1234): what the header offers,
which mediator-only actions show, and the ``mediator_id`` of the request saved on disk.
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_ui_flow import (
    WAIT_MS,
    Kiosk,
    answer_question,
    attach_documents,
    central,  # noqa: F401 - fixture (make_kiosk's service)
    click,
    confirm,
    finish,
    make_kiosk,  # noqa: F401 - fixture
    start_procedure,
    type_into,
    walk_steps,
)
from ui_checks import assert_accessible, assert_contrast, save_screenshot

from kiosk.mediators import create_demo_accounts
from kiosk.procedures import Catalogue

CODE = "cg-changement-adresse"


def log_in(qtbot, kiosk: Kiosk, pin: str) -> None:  # type: ignore[no-untyped-def]
    """On the PIN screen: touch « Camille (démo) », type ``pin``, « Valider »."""
    login = kiosk.window.login
    assert kiosk.window.current_screen() is login
    click(qtbot, login.name_buttons["m-0001"])
    type_into(qtbot, login.pin, pin)
    click(qtbot, login.login_button)


def take_over(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    back_to = window.current_screen()
    click(qtbot, window.take_over_button)
    log_in(qtbot, kiosk, "1234")
    qtbot.waitUntil(lambda: window.current_screen() is back_to, timeout=WAIT_MS)


def answer_some(qtbot, kiosk: Kiosk, rng: random.Random, count: int) -> None:  # type: ignore[no-untyped-def]
    """Answer the first ``count`` questions, as ``walk_steps`` would."""
    for _ in range(count):
        answer_question(qtbot, kiosk, rng, {})
    assert kiosk.window.current_screen() is kiosk.window.steps


def texts_fit(window) -> None:  # type: ignore[no-untyped-def]
    """No header button is narrower than its text (the kiosk's 1280 px window)."""
    for button in (window.call_button, window.take_over_button, window.hand_over_button,
                   window.large_button, window.contrast_button):
        if button.isVisible():
            assert button.width() >= button.sizeHint().width(), button.text()


def header_shows_mediator(kiosk: Kiosk, present: bool) -> None:
    window = kiosk.window
    QApplication.processEvents()
    assert window.take_over_button.isVisible() is not present
    assert window.hand_over_button.isVisible() is present
    assert window.assist_label.isVisible() is present
    assert window.call_button.isVisible()


def test_mediator_takes_over_mid_request_and_is_recorded(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    create_demo_accounts(kiosk.services.mediators)
    rng = random.Random(5)
    start_procedure(qtbot, kiosk, catalogue.get(CODE))
    answer_some(qtbot, kiosk, rng, 2)
    session = window.session
    assert session is not None and session.mediator_id is None
    answers = dict(session.answers)
    question = window.steps.current_widget()
    header_shows_mediator(kiosk, False)
    click(qtbot, window.call_button)
    take_over(qtbot, kiosk)
    assert window.mediator is not None and window.mediator.id == "m-0001"
    assert window.session is session and dict(session.answers) == answers
    assert window.steps.current_widget() is question  # the same page, the same question
    assert session.mediator_id == "m-0001"
    assert not window.mediator_called  # the call is answered
    header_shows_mediator(kiosk, True)
    assert window.assist_label.text() == "Avec Camille (démo)"
    walk_steps(qtbot, kiosk, rng, {})
    kind = session.required_documents()[0].kind
    click(qtbot, window.documents.add_buttons[kind])
    assert window.chooser.other_button.isVisible()  # mediator-only, now there
    click(qtbot, window.chooser.cancel_button)
    attach_documents(qtbot, kiosk, catalogue.get(CODE), rng)
    confirm(qtbot, kiosk)
    assert window.saved_item is not None
    body = kiosk.services.outbox.body(window.saved_item.id)
    assert body["mediator_id"] == "m-0001"
    finish(qtbot, kiosk)
    assert window.mediator is None  # back home: logged out
    assert not window.take_over_button.isVisible() and not window.hand_over_button.isVisible()


def test_hand_over_keeps_everything_and_the_mediator_id(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    create_demo_accounts(kiosk.services.mediators)
    procedure = catalogue.get(CODE)
    rng = random.Random(8)
    click(qtbot, window.welcome.with_mediator_button)
    log_in(qtbot, kiosk, "1234")
    qtbot.waitUntil(lambda: window.current_screen() is window.picker, timeout=WAIT_MS)
    header_shows_mediator(kiosk, True)
    click(qtbot, window.picker.theme_buttons[window.picker.theme_of(procedure.code)])
    click(qtbot, window.picker.procedure_tiles[procedure.code])
    click(qtbot, window.for_whom.choice_buttons["self"])
    click(qtbot, window.requirements.start_button)
    click(qtbot, window.chooser.cancel_button)  # « Passer »: the proof of address later
    walk_steps(qtbot, kiosk, rng, {})
    session = window.session
    assert session is not None and session.mediator_id == "m-0001"
    answers = dict(session.answers)
    kind = session.required_documents()[0].kind
    click(qtbot, window.documents.add_buttons[kind])
    assert window.chooser.other_button.isVisible()
    click(qtbot, window.hand_over_button)
    QApplication.processEvents()
    assert window.mediator is None
    assert window.current_screen() is window.chooser  # nothing on screen is lost
    assert not window.chooser.other_button.isVisible()  # mediator-only action gone
    assert window.chooser.kind == kind and window.chooser.session is session
    assert dict(session.answers) == answers
    header_shows_mediator(kiosk, False)
    assert window.take_over_button.hasFocus()  # the keyboard user keeps their place
    click(qtbot, window.chooser.cancel_button)
    click(qtbot, window.documents.add_buttons[kind])
    assert not window.chooser.other_button.isVisible()  # still gone on the next visit
    click(qtbot, window.chooser.cancel_button)
    attach_documents(qtbot, kiosk, procedure, rng)
    confirm(qtbot, kiosk)
    assert window.saved_item is not None
    body = kiosk.services.outbox.body(window.saved_item.id)
    assert body["mediator_id"] == "m-0001"  # the mediator did assist this request
    assert body["answers"] == answers


def test_hand_over_before_the_request_starts_still_records_the_mediator(  # type: ignore[no-untyped-def]
        qtbot, make_kiosk, catalogue: Catalogue) -> None:  # noqa: F811
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    create_demo_accounts(kiosk.services.mediators)
    procedure = catalogue.get(CODE)
    click(qtbot, window.welcome.with_mediator_button)
    log_in(qtbot, kiosk, "1234")
    qtbot.waitUntil(lambda: window.current_screen() is window.picker, timeout=WAIT_MS)
    click(qtbot, window.hand_over_button)
    click(qtbot, window.picker.theme_buttons[window.picker.theme_of(procedure.code)])
    click(qtbot, window.picker.procedure_tiles[procedure.code])
    click(qtbot, window.for_whom.choice_buttons["self"])
    click(qtbot, window.requirements.start_button)
    assert window.session is not None and window.session.mediator_id == "m-0001"
    assert window.mediator is None


def test_wrong_pin_changes_nothing(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    create_demo_accounts(kiosk.services.mediators)
    start_procedure(qtbot, kiosk, catalogue.get(CODE))
    answer_some(qtbot, kiosk, random.Random(3), 2)
    session = window.session
    assert session is not None
    answers = dict(session.answers)
    question = window.steps.current_widget()
    click(qtbot, window.take_over_button)
    log_in(qtbot, kiosk, "0000")
    qtbot.waitUntil(lambda: window.login.error.isVisible(), timeout=WAIT_MS)
    assert "incorrect" in window.login.error.text()
    assert window.current_screen() is window.login
    assert window.mediator is None and session.mediator_id is None
    click(qtbot, window.login.cancel_button)
    assert window.current_screen() is window.steps  # back to the request, not home
    assert window.session is session and dict(session.answers) == answers
    assert window.steps.current_widget() is question
    assert window.mediator is None and session.mediator_id is None
    header_shows_mediator(kiosk, False)


def test_idle_reset_logs_the_mediator_out(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False, idle_warning_s=1, idle_reset_s=1)
    window = kiosk.window
    create_demo_accounts(kiosk.services.mediators)
    start_procedure(qtbot, kiosk, catalogue.get(CODE))
    take_over(qtbot, kiosk)
    assert window.mediator is not None
    qtbot.waitUntil(lambda: window.current_screen() is window.welcome, timeout=WAIT_MS)
    assert window.mediator is None and window.session is None
    assert not window.take_over_button.isVisible() and not window.hand_over_button.isVisible()


@pytest.mark.parametrize("theme", ["standard", "contraste"])
def test_header_both_states_accessible(qtbot, make_kiosk, catalogue: Catalogue, theme: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    window.set_look(contrast=theme == "contraste", large_text=False)
    create_demo_accounts(kiosk.services.mediators)
    start_procedure(qtbot, kiosk, catalogue.get(CODE))
    try:
        for present, shot in ((False, "sans-mediateur"), (True, "avec-mediateur")):
            if present:
                take_over(qtbot, kiosk)
            header_shows_mediator(kiosk, present)
            save_screenshot(window.header, f"22-entete-{shot}-{theme}")
            assert_accessible(window)
            assert_contrast(window, 7.0)
            # Reading order: the site's band (display switches), then the row of help.
            middle = window.hand_over_button if present else window.take_over_button
            window.large_button.setFocus()
            for expected in (window.contrast_button, window.call_button, middle, window.quit_button):
                qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
                assert QApplication.focusWidget() is expected
            texts_fit(window)
        window.set_look(contrast=theme == "contraste", large_text=True)
        QApplication.processEvents()
        texts_fit(window)
        save_screenshot(window.header, f"22-entete-avec-mediateur-grand-texte-{theme}")
    finally:
        window.set_look(contrast=False, large_text=False)
