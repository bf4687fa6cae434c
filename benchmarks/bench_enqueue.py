"""Durable enqueue throughput: the outbox against persist-queue and raw sqlite3.

Each submission is a JSON body with two 200 KB documents, committed durably
(WAL + synchronous=FULL, one transaction per submission) in all three cases;
only the outbox also encrypts (AES-GCM) and checks the documents' hashes.
The machine is shared, so the three are interleaved in small batches (the
order rotating) and see the same disk and CPU weather; each one's total time
over all its batches gives its throughput. Run:

    .venv/bin/python benchmarks/bench_enqueue.py [--count 300] [--batch 5]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import persistqueue

from offline_queue import open_outbox

DOC_SIZE = 200_000

Submission = tuple[dict[str, Any], list["Doc"]]


@dataclass(frozen=True)
class Doc:
    kind: str
    filename: str
    content_type: str
    data: bytes
    size: int
    sha256: str


def make_submission(n: int) -> Submission:
    docs = []
    for kind in ("piece_identite", "justificatif_domicile"):
        data = os.urandom(DOC_SIZE)  # incompressible, like a scan
        docs.append(Doc(kind, f"{kind}.pdf", "application/pdf", data, len(data),
                        hashlib.sha256(data).hexdigest()))  # fmt: skip
    body: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "local_reference": None,
        "procedure": {"code": "cg-changement-adresse", "version": "3"},
        "created_at": "2026-11-30T10:17:00Z",
        "kiosk_id": "7501-K02",
        "site": "7501",
        "mediator_id": "m-0042",
        "answers": {"plate": "AB-123-CD", "nom": f"Martin {n}", "prenoms": "Marie"},
        "documents": [],
        "consent": {"given_at": "2026-11-30T10:16:40Z", "text_version": "2"},
        "representative": None,
        "supersedes": None,
    }
    return body, docs


def outbox_writer(folder: Path) -> Callable[[Submission], None]:
    box = open_outbox(folder)

    def enqueue(work: Submission) -> None:
        box.enqueue(*work)

    return enqueue


def persist_queue_writer(folder: Path) -> Callable[[Submission], None]:
    queue = persistqueue.SQLiteAckQueue(str(folder), auto_commit=True)
    queue._putter.execute("PRAGMA synchronous = FULL")  # type: ignore[attr-defined]  # same durability

    def put(work: Submission) -> None:
        body, docs = work
        queue.put({"body": body, "documents": [(d.kind, d.filename, d.data) for d in docs]})

    return put


def raw_writer(folder: Path) -> Callable[[Submission], None]:
    conn = sqlite3.connect(folder / "raw.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE submissions (id TEXT PRIMARY KEY, body BLOB)")
    conn.execute("CREATE TABLE documents (submission_id TEXT, idx INTEGER, kind TEXT, "
                 "data BLOB, PRIMARY KEY (submission_id, idx))")  # fmt: skip

    def insert(work: Submission) -> None:
        body, docs = work
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO submissions VALUES (?, ?)", (body["id"], json.dumps(body)))
        conn.executemany(
            "INSERT INTO documents VALUES (?, ?, ?, ?)",
            [(body["id"], i, d.kind, d.data) for i, d in enumerate(docs)],
        )
        conn.execute("COMMIT")

    return insert


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--count", type=int, default=300, help="submissions per contender")
    parser.add_argument("--batch", type=int, default=5, help="submissions per turn")
    args = parser.parse_args()
    makers = {
        "outbox (AES-GCM)": outbox_writer,
        "persist-queue SQLiteAckQueue": persist_queue_writer,
        "raw sqlite3": raw_writer,
    }
    elapsed = dict.fromkeys(makers, 0.0)
    with tempfile.TemporaryDirectory(prefix="bench-enqueue-", dir=os.environ.get("BENCH_DIR")) as root:
        writers = {}
        for number, (name, make) in enumerate(makers.items()):
            folder = Path(root) / str(number)
            folder.mkdir()
            writers[name] = make(folder)
        names = list(writers)
        for turn in range(args.count // args.batch):
            for name in names[turn % 3 :] + names[: turn % 3]:  # rotate who goes first
                work = [make_submission(n) for n in range(args.batch)]
                start = time.perf_counter()
                for submission in work:
                    writers[name](submission)
                elapsed[name] += time.perf_counter() - start
    done = args.count // args.batch * args.batch
    rate = {name: done / seconds for name, seconds in elapsed.items()}
    megabytes = 2 * DOC_SIZE / 1e6
    print(f"{done} submissions x 2 x {DOC_SIZE // 1000} KB each, interleaved by {args.batch}")
    for name, value in rate.items():
        print(f"  {name:30s} {value:7.1f} submissions/s  {value * megabytes:6.1f} MB/s"
              f"  {1000 / value:5.2f} ms each")  # fmt: skip
    outbox = rate["outbox (AES-GCM)"]
    print(f"  outbox / persist-queue = {outbox / rate['persist-queue SQLiteAckQueue']:.2f}x "
          "(goal >= 1.0x)")  # fmt: skip
    print(f"  outbox / raw sqlite3   = {outbox / rate['raw sqlite3']:.2f}x (goal >= 0.8x)")


if __name__ == "__main__":
    main()
