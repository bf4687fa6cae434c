"""One procedure file's YAML, parsed once: the data, and the nodes whose marks give a line.

The nodes are composed first (libyaml's parser where PyYAML has it), their shape is
checked (alias bombs, cycles, deep nesting, keys given twice), then the data is built
from them; a refusal names the place with its line. Imported only when a procedure
file is read: a catalogue taken from its cache needs no YAML at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from kiosk.procedures import DefinitionRefused

MAX_NODES = 50_000  # values in the file once aliases are expanded
MAX_DEPTH = 32

YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser where PyYAML was built with it (about ten times faster), else pure Python."""


def place(path: Sequence[str | int], root: yaml.Node | None) -> str:
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
            if isinstance(key, yaml.ScalarNode) and key.value == part:
                return value
        return node
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return node


def parse(text: str) -> tuple[Any, yaml.Node | None]:
    """Compose the nodes once (their lines serve the messages), check their shape, then build."""
    loader = YAML_LOADER(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, None
        _check_shape(root)
        try:
            return loader.construct_document(root), root
        except (ValueError, TypeError, OverflowError) as exc:  # e.g. a date 2026-13-45
            raise DefinitionRefused("fichier", f"valeur illisible : {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        place = f"ligne {mark.line + 1}, colonne {mark.column + 1}" if mark else "fichier"
        raise DefinitionRefused(place, f"YAML illisible : {getattr(exc, 'problem', None) or exc}") from None
    except RecursionError:  # the pure-Python composer on very deep nesting
        raise DefinitionRefused("fichier", f"valeurs trop imbriquées ({MAX_DEPTH} niveaux au plus)") from None
    finally:
        loader.dispose()


def _check_shape(root: yaml.Node) -> None:
    """Refuse what would hang or exhaust the checks: alias bombs, cycles, deep nesting, twice-given keys.

    One walk without recursion, where an alias counts each time it is used: a
    bomb stops at MAX_NODES visits, an alias inside itself at MAX_DEPTH.
    """
    visits = 0
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        visits += 1
        if visits > MAX_NODES:
            raise DefinitionRefused(_line(node), f"trop de valeurs ({MAX_NODES} au plus, alias compris)")
        if depth > MAX_DEPTH:
            raise DefinitionRefused(_line(node), (f"valeurs trop imbriquées ({MAX_DEPTH} niveaux au plus), "
                                                  "ou alias qui se contient lui-même"))
        if isinstance(node, yaml.MappingNode):
            _check_keys(node)
            stack.extend((part, depth + 1) for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)


def _line(node: yaml.Node) -> str:
    return f"ligne {node.start_mark.line + 1}"


def _check_keys(node: yaml.MappingNode) -> None:
    """YAML keeps the last of two equal keys silently: the first one would be lost unseen."""
    seen: set[tuple[str, str]] = set()
    for key, _value in node.value:
        if not isinstance(key, yaml.ScalarNode) or key.tag == "tag:yaml.org,2002:merge":
            continue
        if (key.tag, key.value) in seen:
            raise DefinitionRefused(_line(key), f"clé « {key.value} » donnée deux fois")
        seen.add((key.tag, key.value))
