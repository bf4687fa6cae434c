"""What the plate's format says is not asked: SIV or FNI follows from the plate (issue 9, §5).

The rule is data (``infer:`` in the definitions), checked at load like every other part
of a definition; the deduced answer is kept, shown on the summary and sent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_definition_checks import good_neighbour, only_error, write_with

from kiosk.inference import inferred
from kiosk.procedures import Catalogue
from kiosk.questions import Questions
from kiosk.session import ProcedureSession

INFER = "        infer: {rule: plate_is_siv, from: plate}\n"


def questions_for(catalogue: Catalogue, code: str) -> Questions:
    session = ProcedureSession(catalogue.get(code), kiosk_id="7501-K02", site="7501")
    questions = Questions(session)
    questions.open()
    return questions


@pytest.mark.parametrize("code", ["cg-changement-adresse", "cg-declaration-cession"])
def test_the_plate_answers_the_siv_question(catalogue: Catalogue, code: str) -> None:
    questions = questions_for(catalogue, code)
    session = questions.session
    assert "carte_siv" in questions.asked()  # nothing typed yet: nothing deduced
    session.set_answer("plate", "ab 123 cd")
    assert session.answers["carte_siv"] == "oui"
    assert "carte_siv" not in questions.asked() and "formule_number" in questions.asked()
    assert questions.next("ab-123-cd").kind == "question"
    assert questions.field_id == "formule_number"  # the next page is the formule number
    session.set_answer("formule_number", "2017rv48832")
    session.set_answer("plate", "1234 ab 75")  # an old plate after all
    assert session.answers["carte_siv"] == "non"
    assert "formule_number" not in session.answers
    assert "date_certificat" in questions.asked()
    vehicle = dict(session.summary()[0].items)
    assert vehicle[catalogue.get(code).field("carte_siv").label] == "Non"  # on the summary


def test_a_question_asked_only_later_is_deduced_when_it_comes(catalogue: Catalogue) -> None:
    """Change of owner: the SIV question is asked only without a code de cession."""
    questions = questions_for(catalogue, "cg-changement-titulaire")
    session = questions.session
    session.set_answer("plate", "AB-123-CD")
    session.set_answer("code_cession_connu", "oui")
    assert "carte_siv" not in session.answers
    session.set_answer("code_cession_connu", "non")
    assert session.answers["carte_siv"] == "oui"
    assert "carte_siv" not in questions.asked()


def test_nothing_is_deduced_from_what_the_rule_cannot_read(catalogue: Catalogue) -> None:
    fields = list(catalogue.get("cg-changement-adresse").all_fields())
    assert inferred(fields, {"plate": "AB-123-CD"}) == {"carte_siv": "oui"}
    assert inferred(fields, {"plate": "1234 AB 2A"}) == {"carte_siv": "non"}
    assert inferred(fields, {"plate": "AB123CD"}) == {}  # not the validator's writing
    assert inferred(fields, {}) == {}


@pytest.mark.parametrize(("new", "place", "words"), [
    (INFER.replace("plate_is_siv", "plaque_siv"), "infer.rule", "règle de déduction inconnue"),
    (INFER.replace("from: plate", "from: formule_number"), "infer.from", "posée avant"),
    (INFER.replace("from: plate", "from: nom"), "infer.from", "posée avant"),
])
def test_a_wrong_rule_is_refused_at_load(tmp_path: Path, new: str, place: str, words: str) -> None:
    good_neighbour(tmp_path)
    write_with(tmp_path, "b-broken.yaml", INFER, new)
    where, message = only_error(tmp_path)
    assert place in where and words in message


def test_a_rule_must_give_answers_the_question_has(tmp_path: Path) -> None:
    good_neighbour(tmp_path)
    write_with(tmp_path, "b-broken.yaml", "        check: postal_code\n",
               "        check: postal_code\n" + INFER)
    where, message = only_error(tmp_path)
    assert "infer" in where and "que cette question ne propose pas" in message
