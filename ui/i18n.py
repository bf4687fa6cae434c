"""Language of the interface: Qt translators over French source strings.

Every user-facing string in `ui/` is written in French and goes through
`QCoreApplication.translate(context, text)` (or `self.tr(text)`), so
`scripts/update_translations.sh` can extract it into `resources/translations/kiosk_<lang>.ts`
and compile `.qm` files. French needs no translator.

Texts that come from the core (validator messages, procedure titles and help, consent) are
French data, not source strings: `tr_core` finds them in the core's translation files
(`kiosk.i18n_texts`), French when a text has none. Arabic also turns the layout right to left.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk.i18n_texts import RIGHT_TO_LEFT, set_shown_language, shown_language, translate
from resources import resource_path

SOURCE_LANGUAGE = "fr"
CORE_CONTEXT = "core"

RLM = "\u200f"
LANGUAGE_NAMES = {"fr": "Français", "en": "English", "ar": "العربية"}
"""Each language named in its own words and script, as a citizen looks for it."""

_installed: dict[int, QTranslator] = {}
"""The translator each application got from us, so a new language replaces the old one."""


def load_embedded_fonts() -> list[str]:
    """Register the fonts shipped in ``resources/fonts`` (DejaVu Sans: Latin and Arabic glyphs),
    so Arabic shows on a kiosk whose system has no Arabic font; returns their families."""
    families: set[str] = set()
    for path in sorted(resource_path("fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        families.update(QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else [])
    return sorted(families)


def current_language() -> str:
    return shown_language()


def _set_direction(app: QCoreApplication, code: str) -> None:
    set_shown_language(code)
    if isinstance(app, QApplication):
        rtl = code in RIGHT_TO_LEFT
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)


def translation_file(language: str) -> str:
    """Path of the compiled catalogue of `language` (it may not exist)."""
    return str(resource_path("translations", f"kiosk_{language}.qm"))


def available_languages() -> list[str]:
    """French plus every language with a compiled catalogue, e.g. ["en", "fr"]."""
    folder = resource_path("translations")
    found = {p.stem.removeprefix("kiosk_") for p in folder.glob("kiosk_*.qm")}
    return sorted(found | {SOURCE_LANGUAGE})


def install_translator(app: QCoreApplication, language: str) -> bool:
    """Show the interface in `language` ("fr", "en"...); returns False when it has no
    catalogue (the interface then stays in French). Replaces a previous choice; widgets get
    a LanguageChange event and relabel themselves."""
    previous = _installed.pop(id(app), None)
    if previous is not None:
        app.removeTranslator(previous)
    code = language.split("_")[0].split("-")[0].lower()
    if code == SOURCE_LANGUAGE:
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
        _set_direction(app, code)
        return True
    translator = QTranslator(app)
    if not translator.load(translation_file(code)):
        return False
    app.installTranslator(translator)
    _installed[id(app)] = translator
    # Arabic keeps French formats: dates, numbers and plates stay in their official Latin form
    french = QLocale(QLocale.Language.French, QLocale.Country.France)
    QLocale.setDefault(french if code in RIGHT_TO_LEFT else QLocale(code))
    _set_direction(app, code)
    return True


def tr_core(text: str) -> str:
    """Translate a French text that came from the core (a validator message, a procedure
    title); returned unchanged when the current language has no translation for it."""
    language = current_language()
    found = translate(text, language)
    if found == text:
        found = QCoreApplication.translate(CORE_CONTEXT, text)
    if found and language in RIGHT_TO_LEFT:
        # a right-to-left mark first: a sentence or an answer that starts in Latin script
        # (« AB-123-CD », a name, a date) still lines up on the right like the Arabic around it
        return RLM + found
    return found
