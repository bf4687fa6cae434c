"""How much of what a citizen may read exists in each language, and what is missing where.

Two halves, counted the same way: the core's texts (procedures, consent,
validator messages; see ``kiosk.translatable``) against the YAML translation
files, and the screens' strings against the Qt catalogue ``kiosk_<lang>.ts``.
The screens' strings are taken from the code itself when ``pyside6-lupdate`` is
at hand (run on a copy of the catalogue, so a string added to a screen since the
last update counts as missing); otherwise from the catalogue as it stands.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kiosk.i18n_texts import has_translation
from kiosk.qt_catalogues import Message, catalogue_path, read_ts
from kiosk.translatable import translatable_texts
from resources import resource_path


@dataclass(frozen=True)
class Missing:
    """One text with no translation: where it comes from, where its translation goes."""

    source: str
    text: str
    file: str


@dataclass(frozen=True)
class Coverage:
    language: str
    total: int
    missing: tuple[Missing, ...]

    @property
    def percent(self) -> float:
        return 100.0 if self.total == 0 else 100.0 * (self.total - len(self.missing)) / self.total


def translation_file_for(source: str, language: str) -> str:
    """Where the translation of a core source's texts belongs, relative to ``resources/``."""
    if source.startswith("procedures/"):
        return f"procedures/{language}/{source.removeprefix('procedures/')}.yaml"
    if source == "consent":
        return f"translations/consent.{language}.yaml"
    return f"translations/core.{language}.yaml"


def core_coverage(language: str, procedures_dir: Path | None = None) -> Coverage:
    total = 0
    missing = []
    for source, texts in translatable_texts(procedures_dir).items():
        total += len(texts)
        file = translation_file_for(source, language)
        missing += [Missing(source, t, file) for t in texts if not has_translation(t, language)]
    return Coverage(language, total, tuple(missing))


def lupdate_tool() -> str | None:
    """``pyside6-lupdate`` beside this Python, else the binary inside the PySide6 package."""
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    if beside.is_file():
        return str(beside)
    spec = importlib.util.find_spec("PySide6")  # located, not imported: the core stays Qt-free
    for folder in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(folder) / "lupdate"
        if candidate.is_file():
            return str(candidate)
    return shutil.which("pyside6-lupdate")


def screen_messages(language: str, fresh: bool = True) -> list[Message]:
    """The screens' messages for ``language``; with ``fresh``, re-extracted from ``ui/``."""
    committed = catalogue_path(language)
    tool = lupdate_tool() if fresh else None
    ui_folder = resource_path().parent / "ui"
    if tool is None or not ui_folder.is_dir():
        return read_ts(committed) if committed.is_file() else []
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / committed.name
        if committed.is_file():
            shutil.copyfile(committed, copy)
        sources = sorted(str(p) for p in ui_folder.rglob("*.py"))
        subprocess.run([tool, "-no-obsolete", "-target-language", language, *sources, "-ts", str(copy)],
                       check=True, capture_output=True)
        return read_ts(copy)


def screen_coverage(language: str, fresh: bool = True) -> Coverage:
    messages = screen_messages(language, fresh)
    file = f"translations/kiosk_{language}.ts"
    missing = tuple(Missing(f"ui/{m.context}", m.source, file) for m in messages if not m.finished)
    return Coverage(language, len(messages), missing)
