"""Small previews of a document so the citizen recognises the paper they scanned.

Images are decoded at thumbnail size; a PDF's first page is drawn when
PySide6's QtPdf module is installed, otherwise the screen shows a file icon
with the name and size. Decoding runs in the background (QImage, not
QPixmap, is safe off the GUI thread).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QStyle

THUMB_PX = 120


def _pdf_first_page(buffer: QBuffer, edge: int) -> QImage | None:
    try:
        from PySide6.QtPdf import QPdfDocument  # optional module (PySide6-Addons)
    except ImportError:
        return None
    document = QPdfDocument()
    document.load(buffer)
    if document.pageCount() < 1:
        return None
    page = document.pagePointSize(0)
    scale = edge / max(page.width(), page.height(), 1.0)
    image = document.render(0, QSize(int(page.width() * scale), int(page.height() * scale)))
    document.close()
    return None if image.isNull() else image


def thumbnail(data: bytes | bytearray, edge: int = THUMB_PX) -> QImage | None:
    """A preview at most ``edge`` pixels wide or high, or None when none can be drawn.

    ``data`` may be the session's own bytearray (zeroed by its wipe): the copy Qt reads
    from is zeroed here once the image is decoded, so no job keeps a scan behind it."""
    copy = QByteArray(data)
    buffer = QBuffer()
    buffer.setData(copy)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    try:
        return _decode(buffer, edge, bytes(data[:5]) == b"%PDF-")
    finally:
        buffer.close()
        buffer.setData(QByteArray())  # the copy is no longer shared: zeroed in place
        copy.fill(0)


def _decode(buffer: QBuffer, edge: int, pdf: bool) -> QImage | None:
    if pdf:
        return _pdf_first_page(buffer, edge)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    full = reader.size()
    if full.isValid() and (full.width() > edge or full.height() > edge):
        reader.setScaledSize(full.scaled(edge, edge, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image


def show_preview(label: QLabel, image: QImage | None, edge: int = THUMB_PX) -> None:
    """Put a preview (or the generic file icon) into ``label``."""
    if image is not None:
        label.setPixmap(QPixmap.fromImage(image))
    else:
        style = QApplication.style()
        icon = style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        label.setPixmap(icon.pixmap(edge // 2, edge // 2))
    label.setFixedSize(edge, edge)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
