"""The checked catalogue kept on disk, so that a start reads it instead of parsing every file.

Parsing, the schema and the checks of :mod:`kiosk.procedures` take a few hundred
milliseconds at start-up, while the first citizen may already be tapping. Their
result only changes with the procedure files or with the code that reads them, so
it is kept in the kiosk's private data folder under a key: a hash of the bytes of
every procedure file (with its name), of the schema and of the loader's own
modules. A file changed, added or removed, or a new version of the kiosk, gives
another key: the files are then read and checked for real, and refusals come from
that parse, with their lines.

A cache that cannot be read, is corrupt, or holds anything but the catalogue's own
types is ignored (a log line for IT) and rebuilt. It is written after the catalogue
is in use (``CachedCatalogue.save``, on a worker job), atomically: a crash leaves the
old file or the new one.
"""

from __future__ import annotations

import hashlib
import io
import logging
import pickle
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from kiosk.catalogue_subjects import LOADER_MODULES, keep_subjects, source_files
from kiosk.procedures import MAX_FILE_BYTES, Catalogue, load_catalogue
from resources import resource_path

log = logging.getLogger(__name__)

CACHE_FILE = "catalogue.cache"
MAGIC = b"kiosk-catalogue-1\n"

# What a cached catalogue may be made of: anything else means the file is not ours.
_ALLOWED = {
    "kiosk.procedures": {"Catalogue", "Procedure", "Step", "Field", "Choice", "Bring",
                         "DocumentSpec", "Fee", "Note", "Source", "DefinitionError"},
    "kiosk.inference": {"Inference"},
    "kiosk.catalogue_themes": {"Theme"},
    "datetime": {"date", "datetime", "timedelta"},
}


def catalogue_key(directory: Path) -> bytes:
    """A hash of what the catalogue is made from: the procedure files, the schema, the list's
    subjects, the loader."""
    digest = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    try:
        sources = source_files(directory, LOADER_MODULES)
    except OSError as exc:
        digest.update(f"folder unreadable {exc.errno}".encode())
        return digest.digest()
    for name, path in sources:
        _add(digest, name, path)
    return digest.digest()


def _add(digest: hashlib._Hash, name: str, path: Path) -> None:
    """A file's name and bytes (a large file: its first bytes and its size, which the loader
    refuses anyway; a special file is never opened)."""
    digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            digest.update(b"not a regular file\0")
            return
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        digest.update(f"unreadable {exc.errno}\0".encode())
        return
    digest.update(f"{info.st_size}:{len(data)}\0".encode())
    digest.update(data)


class _CatalogueUnpickler(pickle.Unpickler):
    """Builds only the catalogue's types: a file that names any other is refused."""

    def find_class(self, module: str, name: str) -> type:
        if name in _ALLOWED.get(module, ()):
            found: type = super().find_class(module, name)
            return found
        raise pickle.UnpicklingError(f"unexpected type {module}.{name}")


@dataclass
class CachedCatalogue:
    """A catalogue and whether it must still be written to the cache (``save``)."""

    catalogue: Catalogue
    key: bytes
    path: Path
    hit: bool
    directory: Path | None = None
    """The procedure files it comes from (None: the shipped ones)."""

    def save(self) -> None:
        """Write the catalogue under its key (a miss only), atomically, then its subjects for
        the next start's first tap (``kiosk.catalogue_subjects``). Never fatal: a kiosk whose
        cache cannot be written reads its files again at the next start."""
        if not self.hit:
            from offline_queue.private_files import write_atomic

            try:
                self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                write_atomic(self.path, MAGIC + self.key + pickle.dumps(
                    self.catalogue, protocol=pickle.HIGHEST_PROTOCOL))
            except OSError as exc:
                log.warning("procedure catalogue cache not written (%s): the files are read "
                            "again at the next start", exc.strerror or type(exc).__name__)
                return
            self.hit = True
        keep_subjects(self.path.parent, self.directory, self.catalogue)


def load_cached(cache_dir: Path, directory: Path | None = None) -> CachedCatalogue:
    """The catalogue of ``directory`` (the shipped procedures by default): from the cache in
    ``cache_dir`` when its key matches, else read and checked from the files."""
    directory = directory or resource_path("procedures")
    key = catalogue_key(directory)
    path = cache_dir / CACHE_FILE
    cached = _read(path, key)
    if cached is not None:
        return CachedCatalogue(cached, key, path, hit=True, directory=directory)
    return CachedCatalogue(load_catalogue(directory), key, path, hit=False, directory=directory)


def _read(path: Path, key: bytes) -> Catalogue | None:
    """The cached catalogue if ``path`` holds one under ``key``; None (logged when the file is
    there but unusable) otherwise."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("procedure catalogue cache unreadable (%s): the files are read instead",
                    exc.strerror or type(exc).__name__)
        return None
    header = MAGIC + key
    if not data.startswith(MAGIC):
        log.warning("procedure catalogue cache is not one: the files are read instead")
        return None
    if not data.startswith(header):
        log.info("procedure files or kiosk version changed: the catalogue is read again")
        return None
    try:
        catalogue = _CatalogueUnpickler(io.BytesIO(data[len(header):])).load()
    except Exception as exc:  # noqa: BLE001 - any damage means: read the files
        log.warning("procedure catalogue cache damaged (%s): the files are read instead",
                    type(exc).__name__)
        return None
    if not isinstance(catalogue, Catalogue):
        log.warning("procedure catalogue cache holds something else: the files are read instead")
        return None
    return catalogue
