"""The demo closes cleanly on Ctrl+C and SIGTERM, leaving no throw-away folder behind."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_demo_stops_on_a_signal_without_a_traceback_and_cleans_up(tmp_path: Path, signum: int) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KIOSK_CONFIG=str(tmp_path / "none.toml"),
               TMPDIR=str(tmp_path))
    child = subprocess.Popen([sys.executable, "-m", "kiosk.launcher", "--demo"], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert child.stdout is not None
    lines: list[str] = []
    folder = None
    deadline = time.monotonic() + 60
    for line in child.stdout:
        lines.append(line)
        found = re.search(r"data in (\S+)", line)
        if found:
            folder = Path(found.group(1).rstrip(","))
            break
        assert time.monotonic() < deadline, "".join(lines)
    assert folder is not None and folder.exists(), "".join(lines)
    time.sleep(1.0)  # let the start finish: the sync thread, the scanner folder
    child.send_signal(signum)
    rest, _ = child.communicate(timeout=60)
    output = "".join(lines) + rest
    assert child.returncode == 0, output
    assert "Traceback" not in output
    assert "signal" in output and "closes" in output
    assert not folder.exists()
    assert not list(tmp_path.glob("kiosk-demo-*"))
