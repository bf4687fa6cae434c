"""Ask the central service where one request stands (« Où en est-elle ? » in the queue view).

Runs on a pool thread, with its own HTTP session closed after the answer: the sync
thread keeps its client to itself, and a question never waits behind a sync pass.
"""

from __future__ import annotations

import requests

from kiosk.central_client import make_sync_client
from kiosk.config import KioskConfig
from kiosk.dossier_status import DossierStatus, read_status
from offline_queue import Outbox


def ask_status(config: KioskConfig, outbox: Outbox, submission_id: str) -> DossierStatus:
    """The central service's answer for ``submission_id``; ``SyncError`` (French message)
    when it cannot be reached, refuses the kiosk's token or does not know the request."""
    with requests.Session() as session:
        return read_status(make_sync_client(config, outbox, session).status_of(submission_id))
