"""Mediator PIN accounts: hashed at rest, signed, locked after wrong PINs, across restarts."""

import json
import stat
from pathlib import Path

import pytest

from kiosk import mediators as mediators_module
from kiosk.consent import load_consent
from kiosk.mediators import (
    LOCK_STEPS_S,
    MAX_FAILURES,
    AccountsRefused,
    MediatorDirectory,
    MediatorError,
    create_demo_accounts,
    pin_problem,
    wait_text,
)

PIN = "482913"


class Clock:
    """Wall-clock seconds the test moves by hand: no real sleep."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def fail(directory: MediatorDirectory, times: int, mediator_id: str = "m-0042") -> str:
    message = ""
    for _ in range(times):
        with pytest.raises(MediatorError) as error:
            directory.verify(mediator_id, "394857")
        message = str(error.value)
    return message


def test_pin_is_never_stored_in_clear_and_files_are_private(tmp_path: Path) -> None:
    path = tmp_path / "mediators.json"
    MediatorDirectory(path).add("m-0042", "Camille", PIN)
    text = path.read_text()
    assert PIN not in text
    assert json.loads(text)["accounts"]["m-0042"]["name"] == "Camille"
    for file in (path, tmp_path / "mediators.key"):
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert MediatorDirectory(path).verify("m-0042", PIN).name == "Camille"


def test_wrong_pin_and_unknown_account_say_the_same(tmp_path: Path) -> None:
    directory = MediatorDirectory(tmp_path / "m.json")
    directory.add("m-0042", "Camille", PIN)
    for mediator_id in ("m-0042", "m-9999"):
        with pytest.raises(MediatorError, match="^Identifiant ou code incorrect.$"):
            directory.verify(mediator_id, "000000")


def test_lock_survives_a_restart_lengthens_and_lifts_after_its_delay(tmp_path: Path) -> None:
    clock = Clock()
    path = tmp_path / "mediators.json"
    MediatorDirectory(path, clock=clock).add("m-0042", "Camille", PIN)
    assert "bloqué. Réessayez dans 1 minute." in fail(MediatorDirectory(path, clock=clock), MAX_FAILURES)

    restarted = MediatorDirectory(path, clock=clock)  # new objects on the same files
    with pytest.raises(MediatorError, match="Réessayez dans 1 minute"):
        restarted.verify("m-0042", PIN)  # even the right PIN waits
    clock.now += 30
    assert restarted.lock_message("m-0042") == (
        "Ce compte est bloqué après trop de codes faux. Réessayez dans 30 secondes.")

    clock.now += 31
    assert MediatorDirectory(path, clock=clock).lock_message("m-0042") is None
    # the next series locks longer: 5 min, then 15 min
    assert fail(MediatorDirectory(path, clock=clock), MAX_FAILURES).endswith("Réessayez dans 5 minutes.")
    clock.now += LOCK_STEPS_S[1] + 1
    assert fail(MediatorDirectory(path, clock=clock), MAX_FAILURES).endswith("Réessayez dans 15 minutes.")
    clock.now += LOCK_STEPS_S[2] - 60
    with pytest.raises(MediatorError, match="Réessayez dans 1 minute"):
        MediatorDirectory(path, clock=clock).verify("m-0042", PIN)
    clock.now += 61
    assert MediatorDirectory(path, clock=clock).verify("m-0042", PIN).id == "m-0042"
    # a right PIN starts the count again from the first, shortest lock
    assert fail(MediatorDirectory(path, clock=clock), MAX_FAILURES).endswith("Réessayez dans 1 minute.")


def test_locks_stop_growing_at_the_last_step(tmp_path: Path) -> None:
    clock = Clock()
    directory = MediatorDirectory(tmp_path / "m.json", clock=clock)
    directory.add("m-0042", "Camille", PIN)
    for step in [*LOCK_STEPS_S, LOCK_STEPS_S[-1]]:
        assert fail(directory, MAX_FAILURES).endswith(f"Réessayez dans {wait_text(step)}.")
        clock.now += step
    assert wait_text(LOCK_STEPS_S[-1]) == "4 heures"


def test_a_clock_set_back_does_not_stretch_a_lock(tmp_path: Path) -> None:
    clock = Clock()
    directory = MediatorDirectory(tmp_path / "m.json", clock=clock)
    directory.add("m-0042", "Camille", PIN)
    fail(directory, MAX_FAILURES)
    clock.now -= 365 * 86400
    assert directory.lock_message("m-0042") is not None
    assert directory.statuses()[0].locked_for_s == LOCK_STEPS_S[0]


def test_a_try_that_cannot_be_recorded_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    directory = MediatorDirectory(tmp_path / "m.json")
    directory.add("m-0042", "Camille", PIN)

    def full_disk(path: Path, data: bytes, *, exclusive: bool = False) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(mediators_module, "write_atomic", full_disk)
    with pytest.raises(MediatorError, match="ne peut pas enregistrer"):
        directory.verify("m-0042", PIN)  # no unlimited tries on a disk that records none


def test_two_processes_never_undo_each_other(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    kiosk = MediatorDirectory(path)
    kiosk.add("m-0001", "Camille", PIN)
    assert [m.id for m in kiosk.mediators()] == ["m-0001"]
    MediatorDirectory(path).add("m-0002", "Yanis", "730418")  # IT, from the command line
    fail(kiosk, 1, "m-0001")  # the screens record a try afterwards
    assert [m.id for m in kiosk.mediators()] == ["m-0001", "m-0002"]
    assert kiosk.statuses()[0].failures == 1


def test_disabled_accounts_are_hidden_and_refused(tmp_path: Path) -> None:
    directory = MediatorDirectory(tmp_path / "m.json")
    directory.add("m-0042", "Camille", PIN)
    directory.set_active("m-0042", False)
    assert directory.mediators() == []
    with pytest.raises(MediatorError, match="Identifiant ou code incorrect"):
        directory.verify("m-0042", PIN)
    directory.set_active("m-0042", True)
    assert directory.verify("m-0042", PIN).id == "m-0042"


def test_reset_pin_lifts_the_lock(tmp_path: Path) -> None:
    clock = Clock()
    directory = MediatorDirectory(tmp_path / "m.json", clock=clock)
    directory.add("m-0042", "Camille", PIN)
    fail(directory, MAX_FAILURES)
    directory.reset_pin("m-0042", "905172")
    assert directory.verify("m-0042", "905172").id == "m-0042"
    with pytest.raises(MediatorError, match="Aucun compte m-0099"):
        directory.reset_pin("m-0099", "905172")


@pytest.mark.parametrize(("pin", "reason"), [
    ("1234", "6 à 8 chiffres"), ("12345", "6 à 8 chiffres"), ("12 3456", "6 à 8 chiffres"),
    ("123456789", "6 à 8 chiffres"), ("000000", "un seul chiffre"), ("123456", "qui se suivent"),
    ("654321", "qui se suivent"), ("890123", "qui se suivent"), ("121212", "se répète"),
    ("123123", "se répète"), ("11112222", "deux chiffres"), ("147258", "clavier"),
])
def test_short_or_trivial_pins_are_refused_with_a_reason(tmp_path: Path, pin: str, reason: str) -> None:
    with pytest.raises(MediatorError, match=reason):
        MediatorDirectory(tmp_path / "m.json").add("m-0042", "X", pin)
    assert not (tmp_path / "m.json").exists()


def test_good_pins_pass_and_demo_pins_only_in_the_demo() -> None:
    assert pin_problem("482913") is None and pin_problem("30571946") is None
    assert pin_problem("1234") is not None and pin_problem("1234", demo=True) is None


@pytest.mark.parametrize(("mediator_id", "name"), [("42", "X"), ("m-0042", ""), ("m-0042", "a\nb"),
                                                   ("m-0042", "x" * 41), ("m-0042", "\udce9")])
def test_account_rules(tmp_path: Path, mediator_id: str, name: str) -> None:
    with pytest.raises(MediatorError):
        MediatorDirectory(tmp_path / "m.json").add(mediator_id, name, PIN)


def test_demo_accounts(tmp_path: Path) -> None:
    directory = MediatorDirectory(tmp_path / "m.json")
    assert [m.id for m in create_demo_accounts(directory)] == ["m-0001", "m-0002"]
    assert directory.verify("m-0001", "1234").id == "m-0001"


def test_consent_text_is_versioned() -> None:
    consent = load_consent()
    assert consent.version == "3"
    assert consent.paragraphs and consent.button
    assert len(consent.digest) == 12


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe", b'["a list"]', b'{"m-0001": {"name": "X"}}',
                                     b"[" * 100_000])
def test_unreadable_accounts_file_is_said_and_never_overwritten(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "mediators.json"
    path.write_bytes(content)
    directory = MediatorDirectory(path)
    assert directory.problem is not None and "illisibles" in directory.problem
    with pytest.raises(AccountsRefused, match="illisibles"):
        directory.verify("m-0001", "1234")
    with pytest.raises(AccountsRefused, match="illisibles"):
        directory.add("m-0003", "Nouveau", PIN)
    assert path.read_bytes() == content


def _edit(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    document = json.loads(path.read_text())
    change(document["accounts"])
    path.write_text(json.dumps(document))


@pytest.mark.parametrize("tamper", [
    lambda a: a["m-0042"].update(failures=0, locked_until=0.0),   # clear one's own lock
    lambda a: a["m-0042"].update(hash=a["m-0043"]["hash"], salt=a["m-0043"]["salt"]),  # own PIN in
    lambda a: a["m-0043"].update(active=True),
    lambda a: a.update({"m-0044": dict(a["m-0042"])}),
])
def test_a_tampered_file_is_refused_logged_and_left_as_it_is(
        tmp_path: Path, tamper, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    clock = Clock()
    path = tmp_path / "mediators.json"
    directory = MediatorDirectory(path, clock=clock)
    directory.add("m-0042", "Camille", PIN)
    directory.add("m-0043", "Yanis", "730418")
    directory.set_active("m-0043", False)
    fail(directory, MAX_FAILURES)
    _edit(path, tamper)
    tampered = path.read_bytes()
    with pytest.raises(AccountsRefused, match="modifié en dehors de la borne") as error:
        MediatorDirectory(path, clock=clock).verify("m-0042", "730418")
    assert "signature" in error.value.detail
    with pytest.raises(AccountsRefused):
        directory.reset_pin("m-0042", "905172")
    assert path.read_bytes() == tampered
    assert "mediator accounts file" in caplog.text and "refused, left untouched" in caplog.text


def test_a_lost_or_foreign_key_refuses_the_file(tmp_path: Path) -> None:
    path = tmp_path / "mediators.json"
    MediatorDirectory(path).add("m-0042", "Camille", PIN)
    key = tmp_path / "mediators.key"
    key.unlink()
    with pytest.raises(AccountsRefused):
        MediatorDirectory(path).mediators()
    with pytest.raises(AccountsRefused):  # no new key is made beside an existing file
        MediatorDirectory(path).add("m-0043", "Yanis", "730418")
    assert not key.exists()
    key.write_bytes(bytes(32))
    with pytest.raises(AccountsRefused, match="illisibles"):
        MediatorDirectory(path).verify("m-0042", PIN)


@pytest.mark.parametrize(("seconds", "text"), [
    (0.2, "1 seconde"), (45, "45 secondes"), (60, "1 minute"), (61, "2 minutes"),
    (3600, "1 heure"), (3660, "1 heure 1 minute"), (14400, "4 heures"), (9000, "2 heures 30 minutes"),
])
def test_wait_in_plain_french(seconds: float, text: str) -> None:
    assert wait_text(seconds) == text
