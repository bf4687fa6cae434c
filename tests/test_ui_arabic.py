"""Arabic: the shipped font has every glyph the Arabic texts use, the layout turns right to
left, and what is official (dates, answers, keys) stays left to right."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QRawFont
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.i18n_texts import read_file, translation_files
from kiosk.procedures import Catalogue
from kiosk.qt_catalogues import catalogue_path, read_ts
from resources import resource_path
from ui.fields import DateFieldWidget, make_field_widget
from ui.i18n import RLM, install_translator, load_embedded_fonts, tr_core
from ui.keyboard import DigitPad


@pytest.fixture
def arabic(qapp: QApplication) -> Iterator[QApplication]:
    assert install_translator(qapp, "ar")
    yield qapp
    install_translator(qapp, "fr")


def arabic_characters() -> set[str]:
    texts = [t for path in translation_files("ar") for t in read_file(path).values()]
    texts += [t for m in read_ts(catalogue_path("ar")) for t in m.translations]
    return {ch for text in texts for ch in text if not unicodedata.category(ch).startswith(("Z", "C"))}


@pytest.mark.parametrize("font", ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"])
def test_the_shipped_font_draws_every_character_of_the_arabic_texts(qapp: QApplication, font: str) -> None:
    assert "DejaVu Sans" in load_embedded_fonts()
    raw = QRawFont(str(resource_path("fonts", font)), 24)
    assert raw.isValid()
    characters = arabic_characters()
    assert "ب" in characters and len(characters) > 60
    missing = sorted(ch for ch in characters if not raw.supportsCharacter(ord(ch)))
    assert not missing, [f"U+{ord(ch):04X} {unicodedata.name(ch, '?')}" for ch in missing]


def test_arabic_turns_the_layout_right_to_left_and_french_back(qapp: QApplication) -> None:
    install_translator(qapp, "ar")
    try:
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert QLocale().toString(1950) == QLocale(QLocale.Language.French).toString(1950)  # Latin digits
    finally:
        install_translator(qapp, "fr")
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_core_texts_show_in_arabic(arabic: QApplication, catalogue: Catalogue) -> None:
    title = catalogue.get("cg-changement-adresse").title
    assert tr_core(title) == RLM + "تغيير العنوان في بطاقتي الرمادية"


def test_dates_answers_and_keys_stay_left_to_right(arabic: QApplication, qtbot: QtBot,
                                                   catalogue: Catalogue) -> None:
    questions = [f for s in catalogue.get("cg-changement-adresse").steps for f in s.fields]
    date_question = make_field_widget(next(f for f in questions if f.type == "date"))
    plate = make_field_widget(next(f for f in questions if f.id == "plate"))
    pad = DigitPad()
    for widget in (date_question, plate, pad):
        qtbot.addWidget(widget)
    assert isinstance(date_question, DateFieldWidget)
    assert date_question.isRightToLeft()  # the page is Arabic…
    for box in (date_question.day, date_question.month, date_question.year):
        assert box.isLeftToRight()  # …the three boxes read day, month, year from the left
    assert date_question.day.parentWidget().isLeftToRight()
    assert all(edit.isLeftToRight() for edit in plate.inputs())
    assert pad.isLeftToRight()
    assert date_question.label.text().startswith(RLM)


def test_an_answer_in_latin_script_stays_whole(arabic: QApplication) -> None:
    """« Gaëtan » or « 45 place du Marché » among Arabic: one left-to-right run, accents included
    (cut at « ë », it was drawn « tanëGa »)."""
    from kiosk.i18n_texts import LRI, PDI

    assert tr_core("Gaëtan") == f"{RLM}{LRI}Gaëtan{PDI}"
    assert tr_core("45 place du Marché") == f"{RLM}{LRI}45 place du Marché{PDI}"
