"""Activity report for the mediator and the prefecture: counts only, no personal data.

Built from the queue's records (procedure, state, dates), so it can be shown on
screen or printed and sent on without any citizen's answer in it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from kiosk.paris_time import PARIS
from offline_queue import QueuedSubmission


@dataclass(frozen=True)
class ActivityReport:
    first_day: date
    last_day: date
    by_day: Mapping[date, int] = field(default_factory=dict)
    by_procedure: Mapping[str, int] = field(default_factory=dict)
    by_state: Mapping[str, int] = field(default_factory=dict)
    corrections: int = 0
    oldest_waiting: datetime | None = None

    @property
    def total(self) -> int:
        return sum(self.by_day.values())


def activity(
    items: Iterable[QueuedSubmission],
    first_day: date,
    last_day: date,
) -> ActivityReport:
    """Requests confirmed between two local days (inclusive), counted several ways."""
    days: Counter[date] = Counter()
    procedures: Counter[str] = Counter()
    states: Counter[str] = Counter()
    corrections = 0
    oldest: datetime | None = None
    for item in items:
        day = item.created_at.astimezone(PARIS).date()
        if not first_day <= day <= last_day:
            continue
        days[day] += 1
        procedures[item.procedure_code] += 1
        # A refused request replaced by its correction is no longer waiting for anyone.
        states["replaced" if item.replaced else item.state] += 1
        corrections += item.supersedes is not None
        waiting = item.state != "sent" and not item.replaced
        if waiting and (oldest is None or item.created_at < oldest):
            oldest = item.created_at
    return ActivityReport(first_day, last_day, dict(sorted(days.items())),
                          dict(procedures.most_common()), dict(states), corrections,
                          oldest)
