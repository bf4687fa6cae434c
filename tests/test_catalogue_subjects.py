"""The list's subjects kept beside the catalogue's cache: shown at the first tap, the catalogue
read just after, nothing asked meanwhile lost, and never a list for other procedure files."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.catalogue_subjects import SUBJECTS_FILE, keep_subjects, read_subjects, subjects_of
from kiosk.procedures import Catalogue, load_catalogue
from ui.screens.picker import PickerScreen


def test_the_subjects_kept_are_read_back_in_the_list_s_order(tmp_path: Path, procedures: Path) -> None:
    catalogue = load_catalogue(procedures)
    keep_subjects(tmp_path / "cache", procedures, catalogue)
    subjects = read_subjects(tmp_path / "cache", procedures)
    assert subjects == subjects_of(catalogue)
    assert subjects is not None and len(subjects) >= 4
    assert all(label and "\t" not in label for _id, label, _help in subjects)
    assert oct((tmp_path / "cache" / SUBJECTS_FILE).stat().st_mode & 0o777) == "0o600"


def test_a_procedure_file_changed_added_or_removed_makes_the_subjects_not_count(
        tmp_path: Path, procedures: Path) -> None:
    cache = tmp_path / "cache"
    keep_subjects(cache, procedures, load_catalogue(procedures))
    assert read_subjects(cache, procedures) is not None
    first = sorted(procedures.glob("*.yaml"))[0]
    info = first.stat()
    os.utime(first, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))  # edited
    assert read_subjects(cache, procedures) is None
    keep_subjects(cache, procedures, load_catalogue(procedures))
    shutil.copy2(first, procedures / "zz-copie.yaml")  # added
    assert read_subjects(cache, procedures) is None
    (procedures / "zz-copie.yaml").unlink()
    assert read_subjects(cache, procedures) is not None
    first.unlink()  # removed
    assert read_subjects(cache, procedures) is None


@pytest.mark.parametrize("content", [b"", b"kiosk-subjects-1\n", b"\xff\xfe not text",
                                     b"not the list at all\n"])
def test_a_damaged_or_foreign_file_means_the_catalogue_is_read_first(
        tmp_path: Path, procedures: Path, content: bytes, caplog: pytest.LogCaptureFixture) -> None:
    cache = tmp_path / "cache"
    keep_subjects(cache, procedures, load_catalogue(procedures))
    kept = (cache / SUBJECTS_FILE).read_text("utf-8").split("\n")
    (cache / SUBJECTS_FILE).write_bytes(content)
    with caplog.at_level(logging.WARNING):
        assert read_subjects(cache, procedures) is None
    # the stamp right but the lines cut: refused too, with a line for IT
    (cache / SUBJECTS_FILE).write_text("\n".join([*kept[:2], "permis\tPermis"]), "utf-8")
    with caplog.at_level(logging.WARNING):
        assert read_subjects(cache, procedures) is None
    assert "damaged" in caplog.text
    assert read_subjects(tmp_path / "nowhere", procedures) is None


def test_a_folder_that_cannot_be_written_loses_nothing(tmp_path: Path, procedures: Path,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    with caplog.at_level(logging.WARNING):
        keep_subjects(blocked / "cache", procedures, load_catalogue(procedures))
    assert "not kept" in caplog.text


def test_the_list_answers_from_the_subjects_then_a_subject_touched_meanwhile(
        qtbot, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    subjects = subjects_of(catalogue)
    picker = PickerScreen(None, subjects=subjects)
    qtbot.addWidget(picker)
    picker.show()
    assert list(picker.theme_buttons) == [theme for theme, _label, _help in subjects]
    first = next(iter(picker.theme_buttons))
    qtbot.mouseClick(picker.theme_buttons[first], Qt.MouseButton.LeftButton)
    assert picker.procedure_tiles == {}  # nothing to list yet: the touch waits
    picker.set_catalogue(catalogue)
    assert picker.procedure_tiles and not picker.subjects.isVisibleTo(picker)
    assert all(picker.theme_of(code) == first for code in picker.procedure_tiles)


def test_words_searched_before_the_catalogue_are_searched_when_it_comes(
        qtbot, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    picker = PickerScreen(None, subjects=subjects_of(catalogue))
    qtbot.addWidget(picker)
    picker.show()
    picker.search_edit.setText("permis perdu")
    picker.search("permis perdu")
    assert picker.procedure_tiles == {}
    picker.set_catalogue(catalogue)
    assert picker.procedure_tiles  # found once the catalogue came


def test_the_next_person_inherits_no_waiting_touch(qtbot, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    picker = PickerScreen(None, subjects=subjects_of(catalogue))
    qtbot.addWidget(picker)
    first = next(iter(picker.theme_buttons))
    picker.show_theme(first)
    picker.wipe()  # the visit ended (an idle wipe) before the catalogue came
    picker.set_catalogue(catalogue)
    assert picker.procedure_tiles == {} and picker.subjects.isVisibleTo(picker)


def test_subjects_kept_for_other_files_are_made_again_from_the_catalogue(
        qtbot, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    old = (("ancien_sujet", "Un sujet qui n'existe plus", ""),)
    picker = PickerScreen(None, subjects=old)
    qtbot.addWidget(picker)
    assert list(picker.theme_buttons) == ["ancien_sujet"]
    picker.set_catalogue(catalogue)
    assert list(picker.theme_buttons) == [theme for theme, _label, _help in subjects_of(catalogue)]


def test_a_subject_touched_leaves_no_ring_on_another_control(qtbot, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    """The tile touched is hidden with the other subjects: its focus goes to the title, not
    to « Retour », which would look chosen."""
    picker = PickerScreen(catalogue)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    picker.activateWindow()
    tile = next(iter(picker.theme_buttons.values()))
    tile.setFocus()
    qtbot.waitUntil(tile.hasFocus, timeout=3_000)
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert picker.procedure_tiles
    assert not picker.back_button.hasFocus()
    assert picker.title.hasFocus()


def test_subjects_kept_already_are_not_written_again(tmp_path: Path, procedures: Path) -> None:
    """Each start keeps the subjects: unchanged, the file is left as it is (no write a start)."""
    catalogue = load_catalogue(procedures)
    keep_subjects(tmp_path / "cache", procedures, catalogue)
    kept = (tmp_path / "cache" / SUBJECTS_FILE).stat()
    keep_subjects(tmp_path / "cache", procedures, catalogue)
    again = (tmp_path / "cache" / SUBJECTS_FILE).stat()
    assert (again.st_ino, again.st_mtime_ns) == (kept.st_ino, kept.st_mtime_ns)
    (tmp_path / "cache" / SUBJECTS_FILE).write_text("damaged", "utf-8")
    keep_subjects(tmp_path / "cache", procedures, catalogue)  # written again, whole
    assert read_subjects(tmp_path / "cache", procedures) == subjects_of(catalogue)
