"""Automatic daily copies of the clerk's SQLite file, and finding the newest good one.

A clerk's data must survive a broken disk sector, a copy gone wrong or a mistake noticed a
week later. Each day the database is first opened, a copy is taken with SQLite's online
backup API (consistent even while another GateRoster writes) into ``backups/`` next to the
file, named by date (``gateroster-2026-11-23.sqlite3``); copies older than the kept number
of days go. The copy is written to a temporary name and renamed when complete, so a power
cut never leaves a half-written file that looks like a backup.

Every file is created readable and writable by its owner only (0600, the folder 0700): the
register holds names and phone numbers.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import sqlite3
from pathlib import Path

log = logging.getLogger(__name__)

BACKUP_DIR = "backups"
DEFAULT_KEEP_DAYS = 14
_NAME = re.compile(r"^(?P<stem>.+)-(?P<date>\d{4}-\d{2}-\d{2})\.sqlite3$")

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIR


def _stem(db_path: Path) -> str:
    return db_path.name.removesuffix(".sqlite3")


def backup_path(db_path: Path, day: dt.date) -> Path:
    return backup_dir(db_path) / f"{_stem(db_path)}-{day.isoformat()}.sqlite3"


def make_private(path: Path) -> None:
    """Owner-only permissions on a file or folder we created (no-op where unsupported)."""
    try:
        os.chmod(path, PRIVATE_DIR if path.is_dir() else PRIVATE_FILE)
    except OSError as exc:  # e.g. a file system without permissions (FAT on a USB stick)
        log.warning("cannot restrict permissions of %s: %s", path, exc)


def create_private_file(path: Path) -> None:
    """Creates `path` empty and owner-only if it does not exist yet (before SQLite does,
    which would create it with the process's umask, usually world-readable)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE)
    except FileExistsError:
        return
    os.close(fd)


def copy_database(source: Path | sqlite3.Connection, target: Path) -> None:
    """A consistent copy of a SQLite database at `target`, owner-only, written atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    create_private_file(partial)
    own = isinstance(source, Path)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True) if own else source
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        if own:
            src.close()
    make_private(target)


def backups(db_path: Path) -> list[tuple[dt.date, Path]]:
    """The automatic copies of `db_path`, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and match["stem"] == _stem(db_path):
            try:
                found.append((dt.date.fromisoformat(match["date"]), path))
            except ValueError:
                continue
    return sorted(found, reverse=True)


def is_intact(path: Path) -> bool:
    """Whether `path` is a SQLite database that passes SQLite's own quick check."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return connection.execute("PRAGMA quick_check").fetchone() == ("ok",)
        finally:
            connection.close()
    except sqlite3.Error:
        return False


def latest_good_backup(db_path: Path) -> tuple[dt.date, Path] | None:
    """The newest automatic copy that is intact, or None."""
    for day, path in backups(db_path):
        if is_intact(path):
            return day, path
    return None


def daily_backup(db_path: Path, keep_days: int = DEFAULT_KEEP_DAYS, today: dt.date | None = None) -> Path | None:
    """Today's copy of `db_path` if there is none yet; removes copies older than `keep_days`.

    Returns the new copy, or None if today's existed (or keep_days is 0: no backups)."""
    today = today or dt.date.today()
    made = None
    if keep_days > 0:
        folder = backup_dir(db_path)
        if not folder.exists():
            folder.mkdir(parents=True)
            make_private(folder)
        target = backup_path(db_path, today)
        if not target.exists():
            copy_database(db_path, target)
            made = target
    for day, path in backups(db_path):
        if (today - day).days >= max(keep_days, 1) or keep_days == 0:
            path.unlink(missing_ok=True)
    return made


def restore(db_path: Path, backup: Path, now: dt.datetime | None = None) -> Path:
    """Puts `backup` in place of `db_path`; the file it replaces is kept beside it, renamed
    (``….broken-20261123-193000``), so nothing is lost. Returns that kept file's path."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    kept = db_path.with_name(f"{db_path.name}.broken-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        old = db_path.with_name(db_path.name + suffix)
        if old.exists():
            os.replace(old, kept.with_name(kept.name + suffix))
    copy_database(backup, db_path)
    return kept
