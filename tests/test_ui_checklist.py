"""The window: the deciding questions, then the checklist with « Je ne l'ai pas » and its
printing; « Appeler un médiateur » that rings, shows a card and can be cancelled; the
confirmation that waits for the dossier number. Screenshots in /tmp/shots/path/."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from test_ui_flow import (  # noqa: F401 - fixtures
    WAIT_MS,
    Kiosk,
    attach_documents,
    central,
    click,
    complete_request,
    current_question,
    make_kiosk,
    walk_steps,
)

from kiosk.procedures import Catalogue

SHOTS = Path("/tmp/shots/path")


def shot(kiosk: Kiosk, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    kiosk.window.grab().save(str(SHOTS / f"{name}.png"))


def tap(qtbot, kiosk: Kiosk, value: str) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, current_question(kiosk.window.steps).buttons[value])  # type: ignore[attr-defined]
    click(qtbot, kiosk.window.steps.next_button)


def test_deciding_questions_then_the_checklist_with_what_to_do_without(
        qtbot, make_kiosk, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    click(qtbot, window.welcome.alone_button)
    click(qtbot, window.picker.theme_buttons["permis"])
    click(qtbot, window.picker.procedure_tiles["permis-renouvellement"])
    click(qtbot, window.for_whom.choice_buttons["self"])
    assert window.current_screen() is window.steps  # why: asked before anything else
    assert current_question(window.steps).field.id == "motif"
    for value in ("perte", "non", "francaise"):
        tap(qtbot, kiosk, value)
    screen = window.requirements
    assert window.current_screen() is screen
    titles = [card.item.title for card in screen.cards]
    assert "Un timbre fiscal électronique de 25 €" in titles
    assert "Le code de votre photo numérique (e-photo)" in titles
    assert not any("vol" in t.lower() or "médical" in t for t in titles)  # not this case
    photo = next(c for c in screen.cards if c.item.key == "ephoto_code")
    assert photo.missing_button.accessibleName().startswith("Je ne l'ai pas")
    assert not photo.what_to_do.isVisible()
    click(qtbot, photo.missing_button)
    assert photo.what_to_do.isVisible() and "photographe" in photo.what_to_do.text()
    shown = " ".join(label.text() for label in screen.findChildren(type(photo.what_to_do))
                     if label.isVisible())
    assert "selon votre situation" not in shown and "vérifié le" not in shown
    assert "À payer avant la demande" in shown and "timbres.impots.gouv.fr" in shown
    screen.scroller.ensureWidgetVisible(photo)
    shot(kiosk, "checklist-permis-perdu")
    printed = []
    monkeypatch.setattr("kiosk.receipts.checklist_pdf.print_checklist",
                        lambda checklist, config: printed.append(checklist))
    click(qtbot, screen.print_button)
    qtbot.waitUntil(lambda: screen.print_status.kind == "success", timeout=WAIT_MS)
    assert [c.procedure_title for c in printed] == ["Refaire mon permis perdu, volé, abîmé ou périmé"]
    click(qtbot, screen.back_button)  # back to the last deciding question
    assert current_question(window.steps).field.id == "nationalite"
    tap(qtbot, kiosk, "autre")
    assert "Titre de séjour" in [card.item.title for card in screen.cards]
    click(qtbot, screen.start_button)
    assert current_question(window.steps).field.id == "nom"


def test_a_call_rings_shows_its_card_and_can_be_cancelled(qtbot, make_kiosk) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    click(qtbot, window.welcome.alone_button)
    click(qtbot, window.call_button)
    assert window.calls.chime.asked == 1 and window.calls.chime.effect is not None
    assert window.calls.chime.effect.source().toLocalFile().endswith("chime.wav")
    assert window.call_flag.isVisible() and "demande de l'aide" in window.call_flag.text()
    assert window.calls.cancel_button.isVisible()
    click(qtbot, window.call_button)  # a second tap: the same call, no second ring
    assert window.calls.chime.asked == 1
    shot(kiosk, "appel-mediateur")
    window.take_over_button.click()
    qtbot.waitUntil(lambda: window.current_screen() is window.login, timeout=WAIT_MS)
    assert window.login.call_card.isVisible() and "code répond" in window.login.call_card.text()
    click(qtbot, window.login.cancel_button)
    click(qtbot, window.calls.cancel_button)
    assert not window.call_flag.isVisible() and not window.calls.cancel_button.isVisible()
    assert window.visit.call is not None and window.visit.call.state == "cancelled"


def test_a_site_with_nobody_to_call_says_whom_to_ask(qtbot) -> None:  # type: ignore[no-untyped-def]
    from kiosk.config import KioskConfig
    from ui.main_window import MainWindow

    window = MainWindow(KioskConfig(site_name="Sous-préfecture de test", mediator_call=False))
    qtbot.addWidget(window)
    window.show()
    assert window.call_button.text() == "Besoin d'aide ?"
    click(qtbot, window.call_button)
    assert window.calls.chime.asked == 0 and window.visit.call is None
    assert "accueil" in window.call_message.text() and window.call_message.isVisible()
    assert not window.call_flag.isVisible()


def test_a_quick_acknowledgement_prints_the_accuse_de_reception(qtbot, make_kiosk,  # noqa: F811
                                                                 catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk()  # the reference central service answers at once
    window = kiosk.window
    complete_request(qtbot, kiosk, catalogue.get("cg-duplicata"), random.Random(3), {})
    item = window.saved_item
    assert item is not None
    qtbot.waitUntil(lambda: kiosk.printer.printed != [], timeout=WAIT_MS * 2)
    assert kiosk.printer.printed == [(item.id, True, "citoyen")]  # final: with the dossier number
    confirmation = window.confirmation
    number = kiosk.services.outbox.get(item.id).dossier_number
    assert number and number in confirmation.dossier.text()
    assert "reçue par le service" in confirmation.saved_line.text()
    said = " ".join(label.text() for label in confirmation.findChildren(QLabel) if label.isVisible())
    assert "À payer après l'envoi de la demande" in said and "carte bancaire" in said
    kiosk.drain(qtbot)
    shot(kiosk, "confirmation-recue")


def test_no_acknowledgement_in_time_prints_the_accuse_d_enregistrement(qtbot, make_kiosk,  # noqa: F811
                                                                        catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(central_url="http://127.0.0.1:9/api")  # nobody answers
    window = kiosk.window
    window.confirmation.timer.setInterval(300)
    complete_request(qtbot, kiosk, catalogue.get("cg-changement-adresse"), random.Random(4), {})
    item = window.saved_item
    assert item is not None
    assert "Envoi au service en cours" in window.confirmation.saved_line.text()
    qtbot.waitUntil(lambda: kiosk.printer.printed != [], timeout=WAIT_MS)
    assert kiosk.printer.printed == [(item.id, False, "citoyen")]
    assert "pas encore reçue" in window.confirmation.saved_line.text()
    assert "attendu" in window.confirmation.dossier.text()
    kiosk.drain(qtbot)
    shot(kiosk, "confirmation-en-attente")
    window.confirmation.dossier_received(item.id, "CG-2026-000099")  # it arrives later
    assert "CG-2026-000099" in window.confirmation.dossier.text()
    assert window.confirmation.final_button.isVisible()
    click(qtbot, window.confirmation.final_button)
    kiosk.drain(qtbot)
    assert kiosk.printer.printed[-1] == (item.id, True, "citoyen")
