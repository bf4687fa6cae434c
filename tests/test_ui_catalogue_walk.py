"""Every procedure shipped, by a citizen alone, through the real screens: to the end screen
with no dead end, and « Quitter la démarche » from every page.

The procedures ``test_ui_flow`` does not walk branch by branch in the default run are
walked here along one path each (their first branch), from the welcome screen to the end
screen and back, on one window as at the counter.

For each procedure shipped, one path a citizen alone takes (its first branch, as in
``test_ui_flow``): the visit's model is taken to the n-th page of that path and the window
shows it; « Quitter la démarche » is on screen, asks first, and once confirmed leaves the
welcome screen with nothing of the citizen: no session, no word typed, no answer on any
screen. The default run quits on two kinds of page per procedure, in turn, so each kind
(the checklist, a question, the documents, the choice of a scan, the summary, the
consent...) is quit several times; ``-m screens`` quits on every page of every procedure,
each question included.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from test_ui_flow import (
    BRANCHES_BY_DEFAULT,
    PROCEDURE_CODES,
    Kiosk,
    branch_forcings,
    central,  # noqa: F401 - fixture (make_kiosk's service)
    click,
    complete_request,
    finish,
    make_kiosk,  # noqa: F401 - fixture
    pick_answer,
)

from kiosk.flow import Page, Visit
from kiosk.procedures import Catalogue, Procedure
from kiosk.samples import sample_document

MARKER = "Quittez-moi"
"""Typed into the page's first field before quitting: no field may keep it."""


def request_pages(visit: Visit, procedure: Procedure, seed: str,
                  given: list[str] | None = None) -> Iterator[str]:
    """Take ``visit`` from the welcome screen along one path alone, one page per ``next``;
    yields the name of each page of the request once the model is on it. The typed answers
    (not the choices) go to ``given``."""
    rng = random.Random(seed)
    forced = branch_forcings(procedure)[0]
    visit.start_alone()
    yield "choix de la démarche"
    visit.pick(procedure.code)
    yield "pour qui"
    visit.say_for_whom("self")
    while visit.page in (Page.QUESTION, Page.REQUIREMENTS):
        if visit.page is Page.REQUIREMENTS:
            yield "ce qu'il faut"
            visit.begin()
            continue
        assert visit.questions is not None
        field_id = visit.questions.view().field_id
        fld = procedure.field(field_id) if field_id else None
        yield f"question {field_id or visit.questions.view()}"
        raw = None
        if fld is not None:
            raw = pick_answer(fld, rng, forced) if fld.required or fld.id in forced else ""
            if given is not None and fld.type not in ("choice", "yes_no") and len(raw) >= 4:
                given.append(raw)
        assert not visit.next_question(raw) or visit.page is Page.QUESTION
    assert visit.page is Page.DOCUMENTS, visit.page
    session = visit.session
    assert session is not None
    for spec in session.required_documents():
        yield "documents"
        visit.choose_document(spec.kind)
        yield f"choix du document {spec.kind}"
        session.attach(session.check_document(spec.kind, *sample_document(spec, rng)))
        visit.document_attached()
    yield "documents, tous joints"
    assert visit.documents_done()
    yield "récapitulatif"
    visit.confirm_summary()
    yield "accord"


def kind(page_name: str) -> str:
    """« question plate » and « question nom » are one kind of page; so are the documents."""
    for prefix in ("question", "choix du document", "documents"):
        if page_name.startswith(prefix):
            return prefix
    return page_name


def quit_at(qtbot, kiosk: Kiosk, procedure: Procedure, index: int) -> str:  # type: ignore[no-untyped-def]
    """The ``index``-th page of the path on screen, then « Quitter la démarche », confirmed."""
    window = kiosk.window
    visit = window.visit
    given: list[str] = []
    pages = request_pages(visit, procedure, procedure.code, given)
    for _ in range(index + 1):
        name = next(pages)
    pages.close()
    window.show_page()
    page = f"{procedure.code} / {name} ({visit.page.name})"
    fields = [e for e in window.current_screen().findChildren(QLineEdit) if e.isVisible()]
    if fields:
        fields[0].insert(MARKER)
    click(qtbot, window.quit_button)
    assert window.quit_confirmation.isVisible(), page
    click(qtbot, window.quit_confirmation.quit_button)
    QApplication.processEvents()
    # the page's rows go at the next turn of the event loop, hidden until then
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert visit.page is Page.WELCOME and window.current_screen() is window.welcome, page
    assert (visit.session, visit.procedure) == (None, None), page
    typed = [edit.text() for edit in window.findChildren(QLineEdit) if edit.text()]
    assert not typed, f"{page}: still on screen after quitting: {len(typed)} field(s)"
    shown = [label.text() for label in window.findChildren(QLabel)]
    kept = [answer for answer in given if any(answer in text for text in shown)]
    assert not kept, f"{page}: {len(kept)} answer(s) still on a screen after quitting"
    return name


KINDS = ("choix de la démarche", "pour qui", "ce qu'il faut", "question", "documents",
         "choix du document", "récapitulatif", "accord")
"""Every kind of page of a request a citizen alone goes through."""


def quit_on(qtbot, kiosk: Kiosk, catalogue: Catalogue, code: str, kinds: set[str] | None) -> None:  # type: ignore[no-untyped-def]
    """Quit on the first page of each of ``kinds`` along ``code``'s path (every page: None)."""
    procedure = catalogue.get(code)
    names = list(request_pages(Visit(kiosk.window.config, catalogue), procedure, code))
    assert {kind(name) for name in names} >= set(KINDS), code
    chosen, seen = [], set()
    for index, name in enumerate(names):
        if kinds is None or (kind(name) in kinds and kind(name) not in seen):
            chosen.append(index)
            seen.add(kind(name))
    for index in chosen:
        assert quit_at(qtbot, kiosk, procedure, index) == names[index], code


def test_every_procedure_alone_to_the_end_screen(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False)
    walked = [code for code in PROCEDURE_CODES if code not in BRANCHES_BY_DEFAULT]
    for code in walked:
        procedure = catalogue.get(code)
        complete_request(qtbot, kiosk, procedure, random.Random(code), branch_forcings(procedure)[0])
        finish(qtbot, kiosk)  # « Terminer », the end screen, back to the welcome screen
    assert len(walked) + len(BRANCHES_BY_DEFAULT) == len(PROCEDURE_CODES) >= 16


def test_quit_from_each_kind_of_page_confirms_then_wipes(qtbot, make_kiosk,  # noqa: F811
                                                         catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    """Each procedure quits on two kinds of page, in turn: each kind is quit four times
    over the catalogue, on one window as at the counter."""
    kiosk = make_kiosk(sync=False)
    for number, code in enumerate(PROCEDURE_CODES):
        kinds = {KINDS[number % len(KINDS)], KINDS[(number + len(KINDS) // 2) % len(KINDS)]}
        quit_on(qtbot, kiosk, catalogue, code, kinds)


@pytest.mark.screens
@pytest.mark.parametrize("code", PROCEDURE_CODES)
def test_quit_from_every_page_confirms_then_wipes(qtbot, make_kiosk, catalogue: Catalogue,  # noqa: F811
                                                  code: str) -> None:  # type: ignore[no-untyped-def]
    quit_on(qtbot, make_kiosk(sync=False), catalogue, code, None)
