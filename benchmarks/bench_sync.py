"""Sync throughput on loopback: the real sync client (outbox, fsyncs, checks) against a bare
``requests.Session`` loop sending the very same requests, in the same run.

The reference service runs in its own process so client and server do not share a GIL.
Usage: ``python benchmarks/bench_sync.py [--submissions 200] [--rounds 3]``.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import requests

from kiosk import PRODUCT, __version__
from offline_queue import Outbox, open_outbox
from offline_queue.sync import SyncClient

TOKEN = "jeton-banc-d-essai"
USER_AGENT = f"{PRODUCT}/{__version__}"
DOC_SIZES = (2_000, 6_000)
BLOCK = 20
SERVER_SCRIPT = """
import sys, time
from pathlib import Path
from reference_central import serve_in_thread
server = serve_in_thread(Path(sys.argv[1]), sys.argv[2])
print(server.url, flush=True)
while True:
    time.sleep(3600)
"""


@contextmanager
def reference_service(root: Path) -> Iterator[str]:
    """The reference central service in its own process (its own GIL); yields its URL."""
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER_SCRIPT, str(root / "central"), TOKEN],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        yield server.stdout.readline().strip()
    finally:
        server.terminate()
        server.wait(timeout=10)


class Doc:
    def __init__(self, kind: str, data: bytes) -> None:
        self.kind, self.data = kind, data
        self.filename, self.content_type = f"{kind}.pdf", "application/pdf"
        self.size, self.sha256 = len(data), hashlib.sha256(data).hexdigest()


def workload(count: int) -> list[tuple[dict[str, Any], list[Doc]]]:
    items = []
    for n in range(count):
        docs = [
            Doc(f"piece_{i}", (f"%PDF-1.4 piece {n}/{i} ".encode() * size)[:size])
            for i, size in enumerate(DOC_SIZES)
        ]
        body = {
            "id": str(uuid.uuid4()),
            "local_reference": f"PN-BENCH-{uuid.uuid4().hex[:12]}",
            "procedure": {"code": "cg-changement-adresse", "version": "3"},
            "created_at": "2026-11-30T10:17:00Z",
            "kiosk_id": "7501-K99",
            "site": "7501",
            "mediator_id": None,
            "answers": {"plate": "AB-123-CD", "postal_code": "75011", "commune": "Paris"},
            "documents": [
                {"kind": d.kind, "upload_id": None, "sha256": d.sha256, "size": d.size,
                 "content_type": d.content_type, "filename": d.filename}
                for d in docs
            ],
            "consent": {"given_at": "2026-11-30T10:16:40Z", "text_version": "2"},
            "representative": None,
            "supersedes": None,
        }
        items.append((body, docs))
    return items


def run_client(client: SyncClient, outbox: Outbox, items: list[tuple[dict[str, Any], list[Doc]]]) -> float:
    for body, docs in items:
        outbox.enqueue(body, docs)
    started = time.perf_counter()
    report = client.sync()
    elapsed = time.perf_counter() - started
    assert report.sent == len(items) and report.complete, report
    return elapsed


def run_bare(url: str, items: list[tuple[dict[str, Any], list[Doc]]]) -> float:
    session = requests.Session()
    session.headers.update(
        {"Authorization": f"Bearer {TOKEN}", "User-Agent": USER_AGENT, "Tus-Resumable": "1.0.0"}
    )
    started = time.perf_counter()
    assert session.get(f"{url}/v1/health", timeout=10).status_code == 200
    for body, docs in items:
        sent = json.loads(json.dumps(body))
        for index, doc in enumerate(docs):
            metadata = ",".join(
                f"{k} {base64.b64encode(v.encode()).decode()}"
                for k, v in (("sha256", doc.sha256), ("content_type", doc.content_type),
                             ("filename", doc.filename))
            )
            created = session.post(
                f"{url}/v1/uploads",
                headers={"Upload-Length": str(doc.size), "Upload-Metadata": metadata},
                timeout=10,
            )
            upload_id = created.headers["Location"].rsplit("/", 1)[-1]
            checksum = base64.b64encode(hashlib.sha256(doc.data).digest()).decode()
            patched = session.patch(
                f"{url}/v1/uploads/{upload_id}",
                data=doc.data,
                headers={"Content-Type": "application/offset+octet-stream",
                         "Upload-Offset": "0", "Upload-Checksum": f"sha256 {checksum}"},
                timeout=10,
            )
            assert patched.status_code == 204
            sent["documents"][index]["upload_id"] = upload_id
        answer = session.post(
            f"{url}/v1/submissions",
            data=json.dumps(sent).encode(),
            headers={"Idempotency-Key": sent["id"], "Content-Type": "application/json"},
            timeout=10,
        )
        assert answer.status_code == 201, answer.text
    session.put(
        f"{url}/v1/kiosks/7501-K99/heartbeat",
        json={"version": USER_AGENT, "queue_depth": 0, "oldest_pending_at": None,
              "last_sync_at": None, "failed": 0},
        timeout=10,
    )
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--submissions", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    client_times: list[float] = []
    bare_times: list[float] = []
    with tempfile.TemporaryDirectory() as tmp, reference_service(Path(tmp)) as url:
        run_bare(url, workload(20))  # warm the server up before anything is timed
        with open_outbox(Path(tmp) / "kiosk") as outbox:
            client = SyncClient(outbox, url, TOKEN, kiosk_id="7501-K99", user_agent=USER_AGENT)
            for _ in range(args.rounds):
                client_s = bare_s = 0.0
                # small blocks, alternating which side goes first: the machine is shared,
                # and its load drifts; pairing blocks makes the ratio fair to both sides
                for block in range(args.submissions // BLOCK):
                    if block % 2:
                        bare_s += run_bare(url, workload(BLOCK))
                    client_s += run_client(client, outbox, workload(BLOCK))
                    if not block % 2:
                        bare_s += run_bare(url, workload(BLOCK))
                client_times.append(client_s)
                bare_times.append(bare_s)
    client_s, bare_s = statistics.median(client_times), statistics.median(bare_times)
    ratio = statistics.median(b / c for b, c in zip(bare_times, client_times, strict=True))
    count = args.submissions // BLOCK * BLOCK
    print(f"| sync client (outbox + SyncClient) | {count / client_s:.1f} submissions/s | {client_s:.2f} s |")
    print(f"| bare requests.Session loop        | {count / bare_s:.1f} submissions/s | {bare_s:.2f} s |")
    rounds = ", ".join(f"{b / c:.2f}" for b, c in zip(bare_times, client_times, strict=True))
    print(f"per-round ratios: {rounds}")
    print(f"ratio client/bare throughput: {ratio:.2f}x "
          f"({count} submissions x {len(DOC_SIZES)} documents, median of {args.rounds} rounds)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
