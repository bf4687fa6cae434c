"""The mediator's view of the local queue: state of every request and what to do about it.

Lists each submission with its state, attempts, dossier number and last
error. « Réessayer » puts a request set aside back in the queue,
« Réimprimer » prints the provisional receipt again, « Reçu final » prints
the acknowledgement once the central service gave a dossier number. The
list is read and every action run in the background.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.procedures import Catalogue
from kiosk.receipts import PrintError, ReceiptError
from offline_queue import STATE_LABELS_FR, Outbox, OutboxError, QueuedSubmission
from ui.screens.background import run_in_background
from ui.screens.common import Screen, StatusLine, big_button, clear_layout, text_label

PrintReceipt = Callable[[str, bool], None]


class QueueScreen(Screen):
    """Emits ``closed`` when the mediator leaves and ``sync_requested`` after a retry."""

    closed = Signal()
    sync_requested = Signal()

    def __init__(self, outbox: Outbox, catalogue: Catalogue, print_receipt: PrintReceipt,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("File d'attente des demandes"), parent)
        self.outbox = outbox
        self.catalogue = catalogue
        self._print = print_receipt
        self.status = StatusLine()
        self.body.addWidget(self.status)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(12)
        self.body.addLayout(self.rows)
        self.body.addStretch(1)
        self.close_button = big_button(self.tr("Fermer"), self.tr("Quitter l'espace médiateur"))
        self.refresh_button = big_button(self.tr("Actualiser"), self.tr("Relire la file d'attente"))
        self.sync_button = big_button(
            self.tr("Envoyer maintenant"), self.tr("Lancer l'envoi des demandes en attente"),
            "primary")
        self.action_bar.addWidget(self.close_button)
        self.action_bar.addStretch(1)
        self.action_bar.addWidget(self.refresh_button)
        self.action_bar.addWidget(self.sync_button)
        self.close_button.clicked.connect(self.closed)
        self.refresh_button.clicked.connect(self.refresh)
        self.sync_button.clicked.connect(self._sync)
        self.buttons: dict[tuple[str, str], QPushButton] = {}
        self.items: list[QueuedSubmission] = []

    def refresh(self) -> None:
        """Read the queue in the background, then redraw."""
        run_in_background(self.outbox.list_items, self._show, self._failed)

    def _show(self, items: list[QueuedSubmission]) -> None:
        self.items = sorted(items, key=lambda i: i.created_at, reverse=True)
        clear_layout(self.rows)
        self.buttons = {}
        if not self.items:
            self.rows.addWidget(text_label(self.tr("Aucune demande sur cette borne.")))
        for item in self.items:
            self.rows.addWidget(self._row(item))

    def _title(self, item: QueuedSubmission) -> str:
        procedure = self.catalogue.procedures.get(item.procedure_code)
        return procedure.title if procedure else item.procedure_code

    def _row(self, item: QueuedSubmission) -> QFrame:
        panel = QFrame()
        panel.setProperty("role", "panel")
        row = QHBoxLayout(panel)
        row.setContentsMargins(16, 12, 16, 12)
        text = QVBoxLayout()
        text.addWidget(text_label(f"{item.local_reference} — {self._title(item)}", "subtitle"))
        created = item.created_at.astimezone().strftime("%d/%m/%Y %H:%M")
        facts = [
            self.tr("État : %s") % STATE_LABELS_FR.get(item.state, item.state),
            self.tr("enregistrée le %s") % created,
            self.tr("essais : %d") % item.attempts,
        ]
        if item.dossier_number:
            facts.append(self.tr("dossier ANTS : %s") % item.dossier_number)
        text.addWidget(text_label(" · ".join(facts)))
        if item.last_error and item.state != "sent":
            text.addWidget(text_label(self.tr("Dernier problème : %s") % item.last_error, "error"))
        for detail in item.error_details:
            message = str(detail.get("message", ""))
            if message:
                text.addWidget(text_label(f"• {message}", "error"))
        row.addLayout(text, 1)
        actions = QVBoxLayout()
        where = f"{item.local_reference}"
        if item.state == "needs_attention":
            self._action(actions, item, "retry", self.tr("Réessayer"),
                         self.tr("Remettre la demande %s dans la file d'envoi") % where)
        self._action(actions, item, "reprint", self.tr("Réimprimer"),
                     self.tr("Imprimer de nouveau le reçu provisoire de %s") % where)
        if item.state == "sent":
            self._action(actions, item, "final", self.tr("Reçu final"),
                         self.tr("Imprimer l'accusé de réception de %s") % where)
        actions.addStretch(1)
        row.addLayout(actions)
        return panel

    def _action(self, column: QVBoxLayout, item: QueuedSubmission, action: str, label: str,
                description: str) -> None:
        button = big_button(label, description)
        button.setAccessibleName(f"{label} : {item.local_reference}")
        button.clicked.connect(lambda _checked=False, i=item.id, a=action: self.run(a, i))
        column.addWidget(button)
        self.buttons[(item.id, action)] = button

    def run(self, action: str, submission_id: str) -> None:
        """Do ``retry``, ``reprint`` or ``final`` for one submission, in the background."""
        work: Callable[[], object]
        if action == "retry":
            work = lambda: self.outbox.retry(submission_id)  # noqa: E731
            done = self.tr("La demande est remise dans la file : elle va être envoyée.")
        else:
            final = action == "final"
            work = lambda: self._print(submission_id, final)  # noqa: E731
            done = self.tr("Reçu envoyé à l'imprimante.")
        self._say(self.tr("En cours…"), "")
        run_in_background(work, lambda _r: self._action_done(action, done), self._failed)

    def _action_done(self, action: str, message: str) -> None:
        self._say(message, "success")
        if action == "retry":
            self.sync_requested.emit()
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, PrintError | ReceiptError):
            message = error.message
        elif isinstance(error, OutboxError):
            message = str(error)
        else:
            message = self.tr("L'action a échoué. Réessayez ; si cela dure, prévenez le support.")
        self._say(message, "error")

    def _say(self, text: str, role: str) -> None:
        self.status.say(text, role)

    def _sync(self) -> None:
        self._say(self.tr("Envoi demandé. La liste se met à jour dans un instant."), "")
        self.sync_requested.emit()

    def entered(self) -> None:
        self._say("", "")
        self.refresh()
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def wipe(self) -> None:
        clear_layout(self.rows)
        self.buttons = {}
        self.items = []
