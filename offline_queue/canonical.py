"""Canonical JSON: sorted keys, no insignificant whitespace, UTF-8.

The central service compares a retried submission with the first one in this
form (contract § 3), and the receipt prints the hash of it, so the bytes sent
and the bytes hashed come from this one function.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical_json(value: Any) -> bytes:
    """The canonical bytes of a JSON value; NaN and infinities are refused (not JSON)."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def body_sha256(body: Any) -> str:
    """Hex SHA-256 of the canonical form: what a receipt prints to prove what was sent."""
    return hashlib.sha256(canonical_json(body)).hexdigest()
