"""The screens' sync worker sends, says the kiosk is alive even with nothing to send, and purges."""

from __future__ import annotations

import time

import pytest
from faults import fast_client, fill

from offline_queue import Outbox, PurgedError
from offline_queue.sync import HEARTBEAT_EVERY_S
from offline_queue.sync_service import SyncService
from reference_central import RunningServer
from ui.sync_worker import SyncStatus, SyncWorker


def test_pass_sends_purges_and_heartbeats(server: RunningServer, outbox: Outbox) -> None:
    [submission_id] = fill(outbox, 1)
    later = [0.0]  # seconds the kiosk's monotonic clock is put forward
    client = fast_client(outbox, server.url, monotonic=lambda: time.monotonic() + later[0])
    worker = SyncWorker(SyncService(outbox, client, retention_days=0), interval_s=3600)
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

    # Nothing left to send: a pass right after has nothing new to tell; once the heartbeat's
    # pace has gone by, a pass still tells the prefecture the kiosk is alive.
    server.store.db.execute("DELETE FROM heartbeats")
    server.store.db.conn.commit()
    worker.sync_now()
    assert server.store.heartbeat("7501-K02") is None
    later[0] += HEARTBEAT_EVERY_S
    worker.sync_now()
    assert server.store.heartbeat("7501-K02") is not None


def test_results_reach_the_gui_thread_as_plain_data(qtbot, server: RunningServer, outbox: Outbox) -> None:  # type: ignore[no-untyped-def]
    """The worker runs the core's pass on its thread; the GUI side hears of it on its own."""
    import threading

    from offline_queue.sync import SendProgress
    from ui.sync_worker import SyncThread

    ids = fill(outbox, 1, sizes=(5 * 16 * 1024 + 100,))
    thread = SyncThread(SyncWorker(SyncService(outbox, fast_client(outbox, server.url)),
                                   interval_s=3600))
    heard: list[tuple[str, object, int]] = []
    thread.status_changed.connect(lambda s: heard.append(("status", s, threading.get_ident())))
    thread.progress_changed.connect(lambda p: heard.append(("progress", p, threading.get_ident())))
    thread.dossier_received.connect(lambda i, n: heard.append(("dossier", i, threading.get_ident())))
    try:
        thread.start()
        qtbot.waitUntil(lambda: any(kind == "dossier" for kind, _, _ in heard), timeout=20000)
        qtbot.waitUntil(lambda: heard[-1][0] == "status" and heard[-1][1].waiting == 0,  # type: ignore[union-attr]
                        timeout=20000)
    finally:
        thread.stop()
    assert {ident for _, _, ident in heard} == {threading.get_ident()}  # all on the GUI thread
    progress = [p for kind, p, _ in heard if kind == "progress"]
    assert progress and all(isinstance(p, SendProgress) for p in progress)
    assert progress[-1] == SendProgress(ids[0], outbox.get(ids[0]).local_reference,
                                        5 * 16 * 1024 + 100, 5 * 16 * 1024 + 100)
    statuses = [s for kind, s, _ in heard if kind == "status"]
    assert all(isinstance(s, SyncStatus) for s in statuses) and statuses[-1].online


def test_status_line_shows_the_bytes_sent_of_the_request_going_up() -> None:
    from offline_queue.sync import SendProgress

    progress = SendProgress("id", "PN-7501-K02-000001", 1_258_291, 2_621_440)
    assert SyncStatus.progress_text(progress) == "envoi en cours : 1,2\u00a0Mo sur 2,5\u00a0Mo"


def test_after_a_cut_the_worker_tries_again_without_waiting_the_interval(  # type: ignore[no-untyped-def]
    qtbot, server: RunningServer, outbox: Outbox, proxy
) -> None:
    from faults import CHUNK, Rule

    from ui.sync_worker import SyncThread

    ids = fill(outbox, 1, sizes=(4 * CHUNK,))
    proxy.add(Rule("PATCH", "/uploads/", "cut_body", skip=1, cut_after=CHUNK // 2))
    thread = SyncThread(SyncWorker(SyncService(outbox, fast_client(outbox, proxy.url())),
                                   interval_s=3600))  # the timer alone would wait an hour
    dossiers: list[str] = []
    thread.dossier_received.connect(lambda i, n: dossiers.append(i))
    try:
        thread.start()
        qtbot.waitUntil(lambda: dossiers == ids, timeout=20000)
    finally:
        thread.stop()
    assert proxy.count("HEAD") == 1 and proxy.count("POST", "/uploads") == 1
