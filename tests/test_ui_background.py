"""Background jobs leave nothing behind: a finished job holds nothing, a preview keeps no scan."""

from __future__ import annotations

import gc
import random
import threading

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from kiosk.procedures import Catalogue
from kiosk.samples import sample_document
from kiosk.session import ProcedureSession
from ui.screens.background import jobs_running, run_in_background
from ui.screens.documents import DocumentsScreen


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
    are not tracked by the collector, nor are tuples holding only such atoms: they are found
    among the referents of what is tracked, descending into untracked containers."""
    gc.collect()
    found: dict[int, type] = {}
    seen: set[int] = set()
    todo = [r for holder in gc.get_objects() for r in gc.get_referents(holder)]
    while todo:
        o = todo.pop()
        if id(o) in seen:
            continue
        seen.add(id(o))
        if isinstance(o, bytes | bytearray):
            if marker in o:
                found[id(o)] = type(o)
        elif isinstance(o, tuple | dict | list) and not gc.is_tracked(o):
            todo.extend(gc.get_referents(o))
    return list(found.values())


def test_the_documents_preview_keeps_no_copy_of_the_scan(qtbot, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    """The preview job reads the session's bytearray: while it waits for a thread, and after
    it ran, the wipe reaches every byte of the scan (a ``bytes(...)`` copy would not)."""
    procedure = catalogue.get("cg-duplicata")
    session = ProcedureSession(procedure, kiosk_id="K", site="S")
    spec = next(d for d in procedure.documents if d.when is None and "jpg" in d.formats)
    filename, data = sample_document(spec, random.Random(4))
    marker = b"MARKER-" + random.Random(9).randbytes(12).hex().encode()
    planted = data + marker  # trailing bytes: the file stays a valid image or PDF
    session.attach(session.check_document(spec.kind, filename, planted))
    del planted, data
    pool = QThreadPool.globalInstance()
    threads = pool.maxThreadCount()
    release = threading.Event()
    pool.setMaxThreadCount(1)
    try:
        run_in_background(release.wait, lambda _r: None, lambda _e: None)  # the pool is busy
        screen = DocumentsScreen()
        qtbot.addWidget(screen)
        screen.start(session)  # the preview job waits for the thread
        assert jobs_running() == 2
        assert _holding(marker) == [bytearray]  # the session's own copy, and only it
        screen.wipe()
        session.wipe()
        assert _holding(marker) == []
    finally:
        release.set()
        qtbot.waitUntil(lambda: jobs_running() == 0, timeout=10_000)
        pool.setMaxThreadCount(threads)
    assert _holding(marker) == []
