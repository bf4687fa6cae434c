"""The mediator signed in for the shift: one PIN, then one tap per citizen.

A mediator at the counter helps one citizen after another. Typing the PIN for
each of them costs about ten touches a visit, so after a PIN login « Avec un
médiateur » the kiosk keeps the mediator signed in and the welcome screen
offers « Commencer avec <nom> ». The sign-in ends:

- after ``minutes`` without the mediator's own activity (a move of a visit they
  drive; a citizen alone, or the idle wipe, is not their activity);
- at the end of the day (Paris date), whatever the activity;
- when they tap « Fin de service », when another mediator signs in, when the
  kiosk quits, and when IT disables their account (``kiosk mediators disable``).

It lives in memory only: nothing is written, so a restart always asks the PIN
again. The mediator's space (queue, corrections, reports) still asks the PIN
each time: the welcome screen is in reach of every citizen, and that space
shows other people's requests.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Literal

from offline_queue.times import utc_now

if TYPE_CHECKING:  # the window's model holds a shift from the start: the accounts load later
    from kiosk.audit import Journal
    from kiosk.mediators import Mediator, MediatorDirectory

log = logging.getLogger(__name__)

EndReason = Literal["signed_out", "lapsed", "end_of_day", "quit", "replaced", "disabled"]
"""Why a sign-in ended, as the audit journal's ``logout`` entry says it."""

EndListener = Callable[["Mediator", EndReason], None]


def paris_today() -> date:
    from kiosk.paris_time import in_paris  # noqa: PLC0415 - the time zones load at first use

    return in_paris(utc_now()).date()


def awake_seconds() -> float:
    """Seconds since boot, time asleep included (a kiosk suspended for an hour must count
    that hour), never moved by a change of the wall clock."""
    if hasattr(time, "CLOCK_BOOTTIME"):
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    return time.monotonic()


class Shift:
    """Who is signed in for the shift, until when. ``minutes`` 0: nobody stays signed in.

    ``clock`` (seconds since boot: a wall clock set back does not stretch a sign-in)
    and ``today`` (the Paris date) are attributes so tests can move time."""

    def __init__(self, minutes: int, clock: Callable[[], float] = awake_seconds,
                 today: Callable[[], date] = paris_today, on_end: EndListener | None = None) -> None:
        self.minutes = minutes
        self.clock = clock
        self.today = today
        self.on_end = on_end
        self.account_active: Callable[[str], bool] = lambda _mediator_id: True
        """Whether the account may still sign in (the window asks the accounts file)."""
        self._mediator: Mediator | None = None
        self._last_activity = 0.0
        self._day: date | None = None

    def sign_in(self, mediator: Mediator) -> None:
        """A right PIN for a citizen (« Avec un médiateur », or a take-over)."""
        if self.minutes <= 0:
            return
        if self._mediator is not None and self._mediator.id != mediator.id:
            self.end("replaced")
        self._mediator = mediator
        self._day = self.today()
        self._last_activity = self.clock()

    def current(self) -> Mediator | None:
        """The mediator still signed in; a lapsed sign-in ends here (and is journalled)."""
        if self._mediator is None:
            return None
        if self.today() != self._day:
            self.end("end_of_day")
        elif self.clock() - self._last_activity > self.minutes * 60:
            self.end("lapsed")
        elif not self.account_active(self._mediator.id):
            self.end("disabled")
        return self._mediator

    def touch(self, mediator: Mediator) -> None:
        """``mediator`` did something: their sign-in, if it is still valid, lasts longer."""
        if self.current() is not None and self._mediator == mediator:
            self._last_activity = self.clock()

    def end(self, reason: EndReason) -> None:
        """Sign out (« Fin de service », quitting, a lapse); nothing when nobody is signed in."""
        mediator, self._mediator, self._day = self._mediator, None, None
        if mediator is None:
            return
        log.info("mediator %s signed out: %s", mediator.id, reason)
        if self.on_end is not None:
            self.on_end(mediator, reason)


def journal_ends(journal: Journal) -> EndListener:
    """Each end of a sign-in as a ``logout`` entry of the audit journal (the PIN login is
    its ``login`` entry); a journal that cannot be written is logged and never blocks."""
    from kiosk.audit import AuditError  # noqa: PLC0415 - with the services, after the first paint

    def note_end(mediator: Mediator, reason: EndReason) -> None:
        try:
            journal.append(mediator.id, "logout", mediator=mediator.id, reason=reason)
        except AuditError as exc:
            log.error("audit entry not written (logout): %s", type(exc).__name__)

    return note_end



def still_active(directory: MediatorDirectory, mediator_id: str) -> bool:
    """The account is still on the PIN screen: not disabled, and the accounts file trusted."""
    from kiosk.mediators import MediatorError  # noqa: PLC0415 - with the services

    try:
        return any(m.id == mediator_id for m in directory.mediators())
    except MediatorError:
        return False
