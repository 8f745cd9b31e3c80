"""RosterStore: the demo in and out, round trips, cascading removal, transactional saves."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import func, select, update

from roster_app.demo import demo_scenario, demo_volunteer_details
from roster_app.kinds import KIND_LABELS, VolunteerDetails
from roster_app.persistence import Database, RosterStore, StoreError
from roster_app.persistence.models import Base, VolunteerRow
from solver.scenario import (
    Assignment,
    CalendarOverrides,
    Conflict,
    DemandRule,
    Needs,
    Roster,
    Scenario,
    Shortage,
)
from tests.persistence.conftest import WEEK


def day(n: int) -> dt.date:
    return WEEK + dt.timedelta(days=n)


def row_counts(db: Database) -> dict[str, int]:
    with db.session() as s:
        return {
            name: s.scalar(select(func.count()).select_from(table)) or 0
            for name, table in Base.metadata.tables.items()
        }


def sample_roster(name: str = "玉带路社区") -> Roster:
    """A small hand-made answer for the demo week, in the store's canonical order."""
    return Roster(
        scenario=name,
        status="FEASIBLE",
        assignments=(
            Assignment("v11", "east", day(0), "early"),
            Assignment("v22", "east", day(0), "early", pinned=True),
            Assignment("v21", "south", day(0), "early"),
            Assignment("v01", "east", day(0), "am"),
            Assignment("v08", "east", day(5), "am", pinned=True),
            Assignment("v37", "east", day(5), "am"),
        ),
        shortages=(
            Shortage("north", day(0), "early", 1, Needs(), "没有可值班的人"),
            Shortage("east", day(1), "eve", 2, Needs(party_member=1, skills={"translation": 1}), "需要 2 人，已排 0 人"),
        ),
        objective=1234,
        bound=1200,
        wall_time_s=0.42,
        warnings=("节假日安排未知",),
        conflicts=(Conflict("pin_unavailable", "v22 不在可值班时间", (Assignment("v22", "east", day(0), "early", True),)),),
    )


# --- the demo --------------------------------------------------------------------------


def test_empty_store(store: RosterStore) -> None:
    assert store.is_empty()
    assert store.communities() == []


def test_load_demo_counts(store: RosterStore, db: Database, demo_id: int) -> None:
    assert not store.is_empty()
    [info] = store.communities()
    assert (info.id, info.name, info.is_demo) == (demo_id, "玉带路社区", True)
    assert "电话" in info.contact

    counts = row_counts(db)
    assert counts["communities"] == 1
    assert counts["gates"] == 4 and counts["slots"] == 4
    assert 34 <= counts["volunteers"] <= 38
    assert counts["availability"] > counts["volunteers"] * 3
    assert counts["unavailable_dates"] >= 2
    assert counts["weeks"] == 0 and counts["assignments"] == 0

    scenario = store.week_scenario(demo_id, WEEK)
    assert [g.name for g in scenario.gates] == ["东门", "南门", "西门", "北门"]
    assert [s.id for s in scenario.slots] == ["early", "am", "pm", "eve"]
    details = store.volunteer_details(demo_id)
    kinds = Counter(d.kind for d in details.values())
    assert set(kinds) == set(KIND_LABELS), "every kind of volunteer is in the demo"
    assert 2 <= sum(v.minor for v in scenario.volunteers) <= 3
    assert any("translation" in v.skills for v in scenario.volunteers)
    assert all(d.phone and len(d.phone) == 11 for d in details.values())


def test_demo_round_trip_gives_the_same_scenario(store: RosterStore, demo_id: int) -> None:
    assert store.week_scenario(demo_id, WEEK) == demo_scenario(WEEK)
    assert store.volunteer_details(demo_id) == demo_volunteer_details()


def test_week_scenario_keeps_only_dates_of_the_horizon(store: RosterStore, demo_id: int) -> None:
    later = store.week_scenario(demo_id, WEEK + dt.timedelta(days=7))
    assert later.start_date == WEEK + dt.timedelta(days=7)
    assert all(not v.unavailable_dates for v in later.volunteers)
    three = store.week_scenario(demo_id, WEEK, days=3)
    assert three.days == 3
    assert {d for v in three.volunteers for d in v.unavailable_dates} == {day(2)}


def test_demo_is_loaded_once(store: RosterStore, demo_id: int) -> None:
    with pytest.raises(StoreError, match="already loaded"):
        store.load_demo(WEEK)
    assert len(store.communities()) == 1


def test_remove_community_leaves_no_rows(store: RosterStore, db: Database, demo_id: int) -> None:
    store.save_roster(demo_id, WEEK, sample_roster())
    store.set_pinned(demo_id, WEEK, Assignment("v11", "east", day(0), "early"), True)
    counts = row_counts(db)
    assert counts["assignments"] == 6 and counts["shortages"] == 2 and counts["preferred_gates"] > 0

    store.remove_community(demo_id)
    assert store.is_empty()
    assert {name: n for name, n in row_counts(db).items() if n} == {"schema_info": 1}


def test_remove_community_keeps_the_others(store: RosterStore, db: Database, demo_id: int) -> None:
    other = store.import_scenario(dataclasses.replace(demo_scenario(WEEK), name="别的社区"))
    before = row_counts(db)
    store.remove_community(demo_id)
    after = row_counts(db)
    assert [c.name for c in store.communities()] == ["别的社区"]
    assert after["volunteers"] == before["volunteers"] // 2
    assert store.week_scenario(other, WEEK) == dataclasses.replace(demo_scenario(WEEK), name="别的社区")


def test_remove_unknown_community(store: RosterStore) -> None:
    with pytest.raises(StoreError, match="no community 42"):
        store.remove_community(42)


# --- importing other scenarios ---------------------------------------------------------


def rich_scenario() -> Scenario:
    """The demo with every optional part used: overrides, date rules, skill needs, pins."""
    base = demo_scenario(WEEK)
    gates = list(base.gates)
    gates[1] = dataclasses.replace(
        gates[1],
        demand=gates[1].demand + (DemandRule("pm", 2, 2, (day(6), day(3))),),
        needs=Needs(0, {"medical": 1, "translation": 0}),
    )
    volunteers = list(base.volunteers)
    volunteers[0] = dataclasses.replace(volunteers[0], skills=("temperature", "medical"), preferred_gates=("west", "east"))
    return dataclasses.replace(
        base,
        gates=tuple(gates),
        volunteers=tuple(volunteers),
        calendar=CalendarOverrides(workdays=frozenset({day(5)}), rest_days=frozenset({day(2)})),
        pinned=(Assignment("v11", "east", day(0), "early", True), Assignment("v01", "south", day(1), "am", True)),
        previous=(Assignment("v29", "south", day(0), "early"), Assignment("v03", "west", day(1), "pm")),
    )


def test_rich_scenario_round_trip(store: RosterStore) -> None:
    scenario = rich_scenario()
    cid = store.import_scenario(scenario)
    assert store.week_scenario(cid, WEEK) == scenario
    # With no details, kinds are guessed from the facts.
    details = store.volunteer_details(cid)
    assert details["v01"] == VolunteerDetails("nonemployed_party", None, "3号楼", None)
    assert details["v11"].kind == "employed_party"
    assert details["v37"].kind == "minor"


def test_import_rejects_bad_references_and_stores_nothing(store: RosterStore) -> None:
    base = demo_scenario(WEEK)
    volunteers = list(base.volunteers)
    volunteers[2] = dataclasses.replace(volunteers[2], preferred_gates=("gate9",), available={"mon": ("night",)})
    bad = dataclasses.replace(
        base, volunteers=tuple(volunteers), pinned=(Assignment("v99", "east", day(0), "am", True),)
    )
    with pytest.raises(StoreError) as info:
        store.import_scenario(bad, {"v01": VolunteerDetails("alien")})
    message = str(info.value)
    for part in ("'gate9'", "'night'", "'v99'", "'alien'"):
        assert part in message
    assert store.is_empty()


# --- rosters ---------------------------------------------------------------------------


def test_week_roster_is_none_before_anything_is_saved(store: RosterStore, demo_id: int) -> None:
    assert store.week_roster(demo_id, WEEK) is None
    assert store.weeks(demo_id) == []


def test_roster_round_trip(store: RosterStore, demo_id: int) -> None:
    roster = sample_roster()
    store.save_roster(demo_id, WEEK, roster)
    assert store.week_roster(demo_id, WEEK) == roster
    [week] = store.weeks(demo_id)
    assert (week.start_date, week.status, week.solver_status) == (WEEK, "draft", "FEASIBLE")
    assert (week.assignments, week.shortages) == (6, 2)
    assert week.solved_at is not None


def test_roster_comes_back_in_canonical_order(store: RosterStore, demo_id: int) -> None:
    roster = sample_roster()
    shuffled = dataclasses.replace(roster, assignments=roster.assignments[::-1], shortages=roster.shortages[::-1])
    store.save_roster(demo_id, WEEK, shuffled)
    assert store.week_roster(demo_id, WEEK) == roster


def test_save_roster_replaces_the_week(store: RosterStore, demo_id: int) -> None:
    store.save_roster(demo_id, WEEK, sample_roster())
    second = Roster("玉带路社区", "OPTIMAL", (Assignment("v02", "east", day(1), "am"),), objective=5, bound=5)
    store.save_roster(demo_id, WEEK, second)
    assert store.week_roster(demo_id, WEEK) == second
    assert len(store.weeks(demo_id)) == 1


@pytest.mark.parametrize(
    "bad, message",
    [
        (Assignment("v99", "east", day(2), "am"), "unknown volunteer id 'v99'"),
        (Assignment("v01", "gate9", day(2), "am"), "unknown gate id 'gate9'"),
        (Assignment("v11", "east", day(0), "early"), "breaks a rule of the database"),  # a duplicate
    ],
)
def test_failed_save_leaves_the_old_roster(store: RosterStore, demo_id: int, bad: Assignment, message: str) -> None:
    old = sample_roster()
    store.save_roster(demo_id, WEEK, old)
    heard: list[int] = []
    store.subscribe(heard.append)
    # Good rows first, so the failure comes after the old rows were deleted and new ones added.
    new = Roster("玉带路社区", "OPTIMAL", (Assignment("v02", "east", day(1), "am"), Assignment("v11", "east", day(0), "early"), bad))
    with pytest.raises(StoreError, match=message):
        store.save_roster(demo_id, WEEK, new)
    assert store.week_roster(demo_id, WEEK) == old
    assert heard == []


def test_save_roster_rejects_unknown_status(store: RosterStore, demo_id: int) -> None:
    with pytest.raises(StoreError, match="'DONE'"):
        store.save_roster(demo_id, WEEK, Roster("x", "DONE"))
    assert store.weeks(demo_id) == []


def test_save_roster_for_unknown_community(store: RosterStore) -> None:
    with pytest.raises(StoreError, match="no community 7"):
        store.save_roster(7, WEEK, sample_roster())


def test_listeners_hear_committed_changes(store: RosterStore) -> None:
    heard: list[int] = []
    store.subscribe(heard.append)
    cid = store.load_demo(WEEK)
    store.save_roster(cid, WEEK, sample_roster())
    store.remove_community(cid)
    assert heard == [cid, cid, cid]


# --- the week's snapshot for the solver ------------------------------------------------


def test_week_scenario_carries_pins_and_previous(store: RosterStore, demo_id: int) -> None:
    store.save_roster(demo_id, WEEK, sample_roster())
    scenario = store.week_scenario(demo_id, WEEK)
    assert scenario.pinned == (
        Assignment("v22", "east", day(0), "early", True),
        Assignment("v08", "east", day(5), "am", True),
    )
    assert scenario.previous == (
        Assignment("v11", "east", day(0), "early"),
        Assignment("v21", "south", day(0), "early"),
        Assignment("v01", "east", day(0), "am"),
        Assignment("v37", "east", day(5), "am"),
    )
    # Another week sees none of them.
    later = store.week_scenario(demo_id, WEEK + dt.timedelta(days=7))
    assert later.pinned == () and later.previous == ()


def test_set_pinned(store: RosterStore, demo_id: int) -> None:
    store.save_roster(demo_id, WEEK, sample_roster())
    store.set_pinned(demo_id, WEEK, Assignment("v11", "east", day(0), "early"), True)
    store.set_pinned(demo_id, WEEK, Assignment("v22", "east", day(0), "early"), False)
    scenario = store.week_scenario(demo_id, WEEK)
    assert Assignment("v11", "east", day(0), "early", True) in scenario.pinned
    assert Assignment("v22", "east", day(0), "early", False) in scenario.previous
    roster = store.week_roster(demo_id, WEEK)
    assert roster is not None
    assert {a.volunteer for a in roster.assignments if a.pinned} == {"v11", "v08"}


def test_set_pinned_on_a_post_not_in_the_roster(store: RosterStore, demo_id: int) -> None:
    with pytest.raises(StoreError, match="not in the roster"):
        store.set_pinned(demo_id, WEEK, Assignment("v11", "east", day(0), "early"), True)
    store.save_roster(demo_id, WEEK, sample_roster())
    with pytest.raises(StoreError, match="not in the roster"):
        store.set_pinned(demo_id, WEEK, Assignment("v11", "west", day(0), "early"), True)


def test_inactive_volunteers_leave_the_scenario(store: RosterStore, db: Database, demo_id: int) -> None:
    store.save_roster(demo_id, WEEK, sample_roster())
    with db.session() as s:
        s.execute(update(VolunteerRow).where(VolunteerRow.code == "v22").values(active=False))
    scenario = store.week_scenario(demo_id, WEEK)
    assert "v22" not in {v.id for v in scenario.volunteers}
    assert all(a.volunteer != "v22" for a in scenario.pinned + scenario.previous)
    assert "v22" in store.volunteer_details(demo_id)  # still known, for the month's totals


def test_imported_pins_make_an_unsolved_week(store: RosterStore) -> None:
    cid = store.import_scenario(rich_scenario())
    roster = store.week_roster(cid, WEEK)
    assert roster is not None and roster.status == "UNKNOWN"
    assert {a.volunteer for a in roster.assignments} == {"v11", "v01", "v29", "v03"}
    assert roster.shortages == ()
