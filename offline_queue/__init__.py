"""The durable, encrypted outbox of confirmed submissions (the sync client lives in ``sync``)."""

from typing import TYPE_CHECKING, Any

from .errors import (
    DocumentLost,
    InvalidSubmission,
    InvalidTransition,
    OutboxCorrupt,
    OutboxError,
    OutboxFull,
    OutboxKeyError,
    OutboxLost,
    PurgedError,
    UnknownSubmission,
)

if TYPE_CHECKING:
    from .models import STATES, QueuedSubmission, State, StoredDocument
    from .outbox import DB_NAME, KEY_NAME, STATE_LABELS_FR, Outbox, open_outbox

_MODEL_NAMES = frozenset({"STATES", "QueuedSubmission", "State", "StoredDocument"})
_OUTBOX_NAMES = frozenset({"DB_NAME", "KEY_NAME", "STATE_LABELS_FR", "Outbox", "open_outbox"})


def __getattr__(name: str) -> Any:
    """The records and the outbox load at first use (PEP 562): the outbox pulls in
    sqlite-utils, and neither is needed before the welcome screen's first paint (which
    imports ``offline_queue.times``); the errors load at once."""
    if name in _MODEL_NAMES:
        from . import models

        return getattr(models, name)
    if name in _OUTBOX_NAMES:
        from . import outbox

        return getattr(outbox, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "DocumentLost",
    "DB_NAME",
    "KEY_NAME",
    "STATES",
    "STATE_LABELS_FR",
    "InvalidSubmission",
    "InvalidTransition",
    "Outbox",
    "OutboxCorrupt",
    "OutboxError",
    "OutboxFull",
    "OutboxKeyError",
    "OutboxLost",
    "PurgedError",
    "QueuedSubmission",
    "State",
    "StoredDocument",
    "UnknownSubmission",
    "open_outbox",
]
