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
)


def test_the_welcome_screen_imports_none_of_the_later_modules() -> None:
    code = ("import sys; import ui.app; import kiosk.launcher; "
            "print(' '.join(sorted(sys.modules)))")
    env = {**os.environ, "PYTHONPATH": str(CHECKOUT), "QT_QPA_PLATFORM": "offscreen"}
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                check=True, env=env).stdout.split())
    assert "ui.main_window" in loaded
    assert sorted(loaded & set(NOT_BEFORE_THE_WELCOME_SCREEN)) == []


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
