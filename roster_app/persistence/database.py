"""Opening the database: where it lives, checking it is ours, and one transaction per task.

The app keeps everything in one SQLite file in the user's data directory. Opening it
checks, before anything is written, that the file is a SQLite database, that it belongs to
GateRoster (or is empty), and that it was not written by a newer GateRoster whose tables we
would misread; each failure is a `DatabaseError` naming the file, never a traceback from
the driver. `Database.session()` is the only way to the data: one transaction that commits
when the block ends and rolls back if it raises (cf. qutebrowser's ``misc/sql.py``).
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import platformdirs
from sqlalchemy import Connection, create_engine, event, inspect, make_url, select
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from roster_app.persistence.errors import DatabaseError, StoreError
from roster_app.persistence.models import SCHEMA_VERSION, Base, SchemaInfo

DATABASE_FILE = "gateroster.sqlite3"


def default_database_url() -> str:
    """The SQLite file in the user's data directory (created if missing), as a URL."""
    directory = Path(platformdirs.user_data_dir("GateRoster", appauthor=False))
    directory.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(directory / DATABASE_FILE).as_posix()}"


def _is_sqlite_memory(url: URL) -> bool:
    return url.get_backend_name() == "sqlite" and (
        url.database in (None, "", ":memory:") or url.query.get("mode") == "memory"
    )


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
    """

    def __init__(self, url: str | URL | None = None) -> None:
        self.url = make_url(url if url is not None else default_database_url())
        self.location = _location(self.url)
        try:
            if _is_sqlite_memory(self.url):
                # One shared connection, so a background task's thread sees the same
                # in-memory database as the GUI thread (the default pool gives each thread
                # its own, empty one). Database work is serialized, so sharing is safe.
                self.engine: Engine = create_engine(
                    self.url, poolclass=StaticPool, connect_args={"check_same_thread": False}
                )
            else:
                self.engine = create_engine(self.url)
        except (sa_exc.ArgumentError, ImportError) as exc:
            raise DatabaseError(f"Cannot open {self.location}: {exc}", self.location) from exc
        if self.url.get_backend_name() == "sqlite":
            event.listen(self.engine, "connect", self._on_sqlite_connect)
        try:
            with self.engine.begin() as connection:
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
            ) from exc
        # Objects stay readable after commit: the store converts them to domain types
        # inside the session anyway, and expiring would only cost extra SELECTs.
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

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

    def _prepare(self, connection: Connection) -> None:
        """Checks the file is ours and current, then creates missing tables."""
        tables = set(inspect(connection).get_table_names())
        if SchemaInfo.__tablename__ in tables:
            version = connection.execute(select(SchemaInfo.version)).scalar()
            if version is None:
                raise DatabaseError(f"{self.location} is damaged: it has no schema version.", self.location)
            if version > SCHEMA_VERSION:
                raise DatabaseError(
                    f"{self.location} was written by a newer version of GateRoster (database schema "
                    f"version {version}; this program knows versions up to {SCHEMA_VERSION}). "
                    f"Install the newer GateRoster to open it; this program leaves it unchanged.",
                    self.location,
                )
            # Older versions cannot exist yet; migrations (Alembic) will handle them here.
        elif tables:
            names = sorted(tables)
            listed = ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
            raise DatabaseError(
                f"{self.location} is a database of another program (it has tables {listed}); "
                f"GateRoster will not change it.",
                self.location,
            )
        Base.metadata.create_all(connection)
        if SchemaInfo.__tablename__ not in tables:
            connection.execute(SchemaInfo.__table__.insert().values(id=1, version=SCHEMA_VERSION))

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
