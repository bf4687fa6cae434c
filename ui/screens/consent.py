"""The citizen's agreement, then the saving of the request in the local queue.

The request is written to the outbox in the background while the screen says
« Enregistrement… »; only when ``enqueue`` has returned does the flow go on to
the confirmation. On a full disk or any other error everything stays on the
screen with a French message and « Réessayer »: nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from kiosk.consent import ConsentText
from kiosk.session import ProcedureSession
from kiosk.validators import ValidationError
from offline_queue import OutboxError, QueuedSubmission
from ui.i18n import tr_core
from ui.screens.background import run_in_background
from ui.screens.common import Screen, StatusLine, big_button, text_label

Enqueue = Callable[..., QueuedSubmission]
"""``Outbox.enqueue(body, documents, receipt_fields=...)``."""


class ConsentScreen(Screen):
    """Shows the versioned consent text; accepting it saves the request: ``saving_started`` when the
    writing starts, then ``saved`` (the item) or ``save_failed`` (the message is on screen)."""

    saving_started = Signal()
    saved = Signal(object)
    save_failed = Signal()
    back = Signal()

    def __init__(self, consent: ConsentText, enqueue: Enqueue,
                 parent: QWidget | None = None) -> None:
        super().__init__(tr_core(consent.title), parent)
        self.consent = consent
        self._enqueue = enqueue
        self.session: ProcedureSession | None = None
        self.saving = False
        for paragraph in consent.paragraphs:
            self.body.addWidget(text_label(tr_core(paragraph)))
        self.status = StatusLine()
        self.body.addWidget(self.status)
        self.body.addStretch(1)
        self.back_button = big_button(self.tr("Retour"), self.tr("Revenir au récapitulatif"))
        self.accept_button = big_button(
            tr_core(consent.button),
            self.tr("Donner votre accord et enregistrer la demande sur la borne"),
            "primary",
        )
        self.action_bar.addWidget(self.back_button)
        self.action_bar.addStretch(1)
        self.action_bar.addWidget(self.accept_button)
        self.back_button.clicked.connect(self.back)
        self.accept_button.clicked.connect(self.accept)

    def start(self, session: ProcedureSession) -> None:
        self.session = session
        self._status("", "")
        self.accept_button.setText(tr_core(self.consent.button))
        self.accept_button.setAccessibleName(tr_core(self.consent.button))
        self.accept_button.setEnabled(True)
        self.back_button.setEnabled(True)
        self.accept_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        """Record the consent and save the request in the background."""
        if self.saving or self.session is None:
            return
        session = self.session
        session.give_consent(self.consent.version)
        try:
            body = session.to_submission()
        except ValidationError as exc:
            self._status(tr_core(exc.message), "error")
            return
        documents = list(session.documents.values())
        receipt_fields = session.procedure.receipt_snapshot_fields
        self.saving = True
        self.accept_button.setEnabled(False)
        self.back_button.setEnabled(False)
        self._status(self.tr("Enregistrement de votre demande… Merci de patienter."), "")
        self.saving_started.emit()
        run_in_background(
            partial(self._enqueue, body, documents, receipt_fields=receipt_fields),
            self._saved, self._failed)

    def _saved(self, item: QueuedSubmission) -> None:
        self.saving = False
        self.back_button.setEnabled(True)
        self.accept_button.setEnabled(True)
        self._status("", "")
        self.saved.emit(item)

    def _failed(self, error: BaseException) -> None:
        self.saving = False
        if isinstance(error, OutboxError):
            message = str(error)
        else:
            message = self.tr(
                "La demande n'a pas pu être enregistrée sur la borne. Rien n'est perdu : "
                "vos réponses sont toujours là. Touchez « Réessayer » ou appelez un médiateur."
            )
        self._status(message, "error")
        retry = self.tr("Réessayer l'enregistrement")
        self.accept_button.setText(retry)
        self.accept_button.setAccessibleName(retry)
        self.accept_button.setEnabled(True)
        self.back_button.setEnabled(True)
        self.accept_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.save_failed.emit()

    def _status(self, text: str, role: str) -> None:
        self.status.say(text, role)

    def wipe(self) -> None:
        self.session = None
        self._status("", "")
