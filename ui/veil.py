"""A dimmed veil over the whole window with one panel in its middle.

Used where the kiosk must have an answer before anything else (the idle countdown, « Quitter
la démarche ? »): the screen behind stays visible but dimmed, so people see what the
question is about, and no tap reaches it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from ui.screens.common import text_label


class Veil(QWidget):
    """Covers its parent (kept to its size); ``panel`` holds the question and its buttons."""

    def __init__(self, parent: QWidget, title: str) -> None:
        super().__init__(parent)
        self._over = parent
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.panel = QFrame()
        self.panel.setProperty("role", "panel")
        self.panel.setMaximumWidth(900)
        self.content = QVBoxLayout(self.panel)
        self.content.setContentsMargins(32, 32, 32, 32)
        self.content.setSpacing(20)
        self.title = text_label(title, "title")
        self.content.addWidget(self.title)
        row.addWidget(self.panel, 8)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        parent.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if watched is self._over and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._over.rect())
        return False

    def open(self) -> None:
        """Show over everything, at the parent's size."""
        self.setGeometry(self._over.rect())
        self.show()
        self.raise_()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt naming
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 150))
        painter.end()
        super().paintEvent(event)
