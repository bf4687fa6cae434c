"""The visit's record opened after the first tap is answered, with nothing of that tap lost.

The anonymous visit record and the audit journal (``kiosk.visits``, ``kiosk.audit``) take
a third of the time the kiosk needs to answer its first tap: their modules, two SQLite
files, a first entry written to disk. The tap does not need them, only its record does.
So the visit starts with a :class:`HeldMoves` as its listener. It keeps the first move
with the moment it was made; the window opens the record once the page that tap opened
is painted, and the held move is written then, with its own moment.

A second move made before that opens the record at once (``open_now``), so at most one
move is ever held: the record of a move may read the visit as it stands, and the first
move's reading is the same one move later (who acts, which procedure: none yet).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from offline_queue.times import utc_now

if TYPE_CHECKING:
    from kiosk.flow import Transition, Visit


class Record(Protocol):
    """What the held moves are handed to (``kiosk.visits.VisitRecorder``)."""

    def __call__(self, visit: Visit, transition: Transition | None) -> None: ...

    def replay(self, visit: Visit, transition: Transition | None, at: datetime) -> None:
        """Record a move made earlier, at ``at``."""


class HeldMoves:
    """The visit's listener until its record opens, then the record's messenger.

    ``open_now`` is called (on the thread of the visit) when a second move comes before the
    record is open; it must open the record and give it with :meth:`hand_over`."""

    def __init__(self, open_now: Callable[[], object],
                 now: Callable[[], datetime] = utc_now) -> None:
        self._open_now = open_now
        self._now = now
        self._held: list[tuple[Transition | None, datetime]] = []
        self.record: Record | None = None

    def __call__(self, visit: Visit, transition: Transition | None) -> None:
        if self.record is None and self._held:
            self._open_now()
        if self.record is None:
            self._held.append((transition, self._now()))
            return
        self.record(visit, transition)

    def hand_over(self, visit: Visit, record: Record) -> None:
        """From now on ``record`` hears each move; the one held is given to it first."""
        held, self._held = self._held, []
        for transition, at in held:
            record.replay(visit, transition, at)
        self.record = record


class Unrecorded:
    """The record when its files cannot be opened (IT has the log line): the visit goes on,
    its moves and the mediator's conclusion are not written."""

    def __call__(self, visit: Visit, transition: Transition | None) -> None:
        """Nothing is written."""

    def replay(self, visit: Visit, transition: Transition | None, at: datetime) -> None:
        """Nothing is written."""

    def conclude(self, **_conclusion: object) -> None:
        """Nothing is written."""
