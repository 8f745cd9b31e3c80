#!/usr/bin/env bash
# Installs what GateRoster needs on a fresh Debian/Ubuntu machine: the system libraries
# Qt loads, a CJK font (without one Chinese draws as boxes), Xvfb for screenshots and
# poppler for looking at PDFs; then a virtual environment with the package and its tests.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
  # Offscreen Qt (tests, PDF, PNG). Without libglib2.0-0 even QtCore fails to import.
  libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libx11-6
  # A real window (on a desktop or under Xvfb).
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxkbcommon-x11-0
  libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1
  xvfb xauth
  # The CJK font the app names explicitly (see roster_app/fonts.py).
  fonts-wqy-microhei
  # pdftoppm / pdftotext to look at printed pages.
  poppler-utils
  # The tests run the persistence layer on PostgreSQL too, on a throwaway server of their
  # own (tests/helpers/postgres.py); runuser (util-linux) starts it as a non-root user.
  postgresql util-linux
)

PYTHON="${PYTHON:-python3}"
# Debian's own Python ships venv and ensurepip as a separate package.
if ! command -v "$PYTHON" >/dev/null 2>&1 || ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  SYSTEM_PACKAGES+=(python3 python3-venv python3-pip)
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing system packages: ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
else
  echo "setup: not a Debian/Ubuntu system; install Qt's libraries, a CJK font and Xvfb yourself." >&2
fi

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "setup: GateRoster needs Python 3.11 or newer; $("$PYTHON" --version 2>&1) found. Set PYTHON=/path/to/python3.11." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi
# Reinstall only when pyproject.toml changed since the last install.
stamp=.venv/.gateroster-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[test]'
  touch "$stamp"
fi
# The English catalogue the app loads: compiled from resources/translations/*.ts, never
# committed, so rebuilt whenever a .ts is newer than its .qm.
for ts in resources/translations/*.ts; do
  [ -e "$ts" ] || continue
  qm="${ts%.ts}.qm"
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    .venv/bin/python -m roster_app.i18n release
    break
  fi
done
