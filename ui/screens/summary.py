"""Summary of the request before consent: every answer and document, each section with « Modifier »."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.flow import DOCUMENTS_SECTION
from kiosk.session import ProcedureSession
from ui.i18n import tr_core
from ui.screens.common import Screen, big_button, clear_layout, text_label


class SummaryScreen(Screen):
    """Read-only recap; ``modify`` carries a step id (or ``documents``)."""

    modify = Signal(str)
    confirmed = Signal()
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Vérifiez votre demande"), parent)
        self.session: ProcedureSession | None = None
        self.body.addWidget(text_label(self.tr(
            "Relisez vos réponses. Si quelque chose est faux, touchez « Modifier » à côté."
        )))
        self.problems = text_label("", "error")
        self.problems.setVisible(False)
        self.body.addWidget(self.problems)
        self.sections = QVBoxLayout()
        self.sections.setSpacing(16)
        self.body.addLayout(self.sections)
        self.body.addStretch(1)
        self.back_button = big_button(self.tr("Retour"), self.tr("Revenir aux documents"))
        self.next_button = big_button(
            self.tr("Tout est juste, continuer"), self.tr("Passer à l'accord avant l'envoi"), "primary"
        )
        self.action_bar.addWidget(self.back_button)
        self.action_bar.addStretch(1)
        self.action_bar.addWidget(self.next_button)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.confirmed)
        self.modify_buttons: dict[str, QWidget] = {}

    def start(self, session: ProcedureSession) -> None:
        self.session = session
        self.rebuild()

    def rebuild(self) -> None:
        assert self.session is not None
        clear_layout(self.sections)
        self.modify_buttons = {}
        procedure_line = text_label(tr_core(self.session.procedure.title), "subtitle")
        self.sections.addWidget(procedure_line)
        for section in self.session.summary():
            panel = QFrame()
            panel.setProperty("role", "panel")
            column = QVBoxLayout(panel)
            column.setContentsMargins(16, 12, 16, 12)
            header = QHBoxLayout()
            title = tr_core(section.title)
            header.addWidget(text_label(title, "subtitle"), 1)
            modify = big_button(self.tr("Modifier"), self.tr("Changer : %s") % title)
            modify.setAccessibleName(self.tr("Modifier : %s") % title)
            modify.clicked.connect(lambda _checked=False, s=section.step_id: self.modify.emit(s))
            header.addWidget(modify, 0, Qt.AlignmentFlag.AlignTop)
            column.addLayout(header)
            grid = QGridLayout()
            grid.setHorizontalSpacing(24)
            grid.setColumnStretch(0, 2)
            grid.setColumnStretch(1, 3)
            if not section.items:
                empty = (self.tr("Aucun document") if section.step_id == DOCUMENTS_SECTION
                         else self.tr("Aucune réponse"))
                grid.addWidget(text_label(empty, "help"), 0, 0, 1, 2)
            for row, (label, value) in enumerate(section.items):
                grid.addWidget(text_label(tr_core(label), "help"), row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(text_label(tr_core(value)), row, 1, Qt.AlignmentFlag.AlignTop)
            column.addLayout(grid)
            self.sections.addWidget(panel)
            self.modify_buttons[section.step_id] = modify
        self._show_problems()
        self.scroller.verticalScrollBar().setValue(0)
        self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_problems(self) -> None:
        assert self.session is not None
        reasons = self.session.ready_for_consent()
        self.problems.setText(" ".join(tr_core(reason) for reason in reasons))
        self.problems.setVisible(bool(reasons))
        self.next_button.setEnabled(not reasons)

    def wipe(self) -> None:
        clear_layout(self.sections)
        self.modify_buttons = {}
        self.session = None
