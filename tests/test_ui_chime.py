"""The call chime never stops a call: without Qt Multimedia it stays silent and says why."""

from __future__ import annotations

import builtins
import logging

import pytest

from ui.chime import Chime


def test_a_chime_without_qt_multimedia_is_silent_and_logged(  # type: ignore[no-untyped-def]
        qtbot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    real_import = builtins.__import__

    def no_multimedia(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "PySide6.QtMultimedia":
            raise ImportError("libpulse.so.0: cannot open shared object file")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_multimedia)
    chime = Chime()
    with caplog.at_level(logging.ERROR, logger="ui.chime"):
        chime.play()
        chime.play()
    assert chime.asked == 2
    assert caplog.text.count("call chime unavailable") == 1
