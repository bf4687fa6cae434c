"""Mediator accounts: an id, a display name and a PIN kept as a scrypt hash.

A PIN is short, so the hash is deliberately slow (scrypt) and wrong tries are
limited: after ``MAX_FAILURES`` wrong PINs in a row the account is locked,
longer after each series (``LOCK_STEPS_S``). The tries and locks are kept in
the accounts file itself, so a restart changes nothing. Every change is a
read-modify-write under an exclusive ``flock``, written atomically (temporary
file, fsync, rename) with mode 0600: the screens and ``kiosk mediators`` can
run at the same time.

The file is signed with HMAC-SHA256 by a random key in its own 0600 file
(``mediators.key``, beside the kiosk's other keys). A file edited by hand, a
file restored without its key, or bytes damaged on disk is refused, logged and
never rewritten: nobody can put their own PIN hash in, nor clear a lock by
editing the file, without that key.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import hmac
import json
import logging
import math
import os
import re
import secrets
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.audit import SYSTEM, UNKNOWN, note
from kiosk.input_limits import InputRefused, parse_json, read_regular_file
from offline_queue.private_files import write_atomic

ACCOUNTS_FILE = "mediators.json"
KEY_FILE = "mediators.key"
FORMAT = 2
MAX_FAILURES = 5
# A lock after each series of MAX_FAILURES wrong PINs: 1 min, 5 min, 15 min, 1 h, then 4 h each
# time. See docs/accounts.md for the arithmetic behind these figures.
LOCK_STEPS_S = (60, 300, 900, 3600, 14400)
MAX_FILE_BYTES = 1024 * 1024
KEY_BYTES = 32
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
_PIN = re.compile(r"^[0-9]{6,8}$")
_DEMO_PIN = re.compile(r"^[0-9]{4,8}$")
_ID = re.compile(r"^m-[0-9]{4}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_MAC_LABEL = b"point-numerique mediators v2\n"
# Shapes people pick on a numeric pad; the arithmetic rules below catch the rest.
_KEYPAD_PATTERNS = frozenset({"147258", "258369", "369258", "159753", "357159", "147852",
                              "963852", "852741", "741852", "789456", "456123", "321654"})

log = logging.getLogger(__name__)

DEMO_ACCOUNTS = (("m-0001", "Camille (démo)", "1234"), ("m-0002", "Yanis (démo)", "5678"))

_IT_HELP = "Les citoyens peuvent continuer seuls ; appelez l'assistance informatique."
_WRONG = "Identifiant ou code incorrect."


class MediatorError(Exception):
    """A French message for the person at the login screen or the terminal."""


class AccountsRefused(MediatorError):
    """The accounts file is unreadable or was changed outside the kiosk; it is left as it is."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            "Les comptes des médiateurs sont illisibles sur cette borne (fichier abîmé ou "
            f"modifié en dehors de la borne). {_IT_HELP}"
        )
        self.detail = detail  # for IT, in French: what exactly is wrong


@dataclass(frozen=True)
class Mediator:
    id: str
    name: str


@dataclass(frozen=True)
class AccountStatus:
    """What ``kiosk mediators list`` shows: never a hash."""

    id: str
    name: str
    active: bool
    failures: int
    locked_for_s: float


def wait_text(seconds: float) -> str:
    """« 45 secondes », « 5 minutes », « 1 heure 20 minutes »: a wait in plain French."""
    total = max(1, math.ceil(seconds))
    if total < 60:
        return f"{total} seconde{'s' if total > 1 else ''}"
    minutes = math.ceil(total / 60)
    if minutes < 60:
        return f"{minutes} minute{'s' if minutes > 1 else ''}"
    hours, minutes = divmod(minutes, 60)
    text = f"{hours} heure{'s' if hours > 1 else ''}"
    return text + (f" {minutes} minute{'s' if minutes > 1 else ''}" if minutes else "")


def pin_problem(pin: str, *, demo: bool = False) -> str | None:
    """Why ``pin`` cannot be used, in French; None when it can."""
    if demo:
        return None if _DEMO_PIN.match(pin) else "Le code doit avoir de 4 à 8 chiffres."
    if not _PIN.match(pin):
        return "Le code doit avoir de 6 à 8 chiffres, sans lettre ni espace."
    steps = {(int(b) - int(a)) % 10 for a, b in zip(pin, pin[1:], strict=False)}
    if len(set(pin)) == 1:
        reason = "un seul chiffre répété"
    elif steps in ({1}, {9}):
        reason = "des chiffres qui se suivent"
    elif any(pin == (pin[:n] * len(pin))[: len(pin)] for n in (2, 3, 4)):
        reason = "un motif qui se répète"
    elif len(set(pin)) == 2:
        reason = "deux chiffres seulement"
    elif pin in _KEYPAD_PATTERNS:
        reason = "une forme dessinée sur le clavier"
    else:
        return None
    return f"Ce code est trop facile à deviner ({reason}). Choisissez-en un autre."


def _hash(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, dklen=32, **_SCRYPT)


def _canonical(accounts: dict[str, Any]) -> bytes:
    return json.dumps({"format": FORMAT, "accounts": accounts}, sort_keys=True,
                      separators=(",", ":"), ensure_ascii=True).encode()


class MediatorDirectory:
    """The accounts of one kiosk: ``mediators.json`` and its signing key ``mediators.key``.

    Nothing is cached: every call reads the file, so a second process (the
    command line, a restarted kiosk) sees the same accounts, tries and locks.
    ``clock`` is wall-clock seconds (locks must outlive a reboot); a clock set
    back never makes a lock longer than it was meant to be.
    """

    def __init__(self, path: Path, key_path: Path | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self.key_path = key_path or path.with_name(KEY_FILE)
        self._clock = clock

    # --- reading -----------------------------------------------------------

    def _key(self) -> bytes:
        try:
            key = read_regular_file(self.key_path, KEY_BYTES)
        except InputRefused as exc:
            raise AccountsRefused(f"clé de signature des comptes : {exc}") from None
        if len(key) != KEY_BYTES:
            raise AccountsRefused(f"la clé de signature {self.key_path} est abîmée ({len(key)} octets).")
        return key

    def _load(self) -> dict[str, dict[str, Any]]:
        """The accounts, checked against their signature; AccountsRefused (logged) otherwise."""
        try:
            return self._load_checked()
        except AccountsRefused as exc:
            log.error("mediator accounts file %s refused, left untouched: %s", self.path, exc.detail)
            raise

    def _load_checked(self) -> dict[str, dict[str, Any]]:
        if not self.path.exists() and not self.path.is_symlink():
            return {}
        try:
            document = parse_json(read_regular_file(self.path, MAX_FILE_BYTES).decode("utf-8"))
        except (InputRefused, UnicodeDecodeError) as exc:
            raise AccountsRefused(f"fichier des comptes illisible : {exc}") from None
        if not (isinstance(document, dict) and document.get("format") == FORMAT
                and isinstance(document.get("accounts"), dict) and isinstance(document.get("mac"), str)):
            raise AccountsRefused("le fichier des comptes n'a pas la forme attendue (format 2 signé).")
        accounts: dict[str, dict[str, Any]] = document["accounts"]
        expected = hmac.new(self._key(), _MAC_LABEL + _canonical(accounts), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, document["mac"]):
            raise AccountsRefused("la signature du fichier des comptes ne correspond pas : "
                                  "il a été modifié hors de la borne, ou sa clé n'est pas la sienne.")
        for mediator_id, account in accounts.items():
            if not (_ID.match(mediator_id) and isinstance(account, dict) and _well_formed(account)):
                raise AccountsRefused(f"le compte {mediator_id[:12]!r} est mal formé.")
        return accounts

    @property
    def problem(self) -> str | None:
        """The French sentence for the login screen when the file is refused; None when sound."""
        try:
            self._load()
        except AccountsRefused as exc:
            return str(exc)
        return None

    def mediators(self) -> list[Mediator]:
        """Active accounts, by id; AccountsRefused when the file cannot be trusted."""
        return [Mediator(i, a["name"]) for i, a in sorted(self._load().items()) if a["active"]]

    def statuses(self) -> list[AccountStatus]:
        now = self._clock()
        return [AccountStatus(i, a["name"], a["active"], a["failures"], _remaining(a, now))
                for i, a in sorted(self._load().items())]

    def lock_message(self, mediator_id: str) -> str | None:
        """« Réessayez dans 4 minutes » while ``mediator_id`` is locked; None otherwise."""
        account = self._load().get(mediator_id)
        remaining = _remaining(account, self._clock()) if account else 0.0
        if remaining <= 0:
            return None
        return f"Ce compte est bloqué après trop de codes faux. Réessayez dans {wait_text(remaining)}."

    # --- changing ----------------------------------------------------------

    @contextlib.contextmanager
    def _changing(self) -> Iterator[dict[str, dict[str, Any]]]:
        """Exclusive read-modify-write: the accounts as read, saved signed when the block ends."""
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        lock_path = self.path.with_name(f".{self.path.name}.lock")
        descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            accounts = self._load()
            yield accounts
            self._save(accounts)
        finally:
            os.close(descriptor)

    def _save(self, accounts: dict[str, dict[str, Any]]) -> None:
        if not self.key_path.exists():  # a first account: _load refused a file without its key
            self.key_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_atomic(self.key_path, secrets.token_bytes(KEY_BYTES), exclusive=True)
        mac = hmac.new(self._key(), _MAC_LABEL + _canonical(accounts), hashlib.sha256).hexdigest()
        document = {"format": FORMAT, "accounts": accounts, "mac": mac}
        write_atomic(self.path, json.dumps(document, ensure_ascii=False, indent=1).encode())

    def add(self, mediator_id: str, name: str, pin: str) -> Mediator:
        """A new account; its PIN must have 6 to 8 digits and not be easy to guess."""
        return self._add(mediator_id, name, pin, demo=False)

    def _add(self, mediator_id: str, name: str, pin: str, *, demo: bool) -> Mediator:
        if not _ID.match(mediator_id):
            raise MediatorError("L'identifiant doit ressembler à m-0042.")
        name = _checked_name(name)
        if (problem := pin_problem(pin, demo=demo)) is not None:
            raise MediatorError(problem)
        with self._changing() as accounts:
            if mediator_id in accounts:
                raise MediatorError(f"Le compte {mediator_id} existe déjà.")
            accounts[mediator_id] = {"name": name, "active": True, **_fresh_pin(pin)}
        log.info("mediator account %s created", mediator_id)
        note(self.path.parent, SYSTEM, "account_changed", account=mediator_id, change="added")
        return Mediator(mediator_id, name)

    def reset_pin(self, mediator_id: str, pin: str) -> None:
        """A new PIN; the tries and any lock are forgotten (IT checked who asks)."""
        if (problem := pin_problem(pin)) is not None:
            raise MediatorError(problem)
        with self._changing() as accounts:
            _account(accounts, mediator_id).update(_fresh_pin(pin))
        log.info("mediator account %s: PIN reset, lock cleared", mediator_id)
        note(self.path.parent, SYSTEM, "account_changed", account=mediator_id, change="pin_changed")

    def set_active(self, mediator_id: str, active: bool) -> None:
        """Disable an account (kept, hidden from the login screen) or enable it again."""
        with self._changing() as accounts:
            _account(accounts, mediator_id)["active"] = active
        log.info("mediator account %s %s", mediator_id, "enabled" if active else "disabled")
        note(self.path.parent, SYSTEM, "account_changed", account=mediator_id,
             change="enabled" if active else "disabled")

    def verify(self, mediator_id: str, pin: str) -> Mediator:
        """The mediator when the PIN is right; MediatorError otherwise.

        The try is written to disk before the PIN is checked, so cutting the
        power during the check still counts it; a disk that cannot record it
        refuses the login rather than allow unlimited tries.
        """
        now = self._clock()
        try:
            with self._changing() as accounts:
                account = accounts.get(mediator_id)
                if account is None or not account["active"]:
                    _hash(pin, b"0" * 16)  # the same time as a real check
                    note(self.path.parent, UNKNOWN, "login_failed", account=_logged_id(mediator_id))
                    raise MediatorError(_WRONG)
                if (remaining := _remaining(account, now)) > 0:
                    raise MediatorError(f"Ce compte est bloqué après trop de codes faux. "
                                        f"Réessayez dans {wait_text(remaining)}.")
                account["failures"] += 1
            right = hmac.compare_digest(_hash(pin, bytes.fromhex(account["salt"])),
                                        bytes.fromhex(account["hash"]))
            with self._changing() as accounts:
                account = _account(accounts, mediator_id)
                if right:
                    account.update(failures=0, series=0, locked_until=0.0, lock_s=0)
                    return Mediator(mediator_id, account["name"])
                if account["failures"] < MAX_FAILURES:
                    note(self.path.parent, UNKNOWN, "login_failed", account=_logged_id(mediator_id))
                    raise MediatorError(_WRONG)
                lock_s = LOCK_STEPS_S[min(account["series"], len(LOCK_STEPS_S) - 1)]
                account.update(failures=0, series=account["series"] + 1,
                               locked_until=now + lock_s, lock_s=lock_s)
        except OSError as exc:
            log.error("mediator login not recorded, refused: %s", exc.strerror)
            raise MediatorError("La borne ne peut pas enregistrer cette connexion (disque plein "
                                f"ou protégé). {_IT_HELP}") from None
        log.warning("mediator account %s locked for %d s after %d wrong PINs (series %d)",
                    mediator_id, lock_s, MAX_FAILURES, account["series"])
        note(self.path.parent, UNKNOWN, "lockout", account=_logged_id(mediator_id))
        raise MediatorError(f"Trop de codes faux : ce compte est bloqué. Réessayez dans {wait_text(lock_s)}.")


def _well_formed(account: dict[str, Any]) -> bool:
    types: dict[str, type | tuple[type, ...]] = {
        "name": str, "salt": str, "hash": str, "active": bool, "failures": int, "series": int,
        "locked_until": (int, float), "lock_s": int}
    return all(isinstance(account.get(k), t) for k, t in types.items())


def _checked_name(name: str) -> str:
    name = name.strip()
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raise MediatorError("Le nom contient des caractères illisibles.") from None
    if not 1 <= len(name) <= 40 or _CONTROL.search(name):
        raise MediatorError("Le nom doit avoir de 1 à 40 caractères, sans caractère de contrôle.")
    return name


def _fresh_pin(pin: str) -> dict[str, Any]:
    salt = secrets.token_bytes(16)
    return {"salt": salt.hex(), "hash": _hash(pin, salt).hex(), "failures": 0, "series": 0,
            "locked_until": 0.0, "lock_s": 0}


def _account(accounts: dict[str, dict[str, Any]], mediator_id: str) -> dict[str, Any]:
    try:
        return accounts[mediator_id]
    except KeyError:
        raise MediatorError(f"Aucun compte {mediator_id} sur cette borne.") from None


def _logged_id(mediator_id: str) -> str:
    """What the journal may say of a typed identifier: an account id, never free text."""
    return mediator_id if _ID.match(mediator_id) else UNKNOWN


def _remaining(account: dict[str, Any], now: float) -> float:
    """Seconds the lock still lasts; a clock set back cannot stretch it past its length."""
    return max(0.0, min(account["locked_until"] - now, account["lock_s"]))


def directory_in(data_dir: Path, key_dir: Path | None = None) -> MediatorDirectory:
    """The kiosk's accounts: the file in the data folder, its key in ``key_dir`` (default: the same)."""
    return MediatorDirectory(data_dir / ACCOUNTS_FILE, (key_dir or data_dir) / KEY_FILE)


def create_demo_accounts(directory: MediatorDirectory) -> list[Mediator]:
    """The demo's well-known accounts, 4-digit PINs (never used outside ``kiosk --demo``)."""
    return [directory._add(i, name, pin, demo=True) for i, name, pin in DEMO_ACCOUNTS]
