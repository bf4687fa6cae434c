"""How each of the window's screens is made and wired to the visit's model.

Each recipe builds one screen and connects what it emits to the model
(``window._act``), for ``ui.lazy_screens`` to run at the screen's first use.
The list of procedures needs only the catalogue, so it can answer the first
tap while the queue and the accounts are still being opened; the others use
the kiosk's services. Every screen module is imported by its own recipe.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject

from kiosk.flow import Page
from ui.lazy_screens import ScreenShelf
from ui.screens.common import Screen

if TYPE_CHECKING:
    from ui.main_window import KioskServices, MainWindow

W = TypeVar("W", bound=QObject)


def _wired(sender: W, **slots: Callable[..., object]) -> W:
    """``sender`` with each of its signals (named by the keywords) connected to its slot."""
    for signal, slot in slots.items():
        getattr(sender, signal).connect(slot)
    return sender


def shelve_catalogue_screens(shelf: ScreenShelf, window: MainWindow) -> None:
    """The screens that need nothing but the catalogue (or its kept subjects, for the list's
    first page): the list of procedures and « Pour qui ? »."""
    visit, act = window.visit, window._act

    def picker() -> Screen:
        from ui.screens.picker import PickerScreen

        return _wired(PickerScreen(visit.catalogue, window.keyboard.attach,
                                   subjects=window.subjects),
                      picked=lambda code: act(lambda: visit.pick(code)),
                      back=lambda: act(visit.back))

    def for_whom() -> Screen:
        from ui.screens.for_whom import ForWhomScreen

        return _wired(ForWhomScreen(),
                      chosen=lambda value: act(lambda: visit.say_for_whom(value)),
                      back=lambda: act(visit.back))

    shelf.add("picker", picker, Page.PICKER)
    shelf.add("for_whom", for_whom, Page.FOR_WHOM)


def shelve_service_screens(shelf: ScreenShelf, window: MainWindow, services: KioskServices) -> None:
    """Every other screen, on the kiosk's services (queue, accounts, consent, printing)."""
    visit, act, attach = window.visit, window._act, window.keyboard.attach
    config = services.config
    back = {"back": lambda: act(visit.back)}

    def requirements() -> Screen:
        from ui.screens.requirements import RequirementsScreen

        return _wired(RequirementsScreen(), begin=lambda: act(visit.begin),
                      print_asked=window._print_checklist, **back)

    def steps() -> Screen:
        from ui.screens.steps import StepsScreen

        # « Étape n sur N » follows each step
        return _wired(StepsScreen(attach), left=window.show_page, step_shown=window._show_chrome)

    def documents() -> Screen:
        from ui.screens.documents import DocumentsScreen

        return _wired(DocumentsScreen(),
                      choose=lambda kind: act(lambda: visit.choose_document(kind)),
                      finished=lambda: act(visit.documents_done),
                      back=lambda: act(visit.documents_back))

    def chooser() -> Screen:
        from ui.screens.document_chooser import DocumentChooserScreen

        return _wired(DocumentChooserScreen(config.scanner_dir, attach, config.document_dirs),
                      attached=lambda _kind: act(visit.document_attached),
                      cancelled=lambda: act(visit.cancel_document))

    def summary() -> Screen:
        from ui.screens.summary import SummaryScreen

        return _wired(SummaryScreen(),
                      modify=lambda section: act(lambda: visit.modify(section)),
                      confirmed=lambda: act(visit.confirm_summary), **back)

    def consent() -> Screen:
        from ui.screens.consent import ConsentScreen

        return _wired(ConsentScreen(services.consent, services.outbox.enqueue),
                      saving_started=lambda: act(visit.start_saving),
                      save_failed=lambda: act(visit.save_failed), saved=window._saved, **back)

    def confirmation() -> Screen:
        from ui.screens.confirmation import ConfirmationScreen

        wait_s = config.receipt_ack_wait_s if services.sync is not None else 0
        return _wired(ConfirmationScreen(window.print_job, wait_s), done=lambda: act(visit.done))

    def end() -> Screen:
        from ui.screens.end import EndScreen

        screen = _wired(EndScreen(), home=window.go_home)
        _wired(screen.autonomy,
               chosen=lambda value: window.record().conclude(autonomy=value),
               profile_given=lambda profile, redirection: window.record().conclude(
                   profile=profile, redirected_to=redirection or None))
        return screen

    def login() -> Screen:
        from ui.mediator import MediatorLoginScreen

        return _wired(MediatorLoginScreen(services.mediators, attach),
                      logged_in=lambda mediator: act(lambda: visit.logged_in(mediator)),
                      cancelled=lambda: act(visit.cancel_login))

    def queue() -> Screen:
        from kiosk.retention import RefusalClock
        from ui.central_status import ask_status
        from ui.screens.queue_view import QueueScreen

        screen = QueueScreen(
            services.outbox, services.catalogue, window.print_job,
            lambda submission_id: ask_status(config, services.outbox, submission_id),
            RefusalClock.of(config))
        return _wired(screen, closed=window.go_home, sync_requested=window._send_now,
                      correct=window.start_correction,
                      activity_requested=lambda: act(visit.show_activity))

    def correction() -> Screen:
        from ui.screens.correction import CorrectionScreen

        return _wired(CorrectionScreen(), begin=lambda: act(visit.begin_correction), **back)

    def activity() -> Screen:
        from ui.screens.activity import ActivityScreen

        return _wired(ActivityScreen(services.outbox, services.catalogue, config.data_dir), **back)

    def mandate() -> Screen:
        from ui.screens.mandate import MandateScreen

        return _wired(MandateScreen(window._sheet_job("mandate")),
                      done=lambda: act(visit.mandate_done), back=lambda: act(visit.mandate_back))

    def status_lookup() -> Screen:
        from ui.screens.status_lookup import StatusLookupScreen

        return _wired(StatusLookupScreen(window._lookup_job(), window._sheet_job("status"), attach),
                      home=window.go_home)

    # In the order a request goes: ``WarmUp`` builds them ahead of use in this order.
    shelf.add("requirements", requirements, Page.REQUIREMENTS)
    shelf.add("steps", steps, Page.QUESTION)
    shelf.add("documents", documents, Page.DOCUMENTS)
    shelf.add("chooser", chooser, Page.CHOOSER)
    shelf.add("summary", summary, Page.SUMMARY)
    shelf.add("consent", consent, Page.CONSENT, Page.SAVING)
    shelf.add("confirmation", confirmation, Page.CONFIRMATION)
    shelf.add("end", end, Page.END)
    shelf.add("login", login, Page.LOGIN)
    shelf.add("queue", queue, Page.QUEUE)
    shelf.add("correction", correction, Page.CORRECTION)
    shelf.add("activity", activity, Page.ACTIVITY)
    shelf.add("mandate", mandate, Page.MANDATE)
    shelf.add("status_lookup", status_lookup, Page.STATUS)
