#!/usr/bin/env bash
# Installs everything GateRoster needs (see setup.sh) and starts the app.
# Extra arguments go to the app, e.g. --db postgresql://user@host/gateroster
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  cat >&2 <<'MSG'
GateRoster needs a screen, and this session has none (DISPLAY is not set).
To start it on a virtual screen (Xvfb, installed by the set-up):
    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/gateroster
or, on a desktop, run ./scripts/run.sh from a terminal inside the desktop session.
MSG
  exit 2
fi
exec .venv/bin/gateroster "$@"
