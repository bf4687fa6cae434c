"""Taking a scanned file into a session: read it, refuse it in plain French, or attach it.

The scanner folder may hold anything (a stray video, a file being written, a
file the kiosk may not read): the size is checked before a byte is read, so a
huge file never fills memory, and every refusal is a sentence for the person
at the screen. The session's own checks (format, signature, size limit of the
document) follow. Runs off the GUI thread; no Qt.
"""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.session import DocumentFile, ProcedureSession, size_text
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


def read_document(session: ProcedureSession, kind: str, path: Path) -> DocumentFile:
    """The checked document ``kind`` read from ``path``; ``ValidationError`` (French) when the
    file is too big, unreadable, or refused by the session's checks."""
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
        return session.check_document(kind, path.name, data)
    finally:
        data[:] = bytes(len(data))  # the session keeps its own copy; this one is zeroed
