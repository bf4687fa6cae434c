"""Salvage every readable submission from a damaged or lost outbox into a sound one.

Run by IT (``kiosk queue recover``) after the kiosk refused its queue as
damaged or lost. The damaged file is never modified: it is renamed aside with
a timestamp and only read. The new queue is built in a scratch file, fsynced,
and renamed into place in one step, with the reference counter already past
every reference seen; a marker file names the file set aside until the end,
so the kiosk refuses to start on a half-done job and a second ``queue
recover`` finishes it from the start.

Rows are read three ways, best first: SQLite itself (row by row by rowid, so
one unreadable page costs only its rows), the ``sqlite3`` shell's
``.recover`` when the installed shell supports it, and a page-level scan
(``page_salvage``) that reads a file SQLite cannot open at all. Encrypted
records are copied verbatim (their associated data binds them to their id)
and AES-GCM tells a sound record from a garbled one. Every reference number
up to the highest known (counter, ledger, rows seen) that is not back in the
queue is named in the report.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .crypto import RecordCipher
from .errors import OutboxCorrupt, OutboxError, OutboxKeyError, OutboxLost
from .ledger import Ledger, LedgerUnreadable, read_ledger, write_ledger
from .models import STATES
from .outbox import (
    DOCUMENT_COLUMNS,
    SUBMISSION_COLUMNS,
    Outbox,
    ledger_path,
    recovery_marker,
)
from .page_salvage import Record, page_files
from .private_files import fsync_dir, write_atomic
from .times import parse_time, to_db_time, utc_now

# rowids probed past the last one found before concluding a table has ended
PROBE_HORIZON = 2000
# when neither the counter nor the ledger's reservation survives, new references jump this far
# past the highest one salvaged, so a reference printed on a lost receipt is never reused
REFERENCE_GAP = 1000
RECOVER_TIMEOUT_S = 300
# a more advanced state wins when two copies of one row were found
_STATE_RANK = {"queued": 0, "sending": 1, "needs_attention": 2, "sent": 3}

log = logging.getLogger(__name__)


@dataclass
class RecoveryReport:
    """What was saved, what was lost, and where the damaged file now lies."""

    aside_path: Path | None
    method: str
    salvaged: int = 0
    partial: int = 0
    unreadable: int = 0
    failed_reads: int = 0
    already_present: int = 0
    documents_salvaged: int = 0
    documents_lost: int = 0
    lost_references: list[str] = field(default_factory=list)
    resumed: bool = False

    def summary_fr(self) -> str:
        lines = [
            f"Demandes sauvées : {self.salvaged} (dont {self.partial} avec des pièces perdues, "
            "mises « à corriger »)",
            f"Demandes illisibles : {self.unreadable} ; lectures en échec : {self.failed_reads}",
            f"Pièces sauvées : {self.documents_salvaged}, perdues : {self.documents_lost}",
            "Fichier abîmé conservé sous : "
            + (str(self.aside_path) if self.aside_path else "aucun (le fichier avait disparu)"),
            f"Méthode : {self.method}",
        ]
        if self.resumed:
            lines.insert(0, "Reprise d'une réparation interrompue : elle est maintenant terminée.")
        if self.already_present:
            lines.insert(1, f"Déjà présentes dans la nouvelle file : {self.already_present}")
        if self.lost_references:
            lines.append(
                f"Références perdues ({len(self.lost_references)}) : " + ", ".join(self.lost_references)
            )
        else:
            lines.append("Références perdues : aucune")
        return "\n".join(lines)


@dataclass
class _Found:
    """Rows read from the damaged file by one method."""

    method: str
    submissions: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    counters: list[int] = field(default_factory=list)
    skipped: list[list[int]] = field(default_factory=list)
    failed: int = 0


# --- reading ------------------------------------------------------------------


def _table_rows(conn: sqlite3.Connection, table: str) -> tuple[list[dict[str, Any]], int]:
    """Every readable row of ``table`` and the number of rowids that could not be read."""
    try:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).fetchone() is None:
            return [], 0  # schema lost (.recover files rows in lost_and_found): the page scan has them
        cursor = conn.execute(f"SELECT * FROM {table} ORDER BY rowid")
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
            cursor = conn.execute(f"SELECT * FROM {table} WHERE rowid = ?", (rowid,))
            names = [d[0] for d in cursor.description]
            row = cursor.fetchone()
            if row is not None:
                rows.append(dict(zip(names, row, strict=True)))
                last_found = rowid
        except sqlite3.DatabaseError:
            failed += 1
        rowid += 1
    return rows, failed


def _read_tables(conn: sqlite3.Connection, method: str) -> _Found:
    found = _Found(method)
    found.submissions, failed = _table_rows(conn, "submissions")
    found.documents, failed_docs = _table_rows(conn, "documents")
    found.failed = failed + failed_docs
    with contextlib.suppress(sqlite3.DatabaseError):
        row = conn.execute("SELECT value FROM counters WHERE name = 'local_reference'").fetchone()
        if row is not None and isinstance(row[0], int):
            found.counters.append(row[0])
    with contextlib.suppress(sqlite3.DatabaseError, ValueError, TypeError):
        row = conn.execute("SELECT value FROM meta WHERE key = 'skipped_references'").fetchone()
        if row is not None:
            found.skipped = [list(r) for r in json.loads(row[0])]
    return found


def _read_with_sqlite(source: Path) -> _Found | None:
    """SQLite's own reading, read-only; None when it cannot read the file's schema at all."""
    mode = "mode=ro" if Path(f"{source}-wal").exists() else "immutable=1"
    try:
        conn = sqlite3.connect(f"{source.resolve().as_uri()}?{mode}", uri=True)
    except sqlite3.Error:
        return None
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return _read_tables(conn, "lecture ligne par ligne")
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()


def _read_with_shell(source: Path) -> _Found | None:
    """Rows rebuilt by ``sqlite3 .recover``; None when the shell is absent or lacks it."""
    shell = shutil.which("sqlite3")
    if shell is None:
        return None
    with tempfile.TemporaryDirectory(prefix="outbox-recover-") as scratch_dir:
        scratch = Path(scratch_dir) / "recovered.db"
        copy = Path(scratch_dir) / "damaged.db"  # the shell may add -wal/-shm files beside what it reads
        try:
            shutil.copyfile(source, copy)
            if Path(f"{source}-wal").exists():
                shutil.copyfile(f"{source}-wal", f"{copy}-wal")
            dump = subprocess.run(
                [shell, "-readonly", str(copy), ".recover"],
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
                "sqlite3 .recover unavailable (%s: %s); reading pages directly",
                type(exc).__name__,
                " ".join(detail.decode(errors="replace").strip().splitlines()[-1:]),
            )
            return None
        conn = sqlite3.connect(scratch)
        try:
            return _read_tables(conn, "sqlite3 .recover")
        finally:
            conn.close()


def _classify(records: Iterable[Record]) -> _Found:
    """Tell submissions, documents and the counter apart by the shape of their records."""
    found = _Found("lecture page par page")
    width = len(SUBMISSION_COLUMNS)
    for record in records:
        values = record.values
        # a row of schema 1, 2 or 3 (each added one column at the end)
        if width - 2 <= len(values) <= width and isinstance(values[0], str) and values[5] in STATES:
            padded = list(values) + [None] * (width - len(values))
            found.submissions.append(dict(zip(SUBMISSION_COLUMNS, padded, strict=True)))
        elif (
            len(values) == len(DOCUMENT_COLUMNS) and isinstance(values[0], str) and isinstance(values[1], int)
        ):
            found.documents.append(dict(zip(DOCUMENT_COLUMNS, values, strict=True)))
        elif len(values) == 2 and values[0] == "local_reference" and isinstance(values[1], int):
            found.counters.append(values[1])
        elif len(values) == 2 and values[0] == "skipped_references" and record.complete:
            with contextlib.suppress(ValueError, TypeError):
                found.skipped += [list(r) for r in json.loads(values[1])]
    return found


def _read_pages(source: Path) -> _Found:
    """The page scan, at the page size that yields the most submissions."""
    best = _Found("lecture page par page")
    for pages in page_files(source):
        found = _classify(pages.records())
        if len(found.submissions) > len(best.submissions):
            best = found
    return best


# --- choosing and checking ----------------------------------------------------


def _opens(cipher: RecordCipher, record: Any, aad: str) -> bytes | None:
    if not isinstance(record, bytes):
        return None
    try:
        return cipher.open(record, aad)
    except OutboxKeyError:
        return None


def _submission_quality(cipher: RecordCipher, row: dict[str, Any], rank: int) -> tuple[int, ...]:
    sub_id = row["id"]
    snapshot = _opens(cipher, row.get("snapshot"), f"submissions/{sub_id}/snapshot") is not None
    body = row.get("purged_at") is not None or (
        _opens(cipher, row.get("body"), f"submissions/{sub_id}/body") is not None
    )
    attempts = int(row["attempts"]) if isinstance(row.get("attempts"), int) else 0
    return (int(snapshot), int(body), attempts, _STATE_RANK.get(str(row.get("state")), -1), -rank)


def _document_quality(cipher: RecordCipher, doc: dict[str, Any], rank: int) -> tuple[int, ...]:
    sub_id, index = doc["submission_id"], doc["idx"]
    plain = _opens(cipher, doc.get("content"), f"documents/{sub_id}/{index}/content")
    content = plain is not None and hashlib.sha256(plain).hexdigest() == doc.get("sha256")
    name = _opens(cipher, doc.get("filename"), f"documents/{sub_id}/{index}/filename") is not None
    return (int(content), int(name), int(bool(doc.get("upload_complete"))), -rank)


def _best_rows(
    cipher: RecordCipher, sources: list[_Found]
) -> tuple[dict[str, dict[str, Any]], dict[str, dict[int, dict[str, Any]]], set[str]]:
    """One row per submission id and per document, the best copy found; and references without an id."""
    best: dict[str, tuple[tuple[int, ...], dict[str, Any]]] = {}
    orphans: set[str] = set()
    best_docs: dict[tuple[str, int], tuple[tuple[int, ...], dict[str, Any]]] = {}
    for rank, found in enumerate(sources):
        for row in found.submissions:
            if not isinstance(row.get("id"), str):
                if isinstance(row.get("local_reference"), str):
                    orphans.add(row["local_reference"])
                continue
            quality = _submission_quality(cipher, row, rank)
            if row["id"] not in best or quality > best[row["id"]][0]:
                best[row["id"]] = (quality, row)
        for doc in found.documents:
            if not (isinstance(doc.get("submission_id"), str) and isinstance(doc.get("idx"), int)):
                continue
            key = (doc["submission_id"], doc["idx"])
            quality = _document_quality(cipher, doc, rank)
            if key not in best_docs or quality > best_docs[key][0]:
                best_docs[key] = (quality, doc)
    documents: dict[str, dict[int, dict[str, Any]]] = {}
    for (sub_id, index), (_, doc) in best_docs.items():
        documents.setdefault(sub_id, {})[index] = doc
    return {sub_id: row for sub_id, (_, row) in best.items()}, documents, orphans


def _times_readable(row: dict[str, Any]) -> bool:
    try:
        for name in ("created_at", "enqueued_at", "next_attempt_at"):
            parse_time(str(row.get(name)))
        if row.get("received_at") is not None:
            parse_time(str(row["received_at"]))
    except ValueError:
        return False
    return True


def _prepare(
    cipher: RecordCipher, row: dict[str, Any], docs: dict[int, dict[str, Any]]
) -> tuple[dict[str, Any], list[tuple[Any, ...]], int] | None:
    """The submission and document rows to restore, and how many documents were lost; None if unreadable."""
    sub_id = row["id"]
    body_plain = _opens(cipher, row.get("body"), f"submissions/{sub_id}/body")
    snapshot_ok = _opens(cipher, row.get("snapshot"), f"submissions/{sub_id}/snapshot")
    purged = row.get("purged_at") is not None
    if snapshot_ok is None or (body_plain is None and not purged) or not _times_readable(row):
        return None
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
            upload = (doc.get("upload_url"), doc.get("upload_offset") or 0, doc.get("upload_complete") or 0)
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
    submission = {name: row.get(name) for name in SUBMISSION_COLUMNS}
    submission.update(
        state=state, last_error=last_error, error_details=details, attempts=row.get("attempts") or 0
    )
    if state == "needs_attention" and not submission.get("refused_at"):
        # refused, or set aside by the repair: the delay before it is erased starts now
        submission["refused_at"] = to_db_time(utc_now())
    return submission, kept, lost


# --- the job ------------------------------------------------------------------


def _known_ledger(path: Path) -> Ledger | None:
    try:
        return read_ledger(path)
    except LedgerUnreadable:
        log.error("outbox ledger %s unreadable; recovering without it", path)
        return None


def _move(path: Path, aside: Path) -> None:
    """Rename the database and its WAL/shm companions, then make the renames durable."""
    for suffix in ("-wal", "-shm", ""):
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            os.replace(companion, Path(f"{aside}{suffix}"))
    fsync_dir(path.parent)


def _set_aside(target: Path, key: bytes, now: datetime) -> tuple[Path | None, bool]:
    """The file to read (None: it vanished) and whether an interrupted recovery is being resumed.

    The marker is written before the rename, so that from then on the kiosk
    refuses to start and the next ``queue recover`` knows where to read.
    """
    marker = recovery_marker(target)
    if marker.exists():
        name = json.loads(marker.read_bytes())["source"]
        aside = target.with_name(name) if name else None
        if aside is not None and not aside.exists():
            if not target.exists():
                raise OutboxError(
                    f"La réparation interrompue devait lire {aside}, qui n'existe plus. "
                    "Ne supprimez rien d'autre ; restaurez ce fichier depuis une sauvegarde."
                )
            _move(target, aside)  # interrupted between the marker and the rename
        log.warning("resuming an interrupted outbox recovery from %s", aside)
        return aside, True
    if target.exists() and target.stat().st_size > 0:
        try:
            Outbox(target, key, now=lambda: now).close()
        except (OutboxCorrupt, OutboxLost):
            pass
        else:
            raise OutboxError(
                f"La file d'attente {target} n'est pas abîmée : rien à réparer, "
                "elle a été laissée telle quelle."
            )
        aside = target.with_name(f"{target.name}.corrupt-{now.strftime('%Y%m%dT%H%M%SZ')}")
    else:
        known = _known_ledger(ledger_path(target))
        if known is None or known.high_water == 0:
            raise OutboxError(f"Le fichier {target} n'existe pas : rien à réparer.")
        aside = None
    write_atomic(marker, json.dumps({"source": aside.name if aside else None}).encode())
    if aside is not None:
        _move(target, aside)
        log.warning("damaged outbox moved aside to %s", aside)
    else:
        log.warning("outbox %s vanished; rebuilding an empty queue past its ledger", target)
    return aside, False


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_db(path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal", ""):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


def recover(
    corrupt_path: Path,
    target: Path,
    key: bytes,
    *,
    now: Callable[[], datetime] = utc_now,
) -> RecoveryReport:
    """Copy every readable submission of ``corrupt_path`` into the outbox at ``target``.

    When ``target`` is ``corrupt_path`` (the usual case) the damaged file is
    first renamed aside, and a new outbox built apart replaces it in one
    rename; an interrupted run is finished by the next. Otherwise the
    salvaged submissions join the existing ``target`` in one transaction;
    those already there are kept. A submission whose documents were partly
    lost is put in ``needs_attention`` so a mediator can redo it.
    """
    corrupt_path, target = Path(corrupt_path), Path(target)
    in_place = corrupt_path.absolute() == target.absolute()
    resumed = False
    if in_place:
        source, resumed = _set_aside(target, key, now())
    elif recovery_marker(target).exists():
        raise OutboxError(
            "Une réparation de la file d'attente a été interrompue : terminez-la d'abord "
            "avec « kiosk queue recover » (sans --from)."
        )
    elif not corrupt_path.is_file():
        raise OutboxError(f"Le fichier {corrupt_path} n'existe pas : rien à réparer.")
    else:
        source = corrupt_path
    cipher = RecordCipher(key)
    sources: list[_Found] = []
    if source is not None:
        sources = [f for f in (_read_with_sqlite(source), _read_with_shell(source)) if f is not None]
        sources.append(_read_pages(source))
    report = RecoveryReport(
        aside_path=source,
        method=" + ".join(f.method for f in sources) or "aucune (rien à lire)",
        failed_reads=sum(f.failed for f in sources),
        resumed=resumed,
    )
    known = _known_ledger(ledger_path(target))
    merge = not in_place and target.exists() and target.stat().st_size > 0
    build = target if merge else target.with_name(f".{target.name}.rebuilding")
    if not merge:
        _remove_db(build)  # what an interrupted run left
    outbox = Outbox(build, key, now=now, ledger=None)
    try:
        _salvage(outbox, cipher, sources, known, report)
        if merge:  # the live queue: read its figures under the ledger's lock
            write_ledger(ledger_path(target), outbox.ledger_now)
        ledger = outbox.ledger_now()
    finally:
        outbox.close()
    if not merge:
        _fsync_file(build)
        for suffix in ("-wal", "-shm"):  # an emptied file's companions would be replayed onto the new one
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(build, target)
        fsync_dir(target.parent)
        write_ledger(ledger_path(target), lambda: ledger)
    if in_place:
        recovery_marker(target).unlink()
        fsync_dir(target.parent)
    log.warning(
        "outbox recovery: %d salvaged (%d partial), %d unreadable, %d documents lost, %d references lost",
        report.salvaged,
        report.partial,
        report.unreadable,
        report.documents_lost,
        len(report.lost_references),
    )
    return report


def _salvage(
    outbox: Outbox,
    cipher: RecordCipher,
    sources: list[_Found],
    known: Ledger | None,
    report: RecoveryReport,
) -> None:
    """Restore the best copy of each submission, raise the counter, name what is lost."""
    rows, documents, orphans = _best_rows(cipher, sources)
    held_before = outbox.references_held()
    prepared: list[tuple[dict[str, Any], list[tuple[Any, ...]], int]] = []
    unreadable: list[dict[str, Any]] = []
    for sub_id, row in rows.items():
        ready = _prepare(cipher, row, documents.pop(sub_id, {}))
        if ready is None:
            unreadable.append(row)
        else:
            prepared.append(ready)
    report.documents_lost += sum(len(docs) for docs in documents.values())
    seqs = [row["seq"] for row in rows.values() if isinstance(row.get("seq"), int) and row["seq"] > 0]
    counters = [value for found in sources for value in found.counters]
    highest = max([*seqs, *counters, *held_before, known.high_water if known else 0])
    if known is not None and known.reserved > 0:
        skip = max(0, known.reserved - highest)  # numbers reserved by the ledger, perhaps handed out
    else:
        skip = 0 if counters else REFERENCE_GAP
    skipped = [r for found in sources for r in found.skipped]
    outcome = outbox.restore([(sub, docs) for sub, docs, _ in prepared], highest, skip, skipped)
    for (submission, kept, lost_docs), inserted in zip(prepared, outcome, strict=True):
        if inserted is None:
            unreadable.append(submission)
        elif inserted:
            report.salvaged += 1
            report.documents_salvaged += sum(1 for doc in kept if doc[7] is not None)
            report.documents_lost += lost_docs
            report.partial += 1 if lost_docs else 0
        else:
            report.already_present += 1
    report.unreadable = len(unreadable)
    held = outbox.references_held()
    known_references = [
        ref
        for ref in (*held.values(), *(r.get("local_reference") for r in rows.values()), *orphans)
        if isinstance(ref, str)
    ]
    prefix = next(
        (ref.rsplit("-", 1)[0] for ref in known_references if "-" in ref),
        known.last_reference.rsplit("-", 1)[0] if known and known.last_reference else "PN-?",
    )
    all_skipped = [*skipped, [highest + 1, highest + skip]] if skip else skipped
    lost = [
        f"{prefix}-{seq:06d}"
        for seq in range(1, highest + 1)
        if seq not in held and not any(low <= seq <= high for low, high in all_skipped)
    ]
    held_references = set(held.values())
    unnumbered = [
        ref
        for ref in (*(r.get("local_reference") for r in unreadable), *orphans)
        if isinstance(ref, str) and ref not in held_references and ref not in lost
    ]
    report.lost_references = lost + sorted(set(unnumbered))
