"""Welcome screen: the citizen says whether a mediator is with them, then starts.

A mediator signed in for the shift (``kiosk.shift``) starts the next visit in one tap,
« Commencer avec <nom> », in place of « Avec un médiateur » and its PIN; « Fin de
service » signs them out.

It says nothing of anyone before: no count of requests, no name. The language switch
offers each language with a catalogue, written in that language; the next citizen starts
in French again (the window sets it back on each return here).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ui.i18n import available_languages, current_language, language_name
from ui.screens.common import Screen, big_button, name, set_choice, show_selected, text_label


class WelcomeScreen(Screen):
    """Two big choices; the language switch above them; the mediator's space at the bottom."""

    with_mediator = Signal()
    start_signed_in = Signal()
    end_shift = Signal()
    alone = Signal()
    mediator_space = Signal()
    look_up = Signal()
    language_chosen = Signal(str)

    def __init__(self, site_name: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Bienvenue au point numérique"), parent)
        self.set_site(site_name)
        self.body.addWidget(
            text_label(
                self.tr(
                    "Cette borne vous aide pour votre carte grise "
                    "ou votre permis de conduire. Nous irons pas à pas. "
                    "Vous pouvez revenir en arrière à tout moment."
                )
            )
        )
        self.language_buttons: dict[str, QPushButton] = {}
        languages = QHBoxLayout()
        languages.setSpacing(16)
        for code in available_languages():
            button = big_button(language_name(code), self.tr("Changer la langue de la borne"))
            show_selected(button, code == current_language())
            button.clicked.connect(lambda _checked=False, c=code: self.language_chosen.emit(c))
            self.language_buttons[code] = button
            languages.addWidget(button)
        languages.addStretch(1)
        if len(self.language_buttons) > 1:
            self.body.addLayout(languages)
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
        self.signed_in_button = big_button("", "", "primary")
        for button in (self.with_mediator_button, self.signed_in_button, self.alone_button):
            set_choice(button)
            choices.addWidget(button)
        self.body.addLayout(choices)
        self.end_shift_button = big_button(  # its words name the mediator (show_signed_in)
            "",
            self.tr("Ce n'est plus moi : le médiateur se déconnecte. Le prochain devra "
                    "saisir son code."))
        shift_row = QHBoxLayout()
        shift_row.addWidget(self.end_shift_button)
        shift_row.addStretch(1)
        self.body.addLayout(shift_row)
        self.body.addWidget(text_label(self.tr(
            "Vous revenez avec un reçu ? Montrez son code carré au lecteur, ou touchez "
            "« Où en est ma demande ? » en bas de l'écran.")))
        self.problem = text_label("", "error")
        self.problem.setVisible(False)
        self.body.addWidget(self.problem)
        self.body.addStretch(1)
        self.mediator_button = big_button(
            self.tr("Espace médiateur"),
            self.tr("Réservé aux médiateurs : file d'attente des demandes et reçus."),
        )
        self.look_up_button = big_button(
            self.tr("Où en est ma demande ?"),
            self.tr("Retrouver une demande déjà faite, avec le reçu"),
        )
        self.action_bar.addWidget(self.look_up_button)
        self.action_bar.addStretch(1)
        self.action_bar.addWidget(self.mediator_button)
        self.look_up_button.clicked.connect(self.look_up)
        self.with_mediator_button.clicked.connect(self.with_mediator)
        self.signed_in_button.clicked.connect(self.start_signed_in)
        self.end_shift_button.clicked.connect(self.end_shift)
        self.show_signed_in(None)
        self.alone_button.clicked.connect(self.alone)
        self.mediator_button.clicked.connect(self.mediator_space)

    def set_site(self, site_name: str) -> None:
        """The header shows the site's name; a screen reader hears it with the welcome."""
        self.title.setAccessibleDescription(site_name)

    def show_signed_in(self, mediator_name: str | None) -> None:
        """« Commencer avec <nom> » and « Fin de service » while a mediator is signed in for
        the shift; « Avec un médiateur » otherwise."""
        self.signed_name = mediator_name
        if mediator_name is not None:
            text = self.tr("Commencer avec %s") % mediator_name
            self.signed_in_button.setText(text)
            name(self.signed_in_button, text, self.tr(
                "Le médiateur déjà connecté vous accompagne, sans ressaisir son code."))
            end_text = self.tr("Fin de service de %s") % mediator_name
            self.end_shift_button.setText(end_text)
            name(self.end_shift_button, end_text, self.end_shift_button.accessibleDescription())
        if not self.problem.isHidden():  # the kiosk could not start: no choice to offer
            return
        self.with_mediator_button.setVisible(mediator_name is None)
        self.signed_in_button.setVisible(mediator_name is not None)
        self.end_shift_button.setVisible(mediator_name is not None)

    def show_problem(self, message: str) -> None:
        """The kiosk could not finish starting: replace the choices by the reason."""
        for button in (self.with_mediator_button, self.alone_button, self.mediator_button,
                       self.look_up_button, self.signed_in_button, self.end_shift_button):
            button.setVisible(False)
        self.problem.setText(message)
        self.problem.setVisible(True)

    def entered(self) -> None:
        """Focus on the title: neither choice looks picked in advance (a focused button is
        drawn filled), a screen reader reads the welcome, and Tab goes on to the choices."""
        self.title.setFocus()
