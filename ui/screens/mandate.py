"""« Le mandat à signer »: the kiosk prints the mandate in two copies, both people sign.

Shown after the questions when someone acts with a mandate: the text is on screen
in large letters, « Imprimer le mandat » prints it (in the background), then the
documents page asks for one signed copy, scanned.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.receipts.errors import PrintError
from kiosk.representative import MandateText
from ui.i18n import tr_core
from ui.screens.background import run_in_background
from ui.screens.common import Screen, StatusLine, big_button, clear_layout, text_label

PrintMandate = Callable[[MandateText], None]
"""Runs on a pool thread: lays the mandate out and prints it; ``PrintError`` in French."""


class MandateScreen(Screen):
    """Emits ``done`` (« Continuer ») or ``back``."""

    done = Signal()
    back = Signal()

    def __init__(self, print_mandate: PrintMandate, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Le mandat à signer"), parent)
        self._print = print_mandate
        self.mandate: MandateText | None = None
        self._entry = 0
        self.body.addWidget(text_label(self.tr(
            "La borne imprime le mandat en deux exemplaires. Vous le signez tous les deux : "
            "vous et la personne. Chacun garde un exemplaire. Ensuite, vous numérisez un "
            "exemplaire signé.")))
        self.sheet = QFrame()
        self.sheet.setObjectName("mandateSheet")
        self.sheet.setFrameShape(QFrame.Shape.Box)
        self.text = QVBoxLayout(self.sheet)
        self.text.setContentsMargins(16, 12, 16, 12)
        self.body.addWidget(self.sheet)
        self.status = StatusLine()
        self.body.addWidget(self.status)
        self.body.addStretch(1)
        self.back_button = big_button(self.tr("Retour"), self.tr("Revenir à la dernière question"))
        self.print_button = big_button(
            self.tr("Imprimer le mandat"), self.tr("Imprimer le mandat en deux exemplaires"),
            "primary")
        self.next_button = big_button(
            self.tr("Continuer"), self.tr("Passer aux documents, pour numériser le mandat signé"))
        self.action_bar.addWidget(self.back_button)
        self.action_bar.addStretch(1)
        self.action_bar.addWidget(self.print_button)
        self.action_bar.addWidget(self.next_button)
        self.back_button.clicked.connect(self.back)
        self.print_button.clicked.connect(self.print_mandate)
        self.next_button.clicked.connect(self.done)

    def start(self, mandate: MandateText) -> None:
        self.mandate = mandate
        self._entry += 1
        clear_layout(self.text)
        self.text.addWidget(text_label(mandate.title, "subtitle"))
        for paragraph in mandate.paragraphs:
            self.text.addWidget(text_label(paragraph))
        self.status.say("")

    def print_mandate(self) -> None:
        if self.mandate is None:
            return
        self.print_button.setEnabled(False)
        self.status.say(self.tr("Impression du mandat…"))
        entry = self._entry
        run_in_background(partial(self._print, self.mandate), partial(self._printed, entry),
                          partial(self._failed, entry))

    def _printed(self, entry: int, _result: object) -> None:
        if entry != self._entry:
            return  # the citizen left meanwhile
        self.print_button.setEnabled(True)
        self.status.say(self.tr("Le mandat est imprimé. Signez les deux exemplaires, puis "
                                "touchez « Continuer »."), "success")
        self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, entry: int, error: BaseException) -> None:
        if entry != self._entry:
            return
        self.print_button.setEnabled(True)
        message = tr_core(error.message) if isinstance(error, PrintError) else self.tr(
            "Le mandat n'a pas pu être imprimé. Appelez un médiateur.")
        self.status.say(message, "error")

    def entered(self) -> None:
        self.print_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def wipe(self) -> None:
        self._entry += 1
        self.mandate = None
        clear_layout(self.text)
        self.status.say("")
