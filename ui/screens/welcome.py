"""Welcome screen: the citizen says whether a mediator is with them, then starts."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from ui.screens.common import Screen, big_button, set_choice, text_label


class WelcomeScreen(Screen):
    """Two big choices; the mediator's own space is a smaller button at the bottom."""

    with_mediator = Signal()
    alone = Signal()
    mediator_space = Signal()

    def __init__(self, site_name: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Bienvenue au point numérique"), parent)
        self.body.addWidget(text_label(site_name))
        self.body.addWidget(
            text_label(
                self.tr(
                    "Cette borne vous aide pour votre carte grise "
                    "ou votre permis de conduire. Nous irons pas à pas. "
                    "Vous pouvez revenir en arrière à tout moment."
                )
            )
        )
        self.body.addWidget(text_label(self.tr("Comment souhaitez-vous faire ?"), "subtitle"))
        choices = QHBoxLayout()
        choices.setSpacing(24)
        self.with_mediator_button = big_button(
            self.tr("Avec un médiateur"),
            self.tr("Un médiateur du point numérique vous accompagne. Il saisit son code."),
            "primary",
        )
        self.alone_button = big_button(
            self.tr("Seul(e)"),
            self.tr("Vous faites la démarche vous-même. Vous pouvez appeler un médiateur."),
            "primary",
        )
        for button in (self.with_mediator_button, self.alone_button):
            set_choice(button)
            choices.addWidget(button)
        self.body.addLayout(choices)
        self.problem = text_label("", "error")
        self.problem.setVisible(False)
        self.body.addWidget(self.problem)
        self.body.addStretch(1)
        self.mediator_button = big_button(
            self.tr("Espace médiateur"),
            self.tr("Réservé aux médiateurs : file d'attente des demandes et reçus."),
        )
        self.action_bar.addStretch(1)
        self.action_bar.addWidget(self.mediator_button)
        self.with_mediator_button.clicked.connect(self.with_mediator)
        self.alone_button.clicked.connect(self.alone)
        self.mediator_button.clicked.connect(self.mediator_space)

    def show_problem(self, message: str) -> None:
        """The kiosk could not finish starting: replace the choices by the reason."""
        for button in (self.with_mediator_button, self.alone_button, self.mediator_button):
            button.setVisible(False)
        self.problem.setText(message)
        self.problem.setVisible(True)

    def entered(self) -> None:
        """Focus on the title: neither choice looks picked in advance (a focused button is
        drawn filled), a screen reader reads the welcome, and Tab goes on to the choices."""
        self.title.setFocus()
