"""The consent text shown to the citizen, versioned so each request records which one it accepted."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

from resources import resource_path


@dataclass(frozen=True)
class ConsentText:
    version: str
    title: str
    paragraphs: tuple[str, ...]
    button: str

    @property
    def digest(self) -> str:
        """Short hash of the exact words shown, printed on the receipt."""
        words = "\n".join((self.version, self.title, *self.paragraphs, self.button))
        return hashlib.sha256(words.encode("utf-8")).hexdigest()[:12]


def load_consent(path: Path | None = None) -> ConsentText:
    data = yaml.safe_load((path or resource_path("consent.yaml")).read_text(encoding="utf-8"))
    return ConsentText(
        version=str(data["version"]),
        title=data["title"],
        paragraphs=tuple(data["paragraphs"]),
        button=data["button"],
    )
