"""Procedure definitions: resource files turned into a typed, checked catalogue.

Adding or changing a procedure is editing a YAML file in
``resources/procedures/``. Each file is checked against
``procedure.schema.json`` and then for consistency (unique ids, conditions
that only read earlier answers, known validator kinds). A broken file is
refused with its name and the place in it (path and line); the others load.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from kiosk import validators
from kiosk.conditions import Condition, referenced_fields
from resources import resource_path

log = logging.getLogger(__name__)

THEMES: dict[str, str] = {"carte_grise": "Carte grise", "permis": "Permis de conduire"}

# The validator used when a field names no ``check`` of its own.
DEFAULT_CHECK: dict[str, str] = {"text": "text", "digits": "digits", "date": "date"}


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    help: str = ""


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

    def choice_label(self, value: str) -> str:
        """The words shown for a stored choice value."""
        if self.type == "yes_no":
            return {"oui": "Oui", "non": "Non"}.get(value, value)
        return next((c.label for c in self.choices if c.value == value), value)


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    fields: tuple[Field, ...]
    help: str = ""
    when: Condition | None = None


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


@dataclass(frozen=True)
class Fee:
    label: str
    amount_eur: float | None
    note: str = ""
    when: Condition | None = None


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    checked: str


@dataclass(frozen=True)
class Procedure:
    code: str
    version: str
    theme: str
    title: str
    summary: tuple[str, ...]
    duration_minutes: int
    steps: tuple[Step, ...]
    documents: tuple[DocumentSpec, ...]
    fees: tuple[Fee, ...]
    deadlines: tuple[str, ...]
    next_steps: tuple[str, ...]
    sources: tuple[Source, ...]
    receipt_fields: tuple[str, ...]

    def all_fields(self) -> Iterator[Field]:
        for step in self.steps:
            yield from step.fields

    def field(self, field_id: str) -> Field:
        for candidate in self.all_fields():
            if candidate.id == field_id:
                return candidate
        raise KeyError(field_id)

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

    def __str__(self) -> str:
        return f"{self.file}, {self.place} : {self.message}"


class DefinitionRefused(Exception):
    def __init__(self, place: str, message: str) -> None:
        super().__init__(message)
        self.place = place
        self.message = message


@dataclass
class Catalogue:
    procedures: dict[str, Procedure] = field(default_factory=dict)
    errors: list[DefinitionError] = field(default_factory=list)

    def get(self, code: str) -> Procedure:
        return self.procedures[code]

    def by_theme(self) -> dict[str, list[Procedure]]:
        """Procedures grouped by theme, in theme order then title order."""
        grouped: dict[str, list[Procedure]] = {theme: [] for theme in THEMES}
        for procedure in sorted(self.procedures.values(), key=lambda p: p.title):
            grouped[procedure.theme].append(procedure)
        return {theme: items for theme, items in grouped.items() if items}


def _schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(resource_path("procedure.schema.json").read_text("utf-8"))
    return schema


def _place(path: list[str | int], root: yaml.Node | None) -> str:
    """A JSON path like ``steps[1].fields[0].type`` plus its line in the file."""
    text = ""
    node = root
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
        node = _child(node, part)
    where = text or "racine du fichier"
    if node is not None:
        where += f" (ligne {node.start_mark.line + 1})"
    return where


def _child(node: yaml.Node | None, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == part:
                return value
        return node
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return node


def _build(data: Mapping[str, Any]) -> Procedure:
    steps = tuple(
        Step(
            id=s["id"],
            title=s["title"],
            help=s.get("help", ""),
            when=s.get("when"),
            fields=tuple(
                Field(
                    id=f["id"],
                    label=f["label"],
                    type=f["type"],
                    check=f.get("check", DEFAULT_CHECK.get(f["type"])),
                    options=f.get("options", {}),
                    help=f.get("help", ""),
                    example=f.get("example", ""),
                    required=f.get("required", True),
                    sensitive=f.get("sensitive", False),
                    when=f.get("when"),
                    choices=tuple(Choice(**c) for c in f.get("choices", ())),
                    must_equal=f.get("must_equal"),
                    refusal=f.get("refusal", ""),
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
            )
            for d in data["documents"]
        ),
        fees=tuple(Fee(f["label"], f["amount_eur"], f.get("note", ""), f.get("when"))
                   for f in data["fees"]),
        deadlines=tuple(data["deadlines"]),
        next_steps=tuple(data["next_steps"]),
        sources=tuple(Source(s["title"], s["url"], s["checked"]) for s in data["sources"]),
        receipt_fields=tuple(data["receipt_fields"]),
    )


def _check_consistency(data: Mapping[str, Any]) -> None:
    """What a schema cannot say: ids unique, conditions read earlier answers only."""
    seen: set[str] = set()
    step_ids: set[str] = set()
    for s_index, step in enumerate(data["steps"]):
        if step["id"] in step_ids:
            raise DefinitionRefused(f"steps[{s_index}].id", f"étape « {step['id']} » en double")
        step_ids.add(step["id"])
        _check_reads(step.get("when"), seen, f"steps[{s_index}].when")
        for f_index, fld in enumerate(step["fields"]):
            where = f"steps[{s_index}].fields[{f_index}]"
            if fld["id"] in seen:
                raise DefinitionRefused(where + ".id", f"champ « {fld['id']} » en double")
            _check_reads(fld.get("when"), seen, where + ".when")
            check = fld.get("check", DEFAULT_CHECK.get(fld["type"]))
            if check is not None and check not in validators.KINDS:
                raise DefinitionRefused(where + ".check", f"contrôle inconnu « {check} »")
            if fld["type"] == "choice" and not fld.get("choices"):
                raise DefinitionRefused(where, "un champ « choice » doit lister ses choix")
            seen.add(fld["id"])
    kinds: set[str] = set()
    for d_index, doc in enumerate(data["documents"]):
        if doc["kind"] in kinds:
            raise DefinitionRefused(f"documents[{d_index}].kind", f"pièce « {doc['kind']} » en double")
        kinds.add(doc["kind"])
        _check_reads(doc.get("when"), seen, f"documents[{d_index}].when")
    for f_index, fee in enumerate(data["fees"]):
        _check_reads(fee.get("when"), seen, f"fees[{f_index}].when")
    for r_index, name in enumerate(data["receipt_fields"]):
        if name not in seen:
            raise DefinitionRefused(f"receipt_fields[{r_index}]", f"champ « {name} » inconnu")


def _check_reads(condition: Condition | None, known: set[str], where: str) -> None:
    for name in referenced_fields(condition):
        if name not in known:
            raise DefinitionRefused(
                where, f"la condition lit « {name} », qui n'est pas demandé avant"
            )


def load_definition(path: Path) -> Procedure:
    """Load and check one file; raise DefinitionRefused naming the place."""
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text)
        data = yaml.safe_load(text)
    except UnicodeDecodeError:
        raise DefinitionRefused("fichier", "le fichier n'est pas en UTF-8") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        place = f"ligne {mark.line + 1}, colonne {mark.column + 1}" if mark else "fichier"
        raise DefinitionRefused(place, f"YAML illisible : {getattr(exc, 'problem', exc)}") from None
    validator = jsonschema.Draft202012Validator(_schema())
    problems = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if problems:
        # The deepest error is the most precise one for a oneOf/anyOf failure.
        worst = jsonschema.exceptions.best_match(problems)
        assert worst is not None
        raise DefinitionRefused(_place(list(worst.absolute_path), root), worst.message)
    try:
        _check_consistency(data)
    except DefinitionRefused as exc:
        path_parts: list[str | int] = []
        for token in exc.place.replace("]", "").replace("[", ".").split("."):
            path_parts.append(int(token) if token.isdigit() else token)
        raise DefinitionRefused(_place(path_parts, root), exc.message) from None
    return _build(data)


def load_catalogue(directory: Path | None = None) -> Catalogue:
    """Every procedure file of ``directory``; broken ones are reported, not fatal."""
    directory = directory or resource_path("procedures")
    catalogue = Catalogue()
    for path in sorted(directory.glob("*.yaml")):
        try:
            procedure = load_definition(path)
        except DefinitionRefused as exc:
            error = DefinitionError(path.name, exc.place, exc.message)
            log.error("procedure definition refused: %s", error)
            catalogue.errors.append(error)
            continue
        if procedure.code in catalogue.procedures:
            error = DefinitionError(path.name, "code", f"code « {procedure.code} » déjà utilisé")
            log.error("procedure definition refused: %s", error)
            catalogue.errors.append(error)
            continue
        catalogue.procedures[procedure.code] = procedure
    return catalogue
