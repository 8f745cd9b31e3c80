"""Two clerks on one week: neither overwrites the other silently, and every change is
recorded with who made it. Runs on a SQLite file, SQLite in memory and PostgreSQL (`db`);
the race test opens two separate connections (two programs) on the file and on PostgreSQL."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from roster_app.persistence import Database, RosterStore
from roster_app.persistence.errors import ConcurrentEditError
from solver.scenario import Assignment, Roster
from tests.persistence.conftest import WEEK


def roster_with(store: RosterStore, community: int, *moves: tuple[str, str, int, str]) -> Roster:
    """A roster of the demo week: `moves` are (volunteer, gate, day index, slot)."""
    import datetime as dt

    return Roster("玉带路社区", "FEASIBLE", tuple(
        Assignment(v, g, WEEK + dt.timedelta(days=d), s) for v, g, d, s in moves
    ))


A = ("v01", "east", 0, "early")
B = ("v02", "east", 0, "early")
C = ("v03", "south", 1, "eve")


def test_the_second_save_is_refused_and_sees_the_first(db: Database, demo_id: int) -> None:
    wang = RosterStore(db, clerk="王")
    li = RosterStore(db, clerk="李")
    wang.week_roster(demo_id, WEEK)
    li.week_roster(demo_id, WEEK)
    wang.save_roster(demo_id, WEEK, roster_with(wang, demo_id, A))
    with pytest.raises(ConcurrentEditError) as refused:
        li.save_roster(demo_id, WEEK, roster_with(li, demo_id, B))
    assert refused.value.clerk == "王" and refused.value.week_start == WEEK
    assert "王" in str(refused.value) and "nothing was saved" in str(refused.value)
    theirs = li.week_roster(demo_id, WEEK)  # reload: 李 now sees 王's change …
    assert [a.volunteer for a in theirs.assignments] == ["v01"]
    li.save_roster(demo_id, WEEK, roster_with(li, demo_id, A, B))  # … and may save on top of it
    assert {a.volunteer for a in wang.week_roster(demo_id, WEEK).assignments} == {"v01", "v02"}


@pytest.mark.parametrize("action", ["pin", "publish", "clear"])
def test_every_kind_of_week_write_is_guarded(db: Database, demo_id: int, action: str) -> None:
    wang = RosterStore(db, clerk="王")
    li = RosterStore(db, clerk="李")
    wang.save_roster(demo_id, WEEK, roster_with(wang, demo_id, A))
    li.week_roster(demo_id, WEEK)
    wang.save_roster(demo_id, WEEK, roster_with(wang, demo_id, A, C))
    first = roster_with(li, demo_id, A).assignments[0]
    write = {
        "pin": lambda: li.set_pinned(demo_id, WEEK, first, True),
        "publish": lambda: li.publish_week(demo_id, WEEK),
        "clear": lambda: li.clear_roster(demo_id, WEEK),
    }[action]
    with pytest.raises(ConcurrentEditError):
        write()
    after = wang.week_roster(demo_id, WEEK)
    assert {a.volunteer for a in after.assignments} == {"v01", "v03"}
    assert not any(a.pinned for a in after.assignments)
    assert wang.week_status(demo_id, WEEK) == "draft"


def test_the_audit_trail_says_who_changed_what(db: Database, demo_id: int) -> None:
    wang = RosterStore(db, clerk="王")
    wang.save_roster(demo_id, WEEK, roster_with(wang, demo_id, A, C))
    wang.save_roster(demo_id, WEEK, roster_with(wang, demo_id, B, C))  # v01 replaced by v02
    li = RosterStore(db, clerk="李")
    li.week_roster(demo_id, WEEK)
    pinned = replace(roster_with(li, demo_id, C).assignments[0])
    li.set_pinned(demo_id, WEEK, pinned, True)
    li.publish_week(demo_id, WEEK)
    trail = [(c.clerk, c.action, c.volunteer) for c in wang.roster_changes(demo_id, WEEK)]
    assert trail == [
        ("李", "published", None),
        ("李", "pinned", "v03"),
        ("王", "added", "v02"),
        ("王", "removed", "v01"),
        ("王", "added", "v03"),
        ("王", "added", "v01"),
    ]
    names = {c.volunteer: c.volunteer_name for c in wang.roster_changes(demo_id, WEEK) if c.volunteer}
    details = wang.volunteer_details(demo_id)
    assert set(names) == {"v01", "v02", "v03"} and all(names.values())
    assert details  # the names recorded are the register's names at the time
    first = wang.roster_changes(demo_id, WEEK)[-1]
    assert (first.gate, first.date, first.slot) == ("east", WEEK, "early")


def test_a_refused_save_records_nothing(db: Database, demo_id: int) -> None:
    wang = RosterStore(db, clerk="王")
    li = RosterStore(db, clerk="李")
    li.week_roster(demo_id, WEEK)
    wang.save_roster(demo_id, WEEK, roster_with(wang, demo_id, A))
    with pytest.raises(ConcurrentEditError):
        li.save_roster(demo_id, WEEK, roster_with(li, demo_id, B, C))
    assert {c.clerk for c in wang.roster_changes(demo_id, WEEK)} == {"王"}


@pytest.mark.parametrize("backend", ["file", "postgresql"])
def test_two_programs_saving_at_once_one_wins_one_is_told(backend: str, tmp_path, request) -> None:
    """Two separate connections (as two clerks' programs) read, then save at the same moment."""
    if backend == "postgresql":
        server = request.getfixturevalue("postgres_server")
        url = server.new_database()
    else:
        url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    first, second = Database(url, backup_days=0), Database(url, backup_days=0)
    try:
        wang, li = RosterStore(first, clerk="王"), RosterStore(second, clerk="李")
        community = wang.load_demo(WEEK)
        wang.week_roster(community, WEEK)
        li.week_roster(community, WEEK)
        start = threading.Barrier(2)
        outcomes: dict[str, object] = {}

        def save(name: str, store: RosterStore, move: tuple) -> None:
            start.wait()
            try:
                store.save_roster(community, WEEK, roster_with(store, community, move))
                outcomes[name] = "saved"
            except Exception as exc:  # anything but a clear refusal fails the assertion below
                outcomes[name] = exc

        threads = [threading.Thread(target=save, args=("王", wang, A)), threading.Thread(target=save, args=("李", li, B))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        assert sorted(type(o).__name__ for o in outcomes.values()) == ["ConcurrentEditError", "str"], outcomes
        winner = next(name for name, o in outcomes.items() if o == "saved")
        kept = {a.volunteer for a in RosterStore(first).week_roster(community, WEEK).assignments}
        assert kept == ({"v01"} if winner == "王" else {"v02"})
        assert [c.clerk for c in wang.roster_changes(community, WEEK)] == [winner]
    finally:
        first.close()
        second.close()
        if backend == "postgresql":
            server.drop(url)
