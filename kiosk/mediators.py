"""Mediator accounts: an id, a display name and a PIN kept as a scrypt hash.

A PIN is short, so the hash is deliberately slow (scrypt) and failed tries are
limited: after ``MAX_FAILURES`` wrong PINs the account waits ``LOCK_SECONDS``.
The accounts file holds no PIN in clear and is written owner-only.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.audit import SYSTEM, UNKNOWN, note

MAX_FAILURES = 5
LOCK_SECONDS = 60.0
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
_PIN = re.compile(r"^[0-9]{4,8}$")
_ID = re.compile(r"^m-[0-9]{4}$")

log = logging.getLogger(__name__)

DEMO_ACCOUNTS = (("m-0001", "Camille (démo)", "1234"), ("m-0002", "Yanis (démo)", "5678"))


class MediatorError(Exception):
    """A French message for the person at the login screen."""


@dataclass(frozen=True)
class Mediator:
    id: str
    name: str


def _hash(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, dklen=32, **_SCRYPT)


class MediatorDirectory:
    """The accounts of one kiosk, stored in ``mediators.json`` in the data folder."""

    def __init__(self, path: Path, clock: Callable[[], float] = time.monotonic) -> None:
        self.path = path
        self._clock = clock
        self._failures: dict[str, tuple[int, float]] = {}
        self._accounts: dict[str, dict[str, str]] = {}
        # An unreadable accounts file is kept as it is (never rewritten) and said at login.
        self.problem: str | None = None
        if path.exists():
            try:
                loaded = json.loads(path.read_text(encoding="utf-8"))
                if not isinstance(loaded, dict) or not all(
                    isinstance(a, dict) and {"name", "salt", "hash"} <= a.keys()
                    for a in loaded.values()
                ):
                    raise ValueError("unexpected structure")
                self._accounts = loaded
            except (OSError, ValueError) as exc:
                log.error("mediator accounts file %s unreadable: %s", path, type(exc).__name__)
                self.problem = (
                    "Les comptes des médiateurs sont illisibles sur cette borne. Les citoyens "
                    "peuvent continuer seuls ; appelez l'assistance informatique."
                )

    def add(self, mediator_id: str, name: str, pin: str) -> Mediator:
        if self.problem is not None:
            raise MediatorError(self.problem)
        if not _ID.match(mediator_id):
            raise MediatorError("L'identifiant doit ressembler à m-0042.")
        if not _PIN.match(pin):
            raise MediatorError("Le code doit avoir de 4 à 8 chiffres.")
        salt = secrets.token_bytes(16)
        self._accounts[mediator_id] = {"name": name, "salt": salt.hex(),
                                       "hash": _hash(pin, salt).hex()}
        self._save()
        note(self.path.parent, SYSTEM, "account_changed", account=mediator_id, change="added")
        return Mediator(mediator_id, name)

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(self._accounts, handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.path)

    def mediators(self) -> list[Mediator]:
        return [Mediator(i, a["name"]) for i, a in sorted(self._accounts.items())]

    def verify(self, mediator_id: str, pin: str) -> Mediator:
        """The mediator when the PIN is right; MediatorError otherwise (locks after 5 tries)."""
        if self.problem is not None:
            raise MediatorError(self.problem)
        failures, since = self._failures.get(mediator_id, (0, 0.0))
        if failures >= MAX_FAILURES:
            wait = LOCK_SECONDS - (self._clock() - since)
            if wait > 0:
                raise MediatorError(f"Trop d'essais. Réessayez dans {int(wait) + 1} secondes.")
            failures = 0
        account = self._accounts.get(mediator_id)
        salt = bytes.fromhex(account["salt"]) if account else b"0" * 16
        computed = _hash(pin, salt)
        if account is None or not hmac.compare_digest(computed, bytes.fromhex(account["hash"])):
            self._failures[mediator_id] = (failures + 1, self._clock())
            note(self.path.parent, UNKNOWN, "lockout" if failures + 1 >= MAX_FAILURES else "login_failed",
                 account=mediator_id if _ID.match(mediator_id) else UNKNOWN)
            raise MediatorError("Identifiant ou code incorrect.")
        self._failures.pop(mediator_id, None)
        return Mediator(mediator_id, account["name"])


def create_demo_accounts(directory: MediatorDirectory) -> list[Mediator]:
    """The demo's well-known accounts (never used outside ``kiosk --demo``)."""
    return [directory.add(i, name, pin) for i, name, pin in DEMO_ACCOUNTS]
