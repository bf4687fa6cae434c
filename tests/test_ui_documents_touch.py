"""Documents by touch, on the real window: large previews, the full view and its zoom, a scan
used twice, the date of a document that must be recent, a damaged scan, and « Autre fichier… »
kept inside the allowed folders. Screenshots at 1280×800 and 1080×1920 in test-artifacts/screens."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication
from test_ui_flow import (
    WAIT_MS,
    central,  # noqa: F401 - fixture
    click,
    make_kiosk,  # noqa: F401 - fixture
    start_procedure,
    walk_steps,
)
from ui_checks import assert_accessible, save_screenshot

from kiosk.procedures import Catalogue
from kiosk.sample_scans import encode, good_scan

SIZES = ((1280, 800), (1080, 1920))


def _scan(folder: Path, name: str, seed: int, age_s: float = 0) -> Path:
    rng = random.Random(seed)
    page = good_scan(rng, 100)
    path = folder / name
    path.write_bytes(encode(page.page, "jpg", rng, page.dpi))
    if age_s:
        stamp = time.time() - age_s
        os.utime(path, (stamp, stamp))
    return path


def _shots(window, name: str) -> None:  # type: ignore[no-untyped-def]
    for width, height in SIZES:
        window.resize(width, height)
        for _ in range(3):  # a resize, then the layout, then what is drawn to fit it
            QApplication.processEvents()
        save_screenshot(window, f"docs-{name}-{width}x{height}")
    window.resize(*SIZES[0])
    QApplication.processEvents()


def test_previews_zoom_and_a_scan_used_twice(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    window.resize(*SIZES[0])
    procedure = catalogue.get("cg-duplicata")
    first = _scan(kiosk.scanner, "scan_0001.jpg", 1, age_s=120)
    second = _scan(kiosk.scanner, "scan_0002.jpg", 2)
    start_procedure(qtbot, kiosk, procedure)
    walk_steps(qtbot, kiosk, random.Random(4), {"motif": "perte", "vehicule_plus_4_ans": "non"})
    session = window.session
    assert session is not None
    kinds = [spec.kind for spec in session.required_documents()]
    assert kinds[:2] == ["piece_identite", "cerfa_13753"]
    click(qtbot, window.documents.add_buttons["piece_identite"])
    chooser = window.chooser
    qtbot.waitUntil(lambda: set(chooser.file_buttons) == {first, second}, timeout=WAIT_MS)
    assert list(chooser.file_buttons) == [second, first]  # newest first
    qtbot.waitUntil(lambda: all(not b.icon().isNull() and b.icon().availableSizes()
                                for b in chooser.zoom_buttons.values()), timeout=WAIT_MS)
    assert_accessible(window)
    _shots(window, "01-liste-des-scans")

    click(qtbot, chooser.zoom_buttons[first])
    zoom = chooser.zoom
    qtbot.waitUntil(lambda: zoom.image is not None, timeout=WAIT_MS)
    assert zoom.isVisible() and zoom.page.pixmap().width() > 300
    fit_width = zoom.page.pixmap().width()
    _shots(window, "02-apercu-en-grand")
    window.resize(*SIZES[1])  # the view follows the window (a tower turned to portrait)
    qtbot.waitUntil(lambda: zoom.geometry() == zoom.parentWidget().rect(), timeout=WAIT_MS)
    close_at = zoom.close_button.mapTo(zoom, zoom.close_button.rect().bottomRight())
    assert zoom.rect().contains(close_at)
    window.resize(*SIZES[0])
    QApplication.processEvents()
    zoom.toggle_zoom(None)
    assert zoom.zoomed and zoom.page.pixmap().width() > 2 * fit_width
    assert zoom.zoom_button.text() == "Voir en entier"
    _shots(window, "03-apercu-agrandi")
    zoom.toggle_zoom(None)
    assert not zoom.zoomed and zoom.page.pixmap().width() == fit_width
    click(qtbot, zoom.close_button)
    assert not zoom.isVisible() and zoom.image is None

    click(qtbot, chooser.file_buttons[first])
    qtbot.waitUntil(lambda: window.current_screen() is window.documents, timeout=WAIT_MS)
    assert session.documents["piece_identite"].source == str(first)
    qtbot.waitUntil(lambda: window.documents.previews["piece_identite"].pixmap().width() > 100,
                    timeout=WAIT_MS)
    _shots(window, "04-documents-apercu")
    click(qtbot, window.documents.zoom_buttons["piece_identite"])
    qtbot.waitUntil(lambda: window.documents.zoom.image is not None, timeout=WAIT_MS)
    assert window.documents.zoom.heading.text() == "Pièce d'identité"
    click(qtbot, window.documents.zoom.close_button)
    assert not window.documents.zoom.isVisible()

    click(qtbot, window.documents.add_buttons["cerfa_13753"])
    qtbot.waitUntil(lambda: first in chooser.file_buttons, timeout=WAIT_MS)
    assert "Pièce d'identité" in chooser.used_labels[first].text()
    assert second not in chooser.used_labels
    click(qtbot, chooser.file_buttons[first])
    assert chooser.confirm_panel.isVisible() and not chooser.busy  # asked before anything is read
    assert "déjà utilisé pour : « Pièce d'identité »" in chooser.confirm_text.text()
    _shots(window, "05-deja-utilise")
    click(qtbot, chooser.confirm_no)
    assert not chooser.confirm_panel.isVisible() and "cerfa_13753" not in session.documents
    click(qtbot, chooser.file_buttons[first])
    click(qtbot, chooser.confirm_yes)
    qtbot.waitUntil(lambda: window.current_screen() is window.documents, timeout=WAIT_MS)
    assert session.documents["cerfa_13753"].source == str(first)
    kiosk.drain(qtbot)


def test_a_recent_document_asks_its_date_and_a_damaged_scan_says_so(qtbot, make_kiosk,  # type: ignore[no-untyped-def]  # noqa: F811
                                                                     catalogue: Catalogue) -> None:
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    window.resize(*SIZES[0])
    start_procedure(qtbot, kiosk, catalogue.get("cg-changement-adresse"))
    walk_steps(qtbot, kiosk, random.Random(5), {})
    good = _scan(kiosk.scanner, "facture.jpg", 3, age_s=60)
    damaged = kiosk.scanner / "abime.jpg"
    damaged.write_bytes(good.read_bytes()[:3000])
    click(qtbot, window.documents.add_buttons["justificatif_domicile"])
    chooser = window.chooser
    qtbot.waitUntil(lambda: damaged in chooser.file_buttons, timeout=WAIT_MS)
    click(qtbot, chooser.file_buttons[damaged])
    qtbot.waitUntil(lambda: not chooser.busy, timeout=WAIT_MS)
    assert chooser.status.text() == ("Document refusé : Ce fichier est abîmé ou illisible. "
                                     "Numérisez le document à nouveau.")
    click(qtbot, chooser.file_buttons[good])
    qtbot.waitUntil(lambda: chooser.date_panel.isVisible(), timeout=WAIT_MS)
    session = window.session
    assert session is not None and "justificatif_domicile" not in session.documents
    chooser.date_field.set_value("2020-01-15")
    click(qtbot, chooser.date_button)
    assert "Il a plus de 6 mois" in chooser.date_field.error
    _shots(window, "06-date-trop-ancienne")
    chooser.date_field.set_value(session.today().isoformat())
    click(qtbot, chooser.date_button)
    assert window.current_screen() is window.documents and "justificatif_domicile" in session.documents
    kiosk.drain(qtbot)


def test_other_file_stays_inside_the_allowed_folders(qtbot, make_kiosk, catalogue: Catalogue,  # type: ignore[no-untyped-def]  # noqa: F811
                                                     tmp_path: Path) -> None:
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    window.resize(*SIZES[0])
    allowed = tmp_path / "documents"
    (allowed / "Octobre").mkdir(parents=True)
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "autre.pdf").write_bytes(b"%PDF-1.4")
    (allowed / "raccourci").symlink_to(outside, target_is_directory=True)
    (allowed / "lien.pdf").symlink_to(outside / "autre.pdf")
    inside = _scan(allowed / "Octobre", "releve.jpg", 6)
    window.chooser.picker.roots = [kiosk.scanner, allowed]
    start_procedure(qtbot, kiosk, catalogue.get("cg-changement-adresse"))
    walk_steps(qtbot, kiosk, random.Random(5), {})
    click(qtbot, window.documents.add_buttons["justificatif_domicile"])
    chooser = window.chooser
    assert not chooser.other_button.isVisible()  # the citizen alone never browses
    chooser.set_mediator_present(True)
    click(qtbot, chooser.other_button)
    picker = chooser.picker
    assert picker.isVisible() and not picker.up_button.isEnabled()
    assert [b.text() for b in picker.row_buttons.values()] == ["Dossier Numérisations", "Dossier documents"]
    click(qtbot, picker.row_buttons[allowed])
    assert list(picker.row_buttons) == [allowed.resolve() / "Octobre"]  # no link that leads out
    _shots(window, "07-autre-fichier")
    click(qtbot, picker.row_buttons[allowed.resolve() / "Octobre"])
    assert list(picker.row_buttons) == [inside.resolve()]
    assert picker.up_button.isEnabled()
    picker.open_folder(outside)  # even asked directly, a folder outside shows nothing
    assert picker.row_buttons == {} and picker.view is not None and picker.view.parent is None
    click(qtbot, picker.up_button)  # « up » from there is the list of allowed folders, never outside
    assert list(picker.row_buttons) == [kiosk.scanner, allowed]
    picker.open_folder(allowed / "Octobre")
    assert_accessible(window)
    click(qtbot, picker.row_buttons[inside.resolve()])
    qtbot.waitUntil(lambda: chooser.date_panel.isVisible(), timeout=WAIT_MS)
    assert not picker.isVisible()
    kiosk.drain(qtbot)
