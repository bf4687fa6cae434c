"""The outbox's ledger: what the queue held, kept outside the database file.

Losing ``outbox.db`` (deleted, emptied, restored from an old copy) must not
pass for a new queue: the waiting requests would vanish without a word and
the local references would start again at 000001, reusing numbers already
printed on citizens' receipts. ``outbox.ledger`` records, after every commit
that changes them, the highest reference number handed out and how many
requests were not yet sent. It is a small JSON file replaced atomically and
fsynced; an exclusive ``flock`` serialises the processes that update it, and
the high-water mark never goes down.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .private_files import FILE_MODE, write_atomic

LEDGER_NAME = "outbox.ledger"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Ledger:
    """``high_water``: highest reference number handed out; ``unsent``: requests not yet sent."""

    high_water: int = 0
    unsent: int = 0
    last_reference: str | None = None

    def reference(self, number: int) -> str | None:
        """The reference printed for ``number``, built on the last one known (``PN-<kiosk>-``)."""
        if self.last_reference is None or "-" not in self.last_reference:
            return None
        return f"{self.last_reference.rsplit('-', 1)[0]}-{number:06d}"


class LedgerUnreadable(Exception):
    """The ledger file exists but does not hold a ledger."""


def read_ledger(path: Path) -> Ledger | None:
    """The ledger at ``path``; ``None`` when there is none (a queue made before ledgers)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    try:
        data = json.loads(raw)
        ledger = Ledger(
            high_water=int(data["high_water"]),
            unsent=int(data["unsent"]),
            last_reference=data.get("last_reference"),
        )
    except (ValueError, TypeError, KeyError) as exc:
        raise LedgerUnreadable(str(path)) from exc
    if ledger.high_water < 0 or ledger.unsent < 0:
        raise LedgerUnreadable(str(path))
    return ledger


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    fd = os.open(path.with_name(f".{path.name}.lock"), os.O_RDWR | os.O_CREAT, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)  # left wider by hand or by an older version
        fcntl.flock(fd, fcntl.LOCK_EX)
        with contextlib.suppress(FileNotFoundError):
            if path.stat().st_mode & 0o077:
                path.chmod(FILE_MODE)
        yield
    finally:
        os.close(fd)


def write_ledger(path: Path, compute: Callable[[], Ledger]) -> Ledger:
    """Record what ``compute`` reads from the database, keeping the higher high-water mark.

    Called after the database commit; ``compute`` runs under an exclusive
    lock, so two processes writing in turn can never leave an older view on
    disk.
    """
    with _locked(path):
        ledger = compute()
        current = None
        try:
            current = read_ledger(path)
        except LedgerUnreadable:
            log.error("outbox ledger %s was unreadable; rewritten from the database", path)
        if current is not None and current.high_water > ledger.high_water:
            ledger = Ledger(current.high_water, ledger.unsent, current.last_reference)
        if ledger != current:
            payload = {
                "high_water": ledger.high_water,
                "unsent": ledger.unsent,
                "last_reference": ledger.last_reference,
            }
            write_atomic(path, json.dumps(payload).encode())
    return ledger
