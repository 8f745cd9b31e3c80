"""Opening the database: where it lives, checking it is ours, upgrading it, one transaction per task.

The app keeps everything in one SQLite file in the user's data directory. Opening it
checks, before anything is written, that the file is a SQLite database, that it belongs to
GateRoster (or is empty), and that it was not written by a newer GateRoster whose tables we
would misread; each failure is a `DatabaseError` naming the file, never a traceback from
the driver. Then the schema is brought to this program's revision with the migrations
shipped in the package (`migrate`): an empty file gets every table, an older file is first
copied next to itself (``gateroster.sqlite3.bak-0001-20261123-163351``) with SQLite's backup
API and then upgraded in one transaction, so a failed upgrade leaves the file as it was
and a bad one can still be undone by hand. `Database.session()` is the only way to the
data: one transaction that commits when the block ends and rolls back if it raises (cf.
qutebrowser's ``misc/sql.py``).
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import platformdirs
from sqlalchemy import Connection, create_engine, event, inspect, make_url, select
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from roster_app.persistence import backups, migrate
from roster_app.persistence.errors import DatabaseError, StoreError
from roster_app.persistence.models import SCHEMA_VERSION, SchemaInfo

DATABASE_FILE = "gateroster.sqlite3"

log = logging.getLogger(__name__)


def default_database_url() -> str:
    """The SQLite file in the user's data directory (created if missing), as a URL."""
    directory = Path(platformdirs.user_data_dir("GateRoster", appauthor=False))
    if not directory.exists():
        directory.mkdir(parents=True)
        backups.make_private(directory)  # the register holds names and phone numbers
    return f"sqlite:///{(directory / DATABASE_FILE).as_posix()}"


def server_url(host: str, port: int, database: str, user: str) -> str:
    """The URL of a PostgreSQL database; no password in it (PostgreSQL reads ~/.pgpass)."""
    return URL.create("postgresql+psycopg", username=user or None, host=host, port=port,
                      database=database).render_as_string(hide_password=False)


def server_parts(url: str | None) -> tuple[str, int, str, str] | None:
    """(host, port, database, user) of a PostgreSQL URL; None for anything else."""
    if not url:
        return None
    try:
        parsed = make_url(url)
    except sa_exc.ArgumentError:
        return None
    if parsed.get_backend_name() != "postgresql":
        return None
    return parsed.host or "", parsed.port or 5432, parsed.database or "", parsed.username or ""


def check_connection(url: str) -> str | None:
    """Opens the database once (creating or upgrading its tables); None if that worked, else
    the reason, for the clerk."""
    try:
        Database(url, backup_days=0).close()
    except (DatabaseError, StoreError) as exc:
        return str(exc)
    return None


def _is_sqlite_memory(url: URL) -> bool:
    return url.get_backend_name() == "sqlite" and (
        url.database in (None, "", ":memory:") or url.query.get("mode") == "memory"
    )


def sqlite_file(url: str | URL) -> Path | None:
    """The file of a SQLite URL, or None for an in-memory database or another backend."""
    url = make_url(url)
    if url.get_backend_name() != "sqlite" or _is_sqlite_memory(url):
        return None
    return Path(str(url.database))


@dataclass(frozen=True)
class _State:
    """Where a database stands: its revision (None: empty) and whether it predates Alembic."""

    revision: str | None
    legacy: bool = False


def _location(url: URL) -> str:
    """How to name the database in messages: the file path, or what it is."""
    if _is_sqlite_memory(url):
        return "in-memory database"
    if url.get_backend_name() == "sqlite":
        return str(url.database)
    return url.render_as_string(hide_password=True)


class Database:
    """An open GateRoster database.

    Attributes:
        url: the SQLAlchemy URL it was opened with.
        location: the file path (or "in-memory database") used in messages.
        engine: the SQLAlchemy engine; only `roster_app.persistence` touches it.
        upgraded_from: the revision the file had when it was upgraded on opening
            ("0001" …), or None if it was new or already current.
        backup_path: the copy of the file taken before that upgrade, or None.
        daily_backup: today's automatic copy if this opening made it (`backups`), else None.
    """

    def __init__(self, url: str | URL | None = None, backup_days: int = backups.DEFAULT_KEEP_DAYS) -> None:
        self.url = make_url(url if url is not None else default_database_url())
        if self.url.drivername == "postgresql":
            # The driver we ship (psycopg 3); SQLAlchemy's default would be psycopg2.
            self.url = self.url.set(drivername="postgresql+psycopg")
        self.location = _location(self.url)
        self.upgraded_from: str | None = None
        self.backup_path: Path | None = None
        self.daily_backup: Path | None = None
        path = sqlite_file(self.url)
        if path is not None and path.parent.is_dir():
            # Ours to create, owner-only; SQLite would use the umask (often world-readable).
            backups.create_private_file(path)
        try:
            if _is_sqlite_memory(self.url):
                # One shared connection, so a background task's thread sees the same
                # in-memory database as the GUI thread (the default pool gives each thread
                # its own, empty one). Database work is serialized, so sharing is safe.
                self.engine: Engine = create_engine(
                    self.url, poolclass=StaticPool, connect_args={"check_same_thread": False}
                )
            elif self.url.get_backend_name() == "postgresql":
                # A server out of reach must not freeze the window for minutes.
                self.engine = create_engine(self.url, connect_args={"connect_timeout": 10})
            else:
                self.engine = create_engine(self.url)
        except (sa_exc.ArgumentError, ImportError) as exc:
            raise DatabaseError(f"Cannot open {self.location}: {exc}", self.location) from exc
        if self.url.get_backend_name() == "sqlite":
            event.listen(self.engine, "connect", self._on_sqlite_connect)
        try:
            with self.engine.connect() as connection:
                self._prepare(connection)
        except DatabaseError:
            self.engine.dispose()
            raise
        except sa_exc.DBAPIError as exc:
            self.engine.dispose()
            raise DatabaseError(
                f"Cannot open {self.location}: it is not a GateRoster database or cannot be read "
                f"({exc.orig}).",
                self.location,
                damaged=True,
            ) from exc
        # Objects stay readable after commit: the store converts them to domain types
        # inside the session anyway, and expiring would only cost extra SELECTs.
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if path is not None:
            try:
                self.daily_backup = backups.daily_backup(path, backup_days)
            except (sqlite3.Error, OSError) as exc:
                # A missing copy must not keep the clerk from working; it is logged.
                log.warning("cannot make today's backup of %s: %s", self.location, exc)

    def _on_sqlite_connect(self, dbapi_connection: Any, _record: Any) -> None:
        # SQLite ignores foreign keys (and so ON DELETE CASCADE) unless asked, per connection.
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys = ON")
            if not _is_sqlite_memory(self.url):
                # WAL lets the GUI read while a background task writes. This is also the
                # first statement that reads the file, so a non-database fails here.
                cursor.execute("PRAGMA journal_mode = WAL")
        finally:
            cursor.close()

    def _state(self, connection: Connection) -> _State:
        """Reads (never writes) which revision the database is at, refusing what is not ours."""
        tables = set(inspect(connection).get_table_names())
        if not tables:
            return _State(None)
        if SchemaInfo.__tablename__ not in tables:
            names = sorted(tables)
            listed = ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
            raise DatabaseError(
                f"{self.location} is a database of another program (it has tables {listed}); "
                f"GateRoster will not change it.",
                self.location,
            )
        version = connection.execute(select(SchemaInfo.version)).scalar()
        if version is None:
            raise DatabaseError(f"{self.location} is damaged: it has no schema version.", self.location, damaged=True)
        if version > SCHEMA_VERSION:
            raise DatabaseError(
                f"{self.location} was written by a newer version of GateRoster (database schema "
                f"version {version}; this program knows versions up to {SCHEMA_VERSION}). "
                f"Install the newer GateRoster to open it; this program leaves it unchanged.",
                self.location,
            )
        if "alembic_version" not in tables:
            # Written before GateRoster used Alembic: version 1 and revision 0001's tables.
            if version == 1 and migrate.legacy_tables() <= tables:
                return _State(migrate.LEGACY_REVISION, legacy=True)
            raise DatabaseError(
                f"{self.location} is damaged: schema version {version} without the tables or the "
                f"migration record that version has.",
                self.location,
                damaged=True,
            )
        revision = migrate.current_revision(connection)
        if revision is None:
            raise DatabaseError(f"{self.location} is damaged: its migration record is empty.", self.location,
                                damaged=True)
        if revision not in migrate.known_revisions():
            raise DatabaseError(
                f"{self.location} was written by a newer version of GateRoster (database revision "
                f"{revision}; this program knows revisions up to {migrate.head_revision()}). "
                f"Install the newer GateRoster to open it; this program leaves it unchanged.",
                self.location,
            )
        return _State(revision)

    def _prepare(self, connection: Connection) -> None:
        """Checks the file is ours and not newer, then brings it to the head revision."""
        state = self._state(connection)
        connection.rollback()
        if state.revision == migrate.head_revision():
            return
        path = sqlite_file(self.url)
        if state.revision is not None and path is not None:
            self.backup_path = self._backup(connection, path, state.revision)
        self._upgrade(connection)
        self.upgraded_from = state.revision
        if state.revision is not None:
            log.info("Upgraded %s from schema revision %s to %s; the old file is kept as %s",
                     self.location, state.revision, migrate.head_revision(), self.backup_path)

    def _upgrade(self, connection: Connection) -> None:
        """Runs the migrations in one transaction; on failure nothing of them stays."""
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Off while tables are copied and dropped (batch mode), or dropping the old copy
            # of a parent would cascade into its children. SQLite takes this only outside a
            # transaction; the driver starts none for a PRAGMA.
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            connection.commit()
        try:
            if sqlite:
                # The driver would not open a transaction before DDL, so open it ourselves:
                # every migration, the stamp and the version bump commit together or not at
                # all. IMMEDIATE takes the write lock now, so a second GateRoster opening the
                # same file waits instead of upgrading it at the same time.
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                connection.begin()
            state = self._state(connection)  # again, under the lock
            if state.revision != migrate.head_revision():
                if state.legacy:
                    migrate.stamp(connection, migrate.LEGACY_REVISION)
                migrate.upgrade(connection, "head")
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    raise DatabaseError(
                        f"Cannot upgrade {self.location}: {len(broken)} rows refer to rows that do not "
                        f"exist (first in table {broken[0][0]}). It was left unchanged.",
                        self.location,
                    )
            connection.commit()
        except BaseException:
            connection.rollback()
            raise
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys = ON")
                connection.commit()

    def _backup(self, connection: Connection, path: Path, revision: str) -> Path:
        """Copies the database next to its file, as it is, with SQLite's online backup."""
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{path.name}.bak-{revision}-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = path.with_name(f"{path.name}.bak-{revision}-{stamp}-{n}")
        source = connection.connection.dbapi_connection
        try:
            backups.copy_database(source, target)  # type: ignore[arg-type]
        except (sqlite3.Error, OSError) as exc:
            target.unlink(missing_ok=True)
            raise DatabaseError(
                f"Cannot back up {self.location} to {target} before upgrading it ({exc}); "
                f"it was left unchanged.",
                self.location,
            ) from exc
        return target

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: commits when the block ends, rolls back if it raises.

        Driver errors come out as our own errors: a broken constraint as `StoreError`,
        anything else (locked, disk full …) as `DatabaseError` naming the file.
        """
        try:
            with self._sessions.begin() as session:
                yield session
        except sa_exc.IntegrityError as exc:
            raise StoreError(f"The change breaks a rule of the database ({exc.orig}); nothing was saved.") from exc
        except sa_exc.DBAPIError as exc:
            raise DatabaseError(f"Database error in {self.location}: {exc.orig}", self.location) from exc

    def close(self) -> None:
        """Closes all connections (for a file database; an in-memory one is gone after this)."""
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
