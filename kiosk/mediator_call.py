"""A call for a mediator: made by the citizen, answered by a mediator, or cancelled.

« Appeler un médiateur » really calls: the window plays a chime and shows a call card in
the status line and in the mediator's space, for as long as the call waits. A mediator
answers it by giving their PIN (taking over, or from the welcome screen); the citizen can
cancel it. The times are kept so that the wait can be said and recorded (the visit record's
``called_at`` and ``call_wait_s`` are written by :mod:`kiosk.visits` from the same events).

A site with nobody to call (``kiosk.mediator_call = false``) makes no call at all: the
button says what to do instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

CallState = Literal["called", "answered", "cancelled"]

NO_CALL_ADVICE = "Levez la main ou adressez-vous à l'accueil : on viendra vous aider."


@dataclass
class MediatorCall:
    """A call for a mediator: when it was made, then whether it was answered or cancelled."""

    called_at: datetime
    state: CallState = "called"
    ended_at: datetime | None = None

    @property
    def waiting(self) -> bool:
        return self.state == "called"

    def answer(self, now: datetime) -> None:
        """A mediator came (their PIN was given)."""
        if self.waiting:
            self.state, self.ended_at = "answered", now

    def cancel(self, now: datetime) -> None:
        """The citizen no longer needs help."""
        if self.waiting:
            self.state, self.ended_at = "cancelled", now

    def wait_s(self, now: datetime) -> int:
        """Seconds waited: until now while waiting, else until answered or cancelled."""
        end = self.ended_at or now
        return max(0, int((end - self.called_at).total_seconds()))

    def card(self, now: datetime) -> str:
        """The call card's words: who waits, for how long."""
        minutes = self.wait_s(now) // 60
        since = "à l'instant" if minutes < 1 else f"depuis {minutes} min"
        return f"Une personne demande de l'aide {since}"
