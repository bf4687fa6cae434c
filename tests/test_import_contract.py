"""The core, the queue and the central service never import Qt (import-linter contract)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contract_holds() -> None:
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(linter)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 1 kept, 0 broken" in result.stdout


def test_contract_would_catch_a_qt_import(tmp_path: Path) -> None:
    """The contract is live: a core module importing PySide6 breaks it."""
    offender = ROOT / "kiosk" / "_contract_probe.py"
    offender.write_text("import PySide6.QtCore  # noqa: F401\n")
    try:
        linter = Path(sys.executable).with_name("lint-imports")
        result = subprocess.run([str(linter)], cwd=ROOT, capture_output=True, text=True,
                                timeout=120)
    finally:
        offender.unlink()
    assert result.returncode != 0
    assert "kiosk._contract_probe -> PySide6" in result.stdout
