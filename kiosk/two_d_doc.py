"""The 2D-Doc of a proof of address: the holder's name, the address and the date, read off the scan.

Most French proofs of address (energy, water and telephone bills, tax notices)
carry a 2D-Doc, the signed DataMatrix (or QR code) defined by ANTS. Read from
the scan, it spares a mediator typing the name, the street, the postal code,
the commune and the document's date: the kiosk offers them as answers, which
the person checks on their question page (``kiosk.prefill``). The signature is
not verified: nothing is decided on these values that the person does not see
and confirm.

Format (ANTS, « Spécifications techniques des codes à barres 2D-Doc », as
transcribed in the ``tddoc`` library's tables, v3.3.8 of the specification,
and cross-checked with the lib2ddoc project's description of the header and
the message zone):

- header, C40 text: ``DC``, version (2 digits), certification authority (4),
  certificate (4), emission date and signature date (4 hex digits each: days
  since 1 January 2000, ``FFFF`` for none), document type (2); from version 03
  the perimeter (2), from version 04 the issuing country (2);
- message: data ids of 2 characters, each followed by its value; a variable
  length value ends with GS (0x1D); then US (0x1F) and the signature;
- document types ``00``, ``01``, ``02`` of perimeter 01: « Justificatif de
  domicile » (specific, bill, housing tax notice);
- ids of a bill: ``12``/``13`` first name / surname of the person the service
  is for (``16``/``17``: of the person billed), ``20``–``23`` lines 2 to 5 of
  the postal address of the place served (NF Z10-011: line 4 is the number and
  street), ``24`` its postal code, ``25`` its commune (``27``–``2C``: the
  address the bill is sent to).

``tddoc`` (0.3.0) walks the header and the message with the specification's
table of ids (the length of each fixed-length id is needed to find where the
next one starts); its whole-document reader is not used because it decodes
only P-256 signatures. Its reader strips the leading zeros of a fixed-length
number (postal code ``01000`` read as ``1000``): they are put back here.

zxing-cpp finds and decodes the DataMatrix or QR code in the page, in a child
process: its extension beside PySide6 in one process could abort the
interpreter at exit (seen in the receipt tests), and a crash on a hostile file
then costs one reading, not the kiosk. The child is kept between pages
(``kiosk.code_reader``): starting one for each page was most of the wait.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, fields
from datetime import date

from PIL import Image
from tddoc.header import Header
from tddoc.message import C40Message

from kiosk.code_reader import READER, CodeReaderFailed
from kiosk.scan_quality import MAX_PIXELS, Unreadable, pdf_first_page

log = logging.getLogger(__name__)

PROOF_OF_ADDRESS_TYPES = frozenset({"00", "01", "02"})
"""Document types of perimeter 01 that are a « Justificatif de domicile »."""

US = "\x1f"
"""Ends the message, before the signature."""

PDF_LONG_SIDE = 3000
"""A PDF's first page is drawn this long (about 250 dpi for A4): a 2D-Doc's modules are
0.25 mm or more, so each is at least 2 pixels wide."""

IMAGE_LONG_SIDE = 4000
"""A larger scan is reduced to this first (a 600 dpi page): zxing needs no more."""

READ_TIMEOUT_S = 20.0


@dataclass(frozen=True)
class ProofFacts:
    """What a proof of address's 2D-Doc says; "" where it says nothing (or nothing usable)."""

    emission_date: date | None = None
    holder_surname: str = ""
    holder_given_names: str = ""
    street: str = ""
    address_complement: str = ""
    postal_code: str = ""
    commune: str = ""

    def value(self, fact: str) -> str:
        """The text of one fact named in a procedure's ``prefill`` (``FACTS``)."""
        return str(getattr(self, fact)) if fact in FACTS else ""


FACTS: frozenset[str] = frozenset(f.name for f in fields(ProofFacts)) - {"emission_date"}
"""The facts a procedure file may map to its questions (``prefill`` of a document)."""


def facts_from_text(text: str) -> ProofFacts | str:
    """The facts of a 2D-Doc's decoded text; else why it gives none (for the log: no values)."""
    if US not in text or not text.split(US, 1)[1]:
        return "no signature: not a whole 2D-Doc"
    try:
        header = Header.from_code(text)
        if header.mode != "c40":
            return "binary 2D-Doc"  # version 04 only: proofs of address are written in C40
        if header.perimeter_id != 1 or header.doc_type_id not in PROOF_OF_ADDRESS_TYPES:
            return f"2D-Doc of another kind of document (type {header.doc_type_id})"
        message = text[header.length:].split(US, 1)[0]
        values = {item.definition.id: item.value
                  for item in C40Message.from_code(header.perimeter_id, message).dataset}
    except (ValueError, KeyError, IndexError, AttributeError, TypeError) as exc:
        return f"2D-Doc not readable ({type(exc).__name__})"
    return _facts(header.emit_date, message, {k: v for k, v in values.items() if isinstance(v, str)})


def _facts(emitted: date | None, message: str, values: dict[str, str]) -> ProofFacts:
    """The person the service is for at the place served; else the person billed and where the
    bill goes. Names only from the ids that hold surname and first names apart: line 1 of the
    address (``10``, ``14``) gives them in one line, in an order no rule fixes."""
    served = any(values.get(i) for i in ("22", "24"))
    surname, given, lines, postal, commune = (
        ("13", "12", ("20", "21", "22"), "24", "25") if served
        else ("17", "16", ("27", "28", "29"), "2B", "2C"))
    if not values.get(surname) and served:  # the place served, the name of the person billed
        surname, given = "17", "16"
    code = values.get(postal, "").rjust(5, "0")  # the zeros tddoc strips, if the code has them
    if f"{postal}{code}" not in message:
        code = ""  # cut short, or not five digits
    return ProofFacts(
        emission_date=emitted,
        holder_surname=_clean(values.get(surname, "")),
        holder_given_names=_clean(values.get(given, "")),
        street=_clean(values.get(lines[2], "")),
        address_complement=", ".join(c for i in lines[:2] if (c := _clean(values.get(i, "")))),
        postal_code=code,
        commune=_clean(values.get(commune, "")),
    )


def _clean(text: str) -> str:
    return " ".join(text.split())


def codes_on_page(page: Image.Image) -> list[bytes]:
    """The contents of every DataMatrix and QR code zxing-cpp finds on the grey ``page``."""
    grey = page.convert("L")
    if max(grey.size) > IMAGE_LONG_SIDE:
        grey.thumbnail((IMAGE_LONG_SIDE, IMAGE_LONG_SIDE))
    return READER.codes(*grey.size, grey.tobytes(), READ_TIMEOUT_S)


def page_of(data: bytes | bytearray, fmt: str) -> Image.Image:
    """The scan's first page, grey, at a size fit for reading a code (``Unreadable`` if damaged;
    the scan checks draw it smaller)."""
    if fmt == "pdf":
        return pdf_first_page(bytes(data), PDF_LONG_SIDE, grey=True)
    try:
        with Image.open(io.BytesIO(bytes(data))) as image:
            if image.width * image.height > MAX_PIXELS:
                raise Unreadable()
            image.draft("L", (IMAGE_LONG_SIDE, IMAGE_LONG_SIDE))
            return image.convert("L")
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise Unreadable() from exc


def read_proof(data: bytes | bytearray, fmt: str) -> ProofFacts | None:
    """The facts of the first 2D-Doc of a proof of address on the scan; None when there is none,
    or it cannot be read. Never raises: a proof without a code is still a proof. One log line,
    without the values."""
    try:
        codes = codes_on_page(page_of(data, fmt))
    except (Unreadable, OSError, ValueError, CodeReaderFailed) as exc:
        log.info("2D-Doc: the page could not be searched (%s)", type(exc).__name__)
        return None
    reasons = []
    for code in codes:
        facts = facts_from_text(code.decode("latin-1"))
        if isinstance(facts, ProofFacts):
            log.info("2D-Doc of a proof of address read")
            return facts
        reasons.append(facts if code.startswith(b"DC") else "another code")
    log.info("2D-Doc: none read on the scan (%s)", "; ".join(reasons) or "no code found")
    return None
