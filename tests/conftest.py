"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.procedures import Catalogue, load_catalogue  # noqa: E402


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The shipped catalogue; a broken shipped file fails here, loudly."""
    loaded = load_catalogue()
    assert not loaded.errors, [str(e) for e in loaded.errors]
    return loaded
