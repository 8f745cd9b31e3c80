"""The starting roster made person by person in plain Python (solver.heuristic): on the
benchmark's instances and on random one-post-a-day weeks with every version-3 rule, the
roster keeps every hard rule by the independent validator (and the benchmark's own
evaluator), minors included; people whose runs must be packed tightly are planned over
the whole horizon; the CP-SAT model of one person is asked only where the plain
construction cannot hold a person's rules."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

import solver.heuristic as heuristic
from solver.generate import random_scenario
from solver.heuristic import starting_roster
from solver.instance import Instance
from solver.scenario import Assignment, Roster
from solver.ssb import evaluate, read_instance
from solver.ssb.convert import to_answer, to_scenario
from solver.validate import hard_violations
from tests.solver.test_engine_v3 import _version_3
from tests.ssb.paths import instance_path


def _roster(scenario, start) -> Roster:
    return Roster(scenario.name, "FEASIBLE", tuple(Assignment(v, p.gate, p.date, p.slot) for v, p in start))


@pytest.fixture
def cp_sat_calls(monkeypatch):
    """The people for whom the plain construction found nothing and CP-SAT was asked."""
    calls = []
    original = heuristic._by_cp_sat

    def counted(inst, vid, *args, **kwargs):
        if kwargs.get("hint") is None:
            calls.append(vid)
        return original(inst, vid, *args, **kwargs)

    monkeypatch.setattr(heuristic, "_by_cp_sat", counted)
    return calls


@pytest.mark.parametrize("number", [1, 4, 8, 11, 14, 20])
def test_benchmark_starting_rosters_keep_every_rule_without_cp_sat(number, cp_sat_calls):
    instance = read_instance(instance_path(number))
    scenario = to_scenario(instance)
    start, used = starting_roster(Instance(scenario), [], 60.0)
    assert start is not None and used < 60.0
    roster = _roster(scenario, start)
    assert hard_violations(scenario, roster.assignments) == []
    evaluation = evaluate(instance, to_answer(instance, scenario, roster))
    assert evaluation.feasible
    # The plain construction rosters everyone of the benchmark but the odd one out.
    assert len(cp_sat_calls) <= max(1, len(scenario.volunteers) // 10)


def test_the_plain_construction_alone_keeps_every_rule_on_a_year(monkeypatch):
    # CP-SAT never affordable: the plain construction rosters all 50 people of a year.
    monkeypatch.setattr(heuristic, "CP_SAT_SHARE", 0.0)
    monkeypatch.setattr(heuristic, "_by_cp_sat", lambda *args, **kwargs: None)
    instance = read_instance(instance_path(22))
    scenario = to_scenario(instance)
    start, _ = starting_roster(Instance(scenario), [], 60.0)
    assert start is not None
    roster = _roster(scenario, start)
    assert hard_violations(scenario, roster.assignments) == []
    assert evaluate(instance, to_answer(instance, scenario, roster)).feasible


def test_tightly_packed_people_are_planned_over_the_horizon():
    # Instance22: 232–234 days on duty of at most about 240 the runs allow (5 on, 2 off,
    # the dates off), each run's posts in time order: the day-by-day construction strands
    # some; the plan over the horizon holds their rules.
    instance = read_instance(instance_path(22))
    scenario = to_scenario(instance)
    inst = Instance(scenario)
    posts = heuristic._Posts(inst)
    planned = 0
    for volunteer in scenario.volunteers[:12]:
        person = heuristic._Person(inst, volunteer, posts, inst.eligible[volunteer.id], frozenset())
        requests = posts.requests(volunteer)
        roster = heuristic._planned_person(person, posts, requests)
        assert roster is not None, volunteer.id
        chosen = [None] * person.n
        for i in roster:
            assert chosen[posts.day[i]] is None  # one post a day
            chosen[posts.day[i]] = i
        assert person.holds(chosen)
        assert person.min_minutes <= sum(posts.minutes[i] for i in roster) <= person.max_minutes
        planned += 1
        for i in roster:
            posts.taken[i] += 1
    assert planned == 12


@pytest.mark.parametrize("seed", range(12))
def test_random_one_post_a_day_weeks_keep_every_rule_minors_included(seed, cp_sat_calls):
    rng = random.Random(seed)
    scenario = _version_3(random_scenario(seed, gates=2, volunteers=12, days=14), rng)
    scenario = replace(scenario, coverage="weighted", rules=replace(scenario.rules, max_slots_per_day=1))
    start, _ = starting_roster(Instance(scenario), [], 20.0, deterministic=True)
    if start is None:
        return  # a person's own minimums cannot hold: the whole search names them
    assert hard_violations(scenario, _roster(scenario, start).assignments) == []


def test_minors_stand_only_where_an_adult_stands():
    placed = 0
    for seed in range(8):
        scenario = random_scenario(seed, gates=2, volunteers=14, days=7)
        shortest = min(slot.minutes for slot in scenario.slots)
        # Each minor must stand somewhere (a minimum of minutes): placed, or no roster.
        people = tuple(replace(v, minor=True, min_minutes=shortest) if i % 4 == 0 else v
                       for i, v in enumerate(scenario.volunteers))
        scenario = replace(scenario, volunteers=people, coverage="weighted",
                           rules=replace(scenario.rules, max_slots_per_day=1, minor_latest_end=None))
        start, _ = starting_roster(Instance(scenario), [], 20.0, deterministic=True)
        if start is None:
            continue  # a minor's posts have no adult: the whole search names the minimum
        minors = {v.id for v in people if v.minor}
        adults_at = {p for v, p in start if v not in minors}
        assert all(p in adults_at for v, p in start if v in minors)
        assert hard_violations(scenario, _roster(scenario, start).assignments) == []
        placed += len(minors & {v for v, _ in start})
    assert placed >= 3
