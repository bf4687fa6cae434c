"""A sync process killed (SIGKILL) at random instants, again and again, then a clean sync:
every submission is on the server exactly once, with its documents whole."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from faults import CHUNK, TOKEN, assert_delivered_once, fast_client, fill

from offline_queue import open_outbox
from reference_central import serve_in_thread

TESTS_DIR = Path(__file__).parent
SYNC_SCRIPT = """
import sys
sys.path.insert(0, sys.argv[3])
from pathlib import Path
from faults import fast_client
from offline_queue import open_outbox
outbox = open_outbox(Path(sys.argv[1]))
client = fast_client(outbox, sys.argv[2])
print("ready", flush=True)
client.sync(deadline_s=60)
print("done", flush=True)
"""


def kill_syncs_at_random(data_dir: Path, url: str, rounds: int, rng: random.Random) -> int:
    """Start a sync process and SIGKILL it after a random delay, ``rounds`` times; kills landed."""
    killed = 0
    for _ in range(rounds):
        process = subprocess.Popen(
            [sys.executable, "-c", SYNC_SCRIPT, str(data_dir), url, str(TESTS_DIR)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.5))
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        killed += process.returncode == -signal.SIGKILL
    return killed


def crash_and_recover(tmp_path: Path, rounds: int, submissions: int, seed: int) -> None:
    server = serve_in_thread(tmp_path / "central", TOKEN)
    try:
        data_dir = tmp_path / "kiosk"
        with open_outbox(data_dir) as outbox:
            ids = fill(outbox, submissions, sizes=(3 * CHUNK + 321, 800))
        killed = kill_syncs_at_random(data_dir, server.url, rounds, random.Random(seed))
        assert killed >= rounds // 2  # most kills landed while the sync was still working
        with open_outbox(data_dir) as outbox:
            report = fast_client(outbox, server.url).sync(deadline_s=30)
            assert report.complete, report
            assert_delivered_once(server.store, outbox, ids)
    finally:
        server.stop()


def test_sigkill_during_sync_then_clean_sync_delivers_each_once(tmp_path: Path) -> None:
    crash_and_recover(tmp_path, rounds=8, submissions=20, seed=11)


@pytest.mark.soak
def test_sigkill_soak(tmp_path: Path) -> None:
    crash_and_recover(tmp_path, rounds=60, submissions=200, seed=29)
