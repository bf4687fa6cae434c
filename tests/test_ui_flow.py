"""The whole guided flow through the real screens, against a live reference central service.

Each procedure of the catalogue is walked branch by branch by touching the
screens (answers typed into the field widgets, choices tapped, scans picked
from the scanner folder), then confirmed, saved, printed and synced.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from kiosk.config import KioskConfig
from kiosk.launcher import build_services
from kiosk.procedures import Catalogue, Field, Procedure
from kiosk.samples import sample_answer, sample_document
from reference_central import serve_in_thread
from ui.app import create_application
from ui.fields import ChoiceFieldWidget, DateFieldWidget, FieldWidget
from ui.main_window import KioskServices, MainWindow
from ui.screens.background import jobs_running

WAIT_MS = 10_000


@dataclass
class FakePrinter:
    """Stands for the receipt printer: records what was printed, can be made to fail."""

    printed: list[tuple[str, bool, str]] = field(default_factory=list)
    failures: list[Exception] = field(default_factory=list)

    def __call__(self, submission_id: str, final: bool, who: str) -> None:
        if self.failures:
            raise self.failures.pop(0)
        self.printed.append((submission_id, final, who))


@dataclass
class Kiosk:
    window: MainWindow
    services: KioskServices
    printer: FakePrinter
    scanner: Path
    central_url: str

    def drain(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        """Wait until every background job has reported back."""
        qtbot.waitUntil(lambda: jobs_running() == 0, timeout=WAIT_MS)


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    token = secrets.token_urlsafe(16)
    server = serve_in_thread(tmp_path_factory.mktemp("central"), token)
    yield server.url, token
    server.stop()


@pytest.fixture
def make_kiosk(qtbot, tmp_path: Path, central, catalogue: Catalogue):  # type: ignore[no-untyped-def]
    """Build a kiosk window on a fresh data folder; ``sync=False`` leaves the sync thread off."""
    made: list[Kiosk] = []

    def build(*, sync: bool = True, central_url: str | None = None, demo: bool = False,
              idle_warning_s: int = 600, idle_reset_s: int = 30) -> Kiosk:
        url, token = central
        scanner = tmp_path / "scanner"
        scanner.mkdir(exist_ok=True)
        config = KioskConfig(
            kiosk_id="7501-K02", site="7501", site_name="Préfecture de test",
            data_dir=tmp_path / f"kiosk{len(made)}", central_url=central_url or url,
            central_token=token, central_timeout_s=2.0, scanner_dir=scanner,
            sync_interval_s=3600, backoff_base_s=0.01, backoff_max_s=0.05,
            idle_warning_s=idle_warning_s, idle_reset_s=idle_reset_s)
        services = build_services(config, demo=demo, catalogue=catalogue)
        printer = FakePrinter()
        services.print_receipt = printer
        if not sync:
            services.sync = None
        create_application([])
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.resize(1280, 1024)
        window.show()
        qtbot.waitExposed(window)
        if services.sync is not None:
            services.sync.start()
        kiosk = Kiosk(window, services, printer, scanner, config.central_url)
        made.append(kiosk)
        return kiosk

    yield build
    for kiosk in made:
        kiosk.drain(qtbot)
        kiosk.window.close()
        kiosk.services.outbox.close()


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    QApplication.processEvents()  # widgets added to a shown layout appear on the next loop
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(qtbot, edit: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type like a person: focus, clear, keys, then leave the field."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:  # QTest cannot type accents; the on-screen keyboard inserts them the same way
        edit.insert(text)
    edit.editingFinished.emit()


def answer(qtbot, widget: FieldWidget, value: str) -> None:  # type: ignore[no-untyped-def]
    """Give ``value`` (a sample answer) through the widget, as a citizen would."""
    if isinstance(widget, ChoiceFieldWidget):
        click(qtbot, widget.buttons[value])
    elif isinstance(widget, DateFieldWidget):
        day, month, year = value.split("/")
        for part, text in ((widget.day, day), (widget.month, month), (widget.year, year)):
            part.setFocus()
            part.clear()
            qtbot.keyClicks(part, text)
        widget.changed.emit(widget.value())
    else:
        edit = widget.inputs()[0]
        assert isinstance(edit, QLineEdit)
        type_into(qtbot, edit, value)
    QApplication.processEvents()


def pick_answer(fld: Field, rng: random.Random, forced: dict[str, str]) -> str:
    if fld.id in forced:
        return forced[fld.id]
    return sample_answer(fld, rng, date.today())


def walk_steps(qtbot, kiosk: Kiosk, rng: random.Random, forced: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """Answer every visible question of every step until the documents screen shows."""
    window = kiosk.window
    for _ in range(40):
        if window.current_screen() is not window.steps:
            return
        done: set[str] = set()
        while pending := [w for w in window.steps.visible_widgets() if w.field.id not in done]:
            for widget in pending:
                done.add(widget.field.id)
                if widget.field.required or widget.field.id in forced:
                    answer(qtbot, widget, pick_answer(widget.field, rng, forced))
        click(qtbot, window.steps.next_button)
    raise AssertionError("the steps never ended")


def scan(kiosk: Kiosk, procedure: Procedure, kind: str, rng: random.Random) -> Path:
    filename, data = sample_document(procedure.document(kind), rng)
    path = kiosk.scanner / filename
    path.write_bytes(data)
    return path


def attach_documents(qtbot, kiosk: Kiosk, procedure: Procedure, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    assert window.current_screen() is window.documents
    session = window.session
    assert session is not None
    for spec in session.required_documents():
        path = scan(kiosk, procedure, spec.kind, rng)
        click(qtbot, window.documents.add_buttons[spec.kind])
        chooser = window.chooser
        chooser.refresh()
        click(qtbot, chooser.file_buttons[path])
        qtbot.waitUntil(lambda: window.current_screen() is window.documents, timeout=WAIT_MS)
        assert spec.kind in session.documents
    click(qtbot, window.documents.next_button)
    assert window.current_screen() is window.summary


def start_procedure(qtbot, kiosk: Kiosk, procedure: Procedure) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    click(qtbot, window.welcome.alone_button)
    click(qtbot, window.picker.theme_buttons[procedure.theme])
    click(qtbot, window.picker.procedure_tiles[procedure.code])
    assert window.current_screen() is window.requirements
    click(qtbot, window.requirements.start_button)
    assert window.current_screen() is window.steps


def confirm(qtbot, kiosk: Kiosk) -> str:  # type: ignore[no-untyped-def]
    """Summary -> consent -> saved; returns the local reference shown."""
    window = kiosk.window
    click(qtbot, window.summary.next_button)
    assert window.current_screen() is window.consent
    click(qtbot, window.consent.accept_button)
    qtbot.waitUntil(lambda: window.current_screen() is window.confirmation, timeout=WAIT_MS)
    assert window.saved_item is not None
    return window.saved_item.local_reference


def branch_forcings(procedure: Procedure) -> list[dict[str, str]]:
    """Walks that together take every value of every choice and yes/no question."""
    options = []
    for fld in procedure.all_fields():
        if fld.type == "choice":
            options.append((fld.id, [c.value for c in fld.choices]))
        elif fld.type == "yes_no":
            options.append((fld.id, ["oui", "non"]))
    walks = max((len(values) for _, values in options), default=1)
    return [{fid: values[i % len(values)] for fid, values in options} for i in range(walks)]


def test_smoke_walk(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk()
    procedure = catalogue.get("cg-changement-adresse")
    rng = random.Random(1)
    start_procedure(qtbot, kiosk, procedure)
    walk_steps(qtbot, kiosk, rng, {})
    attach_documents(qtbot, kiosk, procedure, rng)
    reference = confirm(qtbot, kiosk)
    assert reference.startswith("PN-7501-K02-")
    kiosk.drain(qtbot)
    assert kiosk.printer.printed
