"""The activity report counts requests by day, procedure and state, and nothing personal."""

from datetime import UTC, date, datetime

from kiosk.activity import activity
from offline_queue import QueuedSubmission


def item(n: int, code: str, state: str, when: datetime, supersedes: str | None = None,
         superseded_by: str | None = None) -> QueuedSubmission:
    return QueuedSubmission(
        id=f"id-{n}", local_reference=f"PN-7501-K02-{n:06d}", procedure_code=code,
        procedure_version="1", state=state,  # type: ignore[arg-type]
        attempts=0, created_at=when, next_attempt_at=when, last_error=None,
        dossier_number=None, received_at=None, supersedes=supersedes,
        superseded_by=superseded_by)


def test_counts_within_local_days() -> None:
    items = [
        item(1, "cg-changement-adresse", "sent", datetime(2026, 11, 28, 9, tzinfo=UTC)),
        item(2, "cg-changement-adresse", "queued", datetime(2026, 11, 29, 23, 30, tzinfo=UTC)),
        item(3, "permis-renouvellement", "needs_attention", datetime(2026, 11, 29, 8, tzinfo=UTC),
             superseded_by="id-4"),
        item(6, "cg-cession", "needs_attention", datetime(2026, 11, 29, 10, tzinfo=UTC)),
        item(4, "permis-renouvellement", "queued", datetime(2026, 11, 29, 9, tzinfo=UTC), "id-3"),
        item(5, "cg-cession", "sent", datetime(2026, 11, 20, 9, tzinfo=UTC)),  # before the period
    ]
    report = activity(items, date(2026, 11, 28), date(2026, 11, 30))
    assert report.total == 5
    # 23:30 UTC on the 29th is already the 30th in Paris.
    assert report.by_day == {date(2026, 11, 28): 1, date(2026, 11, 29): 3, date(2026, 11, 30): 1}
    assert report.by_procedure == {"cg-changement-adresse": 2, "permis-renouvellement": 2,
                                   "cg-cession": 1}
    assert report.by_state == {"sent": 1, "queued": 2, "replaced": 1, "needs_attention": 1}
    assert report.corrections == 1
    # The replaced request (08:00) waits for no one; the oldest waiting is the queued one at 09:00.
    assert report.oldest_waiting == datetime(2026, 11, 29, 9, tzinfo=UTC)
