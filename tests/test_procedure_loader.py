"""A broken definition file is refused with its file and place; the others still load."""

from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.procedures import load_catalogue
from resources import resource_path

REFERENCE = resource_path("procedures", "cg-changement-adresse.yaml")


def copy_with(tmp_path: Path, name: str, old: str, new: str) -> Path:
    text = REFERENCE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "place", "words"),
    [
        ("    title: Votre véhicule\n", "", "steps[0]", "« title » manque"),
        ("        type: yes_no\n", "        type: slider\n", "steps[0].fields[1].type (ligne 25)",
         "slider"),
        ("check: formule_number", "check: numerologie", "steps[0].fields[2].check",
         "contrôle inconnu"),
        ("when: {field: carte_siv, equals: \"oui\"}", "when: {field: nom, equals: \"oui\"}",
         "steps[0].fields[2].when", "« nom », qui n'est pas demandé avant"),
        ("      - id: prenoms\n", "      - id: nom\n", "steps[1].fields[1].id", "en double"),
        ("receipt_fields: [plate, nom, prenoms]", "receipt_fields: [plate, age]",
         "receipt_fields[1]", "« age » inconnu"),
        ("theme: carte_grise", "theme: bateau", "theme (ligne 5)", "bateau"),
        ("title: Votre véhicule", "title: [Votre: véhicule", "ligne", "YAML illisible"),
    ],
)
def test_broken_file_is_refused_with_place(
    tmp_path: Path, old: str, new: str, place: str, words: str
) -> None:
    copy_with(tmp_path, "a-good.yaml", "code: cg-changement-adresse", "code: cg-bon")
    copy_with(tmp_path, "b-broken.yaml", old, new)
    catalogue = load_catalogue(tmp_path)
    assert list(catalogue.procedures) == ["cg-bon"]
    [error] = catalogue.errors
    assert error.file == "b-broken.yaml"
    assert place in error.place
    assert words in error.message


def test_duplicate_code_is_refused(tmp_path: Path) -> None:
    copy_with(tmp_path, "a.yaml", "version: \"3\"", "version: \"3\"")
    copy_with(tmp_path, "b.yaml", "version: \"3\"", "version: \"4\"")
    catalogue = load_catalogue(tmp_path)
    assert catalogue.get("cg-changement-adresse").version == "3"
    assert [e.file for e in catalogue.errors] == ["b.yaml"]


def test_not_utf8_file(tmp_path: Path) -> None:
    (tmp_path / "latin.yaml").write_bytes("title: démarche".encode("latin-1"))
    assert load_catalogue(tmp_path).errors[0].message == "le fichier n'est pas en UTF-8"


def test_cli_check_names_file_and_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = copy_with(tmp_path, "broken.yaml", "max_size_mb: 10", "max_size_mb: 0")
    assert main(["procedures", "check", str(REFERENCE), str(broken)]) == 1
    out, err = capsys.readouterr()
    assert "OK cg-changement-adresse.yaml" in out
    assert "REFUSÉ broken.yaml, documents[0].max_size_mb" in err


def test_cli_lists_catalogue_by_theme(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["procedures", "list"]) == 0
    out = capsys.readouterr().out
    assert "carte_grise:" in out
    assert "cg-changement-adresse (version 3)" in out
