"""The store's part in hand editing: clearing a week, its status, and published versions."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import replace

import pytest

from roster_app.persistence import RosterStore, StoreError
from solver.scenario import Assignment, Roster
from tests.persistence.conftest import WEEK
from tests.persistence.test_store import sample_roster


def keys(assignments) -> set[tuple]:
    return {(a.volunteer, a.gate, a.date, a.slot, a.pinned) for a in assignments}


def test_clear_roster_makes_the_week_unscheduled(store: RosterStore, demo_id: int) -> None:
    store.save_roster(demo_id, WEEK, sample_roster())
    heard = []
    store.subscribe(heard.append)
    store.clear_roster(demo_id, WEEK)
    assert store.week_roster(demo_id, WEEK) is None
    assert store.week_scenario(demo_id, WEEK).pinned == () and store.week_scenario(demo_id, WEEK).previous == ()
    assert heard == [demo_id]
    store.clear_roster(demo_id, WEEK + dt.timedelta(days=70))  # a week never planned: nothing to do


def test_clear_roster_refuses_a_published_week(store: RosterStore, demo_id: int) -> None:
    store.save_roster(demo_id, WEEK, sample_roster())
    store.publish_week(demo_id, WEEK)
    with pytest.raises(StoreError, match="published"):
        store.clear_roster(demo_id, WEEK)
    assert keys(store.week_roster(demo_id, WEEK).assignments) == keys(sample_roster().assignments)


def test_week_status(store: RosterStore, demo_id: int) -> None:
    assert store.week_status(demo_id, WEEK) == "draft"  # (the demo's week holds its pins)
    assert store.week_status(demo_id, WEEK + dt.timedelta(days=7)) == "draft"  # never planned
    store.save_roster(demo_id, WEEK, sample_roster())
    store.publish_week(demo_id, WEEK)
    assert store.week_status(demo_id, WEEK) == "published"
    store.reopen_week(demo_id, WEEK)
    assert store.week_status(demo_id, WEEK) == "draft"


def test_every_publication_keeps_a_version(store: RosterStore, demo_id: int) -> None:
    first = sample_roster()
    store.save_roster(demo_id, WEEK, first)
    assert store.published_versions(demo_id, WEEK) == []
    store.publish_week(demo_id, WEEK)
    store.publish_week(demo_id, WEEK)  # already published: no second copy
    (v1,) = store.published_versions(demo_id, WEEK)
    assert v1.number == 1 and keys(v1.assignments) == keys(first.assignments)
    names = {v.id: v.name for v in store.week_scenario(demo_id, WEEK).volunteers}
    assert v1.names == {a.volunteer: names[a.volunteer] for a in first.assignments}
    assert (dt.datetime.now(dt.timezone.utc).replace(tzinfo=None) - v1.published_at) < dt.timedelta(minutes=5)

    # A drop-out: reopened, fixed, published again.
    store.reopen_week(demo_id, WEEK)
    second = replace(first, assignments=first.assignments[1:] + (Assignment("v30", "east", WEEK, "early"),))
    store.save_roster(demo_id, WEEK, second)
    store.publish_week(demo_id, WEEK)
    versions = store.published_versions(demo_id, WEEK)
    assert [v.number for v in versions] == [1, 2]
    assert keys(versions[0].assignments) == keys(first.assignments)  # the first stays as it was
    assert keys(versions[1].assignments) == keys(second.assignments)
    assert store.published_versions(demo_id, WEEK + dt.timedelta(days=7)) == []


def test_versions_go_with_their_community(store: RosterStore, demo_id: int) -> None:
    store.save_roster(demo_id, WEEK, Roster("x", "FEASIBLE", sample_roster().assignments))
    store.publish_week(demo_id, WEEK)
    store.remove_community(demo_id)
    other = store.load_demo(WEEK)
    assert store.published_versions(other, WEEK) == []


# --- a hand edit's save writes what changed ---------------------------------------------------


def _rows(store: RosterStore, table) -> dict[tuple, int]:
    """The week's rows of `table`: (its key columns) -> row id."""
    from sqlalchemy import select

    from roster_app.persistence.models import AssignmentRow, ShortageRow

    with store.db.session() as s:
        if table == "assignments":
            query = select(AssignmentRow.volunteer_id, AssignmentRow.gate_id, AssignmentRow.slot_id,
                           AssignmentRow.date, AssignmentRow.pinned, AssignmentRow.id)
        else:
            query = select(ShortageRow.gate_id, ShortageRow.slot_id, ShortageRow.date, ShortageRow.reason,
                           ShortageRow.id)
        return {tuple(r[:-1]): r[-1] for r in s.execute(query)}


@contextlib.contextmanager
def _statements(store: RosterStore):
    """The SQL statements run meanwhile: [(statement, parameters, executemany)]."""
    from sqlalchemy import event

    seen: list[tuple] = []

    def note(conn, cursor, statement, parameters, context, executemany):
        seen.append((statement.strip(), parameters, executemany))

    event.listen(store.db.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(store.db.engine, "before_cursor_execute", note)


def _inserted(seen: list[tuple], table: str, columns: int) -> int:
    """Rows inserted into `table` (of that many columns) by the statements seen."""
    return sum(len(parameters) if many else len(parameters) // columns
               for statement, parameters, many in seen if statement.startswith(f"INSERT INTO {table} "))


def _edited(roster: Roster) -> Roster:
    """The sample roster as a hand edit leaves it: one person moved, one pin taken off,
    one added; a shortage's reason reworded, one kept, one new."""
    from solver.scenario import Needs, Shortage

    moved = tuple(a for a in roster.assignments if a.volunteer != "v37") + (
        Assignment("v37", "south", WEEK + dt.timedelta(days=5), "am"),)
    repinned = tuple(replace(a, pinned=False) if a.volunteer == "v08" else a for a in moved)
    shortages = (replace(roster.shortages[0], reason="1 人有空，可以排到这里"), roster.shortages[1],
                 Shortage("south", WEEK + dt.timedelta(days=2), "eve", 1, Needs(), "没有可值班的人"))
    return replace(roster, status="FEASIBLE", assignments=repinned + (Assignment("v05", "north", WEEK, "am"),),
                   shortages=shortages, objective=None, bound=None, wall_time_s=None)


def test_a_hand_edit_rewrites_only_the_rows_it_changed(store: RosterStore, demo_id: int) -> None:
    store.save_roster(demo_id, WEEK, sample_roster())
    before = {"assignments": _rows(store, "assignments"), "shortages": _rows(store, "shortages")}
    trail = len(store.roster_changes(demo_id, WEEK))
    edited = _edited(sample_roster())
    with _statements(store) as seen:
        store.save_roster(demo_id, WEEK, edited)
    back = store.week_roster(demo_id, WEEK)
    assert keys(back.assignments) == keys(edited.assignments)
    post_order = lambda sh: (sh.date, sh.slot, sh.gate)  # noqa: E731
    assert sorted(back.shortages, key=post_order) == sorted(edited.shortages, key=post_order)
    assert back == replace(edited, assignments=back.assignments, shortages=back.shortages)
    # Only the changed rows were written (the moved person and the one added; the reworded
    # and the new shortage), and the rows no edit touched are the same rows.
    assert _inserted(seen, "assignments", 6) == 2 and _inserted(seen, "shortages", 7) == 2
    assert not [st for st, _, _ in seen if st.startswith("DELETE FROM assignments WHERE assignments.week_id")]
    for table in ("assignments", "shortages"):
        after = _rows(store, table)
        kept = before[table].keys() & after.keys()
        assert kept and all(before[table][k] == after[k] for k in kept)
        assert len(kept) < len(after)
    # The trail says exactly what changed, in the posts' order.
    lines = [(c.action, c.volunteer, c.gate) for c in store.roster_changes(demo_id, WEEK)[:-trail]]
    assert sorted(lines) == sorted([("removed", "v37", "east"), ("added", "v37", "south"), ("added", "v05", "north"),
                                    ("unpinned", "v08", "east")])
    names = {c.volunteer: c.volunteer_name for c in store.roster_changes(demo_id, WEEK)[:-trail]}
    scenario = store.week_scenario(demo_id, WEEK)
    assert names == {v: scenario.volunteer(v).name for v in ("v37", "v05", "v08")}
    # And back again (undo): the first roster, as it was.
    store.save_roster(demo_id, WEEK, sample_roster())
    assert store.week_roster(demo_id, WEEK) == sample_roster()


@pytest.mark.parametrize("bad, message", [
    ("duplicate assignment", "breaks a rule of the database"),
    ("duplicate shortage", "breaks a rule of the database"),
    ("unknown gate in a shortage", "shortages\\[1\\]: unknown gate id 'gate9'"),
    ("unknown volunteer in a shortfall", "shortfalls\\[0\\]: unknown volunteer id 'v99'"),
])
def test_a_refused_hand_edit_leaves_the_week_as_it_was(store: RosterStore, demo_id: int, bad: str,
                                                       message: str) -> None:
    from solver.scenario import Shortfall

    store.save_roster(demo_id, WEEK, sample_roster())
    trail = store.roster_changes(demo_id, WEEK)
    edited = _edited(sample_roster())
    if bad == "duplicate assignment":
        edited = replace(edited, assignments=edited.assignments + (edited.assignments[0],))
    elif bad == "duplicate shortage":
        edited = replace(edited, shortages=edited.shortages + (replace(edited.shortages[0], reason="又一次"),))
    elif bad == "unknown gate in a shortage":
        edited = replace(edited, shortages=(edited.shortages[0], replace(edited.shortages[1], gate="gate9"),
                                            edited.shortages[2]))
    else:
        edited = replace(edited, shortfalls=(Shortfall("v99", 1, 0, "?"),))
    with pytest.raises(StoreError, match=message):
        store.save_roster(demo_id, WEEK, edited)
    assert store.week_roster(demo_id, WEEK) == sample_roster()
    assert store.roster_changes(demo_id, WEEK) == trail


def test_a_new_roster_that_changes_most_of_the_week_replaces_it(store: RosterStore, demo_id: int) -> None:
    store.save_roster(demo_id, WEEK, sample_roster())
    trail = len(store.roster_changes(demo_id, WEEK))
    other = Roster("玉带路社区", "OPTIMAL", (sample_roster().assignments[0], Assignment("v02", "east", WEEK, "am")),
                   objective=3, bound=3, wall_time_s=1.0)
    store.save_roster(demo_id, WEEK, other)
    assert store.week_roster(demo_id, WEEK) == other
    actions = sorted(c.action for c in store.roster_changes(demo_id, WEEK)[:-trail])
    assert actions == ["added"] + ["removed"] * 5
