"""The outbox keeps, encrypts, orders and purges submissions as the sync client expects."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import pytest
from outbox_helpers import CITIZEN_NAME, DOC_MARKER, make_body, make_doc, raw_bytes

from offline_queue import (
    InvalidSubmission,
    InvalidTransition,
    Outbox,
    OutboxError,
    OutboxKeyError,
    PurgedError,
    UnknownSubmission,
    open_outbox,
)
from offline_queue.migrations import LATEST, migrate, schema_version
from offline_queue.models import Backlog
from offline_queue.outbox import connect
from offline_queue.snapshot import body_sha256

T0 = datetime(2026, 11, 30, 10, 20, tzinfo=UTC)


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    box = open_outbox(tmp_path / "data")
    yield box
    box.close()


def test_enqueue_then_read_back(outbox: Outbox) -> None:
    docs = [make_doc("justificatif_domicile", 3000, 1), make_doc("piece_identite", 70_000, 2)]
    body = make_body()
    item = outbox.enqueue(body, docs)

    assert item.local_reference == "PN-7501-K02-000001"
    assert (item.state, item.attempts, item.procedure_code) == (
        "queued",
        0,
        body["procedure"]["code"],
    )
    assert item.created_at == datetime(2026, 11, 30, 10, 17, tzinfo=UTC)
    stored = outbox.body(item.id)
    assert stored["answers"] == body["answers"]
    assert stored["local_reference"] == item.local_reference
    assert stored["documents"] == [
        {"kind": d.kind, "upload_id": None, "sha256": d.sha256, "size": d.size,
         "content_type": d.content_type, "filename": d.filename}
        for d in docs
    ]  # fmt: skip
    assert [outbox.document_bytes(item.id, i) for i in range(2)] == [d.data for d in docs]
    assert [(d.index, d.kind, d.filename, d.size) for d in outbox.documents(item.id)] == [
        (0, docs[0].kind, docs[0].filename, 3000),
        (1, docs[1].kind, docs[1].filename, 70_000),
    ]
    assert body["local_reference"] is None  # the caller's dict is not changed


def test_local_references_follow_a_counter_and_a_given_one_is_kept(outbox: Outbox) -> None:
    first = outbox.enqueue(make_body(), [])
    given = make_body()
    given["local_reference"] = "PN-7501-K02-999999"
    kept = outbox.enqueue(given, [])
    second = outbox.enqueue(make_body(), [])
    assert [first.local_reference, kept.local_reference, second.local_reference] == [
        "PN-7501-K02-000001",
        "PN-7501-K02-999999",
        "PN-7501-K02-000002",
    ]
    assert outbox.get_by_reference("PN-7501-K02-000002").id == second.id


def test_same_id_twice_is_refused_and_nothing_is_added(outbox: Outbox) -> None:
    body = make_body()
    outbox.enqueue(body, [make_doc()])
    with pytest.raises(InvalidSubmission, match="déjà dans la file"):
        outbox.enqueue(body, [make_doc()])
    assert outbox.counts()["queued"] == 1


def test_document_changed_after_check_is_refused(outbox: Outbox) -> None:
    doc = make_doc()
    tampered = _Announced(replace(doc, data=doc.data[:-1] + b"X"), doc.sha256)
    with pytest.raises(InvalidSubmission, match="numérisez-la"):
        outbox.enqueue(make_body(), [cast(Any, tampered)])
    assert outbox.list_items() == []


class _Announced:
    """A document whose announced hash no longer matches its bytes."""

    def __init__(self, doc: object, sha256: str) -> None:
        self._doc, self.sha256 = doc, sha256

    def __getattr__(self, name: str) -> object:
        return getattr(self._doc, name)


def test_body_without_procedure_is_refused(outbox: Outbox) -> None:
    body = make_body()
    del body["procedure"]
    with pytest.raises(InvalidSubmission, match="démarche"):
        outbox.enqueue(body, [])


def test_nothing_personal_is_readable_on_disk(tmp_path: Path) -> None:
    data = tmp_path / "data"
    box = open_outbox(data)
    doc = make_doc("piece_identite", 50_000, 3)
    item = box.enqueue(make_body(), [doc])
    box.mark_sending(item.id)
    box.mark_needs_attention(
        item.id,
        f"refusée : {CITIZEN_NAME}",
        [{"field": "answers.holder_name", "message": f"Nom {CITIZEN_NAME} refusé"}],
    )
    raw = raw_bytes(data)  # WAL still holds everything: the connection is open
    assert len(raw) > 50_000
    for secret in (
        CITIZEN_NAME.encode(),
        "Quillebeuf".encode("utf-16-le"),
        DOC_MARKER,
        b"AB-123-CD",
        doc.filename.encode(),
    ):
        assert secret not in raw
    assert b"cg-changement-adresse" in raw  # procedure codes stay queryable
    box.close()
    assert CITIZEN_NAME.encode() not in raw_bytes(data)  # after checkpoint too


def test_key_file_is_private_and_reused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    open_outbox(data).close()
    key_path = data / "outbox.key"
    assert stat.S_IMODE(key_path.stat().st_mode) == 0o600
    key = key_path.read_bytes()
    box = open_outbox(data)
    box.close()
    assert key_path.read_bytes() == key and len(key) == 32


def test_wrong_or_missing_key_gives_clear_french_error(tmp_path: Path) -> None:
    data = tmp_path / "data"
    box = open_outbox(data)
    box.enqueue(make_body(), [make_doc()])
    box.close()
    with pytest.raises(OutboxKeyError, match="ne correspond pas"):
        Outbox(data / "outbox.db", os.urandom(32))
    (data / "outbox.key").rename(tmp_path / "elsewhere.key")
    with pytest.raises(OutboxKeyError, match="introuvable"):
        open_outbox(data)
    assert not (data / "outbox.key").exists()  # no new key made beside existing data


def test_rows_cannot_be_swapped(tmp_path: Path) -> None:
    data = tmp_path / "data"
    box = open_outbox(data)
    a = box.enqueue(make_body(name="Alice Martin"), [])
    b = box.enqueue(make_body(name="Bob Durand"), [])
    box.db.execute(
        "UPDATE submissions SET body = (SELECT body FROM submissions WHERE id = ?) WHERE id = ?",
        (a.id, b.id),
    )
    with pytest.raises(OutboxKeyError):
        box.body(b.id)
    assert box.body(a.id)["answers"]["holder_name"] == "Alice Martin"
    box.close()


def test_state_transitions_and_errors(outbox: Outbox) -> None:
    item = outbox.enqueue(make_body(), [make_doc()])
    outbox.mark_sending(item.id)
    outbox.mark_retry(item.id, "HTTP 503", T0 + timedelta(minutes=5))
    got = outbox.get(item.id)
    assert (got.state, got.attempts, got.last_error) == ("queued", 1, "HTTP 503")
    assert got.next_attempt_at == T0 + timedelta(minutes=5)

    outbox.mark_sending(item.id)
    details = [{"field": "answers.plate", "code": "invalid_format", "message": "Plaque inconnue"}]
    outbox.mark_needs_attention(item.id, "refusée par le service central", details)
    got = outbox.get(item.id)
    assert (got.state, got.attempts, got.error_details) == ("needs_attention", 2, details)
    with pytest.raises(InvalidTransition, match="à corriger"):
        outbox.mark_sent(item.id, "X", T0)

    outbox.retry(item.id)
    assert outbox.get(item.id).state == "queued"
    assert outbox.get(item.id).attempts == 2
    outbox.mark_sending(item.id)
    outbox.save_upload(item.id, 0, "http://127.0.0.1/v1/uploads/u1", 1000, False)
    outbox.save_upload(item.id, 0, "http://127.0.0.1/v1/uploads/u1", 2000, True)
    doc = outbox.documents(item.id)[0]
    assert (doc.upload_url, doc.upload_offset, doc.upload_complete) == (
        "http://127.0.0.1/v1/uploads/u1", 2000, True)  # fmt: skip
    outbox.mark_sent(item.id, "CG-2026-000123", "2026-11-30T10:30:00Z")
    got = outbox.get(item.id)
    assert (got.state, got.dossier_number, got.last_error, got.error_details) == (
        "sent", "CG-2026-000123", None, [])  # fmt: skip
    assert got.received_at == datetime(2026, 11, 30, 10, 30, tzinfo=UTC)
    with pytest.raises(InvalidTransition, match="envoyée"):
        outbox.retry(item.id)
    with pytest.raises(UnknownSubmission):
        outbox.mark_sending("no-such-id")
    assert outbox.counts() == {"queued": 0, "sending": 0, "sent": 1, "needs_attention": 0}


def test_due_is_oldest_first_and_includes_crash_left_sending(tmp_path: Path) -> None:
    key = os.urandom(32)
    box = Outbox(tmp_path / "outbox.db", key, now=lambda: T0)
    late = box.enqueue(make_body(created_at="2026-11-30T10:05:00Z"), [])
    early = box.enqueue(make_body(created_at="2026-11-30T09:00:00Z"), [])
    crashed = box.enqueue(make_body(created_at="2026-11-30T09:30:00Z"), [])
    waiting = box.enqueue(make_body(created_at="2026-11-30T08:00:00Z"), [])
    box.mark_sending(crashed.id)  # the process dies here, before any answer
    box.mark_sending(waiting.id)
    box.mark_retry(waiting.id, "timeout", T0 + timedelta(hours=1))
    sent = box.enqueue(make_body(created_at="2026-11-30T07:00:00Z"), [])
    box.mark_sending(sent.id)
    box.mark_sent(sent.id, "D1", T0)
    box.close()

    box = Outbox(tmp_path / "outbox.db", key)
    assert [i.id for i in box.due(T0)] == [early.id, crashed.id, late.id]
    assert box.get(crashed.id).state == "sending"
    assert [i.id for i in box.due(T0 + timedelta(hours=1))] == [
        waiting.id, early.id, crashed.id, late.id]  # fmt: skip
    # four wait (one of them left ``sending``), the sent one does not count
    assert box.backlog() == Backlog(4, 0, datetime(2026, 11, 30, 8, 0, tzinfo=UTC))
    assert [i.id for i in box.list_items(["sent"])] == [sent.id]
    assert len(box.list_items()) == 5
    box.close()


def test_purge_keeps_states_and_snapshot_only(tmp_path: Path) -> None:
    box = Outbox(tmp_path / "outbox.db", os.urandom(32), now=lambda: T0)
    old = box.enqueue(make_body(), [make_doc(seed=5)], receipt_fields={"plate"})
    recent = box.enqueue(make_body(), [make_doc(seed=6)])
    unsent = box.enqueue(make_body(), [make_doc(seed=7)])
    for item, when in ((old, T0 - timedelta(days=31)), (recent, T0 - timedelta(days=29))):
        box.mark_sending(item.id)
        box.mark_sent(item.id, f"D-{item.local_reference}", when)
    before = box.receipt_snapshot(old.id)

    assert box.purge_expired(30, T0) == 1
    assert box.purge_expired(30, T0) == 0
    with pytest.raises(PurgedError, match="effacées"):
        box.body(old.id)
    with pytest.raises(PurgedError):
        box.document_bytes(old.id, 0)
    got = box.get(old.id)
    assert (got.state, got.dossier_number, got.purged) == ("sent", f"D-{old.local_reference}", True)
    assert box.receipt_snapshot(old.id) == before
    assert before.answers == {"plate": "AB-123-CD"}  # only the receipt's fields were kept
    assert box.documents(old.id)[0].size == 2000
    assert box.body(recent.id)["answers"]["holder_name"] == CITIZEN_NAME
    assert box.document_bytes(unsent.id, 0) == make_doc(seed=7).data
    blobs = box.db.execute(
        "SELECT count(*) FROM documents WHERE submission_id = ? AND content IS NOT NULL",
        (old.id,),
    ).fetchone()[0]
    assert blobs == 0
    box.close()


def test_receipt_snapshot_content(outbox: Outbox) -> None:
    body = make_body()
    item = outbox.enqueue(body, [make_doc(size=1234)])
    snap = outbox.receipt_snapshot(item.id).to_json()  # the stored JSON keeps its shape
    assert snap["local_reference"] == item.local_reference
    assert snap["procedure"] == {"code": "cg-changement-adresse", "version": "3"}
    assert (snap["kiosk_id"], snap["site"], snap["mediator_id"]) == ("7501-K02", "7501", "m-0042")
    assert snap["answers"] == body["answers"]
    assert snap["documents"] == [
        {"kind": "justificatif_domicile", "filename": "justificatif_domicile-0.pdf", "size": 1234}
    ]
    assert snap["body_sha256"] == body_sha256(outbox.body(item.id))


def test_migrations_from_version_zero(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    sqlite3.connect(path).close()
    db = connect(path)
    assert schema_version(db) == 0
    assert migrate(db) == 0
    assert schema_version(db) == LATEST
    assert migrate(db) == LATEST  # idempotent
    assert {"submissions", "documents", "counters", "meta"} <= set(db.table_names())
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    db.close()
    box = Outbox(path, os.urandom(32))
    assert box.enqueue(make_body(), []).state == "queued"
    box.close()


def test_newer_schema_is_refused_without_change(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    with pytest.raises(OutboxError, match="version plus récente"):
        Outbox(path, os.urandom(32))


def test_threads_and_a_second_connection_share_one_counter(tmp_path: Path) -> None:
    data = tmp_path / "data"
    app, cli = open_outbox(data), open_outbox(data)  # the kiosk and `kiosk queue add` at once

    def enqueue_many(box: Outbox) -> None:
        for _ in range(15):
            box.enqueue(make_body(), [make_doc(size=3000)])

    threads = [threading.Thread(target=enqueue_many, args=(box,)) for box in (app, app, cli)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    references = sorted(item.local_reference for item in cli.list_items())
    assert references == [f"PN-7501-K02-{n:06d}" for n in range(1, 46)]
    app.close()
    cli.close()
