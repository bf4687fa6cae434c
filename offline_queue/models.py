"""The plain records the outbox hands out, and the time format it stores.

Times are stored as fixed-width UTC text so that SQL string order is time order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, Protocol

State = Literal["queued", "sending", "sent", "needs_attention"]
STATES: tuple[State, ...] = ("queued", "sending", "sent", "needs_attention")


class DocumentLike(Protocol):
    """What ``enqueue`` needs of a document (``kiosk.session.DocumentFile`` fits)."""

    @property
    def kind(self) -> str: ...
    @property
    def filename(self) -> str: ...
    @property
    def content_type(self) -> str: ...
    @property
    def data(self) -> bytes | bytearray: ...
    @property
    def size(self) -> int: ...
    @property
    def sha256(self) -> str: ...


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


def to_db_time(moment: datetime) -> str:
    """Fixed-width UTC text; naive datetimes are taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(text: str) -> datetime:
    """Read RFC 3339 text (``Z`` or an offset) into an aware UTC datetime."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def rfc3339(moment: datetime) -> str:
    """UTC time as the central API writes it: ``2026-11-30T10:17:00Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def utc_now() -> datetime:
    return datetime.now(UTC)
