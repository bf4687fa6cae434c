"""``queue recover`` killed at any moment: the kiosk refuses to start on the half-done job, and a
plain ``queue recover`` finishes it: every readable request saved once, the rest named, the
counter past every reference. The child is forked so that a kill lands inside the work itself."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from outbox_helpers import make_body, make_doc, reference_number

from offline_queue import OutboxCorrupt, OutboxError, OutboxLost, open_outbox
from offline_queue import recover as recover_module
from offline_queue.crypto import read_key
from offline_queue.recover import RecoveryReport, recover

COUNT = 30
PAGE = 4096


@pytest.fixture(scope="module")
def damaged(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str], list[str]]:
    """A damaged queue, and what an uninterrupted recovery saves (ids) and names (references)."""
    data = tmp_path_factory.mktemp("interrupted") / "data"
    with open_outbox(data) as box:
        for n in range(COUNT):
            box.enqueue(make_body(name=f"Citoyen {n}"), [make_doc(size=6000, seed=n)])
    db = data / "outbox.db"
    conn = sqlite3.connect(db)
    leaves = [
        r[0]
        for r in conn.execute("SELECT pageno FROM dbstat WHERE name = 'submissions' AND pagetype = 'leaf'")
    ]
    conn.close()
    with db.open("r+b") as handle:
        handle.seek((leaves[len(leaves) // 2] - 1) * PAGE)
        handle.write(os.urandom(PAGE))
    reference = data.parent / "reference"
    shutil.copytree(data, reference)
    report = recover(reference / "outbox.db", reference / "outbox.db", read_key(reference / "outbox.key"))
    with open_outbox(reference) as box:
        saved = {item.id for item in box.list_items()}
    assert 0 < len(report.lost_references) < COUNT // 2 and len(saved) + len(report.lost_references) == COUNT
    return data, saved, report.lost_references


def run_in_child(data: Path, before: Callable[[], None] = lambda: None) -> int:
    """Fork a child that recovers ``data``; returns its pid (it exits 0 when done)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns to pytest
        try:
            before()
            recover(data / "outbox.db", data / "outbox.db", read_key(data / "outbox.key"))
            os._exit(0)
        except BaseException:
            os._exit(3)
    return pid


def finish_and_check(data: Path, saved: set[str], lost: list[str]) -> None:
    """What the kiosk sees after the kill, then a plain ``recover``, then the final queue."""
    try:
        with open_outbox(data) as box:
            # it opens only once the job is complete: never an empty or partial queue
            assert {item.id for item in box.list_items()} == saved
        finished = True
    except (OutboxLost, OutboxCorrupt):
        finished = False
    try:
        report: RecoveryReport | None = recover(
            data / "outbox.db", data / "outbox.db", read_key(data / "outbox.key")
        )
    except OutboxError as exc:
        assert finished and "n'est pas abîmée" in str(exc)
        report = None
    assert report is not None or finished
    if report is not None:
        assert sorted(report.lost_references) == sorted(lost)
    with open_outbox(data) as box:
        ids = [item.id for item in box.list_items()]
        assert len(ids) == len(set(ids)) and set(ids) == saved
        assert reference_number(box.enqueue(make_body(), []).local_reference) > COUNT  # none reused
    assert not list(data.glob(".outbox.db.rebuilding*")) and not (data / "outbox.recovering").exists()
    assert len(list(data.glob("outbox.db.corrupt-*"))) == 1


def stage(data: Path) -> str:
    """Where the job stood when it was killed."""
    if not (data / "outbox.recovering").exists():
        return "not started" if not list(data.glob("outbox.db.corrupt-*")) else "done"
    if not list(data.glob("outbox.db.corrupt-*")):
        return "marker written"
    if list(data.glob(".outbox.db.rebuilding*")):
        return "building"
    return "set aside" if not (data / "outbox.db").exists() else "renamed into place"


def kill_after(pid: int, delay: float) -> bool:
    """SIGKILL ``pid`` after ``delay`` s; True when it had already finished its work."""
    time.sleep(delay)
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        assert os.waitstatus_to_exitcode(status) == 0
        return True
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return False


def random_kills(tmp_path: Path, damaged: tuple[Path, set[str], list[str]], runs: int, seed: int) -> None:
    source, saved, lost = damaged
    timing = tmp_path / "timing"
    shutil.copytree(source, timing)
    started = time.perf_counter()
    os.waitpid(run_in_child(timing), 0)
    duration = time.perf_counter() - started
    rng = random.Random(seed)
    finished = 0
    stages: set[str] = set()
    for run in range(runs):
        data = tmp_path / f"run{run}"
        shutil.copytree(source, data)
        finished += kill_after(run_in_child(data), rng.uniform(0, duration * 1.1))
        stages.add(stage(data))
        finish_and_check(data, saved, lost)
    assert finished < runs and stages - {"not started", "done"}  # kills did land inside the work


def test_recover_killed_at_random_moments(tmp_path: Path, damaged: tuple[Path, set[str], list[str]]) -> None:
    random_kills(tmp_path, damaged, runs=24, seed=20261201)


@pytest.mark.soak
def test_recover_killed_at_random_moments_many_times(
    tmp_path: Path, damaged: tuple[Path, set[str], list[str]]
) -> None:
    random_kills(tmp_path, damaged, runs=200, seed=7)


STEPS = ("write_atomic", "_move", "_remove_db", "_fsync_file", "replace", "write_ledger", "fsync_dir")


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("call", [1, 2])
def test_recover_killed_at_each_step(
    tmp_path: Path, damaged: tuple[Path, set[str], list[str]], step: str, call: int
) -> None:
    """The child kills itself as it enters the ``call``-th call of one step of the job."""
    source, saved, lost = damaged
    data = tmp_path / "data"
    shutil.copytree(source, data)

    def arm() -> None:
        target = recover_module.os if step == "replace" else recover_module
        real = getattr(target, step)
        calls = iter(range(1, 100))

        def die_on_call(*args: object, **kwargs: object) -> object:
            if next(calls) == call:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)

        setattr(target, step, die_on_call)

    pid = run_in_child(data, arm)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) or os.waitstatus_to_exitcode(status) == 0
    finish_and_check(data, saved, lost)
