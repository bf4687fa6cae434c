"""The catalogue search, key press by key press, against a plain word scan, in the same run.

Baseline, named « plain word scan »: what a first search box would do. Fold case
and accents, then rank the procedures by how many typed words appear, as they are,
in their title and keywords. Ours: ``CatalogueSearch.find`` (stems, spoken forms,
typos, weights). Both run on every prefix of the 55 everyday phrasings of
``tests/test_catalogue_search.py``, as if typed on the kiosk's keyboard one key at
a time; rounds alternate so that a busy machine slows both alike. Also printed: how
often each puts the expected procedure first once the phrase is complete.
Usage: ``python benchmarks/bench_catalogue_search.py [--rounds 7]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from test_catalogue_search import PHRASINGS, SPOKEN  # noqa: E402

from kiosk.catalogue_search import CatalogueSearch, fold  # noqa: E402
from kiosk.procedures import Procedure, load_catalogue  # noqa: E402


def plain_scan(procedures: list[Procedure]) -> Callable[[str], list[Procedure]]:
    texts = [(p, fold(" ".join([p.title, *p.keywords]))) for p in procedures]

    def find(query: str) -> list[Procedure]:
        words = fold(query).split()
        ranked = [(sum(word in text for word in words), p) for p, text in texts]
        return [p for hits, p in sorted(ranked, key=lambda item: -item[0]) if hits][:4]

    return find


def per_key(find: Callable[[str], list[Procedure]]) -> float:
    """Seconds per key press over every prefix of every phrasing."""
    presses = [phrase[:end] for phrase, _code in PHRASINGS for end in range(1, len(phrase) + 1)]
    start = time.perf_counter()
    for typed in presses:
        find(typed)
    return (time.perf_counter() - start) / len(presses)


def first_rate(find: Callable[[str], list[Procedure]], phrasings: list[tuple[str, str]]) -> float:
    firsts = sum(bool(found := find(phrase)) and found[0].code == code for phrase, code in phrasings)
    return firsts / len(phrasings)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    procedures = list(load_catalogue().procedures.values())
    start = time.perf_counter()
    ours = CatalogueSearch(procedures)
    built = time.perf_counter() - start
    baseline = plain_scan(procedures)
    ratios, ours_s, base_s = [], [], []
    for _round in range(args.rounds):
        b = per_key(baseline)
        o = per_key(ours.find)
        base_s.append(b)
        ours_s.append(o)
        ratios.append(o / b)
    print(f"index built in {built * 1000:.1f} ms for {len(procedures)} procedures")
    print(f"per key press: ours {statistics.median(ours_s) * 1e6:.0f} µs, "
          f"plain word scan {statistics.median(base_s) * 1e6:.0f} µs, "
          f"ratio {statistics.median(ratios):.1f}× (median of {args.rounds} rounds)")
    for name, phrasings in (("everyday", PHRASINGS), ("spoken", SPOKEN)):
        ours_rate, base_rate = first_rate(ours.find, phrasings), first_rate(baseline, phrasings)
        print(f"first-ranked on the {len(phrasings)} {name} phrasings: "
              f"ours {ours_rate:.0%}, plain word scan {base_rate:.0%}")


if __name__ == "__main__":
    main()
