"""Thin wiring that starts the kiosk screens (the only module of ``kiosk`` allowed to import Qt).

``run(demo, fullscreen)`` paints the welcome screen first. Then a worker
thread reads what the first tap needs (« Je fais ma démarche seul » opens the
list of subjects): the subjects kept at the last start while the procedure files
are unchanged (``kiosk.catalogue_subjects``; the window takes them,
``attach_subjects``, and answers that tap, then the catalogue is read from its
cache, ``kiosk.catalogue_cache``), else the catalogue itself (``attach_catalogue``).
Once that page is painted, a second worker job does the rest of the Qt-free
start (the visit's record's modules; ``load_backend``: the outbox, the accounts,
the sync client and their heavy imports; the catalogue's cache and subjects
written), and the GUI thread attaches it, opens the visit's record (the first
tap's move waited for it, ``kiosk.held_moves``) and starts the sync thread
(``attach``; screens are built at their first use, ``ui.lazy_screens``). A tap
on a page whose screen needs the outbox or the accounts is answered as soon as
they are open. With ``demo`` everything lives in a throw-away folder: a
reference central service on loopback, demo mediator accounts, sample scans in
the scanner folder, and a status-bar switch that simulates an outage. Heavy
modules are imported inside the functions for that reason.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from kiosk.config import ConfigError, KioskConfig, load_config
from kiosk.i18n_texts import shown_language

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from kiosk.catalogue_cache import CachedCatalogue
    from kiosk.catalogue_subjects import Subject
    from kiosk.consent import ConsentText
    from kiosk.mediators import MediatorDirectory
    from kiosk.procedures import Catalogue, Procedure
    from offline_queue import Outbox
    from offline_queue.sync_service import SyncService
    from ui.main_window import KioskServices, MainWindow

log = logging.getLogger(__name__)

MEDIATORS_FILE = "mediators.json"
AFTER_ATTACH_MS = 50
"""With no tap waiting when the catalogue is attached, the services start loading this soon."""
CACHE_DIR = "cache"
"""Under the data folder: what the kiosk can rebuild (the checked catalogue)."""
DEMO_SCANS = 4


def receipt_printer(
    outbox: Outbox, procedures: Mapping[str, Procedure], config: KioskConfig
) -> Callable[[str, bool, str], None]:
    """The function the screens call to print a receipt (it runs on a worker thread)."""

    def print_one(submission_id: str, final: bool, who: str) -> None:
        from kiosk.receipts import PrintLog, print_receipt, receipt_from_queue

        item = outbox.get(submission_id)
        receipt = receipt_from_queue(
            outbox, submission_id, procedures[item.procedure_code], config, final=final)
        receipt = replace(receipt, language=shown_language())  # the French, then its translation
        # One connection per print: the log's SQLite handle must not cross threads.
        print_log = PrintLog.in_data_dir(config.data_dir)
        try:
            print_receipt(receipt, config, who=who, print_log=print_log)
        finally:
            print_log.close()

    return print_one


@dataclass
class Backend:
    """The Qt-free part of the kiosk's services, loaded off the GUI thread."""

    config: KioskConfig
    catalogue: Catalogue
    outbox: Outbox
    consent: ConsentText
    mediators: MediatorDirectory
    sync: SyncService
    print_receipt: Callable[[str, bool, str], None]
    end_session: Callable[[], None]
    demo: bool


def load_backend(config: KioskConfig, *, demo: bool = False,
                 catalogue: Catalogue | None = None) -> Backend:
    """Open the outbox and the accounts, load the catalogue, prepare the sync service.

    Plain Python, safe on any thread. Raises ``OutboxError`` (French message) when the
    queue cannot be opened, ``InsecureCentralUrl`` (French message naming the setting)
    for a plain http:// central address off this machine.
    """
    from kiosk.audit import note_settings_read
    from kiosk.central_client import make_sync_service
    from kiosk.consent import load_consent
    from kiosk.mediators import MediatorDirectory
    from kiosk.procedures import load_catalogue
    from offline_queue import open_outbox

    catalogue = catalogue or load_catalogue()
    for error in catalogue.errors:
        log.error("procedure file refused: %s", error)
    outbox = open_outbox(config.data_dir, config.key_file)
    note_settings_read(config)
    return Backend(
        config=config, catalogue=catalogue, outbox=outbox, consent=load_consent(),
        mediators=MediatorDirectory(config.data_dir / MEDIATORS_FILE),
        sync=make_sync_service(config, outbox),
        print_receipt=receipt_printer(outbox, catalogue.procedures, config),
        end_session=_session_cleanup(config, catalogue, demo), demo=demo)


def services_from(backend: Backend) -> KioskServices:
    """The screens' services on the loaded backend: the sync thread is made here, on the
    GUI thread that will own it (not started yet)."""
    from ui.main_window import KioskServices
    from ui.sync_worker import SyncThread, SyncWorker

    config = backend.config
    sync = SyncThread(SyncWorker(backend.sync, config.sync_interval_s))
    return KioskServices(
        config=config, catalogue=backend.catalogue, outbox=backend.outbox,
        consent=backend.consent, mediators=backend.mediators,
        print_receipt=backend.print_receipt, sync=sync, demo=backend.demo,
        end_session=backend.end_session)


def build_services(config: KioskConfig, *, demo: bool = False,
                   catalogue: Catalogue | None = None) -> KioskServices:
    """``load_backend`` then ``services_from``, in one go (tests, benchmarks)."""
    return services_from(load_backend(config, demo=demo, catalogue=catalogue))


def _session_cleanup(config: KioskConfig, catalogue: Catalogue, demo: bool) -> Callable[[], None]:
    """What ends a citizen's session on disk: the scans go; the demo then lays out fresh samples."""
    from kiosk.scanner_folder import clear_scans

    def end_session() -> None:
        if config.scanner_dir is None:
            return
        clear_scans(config.scanner_dir)
        if demo:
            _put_demo_scans(config.scanner_dir, catalogue)

    return end_session


def _put_demo_scans(folder: Path, catalogue: Catalogue) -> None:
    """A few made-up scans, as if the mediator had just used the scanner."""
    import random

    from kiosk.samples import sample_document

    rng = random.Random(7)
    specs = [s for p in catalogue.procedures.values() for s in p.documents]
    for spec in specs[:DEMO_SCANS]:
        filename, data = sample_document(spec, rng)
        (folder / filename).write_bytes(data)
    from kiosk.sample_scans import proof_of_address  # a bill with its 2D-Doc (« EXEMPLE »)

    (folder / "facture-exemple.pdf").write_bytes(proof_of_address(rng))


def _demo_config(config: KioskConfig, cleanup: ExitStack) -> KioskConfig:
    """Throw-away folder, local reference service, sample scans, demo accounts."""
    import secrets
    import shutil
    import tempfile

    from reference_central import serve_in_thread

    folder = Path(tempfile.mkdtemp(prefix="kiosk-demo-"))
    cleanup.callback(shutil.rmtree, folder, ignore_errors=True)
    token = secrets.token_urlsafe(24)
    server = serve_in_thread(folder / "central", token)
    cleanup.callback(server.stop)
    scanner = folder / "scanner"
    scanner.mkdir()
    log.info("demo: central service on %s, data in %s, receipts saved in %s", server.url,
             folder, folder / "recus")
    return config.with_overrides(
        data_dir=folder / "kiosk", central_url=server.url, central_token=token,
        scanner_dir=scanner, printer_pdf_dir=folder / "recus",
        sync_interval_s=5.0, backoff_base_s=1.0, backoff_max_s=10.0,
        kiosk_id="DEMO-K01", site="0000", site_name="Point numérique de démonstration")


def _first_read(config: KioskConfig, demo: bool, cleanup: ExitStack) -> FirstRead:
    """The worker thread's first part of the start: the settings in use and what the first
    tap needs: the list's subjects kept from the last start (``kiosk.catalogue_subjects``),
    else the catalogue itself."""
    from kiosk.catalogue_subjects import read_subjects

    if demo:
        config = _demo_config(config, cleanup)
    # The folder is private from the start: the visits' record and the outbox open in it next.
    config.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    subjects = read_subjects(config.data_dir / CACHE_DIR)
    cached = _load_catalogue(config) if subjects is None else None
    # What answering the first tap imports (its widgets are built on the GUI thread).
    import ui.screen_recipes  # noqa: F401
    import ui.screens.picker  # noqa: F401
    import ui.voice_mode  # noqa: F401

    return FirstRead(config, subjects, cached)


class FirstRead(NamedTuple):
    """What the start's first worker job gives the window."""

    config: KioskConfig
    subjects: tuple[Subject, ...] | None
    cached: CachedCatalogue | None
    """None when the subjects were kept: the catalogue is read next."""


def _load_catalogue(config: KioskConfig) -> CachedCatalogue:
    """The catalogue, read from its cache when the procedure files and the kiosk are those it
    was made from."""
    from kiosk.catalogue_cache import load_cached

    return load_cached(config.data_dir / CACHE_DIR)


def _load(config: KioskConfig, demo: bool, cached: CachedCatalogue) -> Backend:
    """The worker thread's second part: the visit's record's modules (it opens on the GUI
    thread, ``MainWindow.record``); the catalogue's cache written after a miss (never before
    the first tap); queue, accounts, client; the screens' modules."""
    import kiosk.visits  # noqa: F401

    cached.save()
    backend = load_backend(config, demo=demo, catalogue=cached.catalogue)
    if demo and backend.mediators.problem is None and not backend.mediators.mediators():
        from kiosk.mediators import create_demo_accounts

        create_demo_accounts(backend.mediators)
    _import_screens()
    return backend


def _import_screens() -> None:
    """The screens' modules (scan preview, PDF pages...), imported here, off the GUI thread,
    where their classes cost nothing to the citizen's taps; the widgets themselves are
    built on the GUI thread (``ui.lazy_screens``)."""
    import ui.screens.document_chooser  # noqa: F401
    import ui.screens.queue_view  # noqa: F401
    import ui.screens.steps  # noqa: F401


def _warm_up_printing() -> None:
    """reportlab takes a while to import: not at the first citizen's receipt."""
    import kiosk.receipts  # noqa: F401


class _Start:
    """The start's second phase, once the welcome screen is painted, in two worker jobs: the
    catalogue (all the first tap needs), then the queue, the accounts and the client; each
    part is attached to the window on the GUI thread."""

    def __init__(self, window: MainWindow, config: KioskConfig, demo: bool,
                 cleanup: ExitStack) -> None:
        self.window = window
        self._config, self._demo, self._cleanup = config, demo, cleanup

    def painted(self) -> None:
        """The welcome screen is on screen: read the catalogue (read sooner, alongside the
        painting, it only made the painting slower on two cores, the tap no sooner)."""
        from ui.screens.background import run_in_background

        config, demo, cleanup = self._config, self._demo, self._cleanup
        run_in_background(lambda: _first_read(config, demo, cleanup), self._first_read,
                          self._failed)

    def _closed(self) -> bool:
        """The window was closed while a part loaded (a signal at start-up, a test)."""
        import shiboken6

        return not shiboken6.isValid(self.window)

    def _first_read(self, read: FirstRead) -> None:
        """The settings, and the list's subjects (the catalogue is read once the page a
        waiting tap opened is painted) or the catalogue."""
        from ui.screens.background import run_in_background

        if self._closed():
            return
        self.window.use_config(read.config)
        if read.cached is not None:
            self._catalogue_read(read.config, read.cached)
            return
        assert read.subjects is not None
        self.window.attach_subjects(read.subjects)
        _after_paint(self.window.current_screen(), lambda: run_in_background(
            lambda: _load_catalogue(read.config),
            lambda cached: self._catalogue_read(read.config, cached), self._failed),
            at_most_ms=AFTER_ATTACH_MS)

    def _catalogue_read(self, settings: KioskConfig, cached: CachedCatalogue) -> None:
        from ui.screens.background import run_in_background

        if self._closed():
            return
        self.window.attach_catalogue(cached.catalogue)
        # Once the page a waiting tap opened is painted (the queue's and the client's imports
        # alongside only slowed that paint); soon, when no tap was waiting.
        _after_paint(self.window.current_screen(), lambda: run_in_background(
            lambda: _load(settings, self._demo, cached), self._loaded, self._failed),
            at_most_ms=AFTER_ATTACH_MS)

    def _loaded(self, backend: Backend) -> None:
        from ui.screens.background import run_in_background

        cleanup = self._cleanup
        cleanup.callback(backend.outbox.close)
        if self._closed():
            return
        services = services_from(backend)
        sync = services.sync
        assert sync is not None, "services_from always makes the sync thread"
        self.window.use_config(backend.config)
        self.window.attach(services)
        # scans a crash may have left; the demo's samples
        run_in_background(backend.end_session, lambda _result: None,
                          lambda exc: log.error("scanner folder cleanup failed: %s",
                                                type(exc).__name__))
        run_in_background(_warm_up_printing, lambda _result: None,
                          lambda exc: log.error("printing modules cannot load: %s",
                                                type(exc).__name__))
        sync.start()
        cleanup.callback(sync.stop)
        _apply_retention(backend.config)

    def _failed(self, error: BaseException) -> None:
        # Imported here, not above: the queue's and the client's modules load off the GUI
        # thread, in ``_load``.
        from offline_queue import OutboxError
        from offline_queue.sync_http import InsecureCentralUrl

        window = self.window
        if self._closed():
            log.error("kiosk could not start: %s", type(error).__name__)
            return
        window.go_home()  # a person may be on the list of procedures already
        if isinstance(error, OutboxError | InsecureCentralUrl):
            log.error("kiosk cannot start: %s", type(error).__name__)
            window.show_startup_error(str(error))
            return
        log.error("kiosk cannot start: %s", type(error).__name__, exc_info=error)
        window.show_startup_error(
            "La borne ne peut pas démarrer. Appelez le service informatique.")


def _apply_retention(config: KioskConfig) -> None:
    """Visits, journal and print log past their period, once per start, off the GUI thread."""
    from kiosk.retention import retention_at_start
    from ui.screens.background import run_in_background

    run_in_background(partial(retention_at_start, config), lambda _report: None,
                      lambda exc: log.error("retention not applied: %s", type(exc).__name__))


def start(config: KioskConfig, *, demo: bool, fullscreen: bool, cleanup: ExitStack,
          argv: Sequence[str] | None = None) -> tuple[QApplication, MainWindow]:
    """Show the welcome screen now and load the rest just after its first paint (``_Start``)."""
    from ui.app import create_application, create_window

    app = create_application(argv, config.language)
    window = create_window(config, fullscreen=fullscreen)
    starting = _Start(window, config, demo, cleanup)
    _after_paint(window.welcome, starting.painted)
    return app, window


def _after_paint(widget: QWidget, then: Callable[[], None], *, at_most_ms: int | None = None) -> None:
    """Call ``then`` from the event loop once ``widget`` has painted (or after ``at_most_ms``,
    whichever comes first, when given: a page that has nothing new to paint)."""
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer

    class _AfterPaint(QObject):
        def __init__(self) -> None:
            super().__init__(widget)
            self.done = False
            if at_most_ms is not None:
                fallback = QTimer(self)
                fallback.setSingleShot(True)
                # a coarse timer (Qt's default) may fire up to 5 % early: not before the time said
                fallback.setTimerType(Qt.TimerType.PreciseTimer)
                fallback.timeout.connect(self.fire)
                fallback.start(at_most_ms)

        def fire(self) -> None:
            if not self.done:
                self.done = True
                widget.removeEventFilter(self)
                QTimer.singleShot(0, then)
                self.deleteLater()

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
            if event.type() == QEvent.Type.Paint:
                self.fire()
            return False

    widget.installEventFilter(_AfterPaint())


def _quit_on_signals(app: QApplication, cleanup: ExitStack) -> None:
    """Ctrl+C and SIGTERM close the kiosk cleanly (the demo's folder goes with it).

    Python runs a signal handler only when the interpreter gets the hand, which Qt's
    event loop does not give it while waiting: the handler's wake-up byte on a socket
    pair wakes the loop through a socket notifier.
    """
    import signal
    import socket

    from PySide6.QtCore import QSocketNotifier, QTimer

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    cleanup.callback(reader.close)
    cleanup.callback(writer.close)
    previous = signal.set_wakeup_fd(writer.fileno())
    cleanup.callback(signal.set_wakeup_fd, previous)

    def stop(signum: int, _frame: object) -> None:
        """Python runs this between any two bytecodes (in the middle of building the screens,
        say): the kiosk closes from the event loop, once that work is over."""
        log.info("signal %s received: the kiosk closes", signal.Signals(signum).name)
        QTimer.singleShot(0, app.quit)

    for signum in (signal.SIGINT, signal.SIGTERM):
        cleanup.callback(signal.signal, signum, signal.signal(signum, stop))
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)
    notifier.activated.connect(lambda: reader.recv(64))
    cleanup.callback(notifier.setEnabled, False)


def run(demo: bool = False, fullscreen: bool = False, argv: Sequence[str] | None = None) -> int:
    """Start the kiosk and return its exit code. ``demo``: throw-away data and a local service."""
    from PySide6.QtCore import QThreadPool

    try:
        config = load_config()
    except ConfigError:
        if not demo:
            raise
        config = KioskConfig()
    with ExitStack() as cleanup:
        app, window = start(config, demo=demo, fullscreen=fullscreen, cleanup=cleanup, argv=argv)
        _quit_on_signals(app, cleanup)
        code = app.exec()
        # A start still loading registers its own cleanups: let it finish first.
        QThreadPool.globalInstance().waitForDone(30_000)
        window.close()
        return int(code)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m kiosk.launcher [--demo] [--kiosk]`` (``kiosk`` itself goes through kiosk.cli)."""
    parser = argparse.ArgumentParser(prog="kiosk-launcher", description="Démarre la borne.")
    parser.add_argument("--demo", action="store_true", help="démonstration, données jetables")
    parser.add_argument("--kiosk", action="store_true", help="plein écran")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    return run(demo=args.demo, fullscreen=args.kiosk)


if __name__ == "__main__":
    sys.exit(main())
