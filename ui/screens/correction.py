"""Correcting a request the central service refused: the mediator's briefing, and the
step and document screens able to show the server's remarks.

The correction walks the ordinary flow (steps, documents, summary, consent,
confirmation) on a session prefilled from the refused request. The two
screens below are the ordinary ones plus one thing: a question or document the
server refused shows the server's words until it is changed. Without a
correction under way they behave exactly like their parents.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.correction import Correction, Remark
from ui.screens.common import Screen, big_button, clear_layout, text_label
from ui.screens.documents import DocumentsScreen
from ui.screens.steps import KeyboardHook, StepsScreen


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
        self.procedure_line.setText(correction.procedure.title)
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


class StepsWithRemarks(StepsScreen):
    """The steps screen; during a correction, a refused answer shows the server's words."""

    def __init__(self, attach_keyboard: KeyboardHook | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(attach_keyboard, parent)
        self.remarks: dict[str, Remark] = {}

    def set_remarks(self, remarks: Mapping[str, Remark]) -> None:
        self.remarks = dict(remarks)

    def pending_remarks(self) -> dict[str, str]:
        """Remarks on the fields shown whose answer has not been changed yet."""
        session = self._session()
        return {
            fld.id: remark.message
            for fld in session.fields()
            if (remark := self.remarks.get(fld.id)) is not None
            and session.answers.get(fld.id, "") == remark.value
        }

    def landing_question(self) -> str:
        """A step of a correction opens on its first refused question."""
        pending = self.pending_remarks() if self.remarks else {}
        return next((f for f in self.asked() if f in pending), super().landing_question())

    def _update_banner(self) -> None:
        pending = self.pending_remarks() if self.remarks and self.session is not None else {}
        for field_id, message in pending.items():
            widget = self.widgets.get(field_id)
            if widget is not None and not widget.error_label.text():
                widget.show_error(message)
        if self.field_id not in pending:
            self.errors_banner.setVisible(False)
            return
        others = len(pending) - 1
        self.errors_banner.setText(
            self.tr("Le service central a refusé cette réponse : corrigez-la avec le demandeur.")
            if others == 0
            else self.tr("Le service central a refusé cette réponse et %n autre(s) de cette étape : "
                         "corrigez-les avec le demandeur, une à une.").replace("%n", str(others)))
        self.errors_banner.setVisible(True)

    def wipe(self) -> None:
        self.remarks = {}
        super().wipe()


class DocumentsWithRemarks(DocumentsScreen):
    """The documents screen; during a correction, a refused document is named with the reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.remarks: dict[str, Remark] = {}

    def set_remarks(self, remarks: Mapping[str, Remark]) -> None:
        self.remarks = dict(remarks)

    def pending_remarks(self) -> dict[str, str]:
        """Remarks on documents asked for and not replaced since the refusal."""
        assert self.session is not None
        attached = self.session.documents
        return {
            spec.kind: remark.message
            for spec in self.session.required_documents()
            if (remark := self.remarks.get(spec.kind)) is not None
            and (attached[spec.kind].sha256 if spec.kind in attached else "") == remark.value
        }

    def rebuild(self) -> None:
        super().rebuild()
        if not self.remarks:
            return
        pending = self.pending_remarks()
        if pending:
            advice = self.tr("Touchez « Remplacer » pour numériser le document de nouveau, ou "
                             "gardez-le s'il est lisible et juste : il sera envoyé de nouveau.")
            self.banner.setText("\n".join([*pending.values(), advice]))
            self.banner.setVisible(True)

    def wipe(self) -> None:
        self.remarks = {}
        super().wipe()
