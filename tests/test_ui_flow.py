"""The whole guided flow through the real screens, against a live reference central service.

Each procedure of the catalogue is walked branch by branch by touching the
screens (answers typed into the field widgets, choices tapped, scans picked
from the scanner folder), then confirmed, saved, printed and synced.
"""

from __future__ import annotations

import gc
import random
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from kiosk.config import KioskConfig
from kiosk.inference import RULES
from kiosk.launcher import build_services
from kiosk.procedures import Catalogue, Field, Procedure, Step
from kiosk.samples import sample_answer, sample_document
from reference_central import serve_in_thread
from resources import resource_path
from ui.app import create_application
from ui.fields import ChoiceFieldWidget, DateFieldWidget, FieldWidget, TextFieldWidget
from ui.main_window import KioskServices, MainWindow
from ui.screens.background import jobs_running

WAIT_MS = 10_000
PROCEDURE_CODES = sorted(path.stem for path in resource_path("procedures").glob("*.yaml"))
"""Every procedure shipped: a file added is a procedure walked."""
BRANCHES_BY_DEFAULT = (
    "cg-changement-adresse", "cg-changement-titulaire", "cg-declaration-cession", "cg-duplicata",
    "permis-echange-etranger", "permis-fabrication", "permis-inscription", "permis-renouvellement",
)
"""Walked branch by branch in the default run; the others under ``-m screens`` (each is
walked alone to the end in the default run by ``test_ui_catalogue_walk``)."""


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
              idle_warning_s: int = 600, idle_reset_s: int = 30, kiosk_id: str = "7501-K02",
              central_token: str | None = None) -> Kiosk:
        url, token = central
        token = central_token or token
        scanner = tmp_path / "scanner"
        scanner.mkdir(exist_ok=True)
        config = KioskConfig(
            kiosk_id=kiosk_id, site="7501", site_name="Préfecture de test",
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
        window = MainWindow(config, services)
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
        if shiboken6.isValid(kiosk.window):
            kiosk.window.close()
        elif kiosk.services.sync is not None:
            kiosk.services.sync.stop()
        kiosk.drain(qtbot)  # what closing started (the end-of-session cleanup) is over
        kiosk.services.outbox.close()
    # Let go of the kiosks here, once no job runs: a pool thread's collection must not be
    # the one that frees their windows and sync threads (``pytest --gc-proof`` checks it).
    made.clear()
    gc.collect()


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
    if fld.check == "time":  # kiosk.samples has no generator for this kind yet
        return f"{rng.randint(8, 19):02d}:{rng.choice((0, 15, 30, 45)):02d}"
    return sample_answer(fld, rng, date.today())


def shown_fields(steps) -> list[FieldWidget]:  # type: ignore[no-untyped-def]
    """The question widgets a person sees on the steps screen."""
    QApplication.processEvents()
    return [w for w in steps.findChildren(FieldWidget) if w.isVisible()]


def current_question(steps) -> FieldWidget:  # type: ignore[no-untyped-def]
    """The one question on the page (and it must be alone)."""
    shown = shown_fields(steps)
    assert len(shown) == 1, [w.field.id for w in shown]
    assert shown[0] is steps.current_widget()
    return shown[0]


def answer_question(qtbot, kiosk: Kiosk, rng: random.Random, forced: dict[str, str]) -> str:  # type: ignore[no-untyped-def]
    """Answer the question on the page (optional ones only when forced), then « Continuer »."""
    widget = current_question(kiosk.window.steps)
    if widget.field.required or widget.field.id in forced:
        answer(qtbot, widget, pick_answer(widget.field, rng, forced))
    click(qtbot, kiosk.window.steps.next_button)
    return widget.field.id


def answer_step(qtbot, kiosk: Kiosk, rng: random.Random, forced: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """A mediator's page: answer each question shown (an answer may show another), then
    « Continuer »."""
    steps = kiosk.window.steps
    done: set[str] = set()
    while pending := [w for w in shown_fields(steps) if w.field.id not in done
                      and (w.field.required or w.field.id in forced)]:
        done.add(pending[0].field.id)
        answer(qtbot, pending[0], pick_answer(pending[0].field, rng, forced))
    click(qtbot, steps.next_button)


def walk_steps(qtbot, kiosk: Kiosk, rng: random.Random, forced: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """Answer every question asked, one page at a time, until the documents screen shows."""
    window = kiosk.window
    for _ in range(120):
        if window.current_screen() is window.requirements:  # the checklist, once decided
            click(qtbot, window.requirements.start_button)
        if window.current_screen() is not window.steps:
            return
        if window.steps.compact:
            answer_step(qtbot, kiosk, rng, forced)
        else:
            answer_question(qtbot, kiosk, rng, forced)
    widget = window.steps.current_widget()
    raise AssertionError(f"the steps never ended: {window.session.current.id} "  # type: ignore[union-attr]
                         f"{widget.field.id if widget else ''} {widget.error if widget else ''}")


def scan(kiosk: Kiosk, procedure: Procedure, kind: str, rng: random.Random) -> Path:
    filename, data = sample_document(procedure.document(kind), rng)
    path = kiosk.scanner / filename
    path.write_bytes(data)
    return path


def pick_file(qtbot, chooser, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Tap the file in the chooser once the folder watcher has listed it."""
    qtbot.waitUntil(lambda: path in chooser.file_buttons and chooser.file_buttons[path].isVisible(),
                    timeout=WAIT_MS)
    qtbot.mouseClick(chooser.file_buttons[path], Qt.MouseButton.LeftButton)


def give_date_if_asked(qtbot, chooser) -> None:  # type: ignore[no-untyped-def]
    """A document that must be recent asks the date written on it: give today's."""
    qtbot.waitUntil(lambda: not chooser.busy, timeout=WAIT_MS)
    if chooser.date_panel.isVisible():
        chooser.date_field.set_value(chooser.session.today().isoformat())
        qtbot.mouseClick(chooser.date_button, Qt.MouseButton.LeftButton)


def attach_documents(qtbot, kiosk: Kiosk, procedure: Procedure, rng: random.Random,  # type: ignore[no-untyped-def]
                     make_scan=scan) -> None:
    """Scan and attach every document asked; ``make_scan`` writes each scan (see ``scan``)."""
    window = kiosk.window
    assert window.current_screen() is window.documents
    session = window.session
    assert session is not None
    for spec in session.required_documents():
        path = make_scan(kiosk, procedure, spec.kind, rng)
        click(qtbot, window.documents.add_buttons[spec.kind])
        pick_file(qtbot, window.chooser, path)
        give_date_if_asked(qtbot, window.chooser)
        qtbot.waitUntil(lambda: window.current_screen() is window.documents, timeout=WAIT_MS)
        assert spec.kind in session.documents
    click(qtbot, window.documents.next_button)
    assert window.current_screen() is window.summary


def start_procedure(qtbot, kiosk: Kiosk, procedure: Procedure) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    click(qtbot, window.welcome.alone_button)
    click(qtbot, window.picker.theme_buttons[window.picker.theme_of(procedure.code)])
    click(qtbot, window.picker.procedure_tiles[procedure.code])
    click(qtbot, window.for_whom.choice_buttons["self"])
    if window.current_screen() is window.requirements:  # nothing to decide: the checklist first
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
        if fld.infer is not None:  # not asked: its branches follow from the source's answer
            examples = RULES[fld.infer.rule].examples
            options.append((fld.infer.source, [examples[value] for value in sorted(examples)]))
        elif fld.must_equal is not None:  # the other answer is refused: not a branch
            options.append((fld.id, [fld.must_equal]))
        elif fld.type == "choice":
            options.append((fld.id, [c.value for c in fld.choices]))
        elif fld.type == "yes_no":
            options.append((fld.id, ["oui", "non"]))
    walks = max((len(values) for _, values in options), default=1)
    return [{fid: values[i % len(values)] for fid, values in options} for i in range(walks)]


def complete_request(qtbot, kiosk: Kiosk, procedure: Procedure, rng: random.Random,  # type: ignore[no-untyped-def]
                     forced: dict[str, str]) -> str:
    """From the welcome screen to the confirmation; returns the local reference."""
    start_procedure(qtbot, kiosk, procedure)
    walk_steps(qtbot, kiosk, rng, forced)
    attach_documents(qtbot, kiosk, procedure, rng)
    return confirm(qtbot, kiosk)


def finish(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    kiosk.drain(qtbot)
    click(qtbot, window.confirmation.done_button)
    click(qtbot, window.end.home_button)
    assert window.current_screen() is window.welcome
    assert window.session is None


@pytest.mark.parametrize("code", [code if code in BRANCHES_BY_DEFAULT else pytest.param(
    code, marks=pytest.mark.screens) for code in PROCEDURE_CODES])
def test_every_procedure_branch_by_branch(qtbot, make_kiosk, catalogue: Catalogue, code: str) -> None:  # type: ignore[no-untyped-def]
    """Each value of each choice is taken once; every request reaches the central service."""
    kiosk = make_kiosk()
    procedure = catalogue.get(code)
    rng = random.Random(code)
    dossiers: dict[str, str] = {}
    kiosk.services.sync.worker.dossier_received.connect(  # type: ignore[union-attr]
        lambda sid, number: dossiers.__setitem__(sid, number))
    saved = []
    for forced in branch_forcings(procedure):
        reference = complete_request(qtbot, kiosk, procedure, rng, forced)
        item = kiosk.window.saved_item
        assert item is not None and item.local_reference == reference
        body = kiosk.services.outbox.body(item.id)
        for field_id, value in forced.items():
            if field_id in body["answers"]:
                assert body["answers"][field_id] == value
        saved.append(item.id)
        finish(qtbot, kiosk)
    kiosk.window.request_sync()
    outbox = kiosk.services.outbox
    qtbot.waitUntil(lambda: set(saved) <= set(dossiers)
                    or any(outbox.get(i).state == "needs_attention" for i in saved),
                    timeout=WAIT_MS * 3)
    refused = {i: outbox.get(i).error_details for i in saved
               if outbox.get(i).state == "needs_attention"}
    assert not refused
    for submission_id in saved:
        assert kiosk.services.outbox.get(submission_id).state == "sent"
    assert len(kiosk.printer.printed) == len(saved)
    # back on the welcome screen, once the pass is over: online, and nothing about earlier
    # requests for the next citizen
    qtbot.waitUntil(lambda: kiosk.window.connection_label.text() == "● En ligne", timeout=WAIT_MS)


def test_wrong_answer_is_explained_then_corrected(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    start_procedure(qtbot, kiosk, catalogue.get("cg-changement-adresse"))
    plate = current_question(window.steps)
    assert plate.field.check == "plate"
    edit = plate.inputs()[0]
    assert isinstance(edit, QLineEdit)
    type_into(qtbot, edit, "AB-123-OO")
    assert "lettres I, O et U" in plate.error
    assert edit.property("error") == "true"
    click(qtbot, window.steps.next_button)
    assert window.current_screen() is window.steps
    assert current_question(window.steps) is plate  # refused: the same question stays,
    assert "Merci de répondre" not in plate.error and "lettres I, O et U" in plate.error
    assert plate.error_label.isVisible() and QApplication.focusWidget() is edit  # said, in view
    type_into(qtbot, edit, "ab 123 cd")
    assert plate.error == ""
    assert not plate.error_label.isVisible()
    assert edit.text() == "AB-123-CD"
    assert window.session is not None and window.session.answers[plate.field.id] == "AB-123-CD"
    click(qtbot, window.steps.next_button)
    assert current_question(window.steps) is not plate


def test_conditions_show_and_hide_fields_live(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    """Tapping a choice changes at once which questions the step asks (and their count),
    and « Continuer » goes to the question it calls for; a hidden answer is emptied."""
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    def asked_trigger(procedure: Procedure, step: Step, fld: Field) -> bool:
        """A condition on an earlier question of the step that is asked (not deduced), with
        a question asked in every case after the trigger."""
        trigger = fld.when.get("field") if fld.when else None
        ids = [f.id for f in step.fields]
        return (trigger in ids[:ids.index(fld.id)] and procedure.field(trigger).infer is None  # type: ignore[arg-type]
                and any(f.when is None for f in step.fields[ids.index(trigger) + 1:]))  # type: ignore[arg-type]

    for procedure in catalogue.procedures.values():
        for step_index, step in enumerate(procedure.steps):
            if step_index == 0 and any(asked_trigger(procedure, step, f) for f in step.fields):
                break
        else:
            continue
        break
    else:
        pytest.skip("no first step with a conditional field")
    start_procedure(qtbot, kiosk, procedure)
    session = window.session
    assert session is not None
    conditional = next(f for f in session.current.fields
                       if asked_trigger(procedure, session.current, f))
    trigger_id = conditional.when.get("field")  # type: ignore[union-attr]
    rng = random.Random(1)
    while window.steps.field_id != trigger_id:
        answer_question(qtbot, kiosk, rng, {})
    trigger = current_question(window.steps)
    assert isinstance(trigger, ChoiceFieldWidget)
    shown_for = {}
    for value in trigger.buttons:
        click(qtbot, trigger.buttons[value])
        assert window.visit.questions is not None
        asked = window.visit.questions.asked()  # (a deduced answer is not asked)
        assert window.steps.progress.text().startswith(
            f"Question {asked.index(trigger_id) + 1} sur {len(asked)}")
        shown_for[value] = conditional.id in asked
        click(qtbot, window.steps.next_button)
        assert current_question(window.steps).field.id == asked[asked.index(trigger_id) + 1]
        if shown_for[value]:
            while (question := current_question(window.steps)).field.id != conditional.id:
                answer_question(qtbot, kiosk, rng, {})  # (questions between the two)
            answer(qtbot, question, pick_answer(conditional, rng, {}))
            assert conditional.id in session.answers
        while current_question(window.steps) is not trigger:
            click(qtbot, window.steps.back_button)
    assert set(shown_for.values()) == {True, False}
    hiding = next(v for v, shown in shown_for.items() if not shown)
    click(qtbot, trigger.buttons[hiding])
    assert conditional.id not in session.answers
    assert window.steps.widgets[conditional.id].value() == ""
    assert not window.steps.widgets[conditional.id].isVisible()


def test_document_refused_then_accepted(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    procedure = catalogue.get("cg-changement-adresse")
    rng = random.Random(5)
    start_procedure(qtbot, kiosk, procedure)
    walk_steps(qtbot, kiosk, rng, {})
    assert window.current_screen() is window.documents
    click(qtbot, window.documents.next_button)
    assert window.documents.banner.isVisible()  # a required document is missing
    spec = window.session.required_documents()[0]  # type: ignore[union-attr]
    fake = kiosk.scanner / "facture.pdf"
    fake.write_bytes(b"GIF89a this is not a PDF")
    click(qtbot, window.documents.add_buttons[spec.kind])
    pick_file(qtbot, window.chooser, fake)
    qtbot.waitUntil(lambda: not window.chooser.busy, timeout=WAIT_MS)
    assert window.current_screen() is window.chooser
    assert window.chooser.status.kind == "error"
    assert "Formats acceptés" in window.chooser.status.text()
    assert spec.kind not in window.session.documents  # type: ignore[union-attr]
    good = scan(kiosk, procedure, spec.kind, rng)
    pick_file(qtbot, window.chooser, good)
    give_date_if_asked(qtbot, window.chooser)
    qtbot.waitUntil(lambda: window.current_screen() is window.documents, timeout=WAIT_MS)
    assert window.session.documents[spec.kind].filename == good.name  # type: ignore[union-attr]
    assert spec.kind in window.documents.remove_buttons
    kiosk.drain(qtbot)
    assert window.documents.previews[spec.kind].pixmap() is not None


def test_modify_from_summary_comes_back_to_summary(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    procedure = catalogue.get("cg-changement-adresse")
    rng = random.Random(9)
    start_procedure(qtbot, kiosk, procedure)
    walk_steps(qtbot, kiosk, rng, {})
    attach_documents(qtbot, kiosk, procedure, rng)
    session = window.session
    assert session is not None
    last_step = session.steps()[-1]
    click(qtbot, window.summary.modify_buttons[last_step.id])
    assert window.current_screen() is window.steps
    asked = [f.id for f in session.fields()]
    for field_id in asked:  # from the step's first question to its last, then the summary
        assert current_question(window.steps).field.id == field_id
        last = field_id == asked[-1]
        assert (window.steps.next_button.text() == "Valider et revenir au récapitulatif") == last
        click(qtbot, window.steps.next_button)
    assert window.current_screen() is window.summary


def test_offline_request_is_confirmed_then_sent_when_back_online(qtbot, make_kiosk,  # noqa: E501
                                                                  catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(demo=True)
    window = kiosk.window
    worker = kiosk.services.sync.worker  # type: ignore[union-attr]
    assert window.outage_button is not None
    click(qtbot, window.outage_button)
    qtbot.waitUntil(lambda: "Hors ligne (coupure simulée)" in window.connection_label.text(),
                    timeout=WAIT_MS)
    procedure = catalogue.get("permis-renouvellement")
    complete_request(qtbot, kiosk, procedure, random.Random(2), {})
    item = window.saved_item
    assert item is not None
    qtbot.waitUntil(lambda: "(1 en attente)" in window.connection_label.text(), timeout=WAIT_MS)
    assert window.connection_label.text().startswith("○ Hors ligne")
    assert kiosk.services.outbox.get(item.id).state == "queued"
    assert "attendu" in window.confirmation.dossier.text()
    with qtbot.waitSignal(worker.dossier_received, timeout=WAIT_MS * 2) as received:
        click(qtbot, window.outage_button)  # the network is back
    assert received.args[0] == item.id
    QApplication.processEvents()
    assert received.args[1] in window.confirmation.dossier.text()
    qtbot.waitUntil(lambda: window.connection_label.text().startswith("● En ligne"),
                    timeout=WAIT_MS)
    assert window.connection_label.accessibleName() == window.connection_label.text()[2:]
    assert kiosk.services.outbox.get(item.id).state == "sent"


def test_unreachable_central_service_still_saves_the_request(qtbot, make_kiosk,  # noqa: E501
                                                             catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(central_url="http://127.0.0.1:9/api")
    window = kiosk.window
    qtbot.waitUntil(lambda: "Hors ligne" in window.connection_label.text(), timeout=WAIT_MS)
    complete_request(qtbot, kiosk, catalogue.get("cg-declaration-cession"), random.Random(4), {})
    qtbot.waitUntil(lambda: "(1 en attente)" in window.connection_label.text(), timeout=WAIT_MS)
    assert window.saved_item is not None
    assert kiosk.services.outbox.get(window.saved_item.id).state in ("queued", "sending")


def test_full_disk_keeps_everything_on_screen(qtbot, make_kiosk, catalogue: Catalogue, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from offline_queue import OutboxFull

    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    procedure = catalogue.get("cg-changement-adresse")
    rng = random.Random(6)
    start_procedure(qtbot, kiosk, procedure)
    walk_steps(qtbot, kiosk, rng, {})
    attach_documents(qtbot, kiosk, procedure, rng)
    answers = dict(window.session.answers)  # type: ignore[union-attr]
    real = kiosk.services.outbox.enqueue
    calls = []

    def full(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            raise OutboxFull("Le disque de la borne est plein : la demande n'a PAS été enregistrée.")
        return real(*args, **kwargs)

    window.consent._enqueue = full
    click(qtbot, window.summary.next_button)
    click(qtbot, window.consent.accept_button)
    qtbot.waitUntil(lambda: window.consent.status.kind == "error", timeout=WAIT_MS)
    assert "disque" in window.consent.status.text()
    assert window.current_screen() is window.consent
    assert dict(window.session.answers) == answers  # type: ignore[union-attr]
    assert window.consent.accept_button.text() == "Réessayer l'enregistrement"
    click(qtbot, window.consent.accept_button)
    qtbot.waitUntil(lambda: window.current_screen() is window.confirmation, timeout=WAIT_MS)
    assert kiosk.services.outbox.counts()["queued"] == 1


def test_printer_failure_offers_retry(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    from kiosk.receipts import PrintError

    kiosk = make_kiosk(sync=False)
    kiosk.printer.failures.append(PrintError("no_paper", "L'imprimante n'a plus de papier."))
    complete_request(qtbot, kiosk, catalogue.get("cg-changement-adresse"), random.Random(8), {})
    window = kiosk.window
    qtbot.waitUntil(lambda: window.confirmation.retry_button.isVisible(), timeout=WAIT_MS)
    assert "papier" in window.confirmation.print_status.text()
    assert window.confirmation.print_status.kind == "error"
    click(qtbot, window.confirmation.retry_button)
    kiosk.drain(qtbot)
    assert window.confirmation.print_status.kind == "success"
    assert kiosk.printer.printed == [(window.saved_item.id, False, "citoyen")]  # type: ignore[union-attr]


def test_going_home_wipes_everything(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    procedure = catalogue.get("cg-changement-adresse")
    rng = random.Random(10)
    start_procedure(qtbot, kiosk, procedure)
    walk_steps(qtbot, kiosk, rng, {})
    attach_documents(qtbot, kiosk, procedure, rng)
    session = window.session
    assert session is not None
    document = next(iter(session.documents.values()))
    QApplication.clipboard().setText(next(iter(session.answers.values())))
    assert any(p.suffix == ".pdf" for p in kiosk.scanner.iterdir())
    (kiosk.scanner / "lisez-moi.txt").write_text("pas un scan")
    window.go_home()
    assert window.session is None
    assert not session.answers and not session.documents
    assert not any(document.data)
    assert QApplication.clipboard().text() == ""
    assert all(not edit.text() for edit in window.findChildren(QLineEdit))
    assert not window.summary.modify_buttons and not window.steps.widgets
    # The citizen's scans leave the scanner folder too (off the GUI thread); other files stay.
    qtbot.waitUntil(lambda: [p.name for p in kiosk.scanner.iterdir()] == ["lisez-moi.txt"],
                    timeout=5000)


def test_idle_countdown_can_be_cancelled_then_wipes(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(sync=False, idle_warning_s=1, idle_reset_s=2)
    window = kiosk.window
    start_procedure(qtbot, kiosk, catalogue.get("cg-changement-adresse"))
    qtbot.waitUntil(window.overlay.isVisible, timeout=3000)
    click(qtbot, window.overlay.stay_button)
    assert not window.overlay.isVisible()
    assert window.current_screen() is window.steps
    qtbot.waitUntil(window.overlay.isVisible, timeout=3000)
    qtbot.waitUntil(lambda: window.current_screen() is window.welcome, timeout=5000)
    assert window.session is None
    assert not window.overlay.isVisible()


def test_idle_countdown_ending_during_the_save_leaves_no_false_warning(  # type: ignore[no-untyped-def]
        qtbot, make_kiosk, catalogue: Catalogue) -> None:
    """The wipe is skipped while the request is written; the countdown must not stay on screen
    saying the request will be erased, with a « Je suis là » that does nothing."""
    import threading

    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    procedure = catalogue.get("cg-changement-adresse")
    start_procedure(qtbot, kiosk, procedure)
    walk_steps(qtbot, kiosk, random.Random(5), {})
    attach_documents(qtbot, kiosk, procedure, random.Random(5))
    click(qtbot, window.summary.next_button)
    release = threading.Event()
    enqueue = window.consent._enqueue

    def slow_enqueue(*args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(WAIT_MS / 1000)
        return enqueue(*args, **kwargs)

    window.consent._enqueue = slow_enqueue
    click(qtbot, window.consent.accept_button)
    try:
        assert window.consent.saving
        expired: list[bool] = []
        window.idle.expired.connect(lambda: expired.append(True))
        window.idle._warn()  # the citizen has not touched the screen for idle_warning_s
        assert window.overlay.isVisible()
        window.idle.remaining = 1
        window.idle._count()  # ... nor during the countdown
        assert expired and window.current_screen() is window.consent
        assert not window.overlay.isVisible()
    finally:
        release.set()
    qtbot.waitUntil(lambda: window.current_screen() is window.confirmation, timeout=WAIT_MS)
    assert not window.overlay.isVisible()


def test_call_mediator_shows_message_and_flag(qtbot, make_kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    click(qtbot, window.call_button)
    assert window.mediator_called
    assert window.call_message.isVisible() and "appelé" in window.call_message.text()
    assert window.call_flag.isVisible()


def test_mediator_queue_retry_and_receipts(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from kiosk.mediators import create_demo_accounts

    kiosk = make_kiosk()
    window = kiosk.window
    outbox = kiosk.services.outbox
    create_demo_accounts(kiosk.services.mediators)
    kiosk.services.sync.worker.set_simulated_outage(True)  # type: ignore[union-attr]
    complete_request(qtbot, kiosk, catalogue.get("cg-changement-adresse"), random.Random(11), {})
    finish(qtbot, kiosk)
    item = outbox.list_items()[0]
    outbox.mark_sending(item.id)
    outbox.mark_needs_attention(item.id, "Refusée par le service central (essai)", [
        {"field": "answers.plaque", "code": "invalid_format", "message": "Plaque refusée (essai)."}])
    click(qtbot, window.welcome.mediator_button)
    window.login.choose("m-0001")
    window.login.pin.setText("0000")
    click(qtbot, window.login.login_button)
    qtbot.waitUntil(lambda: window.login.error.isVisible(), timeout=WAIT_MS)
    assert "incorrect" in window.login.error.text()
    window.login.pin.setText("1234")
    click(qtbot, window.login.login_button)
    qtbot.waitUntil(lambda: window.current_screen() is window.queue, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: (item.id, "retry") in window.queue.buttons, timeout=WAIT_MS)
    kiosk.services.sync.worker.set_simulated_outage(False)  # type: ignore[union-attr]
    click(qtbot, window.queue.buttons[(item.id, "retry")])
    qtbot.waitUntil(lambda: outbox.get(item.id).state == "sent", timeout=WAIT_MS * 2)
    qtbot.waitUntil(lambda: (item.id, "final") in window.queue.buttons, timeout=WAIT_MS)
    click(qtbot, window.queue.buttons[(item.id, "final")])
    kiosk.drain(qtbot)
    assert (item.id, True, "m-0001") in kiosk.printer.printed
    assert outbox.get(item.id).received_at <= datetime.now(UTC)


def test_the_list_of_procedures_opens_with_the_keyboard_closed(qtbot, make_kiosk) -> None:  # type: ignore[no-untyped-def]
    """On a short screen the tapped button's page, then the header's switches, hide as the
    request starts, and Qt hands the focus on to the next field in line (the search field):
    the keyboard must not open over the tiles for that."""
    window = make_kiosk(sync=False).window
    window.resize(1280, 800)
    click(qtbot, window.welcome.alone_button)
    assert window.current_screen() is window.picker
    assert window.keyboard.current_field() is None and not window.keyboard.isVisible()


def test_the_keyboard_stays_open_from_one_typed_answer_to_the_next(qtbot, make_kiosk,  # type: ignore[no-untyped-def]
                                                                  catalogue: Catalogue) -> None:
    """From one typed answer to the next it stays open, typing into the new field, and it
    closes on the documents page, where nothing is typed."""
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    window.resize(1280, 800)
    closings: list[object] = []
    window.keyboard.closed.connect(lambda: closings.append(window.visit.page))
    rng = random.Random(7)
    text_to_text = 0
    for procedure in catalogue.procedures.values():
        start_procedure(qtbot, kiosk, procedure)
        while True:
            if window.current_screen() is window.requirements:
                click(qtbot, window.requirements.start_button)
            if window.current_screen() is not window.steps:
                break
            was_typing = window.keyboard.current_field() is not None
            closings.clear()
            answer_question(qtbot, kiosk, rng, {})
            question = window.steps.current_widget() if window.current_screen() is window.steps else None
            if was_typing and isinstance(question, TextFieldWidget):
                text_to_text += 1
                assert not closings, question.field.id
                assert window.keyboard.current_field() is question.inputs()[0]
                assert window.keyboard.isVisible()
        assert window.current_screen() is window.documents
        assert window.keyboard.current_field() is None and not window.keyboard.isVisible()
        window.go_home()
        if text_to_text >= 3:
            break
    assert text_to_text >= 3


def test_a_field_typed_into_is_not_kept_in_view_after_its_page_is_gone(qtbot, make_kiosk,  # type: ignore[no-untyped-def]
                                                                      catalogue: Catalogue) -> None:
    """« Quitter la démarche » while typing: the field goes with the answers. Its page,
    shown again for the next person, must not scroll to that field (a keyboard closed only
    after the page was left made it crash the screen's next resize)."""
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    window.resize(1280, 800)
    rng = random.Random(3)
    procedure = next(iter(catalogue.procedures.values()))
    start_procedure(qtbot, kiosk, procedure)
    for _ in range(30):
        if window.current_screen() is window.requirements:
            click(qtbot, window.requirements.start_button)
        if window.keyboard.current_field() is not None:
            break
        answer_question(qtbot, kiosk, rng, {})
    typed = window.keyboard.current_field()
    assert typed is not None and window.current_screen() is window.steps
    window.quit_request()
    assert window.current_screen() is window.welcome and window.keyboard.current_field() is None
    qtbot.waitUntil(lambda: not shiboken6.isValid(typed), timeout=WAIT_MS)
    start_procedure(qtbot, kiosk, procedure)
    if window.current_screen() is window.requirements:
        click(qtbot, window.requirements.start_button)
    window.resize(1366, 768)  # the body's view changes size: the screen scrolls to what it keeps
    QApplication.processEvents()
    assert window.current_screen() is window.steps


def test_a_subject_s_list_is_introduced_without_doubled_punctuation(qtbot, make_kiosk) -> None:  # type: ignore[no-untyped-def]
    window = make_kiosk(sync=False).window
    click(qtbot, window.welcome.alone_button)
    for theme in window.picker.theme_buttons:
        window.picker.show_theme(theme)
        hint = window.picker.hint.text()
        assert hint.endswith(". Touchez votre démarche :") and "…." not in hint and ".." not in hint
