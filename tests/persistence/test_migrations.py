"""Migrations: the schema they build, upgrading old files with a backup, refusing newer ones.

`data/legacy_v1.sql` is a database as GateRoster wrote it before Alembic (the demo and a
saved roster, no ``alembic_version``), so the oldest real case is tested with real rows.
"""

from __future__ import annotations

import dataclasses
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, create_engine, inspect, text

from roster_app.demo import demo_scenario
from roster_app.persistence import Database, DatabaseError, RosterStore
from roster_app.persistence import migrate
from roster_app.persistence.models import SCHEMA_VERSION, Base
from solver.scenario import DEFAULT_WEIGHTS, Assignment, Rules
from tests.persistence.conftest import WEEK
from tests.persistence.test_store import sample_roster

LEGACY_SQL = (Path(__file__).parent / "data" / "legacy_v1.sql").read_text("utf-8")


def legacy_file(path: Path) -> Path:
    """A database file exactly as GateRoster before Alembic left it."""
    conn = sqlite3.connect(path)
    conn.executescript(LEGACY_SQL)
    conn.close()
    return path


def url(path: Path) -> str:
    return f"sqlite:///{path}"


def schema_of(connection: Connection) -> dict[str, Any]:
    """Every table's columns, keys, indexes and checks as SQLite reports them."""
    insp = inspect(connection)
    out: dict[str, Any] = {}
    for table in sorted(set(insp.get_table_names()) - {"alembic_version"}):
        pk = insp.get_pk_constraint(table)
        out[table] = {
            "columns": [(c["name"], str(c["type"]), c["nullable"], c.get("default")) for c in insp.get_columns(table)],
            "pk": (pk["name"], tuple(pk["constrained_columns"])),
            "fks": sorted((fk["name"], tuple(fk["constrained_columns"]), fk["referred_table"],
                           tuple(fk["referred_columns"]), fk["options"].get("ondelete"))
                          for fk in insp.get_foreign_keys(table)),
            "uniques": sorted((u["name"], tuple(u["column_names"])) for u in insp.get_unique_constraints(table)),
            "indexes": sorted((i["name"], tuple(i["column_names"]), bool(i["unique"]))
                              for i in insp.get_indexes(table)),
            "checks": sorted((c["name"], " ".join(c["sqltext"].split())) for c in insp.get_check_constraints(table)),
        }
    return out


def file_schema(path: Path) -> dict[str, Any]:
    engine = create_engine(url(path))
    try:
        with engine.connect() as conn:
            return schema_of(conn)
    finally:
        engine.dispose()


def rows_of(path: Path, tables: Any) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of `tables` ({table: columns}), only those columns, in a stable order."""
    conn = sqlite3.connect(path)
    try:
        return {
            table: sorted(conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall(), key=repr)
            for table, columns in tables.items()
        }
    finally:
        conn.close()


def legacy_columns() -> dict[str, list[str]]:
    """Table → columns of the schema before Alembic (but schema_info, which migrations change)."""
    conn = sqlite3.connect(":memory:")
    conn.executescript(LEGACY_SQL)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
              if r[0] != "schema_info"]
    out = {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in tables}
    conn.close()
    return out


def revision_in(path: Path) -> str | None:
    conn = sqlite3.connect(path)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "alembic_version" not in tables:
            return None
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def backups(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.bak-*"))


def version_1_meaning(scenario: Any) -> Any:
    """What a version-2 scenario is without its version-2 parts (how a version-1 file reads)."""
    return dataclasses.replace(
        scenario,
        rules=Rules(scenario.rules.max_slots_per_day, scenario.rules.default_max_hours_per_week),
        weights=None,
        volunteers=tuple(
            dataclasses.replace(v, kind=None, registered=False, allowed_gates=None, preferred_slots=())
            for v in scenario.volunteers
        ),
    )


# --- the schema ------------------------------------------------------------------------


def test_the_migrations_build_what_the_models_describe(tmp_path: Path) -> None:
    Database(url(tmp_path / "migrated.sqlite3")).close()
    engine = create_engine(url(tmp_path / "created.sqlite3"))
    Base.metadata.create_all(engine)
    engine.dispose()
    assert file_schema(tmp_path / "migrated.sqlite3") == file_schema(tmp_path / "created.sqlite3")


def test_revision_0001_is_the_schema_before_alembic(tmp_path: Path) -> None:
    engine = create_engine(url(tmp_path / "at0001.sqlite3"))
    with engine.begin() as conn:
        migrate.upgrade(conn, "0001")
    engine.dispose()
    assert file_schema(tmp_path / "at0001.sqlite3") == file_schema(legacy_file(tmp_path / "legacy.sqlite3"))
    assert migrate.legacy_tables() == set(legacy_columns()) | {"schema_info"}


def test_downgrade_to_0001_gives_the_schema_before_alembic(tmp_path: Path) -> None:
    Database(url(tmp_path / "down.sqlite3")).close()
    engine = create_engine(url(tmp_path / "down.sqlite3"))
    with engine.begin() as conn:
        migrate.downgrade(conn, "0001")
    engine.dispose()
    assert file_schema(tmp_path / "down.sqlite3") == file_schema(legacy_file(tmp_path / "legacy.sqlite3"))


def test_revisions_and_schema_version_agree() -> None:
    assert migrate.known_revisions() == ("0001", "0002", "0003", "0004", "0005")
    assert migrate.head_revision() == "0005" and int(migrate.head_revision()) == SCHEMA_VERSION


def test_a_new_database_is_at_head_without_backup(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    with Database(url(path)) as db:
        assert (db.upgraded_from, db.backup_path) == (None, None)
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT version FROM schema_info")).scalar() == SCHEMA_VERSION
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert revision_in(path) == migrate.head_revision()
    assert backups(path) == []
    with Database(url(path)) as again:  # current: nothing to do, nothing copied
        assert (again.upgraded_from, again.backup_path) == (None, None)
    assert backups(path) == []


# --- upgrading old files ----------------------------------------------------------------


def test_a_database_from_before_alembic_is_recognised_and_upgraded(tmp_path: Path) -> None:
    path = legacy_file(tmp_path / "gateroster.sqlite3")
    columns = legacy_columns()
    before = rows_of(path, columns)
    assert revision_in(path) is None

    with Database(url(path)) as db:
        assert db.upgraded_from == "0001"
        assert db.backup_path is not None and backups(path) == [db.backup_path]
        assert re.fullmatch(r"gateroster\.sqlite3\.bak-0001-\d{8}-\d{6}", db.backup_path.name)
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1  # back on after the upgrade
        store = RosterStore(db)
        [community] = store.communities()
        # The community keeps its version-1 meaning, and its roster is the one saved.
        scenario = store.week_scenario(community.id, WEEK)
        assert dataclasses.replace(scenario, pinned=(), previous=()) == version_1_meaning(demo_scenario(WEEK))
        saved = sample_roster()  # saved then, and v11's early post pinned by hand afterwards
        v11 = Assignment("v11", "east", WEEK, "early")
        assert store.week_roster(community.id, WEEK) == dataclasses.replace(
            saved, assignments=tuple(dataclasses.replace(a, pinned=True) if a == v11 else a for a in saved.assignments)
        )

    assert revision_in(path) == migrate.head_revision()
    assert rows_of(path, columns) == before, "every row kept"
    assert rows_of(path, {"schema_info": ["id", "version"]}) == {"schema_info": [(1, SCHEMA_VERSION)]}
    # The backup is the file as it was: no migration record, the old rows.
    assert revision_in(backups(path)[0]) is None
    assert rows_of(backups(path)[0], columns) == before
    assert file_schema(backups(path)[0]) == file_schema(legacy_file(tmp_path / "fresh-legacy.sqlite3"))


def test_a_database_at_revision_0001_is_upgraded_with_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "at0001.sqlite3"
    engine = create_engine(url(path))
    with engine.begin() as conn:
        migrate.upgrade(conn, "0001")
    engine.dispose()
    # The rows the demo had then, copied from the file written before Alembic.
    source = sqlite3.connect(":memory:")
    source.executescript(LEGACY_SQL)
    target = sqlite3.connect(path)
    columns = legacy_columns()
    with target:
        for table, cols in columns.items():
            rows = source.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
            target.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", rows)
    source.close()
    target.close()
    before = rows_of(path, columns)
    assert sum(map(len, before.values())) > 400

    with Database(url(path)) as db:
        assert db.upgraded_from == "0001" and db.backup_path is not None and db.backup_path.exists()
        assert db.backup_path.name.startswith("at0001.sqlite3.bak-0001-")
        store = RosterStore(db)
        [community] = store.communities()
        scenario = store.week_scenario(community.id, WEEK)
        assert dataclasses.replace(scenario, pinned=(), previous=()) == version_1_meaning(demo_scenario(WEEK))
    assert rows_of(path, columns) == before
    assert revision_in(db.backup_path) == "0001"


def test_cascades_still_work_after_the_upgrade(tmp_path: Path) -> None:
    # 0002 copies `communities` and `weeks`; their children must still go with them.
    path = legacy_file(tmp_path / "g.sqlite3")
    with Database(url(path)) as db:
        store = RosterStore(db)
        [community] = store.communities()
        store.remove_community(community.id)
    counts = {t: n for t, rows in rows_of(path, {t: ["1"] for t in Base.metadata.tables}).items() if (n := len(rows))}
    assert counts == {"schema_info": 1}


def test_a_failed_upgrade_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = legacy_file(tmp_path / "broken.sqlite3")
    conn = sqlite3.connect(path)
    with conn:  # a row whose volunteer is gone (possible only with foreign keys off)
        conn.execute("INSERT INTO volunteer_skills (volunteer_id, skill, position) VALUES (999, 'medical', 0)")
    conn.close()
    columns = legacy_columns()
    before, schema = rows_of(path, columns), file_schema(path)
    with pytest.raises(DatabaseError, match="refer to rows that do not exist") as info:
        Database(url(path))
    assert info.value.location == str(path)
    assert revision_in(path) is None
    assert file_schema(path) == schema and rows_of(path, columns) == before
    assert len(backups(path)) == 1  # taken before trying


# --- refusing ----------------------------------------------------------------------------


def test_an_unknown_revision_is_refused_as_newer(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    Database(url(path)).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    conn.close()
    with pytest.raises(DatabaseError) as info:
        Database(url(path))
    message = str(info.value)
    assert str(path) in message and "newer version of GateRoster" in message and "0099" in message
    assert revision_in(path) == "0099"
    assert backups(path) == []


def test_schema_version_1_without_its_tables_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "half.sqlite3"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE schema_info (id INTEGER PRIMARY KEY, version INTEGER NOT NULL)")
        conn.execute("INSERT INTO schema_info VALUES (1, 1)")
        conn.execute("CREATE TABLE communities (id INTEGER PRIMARY KEY)")
    conn.close()
    with pytest.raises(DatabaseError, match="damaged"):
        Database(url(path))
    assert backups(path) == []


def test_a_postgresql_database_of_revision_0003_is_upgraded_with_every_row(tmp_path: Path, postgres_server) -> None:
    """The street office's server upgraded in place: every row of every table kept."""
    from sqlalchemy import MetaData, select

    source_path = tmp_path / "source.sqlite3"
    with Database(url(source_path), backup_days=0) as db:
        store = RosterStore(db)
        community = store.load_demo(WEEK)
        store.save_roster(community, WEEK, sample_roster())
        store.publish_week(community, WEEK)
        expected = store.week_roster(community, WEEK)
        expected_scenario = store.week_scenario(community, WEEK)
    pg_url = postgres_server.new_database(migrated=False)
    pg = create_engine(pg_url)
    with pg.begin() as conn:
        migrate.upgrade(conn, "0003")
    sqlite_engine = create_engine(url(source_path))
    old, new = MetaData(), MetaData()
    old.reflect(sqlite_engine)
    new.reflect(pg)
    counts = {}
    with sqlite_engine.connect() as src, pg.begin() as dst:
        for table in new.sorted_tables:
            if table.name in ("alembic_version", "schema_info"):
                continue
            columns = [c.name for c in table.columns]
            rows = [dict(r._mapping) for r in src.execute(select(*(old.tables[table.name].c[c] for c in columns)))]
            for row in rows:  # SQLite keeps booleans as 0/1; the server wants true/false
                for c in table.columns:
                    if str(c.type) == "BOOLEAN" and row[c.name] is not None:
                        row[c.name] = bool(row[c.name])
            if rows:
                dst.execute(table.insert(), rows)
            counts[table.name] = len(rows)
    sqlite_engine.dispose()
    pg.dispose()
    assert sum(counts.values()) > 400 and counts["assignments"] == len(sample_roster().assignments)

    with Database(pg_url) as db:
        assert db.upgraded_from == "0003" and db.backup_path is None  # the server keeps its own backups
        store = RosterStore(db)
        [info] = store.communities()
        assert store.week_roster(info.id, WEEK) == expected
        assert store.week_scenario(info.id, WEEK) == expected_scenario
        assert store.week_status(info.id, WEEK) == "published"
    check = create_engine(pg_url)
    with check.connect() as conn:
        for name, n in counts.items():
            assert conn.execute(text(f"SELECT count(*) FROM {name}")).scalar() == n, name
        assert conn.execute(text("SELECT version FROM schema_info")).scalar() == SCHEMA_VERSION
    check.dispose()
    postgres_server.drop(pg_url)


# --- 0005: version 3's rules ----------------------------------------------------------------


def at_revision(path: Path, revision: str) -> Path:
    engine = create_engine(url(path))
    with engine.begin() as conn:
        migrate.upgrade(conn, revision)
    engine.dispose()
    return path


def test_an_older_file_reads_version_3_fields_as_no_limit(tmp_path: Path) -> None:
    path = legacy_file(tmp_path / "old.sqlite3")
    Database(url(path)).close()
    conn = sqlite3.connect(path)
    try:
        limits = conn.execute("SELECT max_minutes, min_minutes, max_consecutive_days, min_consecutive_days, "
                              "min_consecutive_days_off, max_weekends FROM volunteers").fetchall()
        weights = set(conn.execute("SELECT under_weight, over_weight FROM demand_rules").fetchall())
        coverage = conn.execute("SELECT coverage FROM communities").fetchall()
        new_rows = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                    for t in ("forbidden_sequences", "volunteer_slot_limits", "volunteer_requests")]
    finally:
        conn.close()
    assert len(limits) == 38 and set(limits) == {(None,) * 6}
    assert weights == {(1, 0)} and coverage == [("first",)] and new_rows == [0, 0, 0]
    with Database(url(path)) as db:
        store = RosterStore(db)
        [community] = store.communities()
        scenario = store.week_scenario(community.id, WEEK)
    assert scenario.coverage == "first" and scenario.rules.forbidden_sequences == ()
    assert all(d.under_weight == 1 and d.over_weight == 0 for g in scenario.gates for d in g.demand)
    plain = dataclasses.replace(scenario.volunteers[0], max_posts_by_slot={}, max_minutes=None, min_minutes=None,
                                max_consecutive_days=None, min_consecutive_days=None, min_consecutive_days_off=None,
                                max_weekends=None, requests=())
    assert scenario.volunteers[0] == plain


def test_a_database_at_0004_is_upgraded_with_every_row_and_downgraded_again(tmp_path: Path) -> None:
    """Down to 0004 (the schema 0004 built, every row of its tables kept) and up to 0005
    again: the week reads as before."""
    path = tmp_path / "g.sqlite3"
    with Database(url(path), backup_days=0) as db:
        store = RosterStore(db)
        community = store.load_demo(WEEK)
        store.save_roster(community, WEEK, sample_roster())
        store.publish_week(community, WEEK)
        expected_scenario = store.week_scenario(community, WEEK)
        expected_roster = store.week_roster(community, WEEK)
    engine = create_engine(url(path))
    with engine.connect() as conn:
        tables_0004 = {t: [c["name"] for c in inspect(conn).get_columns(t)]
                       for t in inspect(conn).get_table_names() if t not in ("alembic_version", "schema_info")}
    for table in ("forbidden_sequences", "volunteer_slot_limits", "volunteer_requests"):
        del tables_0004[table]
    for table, columns in (("volunteers", ("max_minutes", "min_minutes", "max_consecutive_days",
                                           "min_consecutive_days", "min_consecutive_days_off", "max_weekends")),
                           ("demand_rules", ("under_weight", "over_weight")), ("communities", ("coverage",))):
        tables_0004[table] = [c for c in tables_0004[table] if c not in columns]
    before = rows_of(path, tables_0004)
    assert sum(map(len, before.values())) > 400
    with engine.begin() as conn:
        migrate.downgrade(conn, "0004")
    engine.dispose()
    assert revision_in(path) == "0004"
    assert file_schema(path) == file_schema(at_revision(tmp_path / "fresh0004.sqlite3", "0004"))
    assert rows_of(path, tables_0004) == before
    assert rows_of(path, {"schema_info": ["version"]}) == {"schema_info": [(4,)]}

    with Database(url(path), backup_days=0) as db:
        assert db.upgraded_from == "0004"
        store = RosterStore(db)
        [info] = store.communities()
        assert store.week_scenario(info.id, WEEK) == expected_scenario
        assert store.week_roster(info.id, WEEK) == expected_roster
    assert rows_of(path, tables_0004) == before
    assert revision_in(path) == "0005"


def test_downgrading_0005_drops_only_version_3_data(tmp_path: Path) -> None:
    """A community that used version 3 loses those rules on the way down (0004 cannot hold
    them) but nothing else: its people, gates and demand stay."""
    from tests.persistence.test_store_v3 import rich_v3_scenario

    path = tmp_path / "v3.sqlite3"
    with Database(url(path), backup_days=0) as db:
        RosterStore(db).import_scenario(rich_v3_scenario())
    counts_before = {t: n for t, n in ((t, len(rows)) for t, rows in
                                       rows_of(path, {t: ["1"] for t in ("volunteers", "demand_rules", "slots",
                                                                         "availability")}).items())}
    engine = create_engine(url(path))
    with engine.begin() as conn:
        migrate.downgrade(conn, "0004")
    engine.dispose()
    after = {t: len(rows) for t, rows in rows_of(path, {t: ["1"] for t in counts_before}).items()}
    assert after == counts_before
    with Database(url(path), backup_days=0) as db:
        store = RosterStore(db)
        [info] = store.communities()
        back = store.week_scenario(info.id, WEEK)
    assert back.coverage == "first" and back.rules.forbidden_sequences == ()
    assert all(v.requests == () and v.max_minutes is None for v in back.volunteers)
    assert back.weights is not None and set(back.weights) == set(DEFAULT_WEIGHTS)
