"""The scanner's drop folder belongs to the citizen at the kiosk, and to no one after.

The scanner leaves each page as a file in ``scanner.watch_dir``; the documents
screen lists them. When a citizen's session ends (or the kiosk starts after a
crash) the scans are deleted, so the next person never sees them. Only scan
files directly in the folder are touched, so a misconfigured folder loses
nothing else.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)

SCAN_SUFFIXES = frozenset({".pdf", ".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff"})


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
