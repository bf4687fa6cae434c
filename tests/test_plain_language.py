"""Every French text a citizen reads is plain: sentences of 15 words at most, no code or
acronym left unexplained (FALC)."""

from __future__ import annotations

from kiosk.plain_language import MAX_WORDS, check, problems, sentences, word_count
from kiosk.qt_catalogues import citizen_sources
from kiosk.translatable import translatable_texts


def test_every_text_shown_to_a_citizen_is_plain() -> None:
    """The receipt's French is left out: it is the binding text (kiosk/receipts/wording.py),
    reworded with its owners; ``kiosk.plain_language.check`` lists what it would flag there."""
    texts = {source: found for source, found in translatable_texts().items() if source != "receipt"}
    sources = {**texts, "ui": citizen_sources()}
    assert sum(len(texts) for texts in sources.values()) > 600
    findings = check(sources)
    assert not findings, "\n".join(map(str, findings))


def test_a_long_sentence_is_flagged_and_short_ones_pass() -> None:
    long = ("Si votre plaque ressemble à AB-123-CD, vous recevrez par courrier une étiquette "
            "à coller sur la carte grise (pour les trois premiers changements).")
    assert word_count(long) > MAX_WORDS
    assert [p for p in problems(long) if "phrase de 23 mots" in p]
    split = "Votre plaque ressemble à AB-123-CD ? Vous recevrez une étiquette par courrier."
    assert sentences(split) == ["Votre plaque ressemble à AB-123-CD ?",
                                "Vous recevrez une étiquette par courrier."]
    assert not list(problems(split))


def test_jargon_needs_its_plain_words() -> None:
    assert list(problems("Remplissez le cerfa 13750.")) == ["« cerfa » sans explication"]
    assert not list(problems("Demande de carte grise (formulaire cerfa 13750)"))
    assert list(problems("Le dossier part à l'ANTS.")) == ["« ANTS » sans explication"]
    assert not list(problems("Le dossier part à l'ANTS (l'agence des titres)."))
    assert list(problems("Payez la taxe Y.4 avant.")) == ["« Y.1 … Y.6 » sans explication"]
    assert not list(problems("Taxe fixe (Y.4)"))
    assert list(problems("Votre plaque est au format SIV.")) == ["« SIV » sans explication"]
