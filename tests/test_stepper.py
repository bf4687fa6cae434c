"""« Étape n sur N »: N is fixed by the procedure, and answering never changes it.

Every procedure is walked branch by branch through the visit model; the stepper is
read on every page of the request.
"""

from __future__ import annotations

import random

import pytest
from test_flow import CODES, CONFIG, attach_all, branch_forcings, pick_answer, start

from kiosk.flow import Page, Visit
from kiosk.procedures import Catalogue
from kiosk.stepper import progress, stages, visit_progress


@pytest.mark.parametrize("code", CODES)
def test_the_count_never_changes_and_no_number_is_skipped(catalogue: Catalogue, code: str) -> None:
    procedure = catalogue.get(code)
    total = stages(procedure)[-1].number
    for forced in branch_forcings(procedure):
        visit = Visit(CONFIG, catalogue)
        rng = random.Random(3)
        start(visit, code)
        seen: list[int] = []
        for _ in range(200):
            if visit.page is Page.REQUIREMENTS:  # the checklist, once the case is decided
                assert visit_progress(visit) is None  # an overview, no step
                visit.begin()
            if visit.page is not Page.QUESTION:
                break
            shown = visit_progress(visit)
            assert shown is not None and shown.total == total, (code, shown)
            seen.append(shown.number)
            questions = visit.questions
            assert questions is not None
            field_id = questions.view().field_id
            fld = procedure.field(field_id) if field_id else None
            raw = None
            if fld is not None:
                raw = pick_answer(fld, rng, forced) if fld.required or fld.id in forced else ""
            visit.next_question(raw)
        attach_all(visit, rng)
        visit.confirm_summary()
        assert visit.page is Page.CONSENT
        last = visit_progress(visit)
        assert last is not None and (last.number, last.total, last.next_title) == (total, total, "")
        assert seen[0] == 1
        assert all(b - a in (0, 1) for a, b in zip(seen, seen[1:], strict=False)), (code, seen)


def test_a_step_asked_in_some_cases_shares_the_number_before_it(catalogue: Catalogue) -> None:
    procedure = catalogue.get("permis-renouvellement")
    conditional = next(s for s in procedure.steps if s.when is not None)
    before = procedure.steps[procedure.steps.index(conditional) - 1]
    assert progress(procedure, conditional.id).number == progress(procedure, before.id).number
    unconditional = sum(1 for s in procedure.steps if s.when is None)
    assert progress(procedure, "documents").total == unconditional + 3
    assert progress(procedure, before.id).next_title != conditional.title


def test_no_stepper_before_the_questions(catalogue: Catalogue) -> None:
    visit = Visit(CONFIG, catalogue)
    assert visit_progress(visit) is None
    visit.start_alone()
    visit.pick("cg-duplicata")
    assert visit.page is Page.FOR_WHOM and visit_progress(visit) is None
    visit.say_for_whom("self")
    assert visit.page is Page.QUESTION  # the questions that decide the case come first
    first = visit_progress(visit)
    assert first is not None and first.number == 1
    with pytest.raises(KeyError):
        progress(catalogue.get("cg-duplicata"), "no-such-step")
