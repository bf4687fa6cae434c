"""Procedure picker: search with one's own words, or touch a subject, then one large tile per procedure.

With sixteen procedures and more to come, one list per kind of title (carte
grise, permis) is too long to read. People come with a situation, so the
screen offers a few subjects named for situations (``resources/themes.yaml``)
and a search by the words they use (``kiosk/catalogue_search.py``). Only one
list is shown at a time; « Voir tous les sujets » brings the subjects back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.catalogue_subjects import Subject
from ui.i18n import tr_core
from ui.icons import KINDS, Pictogram
from ui.screens.common import (
    MIN_TARGET_PX,
    Screen,
    big_button,
    clear_layout,
    name,
    text_label,
    tile_button,
)

if TYPE_CHECKING:
    from kiosk.catalogue_search import CatalogueSearch
    from kiosk.procedures import Catalogue, Procedure

SUBJECT_COLUMNS = 2
SUBJECT_PICTOGRAMS = {"permis": KINDS["permis"], "acheter_vendre": KINDS["carte_grise"],
                      "changer_carte_grise": KINDS["carte_grise"]}
"""A card for the licence, a car for vehicles, a sheet for the rest (losses, errors)."""


class PickerScreen(Screen):
    """Shows a search field and a few subjects, then the procedures of one subject or search.

    Made from the catalogue, or first from its kept ``subjects`` alone
    (``kiosk.catalogue_subjects``): a subject touched or words searched before the catalogue
    is given (``set_catalogue``, a few tens of milliseconds later) are answered then."""

    picked = Signal(str)
    back = Signal()

    def __init__(self, catalogue: Catalogue | None, attach: Callable[[QLineEdit], object] | None = None,
                 parent: QWidget | None = None, *, subjects: Sequence[Subject] = ()) -> None:
        super().__init__(self.tr("Que voulez-vous faire ?"), parent)
        self._catalogue: Catalogue | None = None
        self._grouped: dict[str, list[Procedure]] = {}
        self._subjects: tuple[Subject, ...] = ()
        self._waiting: Callable[[], None] | None = None
        """What was asked before the catalogue came: done when it comes."""
        self._search: CatalogueSearch | None = None  # built at the first word typed, not at start-up
        self._build_search(attach)
        self.hint = text_label("", "subtitle")  # under the words typed: what they found, or not
        self.body.addWidget(self.hint)
        self.subjects_hint = text_label(self.tr("Ou touchez un sujet :"), "subtitle")
        self.body.addWidget(self.subjects_hint)
        self.subjects = QWidget()
        self._grid = QGridLayout(self.subjects)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(12)
        for column in range(SUBJECT_COLUMNS):
            self._grid.setColumnStretch(column, 1)
        self.theme_buttons: dict[str, QPushButton] = {}
        if catalogue is not None:
            self.set_catalogue(catalogue)
        else:
            self._show_subject_tiles(tuple(subjects))
        self.body.addWidget(self.subjects)
        self.tiles = QVBoxLayout()
        self.tiles.setSpacing(12)
        self.body.addLayout(self.tiles)
        self.all_subjects_button = big_button(
            self.tr("Voir tous les sujets"), self.tr("Revenir à la liste des sujets"))
        self.all_subjects_button.clicked.connect(self.show_subjects)
        self.body.addWidget(self.all_subjects_button)
        self.body.addStretch(1)
        self.back_button = big_button(self.tr("Retour"), self.tr("Revenir à l'accueil"))
        self.action_bar.addWidget(self.back_button)
        self.action_bar.addStretch(1)
        self.back_button.clicked.connect(self.back)
        self.procedure_tiles: dict[str, QPushButton] = {}
        self.wipe()

    def _build_search(self, attach: Callable[[QLineEdit], object] | None) -> None:
        search_label = self.tr("Chercher avec vos mots")
        self.body.addWidget(text_label(search_label + " :", "subtitle"))
        self.body.addWidget(text_label(
            self.tr("Par exemple : j'ai déménagé, permis perdu, voiture achetée en Allemagne."), "help"))
        row = QHBoxLayout()
        row.setSpacing(12)
        self.search_edit = QLineEdit()
        self.search_edit.setMinimumHeight(MIN_TARGET_PX)
        self.search_edit.setMaxLength(200)
        name(self.search_edit, search_label,
             self.tr("Écrivez ce qui vous arrive, les démarches s'affichent."))
        self.search_button = big_button(self.tr("Chercher"), self.tr("Afficher les démarches pour ces mots"))
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.search_button)
        self.body.addLayout(row)
        if attach is not None:
            attach(self.search_edit)
        self.search_edit.textEdited.connect(self.search)
        self.search_edit.returnPressed.connect(lambda: self.search(self.search_edit.text()))
        self.search_button.clicked.connect(lambda: self.search(self.search_edit.text()))

    def _show_subject_tiles(self, subjects: tuple[Subject, ...]) -> None:
        clear_layout(self._grid)
        self.theme_buttons = {}
        self._subjects = subjects
        for index, (theme, subject, words) in enumerate(subjects):
            button = tile_button(tr_core(subject), tr_core(words),
                                 Pictogram(SUBJECT_PICTOGRAMS.get(theme, "")))
            self.theme_buttons[theme] = button
            self._grid.addWidget(button, index // SUBJECT_COLUMNS, index % SUBJECT_COLUMNS)
            button.clicked.connect(lambda _checked=False, t=theme: self.show_theme(t))

    def set_catalogue(self, catalogue: Catalogue) -> None:
        """The procedures under each subject; the subjects made again if those kept were for
        other procedure files; then what was asked meanwhile."""
        from kiosk.catalogue_subjects import subjects_of
        from kiosk.catalogue_themes import group

        self._catalogue = catalogue
        self._grouped = group(catalogue.procedures.values(), catalogue.themes)
        self._search = None
        subjects = subjects_of(catalogue)
        if subjects != self._subjects:
            self._show_subject_tiles(subjects)
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            waiting()

    def search(self, text: str) -> None:
        """Show the procedures the words find; the subjects again once the field is empty."""
        if not text.strip():
            self.show_subjects()
            return
        if self._catalogue is None:
            self._waiting = lambda: self.search(self.search_edit.text())
            return
        if self._search is None:
            from kiosk.catalogue_search import CatalogueSearch

            self._search = CatalogueSearch(self._catalogue.procedures.values())
        found = self._search.find(text)
        if found:
            self._show_list(self.tr("Démarches trouvées. Touchez la vôtre :"), found)
        else:
            self._show_list(self.tr("Aucune démarche trouvée avec ces mots. "
                                    "Essayez d'autres mots, ou touchez un sujet."), [])
            self._show_subject_list(True)
            self.all_subjects_button.setVisible(False)

    def show_theme(self, theme: str) -> None:
        """List the procedures of ``theme`` as tiles (the subjects make way: one list at a time)."""
        if self._catalogue is None:
            self._waiting = lambda: self.show_theme(theme)
            return
        named = next((subject for key, subject, _words in self._subjects if key == theme), theme)
        subject = tr_core(named).rstrip(".…")  # « Déménager, changer de nom… »
        self._show_list(self.tr("%s. Touchez votre démarche :") % subject,
                        self._grouped.get(theme, []))
        self.search_edit.clear()

    def theme_of(self, code: str) -> str:
        """The first subject a procedure is shown under (tests and the mediator's shortcuts)."""
        return next(theme for theme, items in self._grouped.items() if any(p.code == code for p in items))

    def _show_list(self, hint: str, procedures: list[Procedure]) -> None:
        clear_layout(self.tiles)
        self.procedure_tiles = {}
        for procedure in procedures:
            detail = tr_core(procedure.summary[0]) if procedure.summary else ""
            tile = tile_button(tr_core(procedure.title), detail, Pictogram(KINDS.get(procedure.theme, "")))
            tile.clicked.connect(lambda _checked=False, c=procedure.code: self.picked.emit(c))
            self.tiles.addWidget(tile)
            self.procedure_tiles[procedure.code] = tile
        self.hint.setText(hint)
        self.hint.setVisible(True)
        self._show_subject_list(False)
        self.all_subjects_button.setVisible(True)

    def _show_subject_list(self, visible: bool) -> None:
        focus = QApplication.focusWidget()
        if not visible and focus is not None and self.subjects.isAncestorOf(focus):
            # the subject just touched goes: Qt would hand its focus to the next control,
            # « Retour », ringed as if chosen; the title takes it, as when the page opens
            self.title.setFocus()
        self.subjects_hint.setVisible(visible)
        self.subjects.setVisible(visible)

    def show_subjects(self) -> None:
        """The subjects, and no list: the screen as it first appears."""
        clear_layout(self.tiles)
        self.procedure_tiles = {}
        self.hint.setVisible(False)
        self.all_subjects_button.setVisible(False)
        self._show_subject_list(True)

    def wipe(self) -> None:
        self._waiting = None
        self.search_edit.clear()
        self.show_subjects()

    def entered(self) -> None:
        """Focus on the title: no subject looks chosen before a tap; Tab goes on to them."""
        self.title.setFocus()
