"""Logs are for IT: a whole enqueue-and-sync cycle, at DEBUG level, names no citizen's data."""

from __future__ import annotations

import logging
import random
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.consent import load_consent
from kiosk.procedures import Catalogue
from kiosk.samples import fill_session
from kiosk.session import ProcedureSession
from offline_queue import open_outbox
from offline_queue.sync import SyncClient
from reference_central import serve_in_thread


def test_debug_logs_of_a_full_cycle_hold_no_answer(
    tmp_path: Path, catalogue: Catalogue, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    server = serve_in_thread(tmp_path / "central", "jeton")
    secrets: set[str] = set()
    try:
        with open_outbox(tmp_path / "kiosk") as outbox:
            rng = random.Random(2)
            for procedure in catalogue.procedures.values():
                session = ProcedureSession(procedure, kiosk_id="7501-K02", site="7501")
                fill_session(session, rng)
                session.give_consent(load_consent().version)
                body = session.to_submission()
                # what the person wrote; a choice's value (« adresse », « perte ») is a code of
                # the definition, as public as the procedure code that may contain it
                chosen = {f.id for f in procedure.all_fields() if f.type in ("choice", "yes_no")}
                secrets |= {v for k, v in body.answers.items()
                            if isinstance(v, str) and len(v) >= 5 and k not in chosen}
                secrets |= {d.filename for d in body.documents}
                outbox.enqueue(body, list(session.documents.values()),
                               receipt_fields=procedure.receipt_fields)
            client = SyncClient(outbox, server.url, "jeton", kiosk_id="7501-K02",
                                user_agent="test/1", backoff_base_s=0.01, backoff_max_s=0.05)
            report = client.sync(deadline_s=60, force=True)
            assert report.complete
            purged = outbox.purge_expired(0, datetime.now(UTC) + timedelta(seconds=1))
            assert purged == len(catalogue.procedures)
    finally:
        server.stop()
    text = "\n".join(record.getMessage() for record in caplog.records)
    # Ids are meant to be logged; their hex digits could hold a postal code by chance.
    text = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>", text)
    assert caplog.records, "the cycle logged nothing at all: the check would be empty"
    leaked = sorted(s for s in secrets if s in text)
    assert not leaked, f"personal data in logs: {leaked}"
