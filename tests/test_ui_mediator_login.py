"""The PIN screen says how long a locked account still waits, and says a refused accounts file."""

from __future__ import annotations

from pathlib import Path

from kiosk.mediators import LOCK_STEPS_S, MAX_FAILURES, MediatorDirectory
from ui.mediator import MediatorLoginScreen

WAIT_MS = 10_000


def test_a_locked_name_shows_the_time_left(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    now = [1_800_000_000.0]
    path = tmp_path / "mediators.json"
    directory = MediatorDirectory(path, clock=lambda: now[0])
    directory.add("m-0042", "Camille", "482913")
    directory.add("m-0043", "Yanis", "730418")
    screen = MediatorLoginScreen(MediatorDirectory(path, clock=lambda: now[0]))
    qtbot.addWidget(screen)
    screen.start("queue")
    screen.choose("m-0042")
    for _ in range(MAX_FAILURES):
        screen.pin.setText("394857")
        screen.submit()
        qtbot.waitUntil(lambda: not screen.checking, timeout=WAIT_MS)
    assert screen.error.text() == "Trop de codes faux : ce compte est bloqué. Réessayez dans 1 minute."

    restarted = MediatorLoginScreen(MediatorDirectory(path, clock=lambda: now[0]))  # a restart
    qtbot.addWidget(restarted)
    now[0] += 15
    restarted.start("queue")
    assert restarted.error.isHidden()
    restarted.choose("m-0042")
    assert not restarted.error.isHidden()
    assert restarted.error.text() == (
        "Ce compte est bloqué après trop de codes faux. Réessayez dans 45 secondes.")
    restarted.choose("m-0043")  # the other account is not locked
    assert restarted.error.isHidden()
    now[0] += LOCK_STEPS_S[0]
    restarted.choose("m-0042")
    assert restarted.error.isHidden()
    with qtbot.waitSignal(restarted.logged_in, timeout=WAIT_MS) as signal:
        restarted.pin.setText("482913")
        restarted.submit()
    assert signal.args[0].id == "m-0042"


def test_a_refused_accounts_file_is_said_at_login(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "mediators.json"
    MediatorDirectory(path).add("m-0042", "Camille", "482913")
    path.write_text(path.read_text().replace('"failures": 0', '"failures": 1'))
    screen = MediatorLoginScreen(MediatorDirectory(path))
    qtbot.addWidget(screen)
    screen.start("assist")
    assert screen.name_buttons == {}
    assert "Les comptes des médiateurs sont illisibles sur cette borne" in screen.error.text()
    assert "Aucun compte" not in screen.error.text()
