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
