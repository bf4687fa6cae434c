#!/usr/bin/env bash
# Installs the Debian libraries PySide6 and the tests need, only when absent.
# Usage: scripts/system-deps.sh [test|desktop]
set -euo pipefail
want=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core)
want+=(espeak-ng libpulse0)  # libpulse0: Qt Multimedia (the call chime); espeak-ng: voice mode's offline voice (fr, en, ar); its smoke test writes a WAV
[ "${1:-test}" = test ] && want+=(poppler-utils sqlite3)  # sqlite3: the shell's .recover in queue recover
[ "${1:-test}" = desktop ] && want+=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-shape0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0
  alsa-utils)  # aplay: plays the voice through ALSA, or PulseAudio's ALSA plugin
missing=()
for package in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "Missing system libraries (${missing[*]}) and no apt-get: install them by hand." >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "Installing system libraries: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
