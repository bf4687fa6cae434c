"""Confirmation once the request is safely on disk, and the right receipt printed.

Shown only after ``outbox.enqueue`` returned. For a few seconds (``printer.ack_wait_s``) it
waits for the central service's acknowledgement: in time, the accusé de réception with the
dossier number is printed; else the accusé d'enregistrement, worded for a request still
waiting (:mod:`kiosk.receipts.acknowledgement` decides, so screen, banner and receipt agree).
An acknowledgement that comes later offers the accusé de réception. The receipt is printed in
the background; when the printer fails the citizen reads the reason and can try again, and
the reference number stays on screen to copy.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.payment import Payment
from kiosk.receipts.acknowledgement import AwaitedAcknowledgement
from kiosk.receipts.errors import PrintError, ReceiptError
from offline_queue import QueuedSubmission
from ui.i18n import tr_core
from ui.screens.background import run_in_background
from ui.screens.common import Screen, StatusLine, big_button, clear_layout, text_label
from ui.screens.requirements import callout

PrintReceipt = Callable[[str, bool], Callable[[], None]]
"""Called on the GUI thread: the printing job for one submission (final or not), bound to
plain values."""


class ConfirmationScreen(Screen):
    """« Votre demande est enregistrée », the reference, what happens next, the receipt."""

    done = Signal()

    def __init__(self, print_receipt: PrintReceipt, wait_s: float = 0.0,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Votre demande est enregistrée"), parent)
        self._print = print_receipt
        self.item: QueuedSubmission | None = None
        self.awaited: AwaitedAcknowledgement | None = None
        self.printing = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(wait_s * 1000))
        self.timer.timeout.connect(self._time_up)
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
        self.payment = QVBoxLayout()
        self.body.addLayout(self.payment)
        self.print_status = StatusLine()
        self.body.addWidget(self.print_status)
        self.body.addStretch(1)
        self.retry_button = big_button(
            self.tr("Réessayer l'impression"), self.tr("Imprimer à nouveau le reçu"))
        self.final_button = big_button(
            self.tr("Imprimer l'accusé de réception"),
            self.tr("Imprimer le reçu avec le numéro de dossier"))
        self.final_button.setVisible(False)
        self.action_bar.addWidget(self.final_button)
        self.done_button = big_button(
            self.tr("J'ai terminé"), self.tr("Terminer et effacer la session"), "primary")
        self.action_bar.addWidget(self.retry_button)
        self.action_bar.addStretch(1)
        self.action_bar.addWidget(self.done_button)
        self.retry_button.clicked.connect(self.print_receipt)
        self.final_button.clicked.connect(self.print_receipt)
        self.done_button.clicked.connect(self._leave)

    def start(self, item: QueuedSubmission, next_steps: tuple[str, ...],
              payment: Payment | None = None) -> None:
        """Show the saved request, wait a little for the service's answer, then print."""
        self.item = item
        clear_layout(self.payment)
        for heading, lines in payment.sentences() if payment is not None and not payment.free else ():
            self.payment.addWidget(callout(heading, lines))
        self.awaited = AwaitedAcknowledgement(item.id, item.dossier_number)
        self.reference.setText(self.tr("Votre référence : %s") % item.local_reference)
        self.reference.setAccessibleName(self.reference.text())
        self.next_steps.setText("\n".join(f"• {tr_core(line)}" for line in next_steps))
        self.final_button.setVisible(False)
        self.retry_button.setVisible(False)
        self._show_state()
        if self.awaited.state == "waiting" and self.timer.interval() > 0:
            self._status(self.tr("Nous attendons la réponse du service pour imprimer votre reçu…"), "")
            self.timer.start()
        else:
            self._time_up()
        self.done_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _leave(self) -> None:
        """« J'ai terminé » during the wait: nobody leaves without a receipt; the one the
        state calls for now (provisional) is printed before the page goes."""
        if self.timer.isActive():
            self.timer.stop()
            self._time_up()
        self.done.emit()

    def _show_state(self) -> None:
        assert self.awaited is not None
        self.saved_line.setText(tr_core(self.awaited.banner()))
        self.dossier.setText(tr_core(self.awaited.dossier_line()))
        self.dossier.setProperty("role", "subtitle" if self.awaited.final else "")
        self.dossier.style().polish(self.dossier)

    def _time_up(self) -> None:
        if self.awaited is not None and (self.awaited.time_up() or self.awaited.final):
            self._show_state()
            self.print_receipt()

    def dossier_received(self, submission_id: str, dossier_number: str) -> None:
        """The central service acknowledged a request: if it is this one, say so; in time,
        its accusé de réception is printed, later it is offered."""
        awaited = self.awaited
        if awaited is None or not awaited.acknowledged(submission_id, dossier_number):
            return
        self._show_state()
        if self.timer.isActive():
            self.timer.stop()
            self.print_receipt()
        else:
            self.final_button.setVisible(True)

    def print_receipt(self) -> None:
        """Print the receipt the state calls for, in the background."""
        if self.item is None or self.awaited is None or self.printing:
            return
        self.printing = True
        self.retry_button.setVisible(False)
        self.final_button.setVisible(False)
        self._status(self.tr("Impression de votre reçu…"), "")
        run_in_background(self._print(self.item.id, self.awaited.final), self._printed,
                          self._print_failed)

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
        self.timer.stop()
        clear_layout(self.payment)
        self.item = None
        self.awaited = None
        self.final_button.setVisible(False)
        for label in (self.saved_line, self.reference, self.dossier, self.next_steps):
            label.clear()
        self._status("", "")
