"""Reading a refusal of the central service, and preparing the correction of that request.

A request refused for good (``needs_attention``) cannot be sent again as it
is: a mediator goes through it again with the citizen and confirms a new one
that ``supersedes`` it. This module, free of Qt, reads the server's
``error_details`` into plain French tied to the procedure's questions and
documents, and rebuilds a ``ProcedureSession`` from the stored request: the
answers prefilled, the documents re-attached, and what could not be taken back
said plainly. It runs in the background (decryption, hashing).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kiosk.procedures import Catalogue, Procedure, Step
from kiosk.representation import Representation
from kiosk.representative import for_someone_else
from kiosk.session import ProcedureSession
from kiosk.validators import ValidationError
from offline_queue import OutboxError, QueuedSubmission, StoredDocument

if TYPE_CHECKING:
    from offline_queue import Outbox

_ANSWER = re.compile(r"^answers\.([^.\[]+)")
_DOCUMENT_INDEX = re.compile(r"^documents\[(\d+)\]")
_DOCUMENT_KIND = re.compile(r"^documents\.([^.\[]+)")

# When the server gives a code without a message.
_CODES_FR = {
    "required": "Cette information manque.",
    "invalid_format": "Cette réponse n'a pas le format attendu.",
    "too_long": "Cette réponse est trop longue.",
    "wrong_type": "Cette réponse n'est pas du type attendu.",
    "unknown_upload": "Ce document n'a pas été reçu.",
    "upload_incomplete": "Ce document n'a été reçu qu'en partie.",
    "upload_corrupt": "Ce document est arrivé abîmé.",
    "sha256_mismatch": "Ce document ne correspond pas à celui annoncé.",
    "size_mismatch": "La taille de ce document ne correspond pas à celle annoncée.",
}


class CorrectionRefused(Exception):
    """This request cannot be corrected on this kiosk; the message says why and what to do."""


@dataclass(frozen=True)
class Refusal:
    """The server's refusal sorted by what it is about, in plain French."""

    answers: dict[str, str] = field(default_factory=dict)  # field id -> message
    documents: dict[str, str] = field(default_factory=dict)  # document kind -> message
    other: list[str] = field(default_factory=list)  # neither: technical, 409, 400, 413...
    labels: dict[str, str] = field(default_factory=dict)  # field id or kind -> label shown

    def lines(self) -> list[str]:
        """One line per problem, naming the question or the document it is about."""
        found = []
        for key, message in [*self.answers.items(), *self.documents.items()]:
            label = self.labels[key]
            prefix = "Pièce " if key in self.documents else ""
            found.append(message if f"« {label} »" in message else f"{prefix}« {label} » : {message}")
        return found + self.other


def read_refusal(
    details: Sequence[Mapping[str, Any]], procedure: Procedure | None, document_kinds: Sequence[str]
) -> Refusal:
    """Sort ``error_details`` (422 ``errors``, or a 409/400/413 body) by question and document.

    ``document_kinds[i]`` is the kind of the refused request's document ``i``,
    so that ``documents[i]...`` errors land on the right document.
    """
    refusal = Refusal()
    for detail in details:
        path = str(detail.get("field") or "")
        message = str(detail.get("message") or "").strip() or _CODES_FR.get(
            str(detail.get("code")), "Refusé par le service central."
        )
        key, label, where = _place(path, procedure, document_kinds)
        if key is None or where is None:
            refusal.other.append(message)
            continue
        plain = message.replace(path, f"« {label} »") if path else message
        index = _DOCUMENT_INDEX.match(path)
        if index:
            plain = plain.replace(index.group(0), f"« {label} »")
        target = refusal.answers if where == "answers" else refusal.documents
        target[key] = f"{target[key]} {plain}" if key in target else plain
        refusal.labels[key] = label
    return refusal


def _place(
    path: str, procedure: Procedure | None, kinds: Sequence[str]
) -> tuple[str | None, str, str | None]:
    """(field id or document kind, its label, "answers" or "documents") of an error's path."""
    if procedure is None:
        return None, "", None
    answer = _ANSWER.match(path)
    if answer:
        try:
            return answer.group(1), procedure.field(answer.group(1)).label, "answers"
        except KeyError:
            return None, "", None
    index = _DOCUMENT_INDEX.match(path)
    kind_match = _DOCUMENT_KIND.match(path)
    kind = None
    if index and int(index.group(1)) < len(kinds):
        kind = kinds[int(index.group(1))]
    elif kind_match:
        kind = kind_match.group(1)
    if kind is None:
        return None, "", None
    try:
        return kind, procedure.document(kind).title, "documents"
    except KeyError:
        return kind, kind, "documents"


@dataclass(frozen=True)
class Remark:
    """A problem to show on a question or a document until it is changed.

    ``value`` is what the session held when the correction began (the answer,
    or the document's sha256; "" when empty): once it differs, the remark goes.
    """

    message: str
    value: str


@dataclass
class Correction:
    """Everything the screens need to take a mediator through a correction."""

    old: QueuedSubmission
    session: ProcedureSession
    refusal: Refusal
    field_remarks: dict[str, Remark]
    document_remarks: dict[str, Remark]
    notes: list[str]  # what changed or could not be taken back, for the mediator

    @property
    def procedure(self) -> Procedure:
        return self.session.procedure

    def remarked_steps(self) -> list[Step]:
        """Visible steps holding a remarked question, in order."""
        session = self.session
        return [s for s in session.steps() if any(f.id in self.field_remarks for f in session.fields(s))]

    def where_to_start(self) -> tuple[str, bool]:
        """("steps" with the session on the right step, or "documents", or "summary"),
        and whether the steps should come straight back to the summary."""
        session = self.session
        remarked = self.remarked_steps()
        documents_to_see = bool(self.document_remarks) or bool(session.missing_documents())
        if remarked:
            session.goto(remarked[0].id)
            others_complete = all(
                not session.step_errors(s) for s in session.steps() if s.id != remarked[0].id
            )
            return "steps", len(remarked) == 1 and others_complete and not documents_to_see
        incomplete = [s for s in session.steps() if session.step_errors(s)]
        if incomplete:
            session.goto(incomplete[0].id)
            return "steps", False
        return ("documents" if documents_to_see else "summary"), False


def correction_state_problem(item: QueuedSubmission) -> str | None:
    """Why ``item`` cannot be corrected, in French; None when it can."""
    if item.replaced:
        return (
            f"La demande {item.local_reference} a déjà été remplacée par la demande "
            f"{item.superseded_by_reference} : il n'y a plus rien à corriger."
        )
    if item.state != "needs_attention":
        return f"La demande {item.local_reference} n'a pas été refusée : il n'y a rien à corriger."
    if item.purged:
        return (
            f"Les réponses de la demande {item.local_reference} ont été effacées (durée de "
            "conservation écoulée) : refaites une nouvelle demande avec le demandeur."
        )
    return None


def prepare_correction(
    outbox: Outbox,
    catalogue: Catalogue,
    submission_id: str,
    *,
    kiosk_id: str,
    site: str,
    mediator_id: str | None,
) -> Correction:
    """A session prefilled from the refused request, with the server's remarks placed.

    Raises ``CorrectionRefused`` or ``OutboxError`` with a French message.
    The procedure is the catalogue's current version: an older definition is
    no longer on the kiosk, so a changed version is named in ``notes``.
    """
    old = outbox.get(submission_id)
    problem = correction_state_problem(old)
    if problem:
        raise CorrectionRefused(problem)
    procedure = catalogue.procedures.get(old.procedure_code)
    if procedure is None:
        raise CorrectionRefused(
            f"La démarche « {old.procedure_code} » n'est plus proposée sur cette borne : la demande "
            f"{old.local_reference} ne peut pas être corrigée ici. Appelez l'assistance informatique."
        )
    body = outbox.body(submission_id)
    acting = Representation.of(body.get("representative"))  # made for someone else: still so
    procedure = for_someone_else(procedure, acting.for_whom)
    stored = outbox.documents(submission_id)
    refusal = read_refusal(old.error_details, procedure, [d.kind for d in stored])
    session = ProcedureSession(
        procedure, kiosk_id=kiosk_id, site=site, mediator_id=mediator_id, supersedes=old.id
    )
    session.representation = acting
    try:
        notes = _take_back(outbox, old, body, session, stored)
    except BaseException:
        session.wipe()
        raise
    field_remarks = {
        field_id: Remark(
            f"Le service central a refusé cette réponse : {message}", session.answers.get(field_id, "")
        )
        for field_id, message in refusal.answers.items()
    }
    for field_id, message in _visible_errors(session).items():
        field_remarks.setdefault(
            field_id, Remark(f"La réponse enregistrée n'est pas acceptée : {message}", "")
        )
    document_remarks = {}
    for kind, message in refusal.documents.items():
        attached = session.documents.get(kind)
        document_remarks[kind] = Remark(
            f"« {refusal.labels[kind]} » : le service central a refusé ce document. {message}",
            attached.sha256 if attached else "",
        )
    return Correction(old, session, refusal, field_remarks, document_remarks, notes)


def _take_back(
    outbox: Outbox,
    old: QueuedSubmission,
    body: Mapping[str, Any],
    session: ProcedureSession,
    stored: Sequence[StoredDocument],
) -> list[str]:
    """Prefill the answers and re-attach the documents; returns what did not come back."""
    procedure = session.procedure
    notes = []
    old_version = str((body.get("procedure") or {}).get("version", old.procedure_version))
    if old_version != str(procedure.version):
        notes.append(
            f"Cette démarche a changé depuis la demande {old.local_reference} (version {old_version}, "
            f"aujourd'hui version {procedure.version}) : la correction suit la version d'aujourd'hui. "
            "Des questions ont pu changer : relisez chaque étape avec le demandeur."
        )
    answers = body.get("answers")
    if isinstance(answers, dict):
        session.prefill({k: v for k, v in answers.items() if isinstance(v, str)})
    for field_id, message in _visible_errors(session).items():
        label = procedure.field(field_id).label
        notes.append(
            f"« {label} » : la réponse enregistrée n'est pas acceptée. {message} À redemander au demandeur."
        )
    for doc in stored:
        try:
            spec = procedure.document(doc.kind)
        except KeyError:
            notes.append(f"Le document « {doc.kind} » n'est plus demandé pour cette démarche.")
            continue
        try:
            data = outbox.document_bytes(old.id, doc.index)
            session.attach(session.check_document(doc.kind, doc.filename, data))
        except (OutboxError, ValidationError) as exc:
            reason = exc.message if isinstance(exc, ValidationError) else str(exc)
            notes.append(f"Pièce « {spec.title} » à ajouter de nouveau : {reason}")
    return notes


def _visible_errors(session: ProcedureSession) -> dict[str, str]:
    """The session's refused answers for questions still asked."""
    visible = {f.id for s in session.steps() for f in session.fields(s)}
    return {k: v for k, v in session.errors.items() if k in visible}
