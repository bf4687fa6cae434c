"""Where a request stands at the prefecture, said in words a citizen understands.

The central service answers ``GET /v1/submissions/<id>`` with a status code;
the mediator reads this sentence to the citizen (command line and screens).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.paris_time import PARIS

STATUS_WORDS: dict[str, str] = {
    "received": "reçue par le service, pas encore examinée",
    "in_review": "en cours d'examen",
    "needs_info": "le service demande une information ou une pièce en plus",
    "accepted": "acceptée",
    "rejected": "refusée",
    "title_sent": "acceptée, le titre a été envoyé par courrier",
}


@dataclass(frozen=True)
class DossierStatus:
    dossier_number: str
    status: str
    changed_at: datetime | None
    message: str

    def sentence(self) -> str:
        words = STATUS_WORDS.get(self.status, f"état « {self.status} »")
        text = f"Dossier {self.dossier_number} : {words}"
        if self.changed_at is not None:
            text += f", depuis le {self.changed_at.astimezone(PARIS):%d/%m/%Y à %H:%M}"
        text += "."
        if self.message:
            text += f" Message du service : {self.message}"
        return text


def read_status(answer: Mapping[str, Any]) -> DossierStatus:
    """The central service's answer as a DossierStatus; tolerant of a missing date or message."""
    changed = answer.get("status_changed_at")
    try:
        changed_at = datetime.fromisoformat(str(changed).replace("Z", "+00:00")) if changed else None
    except ValueError:
        changed_at = None
    return DossierStatus(
        dossier_number=str(answer.get("dossier_number") or "?"),
        status=str(answer.get("status") or "?"),
        changed_at=changed_at,
        message=str(answer.get("message") or ""),
    )
