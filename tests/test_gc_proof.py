"""The collector proof (tests/gc_proof.py) is live, and the suite passes it in three orders."""

from __future__ import annotations

import gc
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from gc_proof import OffThreadFinalisation
from PySide6.QtCore import QObject

ROOT = Path(__file__).resolve().parent.parent


class Holder:
    """A cycle holding a Qt object: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self
        self.timer = QObject()


def test_a_qt_object_in_a_cycle_collected_off_the_gui_thread_is_caught(
        qapp, off_thread_finalisation: OffThreadFinalisation) -> None:  # type: ignore[no-untyped-def]
    """Found, and kept aside: it is destroyed later, on the main thread."""
    assert gc.isenabled()  # the collector is on, as in production
    destroyed_on: list[str] = []
    holder = Holder()
    holder.timer.destroyed.connect(lambda *_: destroyed_on.append(threading.current_thread().name))
    del holder
    worker = threading.Thread(target=gc.collect, name="pool")
    worker.start()
    worker.join()
    assert destroyed_on == []  # kept aside, not destroyed on the worker
    off_thread_finalisation.release()
    assert off_thread_finalisation.found == ["QObject on pool"]
    assert destroyed_on == [threading.main_thread().name]
    off_thread_finalisation.found.clear()


def test_plain_garbage_collected_off_the_gui_thread_is_not_a_finding(
        off_thread_finalisation: OffThreadFinalisation) -> None:
    class Node:
        def __init__(self) -> None:
            self.me = self

    Node()
    worker = threading.Thread(target=gc.collect)
    worker.start()
    worker.join()
    off_thread_finalisation.release()
    assert off_thread_finalisation.found == []


UI_TESTS = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests").glob("test_ui_*.py")) + [
    "tests/test_review_ui.py", "tests/test_gc_proof.py"]


@pytest.mark.soak
@pytest.mark.timeout(1800)
@pytest.mark.parametrize("order", ["reversed", "shuffle:1", "shuffle:2"])
def test_every_screen_and_background_action_in_another_order(order: str) -> None:
    """The screen tests (every screen, every background action) with the collector on and
    watched, in three orders: none finalises a Qt object off the GUI thread."""
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "--order", order,
         *UI_TESTS], cwd=ROOT, capture_output=True, text=True, timeout=1700)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
