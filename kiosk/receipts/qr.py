"""QR code of the reference, drawn as filled squares so it stays sharp on any printer.

Drawn straight on the canvas (not through reportlab's graphics widgets) so the
PDF references no font but the embedded ones.
"""

from __future__ import annotations

from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.platypus import Flowable

QUIET_ZONE = 4  # modules of white around the code, as the standard asks


class QrFlowable(Flowable):
    """A square of ``size_pt`` points holding ``payload`` (quiet zone included)."""

    def __init__(self, payload: str, size_pt: float) -> None:
        super().__init__()
        code = QRCode(None, QRErrorCorrectLevel.M)
        code.addData(payload)
        code.make()
        count = code.getModuleCount()
        self.dark = [(row, col) for row in range(count) for col in range(count)
                     if code.isDark(row, col)]
        self.modules = count + 2 * QUIET_ZONE
        self.size = size_pt

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        module = self.size / self.modules
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColorRGB(0, 0, 0)
        for row, col in self.dark:
            x = (QUIET_ZONE + col) * module
            y = self.size - (QUIET_ZONE + row + 1) * module
            # a hair wider than the module, so adjacent squares leave no white seam
            canvas.rect(x, y, module + 0.05, module + 0.05, stroke=0, fill=1)
        canvas.restoreState()
