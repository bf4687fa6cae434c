"""« Autre fichier… »: the mediator browses the scanner folder and the folders IT allowed, by touch.

Qt's file dialog is a desktop tool: small rows, a path to type, English words,
and the whole disk. This panel shows large rows, one folder at a time, with
« Dossier précédent » to go up; it never goes above the allowed folders, and a
link that leads out of them is not listed (``kiosk.scanner_folder.browse``
resolves every path). Tapping a scan hands its path to the chooser, which
checks it like any scan.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QPushButton, QStyle, QVBoxLayout, QWidget

from kiosk.paris_time import in_paris
from kiosk.scanner_folder import FolderView, allowed, browse
from ui.screens.common import MIN_TARGET_PX, big_button, clear_layout, text_label

MAX_LISTED = 60


def when_scanned(mtime: float) -> str:
    """« le 01/12/2026 à 14:32 », in Paris time."""
    return in_paris(datetime.fromtimestamp(mtime, UTC)).strftime("le %d/%m/%Y à %H:%M")


class FilePicker(QWidget):
    """Folders and scans as large rows; emits ``chosen`` with a path inside the allowed folders."""

    chosen = Signal(Path)
    closed = Signal()

    def __init__(self, roots: Sequence[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.roots = [root for root in roots if root is not None]
        self.view: FolderView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.where = text_label("", "subtitle")
        layout.addWidget(self.where)
        self.up_button = big_button(self.tr("Dossier précédent"), self.tr("Revenir au dossier précédent"))
        self.up_button.clicked.connect(self.go_up)
        layout.addWidget(self.up_button)
        self.empty = text_label(self.tr("Ce dossier ne contient aucun document."), "help")
        layout.addWidget(self.empty)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(12)
        layout.addLayout(self.rows)
        self.row_buttons: dict[Path, QPushButton] = {}

    def open_top(self) -> None:
        """Show the allowed folders themselves (or the only one's content)."""
        if len(self.roots) == 1:
            self.open_folder(self.roots[0])
            return
        self.view = None
        self._render_tops()

    def open_folder(self, folder: Path) -> None:
        """Show ``folder``, when it is inside the allowed folders (otherwise nothing in it)."""
        self.view = browse(self.roots, folder, MAX_LISTED)
        self._render(self.view)

    def go_up(self) -> None:
        if self.view is not None and self.view.parent is not None:
            self.open_folder(self.view.parent)
        elif self.view is not None and len(self.roots) > 1:
            self.open_top()

    def _folder_name(self, folder: Path) -> str:
        return self.tr("Numérisations") if self.roots and folder == self.roots[0].resolve() else folder.name

    def _render_tops(self) -> None:
        clear_layout(self.rows)
        self.row_buttons = {}
        self.where.setText(self.tr("Choisissez un dossier"))
        self.up_button.setEnabled(False)
        self.empty.setVisible(not self.roots)
        for root in self.roots:
            self._add_row(self._folder_name(root.resolve()), root, folder=True)

    def _render(self, view: FolderView) -> None:
        clear_layout(self.rows)
        self.row_buttons = {}
        self.where.setText(self.tr("Dossier : %s") % self._folder_name(view.folder))
        self.up_button.setEnabled(view.parent is not None or len(self.roots) > 1)
        self.empty.setVisible(not view.subfolders and not view.scans)
        for sub in view.subfolders:
            self._add_row(sub.name, sub, folder=True)
        for scan in view.scans:
            self._add_row(f"{scan.path.name}\n{self.tr('enregistré')} {when_scanned(scan.mtime)}",
                          scan.path, folder=False)
        first = next(iter(self.row_buttons.values()), self.up_button)
        if self.isVisible():
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _add_row(self, text: str, path: Path, *, folder: bool) -> None:
        label = (self.tr("Dossier %s") % text) if folder else text
        button = QPushButton(label)
        button.setProperty("role", "secondary")
        icon = QStyle.StandardPixmap.SP_DirIcon if folder else QStyle.StandardPixmap.SP_FileIcon
        button.setIcon(self.style().standardIcon(icon))
        button.setIconSize(QSize(40, 40))
        button.setMinimumHeight(MIN_TARGET_PX + 24)
        button.setAccessibleName(label.replace("\n", ", "))
        what = self.tr("Ouvrir ce dossier") if folder else self.tr("Choisir ce fichier")
        button.setAccessibleDescription(what)
        if folder:
            button.clicked.connect(lambda _checked=False, p=path: self.open_folder(p))
        else:
            button.clicked.connect(lambda _checked=False, p=path: self._choose(p))
        self.rows.addWidget(button)
        self.row_buttons[path] = button

    def _choose(self, path: Path) -> None:
        real = allowed(self.roots, path)
        if real is not None:
            self.chosen.emit(real)

    def wipe(self) -> None:
        clear_layout(self.rows)
        self.row_buttons = {}
        self.view = None
