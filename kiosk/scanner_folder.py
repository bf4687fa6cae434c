"""The scanner's drop folder belongs to the citizen at the kiosk, and to no one after.

The scanner leaves each page as a file in ``scanner.watch_dir``; the documents
screen lists them. When a citizen's session ends (or the kiosk starts after a
crash) the scans are deleted, so the next person never sees them. Only scan
files directly in the folder are touched, so a misconfigured folder loses
nothing else. A scan whose name is not UTF-8 (a scanner set to another
character set) is never offered: its name could not be shown nor sent, so
it is counted for the screen and the log, and still deleted at the end.
"""

from __future__ import annotations

import logging
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

SCAN_SUFFIXES = frozenset({".pdf", ".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff"})
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Scan:
    """One scan as it was when listed: the screen shows these and never stats the file again,
    since the scanner (or the end of a session) may delete it at any moment."""

    path: Path
    size: int
    mtime: float


@dataclass(frozen=True)
class ScanListing:
    """The scans a citizen may choose, newest first, and how many were left out for their name."""

    scans: list[Scan]
    unreadable_names: int

    @property
    def files(self) -> list[Path]:
        return [scan.path for scan in self.scans]


def _readable(name: str) -> bool:
    try:
        name.encode("utf-8")  # undecodable bytes come back from the OS as lone surrogates
    except UnicodeEncodeError:
        return False
    return not _CONTROL.search(name)


def list_scans(folder: Path | None, limit: int) -> ScanListing:
    """Regular scan files directly in ``folder`` (no link, FIFO or device), at most ``limit``."""
    if folder is None:
        return ScanListing([], 0)
    found: list[Scan] = []
    unreadable = 0
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if Path(entry.name).suffix.lower() not in SCAN_SUFFIXES:
                    continue
                try:
                    info = entry.stat(follow_symlinks=False)
                except OSError:  # deleted meanwhile
                    continue
                if not stat.S_ISREG(info.st_mode):
                    continue
                if not _readable(entry.name):
                    unreadable += 1
                    continue
                found.append(Scan(Path(entry.path), info.st_size, info.st_mtime))
    except OSError as exc:
        log.error("scanner folder unreadable: %s", exc.strerror)
        return ScanListing([], 0)
    if unreadable:
        log.warning("scanner folder: %d scan(s) with a name that is not UTF-8 left out", unreadable)
    found.sort(key=lambda scan: scan.mtime, reverse=True)
    return ScanListing(found[:limit], unreadable)


def clear_scans(folder: Path) -> int:
    """Delete the scan files of ``folder``; how many went. Failures are logged, never raised."""
    removed = 0
    try:
        entries = list(folder.iterdir())
    except OSError as exc:
        log.error("scanner folder unreadable, scans not cleared: %s", exc.strerror)
        return 0
    for path in entries:
        if path.suffix.lower() not in SCAN_SUFFIXES or path.is_symlink() or not path.is_file():
            continue
        try:
            path.unlink()
            removed += 1
        except OSError as exc:
            log.error("a scan could not be deleted from the scanner folder: %s", exc.strerror)
    if removed:
        log.info("scanner folder cleared: %d scan(s) deleted", removed)
    return removed
