#!/usr/bin/env bash
# Installs everything GateRoster needs (see setup.sh) and runs the whole test suite,
# offscreen: no display is needed. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m pytest "$@"
