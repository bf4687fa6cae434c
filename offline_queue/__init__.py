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
from .models import STATES, QueuedSubmission, State, StoredDocument

if TYPE_CHECKING:
    from .outbox import DB_NAME, KEY_NAME, STATE_LABELS_FR, Outbox, open_outbox

_OUTBOX_NAMES = frozenset({"DB_NAME", "KEY_NAME", "STATE_LABELS_FR", "Outbox", "open_outbox"})


def __getattr__(name: str) -> Any:
    """The outbox itself loads at first use (PEP 562): it pulls in sqlite-utils, which the
    welcome screen's first paint does not need; the errors and the records load at once."""
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
