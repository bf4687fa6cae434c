"""Cyclic garbage is collected on the GUI thread only (a pool thread must never free a widget)."""

from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtWidgets import QApplication

from ui import gc_guard
from ui.app import create_application


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cyclic collector frees it


def test_the_application_collects_on_its_own_thread(qtbot, request) -> None:  # type: ignore[no-untyped-def]
    if request.config.getoption("gc_proof"):
        pytest.skip("the collector proof lifts this confinement on purpose")
    app = create_application([])
    collector = gc_guard.install(app)
    assert gc_guard.install(app) is collector  # once per application
    assert not gc.isenabled()

    # Garbage made on a worker thread is not collected there...
    def make_garbage() -> None:
        for _ in range(5000):
            Node()

    worker = threading.Thread(target=make_garbage)
    worker.start()
    worker.join()
    leftover = sum(isinstance(o, Node) for o in gc.get_objects())
    assert leftover >= 5000
    # ...but by the GUI thread's timer.
    qtbot.waitUntil(lambda: not any(isinstance(o, Node) for o in gc.get_objects()), timeout=5000)
    assert QApplication.instance() is app
