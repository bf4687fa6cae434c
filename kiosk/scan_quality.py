"""Is a scanned page fit to be read by the agent who will check it?

A request comes back « à compléter » weeks later when a page is blank, too
dark, blurred or scanned too small; the citizen is then long gone. So every
scan is measured the moment it is chosen, and refused at once with what to
do, while the paper is still on the scanner.

The measures work on a grey copy of the first page, brought to one working
scale (a page's long side at most ``WORK_LONG_SIDE`` pixels, about an A4 page
at 120 dpi) so that a 300 dpi scan and a 150 dpi one are judged alike:

- the size of the page in pixels (too small: the print cannot be read);
- the paper's level, the 90th percentile of brightness (too dark);
- the share of ink, pixels much darker than the paper (blank page);
- the sharpness, the strongest brightness slopes (Sobel, after a median
  filter takes out the sensor's grain) over the ink/paper contrast: blur
  spreads each stroke's edge, so its slope falls.

Pillow does the pixel work (in C; no numpy needed) and pypdfium2 draws a
PDF's first page; the thresholds were set on the generated scans of
``kiosk.sample_scans`` and are measured by ``benchmarks/bench_scan_quality.py``.
No Qt: the core decides, the screen shows the sentence.
"""

from __future__ import annotations

import io
import logging
import threading
import warnings
from dataclasses import dataclass

import pypdfium2
from PIL import Image, ImageChops, ImageFilter, UnidentifiedImageError

from kiosk.validators import ValidationError

log = logging.getLogger(__name__)

WORK_LONG_SIDE = 1400
"""Working scale: an A4 page at about 120 dpi, where a 10-point line is still read easily."""
MIN_LONG_SIDE = 900
"""Fewer pixels than this on the long side (an A4 page under about 80 dpi): the print is lost."""
MIN_PAPER_LEVEL = 115
"""The paper (90th percentile of brightness, 0–255) darker than this: the page is too dark."""
MIN_INK_SHARE = 0.0008
"""Less ink than this share of the page (a few words on a whole page): nothing was scanned."""
MIN_SHARPNESS = 0.52
"""Strongest edges weaker than this share of the ink/paper contrast: the page is blurred."""
MAX_PIXELS = 120_000_000
"""A picture bigger than this is not a scan (and would fill memory): refused as unreadable."""

UNREADABLE = "Ce fichier est abîmé ou illisible. Numérisez le document à nouveau."
ADVICE = {
    "small": ("Cette image est trop petite pour être lue. Numérisez le document à nouveau, "
              "en qualité normale ou haute."),
    "dark": ("Ce document est trop sombre pour être lu. Fermez bien le couvercle du scanner, "
             "puis numérisez le document à nouveau."),
    "blank": ("Cette page est blanche. Posez le document face écrite contre la vitre du scanner, "
              "puis numérisez-le à nouveau."),
    "blurred": ("Ce document est flou. Posez-le bien à plat sur la vitre, sans le bouger, "
                "puis numérisez-le à nouveau."),
}


PDFIUM = threading.Lock()
"""pdfium is not thread-safe: previews, checks and reductions run on several background
threads, so every use of it holds this lock (a crash without it, seen in the screen tests)."""


class Unreadable(ValidationError):
    """The bytes cannot be decoded as a picture or a PDF page."""

    def __init__(self) -> None:
        super().__init__(UNREADABLE)


@dataclass(frozen=True)
class Measures:
    """What was measured on one page; ``problem`` names what is wrong, or is None."""

    width: int
    height: int
    paper: int
    ink_share: float
    sharpness: float

    @property
    def problem(self) -> str | None:
        if max(self.width, self.height) < MIN_LONG_SIDE:
            return "small"
        if self.paper < MIN_PAPER_LEVEL:
            return "dark"
        if self.ink_share < MIN_INK_SHARE:
            return "blank"
        if self.sharpness < MIN_SHARPNESS:
            return "blurred"
        return None


def first_page(data: bytes | bytearray, fmt: str) -> Image.Image:
    """The first page as a grey picture (a PDF drawn at the working scale); ``Unreadable``
    when the file is damaged."""
    if fmt == "pdf":
        return _pdf_page(bytes(data))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(bytes(data)))
            if image.width * image.height > MAX_PIXELS:
                raise Unreadable()
            full = image.size
            # JPEG decodes at a reduced scale straight away: a 600 dpi scan costs no more
            image.draft("L", (WORK_LONG_SIDE, WORK_LONG_SIDE))
            image.load()
            grey = image.convert("L")
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError,
            Image.DecompressionBombWarning, UnidentifiedImageError) as exc:
        log.info("scan not decodable: %s", type(exc).__name__)
        raise Unreadable() from exc
    grey.info["scan_size"] = full
    return grey


def _pdf_page(data: bytes) -> Image.Image:
    image = pdf_first_page(data, WORK_LONG_SIDE, grey=True)
    image.info["from_pdf"] = True
    return image


def pdf_first_page(data: bytes, long_side: int, *, grey: bool = False) -> Image.Image:
    """A PDF's first page drawn ``long_side`` pixels long (the screens' previews use it too);
    ``info["scan_size"]`` is the scanner's picture size when the page is one. ``Unreadable``
    when the file is damaged."""
    with PDFIUM:
        try:
            document = pypdfium2.PdfDocument(data)
            try:
                if len(document) < 1:
                    raise Unreadable()
                page = document[0]
                width, height = page.get_size()  # points
                bitmap = page.render(scale=long_side / max(width, height, 1.0), grayscale=grey)
                image = bitmap.to_pil().convert("L" if grey else "RGB")  # a copy: the bitmap goes
                bitmap.close()
                image.info["scan_size"] = scanned_pixels(page, width * height) or image.size
                page.close()
            finally:
                document.close()
        except pypdfium2.PdfiumError as exc:
            log.info("PDF not decodable")
            raise Unreadable() from exc
    return image


def scanned_pixels(page: pypdfium2.PdfPage, page_area: float) -> tuple[int, int] | None:
    """The pixel size of the picture that fills the page (a scanner's PDF), or None for a page
    of text and drawings, which has no resolution of its own."""
    for obj in page.get_objects(filter=(pypdfium2.raw.FPDF_PAGEOBJ_IMAGE,), max_depth=1):
        left, bottom, right, top = obj.get_bounds()
        if (right - left) * (top - bottom) >= 0.5 * page_area:
            width, height = obj.get_px_size()
            return int(width), int(height)
    return None


def measure(page: Image.Image) -> Measures:
    """The four measures of a page (see the module's docstring)."""
    width, height = page.info.get("scan_size", page.size)
    grey = page if page.mode == "L" else page.convert("L")
    if max(grey.size) > WORK_LONG_SIDE:
        grey = grey.copy()
        grey.thumbnail((WORK_LONG_SIDE, WORK_LONG_SIDE), Image.Resampling.BOX)
    histogram = grey.histogram()
    total = sum(histogram)
    paper = _percentile(histogram, total, 0.90)
    ink_limit = paper - max(60, paper // 3)
    ink = sum(histogram[: max(ink_limit, 0)])
    ink_share = ink / total if total else 0.0
    ink_level = _percentile(histogram, total, min(0.5, ink_share / 2))
    contrast = max(paper - ink_level, 1)
    # pixels darker than halfway from paper to ink: a stroke's area at that level stays the same
    # when blur spreads it, so the count of its edges does not depend on the blur it measures
    halfway = (paper + ink_level) // 2
    slopes: list[int] = [0] * 256
    stroke = 0
    for tile in _inkiest_tiles(grey, ink_limit):
        stroke += sum(tile.histogram()[:halfway])
        for level, count in enumerate(_slopes(tile)):
            slopes[level] += count
    sharpness = _top_mean(slopes, max(100, stroke // 2)) * 2 / contrast
    return Measures(width, height, paper, ink_share, sharpness)


_SOBEL_X = ImageFilter.Kernel((3, 3), [-1, 0, 1, -2, 0, 2, -1, 0, 1], scale=8, offset=128)
_SOBEL_Y = ImageFilter.Kernel((3, 3), [-1, -2, -1, 0, 0, 0, 1, 2, 1], scale=8, offset=128)


TILES = 4
"""The page is cut into TILES × TILES parts; sharpness is measured on the TILES inkiest."""


def _inkiest_tiles(grey: Image.Image, ink_limit: int) -> list[Image.Image]:
    """The parts of the page with the most ink: the median filter costs too much for a whole page
    (half a second), and blank margins say nothing of blur."""
    width, height = grey.size
    tiles = []
    for row in range(TILES):
        for column in range(TILES):
            box = (column * width // TILES, row * height // TILES,
                   (column + 1) * width // TILES, (row + 1) * height // TILES)
            tile = grey.crop(box)
            tiles.append((sum(tile.histogram()[: max(ink_limit, 0)]), row, column, tile))
    tiles.sort(key=lambda entry: entry[0], reverse=True)
    return [tile for _ink, _row, _column, tile in tiles[:TILES]]


def _slopes(tile: Image.Image) -> list[int]:
    """Histogram of the steepest brightness slope at each pixel of ``tile`` (Sobel, 0–127)."""
    smooth = tile.filter(ImageFilter.MedianFilter(3))  # the sensor's grain is no edge
    middle = Image.new("L", smooth.size, 128)
    across = ImageChops.difference(smooth.filter(_SOBEL_X), middle)
    down = ImageChops.difference(smooth.filter(_SOBEL_Y), middle)
    inner = (2, 2, smooth.width - 2, smooth.height - 2)  # Pillow leaves a filter's border as it was
    return ImageChops.lighter(across, down).crop(inner).histogram()


def _percentile(histogram: list[int], total: int, share: float) -> int:
    """The level under which ``share`` of the pixels lie."""
    wanted = share * total
    seen = 0
    for level, count in enumerate(histogram):
        seen += count
        if seen >= wanted:
            return level
    return len(histogram) - 1


def _top_mean(histogram: list[int], count: int) -> float:
    """The mean level of the ``count`` highest pixels of ``histogram``."""
    taken = 0
    weighted = 0
    for level in range(len(histogram) - 1, -1, -1):
        take = min(histogram[level], count - taken)
        taken += take
        weighted += take * level
        if taken >= count:
            break
    return weighted / taken if taken else 0.0


def check_scan(data: bytes | bytearray, fmt: str) -> Measures:
    """The page's measures when it can be read; ``ValidationError`` with what to do otherwise."""
    measures = measure(first_page(data, fmt))
    problem = measures.problem
    if problem is not None:
        log.info("scan refused: %s (paper %d, ink %.4f, sharpness %.3f, %dx%d)", problem,
                 measures.paper, measures.ink_share, measures.sharpness, measures.width, measures.height)
        raise ValidationError(ADVICE[problem])
    return measures
