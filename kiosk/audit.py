"""The audit journal: who did what on this kiosk, when, in a form that shows tampering.

The prefecture must be able to show what was done at its digital point and by
whom without keeping anyone's personal data. So each entry holds ids only
(a mediator id or « citoyen », a submission's random id, a procedure code),
and each entry kind has a whitelist of fields whose values must look like
ids: a field off the list, or a value that could be a name, is refused.

Entries are chained: each one's hash is SHA-256 over the previous hash and the
canonical JSON of the entry, number included. Editing, removing, inserting or
reordering entries breaks the chain where it happened, and :meth:`Journal.verify`
names that entry. Truncating the tail is only seen against a head kept
elsewhere (the heartbeat sends :meth:`Journal.head`).

Retention removes old entries from the front: :meth:`Journal.prune` first
writes a checkpoint (the removed prefix's head, its count by kind, and an
HMAC with the kiosk's own ``audit.key``), so the kept entries still verify.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import logging
import os
import re
import secrets
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from kiosk.config import KioskConfig
from offline_queue.canonical import canonical_json
from offline_queue.times import rfc3339

log = logging.getLogger(__name__)

JOURNAL_FILE = "audit.db"
KEY_FILE = "audit.key"
GENESIS = "0" * 64
CITIZEN = "citoyen"
SYSTEM = "systeme"
"""The kiosk itself or IT at the terminal (settings read at start, ``kiosk queue recover``)."""
UNKNOWN = "inconnu"
"""Someone not authenticated at the mediator's PIN (a failed login)."""

_MEDIATOR = re.compile(r"^m-[0-9]{4}$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_CODE = re.compile(r"^[a-z][a-z0-9_-]{0,47}$")
_REFERENCE = re.compile(r"^[A-Z0-9][A-Z0-9-]{2,39}$")
_HEX = re.compile(r"^[0-9a-f]{64}$")


def _pattern(pattern: re.Pattern[str]) -> Callable[[object], bool]:
    return lambda value: isinstance(value, str) and bool(pattern.match(value))


def _one_of(*values: str) -> Callable[[object], bool]:
    return lambda value: value in values


def _count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**9


# What a field's value may be. Nothing here accepts a space, a capitalised word or free text,
# so a name cannot pass for an id.
VALUES: dict[str, Callable[[object], bool]] = {
    "visit": _pattern(_UUID),
    "submission": _pattern(_UUID),
    "supersedes": _pattern(_UUID),
    "account": lambda v: v == UNKNOWN or _pattern(_MEDIATOR)(v),
    "mediator": _pattern(_MEDIATOR),
    "mode": _one_of("alone", "assisted"),
    "outcome": _one_of("sent", "saved_offline", "abandoned", "redirected"),
    "procedure": _pattern(_CODE),
    "page": _pattern(_CODE),
    "step": _pattern(_CODE),
    "seconds": _count,
    "receipt": _one_of("enregistrement", "reception"),
    "copy": _count,
    "printed": _one_of("ok", "error"),
    "error_code": _pattern(_CODE),
    "dossier": _pattern(_REFERENCE),
    "reference": _pattern(_REFERENCE),
    "change": _one_of("added", "pin_changed", "removed", "disabled", "enabled"),
    "saved": _count,
    "lost": _count,
    "settings_sha256": _pattern(_HEX),
    "reason": _one_of("signed_out", "lapsed", "end_of_day", "quit", "replaced", "disabled"),
}

# Each kind of entry and the only fields it may carry.
KINDS: dict[str, frozenset[str]] = {
    "login": frozenset({"mediator"}),
    "logout": frozenset({"mediator", "reason"}),  # the end of a sign-in for the shift
    "login_failed": frozenset({"account"}),
    "lockout": frozenset({"account"}),
    "visit_start": frozenset({"visit", "mode"}),
    "visit_end": frozenset({"visit", "outcome", "procedure", "page", "step", "seconds"}),
    "take_over": frozenset({"visit", "mediator"}),
    "hand_over": frozenset({"visit", "mediator"}),
    # No visit id here: the visit's record (and the mediator's description of the person)
    # must not be tied to the request, which names the person.
    "request_confirmed": frozenset({"submission", "reference", "procedure"}),
    "request_sent": frozenset({"submission", "dossier"}),
    "request_refused": frozenset({"submission"}),
    "request_corrected": frozenset({"submission", "supersedes"}),
    "request_purged": frozenset({"submission"}),  # refused, never corrected, erased
    "receipt_printed": frozenset({"submission", "receipt", "copy", "printed", "error_code"}),
    "idle_wipe": frozenset({"visit", "page"}),
    "mediator_call": frozenset({"visit"}),
    "mediator_answer": frozenset({"visit", "mediator", "seconds"}),
    "account_changed": frozenset({"account", "change"}),
    "queue_recover": frozenset({"saved", "lost"}),
    "settings_read": frozenset({"settings_sha256"}),
}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    n INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    kind TEXT NOT NULL,
    fields TEXT NOT NULL,
    prev TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS checkpoints (
    first_kept INTEGER PRIMARY KEY,
    head TEXT NOT NULL,
    counts TEXT NOT NULL,
    removed_until TEXT NOT NULL,
    at TEXT NOT NULL,
    previous_mac TEXT NOT NULL,
    mac TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS pruning (busy INTEGER);
CREATE TRIGGER IF NOT EXISTS entries_never_change BEFORE UPDATE ON entries
BEGIN SELECT RAISE(ABORT, 'the audit journal is append-only'); END;
CREATE TRIGGER IF NOT EXISTS entries_removed_by_prune_only BEFORE DELETE ON entries
WHEN NOT EXISTS (SELECT 1 FROM pruning)
BEGIN SELECT RAISE(ABORT, 'the audit journal is append-only'); END;
"""


class AuditError(Exception):
    """The journal cannot be read or written, or an entry was refused; ``message`` is French."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Entry:
    """One line of the audit journal as it is read back (ids only, never personal data)."""

    n: int
    at: str
    who: str
    kind: str
    fields: Mapping[str, object]
    prev: str
    hash: str

    def as_dict(self) -> dict[str, object]:
        return {"n": self.n, "at": self.at, "who": self.who, "kind": self.kind,
                "fields": dict(self.fields), "prev": self.prev, "hash": self.hash}


@dataclass(frozen=True)
class Head:
    """The last entry's number and hash: what the heartbeat sends, as ``"<n>:<hash>"``."""

    n: int
    hash: str

    def __str__(self) -> str:
        return f"{self.n}:{self.hash}"

    @classmethod
    def parse(cls, text: str) -> Head:
        n, _, digest = text.partition(":")
        if not n.isdigit() or not _HEX.match(digest):
            raise AuditError(f"« {text} » n'est pas une tête de journal (attendu : numéro:empreinte).")
        return cls(int(n), digest)


@dataclass(frozen=True)
class Problem:
    """An entry the verification found edited, removed, inserted or moved."""

    n: int
    message: str


@dataclass(frozen=True)
class Verification:
    """What a verification of the journal found: how many entries it read, and each problem."""

    entries: int
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


def entry_hash(prev: str, n: int, at: str, who: str, kind: str, fields: Mapping[str, object]) -> str:
    """SHA-256 over the previous hash and the entry's canonical JSON (its number included)."""
    body = canonical_json({"n": n, "at": at, "who": who, "kind": kind, "fields": dict(fields)})
    return hashlib.sha256(prev.encode() + b"\n" + body).hexdigest()


def check_entry(who: str, kind: str, fields: Mapping[str, object]) -> None:
    """Refuse an entry that could carry personal data (``AuditError`` naming the field)."""
    if who not in (CITIZEN, SYSTEM, UNKNOWN) and not _MEDIATOR.match(who):
        raise AuditError(f"Journal : « qui » doit être un identifiant de médiateur, "
                         f"« {CITIZEN} », « {SYSTEM} » ou « {UNKNOWN} ».")
    allowed = KINDS.get(kind)
    if allowed is None:
        raise AuditError(f"Journal : type d'entrée inconnu « {kind} ».")
    for name, value in fields.items():
        if name not in allowed:
            raise AuditError(f"Journal : le champ « {name} » n'est pas permis pour « {kind} ».")
        if not VALUES[name](value):
            raise AuditError(f"Journal : la valeur du champ « {name} » n'a pas la forme attendue.")


def _owner_only(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    os.chmod(path, 0o600)


class Journal:
    """The SQLite file ``<data_dir>/audit.db`` (owner-only), one connection per thread."""

    def __init__(self, path: Path, key_path: Path | None = None,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC), *,
                 readonly: bool = False) -> None:
        """``readonly``: to check or export a journal (perhaps a copy taken as evidence)
        without changing a byte of it."""
        self.path = path
        self.key_path = key_path or path.with_name(KEY_FILE)
        self._now = now
        try:
            if readonly:
                self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                           isolation_level=None, timeout=10)
                self._db.execute("SELECT 1 FROM entries, checkpoints LIMIT 1").fetchall()
                return
            _owner_only(path)
            self._db = sqlite3.connect(path, isolation_level=None, timeout=10)
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.executescript(_SCHEMA)
        except (sqlite3.Error, OSError) as exc:
            raise self._unusable(exc) from None

    @classmethod
    def in_data_dir(cls, data_dir: Path, now: Callable[[], datetime] | None = None) -> Journal:
        if now is None:
            return cls(data_dir / JOURNAL_FILE)
        return cls(data_dir / JOURNAL_FILE, now=now)

    def _unusable(self, exc: Exception) -> AuditError:
        return AuditError(f"Le journal d'audit ({self.path}) est illisible ou ne peut pas être "
                          f"écrit ({type(exc).__name__}). Prévenez le support informatique.")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ------------------------------------------------------------------------

    def append(self, who: str, kind: str, **fields: object) -> Entry:
        """Add one entry at the end of the chain (refused if a field is not on its list)."""
        check_entry(who, kind, fields)
        at = rfc3339(self._now())
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                n, prev = self._tail()
                n += 1
                digest = entry_hash(prev, n, at, who, kind, fields)
                self._db.execute(
                    "INSERT INTO entries (n, at, who, kind, fields, prev, hash) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (n, at, who, kind, canonical_json(fields).decode(), prev, digest))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise self._unusable(exc) from None
        return Entry(n, at, who, kind, dict(fields), prev, digest)

    def _tail(self) -> tuple[int, str]:
        row = self._db.execute("SELECT n, hash FROM entries ORDER BY n DESC LIMIT 1").fetchone()
        if row is not None:
            return int(row[0]), str(row[1])
        checkpoint = self._last_checkpoint()
        if checkpoint is not None:
            return int(checkpoint["first_kept"]) - 1, str(checkpoint["head"])
        return 0, GENESIS

    # --- reading --------------------------------------------------------------------------

    def head(self) -> Head:
        """The chain's head, to send with the heartbeat (so a cut tail is seen centrally)."""
        try:
            n, digest = self._tail()
        except sqlite3.Error as exc:
            raise self._unusable(exc) from None
        return Head(n, digest)

    def entries(self) -> Iterator[Entry]:
        try:
            rows = self._db.execute(
                "SELECT n, at, who, kind, fields, prev, hash FROM entries ORDER BY n").fetchall()
        except sqlite3.Error as exc:
            raise self._unusable(exc) from None
        for n, at, who, kind, fields, prev, digest in rows:
            try:
                decoded = json.loads(fields)
            except ValueError:
                decoded = {"illisible": fields}
            yield Entry(int(n), at, who, kind, decoded, prev, digest)

    def counts(self) -> Counter[str]:
        """Entries by kind, the removed ones (kept as counts in checkpoints) included."""
        total: Counter[str] = Counter(e.kind for e in self.entries())
        for checkpoint in self._checkpoints():
            total.update(json.loads(checkpoint["counts"]))
        return total

    # --- checking -----------------------------------------------------------------------

    def verify(self, expected_head: Head | None = None) -> Verification:
        """Walk the chain; each problem names the entry (number) where the chain breaks.

        Each entry's number is in its hash and its predecessor's hash is in it, so an entry
        moved, put in, taken out or edited breaks the chain at that entry. After a problem
        the walk goes on from the stored hash: one edit gives one message, not one for
        every later entry."""
        problems: list[Problem] = []
        first, prev = self._verify_checkpoints(problems)
        expected_n = first
        count = 0
        last: Entry | None = None
        edited: list[int] = []
        for entry in self.entries():
            count += 1
            if entry.n > expected_n:
                missing = (f"l'entrée n° {expected_n} manque" if entry.n == expected_n + 1
                           else f"les entrées n° {expected_n} à {entry.n - 1} manquent")
                problems.append(Problem(expected_n, f"Entrée n° {entry.n} : {missing} "
                                                    "juste avant (retirée)."))
            elif entry.n < expected_n:
                problems.append(Problem(entry.n, f"Entrée n° {entry.n} : elle arrive après la "
                                                 f"n° {expected_n - 1} (déplacée ou insérée)."))
            if entry.prev != prev:
                problems.append(Problem(entry.n, f"Entrée n° {entry.n} : elle ne suit pas l'entrée "
                                                 "qui la précède (une entrée a été insérée, retirée "
                                                 "ou déplacée juste avant elle)."))
            elif entry.hash != entry_hash(entry.prev, entry.n, entry.at, entry.who, entry.kind,
                                          entry.fields):
                edited.append(entry.n)
                prev, expected_n, last = entry.hash, entry.n + 1, entry
                continue
            _edited(edited, problems)
            prev = entry.hash
            expected_n = entry.n + 1
            last = entry
        _edited(edited, problems)
        problems.sort(key=lambda p: p.n)
        if expected_head is not None:
            self._compare_head(expected_head, last, first, problems)
        return Verification(count, problems)

    def _compare_head(self, expected: Head, last: Entry | None, first: int,
                      problems: list[Problem]) -> None:
        kept = {e.n: e.hash for e in self.entries()}
        if expected.n in kept and kept[expected.n] != expected.hash:
            problems.append(Problem(expected.n, f"Entrée n° {expected.n} : elle ne correspond pas "
                                                "à la tête envoyée au service central."))
        elif last is None or expected.n > last.n:
            end = last.n if last else first - 1
            problems.append(Problem(end + 1, f"Entrées n° {end + 1} à {expected.n} : retirées à la "
                                             "fin du journal (la tête envoyée au service central "
                                             "est plus loin)."))

    # --- retention ------------------------------------------------------------------------

    def prune(self, before: datetime) -> int:
        """Remove the entries older than ``before``, leaving a signed checkpoint in their
        place (their head and their count by kind). Returns how many went."""
        cutoff = rfc3339(before)
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                removed = self._db.execute(
                    "SELECT n, kind, hash, at FROM entries WHERE n <= (SELECT COALESCE(MAX(n), 0) "
                    "FROM entries WHERE at < ?) ORDER BY n", (cutoff,)).fetchall()
                if removed:
                    self._checkpoint(removed)
                    self._db.execute("INSERT INTO pruning VALUES (1)")
                    self._db.execute("DELETE FROM entries WHERE n <= ?", (removed[-1][0],))
                    self._db.execute("DELETE FROM pruning")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise self._unusable(exc) from None
        return len(removed)

    def _checkpoint(self, removed: list[tuple[int, str, str, str]]) -> None:
        previous = self._last_checkpoint()
        fields = {
            "first_kept": removed[-1][0] + 1, "head": removed[-1][2],
            "counts": canonical_json(dict(Counter(kind for _, kind, _, _ in removed))).decode(),
            "removed_until": removed[-1][3], "at": rfc3339(self._now()),
            "previous_mac": previous["mac"] if previous else "",
        }
        self._db.execute(
            "INSERT INTO checkpoints (first_kept, head, counts, removed_until, at, previous_mac, mac) "
            "VALUES (:first_kept, :head, :counts, :removed_until, :at, :previous_mac, :mac)",
            {**fields, "mac": self._mac(fields)})

    def _mac(self, fields: Mapping[str, object]) -> str:
        return hmac.new(self._key(), canonical_json(dict(fields)), hashlib.sha256).hexdigest()

    def _key(self) -> bytes:
        if not self.key_path.exists():
            _owner_only(self.key_path)
            self.key_path.write_bytes(secrets.token_bytes(32))
        return self.key_path.read_bytes()

    def _checkpoints(self) -> list[dict[str, str]]:
        cursor = self._db.execute("SELECT first_kept, head, counts, removed_until, at, previous_mac, "
                                  "mac FROM checkpoints ORDER BY first_kept")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _last_checkpoint(self) -> dict[str, str] | None:
        checkpoints = self._checkpoints()
        return checkpoints[-1] if checkpoints else None

    def _verify_checkpoints(self, problems: list[Problem]) -> tuple[int, str]:
        """Where the kept chain starts: after the last sound checkpoint, or at entry 1."""
        first, head, previous_mac = 1, GENESIS, ""
        for checkpoint in self._checkpoints():
            fields = {k: v for k, v in checkpoint.items() if k != "mac"}
            sound = (self.key_path.exists() and checkpoint["previous_mac"] == previous_mac
                     and hmac.compare_digest(self._mac(fields), checkpoint["mac"]))
            if not sound:
                problems.append(Problem(int(checkpoint["first_kept"]), (
                    f"Point de contrôle avant l'entrée n° {checkpoint['first_kept']} : sa signature "
                    "ne correspond pas (modifié, ou clé audit.key changée).")))
            first, head, previous_mac = int(checkpoint["first_kept"]), checkpoint["head"], \
                checkpoint["mac"]
        return first, head


def _edited(run: list[int], problems: list[Problem]) -> None:
    """One message for a run of entries whose hash no longer matches (a renumbering after an
    insertion or a removal changes every later number, which is part of each hash)."""
    if len(run) == 1:
        problems.append(Problem(run[0], f"Entrée n° {run[0]} : son contenu a été modifié "
                                        "(l'empreinte ne correspond plus)."))
    elif run:
        problems.append(Problem(run[0], f"Entrées n° {run[0]} à {run[-1]} : contenu ou numéro "
                                        "modifié (les empreintes ne correspondent plus)."))
    run.clear()


# --- export -------------------------------------------------------------------------------

ExportFormat = Literal["jsonl", "csv"]


def export(journal: Journal, fmt: ExportFormat) -> str:
    """Every kept entry, in order: JSON lines, or CSV with the fields as canonical JSON."""
    if fmt == "jsonl":
        return "".join(canonical_json(e.as_dict()).decode() + "\n" for e in journal.entries())
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["n", "at", "who", "kind", "fields", "prev", "hash"])
    for e in journal.entries():
        writer.writerow([e.n, e.at, e.who, e.kind, canonical_json(dict(e.fields)).decode(),
                         e.prev, e.hash])
    return out.getvalue()


def note(data_dir: Path, who: str, kind: str, *, when: datetime | None = None,
         **fields: object) -> None:
    """Append one entry from where it happens, in one line (``when``: the time the caller
    recorded, else now). A journal that cannot be written is logged for IT and never stops
    what the person at the kiosk was doing."""
    try:
        with Journal.in_data_dir(data_dir, now=(lambda: when) if when else None) as journal:
            journal.append(who, kind, **fields)
    except AuditError as exc:
        log.error("audit entry %s not written: %s", kind, exc.message)


def note_settings_read(config: KioskConfig) -> None:
    """The settings the kiosk starts with, as a fingerprint (the token left out): a changed
    configuration shows as a new fingerprint, its values stay out of the journal."""
    values = {k: str(v) for k, v in asdict(config).items() if k != "central_token"}
    digest = hashlib.sha256(canonical_json(values)).hexdigest()
    note(config.data_dir, SYSTEM, "settings_read", settings_sha256=digest)
