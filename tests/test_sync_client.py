"""The sync client with the real outbox against the reference service, over loopback HTTP."""

from __future__ import annotations

import argparse
import random
import socket
import time
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
import requests
from faults import TOKEN, USER_AGENT, FaultProxy, Rule, assert_delivered_once, fast_client, fill
from outbox_helpers import make_body, make_doc

from kiosk.commands import sync as sync_command
from kiosk.config import KioskConfig
from kiosk.procedures import Catalogue
from kiosk.samples import fill_session
from kiosk.session import ProcedureSession
from offline_queue import Outbox, OutboxError, OutboxFull, open_outbox
from offline_queue.sync import ANOTHER_SYNC, SyncError
from offline_queue.sync_lock import exclusive_sync
from reference_central import RunningServer


def test_everything_is_delivered_once_with_the_contract_headers(
    server: RunningServer, outbox: Outbox, proxy: FaultProxy
) -> None:
    ids = fill(outbox, 4, sizes=(40_000, 700, 0))
    report = fast_client(outbox, proxy.url()).sync()
    assert (report.sent, report.remaining, report.needs_attention, report.complete) == (4, 0, 0, True)
    assert report.summary_fr() == (
        "Synchronisation : 4 demandes envoyées. Toutes les demandes sont transmises."
    )
    assert_delivered_once(server.store, outbox, ids)
    for seen in proxy.seen:
        assert seen.headers["authorization"] == f"Bearer {TOKEN}"
        assert seen.headers["user-agent"] == USER_AGENT
        assert seen.headers["tus-resumable"] == "1.0.0"
    posts = [s for s in proxy.seen if s.method == "POST" and s.path.endswith("/submissions")]
    assert sorted(s.headers["idempotency-key"] for s in posts) == sorted(ids)
    assert proxy.count("HEAD") == 0  # nothing to resume, so no round trip wasted
    again = fast_client(outbox, proxy.url()).sync()
    assert (again.sent, again.complete) == (0, True)
    assert proxy.count("POST", "/submissions") == 4


def test_every_shipped_procedure_filled_by_the_session_is_accepted(
    server: RunningServer, outbox: Outbox, catalogue: Catalogue
) -> None:
    rng = random.Random(2026)
    ids = []
    for procedure in catalogue.procedures.values():
        session = ProcedureSession(procedure, kiosk_id="7501-K02", site="7501", mediator_id="m-0042")
        fill_session(session, rng)
        session.give_consent("2")
        body = session.to_submission()
        ids.append(outbox.enqueue(body, list(session.documents.values())).id)
    report = fast_client(outbox, server.url, chunk_size=256 * 1024).sync()
    refused = {i.procedure_code: i.error_details for i in outbox.list_items(["needs_attention"])}
    assert refused == {}
    assert report.complete
    assert_delivered_once(server.store, outbox, ids)


def test_a_refused_submission_is_set_aside_and_the_others_still_go(
    server: RunningServer, outbox: Outbox
) -> None:
    first = fill(outbox, 1)
    bad = make_body()
    bad["procedure"] = {"code": "Démarche Inconnue", "version": "1"}
    bad_id = outbox.enqueue(bad, [make_doc()]).id
    last = fill(outbox, 2)
    report = fast_client(outbox, server.url).sync()
    assert (report.sent, report.set_aside, report.needs_attention, report.remaining) == (3, 1, 1, 0)
    assert not report.complete
    assert "1 à corriger par un médiateur" in report.summary_fr()
    item = outbox.get(bad_id)
    assert item.state == "needs_attention"
    assert "corriger" in (item.last_error or "")
    assert {d["field"] for d in item.error_details} == {"procedure.code"}
    assert_delivered_once(server.store, outbox, first + last)


@pytest.mark.parametrize(
    ("problem", "method"),
    [
        (OutboxFull("Le disque de la borne est plein."), "save_upload"),
        (OutboxError("La file d'attente est occupée par un autre programme."), "submission"),
    ],
    ids=["full-disk-while-uploading", "queue-busy-while-reading"],
)
def test_a_kiosk_storage_problem_never_sets_a_request_aside(
    server: RunningServer, outbox: Outbox, monkeypatch: pytest.MonkeyPatch,
    problem: OutboxError, method: str,
) -> None:
    """A full or busy disk is the kiosk's problem, not the request's: never « à corriger »."""
    (submission_id,) = fill(outbox, 1)
    save_upload = getattr(outbox, method)

    def failing(*args: object, **kwargs: object) -> None:
        raise problem

    monkeypatch.setattr(outbox, method, failing)
    with pytest.raises(type(problem)):
        fast_client(outbox, server.url).sync()
    assert outbox.get(submission_id).state in ("queued", "sending")
    monkeypatch.setattr(outbox, method, save_upload)
    report = fast_client(outbox, server.url).sync()
    assert report.complete
    assert_delivered_once(server.store, outbox, [submission_id])


def test_a_damaged_document_sets_only_its_request_aside(server: RunningServer, outbox: Outbox) -> None:
    """Bit rot in one stored document: that request waits for a mediator, the other goes."""
    damaged, sound = fill(outbox, 2)
    with outbox._lock:  # the stored bytes no longer match the hash recorded at enqueue
        outbox.db.execute("UPDATE documents SET sha256 = ? WHERE submission_id = ? AND idx = 0",
                          ("0" * 64, damaged))
        outbox.db.conn.commit()
    report = fast_client(outbox, server.url).sync()
    assert (report.sent, report.set_aside) == (1, 1)
    item = outbox.get(damaged)
    assert item.state == "needs_attention" and "abîmée" in (item.last_error or "")
    assert outbox.get(sound).state == "sent"


def test_key_reused_with_other_content_is_set_aside(server: RunningServer, outbox: Outbox) -> None:
    body = make_body()
    clash = {**body, "local_reference": "PN-AUTRE-000001", "documents": []}
    answer = requests.post(
        f"{server.url}/v1/submissions",
        json=clash,
        headers={"Authorization": f"Bearer {TOKEN}", "Idempotency-Key": str(body["id"])},
        timeout=5,
    )
    assert answer.status_code == 201
    item = outbox.enqueue(body, [])
    report = fast_client(outbox, server.url).sync()
    assert (report.sent, report.set_aside) == (0, 1)
    stored = outbox.get(item.id)
    assert stored.state == "needs_attention"
    assert stored.error_details[0]["error"] == "idempotency_key_reused"


@pytest.mark.parametrize(("revoke", "code"), [(False, "401"), (True, "403")])
def test_refused_token_stops_everything_and_loses_nothing(
    server: RunningServer, outbox: Outbox, revoke: bool, code: str
) -> None:
    ids = fill(outbox, 3)
    if revoke:
        server.store.revoke_token(TOKEN)
    client = fast_client(outbox, server.url, token=TOKEN if revoke else "pas-le-bon")
    report = client.sync(deadline_s=2)
    assert report.auth_error is not None and code in report.auth_error
    assert "rien n'est perdu" in report.auth_error
    assert report.summary_fr().startswith("Synchronisation arrêtée")
    assert (report.sent, report.remaining, report.needs_attention) == (0, 3, 0)
    assert {outbox.get(i).state for i in ids} == {"queued"}
    assert server.store.submissions() == []


def test_heartbeat_tells_the_queue_depth_and_the_failures(server: RunningServer, outbox: Outbox) -> None:
    bad = make_body()
    bad["consent"] = {"given_at": "2026-11-30T10:16:40Z", "text_version": ""}  # the server refuses it
    outbox.enqueue(bad, [])
    fill(outbox, 2)
    client = fast_client(outbox, server.url)
    client.sync()
    beat = server.store.heartbeat("7501-K02")
    assert beat is not None
    assert (beat["version"], beat["queue_depth"], beat["failed"]) == (USER_AGENT, 0, 1)
    assert beat["oldest_pending_at"] is None and beat["last_sync_at"].endswith("Z")
    fill(outbox, 1)
    assert client.heartbeat() is True
    beat = server.store.heartbeat("7501-K02")
    assert beat is not None and beat["queue_depth"] == 1 and beat["oldest_pending_at"]


def test_status_of_a_dossier(server: RunningServer, outbox: Outbox) -> None:
    (submission_id,) = fill(outbox, 1)
    client = fast_client(outbox, server.url)
    client.sync()
    server.store.set_status(submission_id, "in_review", "En cours d'examen.")
    status = client.status_of(submission_id)
    assert status["status"] == "in_review"
    assert status["dossier_number"] == outbox.get(submission_id).dossier_number
    with pytest.raises(SyncError, match="ne connaît pas"):
        client.status_of(str(uuid.uuid4()))


def test_unreachable_server_keeps_everything_and_gives_up_at_the_deadline(outbox: Outbox) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    ids = fill(outbox, 3)
    client = fast_client(outbox, f"http://127.0.0.1:{closed_port}/api")
    assert client.health() is False
    started = time.monotonic()
    report = client.sync(deadline_s=0.5)
    assert time.monotonic() - started < 3
    assert (report.sent, report.remaining) == (0, 3)
    assert report.failed >= 2  # it kept trying, with back-off, until the deadline
    assert "injoignable" in (report.last_error or "")
    assert "3 en attente d'envoi" in report.summary_fr()
    assert {outbox.get(i).state for i in ids} == {"queued"}
    assert all(outbox.get(i).attempts == 0 for i in ids)  # the health check failed first


def test_a_pause_asked_by_the_server_is_honoured(outbox: Outbox, proxy: FaultProxy) -> None:
    fill(outbox, 1)
    proxy.add(Rule("POST", "/submissions$", "respond", status=429, headers={"Retry-After": "1"}))
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        time.sleep(seconds)

    client = fast_client(outbox, proxy.url(), sleep=sleep)
    report = client.sync(deadline_s=10)
    assert report.complete and report.failed == 1
    assert slept and max(slept) >= 0.9  # waited Retry-After, far above the 0.05 s back-off cap


@pytest.mark.parametrize("retry_after", ["99999999999999999999", "²"])
def test_an_absurd_retry_after_is_a_temporary_failure_not_a_crash(
    outbox: Outbox, proxy: FaultProxy, retry_after: str
) -> None:
    (submission_id,) = fill(outbox, 1)
    proxy.add(Rule("POST", "/submissions$", "respond", status=503, headers={"Retry-After": retry_after}))
    report = fast_client(outbox, proxy.url()).sync()
    assert (report.sent, report.failed, report.remaining) == (0, 1, 1)
    assert outbox.get(submission_id).state == "queued"


def run_sync_command(config: KioskConfig, *argv: str) -> int:
    parser = argparse.ArgumentParser(prog="kiosk")
    context = SimpleNamespace(config=config)
    sync_command.register(parser.add_subparsers(dest="command"), context)
    args = parser.parse_args(["sync", *argv])
    return int(args.handler(args, context))


def test_sync_command_exit_code_says_whether_everything_is_acknowledged(
    tmp_path: Path, server: RunningServer, capsys: pytest.CaptureFixture[str]
) -> None:
    config = KioskConfig(
        kiosk_id="7501-K02", site="7501", data_dir=tmp_path / "cli", central_url=server.url,
        central_token=TOKEN, backoff_base_s=0.01, backoff_max_s=0.05,
    )
    with open_outbox(config.data_dir) as outbox:
        ids = fill(outbox, 2)
    assert run_sync_command(config, "--timeout", "20") == 0
    assert "2 demandes envoyées" in capsys.readouterr().out
    with open_outbox(config.data_dir) as outbox:
        assert_delivered_once(server.store, outbox, ids)
        fill(outbox, 1)
    offline = config.with_overrides(central_url="http://127.0.0.1:9/api")
    assert run_sync_command(offline, "--timeout", "0.3") == 1
    assert "1 en attente d'envoi" in capsys.readouterr().out
    assert run_sync_command(config.with_overrides(central_token=""), "--timeout", "5") == 1
    assert "central.token" in capsys.readouterr().err


def test_only_one_sync_at_a_time_per_outbox(server: RunningServer, outbox: Outbox) -> None:
    """The screens and `kiosk sync` never send the same request side by side."""
    (submission_id,) = fill(outbox, 1)
    with exclusive_sync(outbox.path.parent) as held:  # as another process would
        assert held
        report = fast_client(outbox, server.url).sync()
        assert report.sent == 0 and report.remaining == 1
        assert report.last_error == ANOTHER_SYNC and not report.complete
        waited = fast_client(outbox, server.url).sync(deadline_s=0.3)
        assert waited.sent == 0 and waited.last_error == ANOTHER_SYNC
    assert server.store.submissions() == []
    assert fast_client(outbox, server.url).sync().sent == 1
    assert_delivered_once(server.store, outbox, [submission_id])
