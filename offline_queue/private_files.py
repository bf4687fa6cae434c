"""Files only the kiosk's user may read: the data folder 0700, its files 0600.

Other local accounts on the machine (a guest session, a maintenance login)
must not read the queue, the print log or the key even though they are
encrypted or hold no answers: what they reveal (who came, when) is still
personal. SQLite creates its files with the default mode, so each database
file is created here first, empty and private; its ``-wal`` and ``-shm``
companions then inherit the database's mode.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import stat
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600

log = logging.getLogger(__name__)


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed, and make the folder itself 0700."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        log.warning("data folder %s had mode %o; restricting it to 0700", path, mode)
        path.chmod(mode & ~0o077 | DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty with mode 0600 when absent; restrict it to 0600 when wider."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
        return path
    except FileExistsError:
        pass
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        log.warning("file %s had mode %o; restricting it to 0600", path, mode)
        path.chmod(FILE_MODE)
    return path


def restrict_companions(db_path: Path) -> None:
    """Bring a database's existing ``-wal``/``-shm`` files to 0600 (left wider by older versions)."""
    for suffix in ("-wal", "-shm", "-journal"):
        companion = Path(f"{db_path}{suffix}")
        with contextlib.suppress(FileNotFoundError):
            if stat.S_IMODE(companion.stat().st_mode) & 0o077:
                companion.chmod(FILE_MODE)


def fsync_dir(directory: Path) -> None:
    """Make a rename or a new name in ``directory`` survive a power cut."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, *, exclusive: bool = False) -> None:
    """Replace ``path`` by ``data`` all at once: a crash leaves the old or the new content.

    ``exclusive``: never replace an existing ``path`` (``FileExistsError``), for a key that
    is made once and must not change under a process already using it.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        if exclusive:
            os.link(tmp, path)
        else:
            os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    fsync_dir(path.parent)
