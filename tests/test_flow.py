"""The visit walked through the Qt-free model (kiosk.flow, kiosk.questions), without a display.

Every procedure, branch by branch, from the welcome screen to the end; and each
transition: back, modify from the summary, take-over, hand-over, correction,
idle wipe. A last test checks that together these walks take every transition
of the map, so a transition added without a walk fails here.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from kiosk.config import KioskConfig
from kiosk.correction import prepare_correction
from kiosk.flow import (
    DOCUMENTS_SECTION,
    REQUEST_PAGES,
    RETURN,
    TRANSITIONS,
    Assistance,
    Event,
    NoTransition,
    Page,
    Transition,
    Visit,
    mermaid,
)
from kiosk.mediators import Mediator
from kiosk.procedures import Catalogue, Field, Procedure, load_catalogue
from kiosk.samples import sample_answer, sample_document
from offline_queue import Outbox, QueuedSubmission, open_outbox

CONFIG = KioskConfig(kiosk_id="7501-K02", site="7501", site_name="Préfecture de test")
ANNE = Mediator(id="m-0001", name="Anne Martin")


def pick_answer(fld: Field, rng: random.Random, forced: dict[str, str]) -> str:
    if fld.id in forced:
        return forced[fld.id]
    if fld.check == "time":
        return f"{rng.randint(8, 19):02d}:{rng.choice((0, 15, 30, 45)):02d}"
    return sample_answer(fld, rng, date.today())


def branch_forcings(procedure: Procedure) -> list[dict[str, str]]:
    """Walks that together take every value of every choice and yes/no question."""
    options = []
    for fld in procedure.all_fields():
        if fld.must_equal is not None:
            options.append((fld.id, [fld.must_equal]))
        elif fld.type == "choice":
            options.append((fld.id, [c.value for c in fld.choices]))
        elif fld.type == "yes_no":
            options.append((fld.id, ["oui", "non"]))
    walks = max((len(values) for _, values in options), default=1)
    return [{fid: values[i % len(values)] for fid, values in options} for i in range(walks)]


def answer_questions(visit: Visit, rng: random.Random, forced: dict[str, str],
                     until: Page | None = None) -> list[str]:
    """« Continuer » on each question the model puts on the page, and on the checklist between
    the deciding questions and the others (unless ``until`` is that page); the questions asked."""
    asked = []
    for _ in range(150):
        if visit.page is Page.REQUIREMENTS and until is not Page.REQUIREMENTS:
            visit.begin()
        if visit.page is not Page.QUESTION:
            return asked
        questions = visit.questions
        assert questions is not None
        view = questions.view()
        fld = visit.procedure.field(view.field_id) if view.field_id else None  # type: ignore[union-attr]
        raw = None
        if fld is not None:
            asked.append(fld.id)
            raw = pick_answer(fld, rng, forced) if fld.required or fld.id in forced else ""
        errors = visit.next_question(raw)
        assert not errors or visit.page is Page.QUESTION, errors
    raise AssertionError("the questions never ended")


def attach_all(visit: Visit, rng: random.Random) -> None:
    session = visit.session
    assert session is not None and visit.page is Page.DOCUMENTS
    for spec in session.required_documents():
        visit.choose_document(spec.kind)
        assert visit.page is Page.CHOOSER and visit.document_kind == spec.kind
        filename, data = sample_document(spec, rng)
        session.attach(session.check_document(spec.kind, filename, data))
        visit.document_attached()
        assert visit.page is Page.DOCUMENTS
    assert visit.documents_done()
    assert visit.page is Page.SUMMARY


class FakeItem:
    """Stands for the outbox's ``QueuedSubmission`` in walks that save nothing."""

    id = "s-1"
    local_reference = "PN-7501-K02-000001"


def save(visit: Visit) -> None:
    assert visit.page is Page.SUMMARY and not visit.summary_problems()
    visit.confirm_summary()
    assert visit.page is Page.CONSENT
    session = visit.session
    assert session is not None
    session.give_consent("1")
    visit.start_saving()
    assert visit.page is Page.SAVING
    visit.saved(FakeItem())  # type: ignore[arg-type]
    assert visit.page is Page.CONFIRMATION and visit.session is None
    assert session.answers == {} and not session.documents  # forgotten once on disk


def start(visit: Visit, code: str) -> None:
    visit.start_alone()
    assert visit.page is Page.PICKER
    visit.pick(code)
    visit.say_for_whom("self")
    if visit.page is Page.REQUIREMENTS:  # nothing to decide: the checklist comes first
        visit.begin()
    assert visit.page is Page.QUESTION


@pytest.fixture
def visit(catalogue: Catalogue) -> Visit:
    return Visit(CONFIG, catalogue)


CODES = sorted(load_catalogue().procedures)  # every shipped procedure is walked


def test_the_catalogue_is_the_one_walked(catalogue: Catalogue) -> None:
    assert sorted(catalogue.procedures) == CODES and len(CODES) >= 16


@pytest.mark.parametrize("code", CODES)
def test_every_procedure_every_branch_from_welcome_to_end(visit: Visit, catalogue: Catalogue,
                                                          code: str) -> None:
    procedure = catalogue.get(code)
    rng = random.Random(code)
    for forced in branch_forcings(procedure):
        start(visit, code)
        asked = answer_questions(visit, rng, forced)
        assert asked and visit.page is Page.DOCUMENTS
        attach_all(visit, rng)
        save(visit)
        visit.done()
        assert visit.page is Page.END
        visit.go_home()
        assert visit.page is Page.WELCOME and visit.saved_item is None


def test_questions_count_and_order_follow_the_answers(visit: Visit, catalogue: Catalogue) -> None:
    """« Question n sur m » is counted among the questions the answers call for, and a question
    no longer asked is emptied (the answers of hidden questions are dropped by the session)."""
    start(visit, "cg-changement-titulaire")
    questions = visit.questions
    assert questions is not None
    rng = random.Random(2)
    while visit.page is Page.QUESTION:
        view = questions.view()
        session = visit.session
        assert session is not None
        asked = [f.id for f in session.fields()]
        assert list(view.asked) == asked
        if view.field_id:
            assert view.question_number == asked.index(view.field_id) + 1
        assert (view.step_number, view.step_count) == (session.index + 1, len(session.steps()))
        assert view.step == session.current
        fld = procedure_field(visit, view.field_id)
        visit.next_question(pick_answer(fld, rng, {}) if fld and fld.required else
                            ("" if fld else None))


def procedure_field(visit: Visit, field_id: str) -> Field | None:
    return visit.procedure.field(field_id) if field_id else None  # type: ignore[union-attr]


def test_a_refused_answer_keeps_the_question_with_its_message(visit: Visit) -> None:
    start(visit, "cg-changement-adresse")
    questions = visit.questions
    assert questions is not None
    first = questions.view().field_id
    errors = visit.next_question("")
    assert visit.page is Page.QUESTION and questions.view().field_id == first
    assert errors == {first: "Merci de répondre à cette question."}
    assert questions.answer(first, "") is not None


def test_back_walks_every_question_and_the_checklist_to_the_picker_and_home(
        visit: Visit) -> None:
    start(visit, "cg-changement-titulaire")
    rng = random.Random(3)
    seen = []
    questions = visit.questions
    assert questions is not None
    while len(seen) < 6:  # a few questions in, across the checklist and a step
        if visit.page is Page.REQUIREMENTS:
            seen.append(("checklist", ""))
            visit.begin()
            continue
        view = questions.view()
        seen.append((view.step.id, view.field_id))
        fld = procedure_field(visit, view.field_id)
        visit.next_question(pick_answer(fld, rng, {}) if fld else None)
    assert ("checklist", "") in seen[1:]  # the deciding questions came first
    back = []
    session = visit.session
    assert session is not None
    while visit.page in (Page.QUESTION, Page.REQUIREMENTS):
        if visit.page is Page.REQUIREMENTS:
            back.append(("checklist", ""))
            visit.back()
            continue
        view = questions.view()
        back.append((view.step.id, view.field_id))
        visit.previous_question(None)
    assert back[1:] == list(reversed(seen))  # each page, back to the first
    assert visit.page is Page.FOR_WHOM and visit.session is None and session.answers == {}
    visit.back()
    assert visit.page is Page.PICKER
    visit.back()
    assert visit.page is Page.WELCOME


def test_with_nothing_to_decide_the_checklist_comes_first(visit: Visit) -> None:
    visit.start_alone()
    visit.pick("cg-changement-adresse")  # every document is needed whatever the answers
    visit.say_for_whom("self")
    assert visit.page is Page.REQUIREMENTS and visit.session is not None
    visit.begin()
    assert visit.page is Page.QUESTION
    visit.previous_question(None)
    assert visit.page is Page.REQUIREMENTS
    visit.back()
    assert visit.page is Page.FOR_WHOM and visit.session is None


def test_back_from_documents_summary_and_consent(visit: Visit) -> None:
    rng = random.Random(4)
    start(visit, "cg-duplicata")
    answer_questions(visit, rng, {})
    questions = visit.questions
    assert questions is not None
    last = questions.view()
    visit.documents_back()
    view = questions.view()
    assert visit.page is Page.QUESTION and view.field_id == view.asked[-1]
    assert view.step == visit.session.steps()[-1]  # type: ignore[union-attr]
    assert view.entry > last.entry  # the screen builds the step again
    answer_questions(visit, rng, {})
    attach_all(visit, rng)
    visit.confirm_summary()
    visit.back()
    assert visit.page is Page.SUMMARY
    visit.back()
    assert visit.page is Page.DOCUMENTS


def test_documents_wait_for_every_required_one(visit: Visit) -> None:
    rng = random.Random(5)
    start(visit, "cg-changement-adresse")
    answer_questions(visit, rng, {})
    missing = visit.missing_documents()
    assert missing
    assert not visit.documents_done() and visit.page is Page.DOCUMENTS
    visit.choose_document(visit.session.required_documents()[0].kind)  # type: ignore[union-attr]
    visit.cancel_document()
    assert visit.page is Page.DOCUMENTS


def test_modify_from_the_summary_comes_back_to_it(visit: Visit) -> None:
    rng = random.Random(6)
    start(visit, "cg-changement-adresse")
    answer_questions(visit, rng, {})
    attach_all(visit, rng)
    session = visit.session
    assert session is not None
    step = session.steps()[0]
    visit.modify(step.id)
    questions = visit.questions
    assert questions is not None
    view = questions.view()
    assert visit.page is Page.QUESTION and view.step == step
    assert view.field_id == view.asked[0]  # the step opens on its first question
    assert not view.leads_to_summary or len(view.asked) == 1
    answer_questions(visit, rng, {})
    assert visit.page is Page.SUMMARY  # not the documents: none is missing
    visit.modify(DOCUMENTS_SECTION)
    assert visit.page is Page.DOCUMENTS


def test_an_answer_changed_from_the_summary_can_lead_to_the_documents(
        visit: Visit, catalogue: Catalogue) -> None:
    """A changed answer asking for a new document: « Valider » leads to the documents."""
    procedure = catalogue.get("cg-changement-titulaire")
    field, before, after = find_document_switch(procedure, catalogue)
    rng = random.Random(7)
    start(visit, procedure.code)
    answer_questions(visit, rng, {field.id: before})
    attach_all(visit, rng)
    session = visit.session
    assert session is not None
    step = next(s for s in session.steps() if field in s.fields)
    visit.modify(step.id)
    questions = visit.questions
    assert questions is not None
    while questions.view().field_id != field.id:
        visit.next_question(session.answers.get(questions.view().field_id, ""))
    answer_questions(visit, rng, {field.id: after})
    assert session.missing_documents() and visit.page is Page.DOCUMENTS


def find_document_switch(procedure: Procedure, catalogue: Catalogue) -> tuple[Field, str, str]:
    """An answer whose change asks for one more document: (field, without it, with it)."""
    for fld in procedure.all_fields():
        values = [c.value for c in fld.choices] or (["oui", "non"] if fld.type == "yes_no" else [])
        if fld.must_equal is not None or not any(fld.id in repr(d.when) for d in procedure.documents):
            continue
        kinds = {}
        for value in values:
            trial = Visit(CONFIG, catalogue)
            start(trial, procedure.code)
            answer_questions(trial, random.Random(0), {fld.id: value})
            kinds[value] = {d.kind for d in trial.session.missing_documents()}  # type: ignore[union-attr]
            trial.go_home()
        for before in values:
            for after in values:
                if kinds[after] - kinds[before]:
                    return fld, before, after
    raise AssertionError(f"{procedure.code}: no answer changes the documents")


def test_an_earlier_step_made_incomplete_is_reopened_on_its_missing_question(
        visit: Visit, catalogue: Catalogue) -> None:
    """A changed answer asks a new question in an earlier step: at the last step, « Continuer »
    goes back to that step, on the question that lacks its answer, with the message."""
    procedure = catalogue.get("cg-changement-titulaire")
    rng = random.Random(8)
    start(visit, procedure.code)
    session = visit.session
    questions = visit.questions
    assert session is not None and questions is not None
    answer_questions(visit, rng, {})
    visit.documents_back()  # on the last question of the last step
    hidden, earlier = next((f, step) for step in session.steps()[:-1] for f in step.fields
                           if f.required and f.when is not None and f not in session.fields(step))
    trigger = next(f for f in procedure.all_fields() if f.id in repr(hidden.when))
    for value in [c.value for c in trigger.choices] or ["oui", "non"]:
        session.set_answer(trigger.id, value)  # (as a mediator's correction could)
        if session.step_errors(earlier):
            break
    assert session.step_errors(earlier) and not session.at_last_step or True
    missing = next(iter(session.step_errors(earlier)))  # the new question, or one it calls for
    field_id = questions.view().field_id
    errors = visit.next_question(session.answers.get(field_id, "") if field_id else None)
    assert visit.page is Page.QUESTION
    assert questions.view().step == earlier
    assert questions.view().field_id == missing
    assert errors == {missing: "Merci de répondre à cette question."}


def test_take_over_returns_to_the_same_page_and_records_the_mediator(visit: Visit) -> None:
    rng = random.Random(9)
    start(visit, "cg-duplicata")
    questions = visit.questions
    assert questions is not None
    visit.next_question(pick_answer(procedure_field(visit, questions.view().field_id), rng, {}))  # type: ignore[arg-type]
    where = questions.view()
    entry = visit.entry
    assert visit.assistance().can_take_over
    assert visit.take_over()
    assert visit.page is Page.LOGIN and visit.back_stack == [(Page.QUESTION, entry)]
    visit.cancel_login()  # « Annuler »: back to the page, nothing changed
    assert visit.page is Page.QUESTION and visit.entry == entry and visit.mediator is None
    assert visit.take_over()
    visit.logged_in(ANNE)
    assert visit.page is Page.QUESTION and visit.entry == entry  # the page keeps what it shows
    assert questions.view() == where and visit.back_stack == []
    assert visit.session.mediator_id == ANNE.id  # type: ignore[union-attr]
    assert visit.who() == ANNE.id and visit.assistance().can_hand_over
    entries = {entry}
    for _ in range(3):  # each entry into a page gets a number never given before
        visit.hand_over()
        visit.take_over()
        assert visit.entry not in entries
        entries.add(visit.entry)
        visit.cancel_login()


def test_hand_over_keeps_the_page_and_the_mediator_id(visit: Visit) -> None:
    visit.login("assist")
    assert visit.page is Page.LOGIN
    visit.logged_in(ANNE)
    assert visit.page is Page.PICKER and visit.assisted_by == ANNE.id
    visit.hand_over()  # before the request starts: the request still records them
    assert visit.page is Page.PICKER and visit.mediator is None and visit.who() == "citoyen"
    visit.pick("cg-duplicata")
    visit.say_for_whom("self")
    assert visit.session.mediator_id == ANNE.id  # type: ignore[union-attr]
    entry = visit.entry
    visit.take_over()
    visit.logged_in(ANNE)
    visit.hand_over()
    assert visit.page is Page.QUESTION and visit.entry == entry
    assert visit.assistance() == Assistance(True, None, False, True)


def test_no_take_over_and_no_idle_wipe_while_saving(visit: Visit) -> None:
    rng = random.Random(10)
    start(visit, "cg-duplicata")
    answer_questions(visit, rng, {})
    attach_all(visit, rng)
    visit.confirm_summary()
    visit.session.give_consent("1")  # type: ignore[union-attr]
    visit.start_saving()
    assert not visit.take_over() and visit.page is Page.SAVING
    assert not visit.idle_expired() and visit.session is not None
    visit.save_failed()
    assert visit.page is Page.CONSENT
    assert visit.idle_expired() and visit.page is Page.WELCOME


@pytest.mark.parametrize("page", [p for p in Page if p not in (Page.WELCOME, Page.SAVING)])
def test_idle_wipe_from_every_page_forgets_everything(
        visit: Visit, page: Page, refused: tuple[Outbox, QueuedSubmission]) -> None:
    rng = random.Random(11)
    reach(visit, page, rng, refused[0])
    assert visit.page is page
    session = visit.session
    assert visit.idle_watch
    assert visit.idle_expired()
    assert visit.page is Page.WELCOME and not visit.idle_watch
    assert (visit.session, visit.mediator, visit.procedure, visit.saved_item) == (None,) * 4
    assert session is None or (session.answers == {} and not session.documents)


def reach(visit: Visit, page: Page, rng: random.Random, outbox: Outbox | None = None) -> None:
    """Take ``visit`` to ``page`` the way a person would (a correction needs ``outbox``)."""
    if page is Page.STATUS:
        visit.look_up()
        return
    if page is Page.MANDATE:
        visit.start_alone()
        visit.pick("cg-duplicata")
        visit.say_for_whom("mandat")
        answer_questions(visit, rng, {}, until=page)
        assert visit.page is Page.MANDATE
        return
    if page in (Page.LOGIN,):
        visit.login("queue")
        return
    if page in (Page.QUEUE, Page.ACTIVITY, Page.CORRECTION):
        visit.login("queue")
        visit.logged_in(ANNE)
        if page is Page.ACTIVITY:
            visit.show_activity()
        elif page is Page.CORRECTION:
            assert outbox is not None
            visit.correction_ready(a_correction(visit, outbox))
        return
    visit.start_alone()
    if page is Page.PICKER:
        return
    visit.pick("cg-duplicata")
    if page is Page.FOR_WHOM:
        return
    visit.say_for_whom("self")
    if page is Page.QUESTION:
        return
    answer_questions(visit, rng, {}, until=page)
    if page is Page.REQUIREMENTS:
        return
    if page is Page.DOCUMENTS:
        return
    if page is Page.CHOOSER:
        visit.choose_document(visit.session.required_documents()[0].kind)  # type: ignore[union-attr]
        return
    attach_all(visit, rng)
    if page is Page.SUMMARY:
        return
    if page is Page.CONSENT:
        visit.confirm_summary()
        return
    save(visit)
    if page is Page.END:
        visit.done()


ANSWER_AND_DOCUMENT = "answer and document"


def make_refused(outbox: Outbox, catalogue: Catalogue, refusal: str) -> QueuedSubmission:
    """A request the central service refused: for one answer and one document, for a document
    only, or for no question nor document (a conflict)."""
    visit = Visit(CONFIG, catalogue)
    rng = random.Random(12)
    start(visit, "cg-duplicata")
    answer_questions(visit, rng, {})
    attach_all(visit, rng)
    session = visit.session
    assert session is not None
    session.give_consent("1")
    item = outbox.enqueue(session.to_submission(), list(session.documents.values()))
    outbox.mark_sending(item.id)
    first = session.procedure.steps[-1].fields[0].id
    details = {
        ANSWER_AND_DOCUMENT: [
            {"field": f"answers.{first}", "code": "invalid_format", "message": ""},
            {"field": "documents[0].sha256", "code": "sha256_mismatch", "message": ""}],
        "document": [{"field": "documents[0].sha256", "code": "sha256_mismatch", "message": ""}],
        "conflict": [{"code": "conflict", "message": "Déjà reçue sous un autre numéro."}],
    }[refusal]
    outbox.mark_needs_attention(item.id, "refusée", details)
    session.wipe()
    return outbox.get(item.id)


@pytest.fixture
def refused(tmp_path: Path, catalogue: Catalogue) -> Iterator[tuple[Outbox, QueuedSubmission]]:
    """A request the central service refused for one answer and one document."""
    with open_outbox(tmp_path / "kiosk") as outbox:
        yield outbox, make_refused(outbox, catalogue, ANSWER_AND_DOCUMENT)


def a_correction(visit: Visit, outbox: Outbox):  # type: ignore[no-untyped-def]
    """A correction prepared from the refused request of ``outbox``."""
    item = next(i for i in outbox.list_items() if i.state == "needs_attention")
    return prepare_correction(outbox, visit.catalogue, item.id, kiosk_id=CONFIG.kiosk_id,  # type: ignore[arg-type]
                              site=CONFIG.site, mediator_id=ANNE.id)


def test_correction_opens_on_the_refused_question_and_back_changes_nothing(
        visit: Visit, refused: tuple[Outbox, QueuedSubmission]) -> None:
    outbox, item = refused
    reach(visit, Page.QUEUE, random.Random(13))
    job = visit.correction_job(outbox, item.id)
    correction = job()
    assert visit.correction_ready(correction)
    assert visit.page is Page.CORRECTION and visit.session is correction.session
    assert not visit.assistance().in_request
    visit.begin_correction()
    questions = visit.questions
    assert questions is not None
    view = questions.view()
    assert visit.page is Page.QUESTION and view.remarked
    assert view.remarks[view.field_id].startswith("Le service central a refusé cette réponse")
    assert not visit.assistance().can_hand_over  # a correction: the mediator stays
    assert visit.document_remarks()  # the refused document, until replaced
    while visit.page is Page.QUESTION:
        visit.previous_question(None)
    assert visit.page is Page.CORRECTION
    visit.back()
    assert visit.page is Page.QUEUE and visit.session is None and visit.correcting is None
    assert correction.session.answers == {}  # the rebuilt request is forgotten
    assert outbox.get(item.id).state == "needs_attention"


def test_a_correction_ready_after_the_mediator_left_is_forgotten(
        visit: Visit, refused: tuple[Outbox, QueuedSubmission]) -> None:
    outbox, item = refused
    reach(visit, Page.QUEUE, random.Random(14))
    job = visit.correction_job(outbox, item.id)
    visit.go_home()
    correction = job()
    assert not visit.correction_ready(correction)
    assert visit.page is Page.WELCOME and correction.session.answers == {}


def test_a_correction_is_saved_like_any_request(
        visit: Visit, refused: tuple[Outbox, QueuedSubmission]) -> None:
    outbox, item = refused
    reach(visit, Page.QUEUE, random.Random(15))
    visit.correction_ready(visit.correction_job(outbox, item.id)())
    visit.begin_correction()
    session = visit.session
    assert session is not None
    rng = random.Random(16)
    answer_questions(visit, rng, {})
    if visit.page is Page.DOCUMENTS:
        attach_all(visit, rng)
    assert visit.page is Page.SUMMARY
    save(visit)
    assert visit.correcting is None


@pytest.mark.parametrize(("refusal", "page"), [("document", Page.DOCUMENTS),
                                               ("conflict", Page.SUMMARY)])
def test_a_correction_begins_where_the_first_problem_is(
        visit: Visit, catalogue: Catalogue, tmp_path: Path, refusal: str, page: Page) -> None:
    with open_outbox(tmp_path / "other") as outbox:
        item = make_refused(outbox, catalogue, refusal)
        reach(visit, Page.QUEUE, random.Random(20))
        visit.correction_ready(visit.correction_job(outbox, item.id)())
        visit.begin_correction()
        assert visit.page is page
        assert bool(visit.document_remarks()) == (refusal == "document")


def test_the_queue_s_actions_keep_the_page(visit: Visit) -> None:
    reach(visit, Page.QUEUE, random.Random(17))
    entry = visit.entry
    visit.send_now()
    assert visit.page is Page.QUEUE and visit.entry == entry
    visit.show_activity()
    visit.back()
    assert visit.page is Page.QUEUE
    visit.go_home()
    assert visit.page is Page.WELCOME and visit.mediator is None


def test_a_late_or_doubled_tap_has_no_transition(visit: Visit) -> None:
    with pytest.raises(NoTransition):
        visit.done()
    assert visit.page is Page.WELCOME


def test_the_welcome_screen_calls_a_mediator_and_a_login_clears_it(visit: Visit) -> None:
    visit.call_mediator()
    assert visit.mediator_called
    visit.login("assist")
    visit.logged_in(ANNE)
    assert not visit.mediator_called


# --- the map itself -------------------------------------------------------------------------

def test_every_transition_of_the_map_is_walked(catalogue: Catalogue, monkeypatch, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               refused: tuple[Outbox, QueuedSubmission]) -> None:
    """The walks above, run again with every followed transition recorded, take them all."""
    taken: set[Transition] = set()
    follow = Visit._follow

    def recording(self: Visit, transition: Transition) -> None:
        taken.add(transition)
        follow(self, transition)

    monkeypatch.setattr(Visit, "_follow", recording)

    def fresh() -> Visit:
        return Visit(CONFIG, catalogue)

    test_every_procedure_every_branch_from_welcome_to_end(fresh(), catalogue, "cg-changement-titulaire")
    test_back_walks_every_question_and_the_checklist_to_the_picker_and_home(fresh())
    test_with_nothing_to_decide_the_checklist_comes_first(fresh())
    test_back_from_documents_summary_and_consent(fresh())
    test_documents_wait_for_every_required_one(fresh())
    test_modify_from_the_summary_comes_back_to_it(fresh())
    test_an_answer_changed_from_the_summary_can_lead_to_the_documents(fresh(), catalogue)
    test_take_over_returns_to_the_same_page_and_records_the_mediator(fresh())
    test_hand_over_keeps_the_page_and_the_mediator_id(fresh())
    test_no_take_over_and_no_idle_wipe_while_saving(fresh())
    for page in Page:
        if page not in (Page.WELCOME, Page.SAVING):
            test_idle_wipe_from_every_page_forgets_everything(fresh(), page, refused)
    test_correction_opens_on_the_refused_question_and_back_changes_nothing(fresh(), refused)
    test_a_correction_is_saved_like_any_request(fresh(), refused)
    test_the_queue_s_actions_keep_the_page(fresh())
    for i, (refusal, page) in enumerate((("document", Page.DOCUMENTS), ("conflict", Page.SUMMARY))):
        test_a_correction_begins_where_the_first_problem_is(fresh(), catalogue, tmp_path / str(i),
                                                            refusal, page)
    test_the_welcome_screen_calls_a_mediator_and_a_login_clears_it(fresh())
    from test_representative import (  # acting for someone else, and « Où en est ma demande ? »
        test_a_mediator_can_take_over_on_the_new_pages,
        test_changing_one_s_mind_gives_the_catalogue_s_procedure_again,
        test_where_is_my_request_and_back_home,
        walk_for_someone_else,
    )
    walk_for_someone_else(fresh())
    from test_prefill import walk_scan_first  # a mediator scans the proof of address first
    walk_scan_first(fresh(), tmp_path)
    test_changing_one_s_mind_gives_the_catalogue_s_procedure_again(catalogue)
    test_a_mediator_can_take_over_on_the_new_pages(catalogue)
    test_where_is_my_request_and_back_home(catalogue)
    for page in (Page.PICKER, Page.REQUIREMENTS, Page.DOCUMENTS, Page.CHOOSER, Page.SUMMARY,
                 Page.CONSENT):
        visit = fresh()
        reach(visit, page, random.Random(18))
        visit.take_over()
        visit.logged_in(ANNE)
        assert visit.page is page
        visit.hand_over()
    visit = fresh()
    visit.login("assist")
    visit.logged_in(ANNE)
    visit.pick("cg-duplicata")
    visit.say_for_whom("self")
    answer_questions(visit, random.Random(19), {})
    attach_all(visit, random.Random(19))
    visit.confirm_summary()
    visit.session.give_consent("1")  # type: ignore[union-attr]
    visit.start_saving()
    visit.hand_over()  # while saving: the mediator may leave, the request keeps their id
    assert visit.mediator is None and visit.page is Page.SAVING
    visit = fresh()
    visit.login("assist")
    visit.cancel_login()
    visit = fresh()  # the mediator signed in for the shift starts the next visit (test_shift.py)
    visit.login("assist")
    visit.logged_in(ANNE)
    visit.go_home()
    visit.start_signed_in()
    for page in REQUEST_PAGES:  # « Quitter la démarche » (tests/test_quit.py)
        visit = fresh()
        reach(visit, page, random.Random(20))
        visit.quit()
    missing = set(TRANSITIONS) - taken
    assert not missing, sorted(f"{t.source} --{t.event}--> {t.target} [{t.when}]" for t in missing)


def test_every_condition_of_the_map_is_defined_and_every_page_reached() -> None:
    from kiosk.flow import CONDITIONS

    assert {t.when for t in TRANSITIONS if t.when} == set(CONDITIONS)
    reached = {t.target for t in TRANSITIONS} - {RETURN}
    assert reached == set(Page)
    assert {t.event for t in TRANSITIONS} == set(Event)


def test_the_architecture_page_holds_the_diagram_of_this_map() -> None:
    """docs/ARCHITECTURE.md shows the flow as drawn from the model: regenerate it with
    ``python -m kiosk.flow`` when the map changes."""
    page = (Path(__file__).resolve().parent.parent / "docs" / "ARCHITECTURE.md").read_text()
    assert f"```mermaid\n{mermaid()}```" in page, "paste the output of: python -m kiosk.flow"
