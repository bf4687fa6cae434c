"""Confirmation once the request is safely on disk, and the provisional receipt printing.

Shown only after ``outbox.enqueue`` returned. The receipt is printed in the
background; when the printer fails the citizen reads the mediator-facing
reason and can try again, and the reference number stays on screen to copy.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from kiosk.procedures import Procedure
from kiosk.receipts.errors import PrintError, ReceiptError
from offline_queue import QueuedSubmission
from ui.i18n import tr_core
from ui.screens.background import run_in_background
from ui.screens.common import Screen, StatusLine, big_button, text_label

PrintProvisional = Callable[[str], Callable[[], None]]
"""Called on the GUI thread: the printing job for one submission, bound to plain values."""


class ConfirmationScreen(Screen):
    """« Votre demande est enregistrée », the reference, what happens next, the receipt."""

    done = Signal()

    def __init__(self, print_provisional: PrintProvisional, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Votre demande est enregistrée"), parent)
        self._print = print_provisional
        self.item: QueuedSubmission | None = None
        self.printing = False
        self.saved_line = text_label("", "success")
        self.body.addWidget(self.saved_line)
        self.reference = text_label("", "subtitle")
        self.reference.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.body.addWidget(self.reference)
        self.dossier = text_label("")
        self.body.addWidget(self.dossier)
        self.body.addWidget(text_label(self.tr("Et maintenant ?"), "subtitle"))
        self.next_steps = text_label("")
        self.body.addWidget(self.next_steps)
        self.print_status = StatusLine()
        self.body.addWidget(self.print_status)
        self.body.addStretch(1)
        self.retry_button = big_button(
            self.tr("Réessayer l'impression"), self.tr("Imprimer à nouveau le reçu provisoire"))
        self.done_button = big_button(
            self.tr("J'ai terminé"), self.tr("Terminer et effacer la session"), "primary")
        self.action_bar.addWidget(self.retry_button)
        self.action_bar.addStretch(1)
        self.action_bar.addWidget(self.done_button)
        self.retry_button.clicked.connect(self.print_receipt)
        self.done_button.clicked.connect(self.done)

    def start(self, item: QueuedSubmission, procedure: Procedure) -> None:
        """Show the saved request and start printing its provisional receipt."""
        self.item = item
        self.saved_line.setText(self.tr(
            "Votre demande est gardée sur la borne. Elle sera envoyée à l'Agence (ANTS) dès que "
            "possible. Cela marche même si Internet est coupé pour le moment."))
        self.reference.setText(self.tr("Numéro d'enregistrement : %s") % item.local_reference)
        self.reference.setAccessibleName(self.reference.text())
        self.dossier.setText(self.tr("Numéro de dossier : attendu après l'envoi."))
        self.next_steps.setText("\n".join(f"• {tr_core(line)}" for line in procedure.next_steps))
        self.print_receipt()
        self.done_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def dossier_received(self, submission_id: str, dossier_number: str) -> None:
        """The central service acknowledged this request while the citizen is still here."""
        if self.item is not None and self.item.id == submission_id:
            self.dossier.setText(self.tr("Numéro de dossier (ANTS) : %s") % dossier_number)

    def print_receipt(self) -> None:
        """Print the provisional receipt in the background."""
        if self.item is None or self.printing:
            return
        self.printing = True
        self.retry_button.setVisible(False)
        self._status(self.tr("Impression de votre reçu…"), "")
        submission_id = self.item.id
        run_in_background(self._print(submission_id), self._printed, self._print_failed)

    def _printed(self, _result: object) -> None:
        self.printing = False
        self._status(self.tr("Votre reçu est imprimé. Prenez-le dans l'imprimante et gardez-le."),
                     "success")

    def _print_failed(self, error: BaseException) -> None:
        self.printing = False
        if isinstance(error, PrintError | ReceiptError):
            reason = tr_core(error.message)
        else:
            reason = self.tr("Le reçu n'a pas pu être imprimé.")
        self._status(self.tr(
            "%1 Votre demande est bien enregistrée. Notez le numéro ci-dessus ou appelez un médiateur."
        ).replace("%1", reason), "error")
        self.retry_button.setVisible(True)
        self.retry_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _status(self, text: str, role: str) -> None:
        self.print_status.say(text, role)

    def wipe(self) -> None:
        self.item = None
        for label in (self.saved_line, self.reference, self.dossier, self.next_steps):
            label.clear()
        self._status("", "")
