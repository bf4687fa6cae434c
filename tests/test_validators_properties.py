"""Properties every validator keeps, whatever is typed."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.validators import KINDS, ValidationError, check

TODAY = date(2026, 11, 30)
KIND_OPTIONS: dict[str, dict[str, object]] = {
    "date": {"today": TODAY},
    "formule_number": {"today": TODAY},
}

kinds = st.sampled_from(sorted(KINDS))
SIV_LETTERS = "ABCDEFGHJKLMNPQRSTVWXYZ"  # no I, O, U
VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"  # no I, O, Q
DEPARTEMENTS = [f"{n:02d}" for n in range(1, 96)] + ["2A", "2B"] + [str(n) for n in range(971, 977)]


def letters(alphabet: str, size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=alphabet, min_size=size, max_size=size)


def digits(size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet="0123456789", min_size=size, max_size=size)


siv_block = letters(SIV_LETTERS, 2).filter(lambda block: block != "SS")
siv_plates = st.tuples(siv_block, digits(3).filter(lambda n: n != "000"), siv_block).map(
    lambda parts: "-".join(parts)
)
fni_plates = st.tuples(
    st.integers(1, 9999).map(str),
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=3),
    st.sampled_from(DEPARTEMENTS),
).map(lambda parts: " ".join(parts))

VALID: dict[str, st.SearchStrategy[str]] = {
    "plate": st.one_of(siv_plates, fni_plates),
    "vin": letters(VIN_CHARS, 17),
    "formule_number": st.tuples(
        st.integers(2009, TODAY.year).map(str), letters("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 2), digits(5)
    ).map("".join),
    "neph": digits(12),
    "timbre_fiscal": digits(16),
    "ephoto_code": letters("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 22),
    "postal_code": digits(5).filter(lambda code: not code.startswith("00")),
    "insee_code": st.one_of(
        digits(5).filter(lambda code: not code.startswith("00")),
        st.tuples(st.sampled_from(["2A", "2B"]), digits(3)).map("".join),
    ),
    "phone": st.tuples(st.sampled_from("123456789"), digits(8)).map(lambda p: "0" + "".join(p)),
    "date": st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
    "time": st.tuples(st.integers(0, 23), st.integers(0, 59)).map(lambda t: f"{t[0]:02d}:{t[1]:02d}"),
    "digits": st.text(alphabet="0123456789", min_size=1, max_size=50),
    "code_cession": st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=4, max_size=30),
}


def disguise(value: str, draw: st.DrawFn) -> str:
    """Type an official value the way a person might: case, spaces, hyphens."""
    out = []
    for ch in value:
        if ch in " -":
            ch = draw(st.sampled_from([" ", "-", "", "  "]))
        elif draw(st.booleans()):
            ch = ch.lower()
        out.append(ch)
        if ch.isalnum() and draw(st.integers(0, 9)) == 0:
            out.append(" ")
    return draw(st.sampled_from(["", " "])) + "".join(out)


def outcome(kind: str, value: str) -> str | None:
    try:
        return check(kind, value, **KIND_OPTIONS.get(kind, {}))
    except ValidationError as error:
        assert error.message and error.message[-1] in ".)", error.message
        return None


@settings(max_examples=1500)
@given(kind=kinds, value=st.text())
def test_any_text_gives_a_value_or_a_validation_error(kind: str, value: str) -> None:
    result = outcome(kind, value)
    if result is not None:
        assert outcome(kind, result) == result


@settings(max_examples=600)
@given(
    kind=kinds,
    value=st.text(alphabet=st.characters(codec="ascii"), max_size=30)
    | st.text(
        alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -/.@+'",
        max_size=30,
    ),
)
def test_normalising_twice_changes_nothing(kind: str, value: str) -> None:
    result = outcome(kind, value)
    if result is not None:
        assert outcome(kind, result) == result


@st.composite
def typed_valid(draw: st.DrawFn) -> tuple[str, str]:
    kind = draw(st.sampled_from(sorted(VALID)))
    official = draw(VALID[kind])
    typed = official if kind == "date" else disguise(official, draw)
    return kind, typed


@settings(max_examples=1500)
@given(typed_valid())
def test_valid_identifiers_are_accepted_however_typed(case: tuple[str, str]) -> None:
    kind, typed = case
    result = outcome(kind, typed)
    assert result is not None, (kind, typed)
    assert outcome(kind, result) == result


@settings(max_examples=300)
@given(st.sampled_from(sorted(VALID)), st.data())
def test_official_form_is_returned_unchanged(kind: str, data: st.DataObject) -> None:
    official = data.draw(VALID[kind])
    assert outcome(kind, official) == official


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_french_written_date_gives_the_same_day(day: date) -> None:
    typed = f"{day.day:02d}/{day.month:02d}/{day.year:04d}"
    assert check("date", typed) == day.isoformat()


@given(
    st.text(alphabet=st.sampled_from("abcdeéèêëàâîïôöùûüçÿæœABCDÉÈÀÇŒ"), min_size=1, max_size=10).flatmap(
        lambda first: st.lists(st.text(alphabet="abcdefghijéèçàô", min_size=1, max_size=10), max_size=3).map(
            lambda rest: first + "".join(" -'"[i % 3] + part for i, part in enumerate(rest))
        )
    )
)
def test_generated_names_are_kept_as_typed(name: str) -> None:
    assert check("name", f"  {name} ") == name
