"""The thermal receipt keeps the essentials within 20 cm, read back from the PDF; the A4 one
keeps every detail. « Et maintenant ? » and the deadlines follow the answers given."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from test_receipt_render import RECEIVED, procedure, snapshot

from kiosk.receipts import build_receipt, render_receipt

MAX_ROLL_MM = 200.0
CODES = ["cg-changement-adresse", "cg-changement-titulaire", "cg-declaration-cession", "cg-duplicata",
         "permis-echange-etranger", "permis-fabrication", "permis-inscription", "permis-renouvellement"]


def text_of(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


def height_mm(pdf: bytes) -> float:
    [page] = PdfReader(io.BytesIO(pdf)).pages
    return float(page.mediabox.height) / 72 * 25.4


@pytest.mark.parametrize("final", [True, False], ids=["reception", "enregistrement"])
@pytest.mark.parametrize("code", CODES)
def test_the_thermal_receipt_holds_the_essentials_within_20_cm(code: str, final: bool) -> None:
    proc = procedure(code)
    answers = dict(snapshot().answers)
    for name in proc.receipt_snapshot_fields:  # the answers that choose what the receipt says
        fld = proc.field(name)
        if name not in answers and fld.type in ("choice", "yes_no"):
            answers[name] = fld.choices[0].value if fld.choices else "oui"
    receipt = build_receipt(snapshot(procedure={"code": code, "version": "1"}, answers=answers), proc,
                            site_name="Préfecture de la Somme — point numérique", final=final,
                            dossier_number="CG-2026-000042" if final else None,
                            received_at=RECEIVED if final else None)
    rendered = render_receipt(receipt, "thermal")
    assert height_mm(rendered.pdf) <= MAX_ROLL_MM
    assert rendered.height_mm <= MAX_ROLL_MM
    text = text_of(rendered.pdf)
    assert receipt.local_reference in text and "Et maintenant" in text
    assert ("CG-2026-000042" in text) == final
    if not final:
        assert "pas encore reçue" in text
    assert "Empreinte" not in text  # the detail goes on A4 or on request
    full = text_of(render_receipt(receipt, "thermal", full=True).pdf)
    assert "Empreinte" in full and "Empreinte" in text_of(render_receipt(receipt, "a4").pdf)


def test_what_next_and_deadlines_follow_the_answers() -> None:
    proc = procedure("permis-renouvellement")

    def printed(motif: str) -> str:
        snap = snapshot(procedure={"code": proc.code, "version": "1"},
                        answers={"nom": "Dupont", "prenoms": "Marie", "motif": motif})
        receipt = build_receipt(snap, proc, site_name="Préfecture", final=False,
                                dossier_number=None, received_at=None)
        return text_of(render_receipt(receipt, "thermal").pdf)
    lost, stolen = printed("perte"), printed("vol")
    assert "attestation de perte" in lost
    assert "récépissé de la déclaration de vol est valable 2 mois" in stolen
    assert "attestation de perte" not in stolen
    assert "Délais à respecter" not in lost
