"""Running the schema migrations (Alembic) on an open connection, with no alembic.ini.

The revisions live in `migrations/versions/` inside the package, so every install has
them. `database.Database` decides *whether* to upgrade (and backs the file up first);
this module only knows how: which revisions exist, which one a database is at, and how
to move it to another, on the caller's connection and inside the caller's transaction.

Revisions are numbered "0001", "0002", … and `schema_info.version` is set to the same
number by each of them (`models.SCHEMA_VERSION` is the last one). "0001" is the schema of
GateRoster before Alembic; a database of that time has no ``alembic_version`` table and is
stamped "0001" before it is upgraded (`LEGACY_REVISION`).

To write a new revision: copy the last file in `migrations/versions/`, give it the next
number, change the tables in `models.py` the same way, and let
tests/persistence/test_migrations.py compare the two.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

LEGACY_REVISION = "0001"
"""The revision of a database written before Alembic (``schema_info.version`` 1)."""


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def script_directory() -> ScriptDirectory:
    """The shipped revisions (read once per process)."""
    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    """The newest revision, the one this program's tables (`models`) describe."""
    head = script_directory().get_current_head()
    assert head is not None, f"no migrations in {MIGRATIONS_DIR}"
    return head


def known_revisions() -> tuple[str, ...]:
    """Every shipped revision, oldest first."""
    return tuple(reversed([s.revision for s in script_directory().walk_revisions()]))


def legacy_tables() -> frozenset[str]:
    """The tables of a database written before Alembic (those revision 0001 creates)."""
    module = script_directory().get_revision(LEGACY_REVISION).module
    return frozenset(module.TABLES)


def current_revision(connection: Connection) -> str | None:
    """The revision in the database's ``alembic_version`` table (None if it has none)."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Runs the migrations up to `revision` in the connection's current transaction.

    On SQLite, foreign keys must be off (``PRAGMA foreign_keys``, which SQLite takes only
    outside a transaction): batch mode drops tables that other tables refer to.
    `database.Database` does this; a bare engine has them off anyway."""
    command.upgrade(_config(connection), revision)


def downgrade(connection: Connection, revision: str) -> None:
    """Runs the migrations back down to `revision` (for tests and for developers).

    Like `upgrade`, on SQLite it must run with foreign keys off (tables are copied)."""
    command.downgrade(_config(connection), revision)


def stamp(connection: Connection, revision: str) -> None:
    """Records `revision` in ``alembic_version`` without running anything."""
    command.stamp(_config(connection), revision)
