"""solver.ssb.convert: every instance stated in the engine's terms, nothing lost or added,
and answers carried both ways unchanged."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import pytest

from solver.instance import Instance as EngineInstance
from solver.scenario import SOFT_TERMS, Assignment, Roster
from solver.ssb import evaluate, read_instance, read_roster
from solver.ssb.convert import GATE, START, day_date, to_answer, to_roster, to_scenario
from solver.validate import hard_violations, objective_terms, term_weight
from tests.ssb.paths import DATA, INSTANCE_NUMBERS, instance_path


@pytest.mark.parametrize("number", INSTANCE_NUMBERS)
def test_every_instance_converts_with_its_counts(number):
    instance = read_instance(instance_path(number))
    scenario = to_scenario(instance)
    assert scenario.start_date == START and START.weekday() == 0 and scenario.days == instance.horizon
    assert scenario.coverage == "weighted"

    assert [(s.id, s.minutes) for s in scenario.slots] == [(s.id, s.minutes) for s in instance.shifts]
    assert sorted(scenario.rules.forbidden_sequences) == sorted(
        (s.id, after) for s in instance.shifts for after in s.forbidden_next)
    assert scenario.rules.max_slots_per_day == 1

    # Every cover line comes back from the demand, once, with its figures.
    (gate,) = scenario.gates
    lines = [(d, r.slot, r.min, r.under_weight, r.over_weight) for r in gate.demand for d in r.days]
    expected = [(day_date(c.day), c.shift_id, c.requirement, c.under_weight, c.over_weight) for c in instance.cover]
    assert len(lines) == len(instance.cover) == instance.horizon * len(instance.shifts)
    assert sorted(lines) == sorted(expected)
    assert all(r.max == len(instance.staff) for r in gate.demand)

    assert [v.id for v in scenario.volunteers] == list(instance.staff_ids)
    on = [r for v in scenario.volunteers for r in v.requests if r.wanted]
    off = [r for v in scenario.volunteers for r in v.requests if not r.wanted]
    assert (len(on), len(off)) == (len(instance.on_requests), len(instance.off_requests))
    assert sum(len(v.unavailable_dates) for v in scenario.volunteers) == sum(len(s.days_off) for s in instance.staff)
    for staff, volunteer in zip(instance.staff, scenario.volunteers):
        assert volunteer.unavailable_dates == {day_date(d) for d in staff.days_off}
        assert sorted((r.date, r.slot, r.weight) for r in volunteer.requests if r.wanted) == sorted(
            (day_date(r.day), r.shift_id, r.weight) for r in instance.on_requests if r.staff_id == staff.id)
        assert sorted((r.date, r.slot, r.weight) for r in volunteer.requests if not r.wanted) == sorted(
            (day_date(r.day), r.shift_id, r.weight) for r in instance.off_requests if r.staff_id == staff.id)
        assert dict(volunteer.max_posts_by_slot) == dict(staff.max_shifts)
        assert volunteer.max_minutes == staff.max_total_minutes
        assert (volunteer.min_minutes or 0) == staff.min_total_minutes
        assert volunteer.max_consecutive_days == staff.max_consecutive_shifts
        assert (volunteer.min_consecutive_days or 0) == staff.min_consecutive_shifts
        assert (volunteer.min_consecutive_days_off or 0) == staff.min_consecutive_days_off
        assert volunteer.max_weekends == staff.max_weekends
        assert not volunteer.employed and not volunteer.minor and volunteer.max_hours_per_week is None
        assert all(set(slots) == set(instance.shift_ids) for slots in volunteer.available.values())
        assert len(volunteer.available) == 7

    assert all(scenario.weights[t] == 0 for t in SOFT_TERMS)
    assert all(scenario.weights[t] == 1 for t in ("missing_people", "over_cover", "on_requests", "off_requests"))


def test_the_longest_horizon_stays_inside_the_calendars_known_years():
    scenario = to_scenario(read_instance(instance_path(24)))
    assert scenario.dates[-1] == dt.date(2024, 12, 29)
    engine = EngineInstance(scenario)
    assert engine.warnings == ()
    # The benchmark's weekends are the dates' Saturdays and Sundays.
    assert all(day_date(d).weekday() == d % 7 for d in range(scenario.days))
    # Every slot overlaps every other: one person, one shift a day.
    assert engine.overlapping_slot_groups() == [tuple(s.id for s in scenario.slots)]


def test_a_day_without_a_cover_line_is_open_and_free():
    instance = read_instance(instance_path(1))
    trimmed = type(instance)(name="trimmed", horizon=instance.horizon, shifts=instance.shifts,
                             staff=instance.staff, cover=tuple(c for c in instance.cover if c.day != 3))
    (gate,) = to_scenario(trimmed).gates
    day_3 = [r for r in gate.demand if day_date(3) in r.days]
    assert [(r.slot, r.min, r.under_weight, r.over_weight) for r in day_3] == [("D", 0, 0, 0)]
    assert day_3[0].max == len(instance.staff)


def _random_answer(instance, rng):
    return {s: [rng.choice((None, *instance.shift_ids)) for _ in range(instance.horizon)] for s in instance.staff_ids}


@pytest.mark.parametrize("number", [1, 3, 12])
def test_answers_survive_the_round_trip_through_a_roster(number):
    instance = read_instance(instance_path(number))
    scenario = to_scenario(instance)
    rng = random.Random(number)
    for _ in range(5):
        answer = _random_answer(instance, rng)
        roster = to_roster(instance, scenario, answer)
        assert all(a.gate == GATE for a in roster.assignments)
        assert to_answer(instance, scenario, roster) == answer
        assert evaluate(instance, to_answer(instance, scenario, roster)) == evaluate(instance, answer)


def test_an_answer_cannot_hold_two_shifts_a_day():
    instance = read_instance(instance_path(2))
    scenario = to_scenario(instance)
    answer = {s: [None] * instance.horizon for s in instance.staff_ids}
    answer["A"][0] = "E"
    roster = to_roster(instance, scenario, answer)
    doubled = Roster(roster.scenario, "FEASIBLE", roster.assignments + (Assignment("A", GATE, START, "L"),))
    with pytest.raises(ValueError, match="one shift a day"):
        to_answer(instance, scenario, doubled)
    outside = Roster(roster.scenario, "FEASIBLE", (Assignment("A", GATE, START - dt.timedelta(days=1), "E"),))
    with pytest.raises(ValueError, match="not a shift"):
        to_answer(instance, scenario, outside)


# --- the engine's validator and the benchmark's evaluator on converted instances ----------

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
"""The evaluator's rule → the validator's code for the same rule."""
SSB_TERM = {"on_request": "on_requests", "off_request": "off_requests", "under_cover": "missing_people",
            "over_cover": "over_cover"}


def assert_validator_agrees(instance, answer) -> Counter:
    """The engine's validator, on the converted scenario, breaks the same rules as the
    evaluator, as often and for the same people, and prices the answer the same term by
    term; returns the evaluator's rules."""
    scenario = to_scenario(instance)
    assignments = to_roster(instance, scenario, answer).assignments
    verdict = evaluate(instance, answer)
    theirs = Counter((SSB_RULE[v.rule], v.staff_id) for v in verdict.violations)
    ours = Counter((v.rule, v.volunteer) for v in hard_violations(scenario, assignments))
    assert ours == theirs
    terms = objective_terms(scenario, assignments)
    costs = {name: value * (term_weight(scenario, name) or 0) for name, value in terms.items()}
    for term, cost in verdict.term_costs().items():
        assert costs.get(SSB_TERM[term], 0) == cost, term
    assert sum(costs.values()) == verdict.objective
    return Counter(v.rule for v in verdict.violations)


def test_validator_agrees_on_instance1_s_optimum_and_its_neighbours():
    instance = read_instance(instance_path(1))
    best = read_roster(DATA / "Instance1-607.roster", instance)
    assert assert_validator_agrees(instance, best) == Counter()
    assert evaluate(instance, best).objective == 607
    # One shift moved, removed or added at a time: the cost and the rules each change makes.
    seen: Counter = Counter()
    for staff_id in ("A", "D", "H"):
        for day in range(instance.horizon):
            changed = {s: list(row) for s, row in best.items()}
            changed[staff_id][day] = None if changed[staff_id][day] else "D"
            seen += assert_validator_agrees(instance, changed)
    assert {"min_consecutive_shifts", "max_total_minutes", "day_off"} <= set(seen)


def test_validator_agrees_on_empty_answers_of_every_size():
    for number in (1, 5, 13, 24):
        instance = read_instance(instance_path(number))
        empty = {s: [None] * instance.horizon for s in instance.staff_ids}
        assert set(assert_validator_agrees(instance, empty)) <= {"min_total_minutes"}


@pytest.mark.parametrize("number", [2, 3, 8, 11, 15])
def test_validator_agrees_on_random_answers(number):
    """Runs of 1 to 6 days on and off, random shifts: every rule gets broken somewhere."""
    instance = read_instance(instance_path(number))
    rng = random.Random(number)
    seen: Counter = Counter()
    for _ in range(4):
        answer = {}
        for staff_id in instance.staff_ids:
            cells: list[str | None] = []
            working = rng.random() < 0.5
            while len(cells) < instance.horizon:
                cells += [rng.choice(instance.shift_ids) if working else None for _ in range(rng.randint(1, 6))]
                working = not working
            answer[staff_id] = cells[:instance.horizon]
        seen += assert_validator_agrees(instance, answer)
    assert len(seen) >= 6, seen
