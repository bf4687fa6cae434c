"""What the voice says on every page, read from the visit's model without a display.

Every procedure is walked (one branch each) and each page it reaches is heard:
the title, the question with its help and choices, the error before the question
when an answer is refused, the documents, the summary (sensitive answers not read
out), the consent, the saving and the confirmation; then the mediator's pages.
"""

from __future__ import annotations

import random

import pytest
from test_flow import CODES, CONFIG, FakeItem, attach_all, pick_answer, start

from kiosk.consent import load_consent
from kiosk.flow import Event, Page, Visit
from kiosk.mediators import Mediator
from kiosk.procedures import Catalogue
from kiosk.speech import after_tap, error_speech, idle_speech, optional, page_speech

CONSENT = load_consent()


def heard(visit: Visit, came_by: Event | None = None) -> list[str]:
    lines = page_speech(visit, came_by, consent=CONSENT)
    assert lines and all(line.strip() for line in lines), lines
    return lines


def answer_on_page(visit: Visit, rng: random.Random) -> None:
    assert visit.questions is not None and visit.procedure is not None
    field_id = visit.questions.view().field_id
    visit.next_question(pick_answer(visit.procedure.field(field_id), rng, {}) if field_id else None)


@pytest.mark.parametrize("code", CODES)
def test_every_page_of_a_request_is_spoken(catalogue: Catalogue, code: str) -> None:
    visit = Visit(CONFIG, catalogue)
    procedure = catalogue.get(code)
    assert heard(visit)[:2] == ["Bienvenue au point numérique", "Comment souhaitez-vous faire ?"]
    visit.start_alone()
    picker = heard(visit)
    assert picker[0] == "Que voulez-vous faire ?" and procedure.title in picker
    visit.pick(code)
    for_whom = heard(visit)
    assert for_whom[0] == "Pour qui faites-vous cette démarche ?" and "Pour moi-même" in for_whom
    visit.say_for_whom("self")
    rng = random.Random(code)
    while visit.page is Page.QUESTION:  # the questions that decide what to bring, if any
        answer_on_page(visit, rng)
    requirements = heard(visit)
    checklist = visit.checklist()
    assert requirements[0] == procedure.title and "J'ai tout, continuer" in requirements
    assert all(item.title in requirements or optional(item.title) in requirements
               for item in checklist.items)
    assert all(line in requirements for line in checklist.deadlines)
    visit.begin()
    while visit.page is Page.QUESTION:
        assert visit.questions is not None and visit.session is not None
        view = visit.questions.view()
        lines = heard(visit)
        assert lines[0] == view.step.title and "Retour" in lines
        if view.field_id:
            fld = procedure.field(view.field_id)
            assert lines[1] == f"Question {view.question_number} sur {len(view.asked)}."
            rest = lines[2:]
            if view.question_number == 1 and view.step.help:  # the step's help, once
                assert rest.pop(0) == view.step.help
            assert rest[0] == (fld.label if fld.required else optional(fld.label))
            assert all(choice.label in lines for choice in fld.choices)
            if fld.help:
                assert fld.help in lines
        answer_on_page(visit, rng)
    documents = heard(visit)
    assert documents[0] == "Vos documents"
    session = visit.session
    assert session is not None
    for spec in session.required_documents():
        assert f"{spec.title} : pas encore ajouté." in documents
        assert f"Ajouter : {spec.title}" in documents
    for spec in session.required_documents()[:1]:
        visit.choose_document(spec.kind)
        assert heard(visit)[0] == f"Choisir : {spec.title}"
        visit.cancel_document()
    attach_all(visit, rng)
    summary = heard(visit)
    assert summary[0] == "Vérifiez votre demande"
    for section in session.summary():
        assert section.title in summary and f"Modifier : {section.title}" in summary
    secrets = [f for step in session.steps() for f in session.fields(step)
               if f.sensitive and f.id in session.answers]
    for fld in secrets:
        assert f"{fld.label} : réponse non lue à voix haute" in summary
        assert not any(session.answers[fld.id] in line for line in summary)
    visit.confirm_summary()
    consent = heard(visit)
    assert consent[0] == CONSENT.title and CONSENT.button in consent
    session.give_consent(CONSENT.version)
    visit.start_saving()
    assert heard(visit) == ["Enregistrement de votre demande… Merci de patienter."]
    visit.save_failed()
    assert heard(visit, Event.SAVE_FAILED) == [
        "L'enregistrement n'a pas réussi. Rien n'est perdu.", "Réessayer l'enregistrement"]
    visit.start_saving()
    visit.saved(FakeItem())  # type: ignore[arg-type]
    confirmation = heard(visit)
    assert confirmation[0] == "Votre demande est enregistrée"
    assert f"Votre référence : {FakeItem.local_reference}" in confirmation
    assert visit.next_steps and all(line in confirmation for line in visit.next_steps)
    visit.done()
    assert heard(visit) == ["Merci, c'est terminé", "Retour à l'accueil"]


def test_a_refused_answer_is_said_first_then_the_question(catalogue: Catalogue) -> None:
    visit = Visit(CONFIG, catalogue)
    start(visit, "cg-changement-adresse")
    visit.next_question("pas une plaque")
    lines = heard(visit)
    assert lines[0].startswith("Erreur : ") and lines[1] == "Votre véhicule"
    assert "Numéro d'immatriculation (plaque)" in lines
    visit.next_question("AB-123-CD")
    assert not any(line.startswith("Erreur") for line in heard(visit))
    assert "Réponse donnée : AB-123-CD" not in heard(visit)  # the next question is on the page
    visit.previous_question(None)
    assert "Réponse donnée : AB-123-CD" in heard(visit)


def test_the_mediator_pages_and_the_idle_warning_are_spoken(catalogue: Catalogue) -> None:
    visit = Visit(CONFIG, catalogue)
    visit.login("queue")
    assert heard(visit)[0] == "Connexion du médiateur"
    visit.logged_in(Mediator(id="m-0001", name="Anne Martin"))
    assert heard(visit) == ["File d'attente des demandes"]
    visit.show_activity()
    assert heard(visit) == ["Activité de la borne"]
    assert idle_speech(60, True)[1] == "Sans réponse, votre démarche sera effacée dans 60 secondes."
    assert idle_speech(30, False)[2] == "Pour continuer, touchez « Encore du temps »."
    assert error_speech("Code faux.") == "Erreur : Code faux."


def test_speech_goes_through_the_translation(catalogue: Catalogue) -> None:
    visit = Visit(CONFIG, catalogue)
    visit.start_alone()
    lines = page_speech(visit, tr=lambda text: f"[{text}]")
    assert lines[0] == "[Que voulez-vous faire ?]"
    assert f"[{catalogue.get('cg-duplicata').title}]" in lines  # the core's texts as well


def test_a_tap_that_moves_nothing_is_answered_from_the_model(catalogue: Catalogue) -> None:
    visit = Visit(CONFIG, catalogue)
    start(visit, "cg-changement-titulaire")
    session, questions = visit.session, visit.questions
    assert session is not None and questions is not None
    assert after_tap(visit) == []  # nothing answered yet
    while visit.page is not Page.QUESTION or questions.field_id != "assurance":
        if visit.page is Page.REQUIREMENTS:  # the checklist, between the deciding questions
            visit.begin()
            continue
        visit.next_question(pick_answer(session.procedure.field(questions.field_id),
                                        random.Random(1), {}))
    refusal = session.procedure.field("assurance").refusal or "Sans cette réponse"
    questions.answer("assurance", "non")  # the choice « Non » tapped
    said = after_tap(visit)
    assert said[0].startswith("Erreur : ") and refusal[:20] in said[0]
    questions.answer("assurance", "oui")
    assert after_tap(visit) == ["Réponse donnée : Oui"]
