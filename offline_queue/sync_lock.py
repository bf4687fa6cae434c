"""One sync at a time per outbox, across processes.

The screens' sync thread and a ``kiosk sync`` run by IT could otherwise both
create an upload for the same document; the second submission would then cite
another upload id than the first, and the server would answer 409 for a
request it had already filed. An advisory lock on a file beside the outbox
keeps them apart; the kernel releases it if the holder dies.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = "sync.lock"


@contextmanager
def exclusive_sync(
    folder: Path, wait_s: float = 0.0, sleep: Callable[[float], None] = time.sleep
) -> Iterator[bool]:
    """Yield True while this process holds the sync lock, False if another kept it for ``wait_s``."""
    descriptor = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    yield False
                    return
                sleep(0.1)
        try:
            yield True
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
    finally:
        os.close(descriptor)
