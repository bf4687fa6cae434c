"""When to try again after a temporary failure: exponential back-off, full jitter, Retry-After.

Full jitter spreads the kiosks of a whole region that come back online at the
same moment, so they do not all hit the central service in the same second.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

# A longer pause asked for is taken as this long: a proxy's far-future date must
# neither overflow the clock arithmetic nor stop a kiosk from ever sending again.
MAX_RETRY_AFTER_S = 24 * 3600.0


def backoff_delay(attempts: int, base_s: float, max_s: float, rng: random.Random) -> float:
    """Seconds to wait after the ``attempts``-th failure in a row (1 = first failure).

    Uniform in ``[0, min(max_s, base_s * 2 ** (attempts - 1))]``.
    """
    exponent = min(max(attempts, 1) - 1, 62)
    ceiling = min(max_s, base_s * (2.0**exponent))
    return rng.uniform(0.0, ceiling)


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds asked by a ``Retry-After`` header (delay-seconds or HTTP date), at most
    ``MAX_RETRY_AFTER_S``; None if unreadable."""
    if value is None:
        return None
    text = value.strip()
    if text.isascii() and text.isdigit():
        return min(float(text), MAX_RETRY_AFTER_S)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return min(max(0.0, (moment - now).total_seconds()), MAX_RETRY_AFTER_S)


def retry_delay(
    attempts: int, base_s: float, max_s: float, retry_after_s: float | None, rng: random.Random
) -> float:
    """The back-off delay, never shorter than what the server asked for."""
    delay = backoff_delay(attempts, base_s, max_s, rng)
    return max(delay, retry_after_s) if retry_after_s is not None else delay
