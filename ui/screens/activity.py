"""« Activité de la borne »: how many requests this kiosk took, for the mediator.

Counts only (by procedure, by state, corrections, the oldest request still
waiting): nothing on it names a citizen or shows an answer, so it can be shown
to anyone from the prefecture. Today, the last 7 or the last 30 days, chosen
with three toggle buttons. The outbox is read in the background.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.activity import ActivityReport, activity
from kiosk.paris_time import PARIS
from kiosk.procedures import Catalogue
from offline_queue import STATE_LABELS_FR, Outbox, OutboxError
from ui.i18n import tr_core
from ui.screens.background import run_in_background
from ui.screens.common import (
    Screen,
    StatusLine,
    big_button,
    clear_layout,
    show_selected,
    text_label,
)

log = logging.getLogger(__name__)

PERIODS_DAYS = (1, 7, 30)
"""The periods offered, in days counted back from today (today included)."""


def _count(outbox: Outbox, first: date, today: date) -> ActivityReport:
    """Runs in the background: the counts of the period."""
    return activity(outbox.list_items(), first, today)


def first_day(today: date, days: int) -> date:
    """The first day of a period of ``days`` days ending today."""
    return today - timedelta(days=days - 1)


class ActivityScreen(Screen):
    """Emits ``back`` for « Retour » (to the queue view)."""

    back = Signal()

    def __init__(self, outbox: Outbox, catalogue: Catalogue,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Activité de la borne"), parent)
        self.outbox = outbox
        self.catalogue = catalogue
        self.days = PERIODS_DAYS[0]
        self.report: ActivityReport | None = None
        self._asked = 0
        """Counts the readings started: only the last one's answer is shown."""
        self.body.addWidget(text_label(self.tr(
            "Combien de demandes cette borne a enregistrées. Aucune donnée personnelle : "
            "seulement des nombres."), "help"))
        periods = QHBoxLayout()
        periods.setSpacing(16)
        labels = {
            1: (self.tr("Aujourd'hui"), self.tr("Compter les demandes enregistrées aujourd'hui")),
            7: (self.tr("7 derniers jours"),
                self.tr("Compter les demandes des 7 derniers jours, aujourd'hui compris")),
            30: (self.tr("30 derniers jours"),
                 self.tr("Compter les demandes des 30 derniers jours, aujourd'hui compris")),
        }
        self.period_buttons: dict[int, QPushButton] = {}
        for days in PERIODS_DAYS:
            button = big_button(*labels[days])
            button.clicked.connect(lambda _checked=False, d=days: self.show_period(d))
            periods.addWidget(button)
            self.period_buttons[days] = button
        periods.addStretch(1)
        self.body.addLayout(periods)
        self.status = StatusLine()
        self.body.addWidget(self.status)
        self.figures = QVBoxLayout()
        self.figures.setSpacing(12)
        self.body.addLayout(self.figures)
        self.body.addStretch(1)
        self.back_button = big_button(self.tr("Retour"), self.tr("Revenir à la file d'attente"))
        self.action_bar.addWidget(self.back_button)
        self.action_bar.addStretch(1)
        self.back_button.clicked.connect(self.back)
        self._mark_period()

    # --- reading ---------------------------------------------------------------------

    def show_period(self, days: int) -> None:
        """Count the requests of the last ``days`` days (1 = today), read in the background."""
        self.days = days
        self._mark_period()
        today = datetime.now(PARIS).date()
        first = first_day(today, days)
        self._asked += 1
        asked = self._asked
        self.status.say(self.tr("Lecture de la file d'attente…"), "")
        outbox = self.outbox
        run_in_background(partial(_count, outbox, first, today),
                          lambda report: self._read(asked, report),
                          lambda error: self._failed(asked, error))

    def _mark_period(self) -> None:
        for days, button in self.period_buttons.items():
            show_selected(button, days == self.days)

    def _read(self, asked: int, report: ActivityReport) -> None:
        if asked != self._asked:
            return  # another period was chosen meanwhile
        self.status.say("", "")
        self.report = report
        self._show(report)

    def _failed(self, asked: int, error: BaseException) -> None:
        if asked != self._asked:
            return
        self.report = None
        clear_layout(self.figures)
        if isinstance(error, OutboxError):
            message = str(error)
        else:
            log.error("activity report failed: %s", type(error).__name__)
            message = self.tr("La file d'attente n'a pas pu être lue. Réessayez ; si cela dure, "
                              "prévenez le support.")
        self.status.say(message, "error")

    # --- showing ---------------------------------------------------------------------

    def _show(self, report: ActivityReport) -> None:
        clear_layout(self.figures)
        self.figures.addWidget(text_label(self.period_text(report), "subtitle"))
        if not report.total:
            return
        self.figures.addWidget(self._panel(self.tr("Par démarche"), [
            (count, self._title(code)) for code, count in report.by_procedure.items()]))
        self.figures.addWidget(self._panel(self.tr("Par état"), [
            (count, self.state_label(state)) for state, count in report.by_state.items()]))
        if report.corrections:
            corrections = (self.tr("1 correction d'une demande refusée") if report.corrections == 1
                           else self.tr("%1 corrections de demandes refusées").replace(
                               "%1", str(report.corrections)))
            self.figures.addWidget(text_label(corrections))
        if report.oldest_waiting is not None:
            oldest = report.oldest_waiting.astimezone(PARIS)
            self.figures.addWidget(text_label(
                self.tr("La plus ancienne demande encore en attente a été enregistrée le %1 à %2.")
                .replace("%1", f"{oldest:%d/%m/%Y}").replace("%2", f"{oldest:%H:%M}")))
        else:
            self.figures.addWidget(text_label(
                self.tr("Aucune demande de cette période n'attend encore."), "help"))

    def period_text(self, report: ActivityReport) -> str:
        """« 3 demandes enregistrées aujourd'hui (30/11/2026) » or « … du 24/11 au 30/11/2026 »."""
        if report.first_day == report.last_day:
            if not report.total:
                text = self.tr("Aucune demande enregistrée aujourd'hui (%2)")
            elif report.total == 1:
                text = self.tr("%1 demande enregistrée aujourd'hui (%2)")
            else:
                text = self.tr("%1 demandes enregistrées aujourd'hui (%2)")
            return text.replace("%1", str(report.total)).replace(
                "%2", f"{report.last_day:%d/%m/%Y}")
        if not report.total:
            text = self.tr("Aucune demande enregistrée du %2 au %3")
        elif report.total == 1:
            text = self.tr("%1 demande enregistrée du %2 au %3")
        else:
            text = self.tr("%1 demandes enregistrées du %2 au %3")
        return text.replace("%1", str(report.total)).replace(
            "%2", f"{report.first_day:%d/%m/%Y}").replace("%3", f"{report.last_day:%d/%m/%Y}")

    def _panel(self, heading: str, lines: list[tuple[int, str]]) -> QFrame:
        """A heading, then one « count — label » line each, largest first."""
        panel = QFrame()
        panel.setProperty("role", "panel")
        column = QVBoxLayout(panel)
        column.setContentsMargins(16, 12, 16, 12)
        column.addWidget(text_label(heading, "subtitle"))
        for count, label in sorted(lines, key=lambda line: -line[0]):
            column.addWidget(text_label(f"{count} — {label}"))
        return panel

    def _title(self, code: str) -> str:
        procedure = self.catalogue.procedures.get(code)
        return tr_core(procedure.title) if procedure else code

    def state_label(self, state: str) -> str:
        """The plain words for a state; a request replaced by its correction is one of its own."""
        if state == "replaced":
            return self.tr("remplacées par une correction")
        return tr_core(STATE_LABELS_FR.get(state, state))

    # --- screen life -------------------------------------------------------------------

    def entered(self) -> None:
        self.show_period(self.days)
        self.back_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def wipe(self) -> None:
        clear_layout(self.figures)
        self.report = None
        self.status.say("", "")
        self._asked += 1
        self.days = PERIODS_DAYS[0]
        self._mark_period()
