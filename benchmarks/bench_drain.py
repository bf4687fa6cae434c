"""How fast the queue drains on four lines, against the ideal for each line.

The real sync service (outbox, ``SyncService.run_pass`` as ``kiosk sync`` runs it, the
kiosk's default back-off and chunk size) sends requests carrying one 1–3 MB scan each
through the shaping proxy of ``tests/faults.py`` to the reference service, which runs
in its own process. The ideal is the time the payload (document bytes and submission
bodies) needs at the line's rate, using every second the line is up, plus the
server's Retry-After waits (none on these lines). Headers, round trips and the
server's own work are not in the ideal: they are part of what is paid. On the
fast line, where they dominate, a bare ``requests`` loop sending the same
documents in one PATCH each through the same line is timed too, as a floor.

Lines: a clean fast line (100 Mbit/s, 2 ms); 2 Mbit/s with 40 ms round trip; the same
with 10% of connections cut part-way through their request; the same with the line
down 10 s of every 30 s (connections reset at once, a transfer under way cut).

Which connections are cut follows a seeded draw, and one draw can bunch cuts together
(seed 7 cuts connections 3, 5, 6 and 7), so the cut line is run with three seeds.

Sized to stay bounded: 3 requests per line by default (about 4–5 MB, about 20 s of
bytes at 2 Mbit/s); the four lines (the cut one three times) take about 3 minutes.
Usage: ``python benchmarks/bench_drain.py [--requests 3] [--lines fast,slow,cuts,outage]
[--cut-seeds 7,8,9]``.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from faults import FaultProxy, LineShape  # noqa: E402
from outbox_helpers import make_body, make_doc  # noqa: E402

from kiosk import PRODUCT, __version__  # noqa: E402
from offline_queue import open_outbox  # noqa: E402
from offline_queue.canonical import canonical_json  # noqa: E402
from offline_queue.sync import DEFAULT_CHUNK_SIZE, SyncClient  # noqa: E402
from offline_queue.sync_service import SyncService  # noqa: E402

TOKEN = "jeton-banc-d-essai"
MB = 1024 * 1024
SERVER_SCRIPT = """
import sys, time
from pathlib import Path
from reference_central import serve_in_thread
server = serve_in_thread(Path(sys.argv[1]), sys.argv[2])
print(server.port, flush=True)
while True:
    time.sleep(3600)
"""
SLOW = 2_000_000
LINES = {
    "fast": ("clean fast line, 100 Mbit/s, 2 ms", LineShape(100_000_000, rtt_s=0.002)),
    "slow": ("2 Mbit/s, 40 ms", LineShape(SLOW, rtt_s=0.040)),
    "cuts": ("2 Mbit/s, 40 ms, 10% of connections cut", LineShape(SLOW, 0.040, cut_fraction=0.10, seed=7)),
    "outage": ("2 Mbit/s, 40 ms, down 10 s every 30 s",
               LineShape(SLOW, 0.040, outage_every_s=30.0, outage_s=10.0)),
}


@dataclass
class Drain:
    line: str
    seconds: float
    ideal: float
    payload: int
    twice: int
    cuts: int
    new_uploads: int
    documents: int

    def row(self) -> str:
        per_cut = f"{self.twice / self.cuts / DEFAULT_CHUNK_SIZE:.2f}" if self.cuts else "–"
        return (f"| {self.line} | {self.payload / MB:.1f} MB | {self.ideal:.1f} s | {self.seconds:.1f} s "
                f"| {self.seconds / self.ideal:.2f}× | {self.cuts} | {self.twice / 1024:.0f} KiB "
                f"| {per_cut} | {self.new_uploads - self.documents} |")


def drain(name: str, shape: LineShape, server_port: int, root: Path, count: int, seed: int) -> Drain:
    rng = random.Random(seed)
    proxy = FaultProxy(server_port, shape)
    try:
        with open_outbox(root / name) as outbox:
            payload = sizes = 0
            for n in range(count):
                size = rng.randint(1 * MB, 3 * MB)
                body = make_body()
                outbox.enqueue(body, [make_doc("justificatif_domicile", size, seed=seed + n)])
                sizes += size
            for item in outbox.list_items(["queued"]):
                payload += len(canonical_json(outbox.body(item.id)))
            payload += sizes + count * 64  # + the upload ids the bodies will cite
            client = SyncClient(outbox, proxy.url(), TOKEN, kiosk_id="7501-K02",
                                user_agent=f"{PRODUCT}/{__version__}")
            ideal = shape.up_time_ideal(payload * 8 / shape.rate_bps)
            proxy.started = started = time.monotonic()
            result = SyncService(outbox, client).run_pass(deadline_s=4 * ideal + 60, force=True)
            seconds = time.monotonic() - started
            assert result.waiting == 0 and result.needs_attention == 0, result
        return Drain(
            LINES[name][0], seconds, ideal, payload, proxy.wire_bytes.get("PATCH", 0) - sizes,
            proxy.cuts, proxy.count("POST", "/uploads"), count,
        )
    finally:
        proxy.stop()


def bare(shape: LineShape, server_port: int, count: int, seed: int) -> float:
    """The same documents and bodies by a bare ``requests`` loop, one PATCH per document."""
    rng = random.Random(seed)
    proxy = FaultProxy(server_port, shape)
    session = requests.Session()
    session.headers.update({"Authorization": f"Bearer {TOKEN}", "Tus-Resumable": "1.0.0",
                            "User-Agent": f"{PRODUCT}/{__version__}"})
    url = proxy.url()
    try:
        work = []
        for n in range(count):
            size = rng.randint(1 * MB, 3 * MB)
            work.append((make_body(), make_doc("justificatif_domicile", size, seed=seed + n)))
        started = time.monotonic()
        assert session.get(f"{url}/v1/health", timeout=10).status_code == 200
        for number, (body, doc) in enumerate(work, 1):
            metadata = ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in (
                ("sha256", doc.sha256), ("content_type", doc.content_type), ("filename", doc.filename)))
            created = session.post(f"{url}/v1/uploads", timeout=10, headers={
                "Upload-Length": str(doc.size), "Upload-Metadata": metadata})
            upload_id = created.headers["Location"].rsplit("/", 1)[-1]
            digest = base64.b64encode(hashlib.sha256(doc.data).digest()).decode()
            patched = session.patch(f"{url}/v1/uploads/{upload_id}", data=doc.data, timeout=60, headers={
                "Content-Type": "application/offset+octet-stream", "Upload-Offset": "0",
                "Upload-Checksum": f"sha256 {digest}"})
            assert patched.status_code == 204, patched.status_code
            body["local_reference"] = f"PN-7501-K02-9{seed:02d}{number:03d}"
            body["documents"] = [{"kind": doc.kind, "upload_id": upload_id, "sha256": doc.sha256,
                                  "size": doc.size, "content_type": doc.content_type,
                                  "filename": doc.filename}]
            answer = session.post(f"{url}/v1/submissions", data=canonical_json(body), timeout=10,
                                  headers={"Idempotency-Key": body["id"],
                                           "Content-Type": "application/json"})
            assert answer.status_code == 201, answer.text
        return time.monotonic() - started
    finally:
        proxy.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=3)
    parser.add_argument("--cut-seeds", default="7,8,9")
    parser.add_argument("--lines", default=",".join(LINES))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        server = subprocess.Popen(
            [sys.executable, "-c", SERVER_SCRIPT, str(root / "central"), TOKEN],
            stdout=subprocess.PIPE, text=True,
        )
        try:
            assert server.stdout is not None
            port = int(server.stdout.readline())
            print("| line | payload | ideal | drained in | ratio | cuts | bytes sent twice "
                  "| chunks twice per cut | new uploads after a cut |")
            print("|---|---|---|---|---|---|---|---|---|")
            for name in args.lines.split(","):
                title, shape = LINES[name]
                shapes = [shape]
                if name == "cuts":
                    shapes = [replace(shape, seed=int(seed)) for seed in args.cut_seeds.split(",")]
                for number, shaped in enumerate(shapes):
                    result = drain(name, shaped, port, root / str(number), args.requests, args.seed)
                    if len(shapes) > 1:
                        result.line = f"{title} (seed {shaped.seed})"
                    print(result.row(), flush=True)
                if name == "fast":
                    floor = bare(LINES[name][1], port, args.requests, args.seed)
                    print(f"| (same line, bare requests loop, one PATCH per document) | | "
                          f"| {floor:.1f} s | {floor / result.ideal:.2f}× | | | | |", flush=True)
        finally:
            server.terminate()
            server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
