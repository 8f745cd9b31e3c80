"""Automatic daily copies of the SQLite file, restoring one, and owner-only files."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

from roster_app.persistence import Database, RosterStore
from roster_app.persistence import backups
from tests.persistence.conftest import WEEK


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def open_demo(path: Path) -> int:
    with Database(f"sqlite:///{path}") as db:
        return RosterStore(db).load_demo(WEEK)


def test_database_and_its_copies_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "gateroster.sqlite3"
    open_demo(path)
    assert mode(path) == 0o600
    with Database(f"sqlite:///{path}") as db:
        pass
    [(day, copy)] = backups.backups(path)
    assert day == dt.date.today()
    assert mode(copy) == 0o600 and mode(copy.parent) == 0o700
    assert db.daily_backup is None  # the first opening of the day made it


def test_first_opening_of_a_day_copies_the_data(tmp_path: Path) -> None:
    path = tmp_path / "gateroster.sqlite3"
    open_demo(path)  # the empty file of the first opening was copied; the demo came after
    backups.backup_path(path, dt.date.today()).unlink()
    with Database(f"sqlite:///{path}") as db:
        assert db.daily_backup == backups.backup_path(path, dt.date.today())
    with Database(f"sqlite:///{db.daily_backup}") as copy:
        assert [c.name for c in RosterStore(copy).communities()] == ["玉带路社区"]


def test_old_copies_go_after_the_kept_days(tmp_path: Path) -> None:
    path = tmp_path / "gateroster.sqlite3"
    open_demo(path)
    today = dt.date.today() + dt.timedelta(days=40)  # after the copy the opening made
    for age in (1, 13, 14, 30):
        backups.copy_database(path, backups.backup_path(path, today - dt.timedelta(days=age)))
    made = backups.daily_backup(path, keep_days=14, today=today)
    assert made == backups.backup_path(path, today)
    ages = sorted((today - day).days for day, _ in backups.backups(path))
    assert ages == [0, 1, 13]  # the opening's own copy, 40 days old, went too
    assert backups.daily_backup(path, keep_days=14, today=today) is None  # once a day


def test_latest_good_backup_skips_a_damaged_copy(tmp_path: Path) -> None:
    path = tmp_path / "gateroster.sqlite3"
    open_demo(path)
    older = backups.backup_path(path, dt.date(2026, 11, 20))
    backups.copy_database(path, older)
    newest = backups.backup_path(path, dt.date(2026, 11, 22))
    newest.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    for _, copy in backups.backups(path):
        if copy not in (older, newest):
            copy.unlink()
    assert backups.latest_good_backup(path) == (dt.date(2026, 11, 20), older)


def test_restore_keeps_the_broken_file_and_opens_the_copy(tmp_path: Path) -> None:
    path = tmp_path / "gateroster.sqlite3"
    open_demo(path)
    good = backups.backup_path(path, dt.date(2026, 11, 22))
    backups.copy_database(path, good)
    broken = b"this is not a database any more" * 100
    path.write_bytes(broken)
    kept = backups.restore(path, good, now=dt.datetime(2026, 11, 23, 19, 30))
    assert kept.name == "gateroster.sqlite3.broken-20261123-193000"
    assert kept.read_bytes() == broken  # nothing lost, not even the broken file
    assert mode(path) == 0o600
    with Database(f"sqlite:///{path}") as db:
        assert [c.name for c in RosterStore(db).communities()] == ["玉带路社区"]


def test_no_backups_when_kept_days_is_zero(tmp_path: Path) -> None:
    path = tmp_path / "gateroster.sqlite3"
    with Database(f"sqlite:///{path}", backup_days=0) as db:
        assert db.daily_backup is None
    assert backups.backups(path) == []


def test_damaged_file_is_offered_its_backup_and_refusing_keeps_it(tmp_path: Path) -> None:
    import pytest

    from roster_app.gui.app import offer_backup
    from roster_app.persistence import DatabaseError

    path = tmp_path / "gateroster.sqlite3"
    open_demo(path)
    backups.backup_path(path, dt.date.today()).unlink()
    Database(f"sqlite:///{path}").close()  # today's copy, now with the demo in it
    damaged = b"SQLite format 3\x00" + b"\x00\x10" + b"\x07" * 8000
    path.write_bytes(damaged)
    url = f"sqlite:///{path}"
    with pytest.raises(DatabaseError) as caught:
        Database(url)
    assert caught.value.damaged
    questions: list[str] = []
    assert not offer_backup(url, caught.value, ask=lambda title, text: questions.append(text) or False)
    assert path.read_bytes() == damaged  # refused: nothing touched
    assert dt.date.today().isoformat() in questions[0]
    assert offer_backup(url, caught.value, ask=lambda title, text: True)
    with Database(url) as db:
        assert [c.name for c in RosterStore(db).communities()] == ["玉带路社区"]
    assert [p.read_bytes() for p in tmp_path.glob("gateroster.sqlite3.broken-*")] == [damaged]


def test_newer_or_foreign_files_are_not_damaged(tmp_path: Path) -> None:
    import sqlite3

    import pytest

    from roster_app.persistence import DatabaseError

    foreign = tmp_path / "other.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("create table invoices (id integer)")
    with pytest.raises(DatabaseError) as caught:
        Database(f"sqlite:///{foreign}")
    assert not caught.value.damaged
