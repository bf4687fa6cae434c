"""Pick the scanned file for one document from the scanner's folder.

A file dialog is hard to use on a touch kiosk and opens the whole disk, so
the citizen sees the pages the scanner just wrote (newest first, refreshed as
soon as a file appears), each with a large preview to tap for a full view and
one « Utiliser » button; a scan already used for another document says so,
and using it twice is confirmed first. The mediator alone gets « Autre
fichier… », a touch browser of the allowed folders (``ui.screens.file_picker``).
The file is read and checked in the background by the core
(``kiosk.document_intake``); a refusal shows the core's reason and keeps the
chooser open. A document that must be recent asks the date written on it
(``kiosk.document_age``) before it is added; a date read on its 2D-Doc is
written there already (``kiosk.prefill``). Opened before the questions
(``first``: a mediator scans the proof of address first), it says what the
kiosk reads on it, « Passer » stands for « Annuler », and the answers read are
offered to the questions still to come.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.document_age import asks_date, check_written_date
from kiosk.document_intake import PREVIEW_LIMIT_BYTES, used_for
from kiosk.prefill import offer, reads_names
from kiosk.prefill_scan import ReadScan, read_scan
from kiosk.procedures import Field
from kiosk.scanner_folder import Scan, list_scans
from kiosk.session import DocumentFile, ProcedureSession
from kiosk.two_d_doc import ProofFacts
from kiosk.validators import ValidationError
from ui.fields import DateFieldWidget
from ui.i18n import tr_core
from ui.screens.background import run_in_background
from ui.screens.common import Screen, StatusLine, big_button, clear_layout, text_label
from ui.screens.file_picker import FilePicker, when_scanned
from ui.screens.preview import LIST_THUMB_PX, ZoomView, panel_row, thumbnail
from ui.screens.steps import KeyboardHook

MAX_LISTED = 30


def _read_for_preview(path: Path, edge: int) -> QImage | None:
    """The file's preview; its bytes are read into a copy zeroed here."""
    data = bytearray(path.read_bytes())
    try:
        return thumbnail(data, edge)
    finally:
        data[:] = bytes(len(data))


def _ignore(_error: BaseException) -> None:
    """A file whose preview cannot be drawn keeps the file icon."""


def scanned_files(folder: Path | None) -> list[Scan]:
    """Document files in the scanner folder, newest first (at most MAX_LISTED)."""
    return list_scans(folder, MAX_LISTED).scans  # a name that is not UTF-8 is left out


class DocumentChooserScreen(Screen):
    """Lists scans as large rows with a preview; emits ``attached`` or ``cancelled``."""

    attached = Signal(str)
    cancelled = Signal()

    def __init__(self, scanner_dir: Path | None, attach_keyboard: KeyboardHook | None = None,
                 other_dirs: Sequence[Path] = (), parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Choisir le document"), parent)
        self.scanner_dir = scanner_dir
        self.session: ProcedureSession | None = None
        self.kind = ""
        self.busy = False
        self.pending: DocumentFile | None = None  # read and checked, waiting for its date
        self.facts: ProofFacts | None = None  # what its 2D-Doc says, until it is added
        self.first = False  # before the questions: what it says goes to their answers
        self.confirming: Path | None = None  # a scan already used elsewhere, waiting for « Oui »
        self.files_hidden = False  # the picker or the date question is in the list's place
        self.what = text_label("")
        self.body.addWidget(self.what)
        self.status = StatusLine()
        self.body.addWidget(self.status)
        self._build_confirm()
        self._build_date(attach_keyboard)
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
        roots = [p for p in (scanner_dir, *other_dirs) if p is not None]
        self.picker = FilePicker(roots)
        self.picker.chosen.connect(self._picked)
        self.picker.setVisible(False)
        self.body.addWidget(self.picker)
        self.body.addStretch(1)
        self.cancel_button = big_button(self.tr("Annuler"), self.tr("Revenir à la liste des documents"))
        self.other_button = big_button(
            self.tr("Autre fichier…"),
            self.tr("Réservé au médiateur : choisir un fichier dans un autre dossier autorisé"),
        )
        self.action_bar.addWidget(self.cancel_button)
        self.action_bar.addStretch(1)
        self.action_bar.addWidget(self.other_button)
        self.cancel_button.clicked.connect(self._cancel)
        self.other_button.clicked.connect(self._toggle_picker)
        self.file_buttons: dict[Path, QPushButton] = {}
        self.zoom_buttons: dict[Path, QPushButton] = {}
        self.used_labels: dict[Path, QWidget] = {}
        self.zoom = ZoomView(self)
        self.watcher = QFileSystemWatcher(self)
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(300)
        self._refresh_soon.timeout.connect(self._folder_changed)
        self._listed: list[Scan] | None = None
        self._icons: dict[Path, tuple[Scan, QImage]] = {}
        """The list's previews, by file as it was when drawn: each opening of the chooser
        lists the same scans again, redrawn only when new. Emptied with the session."""
        self.watcher.directoryChanged.connect(lambda _path: self._refresh_soon.start())
        if scanner_dir is not None and scanner_dir.is_dir():
            self.watcher.addPath(str(scanner_dir))

    def _build_confirm(self) -> None:
        self.confirm_panel = QFrame()
        self.confirm_panel.setProperty("role", "panel")
        column = QVBoxLayout(self.confirm_panel)
        self.confirm_text = text_label("", "subtitle")
        column.addWidget(self.confirm_text)
        row = QHBoxLayout()
        self.confirm_yes = big_button(self.tr("Oui, l'utiliser aussi ici"),
                                      self.tr("Utiliser ce document une deuxième fois"), "primary")
        self.confirm_no = big_button(self.tr("Non, en choisir un autre"),
                                     self.tr("Revenir à la liste des documents numérisés"))
        row.addWidget(self.confirm_no)
        row.addStretch(1)
        row.addWidget(self.confirm_yes)
        column.addLayout(row)
        self.confirm_yes.clicked.connect(self._confirmed)
        self.confirm_no.clicked.connect(self._not_confirmed)
        self.confirm_panel.setVisible(False)
        self.body.addWidget(self.confirm_panel)

    def _build_date(self, attach_keyboard: KeyboardHook | None) -> None:
        self.date_panel = QFrame()
        self.date_panel.setProperty("role", "panel")
        column = QVBoxLayout(self.date_panel)
        self.date_field = DateFieldWidget(Field(
            id="date_document", label=self.tr("Quelle date est écrite sur ce document ?"), type="date",
            help=self.tr("Regardez la date de la facture, de l'avis ou du papier. Le jour, le mois, "
                         "puis l'année."),
            example="15/10/2026"))
        if attach_keyboard is not None:
            for edit, mode in self.date_field.text_inputs():
                attach_keyboard(edit, mode)
        column.addWidget(self.date_field)
        self.date_read = text_label(self.tr("Date lue sur le document. Vérifiez-la."), "help")
        self.date_read.setVisible(False)
        column.addWidget(self.date_read)
        self.date_button = big_button(self.tr("Valider la date"),
                                      self.tr("Vérifier la date et ajouter le document"), "primary")
        self.date_button.clicked.connect(self.submit_date)
        column.addWidget(self.date_button, 0, Qt.AlignmentFlag.AlignRight)
        self.date_panel.setVisible(False)
        self.body.addWidget(self.date_panel)

    def start(self, session: ProcedureSession, kind: str, mediator_present: bool,
              first: bool = False) -> None:
        """Choose the file for document ``kind``; « Autre fichier… » only with a mediator;
        ``first``: before the questions, with « Passer »."""
        self._drop_pending()
        if session is not self.session:
            self._icons = {}
        self.session = session
        self.kind = kind
        self.first = first
        spec = session.procedure.document(kind)
        if first:
            self.set_title(self.tr("Scannez d'abord : %s") % tr_core(spec.title))
            self.what.setText(
                self.tr("La borne y lit le nom et l'adresse. Vous les vérifiez ensuite avec la personne.")
                if reads_names(spec) else
                self.tr("La borne y lit l'adresse. Vous la vérifiez ensuite avec la personne."))
        else:
            self.set_title(self.tr("Choisir : %s") % tr_core(spec.title))
            self.what.setText(tr_core(spec.description))
        label = self.tr("Passer") if first else self.tr("Annuler")
        self.cancel_button.setText(label)
        self.cancel_button.setAccessibleName(label)
        self.cancel_button.setAccessibleDescription(
            self.tr("Répondre d'abord aux questions, ajouter le document ensuite") if first
            else self.tr("Revenir à la liste des documents"))
        self.set_mediator_present(mediator_present)
        self._set_status("")
        self._show_list()
        self.refresh()

    def entered(self) -> None:
        """Focus on the newest scan's « Utiliser », never on a preview (a ring there reads as chosen)."""
        first = next(iter(self.file_buttons.values()), self.cancel_button)
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_mediator_present(self, present: bool) -> None:
        """A mediator took over or handed over meanwhile: show or hide « Autre fichier… »."""
        self.other_button.setVisible(present)
        if not present and self.picker.isVisible():
            self._show_list()

    def _folder_changed(self) -> None:
        """The scanner wrote or removed a file: list it again if the list is on screen and
        differs (the scan a person has just made was usually listed when the chooser opened)."""
        if not self.isVisible():
            return
        files = scanned_files(self.scanner_dir)
        if files != self._listed:
            self.refresh(files)

    def refresh(self, files: list[Scan] | None = None) -> None:
        """List the scanner folder again (or show ``files``, just listed)."""
        clear_layout(self.files_box)
        self.file_buttons, self.zoom_buttons, self.used_labels = {}, {}, {}
        files = scanned_files(self.scanner_dir) if files is None else files
        self._listed = files
        self.empty.setVisible(not files and not self.files_hidden)
        for scan in files:
            row = self._file_row(scan)
            self.files_box.addWidget(row)
            if self.files_hidden:  # never setVisible(True) before it has a parent: a window of its own
                row.setVisible(False)
        first = next(iter(self.file_buttons.values()), self.cancel_button)
        if self.isVisible() and not self.date_panel.isVisible():
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _file_row(self, scan: Scan) -> QFrame:
        path = scan.path
        when = when_scanned(scan.mtime)
        row, line = panel_row(12)
        zoom = QPushButton()
        zoom.setProperty("role", "secondary")
        zoom.setFixedSize(LIST_THUMB_PX + 16, LIST_THUMB_PX + 16)
        zoom.setIconSize(QSize(LIST_THUMB_PX, LIST_THUMB_PX))
        zoom.setIcon(self.style().standardIcon(self.style().StandardPixmap.SP_FileIcon))
        zoom.setAccessibleName(self.tr("Agrandir le document numérisé %s") % when)
        zoom.setAccessibleDescription(self.tr("Voir la page en grand"))
        zoom.clicked.connect(lambda _checked=False, p=path, w=when: self.open_zoom(p, w))
        line.addWidget(zoom)
        self.zoom_buttons[path] = zoom
        text = QVBoxLayout()
        text.addWidget(text_label(self.tr("Numérisé %s") % when, "subtitle"))
        text.addWidget(text_label(self.tr("Touchez l'image pour la voir en grand."), "help"))
        others = used_for(self.session, path, self.kind) if self.session is not None else []
        if others:
            used = text_label(self.tr("Déjà utilisé pour : %s") % ", ".join(f"« {s.title} »" for s in others),
                              "error")
            text.addWidget(used)
            self.used_labels[path] = used
        text.addStretch(1)
        line.addLayout(text, 1)
        use = big_button(self.tr("Utiliser"), self.tr("Utiliser ce document, numérisé %s") % when, "primary")
        use.setAccessibleName(self.tr("Utiliser le document numérisé %s") % when)
        use.clicked.connect(lambda _checked=False, p=path: self.choose_file(p))
        line.addWidget(use, 0, Qt.AlignmentFlag.AlignVCenter)
        self.file_buttons[path] = use
        drawn = self._icons.get(path)
        if drawn is not None and drawn[0] == scan:
            zoom.setIcon(QIcon(QPixmap.fromImage(drawn[1])))
        elif scan.size <= PREVIEW_LIMIT_BYTES:
            run_in_background(partial(_read_for_preview, path, LIST_THUMB_PX),
                              partial(self._set_icon, zoom, scan), _ignore)
        return row

    def _set_icon(self, button: QPushButton, scan: Scan, image: QImage | None) -> None:
        if image is not None and button in self.zoom_buttons.values():
            self._icons[scan.path] = (scan, image)
            button.setIcon(QIcon(QPixmap.fromImage(image)))

    def open_zoom(self, path: Path, when: str) -> None:
        """The scan at ``path`` over the whole screen."""
        try:
            data = bytearray(path.read_bytes()) if path.stat().st_size <= PREVIEW_LIMIT_BYTES else None
        except OSError:
            data = None
        if data is None:
            self._set_status(self.tr("Ce document ne peut pas être affiché. Numérisez-le à nouveau."))
            return
        try:
            self.zoom.open(self.tr("Numérisé %s") % when, data)
        finally:
            data[:] = bytes(len(data))

    def _toggle_picker(self) -> None:
        if self.picker.isVisible():
            self._show_list()
        else:
            self._show_picker()

    def _show_picker(self) -> None:
        self.picker.setVisible(True)
        self.empty.setVisible(False)
        self._set_list_visible(False)
        self.other_button.setText(self.tr("Documents numérisés"))
        self.other_button.setAccessibleName(self.other_button.text())
        self.picker.open_top()

    def _show_list(self) -> None:
        self.picker.setVisible(False)
        self.picker.wipe()
        self._set_list_visible(True)
        self.other_button.setText(self.tr("Autre fichier…"))
        self.other_button.setAccessibleName(self.other_button.text())

    def _set_list_visible(self, visible: bool) -> None:
        self.files_hidden = not visible
        for index in range(self.files_box.count()):
            item = self.files_box.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setVisible(visible)
        self.empty.setVisible(visible and not self.file_buttons)

    def _picked(self, path: Path) -> None:
        self.choose_file(path)

    def choose_file(self, path: Path) -> None:
        """Read and check ``path`` in the background; attach it or say why it is refused.
        A scan already used for another document is confirmed first."""
        if self.busy or self.session is None:
            return
        others = used_for(self.session, path, self.kind)
        if others and self.confirming != path:
            self.confirming = path
            names = ", ".join(f"« {tr_core(spec.title)} »" for spec in others)
            self.confirm_text.setText(self.tr(
                "Ce document est déjà utilisé pour : %1. Voulez-vous l'utiliser aussi pour « %2 » ?")
                .replace("%1", names).replace("%2", self.session.procedure.document(self.kind).title))
            self.confirm_panel.setVisible(True)
            self.confirm_no.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroller.ensureWidgetVisible(self.confirm_panel)
            return
        self.confirming = None
        self.confirm_panel.setVisible(False)
        self.busy = True
        self._set_status(self.tr("Vérification du document…"), error=False)
        session, kind = self.session, self.kind
        run_in_background(
            lambda: read_scan(session, kind, path),
            lambda read: self._accepted(read, session),
            self._refused,
        )

    def _confirmed(self) -> None:
        if self.confirming is not None:
            self.choose_file(self.confirming)

    def _not_confirmed(self) -> None:
        self.confirming = None
        self.confirm_panel.setVisible(False)

    def _accepted(self, read: ReadScan, session: ProcedureSession) -> None:
        self.busy = False
        document = read.document
        # the citizen who chose it may have left, and the next one reached this screen since
        if session is not self.session or document.kind != self.kind:
            document.wipe()
            return
        if asks_date(session.procedure.document(document.kind)):
            self._drop_pending()
            self._show_list()
            self.pending = document
            self.facts = read.facts
            self._set_status(self.tr("Le document est lisible. Il reste à dire sa date."), error=False)
            self.date_field.clear()
            self.date_field.show_error(None)
            emitted = read.facts.emission_date if read.facts is not None else None
            if emitted is not None:  # read on its 2D-Doc: to check, then « Valider la date »
                self.date_field.set_value(emitted.isoformat())
            self.date_read.setVisible(emitted is not None)
            self.date_panel.setVisible(True)
            self._set_list_visible(False)  # the scan is chosen: only its date is left to give
            self.scroller.ensureWidgetVisible(self.date_panel)
            if emitted is None:
                self.date_field.focus_input()
            else:  # nothing to type: no keyboard over « Valider la date »
                self.date_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.facts = read.facts
        self._attach(document)

    def submit_date(self) -> None:
        """Check the date read on the pending document; add it when recent enough."""
        if self.pending is None or self.session is None:
            return
        try:
            check_written_date(self.session, self.pending.kind, self.date_field.value())
        except ValidationError as error:
            self.date_field.show_error(error.message)
            return
        document, self.pending = self.pending, None
        self.date_panel.setVisible(False)
        self._attach(document)

    def _attach(self, document: DocumentFile) -> None:
        assert self.session is not None
        self.session.attach(document)
        if self.first and self.facts is not None:
            offer(self.session, document.kind, self.facts)
        self.facts = None
        self._set_status("")
        self._show_list()
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

    def _cancel(self) -> None:
        self._drop_pending()
        self.cancelled.emit()

    def _drop_pending(self) -> None:
        self.facts = None
        if self.pending is not None:
            self.pending.wipe()
            self.pending = None
        if self.date_panel.isVisible():
            self._set_list_visible(True)
        self.date_panel.setVisible(False)
        self.date_field.clear()
        self.confirming = None
        self.confirm_panel.setVisible(False)
        if self.zoom.isVisible():
            self.zoom.close_view()

    def wipe(self) -> None:
        self._drop_pending()
        self._show_list()
        self.session = None
        self._icons, self._listed = {}, None
        self.kind = ""
        self.busy = False
        self._set_status("")
