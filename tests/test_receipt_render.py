"""Receipts read back from the PDF: every field, masking, French text, QR code, page sizes (the
full detail; the short thermal roll is checked in test_receipt_thermal.py)."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader

from kiosk.procedures import Procedure, load_catalogue
from kiosk.receipts import ReceiptError, build_receipt, render_receipt
from kiosk.receipts.french import typography
from kiosk.receipts.from_queue import receipt_from_queue
from kiosk.receipts.masking import mask
from offline_queue.snapshot import ReceiptSnapshot

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "receipts"
SITE_NAME = "Préfecture de la Somme — point numérique"
FORMULE = "2017RV48832"
CODE_CESSION = "K7Q2ZP4M9X"
SHA = "3f2a9c01b7e4d5c6" + "0" * 48
CREATED = "2026-11-30T10:17:00Z"  # 11 h 17 in Paris (UTC+1 in winter)
RECEIVED = datetime(2026, 11, 30, 16, 5, tzinfo=UTC)  # 17 h 05 in Paris


def procedure(code: str = "cg-changement-titulaire", extra: tuple[str, ...] = ()) -> Procedure:
    """A shipped procedure; ``extra`` adds (confidential) fields to the printed ones."""
    base = load_catalogue().get(code)
    return dataclasses.replace(base, receipt_fields=base.receipt_fields + extra)


def snapshot(**changes: Any) -> ReceiptSnapshot:
    return ReceiptSnapshot.from_json(stored_snapshot(**changes))


def stored_snapshot(**changes: Any) -> dict[str, Any]:
    """The JSON the outbox stores (as older kiosks wrote it, too)."""
    snap: dict[str, Any] = {
        "id": "6f1c0d5e-8d0b-4c36-9a8e-2f1e4b7a9c10",
        "local_reference": "PN-8001-K01-000123",
        "procedure": {"code": "cg-changement-titulaire", "version": "1"},
        "created_at": CREATED,
        "kiosk_id": "8001-K01",
        "site": "8001",
        "mediator_id": "m-0042",
        "answers": {
            "plate": "AB-123-CD", "nom": "LEFÈVRE", "prenoms": "Hélène Françoise",
            "formule_number": FORMULE, "code_cession": CODE_CESSION,
        },
        "documents": [
            {"kind": "cerfa_13750", "filename": "cerfa.pdf", "size": 183_422},
            {"kind": "justificatif_domicile", "filename": "edf-lefevre.jpg", "size": 1_250_000},
        ],
        "body_sha256": SHA,
    }
    snap.update(changes)
    return snap


def receipt(final: bool = False, **changes: Any) -> Any:
    return build_receipt(
        snapshot(**changes), procedure(extra=("formule_number", "code_cession")),
        site_name=SITE_NAME, final=final,
        dossier_number="ANTS-2026-00000042" if final else None,
        received_at=RECEIVED if final else None,
    )


def text_of(pdf: bytes) -> str:
    """Extracted text with every kind of space made one plain space, apostrophes made straight."""
    raw = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    raw = raw.replace("’", "'")
    return re.sub(r"[\s\u00a0\u202f]+", " ", raw)


def png_pages(pdf: bytes, name: str, dpi: int = 150) -> list[Path]:
    """Render with poppler into test-artifacts/receipts/ (kept for people to look at)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    source = ARTIFACTS / f"{name}.pdf"
    source.write_bytes(pdf)
    for old in ARTIFACTS.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(source), str(ARTIFACTS / name)],
                   check=True, timeout=60)
    return sorted(ARTIFACTS.glob(f"{name}-*.png"))


needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm")


@pytest.mark.parametrize("fmt", ["a4", "thermal"])
@pytest.mark.parametrize("final", [False, True])
def test_every_field_is_printed(fmt: str, final: bool) -> None:
    text = text_of(render_receipt(receipt(final), fmt, full=True).pdf)  # type: ignore[arg-type]
    expected = [
        "Accusé de réception" if final else "Accusé d'enregistrement",
        "PN-8001-K01-000123",
        "lundi 30 novembre 2026 à 11 h 17",
        SITE_NAME, "borne 8001-K01",
        "Mettre à mon nom la carte grise d'un véhicule d'occasion (version 1)",
        "AB-123-CD", "LEFÈVRE", "Hélène Françoise",
        "formulaire cerfa 13750", "PDF, 180 Ko", "JPG, 1,2 Mo",  # 1024 units, rounded up
        "3f2a 9c01 b7e4",
        "Dans le mois qui suit l'achat",  # a deadline
        "certificat provisoire (CPI)",  # a next step
        "11 €", "2,76 €", "montant variable",  # fees
        "immatriculation.ants.gouv.fr",
        "L112-11",
    ]
    if final:
        expected += ["ANTS-2026-00000042", "lundi 30 novembre 2026 à 17 h 05"]
    for piece in expected:
        assert piece in text, piece
    assert ("ANTS-2026-00000042" in text) is final


@pytest.mark.parametrize("fmt", ["a4", "thermal"])
def test_confidential_numbers_are_masked(fmt: str) -> None:
    text = text_of(render_receipt(receipt(), fmt, full=True).pdf)  # type: ignore[arg-type]
    assert FORMULE not in text and CODE_CESSION not in text
    assert "••••••••832" in text  # formule: 11 characters, the last 3 shown
    assert "•••••••M9X" in text  # code de cession: never more than its last 3
    assert SHA[:16] not in text  # only 12 hex digits of the hash


def test_mask_never_shows_more_than_a_third() -> None:
    assert mask("123456789012") == "••••••••9012"
    assert mask("ABCDE", keep=4) == "••••E"
    assert mask("AB") == "••"
    assert mask("12 34 56") == "••••56"


def test_ephoto_code_is_masked_even_without_the_sensitive_flag() -> None:
    ephoto = "ABCDEFGHJK1234567890XY"
    made = build_receipt(
        snapshot(procedure={"code": "permis-inscription", "version": "1"},
                 answers={"nom": "DUPONT", "prenoms": "Zoé", "categorie": "B",
                          "ephoto_code": ephoto}),
        procedure("permis-inscription", extra=("ephoto_code",)),
        site_name=SITE_NAME, final=False, dossier_number=None, received_at=None,
    )
    text = text_of(render_receipt(made, "thermal", full=True).pdf)
    assert ephoto not in text and "90XY" in text
    assert "permisdeconduire.ants.gouv.fr" in text
    assert "Permis B" in text or "B" in text


def test_choices_and_dates_are_worded() -> None:
    made = build_receipt(
        snapshot(procedure={"code": "cg-declaration-cession", "version": "1"},
                 answers={"plate": "AB-123-CD", "nom": "MARTIN", "prenoms": "René",
                          "date_cession": "2026-11-01", "type_cession": "vente"}),
        procedure("cg-declaration-cession", extra=("type_cession",)),
        site_name=SITE_NAME, final=False, dossier_number=None, received_at=None,
    )
    values = {line.label: line.value for line in made.answers}
    assert values["Date de la vente ou du don"] == "1er novembre 2026"
    choice = procedure("cg-declaration-cession").field("type_cession").choice_label("vente")
    assert values["Vous avez"] == choice


def test_only_receipt_fields_are_printed() -> None:
    made = receipt(answers={"plate": "AB-123-CD", "nom": "LEFÈVRE", "prenoms": "Hélène",
                            "telephone": "0612345678", "email": "h@example.fr"})
    text = text_of(render_receipt(made, "a4").pdf)
    assert "0612345678" not in text and "h@example.fr" not in text


@pytest.mark.parametrize("fmt", ["a4", "thermal"])
def test_fonts_are_embedded(fmt: str) -> None:
    reader = PdfReader(io.BytesIO(render_receipt(receipt(), fmt, full=True).pdf))  # type: ignore[arg-type]
    fonts = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/FontDescriptor"].get_object()
            fonts.append((str(font.get_object()["/BaseFont"]), "/FontFile2" in descriptor))
    assert fonts and all(embedded for _, embedded in fonts)
    assert any("DejaVuSans-Bold" in name or "ReceiptSans-Bold" in name for name, _ in fonts)


def test_thermal_page_is_80_mm_wide_and_fits_its_content() -> None:
    short = receipt(answers={"plate": "AB-123-CD"}, documents=[])
    long = receipt(final=True)
    heights = []
    for made in (short, long):
        rendered = render_receipt(made, "thermal", full=True)
        reader = PdfReader(io.BytesIO(rendered.pdf))
        assert len(reader.pages) == 1
        box = reader.pages[0].mediabox
        assert float(box.width) / 72 * 25.4 == pytest.approx(80, abs=0.1)
        height_mm = float(box.height) / 72 * 25.4
        assert height_mm == pytest.approx(rendered.height_mm, abs=0.1)
        heights.append(height_mm)
    assert 150 < heights[0] < heights[1] < 600


@needs_poppler
def test_thermal_content_reaches_close_to_the_bottom() -> None:
    """Fitted height: the last printed line sits near the page end, nothing is cut."""
    rendered = render_receipt(receipt(final=True), "thermal", full=True)
    (page,) = png_pages(rendered.pdf, "fit-check", dpi=100)
    image = Image.open(page).convert("L")
    rows = [y for y in range(image.height)
            if image.crop((0, y, image.width, y + 1)).getextrema()[0] < 128]
    bottom_gap_mm = (image.height - rows[-1]) / 100 * 25.4
    assert 2 < bottom_gap_mm < 30
    text = text_of(rendered.pdf)
    assert "point-numerique-kiosk" in text  # the very last line


def test_a4_page_size_and_page_count() -> None:
    made = build_receipt(
        snapshot(procedure={"code": "cg-changement-adresse", "version": "3"},
                 documents=[{"kind": "justificatif_domicile", "filename": "a.pdf", "size": 9000}]),
        procedure("cg-changement-adresse", extra=("formule_number",)),
        site_name=SITE_NAME, final=True, dossier_number="ANTS-2026-00000042",
        received_at=RECEIVED,
    )
    rendered = render_receipt(made, "a4")
    png_pages(rendered.pdf, "a4-changement-adresse")
    reader = PdfReader(io.BytesIO(rendered.pdf))
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)
    assert len(reader.pages) == rendered.pages
    assert 1 <= rendered.pages <= 2


def test_a_long_request_flows_onto_a_second_a4_page_with_the_reference() -> None:
    many = tuple(f"Étape numéro {i} : faites ceci puis cela, calmement." for i in range(40))
    made = dataclasses.replace(receipt(), next_steps=many)
    rendered = render_receipt(made, "a4")
    assert rendered.pages >= 2
    reader = PdfReader(io.BytesIO(rendered.pdf))
    last = (reader.pages[-1].extract_text() or "").replace("\u00a0", " ")
    assert "PN-8001-K01-000123 — page 2" in last or "PN-8001-K01-000123 — page" in last
    assert "Étape numéro 39" in text_of(rendered.pdf)


@needs_poppler
@pytest.mark.parametrize("fmt", ["a4", "thermal"])
@pytest.mark.parametrize("final", [False, True])
def test_qr_code_carries_the_reference(fmt: str, final: bool) -> None:
    rendered = render_receipt(receipt(final), fmt, full=True)  # type: ignore[arg-type]
    name = f"{fmt}-{'reception' if final else 'enregistrement'}"
    pages = png_pages(rendered.pdf, name)
    assert read_qr_codes(pages[0]) == [("PN-8001-K01-000123", "QRCode")]


# zxing-cpp's extension, once loaded beside PySide6 in the same process, can abort the
# interpreter at exit (a refcount error while collecting): decode in a child process.
_DECODE = """
import json, sys
import zxingcpp
from PIL import Image
found = zxingcpp.read_barcodes(Image.open(sys.argv[1]))
print(json.dumps([[code.text, code.format.name] for code in found]))
"""


def read_qr_codes(png: Path) -> list[tuple[str, str]]:
    """(text, format) of every barcode zxing-cpp finds in the picture."""
    result = subprocess.run([sys.executable, "-c", _DECODE, str(png)], capture_output=True,
                            text=True, timeout=60, check=True)
    return [(text, kind) for text, kind in json.loads(result.stdout)]


def test_french_typography() -> None:
    assert typography("Référence : PN-1") == "Référence\u00a0: PN-1"
    assert typography("Et ensuite ?") == "Et ensuite\u202f?"
    assert typography("« Vendu le »") == "«\u00a0Vendu le\u00a0»"
    assert typography("amende de 135 €.") == "amende de 135\u00a0€."
    assert typography("https://ants.gouv.fr") == "https://ants.gouv.fr"


@pytest.mark.parametrize("fmt", ["a4", "thermal"])
def test_no_line_starts_with_a_lone_punctuation_mark(fmt: str) -> None:
    pdf = render_receipt(receipt(), fmt, full=True).pdf  # type: ignore[arg-type]
    raw = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    lines = [line.strip() for line in raw.splitlines()]
    assert not [line for line in lines if line[:1] in (":", ";", "?", "!", "€", "»")]
    assert "Délais à respecter" in raw and "réception" in raw and "€" in raw


def test_final_receipt_needs_the_service_answer() -> None:
    with pytest.raises(ReceiptError) as caught:
        build_receipt(snapshot(), procedure(), site_name=SITE_NAME, final=True,
                      dossier_number=None, received_at=None)
    assert "pas encore" in caught.value.message


class _DamagedQueue:
    """A queue whose stored snapshot of the request is damaged."""

    def __init__(self, stored: dict[str, Any]) -> None:
        self.stored = stored

    def get(self, submission_id: str) -> Any:
        return dataclasses.make_dataclass("Item", ["state", "dossier_number", "received_at"])(
            "queued", None, None
        )

    def receipt_snapshot(self, submission_id: str) -> ReceiptSnapshot:
        return ReceiptSnapshot.from_json(self.stored)


def test_damaged_snapshot_gives_a_clear_message() -> None:
    config = dataclasses.make_dataclass("Config", ["site_name"])(SITE_NAME)
    for broken in (stored_snapshot(created_at="hier"), stored_snapshot(local_reference=None),
                   stored_snapshot(documents=[{"size": 3}])):
        with pytest.raises(ReceiptError) as caught:
            receipt_from_queue(_DamagedQueue(broken), "x", procedure(), config, final=False)
        assert "n'est pas perdue" in caught.value.message


def test_version_printed_is_the_one_filed() -> None:
    made = receipt(procedure={"code": "cg-changement-titulaire", "version": "0"})
    assert made.procedure_version == "0"
