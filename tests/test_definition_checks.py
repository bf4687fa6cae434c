"""Everything in a definition that would fail once the kiosk runs is refused at load.

Each case takes the reference file, breaks one thing, and checks that only
that file is refused, with its place and a French reason, while a good file
beside it still loads (issue 10, « Procedure definitions »).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.procedures import UNEXPECTED, load_catalogue
from resources import resource_path

REFERENCE = resource_path("procedures", "cg-changement-adresse.yaml")
BIRTH = "options: {not_future: true, min_years_ago: 16}"
PLATE = "        check: plate\n"
SIV = 'when: {field: carte_siv, equals: "oui"}'


def write_with(tmp_path: Path, name: str, old: str, new: str) -> Path:
    text = REFERENCE.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def good_neighbour(tmp_path: Path) -> None:
    write_with(tmp_path, "a-good.yaml", "code: cg-changement-adresse", "code: cg-bon")


def only_error(tmp_path: Path) -> tuple[str, str]:
    catalogue = load_catalogue(tmp_path)
    assert list(catalogue.procedures) == ["cg-bon"]
    [error] = catalogue.errors
    assert error.file == "b-broken.yaml"
    assert UNEXPECTED not in error.message
    return error.place, error.message


CASES = [
    # Validator options: names from the signature, values in range, and together possible.
    pytest.param(BIRTH, "options: {not_future: true, max_year_ago: 16}",
                 "fields[2].options.max_year_ago (ligne 63)",
                 "question « date_naissance » : option « max_year_ago » inconnue pour le contrôle "
                 "« date » — vouliez-vous dire « max_years_ago » ?", id="option-typo"),
    pytest.param(BIRTH, "options: {not_future: true, min_years_ago: 3000}",
                 "options.min_years_ago", "nombre entier de 0 à 150 (trouvé : 3000)", id="min-years-range"),
    pytest.param(BIRTH, "options: {not_future: true, min_years_ago: -1}",
                 "options.min_years_ago", "de 0 à 150", id="min-years-negative"),
    pytest.param(BIRTH, "options: {not_future: true, min_years_ago: 16.5}",
                 "options.min_years_ago", "nombre entier", id="min-years-float"),
    pytest.param(BIRTH, "options: {not_future: true, min_years_ago: .nan}",
                 "options.min_years_ago", "non fini", id="min-years-nan"),
    pytest.param(BIRTH, "options: {not_future: true, min_years_ago: true}",
                 "options.min_years_ago", "nombre entier", id="min-years-bool"),
    pytest.param(BIRTH, "options: {not_future: oui, min_years_ago: 16}",
                 "options.not_future", "vaut true ou false (trouvé : 'oui')", id="flag-not-bool"),
    pytest.param(BIRTH, "options: {not_future: true, min_years_ago: 16, today: 2020-01-01}",
                 "options.today", "option « today » inconnue", id="frozen-today"),
    pytest.param(BIRTH, "options: {min_years_ago: 30, max_years_ago: 20}",
                 "options (ligne 63)", "aucune date ne respecte", id="min-above-max"),
    pytest.param(BIRTH, "options: {not_past: true, min_years_ago: 16}",
                 "options (ligne 63)", "aucune date ne respecte", id="future-and-old"),
    pytest.param(BIRTH, "options: {min_years_ago: 1, max_days_ago: 30}",
                 "options (ligne 63)", "aucune date ne respecte", id="days-vs-years"),
    pytest.param(PLATE, PLATE + "        options: {max_length: 9}\n", "fields[0].options.max_length",
                 "le contrôle « plate » ne prend aucune option", id="options-on-plate"),
    pytest.param("        check: postal_code\n",
                 "        check: digits\n        options: {length: 60}\n",
                 "options.length", "de 1 à 50", id="digits-length-range"),
    pytest.param("        check: postal_code\n",
                 "        check: digits\n        options: {length: 9, max_length: 5}\n",
                 "options.length", "dépasse « max_length »", id="length-above-max-length"),
    pytest.param("        check: email\n", "        check: email\n        options: {max_length: 3}\n",
                 "options.max_length", "de 6 à 254", id="email-too-short"),
    pytest.param(PLATE, "        check: plaque\n", "fields[0].check", "contrôle inconnu « plaque »",
                 id="unknown-check"),
    pytest.param("        check: postal_code\n", "        check: postal\n", "check",
                 "vouliez-vous dire « postal_code » ?", id="check-typo"),
    # The widget must let the citizen type what the check accepts.
    pytest.param("        check: postal_code\n", "        check: name\n", "fields[2].check",
                 "ne convient pas à une question de type « digits »", id="digit-pad-for-names"),
    pytest.param(BIRTH, BIRTH + "\n        check: plate", "fields[2].check",
                 "ne convient pas à une question de type « date »", id="date-widget-plate"),
    # Choice and yes/no questions.
    pytest.param("        type: yes_no\n", "        type: yes_no\n        must_equal: peut-etre\n",
                 "fields[1].must_equal", "personne ne pourrait continuer", id="must-equal-impossible"),
    pytest.param(PLATE, PLATE + "        must_equal: AB-123-CD\n", "fields[0].must_equal",
                 "ne s'applique qu'aux questions", id="must-equal-on-text"),
    pytest.param("        type: yes_no\n", "        type: yes_no\n        check: plate\n",
                 "fields[1].check", "ne s'applique pas", id="check-on-yes-no"),
    pytest.param("        type: yes_no\n",
                 "        type: yes_no\n        choices: [{value: a, label: A}, {value: b, label: B}]\n",
                 "fields[1].choices", "sans « choices »", id="choices-on-yes-no"),
    pytest.param("        type: yes_no\n",
                 "        type: choice\n        choices: [{value: oui, label: A}, {value: oui, label: B}]\n",
                 "choices[1].value", "choix « oui » en double", id="duplicate-choice"),
    pytest.param("        type: yes_no\n", "        type: choice\n        choices: []\n",
                 "fields[1].choices", "trop court", id="empty-choices"),
    # Conditions name known questions and values an answer can take.
    pytest.param(SIV, 'when: {field: carte_siv, equals: "yes"}', "fields[2].when.equals",
                 "« yes », qui n'est pas une de ses réponses (non, oui)", id="condition-unknown-value"),
    pytest.param(SIV, 'when: {field: carte_siv, in: ["oui", "si"]}', "when.in", "« si »",
                 id="condition-in-unknown-value"),
    pytest.param(SIV, 'when: {any: [{field: plate, equals: "ab123cd"}]}', "when.any[0].equals",
                 "enregistrée sous la forme « AB-123-CD »", id="condition-unnormalised-value"),
    pytest.param(SIV, "when: {field: plate, older_than_years: 2}", "when.older_than_years",
                 "ne s'applique qu'à une date", id="age-of-a-plate"),
    pytest.param(SIV, "when: {field: carte_sv, equals: oui}", "when.field",
                 "« carte_sv », qui n'est pas demandé avant", id="condition-unknown-question"),
    # Numbers the schema's bounds let through.
    pytest.param("max_size_mb: 10", "max_size_mb: .nan", "documents[0].max_size_mb (ligne 113)",
                 "non fini", id="nan-size"),
    pytest.param("max_size_mb: 10", "max_size_mb: 0.001", "documents[0].max_size_mb",
                 "trop petit", id="tiny-size"),
    pytest.param("amount_eur: 0", "amount_eur: .inf", "fees[0].amount_eur", "non fini", id="inf-fee"),
    # What would hang or exhaust the loader.
    pytest.param("duration_minutes: 10", "duration_minutes: 10\nduration_minutes: 12",
                 "ligne 12", "« duration_minutes » donnée deux fois", id="duplicate-key"),
    pytest.param('version: "3"', 'version: "3"\nx0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n' + "".join(
        f"x{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 8)),
                 "ligne", "trop de valeurs", id="alias-bomb"),
    pytest.param('version: "3"', 'version: "3"\nloop: &l [*l]', "ligne", "alias qui se contient lui-même",
                 id="recursive-alias"),
    pytest.param('version: "3"', 'version: "3"\nnest: ' + "[" * 200 + "]" * 200, "", "imbriqué",
                 id="deep-nesting"),
    pytest.param("checked: \"2026-11-30\"", "checked: 2026-13-45", "fichier", "valeur illisible",
                 id="impossible-date"),
    pytest.param("duration_minutes: 10", "duration_minutes: " + "9" * 5000, "fichier",
                 "valeur illisible", id="huge-integer"),
    pytest.param("summary:\n", "summary:\n  - " + "x" * 300_000 + "\n", "fichier", "trop gros",
                 id="huge-file"),
]


@pytest.mark.parametrize(("old", "new", "place", "words"), CASES)
def test_run_time_failure_is_refused_at_load(
    tmp_path: Path, old: str, new: str, place: str, words: str
) -> None:
    good_neighbour(tmp_path)
    write_with(tmp_path, "b-broken.yaml", old, new)
    where, message = only_error(tmp_path)
    assert place in where
    assert words in message


def test_unreadable_entries_do_not_stop_the_catalogue(tmp_path: Path) -> None:
    good_neighbour(tmp_path)
    (tmp_path / "b-folder.yaml").mkdir()
    (tmp_path / "c-dangling.yaml").symlink_to(tmp_path / "nowhere")
    os.mkfifo(tmp_path / "d-fifo.yaml")  # would block a plain read
    catalogue = load_catalogue(tmp_path)
    assert list(catalogue.procedures) == ["cg-bon"]
    assert [(e.file, e.message) for e in catalogue.errors] == [
        ("b-folder.yaml", "ce n'est pas un fichier ordinaire"),
        ("c-dangling.yaml", "fichier illisible (No such file or directory)"),
        ("d-fifo.yaml", "ce n'est pas un fichier ordinaire"),
    ]


def test_check_names_file_question_and_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = write_with(tmp_path, "typo.yaml", BIRTH, "options: {not_future: true, max_year_ago: 16}")
    assert main(["procedures", "check", str(REFERENCE), str(broken)]) == 1
    out, err = capsys.readouterr()
    assert "OK cg-changement-adresse.yaml" in out
    assert ("REFUSÉ typo.yaml, steps[1].fields[2].options.max_year_ago (ligne 63) : question "
            "« date_naissance » : option « max_year_ago » inconnue") in err


def test_check_lists_every_problem_of_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = REFERENCE.read_text(encoding="utf-8").replace(BIRTH, "options: {min_years_ago: 300}")
    text = text.replace(SIV, "when: {field: carte_siv, equals: si}")
    (tmp_path / "two.yaml").write_text(text, encoding="utf-8")
    assert main(["procedures", "check", str(tmp_path / "two.yaml")]) == 1
    lines = capsys.readouterr().err.splitlines()
    rows = text.splitlines()
    next_when = next(n for n in range(rows.index("next_steps:"), len(rows)) if "when:" in rows[n]) + 1
    assert [line.split(" : ")[0] for line in lines] == [
        "REFUSÉ two.yaml, steps[0].fields[2].when.equals (ligne 39)",
        "REFUSÉ two.yaml, steps[1].fields[2].options.min_years_ago (ligne 63)",
        f"REFUSÉ two.yaml, next_steps[0].when.equals (ligne {next_when})",  # « Et maintenant ? » reads it too
    ]


def test_refusal_in_the_catalogue_says_more_problems_follow(tmp_path: Path) -> None:
    good_neighbour(tmp_path)
    text = REFERENCE.read_text(encoding="utf-8").replace(BIRTH, "options: {min_years_ago: 300}")
    (tmp_path / "b-broken.yaml").write_text(text.replace(SIV, "when: {field: carte_siv, equals: si}"),
                                            encoding="utf-8")
    [error] = load_catalogue(tmp_path).errors
    assert str(error).endswith("(et 2 autre(s) problème(s))")
