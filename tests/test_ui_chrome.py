"""The window's chrome as a citizen meets it: « Quitter la démarche », the idle countdown,
the stepper, the language switch and Qt's own strings in French, and a fresh start for the
next citizen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from test_ui_flow import (
    central,  # noqa: F401 - fixture
    click,
    make_kiosk,  # noqa: F401 - fixture
    start_procedure,
)

from kiosk.flow import Page
from kiosk.procedures import Catalogue
from ui.i18n import current_language
from ui.screens.common import is_selected

CODE = "cg-changement-adresse"


def test_quit_asks_in_plain_words_then_wipes_like_the_idle_wipe(qtbot, make_kiosk,  # noqa: F811
                                                                catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    assert not window.quit_button.isVisible()  # nothing to quit on the welcome screen
    start_procedure(qtbot, kiosk, catalogue.get(CODE))
    assert window.stepper.count.text() == "Étape 1 sur 7"
    session = window.session
    assert session is not None
    click(qtbot, window.quit_button)
    assert window.quit_confirmation.isVisible()
    assert window.quit_confirmation.title.text() == "Tout effacer et revenir à l'accueil ?"
    click(qtbot, window.quit_confirmation.keep_button)  # « Non, je continue »
    assert not window.quit_confirmation.isVisible() and window.visit.page is Page.QUESTION
    window.set_look(contrast=True, large_text=True)
    click(qtbot, window.quit_button)
    click(qtbot, window.quit_confirmation.quit_button)
    QApplication.processEvents()
    assert window.visit.page is Page.WELCOME and window.current_screen() is window.welcome
    assert window.session is None and session.answers == {}
    assert not window.stepper_row.isVisible() and not window.quit_button.isVisible()
    # The next citizen gets the normal text and colours.
    qtbot.waitUntil(lambda: not is_selected(window.large_button), timeout=3000)
    assert not is_selected(window.contrast_button)
    assert QApplication.instance().property("kiosk_theme") == "standard"  # type: ignore[union-attr]


def test_idle_countdown_can_erase_at_once_and_tells_the_seconds(qtbot, make_kiosk,  # noqa: F811
                                                                catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(sync=False, idle_warning_s=600, idle_reset_s=30)
    window = kiosk.window
    start_procedure(qtbot, kiosk, catalogue.get(CODE))
    window.idle._warn()
    assert window.overlay.isVisible() and window.overlay.seconds.text() == "30"
    assert window.idle.state.remaining == 30 and window.idle.state.warning_shown
    window.idle._count()
    assert window.overlay.seconds.text() == "29"
    click(qtbot, window.overlay.stay_button)  # « Encore du temps »
    assert not window.overlay.isVisible() and window.idle.state.extensions == 1
    window.idle._warn()
    click(qtbot, window.overlay.erase_button)  # « Tout effacer maintenant »
    QApplication.processEvents()
    assert window.visit.page is Page.WELCOME and window.session is None
    assert not window.overlay.isVisible()


def test_qt_speaks_french_and_the_welcome_offers_english_until_the_next_citizen(
        qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"
    click(qtbot, window.welcome.language_buttons["en"])
    try:
        assert current_language() == "en"
        assert window.welcome.alone_button.text() == "On my own"
        assert window.current_screen() is window.welcome
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
        click(qtbot, window.welcome.alone_button)  # the screens built again still work
        assert window.visit.page is Page.PICKER and window.current_screen() is window.picker
        window.go_home()
        qtbot.waitUntil(lambda: current_language() == "fr", timeout=3000)
        assert window.welcome.alone_button.text() == "Seul(e)"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    finally:
        window.set_language("fr")
