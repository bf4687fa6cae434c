"""Catalogue loading at start-up against the loader it replaced, in the same run.

Baseline, named « two pure-Python parses + jsonschema »: what
``load_definition`` did before, for each shipped file: ``yaml.compose`` and
``yaml.safe_load`` of the text (pure Python), then a new
``jsonschema.Draft202012Validator`` and its ``iter_errors``. The current
``load_catalogue()`` does one libyaml parse, the compiled schema check and
every run-time check of ``kiosk.procedure_checks``.

Two measures, rounds alternated so that a busy machine slows both alike:
- warm: both in this process, modules already imported;
- start-up: a fresh interpreter per round, timed from before the imports
  (``jsonschema`` and ``yaml`` for the baseline, ``kiosk.procedures`` for ours)
  to the loaded catalogue, which is what the kiosk pays before its first tap.
Usage: ``python benchmarks/bench_catalogue.py [--rounds 15]``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BASELINE = """
import time
start = time.perf_counter()
import json
import jsonschema
import yaml
from resources import resource_path
schema = json.loads(resource_path("procedure.schema.json").read_text("utf-8"))
for path in sorted(resource_path("procedures").glob("*.yaml")):
    text = path.read_text(encoding="utf-8")
    yaml.compose(text)
    data = yaml.safe_load(text)
    assert not list(jsonschema.Draft202012Validator(schema).iter_errors(data))
elapsed = time.perf_counter() - start
"""

CURRENT = """
import time
start = time.perf_counter()
from kiosk.procedures import load_catalogue
catalogue = load_catalogue()
assert catalogue.procedures and not catalogue.errors
elapsed = time.perf_counter() - start
"""


def fresh(code: str) -> float:
    """Seconds from the first import to the loaded catalogue, in a new interpreter."""
    result = subprocess.run([sys.executable, "-c", code + "print(elapsed)"], capture_output=True,
                            text=True, check=True, cwd=ROOT)
    return float(result.stdout.strip())


def timed(code: str) -> float:
    """The same, in this process, where the imports are already done."""
    namespace: dict[str, float] = {}
    exec(code, namespace)  # noqa: S102 - our own fixed benchmark code
    return namespace["elapsed"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    print(f"catalogue loading: {rounds} alternated rounds each")
    for code in (BASELINE, CURRENT):  # import everything once before the warm rounds
        timed(code)
    warm_base, warm_ours, cold_base, cold_ours = [], [], [], []
    for _ in range(rounds):
        warm_base.append(timed(BASELINE))
        warm_ours.append(timed(CURRENT))
        cold_base.append(fresh(BASELINE))
        cold_ours.append(fresh(CURRENT))
    for label, base, ours in (("warm (in process)", warm_base, warm_ours),
                              ("start-up (fresh interpreter)", cold_base, cold_ours)):
        b, o = statistics.median(base) * 1000, statistics.median(ours) * 1000
        print(f"{label}: baseline {b:.1f} ms, load_catalogue {o:.1f} ms, ratio {o / b:.2f}x")


if __name__ == "__main__":
    main()
