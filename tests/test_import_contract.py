"""The layers' import contracts (import-linter, in pyproject.toml) hold, and each is live.

- the core, the queue and the central service never import Qt;
- the core imports nothing from the screens, but the launcher;
- the queue and the central service import nothing from the core or the screens.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _lint() -> subprocess.CompletedProcess[str]:
    linter = Path(sys.executable).with_name("lint-imports")
    return subprocess.run([str(linter)], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_import_contracts_hold() -> None:
    result = _lint()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(("package", "imported", "broken"), [
    ("kiosk", "PySide6.QtCore", "kiosk._contract_probe -> PySide6"),
    ("offline_queue", "PySide6.QtCore", "offline_queue._contract_probe -> PySide6"),
    ("kiosk", "ui.theme", "kiosk._contract_probe -> ui.theme"),
    ("offline_queue", "kiosk.session", "offline_queue._contract_probe -> kiosk.session"),
    ("reference_central", "kiosk.config", "reference_central._contract_probe -> kiosk.config"),
    ("reference_central", "ui.theme", "reference_central._contract_probe -> ui.theme"),
])
def test_each_contract_catches_a_forbidden_import(package: str, imported: str, broken: str) -> None:
    """The contracts are live: a module importing across a layer breaks one."""
    offender = ROOT / package / "_contract_probe.py"
    offender.write_text(f"import {imported}  # noqa: F401\n")
    try:
        result = _lint()
    finally:
        offender.unlink()
    assert result.returncode != 0
    assert broken in result.stdout
