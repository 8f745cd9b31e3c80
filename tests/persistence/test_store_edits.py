"""The store's part in hand editing: clearing a week, its status, and published versions."""

from __future__ import annotations

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
