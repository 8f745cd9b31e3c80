"""Tests of the validator's version-3 rules and terms (solver/validate.py, issue 7).

Each new hard rule is broken once on a small hand-built roster and obeyed by a near
identical one; the new terms and weighted coverage are recomputed on figures worked out by
hand in a comment. Scenarios are built as `Scenario` objects (the rules are the
validator's, not the file reader's). At the end, hand-made Shift Scheduling Benchmark
instances are converted by hand into scenarios, and the validator must agree with the
benchmark's own evaluator (`solver.ssb.evaluate`) on which rules an answer breaks and
what it costs, the ends of the horizon included.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import replace
from typing import Any, Sequence

import pytest

from solver.scenario import (
    DEFAULT_WEIGHTS,
    WEEKDAY_KEYS,
    Assignment,
    DemandRule,
    Gate,
    Needs,
    Request,
    Roster,
    Rules,
    Scenario,
    Slot,
    TermCost,
    Volunteer,
    WorkingHours,
)
from solver.ssb.evaluate import evaluate
from solver.ssb.instance import Cover, Instance, ShiftRequest, ShiftType, Staff
from solver.validate import (
    HARD_RULES,
    V2_TERMS,
    Violation,
    hard_violations,
    objective_terms,
    term_weight,
    validate,
    version_3_terms,
)

MONDAY = dt.date(2026, 11, 23)
SLOTS = (Slot("D", "白班", 8 * 60, 16 * 60), Slot("N", "夜班", 16 * 60, 24 * 60))


def day(i: int, start: dt.date = MONDAY) -> dt.date:
    return start + dt.timedelta(days=i)


def vol(vid: str, **fields: Any) -> Volunteer:
    return Volunteer(vid, f"志愿者{vid}", party_member=False, employed=False,
                     available={k: ("D", "N") for k in WEEKDAY_KEYS}, **fields)


def gate(gid: str, *demand: DemandRule) -> Gate:
    return Gate(gid, gid, demand or (DemandRule("D", 0, 3), DemandRule("N", 0, 3)))


def scn(*volunteers: Volunteer, days: int = 7, start: dt.date = MONDAY, rules: Rules = Rules(),
        gates: Sequence[Gate] = (), weights: dict[str, int] | None = None, coverage: str = "first") -> Scenario:
    return Scenario(
        name="v3", start_date=start, days=days, working_hours=WorkingHours(8 * 60, 18 * 60), slots=SLOTS,
        gates=tuple(gates) or (gate("east"), gate("west")), volunteers=volunteers or (vol("a"),), rules=rules,
        weights=dict(DEFAULT_WEIGHTS) if weights is None else weights, coverage=coverage,  # type: ignore[arg-type]
    )


def posts(*items: tuple[str, str, int, str], start: dt.date = MONDAY) -> tuple[Assignment, ...]:
    """(volunteer, gate, day index, slot) each."""
    return tuple(Assignment(v, g, day(i, start), s) for v, g, i, s in items)


def roster(*items: tuple[str, str, int, str], status: str = "FEASIBLE", start: dt.date = MONDAY) -> Roster:
    return Roster("v3", status, posts(*items, start=start))


def broken(rule: str, s: Scenario, r: Roster) -> list[Violation]:
    return [v for v in validate(s, r) if v.rule == rule]


# --- max_posts_by_slot ------------------------------------------------------------------


def test_max_posts_by_slot_reported_once_at_the_first_post_beyond():
    s = scn(vol("a", max_posts_by_slot={"N": 2}))
    r = roster(("a", "east", 0, "N"), ("a", "east", 1, "D"), ("a", "west", 2, "N"), ("a", "east", 4, "N"),
               ("a", "west", 5, "N"))
    found = broken("max_posts_by_slot", s, r)
    assert len(found) == 1
    assert found[0].volunteer == "a" and found[0].post == r.assignments[3].post  # the third night, day 4
    assert "4 posts in slot N" in found[0].message and "2 allowed" in found[0].message
    assert "2026-11-23, 2026-11-25, 2026-11-27, 2026-11-28" in found[0].message


def test_max_posts_by_slot_up_to_the_limit_and_other_slots_are_fine():
    s = scn(vol("a", max_posts_by_slot={"N": 2, "D": 0}))
    assert validate(s, roster(("a", "east", 0, "N"), ("a", "west", 3, "N"))) == []
    assert [v.rule for v in validate(s, roster(("a", "east", 0, "D")))] == ["max_posts_by_slot"]


# --- max_minutes / min_minutes ----------------------------------------------------------


def test_max_minutes_reported_where_the_running_total_passes_it():
    s = scn(vol("a", max_minutes=900))  # two 480-minute posts make 960
    r = roster(("a", "east", 2, "N"), ("a", "east", 0, "D"))
    found = broken("max_minutes", s, r)
    assert [(v.volunteer, v.post) for v in found] == [("a", r.assignments[0].post)]  # day 2 is the later one
    assert "960 minutes (16 h)" in found[0].message and "900 minutes" in found[0].message
    assert validate(replace(s, volunteers=(vol("a", max_minutes=960),)), r) == []


def test_min_minutes_counts_a_person_with_no_post_and_only_in_an_answer():
    s = scn(vol("a", min_minutes=960), vol("b", min_minutes=480))
    found = broken("min_minutes", s, roster(("a", "east", 0, "D"), ("b", "west", 0, "D")))
    assert [(v.volunteer, v.post) for v in found] == [("a", None)]
    assert "480 minutes (8 h)" in found[0].message and "fewer than their 960 minutes" in found[0].message
    assert [v.volunteer for v in broken("min_minutes", s, roster())] == ["a", "b"]
    # An INFEASIBLE or UNKNOWN roster holds no answer: there is nothing to reach.
    assert broken("min_minutes", s, roster(status="UNKNOWN")) == []
    assert validate(s, roster(("a", "east", 0, "D"), ("a", "east", 1, "N"), ("b", "west", 0, "D"))) == []


# --- max_consecutive_days, own and the community's --------------------------------------


def run_of(*days: int) -> Roster:
    return roster(*(("a", "east", i, "D") for i in days))


def test_own_consecutive_limit_stricter_than_the_community_s():
    s = scn(vol("a", max_consecutive_days=2), rules=Rules(max_consecutive_days=3))
    found = broken("max_consecutive_days", s, run_of(0, 1, 2))  # touches the first date: counted all the same
    assert len(found) == 1 and found[0].post.date == day(2)
    assert "3 consecutive dates" in found[0].message and "2 allowed (their own limit)" in found[0].message
    assert broken("max_consecutive_days", s, run_of(0, 1, 3, 4)) == []


def test_community_consecutive_limit_stricter_than_the_own_one():
    s = scn(vol("a", max_consecutive_days=4), rules=Rules(max_consecutive_days=2))
    found = broken("max_consecutive_days", s, run_of(4, 5, 6))  # touches the last date
    assert len(found) == 1 and "2 allowed" in found[0].message and "own" not in found[0].message
    only_own = scn(vol("a", max_consecutive_days=2))
    assert len(broken("max_consecutive_days", only_own, run_of(4, 5, 6))) == 1


# --- min_consecutive_days / min_consecutive_days_off ------------------------------------


def test_a_short_run_on_duty_inside_the_horizon_is_reported_at_its_first_post():
    s = scn(vol("a", min_consecutive_days=3))
    found = broken("min_consecutive_days", s, run_of(2, 3))
    assert len(found) == 1 and found[0].post == Assignment("a", "east", day(2), "D").post
    assert "only 2 dates (2026-11-25 to 2026-11-26)" in found[0].message and "3 consecutive" in found[0].message
    assert broken("min_consecutive_days", s, run_of(2, 3, 4)) == []


def test_runs_on_duty_touching_either_end_are_exempt():
    s = scn(vol("a", min_consecutive_days=3))
    assert broken("min_consecutive_days", s, run_of(0)) == []
    assert broken("min_consecutive_days", s, run_of(6)) == []
    assert broken("min_consecutive_days", s, run_of(0, 1, 5, 6)) == []
    # One day short of the end is inside: day 6 off bounds it.
    assert len(broken("min_consecutive_days", s, run_of(0, 4, 5))) == 1


def test_a_short_run_off_duty_between_posts_is_reported_at_the_post_after_it():
    s = scn(vol("a", min_consecutive_days_off=2))
    found = broken("min_consecutive_days_off", s, run_of(1, 3, 4))
    assert len(found) == 1 and found[0].post.date == day(3)
    assert "off duty for only 1 date (2026-11-25)" in found[0].message and "2 consecutive days off" in found[0].message
    assert broken("min_consecutive_days_off", s, run_of(1, 4)) == []


def test_runs_off_duty_touching_either_end_and_a_person_with_no_post_are_exempt():
    s = scn(vol("a", min_consecutive_days_off=3))
    assert broken("min_consecutive_days_off", s, run_of(1, 2, 3, 4, 5)) == []  # one day off at each end
    assert broken("min_consecutive_days_off", s, roster()) == []
    assert len(broken("min_consecutive_days_off", s, run_of(1, 3, 5))) == 2


# --- max_weekends -----------------------------------------------------------------------


def test_weekends_count_once_for_saturday_and_sunday():
    s = scn(vol("a", max_weekends=1), days=14)
    assert validate(s, run_of(5, 6)) == []  # Saturday and Sunday of one weekend
    found = broken("max_weekends", s, run_of(6, 12, 13))
    assert len(found) == 1 and found[0].post.date == day(12)
    assert "2 weekends (2026-11-29; 2026-12-05, 2026-12-06)" in found[0].message and "1 allowed" in found[0].message


def test_weekends_are_by_the_date_from_any_start():
    sunday = MONDAY - dt.timedelta(days=1)
    s = scn(vol("a", max_weekends=1), start=sunday)
    # A horizon starting on a Sunday: that Sunday is a weekend of its own (its Saturday is outside).
    r = roster(("a", "east", 0, "D"), ("a", "east", 6, "N"), start=sunday)
    assert [v.post.date for v in broken("max_weekends", s, r)] == [sunday + dt.timedelta(days=6)]
    zero = scn(vol("a", max_weekends=0))
    assert [v.rule for v in validate(zero, run_of(0, 1, 2, 3, 4))] == []
    assert [v.rule for v in validate(zero, run_of(6))] == ["max_weekends"]


# --- forbidden_sequence ------------------------------------------------------------------


def test_a_forbidden_sequence_at_any_gates_is_reported_at_the_later_post():
    s = scn(vol("a"), vol("b"), rules=Rules(forbidden_sequences=(("N", "D"),)))
    r = roster(("a", "east", 0, "N"), ("a", "west", 1, "D"), ("b", "east", 0, "D"), ("b", "east", 1, "N"),
               ("b", "west", 3, "N"), ("b", "west", 5, "D"))
    found = broken("forbidden_sequence", s, r)
    assert [(v.volunteer, v.post) for v in found] == [("a", r.assignments[1].post)]
    assert "slot D may not follow slot N" in found[0].message and "west 2026-11-24 D" in found[0].message


def test_every_pair_of_posts_in_a_forbidden_sequence_is_one_violation():
    s = scn(vol("a"), rules=Rules(forbidden_sequences=(("N", "D"), ("N", "N"), ("N", "D"))))
    r = roster(("a", "east", 0, "N"), ("a", "east", 1, "D"), ("a", "east", 1, "N"))
    assert sorted(v.post.slot for v in broken("forbidden_sequence", s, r)) == ["D", "N"]


# --- every new rule is a hard rule the live check sees ---------------------------------


def test_the_new_rules_are_hard_rules():
    new = {"max_posts_by_slot", "max_minutes", "min_minutes", "min_consecutive_days", "min_consecutive_days_off",
           "max_weekends", "forbidden_sequence"}
    assert new <= HARD_RULES
    s = scn(vol("a", max_posts_by_slot={"D": 0}, max_minutes=400, min_minutes=2000, min_consecutive_days=2,
                min_consecutive_days_off=2, max_weekends=0, max_consecutive_days=1),
            rules=Rules(forbidden_sequences=(("D", "N"),)))
    r = roster(("a", "east", 1, "D"), ("a", "east", 2, "N"), ("a", "east", 4, "D"), ("a", "east", 6, "D"))
    hard = {v.rule for v in hard_violations(s, r.assignments)}
    assert hard == new | {"max_consecutive_days"}
    assert hard == {v.rule for v in validate(s, r)}


def test_a_roster_obeying_every_version_3_rule_is_valid():
    a = vol("a", max_posts_by_slot={"N": 1}, max_minutes=1440, min_minutes=1440, max_consecutive_days=2,
            min_consecutive_days=2, min_consecutive_days_off=2, max_weekends=1,
            requests=(Request(day(0), "D", True, 5), Request(day(1), "N", False, 2)))
    s = scn(a, rules=Rules(forbidden_sequences=(("N", "D"),)))
    assert validate(s, roster(("a", "east", 0, "D"), ("a", "west", 1, "D"), ("a", "east", 6, "N"))) == []


# --- the version-3 terms -----------------------------------------------------------------


def test_over_cover_counts_people_above_min_at_the_rule_s_over_weight():
    east = gate("east", DemandRule("D", 1, 4, over_weight=2), DemandRule("D", 0, 4, (day(1),), over_weight=5),
                DemandRule("N", 0, 2))
    s = scn(vol("a"), vol("b"), vol("c"), gates=[east])
    r = posts(("a", "east", 0, "D"), ("b", "east", 0, "D"), ("c", "east", 0, "D"),  # 2 above min 1: 2 × 2
              ("a", "east", 1, "D"),  # the later rule for day 1: min 0, 1 above at 5
              ("a", "east", 2, "N"), ("b", "east", 2, "N"),  # over_weight 0
              ("b", "east", 3, "D"))  # exactly min
    assert objective_terms(s, r)["over_cover"] == 2 * 2 + 5
    assert objective_terms(s, ())["over_cover"] == 0


def test_requests_are_granted_by_the_slot_at_any_gate():
    a = vol("a", requests=(Request(day(0), "D", True, 3), Request(day(1), "D", True, 4),
                           Request(day(2), "N", False, 5), Request(day(3), "N", False, 6)))
    b = vol("b", requests=(Request(day(0), "D", True, 7),))
    s = scn(a, b)
    r = posts(("a", "west", 0, "D"),  # granted at another gate than east
              ("a", "east", 1, "N"),  # another slot that day: not granted (4)
              ("a", "east", 2, "N"),  # stands where they asked not to: 5
              ("a", "east", 3, "D"))  # another slot: granted
    terms = objective_terms(s, r)
    assert terms["on_requests"] == 4 + 7  # b stands nowhere
    assert terms["off_requests"] == 5


def test_version_3_terms_are_listed_only_when_the_scenario_can_pay_them():
    assert list(objective_terms(scn(), ())) == list(V2_TERMS)
    wanted = scn(vol("a", requests=(Request(day(0), "D", True, 0),)))
    assert version_3_terms(wanted) == ("on_requests",)
    assert list(objective_terms(wanted, ())) == [*V2_TERMS, "on_requests"]
    unwanted = scn(vol("a", requests=(Request(day(0), "D", False),)))
    assert version_3_terms(unwanted) == ("off_requests",)
    # An over_weight of 0 pays nothing; one above 0 on any rule makes the term.
    assert version_3_terms(scn(gates=[gate("east", DemandRule("D", 0, 1, over_weight=0))])) == ()
    both = scn(vol("a", requests=(Request(day(0), "D", False), Request(day(1), "D", True))),
               gates=[gate("east", DemandRule("D", 0, 1, (day(9),), over_weight=1))])
    assert version_3_terms(both) == ("over_cover", "on_requests", "off_requests")


def test_weighted_coverage_counts_each_missing_person_at_the_under_weight():
    east = Gate("east", "east", (DemandRule("D", 2, 3, under_weight=3), DemandRule("N", 1, 2)),
                Needs(skills={"first_aid": 1}))
    s = scn(vol("a"), gates=[east], days=1)
    r = posts(("a", "east", 0, "N"))
    # D: 2 missing × 3; N: none missing. Needs: first aid lacking at D and at N, 2 units.
    assert objective_terms(replace(s, coverage="weighted"), r)["missing_people"] == 6
    assert objective_terms(replace(s, coverage="weighted"), r)["unmet_needs"] == 2
    assert objective_terms(s, r)["missing_people"] == 2  # coverage first: under_weight unused


def test_term_weights_by_version_and_coverage():
    s = scn(weights={**DEFAULT_WEIGHTS, "on_requests": 7, "missing_people": 50, "hours_spread": 0})
    assert term_weight(s, "on_requests") == 7 and term_weight(s, "off_requests") == 1
    assert term_weight(s, "hours_spread") == 0 and term_weight(s, "changes") == DEFAULT_WEIGHTS["changes"]
    assert term_weight(s, "missing_people") is None  # coverage first: the solver's choice
    weighted = replace(s, coverage="weighted")
    assert term_weight(weighted, "missing_people") == 50 and term_weight(weighted, "unmet_needs") == 5000
    assert term_weight(replace(s, weights=None), "on_requests") is None


# --- reported terms against the recomputed ones ----------------------------------------


def requesting() -> Scenario:
    a = vol("a", requests=(Request(day(0), "D", True, 3),))
    return scn(a, vol("b"), days=1, coverage="weighted",
               weights={**DEFAULT_WEIGHTS, "on_requests": 10, "missing_people": 100},
               gates=[gate("east", DemandRule("D", 1, 2, under_weight=2), DemandRule("N", 1, 1))])


def answer(s: Scenario, terms: dict[str, tuple[int, int]] | None = None, **changes: tuple[int, int]) -> Roster:
    """b at east N on day 0, with the terms given as {name: (value, weight)}, else recomputed."""
    assignments = posts(("b", "east", 0, "N"))
    values = objective_terms(s, assignments)
    listed = terms or {name: (value, term_weight(s, name) or 1) for name, value in values.items()}
    listed.update(changes)
    reported = tuple(TermCost(n, v, w) for n, (v, w) in listed.items())
    return Roster("v3", "FEASIBLE", assignments, objective=sum(t.cost for t in reported), terms=reported)


def test_terms_reported_right_are_valid_and_hand_computed():
    s = requesting()
    r = answer(s)
    terms = {t.name: (t.value, t.weight) for t in r.terms}
    # D is short of 1 person at under_weight 2; a's wanted D is not granted (3, at weight 10).
    assert terms["missing_people"] == (2, 100) and terms["unmet_needs"] == (0, 5000)
    assert terms["on_requests"] == (3, 10) and "off_requests" not in terms and "over_cover" not in terms
    # The soft terms still count: hours_spread is 5 tenths (b's load 480 / 960, a's 0) at 50.
    assert terms["hours_spread"] == (5, 50)
    assert r.objective == 2 * 100 + 3 * 10 + 5 * 50
    assert [v for v in validate(s, r) if v.rule != "shortage_unreported"] == []


def test_a_version_3_term_the_scenario_cannot_pay_must_not_be_listed():
    s = requesting()
    found = broken("term_misreported", s, answer(s, over_cover=(0, 1)))
    assert len(found) == 1 and "no demand rule has an over_weight" in found[0].message
    found = broken("term_misreported", s, answer(s, off_requests=(0, 1)))
    assert len(found) == 1 and "nobody has an unwanted request" in found[0].message


def test_a_version_3_term_the_scenario_can_pay_must_be_listed_at_its_weight():
    s = requesting()
    terms = {t.name: (t.value, t.weight) for t in answer(s).terms}
    del terms["on_requests"]
    found = broken("term_misreported", s, answer(s, terms))
    assert len(found) == 1 and "on_requests is missing" in found[0].message and "recomputed 3" in found[0].message
    found = broken("term_misreported", s, answer(s, on_requests=(3, 1)))
    assert len(found) == 1 and "reported weight 1, the scenario's weight is 10" in found[0].message
    found = broken("term_misreported", s, answer(s, on_requests=(0, 10)))
    assert len(found) == 1 and "reported 0, recomputed 3" in found[0].message


def test_weighted_coverage_terms_are_checked_at_the_scenario_s_weights():
    s = requesting()
    found = broken("term_misreported", s, answer(s, missing_people=(2, 1_000_000)))
    assert len(found) == 1 and "the scenario's weight is 100" in found[0].message
    found = broken("term_misreported", s, answer(s, unmet_needs=(0, 1)))
    assert len(found) == 1 and "the scenario's weight is 5000" in found[0].message
    found = broken("term_misreported", s, answer(s, missing_people=(1, 100)))  # the plain count, not weighted
    assert len(found) == 1 and "reported 1, recomputed 2" in found[0].message
    # Coverage first: the solver chooses the coverage weights, so any will do.
    first = replace(s, coverage="first")
    assert broken("term_misreported", first, answer(first, missing_people=(1, 1_000_000))) == []


# --- agreement with the Shift Scheduling Benchmark's evaluator --------------------------

SSB_RULE = {
    "max_shifts_of_type": "max_posts_by_slot",
    "max_total_minutes": "max_minutes",
    "min_total_minutes": "min_minutes",
    "max_consecutive_shifts": "max_consecutive_days",
    "min_consecutive_shifts": "min_consecutive_days",
    "min_consecutive_days_off": "min_consecutive_days_off",
    "max_weekends": "max_weekends",
    "day_off": "unavailable",
    "forbidden_succession": "forbidden_sequence",
}
SSB_TERM = {"on_request": "on_requests", "off_request": "off_requests", "under_cover": "missing_people",
            "over_cover": "over_cover"}


def by_hand(instance: Instance) -> Scenario:
    """The instance as a scenario, converted by hand from the benchmark's definitions: day 0
    on a Monday; a shift is a slot of its length (they may overlap: one post a day at
    most); every (day, shift) open at one gate with room for everyone, a cover line
    replacing it on its date with the requirement as `min` and its weights; the rest of
    the objective weighted 0 and coverage weighted at 1 a unit."""
    slots = tuple(Slot(s.id, s.id, 0, s.minutes) for s in instance.shifts)
    everyone = len(instance.staff)
    demand = [DemandRule(s.id, 0, everyone) for s in instance.shifts]
    demand += [DemandRule(c.shift_id, c.requirement, max(everyone, c.requirement), (day(c.day),),
                          under_weight=c.under_weight, over_weight=c.over_weight) for c in instance.cover]
    requests: dict[str, list[Request]] = {s.id: [] for s in instance.staff}
    for wanted, listed in ((True, instance.on_requests), (False, instance.off_requests)):
        for r in listed:
            requests[r.staff_id].append(Request(day(r.day), r.shift_id, wanted, r.weight))
    volunteers = tuple(
        Volunteer(s.id, s.id, party_member=False, employed=False,
                  available={k: tuple(slot.id for slot in slots) for k in WEEKDAY_KEYS},
                  unavailable_dates=frozenset(day(d) for d in s.days_off),
                  max_posts_by_slot=dict(s.max_shifts), max_minutes=s.max_total_minutes,
                  min_minutes=s.min_total_minutes, max_consecutive_days=s.max_consecutive_shifts,
                  min_consecutive_days=s.min_consecutive_shifts, min_consecutive_days_off=s.min_consecutive_days_off,
                  max_weekends=s.max_weekends, requests=tuple(requests[s.id]))
        for s in instance.staff)
    rules = Rules(max_slots_per_day=1,
                  forbidden_sequences=tuple((s.id, b) for s in instance.shifts for b in s.forbidden_next))
    weights = {**dict.fromkeys(DEFAULT_WEIGHTS, 0), "missing_people": 1, "unmet_needs": 1}
    return Scenario("ssb", MONDAY, instance.horizon, WorkingHours(8 * 60, 18 * 60), slots,
                    (Gate("ward", "ward", tuple(demand)),), volunteers, rules=rules, weights=weights,
                    coverage="weighted")


def as_roster(answer: dict[str, list[str | None]]) -> tuple[Assignment, ...]:
    return tuple(Assignment(sid, "ward", day(d), shift)
                 for sid, row in answer.items() for d, shift in enumerate(row) if shift is not None)


def assert_agree(instance: Instance, answer: dict[str, list[str | None]]) -> Counter:
    """The validator and the evaluator break the same rules the same number of times for
    the same people, and price the answer the same, term by term; returns the rules."""
    s = by_hand(instance)
    assignments = as_roster(answer)
    verdict = evaluate(instance, answer)
    theirs = Counter((SSB_RULE[v.rule], v.staff_id) for v in verdict.violations)
    ours = Counter((v.rule, v.volunteer) for v in hard_violations(s, assignments))
    assert ours == theirs, answer
    terms = objective_terms(s, assignments)
    costs = {name: value * (term_weight(s, name) or 0) for name, value in terms.items()}
    for term, cost in verdict.term_costs().items():
        assert costs.get(SSB_TERM[term], 0) == cost, (term, answer)
    assert sum(costs.values()) == verdict.objective
    return Counter(v.rule for v in verdict.violations)


def tiny() -> Instance:
    """Two weeks, an early and a late shift (no early after a late), two people with every
    limit set, requests and cover of both kinds."""
    shifts = (ShiftType("E", 480), ShiftType("L", 480, ("E",)))
    staff = (
        Staff("A", {"E": 6, "L": 3}, max_total_minutes=480 * 8, min_total_minutes=480 * 4,
              max_consecutive_shifts=4, min_consecutive_shifts=2, min_consecutive_days_off=2, max_weekends=1,
              days_off=frozenset({9})),
        Staff("B", {"E": 14}, max_total_minutes=480 * 10, min_total_minutes=0,
              max_consecutive_shifts=5, min_consecutive_shifts=3, min_consecutive_days_off=1, max_weekends=2),
    )
    on = (ShiftRequest("A", 0, "E", 2), ShiftRequest("B", 3, "L", 3))
    off = (ShiftRequest("A", 2, "L", 1), ShiftRequest("B", 13, "E", 4))
    cover = tuple(Cover(d, "E", 1, 100, 1) for d in range(14)) + (Cover(6, "L", 2, 50, 0), Cover(7, "L", 0, 100, 7))
    return Instance("tiny", 14, shifts, staff, on, off, cover)


def row(text: str) -> list[str | None]:
    """A row written as one letter a day, '.' for no shift."""
    return [None if c == "." else c for c in text]


@pytest.mark.parametrize(("a", "b", "rules"), [
    # Clean on every hard rule; only cover and requests cost something.
    ("EE...EEEE.....", "..LLL....LLL..", {}),
    # A run of 1 at day 0 and a run of 1 on the last day: exempt from the minimum.
    ("E...EEE..EE...", ".....LLL.....E", {"day_off": 1}),
    # Short runs inside (A: 1 day on; B: 2 days on) and a day off between posts, too short for A.
    ("..E..EE.E..EE.", ".LL...LLLL....", {"min_consecutive_shifts": 3, "min_consecutive_days_off": 1,
                                          "max_weekends": 1}),
    # Too long a run, too many L, a late then an early, too many minutes.
    ("LLLLLE.EEE..EE", "EEEEEE.LLLLLLL", {"max_consecutive_shifts": 3, "max_shifts_of_type": 1,
                                          "forbidden_succession": 1, "max_total_minutes": 2, "max_weekends": 1,
                                          "day_off": 1, "min_consecutive_days_off": 1}),
    # Nothing at all: too few minutes for A, every run exempt.
    ("..............", "..............", {"min_total_minutes": 1}),
])
def test_validator_and_ssb_evaluator_agree_on_hand_made_answers(a, b, rules):
    assert assert_agree(tiny(), {"A": row(a), "B": row(b)}) == Counter(rules)


def test_validator_and_ssb_evaluator_agree_on_random_answers():
    """Random answers of runs of 1 to 5 days, on horizons starting and ending on any weekday."""
    rng = random.Random(7)
    seen: Counter = Counter()
    for horizon in (6, 13, 14, 15):
        base = tiny()
        instance = Instance("tiny", horizon, base.shifts, base.staff,
                            tuple(r for r in base.on_requests if r.day < horizon),
                            tuple(r for r in base.off_requests if r.day < horizon),
                            tuple(c for c in base.cover if c.day < horizon))
        for _ in range(40):
            answer = {}
            for sid in instance.staff_ids:
                cells: list[str | None] = []
                working = rng.random() < 0.5
                while len(cells) < horizon:
                    length = rng.randint(1, 5)
                    cells += [rng.choice("EL") if working else None for _ in range(length)]
                    working = not working
                answer[sid] = cells[:horizon]
            seen += assert_agree(instance, answer)
    # The comparison meant something: every rule was broken somewhere.
    assert set(seen) == set(SSB_RULE), seen
