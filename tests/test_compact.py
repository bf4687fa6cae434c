"""A mediator's page holds the whole step; a citizen alone keeps one question per page (issue 9, §5)."""

from __future__ import annotations

from kiosk import compact
from kiosk.procedures import Catalogue
from kiosk.questions import Questions
from kiosk.session import ProcedureSession


def questions_for(catalogue: Catalogue, code: str = "cg-changement-adresse") -> Questions:
    session = ProcedureSession(catalogue.get(code), kiosk_id="7501-K02", site="7501")
    questions = Questions(session)
    questions.open()
    return questions


def test_a_page_holds_what_the_step_asks(catalogue: Catalogue) -> None:
    questions = questions_for(catalogue)
    assert compact.shown(questions) == ["plate"]  # « carte_siv » waits for the plate
    assert compact.answer(questions, "plate", "ab 123 cd") == compact.Verdict(True, "AB-123-CD")
    # the plate answers « carte_siv » (oui), which asks the formule number on the same page
    assert compact.shown(questions) == ["plate", "formule_number"]
    assert compact.answer(questions, "nom", "DUPONT") is None  # not on this page


def test_continue_keeps_every_answer_or_says_why_under_each(catalogue: Catalogue) -> None:
    questions = questions_for(catalogue)
    session = questions.session
    assert not compact.ready(questions, {"plate": ""})
    move = compact.next_page(questions, {"plate": "AB-123-OO"})
    assert move.kind == "stay" and set(move.errors) == {"plate"}
    assert "I, O et U" in move.errors["plate"]
    raws = {"plate": "ab-123-cd", "formule_number": "2017rv48832"}
    compact.answer(questions, "plate", raws["plate"])  # the plate was left: the page follows it
    assert compact.ready(questions, raws)
    assert not compact.ready(questions, {**raws, "formule_number": "2017"})
    assert compact.next_page(questions, raws).kind == "step"
    assert session.current.id == "titulaire"
    assert session.answers["formule_number"] == "2017RV48832"
    assert compact.shown(questions) == ["nom", "prenoms", "date_naissance"]
    # « Retour » keeps what is valid on the page and goes back a whole step
    assert compact.previous_page(questions, {"nom": "Dupont", "prenoms": "M4rie"}).kind == "step"
    assert session.current.id == "vehicule"
    assert session.answers["nom"] == "Dupont" and "prenoms" not in session.answers


def test_optional_questions_may_stay_empty_and_the_last_page_ends(catalogue: Catalogue) -> None:
    questions = questions_for(catalogue)
    session = questions.session
    pages = [
        {"plate": "AB-123-CD", "formule_number": "2017RV48832"},
        {"nom": "Dupont", "prenoms": "Marie", "date_naissance": "31/12/1950"},
        {"adresse": "12 rue de la République", "complement": "", "code_postal": "75004",
         "commune": "Paris", "date_demenagement": session.today().strftime("%d/%m/%Y")},
        {"telephone": "", "email": ""},
    ]
    kinds = [compact.next_page(questions, raws).kind for raws in pages]
    assert kinds == ["step", "step", "step", "done"]
    assert "complement" not in session.answers and session.steps_complete()


def test_leaving_the_person_alone_shows_the_first_question_to_answer(catalogue: Catalogue) -> None:
    questions = questions_for(catalogue)
    compact.next_page(questions, {"plate": "AB-123-CD", "formule_number": "2017RV48832"})
    compact.answer(questions, "nom", "Dupont")
    compact.one_per_page(questions)
    assert questions.field_id == "prenoms"
