"""A scan over the service's limit, made lighter while it stays legible, or given up.

Scanners default to colour at 300 dpi or more: a one-page bill can weigh
several megabytes, over the 1 Mo the service allows for some documents. A
citizen cannot be asked to know what « dpi » means, so the kiosk does what a
mediator would: a lower resolution first, then grey (a bill, a form or a
receipt reads as well in grey), with JPEG compression. It never goes under
``MIN_LONG_SIDE`` pixels on a page's long side (an A4 page at about 120 dpi,
the scale the scan checks judge legibility at), and the result is checked
again by ``kiosk.scan_quality``. A document that must stay in colour (a
driving licence) is never turned grey. When nothing fits, the caller says
what to do. Pillow and pdfium; no Qt.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2
from PIL import Image, ImageSequence

from kiosk.scan_quality import MAX_PIXELS, PDFIUM, Unreadable, first_page, measure, scanned_pixels

log = logging.getLogger(__name__)

MIN_LONG_SIDE = 1400
"""A page is never made smaller than this on its long side: below, small print blurs."""
MAX_PAGES = 12
"""More pages than this is not a scanned document: refused rather than redrawn."""
# (long side in pixels, JPEG quality, grey): lighter and lighter, colour kept as long as possible
LADDER: tuple[tuple[int, int, bool], ...] = (
    (2480, 80, False), (1754, 75, False), (1754, 75, True), (1400, 70, True), (1400, 55, True),
)


@dataclass(frozen=True)
class Reduced:
    """The lighter file: its bytes, format (``jpg`` or ``pdf``) and what was done, for the log."""

    data: bytes
    fmt: str
    long_side: int
    grey: bool


def reduce_to_fit(data: bytes | bytearray, fmt: str, limit_bytes: int, formats: tuple[str, ...],
                  *, keep_colour: bool = False) -> Reduced | None:
    """``data`` made to weigh at most ``limit_bytes`` in one of ``formats``, or None when that
    would make it illegible (or it has too many pages). ``Unreadable`` for a damaged file."""
    pages = list(_pages(bytes(data), fmt))  # read whole at once: the pdfium lock is held meanwhile
    if not pages or len(pages) > MAX_PAGES:
        return None
    target = "jpg" if len(pages) == 1 and "jpg" in formats else "pdf" if "pdf" in formats else None
    if target is None:
        return None
    for long_side, quality, grey in LADDER:
        if grey and keep_colour:
            continue
        out = _encode([_resized(page, long_side, grey) for page in pages], target, quality)
        if len(out) > limit_bytes:
            continue
        if measure(first_page(out, target)).problem is not None:
            log.info("reduced scan no longer legible at %d px", long_side)
            return None
        log.info("scan reduced to %d px%s, %d pages", long_side, " grey" if grey else "", len(pages))
        return Reduced(out, target, long_side, grey)
    return None


def _pages(data: bytes, fmt: str) -> Iterator[Image.Image]:
    """Every page, decoded: a PDF drawn at 300 dpi at most, a TIFF's pages, or the one image."""
    if fmt == "pdf":
        yield from _pdf_pages(data)
        return
    try:
        image = Image.open(io.BytesIO(data))
        if image.width * image.height > MAX_PIXELS:
            raise Unreadable()
        for frame in ImageSequence.Iterator(image):
            yield frame.convert("L" if frame.mode in ("1", "L", "LA", "I;16") else "RGB")
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise Unreadable() from exc


def _pdf_pages(data: bytes) -> Iterator[Image.Image]:
    with PDFIUM:
        try:
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as exc:
            raise Unreadable() from exc
        try:
            if len(document) > MAX_PAGES:
                return
            for index in range(len(document)):
                page = document[index]
                width, height = page.get_size()
                longest = max(width, height, 1.0)
                pixels = scanned_pixels(page, width * height)  # a scanner's page: no finer than its picture
                scale = min(300 / 72, LADDER[0][0] / longest, max(pixels or (10**6,)) / longest)
                bitmap = page.render(scale=scale)
                image = bitmap.to_pil().convert("RGB")  # a copy: the bitmap goes
                bitmap.close()
                page.close()
                yield image
        finally:
            document.close()


def _resized(page: Image.Image, long_side: int, grey: bool) -> Image.Image:
    image = page.convert("L") if grey else page
    if max(image.size) > long_side:
        image = image.copy()
        image.thumbnail((long_side, long_side), Image.Resampling.LANCZOS)
    return image


def _encode(pages: list[Image.Image], fmt: str, quality: int) -> bytes:
    buffer = io.BytesIO()
    if fmt == "jpg":
        pages[0].save(buffer, "JPEG", quality=quality, optimize=True)
    else:
        pages[0].save(buffer, "PDF", save_all=True, append_images=pages[1:], quality=quality,
                      resolution=150.0)
    return buffer.getvalue()
