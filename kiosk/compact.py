"""A mediator's page: one step's questions together, as on a form.

A citizen alone answers one question per page (``kiosk.questions``). A trained
mediator reads a whole step at a glance and types it in one go: when a
mediator drives the visit, the page holds every question the step asks (those
the answers call for, less those whose answer is deduced), each checked as
typed, and « Continuer » keeps them all or says under each refused one why.
The walk from step to step stays the questions controller's: this module only
decides what one page holds and keeps its answers.
"""

from __future__ import annotations

from collections.abc import Mapping

from kiosk.questions import Move, Questions, Verdict
from kiosk.validators import ValidationError


def shown(questions: Questions) -> list[str]:
    """Ids of the questions on the page, in order; one whose answer an earlier question of the
    page will say (``kiosk.inference``) waits for that answer."""
    asked = questions.asked()
    answers = questions.session.answers
    waiting = {f.id for f in questions.fields()
               if f.infer is not None and f.infer.source in asked and f.infer.source not in answers}
    return [f for f in asked if f not in waiting]


def answer(questions: Questions, field_id: str, raw: str) -> Verdict | None:
    """One question of the page was left or a choice tapped: the session's verdict (None when
    the question is not on the page, or is left empty without an answer so far)."""
    session = questions.session
    if field_id not in shown(questions):
        return None
    if not raw.strip() and field_id not in session.answers:
        return Verdict(True)
    try:
        return Verdict(True, session.set_answer(field_id, raw))
    except ValidationError as exc:
        return Verdict(False, message=exc.message)


def ready(questions: Questions, raws: Mapping[str, str]) -> bool:
    """Every question on the page has an answer its check accepts (« Continuer » is offered)."""
    session = questions.session
    for field_id in shown(questions):
        try:
            session.check_field(field_id, raws.get(field_id, session.answers.get(field_id, "")))
        except ValidationError:
            return False
    return True


def _keep(questions: Questions, raws: Mapping[str, str], *, only_valid: bool) -> dict[str, str]:
    """Give the page's answers to the session in the step's order (an answer may ask or hide
    the next question); the messages of those refused."""
    session = questions.session
    refused: dict[str, str] = {}
    for fld in questions.fields():
        if fld.id not in raws or fld.id not in shown(questions):
            continue
        raw = raws[fld.id]
        if only_valid and not raw.strip():
            continue
        try:
            session.set_answer(fld.id, raw)
        except ValidationError as exc:
            refused[fld.id] = exc.message
    return refused


def next_page(questions: Questions, raws: Mapping[str, str]) -> Move:
    """« Continuer »: keep every answer on the page; stay with the messages when one is refused
    or missing, else the next step (or the documents, or the summary)."""
    refused = _keep(questions, raws, only_valid=False)
    problems = {**questions.session.step_errors(), **refused}
    if problems:
        return Move("stay", {f: problems[f] for f in shown(questions) if f in problems})
    asked = shown(questions)
    questions.field_id = asked[-1] if asked else ""
    return questions.next(None)


def previous_page(questions: Questions, raws: Mapping[str, str]) -> Move:
    """« Retour »: keep what is valid on the page, then the previous step (or leave)."""
    _keep(questions, raws, only_valid=True)
    asked = shown(questions)
    questions.field_id = asked[0] if asked else ""
    return questions.back(None)


def one_per_page(questions: Questions) -> None:
    """The mediator left the person on their own: the page shows the step's first question
    still without an answer (else its last), one per page again."""
    answers = questions.session.answers
    asked = shown(questions)
    questions.field_id = next((f for f in asked if f not in answers), asked[-1] if asked else "")
