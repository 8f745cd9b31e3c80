"""The Alembic migrations of the GateRoster database, shipped inside the package.

`roster_app.persistence.migrate` runs them on the app's own connection when a database is
opened (there is no alembic.ini on the user's machine). `versions/` holds one file per
revision, numbered "0001", "0002", …; `env.py` is Alembic's entry point. This is a package
(and so is `versions/`) only so that every install carries the files; nothing imports it.
"""
