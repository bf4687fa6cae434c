"""Pictograms drawn with lines, in the text colour of the theme (no icon font, no image file).

The DSFR's pictograms are restricted assets and the kiosk's fonts have no car: the tiles of
the procedure picker get a car for the carte grise, a card for the permis, a sheet otherwise.
They follow the theme because they are painted in the label's own text colour.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QLabel, QWidget

KINDS = {"carte_grise": "car", "permis": "card"}
"""The pictogram of each theme of procedures (others get a sheet)."""


class Pictogram(QLabel):
    """A square pictogram, as large as two lines of text; decorative (no accessible name)."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setProperty("role", "tile-icon")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        edge = self.fontMetrics().height() * 2
        return QSize(edge, edge)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return self.sizeHint()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt naming
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        edge = min(self.width(), self.height())
        pen = QPen(self.palette().color(self.foregroundRole()), max(edge / 16, 2.0))
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        box = QRectF((self.width() - edge) / 2, (self.height() - edge) / 2, edge, edge)
        {"car": _car, "card": _card}.get(self.kind, _sheet)(painter, box)
        painter.end()


def _car(painter: QPainter, box: QRectF) -> None:
    w, h, x, y = box.width(), box.height(), box.x(), box.y()
    painter.drawRoundedRect(QRectF(x + w * 0.06, y + h * 0.45, w * 0.88, h * 0.25), w * 0.06, w * 0.06)
    painter.drawPolyline([QPointF(x + w * 0.2, y + h * 0.45), QPointF(x + w * 0.32, y + h * 0.25),
                          QPointF(x + w * 0.68, y + h * 0.25), QPointF(x + w * 0.8, y + h * 0.45)])
    for centre in (0.27, 0.73):
        painter.drawEllipse(QPointF(x + w * centre, y + h * 0.72), w * 0.09, w * 0.09)


def _card(painter: QPainter, box: QRectF) -> None:
    w, h, x, y = box.width(), box.height(), box.x(), box.y()
    painter.drawRoundedRect(QRectF(x + w * 0.05, y + h * 0.2, w * 0.9, h * 0.6), w * 0.06, w * 0.06)
    painter.drawEllipse(QPointF(x + w * 0.3, y + h * 0.42), w * 0.08, w * 0.08)
    painter.drawArc(QRectF(x + w * 0.16, y + h * 0.52, w * 0.28, h * 0.24), 0, 180 * 16)
    for row in (0.4, 0.52, 0.64):
        painter.drawLine(QPointF(x + w * 0.52, y + h * row), QPointF(x + w * 0.85, y + h * row))


def _sheet(painter: QPainter, box: QRectF) -> None:
    w, h, x, y = box.width(), box.height(), box.x(), box.y()
    painter.drawRect(QRectF(x + w * 0.22, y + h * 0.1, w * 0.56, h * 0.8))
    for row in (0.3, 0.45, 0.6, 0.75):
        painter.drawLine(QPointF(x + w * 0.32, y + h * row), QPointF(x + w * 0.68, y + h * row))
