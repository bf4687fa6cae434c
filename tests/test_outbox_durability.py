"""Killed at any instant, the outbox keeps every request whose enqueue had returned.

A child process enqueues in a loop and, only after ``enqueue`` returns, appends
the id to an acknowledgement file and fsyncs it. The parent SIGKILLs it at a
random moment, ten times over the same data folder, then checks that every
acknowledged request is there whole, that no request is half-written, and that
the database passes ``integrity_check``. (SIGKILL tests the process dying; the
power-cut guarantee rests on WAL + ``synchronous=FULL`` fsyncing at commit.)
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from outbox_helpers import make_doc

from offline_queue import open_outbox

CHILD = """
import os, sys
sys.path.insert(0, {tests!r})
from pathlib import Path
from outbox_helpers import make_body, make_doc
from offline_queue import open_outbox

box = open_outbox(Path({data!r}))
ack = os.open({ack!r}, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
n = {start}
while True:
    item = box.enqueue(make_body(name=f"Citoyen {{n}}"),
                       [make_doc(size=20_000, seed=n), make_doc("piece_identite", 30_000, n)])
    os.write(ack, f"{{item.id}} {{n}}\\n".encode())
    os.fsync(ack)
    n += 1
"""


def acknowledged(ack: Path) -> dict[str, int]:
    if not ack.exists():
        return {}
    lines = ack.read_text().split("\n")
    return {line.split()[0]: int(line.split()[1]) for line in lines[:-1]}  # last: unfinished


@pytest.mark.parametrize(
    "rounds", [10, pytest.param(60, marks=pytest.mark.soak, id="soak-60-kills")]
)
def test_killed_at_random_moments_loses_nothing_acknowledged(tmp_path: Path, rounds: int) -> None:
    data, ack = tmp_path / "data", tmp_path / "ack.txt"
    rng = random.Random(20261130 + rounds)
    tests_dir = str(Path(__file__).parent)
    for round_no in range(rounds):
        start = round_no * 10_000
        code = CHILD.format(tests=tests_dir, data=str(data), ack=str(ack), start=start)
        child = subprocess.Popen([sys.executable, "-c", code])
        before = len(acknowledged(ack))
        deadline = time.monotonic() + 30
        while len(acknowledged(ack)) == before and time.monotonic() < deadline:
            time.sleep(0.02)  # wait for the first enqueue of this round
        time.sleep(rng.uniform(0.0, 0.5))
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert child.returncode == -signal.SIGKILL

    acked = acknowledged(ack)
    assert len(acked) >= rounds
    with open_outbox(data) as box:
        assert box.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        items = {item.id: item for item in box.list_items()}
        assert set(acked) <= set(items)
        # at most one unacknowledged survivor per kill: committed, killed before the ack
        assert len(items) - len(acked) <= rounds
        references = [item.local_reference for item in items.values()]
        assert len(set(references)) == len(references)
        for sub_id in items:
            body = box.body(sub_id)
            n = int(body["answers"]["holder_name"].split()[1])
            assert acked.get(sub_id, n) == n
            docs = box.documents(sub_id)
            assert [d.kind for d in docs] == ["justificatif_domicile", "piece_identite"]
            assert box.document_bytes(sub_id, 0) == make_doc(size=20_000, seed=n).data
            assert box.document_bytes(sub_id, 1) == make_doc("piece_identite", 30_000, n).data
    orphans = box_orphans(data)
    assert orphans == 0


def box_orphans(data: Path) -> int:
    """Documents whose submission is missing: a half-written request would leave some."""
    with open_outbox(data) as box:
        return int(
            box.db.execute(
                "SELECT count(*) FROM documents WHERE submission_id NOT IN (SELECT id FROM submissions)"
            ).fetchone()[0]
        )


def test_ack_file_helper_ignores_an_unfinished_line(tmp_path: Path) -> None:
    ack = tmp_path / "ack"
    ack.write_text("a 1\nb 2\nc")
    assert acknowledged(ack) == {"a": 1, "b": 2}
