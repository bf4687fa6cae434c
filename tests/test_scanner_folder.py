"""Scans left by one citizen are deleted; nothing else in the folder is touched."""

import os
from pathlib import Path

from kiosk.scanner_folder import clear_scans, list_scans


def test_only_scan_files_directly_in_the_folder_go(tmp_path: Path) -> None:
    for name in ("facture.PDF", "piece.jpg", "recto.jpeg", "photo.png", "vieux.tif"):
        (tmp_path / name).write_bytes(b"scan")
    (tmp_path / "notes.txt").write_text("garder")
    (tmp_path / "sous-dossier").mkdir()
    (tmp_path / "sous-dossier" / "autre.pdf").write_bytes(b"garder")
    outside = tmp_path.parent / "ailleurs.pdf"
    outside.write_bytes(b"garder")
    (tmp_path / "lien.pdf").symlink_to(outside)

    assert clear_scans(tmp_path) == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lien.pdf", "notes.txt", "sous-dossier"]
    assert outside.read_bytes() == b"garder"
    assert (tmp_path / "sous-dossier" / "autre.pdf").exists()


def test_missing_folder_is_logged_not_raised(tmp_path: Path) -> None:
    assert clear_scans(tmp_path / "absent") == 0


def test_names_that_are_not_utf8_are_counted_not_offered_and_still_cleared(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"facture-\xe9t\xe9.pdf"), "wb") as handle:
        handle.write(b"scan")
    (tmp_path / "cni.jpg").write_bytes(b"scan")
    os.mkfifo(tmp_path / "tube.pdf")
    (tmp_path / "lien.pdf").symlink_to(tmp_path / "cni.jpg")
    listing = list_scans(tmp_path, 30)
    assert listing.files == [tmp_path / "cni.jpg"] and listing.unreadable_names == 1
    assert clear_scans(tmp_path) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lien.pdf", "tube.pdf"]


def test_listing_is_newest_first_and_bounded(tmp_path: Path) -> None:
    for age in range(5):
        path = tmp_path / f"scan{age}.png"
        path.write_bytes(b"scan")
        os.utime(path, (1000 - age, 1000 - age))
    assert [p.name for p in list_scans(tmp_path, 3).files] == ["scan0.png", "scan1.png", "scan2.png"]
    assert list_scans(None, 3).files == [] and list_scans(tmp_path / "absent", 3).files == []


def test_the_chooser_never_offers_a_name_it_could_not_send(tmp_path: Path) -> None:
    from ui.screens.document_chooser import scanned_files

    with open(os.path.join(os.fsencode(tmp_path), b"\xff\xfe.pdf"), "wb") as handle:
        handle.write(b"scan")
    (tmp_path / "ok.pdf").write_bytes(b"scan")
    assert [scan.path for scan in scanned_files(tmp_path)] == [tmp_path / "ok.pdf"]
