"""The audit journal: ids only, append-only, and every kind of tampering found and placed."""

from __future__ import annotations

import json
import shutil
import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.audit import (
    CITIZEN,
    KINDS,
    VALUES,
    AuditError,
    Head,
    Journal,
    entry_hash,
    export,
    note_settings_read,
)
from kiosk.cli import main
from kiosk.config import KioskConfig
from kiosk.mediators import MAX_FAILURES, MediatorDirectory, MediatorError
from kiosk.receipts.print_log import PrintLog

SUBMISSION = "3f0c8a52-6f2e-4a1b-9a51-0d3b1c2e4f5a"
VISIT = "9b1d7e0a-2c3f-4d5e-8f9a-0b1c2d3e4f5a"
NAME = "Anne Martin"

# A well-formed value for every field, to build a valid entry of every kind.
GOOD: dict[str, object] = {
    "visit": VISIT, "submission": SUBMISSION, "supersedes": SUBMISSION, "account": "m-0001",
    "mediator": "m-0001", "mode": "alone", "outcome": "abandoned", "procedure": "cg-changement-adresse",
    "page": "question", "step": "identite", "seconds": 75, "receipt": "enregistrement", "copy": 0,
    "printed": "ok", "error_code": "no_printer", "dossier": "CG-2026-000123",
    "reference": "PN-7501-K02-000001", "change": "added", "saved": 3, "lost": 0,
    "settings_sha256": "a" * 64, "reason": "lapsed",
}


class Clock:
    def __init__(self) -> None:
        self.moment = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.moment += timedelta(minutes=1)
        return self.moment


def a_journal(folder: Path, entries: int = 10, clock: Clock | None = None) -> Journal:
    journal = Journal(folder / "audit.db", now=clock or Clock())
    kinds = sorted(KINDS)
    for i in range(entries):
        kind = kinds[i % len(kinds)]
        journal.append("m-0001" if i % 2 else CITIZEN, kind, **{f: GOOD[f] for f in KINDS[kind]})
    return journal


def tamper(path: Path, *statements: str) -> None:
    """What someone with the file and sqlite3 could do: drop the guards, then edit."""
    db = sqlite3.connect(path)
    db.execute("DROP TRIGGER entries_never_change")
    db.execute("DROP TRIGGER entries_removed_by_prune_only")
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()


def problems_of(path: Path) -> list[tuple[int, str]]:
    with Journal(path) as journal:
        return [(p.n, p.message) for p in journal.verify().problems]


def test_every_kind_takes_its_fields_and_the_chain_verifies(tmp_path: Path) -> None:
    journal = a_journal(tmp_path, entries=len(KINDS))
    assert journal.verify().ok
    assert journal.verify().entries == len(KINDS)
    head = journal.head()
    last = list(journal.entries())[-1]
    assert head == Head(len(KINDS), last.hash)
    assert Head.parse(str(head)) == head
    assert stat.S_IMODE((tmp_path / "audit.db").stat().st_mode) == 0o600


def test_a_name_cannot_get_into_any_kind_of_entry(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "audit.db")
    for kind, allowed in KINDS.items():
        good = {f: GOOD[f] for f in allowed}
        for extra in ("name", "nom", "answers", "comment"):
            with pytest.raises(AuditError, match=extra):
                journal.append(CITIZEN, kind, **good, **{extra: NAME})
        for field in allowed:
            for disguise in (NAME, "Martin", "anne martin", "Anne", 12.5, ["Anne"]):
                with pytest.raises(AuditError, match=field):
                    journal.append(CITIZEN, kind, **{**good, field: disguise})
        with pytest.raises(AuditError):
            journal.append(NAME, kind, **good)
    assert list(journal.entries()) == []
    assert set(VALUES) == set().union(*KINDS.values()), "every field has a rule, every rule a field"


def test_the_database_itself_refuses_an_edit_or_a_removal(tmp_path: Path) -> None:
    a_journal(tmp_path, 3).close()
    db = sqlite3.connect(tmp_path / "audit.db")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("UPDATE entries SET who = 'm-0002' WHERE n = 2")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("DELETE FROM entries WHERE n = 3")


@pytest.fixture
def real_copy(tmp_path: Path) -> Path:
    """A journal of 10 entries, copied as IT would copy one before checking it."""
    original = tmp_path / "kiosk"
    original.mkdir()
    a_journal(original).close()
    copy = tmp_path / "copy"
    shutil.copytree(original, copy)
    assert problems_of(copy / "audit.db") == []
    return copy / "audit.db"


def test_an_edited_entry_is_named(real_copy: Path) -> None:
    tamper(real_copy, "UPDATE entries SET who = 'm-0002' WHERE n = 4")
    assert problems_of(real_copy) == [(4, "Entrée n° 4 : son contenu a été modifié "
                                          "(l'empreinte ne correspond plus).")]


def test_an_edit_with_its_hash_recomputed_is_named_at_the_next_entry(real_copy: Path) -> None:
    with Journal(real_copy) as journal:
        entry = next(e for e in journal.entries() if e.n == 4)
    forged = entry_hash(entry.prev, 4, entry.at, "m-0002", entry.kind, entry.fields)
    tamper(real_copy, f"UPDATE entries SET who = 'm-0002', hash = '{forged}' WHERE n = 4")
    assert [n for n, _ in problems_of(real_copy)] == [5]


def test_a_removed_entry_is_named(real_copy: Path) -> None:
    tamper(real_copy, "DELETE FROM entries WHERE n = 6")
    problems = problems_of(real_copy)
    assert [n for n, _ in problems] == [6, 7]
    assert "l'entrée n° 6 manque" in problems[0][1]


def test_the_first_entry_removed_is_named(real_copy: Path) -> None:
    tamper(real_copy, "DELETE FROM entries WHERE n = 1")
    assert [n for n, _ in problems_of(real_copy)][0] == 1


def test_an_inserted_entry_is_named(real_copy: Path) -> None:
    # Room is made after entry 3 by renumbering, and the forger computes a sound hash.
    with Journal(real_copy) as journal:
        third = next(e for e in journal.entries() if e.n == 3)
    fields = json.dumps({"account": "m-0002"})
    forged = entry_hash(third.hash, 4, third.at, "m-0002", "login_failed", {"account": "m-0002"})
    tamper(real_copy,
           "UPDATE entries SET n = n + 100 WHERE n > 3",
           "UPDATE entries SET n = n - 99 WHERE n > 100",
           f"INSERT INTO entries VALUES (4, '{third.at}', 'm-0002', 'login_failed', '{fields}', "
           f"'{third.hash}', '{forged}')")
    problems = problems_of(real_copy)
    assert [n for n, _ in problems] == [5, 6]
    assert problems[1][1].startswith("Entrées n° 6 à 11 : contenu ou numéro modifié")


def test_reordered_entries_are_named(real_copy: Path) -> None:
    tamper(real_copy,
           "UPDATE entries SET n = 100 WHERE n = 7",
           "UPDATE entries SET n = 7 WHERE n = 8",
           "UPDATE entries SET n = 8 WHERE n = 100")
    assert [n for n, _ in problems_of(real_copy)] == [7, 8, 9]


def test_a_cut_tail_is_seen_against_the_head_sent_with_the_heartbeat(real_copy: Path) -> None:
    with Journal(real_copy) as journal:
        sent = journal.head()
    tamper(real_copy, "DELETE FROM entries WHERE n > 8")
    with Journal(real_copy) as journal:
        assert journal.verify().ok  # alone, a shorter chain is a sound chain
        problems = journal.verify(expected_head=sent).problems
    assert [(p.n, p.message[:22]) for p in problems] == [(9, "Entrées n° 9 à 10 : re")]


def test_verify_and_export_from_the_command_line(real_copy: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("KIOSK_DATA_DIR", str(real_copy.parent))
    monkeypatch.setenv("KIOSK_CONFIG", "")
    assert main(["audit", "verify"]) == 0
    assert "Journal intact : 10 entrée(s), tête 10:" in capsys.readouterr().out
    out = real_copy.parent / "journal.jsonl"
    assert main(["audit", "export", "--output", str(out)]) == 0
    capsys.readouterr()
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [e["n"] for e in lines] == list(range(1, 11))
    assert main(["audit", "export", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "n,at,who,kind,fields,prev,hash"
    tamper(real_copy, "UPDATE entries SET at = '2026-01-01T00:00:00Z' WHERE n = 2")
    evidence = real_copy.read_bytes()
    assert main(["audit", "verify"]) == 2
    assert "Entrée n° 2 : son contenu a été modifié" in capsys.readouterr().out
    assert main(["audit", "export", "--file", str(real_copy)]) == 0
    assert real_copy.read_bytes() == evidence  # checked without a byte changed (no trigger put back)
    assert main(["audit", "verify", "--file", str(real_copy.parent / "absent.db")]) == 1
    assert "n'existe pas" in capsys.readouterr().err
    (real_copy.parent / "garbage.db").write_bytes(b"garbage" * 1000)
    assert main(["audit", "verify", "--file", str(real_copy.parent / "garbage.db")]) == 1
    assert "illisible" in capsys.readouterr().err


def test_pruning_leaves_a_signed_checkpoint_and_a_verifiable_chain(tmp_path: Path) -> None:
    clock = Clock()
    journal = a_journal(tmp_path, 10, clock)
    kinds_before = journal.counts()
    removed = journal.prune(datetime(2026, 11, 30, 9, 4, 30, tzinfo=UTC))  # entries 1-4 are older
    assert removed == 4
    assert [e.n for e in journal.entries()] == [5, 6, 7, 8, 9, 10]
    assert journal.verify().ok
    assert journal.counts() == kinds_before  # reduced to counts, not forgotten
    journal.append(CITIZEN, "mediator_call", visit=VISIT)
    assert journal.verify().ok and journal.head().n == 11
    assert journal.prune(clock.moment + timedelta(days=1)) == 7
    assert list(journal.entries()) == [] and journal.verify().ok
    assert journal.head().n == 11
    journal.append(CITIZEN, "mediator_call", visit=VISIT)
    assert journal.head().n == 12 and journal.verify().ok
    journal.close()
    tamper(tmp_path / "audit.db", "UPDATE checkpoints SET counts = '{}' WHERE first_kept = 5")
    assert [n for n, _ in problems_of(tmp_path / "audit.db")] == [5]


def test_export_formats_hold_the_same_entries(tmp_path: Path) -> None:
    journal = a_journal(tmp_path, 5)
    jsonl = [json.loads(line) for line in export(journal, "jsonl").splitlines()]
    csv_rows = export(journal, "csv").splitlines()[1:]
    assert len(jsonl) == len(csv_rows) == 5
    assert [row.split(",")[0] for row in csv_rows] == [str(e["n"]) for e in jsonl]


def test_a_print_and_the_settings_at_start_are_in_the_journal(tmp_path: Path) -> None:
    with PrintLog.in_data_dir(tmp_path) as prints:
        prints.record(who="m-0001", kind="enregistrement", submission_id=SUBMISSION, fmt="a4")
        prints.record(who=CITIZEN, kind="enregistrement", submission_id=SUBMISSION, fmt="a4",
                      error_code="no_paper")
        prints.record(who=CITIZEN, kind="enregistrement", submission_id=SUBMISSION, fmt="a4")
    config = KioskConfig(data_dir=tmp_path, central_token="secret-1")
    note_settings_read(config)
    note_settings_read(config.with_overrides(central_token="secret-2"))  # the token is left out
    note_settings_read(config.with_overrides(idle_reset_s=45))
    with Journal.in_data_dir(tmp_path) as journal:
        entries = list(journal.entries())
        assert journal.verify().ok
    assert [(e.who, e.fields) for e in entries[:3]] == [
        ("m-0001", {"submission": SUBMISSION, "receipt": "enregistrement", "copy": 0,
                    "printed": "ok"}),
        (CITIZEN, {"submission": SUBMISSION, "receipt": "enregistrement", "copy": 1,
                   "printed": "error", "error_code": "no_paper"}),
        (CITIZEN, {"submission": SUBMISSION, "receipt": "enregistrement", "copy": 1,
                   "printed": "ok"}),
    ]
    digests = [e.fields["settings_sha256"] for e in entries[3:]]
    assert [e.who for e in entries[3:]] == ["systeme"] * 3
    assert digests[0] == digests[1] != digests[2]


def test_an_unwritable_journal_never_stops_a_print(tmp_path: Path,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "audit.db").write_bytes(b"not a database at all" * 100)
    with PrintLog.in_data_dir(tmp_path) as prints:
        prints.record(who=CITIZEN, kind="enregistrement", submission_id=SUBMISSION, fmt="a4")
        assert len(prints.entries()) == 1
    assert "audit entry receipt_printed not written" in caplog.text


def test_failed_logins_a_lockout_and_an_account_change_are_in_the_journal(tmp_path: Path) -> None:
    directory = MediatorDirectory(tmp_path / "mediators.json", clock=lambda: 100.0)
    directory.add("m-0007", "Anne Martin", "246813")
    with pytest.raises(MediatorError):
        directory.verify("Anne Martin", "0000")  # whatever was typed as the id stays out
    for _ in range(MAX_FAILURES):
        with pytest.raises(MediatorError):
            directory.verify("m-0007", "1111")
    with Journal.in_data_dir(tmp_path) as journal:
        entries = [(e.who, e.kind, e.fields) for e in journal.entries()]
        assert journal.verify().ok
    assert entries == [
        ("systeme", "account_changed", {"account": "m-0007", "change": "added"}),
        ("inconnu", "login_failed", {"account": "inconnu"}),
        *[("inconnu", "login_failed", {"account": "m-0007"})] * (MAX_FAILURES - 1),
        ("inconnu", "lockout", {"account": "m-0007"}),
    ]
    assert b"Anne" not in (tmp_path / "audit.db").read_bytes()
