"""The durable, encrypted outbox: every confirmed request waits here until the
central service has acknowledged it.

A citizen who came in person must never lose a request: ``enqueue`` commits the
submission and all its documents in one fsynced SQLite transaction (WAL,
``synchronous=FULL``) before it returns, and the sync client moves rows through
``queued -> sending -> sent`` (or ``needs_attention``) with single-statement
updates. Answers, document bytes, file names and server error details are
AES-GCM encrypted; states, dates, ids and procedure codes stay readable so the
queue can be listed without the key.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import sqlite3
import threading
import uuid
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import sqlite_utils

from .crypto import RecordCipher, create_key, read_key
from .errors import (
    IT_HELP,
    DocumentLost,
    InvalidSubmission,
    InvalidTransition,
    OutboxCorrupt,
    OutboxError,
    OutboxFull,
    OutboxLost,
    PurgedError,
    UnknownSubmission,
)
from .ledger import Ledger, LedgerUnreadable, read_ledger, write_ledger
from .migrations import migrate
from .models import STATES, Backlog, DocumentLike, QueuedSubmission, StoredDocument
from .private_files import private_dir, private_file, restrict_companions
from .snapshot import ReceiptSnapshot
from .submission import Submission
from .times import parse_time, rfc3339, to_db_time, utc_now

DB_NAME = "outbox.db"
KEY_NAME = "outbox.key"
BUSY_TIMEOUT_S = 15.0
KEY_CHECK = b"point-numerique outbox key check"
_DEFAULT_LEDGER = Path()  # sentinel: the ledger beside the database

STATE_LABELS_FR: dict[str, str] = {
    "queued": "en attente d'envoi",
    "sending": "en cours d'envoi",
    "sent": "envoyée",
    "needs_attention": "à corriger",
}

log = logging.getLogger(__name__)

SUBMISSION_COLUMNS = (
    "id", "seq", "local_reference", "procedure_code", "procedure_version", "state",
    "attempts", "created_at", "enqueued_at", "next_attempt_at", "last_error",
    "error_details", "dossier_number", "received_at", "supersedes", "body", "snapshot",
    "purged_at", "superseded_by", "refused_at",
)  # fmt: skip
DOCUMENT_COLUMNS = (
    "submission_id", "idx", "kind", "filename", "content_type", "size", "sha256",
    "content", "upload_url", "upload_offset", "upload_complete",
)  # fmt: skip

_ITEM_COLUMNS = (
    "id, local_reference, procedure_code, procedure_version, state, attempts, created_at, "
    "next_attempt_at, last_error, error_details, dossier_number, received_at, supersedes, "
    "purged_at, superseded_by, refused_at, (SELECT r.local_reference FROM submissions AS r "
    "WHERE r.id = submissions.superseded_by) AS superseded_by_reference"
)


def corrupt_message(path: Path) -> str:
    return (
        f"La file d'attente des demandes ({path}) est abîmée. Ne supprimez rien et "
        "n'éteignez pas la borne : les demandes déjà enregistrées peuvent être sauvées. "
        f"{IT_HELP}, qui lancera « kiosk queue recover »."
    )


def lost_message(path: Path, ledger: Ledger | None) -> str:
    """For IT: the queue file is gone or older than what the kiosk knows it held."""
    if ledger is None:
        known = "alors que sa clé de chiffrement existe : des demandes y ont été enregistrées"
    else:
        last = ledger.reference(ledger.high_water) or f"n° {ledger.high_water}"
        known = (
            f"alors que la borne y a déjà enregistré des demandes (dernière référence "
            f"attribuée : {last} ; {ledger.unsent} demande(s) pas encore envoyée(s))"
        )
    return (
        f"La file d'attente des demandes ({path}) a disparu, est vide ou a été remplacée "
        f"par une copie plus ancienne, {known}. La borne refuse d'en créer une nouvelle : "
        "les demandes en attente seraient perdues sans un mot et les références déjà "
        f"imprimées sur les reçus seraient réutilisées. Ne supprimez rien. {IT_HELP} : "
        f"remettre le fichier {path.name} depuis une sauvegarde, ou lancer « kiosk queue "
        "recover », qui repart sans réutiliser de référence et nomme les demandes perdues."
    )


def interrupted_message(path: Path) -> str:
    return (
        f"Une réparation de la file d'attente ({path}) a été interrompue. La borne ne "
        f"l'ouvre pas dans cet état. Ne supprimez rien. {IT_HELP}, qui relancera « kiosk "
        "queue recover » pour la terminer."
    )


def recovery_marker(db_path: Path) -> Path:
    """Present while ``kiosk queue recover`` rebuilds ``db_path``; it names the file set aside."""
    return db_path.with_name(f"{db_path.stem}.recovering")


def ledger_path(db_path: Path) -> Path:
    return db_path.with_name(f"{db_path.stem}.ledger")


def full_message(path: Path) -> str:
    return (
        f"Le disque de la borne est plein : la demande n'a PAS été enregistrée ({path.parent}). "
        "Rien n'a été perdu de ce qui était déjà enregistré. Gardez les papiers du "
        f"demandeur, libérez de la place ou {IT_HELP.lower()}, puis validez à nouveau."
    )


def translate_error(exc: BaseException, path: Path) -> OutboxError:
    """Turn SQLite and OS errors into outbox errors with a French message."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code == sqlite3.SQLITE_FULL or (isinstance(exc, OSError) and exc.errno == errno.ENOSPC):
        return OutboxFull(full_message(path))
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return OutboxCorrupt(corrupt_message(path))
    if code == sqlite3.SQLITE_BUSY:
        return OutboxError(
            "La file d'attente est occupée par un autre programme de la borne. "
            f"Réessayez dans un instant ; si cela dure, {IT_HELP.lower()}."
        )
    log.error("outbox %s: unexpected storage error %s", path, type(exc).__name__)
    return OutboxError(f"Erreur d'accès à la file d'attente ({path}) : {exc}. Ne supprimez rien. {IT_HELP}.")


def check_sound(db_path: Path) -> None:
    """Raise ``OutboxCorrupt`` unless ``db_path`` is a sound database, without writing to it.

    A read-only connection runs ``PRAGMA quick_check``: it neither checkpoints
    nor deletes a WAL file on close, so a damaged file stays exactly as found.
    Without a WAL to replay the file is opened ``immutable``, which creates no
    ``-wal``/``-shm`` companion either.
    """
    mode = "mode=ro" if Path(f"{db_path}-wal").exists() else "immutable=1"
    try:
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?{mode}", uri=True)
    except sqlite3.Error as exc:
        raise translate_error(exc, db_path) from None
    try:
        problems = [row[0] for row in conn.execute("PRAGMA quick_check(20)")]
    except sqlite3.DatabaseError as exc:
        log.error("outbox %s: cannot be read as a database (%s)", db_path, exc)
        raise OutboxCorrupt(corrupt_message(db_path)) from None
    finally:
        conn.close()
    if problems != ["ok"]:
        log.error("outbox %s failed quick_check: %s", db_path, "; ".join(problems[:5]))
        raise OutboxCorrupt(corrupt_message(db_path))


def connect(db_path: Path) -> sqlite_utils.Database:
    """A connection set up for durability: WAL, ``synchronous=FULL``, busy timeout; files 0600."""
    private_file(db_path)
    restrict_companions(db_path)
    conn = sqlite3.connect(db_path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    db = sqlite_utils.Database(conn, execute_plugins=False)
    db.enable_wal()
    db.execute("PRAGMA synchronous = FULL")
    db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA secure_delete = ON")  # purged answers are zeroed, not left in free pages
    return db


def default_key_path(data_dir: Path) -> Path:
    """A systemd credential ``outbox.key`` when the service passes one, else the data folder's key."""
    credentials = os.environ.get("CREDENTIALS_DIRECTORY")
    if credentials and (Path(credentials) / KEY_NAME).is_file():
        return Path(credentials) / KEY_NAME
    return data_dir / KEY_NAME


def open_outbox(data_dir: Path, key_path: Path | None = None) -> Outbox:
    """Open (or create) ``<data_dir>/outbox.db``; the folder is made 0700, its files 0600.

    The key is ``key_path`` when given (a file kept apart from the data, see
    ``kiosk.key_file``), else ``default_key_path``. A key is only created for
    a new, empty outbox: creating one beside existing data would make it
    unreadable, so a missing key is an error then. A key in the data folder
    with no database and no ledger means a queue was lost: refused.
    """
    try:
        private_dir(data_dir)
    except PermissionError as exc:
        log.error("data folder %s cannot be made private: %s", data_dir, exc.strerror)
        raise OutboxError(
            f"Le dossier de données {data_dir} ne peut pas être réservé au compte de la borne "
            f"(droits 0700) : {exc.strerror}. Donnez ce dossier au compte de la borne. {IT_HELP}."
        ) from None
    except OSError as exc:
        raise translate_error(exc, data_dir / DB_NAME) from None
    db_path = data_dir / DB_NAME
    key_path = key_path or default_key_path(data_dir)
    has_data = db_path.exists() and db_path.stat().st_size > 0
    if key_path.exists() or has_data:
        if not has_data and key_path == data_dir / KEY_NAME and not ledger_path(db_path).exists():
            log.error("outbox %s: key found without its database nor ledger; refusing a new queue", db_path)
            raise OutboxLost(lost_message(db_path, None))
        key = read_key(key_path)
    else:
        try:
            known = read_ledger(ledger_path(db_path))
        except LedgerUnreadable:
            known = None
        if known is not None and known.high_water > 0:
            log.error("outbox %s and key missing; its ledger knows %d references", db_path, known.high_water)
            raise OutboxLost(lost_message(db_path, known))
        try:
            # the ledger first: a key then never stands alone unless a queue was lost
            write_ledger(ledger_path(db_path), Ledger)
            key = create_key(key_path)
        except OSError as exc:
            raise translate_error(exc, db_path) from None
    return Outbox(db_path, key)


class Outbox:
    """The queue of confirmed submissions; safe to share between threads."""

    def __init__(
        self,
        db_path: Path,
        key: bytes,
        *,
        now: Callable[[], datetime] = utc_now,
        ledger: Path | None = _DEFAULT_LEDGER,
    ) -> None:
        """``ledger``: the record kept outside the file (``None`` for a scratch queue)."""
        self.path = Path(db_path)
        self._cipher = RecordCipher(key)
        self._now = now
        self._lock = threading.RLock()
        self._ledger = ledger_path(self.path) if ledger == _DEFAULT_LEDGER else ledger
        known = self._known_ledger()
        if self.path.exists() and self.path.stat().st_size > 0:
            check_sound(self.path)
        elif known is not None and known.high_water > 0:
            log.error("outbox %s missing or empty; ledger knows %d references", self.path, known.high_water)
            raise OutboxLost(lost_message(self.path, known))
        try:
            self.db = connect(self.path)
        except (sqlite3.Error, OSError) as exc:
            raise translate_error(exc, self.path) from None
        try:
            found = migrate(self.db)
            self._check_key()
            if known is not None and known.high_water > self._counter():
                log.error(
                    "outbox %s: counter at %d but its ledger knows %d references; refused",
                    self.path,
                    self._counter(),
                    known.high_water,
                )
                raise OutboxLost(lost_message(self.path, known))
            self._update_ledger()
        except BaseException as exc:
            self.db.close()
            if isinstance(exc, sqlite3.Error | OSError):
                raise translate_error(exc, self.path) from None
            raise
        if found == 0:
            log.info("outbox %s created", self.path)

    # -- plumbing -------------------------------------------------------------

    def _known_ledger(self) -> Ledger | None:
        """What the ledger says this queue held; refuses while a recovery is unfinished."""
        if self._ledger is None:
            return None
        if recovery_marker(self.path).exists():
            log.error("outbox %s: an interrupted recovery must be finished first", self.path)
            raise OutboxLost(interrupted_message(self.path))
        try:
            return read_ledger(self._ledger)
        except LedgerUnreadable:
            log.error("outbox ledger %s is unreadable; rebuilt from the database if it opens", self._ledger)
            return None
        except OSError as exc:
            raise translate_error(exc, self.path) from None

    def _counter(self) -> int:
        row = self.db.execute("SELECT value FROM counters WHERE name = 'local_reference'").fetchone()
        return int(row[0]) if row is not None else 0

    def ledger_now(self) -> Ledger:
        """The ledger as this database stands: highest reference number, requests not yet sent."""
        with self._lock:
            # both by index: the state index, and the newest row for the references' prefix
            unsent, last = self.db.execute(
                "SELECT (SELECT count(*) FROM submissions WHERE state IN "
                "('queued', 'sending', 'needs_attention') AND superseded_by IS NULL), "
                "(SELECT local_reference FROM submissions WHERE rowid = "
                "(SELECT max(rowid) FROM submissions))"
            ).fetchone()
            return Ledger(self._counter(), int(unsent), last)

    def _update_ledger(self) -> None:
        """After a commit that changed the count or the counter; a failure is logged, not raised:
        the request is already safe in the database, and the next update catches up."""
        if self._ledger is None:
            return
        try:
            write_ledger(self._ledger, self.ledger_now)
        except (OSError, sqlite3.Error) as exc:
            log.error("outbox ledger %s not updated: %s", self._ledger, type(exc).__name__)

    def close(self) -> None:
        with self._lock:
            self.db.close()

    def __enter__(self) -> Outbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self, durable: bool = True) -> Iterator[None]:
        """One IMMEDIATE transaction: all or nothing, fsynced at COMMIT.

        ``durable=False`` commits without the fsync (WAL, ``synchronous=NORMAL``): it
        survives a killed process, and the next durable commit flushes it; only a power
        cut can take it back. For what the central service also knows (see ``save_upload``)."""
        with self._lock:
            if not durable:
                self.db.execute("PRAGMA synchronous = NORMAL")
            try:
                yield from self._transaction()
            finally:
                if not durable:
                    self.db.execute("PRAGMA synchronous = FULL")

    def _transaction(self) -> Iterator[None]:
        with self._lock:
            try:
                self.db.execute("BEGIN IMMEDIATE")
                try:
                    yield
                    self.db.execute("COMMIT")
                except BaseException:
                    if self.db.conn.in_transaction:
                        try:
                            self.db.execute("ROLLBACK")
                        except sqlite3.Error:
                            log.error("outbox %s: rollback failed", self.path)
                    raise
            except (sqlite3.Error, OSError) as exc:
                if isinstance(exc, sqlite3.IntegrityError):
                    raise
                raise translate_error(exc, self.path) from None

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            try:
                cursor = self.db.conn.execute(sql, params)
                names = [d[0] for d in cursor.description]
                return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
            except sqlite3.Error as exc:
                raise translate_error(exc, self.path) from None

    def _check_key(self) -> None:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'key_check'").fetchone()
        if row is None:
            with self._write():
                self.db.execute(
                    "INSERT INTO meta (key, value) VALUES ('key_check', ?)",
                    (self._cipher.seal(KEY_CHECK, "meta/key_check"),),
                )
        elif self._cipher.open(row[0], "meta/key_check") != KEY_CHECK:
            raise OutboxCorrupt(corrupt_message(self.path))

    def _seal_json(self, value: Any, aad: str) -> bytes:
        return self._cipher.seal(json.dumps(value, ensure_ascii=False).encode(), aad)

    def _seal_error(self, submission_id: str, error: str) -> bytes:
        """Errors may quote the server, which may quote an answer: kept encrypted too."""
        return self._cipher.seal(error.encode(), f"submissions/{submission_id}/last_error")

    def _open_json(self, record: bytes, aad: str) -> Any:
        return json.loads(self._cipher.open(record, aad))

    def _item(self, row: Mapping[str, Any]) -> QueuedSubmission:
        details = row["error_details"]
        return QueuedSubmission(
            id=row["id"],
            local_reference=row["local_reference"],
            procedure_code=row["procedure_code"],
            procedure_version=row["procedure_version"],
            state=row["state"],
            attempts=row["attempts"],
            created_at=parse_time(row["created_at"]),
            next_attempt_at=parse_time(row["next_attempt_at"]),
            last_error=(
                self._cipher.open(row["last_error"], f"submissions/{row['id']}/last_error").decode()
                if row["last_error"] is not None
                else None
            ),
            dossier_number=row["dossier_number"],
            received_at=parse_time(row["received_at"]) if row["received_at"] else None,
            error_details=(
                self._open_json(details, f"submissions/{row['id']}/error_details") if details else []
            ),
            supersedes=row["supersedes"],
            purged=row["purged_at"] is not None,
            superseded_by=row["superseded_by"],
            superseded_by_reference=row["superseded_by_reference"],
            refused_at=parse_time(row["refused_at"]) if row["refused_at"] else None,
        )

    # -- enqueue --------------------------------------------------------------

    def enqueue(
        self,
        body: Submission | Mapping[str, Any],
        documents: Sequence[DocumentLike],
        *,
        receipt_fields: Collection[str] | None = None,
    ) -> QueuedSubmission:
        """Store ``body`` and its documents durably; returns once they are on disk.

        ``body`` is the typed record, or the contract's JSON body (read with
        ``Submission.from_body``). The stored body gets its ``local_reference``
        (when ``None``) and its ``documents`` list rebuilt from ``documents``. ``receipt_fields``, when
        given, limits which answers the receipt snapshot keeps after the purge.
        A body whose ``supersedes`` names a request « à corriger » marks that
        one replaced in the same transaction (``InvalidSubmission`` otherwise).
        """
        contents = [bytes(doc.data) for doc in documents]  # one copy: hashed = sealed = stored
        record = _prepare_record(body, documents, contents)
        stored, sub_id, created_at = record.to_body(), record.id, to_db_time(record.created_at)
        moment = self._now()
        now = to_db_time(moment)
        sealed_docs = [
            (
                index,
                doc.kind,
                self._cipher.seal(doc.filename.encode(), f"documents/{sub_id}/{index}/filename"),
                doc.content_type,
                doc.size,
                doc.sha256,
                self._cipher.seal(contents[index], f"documents/{sub_id}/{index}/content"),
            )
            for index, doc in enumerate(documents)
        ]
        try:
            with self._write():
                if stored["supersedes"] is not None:
                    # first, so that a failure further on (full disk) rolls it back too
                    self._replace(stored["supersedes"], sub_id)
                seq = None
                if stored.get("local_reference") is None:
                    seq = self.db.execute(
                        "INSERT INTO counters (name, value) VALUES ('local_reference', 1) "
                        "ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value"
                    ).fetchone()[0]
                    stored["local_reference"] = f"PN-{stored['kiosk_id']}-{seq:06d}"
                snapshot = ReceiptSnapshot.of(
                    record.with_local_reference(stored["local_reference"]), receipt_fields
                )
                self.db.execute(
                    "INSERT INTO submissions (id, seq, local_reference, procedure_code, "
                    "procedure_version, state, attempts, created_at, enqueued_at, "
                    "next_attempt_at, supersedes, body, snapshot) "
                    "VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?, ?, ?, ?)",
                    (
                        sub_id,
                        seq,
                        stored["local_reference"],
                        stored["procedure"]["code"],
                        str(stored["procedure"]["version"]),
                        created_at,
                        now,
                        now,
                        stored["supersedes"],
                        self._seal_json(stored, f"submissions/{sub_id}/body"),
                        self._seal_json(snapshot.to_json(), f"submissions/{sub_id}/snapshot"),
                    ),
                )
                self.db.conn.executemany(
                    "INSERT INTO documents (submission_id, idx, kind, filename, content_type, "
                    "size, sha256, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [(sub_id, *doc) for doc in sealed_docs],
                )
        except sqlite3.IntegrityError:
            raise InvalidSubmission(
                "Cette demande est déjà dans la file d'attente (même identifiant ou même "
                "référence) : elle n'a pas été enregistrée une deuxième fois."
            ) from None
        self._update_ledger()
        log.info(
            "queued submission %s (%s, %s, %d documents)",
            sub_id,
            stored["local_reference"],
            stored["procedure"]["code"],
            len(sealed_docs),
        )
        return QueuedSubmission(
            id=sub_id,
            local_reference=stored["local_reference"],
            procedure_code=stored["procedure"]["code"],
            procedure_version=str(stored["procedure"]["version"]),
            state="queued",
            attempts=0,
            created_at=parse_time(created_at),
            next_attempt_at=parse_time(now),
            last_error=None,
            dossier_number=None,
            received_at=None,
            supersedes=stored["supersedes"],
        )

    def _replace(self, old_id: str, new_id: str) -> None:
        """Mark ``old_id`` replaced by ``new_id``; inside ``enqueue``'s transaction."""
        cursor = self.db.execute(
            "UPDATE submissions SET superseded_by = ? "
            "WHERE id = ? AND state = 'needs_attention' AND superseded_by IS NULL",
            (new_id, old_id),
        )
        if cursor.rowcount == 1:
            return
        row = self.db.execute(
            "SELECT s.local_reference, s.state, r.local_reference FROM submissions AS s "
            "LEFT JOIN submissions AS r ON r.id = s.superseded_by WHERE s.id = ?",
            (old_id,),
        ).fetchone()
        if row is None:
            raise InvalidSubmission(
                "La demande à remplacer n'est pas dans la file d'attente de cette borne : "
                "la demande corrigée n'a pas été enregistrée. Recommencez depuis la file "
                "d'attente (espace médiateur)."
            )
        reference, state, replacement = row
        if replacement is not None:
            raise InvalidSubmission(
                f"La demande {reference} a déjà été remplacée par la demande {replacement} : "
                "la correction n'a pas été enregistrée une deuxième fois."
            )
        raise InvalidSubmission(
            f"La demande {reference} est « {STATE_LABELS_FR[state]} » : "
            "seule une demande « à corriger » peut être remplacée. La correction n'a pas été "
            "enregistrée."
        )

    # -- reads ----------------------------------------------------------------

    def get(self, submission_id: str) -> QueuedSubmission:
        rows = self._rows(f"SELECT {_ITEM_COLUMNS} FROM submissions WHERE id = ?", (submission_id,))
        if not rows:
            raise _unknown(submission_id)
        return self._item(rows[0])

    def get_by_reference(self, local_reference: str) -> QueuedSubmission:
        """Find a submission by the reference printed on the receipt."""
        rows = self._rows(
            f"SELECT {_ITEM_COLUMNS} FROM submissions WHERE local_reference = ?",
            (local_reference,),
        )
        if not rows:
            raise _unknown(local_reference)
        return self._item(rows[0])

    def find(self, id_or_reference: str) -> QueuedSubmission:
        """By id or by the ``PN-…`` reference a mediator reads on the receipt."""
        try:
            return self.get(id_or_reference)
        except UnknownSubmission:
            return self.get_by_reference(id_or_reference)

    def list_items(self, states: Iterable[str] | None = None) -> list[QueuedSubmission]:
        """Oldest first; ``states`` filters."""
        sql = f"SELECT {_ITEM_COLUMNS} FROM submissions"
        params: list[str] = []
        if states is not None:
            params = list(states)
            sql += f" WHERE state IN ({', '.join('?' * len(params))})"
        return [self._item(row) for row in self._rows(sql + " ORDER BY created_at, rowid", params)]

    def counts(self) -> dict[str, int]:
        """Requests by state; replaced ones are left out: they need nobody any more."""
        found: dict[str, int] = dict.fromkeys(STATES, 0)
        # ``+``: read from the index of states alone; the unique index of ``superseded_by``
        # would read every row (migrations ``_v4_pass_indexes``)
        for row in self._rows(
            "SELECT state, count(*) AS n FROM submissions WHERE +superseded_by IS NULL GROUP BY state"
        ):
            found[row["state"]] = row["n"]
        return found

    def backlog(self) -> Backlog:
        """What waits and what a mediator must correct, in one read: by the index of states,
        so a pass costs the same after months of sent requests."""
        waiting, attention, oldest = self._rows(
            "SELECT (SELECT count(*) FROM submissions WHERE state IN ('queued', 'sending') "
            "AND superseded_by IS NULL) AS waiting, "
            "(SELECT count(*) FROM submissions WHERE state = 'needs_attention' "
            "AND superseded_by IS NULL) AS attention, "
            "(SELECT min(created_at) FROM submissions WHERE state IN ('queued', 'sending')) AS oldest"
        )[0].values()
        return Backlog(int(waiting), int(attention), parse_time(oldest) if oldest else None)

    def _submission_row(self, submission_id: str, columns: str) -> Mapping[str, Any]:
        rows = self._rows(f"SELECT {columns} FROM submissions WHERE id = ?", (submission_id,))
        if not rows:
            raise _unknown(submission_id)
        return rows[0]

    def submission(self, submission_id: str) -> Submission:
        """The decrypted record; ``InvalidSubmission`` if the stored body no longer reads."""
        row = self._submission_row(submission_id, "local_reference, body, purged_at")
        if row["body"] is None:
            raise PurgedError(
                f"Les réponses de la demande {row['local_reference']} ont été effacées "
                "à la fin de la durée de conservation ; le reçu reste disponible."
            )
        return Submission.from_body(self._open_json(row["body"], f"submissions/{submission_id}/body"))

    def body(self, submission_id: str) -> dict[str, Any]:
        """The body as it goes to the central service (before upload ids are filled in)."""
        return self.submission(submission_id).to_body()

    def receipt_snapshot(self, submission_id: str) -> ReceiptSnapshot:
        """What a receipt needs, kept after the purge; ``SnapshotUnreadable`` if damaged."""
        row = self._submission_row(submission_id, "snapshot")
        return ReceiptSnapshot.from_json(
            self._open_json(row["snapshot"], f"submissions/{submission_id}/snapshot")
        )

    def documents(self, submission_id: str) -> list[StoredDocument]:
        self._submission_row(submission_id, "id")
        rows = self._rows(
            "SELECT idx, kind, filename, content_type, size, sha256, upload_url, "
            "upload_offset, upload_complete FROM documents WHERE submission_id = ? ORDER BY idx",
            (submission_id,),
        )
        return [
            StoredDocument(
                index=row["idx"],
                kind=row["kind"],
                filename=self._cipher.open(
                    row["filename"], f"documents/{submission_id}/{row['idx']}/filename"
                ).decode(),
                content_type=row["content_type"],
                size=row["size"],
                sha256=row["sha256"],
                upload_url=row["upload_url"],
                upload_offset=row["upload_offset"],
                upload_complete=bool(row["upload_complete"]),
            )
            for row in rows
        ]

    def document_bytes(self, submission_id: str, index: int) -> bytes:
        """The decrypted document, checked against its sha256."""
        submission = self._submission_row(submission_id, "local_reference, purged_at")
        rows = self._rows(
            "SELECT content, sha256 FROM documents WHERE submission_id = ? AND idx = ?",
            (submission_id, index),
        )
        if not rows:
            reference = submission["local_reference"]
            raise UnknownSubmission(f"La demande {reference} n'a pas de pièce n°{index + 1}.")
        if rows[0]["content"] is None:
            if submission["purged_at"] is not None:
                raise PurgedError(
                    f"Les pièces de la demande {submission['local_reference']} ont été effacées "
                    "à la fin de la durée de conservation."
                )
            raise DocumentLost(
                f"La pièce n°{index + 1} de la demande {submission['local_reference']} a été "
                "perdue lors de la réparation de la file d'attente : refaites la demande "
                "avec une nouvelle copie de la pièce."
            )
        data = self._cipher.open(rows[0]["content"], f"documents/{submission_id}/{index}/content")
        if hashlib.sha256(data).hexdigest() != rows[0]["sha256"]:
            log.error("outbox %s: a stored document no longer matches its sha256", self.path)
            raise DocumentLost(
                f"La pièce n°{index + 1} de la demande {submission['local_reference']} est "
                "abîmée sur le disque de la borne : refaites la demande avec une nouvelle copie "
                f"de la pièce. {IT_HELP} pour vérifier le disque."
            )
        return data

    # -- transitions ----------------------------------------------------------

    def _transition(
        self,
        submission_id: str,
        allowed_from: Collection[str],
        action_fr: str,
        assignments: str,
        params: Sequence[Any],
        durable: bool = True,
    ) -> None:
        with self._write(durable):
            placeholders = ", ".join("?" * len(allowed_from))
            cursor = self.db.execute(
                f"UPDATE submissions SET {assignments} WHERE id = ? AND state IN ({placeholders})",
                [*params, submission_id, *allowed_from],
            )
            if cursor.rowcount == 1:
                return
            row = self.db.execute(
                "SELECT local_reference, state FROM submissions WHERE id = ?", (submission_id,)
            ).fetchone()
        if row is None:
            raise _unknown(submission_id)
        raise InvalidTransition(
            f"La demande {row[0]} est « {STATE_LABELS_FR[row[1]]} » : impossible de {action_fr}."
        )

    def due(self, now: datetime) -> list[QueuedSubmission]:
        """Queued, or left ``sending`` by a crash, whose next attempt is due; oldest first.

        A replaced request is never due, whatever its state: its correction is sent instead.
        """
        rows = self._rows(
            f"SELECT {_ITEM_COLUMNS} FROM submissions "
            "WHERE state IN ('queued', 'sending') AND next_attempt_at <= ? "
            "AND superseded_by IS NULL ORDER BY created_at, rowid",
            (to_db_time(now),),
        )
        return [self._item(row) for row in rows]

    def mark_sending(self, submission_id: str) -> None:
        """Recorded before anything goes on the wire, so a crash never looks like a success.

        Not fsynced: after a power cut the row is back to ``queued`` and is sent again
        under the same key, which the server answers as before."""
        self._transition(
            submission_id,
            ("queued", "sending"),
            "l'envoyer",
            "state = 'sending', attempts = attempts + 1",
            (),
            durable=False,
        )

    def save_upload(
        self, submission_id: str, index: int, upload_url: str | None, offset: int, complete: bool,
        durable: bool | None = None,
    ) -> None:
        """Remember an upload's place so an interrupted one resumes instead of restarting.

        Fsynced (``durable``, by default when complete) before a submission cites the
        upload id, which it must cite on every retry: the sync client fsyncs the last
        document's, which flushes the others' with it. An unfinished place needs no
        fsync: the server's offset (HEAD) is the truth, and a place lost to a power cut
        costs a resend only."""
        with self._write(durable=complete if durable is None else durable):
            cursor = self.db.execute(
                "UPDATE documents SET upload_url = ?, upload_offset = ?, upload_complete = ? "
                "WHERE submission_id = ? AND idx = ?",
                (upload_url, offset, int(complete), submission_id, index),
            )
            if cursor.rowcount != 1:
                raise _unknown(f"{submission_id}#{index}")

    def mark_sent(self, submission_id: str, dossier_number: str, received_at: datetime | str) -> None:
        if isinstance(received_at, str):
            received_at = parse_time(received_at)
        self._transition(
            submission_id,
            ("sending",),
            "la marquer envoyée",
            "state = 'sent', dossier_number = ?, received_at = ?, last_error = NULL, error_details = NULL",
            (dossier_number, to_db_time(received_at)),
        )
        self._update_ledger()

    def mark_retry(self, submission_id: str, error: str, next_attempt_at: datetime) -> None:
        self._transition(
            submission_id,
            ("sending", "queued"),
            "la remettre en attente",
            "state = 'queued', last_error = ?, next_attempt_at = ?",
            (self._seal_error(submission_id, error), to_db_time(next_attempt_at)),
        )

    def mark_needs_attention(self, submission_id: str, error: str, details: list[dict[str, Any]]) -> None:
        """A permanent refusal: set aside for a mediator, never blocking the rest."""
        self._transition(
            submission_id,
            ("sending", "queued"),
            "la mettre de côté",
            "state = 'needs_attention', last_error = ?, error_details = ?, refused_at = ?",
            (
                self._seal_error(submission_id, error),
                self._seal_json(details, f"submissions/{submission_id}/error_details"),
                to_db_time(self._now()),
            ),
        )

    def retry(self, submission_id: str) -> None:
        """Mediator's "put back": needs_attention -> queued now, attempts kept.

        Refused for a request replaced by a correction: both would reach the service.
        """
        item = self.get(submission_id)
        if item.superseded_by is not None:
            raise InvalidTransition(_replaced_message(item))
        missing = self._rows(
            "SELECT count(*) AS n FROM documents WHERE submission_id = ? AND content IS NULL",
            (submission_id,),
        )[0]["n"]
        if missing:
            reference = self.get(submission_id).local_reference
            raise InvalidTransition(
                f"La demande {reference} a perdu {missing} pièce(s) lors d'une réparation : "
                "elle ne peut pas être renvoyée telle quelle. Refaites la demande."
            )
        with self._write():
            cursor = self.db.execute(
                "UPDATE submissions SET state = 'queued', next_attempt_at = ? "
                "WHERE id = ? AND state = 'needs_attention' AND superseded_by IS NULL",
                (to_db_time(self._now()), submission_id),
            )
        if cursor.rowcount == 1:
            return
        item = self.get(submission_id)  # changed meanwhile: say how
        if item.superseded_by is not None:
            raise InvalidTransition(_replaced_message(item))
        raise InvalidTransition(
            f"La demande {item.local_reference} est « {STATE_LABELS_FR[item.state]} » : impossible "
            "de la renvoyer (seules les demandes « à corriger » peuvent l'être)."
        )

    def restore(
        self,
        salvaged: Sequence[tuple[Mapping[str, Any], Sequence[Sequence[Any]]]],
        at_least: int,
        skip: int = 0,
        skipped: Sequence[Sequence[int]] = (),
    ) -> list[bool | None]:
        """Insert salvaged submissions and raise the counter, all in ONE transaction (recovery).

        Each submission maps every name of ``SUBMISSION_COLUMNS`` to its value,
        its sealed records copied verbatim; its document rows follow
        ``DOCUMENT_COLUMNS``. Per submission: True inserted, False already
        present (left as it is), None refused (a required column came back
        garbled). The next local reference comes after ``at_least + skip``;
        a ``skip`` jumps over references a lost counter may have handed out,
        and the skipped range is noted (with the earlier ``skipped`` ones) so a
        later recovery does not call it lost.
        """
        columns = ", ".join(SUBMISSION_COLUMNS)
        insert_submission = (
            f"INSERT INTO submissions ({columns}) VALUES ({', '.join('?' * len(SUBMISSION_COLUMNS))})"
        )
        insert_document = (
            f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(DOCUMENT_COLUMNS))})"
        )
        outcome: list[bool | None] = []
        with self._write():
            for submission, documents in salvaged:
                present = self.db.execute(
                    "SELECT 1 FROM submissions WHERE id = ?", (submission["id"],)
                ).fetchone()
                if present:
                    outcome.append(False)
                    continue
                self.db.execute("SAVEPOINT one")
                try:
                    self.db.execute(insert_submission, [submission[name] for name in SUBMISSION_COLUMNS])
                    self.db.conn.executemany(insert_document, documents)
                except sqlite3.IntegrityError:
                    self.db.execute("ROLLBACK TO one")
                    outcome.append(None)
                else:
                    outcome.append(True)
                self.db.execute("RELEASE one")
            self.db.execute(
                "INSERT INTO counters (name, value) VALUES ('local_reference', ?) "
                "ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)",
                (at_least + skip,),
            )
            row = self.db.execute("SELECT value FROM meta WHERE key = 'skipped_references'").fetchone()
            ranges = json.loads(row[0]) if row else []
            added = [list(r) for r in skipped] + ([[at_least + 1, at_least + skip]] if skip else [])
            ranges += [r for r in added if r not in ranges]
            if ranges:
                self.db.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('skipped_references', ?)",
                    (json.dumps(ranges),),
                )
        self._update_ledger()
        return outcome

    def references_held(self) -> dict[int, str]:
        """Reference number -> reference, for every numbered request in this queue (recovery)."""
        rows = self._rows("SELECT seq, local_reference FROM submissions WHERE seq IS NOT NULL")
        return {row["seq"]: row["local_reference"] for row in rows}

    def purge_expired(self, retention_days: int, now: datetime) -> int:
        """Erase answers and document bytes of submissions sent over ``retention_days`` ago.

        A request replaced by a correction goes with the last request of its chain
        of corrections: once that one is sent and past retention, the replaced one
        loses its answers, documents and the server's messages (which may quote them).

        Runs after every sync pass: it reads only the sent rows past retention (by an
        index of the rows not yet purged, ordered by the time retention counts from) and
        the replaced rows not yet purged, never the whole history; and it takes the
        write lock only when there is something to erase.
        """
        cutoff = to_db_time(now - timedelta(days=retention_days))
        with self._lock:
            if not self._expired(cutoff):
                return 0
            with self._write():
                ids = self._expired(cutoff)  # again under the write lock
                self._erase(ids, now)
        if ids:
            log.info("purged answers and documents of %d sent or replaced submissions", len(ids))
        return len(ids)

    def _expired(self, cutoff: str) -> list[str]:
        try:
            sent = [row[0] for row in self.db.execute(
                "SELECT id FROM submissions INDEXED BY submissions_sent_kept WHERE state = 'sent' "
                "AND superseded_by IS NULL AND purged_at IS NULL "
                "AND COALESCE(received_at, enqueued_at) < ?", (cutoff,)).fetchall()]
            replaced = self.db.execute(
                "SELECT id, superseded_by FROM submissions INDEXED BY submissions_replaced_kept "
                "WHERE superseded_by IS NOT NULL AND purged_at IS NULL").fetchall()
            for sub_id, replacement in replaced:
                last = self._last_of_chain(replacement)
                if last is not None and last[0] == "sent" and last[1] < cutoff:
                    sent.append(sub_id)
        except sqlite3.Error as exc:
            raise translate_error(exc, self.path) from None
        return sent

    def _erase(self, ids: Sequence[str], now: datetime) -> None:
        """Inside a write: answers, errors and documents of ``ids`` go; the rows stay."""
        self.db.conn.executemany(
            "UPDATE submissions SET body = NULL, error_details = NULL, last_error = NULL, "
            "purged_at = ? WHERE id = ?",
            [(to_db_time(now), sub_id) for sub_id in ids],
        )
        self.db.conn.executemany(
            "UPDATE documents SET content = NULL WHERE submission_id = ?", [(sub_id,) for sub_id in ids]
        )

    def purge_refused(self, keep_days: int, now: datetime) -> list[QueuedSubmission]:
        """Erase answers and documents of refusals no mediator corrected in ``keep_days``.

        A refused request names the person and holds their scans; kept forever, it would
        outlive every retention rule. The row stays (its reference, its state, « effacée »)
        so that a mediator or the citizen's receipt still finds what became of it.
        """
        cutoff = to_db_time(now - timedelta(days=keep_days))
        query = ("SELECT id FROM submissions WHERE state = 'needs_attention' AND superseded_by IS NULL "
                 "AND purged_at IS NULL AND refused_at IS NOT NULL AND refused_at < ?")
        with self._lock:
            if not self._rows(query, (cutoff,)):
                return []
            with self._write():
                ids = [row[0] for row in self.db.execute(query, (cutoff,)).fetchall()]
                replaced = self._replaced_by(ids)
                self._erase([*ids, *replaced], now)
        if ids:
            log.warning("purged answers and documents of %d refused submissions no mediator "
                        "corrected within %d days (and of %d they had replaced)",
                        len(ids), keep_days, len(replaced))
        return [self.get(sub_id) for sub_id in ids]

    def _replaced_by(self, ids: Sequence[str]) -> list[str]:
        """The requests not yet purged that ``ids`` replaced, directly or down a chain of
        corrections: a refused correction erased uncorrected takes them with it, else
        the first refusal's answers and scans would stay for good."""
        found: list[str] = []
        for sub_id in ids:
            found += [row[0] for row in self.db.execute(
                "WITH RECURSIVE chain(id) AS (SELECT id FROM submissions WHERE superseded_by = ? "
                "UNION SELECT s.id FROM submissions AS s JOIN chain ON s.superseded_by = chain.id) "
                "SELECT chain.id FROM chain JOIN submissions USING (id) WHERE purged_at IS NULL",
                (sub_id,)).fetchall()]
        return found

    def _last_of_chain(self, submission_id: str) -> tuple[str, str] | None:
        """(state, sent time) of the correction that finally replaced ``submission_id``."""
        current = submission_id
        for _ in range(1000):  # a chain is a handful of corrections; never loop forever
            row = self.db.execute(
                "SELECT state, superseded_by, COALESCE(received_at, enqueued_at) FROM submissions "
                "WHERE id = ?",
                (current,),
            ).fetchone()
            if row is None:
                return None
            if row[1] is None:
                return row[0], row[2]
            current = row[1]
        return None


def _replaced_message(item: QueuedSubmission) -> str:
    return (
        f"La demande {item.local_reference} a été remplacée par la demande corrigée "
        f"{item.superseded_by_reference} : c'est celle-ci qui est envoyée. L'ancienne ne peut "
        "plus être renvoyée."
    )


def _unknown(what: str) -> UnknownSubmission:
    return UnknownSubmission(f"Aucune demande « {what} » dans la file d'attente.")


def _prepare_record(
    body: Submission | Mapping[str, Any],
    documents: Sequence[DocumentLike],
    contents: Sequence[bytes],
) -> Submission:
    """The record to store, citing exactly ``documents``, each checked against its bytes.

    A JSON body without ``id`` or ``created_at`` gets a new id and the present time.
    """
    if isinstance(body, Submission):
        record = body
    else:
        if not isinstance(body, Mapping):
            raise InvalidSubmission("La demande à enregistrer n'est pas un objet JSON.")
        given = dict(body)
        given["id"] = given.get("id") or str(uuid.uuid4())
        given.setdefault("created_at", rfc3339(utc_now()))
        record = Submission.from_body(given)
    for index, (doc, data) in enumerate(zip(documents, contents, strict=True)):
        # the session's bytearray could have been wiped or replaced since it was checked
        if len(data) != doc.size or hashlib.sha256(data).hexdigest() != doc.sha256:
            raise InvalidSubmission(
                f"La pièce n°{index + 1} ({doc.kind}) a changé depuis qu'elle a été vérifiée : "
                "numérisez-la à nouveau."
            )
    return record.with_documents(documents)
