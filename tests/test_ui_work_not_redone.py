"""Work the screens no longer redo between two taps (found by profiling a day at the counter).

- A tap on « Continuer » leaves the focus in the field: the keyboard and the header do not
  close and open again between two typed questions, and a refused answer is corrected with
  the keyboard still up.
- Coming back to the list of documents makes again only the new document's card and
  redraws only its preview (the next citizen gets cards of their own); opening
  the chooser again redraws only the previews of new scans; a scanner folder event that
  changes nothing on screen rebuilds nothing.
- The barcode reader's listener watches the application's events only on the two screens
  where it acts.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit
from test_ui_flow import (
    WAIT_MS,
    Kiosk,
    central,  # noqa: F401 - fixture
    click,
    current_question,
    make_kiosk,  # noqa: F401 - fixture
    pick_file,
    scan,
    start_procedure,
    walk_steps,
)

import ui.screens.document_chooser as chooser_module
import ui.screens.documents as documents_module
from kiosk.procedures import Catalogue, Procedure
from ui.fields import TextFieldWidget
from ui.screens.background import jobs_running


def test_continuer_keeps_the_field_and_its_keyboard(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    window.resize(1280, 800)  # a short screen: the header gives its room while typing
    start_procedure(qtbot, kiosk, catalogue.get("cg-changement-adresse"))
    steps = window.steps
    widget = current_question(steps)
    assert isinstance(widget, TextFieldWidget), widget.field.id  # the plate, typed first
    edit = widget.inputs()[0]
    assert isinstance(edit, QLineEdit)
    click(qtbot, edit)
    qtbot.waitUntil(lambda: window.keyboard.current_field() is edit, timeout=WAIT_MS)
    closings: list[bool] = []
    window.keyboard.closed.connect(lambda: closings.append(True))

    edit.setText("pas une plaque")
    click(qtbot, steps.next_button)  # refused: corrected with the keyboard still up
    assert current_question(steps) is widget and widget.error
    assert QApplication.focusWidget() is edit and window.keyboard.current_field() is edit
    qtbot.waitUntil(lambda: not widget.error_label.visibleRegion().isEmpty(), timeout=WAIT_MS)
    seen = widget.error_label.visibleRegion().boundingRect()  # the reason, above the keyboard
    assert seen.height() == widget.error_label.height(), (seen, widget.error_label.size())
    assert not closings

    edit.setText("AB-123-CD")
    click(qtbot, steps.next_button)
    following = current_question(steps)
    assert following is not widget
    assert isinstance(following, TextFieldWidget), following.field.id
    assert window.keyboard.current_field() is following.inputs()[0]
    assert not closings, "the keyboard closed and opened again between two typed questions"


@pytest.fixture
def thumbnails(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Counts the previews drawn for the list of documents and for the chooser's list."""
    drawn: list[str] = []
    card_thumbnail, row_preview = documents_module.thumbnail, chooser_module._read_for_preview

    def card(data, *args):  # type: ignore[no-untyped-def]
        drawn.append("card")
        return card_thumbnail(data, *args)

    def row(path, *args):  # type: ignore[no-untyped-def]
        drawn.append(f"row {Path(path).name}")
        return row_preview(path, *args)

    monkeypatch.setattr(documents_module, "thumbnail", card)
    monkeypatch.setattr(chooser_module, "_read_for_preview", row)
    yield drawn


def _at_documents(qtbot, make_kiosk, catalogue: Catalogue) -> tuple[Kiosk, Procedure]:  # type: ignore[no-untyped-def]  # noqa: F811
    """A kiosk on the list of documents of a duplicate's request."""
    kiosk = make_kiosk(sync=False)
    procedure = catalogue.get("cg-duplicata")
    start_procedure(qtbot, kiosk, procedure)
    walk_steps(qtbot, kiosk, random.Random(4), {"motif": "perte", "vehicule_plus_4_ans": "non"})
    return kiosk, procedure


def test_previews_are_drawn_once_per_document_and_scan(qtbot, make_kiosk, catalogue: Catalogue,  # type: ignore[no-untyped-def]  # noqa: F811
                                                       thumbnails: list[str]) -> None:
    kiosk, procedure = _at_documents(qtbot, make_kiosk, catalogue)
    window = kiosk.window
    session = window.session
    assert session is not None
    kinds = [spec.kind for spec in session.required_documents()][:3]
    rng = random.Random(5)
    for number, kind in enumerate(kinds, start=1):
        path = scan(kiosk, procedure, kind, rng)
        thumbnails.clear()
        click(qtbot, window.documents.add_buttons[kind])
        pick_file(qtbot, window.chooser, path)
        qtbot.waitUntil(lambda k=kind: window.current_screen() is window.documents
                        and k in session.documents, timeout=WAIT_MS)
        qtbot.wait(400)  # the folder watcher's own refresh, had it rebuilt the list
        kiosk.drain(qtbot)
        rows = [t for t in thumbnails if t.startswith("row")]
        assert rows == [f"row {path.name}"], (number, thumbnails)  # only the new scan
        assert thumbnails.count("card") == 1, (number, thumbnails)  # only the new document
    assert jobs_running() == 0


def test_only_the_card_of_the_document_added_is_made_again(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk, procedure = _at_documents(qtbot, make_kiosk, catalogue)
    window = kiosk.window
    documents = window.documents
    kinds = [spec.kind for spec in window.session.required_documents()]  # type: ignore[union-attr]
    before = dict(documents.add_buttons)
    added = kinds[1]
    path = scan(kiosk, procedure, added, random.Random(8))
    click(qtbot, documents.add_buttons[added])
    pick_file(qtbot, window.chooser, path)
    qtbot.waitUntil(lambda: window.current_screen() is documents, timeout=WAIT_MS)
    kiosk.drain(qtbot)
    assert list(documents.add_buttons) == kinds  # the same order
    for kind in kinds:
        if kind == added:
            assert documents.add_buttons[kind] is not before[kind]
            assert documents.add_buttons[kind].text() == "Remplacer"
            assert kind in documents.previews and kind in documents.remove_buttons
        else:
            assert documents.add_buttons[kind] is before[kind], kind
    kept = documents.add_buttons[kinds[0]]

    click(qtbot, documents.remove_buttons[added])  # taken back: its card is made again
    assert documents.add_buttons[added].text() == "Ajouter"
    assert added not in documents.previews and added not in documents.remove_buttons
    assert documents.add_buttons[kinds[0]] is kept

    window.go_home()  # the next citizen, the same procedure: cards of their own
    kiosk.drain(qtbot)
    start_procedure(qtbot, kiosk, procedure)
    walk_steps(qtbot, kiosk, random.Random(4), {"motif": "perte", "vehicule_plus_4_ans": "non"})
    assert documents.add_buttons[kinds[0]] is not kept


def test_a_folder_event_that_changes_nothing_rebuilds_nothing(qtbot, make_kiosk, catalogue: Catalogue,  # type: ignore[no-untyped-def]  # noqa: F811
                                                              thumbnails: list[str]) -> None:
    kiosk, procedure = _at_documents(qtbot, make_kiosk, catalogue)
    window = kiosk.window
    kind = next(iter(window.session.required_documents())).kind  # type: ignore[union-attr]
    path = scan(kiosk, procedure, kind, random.Random(6))
    click(qtbot, window.documents.add_buttons[kind])
    chooser = window.chooser
    qtbot.waitUntil(lambda: path in chooser.file_buttons, timeout=WAIT_MS)
    button = chooser.file_buttons[path]
    (kiosk.scanner / "notes.txt").write_text("pas un scan")  # listed by nobody
    qtbot.wait(600)
    assert chooser.file_buttons[path] is button, "the list was built again for nothing"
    second = scan(kiosk, procedure, kind, random.Random(7))
    qtbot.waitUntil(lambda: second in chooser.file_buttons, timeout=WAIT_MS)  # a new scan shows


def test_the_reader_listens_only_where_it_acts(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    assert window.wedge.watching  # the welcome screen: a receipt scanned opens its status
    start_procedure(qtbot, kiosk, catalogue.get("cg-duplicata"))
    assert not window.wedge.watching  # a citizen's questions: no call per event for it
    window.go_home()
    qtbot.waitUntil(lambda: window.current_screen() is window.welcome, timeout=WAIT_MS)
    assert window.wedge.watching
