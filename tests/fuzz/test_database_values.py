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
from roster_app.persistence.volunteer_edit import VolunteerEditStore
from solver.model import SolveOptions, solve
from tests.persistence.conftest import WEEK
from tests.persistence.test_store_v3 import rich_v3_scenario

VOLUNTEER_LIMITS = ["max_minutes", "min_minutes", "max_consecutive_days", "min_consecutive_days",
                    "min_consecutive_days_off", "max_weekends"]

COLUMNS = {
    "communities": ["name", "work_start_min", "work_end_min", "max_slots_per_day", "default_max_hours_per_week",
                    "min_posts_registered", "minor_latest_end_min", "max_consecutive_days", "min_rest_hours",
                    "history_weeks", "objective_version", "coverage"],
    "gates": ["code", "name", "position", "needs_party_member"],
    "slots": ["code", "name", "start_min", "end_min", "position"],
    "demand_rules": ["min_people", "max_people", "days_kind", "position", "under_weight", "over_weight"],
    "volunteers": ["code", "name", "phone", "kind", "party_member", "employed", "minor", "max_hours_per_week",
                   "active", "registered", *VOLUNTEER_LIMITS],
    "volunteer_slot_limits": ["slot_id", "max_posts"],
    "volunteer_requests": ["date", "slot_id", "wanted", "weight"],
    "forbidden_sequences": ["first_slot_id", "second_slot_id"],
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
        store.import_scenario(rich_v3_scenario())  # version 3's rows, for their columns
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
                VolunteerEditStore(store).volunteers(info.id)
    except (StoreError, DatabaseError) as exc:
        assert str(exc)
    assert digest(path) == before, "reading changed the file"


@pytest.mark.parametrize("table, column", [
    *(("volunteers", c) for c in VOLUNTEER_LIMITS), ("demand_rules", "under_weight"),
    ("demand_rules", "over_weight"), ("volunteer_slot_limits", "max_posts"), ("volunteer_requests", "weight"),
])
@pytest.mark.parametrize("value", ["x", 2.5, "七"])  # ("7" SQLite would keep as 7)
def test_a_version_3_number_that_is_no_whole_number_is_refused_naming_it(
        prepared: Path, tmp_path: Path, table: str, column: str, value: object) -> None:
    """SQLite keeps text or a fraction in an integer column (and text passes ``>= 0``): read
    as it is, the engine would fail on it far from the database, so reading refuses it."""
    path = tmp_path / "bad.sqlite3"
    shutil.copy(prepared, path)
    with sqlite3.connect(path) as connection:
        connection.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = (SELECT max(rowid) FROM {table})",
                           (value,))
    with Database(f"sqlite:///{path}", backup_days=0) as db:
        store = RosterStore(db)
        v3 = store.communities()[-1].id
        with pytest.raises(DatabaseError, match=f"{table}.{column}.*not a whole number") as info:
            store.week_scenario(v3, WEEK)
        assert info.value.damaged and str(path) in str(info.value)


@pytest.mark.parametrize("table, column", [
    *(("volunteers", c) for c in VOLUNTEER_LIMITS), ("volunteer_slot_limits", "max_posts"),
    ("volunteer_requests", "weight"),
])
@pytest.mark.parametrize("value", ["x", 2.5, "七"])
def test_the_register_refuses_a_version_3_number_naming_it_as_the_week_does(
        prepared: Path, tmp_path: Path, table: str, column: str, value: object) -> None:
    """The volunteer register (the 志愿者 dialog, the import's merge, the reports) reads
    the same columns: it refuses such a value naming the column too, instead of showing it
    or handing it on."""
    path = tmp_path / "bad.sqlite3"
    shutil.copy(prepared, path)
    with sqlite3.connect(path) as connection:
        rowid = connection.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0]
        person = "id" if table == "volunteers" else "volunteer_id"
        code = connection.execute(f"SELECT code FROM volunteers WHERE id = (SELECT {person} FROM {table} "
                                  "WHERE rowid = ?)", (rowid,)).fetchone()[0]
        connection.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", (value, rowid))
    with Database(f"sqlite:///{path}", backup_days=0) as db:
        store = RosterStore(db)
        register = VolunteerEditStore(store)
        v3 = store.communities()[-1].id
        for read in (lambda: register.volunteers(v3), lambda: register.volunteer(v3, code)):
            with pytest.raises(DatabaseError, match=f"{table}.{column}.*not a whole number") as info:
                read()
            assert info.value.damaged and str(path) in str(info.value)
        # Another community's register is read as it is.
        assert register.volunteers(store.communities()[0].id)
