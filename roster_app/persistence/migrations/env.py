"""Alembic's entry point for GateRoster: migrate the connection the app hands over.

`roster_app.persistence.migrate` puts an open connection, already inside the transaction
the whole upgrade runs in, into ``config.attributes["connection"]``; Alembic then neither
begins nor commits anything itself. There is no URL or ini file to fall back on.
"""

from __future__ import annotations

from alembic import context

from roster_app.persistence.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "GateRoster's migrations run on an open connection: use roster_app.persistence.migrate, "
        "not the alembic command line."
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,  # for autogenerate, when a developer writes a revision
    render_as_batch=True,  # SQLite changes most tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
