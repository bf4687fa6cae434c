"""The 2D-Doc reader's child process (kiosk.code_reader): kept between pages, started again
after it dies or runs out of time, and ended by the kiosk."""

from __future__ import annotations

import os
import random
import signal
import threading
import time
from datetime import date

import pytest

from kiosk.code_reader import CodeReader, CodeReaderFailed
from kiosk.sample_scans import SAMPLE_HOLDER, bill_values, proof_of_address_page, two_d_doc_text

EMITTED = date(2026, 10, 14)


def _page() -> tuple[int, int, bytes, bytes]:
    """A bill's page, grey, and the text of the 2D-Doc on it."""
    rng = random.Random(3)
    text = two_d_doc_text(bill_values(SAMPLE_HOLDER, rng), EMITTED, rng)
    page = proof_of_address_page(100, random.Random(3), SAMPLE_HOLDER, EMITTED, code_text=text)
    grey = page.convert("L")
    return grey.width, grey.height, grey.tobytes(), text.encode("latin-1")


@pytest.fixture
def reader():  # type: ignore[no-untyped-def]
    kept = CodeReader()
    yield kept
    kept.stop()


def _child_pid(reader: CodeReader) -> int:
    assert reader._child is not None
    return reader._child.pid


def test_one_child_reads_page_after_page(reader: CodeReader) -> None:
    width, height, pixels, text = _page()
    assert reader.codes(width, height, pixels, 20.0) == [text]
    first = _child_pid(reader)
    assert reader.codes(width, height, pixels, 20.0) == [text]
    assert reader.codes(width, height, bytes(width * height), 20.0) == []  # a blank page
    assert _child_pid(reader) == first


def test_a_child_that_died_is_replaced_at_the_next_page(reader: CodeReader) -> None:
    width, height, pixels, text = _page()
    reader.codes(width, height, pixels, 20.0)
    dead = _child_pid(reader)
    os.kill(dead, signal.SIGKILL)
    assert reader._child is not None and reader._child.wait() == -signal.SIGKILL  # between pages
    assert reader.codes(width, height, pixels, 20.0) == [text]
    assert _child_pid(reader) != dead


def test_a_page_out_of_time_stops_the_child_and_costs_that_page_only(reader: CodeReader) -> None:
    width, height, pixels, text = _page()
    reader.codes(width, height, pixels, 20.0)
    slow = reader._child
    assert slow is not None
    with pytest.raises(CodeReaderFailed):
        reader.codes(width, height, pixels, 0.0005)
    assert slow.poll() is not None and reader._child is None  # killed, and reaped
    assert reader.codes(width, height, pixels, 20.0) == [text]


def test_stop_ends_the_child(reader: CodeReader) -> None:
    width, height, pixels, _ = _page()
    reader.codes(width, height, pixels, 20.0)
    child = reader._child
    assert child is not None
    reader.stop()
    assert child.returncode == 0 and reader._child is None


def _memory_holds(pid: int, needle: bytes) -> bool:
    """Whether the writable memory of process ``pid`` holds ``needle`` anywhere."""
    with open(f"/proc/{pid}/maps", encoding="ascii") as maps, open(f"/proc/{pid}/mem", "rb") as mem:
        for line in maps:
            span, perms = line.split()[:2]
            if not perms.startswith("rw"):
                continue
            start, end = (int(n, 16) for n in span.split("-"))
            mem.seek(start)
            try:
                if needle in mem.read(end - start):
                    return True
            except OSError:  # a guard page
                continue
    return False


def test_the_child_keeps_no_pixels_of_a_page_once_read(reader: CodeReader) -> None:
    width, height, pixels, text = _page()
    assert reader.codes(width, height, pixels, 20.0) == [text]  # started, its buffers in use
    grain = random.Random(8).randbytes(300 * 200)  # a page of noise: no code, no other copy
    assert reader.codes(300, 200, grain, 20.0) == []
    child = _child_pid(reader)
    if not os.access(f"/proc/{child}/mem", os.R_OK):
        pytest.skip("this system does not let a process read its child's memory")
    assert not _memory_holds(child, grain[-4096:-3840])  # the end: what a buffered read keeps
    assert not _memory_holds(child, grain[30000:30256])
    wanted = grain[-256:]
    assert _memory_holds(os.getpid(), wanted)  # the search finds what is there


def test_stop_does_not_wait_for_a_page_read_elsewhere(reader: CodeReader) -> None:
    width, height, pixels, _ = _page()
    reader.codes(width, height, pixels, 20.0)
    child = reader._child
    assert child is not None
    os.kill(child.pid, signal.SIGSTOP)  # a page it never finishes
    failed: list[CodeReaderFailed] = []

    def read() -> None:
        try:
            reader.codes(width, height, pixels, 20.0)
        except CodeReaderFailed as exc:
            failed.append(exc)

    reading = threading.Thread(target=read)
    reading.start()
    while not reader._lock.locked():
        time.sleep(0.001)
    began = time.monotonic()
    reader.stop()
    reading.join(20)
    assert time.monotonic() - began < 5 and child.wait(5) == -signal.SIGKILL and failed
