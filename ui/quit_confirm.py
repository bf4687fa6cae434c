"""« Quitter la démarche » asks once, in plain words, before everything is wiped."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from ui.screens.common import big_button, text_label
from ui.veil import Veil


class QuitConfirmation(Veil):
    """« Tout effacer et revenir à l'accueil ? »: « Non, je continue » or « Oui, tout effacer »."""

    confirmed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, QCoreApplication.translate(
            "QuitConfirmation", "Tout effacer et revenir à l'accueil ?"))
        self.content.addWidget(text_label(self.tr(
            "Vos réponses et vos documents seront effacés. Rien ne sera envoyé.")))
        self.keep_button = big_button(
            self.tr("Non, je continue"), self.tr("Fermer cette question et reprendre la démarche"),
            "primary")
        self.quit_button = big_button(
            self.tr("Oui, tout effacer"),
            self.tr("Effacer la démarche en cours et revenir à l'accueil"), "danger")
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(self.keep_button)
        row.addStretch(1)
        row.addWidget(self.quit_button)
        self.content.addLayout(row)
        self.keep_button.clicked.connect(self.hide)
        self.quit_button.clicked.connect(self._confirm)

    def ask(self) -> None:
        self.open()
        self.keep_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _confirm(self) -> None:
        self.hide()
        self.confirmed.emit()
