"""The kiosk window: a header always in reach, the flow's screens, the keyboard and a status bar.

The window holds no flow state: the visit's model (``kiosk.flow.Visit``) says
which page is current and what it shows; the window routes each page to its
screen, passes on what people tap, and renders the model again. Going back to
the welcome screen wipes the whole session: answers, document bytes, every
widget, the clipboard.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.config import KioskConfig
from kiosk.flow import NoTransition, Page, Visit
from kiosk.held_moves import HeldMoves, Unrecorded
from kiosk.stepper import visit_progress
from ui import gc_guard
from ui.call_view import CallView
from ui.header_fit import HeaderFit, HeaderParts
from ui.i18n import SOURCE_LANGUAGE, current_language, set_language
from ui.idle import IdleOverlay, IdleWatcher
from ui.keyboard import KeyboardDock
from ui.lazy_screens import OnShelf, ScreenShelf, WarmUp
from ui.page_stack import PageStack
from ui.quit_confirm import QuitConfirmation
from ui.screens.common import (
    FlowRow,
    Screen,
    Stepper,
    big_button,
    delete_later,
    is_selected,
    show_selected,
)
from ui.screens.welcome import WelcomeScreen
from ui.theme import apply_theme

SHORT_SCREEN_PX = 1100
"""Below this window height (1366x768 to 1920x1080), the site band and the stepper step aside while the
keyboard is open: the field typed into and Retour/Continuer keep their room."""


def site_title(site_name: str) -> str:
    """« Point numérique — Préfecture de … », without saying « Point numérique » twice."""
    own = QCoreApplication.translate("MainWindow", "Point numérique")
    if not site_name.strip() or own.casefold() in site_name.casefold():
        return site_name.strip() or own
    return QCoreApplication.translate("MainWindow", "Point numérique — %s") % site_name

if TYPE_CHECKING:  # the rest is imported by attach(), after the welcome screen is painted
    from kiosk.catalogue_subjects import Subject
    from kiosk.consent import ConsentText
    from kiosk.correction import Correction
    from kiosk.mediators import Mediator, MediatorDirectory
    from kiosk.procedures import Catalogue, Procedure
    from kiosk.session import ProcedureSession
    from kiosk.visits import VisitRecorder
    from offline_queue import Outbox, QueuedSubmission
    from offline_queue.sync import SendProgress
    from ui.mediator import MediatorLoginScreen
    from ui.screens.activity import ActivityScreen
    from ui.screens.confirmation import ConfirmationScreen
    from ui.screens.consent import ConsentScreen
    from ui.screens.correction import CorrectionScreen
    from ui.screens.document_chooser import DocumentChooserScreen
    from ui.screens.documents import DocumentsScreen
    from ui.screens.end import EndScreen
    from ui.screens.for_whom import ForWhomScreen
    from ui.screens.mandate import MandateScreen
    from ui.screens.picker import PickerScreen
    from ui.screens.queue_view import QueueScreen
    from ui.screens.requirements import RequirementsScreen
    from ui.screens.status_lookup import StatusLookupScreen
    from ui.screens.steps import StepsScreen
    from ui.screens.summary import SummaryScreen
    from ui.sync_worker import SyncStatus, SyncThread

log = logging.getLogger(__name__)

ReceiptPrinter = Callable[[str, bool, str], None]
"""(submission id, final receipt?, who: mediator id or "citoyen") -> None, raises PrintError."""


class _StatusText(QLabel):
    """The status line: wrapped, and exactly as tall as its lines at the width it has.

    A wrapped QLabel asks for the height of a narrow column (three lines for one), which
    the status bar would give it on every screen, taking room from the keyboard.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setWordWrap(True)

    def _height(self) -> int:
        return self.heightForWidth(max(self.width(), 1))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt naming
        return False  # else the bar's layout asks the height of its narrow size hint

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(super().sizeHint().width(), self._height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(super().minimumSizeHint().width(), self._height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # another width, another number of lines


@dataclass
class KioskServices:
    """Everything the screens use, built by ``kiosk.launcher`` (or a test)."""

    config: KioskConfig
    catalogue: Catalogue
    outbox: Outbox
    consent: ConsentText
    mediators: MediatorDirectory
    print_receipt: ReceiptPrinter
    sync: SyncThread | None = None
    demo: bool = False
    # Run off the GUI thread when a citizen's session ends (and once at start):
    # deletes the scanner folder's files so the next person never sees them.
    end_session: Callable[[], object] | None = None
    # Prints a sheet that is not a receipt (the mandate, « Où en est ma demande ? »):
    # (PDF, file name); ``kiosk.receipts.mandate.print_sheet`` on the configuration by default.
    print_sheet: Callable[[bytes, str], None] | None = None


class MainWindow(QMainWindow):
    """Owns the screens and routes the visit's current page to its screen.

    Built in two phases so the welcome screen paints at once: the constructor
    needs only the configuration; ``attach(services)`` (given here or called
    later by the launcher) builds the other screens and connects the sync.
    """

    # Built at their first use (``ui.lazy_screens``, recipes in ``ui.screen_recipes``).
    picker: OnShelf[PickerScreen] = OnShelf()
    for_whom: OnShelf[ForWhomScreen] = OnShelf()
    requirements: OnShelf[RequirementsScreen] = OnShelf()
    steps: OnShelf[StepsScreen] = OnShelf()
    documents: OnShelf[DocumentsScreen] = OnShelf()
    chooser: OnShelf[DocumentChooserScreen] = OnShelf()
    summary: OnShelf[SummaryScreen] = OnShelf()
    consent: OnShelf[ConsentScreen] = OnShelf()
    confirmation: OnShelf[ConfirmationScreen] = OnShelf()
    end: OnShelf[EndScreen] = OnShelf()
    login: OnShelf[MediatorLoginScreen] = OnShelf()
    queue: OnShelf[QueueScreen] = OnShelf()
    correction: OnShelf[CorrectionScreen] = OnShelf()
    activity: OnShelf[ActivityScreen] = OnShelf()
    mandate: OnShelf[MandateScreen] = OnShelf()
    status_lookup: OnShelf[StatusLookupScreen] = OnShelf()

    def __init__(self, config: KioskConfig, services: KioskServices | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.services: KioskServices | None = None
        self.moves = HeldMoves(self.record)
        """The visit's listener: its first move waits there for the record (``record``)."""
        self.visit = Visit(config, listener=self.moves)
        self._record: VisitRecorder | Unrecorded | None = None
        self.subjects: tuple[Subject, ...] = ()
        """The list's subjects, when kept from the last start: the list shows them before
        the catalogue is read."""
        self.screens: list[Screen] = []
        self.pages = ScreenShelf(self._place_screen)
        self.warm_up = WarmUp(self.pages, self)
        self._started: dict[Page, int] = {}
        """Rendering only: the entry (``Visit.entry``) each screen was last started for."""
        self._waiting_tap: Callable[[], object] | None = None
        """A welcome tap made before the catalogue is read: answered as soon as it is."""
        self.sync_status: SyncStatus | None = None
        self._rebuilding = False
        central = QWidget()
        central.setProperty("role", "page")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.header = self._header()
        column.addWidget(self.header)
        column.addWidget(self._stepper_row())
        self.stack = PageStack()
        column.addWidget(self.stack, 1)
        self.keyboard = KeyboardDock(central)  # moved into each screen's keyboard slot
        self.keyboard.opened.connect(self._keep_in_view)
        self.keyboard.opening.connect(self._keyboard_opening)
        self.keyboard.closed.connect(self._fit_chrome)
        self.keyboard.closed.connect(self._keyboard_closed)
        self.setCentralWidget(central)
        self._make_welcome()
        self.set_site(config.site_name)
        self._status_bar()
        rows, band, switches, help_row = self._header_layouts
        self.header_fit = HeaderFit(HeaderParts(
            self.header, rows, band, self.site_label, switches, help_row, self.statusBar(),
            self.stepper_row, self.stepper))
        self.calls = CallView(lambda: self.visit, self.call_button, self.call_message,
                              self.call_flag, self)
        self.statusBar().addWidget(self.calls.cancel_button)  # beside the call card
        self.overlay = IdleOverlay(central)
        self.quit_confirmation = QuitConfirmation(central)
        self.quit_confirmation.confirmed.connect(self.quit_request)
        self.idle = IdleWatcher(config.idle_warning_s, config.idle_reset_s, self)
        self.idle.warning.connect(self.overlay.show_seconds)
        self.idle.countdown.connect(self.overlay.show_seconds)
        self.idle.cancelled.connect(self.overlay.hide)
        self.idle.expired.connect(self._idle_expired)
        self.overlay.stay.connect(self.idle.touched)
        self.overlay.erase.connect(self._erase_now)
        self.show_screen(self.welcome)
        self._shift_timer = QTimer(self)
        self._shift_timer.setInterval(60_000)
        self._shift_timer.timeout.connect(self._show_shift)
        self._shift_timer.start()
        if services is not None:
            self.attach(services)

    # --- what the model holds, read by the header and the tests -------------------------

    @property
    def session(self) -> ProcedureSession | None:
        return self.visit.session

    @property
    def procedure(self) -> Procedure | None:
        return self.visit.procedure

    @property
    def mediator(self) -> Mediator | None:
        return self.visit.mediator

    @property
    def saved_item(self) -> QueuedSubmission | None:
        return self.visit.saved_item

    @property
    def mediator_called(self) -> bool:
        return self.visit.mediator_called

    # --- building ---------------------------------------------------------------

    def _make_welcome(self) -> None:
        self.welcome = WelcomeScreen(self.config.site_name)
        self.welcome.setProperty("role", "page")
        self.stack.addWidget(self.welcome)
        self.screens.append(self.welcome)
        self.pages[Page.WELCOME] = self.welcome
        self.welcome.with_mediator.connect(lambda: self._act(lambda: self.visit.login("assist")))
        self.welcome.start_signed_in.connect(lambda: self._act(self.visit.start_signed_in))
        self.welcome.end_shift.connect(self._end_shift)
        self.welcome.alone.connect(lambda: self._act(self.visit.start_alone))
        self.welcome.mediator_space.connect(lambda: self._act(lambda: self.visit.login("queue")))
        self.welcome.language_chosen.connect(self.set_language)
        self.welcome.look_up.connect(lambda: self._act(self.visit.look_up))

    def use_config(self, config: KioskConfig) -> None:
        """The settings in use, once the start has read them (the demo's are made then): the
        window and the visit model both take them, so a request carries the right kiosk."""
        self.config = config
        self.visit.config = config
        self.visit.shift.minutes = config.mediator_stay_minutes

    def set_site(self, site_name: str) -> None:
        """The header and the window's title name the site (the demo's, once it is known)."""
        self.setWindowTitle(site_title(site_name))
        self.site_label.setText(site_title(site_name))
        self.site_label.setAccessibleName(site_title(site_name))
        self.welcome.set_site(site_name)

    def _header(self) -> QWidget:
        """The band naming the site with the display switches, then the row of help:
        call a mediator, the mediator's take-over or hand-over, « Quitter la démarche ».
        Both rows wrap onto a second line when the width runs out; on a short screen they
        share one row when it fits (``ui.header_fit``)."""
        header = QWidget()
        header.setProperty("role", "header")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        rows = QVBoxLayout(header)
        rows.setContentsMargins(0, 0, 0, 8)
        rows.setSpacing(0)
        # The site band is a row of the header's own layout, not a widget: the help row moves
        # into it and out (``ui.header_fit``) without changing parent, which restyled its
        # buttons at each keyboard opening and closing on a short screen.
        band = QHBoxLayout()
        band.setContentsMargins(32, 8, 32, 0)
        band.setSpacing(16)
        self.site_label = QLabel()
        self.site_label.setProperty("role", "site")
        self.site_label.setWordWrap(True)
        band.addWidget(self.site_label, 1)
        switches = QWidget()
        self.switches = FlowRow(switches)
        band.addWidget(switches, 0)
        rows.addLayout(band)
        # Built in reading order, which is the order Tab follows: the switches, then the help.
        self.large_button = big_button(
            self.tr("Texte plus grand"), self.tr("Agrandir ou rétablir la taille du texte"))
        self.contrast_button = big_button(
            self.tr("Contraste élevé"),
            self.tr("Texte clair sur fond noir, ou revenir aux couleurs normales"))
        self.switches.addWidget(self.large_button)
        self.switches.addWidget(self.contrast_button)
        help_row = QWidget()
        bar = FlowRow(help_row)
        bar.setContentsMargins(32, 8, 32, 0)
        rows.addWidget(help_row)
        self.call_button = big_button(
            self.tr("Appeler un médiateur"),
            self.tr("Prévenir un médiateur du point numérique que vous avez besoin d'aide"),
        )
        bar.addWidget(self.call_button)
        bar.addWidget(self._mediator_row())
        self.quit_button = big_button(
            self.tr("Quitter la démarche"),
            self.tr("Tout effacer et revenir à l'accueil, après une confirmation"))
        bar.addWidget(self.quit_button)
        self.call_message = QLabel()
        self.call_message.setWordWrap(True)
        self.call_message.setProperty("role", "success")
        bar.addWidget(self.call_message)
        self._header_layouts = (rows, band, switches, help_row)
        self.call_message.setVisible(False)
        self.quit_button.setVisible(False)
        self.quit_button.clicked.connect(self.ask_quit)
        self.call_button.clicked.connect(self.call_mediator)
        self.large_button.clicked.connect(
            lambda: self.set_look(is_selected(self.contrast_button), not is_selected(self.large_button)))
        self.contrast_button.clicked.connect(
            lambda: self.set_look(not is_selected(self.contrast_button), is_selected(self.large_button)))
        return header

    def _stepper_row(self) -> QWidget:
        """« Étape n sur N » under the header, on the pages of a request (``kiosk.stepper``)."""
        self.stepper_row = QWidget()
        row = QHBoxLayout(self.stepper_row)
        row.setContentsMargins(32, 12, 32, 0)
        self.stepper = Stepper()
        row.addWidget(self.stepper)
        self.stepper_row.setVisible(False)
        return self.stepper_row

    def _show_chrome(self) -> None:
        """The stepper and « Quitter la démarche » as the visit's page calls for them."""
        progress = visit_progress(self.visit)
        if progress is not None:
            self.stepper.show_progress(progress.number, progress.total, progress.next_title)
        self.stepper_row.setVisible(progress is not None and not self._typing_on_short_screen())
        self.quit_button.setVisible(self.visit.can_quit)
        self._fit_header()
        if self.sync_status is not None:
            self._status_line(self.sync_status)

    def _typing_on_short_screen(self) -> bool:
        return self.keyboard.current_field() is not None and self.height() < SHORT_SCREEN_PX

    def _fit_header(self) -> None:
        """The header's rows again: what it shows changed (a mediator, « Quitter », a call)."""
        self.header_fit.apply(self.height() < SHORT_SCREEN_PX, self._typing_on_short_screen())

    def _fit_chrome(self, typing: bool | None = None) -> None:
        """On a short screen, the header is one row when it fits (``ui.header_fit``); the
        keyboard takes the room of the site's name, the switches, the stepper and the page's
        title (at 1366×768 the question's own words were cut under it), and its keys are
        lower."""
        short = self.height() < SHORT_SCREEN_PX
        self.keyboard.set_compact(short)
        if typing is None:
            typing = self._typing_on_short_screen()
        typing = typing and short
        self._label_hand_over(short)
        self._relayout()  # the keyboard's room counted (or not) before the bands come back
        self.header_fit.apply(short, typing)
        self.stepper_row.setVisible(not typing and visit_progress(self.visit) is not None)
        for screen in self.screens:  # the question, its help and its field over the keyboard
            screen.title.setVisible(not typing)
        self._relayout()  # and their room, before the keyboard shows

    def _label_hand_over(self, short: bool) -> None:
        """« Rendre la main » on a short screen: with it the mediator's header keeps two rows
        (one while typing, and the question its words above the keyboard); a tall screen has
        room for « Laisser la personne continuer seule »."""
        text = (self.tr("Rendre la main") if short else
                self.tr("Laisser la personne continuer seule"))
        if self.hand_over_button.text() == text:
            return
        self.hand_over_button.setText(text)
        self.hand_over_button.setAccessibleName(text)
        for layout in self.header.findChildren(QLayout):  # the header's rows measured anew
            layout.invalidate()

    def _relayout(self) -> None:
        """Sizes computed now: a window laid out from stale sizes grows past the screen."""
        central = self.centralWidget()
        current = self.stack.currentWidget()
        # Every screen: the one the keyboard just left keeps its height otherwise (a hidden
        # widget does not tell its parent's layout).
        layouts = [w.layout() for w in (*self.screens, self.header, central) if w is not None]
        layouts += [screen.keyboard_slot for screen in self.screens]
        for layout in layouts:
            if layout is not None:
                layout.invalidate()
        for widget in (self.header, self.stepper_row, current):
            if widget is not None:
                widget.updateGeometry()
        top = central.layout() if central is not None else None
        if top is not None:
            top.activate()

    def ask_quit(self) -> None:
        """« Quitter la démarche »: a confirmation first, over the dimmed page."""
        if self.visit.can_quit:
            self.keyboard.close_keyboard()
            self.quit_confirmation.ask()

    def quit_request(self) -> None:
        """Confirmed: the same wipe as the idle wipe, and the welcome screen."""
        self._act(self.visit.quit)

    def _erase_now(self) -> None:
        """« Tout effacer maintenant » on the idle countdown: the wipe, at once."""
        self.idle.set_active(False)
        self._idle_expired()

    def set_language(self, code: str) -> None:
        """The welcome screen's language switch: every screen is built again in ``code``
        (only on the welcome screen: nobody's answers are on the other screens)."""
        if self.visit.page is not Page.WELCOME or code == current_language():
            return
        if not set_language(code):
            log.warning("language %s has no catalogue", code)
            return
        self._relabel_chrome()
        gc_guard.release_start_up()  # the old screens must be freed; the warm-up keeps the new
        for screen in self.screens:
            self.stack.removeWidget(screen)
            screen.setParent(None)
            delete_later(screen)
        # Out of the screens about to go (the focus moving among them may have opened it).
        self.keyboard.close_keyboard()
        self.keyboard.setParent(self.centralWidget())
        # the welcome stays the page it is (not entered anew): entering it would put French back
        self.screens, self._started = [], {Page.WELCOME: self.visit.entry}
        self.pages.forget()
        self._make_welcome()
        self.set_site(self.config.site_name)
        if self.visit.catalogue is not None:
            self.attach_catalogue(self.visit.catalogue)
        elif self.subjects:
            self.attach_subjects(self.subjects)
        if self.services is not None:
            self._rebuilding = True
            try:
                self.attach(self.services)
            finally:
                self._rebuilding = False
        self._started[Page.WELCOME] = self.visit.entry  # nobody's data: no wipe to do
        self.show_page()

    def _relabel_chrome(self) -> None:
        """The header's own words in the language just chosen."""
        for button, text, description in (
            (self.call_button, "Appeler un médiateur",
             "Prévenir un médiateur du point numérique que vous avez besoin d'aide"),
            (self.large_button, "Texte plus grand", "Agrandir ou rétablir la taille du texte"),
            (self.contrast_button, "Contraste élevé",
             "Texte clair sur fond noir, ou revenir aux couleurs normales"),
            (self.quit_button, "Quitter la démarche",
             "Tout effacer et revenir à l'accueil, après une confirmation"),
            (self.take_over_button, "Un médiateur prend la main",
             "Un médiateur tape son code pour accompagner la personne. "
             "Rien de ce qui est déjà saisi n'est perdu."),
            (self.hand_over_button, "Laisser la personne continuer seule",
             "Le médiateur se retire et la personne continue seule. "
             "Rien de ce qui est déjà saisi n'est perdu."),
        ):
            selected = is_selected(button)
            shown = QCoreApplication.translate("MainWindow", text)
            button.setText(shown)
            button.setAccessibleName(shown)
            button.setAccessibleDescription(QCoreApplication.translate("MainWindow", description))
            show_selected(button, selected)
        self._label_hand_over(self.height() < SHORT_SCREEN_PX)  # its short words, where they apply

    def _mediator_row(self) -> QWidget:
        """In the help row, during a request only: who assists and « hand over », or « take
        over »."""
        self.mediator_row = QWidget()
        row = QHBoxLayout(self.mediator_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)  # as the help row's: with a mediator's name, one row at 1280 px
        self.take_over_button = big_button(
            self.tr("Un médiateur prend la main"),
            self.tr("Un médiateur tape son code pour accompagner la personne. "
                    "Rien de ce qui est déjà saisi n'est perdu."))
        self.assist_label = QLabel()
        self.assist_label.setProperty("role", "subtitle")
        self.hand_over_button = big_button(
            self.tr("Laisser la personne continuer seule"),
            self.tr("Le médiateur se retire et la personne continue seule. "
                    "Rien de ce qui est déjà saisi n'est perdu."))
        row.addWidget(self.take_over_button)
        row.addWidget(self.assist_label)
        row.addWidget(self.hand_over_button)
        self.mediator_row.setVisible(False)
        self.take_over_button.clicked.connect(self.take_over)
        self.hand_over_button.clicked.connect(self.hand_over)
        return self.mediator_row

    def attach_subjects(self, subjects: tuple[Subject, ...]) -> None:
        """First part of the second phase when the list's subjects were kept
        (``kiosk.catalogue_subjects``): they alone answer the welcome screen's first tap (the
        list of subjects); the catalogue comes just after (``attach_catalogue``)."""
        self.subjects = subjects
        self._catalogue_screens()

    def attach_catalogue(self, catalogue: Catalogue) -> None:
        """The catalogue: the procedures under the list's subjects; when no subjects were
        kept, it answers the first tap itself, while the queue and the accounts still open."""
        self.visit.catalogue = catalogue
        if self.pages.is_built("picker"):
            self.picker.set_catalogue(catalogue)
        self._catalogue_screens()

    def _catalogue_screens(self) -> None:
        """The screens that need only the catalogue or its subjects, then a tap that waited."""
        from ui.screen_recipes import shelve_catalogue_screens

        if getattr(self, "voice", None) is None:
            self._voice()
        shelve_catalogue_screens(self.pages, self)
        if self._waiting_tap is not None:
            tap, self._waiting_tap = self._waiting_tap, None
            self._act(tap)

    def record(self) -> VisitRecorder | Unrecorded:
        """The visit's anonymous record and audit journal (``kiosk.visits``), opened at the
        first call: once the first tap is answered (``kiosk.launcher``), when the services are
        attached, or at a second move made before either (``kiosk.held_moves``)."""
        if self._record is None:
            from kiosk.audit import AuditError
            from kiosk.shift import journal_ends
            from kiosk.visits import open_recorder

            recorder: VisitRecorder | Unrecorded
            try:
                recorder = opened = open_recorder(self.config.data_dir, sent=self._request_sent)
            except AuditError as exc:  # its message names the file; the visit goes on
                log.error("visit record and audit journal not opened: %s", exc)
                recorder = Unrecorded()
            else:
                self.visit.shift.on_end = journal_ends(opened.journal)
            self._record = recorder
            self.moves.hand_over(self.visit, recorder)
        return self._record

    def _request_sent(self, submission_id: str) -> bool:
        outbox = self.services.outbox if self.services is not None else None
        return outbox is not None and outbox.get(submission_id).state == "sent"

    def _place_screen(self, screen: Screen) -> None:
        """A screen just built (``ui.lazy_screens``) joins the stack."""
        self.stack.addWidget(screen)
        self.screens.append(screen)

    def attach(self, services: KioskServices) -> None:
        """Second phase: every other screen on the services (built at first use, or one per
        turn of the event loop meanwhile), and the sync followed."""
        from kiosk.shift import still_active
        from ui.screen_recipes import shelve_service_screens
        from ui.screens.status_lookup import WedgeListener

        first_time = not self._rebuilding
        self.services = services
        self.record()  # before any screen that signs a mediator in or saves a request
        if self.visit.catalogue is not services.catalogue:
            self.attach_catalogue(services.catalogue)
        self.set_site(services.config.site_name)
        if first_time:
            self.visit.shift.account_active = partial(still_active, services.mediators)
        visit = self.visit
        shelve_service_screens(self.pages, self, services)
        assert self.pages.pages() == set(Page), "every page of the visit has its screen"
        # The site's barcode reader types a receipt's reference: on the welcome screen it
        # opens « Où en est ma demande ? », there it looks the new reference up.
        if (previous := getattr(self, "wedge", None)) is not None:  # screens built again
            previous.stop()
        self.wedge = WedgeListener(lambda: visit.page in (Page.WELCOME, Page.STATUS), self)
        self.wedge.scanned.connect(self._receipt_scanned)
        self.wedge.follow()
        if services.demo:
            self._outage_switch()
        self.warm_up.start()
        if not first_time:  # the screens were built again in another language
            return
        if services.sync is not None:
            services.sync.status_changed.connect(self.show_sync_status)
            services.sync.progress_changed.connect(self.show_sync_progress)
            # Through the window (a slot on the GUI thread): the confirmation screen is built
            # again when the language changes.
            services.sync.dossier_received.connect(self._dossier_received)
        else:  # no sync (central service not configured): still say how many requests wait
            from ui.screens.background import run_in_background
            from ui.sync_worker import waiting_status

            run_in_background(partial(waiting_status, services.outbox), self.show_sync_status,
                              self._waiting_unknown)
        if self.stack.currentWidget() is not self.pages.get(visit.page):
            self.show_page()  # a tap made while the services loaded led to one of their screens
        else:
            self._show_assistance()  # « Un médiateur prend la main », now that accounts are read

    def _voice(self) -> None:
        """Voice mode (``ui.voice_mode``): its bar under the header, its event filter, the
        idle warning spoken and chimed, longer times while it is on, no wipe while it reads."""
        from ui.voice_mode import VoiceMode

        self.voice = VoiceMode(self.visit, self, consent=lambda: self._services().consent,
                                pages=self.stack)
        central = self.centralWidget()
        column = central.layout() if central is not None else None
        assert isinstance(column, QVBoxLayout)
        column.insertWidget(1, self.voice.bar)
        self.idle.warning.connect(self.voice.idle_warning)
        self.idle.hold = self.voice.reading
        self.voice.changed_callbacks.append(
            lambda on: self.idle.stretch(self.config.voice_time_factor if on else 1.0))

    def _dossier_received(self, submission_id: str, dossier_number: str) -> None:
        if self.pages.is_built("confirmation"):
            self.confirmation.dossier_received(submission_id, dossier_number)

    def _sheet_job(self, kind: Literal["mandate", "status"]) -> Callable[[Any], None]:
        """The printing of a mandate or a status sheet, as plain work for a pool thread
        (which imports the PDF modules: a second on a loaded kiosk, not on the GUI thread)."""
        services = self._services()
        config = services.config

        def printer(pdf: bytes, name: str) -> None:
            from kiosk.receipts.mandate import print_sheet

            if services.print_sheet is not None:
                services.print_sheet(pdf, name)
            else:
                print_sheet(pdf, config, name)

        def job(what: Any) -> None:
            from kiosk.receipts.mandate import paper, print_mandate
            from kiosk.receipts.status_sheet import print_finding

            (print_mandate if kind == "mandate" else print_finding)(what, paper(config), printer)

        return job

    def _lookup_job(self) -> Callable[[str], Any]:
        from kiosk.reference_lookup import StatusMemory, look_up_here

        services = self._services()
        memory = StatusMemory(services.config.data_dir, services.config.retention_days)
        return partial(look_up_here, services.config, services.outbox, memory, services.catalogue)

    def _receipt_scanned(self, reference: str) -> None:
        if self.visit.page is Page.STATUS:
            self.status_lookup.start(reference)
        else:
            self._act(lambda: self.visit.look_up(reference))

    def _services(self) -> KioskServices:
        assert self.services is not None, "attach() comes first"
        return self.services

    @property
    def ready(self) -> bool:
        """True once ``attach`` has the services (the queue, the accounts, the sync)."""
        return self.services is not None

    def show_startup_error(self, message: str) -> None:
        """The kiosk cannot start (e.g. a damaged queue): say so on the welcome screen."""
        self.welcome.show_problem(message)

    def _status_bar(self) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        self.connection_label = _StatusText(self.tr("Pas encore en ligne (connexion en cours)"))
        self.attention_label = QLabel("")
        self.attention_label.setProperty("role", "error")
        self.attention_label.setVisible(False)
        self.call_flag = QLabel(self.tr("Un médiateur est appelé"))
        self.call_flag.setProperty("role", "error")
        self.call_flag.setVisible(False)
        for label in (self.connection_label, self.attention_label, self.call_flag):
            label.setAccessibleName(label.text() or self.tr("État"))
            label.setContentsMargins(16, 4, 16, 4)
        self.connection_label.setContentsMargins(30, 4, 16, 4)  # in line with the pages' 32 px
        bar.addWidget(self.connection_label, 1)
        bar.addWidget(self.attention_label)
        bar.addWidget(self.call_flag)
        self.outage_button: QPushButton | None = None

    def _outage_switch(self) -> None:
        """Demo only: a status-bar switch that simulates a network outage."""
        if self.outage_button is None:
            self.outage_button = big_button(
                self.tr("Simuler une coupure réseau"),
                self.tr("Démonstration : faire comme si Internet était coupé, ou le rétablir"))
            self.outage_button.clicked.connect(self._toggle_outage)
            self.statusBar().addPermanentWidget(self.outage_button)

    # --- routing -------------------------------------------------------------------

    def _act(self, change: Callable[[], object]) -> None:
        """Give the model what was tapped, then show where it leads."""
        if self.visit.catalogue is None and not self.subjects:  # answered once either is read
            self._waiting_tap = change
            return
        try:
            change()
        except NoTransition as late:  # a late or doubled tap: the page it was for is gone
            log.info("tap ignored: %s", late)
        self.voice.flush()  # voice mode starts saying the new page while its screen is built
        self.show_page()

    def show_page(self) -> None:
        """Show the model's current page, started afresh when the model entered it anew."""
        page, entry = self.visit.page, self.visit.entry
        screen = self.pages.get(page)
        if screen is None:  # a screen of the services, still loading: ``attach`` shows it
            return
        self.keyboard.close_keyboard()
        if self._started.get(page) != entry:
            if page is Page.WELCOME:
                self._forget_on_screen()
            self._start(page)
            self._started[page] = entry
        self.show_screen(screen)
        self._show_called()
        self._show_chrome()

    def _start(self, page: Page) -> None:
        """Give a screen entered anew what the model says it shows."""
        visit = self.visit
        if page is Page.LOGIN:
            signed_in = visit.shift.current()
            self.login.start(visit.login_purpose, signed_in.id if signed_in else None)
            self.login.show_call(self.calls.card())
        elif page is Page.REQUIREMENTS:
            self.requirements.show_checklist(visit.checklist())
        elif page is Page.QUESTION:
            self.steps.start(visit)
        elif page is Page.DOCUMENTS:
            assert visit.session is not None
            self.documents.start(visit.session, visit.document_remarks)
        elif page is Page.CHOOSER:
            assert visit.session is not None
            self.chooser.start(visit.session, visit.document_kind, visit.mediator is not None,
                               first=visit.scanning_first)
        elif page is Page.SUMMARY:
            assert visit.session is not None
            self.summary.start(visit.session)
        elif page is Page.CONSENT:
            assert visit.session is not None
            self.consent.start(visit.session)
        elif page is Page.CONFIRMATION:
            assert visit.saved_item is not None and visit.procedure is not None
            self.confirmation.start(visit.saved_item, visit.next_steps, visit.payment)
        elif page is Page.CORRECTION:
            assert visit.correcting is not None
            self.correction.start(visit.correcting)
        elif page is Page.MANDATE:
            self.mandate.start(visit.mandate())
        elif page is Page.STATUS:
            self.status_lookup.start(visit.lookup_reference)
        elif page is Page.END:
            self.end.autonomy.ask(visit.assisted_by is not None)

    def _forget_on_screen(self) -> None:
        """The welcome screen again: no widget, field or clipboard keeps the citizen's words,
        and the scanner folder is emptied off the GUI thread."""
        if self.services is not None and self.services.end_session is not None:
            from ui.screens.background import run_in_background

            run_in_background(self.services.end_session, lambda _result: None,
                              lambda exc: log.error("end of session cleanup failed: %s",
                                                    type(exc).__name__))
        self._started.clear()
        for screen in self.screens:
            screen.wipe()
        for edit in self.findChildren(QLineEdit):
            edit.clear()
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.clear()
        self.overlay.hide()
        self.quit_confirmation.hide()
        QTimer.singleShot(0, self._back_to_defaults)

    def show_screen(self, screen: Screen) -> None:
        """Bring ``screen`` up, watch idleness unless on the welcome screen; the keyboard
        stays open only if the screen put the focus on a field that types. The keyboard
        sits in the screen, between its body and its actions: Retour and Continuer stay at
        the bottom, open or closed."""
        self.keyboard.close_keyboard()
        with self.keyboard.held():  # the focus passing through a field opens no pad
            self.stack.setCurrentWidget(screen)
            self.idle.set_active(screen is not self.welcome)
            if (wedge := getattr(self, "wedge", None)) is not None:
                wedge.follow()
            if screen is self.welcome:
                self._show_shift()
            self._show_assistance()
        # Qt hands the focus of a button hidden on the way (the page left, a header switch on
        # a short screen) to the next widget in line, which may be a field: that opened the
        # keyboard, unasked. The screen says where its focus goes.
        self.keyboard.close_keyboard()
        screen.entered()
        focus = QApplication.focusWidget()
        if (isinstance(focus, QLineEdit) and screen.isAncestorOf(focus)
                and self.keyboard.mode_of(focus) is not None
                and self.keyboard.current_field() is not focus):
            self.keyboard.show_for(focus)

    def _show_shift(self) -> None:
        """The welcome screen offers « Commencer avec <nom> » while a mediator is signed in
        for the shift (checked again every minute: a sign-in that lapsed goes away)."""
        mediator = self.visit.shift.current()
        self.welcome.show_signed_in(mediator.name if mediator else None)

    def _end_shift(self) -> None:
        """« Fin de service » on the welcome screen: the mediator signs out."""
        self.visit.shift.end("signed_out")
        self._show_shift()

    def _keyboard_opening(self, edit: QLineEdit) -> None:
        """Before the keyboard shows: into the slot of the screen of ``edit`` (moved only
        then: a move restyles its 70 keys), and room made on a short screen."""
        screen = next((s for s in self.screens if s.isAncestorOf(edit)), None)
        typing = self.keyboard.current_field() is not None  # from one field to the next
        if screen is not None and self.keyboard.parentWidget() is not screen:
            screen.keyboard_slot.addWidget(self.keyboard)
            typing = False
        if not typing:  # the chrome is set for typing once, not at each field
            self._fit_chrome(typing=True)

    def _keyboard_closed(self) -> None:
        widget = self.stack.currentWidget()
        if isinstance(widget, Screen):
            widget.keep_visible(None)

    def _keep_in_view(self, edit: QLineEdit) -> None:
        """The keyboard took the lower half: scroll the field being typed into above it."""
        for screen in self.screens:  # the screen being shown may not be current yet
            if screen.isAncestorOf(edit):
                screen.keep_visible(edit)

    def current_screen(self) -> Screen:
        widget = self.stack.currentWidget()
        assert isinstance(widget, Screen)
        return widget

    def print_job(self, submission_id: str, final: bool) -> Callable[[], None]:
        """The printing of one receipt as a job for the pool, bound on the GUI thread to who
        prints now: the job reads no window state."""
        return partial(self._services().print_receipt, submission_id, final, self.visit.who())

    def _print_checklist(self) -> None:
        """« Imprimer la liste »: the checklist on the receipt printer, in the background."""
        from kiosk.receipts.checklist_pdf import print_checklist
        from ui.screens.background import run_in_background

        job = partial(print_checklist, self.visit.checklist(), self._services().config)
        run_in_background(job, lambda _done: self.requirements.printed(None),
                          lambda exc: self.requirements.printed(
                              getattr(exc, "message", self.tr("La liste n'a pas pu être imprimée."))))

    def who(self) -> str:
        """Who acts, for the print log: the mediator's id or « citoyen »."""
        return self.visit.who()

    # --- the mediator's row ---------------------------------------------------------

    def take_over(self) -> None:
        """« Un médiateur prend la main »: the PIN, then back to the same page with the mediator."""
        self._act(self.visit.take_over)

    def hand_over(self) -> None:
        """« Laisser la personne continuer seule »: the mediator leaves, the page stays as it is."""
        self.visit.hand_over()
        self._show_assistance()
        self.take_over_button.setFocus()

    def _show_assistance(self) -> None:
        """The header says who assists a request and offers to hand over, or to take over."""
        if not self.ready:
            return
        assistance = self.visit.assistance()
        if assistance.mediator_name is not None:
            name = assistance.mediator_name
            self.assist_label.setText(self.tr("Avec %s") % name)
            self.assist_label.setAccessibleName(self.tr("Médiateur présent : %s") % name)
        self.mediator_row.setVisible(assistance.in_request)
        self.assist_label.setVisible(assistance.in_request and assistance.mediator_name is not None)
        self.hand_over_button.setVisible(assistance.can_hand_over)
        self.take_over_button.setVisible(assistance.can_take_over)
        self._fit_header()
        if self.pages.is_built("chooser"):
            self.chooser.set_mediator_present(assistance.mediator_name is not None)
        if self.pages.is_built("steps"):
            self.steps.follow_mode()  # a mediator's page holds the whole step

    # --- saving, correcting, going home ------------------------------------------------

    def _saved(self, item: QueuedSubmission) -> None:
        """The request is on disk: the model forgets the answers; confirm, print, send."""
        self._act(lambda: self.visit.saved(item))
        self.request_sync()

    def _send_now(self) -> None:
        self._act(self.visit.send_now)
        self.request_sync()

    def start_correction(self, submission_id: str) -> None:
        """« Corriger » in the queue: rebuild the refused request in the background."""
        from ui.screens.background import run_in_background

        job = self.visit.correction_job(self._services().outbox, submission_id)
        run_in_background(job, self._correction_ready, self._correction_failed)

    def _correction_ready(self, correction: Correction) -> None:
        self._act(lambda: self.visit.correction_ready(correction))

    def _correction_failed(self, error: BaseException) -> None:
        from kiosk.correction import CorrectionRefused
        from offline_queue import OutboxError

        if isinstance(error, CorrectionRefused | OutboxError):
            message = str(error)
        else:
            log.error("correction could not start: %s", type(error).__name__)
            message = self.tr("La correction n'a pas pu commencer. Réessayez ; si cela dure, "
                              "appelez l'assistance informatique.")
        self.queue.correction_failed(message)

    def go_home(self) -> None:
        """Back to the welcome screen, leaving nothing of the citizen behind."""
        self.visit.go_home()
        self.show_page()

    def _back_to_defaults(self) -> None:
        """The next citizen starts in French, with normal text and colours."""
        if is_selected(self.large_button) or is_selected(self.contrast_button):
            self.set_look(False, False)
        if current_language() != SOURCE_LANGUAGE:
            self.set_language(SOURCE_LANGUAGE)

    def _idle_expired(self) -> None:
        if self.visit.idle_expired():
            self.show_page()
        else:  # never wipe while a request is being written, nor leave the countdown on screen
            self.overlay.hide()
            self.idle.touched()

    # --- header, status bar ------------------------------------------------------

    def call_mediator(self) -> None:
        """Call a mediator (a chime, a call card), or say whom to ask on a site without one."""
        self.calls.call()
        self._show_called()
        self._fit_header()

    def _show_called(self) -> None:
        self.calls.refresh()
        if self.pages.is_built("login"):
            self.login.show_call(self.calls.card())

    def set_look(self, contrast: bool, large_text: bool) -> None:
        """Switch theme and text size (the header's two switches)."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, "contraste" if contrast else "standard", large_text)
        show_selected(self.large_button, large_text)
        show_selected(self.contrast_button, contrast)

    def request_sync(self) -> None:
        if self.services is not None and self.services.sync is not None:
            self.services.sync.request_sync.emit()

    def show_sync_status(self, status: SyncStatus) -> None:
        """Online or not, always visible, in words, not only colours; how many requests wait
        only for a mediator or the citizen who just saved (never for the next citizen)."""
        self._status_line(status)
        if self.pages.is_built("queue") and self.current_screen() is self.queue:
            self.queue.sync_reported(status.online)
            self.queue.refresh()

    def _status_line(self, status: SyncStatus) -> None:
        """The status line's words for the page on screen (counts or not, see above)."""
        self.sync_status = status
        counted = self.visit.queue_counts_shown
        text = status.describe() if counted else status.connection_text()
        self.connection_label.setText(("● " if status.online else "○ ") + text)
        self.connection_label.setAccessibleName(text)
        self.connection_label.setToolTip(status.problem)
        attention = (self.tr("%n demande à corriger par un médiateur")
                     if status.needs_attention <= 1
                     else self.tr("%n demandes à corriger par un médiateur")).replace(
            "%n", str(status.needs_attention))
        self.attention_label.setText(attention)
        self.attention_label.setVisible(counted and status.needs_attention > 0)

    def show_sync_progress(self, progress: SendProgress) -> None:
        """While a request's documents go up: the status line adds the bytes sent of the total."""
        from ui.sync_worker import SyncStatus

        if not self.visit.queue_counts_shown:
            return  # the next citizen hears of no earlier request
        line = self.connection_label.accessibleName()  # the last status, without progress
        self.connection_label.setText("● " + line + " · " + SyncStatus.progress_text(progress))

    def _waiting_unknown(self, error: BaseException) -> None:
        """The outbox could not be counted: keep the line, say nothing wrong about the requests."""
        log.warning("status bar: outbox not readable (%s)", type(error).__name__)

    def _toggle_outage(self) -> None:
        assert self.outage_button is not None
        cut = not is_selected(self.outage_button)
        show_selected(self.outage_button, cut)
        if self.services is not None and self.services.sync is not None:
            self.services.sync.worker.set_simulated_outage(cut)
            self.request_sync()

    # --- Qt events -------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._fit_chrome()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        """Wipe on close too, sign the mediator out, and let the sync thread finish its pass."""
        self.go_home()
        self.visit.shift.end("quit")
        app = QApplication.instance()
        if app is not None:
            # a window closed while ``attach`` was still building (a signal at start-up)
            # has no reader listener or voice yet
            wedge, voice = getattr(self, "wedge", None), getattr(self, "voice", None)
            if wedge is not None:
                wedge.stop()
            if voice is not None:
                voice.close()
        if self.services is not None and self.services.sync is not None:
            self.services.sync.stop()
        super().closeEvent(event)
