"""Several clerks, one week: optimistic locking and the audit trail of roster changes.

Every write to a week first *claims* it: the week's `row_version` goes up by one, but only
if it is still the version this program last read (one UPDATE … WHERE row_version = read,
atomic on SQLite and PostgreSQL alike). If another clerk wrote in between, nothing matches,
`ConcurrentEditError` is raised and the transaction rolls back: no silent overwrite.

The same transaction records what changed, post by post (`roster_changes`), with the
clerk's name, so the window can show who did what and when.
"""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from roster_app.persistence.errors import ConcurrentEditError
from roster_app.persistence.models import RosterChange, Week
from solver.scenario import Assignment


@dataclass(frozen=True)
class ChangeInfo:
    """One line of a week's audit trail (codes and the volunteer's name as they were)."""

    changed_at: dt.datetime
    clerk: str
    action: str
    gate: str | None = None
    date: dt.date | None = None
    slot: str | None = None
    volunteer: str | None = None
    volunteer_name: str | None = None


def current_clerk() -> str:
    """The operating system's user name, as the clerk's name in the audit trail."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in this environment
        return ""


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def claim(s: Session, week: Week, expected: int | None) -> int:
    """Moves the week to its next version; raises `ConcurrentEditError` if it is no longer
    at `expected` (None: not read before, so nothing to compare). Returns the new version."""
    base = week.row_version if expected is None else expected
    if week.id is not None:
        moved = s.execute(
            update(Week).where(Week.id == week.id, Week.row_version == base)
            .values(row_version=base + 1).execution_options(synchronize_session=False)
        ).rowcount
        if moved != 1:
            last = s.scalar(select(RosterChange).where(RosterChange.week_id == week.id)
                            .order_by(RosterChange.id.desc()).limit(1))
            raise ConcurrentEditError(week.start_date, last.clerk if last else "", last.changed_at if last else None)
    week.row_version = base + 1
    return base + 1


def record(s: Session, week: Week, clerk: str, action: str, assignment: Assignment | None = None,
           name: str | None = None, at: dt.datetime | None = None) -> None:
    a = assignment
    s.add(RosterChange(
        week_id=week.id, changed_at=at or now(), clerk=clerk, action=action,
        gate=a.gate if a else None, date=a.date if a else None, slot=a.slot if a else None,
        volunteer=a.volunteer if a else None, volunteer_name=name,
    ))


def record_roster_change(s: Session, week: Week, clerk: str, before: Iterable[Assignment],
                         after: Iterable[Assignment], names: dict[str, str]) -> int:
    """Records the difference between two rosters of the week; returns how many lines."""
    at = now()
    old = {_key(a): a for a in before}
    new = {_key(a): a for a in after}
    lines = 0
    for key in sorted(old.keys() - new.keys(), key=_order):
        record(s, week, clerk, "removed", old[key], names.get(old[key].volunteer), at)
        lines += 1
    for key in sorted(new.keys() - old.keys(), key=_order):
        record(s, week, clerk, "added", new[key], names.get(new[key].volunteer), at)
        lines += 1
    for key in sorted(new.keys() & old.keys(), key=_order):
        if new[key].pinned != old[key].pinned:
            record(s, week, clerk, "pinned" if new[key].pinned else "unpinned", new[key],
                   names.get(new[key].volunteer), at)
            lines += 1
    return lines


def _key(a: Assignment) -> tuple:
    return a.volunteer, a.gate, a.date, a.slot


def _order(key: tuple) -> tuple:
    volunteer, gate, date, slot = key
    return date, slot, gate, volunteer


def changes(s: Session, week: Week) -> list[ChangeInfo]:
    """The week's audit trail, newest first."""
    rows = s.scalars(select(RosterChange).where(RosterChange.week_id == week.id).order_by(RosterChange.id.desc()))
    return [ChangeInfo(r.changed_at, r.clerk, r.action, r.gate, r.date, r.slot, r.volunteer, r.volunteer_name)
            for r in rows]
