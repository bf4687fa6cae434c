"""Every screen in both themes: accessible names, 44 px targets, 7:1 contrast, and a screenshot.

Screenshots land in ``test-artifacts/screens/`` for a person to look at.
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from test_ui_flow import (
    WAIT_MS,
    answer,
    attach_documents,
    central,  # noqa: F401 - fixture
    click,
    make_kiosk,  # noqa: F401 - fixture
    pick_answer,
    pick_file,
    scan,
    walk_steps,
)
from ui_checks import assert_accessible, assert_contrast, save_screenshot

from kiosk.mediators import create_demo_accounts
from kiosk.procedures import Catalogue
from kiosk.receipts import PrintError
from ui.screens.common import Screen
from ui.theme import apply_theme, restyle


def check(window, name: str, theme: str) -> None:  # type: ignore[no-untyped-def]
    QApplication.processEvents()
    save_screenshot(window, f"{name}-{theme}")
    assert_accessible(window)
    # ui.contrast reads a button's text colour from its palette, which keeps the unfocused
    # colour; the focused look (black on yellow in high contrast) is checked on the screenshot.
    window.keyboard.close_keyboard()
    focused = QApplication.focusWidget()
    if focused is not None:
        focused.clearFocus()
        restyle(focused)
    # ...and a widget clipped by a scroll area as if it were whole: measure on a window tall
    # enough for the whole screen, then give the window its size back.
    size = window.size()
    window.resize(size.width(), 2400)
    QTest.qWait(50)  # let the layout settle
    assert_contrast(window, 7.0)
    window.resize(size)


@pytest.mark.parametrize("theme", ["standard", "contraste"])
def test_every_screen(qtbot, make_kiosk, catalogue: Catalogue, theme: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    window.set_look(contrast=theme == "contraste", large_text=False)
    rng = random.Random(3)
    procedure = catalogue.get("cg-changement-adresse")
    seen: set[Screen] = set()

    def shot(name: str) -> None:
        seen.add(window.current_screen())
        check(window, name, theme)

    shot("01-accueil")
    create_demo_accounts(kiosk.services.mediators)
    click(qtbot, window.welcome.with_mediator_button)
    window.login.choose("m-0001")
    shot("02-connexion-mediateur")
    click(qtbot, window.login.cancel_button)
    click(qtbot, window.welcome.alone_button)
    click(qtbot, window.picker.theme_buttons["carte_grise"])
    shot("03-choix-demarche")
    click(qtbot, window.picker.procedure_tiles[procedure.code])
    shot("04-ce-qu-il-faut")
    click(qtbot, window.requirements.start_button)
    first = window.steps.visible_widgets()[0]
    click(qtbot, window.steps.next_button)
    assert first.error
    shot("05-etape-erreurs")
    for widget in window.steps.visible_widgets():
        if widget.field.help and widget.help_button is not None:
            click(qtbot, widget.help_button)
            break
    for widget in window.steps.visible_widgets():
        answer(qtbot, widget, pick_answer(widget.field, rng, {}))
    shot("06-etape-remplie")
    walk_steps(qtbot, kiosk, rng, {})
    shot("07-documents")
    spec = window.session.required_documents()[0]
    (kiosk.scanner / "photo.txt.pdf").write_bytes(b"not a pdf at all")
    scan(kiosk, procedure, spec.kind, rng)
    click(qtbot, window.documents.add_buttons[spec.kind])
    pick_file(qtbot, window.chooser, kiosk.scanner / "photo.txt.pdf")
    qtbot.waitUntil(lambda: window.chooser.status.isVisible() and not window.chooser.busy,
                    timeout=WAIT_MS)
    shot("08-choix-fichier-refuse")
    click(qtbot, window.chooser.cancel_button)
    attach_documents(qtbot, kiosk, procedure, rng)
    shot("09-recapitulatif")
    click(qtbot, window.summary.next_button)
    shot("10-accord")
    kiosk.printer.failures.append(PrintError("no_paper", "L'imprimante n'a plus de papier."))
    click(qtbot, window.consent.accept_button)
    qtbot.waitUntil(lambda: window.confirmation.retry_button.isVisible(), timeout=WAIT_MS)
    shot("11-confirmation-sans-imprimante")
    click(qtbot, window.confirmation.retry_button)
    kiosk.drain(qtbot)
    shot("12-confirmation-recu-imprime")
    click(qtbot, window.confirmation.done_button)
    shot("13-fin")
    click(qtbot, window.end.home_button)
    click(qtbot, window.welcome.mediator_button)
    window.login.choose("m-0002")
    window.login.pin.setText("5678")
    click(qtbot, window.login.login_button)
    qtbot.waitUntil(lambda: window.current_screen() is window.queue, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: bool(window.queue.items), timeout=WAIT_MS)
    shot("14-file-attente")
    window.idle._warn()
    QApplication.processEvents()
    check(window, "15-inactivite", theme)
    window.idle.touched()
    missing = set(window.screens) - seen - {window.chooser} | (
        {window.chooser} - seen)
    assert not missing, [type(s).__name__ for s in missing]
    apply_theme(QApplication.instance(), "standard", False)
