#!/usr/bin/env bash
# Extract the French source strings of ui/ into resources/translations/kiosk_<lang>.ts
# (translations already made are kept), then compile every .ts into the .qm the kiosk loads.
# Usage: scripts/update_translations.sh [lang ...]   (default: en ar)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv_bin="$root/.venv/bin"

find_tool() {  # the pyside6-<name> wrapper, else the binary inside the PySide6 package
    if [[ -x "$venv_bin/pyside6-$1" ]]; then echo "$venv_bin/pyside6-$1"; return; fi
    local pkg
    pkg="$("$venv_bin/python" -c 'import os, PySide6; print(os.path.dirname(PySide6.__file__))')"
    if [[ -x "$pkg/$1" ]]; then echo "$pkg/$1"; return; fi
    echo "cannot find $1 (install PySide6 in $root/.venv)" >&2; exit 1
}
lupdate="$(find_tool lupdate)"
lrelease="$(find_tool lrelease)"

cd "$root"
mapfile -t sources < <(find ui -name '*.py' | sort)
langs=("$@"); [[ ${#langs[@]} -gt 0 ]] || langs=(en ar)
for lang in "${langs[@]}"; do
    ts="resources/translations/kiosk_${lang}.ts"
    "$lupdate" -no-obsolete -locations relative -target-language "$lang" "${sources[@]}" -ts "$ts"
done
for ts in resources/translations/kiosk_*.ts; do
    "$lrelease" "$ts" -qm "${ts%.ts}.qm"
done
