"""Partial masking of confidential numbers printed on a receipt.

A receipt is a paper left in a handbag or on the kiosk's tray: a full NEPH,
formule number, e-photo code, timbre or VIN could be reused by someone else,
and a code de cession hands the vehicle over. Only the last characters are
kept, enough for the citizen to recognise their own number.
"""

from __future__ import annotations

MASK_CHAR = "•"

# Validator kinds and field ids that name a confidential number, with how many
# trailing characters may be printed. Used on top of the definition's
# ``sensitive`` flag, so a definition that forgets the flag still prints safely.
_KEEP_BY_NAME: dict[str, int] = {
    "cession": 3,
    "neph": 4,
    "formule": 4,
    "ephoto": 4,
    "timbre": 4,
    "vin": 4,
}
_DEFAULT_KEEP = 4


def mask(value: str, keep: int = _DEFAULT_KEEP) -> str:
    """Hide all but the last characters; at least two thirds are always hidden."""
    compact = "".join(value.split())
    shown = min(keep, len(compact) // 3)
    hidden = len(compact) - shown
    return MASK_CHAR * hidden + compact[hidden:]


def keep_for(field_id: str, check: str | None, sensitive: bool) -> int | None:
    """How many trailing characters of this field may be printed; None: print all."""
    names = [field_id.lower()] + ([check.lower()] if check else [])
    matches = [
        keep for name in names for key, keep in _KEEP_BY_NAME.items()
        if _names_match(name, key)
    ]
    if matches:
        return min(matches)
    return _DEFAULT_KEEP if sensitive else None


def _names_match(name: str, key: str) -> bool:
    """``key`` is one of the underscore- or dash-separated words of ``name``."""
    return key in name.replace("-", "_").split("_")
