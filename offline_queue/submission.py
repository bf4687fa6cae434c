"""The submission record: one typed value from the session to the outbox, the receipt and the sync.

Its JSON form is the body of ``POST /v1/submissions`` (``central-api.md`` § 3),
built in one place, :meth:`Submission.to_body`. :meth:`Submission.from_body`
reads it back: the body the outbox stored (also those stored before
``representative`` existed, read as ``null``) and the JSON a caller hands to
``Outbox.enqueue``. A body that does not fit raises ``InvalidSubmission`` with a
French sentence.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from types import MappingProxyType
from typing import Any, Literal, Protocol, cast, get_args

from .errors import InvalidSubmission
from .times import parse_time, rfc3339

AnswerValue = str | int | float | bool | None
RepresentativeRole = Literal["mandataire", "tuteur", "curateur", "heritier"]
REPRESENTATIVE_ROLES: tuple[str, ...] = get_args(RepresentativeRole)


class DocumentFacts(Protocol):
    """What the record keeps of a document (``kiosk.session.DocumentFile`` fits)."""

    @property
    def kind(self) -> str: ...
    @property
    def filename(self) -> str: ...
    @property
    def content_type(self) -> str: ...
    @property
    def size(self) -> int: ...
    @property
    def sha256(self) -> str: ...


@dataclass(frozen=True)
class ProcedureRef:
    code: str
    version: str


@dataclass(frozen=True)
class DocumentRef:
    """A supporting document as the submission cites it; ``upload_id`` once uploaded."""

    kind: str
    sha256: str
    size: int
    content_type: str
    filename: str
    upload_id: str | None = None

    @classmethod
    def of(cls, document: DocumentFacts) -> DocumentRef:
        return cls(document.kind, document.sha256, document.size, document.content_type, document.filename)


@dataclass(frozen=True)
class Consent:
    given_at: datetime
    text_version: str


@dataclass(frozen=True)
class Mandate:
    """The signed mandate (or court decision), itself one of the documents."""

    sha256: str
    signed_at: datetime


@dataclass(frozen=True)
class Representative:
    """Someone acting for the citizen; ``None`` on the record when they act for themself."""

    role: RepresentativeRole
    last_name: str
    first_names: str
    mandate: Mandate | None = None


@dataclass(frozen=True)
class Submission:
    """One confirmed request; ``local_reference`` is ``None`` until the outbox gives one."""

    id: str
    local_reference: str | None
    procedure: ProcedureRef
    created_at: datetime
    kiosk_id: str
    site: str
    mediator_id: str | None
    answers: Mapping[str, AnswerValue]
    documents: tuple[DocumentRef, ...]
    consent: Consent
    representative: Representative | None = None
    supersedes: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "answers", MappingProxyType(dict(self.answers)))
        object.__setattr__(self, "documents", tuple(self.documents))

    # -- the contract's body ---------------------------------------------------------

    def to_body(self) -> dict[str, Any]:
        """The body of ``POST /v1/submissions``: every key, ``null`` where allowed."""
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
                {
                    "kind": doc.kind,
                    "upload_id": doc.upload_id,
                    "sha256": doc.sha256,
                    "size": doc.size,
                    "content_type": doc.content_type,
                    "filename": doc.filename,
                }
                for doc in self.documents
            ],
            "consent": {
                "given_at": rfc3339(self.consent.given_at),
                "text_version": self.consent.text_version,
            },
            "representative": _representative_body(self.representative),
            "supersedes": self.supersedes,
        }

    @classmethod
    def from_body(cls, body: Mapping[str, Any]) -> Submission:
        """Read a body back; ``InvalidSubmission`` (French) when it does not fit the contract."""
        if not isinstance(body, Mapping):
            raise InvalidSubmission("La demande à enregistrer n'est pas un objet JSON.")
        procedure = body.get("procedure")
        if not (
            isinstance(procedure, Mapping)
            and isinstance(procedure.get("code"), str)
            and procedure["code"]
            and isinstance(procedure.get("version"), str | int)
            and str(procedure["version"])
        ):
            raise InvalidSubmission("La demande ne dit pas de quelle démarche il s'agit (procedure).")
        kiosk_id = body.get("kiosk_id")
        if not isinstance(kiosk_id, str) or not kiosk_id:
            raise InvalidSubmission("La demande ne porte pas l'identifiant de la borne (kiosk_id).")
        supersedes = body.get("supersedes")
        if supersedes is not None and (not isinstance(supersedes, str) or not supersedes):
            raise InvalidSubmission(
                "La demande remplacée (supersedes) doit être désignée par son identifiant."
            )
        return cls(
            id=_text(body, "id", "l'identifiant de la demande (id)"),
            local_reference=_optional_text(body, "local_reference", "la référence du reçu"),
            procedure=ProcedureRef(procedure["code"], str(procedure["version"])),
            created_at=_time(body.get("created_at"), "La date de la demande (created_at)"),
            kiosk_id=kiosk_id,
            site=_text(body, "site", "le site de la borne (site)"),
            mediator_id=_optional_text(body, "mediator_id", "l'identifiant du médiateur"),
            answers=_answers(body.get("answers")),
            documents=tuple(_document(doc, n) for n, doc in enumerate(_list(body.get("documents")))),
            consent=_consent(body.get("consent")),
            representative=_representative(body.get("representative")),
            supersedes=supersedes,
        )

    # -- changes along the way ---------------------------------------------------------

    def with_local_reference(self, local_reference: str) -> Submission:
        return replace(self, local_reference=local_reference)

    def with_documents(self, documents: Sequence[DocumentFacts]) -> Submission:
        """Cite exactly these documents (not uploaded yet)."""
        return replace(self, documents=tuple(DocumentRef.of(doc) for doc in documents))

    def with_upload_ids(self, upload_ids: Mapping[int, str]) -> Submission:
        """The documents at these indexes now cite these uploads (filled in by the sync)."""
        return replace(
            self,
            documents=tuple(
                replace(doc, upload_id=upload_ids.get(index, doc.upload_id))
                for index, doc in enumerate(self.documents)
            ),
        )


def _representative_body(representative: Representative | None) -> dict[str, Any] | None:
    if representative is None:
        return None
    mandate = representative.mandate
    return {
        "role": representative.role,
        "last_name": representative.last_name,
        "first_names": representative.first_names,
        "mandate": None
        if mandate is None
        else {"sha256": mandate.sha256, "signed_at": rfc3339(mandate.signed_at)},
    }


def _text(body: Mapping[str, Any], key: str, what: str) -> str:
    value = body.get(key)
    if not isinstance(value, str) or not value:
        raise InvalidSubmission(f"La demande ne porte pas {what}.")
    return value


def _optional_text(body: Mapping[str, Any], key: str, what: str) -> str | None:
    value = body.get(key)
    if value is not None and (not isinstance(value, str) or not value):
        raise InvalidSubmission(f"La demande porte {what} sous une forme illisible ({key}).")
    return value


def _time(value: object, what: str) -> datetime:
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return parse_time(value)
    except ValueError:
        raise InvalidSubmission(f"{what} est illisible.") from None


def _list(value: object) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise InvalidSubmission("La liste des pièces de la demande (documents) est illisible.")
    return value


def _answers(value: object) -> dict[str, AnswerValue]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidSubmission("Les réponses de la demande (answers) sont illisibles.")
    for name, answer in value.items():
        if not isinstance(name, str) or not (
            answer is None
            or isinstance(answer, str | bool | int)
            or (isinstance(answer, float) and math.isfinite(answer))
        ):
            raise InvalidSubmission(f"La réponse « {name} » n'est pas une valeur simple.")
    return dict(value)


def _document(value: object, index: int) -> DocumentRef:
    what = f"La pièce n°{index + 1} de la demande"
    if not isinstance(value, Mapping):
        raise InvalidSubmission(f"{what} est illisible.")
    size = value.get("size")
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise InvalidSubmission(f"{what} n'a pas de taille lisible.")
    upload_id = value.get("upload_id")
    texts = [value.get(key) for key in ("kind", "sha256", "content_type", "filename")]
    if not all(isinstance(text, str) for text in texts) or not (
        upload_id is None or isinstance(upload_id, str)
    ):
        raise InvalidSubmission(f"{what} est illisible.")
    kind, sha256, content_type, filename = cast(list[str], texts)
    return DocumentRef(kind, sha256, size, content_type, filename, upload_id)


def _consent(value: object) -> Consent:
    if not isinstance(value, Mapping) or not isinstance(value.get("text_version"), str):
        raise InvalidSubmission("Le consentement de la demande (consent) est illisible.")
    return Consent(_time(value.get("given_at"), "La date du consentement"), value["text_version"])


def _representative(value: object) -> Representative | None:
    if value is None:
        return None
    unreadable = InvalidSubmission("La personne qui agit pour le demandeur (representative) est illisible.")
    if not isinstance(value, Mapping) or value.get("role") not in REPRESENTATIVE_ROLES:
        raise unreadable
    names = (value.get("last_name"), value.get("first_names"))
    if not all(isinstance(name, str) and name for name in names):
        raise unreadable
    mandate = value.get("mandate")
    if mandate is not None and not (
        isinstance(mandate, Mapping) and isinstance(mandate.get("sha256"), str)
    ):
        raise unreadable
    return Representative(
        role=cast(RepresentativeRole, value["role"]),
        last_name=cast(str, names[0]),
        first_names=cast(str, names[1]),
        mandate=None
        if mandate is None
        else Mandate(mandate["sha256"], _time(mandate.get("signed_at"), "La date du mandat")),
    )
