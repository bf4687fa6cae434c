"""Data at rest: the data folder 0700 and its files 0600 (queue, print log, reference store), and
the queue's key kept apart from the data (a configured file, or a systemd credential)."""

from __future__ import annotations

import argparse
import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

import pytest
from outbox_helpers import make_body, make_doc

from kiosk.commands import queue as queue_command
from kiosk.config import ConfigError, KioskConfig, load_config
from kiosk.receipts.print_log import PrintLog
from offline_queue import OutboxError, OutboxKeyError, open_outbox
from reference_central.store import CentralStore


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_queue_folder_and_files_are_private(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with open_outbox(data) as box:
        box.enqueue(make_body(), [make_doc()])
        files = [p for p in data.iterdir() if p.is_file()]
        names = {p.name for p in files}
        assert {"outbox.db", "outbox.db-wal", "outbox.db-shm", "outbox.key", "outbox.ledger"} <= names
        assert {p.name: mode(p) for p in files} == dict.fromkeys(names, 0o600)
    assert mode(data) == 0o700


def test_an_older_install_left_readable_by_all_is_restricted(tmp_path: Path) -> None:
    data = tmp_path / "data"
    open_outbox(data).close()
    data.chmod(0o755)
    for path in data.iterdir():
        path.chmod(0o644)
    with open_outbox(data):
        assert mode(data) == 0o700
        assert {p.name: mode(p) for p in data.iterdir()} == {p.name: 0o600 for p in data.iterdir()}


def test_print_log_is_private(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    with PrintLog.in_data_dir(folder) as log:
        log.record(
            who="m-1", kind="enregistrement", submission_id="00000000-0000-4000-8000-000000000000", fmt="a4"
        )
    assert mode(folder) == 0o700 and mode(folder / "prints.db") == 0o600


def test_reference_store_is_private(tmp_path: Path) -> None:
    root = tmp_path / "central"
    store = CentralStore(root)
    try:
        upload = store.create_upload(3, "0" * 64, "application/pdf", "x.pdf")
        assert mode(root) == 0o700 and mode(root / "uploads") == 0o700
        private = [root / "central.db", root / "uploads" / f"{upload.id}.bin"]
        private += [p for p in root.glob("central.db-*")]
        assert {p.name: mode(p) for p in private} == {p.name: 0o600 for p in private}
    finally:
        store.close()


def test_key_kept_apart_from_the_data(tmp_path: Path) -> None:
    data, keys = tmp_path / "data", tmp_path / "keys"
    keys.mkdir(mode=0o700)
    key_file = keys / "outbox.key"
    with open_outbox(data, key_file) as box:
        item = box.enqueue(make_body(), [make_doc()])
    assert key_file.is_file() and mode(key_file) == 0o600
    assert not (data / "outbox.key").exists()
    # the data folder alone (a stolen disk without the key's storage) opens nothing
    stolen = tmp_path / "stolen"
    shutil.copytree(data, stolen)
    with pytest.raises(OutboxKeyError, match="introuvable"):
        open_outbox(stolen)
    with open_outbox(data, key_file) as box:
        assert box.get(item.id).local_reference == item.local_reference


def test_key_folder_missing_is_said_in_french(tmp_path: Path) -> None:
    with pytest.raises(OutboxKeyError, match="ne peut pas être créée"):
        open_outbox(tmp_path / "data", tmp_path / "absent" / "outbox.key")


def test_key_readable_by_others_and_not_ours_to_restrict_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key_file = tmp_path / "outbox.key"
    open_outbox(tmp_path / "data", key_file).close()
    key_file.chmod(0o644)

    def refuse(self: Path, mode: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(Path, "chmod", refuse)
    with pytest.raises(OutboxKeyError, match="lisible par d'autres comptes"):
        open_outbox(tmp_path / "data", key_file)


def test_systemd_credential_is_used_as_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    credentials = tmp_path / "credentials"
    credentials.mkdir()
    (credentials / "outbox.key").write_bytes(os.urandom(32))
    (credentials / "outbox.key").chmod(0o400)
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(credentials))
    data = tmp_path / "data"
    with open_outbox(data) as box:
        item = box.enqueue(make_body(), [])
    assert not (data / "outbox.key").exists()
    monkeypatch.delenv("CREDENTIALS_DIRECTORY")
    with pytest.raises(OutboxKeyError):
        open_outbox(data)  # without the credential the queue stays closed
    with open_outbox(data, credentials / "outbox.key") as box:
        assert box.get(item.id).id == item.id


def test_key_file_setting(tmp_path: Path) -> None:
    toml = tmp_path / "kiosk.toml"
    toml.write_text('[kiosk]\nkey_file = "/etc/point-numerique/outbox.key"\n')
    assert load_config(toml, env={}).key_file == Path("/etc/point-numerique/outbox.key")
    assert load_config(toml, env={"KIOSK_KEY_FILE": "/run/k/outbox.key"}).key_file == Path(
        "/run/k/outbox.key"
    )
    toml.write_text('[kiosk]\nkey_file = "outbox.key"\n')
    with pytest.raises(ConfigError, match=r"kiosk\.key_file.*chemin absolu"):
        load_config(toml, env={})


@dataclass
class Context:
    config: KioskConfig


def test_queue_commands_use_the_configured_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = KioskConfig(data_dir=tmp_path / "data", key_file=tmp_path / "outbox.key")
    with open_outbox(config.data_dir, config.key_file) as box:
        item = box.enqueue(make_body(), [])
    parser = argparse.ArgumentParser(prog="kiosk")
    context = Context(config)
    queue_command.register(parser.add_subparsers(dest="command"), context)
    args = parser.parse_args(["queue", "list"])
    assert args.handler(args, context) == 0
    assert item.local_reference in capsys.readouterr().out
    assert not (config.data_dir / "outbox.key").exists()


def test_a_data_folder_that_cannot_be_made_private_is_said_in_french(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    data.chmod(0o755)

    def refuse(self: Path, mode: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(Path, "chmod", refuse)
    with pytest.raises(OutboxError, match="ne peut pas être réservé au compte de la borne"):
        open_outbox(data)
