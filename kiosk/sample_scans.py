"""Made-up scans that look like the real ones: a printed page drawn, then scanned badly or well.

The scan checks (``kiosk.scan_quality``) are set and measured on these, the
demo's scanner folder holds them, and the tests refuse and accept them. A
page is a made-up energy bill (a proof of address): a header, an address
block, paragraphs and a table in a common font, drawn at the scanner's
resolution. Good scans vary the resolution, the paper's tint, sensor noise,
a slight skew and JPEG compression; bad ones are blank, too dark, blurred
(the paper lifted off the glass) or shrunk until the print is lost. A proof of address of a made-up person
carries a 2D-Doc DataMatrix (``proof_of_address``), as most real bills do: the
demo's scanner folder holds one, the taps benchmark and the tests read it
(``kiosk.two_d_doc``).
"""

from __future__ import annotations

import base64
import io
import random
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from importlib import resources

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from kiosk.paris_time import in_paris
from kiosk.two_d_doc import ProofFacts

A4_INCHES = (8.27, 11.69)
_TEXT = ("consommation électricité période relevé compteur abonnement montant échéance "
         "prélèvement contrat référence client facture mensuelle taxes contribution tarif "
         "option base puissance souscrite index ancien nouveau total payer avant date "
         "service clients adresse logement occupant titulaire énergie kilowattheure")
_WORDS = tuple(_TEXT.split(" "))
_STREETS = ("rue des Lilas", "avenue Jean Jaurès", "place de la Mairie", "chemin du Moulin")
_TOWNS = ("75011 PARIS", "69003 LYON", "13005 MARSEILLE", "59000 LILLE")


def _font(points: float, dpi: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    path = resources.files("resources") / "fonts" / name
    with resources.as_file(path) as file:
        return ImageFont.truetype(str(file), max(4, round(points * dpi / 72)))


def text_page(dpi: int, rng: random.Random, holder: tuple[str, ...] = (),
              dated: date | None = None) -> Image.Image:
    """A printed A4 page drawn at ``dpi``, grey, white paper, black print; ``holder``: the lines
    of the address block, ``dated``: the bill's date (else made up)."""
    width, height = (round(side * dpi) for side in A4_INCHES)
    page = Image.new("L", (width, height), 255)
    page.info["dpi"] = dpi
    draw = ImageDraw.Draw(page)
    margin = round(0.8 * dpi)
    y = margin
    draw.text((margin, y), "ÉNERGIE DU QUOTIDIEN", fill=0, font=_font(18, dpi, bold=True))
    y += round(0.45 * dpi)
    body = _font(10, dpi)
    line = round(10 * 1.45 * dpi / 72)
    holder = holder or (f"{rng.choice(('M.', 'Mme'))} {rng.choice(('MARTIN', 'BERNARD', 'DUBOIS'))}",
                        f"{rng.randint(1, 120)} {rng.choice(_STREETS)}", rng.choice(_TOWNS))
    for text in holder:
        draw.text((width // 2, y), text, fill=0, font=body)
        y += line
    y += line
    when = f"{dated:%d/%m/%Y}" if dated else f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2026"
    draw.text((margin, y), f"Facture du {when}", fill=0, font=_font(12, dpi, bold=True))
    y += 2 * line
    for _paragraph in range(rng.randint(3, 5)):
        for _ in range(rng.randint(3, 6)):
            words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(6, 9)))
            draw.text((margin, y), words.capitalize(), fill=0, font=body)
            y += line
        y += line
    table_left, table_right = margin, width - margin
    for row in range(rng.randint(4, 7)):
        draw.line((table_left, y, table_right, y), fill=0, width=max(1, dpi // 150))
        draw.text((table_left + dpi // 20, y + dpi // 30), rng.choice(_WORDS).capitalize(), fill=0, font=body)
        draw.text((table_right - round(1.2 * dpi), y + dpi // 30), f"{rng.randint(1, 300)},{row}0 €",
                  fill=0, font=body)
        y += line + dpi // 15
    draw.line((table_left, y, table_right, y), fill=0, width=max(1, dpi // 150))
    return page


def _noise(page: Image.Image, sigma: float, rng: random.Random) -> Image.Image:
    if sigma <= 0:
        return page
    grain = Image.effect_noise(page.size, sigma)
    return Image.blend(page, grain, rng.uniform(0.06, 0.12))


def _tint(page: Image.Image, paper: int, ink: int) -> Image.Image:
    """Map white to ``paper`` and black to ``ink``: a scanner's and a paper's grey."""
    return page.point(lambda v: ink + (paper - ink) * v // 255)


def _scanned(page: Image.Image, rng: random.Random, *, skew: bool = True) -> Image.Image:
    page = _tint(page, rng.randint(228, 252), rng.randint(0, 40))
    if skew:
        page = page.rotate(rng.uniform(-1.2, 1.2), resample=Image.Resampling.BILINEAR,
                           fillcolor=page.getpixel((2, 2)))
    page = page.filter(ImageFilter.GaussianBlur(rng.uniform(0.0, 0.12) * page.info.get("dpi", 150) / 25.4))
    return _noise(page, rng.uniform(20, 60), rng)


def encode(page: Image.Image, fmt: str, rng: random.Random | None = None, dpi: int = 150) -> bytes:
    """The bytes a scanner would write: JPEG (quality 70–92), PNG, or a PDF holding a JPEG."""
    buffer = io.BytesIO()
    quality = (rng or random.Random(0)).randint(70, 92)
    if fmt == "jpg":
        page.save(buffer, "JPEG", quality=quality, dpi=(dpi, dpi))
    elif fmt == "png":
        page.save(buffer, "PNG", dpi=(dpi, dpi))
    elif fmt == "pdf":
        page.save(buffer, "PDF", resolution=float(dpi), quality=quality)
    else:
        raise ValueError(fmt)
    return buffer.getvalue()


@dataclass(frozen=True)
class SampleScan:
    """One generated scan: what it is, what the check should say (None: accept), the page."""

    name: str
    expected: str | None
    page: Image.Image
    dpi: int


def good_scan(rng: random.Random, dpi: int | None = None) -> SampleScan:
    """A page scanned well, at 100 to 300 dpi, with grain, tint and skew."""
    dpi = dpi or rng.choice((100, 150, 200, 300))
    return SampleScan(f"bon-{dpi}dpi", None, _scanned(text_page(dpi, rng), rng), dpi)


def bad_scan(rng: random.Random, problem: str, dpi: int | None = None) -> SampleScan:
    """A page scanned with ``problem`` (``blank``, ``dark``, ``blurred``, ``small``)."""
    dpi = dpi or rng.choice((150, 200, 300))
    if problem == "blank":
        blank = Image.new("L", text_page(dpi, rng).size, 255)
        blank.info["dpi"] = dpi
        page = _scanned(blank, rng)
        draw = ImageDraw.Draw(page)
        for _ in range(rng.randint(0, 12)):  # dust on the glass
            x, y = rng.randrange(page.width), rng.randrange(page.height)
            r = rng.randint(1, max(2, dpi // 100))
            draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.randint(40, 140))
    elif problem == "dark":
        page = _scanned(text_page(dpi, rng), rng)
        factor = rng.uniform(0.2, 0.42)
        page = page.point(lambda v: round(v * factor))
    elif problem == "blurred":
        page = _scanned(text_page(dpi, rng), rng).filter(
            ImageFilter.GaussianBlur(rng.uniform(0.4, 0.8) * dpi / 25.4))
    elif problem == "small":
        small_dpi = rng.randint(30, 65)
        page = _scanned(text_page(dpi, rng), rng)
        page = page.resize((round(A4_INCHES[0] * small_dpi), round(A4_INCHES[1] * small_dpi)),
                           Image.Resampling.LANCZOS)
        dpi = small_dpi
    else:
        raise ValueError(problem)
    return SampleScan(f"{problem}-{dpi}dpi", problem, page, dpi)


PROBLEMS = ("blank", "dark", "blurred", "small")


# --- a proof of address with its 2D-Doc -----------------------------------------------------

SAMPLE_HOLDER = ProofFacts(holder_surname="EXEMPLE", holder_given_names="CLAIRE",
                           street="12 RUE DES LILAS", postal_code="75011", commune="PARIS")
"""The made-up person and address of the sample proof of address (« EXEMPLE »: no one)."""


_FIXED_LENGTH = {"24": 5, "2B": 5}
"""Ids of a bill's 2D-Doc with a fixed length: no GS after their value (``kiosk.two_d_doc``)."""


def _days(day: date) -> str:
    return f"{(day - date(2000, 1, 1)).days:04X}"


def two_d_doc_text(values: dict[str, str], emitted: date, rng: random.Random,
                   doc_type: str = "01") -> str:
    """A 2D-Doc (version 04, C40 text) of document type ``doc_type`` with these ids and values,
    signed with random bytes by the test authority « FR00 »: it reads, it verifies nothing."""
    header = f"DC04FR00EX01{_days(emitted)}{_days(emitted)}{doc_type}01FR"
    items = sorted(values.items())
    message = "".join(f"{key}{value}" + ("" if key in _FIXED_LENGTH or n == len(items) - 1 else "\x1d")
                      for n, (key, value) in enumerate(items))
    signature = base64.b32encode(rng.randbytes(64)).decode().rstrip("=")
    return f"{header}{message}\x1f{signature}"


def bill_values(holder: ProofFacts, rng: random.Random) -> dict[str, str]:
    """The ids an energy supplier's bill carries: the person served, their address, the bill."""
    return {
        "10": f"MME {holder.holder_given_names} {holder.holder_surname}",
        "12": holder.holder_given_names, "13": holder.holder_surname,
        "18": f"{rng.randint(10 ** 9, 10 ** 10 - 1)}",
        "22": holder.street, "24": holder.postal_code, "25": holder.commune,
    }


_WRITER = """
import sys
import zxingcpp
code = zxingcpp.create_barcode(sys.stdin.buffer.read().decode("latin-1"),
                               zxingcpp.BarcodeFormat.DataMatrix)
image = memoryview(zxingcpp.write_barcode_to_image(code, scale=1, add_quiet_zones=False))
height, width = image.shape
sys.stdout.buffer.write(f"{width} {height}\\n".encode() + image.tobytes())
"""


def datamatrix(text: str, module_px: int) -> Image.Image:
    """``text`` as a DataMatrix, each module ``module_px`` pixels, with its quiet zone.
    zxing-cpp writes it in a child process (beside PySide6 it could abort the interpreter)."""
    result = subprocess.run([sys.executable, "-I", "-c", _WRITER], input=text.encode("latin-1"),
                            capture_output=True, timeout=30, check=True)
    size, pixels = result.stdout.split(b"\n", 1)
    width, height = (int(n) for n in size.split())
    modules = Image.frombytes("L", (width, height), pixels)
    code = modules.resize((width * module_px, height * module_px), Image.Resampling.NEAREST)
    framed = Image.new("L", (code.width + 4 * module_px, code.height + 4 * module_px), 255)
    framed.paste(code, (2 * module_px, 2 * module_px))
    return framed


def proof_of_address_page(dpi: int, rng: random.Random, holder: ProofFacts = SAMPLE_HOLDER,
                          emitted: date | None = None, code_text: str | None = None) -> Image.Image:
    """A made-up energy bill for ``holder`` with its 2D-Doc in the top right corner, as printed
    (not yet scanned). ``code_text`` replaces the 2D-Doc's content (a damaged one, for tests)."""
    emitted = emitted or in_paris(datetime.now(UTC)).date() - timedelta(days=20)  # the kiosk's today
    page = text_page(dpi, rng, (f"MME {holder.holder_given_names} {holder.holder_surname}",
                                holder.street, f"{holder.postal_code} {holder.commune}"), emitted)
    draw = ImageDraw.Draw(page)
    margin = round(0.8 * dpi)
    draw.text((margin, round(0.8 * dpi) + round(0.3 * dpi)),
              "EXEMPLE — DOCUMENT FICTIF", fill=0, font=_font(9, dpi))
    text = code_text if code_text is not None else two_d_doc_text(bill_values(holder, rng), emitted, rng)
    code = datamatrix(text, max(3, round(dpi * 0.5 / 25.4)))
    left = page.width - margin - code.width
    page.paste(code, (left, margin // 2))
    draw.text((left, margin // 2 + code.height), "2D-DOC", fill=0, font=_font(7, dpi))
    return page


def proof_of_address(rng: random.Random, fmt: str = "pdf", dpi: int = 200,
                     holder: ProofFacts = SAMPLE_HOLDER, emitted: date | None = None) -> bytes:
    """The sample proof of address, scanned (tint, grain, slight skew) and written as ``fmt``."""
    page = _scanned(proof_of_address_page(dpi, rng, holder, emitted), rng)
    return encode(page, fmt, rng, dpi)
