"""The eight procedures added for issue 11, branch by branch, and every procedure of the
catalogue walked down every branch without an e-mail or a telephone number."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import pytest
from test_catalogue import ADDRESS, CATALOGUE, EPHOTO, PERSON, document_kinds, fees, new_session, submit, walk

from kiosk.catalogue_themes import group, load_themes
from kiosk.procedures import DefinitionRefused, Field, load_definition
from kiosk.session import ProcedureSession
from kiosk.validators import ValidationError
from resources import resource_path

NEW_CODES = {
    "cg-vehicule-etranger", "cg-changement-caracteristiques", "cg-correction-erreur", "cg-cotitulaire",
    "cg-changement-etat-civil", "cg-heritage", "permis-international", "permis-poids-lourd",
}  # fmt: skip
CONTACT_FIELDS = {"email", "telephone"}


def test_the_catalogue_holds_sixteen_procedures_or_more() -> None:
    assert CATALOGUE.errors == []
    assert set(CATALOGUE.procedures) >= NEW_CODES
    assert len(CATALOGUE.procedures) >= 16


@pytest.mark.parametrize("code", sorted(NEW_CODES))
def test_new_procedures_name_their_dated_sources(code: str) -> None:
    proc = CATALOGUE.get(code)
    assert proc.sources
    for source in proc.sources:
        assert source.checked == "2026-12-01"
        official = r"https://(www\.service-public\.fr|[a-z]+\.ants\.gouv\.fr|www\.legifrance)"
        assert re.match(official, source.url)


@pytest.mark.parametrize("code", sorted(NEW_CODES))
def test_new_procedures_speak_in_short_sentences(code: str) -> None:
    proc = CATALOGUE.get(code)
    texts = [*proc.summary, *(note.text for note in (*proc.next_steps, *proc.deadlines))]
    texts += [d.description for d in proc.documents] + [s.help for s in proc.steps if s.help]
    texts += [d.if_missing for d in proc.documents if d.if_missing]
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            assert len(sentence) <= 150, sentence


@pytest.mark.parametrize("code", sorted(NEW_CODES))
def test_every_example_of_the_new_procedures_is_accepted(code: str) -> None:
    session = new_session(code)
    for fld in CATALOGUE.get(code).all_fields():
        if fld.example:
            session.check_field(fld.id, fld.example)


# --- each new procedure, its branches and the documents each asks ---------------------------

OWNER = {**PERSON, **ADDRESS, "assurance": "oui", "permis_categorie": "oui"}


@pytest.mark.parametrize(
    ("branch", "expected"),
    [
        ({"provenance": "union_europeenne", "vehicule_plus_4_ans": "oui", "contre_visite": "non"},
         ["cerfa_13750", "carte_grise_etrangere", "preuve_achat", "piece_identite", "justificatif_domicile",
          "quitus_fiscal", "certificat_conformite", "controle_technique"]),
        ({"provenance": "hors_union", "vehicule_plus_4_ans": "non"},
         ["cerfa_13750", "carte_grise_etrangere", "preuve_achat", "piece_identite", "justificatif_domicile",
          "certificat_846a", "certificat_conformite"]),
    ],
    ids=["union-europeenne", "hors-union"],
)  # fmt: skip
def test_vehicule_etranger(branch: dict[str, str], expected: list[str]) -> None:
    typed = {**OWNER, **branch, "vin": "vf7sa9hr8ew123456", "date_achat": "10/11/2026"}
    session = walk("cg-vehicule-etranger", typed)
    assert document_kinds(session) == expected
    assert submit(session)["answers"]["vin"] == "VF7SA9HR8EW123456"
    assert fees(session) == [None, 11, 2.76]


@pytest.mark.parametrize(
    ("branch", "expected"),
    [
        ({"transformation": "e85", "carte_siv": "oui", "formule_number": "2017RV48832",
          "vehicule_plus_4_ans": "oui"},
         ["cerfa_13750", "carte_grise", "piece_identite", "justificatif_domicile", "attestation_e85",
          "controle_technique"]),
        ({"transformation": "autre", "transformation_detail": "Camionnette aménagée en camping-car",
          "carte_siv": "non", "date_certificat": "12/05/2005", "vehicule_plus_4_ans": "oui"},
         ["cerfa_13750", "carte_grise", "piece_identite", "justificatif_domicile",
          "attestation_transformation", "controle_technique"]),
    ],
    ids=["e85", "camping-car"],
)  # fmt: skip
def test_changement_caracteristiques(branch: dict[str, str], expected: list[str]) -> None:
    session = walk("cg-changement-caracteristiques", {**PERSON, "plate": "AB-123-CD", **branch})
    assert document_kinds(session) == expected
    submit(session)


@pytest.mark.parametrize(
    ("branch", "expected_documents", "expected_fees"),
    [
        ({"champ_errone": "adresse", "erreur_de": "administration"},
         ["carte_grise", "piece_identite", "justificatif_domicile"], [0]),
        ({"champ_errone": "caracteristique", "erreur_de": "moi"},
         ["carte_grise", "piece_identite", "justificatif_technique"], [None]),
        ({"champ_errone": "nom", "erreur_de": "administration"}, ["carte_grise", "piece_identite"], [0]),
        ({"champ_errone": "autre", "erreur_de": "moi"},
         ["carte_grise", "piece_identite", "justificatif_erreur"], [None]),
    ],
    ids=["adresse", "caracteristique", "nom", "autre"],
)  # fmt: skip
def test_correction_erreur(
    branch: dict[str, str], expected_documents: list[str], expected_fees: list[float | None]
) -> None:
    typed = {**PERSON, **branch, "valeur_erronee": "DUPOND", "valeur_correcte": "DUPONT",
             "plate": "AB-123-CD", "carte_siv": "oui", "formule_number": "2017RV48832"}  # fmt: skip
    session = walk("cg-correction-erreur", typed)
    assert document_kinds(session) == expected_documents
    assert fees(session) == expected_fees
    submit(session)


COTITULAIRE = {"cotitulaire_nom": "Martin", "cotitulaire_prenoms": "Jean",
               "cotitulaire_date_naissance": "14/07/1952"}  # fmt: skip


@pytest.mark.parametrize(
    ("branch", "expected_documents", "expected_fees"),
    [
        ({"action": "ajout", "lien": "conjoint_mariage", "date_mariage": "12/09/2026",
          "vehicule_plus_4_ans": "oui"},
         ["cerfa_13750", "carte_grise", "piece_identite", "piece_identite_cotitulaire",
          "justificatif_domicile", "acte_mariage", "controle_technique"], [11, 2.76]),
        ({"action": "ajout", "lien": "autre", "vehicule_plus_4_ans": "non"},
         ["cerfa_13750", "carte_grise_barree", "cerfa_15776", "piece_identite",
          "piece_identite_cotitulaire", "justificatif_domicile"], [None]),
        ({"action": "retrait", "vehicule_plus_4_ans": "non"},
         ["cerfa_13750", "carte_grise", "piece_identite", "piece_identite_cotitulaire",
          "justificatif_domicile", "accord_retrait"], [None]),
    ],
    ids=["conjoint", "autre-personne", "retrait"],
)  # fmt: skip
def test_cotitulaire(
    branch: dict[str, str], expected_documents: list[str], expected_fees: list[float | None]
) -> None:
    typed = {**PERSON, **COTITULAIRE, **branch, "tous_daccord": "oui", "plate": "4321 XZ 75",
             "carte_siv": "non", "date_certificat": "03/02/2001"}  # fmt: skip
    session = walk("cg-cotitulaire", typed)
    assert document_kinds(session) == expected_documents
    assert fees(session) == expected_fees
    submit(session)
    assert all(spec.max_size_bytes == 1024 * 1024 for spec in session.procedure.documents)


def test_cotitulaire_needs_everyone_s_agreement() -> None:
    session = new_session("cg-cotitulaire")
    with pytest.raises(ValidationError, match="accord de chaque personne"):
        session.check_field("tous_daccord", "non")


@pytest.mark.parametrize(
    ("motif", "proof"),
    [("mariage", "acte_mariage"), ("divorce", "justificatif_divorce"),
     ("decision", "decision_changement_nom")],
)
def test_changement_etat_civil(motif: str, proof: str) -> None:
    typed = {"motif": motif, "plate": "AB-123-CD", "carte_siv": "oui", "formule_number": "2017RV48832",
             "vehicule_plus_4_ans": "non", "ancien_nom": "Dupont", "nom": "Dupont Martin",
             "prenoms": "Marie", "date_naissance": "31/12/1950"}  # fmt: skip
    session = walk("cg-changement-etat-civil", typed)
    common = ["cerfa_13750", "carte_grise", "piece_identite", "justificatif_domicile"]
    assert document_kinds(session) == [*common, proof]
    assert fees(session) == [11, 2.76]
    assert submit(session)["answers"]["ancien_nom"] == "Dupont"


HEIR = {**OWNER, "defunt_nom": "Dupont", "defunt_prenoms": "Jean", "date_deces": "02/10/2026",
        "plate": "AB-123-CD"}  # fmt: skip


@pytest.mark.parametrize(
    ("branch", "expected"),
    [
        ({"projet": "garder", "au_nom_de": "moi_seul", "vehicule_plus_4_ans": "oui", "contre_visite": "oui"},
         ["cerfa_13750", "carte_grise_defunt", "preuve_heritier", "accord_coheritiers", "piece_identite",
          "justificatif_domicile", "controle_technique", "contre_visite"]),
        ({"projet": "vendre", "vente_simple": "non", "au_nom_de": "plusieurs", "vehicule_plus_4_ans": "non"},
         ["cerfa_13750", "carte_grise_defunt", "preuve_heritier", "piece_identite", "justificatif_domicile"]),
        ({"projet": "garder", "au_nom_de": "seul_heritier", "vehicule_plus_4_ans": "non"},
         ["cerfa_13750", "carte_grise_defunt", "preuve_heritier", "piece_identite", "justificatif_domicile"]),
    ],
    ids=["un-heritier-pour-tous", "vendre-apres-3-mois", "seul-heritier"],
)  # fmt: skip
def test_heritage(branch: dict[str, str], expected: list[str]) -> None:
    session = walk("cg-heritage", {**HEIR, **branch})
    assert document_kinds(session) == expected
    submit(session)


def test_heritage_says_a_quick_sale_needs_no_new_card() -> None:
    session = new_session("cg-heritage")
    session.set_answer("projet", "vendre")
    with pytest.raises(ValidationError, match="pas besoin de nouvelle carte grise"):
        session.check_field("vente_simple", "oui")


def test_permis_international_is_free_and_asks_a_valid_licence() -> None:
    typed = {**PERSON, **ADDRESS, "pays_destination": "Canada", "permis_valable": "oui",
             "numero_permis": "120375123456"}  # fmt: skip
    session = walk("permis-international", typed)
    assert document_kinds(session) == ["permis_recto_verso", "piece_identite", "justificatif_domicile"]
    assert fees(session) == [0]
    assert "date_depart" not in submit(session)["answers"]
    with pytest.raises(ValidationError, match="permis français valable"):
        session.check_field("permis_valable", "non")


@pytest.mark.parametrize("categories", ["c", "d", "c_et_d"])
def test_permis_poids_lourd(categories: str) -> None:
    typed = {**PERSON, **ADDRESS, **EPHOTO, "avis_favorable": "oui", "categories": categories,
             "date_naissance": "15/03/1970"}  # fmt: skip
    session = walk("permis-poids-lourd", typed)
    assert document_kinds(session) == ["avis_medical", "permis_recto_verso", "piece_identite",
                                       "justificatif_domicile"]
    assert fees(session) == [0]
    submit(session)


# --- subjects of the catalogue screen -----------------------------------------------------


def test_every_procedure_sits_under_a_subject_and_no_subject_is_a_long_list() -> None:
    themes = load_themes()
    ids = {theme.id for theme in themes}
    for proc in CATALOGUE.procedures.values():
        assert proc.topics and set(proc.topics) <= ids, proc.code
        assert len(proc.keywords) >= 5, proc.code
    grouped = group(CATALOGUE.procedures.values(), themes)
    assert list(grouped) == [theme.id for theme in themes]  # no « autres », none empty
    assert max(len(items) for items in grouped.values()) <= 6
    assert len(themes) <= 5


# --- no e-mail, no telephone ----------------------------------------------------------------

# Values a citizen could type, tried in turn until the field's check accepts one.
CANDIDATES: Mapping[str, tuple[str, ...]] = {
    "name": ("Dupont",), "street": ("12 rue de la Paix",), "postal_code": ("75004",),
    "date": ("31/12/1950", "20/11/2026", "15/06/2027"), "text": ("Un texte",),
    "plate": ("AB-123-CD",), "formule_number": ("2017RV48832",), "vin": ("VF7SA9HR8EW123456",),
    "code_cession": ("K7F29QX3",), "neph": ("120375123456",), "ephoto_code": ("AB12CD34EF56GH78IJ90KL",),
    "timbre_fiscal": ("1234567890123456",), "time": ("14:30",), "digits": ("12",),
}  # fmt: skip


def typed_value(session: ProcedureSession, fld: Field) -> str:
    for raw in (fld.example, *CANDIDATES.get(fld.check or "text", ())):
        if not raw:
            continue
        try:
            session.check_field(fld.id, raw)
        except ValidationError:
            continue
        return raw
    raise AssertionError(f"{session.procedure.code}: no value accepted for {fld.id}")


def options(fld: Field) -> list[str]:
    if fld.must_equal is not None:
        return [fld.must_equal]  # the other answer is a refusal, tested with each procedure
    return [c.value for c in fld.choices] if fld.type == "choice" else ["oui", "non"]


Fork = tuple[str, list[str]]


def walk_without_contact(code: str, decided: Mapping[str, str]) -> tuple[ProcedureSession, Fork | None]:
    """Fill each visible question, the contact ones left empty; stop at the first undecided choice."""
    session = new_session(code)
    while True:
        seen: set[str] = set()
        progress = True
        while progress:
            progress = False
            for fld in session.fields():
                if fld.id in seen:
                    continue
                seen.add(fld.id)
                progress = True
                if fld.id in CONTACT_FIELDS:
                    assert not fld.required, f"{code}: {fld.id} must stay optional"
                    continue
                if fld.type in ("choice", "yes_no"):
                    if fld.id not in decided:
                        return session, (fld.id, options(fld))
                    session.set_answer(fld.id, decided[fld.id])
                elif fld.required:
                    session.set_answer(fld.id, typed_value(session, fld))
        assert session.step_errors() == {}, (code, session.current.id, session.step_errors())
        if session.at_last_step:
            return session, None
        assert session.next()


def every_branch_without_contact(code: str) -> list[ProcedureSession]:
    finished: list[ProcedureSession] = []
    todo: list[dict[str, str]] = [{}]
    while todo:
        decided = todo.pop()
        session, fork = walk_without_contact(code, decided)
        if fork is None:
            finished.append(session)
        else:
            field_id, values = fork
            todo.extend({**decided, field_id: value} for value in values)
    return finished


@pytest.mark.parametrize("code", sorted(CATALOGUE.procedures))
def test_every_branch_can_be_sent_without_email_or_telephone(code: str) -> None:
    sessions = every_branch_without_contact(code)
    assert sessions
    for session in sessions:
        body = submit(session)
        assert not CONTACT_FIELDS & set(body["answers"])


@pytest.mark.parametrize("code", sorted(CATALOGUE.procedures))
def test_the_contact_step_says_the_receipt_is_the_proof(code: str) -> None:
    steps = [s for s in CATALOGUE.get(code).steps if {f.id for f in s.fields} & CONTACT_FIELDS]
    for step in steps:
        assert "facultatif" in step.title
        assert "reçu imprimé prouve votre demande" in step.help
        assert "suivre votre demande à la borne" in step.help


def test_a_definition_that_demands_an_email_is_refused(tmp_path: Path) -> None:
    text = resource_path("procedures", "cg-heritage.yaml").read_text("utf-8")
    demanding = text.replace("        check: email\n        required: false\n", "        check: email\n", 1)
    assert demanding != text
    path = tmp_path / "demanding.yaml"
    path.write_text(demanding, "utf-8")
    with pytest.raises(DefinitionRefused) as refused:
        load_definition(path)
    assert "facultatif" in refused.value.message and refused.value.place.startswith("steps[")
