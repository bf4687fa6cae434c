"""The questions of a procedure, one per page: which one is on the page and which comes next.

People not at ease with screens answer one thing at a time. This controller
(in the spirit of a form controller: next and previous question in the core)
keeps the question on the page, asks the session whether each answer is
accepted, and decides what « Continuer » and « Retour » lead to:

- the next question the answers call for in the step, else the next step;
- an earlier question of the step that lacks its answer;
- an earlier step that a changed answer made incomplete;
- at the end, « done » (documents or summary), at the start, « cancelled »;
- between the questions that decide the case and the others, the person's
  checklist (« checklist »): see :func:`checklist_between`.

During a correction it also knows the central service's remarks: a step opens
on its first refused question, and a remark stays until the answer changes.
The screen renders :meth:`Questions.view` and passes on what the person typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from kiosk.correction import Remark
from kiosk.inference import inferred
from kiosk.procedures import Field, Step
from kiosk.session import ProcedureSession
from kiosk.validators import ValidationError

MoveKind = Literal["question", "step", "stay", "done", "cancelled", "checklist"]
"""What « Continuer » or « Retour » did: another question of the step, another step (the
screen builds it), nothing (an answer is refused), the questions are over either way, or the
checklist is shown between the deciding questions and the others."""


def checklist_between(before: Step | None, after: Step | None) -> bool:
    """The order rule: the steps that decide the case (``decides``, first in the file) are
    asked, then the checklist of what the rest will ask, then the other steps. True when the
    checklist sits between ``before`` and ``after`` (None: the start of the questions)."""
    return after is not None and not after.decides and (before is None or before.decides)


@dataclass(frozen=True)
class Verdict:
    """The session's word on one answer: kept (``value`` normalised) or refused (``message``)."""

    accepted: bool
    value: str = ""
    message: str | None = None


@dataclass(frozen=True)
class Move:
    kind: MoveKind
    errors: Mapping[str, str] = field(default_factory=dict)
    """Messages to show under questions (field id -> message)."""


@dataclass(frozen=True)
class QuestionView:
    """What the page shows: data, not widgets."""

    step: Step
    entry: int
    """Changes each time a step is (re)entered: the screen builds its widgets again."""
    field_id: str
    """The question on the page ("" when the step asks none)."""
    asked: tuple[str, ...]
    """The step's questions the answers call for, in order; the others are emptied."""
    step_number: int
    step_count: int
    leads_to_summary: bool
    """« Continuer » reads « Valider et revenir au récapitulatif »."""
    remarks: Mapping[str, str]
    """The central service's remarks on this step's questions not yet changed (correction)."""

    @property
    def question_number(self) -> int:
        return self.asked.index(self.field_id) + 1 if self.field_id in self.asked else 0

    @property
    def remarked(self) -> bool:
        """The question on the page is one the central service refused."""
        return self.field_id in self.remarks

    @property
    def other_remarks(self) -> int:
        return len(self.remarks) - 1 if self.remarked else len(self.remarks)


class Questions:
    """Walks ``session`` one question at a time; see the module's docstring."""

    def __init__(self, session: ProcedureSession, remarks: Mapping[str, Remark] | None = None,
                 *, checklist: bool = True) -> None:
        self.session = session
        self.remarks = dict(remarks or {})
        self.checklist = checklist
        """Show the checklist between the deciding steps and the others (not in a correction)."""
        self.field_id = ""
        self.return_to_summary = False
        self.entry = 0

    # --- where the page is ---------------------------------------------------------------

    def open(self, *, at_end: bool = False, return_to_summary: bool = False) -> None:
        """Show the session's current step from its landing question (``at_end``: its last);
        after a « Modifier », the step's last question leads back to the summary."""
        self.return_to_summary = return_to_summary
        self._enter_step(at_end=at_end)

    def _enter_step(self, *, at_end: bool = False) -> None:
        self.entry += 1
        asked = self.asked()
        self.field_id = asked[-1] if at_end and asked else self.landing()

    def fields(self) -> list[Field]:
        return list(self.session.current.fields)

    def asked(self) -> list[str]:
        """Ids of the questions the answers call for in this step, in order (not those whose
        answer follows from an earlier one: ``kiosk.inference``)."""
        deduced = inferred(self.session.procedure.all_fields(), self.session.answers)
        return [f.id for f in self.session.fields() if f.id not in deduced]

    def landing(self) -> str:
        """Where a step opens: its first refused question in a correction, else its first."""
        asked = self.asked()
        pending = self.pending_remarks()
        return next((f for f in asked if f in pending), asked[0] if asked else "")

    def pending_remarks(self) -> dict[str, str]:
        """Remarks on the step's questions whose answer has not been changed since the refusal."""
        if not self.remarks:
            return {}
        session = self.session
        return {
            fld.id: remark.message
            for fld in session.fields()
            if (remark := self.remarks.get(fld.id)) is not None
            and session.answers.get(fld.id, "") == remark.value
        }

    def _settle(self) -> None:
        """The question on the page is no longer asked: show the next one that is."""
        asked = self.asked()
        if self.field_id in asked:
            return
        order = [f.id for f in self.fields()]
        position = order.index(self.field_id) if self.field_id in order else 0
        later = [f for f in asked if order.index(f) >= position]
        self.field_id = later[0] if later else (asked[-1] if asked else "")

    def _following(self) -> str:
        asked = self.asked()
        position = asked.index(self.field_id) if self.field_id in asked else len(asked)
        return asked[position + 1] if position + 1 < len(asked) else ""

    def _preceding(self) -> str:
        asked = self.asked()
        position = asked.index(self.field_id) if self.field_id in asked else 0
        return asked[position - 1] if position > 0 else ""

    def view(self) -> QuestionView:
        self._settle()
        session = self.session
        steps = session.steps()
        return QuestionView(
            step=session.current,
            entry=self.entry,
            field_id=self.field_id,
            asked=tuple(self.asked()),
            step_number=session.index + 1,
            step_count=len(steps),
            leads_to_summary=self.return_to_summary and not self._following(),
            remarks=self.pending_remarks(),
        )

    # --- answers and moves ----------------------------------------------------------------

    def answer(self, field_id: str, raw: str) -> Verdict | None:
        """The question was left or a choice tapped: the session's verdict (None when an
        unanswered question is left empty: nothing to say yet)."""
        if field_id != self.field_id:
            return None  # a question no longer on the page reports late: ignored
        if not raw.strip() and field_id not in self.session.answers:
            return Verdict(True)
        return self._keep(field_id, raw)

    def _keep(self, field_id: str, raw: str) -> Verdict:
        try:
            value = self.session.set_answer(field_id, raw)
        except ValidationError as exc:
            return Verdict(False, message=exc.message)
        return Verdict(True, value)

    def next(self, raw: str | None) -> Move:
        """« Continuer » with ``raw`` typed in the question on the page (None: no question)."""
        session = self.session
        if self.field_id and raw is not None:
            verdict = self._keep(self.field_id, raw)
            self._settle()
            if not verdict.accepted:
                return Move("stay", {self.field_id: verdict.message or ""})
        following = self._following()
        if following:
            self.field_id = following
            return Move("question")
        problems = session.step_errors()
        if problems:  # an earlier question of the step lacks its answer
            return self._show_problem(problems, "question")
        if session.steps_complete() and (self.return_to_summary or session.at_last_step):
            return Move("done")
        if session.at_last_step:
            # An earlier step became incomplete (a changed answer asked a new question).
            incomplete = next(s for s in session.steps() if session.step_errors(s))
            session.goto(incomplete.id)
            self._enter_step()
            return self._show_problem(session.step_errors(), "step")
        before = session.current
        if session.next():
            self._enter_step()
            if self.checklist and not self.return_to_summary and checklist_between(before, session.current):
                return Move("checklist")
            return Move("step")
        return Move("stay")  # unreachable while step_errors() is empty; kept safe

    def _show_problem(self, problems: Mapping[str, str], kind: MoveKind) -> Move:
        first = next(f for f in self.asked() if f in problems)
        self.field_id = first
        return Move(kind, {first: problems[first]})

    def before_checklist(self) -> bool:
        """« Retour » on the checklist: the last deciding question (False: there is none)."""
        index = self.session.index
        if not index or not checklist_between(self.session.steps()[index - 1], self.session.current):
            return False
        self.session.back()
        self._enter_step(at_end=True)
        return True

    def back(self, raw: str | None) -> Move:
        """« Retour »: keep the answer on the page if it is valid, then the previous question,
        else the previous step's last, else the questions are left (« cancelled »)."""
        session = self.session
        if self.field_id and raw is not None and raw.strip():
            try:
                session.check_field(self.field_id, raw)
            except ValidationError:
                pass
            else:
                session.set_answer(self.field_id, raw)
                self._settle()
        preceding = self._preceding()
        if preceding:
            self.field_id = preceding
            return Move("question")
        steps = session.steps()
        if self.checklist and checklist_between(steps[session.index - 1] if session.index else None,
                                                session.current):
            return Move("checklist")  # the step stays: « Continuer » there comes back to it
        if session.back():
            self._enter_step(at_end=True)
            return Move("step")
        return Move("cancelled")
