"""The receipt once more, below the French, in the citizen's language: a translation with no
legal value.

The French text above it is the one that binds; the translation repeats the same blocks, in
the same order, through the core's translations (``kiosk.i18n_texts``), and says in both
languages that it has no legal value. Dates written in French words become numbers
(« 30/11/2026 11:17 »); references, plates and amounts stay as printed.

Arabic is drawn right to left: each paragraph is cut into lines in reading order, then each
line is shaped (letters joined) and put in visual order before ReportLab draws it, right
aligned. ReportLab alone cannot do either for Arabic.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any
from xml.sax.saxutils import escape

from kiosk.checklist import Checklist
from kiosk.i18n_texts import LRI, PDI, RIGHT_TO_LEFT, SOURCE_LANGUAGE, translate
from kiosk.receipts.model import Line, Receipt
from kiosk.receipts.wording import Block, blocks

TITLE = "Traduction du reçu"
NOTICE = "Cette traduction n’a aucune valeur juridique. Seul le texte en français au-dessus fait foi."

_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre")
_DAYS = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) "
_SPACE = r"[ \u00a0\u202f]"
_DATE_WORDS = re.compile(rf"(?:{_DAYS})?(1er|\d{{1,2}}) ({'|'.join(_MONTHS)}) (\d{{4}})"
                         rf"(?: à (\d{{1,2}}){_SPACE}h{_SPACE}(\d{{2}}))?")


def numeric_dates(text: str) -> str:
    """« lundi 30 novembre 2026 à 11 h 17 » → « 30/11/2026 11:17 », « 1er mars 2026 » → « 01/03/2026 »."""

    def numbers(match: re.Match[str]) -> str:
        day, month, year, hour, minute = match.groups()
        written = f"{int(day.removesuffix('er')):02d}/{_MONTHS.index(month) + 1:02d}/{year}"
        return f"{written} {int(hour):02d}:{minute}" if hour else written

    return _DATE_WORDS.sub(numbers, text)


def _translator(language: str) -> Callable[[str], str]:
    def say(text: str) -> str:
        return numeric_dates(translate(text, language)) if text else text

    return say


def _line(line: Line, say: Callable[[str], str]) -> Line:
    return Line(say(line.label), say(line.value), say(line.note))


def translated_blocks(receipt: Receipt, language: str, full: bool = True) -> list[Block]:
    """The receipt's blocks in ``language`` (``full`` as for the French: False on the roll),
    after a heading and the no-legal-value notice; nothing for French. The QR code and the
    technical last line are not repeated."""
    if language == SOURCE_LANGUAGE:
        return []
    say = _translator(language)
    result = [Block("heading", say(TITLE)), Block("small", say(NOTICE)),
              Block("small", NOTICE)]
    french = blocks(receipt, full)
    for block in french[:-1]:
        if block.kind == "reference":
            result.append(Block("pairs", lines=tuple(_line(line, say) for line in block.lines)))
        elif block.kind == "title":
            result.append(Block("heading", say(block.text)))
        else:
            result.append(Block(block.kind, say(block.text),
                                tuple(_line(line, say) for line in block.lines),
                                tuple(say(item) for item in block.items)))
    return result


_LATIN = "0-9A-Za-zÀ-ÖØ-öø-ÿœŒ•€"
_LATIN_RUN = re.compile(rf"[{_LATIN}](?:[{_LATIN} .,:/'@+—-]*[{_LATIN}])?")
LRE, PDF = "\u202a", "\u202c"


def escpos_translation(receipt: Receipt, full: bool = True) -> list[Block]:
    """The translation a ticket printer prints in its own font: none for Arabic, which such
    printers cannot draw (the citizen asks for the A4 receipt, or the PDF output)."""
    return [] if receipt.language in RIGHT_TO_LEFT else translated_blocks(receipt, receipt.language, full)


def visual_lines(text: str, fits: Callable[[str], bool]) -> list[str]:
    """``text`` (Arabic) cut into lines that ``fits`` accepts, each shaped and in visual order.
    Runs in Latin script (« 8001-K01 », « ••••832 », a name) are embedded left to right first."""
    import arabic_reshaper  # imported when an Arabic receipt is drawn
    from bidi.algorithm import get_display

    plain = _LATIN_RUN.sub(lambda m: f"{LRE}{m.group(0)}{PDF}", text.replace(LRI, "").replace(PDI, ""))
    lines: list[str] = []
    for paragraph in plain.split("\n"):
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}".strip()
            shown = candidate.replace(LRE, "").replace(PDF, "")
            if current and not fits(arabic_reshaper.reshape(shown)):
                lines.append(current)
                candidate = word
            current = candidate
        if current:
            lines.append(current)
    balanced, inside = [], False
    for line in lines:  # a left-to-right run cut by the end of a line goes on in the next one
        opened = (LRE if inside else "") + line
        inside = opened.rfind(LRE) > opened.rfind(PDF)
        balanced.append(opened + (PDF if inside else ""))
    return [get_display(arabic_reshaper.reshape(line), base_dir="R").replace(LRE, "").replace(PDF, "")
            for line in balanced]


def translated_story(receipt: Receipt, language: str, styles: Any, width: float,
                     flowables: Callable[[Block], Sequence[Any]], full: bool = True) -> list[Any]:
    """What ``render`` adds below the French: ``flowables`` lays out a block as the French
    ones are; Arabic blocks are drawn right to left here."""
    return lay_out(translated_blocks(receipt, language, full), language, styles, width, flowables)


LIST_TITLE = "Traduction de la liste"
LIST_HEADING = "Ce qu'il vous faut"
LIST_SITUATION = "Pour votre situation"
LIST_BRING = "À avoir avec vous"
LIST_OPTIONAL = " (facultatif)"
LIST_WITHOUT = "Si vous ne l'avez pas : {0}"
LIST_DEADLINES = "Délais à respecter"
LIST_DURATION = "La démarche prend environ {0} minutes au point numérique. Revenez avec cette liste."


def checklist_blocks(checklist: Checklist, language: str) -> list[Block]:
    """The printed checklist (``checklist_pdf``) once more in ``language``; nothing for French."""
    if language == SOURCE_LANGUAGE:
        return []
    say = _translator(language)
    result = [Block("heading", say(LIST_TITLE)), Block("title", say(LIST_HEADING)),
              Block("text", say(checklist.procedure_title))]
    if checklist.situation:
        result += [Block("heading", say(LIST_SITUATION)),
                   Block("bullets", items=tuple(f"{say(q)} : {say(a)}" for q, a in checklist.situation))]
    result.append(Block("heading", say(LIST_BRING)))
    for item in checklist.items:
        title = "☐ " + say(item.title) + (say(LIST_OPTIONAL) if item.optional else "")
        result += [Block("text", title),
                   Block("bullets", items=(say(LIST_WITHOUT.format(item.if_missing)),))]
    for heading, lines in checklist.payment.sentences():
        result += [Block("heading", say(heading)), Block("bullets", items=tuple(say(x) for x in lines))]
    if checklist.deadlines:
        result += [Block("heading", say(LIST_DEADLINES)),
                   Block("bullets", items=tuple(say(x) for x in checklist.deadlines))]
    result.append(Block("small", say(LIST_DURATION.format(checklist.duration_minutes))))
    return result


def lay_out(translated: list[Block], language: str, styles: Any, width: float,
            flowables: Callable[[Block], Sequence[Any]]) -> list[Any]:
    """Translated blocks as flowables: like the French ones, or right to left for Arabic."""
    if language not in RIGHT_TO_LEFT:
        return [flowable for block in translated for flowable in flowables(block)]
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph

    def paragraph(text: str, base: Any) -> Paragraph:
        style = ParagraphStyle(f"rtl-{base.name}", parent=base, alignment=TA_RIGHT)
        size = style.fontSize
        lines = visual_lines(text, lambda line: stringWidth(line, style.fontName, size) <= width * 0.97)
        return Paragraph("<br/>".join(escape(line) for line in lines), style)

    story: list[Any] = []
    for block in translated:
        if block.text == NOTICE:  # the French line stays French, left to right
            story += flowables(block)
        elif block.kind in ("title", "heading"):
            story.append(paragraph(block.text, styles.heading))
        elif block.kind == "pairs":
            for line in block.lines:
                story.append(paragraph(line.label, styles.label))
                story.append(paragraph(" — ".join(p for p in (line.value, line.note) if p),
                                       styles.value))
        elif block.kind == "bullets":
            story += [paragraph(f"• {item}", styles.body) for item in block.items]
        else:
            story.append(paragraph(block.text, styles.small if block.kind == "small" else styles.body))
    return story
