"""Audit journal cost: appending a chained entry, and verifying the chain.

Append: ``Journal.append`` (whitelist check, ``BEGIN IMMEDIATE``, read of the
tail, SHA-256, one durable insert) against the baseline of a bare sqlite3
insert of the same row in its own transaction, same file settings
(rollback journal, synchronous=FULL). Verify: ``Journal.verify`` over the
journal against the baseline of reading the same rows and hashing each one's
stored text once with SHA-256 (what any integrity check must at least do).
Both sides alternate in small batches so the shared machine's load favours
neither. Run:

    .venv/bin/python benchmarks/bench_audit.py [--entries 2000] [--batch 100]
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import tempfile
import time
import uuid
from pathlib import Path

from kiosk.audit import Journal


def bare_table(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE entries (n INTEGER PRIMARY KEY, at TEXT, who TEXT, kind TEXT, "
               "fields TEXT, prev TEXT, hash TEXT)")
    return db


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        journal = Journal(Path(folder) / "audit.db")
        bare = bare_table(Path(folder) / "bare.db")
        ids = [str(uuid.uuid4()) for _ in range(args.entries)]
        t_journal = t_bare = 0.0
        for start in range(0, args.entries, args.batch):
            batch = ids[start:start + args.batch]
            began = time.perf_counter()
            for visit in batch:
                journal.append("citoyen", "visit_start", visit=visit, mode="alone")
            t_journal += time.perf_counter() - began
            began = time.perf_counter()
            for i, visit in enumerate(batch):
                bare.execute("BEGIN")
                bare.execute("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)",
                             (start + i + 1, "2026-12-01T10:00:00Z", "citoyen", "visit_start",
                              f'{{"mode":"alone","visit":"{visit}"}}', "0" * 64, "0" * 64))
                bare.execute("COMMIT")
            t_bare += time.perf_counter() - began
        n = args.entries
        print(f"append: journal {n / t_journal:,.0f}/s, bare insert {n / t_bare:,.0f}/s, "
              f"ratio {t_journal / t_bare:.2f}x the bare time")
        rounds = 5
        v_journal = v_bare = 0.0
        for _ in range(rounds):
            began = time.perf_counter()
            assert journal.verify().ok
            v_journal += time.perf_counter() - began
            began = time.perf_counter()
            for row in bare.execute("SELECT n, at, who, kind, fields, prev, hash FROM entries"):
                hashlib.sha256("|".join(map(str, row)).encode()).hexdigest()
            v_bare += time.perf_counter() - began
        print(f"verify {n} entries: journal {1000 * v_journal / rounds:.1f} ms, bare read+hash "
              f"{1000 * v_bare / rounds:.1f} ms, ratio {v_journal / v_bare:.1f}x")


if __name__ == "__main__":
    main()
