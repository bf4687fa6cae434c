"""The collector proof (tests/gc_proof.py, ``pytest --gc-proof``) catches what it is for.

Each check runs in a process of its own: the proof diverts collections made on
other threads (``DEBUG_SAVEALL``), and that must not leak into the rest of the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PRELUDE = """
import gc, sys, threading
sys.path.insert(0, "tests")
from PySide6.QtCore import QCoreApplication, QObject
from gc_proof import OffThreadFinalisation
app = QCoreApplication([])

def collect_on(name):
    worker = threading.Thread(target=gc.collect, name=name)
    worker.start()
    worker.join()
"""

QT_OBJECT_IN_A_CYCLE = PRELUDE + """
class Holder:
    def __init__(self):
        self.me = self
        self.qobject = QObject()

with OffThreadFinalisation() as watch:
    assert gc.isenabled()
    destroyed_on = []
    holder = Holder()
    holder.qobject.destroyed.connect(lambda *_: destroyed_on.append(threading.current_thread().name))
    del holder
    collect_on("pool")
    assert destroyed_on == [], destroyed_on  # kept aside, not destroyed on the worker
    watch.release()
    assert watch.found == ["QObject on pool"], watch.found
    assert destroyed_on == ["MainThread"], destroyed_on  # destroyed here, on the main thread
print("checked")
"""

PLAIN_GARBAGE = PRELUDE + """
class Node:
    def __init__(self):
        self.me = self

with OffThreadFinalisation() as watch:
    Node()
    collect_on("pool")
    watch.release()
    assert watch.collections >= 1 and watch.found == [], (watch.collections, watch.found)
print("checked")
"""


def _run(script: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_a_qt_object_in_a_cycle_collected_off_the_gui_thread_is_caught() -> None:
    """Found, and kept aside: it is destroyed later, on the main thread."""
    assert "checked" in _run(QT_OBJECT_IN_A_CYCLE)


def test_plain_garbage_collected_off_the_gui_thread_is_not_a_finding() -> None:
    assert "checked" in _run(PLAIN_GARBAGE)
