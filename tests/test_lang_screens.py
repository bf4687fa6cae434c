"""Every screen in French, English and Arabic, at 1280×800 and 1080×1920: a screenshot of each
in ``screenshots/lang/<lang>-<size>/``, and every control's accessible name holding its
visible label (WCAG 2.5.3), « (facultatif) » included.

One window per language and size walks the whole visit. The default run walks Arabic on the
portrait screen (right to left, and every name checked against its label); ``-m screenshots``
walks all six.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget
from test_ui_flow import (
    WAIT_MS,
    attach_documents,
    central,  # noqa: F401 - fixture
    click,
    current_question,
    make_kiosk,  # noqa: F401 - fixture
    pick_file,
    scan,
    walk_steps,
)

from kiosk.mediators import create_demo_accounts
from kiosk.procedures import Catalogue
from ui.contrast import is_interactive
from ui.fields import FieldWidget
from ui.i18n import current_language, install_translator

SHOTS = Path(__file__).resolve().parent.parent / "screenshots" / "lang"
SIZES = {"1280x800": (1280, 800), "1080x1920": (1080, 1920)}
ALL = [(lang, size) for lang in ("fr", "en", "ar") for size in SIZES]
DEFAULT = {("ar", "1080x1920")}
_DECORATION = re.compile(r"^[^\w(«]+|[^\w)».…?!]+$")


def visible_label(widget: QWidget) -> str:
    """What a sighted person reads on a control and would say to a voice control: a button's
    text (its first line on a tile, without a leading ⌫ ⇧ ✔ symbol), or the question an input
    answers."""
    if isinstance(widget, QAbstractButton):
        first_line = widget.text().replace("&", "").split("\n")[0]
        return _DECORATION.sub("", first_line).strip()
    if isinstance(widget, QLineEdit):
        parent = widget.parentWidget()
        while parent is not None and not isinstance(parent, FieldWidget):
            parent = parent.parentWidget()
        return parent.label_text if parent is not None else ""
    return ""


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


def name_problems(window: QWidget) -> list[str]:
    """Each visible control whose accessible name does not contain its visible label."""
    problems = []
    for child in window.findChildren(QWidget):
        if not (child.isVisible() and is_interactive(child)):
            continue
        label, name = visible_label(child), child.accessibleName()
        if label and _plain(label) not in _plain(name):
            problems.append(f"{type(child).__name__}: label « {label} », name « {name} »")
    return problems


def test_a_name_without_its_label_is_found(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    box = QWidget()
    layout = QVBoxLayout(box)
    ok, erase = QPushButton("OK"), QPushButton("⌫ Effacer")
    ok.setAccessibleName("Valider")
    erase.setAccessibleName("Effacer")
    layout.addWidget(ok)
    layout.addWidget(erase)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    assert name_problems(box) == ["QPushButton: label « OK », name « Valider »"]


@pytest.mark.parametrize("language,size", [
    pytest.param(lang, size, marks=[] if (lang, size) in DEFAULT else [pytest.mark.screenshots])
    for lang, size in ALL
])
def test_every_screen_in_every_language(qtbot, make_kiosk, catalogue: Catalogue,  # type: ignore[no-untyped-def]  # noqa: F811
                                        language: str, size: str) -> None:
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    expected = Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight

    def choose_language() -> None:
        """As a citizen does, on the welcome (which puts French back for the next one)."""
        qtbot.waitUntil(lambda: window.services is not None and current_language() == "fr",
                        timeout=WAIT_MS)  # started, and back in French after the last visit
        if language != "fr":
            click(qtbot, window.welcome.language_buttons[language])
        qtbot.waitUntil(lambda: app.layoutDirection() == expected, timeout=WAIT_MS)
        qtbot.wait(50)  # the choice holds: nothing puts French back behind the citizen's back
        assert current_language() == language and app.layoutDirection() == expected

    width, height = SIZES[size]
    window.resize(width, height)
    folder = SHOTS / f"{language}-{size}"
    folder.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    seen: set[str] = set()
    rng = random.Random(5)
    procedure = catalogue.get("cg-changement-adresse")

    def shot(page: str) -> None:
        QApplication.processEvents()
        seen.add(type(window.current_screen()).__name__)  # screens are built again per language
        window.grab().save(str(folder / f"{page}.png"))
        problems.extend(f"{page}: {p}" for p in name_problems(window))

    try:
        choose_language()
        shot("01-accueil")
        click(qtbot, window.welcome.look_up_button)
        shot("01b-ou-en-est-ma-demande")
        click(qtbot, window.status_lookup.home_button)
        choose_language()
        create_demo_accounts(kiosk.services.mediators)
        click(qtbot, window.welcome.with_mediator_button)
        window.login.choose("m-0001")
        shot("02-connexion-mediateur")
        click(qtbot, window.login.cancel_button)
        choose_language()
        click(qtbot, window.welcome.alone_button)
        click(qtbot, window.picker.theme_buttons[window.picker.theme_of(procedure.code)])
        shot("03-choix-demarche")
        click(qtbot, window.picker.procedure_tiles[procedure.code])
        shot("03b-pour-qui")
        click(qtbot, window.for_whom.choice_buttons["self"])
        shot("04-ce-qu-il-faut")
        click(qtbot, window.requirements.start_button)
        first = current_question(window.steps)
        click(qtbot, window.steps.next_button)  # no answer: the message in the language
        qtbot.mouseClick(first.inputs()[0], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.keyboard.current_field() is not None, timeout=WAIT_MS)
        shot("05-question-clavier-erreur")
        first.inputs()[0].setText("123 ABC 75")  # an old plate: its date is asked next
        click(qtbot, window.steps.next_button)
        date_question = current_question(window.steps)
        shot("06-question-date")
        walk_steps(qtbot, kiosk, rng, {"carte_siv": "non"})
        shot("07-documents")
        spec = window.session.required_documents()[0]  # type: ignore[union-attr]
        (kiosk.scanner / "photo.txt.pdf").write_bytes(b"not a pdf at all")
        scan(kiosk, procedure, spec.kind, rng)
        click(qtbot, window.documents.add_buttons[spec.kind])
        pick_file(qtbot, window.chooser, kiosk.scanner / "photo.txt.pdf")
        qtbot.waitUntil(lambda: window.chooser.status.isVisible() and not window.chooser.busy,
                        timeout=WAIT_MS)
        shot("08-choix-fichier-refuse")
        click(qtbot, window.chooser.cancel_button)
        attach_documents(qtbot, kiosk, procedure, rng)
        shot("09-recapitulatif")
        click(qtbot, window.summary.next_button)
        shot("10-accord")
        click(qtbot, window.consent.accept_button)
        kiosk.drain(qtbot)
        qtbot.waitUntil(lambda: window.current_screen() is window.confirmation, timeout=WAIT_MS)
        shot("11-confirmation")
        click(qtbot, window.confirmation.done_button)
        shot("12-fin")
        click(qtbot, window.end.home_button)
        choose_language()
        click(qtbot, window.welcome.mediator_button)
        window.login.choose("m-0002")
        window.login.pin.setText("5678")
        click(qtbot, window.login.login_button)
        qtbot.waitUntil(lambda: window.current_screen() is window.queue, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: bool(window.queue.items), timeout=WAIT_MS)
        shot("13-file-attente")
        click(qtbot, window.queue.activity_button)
        qtbot.waitUntil(lambda: window.activity.report is not None, timeout=WAIT_MS)
        shot("14-activite")
        click(qtbot, window.activity.back_button)
        window.idle._warn()
        shot("15-inactivite")
        window.idle.touched()
    finally:
        install_translator(app, "fr")
    assert date_question.field.type == "date"
    assert not problems, "\n".join(problems)
    elsewhere = {type(window.correction).__name__,  # a refused request: test_ui_correction.py
                 type(window.mandate).__name__}  # someone else's request: test_ui_representative.py
    missing = {type(s).__name__ for s in window.screens} - seen - elsewhere
    assert not missing, missing


def test_optional_questions_say_so_in_their_accessible_name(qtbot, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    from ui.fields import make_field_widget

    optional = [f for p in catalogue.procedures.values() for s in p.steps for f in s.fields
                if not f.required and f.type in ("text", "digits", "date", "choice")]
    assert optional
    for question in optional:
        widget = make_field_widget(question)
        qtbot.addWidget(widget)
        assert "(facultatif)" in widget.label.text()  # « Complément (facultatif) — détail »
        for control in widget.inputs():
            assert "(facultatif)" in control.accessibleName(), (question.id, control.accessibleName())
