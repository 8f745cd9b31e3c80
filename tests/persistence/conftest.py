"""Fixtures of the persistence tests: every test of `db` runs on a SQLite file, a SQLite
in-memory database and a PostgreSQL database (a throwaway server, tests/helpers/postgres.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from roster_app.persistence import Database, RosterStore

WEEK = dt.date(2026, 11, 23)
"""A Monday of an ordinary week (no holiday), the week the demo is loaded for."""


BACKENDS = ["file", "memory", "postgresql"]


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "postgresql":
        server = request.getfixturevalue("postgres_server")
        url = server.new_database()
        database = Database(url)
        yield database
        database.close()
        server.drop(url)
        return
    url = f"sqlite:///{tmp_path / 'roster.sqlite3'}" if request.param == "file" else "sqlite://"
    database = Database(url)
    yield database
    database.close()


@pytest.fixture
def store(db: Database) -> RosterStore:
    return RosterStore(db)


@pytest.fixture
def demo_id(store: RosterStore) -> int:
    return store.load_demo(WEEK)
