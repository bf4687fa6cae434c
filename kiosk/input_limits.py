"""Files and JSON from outside, read with bounded work and refused in plain French.

The command line and the configuration read paths typed by a person: a
folder, ``/dev/zero``, a FIFO or a huge file must give a sentence at once,
never a hang, a traceback or the whole memory. A file is opened without
blocking, checked with ``fstat`` (a regular file, not too large) and read at
most up to its limit. JSON is checked for nesting depth and number length
before Python's parser can recurse or build a huge integer.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

from kiosk.file_size import file_size

MAX_JSON_DEPTH = 32
MAX_NUMBER_CHARS = 40
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


class InputRefused(Exception):
    """A French sentence saying why a file or its content cannot be used."""


def shown_name(path: Path | str) -> str:
    """A path as it can be printed: bytes that are not UTF-8 become « � »."""
    return os.fsencode(path).decode("utf-8", "replace")


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    Opened with ``O_NONBLOCK`` so a FIFO cannot block, checked with ``fstat``
    on the same descriptor before any read, read at most ``limit + 1`` bytes
    so a file growing meanwhile is still refused.
    """
    name = shown_name(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputRefused(f"le fichier {name} n'existe pas.") from None
    except IsADirectoryError:
        raise InputRefused(f"{name} est un dossier, pas un fichier.") from None
    except PermissionError:
        raise InputRefused(f"le fichier {name} n'est pas lisible (droits d'accès).") from None
    except OSError as exc:
        raise InputRefused(f"le fichier {name} ne peut pas être ouvert ({exc.strerror}).") from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise InputRefused(f"{name} est un dossier, pas un fichier.")
        if not stat.S_ISREG(info.st_mode):
            raise InputRefused(
                f"{name} n'est pas un fichier ordinaire (périphérique, tube ou prise) : refusé."
            )
        if info.st_size > limit:
            raise InputRefused(
                f"le fichier {name} est trop lourd ({file_size(info.st_size)} ; "
                f"au plus {file_size(limit)})."
            )
        os.set_blocking(descriptor, True)
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0 and (chunk := os.read(descriptor, min(remaining, 1 << 20))):
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as exc:
        raise InputRefused(f"le fichier {name} n'a pas pu être lu ({exc.strerror}).") from None
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > limit:
        raise InputRefused(f"le fichier {name} grossit pendant la lecture : refusé.")
    return data


def _too_long_number(text: str) -> Any:
    raise InputRefused(
        f"un nombre est trop long ({len(text)} caractères ; au plus {MAX_NUMBER_CHARS})."
    )


def _int(text: str) -> int:
    return int(text) if len(text) <= MAX_NUMBER_CHARS else _too_long_number(text)


def _float(text: str) -> float:
    number = float(text) if len(text) <= MAX_NUMBER_CHARS else _too_long_number(text)
    if number in (float("inf"), float("-inf")):
        raise InputRefused(f"le nombre {text} est hors limites.")
    return number


def _constant(text: str) -> Any:
    raise InputRefused(f"« {text} » n'est pas un nombre JSON valable.")


def json_depth(text: str) -> int:
    """How deeply arrays and objects nest in ``text`` (brackets inside strings do not count)."""
    depth = deepest = 0
    for match in _BRACKET.finditer(_STRING.sub("", text)):
        depth += 1 if match.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def parse_json(text: str, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """``json.loads`` with nesting, number length and NaN/Infinity refused in French."""
    import json  # the start reads no JSON: not loaded with the settings

    if (depth := json_depth(text)) > max_depth:
        raise InputRefused(f"le JSON est imbriqué trop profondément ({depth} niveaux ; au plus {max_depth}).")
    try:
        return json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise InputRefused(
            f"ce n'est pas un JSON lisible (ligne {exc.lineno}, colonne {exc.colno} : {exc.msg})."
        ) from None
