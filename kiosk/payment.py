"""What is paid for one request: what, how much, when and how, from the answers given.

Amounts come from the procedure file, where the rule is public and stable (a timbre fiscal
of 25 €, the fixed tax of 11 €, the 2,76 € for posting a carte grise). An amount the kiosk
cannot know (the regional tax depends on the region and the vehicle's power) stays
``None``, and the file's note says who computes it: nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from kiosk.conditions import holds
from kiosk.procedures import Procedure

MOMENTS: dict[str, str] = {
    "before": "À payer avant la demande",
    "after": "À payer après l'envoi de la demande",
}


def euros(amount: Decimal) -> str:
    """« 11 € », « 2,76 € », « 1 234,50 € » (narrow no-break spaces, as French prints)."""
    whole, _, cents = f"{amount:,.2f}".partition(".")
    text = whole.replace(",", "\u202f") + ("" if cents == "00" else f",{cents}")
    return f"{text}\u00a0€"


@dataclass(frozen=True)
class Charge:
    """One amount to pay; ``amount`` None when someone else computes it (``note`` says who)."""

    label: str
    amount: Decimal | None
    note: str
    moment: str
    how: str

    @property
    def amount_text(self) -> str:
        return euros(self.amount) if self.amount is not None else "montant calculé plus tard"


@dataclass(frozen=True)
class Payment:
    """Everything to pay for this case, grouped by moment, with what the kiosk cannot know."""

    charges: tuple[Charge, ...]
    free_notes: tuple[str, ...]
    """What the file says about a free procedure (« Ne payez jamais un site privé… »)."""

    @property
    def free(self) -> bool:
        return not self.charges

    def at(self, moment: str) -> tuple[Charge, ...]:
        return tuple(c for c in self.charges if c.moment == moment)

    def known_total(self, moment: str) -> Decimal:
        return sum((c.amount for c in self.at(moment) if c.amount is not None), Decimal(0))

    def complete(self, moment: str) -> bool:
        return all(c.amount is not None for c in self.at(moment))

    def sentences(self) -> list[tuple[str, list[str]]]:
        """(heading, lines) for each moment, in the person's words: what, how much, how."""
        if self.free:
            # a note that already says it is free stands alone: the same fact twice reads badly
            said = any("gratuit" in note.lower() for note in self.free_notes)
            return [("Rien à payer", [*([] if said else ["Cette démarche est gratuite."]),
                                      *self.free_notes])]
        parts = []
        for moment, heading in MOMENTS.items():
            charges = self.at(moment)
            if not charges:
                continue
            lines = [f"{c.label} : {c.amount_text}" + (f". {c.note}" if c.note else "")
                     for c in charges]
            total = euros(self.known_total(moment))
            if len(charges) > 1:
                lines.append(f"Total : {total}" if self.complete(moment)
                             else f"Total connu aujourd'hui : {total}, plus ce qui est calculé plus tard.")
            lines += list(dict.fromkeys(c.how for c in charges if c.how))
            parts.append((heading, lines))
        return parts


def payment_for(procedure: Procedure, answers: Mapping[str, str], today: date) -> Payment:
    """The fees whose condition the answers meet; free ones only lend their note."""
    charges, free_notes = [], []
    for fee in procedure.fees:
        if not holds(fee.when, answers, today):
            continue
        if fee.amount_eur == 0:
            if fee.note:
                free_notes.append(fee.note)
            continue
        amount = None if fee.amount_eur is None else Decimal(str(fee.amount_eur))
        charges.append(Charge(fee.label, amount, fee.note, fee.paid or "after", fee.how))
    return Payment(tuple(charges), tuple(free_notes))
