"""Taps, keystrokes and screens per procedure, with a mediator and alone, through the real screens.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_taps.py [--code cg-changement-adresse]

A mediator's speed is counted, not timed: each procedure is walked from the
welcome screen to the confirmation in the real window (offscreen), the way an
efficient person would, and every touch is counted:

- **taps**: a button, a choice, a suggestion, or a field that does not have
  the focus yet (the page gives the focus to its first field by itself);
- **keystrokes**: keys of the on-screen keyboard: the characters of an answer,
  the PIN, and « OK » when it moves to the next field of the page;
- **screens**: what is on screen changed (a new page, or a new question).

With a mediator the walk starts with « Avec un médiateur », the name and the
PIN (or, where the mediator stays signed in for the shift, the one tap « Commencer
avec <nom> »: the PIN is typed once a shift, not counted); alone, with « Je fais ma
démarche seul ». A plate is typed without its dashes where the field writes them.
Each procedure takes its first branch (``branch_forcings`` of the flow tests: the
first value of each choice); every answer comes from ``kiosk.samples`` seeded by the procedure and
the question, so two runs, and two versions of the code, type the same
answers. Optional questions are left empty, as most people do. Where the
street is typed and the page offers addresses (a mediator, online), the walk
types the street but the end of its last word and taps the suggestion; it runs a local
server answering as the Base Adresse Nationale does (``tests/ban_fake.py``).

The proof of address is the sample bill of ``kiosk.sample_scans``, which carries
a 2D-Doc as most real ones do (``--proof plain``: the earlier sample without a
code). Where the kiosk offers it before the questions (a mediator,
``Visit.scanning_first``), the walk scans it there; a date or an answer read
on it is not typed again, only confirmed.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWidget  # noqa: E402

from kiosk.config import KioskConfig  # noqa: E402
from kiosk.launcher import build_services  # noqa: E402
from kiosk.mediators import create_demo_accounts  # noqa: E402
from kiosk.procedures import Catalogue, Field, Procedure, load_catalogue  # noqa: E402
from kiosk.sample_scans import proof_of_address  # noqa: E402
from kiosk.samples import sample_answer, sample_document  # noqa: E402
from ui import fields  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.fields import ChoiceFieldWidget, DateFieldWidget, FieldWidget  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.screens.background import jobs_running  # noqa: E402

WAIT_S = 10.0
PLATE_WIDGET: type[FieldWidget] | None = getattr(fields, "PlateFieldWidget", None)
"""A plate field that writes its own dashes (where the code has it): typed without them."""


def wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        QTest.qWait(5)


@dataclass
class Count:
    taps: int = 0
    keys: int = 0
    screens: int = 0
    seen: tuple[object, ...] = ()

    @property
    def actions(self) -> int:
        return self.taps + self.keys


@dataclass
class Walker:
    """Drives one window and counts what a person would touch."""

    window: MainWindow
    scanner: Path
    count: Count = field(default_factory=Count)
    plain_proof: bool = False
    """The proof of address without a 2D-Doc."""

    def _look(self) -> None:
        QApplication.processEvents()
        window = self.window
        screen = window.current_screen()
        shown: tuple[object, ...] = (screen, window.visit.entry)
        if screen is window.steps:
            shown += tuple(w.field.id for w in self.shown_fields()[:1])
        if shown != self.count.seen:
            self.count.screens += 1
            self.count.seen = shown

    def tap(self, widget: QWidget) -> None:
        QApplication.processEvents()
        assert widget.isVisible() and widget.isEnabled(), widget.accessibleName()
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        self.count.taps += 1
        self._look()

    def key_ok(self, edit: QLineEdit) -> None:
        QTest.keyClick(edit, Qt.Key.Key_Return)
        self.count.keys += 1
        QTest.qWait(1)  # OK acts once the key event is over
        self._look()

    def type(self, edit: QLineEdit, text: str) -> None:
        if QApplication.focusWidget() is not edit:
            self.tap(edit)
        edit.selectAll()
        if text.isascii():
            QTest.keyClicks(edit, text)
        else:  # QTest cannot type accents; the on-screen keyboard inserts them this way
            edit.insert(text)
        self.count.keys += len(text)

    def shown_fields(self) -> list[FieldWidget]:
        QApplication.processEvents()
        return [w for w in self.window.steps.findChildren(FieldWidget) if w.isVisible()]

    # --- the walk ----------------------------------------------------------------------------

    def log_in(self) -> None:
        """« Avec un médiateur », the name, the PIN. Where the kiosk keeps the mediator signed
        in for the shift (``kiosk.shift``), that is done once at the start of the shift, not
        counted here, and each visit starts with « Commencer avec <nom> »."""
        window = self.window
        start = getattr(window.welcome, "signed_in_button", None)
        if start is None:
            self.pin_login()
            return
        counted, self.count = self.count, Count()
        self.pin_login()
        window.go_home()
        self.count = counted
        self.tap(start)
        assert window.current_screen() is window.picker

    def pin_login(self) -> None:
        login = self.window.login
        self.tap(self.window.welcome.with_mediator_button)
        if login.chosen != "m-0001":
            self.tap(login.name_buttons["m-0001"])
        self.type(login.pin, "1234")
        self.tap(login.login_button)
        wait_until(lambda: self.window.current_screen() is self.window.picker, "login")
        self._look()

    def walk(self, procedure: Procedure, forced: dict[str, str], mediator: bool) -> Count:
        window = self.window
        self._look()
        if mediator:
            self.log_in()
        else:
            self.tap(window.welcome.alone_button)
        theme_of = getattr(window.picker, "theme_of", lambda _code: procedure.theme)
        self.tap(window.picker.theme_buttons[theme_of(procedure.code)])
        self.tap(window.picker.procedure_tiles[procedure.code])
        for_whom = getattr(window, "for_whom", None)  # « Pour qui ? », where the code asks it
        if for_whom is not None and window.current_screen() is for_whom:
            self.tap(for_whom.choice_buttons["self"])
        for _ in range(80):  # the checklist comes first, or after the questions that decide
            if window.current_screen() is window.requirements:
                self.tap(window.requirements.start_button)
            elif window.current_screen() is window.steps:
                self.answer_page(procedure, forced)
            elif window.current_screen() is window.chooser and getattr(window.visit, "scanning_first", False):
                self.scan_first(procedure)
            else:
                break
        else:
            raise AssertionError("the questions never ended")
        self.attach_documents(procedure)
        self.tap(window.summary.next_button)
        self.tap(window.consent.accept_button)
        wait_until(lambda: window.current_screen() is window.confirmation, "saving")
        wait_until(lambda: jobs_running() == 0, "printing")
        return self.count

    def to_answer(self, forced: dict[str, str]) -> list[FieldWidget]:
        """Questions on the page a person answers: required or forced, still empty."""
        return [w for w in self.shown_fields()
                if (w.field.required or w.field.id in forced) and not w.value()]

    def answer_page(self, procedure: Procedure, forced: dict[str, str]) -> None:
        """Answer what the page asks. One question per page: then « Continuer ». A mediator's
        page: « OK » after each typed answer goes to the next question still to answer, and
        after the last one continues; « Continuer » is tapped only when OK did not move on."""
        window, steps = self.window, self.window.steps
        start = (window.visit.entry, steps.field_id, steps.entry)

        def moved() -> bool:
            return (window.current_screen() is not steps
                    or (window.visit.entry, steps.field_id, steps.entry) != start)

        done: set[str] = set()
        while not moved():
            pending = [w for w in self.to_answer(forced) if w.field.id not in done]
            if not pending:
                break
            widget = pending[0]
            done.add(widget.field.id)
            self.answer(procedure, widget, answer_for(procedure, widget.field, forced))
            focus = QApplication.focusWidget()
            if (getattr(steps, "compact", False) and isinstance(focus, QLineEdit)
                    and widget.isAncestorOf(focus)):
                self.key_ok(focus)
        if not moved():
            self.tap(steps.next_button)

    def answer(self, procedure: Procedure, widget: FieldWidget, value: str) -> None:
        if isinstance(widget, ChoiceFieldWidget):
            self.tap(widget.buttons[value])
        elif isinstance(widget, DateFieldWidget):
            day, month, year = value.split("/")
            for part, text in ((widget.day, day), (widget.month, month), (widget.year, year)):
                self.type(part, text)
        elif self.pick_suggestion(widget, value):
            pass
        else:
            edit = widget.inputs()[0]
            assert isinstance(edit, QLineEdit)
            if PLATE_WIDGET is not None and isinstance(widget, PLATE_WIDGET):
                value = "".join(c for c in value if c.isalnum())  # the dashes come by themselves
            self.type(edit, value)
            assert PLATE_WIDGET is None or not isinstance(widget, PLATE_WIDGET) \
                or edit.text() == answer_for(procedure, widget.field, {}), edit.text()

    def pick_suggestion(self, widget: FieldWidget, value: str) -> bool:
        """Type the street's first words and tap the address offered, where one is offered."""
        offers: Callable[[str], bool] = getattr(self.window.steps, "offers_addresses",
                                                lambda _field_id: False)
        if not offers(widget.field.id):
            return False
        suggestions: Callable[[], list[QPushButton]] = widget.suggestions  # type: ignore[attr-defined]
        edit = widget.inputs()[0]
        assert isinstance(edit, QLineEdit)
        words = value.split()  # all but the last word, and three letters of it
        self.type(edit, " ".join([*words[:-1], words[-1][:3]]))
        try:
            wait_until(lambda: bool(suggestions()), "address suggestions")
        except TimeoutError:
            self.type(edit, value)  # no answer: typed by hand, as offline
            return True
        self.tap(suggestions()[0])
        return True

    def scan_path(self, procedure: Procedure, kind: str, rng: random.Random) -> Path:
        """The scan of ``kind`` written in the scanner folder: the sample bill for a proof of
        address (with its 2D-Doc unless ``plain_proof``), else the plain sample document."""
        spec = procedure.document(kind)
        if kind == "justificatif_domicile" and not self.plain_proof:
            filename, data = "facture.pdf", proof_of_address(rng, "pdf", 150)
        else:
            filename, data = sample_document(spec, rng)
        path = self.scanner / filename
        staged = self.scanner.parent / filename  # the scan appears whole: one folder event
        staged.write_bytes(data)
        os.replace(staged, path)
        return path

    def use_scan(self, path: Path) -> None:
        """« Utiliser » on the scan once listed, and its date when asked."""
        chooser = self.window.chooser
        refreshing = getattr(chooser, "_refresh_soon", None)  # the list is drawn again soon

        def listed() -> bool:
            QApplication.processEvents()
            return (path in chooser.file_buttons and chooser.file_buttons[path].isVisible()
                    and not (refreshing is not None and refreshing.isActive()))

        wait_until(listed, "scan listed")
        self.tap(chooser.file_buttons[path])
        self.give_date_if_asked(chooser)

    def scan_first(self, procedure: Procedure) -> None:
        """The proof of address asked before the questions (a mediator): scanned there."""
        window = self.window
        self.use_scan(self.scan_path(procedure, window.chooser.kind, random.Random(procedure.code)))
        wait_until(lambda: window.current_screen() is window.steps, "scanned first")
        self._look()

    def attach_documents(self, procedure: Procedure) -> None:
        window = self.window
        session = window.session
        assert window.current_screen() is window.documents and session is not None
        rng = random.Random(procedure.code)
        for spec in session.required_documents():
            if not spec.required or spec.kind in session.documents:
                continue
            path = self.scan_path(procedure, spec.kind, rng)
            self.tap(window.documents.add_buttons[spec.kind])
            self.use_scan(path)
            wait_until(lambda: window.current_screen() is window.documents, "attached")
            self._look()
        self.tap(window.documents.next_button)


    def give_date_if_asked(self, chooser: object) -> None:
        """A document that must be recent asks the date written on it (where the code asks):
        typed in its three boxes (unless read on its 2D-Doc), then « Valider la date »."""
        wait_until(lambda: not getattr(chooser, "busy", False), "scan checked")
        panel = getattr(chooser, "date_panel", None)
        if panel is None or not panel.isVisible():
            return
        day = date.today()
        field = chooser.date_field  # type: ignore[attr-defined]
        if not field.value():
            for part, text in ((field.day, f"{day.day:02d}"), (field.month, f"{day.month:02d}"),
                               (field.year, str(day.year))):
                self.type(part, text)
        self.tap(chooser.date_button)  # type: ignore[attr-defined]


def answer_for(procedure: Procedure, fld: Field, forced: dict[str, str]) -> str:
    """The same answer in every run and every version: seeded by procedure and question."""
    if fld.id in forced:
        return forced[fld.id]
    rng = random.Random(f"{procedure.code}/{fld.id}")
    return sample_answer(fld, rng, date.today(), place=("75004", "Paris", "75104"))


def first_branch(procedure: Procedure) -> dict[str, str]:
    """The first value of each choice (as the flow tests' first walk)."""
    forced = {}
    for fld in procedure.all_fields():
        if fld.must_equal is not None:
            forced[fld.id] = fld.must_equal
        elif fld.type == "choice":
            forced[fld.id] = fld.choices[0].value
        elif fld.type == "yes_no":
            forced[fld.id] = "oui"
    return forced


@contextmanager
def kiosk(catalogue: Catalogue, folder: Path, lookup_url: str) -> Iterator[tuple[MainWindow, Path]]:
    scanner = folder / "scanner"
    scanner.mkdir()
    extra = {"address_lookup_url": lookup_url} if lookup_url and _has_lookup_setting() else {}
    config = KioskConfig(
        kiosk_id="7501-K02", site="7501", site_name="Banc d'essai", data_dir=folder / "data",
        central_url="http://127.0.0.1:9", central_token="x", scanner_dir=scanner,
        sync_interval_s=3600, idle_warning_s=3600, **extra)  # type: ignore[arg-type]
    services = build_services(config, catalogue=catalogue)
    services.sync = None
    services.print_receipt = lambda *_args: None
    create_demo_accounts(services.mediators)
    create_application([])
    window = MainWindow(config, services)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowExposed(window)
    try:
        yield window, scanner
    finally:
        wait_until(lambda: jobs_running() == 0, "jobs")
        window.close()
        services.outbox.close()


def _has_lookup_setting() -> bool:
    return "address_lookup_url" in KioskConfig.__dataclass_fields__


def measure(catalogue: Catalogue, codes: list[str], plain_proof: bool = False,
            who: tuple[bool, ...] = (True, False)) -> list[tuple[str, str, Count]]:
    results = []
    with ban_server() as url, tempfile.TemporaryDirectory() as tmp:
        for code in codes:
            procedure = catalogue.get(code)
            for mediator in who:
                folder = Path(tmp) / f"{code}-{mediator}"
                folder.mkdir()
                with kiosk(catalogue, folder, url) as (window, scanner):
                    walker = Walker(window, scanner, plain_proof=plain_proof)
                    count = walker.walk(procedure, first_branch(procedure), mediator)
                results.append((code, "médiateur" if mediator else "seul", count))
    return results


@contextmanager
def ban_server() -> Iterator[str]:
    """The local address server, when this version of the code has the fake (else no URL)."""
    try:
        from ban_fake import serve_ban
    except ImportError:
        yield ""
        return
    with serve_ban() as url:
        yield url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--code", action="append", help="one procedure (repeatable); default all")
    parser.add_argument("--proof", choices=("2d-doc", "plain"), default="2d-doc",
                        help="the proof of address scanned: the sample bill with its 2D-Doc, or without")
    parser.add_argument("--who", choices=("both", "mediator", "alone"), default="both")
    args = parser.parse_args()
    who = {"both": (True, False), "mediator": (True,), "alone": (False,)}[args.who]
    catalogue = load_catalogue()
    codes = args.code or sorted(catalogue.procedures)
    print("| procedure | who | taps | keystrokes | taps + keystrokes | screens |")
    print("|---|---|---|---|---|---|")
    for code, person, count in measure(catalogue, codes, args.proof == "plain", who):
        print(f"| {code} | {person} | {count.taps} | {count.keys} | {count.actions} | {count.screens} |",
              flush=True)


if __name__ == "__main__":
    main()
