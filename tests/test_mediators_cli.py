"""``kiosk mediators``: accounts made by IT from a terminal, then used, locked and kept locked."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.commands import mediators as command
from kiosk.mediators import ACCOUNTS_FILE, MAX_FAILURES, MediatorDirectory, MediatorError, directory_in

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[kiosk]\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    monkeypatch.setenv("KIOSK_CONFIG", str(config))
    for variable in ("KIOSK_DATA_DIR", "KIOSK_ID", "KIOSK_SITE"):
        monkeypatch.delenv(variable, raising=False)
    return tmp_path / "data"


def kiosk(monkeypatch: pytest.MonkeyPatch, *argv: str, stdin: str = "") -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(list(argv))


def test_created_from_the_cli_used_locked_and_still_locked_after_a_restart(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert kiosk(monkeypatch, "mediators", "add", "m-0042", "Camille Martin", stdin="482913\n") == 0
    assert "Compte m-0042 créé" in capsys.readouterr().out
    now = [1_800_000_000.0]
    screens = MediatorDirectory(data_dir / ACCOUNTS_FILE, clock=lambda: now[0])
    assert screens.verify("m-0042", "482913").name == "Camille Martin"
    for _ in range(MAX_FAILURES):
        with pytest.raises(MediatorError):
            screens.verify("m-0042", "730418")

    # the kiosk restarts: new objects on the same files
    restarted = MediatorDirectory(data_dir / ACCOUNTS_FILE, clock=lambda: now[0])
    with pytest.raises(MediatorError, match="Réessayez dans 1 minute"):
        restarted.verify("m-0042", "482913")
    monkeypatch.setattr(command, "directory_in", lambda folder: MediatorDirectory(
        folder / ACCOUNTS_FILE, clock=lambda: now[0] + 20))
    assert kiosk(monkeypatch, "mediators", "list") == 0
    assert "m-0042  Camille Martin  actif, bloqué encore 40 secondes" in capsys.readouterr().out
    now[0] += 61
    assert restarted.verify("m-0042", "482913").id == "m-0042"


def test_pin_from_a_terminal_is_typed_twice_without_echo(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    typed = iter(["482913", "482913", "905172", "905173", "123456"])
    prompts: list[str] = []

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    def getpass(prompt: str) -> str:
        prompts.append(prompt)
        return next(typed)

    monkeypatch.setattr(command.getpass, "getpass", getpass)
    monkeypatch.setattr(sys, "stdin", Terminal())
    assert main(["mediators", "add", "m-0042", "Camille"]) == 0
    assert main(["mediators", "reset-pin", "m-0042"]) == 1
    assert "Les deux codes tapés sont différents" in capsys.readouterr().err
    assert main(["mediators", "reset-pin", "m-0042"]) == 1
    assert "trop facile à deviner (des chiffres qui se suivent)" in capsys.readouterr().err
    assert prompts[0].startswith("Nouveau code") and len(prompts) == 5
    assert directory_in(data_dir).verify("m-0042", "482913").id == "m-0042"


def test_a_pin_is_never_an_argument(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SystemExit) as exit_info:
        kiosk(monkeypatch, "mediators", "add", "m-0042", "Camille", "482913")
    assert exit_info.value.code == 2


def test_list_disable_enable_reset(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert kiosk(monkeypatch, "mediators", "list") == 0
    assert "Aucun compte médiateur" in capsys.readouterr().out
    assert kiosk(monkeypatch, "mediators", "add", "m-0042", "Camille", stdin="1234\n") == 1
    assert "de 6 à 8 chiffres" in capsys.readouterr().err
    assert kiosk(monkeypatch, "mediators", "add", "m-0042", "Camille", stdin="482913\n") == 0
    assert kiosk(monkeypatch, "mediators", "add", "m-0043", "Yanis", stdin="730418\n") == 0
    assert kiosk(monkeypatch, "mediators", "disable", "m-0043") == 0
    assert [m.id for m in directory_in(data_dir).mediators()] == ["m-0042"]
    capsys.readouterr()
    assert kiosk(monkeypatch, "mediators", "list", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["active"]) for r in rows] == [("m-0042", True), ("m-0043", False)]
    assert "hash" not in json.dumps(rows) and "salt" not in json.dumps(rows)
    assert kiosk(monkeypatch, "mediators", "enable", "m-0043") == 0
    assert kiosk(monkeypatch, "mediators", "reset-pin", "m-0043", stdin="905172\n") == 0
    assert directory_in(data_dir).verify("m-0043", "905172").id == "m-0043"
    assert kiosk(monkeypatch, "mediators", "disable", "m-0099") == 1
    assert "Aucun compte m-0099" in capsys.readouterr().err


def test_a_tampered_file_is_refused_by_the_cli_and_left_alone(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert kiosk(monkeypatch, "mediators", "add", "m-0042", "Camille", stdin="482913\n") == 0
    path = data_dir / "mediators.json"
    path.write_text(path.read_text().replace("Camille", "Camilla"))
    before = path.read_bytes()
    capsys.readouterr()
    assert kiosk(monkeypatch, "mediators", "add", "m-0043", "Yanis", stdin="730418\n") == 1
    err = capsys.readouterr().err
    assert "comptes des médiateurs refusés" in err and "laissé tel quel" in err
    assert kiosk(monkeypatch, "mediators", "list") == 1
    assert path.read_bytes() == before


def test_a_real_process_reads_the_pin_from_a_pipe(data_dir: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "kiosk.cli", "mediators", "add", "m-0042", "Camille"],
                          input="482913\n", capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "482913" not in done.stdout + done.stderr
    assert directory_in(data_dir).verify("m-0042", "482913").id == "m-0042"
