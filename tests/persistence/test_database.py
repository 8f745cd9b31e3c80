"""Opening databases: schema creation, refusing files that are not ours or are too new."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from roster_app.persistence import Database, DatabaseError, RosterStore, default_database_url
from roster_app.persistence import database as database_module
from roster_app.persistence.models import SCHEMA_VERSION, Base, Community, SchemaInfo
from tests.persistence.conftest import WEEK


def test_schema_is_created_with_version(db: Database) -> None:
    tables = set(inspect(db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    with db.session() as s:
        assert s.scalars(select(SchemaInfo.version)).all() == [SCHEMA_VERSION]


def test_foreign_keys_are_enforced(db: Database) -> None:
    # Without the connect hook SQLite ignores foreign keys and ON DELETE CASCADE.
    with db.engine.connect() as conn:
        if db.engine.dialect.name == "sqlite":
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        with pytest.raises(Exception, match="(?i)foreign key"):
            conn.execute(text("INSERT INTO gates (community_id, code, name, position, needs_party_member) VALUES (9999, 'g', 'g', 0, 0)"))


def test_file_database_uses_wal_and_keeps_data(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    with Database(url) as db:
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        cid = RosterStore(db).load_demo(WEEK)
    with Database(url) as again:
        assert [c.id for c in RosterStore(again).communities()] == [cid]


def test_other_threads_see_the_same_database(db: Database) -> None:
    # The GUI hands database work to a worker thread; an in-memory database must not be
    # a different, empty one there.
    RosterStore(db).load_demo(WEEK)
    with ThreadPoolExecutor(1) as pool:
        names = pool.submit(lambda: [c.name for c in RosterStore(db).communities()]).result()
    assert names == ["玉带路社区"]


def test_session_rolls_back_when_the_block_raises(db: Database) -> None:
    with pytest.raises(RuntimeError):
        with db.session() as s:
            s.add(Community(name="x", work_start_min=480, work_end_min=1080))
            s.flush()
            raise RuntimeError("half way")
    with db.session() as s:
        assert s.scalars(select(Community)).all() == []


@pytest.mark.parametrize("content", [bytes(range(256)) * 16, "志愿者名单\n".encode() * 100])
def test_a_file_that_is_not_a_database_is_refused_by_name(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "名单.sqlite3"
    path.write_bytes(content)
    with pytest.raises(DatabaseError) as info:
        Database(f"sqlite:///{path}")
    assert str(path) in str(info.value)
    assert info.value.location == str(path)
    assert "not a GateRoster database" in str(info.value)
    assert path.read_bytes() == content  # we never write into a file we cannot read


def test_unopenable_path_is_a_database_error(tmp_path: Path) -> None:
    path = tmp_path / "no such dir" / "x.sqlite3"
    with pytest.raises(DatabaseError, match="no such dir"):
        Database(f"sqlite:///{path}")


def test_newer_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    Database(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE schema_info SET version = ?", (SCHEMA_VERSION + 1,))
    conn.close()
    with pytest.raises(DatabaseError) as info:
        Database(f"sqlite:///{path}")
    message = str(info.value)
    assert str(path) in message and "newer version of GateRoster" in message
    assert f"version {SCHEMA_VERSION + 1}" in message
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version FROM schema_info").fetchone() == (SCHEMA_VERSION + 1,)
    conn.close()


def test_database_of_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    conn.close()
    with pytest.raises(DatabaseError, match="another program"):
        Database(f"sqlite:///{path}")
    with sqlite3.connect(path) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert tables == {"notes"}


def test_default_database_url_is_in_user_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = tmp_path / "data" / "GateRoster"
    calls = []

    def fake_user_data_dir(appname: str, appauthor: object = None) -> str:
        calls.append((appname, appauthor))
        return str(data_dir)

    monkeypatch.setattr(database_module.platformdirs, "user_data_dir", fake_user_data_dir)
    url = default_database_url()
    assert calls == [("GateRoster", False)]
    assert data_dir.is_dir()
    assert url == f"sqlite:///{(data_dir / 'gateroster.sqlite3').as_posix()}"
    with Database() as db:
        assert Path(db.location) == data_dir / "gateroster.sqlite3"
    assert (data_dir / "gateroster.sqlite3").is_file()


def test_plain_postgresql_url_opens_with_the_shipped_driver(postgres_server) -> None:
    url = postgres_server.new_database(migrated=False)
    plain = url.replace("postgresql+psycopg://", "postgresql://")
    with Database(plain) as db:
        assert db.url.drivername == "postgresql+psycopg"
        store = RosterStore(db)
        community = store.load_demo(WEEK)
        assert [c.id for c in store.communities()] == [community]
    postgres_server.drop(url)
