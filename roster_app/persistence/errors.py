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
