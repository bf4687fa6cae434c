"""``kiosk status ID|PN-…``: ask the central service where a request stands."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from kiosk.central_client import make_sync_client
from kiosk.dossier_status import read_status
from offline_queue import OutboxError, open_outbox
from offline_queue.sync import SyncError


def register(subparsers: Any, context: Any) -> None:
    parser = subparsers.add_parser("status", help="où en est une demande au service central")
    parser.add_argument("submission", metavar="ID|PN-…", help="identifiant ou référence du reçu")
    parser.set_defaults(handler=_status)


def _status(args: argparse.Namespace, context: Any) -> int:
    config = context.config
    try:
        with open_outbox(config.data_dir, config.key_file) as outbox:
            item = outbox.find(args.submission)
            if item.dossier_number is None:
                print(f"{item.local_reference} : pas encore reçue par le service central "
                      "(elle attend sur la borne). Lancez « kiosk sync ».", file=sys.stderr)
                return 1
            answer = make_sync_client(config, outbox).status_of(item.id)
    except (OutboxError, SyncError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"{item.local_reference} — {read_status(answer).sentence()}")
    return 0
