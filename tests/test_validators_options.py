"""Validator options a definition may give: what the checker accepts, the validator runs with.

The checker reads option names from each validator's signature and adds
ranges. These properties tie it to the real functions: an option it refuses
as unknown makes ``check`` raise ``TypeError``, and options it accepts make
``check`` answer every input with a value or a French refusal, and accept at
least one answer, so no citizen is stuck.
"""

from __future__ import annotations

import contextlib
import inspect
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk import validators
from kiosk.validators import KINDS, OPTIONS, ValidationError, check, date_window, option_problems

TODAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))
ANY_OPTIONS = st.dictionaries(
    st.sampled_from(sorted({n for o in OPTIONS.values() for n in o} | {"max_year_ago", "today"})),
    st.booleans() | st.integers(-5, 60_000) | st.sampled_from([0.5, "1", None]),
    max_size=4,
)


def witness(kind: str, options: dict[str, object], today: date) -> str:
    """One answer the options leave open, worked out from what they mean."""
    if kind == "date":
        earliest, latest = date_window(today, **options)  # type: ignore[arg-type]
        return earliest.strftime("%d/%m/%Y")
    if kind == "digits":
        length = options.get("length")
        return "7" * (length if isinstance(length, int) else 1)
    return {"email": "a@b.fr", "name": "A", "street": "A", "text": "A"}[kind]


def keywords(kind: str) -> set[str]:
    function = validators._VALIDATORS[kind]
    return {p.name for p in inspect.signature(function).parameters.values()
            if p.kind is inspect.Parameter.KEYWORD_ONLY}


def test_option_names_are_the_validators_keywords() -> None:
    for kind in KINDS:
        assert set(OPTIONS[kind]) == keywords(kind) - {"today"}, kind


@settings(max_examples=1500, deadline=None)
@given(st.sampled_from(sorted(KINDS)), ANY_OPTIONS, st.text(max_size=30), TODAYS)
def test_accepted_options_never_break_the_validator(
    kind: str, options: dict[str, object], typed: str, today: date
) -> None:
    problems = list(option_problems(kind, options))
    strangers = [name for name in options if name not in OPTIONS[kind]]
    if strangers:
        assert problems
        if set(strangers) <= keywords(kind):
            return  # ``today``: the session's, never a file's
        try:
            check(kind, "1", **options)
        except TypeError:
            return  # the signature refuses it too
        except ValidationError:
            pass
        raise AssertionError(f"{kind} took {options}, which the checker calls unknown")
    if problems:
        return
    extra: dict[str, object] = {"today": today} if kind in ("date", "formule_number") else {}
    with contextlib.suppress(ValidationError):  # a French refusal is fine, nothing else
        check(kind, typed, **options, **extra)
    if OPTIONS[kind]:
        check(kind, witness(kind, options, today), **options, **extra)


@settings(max_examples=500, deadline=None)
@given(st.sampled_from([k for k in sorted(KINDS) if OPTIONS[k]]), st.data())
def test_every_in_range_value_is_usable(kind: str, data: st.DataObject) -> None:
    """Values at the edges of each range, alone, are accepted and leave an answer open."""
    name = data.draw(st.sampled_from(sorted(OPTIONS[kind])))
    spec = OPTIONS[kind][name]
    value: object = data.draw(st.booleans() if spec.type is bool
                              else st.sampled_from([spec.minimum, spec.maximum]))
    assert list(option_problems(kind, {name: value})) == []
    today = data.draw(TODAYS)
    extra: dict[str, object] = {"today": today} if kind == "date" else {}
    check(kind, witness(kind, {name: value}, today), **{name: value}, **extra)
