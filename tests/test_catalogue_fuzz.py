"""No definition file can stop the others loading or leave a citizen stuck (issue 10, item 3).

Hypothesis mutates the shipped files, as data (keys deleted, values of other
types, random options and conditions, huge and nested values) and as text
(cut, spliced, YAML syntax broken, bytes that are not UTF-8). Whatever it
makes, ``load_catalogue`` returns; a good file beside the mutant still loads;
a refusal is always one the checks foresaw; and every procedure that loads
can be walked to its end: each question's validator runs on odd input with
nothing but a French refusal, each question accepts at least one answer,
and the request can be built.
"""

from __future__ import annotations

import contextlib
import copy
import json
import random
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.procedure_checks import DEFAULT_CHECK
from kiosk.procedures import UNEXPECTED, Field, Procedure, load_catalogue
from kiosk.samples import sample_answer
from kiosk.schema_check import compile_schema
from kiosk.session import ProcedureSession
from kiosk.validators import KINDS, OPTIONS, ValidationError, date_window
from resources import resource_path

NOW = datetime(2026, 11, 30, 10, 17, tzinfo=UTC)
SHIPPED = {p.name: p.read_text(encoding="utf-8")
           for p in sorted(resource_path("procedures").glob("*.yaml"))}
PARSED = {name: yaml.safe_load(text) for name, text in SHIPPED.items()}
FIELD_IDS = sorted({f["id"] for d in PARSED.values() for s in d["steps"] for f in s["fields"]})
OPTION_NAMES = sorted({n for options in OPTIONS.values() for n in options}
                      | {"max_year_ago", "today", "min_age", "length "})
WORDS = sorted(set(FIELD_IDS) | KINDS | set(OPTION_NAMES) | {
    "oui", "non", "text", "digits", "choice", "date", "yes_no", "when", "field", "equals", "in",
    "not_equals", "answered", "older_than_years", "all", "any", "not", "options", "check",
    "must_equal", "choices", "value", "label", "required", "max_size_mb", "formats", "pdf",
})
PROBES = ("", " ", "0", "1", "oui", "non", "AB-123-CD", "05/03/1950", "31/12/2099", "2026-11-30",
          "a@b.fr", "06 12 34 56 78", "x" * 600, "\x00", "\ud800", "é", "9" * 40, "14h30")
SIGNATURES = {"pdf": b"%PDF-1.4\n", "jpg": b"\xff\xd8\xff\xe0", "png": b"\x89PNG\r\n\x1a\n",
              "bmp": b"BM", "tiff": b"II*\x00"}

EDGES = ["", "x", 0, 0.1, 0.09, 1, 1.0, 1.5, 50, 50.5, 240, 241, -1, True, None, [], {}, "A",
         "http://x", "2026-11-30", "1.2", "cg-a"]  # the schema's bounds and patterns, either side
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 200), st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20),
    st.sampled_from(WORDS), st.just("x" * 5000),
    st.sampled_from(EDGES),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(WORDS) | st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
option_values = st.one_of(st.booleans(), st.integers(-3, 160), st.integers(0, 60),
                          st.floats(allow_nan=True), st.sampled_from(["oui", "16", ""]))
options = st.dictionaries(st.sampled_from(OPTION_NAMES), option_values, max_size=4)


@st.composite
def conditions(draw: st.DrawFn, depth: int = 0) -> dict[str, Any]:
    if depth < 3 and draw(st.booleans()):
        key = draw(st.sampled_from(["all", "any", "not"]))
        if key == "not":
            return {"not": draw(conditions(depth + 1))}
        return {key: draw(st.lists(conditions(depth + 1), min_size=1, max_size=3))}
    operator = draw(st.sampled_from(["equals", "not_equals", "in", "answered", "older_than_years",
                                     "younger_than_years"]))
    operand: Any = {
        "equals": st.sampled_from(WORDS), "not_equals": st.sampled_from(WORDS),
        "in": st.lists(st.sampled_from(WORDS), min_size=1, max_size=3), "answered": st.booleans(),
    }.get(operator, st.integers(0, 120) | st.floats(allow_nan=True))
    return {"field": draw(st.sampled_from(FIELD_IDS)), operator: draw(operand)}


def places(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value of the parsed file."""
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += places(value, (*path, index))
    return found


def at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


@st.composite
def mutated_data(draw: st.DrawFn, data: Any, most: int = 3) -> Any:
    data = copy.deepcopy(data)
    for _ in range(draw(st.integers(1, most))):
        paths = places(data)
        path = draw(st.sampled_from(paths))
        target = at(data, path)
        how = draw(st.sampled_from(["delete", "replace", "insert", "options", "condition", "check",
                                    "move", "in_range"]))
        # a field an earlier mutation of this draw replaced by a scalar is no field to edit
        fields = [p for p in paths if len(p) == 4 and p[0] == "steps" and p[2] == "fields"
                  and isinstance(at(data, p), dict)]
        if how == "delete" and path:
            del at(data, path[:-1])[path[-1]]
        elif how == "replace" and path:
            at(data, path[:-1])[path[-1]] = draw(values)
        elif how == "insert" and isinstance(target, dict):
            target[draw(st.sampled_from(WORDS))] = draw(values)
        elif how == "options" and fields:
            at(data, draw(st.sampled_from(fields)))["options"] = draw(options)
        elif how == "condition" and isinstance(target, dict):
            target["when"] = draw(conditions())
        elif how == "check" and fields:
            fld = at(data, draw(st.sampled_from(fields)))
            fld["type"] = draw(st.sampled_from(["text", "digits", "date", "choice", "yes_no"]))
            fld["check"] = draw(st.sampled_from(sorted(KINDS)))
        elif how == "in_range" and fields:  # options that may well load: the walk must then pass
            fld = at(data, draw(st.sampled_from(fields)))
            kind = draw(st.sampled_from(sorted(k for k in OPTIONS if OPTIONS[k])))
            fld.update(type={"date": "date", "digits": "digits"}.get(kind, "text"), check=kind)
            for key in ("choices", "must_equal", "refusal"):
                fld.pop(key, None)
            fld["options"] = draw(st.dictionaries(st.sampled_from(sorted(OPTIONS[kind])),
                                                  st.booleans() | st.integers(0, 160), max_size=3))
        elif how == "move" and len(fields) > 1:
            source, dest = draw(st.sampled_from(fields)), draw(st.sampled_from(fields))
            moved = at(data, source[:-1]).pop(source[-1])
            at(data, dest[:-1]).insert(dest[-1], moved)
    return data


@st.composite
def mutated_text(draw: st.DrawFn, text: str) -> bytes:
    raw = text.encode("utf-8")
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.integers(0, len(raw)))
        how = draw(st.sampled_from(["cut", "insert", "delete", "duplicate", "bytes"]))
        if how == "cut":
            raw = raw[:where]
        elif how == "insert":
            piece = draw(st.sampled_from([":", "- ", "[", "]", "{", "}", "&a ", "*a", "!!", "|", ">",
                                          "'", '"', "\t", "\n", "  ", "#", "%", "@", "`", "---\n",
                                          "<<: *a\n", ".nan", "? "]) | st.text(max_size=6))
            raw = raw[:where] + piece.encode("utf-8", "surrogatepass") + raw[where:]
        elif how == "delete":
            raw = raw[:where] + raw[where + draw(st.integers(1, 200)):]
        elif how == "duplicate":
            lines = raw.split(b"\n")
            index = min(where, len(lines) - 1)
            lines.insert(index, lines[index])
            raw = b"\n".join(lines)
        else:
            raw = raw[:where] + draw(st.binary(min_size=1, max_size=4)) + raw[where:]
    return raw


def witness(fld: Field, today: date) -> str:
    """An answer a citizen could give, worked out here apart from the loader's checks."""
    if fld.must_equal is not None:
        return fld.must_equal
    if fld.type in ("yes_no", "choice"):
        return "oui" if fld.type == "yes_no" else fld.choices[0].value
    kind = fld.check or DEFAULT_CHECK[fld.type]
    if kind == "date":
        earliest, latest = date_window(today, **fld.options)
        assert earliest <= latest, fld
        return latest.strftime("%d/%m/%Y")
    if kind == "digits":
        return "1" * fld.options.get("length", min(8, fld.options.get("max_length", 8)))
    answers = {"text": "A", "name": "A", "street": "A", "email": "a@b.fr"}
    if kind in answers:
        return answers[kind]
    return sample_answer(fld, random.Random(0), today)


def walk(procedure: Procedure) -> None:
    session = ProcedureSession(procedure, kiosk_id="7501-K02", site="7501", now=lambda: NOW)
    today = session.today()
    for fld in procedure.all_fields():
        probes = [*PROBES, sample_answer(fld, random.Random(1), today)]
        for raw in probes:
            with contextlib.suppress(ValidationError):  # a French refusal is fine, nothing else
                session.check_field(fld.id, raw)
        session.check_field(fld.id, witness(fld, today))  # never stuck: one answer passes
    while True:
        asked: set[str] = set()
        while pending := [f for f in session.fields() if f.id not in asked]:
            for fld in pending:
                asked.add(fld.id)
                session.set_answer(fld.id, witness(fld, today))
        assert session.step_errors() == {}
        if not session.next():
            break
    for spec in session.required_documents():
        kind = spec.formats[0]
        data = SIGNATURES[kind] + b"\x00" * 64
        session.attach(session.check_document(spec.kind, f"scan.{kind}", data))
    session.summary()
    session.give_consent("2")
    assert session.to_submission().procedure.code == procedure.code
    session.wipe()


def load_beside_good_file(mutant: bytes, base: str) -> None:
    good = next(name for name in SHIPPED if name != base)
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "a-good.yaml").write_text(SHIPPED[good], encoding="utf-8")
        Path(folder, "b-mutant.yaml").write_bytes(mutant)
        catalogue = load_catalogue(Path(folder))
    assert PARSED[good]["code"] in catalogue.procedures
    assert [e.file for e in catalogue.errors] in ([], ["b-mutant.yaml"])
    for error in catalogue.errors:
        assert UNEXPECTED not in error.message, error
    for procedure in catalogue.procedures.values():
        walk(procedure)


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.data(), st.sampled_from(sorted(SHIPPED)))
def test_mutated_definitions_never_break_loading(data: st.DataObject, base: str) -> None:
    mutant = data.draw(mutated_data(PARSED[base]))
    load_beside_good_file(yaml.safe_dump(mutant, allow_unicode=True, sort_keys=False).encode(), base)


@FUZZ
@given(st.data(), st.sampled_from(sorted(SHIPPED)))
def test_damaged_yaml_text_never_breaks_loading(data: st.DataObject, base: str) -> None:
    load_beside_good_file(data.draw(mutated_text(SHIPPED[base])), base)


def test_every_shipped_procedure_can_be_walked() -> None:
    catalogue = load_catalogue()
    assert catalogue.errors == []
    assert len(catalogue.procedures) == len(SHIPPED)
    for procedure in catalogue.procedures.values():
        walk(procedure)


SCHEMA = json.loads(resource_path("procedure.schema.json").read_text("utf-8"))
FAST_IS_VALID = compile_schema(SCHEMA)
REFERENCE_VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


@settings(max_examples=60, deadline=None)
@given(st.data(), st.sampled_from(sorted(SHIPPED)))
def test_compiled_schema_agrees_with_jsonschema(data: st.DataObject, base: str) -> None:
    """The start-up short cut says valid exactly when jsonschema does."""
    pristine = data.draw(st.booleans())
    mutant = copy.deepcopy(PARSED[base]) if pristine else data.draw(mutated_data(PARSED[base], most=1))
    assert FAST_IS_VALID(mutant) == REFERENCE_VALIDATOR.is_valid(mutant)
    leaves = [p for p in places(mutant) if p and isinstance(at(mutant, p), int | float | str)]
    if leaves:  # every edge value, where a bound or pattern applies
        path = data.draw(st.sampled_from(leaves))
        for edge in EDGES:
            at(mutant, path[:-1])[path[-1]] = edge
            assert FAST_IS_VALID(mutant) == REFERENCE_VALIDATOR.is_valid(mutant), (path, edge)


def test_compiled_schema_refuses_keywords_it_does_not_know() -> None:
    with pytest.raises(ValueError, match="uniqueItems"):
        compile_schema({"type": "array", "uniqueItems": True})
