"""Answers offered from a document's 2D-Doc: typed less, checked as much, never typed over.

A mediator who scans the proof of address before the questions
(``Visit.scanning_first``) finds the name and the address already written on
their pages, each marked « read on the document » so that the person checks it
against their papers; any of them can be changed as usual. What the procedure
file maps (``prefill`` of a document: fact → question) is all that is filled;
an answer already given is never replaced, and a value its question's check
refuses is left out. The document's date, read the same way, fills the date
the chooser asks (``kiosk.document_age``). The scan is read with its code by
``kiosk.prefill_scan``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from kiosk.procedures import DocumentSpec
from kiosk.session import ProcedureSession
from kiosk.validators import ValidationError

if TYPE_CHECKING:  # the visit model imports this module: no image library on its path
    from kiosk.two_d_doc import ProofFacts

log = logging.getLogger(__name__)


def to_scan_first(session: ProcedureSession) -> DocumentSpec | None:
    """The document to scan before the questions, because its 2D-Doc answers some of them:
    required by the answers so far, not added yet, with questions to fill."""
    return next((spec for spec in session.required_documents()
                 if spec.prefill and spec.required and spec.kind not in session.documents), None)


def offer(session: ProcedureSession, kind: str, facts: ProofFacts) -> list[str]:
    """Give the still empty questions mapped from the document's facts their value, marked as
    read on it; the ids filled. One log line, ids and counts only."""
    spec = session.procedure.document(kind)
    filled = []
    for field_id, fact in spec.prefill or ():
        value = facts.value(fact)
        if not value or session.answers.get(field_id):
            continue
        try:
            session.check_field(field_id, value)  # a refused value leaves no error behind
            kept = session.set_answer(field_id, value)
        except ValidationError:
            continue
        session.read_from_document[field_id] = (kind, kept)
        filled.append(field_id)
    log.info("answers offered from the 2D-Doc of %s: %d of %d", kind, len(filled),
             len(spec.prefill or ()))
    return filled


def read_on(session: ProcedureSession, field_id: str) -> DocumentSpec | None:
    """The document whose 2D-Doc gave this question's answer, while the answer is still the one
    read (a changed answer is the person's own)."""
    kind, value = session.read_from_document.get(field_id, ("", ""))
    if not kind or session.answers.get(field_id) != value:
        return None
    return session.procedure.document(kind)


NAME_FACTS = frozenset({"holder_surname", "holder_given_names"})


def reads_names(spec: DocumentSpec) -> bool:
    """Whether the document's 2D-Doc gives names to the questions (else the address only)."""
    return any(fact in NAME_FACTS for _question, fact in spec.prefill or ())
