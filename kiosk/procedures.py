"""Procedure definitions: resource files turned into a typed, checked catalogue.

Adding or changing a procedure is editing a YAML file in
``resources/procedures/``. Each file is checked against
``procedure.schema.json`` and then by :mod:`kiosk.procedure_checks` for all
that would fail once the kiosk runs (unknown or impossible validator
options, conditions on unknown questions or values, ``NaN`` sizes...). A
broken file is refused with its name and the place in it (path and line);
the others load, whatever the broken file holds.

Each file is parsed once (:mod:`kiosk.definition_yaml`): composed to nodes (libyaml's
parser where present), whose marks give the line of any problem, then built from those
nodes. A catalogue read from its cache (:mod:`kiosk.catalogue_cache`) imports no YAML.
"""

from __future__ import annotations

import functools
import logging
import stat
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.conditions import Condition, referenced_fields
from kiosk.file_size import file_size
from kiosk.inference import Inference
from resources import resource_path

if TYPE_CHECKING:  # the checks are imported by the loader: a catalogue read from its cache
    from kiosk import schema_check  # (``kiosk.catalogue_cache``) never needs them
    from kiosk.catalogue_themes import Theme

log = logging.getLogger(__name__)

THEMES: dict[str, str] = {"carte_grise": "Carte grise", "permis": "Permis de conduire"}

# Said when a file breaks the loader in a way no check foresaw (a bug of ours, logged for IT).
UNEXPECTED = "erreur inattendue en lisant cette définition ; elle est écartée"


@dataclass(frozen=True)
class Choice:
    """One option of a choice question: the value kept, the words shown, their help."""

    value: str
    label: str
    help: str = ""


@dataclass(frozen=True)
class Bring:
    """What a question needs the person to have in hand (an e-photo code, a timbre fiscal):
    an item of their checklist, and what to do when they do not have it."""

    title: str
    if_missing: str
    description: str = ""
    """What the item is for, on the checklist; the question's own help when empty."""


@dataclass(frozen=True)
class Field:
    """One question. ``type`` picks the widget, ``check`` the validator."""

    id: str
    label: str
    type: str
    check: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    help: str = ""
    example: str = ""
    required: bool = True
    sensitive: bool = False
    when: Condition | None = None
    choices: tuple[Choice, ...] = ()
    must_equal: str | None = None
    refusal: str = ""
    infer: Inference | None = None
    """How the answer follows from an earlier one (``kiosk.inference``): then not asked."""
    bring: Bring | None = None

    def choice_label(self, value: str) -> str:
        """The words shown for a stored choice value."""
        if self.type == "yes_no":
            return {"oui": "Oui", "non": "Non"}.get(value, value)
        return next((c.label for c in self.choices if c.value == value), value)


@dataclass(frozen=True)
class Step:
    """A group of questions: one page when a mediator drives, one question a page otherwise."""

    id: str
    title: str
    fields: tuple[Field, ...]
    help: str = ""
    when: Condition | None = None
    decides: bool = False
    """Asked before the checklist: its answers decide what the person needs."""


@dataclass(frozen=True)
class DocumentSpec:
    """A supporting document: what it is, when it is needed, what files are accepted."""

    kind: str
    title: str
    description: str
    formats: tuple[str, ...]
    max_size_bytes: int
    required: bool = True
    when: Condition | None = None
    colour: bool = False  # never turned grey to make it lighter (a driving licence)
    max_age_months: int | None = None  # must be more recent than this (kiosk.document_age)
    dated_by: str | None = None  # the date question that gives its date; else the date is asked
    if_missing: str = ""
    """What to do without it (where to get it), said under « Je ne l'ai pas »."""
    prefill: tuple[tuple[str, str], ...] | None = None
    """(question id, fact of its 2D-Doc) pairs (the file maps each fact of
    ``kiosk.two_d_doc.FACTS`` to a question): answers offered when it is read
    (``kiosk.prefill``); empty: only its date is read; None: no 2D-Doc is looked for."""


@dataclass(frozen=True)
class Fee:
    """What the procedure costs, as the checklist says it before the person starts."""

    label: str
    amount_eur: float | None
    """None: the amount depends on facts the kiosk does not have (``note`` says who computes it)."""
    note: str = ""
    when: Condition | None = None
    paid: str = ""
    """« before »: bought before the request (its number is typed); « after »: asked for once
    the request is filed; "" when nothing is paid."""
    how: str = ""
    """How and where to pay, in the person's words."""


@dataclass(frozen=True)
class Note:
    """A sentence of « Et maintenant ? » or of the deadlines, said when ``when`` holds."""

    text: str
    when: Condition | None = None


@dataclass(frozen=True)
class Source:
    """An official page a procedure's facts come from, and the day it was checked."""

    title: str
    url: str
    checked: str


@dataclass(frozen=True)
class Procedure:
    """One procedure as its resource file defines it: its questions, documents, fees and sources."""

    code: str
    version: str
    theme: str
    title: str
    summary: tuple[str, ...]
    duration_minutes: int
    steps: tuple[Step, ...]
    documents: tuple[DocumentSpec, ...]
    fees: tuple[Fee, ...]
    deadlines: tuple[Note, ...]
    next_steps: tuple[Note, ...]
    sources: tuple[Source, ...]
    receipt_fields: tuple[str, ...]
    topics: tuple[str, ...] = ()
    """The catalogue screen's subjects this procedure is shown under (``resources/themes.yaml``)."""
    keywords: tuple[str, ...] = ()
    """Words people use for it (« déménagé », « acheté à l'étranger »), for the catalogue search."""

    def all_fields(self) -> Iterator[Field]:
        for step in self.steps:
            yield from step.fields

    def field(self, field_id: str) -> Field:
        for candidate in self.all_fields():
            if candidate.id == field_id:
                return candidate
        raise KeyError(field_id)

    @property
    def receipt_snapshot_fields(self) -> tuple[str, ...]:
        """The answers a receipt keeps: those it prints, and those that choose its fees,
        deadlines and « Et maintenant ? » (read, never printed)."""
        conditions = [f.when for f in self.fees] + [n.when for n in (*self.deadlines, *self.next_steps)]
        read = [name for condition in conditions for name in referenced_fields(condition)]
        return tuple(dict.fromkeys((*self.receipt_fields, *read)))

    def document(self, kind: str) -> DocumentSpec:
        for spec in self.documents:
            if spec.kind == kind:
                return spec
        raise KeyError(kind)


@dataclass(frozen=True)
class DefinitionError:
    """Why one procedure file was refused, said so that IT can find and fix it."""

    file: str
    place: str
    message: str
    more: int = 0  # further problems in the same file (``kiosk procedures check`` lists them)

    def __str__(self) -> str:
        more = f" (et {self.more} autre(s) problème(s))" if self.more else ""
        return f"{self.file}, {self.place} : {self.message}{more}"


class DefinitionRefused(Exception):
    """A file cannot be used: the first problem's place and message, then any others."""

    def __init__(self, place: str, message: str, others: tuple[tuple[str, str], ...] = ()) -> None:
        super().__init__(message)
        self.place = place
        self.message = message
        self.others = others


def _subjects() -> tuple[Theme, ...]:
    """The list of procedures' subjects (``resources/themes.yaml``), read with the procedures:
    a catalogue taken from the cache brings them along."""
    from kiosk.catalogue_themes import load_themes  # noqa: PLC0415 - it imports this module

    return load_themes()


@dataclass
class Catalogue:
    """The procedures read from the resource files, the files refused (and why), the subjects."""

    procedures: dict[str, Procedure] = field(default_factory=dict)
    errors: list[DefinitionError] = field(default_factory=list)
    themes: tuple[Theme, ...] = field(default_factory=_subjects)
    """The subjects the list of procedures shows them under, in screen order."""

    def get(self, code: str) -> Procedure:
        return self.procedures[code]

    def by_theme(self) -> dict[str, list[Procedure]]:
        """Procedures grouped by theme, in theme order then title order."""
        grouped: dict[str, list[Procedure]] = {theme: [] for theme in THEMES}
        for procedure in sorted(self.procedures.values(), key=lambda p: p.title):
            grouped[procedure.theme].append(procedure)
        return {theme: items for theme, items in grouped.items() if items}


# Bounds on one file, so that no file can hang or exhaust the kiosk while it starts.
MAX_FILE_BYTES = 256 * 1024

_JSON_TYPES = {"object": "un dictionnaire (clé: valeur)", "array": "une liste", "string": "un texte",
               "integer": "un nombre entier", "number": "un nombre", "boolean": "true ou false",
               "null": "null"}


@functools.cache
def _schema() -> dict[str, Any]:
    import json  # read on a cache miss only: a start from the cache needs no JSON

    schema: dict[str, Any] = json.loads(resource_path("procedure.schema.json").read_text("utf-8"))
    return schema


@functools.cache
def _schema_is_valid() -> schema_check.Check:
    """The schema compiled once to plain Python: a good file never needs jsonschema."""
    from kiosk import schema_check  # noqa: PLC0415 - only when a file is read

    return schema_check.compile_schema(_schema())


@functools.cache
def _schema_validator() -> Any:
    """jsonschema's validator, built once, to say precisely what is wrong with a bad file."""
    import jsonschema  # noqa: PLC0415 - 60 ms to import: only when a file is refused

    return jsonschema.Draft202012Validator(_schema())


def _parts(path: str) -> list[str | int]:
    """``steps[0].when`` → ``["steps", 0, "when"]``."""
    tokens = path.replace("]", "").replace("[", ".").split(".")
    return [int(token) if token.isdigit() else token for token in tokens if token]


def _read(path: Path) -> str:
    """The file's text, refusing what is not a small UTF-8 regular file before reading it."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise DefinitionRefused("fichier", "ce n'est pas un fichier ordinaire")
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise DefinitionRefused("fichier", f"fichier illisible ({exc.strerror or exc})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise DefinitionRefused("fichier", f"fichier trop gros ({file_size(MAX_FILE_BYTES)} au plus)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DefinitionRefused("fichier", "le fichier n'est pas en UTF-8") from None


def _schema_problem(data: Any) -> tuple[list[str | int], str] | None:
    """The most precise schema error (the deepest one for a oneOf), in French."""
    if _schema_is_valid()(data):
        return None
    import jsonschema  # noqa: PLC0415 - already imported by the validator

    errors = list(_schema_validator().iter_errors(data))
    if not errors:
        return None
    worst = jsonschema.exceptions.best_match(errors)
    assert worst is not None
    return list(worst.absolute_path), _french(worst)


def _french(error: Any) -> str:
    """jsonschema's English message for the common keywords, said in French."""
    keyword, expected, value = error.validator, error.validator_value, error.instance
    shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "…"
    if keyword == "required":
        missing = next((name for name in expected if name not in value), "?")
        return f"« {missing} » manque"
    if keyword == "additionalProperties":
        extra = sorted(str(k) for k in value if k not in error.schema.get("properties", {}))
        return f"clé inconnue : {', '.join(extra)}"
    if keyword == "type":
        kinds = expected if isinstance(expected, list) else [expected]
        return f"{shown} devrait être {' ou '.join(_JSON_TYPES.get(str(k), str(k)) for k in kinds)}"
    if keyword == "enum":
        return f"{shown} n'est pas une valeur permise ({', '.join(map(str, expected))})"
    if keyword == "pattern":
        return f"{shown} n'a pas la forme attendue ({expected})"
    if keyword in ("minItems", "minLength"):
        return f"{shown} est trop court ({expected} au moins)"
    if keyword == "minimum":
        return f"{shown} est trop petit ({expected} au moins)"
    if keyword == "maximum":
        return f"{shown} est trop grand ({expected} au plus)"
    if keyword in ("oneOf", "minProperties", "maxProperties"):
        return f"condition mal écrite : {shown} (field et un seul opérateur, ou all, any, not)"
    return str(error.message)


def _build(data: Mapping[str, Any]) -> Procedure:
    from kiosk.procedure_checks import DEFAULT_CHECK  # noqa: PLC0415 - only when a file is read
    from kiosk.validators import with_notice  # noqa: PLC0415

    steps = tuple(
        Step(
            id=s["id"],
            title=s["title"],
            help=s.get("help", ""),
            when=s.get("when"),
            decides=s.get("decides", False),
            fields=tuple(
                Field(
                    id=f["id"],
                    label=f["label"],
                    type=f["type"],
                    check=f.get("check", DEFAULT_CHECK.get(f["type"])),
                    options=f.get("options", {}),
                    help=with_notice(f.get("help", ""), f.get("check")),
                    example=f.get("example", ""),
                    required=f.get("required", True),
                    sensitive=f.get("sensitive", False),
                    when=f.get("when"),
                    choices=tuple(Choice(**c) for c in f.get("choices", ())),
                    must_equal=f.get("must_equal"),
                    refusal=f.get("refusal", ""),
                    infer=Inference(f["infer"]["rule"], f["infer"]["from"]) if "infer" in f else None,
                    bring=Bring(**f["bring"]) if "bring" in f else None,
                )
                for f in s["fields"]
            ),
        )
        for s in data["steps"]
    )
    return Procedure(
        code=data["code"],
        version=data["version"],
        theme=data["theme"],
        title=data["title"],
        summary=tuple(data["summary"]),
        duration_minutes=data["duration_minutes"],
        steps=steps,
        documents=tuple(
            DocumentSpec(
                kind=d["kind"],
                title=d["title"],
                description=d["description"],
                formats=tuple(d["formats"]),
                max_size_bytes=int(d["max_size_mb"] * 1024 * 1024),
                required=d.get("required", True),
                when=d.get("when"),
                colour=d.get("colour", False),
                max_age_months=d.get("max_age_months"),
                dated_by=d.get("dated_by"),
                if_missing=d.get("if_missing", ""),
                prefill=(tuple((question, fact) for fact, question in d["prefill"].items())
                         if "prefill" in d else None),
            )
            for d in data["documents"]
        ),
        fees=tuple(Fee(f["label"], f["amount_eur"], f.get("note", ""), f.get("when"),
                       f.get("paid", ""), f.get("how", ""))
                   for f in data["fees"]),
        deadlines=tuple(_notes(data["deadlines"])),
        next_steps=tuple(_notes(data["next_steps"])),
        sources=tuple(Source(s["title"], s["url"], s["checked"]) for s in data["sources"]),
        receipt_fields=tuple(data["receipt_fields"]),
        topics=tuple(data.get("topics", ())),
        keywords=tuple(data.get("keywords", ())),
    )


def _notes(items: Sequence[Any]) -> Iterator[Note]:
    for item in items:
        yield Note(item) if isinstance(item, str) else Note(item["text"], item["when"])


def load_definition(path: Path) -> Procedure:
    """Load and check one file; raise DefinitionRefused naming the place of the first problem."""
    from kiosk import (
        definition_yaml,  # noqa: PLC0415 - a cached catalogue needs no YAML
        procedure_checks,  # noqa: PLC0415 - only when a file is read
    )

    data, root = definition_yaml.parse(_read(path))
    schema_problem = _schema_problem(data)
    if schema_problem:
        where, message = schema_problem
        raise DefinitionRefused(definition_yaml.place(where, root), message)
    found = [(definition_yaml.place(_parts(where), root), message)
             for where, message in procedure_checks.problems(data)]
    if found:
        (place, message), *others = found
        raise DefinitionRefused(place, message, tuple(others))
    return _build(data)


def load_catalogue(directory: Path | None = None) -> Catalogue:
    """Every procedure file of ``directory``; broken ones are reported, never fatal to the others."""
    directory = directory or resource_path("procedures")
    catalogue = Catalogue()
    try:
        paths = sorted(directory.glob("*.yaml"))
    except OSError as exc:
        _refuse(catalogue, DefinitionError(str(directory), "dossier", f"illisible ({exc.strerror or exc})"))
        return catalogue
    for path in paths:
        try:
            procedure = load_definition(path)
        except DefinitionRefused as exc:
            _refuse(catalogue, DefinitionError(path.name, exc.place, exc.message, len(exc.others)))
            continue
        except Exception as exc:  # a case the checks missed must not take the other files down
            log.error("procedure definition %s: unexpected %s", path.name, type(exc).__name__)
            _refuse(catalogue, DefinitionError(path.name, "fichier", f"{UNEXPECTED} ({type(exc).__name__})"))
            continue
        if procedure.code in catalogue.procedures:
            _refuse(catalogue, DefinitionError(path.name, "code", f"code « {procedure.code} » déjà utilisé"))
            continue
        catalogue.procedures[procedure.code] = procedure
    return catalogue


def _refuse(catalogue: Catalogue, error: DefinitionError) -> None:
    log.error("procedure definition refused: %s", error)
    catalogue.errors.append(error)
