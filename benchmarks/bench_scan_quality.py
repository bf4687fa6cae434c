"""Scan checks on generated scans: how many good pages are refused, how many bad ones caught.

Good pages (``kiosk.sample_scans.good_scan``): a made-up bill drawn at 100, 150,
200 or 300 dpi, with paper tint, sensor grain, skew, a scanner's slight
softness, saved as JPEG, PNG or PDF. Bad pages: blank (grain and dust only),
too dark (brightness × 0.20–0.42), blurred (Gaussian σ 0.4–0.8 mm), too small
(30–65 dpi). Every file goes through ``kiosk.scan_quality.check_scan`` as the
intake calls it. The seed differs from the one the thresholds were set on
(7), so the figures are not the tuning set's.

Time: the check of one file against its baseline, named « decode only »:
Pillow (or pdfium for a PDF) decoding the same bytes at the same scale,
rounds alternated.

Usage: ``python benchmarks/bench_scan_quality.py [--good 60] [--bad 15] [--seed 2026]``
(``--bad`` is per kind of fault).
"""

from __future__ import annotations

import argparse
import contextlib
import random
import statistics
import time
from collections import Counter

from kiosk.sample_scans import PROBLEMS, bad_scan, encode, good_scan
from kiosk.scan_quality import (
    MIN_INK_SHARE,
    MIN_LONG_SIDE,
    MIN_PAPER_LEVEL,
    MIN_SHARPNESS,
    Measures,
    check_scan,
    first_page,
    measure,
)
from kiosk.validators import ValidationError

FORMATS = ("jpg", "png", "pdf")


MEASURED: dict[str, list[Measures]] = {}


def verdict(data: bytes, fmt: str, group: str) -> str | None:
    measures = measure(first_page(data, fmt))
    MEASURED.setdefault(group, []).append(measures)
    return measures.problem


def margins() -> None:
    """How far the worst good page and the best bad one of each kind stand from each threshold."""
    good = MEASURED.get("good", [])
    if good:
        print(f"good, worst: long side {min(max(m.width, m.height) for m in good)} px "
              f"(refused under {MIN_LONG_SIDE}), paper {min(m.paper for m in good)} "
              f"(under {MIN_PAPER_LEVEL}), "
              f"ink {min(m.ink_share for m in good):.4f} (under {MIN_INK_SHARE}), "
              f"sharpness {min(m.sharpness for m in good):.3f} (under {MIN_SHARPNESS})")
    for kind, value, limit in (("small", lambda m: max(m.width, m.height), MIN_LONG_SIDE),
                               ("dark", lambda m: m.paper, MIN_PAPER_LEVEL),
                               ("blank", lambda m: m.ink_share, MIN_INK_SHARE),
                               ("blurred", lambda m: m.sharpness, MIN_SHARPNESS)):
        bad = MEASURED.get(kind, [])
        if bad:
            print(f"{kind}, closest to passing: {max(value(m) for m in bad):.4g} (threshold {limit})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--good", type=int, default=60)
    parser.add_argument("--bad", type=int, default=15)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    refused: Counter[str] = Counter()
    by_dpi: Counter[int] = Counter()
    samples: list[tuple[bytes, str]] = []
    for index in range(args.good):
        scan = good_scan(rng, (100, 150, 200, 300)[index % 4])
        fmt = FORMATS[index % 3]
        data = encode(scan.page, fmt, rng, scan.dpi)
        samples.append((data, fmt))
        problem = verdict(data, fmt, "good")
        if problem is not None:
            refused[problem] += 1
            by_dpi[scan.dpi] += 1
    false_refusals = sum(refused.values())
    print(f"good scans: {args.good}, refused: {false_refusals} "
          f"({100 * false_refusals / args.good:.1f} %) {dict(refused)} by dpi {dict(by_dpi)}")
    caught_total = 0
    for problem in PROBLEMS:
        said: Counter[str] = Counter()
        for index in range(args.bad):
            scan = bad_scan(rng, problem)
            fmt = FORMATS[index % 3]
            said[str(verdict(encode(scan.page, fmt, rng, scan.dpi), fmt, problem))] += 1
        caught = args.bad - said["None"]
        caught_total += caught
        print(f"{problem:8s}: caught {caught}/{args.bad} ({100 * caught / args.bad:.0f} %), "
              f"named right {said[problem]}/{args.bad}, verdicts {dict(said)}")
    bad_total = args.bad * len(PROBLEMS)
    print(f"bad scans: {bad_total}, caught {caught_total} ({100 * caught_total / bad_total:.1f} %)")
    margins()

    checks, decodes = [], []
    for data, fmt in samples[:24]:
        start = time.perf_counter()
        first_page(data, fmt)
        decodes.append(time.perf_counter() - start)
        start = time.perf_counter()
        with contextlib.suppress(ValidationError):
            check_scan(data, fmt)
        checks.append(time.perf_counter() - start)
    check_ms, decode_ms = statistics.median(checks) * 1000, statistics.median(decodes) * 1000
    print(f"check: median {check_ms:.0f} ms per file, decode only {decode_ms:.0f} ms: "
          f"{check_ms / decode_ms:.2f}× the decode")


if __name__ == "__main__":
    main()
