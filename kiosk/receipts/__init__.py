"""Receipts given to the citizen: provisional (enregistrement) and final (réception).

Built from the outbox's receipt snapshot, rendered as PDF (A4 or 80 mm roll),
printed through CUPS ``lp`` or an ESC/POS printer, every print logged without
personal data.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.receipts.errors import PrintError, ReceiptError
    from kiosk.receipts.from_queue import receipt_from_queue
    from kiosk.receipts.model import Line, Receipt, build_receipt
    from kiosk.receipts.print_log import PrintLog, PrintLogError, PrintRecord
    from kiosk.receipts.printing import print_pdf, print_receipt
    from kiosk.receipts.render import FORMATS, Format, RenderedReceipt, render_pdf, render_receipt

# Each name's module, imported at first use: rendering pulls in reportlab, which takes a
# while to import, and the screens need only the errors until someone prints (PEP 562).
_WHERE = {
    "PrintError": "errors", "ReceiptError": "errors",
    "receipt_from_queue": "from_queue",
    "Line": "model", "Receipt": "model", "build_receipt": "model",
    "PrintLog": "print_log", "PrintLogError": "print_log", "PrintRecord": "print_log",
    "print_pdf": "printing", "print_receipt": "printing",
    "FORMATS": "render", "Format": "render", "RenderedReceipt": "render",
    "render_pdf": "render", "render_receipt": "render",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)


__all__ = [
    "FORMATS",
    "Format",
    "Line",
    "PrintError",
    "PrintLog",
    "PrintLogError",
    "PrintRecord",
    "Receipt",
    "ReceiptError",
    "RenderedReceipt",
    "build_receipt",
    "print_pdf",
    "print_receipt",
    "receipt_from_queue",
    "render_pdf",
    "render_receipt",
]
