"""The idle warning's state, without a clock: how long until the wipe, and « Encore du temps ».

The window's timers (``ui.idle``) drive it; anything that tells the citizen about the
countdown (the panel on screen, a spoken or chimed warning) reads it here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class IdleCountdown:
    """``warning_s`` without a touch opens a countdown of ``countdown_s`` seconds."""

    warning_s: int
    countdown_s: int
    remaining: int = 0
    """Seconds left before the wipe while the warning is shown; 0 otherwise."""
    extensions: int = 0
    """How many times « Encore du temps » (or a touch) stopped a warning during this visit."""

    @property
    def warning_shown(self) -> bool:
        return self.remaining > 0

    def warn(self) -> int:
        """The warning opens: the full countdown is left."""
        self.remaining = self.countdown_s
        return self.remaining

    def tick(self) -> bool:
        """One second passed; True when the countdown reached zero (wipe now)."""
        if self.remaining <= 0:
            return False
        self.remaining -= 1
        return self.remaining == 0

    def extend(self) -> bool:
        """Someone is there: the warning closes. True if a warning was open."""
        was_shown = self.warning_shown
        self.remaining = 0
        if was_shown:
            self.extensions += 1
        return was_shown

    def reset(self) -> None:
        """A new visit: nothing carried over."""
        self.remaining = 0
        self.extensions = 0
