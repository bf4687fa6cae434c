"""A proof of address's 2D-Doc read off a scan (kiosk.two_d_doc): from a picture and from a PDF,
the header's date and the bill's ids; a damaged or absent code gives nothing, says nothing to
the person, and logs one line without the person's data.

The codes are generated: a made-up bill (kiosk.sample_scans) with a DataMatrix that zxing-cpp
writes, holding a 2D-Doc built from the ids of the ANTS specification."""

from __future__ import annotations

import dataclasses
import json
import logging
import random
from datetime import date
from pathlib import Path

import pytest

from kiosk.sample_scans import (
    SAMPLE_HOLDER,
    bill_values,
    encode,
    proof_of_address,
    proof_of_address_page,
    two_d_doc_text,
)
from kiosk.two_d_doc import FACTS, ProofFacts, facts_from_text, read_proof
from resources import resource_path

EMITTED = date(2026, 10, 14)
HOLDER = ProofFacts(None, "EXEMPLE DURAND", "JEAN PIERRE", "4 BIS AVENUE DU PORT", "", "01000",
                    "BOURG EN BRESSE")
EXPECTED = dataclasses.replace(HOLDER, emission_date=EMITTED)


@pytest.mark.parametrize("fmt", ["png", "jpg"])
def test_read_from_a_scanned_picture(fmt: str) -> None:
    rng = random.Random(1)
    data = proof_of_address(rng, fmt, 100, HOLDER, EMITTED)
    assert read_proof(data, fmt) == EXPECTED


def test_read_from_a_pdf_s_first_page() -> None:
    rng = random.Random(2)
    data = proof_of_address(rng, "pdf", 100, HOLDER, EMITTED)
    assert data.startswith(b"%PDF-")
    assert read_proof(data, "pdf") == EXPECTED


def test_the_header_s_date_and_the_place_served_come_before_the_person_billed() -> None:
    rng = random.Random(3)
    values = {"14": "M PAUL PAYEUR", "16": "PAUL", "17": "PAYEUR", "27": "APPARTEMENT 3",
              "29": "1 RUE DU BILL", "2B": "69003", "2C": "LYON",
              "12": "ANNE", "13": "SERVIE", "21": "RESIDENCE LES PINS", "22": "8 RUE HAUTE",
              "24": "75011", "25": "PARIS"}
    facts = facts_from_text(two_d_doc_text(values, EMITTED, rng))
    assert facts == ProofFacts(EMITTED, "SERVIE", "ANNE", "8 RUE HAUTE", "RESIDENCE LES PINS",
                               "75011", "PARIS")
    billed_only = {k: v for k, v in values.items() if k[0] == "1" and k > "13" or k[0] == "2" and k > "26"}
    facts = facts_from_text(two_d_doc_text(billed_only, EMITTED, rng))
    assert facts == ProofFacts(EMITTED, "PAYEUR", "PAUL", "1 RUE DU BILL", "APPARTEMENT 3", "69003", "LYON")


def test_names_in_one_line_are_not_split() -> None:
    """Line 1 of the address (« MME CLAIRE EXEMPLE ») says no which word is the surname."""
    values = {k: v for k, v in bill_values(SAMPLE_HOLDER, random.Random(4)).items() if k not in ("12", "13")}
    facts = facts_from_text(two_d_doc_text(values, EMITTED, random.Random(4)))
    assert isinstance(facts, ProofFacts) and facts.street == "12 RUE DES LILAS"
    assert (facts.holder_surname, facts.holder_given_names) == ("", "")


def test_a_2d_doc_of_another_document_type_gives_nothing() -> None:
    payslip = two_d_doc_text(bill_values(HOLDER, random.Random(5)), EMITTED, random.Random(5), doc_type="06")
    assert facts_from_text(payslip) == "2D-Doc of another kind of document (type 06)"


def test_a_postal_code_cut_short_is_left_out() -> None:
    text = two_d_doc_text({"22": "1 RUE HAUTE", "24": "01000"}, EMITTED, random.Random(7))
    cut = text.replace("2401000", "24010")
    assert facts_from_text(text).postal_code == "01000"  # type: ignore[union-attr]
    assert facts_from_text(cut).postal_code == ""  # type: ignore[union-attr]


def _quiet_about_the_person(caplog: pytest.LogCaptureFixture) -> None:
    lines = [r for r in caplog.records if r.name == "kiosk.two_d_doc"]
    assert len(lines) == 1, caplog.text
    for secret in ("EXEMPLE", "DURAND", "JEAN", "PORT", "01000", "BOURG", "2026"):
        assert secret not in caplog.text


@pytest.mark.parametrize("damage", ["no code", "not a 2D-Doc", "bad header", "cut message"])
def test_a_damaged_or_absent_code_gives_nothing_and_one_quiet_log_line(
        caplog: pytest.LogCaptureFixture, damage: str) -> None:
    caplog.set_level(logging.INFO)
    rng = random.Random(6)
    text = two_d_doc_text(bill_values(HOLDER, rng), EMITTED, rng)
    code_text = {"no code": "", "not a 2D-Doc": "https://exemple.fr/facture/EXEMPLE-DURAND",
                 "bad header": "DC04FR00EX01ZZZZ" + text[16:],
                 "cut message": text[:26] + "13EXEMPLE DURAND\x1d24010"}[damage]
    page = proof_of_address_page(100, rng, HOLDER, EMITTED, code_text=code_text or "-")
    if damage == "no code":  # the corner where the code was, whitened
        page.paste(255, (page.width // 2, 0, page.width, page.height // 8))
    assert read_proof(encode(page, "png"), "png") is None
    _quiet_about_the_person(caplog)


def test_a_file_that_is_no_picture_gives_nothing(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    assert read_proof(b"\x89PNG\r\n\x1a\n EXEMPLE DURAND 01000", "png") is None
    assert read_proof(b"%PDF-1.4 EXEMPLE DURAND", "pdf") is None
    assert caplog.text.count("kiosk.two_d_doc") <= 2 and "EXEMPLE" not in caplog.text


def test_the_schema_names_exactly_the_facts_read(tmp_path: Path) -> None:
    schema = json.loads(resource_path("procedure.schema.json").read_text(encoding="utf-8"))
    facts = schema["$defs"]["document"]["properties"]["prefill"]["properties"]
    assert set(facts) == FACTS
