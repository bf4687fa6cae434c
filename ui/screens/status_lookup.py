"""« Où en est ma demande ? »: find a request from its receipt, at any kiosk of the site.

The receipt's QR code is shown to the site's barcode reader, which types the
reference like a keyboard (:class:`WedgeListener`, on the welcome screen too), or
the reference is typed. The answer is said in plain words; when the service asks
for something (``needs_info``) or awaits a payment, « Imprimer » gives the list
on paper. The lookup and the printing run in the background.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from kiosk.receipts.errors import PrintError
from kiosk.receipts.translated import numeric_dates
from kiosk.reference_lookup import Finding
from kiosk.wedge import WedgeReader, receipt_reference
from ui.i18n import current_language, tr_core
from ui.screens.background import run_in_background
from ui.screens.common import Screen, StatusLine, big_button, clear_layout, name, text_label

log = logging.getLogger(__name__)

FindJob = Callable[[str], Finding]
"""Runs on a pool thread: where the request with this reference stands."""
PrintFinding = Callable[[Finding], None]
"""Runs on a pool thread: prints the sheet of a finding; ``PrintError`` in French."""


class WedgeListener(QObject):
    """Watches the keys while ``active()`` says so and emits ``scanned(reference)`` when the
    barcode reader typed a receipt's reference. Keys typed into a field are left to it."""

    scanned = Signal(str)

    def __init__(self, active: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._active = active
        self.reader = WedgeReader()
        self._watching = False

    def follow(self) -> None:
        """Watch the application's keys only while ``active()`` says so: a Python event filter
        on the whole application is a call for every event of every widget, some 15 000 per
        citizen's visit, for a reader that only matters on two screens."""
        watch = self._active()
        app = QApplication.instance()
        if watch == self._watching or app is None:
            return
        if watch:
            app.installEventFilter(self)
        else:
            self.stop()
        self._watching = watch

    @property
    def watching(self) -> bool:
        """Whether it is now among the application's event filters."""
        return self._watching

    def stop(self) -> None:
        """Stop watching (the window closes, or its screens are built again)."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.reader.reset()
        self._watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False  # the class first: cheap, and most events are no key
        focus = QApplication.focusWidget()
        if watched is not (focus if focus is not None else QApplication.activeWindow()):
            return False  # the same key on its way through the window, or a parent
        if isinstance(focus, QLineEdit) or not self._active():
            self.reader.reset()
            return False
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        code = self.reader.key("\r" if enter else event.text(), time.monotonic())
        reference = receipt_reference(code) if code else None
        if reference is None:
            return False
        self.scanned.emit(reference)
        return True


class StatusLookupScreen(Screen):
    """Emits ``home``; :meth:`start` with a reference looks it up at once."""

    home = Signal()

    def __init__(self, find: FindJob, print_finding: PrintFinding,
                 attach_keyboard: Callable[[QLineEdit], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Où en est ma demande ?"), parent)
        self._find = find
        self._print = print_finding
        self._ticket = 0
        self.finding: Finding | None = None
        show_code = text_label(self.tr(
            "Montrez le code carré de votre reçu au lecteur, à côté de l'écran."))
        or_type = text_label(self.tr(
            "Ou tapez la référence écrite sur le reçu. Elle commence par PN."))
        self.body.addWidget(show_code)
        self.body.addWidget(or_type)
        self.reference = QLineEdit()
        self.reference.setMaxLength(40)
        self.reference.setPlaceholderText("PN-7501-K02-000123")
        name(self.reference, self.tr("Référence du reçu"),
             self.tr("La référence écrite sur le reçu, par exemple PN-7501-K02-000123"))
        self.search_button = big_button(self.tr("Chercher"), self.tr("Chercher la demande"),
                                        "primary")
        self.body.addWidget(self.reference)
        self.body.addWidget(self.search_button)
        self.asking = [show_code, or_type, self.reference, self.search_button]
        """What asks for a reference: put away while an answer is shown, so it fits the page."""
        self.message = StatusLine()
        self.body.addWidget(self.message)
        self.result = QVBoxLayout()
        self.result.setSpacing(8)
        self.body.addLayout(self.result)
        self.body.addStretch(1)
        self.home_button = big_button(self.tr("Retour à l'accueil"),
                                      self.tr("Revenir à l'accueil et tout effacer"))
        self.print_button = big_button(self.tr("Imprimer"),
                                       self.tr("Imprimer ce qu'il faut faire, pour l'emporter"))
        self.print_button.setVisible(False)
        self.again_button = big_button(self.tr("Chercher une autre demande"),
                                       self.tr("Taper ou lire une autre référence de reçu"))
        self.again_button.setVisible(False)
        self.action_bar.addWidget(self.home_button)
        self.action_bar.addStretch(1)
        self.action_bar.addWidget(self.again_button)
        self.action_bar.addWidget(self.print_button)
        if attach_keyboard is not None:
            attach_keyboard(self.reference)
        self.search_button.clicked.connect(self.search)
        self.reference.returnPressed.connect(self.search)
        self.print_button.clicked.connect(self.print_sheet)
        self.again_button.clicked.connect(lambda: self.start(""))
        self.home_button.clicked.connect(self.home)

    def start(self, reference: str) -> None:
        """A new visit to the page: empty, or looking ``reference`` up at once (QR code)."""
        self.wipe()
        if reference:
            self.reference.setText(reference)
            self.search()

    def search(self) -> None:
        typed = self.reference.text()
        reference = receipt_reference(typed)
        if reference is None:
            self.message.say(self.tr("Ce n'est pas une référence de reçu. Elle commence par PN "
                                     "et finit par six chiffres, par exemple PN-7501-K02-000123."),
                             "error")
            log.info("status lookup: a reference that is not one was typed")
            return
        self.reference.setText(reference)
        # Off the field: the keyboard closes so the answer is in view, and the next receipt
        # shown to the reader is read afresh instead of typed after this one.
        self.search_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self._ticket += 1
        clear_layout(self.result)
        self.print_button.setVisible(False)
        self.message.say(self.tr("Recherche de votre demande…"))
        run_in_background(partial(self._find, reference), partial(self._found, self._ticket),
                          partial(self._failed, self._ticket))

    def _found(self, ticket: int, finding: Finding) -> None:
        if ticket != self._ticket:
            return  # the page was left, or another reference asked meanwhile
        from kiosk.receipts.status_sheet import status_lines

        self.finding = finding
        self.message.say("")
        self._asking(False)
        for kind, text in status_lines(finding)[1:]:
            role = {"heading": "subtitle", "bullet": ""}.get(kind, "")
            text = tr_core(text) if current_language() == "fr" else numeric_dates(tr_core(text))
            self.result.addWidget(text_label(f"• {text}" if kind == "bullet" else text, role))
        status = finding.status
        self.print_button.setVisible(status is not None and (bool(status.missing)
                                                             or status.payment is not None))

    def _asking(self, shown: bool) -> None:
        for widget in self.asking:
            widget.setVisible(shown)
        self.again_button.setVisible(not shown)
        (self.search_button if shown else self.again_button).setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroller.verticalScrollBar().setValue(0)

    def _failed(self, ticket: int, error: BaseException) -> None:
        if ticket != self._ticket:
            return
        log.error("status lookup failed: %s", type(error).__name__)
        self.message.say(self.tr("La recherche n'a pas abouti. Réessayez ; si cela dure, "
                                 "appelez un médiateur."), "error")

    def print_sheet(self) -> None:
        if self.finding is None:
            return
        self.print_button.setEnabled(False)
        self.message.say(self.tr("Impression…"))
        ticket = self._ticket
        run_in_background(partial(self._print, self.finding), partial(self._printed, ticket),
                          partial(self._print_failed, ticket))

    def _printed(self, ticket: int, _result: object) -> None:
        self.print_button.setEnabled(True)
        if ticket == self._ticket:
            self.message.say(self.tr("C'est imprimé. Prenez la feuille."), "success")

    def _print_failed(self, ticket: int, error: BaseException) -> None:
        self.print_button.setEnabled(True)
        if ticket != self._ticket:
            return
        if isinstance(error, PrintError):
            self.message.say(tr_core(error.message), "error")
        else:
            log.error("status sheet not printed: %s", type(error).__name__)
            self.message.say(self.tr("L'impression n'a pas abouti. Appelez un médiateur."), "error")

    def entered(self) -> None:
        """No pad opens by itself: the receipt is read by the reader; a touch on the field
        opens the keyboard to type it."""
        answered = not self.again_button.isHidden()
        (self.again_button if answered else self.search_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def wipe(self) -> None:
        self._ticket += 1
        self.finding = None
        self.reference.clear()
        clear_layout(self.result)
        self.message.say("")
        self.print_button.setVisible(False)
        self.print_button.setEnabled(True)
        self._asking(True)
