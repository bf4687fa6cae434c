"""Where a request stands at the prefecture, said in words a citizen understands.

The central service answers ``GET /v1/submissions/<id>`` (or ``?local_reference=``)
with a status code, plus what is missing (``needs_info``) or what is to pay
(``awaiting_payment``); the mediator reads this sentence to the citizen
(command line and screens). A status the kiosk does not know is shown with the
service's message, never as an error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from kiosk.paris_time import PARIS
from kiosk.receipts.french import euros
from offline_queue.times import parse_time

STATUS_WORDS: dict[str, str] = {
    "received": "reçue par le service, pas encore examinée",
    "in_review": "en cours d'examen",
    "needs_info": "le service demande une information ou une pièce en plus",
    "awaiting_payment": "en attente d'un paiement",
    "accepted": "acceptée",
    "rejected": "refusée",
    "title_sent": "acceptée, le titre a été envoyé par courrier",
}


@dataclass(frozen=True)
class MissingItem:
    """A document kind or an answer field the service still needs, with its French sentence."""

    kind: str
    message: str


@dataclass(frozen=True)
class Payment:
    amount_eur: Decimal | None  # None when the service's amount cannot be read
    reason: str
    pay_before: datetime | None


@dataclass(frozen=True)
class DossierStatus:
    dossier_number: str
    status: str
    changed_at: datetime | None
    message: str
    missing: tuple[MissingItem, ...] = ()
    payment: Payment | None = None

    def sentence(self, titles: Mapping[str, str] | None = None) -> str:
        """The status in plain French; ``titles`` name document kinds and fields, when known."""
        words = STATUS_WORDS.get(self.status, f"état « {self.status} »")
        text = f"Dossier {self.dossier_number} : {words}"
        if self.changed_at is not None:
            text += f", depuis le {_when(self.changed_at)}"
        text += "."
        if self.missing:
            needed = [
                f"{titles[item.kind]} : {item.message}" if titles and item.kind in titles else item.message
                for item in self.missing
            ]
            text += " Ce qui manque : " + " ; ".join(needed)
            text += "" if text.endswith(".") else "."
        if self.payment is not None:
            amount = euros(self.payment.amount_eur) if self.payment.amount_eur is not None else "un montant"
            text += f" À payer : {amount}"
            if self.payment.reason:
                text += f" ({self.payment.reason})"
            if self.payment.pay_before is not None:
                text += f", avant le {_when(self.payment.pay_before)}"
            text += "."
        if self.message:
            text += f" Message du service : {self.message}"
        return text


def _when(moment: datetime) -> str:
    return f"{moment.astimezone(PARIS):%d/%m/%Y à %H:%M}"


def _time(value: object) -> datetime | None:
    try:
        return parse_time(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def _missing(value: object) -> tuple[MissingItem, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(
        MissingItem(str(item.get("kind") or ""), str(item.get("message") or ""))
        for item in value
        if isinstance(item, dict) and (item.get("message") or item.get("kind"))
    )


def _payment(value: object) -> Payment | None:
    if not isinstance(value, dict):
        return None
    try:
        read = Decimal(str(value.get("amount_eur")))
    except InvalidOperation:
        read = Decimal("NaN")
    amount = read if read.is_finite() and read >= 0 else None
    return Payment(amount, str(value.get("reason") or ""), _time(value.get("pay_before")))


def read_status(answer: Mapping[str, Any]) -> DossierStatus:
    """The central service's answer as a DossierStatus; tolerant of missing or odd parts."""
    status = str(answer.get("status") or "?")
    return DossierStatus(
        dossier_number=str(answer.get("dossier_number") or "?"),
        status=status,
        changed_at=_time(answer.get("status_changed_at")),
        message=str(answer.get("message") or ""),
        missing=_missing(answer.get("missing")) if status == "needs_info" else (),
        payment=_payment(answer.get("payment")) if status == "awaiting_payment" else None,
    )
