"""« Pour qui faites-vous cette démarche ? »: asked at the start of every procedure.

Four large tiles (the core's ``kiosk.representative.CHOICES``): oneself, a person one
helps with their mandate, a person under one's guardianship or curatorship, a
deceased person whose heir one is. What follows (both identities, the proof, the
wording of the questions) is decided by the core from the tile touched.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.representative import CHOICES
from ui.i18n import tr_core
from ui.screens.common import Screen, big_button, text_label, tile_button


class ForWhomScreen(Screen):
    """Emits ``chosen(value)`` with one of ``CHOICES``' values, or ``back``."""

    chosen = Signal(str)
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Pour qui faites-vous cette démarche ?"), parent)
        self.body.addWidget(text_label(self.tr(
            "Vous pouvez faire la démarche pour vous, ou pour une autre personne. "
            "Touchez la bonne réponse.")))
        self.choice_buttons: dict[str, QPushButton] = {}
        for choice in CHOICES:
            tile = tile_button(tr_core(choice.title), tr_core(choice.detail))
            tile.clicked.connect(lambda _checked=False, v=choice.value: self.chosen.emit(v))
            self.body.addWidget(tile)
            self.choice_buttons[choice.value] = tile
        self.body.addStretch(1)
        self.back_button = big_button(self.tr("Retour"), self.tr("Choisir une autre démarche"))
        self.action_bar.addWidget(self.back_button)
        self.action_bar.addStretch(1)
        self.back_button.clicked.connect(self.back)

    def entered(self) -> None:
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
