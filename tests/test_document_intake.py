"""Taking a scanned file into a session (kiosk.document_intake): sizes and reasons in French."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kiosk.document_intake import READ_LIMIT_BYTES, UNREADABLE, read_document
from kiosk.procedures import Catalogue
from kiosk.samples import sample_document
from kiosk.session import ProcedureSession
from kiosk.validators import ValidationError


@pytest.fixture
def session(catalogue: Catalogue) -> ProcedureSession:
    return ProcedureSession(catalogue.get("cg-changement-adresse"), kiosk_id="K", site="S")


def test_a_scan_is_read_checked_and_returned(session: ProcedureSession, tmp_path: Path) -> None:
    spec = session.procedure.documents[0]
    filename, data = sample_document(spec, random.Random(1))
    (tmp_path / filename).write_bytes(data)
    document = read_document(session, spec.kind, tmp_path / filename)
    assert bytes(document.data) == data and document.size == len(data)


def test_a_huge_file_is_refused_before_it_is_read(session: ProcedureSession, tmp_path: Path) -> None:
    spec = session.procedure.documents[0]
    huge = tmp_path / "scan.pdf"
    with huge.open("wb") as file:
        file.truncate(READ_LIMIT_BYTES + 1)  # sparse: nothing is written, nothing could be read
    with pytest.raises(ValidationError) as refused:
        read_document(session, spec.kind, huge)
    assert "beaucoup trop lourd (256,1\u00a0Mo)" in refused.value.message
    assert "La taille maximale est" in refused.value.message


def test_a_heavy_file_that_is_no_real_pdf_is_called_damaged(session: ProcedureSession,
                                                            tmp_path: Path) -> None:
    """Its weight no longer matters: a PDF's signature over zeros cannot be read, nor made lighter
    (a real heavy scan: tests/test_scan_checks.py)."""
    spec = session.procedure.documents[0]
    heavy = tmp_path / "scan.pdf"
    heavy.write_bytes(b"%PDF-" + bytes(spec.max_size_bytes))
    with pytest.raises(ValidationError, match="abîmé ou illisible"):
        read_document(session, spec.kind, heavy)


@pytest.mark.parametrize("make", [lambda p: p / "gone.pdf", lambda p: p])  # missing, a folder
def test_an_unreadable_file_is_a_sentence_not_a_crash(session: ProcedureSession, tmp_path: Path,
                                                      make, caplog) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as refused:
        read_document(session, session.procedure.documents[0].kind, make(tmp_path))
    assert refused.value.message == UNREADABLE
    assert "scanned file not readable" in caplog.text and str(tmp_path) not in caplog.text
