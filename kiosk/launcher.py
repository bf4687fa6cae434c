"""Thin wiring that starts the kiosk screens (the only module of ``kiosk`` allowed to import Qt).

``run(demo, fullscreen)`` builds the configuration, the procedure catalogue,
the outbox, the sync client and its thread, then the window. With ``demo``
everything lives in a throw-away folder: a reference central service on
loopback, demo mediator accounts, sample scans in the scanner folder, and a
switch in the status bar that simulates a network outage.
"""

from __future__ import annotations

import argparse
import logging
import random
import secrets
import shutil
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from contextlib import ExitStack
from pathlib import Path

from kiosk import PRODUCT, __version__
from kiosk.config import ConfigError, KioskConfig, load_config
from kiosk.consent import load_consent
from kiosk.mediators import MediatorDirectory, create_demo_accounts
from kiosk.procedures import Catalogue, Procedure, load_catalogue
from kiosk.receipts import PrintLog, print_receipt, receipt_from_queue
from kiosk.samples import sample_document
from offline_queue import Outbox, OutboxError, open_outbox
from offline_queue.sync import SyncClient

log = logging.getLogger(__name__)

MEDIATORS_FILE = "mediators.json"
DEMO_SCANS = 4


def receipt_printer(
    outbox: Outbox, procedures: Mapping[str, Procedure], config: KioskConfig
) -> Callable[[str, bool, str], None]:
    """The function the screens call to print a receipt (it runs on a worker thread)."""

    def print_one(submission_id: str, final: bool, who: str) -> None:
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


def build_services(config: KioskConfig, *, demo: bool = False, catalogue: Catalogue | None = None):  # noqa: ANN201
    """Open the outbox and the accounts, prepare the sync thread (not started yet)."""
    from ui.main_window import KioskServices
    from ui.sync_worker import SyncThread, SyncWorker

    catalogue = catalogue or load_catalogue()
    for error in catalogue.errors:
        log.error("procedure file refused: %s", error)
    outbox = open_outbox(config.data_dir)
    client = SyncClient(
        outbox, config.central_url, config.central_token,
        kiosk_id=config.kiosk_id, user_agent=f"{PRODUCT}/{__version__}",
        timeout_s=config.central_timeout_s, backoff_base_s=config.backoff_base_s,
        backoff_max_s=config.backoff_max_s)
    sync = SyncThread(SyncWorker(outbox, client, config.sync_interval_s))
    return KioskServices(
        config=config,
        catalogue=catalogue,
        outbox=outbox,
        consent=load_consent(),
        mediators=MediatorDirectory(config.data_dir / MEDIATORS_FILE),
        print_receipt=receipt_printer(outbox, catalogue.procedures, config),
        sync=sync,
        demo=demo,
    )


def _demo_scans(folder: Path, catalogue: Catalogue) -> None:
    """Put a few sample scans in the demo scanner folder, as if just scanned."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    specs = [spec for procedure in catalogue.procedures.values() for spec in procedure.documents]
    for spec in specs[:DEMO_SCANS]:
        filename, data = sample_document(spec, rng)
        (folder / filename).write_bytes(data)


def run(demo: bool = False, fullscreen: bool = False, argv: Sequence[str] | None = None) -> int:
    """Start the kiosk; returns the exit code. ``demo`` uses throw-away data and a local service."""
    from ui.app import create_application, create_window

    with ExitStack() as cleanup:
        try:
            config = load_config()
        except ConfigError:
            if not demo:
                raise
            config = KioskConfig()
        catalogue = load_catalogue()
        if demo:
            from reference_central import serve_in_thread

            folder = Path(tempfile.mkdtemp(prefix="kiosk-demo-"))
            cleanup.callback(shutil.rmtree, folder, ignore_errors=True)
            token = secrets.token_urlsafe(24)
            server = serve_in_thread(folder / "central", token)
            cleanup.callback(server.stop)
            config = config.with_overrides(
                data_dir=folder / "kiosk", central_url=server.url, central_token=token,
                scanner_dir=folder / "scanner", sync_interval_s=5.0, backoff_base_s=1.0,
                backoff_max_s=10.0, kiosk_id="DEMO-K01", site="0000",
                site_name="Point numérique de démonstration")
            _demo_scans(folder / "scanner", catalogue)
            log.info("demo: central service on %s, data in %s", server.url, folder)
        try:
            services = build_services(config, demo=demo, catalogue=catalogue)
        except OutboxError as exc:
            print(str(exc), file=sys.stderr)
            return 1
        cleanup.callback(services.outbox.close)
        if demo and not services.mediators.mediators():
            create_demo_accounts(services.mediators)
        app = create_application(argv, config.language)
        window = create_window(services, fullscreen=fullscreen)
        if services.sync is not None:
            services.sync.start()
            cleanup.callback(services.sync.stop)
        code = app.exec()
        window.close()
        return int(code)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m kiosk.launcher [--demo] [--kiosk]`` (``kiosk`` itself goes through kiosk.cli)."""
    parser = argparse.ArgumentParser(prog="kiosk-launcher")
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--kiosk", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    return run(demo=args.demo, fullscreen=args.kiosk)


if __name__ == "__main__":
    sys.exit(main())
