"""Salvage every readable submission from a damaged outbox into a sound one.

Run by IT (``kiosk queue recover``) after the kiosk reported the queue as
damaged. The damaged file is never modified: it is renamed aside with a
timestamp and read only. Rows come out through the ``sqlite3`` shell's
``.recover`` when that tool is installed, else row by row by rowid so that one
unreadable page costs only the rows it held. Encrypted records are copied
verbatim (their associated data binds them to their id), and AES-GCM tells a
sound record from a garbled one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .crypto import RecordCipher
from .errors import OutboxCorrupt, OutboxError, OutboxKeyError
from .models import STATES
from .outbox import SUBMISSION_COLUMNS, Outbox, check_sound
from .times import parse_time, utc_now

# rowids probed past the last one found before concluding a table has ended
PROBE_HORIZON = 2000
# when the reference counter is lost, new references jump this far past the
# highest one salvaged, so a reference printed on a lost receipt is never reused
REFERENCE_GAP = 1000
RECOVER_TIMEOUT_S = 300

log = logging.getLogger(__name__)


@dataclass
class RecoveryReport:
    """What was saved, what was lost, and where the damaged file now lies."""

    aside_path: Path
    method: str
    salvaged: int = 0
    partial: int = 0
    unreadable: int = 0
    failed_reads: int = 0
    already_present: int = 0
    documents_salvaged: int = 0
    documents_lost: int = 0
    lost_references: list[str] = field(default_factory=list)

    def summary_fr(self) -> str:
        lines = [
            f"Demandes sauvées : {self.salvaged} (dont {self.partial} avec des pièces perdues, "
            "mises « à corriger »)",
            f"Demandes illisibles : {self.unreadable} ; lectures en échec : {self.failed_reads}",
            f"Pièces sauvées : {self.documents_salvaged}, perdues : {self.documents_lost}",
            f"Fichier abîmé conservé sous : {self.aside_path}",
            f"Méthode : {self.method}",
        ]
        if self.already_present:
            lines.insert(1, f"Déjà présentes dans la nouvelle file : {self.already_present}")
        if self.lost_references:
            lines.append("Références perdues : " + ", ".join(self.lost_references))
        return "\n".join(lines)


def _move_aside(path: Path, now: datetime) -> Path:
    """Rename the database and its WAL/shm companions to ``<name>.corrupt-<UTC time>``."""
    aside = path.with_name(f"{path.name}.corrupt-{now.strftime('%Y%m%dT%H%M%SZ')}")
    for suffix in ("-wal", "-shm", ""):
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            os.replace(companion, Path(f"{aside}{suffix}"))
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return aside


def _dump_with_shell(source: Path, scratch: Path) -> bool:
    """Rebuild ``source`` into ``scratch`` with ``sqlite3 .recover``; False when unavailable."""
    shell = shutil.which("sqlite3")
    if shell is None:
        return False
    try:
        dump = subprocess.run(
            [shell, "-readonly", str(source), ".recover"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=RECOVER_TIMEOUT_S,
            check=True,
        )
        subprocess.run(
            [shell, str(scratch)],
            input=dump.stdout,
            capture_output=True,
            timeout=RECOVER_TIMEOUT_S,
            check=True,
        )
    except (subprocess.SubprocessError, OSError) as exc:
        detail = getattr(exc, "stderr", None) or b""
        log.warning(
            "sqlite3 .recover failed (%s: %s); reading row by row",
            type(exc).__name__,
            " ".join(detail.decode(errors="replace").strip().splitlines()[-1:]),
        )
        return False
    return True


def _table_rows(conn: sqlite3.Connection, table: str) -> tuple[list[dict[str, Any]], int]:
    """Every readable row of ``table`` and the number of rowids that could not be read."""
    try:
        cursor = conn.execute(f"SELECT rowid AS _rowid, * FROM {table} ORDER BY rowid")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()], 0
    except sqlite3.DatabaseError:
        pass  # damaged somewhere: probe rowid by rowid below
    try:
        top = conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0]
    except sqlite3.DatabaseError:
        top = None
    rows: list[dict[str, Any]] = []
    failed = 0
    rowid, last_found = 1, 0
    while rowid <= top if top is not None else rowid <= last_found + PROBE_HORIZON:
        try:
            cursor = conn.execute(f"SELECT rowid AS _rowid, * FROM {table} WHERE rowid = ?", (rowid,))
            names = [d[0] for d in cursor.description]
            row = cursor.fetchone()
            if row is not None:
                rows.append(dict(zip(names, row, strict=True)))
                last_found = rowid
        except sqlite3.DatabaseError:
            failed += 1
        rowid += 1
    return rows, failed


@contextmanager
def _readable_copy(source: Path) -> Iterator[tuple[sqlite3.Connection, str]]:
    """A read connection on what can be salvaged of ``source``, and how it was made."""
    with tempfile.TemporaryDirectory(prefix="outbox-recover-") as scratch_dir:
        scratch = Path(scratch_dir) / "recovered.db"
        if _dump_with_shell(source, scratch):
            conn, method = sqlite3.connect(scratch), "sqlite3 .recover"
        else:
            conn = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
            method = "lecture ligne par ligne"
        try:
            yield conn, method
        finally:
            conn.close()


def _opens(cipher: RecordCipher, record: Any, aad: str) -> bytes | None:
    if not isinstance(record, bytes):
        return None
    try:
        return cipher.open(record, aad)
    except OutboxKeyError:
        return None


def recover(
    corrupt_path: Path,
    target: Path,
    key: bytes,
    *,
    now: Callable[[], datetime] = utc_now,
) -> RecoveryReport:
    """Copy every readable submission of ``corrupt_path`` into the outbox at ``target``.

    When ``target`` is ``corrupt_path`` (the usual case) the damaged file is
    first renamed aside, and a fresh outbox takes its place. Submissions
    already in ``target`` are kept; a submission whose documents were partly
    lost is put in ``needs_attention`` so a mediator can redo it.
    """
    corrupt_path, target = Path(corrupt_path), Path(target)
    if not corrupt_path.is_file():
        raise OutboxError(f"Le fichier {corrupt_path} n'existe pas : rien à réparer.")
    cipher = RecordCipher(key)
    source = corrupt_path
    if corrupt_path.resolve() == target.resolve():
        try:
            check_sound(corrupt_path)
        except OutboxCorrupt:
            pass
        else:
            raise OutboxError(
                f"La file d'attente {corrupt_path} n'est pas abîmée : rien à réparer, "
                "elle a été laissée telle quelle."
            )
        source = _move_aside(corrupt_path, now())
        log.warning("damaged outbox moved aside to %s", source)
    with _readable_copy(source) as (conn, method):
        report = RecoveryReport(aside_path=source, method=method)
        submissions, failed = _table_rows(conn, "submissions")
        documents, failed_docs = _table_rows(conn, "documents")
        report.failed_reads += failed + failed_docs
        counter = _read_counter(conn)
        skipped = _read_skipped(conn)
    by_submission: dict[str, dict[int, dict[str, Any]]] = {}
    for doc in documents:
        if isinstance(doc.get("submission_id"), str) and isinstance(doc.get("idx"), int):
            by_submission.setdefault(doc["submission_id"], {})[doc["idx"]] = doc
    outbox = Outbox(target, key, now=now)
    try:
        for row in submissions:
            _salvage_one(outbox, cipher, row, by_submission.pop(str(row.get("id")), {}), report)
        report.documents_lost += sum(len(docs) for docs in by_submission.values())
        _advance_counter(outbox, submissions, counter, skipped, report)
    finally:
        outbox.close()
    log.warning(
        "outbox recovery: %d salvaged (%d partial), %d unreadable, %d documents lost",
        report.salvaged,
        report.partial,
        report.unreadable,
        report.documents_lost,
    )
    return report


def _salvage_one(
    outbox: Outbox,
    cipher: RecordCipher,
    row: dict[str, Any],
    docs: dict[int, dict[str, Any]],
    report: RecoveryReport,
) -> None:
    sub_id = row.get("id")
    reference = row.get("local_reference")
    body_plain = (
        _opens(cipher, row.get("body"), f"submissions/{sub_id}/body") if row.get("body") is not None else None
    )
    snapshot_ok = _opens(cipher, row.get("snapshot"), f"submissions/{sub_id}/snapshot")
    purged = row.get("purged_at") is not None
    if not isinstance(sub_id, str) or snapshot_ok is None or (body_plain is None and not purged):
        report.unreadable += 1
        if isinstance(reference, str):
            report.lost_references.append(reference)
        return
    listed = json.loads(body_plain)["documents"] if body_plain else []
    kept: list[tuple[Any, ...]] = []
    lost = 0
    for index in range(max(len(listed), max(docs, default=-1) + 1)):
        doc = docs.get(index)
        content = None
        if doc is not None and not purged:
            plain = _opens(cipher, doc.get("content"), f"documents/{sub_id}/{index}/content")
            if plain is not None and hashlib.sha256(plain).hexdigest() == doc.get("sha256"):
                content = doc["content"]
        if doc is not None and _opens(cipher, doc.get("filename"), f"documents/{sub_id}/{index}/filename"):
            meta = (doc["kind"], doc["filename"], doc["content_type"], doc["size"], doc["sha256"])
            upload = (
                doc.get("upload_url"),
                doc.get("upload_offset") or 0,
                doc.get("upload_complete") or 0,
            )
        elif index < len(listed):
            item = listed[index]
            sealed_name = cipher.seal(item["filename"].encode(), f"documents/{sub_id}/{index}/filename")
            meta = (item["kind"], sealed_name, item["content_type"], item["size"], item["sha256"])
            upload = (None, 0, 0)
        else:
            lost += 1
            continue
        if content is None and not purged:
            lost += 1
        kept.append((sub_id, index, *meta, content, *upload))
    state = row.get("state") if row.get("state") in STATES else "needs_attention"
    # sealed columns that no longer open are dropped rather than left to fail every listing
    last_error = row.get("last_error")
    if last_error is not None and _opens(cipher, last_error, f"submissions/{sub_id}/last_error") is None:
        last_error = None
    details = row.get("error_details")
    if details is not None and _opens(cipher, details, f"submissions/{sub_id}/error_details") is None:
        details = None
    if lost and state != "sent":
        state = "needs_attention"
        message = (
            f"{lost} pièce(s) perdue(s) lors de la réparation de la file d'attente : "
            "refaites la demande avec de nouvelles copies."
        )
        last_error = cipher.seal(message.encode(), f"submissions/{sub_id}/last_error")
    if not _times_readable(row):
        report.unreadable += 1
        if isinstance(reference, str):
            report.lost_references.append(reference)
        return
    submission = {name: row.get(name) for name in SUBMISSION_COLUMNS}
    submission.update(
        state=state, last_error=last_error, error_details=details, attempts=row.get("attempts") or 0
    )
    try:
        inserted = outbox.restore(submission, kept)
    except sqlite3.IntegrityError:
        # a required column came back garbled (NULL, duplicate reference)
        report.unreadable += 1
        if isinstance(reference, str):
            report.lost_references.append(reference)
        return
    if not inserted:
        report.already_present += 1
        return
    report.salvaged += 1
    report.documents_salvaged += sum(1 for doc in kept if doc[7] is not None)
    report.documents_lost += lost
    report.partial += 1 if lost else 0


def _times_readable(row: dict[str, Any]) -> bool:
    try:
        for name in ("created_at", "enqueued_at", "next_attempt_at"):
            parse_time(str(row.get(name)))
        if row.get("received_at") is not None:
            parse_time(str(row["received_at"]))
    except ValueError:
        return False
    return True


def _read_counter(conn: sqlite3.Connection) -> int | None:
    try:
        row = conn.execute("SELECT value FROM counters WHERE name = 'local_reference'").fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row is not None and isinstance(row[0], int) else None


def _read_skipped(conn: sqlite3.Connection) -> list[list[int]]:
    """Reference ranges an earlier recovery jumped over: not lost, never used."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'skipped_references'").fetchone()
        return list(json.loads(row[0])) if row is not None else []
    except (sqlite3.DatabaseError, ValueError, TypeError):
        return []


def _advance_counter(
    outbox: Outbox,
    submissions: list[dict[str, Any]],
    counter: int | None,
    skipped: list[list[int]],
    report: RecoveryReport,
) -> None:
    """Name the references that were lost, and keep new ones past all the old ones."""
    seqs = {
        row["seq"]: row["local_reference"]
        for row in submissions
        if isinstance(row.get("seq"), int) and isinstance(row.get("local_reference"), str)
    }
    highest = max([*seqs, counter or 0])
    if seqs:
        prefix = next(iter(seqs.values())).rsplit("-", 1)[0]
        lost = [
            f"{prefix}-{seq:06d}"
            for seq in range(1, highest + 1)
            if seq not in seqs and not any(low <= seq <= high for low, high in skipped)
        ]
        report.lost_references.extend(r for r in lost if r not in report.lost_references)
    outbox.raise_reference_counter(highest, skip=0 if counter is not None else REFERENCE_GAP)
