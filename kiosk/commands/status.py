"""``kiosk status ID|PN-…``: ask the central service where a request stands.

A request of this kiosk is asked by its id; a reference printed by another
kiosk of the same site (not in this queue) is looked up by ``local_reference``.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from typing import Any

from kiosk.central_client import make_sync_client
from kiosk.dossier_status import read_status
from kiosk.procedures import load_catalogue
from offline_queue import OutboxError, QueuedSubmission, UnknownSubmission, open_outbox
from offline_queue.sync import SyncError


def register(subparsers: Any, context: Any) -> None:
    parser = subparsers.add_parser("status", help="où en est une demande au service central")
    parser.add_argument("submission", metavar="ID|PN-…", help="identifiant ou référence du reçu")
    parser.set_defaults(handler=_status)


def _titles(item: QueuedSubmission | None) -> dict[str, str]:
    """Titles of the procedure's documents and questions, to name what is missing."""
    if item is None:
        return {}
    procedure = load_catalogue().procedures.get(item.procedure_code)
    if procedure is None:
        return {}
    titles = {field.id: field.label for step in procedure.steps for field in step.fields}
    titles.update({document.kind: document.title for document in procedure.documents})
    return titles


def _submission_id(text: str) -> str:
    """A request id as the service knows it (a UUID), or ``SyncError`` in French."""
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise SyncError(
            f"« {text} » n'est ni une référence de reçu (PN-…) ni un identifiant de demande."
        ) from None


def _status(args: argparse.Namespace, context: Any) -> int:
    config = context.config
    wanted = args.submission.strip()
    try:
        with open_outbox(config.data_dir, config.key_file) as outbox:
            client = make_sync_client(config, outbox)
            item: QueuedSubmission | None
            try:
                item = outbox.find(wanted)
            except UnknownSubmission:
                item = None  # filed by another kiosk of the site, perhaps
            if item is None and wanted.upper().startswith("PN-"):
                answer = client.status_by_reference(wanted.upper())
            elif item is None:
                answer = client.status_of(_submission_id(wanted))
            elif item.dossier_number is None:
                print(f"{item.local_reference} : pas encore reçue par le service central "
                      "(elle attend sur la borne). Lancez « kiosk sync ».", file=sys.stderr)
                return 1
            else:
                answer = client.status_of(item.id)
    except (OutboxError, SyncError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    reference = item.local_reference if item is not None else wanted
    print(f"{reference} — {read_status(answer).sentence(_titles(item))}")
    return 0
