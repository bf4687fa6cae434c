"""Mediator PIN accounts: hashed at rest, locked after repeated wrong PINs."""

import json
import stat
from pathlib import Path

import pytest

from kiosk.consent import load_consent
from kiosk.mediators import (
    LOCK_SECONDS,
    MAX_FAILURES,
    MediatorDirectory,
    MediatorError,
    create_demo_accounts,
)


def test_pin_is_never_stored_in_clear(tmp_path: Path) -> None:
    path = tmp_path / "mediators.json"
    directory = MediatorDirectory(path)
    directory.add("m-0042", "Camille", "482913")
    text = path.read_text()
    assert "482913" not in text
    assert json.loads(text)["m-0042"]["name"] == "Camille"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert MediatorDirectory(path).verify("m-0042", "482913").name == "Camille"


def test_wrong_pin_and_unknown_account_say_the_same(tmp_path: Path) -> None:
    directory = MediatorDirectory(tmp_path / "m.json")
    directory.add("m-0042", "Camille", "482913")
    for mediator_id in ("m-0042", "m-9999"):
        with pytest.raises(MediatorError, match="Identifiant ou code incorrect"):
            directory.verify(mediator_id, "000000")


def test_lock_after_repeated_failures(tmp_path: Path) -> None:
    clock = [1000.0]
    directory = MediatorDirectory(tmp_path / "m.json", clock=lambda: clock[0])
    directory.add("m-0042", "Camille", "482913")
    for _ in range(MAX_FAILURES):
        with pytest.raises(MediatorError):
            directory.verify("m-0042", "111111")
    with pytest.raises(MediatorError, match="Trop d'essais"):
        directory.verify("m-0042", "482913")  # even the right PIN waits
    clock[0] += LOCK_SECONDS + 1
    assert directory.verify("m-0042", "482913").id == "m-0042"


@pytest.mark.parametrize(("mediator_id", "pin"), [("42", "1234"), ("m-0042", "12a4"),
                                                  ("m-0042", "123")])
def test_account_rules(tmp_path: Path, mediator_id: str, pin: str) -> None:
    with pytest.raises(MediatorError):
        MediatorDirectory(tmp_path / "m.json").add(mediator_id, "X", pin)


def test_demo_accounts(tmp_path: Path) -> None:
    directory = MediatorDirectory(tmp_path / "m.json")
    assert [m.id for m in create_demo_accounts(directory)] == ["m-0001", "m-0002"]
    assert directory.verify("m-0001", "1234").id == "m-0001"


def test_consent_text_is_versioned() -> None:
    consent = load_consent()
    assert consent.version == "2"
    assert consent.paragraphs and consent.button
    assert len(consent.digest) == 12


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe", b'["a list"]', b'{"m-0001": {"name": "X"}}'])
def test_unreadable_accounts_file_is_said_and_never_overwritten(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "mediators.json"
    path.write_bytes(content)
    directory = MediatorDirectory(path)
    with pytest.raises(MediatorError, match="illisibles"):
        directory.verify("m-0001", "1234")
    with pytest.raises(MediatorError, match="illisibles"):
        directory.add("m-0003", "Nouveau", "1234")
    assert path.read_bytes() == content
