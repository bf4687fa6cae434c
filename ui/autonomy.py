"""The mediator's one tap at the end of an assisted visit: how autonomous the person was.

It feeds the visit's anonymous record (``kiosk.visits``: the report's autonomy chart and
the CRA export). It is asked of the mediator only, on the end screen of a visit a
mediator assisted or took over; a citizen alone never sees it.
"""

from __future__ import annotations

from typing import get_args

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.visits import Autonomy
from ui.screens.common import big_button, text_label


class AutonomyPanel(QFrame):
    """Three buttons; emits ``chosen(autonomy)`` once, then thanks the mediator."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "panel")
        column = QVBoxLayout(self)
        column.addWidget(text_label(self.tr("Pour le médiateur : la personne a fait sa démarche…"),
                                    "subtitle"))
        row = QHBoxLayout()
        labels: dict[str, str] = {
            "fully_accompanied": self.tr("Accompagnée de bout en bout"),
            "partly_autonomous": self.tr("En partie seule"),
            "autonomous": self.tr("Seule"),
        }
        assert set(labels) == set(get_args(Autonomy))
        self.buttons: dict[str, QPushButton] = {}
        for value, label in labels.items():
            button = big_button(label, self.tr("Autonomie de la personne : %s") % label)
            button.clicked.connect(lambda _checked=False, v=value: self._choose(v))
            row.addWidget(button)
            self.buttons[value] = button
        column.addLayout(row)
        self.thanks = text_label(self.tr("Noté pour le bilan d'activité. Merci."), "success")
        column.addWidget(self.thanks)
        self.ask(False)

    def ask(self, assisted: bool) -> None:
        """Shown, with its buttons live, only at the end of a visit a mediator assisted."""
        self.setVisible(assisted)
        for button in self.buttons.values():
            button.setEnabled(True)
        self.thanks.setVisible(False)

    def _choose(self, value: str) -> None:
        for button in self.buttons.values():
            button.setEnabled(False)
        self.thanks.setVisible(True)
        self.chosen.emit(value)
