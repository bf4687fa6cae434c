"""Read table rows straight from the pages of a damaged SQLite file.

When SQLite cannot open a file (its first page, the header and the schema,
is damaged) or cannot walk its b-trees (the file was cut short), the rows are
still there, in the table leaf pages. This scans every page of the file as a
b-tree leaf, follows overflow chains for large rows, and decodes each record;
what a record is (a submission, a document, the counter) is told later by its
shape. A record whose overflow chain is cut decodes as far as its bytes go,
the missing columns as ``None``, so the references it names can still be
reported as lost. Nothing here trusts the file: every offset is bounded.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAGIC = b"SQLite format 3\x00"
PAGE_SIZES = (4096, 1024, 2048, 8192, 16384, 32768, 65536, 512)
TABLE_LEAF = 0x0D
MAX_CHAIN = 1 << 20  # overflow pages followed for one record, at most
_CONSTANTS: dict[int, Any] = {0: None, 8: 0, 9: 1}  # serial types stored without a body


@dataclass(frozen=True)
class Record:
    """One row found in a leaf page; ``complete`` is False when its overflow chain was cut."""

    page: int
    rowid: int
    values: list[Any]
    complete: bool


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    value = 0
    for i in range(8):
        if pos + i >= len(data):
            raise ValueError("varint past the end")
        byte = data[pos + i]
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, pos + i + 1
    if pos + 8 >= len(data):
        raise ValueError("varint past the end")
    return (value << 8) | data[pos + 8], pos + 9


def _column(serial: int, data: bytes, pos: int) -> tuple[Any, int]:
    """Decode one column of serial type ``serial`` at ``pos``; ``ValueError`` if cut short."""
    if serial in _CONSTANTS:
        return _CONSTANTS[serial], pos
    if 1 <= serial <= 6:
        width = (1, 2, 3, 4, 6, 8)[serial - 1]
        if pos + width > len(data):
            raise ValueError("integer cut short")
        return int.from_bytes(data[pos : pos + width], "big", signed=True), pos + width
    if serial == 7:
        if pos + 8 > len(data):
            raise ValueError("float cut short")
        return struct.unpack(">d", data[pos : pos + 8])[0], pos + 8
    if serial >= 12:
        width = (serial - 12) // 2
        if pos + width > len(data):
            raise ValueError("value cut short")
        raw = data[pos : pos + width]
        if serial % 2 == 0:
            return bytes(raw), pos + width
        return raw.decode("utf-8", errors="replace"), pos + width
    raise ValueError("reserved serial type")


def decode_record(payload: bytes, expected_size: int) -> tuple[list[Any], bool]:
    """The columns of a record; those past the end of a cut payload come back as ``None``."""
    header_size, pos = _varint(payload, 0)
    if header_size > len(payload) or header_size > expected_size or header_size < 1:
        raise ValueError("bad record header")
    serials = []
    while pos < header_size:
        serial, pos = _varint(payload, pos)
        serials.append(serial)
    values: list[Any] = []
    pos = header_size
    complete = len(payload) >= expected_size
    for serial in serials:
        try:
            value, pos = _column(serial, payload, pos)
        except ValueError:
            if complete:
                raise
            value = None
        values.append(value)
    return values, complete


class PageFile:
    """The raw pages of a database file of a given page size."""

    def __init__(self, data: bytes, page_size: int, reserved: int) -> None:
        self.data = data
        self.page_size = page_size
        self.usable = page_size - reserved
        self.count = (len(data) + page_size - 1) // page_size

    def page(self, number: int) -> bytes | None:
        if not 1 <= number <= self.count:
            return None
        start = (number - 1) * self.page_size
        return self.data[start : start + self.page_size].ljust(self.page_size, b"\x00")

    def _overflow(self, first: int, wanted: int) -> tuple[bytes, bool]:
        out = bytearray()
        seen: set[int] = set()
        number = first
        while len(out) < wanted and len(seen) < MAX_CHAIN:
            page = self.page(number)
            if page is None or number in seen:
                return bytes(out), False
            seen.add(number)
            out += page[4 : self.usable]
            number = int.from_bytes(page[:4], "big")
        return bytes(out[:wanted]), len(out) >= wanted

    def leaf_records(self, number: int) -> Iterator[Record]:
        """Every decodable cell of page ``number`` read as a table leaf; nothing if it is not one."""
        page = self.page(number)
        if page is None:
            return
        base = 100 if number == 1 else 0
        if page[base] != TABLE_LEAF:
            return
        cells = int.from_bytes(page[base + 3 : base + 5], "big")
        if cells * 2 + base + 8 > self.usable:
            return
        max_local = self.usable - 35
        min_local = (self.usable - 12) * 32 // 255 - 23
        for i in range(cells):
            at = int.from_bytes(page[base + 8 + 2 * i : base + 10 + 2 * i], "big")
            if not base + 8 <= at < self.usable:
                continue
            try:
                size, pos = _varint(page, at)
                rowid, pos = _varint(page, pos)
                if size > 1 << 31:
                    continue
                if size <= max_local:
                    local = size
                else:
                    local = min_local + (size - min_local) % (self.usable - 4)
                    local = local if local <= max_local else min_local
                if pos + local > self.usable:
                    continue
                payload = page[pos : pos + local]
                complete = True
                if local < size:
                    if pos + local + 4 > self.usable:
                        continue
                    first = int.from_bytes(page[pos + local : pos + local + 4], "big")
                    rest, complete = self._overflow(first, size - local)
                    payload += rest
                values, whole = decode_record(payload, size)
            except ValueError:
                continue
            yield Record(number, rowid if rowid < 1 << 63 else rowid - (1 << 64), values, complete and whole)

    def records(self) -> Iterator[Record]:
        for number in range(1, self.count + 1):
            yield from self.leaf_records(number)


def page_files(path: Path) -> Iterator[PageFile]:
    """The file read with its header's page size when the header is sound, else each likely size."""
    data = path.read_bytes()
    if data[:16] == MAGIC and len(data) >= 100:
        raw = int.from_bytes(data[16:18], "big")
        size = 65536 if raw == 1 else raw
        if size in PAGE_SIZES and data[20] < size // 2:
            yield PageFile(data, size, data[20])
            return
    for size in PAGE_SIZES:
        yield PageFile(data, size, 0)
