"""Persistence: the SQLite database of communities, volunteers, weeks and rosters.

The only package that imports SQLAlchemy. Use `Database` to open a file and `RosterStore`
to read and write in domain terms (`solver.scenario` types).
"""

from roster_app.persistence.database import Database, default_database_url
from roster_app.persistence.errors import DatabaseError, StoreError
from roster_app.persistence.store import CommunityInfo, RosterStore, WeekInfo

__all__ = [
    "CommunityInfo",
    "Database",
    "DatabaseError",
    "RosterStore",
    "StoreError",
    "WeekInfo",
    "default_database_url",
]
