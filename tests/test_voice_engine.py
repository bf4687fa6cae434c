"""The real voice: espeak-ng writes speech (not silence) in French, English and Arabic, and the
engine plays utterances in order, stops at once when interrupted, and says when sound starts.

Skipped, with the reason, where espeak-ng is not installed (scripts/system-deps.sh installs it).
"""

from __future__ import annotations

import array
import io
import math
import subprocess
import sys
import time
import wave
from pathlib import Path

import pytest

from kiosk.voice_engine import EspeakEngine, chime_wav, espeak_command, pronounceable

needs_espeak = pytest.mark.skipif(
    not EspeakEngine.available(),
    reason="espeak-ng is not installed: run scripts/system-deps.sh (apt package espeak-ng)")


def speech_measures(wav_bytes: bytes) -> tuple[float, float, float]:
    """(seconds, overall RMS, share of 20 ms windows louder than 1% of full scale)."""
    with wave.open(io.BytesIO(wav_bytes)) as wav:
        assert wav.getsampwidth() == 2 and wav.getnchannels() == 1
        rate = wav.getframerate()
        samples = array.array("h", wav.readframes(wav.getnframes()))
    if not samples:
        return 0.0, 0.0, 0.0
    rms = math.sqrt(sum(s * s for s in samples) / len(samples))
    window = rate // 50
    windows = [samples[i:i + window] for i in range(0, len(samples) - window, window)]
    loud = sum(1 for w in windows if math.sqrt(sum(s * s for s in w) / len(w)) > 327)
    return len(samples) / rate, rms, loud / max(1, len(windows))


def speak_to_wav(text: str, language: str, rate: int = 175, volume: int = 100) -> bytes:
    done = subprocess.run(espeak_command(language, rate, volume), input=text.encode("utf-8"),
                          capture_output=True, check=True, timeout=30)
    return done.stdout


@needs_espeak
@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Changer l'adresse de ma carte grise. Question 1 sur 2."),
    ("en", "Change the address on my registration certificate."),
    ("ar", "تغيير العنوان في شهادة التسجيل"),
])
def test_espeak_writes_speech_in_each_language(tmp_path: Path, language: str, text: str) -> None:
    wav = speak_to_wav(text, language)
    (tmp_path / f"voice-{language}.wav").write_bytes(wav)
    seconds, rms, voiced = speech_measures(wav)
    assert 1.0 < seconds < 10.0, seconds
    assert rms > 1000, rms  # speech, not silence (full scale is 32767)
    assert voiced > 0.4, voiced  # sound through most of it, with the pauses between words


@needs_espeak
def test_slower_speech_lasts_longer_and_softer_is_quieter() -> None:
    text = "Vérifiez votre demande."
    normal, slow = speak_to_wav(text, "fr", 175), speak_to_wav(text, "fr", 90)
    assert speech_measures(slow)[0] > 1.5 * speech_measures(normal)[0]
    assert speech_measures(speak_to_wav(text, "fr", volume=30))[1] < 0.6 * speech_measures(normal)[1]


def test_the_chime_is_a_sound() -> None:
    seconds, rms, voiced = speech_measures(chime_wav())
    assert 0.2 < seconds < 1.0 and rms > 3000 and voiced > 0.9


def recorder(folder: Path, paced: bool = False) -> list[str]:
    """A « player » that keeps each WAV it is given in ``folder``, one file per utterance
    (none for a player started ahead and never used);
    ``paced``: taking it in at the pace a sound card plays it (22 050 samples of 2 bytes a second)."""
    code = ("import sys, time, pathlib\n"
            "out = None\n"
            "while chunk := sys.stdin.buffer.read(4410):\n"
            f"    out = out or pathlib.Path({str(folder)!r}, f'{{time.monotonic_ns()}}.wav').open('wb')\n"
            f"    out.write(chunk); out.flush(); time.sleep({0.1 if paced else 0})\n")
    return [sys.executable, "-c", code]


def wait_quiet(engine: EspeakEngine, seconds: float = 20) -> None:
    end = time.monotonic() + seconds
    while engine.speaking():
        assert time.monotonic() < end, "the engine never fell quiet"
        time.sleep(0.02)


@needs_espeak
def test_the_engine_plays_each_utterance_in_order_and_tells_the_first_sound(tmp_path: Path) -> None:
    starts: list[float] = []
    engine = EspeakEngine(player=recorder(tmp_path), on_first_audio=starts.append)
    try:
        said_at = time.perf_counter()
        engine.say("Bonjour.")
        engine.say("Vous avez déménagé. Vous devez mettre votre nouvelle adresse sur la carte grise.")
        assert engine.speaking()
        wait_quiet(engine)
    finally:
        engine.close()
    played = sorted(tmp_path.glob("*.wav"))
    assert len(played) == 2 and len(starts) == 2 and said_at < starts[0] < starts[1]
    first, second = (speech_measures(p.read_bytes()) for p in played)
    assert first[1] > 1000 and second[1] > 1000
    assert second[0] > 2 * first[0]  # the long sentence is the second one played


@needs_espeak
def test_interrupt_stops_now_and_forgets_what_was_queued(tmp_path: Path) -> None:
    engine = EspeakEngine(player=recorder(tmp_path, paced=True))
    try:
        long = " ".join(["Les documents à avoir sous la main."] * 40)
        for _ in range(5):
            engine.say(long)
        time.sleep(0.2)
        began = time.monotonic()
        engine.interrupt()
        wait_quiet(engine, 5)
        assert time.monotonic() - began < 3
        engine.say("Répéter.")
        wait_quiet(engine)
    finally:
        engine.close()
    played = [p.read_bytes() for p in sorted(tmp_path.glob("*.wav"))]
    # The long one cut short (if its player had started), then the new one.
    assert 1 <= len(played) <= 2
    assert all(len(cut) < 5 * 44_100 for cut in played[:-1])  # under 5 s of its 80 s
    assert 0.3 < speech_measures(played[-1])[0] < 2.0


@pytest.mark.parametrize(("written", "said"), [
    ("Exemple : AB-123-CD", "Exemple : A B, 1 2 3, C D"),
    ("Numéro de formule : 2017RV48832", "Numéro de formule : 2 0 1 7 R V 4 8 8 3 2"),
    ("Réponse donnée : 01/03/1950", "Réponse donnée : 1er mars 1950"),
    ("Seul(e)", "Seul ou seule"),
    ("Cela prend environ 10 minutes.", "Cela prend environ 10 minutes."),  # a number stays one
    ("Code postal : 75004", "Code postal : 75004"),
    ("Numéro d'enregistrement : PN-7501-K02-000001",
     "Numéro d'enregistrement : P N, 7 5 0 1, K 0 2, 0 0 0 0 0 1"),
])
def test_codes_are_spelled_and_dates_said_in_words(written: str, said: str) -> None:
    assert pronounceable(written) == said


def test_an_english_date_is_left_to_the_english_voice() -> None:
    assert pronounceable("Born 12/03/1950", "en") == "Born 12/03/1950"


def test_without_espeak_the_kiosk_is_silent_and_keeps_no_words(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ui import voice_mode

    monkeypatch.setattr(EspeakEngine, "available", staticmethod(lambda program="espeak-ng": False))
    engine = voice_mode.default_engine()
    engine.say("Nom de famille : DUPONT")
    engine.chime()
    assert not engine.speaking() and "DUPONT" not in repr(vars(engine))
