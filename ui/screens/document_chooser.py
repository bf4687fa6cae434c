"""Pick the scanned file for one document from the scanner's folder.

A file dialog is hard to use on a touch kiosk and opens the whole disk, so
the citizen sees the files the scanner just wrote (newest first, refreshed
as soon as a file appears); the mediator alone gets « Autre fichier… ». The
file is read and checked in the background by the core (``kiosk.document_intake``);
a refusal shows the core's reason and keeps the chooser open.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QPushButton, QVBoxLayout, QWidget

from kiosk.document_intake import PREVIEW_LIMIT_BYTES, read_document
from kiosk.paris_time import in_paris
from kiosk.scanner_folder import Scan, list_scans
from kiosk.session import DocumentFile, ProcedureSession, size_text
from kiosk.validators import ValidationError
from ui.i18n import tr_core
from ui.screens.background import run_in_background
from ui.screens.common import MIN_TARGET_PX, Screen, StatusLine, big_button, clear_layout, text_label
from ui.screens.preview import THUMB_PX, thumbnail

EXTENSIONS = {".pdf", ".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff"}
MAX_LISTED = 30


def _small_preview(path: Path) -> QImage | None:
    return thumbnail(path.read_bytes(), THUMB_PX // 2)


def _ignore(_error: BaseException) -> None:
    """A file whose preview cannot be drawn keeps the file icon."""


def scanned_files(folder: Path | None) -> list[Scan]:
    """Document files in the scanner folder, newest first (at most MAX_LISTED)."""
    return list_scans(folder, MAX_LISTED).scans  # a name that is not UTF-8 is left out


class DocumentChooserScreen(Screen):
    """Lists scanned files as large buttons with a preview; emits ``attached`` or ``cancelled``."""

    attached = Signal(str)
    cancelled = Signal()

    def __init__(self, scanner_dir: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Choisir le document"), parent)
        self.scanner_dir = scanner_dir
        self.session: ProcedureSession | None = None
        self.kind = ""
        self.busy = False
        self.what = text_label("")
        self.body.addWidget(self.what)
        self.status = StatusLine()
        self.body.addWidget(self.status)
        self.empty = text_label(
            self.tr(
                "Aucun document numérisé pour l'instant. Posez le document sur le scanner "
                "et lancez la numérisation : il apparaîtra ici tout seul."
            )
        )
        self.body.addWidget(self.empty)
        self.files_box = QVBoxLayout()
        self.files_box.setSpacing(12)
        self.body.addLayout(self.files_box)
        self.body.addStretch(1)
        self.cancel_button = big_button(self.tr("Annuler"), self.tr("Revenir à la liste des documents"))
        self.other_button = big_button(
            self.tr("Autre fichier…"),
            self.tr("Réservé au médiateur : choisir un fichier ailleurs sur la borne"),
        )
        self.action_bar.addWidget(self.cancel_button)
        self.action_bar.addStretch(1)
        self.action_bar.addWidget(self.other_button)
        self.cancel_button.clicked.connect(self.cancelled)
        self.other_button.clicked.connect(self._pick_other)
        self.file_buttons: dict[Path, QPushButton] = {}
        self.watcher = QFileSystemWatcher(self)
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(300)
        self._refresh_soon.timeout.connect(self.refresh)
        self.watcher.directoryChanged.connect(lambda _path: self._refresh_soon.start())
        if scanner_dir is not None and scanner_dir.is_dir():
            self.watcher.addPath(str(scanner_dir))

    def start(self, session: ProcedureSession, kind: str, mediator_present: bool) -> None:
        """Choose the file for document ``kind``; « Autre fichier… » only with a mediator."""
        self.session = session
        self.kind = kind
        spec = session.procedure.document(kind)
        self.set_title(self.tr("Choisir : %s") % tr_core(spec.title))
        self.what.setText(tr_core(spec.description))
        self.set_mediator_present(mediator_present)
        self._set_status("")
        self.refresh()

    def set_mediator_present(self, present: bool) -> None:
        """A mediator took over or handed over meanwhile: show or hide « Autre fichier… »."""
        self.other_button.setVisible(present)

    def refresh(self) -> None:
        """List the scanner folder again (called when the folder changes)."""
        clear_layout(self.files_box)
        self.file_buttons = {}
        files = scanned_files(self.scanner_dir)
        self.empty.setVisible(not files)
        for scan in files:
            button = self._file_button(scan)
            self.files_box.addWidget(button)
            self.file_buttons[scan.path] = button
        first = next(iter(self.file_buttons.values()), self.cancel_button)
        if self.isVisible():
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _file_button(self, scan: Scan) -> QPushButton:
        path = scan.path
        when = in_paris(datetime.fromtimestamp(scan.mtime, UTC)).strftime("%d/%m/%Y à %H:%M")
        text = f"{path.name}\n{size_text(scan.size)} · {self.tr('numérisé le')} {when}"
        button = QPushButton(text)
        button.setProperty("role", "secondary")
        button.setMinimumHeight(max(MIN_TARGET_PX, THUMB_PX // 2 + 24))
        button.setIconSize(QSize(THUMB_PX // 2, THUMB_PX // 2))
        button.setIcon(self.style().standardIcon(self.style().StandardPixmap.SP_FileIcon))
        button.setAccessibleName(self.tr("Fichier %s") % path.name)
        button.setAccessibleDescription(
            self.tr("Utiliser ce fichier, %1, numérisé le %2").replace("%1", size_text(scan.size))
            .replace("%2", when)
        )
        button.clicked.connect(lambda _checked=False, p=path: self.choose_file(p))
        if scan.size <= PREVIEW_LIMIT_BYTES:
            run_in_background(
                partial(_small_preview, path),
                partial(self._set_icon, button),
                _ignore,
            )
        return button

    def _set_icon(self, button: QPushButton, image: QImage | None) -> None:
        if image is not None and button in self.file_buttons.values():
            button.setIcon(QIcon(QPixmap.fromImage(image)))

    def _pick_other(self) -> None:
        start = str(self.scanner_dir or Path.home())
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choisir un fichier"),
            start,
            self.tr("Documents (*.pdf *.jpg *.jpeg *.png *.bmp *.tif *.tiff)"),
        )
        if chosen:
            self.choose_file(Path(chosen))

    def choose_file(self, path: Path) -> None:
        """Read and check ``path`` in the background; attach it or say why it is refused."""
        if self.busy or self.session is None:
            return
        self.busy = True
        self._set_status(self.tr("Vérification du fichier…"), error=False)
        session, kind = self.session, self.kind
        run_in_background(
            lambda: read_document(session, kind, path),
            lambda document: self._accepted(document, session),
            self._refused,
        )

    def _accepted(self, document: DocumentFile, session: ProcedureSession) -> None:
        self.busy = False
        # the citizen who chose it may have left, and the next one reached this screen since
        if session is not self.session or document.kind != self.kind:
            document.wipe()
            return
        self.session.attach(document)
        self._set_status("")
        self.attached.emit(document.kind)

    def _refused(self, error: BaseException) -> None:
        self.busy = False
        if isinstance(error, ValidationError):
            reason = tr_core(error.message)
        else:
            reason = self.tr("Ce fichier ne peut pas être utilisé. Numérisez le document à nouveau.")
        self._set_status(self.tr("Document refusé : %s") % reason)

    def _set_status(self, text: str, *, error: bool = True) -> None:
        self.status.say(text, "error" if error else "")

    def wipe(self) -> None:
        self.session = None
        self.kind = ""
        self.busy = False
        self._set_status("")
