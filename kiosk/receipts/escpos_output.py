"""Receipts on an ESC/POS thermal printer driven directly (no CUPS).

Optional: python-escpos is imported only when such a printer is configured,
so kiosks printing through CUPS do not need it. The printer's own fonts and
QR generator are used; the words are the same as on the PDF.
"""

from __future__ import annotations

import importlib
from typing import Any

from kiosk.receipts import french
from kiosk.receipts.errors import PrintError, print_failure
from kiosk.receipts.model import Receipt
from kiosk.receipts.translated import escpos_translation
from kiosk.receipts.wording import Block, blocks


def _open(device: str) -> Any:
    """``/dev/usb/lp0`` (a device file) or ``host:port`` (a network printer)."""
    try:
        printers = importlib.import_module("escpos.printer")
    except ImportError:
        raise print_failure(
            "escpos_missing",
            "L’imprimante à tickets (ESC/POS) est configurée. Mais le module python-escpos "
            "n’est pas installé sur ce poste. Prévenez le support informatique."
        ) from None
    if device.startswith("/"):
        return printers.File(devfile=device)
    host, _, port = device.rpartition(":")
    if not host or not port.isdigit():
        raise print_failure(
            "escpos_device",
            f"Le réglage printer.escpos_device « {device} » n’est pas compris : indiquez un "
            "fichier de périphérique (ex. /dev/usb/lp0) ou « adresse:port » (ex. "
            "192.168.1.50:9100). Prévenez le support informatique."
        )
    return printers.Network(host, port=int(port))


def print_escpos(receipt: Receipt, device: str) -> None:
    """Print the receipt as text, with the printer's own QR code, then cut."""
    try:
        printer = _open(device)
        for block in blocks(receipt, full=False) + escpos_translation(receipt, full=False):
            _emit(printer, block)
        printer.cut()
        printer.close()
    except PrintError:
        raise
    except Exception as exc:  # python-escpos raises its own types and OSError
        raise print_failure(
            "escpos_failed",
            f"L’imprimante à tickets ({device}) ne répond pas ({type(exc).__name__}). "
            "Vérifiez qu’elle est allumée, branchée et qu’elle a du papier, puis "
            "réessayez."
        ) from None


def _style(printer: Any, *, bold: bool = False, big: bool = False, center: bool = False) -> None:
    printer.set(align="center" if center else "left", bold=bold,
                double_height=big, double_width=False)


def _emit(printer: Any, block: Block) -> None:
    kind = block.kind
    text = french.typography(block.text)
    if kind in ("title", "heading"):
        printer.textln("")
        _style(printer, bold=True, big=kind == "title", center=kind == "title")
        printer.textln(text)
    elif kind == "reference":
        for line in block.lines:
            _style(printer, center=True)
            printer.textln(line.label)
            _style(printer, bold=True, big=True, center=True)
            printer.textln(line.value)
        _style(printer, center=True)
        printer.qr(block.items[0], size=6, center=True)
        printer.textln(text)
    elif kind == "pairs":
        for line in block.lines:
            _style(printer)
            printer.textln(french.typography(line.label))
            _style(printer, bold=True)
            printer.textln(french.typography(line.value))
            if line.note:
                _style(printer)
                printer.textln(french.typography(line.note))
    elif kind == "bullets":
        _style(printer)
        for item in block.items:
            printer.textln("• " + french.typography(item))
    else:
        _style(printer)
        printer.textln(text)
