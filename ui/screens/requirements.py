"""« Ce qu'il vous faut »: documents, fees, time and deadlines, before any question.

Knowing at once what to bring avoids a citizen filling in twenty answers
and then finding they lack a paper.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.procedures import Procedure
from ui.i18n import tr_core
from ui.screens.common import Screen, big_button, clear_layout, text_label


def french_date(iso: str) -> str:
    """« 2026-11-30 » -> « 30/11/2026 »."""
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def euros(amount: float) -> str:
    """« 11 € », « 2,76 € »."""
    text = f"{amount:.2f}".replace(".", ",").removesuffix(",00")
    return f"{text} €"


class RequirementsScreen(Screen):
    """Shows what the chosen procedure needs; ``start`` or ``back``."""

    begin = Signal()
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Ce qu'il vous faut"), parent)
        self.content = QVBoxLayout()
        self.content.setSpacing(12)
        self.body.addLayout(self.content)
        self.body.addStretch(1)
        self.back_button = big_button(self.tr("Retour"), self.tr("Choisir une autre démarche"))
        self.start_button = big_button(
            self.tr("J'ai tout, commencer"), self.tr("Commencer les questions"), "primary")
        self.action_bar.addWidget(self.back_button)
        self.action_bar.addStretch(1)
        self.action_bar.addWidget(self.start_button)
        self.back_button.clicked.connect(self.back)
        self.start_button.clicked.connect(self.begin)

    def show_procedure(self, procedure: Procedure) -> None:
        clear_layout(self.content)
        add = self.content.addWidget
        self.set_title(tr_core(procedure.title))
        for line in procedure.summary:
            add(text_label(tr_core(line)))
        add(text_label(self.tr("Cela prend environ %d minutes.") % procedure.duration_minutes,
                       "subtitle"))
        add(text_label(self.tr("Les documents à avoir sous la main"), "subtitle"))
        if not procedure.documents:
            add(text_label(self.tr("Aucun document à fournir.")))
        for spec in procedure.documents:
            note = "" if spec.when is None else self.tr(" (selon votre situation)")
            if not spec.required:
                note += self.tr(" (facultatif)")
            add(text_label(f"• {tr_core(spec.title)}{note} : {tr_core(spec.description)}"))
        add(text_label(self.tr("Ce que cela coûte"), "subtitle"))
        if not procedure.fees:
            add(text_label(self.tr("Cette démarche est gratuite.")))
        for fee in procedure.fees:
            if fee.amount_eur is None:
                amount = self.tr("montant variable")
            elif fee.amount_eur == 0:
                amount = self.tr("gratuit")
            else:
                amount = euros(fee.amount_eur)
            note = f" — {tr_core(fee.note)}" if fee.note else ""
            when = "" if fee.when is None else self.tr(" (selon votre situation)")
            add(text_label(f"• {tr_core(fee.label)} : {amount}{when}{note}"))
        if procedure.deadlines:
            add(text_label(self.tr("Délais à respecter"), "subtitle"))
            for line in procedure.deadlines:
                add(text_label(f"• {tr_core(line)}"))
        sources = ", ".join(
            self.tr("%1 (vérifié le %2)").replace("%1", s.title).replace("%2", french_date(s.checked))
            for s in procedure.sources)
        add(text_label(self.tr("Sources : %s") % sources, "help"))
        self.scroller.verticalScrollBar().setValue(0)

    def entered(self) -> None:
        self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def wipe(self) -> None:
        clear_layout(self.content)
