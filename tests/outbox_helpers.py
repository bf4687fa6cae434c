"""Shared builders for the outbox tests: a submission body and documents like the session makes."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CITIZEN_NAME = "Zéphyrine Quillebeuf"
DOC_MARKER = b"SECRET-SCAN-MARKER-7c1f"


@dataclass(frozen=True)
class Doc:
    kind: str
    filename: str
    content_type: str
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def make_doc(kind: str = "justificatif_domicile", size: int = 2000, seed: int = 0) -> Doc:
    body = (DOC_MARKER + bytes([seed % 256]) * 64) * (size // (len(DOC_MARKER) + 64) + 1)
    return Doc(kind, f"{kind}-{seed}.pdf", "application/pdf", body[:size])


def make_body(
    kiosk_id: str = "7501-K02",
    created_at: str = "2026-11-30T10:17:00Z",
    name: str = CITIZEN_NAME,
) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "local_reference": None,
        "procedure": {"code": "cg-changement-adresse", "version": "3"},
        "created_at": created_at,
        "kiosk_id": kiosk_id,
        "site": "7501",
        "mediator_id": "m-0042",
        "answers": {"plate": "AB-123-CD", "holder_name": name, "postal_code": "75011"},
        "documents": [],
        "consent": {"given_at": "2026-11-30T10:16:40Z", "text_version": "2"},
        "representative": None,
        "supersedes": None,
    }


def raw_bytes(data_dir: Path) -> bytes:
    """Every byte the outbox left on disk: database, WAL and shared memory."""
    return b"".join(path.read_bytes() for path in sorted(data_dir.glob("outbox.db*")) if path.is_file())


def reference_number(reference: str) -> int:
    """The running number at the end of a ``PN-<kiosk>-000042`` reference."""
    return int(reference.rsplit("-", 1)[1])
