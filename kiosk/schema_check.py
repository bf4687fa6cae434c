"""A yes/no JSON Schema check compiled once, so a good catalogue loads without jsonschema.

``jsonschema`` costs about 60 ms to import and several times the YAML
parse to validate, on the GUI thread at start-up. The procedure schema uses
a small part of JSON Schema (draft 2020-12), which this module turns into
plain Python closures. It only answers "valid or not": when a file is
invalid, the loader asks ``jsonschema`` itself for the precise error, so
messages are unchanged. ``compile_schema`` refuses any keyword it does not
know, and a property test holds the two to the same answer on mutated files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

Check = Callable[[Any], bool]

_IGNORED = frozenset({"$schema", "$id", "$defs", "title", "description"})


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


# As jsonschema's default type checker: 1.0 is an integer, True is not a number.
_TYPES: dict[str, Check] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": _is_number,
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool))
    or (isinstance(v, float) and v.is_integer()),
}


def compile_schema(schema: Mapping[str, Any]) -> Check:
    """A function telling whether an instance is valid against ``schema``."""
    definitions: dict[str, Check] = {}
    raw_definitions: Mapping[str, Any] = schema.get("$defs", {})

    def reference(target: str) -> Check:
        prefix = "#/$defs/"
        if not target.startswith(prefix) or target[len(prefix):] not in raw_definitions:
            raise ValueError(f"unsupported $ref {target!r}")
        name = target[len(prefix):]
        # Resolved on first use: a definition may refer to itself (conditions nest).
        return lambda value: definitions[name](value)

    def build(part: Mapping[str, Any]) -> Check:
        checks: list[Check] = []
        for keyword, expected in part.items():
            if keyword in _IGNORED:
                continue
            if keyword == "properties":
                continue  # with additionalProperties, below
            checks.append(keyword_check(keyword, expected, part))
        if "properties" in part:
            checks.append(properties_check(part["properties"]))
        return lambda value: all(check(value) for check in checks)

    def keyword_check(keyword: str, expected: Any, part: Mapping[str, Any]) -> Check:
        if keyword == "type":
            kinds = [_TYPES[k] for k in (expected if isinstance(expected, list) else [expected])]
            return lambda value: any(kind(value) for kind in kinds)
        if keyword == "enum":
            if not all(isinstance(e, str) for e in expected):
                raise ValueError("only string enums are supported")
            allowed = frozenset(expected)
            return lambda value: isinstance(value, str) and value in allowed
        if keyword == "pattern":
            search = re.compile(expected).search
            return lambda value: not isinstance(value, str) or search(value) is not None
        if keyword == "minLength":
            return lambda value: not isinstance(value, str) or len(value) >= expected
        if keyword == "minimum":
            return lambda value: not _is_number(value) or not value < expected
        if keyword == "maximum":
            return lambda value: not _is_number(value) or not value > expected
        if keyword == "exclusiveMinimum":
            return lambda value: not _is_number(value) or not value <= expected
        if keyword == "required":
            return lambda value: not isinstance(value, dict) or all(k in value for k in expected)
        if keyword == "additionalProperties":
            if expected is not False:
                raise ValueError("only additionalProperties: false is supported")
            known = frozenset(part.get("properties", {}))
            return lambda value: not isinstance(value, dict) or all(k in known for k in value)
        if keyword == "minProperties":
            return lambda value: not isinstance(value, dict) or len(value) >= expected
        if keyword == "maxProperties":
            return lambda value: not isinstance(value, dict) or len(value) <= expected
        if keyword == "minItems":
            return lambda value: not isinstance(value, list) or len(value) >= expected
        if keyword == "items":
            item = build(expected)
            return lambda value: not isinstance(value, list) or all(item(v) for v in value)
        if keyword == "oneOf":
            options = [build(option) for option in expected]
            return lambda value: sum(1 for option in options if option(value)) == 1
        if keyword == "$ref":
            return reference(expected)
        raise ValueError(f"unsupported schema keyword {keyword!r}")

    def properties_check(properties: Mapping[str, Any]) -> Check:
        compiled = {name: build(sub) for name, sub in properties.items()}

        def check(value: Any) -> bool:
            if not isinstance(value, dict):
                return True
            return all(sub(value[name]) for name, sub in compiled.items() if name in value)

        return check

    for name, definition in raw_definitions.items():
        definitions[name] = build(definition)
    return build(schema)
