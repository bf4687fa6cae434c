"""One row per accompaniment in the Coop de la médiation numérique's own field names.

Mediators record each accompaniment a second time in the Coop's compte-rendu
d'activité (CRA). This export gives them the rows the kiosk already knows,
named and valued as the Coop's public source names them (the ``Activite``
fields and enum values of the « Aide aux démarches administratives » form),
so an import, or copying, replaces typing. A visit is an accompaniment when a
mediator assisted it or took it over; a citizen alone is not one.

Which columns map exactly and which are approximations is in ``CRA_MAPPING``
and in ``docs/audit-and-report.md``.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Mapping

from kiosk.config import KioskConfig
from kiosk.visits import VisitRecord

CRA_COLUMNS: tuple[str, ...] = (
    "type", "date", "duree", "typeLieu", "structure", "lieuCodeInsee", "mediateur", "materiel",
    "thematiquesDemarche", "precisionsDemarche", "autonomie", "degreDeFinalisation",
    "structureDeRedirection", "trancheAge", "genre", "statutSocial", "communeResidence",
    "pasDeTelephone",
)

CRA_MAPPING: dict[str, str] = {
    "type": "exact — « Demarche » (aide aux démarches administratives)",
    "date": "exact — jour local du début de la visite (AAAA-MM-JJ)",
    "duree": "exact — minutes, arrondies à la minute supérieure (le formulaire propose "
             "30, 60, 90, 120 ou une durée libre)",
    "typeLieu": "exact — « LieuActivite » : la borne est au point numérique",
    "structure": "approximation — le nom du site de la borne, pas l'identifiant de la "
                 "structure dans la Coop",
    "lieuCodeInsee": "exact quand kiosk.commune_insee est configuré, vide sinon",
    "mediateur": "approximation — l'identifiant du compte sur la borne (m-0042), pas celui "
                 "de la Coop",
    "materiel": "approximation — « Autre » : une borne n'est ni ordinateur, ni téléphone, "
                "ni tablette",
    "thematiquesDemarche": "exact — « TransportsMobilite » (carte grise et permis de "
                           "conduire y sont rangés)",
    "precisionsDemarche": "approximation — le titre de la démarche (champ libre dans la Coop)",
    "autonomie": "exact — la réponse du médiateur en fin de visite ; vide s'il n'a pas "
                 "répondu",
    "degreDeFinalisation": "exact pour « Finalisee » (demande enregistrée) et "
                           "« OrienteVersStructure » ; approximation « DoitRevenir » pour "
                           "une visite abandonnée",
    "structureDeRedirection": "exact — la réponse du médiateur",
    "trancheAge": "exact — la réponse du médiateur s'il l'a donnée (jamais demandée au "
                  "citoyen), vide sinon",
    "genre": "exact — idem",
    "statutSocial": "exact — idem",
    "communeResidence": "approximation — le code INSEE de la commune (la Coop la choisit "
                        "dans une liste de communes)",
    "pasDeTelephone": "exact — « true » ou « false » selon le médiateur, vide sinon",
}

AUTONOMIE: dict[str, str] = {
    "fully_accompanied": "EntierementAccompagne", "partly_autonomous": "PartiellementAutonome",
    "autonomous": "Autonome",
}
FINALISATION: dict[str, str] = {
    "sent": "Finalisee", "saved_offline": "Finalisee", "abandoned": "DoitRevenir",
    "redirected": "OrienteVersStructure",
}
REDIRECTION: dict[str, str] = {
    "operator": "OperateurOuOrganismeEnCharge", "admin_help": "AideAuxDemarchesAdministratives",
    "administration": "Administration", "digital_mediation": "MediationNumerique",
    "other": "Autre",
}
THEMATIQUE: dict[str, str] = {"carte_grise": "TransportsMobilite", "permis": "TransportsMobilite"}


def cra_rows(records: Iterable[VisitRecord], config: KioskConfig,
             titles: Mapping[str, str]) -> list[dict[str, str]]:
    """The accompaniments among ``records``, one dict per row, keys ``CRA_COLUMNS``."""
    rows = []
    for r in records:
        if r.assistance == "alone":
            continue
        row = dict.fromkeys(CRA_COLUMNS, "")
        row.update({
            "type": "Demarche", "date": r.day.isoformat(),
            "duree": str(max(1, math.ceil(r.duration_s / 60))), "typeLieu": "LieuActivite",
            "structure": config.site_name, "lieuCodeInsee": config.commune_insee,
            "mediateur": r.mediator or "", "materiel": "Autre",
            "thematiquesDemarche": THEMATIQUE.get(r.theme or "", ""),
            "precisionsDemarche": titles.get(r.procedure or "", r.procedure or ""),
            "autonomie": AUTONOMIE.get(r.autonomy or "", ""),
            "degreDeFinalisation": FINALISATION[r.outcome],
            "structureDeRedirection": REDIRECTION.get(r.redirected_to or "", ""),
            "trancheAge": r.profile.age_band, "genre": r.profile.gender,
            "statutSocial": r.profile.social_status, "communeResidence": r.profile.commune_insee,
            "pasDeTelephone": "" if r.profile.no_phone is None else str(r.profile.no_phone).lower(),
        })
        rows.append(row)
    return rows


def cra_csv(rows: Iterable[Mapping[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CRA_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
