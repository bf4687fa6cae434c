"""Printing through a fake CUPS (``lp``/``lpstat`` scripts on PATH), ESC/POS, and the print log."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
import time
import types
from pathlib import Path
from typing import Any

import pytest
from test_receipt_render import CODE_CESSION, FORMULE, receipt

from kiosk.config import KioskConfig
from kiosk.i18n_texts import translate
from kiosk.receipts import PrintError, PrintLog, PrintLogError, print_pdf, print_receipt

FAKE_LP = """#!/bin/sh
echo "$@" > "$FAKE_CUPS/lp-args"
case "$FAKE_LP_MODE" in
  ok) cat > "$FAKE_CUPS/job.pdf"; echo "request id is Accueil-7 (1 file(s))";;
  notfound) echo "lp: The printer or class does not exist." >&2; exit 1;;
  refused) echo "lp: Destination \\"$2\\" is not accepting jobs." >&2; exit 1;;
  slow) exec sleep 5;;
esac
"""
FAKE_LPSTAT = """#!/bin/sh
case "$FAKE_LPSTAT_MODE" in
  nopaper) printf 'printer %s disabled since now -\\n\\tMedia empty\\n\\tAlerts: media-empty-error\\n' "$4";;
  *) printf 'printer %s is idle.  enabled since now\\n\\tAlerts: none\\n' "$4";;
esac
"""


@pytest.fixture
def cups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding fake ``lp`` and ``lpstat``, first on PATH."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, script in (("lp", FAKE_LP), ("lpstat", FAKE_LPSTAT)):
        path = bin_dir / name
        path.write_text(script)
        path.chmod(path.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_CUPS", str(tmp_path))
    monkeypatch.setenv("FAKE_LP_MODE", "ok")
    monkeypatch.setenv("FAKE_LPSTAT_MODE", "ok")
    return tmp_path


def config(tmp_path: Path, **changes: Any) -> KioskConfig:
    settings: dict[str, Any] = {"printer_name": "Accueil", "printer_format": "thermal",
                                "data_dir": tmp_path / "data"}
    settings.update(changes)
    return KioskConfig(**settings)


def test_pdf_goes_to_lp_without_dialog(cups: Path) -> None:
    print_pdf(b"%PDF-1.4 test", config(cups), media="A4")
    assert (cups / "job.pdf").read_bytes() == b"%PDF-1.4 test"
    args = (cups / "lp-args").read_text().split()
    assert args[:2] == ["-d", "Accueil"] and "media=A4" in args


def test_thermal_receipt_is_printed_on_a_roll_cut_to_length(cups: Path) -> None:
    cfg = config(cups)
    with PrintLog.in_data_dir(cfg.data_dir) as log:
        record = print_receipt(receipt(), cfg, who="m-0042", print_log=log)
    assert record is not None and record.outcome == "ok" and record.reprint == 0
    assert (cups / "job.pdf").read_bytes().startswith(b"%PDF")
    media = next(a for a in (cups / "lp-args").read_text().split() if a.startswith("media="))
    width, _, height = media.removeprefix("media=Custom.").removesuffix("mm").partition("x")
    assert width == "80" and 150 < int(height) < 600


@pytest.mark.parametrize(("mode", "words"), [
    ("notfound", "introuvable"),
    ("refused", "refuse les impressions"),
])
def test_lp_failure_gives_a_french_message(cups: Path, monkeypatch: pytest.MonkeyPatch,
                                           mode: str, words: str) -> None:
    monkeypatch.setenv("FAKE_LP_MODE", mode)
    with pytest.raises(PrintError) as caught:
        print_pdf(b"%PDF", config(cups))
    assert words in caught.value.message and "Accueil" in caught.value.message
    assert "imprimer de nouveau" in caught.value.message


def test_out_of_paper_is_noticed_before_sending(cups: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_LPSTAT_MODE", "nopaper")
    with pytest.raises(PrintError) as caught:
        print_pdf(b"%PDF", config(cups))
    assert caught.value.code == "no_paper" and "papier" in caught.value.message
    assert not (cups / "job.pdf").exists()


def test_a_printing_failure_reads_whole_in_the_citizens_language(cups: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The reason (with the printer's name in it) and the promise that the receipt is kept
    are translated together: a citizen who chose English reads no French sentence."""
    monkeypatch.setenv("FAKE_LPSTAT_MODE", "nopaper")
    with pytest.raises(PrintError) as caught:
        print_pdf(b"%PDF", config(cups))
    printer = config(cups).printer_name
    assert translate(caught.value.message, "en") == (
        f"The printer “{printer}” is out of paper. Add paper, then try again. "
        "The receipt is kept: you can print it again.")
    assert "papier" not in translate(caught.value.message, "ar")


def test_a_printer_that_hangs_times_out(cups: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_LP_MODE", "slow")
    started = time.monotonic()
    with pytest.raises(PrintError) as caught:
        print_pdf(b"%PDF", config(cups), timeout_s=0.5)
    assert time.monotonic() - started < 4
    assert caught.value.code == "timeout" and "ne répond pas" in caught.value.message


def test_missing_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(PrintError) as caught:
        print_pdf(b"%PDF", config(tmp_path))
    assert caught.value.code == "lp_missing" and "CUPS" in caught.value.message


def test_no_printer_configured(tmp_path: Path) -> None:
    with pytest.raises(PrintError) as caught:
        print_pdf(b"%PDF", config(tmp_path, printer_name=""))
    assert "printer.name" in caught.value.message


def test_every_attempt_is_logged_without_personal_data(cups: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = config(cups)
    made = receipt()
    with PrintLog.in_data_dir(cfg.data_dir) as log:
        print_receipt(made, cfg, who="citoyen", print_log=log)
        monkeypatch.setenv("FAKE_LP_MODE", "notfound")
        with pytest.raises(PrintError):
            print_receipt(made, cfg, who="m-0042", print_log=log, fmt="a4")
        monkeypatch.setenv("FAKE_LP_MODE", "ok")
        again = print_receipt(made, cfg, who="m-0042", print_log=log)
        entries = log.entries(made.submission_id)
    assert again is not None and again.reprint == 1
    assert [(e.who, e.outcome, e.error_code, e.fmt, e.reprint) for e in entries] == [
        ("citoyen", "ok", None, "thermal", 0),
        ("m-0042", "error", "printer_not_found", "a4", 1),
        ("m-0042", "ok", None, "thermal", 1),
    ]
    assert {e.kind for e in entries} == {"enregistrement"}
    raw = b"".join(p.read_bytes() for p in cfg.data_dir.glob("prints.db*"))
    # Not even the masked tail of a number ("•832": a bare "832" could be a timestamp's digits).
    for personal in ("LEFÈVRE", "Hélène", "AB-123-CD", FORMULE, CODE_CESSION, "•832"):
        assert personal.encode() not in raw, personal
    assert made.submission_id.encode() in raw


def test_corrupt_print_log_is_reported_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "prints.db"
    path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(PrintLogError) as caught:
        PrintLog(path)
    assert "illisible" in caught.value.message
    assert path.read_bytes() == b"not a database at all" * 100


def test_print_log_rows_are_plain_sql(tmp_path: Path) -> None:
    with PrintLog(tmp_path / "prints.db") as log:
        log.record(who="citoyen", kind="reception", submission_id="s-1", fmt="a4")
    rows = sqlite3.connect(tmp_path / "prints.db").execute(
        "SELECT who, kind, submission_id, reprint, outcome FROM prints").fetchall()
    assert rows == [("citoyen", "reception", "s-1", 0, "ok")]


class FakeEscpos:
    """Records what python-escpos would have been asked to print."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.opened_with = (args, kwargs)
        self.text: list[str] = []
        self.qr_payloads: list[str] = []
        self.cut_done = False
        FakeEscpos.last = self

    last: FakeEscpos

    def set(self, **kwargs: Any) -> None:
        pass

    def textln(self, text: str) -> None:
        self.text.append(text)

    def qr(self, payload: str, **kwargs: Any) -> None:
        self.qr_payloads.append(payload)

    def cut(self) -> None:
        self.cut_done = True

    def close(self) -> None:
        pass


def test_escpos_printer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("escpos.printer")
    module.File = FakeEscpos  # type: ignore[attr-defined]
    module.Network = FakeEscpos  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "escpos", types.ModuleType("escpos"))
    monkeypatch.setitem(sys.modules, "escpos.printer", module)
    cfg = config(tmp_path, escpos_device="/dev/usb/lp0")
    with PrintLog.in_data_dir(cfg.data_dir) as log:
        record = print_receipt(receipt(final=True), cfg, who="m-1", print_log=log)
    printed = FakeEscpos.last
    assert printed.opened_with == ((), {"devfile": "/dev/usb/lp0"})
    assert printed.qr_payloads == ["PN-8001-K01-000123"] and printed.cut_done
    text = "\n".join(printed.text)
    assert "Accusé de réception" in text and "ANTS-2026-00000042" in text
    assert FORMULE not in text and "L112-11" in text
    assert record is not None and record.fmt == "escpos" and record.kind == "reception"


def test_escpos_without_the_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "escpos.printer", None)
    with pytest.raises(PrintError) as caught:
        print_receipt(receipt(), config(tmp_path, escpos_device="/dev/usb/lp0"),
                      who="citoyen", print_log=None)
    assert caught.value.code == "escpos_missing" and "python-escpos" in caught.value.message


def test_escpos_bad_device_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "escpos.printer", types.ModuleType("escpos.printer"))
    with pytest.raises(PrintError) as caught:
        print_receipt(receipt(), config(tmp_path, escpos_device="imprimante"),
                      who="citoyen", print_log=None)
    assert "printer.escpos_device" in caught.value.message


def test_pdf_folder_printer_saves_the_receipt_whole(tmp_path: Path) -> None:
    """The demo's (or a printer-less site's) printer: a PDF file per receipt, owner-only."""
    folder = tmp_path / "recus"
    settings = config(tmp_path, printer_name="", printer_pdf_dir=folder)
    log_ = PrintLog(tmp_path / "prints.db")
    made = receipt(final=False)
    record = print_receipt(made, settings, who="citoyen", print_log=log_)
    [saved] = list(folder.iterdir())
    assert saved.name == f"{made.local_reference}-{made.kind}.pdf"
    assert saved.read_bytes().startswith(b"%PDF-")
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert record is not None and record.error_code is None


def test_pdf_folder_printer_that_cannot_write_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "pas-un-dossier"
    blocker.write_text("un fichier à la place du dossier")
    settings = config(tmp_path, printer_name="", printer_pdf_dir=blocker)
    with pytest.raises(PrintError) as failure:
        print_receipt(receipt(final=False), settings, who="citoyen", print_log=None)
    assert failure.value.code == "pdf_dir"
    assert "n’a pas pu être enregistré" in failure.value.message
