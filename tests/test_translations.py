"""Every text a citizen may read exists in English and Arabic (procedures, consent,
validator and session messages, the screens' catalogue), with its placeholders."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.i18n_texts import LRI, PDI, TRANSLATED_LANGUAGES, read_file, translate, translation_files
from kiosk.qt_catalogues import catalogue_path, read_ts
from kiosk.translation_coverage import core_coverage, screen_coverage
from kiosk.validators import ValidationError, check
from resources import resource_path

PLACEHOLDER = re.compile(r"\{\d+\}")
QT_PLACEHOLDER = re.compile(r"%[sdn1-9]|\{\w+\}")


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_core_text_is_translated(language: str) -> None:
    coverage = core_coverage(language)
    print(f"{language}: core texts {coverage.percent:.1f} % of {coverage.total}")
    assert coverage.total > 400
    assert not coverage.missing, [f"{m.file}: {m.text}" for m in coverage.missing]


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_screen_string_is_translated(language: str) -> None:
    """Strings extracted afresh from ui/ by lupdate: one added to a screen since the catalogue
    was last updated counts as missing."""
    coverage = screen_coverage(language, fresh=True)
    print(f"{language}: screen strings {coverage.percent:.1f} % of {coverage.total}")
    assert coverage.total > 250
    assert not coverage.missing, [f"{m.source}: {m.text}" for m in coverage.missing]


def test_a_reworded_french_text_counts_as_missing(tmp_path: Path) -> None:
    procedures = tmp_path / "procedures"
    shutil.copytree(resource_path("procedures"), procedures)
    definition = procedures / "cg-changement-adresse.yaml"
    text = definition.read_text(encoding="utf-8")
    definition.write_text(text.replace("title: Votre véhicule", "title: Votre voiture"), encoding="utf-8")
    [missing] = core_coverage("ar", procedures).missing
    assert (missing.text, missing.file) == ("Votre voiture", "procedures/ar/cg-changement-adresse.yaml")


def test_translations_keep_their_placeholders() -> None:
    problems = []
    for language in TRANSLATED_LANGUAGES:
        for path in translation_files(language):
            for french, translated in read_file(path).items():
                if sorted(PLACEHOLDER.findall(french)) != sorted(PLACEHOLDER.findall(translated)):
                    problems.append((path.name, french, translated))
        for message in read_ts(catalogue_path(language)):
            for translated in message.translations:
                if sorted(QT_PLACEHOLDER.findall(message.source)) != sorted(
                        QT_PLACEHOLDER.findall(translated)):
                    problems.append((language, message.source, translated))
    assert not problems, problems


def test_a_message_with_values_is_translated_with_them() -> None:
    with pytest.raises(ValidationError) as refused:
        check("postal_code", "7500")
    french = refused.value.message
    assert translate(french, "fr") == french
    assert translate(french, "en") == "The postcode has 5 digits; you typed 4."
    arabic = translate(french, "ar")
    assert arabic.startswith("الرمز البريدي")  # « Le code postal » translated inside the sentence
    assert f"{LRI}5{PDI}" in arabic and f"{LRI}4{PDI}" in arabic  # numbers kept left to right


def test_an_unknown_text_stays_french() -> None:
    assert translate("Une phrase que personne n'a traduite.", "ar") == "Une phrase que personne n'a traduite."


def test_the_command_says_the_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["translations", "missing", "--lang", "ar"]) == 0
    assert capsys.readouterr().out == ""


def test_a_placeholder_is_not_isolated_like_a_number() -> None:
    """« {0} » in an Arabic template stays a placeholder: isolating its digit broke the
    spoken idle warning (``str.format`` then asked for a key « ⁦0⁩ »)."""
    from kiosk.i18n_texts import LRI, PDI, left_to_right

    template = left_to_right("سيُمحى طلبك بعد {0} ثانية، AB-123-CD")
    assert template.format(90) == f"سيُمحى طلبك بعد 90 ثانية، {LRI}AB-123-CD{PDI}"


def test_a_specific_template_wins_over_a_wider_one() -> None:
    """« Pour : {0} » before « {0} : {1} »: the words stay words, not a value kept in French."""
    assert translate("Pour : Redevance d'acheminement", "en") == "For: Redevance d'acheminement"
    assert translate("Taxe fixe (Y.4) : 11 €", "en") == "Fixed tax (Y.4): 11 €"
