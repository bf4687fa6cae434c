"""« Ce qu'il vous faut »: the person's checklist, once the questions that decide are answered.

It renders :func:`kiosk.checklist.checklist_for`: every document, code and payment the rest
of the request will ask for, for this case only. Each item has « Je ne l'ai pas », which
says what to do. The list can be printed to take home.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.checklist import Checklist, Item
from ui.i18n import tr_core
from ui.screens.common import Callout, Screen, StatusLine, big_button, clear_layout, text_label


def callout(title: str, lines: list[str]) -> Callout:
    """A callout for fees and deadlines, one line per paragraph."""
    box = Callout(tr_core(title))
    for line in lines:
        box.add_line(tr_core(line))
    return box


class ItemCard(QFrame):
    """One thing to have: its title, what it is, and « Je ne l'ai pas » with what to do."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        optional = self.tr(" (facultatif)") if item.optional else ""
        title = tr_core(item.title)
        self.title = text_label(f"☐ {title}{optional}", "subtitle")
        layout.addWidget(self.title)
        if item.detail:
            layout.addWidget(text_label(tr_core(item.detail), "help"))
        self.missing_button: QPushButton = big_button(
            self.tr("Je ne l'ai pas"), self.tr("Que faire sans : %s") % title)
        self.missing_button.setAccessibleName(self.tr("Je ne l'ai pas : %s") % title)
        self.missing_button.setCheckable(True)
        layout.addWidget(self.missing_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.what_to_do: QLabel = text_label(tr_core(item.if_missing))
        self.what_to_do.setVisible(False)
        layout.addWidget(self.what_to_do)
        self.missing_button.toggled.connect(self.what_to_do.setVisible)


class RequirementsScreen(Screen):
    """Shows the checklist; ``begin`` (« J'ai tout, continuer »), ``back`` or ``print_asked``."""

    begin = Signal()
    back = Signal()
    print_asked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Ce qu'il vous faut"), parent)
        self.content = QVBoxLayout()
        self.content.setSpacing(12)
        self.body.addLayout(self.content)
        self.print_status = StatusLine()
        self.body.addWidget(self.print_status)
        self.body.addStretch(1)
        self.cards: list[ItemCard] = []
        self.back_button = big_button(self.tr("Retour"), self.tr("Revenir à la question précédente"))
        self.print_button = big_button(
            self.tr("Imprimer la liste"), self.tr("Imprimer cette liste pour l'emporter"))
        self.start_button = big_button(
            self.tr("J'ai tout, continuer"), self.tr("Continuer les questions"), "primary")
        self.action_bar.addWidget(self.back_button)
        self.action_bar.addStretch(1)
        self.action_bar.addWidget(self.print_button)
        self.action_bar.addWidget(self.start_button)
        self.back_button.clicked.connect(self.back)
        self.start_button.clicked.connect(self.begin)
        self.print_button.clicked.connect(self.print_asked)

    def show_checklist(self, checklist: Checklist) -> None:
        clear_layout(self.content)
        self.cards = []
        self.print_status.say("", "")
        add = self.content.addWidget
        self.set_title(tr_core(checklist.procedure_title))
        add(text_label(self.tr("Ce qu'il vous faut"), "subtitle"))
        if checklist.situation:
            add(text_label(self.tr("Pour votre situation :")))
            for question, answer in checklist.situation:
                add(text_label(f"• {tr_core(question)} : {tr_core(answer)}"))
        if not checklist.items:
            add(text_label(self.tr("Aucun document à fournir.")))
        for item in checklist.items:
            card = ItemCard(item)
            self.cards.append(card)
            add(card)
        for heading, lines in checklist.payment.sentences():
            add(callout(heading, lines))
        if checklist.deadlines:
            add(callout(self.tr("Délais à respecter"), list(checklist.deadlines)))
        add(text_label(self.tr("Cela prend environ %d minutes.") % checklist.duration_minutes,
                       "help"))
        self.scroller.verticalScrollBar().setValue(0)

    def printed(self, error: str | None) -> None:
        """The printing of the list ended: say so, or why not."""
        if error is None:
            self.print_status.say(self.tr("La liste est imprimée. Prenez-la dans l'imprimante."),
                                  "success")
        else:
            self.print_status.say(error, "error")

    def entered(self) -> None:
        self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def wipe(self) -> None:
        clear_layout(self.content)
        self.cards = []
        self.print_status.say("", "")
