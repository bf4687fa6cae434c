"""A day of made-up visits: the report's counts, its CSV, its PDF and the CRA export match it."""

from __future__ import annotations

import csv
import io
import json
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from kiosk.cli import main
from kiosk.config import KioskConfig
from kiosk.paris_time import PARIS
from kiosk.report_cra import CRA_COLUMNS, CRA_MAPPING, cra_csv, cra_rows
from kiosk.report_pdf import render_report_pdf
from kiosk.report_visits import report_csv, visit_report
from kiosk.visits import DURATION_BUCKETS, CountRow, Profile, VisitRecord, VisitStore

DAY = date(2026, 11, 30)
CONFIG = KioskConfig(site="7501", site_name="Préfecture de Paris", commune_insee="75056")
TITLES = {"cg-duplicata": "Refaire ma carte grise perdue, volée ou abîmée",
          "permis-inscription": "M'inscrire pour passer le permis de conduire"}

# The day, by construction: (procedure, theme, help, mediator, outcome, autonomy, redirection,
# minutes, called after / waited (minutes) or None, how many such visits).
PLAN: list[tuple] = [
    ("cg-duplicata", "carte_grise", "alone", None, "sent", None, None, 6, None, 5),
    ("cg-duplicata", "carte_grise", "assisted", "m-0001", "saved_offline", "fully_accompanied",
     None, 25, None, 3),
    ("cg-duplicata", "carte_grise", "taken_over", "m-0002", "sent", "partly_autonomous", None,
     14, (2, 4), 2),
    ("permis-inscription", "permis", "alone", None, "abandoned", None, None, 3, (1, None), 4),
    ("permis-inscription", "permis", "assisted", "m-0001", "redirected", "autonomous",
     "administration", 45, None, 1),
    ("permis-inscription", "permis", "taken_over", "m-0002", "abandoned", None, None, 70, (5, 10),
     1),
]


def made_up_day() -> list[VisitRecord]:
    """The plan's visits from 8:00 local time, one every 20 minutes, the last after 23:00
    local time (22:xx UTC: still the same local day)."""
    records = []
    start = datetime(2026, 11, 30, 8, 0, tzinfo=PARIS)
    rows = [(row, i) for row in PLAN for i in range(row[-1])]
    for k, ((code, theme, help_, mediator, outcome, autonomy, redirected, minutes, call, _),
            _i) in enumerate(rows):
        begin = start + timedelta(minutes=20 * k) if k < len(rows) - 1 else \
            datetime(2026, 11, 30, 23, 40, tzinfo=PARIS)
        called = begin + timedelta(minutes=call[0]) if call else None
        wait = call[1] * 60 if call and call[1] is not None else None
        records.append(VisitRecord(
            str(uuid.uuid4()), begin.astimezone(UTC), (begin + timedelta(minutes=minutes)).astimezone(UTC),
            code, theme, help_, mediator, outcome,
            "question" if outcome == "abandoned" else None, None, called, wait, autonomy, redirected))
    return records


def other_days() -> list[VisitRecord]:
    """Visits just outside the day, in local time, that the report must leave out."""
    out = []
    for moment in (datetime(2026, 11, 29, 23, 50, tzinfo=PARIS), datetime(2026, 12, 1, 0, 5, tzinfo=PARIS)):
        out.append(VisitRecord(str(uuid.uuid4()), moment.astimezone(UTC),
                               (moment + timedelta(minutes=5)).astimezone(UTC), "cg-duplicata",
                               "carte_grise", "assisted", "m-0001", "sent", None, None, None, None,
                               "autonomous"))
    return out


def expected(key: int) -> dict[object, int]:
    counts: dict[object, int] = {}
    for row in PLAN:
        counts[row[key] or ""] = counts.get(row[key] or "", 0) + row[-1]
    return counts


def bucket_of(minutes: int) -> str:
    return next(label for label, limit in DURATION_BUCKETS if minutes * 60 < limit)


def test_the_report_counts_the_day_as_it_was_made() -> None:
    report = visit_report(made_up_day() + other_days(), [], DAY, DAY)
    total = sum(row[-1] for row in PLAN)
    assert report.total == total == 16
    assert report.by_day == {DAY: 16}
    assert report.by_procedure == expected(0)
    assert report.by_assistance == expected(2)
    assert report.by_outcome == expected(4)
    assert report.by_autonomy == expected(5)
    durations = {label: 0 for label, _ in DURATION_BUCKETS}
    for row in PLAN:
        durations[bucket_of(row[7])] += row[-1]
    assert report.by_duration == durations == {"< 10 min": 9, "10–20 min": 2, "20–30 min": 3,
                                               "30–60 min": 1, "> 60 min": 1}
    assert report.total_seconds == 60 * sum(row[7] * row[-1] for row in PLAN)
    assert (report.calls, report.calls_answered) == (7, 3)
    assert report.call_wait_seconds == 60 * (4 * 2 + 10)


def test_days_past_retention_count_from_their_counts() -> None:
    pruned = [CountRow(DAY - timedelta(days=2), "cg-duplicata", "alone", "sent", "", "< 10 min", 4,
                       1200)]
    report = visit_report(made_up_day(), pruned, DAY - timedelta(days=2), DAY)
    assert list(report.by_day.values()) == [4, 0, 16]
    assert report.by_procedure["cg-duplicata"] == 10 + 4
    assert report.by_duration["< 10 min"] == 9 + 4


def test_the_csv_holds_every_count() -> None:
    report = visit_report(made_up_day(), [], DAY, DAY)
    rows = list(csv.DictReader(io.StringIO(report_csv(report, TITLES))))
    found = {(r["rubrique"], r["cle"]): int(r["visites"]) for r in rows if r["rubrique"] != "total"}
    assert found[("day", "2026-11-30")] == 16
    assert {k: v for (s, k), v in found.items() if s == "outcome"} == expected(4)
    assert {k: v for (s, k), v in found.items() if s == "autonomy"} == expected(5)
    libelles = {(r["rubrique"], r["cle"]): r["libelle"] for r in rows}
    assert libelles[("procedure", "cg-duplicata")] == TITLES["cg-duplicata"]
    assert libelles[("autonomy", "")] == "non renseignée"


def test_the_pdf_reads_back_with_its_charts_numbers(tmp_path: Path) -> None:
    report = visit_report(made_up_day(), [], DAY, DAY)
    pdf = render_report_pdf(report, site_name=CONFIG.site_name, titles=TITLES)
    (tmp_path / "report.pdf").write_bytes(pdf)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Activité du point numérique — Préfecture de Paris" in text
    assert "Du 30/11/2026 au 30/11/2026 : 16 visite(s)" in text
    for label in ("Refaire ma carte grise perdue, volée ou abîmée", "entièrement accompagné",
                  "repris par un médiateur", "orientée ailleurs", "20–30 min", "> 60 min"):
        assert label in text, label
    for title in ("Visites par jour", "Par démarche", "Par issue", "Seul ou accompagné",
                  "Autonomie (selon le médiateur)", "Par durée"):
        assert title in text


def test_the_cra_export_column_by_column() -> None:
    records = made_up_day()
    described = Profile("QuaranteCinquanteNeuf", "Masculin", "EnEmploi", "75056", False)
    records[5] = replace(records[5], profile=described)  # the first assisted visit
    rows = list(csv.DictReader(io.StringIO(cra_csv(cra_rows(records, CONFIG, TITLES)))))
    accompanied = [r for r in records if r.assistance != "alone"]
    assert len(rows) == len(accompanied) == 7  # a citizen alone is not an accompaniment
    assert tuple(rows[0]) == CRA_COLUMNS and set(CRA_MAPPING) == set(CRA_COLUMNS)
    # The issue's field list, each found among the columns.
    for issue_field, column in (("type", "type"), ("date", "date"), ("duration", "duree"),
                                ("place", "structure"), ("INSEE", "lieuCodeInsee"),
                                ("autonomy", "autonomie"), ("equipment", "materiel"),
                                ("themes", "thematiquesDemarche"), ("procedure", "precisionsDemarche"),
                                ("referral", "structureDeRedirection"), ("age band", "trancheAge"),
                                ("gender", "genre"), ("social status", "statutSocial"),
                                ("commune", "communeResidence"), ("no phone", "pasDeTelephone")):
        assert column in CRA_COLUMNS, issue_field
    for row, record in zip(rows, accompanied, strict=True):
        assert row["type"] == "Demarche"
        assert row["date"] == "2026-11-30"
        assert int(row["duree"]) * 60 == record.duration_s
        assert (row["typeLieu"], row["structure"], row["lieuCodeInsee"]) == (
            "LieuActivite", "Préfecture de Paris", "75056")
        assert row["mediateur"] == record.mediator
        assert row["materiel"] == "Autre"
        assert row["thematiquesDemarche"] == "TransportsMobilite"
        assert row["precisionsDemarche"] == TITLES[record.procedure or ""]
        assert row["autonomie"] == {"fully_accompanied": "EntierementAccompagne",
                                    "partly_autonomous": "PartiellementAutonome",
                                    "autonomous": "Autonome", None: ""}[record.autonomy]
        assert row["degreDeFinalisation"] == {"sent": "Finalisee", "saved_offline": "Finalisee",
                                              "abandoned": "DoitRevenir",
                                              "redirected": "OrienteVersStructure"}[record.outcome]
        assert row["structureDeRedirection"] == ("Administration" if record.redirected_to else "")
        anonymous = [row[c] for c in ("trancheAge", "genre", "statutSocial", "communeResidence",
                                      "pasDeTelephone")]
        if record.profile == described:
            assert anonymous == ["QuaranteCinquanteNeuf", "Masculin", "EnEmploi", "75056", "false"]
        else:
            assert anonymous == ["", "", "", "", ""]


def test_the_command_writes_the_three_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    with VisitStore.in_data_dir(tmp_path) as store:
        for record in made_up_day() + other_days():
            store.add(record)
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("KIOSK_CONFIG", "")
    out = tmp_path / "out"
    out.mkdir()
    assert main(["report", "--from", "30/11/2026", "--to", "2026-11-30", "--csv",
                 str(out / "r.csv"), "--pdf", str(out / "r.pdf"), "--cra", str(out / "cra.csv")]) == 0
    printed = capsys.readouterr().out
    assert "Visites : 16" in printed
    assert (out / "r.pdf").read_bytes().startswith(b"%PDF")
    assert len((out / "cra.csv").read_text().splitlines()) == 1 + 7
    assert "day,2026-11-30,2026-11-30,16" in (out / "r.csv").read_text()
    assert main(["report", "--from", "30/11/2026", "--to", "29/11/2026"]) == 1
    assert "--from" in capsys.readouterr().err
    assert main(["report", "--from", "30/11/2026", "--to", "30/11/2026", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["visits"]["total"] == 16
    with pytest.raises(SystemExit):
        main(["report", "--from", "hier"])
    assert "n'est pas une date" in capsys.readouterr().err
