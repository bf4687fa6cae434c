"""Previews of a document so the citizen recognises the paper they scanned, and a full view.

Images are decoded at the size shown; a PDF's first page is drawn by pdfium
through the core (``kiosk.scan_quality.pdf_first_page``: PySide6-Essentials
has no QtPdf). Decoding runs in the background (QImage, not QPixmap, is safe
off the GUI thread). ``ZoomView`` covers the window with the page as large as
it fits; a tap on the page enlarges it around the place touched, another
brings it back, a drag moves it; « Fermer » closes it. No pinch is needed.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QImageReader, QMouseEvent, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from kiosk.scan_quality import pdf_first_page
from kiosk.validators import ValidationError
from ui.screens.background import run_in_background
from ui.screens.common import big_button, text_label

THUMB_PX = 180
"""A preview on a document's card: big enough to tell a bill from an identity card."""
LIST_THUMB_PX = 150
"""A preview in the list of scans."""
FULL_PX = 2400
"""The page in the full view: an A4 page at about 200 dpi, enough to read small print."""
ZOOM = 2.5
"""How much a tap enlarges the page over the size that fits the screen."""
TAP_SLOP_PX = 24
"""A finger that moves less than this between press and release tapped; more, it dragged."""


def thumbnail(data: bytes | bytearray, edge: int = THUMB_PX) -> QImage | None:
    """A preview at most ``edge`` pixels wide or high, or None when none can be drawn.

    ``data`` may be the session's own bytearray (zeroed by its wipe): the copy Qt reads
    from is zeroed here once the image is decoded, so no job keeps a scan behind it."""
    if bytes(data[:5]) == b"%PDF-":
        return _pdf_image(data, edge)
    copy = QByteArray(data)
    buffer = QBuffer()
    buffer.setData(copy)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    try:
        return _decode(buffer, edge)
    finally:
        buffer.close()
        buffer.setData(QByteArray())  # the copy is no longer shared: zeroed in place
        copy.fill(0)


def _full_page(copy: bytearray) -> QImage | None:
    """The page at full-view size; the job's own copy of the bytes is zeroed here."""
    try:
        return thumbnail(copy, FULL_PX)
    finally:
        copy[:] = bytes(len(copy))


def _pdf_image(data: bytes | bytearray, edge: int) -> QImage | None:
    copy = bytearray(data)
    try:
        page = pdf_first_page(bytes(copy), edge)
    except ValidationError:
        return None
    finally:
        copy[:] = bytes(len(copy))
    pixels = page.tobytes()
    image = QImage(pixels, page.width, page.height, 3 * page.width, QImage.Format.Format_RGB888).copy()
    return None if image.isNull() else image


def _decode(buffer: QBuffer, edge: int) -> QImage | None:
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


def panel_row(margin: int = 16) -> tuple[QFrame, QHBoxLayout]:
    """A panel holding one row: a preview, its words and its buttons."""
    panel = QFrame()
    panel.setProperty("role", "panel")
    row = QHBoxLayout(panel)
    row.setContentsMargins(margin, margin, margin, margin)
    row.setSpacing(16)
    return panel, row


class _Page(QLabel):
    """The page in the full view: a tap toggles the zoom at the place touched, a drag pans."""

    tapped = Signal(QPoint)
    dragged = Signal(QPoint)

    def __init__(self) -> None:
        super().__init__()
        self._pressed: QPoint | None = None
        self._last = QPoint()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt naming
        self._pressed = self._last = event.globalPosition().toPoint()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt naming
        if self._pressed is not None:
            here = event.globalPosition().toPoint()
            self.dragged.emit(here - self._last)
            self._last = here

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt naming
        if self._pressed is not None:
            moved = (event.globalPosition().toPoint() - self._pressed).manhattanLength()
            self._pressed = None
            if moved < TAP_SLOP_PX:
                self.tapped.emit(event.position().toPoint())


class ZoomView(QFrame):
    """The page over the whole window, as large as it fits; tap to enlarge, « Fermer » to close."""

    closed = Signal()

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.host = host
        self.setObjectName("zoomView")
        self.setProperty("role", "panel")
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        self.heading = text_label("", "title")
        layout.addWidget(self.heading)
        self.hint = text_label(self.tr("Touchez la page pour l'agrandir. Touchez-la encore pour la "
                                       "voir en entier."), "help")
        layout.addWidget(self.hint)
        self.scroller = QScrollArea()
        self.scroller.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.page = _Page()
        self.page.setAccessibleName(self.tr("Page du document"))
        self.page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroller.setWidget(self.page)
        layout.addWidget(self.scroller, 1)
        bar = QHBoxLayout()
        bar.setSpacing(16)
        self.zoom_button = big_button(self.tr("Agrandir"), self.tr("Agrandir la page"))
        self.close_button = big_button(self.tr("Fermer"), self.tr("Fermer l'aperçu"), "primary")
        self.close_button.setAccessibleName(self.tr("Fermer l'aperçu"))
        bar.addWidget(self.zoom_button)
        bar.addStretch(1)
        bar.addWidget(self.close_button)
        layout.addLayout(bar)
        self.zoom_button.clicked.connect(lambda: self.toggle_zoom(None))
        self.close_button.clicked.connect(self.close_view)
        self.page.tapped.connect(self.toggle_zoom)
        self.page.dragged.connect(self._pan)
        self.image: QImage | None = None
        self.zoomed = False
        self.hide()

    def open(self, title: str, data: bytes | bytearray) -> None:
        """Show the page of ``data`` (decoded in the background) under ``title``."""
        self.heading.setText(title)
        self.heading.setAccessibleName(title)
        self.image = None
        self.zoomed = False
        self.page.clear()
        self.page.setText(self.tr("Ouverture de la page…"))
        top = self.host.window()  # the whole window: the header and the status line too
        if self.parentWidget() is not top:
            self.setParent(top)
            top.installEventFilter(self)  # follow the window when it turns or resizes
        self.setGeometry(top.rect())
        self.show()
        self.raise_()
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)
        run_in_background(partial(_full_page, bytearray(data)), self._loaded, self._failed)

    def _loaded(self, image: QImage | None) -> None:
        if image is None:
            self._failed(None)
            return
        self.image = image
        self._draw(None)

    def _failed(self, _error: BaseException | None) -> None:
        self.page.setText(self.tr("Cette page ne peut pas être affichée."))

    def _fit_scale(self) -> float:
        assert self.image is not None
        view = self.scroller.maximumViewportSize()  # as if no scroll bar: the same fit every time
        return min(view.width() / self.image.width(), view.height() / self.image.height(), 1.0)

    def toggle_zoom(self, at: QPoint | None) -> None:
        """Enlarge around ``at`` (a point of the page as shown), or back to the whole page."""
        if self.image is None:
            return
        self.zoomed = not self.zoomed
        self._draw(at)

    def _draw(self, at: QPoint | None) -> None:
        assert self.image is not None
        fit = self._fit_scale()
        scale = min(fit * ZOOM, 2.0) if self.zoomed else fit  # a small scan may be enlarged too
        shown = self.image.scaled(int(self.image.width() * scale), int(self.image.height() * scale),
                                  Qt.AspectRatioMode.KeepAspectRatio,
                                  Qt.TransformationMode.SmoothTransformation)
        old = self.page.size()
        self.page.setPixmap(QPixmap.fromImage(shown))
        self.page.resize(shown.size())
        self.zoom_button.setText(self.tr("Voir en entier") if self.zoomed else self.tr("Agrandir"))
        self.zoom_button.setAccessibleName(self.zoom_button.text())
        if self.zoomed:
            centre = at if at is not None else QPoint(old.width() // 2, old.height() // 2)
            x = int(centre.x() * shown.width() / max(old.width(), 1))
            y = int(centre.y() * shown.height() / max(old.height(), 1))
            self.scroller.ensureVisible(x, y, self.scroller.viewport().width() // 2,
                                        self.scroller.viewport().height() // 2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        top = self.parentWidget()
        if top is not None and watched is top and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(top.rect())
            QTimer.singleShot(0, self._redraw)  # once the layout has given the page its new room
        return False

    def _redraw(self) -> None:
        if self.image is not None and self.isVisible():
            self._draw(None)

    def _pan(self, delta: QPoint) -> None:
        horizontal, vertical = self.scroller.horizontalScrollBar(), self.scroller.verticalScrollBar()
        horizontal.setValue(horizontal.value() - delta.x())
        vertical.setValue(vertical.value() - delta.y())

    def close_view(self) -> None:
        """Close and forget the page (it may be a citizen's document)."""
        self.hide()
        self.image = None
        self.page.clear()
        self.closed.emit()
