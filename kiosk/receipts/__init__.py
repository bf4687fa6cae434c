"""Receipts given to the citizen: provisional (enregistrement) and final (réception).

Built from the outbox's receipt snapshot, rendered as PDF (A4 or 80 mm roll),
printed through CUPS ``lp`` or an ESC/POS printer, every print logged without
personal data.
"""

from kiosk.receipts.errors import PrintError, ReceiptError
from kiosk.receipts.from_queue import receipt_from_queue
from kiosk.receipts.model import Line, Receipt, build_receipt
from kiosk.receipts.print_log import PrintLog, PrintLogError, PrintRecord
from kiosk.receipts.printing import print_pdf, print_receipt
from kiosk.receipts.render import FORMATS, Format, RenderedReceipt, render_pdf, render_receipt

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
