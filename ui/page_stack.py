"""The window's screens, one shown at a time, measured by the one shown.

A ``QStackedWidget`` sizes itself for the largest of its pages: each layout pass of the
window (a page change, the keyboard opening) asked all seventeen screens for their size
and for their height at the window's width, measuring every wrapped text of the hidden
ones again. The window is full screen and shows one page; only that page's needs count.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLayoutItem, QStackedLayout, QWidget


class _ShownPageLayout(QStackedLayout):
    """A stacked layout whose sizes are those of its current page alone."""

    def _shown(self) -> QLayoutItem | None:
        index = self.currentIndex()
        return self.itemAt(index) if index >= 0 else None

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        item = self._shown()
        return item.sizeHint() if item is not None else QSize(0, 0)

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt naming
        item = self._shown()
        return item.minimumSize() if item is not None else QSize(0, 0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt naming
        item = self._shown()
        return item is not None and item.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt naming
        item = self._shown()
        return item.heightForWidth(width) if item is not None else -1


class PageStack(QWidget):
    """The screens' stack, with the calls of ``QStackedWidget`` the window makes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages = _ShownPageLayout(self)
        self._pages.setContentsMargins(0, 0, 0, 0)

    def addWidget(self, page: QWidget) -> int:  # noqa: N802 - Qt naming
        return self._pages.addWidget(page)

    def removeWidget(self, page: QWidget) -> None:  # noqa: N802 - Qt naming
        self._pages.removeWidget(page)

    def indexOf(self, page: QWidget) -> int:  # noqa: N802 - Qt naming
        return self._pages.indexOf(page)

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802 - Qt naming
        self._pages.setCurrentWidget(page)

    def currentWidget(self) -> QWidget | None:  # noqa: N802 - Qt naming
        return self._pages.currentWidget()
