"""Tests of the independent roster validator (solver/validate.py).

Each rule gets a small hand-built scenario where it is broken and a near-identical one
where it holds. Scenarios are written as gateroster.scenario/1 dicts and read with the
real file reader, so the tests also use the objects the rest of the program will pass in.
Demand has min 0 unless a test is about shortages, so an empty post is not a shortage
and a clean roster validates to an empty list.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from solver.fileformat import load_scenario
from solver.scenario import WEEKDAY_KEYS, Assignment, Conflict, Needs, Post, Roster, Scenario, Shortage
from solver.validate import (
    Violation,
    coverage_totals,
    hour_cap_minutes,
    is_workday,
    open_posts,
    validate,
)

MON = "2026-11-23"  # an ordinary working Monday
TUE = "2026-11-24"
SAT = "2026-11-28"
ALL_SLOTS = ["early", "am", "pm", "eve"]
EVERY_DAY = {day: ALL_SLOTS for day in WEEKDAY_KEYS}


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def volunteer(vid: str, name: str, **fields: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"id": vid, "name": name, "party_member": False, "employed": False,
                           "available": EVERY_DAY}
    out.update(fields)
    return out


def scenario(**changes: Any) -> Scenario:
    """A one-day scenario at two gates; `changes` replace top-level fields of the dict."""
    data: dict[str, Any] = {
        "format": "gateroster.scenario/1",
        "name": "测试社区",
        "start_date": MON,
        "days": 1,
        "working_hours": {"start": "08:00", "end": "18:00"},
        "slots": [
            {"id": "early", "name": "早班", "start": "06:00", "end": "08:00"},
            {"id": "am", "name": "上午", "start": "08:00", "end": "12:00"},
            {"id": "pm", "name": "下午", "start": "12:00", "end": "18:00"},
            {"id": "eve", "name": "晚班", "start": "18:00", "end": "22:00"},
        ],
        "gates": [
            {"id": "east", "name": "东门", "demand": [{"slot": s, "min": 0, "max": 2, "days": "all"} for s in ALL_SLOTS]},
            {"id": "west", "name": "西门", "demand": [{"slot": s, "min": 0, "max": 2, "days": "all"} for s in ALL_SLOTS]},
        ],
        "volunteers": [
            volunteer("v01", "张桂兰", party_member=True),
            volunteer("v02", "王建国", party_member=True, employed=True),
            volunteer("v03", "李小明", minor=True),
            volunteer("v04", "赵丽", skills=["translation"]),
        ],
    }
    data.update(changes)
    return load_scenario(data)


def roster(*assignments: tuple[str, str, str, str], status: str = "OPTIMAL",
           shortages: tuple[Shortage, ...] = (), conflicts: tuple[Conflict, ...] = ()) -> Roster:
    return Roster("测试社区", status, tuple(Assignment(v, g, d(day), s) for v, g, day, s in assignments),
                  shortages=shortages, conflicts=conflicts)


def only(rule: str, violations: list[Violation]) -> list[Violation]:
    return [v for v in violations if v.rule == rule]


def rules(violations: list[Violation]) -> set[str]:
    return {v.rule for v in violations}


def gates_with(demand: list[dict[str, Any]], needs: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    gate: dict[str, Any] = {"id": "east", "name": "东门", "demand": demand}
    if needs:
        gate["needs"] = needs
    return [gate]


# --- a clean roster ---------------------------------------------------------------------


def test_a_roster_obeying_every_rule_is_valid():
    s = scenario()
    r = roster(("v01", "east", MON, "early"), ("v03", "east", MON, "early"), ("v02", "west", MON, "eve"),
               ("v04", "west", MON, "am"), ("v01", "west", MON, "am"))
    assert validate(s, r) == []


# --- unknown_reference ------------------------------------------------------------------


@pytest.mark.parametrize("assignment, part", [
    (("v99", "east", MON, "early"), "volunteer id 'v99'"),
    (("v01", "north", MON, "early"), "gate id 'north'"),
    (("v01", "east", MON, "night"), "slot id 'night'"),
    (("v01", "east", TUE, "early"), "outside the horizon"),
    (("v01", "east", "2026-11-22", "early"), "outside the horizon"),
])
def test_unknown_reference(assignment, part):
    found = only("unknown_reference", validate(scenario(), roster(assignment)))
    assert len(found) == 1
    assert found[0].volunteer == assignment[0]
    assert found[0].post == Post(assignment[1], d(assignment[2]), assignment[3])
    assert part in found[0].message


def test_unknown_reference_is_not_judged_by_other_rules():
    # An unknown slot would otherwise also be "closed" and "unavailable": one report is enough.
    assert rules(validate(scenario(), roster(("v01", "east", MON, "night")))) == {"unknown_reference"}


def test_known_references_are_fine_and_a_longer_horizon_accepts_the_date():
    assert "unknown_reference" not in rules(validate(scenario(days=2), roster(("v01", "east", TUE, "early"))))


def test_unknown_reference_in_a_shortage():
    r = roster(shortages=(Shortage("north", d(MON), "early", 1),))
    found = only("unknown_reference", validate(scenario(), r))
    assert [v.post for v in found] == [Post("north", d(MON), "early")]


# --- duplicate_assignment ---------------------------------------------------------------


def test_duplicate_assignment_reported_once_and_counted_once():
    s = scenario(gates=gates_with([{"slot": "early", "min": 0, "max": 1}]))
    found = validate(s, roster(("v01", "east", MON, "early"), ("v01", "east", MON, "early")))
    assert [(v.rule, v.volunteer, v.post) for v in found] == [
        ("duplicate_assignment", "v01", Post("east", d(MON), "early"))]  # and no over_max: one person


def test_same_volunteer_at_different_posts_is_not_a_duplicate():
    found = validate(scenario(), roster(("v01", "east", MON, "early"), ("v01", "east", MON, "am")))
    assert "duplicate_assignment" not in rules(found)


# --- closed_post and over_max -----------------------------------------------------------


def test_closed_post_without_demand():
    s = scenario(gates=gates_with([{"slot": "early", "min": 0, "max": 2}]))
    found = validate(s, roster(("v01", "east", MON, "am")))
    assert [(v.rule, v.volunteer, v.post) for v in found] == [("closed_post", "v01", Post("east", d(MON), "am"))]
    assert validate(s, roster(("v01", "east", MON, "early"))) == []


def test_workday_demand_is_closed_on_a_rest_day():
    s = scenario(start_date=SAT, gates=gates_with([{"slot": "eve", "min": 0, "max": 2, "days": "workdays"},
                                                   {"slot": "early", "min": 0, "max": 2, "days": "rest_days"}]))
    assert rules(validate(s, roster(("v01", "east", SAT, "eve")))) == {"closed_post"}
    assert validate(s, roster(("v01", "east", SAT, "early"))) == []


def test_later_demand_entry_with_max_zero_keeps_the_post_open_with_room_for_nobody():
    s = scenario(days=2, gates=gates_with([{"slot": "early", "min": 1, "max": 2, "days": "all"},
                                           {"slot": "early", "min": 0, "max": 0, "days": [TUE]}]))
    assert open_posts(s)[Post("east", d(TUE), "early")] == (0, 0)
    found = validate(s, roster(("v01", "east", MON, "early"), ("v01", "east", TUE, "early")))
    assert [(v.rule, v.post) for v in found] == [("over_max", Post("east", d(TUE), "early"))]


def test_over_max():
    s = scenario(gates=gates_with([{"slot": "early", "min": 0, "max": 1}]))
    found = validate(s, roster(("v01", "east", MON, "early"), ("v04", "east", MON, "early")))
    assert [(v.rule, v.post, v.volunteer) for v in found] == [("over_max", Post("east", d(MON), "early"), None)]
    assert "v01 张桂兰" in found[0].message and "v04 赵丽" in found[0].message


def test_at_max_is_fine():
    s = scenario(gates=gates_with([{"slot": "early", "min": 0, "max": 2}]))
    assert validate(s, roster(("v01", "east", MON, "early"), ("v04", "east", MON, "early"))) == []


def test_open_posts_follows_days_selectors_overrides_and_replacement():
    # 2026-10-01..07 are the National Day holidays (rest days), 10-08 and Saturday 10-10
    # are workdays (10-10 adjusted, 调休); the clerk turns Friday 10-09 into a rest day.
    s = scenario(start_date="2026-09-30", days=11, calendar={"rest_days": ["2026-10-09"]},
                 gates=gates_with([
                     {"slot": "am", "min": 1, "max": 2, "days": "workdays"},
                     {"slot": "eve", "min": 0, "max": 1, "days": "rest_days"},
                     {"slot": "early", "min": 2, "max": 3, "days": ["2026-10-01", "2026-12-31"]},
                     {"slot": "am", "min": 0, "max": 0, "days": ["2026-10-10"]},
                 ]))
    posts = open_posts(s)
    am = sorted(p.date.isoformat() for p in posts if p.slot == "am")
    assert am == ["2026-09-30", "2026-10-08", "2026-10-10"]
    assert posts[Post("east", d("2026-10-10"), "am")] == (0, 0)  # replaced by the later entry
    assert posts[Post("east", d("2026-09-30"), "am")] == (1, 2)
    eve = sorted(p.date.isoformat() for p in posts if p.slot == "eve")
    assert eve == [f"2026-10-0{i}" for i in (1, 2, 3, 4, 5, 6, 7, 9)]
    assert [p for p in posts if p.slot == "early"] == [Post("east", d("2026-10-01"), "early")]  # 12-31: outside
    assert len(posts) == 3 + 8 + 1


# --- unavailable ------------------------------------------------------------------------


@pytest.mark.parametrize("fields", [
    {"available": {"mon": ["am"]}},                        # slot not offered that weekday
    {"available": {"tue": ALL_SLOTS}},                     # weekday missing altogether
    {"available": EVERY_DAY, "unavailable_dates": [MON]},  # a blocked-out date
])
def test_unavailable(fields):
    s = scenario(volunteers=[volunteer("v05", "孙强", **fields)])
    found = validate(s, roster(("v05", "east", MON, "early")))
    assert [(v.rule, v.volunteer, v.post) for v in found] == [("unavailable", "v05", Post("east", d(MON), "early"))]


def test_available():
    s = scenario(volunteers=[volunteer("v05", "孙强", available={"mon": ["early"]}, unavailable_dates=[TUE])])
    assert validate(s, roster(("v05", "east", MON, "early"))) == []


# --- employed_in_working_hours ----------------------------------------------------------


def employed_at(day: str, slot: str = "am", **changes: Any) -> list[Violation]:
    s = scenario(start_date=day, **changes)
    return only("employed_in_working_hours", validate(s, roster(("v02", "east", day, slot))))


def test_employed_in_working_hours_on_a_workday():
    found = employed_at(TUE)
    assert [(v.volunteer, v.post) for v in found] == [("v02", Post("east", d(TUE), "am"))]
    assert found[0].message == ("v02 王建国 is employed and cannot stand at east 2026-11-24 am (08:00–12:00), "
                                "which overlaps working hours on a workday")


def test_employed_outside_working_hours_is_fine():
    assert employed_at(TUE, "early") == []
    assert employed_at(TUE, "eve") == []


def test_partial_overlap_with_working_hours_counts_and_touching_does_not():
    slots = [{"id": "am", "start": "17:00", "end": "19:00"}, {"id": "eve", "start": "18:00", "end": "22:00"}]
    gates = gates_with([{"slot": "am", "min": 0, "max": 2}, {"slot": "eve", "min": 0, "max": 2}])
    people = [volunteer("v02", "王建国", employed=True, available={"tue": ["am", "eve"]})]
    assert len(employed_at(TUE, "am", slots=slots, gates=gates, volunteers=people)) == 1
    assert employed_at(TUE, "eve", slots=slots, gates=gates, volunteers=people) == []


def test_a_non_employed_party_member_may_stand_in_working_hours():
    s = scenario(start_date=TUE)
    assert validate(s, roster(("v01", "east", TUE, "am"))) == []


@pytest.mark.parametrize("day", ["2026-10-01", "2026-10-05"])  # National Day holidays (a Thursday, a Monday)
def test_employed_in_working_hours_on_a_public_holiday_is_fine(day):
    assert employed_at(day) == []


def test_adjusted_weekend_workday_of_the_official_calendar():
    assert len(employed_at("2026-10-10")) == 1  # a Saturday made a workday (调休)


def test_calendar_overrides_turn_a_weekday_into_a_rest_day_and_a_saturday_into_a_workday():
    assert employed_at(TUE, calendar={"rest_days": [TUE]}) == []
    assert len(employed_at(SAT)) == 0
    assert len(employed_at(SAT, calendar={"workdays": [SAT]})) == 1


def test_outside_the_official_calendar_monday_to_friday_and_it_says_so():
    found = employed_at("2027-01-04")  # a Monday in a year chinese_calendar does not know
    assert len(found) == 1
    assert "Monday–Friday assumed" in found[0].message and "2027" in found[0].message
    assert employed_at("2027-01-09") == []  # a Saturday
    # The clerk's overrides still win over the fallback.
    assert employed_at("2027-01-04", calendar={"rest_days": ["2027-01-04"]}) == []
    found = employed_at("2027-01-09", calendar={"workdays": ["2027-01-09"]})
    assert len(found) == 1 and "assumed" not in found[0].message


def test_is_workday():
    s = scenario(calendar={"workdays": [SAT], "rest_days": [TUE]})
    assert is_workday(s, d(MON)) and not is_workday(s, d(TUE)) and is_workday(s, d(SAT))
    assert not is_workday(s, d("2026-11-29"))  # an ordinary Sunday
    assert not is_workday(s, d("2026-10-01")) and is_workday(s, d("2026-10-10"))
    assert is_workday(s, d("2027-01-01")) and not is_workday(s, d("2027-01-02"))  # fallback: Fri, Sat


# --- overlap and max_slots_per_day ------------------------------------------------------


def test_overlap_at_two_gates_in_the_same_slot():
    found = validate(scenario(), roster(("v01", "east", MON, "am"), ("v01", "west", MON, "am")))
    assert [(v.rule, v.volunteer, v.post) for v in found] == [("overlap", "v01", Post("west", d(MON), "am"))]
    assert "east 2026-11-23 am" in found[0].message


def test_overlap_of_different_slots_at_one_gate():
    slots = [{"id": "am", "start": "08:00", "end": "12:00"}, {"id": "mid", "start": "11:00", "end": "13:00"}]
    s = scenario(slots=slots, gates=gates_with([{"slot": "am", "min": 0, "max": 2},
                                                {"slot": "mid", "min": 0, "max": 2}]),
                 volunteers=[volunteer("v01", "张桂兰", available={"mon": ["am", "mid"]})])
    found = validate(s, roster(("v01", "east", MON, "am"), ("v01", "east", MON, "mid")))
    assert [(v.rule, v.volunteer) for v in found] == [("overlap", "v01")]


def test_adjacent_slots_and_other_dates_do_not_overlap():
    s = scenario(days=2)
    r = roster(("v01", "east", MON, "early"), ("v01", "west", MON, "am"), ("v01", "west", TUE, "early"))
    assert validate(s, r) == []


def test_max_slots_per_day():
    s = scenario(days=2, rules={"max_slots_per_day": 2})
    r = roster(("v01", "east", MON, "early"), ("v01", "east", MON, "am"), ("v01", "west", MON, "pm"),
               ("v01", "east", TUE, "early"))
    found = validate(s, r)
    assert [(v.rule, v.volunteer, v.post) for v in found] == [
        ("max_slots_per_day", "v01", Post("west", d(MON), "pm"))]


def test_at_max_slots_per_day_is_fine_and_no_rule_means_no_cap():
    r = roster(("v01", "east", MON, "early"), ("v01", "east", MON, "am"), ("v01", "west", MON, "pm"))
    assert validate(scenario(rules={"max_slots_per_day": 3}), r) == []
    assert validate(scenario(), r) == []


# --- max_hours --------------------------------------------------------------------------


def cap_of(days: int, default: float | None = 12, **fields: Any) -> int | None:
    rules = {} if default is None else {"default_max_hours_per_week": default}
    s = scenario(days=days, rules=rules, volunteers=[volunteer("v05", "孙强", **fields)])
    return hour_cap_minutes(s, s.volunteers[0])


def test_hour_cap_is_scaled_to_the_horizon_exactly():
    assert cap_of(7) == 720
    assert cap_of(14) == 1440
    assert cap_of(3) == 308  # 12 * 60 * 3 / 7 = 308.57…
    assert cap_of(7, max_hours_per_week=10.1) == 606  # the volunteer's own cap wins; 10.1 h, not 10.0999…
    assert cap_of(7, default=None, max_hours_per_week=7) == 420
    assert cap_of(7, max_hours_per_week=0) == 0  # 0 is a cap, not "no cap"
    assert cap_of(7, default=None) is None


def hours_violations(days: int, default: float | None, *assignments: tuple[str, str, str, str],
                     **fields: Any) -> list[Violation]:
    rules = {} if default is None else {"default_max_hours_per_week": default}
    s = scenario(days=days, rules=rules, volunteers=[volunteer("v01", "张桂兰", **fields)])
    return only("max_hours", validate(s, roster(*assignments)))


FULL_DAY = (("v01", "east", MON, "early"), ("v01", "east", MON, "am"), ("v01", "east", MON, "pm"))  # 12 h
FULL_TUE = tuple((v, g, TUE, s) for v, g, _, s in FULL_DAY)
WED = "2026-11-25"


def test_max_hours_exactly_at_the_default_cap_is_fine():
    assert hours_violations(7, 12, *FULL_DAY) == []


def test_max_hours_above_the_default_cap():
    found = hours_violations(7, 12, *FULL_DAY, ("v01", "east", TUE, "early"))
    assert [(v.volunteer, v.post) for v in found] == [("v01", Post("east", d(TUE), "early"))]
    assert "14 h" in found[0].message and "cap of 12 h" in found[0].message


def test_max_hours_of_the_volunteer_overrides_the_default():
    assert hours_violations(7, 12, ("v01", "east", MON, "am"), max_hours_per_week=4) == []
    found = hours_violations(7, 100, ("v01", "east", MON, "am"), ("v01", "east", MON, "early"), max_hours_per_week=4)
    assert [v.volunteer for v in found] == ["v01"]


def test_no_cap_means_no_max_hours():
    assert hours_violations(7, None, *FULL_DAY, *FULL_TUE) == []


def test_max_hours_over_fourteen_days_doubles_the_cap():
    assert hours_violations(14, 12, *FULL_DAY, *FULL_TUE) == []  # 24 h against 24 h
    found = hours_violations(14, 12, *FULL_DAY, *FULL_TUE, ("v01", "east", WED, "early"))
    assert [(v.volunteer, v.post) for v in found] == [("v01", Post("east", d(WED), "early"))]


def test_max_hours_over_three_days_scales_down():
    assert hours_violations(3, 12, ("v01", "east", MON, "am")) == []  # 240 of 308 minutes
    found = hours_violations(3, 12, ("v01", "east", MON, "am"), ("v01", "east", TUE, "early"))  # 360
    assert [(v.volunteer, v.post) for v in found] == [("v01", Post("east", d(TUE), "early"))]
    assert "5 h 08 min" in found[0].message


# --- minor_alone ------------------------------------------------------------------------


def test_minor_alone():
    found = validate(scenario(), roster(("v03", "east", MON, "eve"), ("v01", "west", MON, "eve")))
    assert [(v.rule, v.volunteer, v.post) for v in found] == [("minor_alone", "v03", Post("east", d(MON), "eve"))]


def test_two_minors_together_are_both_alone():
    s = scenario(volunteers=[volunteer("v03", "李小明", minor=True), volunteer("v06", "周小红", minor=True)])
    found = validate(s, roster(("v03", "east", MON, "eve"), ("v06", "east", MON, "eve")))
    assert [(v.rule, v.volunteer) for v in found] == [("minor_alone", "v03"), ("minor_alone", "v06")]


def test_minor_with_an_adult_is_fine():
    assert validate(scenario(), roster(("v03", "east", MON, "eve"), ("v01", "east", MON, "eve"))) == []


# --- pin_missing ------------------------------------------------------------------------

PIN = {"volunteer": "v01", "gate": "east", "date": MON, "slot": "am"}


def test_pin_missing():
    found = validate(scenario(pinned=[PIN]), roster(("v01", "west", MON, "am")))
    assert [(v.rule, v.volunteer, v.post) for v in found] == [("pin_missing", "v01", Post("east", d(MON), "am"))]


def test_pin_present_even_without_the_pinned_flag():
    r = roster(("v01", "east", MON, "am"))
    assert not r.assignments[0].pinned
    assert validate(scenario(pinned=[PIN]), r) == []


def test_an_infeasible_roster_need_not_hold_the_pins():
    r = roster(status="INFEASIBLE", conflicts=(Conflict("pin_unavailable", "v01 is pinned but away"),))
    assert validate(scenario(pinned=[PIN]), r) == []


# --- shortages --------------------------------------------------------------------------

NEEDS = {"party_member": 1, "skills": {"translation": 1}}
EARLY = Post("east", d(MON), "early")


def short_scenario() -> Scenario:
    return scenario(gates=gates_with([{"slot": "early", "min": 2, "max": 3}], needs=NEEDS))


def shortage(missing: int, party: int = 0, **skills: int) -> Shortage:
    return Shortage("east", d(MON), "early", missing, Needs(party, skills), "不够人")


def shortage_findings(*listed: Shortage, assigned=(("v01", "east", MON, "early"),)) -> list[tuple]:
    found = validate(short_scenario(), roster(*assigned, shortages=listed))
    return [(v.rule, v.post) for v in found]


def test_shortage_unreported():
    # v01 is a party member without translation: one person and the translator missing.
    assert shortage_findings() == [("shortage_unreported", EARLY)]


def test_shortage_reported_exactly():
    assert shortage_findings(shortage(1, translation=1)) == []
    assert shortage_findings(shortage(1, translation=1, medical=0)) == []  # a zero part is no part


def test_shortage_of_needs_only_is_unreported_too():
    full = (("v01", "east", MON, "early"), ("v03", "east", MON, "early"))
    assert shortage_findings(assigned=full) == [("shortage_unreported", EARLY)]
    assert shortage_findings(shortage(0, translation=1), assigned=full) == []


def test_empty_post_lacks_everything():
    assert shortage_findings(assigned=()) == [("shortage_unreported", EARLY)]
    assert shortage_findings(shortage(2, 1, translation=1), assigned=()) == []


@pytest.mark.parametrize("listed", [
    shortage(2, translation=1),     # missing people wrong
    shortage(1),                    # unmet need left out
    shortage(1, 1, translation=1),  # a met need listed
    shortage(1, translation=2),
])
def test_shortage_misreported(listed):
    assert shortage_findings(listed) == [("shortage_misreported", EARLY)]  # not also "unreported"


def test_shortage_listed_for_a_post_lacking_nothing():
    full = (("v01", "east", MON, "early"), ("v04", "east", MON, "early"))
    assert shortage_findings(assigned=full) == []
    assert shortage_findings(shortage(0), assigned=full) == [("shortage_misreported", EARLY)]
    assert shortage_findings(shortage(1), assigned=full) == [("shortage_misreported", EARLY)]


def test_shortage_listed_twice():
    assert shortage_findings(shortage(1, translation=1), shortage(1, translation=1)) == [
        ("shortage_misreported", EARLY)]


def test_shortage_at_a_closed_post():
    closed = Shortage("east", d(MON), "eve", 1)
    found = validate(short_scenario(), roster(("v01", "east", MON, "early"), shortages=(shortage(1, translation=1), closed)))
    assert [(v.rule, v.post) for v in found] == [("shortage_misreported", closed.post)]
    assert "closed" in found[0].message


def test_no_shortages_asked_of_an_infeasible_roster():
    r = roster(status="INFEASIBLE", conflicts=(Conflict("need_above_min", "need 2 above min 1"),))
    assert validate(short_scenario(), r) == []


# --- coverage_totals --------------------------------------------------------------------


def test_coverage_totals_by_hand():
    s = scenario(days=2, gates=gates_with([{"slot": "early", "min": 2, "max": 3, "days": [MON]},
                                           {"slot": "am", "min": 1, "max": 2, "days": "all"}], needs=NEEDS))
    assignments = [
        Assignment("v01", "east", d(MON), "early"),  # early MON: 1 missing; translation unmet (1)
        Assignment("v01", "east", d(MON), "early"),  # a duplicate counts once
        Assignment("v04", "east", d(MON), "am"),     # am MON: 0 missing; party member unmet (1)
        Assignment("v01", "east", d(TUE), "early"),  # closed post: counts nowhere
        Assignment("v99", "east", d(TUE), "am"),     # unknown person: counts nowhere
    ]                                                # am TUE: 1 missing; both needs unmet (2)
    assert coverage_totals(s, assignments) == (1 + 0 + 1, 1 + 1 + 2)
    assert coverage_totals(s, []) == (2 + 1 + 1, 2 + 2 + 2)


# --- status_mismatch --------------------------------------------------------------------

CONFLICT = Conflict("pin_unavailable", "v01 is pinned to a slot they cannot take")


@pytest.mark.parametrize("status, conflicts, bad", [
    ("INFEASIBLE", (), True),
    ("INFEASIBLE", (CONFLICT,), False),
    ("OPTIMAL", (CONFLICT,), True),
    ("FEASIBLE", (CONFLICT,), True),
    ("OPTIMAL", (), False),
    ("FEASIBLE", (), False),
    ("UNKNOWN", (), False),
])
def test_status_mismatch(status, conflicts, bad):
    found = validate(scenario(), roster(status=status, conflicts=conflicts))
    assert [v.rule for v in found] == (["status_mismatch"] if bad else [])


# --- the output as a whole --------------------------------------------------------------


def test_output_is_sorted_by_rule_post_volunteer_and_lists_every_problem():
    s = scenario(days=2, rules={"max_slots_per_day": 1},
                 gates=gates_with([{"slot": s, "min": 0, "max": 1} for s in ALL_SLOTS]))
    r = roster(("v03", "east", TUE, "eve"), ("v02", "east", TUE, "am"), ("v02", "east", MON, "am"),
               ("v01", "east", MON, "am"), ("v01", "east", MON, "pm"), ("v99", "east", MON, "am"))
    found = validate(s, r)
    assert [(v.rule, v.post and (v.post.date.isoformat(), v.post.slot), v.volunteer) for v in found] == [
        ("employed_in_working_hours", (MON, "am"), "v02"),
        ("employed_in_working_hours", (TUE, "am"), "v02"),
        ("max_slots_per_day", (MON, "pm"), "v01"),
        ("minor_alone", (TUE, "eve"), "v03"),
        ("over_max", (MON, "am"), None),
        ("unknown_reference", (MON, "am"), "v99"),
    ]
    assert validate(s, Roster(r.scenario, r.status, tuple(reversed(r.assignments)))) == found
