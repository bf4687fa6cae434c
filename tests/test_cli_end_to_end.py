"""The command line as IT runs it: seed, sync to a live reference service, purge, report."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.procedures import load_catalogue
from offline_queue import PurgedError, open_outbox
from reference_central import RunningServer, serve_in_thread

TOKEN = "jeton-de-test"


@pytest.fixture
def central(tmp_path: Path) -> Iterator[RunningServer]:
    server = serve_in_thread(tmp_path / "central", TOKEN)
    yield server
    server.stop()


def configure(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, url: str, retention: int) -> Path:
    config = tmp_path / "kiosk.toml"
    config.write_text(f"[retention]\ndays = {retention}\n[sync]\nbackoff_base_s = 0.01\n"
                      "backoff_max_s = 0.05\n", encoding="utf-8")
    data = tmp_path / "kiosk"
    for name, value in {"KIOSK_CONFIG": str(config), "KIOSK_DATA_DIR": str(data),
                        "KIOSK_CENTRAL_URL": url, "KIOSK_CENTRAL_TOKEN": TOKEN,
                        "KIOSK_ID": "7501-K02", "KIOSK_SITE": "7501"}.items():
        monkeypatch.setenv(name, value)
    return data


def test_seed_sync_purge_and_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, central: RunningServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = configure(monkeypatch, tmp_path, central.url, retention=0)
    assert main(["demo", "seed", "--count", "9", "--seed", "4"]) == 0
    seeded = capsys.readouterr().out
    assert "PN-7501-K02-000009" in seeded

    assert main(["sync", "--timeout", "60"]) == 0
    out = capsys.readouterr().out
    assert "9 demande(s) envoyée(s) depuis plus de 0 jours" in out

    on_server = central.store.submissions()
    assert len(on_server) == 9
    assert len({s.id for s in on_server}) == 9
    with open_outbox(data) as outbox:
        items = outbox.list_items()
        assert {i.state for i in items} == {"sent"}
        assert all(i.dossier_number for i in items)
        with pytest.raises(PurgedError):
            outbox.body(items[0].id)
        # What a receipt needs survives the purge.
        assert outbox.receipt_snapshot(items[0].id).local_reference == items[0].local_reference

    assert main(["report", "--days", "1", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["total"] == 9 and report["by_state"] == {"sent": 9}
    assert len(report["by_procedure"]) == min(9, len(load_catalogue().procedures))  # round robin


def test_sync_keeps_everything_when_the_service_is_down(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = configure(monkeypatch, tmp_path, "http://127.0.0.1:9/api", retention=30)
    assert main(["demo", "seed", "--count", "2"]) == 0
    assert main(["sync", "--timeout", "2"]) == 1
    with open_outbox(data) as outbox:
        items = outbox.list_items()
        assert len(items) == 2 and {i.state for i in items} <= {"queued", "sending"}
        assert outbox.body(items[0].id)["answers"]  # nothing purged, nothing lost


def test_status_tells_where_a_request_stands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, central: RunningServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    configure(monkeypatch, tmp_path, central.url, retention=30)
    assert main(["demo", "seed", "--count", "1"]) == 0
    assert main(["status", "PN-7501-K02-000001"]) == 1
    assert "pas encore reçue par le service central" in capsys.readouterr().err
    assert main(["sync", "--timeout", "30"]) == 0
    [filed] = central.store.submissions()
    missing = [{"kind": "justificatif_domicile", "message": "La facture a plus de six mois."}]
    central.store.set_status(filed.id, "needs_info", "Le justificatif de domicile est illisible.",
                             missing=missing)
    capsys.readouterr()
    assert main(["status", "PN-7501-K02-000001"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"PN-7501-K02-000001 — Dossier {filed.dossier_number} : le service "
                          "demande une information ou une pièce en plus, depuis le ")
    assert "Ce qui manque : Justificatif de domicile" in out
    assert "La facture a plus de six mois." in out
    assert "Message du service : Le justificatif de domicile est illisible." in out
    payment = {"amount_eur": "13.76", "reason": "Redevance d'acheminement",
               "pay_before": "2026-12-31T11:00:00Z"}
    central.store.set_status(filed.id, "awaiting_payment", "Paiement attendu.", payment=payment)
    assert main(["status", "PN-7501-K02-000001"]) == 0
    out = capsys.readouterr().out
    assert "en attente d'un paiement" in out
    assert "À payer : 13,76\u00a0€ (Redevance d'acheminement), avant le 31/12/2026 à 12:00." in out


def test_status_of_a_reference_printed_by_another_kiosk_of_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, central: RunningServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    configure(monkeypatch, tmp_path, central.url, retention=30)
    assert main(["demo", "seed", "--count", "1"]) == 0
    assert main(["sync", "--timeout", "30"]) == 0
    [filed] = central.store.submissions()
    central.store.allow_token("jeton-k03", "7501-K03", "7501")
    central.store.allow_token("jeton-6901", "6901-K01", "6901")
    for name, value in {"KIOSK_DATA_DIR": str(tmp_path / "k03"), "KIOSK_ID": "7501-K03",
                        "KIOSK_CENTRAL_TOKEN": "jeton-k03"}.items():
        monkeypatch.setenv(name, value)
    capsys.readouterr()
    assert main(["status", "PN-7501-K02-000001"]) == 0
    assert capsys.readouterr().out.startswith(
        f"PN-7501-K02-000001 — Dossier {filed.dossier_number} : reçue par le service")
    for name, value in {"KIOSK_DATA_DIR": str(tmp_path / "l01"), "KIOSK_ID": "6901-K01",
                        "KIOSK_SITE": "6901", "KIOSK_CENTRAL_TOKEN": "jeton-6901"}.items():
        monkeypatch.setenv(name, value)
    assert main(["status", "pn-7501-k02-000001"]) == 1
    assert "ne connaît aucune demande PN-7501-K02-000001 pour ce site" in capsys.readouterr().err
    assert main(["status", "../kiosks/6901-K01"]) == 1
    assert "ni une référence de reçu (PN-…) ni un identifiant" in capsys.readouterr().err
