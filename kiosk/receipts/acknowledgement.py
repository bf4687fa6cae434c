"""Which receipt to print after saving: the accusé de réception when the central service
acknowledges in time, else the accusé d'enregistrement, worded for a request still waiting.

The screen, its banner and the printed receipt read the same state, so they always agree:
a dossier number is shown only once the service gave it, and the receipt printed says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

State = Literal["waiting", "received", "pending"]


@dataclass
class AwaitedAcknowledgement:
    """One saved request, from « Envoi en cours… » to the receipt to print."""

    submission_id: str
    dossier_number: str | None = None
    timed_out: bool = False

    @property
    def state(self) -> State:
        """``waiting``: within the wait, nothing printed yet; ``received``: the service gave
        the dossier number; ``pending``: the wait is over without it."""
        if self.dossier_number is not None:
            return "received"
        return "pending" if self.timed_out else "waiting"

    def acknowledged(self, submission_id: str, dossier_number: str) -> bool:
        """The service answered; True when this request's state changed."""
        if submission_id != self.submission_id or self.dossier_number is not None:
            return False
        self.dossier_number = dossier_number
        return True

    def time_up(self) -> bool:
        """The wait is over; True when the provisional receipt is to be printed now."""
        if self.state != "waiting":
            return False
        self.timed_out = True
        return True

    @property
    def final(self) -> bool:
        return self.state == "received"

    def banner(self) -> str:
        if self.state == "received":
            return ("Votre demande a été reçue par le service. Gardez votre numéro de dossier.")
        if self.state == "waiting":
            return "Votre demande est enregistrée sur la borne. Envoi au service en cours…"
        return ("Votre demande est enregistrée sur la borne. Le service ne l'a pas encore reçue : "
                "elle part dès que la connexion le permet.")

    def dossier_line(self) -> str:
        if self.dossier_number is not None:
            return f"Numéro de dossier : {self.dossier_number}"
        return "Numéro de dossier : attendu après l'envoi. Il vous sera donné au point numérique."
