"""UI benchmarks: start-up to the first tap answered, and event-loop stalls while syncing.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_ui.py [--runs 15] [--count 200]
        [--before OTHER_CHECKOUT]

1. Start-up, whole process, two clocks stopped in the same run: the first paint
   of the first screen, and **time to interactive**: the first tap answered.
   As soon as the first screen is painted, the child taps its first button
   (« Je fais ma démarche seul » on the kiosk) by posting a press and a release
   to the event queue, as the window system does; a tap that is not answered
   is repeated every 20 ms, as an impatient person would. The tap is answered
   when the next page has been painted. Baseline: a fresh process showing a
   bare PySide6 page with one button that turns to a second page, tapped the
   same way. Both run with the bytecode of every module cached as after an
   install; one untimed warm-up each; runs alternate; medians (of 15 by default: on a
   shared two-core machine, medians of 9 moved by ±30 ms from one run of the bench to
   the next). Each kiosk run then finishes its start, untimed, as a kiosk does (so the
   next run finds the catalogue's cache and the list's subjects kept, as a kiosk started
   again would; the very first start of a kiosk, or the first after an update, reads the
   catalogue first). Goal for time to interactive: ≤ 1.5× the bare window.
2. Responsiveness: the kiosk window is up while its sync thread sends
   ``--count`` queued requests with documents to the reference central
   service on loopback; a 5 ms timer on the GUI thread records the longest
   gap between two ticks. Goal: the longest stall < 50 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
CHECKOUT = Path(__file__).resolve().parent.parent

# Shared by both children: tap ``button`` once ``first`` has painted, again every 20 ms
# until a widget that ``is_next`` accepts paints; print when each happens.
TAPPER = """
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

class Tapper(QObject):
    def __init__(self, first, button, is_next):
        super().__init__()
        self.first, self.button, self.is_next, self.painted = first, button, is_next, False
        QApplication.instance().installEventFilter(self)

    def tap(self):
        centre = QPointF(self.button.rect().center())
        for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            QApplication.postEvent(self.button, QMouseEvent(
                kind, centre, self.button.mapToGlobal(centre), Qt.MouseButton.LeftButton,
                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
        QTimer.singleShot(20, self.tap)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched.isWidgetType():
            if not self.painted and watched is self.first:
                self.painted = True
                print("painted", flush=True)
                self.tap()
            elif self.painted and self.is_next(watched):
                print("answered", flush=True)
                QApplication.instance().quit()
        return False
"""

BARE = TAPPER + """
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget
app = QApplication([])
stack = QStackedWidget()
first, second = QWidget(), QLabel("Choisissez votre démarche")
button = QPushButton("Je fais ma démarche seul", first)
QVBoxLayout(first).addWidget(button)
button.clicked.connect(lambda: stack.setCurrentWidget(second))
stack.addWidget(first)
stack.addWidget(second)
stack.resize(1280, 800)
stack.show()
tapper = Tapper(first, button, lambda widget: widget is second)
app.exec()
"""

KIOSK = TAPPER + """
import sys
from contextlib import ExitStack
from pathlib import Path
from kiosk.config import KioskConfig
from kiosk.launcher import start
folder = Path(sys.argv[1])
config = KioskConfig(data_dir=folder, central_url="http://127.0.0.1:9/api", scanner_dir=folder)
with ExitStack() as cleanup:
    app, window = start(config, demo=False, fullscreen=False, cleanup=cleanup, argv=[])
    tapper = Tapper(window.welcome, window.welcome.alone_button,
                    lambda widget: type(widget).__name__ == "PickerScreen")
    app.exec()
    # The clock stopped at the answer; the start then finishes as on a kiosk (the queue and the
    # client opened, the catalogue's cache written), so that the next run starts as a kiosk does.
    from PySide6.QtCore import QDeadlineTimer, QEventLoop
    limit = QDeadlineTimer(30_000)
    while not window.ready and not limit.hasExpired():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    window.close()
"""


def _clocks(code: str, env: dict[str, str], *args: str) -> tuple[float, float]:
    """Seconds from spawning ``code`` to its first paint and to its first tap answered.

    The clocks stop when the lines arrive, not when the process ends: closing and
    interpreter exit are no part of start-up.
    """
    start = time.perf_counter()
    stamps: dict[str, float] = {}
    # Started in a neutral folder: ``-c`` puts the working folder first on the path, which
    # would import the checkout the bench is run from instead of ``env``'s PYTHONPATH.
    with subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, env=env,
                          cwd=tempfile.gettempdir()) as child:
        assert child.stdout is not None
        for line in child.stdout:
            stamps.setdefault(line.strip(), time.perf_counter() - start)
            if "answered" in stamps:
                break
        _, errors = child.communicate(timeout=120)
    if "answered" not in stamps or "painted" not in stamps:
        raise RuntimeError(f"no paint or no answer reported: {errors[-800:]}")
    return stamps["painted"], stamps["answered"]


def startup(runs: int, before: Path | None = None) -> dict[str, float]:
    """Medians in seconds: first paint and first tap answered, bare window and kiosk (and the
    kiosk of the checkout ``before``, run in turn with the others: before and after compared
    in the same conditions).

    Both sides run as installed: with the bytecode of every module cached (pip compiles
    it at install; this checkout may run with PYTHONDONTWRITEBYTECODE, which would make
    only the kiosk's own modules be compiled again at each start). One untimed warm-up
    run per side fills a throw-away cache; the runs then alternate.
    """
    with (tempfile.TemporaryDirectory(prefix="bench-ui-pyc-") as cache,
          tempfile.TemporaryDirectory(prefix="bench-ui-data-") as data,
          tempfile.TemporaryDirectory(prefix="bench-ui-before-") as data_before):
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPYCACHEPREFIX": cache}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        here = {**env, "PYTHONPATH": str(CHECKOUT)}
        sides = {"bare": (BARE, env, ()), "kiosk": (KIOSK, here, (data,))}
        if before is not None:
            # Its own data folder: a catalogue cache shared by two kiosk versions would miss at
            # every run (each writes its own key), as no kiosk started again does.
            sides["before"] = (KIOSK, {**env, "PYTHONPATH": str(before)}, (data_before,))
        for code, side_env, args in sides.values():
            _clocks(code, side_env, *args)
        clocks: dict[str, list[tuple[float, float]]] = {side: [] for side in sides}
        for _ in range(runs):
            for side, (code, side_env, args) in sides.items():
                clocks[side].append(_clocks(code, side_env, *args))
    medians = {}
    for side, runs_of_side in clocks.items():
        medians[f"{side}_paint"] = statistics.median(c[0] for c in runs_of_side)
        medians[f"{side}_tap"] = statistics.median(c[1] for c in runs_of_side)
    return medians


def stalls_while_syncing(count: int) -> tuple[float, float, int]:
    """(longest GUI stall in ms, seconds to send everything, requests sent)."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    from kiosk.config import KioskConfig
    from kiosk.consent import load_consent
    from kiosk.launcher import build_services
    from kiosk.procedures import load_catalogue
    from kiosk.samples import fill_session
    from kiosk.session import ProcedureSession
    from reference_central import serve_in_thread
    from ui import gc_guard
    from ui.app import create_application
    from ui.main_window import MainWindow

    folder = Path(tempfile.mkdtemp(prefix="bench-ui-sync-"))
    token = secrets.token_urlsafe(16)
    server = serve_in_thread(folder / "central", token)
    config = KioskConfig(kiosk_id="BENCH-K01", site="0000", data_dir=folder / "kiosk",
                         central_url=server.url, central_token=token, sync_interval_s=3600,
                         backoff_base_s=0.05, backoff_max_s=0.5)
    catalogue = load_catalogue()
    services = build_services(config, catalogue=catalogue)
    rng = random.Random(1)
    consent = load_consent()
    procedures = []
    for procedure in catalogue.procedures.values():
        try:  # kiosk.samples may lack a generator for a new validator kind: skip that one
            fill_session(ProcedureSession(procedure, kiosk_id="x", site="0"), random.Random(0))
        except KeyError as missing:
            print(f"(skipping {procedure.code}: no sample answer for {missing})")
            continue
        procedures.append(procedure)
    for number in range(count):
        procedure = procedures[number % len(procedures)]
        session = ProcedureSession(procedure, kiosk_id=config.kiosk_id, site=config.site)
        fill_session(session, rng)
        session.give_consent(consent.version)
        services.outbox.enqueue(session.to_submission(), list(session.documents.values()),
                                receipt_fields=procedure.receipt_fields)
        session.wipe()
    app = create_application([])
    window = MainWindow(config, services)
    window.warm_up.done.connect(gc_guard.keep_start_up)  # as ui.app.create_window does
    window.resize(1280, 1024)
    window.show()
    while window.pages.waiting():  # the screens built ahead of use: a start-up cost, not sync's
        app.processEvents()
    assert services.sync is not None
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]
    worst = [0]

    def tick() -> None:
        now = clock.elapsed()
        worst[0] = max(worst[0], now - last[0] - 5)
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    started = time.perf_counter()
    services.sync.start()
    deadline = started + 600
    while time.perf_counter() < deadline:
        app.processEvents()
        counts = services.outbox.counts() if int(time.perf_counter() * 10) % 5 == 0 else None
        if counts is not None and counts["sent"] == count:
            break
        time.sleep(0.001)
    elapsed = time.perf_counter() - started
    sent = services.outbox.counts()["sent"]
    timer.stop()
    window.close()
    services.outbox.close()
    server.stop()
    return float(worst[0]), elapsed, sent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--before", type=Path, default=None,
                        help="another checkout (e.g. `git archive main | tar -x -C /tmp/before`) whose "
                             "kiosk is started in turn with this one")
    args = parser.parse_args(argv)
    if args.runs:
        t = startup(args.runs, args.before)
        for side in ("kiosk", "before") if args.before else ("kiosk",):
            name = "kiosk" if side == "kiosk" else f"kiosk of {args.before}"
            print(f"start-up, median of {args.runs}: first paint bare {t['bare_paint'] * 1000:.0f} ms, "
                  f"{name} {t[f'{side}_paint'] * 1000:.0f} ms "
                  f"({t[f'{side}_paint'] / t['bare_paint']:.2f}x); first tap answered bare "
                  f"{t['bare_tap'] * 1000:.0f} ms, {name} {t[f'{side}_tap'] * 1000:.0f} ms, "
                  f"ratio {t[f'{side}_tap'] / t['bare_tap']:.2f}x (goal <= 1.5x)")
    if not args.count:
        return 0
    stall, seconds, sent = stalls_while_syncing(args.count)
    print(f"sync of {sent}/{args.count} requests with documents in {seconds:.1f} s; "
          f"longest GUI stall {stall:.0f} ms (goal < 50 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
