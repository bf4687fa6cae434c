"""What the window shows of a call for a mediator: the header's message and « Annuler
l'appel », the call card in the status line, the chime. It renders ``Visit.call``
(:mod:`kiosk.mediator_call`); the window only places these widgets.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.flow import Visit
from kiosk.mediator_call import NO_CALL_ADVICE
from ui.chime import Chime
from ui.i18n import tr_core
from ui.screens.common import big_button, show_selected

REFRESH_MS = 15_000  # the card's « depuis n min »
ADVICE_MS = 20_000  # how long the advice of a site with nobody to call stays


class CallView(QObject):
    def __init__(self, visit: Callable[[], Visit], call_button: QPushButton, message: QLabel,
                 flag: QLabel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._visit = visit
        self.call_button, self.message, self.flag = call_button, message, flag
        self.cancel_button = big_button(self.tr("Annuler l'appel"),
                                        self.tr("Vous n'avez plus besoin d'un médiateur"))
        self.cancel_button.setVisible(False)
        self.chime = Chime(self)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.advice = False
        """The site has nobody to call and the button was tapped: say whom to ask."""
        if not visit().config.mediator_call:
            call_button.setText(self.tr("Besoin d'aide ?"))
            call_button.setAccessibleName(call_button.text())
            call_button.setAccessibleDescription(tr_core(NO_CALL_ADVICE))
        self.cancel_button.clicked.connect(self.cancel)

    def call(self) -> None:
        """« Appeler un médiateur »: a real call rings once; a site without one says whom to ask."""
        visit = self._visit()
        before = visit.call
        if not visit.call_mediator():
            self.advice = True
            QTimer.singleShot(ADVICE_MS, self._advice_read)
        elif visit.call is not before:
            self.chime.play()
        self.refresh()

    def _advice_read(self) -> None:
        self.advice = False
        self.refresh()

    def cancel(self) -> None:
        self._visit().cancel_call()
        self.refresh()
        self.call_button.setFocus()

    def card(self) -> str:
        """The call card's words while a call waits ("" otherwise)."""
        visit = self._visit()
        if visit.call is None or not visit.call.waiting:
            return ""
        return visit.call.card(visit.now())

    def refresh(self) -> None:
        visit = self._visit()
        called = visit.mediator_called
        if called:
            text = self.tr("Un médiateur est appelé. Restez ici.")
        elif self.advice:
            text = tr_core(NO_CALL_ADVICE)
        else:
            text = ""
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.cancel_button.setVisible(called)
        card = self.card()
        self.flag.setText(card)
        self.flag.setAccessibleName(card or self.tr("Aucun appel"))
        self.flag.setVisible(called)
        show_selected(self.call_button, called)
        if called and not self.timer.isActive():
            self.timer.start()
        elif not called:
            self.timer.stop()
