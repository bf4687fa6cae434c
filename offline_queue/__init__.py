"""The durable, encrypted outbox of confirmed submissions (the sync client lives in ``sync``)."""

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
from .outbox import DB_NAME, KEY_NAME, STATE_LABELS_FR, Outbox, open_outbox

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
