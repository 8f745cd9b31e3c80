"""RosterStore and version 3: per-person limits and requests, forbidden sequences, demand
weights, weighted coverage and version 3's term weights, stored and read back.

Every test of `store` runs on a SQLite file, SQLite in memory and PostgreSQL (conftest).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import delete, select

from roster_app.demo import demo_scenario, demo_volunteer_details
from roster_app.persistence import Database, RosterStore, StoreError
from roster_app.persistence.models import ForbiddenSequence, SlotRow, VolunteerRequest, VolunteerSlotLimit
from solver.fileformat import scenario_from_dict, scenario_to_dict, scenario_version
from solver.scenario import DEFAULT_WEIGHTS, Request, Rules, Scenario
from tests.persistence.conftest import WEEK
from tests.persistence.test_store import row_counts


def day(n: int) -> dt.date:
    return WEEK + dt.timedelta(days=n)


def rich_v3_scenario(days: int = 7) -> Scenario:
    """The demo with every version-3 field used, and some at values that are easy to lose
    (0 limits, weight 0 requests, a limit of 0 posts in a slot, a demand weight of 0)."""
    base = demo_scenario(WEEK)
    vs = list(base.volunteers)
    vs[0] = dataclasses.replace(
        vs[0], max_posts_by_slot={"eve": 2, "early": 0}, max_minutes=900, min_minutes=120, max_consecutive_days=4,
        min_consecutive_days=2, min_consecutive_days_off=2, max_weekends=1,
        requests=(Request(day(5), "early", True, 3), Request(day(2), "eve", False), Request(day(2), "am", True, 0)),
    )
    vs[1] = dataclasses.replace(vs[1], max_minutes=0, max_weekends=0)
    vs[2] = dataclasses.replace(vs[2], min_minutes=60, requests=(Request(day(days - 1), "pm", False, 7),))
    gates = list(base.gates)
    east = gates[0]
    gates[0] = dataclasses.replace(east, demand=(
        dataclasses.replace(east.demand[0], under_weight=3, over_weight=5),
        dataclasses.replace(east.demand[1], under_weight=0),
        *east.demand[2:],
    ))
    return dataclasses.replace(
        base, days=days, volunteers=tuple(vs), gates=tuple(gates),
        rules=dataclasses.replace(base.rules, forbidden_sequences=(("eve", "early"), ("pm", "early"))),
        weights={**DEFAULT_WEIGHTS, "over_cover": 2, "on_requests": 4, "off_requests": 0, "missing_people": 900,
                 "unmet_needs": 450},
        coverage="weighted",
    )


def test_every_version_3_field_round_trips(store: RosterStore) -> None:
    scenario = scenario_from_dict(scenario_to_dict(rich_v3_scenario()))  # what a file gives
    assert scenario_version(scenario) == 3
    cid = store.import_scenario(scenario, demo_volunteer_details())
    back = store.week_scenario(cid, WEEK)
    assert back == scenario
    # Field by field as well, so a failure says which.
    for mine, theirs in zip(back.volunteers, scenario.volunteers):
        for name in ("max_posts_by_slot", "max_minutes", "min_minutes", "max_consecutive_days",
                     "min_consecutive_days", "min_consecutive_days_off", "max_weekends", "requests"):
            assert getattr(mine, name) == getattr(theirs, name), (mine.id, name)
    assert back.rules.forbidden_sequences == (("eve", "early"), ("pm", "early"))
    assert back.gates[0].demand[0].over_weight == 5 and back.gates[0].demand[1].under_weight == 0
    assert back.coverage == "weighted" and back.weights == scenario.weights
    assert back.volunteers[0].max_posts_by_slot == {"eve": 2, "early": 0}
    # Exported again it is the same file.
    assert scenario_to_dict(back) == scenario_to_dict(scenario)


def test_a_week_gets_only_its_own_requests(store: RosterStore) -> None:
    """Requests are kept by date for good; a week's scenario has those of its dates, since the
    engine (and the file format) take requests inside the horizon only."""
    two_weeks = rich_v3_scenario(days=14)
    vs = list(two_weeks.volunteers)
    vs[0] = dataclasses.replace(vs[0], requests=vs[0].requests + (Request(day(9), "am", True, 2),))
    vs[3] = dataclasses.replace(vs[3], requests=(Request(day(13), "eve", False),))
    cid = store.import_scenario(dataclasses.replace(two_weeks, volunteers=tuple(vs)))
    first = store.week_scenario(cid, WEEK)
    second = store.week_scenario(cid, day(7))
    assert [q.date for q in first.volunteers[0].requests] == [day(5), day(2), day(2)]
    assert first.volunteers[3].requests == ()
    assert second.volunteers[0].requests == (Request(day(9), "am", True, 2),)
    assert second.volunteers[3].requests == (Request(day(13), "eve", False),)
    assert second.volunteers[2].requests == (Request(day(13), "pm", False, 7),)
    for week in (first, second):  # each a scenario the file format accepts as it is
        assert scenario_from_dict(scenario_to_dict(week)) == week
    assert store.week_scenario(cid, WEEK, days=14).volunteers[0].requests == vs[0].requests


def test_a_community_without_version_3_fields_exports_as_version_2(store: RosterStore) -> None:
    cid = store.import_scenario(demo_scenario(WEEK))
    back = store.week_scenario(cid, WEEK)
    assert back == demo_scenario(WEEK)
    assert scenario_to_dict(back)["format"] == "gateroster.scenario/2"
    assert all(v.max_minutes is None and v.requests == () and v.max_posts_by_slot == {} for v in back.volunteers)
    assert back.coverage == "first" and back.rules.forbidden_sequences == ()
    assert all(d.under_weight == 1 and d.over_weight == 0 for g in back.gates for d in g.demand)


@pytest.mark.parametrize("change", ["limit", "request", "sequence", "demand", "coverage", "term"])
def test_one_version_3_field_makes_the_export_version_3(store: RosterStore, change: str) -> None:
    base = demo_scenario(WEEK)
    vs = list(base.volunteers)
    gates = list(base.gates)
    rules, coverage, weights = base.rules, base.coverage, base.weights
    if change == "limit":
        vs[5] = dataclasses.replace(vs[5], max_weekends=0)
    elif change == "request":
        vs[5] = dataclasses.replace(vs[5], requests=(Request(day(1), "am", False),))
    elif change == "sequence":
        rules = dataclasses.replace(rules, forbidden_sequences=(("eve", "early"),))
    elif change == "demand":
        gates[1] = dataclasses.replace(gates[1], demand=(dataclasses.replace(gates[1].demand[0], over_weight=1),
                                                         *gates[1].demand[1:]))
    elif change == "coverage":
        coverage = "weighted"
    else:
        weights = {**(weights or {}), "on_requests": 3}
    scenario = dataclasses.replace(base, volunteers=tuple(vs), gates=tuple(gates), rules=rules, coverage=coverage,
                                   weights=weights)
    cid = store.import_scenario(scenario)
    back = store.week_scenario(cid, WEEK)
    assert back == scenario
    assert scenario_to_dict(back)["format"] == "gateroster.scenario/3"


def test_import_refuses_bad_version_3_data_and_stores_nothing(store: RosterStore) -> None:
    base = demo_scenario(WEEK)
    vs = list(base.volunteers)
    vs[0] = dataclasses.replace(vs[0], max_posts_by_slot={"night": 1, "am": -1}, min_minutes=600, max_minutes=480,
                                max_consecutive_days=0, max_weekends=-2,
                                requests=(Request(day(9), "am", True), Request(day(1), "dawn", False, -3)))
    gates = list(base.gates)
    gates[0] = dataclasses.replace(gates[0], demand=(dataclasses.replace(gates[0].demand[0], over_weight=-1),))
    bad = dataclasses.replace(
        base, volunteers=tuple(vs), gates=tuple(gates),
        rules=dataclasses.replace(base.rules, forbidden_sequences=(("eve", "nap"),)),
        weights={**(base.weights or {}), "missing_people": 5},  # coverage is first: it weighs nothing
    )
    with pytest.raises(StoreError) as info:
        store.import_scenario(bad)
    message = str(info.value)
    for part in ("unknown slot 'night'", "max_posts_by_slot['am'] is -1", "min_minutes 600 is above max_minutes 480",
                 "max_consecutive_days is 0", "max_weekends is -2", "2026-12-02 is outside the horizon",
                 "unknown slot 'dawn'", "weight -3", "over_weight is -1", "unknown slot 'nap'",
                 "missing_people weighs coverage only when coverage is weighted"):
        assert part in message, part
    assert store.is_empty()
    with pytest.raises(StoreError, match="weighted coverage needs weights"):
        store.import_scenario(dataclasses.replace(base, coverage="weighted", weights=None))
    with pytest.raises(StoreError, match="'sometimes' is not one of"):
        store.import_scenario(dataclasses.replace(base, coverage="sometimes"))  # type: ignore[arg-type]
    assert store.is_empty()


def test_set_rules_coverage_and_weights(store: RosterStore, demo_id: int) -> None:
    rules = dataclasses.replace(store.week_scenario(demo_id, WEEK).rules,
                                forbidden_sequences=(("eve", "early"), ("eve", "early"), ("pm", "am")))
    store.set_rules(demo_id, rules)
    assert store.week_scenario(demo_id, WEEK).rules.forbidden_sequences == (("eve", "early"), ("pm", "am"))
    with pytest.raises(StoreError, match="unknown slot 'nap'"):
        store.set_rules(demo_id, dataclasses.replace(rules, forbidden_sequences=(("nap", "am"),)))
    assert store.week_scenario(demo_id, WEEK).rules.forbidden_sequences == (("eve", "early"), ("pm", "am"))
    store.set_rules(demo_id, Rules())
    assert store.week_scenario(demo_id, WEEK).rules.forbidden_sequences == ()

    with pytest.raises(StoreError, match="missing_people weighs coverage only"):
        store.set_weights(demo_id, {"missing_people": 10})
    store.set_coverage(demo_id, "weighted")
    store.set_weights(demo_id, {"missing_people": 10, "over_cover": 2})
    back = store.week_scenario(demo_id, WEEK)
    assert back.coverage == "weighted"
    assert back.weights == {**DEFAULT_WEIGHTS, "missing_people": 10, "over_cover": 2}
    with pytest.raises(StoreError, match="needs weights"):
        store.set_weights(demo_id, None)
    with pytest.raises(StoreError, match="not one of"):
        store.set_coverage(demo_id, "last")
    store.set_weights(demo_id, {"over_cover": 2})
    store.set_coverage(demo_id, "first")
    assert store.week_scenario(demo_id, WEEK).coverage == "first"
    store.set_weights(demo_id, None)
    with pytest.raises(StoreError, match="needs weights"):
        store.set_coverage(demo_id, "weighted")


def test_removing_slots_and_people_takes_their_version_3_rows(store: RosterStore, db: Database) -> None:
    cid = store.import_scenario(rich_v3_scenario())
    counts = row_counts(db)
    for table in ("forbidden_sequences", "volunteer_slot_limits", "volunteer_requests"):
        assert counts[table] > 0, table
    with db.session() as s:  # a slot gone takes the sequences, limits and requests naming it
        s.execute(delete(SlotRow).where(SlotRow.community_id == cid, SlotRow.code == "early"))
    with db.session() as s:
        assert s.scalars(select(ForbiddenSequence)).all() == []
        assert all(q.date != day(5) for q in s.scalars(select(VolunteerRequest)))
        assert [r.max_posts for r in s.scalars(select(VolunteerSlotLimit))] == [2]
    store.remove_community(cid)
    assert {name: n for name, n in row_counts(db).items() if n} == {"schema_info": 1}
