"""Taking a scanned file into a session: read it, refuse it in plain French, or attach it.

The scanner folder may hold anything (a stray video, a file being written, a
file the kiosk may not read): the size is checked before a byte is read, so a
huge file never fills memory, and every refusal is a sentence for the person
at the screen. A scan of an accepted format is then decoded and measured
(``kiosk.scan_quality``): a damaged file says so, and a blank, dark, blurred
or tiny page is refused with what to do. A scan over the document's limit is
made lighter when it stays legible (``kiosk.image_reduce``), else refused
with what to do. The session's own checks (format, signature, size limit)
come last. Runs off the GUI thread; no Qt.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

from kiosk.document_age import check_answered_date
from kiosk.image_reduce import reduce_to_fit
from kiosk.procedures import DocumentSpec
from kiosk.scan_quality import UNREADABLE as DAMAGED
from kiosk.scan_quality import check_scan
from kiosk.session import DocumentFile, ProcedureSession, detect_format, size_text
from kiosk.validators import ValidationError

log = logging.getLogger(__name__)

READ_LIMIT_BYTES = 256 * 1024 * 1024
"""Beyond this, a file is refused without being read (no document of the catalogue comes near)."""

PREVIEW_LIMIT_BYTES = READ_LIMIT_BYTES // 16
"""Files listed with a drawn preview; bigger ones keep the file icon."""

BEING_WRITTEN = ("Le scanner écrit encore ce fichier. Attendez la fin de la numérisation, puis "
                 "touchez-le de nouveau.")
UNREADABLE = ("Le fichier n'a pas pu être lu. Numérisez le document à nouveau ou appelez "
              "un médiateur.")
OTHER_TYPES = (b"GIF8", b"RIFF", b"\x00\x00\x00\x18ftyp", b"\x00\x00\x00\x1cftyp", b"PK\x03\x04")
"""Files of a type the kiosk does not take (GIF, WebP, HEIC, office files): « not accepted »,
whereas a scan's name over unknown bytes is a damaged scan."""
SCAN_EXTENSIONS = {"pdf": "pdf", "jpg": "jpg", "jpeg": "jpg", "png": "png", "bmp": "bmp",
                   "tif": "tiff", "tiff": "tiff"}


def too_heavy(size: int, spec: DocumentSpec) -> str:
    """What to do with a scan that cannot be made light enough."""
    return (f"Ce fichier est trop lourd ({size_text(size)}). La limite est "
            f"{size_text(spec.max_size_bytes)}. Numérisez le document à nouveau en noir et blanc, "
            "ou en qualité plus basse.")


def read_document(session: ProcedureSession, kind: str, path: Path) -> DocumentFile:
    """The checked document ``kind`` read from ``path``; ``ValidationError`` (French) when the
    file is too big, unreadable, damaged, badly scanned, or refused by the session's checks."""
    try:
        size = path.stat().st_size
        if size > READ_LIMIT_BYTES:
            spec = session.procedure.document(kind)
            raise ValidationError(
                f"Ce fichier est beaucoup trop lourd ({size_text(size)}). "
                f"La taille maximale est {size_text(spec.max_size_bytes)}."
            )
        with path.open("rb") as file:
            data = bytearray(size)  # read into the one copy that is zeroed below
            data[file.readinto(data):] = b""
            still_written = bool(file.read(1))
    except OSError as exc:
        log.warning("scanned file not readable: %s", type(exc).__name__)
        raise ValidationError(UNREADABLE) from exc
    try:
        if still_written:
            raise ValidationError(BEING_WRITTEN)
        document = take_scan(session, kind, path.name, data)
        return dataclasses.replace(document, source=str(path))
    finally:
        data[:] = bytes(len(data))  # the session keeps its own copy; this one is zeroed


def take_scan(session: ProcedureSession, kind: str, filename: str, data: bytearray) -> DocumentFile:
    """``data`` checked as a scan for ``kind``: measured, made lighter when over the limit."""
    spec = session.procedure.document(kind)
    check_answered_date(session, kind)
    fmt = detect_format(data)
    named = SCAN_EXTENSIONS.get(filename.rsplit(".", 1)[-1].lower()) if "." in filename else None
    if fmt is None and named in spec.formats and data and not data.startswith(OTHER_TYPES):
        log.info("scan refused: its content is no %s", named)
        raise ValidationError(DAMAGED)  # a scan's name, not a scan's content: damaged
    if fmt is None or fmt != named or fmt not in spec.formats:
        return session.check_document(kind, filename, data)  # the session says why
    check_scan(data, fmt)
    if len(data) <= spec.max_size_bytes:
        return session.check_document(kind, filename, data)
    reduced = reduce_to_fit(data, fmt, spec.max_size_bytes, spec.formats, keep_colour=spec.colour)
    if reduced is None:
        log.info("scan refused: over the limit even reduced")
        raise ValidationError(too_heavy(len(data), spec))
    lighter = bytearray(reduced.data)
    try:
        return session.check_document(kind, f"{filename.rsplit('.', 1)[0]}.{reduced.fmt}", lighter)
    finally:
        lighter[:] = bytes(len(lighter))


def used_for(session: ProcedureSession, path: Path, kind: str) -> list[DocumentSpec]:
    """The other documents of ``session`` already made from the scan at ``path``."""
    return [spec for spec in session.procedure.documents
            if spec.kind != kind and (doc := session.documents.get(spec.kind)) is not None
            and doc.source == str(path)]
