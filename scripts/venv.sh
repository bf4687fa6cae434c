#!/usr/bin/env bash
# Creates .venv (once) and installs the project into it with the given extras.
# Usage: scripts/venv.sh [extras]   e.g. scripts/venv.sh test
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
spec="."
[ -n "${1:-}" ] && spec=".[$1]"
.venv/bin/python -m pip install -q --disable-pip-version-check -e "$spec"
