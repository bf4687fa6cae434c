"""A truncated or header-damaged queue: every request whose records are still in the file is saved
exactly once, every other reference is named, and no reference is handed out twice."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from outbox_helpers import make_body, make_doc, reference_number

from offline_queue import Outbox, OutboxCorrupt, open_outbox
from offline_queue import recover as recover_module
from offline_queue.crypto import read_key
from offline_queue.recover import recover

COUNT = 30


@pytest.fixture(scope="module")
def template(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, tuple[str, bytes, bytes, bytes]]]:
    """A closed queue of 30 requests, each with one 6 KB scan; per id: reference, sealed body and
    snapshot, and the document's bytes."""
    data = tmp_path_factory.mktemp("salvage") / "data"
    docs = {}
    with open_outbox(data) as box:
        for n in range(COUNT):
            doc = make_doc(size=6000, seed=n)
            docs[box.enqueue(make_body(name=f"Citoyen {n}"), [doc]).id] = doc.data
    conn = sqlite3.connect(data / "outbox.db")
    rows = conn.execute("SELECT id, local_reference, body, snapshot FROM submissions").fetchall()
    conn.close()
    return data, {sub_id: (ref, body, snap, docs[sub_id]) for sub_id, ref, body, snap in rows}


def cut(fraction: float, extra: int = 0) -> Callable[[bytes], bytes]:
    return lambda data: data[: int(len(data) * fraction) + extra]


DAMAGE = {
    "truncated-25%": cut(0.25),
    "truncated-50%": cut(0.5),
    "truncated-75%+7": cut(0.75, 7),
    "truncated-90%+100": cut(0.9, 100),
    "header-garbled": lambda data: os.urandom(100) + data[100:],
    "first-page-garbled": lambda data: os.urandom(4096) + data[4096:],
    "header-zeroed-and-truncated": lambda data: bytes(100) + data[100 : len(data) * 2 // 3],
}


@pytest.mark.parametrize("shell", [True, False], ids=["with-sqlite3-shell", "without-shell"])
@pytest.mark.parametrize("damage", list(DAMAGE), ids=list(DAMAGE))
def test_every_readable_request_is_saved_once_and_the_rest_named(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    template: tuple[Path, dict[str, tuple[str, bytes, bytes, bytes]]],
    damage: str,
    shell: bool,
) -> None:
    if not shell:
        monkeypatch.setattr(recover_module.shutil, "which", lambda name: None)
    source, originals = template
    data = tmp_path / "data"
    shutil.copytree(source, data)
    db = data / "outbox.db"
    damaged = DAMAGE[damage](db.read_bytes())
    db.write_bytes(damaged)
    with pytest.raises(OutboxCorrupt):
        open_outbox(data)
    # a request can be read when its sealed answers and receipt are still whole in the file
    readable = {i for i, (_, body, snap, _) in originals.items() if body in damaged and snap in damaged}
    every = {ref for ref, _, _, _ in originals.values()}

    report = recover(db, db, read_key(data / "outbox.key"))

    assert report.aside_path is not None and report.aside_path.read_bytes() == damaged
    with Outbox(db, read_key(data / "outbox.key")) as box:
        items = box.list_items()
        ids = [item.id for item in items]
        assert len(ids) == len(set(ids)) == report.salvaged  # each saved exactly once
        assert set(ids) == readable
        saved = {item.local_reference for item in items}
        assert sorted(report.lost_references) == sorted(every - saved)  # every other one named
        for item in items:
            reference, _, _, doc = originals[item.id]
            assert item.local_reference == reference
            if item.state == "needs_attention":
                assert "perdue" in (item.last_error or "")
            else:
                assert box.document_bytes(item.id, 0) == doc
        assert reference_number(box.enqueue(make_body(), []).local_reference) > COUNT  # none reused
        assert box.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    if report.lost_references:
        assert "Références perdues" in report.summary_fr()


def test_the_page_scan_alone_reads_a_file_sqlite_cannot_open(
    tmp_path: Path, template: tuple[Path, dict[str, tuple[str, bytes, bytes, bytes]]]
) -> None:
    source, originals = template
    data = tmp_path / "data"
    shutil.copytree(source, data)
    db = data / "outbox.db"
    db.write_bytes(b"\xff" * 100 + db.read_bytes()[100:])
    report = recover(db, db, read_key(data / "outbox.key"))
    assert report.salvaged == COUNT and report.lost_references == []
    assert "lecture page par page" in report.method and "ligne par ligne" not in report.method
