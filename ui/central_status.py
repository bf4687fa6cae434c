"""Ask the central service where one request stands (« Où en est-elle ? » in the queue view).

Runs on a pool thread, with its own HTTP session closed after the answer: the sync
thread keeps its client to itself, and a question never waits behind a sync pass.
"""

from __future__ import annotations

import requests

from kiosk import PRODUCT, __version__
from kiosk.config import KioskConfig
from kiosk.dossier_status import DossierStatus, read_status
from offline_queue import Outbox
from offline_queue.sync import SyncClient


def ask_status(config: KioskConfig, outbox: Outbox, submission_id: str) -> DossierStatus:
    """The central service's answer for ``submission_id``; ``SyncError`` (French message)
    when it cannot be reached, refuses the kiosk's token or does not know the request."""
    with requests.Session() as session:
        client = SyncClient(
            outbox, config.central_url, config.central_token,
            kiosk_id=config.kiosk_id, user_agent=f"{PRODUCT}/{__version__}",
            timeout_s=config.central_timeout_s, session=session)
        return read_status(client.status_of(submission_id))
