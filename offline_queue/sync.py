"""The sync client: empties the outbox into the central service, exactly once in effect.

Each submission is marked ``sending`` before anything goes on the wire, its
documents are uploaded (resumably) before the submission cites them, and it is
marked ``sent`` only when the server answers with its id and a dossier number.
A permanent refusal sets that one submission aside for a mediator; a temporary
failure rests the whole line with exponential back-off and full jitter
(``sync_line``), since the line, not the submission, is what is unwell, and
any progress (an accepted chunk, an acknowledgement) resets it.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

import requests

from offline_queue.canonical import canonical_json
from offline_queue.errors import (
    DocumentLost,
    InvalidSubmission,
    InvalidTransition,
    OutboxKeyError,
    PurgedError,
    UnknownSubmission,
)
from offline_queue.models import QueuedSubmission
from offline_queue.outbox import Outbox
from offline_queue.submission import Submission
from offline_queue.sync_http import (
    AuthError,
    CentralHttp,
    InsecureCentralUrl,
    PermanentFailure,
    SyncError,
    TemporaryFailure,
    error_body,
    unexpected_answer,
)
from offline_queue.sync_line import LineBackoff
from offline_queue.sync_lock import exclusive_sync
from offline_queue.sync_uploads import DocumentUploader
from offline_queue.times import parse_time, rfc3339, utc_now

__all__ = [
    "AuthError",
    "InsecureCentralUrl",
    "PermanentFailure",
    "SendProgress",
    "SyncClient",
    "SyncError",
    "SyncReport",
    "TemporaryFailure",
]

log = logging.getLogger(__name__)

DEFAULT_CHUNK_SIZE = 256 * 1024  # the smallest chunk: about 1 s at 2 Mbit/s
DEFAULT_MAX_CHUNK_SIZE = 8 * 1024 * 1024  # chunks grow to about 1 s on a faster line
_FAR_FUTURE = datetime(9999, 1, 1, tzinfo=UTC)
HEARTBEAT_EVERY_S = 60.0  # an idle kiosk's heartbeat; any change to tell goes with the next pass


ANOTHER_SYNC = ("Une autre synchronisation est déjà en cours sur cette borne : "
                "les demandes partiront avec elle.")


class SendProgress(NamedTuple):
    """How much of a request's documents the server holds: plain data for the screens."""

    submission_id: str
    local_reference: str
    sent: int  # bytes the server acknowledged, all documents of the request together
    total: int


Progress = Callable[[SendProgress], None]


@dataclass
class SyncReport:
    """What one ``sync`` run did; ``needs_attention`` and ``remaining`` are counted at its end."""

    sent: int = 0  # acknowledged by the server during this run
    failed: int = 0  # temporary failures during this run (retried later)
    set_aside: int = 0  # refused for good during this run
    needs_attention: int = 0  # waiting for a mediator in the whole queue
    remaining: int = 0  # still to send (queued or sending)
    auth_error: str | None = None
    last_error: str | None = None
    online: bool = False  # the central service answered its health check during this run
    rest_s: float = 0.0  # the line's rest left at the end; the next try makes sense after it

    @property
    def complete(self) -> bool:
        """Every submission of the queue is acknowledged by the server."""
        return self.auth_error is None and self.remaining == 0 and self.needs_attention == 0

    def summary_fr(self) -> str:
        """One line for the mediator or IT."""
        if self.auth_error:
            return f"Synchronisation arrêtée : {self.auth_error}"
        parts = [f"{self.sent} demande{'s' if self.sent > 1 else ''} envoyée{'s' if self.sent > 1 else ''}"]
        if self.remaining:
            parts.append(f"{self.remaining} en attente d'envoi")
        if self.needs_attention:
            parts.append(f"{self.needs_attention} à corriger par un médiateur")
        line = "Synchronisation : " + ", ".join(parts) + "."
        if self.complete:
            line += " Toutes les demandes sont transmises."
        elif self.remaining and self.last_error:
            line += f" Dernier problème : {self.last_error}"
        return line


class SyncClient:
    """Sends what the outbox holds to the central service described in ``central-api.md``."""

    def __init__(
        self,
        outbox: Outbox,
        base_url: str,
        token: str,
        *,
        kiosk_id: str,
        user_agent: str,
        timeout_s: float = 10.0,
        backoff_base_s: float = 2.0,
        backoff_max_s: float = 600.0,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        max_chunk_size: int = DEFAULT_MAX_CHUNK_SIZE,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        now: Callable[[], datetime] = utc_now,
        monotonic: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
        allow_http: bool = False,
        audit_head: Callable[[], str | None] | None = None,
        heartbeat_every_s: float = HEARTBEAT_EVERY_S,
    ) -> None:
        """``audit_head``: the kiosk's audit-journal head, sent with each heartbeat;
        ``heartbeat_every_s``: how often a pass repeats a heartbeat that says nothing new."""
        self._outbox = outbox
        self._audit_head = audit_head
        self._kiosk_id = kiosk_id
        self._user_agent = user_agent
        self._sleep = sleep
        self._now = now
        self._monotonic = monotonic
        self._http = CentralHttp(
            base_url, token, timeout_s=timeout_s, user_agent=user_agent, session=session, now=now,
            allow_http=allow_http,
        )
        self._uploader = DocumentUploader(self._http, outbox, chunk_size, max_chunk_size, monotonic)
        self.line = LineBackoff(backoff_base_s, backoff_max_s, rng=rng, monotonic=monotonic)
        self._last_sync_at: datetime | None = None
        self.heartbeat_every_s = heartbeat_every_s
        self._last_beat: tuple[float, dict[str, Any]] | None = None  # when, and what it said

    # -- single requests ------------------------------------------------------------

    def health(self) -> bool:
        """True when the service answers as the contract says; ``AuthError`` on 401/403."""
        try:
            self._check_health()
        except TemporaryFailure:
            return False
        return True

    def _check_health(self) -> None:
        response = self._http.request("GET", self._http.url("/v1/health"))
        if response.status_code != 200 or error_body(response).get("status") != "ok":
            raise unexpected_answer(response.status_code)
        self._last_sync_at = self._now()

    def heartbeat(self, *, unless_unchanged: bool = False) -> bool:
        """Tell the prefecture how full this kiosk's queue is; False when it did not get through.

        ``unless_unchanged`` (a sync pass): not sent when it would say what the last one that
        got through said, less than ``heartbeat_every_s`` ago. The contract sets no pace;
        the prefecture still hears at once of a new backlog, a refusal or a new journal
        head, and of an idle kiosk at that pace, without two requests every pass."""
        backlog = self._outbox.backlog()
        body: dict[str, Any] = {
            "version": self._user_agent,
            "queue_depth": backlog.waiting,
            "oldest_pending_at": rfc3339(backlog.oldest_pending_at) if backlog.oldest_pending_at else None,
            "last_sync_at": rfc3339(self._last_sync_at) if self._last_sync_at else None,
            "failed": backlog.needs_attention,
        }
        head = self._audit_head() if self._audit_head is not None else None
        if head is not None:
            body["audit_head"] = head  # optional, beyond the contract: docs/central-api-notes.md item 21
        says = {key: value for key, value in body.items() if key != "last_sync_at"}
        if unless_unchanged and self._last_beat is not None:
            sent_at, said = self._last_beat
            if said == says and self._monotonic() - sent_at < self.heartbeat_every_s:
                return True
        try:
            response = self._http.request(
                "PUT", self._http.url(f"/v1/kiosks/{self._kiosk_id}/heartbeat"), json=body
            )
        except TemporaryFailure:
            return False
        if response.status_code != 204:
            log.warning("heartbeat refused: HTTP %d", response.status_code)
            return False
        self._last_beat = (self._monotonic(), says)
        return True

    def status_by_reference(self, local_reference: str) -> dict[str, Any]:
        """Where the request with this receipt reference stands, from any kiosk of the site."""
        response = self._http.request(
            "GET", self._http.url("/v1/submissions"), params={"local_reference": local_reference}
        )
        body = error_body(response)
        if response.status_code == 200 and isinstance(body.get("id"), str):
            return body
        if response.status_code == 404:
            raise SyncError(
                f"Le service central ne connaît aucune demande {local_reference} pour ce site : "
                "vérifiez la référence du reçu, ou la demande n'a pas encore été envoyée."
            )
        raise unexpected_answer(response.status_code)

    def status_of(self, submission_id: str) -> dict[str, Any]:
        """Where a dossier stands at the prefecture; ``SyncError`` with a French message otherwise."""
        response = self._http.request("GET", self._http.url(f"/v1/submissions/{submission_id}"))
        body = error_body(response)
        if response.status_code == 200 and body.get("id") == submission_id:
            return body
        if response.status_code == 404:
            raise SyncError(
                "Le service central ne connaît pas encore cette demande : elle n'a peut-être "
                "pas été envoyée. Lancez une synchronisation puis réessayez."
            )
        raise unexpected_answer(response.status_code)

    # -- the sync loop --------------------------------------------------------------

    def sync(
        self, deadline_s: float | None = None, *, force: bool = False, progress: Progress | None = None
    ) -> SyncReport:
        """Send what waits. Without ``deadline_s`` one pass, which stops at the first
        temporary failure or while the line rests; with it, keep going (waiting out the
        line's rest) until nothing is left to send or the time is up. ``force`` ends the
        line's rest at once (a person asked to send now). ``progress`` is told the bytes
        sent of the request being sent, after every accepted chunk.

        Only one process syncs an outbox at a time; another one waits for it up to the
        deadline, then reports what is left without sending anything."""
        started = self._monotonic()
        with exclusive_sync(self._outbox.path.parent, wait_s=deadline_s or 0.0) as mine:
            if mine:
                left = None if deadline_s is None else deadline_s - (self._monotonic() - started)
                return self._sync_alone(left, force=force, progress=progress)
        log.info("sync skipped: another process is syncing this outbox")
        report = SyncReport(last_error=ANOTHER_SYNC)
        self._count_at_end(report)
        return report

    def _sync_alone(
        self, deadline_s: float | None, *, force: bool, progress: Progress | None
    ) -> SyncReport:
        report = SyncReport()
        deadline = None if deadline_s is None else self._monotonic() + deadline_s
        if force:
            self.line.cut_short()
        online = False
        try:
            while not self._time_is_up(deadline):
                rest = self.line.remaining_s()
                if rest > 0:
                    if not self._wait(rest, deadline):
                        break
                    continue
                if not online:
                    try:
                        self._check_health()
                        online = report.online = True
                    except TemporaryFailure as failure:
                        self._line_failed(failure, report)
                        if deadline is None:
                            break
                        continue
                # Every waiting request is due: the rest between tries is the line's.
                items = self._outbox.due(_FAR_FUTURE)
                if not items:
                    break
                failed = False
                for item in items:
                    if self._time_is_up(deadline):
                        break
                    if not self._send_one(item, report, progress):
                        # No new health check: the service answered this run, and every
                        # answer is checked anyway; one more request is one more to cut.
                        failed = True
                        break
                if failed and deadline is None:
                    break
        except AuthError as refused:
            report.auth_error = str(refused)
        if online and report.auth_error is None:
            try:
                self.heartbeat(unless_unchanged=True)
            except AuthError as refused:
                report.auth_error = str(refused)
        self._count_at_end(report)
        report.rest_s = self.line.remaining_s()
        log.info(
            "sync: %d sent, %d temporary failures, %d set aside, %d remaining, %d need attention%s",
            report.sent, report.failed, report.set_aside, report.remaining,
            report.needs_attention, ", token refused" if report.auth_error else "",
        )
        return report

    def _count_at_end(self, report: SyncReport) -> None:
        backlog = self._outbox.backlog()
        report.remaining = backlog.waiting
        report.needs_attention = backlog.needs_attention

    def _time_is_up(self, deadline: float | None) -> bool:
        return deadline is not None and self._monotonic() >= deadline

    def _wait(self, seconds: float, deadline: float | None) -> bool:
        """Sleep ``seconds`` if the deadline allows it; False means give up for this run."""
        if deadline is None or self._monotonic() + seconds > deadline:
            return False
        self._sleep(seconds)
        return True

    def _line_failed(self, failure: TemporaryFailure, report: SyncReport) -> timedelta:
        """Rest the whole line for a jittered delay that grows with failures in a row."""
        delay = timedelta(seconds=self.line.failed(failure.retry_after_s, cut=failure.cut))
        report.failed += 1
        report.last_error = str(failure)
        return delay

    def _send_one(self, item: QueuedSubmission, report: SyncReport, progress: Progress | None) -> bool:
        """Try one submission; False when the server is unwell and the pass should stop."""
        try:
            self._outbox.mark_sending(item.id)
        except InvalidTransition:
            log.info("submission %s changed state meanwhile, skipped", item.id)
            return True
        try:
            record = self._body_with_uploads(item, progress)
            receipt = self._submit(item.id, record)
        except AuthError as refused:
            self._outbox.mark_retry(item.id, str(refused), self._now())
            raise
        except TemporaryFailure as failure:
            delay = self._line_failed(failure, report)
            # The time stored is what ``queue show`` tells IT; the sync itself waits on the line.
            self._outbox.mark_retry(item.id, str(failure), self._now() + delay)
            log.info("submission %s: temporary failure, next try in %.1fs", item.id, delay.total_seconds())
            return False
        except PermanentFailure as refusal:
            self._outbox.mark_needs_attention(item.id, str(refusal), refusal.details)
            report.set_aside += 1
            log.warning("submission %s set aside for a mediator", item.id)
            return True
        self.line.progressed()
        self._last_sync_at = self._now()
        try:
            self._outbox.mark_sent(item.id, receipt["dossier_number"], receipt["received_at"])
        except InvalidTransition:
            log.info("submission %s was marked by another process meanwhile", item.id)
            return True
        report.sent += 1
        log.info("submission %s acknowledged as %s", item.id, receipt["dossier_number"])
        return True

    def _body_with_uploads(self, item: QueuedSubmission, progress: Progress | None) -> Submission:
        """The stored record with every document uploaded and its upload_id filled in."""
        submission_id = item.id
        try:
            record = self._outbox.submission(submission_id)
            documents = self._outbox.documents(submission_id)
            total = sum(doc.size for doc in documents)
            before = 0  # bytes of the documents already on the server
            upload_ids: dict[int, str] = {}
            for doc in documents:
                data = b""
                if not doc.upload_complete:
                    data = self._outbox.document_bytes(submission_id, doc.index)
                sent = _Watcher(self.line, item, before, total, progress)
                # One fsync per request for its uploads: the last one's flushes the others'
                # (same WAL), before the body cites them.
                last = doc is documents[-1]
                upload_ids[doc.index] = self._uploader.upload(submission_id, doc, data, sent,
                                                              durable=last)
                before += doc.size
        except (
            PurgedError, OutboxKeyError, UnknownSubmission, DocumentLost, InvalidSubmission
        ) as problem:
            # This request cannot be sent as it is: set it aside, the others go on.
            raise PermanentFailure(str(problem)) from None
        # Any other OutboxError (full disk, busy, I/O) is the kiosk's, not the request's:
        # it stops the pass and the row, still ``sending``, is sent on a later pass.
        return record.with_upload_ids(upload_ids)

    def _submit(self, submission_id: str, record: Submission) -> dict[str, Any]:
        """POST the submission; the acknowledgement, or a failure saying what to do."""
        response = self._http.request(
            "POST",
            self._http.url("/v1/submissions"),
            data=canonical_json(record.to_body()),
            headers={"Idempotency-Key": submission_id, "Content-Type": "application/json"},
        )
        status = response.status_code
        answer = error_body(response)
        if status in (200, 201):
            dossier = answer.get("dossier_number")
            if answer.get("id") == submission_id and isinstance(dossier, str) and dossier:
                received = answer.get("received_at")
                try:
                    received_at = parse_time(received) if isinstance(received, str) else self._now()
                except ValueError:
                    received_at = self._now()
                return {"dossier_number": dossier, "received_at": received_at}
            log.info("submission %s: HTTP %d without an acknowledgement", submission_id, status)
            raise unexpected_answer(status)
        if status == 409:
            raise PermanentFailure(
                "Le service central a déjà reçu une demande avec cet identifiant mais un contenu "
                "différent : vérifiez-la avec l'assistance avant de la refaire.",
                [answer] if answer else [],
            )
        if status == 422:
            errors = answer.get("errors")
            details = [e for e in errors if isinstance(e, dict)] if isinstance(errors, list) else []
            raise PermanentFailure(
                "Le service central a refusé la demande : des réponses ou des pièces sont à "
                "corriger. Touchez « Corriger » et reprenez-les avec le demandeur.",
                details,
            )
        if status in (400, 413):
            raise PermanentFailure(
                "Le service central refuse cette demande "
                + ("(trop volumineuse)" if status == 413 else "(mal formée)")
                + " : appelez l'assistance informatique, la demande reste enregistrée sur la borne.",
                [answer] if answer else [],
            )
        raise unexpected_answer(status)


class _Watcher:
    """Turns one document's offsets into progress: the line's, and the screens'."""

    def __init__(
        self, line: LineBackoff, item: QueuedSubmission, before: int, total: int,
        progress: Progress | None,
    ) -> None:
        self._line = line
        self._item = item
        self._before = before
        self._total = total
        self._progress = progress
        self._seen: int | None = None

    def __call__(self, offset: int) -> None:
        if self._seen is not None and offset > self._seen:
            self._line.progressed()  # a chunk got through: the line is well
        self._seen = offset
        if self._progress is not None:
            self._progress(SendProgress(
                self._item.id, self._item.local_reference, self._before + offset, self._total
            ))
