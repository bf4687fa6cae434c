"""Receipts as PDF: A4 sheets and 80 mm thermal rolls, fonts embedded.

The same story (list of flowables) is laid out on both papers; only sizes
change. Text is large and black for elderly readers. The thermal page is as
long as its content, so the printer cuts right after the last line.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Literal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kiosk import PRODUCT
from kiosk.receipts import french
from kiosk.receipts.model import Line, Receipt
from kiosk.receipts.qr import QrFlowable
from kiosk.receipts.translated import translated_story
from kiosk.receipts.wording import Block, blocks
from resources import resource_path

Format = Literal["a4", "thermal"]
FORMATS: tuple[Format, ...] = ("a4", "thermal")

FONT = "ReceiptSans"
FONT_BOLD = "ReceiptSans-Bold"
A4_SIZE = (210 * mm, 297 * mm)
THERMAL_WIDTH = 80 * mm
THERMAL_PRINTABLE = 72 * mm


@dataclass(frozen=True)
class Layout:
    """Sizes (points) for one paper."""

    page_width: float
    margin_x: float
    margin_y: float
    body: float
    title: float
    heading: float
    reference: float
    small: float
    qr: float
    roll: bool  # one page fitted to content, stacked labels, no shading


LAYOUTS: dict[Format, Layout] = {
    "a4": Layout(A4_SIZE[0], 16 * mm, 13 * mm, 12, 20, 14, 18, 10, 32 * mm, False),
    "thermal": Layout(
        THERMAL_WIDTH, (THERMAL_WIDTH - THERMAL_PRINTABLE) / 2, 4 * mm,
        10, 14, 11, 13, 8.5, 24 * mm, True,
    ),
}


@dataclass(frozen=True)
class RenderedReceipt:
    """The PDF bytes and the page size, which ``lp`` needs for a roll."""

    pdf: bytes
    width_mm: float
    height_mm: float
    pages: int


def _register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(resource_path("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource_path("fonts", "DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


def _style(commands: list[tuple[object, ...]]) -> TableStyle:
    """Table commands plus the embedded font (tables default to Helvetica otherwise)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), *commands])


class _Styles:
    def __init__(self, layout: Layout) -> None:
        def style(name: str, size: float, bold: bool = False, **extra: object) -> ParagraphStyle:
            return ParagraphStyle(
                name, fontName=FONT_BOLD if bold else FONT, fontSize=size,
                leading=round(size * 1.3, 1), textColor=colors.black, bulletFontName=FONT,
                **extra,
            )

        self.title = style("title", layout.title, bold=True, spaceAfter=layout.body * 0.4)
        self.intro = style("intro", layout.body, spaceAfter=layout.body * 0.6)
        self.heading = style(
            "heading", layout.heading, bold=True, spaceBefore=layout.body * 0.7,
            spaceAfter=layout.body * 0.3, keepWithNext=1,
        )
        self.body = style("body", layout.body)
        self.value = style("value", layout.body)
        self.label = style("label", layout.small if layout.roll else layout.body)
        self.bullet = style("bullet", layout.body, leftIndent=layout.body, bulletIndent=0,
                            spaceAfter=layout.body * 0.15)
        self.reference_label = style("ref-label", layout.body, alignment=TA_CENTER)
        self.reference = style("ref", layout.reference, bold=True, alignment=TA_CENTER)
        self.small = style("small", layout.small, spaceBefore=layout.small * 0.5)
        self.caption = style("caption", layout.small, alignment=TA_CENTER)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text: escaped, with French non-breaking spaces."""
    return Paragraph(escape(french.typography(text)), style)


def _value(line: Line, styles: _Styles) -> Paragraph:
    """The value in bold, its note (if any) in plain text below."""
    text = f"<b>{escape(french.typography(line.value))}</b>"
    if line.note:
        text += f"<br/>{escape(french.typography(line.note))}"
    return Paragraph(text, styles.value)


def _pairs(lines: tuple[Line, ...], styles: _Styles, width: float,
           stacked: bool) -> list[Flowable]:
    """Label/value lines: side by side on a wide page, stacked in a narrow column."""
    if stacked:
        flowables: list[Flowable] = []
        for line in lines:
            flowables += [_p(line.label, styles.label), _value(line, styles), Spacer(1, 2)]
        return flowables
    rows = [[_p(line.label, styles.label), _value(line, styles)] for line in lines]
    table = Table(rows, colWidths=[width * 0.34, width * 0.66], hAlign="LEFT")
    table.setStyle(_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#808080")),
    ]))
    return [table]


def _reference(block: Block, layout: Layout, styles: _Styles) -> list[Flowable]:
    """Reference (and dossier number) framed, with its QR code: the first thing one sees.

    On A4 the QR code stands beside the box; on the narrow roll, below it.
    """
    width = layout.page_width - 2 * layout.margin_x
    qr_column = 0.0 if layout.roll else layout.qr + 8 * mm
    rows: list[list[Flowable]] = []
    for line in block.lines:
        rows += [[_p(line.label, styles.reference_label)], [_p(line.value, styles.reference)]]
    box = Table(rows, colWidths=[width - qr_column])
    commands = [
        ("BOX", (0, 0), (-1, -1), 1.5, colors.black),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if not layout.roll:
        commands.append(("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#EDEDED")))
    box.setStyle(_style(commands))
    qr = [QrFlowable(block.items[0], layout.qr), _p(block.text, styles.caption)]
    if layout.roll:  # the reference is printed just above: no caption under the code
        return [box, Spacer(1, layout.body * 0.4), _centered(qr[0], width)]
    side = Table([[box, qr]], colWidths=[width - qr_column, qr_column])
    side.setStyle(_style([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 0), (1, 0), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return [side]


def _bullets(items: tuple[str, ...], styles: _Styles) -> list[Flowable]:
    return [Paragraph(escape(french.typography(item)), styles.bullet, bulletText="•")
            for item in items]


def _flowables(block: Block, layout: Layout, styles: _Styles, width: float,
               narrow: bool) -> list[Flowable]:
    """One wording block laid out in a column of ``width`` points."""
    if block.kind == "reference":
        return _reference(block, layout, styles)
    if block.kind == "pairs":
        return _pairs(block.lines, styles, width, stacked=narrow)
    if block.kind == "bullets":
        return _bullets(block.items, styles)
    style = {"title": styles.title, "intro": styles.intro, "heading": styles.heading,
             "text": styles.body, "small": styles.small}[block.kind]
    return [_p(block.text, style)]


def _story(receipt: Receipt, layout: Layout, full: bool) -> list[Flowable]:
    styles = _Styles(layout)
    width = layout.page_width - 2 * layout.margin_x
    story = [flowable for block in blocks(receipt, full)
             for flowable in _flowables(block, layout, styles, width, narrow=layout.roll)]
    return story + translated_story(
        receipt, receipt.language, styles, width,
        lambda block: _flowables(block, layout, styles, width, narrow=layout.roll), full)


def _centered(flowable: Flowable, width: float) -> Table:
    table = Table([[flowable]], colWidths=[width])
    table.setStyle(_style([("ALIGN", (0, 0), (-1, -1), "CENTER"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _story_height(story: list[Flowable], width: float) -> float:
    """Height the story takes in one frame of ``width`` (spaces counted generously)."""
    canvas = Canvas(io.BytesIO())
    total = 0.0
    for flowable in story:
        _, height = flowable.wrapOn(canvas, width, 10_000)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def _build(story: list[Flowable], size: tuple[float, float], layout: Layout,
           receipt: Receipt) -> tuple[bytes, int]:
    """Lay out ``story``; A4 pages carry the reference and page number at the bottom."""
    return _build_document(story, size, layout, f"{receipt.title} {receipt.local_reference}")


def _build_document(story: list[Flowable], size: tuple[float, float], layout: Layout,
                    title: str) -> tuple[bytes, int]:
    """Lay out ``story``; A4 pages carry ``title`` and the page number at the bottom."""
    buffer = io.BytesIO()
    pages = 0

    def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        nonlocal pages
        pages += 1
        if not layout.roll:
            canvas.setFont(FONT, layout.small)
            canvas.drawRightString(size[0] - layout.margin_x, layout.margin_y / 2,
                                   f"{title} — page {pages}")

    frame = Frame(layout.margin_x, layout.margin_y, size[0] - 2 * layout.margin_x,
                  size[1] - 2 * layout.margin_y, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0, id="body")
    doc = BaseDocTemplate(buffer, pagesize=size, title=title,
                          author=PRODUCT, creator=PRODUCT, lang="fr-FR", invariant=True,
                          initialFontName=FONT, initialFontSize=layout.body)
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=on_page)])
    doc.build(story)
    return buffer.getvalue(), pages


def render_receipt(receipt: Receipt, fmt: Format, full: bool | None = None) -> RenderedReceipt:
    """Lay the receipt out on ``fmt`` paper; a roll gets one page fitted to its content.
    ``full``: every detail (the default on A4), else the essentials (the default on a roll)."""
    if fmt not in LAYOUTS:
        raise ValueError(f"unknown receipt format {fmt!r}, expected one of {FORMATS}")
    _register_fonts()
    layout = LAYOUTS[fmt]
    full = fmt == "a4" if full is None else full
    if fmt == "a4":
        pdf, pages = _build(_story(receipt, layout, full), A4_SIZE, layout, receipt)
        return RenderedReceipt(pdf, 210.0, 297.0, pages)
    width = layout.page_width - 2 * layout.margin_x
    story = _story(receipt, layout, full)  # measured, then laid out: built once
    height = _story_height(story, width) + 2 * layout.margin_y
    while True:
        pdf, pages = _build(story, (layout.page_width, height), layout, receipt)
        if pages == 1:
            return RenderedReceipt(pdf, layout.page_width / mm, height / mm, pages)
        height *= 1.1
        story = _story(receipt, layout, full)


def render_pdf(receipt: Receipt, fmt: Format, full: bool | None = None) -> bytes:
    """The receipt as PDF bytes (see ``render_receipt`` for the page size)."""
    return render_receipt(receipt, fmt, full).pdf
