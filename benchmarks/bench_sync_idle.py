"""The cost of a sync pass with nothing to send, as the screens' thread runs it every interval.

The kiosk's own pass (``make_sync_service``: health, heartbeat with the audit journal's
head, purge of what is past retention, counts, journal) against a bare
``requests.Session`` loop making the contract's two calls of an idle pass (``GET
/v1/health``, ``PUT .../heartbeat``; and health alone, since a pass repeats an unchanged
heartbeat only once a minute), in the same run, with an empty outbox and with
``--kept`` sent requests still within retention (what a kiosk holds after weeks).

The time that matters is the sync thread's CPU (``time.thread_time``): while it runs it
holds the interpreter lock the screens need. Wall time is shown too; the reference
service runs in its own process.
Usage: ``python benchmarks/bench_sync_idle.py [--passes 300] [--kept 2000] [--rounds 3]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import requests
from bench_sync import TOKEN, USER_AGENT, reference_service, workload

from kiosk.central_client import make_sync_service
from kiosk.config import KioskConfig
from offline_queue import Outbox, open_outbox
from offline_queue.sync_service import SyncService

KIOSK = "7501-K99"


def fill_sent(outbox: Outbox, count: int) -> None:
    """``count`` requests acknowledged a moment ago: kept, not yet due for purge (setup only,
    without the per-request fsync)."""
    outbox.db.execute("PRAGMA synchronous = OFF")
    try:
        for n, (body, docs) in enumerate(workload(count)):
            item = outbox.enqueue(body, docs)
            outbox.mark_sending(item.id)
            outbox.mark_sent(item.id, f"ANTS-2026-{n:08d}", "2026-12-01T10:00:00Z")
    finally:
        outbox.db.execute("PRAGMA synchronous = FULL")


def time_passes(service: SyncService, passes: int) -> tuple[float, float]:
    """Median wall and thread-CPU seconds of one idle pass."""
    walls, cpus = [], []
    for _ in range(passes):
        wall, cpu = time.perf_counter(), time.thread_time()
        result = service.run_pass()
        cpus.append(time.thread_time() - cpu)
        walls.append(time.perf_counter() - wall)
        assert result.online and result.waiting == 0, result
    return statistics.median(walls), statistics.median(cpus)


def time_bare(url: str, passes: int, heartbeat: bool = True) -> tuple[float, float]:
    """The same calls with nothing around them: health, and the heartbeat unless told not to."""
    session = requests.Session()
    session.headers.update({"Authorization": f"Bearer {TOKEN}", "User-Agent": USER_AGENT})
    body = {"version": USER_AGENT, "queue_depth": 0, "oldest_pending_at": None,
            "last_sync_at": None, "failed": 0}
    walls, cpus = [], []
    for _ in range(passes):
        wall, cpu = time.perf_counter(), time.thread_time()
        assert session.get(f"{url}/v1/health", timeout=10).status_code == 200
        if heartbeat:
            assert session.put(f"{url}/v1/kiosks/{KIOSK}/heartbeat", json=body,
                               timeout=10).status_code == 204
        cpus.append(time.thread_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return statistics.median(walls), statistics.median(cpus)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--passes", type=int, default=300)
    parser.add_argument("--kept", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    rows: dict[str, list[tuple[float, float]]] = {
        "bare": [], "health": [], "empty": [], "kept": [], "beating": []}
    with tempfile.TemporaryDirectory() as tmp, reference_service(Path(tmp)) as url:
        time_bare(url, 20)  # the server warmed up, the kiosk id bound to the token
        services = {}
        for name, kept in (("empty", 0), ("kept", args.kept), ("beating", args.kept)):
            config = KioskConfig(kiosk_id=KIOSK, site="7501", data_dir=Path(tmp) / name,
                                 central_url=url, central_token=TOKEN)
            outbox = open_outbox(config.data_dir)
            fill_sent(outbox, kept)
            services[name] = make_sync_service(config, outbox)
            if name == "beating":  # a heartbeat on every pass, as before its pace
                services[name].client.heartbeat_every_s = 0.0
            time_passes(services[name], 10)
        for _ in range(args.rounds):
            rows["bare"].append(time_bare(url, args.passes))
            rows["health"].append(time_bare(url, args.passes, heartbeat=False))
            for name, service in services.items():
                rows[name].append(time_passes(service, args.passes))
        for service in services.values():
            service.outbox.close()

    def median(name: str, index: int) -> float:
        return statistics.median(r[index] for r in rows[name])

    print("| idle pass | wall, median | sync-thread CPU, median | CPU / bare loop's |")
    print("|---|---|---|---|")
    for name, label in (("bare", "bare loop: health + heartbeat"), ("health", "bare loop: health alone"),
                        ("empty", "kiosk pass, empty outbox"),
                        ("kept", f"kiosk pass, {args.kept} sent requests kept"),
                        ("beating", f"same, {args.kept} kept, a heartbeat every pass")):
        print(f"| {label} | {median(name, 0) * 1000:.2f} ms | {median(name, 1) * 1000:.2f} ms | "
              f"{median(name, 1) / median('bare', 1):.2f}× |")
    print(f"kept / empty CPU: {median('kept', 1) / median('empty', 1):.2f}× "
          f"({args.passes} passes × {args.rounds} rounds)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
