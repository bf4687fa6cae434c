"""Last screen: thanks, and the promise that nothing of the citizen stays on screen."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from ui.autonomy import AutonomyPanel
from ui.screens.common import Screen, big_button, text_label


class EndScreen(Screen):
    """Goes back to the welcome screen (which wipes the session) on a tap."""

    home = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Merci, c'est terminé"), parent)
        self.body.addWidget(text_label(self.tr(
            "Gardez bien votre reçu : il prouve que votre demande est faite. "
            "Vos informations vont maintenant être effacées de l'écran.")))
        self.body.addWidget(text_label(self.tr(
            "Si vous avez une question, un médiateur du point numérique peut vous aider."), "help"))
        self.autonomy = AutonomyPanel()
        self.body.addWidget(self.autonomy)
        self.body.addStretch(1)
        self.home_button = big_button(
            self.tr("Retour à l'accueil"), self.tr("Effacer la session et revenir à l'accueil"),
            "primary")
        self.action_bar.addStretch(1)
        self.action_bar.addWidget(self.home_button)
        self.home_button.clicked.connect(self.home)

    def wipe(self) -> None:
        self.autonomy.ask(False)

    def entered(self) -> None:
        self.home_button.setFocus(Qt.FocusReason.OtherFocusReason)
