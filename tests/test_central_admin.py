"""What the reference service does beyond the bare contract: its admin commands, token
revocation, upload expiry, tus version check, and ``kiosk central serve`` as a real process."""

from __future__ import annotations

import argparse
import base64
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from kiosk.commands import central as central_command
from kiosk.config import KioskConfig
from reference_central import RunningServer, serve_in_thread

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
    assert run(tmp_path, "central", "set-status", submission_id, "needs_info") == 0
    status = requests.get(f"{server.url}/v1/submissions/{submission_id}", headers=AUTH, timeout=5).json()
    assert status["status"] == "needs_info" and "manque" in status["message"]
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
