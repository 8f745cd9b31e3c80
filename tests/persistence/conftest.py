"""Fixtures of the persistence tests: a database both as a temp file and in memory."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from roster_app.persistence import Database, RosterStore

WEEK = dt.date(2026, 11, 23)
"""A Monday of an ordinary week (no holiday), the week the demo is loaded for."""


@pytest.fixture(params=["file", "memory"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
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
