"""Errors of the receipts package; each carries a French message for the mediator."""

from __future__ import annotations


class ReceiptError(Exception):
    """A receipt cannot be made; ``message`` is French, for the mediator."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PrintError(Exception):
    """Printing failed; ``message`` is French for the mediator, ``code`` is for the log."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


KEPT = "{0} Le reçu reste disponible : vous pourrez l’imprimer de nouveau."
"""Every printing failure ends by saying the receipt is not lost. A template, so that the
screens translate it whole: the reason fills ``{0}`` and is translated as well."""


def print_failure(code: str, reason: str) -> PrintError:
    """A ``PrintError`` whose message is ``reason`` then the promise that the receipt is kept."""
    return PrintError(code, KEPT.format(reason))
