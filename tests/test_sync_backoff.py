"""Back-off delays: exponential ceiling, full jitter, bounded, Retry-After as a floor."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from offline_queue.backoff import MAX_RETRY_AFTER_S, backoff_delay, parse_retry_after, retry_delay

NOW = datetime(2026, 11, 30, 10, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("attempts", "ceiling"), [(1, 2.0), (2, 4.0), (3, 8.0), (8, 256.0), (9, 300.0), (500, 300.0)]
)
def test_delay_stays_under_the_exponential_ceiling_and_the_maximum(attempts: int, ceiling: float) -> None:
    rng = random.Random(attempts)
    delays = [backoff_delay(attempts, 2.0, 300.0, rng) for _ in range(400)]
    assert all(0.0 <= d <= ceiling for d in delays)
    assert max(delays) > ceiling * 0.8  # full jitter really uses the whole range
    assert min(delays) < ceiling * 0.2


def test_retry_after_is_a_minimum_even_above_the_maximum() -> None:
    rng = random.Random(1)
    assert all(retry_delay(1, 0.01, 0.05, 30.0, rng) == 30.0 for _ in range(50))
    assert all(0.0 <= retry_delay(3, 1.0, 4.0, None, rng) <= 4.0 for _ in range(50))


def test_retry_after_in_seconds_or_http_date() -> None:
    assert parse_retry_after("120", NOW) == 120.0
    assert parse_retry_after("Mon, 30 Nov 2026 10:01:30 GMT", NOW) == 90.0
    assert parse_retry_after("Mon, 30 Nov 2026 09:00:00 GMT", NOW) == 0.0
    assert parse_retry_after("bientôt", NOW) is None
    assert parse_retry_after(None, NOW) is None


def test_retry_after_from_a_broken_or_hostile_server_stays_usable() -> None:
    assert parse_retry_after("²", NOW) is None  # str.isdigit() says yes, float() says no
    assert parse_retry_after("-5", NOW) is None
    assert parse_retry_after("99999999999999999999", NOW) == MAX_RETRY_AFTER_S
    assert parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", NOW) == MAX_RETRY_AFTER_S
    rng = random.Random(2)
    delay = retry_delay(1, 2.0, 600.0, parse_retry_after("99999999999999999999", NOW), rng)
    assert NOW + timedelta(seconds=delay) > NOW  # no OverflowError in the clock arithmetic
