"""Shared test set-up: Qt runs offscreen (no display needed), fixtures live in tests/helpers."""

import os

# Must be set before anything imports Qt: without a platform and without X, Qt aborts.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402  (after the platform is chosen)


@pytest.fixture(scope="session")
def postgres_server():
    """One throwaway PostgreSQL server for the whole run, started when first asked for."""
    from tests.helpers.postgres import PostgresServer

    server = PostgresServer()
    yield server
    server.stop()

from hypothesis import settings as _hypothesis_settings  # noqa: E402

# The same examples on every run (CI must not turn red on a draw nobody can reproduce);
# HYPOTHESIS_PROFILE=explore draws new ones, for hunting bugs locally.
_hypothesis_settings.register_profile("repeatable", derandomize=True)
_hypothesis_settings.register_profile("explore", derandomize=False)
_hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))
