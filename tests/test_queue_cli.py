"""``kiosk queue``: add checks like the counter does, list/show reveal no answers, exit codes."""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.audit import Journal
from kiosk.commands import queue as queue_command
from kiosk.config import KioskConfig
from kiosk.procedures import Catalogue
from kiosk.samples import fill_session
from kiosk.session import ProcedureSession
from offline_queue import open_outbox

CODE = "cg-changement-adresse"
Files = tuple[Path, list[str], dict[str, str]]


@dataclass
class Context:
    config: KioskConfig


@pytest.fixture
def config(tmp_path: Path) -> KioskConfig:
    return KioskConfig(kiosk_id="7501-K02", site="7501", data_dir=tmp_path / "data")


def run(config: KioskConfig, *argv: str) -> int:
    parser = argparse.ArgumentParser(prog="kiosk")
    context = Context(config)
    queue_command.register(parser.add_subparsers(dest="command"), context)
    args = parser.parse_args(list(argv))
    return int(args.handler(args, context))


@pytest.fixture
def request_files(tmp_path: Path, catalogue: Catalogue) -> Files:
    """A valid request as JSON plus its documents on disk, made by walking the real procedure."""
    session = ProcedureSession(catalogue.get(CODE), kiosk_id="x", site="x")
    fill_session(session, random.Random(7))
    answers = dict(session.answers)
    path = tmp_path / "demande.json"
    path.write_text(json.dumps({"procedure": CODE, "answers": answers, "mediator_id": "m-7"}))
    docs = []
    for kind, doc in session.documents.items():
        file = tmp_path / doc.filename
        file.write_bytes(bytes(doc.data))
        docs.append(f"{kind}={file}")
    return path, docs, answers


def add_args(request_files: Files) -> list[str]:
    path, docs, _ = request_files
    return ["queue", "add", str(path), *[arg for doc in docs for arg in ("--doc", doc)]]


def test_add_list_show_retry(
    config: KioskConfig, request_files: Files, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(config, *add_args(request_files)) == 0
    out = capsys.readouterr().out
    assert "PN-7501-K02-000001" in out

    assert run(config, "queue", "list", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["local_reference"], r["procedure"], r["state"], r["attempts"]) for r in rows] == [
        ("PN-7501-K02-000001", CODE, "queued", 0)
    ]
    with open_outbox(config.data_dir) as outbox:
        item = outbox.list_items()[0]
        body = outbox.body(item.id)
        assert body["mediator_id"] == "m-7" and body["answers"] == request_files[2]
        # carte_siv is kept, not printed: it chooses the receipt's « Et maintenant ? »
        assert set(outbox.receipt_snapshot(item.id).answers) <= {"plate", "nom", "prenoms", "carte_siv"}
        outbox.mark_sending(item.id)
        outbox.mark_needs_attention(
            item.id, "refusée", [{"field": "answers.plate", "message": "plaque inconnue"}]
        )

    assert run(config, "queue", "show", "PN-7501-K02-000001") == 0
    shown = capsys.readouterr().out
    assert "à corriger" in shown and "answers.plate : plaque inconnue" in shown
    for value in request_files[2].values():
        if len(value) > 3:
            assert value not in shown  # no answer is printed
    assert run(config, "queue", "list") == 0
    assert "dernière erreur : refusée" in capsys.readouterr().out

    assert run(config, "queue", "retry", item.id) == 0
    assert "remise en attente" in capsys.readouterr().out
    assert run(config, "queue", "retry", item.id) == 1
    assert "impossible de la renvoyer" in capsys.readouterr().err


def test_add_refuses_bad_answers_and_saves_nothing(
    config: KioskConfig,
    request_files,
    capsys,
) -> None:
    path, docs, answers = request_files
    answers = {**answers, "plate": "pas une plaque", "unknown_question": "x"}
    path.write_text(json.dumps({"procedure": CODE, "answers": answers}))
    assert run(config, *add_args(request_files)) == 1
    err = capsys.readouterr().err
    assert "n'a pas été enregistrée" in err and "(plate)" in err and "unknown_question" in err
    with open_outbox(config.data_dir) as outbox:
        assert outbox.list_items() == []


def test_add_names_missing_documents(
    config: KioskConfig, request_files: Files, capsys: pytest.CaptureFixture[str]
) -> None:
    path = request_files[0]
    assert run(config, "queue", "add", str(path)) == 1
    assert "pièce manquante" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "n'existe pas"),
        ("{not json", "JSON lisible"),
        ('{"answers": {}}', "procedure"),
        ('{"procedure": "nope", "answers": {}}', "inconnue"),
    ],
)
def test_add_bad_files(
    config: KioskConfig,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: str | None,
    expected: str,
) -> None:
    path = tmp_path / "bad.json"
    if content is not None:
        path.write_text(content)
    assert run(config, "queue", "add", str(path)) == 1
    assert expected in capsys.readouterr().err


def test_show_unknown_and_usage_errors(config: KioskConfig, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(config, "queue", "show", "PN-0000") == 1
    assert "Aucune demande" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        run(config, "queue", "frobnicate")
    assert exit_info.value.code == 2


def test_recover_command(
    config: KioskConfig, request_files: Files, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(config, *add_args(request_files)) == 0
    assert run(config, "queue", "recover") == 1  # a sound queue is left alone
    assert "n'est pas abîmée" in capsys.readouterr().err
    assert not list(config.data_dir.glob("outbox.db.corrupt-*"))
    db = config.data_dir / "outbox.db"
    conn = sqlite3.connect(db)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'documents'").fetchone()
    conn.close()
    with db.open("r+b") as handle:  # the documents table's page becomes garbage
        handle.seek((root - 1) * 4096)
        handle.write(b"\xa5" * 4096)
    assert run(config, "queue", "list") == 1
    assert "kiosk queue recover" in capsys.readouterr().err
    assert run(config, "queue", "recover") == 0
    out = capsys.readouterr().out
    assert "Demandes sauvées : 1 (dont 1 avec des pièces perdues" in out
    with Journal.in_data_dir(config.data_dir) as journal:  # the repair is in the audit journal
        assert [(e.who, e.kind, e.fields) for e in journal.entries()] == [
            ("systeme", "queue_recover", {"saved": 1, "lost": 0})]
    assert list(config.data_dir.glob("outbox.db.corrupt-*"))
    assert run(config, "queue", "list") == 0
    assert "à corriger" in capsys.readouterr().out
    assert run(config, "queue", "recover", "--from", str(tmp_path / "none.db")) == 1
    assert "rien à réparer" in capsys.readouterr().err
