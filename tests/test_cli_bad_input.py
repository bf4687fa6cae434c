"""Bad input at the terminal: a French sentence and bounded work, never a traceback or a hang."""
# ruff: noqa: F811 - the fixtures ``config`` and ``request_files`` come from test_queue_cli

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from test_queue_cli import Files, config, request_files, run  # noqa: F401

from kiosk.config import KioskConfig
from kiosk.input_limits import MAX_JSON_DEPTH, InputRefused, json_depth, parse_json, read_regular_file
from offline_queue import open_outbox

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("content", "expected"), [
    ("[" * 100_000 + "]" * 100_000, "imbriqué trop profondément"),
    ('{"procedure": "x", "answers": {"a": ' + "9" * 5000 + "}}", "nombre est trop long"),
    ('{"procedure": "x", "answers": {"a": 1e999999}}', "hors limites"),
    ('{"procedure": "x", "answers": {"a": NaN}}', "n'est pas un nombre JSON valable"),
    (b"\xff\xfe{}", "pas du texte UTF-8"),
])
def test_hostile_json_gets_a_french_sentence(
        config: KioskConfig, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        content: str | bytes, expected: str) -> None:
    path = tmp_path / "demande.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    assert run(config, "queue", "add", str(path)) == 1
    err = capsys.readouterr().err
    assert err.startswith("Erreur : ") and expected in err


def kiosk_process(config: KioskConfig, tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """``kiosk ARGV`` in a child held to 2 GB of memory and 60 s: old code failed, not the machine."""
    settings = tmp_path / "kiosk.toml"
    settings.write_text(f'[kiosk]\nid = "{config.kiosk_id}"\nsite = "{config.site}"\n'
                        f'data_dir = "{config.data_dir}"\n', encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KIOSK_CONFIG": str(settings)}

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))

    return subprocess.run([sys.executable, "-m", "kiosk.cli", *argv], capture_output=True, text=True,
                          env=env, timeout=60, preexec_fn=limit_memory)


def test_request_file_size_is_checked_before_reading(
        config: KioskConfig, tmp_path: Path) -> None:
    path = tmp_path / "enorme.json"
    with path.open("wb") as handle:
        handle.truncate(20 * 1024**3)  # sparse: 20 GB announced, nothing to read
    done = kiosk_process(config, tmp_path, "queue", "add", str(path))
    assert done.returncode == 1
    assert "trop lourd (20480\u00a0Mo ; au plus 1\u00a0Mo)" in done.stderr


@pytest.mark.parametrize("kind", ["zero", "fifo", "folder", "huge"])
def test_doc_that_is_not_a_small_regular_file_is_refused_at_once(
        config: KioskConfig, request_files: Files, tmp_path: Path, kind: str) -> None:
    path, docs, _ = request_files
    first_kind = docs[0].split("=", 1)[0]
    target = {"zero": Path("/dev/zero"), "fifo": tmp_path / "tube.pdf", "folder": tmp_path,
              "huge": tmp_path / "enorme.pdf"}[kind]
    if kind == "fifo":
        os.mkfifo(target)  # no writer: a blocking open would wait for ever
    if kind == "huge":
        with target.open("wb") as handle:
            handle.truncate(8 * 1024**3)
    done = kiosk_process(config, tmp_path, "queue", "add", str(path), "--doc", f"{first_kind}={target}",
                         *[arg for doc in docs[1:] for arg in ("--doc", doc)])
    expected = {"zero": "n'est pas un fichier ordinaire", "fifo": "n'est pas un fichier ordinaire",
                "folder": "est un dossier", "huge": "trop lourd"}[kind]
    assert done.returncode == 1
    assert f"--doc {first_kind} : " in done.stderr and expected in done.stderr
    with open_outbox(config.data_dir) as outbox:
        assert outbox.list_items() == []


def test_doc_with_a_name_that_is_not_utf8_is_filed(
        config: KioskConfig, request_files: Files, capsys: pytest.CaptureFixture[str]) -> None:
    path, docs, _ = request_files
    first_kind, first_path = docs[0].split("=", 1)
    renamed = os.fsencode(first_path).replace(b".pdf", b"-\xe9t\xe9.pdf").replace(b".jpg", b"-\xe9.jpg")
    os.rename(os.fsencode(first_path), renamed)
    argv = ["queue", "add", str(path), "--doc", f"{first_kind}={os.fsdecode(renamed)}",
            *[arg for doc in docs[1:] for arg in ("--doc", doc)]]
    assert run(config, *argv) == 0, capsys.readouterr().err
    with open_outbox(config.data_dir) as outbox:
        (item,) = outbox.list_items()
        names = [d.filename for d in outbox.documents(item.id)]
    assert any("\ufffd" in name for name in names)
    assert all(name.encode("utf-8") for name in names)


def test_read_regular_file_reads_what_it_may(tmp_path: Path) -> None:
    small = tmp_path / "a.txt"
    small.write_bytes(b"x" * 10)
    assert read_regular_file(small, 10) == b"x" * 10
    with pytest.raises(InputRefused, match="trop lourd"):
        read_regular_file(small, 9)
    with pytest.raises(InputRefused, match="n'existe pas"):
        read_regular_file(tmp_path / "absent", 10)


def test_json_limits_count_only_real_brackets() -> None:
    assert json_depth('{"a": "[[[[{{{{", "b": [[1]]}') == 3
    assert json_depth(r'["\"[[[["]') == 1
    nested = "[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH
    assert parse_json(nested) == json.loads(nested)
    with pytest.raises(InputRefused):
        parse_json("[" + nested + "]")
    assert parse_json('{"n": 12345, "x": 1.5}') == {"n": 12345, "x": 1.5}
