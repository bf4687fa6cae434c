"""The Qt application object: language, theme and the window, set up in one place."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from kiosk.config import KioskConfig
from ui import gc_guard
from ui.i18n import install_translator, load_embedded_fonts
from ui.main_window import KioskServices, MainWindow
from ui.theme import apply_theme


def create_application(argv: Sequence[str] | None = None, language: str = "fr") -> QApplication:
    """The QApplication (reused when one exists, as under pytest-qt), themed and translated."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(
        list(argv if argv is not None else sys.argv))
    app.setApplicationName("Point numérique")
    app.setOrganizationName("point-numerique-kiosk")
    gc_guard.install(app)
    load_embedded_fonts()
    install_translator(app, language)
    apply_theme(app, "standard", False)
    return app


WINDOWED = QSize(1280, 1024)
"""The window's size outside kiosk mode, when the screen has room for it."""


def create_window(config: KioskConfig, services: KioskServices | None = None, *,
                  fullscreen: bool = False) -> MainWindow:
    """The kiosk window, full screen in kiosk mode; otherwise 1280x1024 or the screen's
    free area when smaller (every screen fits down to 1280x800 and 1366x768). Once its
    screens are built, what start-up made is kept out of the collector's sight."""
    window = MainWindow(config, services)
    window.warm_up.done.connect(gc_guard.keep_start_up)
    if fullscreen:
        window.showFullScreen()
    else:
        screen = window.screen()
        room = screen.availableGeometry().size() if screen is not None else WINDOWED
        window.resize(WINDOWED.boundedTo(room))
        window.show()
    return window
