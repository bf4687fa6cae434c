"""A sync process killed (SIGKILL) at random instants, again and again, then a clean sync:
every submission is on the server exactly once, with its documents whole."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from faults import CHUNK, TOKEN, FaultProxy, assert_delivered_once, fast_client, fill

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


def kill_syncs_at_random(data_dir: Path, proxy: FaultProxy, rounds: int, rng: random.Random) -> int:
    """Start a sync process and SIGKILL it at a random point of its exchange, ``rounds`` times.

    The point is a random number of requests seen by the proxy plus a random few
    milliseconds, so kills land between requests and in the middle of them alike,
    whatever the speed of the machine. Returns how many kills landed.
    """
    killed = 0
    for _ in range(rounds):
        process = subprocess.Popen(
            [sys.executable, "-c", SYNC_SCRIPT, str(data_dir), proxy.url(), str(TESTS_DIR)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
        target = len(proxy.seen) + rng.randint(1, 25)
        deadline = time.monotonic() + 20
        while len(proxy.seen) < target and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.0005)
        time.sleep(rng.uniform(0.0, 0.008))
        process.kill()
        process.wait(timeout=10)
        killed += process.returncode == -signal.SIGKILL
    return killed


def crash_and_recover(tmp_path: Path, rounds: int, submissions: int, seed: int) -> None:
    server = serve_in_thread(tmp_path / "central", TOKEN)
    proxy = FaultProxy(server.port)
    try:
        data_dir = tmp_path / "kiosk"
        with open_outbox(data_dir) as outbox:
            ids = fill(outbox, submissions, sizes=(3 * CHUNK + 321, 800))
        killed = kill_syncs_at_random(data_dir, proxy, rounds, random.Random(seed))
        assert killed == rounds  # every kill landed while the sync was still working
        with open_outbox(data_dir) as outbox:
            assert outbox.counts()["sent"] < submissions
            report = fast_client(outbox, server.url).sync(deadline_s=30)
            assert report.complete, report
            assert_delivered_once(server.store, outbox, ids)
    finally:
        proxy.stop()
        server.stop()


def test_sigkill_during_sync_then_clean_sync_delivers_each_once(tmp_path: Path) -> None:
    crash_and_recover(tmp_path, rounds=8, submissions=20, seed=11)


@pytest.mark.soak
def test_sigkill_soak(tmp_path: Path) -> None:
    crash_and_recover(tmp_path, rounds=60, submissions=200, seed=29)
