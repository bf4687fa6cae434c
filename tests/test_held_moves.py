"""The first tap's move waits for the visit's record, then is written with its own moment."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from test_flow import CONFIG
from test_visits import START as TAP
from test_visits import Clock

from kiosk.audit import Journal
from kiosk.flow import Page, Transition, Visit
from kiosk.held_moves import HeldMoves
from kiosk.procedures import Catalogue
from kiosk.visits import VisitRecorder, VisitStore


class Ears:
    """A record that notes what it hears, live or replayed."""

    def __init__(self) -> None:
        self.heard: list[tuple[str, Page, Page | str, datetime | None]] = []

    def __call__(self, visit: Visit, transition: Transition | None) -> None:
        assert transition is not None
        self.heard.append(("live", transition.source, transition.target, None))

    def replay(self, visit: Visit, transition: Transition | None, at: datetime) -> None:
        assert transition is not None
        self.heard.append(("replayed", transition.source, transition.target, at))


def test_the_first_move_waits_with_its_moment_and_is_given_first(catalogue: Catalogue) -> None:
    clock, ears = Clock(), Ears()
    moves = HeldMoves(lambda: None, now=clock)
    visit = Visit(CONFIG, catalogue, listener=moves)
    visit.start_alone()
    assert visit.page is Page.PICKER and ears.heard == []
    clock.moment += timedelta(seconds=2)
    moves.hand_over(visit, ears)
    visit.pick("cg-duplicata")
    assert ears.heard[0] == ("replayed", Page.WELCOME, Page.PICKER, TAP)
    assert [kind for kind, *_ in ears.heard[1:]] == ["live"]
    assert ears.heard[1][1] is Page.PICKER


def test_a_second_move_before_the_record_opens_opens_it_at_once(catalogue: Catalogue) -> None:
    ears = Ears()
    opened: list[int] = []

    def open_now() -> None:
        opened.append(1)
        moves.hand_over(visit, ears)

    moves = HeldMoves(open_now, now=Clock())
    visit = Visit(CONFIG, catalogue, listener=moves)
    visit.start_alone()
    assert opened == []  # one move is held, not two
    visit.go_home()
    assert opened == [1]
    assert [(kind, source, target) for kind, source, target, _ in ears.heard] == [
        ("replayed", Page.WELCOME, Page.PICKER), ("live", Page.PICKER, Page.WELCOME)]


def test_a_visit_recorded_late_keeps_the_tap_s_moment_and_the_page_it_left(
        tmp_path: Path, catalogue: Catalogue) -> None:
    clock = Clock()
    moves = HeldMoves(lambda: None, now=clock)
    visit = Visit(CONFIG, catalogue, listener=moves)
    visit.start_alone()
    clock.moment += timedelta(seconds=1)  # the record opens once the list is painted
    with VisitStore(tmp_path / "visits.db") as store, \
            Journal(tmp_path / "audit.db", now=clock) as journal:
        moves.hand_over(visit, VisitRecorder(store, journal, now=clock))
        clock.moment += timedelta(seconds=30)
        visit.go_home()
        [record] = store.records()
        assert record.started_at == TAP and record.duration_s == 31
        assert (record.outcome, record.last_page) == ("abandoned", "picker")
        assert [entry.kind for entry in journal.entries()] == ["visit_start", "visit_end"]
        assert journal.verify().ok
