"""The screens' Qt catalogues (``resources/translations/kiosk_<lang>.ts``) read as plain XML.

The screens' own strings are translated by Qt (``self.tr``); this reader lets
the core count them and check their French without importing Qt: the coverage
test, ``kiosk translations missing`` and the plain-language check use it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from resources import resource_path

MEDIATOR_CONTEXTS = frozenset({
    "ActivityScreen", "QueueScreen", "MediatorLoginScreen", "CorrectionScreen", "SyncStatus",
    "AutonomyPanel", "CraForm",
})
"""Screens only a mediator uses: translated like the others, but their French is for staff."""


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translations: tuple[str, ...]
    """One text, or one per plural form."""
    finished: bool


def catalogue_path(language: str) -> Path:
    return resource_path("translations", f"kiosk_{language}.ts")


def read_ts(path: Path) -> list[Message]:
    """Every current message of a ``.ts`` file (vanished and obsolete ones left out)."""
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            node = message.find("translation")
            kind = "" if node is None else node.get("type", "")
            if kind in ("vanished", "obsolete"):
                continue
            forms = [] if node is None else [f.text or "" for f in node.findall("numerusform")]
            forms = forms or ["" if node is None else node.text or ""]
            messages.append(Message(name, message.findtext("source", ""), tuple(forms),
                                    kind != "unfinished" and all(f.strip() for f in forms)))
    return messages


def citizen_sources(path: Path | None = None) -> list[str]:
    """The French of every screen string a citizen may read."""
    return [m.source for m in read_ts(path or catalogue_path("en"))
            if m.context not in MEDIATOR_CONTEXTS]
