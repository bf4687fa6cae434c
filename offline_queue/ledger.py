"""The outbox's ledger: what the queue held, kept outside the database file.

Losing ``outbox.db`` (deleted, emptied, restored from an old copy) must not
pass for a new queue: the waiting requests would vanish without a word and
the local references would start again at 000001, reusing numbers already
printed on citizens' receipts. ``outbox.ledger`` records, after every commit
that changes them, the highest reference number handed out, how many
requests were not yet sent, and a reservation: reference numbers are
reserved in blocks, and a block is synced to disk before the first of its
numbers leaves ``enqueue``. A new queue made after a loss starts past the
reservation, so no printed reference is ever reused, at the price of one
``fdatasync`` per block rather than per request.

The file has three slots, each with a checksum and a generation. Syncing
writes alternate between the first two, so a torn write leaves the other;
between syncs, the third slot takes the latest figures without a sync (a
power cut may lose them, the reservation stays). An exclusive ``flock``
serialises the processes that update it, and no figure but ``unsent`` ever
goes down.
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
from dataclasses import dataclass, replace
from pathlib import Path

from .private_files import FILE_MODE, write_atomic

LEDGER_NAME = "outbox.ledger"
SLOT_BYTES = 256
SYNCED_SLOTS = (0, 1)
LOOSE_SLOT = 2
RESERVE_BLOCK = 32

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Ledger:
    """``high_water``: highest reference number committed; ``unsent``: requests not yet sent;
    ``reserved``: no reference number up to it may be handed out again."""

    high_water: int = 0
    unsent: int = 0
    last_reference: str | None = None
    reserved: int = 0

    def reference(self, number: int) -> str | None:
        """The reference printed for ``number``, built on the last one known (``PN-<kiosk>-``)."""
        if self.last_reference is None or "-" not in self.last_reference:
            return None
        return f"{self.last_reference.rsplit('-', 1)[0]}-{number:06d}"


class LedgerUnreadable(Exception):
    """The ledger file exists but none of its slots holds a ledger."""


def _slot(ledger: Ledger, generation: int) -> bytes:
    fields = {
        "generation": generation,
        "high_water": ledger.high_water,
        "unsent": ledger.unsent,
        "reserved": ledger.reserved,
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
        ledger = Ledger(
            int(data["high_water"]), int(data["unsent"]), data.get("last_reference"), int(data["reserved"])
        )
        generation = int(data["generation"])
    except (ValueError, TypeError, KeyError):
        return None
    if min(ledger.high_water, ledger.unsent, ledger.reserved) < 0:
        return None
    return generation, ledger


def _slots(raw: bytes) -> dict[int, tuple[int, Ledger]]:
    """Sound slots by index: (generation, ledger)."""
    return {
        index: parsed
        for index in (*SYNCED_SLOTS, LOOSE_SLOT)
        if (parsed := _parse(raw[index * SLOT_BYTES : (index + 1) * SLOT_BYTES])) is not None
    }


def _merged(slots: dict[int, tuple[int, Ledger]]) -> Ledger:
    """The newest figures, with the highest reservation any sound slot holds."""
    _, newest = max(slots.values(), key=lambda item: item[0])
    return replace(newest, reserved=max(ledger.reserved for _, ledger in slots.values()))


def read_ledger(path: Path) -> Ledger | None:
    """The ledger at ``path``; ``None`` when there is none (a queue made before ledgers)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    slots = _slots(raw)
    if not slots:
        raise LedgerUnreadable(str(path))
    return _merged(slots)


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
    """Record what ``compute`` reads from the database (called after its commit).

    ``compute`` runs under an exclusive lock, so two processes writing in
    turn never leave an older view on disk. When the high-water mark passes
    the reservation synced to disk, a new block is reserved and synced before
    this returns; otherwise the figures go to the loose slot, unsynced.
    """
    with _locked(path):
        found = compute()
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raw = b""
        slots = _slots(raw)
        if raw and not slots:
            log.error("outbox ledger %s was unreadable; rewritten from the database", path)
        current = _merged(slots) if slots else None
        synced = max((slots[i][1].reserved for i in SYNCED_SLOTS if i in slots), default=0)
        high = max(found.high_water, current.high_water if current else 0)
        last = found.last_reference if found.high_water >= high or current is None else current.last_reference
        ledger = Ledger(high, found.unsent, last, synced)
        if high > synced:
            ledger = replace(ledger, reserved=(high // RESERVE_BLOCK + 1) * RESERVE_BLOCK)
        if current == ledger:
            return ledger
        generation = max((g for g, _ in slots.values()), default=0) + 1
        if len(raw) != (LOOSE_SLOT + 1) * SLOT_BYTES or not any(i in slots for i in SYNCED_SLOTS):
            blank = b" " * (SLOT_BYTES - 1) + b"\n"
            write_atomic(path, _slot(ledger, generation) + blank + blank)
            return ledger
        if ledger.reserved > synced:
            # the older (or broken) synced slot, so that a torn write leaves the newer one
            index = min(SYNCED_SLOTS, key=lambda i: slots[i][0] if i in slots else -1)
        else:
            index = LOOSE_SLOT
        fd = os.open(path, os.O_WRONLY)
        try:
            os.pwrite(fd, _slot(ledger, generation), index * SLOT_BYTES)
            if index != LOOSE_SLOT:
                os.fdatasync(fd)
        finally:
            os.close(fd)
    return ledger
