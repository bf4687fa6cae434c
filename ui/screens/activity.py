"""« Activité de la borne »: how many requests this kiosk took, for the mediator.

Counts only (by procedure, by state, corrections, the oldest request still
waiting), then the visits as charts (by day, procedure, outcome, help,
autonomy, duration): nothing on it names a citizen or shows an answer, so it
can be shown to anyone from the prefecture. Today, the last 7 or the last 30
days, chosen with three toggle buttons. The outbox and the visit records are
read in the background.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.activity import ActivityReport, activity
from kiosk.audit import AuditError
from kiosk.paris_time import PARIS
from kiosk.procedures import Catalogue
from kiosk.report_visits import VisitReport, label_fr, sections, visit_report
from kiosk.visits import VisitStore
from offline_queue import STATE_LABELS_FR, Outbox, OutboxError
from ui.charts import BarChart
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


def _count(outbox: Outbox, visits_dir: Path | None, first: date,
           today: date) -> tuple[ActivityReport, VisitReport | None]:
    """Runs in the background: the counts of the period, requests and visits."""
    requests = activity(outbox.list_items(), first, today)
    if visits_dir is None:
        return requests, None
    with VisitStore.in_data_dir(visits_dir) as store:
        return requests, visit_report(store.records(first, today), store.counts(first, today),
                                      first, today)


def first_day(today: date, days: int) -> date:
    """The first day of a period of ``days`` days ending today."""
    return today - timedelta(days=days - 1)


class ActivityScreen(Screen):
    """Emits ``back`` for « Retour » (to the queue view)."""

    back = Signal()

    def __init__(self, outbox: Outbox, catalogue: Catalogue, visits_dir: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Activité de la borne"), parent)
        self.outbox = outbox
        self.catalogue = catalogue
        self.visits_dir = visits_dir
        """The data folder holding the visit records; None: requests only."""
        self.days = PERIODS_DAYS[0]
        self.report: ActivityReport | None = None
        self.visits: VisitReport | None = None
        self.charts: dict[str, BarChart] = {}
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
        outbox, visits_dir = self.outbox, self.visits_dir
        run_in_background(partial(_count, outbox, visits_dir, first, today),
                          lambda counts: self._read(asked, *counts),
                          lambda error: self._failed(asked, error))

    def _mark_period(self) -> None:
        for days, button in self.period_buttons.items():
            show_selected(button, days == self.days)

    def _read(self, asked: int, report: ActivityReport, visits: VisitReport | None) -> None:
        if asked != self._asked:
            return  # another period was chosen meanwhile
        self.status.say("", "")
        self.report, self.visits = report, visits
        self._show(report)
        if visits is not None:
            self._show_visits(visits)

    def _failed(self, asked: int, error: BaseException) -> None:
        if asked != self._asked:
            return
        self.report = self.visits = None
        self.charts = {}
        clear_layout(self.figures)
        if isinstance(error, (OutboxError, AuditError)):
            message = str(error)
        else:
            log.error("activity report failed: %s", type(error).__name__)
            message = self.tr("La file d'attente n'a pas pu être lue. Réessayez ; si cela dure, "
                              "prévenez le support.")
        self.status.say(message, "error")

    # --- showing ---------------------------------------------------------------------

    def _show(self, report: ActivityReport) -> None:
        clear_layout(self.figures)
        self.charts = {}
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

    def _show_visits(self, visits: VisitReport) -> None:
        """The visits' totals, then one chart per count (the days only for a longer period)."""
        if visits.total == 0:
            self.figures.addWidget(text_label(self.tr("Aucune visite enregistrée sur cette période."),
                                              "subtitle"))
            return
        summary = (self.tr("1 visite, durée moyenne %2 min") if visits.total == 1 else
                   self.tr("%1 visites, durée moyenne %2 min"))
        self.figures.addWidget(text_label(summary.replace("%1", str(visits.total)).replace(
            "%2", f"{visits.mean_minutes:.0f}"), "subtitle"))
        titles = {
            "day": self.tr("Visites par jour"), "procedure": self.tr("Visites par démarche"),
            "outcome": self.tr("Issue des visites"), "assistance": self.tr("Seul ou accompagné"),
            "autonomy": self.tr("Autonomie (selon le médiateur)"),
            "duration": self.tr("Durée des visites"),
        }
        names = {code: p.title for code, p in self.catalogue.procedures.items()}
        for section, counts in sections(visits).items():
            if section == "day":
                if len(counts) == 1:
                    continue
                bars = [(f"{date.fromisoformat(key):%d/%m}", n) for key, n in counts.items()]
            else:
                bars = [(tr_core(label_fr(section, key, names)), n) for key, n in counts.items()]
            chart = BarChart(titles[section], bars, columns=section == "day")
            self.charts[section] = chart
            self.figures.addWidget(text_label(titles[section]))
            self.figures.addWidget(chart)

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
        self.report = self.visits = None
        self.charts = {}
        self.status.say("", "")
        self._asked += 1
        self.days = PERIODS_DAYS[0]
        self._mark_period()
