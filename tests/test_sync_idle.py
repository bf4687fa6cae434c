"""A sync pass with nothing to send stays cheap however long the kiosk has been in service:
it reads what waits or is due, not the history; the journal's head is read from a journal
kept open, never stale; an unchanged heartbeat is not repeated on every pass."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from faults import TOKEN, FaultProxy, Rule, fast_client, fill
from outbox_helpers import make_body, make_doc

from kiosk import sync_journal
from kiosk.audit import SYSTEM, Journal, note
from kiosk.central_client import make_sync_client
from kiosk.config import KioskConfig
from kiosk.sync_journal import JournalHead
from offline_queue import Outbox, open_outbox
from offline_queue.outbox import to_db_time
from offline_queue.sync import HEARTBEAT_EVERY_S
from offline_queue.sync_service import SyncService
from reference_central import RunningServer

NOW = datetime.now(UTC)
REFUSAL = [{"field": "answers.plate", "code": "invalid_format", "message": "Plaque au mauvais format."}]


def keep_sent(outbox: Outbox, count: int, sent_at: datetime) -> list[str]:
    """``count`` requests acknowledged at ``sent_at`` (written without the fsync: set-up only)."""
    outbox.db.execute("PRAGMA synchronous = OFF")
    ids = [outbox.enqueue(make_body(), [make_doc(size=300, seed=n)]).id for n in range(count)]
    outbox.db.execute("PRAGMA synchronous = FULL")
    marks = ", ".join("?" * len(ids))
    outbox.db.execute(
        f"UPDATE submissions SET state = 'sent', dossier_number = 'ANTS-2026-00000001', "
        f"received_at = ? WHERE id IN ({marks})", [to_db_time(sent_at), *ids])
    return ids


@contextmanager
def steps(outbox: Outbox) -> Iterator[list[int]]:
    """Count the SQLite virtual machine's steps on the outbox's connection: they grow with
    every row a query reads, and barely with an index lookup."""
    counted = [0]

    def step() -> int:
        counted[0] += 1
        return 0

    outbox.db.conn.set_progress_handler(step, 1)
    try:
        yield counted
    finally:
        outbox.db.conn.set_progress_handler(None, 1)


def idle_reads(outbox: Outbox) -> None:
    """What a pass asks the outbox when nothing waits (``SyncService.run_pass``, ``SyncClient``)."""
    outbox.list_items(["queued", "sending"])
    outbox.due(NOW + timedelta(days=1))
    outbox.backlog()
    assert outbox.purge_expired(30, NOW) == 0
    assert outbox.purge_refused(30, NOW) == []


def test_an_idle_pass_reads_no_more_after_months_of_requests(outbox: Outbox) -> None:
    keep_sent(outbox, 40, NOW - timedelta(days=2))
    idle_reads(outbox)
    with steps(outbox) as few:
        idle_reads(outbox)
    keep_sent(outbox, 120, NOW - timedelta(days=1))
    with steps(outbox) as many:
        idle_reads(outbox)
    # Three times the history; reading it row by row would cost thousands of steps more.
    assert many[0] - few[0] < 100, (few, many)


def test_purge_reads_the_rows_due_and_erases_exactly_those(
        outbox: Outbox, monkeypatch: pytest.MonkeyPatch) -> None:
    old = keep_sent(outbox, 3, NOW - timedelta(days=31))
    kept = keep_sent(outbox, 60, NOW - timedelta(days=29))
    waiting = fill(outbox, 1)
    walked: list[str] = []
    walk = Outbox._last_of_chain

    def counting(self: Outbox, submission_id: str) -> tuple[str, str] | None:
        walked.append(submission_id)
        return walk(self, submission_id)

    monkeypatch.setattr(Outbox, "_last_of_chain", counting)
    with steps(outbox) as counted:
        assert outbox.purge_expired(30, NOW) == 3
    assert walked == []  # no chain of corrections to follow: no row read one by one
    assert counted[0] < 1500, counted  # the 60 kept rows alone would cost more, read one by one
    assert {outbox.get(i).purged for i in old} == {True}
    assert {outbox.get(i).purged for i in kept + waiting} == {False}
    # a replaced request: its chain is followed (it alone), and it goes with its correction
    refused = outbox.enqueue(make_body(), [make_doc()])
    outbox.mark_sending(refused.id)
    outbox.mark_needs_attention(refused.id, "Refusée.", REFUSAL)
    body = make_body()
    body["supersedes"] = refused.id
    correction = outbox.enqueue(body, [])
    outbox.mark_sending(correction.id)
    outbox.mark_sent(correction.id, "ANTS-2", NOW - timedelta(days=40))
    assert outbox.purge_expired(30, NOW) == 2
    assert set(walked) == {correction.id}  # (looked at again under the write lock)
    assert outbox.get(refused.id).purged and outbox.get(correction.id).purged
    walked.clear()
    assert outbox.purge_expired(30, NOW + timedelta(days=2)) == 60
    assert walked == []  # purged rows are never walked again


def test_the_journal_head_is_read_from_an_open_journal_and_never_stale(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[Path] = []

    class Counted(Journal):
        def __init__(self, path: Path, *args: object, **kwargs: object) -> None:
            opened.append(path)
            super().__init__(path, *args, **kwargs)  # type: ignore[arg-type]

    Journal.in_data_dir(tmp_path).close()  # as the kiosk's start does (« settings_read »)
    monkeypatch.setattr(sync_journal, "Journal", Counted)
    head = JournalHead(tmp_path)
    assert head() == f"0:{'0' * 64}"
    for _ in range(30):  # appends closer together than the file's times can tell apart
        note(tmp_path, SYSTEM, "settings_read", settings_sha256="a" * 64)
        with Journal.in_data_dir(tmp_path) as journal:
            assert head() == str(journal.head())
    assert len(opened) == 1
    # the journal replaced (restored from a copy, say): the head is the new file's
    shutil.move(tmp_path / "audit.db", tmp_path / "aside.db")
    note(tmp_path, SYSTEM, "settings_read", settings_sha256="b" * 64)
    assert head() is not None and head().startswith("1:")  # type: ignore[union-attr]
    assert len(opened) == 2


def _heard(server: RunningServer) -> dict[str, object] | None:
    """The heartbeat the service holds, forgotten so that the next one shows."""
    beat = server.store.heartbeat("7501-K02")
    server.store.db.execute("DELETE FROM heartbeats")
    server.store.db.conn.commit()
    return beat


def test_an_unchanged_heartbeat_waits_its_pace_a_change_goes_at_once(
        tmp_path: Path, server: RunningServer) -> None:
    later = [0.0]
    clock: Callable[[], float] = lambda: time.monotonic() + later[0]  # noqa: E731
    config = KioskConfig(kiosk_id="7501-K02", site="7501", data_dir=tmp_path / "kiosk",
                         central_url=server.url, central_token=TOKEN)
    with open_outbox(config.data_dir) as outbox:
        client = make_sync_client(config, outbox)
        client._monotonic = clock  # the pace is measured on the kiosk's monotonic clock
        service = SyncService(outbox, client)
        assert service.run_pass().online and _heard(server) is not None
        assert service.run_pass().online and _heard(server) is None  # nothing new to tell
        note(config.data_dir, SYSTEM, "settings_read", settings_sha256="c" * 64)
        service.run_pass()
        beat = _heard(server)
        assert beat is not None and str(beat["audit_head"]).startswith("1:")  # a new head goes at once
        refused = make_body()
        refused["consent"] = {"given_at": "2026-11-30T10:16:40Z", "text_version": ""}
        outbox.enqueue(refused, [])
        assert service.run_pass().needs_attention == 1
        beat = _heard(server)
        assert beat is not None and beat["failed"] == 1  # and a refusal
        service.run_pass()
        assert _heard(server) is None
        later[0] += HEARTBEAT_EVERY_S
        service.run_pass()
        assert _heard(server) is not None  # an idle kiosk still says it is alive


def test_a_heartbeat_that_did_not_get_through_goes_with_the_next_pass(
        proxy: FaultProxy, outbox: Outbox) -> None:
    service = SyncService(outbox, fast_client(outbox, proxy.url()))
    proxy.add(Rule("PUT", "/heartbeat$", "respond", status=503))
    assert service.run_pass().online
    service.run_pass()
    assert proxy.count("PUT", "/heartbeat") == 2  # the refused one is not taken as said
    service.run_pass()
    assert proxy.count("PUT", "/heartbeat") == 2
