"""Correcting a request the central service refused: the mediator's briefing.

The correction then walks the ordinary flow (questions, documents, summary,
consent, confirmation) on a session prefilled from the refused request
(``kiosk.correction``); the question and document screens show the server's
words on what it refused, as the core gives them, until it is changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.correction import Correction
from ui.i18n import tr_core
from ui.screens.common import Screen, big_button, clear_layout, text_label


def _show_lines(column: QVBoxLayout, lines: list[str], role: str) -> None:
    """Replace the contents of ``column`` by one wrapped bullet line per text."""
    clear_layout(column)
    for line in lines:
        column.addWidget(text_label(f"• {line}", role))


class CorrectionScreen(Screen):
    """What the server refused and how the correction goes; ``begin`` or ``back`` (to the queue)."""

    begin = Signal()
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Corriger une demande refusée"), parent)
        self.correction: Correction | None = None
        self.procedure_line = text_label("", "subtitle")
        self.body.addWidget(self.procedure_line)
        self.body.addWidget(text_label(self.tr("Ce que le service central a refusé"), "subtitle"))
        self.refusal_lines = QVBoxLayout()
        self.body.addLayout(self.refusal_lines)
        self.notes_title = text_label(self.tr("À savoir avant de commencer"), "subtitle")
        self.body.addWidget(self.notes_title)
        self.notes_lines = QVBoxLayout()
        self.body.addLayout(self.notes_lines)
        self.body.addWidget(text_label(self.tr("Comment faire"), "subtitle"))
        self.how = text_label("")
        self.body.addWidget(self.how)
        self.body.addStretch(1)
        self.back_button = big_button(
            self.tr("Retour à la file"), self.tr("Revenir à la file d'attente sans rien changer"))
        self.start_button = big_button(
            self.tr("Commencer la correction"),
            self.tr("Revoir la demande avec le demandeur, les réponses refusées signalées en rouge"),
            "primary")
        self.action_bar.addWidget(self.back_button)
        self.action_bar.addStretch(1)
        self.action_bar.addWidget(self.start_button)
        self.back_button.clicked.connect(self.back)
        self.start_button.clicked.connect(self.begin)

    def start(self, correction: Correction) -> None:
        self.correction = correction
        old = correction.old
        self.set_title(self.tr("Corriger la demande %s") % old.local_reference)
        self.procedure_line.setText(tr_core(correction.procedure.title))
        lines = correction.refusal.lines() or [
            old.last_error or self.tr("Le service central n'a pas donné de raison.")]
        _show_lines(self.refusal_lines, lines, "error")
        _show_lines(self.notes_lines, correction.notes, "")
        self.notes_title.setVisible(bool(correction.notes))
        self.how.setText("\n".join(f"• {line}" for line in (
            self.tr("Revoyez la demande avec le demandeur : les réponses et pièces refusées sont "
                    "signalées en rouge, les autres sont déjà remplies."),
            self.tr("Le demandeur relit le récapitulatif puis redonne son accord."),
            self.tr("La demande corrigée reçoit un nouveau numéro et un nouveau reçu ; elle remplace "
                    "la demande %s, qui ne sera jamais envoyée.") % old.local_reference,
        )))
        self.scroller.verticalScrollBar().setValue(0)
        self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def wipe(self) -> None:
        self.correction = None
        clear_layout(self.refusal_lines)
        clear_layout(self.notes_lines)
        self.procedure_line.clear()
