"""Building blocks shared by every screen: big labelled buttons and a screen frame.

Elderly citizens need large targets, plain titles and one obvious next action;
putting these in one place keeps every screen alike and every control named
for screen readers.

The welcome screen is built from these before its first paint, so they set Qt enum
properties by key name (`set_by_name`) instead of touching PySide's `Qt` namespace, whose
first lookup builds about 90 Python enums (~11 ms of a ~130 ms start). Buttons keep the
normal arrow pointer: on the touch screen there is none, and their look says what they are.
"""

from __future__ import annotations

import textwrap
from functools import partial

from PySide6.QtCore import QObject, QSize
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

from ui.theme import set_role

MIN_TARGET_PX = 56
SELECTED_SUFFIX = " (choisi)"


def name(widget: QWidget, accessible_name: str, description: str) -> QWidget:
    """Give a control the name and description a screen reader announces."""
    widget.setAccessibleName(accessible_name)
    widget.setAccessibleDescription(description)
    return widget


def set_by_name(target: QObject, prop: str, key: str) -> None:
    """Set the Qt enum (or flag) property ``prop`` by its key name, e.g.
    ``set_by_name(label, "textFormat", "PlainText")``; ValueError when Qt refuses it."""
    if not target.setProperty(prop, key):
        raise ValueError(f"{type(target).__name__} refuses {prop}={key!r}")


def big_button(text: str, description: str, role: str = "secondary") -> QPushButton:
    """A large push button with a QSS role the theme styles (primary, secondary, danger...)."""
    button = QPushButton(text)
    button.setProperty("role", role)
    button.setMinimumHeight(MIN_TARGET_PX)
    button.setMinimumWidth(MIN_TARGET_PX * 2)
    button.setAutoDefault(False)
    name(button, text.replace("&", ""), description)
    return button


def text_label(text: str, role: str = "", *, rich: bool = False) -> QLabel:
    """A wrapping label; ``role`` is a theme role (title, subtitle, help, error, success)."""
    label = QLabel(text)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    set_by_name(label, "textFormat", "RichText" if rich else "PlainText")
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    set_by_name(label, "textInteractionFlags", "NoTextInteraction")
    return label


_leaving: dict[int, QWidget] = {}


def delete_later(widget: QWidget) -> None:
    """Delete ``widget`` on the GUI thread, at the next turn of the event loop, and keep it
    referenced until then: a widget without a parent belongs to Python, and if the collector
    freed it from a cycle on a pool thread, Qt would destroy it on that thread."""
    key = id(widget)
    _leaving[key] = widget
    widget.destroyed.connect(partial(_gone, key))
    widget.deleteLater()


def _gone(key: int, *_destroyed: object) -> None:
    _leaving.pop(key, None)


def clear_layout(layout: QVBoxLayout | QHBoxLayout) -> None:
    """Remove and delete every widget and sub-layout of ``layout``."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            delete_later(widget)
        child = item.layout()
        if child is not None and isinstance(child, QVBoxLayout | QHBoxLayout):
            clear_layout(child)


class _Body(QWidget):
    """A screen's scrolling body, as tall as its wrapped texts need at the width given.

    The word-wrap minimum of a QLabel is computed for a narrow column; the scroll area
    would size the body to it and show a scroll bar with nothing to scroll. With no
    minimum of its own, the body gets its height-for-width, which the area computes.
    """

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(0, 0)


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
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        set_by_name(self.scroller, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        # Tab goes from control to control (the area scrolls to each); a stop on the area
        # itself would show nothing focused.
        set_by_name(self.scroller, "focusPolicy", "NoFocus")
        body_holder = _Body()
        body_holder.setObjectName("screenBody")
        self.body = QVBoxLayout(body_holder)
        self.body.setSpacing(16)
        self.body.setContentsMargins(0, 0, 8, 0)
        self.scroller.setWidget(body_holder)
        outer.addWidget(self.scroller, 1)
        self.action_bar = QHBoxLayout()
        self.action_bar.setSpacing(16)
        outer.addLayout(self.action_bar)

    def set_title(self, title: str) -> None:
        """Change the heading (screens reused for several steps)."""
        self.title.setText(title)
        self.title.setAccessibleName(title)

    def entered(self) -> None:
        """Called each time the screen is shown; screens refresh from the session here."""

    def wipe(self) -> None:
        """Forget everything the citizen typed or chose (end of session)."""



def set_choice(button: QPushButton) -> QPushButton:
    """Make ``button`` one of the big answers tapped on a page (oui/non, a choice, the
    welcome's two ways). The size comes from the theme: a style sheet's minimum wins
    over ``setMinimumHeight``."""
    button.setProperty("choice", True)
    return button


def tile_button(title: str, detail: str, width: int = 56) -> QPushButton:
    """A tall button: the title on the first line, the explanation wrapped below it."""
    lines = [title, *textwrap.wrap(detail, width)] if detail else [title]
    button = QPushButton("\n".join(lines))
    button.setProperty("role", "secondary")
    button.setAutoDefault(False)
    button.setMinimumHeight(MIN_TARGET_PX * 2)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
    name(button, title, detail or title)
    return button


def show_selected(button: QPushButton, selected: bool) -> None:
    """Mark a choice as chosen: filled (primary) with a tick, or outlined (secondary).

    Not a checkable button: the state is in the look, the tick and the spoken
    description, which the theme's roles already cover in both themes.
    """
    text = button.text().removeprefix("✔ ")
    button.setText(f"✔ {text}" if selected else text)
    button.setProperty("selected", selected)
    description = button.accessibleDescription().removesuffix(SELECTED_SUFFIX)
    button.setAccessibleDescription(description + SELECTED_SUFFIX if selected else description)
    set_role(button, "primary" if selected else "secondary")


def is_selected(button: QPushButton) -> bool:
    return bool(button.property("selected"))


class StatusLine(QWidget):
    """One message line whose look (plain, success, error) is fixed per label, not restyled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.labels = {kind: text_label("", kind) for kind in ("", "success", "error")}
        for label in self.labels.values():
            label.setVisible(False)
            layout.addWidget(label)
        self.setVisible(False)

    def say(self, text: str, kind: str = "") -> None:
        """Show ``text`` as plain (""), "success" or "error"; an empty text hides the line."""
        for name_, label in self.labels.items():
            label.setText(text if name_ == kind else "")
            label.setVisible(bool(text) and name_ == kind)
        self.setVisible(bool(text))

    def text(self) -> str:
        return next((label.text() for label in self.labels.values() if label.text()), "")

    @property
    def kind(self) -> str:
        return next((k for k, label in self.labels.items() if label.text()), "")
