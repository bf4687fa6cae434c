"""The idle warning's state (kiosk.idle), read by the panel and by a spoken warning."""

from __future__ import annotations

from kiosk.idle import IdleCountdown


def test_the_countdown_reaches_zero_once_then_stays() -> None:
    countdown = IdleCountdown(warning_s=90, countdown_s=3)
    assert not countdown.warning_shown
    assert countdown.warn() == 3 and countdown.warning_shown
    assert [countdown.tick() for _ in range(4)] == [False, False, True, False]
    assert countdown.remaining == 0 and not countdown.warning_shown


def test_more_time_closes_the_warning_and_is_counted() -> None:
    countdown = IdleCountdown(warning_s=90, countdown_s=30)
    assert not countdown.extend() and countdown.extensions == 0  # a touch with no warning
    countdown.warn()
    countdown.tick()
    assert countdown.remaining == 29
    assert countdown.extend() and countdown.remaining == 0 and countdown.extensions == 1
    countdown.reset()
    assert (countdown.remaining, countdown.extensions) == (0, 0)
