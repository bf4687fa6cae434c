"""The mediator's view of the local queue: state of every request and what to do about it.

Lists each submission with its state, attempts, dossier number and last
error. A request the central service refused shows the server's reasons tied
to the questions and documents they are about; « Corriger » goes through it
again with the citizen (a new request replacing it), « Réessayer » sends it
again unchanged (only useful when the cause was fixed elsewhere).
« Réimprimer » prints the provisional receipt again, « Reçu final » prints
the acknowledgement once the central service gave a dossier number, and
« Où en est-elle ? » asks the central service where that dossier stands (the
answer, or why there is none, stays under the request). A replaced request
says by which one. « Activité de la borne » opens the counts of the last days.
The list is read, and every action and question run, in the background.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.correction import Refusal, read_refusal
from kiosk.dossier_status import DossierStatus
from kiosk.paris_time import paris_text
from kiosk.procedures import Catalogue
from kiosk.receipts.errors import PrintError, ReceiptError
from kiosk.retention import RefusalClock
from offline_queue import STATE_LABELS_FR, Outbox, OutboxError, QueuedSubmission
from offline_queue.sync import SyncError
from ui.i18n import tr_core
from ui.screens.background import run_in_background
from ui.screens.common import FlowRow, Screen, StatusLine, big_button, clear_layout, text_label

log = logging.getLogger(__name__)

PrintReceipt = Callable[[str, bool], Callable[[], None]]
"""Called on the GUI thread: the printing job (id, final receipt?), bound to plain values."""
AskStatus = Callable[[str], DossierStatus]
"""(submission id) -> where its dossier stands; raises ``SyncError`` with a French message."""


Listing = tuple[list[QueuedSubmission], dict[str, list[str]]]
"""The queue's items, and the document kinds of each refused one (for ``documents[i]`` errors)."""


def _read(outbox: Outbox) -> Listing:
    """Runs in the background: the queue and the document kinds of each refused request."""
    items = outbox.list_items()
    kinds = {
        item.id: [doc.kind for doc in outbox.documents(item.id)]
        for item in items
        if item.state == "needs_attention" and not item.replaced
    }
    return items, kinds


QueueAction = Literal["correct", "retry", "status", "reprint", "final"]
"""What a request's buttons in the queue do."""


class QueueScreen(Screen):
    """Emits ``closed`` when the mediator leaves, ``sync_requested`` after a retry,
    ``correct(submission id)`` for « Corriger » and ``activity_requested`` for the counts.
    Without ``ask_status`` (no central service to ask) there is no « Où en est-elle ? »."""

    closed = Signal()
    sync_requested = Signal()
    correct = Signal(str)
    activity_requested = Signal()

    def __init__(self, outbox: Outbox, catalogue: Catalogue, print_receipt: PrintReceipt,
                 ask_status: AskStatus | None = None, refusal_clock: RefusalClock | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("File d'attente des demandes"), parent)
        self.outbox = outbox
        self._clock = refusal_clock
        self.catalogue = catalogue
        self._print = print_receipt
        self._ask_status = ask_status
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
        self.activity_button = big_button(
            self.tr("Activité de la borne"),
            self.tr("Combien de demandes cette borne a enregistrées, sans données personnelles"))
        self.action_bar.addWidget(self.close_button)
        self.action_bar.addStretch(1)
        tools = QWidget()  # on two lines in a portrait tower with larger text, never cut
        tools_row = FlowRow(tools)
        tools_row.setContentsMargins(0, 0, 0, 0)
        for button in (self.activity_button, self.refresh_button, self.sync_button):
            tools_row.addWidget(button)
        self.action_bar.addWidget(tools)
        self.close_button.clicked.connect(self.closed)
        self.refresh_button.clicked.connect(self.refresh)
        self.sync_button.clicked.connect(self._sync)
        self.activity_button.clicked.connect(self.activity_requested)
        self.buttons: dict[tuple[str, str], QPushButton] = {}
        self.items: list[QueuedSubmission] = []
        self.kinds: dict[str, list[str]] = {}
        self.answers: dict[str, tuple[str, str]] = {}
        """What « Où en est-elle ? » got, by submission id: (text, StatusLine kind)."""
        self.answer_lines: dict[str, StatusLine] = {}
        """The line under each request that can be asked about (rebuilt with the list)."""
        self.asking: set[str] = set()
        self._visit = 0
        """Counts wipes: an answer arriving after the mediator left is dropped."""
        self._shown: Listing | None = None
        self._soon: set[str] = set()

    def refresh(self) -> None:
        """Read the queue in the background, then redraw."""
        run_in_background(partial(_read, self.outbox), self._show, self._failed)

    def _show(self, listing: Listing) -> None:
        """Redraw, unless nothing changed: the status line and the screen's entry both ask
        for a reading, and rows rebuilt for nothing would move buttons under a finger."""
        items, kinds = listing
        if self._shown == listing:
            return
        self._shown = listing
        self.kinds = kinds
        self.items = sorted(items, key=lambda i: i.created_at, reverse=True)
        clear_layout(self.rows)
        self.buttons = {}
        self.answer_lines = {}
        if not self.items:
            self.rows.addWidget(text_label(self.tr("Aucune demande sur cette borne.")))
        self._soon = self._soon_erased()
        soon = len(self._soon)
        if soon:
            warning = (self.tr("Attention : une demande refusée sera bientôt effacée si personne "
                               "ne la corrige.") if soon == 1 else
                       self.tr("Attention : %d demandes refusées seront bientôt effacées si "
                               "personne ne les corrige.") % soon)
            self.rows.addWidget(text_label(warning, "error"))
        for item in self.items:
            self.rows.addWidget(self._row(item))

    def _soon_erased(self) -> set[str]:
        """The refused requests erased soon, by one reading of the clock for the whole list."""
        if self._clock is None:
            return set()
        now = datetime.now(UTC)
        return {item.id for item in self.items if self._clock.soon(item, now)}

    def refusal(self, item: QueuedSubmission) -> Refusal:
        """The server's reasons for refusing ``item``, tied to its questions and documents."""
        procedure = self.catalogue.procedures.get(item.procedure_code)
        return read_refusal(item.error_details, procedure, self.kinds.get(item.id, []))

    def _title(self, item: QueuedSubmission) -> str:
        procedure = self.catalogue.procedures.get(item.procedure_code)
        return tr_core(procedure.title) if procedure else item.procedure_code

    def _row(self, item: QueuedSubmission) -> QFrame:
        panel = QFrame()
        panel.setProperty("role", "panel")
        row = QHBoxLayout(panel)
        row.setContentsMargins(16, 12, 16, 12)
        text = QVBoxLayout()
        text.addWidget(text_label(f"{item.local_reference} — {self._title(item)}", "subtitle"))
        created = paris_text(item.created_at)
        state = STATE_LABELS_FR.get(item.state, item.state)
        if item.replaced:
            state = self.tr("remplacée par %s") % item.superseded_by_reference
        facts = [
            self.tr("État : %s") % state,
            self.tr("enregistrée le %s") % created,
        ]
        if item.attempts:
            facts.append(self.tr("essais : %d") % item.attempts)
        if item.dossier_number:
            facts.append(self.tr("dossier ANTS : %s") % item.dossier_number)
        text.addWidget(text_label(" · ".join(facts)))
        if item.supersedes:
            corrected = next((i.local_reference for i in self.items if i.id == item.supersedes),
                             item.supersedes)
            text.addWidget(text_label(self.tr("Correction de la demande %s") % corrected, "help"))
        to_correct = item.state == "needs_attention" and not item.replaced and not item.purged
        erased_on = self._clock.erased_on(item) if self._clock else None
        if erased_on is not None:
            text.addWidget(text_label(
                self.tr("Sera effacée le %s si personne ne la corrige.") % paris_text(erased_on),
                "error" if item.id in self._soon else "help"))
        if item.state == "needs_attention" and item.purged and not item.replaced:
            text.addWidget(text_label(self.tr(
                "Effacée : personne ne l'a corrigée à temps. Refaites la demande avec le demandeur "
                "s'il revient."), "help"))
        elif item.replaced:
            text.addWidget(text_label(self.tr(
                "Corrigée avec le demandeur : c'est la demande %s qui est envoyée, celle-ci ne le "
                "sera jamais.") % item.superseded_by_reference, "help"))
        elif item.last_error and item.state != "sent":
            text.addWidget(text_label(self.tr("Dernier problème : %s") % item.last_error, "error"))
        if to_correct:
            refusal = self.refusal(item)
            for line in refusal.lines():
                text.addWidget(text_label(f"• {line}", "error"))
            text.addWidget(text_label(self._advice(refusal), "help"))
        askable = self._askable(item)
        if askable:
            answer_line = StatusLine()
            answer_line.say(*self.answers.get(item.id, ("", "")))
            text.addWidget(answer_line)
            self.answer_lines[item.id] = answer_line
        row.addLayout(text, 1)
        actions = QVBoxLayout()
        where = f"{item.local_reference}"
        if to_correct:
            self._action(actions, item, "correct", self.tr("Corriger"),
                         self.tr("Revoir la demande %s avec le demandeur et la renvoyer corrigée")
                         % where, "primary")
            self._action(actions, item, "retry", self.tr("Réessayer"),
                         self.tr("Renvoyer la demande %s telle quelle, sans rien changer") % where)
        if askable:
            self._action(actions, item, "status", self.tr("Où en est-elle ?"),
                         self.tr("Demander au service central où en est le dossier de %s")
                         % where)
        if not item.replaced:
            self._action(actions, item, "reprint", self.tr("Réimprimer"),
                         self.tr("Imprimer de nouveau le reçu provisoire de %s") % where)
        if item.state == "sent":
            self._action(actions, item, "final", self.tr("Reçu final"),
                         self.tr("Imprimer l'accusé de réception de %s") % where)
        actions.addStretch(1)
        row.addLayout(actions)
        return panel

    def _askable(self, item: QueuedSubmission) -> bool:
        """Only a request the central service numbered can be asked about."""
        return bool(item.dossier_number) and self._ask_status is not None

    def _advice(self, refusal: Refusal) -> str:
        """Which of « Corriger » and « Réessayer » fits this refusal."""
        if refusal.answers or refusal.documents:
            return self.tr(
                "Touchez « Corriger » pour revoir ces réponses ou pièces avec le demandeur. "
                "« Réessayer » renverrait la même demande, qui serait refusée de nouveau.")
        return self.tr(
            "« Corriger » refait la demande avec le demandeur sous un nouveau numéro. "
            "« Réessayer » la renvoie telle quelle : seulement si l'assistance informatique a réglé "
            "le problème.")

    def _action(self, column: QVBoxLayout, item: QueuedSubmission, action: QueueAction, label: str,
                description: str, role: str = "secondary") -> None:
        button = big_button(label, description, role)
        button.setAccessibleName(f"{label} : {item.local_reference}")
        button.clicked.connect(lambda _checked=False, i=item.id, a=action: self.run(a, i))
        column.addWidget(button)
        self.buttons[(item.id, action)] = button

    def run(self, action: QueueAction, submission_id: str) -> None:
        """Do ``correct``, ``status`` (ask), or ``retry``, ``reprint``, ``final`` in the background,
        for one submission."""
        if action == "correct":
            self._say(self.tr("Préparation de la correction…"), "")
            self.correct.emit(submission_id)
            return
        if action == "status":
            self.ask(submission_id)
            return
        work: Callable[[], object]
        if action == "retry":
            work = partial(self.outbox.retry, submission_id)
            done = self.tr("La demande est remise dans la file : elle va être envoyée.")
        else:
            work = self._print(submission_id, action == "final")
            done = self.tr("Reçu envoyé à l'imprimante.")
        self._say(self.tr("En cours…"), "")
        run_in_background(work, lambda _r: self._action_done(action, done), self._failed)

    def ask(self, submission_id: str) -> None:
        """« Où en est-elle ? »: ask the central service in the background, answer under the
        request (a second tap while the first question runs is ignored)."""
        if self._ask_status is None or submission_id in self.asking:
            return
        ask_status = self._ask_status
        self.asking.add(submission_id)
        self._answer(submission_id, self.tr("Question posée au service central…"), "")
        visit = self._visit
        run_in_background(
            partial(ask_status, submission_id),
            lambda status: self._answered(visit, submission_id, status.sentence(), ""),
            lambda error: self._answered(visit, submission_id, self._no_answer(error), "error"))

    def _no_answer(self, error: BaseException) -> str:
        """Why the central service gave no answer, in the sync client's words when it has some."""
        if isinstance(error, SyncError):
            reason = str(error)
        else:
            log.error("dossier status question failed: %s", type(error).__name__)
            reason = self.tr("une erreur inattendue s'est produite ; si cela dure, prévenez le "
                             "support.")
        return self.tr("Impossible de savoir où en est le dossier pour l'instant : %s") % reason

    def _answered(self, visit: int, submission_id: str, text: str, kind: str) -> None:
        if visit == self._visit:  # else the mediator left meanwhile: the screen was wiped
            self.asking.discard(submission_id)
            self._answer(submission_id, text, kind)

    def _answer(self, submission_id: str, text: str, kind: str) -> None:
        self.answers[submission_id] = (text, kind)
        line = self.answer_lines.get(submission_id)
        if line is not None:
            line.say(text, kind)

    def _action_done(self, action: QueueAction, message: str) -> None:
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

    def correction_failed(self, message: str) -> None:
        """« Corriger » could not begin: say why, stay on the queue."""
        self._say(message, "error")

    def _sync(self) -> None:
        self._say(self.tr("Envoi demandé. La liste se met à jour dans un instant."), "")
        self.sync_requested.emit()

    def sync_reported(self, online: bool) -> None:
        """A sync pass ended: « Envoi demandé » no longer holds; offline, say what happens."""
        if self.status.text() == self.tr("Envoi demandé. La liste se met à jour dans un instant."):
            self._say("" if online else self.tr(
                "Hors ligne : les demandes restent sur la borne. Elles partiront quand le "
                "réseau reviendra."), "")

    def entered(self) -> None:
        self._say("", "")
        self.refresh()
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def wipe(self) -> None:
        self._shown = None
        clear_layout(self.rows)
        self.buttons = {}
        self.items = []
        self.kinds = {}
        self.answers = {}
        self.answer_lines = {}
        self.asking = set()
        self._visit += 1
