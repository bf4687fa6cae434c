"""The mediator space: « Où en est-elle ? » in the queue view, and « Activité de la borne ».

The question goes to a live reference central service on loopback (then to one that
refuses the token, one that is stopped, one that never answers); the activity screen
counts requests saved on several days, in both themes.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from outbox_helpers import CITIZEN_NAME, make_body, make_doc
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from test_ui_correction import log_in_queue, shot, texts
from test_ui_flow import (  # noqa: F401 - fixtures
    WAIT_MS,
    Kiosk,
    central,
    click,
    make_kiosk,
)

from kiosk.central_client import make_sync_client
from kiosk.mediators import create_demo_accounts
from kiosk.paris_time import PARIS
from kiosk.procedures import Catalogue
from offline_queue import QueuedSubmission
from reference_central import serve_in_thread
from reference_central.runner import RunningServer
from ui.theme import apply_theme

ASKING = "Question posée au service central…"
NO_ANSWER = "Impossible de savoir où en est le dossier pour l'instant : "


@pytest.fixture
def status_server(tmp_path: Path, central: tuple[str, str]) -> Iterator[RunningServer]:  # noqa: F811
    """A central service of this test's own, accepting the token ``make_kiosk`` uses."""
    running = serve_in_thread(tmp_path / "central-status", central[1])
    yield running
    running.stop()


def at(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def enqueue(kiosk: Kiosk, *, days_ago: int = 0, code: str = "cg-changement-adresse",
            seed: int = 0, supersedes: str | None = None) -> QueuedSubmission:
    body = make_body(created_at=at(datetime.now(UTC) - timedelta(days=days_ago)))
    body["procedure"]["code"] = code
    body["supersedes"] = supersedes
    return kiosk.services.outbox.enqueue(body, [make_doc(seed=seed)])


def numbered_elsewhere(kiosk: Kiosk, seed: int) -> QueuedSubmission:
    """A request the outbox says was numbered by a central service that does not know it
    (another server, or one whose data was reset)."""
    outbox = kiosk.services.outbox
    item = enqueue(kiosk, seed=seed)
    outbox.mark_sending(item.id)
    outbox.mark_sent(item.id, f"ANTS-2026-TEST{seed:04d}", datetime.now(UTC))
    return outbox.get(item.id)


def ask(qtbot, kiosk: Kiosk, item: QueuedSubmission, until: str) -> str:  # type: ignore[no-untyped-def]
    """Tap « Où en est-elle ? » for ``item``; the line under it once it holds ``until``."""
    queue = kiosk.window.queue
    click(qtbot, queue.buttons[(item.id, "status")])
    qtbot.waitUntil(lambda: until in queue.answer_lines[item.id].text(), timeout=WAIT_MS)
    return queue.answer_lines[item.id].text()


@pytest.mark.parametrize("theme", ["standard", "contraste"])
def test_where_a_request_stands_is_asked_off_the_gui_thread(  # type: ignore[no-untyped-def]
        qtbot, make_kiosk, status_server: RunningServer, central, tmp_path: Path,  # noqa: F811
        theme: str) -> None:
    kiosk = make_kiosk(sync=False, central_url=status_server.url)
    window, outbox = kiosk.window, kiosk.services.outbox
    window.set_look(contrast=theme == "contraste", large_text=False)
    create_demo_accounts(kiosk.services.mediators)
    sent = enqueue(kiosk)
    assert make_sync_client(kiosk.services.config, outbox).sync().sent == 1
    sent = outbox.get(sent.id)
    assert sent.dossier_number
    status_server.store.set_status(sent.id, "needs_info", "Envoyez une photo plus nette.",
                                   missing=[{"kind": "photo", "message": "La photo est floue."}])
    forgotten = numbered_elsewhere(kiosk, seed=1)
    waiting = enqueue(kiosk, seed=2)
    log_in_queue(qtbot, kiosk)
    queue = window.queue
    qtbot.waitUntil(lambda: (sent.id, "status") in queue.buttons, timeout=WAIT_MS)
    assert (waiting.id, "status") not in queue.buttons  # no dossier number: nothing to ask yet
    assert queue.buttons[(sent.id, "status")].accessibleName() == (
        f"Où en est-elle ? : {sent.local_reference}")

    answer = ask(qtbot, kiosk, sent, "Dossier")
    assert answer.startswith(f"Dossier {sent.dossier_number} : le service demande une "
                             "information ou une pièce en plus, depuis le ")
    assert answer.endswith(". Message du service : Envoyez une photo plus nette.")
    assert "Ce qui manque : La photo est floue." in answer
    assert queue.answer_lines[sent.id].kind == ""
    unknown = ask(qtbot, kiosk, forgotten, NO_ANSWER)
    assert "ne connaît pas encore cette demande" in unknown
    assert queue.answer_lines[forgotten.id].kind == "error"
    shot(kiosk, "21-file-attente-ou-en-est-elle", theme)

    queue.refresh()  # the list is read again (a sync pass does it): the answers stay
    kiosk.drain(qtbot)
    QApplication.processEvents()
    assert queue.answer_lines[sent.id].text() == answer
    assert queue.answer_lines[forgotten.id].text() == unknown

    assert status_server.store.revoke_token(central[1])
    revoked = ask(qtbot, kiosk, sent, "403")
    assert revoked.startswith(NO_ANSWER) and "jeton" in revoked
    status_server.stop()  # another service on the same address, which never met this kiosk
    stranger = serve_in_thread(tmp_path / "central-stranger", "another-token",
                               port=status_server.port)
    try:
        refused = ask(qtbot, kiosk, sent, "401")
        assert refused.startswith(NO_ANSWER) and "jeton" in refused
    finally:
        stranger.stop()
    stopped = ask(qtbot, kiosk, sent, "injoignable")
    assert stopped.startswith(NO_ANSWER) and "réseau coupé" in stopped
    assert outbox.get(sent.id).state == "sent"  # asking changes nothing on the kiosk
    apply_theme(QApplication.instance(), "standard", False)


def test_a_central_service_that_never_answers_freezes_nothing(qtbot, make_kiosk) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    silent = socket.socket()  # accepts connections and never answers: a black-holed network
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    try:
        kiosk = make_kiosk(sync=False, central_url=f"http://127.0.0.1:{silent.getsockname()[1]}/api")
        window = kiosk.window
        create_demo_accounts(kiosk.services.mediators)
        item = numbered_elsewhere(kiosk, seed=3)
        log_in_queue(qtbot, kiosk)
        queue = window.queue
        qtbot.waitUntil(lambda: (item.id, "status") in queue.buttons, timeout=WAIT_MS)
        ticks: list[float] = []
        probe = QTimer()
        probe.setInterval(10)
        probe.timeout.connect(lambda: ticks.append(time.monotonic()))
        probe.start()
        started = time.monotonic()
        click(qtbot, queue.buttons[(item.id, "status")])
        QApplication.processEvents()
        assert queue.answer_lines[item.id].text() == ASKING
        click(qtbot, queue.buttons[(item.id, "status")])  # a second tap: still one question
        late = ask(qtbot, kiosk, item, "ne répond pas")
        probe.stop()
        assert time.monotonic() - started >= 1.5  # the client's 2 s timeout ran its course
        assert late.startswith(NO_ANSWER) and "délai dépassé" in late
        gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
        assert len(ticks) > 50 and max(gaps) < 0.25, max(gaps)

        # The mediator leaves while a question runs: its answer is not shown to the next one.
        click(qtbot, queue.buttons[(item.id, "status")])
        click(qtbot, queue.close_button)
        kiosk.drain(qtbot)
        log_in_queue(qtbot, kiosk)
        qtbot.waitUntil(lambda: item.id in queue.answer_lines, timeout=WAIT_MS)
        assert not queue.answer_lines[item.id].isVisible()
        assert queue.answer_lines[item.id].text() == ""
    finally:
        silent.close()


# --- « Activité de la borne » ----------------------------------------------------------------


def shown(kiosk: Kiosk, days: int) -> str:  # type: ignore[no-untyped-def]
    activity = kiosk.window.activity
    assert activity.report is not None and activity.days == days
    return texts(activity)


@pytest.mark.parametrize("theme", ["standard", "contraste"])
def test_activity_counts_the_requests_of_a_period_without_personal_data(  # type: ignore[no-untyped-def]
        qtbot, make_kiosk, catalogue: Catalogue, theme: str) -> None:  # noqa: F811
    kiosk = make_kiosk(sync=False)
    window, outbox = kiosk.window, kiosk.services.outbox
    window.set_look(contrast=theme == "contraste", large_text=False)
    create_demo_accounts(kiosk.services.mediators)
    address = catalogue.get("cg-changement-adresse").title
    renewal = catalogue.get("permis-renouvellement").title
    sent = enqueue(kiosk, seed=1)
    outbox.mark_sending(sent.id)
    outbox.mark_sent(sent.id, "ANTS-2026-000001", datetime.now(UTC))
    enqueue(kiosk, code="permis-renouvellement", seed=2)
    refused = enqueue(kiosk, days_ago=3, seed=3)
    outbox.mark_sending(refused.id)
    outbox.mark_needs_attention(refused.id, "Refusée par le service central.", [])
    enqueue(kiosk, seed=4, supersedes=refused.id)
    oldest = enqueue(kiosk, days_ago=12, code="permis-renouvellement", seed=5)
    enqueue(kiosk, days_ago=45, seed=6)  # before every period offered

    log_in_queue(qtbot, kiosk)
    click(qtbot, window.queue.activity_button)
    activity = window.activity
    assert window.current_screen() is activity
    qtbot.waitUntil(lambda: activity.report is not None, timeout=WAIT_MS)
    assert window.focusWidget() is activity.back_button
    today = datetime.now(PARIS).date()
    page = shown(kiosk, 1)
    assert f"3 demandes enregistrées aujourd'hui ({today:%d/%m/%Y})" in page
    assert f"2 — {address}\n1 — {renewal}" in page
    assert "2 — en attente d'envoi\n1 — envoyée" in page
    assert "1 correction d'une demande refusée" in page
    assert "La plus ancienne demande encore en attente a été enregistrée le " in page
    assert activity.period_buttons[1].text() == "✔ Aujourd'hui"
    shot(kiosk, "20b-activite-borne-aujourd-hui", theme)

    # Keyboard only: Tab goes from period to period, Space chooses one, then « Retour ».
    activity.period_buttons[1].setFocus()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    assert window.focusWidget() is activity.period_buttons[7]
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: activity.report is not None and activity.report.first_day
                    == today - timedelta(days=6), timeout=WAIT_MS)
    page = shown(kiosk, 7)
    assert f"4 demandes enregistrées du {today - timedelta(days=6):%d/%m/%Y} au" in page
    assert "1 — remplacées par une correction" in page
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    assert window.focusWidget() is activity.period_buttons[30]
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: activity.report is not None and activity.days == 30
                    and activity.report.total == 5, timeout=WAIT_MS)
    page = shown(kiosk, 30)
    assert f"3 — {address}\n2 — {renewal}" in page
    first_waiting = oldest.created_at.astimezone(PARIS)
    assert ("La plus ancienne demande encore en attente a été enregistrée le "
            f"{first_waiting:%d/%m/%Y} à {first_waiting:%H:%M}.") in page
    assert activity.period_buttons[30].accessibleDescription().endswith("(choisi)")
    assert not activity.period_buttons[1].text().startswith("✔")
    shot(kiosk, "20c-activite-borne-30-jours", theme)
    for personal in (CITIZEN_NAME, "AB-123-CD", "75011", sent.local_reference, "m-0042"):
        assert personal not in page

    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    assert window.focusWidget() is activity.back_button
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Space)
    assert window.current_screen() is window.queue
    click(qtbot, window.queue.close_button)  # leaving the mediator space forgets the figures
    assert activity.report is None and activity.days == 1
    apply_theme(QApplication.instance(), "standard", False)


def test_activity_of_an_empty_period_says_so(qtbot, make_kiosk) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False)
    enqueue(kiosk, days_ago=20)
    window = kiosk.window
    window.show_screen(window.activity)
    qtbot.waitUntil(lambda: window.activity.report is not None, timeout=WAIT_MS)
    today = datetime.now(PARIS).date()
    assert f"Aucune demande enregistrée aujourd'hui ({today:%d/%m/%Y})" in shown(kiosk, 1)
    click(qtbot, window.activity.period_buttons[30])
    qtbot.waitUntil(lambda: window.activity.days == 30 and window.activity.report is not None
                    and window.activity.report.total == 1, timeout=WAIT_MS)
    assert "1 demande enregistrée du " in shown(kiosk, 30)
