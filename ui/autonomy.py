"""The mediator's one tap at the end of an assisted visit: how autonomous the person was.

It feeds the visit's anonymous record (``kiosk.visits``: the report's autonomy chart and
the CRA export). It is asked of the mediator only, on the end screen of a visit a
mediator assisted or took over; a citizen alone never sees it. Below it, folded, the
CRA's anonymous description (age band, gender, situation, no mobile phone) and where
the person was sent on, for a mediator who wants the export to carry them.
"""

from __future__ import annotations

from typing import get_args

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.visits import Autonomy, Profile
from ui.screens.common import big_button, text_label


class AutonomyPanel(QFrame):
    """Three buttons; emits ``chosen(autonomy)`` once, then thanks the mediator."""

    chosen = Signal(str)
    profile_given = Signal(object, str)  # Profile, redirection ("" for none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "panel")
        column = QVBoxLayout(self)
        column.addWidget(text_label(self.tr("Pour le médiateur : la personne a fait sa démarche…"),
                                    "subtitle"))
        row = QHBoxLayout()
        labels: dict[str, str] = {
            "fully_accompanied": self.tr("Accompagnée de bout en bout"),
            "partly_autonomous": self.tr("En partie seule"),
            "autonomous": self.tr("Seule"),
        }
        assert set(labels) == set(get_args(Autonomy))
        self.buttons: dict[str, QPushButton] = {}
        for value, label in labels.items():
            button = big_button(label, self.tr("Autonomie de la personne : %s") % label)
            button.clicked.connect(lambda _checked=False, v=value: self._choose(v))
            row.addWidget(button)
            self.buttons[value] = button
        column.addLayout(row)
        self.thanks = text_label(self.tr("Noté pour le bilan d'activité. Merci."), "success")
        column.addWidget(self.thanks)
        self.more_button = big_button(self.tr("Compléter le compte rendu (facultatif)"),
                                      self.tr("Compléter le compte rendu (facultatif) : âge, "
                                              "situation, orientation, sans nom"))
        self.more_button.clicked.connect(self._unfold)
        column.addWidget(self.more_button)
        self.cra = CraForm()
        self.cra.saved.connect(self._cra_saved)
        column.addWidget(self.cra)
        self.ask(False)

    def ask(self, assisted: bool) -> None:
        """Shown, with its buttons live, only at the end of a visit a mediator assisted."""
        self.setVisible(assisted)
        for button in self.buttons.values():
            button.setEnabled(True)
        self.thanks.setVisible(False)
        self.more_button.setVisible(True)
        self.cra.reset()
        self.cra.setVisible(False)

    def _unfold(self) -> None:
        self.more_button.setVisible(False)
        self.cra.setVisible(True)

    def _cra_saved(self, profile: Profile, redirection: str) -> None:
        self.cra.setVisible(False)
        self.thanks.setVisible(True)
        self.profile_given.emit(profile, redirection)

    def _choose(self, value: str) -> None:
        for button in self.buttons.values():
            button.setEnabled(False)
        self.thanks.setVisible(True)
        self.chosen.emit(value)


class CraForm(QFrame):
    """The CRA's anonymous fields, in the Coop's values; each may stay « non renseigné »."""

    saved = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QGridLayout(self)
        self.age = self._combo(self.tr("Tranche d'âge"), [
            ("", self.tr("Non renseignée")), ("MoinsDeDouze", self.tr("Moins de 12 ans")),
            ("DouzeDixHuit", self.tr("12 à 17 ans")), ("DixHuitVingtQuatre", self.tr("18 à 24 ans")),
            ("VingtCinqTrenteNeuf", self.tr("25 à 39 ans")),
            ("QuaranteCinquanteNeuf", self.tr("40 à 59 ans")),
            ("SoixanteSoixanteNeuf", self.tr("60 à 69 ans")),
            ("SoixanteDixPlus", self.tr("70 ans et plus")), ("NonCommunique", self.tr("Non communiquée")),
        ])
        self.gender = self._combo(self.tr("Genre"), [
            ("", self.tr("Non renseigné")), ("Feminin", self.tr("Féminin")),
            ("Masculin", self.tr("Masculin")), ("NonCommunique", self.tr("Non communiqué")),
        ])
        self.situation = self._combo(self.tr("Situation"), [
            ("", self.tr("Non renseignée")), ("Scolarise", self.tr("Scolarisé")),
            ("SansEmploi", self.tr("Sans emploi")), ("EnEmploi", self.tr("En emploi")),
            ("Retraite", self.tr("Retraité")), ("NonCommunique", self.tr("Non communiquée")),
        ])
        self.redirection = self._combo(self.tr("Orientée vers"), [
            ("", self.tr("Personne (démarche faite ici)")), ("operator", self.tr("Un opérateur")),
            ("admin_help", self.tr("Une aide administrative")),
            ("administration", self.tr("Une administration")),
            ("digital_mediation", self.tr("Une médiation numérique")), ("other", self.tr("Autre")),
        ])
        for n, combo in enumerate((self.age, self.gender, self.situation, self.redirection)):
            form.addWidget(text_label(combo.accessibleName()), 2 * (n // 2), n % 2)
            form.addWidget(combo, 2 * (n // 2) + 1, n % 2)
        self.no_phone = QCheckBox(self.tr("Sans téléphone mobile"))
        self.no_phone.setAccessibleName(self.tr("Sans téléphone mobile"))
        form.addWidget(self.no_phone, 4, 0)
        self.save_button = big_button(self.tr("Enregistrer le compte rendu"),
                                      self.tr("Enregistrer le compte rendu, sans nom"))
        self.save_button.clicked.connect(self._save)
        form.addWidget(self.save_button, 4, 1)

    def _combo(self, name: str, values: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setMinimumHeight(48)
        for value, label in values:
            combo.addItem(label, value)
        return combo

    def reset(self) -> None:
        for combo in (self.age, self.gender, self.situation, self.redirection):
            combo.setCurrentIndex(0)
        self.no_phone.setChecked(False)

    def _save(self) -> None:
        profile = Profile(age_band=self.age.currentData(), gender=self.gender.currentData(),
                          social_status=self.situation.currentData(),
                          no_phone=True if self.no_phone.isChecked() else None)
        self.saved.emit(profile, self.redirection.currentData())
