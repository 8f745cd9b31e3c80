"""Errors of the persistence layer, with messages a clerk (or a bug report) can act on.

Nothing outside `roster_app.persistence` should ever see a SQLAlchemy or sqlite3
exception: the GUI shows these messages as they are.
"""

from __future__ import annotations


class DatabaseError(Exception):
    """The database file cannot be used: not a database, written by a newer version, unreadable.

    Attributes:
        location: the file (or "in-memory database") the error is about.
        damaged: the file is broken (not a database any more, or missing what every
            GateRoster database has), so an automatic backup is worth offering; False for
            a sound file we must not open (a newer GateRoster's, another program's).
    """

    def __init__(self, message: str, location: str = "", damaged: bool = False):
        self.location = location
        self.damaged = damaged
        super().__init__(message)


class StoreError(ValueError):
    """A request the store cannot carry out: an unknown community, volunteer, gate or slot,
    or data that breaks a rule of the database. Nothing was changed."""


class ConcurrentEditError(StoreError):
    """Another clerk changed the week since this program read it; nothing was saved.

    Optimistic locking (`RosterStore`): the week's row version moved on. Reload the week to
    see the other clerk's change, then redo (or merge) this one.

    Attributes:
        week_start: Monday of the week.
        clerk: who made the newer change ("" if unknown).
        changed_at: when (UTC, naive), or None if unknown.
    """

    def __init__(self, week_start, clerk: str = "", changed_at=None):
        self.week_start = week_start
        self.clerk = clerk
        self.changed_at = changed_at
        who = f" by {clerk}" if clerk else ""
        when = f" at {changed_at:%Y-%m-%d %H:%M} UTC" if changed_at else ""
        super().__init__(
            f"The week of {week_start.isoformat()} was changed{who}{when} after you opened it; nothing was "
            f"saved. Reload the week to see that change, then make yours again."
        )
