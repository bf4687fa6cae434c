"""Procedure picker: first the theme (carte grise or permis), then one large tile per procedure."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.procedures import Catalogue
from ui.i18n import tr_core
from ui.icons import KINDS, Pictogram
from ui.screens.common import Screen, big_button, clear_layout, show_selected, text_label, tile_button


class PickerScreen(Screen):
    """Shows the procedures of one theme at a time so the citizen never faces a long list."""

    picked = Signal(str)
    back = Signal()

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Que voulez-vous faire ?"), parent)
        self._catalogue = catalogue
        self._theme_names = {
            "carte_grise": self.tr("Carte grise"),
            "permis": self.tr("Permis de conduire"),
        }
        self.body.addWidget(text_label(self.tr("Choisissez d'abord le sujet :")))
        themes = QHBoxLayout()
        self.theme_buttons: dict[str, QPushButton] = {}
        for theme in catalogue.by_theme():
            label = self._theme_names.get(theme, theme)
            button = big_button(label, self.tr("Afficher les démarches : %s") % label)
            button.setMinimumHeight(80)
            self.theme_buttons[theme] = button
            themes.addWidget(button)
            button.clicked.connect(lambda _checked=False, t=theme: self.show_theme(t))
        self.body.addLayout(themes)
        self.hint = text_label(self.tr("Puis touchez votre démarche :"))
        self.body.addWidget(self.hint)
        self.tiles = QVBoxLayout()
        self.tiles.setSpacing(12)
        self.body.addLayout(self.tiles)
        self.body.addStretch(1)
        self.back_button = big_button(self.tr("Retour"), self.tr("Revenir à l'accueil"))
        self.action_bar.addWidget(self.back_button)
        self.action_bar.addStretch(1)
        self.back_button.clicked.connect(self.back)
        self.procedure_tiles: dict[str, QPushButton] = {}
        self.wipe()

    def show_theme(self, theme: str) -> None:
        """List the procedures of ``theme`` as tiles."""
        for other, button in self.theme_buttons.items():
            show_selected(button, other == theme)
        clear_layout(self.tiles)
        self.procedure_tiles = {}
        for procedure in self._catalogue.by_theme().get(theme, []):
            detail = tr_core(procedure.summary[0]) if procedure.summary else ""
            tile = tile_button(tr_core(procedure.title), detail, Pictogram(KINDS.get(theme, "")))
            tile.clicked.connect(lambda _checked=False, c=procedure.code: self.picked.emit(c))
            self.tiles.addWidget(tile)
            self.procedure_tiles[procedure.code] = tile
        self.hint.setVisible(True)

    def wipe(self) -> None:
        for button in self.theme_buttons.values():
            show_selected(button, False)
        clear_layout(self.tiles)
        self.procedure_tiles = {}
        self.hint.setVisible(False)

    def entered(self) -> None:
        """Focus on the title: no subject looks chosen before a tap; Tab goes on to them."""
        self.title.setFocus()
