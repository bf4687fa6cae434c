"""Voice mode: time from a tap to the first sound, against espeak-ng alone.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_voice.py [--runs 15]

The kiosk window runs with the voice on and the real engine (espeak-ng; its sound goes to
a player that throws it away, so the machine needs no sound card). Each run posts taps to
the event queue as the window system does, and stops the clock when the engine's first
audio buffer of the answer leaves espeak-ng (``EspeakEngine.on_first_audio``):

- **touch to hear**: one tap on « Seul(e) »; the answer is the button's name;
- **tap to act**: the second tap on it; the answer is the first sentence of the next page
  (« Que voulez-vous faire ? »), after the visit's move, the new screen and its speech.

Baselines, in the same run, alternating with the kiosk's: a bare ``espeak-ng --stdout``
process given the same words on standard input, from its start to its first bytes of sound
(the floor of a voice started on demand); and, for « tap to act », the same tap's new screen
painted (what a sighted citizen waits for). Medians; the ratio is kiosk / baseline.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DISCARD = ["sh", "-c", "cat > /dev/null"]


def bare_espeak(text: str) -> float:
    """Seconds from starting espeak-ng with ``text`` to its first bytes of sound."""
    from kiosk.voice_engine import WAV_HEADER_BYTES, espeak_command

    began = time.perf_counter()
    process = subprocess.Popen(espeak_command("fr", 175, 100), stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(text.encode("utf-8"))
    process.stdin.close()
    count = 0
    while count <= WAV_HEADER_BYTES:  # the header comes first, then the sound
        count += len(process.stdout.read1(4096))
    first = time.perf_counter() - began
    process.stdout.read()
    process.wait()
    return first


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs

    from PySide6.QtCore import QEvent, QObject, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    from kiosk.config import KioskConfig
    from kiosk.flow import Page
    from kiosk.launcher import build_services
    from kiosk.procedures import load_catalogue
    from kiosk.voice_engine import EspeakEngine
    from ui.app import create_application
    from ui.main_window import MainWindow

    if not EspeakEngine.available():
        sys.exit("espeak-ng is not installed: run scripts/system-deps.sh")
    folder = Path(tempfile.mkdtemp(prefix="bench-voice-"))
    config = KioskConfig(kiosk_id="BENCH-K01", site="0000", data_dir=folder / "kiosk",
                         central_url="http://127.0.0.1:9/api", scanner_dir=folder)
    services = build_services(config, catalogue=load_catalogue())
    services.sync = None
    sounds: list[float] = []
    engine = EspeakEngine(player=DISCARD, on_first_audio=sounds.append)
    app = create_application([])
    window = MainWindow(config, services)
    window.voice.factory = lambda: engine
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    window.voice.switch(True)

    def settle() -> None:
        """Until the voice has said all it had to (a page is said once the event loop turns)."""
        quiet_since = time.perf_counter()
        while time.perf_counter() - quiet_since < 0.2:
            app.processEvents()
            if engine.speaking():
                quiet_since = time.perf_counter()
            time.sleep(0.002)

    def tap(button) -> float:  # type: ignore[no-untyped-def]
        centre = QPointF(button.rect().center())
        began = time.perf_counter()
        for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            QApplication.postEvent(button, QMouseEvent(
                kind, centre, button.mapToGlobal(centre), Qt.MouseButton.LeftButton,
                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
        return began

    painted: list[float] = []

    class PaintWatch(QObject):
        """When the picker's screen paints (the screen's own answer to the tap)."""

        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]  # noqa: N802
            if event.type() == QEvent.Type.Paint and watched is window.picker:
                painted.append(time.perf_counter())
            return False

    watch = PaintWatch()
    app.installEventFilter(watch)

    def first_sound_after(began: float) -> float:
        deadline = began + 10
        while not any(t > began for t in sounds):
            app.processEvents()
            assert time.perf_counter() < deadline, "no sound"
        return min(t for t in sounds if t > began) - began

    hear, act, base_name, base_page, paint = [], [], [], [], []
    button = window.welcome.alone_button
    for run in range(runs + 1):  # the first run warms up, untimed
        settle()
        base_name.append(bare_espeak(button.accessibleName()))
        hear.append(first_sound_after(tap(button)))
        base_page.append(bare_espeak("Que voulez-vous faire ?"))
        began = tap(button)
        act.append(first_sound_after(began))
        while not any(t > began for t in painted):
            app.processEvents()
        paint.append(min(t for t in painted if t > began) - began)
        assert window.visit.page is Page.PICKER
        settle()
        window.go_home()
        if run == 0:
            for series in (hear, act, base_name, base_page, paint):
                series.clear()
    settle()
    engine.close()
    window.close()

    def line(name: str, kiosk: list[float], base: list[float]) -> None:
        k, b = statistics.median(kiosk), statistics.median(base)
        print(f"{name:16} kiosk {k * 1000:6.1f} ms   bare espeak-ng {b * 1000:6.1f} ms   "
              f"ratio {k / b:4.2f}x   (kiosk min {min(kiosk) * 1000:.1f}, max {max(kiosk) * 1000:.1f})")

    print(f"{runs} runs, medians")
    line("touch to hear", hear, base_name)
    line("tap to act", act, base_page)
    k, p = statistics.median(act), statistics.median(paint)
    print(f"{'tap to act':16} kiosk {k * 1000:6.1f} ms   its screen painted {p * 1000:6.1f} ms   "
          f"ratio {k / p:4.2f}x")


if __name__ == "__main__":
    main()
