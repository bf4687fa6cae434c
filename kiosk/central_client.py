"""The one place a sync client is set up from the kiosk's configuration.

The screens' sync thread, « Où en est-elle ? », ``kiosk sync`` and ``kiosk status``
all talk to the central service with the same identity, timeouts and back-off;
``make_sync_client`` raises ``InsecureCentralUrl`` (a ``SyncError`` naming the
setting) for a plain http:// address off this machine that ``central.allow_http``
does not allow.
"""

from __future__ import annotations

from functools import partial

import requests

from kiosk import PRODUCT, __version__
from kiosk.config import KioskConfig
from kiosk.sync_journal import JournalHead, journal_pass
from offline_queue import Outbox
from offline_queue.sync import SyncClient
from offline_queue.sync_service import SyncService


def make_sync_client(
    config: KioskConfig, outbox: Outbox, session: requests.Session | None = None
) -> SyncClient:
    return SyncClient(
        outbox,
        config.central_url,
        config.central_token,
        kiosk_id=config.kiosk_id,
        user_agent=f"{PRODUCT}/{__version__}",
        timeout_s=config.central_timeout_s,
        backoff_base_s=config.backoff_base_s,
        backoff_max_s=config.backoff_max_s,
        session=session,
        allow_http=config.central_allow_http,
        audit_head=JournalHead(config.data_dir),
    )


def make_sync_service(
    config: KioskConfig, outbox: Outbox, session: requests.Session | None = None
) -> SyncService:
    """The one sync pass of ``kiosk sync`` and of the screens' thread, journalled."""
    return SyncService(
        outbox, make_sync_client(config, outbox, session), config.retention_days,
        refused_days=config.refused_retention_days,
        after_pass=partial(journal_pass, config.data_dir),
    )
