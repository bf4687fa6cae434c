"""The outbox's ledger: what the queue held, kept outside the database file.

Losing ``outbox.db`` (deleted, emptied, restored from an old copy) must not
pass for a new queue: the waiting requests would vanish without a word and
the local references would start again at 000001, reusing numbers already
printed on citizens' receipts. ``outbox.ledger`` records, after every commit
that changes them, the highest reference number handed out and how many
requests were not yet sent, in a small file of two checksummed slots written
in turn and synced; an exclusive ``flock`` serialises the processes that
update it, and the high-water mark never goes down.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .private_files import FILE_MODE, write_atomic

LEDGER_NAME = "outbox.ledger"
SLOTS = 2
SLOT_BYTES = 256

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
    """The ledger file exists but neither of its slots holds a ledger."""


def _slot(ledger: Ledger, generation: int) -> bytes:
    fields = {
        "generation": generation,
        "high_water": ledger.high_water,
        "unsent": ledger.unsent,
        "last_reference": ledger.last_reference,
    }
    text = json.dumps(fields).encode()
    if len(text) > SLOT_BYTES - 20:  # a kiosk id far longer than any real one: keep the numbers
        text = json.dumps(fields | {"last_reference": None}).encode()
    return (b"%08x %s" % (zlib.crc32(text), text)).ljust(SLOT_BYTES - 1) + b"\n"


def _parse(raw: bytes) -> tuple[int, Ledger] | None:
    """(generation, ledger) of one slot, or None when the slot is torn or empty."""
    try:
        crc, text = raw.rstrip().split(b" ", 1)
        if int(crc, 16) != zlib.crc32(text):
            return None
        data = json.loads(text)
        ledger = Ledger(int(data["high_water"]), int(data["unsent"]), data.get("last_reference"))
        generation = int(data["generation"])
    except (ValueError, TypeError, KeyError):
        return None
    if ledger.high_water < 0 or ledger.unsent < 0:
        return None
    return generation, ledger


def _latest(raw: bytes) -> tuple[int, int, Ledger] | None:
    """(slot index, generation, ledger) of the newest sound slot."""
    found = [
        (index, *parsed)
        for index in range(SLOTS)
        if (parsed := _parse(raw[index * SLOT_BYTES : (index + 1) * SLOT_BYTES])) is not None
    ]
    return max(found, key=lambda item: item[1]) if found else None


def read_ledger(path: Path) -> Ledger | None:
    """The ledger at ``path``; ``None`` when there is none (a queue made before ledgers)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    latest = _latest(raw)
    if latest is None:
        raise LedgerUnreadable(str(path))
    return latest[2]


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
    disk. The file holds two slots, each with its checksum and generation:
    an update overwrites the older slot in place and syncs it (one
    ``fdatasync``), so a torn write leaves the other slot, one update behind.
    """
    with _locked(path):
        ledger = compute()
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raw = None
        latest = _latest(raw) if raw is not None else None
        if raw is not None and latest is None:
            log.error("outbox ledger %s was unreadable; rewritten from the database", path)
        if latest is not None and latest[2].high_water > ledger.high_water:
            ledger = Ledger(latest[2].high_water, ledger.unsent, latest[2].last_reference)
        if latest is not None and latest[2] == ledger:
            return ledger
        if latest is None or raw is None or len(raw) != SLOTS * SLOT_BYTES:
            write_atomic(path, _slot(ledger, 1) + b" " * (SLOT_BYTES - 1) + b"\n")
            return ledger
        index, generation, _ = latest
        fd = os.open(path, os.O_WRONLY)
        try:
            os.pwrite(fd, _slot(ledger, generation + 1), (1 - index) * SLOT_BYTES)
            os.fdatasync(fd)
        finally:
            os.close(fd)
    return ledger
