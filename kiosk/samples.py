"""Realistic made-up answers and documents, to walk any procedure without a person.

The demo seeds its queue with them, and tests walk every branch of every
procedure with them. Answers are generated from each field's validator kind,
so a new procedure file needs no new code here. All people are fictitious.
"""

from __future__ import annotations

import io
import random
import struct
import zlib
from collections.abc import Mapping
from datetime import date, timedelta

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from kiosk.procedures import DocumentSpec, Field
from kiosk.session import ProcedureSession

SURNAMES = ("Martin", "Bernard", "Lefèvre", "N'Diaye", "Moreau", "Da Silva", "Lemaître",
            "Nguyen", "Garnier-Roux", "Benali", "Müller", "Œuvray")
FIRST_NAMES = ("Marie", "Jean-Pierre", "Élodie", "Mohamed", "Françoise", "Loïc", "Hélène",
               "Aïcha", "René", "Zoé", "Gaëtan", "Thi Lan")
PLACES = (("75004", "Paris", "75104"), ("13001", "Marseille", "13201"),
          ("69003", "Lyon", "69383"), ("59000", "Lille", "59350"),
          ("20000", "Ajaccio", "2A004"), ("97400", "Saint-Denis", "97411"),
          ("33000", "Bordeaux", "33063"), ("87000", "Limoges", "87085"))
STREETS = ("12 rue de la République", "3 bis avenue Jean-Jaurès", "45 place du Marché",
           "7 chemin des Vignes", "101 boulevard Victor-Hugo")
_PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTVWXYZ"
_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def _letters(rng: random.Random, count: int) -> str:
    while True:
        text = "".join(rng.choice(_PLATE_LETTERS) for _ in range(count))
        if text != "SS" and text != "WW":
            return text


def _digits(rng: random.Random, count: int) -> str:
    return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(count - 1))


def _date(fld: Field, rng: random.Random, today: date) -> date:
    options = fld.options
    if options.get("not_past"):
        return today + timedelta(days=rng.randint(10, 60))
    if "max_days_ago" in options:
        return today - timedelta(days=rng.randint(1, max(1, int(options["max_days_ago"]) - 1)))
    low = int(options.get("min_years_ago", 0))
    high = int(options.get("max_years_ago", max(low + 1, 3)))
    if low and "max_years_ago" not in options:
        high = max(low + 1, 85)
    days = rng.randint(low * 366 + 2, max(low * 366 + 3, high * 365 - 2))
    return today - timedelta(days=days)


def sample_answer(
    fld: Field, rng: random.Random, today: date, place: tuple[str, str, str] | None = None
) -> str:
    """A plausible answer the field's validator accepts; ``place`` keeps an address coherent."""
    if fld.must_equal is not None:
        return fld.must_equal
    if fld.type == "yes_no":
        return rng.choice(("oui", "non"))
    if fld.type == "choice":
        return rng.choice(fld.choices).value
    postal, commune, insee = place or rng.choice(PLACES)
    kind = fld.check or "text"
    if kind == "date":
        return _date(fld, rng, today).strftime("%d/%m/%Y")
    if kind == "name":
        if "commune" in fld.id or "ville" in fld.id or "lieu" in fld.id:
            return commune
        return rng.choice(FIRST_NAMES if "prenom" in fld.id else SURNAMES)
    if kind == "digits":
        return _digits(rng, int(fld.options.get("length", 8)))
    generated = {
        "plate": lambda: f"{_letters(rng, 2)}-{_digits(rng, 3)}-{_letters(rng, 2)}",
        "vin": lambda: "VF1" + "".join(rng.choice(_VIN_CHARS) for _ in range(14)),
        "formule_number": lambda: f"{rng.randint(2010, today.year - 1)}"
        f"{_letters(rng, 2)}{_digits(rng, 5)}",
        "neph": lambda: _digits(rng, 12),
        "ephoto_code": lambda: "".join(rng.choice(_ALNUM) for _ in range(22)),
        "timbre_fiscal": lambda: _digits(rng, 16),
        "postal_code": lambda: postal,
        "insee_code": lambda: insee,
        "email": lambda: f"{rng.choice(('marie', 'jp', 'contact'))}.{rng.randint(1, 99)}@exemple.fr",
        "phone": lambda: f"06 {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)} {rng.randint(10, 99)}",
        "code_cession": lambda: "".join(rng.choice(_ALNUM) for _ in range(12)),
        "street": lambda: rng.choice(STREETS),
        "time": lambda: f"{rng.randint(8, 19):02d}:{rng.choice((0, 15, 30, 45)):02d}",
        "text": lambda: rng.choice(("Pays-Bas", "Maroc", "Canada", "Voir avec le médiateur")),
    }
    return generated[kind]()


def fill_session(
    session: ProcedureSession,
    rng: random.Random,
    forced: Mapping[str, str] | None = None,
    *,
    with_documents: bool = True,
) -> None:
    """Answer every visible question not yet answered, then attach the documents asked for."""
    forced = forced or {}
    place = rng.choice(PLACES)
    while True:
        asked: set[str] = set()
        # An answer can reveal a further question in the same step: loop until none is new.
        while pending := [f for f in session.fields() if f.id not in asked]:
            for fld in pending:
                asked.add(fld.id)
                if fld.id in session.answers and fld.id not in forced:
                    continue
                if fld.id in forced:
                    session.set_answer(fld.id, forced[fld.id])
                elif fld.required or rng.random() < 0.5:
                    session.set_answer(fld.id, sample_answer(fld, rng, session.today(), place))
        if not session.next():
            if session.step_errors():
                raise AssertionError(f"step {session.current.id} refused: {session.step_errors()}")
            break
    if with_documents:
        for spec in session.required_documents():
            filename, data = sample_document(spec, rng)
            session.attach(session.check_document(spec.kind, filename, data))


def sample_document(spec: DocumentSpec, rng: random.Random) -> tuple[str, bytes]:
    """A small real file of an accepted format, as a scanner would leave it."""
    if "pdf" in spec.formats:
        return f"{spec.kind}.pdf", _pdf(spec.title, rng)
    return f"{spec.kind}.png", _png(rng)


def _pdf(title: str, rng: random.Random) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    page.setFont("Helvetica-Bold", 18)
    page.drawString(60, 780, "DOCUMENT DE DÉMONSTRATION")
    page.setFont("Helvetica", 12)
    page.drawString(60, 750, title[:90])
    page.drawString(60, 730, f"Pièce fictive n° {rng.randint(100000, 999999)}")
    page.showPage()
    page.save()
    return buffer.getvalue()


def _png(rng: random.Random, width: int = 64, height: int = 48) -> bytes:
    shade = rng.randint(150, 230)
    rows = b"".join(b"\x00" + bytes((shade, shade, shade)) * width for _ in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))
