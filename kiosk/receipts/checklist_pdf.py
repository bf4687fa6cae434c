"""The checklist printed to take home: what to bring and what to do without it.

Laid out like the receipts (same fonts and sizes), on the configured paper; no reference,
no personal data, no source reference: only what the person needs to come back ready.
"""

from __future__ import annotations

import time

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from kiosk.checklist import Checklist
from kiosk.config import KioskConfig
from kiosk.i18n_texts import shown_language
from kiosk.receipts.printing import print_pdf, save_pdf
from kiosk.receipts.render import (
    A4_SIZE,
    FONT_BOLD,
    LAYOUTS,
    Format,
    _build_document,
    _bullets,
    _flowables,
    _p,
    _register_fonts,
    _story_height,
    _Styles,
)
from kiosk.receipts.translated import checklist_blocks, lay_out


def _story(checklist: Checklist, fmt: Format) -> list[Flowable]:
    layout = LAYOUTS[fmt]
    styles = _Styles(layout)
    item_style = ParagraphStyle("item", parent=styles.body, fontName=FONT_BOLD,
                                spaceBefore=layout.body * 0.5)
    story: list[Flowable] = [_p("Ce qu'il vous faut", styles.title),
                             _p(checklist.procedure_title, styles.intro)]
    if checklist.situation:
        story.append(_p("Pour votre situation", styles.heading))
        story += _bullets(tuple(f"{q} : {a}" for q, a in checklist.situation), styles)
    story.append(_p("À avoir avec vous", styles.heading))
    for item in checklist.items:
        optional = " (facultatif)" if item.optional else ""
        story.append(_p(f"☐ {item.title}{optional}", item_style))
        story += _bullets((f"Si vous ne l'avez pas : {item.if_missing}",), styles)
    for heading, lines in checklist.payment.sentences():
        story.append(_p(heading, styles.heading))
        story += _bullets(tuple(lines), styles)
    if checklist.deadlines:
        story.append(_p("Délais à respecter", styles.heading))
        story += _bullets(checklist.deadlines, styles)
    story.append(_p(f"La démarche prend environ {checklist.duration_minutes} minutes au point "
                    "numérique. Revenez avec cette liste.", styles.small))
    width = layout.page_width - 2 * layout.margin_x  # then the same list in the citizen's language
    language = shown_language()
    return story + lay_out(checklist_blocks(checklist, language), language, styles, width,
                           lambda block: _flowables(block, layout, styles, width, narrow=layout.roll))


def render_checklist(checklist: Checklist, fmt: Format) -> tuple[bytes, float]:
    """The PDF and its height in mm (a roll is cut at its content)."""
    _register_fonts()
    layout = LAYOUTS[fmt]
    if fmt == "a4":
        pdf, _pages = _build_document(_story(checklist, fmt), A4_SIZE, layout, "Ce qu'il vous faut")
        return pdf, 297.0
    width = layout.page_width - 2 * layout.margin_x
    height = _story_height(_story(checklist, fmt), width) + 2 * layout.margin_y
    while True:
        pdf, pages = _build_document(_story(checklist, fmt), (layout.page_width, height), layout,
                                     "Ce qu'il vous faut")
        if pages == 1:
            return pdf, height / mm
        height *= 1.1


def print_checklist(checklist: Checklist, config: KioskConfig) -> None:
    """Print (or save, in demo) the checklist; raises PrintError like the receipts."""
    fmt: Format = "a4" if config.printer_format == "a4" else "thermal"
    pdf, height_mm = render_checklist(checklist, fmt)
    if config.printer_pdf_dir is not None:
        save_pdf(pdf, config.printer_pdf_dir, f"liste-{time.strftime('%Y%m%d-%H%M%S')}.pdf")
        return
    media = "A4" if fmt == "a4" else f"Custom.80x{height_mm:.0f}mm"
    print_pdf(pdf, config, media=media)
