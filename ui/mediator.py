"""Mediator PIN login: pick your name, type your PIN on the digit pad.

The PIN check (scrypt, deliberately slow) runs in the background; the
directory locks an account after repeated wrong PINs and says so. A PIN typed
for a citizen signs the mediator in for the shift (``kiosk.shift``); their
space (queue, corrections, reports) asks it each time, their name chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from kiosk.flow import LoginPurpose
from kiosk.mediators import Mediator, MediatorDirectory, MediatorError
from ui.keyboard import KeyboardMode
from ui.screens.background import run_in_background
from ui.screens.common import MIN_TARGET_PX, Screen, big_button, clear_layout, name, show_selected, text_label

KeyboardHook = Callable[[QLineEdit, KeyboardMode], None]


class MediatorLoginScreen(Screen):
    """Emits ``logged_in(Mediator)`` or ``cancelled``; ``purpose`` says what follows the login."""

    logged_in = Signal(object)
    cancelled = Signal()

    def __init__(self, directory: MediatorDirectory, attach_keyboard: KeyboardHook | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Connexion du médiateur"), parent)
        self.directory = directory
        self.purpose: LoginPurpose = "assist"
        self.chosen = ""
        self.checking = False
        self.call_card = text_label("", "error")
        self.call_card.setVisible(False)
        self.body.addWidget(self.call_card)
        self.intro = text_label(self.tr("Touchez votre nom, puis tapez votre code."))
        self.body.addWidget(self.intro)
        self.names = QHBoxLayout()
        self.names.setSpacing(16)
        self.body.addLayout(self.names)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setMinimumHeight(MIN_TARGET_PX)
        self.pin.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]*"), self.pin))
        self.pin.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly
                                     | Qt.InputMethodHint.ImhSensitiveData)
        name(self.pin, self.tr("Code du médiateur"), self.tr("De 4 à 8 chiffres"))
        self.pin_label = text_label(self.tr("Code (4 à 8 chiffres)"), "subtitle")
        self.pin_label.setBuddy(self.pin)
        self.body.addWidget(self.pin_label)
        self.body.addWidget(self.pin)
        if attach_keyboard is not None:
            attach_keyboard(self.pin, "digits")
        self.error = text_label("", "error")
        self.error.setVisible(False)
        self.body.addWidget(self.error)
        self.body.addStretch(1)
        self.cancel_button = big_button(self.tr("Annuler"), self.tr("Revenir à l'écran précédent"))
        self.login_button = big_button(self.tr("Valider"), self.tr("Vérifier le code"), "primary")
        self.action_bar.addWidget(self.cancel_button)
        self.action_bar.addStretch(1)
        self.action_bar.addWidget(self.login_button)
        self.cancel_button.clicked.connect(self._cancel)
        self.login_button.clicked.connect(self.submit)
        self.pin.returnPressed.connect(self.submit)
        self.name_buttons: dict[str, QPushButton] = {}

    def show_call(self, card: str) -> None:
        """The call card: a person waits for a mediator (your PIN answers the call)."""
        self.call_card.setText(card + self.tr(" — votre code répond à l'appel.") if card else "")
        self.call_card.setAccessibleName(self.call_card.text())
        self.call_card.setVisible(bool(card))

    def start(self, purpose: LoginPurpose, signed_in: str | None = None) -> None:
        """List the accounts afresh; ``purpose``: assist a citizen, the queue, or take over.
        ``signed_in``: the mediator signed in for the shift, whose name is already chosen
        (their space still asks their PIN)."""
        self.purpose = purpose
        self.chosen = ""
        self.pin.clear()
        self._error("")
        clear_layout(self.names)
        self.name_buttons = {}
        try:
            mediators = self.directory.mediators()
        except MediatorError as exc:  # accounts file refused: say so rather than « aucun compte »
            self._error(str(exc))
            return
        for mediator in mediators:
            button = big_button(mediator.name, self.tr("Se connecter en tant que %s") % mediator.name)
            button.clicked.connect(lambda _checked=False, m=mediator.id: self.choose(m))
            self.names.addWidget(button)
            self.name_buttons[mediator.id] = button
        self.names.addStretch(1)
        if not mediators:
            self._error(self.tr(
                "Aucun compte médiateur n'existe sur cette borne. "
                "Demandez au support informatique d'en créer un."))
        if len(mediators) == 1 or signed_in in self.name_buttons:
            self.choose(signed_in if signed_in in self.name_buttons else mediators[0].id)
        elif mediators:
            self.name_buttons[mediators[0].id].setFocus(Qt.FocusReason.OtherFocusReason)

    def choose(self, mediator_id: str) -> None:
        self.chosen = mediator_id
        for other, button in self.name_buttons.items():
            show_selected(button, other == mediator_id)
        try:  # a locked account says how long it still waits before a PIN is even typed
            self._error(self.directory.lock_message(mediator_id) or "")
        except MediatorError as exc:
            self._error(str(exc))
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        """Check the PIN in the background."""
        if self.checking:
            return
        if not self.chosen:
            self._error(self.tr("Touchez d'abord votre nom."))
            return
        pin, mediator_id = self.pin.text(), self.chosen
        self.checking = True
        self.login_button.setEnabled(False)
        run_in_background(partial(self.directory.verify, mediator_id, pin), self._ok, self._refused)

    def _ok(self, mediator: Mediator) -> None:
        self.checking = False
        self.login_button.setEnabled(True)
        self.pin.clear()
        self.logged_in.emit(mediator)

    def _refused(self, error: BaseException) -> None:
        self.checking = False
        self.login_button.setEnabled(True)
        self.pin.clear()
        message = str(error) if isinstance(error, MediatorError) else self.tr(
            "La vérification du code a échoué. Réessayez.")
        self._error(message)
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def _error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _cancel(self) -> None:
        self.pin.clear()
        self.cancelled.emit()

    def wipe(self) -> None:
        self.pin.clear()
        self.chosen = ""
        self._error("")
