"""Voice mode through the real window, with the recording engine as the tester's ears.

The main test completes a change of address « with the screen off »: the test acts
only on what it heard. It finds each control by the name the voice said, touches it
once (and hears the name again), then twice to act, or walks with the arrows; it
types on the physical keyboard. It never reads a screen's attributes to decide.
"""

from __future__ import annotations

import random
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget
from test_ui_flow import (  # noqa: F401 - central, make_kiosk: fixtures
    WAIT_MS,
    Kiosk,
    central,
    make_kiosk,
    scan,
)
from ui_checks import assert_accessible, save_screenshot

from kiosk.procedures import Catalogue
from kiosk.samples import sample_answer
from kiosk.speech import optional
from kiosk.voice_engine import CHIME, RecordingEngine
from ui.fields import optional_label
from ui.i18n import install_translator
from ui.main_window import MainWindow
from ui.voice_mode import HOW_TO

CODE = "cg-changement-adresse"
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


@pytest.fixture
def voice_kiosk(make_kiosk) -> tuple[Kiosk, RecordingEngine]:  # type: ignore[no-untyped-def]  # noqa: F811
    """A kiosk whose voice is the recording engine: the tests' ears."""
    kiosk = make_kiosk(sync=False)
    engine = RecordingEngine()
    kiosk.window.voice.factory = lambda: engine
    return kiosk, engine


def on_first_question(window: MainWindow) -> None:
    window.visit.start_alone()
    window.visit.pick(CODE)
    window.visit.say_for_whom("self")
    window.visit.begin()
    window.show_page()


class Ears:
    """The blind tester: listens to the recording engine, touches what it heard named."""

    def __init__(self, qtbot, window: MainWindow, engine: RecordingEngine) -> None:  # type: ignore[no-untyped-def]
        self.qtbot, self.window, self.engine = qtbot, window, engine
        self.heard: list[str] = []

    def listen(self) -> list[str]:
        """What was said since the last time (the event loop runs a little first)."""
        QApplication.processEvents()
        self.qtbot.wait(10)
        self.heard = self.engine.take()
        return self.heard

    def until(self, words: str) -> list[str]:
        """Listen until ``words`` are said (a save runs in the background), counting what
        was heard last (it may have been said already)."""
        heard = list(self.heard)

        def said() -> bool:
            QApplication.processEvents()
            heard.extend(self.engine.take())
            return words in heard

        self.qtbot.waitUntil(said, timeout=WAIT_MS)
        self.heard = heard
        return heard

    def control(self, name: str, ending: bool = False) -> QWidget:
        """The one visible control the finger finds under ``name`` (or a name ending so)."""
        found = [w for w in self.window.findChildren(QWidget)
                 if isinstance(w, QAbstractButton | QLineEdit) and w.isVisible()
                 and (w.accessibleName().endswith(" : " + name) if ending
                      else w.accessibleName() == name)]
        assert len(found) == 1, (name, [w.accessibleName() for w in found])
        return found[0]

    def touch(self, widget: QWidget) -> str:
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        said = self.listen()
        assert said, "a touch is always answered by a name"
        return said[-1]

    def act(self, name: str, ending: bool = False) -> list[str]:
        """Touch the control heard as ``name`` (and hear it), touch it again to act."""
        widget = self.control(name, ending)
        assert name in self.touch(widget)
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        return self.listen()

    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> list[str]:
        target = QApplication.focusWidget() or self.window
        self.qtbot.keyClick(target, key, modifiers)
        return self.listen()

    def type(self, text: str) -> None:
        """Type on the physical keyboard into the field that has the focus, then Enter."""
        edit = QApplication.focusWidget()
        assert isinstance(edit, QLineEdit)
        edit.selectAll()
        self.qtbot.keyClick(edit, Qt.Key.Key_Backspace)
        self.qtbot.keyClicks(edit, text)

    def line_after(self, first: str) -> str:
        return self.heard[self.heard.index(first) + 1]


def switch_on(ears: Ears) -> list[str]:
    heard = ears.key(Qt.Key.Key_V, CTRL_ALT)
    assert heard[0] == HOW_TO
    return heard


def test_change_of_address_with_the_screen_off(voice_kiosk, qtbot, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    kiosk, engine = voice_kiosk
    window = kiosk.window
    procedure = catalogue.get(CODE)
    rng = random.Random(12)
    # What the citizen knows (their papers), by the question the voice asks.
    mine = {f.label if f.required else optional(f.label): sample_answer(f, rng, date.today())
            for f in procedure.all_fields()}
    mine["Votre plaque ressemble-t-elle à AB-123-CD (deux lettres, trois chiffres, deux lettres) ?"] = "oui"
    ears = Ears(qtbot, window, engine)

    heard = switch_on(ears)
    assert heard[1:5] == ["Bienvenue au point numérique", "Comment souhaitez-vous faire ?",
                          "Avec un médiateur", "Seul(e)"]
    assert "English" in heard[5:]  # the other languages, each in its own words
    assert "Que voulez-vous faire ?" in ears.act("Seul(e)")
    subject = "Déménager, changer de nom…"
    assert procedure.title in ears.heard and subject in ears.heard
    ears.act(subject)  # the subject: the procedures appear, the page stays
    heard = ears.act(procedure.title)
    assert heard[0] == "Pour qui faites-vous cette démarche ?"
    heard = ears.act("Pour moi-même")
    assert heard[0] == procedure.title and "J'ai tout, continuer" in heard
    heard = ears.act("J'ai tout, continuer")

    wrong_once = False
    while heard[0] != "Vos documents":
        label = next(line for line in heard if line in mine)
        answer = mine[label]
        if "Oui" in heard:
            choice = {"oui": "Oui", "non": "Non"}[answer]
            assert ears.act(choice, ending=True) == [f"Réponse donnée : {choice}"]
            heard = ears.act("Continuer")
        elif "Jour" in heard:
            day, month, year = answer.split("/")
            assert "vide" in ears.act(f"{label} : Jour")[-1]
            for part in (day, month, year):  # the boxes move on by themselves when full
                ears.type(part)
            heard = ears.key(Qt.Key.Key_Return)
        else:
            assert ears.act(label)[-1].startswith("Écriture : " + label)
            if not wrong_once:  # a wrong plate: the error is said first, before the question
                ears.type("ZZ")
                heard = ears.key(Qt.Key.Key_Return)
                assert heard[0].startswith("Erreur : "), heard
                assert label in heard
                wrong_once = True
                ears.act(label)
            ears.type(answer)
            heard = ears.key(Qt.Key.Key_Return)
    assert wrong_once

    document = procedure.documents[0]
    assert f"{document.title} : pas encore ajouté." in heard
    assert ears.act("Continuer") == [f"Il manque encore : {document.title}."]
    scan(kiosk, procedure, document.kind, rng)  # the mediator put the paper in the scanner
    heard = ears.act(f"Ajouter : {document.title}")
    assert heard[0] == f"Choisir : {document.title}"
    for _ in range(30):  # walk the page with the arrows until a file is said
        said = ears.key(Qt.Key.Key_Down)
        if said and said[-1].startswith("Utiliser le document numérisé"):
            break
        qtbot.wait(50)
    else:
        raise AssertionError("no file was said")
    heard = ears.key(Qt.Key.Key_Return)
    question = "Quelle date est écrite sur ce document ?"
    if question not in heard:
        heard = ears.until(question)
    ears.act(f"{question} : Jour")  # the bill's date: today's will do
    for part in date.today().strftime("%d %m %Y").split():
        ears.type(part)
    ears.act("Valider la date")
    heard = ears.until("Vos documents")
    assert f"{document.title} : ajouté." in heard, heard
    heard = ears.act("Continuer")
    assert heard[0] == "Vérifiez votre demande"
    assert f"Nom de famille : {mine['Nom de famille']}" in heard
    # a sensitive answer is not read out in the hall
    assert "Numéro de formule : réponse non lue à voix haute" in heard
    heard = ears.act("Tout est juste, continuer")
    consent = kiosk.services.consent
    assert heard[0] == consent.title and consent.button in heard
    ears.act(consent.button)
    heard = ears.until("Votre demande est enregistrée")
    assert any(line.startswith("Votre référence : PN-") for line in heard)
    assert window.visit.next_steps[0] in heard
    heard = ears.act("J'ai terminé")
    assert heard[0] == "Merci, c'est terminé"
    heard = ears.act("Retour à l'accueil")
    assert heard == ["Mode voix coupé."] and not window.voice.on  # the next citizen's kiosk

    saved = kiosk.services.outbox.list_items()
    assert len(saved) == 1
    body = kiosk.services.outbox.body(saved[0].id)
    assert body["answers"]["nom"] == mine["Nom de famille"]
    assert body["answers"]["commune"] == mine["Commune"]


def hold(qtbot, window: MainWindow, button: QWidget) -> None:  # type: ignore[no-untyped-def]
    """A finger held on ``button``, through the window as the touch screen's input comes."""
    where = button.mapTo(window, button.rect().center())
    QTest.mousePress(window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
    qtbot.wait(150)
    QTest.mouseRelease(window.windowHandle(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       where)
    QApplication.processEvents()


def test_long_press_switches_on_without_tapping_what_is_under_the_finger(voice_kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    kiosk, engine = voice_kiosk
    window = kiosk.window
    window.voice.long_press.timer.setInterval(50)  # three seconds in the kiosk
    button = window.welcome.alone_button
    hold(qtbot, window, button)
    assert window.voice.on
    assert window.current_screen() is window.welcome  # the release did not choose « Seul(e) »
    assert not button.isDown()  # nor does it stay pressed
    assert engine.take()[0] == HOW_TO
    hold(qtbot, window, button)
    assert not window.voice.on and engine.take() == ["Seul(e)", "Mode voix coupé."]
    assert window.current_screen() is window.welcome  # nor did this release
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # a short tap is a tap again
    assert window.current_screen() is window.picker


def test_repeat_interrupt_volume_and_speed_by_keys_and_by_the_bar(voice_kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    kiosk, engine = voice_kiosk
    window = kiosk.window
    ears = Ears(qtbot, window, engine)
    assert not window.voice.bar.isVisible()
    page = switch_on(ears)[1:]
    assert window.voice.bar.isVisible()
    assert ears.key(Qt.Key.Key_F5) == page
    interrupted = engine.interruptions
    ears.key(Qt.Key.Key_Escape)
    assert engine.interruptions == interrupted + 1
    volume = engine.volume
    ears.key(Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert engine.volume == volume - 10
    rate = engine.rate
    ears.key(Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert engine.rate > rate
    assert ears.key(Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier) == [
        f"Vitesse {rate} mots par minute"]
    # the bar's buttons are touched to hear, twice to act, like every control
    assert ears.act("Répéter") == page
    assert ears.act("Son fort") == ["Volume 40 sur 100"]  # after the loudest, the softest
    assert engine.volume == 40 and ears.control("Son doux")
    assert ears.act("Voix normale") == ["Vitesse 230 mots par minute"]
    assert engine.rate == 230 and ears.control("Voix rapide")
    # the interface's language is the voice's (espeak-ng has fr, en and ar)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        assert install_translator(app, "en")
        assert ears.listen() and engine.language == "en"  # the page again, in English
    finally:
        install_translator(app, "fr")
    assert ears.listen()[-1] == "English" and engine.language == "fr"  # and in French
    ears.act("Couper la voix")
    assert not window.voice.on and not window.voice.bar.isVisible()


def test_the_voice_bar_fits_and_is_named(voice_kiosk, qtbot, catalogue: Catalogue) -> None:  # type: ignore[no-untyped-def]
    kiosk, engine = voice_kiosk
    window = kiosk.window
    on_first_question(window)
    window.voice.switch(True)
    for size in ((1280, 800), (1080, 1920)):
        window.resize(*size)
        QApplication.processEvents()
        bar = window.voice.bar
        for button in bar.findChildren(QAbstractButton):
            assert button.isVisible() and button.accessibleName() == button.text()
            assert button.width() >= button.sizeHint().width(), button.text()  # no text cut
            assert bar.rect().contains(button.geometry())
        assert_accessible(bar)
        save_screenshot(window, f"voice-question-{size[0]}x{size[1]}")


def test_the_on_screen_keyboard_and_a_question_over_the_page_are_said(  # type: ignore[no-untyped-def]
        voice_kiosk, qtbot, catalogue: Catalogue) -> None:
    kiosk, engine = voice_kiosk
    window = kiosk.window
    on_first_question(window)
    ears = Ears(qtbot, window, engine)
    switch_on(ears)
    label = catalogue.get(CODE).field("plate").label
    ears.act(label)
    assert window.keyboard.isVisible()
    key = window.keyboard.text_keyboard.key_button("a")
    assert ears.touch(key) == "Touche a"
    assert window.steps.current_widget().value() == ""  # type: ignore[union-attr]
    ears.qtbot.mouseClick(key, Qt.MouseButton.LeftButton)
    assert ears.listen() == ["Tapé : a"]
    assert window.steps.current_widget().value() == "A"  # type: ignore[union-attr]  # a plate: capitals
    # a question over the page is read when it opens; the arrows stay within it
    heard = ears.act("Quitter la démarche")
    assert heard[0] == "Tout effacer et revenir à l'accueil ?"
    assert heard[-2:] == ["Non, je continue", "Oui, tout effacer"]
    assert ears.key(Qt.Key.Key_Down) == ["Oui, tout effacer"]
    assert ears.key(Qt.Key.Key_Down) == ["Non, je continue"]
    ears.key(Qt.Key.Key_Return)
    assert not window.quit_confirmation.isVisible() and window.visit.session is not None
    # a mediator's PIN: the key typed is not said aloud
    window.go_home()
    window.visit.login("assist")
    window.show_page()
    ears.listen()
    ears.act("Code du médiateur")
    one = window.keyboard.digit_pad.key_button("1")
    ears.touch(one)
    ears.qtbot.mouseClick(one, Qt.MouseButton.LeftButton)
    assert ears.listen() == ["Tapé."] and window.login.pin.text() == "1"


def test_idle_warning_is_chimed_and_spoken_and_waits_for_the_voice(voice_kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    kiosk, engine = voice_kiosk
    window = kiosk.window
    idle = window.idle
    qtbot.mouseClick(window.welcome.alone_button, Qt.MouseButton.LeftButton)
    assert idle._quiet.interval() == 600_000
    ears = Ears(qtbot, window, engine)
    switch_on(ears)
    assert idle._quiet.interval() == 1_200_000 and idle.countdown_s == 60  # voice: twice as long
    engine.busy = True  # the voice is still reading the page
    idle._warn()
    assert not idle.warning_shown and ears.listen() == []  # no warning over the reading
    idle._tick.start()
    idle.remaining = 1
    idle._count()
    assert window.current_screen() is window.picker  # nothing wiped while it reads
    engine.busy = False
    idle._warn()
    heard = ears.listen()
    assert heard[0] == CHIME and heard[1] == "Êtes-vous toujours là ?"
    assert "60 secondes" in heard[2] and "touchez deux fois" in heard[3]
    engine.busy = True  # the warning itself being said holds nothing back
    assert not window.voice.reading()
    idle.remaining = 1
    idle._count()
    assert window.current_screen() is window.welcome  # wiped: nobody was there
    # the next citizen gets the kiosk as usual: no voice, the usual times
    assert ears.listen()[-1] == "Mode voix coupé." and not window.voice.on
    engine.busy = False
    qtbot.mouseClick(window.welcome.alone_button, Qt.MouseButton.LeftButton)
    assert idle._quiet.interval() == 600_000 and idle.countdown_s == 30
    ears.listen()
    idle._warn()  # the voice off: the warning is chimed and said all the same
    heard = ears.listen()
    assert heard[:2] == [CHIME, "Êtes-vous toujours là ?"] and "30 secondes" in heard[2]


@pytest.mark.parametrize("label", ["Complément d'adresse (bâtiment, étage…)", "Deuxième prénom"])
def test_an_optional_question_is_said_as_the_screen_names_it(label: str) -> None:
    assert optional(label) == optional_label(label)
