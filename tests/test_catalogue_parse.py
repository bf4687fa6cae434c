"""The catalogue is parsed once, with libyaml where present, and still names lines (issue 14, item 4)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kiosk import catalogue_themes, definition_yaml
from kiosk.catalogue_themes import load_themes
from kiosk.procedures import load_catalogue
from resources import resource_path

REFERENCE = resource_path("procedures", "cg-changement-adresse.yaml")
BROKEN = [
    ("        type: yes_no\n", "        type: slider\n"),
    ("max_size_mb: 10", "max_size_mb: .nan"),
    ("options: {not_future: true, min_years_ago: 16}", "options: {max_year_ago: 16}"),
    ("title: Votre véhicule", "title: [Votre: véhicule"),
    ("duration_minutes: 10", "duration_minutes: 10\nduration_minutes: 12"),
]


def broken_folder(folder: Path) -> Path:
    text = REFERENCE.read_text(encoding="utf-8")
    for index, (old, new) in enumerate(BROKEN):
        (folder / f"broken-{index}.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def test_libyaml_is_used_where_present() -> None:
    assert yaml.__with_libyaml__, "the venv's PyYAML should be built with libyaml"
    assert definition_yaml.YAML_LOADER is yaml.CSafeLoader


def test_each_file_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    composed: list[object] = []
    real = definition_yaml.YAML_LOADER.get_single_node

    def counting(loader: yaml.CSafeLoader) -> object:
        composed.append(loader)
        return real(loader)

    monkeypatch.setattr(definition_yaml.YAML_LOADER, "get_single_node", counting)
    subjects = load_themes()  # the themes file is read once too, with the procedures
    monkeypatch.setattr(catalogue_themes, "load_themes", lambda: subjects)
    for name in ("safe_load", "load", "compose"):
        monkeypatch.setattr(yaml, name, lambda *a, **k: pytest.fail("a second parse"))
    catalogue = load_catalogue()
    assert len(catalogue.procedures) == len(composed) >= 16


def test_pure_python_parser_gives_the_same_places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = broken_folder(tmp_path)
    with_libyaml = [(e.file, e.place) for e in load_catalogue(folder).errors]
    monkeypatch.setattr(definition_yaml, "YAML_LOADER", yaml.SafeLoader)
    # The two parsers word a syntax error differently; the places are the same.
    assert [(e.file, e.place) for e in load_catalogue(folder).errors] == with_libyaml
    assert len(with_libyaml) == len(BROKEN)
    assert all("ligne" in place for _file, place in with_libyaml)


def test_good_catalogue_loads_without_importing_jsonschema() -> None:
    code = ("import sys; from kiosk.procedures import load_catalogue; c = load_catalogue(); "
            "assert len(c.procedures) >= 16 and not c.errors; print('jsonschema' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parent.parent)
    assert result.stdout.strip() == "False"
