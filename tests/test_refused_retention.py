"""A refused request no mediator corrects is erased after a delay, with a warning first;
every request sent, refused or erased is journalled; the journal's head rides the heartbeat."""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

import pytest
from faults import TOKEN, fill
from outbox_helpers import DOC_MARKER, make_body, make_doc

from kiosk.audit import Journal
from kiosk.central_client import make_sync_client, make_sync_service
from kiosk.config import KioskConfig
from kiosk.retention import RefusalClock
from kiosk.sync_journal import journal_pass
from offline_queue import Outbox, PurgedError, open_outbox
from offline_queue.migrations import MIGRATIONS, migrate
from offline_queue.sync_service import SyncService
from reference_central import RunningServer


def _config(tmp_path: Path, server: RunningServer) -> KioskConfig:
    return KioskConfig(kiosk_id="7501-K02", site="7501", data_dir=tmp_path / "kiosk",
                       central_url=server.url, central_token=TOKEN, backoff_base_s=0.01,
                       backoff_max_s=0.05)


def _refused_body() -> dict[str, object]:
    body = make_body()
    body["consent"] = {"given_at": "2026-11-30T10:16:40Z", "text_version": ""}  # the server refuses it
    return body


def _kinds(data_dir: Path) -> list[tuple[str, dict[str, object]]]:
    with Journal.in_data_dir(data_dir) as journal:
        return [(entry.kind, dict(entry.fields)) for entry in journal.entries()]


def test_a_pass_journals_what_was_sent_and_refused_and_the_heartbeat_carries_the_head(
        tmp_path: Path, server: RunningServer) -> None:
    config = _config(tmp_path, server)
    with open_outbox(config.data_dir) as outbox:
        with Journal.in_data_dir(config.data_dir) as journal:
            journal.append("systeme", "settings_read", settings_sha256="a" * 64)
        refused = outbox.enqueue(_refused_body(), [make_doc()]).id
        sent = fill(outbox, 2)
        result = make_sync_service(config, outbox).run_pass(deadline_s=10)
        assert result.rejected == (refused,)
        dossiers = {outbox.get(i).dossier_number for i in sent}
    entries = _kinds(config.data_dir)
    assert ("request_refused", {"submission": refused}) in entries
    assert {f["dossier"] for kind, f in entries if kind == "request_sent"} == dossiers
    # the heartbeat went out during the pass: the head it carried is an entry of this journal
    beat = server.store.heartbeat("7501-K02")
    assert beat is not None and "audit_head" in beat
    n, digest = str(beat["audit_head"]).split(":")
    with Journal.in_data_dir(config.data_dir) as journal:
        assert n == "1" and [e.hash for e in journal.entries() if e.n == 1] == [digest]


def test_the_reference_service_sees_a_journal_cut_short(
        tmp_path: Path, server: RunningServer, caplog: pytest.LogCaptureFixture) -> None:
    config = _config(tmp_path, server)
    with open_outbox(config.data_dir) as outbox:
        client = make_sync_client(config, outbox)
        with Journal.in_data_dir(config.data_dir) as journal:
            for _ in range(3):
                journal.append("systeme", "settings_read", settings_sha256="a" * 64)
        assert client.heartbeat()
        assert server.store.heartbeat("7501-K02")["audit_head"].startswith("3:")  # type: ignore[index]
        db = sqlite3.connect(config.data_dir / "audit.db")
        for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            db.execute(f"DROP TRIGGER {name}")  # an intruder removes the guard, then the tail
        db.execute("DELETE FROM entries WHERE n = 3")
        db.commit()
        db.close()
        with caplog.at_level(logging.ERROR, logger="reference_central.store"):
            assert client.heartbeat()
    assert "went back from entry 3:" in caplog.text


def test_a_malformed_audit_head_is_an_invalid_heartbeat(server: RunningServer) -> None:
    import requests

    body = {"version": "point-numerique-kiosk/0.1.0", "queue_depth": 0, "oldest_pending_at": None,
            "last_sync_at": None, "failed": 0, "audit_head": "Zéphyrine"}
    answer = requests.put(f"{server.url}/v1/kiosks/7501-K02/heartbeat", json=body, timeout=5,
                          headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 422 and answer.json()["error"] == "invalid_heartbeat"
    body["audit_head"] = "12:" + "0" * 64
    answer = requests.put(f"{server.url}/v1/kiosks/7501-K02/heartbeat", json=body, timeout=5,
                          headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 204


def _refuse(outbox: Outbox, body: dict[str, object] | None = None) -> str:
    submission_id = outbox.enqueue(body or _refused_body(), [make_doc()]).id
    outbox.mark_sending(submission_id)
    outbox.mark_needs_attention(submission_id, "consent", [])
    return submission_id


def test_an_uncorrected_refusal_is_erased_after_the_delay_and_journalled(
        tmp_path: Path, server: RunningServer) -> None:
    config = _config(tmp_path, server)
    with open_outbox(config.data_dir) as outbox:
        forgotten = _refuse(outbox)
        corrected = _refuse(outbox)
        outbox.enqueue({**make_body(), "supersedes": corrected}, [make_doc()])
        refused_at = outbox.get(forgotten).refused_at
        assert refused_at is not None
        clock = RefusalClock.of(config)
        assert clock.erased_on(outbox.get(forgotten)) == refused_at + timedelta(days=30)
        assert clock.erased_on(outbox.get(corrected)) is None  # replaced: nothing to erase
        assert not clock.soon(outbox.get(forgotten), refused_at + timedelta(days=22))
        assert clock.soon(outbox.get(forgotten), refused_at + timedelta(days=24))

        def service(days_later: float) -> SyncService:
            return SyncService(outbox, make_sync_client(config, outbox), None,
                               refused_days=config.refused_retention_days,
                               after_pass=partial(journal_pass, config.data_dir),
                               now=lambda: refused_at + timedelta(days=days_later))

        assert service(29.9).run_pass(offline=True).purged_refused == ()
        assert DOC_MARKER in outbox.document_bytes(forgotten, 0)
        result = service(30.1).run_pass(offline=True)
        assert result.purged_refused == (forgotten,)
        item = outbox.get(forgotten)
        assert item.purged and item.state == "needs_attention" and item.local_reference
        assert not outbox.get(corrected).purged
        assert clock.erased_on(item) is None
        with pytest.raises(PurgedError):
            outbox.document_bytes(forgotten, 0)
        with pytest.raises(PurgedError):
            outbox.body(forgotten)
        assert DOC_MARKER in outbox.document_bytes(corrected, 0)
    assert ("request_purged", {"submission": forgotten}) in _kinds(config.data_dir)


def test_a_refused_correction_erased_uncorrected_takes_the_requests_it_replaced(
        tmp_path: Path) -> None:
    with open_outbox(tmp_path / "kiosk") as outbox:
        first = _refuse(outbox)
        second = _refuse(outbox, {**_refused_body(), "supersedes": first})
        third = _refuse(outbox, {**_refused_body(), "supersedes": second})
        other = _refuse(outbox)
        outbox.db.execute("UPDATE submissions SET refused_at = ? WHERE id = ?",
                          ((datetime.now(UTC) + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
                           other))  # refused later: not due yet
        erased = outbox.purge_refused(30, datetime.now(UTC) + timedelta(days=30, hours=1))
        assert [item.id for item in erased] == [third]  # the one no mediator corrected
        for replaced in (first, second):
            assert outbox.get(replaced).purged
            with pytest.raises(PurgedError):
                outbox.document_bytes(replaced, 0)
        assert not outbox.get(other).purged


def test_refusals_waiting_at_the_update_count_from_the_update(tmp_path: Path) -> None:
    with open_outbox(tmp_path / "kiosk") as outbox:
        refused = _refuse(outbox)
        waiting = fill(outbox, 1)[0]
        db = outbox.db
        db.execute("UPDATE submissions SET refused_at = NULL")
        db.execute("PRAGMA user_version = 2")
        db.execute("ALTER TABLE submissions DROP COLUMN refused_at")
        assert MIGRATIONS[2].__name__ == "_v3_refused_at"
        before = datetime.now(UTC) - timedelta(seconds=5)
        assert migrate(db) == 2
        found = outbox.get(refused).refused_at
        assert found is not None and found >= before
        assert outbox.get(waiting).refused_at is None


def test_the_mediator_is_warned_before_a_refusal_is_erased(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, catalogue) -> None:
    from PySide6.QtWidgets import QLabel

    from ui.screens.queue_view import QueueScreen

    with open_outbox(tmp_path / "kiosk") as outbox:
        soon = _refuse(outbox)
        later = _refuse(outbox)
        gone = _refuse(outbox)
        past = datetime.now(UTC) - timedelta(days=25)
        outbox.db.execute("UPDATE submissions SET refused_at = ? WHERE id = ?",
                          (past.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), soon))
        outbox.purge_refused(30, datetime.now(UTC) + timedelta(days=31))  # erases all three...
        outbox.db.execute("UPDATE submissions SET purged_at = NULL WHERE id IN (?, ?)", (soon, later))
        screen = QueueScreen(outbox, catalogue, lambda i, f: lambda: None, None, RefusalClock(30, 7))
        qtbot.addWidget(screen)
        screen._show(([outbox.get(i) for i in (soon, later, gone)], {}))
        texts = " | ".join(label.text() for label in screen.findChildren(QLabel))
    assert "Attention : une demande refusée sera bientôt effacée" in texts
    assert texts.count("Sera effacée le") == 2
    assert "Effacée : personne ne l'a corrigée à temps" in texts
    assert (gone, "correct") not in screen.buttons and (soon, "correct") in screen.buttons
