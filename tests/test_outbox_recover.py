"""A damaged outbox is detected and left untouched; recovery saves every readable request."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from outbox_helpers import make_body, make_doc

from offline_queue import Outbox, OutboxCorrupt, OutboxError, open_outbox
from offline_queue import recover as recover_module
from offline_queue.crypto import read_key
from offline_queue.recover import recover

PAGE = 4096


def fingerprint(data_dir: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(data_dir.iterdir())
        if p.name.startswith("outbox.db")
    }


def filled_outbox(data_dir: Path, count: int = 40) -> dict[str, tuple[str, dict, list[bytes]]]:
    """An outbox closed cleanly (checkpointed), with ``count`` requests of one 6 KB document."""
    originals = {}
    with open_outbox(data_dir) as box:
        for n in range(count):
            doc = make_doc(size=6000, seed=n)
            item = box.enqueue(make_body(name=f"Citoyen {n}"), [doc])
            originals[item.id] = (item.local_reference, box.body(item.id), [doc.data])
        sent = next(iter(originals))
        box.mark_sending(sent)
        box.mark_sent(sent, "D-1", "2026-11-30T11:00:00Z")
    return originals


def pages_of(db: Path, table: str, pagetype: str) -> list[int]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = ? ORDER BY pageno",
            (table, pagetype),
        ).fetchall()
    finally:
        conn.close()
    return [r[0] for r in rows]


def garble(db: Path, pages: list[int]) -> None:
    with db.open("r+b") as handle:
        for page in pages:
            handle.seek((page - 1) * PAGE)
            handle.write(os.urandom(PAGE))


def shell_recover_works(tmp_path: Path) -> bool:
    probe = tmp_path / "probe.db"
    sqlite3.connect(probe).execute("CREATE TABLE t (x)").connection.close()
    done = subprocess.run(["sqlite3", str(probe), ".recover"], capture_output=True, check=False)
    return done.returncode == 0


def test_not_a_database_is_reported_and_untouched(tmp_path: Path) -> None:
    data = tmp_path / "data"
    open_outbox(data).close()
    (data / "outbox.db").write_bytes(os.urandom(3 * PAGE))
    before = fingerprint(data)
    with pytest.raises(OutboxCorrupt) as error:
        open_outbox(data)
    assert "kiosk queue recover" in str(error.value) and "Ne supprimez rien" in str(error.value)
    assert fingerprint(data) == before


def test_damaged_pages_are_reported_and_untouched(tmp_path: Path) -> None:
    data = tmp_path / "data"
    filled_outbox(data)
    db = data / "outbox.db"
    garble(db, pages_of(db, "submissions", "leaf")[1:2])
    before = fingerprint(data)
    with pytest.raises(OutboxCorrupt, match="abîmée"):
        open_outbox(data)
    assert fingerprint(data) == before


@pytest.mark.parametrize("shell", [True, False], ids=["sqlite3-recover", "row-by-row"])
def test_recover_salvages_every_readable_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shell: bool
) -> None:
    if shell and recover_module.shutil.which("sqlite3") is None:
        pytest.skip("the sqlite3 shell is not installed; the row-by-row path is tested below")
    if not shell:
        monkeypatch.setattr(recover_module.shutil, "which", lambda name: None)
    # a shell built without the sqlite_dbpage table fails .recover: the fallback must take over
    expected_method = (
        "sqlite3 .recover" if shell and shell_recover_works(tmp_path) else ("lecture ligne par ligne")
    )
    data = tmp_path / "data"
    originals = filled_outbox(data)
    db = data / "outbox.db"
    leaves = pages_of(db, "submissions", "leaf")
    overflow = pages_of(db, "documents", "overflow")
    garble(db, [leaves[len(leaves) // 2], overflow[len(overflow) // 3]])
    damaged = db.read_bytes()

    report = recover(db, db, read_key(data / "outbox.key"))

    assert report.aside_path.read_bytes() == damaged  # kept aside, unchanged
    assert report.aside_path.name.startswith("outbox.db.corrupt-")
    assert expected_method in report.method
    with Outbox(db, read_key(data / "outbox.key")) as box:
        items = box.list_items()
        salvaged = {item.local_reference for item in items}
        every = {ref for ref, _, _ in originals.values()}
        # each request is either back, intact, or named as lost: none vanishes silently
        assert salvaged | set(report.lost_references) == every
        assert not salvaged & set(report.lost_references)
        assert 0 < len(lost := report.lost_references) < len(every) // 2, lost
        assert report.salvaged == len(items)
        assert report.partial >= 1
        for item in items:
            reference, body, docs = originals[item.id]
            assert item.local_reference == reference
            assert box.body(item.id) == body
            if item.state == "needs_attention":
                assert "perdue" in (item.last_error or "")
                with pytest.raises(OutboxError, match="perdue"):
                    box.document_bytes(item.id, 0)
            else:
                assert box.document_bytes(item.id, 0) == docs[0]
        first = next(iter(originals))
        if first in {i.id for i in items}:
            assert (box.get(first).state, box.get(first).dossier_number) == ("sent", "D-1")
        nxt = box.enqueue(make_body(), [])
        assert nxt.local_reference not in every  # no reference handed out twice
        assert box.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
