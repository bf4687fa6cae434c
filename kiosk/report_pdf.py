"""The activity report as an A4 PDF, its charts drawn with reportlab's graphics.

A prefecture prints or forwards it: the period, the totals, then one bar chart
per count (by day, procedure, outcome, help, autonomy, duration), each with its
numbers written beside the bars so the page reads in black and white too.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from kiosk import PRODUCT
from kiosk.report_visits import SECTIONS_FR, VisitReport, label_fr, sections
from resources import resource_path

FONT = "ReportSans"
FONT_BOLD = "ReportSans-Bold"
BAR = colors.HexColor("#000091")  # the State's blue, dark enough for black-and-white copies
WIDTH = A4[0] - 36 * mm


def _fonts() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(resource_path("fonts", "DejaVuSans.ttf"))))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource_path("fonts", "DejaVuSans-Bold.ttf"))))


def _fr(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _by_day_chart(counts: Mapping[date, int]) -> Drawing:
    drawing = Drawing(WIDTH, 50 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 12 * mm, 10 * mm, WIDTH - 16 * mm, 36 * mm
    chart.data = [list(counts.values()) or [0]]
    step = max(1, len(counts) // 15)  # at most ~15 dates written under the bars
    chart.categoryAxis.categoryNames = [
        d.strftime("%d/%m") if i % step == 0 else "" for i, d in enumerate(counts)]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(max(counts.values(), default=0), 1)
    chart.valueAxis.valueStep = max(1, chart.valueAxis.valueMax // 5)
    chart.bars[0].fillColor = BAR
    chart.barLabelFormat = lambda v: str(int(v)) if v else ""
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 8
    chart.barLabels.nudge = 5
    drawing.add(chart)
    return drawing


def _bars_chart(labels: list[str], values: list[int]) -> Drawing:
    height = (5.5 * len(labels) + 5) * mm
    drawing = Drawing(WIDTH, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 75 * mm, 3 * mm
    chart.width, chart.height = WIDTH - 90 * mm, height - 6 * mm
    chart.data = [list(reversed(values)) or [0]]
    chart.categoryAxis.categoryNames = [  # the label column is 75 mm wide
        label if len(label) <= 52 else label[:51] + "…" for label in reversed(labels)]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.visible = False
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(max(values, default=0), 1)
    chart.bars[0].fillColor = BAR
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 8
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def render_report_pdf(report: VisitReport, *, site_name: str,
                      titles: Mapping[str, str] | None = None) -> bytes:
    """The report's PDF bytes (A4, fonts embedded)."""
    _fonts()
    title = ParagraphStyle("title", fontName=FONT_BOLD, fontSize=16, leading=20, spaceAfter=4)
    heading = ParagraphStyle("heading", fontName=FONT_BOLD, fontSize=11, leading=14,
                             spaceBefore=8, spaceAfter=2)
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13)
    story: list[Flowable] = [
        Paragraph(f"Activité du point numérique — {site_name}", title),
        Paragraph(f"Du {_fr(report.first_day)} au {_fr(report.last_day)} : {report.total} "
                  f"visite(s), durée moyenne {report.mean_minutes:.0f} min ; "
                  f"{report.calls} appel(s) d'un médiateur, attente moyenne "
                  f"{report.mean_wait_minutes:.0f} min. Aucune donnée personnelle.", body),
        Spacer(1, 4 * mm),
        KeepTogether([Paragraph(SECTIONS_FR["day"], heading), _by_day_chart(report.by_day)]),
    ]
    for section, counts in sections(report).items():
        if section == "day":
            continue
        labels = [label_fr(section, key, titles) for key in counts]
        story.append(KeepTogether([Paragraph(SECTIONS_FR[section], heading),
                                   _bars_chart(labels, list(counts.values()))]))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                                 topMargin=16 * mm, bottomMargin=16 * mm,
                                 title="Rapport d'activité", author=PRODUCT)
    document.build(story)
    return buffer.getvalue()
