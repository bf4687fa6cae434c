"""Every screen in both themes: accessible names, 44 px targets, 7:1 contrast, and a screenshot.

Screenshots land in ``test-artifacts/screens/`` for a person to look at.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from outbox_helpers import make_body, make_doc
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from test_ui_flow import (
    WAIT_MS,
    answer,
    attach_documents,
    central,  # noqa: F401 - fixture
    click,
    current_question,
    make_kiosk,  # noqa: F401 - fixture
    pick_answer,
    pick_file,
    scan,
    walk_steps,
)
from ui_checks import assert_accessible, assert_contrast, save_screenshot

from kiosk.mediators import Mediator, create_demo_accounts
from kiosk.procedures import Catalogue
from kiosk.receipts import PrintError
from offline_queue import open_outbox
from offline_queue.sync import AuthError, SendProgress, SyncClient
from offline_queue.sync_service import SyncService
from reference_central import serve_in_thread
from ui.screens.common import Screen
from ui.sync_worker import SyncStatus, SyncThread, SyncWorker
from ui.theme import apply_theme


def check(window, name: str, theme: str) -> None:  # type: ignore[no-untyped-def]
    """Screenshot, then names, sizes and 7:1 contrast of the screen exactly as it stands:
    focus where the last tap left it, keyboard open or not, scrolled as it is."""
    QApplication.processEvents()
    save_screenshot(window, f"{name}-{theme}")
    assert_accessible(window)
    assert_contrast(window, 7.0)


@pytest.mark.parametrize("theme", ["standard", "contraste"])
def test_every_screen(qtbot, make_kiosk, catalogue: Catalogue, theme: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk()  # with its sync thread: the status bar shows what a citizen sees
    window = kiosk.window
    window.set_look(contrast=theme == "contraste", large_text=False)
    qtbot.waitUntil(lambda: window.sync_status is not None, timeout=WAIT_MS)
    rng = random.Random(3)
    procedure = catalogue.get("cg-changement-adresse")
    seen: set[Screen] = set()

    def shot(name: str) -> None:
        seen.add(window.current_screen())
        check(window, name, theme)

    shot("01-accueil")
    create_demo_accounts(kiosk.services.mediators)
    click(qtbot, window.welcome.with_mediator_button)
    window.login.choose("m-0001")
    shot("02-connexion-mediateur")
    click(qtbot, window.login.cancel_button)
    click(qtbot, window.welcome.alone_button)
    click(qtbot, window.picker.theme_buttons[window.picker.theme_of(procedure.code)])
    shot("03-choix-demarche")
    click(qtbot, window.picker.procedure_tiles[procedure.code])
    click(qtbot, window.for_whom.choice_buttons["self"])
    shot("04-ce-qu-il-faut")
    click(qtbot, window.requirements.start_button)
    first = current_question(window.steps)
    field = first.inputs()[0]
    assert isinstance(field, QLineEdit)
    assert window.keyboard.current_field() is field  # a typing question opens the keyboard
    click(qtbot, window.steps.next_button)
    assert first.error
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)  # a touch keeps the keyboard open
    qtbot.waitUntil(lambda: window.keyboard.current_field() is field, timeout=WAIT_MS)
    QApplication.processEvents()
    shot("05-etape-clavier-ouvert-erreur")
    answer(qtbot, first, pick_answer(first.field, rng, {}))
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    shot("05b-etape-clavier-ouvert")
    click(qtbot, window.steps.next_button)
    # The plate says SIV: « Votre plaque ressemble-t-elle à AB-123-CD ? » is not asked, the
    # formule number comes next (oui/non pages: test_ui_questions.py and the other procedures).
    assert current_question(window.steps).field.id == "formule_number"
    shot("06-etape-suivante")
    walk_steps(qtbot, kiosk, rng, {})
    shot("07-documents")
    spec = window.session.required_documents()[0]
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
    kiosk.printer.failures.append(PrintError("no_paper", "L'imprimante n'a plus de papier."))
    click(qtbot, window.consent.accept_button)
    qtbot.waitUntil(lambda: window.confirmation.retry_button.isVisible(), timeout=WAIT_MS)
    shot("11-confirmation-sans-imprimante")
    click(qtbot, window.confirmation.retry_button)
    kiosk.drain(qtbot)
    shot("12-confirmation-recu-imprime")
    click(qtbot, window.confirmation.done_button)
    shot("13-fin")
    click(qtbot, window.end.home_button)
    click(qtbot, window.welcome.mediator_button)
    window.login.choose("m-0002")
    window.login.pin.setText("5678")
    click(qtbot, window.login.login_button)
    qtbot.waitUntil(lambda: window.current_screen() is window.queue, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: bool(window.queue.items), timeout=WAIT_MS)
    shot("14-file-attente")
    click(qtbot, window.queue.activity_button)
    qtbot.waitUntil(lambda: window.activity.report is not None, timeout=WAIT_MS)
    assert window.activity.report.total == 1  # the request saved above, today
    shot("20-activite-borne")
    click(qtbot, window.activity.back_button)
    qtbot.waitUntil(lambda: bool(window.queue.items), timeout=WAIT_MS)
    window.idle._warn()
    QApplication.processEvents()
    check(window, "15-inactivite", theme)
    window.idle.touched()
    shot_elsewhere = {window.correction,  # needs a refused request: test_ui_correction.py
                      # someone else's request, a receipt looked up: test_ui_representative.py
                      window.for_whom, window.mandate, window.status_lookup}
    missing = set(window.screens) - seen - shot_elsewhere
    assert not missing, [type(s).__name__ for s in missing]
    apply_theme(QApplication.instance(), "standard", False)


@pytest.mark.parametrize("theme", ["standard", "contraste"])
def test_status_bar_says_online_or_not_in_words(qtbot, make_kiosk, theme: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    window.set_look(contrast=theme == "contraste", large_text=False)
    label = window.connection_label
    # No sync thread: the outbox is still counted (off the GUI thread); the welcome screen
    # says nothing of earlier requests, a mediator's view counts them.
    qtbot.waitUntil(lambda: window.sync_status is not None, timeout=WAIT_MS)
    assert label.text() == "○ Pas encore en ligne (connexion en cours)"
    window.visit.mediator = Mediator(id="m-0001", name="Anne Martin")
    window.show_sync_status(window.sync_status)
    assert label.text() == ("○ Pas encore en ligne (connexion en cours) — "
                            "aucune demande en attente d'envoi")
    refusal = "Le service central refuse le jeton de la borne (401)."
    for name, status in (
        ("en-ligne", SyncStatus(True, 2, 0)),
        ("hors-ligne", SyncStatus(False, 3, 1)),
        ("refus", SyncStatus(False, 1, 0, problem=refusal, refused=True)),
    ):
        window.show_sync_status(status)
        QApplication.processEvents()
        assert label.text() == ("● " if status.online else "○ ") + status.describe()
        assert label.accessibleName() == status.describe()
        assert label.toolTip() == status.problem
        assert window.attention_label.isVisible() == (status.needs_attention > 0)
        save_screenshot(window.statusBar(), f"19-barre-etat-{name}-{theme}")
        assert_contrast(window, 7.0)
    # While a request's scans go up, the line adds the bytes sent of its total.
    window.show_sync_status(SyncStatus(True, 2, 0))
    window.show_sync_progress(SendProgress("id", "PN-7501-K02-000001", 1_258_291, 2_621_440))
    assert label.text() == ("● En ligne · 2 demandes en attente d'envoi · "
                            "envoi en cours : 1,2\u00a0Mo sur 2,5\u00a0Mo")
    window.show_sync_status(SyncStatus(True, 1, 0))  # the pass's end replaces it
    assert label.text() == "● En ligne · 1 demande en attente d'envoi"
    window.show_sync_status(SyncStatus(False, 3, 1))
    assert label.isVisible() and label.height() > label.fontMetrics().height() * 1.5  # wrapped
    # The line starts where the pages' text starts (32 px margin).
    text_x = label.mapTo(window, label.contentsRect().topLeft()).x()
    title_x = window.welcome.title.mapTo(window, window.welcome.title.contentsRect().topLeft()).x()
    assert abs(text_x - title_x) <= 2, (text_x, title_x)
    apply_theme(QApplication.instance(), "standard", False)


# --- the status bar's source: the sync worker ------------------------------------------------


def sync_thread(data_dir: Path, url: str, token: str, timeout_s: float = 2.0):  # type: ignore[no-untyped-def]
    """A sync thread on a fresh outbox holding two requests, and the statuses it reports."""
    outbox = open_outbox(data_dir)
    for seed in range(2):
        outbox.enqueue(make_body(), [make_doc(seed=seed)])
    client = SyncClient(outbox, url, token, kiosk_id="7501-K02", user_agent="test",
                        timeout_s=timeout_s, backoff_base_s=0.01, backoff_max_s=0.05)
    thread = SyncThread(SyncWorker(SyncService(outbox, client), interval_s=3600))
    statuses: list[SyncStatus] = []
    thread.worker.status_changed.connect(statuses.append)
    return outbox, thread, statuses


def test_wrong_token_says_it_is_an_authorisation_problem(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    server = serve_in_thread(tmp_path / "central", "the-right-token", port=0)
    outbox, thread, statuses = sync_thread(tmp_path / "kiosk", server.url, "a-wrong-token")
    try:
        thread.start()
        qtbot.waitUntil(lambda: any(s.checked for s in statuses), timeout=WAIT_MS)
        with pytest.raises(AuthError) as refused:  # what the sync client itself says
            SyncClient(outbox, server.url, "a-wrong-token", kiosk_id="7501-K02",
                       user_agent="test").health()
    finally:
        thread.stop()
        server.stop()
    status = next(s for s in statuses if s.checked)
    assert status.refused and not status.online
    assert status.problem == str(refused.value)
    assert "401" in status.problem and "jeton" in status.problem
    line = status.describe()
    assert line.startswith("Problème d'autorisation — appelez le service informatique")
    assert "vos demandes sont gardées sur la borne (2 en attente)" in line
    assert status.problem in line
    assert outbox.counts()["queued"] == 2  # nothing lost, nothing sent
    outbox.close()


def test_first_status_shows_the_waiting_requests_before_the_network_answers(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import socket

    silent = socket.socket()  # accepts connections and never answers: a black-holed network
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    url = f"http://127.0.0.1:{silent.getsockname()[1]}/api"
    outbox, thread, statuses = sync_thread(tmp_path / "kiosk", url, "token", timeout_s=3.0)
    try:
        thread.start()
        qtbot.waitUntil(lambda: bool(statuses), timeout=1500)  # well before the 3 s timeout
        first = statuses[0]
        assert not first.checked and not first.online and first.waiting == 2
        assert first.describe() == ("Pas encore en ligne (connexion en cours) — "
                                    "vos demandes sont gardées sur la borne (2 en attente)")
        qtbot.waitUntil(lambda: any(s.checked for s in statuses), timeout=WAIT_MS)
    finally:
        thread.stop()
        silent.close()
    last = statuses[-1]
    assert last.describe() == "Hors ligne — vos demandes sont gardées sur la borne (2 en attente)"
    outbox.close()


@pytest.mark.parametrize(("status", "line"), [
    (SyncStatus(True, 2, 0), "En ligne · 2 demandes en attente d'envoi"),
    (SyncStatus(True, 1, 0), "En ligne · 1 demande en attente d'envoi"),
    (SyncStatus(True, 0, 0), "En ligne · aucune demande en attente d'envoi"),
    (SyncStatus(False, 2, 0), "Hors ligne — vos demandes sont gardées sur la borne (2 en attente)"),
    (SyncStatus(False, 0, 0), "Hors ligne — aucune demande en attente d'envoi"),
    (SyncStatus(False, 3, 0, simulated_outage=True),
     "Hors ligne (coupure simulée) — vos demandes sont gardées sur la borne (3 en attente)"),
])
def test_status_line_says_online_or_not_and_how_many_wait(status: SyncStatus, line: str) -> None:
    assert status.describe() == line


# --- idle watch and shared building blocks ---------------------------------------------------


def test_idle_watch_listens_to_touches_only_while_active(qtbot, qapp: QApplication, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Touches and keys are seen as the system gives them: through the window (``QTest`` on a
    ``QWindow`` goes the way real input does). Nothing else pays for the watch: a widget's
    own events (its paints, its layout) never call the Python filter."""
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPushButton

    from ui.idle import IdleWatcher, _ActivityFilter

    watched: list[object] = []
    seen = _ActivityFilter.eventFilter
    monkeypatch.setattr(_ActivityFilter, "eventFilter",
                        lambda self, obj, event: watched.append(obj) or seen(self, obj, event))

    watcher = IdleWatcher(warning_s=600, countdown_s=30)
    button = QPushButton("Ailleurs")
    qtbot.addWidget(button)
    button.show()
    qtbot.waitExposed(button)
    window = button.windowHandle()
    centre = QPoint(button.width() // 2, button.height() // 2)
    cancelled: list[bool] = []
    watcher.cancelled.connect(lambda: cancelled.append(True))
    watcher._warn()  # a countdown while nobody's data is on screen (welcome): not watched
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    assert watcher.warning_shown and not cancelled
    watcher.set_active(True)
    watcher._warn()
    cancelled.clear()
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    assert not watcher.warning_shown and cancelled == [True]  # a touch anywhere cancels it
    watcher._warn()
    QTest.keyClick(window, Qt.Key.Key_A)  # a key (or the reader's wedge) too
    assert not watcher.warning_shown and cancelled == [True, True]
    button.repaint()
    QApplication.sendEvent(button, QEvent(QEvent.Type.LayoutRequest))
    assert watched and button not in watched
    watcher.set_active(False)
    watcher._warn()
    QTest.keyClick(window, Qt.Key.Key_A)
    assert watcher.warning_shown
    watcher.set_active(False)


def test_enum_properties_set_by_name_refuse_typos(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from ui.screens.common import set_by_name, text_label

    label = text_label("<b>pas du gras</b>")
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    assert text_label("<b>gras</b>", rich=True).textFormat() == Qt.TextFormat.RichText
    with pytest.raises(ValueError, match="textFormat='Plain'"):
        set_by_name(QLabel(), "textFormat", "Plain")
    with pytest.raises(ValueError, match="textFromat"):
        set_by_name(QLabel(), "textFromat", "PlainText")
