"""A request the central service refused (422) is corrected by a mediator through the screens.

Against a live reference service: the refusal comes back from a real sync, the
mediator reads it in the queue, « Corriger » walks the ordinary flow prefilled
with the server's remark on the refused question, the citizen agrees again,
and the corrected request reaches the service as ``supersedes`` the old one.
"""

from __future__ import annotations

import dataclasses
import json
import random
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
from test_ui_flow import (
    WAIT_MS,
    Kiosk,
    click,
    current_question,
    make_kiosk,  # noqa: F401 - fixture
    type_into,
)
from ui_checks import assert_accessible, assert_contrast, save_screenshot

from kiosk.correction import CorrectionRefused, prepare_correction, read_refusal
from kiosk.mediators import create_demo_accounts
from kiosk.procedures import Catalogue, Procedure
from kiosk.samples import fill_session, sample_document
from kiosk.session import ProcedureSession
from offline_queue import QueuedSubmission, open_outbox
from reference_central import serve_in_thread
from reference_central.runner import RunningServer

CODE = "cg-changement-adresse"
# Over the service's 2000 characters: what a kiosk of an earlier version let through.
TOO_LONG = "12 rue de la République " * 90


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    running = serve_in_thread(tmp_path_factory.mktemp("central"), secrets.token_urlsafe(16))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def central(server: RunningServer) -> tuple[str, str]:
    """What ``make_kiosk`` connects to: this module's service, whose store the tests read."""
    token = secrets.token_urlsafe(16)
    server.store.allow_token(token)
    return server.url, token


def enqueue_request(kiosk: Kiosk, procedure: Procedure, answers: dict[str, str]) -> QueuedSubmission:
    """A complete request as a kiosk would have saved it, with some answers overridden."""
    services = kiosk.services
    session = ProcedureSession(procedure, kiosk_id=services.config.kiosk_id, site=services.config.site,
                               mediator_id="m-0002")
    fill_session(session, random.Random(21), {"carte_siv": "oui"})
    session.give_consent(services.consent.version)
    body = session.to_submission().to_body()
    body["answers"].update(answers)
    item = services.outbox.enqueue(body, list(session.documents.values()),
                                   receipt_fields=procedure.receipt_fields)
    session.wipe()
    return item


def log_in_queue(qtbot, kiosk: Kiosk) -> None:
    window = kiosk.window
    click(qtbot, window.welcome.mediator_button)
    window.login.choose("m-0001")
    window.login.pin.setText("1234")
    click(qtbot, window.login.login_button)
    qtbot.waitUntil(lambda: window.current_screen() is window.queue, timeout=WAIT_MS)


def texts(widget: QWidget) -> str:
    QApplication.processEvents()
    return "\n".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible())


def shot(kiosk: Kiosk, name: str, theme: str) -> None:
    """Screenshot for a person to look at, checked for names, target sizes and 7:1 contrast."""
    QApplication.processEvents()
    save_screenshot(kiosk.window, f"{name}-{theme}")
    assert_accessible(kiosk.window)
    assert_contrast(kiosk.window, 7.0)


@pytest.mark.parametrize("theme", ["standard", "contraste"])
def test_refused_request_is_corrected_and_replaces_the_old_one(
    qtbot, make_kiosk, catalogue: Catalogue, server: RunningServer, theme: str  # noqa: F811
) -> None:
    kiosk = make_kiosk()
    window, outbox = kiosk.window, kiosk.services.outbox
    window.set_look(contrast=theme == "contraste", large_text=False)
    create_demo_accounts(kiosk.services.mediators)
    procedure = catalogue.get(CODE)
    old = enqueue_request(kiosk, procedure, {"adresse": TOO_LONG})
    before = outbox.body(old.id)["answers"]
    window.request_sync()
    qtbot.waitUntil(lambda: outbox.get(old.id).state == "needs_attention", timeout=WAIT_MS * 2)
    assert [d["field"] for d in outbox.get(old.id).error_details] == ["answers.adresse"]
    assert server.store.submission(old.id) is None

    log_in_queue(qtbot, kiosk)
    qtbot.waitUntil(lambda: (old.id, "correct") in window.queue.buttons, timeout=WAIT_MS)
    shown = texts(window.queue)
    assert "« Numéro et nom de la rue » est trop longue" in shown  # the label, not answers.adresse
    assert "answers.adresse" not in shown
    assert "« Réessayer » renverrait la même demande" in shown
    assert (old.id, "retry") in window.queue.buttons
    shot(kiosk, "16-file-demande-refusee", theme)

    click(qtbot, window.queue.buttons[(old.id, "correct")])
    qtbot.waitUntil(lambda: window.current_screen() is window.correction, timeout=WAIT_MS)
    assert old.local_reference in window.correction.title.text()
    assert "trop longue" in texts(window.correction)
    shot(kiosk, "17-correction-explications", theme)
    click(qtbot, window.correction.start_button)

    session = window.session
    assert session is not None and session.supersedes == old.id
    assert window.current_screen() is window.steps
    assert session.current.id == "nouvelle_adresse"  # straight to the refused question
    street = window.steps.widgets["adresse"]
    assert current_question(window.steps) is street  # the refused question's own page
    assert "Le service central a refusé cette réponse" in street.error
    assert "« Numéro et nom de la rue » est trop longue" in street.error
    assert window.steps.errors_banner.isVisible()
    for field_id in ("code_postal", "commune"):  # the other answers came back
        assert window.steps.widgets[field_id].value() == before[field_id]
    assert session.documents  # and the documents, checked again
    shot(kiosk, "18-correction-etape-refusee", theme)

    edit = street.inputs()[0]
    assert isinstance(edit, QLineEdit)
    type_into(qtbot, edit, "12 rue de la République")
    assert street.error == ""
    rest = [f.id for f in session.fields()]
    rest = rest[rest.index("adresse") + 1:]
    click(qtbot, window.steps.next_button)
    for field_id in rest:  # the step's other answers, kept, then back to the summary
        assert current_question(window.steps).field.id == field_id
        click(qtbot, window.steps.next_button)
    assert window.current_screen() is window.summary  # one step to fix: back to the summary
    click(qtbot, window.summary.next_button)
    assert window.current_screen() is window.consent  # the citizen agrees again
    click(qtbot, window.consent.accept_button)
    qtbot.waitUntil(lambda: window.current_screen() is window.confirmation, timeout=WAIT_MS)
    new = window.saved_item
    assert new is not None and new.supersedes == old.id
    replaced = outbox.get(old.id)
    assert replaced.superseded_by == new.id and replaced.superseded_by_reference == new.local_reference
    # the new one's receipt: the accusé de réception if the service answered within the wait,
    # else the accusé d'enregistrement
    qtbot.waitUntil(lambda: any(p[0] == new.id for p in kiosk.printer.printed), timeout=WAIT_MS * 2)
    assert {p for p in kiosk.printer.printed if p[0] == new.id} <= {
        (new.id, False, "m-0001"), (new.id, True, "m-0001")}

    qtbot.waitUntil(lambda: outbox.get(new.id).state == "sent", timeout=WAIT_MS * 2)
    filed = server.store.submission(new.id)
    assert filed is not None and filed.dossier_number == outbox.get(new.id).dossier_number
    sent = json.loads(filed.canonical)
    assert sent["supersedes"] == old.id
    assert sent["answers"]["adresse"] == "12 rue de la République"
    assert {k: v for k, v in sent["answers"].items() if k != "adresse"} == {
        k: v for k, v in before.items() if k != "adresse"}
    assert server.store.submission(old.id) is None
    assert outbox.counts()["needs_attention"] == 0

    click(qtbot, window.confirmation.done_button)
    click(qtbot, window.end.home_button)
    log_in_queue(qtbot, kiosk)
    qtbot.waitUntil(lambda: (new.id, "final") in window.queue.buttons, timeout=WAIT_MS)
    shown = texts(window.queue)
    assert f"remplacée par {new.local_reference}" in shown
    assert f"Correction de la demande {old.local_reference}" in shown
    assert (old.id, "correct") not in window.queue.buttons
    assert (old.id, "retry") not in window.queue.buttons


def test_refused_document_is_named_on_the_documents_screen(
    qtbot, make_kiosk, catalogue: Catalogue  # noqa: F811
) -> None:
    """A ``documents[i]`` error shows on the documents screen until the document is replaced."""
    kiosk = make_kiosk(sync=False)
    window, outbox = kiosk.window, kiosk.services.outbox
    create_demo_accounts(kiosk.services.mediators)
    procedure = catalogue.get(CODE)
    old = enqueue_request(kiosk, procedure, {})
    outbox.mark_sending(old.id)
    outbox.mark_needs_attention(old.id, "Refusée par le service central.", [
        {"field": "documents[0].upload_id", "code": "upload_corrupt",
         "message": "Ce document est arrivé abîmé (empreinte différente)."}])
    log_in_queue(qtbot, kiosk)
    qtbot.waitUntil(lambda: (old.id, "correct") in window.queue.buttons, timeout=WAIT_MS)
    assert "Pièce « Justificatif de domicile de moins de 6 mois » : Ce document est arrivé abîmé" in texts(
        window.queue)
    click(qtbot, window.queue.buttons[(old.id, "correct")])
    qtbot.waitUntil(lambda: window.current_screen() is window.correction, timeout=WAIT_MS)
    click(qtbot, window.correction.start_button)
    assert window.current_screen() is window.documents  # no answer refused: straight to the documents
    banner = window.documents.banner
    assert banner.isVisible() and "arrivé abîmé" in banner.text()
    assert "justificatif_domicile" in window.documents.remove_buttons  # the old scan is attached
    filename, data = sample_document(procedure.document("justificatif_domicile"), random.Random(4))
    session = window.session
    assert session is not None
    session.attach(session.check_document("justificatif_domicile", filename, data))
    window.documents.rebuild()
    assert not banner.isVisible()


def test_going_back_from_a_correction_changes_nothing(
    qtbot, make_kiosk, catalogue: Catalogue  # noqa: F811
) -> None:
    kiosk = make_kiosk(sync=False)
    window, outbox = kiosk.window, kiosk.services.outbox
    create_demo_accounts(kiosk.services.mediators)
    old = enqueue_request(kiosk, catalogue.get(CODE), {"commune": "x" * 300})
    outbox.mark_sending(old.id)
    outbox.mark_needs_attention(old.id, "Refusée.", [
        {"field": "answers.commune", "code": "too_long",
         "message": "La réponse answers.commune est trop longue."}])
    log_in_queue(qtbot, kiosk)
    qtbot.waitUntil(lambda: (old.id, "correct") in window.queue.buttons, timeout=WAIT_MS)
    click(qtbot, window.queue.buttons[(old.id, "correct")])
    qtbot.waitUntil(lambda: window.current_screen() is window.correction, timeout=WAIT_MS)
    # the kiosk's own check refuses the stored answer too: said on the briefing and on the field
    assert "« Commune » : la réponse enregistrée n'est pas acceptée" in texts(window.correction)
    click(qtbot, window.correction.start_button)
    assert current_question(window.steps) is window.steps.widgets["commune"]
    assert window.steps.widgets["commune"].value() == ""
    assert "trop longue" in window.steps.widgets["commune"].error
    session = window.session
    assert session is not None
    while window.current_screen() is window.steps:
        click(qtbot, window.steps.back_button)
    assert window.current_screen() is window.correction
    click(qtbot, window.correction.back_button)
    assert window.current_screen() is window.queue
    assert window.session is None and not session.answers and not session.documents
    assert outbox.get(old.id).state == "needs_attention" and not outbox.get(old.id).replaced
    assert len(outbox.list_items()) == 1


def test_refusals_are_sorted_by_question_and_document(catalogue: Catalogue) -> None:
    procedure = catalogue.get(CODE)
    refusal = read_refusal([
        {"field": "answers.plate", "code": "invalid_format",
         "message": "Le champ answers.plate n'a pas le bon format (ex. AB-123-CD)."},
        {"field": "answers.plate", "code": "too_long", "message": ""},
        {"field": "documents[1].sha256", "code": "sha256_mismatch", "message": "Empreinte différente."},
        {"field": "documents.justificatif_domicile", "code": "required", "message": ""},
        {"field": "consent.given_at", "code": "invalid_format", "message": "Date d'accord illisible."},
        {"error": "idempotency_key_reused", "message": "Déjà reçue avec un autre contenu."},
    ], procedure, ["piece_identite", "justificatif_domicile"])
    assert refusal.answers == {"plate": "Le champ « Numéro d'immatriculation (plaque) » n'a pas le bon "
                                        "format (ex. AB-123-CD). Cette réponse est trop longue."}
    assert refusal.documents == {"justificatif_domicile": "Empreinte différente. Cette information manque."}
    assert refusal.other == ["Date d'accord illisible.", "Déjà reçue avec un autre contenu."]
    assert refusal.lines()[1] == ("Pièce « Justificatif de domicile de moins de 6 mois » : "
                                  "Empreinte différente. Cette information manque.")


def test_a_changed_procedure_version_is_said_and_the_current_one_used(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    procedure = catalogue.get(CODE)
    newer = Catalogue({CODE: dataclasses.replace(procedure, version="99")})
    with open_outbox(tmp_path / "data") as outbox:
        session = ProcedureSession(procedure, kiosk_id="7501-K02", site="7501")
        fill_session(session, random.Random(3))
        session.give_consent("1")
        old = outbox.enqueue(session.to_submission(), list(session.documents.values()))
        with pytest.raises(CorrectionRefused, match="rien à corriger"):  # not refused by the service
            prepare_correction(outbox, newer, old.id, kiosk_id="7501-K02", site="7501", mediator_id=None)
        outbox.mark_sending(old.id)
        outbox.mark_needs_attention(old.id, "Refusée.", [])
        correction = prepare_correction(outbox, newer, old.id, kiosk_id="7501-K02", site="7501",
                                        mediator_id="m-0001")
        assert correction.procedure.version == "99"
        assert any(f"version {procedure.version}, aujourd'hui version 99" in n for n in correction.notes)
        assert dict(correction.session.answers) == dict(session.answers)
        assert correction.where_to_start() == ("summary", False)  # nothing refused: check and agree
        correction.session.wipe()
        with pytest.raises(CorrectionRefused, match="n'est plus proposée"):
            prepare_correction(outbox, Catalogue(), old.id, kiosk_id="7501-K02", site="7501",
                               mediator_id=None)
