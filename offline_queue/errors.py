"""Errors the outbox raises, each carrying a French message a mediator can act on.

The message is what the screen or the command line shows; it never contains
answers, names or document bytes, so it may also be logged.
"""

from __future__ import annotations

IT_HELP = "Appelez l'assistance informatique"


class OutboxError(Exception):
    """Base of every outbox error; ``str(error)`` is the French message."""


class OutboxCorrupt(OutboxError):
    """The database file is damaged; it is left untouched for ``kiosk queue recover``."""


class OutboxFull(OutboxError):
    """The disk is full; the transaction was rolled back, nothing was half-written."""


class OutboxKeyError(OutboxError):
    """The encryption key is missing, damaged or does not open this outbox."""


class PurgedError(OutboxError):
    """The answers or document bytes were deleted after the retention period."""


class DocumentLost(OutboxError):
    """One document of one request is missing or damaged: that request cannot be sent as it is."""


class UnknownSubmission(OutboxError, LookupError):
    """No submission has this id or local reference."""


class InvalidTransition(OutboxError):
    """The submission is not in a state that allows the requested change."""


class InvalidSubmission(OutboxError, ValueError):
    """The body given to ``enqueue`` lacks what the outbox needs to file it."""


class OutboxLost(OutboxError):
    """The database file vanished, was emptied or replaced by an older copy, or a recovery was cut short.

    Never taken as a new queue: waiting requests would vanish and references be reused.
    """
