"""« Où en est ma demande ? »: any kiosk of the site finds a request from its receipt.

The reference (typed, or read from the receipt's QR code) is asked of the central
service by ``local_reference`` (``central-api.md`` § 3), which answers for every
request of the site, whichever kiosk saved it. Each answer is remembered, sealed
like the queue (:class:`StatusMemory`), so that when the network is down the kiosk
still shows the last known state and the day it was learnt; a request saved on
this kiosk and not sent yet is described from the queue.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.dossier_status import DossierStatus, read_status
from kiosk.paris_time import in_paris
from kiosk.procedures import Catalogue
from kiosk.representative import PROOF_TITLES
from offline_queue import QueuedSubmission
from offline_queue.crypto import RecordCipher, create_key, read_key
from offline_queue.errors import OutboxError
from offline_queue.private_files import write_atomic
from offline_queue.sync_http import AuthError, SyncError, TemporaryFailure
from offline_queue.times import parse_time, rfc3339, utc_now

if TYPE_CHECKING:
    from kiosk.config import KioskConfig
    from offline_queue import Outbox

log = logging.getLogger(__name__)

_AAD = "status-memory"


class StatusMemory:
    """The last answer of the central service for each reference looked up, sealed at rest.

    Kept ``retention_days`` like the queue's sent requests; a damaged file is
    started afresh (it only speeds up what the service would say again)."""

    def __init__(self, data_dir: Path, retention_days: int = 30) -> None:
        self.path = data_dir / "lookups.bin"
        self._key_path = data_dir / "lookups.key"
        self._retention = timedelta(days=retention_days)
        self._lock = threading.Lock()

    def _cipher(self) -> RecordCipher:
        key = read_key(self._key_path) if self._key_path.exists() else create_key(self._key_path)
        return RecordCipher(key)

    def _read(self) -> dict[str, Any]:
        if not self.path.exists():
            return {}
        try:
            data = json.loads(self._cipher().open(self.path.read_bytes(), _AAD))
            return data if isinstance(data, dict) else {}
        except (OSError, OutboxError, ValueError):
            log.warning("status memory unreadable: started afresh")
            return {}

    def remember(self, reference: str, answer: Mapping[str, Any], now: datetime) -> None:
        with self._lock:
            entries = self._read()
            entries[reference] = {"answer": dict(answer), "at": rfc3339(now)}
            oldest = now - self._retention
            entries = {ref: entry for ref, entry in entries.items()
                       if _moment(entry.get("at")) and _moment(entry.get("at")) >= oldest}  # type: ignore[operator]
            sealed = self._cipher().seal(json.dumps(entries).encode(), _AAD)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, sealed)

    def recall(self, reference: str) -> tuple[dict[str, Any], datetime] | None:
        with self._lock:
            entry = self._read().get(reference)
        if not isinstance(entry, dict) or not isinstance(entry.get("answer"), dict):
            return None
        at = _moment(entry.get("at"))
        return (entry["answer"], at) if at is not None else None


def _moment(value: object) -> datetime | None:
    try:
        return parse_time(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _when(moment: datetime) -> str:
    return in_paris(moment).strftime("%d/%m/%Y à %H:%M")


def titles_of(catalogue: Catalogue) -> dict[str, str]:
    """Names of every document kind and question of the catalogue, to name what is missing
    (the service's answer does not say which procedure a reference is for)."""
    titles = dict(PROOF_TITLES)
    for procedure in catalogue.procedures.values():
        for fld in procedure.all_fields():
            titles.setdefault(fld.id, fld.label)
        for spec in procedure.documents:
            titles.setdefault(spec.kind, spec.title)
    return titles


@dataclass(frozen=True)
class Finding:
    """What the screen says about one reference."""

    reference: str
    status: DossierStatus | None
    """Where the request stands, from the service now or as last known; ``None``: unknown."""
    online: bool
    """The service answered just now (else: the last known state, or nothing)."""
    known_at: datetime | None = None
    """When the shown state was learnt, when it is not fresh."""
    local: str = ""
    """What this kiosk's queue says of it, when the request was saved here."""
    problem: str = ""
    """Why nothing can be said (French), when ``status`` is ``None``."""
    titles: Mapping[str, str] | None = None
    """Names of the document kinds and questions ``missing`` may cite."""

    def headline(self) -> str:
        if self.status is None:
            return self.problem or self.local
        return self.status.sentence(self.titles)

    def stale_note(self) -> str:
        """Said when the service could not be asked: the state shown is the last known one."""
        if self.online or self.status is None or self.known_at is None:
            return ""
        return (f"La borne n'arrive pas à joindre le service. Voici le dernier état connu, "
                f"du {_when(self.known_at)}.")


def _local_state(item: QueuedSubmission | None) -> str:
    if item is None:
        return ""
    saved = _when(item.created_at)
    if item.dossier_number is None:
        return (f"Votre demande a été enregistrée sur cette borne le {saved}. Elle n'est pas "
                "encore arrivée au service : elle partira dès que la connexion le permettra.")
    return (f"Votre demande a été enregistrée le {saved} et reçue par le service "
            f"(dossier {item.dossier_number}).")


def find_request(
    reference: str,
    ask: Callable[[str], Mapping[str, Any]],
    memory: StatusMemory,
    *,
    local: Callable[[str], QueuedSubmission | None] = lambda _ref: None,
    catalogue: Catalogue | None = None,
    now: Callable[[], datetime] = utc_now,
) -> Finding:
    """Ask the service where ``reference`` stands; else say what is known and since when.

    ``ask`` is the sync client's ``status_by_reference``; ``local`` finds a request of this
    kiosk's queue by its reference (``None`` when it was saved elsewhere)."""
    titles = titles_of(catalogue) if catalogue is not None else None
    item = local(reference)
    try:
        answer = ask(reference)
    except AuthError:
        log.error("status lookup refused: the kiosk's token is not accepted")
        problem = ("La borne n'a pas le droit de consulter les demandes en ce moment. "
                   "Appelez un médiateur.")
    except TemporaryFailure:
        log.info("status lookup: central service unreachable, last known state shown")
        remembered = memory.recall(reference)
        if remembered is not None:
            return Finding(reference, read_status(remembered[0]), False, remembered[1],
                           _local_state(item), titles=titles)
        problem = ("La borne n'arrive pas à joindre le service en ce moment, et elle ne "
                   "connaît pas encore cette demande. Réessayez plus tard ou appelez un médiateur.")
    except SyncError:
        problem = ("Aucune demande ne porte cette référence dans ce point numérique. "
                   "Vérifiez la référence écrite sur le reçu.")
    else:
        memory.remember(reference, answer, now())
        return Finding(reference, read_status(answer), True, None, _local_state(item), titles=titles)
    if item is not None:
        return Finding(reference, None, False, None, _local_state(item), titles=titles)
    return Finding(reference, None, False, None, "", problem, titles)


def look_up_here(config: KioskConfig, outbox: Outbox, memory: StatusMemory,
                 catalogue: Catalogue | None, reference: str) -> Finding:
    """:func:`find_request` with this kiosk's identity (runs on a pool thread, with its own
    HTTP session: the sync thread keeps its client to itself)."""
    import requests

    from kiosk.central_client import make_sync_client

    def local(ref: str) -> QueuedSubmission | None:
        try:
            return outbox.find(ref)
        except OutboxError:
            return None

    with requests.Session() as session:
        try:
            client = make_sync_client(config, outbox, session)
        except SyncError as exc:
            log.error("status lookup: central service not usable (%s)", type(exc).__name__)
            return Finding(reference, None, False, None, _local_state(local(reference)),
                           "La borne ne peut pas consulter le service. Appelez un médiateur.")
        return find_request(reference, client.status_by_reference, memory, local=local,
                            catalogue=catalogue)
