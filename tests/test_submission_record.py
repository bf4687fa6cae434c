"""The typed submission record, its JSON (the contract's body), and the shared formats:
canonical JSON, RFC 3339 times, file sizes in one unit."""

from __future__ import annotations

import json
import random
import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from faults import TOKEN
from outbox_helpers import make_body, make_doc

from kiosk.file_size import file_size
from kiosk.procedures import Catalogue
from kiosk.samples import fill_session
from kiosk.session import ProcedureSession
from kiosk.validators import ValidationError
from offline_queue import InvalidSubmission, Outbox
from offline_queue.canonical import body_sha256, canonical_json
from offline_queue.snapshot import ReceiptSnapshot, SnapshotUnreadable
from offline_queue.submission import Mandate, Representative, Submission
from offline_queue.sync import SyncClient
from offline_queue.times import parse_time, rfc3339
from reference_central import RunningServer

NOW = datetime(2026, 11, 30, 10, 17, tzinfo=UTC)
ROOT = Path(__file__).resolve().parent.parent
CONTRACT_KEYS = {
    "id", "local_reference", "procedure", "created_at", "kiosk_id", "site", "mediator_id",
    "answers", "documents", "consent", "representative", "supersedes",
}  # fmt: skip


def session_record(catalogue: Catalogue, seed: int = 3) -> Submission:
    session = ProcedureSession(catalogue.get("cg-changement-adresse"), kiosk_id="7501-K02",
                               site="7501", mediator_id="m-0042", now=lambda: NOW)
    fill_session(session, random.Random(seed))
    session.give_consent("2")
    return session.to_submission()


def test_the_session_gives_a_typed_record_whose_body_has_every_key(catalogue: Catalogue) -> None:
    record = session_record(catalogue)
    body = record.to_body()
    assert set(body) == CONTRACT_KEYS and body["representative"] is None
    assert body["created_at"] == "2026-11-30T10:17:00Z"
    assert Submission.from_body(body) == record
    with pytest.raises(TypeError):
        record.answers["plate"] = "ZZ-999-ZZ"  # type: ignore[index]  # frozen all the way down


def test_a_representative_goes_out_in_the_contracts_shape(catalogue: Catalogue) -> None:
    record = replace(
        session_record(catalogue),
        representative=Representative("tuteur", "Martin", "Jeanne", Mandate("a" * 64, NOW)),
    )
    body = record.to_body()
    assert body["representative"] == {
        "role": "tuteur", "last_name": "Martin", "first_names": "Jeanne",
        "mandate": {"sha256": "a" * 64, "signed_at": "2026-11-30T10:17:00Z"},
    }
    assert Submission.from_body(body) == record


def test_upload_ids_are_filled_in_without_touching_the_rest(catalogue: Catalogue) -> None:
    record = session_record(catalogue)
    sent = record.with_upload_ids({0: "u-" + "1" * 24})
    assert [d.upload_id for d in sent.documents] == ["u-" + "1" * 24]
    assert [d.upload_id for d in record.documents] == [None]
    assert replace(sent, documents=record.documents) == record


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"procedure": None}, "démarche"),
        ({"kiosk_id": ""}, "borne"),
        ({"answers": {"plate": ["AB"]}}, "valeur simple"),
        ({"answers": {"plate": float("nan")}}, "valeur simple"),
        ({"created_at": "hier"}, "illisible"),
        ({"consent": None}, "consentement"),
        ({"documents": [{"kind": "x"}]}, "pièce n°1"),
        ({"representative": {"role": "cousin", "last_name": "A", "first_names": "B"}}, "agit pour"),
        ({"supersedes": 42}, "identifiant"),
    ],
)
def test_a_body_that_does_not_fit_is_refused_in_french(change: dict[str, object], words: str) -> None:
    with pytest.raises(InvalidSubmission, match=words):
        Submission.from_body({**make_body(), **change})


def test_a_row_stored_before_representative_existed_still_reads_and_is_sent(
    server: RunningServer, outbox: Outbox
) -> None:
    item = outbox.enqueue(make_body(), [make_doc()])
    old = {key: value for key, value in outbox.body(item.id).items() if key != "representative"}
    with outbox._lock:  # the sealed body exactly as the previous version wrote it
        outbox.db.execute(
            "UPDATE submissions SET body = ? WHERE id = ?",
            (outbox._seal_json(old, f"submissions/{item.id}/body"), item.id),
        )
        outbox.db.conn.commit()
    assert outbox.submission(item.id).representative is None
    assert outbox.body(item.id)["representative"] is None
    client = SyncClient(outbox, server.url, TOKEN, kiosk_id="7501-K02",
                        user_agent="point-numerique-kiosk/0.1.0", backoff_base_s=0.01)
    assert client.sync().sent == 1
    [filed] = server.store.submissions()
    assert json.loads(filed.canonical)["representative"] is None


def test_an_older_snapshot_still_reads() -> None:
    stored = {
        "id": "6f1c0d5e-8d0b-4c36-9a8e-2f1e4b7a9c10", "local_reference": "PN-7501-K02-000001",
        "procedure": {"code": "cg-changement-adresse", "version": "3"},
        "created_at": "2026-11-30T10:17:00Z", "kiosk_id": "7501-K02", "site": "7501",
        "answers": {"plate": "AB-123-CD"}, "documents": [{"kind": "justificatif_domicile",
        "filename": "f.pdf", "size": 12}], "content_sha256": "ab" * 32,
    }  # fmt: skip
    snapshot = ReceiptSnapshot.from_json(stored)
    assert snapshot.body_sha256 == "ab" * 32 and snapshot.consent is None
    assert snapshot.created_at == NOW and snapshot.documents[0].size == 12
    with pytest.raises(SnapshotUnreadable, match="n'est pas perdue"):
        ReceiptSnapshot.from_json({**stored, "created_at": None})


def test_canonical_json_is_sorted_compact_utf8_and_refuses_nan() -> None:
    assert canonical_json({"b": 1, "a": {"é": [1, 2]}}) == '{"a":{"é":[1,2]},"b":1}'.encode()
    assert body_sha256({"b": 1, "a": 2}) == body_sha256({"a": 2, "b": 1})
    with pytest.raises(ValueError):
        canonical_json({"a": float("nan")})


def test_times_are_written_one_way_and_read_any_rfc3339_way() -> None:
    assert rfc3339(datetime(2026, 11, 30, 11, 17, 5, 999, tzinfo=UTC)) == "2026-11-30T11:17:05Z"
    assert parse_time("2026-11-30T11:17:00+01:00") == NOW == parse_time("2026-11-30T10:17:00Z")


@pytest.mark.parametrize(
    ("size", "words"),
    [
        (0, "0 Ko"), (1, "1 Ko"), (1024, "1 Ko"), (1025, "2 Ko"), (183_422, "180 Ko"),
        (1024 * 1024 - 1, "1 Mo"), (1024 * 1024, "1 Mo"), (1_250_000, "1,2 Mo"),
        (10 * 1024 * 1024, "10 Mo"), (10 * 1024 * 1024 + 1, "10,1 Mo"),
    ],
)
def test_file_sizes_are_worded_in_1024_units_rounded_up(size: int, words: str) -> None:
    assert file_size(size).replace("\u00a0", " ") == words


def test_a_file_over_the_limit_never_reads_as_the_limit(catalogue: Catalogue) -> None:
    procedure = catalogue.get("cg-changement-adresse")
    spec = procedure.documents[0]
    session = ProcedureSession(procedure, kiosk_id="7501-K02", site="7501", now=lambda: NOW)
    with pytest.raises(ValidationError) as refused:
        session.check_document(spec.kind, "f.pdf", b"%PDF-" + b"0" * (spec.max_size_bytes - 4))
    sizes = re.findall(r"\(([^)]*)\)|est ([^.]*)\.", refused.value.message)
    worded = {part for pair in sizes for part in pair if part}
    assert len(worded) == 2, refused.value.message  # the file's size and the limit differ


SIZE_FORMATTING = re.compile(r"\}\s*(?:\{NBSP\}|\\u00a0)?\s*(?:Ko|Mo|octets)\b")


def test_sizes_are_worded_by_kiosk_file_size_only() -> None:
    """No other module formats a number followed by Ko, Mo or octets (session, screens,
    receipts, CLI); the reference service, which answers IT in exact bytes, is apart."""
    offenders = []
    for folder in ("kiosk", "ui", "offline_queue"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path.name == "file_size.py":
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if SIZE_FORMATTING.search(line) and "len(key)" not in line:
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []
