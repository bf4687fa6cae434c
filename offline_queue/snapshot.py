"""What a receipt needs, computed once when the submission is queued.

The snapshot outlives the retention purge so that a receipt can be printed
again, and its hash of the canonical body lets anyone check the paper matches
what was sent.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Mapping
from typing import Any


def canonical_json(value: Any) -> bytes:
    """Sorted keys, no insignificant whitespace: the form the central service compares."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def body_sha256(body: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical_json(body)).hexdigest()


def receipt_snapshot(
    body: Mapping[str, Any], receipt_fields: Collection[str] | None = None
) -> dict[str, Any]:
    """Pick from ``body`` what the receipt shows; ``receipt_fields`` limits the answers kept."""
    answers = dict(body.get("answers") or {})
    if receipt_fields is not None:
        answers = {key: value for key, value in answers.items() if key in receipt_fields}
    procedure = body.get("procedure") or {}
    return {
        "id": body["id"],
        "local_reference": body["local_reference"],
        "procedure": {"code": procedure.get("code"), "version": procedure.get("version")},
        "created_at": body.get("created_at"),
        "kiosk_id": body.get("kiosk_id"),
        "site": body.get("site"),
        "mediator_id": body.get("mediator_id"),
        "answers": answers,
        "documents": [
            {"kind": doc["kind"], "filename": doc["filename"], "size": doc["size"]}
            for doc in body.get("documents") or []
        ],
        "consent": body.get("consent"),
        "supersedes": body.get("supersedes"),
        "body_sha256": body_sha256(body),
    }
