"""What a receipt needs, computed once when the submission is queued.

The snapshot outlives the retention purge so that a receipt can be printed
again, and its hash of the canonical body lets anyone check the paper matches
what was queued. It is stored as JSON (``to_json``); ``from_json`` also reads
the snapshots of older kiosks (``content_sha256`` instead of ``body_sha256``).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from typing import Any

from .canonical import body_sha256
from .errors import OutboxError
from .submission import AnswerValue, Consent, ProcedureRef, Submission
from .times import parse_time, rfc3339


class SnapshotUnreadable(OutboxError):
    """A stored snapshot lacks what a receipt needs; the request itself is not lost."""


@dataclass(frozen=True)
class SnapshotDocument:
    """A document as the receipt shows it: no bytes, no upload id."""

    kind: str
    filename: str
    size: int


@dataclass(frozen=True)
class ReceiptSnapshot:
    id: str
    local_reference: str
    procedure: ProcedureRef
    created_at: datetime
    kiosk_id: str
    site: str
    mediator_id: str | None
    answers: Mapping[str, AnswerValue]  # only the answers a receipt may print
    documents: tuple[SnapshotDocument, ...]
    consent: Consent | None
    supersedes: str | None
    body_sha256: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "answers", MappingProxyType(dict(self.answers)))

    @classmethod
    def of(
        cls, record: Submission, receipt_fields: Collection[str] | None = None
    ) -> ReceiptSnapshot:
        """The snapshot of a queued ``record``; ``receipt_fields`` limits the answers kept."""
        if record.local_reference is None:
            raise ValueError("a snapshot is taken once the local reference is given")
        answers = dict(record.answers)
        if receipt_fields is not None:
            answers = {key: value for key, value in answers.items() if key in receipt_fields}
        return cls(
            id=record.id,
            local_reference=record.local_reference,
            procedure=record.procedure,
            created_at=record.created_at,
            kiosk_id=record.kiosk_id,
            site=record.site,
            mediator_id=record.mediator_id,
            answers=answers,
            documents=tuple(SnapshotDocument(d.kind, d.filename, d.size) for d in record.documents),
            consent=record.consent,
            supersedes=record.supersedes,
            body_sha256=body_sha256(record.to_body()),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "local_reference": self.local_reference,
            "procedure": {"code": self.procedure.code, "version": self.procedure.version},
            "created_at": rfc3339(self.created_at),
            "kiosk_id": self.kiosk_id,
            "site": self.site,
            "mediator_id": self.mediator_id,
            "answers": dict(self.answers),
            "documents": [
                {"kind": d.kind, "filename": d.filename, "size": d.size} for d in self.documents
            ],
            "consent": None
            if self.consent is None
            else {"given_at": rfc3339(self.consent.given_at), "text_version": self.consent.text_version},
            "supersedes": self.supersedes,
            "body_sha256": self.body_sha256,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ReceiptSnapshot:
        """Read a stored snapshot; ``SnapshotUnreadable`` (French) names what is missing."""
        try:
            procedure = data.get("procedure") or {}
            consent = data.get("consent")
            return cls(
                id=_required(data, "id"),
                local_reference=_required(data, "local_reference"),
                procedure=ProcedureRef(str(procedure.get("code") or ""), str(procedure.get("version") or "")),
                created_at=_moment(data.get("created_at")),
                kiosk_id=str(data.get("kiosk_id") or ""),
                site=str(data.get("site") or ""),
                mediator_id=data.get("mediator_id"),
                answers=dict(data.get("answers") or {}),
                documents=tuple(
                    SnapshotDocument(str(d["kind"]), str(d.get("filename") or ""), int(d.get("size") or 0))
                    for d in data.get("documents") or []
                ),
                consent=None
                if not consent
                else Consent(_moment(consent.get("given_at")), str(consent.get("text_version") or "")),
                supersedes=data.get("supersedes"),
                body_sha256=_required(data, "body_sha256", "content_sha256"),
            )
        except (AttributeError, KeyError, TypeError, ValueError):
            raise SnapshotUnreadable(
                "Le reçu ne peut pas être préparé : une information de la demande enregistrée est "
                "illisible (date, pièces). La demande elle-même n'est pas perdue ; prévenez le "
                "support informatique."
            ) from None


def _required(data: Mapping[str, Any], *keys: str) -> str:
    for key in keys:
        value = data.get(key)
        if value not in (None, ""):
            return str(value)
    raise SnapshotUnreadable(
        f"Le reçu ne peut pas être préparé : l'information « {keys[0]} » manque dans la demande "
        "enregistrée. La demande elle-même n'est pas perdue ; prévenez le support informatique."
    )


def _moment(value: object) -> datetime:
    if not isinstance(value, str):
        raise ValueError(value)
    return parse_time(value)
