"""A mediator signed in for the shift: one PIN, then one tap a visit, until it lapses.

The clock is moved by hand (no sleeping); the visit model is driven as the window drives it.
"""

from __future__ import annotations

import time
from datetime import date, timedelta
from functools import partial
from pathlib import Path

import pytest

from kiosk.audit import Journal
from kiosk.config import ConfigError, KioskConfig, load_config
from kiosk.flow import Page, Visit
from kiosk.mediators import Mediator, MediatorDirectory
from kiosk.procedures import Catalogue
from kiosk.shift import EndReason, Shift, awake_seconds, journal_ends, still_active
from kiosk.speech import page_speech

CAMILLE = Mediator("m-0001", "Camille")
YANIS = Mediator("m-0002", "Yanis")
CODE = "cg-changement-adresse"


class Time:
    """Monotonic seconds and a Paris date, moved by the test."""

    def __init__(self) -> None:
        self.seconds = 1000.0
        self.day = date(2026, 12, 1)

    def clock(self) -> float:
        return self.seconds

    def today(self) -> date:
        return self.day

    def minutes(self, count: float) -> None:
        self.seconds += count * 60


def a_shift(minutes: int = 20) -> tuple[Shift, Time, list[tuple[str, EndReason]]]:
    time, ends = Time(), []
    shift = Shift(minutes, clock=time.clock, today=time.today,
                  on_end=lambda mediator, reason: ends.append((mediator.id, reason)))
    return shift, time, ends


def test_the_sign_in_lapses_after_the_configured_time_without_activity() -> None:
    shift, time, ends = a_shift(20)
    shift.sign_in(CAMILLE)
    for _ in range(5):  # an hour of work, a touch every twelve minutes
        time.minutes(12)
        shift.touch(CAMILLE)
        assert shift.current() == CAMILLE
    time.minutes(20)
    assert shift.current() == CAMILLE  # exactly the time allowed
    time.minutes(0.1)
    assert shift.current() is None
    assert ends == [("m-0001", "lapsed")]
    shift.touch(CAMILLE)  # a lapsed sign-in does not come back with a touch
    assert shift.current() is None


def test_the_sign_in_ends_with_the_day_whatever_the_activity() -> None:
    shift, time, ends = a_shift(480)
    shift.sign_in(CAMILLE)
    time.minutes(1)
    time.day += timedelta(days=1)
    assert shift.current() is None
    assert ends == [("m-0001", "end_of_day")]


def test_signing_out_another_mediator_and_zero_minutes() -> None:
    shift, _time, ends = a_shift()
    shift.sign_in(CAMILLE)
    shift.touch(YANIS)  # someone else's move is not Camille's activity, nor a sign-in
    shift.sign_in(YANIS)
    assert shift.current() == YANIS
    shift.end("signed_out")
    shift.end("signed_out")  # nobody left: nothing more to say
    assert shift.current() is None
    assert ends == [("m-0001", "replaced"), ("m-0002", "signed_out")]
    never, _, none = a_shift(0)  # IT chose a PIN at every visit
    never.sign_in(CAMILLE)
    assert never.current() is None and none == []


def test_the_setting_is_read_from_the_file_and_checked(tmp_path: Path) -> None:
    assert KioskConfig().mediator_stay_minutes == 20
    path = tmp_path / "kiosk.toml"
    path.write_text("[mediators]\nstay_signed_in_minutes = 45\n")
    assert load_config(path, env={}).mediator_stay_minutes == 45
    path.write_text("[mediators]\nstay_signed_in_minutes = 100000\n")
    with pytest.raises(ConfigError, match="mediators.stay_signed_in_minutes"):
        load_config(path, env={})  # 69 days


def a_visit(catalogue: Catalogue, tmp_path: Path) -> tuple[Visit, Time]:
    visit = Visit(KioskConfig(data_dir=tmp_path), catalogue)
    time = Time()
    visit.shift.clock, visit.shift.today = time.clock, time.today
    return visit, time


def test_two_visits_one_pin_and_the_idle_wipe_keeps_the_mediator(catalogue: Catalogue,
                                                                  tmp_path: Path) -> None:
    visit, time = a_visit(catalogue, tmp_path)
    visit.login("assist")
    visit.logged_in(CAMILLE)
    visit.pick(CODE)
    visit.say_for_whom("self")
    assert visit.session is not None and visit.session.mediator_id == "m-0001"
    visit.go_home()  # the first citizen is done
    assert visit.mediator is None and visit.session is None
    assert "Commencer avec Camille" in page_speech(visit)  # voice mode says the button shown
    time.minutes(5)
    visit.start_signed_in()  # the second citizen: one tap, no PIN
    assert visit.page is Page.PICKER and visit.mediator == CAMILLE and visit.compact
    visit.pick(CODE)
    visit.say_for_whom("self")
    session = visit.session
    assert session is not None and session.mediator_id == "m-0001"
    session.set_answer("plate", "ab123cd")
    assert session.answers["plate"] == "AB-123-CD"
    time.minutes(3)
    assert visit.idle_expired()  # the citizen walked away: their data goes, Camille stays
    assert visit.session is None and visit.mediator is None and dict(session.answers) == {}
    assert visit.shift.current() == CAMILLE
    time.minutes(18)  # the idle wipe was not Camille's activity: 21 minutes since her last move
    assert visit.shift.current() is None
    visit.start_signed_in()  # drawn before the lapse, tapped after: the PIN again
    assert visit.page is Page.LOGIN and visit.mediator is None


def test_a_citizen_alone_gets_no_mediator_rights(catalogue: Catalogue, tmp_path: Path) -> None:
    visit, _time = a_visit(catalogue, tmp_path)
    visit.login("assist")
    visit.logged_in(CAMILLE)
    visit.go_home()
    visit.start_alone()
    visit.pick(CODE)
    visit.say_for_whom("self")
    assert visit.mediator is None and not visit.compact
    assert visit.session is not None and visit.session.mediator_id is None
    assert visit.assistance().can_take_over  # a take-over still asks the PIN


def test_the_queue_pin_does_not_sign_in_and_a_restart_forgets(catalogue: Catalogue,
                                                               tmp_path: Path) -> None:
    visit, _time = a_visit(catalogue, tmp_path)
    visit.login("queue")
    visit.logged_in(YANIS)
    visit.go_home()
    assert visit.shift.current() is None  # the mediator's space is not a shift at the counter
    visit.login("assist")
    visit.logged_in(CAMILLE)
    visit.go_home()
    before = sorted(p.name for p in tmp_path.rglob("*"))
    restarted, _ = a_visit(catalogue, tmp_path)  # same data folder, a new process
    assert restarted.shift.current() is None
    assert sorted(p.name for p in tmp_path.rglob("*")) == before == []  # nothing kept on disk


def test_each_end_is_journalled(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "audit.db")
    shift, time, _ = a_shift()
    shift.on_end = journal_ends(journal)
    shift.sign_in(CAMILLE)
    time.minutes(30)
    assert shift.current() is None
    shift.sign_in(YANIS)
    shift.end("quit")
    entries = [(e.who, e.kind, e.fields) for e in journal.entries()]
    assert entries == [("m-0001", "logout", {"mediator": "m-0001", "reason": "lapsed"}),
                       ("m-0002", "logout", {"mediator": "m-0002", "reason": "quit"})]
    assert journal.verify().entries == 2


def test_a_disabled_account_is_signed_out(tmp_path: Path) -> None:
    directory = MediatorDirectory(tmp_path / "mediators.json")
    camille = directory.add("m-0042", "Camille", "482913")
    shift, _time, ends = a_shift()
    shift.account_active = partial(still_active, directory)
    shift.sign_in(camille)
    assert shift.current() == camille
    directory.set_active("m-0042", False)  # IT: kiosk mediators disable m-0042
    assert shift.current() is None
    assert ends == [("m-0042", "disabled")]


def test_the_real_clock_counts_time_asleep_and_goes_forward() -> None:
    first = awake_seconds()
    assert awake_seconds() >= first
    if hasattr(time, "CLOCK_BOOTTIME"):  # Linux: a suspended kiosk's hour counts
        assert abs(awake_seconds() - time.clock_gettime(time.CLOCK_BOOTTIME)) < 1
    assert Shift(20).clock is awake_seconds
