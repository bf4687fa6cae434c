"""Conditions that show or skip a step, a field, a document or a fee.

A condition is plain data from a procedure file (see procedure.schema.json):
``{field: x, equals: "oui"}``, ``{all: [...]}``, ``{any: [...]}``, ``{not: ...}``.
An unanswered field makes every comparison false, so nothing is asked or
required on the strength of an answer not yet given.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

Condition = Mapping[str, Any]


def _years_between(earlier: date, later: date) -> float:
    """Whole years from ``earlier`` to ``later``, counting birthdays exactly."""
    years = later.year - earlier.year
    if (later.month, later.day) < (earlier.month, earlier.day):
        years -= 1
    return years


def holds(condition: Condition | None, answers: Mapping[str, str], today: date) -> bool:
    """True when ``condition`` is satisfied by ``answers`` (None always holds)."""
    if condition is None:
        return True
    if "all" in condition:
        return all(holds(part, answers, today) for part in condition["all"])
    if "any" in condition:
        return any(holds(part, answers, today) for part in condition["any"])
    if "not" in condition:
        return not holds(condition["not"], answers, today)
    value = answers.get(condition["field"])
    if "answered" in condition:
        return (value is not None) == bool(condition["answered"])
    if value is None:
        return False
    if "equals" in condition:
        return bool(value == condition["equals"])
    if "not_equals" in condition:
        return bool(value != condition["not_equals"])
    if "in" in condition:
        return value in condition["in"]
    try:
        when = date.fromisoformat(value)
    except ValueError:
        return False
    if "older_than_years" in condition:
        return _years_between(when, today) >= condition["older_than_years"]
    if "younger_than_years" in condition:
        return _years_between(when, today) < condition["younger_than_years"]
    raise ValueError(f"unknown condition operator in {dict(condition)!r}")


def referenced_fields(condition: Condition | None) -> Iterator[str]:
    """Every field id a condition reads (the loader checks they exist before it)."""
    if condition is None:
        return
    for key in ("all", "any"):
        for part in condition.get(key, ()):
            yield from referenced_fields(part)
    if "not" in condition:
        yield from referenced_fields(condition["not"])
    if "field" in condition:
        yield condition["field"]
