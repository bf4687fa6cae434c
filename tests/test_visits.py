"""Visits recorded from the flow model's moves: anonymous records and their journal entries."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from test_flow import ANNE, CONFIG, answer_questions, attach_all

from kiosk.audit import Journal
from kiosk.flow import Page, Visit
from kiosk.procedures import Catalogue
from kiosk.visits import Profile, VisitError, VisitRecorder, VisitStore, duration_bucket

START = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.moment = START

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)


@dataclass(frozen=True)
class Item:
    """What the outbox gives back once a request is on disk (only what the recorder reads)."""

    id: str
    local_reference: str
    procedure_code: str
    supersedes: str | None = None


@dataclass
class Kiosk:
    visit: Visit
    recorder: VisitRecorder
    store: VisitStore
    journal: Journal
    clock: Clock
    sent: set[str]

    def kinds(self) -> list[str]:
        return [e.kind for e in self.journal.entries()]


@pytest.fixture
def kiosk(tmp_path: Path, catalogue: Catalogue) -> Kiosk:
    clock = Clock()
    store = VisitStore(tmp_path / "visits.db")
    journal = Journal(tmp_path / "audit.db", now=clock)
    sent: set[str] = set()
    recorder = VisitRecorder(store, journal, now=clock, sent=sent.__contains__)
    return Kiosk(Visit(CONFIG, catalogue, listener=recorder), recorder, store, journal, clock, sent)


def fill_and_save(k: Kiosk, rng: random.Random, supersedes: str | None = None) -> Item:
    visit = k.visit
    answer_questions(visit, rng, {})
    attach_all(visit, rng)
    visit.confirm_summary()
    assert visit.session is not None
    visit.session.give_consent("1")
    visit.start_saving()
    assert visit.procedure is not None
    item = Item(str(uuid.uuid4()), "PN-7501-K02-000001", visit.procedure.code, supersedes)
    visit.saved(item)  # type: ignore[arg-type]
    return item


def test_a_citizen_alone_who_saves(kiosk: Kiosk) -> None:
    visit = kiosk.visit
    visit.start_alone()
    visit.pick("cg-duplicata")  # lands on its deciding questions
    visit.say_for_whom("self")
    kiosk.clock.advance(7 * 60)
    item = fill_and_save(kiosk, random.Random(1))
    kiosk.sent.add(item.id)  # the sync sent it while the confirmation was on screen
    visit.done()
    kiosk.clock.advance(20)
    visit.go_home()
    [record] = kiosk.store.records()
    assert (record.procedure, record.theme, record.assistance, record.mediator) == (
        "cg-duplicata", "carte_grise", "alone", None)
    assert (record.outcome, record.last_page, record.last_step) == ("sent", None, None)
    assert record.duration_s == 7 * 60 + 20 and duration_bucket(record.duration_s) == "< 10 min"
    assert (record.called_at, record.call_wait_s, record.autonomy) == (None, None, None)
    assert kiosk.kinds() == ["visit_start", "request_confirmed", "visit_end"]
    confirmed = list(kiosk.journal.entries())[1]
    assert confirmed.fields == {"submission": item.id, "reference": "PN-7501-K02-000001",
                                "procedure": "cg-duplicata"}  # no visit id: not tied to the visit
    end = list(kiosk.journal.entries())[-1]
    assert end.who == "citoyen" and end.fields == {
        "visit": record.id, "outcome": "sent", "procedure": "cg-duplicata", "seconds": 440}
    assert kiosk.journal.verify().ok


def test_a_call_a_take_over_a_hand_over_then_an_idle_wipe(kiosk: Kiosk, catalogue: Catalogue) -> None:
    visit = kiosk.visit
    visit.start_alone()
    visit.pick("permis-renouvellement")  # lands on its deciding questions
    visit.say_for_whom("self")
    kiosk.clock.advance(60)
    visit.call_mediator()
    kiosk.clock.advance(180)
    assert visit.take_over()
    visit.logged_in(ANNE)
    assert visit.page is Page.QUESTION
    kiosk.clock.advance(120)
    visit.hand_over()
    step = visit.session.current.id  # type: ignore[union-attr]
    kiosk.clock.advance(300)
    assert visit.idle_expired()
    [record] = kiosk.store.records()
    assert (record.assistance, record.mediator) == ("taken_over", "m-0001")
    assert record.called_at == START + timedelta(seconds=60) and record.call_wait_s == 180
    assert (record.outcome, record.last_page, record.last_step) == ("abandoned", "question", step)
    assert record.duration_s == 660 and record.theme == "permis"
    assert kiosk.kinds() == ["visit_start", "mediator_call", "login", "mediator_answer",
                             "take_over", "hand_over", "idle_wipe", "visit_end"]
    whos = [e.who for e in kiosk.journal.entries()]
    assert whos == ["citoyen", "citoyen", "m-0001", "m-0001", "m-0001", "m-0001", "citoyen",
                    "citoyen"]
    assert kiosk.journal.verify().ok


def test_an_assisted_visit_given_up_then_redirected_with_the_mediators_tap(kiosk: Kiosk) -> None:
    visit = kiosk.visit
    visit.login("assist")
    visit.logged_in(ANNE)
    visit.pick("permis-echange-etranger")  # lands on its deciding questions
    visit.say_for_whom("self")
    answer_questions(visit, random.Random(4), {})
    assert visit.page is Page.DOCUMENTS
    kiosk.recorder.conclude(autonomy="partly_autonomous")
    kiosk.clock.advance(25 * 60)
    visit.go_home()  # « Retour à l'accueil », a move off the map
    described = Profile(age_band="SoixanteDixPlus", gender="Feminin", social_status="Retraite",
                        commune_insee="2A004", no_phone=True)
    kiosk.recorder.conclude(redirected_to="administration", profile=described)
    [record] = kiosk.store.records()
    assert record.profile == described
    assert (record.assistance, record.mediator, record.autonomy) == (
        "assisted", "m-0001", "partly_autonomous")
    assert (record.outcome, record.redirected_to, record.last_page) == (
        "redirected", "administration", "documents")
    assert duration_bucket(record.duration_s) == "20–30 min"
    assert kiosk.kinds() == ["login", "visit_start", "visit_end"]


def test_a_mediators_own_session_is_not_a_visit(kiosk: Kiosk) -> None:
    visit = kiosk.visit
    visit.login("queue")
    visit.logged_in(ANNE)
    assert visit.page is Page.QUEUE
    visit.go_home()
    assert kiosk.store.records() == []
    assert kiosk.kinds() == ["login"]


def test_nothing_of_the_person_reaches_the_files(kiosk: Kiosk, tmp_path: Path) -> None:
    visit = kiosk.visit
    visit.login("assist")
    visit.logged_in(ANNE)
    visit.pick("cg-changement-adresse")
    visit.say_for_whom("self")
    visit.begin()
    rng = random.Random(9)
    answer_questions(visit, rng, {})
    assert visit.session is not None
    answers = [v for v in visit.session.answers.values() if len(v) >= 4]
    attach_all(visit, rng)
    documents = [bytes(d.data[16:48]) for d in visit.session.documents.values()]
    visit.call_mediator()
    visit.go_home()
    kiosk.journal.close()
    kiosk.store.close()
    stored = (tmp_path / "visits.db").read_bytes() + (tmp_path / "audit.db").read_bytes()
    assert answers and documents
    for secret in [*answers, ANNE.name]:
        assert secret.encode() not in stored, secret
    for data in documents:
        assert data not in stored


def test_a_journal_that_cannot_be_written_never_stops_the_visit(
        kiosk: Kiosk, caplog: pytest.LogCaptureFixture) -> None:
    kiosk.journal.close()
    visit = kiosk.visit
    visit.start_alone()
    visit.pick("cg-duplicata")
    visit.say_for_whom("self")
    visit.go_home()
    assert visit.page is Page.WELCOME
    assert "visit record or audit entry not written: AuditError" in caplog.text


@pytest.mark.parametrize("profile", [
    Profile(age_band="Anne Martin"),  # type: ignore[arg-type]
    Profile(gender="F"),  # type: ignore[arg-type]
    Profile(social_status="Etudiant"),  # type: ignore[arg-type]
    Profile(commune_insee="Ajaccio"),
    Profile(commune_insee="750560"),
])
def test_the_mediators_answers_are_only_the_coops_values(kiosk: Kiosk, profile: Profile) -> None:
    kiosk.visit.start_alone()
    with pytest.raises(VisitError):
        kiosk.recorder.conclude(profile=profile)
    with pytest.raises(VisitError):
        kiosk.recorder.conclude(autonomy="a lot")  # type: ignore[arg-type]


def test_a_saved_correction_names_the_request_it_replaces(kiosk: Kiosk) -> None:
    refused = str(uuid.uuid4())
    kiosk.visit.start_alone()
    kiosk.visit.pick("cg-duplicata")  # lands on its deciding questions
    kiosk.visit.say_for_whom("self")
    item = fill_and_save(kiosk, random.Random(5), supersedes=refused)
    corrected = [e for e in kiosk.journal.entries() if e.kind == "request_corrected"]
    assert [e.fields for e in corrected] == [{"submission": item.id, "supersedes": refused}]
