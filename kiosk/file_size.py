"""File sizes in words, in one unit everywhere: « 180 Ko », « 1,2 Mo », « 10 Mo ».

One unit, 1024: the limits of the procedure definitions are binary megabytes
(``max_size_mb`` × 1024 × 1024, see ``kiosk.procedures``), so a 10 Mo limit
reads « 10 Mo » and not « 10,5 Mo ». Sizes are rounded up, so a file over a
limit never reads as equal to it, and never as smaller than it is. The
session's messages, the screens, the receipts and the CLI all word sizes here.
"""

from __future__ import annotations

import math

KIB = 1024
MIB = 1024 * 1024
NBSP = "\u00a0"  # French typography: no line break between a number and its unit


def file_size(size: int) -> str:
    """« 1 Ko » at least (under a Ko), whole Ko under a Mo, then Mo to one decimal."""
    if size <= 0:
        return f"0{NBSP}Ko"
    kib = math.ceil(size / KIB)
    if kib < KIB:
        return f"{kib}{NBSP}Ko"
    tenths = math.ceil(size * 10 / MIB)
    whole, tenth = divmod(tenths, 10)
    return (f"{whole}" if tenth == 0 else f"{whole},{tenth}") + f"{NBSP}Mo"
