"""The procedure session: one question at a time, checked, and a contract-shaped submission."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime

import pytest

from kiosk.procedures import Catalogue, Procedure
from kiosk.samples import fill_session, sample_document
from kiosk.session import ProcedureSession, detect_format
from kiosk.validators import ValidationError

NOW = datetime(2026, 11, 30, 10, 17, tzinfo=UTC)
PDF = b"%PDF-1.4\n" + b"x" * 2000


@pytest.fixture
def procedure(catalogue: Catalogue) -> Procedure:
    return catalogue.get("cg-changement-adresse")


@pytest.fixture
def session(procedure: Procedure) -> ProcedureSession:
    return ProcedureSession(procedure, kiosk_id="7501-K02", site="7501", mediator_id="m-0042",
                            now=lambda: NOW)


def answer_vehicle(session: ProcedureSession, siv: str = "oui") -> None:
    session.set_answer("plate", "ab 123 cd" if siv == "oui" else "1234 ab 75")
    session.set_answer("carte_siv", siv)
    if siv == "oui":
        session.set_answer("formule_number", "2017rv48832")
    else:
        session.set_answer("date_certificat", "12/03/2005")


def test_answers_are_normalised_and_conditions_applied(session: ProcedureSession) -> None:
    assert [f.id for f in session.fields()] == ["plate", "carte_siv"]
    assert session.set_answer("plate", "ab 123 cd") == "AB-123-CD"
    session.set_answer("carte_siv", "oui")
    assert [f.id for f in session.fields()] == ["plate", "carte_siv", "formule_number"]
    session.set_answer("formule_number", "2017rv48832")
    session.set_answer("plate", "1234 ab 75")  # an old plate: « carte_siv » follows (non)
    assert session.answers["carte_siv"] == "non"
    # The formule number is no longer asked: its answer is forgotten, the date is asked instead.
    assert "formule_number" not in session.answers
    assert [f.id for f in session.fields()][-1] == "date_certificat"


def test_wrong_answer_blocks_the_step_until_corrected(session: ProcedureSession) -> None:
    with pytest.raises(ValidationError) as refused:
        session.set_answer("plate", "AB-123-OO")
    assert refused.value.message
    assert session.errors["plate"] == refused.value.message
    session.set_answer("carte_siv", "oui")
    session.set_answer("formule_number", "2017RV48832")
    assert not session.next()
    assert session.current.id == "vehicule"
    assert "plate" in session.step_errors()
    session.set_answer("plate", "AB-123-CD")
    assert session.next()
    assert session.current.id == "titulaire"
    assert session.back() and session.current.id == "vehicule"
    assert not session.back()


def test_missing_required_answer_is_said(session: ProcedureSession) -> None:
    session.set_answer("plate", "AB-123-CD")
    assert not session.next()
    assert session.step_errors() == {"formule_number": "Merci de répondre à cette question."}


def test_optional_field_may_stay_empty(session: ProcedureSession) -> None:
    fill_session(session, random.Random(1), with_documents=False)
    session.set_answer("telephone", "")
    assert "telephone" not in session.answers
    assert session.steps_complete()


def test_date_bounds_come_from_the_definition(session: ProcedureSession) -> None:
    with pytest.raises(ValidationError):
        session.check_field("date_demenagement", "01/01/2027")  # in the future
    assert session.check_field("date_demenagement", "01/10/2026") == "2026-10-01"


def test_choice_and_yes_no_only_accept_their_values(session: ProcedureSession) -> None:
    with pytest.raises(ValidationError):
        session.set_answer("carte_siv", "peut-être")
    assert session.set_answer("carte_siv", "OUI") == "oui"


def test_documents_are_checked_by_content_size_and_name(session: ProcedureSession) -> None:
    kind = "justificatif_domicile"
    assert [d.kind for d in session.required_documents()] == [kind]
    with pytest.raises(ValidationError, match="vide"):
        session.check_document(kind, "facture.pdf", b"")
    with pytest.raises(ValidationError, match="Formats acceptés"):
        session.check_document(kind, "facture.docx", b"PK\x03\x04 word file")
    with pytest.raises(ValidationError, match="ne correspond pas"):
        session.check_document(kind, "facture.jpg", PDF)
    with pytest.raises(ValidationError, match="trop lourd"):
        session.check_document(kind, "facture.pdf", b"%PDF-" + bytes(11 * 1024 * 1024))
    document = session.check_document(kind, "../../facture.pdf", PDF)
    assert document.content_type == "application/pdf"
    assert "/" not in document.filename
    session.attach(document)
    assert session.missing_documents() == []


def test_signatures() -> None:
    assert detect_format(b"\xff\xd8\xff\xe0JFIF") == "jpg"
    assert detect_format(b"II*\x00....") == "tiff"
    assert detect_format(b"hello") is None


def test_submission_matches_the_contract(session: ProcedureSession) -> None:
    answer_vehicle(session)
    fill_session(session, random.Random(7))
    assert session.ready_to_submit() == ["Le consentement n'a pas été donné."]
    with pytest.raises(ValidationError):
        session.to_submission()
    session.give_consent("2")
    body = session.to_submission().to_body()
    assert set(body) == {"id", "local_reference", "procedure", "created_at", "kiosk_id", "site",
                         "mediator_id", "answers", "documents", "consent", "representative",
                         "supersedes"}  # every key, always (contract § 6)
    assert uuid.UUID(body["id"]).version == 4
    assert body["procedure"] == {"code": "cg-changement-adresse", "version": "3"}
    assert body["created_at"] == "2026-11-30T10:17:00Z"
    assert (body["kiosk_id"], body["site"], body["mediator_id"]) == ("7501-K02", "7501", "m-0042")
    assert body["answers"]["plate"] == "AB-123-CD"
    assert body["answers"]["formule_number"] == "2017RV48832"
    [document] = body["documents"]
    assert set(document) == {"kind", "upload_id", "sha256", "size", "content_type", "filename"}
    assert document["kind"] == "justificatif_domicile" and len(document["sha256"]) == 64
    assert body["consent"] == {"given_at": "2026-11-30T10:17:00Z", "text_version": "2"}
    assert body["representative"] is None and body["supersedes"] is None


def test_summary_lists_visible_answers_with_labels(session: ProcedureSession) -> None:
    answer_vehicle(session, siv="non")
    fill_session(session, random.Random(3))
    sections = session.summary()
    assert [s.step_id for s in sections][-1] == "documents"
    vehicle = dict(sections[0].items)
    assert vehicle["Numéro d'immatriculation (plaque)"] == "1234 AB 75"
    assert vehicle["Date du certificat d'immatriculation"] == "12/03/2005"
    assert "Non" in vehicle.values()
    session.goto("nouvelle_adresse")
    assert session.current.id == "nouvelle_adresse"


def test_wipe_forgets_everything(session: ProcedureSession) -> None:
    fill_session(session, random.Random(5))
    session.give_consent("2")
    document = next(iter(session.documents.values()))
    session.wipe()
    assert not session.answers and not session.documents
    assert document.data == bytearray(len(document.data))  # bytes zeroed, not just dropped
    assert session.current.id == "vehicule"
    assert "Le consentement n'a pas été donné." in session.ready_to_submit()


def test_correction_keeps_version_and_cites_the_rejected_request(procedure: Procedure) -> None:
    first = ProcedureSession(procedure, kiosk_id="7501-K02", site="7501", now=lambda: NOW)
    fill_session(first, random.Random(11))
    first.give_consent("2")
    rejected = first.to_submission()
    again = ProcedureSession(procedure, kiosk_id="7501-K02", site="7501", now=lambda: NOW,
                             supersedes=rejected.id)
    answers = {key: str(value) for key, value in rejected.answers.items()}
    assert again.prefill(answers | {"plate": "AB-123-OO"}) == {
        "plate": again.errors["plate"]}
    again.set_answer("plate", "AB-124-CD")
    for spec in again.required_documents():
        name, data = sample_document(spec, random.Random(1))
        again.attach(again.check_document(spec.kind, name, data))
    again.give_consent("2")
    body = again.to_submission()
    assert body.supersedes == rejected.id and body.id != rejected.id
    assert body.procedure.version == "3"


def test_attestation_on_honour_must_be_yes(catalogue: Catalogue) -> None:
    session = ProcedureSession(catalogue.get("cg-changement-titulaire"), kiosk_id="7501-K02",
                               site="7501", now=lambda: NOW)
    with pytest.raises(ValidationError, match="assuré"):
        session.set_answer("assurance", "non")
    assert session.set_answer("assurance", "oui") == "oui"


@pytest.mark.parametrize("seed", range(6))
def test_every_procedure_can_be_walked_with_sample_answers(catalogue: Catalogue, seed: int) -> None:
    """samples.fill_session covers every validator kind the catalogue uses (demo seed relies on it)."""
    for procedure in catalogue.procedures.values():
        session = ProcedureSession(procedure, kiosk_id="7501-K02", site="7501", now=lambda: NOW)
        fill_session(session, random.Random(seed))
        session.give_consent("2")
        assert session.to_submission().procedure.code == procedure.code
