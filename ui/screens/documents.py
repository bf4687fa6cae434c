"""The supporting documents the answers call for: what each is, and whether it is added.

During a correction, a document the central service refused is named with the reason
until it is replaced (the remarks come from the core: ``Visit.document_remarks``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.procedures import DocumentSpec
from kiosk.session import DocumentFile, ProcedureSession
from ui.i18n import tr_core
from ui.screens.background import run_in_background
from ui.screens.common import Screen, big_button, clear_layout, discard, text_label
from ui.screens.preview import ZoomView, panel_row, show_preview, thumbnail


def _ignore(_error: BaseException) -> None:
    """A preview that cannot be drawn leaves the file icon: nothing to tell the citizen."""


class _Card(NamedTuple):
    """One document's card, with what it was drawn for: its spec and the digest of the file
    attached (None: not yet added)."""

    spec: DocumentSpec
    digest: str | None
    frame: QFrame
    add: QWidget
    preview: QLabel | None
    zoom: QWidget | None
    remove: QWidget | None


class DocumentsScreen(Screen):
    """One card per document; « Ajouter » opens the chooser for that document."""

    choose = Signal(str)
    finished = Signal()
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Vos documents"), parent)
        self.session: ProcedureSession | None = None
        self._remarks: Callable[[], Mapping[str, str]] | None = None
        self.intro_text = self.tr(
            "Pour chaque document, posez-le sur le scanner, puis touchez « Ajouter ». "
            "Un document « facultatif » peut être laissé de côté."
        )
        self.intro = text_label(self.intro_text)
        self.body.addWidget(self.intro)
        self.banner = text_label("", "error")
        self.banner.setVisible(False)
        self.body.addWidget(self.banner)
        self.cards = QVBoxLayout()
        self.cards.setSpacing(16)
        self.body.addLayout(self.cards)
        self.body.addStretch(1)
        self.back_button = big_button(self.tr("Retour"), self.tr("Revenir aux questions"))
        self.next_button = big_button(
            self.tr("Continuer"), self.tr("Passer au récapitulatif de la demande"), "primary"
        )
        self.action_bar.addWidget(self.back_button)
        self.action_bar.addStretch(1)
        self.action_bar.addWidget(self.next_button)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.go_next)
        self.zoom = ZoomView(self)
        self._drawn: dict[str, tuple[str, QImage]] = {}
        """Each attached document's preview by kind, with the digest of the bytes it shows:
        coming back from the chooser redraws only the new one. Emptied with the session."""
        self._cards: dict[str, _Card] = {}
        """The cards on the page by kind: coming back from the chooser, only the card of the
        document just added is made again (each card is a dozen widgets to build, style and
        lay out). Emptied with the session."""

    @property
    def add_buttons(self) -> dict[str, QWidget]:
        """« Ajouter » or « Remplacer » of each document on the page, in the page's order."""
        return {kind: card.add for kind, card in self._cards.items()}

    @property
    def remove_buttons(self) -> dict[str, QWidget]:
        return {kind: card.remove for kind, card in self._cards.items() if card.remove is not None}

    @property
    def zoom_buttons(self) -> dict[str, QWidget]:
        return {kind: card.zoom for kind, card in self._cards.items() if card.zoom is not None}

    @property
    def previews(self) -> dict[str, QLabel]:
        return {kind: card.preview for kind, card in self._cards.items() if card.preview is not None}

    def start(self, session: ProcedureSession,
              remarks: Callable[[], Mapping[str, str]] | None = None) -> None:
        """Show ``session``'s documents; ``remarks`` gives the central service's words on the
        refused ones still to replace (a correction)."""
        if session is not self.session:
            self._drawn = {}
            self._drop_cards()
        self.session = session
        self._remarks = remarks
        self.rebuild()

    def rebuild(self) -> None:
        """The cards of the session's documents, in order: a card whose document is as it was
        drawn stays, the others are made again."""
        assert self.session is not None
        while self.cards.count():  # taken out of the column only: kept cards go back in order
            self.cards.takeAt(0)
        kept, self._cards = self._cards, {}
        self.banner.setVisible(False)
        specs = self.session.required_documents()
        self.intro.setText(self.intro_text if specs else self.tr(
            "Cette démarche ne demande aucun document. Touchez « Continuer »."))
        for spec in specs:
            attached = self.session.documents.get(spec.kind)
            digest = attached.sha256 if attached is not None else None
            card = kept.pop(spec.kind, None)
            if card is None or card.spec != spec or card.digest != digest:
                if card is not None:
                    discard(card.frame)
                card = self._card(spec, attached)
            self._cards[spec.kind] = card
            self.cards.addWidget(card.frame)
        for card in kept.values():
            discard(card.frame)
        pending = self._remarks() if self._remarks is not None else {}
        if pending:
            advice = self.tr("Touchez « Remplacer » pour numériser le document de nouveau. "
                             "Ou gardez-le s'il est lisible et juste : il sera envoyé de nouveau.")
            self.banner.setText("\n".join([*pending.values(), advice]))
            self.banner.setVisible(True)
        self.entered()

    def _drop_cards(self) -> None:
        clear_layout(self.cards)
        self._cards = {}

    def _card(self, spec: DocumentSpec, attached: DocumentFile | None) -> _Card:
        """The card of ``spec``, with the file ``attached`` for it (None: not yet added)."""
        card, row = panel_row()
        text = QVBoxLayout()
        text.addWidget(text_label(tr_core(spec.title), "subtitle"))
        text.addWidget(text_label(tr_core(spec.description)))
        # no file type, name nor size: the kiosk takes every scanner format and lightens heavy scans
        text.addWidget(text_label(self.tr("Obligatoire") if spec.required else self.tr("Facultatif"), "help"))
        preview: QLabel | None = None
        look: QWidget | None = None
        remove: QWidget | None = None
        if attached is not None:
            text.addWidget(text_label(self.tr("✔ Ajouté"), "success"))
        else:
            text.addWidget(text_label(self.tr("Pas encore ajouté"), "help"))
        row.addLayout(text, 1)
        if attached is not None:
            preview = QLabel()
            preview.setAccessibleName(self.tr("Aperçu : %s") % tr_core(spec.title))
            drawn = self._drawn.get(spec.kind)
            show_preview(preview, drawn[1] if drawn and drawn[0] == attached.sha256 else None)
            row.addWidget(preview)
            if drawn is None or drawn[0] != attached.sha256:
                run_in_background(
                    partial(thumbnail, attached.data),
                    partial(self._show_thumbnail, spec.kind, attached.sha256),
                    _ignore,
                )
        buttons = QVBoxLayout()
        add = big_button(
            self.tr("Remplacer") if attached else self.tr("Ajouter"),
            self.tr("Choisir le fichier pour : %s") % tr_core(spec.title),
            "secondary" if attached else "primary",
        )
        add.setAccessibleName(f"{add.text()} : {tr_core(spec.title)}")
        add.clicked.connect(lambda _checked=False, k=spec.kind: self.choose.emit(k))
        buttons.addWidget(add)
        if attached is not None:
            title = tr_core(spec.title)
            look = big_button(self.tr("Voir en grand"), self.tr("Voir la page en grand : %s") % title)
            look.setAccessibleName(self.tr("Voir en grand : %s") % title)
            look.clicked.connect(lambda _checked=False, k=spec.kind: self.open_zoom(k))
            buttons.addWidget(look)
            remove = big_button(self.tr("Retirer"), self.tr("Retirer le fichier : %s") % tr_core(spec.title))
            remove.setAccessibleName(self.tr("Retirer : %s") % tr_core(spec.title))
            remove.clicked.connect(lambda _checked=False, k=spec.kind: self._remove(k))
            buttons.addWidget(remove)
        buttons.addStretch(1)
        row.addLayout(buttons)
        return _Card(spec, attached.sha256 if attached is not None else None, card, add,
                     preview, look, remove)

    def _show_thumbnail(self, kind: str, digest: str, image: QImage | None) -> None:
        label = self.previews.get(kind)
        attached = self.session.documents.get(kind) if self.session is not None else None
        if label is None or image is None or attached is None or attached.sha256 != digest:
            return  # the citizen left, or chose another file meanwhile
        self._drawn[kind] = (digest, image)
        show_preview(label, image)

    def open_zoom(self, kind: str) -> None:
        """The attached page of ``kind`` over the whole window."""
        assert self.session is not None
        document = self.session.documents.get(kind)
        if document is not None:
            self.zoom.open(self.session.procedure.document(kind).title, document.data)

    def _remove(self, kind: str) -> None:
        assert self.session is not None
        self.session.detach(kind)
        self.rebuild()

    def go_next(self) -> None:
        """Go on only when every required document is there; otherwise say which are missing."""
        assert self.session is not None
        missing = self.session.missing_documents()
        if missing:
            names = ", ".join(f"« {tr_core(d.title)} »" for d in missing)
            self.banner.setText(self.tr("Il manque encore : %s. Ajoutez-les pour continuer.") % names)
            self.banner.setVisible(True)
            self.add_buttons[missing[0].kind].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.finished.emit()

    def entered(self) -> None:
        first = next(iter(self.add_buttons.values()), self.next_button)
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def wipe(self) -> None:
        if self.zoom.isVisible():
            self.zoom.close_view()
        self._drop_cards()
        self._drawn = {}
        self.session = None
        self._remarks = None
