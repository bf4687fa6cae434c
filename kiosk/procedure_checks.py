"""What the schema cannot say about a procedure file, checked before any citizen meets it.

The schema checks shapes and types. These checks make sure nothing in a file
that passed it can fail, or leave a citizen stuck, once the kiosk runs: ids
are unique, validators and their options exist and can be met, the widget a
type draws can type what its check accepts, conditions read earlier answers
and compare them with values an answer can really take, and no number is
``NaN`` or infinite. Each problem is a JSON-like path in the file and one
French sentence for IT.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import Any

from kiosk import inference, validators
from kiosk.conditions import Condition, referenced_fields

Problem = tuple[str, str]

# The validator used when a field names no ``check`` of its own.
DEFAULT_CHECK: dict[str, str] = {"text": "text", "digits": "digits", "date": "date"}

# What each input widget lets a citizen type: the digit pad has no letters, and the
# date widget hands over day, month and year in three boxes.
CHECKS_FOR_TYPE: dict[str, frozenset[str]] = {
    "text": validators.KINDS,
    "digits": frozenset({"digits", "neph", "timbre_fiscal", "postal_code", "phone"}),
    "date": frozenset({"date"}),
}
_ANSWER_TYPES = frozenset({"choice", "yes_no"})
# Many citizens at a digital point have neither: no procedure may demand them.
NEVER_REQUIRED = frozenset({"email", "phone"})
_COMPARISONS = ("equals", "not_equals", "in")
_AGES = ("older_than_years", "younger_than_years")


def problems(data: Mapping[str, Any]) -> Iterator[Problem]:
    """Every run-time failure this schema-valid definition would meet, in file order."""
    yield from _non_finite(data, "")
    fields: dict[str, Mapping[str, Any]] = {}
    deciding: dict[str, Mapping[str, Any]] = {}  # the answers known when the checklist shows
    step_ids: set[str] = set()
    for s_index, step in enumerate(data["steps"]):
        where = f"steps[{s_index}]"
        if step["id"] in step_ids:
            yield f"{where}.id", f"étape « {step['id']} » en double"
        step_ids.add(step["id"])
        if step.get("decides") and len(deciding) < len(fields):
            yield f"{where}.decides", (f"l'étape « {step['id']} » décide de la liste : elle doit venir "
                                       "avant toute étape qui ne décide pas")
        yield from _condition(step.get("when"), fields, f"{where}.when")
        for f_index, fld in enumerate(step["fields"]):
            f_where = f"{where}.fields[{f_index}]"
            if fld["id"] in fields:
                yield f"{f_where}.id", f"champ « {fld['id']} » en double"
            yield from _condition(fld.get("when"), fields, f"{f_where}.when")
            yield from _field(fld, f_where)
            yield from inference.problems(fld, fields, answer_values(fld), check_of, f_where)
            if "bring" in fld:  # on the checklist: known from the deciding answers alone
                yield from _decided(step.get("when"), deciding, f"{where}.when")
                yield from _decided(fld.get("when"), deciding, f"{f_where}.when")
            fields.setdefault(fld["id"], fld)
            if step.get("decides"):
                deciding.setdefault(fld["id"], fld)
    kinds: set[str] = set()
    for d_index, doc in enumerate(data["documents"]):
        if doc["kind"] in kinds:
            yield f"documents[{d_index}].kind", f"pièce « {doc['kind']} » en double"
        kinds.add(doc["kind"])
        yield from _condition(doc.get("when"), fields, f"documents[{d_index}].when")
        dated_by = doc.get("dated_by")
        if dated_by is not None and fields.get(dated_by, {}).get("type") != "date":
            yield f"documents[{d_index}].dated_by", f"« {dated_by} » n'est pas une question de date"
        if dated_by is not None and doc.get("max_age_months") is None:
            yield f"documents[{d_index}].dated_by", "sans max_age_months, cette date ne sert à rien"
        for fact, question in doc.get("prefill", {}).items():  # read off its 2D-Doc
            if question not in fields or fields[question]["type"] not in ("text", "digits"):
                yield (f"documents[{d_index}].prefill.{fact}",
                       f"« {question} » n'est pas une question où l'on écrit")
        yield from _decided(doc.get("when"), deciding, f"documents[{d_index}].when")
    for f_index, fee in enumerate(data["fees"]):
        yield from _condition(fee.get("when"), fields, f"fees[{f_index}].when")
        yield from _decided(fee.get("when"), deciding, f"fees[{f_index}].when")
        if fee["amount_eur"] != 0 and not ("paid" in fee and "how" in fee):
            yield f"fees[{f_index}]", "un frais à payer dit quand (« paid ») et comment (« how »)"
    for key in ("deadlines", "next_steps"):
        for n_index, note in enumerate(data[key]):
            if isinstance(note, Mapping):
                yield from _condition(note["when"], fields, f"{key}[{n_index}].when")
    for r_index, name in enumerate(data["receipt_fields"]):
        if name not in fields:
            yield f"receipt_fields[{r_index}]", f"champ « {name} » inconnu"


def check_of(fld: Mapping[str, Any]) -> str | None:
    """The validator kind a field's answer goes through (None for choices and yes/no)."""
    return fld.get("check", DEFAULT_CHECK.get(fld["type"]))


def _non_finite(value: Any, where: str) -> Iterator[Problem]:
    """``.nan`` and ``.inf`` pass every ``minimum``/``maximum`` of a schema, and then break sums."""
    stack: list[tuple[Any, str]] = [(value, where)]
    while stack:
        item, path = stack.pop()
        if isinstance(item, float) and not math.isfinite(item):
            yield path, f"nombre non fini ({item}) : écrivez une valeur réelle"
        elif isinstance(item, Mapping):
            stack.extend((v, f"{path}.{k}" if path else str(k)) for k, v in reversed(list(item.items())))
        elif isinstance(item, list):
            stack.extend((v, f"{path}[{i}]") for i, v in reversed(list(enumerate(item))))


def _field(fld: Mapping[str, Any], where: str) -> Iterator[Problem]:
    question = f"question « {fld['id']} » : "
    kind = fld["type"]
    if kind in _ANSWER_TYPES:
        for key in ("check", "options"):
            if key in fld:
                yield f"{where}.{key}", question + (
                    f"« {key} » ne s'applique pas à une question de type « {kind} »")
        if kind == "yes_no" and "choices" in fld:
            yield f"{where}.choices", question + "une question oui/non a ses deux réponses, sans « choices »"
        if kind == "choice":
            yield from _choices(fld, where, question)
        values = answer_values(fld)
        if "must_equal" in fld and values is not None and fld["must_equal"] not in values:
            yield f"{where}.must_equal", question + (
                f"« {fld['must_equal']} » n'est pas une réponse possible "
                f"({', '.join(sorted(values))}) : personne ne pourrait continuer"
            )
        return
    for key in ("choices", "must_equal", "refusal"):
        if key in fld:
            yield f"{where}.{key}", question + (
                f"« {key} » ne s'applique qu'aux questions « choice » ou « yes_no »"
            )
    check = check_of(fld)
    assert check is not None  # every typed field has a default check
    if check not in validators.KINDS:
        hint = validators.did_you_mean(check, sorted(validators.KINDS))
        yield f"{where}.check", f"contrôle inconnu « {check} »{hint}"
        return
    if check in NEVER_REQUIRED and fld.get("required", True):
        yield f"{where}.required", question + (
            "un e-mail ou un téléphone reste facultatif (required: false) : "
            "beaucoup de personnes n'en ont pas, le reçu imprimé suffit")
    if check not in CHECKS_FOR_TYPE[kind]:
        allowed = ", ".join(sorted(CHECKS_FOR_TYPE[kind]))
        yield f"{where}.check", question + (
            f"le contrôle « {check} » ne convient pas à une question de type « {kind} » "
            f"(la personne ne pourrait pas saisir une réponse acceptée ; possibles : {allowed})"
        )
    for option, message in validators.option_problems(check, fld.get("options", {})):
        yield f"{where}.options" + (f".{option}" if option else ""), question + message


def _choices(fld: Mapping[str, Any], where: str, question: str) -> Iterator[Problem]:
    choices = fld.get("choices")
    if not choices:
        yield where, question + "un champ « choice » doit lister ses choix"
        return
    seen: set[str] = set()
    for index, choice in enumerate(choices):
        if choice["value"] in seen:
            yield f"{where}.choices[{index}].value", question + f"choix « {choice['value']} » en double"
        seen.add(choice["value"])


def answer_values(fld: Mapping[str, Any]) -> set[str] | None:
    """The only answers a choice or yes/no field can hold; None when the answer is typed."""
    if fld["type"] == "yes_no":
        return {"oui", "non"}
    if fld["type"] == "choice":
        return {c["value"] for c in fld.get("choices", ())}
    return None


def _condition(condition: Condition | None, fields: Mapping[str, Mapping[str, Any]],
               where: str) -> Iterator[Problem]:
    """A condition reads earlier answers only, and compares them with values they can hold."""
    if condition is None:
        return
    for key in ("all", "any"):
        for index, part in enumerate(condition.get(key, ())):
            yield from _condition(part, fields, f"{where}.{key}[{index}]")
    if "not" in condition:
        yield from _condition(condition["not"], fields, f"{where}.not")
    if "field" not in condition:
        return
    name = condition["field"]
    target = fields.get(name)
    if target is None:
        yield f"{where}.field", f"la condition lit « {name} », qui n'est pas demandé avant"
        return
    for operator in _COMPARISONS:
        if operator in condition:
            compared = condition[operator]
            for value in compared if isinstance(compared, list) else [compared]:
                reason = _never_an_answer(target, value)
                if reason:
                    yield f"{where}.{operator}", f"la condition compare « {name} » à « {value} », {reason}"
    for operator in _AGES:
        if operator in condition and check_of(target) != "date":
            yield f"{where}.{operator}", (
                f"« {operator} » ne s'applique qu'à une date, et « {name} » n'en est pas une"
            )


def _decided(condition: Condition | None, deciding: Mapping[str, Any], where: str) -> Iterator[Problem]:
    """What the checklist lists may depend only on the answers given before it."""
    for name in sorted(set(referenced_fields(condition)) - set(deciding)):
        yield where, (f"la liste « ce qu'il vous faut » dépend de « {name} » : mettez cette question "
                      "dans une étape « decides: true »")


def _never_an_answer(target: Mapping[str, Any], value: str) -> str:
    """Why ``value`` can never be the stored answer of ``target`` ('' when it can)."""
    values = answer_values(target)
    if values is not None:
        if value in values:
            return ""
        return f"qui n'est pas une de ses réponses ({', '.join(sorted(values))})"
    kind = check_of(target)
    if kind not in validators.KINDS:
        return ""  # reported on the field itself
    try:
        stored = validators.check(kind, value)
    except validators.ValidationError:
        return "qu'aucune réponse acceptée ne peut valoir"
    if stored != value:
        return f"mais une réponse est enregistrée sous la forme « {stored} »"
    return ""
