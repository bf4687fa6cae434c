"""Ready at the first tap: the list of procedures needs only the catalogue, the other screens
are built at their first use, and nothing tapped while the rest loads is lost."""

from __future__ import annotations

import gc
import threading
import weakref
from contextlib import ExitStack
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk import launcher
from kiosk.config import KioskConfig
from kiosk.flow import Page
from kiosk.procedures import Catalogue
from offline_queue import DB_NAME, open_outbox
from ui.app import create_application, create_window
from ui.main_window import KioskServices, MainWindow

WAIT_MS = 20_000


def _config(tmp_path: Path) -> KioskConfig:
    return KioskConfig(kiosk_id="7501-K02", site="7501", data_dir=tmp_path / "kiosk",
                       central_url="http://127.0.0.1:9/api", scanner_dir=tmp_path,
                       sync_interval_s=3600)


def _window(qtbot, config: KioskConfig, services: KioskServices | None = None) -> MainWindow:  # type: ignore[no-untyped-def]
    create_application([])
    window = create_window(config, services)
    qtbot.addWidget(window)
    return window


def test_the_first_tap_is_answered_with_the_catalogue_alone(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                            catalogue: Catalogue) -> None:
    config = _config(tmp_path)
    window = _window(qtbot, config)
    qtbot.mouseClick(window.welcome.alone_button, Qt.MouseButton.LeftButton)
    assert window.current_screen() is window.welcome  # nothing to show yet: the tap waits
    window.attach_catalogue(catalogue)
    assert window.current_screen() is window.picker
    assert not window.ready and not (config.data_dir / DB_NAME).exists()  # no queue opened
    assert not window.take_over_button.isVisibleTo(window)  # the accounts are not read yet
    services = launcher.build_services(config, catalogue=catalogue)
    window.attach(services)
    assert window.current_screen() is window.picker  # the person stays where they are
    assert window.take_over_button.isVisibleTo(window)  # a mediator can take over from now on
    window.close()
    services.outbox.close()


def test_a_tap_for_a_screen_of_the_services_is_answered_once_they_are_open(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                            catalogue: Catalogue) -> None:
    config = _config(tmp_path)
    window = _window(qtbot, config)
    window.attach_catalogue(catalogue)
    qtbot.mouseClick(window.welcome.mediator_button, Qt.MouseButton.LeftButton)
    assert window.visit.page is Page.LOGIN
    assert window.current_screen() is window.welcome  # the accounts are not read yet
    services = launcher.build_services(config, catalogue=catalogue)
    window.attach(services)
    assert window.current_screen() is window.login
    window.close()
    services.outbox.close()


def test_screens_are_built_at_first_use_then_all_ahead_of_it(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                            catalogue: Catalogue) -> None:
    config = _config(tmp_path)
    services = launcher.build_services(config, catalogue=catalogue)
    window = _window(qtbot, config, services)
    assert not window.pages.is_built("queue")
    queue = window.queue  # read by code: built then, on this thread
    assert window.pages.is_built("queue") and queue in window.screens
    assert window.stack.indexOf(queue) >= 0
    qtbot.waitUntil(lambda: not window.pages.waiting(), timeout=WAIT_MS)
    # one screen per page, the consent screen showing both « consent » and « saving »
    assert len(window.screens) == len(Page) - 1 == len(set(map(id, window.screens)))
    assert {window.pages.get(page) for page in Page} == set(window.screens)
    window.close()
    services.outbox.close()


def test_once_ready_the_start_up_is_out_of_the_collectors_sight(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                               catalogue: Catalogue) -> None:
    """A full collection, on the screens' thread, walks only what came after start-up; the
    screens made again in another language are let go, and the new ones kept."""
    config = _config(tmp_path)
    services = launcher.build_services(config, catalogue=catalogue)
    gc.unfreeze()
    window = _window(qtbot, config, services)
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=WAIT_MS)
    assert not window.pages.waiting()  # kept once every screen is built, not before
    kept = gc.get_freeze_count()
    assert kept > 2 * len(gc.get_objects())  # the collector's walk: a fraction of what lives
    old_steps = weakref.ref(window.steps)
    window.set_language("en")
    try:
        assert gc.get_freeze_count() == 0  # released before the old screens go
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=WAIT_MS)
        assert old_steps() is None  # the collection before keeping freed the old screens
        assert window.steps is not None
    finally:
        window.set_language("fr")
    window.close()
    services.outbox.close()


def test_a_queue_that_fails_to_open_after_the_first_tap_takes_the_person_home_with_the_reason(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = _config(tmp_path)
    with open_outbox(config.data_dir):
        pass
    (config.data_dir / DB_NAME).write_bytes(b"not a database at all" * 200)
    picker_seen = threading.Event()
    real = launcher.load_backend

    def after_the_picker(*args, **kwargs):  # type: ignore[no-untyped-def]
        picker_seen.wait(WAIT_MS / 1000)
        return real(*args, **kwargs)

    monkeypatch.setattr(launcher, "load_backend", after_the_picker)
    with ExitStack() as cleanup:
        _app, window = launcher.start(config, demo=False, fullscreen=False, cleanup=cleanup, argv=[])
        qtbot.addWidget(window)
        qtbot.mouseClick(window.welcome.alone_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.pages.is_built("picker")
                        and window.current_screen() is window.picker, timeout=WAIT_MS)
        picker_seen.set()
        qtbot.waitUntil(lambda: window.welcome.problem.isVisible(), timeout=WAIT_MS)
        assert window.current_screen() is window.welcome
        assert "est abîmée" in window.welcome.problem.text()
        assert not window.welcome.alone_button.isVisible() and not window.ready
        window.close()


def test_a_window_closed_while_the_kiosk_starts_gets_nothing_more(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from shiboken6 import isValid

    from ui.screens.background import jobs_running

    with ExitStack() as cleanup:
        _app, window = launcher.start(_config(tmp_path), demo=False, fullscreen=False,
                                      cleanup=cleanup, argv=[])
        window.deleteLater()  # before its first paint: nothing of the start may reach it
        qtbot.waitUntil(lambda: not isValid(window), timeout=WAIT_MS)
        launcher._Start(window, _config(tmp_path), False, cleanup).painted()  # loads anyway
        qtbot.waitUntil(lambda: jobs_running() == 0, timeout=WAIT_MS)
