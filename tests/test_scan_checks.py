"""Checks before sending: a bad scan refused at once with what to do, a heavy one made lighter,
a damaged one named so, an old document refused (kiosk.scan_quality, image_reduce, document_age).

Scans are generated (kiosk.sample_scans): a printed page drawn at 100 dpi, then scanned
well or badly; the rates over many are in benchmarks/README.md."""

from __future__ import annotations

import dataclasses
import io
import random
from datetime import UTC, date, datetime
from pathlib import Path

import pypdfium2
import pytest
import yaml
from PIL import Image

from kiosk import image_reduce, procedure_checks
from kiosk.document_age import check_written_date, months_before
from kiosk.document_intake import read_document, used_for
from kiosk.image_reduce import reduce_to_fit
from kiosk.procedures import Catalogue, Procedure
from kiosk.sample_scans import PROBLEMS, bad_scan, encode, good_scan
from kiosk.scan_quality import ADVICE, UNREADABLE, check_scan, first_page, measure
from kiosk.session import ProcedureSession
from kiosk.validators import NOTICES, ValidationError, check, with_notice
from resources import resource_path

NOW = datetime(2026, 12, 1, 10, tzinfo=UTC)


@pytest.fixture
def session(catalogue: Catalogue) -> ProcedureSession:
    return ProcedureSession(catalogue.get("cg-changement-adresse"), kiosk_id="K", site="S", now=lambda: NOW)


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("fmt", ["jpg", "pdf"])
def test_a_good_scan_is_taken(session: ProcedureSession, tmp_path: Path, fmt: str) -> None:
    rng = random.Random(11)
    scan = good_scan(rng, 100)
    path = _write(tmp_path, f"scan.{fmt}", encode(scan.page, fmt, rng, scan.dpi))
    document = read_document(session, "justificatif_domicile", path)
    assert document.source == str(path) and document.size == path.stat().st_size


@pytest.mark.parametrize("problem", PROBLEMS)
def test_a_bad_scan_is_refused_with_what_to_do(session: ProcedureSession, tmp_path: Path,
                                                problem: str) -> None:
    rng = random.Random(12)
    scan = bad_scan(rng, problem, 100)
    path = _write(tmp_path, "scan.jpg", encode(scan.page, "jpg", rng, scan.dpi))
    with pytest.raises(ValidationError) as refused:
        read_document(session, "justificatif_domicile", path)
    assert refused.value.message == ADVICE[problem]
    assert "Numérisez" in refused.value.message or "numérisez" in refused.value.message


def test_a_scanner_pdf_of_a_tiny_picture_is_too_small() -> None:
    """A PDF has no pixels of its own: the picture inside it is what the scanner saw."""
    rng = random.Random(13)
    scan = bad_scan(rng, "small", 100)
    data = encode(scan.page, "pdf", rng, scan.dpi)
    assert measure(first_page(data, "pdf")).problem == "small"


@pytest.mark.parametrize("damage", [
    lambda data: data[: len(data) // 3],  # cut short: the scanner stopped
    lambda data: b"\xff\xd8" + bytes(200) + data[40:],  # a broken header
])
def test_a_damaged_jpeg_says_it_is_damaged_not_of_a_wrong_type(session: ProcedureSession,
                                                               tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(14)
    scan = good_scan(rng, 100)
    path = _write(tmp_path, "scan.jpg", damage(encode(scan.page, "jpg", rng, scan.dpi)))
    with pytest.raises(ValidationError) as refused:
        read_document(session, "justificatif_domicile", path)
    assert refused.value.message == UNREADABLE
    assert refused.value.message == "Ce fichier est abîmé ou illisible. Numérisez le document à nouveau."


def test_a_file_of_another_type_is_still_not_accepted(session: ProcedureSession, tmp_path: Path) -> None:
    path = _write(tmp_path, "photo.jpg", b"GIF89a" + bytes(100))
    with pytest.raises(ValidationError, match="Formats acceptés"):
        read_document(session, "justificatif_domicile", path)


def _heavy(procedure: Procedure, kind: str, limit: int) -> Procedure:
    docs = tuple(dataclasses.replace(d, max_size_bytes=limit) if d.kind == kind else d
                 for d in procedure.documents)
    return dataclasses.replace(procedure, documents=docs)


def test_a_heavy_scan_is_made_lighter_and_stays_legible(catalogue: Catalogue, tmp_path: Path) -> None:
    rng = random.Random(15)
    scan = good_scan(rng, 100)
    colour = scan.page.convert("RGB")
    data = encode(colour, "png", rng, scan.dpi)
    procedure = _heavy(catalogue.get("cg-changement-adresse"), "justificatif_domicile", 150_000)
    session = ProcedureSession(procedure, kiosk_id="K", site="S", now=lambda: NOW)
    assert len(data) > 150_000
    document = read_document(session, "justificatif_domicile", _write(tmp_path, "scan.png", data))
    assert document.size <= 150_000 and document.filename == "scan.jpg"
    assert document.content_type == "image/jpeg"
    check_scan(document.data, "jpg")  # still passes the scan checks


def test_a_scan_that_cannot_be_made_light_enough_says_what_to_do(catalogue: Catalogue,
                                                                 tmp_path: Path) -> None:
    rng = random.Random(16)
    scan = good_scan(rng, 100)
    data = encode(scan.page, "png", rng, scan.dpi)
    procedure = _heavy(catalogue.get("cg-changement-adresse"), "justificatif_domicile", 20_000)
    session = ProcedureSession(procedure, kiosk_id="K", site="S", now=lambda: NOW)
    with pytest.raises(ValidationError) as refused:
        read_document(session, "justificatif_domicile", _write(tmp_path, "scan.png", data))
    assert "trop lourd" in refused.value.message and "noir et blanc" in refused.value.message


def test_a_colour_document_is_never_turned_grey() -> None:
    rng = random.Random(17)
    page = good_scan(rng, 100).page.convert("RGB")
    data = encode(page, "png", rng, 100)
    smallest_colour = min(
        len(image_reduce._encode([image_reduce._resized(page, side, False)], "jpg", quality))
        for side, quality, grey in image_reduce.LADDER if not grey)
    grey = reduce_to_fit(data, "png", smallest_colour - 1, ("jpg", "pdf"))
    assert grey is not None and grey.grey
    assert reduce_to_fit(data, "png", smallest_colour - 1, ("jpg", "pdf"), keep_colour=True) is None
    kept = reduce_to_fit(data, "png", smallest_colour, ("jpg", "pdf"), keep_colour=True)
    assert kept is not None and not kept.grey and Image.open(io.BytesIO(kept.data)).mode == "RGB"


def test_a_multi_page_pdf_stays_whole_when_reduced() -> None:
    rng = random.Random(18)
    pages = [good_scan(rng, 100).page.convert("RGB") for _ in range(2)]
    buffer = io.BytesIO()
    pages[0].save(buffer, "PDF", save_all=True, append_images=pages[1:], quality=95, resolution=100.0)
    reduced = reduce_to_fit(buffer.getvalue(), "pdf", len(buffer.getvalue()) // 2, ("pdf",))
    assert reduced is not None and reduced.fmt == "pdf"
    assert len(pypdfium2.PdfDocument(reduced.data)) == 2


def test_a_second_use_of_one_scan_is_noticed(catalogue: Catalogue, tmp_path: Path) -> None:
    session = ProcedureSession(catalogue.get("cg-duplicata"), kiosk_id="K", site="S", now=lambda: NOW)
    rng = random.Random(19)
    scan = good_scan(rng, 100)
    path = _write(tmp_path, "scan.jpg", encode(scan.page, "jpg", rng, scan.dpi))
    kinds = [d.kind for d in session.procedure.documents]
    session.attach(read_document(session, kinds[0], path))
    assert [s.kind for s in used_for(session, path, kinds[1])] == [kinds[0]]
    assert used_for(session, path, kinds[0]) == []  # replacing it in its own slot is no second use
    assert used_for(session, tmp_path / "other.jpg", kinds[1]) == []


def test_a_proof_of_address_over_6_months_is_refused(session: ProcedureSession) -> None:
    assert session.procedure.document("justificatif_domicile").max_age_months == 6
    assert check_written_date(session, "justificatif_domicile", "01/06/2026") == date(2026, 6, 1)
    with pytest.raises(ValidationError) as refused:
        check_written_date(session, "justificatif_domicile", "31/05/2026")
    assert refused.value.message == (
        "Ce document date du 31/05/2026. Il a plus de 6 mois. Il faut un "
        "document daté du 01/06/2026 ou après. Apportez un document plus récent.")
    with pytest.raises(ValidationError, match="futur"):
        check_written_date(session, "justificatif_domicile", "02/12/2026")


def test_the_documents_that_must_be_recent_say_so_in_their_definitions(catalogue: Catalogue) -> None:
    ages = {(code, d.kind): d.max_age_months for code, p in catalogue.procedures.items()
            for d in p.documents if d.max_age_months}
    assert ages[("cg-duplicata", "recepisse_plainte_vol")] == 2
    assert ages[("cg-duplicata", "controle_technique")] == 6
    assert ages[("permis-renouvellement", "recepisse_vol")] == 2
    assert all(months == 6 for (_code, kind), months in ages.items() if kind == "justificatif_domicile")
    assert sum(kind == "justificatif_domicile" for _code, kind in ages) >= 6


def test_months_before_keeps_the_day_or_the_month_s_last() -> None:
    assert months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)
    assert months_before(date(2026, 1, 15), 2) == date(2025, 11, 15)


def test_the_e_photo_code_and_the_timbre_say_they_serve_once(catalogue: Catalogue) -> None:
    asked = [(code, f) for code, p in catalogue.procedures.items() for step in p.steps for f in step.fields
             if f.check in NOTICES]
    assert {f.check for _code, f in asked} == {"ephoto_code", "timbre_fiscal"}
    for _code, f in asked:
        assert f.help.count("ne sert qu'une seule fois") == 1, f.id
    assert "moins de 6 mois" in with_notice("", "ephoto_code")
    assert with_notice("Aide.", "plate") == "Aide."
    assert check("ephoto_code", "ab12 cd34 ef56 gh78 ij90 kl") == "AB12CD34EF56GH78IJ90KL"
    with pytest.raises(ValidationError, match="22 lettres ou chiffres"):
        check("ephoto_code", "AB12CD34EF56GH78IJ90K")
    assert check("timbre_fiscal", "1234 5678 9012 3456") == "1234567890123456"
    with pytest.raises(ValidationError, match="16 chiffres"):
        check("timbre_fiscal", "1234 5678 9012 345")


def test_a_document_dated_by_a_question_that_is_no_date_is_refused() -> None:
    data = yaml.safe_load(resource_path("procedures/cg-changement-adresse.yaml").read_text("utf-8"))
    doc = next(d for d in data["documents"] if d["kind"] == "justificatif_domicile")
    doc["dated_by"] = "date_demenagement"
    assert not [p for p in procedure_checks.problems(data) if "dated_by" in p[0]]
    doc["dated_by"] = "plate"
    assert [m for w, m in procedure_checks.problems(data) if "dated_by" in w] == [
        "« plate » n'est pas une question de date"]
    del doc["max_age_months"]
    doc["dated_by"] = "date_demenagement"
    assert [m for w, m in procedure_checks.problems(data) if "dated_by" in w] == [
        "sans max_age_months, cette date ne sert à rien"]
