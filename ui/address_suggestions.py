"""Addresses offered while a mediator types the street; communes offered for a postal code.

On a mediator's page that asks a street, a postal code and a commune
(``kiosk.address_lookup.address_fields``), and when the kiosk has the address
base's URL: a short pause in typing the street asks the base, in the background,
for a few addresses; tapping one fills the three questions. Five digits of postal
code ask for its communes: one fills the commune, several are offered to tap.
Typing never waits for the network; only the answer to the latest question asked
is shown (an older one arriving late is dropped); a failure shows nothing, and the
address is typed by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton

from kiosk.address_lookup import Address, AddressFields, AddressLookup
from ui.fields import FieldWidget
from ui.header_fit import SHORT_TARGET_PX
from ui.screens.background import run_in_background
from ui.theme import restyle

PAUSE_MS = 250
"""Typing that stops this long asks the base (not every key)."""
OFFERED = 3
"""Addresses offered at most: they must fit side by side above the on-screen keyboard."""

Fill = Callable[[str, str], None]
"""(question id, answer): the screen shows it and gives it to the core, as if typed."""
Reveal = Callable[[FieldWidget], None]
"""Bring a question's proposed answers into view (above the on-screen keyboard)."""


def offered(address: Address) -> str:
    """An address on two lines, the street over the commune: three side by side fit the
    strip at 1280 px, whole, without widening the window."""
    return f"{address.street}\n{address.postcode} {address.city}"


def _slim(buttons: list[QPushButton]) -> None:
    """The strip's buttons 48 px high at the least (two lines in 56): the style sheet's
    ``[offer="true"]``; the strip sits between the question and the keyboard, on a short
    screen too."""
    for button in buttons:
        button.setProperty("offer", True)
        button.setMinimumHeight(SHORT_TARGET_PX)
        restyle(button)


class AddressSuggestions:
    """Watches one page's street and postal code; :meth:`close` when the page goes."""

    def __init__(self, lookup: AddressLookup, fields: AddressFields,
                 widgets: dict[str, FieldWidget], fill: Fill, reveal: Reveal) -> None:
        self.lookup = lookup
        self.fields = fields
        self.street, self.postcode, self.commune = (
            widgets[fields.street], widgets[fields.postcode], widgets[fields.commune])
        self.fill = fill
        self.reveal = reveal
        self.asked = 0
        """Number of the latest question asked: only its answer is shown."""
        self.found: list[Address] = []
        self.communes: list[str] = []
        self.closed = False
        self.pause = QTimer(self.street)
        self.pause.setSingleShot(True)
        self.pause.setInterval(PAUSE_MS)
        self.pause.timeout.connect(self._ask_addresses)
        street_edit, postcode_edit = self.street.text_inputs()[0][0], self.postcode.text_inputs()[0][0]
        street_edit.textEdited.connect(lambda _text: self.pause.start())
        postcode_edit.textEdited.connect(self._ask_communes)
        self.street.suggestion_picked.connect(self._address_picked)
        self.commune.suggestion_picked.connect(self._commune_picked)

    def close(self) -> None:
        """The page is going: late answers are dropped."""
        self.closed = True
        self.pause.stop()

    def _ask(self, work: Callable[[], object], show: Callable[[object], None]) -> None:
        self.asked += 1
        number = self.asked
        run_in_background(work, lambda result: self._answered(number, show, result),
                          lambda _error: None)  # unavailable: typed by hand (the client logs it)

    def _answered(self, number: int, show: Callable[[object], None], result: object) -> None:
        if number == self.asked and not self.closed and shiboken6.isValid(self.street):
            show(result)

    def _ask_addresses(self) -> None:
        text = self.street.value()
        if len(text.strip()) < 3:
            self.asked += 1  # an answer on its way is no longer wanted
            self.street.show_suggestions([])
            return
        self._ask(partial(self.lookup.addresses, text, OFFERED), self._show_addresses)

    def _show_addresses(self, found: object) -> None:
        assert isinstance(found, list)
        self.found = found
        self.commune.show_suggestions([])  # one list on show at a time
        self.street.show_suggestions([offered(a) for a in found])
        _slim(self.street.suggestions())
        self.reveal(self.street)

    def _address_picked(self, index: int) -> None:
        address = self.found[index]
        self.asked += 1
        self.street.show_suggestions([])
        self.commune.show_suggestions([])
        self.fill(self.fields.street, address.street)
        self.fill(self.fields.postcode, address.postcode)
        self.fill(self.fields.commune, address.city)

    def _ask_communes(self, text: str) -> None:
        postcode = text.replace(" ", "")
        if len(postcode) == 5:
            self._ask(partial(self.lookup.communes, postcode), self._show_communes)
        else:
            self.commune.show_suggestions([])

    def _show_communes(self, names: object) -> None:
        assert isinstance(names, list)
        self.communes = names
        if len(names) == 1 and not self.commune.value():
            self.fill(self.fields.commune, names[0])
        elif len(names) > 1:
            self.street.show_suggestions([])
            self.commune.show_suggestions(names)
            _slim(self.commune.suggestions())
            self.reveal(self.commune)

    def _commune_picked(self, index: int) -> None:
        self.commune.show_suggestions([])
        self.fill(self.fields.commune, self.communes[index])
