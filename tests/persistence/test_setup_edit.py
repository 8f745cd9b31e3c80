"""SetupEditor: gates, slots, demand, closed posts, settings and calendar, seen through the
solver's eyes (`week_scenario` + `Instance`); every refused write names its fields and
changes nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select

from roster_app.persistence import Database, RosterStore, StoreError
from roster_app.persistence.models import Base, DemandRuleRow, GateRow
from roster_app.persistence.setup_edit import (
    CommunitySettings,
    DateDemand,
    SetupEditor,
    SetupError,
    Staffing,
    WeeklyDemand,
)
from solver.instance import Demand, Instance
from solver.model import SolveOptions, solve
from solver.scenario import DEFAULT_WEIGHTS, SOFT_TERMS, Assignment, Needs, Post, Roster, Rules
from solver.validate import validate
from tests.persistence.conftest import WEEK


def day(n: int) -> dt.date:
    return WEEK + dt.timedelta(days=n)


GOLDEN_WEEK = dt.date(2026, 9, 28)
"""A Monday before the National Day holiday: 10-01..10-03 are rest days, 09-28..09-30 not."""


@pytest.fixture
def editor(store: RosterStore) -> SetupEditor:
    return SetupEditor(store)


def dump(db: Database) -> dict[str, list[tuple]]:
    """Every row of every table: a refused write must leave all of it as it was."""
    with db.session() as s:
        return {
            name: sorted(map(tuple, s.execute(select(table)).all()), key=repr)
            for name, table in Base.metadata.tables.items()
        }


def problems_of(info: pytest.ExceptionInfo[SetupError]) -> set[tuple[str, str]]:
    return {(p.field, p.code) for p in info.value.problems}


def open_demand(store: RosterStore, cid: int, week: dt.date = WEEK) -> dict[Post, Demand]:
    return Instance(store.week_scenario(cid, week)).demand


def save_roster_using(store: RosterStore, cid: int, gate: str, slot: str) -> None:
    store.save_roster(cid, WEEK, Roster("玉带路社区", "FEASIBLE", (Assignment("v01", gate, day(0), slot),)))


# --- reading ---------------------------------------------------------------------------------


def test_setup_of_the_demo(editor: SetupEditor, demo_id: int) -> None:
    setup = editor.setup(demo_id)
    assert [g.name for g in setup.gates] == ["东门", "南门", "西门", "北门"]
    assert [(s.name, s.label) for s in setup.slots] == [
        ("早班", "06:00–08:00"), ("上午", "08:00–12:00"), ("下午", "12:00–18:00"), ("晚班", "18:00–22:00")]
    assert setup.gate("east").needs == Needs(party_member=1)
    assert len(setup.weekly) == 16 and setup.exceptions == ()
    # The later "workdays" rule replaces the "all" one on workdays only.
    assert setup.demand("south", "early") == WeeklyDemand("south", "early", Staffing(2, 2), Staffing(1, 2))
    assert setup.demand("east", "am") == WeeklyDemand("east", "am", Staffing(1, 3), Staffing(2, 3))
    assert setup.demand("west", "early") == WeeklyDemand("west", "early", None, None)
    assert setup.demand("north", "eve") == WeeklyDemand("north", "eve", Staffing(1, 2), None)
    assert setup.settings.name == "玉带路社区"
    assert (setup.settings.work_start, setup.settings.work_end) == (8 * 60, 18 * 60)
    assert setup.settings.rules.max_slots_per_day == 2
    assert setup.settings.weights == dict(DEFAULT_WEIGHTS)


def test_unknown_community(editor: SetupEditor) -> None:
    with pytest.raises(StoreError, match="no community 42"):
        editor.setup(42)
    with pytest.raises(StoreError, match="no community 42"):
        editor.rename_gate(42, "east", "大门")


# --- gates -------------------------------------------------------------------------------------


def test_add_rename_and_reorder_gates(editor: SetupEditor, store: RosterStore, demo_id: int) -> None:
    heard: list[int] = []
    store.subscribe(heard.append)
    code = editor.add_gate(demo_id, "  菜市场口 ", Needs(0, {"temperature": 1}))
    assert code == "gate5"
    editor.rename_gate(demo_id, code, "菜市场门")
    editor.move_gate(demo_id, code, -2)
    assert heard == [demo_id] * 3

    scenario = store.week_scenario(demo_id, WEEK)
    assert [g.id for g in scenario.gates] == ["east", "south", "gate5", "west", "north"]
    new = scenario.gate("gate5")
    assert (new.name, new.needs, new.demand) == ("菜市场门", Needs(0, {"temperature": 1}), ())
    # No demand yet: none of its posts is open.
    assert not [p for p in open_demand(store, demo_id) if p.gate == "gate5"]

    editor.move_gate(demo_id, code, -10)  # past the left end: first
    editor.reorder_gates(demo_id, ["north", "west", "south", "east", "gate5"])
    assert [g.code for g in editor.setup(demo_id).gates] == ["north", "west", "south", "east", "gate5"]


def test_bad_gate_writes_report_every_problem_and_change_nothing(
    editor: SetupEditor, store: RosterStore, db: Database, demo_id: int
) -> None:
    heard: list[int] = []
    store.subscribe(heard.append)
    before = dump(db)
    with pytest.raises(SetupError) as info:
        editor.add_gate(demo_id, " 东门 ", Needs(-1, {"medical": -2}))
    assert problems_of(info) == {("name", "duplicate_name"), ("needs.party_member", "below_min"),
                                 ("needs.skills[medical]", "below_min")}
    with pytest.raises(SetupError) as info:
        editor.add_gate(demo_id, "   ")
    assert problems_of(info) == {("name", "required")}
    with pytest.raises(SetupError) as info:
        editor.rename_gate(demo_id, "south", "东门")
    assert problems_of(info) == {("name", "duplicate_name")}
    assert info.value.problems[0].params == {"name": "东门"}
    with pytest.raises(SetupError) as info:
        editor.reorder_gates(demo_id, ["east", "west", "north"])
    assert problems_of(info) == {("order", "not_every_gate_once")}
    with pytest.raises(SetupError) as info:
        editor.rename_gate(demo_id, "nowhere", "")
    assert problems_of(info) == {("gate", "unknown_gate"), ("name", "required")}
    assert dump(db) == before
    assert heard == []


def test_gate_needs(editor: SetupEditor, store: RosterStore, db: Database, demo_id: int) -> None:
    editor.set_gate_needs(demo_id, "south", Needs(1, {"translation": 1}))
    assert store.week_scenario(demo_id, WEEK).gate("south").needs == Needs(1, {"translation": 1})
    # 东门 takes one person on workday mornings: a need of 2 could never be met there.
    before = dump(db)
    with pytest.raises(SetupError) as info:
        editor.set_gate_needs(demo_id, "east", Needs(2))
    assert problems_of(info) == {("needs", "needs_above_min")}
    assert "上午" in info.value.problems[0].params["posts"]
    assert dump(db) == before
    editor.set_gate_needs(demo_id, "east", Needs(0))
    assert editor.setup(demo_id).gate("east").needs == Needs()


def test_remove_gate_only_when_no_roster_uses_it(
    editor: SetupEditor, store: RosterStore, db: Database, demo_id: int
) -> None:
    save_roster_using(store, demo_id, "west", "am")
    store.publish_week(demo_id, WEEK)
    setup = editor.setup(demo_id)
    assert setup.gate("west").in_use == (WEEK,) and setup.gate("west").published_in_use == (WEEK,)
    assert setup.gate("north").in_use == ()

    before = dump(db)
    with pytest.raises(SetupError) as info:
        editor.remove_gate(demo_id, "west")
    [problem] = info.value.problems
    assert (problem.field, problem.code, problem.params["name"]) == ("gate", "in_use", "西门")
    assert "2026-11-23" in problem.message and "close it instead" in problem.message
    assert dump(db) == before

    # Closing keeps the gate and its roster but opens none of its posts.
    editor.close_gate(demo_id, "west")
    assert not [p for p in open_demand(store, demo_id) if p.gate == "west"]
    assert store.week_roster(demo_id, WEEK).assignments[0].gate == "west"

    editor.remove_gate(demo_id, "north")
    assert [g.id for g in store.week_scenario(demo_id, WEEK).gates] == ["east", "south", "west"]
    # Volunteers who preferred 北门 simply no longer name it.
    assert all("north" not in v.preferred_gates for v in store.week_scenario(demo_id, WEEK).volunteers)


# --- slots -------------------------------------------------------------------------------------


def test_add_edit_and_remove_slots(editor: SetupEditor, store: RosterStore, demo_id: int) -> None:
    code = editor.add_slot(demo_id, "午间", 11 * 60, 13 * 60)
    assert code == "slot5"
    # Kept in the order of the day.
    assert [s.id for s in store.week_scenario(demo_id, WEEK).slots] == ["early", "am", code, "pm", "eve"]
    editor.edit_slot(demo_id, code, "夜班", 22 * 60, 24 * 60)
    slots = store.week_scenario(demo_id, WEEK).slots
    assert [s.id for s in slots] == ["early", "am", "pm", "eve", code]
    assert (slots[-1].name, slots[-1].label) == ("夜班", "22:00–24:00")
    editor.remove_slot(demo_id, code)
    assert [s.id for s in store.week_scenario(demo_id, WEEK).slots] == ["early", "am", "pm", "eve"]


def test_bad_slots_are_refused_with_every_problem(editor: SetupEditor, db: Database, demo_id: int) -> None:
    before = dump(db)
    with pytest.raises(SetupError) as info:
        editor.add_slot(demo_id, "晚班", 20 * 60, 19 * 60)
    assert problems_of(info) == {("name", "duplicate_name"), ("end", "start_not_before_end")}
    with pytest.raises(SetupError) as info:
        editor.add_slot(demo_id, "", -30, 25 * 60)
    assert problems_of(info) == {("name", "required"), ("start", "not_time_of_day"), ("end", "not_time_of_day")}
    with pytest.raises(SetupError) as info:
        editor.edit_slot(demo_id, "am", "下午", 8 * 60, 8 * 60)
    assert problems_of(info) == {("name", "duplicate_name"), ("end", "start_not_before_end")}
    assert dump(db) == before


def test_slots_used_by_rosters(editor: SetupEditor, store: RosterStore, db: Database, demo_id: int) -> None:
    save_roster_using(store, demo_id, "east", "eve")
    with pytest.raises(SetupError) as info:
        editor.remove_slot(demo_id, "eve")
    assert problems_of(info) == {("slot", "in_use")}
    # A draft's slot may change its times; a published one's may not (served hours).
    editor.edit_slot(demo_id, "eve", "晚班", 18 * 60, 21 * 60)
    store.publish_week(demo_id, WEEK)
    before = dump(db)
    with pytest.raises(SetupError) as info:
        editor.edit_slot(demo_id, "eve", "晚班", 18 * 60, 22 * 60)
    assert problems_of(info) == {("start", "times_published")}
    assert dump(db) == before
    editor.edit_slot(demo_id, "eve", "夜间", 18 * 60, 21 * 60)  # renaming is fine
    assert store.week_scenario(demo_id, WEEK).slot("eve").name == "夜间"


# --- demand ------------------------------------------------------------------------------------


@pytest.mark.parametrize("week", [WEEK, GOLDEN_WEEK])
def test_rewriting_demand_keeps_its_meaning(editor: SetupEditor, store: RosterStore, demo_id: int,
                                            week: dt.date) -> None:
    before = open_demand(store, demo_id, week)
    editor.set_weekly_demand(demo_id, editor.setup(demo_id).weekly)
    assert open_demand(store, demo_id, week) == before
    # South's two rules for early (all, then workdays) became one per kind of day.
    south = store.week_scenario(demo_id, week).gate("south").demand
    assert [(d.slot, d.days) for d in south if d.slot == "early"] == [("early", "workdays"), ("early", "rest_days")]


def test_set_weekly_demand(editor: SetupEditor, store: RosterStore, demo_id: int) -> None:
    editor.set_weekly_demand(demo_id, [
        WeeklyDemand("west", "early", Staffing(1, 1), None),
        WeeklyDemand("north", "am", Staffing(1, 2), Staffing(1, 2)),
        WeeklyDemand("south", "pm", None, None),
    ])
    demand = open_demand(store, demo_id, GOLDEN_WEEK)
    wednesday, thursday = dt.date(2026, 9, 30), dt.date(2026, 10, 1)  # workday, National Day
    assert demand[Post("west", wednesday, "early")] == Demand(1, 1)
    assert Post("west", thursday, "early") not in demand
    assert demand[Post("north", thursday, "am")] == Demand(1, 2)
    assert not [p for p in demand if p.gate == "south" and p.slot == "pm"]
    north = store.week_scenario(demo_id, WEEK).gate("north").demand
    assert [(d.slot, d.days) for d in north] == [("early", "workdays"), ("am", "all"), ("eve", "workdays")]


def test_bad_demand_is_refused_whole(editor: SetupEditor, db: Database, demo_id: int) -> None:
    before = dump(db)
    with pytest.raises(SetupError) as info:
        editor.set_weekly_demand(demo_id, [
            WeeklyDemand("west", "early", Staffing(1, 1), None),  # fine, but not saved either
            WeeklyDemand("south", "am", Staffing(3, 2), Staffing(-1, 2)),
            WeeklyDemand("east", "pm", Staffing(0, 2), None),  # 东门 needs a party member
            WeeklyDemand("gate9", "night", None, None),
        ])
    assert problems_of(info) == {
        ("demand[south,am].workday.max", "min_above_max"),
        ("demand[south,am].rest_day.min", "below_min"),
        ("demand[east,pm].workday.min", "min_below_needs"),
        ("demand[gate9,night].gate", "unknown_gate"),
        ("demand[gate9,night].slot", "unknown_slot"),
    }
    assert dump(db) == before


def test_closing_a_post_for_dates(editor: SetupEditor, store: RosterStore, demo_id: int) -> None:
    # 东门 needs a party member at every open post; a closed one has room for nobody.
    editor.close_posts(demo_id, "east", ["early", "am"], [day(2), day(5)])
    setup = editor.setup(demo_id)
    assert [(e.slot, e.date, e.staffing.closed) for e in setup.exceptions] == [
        ("early", day(2), True), ("early", day(5), True), ("am", day(2), True), ("am", day(5), True)]

    scenario = store.week_scenario(demo_id, WEEK)
    inst = Instance(scenario)
    for post in (Post("east", day(2), "early"), Post("east", day(5), "am")):
        assert inst.demand[post].max == 0
        assert all(post not in posts for posts in inst.allowed.values())
    assert inst.demand[Post("east", day(3), "early")] == Demand(2, 3)
    assert inst.demand[Post("east", day(2), "eve")] == Demand(2, 3)

    # The exception keeps winning when the weekly demand changes afterwards.
    editor.set_weekly_demand(demo_id, [WeeklyDemand("east", "early", Staffing(3, 3), Staffing(3, 3))])
    inst = Instance(store.week_scenario(demo_id, WEEK))
    assert inst.demand[Post("east", day(2), "early")].max == 0
    assert inst.demand[Post("east", day(3), "early")] == Demand(3, 3)

    # The solver leaves the closed posts empty, claims no need there, and the validator agrees.
    roster = solve(store.week_scenario(demo_id, WEEK), SolveOptions(time_limit_s=3.0, deterministic=True))
    assert roster.status in ("OPTIMAL", "FEASIBLE") and roster.conflicts == ()
    closed = {Post("east", d, s) for d in (day(2), day(5)) for s in ("early", "am")}
    assert not [a for a in roster.assignments if a.post in closed]
    assert not [s for s in roster.shortages if s.post in closed]
    assert validate(store.week_scenario(demo_id, WEEK), roster) == []

    editor.clear_date_demand(demo_id, "east", ["early"], [day(2)])
    inst = Instance(store.week_scenario(demo_id, WEEK))
    assert inst.demand[Post("east", day(2), "early")] == Demand(3, 3)
    assert inst.demand[Post("east", day(2), "am")].max == 0


def test_date_demand_other_than_closing(editor: SetupEditor, store: RosterStore, demo_id: int) -> None:
    editor.set_date_demand(demo_id, [DateDemand("west", "early", day(6), Staffing(1, 2))])
    assert open_demand(store, demo_id)[Post("west", day(6), "early")] == Demand(1, 2)
    assert Post("west", day(5), "early") not in open_demand(store, demo_id)


def test_bad_closing_is_refused(editor: SetupEditor, db: Database, demo_id: int) -> None:
    before = dump(db)
    with pytest.raises(SetupError) as info:
        editor.close_posts(demo_id, "east", [], [])
    assert problems_of(info) == {("slots", "required"), ("dates", "required")}
    with pytest.raises(SetupError) as info:
        editor.close_posts(demo_id, "gate9", ["night"], [day(1)])
    assert problems_of(info) == {("dates[0].gate", "unknown_gate"), ("dates[0].slot", "unknown_slot")}
    with pytest.raises(SetupError) as info:
        editor.set_date_demand(demo_id, [DateDemand("east", "am", day(1), Staffing(0, 2))])
    assert problems_of(info) == {("dates[0].min", "min_below_needs")}
    assert dump(db) == before


def test_imported_date_rules_shadowed_by_a_later_all_rule(editor: SetupEditor, store: RosterStore,
                                                         demo_id: int) -> None:
    """A date rule before an "all" rule of the same slot never applied, and is not shown."""
    with store.db.session() as s:
        west = s.scalar(select(GateRow.id).where(GateRow.community_id == demo_id, GateRow.code == "west"))
        rules = s.scalars(select(DemandRuleRow).where(DemandRuleRow.gate_id == west)
                          .order_by(DemandRuleRow.position)).all()
        assert [r.days_kind for r in rules] == ["all", "all", "all"]
    editor.set_date_demand(demo_id, [DateDemand("west", "am", day(1), Staffing(0, 0))])
    before = open_demand(store, demo_id)
    # Move the date rule first by hand, as an imported file could have it.
    with store.db.session() as s:
        for r in s.scalars(select(DemandRuleRow).where(DemandRuleRow.gate_id == west)):
            r.position = -1 if r.days_kind == "dates" else r.position
    shadowed = open_demand(store, demo_id)
    assert shadowed[Post("west", day(1), "am")] == Demand(1, 2) != before[Post("west", day(1), "am")]
    assert editor.setup(demo_id).exceptions == ()
    editor.set_weekly_demand(demo_id, [editor.setup(demo_id).demand("west", "pm")])
    assert open_demand(store, demo_id) == shadowed


# --- settings -----------------------------------------------------------------------------------


def test_settings_round_trip(editor: SetupEditor, store: RosterStore, demo_id: int) -> None:
    settings = editor.setup(demo_id).settings
    rules = dataclasses.replace(settings.rules, max_slots_per_day=3, default_max_hours_per_week=10.5,
                                kind_max_hours_per_week={"youth": 4.0}, min_rest_hours=None)
    weights = {**settings.weights, "gate_switches": 0, "split_days": 25}
    editor.set_settings(demo_id, CommunitySettings("玉带路社区（东区）", 8 * 60 + 30, 17 * 60 + 30, rules, weights))
    scenario = store.week_scenario(demo_id, WEEK)
    assert scenario.name == "玉带路社区（东区）"
    assert (scenario.working_hours.start, scenario.working_hours.end) == (510, 1050)
    assert scenario.rules == rules
    assert scenario.weights == weights
    # Terms left out weigh their default; None goes back to version 1.
    editor.set_settings(demo_id, CommunitySettings("玉带路社区", 480, 1080, rules, {"changes": 7}))
    assert store.week_scenario(demo_id, WEEK).weights == {**DEFAULT_WEIGHTS, "changes": 7}
    editor.set_settings(demo_id, CommunitySettings("玉带路社区", 480, 1080, Rules(), None))
    assert store.week_scenario(demo_id, WEEK).weights is None
    assert store.week_scenario(demo_id, WEEK).rules == Rules()


def test_bad_settings_report_every_field(editor: SetupEditor, db: Database, demo_id: int) -> None:
    before = dump(db)
    rules = Rules(max_slots_per_day=0, default_max_hours_per_week=-1, minor_latest_end=25 * 60,
                  kind_max_hours_per_week={"alien": 2, "youth": -3}, history_weeks=-1)
    with pytest.raises(SetupError) as info:
        editor.set_settings(demo_id, CommunitySettings(" ", 18 * 60, 8 * 60, rules,
                                                       {"changes": -5, "coffee": 1, "split_days": 2.5}))
    assert problems_of(info) == {
        ("name", "required"),
        ("work_end", "start_not_before_end"),
        ("rules.max_slots_per_day", "below_min"),
        ("rules.default_max_hours_per_week", "below_min"),
        ("rules.minor_latest_end", "not_time_of_day"),
        ("rules.kind_max_hours_per_week[alien]", "unknown_kind"),
        ("rules.kind_max_hours_per_week[youth]", "below_min"),
        ("rules.history_weeks", "below_min"),
        ("weights[changes]", "below_min"),
        ("weights[coffee]", "unknown_term"),
        ("weights[split_days]", "not_whole"),
    }
    assert dump(db) == before
    assert set(SOFT_TERMS) == set(DEFAULT_WEIGHTS)


# --- calendar -------------------------------------------------------------------------------------


def test_calendar_overrides(editor: SetupEditor, store: RosterStore, db: Database, demo_id: int) -> None:
    saturday, wednesday = day(5), day(2)
    editor.set_calendar_overrides(demo_id, {saturday: True, wednesday: False})
    inst = Instance(store.week_scenario(demo_id, WEEK))
    assert inst.workday[saturday] is True and inst.workday[wednesday] is False
    # 北门 opens on workdays only: now on that Saturday, not that Wednesday.
    assert Post("north", saturday, "early") in inst.demand
    assert Post("north", wednesday, "early") not in inst.demand
    assert editor.setup(demo_id).calendar.workdays == {saturday}

    editor.set_calendar_overrides(demo_id, {saturday: None, wednesday: True})
    calendar = editor.setup(demo_id).calendar
    assert (calendar.workdays, calendar.rest_days) == ({wednesday}, frozenset())

    before = dump(db)
    with pytest.raises(SetupError) as info:
        editor.set_calendar_overrides(demo_id, {"2026-11-28": True, saturday: "yes"})  # type: ignore[dict-item]
    assert problems_of(info) == {("date", "not_date"), (f"date[{saturday}]", "not_bool")}
    assert dump(db) == before
