"""What the reference service does beyond the bare contract: its admin commands, token
revocation, upload expiry, tus version check, and ``kiosk central serve`` as a real process."""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest
import requests
from fastapi.testclient import TestClient

from kiosk.commands import central as central_command
from kiosk.config import KioskConfig
from reference_central import CentralStore, RunningServer, create_app, serve_in_thread

TOKEN = "jeton-admin-7501"
AUTH = {"Authorization": f"Bearer {TOKEN}", "Tus-Resumable": "1.0.0"}


@dataclass
class Context:
    config: KioskConfig


def run(tmp_path: Path, *argv: str) -> int:
    parser = argparse.ArgumentParser(prog="kiosk")
    context = Context(KioskConfig(data_dir=tmp_path, central_token=TOKEN))
    central_command.register(parser.add_subparsers(dest="command"), context)
    args = parser.parse_args(list(argv))
    return int(args.handler(args, context))


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RunningServer]:
    running = serve_in_thread(tmp_path / "central", TOKEN, upload_ttl_s=1.0)
    yield running
    running.stop()


def file_submission(server: RunningServer) -> str:
    submission_id = str(uuid.uuid4())
    body: dict[str, object] = {
        "id": submission_id,
        "local_reference": "PN-7501-K02-000001",
        "procedure": {"code": "permis-duplicata", "version": "1"},
        "created_at": "2026-11-30T10:17:00Z",
        "kiosk_id": "7501-K02",
        "site": "7501",
        "mediator_id": None,
        "answers": {},
        "documents": [],
        "consent": {"given_at": "2026-11-30T10:16:40Z", "text_version": "2"},
        "representative": None,
        "supersedes": None,
    }
    answer = requests.post(
        f"{server.url}/v1/submissions",
        json=body,
        headers={**AUTH, "Idempotency-Key": submission_id},
        timeout=5,
    )
    assert answer.status_code == 201
    return submission_id


def test_set_status_command_moves_the_dossier(
    tmp_path: Path, server: RunningServer, capsys: pytest.CaptureFixture[str]
) -> None:
    submission_id = file_submission(server)
    assert run(tmp_path, "central", "set-status", submission_id, "needs_info") == 2
    assert "ce qui manque" in capsys.readouterr().err
    assert run(
        tmp_path, "central", "set-status", submission_id, "needs_info",
        "--missing", "justificatif_domicile=La facture a plus de six mois.",
    ) == 0
    status = requests.get(f"{server.url}/v1/submissions/{submission_id}", headers=AUTH, timeout=5).json()
    assert status["status"] == "needs_info" and "manque" in status["message"]
    assert status["missing"] == [
        {"kind": "justificatif_domicile", "message": "La facture a plus de six mois."}
    ]
    assert run(tmp_path, "central", "set-status", submission_id, "awaiting_payment",
               "--amount", "13,76", "--reason", "Taxe", "--pay-before", "2026-12-31T23:00:00Z") == 2
    assert "13.76" in capsys.readouterr().err
    assert run(tmp_path, "central", "set-status", submission_id, "awaiting_payment",
               "--amount", "13.76", "--reason", "Taxe", "--pay-before", "2026-12-31T23:00:00Z") == 0
    status = requests.get(f"{server.url}/v1/submissions/{submission_id}", headers=AUTH, timeout=5).json()
    assert status["payment"] == {
        "amount_eur": "13.76", "reason": "Taxe", "pay_before": "2026-12-31T23:00:00Z"
    }
    assert run(tmp_path, "central", "set-status", submission_id, "in_review", "--amount", "1") == 2
    assert run(tmp_path, "central", "set-status", submission_id, "accepted", "--message", "OK, venez") == 0
    status = requests.get(f"{server.url}/v1/submissions/{submission_id}", headers=AUTH, timeout=5).json()
    assert (status["status"], status["message"]) == ("accepted", "OK, venez")
    assert "ANTS-" in capsys.readouterr().out
    assert run(tmp_path, "central", "set-status", str(uuid.uuid4()), "accepted") == 1
    assert "Aucune demande" in capsys.readouterr().err


def test_revoked_token_is_403_even_after_a_restart(tmp_path: Path, server: RunningServer) -> None:
    assert requests.get(f"{server.url}/v1/health", headers=AUTH, timeout=5).status_code == 200
    assert run(tmp_path, "central", "revoke-token", TOKEN) == 0
    answer = requests.get(f"{server.url}/v1/health", headers=AUTH, timeout=5)
    assert answer.status_code == 403 and answer.json()["error"] == "forbidden"
    server.stop()
    restarted = serve_in_thread(tmp_path / "central", TOKEN)
    try:
        assert requests.get(f"{restarted.url}/v1/health", headers=AUTH, timeout=5).status_code == 403
    finally:
        restarted.stop()
    assert run(tmp_path, "central", "revoke-token", "jamais-vu") == 1


def test_incomplete_upload_expires_and_is_then_404(server: RunningServer) -> None:
    not_a_digest = "sha256 " + base64.b64encode(b"abc").decode()
    created = requests.post(
        f"{server.url}/v1/uploads",
        headers={**AUTH, "Upload-Length": "10", "Upload-Metadata": not_a_digest},
        timeout=5,
    )
    assert created.status_code == 400
    metadata = "sha256 " + base64.b64encode(b"a" * 64).decode()
    created = requests.post(
        f"{server.url}/v1/uploads",
        headers={**AUTH, "Upload-Length": "10", "Upload-Metadata": metadata},
        timeout=5,
    )
    url = f"{server.url}/v1/uploads/{created.headers['Location'].rsplit('/', 1)[-1]}"
    assert requests.head(url, headers=AUTH, timeout=5).status_code == 200
    time.sleep(1.2)
    assert requests.head(url, headers=AUTH, timeout=5).status_code == 404


def test_tus_version_is_required_on_uploads(server: RunningServer) -> None:
    no_tus = {"Authorization": f"Bearer {TOKEN}"}
    answer = requests.post(f"{server.url}/v1/uploads", headers=no_tus, timeout=5)
    assert answer.status_code == 412 and answer.headers["Tus-Version"] == "1.0.0"


def test_heartbeat_is_kept_and_checked(server: RunningServer) -> None:
    beat = {
        "version": "point-numerique-kiosk/0.1.0",
        "queue_depth": 2,
        "oldest_pending_at": "2026-11-30T09:00:00Z",
        "last_sync_at": "2026-11-30T10:00:00Z",
        "failed": 0,
    }
    url = f"{server.url}/v1/kiosks/7501-K02/heartbeat"
    assert requests.put(url, json=beat, headers=AUTH, timeout=5).status_code == 204
    assert server.store.heartbeat("7501-K02") == beat
    answer = requests.put(url, json={**beat, "queue_depth": -1}, headers=AUTH, timeout=5)
    assert answer.status_code == 422 and answer.json()["errors"][0]["field"] == "queue_depth"


def test_unknown_path_and_method_keep_the_error_shape(server: RunningServer) -> None:
    answer = requests.get(f"{server.url}/v1/nulle-part", headers=AUTH, timeout=5)
    assert answer.status_code == 404 and set(answer.json()) == {"error", "message"}
    answer = requests.delete(f"{server.url}/v1/uploads", headers=AUTH, timeout=5)
    assert answer.status_code == 405 and answer.json()["error"] == "method_not_allowed"


def test_serve_command_runs_as_a_process(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    script = (
        "import argparse, sys\n"
        "from kiosk.commands import central\n"
        "from kiosk.config import KioskConfig\n"
        "class C: config = KioskConfig()\n"
        "p = argparse.ArgumentParser(); central.register(p.add_subparsers(), C())\n"
        "a = p.parse_args(sys.argv[1:]); sys.exit(a.handler(a, C()))\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script, "central", "serve", "--port", str(port),
         "--data", str(tmp_path / "c"), "--token", TOKEN],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                answer = requests.get(f"http://127.0.0.1:{port}/api/v1/health", headers=AUTH, timeout=1)
                break
            except requests.ConnectionError:
                assert process.poll() is None and time.monotonic() < deadline
                time.sleep(0.1)
        assert answer.json()["status"] == "ok"
    finally:
        process.terminate()
        process.wait(timeout=10)


class Clock:
    """A settable clock for the store, so expiry is tested without sleeping."""

    def __init__(self) -> None:
        self.now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clocked(tmp_path: Path) -> Iterator[tuple[TestClient, Clock]]:
    clock = Clock()
    store = CentralStore(tmp_path / "clocked", now=clock)
    store.allow_token(TOKEN, "7501-K02", "7501")
    with TestClient(create_app(store), base_url="http://central.test") as client:
        yield client, clock
    store.close()


def _create(client: TestClient, data: bytes) -> str:
    metadata = "sha256 " + base64.b64encode(hashlib.sha256(data).hexdigest().encode()).decode()
    answer = client.post(
        "/api/v1/uploads", headers={**AUTH, "Upload-Length": str(len(data)), "Upload-Metadata": metadata}
    )
    assert answer.status_code == 201
    assert answer.headers["Location"].startswith("http://central.test/api/v1/uploads/u-")
    return str(answer.headers["Location"])


def _patch(client: TestClient, url: str, offset: int, chunk: bytes) -> Any:
    return client.patch(
        url, content=chunk,
        headers={**AUTH, "Content-Type": "application/offset+octet-stream", "Upload-Offset": str(offset)},
    )


def test_an_unfinished_upload_lives_a_day_after_its_last_patch(clocked: tuple[TestClient, Clock]) -> None:
    client, clock = clocked
    url = _create(client, b"z" * 300)
    assert parsedate_to_datetime(client.head(url, headers=AUTH).headers["Upload-Expires"]) == (
        clock.now + timedelta(hours=24)
    )
    clock.now += timedelta(hours=20)
    answer = _patch(client, url, 0, b"z" * 100)
    assert parsedate_to_datetime(answer.headers["Upload-Expires"]) == clock.now + timedelta(hours=24)
    clock.now += timedelta(hours=23, minutes=59)  # 43 h after creation, under 24 h after the PATCH
    assert client.head(url, headers=AUTH).status_code == 200
    clock.now += timedelta(minutes=2)
    assert client.head(url, headers=AUTH).status_code == 404


def test_a_complete_upload_cited_by_a_submission_never_expires(
    clocked: tuple[TestClient, Clock],
) -> None:
    client, clock = clocked
    data = b"%PDF facture"
    url = _create(client, data)
    done = _patch(client, url, 0, data)
    assert done.status_code == 204 and "Upload-Expires" not in done.headers
    body = _body(url.rsplit("/", 1)[-1], data)
    assert client.post(
        "/api/v1/submissions", json=body, headers={**AUTH, "Idempotency-Key": body["id"]}
    ).status_code == 201
    clock.now += timedelta(days=400)
    assert client.head(url, headers=AUTH).status_code == 200
    replay = client.post("/api/v1/submissions", json=body, headers={**AUTH, "Idempotency-Key": body["id"]})
    assert replay.status_code == 200


def _body(upload_id: str, data: bytes) -> dict[str, Any]:
    submission_id = str(uuid.uuid4())
    return {
        "id": submission_id,
        "local_reference": "PN-7501-K02-000002",
        "procedure": {"code": "permis-duplicata", "version": "1"},
        "created_at": "2026-11-30T10:17:00Z",
        "kiosk_id": "7501-K02",
        "site": "7501",
        "mediator_id": None,
        "answers": {},
        "documents": [{
            "kind": "justificatif_domicile", "upload_id": upload_id,
            "sha256": hashlib.sha256(data).hexdigest(), "size": len(data),
            "content_type": "application/pdf", "filename": "facture.pdf",
        }],
        "consent": {"given_at": "2026-11-30T10:16:40Z", "text_version": "2"},
        "representative": None,
        "supersedes": None,
    }


def test_a_store_from_before_2026_12_01_gains_site_and_reference(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    body = _body("u-" + "0" * 24, b"x")
    with sqlite3.connect(folder / "central.db") as old:
        old.execute("CREATE TABLE tokens (digest TEXT PRIMARY KEY, revoked INTEGER, created_at TEXT)")
        old.execute(
            "CREATE TABLE submissions (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, dossier_number TEXT "
            "NOT NULL, canonical TEXT NOT NULL, receipt TEXT, kiosk_id TEXT, received_at TEXT, status TEXT, "
            "status_changed_at TEXT, message TEXT)"
        )
        old.execute(
            "INSERT INTO submissions VALUES (1, ?, 'ANTS-2026-00000001', ?, '{}', '7501-K02', "
            "'2026-11-30T10:17:00Z', 'received', '2026-11-30T10:17:00Z', 'Reçue.')",
            [body["id"], json.dumps(body)],
        )
    store = CentralStore(folder)
    try:
        found = store.by_reference("7501", "PN-7501-K02-000002")
        assert found is not None and found.id == body["id"]
        assert store.by_reference("6901", "PN-7501-K02-000002") is None
    finally:
        store.close()
