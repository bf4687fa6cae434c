"""The site's barcode reader, which types what it reads like a keyboard (« keyboard wedge »).

A reader types a whole code in a few milliseconds and ends it with Enter; a person
types a key every tenth of a second or slower. :class:`WedgeReader` tells them
apart from the keys' times alone (no Qt here: the screen passes each key on), and
:func:`receipt_reference` finds a receipt's reference in what was read — also when
the reader is set for a QWERTY keyboard on this AZERTY kiosk, which turns
« PN-7501-K02-000123 » into « PN)è(à&)Kàé)ààà&é" ».
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_GAP_S = 0.05
"""Longest pause between two keys of one read (readers: ~1–10 ms; people: > 80 ms)."""
MIN_LENGTH = 6
"""Fewer characters than this ending with Enter is someone typing, not a read."""

REFERENCE = re.compile(r"PN-[A-Z0-9]+(?:-[A-Z0-9]+)*-\d{6}")
"""A receipt's reference: ``PN-<kiosk id>-<six digits>`` (``Outbox.enqueue`` makes them)."""

_ENTER = ("\r", "\n")
# What a reader set for QWERTY types on an AZERTY keyboard, back to what it read.
_FROM_AZERTY = str.maketrans({
    "&": "1", "é": "2", '"': "3", "'": "4", "(": "5", "-": "6", "è": "7", "_": "8",
    "ç": "9", "à": "0", ")": "-", "a": "q", "q": "a", "z": "w", "w": "z",
    "A": "Q", "Q": "A", "Z": "W", "W": "Z", ";": "M", ",": "M", "m": ",",
})


@dataclass
class WedgeReader:
    """Feed it every key with its time; it returns a code when a fast burst ends with Enter."""

    max_gap_s: float = MAX_GAP_S
    min_length: int = MIN_LENGTH
    _burst: list[str] = field(default_factory=list)
    _last: float | None = None

    def key(self, text: str, at: float) -> str | None:
        """One key press: ``text`` is what it types (``"\\r"`` for Enter, ``""`` for none),
        ``at`` its time in seconds. Returns the code read, or ``None``."""
        fast = self._last is not None and at - self._last <= self.max_gap_s
        self._last = at
        if text in _ENTER:
            code = "".join(self._burst)
            self._burst.clear()
            return code if fast and len(code) >= self.min_length else None
        if not text or not text.isprintable():
            self._burst.clear()
            return None
        if not fast:
            self._burst.clear()  # a pause: whatever came before was typed by hand
        self._burst.append(text)
        return None

    def reset(self) -> None:
        self._burst.clear()
        self._last = None


def receipt_reference(text: str) -> str | None:
    """The receipt reference in ``text`` (typed, or read from the QR code), else ``None``."""
    cleaned = "".join(text.split()).upper()
    found = REFERENCE.fullmatch(cleaned)
    if found:
        return found.group(0)
    swapped = "".join(text.split()).translate(_FROM_AZERTY).upper()
    found = REFERENCE.fullmatch(swapped)
    return found.group(0) if found else None
