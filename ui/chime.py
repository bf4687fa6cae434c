"""The chime of a call for a mediator: a short WAV played with Qt's sound effect.

Qt Multimedia is loaded at the first call, not at start-up (the welcome screen does not
wait for it). ``asked`` counts the plays asked for: a kiosk without a sound card plays
nothing, but the tests (offscreen) can still check the chime was asked to ring.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QUrl

from resources import resource_path

log = logging.getLogger(__name__)

CHIME = resource_path("sounds", "chime.wav")


class Chime(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.effect: Any = None
        self.asked = 0

    def play(self) -> None:
        """Ring once. Without Qt Multimedia (a missing sound library) the call still goes
        through, silently, and IT reads why in the log."""
        self.asked += 1
        if self.effect is None:
            try:
                from PySide6.QtMultimedia import QSoundEffect  # noqa: PLC0415 - loaded at the first call
            except ImportError as exc:
                log.error("call chime unavailable (Qt Multimedia does not load: %s)", exc)
                self.effect = False
                return
            self.effect = QSoundEffect(self)
            self.effect.setSource(QUrl.fromLocalFile(str(CHIME)))
            self.effect.setVolume(0.8)
        if self.effect:
            self.effect.play()
