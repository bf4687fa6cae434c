"""Acting for someone else, in the visit model: who, both identities, the proof, the mandate."""

from __future__ import annotations

import hashlib
import random
from datetime import date
from pathlib import Path

import pytest
from test_flow import ANNE, CONFIG, answer_questions, attach_all

from kiosk.correction import prepare_correction
from kiosk.flow import Page, Visit
from kiosk.procedures import Catalogue
from kiosk.representation import AGENT_QUALITY
from kiosk.representative import (
    CHOICES,
    PROOFS,
    SECOND_PERSON,
    about_them,
    for_someone_else,
    mandate_text,
    people,
)
from offline_queue import open_outbox

FORCED = {"personne_nom": "DUPONT", "personne_prenoms": "Marie Louise", "nom": "DUPONT",
          "prenoms": "Marie Louise", "representant_nom": "MARTIN", "representant_prenoms": "Paul"}


def start_for(visit: Visit, code: str, for_whom: str) -> None:
    visit.start_alone()
    visit.pick(code)
    assert visit.page is Page.FOR_WHOM
    visit.say_for_whom(for_whom)  # type: ignore[arg-type]
    assert visit.page in (Page.QUESTION, Page.REQUIREMENTS)  # its deciding questions, or the checklist


def catalogue_steps(visit: Visit):  # type: ignore[no-untyped-def]
    assert visit.catalogue is not None and visit.procedure is not None
    return visit.catalogue.get(visit.procedure.code).steps


def walk_for_someone_else(visit: Visit) -> None:
    """A mandate: both identities first, the mandate page (back and forth), its proof, saved."""
    rng = random.Random(5)
    start_for(visit, "cg-duplicata", "mandat")
    asked = answer_questions(visit, rng, dict(FORCED))
    # After the questions that decide the case; the procedure asks the holder's name and
    # birth date itself: not asked twice.
    first = asked.index("representant_nom")
    assert asked[first:first + 4] == ["representant_nom", "representant_prenoms",
                                      "representant_date_naissance", AGENT_QUALITY]
    deciding = {f.id for step in catalogue_steps(visit) if step.decides for f in step.fields}
    assert set(asked[:first]) <= deciding
    assert {"nom", "prenoms", "date_naissance"} <= set(asked)
    assert not {"personne_nom", "personne_prenoms", "personne_date_naissance"} & set(asked)
    assert visit.page is Page.MANDATE
    mandate = visit.mandate()
    assert "Marie Louise DUPONT" in mandate.paragraphs[0] and "Paul MARTIN" in mandate.paragraphs[0]
    visit.mandate_back()
    assert visit.page is Page.QUESTION
    answer_questions(visit, rng, dict(FORCED))
    assert visit.page is Page.MANDATE
    visit.mandate_done()
    assert visit.page is Page.DOCUMENTS
    session = visit.session
    assert session is not None
    kinds = [spec.kind for spec in session.required_documents()]
    # The holder's ID the procedure asks is the person's; the helper's own is asked too.
    assert kinds[:2] == ["mandat", "piece_identite_mandataire"] and "piece_identite" in kinds
    assert "piece_identite_mandant" not in kinds
    holder_id = next(spec for spec in session.required_documents() if spec.kind == "piece_identite")
    assert holder_id.description.startswith("Sa carte d'identité")
    attach_all(visit, rng)
    session.give_consent("1")
    body = session.to_submission().to_body()
    signed = session.documents["mandat"]
    assert body["representative"]["role"] == "mandataire"
    assert body["representative"]["last_name"] == "MARTIN"
    assert body["representative"]["mandate"]["sha256"] == signed.sha256
    assert signed.sha256 in {doc["sha256"] for doc in body["documents"]}
    assert body["answers"]["nom"] == "DUPONT"


def test_the_person_s_identity_is_asked_when_the_procedure_does_not(catalogue: Catalogue) -> None:
    """« permis-fabrication » asks no birth date: the person's is asked first, alone."""
    visit = Visit(CONFIG, catalogue)
    start_for(visit, "permis-fabrication", "heritier")
    asked = answer_questions(visit, random.Random(9), dict(FORCED))
    first = asked.index("personne_date_naissance")
    assert asked[first + 1] == "representant_nom"
    assert "personne_nom" not in asked and "nom" in asked


def test_a_request_for_someone_with_a_mandate(catalogue: Catalogue) -> None:
    walk_for_someone_else(Visit(CONFIG, catalogue))


@pytest.mark.parametrize(("for_whom", "quality", "role", "proof"), [
    ("tutelle", "curateur", "curateur", "decision_justice"),
    ("tutelle", "tuteur", "tuteur", "decision_justice"),
    ("heritier", "enfant", "heritier", "acte_heredite"),
])
def test_a_guardian_or_an_heir_brings_their_proof_and_signs_no_mandate(
        catalogue: Catalogue, for_whom: str, quality: str, role: str, proof: str) -> None:
    visit = Visit(CONFIG, catalogue)
    start_for(visit, "permis-renouvellement", for_whom)
    answer_questions(visit, random.Random(6), {**FORCED, AGENT_QUALITY: quality})
    assert visit.page is Page.DOCUMENTS  # no mandate page
    session = visit.session
    assert session is not None
    assert proof in {spec.kind for spec in session.required_documents()}
    assert "mandat" not in {spec.kind for spec in session.required_documents()}
    attach_all(visit, random.Random(6))
    session.give_consent("1")
    body = session.to_submission().to_body()
    assert body["representative"] == {"role": role, "last_name": "MARTIN",
                                      "first_names": "Paul", "mandate": None}


def test_for_oneself_nothing_changes(catalogue: Catalogue) -> None:
    visit = Visit(CONFIG, catalogue)
    start_for(visit, "cg-duplicata", "self")
    assert visit.procedure is catalogue.get("cg-duplicata")
    answer_questions(visit, random.Random(7), {})
    attach_all(visit, random.Random(7))
    assert visit.session is not None
    visit.session.give_consent("1")
    assert visit.session.to_submission().to_body()["representative"] is None


def test_changing_one_s_mind_gives_the_catalogue_s_procedure_again(catalogue: Catalogue) -> None:
    visit = Visit(CONFIG, catalogue)
    visit.start_alone()
    visit.pick("cg-changement-adresse")  # nothing to decide: the checklist comes first
    visit.say_for_whom("heritier")
    assert visit.page is Page.REQUIREMENTS
    visit.back()
    assert visit.page is Page.FOR_WHOM and visit.session is None
    visit.say_for_whom("self")
    assert visit.procedure is catalogue.get("cg-changement-adresse")
    visit.back()
    visit.back()
    assert visit.page is Page.PICKER


def test_every_question_and_title_speaks_of_the_person(catalogue: Catalogue) -> None:
    """The wording rule knows every form the catalogue uses: nothing says « vous » of the
    person once the request is for someone else (the contact step may: it is the helper's)."""
    assert {c.value for c in CHOICES} == {"self", "mandat", "tutelle", "heritier"}
    for procedure in catalogue.procedures.values():
        for choice in CHOICES:
            derived = for_someone_else(procedure, choice.value)
            own = [s for s in derived.steps if s.id not in ("personne", "representant")
                   and choice.value != "self"]
            for text in [s.title for s in own] + [f.label for s in own for f in s.fields]:
                said = about_them(text, strict=True)
                assert said == text or not SECOND_PERSON.search(said.replace("Pour vous joindre", "")), said


@pytest.mark.parametrize(("text", "said"), [
    ("Votre date de naissance", "Sa date de naissance"),
    ("Date de votre installation en France", "Date de son installation en France"),
    ("Avez-vous déjà un permis de conduire français ?",
     "La personne a-t-elle déjà un permis de conduire français ?"),
    ("Pourquoi demandez-vous un nouveau permis ?",
     "Pourquoi la personne demande-t-elle un nouveau permis ?"),
    ("Êtes-vous né(e) avant 1988 ?", "La personne est-elle née avant 1988 ?"),
    ("Le vendeur vous a-t-il donné un code de cession ?",
     "Le vendeur lui a-t-il donné un code de cession ?"),
    ("Le permis que vous voulez passer", "Le permis que la personne veut passer"),
    ("Vos prénoms", "Ses prénoms"),
    ("Votre adresse", "Son adresse"),
    ("Votre nouvelle adresse", "Sa nouvelle adresse"),
    ("Vous le donnez aussi à l'acheteur.", "La personne le donne aussi à l'acheteur."),
    ("Rempli et signé par vous et par l'acheteur.", "Rempli et signé par elle et par l'acheteur."),
    ("Vous l'envoyez.", "La personne l'envoie."),
    ("Pour vous joindre", "Pour vous joindre"),  # the helper's phone: « vous » is right
])
def test_the_wording_rule(text: str, said: str) -> None:
    assert about_them(text, strict=True) == said


def test_the_mandate_s_hash_is_that_of_its_canonical_text() -> None:
    answers = {**FORCED, "personne_date_naissance": "1938-04-02",
               "representant_date_naissance": "1970-01-15"}
    mandate = mandate_text(answers, "Duplicata de carte grise", "Préfecture", date(2026, 12, 1))
    assert mandate.sha256 == hashlib.sha256(mandate.canonical.encode()).hexdigest()
    other = mandate_text({**answers, "representant_nom": "DURAND"}, "Duplicata de carte grise",
                         "Préfecture", date(2026, 12, 1))
    assert other.sha256 != mandate.sha256
    assert "né(e) le 02/04/1938" in mandate.paragraphs[0]


def test_the_receipt_names_both_people() -> None:
    lines = dict(people({**FORCED, AGENT_QUALITY: "famille"}))
    assert lines["Demande faite pour"] == "Marie Louise DUPONT"
    assert lines["Par"].startswith("Paul MARTIN (avec un mandat, un membre de sa famille")
    assert people({"nom": "X"}) == ()
    assert all(spec.required for specs in PROOFS.values() for spec in specs)


def test_a_mediator_can_take_over_on_the_new_pages(catalogue: Catalogue) -> None:
    visit = Visit(CONFIG, catalogue)
    visit.start_alone()
    visit.pick("cg-duplicata")
    for move in (lambda: None, lambda: (visit.say_for_whom("mandat"),
                                        answer_questions(visit, random.Random(8), dict(FORCED)))):
        move()
        page = visit.page
        assert page in (Page.FOR_WHOM, Page.MANDATE)
        visit.take_over()
        visit.logged_in(ANNE)
        assert visit.page is page
        visit.hand_over()


def test_where_is_my_request_and_back_home(catalogue: Catalogue) -> None:
    visit = Visit(CONFIG, catalogue)
    visit.look_up("PN-7501-K02-000001")
    assert visit.page is Page.STATUS and visit.lookup_reference == "PN-7501-K02-000001"
    visit.go_home()
    assert visit.page is Page.WELCOME and visit.lookup_reference == ""


def test_a_correction_of_a_request_for_someone_else_keeps_who_acts(
        catalogue: Catalogue, tmp_path: Path) -> None:
    visit = Visit(CONFIG, catalogue)
    rng = random.Random(14)
    start_for(visit, "cg-duplicata", "mandat")
    answer_questions(visit, rng, dict(FORCED))
    visit.mandate_done()
    attach_all(visit, rng)
    session = visit.session
    assert session is not None
    session.give_consent("1")
    with open_outbox(tmp_path / "kiosk") as outbox:
        item = outbox.enqueue(session.to_submission(), list(session.documents.values()))
        outbox.mark_sending(item.id)
        outbox.mark_needs_attention(item.id, "refusée", [
            {"field": "answers.representant_nom", "code": "invalid_format", "message": ""}])
        correction = prepare_correction(outbox, catalogue, item.id, kiosk_id=CONFIG.kiosk_id,
                                        site=CONFIG.site, mediator_id=ANNE.id)
        again = correction.session
        assert again.answers["representant_nom"] == "MARTIN"
        assert "representant_nom" in correction.field_remarks
        assert {"mandat", "piece_identite_mandataire"} <= set(again.documents)
        again.give_consent("1")
        body = again.to_submission().to_body()
        assert body["representative"]["role"] == "mandataire"
        assert body["representative"]["mandate"]["sha256"] == again.documents["mandat"].sha256
        again.wipe()
