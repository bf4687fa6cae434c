"""One child process that finds the DataMatrix and QR codes on a page, kept between readings.

zxing-cpp runs in a child process, never in the kiosk's (``kiosk.two_d_doc`` says why:
beside PySide6 its extension could abort the interpreter at exit, and a crash on a hostile
file then costs one reading, not the kiosk). Starting a fresh interpreter and loading
zxing-cpp for each page cost about 0.1 s of the citizen's wait for a proof of address; this
child is started at the first page and then reads every page, one at a time.

A reading that fails, or takes longer than its time, kills the child: the next page starts
a new one. The child reads each page's pixels straight from the pipe into one buffer (no
buffered reader keeping a chunk of them) and zeroes it once the codes are found, so it
holds none of a citizen's page between two readings. It ends when the
kiosk closes its end of the pipe: at exit, or with the kiosk if the kiosk dies.
"""

from __future__ import annotations

import atexit
import json
import os
import selectors
import subprocess
import sys
import threading
import time

_CHILD = """
import json, sys
import zxingcpp
formats = (zxingcpp.BarcodeFormat.DataMatrix, zxingcpp.BarcodeFormat.QRCode)
source, answers = sys.stdin.buffer.raw, sys.stdout  # unbuffered: no copy of the pixels kept
while header := source.readline():
    width, height = (int(n) for n in header.split())
    pixels = bytearray(width * height)
    view, got = memoryview(pixels), 0
    while got < len(pixels):
        read = source.readinto(view[got:])
        if not read:
            sys.exit(0)
        got += read
    page = view.cast("B", (height, width))
    codes = [code.bytes.hex() for code in zxingcpp.read_barcodes(page, formats=formats)]
    page.release()
    view.release()
    pixels[:] = bytes(len(pixels))
    answers.write(json.dumps(codes) + "\\n")
    answers.flush()
    del codes
"""


class CodeReaderFailed(Exception):
    """The child died, answered nonsense, or ran out of time on a page (it is then stopped)."""


class CodeReader:
    """The child process, started at the first page; one page at a time, behind a lock."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._child: subprocess.Popen[bytes] | None = None

    def codes(self, width: int, height: int, pixels: bytes | bytearray | memoryview,
              timeout_s: float) -> list[bytes]:
        """The contents of the codes found on the ``width`` × ``height`` grey page ``pixels``
        (one byte a pixel, row by row). ``CodeReaderFailed`` after ``timeout_s`` or if the
        child fails; the next call then starts a new child."""
        if len(pixels) != width * height:
            raise ValueError("pixels do not fill the page")
        deadline = time.monotonic() + timeout_s
        with self._lock:
            if self._child is None or self._child.poll() is not None:
                self._child = subprocess.Popen(
                    [sys.executable, "-I", "-c", _CHILD], stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            try:
                answer = _exchange(self._child, f"{width} {height}\n".encode(), pixels, deadline)
                return [bytes.fromhex(code) for code in json.loads(answer)]
            except (OSError, ValueError, TypeError, CodeReaderFailed) as exc:
                self._stop_locked(kill=True)
                raise CodeReaderFailed(type(exc).__name__) from exc

    def stop(self) -> None:
        """End the child (at the kiosk's exit): its input closed, killed if it lingers, or at
        once if a page is still being read after a second (that reading then fails)."""
        if not self._lock.acquire(timeout=1.0):
            child = self._child
            if child is not None:
                child.kill()
            return
        try:
            self._stop_locked(kill=False)
        finally:
            self._lock.release()

    def _stop_locked(self, kill: bool) -> None:
        child, self._child = self._child, None
        if child is None:
            return
        if not kill:
            for pipe in (child.stdin, child.stdout):
                if pipe is not None:
                    pipe.close()
            try:
                child.wait(timeout=1.0)
                return
            except subprocess.TimeoutExpired:
                pass
        child.kill()
        child.wait()
        for pipe in (child.stdin, child.stdout):
            if pipe is not None:
                pipe.close()


def _exchange(child: subprocess.Popen[bytes], header: bytes,
              pixels: bytes | bytearray | memoryview, deadline: float) -> bytes:
    """Send one page, return the child's one-line answer; both before ``deadline``. The pipes
    are used without blocking, so a child that stops reading or answering cannot hold the
    calling thread past it."""
    assert child.stdin is not None and child.stdout is not None
    out_fd, in_fd = child.stdin.fileno(), child.stdout.fileno()
    os.set_blocking(out_fd, False)
    os.set_blocking(in_fd, False)
    pending = [memoryview(header), memoryview(pixels).cast("B")]
    answer = bytearray()
    with selectors.DefaultSelector() as selector:
        selector.register(out_fd, selectors.EVENT_WRITE)
        selector.register(in_fd, selectors.EVENT_READ)
        while not answer.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0:
                raise CodeReaderFailed("out of time")
            for key, _ in selector.select(left):
                if key.fd == out_fd:
                    try:
                        sent = os.write(out_fd, pending[0])
                    except BlockingIOError:
                        continue
                    pending[0] = pending[0][sent:]
                    if not pending[0]:
                        pending.pop(0)
                    if not pending:
                        selector.unregister(out_fd)
                else:
                    chunk = os.read(in_fd, 65536)
                    if not chunk:
                        raise CodeReaderFailed("the child ended")
                    answer += chunk
    if pending:
        raise CodeReaderFailed("answered before reading the page")
    return bytes(answer)


READER = CodeReader()
"""The kiosk's one reader."""
atexit.register(READER.stop)
