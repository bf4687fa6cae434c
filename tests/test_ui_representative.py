"""Through the screens: a request for someone else reaches the reference service with its
representative and mandate, and a receipt is found again at another kiosk of the site.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from test_ui_flow import (
    WAIT_MS,
    Kiosk,
    answer_question,
    attach_documents,
    central,  # noqa: F401 - fixture
    click,
    confirm,
    current_question,
    make_kiosk,  # noqa: F401 - fixture
    scan,
    start_procedure,
    walk_steps,
)
from ui_checks import assert_accessible, assert_contrast, save_screenshot

from kiosk.procedures import Catalogue, Procedure
from reference_central import RunningServer, serve_in_thread

IDENTITIES = {"nom": "DUPONT", "prenoms": "Marie Louise",  # the holder's: the person's
              "representant_nom": "MARTIN", "representant_prenoms": "Paul"}


Site = tuple[RunningServer, str, str]


def serve_site(folder: Path) -> Site:
    """One reference service; a token for kiosk K02 and one for K03, both of site 7501."""
    first, second = secrets.token_urlsafe(16), secrets.token_urlsafe(16)
    server = serve_in_thread(folder, first, kiosk_id="7501-K02", site="7501")
    server.store.allow_token(second, "7501-K03", "7501")
    return server, first, second


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    running = serve_site(tmp_path_factory.mktemp("site"))
    yield running
    running[0].stop()


class Sheets:
    """Stands for the printer of sheets: keeps each PDF printed."""

    def __init__(self) -> None:
        self.printed: list[tuple[str, bytes]] = []

    def __call__(self, pdf: bytes, name: str) -> None:
        self.printed.append((name, pdf))

    def text(self, index: int = -1) -> str:
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(self.printed[index][1])).pages)


def kiosk_of_site(build, site, kiosk_id: str) -> tuple[Kiosk, Sheets]:  # type: ignore[no-untyped-def]
    server, first, second = site
    kiosk = build(central_url=server.url, kiosk_id=kiosk_id,
                       central_token=first if kiosk_id == "7501-K02" else second)
    sheets = Sheets()
    kiosk.services.print_sheet = sheets
    return kiosk, sheets


def look(window, name: str, themes: tuple[str, ...] = ("contraste", "standard")) -> None:  # type: ignore[no-untyped-def]
    """In both themes: screenshot, accessible names and sizes, 7:1 contrast of the screen."""
    for theme in themes:
        window.set_look(contrast=theme == "contraste", large_text=False)
        QApplication.processEvents()
        save_screenshot(window, f"{name}-{theme}")
        assert_accessible(window)
        assert_contrast(window, 7.0)


def sent(qtbot, kiosk: Kiosk, submission_id: str) -> None:  # type: ignore[no-untyped-def]
    outbox = kiosk.services.outbox
    kiosk.window.request_sync()
    qtbot.waitUntil(lambda: outbox.get(submission_id).state in ("sent", "needs_attention"),
                    timeout=WAIT_MS * 3)
    assert outbox.get(submission_id).state == "sent", outbox.get(submission_id).error_details


def test_a_request_for_someone_else_reaches_the_service_with_its_mandate(  # type: ignore[no-untyped-def]
        qtbot, make_kiosk, site, catalogue: Catalogue) -> None:  # noqa: F811
    kiosk, sheets = kiosk_of_site(make_kiosk, site, "7501-K02")
    window = kiosk.window
    window.resize(1280, 800)
    rng = random.Random(11)
    click(qtbot, window.welcome.alone_button)
    click(qtbot, window.picker.theme_buttons[window.picker.theme_of("cg-duplicata")])
    click(qtbot, window.picker.procedure_tiles["cg-duplicata"])
    assert window.current_screen() is window.for_whom
    look(window, "30-pour-qui")
    click(qtbot, window.for_whom.choice_buttons["mandat"])
    seen_checklist = seen_agent = False
    for _ in range(120):  # the deciding questions, the checklist, both identities, the rest
        QApplication.processEvents()
        if window.current_screen() is window.requirements:
            listed = " ".join(label.text() for label in window.requirements.findChildren(QLabel))
            assert "Mandat signé" in listed  # the proof, said with the rest of the checklist
            seen_checklist = True
            save_screenshot(window, "30b-ce-qu-il-faut-pour-quelqu-un")
            click(qtbot, window.requirements.start_button)
            continue
        if window.current_screen() is not window.steps:
            break
        if current_question(window.steps).field.id == "representant_nom" and not seen_agent:
            seen_agent = True
            save_screenshot(window, "30c-vous-qui-faites-la-demarche")
        answer_question(qtbot, kiosk, rng, dict(IDENTITIES))
    assert seen_checklist and seen_agent
    assert window.current_screen() is window.mandate
    look(window, "31-mandat-a-signer")
    click(qtbot, window.mandate.print_button)
    kiosk.drain(qtbot)
    assert window.mandate.status.kind == "success"
    mandate = window.visit.mandate()
    text = " ".join(sheets.text().split())  # the words, whatever the paper's line breaks
    assert text.count("Empreinte du mandat") == 2  # two copies, each with the hash
    assert mandate.sha256 in sheets.text().replace("\n", "")
    assert "Marie Louise DUPONT" in text and "Paul MARTIN" in text
    click(qtbot, window.mandate.next_button)
    procedure: Procedure = window.procedure  # type: ignore[assignment]
    signed = sheets.printed[-1][1]  # the printed mandate, « signed » and scanned back

    def scan_signed(kiosk: Kiosk, procedure: Procedure, kind: str, rng: random.Random) -> Path:
        if kind != "mandat":
            return scan(kiosk, procedure, kind, rng)
        path = kiosk.scanner / "mandat-signe.pdf"
        path.write_bytes(signed)
        return path

    attach_documents(qtbot, kiosk, procedure, rng, scan_signed)
    confirm(qtbot, kiosk)
    item = window.saved_item
    assert item is not None
    sent(qtbot, kiosk, item.id)
    server = site[0]
    stored = server.store.submission(item.id)
    assert stored is not None
    body = json.loads(stored.canonical)
    representative = body["representative"]
    assert representative["role"] == "mandataire"
    assert (representative["last_name"], representative["first_names"]) == ("MARTIN", "Paul")
    digest = hashlib.sha256(signed).hexdigest()
    assert representative["mandate"]["sha256"] == digest
    mandate_doc = next(doc for doc in body["documents"] if doc["kind"] == "mandat")
    assert hashlib.sha256(server.store.upload_bytes(mandate_doc["upload_id"])).hexdigest() == digest
    from kiosk.receipts import receipt_from_queue

    receipt = receipt_from_queue(kiosk.services.outbox, item.id, catalogue.get("cg-duplicata"),
                                 kiosk.services.config, final=False)
    named = {line.label: line.value for line in receipt.answers}
    assert named["Demande faite pour"] == "Marie Louise DUPONT"
    assert named["Par"].startswith("Paul MARTIN")


def test_a_receipt_is_found_at_another_kiosk_and_its_missing_pieces_printed(  # type: ignore[no-untyped-def]
        qtbot, make_kiosk, tmp_path: Path, catalogue: Catalogue) -> None:  # noqa: F811
    """Made without e-mail or phone at K02; read from its QR code at K03; what is missing is
    shown and printed; then, the network down, the last known state and its date."""
    site = serve_site(tmp_path / "site")
    first, _ = kiosk_of_site(make_kiosk, site, "7501-K02")
    window = first.window
    rng = random.Random(12)
    procedure = catalogue.get("cg-duplicata")
    start_procedure(qtbot, first, procedure)  # for oneself
    walk_steps(qtbot, first, rng, {})
    attach_documents(qtbot, first, procedure, rng)
    reference = confirm(qtbot, first)
    item = window.saved_item
    assert item is not None
    answers = first.services.outbox.body(item.id)["answers"]
    assert not {"email", "telephone"} & set(answers)  # no e-mail, no phone
    sent(qtbot, first, item.id)
    server = site[0]
    server.store.set_status(item.id, "needs_info", "Il manque une pièce.", missing=[
        {"kind": "justificatif_domicile", "message": "Le document est illisible."}])

    second, sheets = kiosk_of_site(make_kiosk, site, "7501-K03")
    other = second.window
    other.resize(1280, 800)
    assert other.current_screen() is other.welcome
    qr = " ".join(json.dumps(reference).strip('"'))  # what the QR code holds, as the reader types it
    assert qr.replace(" ", "") == reference
    focus = QApplication.focusWidget() or other  # wherever the keys go on the welcome screen
    qtbot.keyClicks(focus, reference)  # the reader: fast keys, then Enter
    qtbot.keyClick(focus, Qt.Key.Key_Return)
    assert other.current_screen() is other.status_lookup
    qtbot.waitUntil(lambda: other.status_lookup.finding is not None, timeout=WAIT_MS)
    finding = other.status_lookup.finding
    assert finding.online and finding.status is not None and finding.status.status == "needs_info"
    QApplication.processEvents()  # labels added to a shown layout appear on the next turn
    shown = " ".join(label.text() for label in other.status_lookup.findChildren(type(other.welcome.title))
                     if label.isVisible())
    assert "Ce qu'il manque" in shown and "Le document est illisible." in shown
    assert "Justificatif de domicile" in shown
    look(other, "32-ou-en-est-ma-demande")
    click(qtbot, other.status_lookup.print_button)
    second.drain(qtbot)
    printed = sheets.text()
    assert reference in printed and "Le document est illisible." in printed
    assert "Justificatif de domicile" in printed

    server.stop()  # the network is down: the last known state, and since when
    click(qtbot, other.status_lookup.again_button)  # another receipt, typed this time
    assert other.status_lookup.reference.isVisible() and other.status_lookup.finding is None
    click(qtbot, other.status_lookup.home_button)
    click(qtbot, other.welcome.look_up_button)
    status = other.status_lookup
    assert status.finding is None and status.reference.text() == ""
    status.reference.setFocus()
    qtbot.keyClicks(status.reference, reference.lower())  # typed by hand this time
    qtbot.keyClick(status.reference, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: status.finding is not None, timeout=WAIT_MS)
    stale = status.finding
    assert not stale.online and stale.status is not None and stale.status.status == "needs_info"
    assert stale.known_at is not None and "dernier état connu" in stale.stale_note()
    QApplication.processEvents()  # labels added to a shown layout appear on the next turn
    shown = " ".join(label.text() for label in status.findChildren(type(other.welcome.title))
                     if label.isVisible())
    assert "dernier état connu" in shown and "Le document est illisible." in shown
    look(other, "33-ou-en-est-ma-demande-hors-ligne", ("standard",))  # same widgets as above
