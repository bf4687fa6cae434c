"""The scanner's drop folder belongs to the citizen at the kiosk, and to no one after.

The scanner leaves each page as a file in ``scanner.watch_dir``; the documents
screen lists them. When a citizen's session ends (or the kiosk starts after a
crash) the scans are deleted, so the next person never sees them. Only scan
files directly in the folder are touched, so a misconfigured folder loses
nothing else. A scan whose name is not UTF-8 (a scanner set to another
character set) is never offered: its name could not be shown nor sent, so
it is counted for the screen and the log, and still deleted at the end.

The mediator's « Autre fichier… » browses the scanner folder and the folders
IT listed (``scanner.other_dirs``) and nothing else: every path is resolved,
links included, and refused when it leads out of them.
"""

from __future__ import annotations

import logging
import os
import re
import stat
from collections.abc import Sequence
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


@dataclass(frozen=True)
class FolderView:
    """One allowed folder as the picker shows it: its sub-folders and scans, and where « up » goes
    (None at the top of an allowed folder: the picker never leads out of them)."""

    folder: Path
    subfolders: list[Path]
    scans: list[Scan]
    parent: Path | None


def _root_of(roots: Sequence[Path], path: Path) -> Path | None:
    """The allowed folder ``path`` really is in, links resolved; None when it is outside all."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):  # gone, or a loop of links
        return None
    for root in roots:
        try:
            top = root.resolve(strict=True)
        except (OSError, RuntimeError):
            continue
        if real == top or real.is_relative_to(top):
            return top
    return None


def allowed(roots: Sequence[Path], path: Path) -> Path | None:
    """``path`` with its links resolved when it lies inside one of ``roots``, else None (and a
    log line for IT: a link or a name that leads out of the allowed folders)."""
    if _root_of(roots, path) is None:
        log.warning("picker: a path outside the allowed folders was refused")
        return None
    return path.resolve()


def browse(roots: Sequence[Path], folder: Path, limit: int) -> FolderView:
    """What ``folder`` holds, when it is inside ``roots``; a link to a folder outside is left out,
    and a folder outside shows as empty with no way up."""
    top = _root_of(roots, folder)
    if top is None:
        log.warning("picker: a folder outside the allowed folders was refused")
        return FolderView(folder, [], [], None)
    real = folder.resolve()
    subfolders: list[Path] = []
    try:
        with os.scandir(real) as entries:
            for entry in entries:
                if entry.name.startswith(".") or not _readable(entry.name):
                    continue
                try:
                    is_dir = entry.is_dir(follow_symlinks=True)
                except OSError:
                    continue
                if is_dir and _root_of(roots, Path(entry.path)) is not None:
                    subfolders.append(Path(entry.path))
    except OSError as exc:
        log.error("picker: folder unreadable: %s", exc.strerror)
    subfolders.sort(key=lambda path: path.name.lower())
    parent = real.parent if real != top else None
    return FolderView(real, subfolders, list_scans(real, limit).scans, parent)
