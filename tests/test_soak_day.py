"""A day at the counter in one process: 500 citizens through the real screens, and the sync.

Journeys run back to back in one kiosk window, as on a kiosk that is never
restarted: every procedure in turn, each with its documents scanned, its
consent, the save, a real receipt rendered to PDF, and the end screen. The
sync thread runs all along against a reference central service in another
process (so that the service's own copies of the data are not counted here),
with its interval shortened so that at least a day's worth of passes (one
every 30 s: 2880) happens during the run.

Checked along the way (figures in benchmarks/README.md, "A day in one process"):
- the process is still alive at the end;
- ``sys.getrefcount(True)`` and ``sys.getrefcount(None)`` do not trend down
  (a Qt binding that drops them crashes the kiosk: tests/test_binding_refcount.py); on
  Python 3.12 and later, where both are immortal, they stay far from zero at every end
  screen (see ``_far_from_zero``);
- the number of widgets and of Python-wrapped QObjects does not grow;
- RSS growth per journey, after the first ``WARM_UP`` journeys, stays under
  ``RSS_PER_JOURNEY`` (on a day's run: see the end of the test);
- after each end screen, no object anywhere in the process holds the scan's
  bytes or the citizen's name (a marker planted in each journey), and no
  widget shows them.

The walk of every object takes about a third of a second: it runs in a forked copy
of the process taken at the end screen (an exact snapshot of its memory), on the
other core, while the next citizen goes through the screens; its verdict is read at
the next journey's end.

``SOAK_JOURNEYS`` (environment) shortens the run while working on it, and the passes
asked of it in proportion.
"""

from __future__ import annotations

import gc
import json
import os
import random
import secrets
import socket
import struct
import subprocess
import sys
import time
import warnings
import zlib
from collections.abc import Iterator
from itertools import repeat
from pathlib import Path
from types import ModuleType

import pytest
import requests
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTextEdit
from test_ui_flow import (
    Kiosk,
    attach_documents,
    branch_forcings,
    confirm,
    finish,
    start_procedure,
    walk_steps,
)

from kiosk.config import KioskConfig
from kiosk.launcher import load_backend, services_from
from kiosk.procedures import Catalogue, Procedure
from kiosk.samples import sample_document
from ui import gc_guard
from ui.app import create_application
from ui.main_window import MainWindow

pytestmark = pytest.mark.soak

DAY_JOURNEYS = 500
JOURNEYS = int(os.environ.get("SOAK_JOURNEYS", str(DAY_JOURNEYS)))
DAY_OF_PASSES = 24 * 3600 // 30
# A shortened run (``SOAK_JOURNEYS``, while working on it) asks for its share of the day's
# passes, not the whole day after its last citizen: that wait, minutes long, measured nothing.
PASSES_DUE = DAY_OF_PASSES * min(JOURNEYS, DAY_JOURNEYS) // DAY_JOURNEYS
# A day's passes within the run, not three times over: every 0.15 s, some 6.5 passes a
# second with the passes' own time, a day's 2880 in about 7.5 minutes; each pass costs
# the GUI thread its share of the one interpreter lock, and the service its answers.
SYNC_INTERVAL_S = 0.15
WARM_UP = min(50, JOURNEYS // 5)
# Measured growth after warm-up is a few KB per journey (allocator arenas, Qt's
# font and pixmap caches settling); a leak of one citizen's session with its
# documents and widgets is hundreds of KB. The bound sits between the two.
RSS_PER_JOURNEY = 64 * 1024
KIOSK_ID, SITE = "7501-K02", "7501"
NAME_FIELDS = ("nom", "prenoms", "nom_naissance", "nom_usage")


def _rss() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _letters(number: int) -> str:
    """A name-shaped, unique marker: digits are not allowed in a name."""
    word = ""
    for _ in range(6):
        number, digit = divmod(number, 26)
        word += chr(ord("a") + digit)
    return word


def _marked_scan(data: bytes, marker: bytes) -> bytes:
    """The sample scan with ``marker`` inside, still a valid file of its kind."""
    if data.startswith(b"%PDF"):
        first_line = data.index(b"\n") + 1
        return data[:first_line] + b"%" + marker + b"\n" + data[first_line:]
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    body = b"Comment\x00" + marker
    chunk = struct.pack(">I", len(body)) + b"tEXt" + body + struct.pack(
        ">I", zlib.crc32(b"tEXt" + body) & 0xFFFFFFFF)
    header_end = 8 + 4 + 4 + 13 + 4
    return data[:header_end] + chunk + data[header_end:]


def _holders(planted: list[str | bytes]) -> list[str]:
    """Every Python object in the process that holds a planted marker, by type.

    ``planted`` is [name, scan marker]; the list itself is the one holder allowed.
    ``gc.get_objects()`` lists containers only: strings and bytes are found among
    what they refer to, and dicts and tuples holding only atoms (which the collector
    does not track) are opened in turn. A fast pass over everything at once says
    whether a marker is held at all; only then a slow pass names the holders.
    """
    name, scan_marker = planted
    assert isinstance(name, str) and isinstance(scan_marker, bytes)
    markers, byte_markers = (name, name.upper()), (scan_marker,)
    own = {id(planted), id(markers), id(byte_markers)}
    # Modules are left out (their dicts are listed on their own): on Python 3.12 before
    # 3.12.6, asking the referents of the ``_asyncio`` module returns freed iterators from
    # its free list and corrupts it; the next collection then never ends (CPython gh-122695).
    # Classes are left out too: what they refer to (names, bases, their namespace, itself
    # listed) is fixed when the code is loaded, and they are many.
    # (``isinstance`` on a union is slow over some 150,000 objects: the types are asked apart)
    everything = [obj for obj in gc.get_objects() if id(obj) not in own
                  and type(obj) is not ModuleType and not isinstance(obj, type)]
    if not _marker_held(everything, markers, byte_markers):
        return []
    found = []
    for holder in everything:
        for referent in gc.get_referents(holder):
            kind = type(referent)
            opened = kind in (str, bytes, bytearray) or (
                kind in (dict, tuple) and not gc.is_tracked(referent))
            if opened and _marker_held([(referent,)], markers, byte_markers):
                where = getattr(getattr(holder, "f_code", None), "co_qualname", "")
                found.append(f"{kind.__name__} in {type(holder).__name__}"
                             + (f" of {where}" if where else ""))
    return found


def _marker_held(holders: list[object], markers: tuple[str, ...],
                 byte_markers: tuple[bytes, ...]) -> bool:
    """Whether any string or bytes that ``holders`` refer to (through untracked atoms-only
    dicts and tuples too) contains a marker.

    One loop sorts what they refer to; then all the strings are searched at once, joined,
    and all the bytes likewise (a marker holds no NUL, so no joint makes one)."""
    tracked = gc.is_tracked
    seen: set[int] = set()
    referents = gc.get_referents(*holders)
    while referents:
        texts: list[str] = []
        blobs: list[bytes | bytearray] = []
        nested: list[object] = []
        for referent in referents:
            kind = type(referent)
            if kind is str:
                texts.append(referent)
            elif kind is tuple or kind is dict:
                if not tracked(referent) and id(referent) not in seen:
                    seen.add(id(referent))
                    nested.append(referent)
            elif kind is bytes or kind is bytearray:
                blobs.append(referent)
        text = "\0".join(texts)
        if any(m in text for m in markers):
            return True
        blob = b"\0".join(blobs)
        if any(m in blob for m in byte_markers):
            return True
        referents = gc.get_referents(*nested) if nested else []
    return False


def _shown_text(planted: list[str | bytes]) -> list[str]:
    """Widgets whose text still shows the name (what the next citizen could read)."""
    name = str(planted[0])
    markers = (name, name.upper())
    shown = []
    for widget in QApplication.allWidgets():
        text = ""
        if isinstance(widget, QLineEdit | QLabel):
            text = widget.text()
        elif isinstance(widget, QTextEdit):
            text = widget.toPlainText()
        if any(m in text for m in markers):
            shown.append(f"{type(widget).__name__} {widget.objectName()!r} in "
                         f"{type(widget.window()).__name__}/{type(widget.parent()).__name__}")
    return shown


def _one_journey(qtbot, kiosk: Kiosk, procedure: Procedure, forced: dict[str, str],  # type: ignore[no-untyped-def]
                 rng: random.Random, planted: list[str | bytes]) -> None:
    """One citizen from the welcome screen to the end screen and back, with the markers."""

    def marked_scan(_kiosk: Kiosk, proc: Procedure, kind: str, gen: random.Random) -> Path:
        filename, data = sample_document(proc.document(kind), gen)
        path = kiosk.scanner / filename
        path.write_bytes(_marked_scan(data, bytes(planted[1])))
        return path

    start_procedure(qtbot, kiosk, procedure)
    walk_steps(qtbot, kiosk, rng, {**forced, **dict.fromkeys(NAME_FIELDS, str(planted[0]))})
    attach_documents(qtbot, kiosk, procedure, rng, make_scan=marked_scan)
    confirm(qtbot, kiosk)
    finish(qtbot, kiosk)


FAR_FROM_ZERO = 2**31
"""On Python 3.12 and later, a count of True or None above this cannot reach zero in a kiosk's
life: a binding losing one reference per call would need two billion calls."""


def _far_from_zero(count: int) -> bool:
    """Whether a reference count of ``True`` or ``None`` read on Python 3.12 or later is safe.

    There both are immortal and their count is a marker near 2**32, not a count: the
    interpreter no longer changes it below that mark, while a binding built for the stable
    ABI moves it up and down, with a balance that depends on the screens (a Python override
    that Qt calls and that returns nothing takes one off; a C++ call that returns nothing to
    Python adds one). A reading some references under the first one is therefore no trend;
    what would crash the kiosk is the count falling towards zero.
    """
    return count >= FAR_FROM_ZERO


def _waiting(outbox) -> int:  # type: ignore[no-untyped-def]
    counts = outbox.counts()
    return int(counts["queued"] + counts["sending"])


def _qobjects() -> int:
    return sum(map(isinstance, gc.get_objects(), repeat(QObject)))


class SnapshotWalk:
    """The walk of every object at a journey's end, in a forked copy of the process.

    The copy is the process's memory as it was at the fork, so its verdict is the one the
    walk would give there; it touches no Qt object, no lock and no file, collects nothing
    (a collection there could run finalizers of Qt or SQLite objects), and ends with
    ``os._exit``. One at a time: its verdict is read before the next is forked.
    """

    def __init__(self) -> None:
        self._pending: tuple[int, int, int] | None = None  # journey, pid, read end
        self.cpu_s = 0.0
        """CPU time of the copies that ended (user and system: the pages they copied)."""

    def start(self, journey: int, planted: list[str | bytes]) -> None:
        read_end, write_end = os.pipe()
        with warnings.catch_warnings():  # « multi-threaded, fork() may deadlock »: see above
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
        if pid == 0:  # the copy
            gc.disable()
            gc.unfreeze()  # what start-up made is listed too (the kiosk keeps it: ui.gc_guard)
            code = 0
            try:
                verdict = json.dumps([_holders(planted), _qobjects()])
            except BaseException as exc:  # noqa: BLE001 - said to the parent, which fails
                verdict, code = json.dumps([[f"the walk failed: {exc!r}"], 0]), 1
            with os.fdopen(write_end, "w", encoding="utf-8") as out:
                out.write(verdict)
            os._exit(code)
        os.close(write_end)
        self._pending = (journey, pid, read_end)

    def verdict(self) -> int | None:
        """Fails if the last walk found the citizen's data; the QObjects it counted."""
        if self._pending is None:
            return None
        journey, pid, read_end = self._pending
        self._pending = None
        with os.fdopen(read_end, encoding="utf-8") as verdict:
            text = verdict.read()
        _, status, usage = os.wait4(pid, 0)
        self.cpu_s += usage.ru_utime + usage.ru_stime
        assert os.waitstatus_to_exitcode(status) == 0 and text, (journey, status, text)
        leftovers, qobjects = json.loads(text)
        assert not leftovers, f"journey {journey}: the citizen's data is still held: {leftovers}"
        return int(qobjects)


@pytest.fixture
def central(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """The reference central service in a process of its own, on loopback."""
    token = secrets.token_urlsafe(16)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "central.log"
    process = subprocess.Popen(  # « --token=… »: a token may start with « - »
        [sys.executable, "-m", "kiosk.cli", "central", "serve", "--port", str(port),
         "--data", str(tmp_path / "central"), f"--token={token}", "--kiosk-id", KIOSK_ID,
         "--site", SITE],
        stdout=log.open("wb"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/api"
    deadline = time.monotonic() + 30
    while True:
        try:
            requests.get(f"{url}/v1/health", headers={"Authorization": f"Bearer {token}"}, timeout=1)
            break
        except requests.ConnectionError:
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()[-2000:]
            time.sleep(0.1)
    yield url, token
    process.terminate()
    process.wait(timeout=10)


@pytest.mark.timeout(1800)  # the suite's 300 s would fire inside Qt's event loop mid-journey
def test_a_day_of_citizens_in_one_process(qtbot, tmp_path: Path, central, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    url, token = central
    scanner = tmp_path / "scanner"
    scanner.mkdir()
    receipts = tmp_path / "recus"
    config = KioskConfig(
        kiosk_id=KIOSK_ID, site=SITE, site_name="Préfecture de test",
        data_dir=tmp_path / "kiosk", central_url=url, central_token=token, central_timeout_s=5.0,
        scanner_dir=scanner, printer_pdf_dir=receipts, sync_interval_s=SYNC_INTERVAL_S,
        backoff_base_s=0.01, backoff_max_s=0.05, idle_warning_s=3600, idle_reset_s=30)
    backend = load_backend(config, catalogue=catalogue)
    started = [0]  # sync passes begun, counted on the sync thread
    run_pass = backend.sync.run_pass

    def counted_pass(*args, **kwargs):  # type: ignore[no-untyped-def]
        started[0] += 1
        return run_pass(*args, **kwargs)

    backend.sync.run_pass = counted_pass  # type: ignore[method-assign]
    services = services_from(backend)
    create_application([])
    window = MainWindow(config, services)
    window.warm_up.done.connect(gc_guard.keep_start_up)  # as ui.app.create_window does
    qtbot.addWidget(window)
    window.resize(1280, 1024)
    window.show()
    qtbot.waitExposed(window)
    assert services.sync is not None
    passes = [0]  # sync passes finished, counted on the sync thread
    services.sync.worker.pass_finished.connect(lambda: passes.__setitem__(0, passes[0] + 1))
    services.sync.start()
    printed: list[str] = []
    real_print = services.print_receipt

    def print_and_count(submission_id: str, final: bool, who: str) -> None:
        real_print(submission_id, final, who)
        printed.append(submission_id)

    services.print_receipt = print_and_count
    kiosk = Kiosk(window, services, print_and_count, scanner, url)  # type: ignore[arg-type]

    procedures: list[Procedure] = list(catalogue.procedures.values())
    walks = [(p, forced) for p in procedures for forced in branch_forcings(p)]
    outbox = services.outbox
    true_counts, none_counts, rss, widgets, qobjects = [], [], [], [], []
    walks_in_copies = SnapshotWalk()
    settling = walking = 0.0  # seconds: the sync and printing settling, the checks
    began, gui_cpu_began, cpu_began = time.monotonic(), time.thread_time(), os.times()
    for journey in range(JOURNEYS):
        planted: list[str | bytes] = [
            "Soak" + _letters(journey), f"SCANMARK-{journey:06d}-{secrets.token_hex(4)}".encode()]
        _one_journey(qtbot, kiosk, *walks[journey % len(walks)], random.Random(journey), planted)
        ended = time.monotonic()
        qtbot.waitUntil(lambda: _waiting(outbox) == 0, timeout=30_000)
        # The pass that sent it may still hold the request it has just sent: let it end (it
        # has begun: the last begun then), and the receipt printed on « J'ai terminé » too.
        settled = started[0]
        qtbot.waitUntil(lambda settled=settled: passes[0] >= settled, timeout=30_000)
        kiosk.drain(qtbot)
        # What the kiosk's event loop does between two taps; a test's waits do not.
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        settling += time.monotonic() - ended
        walk_began = time.monotonic()
        gc.collect()
        if (counted := walks_in_copies.verdict()) is not None:  # the previous journey's
            qobjects.append(counted)
        walks_in_copies.start(journey, planted)
        assert not _shown_text(planted), f"journey {journey}: a widget still shows the name"
        true_counts.append(sys.getrefcount(True))
        none_counts.append(sys.getrefcount(None))
        rss.append(_rss())
        widgets.append(len(QApplication.allWidgets()))
        walking += time.monotonic() - walk_began
        for receipt in receipts.glob("*.pdf"):
            receipt.unlink()
        if journey % 50 == 49:
            print(f"soak: {journey + 1} journeys, {time.monotonic() - began:.0f} s, "
                  f"RSS {rss[-1] / 2**20:.0f} MiB", flush=True)

    qobjects.append(walks_in_copies.verdict() or 0)  # the last journey's
    elapsed = time.monotonic() - began
    gui_cpu, cpu_ended = time.thread_time() - gui_cpu_began, os.times()
    cpu = sum(cpu_ended[:2]) - sum(cpu_began[:2])  # every thread of this process
    passes_at_end = passes[0]
    while passes[0] < PASSES_DUE:  # the rest of the day, without citizens
        qtbot.wait(100)
    passes_done = passes[0]
    counts = outbox.counts()
    assert counts["sent"] == JOURNEYS, counts
    assert len(printed) == JOURNEYS
    if sys.version_info >= (3, 12):
        falling = [(j, t, n) for j, (t, n) in enumerate(zip(true_counts, none_counts, strict=True))
                   if not (_far_from_zero(t) and _far_from_zero(n))]
        assert not falling, f"True or None falling towards zero (journey, counts): {falling[:5]}"
    else:
        drop_true = true_counts[WARM_UP] - true_counts[-1]
        drop_none = none_counts[WARM_UP] - none_counts[-1]
        assert drop_true < JOURNEYS and drop_none < JOURNEYS, (drop_true, drop_none)
    # Procedures differ in how many widgets their pages hold: compare a whole round of
    # them after warm-up with the last round.
    first, last = slice(WARM_UP, WARM_UP + len(walks)), slice(-len(walks), None)
    assert max(widgets[last]) <= max(widgets[first]), (max(widgets[first]), max(widgets[last]))
    assert max(qobjects[last]) <= max(qobjects[first]), (max(qobjects[first]), max(qobjects[last]))
    per_journey = (rss[-1] - rss[WARM_UP]) / max(1, JOURNEYS - 1 - WARM_UP)
    print(f"\nsoak: {JOURNEYS} journeys in {elapsed:.0f} s ({elapsed / JOURNEYS:.2f} s each, "
          f"of which settling {settling / JOURNEYS:.2f} s and checks {walking / JOURNEYS:.2f} s; "
          f"CPU {gui_cpu / JOURNEYS:.2f} s on the GUI thread, {cpu / JOURNEYS:.2f} s in the process, "
          f"{walks_in_copies.cpu_s / JOURNEYS:.2f} s in the walk's copy), "
          f"{passes_done} sync passes ({passes_at_end} at the last journey, "
          f"{time.monotonic() - began:.0f} s in all); "
          f"RSS {rss[0] / 2**20:.0f} -> {rss[WARM_UP] / 2**20:.0f} -> "
          f"{rss[-1] / 2**20:.0f} MiB ({per_journey / 1024:.1f} KiB per journey after warm-up); "
          f"widgets {widgets[0]} -> {widgets[-1]}; QObjects {qobjects[0]} -> {qobjects[-1]}; "
          f"refcount(True) {true_counts[0]} -> {true_counts[-1]} (lowest {min(true_counts)}); "
          f"refcount(None) {none_counts[0]} -> {none_counts[-1]} (lowest {min(none_counts)})")
    # A shortened run's warm-up (a fifth of it) ends while Qt's caches and the allocator still
    # settle: 60 journeys measured 66 to 257 KiB a journey where a day measures 9 to 17. The
    # bound is checked on a day's run; a shorter one prints its figure only.
    if JOURNEYS >= DAY_JOURNEYS:
        assert per_journey < RSS_PER_JOURNEY, per_journey
    services.sync.stop()
    outbox.close()

