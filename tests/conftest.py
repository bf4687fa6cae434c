"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

from faults import TOKEN, FaultProxy  # noqa: E402

from kiosk.procedures import Catalogue, load_catalogue  # noqa: E402
from offline_queue import Outbox, open_outbox  # noqa: E402
from reference_central import RunningServer, serve_in_thread  # noqa: E402
from ui.gc_guard import collect_due  # noqa: E402

THRESHOLDS = gc.get_threshold()


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The shipped catalogue; a broken shipped file fails here, loudly."""
    loaded = load_catalogue()
    assert not loaded.errors, [str(e) for e in loaded.errors]
    return loaded


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RunningServer]:
    """A reference central service on loopback, with the token of ``faults.TOKEN``."""
    running = serve_in_thread(tmp_path / "central", TOKEN)
    yield running
    running.stop()


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    with open_outbox(tmp_path / "kiosk") as opened:
        yield opened


@pytest.fixture
def proxy(server: RunningServer) -> Iterator[FaultProxy]:
    running = FaultProxy(server.port)
    yield running
    running.stop()


@pytest.fixture(autouse=True)
def collect_on_the_main_thread() -> Iterator[None]:
    """As the kiosk does (ui/gc_guard.py): no automatic collection that a pool thread could
    trigger while a cycle holds a Qt object; collect here, on the main thread, after each test."""
    gc.disable()
    yield
    collect_due(THRESHOLDS)

