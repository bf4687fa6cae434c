"""AES-GCM encryption of what the outbox keeps at rest.

Answers and document bytes are personal data. Encryption protects them on a
stolen disk only if the key is not on that disk in the clear: keep it apart
(``kiosk.key_file`` on other storage, or a systemd credential, which systemd
encrypts with the machine's TPM or host key) or encrypt the whole disk. The
key file itself must be readable by the kiosk's account alone. Each record
gets a fresh nonce, and its associated data names the table, the row and the
column, so a ciphertext copied into another row fails to open.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import stat
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .errors import IT_HELP, OutboxError, OutboxKeyError
from .private_files import fsync_dir

KEY_BYTES = 32
NONCE_BYTES = 12
FORMAT = b"\x01"  # leading byte of every record: lets a later format coexist
HEADER_BYTES = len(FORMAT) + NONCE_BYTES
TAG_BYTES = 16

log = logging.getLogger(__name__)


class RecordCipher:
    """Seals and opens records with one key; ``aad`` binds a record to its place."""

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise OutboxKeyError(
                f"La clé de chiffrement de la file d'attente est abîmée "
                f"({len(key)} octets au lieu de {KEY_BYTES}). {IT_HELP}."
            )
        self._aead = AESGCM(key)

    def seal(self, plaintext: bytes, aad: str) -> bytes:
        """``FORMAT | nonce | ciphertext | tag``."""
        nonce = secrets.token_bytes(NONCE_BYTES)
        return FORMAT + nonce + self._aead.encrypt(nonce, plaintext, aad.encode())

    def open(self, record: bytes, aad: str) -> bytes:
        """Decrypt; a wrong key, a moved or altered record raises ``OutboxKeyError``."""
        if len(record) < HEADER_BYTES + TAG_BYTES or record[:1] != FORMAT:
            raise OutboxKeyError(
                "Une donnée chiffrée de la file d'attente est illisible. "
                f"{IT_HELP} : « kiosk queue recover »."
            )
        nonce = record[1:HEADER_BYTES]
        try:
            return self._aead.decrypt(nonce, memoryview(record)[HEADER_BYTES:], aad.encode())
        except InvalidTag:
            raise OutboxKeyError(
                "Impossible de déchiffrer la file d'attente : la clé outbox.key ne "
                "correspond pas à ces données, ou les données ont été altérées. "
                f"Ne supprimez rien. {IT_HELP}."
            ) from None


def create_key(path: Path) -> bytes:
    """Write a new random key, mode 0600, atomically: never a partial or world-readable file.

    The key is written to a private temporary file, synced, then hard-linked to
    its final name, which fails if another process created the key first; that
    key then wins and is returned.
    """
    key = secrets.token_bytes(KEY_BYTES)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        log.error("outbox key %s cannot be created: %s", path, exc.strerror)
        raise OutboxKeyError(
            f"La clé de chiffrement {path} n'existe pas et ne peut pas être créée dans "
            f"{path.parent} ({exc.strerror}). Créez ce dossier, accessible au seul compte "
            f"de la borne, ou placez-y la clé. {IT_HELP}."
        ) from None
    try:
        os.write(fd, key)
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(tmp, path)
    except FileExistsError:
        return read_key(path)
    except OSError as exc:
        raise OutboxError(f"Impossible de créer la clé de chiffrement ({exc.strerror}).") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    fsync_dir(path.parent)
    return key


def read_key(path: Path) -> bytes:
    """Read the key; restrict its mode to 0600 if someone widened it."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        key = path.read_bytes()
    except FileNotFoundError:
        raise OutboxKeyError(
            f"La clé de chiffrement {path} est introuvable alors que la file d'attente existe. "
            f"Ne supprimez rien. {IT_HELP} pour remettre la clé depuis la sauvegarde."
        ) from None
    except PermissionError:
        raise OutboxKeyError(
            f"La clé de chiffrement {path} n'est pas lisible (droits d'accès). {IT_HELP}."
        ) from None
    if mode & 0o077:
        log.warning("outbox key %s had mode %o; restricting it to 0600", path, mode)
        try:
            path.chmod(0o600)
        except OSError:
            log.error("outbox key %s readable by other accounts and cannot be restricted", path)
            raise OutboxKeyError(
                f"La clé de chiffrement {path} est lisible par d'autres comptes que celui de la "
                f"borne (droits {mode:o}) et la borne ne peut pas les restreindre. Donnez-la au "
                f"compte de la borne avec les droits 0600 ou 0400. {IT_HELP}."
            ) from None
    if len(key) != KEY_BYTES:
        raise OutboxKeyError(
            f"La clé de chiffrement {path} est abîmée ({len(key)} octets au lieu de "
            f"{KEY_BYTES}). Ne supprimez rien. {IT_HELP}."
        )
    return key
