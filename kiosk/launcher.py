"""Thin wiring that starts the kiosk screens (the only module of ``kiosk`` allowed to import Qt).

``run(demo, fullscreen)`` paints the welcome screen first, then (once it is on
screen) loads the procedure catalogue, opens the outbox, prepares the sync
client and its thread and builds the other screens: the citizen sees the
kiosk at once. With ``demo`` everything lives in a throw-away folder: a
reference central service on loopback, demo mediator accounts, sample scans
in the scanner folder, and a status-bar switch that simulates an outage.
Heavy modules are imported inside the functions for that reason.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Mapping, Sequence
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.config import ConfigError, KioskConfig, load_config

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from kiosk.procedures import Catalogue, Procedure
    from offline_queue import Outbox
    from ui.main_window import KioskServices, MainWindow

log = logging.getLogger(__name__)

MEDIATORS_FILE = "mediators.json"
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
        # One connection per print: the log's SQLite handle must not cross threads.
        print_log = PrintLog.in_data_dir(config.data_dir)
        try:
            print_receipt(receipt, config, who=who, print_log=print_log)
        finally:
            print_log.close()

    return print_one


def build_services(config: KioskConfig, *, demo: bool = False,
                   catalogue: Catalogue | None = None) -> KioskServices:
    """Open the outbox and the accounts, prepare the sync thread (not started yet).

    Raises ``OutboxError`` (French message) when the queue cannot be opened.
    """
    from kiosk.audit import note_settings_read
    from kiosk.central_client import make_sync_client
    from kiosk.consent import load_consent
    from kiosk.mediators import MediatorDirectory
    from kiosk.procedures import load_catalogue
    from offline_queue import open_outbox
    from ui.main_window import KioskServices
    from ui.sync_worker import SyncThread, SyncWorker

    catalogue = catalogue or load_catalogue()
    for error in catalogue.errors:
        log.error("procedure file refused: %s", error)
    outbox = open_outbox(config.data_dir)
    note_settings_read(config)
    client = make_sync_client(config, outbox)
    return KioskServices(
        config=config,
        catalogue=catalogue,
        outbox=outbox,
        consent=load_consent(),
        mediators=MediatorDirectory(config.data_dir / MEDIATORS_FILE),
        print_receipt=receipt_printer(outbox, catalogue.procedures, config),
        sync=SyncThread(SyncWorker(outbox, client, config.sync_interval_s,
                                   config.retention_days)),
        demo=demo,
        end_session=_session_cleanup(config, catalogue, demo),
    )


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


def finish_start(window: MainWindow, config: KioskConfig, demo: bool, cleanup: ExitStack) -> None:
    """Second phase, run once the welcome screen is painted."""
    from kiosk.mediators import create_demo_accounts
    from offline_queue import OutboxError

    try:
        if demo:
            config = _demo_config(config, cleanup)
        services = build_services(config, demo=demo)
    except OutboxError as exc:
        log.error("kiosk cannot start: the outbox cannot be opened")
        window.show_startup_error(str(exc))
        return
    cleanup.callback(services.outbox.close)
    if demo and services.mediators.problem is None and not services.mediators.mediators():
        create_demo_accounts(services.mediators)
    window.config = config
    window.attach(services)
    if services.end_session is not None:  # scans a crash may have left; the demo's samples
        from ui.screens.background import run_in_background

        run_in_background(services.end_session, lambda _result: None,
                          lambda exc: log.error("scanner folder cleanup failed: %s",
                                                type(exc).__name__))
    if services.sync is not None:
        services.sync.start()
        cleanup.callback(services.sync.stop)
    _apply_retention(config)


def _apply_retention(config: KioskConfig) -> None:
    """Visits, journal and print log past their period, once per start, off the GUI thread."""
    from kiosk.retention import retention_at_start
    from ui.screens.background import run_in_background

    run_in_background(partial(retention_at_start, config), lambda _report: None,
                      lambda exc: log.error("retention not applied: %s", type(exc).__name__))


def start(config: KioskConfig, *, demo: bool, fullscreen: bool, cleanup: ExitStack,
          argv: Sequence[str] | None = None) -> tuple[QApplication, MainWindow]:
    """Show the welcome screen now and schedule the rest for just after its first paint."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    from ui.app import create_application, create_window

    app = create_application(argv, config.language)
    window = create_window(config, fullscreen=fullscreen)

    class _AfterFirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, lambda: finish_start(window, config, demo, cleanup))
            return False

    hook = _AfterFirstPaint(window)
    window.welcome.installEventFilter(hook)
    return app, window


def run(demo: bool = False, fullscreen: bool = False, argv: Sequence[str] | None = None) -> int:
    """Start the kiosk and return its exit code. ``demo``: throw-away data and a local service."""
    try:
        config = load_config()
    except ConfigError:
        if not demo:
            raise
        config = KioskConfig()
    with ExitStack() as cleanup:
        app, window = start(config, demo=demo, fullscreen=fullscreen, cleanup=cleanup, argv=argv)
        code = app.exec()
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
