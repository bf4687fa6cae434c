"""The Qt binding must not drop references to ``True`` or ``None``.

PySide6 6.12.0 on Python 3.11 loses one reference to ``True`` on every
``Signal.emit()`` and one to ``None`` on every call that returns nothing; after a
day of sync passes and screens the count reaches zero and the interpreter aborts
with ``bool_dealloc``. Python 3.12 made both immortal, and scripts/venv.sh
prefers it; on 3.11 pyproject.toml pins a binding without the defect. This test
catches a binding upgrade that brings the leak back where it can still crash.

The measurement runs in a child process: on a defective binding the loss may
abort the interpreter, which must fail this test, not end the test run.
"""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = 3000

_MEASURE = f"""
import os
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

class Emitter(QObject):
    fired = Signal(int)

app = QApplication([])
emitter, label, seen = Emitter(), QLabel(), []
emitter.fired.connect(seen.append)
# Never lose more references than exist: a defective binding must be measured, not crash.
calls = min({CALLS}, sys.getrefcount(True) // 2, sys.getrefcount(None) // 4)
true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
for number in range(calls):
    emitter.fired.emit(number)
true_lost = true_before - sys.getrefcount(True)
none_before = sys.getrefcount(None)
for _ in range(calls):
    label.setText("x")
    label.clear()
    app.processEvents()
none_lost = none_before - sys.getrefcount(None)
assert len(seen) == calls
print(calls, true_lost, none_lost, flush=True)
os._exit(0)  # a defective binding may have left too few references to finalise cleanly
"""


def test_emits_and_void_calls_keep_their_references_to_true_and_none() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", _MEASURE], capture_output=True, text=True,
                          timeout=120, env=env)
    assert done.returncode == 0, f"the measurement process died: {done.stderr[-2000:]}"
    calls, true_lost, none_lost = (int(word) for word in done.stdout.split())
    assert calls >= 100, "too few references to True/None to measure anything"
    # A few references may move with the interpreter's own caches; a leak loses one per call.
    assert true_lost < calls // 10, f"{true_lost} references to True lost over {calls} emits"
    assert none_lost < calls // 10, f"{none_lost} references to None lost over {calls} void calls"
