#!/usr/bin/env bash
# Installs everything GateRoster needs (see setup.sh) and runs the whole test suite,
# offscreen: no display is needed. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# One pytest worker per core (pytest-xdist): the suite is mostly single-threaded, and on
# CI's 2 cores it took 11 min in one process, 6 in two (2026-12-03). Each worker starts its
# own PostgreSQL server on a free port when its tests first ask for one.
exec .venv/bin/python -m pytest -n "${GATEROSTER_TEST_WORKERS:-auto}" "$@"
