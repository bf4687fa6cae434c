"""The collector proof (tests/gc_proof.py, ``pytest --gc-proof``) catches what it is for."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from gc_proof import OffThreadFinalisation
from PySide6.QtCore import QObject


class Holder:
    """A cycle holding a Qt object: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self
        self.timer = QObject()


@pytest.fixture
def watch() -> Iterator[OffThreadFinalisation]:
    with OffThreadFinalisation() as watching:
        assert gc.isenabled()  # the collector is on while watched
        yield watching


def test_a_qt_object_in_a_cycle_collected_off_the_gui_thread_is_caught(
        qapp, watch: OffThreadFinalisation) -> None:  # type: ignore[no-untyped-def]
    """Found, and kept aside: it is destroyed later, on the main thread."""
    off_thread_finalisation = watch
    destroyed_on: list[str] = []
    holder = Holder()
    holder.timer.destroyed.connect(lambda *_: destroyed_on.append(threading.current_thread().name))
    del holder
    worker = threading.Thread(target=gc.collect, name="pool")
    worker.start()
    worker.join()
    assert destroyed_on == []  # kept aside, not destroyed on the worker
    off_thread_finalisation.release()
    assert off_thread_finalisation.found == ["QObject on pool"]
    assert destroyed_on == [threading.main_thread().name]
    off_thread_finalisation.found.clear()


def test_plain_garbage_collected_off_the_gui_thread_is_not_a_finding(
        watch: OffThreadFinalisation) -> None:
    off_thread_finalisation = watch
    class Node:
        def __init__(self) -> None:
            self.me = self

    Node()
    worker = threading.Thread(target=gc.collect)
    worker.start()
    worker.join()
    off_thread_finalisation.release()
    assert off_thread_finalisation.found == []
