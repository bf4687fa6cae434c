"""The receipt in French (binding), then the same content in the citizen's language, marked
as a translation with no legal value; Arabic drawn right to left."""

from __future__ import annotations

import dataclasses

import pytest
from test_receipt_render import needs_poppler, png_pages, receipt, text_of

from kiosk.receipts import render_receipt
from kiosk.receipts.translated import numeric_dates, translated_blocks, visual_lines


def test_french_dates_in_words_become_numbers() -> None:
    assert numeric_dates("lundi 30 novembre 2026 à 11\u00a0h\u00a017") == "30/11/2026 11:17"
    assert numeric_dates("né le 1er mars 1950.") == "né le 01/03/1950."


def test_a_french_receipt_has_no_translation() -> None:
    assert translated_blocks(receipt(), "fr") == []


@pytest.mark.parametrize("fmt", ["a4", "thermal"])
def test_english_follows_the_french_and_says_it_has_no_legal_value(fmt: str) -> None:
    french = text_of(render_receipt(receipt(final=True), fmt).pdf)  # type: ignore[arg-type]
    both = text_of(render_receipt(dataclasses.replace(receipt(final=True), language="en"), fmt).pdf)  # type: ignore[arg-type]
    assert both.startswith(french.split(" Demande ")[0][:200])  # the French comes first, unchanged
    translation = both[both.index("Translation of the receipt"):]
    assert "This translation has no legal value. Only the French text above is binding." in translation
    assert "Cette traduction n'a aucune valeur juridique." in translation  # said in French too
    expected = ["Your reference", "PN-8001-K01-000123"]
    if fmt == "thermal":
        expected.append("What happens now?")
    else:  # the roll keeps the essentials, in French and in translation
        expected += ["Acknowledgement of receipt", "30/11/2026 11:17", "Paris time",
                     "Put the registration certificate of a used vehicle", "AB-123-CD",
                     "Documents given", "Follow your request"]
    for text in expected:
        assert text in translation, text
    assert "lundi" not in translation and "Votre" not in translation


def test_arabic_lines_are_shaped_and_in_visual_order() -> None:
    [line] = visual_lines("رقم الملف", lambda text: True)
    assert line == "ﻒﻠﻤﻟﺍ ﻢﻗﺭ"  # joined letter forms, drawn from the right
    lines = visual_lines("كلمة " * 30, lambda text: len(text) <= 40)
    assert len(lines) > 3 and all(len(line) <= 40 for line in lines)


@needs_poppler
@pytest.mark.parametrize("fmt", ["a4", "thermal"])
def test_arabic_receipt_renders(fmt: str) -> None:
    pdf = render_receipt(dataclasses.replace(receipt(), language="ar"), fmt).pdf  # type: ignore[arg-type]
    text = text_of(pdf)
    assert "Accusé d'enregistrement" in text and "Cette traduction n'a aucune valeur juridique." in text
    assert "PN-8001-K01-000123" in text.split("Cette traduction")[1]
    assert png_pages(pdf, f"recu-arabe-{fmt}", dpi=90)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_printed_checklist_follows_with_its_translation(language: str) -> None:
    from datetime import date

    from kiosk.checklist import checklist_for
    from kiosk.i18n_texts import set_shown_language
    from kiosk.procedures import load_catalogue
    from kiosk.receipts.checklist_pdf import render_checklist

    checklist = checklist_for(load_catalogue().get("permis-renouvellement"),
                              {"motif": "perte", "groupe_lourd": "non", "nationalite": "francaise"},
                              date(2026, 12, 1))
    french = text_of(render_checklist(checklist, "a4")[0])
    set_shown_language(language)
    try:
        pdf = render_checklist(checklist, "a4")[0]
    finally:
        set_shown_language("fr")
    both = text_of(pdf)
    assert both.startswith(french.strip()[:300]) and len(both) > len(french) * 1.5
    if language == "en":
        translation = both[both.index("Translation of the list"):]
        for text in ("What you need", "To have with you", "If you do not have it:",
                     "Come back with this list", "e-photo"):
            assert text in translation, text
        assert "Si vous ne l'avez pas" not in translation
    else:
        assert png_pages(pdf, "liste-arabe", dpi=90)
