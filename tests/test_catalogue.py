"""The procedure catalogue: every file loads, and every branch can be filled in
end to end with what a citizen would type, asking for the right documents."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest

from kiosk.conditions import holds
from kiosk.procedures import Procedure, load_catalogue
from kiosk.session import ProcedureSession
from kiosk.validators import ValidationError

NOW = datetime(2026, 11, 30, 10, 17, tzinfo=UTC)
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
CONTRACT_KEYS = {
    "id", "local_reference", "procedure", "created_at", "kiosk_id", "site", "mediator_id",
    "answers", "documents", "consent", "representative", "supersedes",
}  # fmt: skip
CODES = {
    "cg-changement-adresse", "cg-changement-titulaire", "cg-declaration-cession", "cg-duplicata",
    "permis-inscription", "permis-fabrication", "permis-renouvellement", "permis-echange-etranger",
}  # fmt: skip

CATALOGUE = load_catalogue()

ADDRESS = {"adresse": "12 rue de la République", "code_postal": "75 004", "commune": "Paris"}
CONTACT = {"telephone": "06 12 34 56 78", "email": "Marie.Dupont@Exemple.fr"}
PERSON = {"nom": "Dupont", "prenoms": "Marie Louise", "date_naissance": "31/12/1950"}
EPHOTO = {"ephoto_code": "ab12cd34ef56gh78ij90kl"}


def procedure(code: str) -> Procedure:
    return CATALOGUE.get(code)


def new_session(code: str) -> ProcedureSession:
    return ProcedureSession(
        procedure(code), kiosk_id="7501-K02", site="7501", mediator_id="m-0042", now=lambda: NOW
    )


def walk(code: str, typed: dict[str, str]) -> ProcedureSession:
    """Answer each visible question in order, as the screens would, step after step."""
    session = new_session(code)
    asked: set[str] = set()
    while True:
        progress = True
        while progress:  # a later field of the same step may appear after an answer
            progress = False
            for fld in session.fields():
                if fld.id in typed and fld.id not in asked:
                    session.set_answer(fld.id, typed[fld.id])
                    asked.add(fld.id)
                    progress = True
        assert session.step_errors() == {}, (session.current.id, session.step_errors())
        if session.at_last_step:
            break
        assert session.next()
    assert asked == set(typed), f"never asked: {sorted(set(typed) - asked)}"
    return session


def submit(session: ProcedureSession) -> dict[str, Any]:
    for spec in session.required_documents():
        session.attach(session.check_document(spec.kind, f"{spec.kind}.pdf", PDF))
    assert session.missing_documents() == []
    session.give_consent("2")
    assert session.ready_to_submit() == []
    return session.to_submission(submission_id=str(uuid.uuid4())).to_body()


def document_kinds(session: ProcedureSession) -> list[str]:
    return [spec.kind for spec in session.required_documents()]


def fees(session: ProcedureSession) -> list[float | None]:
    today = session.today()
    return [f.amount_eur for f in session.procedure.fees if holds(f.when, session.answers, today)]


# --- the catalogue loads -----------------------------------------------------------


def test_every_procedure_loads_without_error() -> None:
    assert CATALOGUE.errors == []
    assert set(CATALOGUE.procedures) >= CODES


def test_procedures_are_grouped_by_theme() -> None:
    grouped = CATALOGUE.by_theme()
    assert {p.code for p in grouped["carte_grise"]} >= {c for c in CODES if c.startswith("cg-")}
    assert {p.code for p in grouped["permis"]} >= {c for c in CODES if c.startswith("permis-")}


@pytest.mark.parametrize("code", sorted(CODES))
def test_sources_are_dated_and_official(code: str) -> None:
    proc = procedure(code)
    for source in proc.sources:
        assert source.checked == "2026-11-30"
        assert source.url.startswith("https://")


@pytest.mark.parametrize("code", sorted(CODES))
def test_summary_sentences_are_short(code: str) -> None:
    for line in procedure(code).summary:
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            assert len(sentence) <= 110, sentence


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_example_shown_is_accepted(code: str) -> None:
    session = new_session(code)
    for fld in procedure(code).all_fields():
        if fld.example:
            session.check_field(fld.id, fld.example)


# --- carte grise ------------------------------------------------------------------------

VEHICLE_SIV = {"plate": "ab 123 cd", "carte_siv": "oui", "formule_number": "2017rv48832"}
VEHICLE_FNI = {"plate": "1234 ab 75", "carte_siv": "non", "date_certificat": "15/06/2004"}


@pytest.mark.parametrize(
    ("vehicle", "expected"),
    [
        (VEHICLE_SIV, {"plate": "AB-123-CD", "formule_number": "2017RV48832"}),
        (VEHICLE_FNI, {"plate": "1234 AB 75", "date_certificat": "2004-06-15"}),
    ],
)
def test_changement_adresse(vehicle: dict[str, str], expected: dict[str, str]) -> None:
    typed = {**vehicle, **PERSON, **ADDRESS, "date_demenagement": "02/11/2026"}
    session = walk("cg-changement-adresse", typed)
    assert document_kinds(session) == ["justificatif_domicile"]
    body = submit(session)
    assert expected.items() <= body["answers"].items()


TITULAIRE_COMMON = {**PERSON, **ADDRESS, "assurance": "oui", "permis_categorie": "oui"}


@pytest.mark.parametrize(
    ("branch", "expected_documents"),
    [
        (
            {
                "plate": "FX-482-PK", "code_cession_connu": "oui", "code_cession": "k7f2 9qx3",
                "date_achat": "20/11/2026", "vehicule_plus_4_ans": "oui", "contre_visite": "oui",
                "cotitulaire": "oui", "cotitulaire_nom": "Dupont",
                "cotitulaire_prenoms": "Jean", **CONTACT,
            },
            ["cerfa_13750", "carte_grise_barree", "justificatif_domicile", "controle_technique",
             "contre_visite"],
        ),
        (
            {
                "plate": "FX-482-PK", "code_cession_connu": "non", "carte_siv": "oui",
                "formule_number": "2021AB12345", "date_achat": "2026-11-28",
                "vehicule_plus_4_ans": "non", "cotitulaire": "non",
            },
            ["cerfa_13750", "carte_grise_barree", "justificatif_domicile"],
        ),
        (
            {
                "plate": "4321 XZ 2a", "code_cession_connu": "non", "carte_siv": "non",
                "date_certificat": "03/02/2001", "date_achat": "25/11/2026",
                "vehicule_plus_4_ans": "oui", "contre_visite": "non", "cotitulaire": "non",
            },
            ["cerfa_13750", "carte_grise_barree", "justificatif_domicile", "controle_technique"],
        ),
    ],
    ids=["code-cession-controle-contre-visite", "formule", "ancienne-plaque"],
)  # fmt: skip
def test_changement_titulaire(branch: dict[str, str], expected_documents: list[str]) -> None:
    session = walk("cg-changement-titulaire", {**TITULAIRE_COMMON, **branch})
    assert document_kinds(session) == expected_documents
    body = submit(session)
    assert [d["kind"] for d in body["documents"]] == expected_documents
    assert fees(session) == [None, 11, 2.76]


def test_changement_titulaire_keeps_only_the_identifier_asked() -> None:
    session = walk(
        "cg-changement-titulaire",
        {**TITULAIRE_COMMON, "plate": "FX-482-PK", "code_cession_connu": "oui",
         "code_cession": "K7F29QX3", "date_achat": "20/11/2026", "vehicule_plus_4_ans": "non",
         "cotitulaire": "non"},
    )  # fmt: skip
    session.set_answer("code_cession_connu", "non")
    assert "code_cession" not in session.answers
    vehicule = session.procedure.steps[1]
    assert [f.id for f in session.fields(vehicule)][:3] == [
        "plate", "code_cession_connu", "carte_siv",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "vehicle",
    [VEHICLE_SIV, VEHICLE_FNI],
    ids=["siv", "fni"],
)
@pytest.mark.parametrize("kind", ["vente", "don"])
def test_declaration_cession(vehicle: dict[str, str], kind: str) -> None:
    typed = {
        **vehicle, "type_cession": kind, "date_cession": "28/11/2026", "heure_cession": "14h30",
        "nom": "Dupont", "prenoms": "Marie", "acheteur_nom_naissance": "Martin",
        "acheteur_prenoms": "Paul", "acheteur_date_naissance": "14/07/1985",
        "acheteur_adresse": "3 avenue Victor Hugo", "acheteur_code_postal": "69003",
        "acheteur_commune": "Lyon",
    }  # fmt: skip
    session = walk("cg-declaration-cession", typed)
    assert document_kinds(session) == ["cerfa_15776", "certificat_situation_administrative"]
    body = submit(session)
    assert body["answers"]["heure_cession"] == "14:30"
    assert body["answers"]["date_cession"] == "2026-11-28"
    assert fees(session) == [0]


def test_declaration_cession_refuses_a_sale_in_the_future() -> None:
    session = new_session("cg-declaration-cession")
    with pytest.raises(ValidationError, match="futur"):
        session.check_field("date_cession", "01/12/2026")


DUPLICATA_COMMON = {"plate": "GH-501-ZZ", **PERSON}


@pytest.mark.parametrize(
    ("branch", "expected_documents"),
    [
        ({"motif": "perte", "vehicule_plus_4_ans": "oui"},
         ["piece_identite", "cerfa_13753", "controle_technique"]),
        ({"motif": "vol", "vehicule_plus_4_ans": "oui"},
         ["piece_identite", "cerfa_13753", "recepisse_plainte_vol", "controle_technique"]),
        ({"motif": "vol", "vehicule_plus_4_ans": "non"},
         ["piece_identite", "cerfa_13753", "recepisse_plainte_vol"]),
        ({"motif": "deterioration", "vehicule_plus_4_ans": "oui"},
         ["piece_identite", "carte_grise_abimee", "controle_technique"]),
    ],
    ids=["perte", "vol", "vol-vehicule-recent", "deterioration"],
)  # fmt: skip
def test_duplicata(branch: dict[str, str], expected_documents: list[str]) -> None:
    session = walk("cg-duplicata", {**DUPLICATA_COMMON, **branch, **CONTACT})
    assert document_kinds(session) == expected_documents
    body = submit(session)
    assert body["answers"]["motif"] == branch["motif"]
    assert fees(session) == [None, 11, 2.76]


# --- permis de conduire ---------------------------------------------------------------------

INSCRIPTION_COMMON = {
    "prenoms": "Léa", "commune_naissance": "Nantes", "pays_naissance": "France", **EPHOTO,
    **ADDRESS,
}  # fmt: skip


@pytest.mark.parametrize(
    ("branch", "expected_documents"),
    [
        ({"nom": "Durand", "date_naissance": "01/03/1996", "categorie": "b",
          "deja_permis": "non", "avis_medical_demande": "non"},
         ["piece_identite", "justificatif_domicile"]),
        ({"nom": "Durand", "date_naissance": "01/03/2006", "categorie": "b",
          "deja_permis": "non", "avis_medical_demande": "non"},
         ["piece_identite", "justificatif_domicile", "certificat_jdc"]),
        ({"nom": "Durand", "date_naissance": "01/03/2006", "categorie": "a2",
          "deja_permis": "oui", "avis_medical_demande": "non"},
         ["piece_identite", "justificatif_domicile"]),
        ({"nom": "Durand", "date_naissance": "15/06/2009", "representant_lien": "parent",
          "representant_nom": "Durand", "representant_prenoms": "Sophie", "categorie": "b",
          "deja_permis": "non", "avis_medical_demande": "non"},
         ["piece_identite", "justificatif_domicile", "certificat_jdc",
          "piece_identite_representant"]),
        ({"nom": "Durand", "date_naissance": "15/06/2011", "representant_lien": "tuteur",
          "representant_nom": "Morel", "representant_prenoms": "Luc", "categorie": "am",
          "deja_permis": "non", "avis_medical_demande": "oui"},
         ["piece_identite", "justificatif_domicile", "avis_medical",
          "piece_identite_representant"]),
        ({"nom": "Durand", "date_naissance": "01/03/1980", "categorie": "groupe_lourd",
          "deja_permis": "oui"},
         ["piece_identite", "justificatif_domicile", "avis_medical"]),
    ],
    ids=["adulte", "jdc-20-ans", "deja-permis", "mineur-17-ans", "mineur-15-ans-avis",
         "poids-lourd"],
)  # fmt: skip
def test_permis_inscription(branch: dict[str, str], expected_documents: list[str]) -> None:
    session = walk("permis-inscription", {**INSCRIPTION_COMMON, **branch})
    assert document_kinds(session) == expected_documents
    body = submit(session)
    assert body["answers"]["ephoto_code"] == "AB12CD34EF56GH78IJ90KL"
    assert ("representant_nom" in body["answers"]) == ("representant_nom" in branch)
    assert fees(session) == [0]


def test_permis_inscription_asks_the_representative_only_of_a_minor() -> None:
    session = new_session("permis-inscription")
    session.set_answer("date_naissance", "15/06/2009")
    assert "representant" in [s.id for s in session.steps()]
    session.set_answer("date_naissance", "15/06/2000")
    assert "representant" not in [s.id for s in session.steps()]


FABRICATION_COMMON = {
    "neph": "1203 7512 3456", "date_examen": "20/11/2026", "nom": "Durand", "prenoms": "Léa",
    **EPHOTO, **ADDRESS,
}  # fmt: skip


@pytest.mark.parametrize(
    ("branch", "expected_documents"),
    [
        ({"ne_avant_1988": "oui", "nationalite": "francaise"},
         ["cepc", "piece_identite", "justificatif_domicile"]),
        ({"ne_avant_1988": "non", "nationalite": "europeenne"},
         ["cepc", "piece_identite", "justificatif_domicile", "assr"]),
        ({"ne_avant_1988": "non", "nationalite": "autre"},
         ["cepc", "piece_identite", "justificatif_domicile", "assr", "titre_sejour"]),
    ],
    ids=["ne-avant-1988", "assr", "assr-titre-sejour"],
)  # fmt: skip
def test_permis_fabrication(branch: dict[str, str], expected_documents: list[str]) -> None:
    session = walk("permis-fabrication", {**FABRICATION_COMMON, **branch})
    assert document_kinds(session) == expected_documents
    body = submit(session)
    assert body["answers"]["neph"] == "120375123456"
    assert fees(session) == [0]


RENOUVELLEMENT_COMMON = {**PERSON, **EPHOTO, **ADDRESS}
TIMBRE = {"timbre_fiscal": "1234 5678 9012 3456"}


@pytest.mark.parametrize(
    ("branch", "expected_documents", "expected_fees"),
    [
        ({"motif": "perte", "nationalite": "francaise", "groupe_lourd": "non", **TIMBRE},
         ["piece_identite", "justificatif_domicile"], [25]),
        ({"motif": "perte", "nationalite": "francaise", "groupe_lourd": "oui", **TIMBRE},
         ["piece_identite", "justificatif_domicile", "avis_medical"], [25]),
        ({"motif": "vol", "nationalite": "autre", "groupe_lourd": "non", **TIMBRE},
         ["piece_identite", "justificatif_domicile", "recepisse_vol", "titre_sejour"], [25]),
        ({"motif": "deterioration", "nationalite": "europeenne", "groupe_lourd": "non"},
         ["piece_identite", "justificatif_domicile", "permis_recto_verso"], [0]),
        ({"motif": "expiration", "nationalite": "francaise", "groupe_lourd": "oui"},
         ["piece_identite", "justificatif_domicile", "permis_recto_verso", "avis_medical"], [0]),
        ({"motif": "visite_medicale", "nationalite": "francaise", "groupe_lourd": "non"},
         ["piece_identite", "justificatif_domicile", "permis_recto_verso", "avis_medical"], [0]),
    ],
    ids=["perte", "perte-poids-lourd", "vol-titre-sejour", "deterioration", "expiration-c-d",
         "visite-medicale"],
)  # fmt: skip
def test_permis_renouvellement(
    branch: dict[str, str], expected_documents: list[str], expected_fees: list[float]
) -> None:
    session = walk("permis-renouvellement", {**RENOUVELLEMENT_COMMON, **branch})
    assert document_kinds(session) == expected_documents
    assert fees(session) == expected_fees
    body = submit(session)
    assert ("timbre_fiscal" in body["answers"]) == (branch["motif"] in ("perte", "vol"))
    if "timbre_fiscal" in body["answers"]:
        assert body["answers"]["timbre_fiscal"] == "1234567890123456"


def test_permis_renouvellement_forgets_the_stamp_when_the_reason_changes() -> None:
    session = new_session("permis-renouvellement")
    session.set_answer("motif", "perte")
    session.set_answer("timbre_fiscal", "1234567890123456")
    session.set_answer("motif", "deterioration")
    assert "timbre_fiscal" not in session.answers
    assert "timbre" not in [s.id for s in session.steps()]


ECHANGE_COMMON = {
    "nom": "Benali", "prenoms": "Karim", "date_naissance": "02/05/1980", **EPHOTO, **ADDRESS,
}  # fmt: skip


@pytest.mark.parametrize(
    ("branch", "expected_documents"),
    [
        ({"origine": "hors_europe", "pays_permis": "Maroc", "date_installation": "01/03/2026",
          "permis_en_francais": "non", "groupe_lourd": "non"},
         ["permis_etranger", "traduction_permis", "piece_identite", "justificatif_domicile",
          "justificatif_residence_normale"]),
        ({"origine": "hors_europe", "pays_permis": "Sénégal", "date_installation": "01/09/2026",
          "permis_en_francais": "oui", "groupe_lourd": "oui"},
         ["permis_etranger", "piece_identite", "justificatif_domicile",
          "justificatif_residence_normale", "avis_medical"]),
        ({"origine": "europe", "pays_permis": "Allemagne", "permis_en_francais": "non",
          "groupe_lourd": "non"},
         ["permis_etranger", "traduction_permis", "piece_identite", "justificatif_domicile",
          "justificatif_residence_normale"]),
    ],
    ids=["hors-europe-traduction", "hors-europe-poids-lourd", "europe"],
)  # fmt: skip
def test_permis_echange_etranger(branch: dict[str, str], expected_documents: list[str]) -> None:
    session = walk("permis-echange-etranger", {**ECHANGE_COMMON, **branch})
    assert document_kinds(session) == expected_documents
    body = submit(session)
    assert ("date_installation" in body["answers"]) == (branch["origine"] == "hors_europe")


# --- the submission body ---------------------------------------------------------------------


def test_submission_body_follows_the_contract() -> None:
    session = walk("cg-duplicata", {**DUPLICATA_COMMON, "motif": "perte", "vehicule_plus_4_ans": "non"})
    body = submit(session)
    assert set(body) == CONTRACT_KEYS
    assert body["procedure"] == {"code": "cg-duplicata", "version": "1"}
    assert body["created_at"] == "2026-11-30T10:17:00Z"
    assert body["kiosk_id"] == "7501-K02" and body["site"] == "7501"
    assert body["mediator_id"] == "m-0042"
    assert body["supersedes"] is None and body["local_reference"] is None
    assert body["consent"] == {"given_at": "2026-11-30T10:17:00Z", "text_version": "2"}
    assert body["answers"] == {
        "motif": "perte", "plate": "GH-501-ZZ", "vehicule_plus_4_ans": "non", "nom": "Dupont",
        "prenoms": "Marie Louise", "date_naissance": "1950-12-31",
    }  # fmt: skip
    for document in body["documents"]:
        assert document["upload_id"] is None
        assert document["content_type"] == "application/pdf"
        assert document["size"] == len(PDF)
        assert re.fullmatch(r"[0-9a-f]{64}", document["sha256"])


def test_a_missing_document_blocks_the_submission() -> None:
    session = walk("cg-duplicata", {**DUPLICATA_COMMON, "motif": "vol", "vehicule_plus_4_ans": "non"})
    session.attach(session.check_document("piece_identite", "id.pdf", PDF))
    session.give_consent("2")
    reasons = session.ready_to_submit()
    assert any("Récépissé de la plainte pour vol" in reason for reason in reasons)
    with pytest.raises(ValidationError):
        session.to_submission()
