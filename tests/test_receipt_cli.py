"""``kiosk receipt`` against a real outbox: provisional, final, errors, printing."""

from __future__ import annotations

import argparse
import io
import os
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from outbox_helpers import make_body, make_doc
from pypdf import PdfReader

from kiosk.commands import receipt as receipt_command
from kiosk.config import KioskConfig
from kiosk.receipts import PrintLog
from offline_queue import open_outbox


@dataclass
class Context:
    config: KioskConfig


def run(config: KioskConfig, *argv: str) -> int:
    parser = argparse.ArgumentParser(prog="kiosk")
    receipt_command.register(parser.add_subparsers(dest="command"), Context(config))
    args = parser.parse_args(["receipt", *argv])
    return int(args.handler(args, Context(config)))


@pytest.fixture
def queued(tmp_path: Path) -> tuple[KioskConfig, str, str]:
    """A kiosk config and one queued request: (config, submission id, local reference)."""
    config = KioskConfig(data_dir=tmp_path / "data", kiosk_id="7501-K02", site="7501",
                         site_name="Préfecture de police — point numérique",
                         printer_name="Accueil", printer_format="a4")
    body = make_body()
    body["answers"] = {"plate": "AB-123-CD", "nom": "QUILLEBEUF", "prenoms": "Zéphyrine",
                       "formule_number": "2017RV48832"}
    with open_outbox(config.data_dir) as outbox:
        item = outbox.enqueue(body, [make_doc()], receipt_fields=["plate", "nom", "prenoms"])
    return config, item.id, item.local_reference


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_provisional_receipt_by_reference(queued: tuple[KioskConfig, str, str],
                                          tmp_path: Path) -> None:
    config, _, reference = queued
    out = tmp_path / "recu.pdf"
    assert run(config, reference, "--format", "thermal", "-o", str(out)) == 0
    text = pdf_text(out)
    assert "Accusé d’enregistrement" in text and reference in text
    assert "QUILLEBEUF" in text and "Zéphyrine" in text and "2017RV48832" not in text
    assert "Préfecture de police" in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # it names the citizen


def test_final_receipt_needs_the_acknowledgement(queued: tuple[KioskConfig, str, str],
                                                 tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    config, submission_id, _ = queued
    out = tmp_path / "final.pdf"
    assert run(config, submission_id, "--final", "-o", str(out)) == 1
    assert "pas encore disponible" in capsys.readouterr().err
    assert not out.exists()
    with open_outbox(config.data_dir) as outbox:
        outbox.mark_sending(submission_id)
        outbox.mark_sent(submission_id, "ANTS-2026-00000007", datetime(2026, 11, 30, 9, 30,
                                                                        tzinfo=UTC))
    assert run(config, submission_id, "--final", "-o", str(out)) == 0
    text = pdf_text(out)
    assert "Accusé de réception" in text and "ANTS-2026-00000007" in text
    assert "à 10 h 30" in text  # 09:30 UTC is 10 h 30 in Paris in November


def test_unknown_request_and_missing_output(queued: tuple[KioskConfig, str, str],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    config, submission_id, _ = queued
    assert run(config, "PN-0000-X-999999", "-o", "x.pdf") == 1
    assert "Aucune demande" in capsys.readouterr().err
    assert run(config, submission_id) == 2
    assert "--print" in capsys.readouterr().err


def test_print_records_the_mediator(queued: tuple[KioskConfig, str, str], tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    config, submission_id, _ = queued
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    lp = bin_dir / "lp"
    lp.write_text(f"#!/bin/sh\ncat > {tmp_path}/job.pdf\n")
    lp.chmod(lp.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}/usr/bin:/bin")
    assert run(config, submission_id, "--print", "--mediator", "m-0042") == 0
    assert run(config, submission_id, "--print", "--mediator", "m-0042") == 0
    assert "réimpression n° 1" in capsys.readouterr().out
    assert (tmp_path / "job.pdf").read_bytes().startswith(b"%PDF")
    with PrintLog.in_data_dir(config.data_dir) as log:
        assert [(e.who, e.reprint) for e in log.entries()] == [("m-0042", 0), ("m-0042", 1)]


def test_print_failure_exits_1_with_the_reason(queued: tuple[KioskConfig, str, str],
                                               tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    config, submission_id, _ = queued
    monkeypatch.setenv("PATH", str(tmp_path))  # no lp at all
    assert run(config, submission_id, "--print") == 1
    assert "CUPS" in capsys.readouterr().err
