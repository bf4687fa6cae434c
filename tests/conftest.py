"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
import random

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

from faults import TOKEN, FaultProxy  # noqa: E402
from gc_proof import OffThreadFinalisation  # noqa: E402

from kiosk.procedures import Catalogue, load_catalogue  # noqa: E402
from offline_queue import Outbox, open_outbox  # noqa: E402
from reference_central import RunningServer, serve_in_thread  # noqa: E402


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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--order", default="file",
        help="run the collected tests in another order: file (as written), reversed, or "
             "shuffle:SEED (the collector proof passes in each)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """``--order reversed`` or ``--order shuffle:SEED``: order-dependence shows up."""
    order = str(config.getoption("order"))
    if order == "reversed":
        items.reverse()
    elif order.startswith("shuffle:"):
        random.Random(order.split(":", 1)[1]).shuffle(items)
    elif order != "file":
        raise pytest.UsageError(f"--order: file, reversed or shuffle:SEED, not {order!r}")


@pytest.fixture(scope="session")
def off_thread_finalisation() -> Iterator[OffThreadFinalisation]:
    """Python's collector stays on, as in production. Any collection run on a thread other
    than the main (GUI) one keeps its garbage aside and reports each Qt object in it."""
    with OffThreadFinalisation() as watch:
        yield watch


@pytest.fixture(autouse=True)
def no_qt_object_finalised_off_the_gui_thread(
        off_thread_finalisation: OffThreadFinalisation) -> Iterator[None]:
    """Fails the test during which a pool or sync thread's collection found a Qt object.

    What the previous test let go (its window, its sync thread: pytest holds a test's
    fixtures until it is over) is deleted first, here on the main thread."""
    off_thread_finalisation.release()
    found = list(off_thread_finalisation.found)
    off_thread_finalisation.found.clear()
    assert not found, f"Qt objects finalised off the GUI thread before this test: {found}"
    yield
    off_thread_finalisation.release()
    found = list(off_thread_finalisation.found)
    off_thread_finalisation.found.clear()
    assert not found, f"Qt objects finalised off the GUI thread: {found}"
