"""solver.ssb.convert: every instance stated in the engine's terms, nothing lost or added,
and answers carried both ways unchanged."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from solver.instance import Instance as EngineInstance
from solver.scenario import SOFT_TERMS, Assignment, Roster
from solver.ssb import evaluate, read_instance
from solver.ssb.convert import GATE, START, day_date, to_answer, to_roster, to_scenario
from tests.ssb.paths import INSTANCE_NUMBERS, instance_path


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
