"""A bar chart drawn with QPainter, in the theme's colours, readable by a screen reader.

The activity screen shows the visits by day (columns) and by procedure,
outcome, help, autonomy and duration (rows). Each bar carries its number, so
the chart reads without colour; the accessible description lists every
« label : number » for those who do not see it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

ROW_PX = 34
COLUMNS_HEIGHT_PX = 180


class BarChart(QWidget):
    """``bars``: (label, count) in the order shown. ``columns``: vertical bars (days)."""

    def __init__(self, title: str, bars: Sequence[tuple[str, int]], *, columns: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars = list(bars)
        self.columns = columns
        self.setAccessibleName(title)
        self.setAccessibleDescription("; ".join(f"{label} : {count}" for label, count in self.bars))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self.sizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        height = COLUMNS_HEIGHT_PX if self.columns else ROW_PX * max(1, len(self.bars))
        return QSize(600, height)

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt naming
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text, bar = palette.color(QPalette.ColorRole.WindowText), palette.color(
            QPalette.ColorRole.Highlight)
        painter.setPen(text)
        largest = max((count for _, count in self.bars), default=0) or 1
        metrics = QFontMetrics(self.font())
        if self.columns:
            self._paint_columns(painter, metrics, largest, bar)
        else:
            self._paint_rows(painter, metrics, largest, bar)
        painter.end()

    def _paint_rows(self, painter: QPainter, metrics: QFontMetrics, largest: int, bar: object) -> None:
        label_width = min(self.width() // 2, max((metrics.horizontalAdvance(label)
                                                  for label, _ in self.bars), default=0) + 16)
        number_width = metrics.horizontalAdvance(str(largest)) + 12
        room = max(1, self.width() - label_width - number_width)
        for i, (label, count) in enumerate(self.bars):
            top = i * ROW_PX
            painter.drawText(QRectF(0, top, label_width - 12, ROW_PX),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 12))
            length = room * count / largest
            painter.fillRect(QRectF(label_width, top + 6, length, ROW_PX - 12), bar)
            painter.drawText(QRectF(label_width + length + 6, top, number_width, ROW_PX),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             str(count))

    def _paint_columns(self, painter: QPainter, metrics: QFontMetrics, largest: int,
                       bar: object) -> None:
        line = metrics.height() + 4
        room = self.height() - 2 * line
        width = self.width() / max(1, len(self.bars))
        step = max(1, len(self.bars) // 10)  # at most about ten dates written
        for i, (label, count) in enumerate(self.bars):
            left = i * width
            height = room * count / largest
            painter.fillRect(QRectF(left + width * 0.15, line + room - height, width * 0.7, height),
                             bar)
            if count:
                painter.drawText(QRectF(left, line + room - height - line, width, line),
                                 int(Qt.AlignmentFlag.AlignCenter), str(count))
            if i % step == 0:
                painter.drawText(QRectF(left - width, self.height() - line, 3 * width, line),
                                 int(Qt.AlignmentFlag.AlignCenter), label)
