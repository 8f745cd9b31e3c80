"""The register and a person's own rules (version 3, the dialog's 个人规则): checked field by
field, stored, read back, given to the solver, and requests by date left alone by edits."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from roster_app.persistence import RosterStore
from roster_app.persistence.volunteer_edit import (
    MAX_CONSECUTIVE_DAYS,
    MAX_MINUTES,
    MAX_POSTS_BY_SLOT,
    MAX_WEEKENDS,
    MIN_CONSECUTIVE_DAYS,
    MIN_CONSECUTIVE_DAYS_OFF,
    MIN_MINUTES,
    REQUESTS,
    ValidationContext,
    VolunteerEditStore,
    VolunteerValidationError,
    check_record,
)
from solver.scenario import Request
from tests.persistence.conftest import WEEK
from tests.persistence.test_store_v3 import rich_v3_scenario
from tests.persistence.test_volunteer_edit import newcomer

CONTEXT = ValidationContext(frozenset({"early", "am", "pm", "eve"}), frozenset({"east"}))


@pytest.fixture
def edits(store: RosterStore) -> VolunteerEditStore:
    return VolunteerEditStore(store)


def codes(record, **fields) -> set[tuple[str, str, bool]]:
    return {(p.field, p.code, p.warning)
            for p in check_record(dataclasses.replace(record, **fields), CONTEXT, new=True)}


def test_no_rules_and_good_rules_have_no_problem() -> None:
    assert codes(newcomer()) == set()
    assert codes(newcomer(), max_minutes=480, min_minutes=120, max_consecutive_days=3, min_consecutive_days=2,
                 min_consecutive_days_off=1, max_weekends=0, max_posts_by_slot=(("eve", 0), ("am", 2))) == set()


@pytest.mark.parametrize("field, value", [
    (MAX_MINUTES, -1), (MIN_MINUTES, 168 * 60 + 1), (MAX_CONSECUTIVE_DAYS, 0), (MIN_CONSECUTIVE_DAYS, 0),
    (MIN_CONSECUTIVE_DAYS_OFF, 367), (MAX_WEEKENDS, -1), (MAX_WEEKENDS, 2.5), (MAX_MINUTES, True),
])
def test_a_limit_out_of_range_is_an_error_at_its_field(field: str, value: object) -> None:
    assert codes(newcomer(), **{field: value}) == {(field, "limit_range", False)}


def test_a_minimum_above_its_maximum_is_an_error_at_the_minimum() -> None:
    assert codes(newcomer(), min_minutes=300, max_minutes=240) == {(MIN_MINUTES, "min_above_max", False)}
    assert codes(newcomer(), min_consecutive_days=4, max_consecutive_days=3) == {
        (MIN_CONSECUTIVE_DAYS, "min_above_max", False)}
    [p] = check_record(newcomer(min_minutes=300, max_minutes=240), CONTEXT, new=True)
    assert dict(p.params) == {"min": "5", "max": "4"}  # in hours, as the dialog shows them
    # Equal is fine: exactly that much.
    assert codes(newcomer(), min_minutes=240, max_minutes=240, min_consecutive_days=3, max_consecutive_days=3) == set()


def test_a_minimum_above_the_weekly_cap_is_a_warning() -> None:
    assert codes(newcomer(max_hours_per_week=8), min_minutes=9 * 60) == {(MIN_MINUTES, "min_above_weekly_cap", True)}
    assert codes(newcomer(max_hours_per_week=None), min_minutes=9 * 60) == set()


def test_posts_per_slot_name_known_slots_and_counts_from_0() -> None:
    assert codes(newcomer(), max_posts_by_slot=(("night", 1),)) == {(MAX_POSTS_BY_SLOT, "unknown_code", False)}
    assert codes(newcomer(), max_posts_by_slot=(("am", -1),)) == {(MAX_POSTS_BY_SLOT, "limit_range", False)}


def test_own_rules_are_stored_read_back_and_given_to_the_solver(edits, store, demo_id) -> None:
    zhang = edits.volunteer(demo_id, "v01")
    assert (zhang.max_minutes, zhang.max_posts_by_slot) == (None, ())  # the demo sets none
    ruled = dataclasses.replace(zhang, max_minutes=600, min_minutes=120, max_consecutive_days=3,
                                min_consecutive_days=2, min_consecutive_days_off=2, max_weekends=1,
                                max_posts_by_slot=(("eve", 1), ("early", 0)))
    assert edits.update(demo_id, ruled) == ruled
    assert edits.volunteer(demo_id, "v01") == ruled
    v = store.week_scenario(demo_id, WEEK).volunteer("v01")
    assert (v.max_minutes, v.min_minutes, v.max_consecutive_days, v.min_consecutive_days,
            v.min_consecutive_days_off, v.max_weekends) == (600, 120, 3, 2, 2, 1)
    assert v.max_posts_by_slot == {"eve": 1, "early": 0}
    # Cleared again: no limits.
    plain = dataclasses.replace(ruled, max_minutes=None, min_minutes=None, max_consecutive_days=None,
                                min_consecutive_days=None, min_consecutive_days_off=None, max_weekends=None,
                                max_posts_by_slot=())
    edits.update(demo_id, plain)
    v = store.week_scenario(demo_id, WEEK).volunteer("v01")
    assert (v.max_minutes, v.max_weekends, v.max_posts_by_slot) == (None, None, {})
    added = edits.add(demo_id, newcomer(max_weekends=0, max_posts_by_slot=(("am", 1),)))
    assert store.week_scenario(demo_id, WEEK).volunteer(added.code).max_weekends == 0


def test_a_bad_rule_is_refused_and_nothing_is_written(edits, demo_id) -> None:
    zhang = edits.volunteer(demo_id, "v01")
    with pytest.raises(VolunteerValidationError) as info:
        edits.update(demo_id, dataclasses.replace(zhang, min_minutes=300, max_minutes=60,
                                                  max_posts_by_slot=(("nap", 1),)))
    assert {(p.field, p.code) for p in info.value.problems} == {(MIN_MINUTES, "min_above_max"),
                                                                (MAX_POSTS_BY_SLOT, "unknown_code")}
    assert edits.volunteer(demo_id, "v01") == zhang


def test_requests_name_known_slots_once_per_date_and_slot() -> None:
    day = WEEK + dt.timedelta(days=2)
    ok = (Request(day, "am", True, 3), Request(day, "pm", False), Request(WEEK, "am", False, 0))
    assert codes(newcomer(), requests=ok) == set()
    assert codes(newcomer(), requests=(Request(day, "nap", True),)) == {(REQUESTS, "unknown_code", False)}
    assert codes(newcomer(), requests=(Request(day, "am", True), Request(day, "am", False))) == {
        (REQUESTS, "duplicate_request", False)}
    assert codes(newcomer(), requests=(Request(day, "am", True, -1),)) == {(REQUESTS, "limit_range", False)}


def test_requests_are_stored_by_date_and_each_week_gets_its_own(edits, store, demo_id) -> None:
    zhang = edits.volunteer(demo_id, "v01")
    assert zhang.requests == ()
    asks = (Request(WEEK + dt.timedelta(days=5), "early", True, 4), Request(WEEK + dt.timedelta(days=9), "eve", False))
    saved = edits.update(demo_id, dataclasses.replace(zhang, requests=asks))
    assert saved.requests == asks and edits.volunteer(demo_id, "v01").requests == asks
    assert store.week_scenario(demo_id, WEEK).volunteer("v01").requests == asks[:1]
    assert store.week_scenario(demo_id, WEEK + dt.timedelta(days=7)).volunteer("v01").requests == asks[1:]
    edits.update(demo_id, dataclasses.replace(saved, requests=asks[1:]))  # one taken back
    assert store.week_scenario(demo_id, WEEK).volunteer("v01").requests == ()


def test_an_edit_keeps_the_persons_requests(edits, store) -> None:
    cid = store.import_scenario(rich_v3_scenario())
    week = store.week_scenario(cid, WEEK)
    before = week.volunteer("v01").requests
    assert len(before) == 3 and isinstance(before[0], Request)
    record = edits.volunteer(cid, "v01")
    assert dict(record.max_posts_by_slot) == {"eve": 2, "early": 0} and record.max_weekends == 1
    edits.update(cid, dataclasses.replace(record, name="张桂兰（东）", max_weekends=2))
    after = store.week_scenario(cid, WEEK).volunteer("v01")
    assert after.requests == before and after.max_weekends == 2
    # Nothing else of anyone changed.
    assert store.week_scenario(cid, WEEK).volunteers == tuple(
        dataclasses.replace(v, name="张桂兰（东）", max_weekends=2) if v.id == "v01" else v for v in week.volunteers)
