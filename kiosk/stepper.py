"""« Étape n sur N »: where a request stands, with an N that never changes under the citizen.

Answers decide which steps a procedure asks (a legal representative for a minor, a
timbre fiscal for a lost licence). Counting only the steps asked so far made « Étape 1
sur 6 » become « 2 sur 7 ». The rule here: N is fixed by the procedure file alone. It
counts the steps asked in every case, then the documents, the check of the answers and
the consent. A step asked only in some cases shares the number of the step before it,
so answering never changes N and never skips a number.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.flow import Visit
    from kiosk.procedures import Procedure

DOCUMENTS_STAGE = "documents"
SUMMARY_STAGE = "summary"
CONSENT_STAGE = "consent"

CLOSING_STAGES: tuple[tuple[str, str], ...] = (
    (DOCUMENTS_STAGE, "Vos documents"),
    (SUMMARY_STAGE, "Vérifier vos réponses"),
    (CONSENT_STAGE, "Votre accord"),
)
"""The stages after the questions, in order, with their French titles."""

STAGE_OF_PAGE: dict[str, str] = {
    "documents": DOCUMENTS_STAGE, "chooser": DOCUMENTS_STAGE, "summary": SUMMARY_STAGE,
    "consent": CONSENT_STAGE, "saving": CONSENT_STAGE,
}
"""Pages after the questions, by ``Page`` value, and the stage each belongs to."""


@dataclass(frozen=True)
class Stage:
    """One segment of the stepper: a step of the procedure or a closing stage."""

    key: str
    """A step id of the procedure, or one of the closing stages."""
    title: str
    number: int


@dataclass(frozen=True)
class Progress:
    """What the stepper shows."""

    number: int
    total: int
    title: str
    next_title: str
    """The title of the next numbered stage ("" at the last)."""


def stages(procedure: Procedure) -> list[Stage]:
    """Every stage a request of ``procedure`` can show, each with its number."""
    found: list[Stage] = []
    number = 0
    for step in procedure.steps:
        if step.when is None or number == 0:
            number += 1
        found.append(Stage(step.id, step.title, number))
    for key, title in CLOSING_STAGES:
        number += 1
        found.append(Stage(key, title, number))
    return found


def progress(procedure: Procedure, stage_key: str) -> Progress:
    """The stepper at ``stage_key`` (a step id or a closing stage); KeyError when unknown."""
    all_stages = stages(procedure)
    here = next((s for s in all_stages if s.key == stage_key), None)
    if here is None:
        raise KeyError(stage_key)
    later = next((s for s in all_stages if s.number == here.number + 1), None)
    return Progress(here.number, all_stages[-1].number, here.title,
                    later.title if later is not None else "")


def visit_progress(visit: Visit) -> Progress | None:
    """The stepper of the visit's page; None where it shows none (before the questions,
    after saving, the mediator's space)."""
    if visit.procedure is None or visit.scanning_first:  # the proof of address before the questions
        return None
    page = visit.page.value
    if page == "question" and visit.session is not None:
        return progress(visit.procedure, visit.session.current.id)
    if page in STAGE_OF_PAGE and visit.session is not None:
        return progress(visit.procedure, STAGE_OF_PAGE[page])
    return None
