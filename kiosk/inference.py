"""Answers deduced from an earlier answer, so that the question is not asked at all.

A question of a procedure may say how its answer follows from another one, e.g.
``infer: {rule: plate_is_siv, from: plate}``: the plate's format already says
whether it is a SIV plate (AB-123-CD) or an old FNI one (123 ABC 75), so
« Votre plaque ressemble-t-elle à AB-123-CD ? » is answered as soon as the plate
is, and skipped. When a rule cannot tell, the question is asked as before. The
deduced answer is an answer like any other: it shows on the summary and goes
with the request.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

_SIV_PLATE = re.compile(r"[A-Z]{2}-[0-9]{3}-[A-Z]{2}")
_FNI_PLATE = re.compile(r"[0-9]{1,4} [A-Z]{1,3} [0-9AB]{2,3}")


def _plate_is_siv(plate: str) -> str | None:
    """« oui » for a SIV plate, « non » for an FNI one, as the plate validator writes them."""
    if _SIV_PLATE.fullmatch(plate):
        return "oui"
    if _FNI_PLATE.fullmatch(plate):
        return "non"
    return None


@dataclass(frozen=True)
class Rule:
    """How an answer follows from another question's answer (a SIV plate from the plate typed)."""

    deduce: Callable[[str], str | None]
    source_checks: frozenset[str]
    """The validator kinds whose normalised answers the rule reads."""
    examples: Mapping[str, str]
    """A source answer for each answer the rule gives (tests walk every branch with them)."""

    @property
    def answers(self) -> frozenset[str]:
        """Every answer the rule can give."""
        return frozenset(self.examples)


RULES: dict[str, Rule] = {
    "plate_is_siv": Rule(_plate_is_siv, frozenset({"plate"}),
                         {"oui": "AB-123-CD", "non": "1234 AB 75"}),
}


@dataclass(frozen=True)
class Inference:
    """A question answered for the person by a rule, from another question's answer."""

    rule: str
    source: str
    """The id of the question whose answer says this one's."""


class _Inferring(Protocol):
    """What :func:`inferred` needs of a question (``kiosk.procedures.Field``)."""

    @property
    def id(self) -> str: ...

    @property
    def infer(self) -> Inference | None: ...


def inferred(fields: Iterable[_Inferring], answers: Mapping[str, str]) -> dict[str, str]:
    """The answers the rules deduce from ``answers``, by question id."""
    deduced: dict[str, str] = {}
    for fld in fields:
        how = fld.infer
        if how is None or how.source not in answers:
            continue
        value = RULES[how.rule].deduce(answers[how.source])
        if value is not None:
            deduced[fld.id] = value
    return deduced


def problems(fld: Mapping[str, Any], earlier: Mapping[str, Mapping[str, Any]],
             answer_values: set[str] | None, check_of: Callable[[Mapping[str, Any]], str | None],
             where: str) -> Iterator[tuple[str, str]]:
    """What is wrong with a question's ``infer`` (its rule, its source, its answers)."""
    how = fld.get("infer")
    if how is None:
        return
    where, question = f"{where}.infer", f"question « {fld['id']} » : "
    rule = RULES.get(how["rule"])
    if rule is None:
        yield f"{where}.rule", question + f"règle de déduction inconnue « {how['rule']} » " \
            f"(possibles : {', '.join(sorted(RULES))})"
        return
    source = earlier.get(how["from"])
    if source is None:
        yield f"{where}.from", question + f"« {how['from']} » n'est pas une question posée avant"
    elif check_of(source) not in rule.source_checks:
        yield f"{where}.from", question + (
            f"la règle « {how['rule']} » lit une réponse de contrôle "
            f"{', '.join(sorted(rule.source_checks))}")
    if answer_values is None or not rule.answers <= answer_values:
        yield f"{where}.rule", question + (
            f"la règle « {how['rule']} » répond {', '.join(sorted(rule.answers))}, "
            "que cette question ne propose pas")
