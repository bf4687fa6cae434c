"""The questions of a procedure, one step (one group of questions) per screen.

Everything shown comes from the session: which fields are visible, whether an
answer is accepted and how it is written. When an answer changes, the fields
of the step are shown or hidden again at once (conditions applied live).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from kiosk.session import ProcedureSession
from kiosk.validators import ValidationError
from ui.fields import FieldWidget, make_field_widget
from ui.keyboard import KeyboardMode
from ui.screens.common import Screen, big_button, clear_layout, text_label

KeyboardHook = Callable[[QLineEdit, KeyboardMode], None]


class StepsScreen(Screen):
    """Renders ``session.current``; emits ``finished`` after the last step, ``cancelled`` before the first."""

    finished = Signal()
    cancelled = Signal()

    def __init__(self, attach_keyboard: KeyboardHook | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self._attach_keyboard = attach_keyboard
        self.session: ProcedureSession | None = None
        self.return_to_summary = False
        self.progress = text_label("", "help")
        self.body.addWidget(self.progress)
        self.step_help = text_label("")
        self.body.addWidget(self.step_help)
        self.errors_banner = text_label("", "error")
        self.errors_banner.setVisible(False)
        self.body.addWidget(self.errors_banner)
        self.fields_box = QVBoxLayout()
        self.fields_box.setSpacing(24)
        self.body.addLayout(self.fields_box)
        self.body.addStretch(1)
        self.back_button = big_button(self.tr("Retour"), self.tr("Revenir à la question précédente"))
        self.next_button = big_button(
            self.tr("Continuer"), self.tr("Vérifier les réponses et passer à la suite"), "primary"
        )
        self.action_bar.addWidget(self.back_button)
        self.action_bar.addStretch(1)
        self.action_bar.addWidget(self.next_button)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.widgets: dict[str, FieldWidget] = {}

    # --- rendering -------------------------------------------------------------

    def start(self, session: ProcedureSession, *, return_to_summary: bool = False) -> None:
        """Show the session's current step (after a « Modifier », come back to the summary)."""
        self.session = session
        self.return_to_summary = return_to_summary
        self.rebuild()

    def rebuild(self) -> None:
        """Build the widgets of the current step from the definition."""
        session = self._session()
        step = session.current
        self.set_title(step.title)
        self.step_help.setText(step.help)
        self.step_help.setVisible(bool(step.help))
        self.errors_banner.setVisible(False)
        clear_layout(self.fields_box)
        self.widgets = {}
        for fld in step.fields:
            widget = make_field_widget(fld)
            stored = session.answers.get(fld.id, "")
            widget.set_value(stored)
            widget.changed.connect(
                lambda raw, f=fld.id, w=widget: self._widget_changed(w, f, raw))
            if self._attach_keyboard is not None:
                for edit, mode in widget.text_inputs():
                    self._attach_keyboard(edit, mode)
            self.fields_box.addWidget(widget)
            self.widgets[fld.id] = widget
        self.refresh_visibility()
        if self.return_to_summary:
            self.next_button.setText(self.tr("Valider et revenir au récapitulatif"))
        else:
            self.next_button.setText(self.tr("Continuer"))
        self.next_button.setAccessibleName(self.next_button.text())
        self._chain_tab_order()
        self.scroller.verticalScrollBar().setValue(0)
        self.focus_first()

    def refresh_visibility(self) -> None:
        """Show the fields the answers call for; empty the ones that just got hidden."""
        session = self._session()
        visible = {f.id for f in session.fields()}
        for field_id, widget in self.widgets.items():
            if field_id not in visible and widget.isVisibleTo(self):
                widget.clear()
            widget.setVisible(field_id in visible)
        steps = session.steps()
        self.progress.setText(
            self.tr("Étape %1 sur %2").replace("%1", str(session.index + 1)).replace(
                "%2", str(len(steps))
            )
        )

    def _chain_tab_order(self) -> None:
        chain: list[QWidget] = []
        for widget in self.widgets.values():
            for part in widget.inputs():
                chain.append(part)
            if widget.help_button is not None:
                chain.append(widget.help_button)
        chain += [self.next_button, self.back_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def focus_first(self) -> None:
        for widget in self.visible_widgets():
            widget.focus_input()
            return

    def visible_widgets(self) -> list[FieldWidget]:
        session = self._session()
        return [self.widgets[f.id] for f in session.fields() if f.id in self.widgets]

    # --- answers -------------------------------------------------------------

    def _widget_changed(self, widget: FieldWidget, field_id: str, raw: str) -> None:
        # A date box may report its departure after the step was re-rendered: ignore it then.
        if self.widgets.get(field_id) is widget:
            self.answer_changed(field_id, raw)

    def answer_changed(self, field_id: str, raw: str) -> None:
        """A field was left or a choice tapped: ask the core, show its verdict, re-render."""
        session = self._session()
        widget = self.widgets[field_id]
        if not raw.strip() and field_id not in session.answers:
            widget.show_error(None)
            return
        try:
            value = session.set_answer(field_id, raw)
        except ValidationError as exc:
            widget.show_error(exc.message)
        else:
            widget.show_error(None)
            if widget.value() != value and value:
                widget.set_value(value)
        self.refresh_visibility()
        self._update_banner()

    def _store_all(self) -> dict[str, str]:
        """Give every visible answer to the session; the errors found, by field id."""
        session = self._session()
        problems: dict[str, str] = {}
        for widget in self.visible_widgets():
            field_id = widget.field.id
            try:
                session.set_answer(field_id, widget.value())
            except ValidationError as exc:
                problems[field_id] = exc.message
        problems.update(session.step_errors())
        return problems

    def _update_banner(self) -> None:
        count = sum(1 for w in self.visible_widgets() if w.error)
        if count == 0:
            self.errors_banner.setVisible(False)
            return
        text = (
            self.tr("Une réponse est à corriger, elle est signalée en rouge ci-dessous.")
            if count == 1
            else self.tr("%n réponses sont à corriger, elles sont signalées ci-dessous.", "",
                         count).replace("%n", str(count))
        )
        self.errors_banner.setText(text)
        self.errors_banner.setVisible(True)

    def go_next(self) -> None:
        """Accept the step if the core agrees; otherwise show why, on each field."""
        session = self._session()
        problems = self._store_all()
        for field_id, widget in self.widgets.items():
            widget.show_error(problems.get(field_id))
        self.refresh_visibility()
        if problems:
            self._update_banner()
            first = next(w for w in self.visible_widgets() if w.field.id in problems)
            self.scroller.ensureWidgetVisible(first)
            first.focus_input()
            return
        if session.steps_complete() and (self.return_to_summary or session.at_last_step):
            self.finished.emit()
        elif session.at_last_step:
            # An earlier step became incomplete (a changed answer asked a new question).
            incomplete = next(s for s in session.steps() if session.step_errors(s))
            session.goto(incomplete.id)
            self.rebuild()
        elif session.next():
            self.rebuild()

    def go_back(self) -> None:
        """Keep what is valid on this step, then show the previous one."""
        session = self._session()
        for widget in self.visible_widgets():
            if widget.value().strip():
                try:
                    session.set_answer(widget.field.id, widget.value())
                except ValidationError:
                    continue
        if session.back():
            self.rebuild()
        else:
            self.cancelled.emit()

    def _session(self) -> ProcedureSession:
        assert self.session is not None, "start() must be called first"
        return self.session

    def wipe(self) -> None:
        for widget in self.widgets.values():
            widget.clear()
        clear_layout(self.fields_box)
        self.widgets = {}
        self.session = None
        self.return_to_summary = False
