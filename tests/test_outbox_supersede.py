"""A corrected request replaces the refused one: atomically, never both sent, purged together."""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from outbox_helpers import make_body, make_doc

from kiosk.commands import queue as queue_command
from kiosk.config import KioskConfig
from offline_queue import (
    InvalidSubmission,
    InvalidTransition,
    Outbox,
    OutboxFull,
    PurgedError,
    QueuedSubmission,
    open_outbox,
)
from offline_queue.crypto import create_key
from offline_queue.migrations import LATEST, MIGRATIONS, schema_version

REFUSAL = [{"field": "answers.plate", "code": "invalid_format", "message": "Plaque au mauvais format."}]


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    box = open_outbox(tmp_path / "data")
    yield box
    box.close()


def refused(box: Outbox, **doc: Any) -> QueuedSubmission:
    """A request the central service refused for good (422)."""
    item = box.enqueue(make_body(), [make_doc(**doc)] if doc else [])
    box.mark_sending(item.id)
    box.mark_needs_attention(item.id, "Refusée par le service central.", REFUSAL)
    return box.get(item.id)


def correction_of(old: QueuedSubmission) -> dict[str, Any]:
    body = make_body()
    body["supersedes"] = old.id
    return body


def test_correction_marks_the_old_request_replaced(outbox: Outbox) -> None:
    old = refused(outbox)
    new = outbox.enqueue(correction_of(old), [make_doc()])
    assert new.supersedes == old.id and outbox.get(new.id).supersedes == old.id
    listed = {item.id: item for item in outbox.list_items()}
    assert listed[old.id].superseded_by == new.id
    assert listed[old.id].superseded_by_reference == new.local_reference == "PN-7501-K02-000002"
    assert listed[old.id].replaced and not listed[new.id].replaced
    assert listed[old.id].state == "needs_attention"  # the four states are unchanged
    assert listed[old.id].error_details == REFUSAL  # still readable until the purge
    assert outbox.counts() == {"queued": 1, "sending": 0, "sent": 0, "needs_attention": 0}


def test_both_rows_change_in_one_transaction(tmp_path: Path) -> None:
    """A correction refused by a full disk leaves the old request untouched, still to correct."""
    box = open_outbox(tmp_path / "data")
    old = refused(box, size=20_000)
    pages = box.db.execute("PRAGMA page_count").fetchone()[0]
    box.db.execute(f"PRAGMA max_page_count = {pages + 30}")  # ~120 KB of room
    big = [make_doc(size=200_000, seed=1), make_doc("piece_identite", 200_000, 2)]
    with pytest.raises(OutboxFull):
        box.enqueue(correction_of(old), big)
    after = box.get(old.id)
    assert after.superseded_by is None and after.state == "needs_attention"
    assert [item.id for item in box.list_items()] == [old.id]
    assert box.counts()["needs_attention"] == 1
    new = box.enqueue(correction_of(old), [make_doc(size=20_000, seed=3)])  # it fits: both change
    assert box.get(old.id).superseded_by == new.id
    assert new.local_reference == "PN-7501-K02-000002"  # the failed try used no reference
    box.close()


def test_supersedes_must_name_a_request_to_correct(outbox: Outbox) -> None:
    waiting = outbox.enqueue(make_body(), [])
    unknown = make_body()
    unknown["supersedes"] = "5d0c1c7e-0000-4000-8000-000000000000"
    with pytest.raises(InvalidSubmission, match="n'est pas dans la file"):
        outbox.enqueue(unknown, [])
    with pytest.raises(InvalidSubmission, match="en attente d'envoi"):
        outbox.enqueue(correction_of(waiting), [])
    not_an_id = make_body()
    not_an_id["supersedes"] = 42
    with pytest.raises(InvalidSubmission, match="identifiant"):
        outbox.enqueue(not_an_id, [])
    old = refused(outbox)
    first = outbox.enqueue(correction_of(old), [])
    with pytest.raises(InvalidSubmission, match=f"déjà été remplacée par la demande {first.local_reference}"):
        outbox.enqueue(correction_of(old), [])
    assert len(outbox.list_items()) == 3  # nothing written by the refused ones
    assert outbox.get(waiting.id).superseded_by is None


def test_replaced_request_is_never_due_and_cannot_be_retried(outbox: Outbox) -> None:
    old = refused(outbox)
    new = outbox.enqueue(correction_of(old), [])
    later = datetime.now(UTC) + timedelta(days=1)
    assert [item.id for item in outbox.due(later)] == [new.id]
    with pytest.raises(InvalidTransition, match=f"remplacée par la demande corrigée {new.local_reference}"):
        outbox.retry(old.id)
    assert outbox.get(old.id).state == "needs_attention"
    # even a row left queued (e.g. put back by hand with sqlite3) is not sent again
    outbox.db.execute("UPDATE submissions SET state = 'queued' WHERE id = ?", (old.id,))
    assert [item.id for item in outbox.due(later)] == [new.id]


def test_purge_takes_the_replaced_request_once_its_correction_is_sent(outbox: Outbox) -> None:
    old = refused(outbox, size=3000)
    middle = outbox.enqueue(correction_of(old), [make_doc(size=3000, seed=1)])
    outbox.mark_sending(middle.id)
    outbox.mark_needs_attention(middle.id, "Refusée encore.", REFUSAL)
    last = outbox.enqueue(correction_of(outbox.get(middle.id)), [make_doc(size=3000, seed=2)])
    now = datetime.now(UTC)
    assert outbox.purge_expired(30, now + timedelta(days=400)) == 0  # correction not sent yet
    outbox.mark_sending(last.id)
    sent_at = now
    outbox.mark_sent(last.id, "ANTS-1", sent_at)
    assert outbox.purge_expired(30, sent_at + timedelta(days=29)) == 0  # retention not over
    assert outbox.purge_expired(30, sent_at + timedelta(days=31)) == 3
    for sub_id in (old.id, middle.id):
        item = outbox.get(sub_id)
        assert item.purged and item.error_details == [] and item.last_error is None
        assert item.superseded_by is not None  # the link stays: the mediator sees what happened
        with pytest.raises(PurgedError):
            outbox.body(sub_id)
        with pytest.raises(PurgedError):
            outbox.document_bytes(sub_id, 0)
        assert outbox.receipt_snapshot(sub_id).local_reference == item.local_reference
    assert outbox.purge_expired(30, sent_at + timedelta(days=60)) == 0


def test_outbox_of_the_previous_schema_is_migrated(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    create_key(data / "outbox.key")
    db = sqlite_utils.Database(sqlite3.connect(data / "outbox.db", isolation_level=None))
    MIGRATIONS[0](db)  # the schema a kiosk of the previous version left
    db.execute("PRAGMA user_version = 1")
    db.close()
    with open_outbox(data) as box:
        assert schema_version(box.db) == LATEST
        old = refused(box)
        assert box.get(old.id).superseded_by is None
        new = box.enqueue(correction_of(old), [])
        assert box.get(old.id).superseded_by_reference == new.local_reference


@dataclass
class Context:
    config: KioskConfig


def test_command_line_says_which_request_replaced_which(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = KioskConfig(kiosk_id="7501-K02", site="7501", data_dir=tmp_path / "data")
    with open_outbox(config.data_dir) as box:
        old = refused(box)
        new = box.enqueue(correction_of(old), [])
    parser = argparse.ArgumentParser(prog="kiosk")
    context = Context(config)
    queue_command.register(parser.add_subparsers(dest="command"), context)

    def run(*argv: str) -> int:
        args = parser.parse_args(list(argv))
        return int(args.handler(args, context))

    assert run("queue", "list") == 0
    assert f"remplacée par {new.local_reference}" in capsys.readouterr().out
    assert run("queue", "show", old.local_reference) == 0
    assert f"Remplacée par : {new.local_reference}" in capsys.readouterr().out
    assert run("queue", "retry", old.local_reference) == 1
    assert "ne peut plus être renvoyée" in capsys.readouterr().err
