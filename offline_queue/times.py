"""Times as the contract writes them (RFC 3339, UTC) and as the outbox stores them.

Every module that writes or reads a time on the wire or on disk comes here, so
one format is used everywhere: ``2026-11-30T10:17:00Z`` on the wire, fixed-width
microsecond UTC text in the database (so SQL string order is time order).
"""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)


def rfc3339(moment: datetime) -> str:
    """UTC time as the central API writes it: ``2026-11-30T10:17:00Z`` (seconds)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(text: str) -> datetime:
    """Read RFC 3339 text (``Z`` or an offset) into an aware UTC datetime; naive is UTC.

    ``ValueError`` when the text is not a date and time.
    """
    value = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def to_db_time(moment: datetime) -> str:
    """Fixed-width UTC text; naive datetimes are taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
