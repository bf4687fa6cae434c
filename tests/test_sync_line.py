"""A queue that drains on a bad line: the line rests, not each request; progress resets
the rest; a cut upload resumes; one odd answer costs seconds, a persistent portal backs
off; waits use the monotonic clock; the bytes sent are reported as they go."""

from __future__ import annotations

import random
import socket
from datetime import timedelta

from faults import (
    CAPTIVE_PORTAL_HTML,
    CHUNK,
    FaultProxy,
    Rule,
    assert_delivered_once,
    fast_client,
    fill,
)

from offline_queue import Outbox
from offline_queue.sync import SendProgress
from offline_queue.sync_line import LineBackoff
from offline_queue.sync_service import SyncService
from offline_queue.sync_uploads import ChunkSizer
from offline_queue.times import utc_now
from reference_central import RunningServer

BIG = 5 * CHUNK + 1234  # six PATCH requests
BASE = 0.5


class Ceiling(random.Random):
    """Full jitter at its top: every rest is the exponential ceiling, so tests read it."""

    def uniform(self, a: float, b: float) -> float:
        return b


class Clock:
    """A monotonic clock the test moves by hand, or by sleeping on it."""

    def __init__(self) -> None:
        self.t = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.t += seconds


def line_client(outbox: Outbox, url: str, slept: list[float]):  # type: ignore[no-untyped-def]
    """A client whose rests are the ceilings, recorded in ``slept`` instead of slept."""
    clock = Clock()
    clock.slept = slept
    return fast_client(outbox, url, backoff_base_s=BASE, backoff_max_s=600.0, rng=Ceiling(),
                       sleep=clock.sleep, monotonic=clock)


def test_the_line_rests_longer_after_each_failure_in_a_row_and_progress_resets_it() -> None:
    clock = Clock()
    line = LineBackoff(1.0, 600.0, rng=Ceiling(), monotonic=clock)
    assert [line.failed() for _ in range(4)] == [1.0, 2.0, 4.0, 8.0]
    assert line.remaining_s() == 8.0
    clock.t += 3
    assert line.remaining_s() == 5.0
    line.progressed()
    assert line.remaining_s() == 0.0
    assert line.failed() == 0.0  # the first failure after progress: at once
    assert line.failed() == 2.0  # the second in a row rests, as the count says
    line.progressed()
    assert line.failed(retry_after_s=30) == 30  # the server's Retry-After is a minimum
    assert line.failed(retry_after_s=30) == 30


def test_a_request_that_failed_often_does_not_rest_longer_than_the_line(
    server: RunningServer, outbox: Outbox, proxy: FaultProxy
) -> None:
    [submission_id] = fill(outbox, 1)
    for _ in range(12):  # twelve earlier attempts of this one request
        outbox.mark_sending(submission_id)
        outbox.mark_retry(submission_id, "coupure", utc_now())
    proxy.add(Rule("POST", "/submissions$", "respond", status=200,
                   headers={"Content-Type": "text/html"}, body=CAPTIVE_PORTAL_HTML))
    slept: list[float] = []
    report = line_client(outbox, proxy.url(), slept).sync(deadline_s=30)
    assert report.complete and report.failed == 1
    assert slept == []  # one odd answer after the uploads went through: tried again at once
    assert_delivered_once(server.store, outbox, [submission_id])


def test_progress_between_cuts_keeps_each_rest_short(
    server: RunningServer, outbox: Outbox, proxy: FaultProxy
) -> None:
    ids = fill(outbox, 1, sizes=(BIG,))
    for skip in (1, 3, 5):  # every other PATCH is cut half-way, with a chunk accepted between
        proxy.add(Rule("PATCH", "/uploads/", "cut_body", skip=skip, cut_after=CHUNK // 2))
    proxy.add(Rule("HEAD", "/uploads/", "respond", status=503, skip=1))  # after the 2nd cut
    slept: list[float] = []
    report = line_client(outbox, proxy.url(), slept).sync(deadline_s=30)
    assert report.complete and report.failed == 4
    # Each cut follows an accepted chunk: tried again at once. Only the 503 that came
    # right after a cut, with nothing through between, rests (the second in a row).
    assert slept == [2 * BASE]  # not BASE, 2·BASE, 4·BASE, 8·BASE: each chunk reset the line
    assert_delivered_once(server.store, outbox, ids)


def test_a_captive_portal_that_persists_still_backs_off(
    server: RunningServer, outbox: Outbox, proxy: FaultProxy
) -> None:
    ids = fill(outbox, 1)
    proxy.add(Rule("GET", "/health$", "respond", times=5, status=200,
                   headers={"Content-Type": "text/html"}, body=CAPTIVE_PORTAL_HTML))
    slept: list[float] = []
    report = line_client(outbox, proxy.url(), slept).sync(deadline_s=60)
    assert report.complete
    assert slept == [BASE, 2 * BASE, 4 * BASE, 8 * BASE, 16 * BASE]
    assert_delivered_once(server.store, outbox, ids)


def test_a_cut_first_chunk_resumes_the_same_upload_with_head(
    server: RunningServer, outbox: Outbox, proxy: FaultProxy
) -> None:
    ids = fill(outbox, 1, sizes=(BIG,))
    proxy.add(Rule("PATCH", "/uploads/", "cut_body", cut_after=CHUNK // 3))
    report = fast_client(outbox, proxy.url()).sync(deadline_s=20)
    assert report.complete
    assert proxy.count("POST", "/uploads") == 1  # no second upload for the same file
    assert proxy.count("HEAD", "/uploads/") == 1
    assert BIG < proxy.body_bytes["PATCH"] <= BIG + CHUNK
    assert_delivered_once(server.store, outbox, ids)


def test_setting_the_wall_clock_back_does_not_stall_the_next_pass(
    server: RunningServer, outbox: Outbox, proxy: FaultProxy
) -> None:
    ids = fill(outbox, 2)
    proxy.add(Rule("GET", "/health$", "respond", status=503))
    wall = [utc_now()]
    monotonic = Clock()
    service = SyncService(outbox, fast_client(
        outbox, proxy.url(), backoff_base_s=BASE, backoff_max_s=600.0, rng=Ceiling(),
        now=lambda: wall[0], monotonic=monotonic))
    first = service.run_pass()
    assert not first.online and first.waiting == 2 and first.rest_s == BASE
    wall[0] -= timedelta(hours=1)  # NTP or IT sets the clock back an hour
    monotonic.t += BASE  # ... while the line's rest goes by
    second = service.run_pass()  # the screens' timer pass, not forced
    assert second.online and second.waiting == 0
    assert_delivered_once(server.store, outbox, ids)


def test_a_pass_during_the_rest_sends_nothing_unless_a_person_asks(
    server: RunningServer, outbox: Outbox, proxy: FaultProxy
) -> None:
    ids = fill(outbox, 1)
    proxy.add(Rule("GET", "/health$", "respond", status=503))
    clock = Clock()
    service = SyncService(outbox, fast_client(outbox, proxy.url(), backoff_base_s=60.0,
                                              backoff_max_s=60.0, rng=Ceiling(), monotonic=clock))
    assert service.run_pass().rest_s == 60.0
    resting = service.run_pass()
    assert resting.waiting == 1 and proxy.count("GET", "/health") == 1  # nothing on the wire
    asked = service.run_pass(force=True)  # « Réessayer », or ``kiosk sync``
    assert asked.online and asked.waiting == 0 and asked.rest_s == 0
    assert asked.acknowledged == ((ids[0], outbox.get(ids[0]).dossier_number),)


def test_progress_reports_the_bytes_sent_of_the_request_being_sent(
    server: RunningServer, outbox: Outbox
) -> None:
    sizes = (BIG, 3000)
    ids = fill(outbox, 2, sizes=sizes)
    seen: list[SendProgress] = []
    result = SyncService(outbox, fast_client(outbox, server.url)).run_pass(progress=seen.append)
    assert result.waiting == 0
    for submission_id in ids:
        mine = [p for p in seen if p.submission_id == submission_id]
        assert {p.total for p in mine} == {sum(sizes)}
        assert {p.local_reference for p in mine} == {outbox.get(submission_id).local_reference}
        sent = [p.sent for p in mine]
        assert sent == sorted(sent) and sent[0] == 0 and sent[-1] == sum(sizes)
        assert CHUNK in sent and BIG in sent  # after each accepted chunk, documents together


def test_an_upload_resumed_after_a_kill_reports_from_the_server_offset(
    server: RunningServer, outbox: Outbox, proxy: FaultProxy
) -> None:
    [submission_id] = fill(outbox, 1, sizes=(BIG,))
    proxy.add(Rule("PATCH", "/uploads/", "drop_before", skip=2))
    assert fast_client(outbox, proxy.url()).sync().failed == 1
    seen: list[SendProgress] = []
    SyncService(outbox, fast_client(outbox, proxy.url())).run_pass(progress=seen.append)
    assert seen[0].sent == 2 * CHUNK and seen[-1].sent == BIG
    assert outbox.get(submission_id).state == "sent"


def test_chunks_last_about_a_second_on_the_line_between_their_bounds() -> None:
    clock = Clock()
    chunks = ChunkSizer(CHUNK, 32 * CHUNK, clock)
    assert chunks.start() == CHUNK
    clock.t += 0.01  # a fast line: the next chunk grows fourfold, no more
    chunks.accepted(CHUNK)
    assert chunks.start() == 4 * CHUNK
    clock.t += 0.01
    chunks.accepted(4 * CHUNK)
    assert chunks.size == 16 * CHUNK
    chunks.start()
    clock.t += 0.01
    chunks.accepted(16 * CHUNK)
    assert chunks.size == 32 * CHUNK  # never above the largest
    chunks.start()
    clock.t += 8 * 4.0  # the line slowed down to a CHUNK every 4 s: back to the smallest
    chunks.accepted(32 * CHUNK)
    assert chunks.size == CHUNK
    chunks.start()
    clock.t += 1.0  # 2·CHUNK a second: chunks of about a second
    chunks.accepted(2 * CHUNK)
    assert chunks.size == 2 * CHUNK
    chunks.size = 8 * CHUNK
    chunks.failed()
    assert chunks.size == CHUNK


def test_on_a_fast_line_chunks_grow_and_a_cut_still_resends_one_chunk(
    server: RunningServer, outbox: Outbox, proxy: FaultProxy
) -> None:
    size = 40 * CHUNK + 99
    ids = fill(outbox, 1, sizes=(size,))
    proxy.add(Rule("PATCH", "/uploads/", "cut_body", skip=4, cut_after=CHUNK))
    report = fast_client(outbox, proxy.url(), max_chunk_size=8 * CHUNK).sync(deadline_s=20)
    assert report.complete
    patches = [s for s in proxy.seen if s.method == "PATCH"]
    lengths = [int(s.headers["content-length"]) for s in patches]
    assert lengths[0] == CHUNK and max(lengths) == 8 * CHUNK  # loopback is fast: they grew
    assert len(patches) < 40 // 2
    cut = lengths[4]
    assert proxy.body_bytes["PATCH"] - size <= cut  # only the cut chunk's start went twice
    assert lengths[5] == CHUNK  # after the cut, from the smallest again
    assert_delivered_once(server.store, outbox, ids)


def test_cut_connections_rest_no_longer_than_the_second_failure() -> None:
    line = LineBackoff(1.0, 600.0, rng=Ceiling(), monotonic=Clock())
    assert [line.failed(cut=True) for _ in range(4)] == [1.0, 2.0, 2.0, 2.0]
    assert line.failed() == 16.0  # a failure of another kind goes on with the count


def test_a_cut_is_told_apart_from_a_line_that_is_down(outbox: Outbox) -> None:
    import requests
    from urllib3.exceptions import MaxRetryError, NewConnectionError, ProtocolError

    from offline_queue.sync_http import _was_connected

    refused = NewConnectionError(None, "Connection refused")  # type: ignore[arg-type]
    assert not _was_connected(requests.ConnectionError(MaxRetryError(None, "/", refused)))  # type: ignore[arg-type]
    assert not _was_connected(requests.ConnectTimeout())
    assert _was_connected(requests.ConnectionError(
        ProtocolError("Connection aborted.", ConnectionResetError())))


def test_a_lossy_line_keeps_its_rests_short_a_line_that_refuses_backs_off(
    server: RunningServer, outbox: Outbox, proxy: FaultProxy
) -> None:
    ids = fill(outbox, 1, sizes=(BIG,))
    proxy.add(Rule("PATCH", "/uploads/", "cut_body", skip=1, cut_after=CHUNK // 2))
    proxy.add(Rule("HEAD", "/uploads/", "drop_before", times=3))  # cut again and again
    slept: list[float] = []
    assert line_client(outbox, proxy.url(), slept).sync(deadline_s=30).complete
    assert slept == [2 * BASE, 2 * BASE, 2 * BASE]  # not 2·BASE, 4·BASE, 8·BASE
    assert_delivered_once(server.store, outbox, ids)

    fill(outbox, 1)
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))  # bound, never listening: connections are refused
    try:
        down: list[float] = []
        line_client(outbox, f"http://127.0.0.1:{closed.getsockname()[1]}/api", down).sync(
            deadline_s=8 * BASE + 0.1)
    finally:
        closed.close()
    assert down == [BASE, 2 * BASE, 4 * BASE]  # refused: the rest grows past a cut's


def test_an_upload_rewrites_its_document_row_twice_not_once_per_chunk(
    server: RunningServer, outbox: Outbox, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Each save rewrites the row holding the encrypted scan (megabytes): the address once
    created, the completion; the offsets in between are the server's to tell (HEAD)."""
    fill(outbox, 1, sizes=(BIG,))
    saves: list[tuple[int, bool, bool | None]] = []
    save = outbox.save_upload

    def counted(submission_id, index, url, offset, complete, durable=None):  # type: ignore[no-untyped-def]
        saves.append((offset, complete, durable))
        save(submission_id, index, url, offset, complete, durable)

    monkeypatch.setattr(outbox, "save_upload", counted)
    assert fast_client(outbox, server.url).sync().complete
    assert saves == [(0, False, None), (BIG, True, True)]  # six chunks, two saves
