"""Through the real screens: a mediator sees a whole step per page, a citizen alone one question."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from test_ui_flow import (
    Kiosk,
    central,  # noqa: F401 - fixture (make_kiosk's service)
    click,
    current_question,
    make_kiosk,  # noqa: F401 - fixture
    shown_fields,
    type_into,
)
from test_ui_mediator_handover import log_in
from ui_checks import save_screenshot

from kiosk.mediators import create_demo_accounts
from kiosk.procedures import Catalogue

CODE = "cg-changement-adresse"


def start_with_mediator(qtbot, kiosk: Kiosk, code: str) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    create_demo_accounts(kiosk.services.mediators)
    click(qtbot, window.welcome.with_mediator_button)
    log_in(qtbot, kiosk, "1234")
    qtbot.waitUntil(lambda: window.current_screen() is window.picker, timeout=10_000)
    procedure = kiosk.services.catalogue.get(code)
    click(qtbot, window.picker.theme_buttons[procedure.theme])
    click(qtbot, window.picker.procedure_tiles[code])
    click(qtbot, window.requirements.start_button)


def shown_ids(kiosk: Kiosk) -> list[str]:
    return [w.field.id for w in shown_fields(kiosk.window.steps)]


def test_a_mediator_fills_a_whole_step_per_page(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    window.resize(1280, 800)
    start_with_mediator(qtbot, kiosk, CODE)
    steps = window.steps
    assert shown_ids(kiosk) == ["plate"]
    assert not steps.next_button.isEnabled()
    plate = steps.widgets["plate"]
    assert QApplication.focusWidget() is plate.inputs()[0]
    type_into(qtbot, plate.inputs()[0], "ab 123 cd")  # the plate says SIV: the formule is asked
    assert shown_ids(kiosk) == ["plate", "formule_number"]
    assert not steps.next_button.isEnabled()
    formule = steps.widgets["formule_number"]
    type_into(qtbot, formule.inputs()[0], "2017RV4883")  # one digit short
    assert formule.error and formule.error_label.isVisible() and not plate.error
    assert not steps.next_button.isEnabled()
    type_into(qtbot, formule.inputs()[0], "2017RV48832")
    assert steps.next_button.isEnabled() and not formule.error
    click(qtbot, steps.next_button)
    assert shown_ids(kiosk) == ["nom", "prenoms", "date_naissance"]
    assert steps.progress.text() == "Étape 2 sur 4"
    assert window.session is not None and window.session.answers["carte_siv"] == "oui"
    type_into(qtbot, steps.widgets["nom"].inputs()[0], "Dupont")
    type_into(qtbot, steps.widgets["prenoms"].inputs()[0], "M4rie")
    assert steps.widgets["prenoms"].error and not steps.widgets["nom"].error  # under its field
    save_screenshot(window, "compact-step-keyboard-1280x800")
    window.keyboard.close_keyboard()
    save_screenshot(window, "compact-step-1280x800")
    # The mediator leaves the person alone: one question per page again, the first to answer.
    click(qtbot, window.hand_over_button)
    assert current_question(steps).field.id == "prenoms"
    assert steps.next_button.isEnabled()


def test_a_citizen_alone_keeps_one_question_per_page(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from test_ui_flow import start_procedure

    kiosk = make_kiosk(sync=False)
    start_procedure(qtbot, kiosk, catalogue.get(CODE))
    steps = kiosk.window.steps
    assert current_question(steps).field.id == "plate"
    type_into(qtbot, steps.widgets["plate"].inputs()[0], "AB-123-CD")
    click(qtbot, steps.next_button)
    assert current_question(steps).field.id == "formule_number"  # SIV follows from the plate
