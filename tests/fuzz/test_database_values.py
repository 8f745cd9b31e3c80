"""Fuzzing what the database holds (hypothesis): a value changed behind the program's back
(another tool, a bad restore, a half-understood manual fix) is met with a clear
`StoreError`/`DatabaseError` or read as it is, never another exception, and reading never
writes. The values are written with SQLite itself, past the program's own checks; what
SQLite's own constraints refuse cannot be in the file and is skipped."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roster_app.persistence import Database, DatabaseError, RosterStore, StoreError
from solver.model import SolveOptions, solve
from tests.persistence.conftest import WEEK

COLUMNS = {
    "communities": ["name", "work_start_min", "work_end_min", "max_slots_per_day", "default_max_hours_per_week",
                    "min_posts_registered", "minor_latest_end_min", "max_consecutive_days", "min_rest_hours",
                    "history_weeks", "objective_version"],
    "gates": ["code", "name", "position", "needs_party_member"],
    "slots": ["code", "name", "start_min", "end_min", "position"],
    "demand_rules": ["min_people", "max_people", "days_kind", "position"],
    "volunteers": ["code", "name", "phone", "kind", "party_member", "employed", "minor", "max_hours_per_week",
                   "active", "registered"],
    "availability": ["weekday"],
    "kind_hour_caps": ["kind", "hours"],
    "soft_term_weights": ["term", "weight"],
    "weeks": ["status", "solver_status", "objective", "warnings", "conflicts"],
    "assignments": ["date", "pinned"],
}

values = (st.none() | st.integers(-5, 3000) | st.integers(-2**40, 2**40) | st.floats(allow_nan=True)
          | st.text(max_size=10) | st.sampled_from(["", "x", "2026-13-45", "[]", "{}", "[1, 2]", "null", "all",
                                                     "dates", "published", "OPTIMAL"]))


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dbfuzz") / "template.sqlite3"
    with Database(f"sqlite:///{path}", backup_days=0) as db:
        store = RosterStore(db)
        community = store.load_demo(WEEK)
        scenario = store.week_scenario(community, WEEK)
        store.save_roster(community, WEEK, solve(scenario, SolveOptions(time_limit_s=2)))
    return path


def digest(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        dump = "\n".join(connection.iterdump())
    return hashlib.sha256(dump.encode()).hexdigest()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(table=st.sampled_from(sorted(COLUMNS)), data=st.data())
def test_a_changed_value_is_read_or_refused_clearly(prepared: Path, tmp_path: Path, table: str, data) -> None:
    path = tmp_path / f"fuzz-{table}.sqlite3"
    shutil.copy(prepared, path)
    column = data.draw(st.sampled_from(COLUMNS[table]))
    value = data.draw(values)
    with sqlite3.connect(path) as connection:
        rowids = [r[0] for r in connection.execute(f"SELECT rowid FROM {table}")]
        if not rowids:
            return
        rowid = data.draw(st.sampled_from(rowids))
        try:
            connection.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", (value, rowid))
        except sqlite3.Error:
            return  # SQLite's own constraints refuse it: it cannot be in a file
    before = digest(path)
    try:
        with Database(f"sqlite:///{path}", backup_days=0) as db:
            store = RosterStore(db)
            for info in store.communities():
                store.week_scenario(info.id, WEEK)
                store.week_roster(info.id, WEEK)
                store.volunteer_details(info.id)
                store.weeks(info.id)
    except (StoreError, DatabaseError) as exc:
        assert str(exc)
    assert digest(path) == before, "reading changed the file"
