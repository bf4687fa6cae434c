"""French wording helpers for printed receipts: dates, amounts, spacing (sizes: ``kiosk.file_size``).

A receipt is read by people not at ease with screens: dates are written in
words, in Paris time, and punctuation follows French typography so a line
never starts with a lone « : » or « € ».
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

from kiosk.paris_time import in_paris

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"

_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)

_BEFORE_COLON = re.compile(r"\s+:(?=\s|$)")
_BEFORE_HIGH_PUNCT = re.compile(r"\s+([;!?])")
_AFTER_OPEN_QUOTE = re.compile(r"«\s*")
_BEFORE_CLOSE_QUOTE = re.compile(r"\s*»")
_BEFORE_EURO = re.compile(r"(\d)\s*€")


def typography(text: str) -> str:
    """Non-breaking spaces where French typography wants them (« : ; ! ? € »)."""
    text = _BEFORE_COLON.sub(NBSP + ":", text)
    text = _BEFORE_HIGH_PUNCT.sub(NARROW_NBSP + r"\1", text)
    text = _AFTER_OPEN_QUOTE.sub("«" + NBSP, text)
    text = _BEFORE_CLOSE_QUOTE.sub(NBSP + "»", text)
    return _BEFORE_EURO.sub(r"\1" + NBSP + "€", text)


def day_in_words(day: date) -> str:
    """« 1er mars 2026 », « 30 novembre 2026 »."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {_MONTHS[day.month - 1]} {day.year}"


def moment_in_words(moment: datetime) -> str:
    """« lundi 30 novembre 2026 à 11 h 17 » in Paris local time."""
    local = in_paris(moment)
    hour = f"{local.hour}{NBSP}h{NBSP}{local.minute:02d}"
    return f"{_DAYS[local.weekday()]} {day_in_words(local.date())} à {hour}"


def euros(amount: Decimal | float | int | str) -> str:
    """« 25 € », « 2,76 € »: no useless cents, comma as decimal mark."""
    value = Decimal(str(amount)).quantize(Decimal("0.01"))
    text = str(int(value)) if value == value.to_integral_value() else f"{value:.2f}"
    return text.replace(".", ",") + NBSP + "€"
