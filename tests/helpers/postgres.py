"""A throwaway PostgreSQL server for the tests, on loopback, in a temporary folder.

The set-up (scripts/setup.sh) installs Debian's `postgresql` package; this starts its own
cluster (initdb + pg_ctl) on a free port, owned by the test run and removed after it, so
the tests need no running service and touch no one's data. As root (CI), the server runs as
the `postgres` system user, since PostgreSQL refuses to run as root.

Each test gets a fresh database copied from a template that already holds the migrated
schema (CREATE DATABASE … TEMPLATE), so a test costs a copy, not a migration run.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from itertools import count
from pathlib import Path

INSTALL_HINT = "Run scripts/setup.sh, which installs Debian's postgresql package."


def _bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise RuntimeError(f"PostgreSQL's server programs (initdb, pg_ctl) are not installed. {INSTALL_HINT}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    """A running server; `url(name)` is the SQLAlchemy URL of database `name` on it."""

    USER = "gateroster"

    def __init__(self) -> None:
        self.bindir = _bindir()
        self.root = Path(tempfile.mkdtemp(prefix="gateroster-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._as: list[str] = []
        if os.geteuid() == 0:
            # PostgreSQL will not run as root; Debian's package creates this user.
            shutil.chown(self.root, "postgres")
            self._as = ["runuser", "-u", "postgres", "--"]
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", self.USER, "-E", "UTF8", "--no-sync")
        options = f"-k {self.root} -h 127.0.0.1 -p {self.port} -c fsync=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "log"), "-w", "start")
        self._names = count(1)
        self._template: str | None = None

    def _run(self, program: str, *args: str) -> None:
        done = subprocess.run([*self._as, str(self.bindir / program), *args], capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"{program} failed: {done.stderr or done.stdout}")

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.USER}@127.0.0.1:{self.port}/{database}"

    def _execute(self, sql: str) -> None:
        import psycopg

        for attempt in range(50):
            try:
                with psycopg.connect(f"host=127.0.0.1 port={self.port} user={self.USER} dbname=postgres",
                                     autocommit=True) as connection:
                    connection.execute(sql)
                return
            except psycopg.errors.ObjectInUse:
                time.sleep(0.05 * (attempt + 1))  # a copy is still being made from the template
        raise RuntimeError(f"PostgreSQL kept refusing: {sql}")

    def new_database(self, migrated: bool = True) -> str:
        """A new empty database (or one holding the migrated schema); returns its URL."""
        name = f"t{next(self._names)}"
        if migrated:
            if self._template is None:
                self._template = "migrated_template"
                self._execute(f"CREATE DATABASE {self._template}")
                from roster_app.persistence import Database

                Database(self.url(self._template)).close()
            self._execute(f"CREATE DATABASE {name} TEMPLATE {self._template}")
        else:
            self._execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def drop(self, url: str) -> None:
        self._execute(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
