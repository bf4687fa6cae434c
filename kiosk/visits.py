"""Each citizen's visit as an anonymous record, and the journal entries of its moves.

The prefecture wants to know how visits go (how long, alone or helped, given
up where, how autonomous) without knowing who came. A record holds the
procedure and its theme, how the person was helped, the outcome (and the page
and step where a visit was given up), the duration, a mediator call and its
wait, and the autonomy a mediator gives in one tap at the end: no name, no
answer, no document, no link to the request.

:class:`VisitRecorder` is the flow model's listener (``Visit(..., listener=)``):
it sees every transition before it is made, with the visit's facts, and writes
the record when the visit ends plus the audit entries (visit start and end,
login, take-over, hand-over, request confirmed or corrected, idle wipe,
mediator call and answer). A visit starts when the procedure choice is
first shown; a mediator's own session (queue, corrections) is not a visit.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import astuple, dataclass, field, fields
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Literal, get_args

from kiosk.audit import CITIZEN, AuditError, Journal
from kiosk.flow import Event, Page, Transition, Visit
from kiosk.paris_time import PARIS

log = logging.getLogger(__name__)

VISITS_FILE = "visits.db"

Assistance = Literal["alone", "assisted", "taken_over"]
Outcome = Literal["sent", "saved_offline", "abandoned", "redirected"]
Autonomy = Literal["fully_accompanied", "partly_autonomous", "autonomous"]
Redirection = Literal["operator", "admin_help", "administration", "digital_mediation", "other"]
"""Where a mediator sent the person on (the Coop's « structure de redirection »)."""

ASSISTANCE_FR: dict[str, str] = {"alone": "seul", "assisted": "accompagné",
                                 "taken_over": "repris par un médiateur"}
OUTCOME_FR: dict[str, str] = {"sent": "envoyée", "saved_offline": "enregistrée, envoi en attente",
                              "abandoned": "abandonnée", "redirected": "orientée ailleurs"}
AUTONOMY_FR: dict[str, str] = {"fully_accompanied": "entièrement accompagné",
                               "partly_autonomous": "partiellement autonome",
                               "autonomous": "autonome", "": "non renseignée"}

AgeBand = Literal["", "MoinsDeDouze", "DouzeDixHuit", "DixHuitVingtQuatre", "VingtCinqTrenteNeuf",
                  "QuaranteCinquanteNeuf", "SoixanteSoixanteNeuf", "SoixanteDixPlus", "NonCommunique"]
Gender = Literal["", "Masculin", "Feminin", "NonCommunique"]
SocialStatus = Literal["", "Scolarise", "SansEmploi", "EnEmploi", "Retraite", "NonCommunique"]
_INSEE = re.compile(r"^(?:[0-9]{5}|2[AB][0-9]{3})?$")


@dataclass(frozen=True)
class Profile:
    """The CRA's anonymous description of the person, in the Coop's own values. Asked of the
    mediator at the end, never of the citizen; each part may stay empty."""

    age_band: AgeBand = ""
    gender: Gender = ""
    social_status: SocialStatus = ""
    commune_insee: str = ""
    no_phone: bool | None = None

    def check(self) -> None:
        for name, kind in (("age_band", AgeBand), ("gender", Gender),
                           ("social_status", SocialStatus)):
            if getattr(self, name) not in get_args(kind):
                raise VisitError(f"Description de la personne : valeur inconnue pour {name}.")
        if not _INSEE.match(self.commune_insee):
            raise VisitError("Description de la personne : le code INSEE de la commune a "
                             "5 caractères (ex. 75056, 2A004).")


DURATION_BUCKETS: tuple[tuple[str, int], ...] = (
    ("< 10 min", 600), ("10–20 min", 1200), ("20–30 min", 1800), ("30–60 min", 3600),
    ("> 60 min", 10**12))


def duration_bucket(seconds: int) -> str:
    return next(label for label, limit in DURATION_BUCKETS if seconds < limit)


@dataclass(frozen=True)
class VisitRecord:
    """One visit's anonymous record, as the activity report reads it."""

    id: str
    started_at: datetime
    ended_at: datetime
    procedure: str | None
    theme: str | None
    assistance: Assistance
    mediator: str | None
    """The first mediator who assisted (an account id), for their activity report."""
    outcome: Outcome
    last_page: str | None
    """Where an abandoned visit stopped (a page of the flow), and on a question its step id."""
    last_step: str | None
    called_at: datetime | None
    call_wait_s: int | None
    """Seconds from « Appeler un médiateur » to a mediator's PIN; None if nobody came."""
    autonomy: Autonomy | None = None
    redirected_to: Redirection | None = None
    profile: Profile = field(default_factory=Profile)

    @property
    def duration_s(self) -> int:
        return max(0, int((self.ended_at - self.started_at).total_seconds()))

    @property
    def day(self) -> date:
        return self.started_at.astimezone(PARIS).date()


_SCHEMA = """
CREATE TABLE IF NOT EXISTS visits (
    id TEXT PRIMARY KEY,
    started_at TEXT NOT NULL,
    ended_at TEXT NOT NULL,
    procedure TEXT,
    theme TEXT,
    assistance TEXT NOT NULL,
    mediator TEXT,
    outcome TEXT NOT NULL,
    last_page TEXT,
    last_step TEXT,
    called_at TEXT,
    call_wait_s INTEGER,
    autonomy TEXT,
    redirected_to TEXT,
    age_band TEXT NOT NULL DEFAULT '',
    gender TEXT NOT NULL DEFAULT '',
    social_status TEXT NOT NULL DEFAULT '',
    commune_insee TEXT NOT NULL DEFAULT '',
    no_phone INTEGER
);
CREATE INDEX IF NOT EXISTS visits_started ON visits (started_at);
CREATE TABLE IF NOT EXISTS visit_counts (
    day TEXT NOT NULL,
    procedure TEXT NOT NULL,
    assistance TEXT NOT NULL,
    outcome TEXT NOT NULL,
    autonomy TEXT NOT NULL,
    bucket TEXT NOT NULL,
    visits INTEGER NOT NULL,
    seconds INTEGER NOT NULL,
    PRIMARY KEY (day, procedure, assistance, outcome, autonomy, bucket)
);
"""
_COLUMNS = ("id", "started_at", "ended_at", "procedure", "theme", "assistance", "mediator",
            "outcome", "last_page", "last_step", "called_at", "call_wait_s", "autonomy",
            "redirected_to")
_PROFILE_COLUMNS = tuple(f.name for f in fields(Profile))
_ALL = ", ".join(_COLUMNS + _PROFILE_COLUMNS)


@dataclass(frozen=True)
class CountRow:
    """Visits past retention, reduced to counts (nothing but these stays)."""

    day: date
    procedure: str
    assistance: str
    outcome: str
    autonomy: str
    bucket: str
    visits: int
    seconds: int


class VisitError(AuditError):
    """The visit records cannot be read or written; ``message`` is French."""


class VisitStore:
    """The SQLite file ``<data_dir>/visits.db`` (owner-only)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
            os.chmod(path, 0o600)
            self._db = sqlite3.connect(path, timeout=10)
            self._db.executescript(_SCHEMA)
        except (sqlite3.Error, OSError) as exc:
            raise self._unusable(exc) from None

    @classmethod
    def in_data_dir(cls, data_dir: Path) -> VisitStore:
        return cls(data_dir / VISITS_FILE)

    def _unusable(self, exc: Exception) -> VisitError:
        return VisitError(f"Le registre des visites ({self.path}) est illisible ou ne peut pas "
                          f"être écrit ({type(exc).__name__}). Prévenez le support informatique.")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> VisitStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, record: VisitRecord) -> None:
        _check(record)
        values = [getattr(record, c) for c in _COLUMNS] + list(astuple(record.profile))
        values = [_stored(v) if isinstance(v, datetime) else v for v in values]
        try:
            with self._db:
                self._db.execute(f"INSERT INTO visits ({_ALL}) VALUES "
                                 f"({', '.join('?' * len(values))})", values)
        except sqlite3.Error as exc:
            raise self._unusable(exc) from None

    def conclude(self, visit_id: str, *, autonomy: Autonomy | None = None,
                 redirected_to: Redirection | None = None, profile: Profile | None = None) -> None:
        """The mediator's tap at the end, given after the record was written."""
        _check_conclusion(autonomy, redirected_to, profile)
        try:
            with self._db:
                if profile is not None:
                    self._db.execute(
                        "UPDATE visits SET " + ", ".join(f"{c} = ?" for c in _PROFILE_COLUMNS)
                        + " WHERE id = ?", (*astuple(profile), visit_id))
                if autonomy is not None:
                    self._db.execute("UPDATE visits SET autonomy = ? WHERE id = ?",
                                     (autonomy, visit_id))
                if redirected_to is not None:
                    self._db.execute("UPDATE visits SET redirected_to = ?, outcome = 'redirected' "
                                     "WHERE id = ? AND outcome = 'abandoned'",
                                     (redirected_to, visit_id))
        except sqlite3.Error as exc:
            raise self._unusable(exc) from None

    def records(self, first_day: date | None = None, last_day: date | None = None) -> list[VisitRecord]:
        """Visits started between two local days (inclusive), oldest first."""
        query, params = f"SELECT {_ALL} FROM visits", []
        if first_day is not None and last_day is not None:
            query += " WHERE started_at >= ? AND started_at < ?"
            params = [_stored(_local_midnight(first_day)),
                      _stored(_local_midnight(date.fromordinal(last_day.toordinal() + 1)))]
        try:
            rows = self._db.execute(query + " ORDER BY started_at", params).fetchall()
        except sqlite3.Error as exc:
            raise self._unusable(exc) from None
        return [_record(row) for row in rows]

    def counts(self, first_day: date, last_day: date) -> list[CountRow]:
        try:
            rows = self._db.execute(
                "SELECT day, procedure, assistance, outcome, autonomy, bucket, visits, seconds "
                "FROM visit_counts WHERE day BETWEEN ? AND ? ORDER BY day",
                (first_day.isoformat(), last_day.isoformat())).fetchall()
        except sqlite3.Error as exc:
            raise self._unusable(exc) from None
        return [CountRow(date.fromisoformat(r[0]), *r[1:]) for r in rows]

    def prune(self, before: datetime) -> int:
        """Visits started before ``before`` become counts (day, procedure, outcome…)."""
        cutoff = _stored(before)
        try:
            with self._db:
                old = [_record(r) for r in self._db.execute(
                    f"SELECT {_ALL} FROM visits WHERE started_at < ?",
                    (cutoff,)).fetchall()]
                for r in old:
                    self._db.execute(
                        "INSERT INTO visit_counts VALUES (?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT DO "
                        "UPDATE SET visits = visits + 1, seconds = seconds + excluded.seconds",
                        (r.day.isoformat(), r.procedure or "", r.assistance, r.outcome,
                         r.autonomy or "", duration_bucket(r.duration_s), r.duration_s))
                self._db.execute("DELETE FROM visits WHERE started_at < ?", (cutoff,))
        except sqlite3.Error as exc:
            raise self._unusable(exc) from None
        return len(old)


def _stored(moment: datetime) -> str:
    """UTC, always to the microsecond: the stored times compare as text."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), PARIS).astimezone(UTC)


def _record(row: tuple[object, ...]) -> VisitRecord:
    values = dict(zip(_COLUMNS, row[:len(_COLUMNS)], strict=True))
    for name in ("started_at", "ended_at", "called_at"):
        if values[name] is not None:
            values[name] = datetime.fromisoformat(str(values[name]))
    age_band, gender, social_status, commune, no_phone = row[len(_COLUMNS):]
    profile = Profile(age_band, gender, social_status, str(commune),  # type: ignore[arg-type]
                      None if no_phone is None else bool(no_phone))
    return VisitRecord(**values, profile=profile)  # type: ignore[arg-type]


def _check(record: VisitRecord) -> None:
    if record.assistance not in get_args(Assistance) or record.outcome not in get_args(Outcome):
        raise VisitError("Registre des visites : aide ou issue inconnue.")
    _check_conclusion(record.autonomy, record.redirected_to, record.profile)


def _check_conclusion(autonomy: str | None, redirected_to: str | None,
                      profile: Profile | None = None) -> None:
    if profile is not None:
        profile.check()
    if autonomy is not None and autonomy not in get_args(Autonomy):
        raise VisitError(f"Autonomie inconnue « {autonomy} ».")
    if redirected_to is not None and redirected_to not in get_args(Redirection):
        raise VisitError(f"Structure d'orientation inconnue « {redirected_to} ».")


# --- the listener -------------------------------------------------------------------------


@dataclass
class _Ongoing:
    """The visit being recorded, from its first tap until it ends."""

    id: str
    started_at: datetime
    assistance: Assistance
    mediator: str | None
    procedure: str | None = None
    theme: str | None = None
    called_at: datetime | None = None
    call_wait_s: int | None = None
    autonomy: Autonomy | None = None
    redirected_to: Redirection | None = None
    profile: Profile = field(default_factory=Profile)


class VisitRecorder:
    """Listens to a :class:`kiosk.flow.Visit`; writes visit records and journal entries.

    ``sent(submission_id)`` tells, at the end of a visit, whether its request already
    reached the central service (else it is « saved offline »). A journal or record that
    cannot be written is logged for IT and never stops the visit."""

    def __init__(self, store: VisitStore, journal: Journal, *,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC),
                 sent: Callable[[str], bool] | None = None) -> None:
        self.store = store
        self.journal = journal
        self._now = now
        self._sent = sent
        self.ongoing: _Ongoing | None = None
        self.last_visit_id: str | None = None
        self._saved: str | None = None
        self._pending_call: datetime | None = None

    def __call__(self, visit: Visit, transition: Transition | None) -> None:
        self.replay(visit, transition, self._now())

    def replay(self, visit: Visit, transition: Transition | None, at: datetime) -> None:
        """Record a move made at ``at`` (``kiosk.held_moves``: the first tap, made before the
        record was open); the visit may have made that move already."""
        try:
            self._observe(visit, transition, at)
        except AuditError as exc:
            log.error("visit record or audit entry not written: %s", type(exc).__name__)

    def conclude(self, *, autonomy: Autonomy | None = None,
                 redirected_to: Redirection | None = None, profile: Profile | None = None) -> None:
        """The mediator's one tap at the end (and, if they wish, the CRA's anonymous
        description): on the visit going on, else on the one just ended."""
        _check_conclusion(autonomy, redirected_to, profile)
        if self.ongoing is not None:
            self.ongoing.autonomy = autonomy or self.ongoing.autonomy
            self.ongoing.redirected_to = redirected_to or self.ongoing.redirected_to
            self.ongoing.profile = profile or self.ongoing.profile
        elif self.last_visit_id is not None:
            self.store.conclude(self.last_visit_id, autonomy=autonomy, redirected_to=redirected_to,
                                profile=profile)

    # --- what each move means -------------------------------------------------------------

    def _observe(self, visit: Visit, t: Transition | None, now: datetime) -> None:
        ongoing = self.ongoing
        ids = {"visit": ongoing.id} if ongoing else {}
        if t is None:
            self._pending_call = now  # the flow tells of a new call only (kiosk.mediator_call)
            if ongoing is not None and ongoing.called_at is None:
                ongoing.called_at = now
            self.journal.append(visit.who(), "mediator_call", **ids)
            return
        if ongoing is not None and visit.procedure is not None:
            ongoing.procedure, ongoing.theme = visit.procedure.code, visit.procedure.theme
        if t.event is Event.LOGGED_IN and visit.mediator is not None:
            self._logged_in(visit, t, now)
        elif t.event is Event.HAND_OVER and visit.mediator is not None and ongoing is not None:
            self.journal.append(visit.mediator.id, "hand_over", visit=ongoing.id,
                                mediator=visit.mediator.id)
        elif t.event is Event.SAVED and visit.saved_item is not None:
            self._confirmed(visit, now)
        elif t.event is Event.IDLE:
            self.journal.append(visit.who(), "idle_wipe", page=t.source.value, **ids)
        if t.target is Page.PICKER and ongoing is None and t.source in (Page.WELCOME, Page.LOGIN):
            self._start(visit, now)
        elif t.target is Page.WELCOME:
            self._end(visit, t.source, now)

    def _logged_in(self, visit: Visit, t: Transition, now: datetime) -> None:
        assert visit.mediator is not None
        mediator = visit.mediator.id
        self.journal.append(mediator, "login", mediator=mediator)
        ongoing = self.ongoing
        if self._pending_call is not None and visit.call is not None and visit.call.state == "answered":
            wait = int((now - self._pending_call).total_seconds())
            self._pending_call = None
            self.journal.append(mediator, "mediator_answer", mediator=mediator, seconds=wait,
                                **({"visit": ongoing.id} if ongoing else {}))
            if ongoing is not None and ongoing.call_wait_s is None:
                ongoing.call_wait_s = wait
        if ongoing is not None and visit.login_purpose == "take_over":
            self.journal.append(mediator, "take_over", visit=ongoing.id, mediator=mediator)
            if ongoing.assistance == "alone":
                ongoing.assistance = "taken_over"
            ongoing.mediator = ongoing.mediator or mediator

    def _confirmed(self, visit: Visit, now: datetime) -> None:
        item = visit.saved_item
        assert item is not None
        who = visit.who()
        self.journal.append(who, "request_confirmed", submission=item.id,
                            reference=item.local_reference, procedure=item.procedure_code)
        if item.supersedes is not None:
            self.journal.append(who, "request_corrected", submission=item.id,
                                supersedes=item.supersedes)
        self._saved = item.id

    def _start(self, visit: Visit, now: datetime) -> None:
        mediator = visit.mediator.id if visit.mediator else None
        self.ongoing = _Ongoing(str(uuid.uuid4()), now, "assisted" if mediator else "alone",
                                mediator, called_at=self._pending_call)
        self.journal.append(visit.who(), "visit_start", visit=self.ongoing.id,
                            mode="assisted" if mediator else "alone")

    def _end(self, visit: Visit, left: Page, now: datetime) -> None:
        ongoing, saved = self.ongoing, self._saved
        self.ongoing, self._saved, self._pending_call = None, None, None
        if ongoing is None:
            return
        page = step = None
        if saved is not None:
            outcome: Outcome = "sent" if self._sent is not None and self._sent(saved) else \
                "saved_offline"
        else:
            outcome = "redirected" if ongoing.redirected_to else "abandoned"
            page = left.value
            if left is Page.QUESTION and visit.session is not None:
                step = visit.session.current.id
        record = VisitRecord(
            ongoing.id, ongoing.started_at, now, ongoing.procedure, ongoing.theme,
            ongoing.assistance, ongoing.mediator, outcome, page, step, ongoing.called_at,
            ongoing.call_wait_s, ongoing.autonomy, ongoing.redirected_to, ongoing.profile)
        fields: dict[str, object] = {"visit": record.id, "seconds": record.duration_s,
                                     "outcome": outcome}
        fields.update({k: v for k, v in (("procedure", record.procedure), ("page", page),
                                         ("step", step)) if v is not None})
        self.last_visit_id = record.id
        self.store.add(record)
        self.journal.append(visit.who() if visit.mediator else CITIZEN, "visit_end", **fields)


def open_recorder(data_dir: Path, sent: Callable[[str], bool] | None = None) -> VisitRecorder:
    """The recorder the kiosk gives its ``Visit`` (``Visit(config, catalogue, listener=...)``)."""
    return VisitRecorder(VisitStore.in_data_dir(data_dir), Journal.in_data_dir(data_dir), sent=sent)

