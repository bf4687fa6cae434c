"""``kiosk sync``: send the queue now (IT, cron, tests); exit 0 only when everything is acknowledged."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from kiosk.central_client import make_sync_service
from kiosk.config import KioskConfig
from offline_queue import OutboxError, open_outbox
from offline_queue.sync import SyncError

DEFAULT_TIMEOUT_S = 120.0


def register(subparsers: Any, context: Any) -> None:
    parser = subparsers.add_parser(
        "sync", help="envoyer maintenant les demandes en attente au service central"
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT_S,
        metavar="S",
        help=f"abandonner après S secondes (par défaut {DEFAULT_TIMEOUT_S:g})",
    )
    parser.set_defaults(handler=_sync)


def _sync(args: argparse.Namespace, context: Any) -> int:
    if args.timeout <= 0:
        print("--timeout doit être un nombre de secondes positif, par exemple 60.", file=sys.stderr)
        return 2
    config: KioskConfig = context.config
    if not config.central_token:
        print(
            "Aucun jeton pour le service central : renseignez « central.token » dans la "
            "configuration (ou KIOSK_CENTRAL_TOKEN). Les demandes restent en attente.",
            file=sys.stderr,
        )
        return 1
    try:
        with open_outbox(config.data_dir, config.key_file) as outbox:
            result = make_sync_service(config, outbox).run_pass(args.timeout, force=True)
    except (OutboxError, SyncError) as problem:
        print(f"Synchronisation impossible : {problem}", file=sys.stderr)
        return 1
    print(result.report.summary_fr())
    if result.purged:
        print(f"{result.purged} demande(s) envoyée(s) depuis plus de {config.retention_days} "
              "jours : réponses et documents effacés de la borne.")
    return 0 if result.report.complete else 1
