"""The visits of a period, counted for the mediators' activity report (no personal data).

Built from the anonymous visit records (``kiosk.visits``) and, for days past
retention, from the counts they were reduced to, so a report over a whole
year says the same before and after the pruning. The screen, the PDF
(``kiosk.report_pdf``) and the CSV read the same :class:`VisitReport`.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from kiosk.visits import (
    ASSISTANCE_FR,
    AUTONOMY_FR,
    DURATION_BUCKETS,
    OUTCOME_FR,
    CountRow,
    VisitRecord,
    duration_bucket,
)


@dataclass(frozen=True)
class VisitReport:
    first_day: date
    last_day: date
    by_day: Mapping[date, int]
    """Every day of the period, those without visits included (the chart shows the gaps)."""
    by_procedure: Mapping[str, int]
    by_outcome: Mapping[str, int]
    by_assistance: Mapping[str, int]
    by_autonomy: Mapping[str, int]
    """Keys: the autonomy values, and "" when the mediator did not say (or nobody assisted)."""
    by_duration: Mapping[str, int]
    """Keys: the labels of ``DURATION_BUCKETS``, in order, all present."""
    total_seconds: int
    calls: int
    calls_answered: int
    call_wait_seconds: int

    @property
    def total(self) -> int:
        return sum(self.by_day.values())

    @property
    def mean_minutes(self) -> float:
        return self.total_seconds / 60 / self.total if self.total else 0.0

    @property
    def mean_wait_minutes(self) -> float:
        return self.call_wait_seconds / 60 / self.calls_answered if self.calls_answered else 0.0


def visit_report(records: Iterable[VisitRecord], counts: Iterable[CountRow],
                 first_day: date, last_day: date) -> VisitReport:
    """Count the visits started between two local days (inclusive)."""
    days: Counter[date] = Counter()
    procedures: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    assistance: Counter[str] = Counter()
    autonomy: Counter[str] = Counter()
    durations: Counter[str] = Counter()
    seconds = calls = answered = wait = 0
    for r in records:
        if not first_day <= r.day <= last_day:
            continue
        days[r.day] += 1
        procedures[r.procedure or ""] += 1
        outcomes[r.outcome] += 1
        assistance[r.assistance] += 1
        autonomy[r.autonomy or ""] += 1
        durations[duration_bucket(r.duration_s)] += 1
        seconds += r.duration_s
        calls += r.called_at is not None
        if r.call_wait_s is not None:
            answered += 1
            wait += r.call_wait_s
    for c in counts:
        if not first_day <= c.day <= last_day:
            continue
        days[c.day] += c.visits
        procedures[c.procedure] += c.visits
        outcomes[c.outcome] += c.visits
        assistance[c.assistance] += c.visits
        autonomy[c.autonomy] += c.visits
        durations[c.bucket] += c.visits
        seconds += c.seconds
    period = (first_day + timedelta(days=i) for i in range((last_day - first_day).days + 1))
    return VisitReport(
        first_day, last_day, {d: days[d] for d in period}, dict(procedures.most_common()),
        dict(outcomes.most_common()), dict(assistance.most_common()),
        dict(autonomy.most_common()), {label: durations[label] for label, _ in DURATION_BUCKETS},
        seconds, calls, answered, wait)


def label_fr(section: str, key: str, titles: Mapping[str, str] | None = None) -> str:
    """How a key reads in the report: a procedure's title, an outcome in French…"""
    if section == "procedure":
        return (titles or {}).get(key, key) or "aucune démarche choisie"
    table = {"outcome": OUTCOME_FR, "assistance": ASSISTANCE_FR, "autonomy": AUTONOMY_FR}.get(section)
    return table.get(key, key) if table else key


SECTIONS_FR: dict[str, str] = {
    "day": "Visites par jour", "procedure": "Par démarche", "outcome": "Par issue",
    "assistance": "Seul ou accompagné", "autonomy": "Autonomie (selon le médiateur)",
    "duration": "Par durée",
}


def sections(report: VisitReport) -> dict[str, Mapping[str, int]]:
    """Each count of the report by section, keys as strings (days in ISO form)."""
    return {
        "day": {d.isoformat(): n for d, n in report.by_day.items()},
        "procedure": report.by_procedure, "outcome": report.by_outcome,
        "assistance": report.by_assistance, "autonomy": report.by_autonomy,
        "duration": report.by_duration,
    }


def report_csv(report: VisitReport, titles: Mapping[str, str] | None = None) -> str:
    """One line per count: section, key, its French label, visits (a spreadsheet pivots it)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["rubrique", "cle", "libelle", "visites"])
    for section, counts in sections(report).items():
        for key, n in counts.items():
            writer.writerow([section, key, label_fr(section, key, titles), n])
    writer.writerow(["total", "", "visites", report.total])
    writer.writerow(["total", "", "durée moyenne (min)", f"{report.mean_minutes:.1f}"])
    writer.writerow(["total", "", "appels d'un médiateur", report.calls])
    writer.writerow(["total", "", "attente moyenne après un appel (min)",
                     f"{report.mean_wait_minutes:.1f}"])
    return out.getvalue()
