"""Network faults between the kiosk and the central service, injected by a loopback proxy.

Whatever goes wrong on the wire, each submission is filed exactly once, its
documents arrive whole and verified, and a cut upload resends at most one chunk.
"""

from __future__ import annotations

import random

import pytest
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
from reference_central import RunningServer

BIG = 5 * CHUNK + 1234  # six PATCH requests


def sync_until_done(outbox: Outbox, proxy: FaultProxy) -> None:
    report = fast_client(outbox, proxy.url()).sync(deadline_s=20)
    assert report.complete, report


@pytest.mark.parametrize("action", ["drop_before", "drop_after"])
def test_lost_submission_request_or_answer_files_it_once(
    server: RunningServer, outbox: Outbox, proxy: FaultProxy, action: str
) -> None:
    ids = fill(outbox, 3)
    proxy.add(Rule("POST", "/submissions$", action, times=2, skip=1))
    sync_until_done(outbox, proxy)
    assert_delivered_once(server.store, outbox, ids)
    assert proxy.count("POST", "/submissions") == 5


@pytest.mark.parametrize(
    ("method", "path", "status", "headers", "body"),
    [
        ("POST", "/uploads$", 503, {}, b""),
        ("PATCH", "/uploads/", 502, {}, b"<html>Bad gateway</html>"),
        ("POST", "/submissions$", 500, {}, b"oops"),
        ("POST", "/submissions$", 429, {"Retry-After": "0"}, b""),
        ("POST", "/submissions$", 200, {"Content-Type": "text/html"}, CAPTIVE_PORTAL_HTML),
        ("GET", "/health$", 200, {"Content-Type": "text/html"}, CAPTIVE_PORTAL_HTML),
        ("POST", "/uploads$", 302, {"Location": "http://portail.example/login"}, b""),
        ("POST", "/submissions$", 201, {"Content-Type": "application/json"}, b'{"id": "autre"}'),
    ],
)
def test_temporary_answers_are_retried_never_taken_for_success(
    server: RunningServer,
    outbox: Outbox,
    proxy: FaultProxy,
    method: str,
    path: str,
    status: int,
    headers: dict[str, str],
    body: bytes,
) -> None:
    ids = fill(outbox, 2)
    proxy.add(Rule(method, path, "respond", times=2, status=status, headers=headers, body=body))
    client = fast_client(outbox, proxy.url())
    first = client.sync()
    assert first.failed == 1 and first.sent < 2
    assert {outbox.get(i).state for i in ids} <= {"queued", "sent"}
    sync_until_done(outbox, proxy)
    assert_delivered_once(server.store, outbox, ids)


def test_upload_cut_mid_chunk_resends_at_most_that_chunk(
    server: RunningServer, outbox: Outbox, proxy: FaultProxy
) -> None:
    ids = fill(outbox, 1, sizes=(BIG,))
    proxy.add(Rule("PATCH", "/uploads/", "cut_body", skip=2, cut_after=CHUNK // 3))
    sync_until_done(outbox, proxy)
    assert_delivered_once(server.store, outbox, ids)
    assert proxy.count("HEAD") == 1
    assert BIG < proxy.body_bytes["PATCH"] <= BIG + CHUNK
    assert proxy.count("POST", "/uploads") == 1


def test_lost_chunk_answer_resends_nothing(server: RunningServer, outbox: Outbox, proxy: FaultProxy) -> None:
    ids = fill(outbox, 1, sizes=(BIG,))
    proxy.add(Rule("PATCH", "/uploads/", "drop_after", skip=3))
    sync_until_done(outbox, proxy)
    assert_delivered_once(server.store, outbox, ids)
    assert proxy.body_bytes["PATCH"] == BIG
    assert proxy.count("HEAD") == 1


@pytest.mark.parametrize("status", [409, 460])
def test_offset_conflict_and_bad_checksum_recover_in_the_same_attempt(
    server: RunningServer, outbox: Outbox, proxy: FaultProxy, status: int
) -> None:
    ids = fill(outbox, 1, sizes=(BIG,))
    proxy.add(Rule("PATCH", "/uploads/", "respond", skip=1, status=status))
    report = fast_client(outbox, proxy.url()).sync()
    assert report.complete and report.failed == 0
    assert_delivered_once(server.store, outbox, ids)
    assert proxy.body_bytes["PATCH"] == BIG  # the refused chunk never reached the server here
    assert proxy.count("HEAD") == (1 if status == 409 else 0)


def test_expired_upload_is_started_again(server: RunningServer, outbox: Outbox, proxy: FaultProxy) -> None:
    ids = fill(outbox, 1, sizes=(BIG,))
    proxy.add(Rule("PATCH", "/uploads/", "drop_before", skip=2))
    proxy.add(Rule("HEAD", "/uploads/", "respond", status=404))
    sync_until_done(outbox, proxy)
    assert_delivered_once(server.store, outbox, ids)
    assert proxy.count("POST", "/uploads") == 2


def test_random_faults_everywhere_still_file_each_submission_once(
    server: RunningServer, outbox: Outbox, proxy: FaultProxy
) -> None:
    rng = random.Random(20261130)
    ids = fill(outbox, 8, sizes=(2 * CHUNK + 77, 900))
    routes = [
        ("GET", "/health$"),
        ("POST", "/uploads$"),
        ("HEAD", "/uploads/"),
        ("PATCH", "/uploads/"),
        ("POST", "/submissions$"),
    ]
    for _ in range(25):
        method, path = rng.choice(routes)
        action = rng.choice(["drop_before", "drop_after", "respond", "cut_body"])
        status = rng.choice([500, 503, 429, 200])
        body = CAPTIVE_PORTAL_HTML if status == 200 else b""
        proxy.add(
            Rule(method, path, action, skip=rng.randint(0, 12), status=status, body=body, cut_after=100)
        )
    sync_until_done(outbox, proxy)
    assert sum(seen.action != "forward" for seen in proxy.seen) >= 15
    assert_delivered_once(server.store, outbox, ids)
