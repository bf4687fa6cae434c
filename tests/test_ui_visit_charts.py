"""« Activité de la borne » shows the visits as charts: the numbers of the visit records."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from test_ui_correction import log_in_queue, shot, texts
from test_ui_flow import WAIT_MS, central, click, make_kiosk  # noqa: F401 - fixtures

from kiosk.mediators import create_demo_accounts
from kiosk.paris_time import PARIS
from kiosk.procedures import Catalogue
from kiosk.report_visits import visit_report
from kiosk.visits import VisitRecord, VisitStore
from ui.theme import apply_theme


def record(days_ago: int, minutes: int, code: str, assistance: str, outcome: str,
           autonomy: str | None) -> VisitRecord:
    # at noon, Paris time, of the day: a visit shortly after midnight began the day before
    noon = datetime.now(PARIS).replace(hour=12, minute=0, second=0, microsecond=0)
    start = noon.astimezone(UTC) - timedelta(days=days_ago, minutes=minutes + 1)
    return VisitRecord(str(uuid.uuid4()), start, start + timedelta(minutes=minutes), code,  # type: ignore[arg-type]
                       "carte_grise" if code.startswith("cg") else "permis", assistance,
                       None if assistance == "alone" else "m-0001", outcome, None, None, None,
                       None, autonomy)


VISITS = [
    record(0, 6, "cg-duplicata", "alone", "sent", None),
    record(0, 25, "cg-duplicata", "assisted", "saved_offline", "fully_accompanied"),
    record(0, 12, "permis-inscription", "taken_over", "abandoned", "autonomous"),
    record(2, 40, "permis-inscription", "assisted", "sent", "partly_autonomous"),
    record(5, 3, "cg-duplicata", "alone", "abandoned", None),
]


@pytest.mark.parametrize("theme", ["standard", "contraste"])
def test_the_activity_screen_charts_the_visits(  # type: ignore[no-untyped-def]
        qtbot, make_kiosk, catalogue: Catalogue, theme: str) -> None:  # noqa: F811
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    window.set_look(contrast=theme == "contraste", large_text=False)
    create_demo_accounts(kiosk.services.mediators)
    with VisitStore.in_data_dir(kiosk.services.config.data_dir) as store:
        for visit in VISITS:
            store.add(visit)
    log_in_queue(qtbot, kiosk)
    click(qtbot, window.queue.activity_button)
    activity = window.activity
    qtbot.waitUntil(lambda: activity.visits is not None, timeout=WAIT_MS)
    assert activity.visits.total == 3 and "day" not in activity.charts  # today: no day chart
    assert "3 visites, durée moyenne 14 min" in texts(activity)
    click(qtbot, activity.period_buttons[7])
    qtbot.waitUntil(lambda: activity.visits is not None and activity.visits.total == 5,
                    timeout=WAIT_MS)
    today = datetime.now(PARIS).date()
    expected = visit_report(VISITS, [], today - timedelta(days=6), today)
    charts = activity.charts
    assert [n for _, n in charts["day"].bars] == list(expected.by_day.values())
    assert dict(charts["procedure"].bars) == {
        catalogue.get("cg-duplicata").title: 3, catalogue.get("permis-inscription").title: 2}
    assert dict(charts["outcome"].bars) == {"envoyée": 2, "abandonnée": 2,
                                            "enregistrée, envoi en attente": 1}
    assert dict(charts["assistance"].bars) == {"seul": 2, "accompagné": 2,
                                               "repris par un médiateur": 1}
    assert dict(charts["autonomy"].bars) == {"non renseignée": 2, "entièrement accompagné": 1,
                                             "autonome": 1, "partiellement autonome": 1}
    assert dict(charts["duration"].bars) == {"< 10 min": 2, "10–20 min": 1, "20–30 min": 1,
                                             "30–60 min": 1, "> 60 min": 0}
    assert charts["outcome"].accessibleName() == "Issue des visites"
    assert "abandonnée : 2" in charts["outcome"].accessibleDescription()
    # The bars are drawn in the theme's highlight colour, the largest one across the room.
    chart = charts["procedure"]
    image = chart.grab().toImage()
    bar = chart.palette().color(QPalette.ColorRole.Highlight).rgb()
    row = [image.pixel(x, 17) for x in range(image.width())]
    assert row.count(bar) > image.width() // 4
    shot(kiosk, "20d-activite-visites-7-jours", theme)
    apply_theme(QApplication.instance(), "standard", False)


def test_no_visit_yet_says_so(qtbot, make_kiosk) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(sync=False)
    window = kiosk.window
    window.show_screen(window.activity)
    qtbot.waitUntil(lambda: window.activity.visits is not None, timeout=WAIT_MS)
    assert "Aucune visite enregistrée sur cette période." in texts(window.activity)
    assert window.activity.charts == {}


def test_the_kiosk_applies_retention_when_it_starts(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.config import KioskConfig
    from kiosk.launcher import _apply_retention

    old = record(400, 10, "cg-duplicata", "alone", "sent", None)
    with VisitStore.in_data_dir(tmp_path) as store:
        store.add(old)
        store.add(VISITS[0])
    _apply_retention(KioskConfig(data_dir=tmp_path))  # off the GUI thread

    def pruned() -> bool:
        with VisitStore.in_data_dir(tmp_path) as store:
            return [r.id for r in store.records()] == [VISITS[0].id]

    qtbot.waitUntil(pruned, timeout=WAIT_MS)
