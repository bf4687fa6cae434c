"""The catalogue screen's subjects, read from ``resources/themes.yaml``.

Sixteen procedures in two lists (carte grise, permis) are too long to read
on a kiosk; people come with a situation (« j'ai déménagé », « j'ai perdu »),
so the screen offers a few subjects named for situations. Each procedure
names its subjects in its own file (``topics``): adding a procedure stays
adding one file. A procedure whose subjects are all unknown is still shown,
under « Autres démarches », and a broken themes file falls back to one subject
per kind of title (carte grise, permis): nobody loses a procedure.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.procedures import THEMES, Procedure
from resources import resource_path

log = logging.getLogger(__name__)

OTHERS = "autres"
OTHERS_LABEL = "Autres démarches"


@dataclass(frozen=True)
class Theme:
    """A subject of the list of procedures, with the words under its name."""

    id: str
    label: str
    help: str = ""


def load_themes(path: Path | None = None) -> tuple[Theme, ...]:
    """The subjects in screen order; the two kinds of title if the file cannot be used."""
    import yaml  # noqa: PLC0415 - with the procedure files; a cached catalogue holds its subjects

    path = path or resource_path("themes.yaml")
    try:
        data: Any = yaml.safe_load(path.read_text("utf-8"))
        themes = tuple(_theme(item) for item in data)
        if not themes or len({t.id for t in themes}) != len(themes):
            raise ValueError("empty list or an id given twice")
    except (OSError, UnicodeDecodeError, yaml.YAMLError, TypeError, KeyError, ValueError) as exc:
        log.error("themes file %s refused (%s): one subject per kind of title instead", path.name,
                  type(exc).__name__)
        return tuple(Theme(key, label) for key, label in THEMES.items())
    return themes


def _theme(item: Any) -> Theme:
    if not isinstance(item, dict) or not all(isinstance(item.get(key), str) for key in ("id", "label")):
        raise TypeError("each subject needs a text id and label")
    return Theme(item["id"], item["label"], str(item.get("help", "")))


def group(procedures: Iterable[Procedure], themes: tuple[Theme, ...]) -> dict[str, list[Procedure]]:
    """Procedures under each subject (title order), empty subjects left out, the unplaced last.

    When ``themes`` are the fallback kinds of title, a procedure is placed by its ``theme``.
    """
    known = {theme.id for theme in themes}
    grouped: dict[str, list[Procedure]] = {theme.id: [] for theme in themes}
    grouped[OTHERS] = []
    for procedure in sorted(procedures, key=lambda p: p.title):
        places = [topic for topic in procedure.topics if topic in known]
        if not places and procedure.theme in known:
            places = [procedure.theme]
        for place in places or [OTHERS]:
            grouped[place].append(procedure)
    return {key: items for key, items in grouped.items() if items}


def label(themes: tuple[Theme, ...], theme_id: str) -> str:
    return next((t.label for t in themes if t.id == theme_id), OTHERS_LABEL)


def help_line(themes: tuple[Theme, ...], theme_id: str) -> str:
    return next((t.help for t in themes if t.id == theme_id), "")
