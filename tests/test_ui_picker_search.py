"""The catalogue screen: subjects, and a search typed on the kiosk's own keyboard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kiosk.procedures import load_catalogue
from ui.keyboard import KeyboardDock
from ui.screens.picker import PickerScreen

CATALOGUE = load_catalogue()


def build(qtbot) -> tuple[PickerScreen, KeyboardDock]:  # type: ignore[no-untyped-def]
    dock = KeyboardDock()
    picker = PickerScreen(CATALOGUE, dock.attach)
    qtbot.addWidget(picker)
    qtbot.addWidget(dock)
    picker.resize(1280, 700)
    picker.show()
    dock.show()
    return picker, dock


def type_on_screen(qtbot, dock: KeyboardDock, text: str) -> None:  # type: ignore[no-untyped-def]
    keys = {b.text(): b for b in dock.text_keyboard.findChildren(QPushButton)}
    for char in text:
        qtbot.mouseClick(keys[char], Qt.MouseButton.LeftButton)


def test_the_search_is_typed_on_the_on_screen_keyboard_and_finds_the_procedure(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    picker, dock = build(qtbot)
    assert dock.mode_of(picker.search_edit) == "text"
    picker.search_edit.setFocus()
    qtbot.waitUntil(lambda: dock.current_field() is picker.search_edit, timeout=3000)
    type_on_screen(qtbot, dock, "déménagé")
    assert picker.search_edit.text() == "déménagé"
    assert list(picker.procedure_tiles) == ["cg-changement-adresse"]
    assert not picker.subjects.isVisible()
    with qtbot.waitSignal(picker.picked) as picked:
        qtbot.mouseClick(picker.procedure_tiles["cg-changement-adresse"], Qt.MouseButton.LeftButton)
    assert picked.args == ["cg-changement-adresse"]
    picker.grab().save(str(tmp_path / "search.png"))


def test_unknown_words_say_so_and_offer_the_subjects(qtbot) -> None:  # type: ignore[no-untyped-def]
    picker, _dock = build(qtbot)
    picker.search("zzzz")
    assert picker.procedure_tiles == {}
    assert "Aucune démarche" in picker.hint.text()
    assert picker.subjects.isVisible()
    picker.search("")
    assert not picker.hint.isVisible() and picker.subjects.isVisible()


def test_a_subject_shows_its_procedures_and_all_subjects_come_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    picker, _dock = build(qtbot)
    assert len(picker.theme_buttons) == 4
    for button in picker.theme_buttons.values():
        assert button.text().split("\n")[0] in button.accessibleName()
    qtbot.mouseClick(picker.theme_buttons["perte_vol_erreur"], Qt.MouseButton.LeftButton)
    assert set(picker.procedure_tiles) == {"cg-duplicata", "cg-correction-erreur", "permis-renouvellement"}
    qtbot.mouseClick(picker.all_subjects_button, Qt.MouseButton.LeftButton)
    assert picker.procedure_tiles == {} and picker.subjects.isVisible()
    assert picker.search_edit.accessibleName() == "Chercher avec vos mots"


def test_wipe_forgets_the_words_typed(qtbot) -> None:  # type: ignore[no-untyped-def]
    picker, _dock = build(qtbot)
    picker.search_edit.setText("j'ai perdu mon permis")
    picker.search(picker.search_edit.text())
    assert picker.procedure_tiles
    picker.wipe()
    assert picker.search_edit.text() == "" and picker.procedure_tiles == {}
