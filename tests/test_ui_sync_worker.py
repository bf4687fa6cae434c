"""The screens' sync worker sends, says the kiosk is alive even with nothing to send, and purges."""

from __future__ import annotations

import pytest
from faults import fast_client, fill

from offline_queue import Outbox, PurgedError
from offline_queue.sync_service import SyncService
from reference_central import RunningServer
from ui.sync_worker import SyncStatus, SyncWorker


def test_pass_sends_purges_and_heartbeats(server: RunningServer, outbox: Outbox) -> None:
    [submission_id] = fill(outbox, 1)
    worker = SyncWorker(SyncService(outbox, fast_client(outbox, server.url), retention_days=0),
                        interval_s=3600)
    statuses: list[SyncStatus] = []
    dossiers: list[tuple[str, str]] = []
    worker.status_changed.connect(statuses.append)
    worker.dossier_received.connect(lambda i, n: dossiers.append((i, n)))

    worker.sync_now()
    item = outbox.get(submission_id)
    assert item.state == "sent" and dossiers == [(submission_id, item.dossier_number)]
    assert statuses[-1].online and statuses[-1].waiting == 0
    # Retention 0 days: once acknowledged, the answers and documents leave the kiosk.
    with pytest.raises(PurgedError):
        outbox.body(submission_id)
    first = server.store.heartbeat("7501-K02")
    assert first is not None and first["queue_depth"] == 0

    # Nothing left to send: the next pass still tells the prefecture the kiosk is alive.
    server.store.db.execute("DELETE FROM heartbeats")
    server.store.db.conn.commit()
    worker.sync_now()
    assert server.store.heartbeat("7501-K02") is not None
