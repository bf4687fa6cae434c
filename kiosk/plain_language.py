"""Plain French for citizens: long sentences and unexplained jargon, found before they ship.

The FALC way (« facile à lire et à comprendre ») asks for short sentences, one
idea each, and no word the reader must already know. This check runs over
every French text a citizen reads (procedures, consent, validator messages,
the screens' catalogue) and reports:

- a sentence of more than ``MAX_WORDS`` words;
- an administrative code or acronym (« Y.4 », « cerfa », « SIV »…) that the same
  text does not explain. A term is explained when it comes in brackets after
  the plain words — « la taxe régionale (Y.1) » — or is followed by its
  explanation in brackets — « l'ANTS (l'agence des titres) ».
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

MAX_WORDS = 15

JARGON: Mapping[str, str] = {
    "Y.1 … Y.6": r"\bY\.?\s?[1-6]\b",
    "cerfa": r"\bcerfa\b",
    "SIV": r"\bSIV\b",
    "FNI": r"\bFNI\b",
    "ANTS": r"\bANTS\b",
    "NEPH": r"\bNEPH\b",
    "INSEE": r"\bINSEE\b",
    "VIN": r"\bVIN\b",
    "DGFiP": r"\bDGFI?P\b",
    "CNIL": r"\bCNIL\b",
    "RGPD": r"\bRGPD\b",
    "CERFA": r"\bCERFA\b",
    "ETG": r"\bETG\b",
    "CPI": r"\bCPI\b",
}
_JARGON = {name: re.compile(pattern, re.IGNORECASE if name == "cerfa" else 0)
           for name, pattern in JARGON.items()}

# A sentence ends at . ! ? … followed by a space or the end; « 1.5 », « e.g. » inside
# a word do not end it. Line breaks and bullets end a sentence too.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+|\s•\s")
_WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿœŒ]")
_IN_BRACKETS = re.compile(r"\([^()]*\)")


@dataclass(frozen=True)
class Finding:
    """One problem in one text: where it comes from, the text, what is wrong."""

    source: str
    text: str
    problem: str

    def __str__(self) -> str:
        return f"{self.source}: {self.problem} — « {self.text} »"


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def word_count(sentence: str) -> int:
    """Words a reader reads: tokens with a letter or a digit (« : », « — » are not words)."""
    return sum(1 for token in sentence.split() if _WORD.search(token))


def _explained(term: re.Pattern[str], text: str) -> bool:
    """True when every use of ``term`` is in brackets, or the first one is followed by brackets."""
    outside = _IN_BRACKETS.sub("", text)
    if not term.search(outside):
        return True
    first = term.search(text)
    return bool(first and re.match(r"\s*\(", text[first.end():]))


def problems(text: str) -> Iterator[str]:
    """What is wrong with one text, in words a writer can act on."""
    for sentence in sentences(text):
        words = word_count(sentence)
        if words > MAX_WORDS:
            yield f"phrase de {words} mots (au plus {MAX_WORDS}) : « {sentence} »"
    for name, term in _JARGON.items():
        if not _explained(term, text):
            yield f"« {name} » sans explication"


def check(sources: Mapping[str, Iterable[str]]) -> list[Finding]:
    """Every problem of every text, source by source."""
    return [
        Finding(source, text, problem)
        for source, texts in sources.items()
        for text in texts
        for problem in problems(text)
    ]
