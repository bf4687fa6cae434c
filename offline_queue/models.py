"""The plain records the outbox hands out (times: ``offline_queue.times``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, Protocol

from .submission import DocumentFacts

State = Literal["queued", "sending", "sent", "needs_attention"]
STATES: tuple[State, ...] = ("queued", "sending", "sent", "needs_attention")


class DocumentLike(DocumentFacts, Protocol):
    """What ``enqueue`` needs of a document: the facts the record keeps, and its bytes
    (``kiosk.session.DocumentFile`` fits)."""

    @property
    def data(self) -> bytes | bytearray: ...


@dataclass(frozen=True)
class QueuedSubmission:
    """One submission as the queue sees it: no answers, no document bytes."""

    id: str
    local_reference: str
    procedure_code: str
    procedure_version: str
    state: State
    attempts: int
    created_at: datetime
    next_attempt_at: datetime
    last_error: str | None
    dossier_number: str | None
    received_at: datetime | None
    error_details: list[dict[str, Any]] = field(default_factory=list)
    supersedes: str | None = None
    purged: bool = False
    superseded_by: str | None = None  # id of the corrected request that replaced this one
    superseded_by_reference: str | None = None  # its local reference, as the mediator reads it
    refused_at: datetime | None = None  # when the service refused it (``needs_attention``)

    @property
    def replaced(self) -> bool:
        """Replaced by a corrected request: never sent again, nothing left to do."""
        return self.superseded_by is not None


@dataclass(frozen=True)
class StoredDocument:
    """A document's metadata and upload progress (the bytes come from ``document_bytes``)."""

    index: int
    kind: str
    filename: str
    content_type: str
    size: int
    sha256: str
    upload_url: str | None
    upload_offset: int
    upload_complete: bool


@dataclass(frozen=True)
class Backlog:
    """What still needs sending or a mediator: what a pass counts and the heartbeat tells."""

    waiting: int  # queued or sending
    needs_attention: int
    oldest_pending_at: datetime | None  # creation time of the oldest one waiting
