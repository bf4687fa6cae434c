"""Answers read off a proof of address's 2D-Doc (kiosk.prefill, kiosk.flow), without a display.

A mediator scans the proof first (the chooser opens after the checklist, « Passer » skips it)
and finds the name and the address on their pages, marked as read; nothing typed is ever
replaced; a citizen alone keeps today's order; the procedure files' mappings are checked."""

from __future__ import annotations

import copy
import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from test_flow import answer_questions

from kiosk import procedure_checks
from kiosk.config import KioskConfig
from kiosk.flow import Page, Visit
from kiosk.mediators import Mediator
from kiosk.paris_time import in_paris
from kiosk.prefill import offer, read_on, to_scan_first
from kiosk.prefill_scan import read_scan
from kiosk.procedures import Catalogue
from kiosk.sample_scans import SAMPLE_HOLDER, proof_of_address
from kiosk.session import ProcedureSession
from kiosk.two_d_doc import ProofFacts
from resources import resource_path

CONFIG = KioskConfig(kiosk_id="7501-K02", site="7501", site_name="Préfecture de test")
ANNE = Mediator(id="m-0001", name="Anne Martin")
FACTS = ProofFacts(date.today() - timedelta(days=30), "EXEMPLE", "CLAIRE", "12 RUE DES LILAS",
                   "BATIMENT B", "75011", "PARIS")


def to_checklist(visit: Visit, code: str = "cg-changement-adresse", *, mediator: bool = True) -> None:
    if mediator:
        visit.login("assist")
        visit.logged_in(ANNE)
    else:
        visit.start_alone()
    visit.pick(code)
    visit.say_for_whom("self")
    assert visit.page is Page.REQUIREMENTS


def walk_scan_first(visit: Visit, folder: Path) -> None:
    """Scan first and read (attached), then « Passer » on another visit: both ways back to the
    questions, and the documents page's own chooser unchanged."""
    to_checklist(visit)
    visit.begin()
    assert visit.page is Page.CHOOSER and visit.scanning_first
    assert visit.document_kind == "justificatif_domicile"
    session = visit.session
    assert session is not None
    path = folder / "facture.png"
    path.write_bytes(proof_of_address(random.Random(3), "png", 100, SAMPLE_HOLDER))
    read = read_scan(session, "justificatif_domicile", path)
    paris_today = in_paris(datetime.now(UTC)).date()  # the sample bill's date is the kiosk's
    assert read.facts is not None and read.facts.emission_date == paris_today - timedelta(days=20)
    session.attach(read.document)
    assert offer(session, "justificatif_domicile", read.facts) == [
        "nom", "prenoms", "adresse", "code_postal", "commune"]
    visit.document_attached()
    assert visit.page is Page.QUESTION and not visit.scanning_first
    assert visit.questions is not None and visit.questions.view().step.id == "vehicule"
    assert {k: session.answers[k] for k in ("nom", "prenoms", "adresse", "code_postal", "commune")} == {
        "nom": "EXEMPLE", "prenoms": "CLAIRE", "adresse": "12 RUE DES LILAS", "code_postal": "75011",
        "commune": "PARIS"}
    visit.go_home()
    to_checklist(visit)
    visit.begin()
    visit.cancel_document()  # « Passer »
    assert visit.page is Page.QUESTION and visit.session is not None and not visit.session.documents
    assert visit.questions is not None and visit.questions.view().step.id == "vehicule"
    visit.go_home()


def test_a_mediator_scans_the_proof_first_and_finds_the_answers(catalogue: Catalogue,
                                                                tmp_path: Path) -> None:
    walk_scan_first(Visit(CONFIG, catalogue), tmp_path)


def test_skipped_it_is_asked_on_the_documents_page_as_before(catalogue: Catalogue) -> None:
    visit = Visit(CONFIG, catalogue)
    to_checklist(visit)
    visit.begin()
    visit.cancel_document()
    answer_questions(visit, random.Random(4), {})
    assert visit.page is Page.DOCUMENTS
    visit.choose_document("justificatif_domicile")
    assert visit.page is Page.CHOOSER and not visit.scanning_first
    visit.cancel_document()
    assert visit.page is Page.DOCUMENTS


def test_a_citizen_alone_keeps_the_questions_first(catalogue: Catalogue) -> None:
    visit = Visit(CONFIG, catalogue)
    to_checklist(visit, mediator=False)
    visit.begin()
    assert visit.page is Page.QUESTION and not visit.scanning_first


@pytest.mark.parametrize("code", ["cg-duplicata", "cg-changement-caracteristiques"])
def test_no_scan_first_where_the_proof_answers_nothing(catalogue: Catalogue, code: str) -> None:
    """cg-duplicata asks no proof of address; cg-changement-caracteristiques reads only its
    date (no address asked): the mediator goes straight to the questions."""
    visit = Visit(CONFIG, catalogue)
    visit.login("assist")
    visit.logged_in(ANNE)
    visit.pick(code)
    visit.say_for_whom("self")
    for _ in range(20):  # through the deciding questions, if any, to the checklist
        if visit.page is Page.REQUIREMENTS:
            break
        assert visit.questions is not None
        view = visit.questions.view()
        fld = visit.procedure.field(view.field_id)  # type: ignore[union-attr]
        visit.next_question(fld.choices[0].value if fld.choices else "oui")
    visit.begin()
    assert visit.page is Page.QUESTION


def test_an_answer_already_given_is_never_replaced(catalogue: Catalogue) -> None:
    session = ProcedureSession(catalogue.get("cg-changement-adresse"), kiosk_id="K", site="S")
    session.set_answer("nom", "Martin")
    session.set_answer("complement", "Escalier 2")
    filled = offer(session, "justificatif_domicile", FACTS)
    assert filled == ["prenoms", "adresse", "code_postal", "commune"]
    assert session.answers["nom"] == "Martin" and session.answers["complement"] == "Escalier 2"
    assert read_on(session, "nom") is None
    assert read_on(session, "adresse") is not None
    session.set_answer("adresse", "14 rue des Lilas")  # changed: the person's own now
    assert read_on(session, "adresse") is None


def test_a_value_its_question_refuses_is_left_out_without_an_error(catalogue: Catalogue) -> None:
    session = ProcedureSession(catalogue.get("cg-changement-adresse"), kiosk_id="K", site="S")
    odd = ProofFacts(None, "EXEMPLE", "CLAIRE", "12 RUE DES LILAS", "", "00000", "PARIS CEDEX 04")
    assert offer(session, "justificatif_domicile", odd) == ["nom", "prenoms", "adresse"]
    assert "code_postal" not in session.answers and "commune" not in session.answers
    assert not session.errors


def test_the_wipe_forgets_what_was_read(catalogue: Catalogue) -> None:
    session = ProcedureSession(catalogue.get("cg-changement-adresse"), kiosk_id="K", site="S")
    offer(session, "justificatif_domicile", FACTS)
    session.wipe()
    assert session.read_from_document == {} and session.answers == {}


def test_to_scan_first_once_only(catalogue: Catalogue) -> None:
    session = ProcedureSession(catalogue.get("cg-changement-adresse"), kiosk_id="K", site="S")
    spec = to_scan_first(session)
    assert spec is not None and spec.kind == "justificatif_domicile"
    assert dict(spec.prefill or ()) == {"nom": "holder_surname", "prenoms": "holder_given_names",
                                        "adresse": "street", "complement": "address_complement",
                                        "code_postal": "postal_code", "commune": "commune"}


def test_a_mapping_to_a_question_that_is_not_typed_is_refused() -> None:
    path = resource_path("procedures", "cg-changement-adresse.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert list(procedure_checks.problems(data)) == []
    for question in ("date_naissance", "carte_siv", "inconnue"):
        broken = copy.deepcopy(data)
        broken["documents"][0]["prefill"]["commune"] = question
        assert [p for p, _ in procedure_checks.problems(broken)] == ["documents[0].prefill.commune"]
