"""The mandate, printed ready to sign: two copies, one for each person, with its hash.

The text comes from ``kiosk.representative.mandate_text``; each copy prints the
SHA-256 of its canonical text, so the signed copy scanned back can be matched
to what the kiosk printed. :func:`render_sheet` lays out such a sheet (the
mandate, « Où en est ma demande ? ») on the kiosk's paper: A4 pages, or the
80 mm roll cut at the end of each copy; :func:`print_sheet` prints it, or saves
it in the PDF folder when the site prints to files.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from kiosk import PRODUCT
from kiosk.config import KioskConfig
from kiosk.receipts import french
from kiosk.receipts.errors import PrintError
from kiosk.receipts.printing import print_pdf, save_pdf
from kiosk.receipts.render import (
    A4_SIZE,
    FONT,
    FONT_BOLD,
    THERMAL_WIDTH,
    Format,
    _register_fonts,
    _story_height,
)
from kiosk.representative import MandateText

COPIES = ("Exemplaire de la personne qui donne le mandat",
          "Exemplaire de la personne qui reçoit le mandat")


def styles(fmt: Format = "a4") -> dict[str, ParagraphStyle]:
    """Large black text for elderly readers, in the receipts' embedded font."""
    _register_fonts()
    scale = 1.0 if fmt == "a4" else 0.8

    def style(name: str, size: float, bold: bool = False, **extra: object) -> ParagraphStyle:
        size *= scale
        return ParagraphStyle(name, fontName=FONT_BOLD if bold else FONT, fontSize=size,
                              leading=round(size * 1.35, 1), textColor=colors.black, **extra)

    return {"copy": style("copy", 11, spaceAfter=6), "title": style("title", 18, True, spaceAfter=10),
            "body": style("body", 13, spaceAfter=9), "heading": style("heading", 14, True, spaceBefore=8,
                                                                      spaceAfter=6),
            "small": style("small", 9.5, spaceBefore=4)}


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(french.typography(text)), style)


def short_hash(sha256_hex: str) -> str:
    """The first 16 hex digits in groups of four: read aloud and compared by eye."""
    return " ".join(sha256_hex[i:i + 4] for i in range(0, 16, 4))


def _signatures(mandate: MandateText, width: float, style: ParagraphStyle, roll: bool) -> Table:
    """A box to sign for each person: side by side on A4, one under the other on a roll."""
    labels = [[paragraph(f"Signature de {mandate.person}", style),
               paragraph("(qui donne le mandat)", style)],
              [paragraph(f"Signature de {mandate.agent}", style),
               paragraph("(qui reçoit le mandat)", style)]]
    if roll:
        cells = [[labels[0]], [""], [labels[1]], [""]]
        table = Table(cells, colWidths=[width], rowHeights=[None, 28 * mm, None, 28 * mm])
        boxes = [("BOX", (0, 1), (0, 1), 1, colors.black), ("BOX", (0, 3), (0, 3), 1, colors.black)]
    else:
        table = Table([labels, ["", ""]], colWidths=[width / 2] * 2, rowHeights=[None, 32 * mm])
        boxes = [("BOX", (0, 1), (0, 1), 1, colors.black), ("BOX", (1, 1), (1, 1), 1, colors.black)]
    table.setStyle(TableStyle([*boxes, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("FONTNAME", (0, 0), (-1, -1), FONT)]))
    return table


def render_sheet(make_copies: Callable[[], list[list[Flowable]]], fmt: Format, title: str) -> bytes:
    """Each copy on its own A4 page(s), or on its own length of roll, cut after each: the
    roll is as long as the longest copy, measured, then lengthened until each fits whole."""
    margin = 18 * mm if fmt == "a4" else 4 * mm
    width = (A4_SIZE[0] if fmt == "a4" else THERMAL_WIDTH) - 2 * margin - 12  # frame padding
    copies = make_copies()
    height = A4_SIZE[1] if fmt == "a4" else (
        max(_story_height(copy, width) for copy in copies) + 2 * margin + 12)
    while True:
        buffer = io.BytesIO()
        pages = 0

        def count(_canvas: object, _doc: object) -> None:
            nonlocal pages
            pages += 1

        story: list[Flowable] = []
        for number, copy in enumerate(copies):
            story += ([PageBreak()] if number else []) + copy
        size = A4_SIZE if fmt == "a4" else (THERMAL_WIDTH, height)
        doc = SimpleDocTemplate(buffer, pagesize=size, leftMargin=margin, rightMargin=margin,
                                topMargin=margin, bottomMargin=margin, title=title,
                                author=PRODUCT, creator=PRODUCT, lang="fr-FR", invariant=True)
        doc.build(story, onFirstPage=count, onLaterPages=count)
        if fmt == "a4" or pages <= len(copies):
            return buffer.getvalue()
        height *= 1.1
        copies = make_copies()


def render_mandate(mandate: MandateText, fmt: Format = "a4") -> bytes:
    """The same mandate twice, one copy for each person."""
    return render_sheet(lambda: _mandate_copies(mandate, fmt), fmt, mandate.title)


def _mandate_copies(mandate: MandateText, fmt: Format) -> list[list[Flowable]]:
    sheet = styles(fmt)
    width = (A4_SIZE[0] - 36 * mm) if fmt == "a4" else THERMAL_WIDTH - 8 * mm - 12
    copies = []
    for number, copy in enumerate(COPIES):
        story: list[Flowable] = [
            paragraph(f"{copy} — {number + 1} sur {len(COPIES)}", sheet["copy"]),
            paragraph(mandate.title, sheet["title"])]
        story += [paragraph(text, sheet["body"]) for text in mandate.paragraphs]
        story += [Spacer(1, 6 * mm), _signatures(mandate, width, sheet["body"], fmt != "a4"),
                  Spacer(1, 8 * mm),
                  paragraph(f"Empreinte du mandat : {short_hash(mandate.sha256)}", sheet["heading"]),
                  paragraph("Cette empreinte identifie le texte exact de ce mandat. "
                            f"Empreinte complète (SHA-256) : {mandate.sha256}", sheet["small"]),
                  paragraph("Signez tous les deux les deux exemplaires. Chacun garde le sien. "
                            "Un exemplaire signé est ensuite numérisé à la borne.", sheet["small"])]
        copies.append(story)
    return copies


def paper(config: KioskConfig) -> Format:
    return "a4" if config.printer_format == "a4" else "thermal"


def print_sheet(pdf: bytes, config: KioskConfig, name: str) -> None:
    """A sheet laid out for ``paper(config)`` to the kiosk's printer (or its PDF folder);
    ``PrintError`` in French."""
    if config.printer_pdf_dir is not None:
        save_pdf(pdf, config.printer_pdf_dir, name)
    elif config.escpos_device:
        raise PrintError("escpos", "Cette imprimante de tickets ne sait imprimer que les reçus. "
                                   "Demandez au médiateur de l’imprimer sur une autre imprimante.")
    else:
        print_pdf(pdf, config, media="A4" if paper(config) == "a4" else None)


SheetPrinter = Callable[[bytes, str], None]
"""(PDF, file name) -> None: ``print_sheet`` bound to the configuration (tests record it)."""


def print_mandate(mandate: MandateText, fmt: Format, printer: SheetPrinter) -> None:
    """Lay the mandate out and print it (runs on a pool thread)."""
    printer(render_mandate(mandate, fmt), f"mandat-{mandate.sha256[:12]}.pdf")
