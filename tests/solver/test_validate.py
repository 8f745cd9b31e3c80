"""Tests of the independent roster validator (solver/validate.py).

Each rule gets a small hand-built scenario where it is broken and a near-identical one
where it holds. Scenarios are written as gateroster.scenario/1 dicts and read with the
real file reader, so the tests also use the objects the rest of the program will pass in.
Demand has min 0 unless a test is about shortages, so an empty post is not a shortage
and a clean roster validates to an empty list. Version-2 rules and the objective terms
are tested at the end, on gateroster.scenario/2 dicts, with every expected number worked
out by hand in a comment.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from solver.fileformat import load_scenario
from solver.scenario import (
    DEFAULT_WEIGHTS,
    SOFT_TERMS,
    WEEKDAY_KEYS,
    Assignment,
    Conflict,
    Needs,
    Post,
    Roster,
    Scenario,
    Shortage,
    Shortfall,
    TermCost,
)
from solver.validate import (
    V1_TERMS,
    V2_TERMS,
    Violation,
    coverage_totals,
    hour_cap_minutes,
    is_workday,
    objective_terms,
    open_posts,
    validate,
    weekly_cap_hours,
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


# === version 2 ==========================================================================

V2 = "gateroster.scenario/2"
THU = "2026-11-26"
FRI = "2026-11-27"
SUN = "2026-11-29"
WEEK = [MON, TUE, WED, THU, FRI, SAT, SUN]


def scenario2(**changes: Any) -> Scenario:
    """`scenario` in version 2 (where minors' posts end by 20:00 unless `rules` say otherwise)."""
    return scenario(format=V2, **changes)


def one_gate(days: Any = "all") -> list[dict[str, Any]]:
    return gates_with([{"slot": s, "min": 0, "max": 2, "days": days} for s in ALL_SLOTS])


def a(vid: str, gate: str, day: str, slot: str, pinned: bool = False) -> Assignment:
    return Assignment(vid, gate, d(day), slot, pinned)


# --- gate_not_allowed -------------------------------------------------------------------


def test_gate_not_allowed():
    s = scenario2(volunteers=[volunteer("v05", "孙强", allowed_gates=["west"])])
    found = validate(s, roster(("v05", "east", MON, "am"), ("v05", "west", MON, "pm")))
    assert [(v.rule, v.volunteer, v.post) for v in found] == [("gate_not_allowed", "v05", Post("east", d(MON), "am"))]
    assert "west" in found[0].message


def test_allowed_gate_and_no_list_mean_fine_and_an_empty_list_allows_none():
    s = scenario2(volunteers=[volunteer("v05", "孙强", allowed_gates=["west", "east"]), volunteer("v06", "周红")])
    assert validate(s, roster(("v05", "east", MON, "am"), ("v06", "west", MON, "am"))) == []
    s = scenario2(volunteers=[volunteer("v05", "孙强", allowed_gates=[])])
    assert rules(validate(s, roster(("v05", "west", MON, "am")))) == {"gate_not_allowed"}


# --- minor_too_late ---------------------------------------------------------------------


def test_minor_too_late_by_the_version_2_default_of_20_00():
    found = validate(scenario2(), roster(("v03", "east", MON, "eve"), ("v01", "east", MON, "eve")))  # ends 22:00
    assert [(v.rule, v.volunteer, v.post) for v in found] == [("minor_too_late", "v03", Post("east", d(MON), "eve"))]
    assert "20:00" in found[0].message


def test_minor_ending_at_or_before_the_latest_end_is_fine():
    pair = lambda slot: roster(("v03", "east", MON, slot), ("v01", "east", MON, slot))  # noqa: E731
    assert validate(scenario2(), pair("pm")) == []  # ends 18:00
    assert validate(scenario2(rules={"minor_latest_end": "22:00"}), pair("eve")) == []  # ends exactly then
    assert rules(validate(scenario2(rules={"minor_latest_end": "21:59"}), pair("eve"))) == {"minor_too_late"}
    assert validate(scenario2(rules={"minor_latest_end": None}), pair("eve")) == []  # no rule
    assert validate(scenario(), pair("eve")) == []  # version 1: no such rule
    assert validate(scenario2(), roster(("v01", "east", MON, "eve"))) == []  # an adult


def test_a_slot_ending_at_midnight_is_late():
    slots = [{"id": "night", "name": "夜班", "start": "20:00", "end": "24:00"}]
    s = scenario2(slots=slots, gates=gates_with([{"slot": "night", "min": 0, "max": 2}]),
                  rules={"minor_latest_end": "23:59"},
                  volunteers=[volunteer("v03", "李小明", minor=True, available={"mon": ["night"]}),
                              volunteer("v01", "张桂兰", available={"mon": ["night"]})])
    found = validate(s, roster(("v03", "east", MON, "night"), ("v01", "east", MON, "night")))
    assert [(v.rule, v.volunteer) for v in found] == [("minor_too_late", "v03")]


# --- max_hours with kind and minor caps -------------------------------------------------


def cap2(days: int = 7, rules: dict[str, Any] | None = None, **fields: Any) -> int | None:
    s = scenario2(days=days, rules=rules or {}, volunteers=[volunteer("v05", "孙强", **fields)])
    return hour_cap_minutes(s, s.volunteers[0])


KIND_RULES = {"default_max_hours_per_week": 12, "kind_max_hours_per_week": {"employed_party": 8, "youth": 20},
              "minor_max_hours_per_week": 4}


def test_effective_cap_is_the_smallest_that_applies():
    assert cap2(rules=KIND_RULES) == 720                                   # only the default
    assert cap2(rules=KIND_RULES, kind="resident") == 720                  # kind not listed
    assert cap2(rules=KIND_RULES, kind="employed_party") == 480            # kind below the default
    assert cap2(rules=KIND_RULES, kind="youth") == 720                     # kind above the default
    assert cap2(rules=KIND_RULES, kind="employed_party", max_hours_per_week=6) == 360  # own below kind
    assert cap2(rules=KIND_RULES, kind="employed_party", max_hours_per_week=30) == 480  # own above kind
    assert cap2(rules=KIND_RULES, minor=True, kind="youth") == 240         # the minors' cap
    assert cap2(rules={"minor_max_hours_per_week": 4}) is None             # not a minor: no cap at all
    assert cap2(rules={"minor_max_hours_per_week": 4.5}, minor=True) == 270  # the only cap that applies
    assert cap2(rules={"kind_max_hours_per_week": {"youth": 5}}, kind="youth") == 300
    assert cap2(rules={"kind_max_hours_per_week": {"youth": 0}}, kind="youth", max_hours_per_week=9) == 0
    assert cap2(days=3, rules=KIND_RULES, kind="employed_party") == 205    # floor(8 × 60 × 3 / 7) = 205.7…
    assert cap2(days=3, rules=KIND_RULES, minor=True) == 102               # floor(4 × 60 × 3 / 7) = 102.8…
    s = scenario2(rules=KIND_RULES, volunteers=[volunteer("v05", "孙强", kind="employed_party", max_hours_per_week=8.1)])
    assert weekly_cap_hours(s, s.volunteers[0]) == 8


def kind_hours(**fields: Any) -> list[Violation]:
    s = scenario2(days=7, rules=KIND_RULES, volunteers=[volunteer("v05", "孙强", **fields)])
    r = roster(("v05", "east", MON, "eve"), ("v05", "east", TUE, "eve"), ("v05", "east", WED, "early"))  # 4+4+2 h
    return only("max_hours", validate(s, r))


def test_max_hours_by_the_kind_cap():
    found = kind_hours(kind="employed_party")
    assert [(v.volunteer, v.post) for v in found] == [("v05", Post("east", d(WED), "early"))]  # 10 h > 8 h
    assert "cap of 8 h (the cap for kind 'employed_party')" in found[0].message
    assert kind_hours(kind="resident") == [] and kind_hours(kind="youth") == [] and kind_hours() == []


def test_max_hours_by_the_own_cap_below_the_kind_cap():
    found = kind_hours(kind="employed_party", max_hours_per_week=6)
    assert [(v.volunteer, v.post) for v in found] == [("v05", Post("east", d(TUE), "eve"))]  # 8 h > 6 h
    assert "(their own cap)" in found[0].message


def test_max_hours_by_the_minors_cap():
    s = scenario2(days=7, rules={"minor_max_hours_per_week": 4},
                  volunteers=[volunteer("v03", "李小明", minor=True), volunteer("v01", "张桂兰")])
    ok = (("v03", "east", MON, "early"), ("v01", "east", MON, "early"),
          ("v03", "east", TUE, "early"), ("v01", "east", TUE, "early"))  # 4 h
    assert validate(s, roster(*ok)) == []
    found = validate(s, roster(*ok, ("v03", "east", WED, "early"), ("v01", "east", WED, "early")))
    assert [(v.rule, v.volunteer, v.post) for v in found] == [("max_hours", "v03", Post("east", d(WED), "early"))]
    # The adult beside them is not bound by the minors' cap (and has no other).


# --- max_consecutive_days ---------------------------------------------------------------


def consecutive(*days: str, limit: int | None = 3, slot: str = "am") -> list[Violation]:
    s = scenario2(days=7, rules={"max_consecutive_days": limit})
    return only("max_consecutive_days", validate(s, roster(*(("v01", "east", day, slot) for day in days))))


def test_max_consecutive_days_reported_once_at_the_first_date_beyond():
    found = consecutive(MON, TUE, WED, THU, FRI)
    assert [(v.volunteer, v.post) for v in found] == [("v01", Post("east", d(THU), "am"))]
    assert "5 consecutive dates" in found[0].message and "3 allowed" in found[0].message


def test_consecutive_days_up_to_the_limit_or_broken_by_a_day_off_are_fine():
    assert consecutive(MON, TUE, WED) == []
    assert consecutive(MON, TUE, WED, FRI, SAT, SUN) == []
    assert consecutive(*WEEK, limit=None) == []
    assert consecutive(*WEEK, limit=7) == []


def test_two_runs_too_long_are_two_violations():
    found = consecutive(MON, TUE, THU, FRI, SAT, limit=1)
    assert [v.post.date for v in found] == [d(TUE), d(FRI)]


def test_consecutive_days_are_counted_per_person_and_reported_at_the_first_post_of_the_date():
    s = scenario2(days=7, rules={"max_consecutive_days": 2})
    r = roster(("v01", "east", MON, "am"), ("v04", "east", TUE, "am"), ("v01", "west", WED, "pm"),
               ("v01", "east", TUE, "eve"), ("v01", "east", WED, "early"), ("v04", "east", WED, "am"))
    found = validate(s, r)
    assert [(v.rule, v.volunteer, v.post) for v in found] == [
        ("max_consecutive_days", "v01", Post("east", d(WED), "early"))]


# --- min_rest ---------------------------------------------------------------------------


def rest(*posts: tuple[str, str], hours: float | None = 10, days: int = 3, slots: Any = None) -> list[Violation]:
    changes = {"slots": slots, "gates": gates_with([{"slot": s["id"], "min": 0, "max": 2} for s in slots]),
               "volunteers": [volunteer("v01", "张桂兰", available={k: [s["id"] for s in slots] for k in WEEKDAY_KEYS})]
               } if slots else {}
    s = scenario2(days=days, rules={"min_rest_hours": hours}, **changes)
    return only("min_rest", validate(s, roster(*(("v01", "east", day, slot) for day, slot in posts))))


def test_min_rest_between_an_evening_and_the_next_early_post():
    found = rest((MON, "eve"), (TUE, "early"))  # 22:00 → 06:00: 8 h
    assert [(v.volunteer, v.post) for v in found] == [("v01", Post("east", d(TUE), "early"))]
    assert "east 2026-11-23 eve" in found[0].message and "east 2026-11-24 early" in found[0].message
    assert "8 h" in found[0].message and "10 h" in found[0].message


def test_min_rest_met_exactly_or_no_rule_is_fine():
    assert rest((MON, "eve"), (TUE, "am")) == []  # 22:00 → 08:00: exactly 10 h
    assert rest((MON, "eve"), (TUE, "early"), hours=8) == []
    assert rest((MON, "eve"), (TUE, "early"), hours=None) == []
    assert rest((MON, "eve"), (WED, "early")) == []


def test_min_rest_counts_fractions_of_an_hour():
    assert len(rest((MON, "eve"), (TUE, "early"), hours=8.5)) == 1
    assert rest((MON, "eve"), (TUE, "early"), hours=8.0) == []


def test_min_rest_ignores_posts_on_the_same_date():
    assert rest((MON, "early"), (MON, "eve"), hours=100, days=1) == []


def test_min_rest_reaches_past_the_next_date_and_reports_every_pair():
    found = rest((MON, "eve"), (WED, "early"), hours=40)  # 22:00 Mon → 06:00 Wed: 32 h
    assert [v.post for v in found] == [Post("east", d(WED), "early")]
    found = rest((MON, "early"), (MON, "eve"), (TUE, "am"), hours=14)  # 08:00→08:00 = 24 h; 22:00→08:00 = 10 h
    assert [v.post for v in found] == [Post("east", d(TUE), "am")]
    assert "eve" in found[0].message
    found = rest((MON, "early"), (MON, "eve"), (TUE, "am"), hours=25)  # both pairs too short
    assert len(found) == 2 and {v.post for v in found} == {Post("east", d(TUE), "am")}


def test_a_slot_ending_at_24_00_ends_at_midnight_of_the_next_date():
    slots = [{"id": "night", "name": "夜班", "start": "20:00", "end": "24:00"},
             {"id": "early", "name": "早班", "start": "06:00", "end": "08:00"}]
    assert rest((MON, "night"), (TUE, "early"), hours=6, slots=slots) == []  # 00:00 → 06:00: 6 h
    found = rest((MON, "night"), (TUE, "early"), hours=6.5, slots=slots)
    assert [v.post for v in found] == [Post("east", d(TUE), "early")]
    assert "only 6 h of rest" in found[0].message and "6.5 h required" in found[0].message


def test_a_clean_version_2_roster_is_valid():
    s = scenario2(days=2, rules={"max_consecutive_days": 2, "min_rest_hours": 10, "default_max_hours_per_week": 30,
                                 "kind_max_hours_per_week": {"employed_party": 30}},  # 514 min over 2 days
                  volunteers=[volunteer("v01", "张桂兰", allowed_gates=["east"], kind="employed_party"),
                              volunteer("v03", "李小明", minor=True)])
    r = roster(("v01", "east", MON, "pm"), ("v03", "east", MON, "pm"), ("v01", "east", TUE, "early"))
    assert validate(s, r) == []


# --- objective_terms --------------------------------------------------------------------


def test_objective_terms_names_by_version():
    assert list(objective_terms(scenario(), [])) == list(V1_TERMS) == [
        "missing_people", "unmet_needs", "previous_dropped", "hours_spread", "unpreferred_gates"]
    assert list(objective_terms(scenario2(), [])) == list(V2_TERMS) == ["missing_people", "unmet_needs", *SOFT_TERMS]


def test_coverage_terms_are_coverage_totals():
    gates = gates_with([{"slot": "early", "min": 2, "max": 3}, {"slot": "am", "min": 1, "max": 2}], needs=NEEDS)
    found = objective_terms(scenario2(gates=gates), [a("v01", "east", MON, "early")])
    # early: 1 missing, translation unmet; am: 1 missing, both needs unmet.
    assert (found["missing_people"], found["unmet_needs"]) == (2, 3)


def test_registered_shortfall():
    s = scenario2(days=3, rules={"min_posts_registered": 5},  # floor(5 × 3 / 7) = 2 posts required
                  volunteers=[volunteer("v01", "张桂兰", registered=True), volunteer("v04", "赵丽", registered=True),
                              volunteer("v05", "孙强", registered=True), volunteer("v06", "周红")])
    posts = [a("v01", "east", MON, "am"), a("v01", "east", MON, "am"),  # a copy counts once: 1 post, short 1
             a("v01", "east", THU, "am"),                               # outside the horizon: not a post
             a("v05", "east", MON, "am"), a("v05", "east", TUE, "am"), a("v05", "east", WED, "am")]  # 3: short 0
    # v04: 0 posts, short 2; v06 is not registered.
    assert objective_terms(s, posts)["registered_shortfall"] == 1 + 2
    s7 = scenario2(days=3, rules={"min_posts_registered": 7}, volunteers=[volunteer("v01", "张桂兰", registered=True)])
    assert objective_terms(s7, [])["registered_shortfall"] == 3  # floor(7 × 3 / 7)
    assert objective_terms(scenario2(days=3, volunteers=[volunteer("v01", "张桂兰", registered=True)]),
                           [])["registered_shortfall"] == 0  # no rule: nothing required


CHANGE_GATES = [
    {"id": "east", "name": "东门", "demand": [{"slot": s, "min": 0, "max": 2} for s in ALL_SLOTS]},
    {"id": "west", "name": "西门", "demand": [{"slot": s, "min": 0, "max": 2} for s in ALL_SLOTS]
     + [{"slot": "eve", "min": 0, "max": 0}]},  # west eve: open with room for nobody
]
PREVIOUS = [
    {"volunteer": "v01", "gate": "east", "date": MON, "slot": "am"},     # kept
    {"volunteer": "v01", "gate": "west", "date": MON, "slot": "pm"},     # still allowed, dropped
    {"volunteer": "v05", "gate": "east", "date": MON, "slot": "early"},  # v05 no longer offers early
    {"volunteer": "v02", "gate": "east", "date": MON, "slot": "am"},     # employed, working hours, workday
    {"volunteer": "v01", "gate": "west", "date": MON, "slot": "eve"},    # max 0
    {"volunteer": "v01", "gate": "east", "date": TUE, "slot": "am"},     # outside the one-day horizon
    {"volunteer": "v03", "gate": "east", "date": MON, "slot": "eve"},    # a minor until 22:00
]
CHANGE_PEOPLE = [volunteer("v01", "张桂兰"), volunteer("v02", "王建国", employed=True),
                 volunteer("v03", "李小明", minor=True), volunteer("v05", "孙强", available={"mon": ["am"]})]


def test_changes_count_dropped_previous_still_allowed_and_new_assignments():
    s = scenario2(gates=CHANGE_GATES, previous=PREVIOUS + [
        {"volunteer": "v06", "gate": "east", "date": MON, "slot": "am"}],  # v06 may stand only at west now
                  volunteers=CHANGE_PEOPLE + [volunteer("v06", "周红", allowed_gates=["west"])])
    kept = a("v01", "east", MON, "am", pinned=True)  # the pinned flag does not make it another assignment
    new = [a("v05", "east", MON, "am"), a("v06", "west", MON, "am")]
    # Dropped and still allowed: v01 west pm (the minor's eve is past 20:00 in version 2). New: 2.
    assert objective_terms(s, [kept, *new])["changes"] == 1 + 2
    assert objective_terms(s, [kept, a("v01", "west", MON, "pm")])["changes"] == 0
    assert objective_terms(s, [])["changes"] == 2  # kept and the west pm both dropped


def test_changes_are_nothing_without_a_previous_roster():
    s = scenario2(gates=CHANGE_GATES, volunteers=CHANGE_PEOPLE)
    assert objective_terms(s, [a("v01", "east", MON, "am"), a("v05", "east", MON, "am")])["changes"] == 0


def test_previous_dropped_of_version_1_counts_only_what_was_dropped():
    s = scenario(gates=CHANGE_GATES, previous=PREVIOUS, volunteers=CHANGE_PEOPLE)
    # Dropped and still allowed: v01 west pm, and the minor's evening (no latest end in version 1).
    assert objective_terms(s, [a("v01", "east", MON, "am"), a("v05", "east", MON, "am")])["previous_dropped"] == 2
    assert objective_terms(s, [])["previous_dropped"] == 3


SPREAD_PEOPLE = [
    volunteer("vA", "甲", available={"mon": ["am", "pm"]}),            # may take 240 + 360 = 600 min
    volunteer("vB", "乙"),                                             # may take far more than the cap
    volunteer("vC", "丙", max_hours_per_week=0),                       # cap 0: scale 0, left out
    volunteer("vD", "丁", available={}),                               # can serve nowhere: left out
    volunteer("vE", "戊", employed=True, available={"mon": ["am"]}),  # only a working-hours post: left out
]


def test_hours_spread_of_version_1():
    s = scenario(days=7, rules={"default_max_hours_per_week": 12}, gates=one_gate(), volunteers=SPREAD_PEOPLE)
    # vA: 240 / min(720, 600) = 0.4 → ceil(4) = 4; vB: 120 / min(720, …) = 1/6 → floor(1.67) = 1.
    found = objective_terms(s, [a("vA", "east", MON, "am"), a("vB", "east", MON, "early")])
    assert found == {"missing_people": 0, "unmet_needs": 0, "previous_dropped": 0, "hours_spread": 3,
                     "unpreferred_gates": 0}
    assert objective_terms(s, [])["hours_spread"] == 0
    # vB alone at 1/6 of the cap: ceil(1.67) − floor(0 of vA) = 2.
    assert objective_terms(s, [a("vB", "east", MON, "early")])["hours_spread"] == 2


def test_hours_spread_is_zero_when_nobody_can_serve():
    s = scenario2(days=7, gates=one_gate(), volunteers=SPREAD_PEOPLE[2:])
    assert objective_terms(s, [])["hours_spread"] == 0


def test_hours_spread_with_history():
    people = [volunteer("vA", "甲", available={"mon": ["am"]}, recent_hours=6), volunteer("vB", "乙", recent_hours=3)]
    s = scenario2(days=7, rules={"default_max_hours_per_week": 12, "history_weeks": 1}, gates=one_gate(),
                  volunteers=people)
    # vA: scale min(720, 240) = 240, + 1 week × 720 = 960; (360 + 240) / 960 = 0.625 → ceil(6.25) = 7.
    # vB: scale 720 + 720 = 1440; (180 + 120) / 1440 = 0.208… → floor(2.08) = 2.
    assert objective_terms(s, [a("vA", "east", MON, "am"), a("vB", "east", MON, "early")])["hours_spread"] == 7 - 2


def test_hours_spread_with_history_and_no_cap():
    people = [volunteer("vA", "甲", available={"mon": ["am", "pm"]}, recent_hours=10),
              volunteer("vB", "乙", available={"tue": ["early"]})]
    s = scenario2(days=2, rules={"history_weeks": 1}, gates=one_gate(), volunteers=people)
    # vA: scale 600 (all they may take), a week of it 600 × 7 / 2 = 2100: (600 + 240) / 2700 = 0.311 → 4.
    # vB: scale 120 + 420, serves nothing: 0.
    assert objective_terms(s, [a("vA", "east", MON, "am")])["hours_spread"] == 4


def test_hours_spread_is_exact():
    people = [volunteer("vA", "甲", available={"mon": ["pm"]}, recent_hours=1.2)]
    s = scenario2(days=7, rules={"history_weeks": 1}, gates=one_gate(), volunteers=people)
    # (72 + 360) / (360 + 360) = 0.6 exactly: ceil(6) − floor(6) = 0. Reading 1.2 h as the
    # binary float 1.19999… would put the load just below 0.6 and the spread at 1.
    assert objective_terms(s, [a("vA", "east", MON, "pm")])["hours_spread"] == 0


def test_recent_hours_without_history_weeks_do_not_count():
    people = [volunteer("vA", "甲", available={"mon": ["am", "pm"]}, recent_hours=100),
              volunteer("vB", "乙", available={"tue": ["early"]})]
    s = scenario2(days=7, rules={"default_max_hours_per_week": 12}, gates=one_gate(), volunteers=people)
    assert objective_terms(s, [a("vA", "east", MON, "am")])["hours_spread"] == 4  # 240 / 600, as without history


def test_nonemployed_off_hours_and_employed_working_hours():
    s = scenario2(days=7, rules={"minor_latest_end": None})
    posts = [
        a("v01", "east", MON, "early"),  # non-employed adult, off hours, workday: off-hours 1
        a("v01", "east", MON, "eve"),    # off-hours 1
        a("v01", "east", MON, "am"),     # working hours: 0
        a("v01", "east", SAT, "early"),  # rest day: 0
        a("v03", "east", MON, "early"),  # a minor: 0
        a("v02", "east", MON, "eve"),    # employed, off hours: 0 and 0
        a("v02", "east", SAT, "am"),     # employed in working hours on a rest day: working-hours 1
        a("v02", "east", MON, "pm"),     # … and on a workday (a hard violation too): working-hours 1
        a("v01", "east", SAT, "am"),     # non-employed in working hours: 0
    ]
    found = objective_terms(s, posts)
    assert (found["nonemployed_off_hours"], found["employed_working_hours"]) == (2, 2)


def test_off_hours_follow_the_calendar_overrides():
    s = scenario2(start_date=SAT, calendar={"workdays": [SAT]})
    assert objective_terms(s, [a("v01", "east", SAT, "eve")])["nonemployed_off_hours"] == 1
    assert objective_terms(scenario2(start_date=SAT), [a("v01", "east", SAT, "eve")])["nonemployed_off_hours"] == 0


THREE_GATES = [{"id": g, "name": g, "demand": [{"slot": s, "min": 0, "max": 2} for s in ALL_SLOTS]}
               for g in ("east", "west", "north")]


def test_gate_switches_count_distinct_gates_beyond_the_first():
    s = scenario2(days=2, gates=THREE_GATES)
    posts = [a("v01", "east", MON, "early"), a("v01", "west", MON, "am"), a("v01", "east", TUE, "early"),  # 1
             a("v04", "east", MON, "am"), a("v04", "west", MON, "pm"), a("v04", "north", TUE, "am"),  # 2
             a("v02", "north", MON, "eve"), a("v02", "north", TUE, "eve")]  # 0; v03 stands nowhere: 0
    assert objective_terms(s, posts)["gate_switches"] == 1 + 2


def test_split_days_touching_posts_are_one_stretch_and_a_gap_splits():
    s = scenario2(days=2, rules={"minor_latest_end": None})
    posts = [a("v01", "west", TUE, "pm"), a("v01", "east", MON, "am"), a("v01", "east", MON, "early"),
             a("v01", "east", TUE, "early"),                                      # Mon touching: 0; Tue gap: 1
             a("v04", "east", MON, "eve"), a("v04", "west", MON, "am"), a("v04", "east", MON, "pm"),  # 0
             a("v04", "east", TUE, "eve"), a("v04", "east", TUE, "early"), a("v04", "east", TUE, "am"),  # 1
             a("v02", "east", MON, "eve")]                                        # one post: 0
    assert objective_terms(s, posts)["split_days"] == 2
    assert objective_terms(s, posts[:3])["split_days"] == 0


def test_split_days_of_overlapping_slots_is_their_union():
    slots = [{"id": "am", "start": "08:00", "end": "12:00"}, {"id": "long", "start": "09:00", "end": "17:00"},
             {"id": "pm", "start": "14:00", "end": "16:00"}, {"id": "tail", "start": "17:00", "end": "19:00"},
             {"id": "eve", "start": "20:00", "end": "22:00"}]
    ids = [x["id"] for x in slots]
    s = scenario2(slots=slots, gates=gates_with([{"slot": x, "min": 0, "max": 2} for x in ids]),
                  rules={"minor_latest_end": None}, volunteers=[volunteer("v01", "张桂兰", available={"mon": ids})])
    split = lambda *xs: objective_terms(s, [a("v01", "east", MON, x) for x in xs])["split_days"]  # noqa: E731
    assert split("tail", "pm", "long", "am") == 0  # 08–17 with pm inside it, then 17–19 touching
    assert split("long", "pm", "eve") == 1         # 09–17, then 20–22


def test_unpreferred_gates_and_slots():
    s = scenario2(volunteers=[volunteer("v01", "张桂兰", preferred_gates=["east"], preferred_slots=["early", "eve"]),
                              volunteer("v04", "赵丽")])
    posts = [a("v01", "east", MON, "early"),  # preferred both ways
             a("v01", "west", MON, "am"),     # gate 1, slot 1
             a("v01", "east", MON, "pm"),     # slot 1
             a("v04", "west", MON, "pm")]     # no preferences: 0
    found = objective_terms(s, posts)
    assert (found["unpreferred_gates"], found["unpreferred_slots"]) == (1, 2)
    v1 = scenario(volunteers=[volunteer("v01", "张桂兰", preferred_gates=["east"]), volunteer("v04", "赵丽")])
    assert objective_terms(v1, posts)["unpreferred_gates"] == 1


# --- term_misreported and shortfall_misreported -----------------------------------------


def terms_scenario() -> Scenario:
    return scenario2(rules={"min_posts_registered": 7},  # 1 post required in one day
                     volunteers=[volunteer("v01", "张桂兰", registered=True), volunteer("v04", "赵丽")])


# Recomputed by hand for v04 at east Monday am (and v01 nowhere):
#   registered_shortfall 1 (v01: 0 of 1); changes 0 (no previous roster to change from);
#   hours_spread: no cap, each may take 2 gates × 16 h = 1920 min; v04 240/1920 → ceil(1.25) = 2, v01 0 → 2;
#   am is inside working hours, one gate, one stretch, no preferences: the rest 0.
GOOD_VALUES = {"missing_people": 0, "unmet_needs": 0, "registered_shortfall": 1, "changes": 0, "hours_spread": 2,
               "nonemployed_off_hours": 0, "employed_working_hours": 0, "gate_switches": 0, "split_days": 0,
               "unpreferred_gates": 0, "unpreferred_slots": 0}
WEIGHTS = {"missing_people": 10**9, "unmet_needs": 10**7, **DEFAULT_WEIGHTS}  # the scenario's, below coverage
GOOD_TERMS = tuple(TermCost(name, value, WEIGHTS[name]) for name, value in GOOD_VALUES.items())
GOOD_SHORTFALLS = (Shortfall("v01", 1, 0, "本周无人安排"),)


def terms_roster(terms: tuple[TermCost, ...] = GOOD_TERMS, objective: int | None = 1000 + 100,
                 shortfalls: tuple[Shortfall, ...] = GOOD_SHORTFALLS, status: str = "OPTIMAL",
                 assignments: tuple[Assignment, ...] = (a("v04", "east", MON, "am"),)) -> Roster:
    conflicts = (CONFLICT,) if status == "INFEASIBLE" else ()
    return Roster("测试社区", status, assignments, objective=objective, terms=terms, shortfalls=shortfalls,
                  conflicts=conflicts)


def with_term(name: str, value: int | None = None, weight: int | None = None) -> tuple[TermCost, ...]:
    return tuple(TermCost(t.name, t.value if value is None else value, t.weight if weight is None else weight)
                 if t.name == name else t for t in GOOD_TERMS)


def test_terms_reported_right_are_valid():
    assert objective_terms(terms_scenario(), terms_roster().assignments) == GOOD_VALUES
    assert validate(terms_scenario(), terms_roster()) == []
    assert validate(terms_scenario(), terms_roster(objective=None)) == []  # nothing to add up


@pytest.mark.parametrize("name, value", [("changes", 2), ("hours_spread", 3), ("registered_shortfall", 0),
                                         ("missing_people", 1)])
def test_term_value_misreported(name, value):
    bad = with_term(name, value)
    found = validate(terms_scenario(), terms_roster(bad, objective=sum(t.cost for t in bad)))
    assert [v.rule for v in found] == ["term_misreported"]
    assert name in found[0].message and f"reported {value}" in found[0].message
    assert f"recomputed {GOOD_VALUES[name]}" in found[0].message


def test_term_missing_extra_repeated_or_weighted_wrongly():
    def messages(terms: tuple[TermCost, ...]) -> list[str]:
        found = validate(terms_scenario(), terms_roster(terms, objective=sum(t.cost for t in terms)))
        assert {v.rule for v in found} == {"term_misreported"}
        return [v.message for v in found]

    assert messages(tuple(t for t in GOOD_TERMS if t.name != "split_days")) == [
        "term split_days is missing from the roster's terms (recomputed 0)"]
    assert len(messages(GOOD_TERMS + (TermCost("previous_dropped", 0, 1),))) == 1
    assert len(messages(GOOD_TERMS + (GOOD_TERMS[3],))) == 1
    found = messages(with_term("changes", weight=99))
    assert len(found) == 1 and "weight 99" in found[0] and "100" in found[0]


def test_objective_not_the_sum_of_the_term_costs():
    found = validate(terms_scenario(), terms_roster(objective=1101))
    assert [v.rule for v in found] == ["term_misreported"]
    assert "1101" in found[0].message and "1100" in found[0].message


def test_terms_are_checked_for_any_answer_only():
    bad = with_term("changes", 5)
    assert rules(validate(terms_scenario(), terms_roster(bad, status="FEASIBLE"))) == {"term_misreported"}
    assert validate(terms_scenario(), terms_roster(bad, status="INFEASIBLE")) == []
    assert validate(terms_scenario(), terms_roster(bad, status="UNKNOWN")) == []
    assert validate(terms_scenario(), terms_roster((), objective=12345)) == []  # no terms reported


def test_version_1_terms_are_checked_too():
    s = scenario()
    # v01 at east am and west pm on Monday; no cap: each may take 2 gates × 16 h = 1920, v02 (employed) 2 × 6 h.
    # Loads: v01 600/1920 → ceil 3.1… = 4; v02, v03, v04 at 0 → 4.
    r = roster(("v01", "east", MON, "am"), ("v01", "west", MON, "pm"))
    good = (TermCost("missing_people", 0, 1000), TermCost("unmet_needs", 0, 100), TermCost("previous_dropped", 0, 10),
            TermCost("hours_spread", 4, 2), TermCost("unpreferred_gates", 0, 1))
    assert validate(s, Roster(r.scenario, "OPTIMAL", r.assignments, objective=8, terms=good)) == []
    v2_term = good + (TermCost("changes", 2, 100),)
    found = validate(s, Roster(r.scenario, "OPTIMAL", r.assignments, objective=208, terms=v2_term))
    assert [v.rule for v in found] == ["term_misreported"] and "changes" in found[0].message


def test_shortfalls_reported_right():
    s = terms_scenario()
    assert only("shortfall_misreported", validate(s, terms_roster())) == []
    # v01 standing their post: no shortfall to report.
    served = (a("v04", "east", MON, "am"), a("v01", "east", MON, "pm"))
    assert only("shortfall_misreported", validate(s, terms_roster(shortfalls=(), assignments=served))) == []


@pytest.mark.parametrize("shortfalls, volunteer_named", [
    ((), "v01"),                                                      # unreported
    ((Shortfall("v01", 1, 1),), "v01"),                               # wrong served
    ((Shortfall("v01", 2, 0),), "v01"),                               # wrong required
    (GOOD_SHORTFALLS + (Shortfall("v04", 1, 1),), "v04"),             # not registered
    (GOOD_SHORTFALLS + (Shortfall("v99", 1, 0),), "v99"),             # not in the scenario
    (GOOD_SHORTFALLS + GOOD_SHORTFALLS, "v01"),                       # listed twice
])
def test_shortfall_misreported(shortfalls, volunteer_named):
    found = only("shortfall_misreported", validate(terms_scenario(), terms_roster(shortfalls=shortfalls)))
    assert [v.volunteer for v in found] == [volunteer_named]


def test_shortfall_listed_for_a_registered_volunteer_who_is_not_short():
    served = (a("v04", "east", MON, "am"), a("v01", "east", MON, "pm"))
    found = only("shortfall_misreported", validate(terms_scenario(), terms_roster(assignments=served)))
    assert [v.volunteer for v in found] == ["v01"] and "no shortfall" in found[0].message


def test_shortfalls_are_asked_of_version_2_answers_only():
    infeasible = terms_roster(shortfalls=(), status="INFEASIBLE")
    assert only("shortfall_misreported", validate(terms_scenario(), infeasible)) == []
    assert only("shortfall_misreported", validate(scenario(), roster())) == []
