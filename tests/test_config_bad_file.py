"""KIOSK_CONFIG pointing at something that is not a small TOML file: a French sentence at once."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_config

ROOT = Path(__file__).resolve().parent.parent


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="est un dossier, pas un fichier"):
        load_config(env={"KIOSK_CONFIG": str(tmp_path)})


@pytest.mark.parametrize("target", ["/dev/zero", "fifo"])
def test_devices_and_fifos_are_refused_without_blocking(tmp_path: Path, target: str) -> None:
    path = Path(target) if target.startswith("/") else tmp_path / "kiosk.toml"
    if target == "fifo":
        os.mkfifo(path)  # nobody writes: a blocking open or read would never return
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KIOSK_CONFIG": str(path)}

    def limit_memory() -> None:  # reading /dev/zero whole must fail the test, not the machine
        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))

    done = subprocess.run([sys.executable, "-m", "kiosk.cli", "queue", "list"], capture_output=True,
                          text=True, env=env, timeout=60, preexec_fn=limit_memory)
    assert done.returncode == 1
    assert done.stderr.startswith("Configuration refusée — fichier de configuration : ")
    assert "n'est pas un fichier ordinaire" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(("text", "expected"), [
    ("a = " + "[" * 50_000 + "]" * 50_000, "imbriqués trop profondément"),
    ("a = " + "9" * 5000, "nombre démesuré"),
    ("# " + "x" * 300_000, "trop lourd"),
])
def test_hostile_toml_is_refused_in_french(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=expected):
        load_config(path, env={})
