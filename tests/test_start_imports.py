"""What the welcome screen waits for: only the modules it shows, and the rest of the start
once the page a waiting tap opened is painted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QElapsedTimer
from PySide6.QtWidgets import QLabel

from kiosk import launcher

CHECKOUT = Path(__file__).resolve().parent.parent

# Loaded at the first use of what they serve, never before the welcome screen's first paint.
NOT_BEFORE_THE_WELCOME_SCREEN = (
    "kiosk.session", "kiosk.questions", "kiosk.correction", "kiosk.compact", "kiosk.checklist",
    "kiosk.payment", "kiosk.procedure_checks", "kiosk.schema_check", "jsonschema",
    "offline_queue.outbox", "sqlite_utils", "requests", "reportlab", "ui.screens.picker",
    "kiosk.procedures", "kiosk.representative", "offline_queue.models", "offline_queue.submission",
    "kiosk.audit", "kiosk.mediators", "kiosk.visits", "yaml", "sqlite3", "zoneinfo",
    # a kiosk whose settings name its folders and come from no file needs neither
    "tomllib", "platformdirs", "importlib.resources",
)

# Not needed to answer the first tap when the catalogue comes from its cache: YAML (the procedure
# files, the subjects and the search's words are read only on a miss or at the first search),
# the voice's engine and words (loaded when the voice first speaks), and the visit's record and
# journal (opened once the tap is answered, ``kiosk.held_moves``).
NOT_BEFORE_THE_FIRST_TAP = ("yaml", "kiosk.definition_yaml", "kiosk.voice_engine", "kiosk.speech",
                            "kiosk.representative", "offline_queue.outbox", "requests",
                            "kiosk.visits", "kiosk.audit", "sqlite3", "json")

# Not needed either when the list's subjects were kept at the last start: the catalogue (its
# modules, its cache's key and the cache) is read just after the first tap is answered.
CATALOGUE_MODULES = ("kiosk.procedures", "kiosk.catalogue_cache", "kiosk.catalogue_search",
                     "kiosk.catalogue_themes", "kiosk.inference", "hashlib", "pickle")


def test_the_welcome_screen_imports_none_of_the_later_modules() -> None:
    code = ("import sys; import ui.app; import kiosk.launcher; "
            "print(' '.join(sorted(sys.modules)))")
    env = {**os.environ, "PYTHONPATH": str(CHECKOUT), "QT_QPA_PLATFORM": "offscreen"}
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                check=True, env=env).stdout.split())
    assert "ui.main_window" in loaded
    assert sorted(loaded & set(NOT_BEFORE_THE_WELCOME_SCREEN)) == []


def test_the_first_tap_reads_the_kept_subjects_and_the_catalogue_comes_from_its_cache(
        tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(CHECKOUT), "QT_QPA_PLATFORM": "offscreen"}
    start = ("import sys; from contextlib import ExitStack; from pathlib import Path; "
             "import ui.app; from kiosk import launcher; from kiosk.config import KioskConfig; "
             f"config = KioskConfig(data_dir=Path({str(tmp_path)!r})); "
             "read = launcher._first_read(config, False, ExitStack()); ")
    first = subprocess.run([sys.executable, "-c", start + "print(read.subjects, read.cached.hit); "
                                                          "read.cached.save()"],
                           capture_output=True, text=True, check=True, env=env)
    assert first.stdout.split() == ["None", "False"]  # nothing kept yet: the files were read
    again = subprocess.run(
        [sys.executable, "-c", start + "print(len(read.subjects), read.cached); "
                                       "print(' '.join(sorted(sys.modules)))"],
        capture_output=True, text=True, check=True, env=env)
    subjects, cached, *loaded = again.stdout.split()
    assert (int(subjects) >= 4, cached) == (True, "None")  # the catalogue is read just after
    assert "ui.screens.picker" in loaded and "ui.voice_mode" in loaded
    assert sorted(set(loaded) & {*NOT_BEFORE_THE_FIRST_TAP, *CATALOGUE_MODULES}) == []
    then = subprocess.run(
        [sys.executable, "-c", start + "cached = launcher._load_catalogue(config); "
                                       "print(cached.hit, len(cached.catalogue.themes)); "
                                       "print(' '.join(sorted(sys.modules)))"],
        capture_output=True, text=True, check=True, env=env)
    hit, themes, *loaded = then.stdout.split()
    assert (hit, int(themes) >= 4) == ("True", True)  # the subjects come with the catalogue
    assert sorted(set(loaded) & set(NOT_BEFORE_THE_FIRST_TAP)) == []


def test_after_paint_waits_for_the_paint(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel("Choisissez votre démarche")
    qtbot.addWidget(label)
    calls: list[str] = []
    launcher._after_paint(label, lambda: calls.append("painted"))
    qtbot.wait(100)
    assert calls == []  # not shown: nothing painted, nothing called
    label.show()
    qtbot.waitUntil(lambda: calls == ["painted"], timeout=5_000)
    label.update()
    qtbot.wait(50)
    assert calls == ["painted"]  # once


def test_after_paint_goes_on_when_nothing_paints(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel("Bienvenue")
    qtbot.addWidget(label)
    calls: list[int] = []
    clock = QElapsedTimer()
    clock.start()
    launcher._after_paint(label, lambda: calls.append(clock.elapsed()), at_most_ms=80)
    qtbot.waitUntil(lambda: bool(calls), timeout=5_000)
    assert calls[0] >= 80
    label.show()
    qtbot.wait(50)
    assert len(calls) == 1
