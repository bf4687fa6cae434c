"""Through the real screens: a mediator sees a whole step per page, a citizen alone one question."""

from __future__ import annotations

from ban_fake import FakeBan, serve_ban
from PySide6.QtCore import QPoint
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
from ui_checks import assert_accessible, assert_contrast, save_screenshot

from kiosk.mediators import create_demo_accounts
from kiosk.procedures import Catalogue

CODE = "cg-changement-adresse"


def start_with_mediator(qtbot, kiosk: Kiosk, code: str) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    create_demo_accounts(kiosk.services.mediators)
    click(qtbot, window.welcome.with_mediator_button)
    log_in(qtbot, kiosk, "1234")
    qtbot.waitUntil(lambda: window.current_screen() is window.picker, timeout=10_000)
    click(qtbot, window.picker.theme_buttons[window.picker.theme_of(code)])
    click(qtbot, window.picker.procedure_tiles[code])
    click(qtbot, window.for_whom.choice_buttons["self"])
    if window.current_screen() is window.requirements:  # nothing to decide: the checklist first
        click(qtbot, window.requirements.start_button)
    if window.current_screen() is window.chooser:  # the proof of address first (test_ui_prefill)
        click(qtbot, window.chooser.cancel_button)  # « Passer »


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
    assert not steps.progress.isVisible()  # one count of the steps: the window's stepper
    assert window.stepper.count.text().startswith("Étape ")
    assert window.session is not None and window.session.answers["carte_siv"] == "oui"
    type_into(qtbot, steps.widgets["nom"].inputs()[0], "Dupont")
    type_into(qtbot, steps.widgets["prenoms"].inputs()[0], "M4rie")
    assert steps.widgets["prenoms"].error and not steps.widgets["nom"].error  # under its field
    save_screenshot(window, "compact-step-keyboard-1280x800")
    window.keyboard.close_keyboard()
    save_screenshot(window, "compact-step-1280x800")
    assert_accessible(window)
    assert_contrast(window, 7.0)
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


def to_the_address(qtbot, kiosk: Kiosk, lookup_url: str) -> None:  # type: ignore[no-untyped-def]
    """A mediator's change of address, on its address page, the kiosk knowing the address base."""
    window = kiosk.window
    window.visit.config = window.visit.config.with_overrides(address_lookup_url=lookup_url,
                                                             address_lookup_timeout_s=2.0)
    start_with_mediator(qtbot, kiosk, CODE)
    steps = window.steps
    for answers in ({"plate": "AB-123-CD", "formule_number": "2017RV48832"},
                    {"nom": "Dupont", "prenoms": "Marie", "date_naissance": "31/12/1950"}):
        for field_id, value in answers.items():
            qtbot.waitUntil(lambda f=field_id: steps.widgets[f].isVisible(), timeout=5_000)  # type: ignore[misc]
            widget = steps.widgets[field_id]
            if field_id.startswith("date"):
                day, month, year = value.split("/")
                for edit, text in zip(widget.inputs(), (day, month, year), strict=True):
                    type_into(qtbot, edit, text)  # type: ignore[arg-type]
            else:
                type_into(qtbot, widget.inputs()[0], value)  # type: ignore[arg-type]
        click(qtbot, steps.next_button)
    assert shown_ids(kiosk)[:4] == ["adresse", "complement", "code_postal", "commune"]


def test_a_picked_address_fills_street_postcode_and_commune(qtbot, make_kiosk) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False)
    kiosk.window.resize(1280, 800)
    with serve_ban() as url:
        to_the_address(qtbot, kiosk, url)
        steps = kiosk.window.steps
        street = steps.widgets["adresse"]
        edit = street.inputs()[0]
        edit.setFocus()
        qtbot.keyClicks(edit, "12 rue de la rep")  # typed: the base is asked after a pause
        qtbot.waitUntil(lambda: bool(street.suggestions()), timeout=5_000)
        [offered] = street.suggestions()
        assert offered.text() == "12 Rue de la République\n75004 Paris"  # the street over the commune
        qtbot.wait(50)  # brought into view once laid out
        save_screenshot(kiosk.window, "compact-address-suggestions-1280x800")
        assert_accessible(kiosk.window)
        # the address offered in a strip above the keyboard, what is typed in view too
        for shown in (edit, offered):
            assert shown.visibleRegion().boundingRect().height() == shown.height()
        keyboard = kiosk.window.keyboard
        assert keyboard.isVisible()
        assert offered.mapTo(kiosk.window, QPoint(0, offered.height())).y() <= keyboard.mapTo(
            kiosk.window, QPoint(0, 0)).y()
        click(qtbot, offered)
        assert [steps.widgets[f].value() for f in ("adresse", "code_postal", "commune")] == [
            "12 Rue de la République", "75004", "Paris"]
        session = kiosk.window.session
        assert session is not None and session.answers["code_postal"] == "75004"
        assert not street.suggestions()
        assert QApplication.focusWidget() is steps.widgets["date_demenagement"].inputs()[0]
        # A postal code shared by two communes offers both.
        postcode = steps.widgets["code_postal"].inputs()[0]
        type_into(qtbot, postcode, "54490")  # type: ignore[arg-type]
        commune = steps.widgets["commune"]
        qtbot.waitUntil(lambda: len(commune.suggestions()) == 2, timeout=5_000)
        click(qtbot, commune.suggestions()[1])
        assert commune.value() == "Joudreville" and session.answers["commune"] == "Joudreville"


def test_only_the_latest_question_is_answered_on_screen(qtbot, make_kiosk) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False)
    slow = FakeBan(delay_s=0.5, slow_queries={"12 rue"})
    with serve_ban(slow) as url:
        to_the_address(qtbot, kiosk, url)
        street = kiosk.window.steps.widgets["adresse"]
        edit = street.inputs()[0]
        edit.setFocus()
        qtbot.keyClicks(edit, "12 rue")
        qtbot.waitUntil(lambda: any(r.get("q") == "12 rue" for r in slow.requests_seen), timeout=5_000)
        edit.clear()
        qtbot.keyClicks(edit, "7 chemin")
        qtbot.waitUntil(lambda: bool(street.suggestions()), timeout=5_000)
        qtbot.wait(700)  # the slow answer to « 12 rue » arrives meanwhile: dropped
        assert [b.text() for b in street.suggestions()] == ["7 Chemin des Vignes\n75004 Paris"]


def test_offline_the_address_is_typed_by_hand_without_a_word(qtbot, make_kiosk) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False)
    to_the_address(qtbot, kiosk, "http://127.0.0.1:9")  # nothing answers there
    steps = kiosk.window.steps
    street = steps.widgets["adresse"]
    edit = street.inputs()[0]
    edit.setFocus()
    qtbot.keyClicks(edit, "12 rue de la rep")
    qtbot.wait(800)
    assert not street.suggestions() and not street.error
    assert not any(w.error for w in shown_fields(steps))
