"""Finding a request from its receipt: the reader's keys, the lookup, offline, and the sheet."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from kiosk.procedures import Catalogue
from kiosk.receipts.mandate import render_mandate
from kiosk.receipts.status_sheet import render_status, status_lines
from kiosk.reference_lookup import StatusMemory, find_request
from kiosk.representative import mandate_text
from kiosk.wedge import WedgeReader, receipt_reference
from offline_queue.sync_http import AuthError, SyncError, TemporaryFailure

REFERENCE = "PN-7501-K02-000123"
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
NEEDS_INFO = {"id": "x", "dossier_number": "ANTS-1", "status": "needs_info",
              "status_changed_at": "2026-11-30T09:00:00Z", "message": "",
              "missing": [{"kind": "justificatif_domicile", "message": "Illisible."}]}
TO_PAY = {"id": "x", "dossier_number": "ANTS-2", "status": "awaiting_payment",
          "status_changed_at": "2026-11-30T09:00:00Z", "message": "",
          "payment": {"amount_eur": "13.76", "reason": "Redevance d'acheminement",
                      "pay_before": "2026-12-31T22:59:00Z"}}


def read_by(reader: WedgeReader, text: str, start: float, gap: float) -> str | None:
    result = None
    for n, char in enumerate(text + "\r"):
        result = reader.key(char, start + n * gap)
    return result


def test_the_reader_s_burst_is_told_from_a_person_typing() -> None:
    reader = WedgeReader()
    assert read_by(reader, REFERENCE, 0.0, 0.004) == REFERENCE
    assert read_by(reader, REFERENCE, 10.0, 0.15) is None  # a person: a key every 150 ms
    assert read_by(reader, "PN", 20.0, 0.004) is None  # too short to be a code
    reader.key("x", 30.0)  # a stray key long before: not part of the next read
    assert read_by(reader, REFERENCE, 40.0, 0.004) == REFERENCE


@pytest.mark.parametrize(("typed", "found"), [
    (REFERENCE, REFERENCE),
    ("pn-7501-k02-000123", REFERENCE),
    (" PN-7501-K02-000123 ", REFERENCE),
    ('PN)è(à&)Kàé)ààà&é"', REFERENCE),  # a reader set for QWERTY on this AZERTY kiosk
    ("PN-7501-K02-00012", None),
    ("bonjour", None),
])
def test_a_receipt_reference_is_recognised(typed: str, found: str | None) -> None:
    assert receipt_reference(typed) == found


class Service:
    """Answers like ``SyncClient.status_by_reference``, or fails like it."""

    def __init__(self, answer: dict[str, Any] | Exception) -> None:
        self.answer = answer

    def __call__(self, reference: str) -> dict[str, Any]:
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer


def test_the_last_known_state_is_shown_offline_with_its_date(tmp_path: Path,
                                                             catalogue: Catalogue) -> None:
    memory = StatusMemory(tmp_path)
    online = find_request(REFERENCE, Service(NEEDS_INFO), memory, catalogue=catalogue,
                          now=lambda: NOW)
    assert online.online and online.status is not None and online.status.status == "needs_info"
    assert online.stale_note() == ""
    offline = find_request(REFERENCE, Service(TemporaryFailure("coupure")), memory,
                           catalogue=catalogue)
    assert not offline.online and offline.known_at == NOW
    assert offline.status == online.status
    assert "dernier état connu, du 01/12/2026 à 11:00" in offline.stale_note()
    assert b"Illisible" not in memory.path.read_bytes()  # sealed at rest
    assert b"ANTS-1" not in memory.path.read_bytes()
    unknown = find_request("PN-7501-K02-000999", Service(TemporaryFailure("coupure")), memory)
    assert unknown.status is None and "joindre le service" in unknown.headline()


def test_an_unknown_reference_or_a_refused_kiosk_is_said_plainly(tmp_path: Path) -> None:
    memory = StatusMemory(tmp_path)
    unknown = find_request(REFERENCE, Service(SyncError("404")), memory)
    assert unknown.status is None and "Aucune demande" in unknown.headline()
    refused = find_request(REFERENCE, Service(AuthError("401")), memory)
    assert "médiateur" in refused.headline()


def test_a_damaged_memory_starts_afresh(tmp_path: Path) -> None:
    memory = StatusMemory(tmp_path)
    memory.remember(REFERENCE, NEEDS_INFO, NOW)
    memory.path.write_bytes(b"\x01damaged" * 8)
    assert memory.recall(REFERENCE) is None
    memory.remember(REFERENCE, TO_PAY, NOW)
    assert memory.recall(REFERENCE) == (TO_PAY, NOW)


def test_old_answers_are_forgotten_after_the_retention(tmp_path: Path) -> None:
    memory = StatusMemory(tmp_path, retention_days=30)
    memory.remember(REFERENCE, NEEDS_INFO, datetime(2026, 10, 1, tzinfo=UTC))
    memory.remember("PN-7501-K02-000124", TO_PAY, NOW)
    assert memory.recall(REFERENCE) is None


def sheet_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("fmt", ["a4", "thermal"])
def test_the_sheet_says_what_is_missing_or_what_to_pay(tmp_path: Path, catalogue: Catalogue,
                                                       fmt: str) -> None:
    memory = StatusMemory(tmp_path)
    missing = find_request(REFERENCE, Service(NEEDS_INFO), memory, catalogue=catalogue)
    text = sheet_text(render_status(missing, NOW, fmt))  # type: ignore[arg-type]
    assert "Ce qu" in text and "Illisible." in text and REFERENCE in text
    assert "Justificatif de domicile" in text  # the kind named as the citizen knows it
    to_pay = find_request(REFERENCE, Service(TO_PAY), memory, catalogue=catalogue)
    lines = [text for _kind, text in status_lines(to_pay)]
    assert "Montant : 13,76\u00a0€" in lines  # a non-breaking space before the sign
    assert "Pour : Redevance d'acheminement" in lines
    assert "Avant le 31 décembre 2026 à 23:59" in lines
    pdf = render_status(to_pay, NOW, fmt)  # type: ignore[arg-type]
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1  # on a roll: one length, cut once
    text = sheet_text(pdf)
    assert "13,76" in text and "acheminement" in text and "31 décembre 2026" in text


@pytest.mark.parametrize("fmt", ["a4", "thermal"])
def test_the_mandate_is_printed_twice_with_its_hash(fmt: str) -> None:
    answers = {"personne_nom": "DUPONT", "personne_prenoms": "Marie", "personne_date_naissance":
               "1938-04-02", "representant_nom": "MARTIN", "representant_prenoms": "Paul",
               "representant_date_naissance": "1970-01-15"}
    mandate = mandate_text(answers, "Refaire sa carte grise", "Préfecture", NOW.date())
    pdf = render_mandate(mandate, fmt)  # type: ignore[arg-type]
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) == 2  # one copy for each person
    for page in pages:
        text = page.extract_text().replace("\n", "")
        assert mandate.sha256 in text
        assert "Marie DUPONT" in text and "Paul MARTIN" in text
