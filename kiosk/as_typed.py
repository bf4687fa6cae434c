"""Identifiers written out while they are typed: the person types the letters and digits only.

On a touch keyboard a dash or a space is one more key, and capitals are two (« Maj »
then the letter). A plate typed ``ab123cd`` shows ``AB-123-CD`` as the keys go, and
``1234ab75`` shows ``1234 AB 75`` (the old FNI plates): the dash key is never needed.
Separators are put between groups only once the next group has begun, so the
backspace key always removes a character the person typed. Text that does not start
like a plate is left as typed: the plate check (``kiosk.validators``) then says what
is wrong.
"""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212]")
# A plate as it grows, longest shape first: SIV, 2 letters, 3 digits, 2 letters; FNI (old
# plates), 1 to 4 digits, 1 to 3 letters, the département (75, 2A, 971).
_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.ASCII), separator) for pattern, separator in (
        (r"([A-Z]{2})([0-9]{3})([A-Z]{1,2})", "-"),
        (r"([A-Z]{2})([0-9]{1,3})", "-"),
        (r"([A-Z]{1,2})", "-"),
        (r"([0-9]{1,4})([A-Z]{1,3})([0-9]{1,3}|2[AB])", " "),
        (r"([0-9]{1,4})([A-Z]{1,3})", " "),
        (r"([0-9]{1,4})", " "),
    ))


def plate_as_typed(text: str) -> str:
    """``text`` as the plate's written form so far: capitals, dashes or spaces between groups."""
    compact = _SEPARATORS.sub("", unicodedata.normalize("NFKC", text)).upper()
    for pattern, separator in _SHAPES:
        match = pattern.fullmatch(compact)
        if match:
            return separator.join(match.groups())
    return text


def position_after(formatted: str, typed_before: int) -> int:
    """Where the cursor goes in ``formatted`` so that ``typed_before`` letters or digits are
    before it, as they were before the separators moved."""
    if typed_before <= 0:
        return 0
    seen = 0
    for index, char in enumerate(formatted):
        if char.isalnum():
            seen += 1
            if seen == typed_before:
                return index + 1
    return len(formatted)
