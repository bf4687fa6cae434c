"""Scans left by one citizen are deleted; nothing else in the folder is touched."""

from pathlib import Path

from kiosk.scanner_folder import clear_scans


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
