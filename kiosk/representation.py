"""Who a request is for, and who acts: what the visit holds from its first page.

Kept apart from ``kiosk.representative`` (the steps, wordings and proofs of acting
for someone else), which builds procedure parts when imported: the visit's model
needs only this, and it loads before the welcome screen is painted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from offline_queue.submission import Representative, RepresentativeRole

ForWhom = Literal["self", "mandat", "tutelle", "heritier"]

# Ids of the questions ``kiosk.representative`` adds; a procedure's own ids never start so.
PERSON_LAST_NAME = "personne_nom"
PERSON_FIRST_NAMES = "personne_prenoms"
PERSON_BIRTH_DATE = "personne_date_naissance"
AGENT_LAST_NAME = "representant_nom"
AGENT_FIRST_NAMES = "representant_prenoms"
AGENT_BIRTH_DATE = "representant_date_naissance"
AGENT_QUALITY = "representant_qualite"
MANDATE_KIND = "mandat"


class Attached(Protocol):
    @property
    def sha256(self) -> str: ...


@dataclass(frozen=True)
class Representation:
    """Who the request is for and who acts, read from the answers of the identity steps."""

    for_whom: ForWhom

    @classmethod
    def of(cls, representative: object) -> Representation:
        """Who acted, from a stored body's ``representative`` (a correction keeps it)."""
        role = representative.get("role") if isinstance(representative, Mapping) else None
        by_role: dict[object, ForWhom] = {"mandataire": "mandat", "tuteur": "tutelle",
                                          "curateur": "tutelle", "heritier": "heritier"}
        return cls(by_role.get(role, "self"))

    @property
    def acts_for_someone(self) -> bool:
        return self.for_whom != "self"

    @property
    def needs_mandate(self) -> bool:
        """A mandate printed by the kiosk is to be signed (not for a guardian or an heir)."""
        return self.for_whom == "mandat"

    def role(self, answers: Mapping[str, str]) -> RepresentativeRole:
        if self.for_whom == "mandat":
            return "mandataire"
        if self.for_whom == "heritier":
            return "heritier"
        return "curateur" if answers.get(AGENT_QUALITY) == "curateur" else "tuteur"

    def record(self, answers: Mapping[str, str], documents: Mapping[str, Attached],
               now: datetime) -> Representative | None:
        """The body's ``representative``: ``None`` for oneself; the scanned signed mandate's
        hash when there is one."""
        from offline_queue.submission import Mandate, Representative  # at the save, not at start

        if not self.acts_for_someone:
            return None
        mandate = documents.get(MANDATE_KIND) if self.needs_mandate else None
        return Representative(
            role=self.role(answers),
            last_name=answers.get(AGENT_LAST_NAME, ""),
            first_names=answers.get(AGENT_FIRST_NAMES, ""),
            mandate=None if mandate is None else Mandate(mandate.sha256, now.replace(microsecond=0)),
        )
