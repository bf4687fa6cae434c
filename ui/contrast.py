"""Measure text contrast and touch-target size, so accessibility is proved, not hoped for.

The pure functions (`relative_luminance`, `contrast_ratio`) follow WCAG 2.x and need no Qt.
The Qt helpers walk a live widget tree: the text colour comes from the widget's palette (the
style sheet writes it there) and the background from the pixels actually rendered behind the
widget, so a transparent label on a coloured panel is measured against that panel.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

MIN_TARGET_PX = 44
"""WCAG 2.5.5 (AAA) minimum size of a pointer target, in CSS pixels."""


def _channel(value: int) -> float:
    """Linearise one sRGB channel (0-255)."""
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def parse_hex(colour: str) -> tuple[int, int, int]:
    """`#RRGGBB` (or `#RGB`) to an (r, g, b) tuple; raises ValueError otherwise."""
    text = colour.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(ch * 2 for ch in text)
    if len(text) != 6:
        raise ValueError(f"not a #RRGGBB colour: {colour!r}")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def relative_luminance(colour: str | tuple[int, int, int]) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""
    r, g, b = parse_hex(colour) if isinstance(colour, str) else colour
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(first: str | tuple[int, int, int], second: str | tuple[int, int, int]) -> float:
    """WCAG contrast ratio between two opaque colours, 1 to 21, order-independent."""
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@dataclass(frozen=True)
class ContrastReading:
    """The measured contrast of one visible text-bearing widget."""

    widget: QWidget
    foreground: str
    background: str
    ratio: float

    def describe(self) -> str:
        """One line for an assertion message."""
        name = self.widget.objectName() or type(self.widget).__name__
        return (
            f"{name} ({type(self.widget).__name__}): {self.foreground} on {self.background} "
            f"= {self.ratio:.2f}:1"
        )


def _rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02X}{:02X}{:02X}".format(*rgb)


def _text_widgets(root: QWidget) -> list[QWidget]:
    """Visible labels, buttons and line edits under `root` (root included)."""
    kinds = (QLabel, QAbstractButton, QLineEdit)
    found = [w for w in root.findChildren(QWidget) if isinstance(w, kinds)]
    if isinstance(root, kinds):
        found.insert(0, root)
    return [w for w in found if w.isVisibleTo(root.window()) and w.isVisible()]


def _has_text(widget: QWidget) -> bool:
    if isinstance(widget, QLineEdit):
        return True  # typed text and placeholder both need to be legible
    if isinstance(widget, QLabel | QAbstractButton):
        return bool(widget.text().strip())
    return False


def _text_role(widget: QWidget) -> QPalette.ColorRole:
    """The palette role the text is drawn with (the hint when a field is empty)."""
    if isinstance(widget, QLineEdit) and not widget.text() and widget.placeholderText():
        return QPalette.ColorRole.PlaceholderText
    return widget.foregroundRole()


def _background_of(shot: QImage, area: QRect) -> tuple[int, int, int]:
    """Most frequent pixel colour inside `area`: the fill behind the text."""
    counts: Counter[tuple[int, int, int]] = Counter()
    step = max(1, min(area.width(), area.height()) // 24)
    for y in range(area.top(), area.bottom() + 1, step):
        for x in range(area.left(), area.right() + 1, step):
            counts[_rgb(QColor(shot.pixel(x, y)))] += 1
    return counts.most_common(1)[0][0]


def _inner_area(widget: QWidget, origin: QPoint, bounds: QRect) -> QRect:
    """The widget's rectangle in window coordinates, without its border (min 1 px)."""
    rect = QRect(origin, widget.size())
    inset = min(6, max(0, (min(rect.width(), rect.height()) - 2) // 4))
    return rect.adjusted(inset, inset, -inset, -inset).intersected(bounds)


def measure_text_contrast(root: QWidget) -> list[ContrastReading]:
    """Contrast of every visible label, button and line edit under `root`.

    The window is rendered once; `root` must be shown (even off screen).
    """
    window = root.window()
    shot = window.grab().toImage()
    bounds = QRect(0, 0, shot.width(), shot.height())
    readings: list[ContrastReading] = []
    for widget in _text_widgets(root):
        if not _has_text(widget):
            continue
        area = _inner_area(widget, widget.mapTo(window, QPoint(0, 0)), bounds)
        if area.isEmpty():
            continue
        group = QPalette.ColorGroup.Active if widget.isEnabled() else QPalette.ColorGroup.Disabled
        fg = _rgb(widget.palette().color(group, _text_role(widget)))
        bg = _background_of(shot, area)
        readings.append(ContrastReading(widget, _hex(fg), _hex(bg), contrast_ratio(fg, bg)))
    return readings


INTERACTIVE_TYPES: tuple[type[QWidget], ...] = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QTextEdit,
    QPlainTextEdit,
    QAbstractItemView,
    QAbstractSlider,
)


def is_interactive(widget: QWidget) -> bool:
    """Widgets a person acts on: buttons, fields, lists, sliders (scroll bars excepted:
    they belong to their scroll area, which scrolls by dragging the content too)."""
    return isinstance(widget, INTERACTIVE_TYPES) and not isinstance(widget, QScrollBar)


def small_targets(root: QWidget, minimum: int = MIN_TARGET_PX) -> list[QWidget]:
    """Visible interactive widgets under `root` smaller than `minimum` px in either side."""
    widgets = [root, *root.findChildren(QWidget)]
    return [
        w
        for w in widgets
        if w.isVisible() and is_interactive(w) and (w.width() < minimum or w.height() < minimum)
    ]
