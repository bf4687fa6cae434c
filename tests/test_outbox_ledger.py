"""A lost, emptied or older queue file is refused, never taken as a new queue; references stay unique."""

from __future__ import annotations

import logging
import os
import shutil
import stat
from pathlib import Path

import pytest
from outbox_helpers import make_body, make_doc, reference_number

from offline_queue import Outbox, OutboxLost, open_outbox
from offline_queue.crypto import read_key
from offline_queue.ledger import RESERVE_BLOCK, SLOT_BYTES, Ledger, read_ledger
from offline_queue.recover import recover


def three_requests(data: Path) -> list[str]:
    with open_outbox(data) as box:
        refs = [box.enqueue(make_body(name=f"C{n}"), [make_doc(seed=n)]).local_reference for n in range(3)]
        first = box.get_by_reference(refs[0]).id
        box.mark_sending(first)
        box.mark_sent(first, "D-1", "2026-11-30T11:00:00Z")
    return refs


def remove_queue_file(data: Path) -> None:
    for path in data.glob("outbox.db*"):
        path.unlink()


def assert_refused(data: Path, caplog: pytest.LogCaptureFixture) -> str:
    with caplog.at_level(logging.ERROR), pytest.raises(OutboxLost) as error:
        open_outbox(data)
    message = str(error.value)
    assert "kiosk queue recover" in message and "Ne supprimez rien" in message
    assert any(r.levelno == logging.ERROR and "ledger" in r.getMessage() for r in caplog.records)
    return message


def test_deleted_queue_beside_its_key_is_refused(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    data = tmp_path / "data"
    refs = three_requests(data)
    remove_queue_file(data)
    message = assert_refused(data, caplog)
    assert refs[-1] in message and "2 demande(s) pas encore envoyée(s)" in message
    assert not (data / "outbox.db").exists()  # no empty queue was made in its place


def test_emptied_queue_file_is_refused(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    data = tmp_path / "data"
    three_requests(data)
    remove_queue_file(data)
    (data / "outbox.db").write_bytes(b"")
    assert_refused(data, caplog)
    assert (data / "outbox.db").read_bytes() == b""


def test_queue_replaced_by_an_older_copy_is_refused(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    data = tmp_path / "data"
    with open_outbox(data) as box:
        box.enqueue(make_body(), [])
    shutil.copy(data / "outbox.db", tmp_path / "backup.db")
    with open_outbox(data) as box:
        box.enqueue(make_body(), [])
    remove_queue_file(data)
    shutil.copy(tmp_path / "backup.db", data / "outbox.db")
    assert_refused(data, caplog)


def test_key_left_alone_from_an_older_version_is_refused(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = tmp_path / "data"
    three_requests(data)
    remove_queue_file(data)
    (data / "outbox.ledger").unlink()  # a kiosk from before the ledger: only the key is left
    with caplog.at_level(logging.ERROR), pytest.raises(OutboxLost, match="clé de chiffrement existe"):
        open_outbox(data)


def test_a_new_kiosk_and_a_crash_before_its_first_request_still_start(tmp_path: Path) -> None:
    data = tmp_path / "data"
    open_outbox(data).close()
    remove_queue_file(data)  # key and ledger made, no request ever: nothing can be lost
    with open_outbox(data) as box:
        assert box.enqueue(make_body(), []).local_reference.endswith("-000001")


def test_the_ledger_follows_every_request(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with open_outbox(data) as box, open_outbox(data) as other:
        items = [box.enqueue(make_body(), []), other.enqueue(make_body(), []), box.enqueue(make_body(), [])]
        ledger = read_ledger(data / "outbox.ledger")
        assert ledger is not None
        assert ledger == Ledger(3, 3, items[-1].local_reference, reserved=RESERVE_BLOCK)
        other.mark_sending(items[0].id)
        other.mark_sent(items[0].id, "D-1", "2026-11-30T11:00:00Z")
        assert read_ledger(data / "outbox.ledger") == Ledger(3, 2, items[-1].local_reference, RESERVE_BLOCK)
    assert stat.S_IMODE((data / "outbox.ledger").stat().st_mode) == 0o600


def test_recover_after_a_lost_file_names_the_references_and_never_reuses_one(tmp_path: Path) -> None:
    data = tmp_path / "data"
    refs = three_requests(data)
    remove_queue_file(data)
    report = recover(data / "outbox.db", data / "outbox.db", read_key(data / "outbox.key"))
    assert report.lost_references == refs
    assert report.aside_path is None and "Références perdues (3)" in report.summary_fr()
    with open_outbox(data) as box:
        assert box.list_items() == []
        # past the numbers the ledger had reserved, which may have been printed: none reused
        assert reference_number(box.enqueue(make_body(), []).local_reference) == RESERVE_BLOCK + 1


def test_a_sound_queue_replaced_by_an_older_one_is_mended_by_recover(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with open_outbox(data) as box:
        kept = box.enqueue(make_body(), [])
    shutil.copy(data / "outbox.db", tmp_path / "backup.db")
    with open_outbox(data) as box:
        gone = box.enqueue(make_body(), [])
    remove_queue_file(data)
    shutil.copy(tmp_path / "backup.db", data / "outbox.db")
    report = recover(data / "outbox.db", data / "outbox.db", read_key(data / "outbox.key"))
    assert report.lost_references == [gone.local_reference]
    with Outbox(data / "outbox.db", read_key(data / "outbox.key")) as box:
        assert [i.id for i in box.list_items()] == [kept.id]
        assert reference_number(box.enqueue(make_body(), []).local_reference) == RESERVE_BLOCK + 1


def test_reservations_are_synced_once_per_block_and_survive_a_torn_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    syncs: list[int] = []
    real = os.fdatasync
    monkeypatch.setattr(os, "fdatasync", lambda fd: (syncs.append(fd), real(fd))[1])
    with open_outbox(data) as box:
        for _ in range(RESERVE_BLOCK + 1):
            box.enqueue(make_body(), [])
        assert len(syncs) == 2  # one per block of references, not one per request
        ledger = read_ledger(data / "outbox.ledger")
        assert ledger is not None and ledger.reserved == 2 * RESERVE_BLOCK
    raw = bytearray((data / "outbox.ledger").read_bytes())
    synced = [
        i
        for i in (0, 1)
        if b'"reserved": %d' % (2 * RESERVE_BLOCK) in raw[i * SLOT_BYTES : (i + 1) * SLOT_BYTES]
    ]
    for index in (*synced, 2):  # the newest synced write and the loose slot torn by a power cut
        raw[index * SLOT_BYTES + 40] ^= 0xFF
    (data / "outbox.ledger").write_bytes(bytes(raw))
    older = read_ledger(data / "outbox.ledger")
    assert older is not None and older.reserved == RESERVE_BLOCK and older.high_water < RESERVE_BLOCK + 1
    with open_outbox(data) as box:  # the database is ahead of the ledger: it catches up
        assert reference_number(box.enqueue(make_body(), []).local_reference) == RESERVE_BLOCK + 2
    ledger = read_ledger(data / "outbox.ledger")
    assert ledger is not None and (ledger.high_water, ledger.reserved) == (
        RESERVE_BLOCK + 2,
        2 * RESERVE_BLOCK,
    )
