"""RosterStore and version 2: rules and weights, volunteers' new fields, publishing, history.

Round trips hold for everything stored; `recent_hours` is the exception by design: it is
never stored but computed from published weeks, so the round trips here have none.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select

from roster_app.demo import demo_scenario, demo_volunteer_details
from roster_app.kinds import VolunteerDetails
from roster_app.persistence import Database, RosterStore, StoreError
from roster_app.persistence.models import SoftTermWeight
from solver.fileformat import scenario_from_dict, scenario_to_dict
from solver.scenario import (
    DEFAULT_WEIGHTS,
    SOFT_TERMS,
    Assignment,
    Roster,
    Rules,
    Scenario,
    Shortfall,
    TermCost,
)
from tests.persistence.conftest import WEEK
from tests.persistence.test_store import row_counts, sample_roster


def day(n: int) -> dt.date:
    return WEEK + dt.timedelta(days=n)


def rich_v2_scenario() -> Scenario:
    """The demo with every version-2 field used in every way it can be."""
    base = demo_scenario(WEEK)
    vs = list(base.volunteers)
    vs[0] = dataclasses.replace(vs[0], allowed_gates=("west", "east"), preferred_slots=("pm", "am"))
    vs[1] = dataclasses.replace(vs[1], allowed_gates=())  # restricted to no gate at all: not "every gate"
    vs[2] = dataclasses.replace(vs[2], kind=None)  # a version-2 file may leave a kind out
    vs[3] = dataclasses.replace(vs[3], registered=True)
    return dataclasses.replace(
        base,
        volunteers=tuple(vs),
        rules=Rules(
            max_slots_per_day=3, default_max_hours_per_week=10.5, min_posts_registered=3, minor_latest_end=None,
            minor_max_hours_per_week=4.5, kind_max_hours_per_week={"employed_party": 8, "cadre": 9.5},
            max_consecutive_days=5, min_rest_hours=11.5, history_weeks=2,
        ),
        weights={**DEFAULT_WEIGHTS, "changes": 7, "split_days": 0},
    )


def version_1(scenario: Scenario) -> Scenario:
    """The scenario as a version-1 file would give it."""
    return scenario_from_dict({**scenario_to_dict(dataclasses.replace(
        scenario, rules=Rules(scenario.rules.max_slots_per_day, scenario.rules.default_max_hours_per_week),
        weights=None,
        volunteers=tuple(dataclasses.replace(v, kind=None, registered=False, allowed_gates=None, preferred_slots=())
                         for v in scenario.volunteers),
    ))})


# --- round trips ------------------------------------------------------------------------


def test_every_version_2_field_round_trips(store: RosterStore) -> None:
    scenario = rich_v2_scenario()
    cid = store.import_scenario(scenario, demo_volunteer_details())
    back = store.week_scenario(cid, WEEK)
    assert back == scenario
    assert back.volunteers[1].allowed_gates == () and back.volunteers[4].allowed_gates is None
    # The volunteer whose kind the scenario left out keeps the office's kind, unseen by the solver.
    assert back.volunteers[2].kind is None
    assert store.volunteer_details(cid)["v03"].kind == "nonemployed_party"


def test_a_version_2_file_round_trips(store: RosterStore) -> None:
    scenario = scenario_from_dict(scenario_to_dict(rich_v2_scenario()))
    assert scenario.weights is not None
    cid = store.import_scenario(scenario)
    assert store.week_scenario(cid, WEEK) == scenario


def test_a_version_1_scenario_stays_version_1(store: RosterStore) -> None:
    scenario = version_1(demo_scenario(WEEK))
    assert scenario.weights is None and all(v.kind is None for v in scenario.volunteers)
    cid = store.import_scenario(scenario)
    back = store.week_scenario(cid, WEEK)
    assert back == scenario
    assert scenario_to_dict(back)["format"] == "gateroster.scenario/1"
    # The office still sees a kind for everyone: the guess from the facts.
    assert store.volunteer_details(cid)["v11"].kind == "employed_party"


def test_weights_left_out_come_back_at_their_defaults(store: RosterStore, db: Database) -> None:
    cid = store.import_scenario(dataclasses.replace(demo_scenario(WEEK), weights={"changes": 7}))
    assert store.week_scenario(cid, WEEK).weights == {**DEFAULT_WEIGHTS, "changes": 7}
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(SoftTermWeight)) == 1  # only what was given
    assert list(store.week_scenario(cid, WEEK).weights or ()) == list(SOFT_TERMS)


def test_recent_hours_are_not_stored(store: RosterStore) -> None:
    base = demo_scenario(WEEK)
    vs = (dataclasses.replace(base.volunteers[0], recent_hours=30),) + base.volunteers[1:]
    cid = store.import_scenario(dataclasses.replace(base, volunteers=vs))
    assert store.week_scenario(cid, WEEK) == base  # no published weeks: 0 for everyone


def test_import_rejects_bad_version_2_data_and_stores_nothing(store: RosterStore) -> None:
    base = demo_scenario(WEEK)
    vs = list(base.volunteers)
    vs[0] = dataclasses.replace(vs[0], allowed_gates=("gate9",), preferred_slots=("night",))
    vs[1] = dataclasses.replace(vs[1], kind="teacher")
    vs[2] = dataclasses.replace(vs[2], kind="resident")  # the details say nonemployed_party
    bad = dataclasses.replace(
        base, volunteers=tuple(vs),
        rules=dataclasses.replace(base.rules, kind_max_hours_per_week={"pilot": 3}, max_consecutive_days=0),
        weights={**DEFAULT_WEIGHTS, "fun": 1, "changes": -1},
    )
    with pytest.raises(StoreError) as info:
        store.import_scenario(bad, demo_volunteer_details())
    message = str(info.value)
    for part in ("'gate9'", "'night'", "'teacher'", "'resident'", "'pilot'", "max_consecutive_days", "'fun'",
                 "changes is -1"):
        assert part in message
    assert store.is_empty()


# --- settings ---------------------------------------------------------------------------


def test_set_rules_and_weights(store: RosterStore, demo_id: int) -> None:
    heard: list[int] = []
    store.subscribe(heard.append)
    rules = rich_v2_scenario().rules
    store.set_rules(demo_id, rules)
    assert store.week_scenario(demo_id, WEEK).rules == rules
    store.set_weights(demo_id, {"hours_spread": 80})
    assert store.week_scenario(demo_id, WEEK).weights == {**DEFAULT_WEIGHTS, "hours_spread": 80}
    store.set_weights(demo_id, {})  # nothing set: every term at its default
    assert store.week_scenario(demo_id, WEEK).weights == DEFAULT_WEIGHTS
    store.set_weights(demo_id, None)  # back to version 1's objective
    assert store.week_scenario(demo_id, WEEK).weights is None
    assert heard == [demo_id] * 4


def test_bad_settings_change_nothing(store: RosterStore, demo_id: int) -> None:
    before = store.week_scenario(demo_id, WEEK)
    with pytest.raises(StoreError, match="history_weeks is -1"):
        store.set_rules(demo_id, dataclasses.replace(before.rules, history_weeks=-1))
    with pytest.raises(StoreError, match="unknown soft term 'fun'"):
        store.set_weights(demo_id, {"fun": 3})
    with pytest.raises(StoreError, match="no community 42"):
        store.set_weights(42, {})
    assert store.week_scenario(demo_id, WEEK) == before


# --- rosters: terms and shortfalls ------------------------------------------------------


def v2_roster() -> Roster:
    return dataclasses.replace(
        sample_roster(),
        terms=(TermCost("missing_people", 3, 1000000), TermCost("registered_shortfall", 2, 1000),
               TermCost("changes", 0, 100), TermCost("unpreferred_slots", 4, 3)),
        shortfalls=(Shortfall("v19", 2, 1, "本周只有 1 个可值班的岗位"), Shortfall("v12", 2, 0)),
    )


def test_terms_and_shortfalls_round_trip_in_their_order(store: RosterStore, demo_id: int) -> None:
    roster = v2_roster()
    store.save_roster(demo_id, WEEK, roster)
    assert store.week_roster(demo_id, WEEK) == roster
    store.save_roster(demo_id, WEEK, sample_roster())  # replaced, not added to
    assert store.week_roster(demo_id, WEEK) == sample_roster()


def test_a_shortfall_of_an_unknown_volunteer_saves_nothing(store: RosterStore, demo_id: int) -> None:
    store.save_roster(demo_id, WEEK, v2_roster())
    bad = dataclasses.replace(v2_roster(), shortfalls=(Shortfall("v99", 2, 0),))
    with pytest.raises(StoreError, match="shortfalls\\[0\\]: unknown volunteer id 'v99'"):
        store.save_roster(demo_id, WEEK, bad)
    assert store.week_roster(demo_id, WEEK) == v2_roster()


def test_removing_the_community_removes_version_2_rows(store: RosterStore, db: Database) -> None:
    cid = store.import_scenario(rich_v2_scenario())
    store.save_roster(cid, WEEK, v2_roster())
    counts = row_counts(db)
    for table in ("soft_term_weights", "kind_hour_caps", "allowed_gates", "preferred_slots", "roster_terms",
                  "registered_shortfalls"):
        assert counts[table] > 0, table
    store.remove_community(cid)
    assert {name: n for name, n in row_counts(db).items() if n} == {"schema_info": 1}


# --- publishing -------------------------------------------------------------------------


def test_publish_and_reopen(store: RosterStore, demo_id: int) -> None:
    store.save_roster(demo_id, WEEK, sample_roster())
    heard: list[int] = []
    store.subscribe(heard.append)
    store.publish_week(demo_id, WEEK)
    assert [w.status for w in store.weeks(demo_id)] == ["published"]
    store.publish_week(demo_id, WEEK)  # again: nothing changes
    assert [w.status for w in store.weeks(demo_id)] == ["published"]

    with pytest.raises(StoreError, match="published; reopen"):
        store.save_roster(demo_id, WEEK, Roster("玉带路社区", "OPTIMAL"))
    assert store.week_roster(demo_id, WEEK) == sample_roster()

    store.reopen_week(demo_id, WEEK)
    assert [w.status for w in store.weeks(demo_id)] == ["draft"]
    store.save_roster(demo_id, WEEK, Roster("玉带路社区", "OPTIMAL"))
    assert heard == [demo_id] * 3  # publish, reopen, save: publishing again changed nothing, so no notice


def test_a_week_without_a_roster_cannot_be_published(store: RosterStore, demo_id: int) -> None:
    with pytest.raises(StoreError, match="no roster to publish"):
        store.publish_week(demo_id, WEEK)
    with pytest.raises(StoreError, match="no week of 2026-11-23 to reopen"):
        store.reopen_week(demo_id, WEEK)
    with pytest.raises(StoreError, match="no community 42"):
        store.publish_week(42, WEEK)
    assert store.weeks(demo_id) == []


def test_imported_pins_can_be_published(store: RosterStore) -> None:
    cid = store.import_scenario(dataclasses.replace(
        demo_scenario(WEEK), pinned=(Assignment("v11", "east", WEEK, "early", True),)
    ))
    store.publish_week(cid, WEEK)
    assert [w.status for w in store.weeks(cid)] == ["published"]


# --- history ----------------------------------------------------------------------------


def week_with(monday: dt.date, *posts: tuple[str, int, str]) -> Roster:
    """A roster of the week from `monday`: (volunteer, day of that week, slot) at the east gate."""
    return Roster("玉带路社区", "FEASIBLE",
                  tuple(Assignment(v, "east", monday + dt.timedelta(days=d), slot) for v, d, slot in posts))


def test_recent_hours_come_from_published_weeks_within_history(store: RosterStore, demo_id: int) -> None:
    store.set_rules(demo_id, dataclasses.replace(demo_scenario(WEEK).rules, history_weeks=4))
    weeks_ago = {n: WEEK - dt.timedelta(weeks=n) for n in range(1, 6)}
    # Slots: early 2 h, am 4 h, pm 6 h, eve 4 h.
    store.save_roster(demo_id, weeks_ago[1], week_with(weeks_ago[1], ("v01", 0, "am"), ("v01", 2, "pm"),
                                                       ("v11", 1, "eve")))
    store.save_roster(demo_id, weeks_ago[2], week_with(weeks_ago[2], ("v01", 0, "am")))  # stays a draft
    store.save_roster(demo_id, weeks_ago[4], week_with(weeks_ago[4], ("v01", 0, "early"), ("v22", 6, "eve")))
    store.save_roster(demo_id, weeks_ago[5], week_with(weeks_ago[5], ("v01", 6, "pm")))  # 5 weeks ago: too old
    store.save_roster(demo_id, WEEK, week_with(WEEK, ("v01", 0, "am")))  # this week: not history
    for n in (1, 4, 5):
        store.publish_week(demo_id, weeks_ago[n])
    store.publish_week(demo_id, WEEK)

    expected = {"v01": 4 + 6 + 2, "v11": 4, "v22": 4}
    assert store.recent_hours(demo_id, WEEK) == expected
    scenario = store.week_scenario(demo_id, WEEK)
    assert {v.id: v.recent_hours for v in scenario.volunteers if v.recent_hours} == expected
    assert all(v.recent_hours == 0 for v in scenario.volunteers if v.id not in expected)

    # One week of history: only last week counts.
    store.set_rules(demo_id, dataclasses.replace(scenario.rules, history_weeks=1))
    assert {v.id: v.recent_hours for v in store.week_scenario(demo_id, WEEK).volunteers if v.recent_hours} == {
        "v01": 10, "v11": 4}
    assert store.recent_hours(demo_id, WEEK, weeks=5) == {"v01": 18, "v11": 4, "v22": 4}
    # No history: nothing, and a reopened week no longer counts either.
    store.set_rules(demo_id, dataclasses.replace(scenario.rules, history_weeks=0))
    assert all(v.recent_hours == 0 for v in store.week_scenario(demo_id, WEEK).volunteers)
    store.set_rules(demo_id, scenario.rules)
    store.reopen_week(demo_id, weeks_ago[1])
    assert store.recent_hours(demo_id, WEEK) == {"v01": 2, "v22": 4}


def test_the_history_window_is_by_date(store: RosterStore, demo_id: int) -> None:
    # A horizon that starts on a Thursday: the published week before it counts up to Wednesday.
    store.save_roster(demo_id, WEEK, week_with(WEEK, ("v01", 1, "am"), ("v01", 2, "pm"), ("v01", 3, "am")))
    store.publish_week(demo_id, WEEK)
    thursday = WEEK + dt.timedelta(days=3)
    assert store.recent_hours(demo_id, thursday, weeks=1) == {"v01": 10}
    later = thursday + dt.timedelta(weeks=1)
    assert store.recent_hours(demo_id, later, weeks=1) == {"v01": 4}  # from the Thursday on


# --- the demo ---------------------------------------------------------------------------


def test_the_demo_is_a_version_2_community(store: RosterStore, demo_id: int) -> None:
    scenario = store.week_scenario(demo_id, WEEK)
    assert scenario == demo_scenario(WEEK)
    assert scenario.weights == DEFAULT_WEIGHTS
    assert scenario.rules.min_posts_registered == 2 and scenario.rules.history_weeks == 4
    assert all(v.kind for v in scenario.volunteers)
    assert {v.kind for v in scenario.volunteers if v.registered} == {"employed_party", "cadre"}
    assert any(v.allowed_gates for v in scenario.volunteers) and any(v.preferred_slots for v in scenario.volunteers)


def test_details_and_kinds_agree_for_the_demo(store: RosterStore, demo_id: int) -> None:
    details = store.volunteer_details(demo_id)
    assert details == demo_volunteer_details()
    assert all(v.kind == details[v.id].kind for v in store.week_scenario(demo_id, WEEK).volunteers)
    assert details["v01"] == VolunteerDetails("nonemployed_party", "13601187425", "3号楼", "第一网格")
