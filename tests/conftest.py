"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
import random
import shutil

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import gc  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

from faults import TOKEN, FaultProxy  # noqa: E402
from gc_proof import OffThreadFinalisation  # noqa: E402

from kiosk.procedures import Catalogue, load_catalogue  # noqa: E402
from offline_queue import Outbox, open_outbox  # noqa: E402
from reference_central import RunningServer, serve_in_thread  # noqa: E402
from resources import resource_path  # noqa: E402
from ui.gc_guard import collect_due  # noqa: E402

THRESHOLDS = gc.get_threshold()


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The shipped catalogue; a broken shipped file fails here, loudly."""
    loaded = load_catalogue()
    assert not loaded.errors, [str(e) for e in loaded.errors]
    return loaded


@pytest.fixture
def procedures(tmp_path: Path) -> Path:
    """A copy of the shipped procedure files, to change."""
    folder = tmp_path / "procedures"
    folder.mkdir()
    for path in resource_path("procedures").glob("*.yaml"):
        shutil.copyfile(path, folder / path.name)
    return folder


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
        "--gc-proof", action="store_true",
        help="leave Python's collector on and fail a test if a collection off the GUI thread "
             "would destroy a Qt object (tests/gc_proof.py)")
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
def off_thread_finalisation(request: pytest.FixtureRequest) -> Iterator[OffThreadFinalisation | None]:
    """With ``--gc-proof``: Python's collector stays on; any collection run on a thread other
    than the main (GUI) one keeps its garbage aside and reports each Qt object in it."""
    if not request.config.getoption("gc_proof"):
        yield None
        return
    with OffThreadFinalisation() as watch:
        yield watch


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread(off_thread_finalisation: OffThreadFinalisation | None) -> Iterator[None]:
    """As the kiosk does (ui/gc_guard.py): no automatic collection that a pool thread could
    trigger while a cycle holds a Qt object; collect here, on the main thread, after each test.

    With ``--gc-proof``, the collector is on instead and watched: the test during which a
    pool or sync thread's collection found a Qt object fails. What the previous test let go
    (pytest holds a test's fixtures until it is over) is deleted first, on the main thread."""
    watch = off_thread_finalisation
    if watch is None:
        gc.disable()
        yield
        gc.unfreeze()  # a kiosk window kept what its start-up made (ui.gc_guard): let it go
        collect_due(THRESHOLDS)
        return
    watch.release()
    found = list(watch.found)
    watch.found.clear()
    assert not found, f"Qt objects finalised off the GUI thread before this test: {found}"
    yield
    gc.unfreeze()
    watch.release()
    found = list(watch.found)
    watch.found.clear()
    assert not found, f"Qt objects finalised off the GUI thread: {found}"
    assert gc.isenabled(), "the collector was switched off during the proof"
