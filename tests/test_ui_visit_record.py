"""The screens record each visit, anonymously, and journal it: the window gives its visit the recorder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from kiosk.audit import Journal
from kiosk.config import KioskConfig
from kiosk.launcher import build_services
from kiosk.procedures import Catalogue
from kiosk.visits import VisitStore
from ui.app import create_application
from ui.main_window import MainWindow


def _kiosk(qtbot, tmp_path: Path, catalogue: Catalogue):  # type: ignore[no-untyped-def]
    """A shown window on a fresh data folder, without sync."""
    config = KioskConfig(kiosk_id="7501-K02", site="7501", data_dir=tmp_path / "kiosk",
                         central_url="http://127.0.0.1:9/api", sync_interval_s=3600)
    services = build_services(config, catalogue=catalogue)
    services.sync = None
    create_application([])
    window = MainWindow(config, services)
    qtbot.addWidget(window)
    window.show()
    return window, config, services


def test_a_visit_left_on_the_picker_is_recorded_as_abandoned_and_journaled(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                          catalogue: Catalogue) -> None:
    window, config, services = _kiosk(qtbot, tmp_path, catalogue)
    qtbot.mouseClick(window.welcome.alone_button, Qt.MouseButton.LeftButton)
    assert window.current_screen() is window.picker
    window.go_home()
    with VisitStore.in_data_dir(config.data_dir) as store:
        records = store.records()
    assert len(records) == 1
    assert records[0].outcome == "abandoned"
    with Journal.in_data_dir(config.data_dir) as journal:
        kinds = [entry.kind for entry in journal.entries()]
        assert journal.verify().ok
    assert kinds.count("visit_start") == 1 and kinds.count("visit_end") == 1
    window.close()
    services.outbox.close()


def test_the_mediator_gives_the_autonomy_in_one_tap_at_the_end_of_an_assisted_visit(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, catalogue: Catalogue) -> None:
    from kiosk.flow import Page

    window, config, services = _kiosk(qtbot, tmp_path, catalogue)
    panel = window.end.autonomy
    window._start(Page.END)
    assert not panel.isVisibleTo(window.end)  # a citizen alone is never asked
    qtbot.mouseClick(window.welcome.alone_button, Qt.MouseButton.LeftButton)
    window.visit.assisted_by = "m-0001"
    window._start(Page.END)
    assert panel.isVisibleTo(window.end)
    qtbot.mouseClick(panel.buttons["autonomous"], Qt.MouseButton.LeftButton)
    assert panel.thanks.isVisibleTo(panel) and not panel.buttons["partly_autonomous"].isEnabled()
    assert not panel.cra.isVisibleTo(panel)  # the CRA's description stays folded unless asked
    qtbot.mouseClick(panel.more_button, Qt.MouseButton.LeftButton)
    panel.cra.age.setCurrentIndex(panel.cra.age.findData("SoixanteDixPlus"))
    panel.cra.no_phone.setChecked(True)
    qtbot.mouseClick(panel.cra.save_button, Qt.MouseButton.LeftButton)
    window.go_home()  # the visit ends with the mediator's answers in its record
    assert not panel.isVisibleTo(window.end)  # nothing left for the next visit
    assert panel.cra.age.currentData() == "" and not panel.cra.no_phone.isChecked()
    with VisitStore.in_data_dir(config.data_dir) as store:
        (record,) = store.records()
    assert record.autonomy == "autonomous"
    assert (record.profile.age_band, record.profile.no_phone, record.redirected_to) == (
        "SoixanteDixPlus", True, None)
    window.close()
    services.outbox.close()
