"""French local time: what every person at the kiosk reads, whatever the machine's time zone."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")


def in_paris(moment: datetime) -> datetime:
    """The moment in Paris local time; a naive value is taken as UTC (how the stores keep time)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(PARIS)


def paris_text(moment: datetime) -> str:
    """``30/11/2026 11:17`` in Paris time."""
    return in_paris(moment).strftime("%d/%m/%Y %H:%M")
