"""Queue recovery cost: ``recover`` on a damaged queue against plain SQLite reading the intact one.

The queue holds ``--count`` requests, each with two incompressible scans of
``--doc-kb`` KB. The baseline reads every row and every document of the
intact file with plain SQLite (what the bytes cost to read); the contenders,
on a copy with one garbled submissions page, are the page scan alone
(``page_salvage``) and the whole ``recover`` (three readers, AES-GCM checks,
the new queue built, fsynced and renamed into place). Each is run
``--repeat`` times, interleaved; the best time of each is kept. Run:

    .venv/bin/python benchmarks/bench_recover.py [--count 300] [--doc-kb 50] [--repeat 3]
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import os
import shutil
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from offline_queue import open_outbox
from offline_queue.crypto import read_key
from offline_queue.page_salvage import page_files
from offline_queue.recover import recover

PAGE = 4096


@dataclass(frozen=True)
class Doc:
    kind: str
    filename: str
    content_type: str
    data: bytes
    size: int
    sha256: str


def body(n: int) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "local_reference": None,
        "procedure": {"code": "cg-changement-adresse", "version": "3"},
        "created_at": "2026-11-30T10:17:00Z",
        "kiosk_id": "7501-K02",
        "site": "7501",
        "answers": {"plate": "AB-123-CD", "nom": f"Martin {n}"},
        "documents": [],
        "supersedes": None,
    }


def build(folder: Path, count: int, doc_bytes: int) -> None:
    with open_outbox(folder) as box:
        for n in range(count):
            docs = []
            for kind in ("piece_identite", "justificatif_domicile"):
                data = os.urandom(doc_bytes)
                docs.append(Doc(kind, f"{kind}.pdf", "application/pdf", data, len(data),
                                hashlib.sha256(data).hexdigest()))  # fmt: skip
            box.enqueue(body(n), docs)


def garble_one_leaf(db: Path) -> None:
    conn = sqlite3.connect(db)
    sql = "SELECT pageno FROM dbstat WHERE name = 'submissions' AND pagetype = 'leaf'"
    leaves = [r[0] for r in conn.execute(sql)]
    conn.close()
    with db.open("r+b") as handle:
        handle.seek((leaves[len(leaves) // 2] - 1) * PAGE)
        handle.write(os.urandom(PAGE))


def plain_read(intact: Path) -> Callable[[Path], None]:
    def run(_: Path) -> None:
        conn = sqlite3.connect(f"{intact.resolve().as_uri()}?mode=ro", uri=True)
        for table in ("submissions", "documents"):
            for _row in conn.execute(f"SELECT * FROM {table}"):
                pass
        conn.close()

    return run


def page_scan(damaged: Path) -> None:
    for pages in page_files(damaged / "outbox.db"):
        for _record in pages.records():
            pass


def whole_recover(damaged: Path) -> None:
    db = damaged / "outbox.db"
    recover(db, db, read_key(damaged / "outbox.key"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--doc-kb", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    logging.disable(logging.ERROR)  # the damaged file is reported at every open
    with tempfile.TemporaryDirectory(prefix="bench-recover-") as tmp:
        root = Path(tmp)
        build(root / "intact", args.count, args.doc_kb * 1024)
        shutil.copytree(root / "intact", root / "damaged")
        garble_one_leaf(root / "damaged" / "outbox.db")
        size = (root / "intact" / "outbox.db").stat().st_size
        contenders: dict[str, Callable[[Path], None]] = {
            "plain SQLite read (baseline)": plain_read(root / "intact" / "outbox.db"),
            "page scan": page_scan,
            "whole recover": whole_recover,
        }
        best = dict.fromkeys(contenders, float("inf"))
        for turn in range(args.repeat):
            for name, run in contenders.items():
                work = root / f"run-{turn}-{len(name)}"
                shutil.copytree(root / "damaged", work)
                started = time.perf_counter()
                run(work)
                best[name] = min(best[name], time.perf_counter() - started)
                shutil.rmtree(work)
    base = best["plain SQLite read (baseline)"]
    print(f"{args.count} requests x 2 x {args.doc_kb} KB, file {size / 1e6:.1f} MB, best of {args.repeat}")
    for name, seconds in best.items():
        print(f"  {name:30s} {seconds * 1000:8.1f} ms  {seconds / base:6.1f}x baseline")


if __name__ == "__main__":
    main()
