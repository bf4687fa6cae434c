"""The header's shape for the screen it is on.

On a short screen (1280×800, 1366×768, 1920×1080) every pixel the header takes is taken
from the question and the keyboard: its buttons are 48 px high, and the site's name, the
display switches and the help (« Appeler un médiateur », the mediator's take-over,
« Quitter la démarche ») share one row where the width allows (1920×1080), else two; the
stepper says « Étape n sur N » and « Étape suivante » on one line. A tall screen (a
portrait tower) keeps two rows of full-size buttons. While the keyboard is open on a short
screen, only the help stays (one row for a citizen alone, two with a mediator's name at
1280 px): « Quitter » is always in reach. The widgets keep their order, and Tab with them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QBoxLayout, QLabel, QLayout, QPushButton, QStatusBar, QWidget

from ui.screens.common import MIN_TARGET_PX, Stepper

SHORT_TARGET_PX = 48
"""A touch target's height in the short header: still above the 44-48 px of the guidelines."""

MARGIN_PX = 32
"""In line with the pages' own side margins."""

EDGE_PX = 6
"""Above and under the short header's rows: the site's name on two lines does not touch
the screen's edge."""

SITE_LINES = 2
"""The site's name may wrap onto two lines beside the buttons, not more."""


@dataclass
class HeaderParts:
    """What ``MainWindow._header`` built, for ``HeaderFit`` to arrange."""

    header: QWidget
    rows: QBoxLayout
    """The header's column: the site band, then (on two rows) the help row."""
    band: QBoxLayout
    """The site band's row: the site's name, the switches, then (on one row) the help row."""
    site_label: QLabel
    switches: QWidget
    help_row: QWidget
    status_bar: QStatusBar
    stepper_row: QWidget
    stepper: Stepper


UNBOUNDED_PX = 16_777_215
"""Qt's QWIDGETSIZE_MAX."""


class HiddenTakesNoHeight(QObject):
    """Qt's status bar is as tall as its tallest widget, hidden ones included: « Annuler
    l'appel », shown only during a call, would add 16 px under every page. A widget watched
    here has no height while hidden."""

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)
        widget.setMaximumHeight(0 if widget.isHidden() else UNBOUNDED_PX)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if isinstance(watched, QWidget) and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            watched.setMaximumHeight(UNBOUNDED_PX if event.type() == QEvent.Type.Show else 0)
        return False


class HeaderFit:
    """Arranges ``HeaderParts`` for a short or tall screen, typing or not."""

    def __init__(self, parts: HeaderParts) -> None:
        self.parts = parts
        self.status_room = HiddenTakesNoHeight(parts.header)
        self.short: bool | None = None
        self.one_row: bool | None = None

    def apply(self, short: bool, typing: bool) -> None:
        """Smaller buttons on a short screen; one row when it fits (or while typing, when
        only the help shows), else two."""
        parts = self.parts
        if short != self.short:
            self._set_size(short)
        typing = typing and short
        parts.site_label.setVisible(not typing)
        parts.switches.setVisible(not typing)
        self._place(short and (typing or self._one_row_fits()))

    def _set_size(self, short: bool) -> None:
        """The style sheet's ``[fit="short"]`` rules, and the buttons' own minimum height."""
        parts = self.parts
        self.short = short
        for button in parts.status_bar.findChildren(QPushButton):
            self.status_room.watch(button)
        for holder in (parts.header, parts.status_bar):
            holder.setProperty("fit", "short" if short else "tall")
            for widget in (holder, *holder.findChildren(QWidget)):
                style = widget.style()
                style.unpolish(widget)
                style.polish(widget)
                if isinstance(widget, QPushButton):
                    widget.setMinimumHeight(SHORT_TARGET_PX if short else MIN_TARGET_PX)
        parts.rows.setContentsMargins(0, 0, 0, EDGE_PX if short else 8)
        switches = parts.switches.layout()
        if switches is not None:  # the band's margins are the only ones
            switches.setContentsMargins(0, 0, 0, 0)
        stepper_layout = parts.stepper_row.layout()
        if stepper_layout is not None:
            stepper_layout.setContentsMargins(MARGIN_PX, 8 if short else 12, MARGIN_PX, 0)
        parts.stepper.set_compact(short)
        self.one_row = None  # the margins of the rows depend on both

    def _one_row_fits(self) -> bool:
        """The switches and the help at their width, and the site's name on two lines."""
        parts = self.parts
        label = parts.site_label
        site = label.fontMetrics().horizontalAdvance(label.text()) // SITE_LINES + 24
        spacing = parts.band.spacing()
        needed = (2 * MARGIN_PX + site + 2 * spacing + _inner_width(parts.switches)
                  + _inner_width(parts.help_row))
        return needed <= parts.header.width()

    def _place(self, one_row: bool) -> None:
        if one_row == self.one_row:
            return
        self.one_row = one_row
        parts = self.parts
        help_layout = parts.help_row.layout()
        assert help_layout is not None
        top = EDGE_PX if self.short else 8
        if one_row:
            parts.rows.removeWidget(parts.help_row)
            parts.band.addWidget(parts.help_row, 0)
            parts.band.setContentsMargins(MARGIN_PX, top, MARGIN_PX, 0)
            help_layout.setContentsMargins(0, 0, 0, 0)
        else:
            parts.band.removeWidget(parts.help_row)
            parts.rows.insertWidget(1, parts.help_row)
            parts.band.setContentsMargins(MARGIN_PX, top, MARGIN_PX, 0)
            help_layout.setContentsMargins(MARGIN_PX, 4 if self.short else 8, MARGIN_PX, 0)
        parts.help_row.show()


def _inner_width(widget: QWidget) -> int:
    """The width ``widget``'s items ask side by side, without its layout's margins."""
    layout: QLayout | None = widget.layout()
    if layout is None:
        return widget.sizeHint().width()
    margins = layout.contentsMargins()
    return layout.sizeHint().width() - margins.left() - margins.right()
