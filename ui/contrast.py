"""Measure text contrast and touch-target size, so accessibility is proved, not hoped for.

The pure functions (`relative_luminance`, `contrast_ratio`) follow WCAG 2.x and need no Qt.
The Qt helpers walk a live widget tree and read both colours from the pixels actually
rendered, inside the part of each widget a person can see: the background is the most
frequent colour there, the text colour the one that stands out most from it. The palette is
not trusted: the style sheet writes only the plain state into it, so it is wrong for a
focused or pressed button and can keep a button's old colour after its role changed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage, QRegion
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

from ui.theme import THEMES, Palette, ThemeName, build_stylesheet

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


MIN_TEXT_PIXELS = 3
"""A colour must cover this many pixels to count as the text colour (glyph strokes at the
kiosk's sizes are 2 px or more wide; lone anti-aliasing pixels are not the text)."""


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
    """Whether the widget shows characters (a field: its text, else its placeholder)."""
    if isinstance(widget, QLineEdit):
        return bool(widget.text() or widget.placeholderText())
    if isinstance(widget, QLabel | QAbstractButton):
        return bool(widget.text().strip())
    return False


def _window_rect(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def visible_part(widget: QWidget) -> QRegion:
    """The part of `widget` a person sees, in its window's coordinates.

    Clipped by every ancestor (a scroll area's viewport hides what is scrolled away) and
    minus the widgets stacked above it at any level (an overlay raised over the screen).
    """
    window = widget.window()
    region = widget.visibleRegion().translated(widget.mapTo(window, QPoint(0, 0)))
    child = widget
    while child is not window and (parent := child.parentWidget()) is not None:
        siblings = [c for c in parent.children() if isinstance(c, QWidget)]
        for above in siblings[siblings.index(child) + 1:]:
            if above.isVisible() and not above.isWindow():
                region -= QRegion(_window_rect(above, window))
        child = parent
    return region


def _inner_rect(widget: QWidget, window: QWidget) -> QRect:
    """The widget's rectangle in window coordinates, without its border (min 1 px)."""
    rect = _window_rect(widget, window)
    inset = min(6, max(0, (min(rect.width(), rect.height()) - 2) // 4))
    return rect.adjusted(inset, inset, -inset, -inset)


class _Pixels:
    """Counts colours in regions of one rendered window (fast: C-level counting per row)."""

    def __init__(self, image: QImage) -> None:
        self._image = image.convertToFormat(QImage.Format.Format_RGB32)
        self._row = self._image.bytesPerLine() // 4
        self._data = memoryview(self._image.constBits()).cast("I")
        self.bounds = QRect(0, 0, self._image.width(), self._image.height())

    def count(self, region: QRegion) -> Counter[int]:
        counts: Counter[int] = Counter()
        # QRegion iterates over its rectangles; the stubs do not say so.
        for rect in cast(Iterable[QRect], region.intersected(self.bounds)):
            for y in range(rect.top(), rect.bottom() + 1):
                start = y * self._row + rect.left()
                counts.update(self._data[start:start + rect.width()])
        return counts


def _rgb(pixel: int) -> tuple[int, int, int]:
    return (pixel >> 16) & 0xFF, (pixel >> 8) & 0xFF, pixel & 0xFF


def text_and_background(counts: Counter[int]) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """(text colour, background colour) from a colour count of a widget's inner area.

    The background is the most frequent colour; the text colour is, among colours covering
    at least `MIN_TEXT_PIXELS` pixels, the one of highest contrast with it (the cores of
    the strokes; anti-aliased edges blend towards the background). When nothing stands out,
    the text colour is the background itself (ratio 1: the text cannot be seen).
    """
    background = _rgb(counts.most_common(1)[0][0])
    text = background
    best = 1.0
    for pixel, number in counts.items():
        if number < MIN_TEXT_PIXELS:
            continue
        ratio = contrast_ratio(_rgb(pixel), background)
        if ratio > best:
            text, best = _rgb(pixel), ratio
    return text, background


def measure_text_contrast(root: QWidget) -> list[ContrastReading]:
    """Contrast of every visible label, button and line edit under `root`, as rendered.

    The window is rendered once; `root` must be shown (even off screen). A widget entirely
    hidden (scrolled away, covered) is skipped; a partly hidden one is measured on what
    shows, and skipped only when no character shows there. A fully visible widget whose
    text cannot be told from its background is reported with a ratio of 1.
    """
    window = root.window()
    pixels = _Pixels(window.grab().toImage())
    readings: list[ContrastReading] = []
    for widget in _text_widgets(root):
        if not _has_text(widget):
            continue
        shown = visible_part(widget)
        area = shown.intersected(_inner_rect(widget, window))
        if area.isEmpty():
            continue
        counts = pixels.count(area)
        fg, bg = text_and_background(counts)
        whole = QRegion(_window_rect(widget, window)).subtracted(shown).isEmpty()
        if fg == bg and not whole:
            continue
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

# --- reading the theme's filled style sheet back ------------------------------------------

_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)


@dataclass(frozen=True)
class ColourPair:
    """One text colour on one background, as used by a style sheet rule."""

    selector: str
    foreground: str
    background: str

    @property
    def ratio(self) -> float:
        """WCAG contrast ratio of the pair."""
        return contrast_ratio(self.foreground, self.background)


@dataclass(frozen=True)
class StyleRule:
    """A parsed style sheet rule: selector text and its declarations."""

    selector: str
    declarations: dict[str, str]


def parse_rules(stylesheet: str) -> list[StyleRule]:
    """Split a style sheet into rules (enough of CSS for our own template)."""
    rules = []
    for selector, body in _RULE.findall(_COMMENT.sub("", stylesheet)):
        decls = {}
        for item in body.split(";"):
            if ":" in item:
                key, value = item.split(":", 1)
                decls[key.strip()] = value.strip()
        rules.append(StyleRule(" ".join(selector.split()), decls))
    return rules


def colour_pairs(name: ThemeName, large_text: bool = False) -> list[ColourPair]:
    """Every (text, background) pair the filled style sheet of theme `name` uses."""
    return pairs_in(build_stylesheet(name, large_text), THEMES[name])


def pairs_in(stylesheet: str, colours: Palette) -> list[ColourPair]:
    """The (text, background) pairs of `stylesheet`, whose colours come from `colours`.

    A transparent background stands for each surface of the palette. Raises ValueError when
    a rule breaks the template rule (text colour without a background, or a background
    without text colour on something that is neither a surface nor a sub-control).
    """
    pairs: list[ColourPair] = []
    for rule in parse_rules(stylesheet):
        fg = rule.declarations.get("color")
        bg = rule.declarations.get("background-color")
        if fg is None and bg is None:
            pass
        elif fg is None:
            if bg not in colours.surfaces and "::" not in rule.selector:
                raise ValueError(f"{rule.selector}: background without a text colour")
        elif bg is None:
            raise ValueError(f"{rule.selector}: text colour without a background")
        else:
            backs = colours.surfaces if bg == "transparent" else (bg,)
            pairs.extend(ColourPair(rule.selector, fg, back) for back in backs)
        sel_fg = rule.declarations.get("selection-color")
        sel_bg = rule.declarations.get("selection-background-color")
        if sel_fg and sel_bg:
            pairs.append(ColourPair(rule.selector + " (selection)", sel_fg, sel_bg))
        hint = rule.declarations.get("placeholder-text-color")
        if hint and bg:
            pairs.append(ColourPair(rule.selector + " (placeholder)", hint, bg))
    return pairs


def non_text_pairs(name: ThemeName) -> list[ColourPair]:
    """Focus ring and field borders against what surrounds them (WCAG 1.4.11: 3:1)."""
    c = THEMES[name]
    pairs = [ColourPair("focus ring", c.focus, back) for back in c.surfaces]
    pairs += [ColourPair("field border", c.field_border, back) for back in c.surfaces]
    pairs += [ColourPair("error field border", c.error, back) for back in c.surfaces]
    pairs += [ColourPair("key border", c.key_border, c.surface)]
    return pairs
