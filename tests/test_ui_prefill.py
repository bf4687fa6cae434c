"""Through the real screens: a mediator scans the proof of address first, the date and the
answers read on its 2D-Doc are written in, marked, and stay the person's to change; a proof
without a code asks as before, with no message about it; a citizen alone keeps the order."""

from __future__ import annotations

import random
from pathlib import Path

from PySide6.QtWidgets import QLabel
from test_ui_compact import CODE, shown_ids
from test_ui_flow import (
    WAIT_MS,
    Kiosk,
    central,  # noqa: F401 - fixture (make_kiosk's service)
    click,
    make_kiosk,  # noqa: F401 - fixture
    pick_file,
    scan,
    type_into,
)
from test_ui_mediator_handover import log_in
from ui_checks import assert_accessible, save_screenshot

from kiosk.mediators import create_demo_accounts
from kiosk.procedures import Catalogue
from kiosk.sample_scans import SAMPLE_HOLDER, proof_of_address

READ = "Lu sur le document scanné. Vérifiez."


def to_scan_first(qtbot, make_kiosk) -> Kiosk:  # type: ignore[no-untyped-def]  # noqa: F811
    """A mediator's new change of address, at the page asking the proof of address first."""
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    window.resize(1280, 800)
    create_demo_accounts(kiosk.services.mediators)
    click(qtbot, window.welcome.with_mediator_button)
    log_in(qtbot, kiosk, "1234")
    qtbot.waitUntil(lambda: window.current_screen() is window.picker, timeout=WAIT_MS)
    click(qtbot, window.picker.theme_buttons[window.picker.theme_of(CODE)])
    click(qtbot, window.picker.procedure_tiles[CODE])
    click(qtbot, window.for_whom.choice_buttons["self"])
    click(qtbot, window.requirements.start_button)
    chooser = window.chooser
    assert window.current_screen() is chooser
    assert chooser.title.text().startswith("Scannez d'abord : Justificatif de domicile")
    assert "lit le nom et l'adresse" in chooser.what.text()
    assert chooser.cancel_button.text() == "Passer"
    return kiosk


def marks(widget) -> list[QLabel]:  # type: ignore[no-untyped-def]
    return [label for label in widget.findChildren(QLabel) if label.text() == READ and label.isVisible()]


def test_the_proof_first_fills_the_date_the_name_and_the_address(  # type: ignore[no-untyped-def]
        qtbot, make_kiosk, catalogue: Catalogue) -> None:  # noqa: F811
    kiosk = to_scan_first(qtbot, make_kiosk)
    window = kiosk.window
    chooser = window.chooser
    save_screenshot(window, "scan-first-1280x800")
    assert_accessible(window)
    path = kiosk.scanner / "facture.png"
    path.write_bytes(proof_of_address(random.Random(5), "png", 100, SAMPLE_HOLDER))
    pick_file(qtbot, chooser, path)
    qtbot.waitUntil(lambda: not chooser.busy, timeout=WAIT_MS)
    session = window.session
    assert session is not None
    emitted = session.today().toordinal() - 20
    assert chooser.date_panel.isVisible() and chooser.date_read.isVisible()
    day = chooser.date_field.value()
    assert day and __import__("datetime").date(*map(int, reversed(day.split("/")))).toordinal() == emitted
    # nothing to type: no keyboard, « Valider la date » in sight (it was under the keys)
    assert window.keyboard.current_field() is None and not window.keyboard.isVisible()
    assert not chooser.date_button.visibleRegion().isEmpty()
    save_screenshot(window, "scan-first-date-read-1280x800")
    click(qtbot, chooser.date_button)  # one tap: the date was read
    qtbot.waitUntil(lambda: window.current_screen() is window.steps, timeout=WAIT_MS)
    assert "justificatif_domicile" in session.documents
    steps = window.steps
    assert shown_ids(kiosk) == ["plate"] and not marks(steps)
    type_into(qtbot, steps.widgets["plate"].inputs()[0], "AB-123-CD")
    type_into(qtbot, steps.widgets["formule_number"].inputs()[0], "2017RV48832")
    click(qtbot, steps.next_button)
    assert shown_ids(kiosk) == ["nom", "prenoms", "date_naissance"]
    assert (steps.widgets["nom"].value(), steps.widgets["prenoms"].value()) == ("EXEMPLE", "CLAIRE")
    assert marks(steps.widgets["nom"]) and marks(steps.widgets["prenoms"])
    assert not marks(steps.widgets["date_naissance"])
    assert not steps.widgets["date_naissance"].value()  # the focus waits on what is left to type
    window.keyboard.close_keyboard()
    save_screenshot(window, "compact-step-read-1280x800")
    type_into(qtbot, steps.widgets["nom"].inputs()[0], "Exemple-Durand")  # the person's own now
    assert not marks(steps.widgets["nom"]) and session.answers["nom"] == "Exemple-Durand"
    type_into(qtbot, steps.widgets["date_naissance"].day, "03")
    type_into(qtbot, steps.widgets["date_naissance"].month, "04")
    type_into(qtbot, steps.widgets["date_naissance"].year, "1950")
    click(qtbot, steps.next_button)
    assert shown_ids(kiosk)[:4] == ["adresse", "complement", "code_postal", "commune"]
    assert [steps.widgets[f].value() for f in ("adresse", "complement", "code_postal", "commune")] == [
        "12 RUE DES LILAS", "", "75011", "PARIS"]
    assert all(marks(steps.widgets[f]) for f in ("adresse", "code_postal", "commune"))


def test_a_proof_without_a_code_asks_its_date_as_before_and_says_nothing_of_it(  # type: ignore[no-untyped-def]
        qtbot, make_kiosk, catalogue: Catalogue) -> None:  # noqa: F811
    kiosk = to_scan_first(qtbot, make_kiosk)
    window = kiosk.window
    chooser = window.chooser
    path: Path = scan(kiosk, catalogue.get(CODE), "justificatif_domicile", random.Random(6))
    pick_file(qtbot, chooser, path)
    qtbot.waitUntil(lambda: not chooser.busy, timeout=WAIT_MS)
    assert chooser.date_panel.isVisible() and not chooser.date_read.isVisible()
    assert chooser.date_field.value() == "" and chooser.status.kind != "error"
    session = window.session
    assert session is not None
    chooser.date_field.set_value(session.today().isoformat())
    click(qtbot, chooser.date_button)
    qtbot.waitUntil(lambda: window.current_screen() is window.steps, timeout=WAIT_MS)
    assert "justificatif_domicile" in session.documents
    assert not session.read_from_document and "nom" not in session.answers
