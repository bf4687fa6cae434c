"""``kiosk queue`` on a lost queue: refused with the French message, mended by a plain ``recover``."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

import pytest
from outbox_helpers import make_body

from kiosk.commands import queue as queue_command
from kiosk.config import KioskConfig
from offline_queue import open_outbox
from offline_queue.ledger import RESERVE_BLOCK


@dataclass
class Context:
    config: KioskConfig


def run(config: KioskConfig, *argv: str) -> int:
    parser = argparse.ArgumentParser(prog="kiosk")
    context = Context(config)
    queue_command.register(parser.add_subparsers(dest="command"), context)
    args = parser.parse_args(list(argv))
    return int(args.handler(args, context))


def test_a_deleted_queue_is_refused_then_recovered_without_reusing_references(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = KioskConfig(kiosk_id="7501-K02", site="7501", data_dir=tmp_path / "data")
    with open_outbox(config.data_dir) as box:
        refs = [box.enqueue(make_body(), []).local_reference for _ in range(2)]
    (config.data_dir / "outbox.db").unlink()
    assert run(config, "queue", "list") == 1
    err = capsys.readouterr().err
    assert "a disparu" in err and refs[-1] in err and "kiosk queue recover" in err
    assert not (config.data_dir / "outbox.db").exists()
    assert run(config, "queue", "recover") == 0
    out = capsys.readouterr().out
    assert f"Références perdues (2) : {refs[0]}, {refs[1]}" in out
    assert "aucun (le fichier avait disparu)" in out
    assert run(config, "queue", "list") == 0
    assert "La file d'attente est vide." in capsys.readouterr().out
    with open_outbox(config.data_dir) as box:
        assert box.enqueue(make_body(), []).local_reference == f"PN-7501-K02-{RESERVE_BLOCK + 1:06d}"
    assert run(config, "queue", "recover") == 1
    assert "n'est pas abîmée" in capsys.readouterr().err
