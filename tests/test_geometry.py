"""Every screen fits the window at the sizes kiosks have, in both themes and with larger text.

One real window per size is driven through the visit model (as a citizen and a mediator
would go) to each screen; on each, the checks fail on a widget outside its parent, two
siblings drawn over each other, a text cut short, the focused field hidden by the keyboard,
Retour/Continuer moving when the keyboard opens, or the status line missing. Each screen is
saved to ``screenshots/<size>-<theme>[-large]/<page>.png`` at the project root.

The default run covers every screen at the four sizes in the standard theme, plus the high
contrast and the larger text at 1280×800; ``-m screens`` runs the whole matrix.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from ban_fake import serve_ban
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)
from test_flow import ANSWER_AND_DOCUMENT, make_refused, pick_answer
from test_ui_compact import to_the_address
from test_ui_flow import central, make_kiosk  # noqa: F401 - fixtures (a window of its own)

from kiosk.config import KioskConfig
from kiosk.flow import Page
from kiosk.launcher import build_services
from kiosk.mediators import Mediator
from kiosk.procedures import Catalogue
from kiosk.samples import sample_document
from ui.app import create_application
from ui.main_window import MainWindow
from ui.screens.background import jobs_running
from ui.screens.common import is_selected
from ui.veil import Veil

SHOTS = Path(__file__).resolve().parent.parent / "screenshots"
SIZES = [(1280, 800), (1366, 768), (1920, 1080), (1080, 1920)]
CODE = "cg-changement-adresse"
ANNE = Mediator(id="m-0001", name="Anne Martin")

SAVER = ThreadPoolExecutor(max_workers=2)
SAVING: list[Future[bool]] = []

DEFAULT = [(size, "standard", False) for size in SIZES] + [
    ((1280, 800), "contraste", False), ((1280, 800), "standard", True)]
FULL = [(size, theme, large) for size in SIZES for theme in ("standard", "contraste")
        for large in (False, True)]


@dataclass
class Kiosk:
    window: MainWindow
    catalogue: Catalogue


@pytest.fixture(scope="module")
def kiosk(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> Iterator[Kiosk]:
    """One window for the module, re-used for every size and look."""
    folder = tmp_path_factory.mktemp("geometry")
    scanner = folder / "scanner"
    scanner.mkdir()
    config = KioskConfig(kiosk_id="7501-K02", site="7501", site_name="Préfecture de la Gironde",
                         data_dir=folder / "kiosk", scanner_dir=scanner, central_url="",
                         idle_warning_s=600)
    services = build_services(config, catalogue=catalogue)
    services.sync = None
    services.print_receipt = lambda *_args: None
    create_application([])
    window = MainWindow(config, services)
    window.show()
    window.activateWindow()
    yield Kiosk(window, catalogue)
    window.set_look(False, False)
    window.close()
    services.outbox.close()


# --- the checks ---------------------------------------------------------------------------

def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    shown = f" «{text()[:40]}»" if callable(text) else ""
    return f"{type(widget).__name__}{shown}"


def _scrolled(widget: QWidget) -> bool:
    """The body of a scroll area: taller than its viewport on purpose."""
    parent = widget.parentWidget()
    area = parent.parentWidget() if parent is not None else None
    return isinstance(area, QAbstractScrollArea) and parent is area.viewport()


def _shown_children(widget: QWidget) -> list[QWidget]:
    return [c for c in widget.findChildren(QWidget, options=_direct()) if c.isVisible()
            and not c.isWindow()]


def _direct():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.FindChildOption.FindDirectChildrenOnly


def layout_problems(window: MainWindow) -> list[str]:
    """Overflow, overlap and clipped text among the visible widgets of ``window``."""
    problems: list[str] = []
    stack: list[QWidget] = [window]
    while stack:
        parent = stack.pop()
        children = _shown_children(parent)
        stack.extend(children)
        inside = parent.rect()
        for child in children:
            if not _scrolled(child) and not inside.contains(child.geometry()):
                problems.append(f"{_name(child)} {_rect(child.geometry())} outside "
                                f"{_name(parent)} {_rect(inside)}")
        solid = [c for c in children if not isinstance(c, Veil)]
        for i, first in enumerate(solid):
            for second in solid[i + 1:]:
                common = first.geometry().intersected(second.geometry())
                if common.width() > 1 and common.height() > 1:
                    problems.append(f"{_name(first)} overlaps {_name(second)}")
        problems += [p for c in children if (p := clipped(c))]
    return problems


def _rect(rect: QRect) -> str:
    return f"({rect.x()},{rect.y()} {rect.width()}x{rect.height()})"


def clipped(widget: QWidget) -> str:
    """Why the text of ``widget`` does not show whole ("" when it does)."""
    if (isinstance(widget, QPushButton) and widget.text()
            and widget.property("role") not in ("key", "key-action", "key-ok", "tile")
            and widget.width() < widget.sizeHint().width()):
            return f"{_name(widget)} is {widget.width()} px, its text needs {widget.sizeHint().width()}"
    if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
        room = widget.contentsRect()
        if widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 2:
                return f"{_name(widget)} is {widget.height()} px high, its text needs {needed}"
        elif widget.textFormat().name == "PlainText" or "<" not in widget.text():
            width = max(widget.fontMetrics().horizontalAdvance(line)
                        for line in widget.text().splitlines() or [""])
            if width > room.width() + 2:
                return f"{_name(widget)} is {room.width()} px wide, its text needs {width}"
    return ""


def keyboard_problems(window: MainWindow) -> list[str]:
    """The field typed into shows whole, above the keyboard."""
    edit = window.keyboard.current_field()
    if edit is None:
        return []
    problems = []
    seen = edit.visibleRegion().boundingRect()
    if seen.height() < edit.height() - 2 or seen.width() < edit.width() - 2:
        problems.append(f"the field typed into shows {seen.height()} of {edit.height()} px")
    bottom = edit.mapTo(window, QPoint(0, edit.height())).y()
    top = window.keyboard.mapTo(window, QPoint(0, 0)).y()
    if bottom > top:
        problems.append(f"the field typed into ends at {bottom}, under the keyboard at {top}")
    question = edit.parentWidget()
    while question is not None and question.property("role") != "field":
        question = question.parentWidget()
    words = question.findChild(QLabel) if question is not None else None
    if words is not None and words.isVisible():  # the question's own words, above its field
        seen = words.visibleRegion().boundingRect()
        if seen.height() < words.height() - 2:
            problems.append(f"the question « {words.text()} » shows {seen.height()} of "
                            f"{words.height()} px above the keyboard")
    return problems


def chrome_problems(window: MainWindow, size: tuple[int, int]) -> list[str]:
    problems = []
    if (window.width(), window.height()) != size:
        problems.append(f"the window is {window.width()}x{window.height()}, not {size[0]}x{size[1]}")
    status = window.statusBar()
    if not (status.isVisible() and window.rect().contains(status.geometry())
            and window.connection_label.isVisible()):
        problems.append("the status line is not shown")
    return problems


# --- the tour -----------------------------------------------------------------------------

def settle() -> None:
    """Background work reported back (the queue, the activity), layouts done."""
    for _ in range(200):
        QApplication.processEvents()
        if jobs_running() == 0:
            break
        time.sleep(0.01)
    for _ in range(3):
        QApplication.processEvents()


def answer(kiosk: Kiosk, rng: random.Random, until: Callable[[], bool] = lambda: False) -> None:
    """Questions answered through the model until ``until()`` or another page (the screens
    render where it leads)."""
    visit = kiosk.window.visit
    procedure = kiosk.catalogue.get(CODE)
    for _ in range(100):
        if visit.page is not Page.QUESTION or until():
            return
        assert visit.questions is not None
        field_id = visit.questions.view().field_id
        fld = procedure.field(field_id) if field_id else None
        raw = pick_answer(fld, rng, {}) if fld is not None and fld.required else (
            "" if fld is not None else None)
        visit.next_question(raw)
    raise AssertionError("the questions never ended")


def typed_question(kiosk: Kiosk) -> bool:
    """The question on the page is typed (not tapped)."""
    visit = kiosk.window.visit
    assert visit.questions is not None and visit.procedure is not None
    field_id = visit.questions.view().field_id
    return bool(field_id) and visit.procedure.field(field_id).type not in ("choice", "yes_no")


def tour(kiosk: Kiosk, theme: str = "standard", large: bool = False) -> Iterator[str]:
    """Take the window to each screen in turn; yields the page's name once it shows."""
    window = kiosk.window

    def home() -> None:
        """The welcome screen puts the default look back for the next citizen: the mediator's
        screens are seen in the look of the run too."""
        window.go_home()
        settle()
        if (is_selected(window.contrast_button), is_selected(window.large_button)) != (
                theme == "contraste", large):
            window.set_look(theme == "contraste", large)

    visit = window.visit
    rng = random.Random(7)
    act = window._act
    home()
    yield "01-accueil"
    act(visit.start_alone)
    window.picker.show_theme(next(iter(window.picker.theme_buttons)))
    yield "02-choix-demarche"
    act(lambda: visit.pick(CODE))
    yield "03-pour-qui"
    act(lambda: visit.say_for_whom("self"))
    if visit.page is Page.QUESTION:  # the questions that decide the case come first
        answer(kiosk, rng)
        window.show_page()
    yield "04-ce-qu-il-faut"
    act(visit.begin)
    answer(kiosk, rng, lambda: typed_question(kiosk))
    window.steps.start(visit)
    window.show_page()
    settle()
    before = window.steps.next_button.mapTo(window, QPoint(0, 0))
    edit = window.steps.current_widget().text_inputs()[0][0]  # type: ignore[union-attr]
    window.keyboard.show_for(edit)
    settle()
    after = window.steps.next_button.mapTo(window, QPoint(0, 0))
    assert before == after, f"« Continuer » moved from {before} to {after} when the keyboard opened"
    yield "05-question-clavier"
    window.keyboard.close_keyboard()
    answer(kiosk, rng)
    window.show_page()
    yield "06-documents"
    session = visit.session
    assert session is not None
    spec = session.required_documents()[0]
    act(lambda: visit.choose_document(spec.kind))
    yield "07-choix-document"
    for each in session.required_documents():
        session.attach(session.check_document(each.kind, *sample_document(each, rng)))
    act(visit.document_attached)
    act(visit.documents_done)
    yield "08-recapitulatif"
    act(visit.confirm_summary)
    yield "09-accord"
    window.quit_button.click()
    yield "10-quitter"
    window.quit_confirmation.keep_button.click()
    window.overlay.show_seconds(30)
    yield "11-inactivite"
    window.overlay.stay.emit()
    window.overlay.hide()
    session.give_consent("1")
    act(visit.start_saving)
    outbox = window._services().outbox
    window._saved(outbox.enqueue(session.to_submission(), list(session.documents.values())))
    yield "12-confirmation"
    act(visit.done)
    yield "13-fin"
    home()
    act(lambda: visit.login("queue"))
    yield "14-code-mediateur"
    act(lambda: visit.logged_in(ANNE))
    yield "15-file-d-attente"
    act(visit.show_activity)
    yield "16-activite"
    act(visit.back)
    refused = make_refused(outbox, kiosk.catalogue, ANSWER_AND_DOCUMENT)
    correction = visit.correction_job(outbox, refused.id)()
    act(lambda: visit.correction_ready(correction))
    yield "17-correction"
    home()
    act(visit.look_up)
    yield "18-ou-en-est-ma-demande"
    home()


def walk(kiosk: Kiosk, size: tuple[int, int], theme: str, large: bool,
         check: Callable[[str, list[str]], None]) -> int:
    window = kiosk.window
    if (is_selected(window.contrast_button), is_selected(window.large_button)) != (
            theme == "contraste", large):
        window.set_look(theme == "contraste", large)
    window.resize(*size)
    settle()
    folder = SHOTS / f"{size[0]}x{size[1]}-{theme}{'-large' if large else ''}"
    folder.mkdir(parents=True, exist_ok=True)
    pages = 0
    for page in tour(kiosk, theme, large):
        settle()
        image = window.grab().toImage()  # encoded on a thread while the tour goes on
        SAVING.append(SAVER.submit(image.save, str(folder / f"{page}.png")))
        problems = chrome_problems(window, size) + layout_problems(window) + keyboard_problems(window)
        check(page, problems)
        pages += 1
    return pages


def run(kiosk: Kiosk, size: tuple[int, int], theme: str, large: bool) -> None:
    found: dict[str, list[str]] = {}

    def check(page: str, problems: list[str]) -> None:
        if problems:
            found[page] = problems

    assert walk(kiosk, size, theme, large, check) == 18
    while SAVING:
        assert SAVING.pop().result(), "a screenshot was not saved"
    if found:
        pytest.fail("\n".join(f"{page}: {p}" for page, problems in found.items() for p in problems))


@pytest.mark.parametrize(("size", "theme", "large"), DEFAULT,
                         ids=[f"{s[0]}x{s[1]}-{t}{'-large' if g else ''}" for s, t, g in DEFAULT])
def test_every_screen_fits(kiosk: Kiosk, size: tuple[int, int], theme: str, large: bool) -> None:
    run(kiosk, size, theme, large)


@pytest.mark.screens
@pytest.mark.parametrize(("size", "theme", "large"), [v for v in FULL if v not in DEFAULT],
                         ids=[f"{s[0]}x{s[1]}-{t}{'-large' if g else ''}" for s, t, g in FULL
                              if (s, t, g) not in DEFAULT])
def test_every_screen_fits_every_look(kiosk: Kiosk, size: tuple[int, int], theme: str,
                                      large: bool) -> None:
    run(kiosk, size, theme, large)


def test_the_checks_see_a_clipped_text_and_an_overflow(kiosk: Kiosk) -> None:
    """The checks can fail: a button too narrow for its text, a widget past its parent."""
    window = kiosk.window
    window.resize(1280, 800)
    window.go_home()
    settle()
    button = window.welcome.mediator_button
    button.setFixedWidth(40)
    settle()
    try:
        assert any("Espace médiateur" in p for p in layout_problems(window))
    finally:
        button.setMinimumWidth(0)
        button.setMaximumWidth(16777215)
    stray = QLineEdit(window.welcome)
    stray.setGeometry(QRect(window.welcome.width() - 10, 0, 200, 40))
    stray.show()
    try:
        assert any("outside" in p for p in layout_problems(window))
    finally:
        stray.hide()
        stray.deleteLater()
    settle()
    assert not layout_problems(window)


def test_addresses_offered_at_1280x800_keep_the_window_on_the_screen(qtbot, make_kiosk) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """Three addresses offered above the keyboard: the window stays 1280×800, the strip
    holds them whole, the field typed into and Retour/Continuer in view."""
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    window.resize(1280, 800)
    with serve_ban() as url:
        to_the_address(qtbot, kiosk, url)
        steps = window.steps
        street = steps.widgets["adresse"]
        edit = street.inputs()[0]
        edit.setFocus()
        qtbot.keyClicks(edit, "paris")  # every address of the fake base: three offered
        qtbot.waitUntil(lambda: len(street.suggestions()) == 3, timeout=5_000)
        settle()
        SHOTS.mkdir(exist_ok=True)
        window.grab().save(str(SHOTS / "1280x800-adresses-proposees.png"))
        assert (window.width(), window.height()) == (1280, 800)
        assert window.keyboard.isVisible()
        problems = layout_problems(window) + keyboard_problems(window)
        for shown in (*street.suggestions(), steps.next_button, steps.back_button):
            seen = shown.visibleRegion().boundingRect()
            if seen.height() < shown.height() or seen.width() < shown.width():
                problems.append(f"{_name(shown)} shows {seen.width()}x{seen.height()} "
                                f"of {shown.width()}x{shown.height()}")
        assert not problems, problems


def button_rows(header: QWidget, buttons: list[QPushButton]) -> int:
    """How many rows of buttons ``header`` shows."""
    tops = sorted(b.mapTo(header, QPoint(0, 0)).y() for b in buttons)
    return 1 + sum(1 for above, below in zip(tops, tops[1:], strict=False) if below - above > 24)


@pytest.mark.parametrize("large", [False, pytest.param(True, marks=pytest.mark.screens)],
                         ids=["normal", "large"])
def test_the_header_leaves_the_page_its_room(kiosk: Kiosk, large: bool) -> None:
    """On a short screen the header's buttons are 48 px high, in two rows at most (one at
    1920×1080 for a citizen alone, one while typing); every one keeps its name."""
    window = kiosk.window
    visit = window.visit
    for size in ((1280, 800), (1366, 768), (1920, 1080)):
        window.resize(*size)
        for mediator in (None, ANNE):
            window.go_home()
            settle()
            if is_selected(window.large_button) != large:  # a new look restyles every widget
                window.set_look(False, large)
            if mediator is None:
                window._act(visit.start_alone)
            else:
                window._act(lambda: visit.login("assist"))
                window._act(lambda m=mediator: visit.logged_in(m))
            window._act(lambda: visit.pick(CODE))
            window._act(lambda: visit.say_for_whom("self"))
            window._act(visit.begin)
            if visit.page is Page.CHOOSER:  # a mediator is offered the proof of address first
                window._act(visit.cancel_document)  # « Passer »
            settle()
            where = f"{size[0]}x{size[1]} {'with' if mediator else 'without'} a mediator"
            edit = next(e for e in window.steps.findChildren(QLineEdit)
                        if e.isVisible() and window.keyboard.mode_of(e) is not None)
            window.keyboard.show_for(edit)  # the plate, typed
            settle()
            typing_rows = 2 if mediator and size != (1920, 1080) else 1  # with « Avec Anne Martin »
            assert window.header.height() <= 12 + typing_rows * 48 + (typing_rows - 1) * 12, (
                f"{where}, typing: {window.header.height()} px")
            assert (window.width(), window.height()) == size, where
            assert window.quit_button.isVisible() and window.call_button.isVisible(), where
            window.keyboard.close_keyboard()
            settle()
            buttons = [b for b in window.header.findChildren(QPushButton) if b.isVisible()]
            assert window.quit_button in buttons and window.call_button in buttons
            for button in buttons:
                assert 48 <= button.height() <= 52, f"{where}: {_name(button)} is {button.height()} px"
                assert button.text().removeprefix("✔ ") in button.accessibleName()
            rows = 1 if size == (1920, 1080) and not (large or mediator) else 2
            if large and mediator and size != (1920, 1080):
                rows = 3  # a mediator's name in larger text
            assert button_rows(window.header, buttons) <= rows, where
            assert not layout_problems(window), where
    window.set_look(False, False)
    window.go_home()


def test_the_status_line_grows_for_a_call_only(kiosk: Kiosk) -> None:
    """The status line is one line of text high; during a call it holds « Annuler l'appel »
    whole (48 px), then goes back to one line."""
    window = kiosk.window
    window.resize(1280, 800)
    window.go_home()
    window._act(window.visit.start_alone)
    settle()
    bar = window.statusBar()
    quiet = bar.height()
    assert quiet <= window.connection_label.sizeHint().height() + 8, quiet
    window.call_button.click()
    settle()
    cancel = window.calls.cancel_button
    try:
        assert cancel.isVisible() and cancel.height() >= 48 and bar.height() > quiet
        assert bar.rect().contains(cancel.geometry()), "« Annuler l'appel » is cut"
        assert not layout_problems(window)
    finally:
        cancel.click()
        window.go_home()
        settle()
    assert bar.height() == quiet
