"""Find a procedure from the words people use: « j'ai déménagé », « perdu mon permis ».

A citizen rarely knows the procedure's name; they say what happened. The
search folds case and accents, ignores small words, maps spoken forms and
common misspellings to the words of the definitions (``resources/search_words.yaml``),
cuts French endings (« déménagé », « déménagement » → « demenag »), forgives
one typo in a word (two in a long one), and scores each procedure on its
``keywords`` (most), its title, then its summary. A word that many procedures
share (« carte ») counts less than a rare one (« e85 »); a keyword phrase
whose words are all typed counts extra. Pure Python, no Qt: the picker shows
what ``find`` returns.
"""

from __future__ import annotations

import functools
import logging
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.procedures import Procedure
from resources import resource_path

log = logging.getLogger(__name__)

KEYWORD_WEIGHT = 3.0
TITLE_WEIGHT = 2.0
SUMMARY_WEIGHT = 1.0
TYPO_FACTOR = 0.8
"""A word matched through a typo counts a little less than one typed right."""
PHRASE_BONUS = 1.5
RELATIVE_CUT = 0.35
"""``find`` keeps what scores at least this share of the best match."""
REPEAT_BONUS = 0.25
"""Added to a keyword word's weight for each further keyword of the procedure holding it."""
MIN_SCORE = 1.5
"""Below this, a procedure matched only on a weak, common word: not shown."""

# French endings cut from a word, longest first; what is left keeps at least 3 letters.
_ENDINGS = ("ement", "ation", "ee", "er", "e")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Words:
    """The search's vocabulary data: words to ignore, and spoken forms to map."""

    ignored: frozenset[str] = frozenset()
    same_as: Mapping[str, str] = field(default_factory=dict)


def load_words(path: Path | None = None) -> Words:
    """The words file; without it the search still works, only less forgiving."""
    import yaml  # noqa: PLC0415 - at the first search, not when the list of procedures is built

    from kiosk.definition_yaml import YAML_LOADER  # noqa: PLC0415 - libyaml's safe parser

    path = path or resource_path("search_words.yaml")
    try:
        data: Any = yaml.load(path.read_text("utf-8"), Loader=YAML_LOADER)  # noqa: S506 - a safe loader
        ignored = frozenset(fold(str(word)) for word in data.get("ignored", ()))
        same_as = {fold(str(key)): fold(str(value)) for key, value in dict(data.get("same_as", {})).items()}
    except (OSError, UnicodeDecodeError, yaml.YAMLError, AttributeError, TypeError, ValueError) as exc:
        log.error("search words file %s unusable (%s): searching without it", path.name, type(exc).__name__)
        return Words()
    return Words(ignored, same_as)


def fold(text: str) -> str:
    """Lower case, no accents, ligatures spelt out, anything but letters and digits a space."""
    text = text.lower().replace("œ", "oe").replace("æ", "ae")
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return _NOT_WORD.sub(" ", text).strip()


@functools.lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """The plural's ``s`` or ``x`` off first, then one ending: « papiers » and « papier » meet."""
    if len(word) > 4 and word[-1] in "sx":
        word = word[:-1]
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def terms(text: str, words: Words) -> list[tuple[str, str]]:
    """The meaningful words of ``text`` (spoken forms mapped) with their stems, in order, each once."""
    found: list[tuple[str, str]] = []
    for word in fold(text).split():
        mapped = words.same_as.get(word, word)
        if word in words.ignored or mapped in words.ignored:
            continue
        term = (mapped, stem(mapped))
        if term not in found:
            found.append(term)
    return found


def stems(text: str, words: Words) -> list[str]:
    """The meaningful stems of ``text``, in order, each once."""
    found: list[str] = []
    for _word, word_stem in terms(text, words):
        if word_stem not in found:
            found.append(word_stem)
    return found


def distance_at_most(a: str, b: str, limit: int) -> int | None:
    """Edit distance (insert, delete, replace, swap two neighbours) if it is ``limit`` or less."""
    if abs(len(a) - len(b)) > limit:
        return None
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return None
        previous2, previous = previous, current
    return previous[-1] if previous[-1] <= limit else None


def _typo_limit(word: str) -> int:
    return 0 if len(word) < 4 else 1 if len(word) < 8 else 2


@dataclass(frozen=True)
class _Entry:
    """A procedure as the search weighs it: its words' weights and its phrases."""

    procedure: Procedure
    weights: dict[str, float]
    phrases: tuple[frozenset[str], ...]


class CatalogueSearch:
    """Built once per catalogue; ``find`` is then cheap enough to run at each key press."""

    def __init__(self, procedures: Iterable[Procedure], words: Words | None = None) -> None:
        self.words = words if words is not None else _default_words()
        self._entries: list[_Entry] = [self._entry(p) for p in procedures]
        counts: dict[str, int] = {}
        for entry in self._entries:
            for word in entry.weights:
                counts[word] = counts.get(word, 0) + 1
        total = max(len(self._entries), 1)
        self._rarity = {word: 1.0 + math.log(total / count) for word, count in counts.items()}
        # Whole words (not stems) a typo is measured against: « demenagment » is far from the
        # stem « demenag » but one letter from the word « demenagement ».
        self._spelled: dict[str, str] = {}
        for spelled in (*self.words.same_as, *self._words_of(procedures_text(self._entries))):
            known = stem(self.words.same_as.get(spelled, spelled))
            if known in self._rarity:
                self._spelled[spelled] = known

    def _words_of(self, texts: Iterable[str]) -> Iterator[str]:
        for text in texts:
            yield from (word for word, _stem in terms(text, self.words))

    def _entry(self, procedure: Procedure) -> _Entry:
        weights: dict[str, float] = {}
        sources = [(SUMMARY_WEIGHT, line) for line in procedure.summary]
        sources.append((TITLE_WEIGHT, procedure.title))
        for weight, text in sources:
            for word in stems(text, self.words):
                weights[word] = max(weights.get(word, 0.0), weight)
        # A word found in several keywords of one procedure is its theme, not a passing mention.
        keyword_stems = [stems(keyword, self.words) for keyword in procedure.keywords]
        in_keywords: dict[str, int] = {}
        for words_of_keyword in keyword_stems:
            for word in words_of_keyword:
                in_keywords[word] = in_keywords.get(word, 0) + 1
        for word, count in in_keywords.items():
            weights[word] = KEYWORD_WEIGHT * min(1.0 + REPEAT_BONUS * (count - 1), 2.0)
        phrases = tuple(frozenset(s) for s in keyword_stems if len(s) > 1)
        return _Entry(procedure, weights, phrases)

    def _known(self, word: str, word_stem: str) -> list[tuple[str, float]]:
        """The indexed stems a typed word stands for: its own, or the nearest words' through a typo."""
        if word_stem in self._rarity:
            return [(word_stem, 1.0)]
        limit = _typo_limit(word)
        if not limit:
            return []
        near = [(known, d) for spelled, known in self._spelled.items()
                if (d := distance_at_most(word, spelled, limit)) is not None]
        if not near:
            return []
        best = min(d for _known, d in near)
        return sorted({(known, TYPO_FACTOR) for known, d in near if d == best})

    def scores(self, query: str) -> list[tuple[Procedure, float]]:
        """Every procedure the query matches well enough, best first (ties by title)."""
        typed = [self._known(word, word_stem) for word, word_stem in terms(query, self.words)]
        present = {known for options in typed for known, _factor in options}
        ranked: list[tuple[Procedure, float]] = []
        for entry in self._entries:
            score = 0.0
            for options in typed:
                score += max((factor * entry.weights.get(known, 0.0) * self._rarity[known]
                              for known, factor in options), default=0.0)
            for phrase in entry.phrases:
                if phrase <= present:
                    score += PHRASE_BONUS * sum(self._rarity.get(word, 1.0) for word in phrase)
            if score >= MIN_SCORE:
                ranked.append((entry.procedure, score))
        ranked.sort(key=lambda item: (-item[1], item[0].title))
        return ranked

    def find(self, query: str, limit: int = 4) -> list[Procedure]:
        """The few procedures to show for what was typed; none for an empty or unknown query.

        Those far behind the best are left out: a long list would hide the right one.
        """
        ranked = self.scores(query)[:limit]
        best = ranked[0][1] if ranked else 0.0
        return [procedure for procedure, score in ranked if score >= RELATIVE_CUT * best]


def procedures_text(entries: Iterable[_Entry]) -> Iterator[str]:
    for entry in entries:
        yield entry.procedure.title
        yield from entry.procedure.summary
        yield from entry.procedure.keywords


@functools.cache
def _default_words() -> Words:
    return load_words()
