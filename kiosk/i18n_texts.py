"""The core's texts in the citizen's language, French as the fallback.

Procedure definitions, validator messages and the consent text are written in
French. Their translations are YAML files that map each French text, exactly
as written, to its translation:

- ``resources/procedures/<lang>/<code>.yaml`` beside each definition;
- ``resources/translations/consent.<lang>.yaml`` for the consent text;
- ``resources/translations/core.<lang>.yaml`` for validator messages and the
  other sentences the core builds.

Keyed by the French text (not by ids) so that rewording the French, which the
plain-language work keeps doing, makes the old translation *missing* — the
coverage test and ``kiosk translations missing`` then show it — instead of
leaving a translation of a sentence that no longer exists. A French text with
``{0}``, ``{1}``… placeholders translates every message built from it (« Ce nom
est trop long : 80 caractères au plus. »); what fills a placeholder is itself
translated when it is a known text or built from one, and kept left to right when it is a number,
a date or a plate.

No Qt here: the receipts and the command line use the same lookup as the screens.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from resources import resource_path

SOURCE_LANGUAGE = "fr"
TRANSLATED_LANGUAGES = ("en", "ar")
RIGHT_TO_LEFT = frozenset({"ar"})

LRI, PDI = "\u2066", "\u2069"  # isolate a left-to-right run (plate, number, date) inside Arabic
_PLACEHOLDER = re.compile(r"\{(\d+)\}")
_LATIN = "0-9A-Za-zÀ-ÖØ-öø-ÿœŒ"  # digits and Latin letters, accented ones included
_LEFT_TO_RIGHT_RUN = re.compile(
    r"(\u2066[^\u2069]*\u2069|\{\d+\})"  # already isolated, or a placeholder: kept as it is
    rf"|[{_LATIN}](?:[{_LATIN}/:.,+@ '’-]*[{_LATIN}])?")


@dataclass
class Translations:
    """Every translated text of one language: exact ones and ones with placeholders."""

    language: str
    exact: dict[str, str] = field(default_factory=dict)
    templates: list[tuple[re.Pattern[str], str]] = field(default_factory=list)

    def add(self, french: str, translated: str) -> None:
        self.exact[french] = translated
        if _PLACEHOLDER.search(french):
            self.templates.append((_template_pattern(french), translated))
            # the most specific first: « … : {0}, avec … {1}. » before « … : {0} »
            self.templates.sort(key=lambda entry: -len(entry[0].pattern.replace("(.+?)", "")))

    def find(self, text: str) -> str | None:
        """The translation of ``text``, or None when this language has none."""
        found = self.exact.get(text)
        if found is not None:
            return found
        asked = self.exact.get(f"{text} ?")  # a question shown without its mark (« Vous avez »)
        if asked is not None:
            return asked.rstrip(" ?؟")
        for pattern, translated in self.templates:
            match = pattern.fullmatch(text)
            if match:
                return self._fill(translated, [self._part(value) for value in match.groups()])
        return None

    @staticmethod
    def _fill(template: str, parts: list[str]) -> str:
        return _PLACEHOLDER.sub(lambda m: parts[int(m.group(1))], template)

    def _part(self, value: str) -> str:
        known = self.find(value)  # a known text, or one built from a template (a shorter text)
        if known is not None:
            return known
        if self.language in RIGHT_TO_LEFT:
            return left_to_right(value)
        return value


def _template_pattern(french: str) -> re.Pattern[str]:
    pieces = _PLACEHOLDER.split(french)
    regex = "".join(re.escape(piece) if i % 2 == 0 else "(.+?)" for i, piece in enumerate(pieces))
    return re.compile(regex, re.DOTALL)


def left_to_right(text: str) -> str:
    """``text`` with each run of Latin letters, digits and their separators isolated left to
    right, so « AB-123-CD », « 31/12/1950 » or « 06 12 34 56 78 » keep their official order
    inside an Arabic sentence."""
    return _LEFT_TO_RIGHT_RUN.sub(lambda m: m.group(1) or f"{LRI}{m.group(0)}{PDI}", text)


def translation_files(language: str, root: Path | None = None) -> list[Path]:
    """The files holding ``language``'s texts, procedures first."""
    base = root or resource_path()
    files = sorted((base / "procedures" / language).glob("*.yaml"))
    for name in ("consent", "core"):
        path = base / "translations" / f"{name}.{language}.yaml"
        if path.is_file():
            files.append(path)
    return files


def read_file(path: Path) -> dict[str, str]:
    """One translation file: French text → translation (empty translations are left out)."""
    import yaml  # noqa: PLC0415 - only for a language other than French, not at start-up

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, Mapping):
        raise ValueError(f"{path.name}: attendu une table « texte français: traduction »")
    return {str(k): str(v) for k, v in data.items() if v not in (None, "")}


@lru_cache(maxsize=8)
def translations(language: str, root: Path | None = None) -> Translations:
    """All of ``language``'s files, read once."""
    found = Translations(language)
    for path in translation_files(language, root):
        for french, translated in read_file(path).items():
            found.add(french, translated)
    return found


_shown = [SOURCE_LANGUAGE]


def set_shown_language(language: str) -> None:
    """The screens now speak ``language``: a receipt printed now gets its translation in it."""
    _shown[0] = language


def shown_language() -> str:
    return _shown[0]


def translate(text: str, language: str) -> str:
    """``text`` (French) in ``language``; French when the language has no translation of it."""
    if not text or language == SOURCE_LANGUAGE:
        return text
    found = translations(language).find(text)
    return text if found is None else found


def has_translation(text: str, language: str) -> bool:
    """A text with placeholders needs its own entry: a wider pattern (« {0} : {1} ») that
    happens to match it would translate its words as values."""
    if language == SOURCE_LANGUAGE:
        return True
    found = translations(language)
    return text in found.exact if _PLACEHOLDER.search(text) else found.find(text) is not None


def lines_in(texts: Iterable[str]) -> Iterator[str]:
    """Non-empty texts, once each, in order."""
    seen: set[str] = set()
    for text in texts:
        if text and text not in seen:
            seen.add(text)
            yield text
