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
