"""Retention: the clock moves on and only what the configured period allows is left."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.audit import CITIZEN, Journal
from kiosk.cli import main
from kiosk.config import KioskConfig, load_config
from kiosk.receipts.print_log import PrintLog
from kiosk.retention import apply_retention, retention_at_start
from kiosk.visits import VisitRecord, VisitStore

DAY0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
VISIT_IDS = [f"00000000-0000-4000-8000-{i:012d}" for i in range(10)]


def visit(i: int, started: datetime, outcome: str = "saved_offline") -> VisitRecord:
    return VisitRecord(VISIT_IDS[i], started, started + timedelta(minutes=12), "cg-duplicata",
                       "carte_grise", "assisted", "m-0001", outcome, None, None, None, None,  # type: ignore[arg-type]
                       "autonomous")


def fill(data_dir: Path) -> None:
    """One visit, one journal entry and one print line on each of days 0, 10, 20, 30."""
    moment = [DAY0]
    with VisitStore.in_data_dir(data_dir) as store, \
            Journal.in_data_dir(data_dir, now=lambda: moment[0]) as journal, \
            PrintLog.in_data_dir(data_dir) as prints:
        for i, days in enumerate((0, 10, 20, 30)):
            moment[0] = DAY0 + timedelta(days=days)
            store.add(visit(i, moment[0]))
            journal.append(CITIZEN, "visit_start", visit=VISIT_IDS[i], mode="alone")
            prints.record(who=CITIZEN, kind="enregistrement", submission_id=VISIT_IDS[i],
                          fmt="thermal", now=moment[0])


def test_the_clock_moves_and_old_records_become_counts(tmp_path: Path) -> None:
    fill(tmp_path)
    config = KioskConfig(data_dir=tmp_path, audit_retention_days=15)
    report = apply_retention(config, DAY0 + timedelta(days=31))  # cutoff: day 16
    # Each print is in the journal too: visit_start and receipt_printed on each day.
    assert (report.visits, report.journal_entries, report.print_lines) == (2, 4, 2)
    with VisitStore.in_data_dir(tmp_path) as store:
        assert [r.id for r in store.records()] == VISIT_IDS[2:4]
        counts = store.counts(DAY0.date(), (DAY0 + timedelta(days=40)).date())
        assert [(c.day, c.visits, c.seconds, c.bucket, c.autonomy) for c in counts] == [
            (DAY0.date(), 1, 720, "10–20 min", "autonomous"),
            ((DAY0 + timedelta(days=10)).date(), 1, 720, "10–20 min", "autonomous")]
    with Journal.in_data_dir(tmp_path) as journal:
        assert [e.n for e in journal.entries()] == [5, 6, 7, 8]
        assert journal.verify().ok and journal.counts()["visit_start"] == 4
    with PrintLog.in_data_dir(tmp_path) as prints:
        assert [p.submission_id for p in prints.entries()] == VISIT_IDS[2:4]
    # A year later nothing but counts and the checkpoints is left, and the chain still holds.
    apply_retention(config, DAY0 + timedelta(days=400))
    with VisitStore.in_data_dir(tmp_path) as store:
        assert store.records() == []
        assert sum(c.visits for c in store.counts(DAY0.date(), DAY0.date() + timedelta(days=60))) == 4
    with Journal.in_data_dir(tmp_path) as journal:
        assert list(journal.entries()) == [] and journal.verify().ok and journal.head().n == 8
    with PrintLog.in_data_dir(tmp_path) as prints:
        assert prints.entries() == []


def test_nothing_within_the_period_is_touched(tmp_path: Path) -> None:
    fill(tmp_path)
    report = apply_retention(KioskConfig(data_dir=tmp_path), DAY0 + timedelta(days=31))
    assert (report.visits, report.journal_entries, report.print_lines) == (0, 0, 0)


def test_the_period_is_a_checked_setting(tmp_path: Path) -> None:
    toml = tmp_path / "kiosk.toml"
    toml.write_text("[retention]\naudit_days = 90\n")
    assert load_config(toml, env={}).audit_retention_days == 90
    toml.write_text("[retention]\naudit_days = 0\n")
    with pytest.raises(Exception, match="retention.audit_days"):
        load_config(toml, env={})


def test_prune_from_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    fill(tmp_path)
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path))
    toml = tmp_path / "kiosk.toml"
    toml.write_text("[retention]\naudit_days = 30\n")
    monkeypatch.setenv("KIOSK_CONFIG", str(toml))
    assert main(["audit", "prune"]) == 0  # the test days are all more than 30 days ago
    assert "4 visite(s) réduite(s) à des comptes" in capsys.readouterr().out
    assert main(["audit", "verify"]) == 0


def test_the_kiosk_applies_it_at_each_start(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    fill(tmp_path)  # January: more than 30 days before today
    caplog.set_level("INFO")
    report = retention_at_start(KioskConfig(data_dir=tmp_path, audit_retention_days=30))
    assert (report.visits, report.journal_entries, report.print_lines) == (4, 8, 4)
    assert "retention applied: 4 visits to counts, 8 journal entries checkpointed" in caplog.text
