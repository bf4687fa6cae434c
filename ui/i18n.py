"""Language of the interface: Qt translators over French source strings.

Every user-facing string in `ui/` is written in French and goes through
`QCoreApplication.translate(context, text)` (or `self.tr(text)`), so
`scripts/update_translations.sh` can extract it into `resources/translations/kiosk_<lang>.ts`
and compile `.qm` files. French needs no translator.

Qt's own strings (dialog buttons, context menus of a field) come from Qt's catalogue
``qtbase_<lang>.qm`` shipped with PySide6: it is installed with every language, French
included, so no English from Qt reaches a citizen.

Texts that come from the core (validator messages, procedure titles and help, consent) are
French data, not source strings: `tr_core` finds them in the core's translation files
(`kiosk.i18n_texts`), French when a text has none. Arabic also turns the layout right to left.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk.i18n_texts import RIGHT_TO_LEFT, left_to_right, set_shown_language, translate
from resources import resource_path

SOURCE_LANGUAGE = "fr"
CORE_CONTEXT = "core"

RLM = "\u200f"
LANGUAGE_NAMES: dict[str, str] = {"fr": "Français", "en": "English", "ar": "العربية"}
"""Each language in its own words, as the welcome screen offers it (add one per catalogue)."""

_installed: dict[int, list[QTranslator]] = {}
"""The translators each application got from us, so a new language replaces the old ones."""
_current: dict[int, str] = {}


def translation_file(language: str) -> str:
    """Path of the compiled catalogue of `language` (it may not exist)."""
    return str(resource_path("translations", f"kiosk_{language}.qm"))


def load_embedded_fonts() -> list[str]:
    """Register the fonts shipped in ``resources/fonts`` (DejaVu Sans: Latin and Arabic glyphs),
    so Arabic shows on a kiosk whose system has no Arabic font; returns their families."""
    families: set[str] = set()
    for path in sorted(resource_path("fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        families.update(QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else [])
    return sorted(families)


def available_languages() -> list[str]:
    """French plus every language with a compiled catalogue, e.g. ["en", "fr"]."""
    folder = resource_path("translations")
    found = {p.stem.removeprefix("kiosk_") for p in folder.glob("kiosk_*.qm")}
    return sorted(found | {SOURCE_LANGUAGE})


def install_translator(app: QCoreApplication, language: str) -> bool:
    """Show the interface in `language` ("fr", "en"...); returns False when it has no
    catalogue (the interface then stays in French). Replaces a previous choice; widgets get
    a LanguageChange event and relabel themselves."""
    code = language.split("_")[0].split("-")[0].lower()
    ours = QTranslator(app)
    if code != SOURCE_LANGUAGE and not ours.load(translation_file(code)):
        return False
    for previous in _installed.pop(id(app), []):
        app.removeTranslator(previous)
    installed = []
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    if code != SOURCE_LANGUAGE:
        app.installTranslator(ours)
        installed.append(ours)
    _installed[id(app)] = installed
    _current[id(app)] = code
    set_shown_language(code)  # a receipt printed now carries its translation in this language
    # Arabic keeps French formats: dates, numbers and plates stay in their official Latin form
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France)
                       if code in (SOURCE_LANGUAGE, *RIGHT_TO_LEFT) else QLocale(code))
    if isinstance(app, QApplication):
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if code in RIGHT_TO_LEFT
                               else Qt.LayoutDirection.LeftToRight)
    return True


def set_language(code: str) -> bool:
    """The language a citizen chose (the welcome screen's switch); False when unknown."""
    app = QCoreApplication.instance()
    return app is not None and code in available_languages() and install_translator(app, code)


def current_language() -> str:
    """The language the interface speaks now ("fr" until another is set)."""
    app = QCoreApplication.instance()
    return _current.get(id(app), SOURCE_LANGUAGE) if app is not None else SOURCE_LANGUAGE


def language_name(code: str) -> str:
    """A language in its own words (its code when it has no name yet)."""
    return LANGUAGE_NAMES.get(code, code)


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
        # and each run in Latin script or digits (« 123 ABC 75 », « 06 12 34 56 78 ») is kept
        # left to right: after Arabic letters, digits would otherwise be read as Arabic numbers
        return RLM + left_to_right(found)
    return found
