"""Background jobs leave nothing behind: a finished job holds nothing, a preview keeps no scan."""

from __future__ import annotations

import gc
import random
import threading
from collections.abc import Callable
from functools import partial
from types import ModuleType

from PySide6.QtWidgets import QApplication, QLabel

from kiosk.procedures import Catalogue
from kiosk.samples import sample_document
from kiosk.session import ProcedureSession
from ui.screens import documents
from ui.screens.background import jobs_running, run_in_background


class Captured:
    """Stands for what a job's work captures (a session, a citizen's bytes)."""


def _alive(kind: type) -> int:
    gc.collect()
    return sum(isinstance(o, kind) for o in gc.get_objects())


def test_a_finished_job_holds_nothing_it_was_given(qtbot, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    results: list[object] = []
    for _ in range(30):
        held = Captured()
        run_in_background(lambda held=held: id(held), results.append, results.append)
    del held
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=10_000)
    assert len(results) == 30
    assert _alive(Captured) == 0


def test_a_failed_job_holds_nothing_either(qtbot, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []

    def fail(held: Captured) -> None:
        raise ValueError("refused")

    for _ in range(10):
        held = Captured()
        run_in_background(lambda held=held: fail(held), errors.append, errors.append)
    del held
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=10_000)
    assert len(errors) == 10 and all(isinstance(e, ValueError) for e in errors)
    errors.clear()  # a traceback holds the frames, and so the captured object
    assert _alive(Captured) == 0


def _holding(marker: bytes) -> list[type]:
    """Types of the byte strings holding ``marker`` that any live object refers to. Bytes
    are not tracked by the collector, nor are tuples or dicts holding only such atoms: they
    are found among the referents of what is tracked, one untracked container deep."""
    gc.collect()
    found: dict[int, type] = {}

    def look(o: object) -> None:
        kind = type(o)
        if (kind is bytes or kind is bytearray) and o is not marker and marker in o:  # type: ignore[operator]
            found[id(o)] = kind

    for holder in gc.get_objects():
        if isinstance(holder, ModuleType):  # see tests/test_soak_day.py: CPython gh-122695
            continue
        for o in gc.get_referents(holder):
            look(o)
            if type(o) in (tuple, dict) and not gc.is_tracked(o):
                for inner in gc.get_referents(o):
                    look(inner)
    return list(found.values())


def test_the_documents_preview_keeps_no_copy_of_the_scan(qtbot, catalogue: Catalogue,  # type: ignore[no-untyped-def]
                                                         monkeypatch) -> None:
    """The preview job is given the session's own bytearray, which the wipe zeroes (a
    ``bytes(...)`` copy would stay out of its reach), and keeps no copy once it ran."""
    procedure = catalogue.get("cg-duplicata")
    session = ProcedureSession(procedure, kiosk_id="K", site="S")
    spec = next(d for d in procedure.documents if d.when is None and "jpg" in d.formats)
    filename, data = sample_document(spec, random.Random(4))
    marker = b"MARKER-" + random.Random(9).randbytes(12).hex().encode()
    session.attach(session.check_document(spec.kind, filename, data + marker))
    del data
    jobs: list[Callable[[], object]] = []
    monkeypatch.setattr(documents, "run_in_background", lambda work, _done, _failed: jobs.append(work))
    screen = documents.DocumentsScreen()
    qtbot.addWidget(screen)
    screen.start(session)
    (job,) = jobs
    assert isinstance(job, partial) and job.args[0] is session.documents[spec.kind].data
    job()  # drawn here (None without QtPdf for a PDF): no copy may outlive it
    del job
    jobs.clear()
    screen.wipe()
    session.wipe()
    assert _holding(marker) == []


class _Screen(QLabel):
    """A screen whose callbacks touch its own widgets, as every screen's do."""

    def shown(self, result: object) -> None:
        self.setText(str(result))


def test_an_outcome_for_a_destroyed_screen_is_dropped(qtbot, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    """A job outlives its screen when the screens are rebuilt (a language chosen) or the window
    closes; its outcome is dropped instead of reaching a deleted widget."""
    release = threading.Event()
    screen = _Screen()
    alive = _Screen()
    run_in_background(lambda: release.wait(10), partial(screen.shown), screen.shown)
    run_in_background(lambda: release.wait(10), alive.shown, alive.shown)
    destroyed: list[bool] = []
    screen.destroyed.connect(lambda *_: destroyed.append(True))
    screen.deleteLater()
    qtbot.waitUntil(lambda: bool(destroyed), timeout=5_000)
    release.set()
    qtbot.waitUntil(lambda: jobs_running() == 0, timeout=10_000)
    assert alive.text() == "True"
