"""The list's subjects, kept beside the catalogue's cache: the first tap needs no catalogue.

« Je fais ma démarche seul » opens the list of subjects (« Déménager… », « Permis
perdu… »): a few lines of text. Reading the checked catalogue first (its modules, its
cache's key over every file, the cache itself) took over half the time of answering that
first tap. So when the catalogue is kept, its subjects are written beside it, with a
stamp of the files they come from (the name, size and time of each file the cache's key
covers). A start whose files carry that stamp shows the subjects at once and reads the
catalogue just after; the procedures of a subject, or the search, wait for it (a few
tens of milliseconds). No file, or another stamp: the catalogue is read first, as before,
and the list made from it.

Plain text, no module beyond the standard library's smallest: that is its point.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from resources import resource_path

if TYPE_CHECKING:
    from kiosk.procedures import Catalogue

log = logging.getLogger(__name__)

SUBJECTS_FILE = "catalogue.subjects"
MAGIC = "kiosk-subjects-1"

Subject = tuple[str, str, str]
"""A subject as the list shows it: its id, its name, the words under its name (French)."""

# The modules whose code shapes a loaded catalogue (``tests/test_catalogue_cache.py`` checks
# that the loader uses no other module of ``kiosk``): the cache's key covers them.
LOADER_MODULES = ("procedures", "definition_yaml", "procedure_checks", "schema_check", "validators",
                  "inference", "conditions", "file_size", "catalogue_themes", "catalogue_cache",
                  "catalogue_subjects")


def source_files(directory: Path, modules: Iterable[str] = LOADER_MODULES) -> list[tuple[str, Path]]:
    """What the catalogue is made from, named: the loader's modules, the schema, the list's
    subjects, then every procedure file of ``directory`` (``OSError``: it cannot be listed)."""
    code = Path(__file__).parent
    sources = [(f"kiosk/{name}.py", code / f"{name}.py") for name in modules]
    sources += [("schema", resource_path("procedure.schema.json")),
                ("themes", resource_path("themes.yaml"))]
    return sources + [(path.name, path) for path in sorted(directory.glob("*.yaml"))]


def files_stamp(directory: Path) -> str:
    """One line that changes when any file the catalogue is made from does (its size or time)."""
    try:
        sources = source_files(directory)
    except OSError as exc:
        return f"unlisted {exc.errno}"
    parts = []
    for name, path in sources:
        try:
            info = path.stat()
            parts.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
        except OSError as exc:
            parts.append(f"{name}:unreadable {exc.errno}")
    return " ".join(parts).replace("\n", " ")


def read_subjects(cache_dir: Path, directory: Path | None = None) -> tuple[Subject, ...] | None:
    """The subjects kept for the procedure files of ``directory`` as they are now; None when
    there are none kept, or for other files (then the catalogue is read first)."""
    directory = directory or resource_path("procedures")
    try:
        text = (cache_dir / SUBJECTS_FILE).read_text("utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("list of subjects unreadable (%s): the catalogue is read first",
                    type(exc).__name__)
        return None
    magic, _, rest = text.partition("\n")
    stamp, _, rest = rest.partition("\n")
    if magic != MAGIC or stamp != files_stamp(directory):
        return None
    rows = [line.split("\t") for line in rest.split("\n") if line]
    if not rows or any(len(row) != 3 or not row[0] for row in rows):
        log.warning("list of subjects damaged: the catalogue is read first")
        return None
    return tuple((theme, name, words) for theme, name, words in rows)


def subjects_of(catalogue: Catalogue) -> tuple[Subject, ...]:
    """The catalogue's subjects that have procedures, in the list's order."""
    from kiosk.catalogue_themes import group, help_line, label

    themes = catalogue.themes
    return tuple((theme, _one_line(label(themes, theme)), _one_line(help_line(themes, theme)))
                 for theme in group(catalogue.procedures.values(), themes))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def keep_subjects(cache_dir: Path, directory: Path | None, catalogue: Catalogue) -> None:
    """Write the catalogue's subjects for the next start, when what is kept differs. Never
    fatal: without them, the next start reads the catalogue first."""
    from offline_queue.private_files import write_atomic

    directory = directory or resource_path("procedures")
    lines = [MAGIC, files_stamp(directory), *("\t".join(subject) for subject in subjects_of(catalogue))]
    text = "\n".join(lines) + "\n"
    path = cache_dir / SUBJECTS_FILE
    try:
        if path.read_text("utf-8") == text:  # kept by an earlier start: nothing to write
            return
    except (OSError, UnicodeDecodeError):
        pass  # none kept, or unreadable: written below
    try:
        cache_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(path, text.encode("utf-8"))
    except OSError as exc:
        log.warning("list of subjects not kept (%s): the catalogue is read first at the next "
                    "start", exc.strerror or type(exc).__name__)
