"""The questions of a procedure, one question per page.

People not at ease with screens answer one thing at a time: each page shows the
step's title, « Question 2 sur 4 », one question with its help, example, input
and error, and « Continuer » / « Retour ». Everything comes from the core's
question controller (``kiosk.questions``, reached through the visit): which
question is on the page and which comes next, whether an answer is accepted
and how it is written, and during a correction the central service's remarks.
The screen keeps one widget per question of the step, so that what was typed
stays while the person goes back and forth. The keyboard's « OK » (Enter) on a
typed answer acts as « Continuer »: people expect OK to move on.

When a mediator drives (``Visit.compact``), the page holds the whole step
(``kiosk.compact``): every question it asks, each checked when left, the error
under its field; « Continuer » is offered once every answer shown is accepted,
and « OK » goes to the next question still to answer, then continues.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6 import QtCore
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk import compact as page
from kiosk.address_lookup import AddressLookup, address_fields
from kiosk.flow import Page, Visit
from kiosk.prefill import read_on
from kiosk.questions import Questions, QuestionView
from ui.address_suggestions import AddressSuggestions
from ui.fields import FieldWidget, make_field_widget
from ui.i18n import tr_core
from ui.keyboard import KeyboardMode
from ui.screens.common import Screen, big_button, clear_layout, text_label

KeyboardHook = Callable[[QLineEdit, KeyboardMode], None]


class StepsScreen(Screen):
    """Renders the visit's question page; emits ``left`` when « Continuer » or « Retour »
    took the visit to another page (the window shows it)."""

    left = Signal()
    step_shown = Signal()
    """Another step is on the page (the window's stepper follows)."""

    def __init__(self, attach_keyboard: KeyboardHook | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self._attach_keyboard = attach_keyboard
        self.visit: Visit | None = None
        self.entry = -1
        """The step entry (``QuestionView.entry``) the widgets were built for."""
        self.compact = False
        """The widgets show the whole step (a mediator drives), not one question."""
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
        for button in (self.back_button, self.next_button):
            # A tap leaves the focus in the field: a refused answer is corrected with the
            # keyboard still open, and the next question's field takes it over without the
            # keyboard and the header closing and opening again between two questions.
            button.setFocusPolicy(QtCore.Qt.FocusPolicy.TabFocus)
        self.widgets: dict[str, FieldWidget] = {}
        """Every question of the current step, by field id; only ``field_id``'s is shown."""
        self.suggestions: AddressSuggestions | None = None
        """Addresses offered on a mediator's page that asks one (``ui.address_suggestions``)."""
        self._lookup: AddressLookup | None = None
        self.offers = QWidget()
        """The addresses or communes offered, in a strip just above the on-screen keyboard
        (under the input they would be hidden by it)."""
        self.offers_row = QHBoxLayout(self.offers)
        self.offers_row.setContentsMargins(0, 0, 0, 0)
        self.offers_row.setSpacing(12)
        self.offers.setVisible(False)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.insertWidget(outer.indexOf(self.scroller) + 1, self.offers)

    # --- rendering -------------------------------------------------------------

    def start(self, visit: Visit) -> None:
        """Show the visit's question page (the step is built again)."""
        self.visit = visit
        self.entry = -1
        self.show_view(moved=True)

    @property
    def field_id(self) -> str:
        """The question on the page ("" when the step asks none)."""
        return self.visit.questions.field_id if self.visit and self.visit.questions else ""

    def _questions(self) -> Questions:
        assert self.visit is not None and self.visit.questions is not None, "start() comes first"
        return self.visit.questions

    def show_view(self, *, moved: bool = False, errors: Mapping[str, str] | None = None) -> None:
        """Show what the controller says; ``moved``: another question came to the page (scrolled
        to the top and given the focus); ``errors``: messages to show under questions."""
        view = self._questions().view()
        compact = self.visit is not None and self.visit.compact
        if view.entry != self.entry:
            self.compact = compact
            self._build(view)
            self.step_shown.emit()
            moved = True
        elif compact != self.compact:  # a mediator took over or left: the same widgets
            self.compact = compact
            self._offer_addresses()
            moved = True
        for field_id, message in (errors or {}).items():
            widget = self.widgets.get(field_id)
            if widget is not None:
                widget.show_error(message)
        self._show(view)
        if moved:
            self.scroller.verticalScrollBar().setValue(0)
        if self.isVisible():
            self.focus_question()
            refused = [w for f, w in self.widgets.items() if f in (errors or {}) and w.isVisible()]
            if refused:  # the keyboard stays up: the reason must not be left under it
                self.keep_visible(refused[0].error_label)

    def _build(self, view: QuestionView) -> None:
        """The widgets of the step, each with its answer so far."""
        answers = self._questions().session.answers
        step = view.step
        self.entry = view.entry
        self.set_title(tr_core(step.title))
        self.step_help.setText(tr_core(step.help))
        self.step_help.setVisible(bool(step.help))
        self.errors_banner.setVisible(False)
        clear_layout(self.fields_box)
        self.widgets = {}
        for fld in step.fields:
            widget = make_field_widget(fld)
            widget.setVisible(False)
            widget.set_value(answers.get(fld.id, ""))
            widget.changed.connect(
                lambda raw, f=fld.id, w=widget: self._widget_changed(w, f, raw))
            widget.edited.connect(self._offer_continue)
            for edit, mode in widget.text_inputs():
                if self._attach_keyboard is not None:
                    self._attach_keyboard(edit, mode)
                edit.returnPressed.connect(
                    lambda f=fld.id, w=widget: self._return_pressed(w, f))
            self.fields_box.addWidget(widget)
            self.widgets[fld.id] = widget
            if read_on(self._questions().session, fld.id) is not None:  # kiosk.prefill
                self._mark_read(widget)
        self._chain_tab_order()
        self._offer_addresses()

    def _mark_read(self, widget: FieldWidget) -> None:
        """« Lu sur le document » under an answer offered from a 2D-Doc, until it is changed."""
        mark = text_label(self.tr("Lu sur le document scanné. Vérifiez."), "help")
        layout = widget.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, mark)
        read = widget.value()
        widget.edited.connect(lambda: mark.setVisible(widget.value() == read))

    def _offer_addresses(self) -> None:
        """On a mediator's page asking an address, when the kiosk knows the address base."""
        if self.suggestions is not None:
            self.suggestions.close()
            self.suggestions = None
        clear_layout(self.offers_row)
        self.offers.setVisible(False)
        assert self.visit is not None
        url = self.visit.config.address_lookup_url
        fields = address_fields(self._questions().fields())
        if not (self.compact and url and fields):
            return
        if self._lookup is None or self._lookup.base_url != url:
            self._lookup = AddressLookup(url, timeout_s=self.visit.config.address_lookup_timeout_s)
        for field_id in (fields.street, fields.commune):
            self.widgets[field_id].place_suggestions(self.offers_row)
        self.suggestions = AddressSuggestions(self._lookup, fields, self.widgets, self._fill,
                                              self._reveal)

    def offers_addresses(self, field_id: str) -> bool:
        """Whether typing in this question offers addresses to tap."""
        return self.suggestions is not None and self.suggestions.fields.street == field_id

    def _reveal(self, widget: FieldWidget) -> None:
        """Proposed answers changed: the strip shows while it holds some."""
        self.offers.setVisible(bool(widget.suggestions()))

    def _fill(self, field_id: str, value: str) -> None:
        """An address or a commune was tapped: as if typed, then on to what is left to answer."""
        widget = self.widgets.get(field_id)
        if widget is None:
            return
        widget.set_value(value)
        self.answer_changed(field_id, value)
        self.offers.setVisible(any(w.suggestions() for w in self.widgets.values()))
        self._focus(self._still_to_answer())

    def _show(self, view: QuestionView) -> None:
        """The question on the page alone; the ones the answers no longer call for emptied."""
        if self.compact:
            self._show_step(view)
            return
        self.next_button.setEnabled(True)
        current = self.widgets.get(view.field_id)
        if current is not None:
            current.setVisible(True)
        for field_id, widget in self.widgets.items():
            if field_id not in view.asked:
                widget.clear()
            if widget is not current:
                widget.setVisible(False)
        # « Étape n sur N » is the window's stepper (kiosk.stepper): N never changes there.
        progress = self.tr("Question %1 sur %2").replace(
            "%1", str(view.question_number)).replace("%2", str(len(view.asked)))
        self.progress.setText(progress if view.field_id else "")
        # The step's help belongs to its first question, not under every later one.
        self.step_help.setVisible(bool(view.step.help) and view.question_number <= 1)
        self.progress.setVisible(bool(view.field_id))
        if view.leads_to_summary:
            self.next_button.setText(self.tr("Valider et revenir au récapitulatif"))
        else:
            self.next_button.setText(self.tr("Continuer"))
        self.next_button.setAccessibleName(self.next_button.text())
        self._show_remarks(view)

    def _show_step(self, view: QuestionView) -> None:
        """A mediator's page: every question the step asks, « Continuer » once all are accepted."""
        shown = page.shown(self._questions())
        for field_id, widget in self.widgets.items():
            if field_id not in view.asked:
                widget.clear()
            widget.setVisible(field_id in shown)
        # the window's stepper says « Étape n sur N » for the whole request: a second count,
        # of the question steps alone, would contradict it (« Étape 4 sur 7 », « Étape 4 sur 4 »)
        self.progress.setText("")
        self.progress.setVisible(False)
        self.next_button.setText(self.tr("Valider et revenir au récapitulatif")
                                 if self._questions().return_to_summary else self.tr("Continuer"))
        self.next_button.setAccessibleName(self.next_button.text())
        self.errors_banner.setVisible(False)
        self._offer_continue()

    def _raws(self) -> dict[str, str]:
        """What the page shows, as typed, by question id."""
        return {f: w.value() for f in page.shown(self._questions()) if (w := self.widgets.get(f))}

    def _offer_continue(self) -> None:
        """On a mediator's page, « Continuer » waits for every answer shown to be accepted."""
        if self.compact and self.visit is not None and self.visit.questions is not None:
            self.next_button.setEnabled(page.ready(self.visit.questions, self._raws()))

    def _show_remarks(self, view: QuestionView) -> None:
        """During a correction, the central service's words under each refused question not
        changed yet, and above the page when it is on the page. Otherwise the line above
        stays hidden: with one question on the page, the core's message under it says it all."""
        for field_id, message in view.remarks.items():
            widget = self.widgets.get(field_id)
            if widget is not None and not widget.error_label.text():
                widget.show_error(message)
        if not view.remarked:
            self.errors_banner.setVisible(False)
            return
        others = view.other_remarks
        self.errors_banner.setText(
            self.tr("Le service central a refusé cette réponse : corrigez-la avec le demandeur.")
            if others == 0
            else self.tr("Le service central a refusé cette réponse et %n autre(s) de cette étape. "
                         "Corrigez-les avec le demandeur, une à une.").replace("%n", str(others)))
        self.errors_banner.setVisible(True)

    def _chain_tab_order(self) -> None:
        chain: list[QWidget] = [part for widget in self.widgets.values() for part in widget.inputs()]
        chain += [self.next_button, self.back_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def current_widget(self) -> FieldWidget | None:
        """The question on screen (on a mediator's page: the first one still to answer)."""
        if self.compact:
            return self._still_to_answer()
        return self.widgets.get(self.field_id)

    def _still_to_answer(self, after: FieldWidget | None = None) -> FieldWidget | None:
        """On a mediator's page, the first question shown (after ``after``, then from the top)
        that is required and empty, or refused."""
        shown = [w for f in page.shown(self._questions()) if (w := self.widgets.get(f))]
        if after in shown:
            position = shown.index(after)
            shown = shown[position + 1:] + shown[:position]
        return next((w for w in shown if (w.field.required and not w.value()) or w.error), None)

    def focus_question(self) -> None:
        """Typing questions get the focus (and so the keyboard); for big buttons the focus
        goes to the question itself, so that no answer looks chosen and no keyboard opens."""
        widget = self.current_widget()
        self._focus(widget)

    def _focus(self, widget: FieldWidget | None) -> None:
        if widget is None:
            self.next_button.setFocus()
        elif widget.text_inputs():
            widget.focus_input()
        else:
            widget.label.setFocus()

    def entered(self) -> None:
        if self.visit is not None and self.visit.questions is not None:
            self.focus_question()

    # --- answers -------------------------------------------------------------

    def _widget_changed(self, widget: FieldWidget, field_id: str, raw: str) -> None:
        # A date box may report its departure after the page changed, or after the visit
        # left the questions: ignore it then.
        if (self.visit is not None and self.visit.questions is not None
                and self.widgets.get(field_id) is widget):
            self.answer_changed(field_id, raw)

    def _return_pressed(self, widget: FieldWidget, field_id: str) -> None:
        """OK on the keyboard (or Enter) in the question on screen: « Continuer ».

        Run once the key event is over: moving on may rebuild the page and delete the
        field whose key press is still being handled."""
        QTimer.singleShot(0, lambda: self._continue_from(widget, field_id))

    def _continue_from(self, widget: FieldWidget, field_id: str) -> None:
        if not (self.visit is not None and self.visit.questions is not None and self.isVisible()
                and self.widgets.get(field_id) is widget):
            return
        if self.compact:
            self._ok_on_step(widget)
        elif field_id == self.field_id:
            self.go_next()

    def _ok_on_step(self, widget: FieldWidget) -> None:
        """« OK » on a mediator's page: the next box of a date, else the next question still
        to answer, else « Continuer » when it is offered."""
        boxes = [edit for edit, _mode in widget.text_inputs()]
        focus = QApplication.focusWidget()
        if focus in boxes and focus is not boxes[-1]:
            boxes[boxes.index(focus) + 1].setFocus()
            return
        following = self._still_to_answer(after=widget)
        if following is not None and following is not widget:
            self._focus(following)
        elif self.next_button.isEnabled():
            self.go_next()

    def answer_changed(self, field_id: str, raw: str) -> None:
        """The question was left or a choice tapped: ask the core, show its verdict."""
        questions = self._questions()
        verdict = (page.answer(questions, field_id, raw) if self.compact
                   else questions.answer(field_id, raw))
        if verdict is None:
            return
        widget = self.widgets[field_id]
        widget.show_error(verdict.message)
        if verdict.value and widget.value() != verdict.value:
            widget.set_value(verdict.value)
        self._show(self._questions().view())
        if self.compact and verdict.accepted and not widget.text_inputs():
            # A tapped answer moves on, as OK does after typing: the next question to answer.
            following = self._still_to_answer(after=widget)
            self._focus(following if following is not widget else None)

    def go_next(self) -> None:
        """Give this answer to the core; show what it says comes next."""
        self._move(self._questions_move(forward=True))

    def go_back(self) -> None:
        """Keep this answer if it is valid, then the previous question (or step's last)."""
        self._move(self._questions_move(forward=False))

    def _questions_move(self, *, forward: bool) -> tuple[str, dict[str, str]]:
        assert self.visit is not None
        if self.compact:
            raws = self._raws()
            return "", (self.visit.next_page(raws) if forward else self.visit.previous_page(raws))
        widget = self.current_widget()
        before = self.field_id
        raw = widget.value() if widget is not None else None
        errors = (self.visit.next_question(raw) if forward
                  else self.visit.previous_question(raw))
        if forward and widget is not None and before not in errors:
            widget.show_error(None)  # accepted: written as the core keeps it
            value = self._questions().session.answers.get(before, "")
            if value and widget.value() != value:
                widget.set_value(value)
        return before, errors

    def _move(self, outcome: tuple[str, dict[str, str]]) -> None:
        assert self.visit is not None
        before, errors = outcome
        if self.visit.page is not Page.QUESTION:
            self.left.emit()
            return
        if self.compact:
            self.show_view(errors=errors)
            return
        self.show_view(moved=self.field_id != before, errors=errors)

    def follow_mode(self) -> None:
        """A mediator took over or left while the page is on screen: the whole step, or one
        question per page again."""
        if (self.visit is not None and self.visit.questions is not None
                and self.visit.page is Page.QUESTION and self.visit.compact != self.compact):
            self.show_view(moved=True)

    def wipe(self) -> None:
        if self.suggestions is not None:
            self.suggestions.close()
            self.suggestions = None
        clear_layout(self.offers_row)
        self.offers.setVisible(False)
        for widget in self.widgets.values():
            widget.clear()
        clear_layout(self.fields_box)
        self.widgets = {}
        self.visit = None
        self.entry = -1
