"""A scan read for a document together with its 2D-Doc, off the GUI thread (``kiosk.prefill``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.document_intake import read_document
from kiosk.session import DocumentFile, ProcedureSession, detect_format
from kiosk.two_d_doc import ProofFacts, read_proof


@dataclass(frozen=True)
class ReadScan:
    """A scan read and checked for a document, with what its 2D-Doc says (None: no code read)."""

    document: DocumentFile
    facts: ProofFacts | None


def read_scan(session: ProcedureSession, kind: str, path: Path) -> ReadScan:
    """``kiosk.document_intake.read_document``, then the 2D-Doc when the document may carry one
    (off the GUI thread: the code is searched in the whole page)."""
    document = read_document(session, kind, path)
    spec = session.procedure.document(kind)
    fmt = detect_format(document.data)
    facts = read_proof(document.data, fmt) if spec.prefill is not None and fmt else None
    return ReadScan(document, facts)
