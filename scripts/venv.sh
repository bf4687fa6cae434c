#!/usr/bin/env bash
# Creates .venv and installs the project into it with the given extras.
# Usage: scripts/venv.sh [extras]   e.g. scripts/venv.sh test
#
# The venv prefers Python 3.12 or later wherever one is installed (the oldest
# such): there `True` and `None` are immortal, so a Qt binding that drops
# references to them (PySide6 6.12.0 does, on every emit and every void call)
# cannot crash the kiosk after a day. On a Python 3.11 (Debian 12's), pyproject.toml pins
# the binding to a release without that defect. PYTHON=... overrides the choice.
set -euo pipefail
cd "$(dirname "$0")/.."

is_recent() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; }

pick_python() {
  if [ -n "${PYTHON:-}" ]; then echo "$PYTHON"; return; fi
  local candidate
  for candidate in python3.12 python3.13 python3.14; do
    command -v "$candidate" >/dev/null && is_recent "$candidate" && { command -v "$candidate"; return; }
  done
  # pyenv keeps other versions out of PATH unless selected: look in its folder.
  local root
  root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
  for candidate in $(ls -d "$root"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -V); do
    is_recent "$candidate" && { echo "$candidate"; return; }
  done
  echo python3
}

python=$(pick_python)
# A venv made earlier with an older Python is made again when a recent one exists.
if [ -x .venv/bin/python ] && ! is_recent .venv/bin/python && is_recent "$python"; then
  echo "Recreating .venv with $("$python" --version) (was $(.venv/bin/python --version))"
  rm -rf .venv
fi
[ -x .venv/bin/python ] || "$python" -m venv .venv
spec="."
[ -n "${1:-}" ] && spec=".[$1]"
.venv/bin/python -m pip install -q --disable-pip-version-check -e "$spec"
