"""Review findings on the screens: what one citizen leaves must never reach the next one."""

from __future__ import annotations

import random
import threading
from pathlib import Path

from kiosk.procedures import Catalogue
from kiosk.samples import sample_document
from kiosk.session import ProcedureSession
from ui.screens import document_chooser
from ui.screens.background import jobs_running
from ui.screens.document_chooser import DocumentChooserScreen


def test_a_scan_checked_after_its_citizen_left_is_not_given_to_the_next_one(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, catalogue: Catalogue, monkeypatch) -> None:
    procedure = catalogue.get("cg-changement-adresse")
    kind = procedure.documents[0].kind
    filename, data = sample_document(procedure.document(kind), random.Random(3))
    scan = tmp_path / filename
    scan.write_bytes(data)
    release = threading.Event()
    read_and_check = document_chooser.read_scan  # the scan read with its 2D-Doc

    def slow(session, kind, path):  # type: ignore[no-untyped-def]
        release.wait(10)
        return read_and_check(session, kind, path)

    monkeypatch.setattr(document_chooser, "read_scan", slow)
    chooser = DocumentChooserScreen(tmp_path)
    qtbot.addWidget(chooser)
    first = ProcedureSession(procedure, kiosk_id="7501-K02", site="7501")
    chooser.start(first, kind, mediator_present=False)
    chooser.choose_file(scan)  # the first citizen taps the scan, then the kiosk is reset
    try:
        chooser.wipe()
        second = ProcedureSession(procedure, kiosk_id="7501-K02", site="7501")
        chooser.start(second, kind, mediator_present=False)
    finally:
        release.set()
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=10_000)
    assert kind not in second.documents and not first.documents


def test_a_scan_deleted_while_the_list_is_drawn_does_not_break_the_screen(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, catalogue: Catalogue, monkeypatch) -> None:
    """The end of a session clears the scanner folder while the folder watcher redraws the list
    (CI saw the file vanish between the listing and the button): the list draws what it saw."""
    procedure = catalogue.get("cg-changement-adresse")
    kind = procedure.documents[0].kind
    for name in ("a.pdf", "b.pdf"):
        (tmp_path / name).write_bytes(b"%PDF-1.4 scan")
    listed = document_chooser.list_scans(tmp_path, 30)
    (tmp_path / "a.pdf").unlink()  # gone before the buttons are built
    monkeypatch.setattr(document_chooser, "list_scans", lambda folder, limit: listed)
    chooser = DocumentChooserScreen(tmp_path)
    qtbot.addWidget(chooser)
    chooser.start(ProcedureSession(procedure, kiosk_id="7501-K02", site="7501"), kind, mediator_present=False)
    assert sorted(path.name for path in chooser.file_buttons) == ["a.pdf", "b.pdf"]
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=10_000)


def test_a_thumbnail_read_after_its_screen_was_destroyed_is_dropped(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, catalogue: Catalogue, monkeypatch) -> None:
    """Screens are rebuilt when a language is chosen and destroyed when the window closes; a
    thumbnail still being read then arrives for a button that no longer exists (CI saw it)."""
    procedure = catalogue.get("cg-changement-adresse")
    kind = procedure.documents[0].kind
    filename, data = sample_document(procedure.document(kind), random.Random(3))
    (tmp_path / filename).write_bytes(data)
    release = threading.Event()
    read = document_chooser._read_for_preview

    def slow(path, edge):  # type: ignore[no-untyped-def]
        release.wait(10)
        return read(path, edge)

    monkeypatch.setattr(document_chooser, "_read_for_preview", slow)
    chooser = DocumentChooserScreen(tmp_path)
    chooser.start(ProcedureSession(procedure, kiosk_id="7501-K02", site="7501"), kind, mediator_present=False)
    assert chooser.zoom_buttons
    destroyed = []
    chooser.destroyed.connect(lambda *_: destroyed.append(True))
    chooser.deleteLater()
    qtbot.waitUntil(lambda: bool(destroyed), timeout=5_000)
    release.set()
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=10_000)
    qtbot.wait(50)
