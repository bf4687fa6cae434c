"""A full disk refuses the new request with a clear message and harms none already kept."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from outbox_helpers import make_body, make_doc

from offline_queue import Outbox, OutboxFull, open_outbox


def fill_until_full(box: Outbox, doc_size: int) -> dict[str, bytes]:
    """Enqueue until the disk refuses; returns what was acknowledged (id -> document bytes)."""
    kept: dict[str, bytes] = {}
    for n in range(60):
        doc = make_doc(size=doc_size, seed=n)
        try:
            item = box.enqueue(make_body(), [doc, make_doc("piece_identite", doc_size, n + 100)])
        except OutboxFull as exc:
            message = str(exc)
            assert "disque" in message and "PAS été enregistrée" in message
            return kept
        kept[item.id] = doc.data
    raise AssertionError("the disk never filled up")


def assert_intact(box: Outbox, kept: dict[str, bytes], *also: str) -> None:
    assert {item.id for item in box.list_items()} == set(kept) | set(also)
    for sub_id, data in kept.items():
        assert box.document_bytes(sub_id, 0) == data
        assert len(box.documents(sub_id)) == 2
        assert box.body(sub_id)["id"] == sub_id
    assert box.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a 2 MB tmpfs here ({done.stderr.strip()}); "
                    "the max_page_count test covers SQLITE_FULL")  # fmt: skip
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=False)


def test_real_full_disk(small_disk: Path) -> None:
    data = small_disk / "data"
    box = open_outbox(data)
    spare = small_disk / "spare"
    spare.write_bytes(b"\0" * 300_000)  # freed later to show the outbox works again
    kept = fill_until_full(box, 200_000)
    assert kept  # some fitted before the disk filled
    assert_intact(box, kept)
    spare.unlink()
    after = box.enqueue(make_body(), [])
    box.close()
    with open_outbox(data) as reopened:
        assert_intact(reopened, kept, after.id)


def test_sqlite_full_through_max_page_count(tmp_path: Path) -> None:
    box = open_outbox(tmp_path / "data")
    first = box.enqueue(make_body(), [make_doc(size=100_000)])
    pages = box.db.execute("PRAGMA page_count").fetchone()[0]
    box.db.execute(f"PRAGMA max_page_count = {pages + 60}")  # room for ~240 KB more
    kept = fill_until_full(box, 200_000)
    assert kept == {}  # two 200 KB documents never fit: refused whole
    assert box.counts()["queued"] == 1
    assert box.document_bytes(first.id, 0) == make_doc(size=100_000).data
    small = box.enqueue(make_body(), [make_doc(size=50_000, seed=9)])  # a smaller one still fits
    assert box.get(small.id).local_reference == "PN-7501-K02-000002"  # counter rolled back too
    box.close()
