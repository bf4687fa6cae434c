"""The state of the line to the central service: how long to rest after failures.

Back-off belongs to the line, not to each request: when the network or the
server is unwell every request would fail alike, and when a chunk or a
submission gets through the line is fine again, so progress resets the count.
The first failure after progress (a cut, one odd answer) is tried again at
once, unless the server asked for a pause; the next ones in a row rest with
full jitter, growing up to ``max_s``, so a captive portal that persists, a
server in trouble, or a line that is down, backs off. Connections cut after
they were made (a lossy line: the far end is there) rest no longer than the
second failure does: waiting longer would not mend the line, only lose time.

Times are read on the monotonic clock: setting the wall clock back (or
forward) neither stalls nor hurries the sync.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from offline_queue.backoff import retry_delay

CUT_CEILING = 2  # cuts in a row rest as the second failure in a row at most


class LineBackoff:
    """Failures in a row on the line, and the monotonic moment the rest ends."""

    def __init__(
        self,
        base_s: float,
        max_s: float,
        *,
        rng: random.Random | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._base_s = base_s
        self._max_s = max_s
        self._rng = rng or random.Random()
        self._monotonic = monotonic
        self.failures = 0
        self._working = False  # something got through since the last failure
        self._until: float | None = None

    def failed(self, retry_after_s: float | None = None, *, cut: bool = False) -> float:
        """Count one more failure in a row; the seconds to rest (never under Retry-After).
        ``cut``: the connection was made, then dropped."""
        self.failures += 1
        if self._working and self.failures == 1:
            delay = retry_after_s or 0.0
        else:
            count = min(self.failures, CUT_CEILING) if cut else self.failures
            delay = retry_delay(count, self._base_s, self._max_s, retry_after_s, self._rng)
        self._working = False
        self._until = self._monotonic() + delay
        return delay

    def progressed(self) -> None:
        """Something got through: the line is well, the next failure starts the count again."""
        self.failures = 0
        self._working = True
        self._until = None

    def remaining_s(self) -> float:
        """Seconds of rest left, 0 when the line may be used now."""
        if self._until is None:
            return 0.0
        return max(0.0, self._until - self._monotonic())

    def cut_short(self) -> None:
        """A person asked to send now: end the rest, keep the count (a new failure rests longer)."""
        self._until = None
