"""One question per page: what the steps screen shows, in which order, and where « Retour » goes.

Driven through the real window (« Continuer », « Retour », choices tapped, text typed) on
the carte grise « changement de titulaire », whose first step asks different questions
depending on the answers.
"""

from __future__ import annotations

import random
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from test_ui_flow import (  # noqa: F401 - fixtures
    WAIT_MS,
    Kiosk,
    answer,
    answer_question,
    attach_documents,
    central,
    click,
    current_question,
    make_kiosk,
    pick_answer,
    start_procedure,
    walk_steps,
)

from kiosk.procedures import Catalogue

CODE = "cg-changement-titulaire"


def page(kiosk: Kiosk) -> tuple[str, int, int]:
    """(question on the page, its number, how many) as the page says them."""
    steps = kiosk.window.steps
    found = re.match(r"Question (\d+) sur (\d+)", steps.progress.text())
    assert found, steps.progress.text()
    return current_question(steps).field.id, int(found[1]), int(found[2])


def tap(qtbot, kiosk: Kiosk, value: str) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, current_question(kiosk.window.steps).buttons[value])  # type: ignore[attr-defined]


def go_on(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, kiosk.window.steps.next_button)


def go_back(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, kiosk.window.steps.back_button)


def test_each_page_holds_one_question_with_its_focus(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """A whole request, page by page: one question, numbered among the step's questions;
    typing questions get the focus and the keyboard, big buttons neither."""
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    start_procedure(qtbot, kiosk, catalogue.get(CODE))
    session = window.session
    assert session is not None
    rng = random.Random(7)
    seen: dict[str, list[str]] = {}
    while window.current_screen() in (window.steps, window.requirements):
        if window.current_screen() is window.requirements:  # the checklist, once decided
            click(qtbot, window.requirements.start_button)
            continue
        field_id, number, count = page(kiosk)
        asked = [f.id for f in session.fields()]
        assert (number, count) == (asked.index(field_id) + 1, len(asked))
        assert window.steps.title.text() == session.current.title
        widget = current_question(window.steps)
        focus = QApplication.focusWidget()
        if widget.text_inputs():
            assert focus is widget.inputs()[0]
            assert window.keyboard.current_field() is focus
        else:
            assert not isinstance(focus, QPushButton | QLineEdit)  # no answer looks chosen
            assert window.keyboard.current_field() is None
        seen.setdefault(session.current.id, []).append(field_id)
        answer_question(qtbot, kiosk, rng, {})
    assert window.current_screen() is window.documents
    assert seen == {s.id: [f.id for f in session.fields(s)] for s in session.steps()}


def test_conditional_questions_come_and_go_in_order(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    start_procedure(qtbot, kiosk, catalogue.get(CODE))
    session = window.session
    assert session is not None
    assert session.current.id == "situation"  # the questions that decide come first
    assert page(kiosk) == ("vehicule_plus_4_ans", 1, 1)
    tap(qtbot, kiosk, "oui")
    assert page(kiosk) == ("vehicule_plus_4_ans", 1, 2)  # counted live: one more question
    go_on(qtbot, kiosk)
    assert page(kiosk) == ("contre_visite", 2, 2)
    go_on(qtbot, kiosk)  # not answered: refused, the same page says why
    assert page(kiosk) == ("contre_visite", 2, 2)
    refused = current_question(window.steps)
    assert "Merci de répondre" in refused.error and refused.error_label.isVisible()
    assert QApplication.focusWidget() is refused.label  # big buttons: no keyboard, no answer picked
    tap(qtbot, kiosk, "non")
    go_on(qtbot, kiosk)
    assert window.current_screen() is window.requirements  # decided: the checklist
    click(qtbot, window.requirements.start_button)
    assert page(kiosk) == ("plate", 1, 3)
    answer(qtbot, current_question(window.steps), "1234 AB 75")  # an old plate (FNI)
    go_on(qtbot, kiosk)
    assert page(kiosk) == ("code_cession_connu", 2, 3)
    tap(qtbot, kiosk, "oui")
    assert page(kiosk) == ("code_cession_connu", 2, 4)  # counted live: the code is asked
    go_on(qtbot, kiosk)
    assert page(kiosk) == ("code_cession", 3, 4)  # « oui »: the code is asked next
    answer(qtbot, current_question(window.steps), "123456789012345")
    assert "code_cession" in session.answers
    go_back(qtbot, kiosk)
    assert page(kiosk) == ("code_cession_connu", 2, 4)
    tap(qtbot, kiosk, "non")  # the code is no longer asked: forgotten, on screen too
    assert "code_cession" not in session.answers
    assert window.steps.widgets["code_cession"].value() == ""
    go_on(qtbot, kiosk)
    # « La plaque ressemble-t-elle à AB-123-CD ? » follows from the plate: not asked, and its
    # answer (non) asks the date of the old certificate.
    assert session.answers["carte_siv"] == "non"
    assert page(kiosk) == ("date_certificat", 3, 4)
    answer(qtbot, current_question(window.steps), "12/03/2015")
    go_on(qtbot, kiosk)
    assert page(kiosk) == ("date_achat", 4, 4)
    answer(qtbot, current_question(window.steps), "01/02/2026")
    go_on(qtbot, kiosk)
    assert session.current.id == "titulaire"  # last question answered: next step
    go_back(qtbot, kiosk)  # back across steps: the previous step's LAST question
    assert session.current.id == "vehicule"
    assert page(kiosk) == ("date_achat", 4, 4)


def test_back_walks_every_page_to_the_start(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """From the documents, « Retour » replays every page backwards, answers kept, then
    leaves the steps for « Ce qu'il vous faut »."""
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    start_procedure(qtbot, kiosk, catalogue.get("cg-changement-adresse"))  # nothing to decide
    session = window.session
    assert session is not None
    rng = random.Random(3)
    forward: list[tuple[str, str]] = []
    while window.current_screen() is window.steps:
        forward.append((session.current.id, answer_question(qtbot, kiosk, rng, {})))
    answers = dict(session.answers)
    click(qtbot, window.documents.back_button)
    backward: list[tuple[str, str]] = []
    while window.current_screen() is window.steps:
        widget = current_question(window.steps)
        kept = answers.get(widget.field.id, "")
        if kept and widget.field.type == "date":
            kept = session.display_value(widget.field, kept)
        assert widget.value() == kept
        backward.append((session.current.id, widget.field.id))
        go_back(qtbot, kiosk)
    assert backward == forward[::-1]
    assert window.current_screen() is window.requirements
    assert dict(session.answers) == answers


def test_modify_opens_the_step_on_its_first_question(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    procedure = catalogue.get("cg-changement-adresse")
    rng = random.Random(12)
    start_procedure(qtbot, kiosk, procedure)
    walk_steps(qtbot, kiosk, rng, {})
    attach_documents(qtbot, kiosk, procedure, rng)
    session = window.session
    assert session is not None
    step = session.steps()[1]
    click(qtbot, window.summary.modify_buttons[step.id])
    assert session.current.id == step.id
    assert page(kiosk) == (session.fields()[0].id, 1, len(session.fields()))
    assert window.steps.next_button.text() == "Continuer"


def test_keyboard_ok_acts_as_continue(qtbot, make_kiosk, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """OK on the on-screen keyboard (Enter on a real one) checks the answer and moves on;
    a refused answer stays on its page with the core's message."""
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    start_procedure(qtbot, kiosk, catalogue.get("permis-inscription"))
    session = window.session
    assert session is not None

    def ok() -> None:
        edit = QApplication.focusWidget()
        assert isinstance(edit, QLineEdit) and window.keyboard.current_field() is edit
        pad = (window.keyboard.digit_pad if window.keyboard.mode_of(edit) == "digits"
               else window.keyboard.text_keyboard)
        qtbot.mouseClick(pad.action_button("ok"), Qt.MouseButton.LeftButton)
        QApplication.processEvents()

    birth = current_question(window.steps)
    for box, digits in zip(birth.inputs(), ("14", "07", "1950"), strict=True):
        assert QApplication.focusWidget() is box  # each full box hands over to the next
        for digit in digits:
            qtbot.mouseClick(window.keyboard.digit_pad.key_button(digit), Qt.MouseButton.LeftButton)
    ok()
    qtbot.waitUntil(lambda: window.steps.field_id != "date_naissance", timeout=WAIT_MS)
    assert session.answers["date_naissance"] == "1950-07-14"
    for value in ("b", "non", "non"):  # the licence wanted: big buttons, then the checklist
        tap(qtbot, kiosk, value)
        go_on(qtbot, kiosk)
    click(qtbot, window.requirements.start_button)
    name = current_question(window.steps)
    assert name.field.id == "nom" and name.field.required
    ok()  # nothing typed: refused, same page, the message under the field
    qtbot.waitUntil(lambda: bool(name.error), timeout=WAIT_MS)
    assert current_question(window.steps) is name and "nom" not in session.answers
    qtbot.mouseClick(name.inputs()[0], Qt.MouseButton.LeftButton)  # a touch reopens the keyboard
    for letter in "durand":
        qtbot.mouseClick(window.keyboard.text_keyboard.key_button(letter), Qt.MouseButton.LeftButton)
    ok()
    qtbot.waitUntil(lambda: window.steps.field_id != "nom", timeout=WAIT_MS)
    assert session.answers["nom"].lower() == "durand"
    following = current_question(window.steps)
    assert following.field.id == "nom_usage"
    # The next typed question has the focus and its keyboard open, ready for the next word.
    assert window.keyboard.current_field() is following.inputs()[0]
    ok()  # optional and left empty: on to the next question
    qtbot.waitUntil(lambda: window.steps.field_id == "prenoms", timeout=WAIT_MS)
    first_names = current_question(window.steps).inputs()[0]
    assert isinstance(first_names, QLineEdit)
    qtbot.keyClicks(first_names, "Marie")
    qtbot.keyClick(first_names, Qt.Key.Key_Return)  # Enter on a real keyboard: the same
    qtbot.waitUntil(lambda: window.steps.field_id == "commune_naissance", timeout=WAIT_MS)
    assert session.answers["prenoms"] == "Marie"
