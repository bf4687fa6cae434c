"""Building blocks shared by every screen: big labelled buttons and a screen frame.

Elderly citizens need large targets, plain titles and one obvious next action;
putting these in one place keeps every screen alike and every control named
for screen readers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

MIN_TARGET_PX = 56


def name(widget: QWidget, accessible_name: str, description: str) -> QWidget:
    """Give a control the name and description a screen reader announces."""
    widget.setAccessibleName(accessible_name)
    widget.setAccessibleDescription(description)
    return widget


def big_button(text: str, description: str, role: str = "secondary") -> QPushButton:
    """A large push button with a QSS role the theme styles (primary, secondary, danger...)."""
    button = QPushButton(text)
    button.setProperty("role", role)
    button.setMinimumHeight(MIN_TARGET_PX)
    button.setMinimumWidth(MIN_TARGET_PX * 2)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setAutoDefault(False)
    name(button, text.replace("&", ""), description)
    return button


def text_label(text: str, role: str = "body", *, rich: bool = False) -> QLabel:
    """A wrapping label; ``role`` lets the theme pick size and weight (title, lead, body, error)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setProperty("role", role)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def clear_layout(layout: QVBoxLayout | QHBoxLayout) -> None:
    """Remove and delete every widget and sub-layout of ``layout``."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        child = item.layout()
        if child is not None and isinstance(child, QVBoxLayout | QHBoxLayout):
            clear_layout(child)


class Screen(QWidget):
    """One page of the flow: a title, a scrolling body and a bar of actions at the bottom."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 16, 32, 16)
        outer.setSpacing(12)
        self.title = text_label(title, "title")
        self.title.setAccessibleName(title)
        outer.addWidget(self.title)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body_holder = QWidget()
        body_holder.setObjectName("screenBody")
        self.body = QVBoxLayout(body_holder)
        self.body.setSpacing(16)
        self.body.setContentsMargins(0, 0, 8, 0)
        self.scroll.setWidget(body_holder)
        outer.addWidget(self.scroll, 1)
        self.actions = QHBoxLayout()
        self.actions.setSpacing(16)
        outer.addLayout(self.actions)

    def set_title(self, title: str) -> None:
        """Change the heading (screens reused for several steps)."""
        self.title.setText(title)
        self.title.setAccessibleName(title)

    def entered(self) -> None:
        """Called each time the screen is shown; screens refresh from the session here."""

    def wipe(self) -> None:
        """Forget everything the citizen typed or chose (end of session)."""


class Tile(QPushButton):
    """A large button whose title and explanation wrap over several lines."""

    def __init__(self, title: str, detail: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAutoDefault(False)
        self.setMinimumHeight(MIN_TARGET_PX * 2)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.setSpacing(6)
        self.title_label = text_label(title, "tileTitle")
        self.detail_label = text_label(detail, "tileDetail")
        for label in (self.title_label, self.detail_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        name(self, title, detail)

    def sizeHint(self):  # noqa: N802 - Qt naming
        """Tall enough for the wrapped labels inside."""
        hint = super().sizeHint()
        inner = self.layout().sizeHint() if self.layout() is not None else hint
        hint.setHeight(max(hint.height(), inner.height(), MIN_TARGET_PX * 2))
        return hint

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt naming
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt naming
        layout = self.layout()
        inner = layout.heightForWidth(width) if layout is not None else -1
        return max(inner, MIN_TARGET_PX * 2)
