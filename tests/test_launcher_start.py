"""The kiosk's real start: welcome painted at once, the rest loaded off the GUI thread."""

from __future__ import annotations

import threading
from contextlib import ExitStack
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk import launcher
from kiosk.config import KioskConfig
from offline_queue import DB_NAME, open_outbox


def _config(tmp_path: Path) -> KioskConfig:
    return KioskConfig(kiosk_id="7501-K02", site="7501", data_dir=tmp_path / "kiosk",
                       central_url="http://127.0.0.1:9/api", scanner_dir=tmp_path,
                       sync_interval_s=3600)


def test_the_backend_loads_off_the_gui_thread_and_the_window_gets_it(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[threading.Thread] = []
    real = launcher.load_backend

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(launcher, "load_backend", watched)
    with ExitStack() as cleanup:
        _app, window = launcher.start(_config(tmp_path), demo=False, fullscreen=False,
                                      cleanup=cleanup, argv=[])
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.ready, timeout=20_000)
        assert threads and threads[0] is not threading.main_thread()
        qtbot.mouseClick(window.welcome.alone_button, Qt.MouseButton.LeftButton)
        assert window.current_screen() is window.picker
        window.close()


def test_a_queue_that_cannot_be_opened_is_said_on_the_welcome_screen(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config = _config(tmp_path)
    with open_outbox(config.data_dir):
        pass
    (config.data_dir / DB_NAME).write_bytes(b"not a database at all" * 200)
    with ExitStack() as cleanup:
        _app, window = launcher.start(config, demo=False, fullscreen=False, cleanup=cleanup, argv=[])
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.welcome.problem.isVisible(), timeout=20_000)
        assert not window.ready
        assert not window.welcome.alone_button.isVisible()
        assert "est abîmée" in window.welcome.problem.text()
        window.close()


def test_a_tap_made_while_the_kiosk_starts_is_answered_once_it_is_ready(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.app import create_application, create_window

    config = _config(tmp_path)
    create_application([])
    window = create_window(config)
    qtbot.addWidget(window)
    qtbot.mouseClick(window.welcome.alone_button, Qt.MouseButton.LeftButton)
    assert not window.ready and window.current_screen() is window.welcome
    services = launcher.build_services(config)
    window.attach(services)
    assert window.current_screen() is window.picker
    window.close()
    services.outbox.close()


def test_the_demo_s_requests_carry_the_demo_s_kiosk(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The demo's settings (its kiosk, its site, its own central service) are made after the
    welcome screen is painted: the visit model must take them, or the central service refuses
    every request of the demo as another kiosk's (a hand walk on Xvfb saw the 403)."""
    with ExitStack() as cleanup:
        _app, window = launcher.start(_config(tmp_path), demo=True, fullscreen=False,
                                      cleanup=cleanup, argv=[])
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.ready, timeout=20_000)
        assert window.visit.config is window.config
        assert (window.visit.config.kiosk_id, window.visit.config.site) == ("DEMO-K01", "0000")
        qtbot.mouseClick(window.welcome.alone_button, Qt.MouseButton.LeftButton)
        window._act(lambda: window.visit.pick("cg-changement-adresse"))
        window._act(lambda: window.visit.say_for_whom("self"))
        session = window.visit.session
        assert session is not None and session.kiosk_id == "DEMO-K01"
        window.close()


def test_the_first_tap_is_answered_before_the_visit_s_record_opens_and_is_recorded(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path) -> None:
    """The record's modules and files are no part of answering the first tap (a third of its
    time): its move waits, then is written with the tap's moment once the record opens."""
    import sys
    from datetime import UTC, datetime

    from kiosk.audit import Journal

    config = _config(tmp_path)
    with ExitStack() as cleanup:
        _app, window = launcher.start(config, demo=False, fullscreen=False, cleanup=cleanup, argv=[])
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.welcome.alone_button.isVisible(), timeout=20_000)
        tapped = datetime.now(UTC)
        qtbot.mouseClick(window.welcome.alone_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.pages.is_built("picker")
                        and window.current_screen() is window.picker, timeout=20_000)
        shown = datetime.now(UTC)
        assert window._record is None  # answered with the record still closed
        qtbot.waitUntil(lambda: window.ready, timeout=20_000)
        assert window._record is not None and "kiosk.visits" in sys.modules
        window.go_home()
        from kiosk.visits import VisitStore

        with VisitStore.in_data_dir(config.data_dir) as store:
            [record] = store.records()
        assert tapped <= record.started_at <= shown  # the tap's moment, not the record's
        assert record.outcome == "abandoned" and record.last_page == "picker"
        with Journal.in_data_dir(config.data_dir) as journal:
            kinds = [entry.kind for entry in journal.entries()]
        assert [kind for kind in kinds if kind.startswith("visit")] == ["visit_start", "visit_end"]
        window.close()


def test_a_journal_that_cannot_be_opened_stops_no_visit(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         caplog: pytest.LogCaptureFixture) -> None:
    from kiosk.audit import JOURNAL_FILE

    config = _config(tmp_path)
    config.data_dir.mkdir(parents=True)
    (config.data_dir / JOURNAL_FILE).write_bytes(b"not a database at all" * 200)
    with ExitStack() as cleanup:
        _app, window = launcher.start(config, demo=False, fullscreen=False, cleanup=cleanup, argv=[])
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.ready, timeout=20_000)
        qtbot.mouseClick(window.welcome.alone_button, Qt.MouseButton.LeftButton)
        assert window.current_screen() is window.picker
        window._act(lambda: window.visit.pick("cg-changement-adresse"))
        window.go_home()
        assert window.current_screen() is window.welcome
        assert "visit record and audit journal not opened" in caplog.text
        assert "Le journal d'audit" in caplog.text  # the file named, for IT
        window.close()


def test_a_kiosk_started_again_answers_the_first_tap_from_the_kept_subjects(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path) -> None:
    """The second start finds the subjects kept by the first: the list answers before the
    catalogue is read, and a subject touched then lists its procedures once it is."""
    config = _config(tmp_path)
    with ExitStack() as cleanup:  # the first start: the catalogue first, then kept
        _app, window = launcher.start(config, demo=False, fullscreen=False, cleanup=cleanup, argv=[])
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.ready, timeout=20_000)
        assert window.subjects == ()
        window.close()
    with ExitStack() as cleanup:
        _app, window = launcher.start(config, demo=False, fullscreen=False, cleanup=cleanup, argv=[])
        qtbot.addWidget(window)
        shown_before: list[bool] = []  # at the catalogue's coming: was the list already shown?
        real = window.attach_catalogue

        def noted(catalogue):  # type: ignore[no-untyped-def]
            shown_before.append(window.pages.is_built("picker")
                                and window.current_screen() is window.picker)
            if shown_before[-1]:  # a subject touched while the catalogue was read
                picker = window.picker
                qtbot.mouseClick(next(iter(picker.theme_buttons.values())),
                                 Qt.MouseButton.LeftButton)
                assert picker.procedure_tiles == {}
            real(catalogue)

        window.attach_catalogue = noted  # type: ignore[method-assign]
        qtbot.mouseClick(window.welcome.alone_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.visit.catalogue is not None, timeout=20_000)
        assert shown_before == [True] and window.subjects
        picker = window.picker
        assert window.current_screen() is picker
        qtbot.waitUntil(lambda: bool(picker.procedure_tiles), timeout=5_000)
        code = next(iter(picker.procedure_tiles))
        qtbot.mouseClick(picker.procedure_tiles[code], Qt.MouseButton.LeftButton)
        assert window.visit.procedure is not None and window.visit.procedure.code == code
        qtbot.waitUntil(lambda: window.ready, timeout=20_000)
        window.close()
