"""QR code of the reference, drawn as vector shapes so it stays sharp on any printer."""

from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing


def qr_drawing(payload: str, size_pt: float) -> Drawing:
    """A square drawing of ``size_pt`` points holding ``payload`` (quiet zone included)."""
    widget = QrCodeWidget(payload, barLevel="M", barBorder=4)
    x0, y0, x1, y1 = widget.getBounds()
    width, height = x1 - x0, y1 - y0
    drawing = Drawing(size_pt, size_pt, transform=[size_pt / width, 0, 0, size_pt / height, 0, 0])
    drawing.add(widget)
    return drawing
