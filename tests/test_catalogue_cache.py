"""The checked catalogue kept on disk is used only while the files and the code it was made from
are unchanged; anything else about it is ignored, logged and rebuilt from the files."""

from __future__ import annotations

import logging
import os
import pickle
import shutil
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

import pytest

from kiosk import catalogue_cache, launcher
from kiosk.catalogue_cache import CACHE_FILE, LOADER_MODULES, MAGIC, catalogue_key, load_cached
from kiosk.catalogue_subjects import SUBJECTS_FILE
from kiosk.config import KioskConfig
from kiosk.procedures import Catalogue, load_catalogue
from resources import resource_path

SHIPPED = resource_path("procedures")
ADDRESS = "cg-changement-adresse.yaml"


def _saved(cache: Path, folder: Path) -> Catalogue:
    first = load_cached(cache, folder)
    assert not first.hit
    first.save()
    assert (cache / CACHE_FILE).is_file()
    return first.catalogue


def test_an_unchanged_catalogue_comes_from_the_cache_equal_to_the_files(tmp_path: Path,
                                                                        procedures: Path) -> None:
    read = _saved(tmp_path / "cache", procedures)
    again = load_cached(tmp_path / "cache", procedures)
    assert again.hit
    assert again.catalogue == read == load_catalogue(procedures)
    assert len(again.catalogue.procedures) == len(list(SHIPPED.glob("*.yaml")))


def test_a_changed_file_is_read_again(tmp_path: Path, procedures: Path) -> None:
    _saved(tmp_path / "cache", procedures)
    path = procedures / ADDRESS
    text = path.read_text("utf-8")
    assert "title: Changer l'adresse" in text
    path.write_text(text.replace("title: Changer l'adresse", "title: Adresse nouvelle", 1), "utf-8")
    again = load_cached(tmp_path / "cache", procedures)
    assert not again.hit
    assert again.catalogue.get("cg-changement-adresse").title.startswith("Adresse nouvelle")


def test_an_added_or_removed_file_is_read_again(tmp_path: Path, procedures: Path) -> None:
    _saved(tmp_path / "cache", procedures)
    (procedures / ADDRESS).unlink()
    removed = load_cached(tmp_path / "cache", procedures)
    assert not removed.hit and "cg-changement-adresse" not in removed.catalogue.procedures
    removed.save()
    shutil.copyfile(SHIPPED / ADDRESS, procedures / "zz-added.yaml")
    added = load_cached(tmp_path / "cache", procedures)
    assert not added.hit and "cg-changement-adresse" in added.catalogue.procedures


def test_a_file_broken_after_caching_is_refused_with_its_line(tmp_path: Path,
                                                              procedures: Path) -> None:
    _saved(tmp_path / "cache", procedures)
    path = procedures / ADDRESS
    path.write_text(path.read_text("utf-8").replace("type: yes_no", "type: slider", 1), "utf-8")
    again = load_cached(tmp_path / "cache", procedures)
    assert not again.hit
    [error] = again.catalogue.errors
    assert error.file == ADDRESS and "(ligne " in error.place and "slider" in error.message
    again.save()
    assert load_cached(tmp_path / "cache", procedures).catalogue.errors == [error]


def test_a_change_of_the_loader_code_gives_another_key(procedures: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    key = catalogue_key(procedures)
    assert catalogue_key(procedures) == key
    monkeypatch.setattr(catalogue_cache, "LOADER_MODULES", (*LOADER_MODULES[:-1], "flow"))
    assert catalogue_key(procedures) != key


def test_the_key_covers_every_module_the_loader_runs(tmp_path: Path) -> None:
    """A new module used by the loader must join the key, or a kiosk update would keep an old
    catalogue: the ``kiosk`` modules loaded by a full read are all in it."""
    code = ("import sys; from kiosk.catalogue_cache import load_cached; import pathlib; "
            f"load_cached(pathlib.Path({str(tmp_path)!r})); "
            "print(' '.join(m for m in sys.modules if m.startswith('kiosk.')))")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, env=env).stdout.split()
    assert loaded
    assert {name.removeprefix("kiosk.") for name in loaded} <= set(LOADER_MODULES)


@pytest.mark.parametrize("damage", [
    lambda data: data[: len(data) // 2],  # a write cut short
    lambda data: data[:-200] + b"\x00" * 200,
    lambda data: b"not a cache at all",
    lambda data: b"",
])
def test_a_damaged_cache_is_ignored_logged_and_rebuilt(tmp_path: Path, procedures: Path,
                                                       caplog: pytest.LogCaptureFixture,
                                                       damage) -> None:  # type: ignore[no-untyped-def]
    read = _saved(tmp_path / "cache", procedures)
    path = tmp_path / "cache" / CACHE_FILE
    path.write_bytes(damage(path.read_bytes()))
    with caplog.at_level(logging.WARNING, logger="kiosk.catalogue_cache"):
        again = load_cached(tmp_path / "cache", procedures)
    assert not again.hit and again.catalogue == read
    assert any("cache" in record.getMessage() for record in caplog.records)
    again.save()
    assert load_cached(tmp_path / "cache", procedures).hit


class _Planted:
    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (os.mkdir, (str(PLANTED),))


PLANTED = Path("/nonexistent")


def test_a_cache_that_names_other_code_is_never_run(tmp_path: Path, procedures: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.modules[__name__], "PLANTED", tmp_path / "planted")
    key = catalogue_key(procedures)
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / CACHE_FILE).write_bytes(MAGIC + key + pickle.dumps(_Planted()))
    again = load_cached(tmp_path / "cache", procedures)
    assert not again.hit and again.catalogue.procedures
    assert not (tmp_path / "planted").exists()


def test_a_cache_that_cannot_be_written_is_not_fatal(tmp_path: Path, procedures: Path,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be")
    cached = load_cached(blocker, procedures)
    with caplog.at_level(logging.WARNING, logger="kiosk.catalogue_cache"):
        cached.save()
    assert any("not written" in record.getMessage() for record in caplog.records)
    assert cached.catalogue.procedures


def test_the_start_writes_the_cache_only_after_the_catalogue_is_in_use(tmp_path: Path) -> None:
    config = KioskConfig(data_dir=tmp_path / "kiosk", central_url="http://127.0.0.1:9/api",
                         scanner_dir=tmp_path)
    with ExitStack() as cleanup:
        read = launcher._first_read(config, False, cleanup)
        assert read.subjects is None and read.cached is not None and not read.cached.hit
        assert not (config.data_dir / launcher.CACHE_DIR / CACHE_FILE).exists()
        assert not (config.data_dir / launcher.CACHE_DIR / SUBJECTS_FILE).exists()
        backend = launcher._load(read.config, False, read.cached)
        backend.outbox.close()
    assert (config.data_dir / launcher.CACHE_DIR / CACHE_FILE).is_file()
    with ExitStack() as cleanup:
        read = launcher._first_read(config, False, cleanup)
        assert read.cached is None and read.subjects  # the subjects were kept with the cache
        assert launcher._load_catalogue(config).hit
