"""The path of a visit, as a screen-free model: pages, transitions, conditions, a back stack.

A visit is everything between two welcome screens: a citizen alone or with a
mediator choosing a procedure, answering, adding documents, checking the
summary, agreeing, saving, getting a receipt; or a mediator in their space
(queue, activity, correcting a refused request). The window renders
:meth:`Visit.view`; it holds no flow state of its own.

The navigation map is data (``TRANSITIONS``): each transition names its page,
its event, where it leads and the condition that chooses it when several
could. :meth:`Visit.fire` follows the map, so the diagram drawn from it in
``docs/ARCHITECTURE.md`` (:func:`mermaid`) is the flow the kiosk runs. The
back stack remembers the page a mediator took over from.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from functools import partial
from typing import TYPE_CHECKING, Literal

from kiosk.config import KioskConfig
from kiosk.mediator_call import MediatorCall
from kiosk.representation import ForWhom, Representation
from kiosk.shift import Shift
from offline_queue.times import utc_now

if TYPE_CHECKING:  # the rest is imported where used: not before the welcome screen's first paint
    from kiosk.checklist import Checklist
    from kiosk.correction import Correction
    from kiosk.mediators import Mediator
    from kiosk.payment import Payment
    from kiosk.procedures import Catalogue, Procedure
    from kiosk.questions import MoveKind, Questions
    from kiosk.representative import MandateText
    from kiosk.session import ProcedureSession
    from offline_queue import Outbox, QueuedSubmission


class Page(StrEnum):
    """Every state a visit can be in; each has one kind of screen."""

    WELCOME = "welcome"
    LOGIN = "login"
    PICKER = "picker"
    REQUIREMENTS = "requirements"
    QUESTION = "question"
    DOCUMENTS = "documents"
    CHOOSER = "chooser"
    SUMMARY = "summary"
    CONSENT = "consent"
    SAVING = "saving"
    CONFIRMATION = "confirmation"
    END = "end"
    QUEUE = "queue"
    CORRECTION = "correction"
    ACTIVITY = "activity"
    FOR_WHOM = "for whom"
    MANDATE = "mandate"
    STATUS = "status"


class Event(StrEnum):
    ALONE = "alone"
    WITH_MEDIATOR = "with mediator"
    SIGNED_IN = "start with the mediator signed in"
    MEDIATOR_SPACE = "mediator space"
    LOGGED_IN = "logged in"
    CANCEL = "cancel"
    PICK = "pick"
    BACK = "back"
    BEGIN = "begin"
    NEXT = "next"
    CHOOSE = "choose document"
    ATTACHED = "attached"
    MODIFY = "modify"
    ACCEPT = "accept"
    SAVED = "saved"
    SAVE_FAILED = "save failed"
    DONE = "done"
    HOME = "home"
    ACTIVITY = "activity"
    CORRECT = "correction ready"
    TAKE_OVER = "take over"
    HAND_OVER = "hand over"
    IDLE = "idle wipe"
    QUIT = "quit"
    SYNC = "send now"
    SAID_FOR_WHOM = "said for whom"
    LOOK_UP = "look up a request"


Condition = Literal[
    "for the queue", "taking over", "still on the questions", "first question", "correcting",
    "questions done", "back to summary", "a step", "the documents", "a question to correct",
    "documents to see", "a mediator assists", "no mediator", "questions decide first",
    "the checklist", "a mandate to print", "scan first", "scanning first",
]

DOCUMENTS_SECTION = "documents"
"""The summary's section of documents (``SummarySection.step_id``): « Modifier » there leads
to the documents, not to a step."""

RETURN: Literal["return"] = "return"
"""A transition's target meaning « the page on top of the back stack »."""

Target = Page | Literal["return"]


@dataclass(frozen=True)
class Transition:
    """One move of the visit: from ``source`` on ``event`` to ``target``, when ``when`` holds."""

    source: Page
    event: Event
    target: Target
    when: Condition | None = None


REQUEST_PAGES: tuple[Page, ...] = (
    Page.PICKER, Page.FOR_WHOM, Page.MANDATE, Page.REQUIREMENTS, Page.QUESTION, Page.DOCUMENTS,
    Page.CHOOSER,
    Page.SUMMARY, Page.CONSENT,
)
"""The pages of a request being filled in, where a mediator can take over or hand over."""

SAME_SCREEN: frozenset[tuple[Page, Page]] = frozenset({
    (Page.CONSENT, Page.SAVING), (Page.SAVING, Page.CONSENT)})
"""Moves between two states shown by one screen, which goes on showing what it shows (the
consent with « Enregistrement… », then the failure and « Réessayer »)."""

T = Transition
TRANSITIONS: tuple[Transition, ...] = (
    T(Page.WELCOME, Event.ALONE, Page.PICKER),
    T(Page.WELCOME, Event.WITH_MEDIATOR, Page.LOGIN),
    T(Page.WELCOME, Event.SIGNED_IN, Page.PICKER),
    T(Page.WELCOME, Event.MEDIATOR_SPACE, Page.LOGIN),
    T(Page.LOGIN, Event.LOGGED_IN, Page.QUEUE, "for the queue"),
    T(Page.LOGIN, Event.LOGGED_IN, RETURN, "taking over"),
    T(Page.LOGIN, Event.LOGGED_IN, Page.PICKER),
    T(Page.LOGIN, Event.CANCEL, RETURN, "taking over"),
    T(Page.LOGIN, Event.CANCEL, Page.WELCOME),
    T(Page.PICKER, Event.PICK, Page.FOR_WHOM),
    T(Page.FOR_WHOM, Event.SAID_FOR_WHOM, Page.QUESTION, "questions decide first"),
    T(Page.FOR_WHOM, Event.SAID_FOR_WHOM, Page.REQUIREMENTS),
    T(Page.FOR_WHOM, Event.BACK, Page.PICKER),
    T(Page.PICKER, Event.BACK, Page.WELCOME),
    T(Page.REQUIREMENTS, Event.BEGIN, Page.CHOOSER, "scan first"),
    T(Page.REQUIREMENTS, Event.BEGIN, Page.QUESTION),
    T(Page.REQUIREMENTS, Event.BACK, Page.QUESTION, "questions decide first"),
    T(Page.REQUIREMENTS, Event.BACK, Page.FOR_WHOM),
    T(Page.QUESTION, Event.NEXT, Page.REQUIREMENTS, "the checklist"),
    T(Page.QUESTION, Event.NEXT, Page.QUESTION, "still on the questions"),
    T(Page.QUESTION, Event.NEXT, Page.SUMMARY, "back to summary"),
    T(Page.QUESTION, Event.NEXT, Page.MANDATE, "a mandate to print"),
    T(Page.QUESTION, Event.NEXT, Page.DOCUMENTS, "questions done"),
    T(Page.MANDATE, Event.NEXT, Page.DOCUMENTS),
    T(Page.MANDATE, Event.BACK, Page.QUESTION),
    T(Page.QUESTION, Event.BACK, Page.QUESTION, "still on the questions"),
    T(Page.QUESTION, Event.BACK, Page.CORRECTION, "correcting"),
    T(Page.QUESTION, Event.BACK, Page.REQUIREMENTS, "the checklist"),
    T(Page.QUESTION, Event.BACK, Page.FOR_WHOM, "first question"),
    T(Page.DOCUMENTS, Event.CHOOSE, Page.CHOOSER),
    T(Page.DOCUMENTS, Event.NEXT, Page.SUMMARY),
    T(Page.DOCUMENTS, Event.BACK, Page.QUESTION),
    T(Page.CHOOSER, Event.ATTACHED, Page.QUESTION, "scanning first"),
    T(Page.CHOOSER, Event.CANCEL, Page.QUESTION, "scanning first"),
    T(Page.CHOOSER, Event.ATTACHED, Page.DOCUMENTS),
    T(Page.CHOOSER, Event.CANCEL, Page.DOCUMENTS),
    T(Page.SUMMARY, Event.MODIFY, Page.QUESTION, "a step"),
    T(Page.SUMMARY, Event.MODIFY, Page.DOCUMENTS, "the documents"),
    T(Page.SUMMARY, Event.NEXT, Page.CONSENT),
    T(Page.SUMMARY, Event.BACK, Page.DOCUMENTS),
    T(Page.CONSENT, Event.ACCEPT, Page.SAVING),
    T(Page.CONSENT, Event.BACK, Page.SUMMARY),
    T(Page.SAVING, Event.SAVED, Page.CONFIRMATION),
    T(Page.SAVING, Event.SAVE_FAILED, Page.CONSENT),
    T(Page.CONFIRMATION, Event.DONE, Page.END),
    T(Page.END, Event.HOME, Page.WELCOME),
    T(Page.WELCOME, Event.LOOK_UP, Page.STATUS),
    T(Page.STATUS, Event.HOME, Page.WELCOME),
    T(Page.QUEUE, Event.HOME, Page.WELCOME),
    T(Page.QUEUE, Event.SYNC, Page.QUEUE),
    T(Page.QUEUE, Event.ACTIVITY, Page.ACTIVITY),
    T(Page.QUEUE, Event.CORRECT, Page.CORRECTION),
    T(Page.ACTIVITY, Event.BACK, Page.QUEUE),
    T(Page.CORRECTION, Event.BEGIN, Page.QUESTION, "a question to correct"),
    T(Page.CORRECTION, Event.BEGIN, Page.DOCUMENTS, "documents to see"),
    T(Page.CORRECTION, Event.BEGIN, Page.SUMMARY),
    T(Page.CORRECTION, Event.BACK, Page.QUEUE),
    *(T(page, Event.TAKE_OVER, Page.LOGIN, "no mediator") for page in REQUEST_PAGES),
    *(T(page, Event.HAND_OVER, page, "a mediator assists") for page in (*REQUEST_PAGES, Page.SAVING)),
    *(T(page, Event.IDLE, Page.WELCOME) for page in Page if page not in (Page.WELCOME, Page.SAVING)),
    *(T(page, Event.QUIT, Page.WELCOME) for page in REQUEST_PAGES),
)
del T


class NoTransition(Exception):
    """The event has no transition from the current page (a late or doubled tap): ignored."""


LoginPurpose = Literal["assist", "queue", "take_over"]

Listener = Callable[["Visit", Transition | None], None]
"""Told of each move before it is made (``None``: a mediator was called), with the visit's
facts as they stand: the audit journal and the anonymous visit record (``kiosk.visits``)."""


@dataclass(frozen=True)
class Assistance:
    """What the header's mediator row shows."""

    in_request: bool
    mediator_name: str | None
    can_hand_over: bool
    can_take_over: bool


class Visit:
    """One visit's state; every screen change goes through :meth:`fire`."""

    def __init__(self, config: KioskConfig, catalogue: Catalogue | None = None,
                 listener: Listener | None = None, now: Callable[[], datetime] = utc_now) -> None:
        self.config = config
        self.now = now
        self.listener = listener
        self.catalogue = catalogue
        self.page = Page.WELCOME
        self.entry = 0
        """Numbers each entry into a page: a screen starts afresh only on a new entry (a page
        given back after a mediator's PIN has its old number, and keeps what it shows)."""
        self._entries = 0  # the last number given: numbers are never given twice
        self.back_stack: list[tuple[Page, int]] = []
        """(page, entry) a mediator took over from, given back after the PIN."""
        self.last_move: MoveKind = "question"
        """What the last « Continuer » or « Retour » on a question did (read by the map)."""
        self.modified = ""
        """The summary's section whose « Modifier » was touched last."""
        self.correction_start = ""
        """Where a correction begins: "steps", "documents" or "summary"."""
        self.shift = Shift(config.mediator_stay_minutes)
        """The mediator signed in for the shift (``kiosk.shift``): outlives each visit's wipe."""
        self._reset()

    def _reset(self) -> None:
        self.session: ProcedureSession | None = None
        self.procedure: Procedure | None = None
        self.representation = Representation("self")
        """For whom the request is made (« Pour qui ? »); the procedure is then derived."""
        self.lookup_reference = ""
        """The reference « Où en est ma demande ? » opens with (read from a receipt's QR code)."""
        self.questions: Questions | None = None
        self.mediator: Mediator | None = None
        # The first mediator who assisted this visit: the request records them even if
        # they handed over before it was started (see ``begin``).
        self.assisted_by: str | None = None
        self.login_purpose: LoginPurpose = "assist"
        self.document_kind = ""
        self.scanning_first = False
        """The chooser is open before the questions: a mediator scans the document whose 2D-Doc
        answers some of them (``kiosk.prefill``), or taps « Passer »."""
        self.saved_item: QueuedSubmission | None = None
        self.next_steps: tuple[str, ...] = ()
        self.payment: Payment | None = None
        """« Et maintenant ? » for the answers of the request just saved (they are forgotten)."""
        self.correcting: Correction | None = None
        self.call: MediatorCall | None = None
        """The last call for a mediator of this visit (:mod:`kiosk.mediator_call`)."""
        self.back_stack.clear()

    # --- the map --------------------------------------------------------------------------

    def holds(self, condition: Condition) -> bool:
        """Whether ``condition`` holds now (each is named in the map and the diagram)."""
        return CONDITIONS[condition](self)

    def transitions(self, event: Event) -> list[Transition]:
        return [t for t in TRANSITIONS if t.source is self.page and t.event is event]

    def fire(self, event: Event) -> Page:
        """Follow the first transition of ``event`` from this page whose condition holds."""
        for transition in self.transitions(event):
            if transition.when is None or self.holds(transition.when):
                self._follow(transition)
                return self.page
        raise NoTransition(f"{event.value} from {self.page.value}")

    def can(self, event: Event) -> bool:
        return any(t.when is None or self.holds(t.when) for t in self.transitions(event))

    def _follow(self, transition: Transition) -> None:
        if self.mediator is not None and transition.event is not Event.IDLE:
            self.shift.touch(self.mediator)  # their own move: the sign-in lasts
        if self.listener is not None:
            self.listener(self, transition)
        if transition.target == RETURN:
            self.page, self.entry = self.back_stack.pop()  # the page keeps what it shows
            return
        target = Page(transition.target)
        if transition.event is Event.TAKE_OVER:
            self.back_stack.append((self.page, self.entry))
        if target is Page.WELCOME:
            self._wipe()
        elif target in (Page.PICKER, Page.FOR_WHOM):
            self._drop_session()  # the list of procedures holds no request, nor « Pour qui ? »
        if target is not self.page and (self.page, target) not in SAME_SCREEN:
            self._new_entry()
        self.page = target

    def _new_entry(self) -> None:
        self._entries += 1
        self.entry = self._entries

    # --- the welcome screen and the mediator's PIN -----------------------------------------

    def start_alone(self) -> None:
        self.fire(Event.ALONE)

    def login(self, purpose: Literal["assist", "queue"]) -> None:
        self.login_purpose = purpose
        self.fire(Event.WITH_MEDIATOR if purpose == "assist" else Event.MEDIATOR_SPACE)

    def logged_in(self, mediator: Mediator) -> None:
        self.mediator = mediator
        if self.login_purpose != "queue":  # the PIN for a citizen signs in for the shift
            self.shift.sign_in(mediator)
        if self.call is not None:
            self.call.answer(self.now())
        if self.login_purpose != "queue" and self.assisted_by is None:
            self.assisted_by = mediator.id
        if (self.login_purpose == "take_over" and self.session is not None
                and self.session.mediator_id is None):
            self.session.mediator_id = mediator.id  # read by to_submission() at saving
        self.fire(Event.LOGGED_IN)

    def start_signed_in(self) -> None:
        """« Commencer avec <nom> »: the mediator signed in for the shift assists, no PIN. A
        sign-in that lapsed since the welcome screen was drawn asks the PIN."""
        mediator = self.shift.current()
        if mediator is None:
            self.login("assist")
            return
        self.login_purpose = "assist"
        self.mediator = mediator
        self.assisted_by = mediator.id
        self.fire(Event.SIGNED_IN)

    def cancel_login(self) -> None:
        """« Annuler » at the PIN: back to the request if a mediator was taking over, else home."""
        self.fire(Event.CANCEL)

    def take_over(self) -> bool:
        """« Un médiateur prend la main »: the PIN, then back to the same page. Not while the
        request is being written (the confirmation follows in an instant)."""
        if not self.can(Event.TAKE_OVER):
            return False
        self.login_purpose = "take_over"
        self.fire(Event.TAKE_OVER)
        return True

    def hand_over(self) -> None:
        """« Laisser la personne continuer seule »: the mediator leaves, the page stays. The
        request keeps the mediator's id (``mediator_id``): they did assist it."""
        if self.can(Event.HAND_OVER):
            self.fire(Event.HAND_OVER)
            self.mediator = None
            if self.questions is not None:
                from kiosk import compact  # noqa: PLC0415 - not before the first paint
                compact.one_per_page(self.questions)

    def who(self) -> str:
        """Who acts, for the print log: the mediator's id or « citoyen »."""
        return self.mediator.id if self.mediator else "citoyen"

    def assistance(self) -> Assistance:
        """The header says who assists a request and offers to hand over, or to take over."""
        in_request = self.page in (*REQUEST_PAGES, Page.SAVING)
        return Assistance(
            in_request=in_request,
            mediator_name=self.mediator.name if self.mediator else None,
            can_hand_over=in_request and self.mediator is not None and self.correcting is None,
            can_take_over=in_request and self.mediator is None,
        )

    @property
    def mediator_called(self) -> bool:
        """A call waits for a mediator."""
        return self.call is not None and self.call.waiting

    def call_mediator(self) -> bool:
        """« Appeler un médiateur »: a new call, unless one waits or the site has nobody to
        call (False: the button says what to do instead)."""
        if not self.config.mediator_call:
            return False
        if not self.mediator_called:
            self.call = MediatorCall(self.now())
            if self.listener is not None:
                self.listener(self, None)
        return True

    def cancel_call(self) -> None:
        """« Annuler l'appel »: the citizen no longer needs help."""
        if self.call is not None:
            self.call.cancel(self.now())

    # --- a request ---------------------------------------------------------------------------

    def pick(self, code: str) -> None:
        """A procedure is chosen: « Pour qui ? » comes next."""
        assert self.catalogue is not None, "a catalogue is needed to pick a procedure"
        self.procedure = self.catalogue.get(code)
        self.fire(Event.PICK)

    def say_for_whom(self, for_whom: ForWhom) -> None:
        """« Pour qui ? »: oneself, or someone else (then the procedure asks both identities,
        speaks of the person and asks the proof of the right to act). A fresh session; its
        deciding questions, else the checklist."""
        assert self.procedure is not None and self.catalogue is not None
        self.representation = Representation(for_whom)
        from kiosk.representative import for_someone_else  # noqa: PLC0415 - not before the first paint
        self.procedure = for_someone_else(self.catalogue.get(self.procedure.code), for_whom)
        if self.session is not None:
            self.session.wipe()
        config = self.config
        from kiosk.session import ProcedureSession  # noqa: PLC0415 - not before the first paint
        self.session = ProcedureSession(
            self.procedure, kiosk_id=config.kiosk_id, site=config.site,
            mediator_id=self.mediator.id if self.mediator else self.assisted_by)
        self.session.representation = self.representation
        from kiosk.questions import Questions  # noqa: PLC0415 - not before the first paint
        self.questions = Questions(self.session)
        self.questions.open()
        self.fire(Event.SAID_FOR_WHOM)

    def mandate(self) -> MandateText:
        """The mandate to sign for this request, from both identities just given."""
        assert self.session is not None and self.procedure is not None
        from kiosk.representative import mandate_text  # noqa: PLC0415 - not before the first paint
        return mandate_text(self.session.answers, self.procedure.title, self.config.site_name,
                            self.session.today())

    def mandate_done(self) -> None:
        """« Continuer » after the mandate page: the documents, the signed mandate among them."""
        self.fire(Event.NEXT)

    def mandate_back(self) -> None:
        """« Retour » on the mandate page: the last question."""
        self.fire(Event.BACK)
        self._questions().open(at_end=True)

    def look_up(self, reference: str = "") -> None:
        """« Où en est ma demande ? », or a receipt's QR code read on the welcome screen."""
        self.lookup_reference = reference
        self.fire(Event.LOOK_UP)

    def begin(self) -> None:
        """« J'ai tout, continuer » on the checklist: the questions that follow it; with a
        mediator, first the scan of the document that answers some of them."""
        self.fire(Event.BEGIN)
        if self.page is Page.CHOOSER and self.session is not None:
            from kiosk.prefill import to_scan_first  # noqa: PLC0415 - not before the first paint
            spec = to_scan_first(self.session)
            assert spec is not None
            self.document_kind = spec.kind
            self.scanning_first = True

    def _questions(self) -> Questions:
        assert self.questions is not None, "begin() comes first"
        return self.questions

    def next_question(self, raw: str | None) -> dict[str, str]:
        """« Continuer » on a question: the next one, the documents or the summary. Returns
        the messages to show under the questions."""
        move = self._questions().next(raw)
        self.last_move = move.kind
        self.fire(Event.NEXT)
        return dict(move.errors)

    @property
    def compact(self) -> bool:
        """A mediator drives (not a correction): one step's questions on one page (``kiosk.compact``)."""
        return self.mediator is not None and self.correcting is None

    def next_page(self, raws: Mapping[str, str]) -> dict[str, str]:
        """« Continuer » on a mediator's page of questions: as :meth:`next_question`."""
        from kiosk import compact  # noqa: PLC0415 - not before the first paint
        move = compact.next_page(self._questions(), raws)
        self.last_move = move.kind
        self.fire(Event.NEXT)
        return dict(move.errors)

    def previous_page(self, raws: Mapping[str, str]) -> dict[str, str]:
        """« Retour » on a mediator's page of questions: as :meth:`previous_question`."""
        from kiosk import compact  # noqa: PLC0415 - not before the first paint
        move = compact.previous_page(self._questions(), raws)
        self.last_move = move.kind
        self.fire(Event.BACK)
        return dict(move.errors)

    def previous_question(self, raw: str | None) -> dict[str, str]:
        """« Retour » on a question: the previous one, else what came before the questions."""
        move = self._questions().back(raw)
        self.last_move = move.kind
        self.fire(Event.BACK)
        return dict(move.errors)

    def checklist(self) -> Checklist:
        """What the rest of the request asks for, for the answers given so far."""
        assert self.session is not None and self.procedure is not None
        from kiosk.checklist import checklist_for  # noqa: PLC0415 - not before the first paint
        return checklist_for(self.procedure, self.session.answers, self.session.today())

    def choose_document(self, kind: str) -> None:
        self.document_kind = kind
        self.fire(Event.CHOOSE)

    def document_attached(self) -> None:
        self.fire(Event.ATTACHED)
        self.scanning_first = False

    def cancel_document(self) -> None:
        """« Annuler » in the chooser; « Passer » when it came before the questions."""
        self.fire(Event.CANCEL)
        self.scanning_first = False

    def missing_documents(self) -> list[str]:
        """Titles of the required documents not added yet (« Continuer » waits for them)."""
        assert self.session is not None
        return [d.title for d in self.session.missing_documents()]

    def documents_done(self) -> bool:
        """« Continuer » on the documents: the summary when nothing is missing."""
        if self.missing_documents():
            return False
        self.fire(Event.NEXT)
        return True

    def documents_back(self) -> None:
        """« Retour » on the documents: the last question of the last step."""
        self.fire(Event.BACK)
        self._questions().open(at_end=True)

    def summary_problems(self) -> list[str]:
        """Why the summary cannot lead to the consent yet (the consent itself comes next)."""
        assert self.session is not None
        return self.session.ready_for_consent()

    def modify(self, section: str) -> None:
        """« Modifier » on the summary: that step, coming back to the summary; or the documents."""
        self.modified = section
        self.fire(Event.MODIFY)
        if self.page is Page.QUESTION:
            assert self.session is not None
            self.session.goto(section)
            self._questions().open(return_to_summary=True)

    def confirm_summary(self) -> None:
        if not self.summary_problems():
            self.fire(Event.NEXT)

    def start_saving(self) -> None:
        """The consent is given: the request is being written (no wipe, no take-over now)."""
        self.fire(Event.ACCEPT)

    def save_failed(self) -> None:
        self.fire(Event.SAVE_FAILED)

    def saved(self, item: QueuedSubmission) -> None:
        """The request is on disk: forget the answers, confirm."""
        self.saved_item = item
        if self.session is not None and self.procedure is not None:
            from kiosk.checklist import notes_for  # noqa: PLC0415 - not before the first paint
            self.next_steps = notes_for(self.procedure.next_steps, self.session.answers,
                                        self.session.today())
            from kiosk.payment import payment_for  # noqa: PLC0415 - not before the first paint
            self.payment = payment_for(self.procedure, self.session.answers, self.session.today())
        self._drop_session()
        self.correcting = None  # a correction is saved like any request
        self.fire(Event.SAVED)

    def done(self) -> None:
        self.fire(Event.DONE)

    def back(self) -> None:
        """« Retour » on a page whose way back the map gives (not the questions)."""
        if self.page is Page.CORRECTION:
            self._drop_session()
            self.correcting = None
            self.procedure = None
        if self.page is Page.REQUIREMENTS and self.holds("questions decide first"):
            self._questions().before_checklist()
        self.fire(Event.BACK)

    def go_home(self) -> None:
        """Back to the welcome screen, leaving nothing of the citizen behind: « Fermer », « Retour
        à l'accueil », and the window closing (then from any page, even while saving)."""
        if self.can(Event.HOME):
            self.fire(Event.HOME)
            return
        if self.page is not Page.WELCOME:
            self._follow(Transition(self.page, Event.HOME, Page.WELCOME))  # a move off the map
        self._wipe()

    def idle_expired(self) -> bool:
        """Nobody touched the screen: wipe, unless the request is being written."""
        if not self.can(Event.IDLE):
            return False
        self.fire(Event.IDLE)
        return True

    @property
    def queue_counts_shown(self) -> bool:
        """The status line counts waiting requests for a mediator, or for the citizen whose
        request was just saved: never for the next citizen (welcome, a new request)."""
        return self.mediator is not None or self.page in (
            Page.SAVING, Page.CONFIRMATION, Page.END, Page.QUEUE, Page.ACTIVITY, Page.CORRECTION)

    @property
    def can_quit(self) -> bool:
        """« Quitter la démarche » is offered: on every page of a request (not while saving)."""
        return self.can(Event.QUIT)

    def quit(self) -> None:
        """« Quitter la démarche », confirmed: home with the same wipe as the idle wipe."""
        self.fire(Event.QUIT)

    @property
    def idle_watch(self) -> bool:
        """Idleness is watched while a citizen's data may be on screen."""
        return self.page is not Page.WELCOME

    # --- the mediator's space -------------------------------------------------------------------

    def show_activity(self) -> None:
        self.fire(Event.ACTIVITY)

    def send_now(self) -> None:
        """« Envoyer maintenant » or « Réessayer » in the queue: the page stays, a sync is asked."""
        self.fire(Event.SYNC)

    def correction_job(self, outbox: Outbox, submission_id: str) -> Callable[[], Correction]:
        """The preparation of a correction, as plain work for a background thread."""
        assert self.catalogue is not None
        config = self.config
        from kiosk.correction import prepare_correction  # noqa: PLC0415 - not before the first paint
        return partial(prepare_correction, outbox, self.catalogue, submission_id,
                       kiosk_id=config.kiosk_id, site=config.site,
                       mediator_id=self.mediator.id if self.mediator else None)

    def correction_ready(self, correction: Correction) -> bool:
        """The refused request is rebuilt: its briefing, unless the mediator left meanwhile."""
        if self.mediator is None or self.page is not Page.QUEUE:
            correction.session.wipe()
            return False
        self._drop_session()
        self.correcting = correction
        self.session = correction.session
        self.procedure = correction.procedure
        self.representation = correction.session.representation or Representation("self")
        from kiosk.questions import Questions  # noqa: PLC0415 - not before the first paint
        self.questions = Questions(correction.session, correction.field_remarks, checklist=False)
        self.fire(Event.CORRECT)
        return True

    def begin_correction(self) -> None:
        """Go where the first problem is: a question, the documents, or the summary."""
        assert self.correcting is not None
        where, return_to_summary = self.correcting.where_to_start()
        self.correction_start = where
        self.fire(Event.BEGIN)
        if self.page is Page.QUESTION:
            self._questions().open(return_to_summary=return_to_summary)

    def document_remarks(self) -> dict[str, str]:
        """During a correction, the refused documents not replaced since, with the reason."""
        if self.correcting is None or self.session is None:
            return {}
        session = self.session
        attached = session.documents
        return {
            spec.kind: remark.message
            for spec in session.required_documents()
            if (remark := self.correcting.document_remarks.get(spec.kind)) is not None
            and (attached[spec.kind].sha256 if spec.kind in attached else "") == remark.value
        }

    # --- forgetting ---------------------------------------------------------------------------

    def _drop_session(self) -> None:
        if self.session is not None:
            self.session.wipe()
        self.session = None
        self.questions = None

    def _wipe(self) -> None:
        self._drop_session()
        self._reset()


def _scan_first(session: ProcedureSession) -> bool:
    from kiosk.prefill import to_scan_first  # noqa: PLC0415 - not before the first paint

    return to_scan_first(session) is not None


CONDITIONS: dict[Condition, Callable[[Visit], bool]] = {
    "for the queue": lambda v: v.login_purpose == "queue",
    "taking over": lambda v: v.login_purpose == "take_over" and bool(v.back_stack),
    "still on the questions": lambda v: v.last_move in ("question", "step", "stay"),
    "first question": lambda v: v.last_move == "cancelled",
    "correcting": lambda v: v.last_move == "cancelled" and v.correcting is not None,
    "questions done": lambda v: v.last_move == "done",
    "back to summary": lambda v: (
        v.last_move == "done" and v.questions is not None and v.questions.return_to_summary
        and v.session is not None and not v.session.missing_documents()),
    "a step": lambda v: v.modified != DOCUMENTS_SECTION,
    "the documents": lambda v: v.modified == DOCUMENTS_SECTION,
    "a question to correct": lambda v: v.correction_start == "steps",
    "documents to see": lambda v: v.correction_start == "documents",
    "a mediator assists": lambda v: v.mediator is not None and v.correcting is None,
    "no mediator": lambda v: v.mediator is None,
    "questions decide first": lambda v: v.session is not None and v.session.steps()[0].decides,
    "the checklist": lambda v: v.last_move == "checklist",
    "scan first": lambda v: v.compact and v.session is not None and _scan_first(v.session),
    "scanning first": lambda v: v.scanning_first,
    "a mandate to print": lambda v: (
        v.last_move == "done" and v.representation.needs_mandate and v.session is not None
        and "mandat" not in v.session.documents),
}


def _node(page: Page) -> str:
    return page.name.title().replace("_", "")  # « end » is a word of Mermaid's own


_GROUPS: dict[frozenset[Page], tuple[str, str]] = {
    frozenset(REQUEST_PAGES): ("Request", "any page of a request"),
    frozenset((*REQUEST_PAGES, Page.SAVING)): ("RequestOrSaving", "any page of a request, or saving"),
    frozenset(set(Page) - {Page.WELCOME, Page.SAVING}): ("Anywhere", "any page but welcome and saving"),
}


def mermaid() -> str:
    """The navigation map as a Mermaid state diagram (``docs/ARCHITECTURE.md`` holds it).

    Transitions the map gives from a whole family of pages (take-over, hand-over, idle
    wipe) are drawn once, from a box naming the family; « back to the page taken over »
    goes back to the family of request pages."""
    lines = ["stateDiagram-v2", f"    [*] --> {_node(Page.WELCOME)}"]
    lines += [f"    state \"{page.value}\" as {_node(page)}" for page in Page]
    lines += [f"    state \"{title}\" as {node}" for node, title in _GROUPS.values()]
    families: dict[tuple[Event, bool, Condition | None], list[Transition]] = {}
    for t in TRANSITIONS:
        families.setdefault((t.event, t.target == t.source, t.when), []).append(t)
    drawn: set[Transition] = set()
    for family in families.values():
        group = _GROUPS.get(frozenset(t.source for t in family))
        if group is None or len(family) < 2:
            continue
        target = group[0] if family[0].target == family[0].source else _node(Page(family[0].target))
        lines.append(f"    {group[0]} --> {target} : {_label(family[0])}")
        drawn.update(family)
    for t in TRANSITIONS:
        if t in drawn:
            continue
        target = _GROUPS[frozenset(REQUEST_PAGES)][0] if t.target == RETURN else _node(Page(t.target))
        lines.append(f"    {_node(t.source)} --> {target} : {_label(t)}")
    return "\n".join(lines) + "\n"


def _label(t: Transition) -> str:
    back = ", back to the page taken over" if t.target == RETURN else ""
    return t.event.value + (f" [{t.when}{back}]" if t.when else "")


if __name__ == "__main__":
    print(mermaid(), end="")
