"""What a receipt says, decided once, independent of paper size.

``build_receipt`` turns the outbox's typed receipt snapshot and the procedure
definition into plain French lines: masked numbers, dates in words, document
titles. The renderers only lay these lines out, so the A4 and thermal
receipts can never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from kiosk.conditions import holds, referenced_fields
from kiosk.file_size import file_size
from kiosk.paris_time import in_paris
from kiosk.procedures import Field, Note, Procedure
from kiosk.receipts import french
from kiosk.receipts.errors import ReceiptError
from kiosk.receipts.masking import keep_for, mask
from kiosk.representative import PROOF_TITLES, people
from offline_queue.snapshot import ReceiptSnapshot, SnapshotDocument
from offline_queue.submission import AnswerValue

ANTS_SITES: dict[str, str] = {
    "carte_grise": "immatriculation.ants.gouv.fr",
    "permis": "permisdeconduire.ants.gouv.fr",
}
ANTS_DEFAULT_SITE = "ants.gouv.fr"
LAW = "article L112-11 du code des relations entre le public et l’administration"


@dataclass(frozen=True)
class Line:
    """One labelled value (an answer, a document, a fee), with an optional plain note."""

    label: str
    value: str
    note: str = ""


@dataclass(frozen=True)
class Receipt:
    """Everything printed on a receipt, already worded and masked."""

    final: bool
    submission_id: str
    local_reference: str
    created_at: datetime
    site_name: str
    site: str
    kiosk_id: str
    procedure_title: str
    procedure_version: str
    theme: str
    answers: tuple[Line, ...]
    documents: tuple[Line, ...]
    content_hash: str
    next_steps: tuple[str, ...]
    deadlines: tuple[str, ...]
    fees: tuple[Line, ...]
    dossier_number: str | None = None
    received_at: datetime | None = None
    language: str = "fr"
    """The citizen's language: a translation in it follows the French (receipts/translated.py)."""

    @property
    def kind(self) -> str:
        """``reception`` (final) or ``enregistrement`` (provisional), as logged."""
        return "reception" if self.final else "enregistrement"

    @property
    def title(self) -> str:
        return "Accusé de réception" if self.final else "Accusé d’enregistrement"

    @property
    def qr_payload(self) -> str:
        """What the QR code carries: the reference a mediator types to find the request."""
        return self.local_reference

    @property
    def ants_site(self) -> str:
        return ANTS_SITES.get(self.theme, ANTS_DEFAULT_SITE)


def short_hash(sha256_hex: str) -> str:
    """First 12 hex digits in groups of four: easy to read aloud and compare."""
    head = sha256_hex.lower()[:12]
    return " ".join(head[i : i + 4] for i in range(0, 12, 4))


def _display(field: Field, value: AnswerValue) -> str:
    """The stored answer as a citizen reads it, masked when confidential."""
    text = str(value)
    if field.type in ("choice", "yes_no"):
        return field.choice_label(text)
    if field.type == "date":
        try:
            return french.day_in_words(date.fromisoformat(text))
        except ValueError:
            return text
    keep = keep_for(field.id, field.check, field.sensitive)
    return text if keep is None else mask(text, keep)


def _answers(procedure: Procedure, answers: Mapping[str, AnswerValue]) -> tuple[Line, ...]:
    """Only the receipt fields the citizen answered, in the definition's order."""
    lines = []
    for field_id in procedure.receipt_fields:
        value = answers.get(field_id)
        if value is None or value == "":
            continue
        try:
            field = procedure.field(field_id)
        except KeyError:
            continue
        lines.append(Line(field.label, _display(field, value)))
    return tuple(lines)


def _documents(procedure: Procedure, documents: Sequence[SnapshotDocument]) -> tuple[Line, ...]:
    """Document titles with file type and size; file names may carry a name, so are left out."""
    lines = []
    for doc in documents:
        try:
            title = procedure.document(doc.kind).title
        except KeyError:  # a proof of the right to act for someone (kiosk.representative)
            title = PROOF_TITLES.get(doc.kind, doc.kind)
        extension = doc.filename.rpartition(".")[2].upper() if "." in doc.filename else ""
        size = file_size(doc.size)
        lines.append(Line(title, f"{extension}, {size}" if extension else size))
    return tuple(lines)


def _fees(procedure: Procedure, answers: Mapping[str, AnswerValue], today: date) -> tuple[Line, ...]:
    """Fees that apply; one whose condition reads unprinted answers is shown as possible."""
    lines = []
    str_answers = {key: str(value) for key, value in answers.items()}
    for fee in procedure.fees:
        if fee.amount_eur is None:
            amount = "montant variable"
        else:
            amount = french.euros(fee.amount_eur) if fee.amount_eur else "gratuit"
        known = all(name in str_answers for name in referenced_fields(fee.when))
        if known and not holds(fee.when, str_answers, today):
            continue
        note = fee.note if known else "selon votre situation"
        lines.append(Line(fee.label, amount, note))
    return tuple(lines)


def _notes(notes: Sequence[Note], answers: Mapping[str, AnswerValue], today: date) -> tuple[str, ...]:
    """The sentences the answers call for; one reading answers the snapshot lacks (a request
    queued before its file said so) is kept."""
    str_answers = {key: str(value) for key, value in answers.items()}
    return tuple(note.text for note in notes
                 if not all(name in str_answers for name in referenced_fields(note.when))
                 or holds(note.when, str_answers, today))


def build_receipt(
    snapshot: ReceiptSnapshot,
    procedure: Procedure,
    *,
    site_name: str,
    final: bool,
    dossier_number: str | None,
    received_at: datetime | None,
) -> Receipt:
    """The receipt of one queued submission; ``final`` needs the service's answer."""
    if final and (not dossier_number or received_at is None):
        raise ReceiptError(
            "L’accusé de réception n’est pas encore disponible : le service n’a pas encore "
            "reçu cette demande. Imprimez l’accusé d’enregistrement, ou réessayez après "
            "la prochaine synchronisation."
        )
    created_at = in_paris(snapshot.created_at)
    return Receipt(
        final=final,
        submission_id=snapshot.id,
        local_reference=snapshot.local_reference,
        created_at=created_at,
        site_name=site_name,
        site=snapshot.site,
        kiosk_id=snapshot.kiosk_id,
        procedure_title=procedure.title,
        procedure_version=snapshot.procedure.version or procedure.version,
        theme=procedure.theme,
        answers=tuple(Line(*pair) for pair in people(snapshot.answers))
        + _answers(procedure, snapshot.answers),
        documents=_documents(procedure, snapshot.documents),
        content_hash=short_hash(snapshot.body_sha256),
        next_steps=_notes(procedure.next_steps, snapshot.answers, created_at.date()),
        deadlines=_notes(procedure.deadlines, snapshot.answers, created_at.date()),
        fees=_fees(procedure, snapshot.answers, created_at.date()),
        dossier_number=dossier_number if final else None,
        received_at=in_paris(received_at) if final and received_at else None,
    )
