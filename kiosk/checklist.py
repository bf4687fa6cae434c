"""The person's checklist: everything the rest of the request will ask for, for their case.

Shown once the questions that decide the case are answered (steps marked ``decides``),
before the others, so that nobody types twenty answers to find a paper or a code missing.
Each item says what to do without it (« Je ne l'ai pas »). The same list is printed to take
home. It is computed here from the definition and the answers: the screen only shows it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from kiosk.conditions import holds
from kiosk.payment import Payment, payment_for
from kiosk.procedures import Note, Procedure

ASK_THE_MEDIATOR = "Parlez-en au médiateur : il vous dit comment l'obtenir."

ItemKind = Literal["answer", "document"]


@dataclass(frozen=True)
class Item:
    """Something to have in hand: a code or number asked later, or a document to scan."""

    kind: ItemKind
    key: str
    """The field id (``answer``) or the document kind (``document``)."""
    title: str
    detail: str
    if_missing: str
    optional: bool = False


@dataclass(frozen=True)
class Checklist:
    procedure_title: str
    situation: tuple[tuple[str, str], ...]
    """The deciding answers the list follows from: (question, answer as shown)."""
    items: tuple[Item, ...]
    payment: Payment
    deadlines: tuple[str, ...]
    duration_minutes: int


def notes_for(notes: Sequence[Note], answers: Mapping[str, str], today: date) -> tuple[str, ...]:
    """The deadlines or « Et maintenant ? » sentences the answers call for."""
    return tuple(note.text for note in notes if holds(note.when, answers, today))


def checklist_for(procedure: Procedure, answers: Mapping[str, str], today: date) -> Checklist:
    """The list for ``answers`` (the deciding ones; the loader checks nothing else matters)."""
    items: list[Item] = []
    situation: list[tuple[str, str]] = []
    for step in procedure.steps:
        if not holds(step.when, answers, today):
            continue
        for fld in step.fields:
            if not holds(fld.when, answers, today):
                continue
            if step.decides and fld.id in answers:
                situation.append((fld.label.rstrip(" ?"), fld.choice_label(answers[fld.id])))
            if fld.bring is not None:
                items.append(Item("answer", fld.id, fld.bring.title,
                                  fld.bring.description or fld.help, fld.bring.if_missing,
                                  not fld.required))
    for spec in procedure.documents:
        if holds(spec.when, answers, today):
            items.append(Item("document", spec.kind, spec.title, spec.description,
                              spec.if_missing or ASK_THE_MEDIATOR, not spec.required))
    items.sort(key=lambda item: item.optional)  # what is needed first, stable otherwise
    return Checklist(
        procedure_title=procedure.title,
        situation=tuple(situation),
        items=tuple(items),
        payment=payment_for(procedure, answers, today),
        deadlines=notes_for(procedure.deadlines, answers, today),
        duration_minutes=procedure.duration_minutes,
    )
