"""The questions of a procedure, one question per page.

People not at ease with screens answer one thing at a time: each page shows the
step's title, « Question 2 sur 4 », one question with its help, example, input
and error, and « Continuer » / « Retour ». Everything comes from the session:
which questions are asked (conditions re-applied at each answer, so the count
and the next question follow the answers), whether an answer is accepted and
how it is written. The keyboard's « OK » (Enter) on a typed answer acts as
« Continuer »: people expect OK to move on.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from kiosk.session import ProcedureSession
from kiosk.validators import ValidationError
from ui.fields import FieldWidget, make_field_widget
from ui.keyboard import KeyboardMode
from ui.screens.common import Screen, big_button, clear_layout, text_label

KeyboardHook = Callable[[QLineEdit, KeyboardMode], None]


class StepsScreen(Screen):
    """Renders one visible question of ``session.current`` at a time; emits ``finished``
    after the last question of the last step, ``cancelled`` on « Retour » at the first."""

    finished = Signal()
    cancelled = Signal()

    def __init__(self, attach_keyboard: KeyboardHook | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self._attach_keyboard = attach_keyboard
        self.session: ProcedureSession | None = None
        self.return_to_summary = False
        self.field_id = ""
        """The question on screen ("" when the step asks none)."""
        self.progress = text_label("", "help")
        self.body.addWidget(self.progress)
        self.step_help = text_label("")
        self.body.addWidget(self.step_help)
        self.errors_banner = text_label("", "error")
        self.errors_banner.setVisible(False)
        self.body.addWidget(self.errors_banner)
        self.fields_box = QVBoxLayout()
        self.body.addLayout(self.fields_box)
        self.body.addStretch(1)
        self.back_button = big_button(self.tr("Retour"), self.tr("Revenir à la question précédente"))
        self.next_button = big_button(
            self.tr("Continuer"), self.tr("Vérifier la réponse et passer à la question suivante"),
            "primary")
        self.action_bar.addWidget(self.back_button)
        self.action_bar.addStretch(1)
        self.action_bar.addWidget(self.next_button)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.widgets: dict[str, FieldWidget] = {}
        """Every question of the current step, by field id; only ``field_id``'s is shown."""

    # --- rendering -------------------------------------------------------------

    def start(self, session: ProcedureSession, *, return_to_summary: bool = False,
              at_end: bool = False) -> None:
        """Show the session's current step from its first question (``at_end``: its last);
        after a « Modifier », the step's last question leads back to the summary."""
        self.session = session
        self.return_to_summary = return_to_summary
        self.rebuild(at_end=at_end)

    def rebuild(self, *, at_end: bool = False, at: str | None = None) -> None:
        """Build the widgets of the current step, then show question ``at``, else the one
        the step opens on (``landing_question``), else with ``at_end`` its last one."""
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
            widget.setVisible(False)
            widget.set_value(session.answers.get(fld.id, ""))
            widget.changed.connect(
                lambda raw, f=fld.id, w=widget: self._widget_changed(w, f, raw))
            for edit, mode in widget.text_inputs():
                if self._attach_keyboard is not None:
                    self._attach_keyboard(edit, mode)
                edit.returnPressed.connect(
                    lambda f=fld.id, w=widget: self._return_pressed(w, f))
            self.fields_box.addWidget(widget)
            self.widgets[fld.id] = widget
        self._chain_tab_order()
        asked = self.asked()
        if at is None:
            at = asked[-1] if at_end and asked else self.landing_question()
        self.show_question(at)

    def asked(self) -> list[str]:
        """Ids of the questions the answers call for in this step, in order."""
        return [f.id for f in self._session().fields() if f.id in self.widgets]

    def landing_question(self) -> str:
        """Where a step opens: its first question."""
        asked = self.asked()
        return asked[0] if asked else ""

    def show_question(self, field_id: str) -> None:
        """Put question ``field_id`` on the page, alone, and give it the focus."""
        self.field_id = field_id
        self.refresh_visibility()
        self._update_banner()
        self.scroller.verticalScrollBar().setValue(0)
        if self.isVisible():
            self.focus_question()

    def refresh_visibility(self) -> None:
        """Show the current question only; empty the ones the answers no longer call for."""
        session = self._session()
        asked = self.asked()
        if self.field_id not in asked:
            self.field_id = self._nearest(asked)
        current = self.widgets.get(self.field_id)
        if current is not None:
            current.setVisible(True)
        for field_id, widget in self.widgets.items():
            if field_id not in asked:
                widget.clear()
            if widget is not current:
                widget.setVisible(False)
        steps = session.steps()
        progress = self.tr("Étape %1 sur %2").replace("%1", str(session.index + 1)).replace(
            "%2", str(len(steps)))
        if self.field_id:
            progress = self.tr("Question %1 sur %2").replace(
                "%1", str(asked.index(self.field_id) + 1)).replace("%2", str(len(asked))) + (
                " · " + progress)
        self.progress.setText(progress)
        last = not self._following()
        if self.return_to_summary and last:
            self.next_button.setText(self.tr("Valider et revenir au récapitulatif"))
        else:
            self.next_button.setText(self.tr("Continuer"))
        self.next_button.setAccessibleName(self.next_button.text())

    def _nearest(self, asked: list[str]) -> str:
        """The question to show when the current one is no longer asked: the next one asked."""
        order = list(self.widgets)
        position = order.index(self.field_id) if self.field_id in order else 0
        later = [f for f in asked if order.index(f) >= position]
        return later[0] if later else (asked[-1] if asked else "")

    def _following(self) -> str:
        asked = self.asked()
        position = asked.index(self.field_id) if self.field_id in asked else len(asked)
        return asked[position + 1] if position + 1 < len(asked) else ""

    def _preceding(self) -> str:
        asked = self.asked()
        position = asked.index(self.field_id) if self.field_id in asked else 0
        return asked[position - 1] if position > 0 else ""

    def _chain_tab_order(self) -> None:
        chain: list[QWidget] = [part for widget in self.widgets.values() for part in widget.inputs()]
        chain += [self.next_button, self.back_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def current_widget(self) -> FieldWidget | None:
        """The question on screen."""
        return self.widgets.get(self.field_id)

    def focus_question(self) -> None:
        """Typing questions get the focus (and so the keyboard); for big buttons the focus
        goes to the question itself, so that no answer looks chosen and no keyboard opens."""
        widget = self.current_widget()
        if widget is None:
            self.next_button.setFocus()
        elif widget.text_inputs():
            widget.focus_input()
        else:
            widget.label.setFocus()

    def entered(self) -> None:
        if self.session is not None:
            self.focus_question()

    # --- answers -------------------------------------------------------------

    def _widget_changed(self, widget: FieldWidget, field_id: str, raw: str) -> None:
        # A date box may report its departure after the page changed: ignore it then.
        if self.widgets.get(field_id) is widget and field_id == self.field_id:
            self.answer_changed(field_id, raw)

    def _return_pressed(self, widget: FieldWidget, field_id: str) -> None:
        """OK on the keyboard (or Enter) in the question on screen: « Continuer ».

        Run once the key event is over: moving on may rebuild the page and delete the
        field whose key press is still being handled."""
        QTimer.singleShot(0, lambda: self._continue_from(widget, field_id))

    def _continue_from(self, widget: FieldWidget, field_id: str) -> None:
        if (self.session is not None and self.isVisible()
                and self.widgets.get(field_id) is widget and field_id == self.field_id):
            self.go_next()

    def answer_changed(self, field_id: str, raw: str) -> None:
        """The question was left or a choice tapped: ask the core, show its verdict."""
        session = self._session()
        widget = self.widgets[field_id]
        if not raw.strip() and field_id not in session.answers:
            widget.show_error(None)
            return
        self._keep(widget, raw)
        self.refresh_visibility()
        self._update_banner()

    def _keep(self, widget: FieldWidget, raw: str) -> bool:
        """Give the answer to the session; show its message when refused."""
        try:
            value = self._session().set_answer(widget.field.id, raw)
        except ValidationError as exc:
            widget.show_error(exc.message)
            return False
        widget.show_error(None)
        if value and widget.value() != value:
            widget.set_value(value)
        return True

    def _update_banner(self) -> None:
        """The line above the question. The ordinary flow leaves it hidden: with one question
        on the page, the core's message right under the answer says it all (a correction
        uses it for the central service's refusal)."""
        self.errors_banner.setVisible(False)

    def go_next(self) -> None:
        """Check this answer; if the core accepts it, the next question (or step)."""
        session = self._session()
        widget = self.current_widget()
        if widget is not None:
            accepted = self._keep(widget, widget.value())
            self.refresh_visibility()
            self._update_banner()
            if not accepted:
                self.focus_question()
                return
        following = self._following()
        if following:
            self.show_question(following)
            return
        problems = session.step_errors()
        if problems:  # an earlier question of the step lacks its answer
            self._show_problem(problems)
        elif session.steps_complete() and (self.return_to_summary or session.at_last_step):
            self.finished.emit()
        elif session.at_last_step:
            # An earlier step became incomplete (a changed answer asked a new question).
            incomplete = next(s for s in session.steps() if session.step_errors(s))
            session.goto(incomplete.id)
            self.rebuild()
            self._show_problem(session.step_errors())
        elif session.next():
            self.rebuild()

    def _show_problem(self, problems: dict[str, str]) -> None:
        first = next(f for f in self.asked() if f in problems)
        self.widgets[first].show_error(problems[first])
        self.show_question(first)

    def go_back(self) -> None:
        """Keep this answer if it is valid, then show the previous question (or step's last)."""
        session = self._session()
        widget = self.current_widget()
        if widget is not None and widget.value().strip():
            try:
                session.check_field(widget.field.id, widget.value())
            except ValidationError:
                pass
            else:
                session.set_answer(widget.field.id, widget.value())
                self.refresh_visibility()
        preceding = self._preceding()
        if preceding:
            self.show_question(preceding)
        elif session.back():
            self.rebuild(at_end=True)
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
        self.field_id = ""
        self.session = None
        self.return_to_summary = False
