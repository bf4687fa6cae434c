"""Translation pipeline: French sources, an English catalogue built by lrelease, live switch."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from resources import resource_path
from ui.i18n import available_languages, install_translator, tr_core, translation_file
from ui.keyboard import TextKeyboard

TS_FILE = resource_path("translations", "kiosk_en.ts")


def qt_tool(name: str) -> str:
    """The pyside6-<name> wrapper next to this Python, else the binary in the package."""
    wrapper = Path(sys.executable).parent / f"pyside6-{name}"
    if wrapper.exists():
        return str(wrapper)
    import PySide6

    return str(Path(PySide6.__file__).parent / name)


@pytest.fixture
def back_to_french(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    install_translator(qapp, "fr")


def test_english_catalogue_translates_the_keyboard(back_to_french: QApplication) -> None:
    app = back_to_french
    assert os.path.exists(translation_file("en"))
    assert install_translator(app, "en")
    assert QCoreApplication.translate("Keyboard", "Effacer") == "Delete"
    assert QCoreApplication.translate("Keyboard", "Touche {key}").format(key="A") == "Key A"
    assert install_translator(app, "fr")
    assert QCoreApplication.translate("Keyboard", "Effacer") == "Effacer"


def test_open_keyboard_relabels_when_the_language_changes(back_to_french: QApplication, qtbot: QtBot) -> None:
    keyboard = TextKeyboard()
    qtbot.addWidget(keyboard)
    assert keyboard.action_button("backspace").accessibleName() == "Effacer"
    install_translator(back_to_french, "en_GB")
    QApplication.processEvents()
    assert keyboard.action_button("backspace").accessibleName() == "Delete"
    assert keyboard.key_button("'").accessibleName() == "Key apostrophe"
    install_translator(back_to_french, "fr")
    QApplication.processEvents()
    assert keyboard.action_button("space").text() == "Espace"


def test_unknown_language_keeps_french(back_to_french: QApplication) -> None:
    assert not install_translator(back_to_french, "xx")
    assert QCoreApplication.translate("Keyboard", "Effacer") == "Effacer"
    assert {"en", "fr"} <= set(available_languages())


def test_every_keyboard_string_has_an_english_translation() -> None:
    text = TS_FILE.read_text(encoding="utf-8")
    block = re.search(r"<name>Keyboard</name>(.*?)</context>", text, re.S)
    assert block is not None
    messages = re.findall(r"<message>.*?</message>", block.group(1), re.S)
    assert len(messages) >= 20
    unfinished = [m for m in messages if 'type="unfinished"' in m or "<translation></translation>" in m]
    assert not unfinished, unfinished


def test_shipped_catalogue_is_compiled_from_the_ts_file(tmp_path: Path) -> None:
    fresh = tmp_path / "kiosk_en.qm"
    subprocess.run([qt_tool("lrelease"), str(TS_FILE), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == Path(translation_file("en")).read_bytes(), (
        "resources/translations/kiosk_en.qm is stale: run scripts/update_translations.sh"
    )


def test_lupdate_finds_the_keyboard_strings(tmp_path: Path) -> None:
    ts = tmp_path / "extract.ts"
    keyboard_py = Path(__file__).resolve().parent.parent / "ui" / "keyboard.py"
    subprocess.run([qt_tool("lupdate"), str(keyboard_py), "-ts", str(ts)], check=True, capture_output=True)
    extracted = ts.read_text(encoding="utf-8")
    for source in ("Maj, majuscule", "Verr. Maj, verrouiller les majuscules", "trait d&apos;union",
                   "Touche {key}"):
        assert f"<source>{source}</source>" in extracted


def test_tr_core_translates_core_texts_when_a_catalogue_has_them(
    back_to_french: QApplication, tmp_path: Path
) -> None:
    message = "Le code postal doit avoir 5 chiffres."
    assert tr_core(message) == message  # no catalogue: the French text as it came
    ts = tmp_path / "core.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="en">'
        f"<context><name>core</name><message><source>{message}</source>"
        "<translation>The postcode must have 5 digits.</translation></message></context></TS>",
        encoding="utf-8",
    )
    qm = tmp_path / "core.qm"
    subprocess.run([qt_tool("lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    back_to_french.installTranslator(translator)
    try:
        assert tr_core(message) == "The postcode must have 5 digits."
    finally:
        back_to_french.removeTranslator(translator)


def test_every_ui_string_has_an_english_translation_with_its_placeholders() -> None:
    """The sample language covers the whole UI, and keeps every %s, %1, %n, {n} of the source."""
    import xml.etree.ElementTree as ET

    placeholder = re.compile(r"%[sdn1-9]|\{\w+\}")
    root = ET.parse(TS_FILE).getroot()
    problems = []
    count = 0
    for context in root.iter("context"):
        for message in context.iter("message"):
            count += 1
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            texts = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
            for text in texts:
                if (translation.get("type") or not text.strip()
                        or sorted(placeholder.findall(text)) != sorted(placeholder.findall(source))):
                    problems.append((context.findtext("name"), source, text))
    assert count >= 200
    assert not problems, problems


def test_screens_speak_english_with_the_english_catalogue(back_to_french: QApplication, qtbot: QtBot) -> None:
    from ui.screens.steps import StepsScreen
    from ui.screens.welcome import WelcomeScreen

    assert install_translator(back_to_french, "en")
    welcome = WelcomeScreen("Préfecture")
    steps = StepsScreen()
    qtbot.addWidget(welcome)
    qtbot.addWidget(steps)
    assert welcome.title.text() == "Welcome to the digital point"
    assert welcome.alone_button.text() == "On my own"
    assert steps.next_button.text() == "Continue"
    assert QCoreApplication.translate("SyncStatus", "En ligne") == "Online"
