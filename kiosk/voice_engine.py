"""The kiosk's voice: a small engine interface, espeak-ng behind it, and a recorder for tests.

Speech must work offline and without any assistive technology attached, so the
default engine is Debian's espeak-ng, driven as a subprocess: it writes a WAV
to its standard output, which goes on to a player (``aplay``, through ALSA or
PulseAudio's ALSA plugin, or ``paplay``/``pw-play``). The text goes in on
standard input, never on the command line: the summary reads a citizen's
answers aloud, and a command line is visible to every process of the machine.

The interface (:class:`VoiceEngine`) is what the rest of the kiosk uses: say,
interrupt, volume, rate, language, and whether it is still speaking. A better
voice can be plugged in later behind it. :class:`RecordingEngine` is the ears
of the tests: it keeps what would have been said.
"""

from __future__ import annotations

import contextlib
import io
import logging
import math
import queue
import re
import shutil
import struct
import subprocess
import threading
import time
import wave
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

log = logging.getLogger(__name__)

VOICES = {"fr": "fr", "en": "en", "ar": "ar"}
"""The kiosk's languages and espeak-ng's voice for each (all three ship with Debian's package)."""

CHIME = "♪"
"""What the recording engine keeps for the chime (a sound, not words)."""

MIN_RATE, MAX_RATE = 80, 320
"""Words per minute the citizen can choose between (espeak-ng's default is 175)."""


class VoiceEngine(Protocol):
    """What the kiosk needs from a voice; every call returns at once (speech runs on)."""

    volume: int
    """0 to 100."""
    rate: int
    """Words per minute."""
    language: str
    """A key of ``VOICES``."""

    def say(self, text: str) -> None:
        """Speak ``text`` after what is already queued."""

    def interrupt(self) -> None:
        """Stop speaking now and forget what was queued."""

    def chime(self) -> None:
        """A short sound that calls attention (the idle warning)."""

    def speaking(self) -> bool:
        """Whether words are being spoken or wait to be."""

    def close(self) -> None:
        """Stop, and end what the engine started (the kiosk is closing)."""


@dataclass
class RecordingEngine:
    """Keeps what would be spoken: the tests listen through it."""

    volume: int = 100
    rate: int = 175
    language: str = "fr"
    heard: list[str] = field(default_factory=list)
    """Every utterance, in order, interruptions included (``CHIME`` for the chime)."""
    interruptions: int = 0
    busy: bool = False
    """What ``speaking()`` answers: a test can pretend the voice is still reading."""

    def say(self, text: str) -> None:
        self.heard.append(text)

    def interrupt(self) -> None:
        self.interruptions += 1
        self.busy = False

    def chime(self) -> None:
        self.heard.append(CHIME)

    def speaking(self) -> bool:
        return self.busy

    def close(self) -> None:
        self.interrupt()

    def take(self) -> list[str]:
        """What was heard since the last call (the test « listens »)."""
        heard, self.heard = self.heard, []
        return heard


MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre")
_DATE = re.compile(r"\b(\d{2})/(\d{2})/(\d{4})\b")
_BOTH = re.compile(r"(\w+)\(e\)")
_CODE = re.compile(r"\b(?=[A-Z0-9-]*[0-9])(?=[A-Z0-9-]*[A-Z])[A-Z0-9]+(?:-[A-Z0-9]+)*\b")


def pronounceable(text: str, language: str = "fr") -> str:
    """The words as a voice should say them: a plate or a reference (AB-123-CD, 2017RV48832)
    spelled out sign by sign, not read as « ab cent vingt-trois » ; a French date
    (12/03/1950) as « 12 mars 1950 »; « Seul(e) » as « Seul ou seule ». What is shown and
    recorded stays as written."""
    text = _CODE.sub(lambda m: ", ".join(" ".join(part) for part in m.group(0).split("-")), text)
    if language == "fr":
        def spoken_date(m: re.Match[str]) -> str:
            day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
            if not 1 <= month <= 12:
                return m.group(0)
            return f"{'1er' if day == 1 else day} {MONTHS_FR[month - 1]} {year}"

        text = _DATE.sub(spoken_date, text)
        text = _BOTH.sub(lambda m: f"{m.group(1)} ou {m.group(1).lower()}e", text)
    return text


class SilentEngine(RecordingEngine):
    """No voice on this machine: says nothing and keeps nothing (a citizen's words included)."""

    def say(self, text: str) -> None:
        pass

    def chime(self) -> None:
        pass


def espeak_command(language: str, rate: int, volume: int, program: str = "espeak-ng") -> list[str]:
    """espeak-ng writing a WAV of standard input's text to standard output.

    Its amplitude runs 0-200 (100 is its default): the kiosk's 0-100 maps onto 0-200 so
    that « plus fort » can go above the default in a noisy hall."""
    return [program, "-v", VOICES.get(language, "fr"), "-s", str(rate), "-a", str(volume * 2),
            "--stdout"]


def find_player() -> list[str] | None:
    """A program that plays a WAV read on standard input, or None (no sound on this machine)."""
    for command in (["aplay", "-q", "-"], ["paplay"], ["pw-play", "-"]):
        if shutil.which(command[0]):
            return command
    return None


def chime_wav(rate: int = 22050) -> bytes:
    """Two short rising notes, as a WAV: generated, so no sound file is shipped."""
    frames = bytearray()
    for pitch in (660.0, 880.0):
        count = int(rate * 0.18)
        for i in range(count):
            fade = min(1.0, i / 200, (count - i) / 200)
            frames += struct.pack("<h", int(12000 * fade * math.sin(2 * math.pi * pitch * i / rate)))
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(bytes(frames))
    return out.getvalue()


def _feed(process: subprocess.Popen[bytes], data: bytes) -> None:
    assert process.stdin is not None
    try:
        process.stdin.write(data)
        process.stdin.close()
    except (BrokenPipeError, ValueError):  # interrupted: the process is gone
        pass


WAV_HEADER_BYTES = 44
"""espeak-ng's ``--stdout`` begins with a WAV header before any sound."""

Settings = tuple[str, int, int]
Pair = tuple[subprocess.Popen[bytes], subprocess.Popen[bytes] | None]


class EspeakEngine:
    """espeak-ng to a player, one utterance after the other on a thread of its own.

    The next espeak-ng and its player are started ahead, waiting for words: a process
    started at the tap would spend 20-50 ms loading before the first sound (measured in
    ``benchmarks/bench_voice.py``). ``on_first_audio`` is told (on the engine's thread) when
    the first buffer of sound of an utterance leaves espeak-ng, for that benchmark."""

    def __init__(self, language: str = "fr", rate: int = 175, volume: int = 100,
                 program: str = "espeak-ng", player: list[str] | None = None,
                 on_first_audio: Callable[[float], None] | None = None) -> None:
        self.language = language
        self.rate = rate
        self.volume = volume
        self.program = program
        self.player = player if player is not None else find_player()
        self.on_first_audio = on_first_audio
        self._queue: queue.Queue[tuple[int, str | bytes]] = queue.Queue()
        self._generation = 0  # bumped by interrupt: older queued utterances are dropped
        self._lock = threading.Lock()
        self._running: list[subprocess.Popen[bytes]] = []
        self._busy = 0
        self._ready: tuple[Settings, Pair] | None = None
        self._thread = threading.Thread(target=self._run, name="voice", daemon=True)
        self._thread.start()
        self._queue.put((-2, ""))  # start the first pair ahead, off the caller's thread
        if self.player is None:
            log.warning("voice: no audio player found (aplay, paplay, pw-play): speech is silent")

    @staticmethod
    def available(program: str = "espeak-ng") -> bool:
        return shutil.which(program) is not None

    def say(self, text: str) -> None:
        if text.strip():
            self._put(pronounceable(text, self.language))

    def chime(self) -> None:
        self._put(chime_wav())

    def _put(self, item: str | bytes) -> None:
        with self._lock:
            self._busy += 1
            self._queue.put((self._generation, item))

    def interrupt(self) -> None:
        with self._lock:
            self._generation += 1
            running = list(self._running)
        for process in running:
            if process.poll() is None:
                process.kill()

    def speaking(self) -> bool:
        with self._lock:
            return self._busy > 0

    def close(self) -> None:
        self.interrupt()
        self._queue.put((-1, ""))
        self._thread.join(timeout=2)

    def _run(self) -> None:
        while True:
            generation, item = self._queue.get()
            if generation == -1:
                if self._ready is not None:
                    _stop(*self._ready[1])
                return
            if generation == -2:
                self._ready = (self._settings(), self._start_pair())
                continue
            try:
                if generation == self._generation:
                    self._play(generation, item)
                    if self._ready is None:
                        self._ready = (self._settings(), self._start_pair())
            except OSError as exc:
                log.error("voice: could not speak (%s)", type(exc).__name__)
            finally:
                with self._lock:
                    self._busy -= 1

    def _settings(self) -> Settings:
        return (self.language, self.rate, self.volume)

    def _start_player(self) -> subprocess.Popen[bytes] | None:
        if self.player is None:
            return None
        return subprocess.Popen(self.player, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)

    def _start_pair(self) -> Pair:
        source = subprocess.Popen(
            espeak_command(self.language, self.rate, self.volume, self.program),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        return source, self._start_player()

    def _take_pair(self) -> Pair:
        """The pair started ahead if the voice's settings have not changed since, else a new one."""
        ready, self._ready = self._ready, None
        if ready is not None and ready[0] == self._settings():
            return ready[1]
        if ready is not None:
            _stop(*ready[1])
        return self._start_pair()

    def _play(self, generation: int, item: str | bytes) -> None:
        if isinstance(item, str):
            source, player = self._take_pair()
            assert source.stdout is not None
            # Written from another thread: espeak-ng may fill its output pipe before it has
            # read a long text (the consent), and both sides would wait on each other.
            threading.Thread(target=_feed, args=(source, item.encode("utf-8")), daemon=True).start()
            audio: io.BufferedIOBase = source.stdout  # type: ignore[assignment]
            header = WAV_HEADER_BYTES
        else:
            source, player, header = None, self._start_player(), 0
            audio = io.BytesIO(item)
        started = [p for p in (source, player) if p is not None]
        with self._lock:
            self._running += started
            if generation != self._generation:  # interrupted meanwhile
                for process in started:
                    process.kill()
        try:
            self._pour(audio, player, header)
        finally:
            _stop(source, player)
            with self._lock:
                for process in started:
                    self._running.remove(process)

    def _pour(self, audio: io.BufferedIOBase, player: subprocess.Popen[bytes] | None,
              header: int) -> None:
        """From espeak-ng (or the chime) to the player, as the sound comes."""
        count = 0
        while chunk := audio.read1(4096):  # what espeak-ng has written, without waiting for more
            if count <= header < count + len(chunk) and self.on_first_audio is not None:
                self.on_first_audio(time.perf_counter())
            count += len(chunk)
            if player is not None and player.stdin is not None:
                try:
                    player.stdin.write(chunk)
                except BrokenPipeError:
                    return


def _stop(source: subprocess.Popen[bytes] | None, player: subprocess.Popen[bytes] | None) -> None:
    """Let the player finish what it was given; a source not used (or cut) is ended."""
    if source is not None:
        if source.stdin is not None and not source.stdin.closed:
            source.kill()  # started ahead and never given words
        source.wait()
    if player is not None:
        if player.stdin is not None:
            with contextlib.suppress(BrokenPipeError):
                player.stdin.close()
        player.wait()
