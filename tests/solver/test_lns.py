"""Large-neighbourhood search (solver.lns) and the starting roster (solver.heuristic) on
weighted models: every answer keeps every rule by the independent validator, the search
never returns worse than its incumbent, stops when told, and repeats itself in
deterministic mode. Small scenarios are sent down the large models' path by lowering
the threshold, so the tests stay fast."""

from __future__ import annotations

import random
import threading
import time
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

import solver.model as model
from solver.generate import random_scenario
from solver.heuristic import starting_roster
from solver.instance import Instance
from solver.lns import NeighbourhoodSearch
from solver.model import RosterModel, SolveOptions, solve, solve_with_stats
from solver.scenario import Assignment, Roster
from solver.validate import hard_violations, validate
from tests.solver.test_engine_v3 import _version_3, _weighted


@pytest.fixture
def neighbourhoods(monkeypatch):
    """Every weighted model searched by neighbourhoods, however small."""
    monkeypatch.setattr(model, "NEIGHBOURHOOD_DECISIONS", 0)


def _weighted_v3(seed: int, volunteers: int, days: int, pins: int = 0):
    rng = random.Random(seed)
    scenario = _version_3(random_scenario(seed, gates=2, volunteers=volunteers, days=days, pins=pins), rng)
    return replace(scenario, coverage="weighted", weights={**scenario.weights, "missing_people": rng.randint(1, 50)})


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), pins=st.integers(0, 2), volunteers=st.integers(3, 12), days=st.integers(3, 9))
def test_every_answer_by_neighbourhoods_keeps_every_rule(neighbourhoods, seed, pins, volunteers, days):
    scenario = _weighted_v3(seed, volunteers, days, pins)
    roster = solve(scenario, SolveOptions(time_limit_s=1.5, workers=2))
    assert roster.status in ("OPTIMAL", "FEASIBLE", "INFEASIBLE")
    problems = validate(scenario, roster)
    if roster.status == "INFEASIBLE":
        assert roster.conflicts  # a contradiction set aside, as the whole search does
        return
    assert problems == [], "\n".join(f"[{p.rule}] {p.message}" for p in problems)
    assert roster.objective == sum(t.cost for t in roster.terms)
    assert roster.bound is not None and roster.bound <= roster.objective


def test_progress_only_improves_and_ends_at_the_answer(neighbourhoods):
    scenario = _weighted(random_scenario(11, gates=3, volunteers=20, days=7), seed=11)
    seen = []
    roster, stats = solve_with_stats(scenario, SolveOptions(time_limit_s=4, workers=2), on_progress=seen.append)
    assert hard_violations(scenario, roster.assignments) == []
    assert seen
    objectives = [p.objective for p in seen]
    assert all(later < earlier for earlier, later in zip(objectives, objectives[1:]))
    # The engine reports the answer valued exactly; the search's own figure is no lower.
    assert roster.objective <= objectives[-1]
    assert all(p.bound <= roster.objective for p in seen)


def _weighted_model(scenario):
    """The scenario's whole weighted model, its decisions' keys, and each decision's person
    and day as the search numbers them."""
    inst = Instance(scenario)
    rm = RosterModel(inst, [])
    rm.model.minimize(sum(t.weight * t.expr for t in rm.terms if t.weight))
    keys = list(rm.vars.x)
    people = {vid: i for i, vid in enumerate(inst.volunteers)}
    days = {day: i for i, day in enumerate(inst.dates)}
    return inst, rm, keys, [people[v] for v, _ in keys], [days[p.date] for _, p in keys]


def _search(scenario, seed: int = 0, deterministic: bool = True, budget: float = 2.0, stop=None):
    """A NeighbourhoodSearch on the scenario's whole weighted model, counting work units."""
    inst, rm, keys, person, day = _weighted_model(scenario)
    used = [0.0]
    improvements = []

    def run(model_, limit, callback, workers, seed_, work=None, linearization=None):
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = workers
        solver.parameters.random_seed = seed_
        solver.parameters.interleave_search = True
        solver.parameters.max_deterministic_time = max(0.001, min(limit, work if work is not None else limit))
        if linearization is not None:
            solver.parameters.linearization_level = linearization
        status = solver.solve(model_, callback) if callback is not None else solver.solve(model_)
        used[0] += max(solver.deterministic_time, 0.005)
        return status, solver

    search = NeighbourhoodSearch(rm.model, [rm.vars.x[k] for k in keys], person, day, solve=run,
                                 time_left=lambda: budget - used[0],
                                 stopped=lambda: stop is not None and stop.is_set(),
                                 on_improved=lambda objective, bound: improvements.append(objective), seed=seed,
                                 workers=2)
    return inst, rm, keys, search, improvements


def test_the_search_never_returns_worse_than_its_start_and_restores_the_model():
    scenario = _weighted(random_scenario(21, gates=3, volunteers=24, days=7), seed=21)
    inst, rm, keys, search, improvements = _search(scenario)
    start, _ = starting_roster(inst, [], 5.0, deterministic=True)
    assert start is not None
    domains = [tuple(rm.vars.x[k].proto.domain) for k in keys]
    outcome = search.run([key in start for key in keys])
    assert outcome.values is not None
    assert improvements and improvements[0] >= outcome.objective
    assert all(later < earlier for earlier, later in zip(improvements, improvements[1:]))
    assert improvements[-1] == outcome.objective
    # Every neighbourhood's domains undone, the hints cleared: the model is as built.
    assert [tuple(rm.vars.x[k].proto.domain) for k in keys] == domains
    assert len(rm.model.proto.solution_hint.vars) == 0
    answer = Roster(scenario.name, "FEASIBLE", tuple(Assignment(v, p.gate, p.date, p.slot)
                                                     for (v, p) in keys if outcome.boolean_value(rm.vars.x[v, p])))
    assert hard_violations(scenario, answer.assignments) == []


def test_the_starting_roster_keeps_each_persons_rules():
    for seed in range(6):
        scenario = _weighted_v3(seed, volunteers=10, days=9)
        # Minors' company is a rule between people, which the starting roster leaves to the
        # whole search; every other rule is a person's own.
        scenario = replace(scenario, volunteers=tuple(replace(v, minor=False) for v in scenario.volunteers))
        start, used = starting_roster(Instance(scenario), [], 10.0, deterministic=True)
        if start is None:
            continue  # a person's own minimums cannot hold: the whole search names them
        assert used > 0
        roster = Roster(scenario.name, "FEASIBLE", tuple(Assignment(v, p.gate, p.date, p.slot) for v, p in start))
        assert hard_violations(scenario, roster.assignments) == []


def test_deterministic_neighbourhoods_give_the_same_answer_twice(neighbourhoods):
    scenario = _weighted(random_scenario(13, gates=3, volunteers=20, days=7), seed=13)
    options = SolveOptions(time_limit_s=1.0, workers=2, deterministic=True)
    first = solve(scenario, options)
    again = solve(scenario, options)
    assert hard_violations(scenario, first.assignments) == []
    assert first.assignments == again.assignments and first.objective == again.objective


def test_neighbourhoods_stop_when_told(neighbourhoods):
    scenario = _weighted(random_scenario(17, gates=3, volunteers=24, days=7), seed=17)
    stop = threading.Event()
    seen = []

    def progress(p):
        seen.append(p)
        stop.set()  # stop at the first answer

    started = time.perf_counter()
    roster = solve(scenario, SolveOptions(time_limit_s=600, workers=2), on_progress=progress, stop=stop)
    assert time.perf_counter() - started < 300  # far from the limit: the stop was heard
    assert roster.status in ("FEASIBLE", "OPTIMAL")
    assert hard_violations(scenario, roster.assignments) == []
    assert roster.objective <= seen[0].objective


def test_a_start_too_large_to_value_in_time_is_the_answer_as_it_is(neighbourhoods, monkeypatch):
    # As on a benchmark's year: no time to value the starting roster and search from it.
    import solver.lns as lns

    monkeypatch.setattr(lns, "VALUED_SOLVES", 1e12)
    scenario = _weighted(random_scenario(23, gates=3, volunteers=20, days=7), seed=23)
    started = []
    original = lns.NeighbourhoodSearch._started
    monkeypatch.setattr(lns.NeighbourhoodSearch, "_started", lambda self, start: started.append(
        original(self, start)) or started[-1])
    roster, stats = solve_with_stats(scenario, SolveOptions(time_limit_s=5, workers=2))
    assert roster.status == "FEASIBLE" and roster.assignments
    assert started and started[0].objective is None  # taken unvalued, minors and all
    assert hard_violations(scenario, roster.assignments) == []
    # Valued by the engine from the answer's decisions alone, term by term.
    assert roster.objective == sum(t.cost for t in roster.terms)
    assert roster.bound is not None and roster.bound <= roster.objective


def _lane_search(scenario, workers: int, parallel: bool, budget: float):
    """A NeighbourhoodSearch by the clock (lanes run only outside deterministic mode) whose
    solve checks, at every sub-solve, that each fixed decision holds the value the sub-solve
    is hinted with: the incumbent the lane started from."""
    inst, rm, keys, person, day = _weighted_model(scenario)
    indexes = [rm.vars.x[k].index for k in keys]
    deadline = time.perf_counter() + budget
    seen = {"threads": set(), "subs": 0, "stale": 0}
    lock = threading.Lock()

    def run(model_, limit, callback, workers_, seed_, work=None, linearization=None):
        if work is not None and work < 1:  # a neighbourhood's sub-solve
            hint = dict(zip(model_.proto.solution_hint.vars, model_.proto.solution_hint.values))
            stale = sum(1 for i in indexes
                        if len(model_.proto.variables[i].domain) == 2 and model_.proto.variables[i].domain[0]
                        == model_.proto.variables[i].domain[1] and model_.proto.variables[i].domain[0] != hint[i])
            with lock:
                seen["threads"].add(threading.current_thread().name)
                seen["subs"] += 1
                seen["stale"] += stale
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = workers_
        solver.parameters.random_seed = seed_
        solver.parameters.max_time_in_seconds = max(0.01, min(limit, 0.3 if work is not None and work < 1 else limit))
        if linearization is not None:
            solver.parameters.linearization_level = linearization
        return (solver.solve(model_, callback) if callback is not None else solver.solve(model_)), solver

    search = NeighbourhoodSearch(rm.model, [rm.vars.x[k] for k in keys], person, day, solve=run,
                                 time_left=lambda: deadline - time.perf_counter(), stopped=lambda: False,
                                 workers=workers, parallel=parallel)
    return inst, rm, keys, search, seen


@pytest.mark.parametrize("parallel", [True, False])
def test_lanes_search_side_by_side_each_fixed_at_the_incumbent(parallel):
    scenario = _weighted(random_scenario(31, gates=3, volunteers=24, days=7), seed=31)
    inst, rm, keys, search, seen = _lane_search(scenario, workers=2, parallel=parallel, budget=4.0)
    start, _ = starting_roster(inst, [], 5.0, deterministic=True)
    domains = [tuple(rm.vars.x[k].proto.domain) for k in keys]
    outcome = search.run([key in start for key in keys])
    assert outcome.values is not None and outcome.neighbourhoods == seen["subs"] > 4
    # Two lanes on two workers, each on its own copy of the model; one when not parallel.
    assert len(seen["threads"]) == (2 if parallel else 1)
    # Every lane followed the incumbent: no fixed decision held a value other than the
    # incumbent's it was hinted with (another lane's answers included).
    assert seen["stale"] == 0
    assert [tuple(rm.vars.x[k].proto.domain) for k in keys] == domains
    answer = Roster(scenario.name, "FEASIBLE", tuple(Assignment(v, p.gate, p.date, p.slot)
                                                     for (v, p) in keys if outcome.boolean_value(rm.vars.x[v, p])))
    assert hard_violations(scenario, answer.assignments) == []


def test_a_window_around_a_day_holds_it():
    scenario = _weighted(random_scenario(5, gates=2, volunteers=8, days=9), seed=5)
    inst, rm, keys, search, _ = _search(scenario)
    rng = random.Random(0)
    for _ in range(300):
        share = rng.random()
        around = rng.choice(search.days)
        window = search._window(share, around)
        assert around in window
        assert window == list(range(window[0], window[-1] + 1))  # consecutive
        assert len(window) == min(len(search.days), max(1, round(share * len(search.days))))


def test_neighbourhoods_centred_on_a_short_day_free_it_and_the_people_who_could_mend_it(monkeypatch):
    import solver.lns as lns

    monkeypatch.setattr(lns, "SHORT_SHARE", 1.0)
    scenario = _weighted(random_scenario(7, gates=2, volunteers=12, days=9), seed=7)
    inst, rm, keys, search, _ = _search(scenario)
    short = 4
    search.short_days = lambda values: [short]
    for kind in lns.KINDS:
        search.size[kind] = 40.0
        for _ in range(20):
            free = search._neighbourhood(kind, [])
            free_days = {search.day[i] for i in free}
            assert short in free_days
            if kind == "days":
                assert set(search.by_day[short]) <= set(free)
            else:
                assert all(any(search.day[i] == short for i in search.by_person[search.person[j]]) for j in free)


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 10_000), fill=st.floats(0.0, 1.0))
def test_short_days_are_the_days_of_posts_below_their_minimum(seed, fill):
    from collections import Counter

    from solver.model import short_days
    from solver.validate import open_posts

    scenario = random_scenario(seed, gates=2, volunteers=10, days=5)
    inst = Instance(scenario)
    rm = RosterModel(inst, [])
    rng = random.Random(seed)
    values = [0] * len(rm.model.proto.variables)
    for var in rm.vars.x.values():
        values[var.index] = int(rng.random() < fill)
    days = {day: i for i, day in enumerate(inst.dates)}
    # Recounted from the validator's posts and the roster the values hold; a post with fewer
    # candidates than its minimum is short in every answer and left out.
    candidates = Counter(post for _, post in rm.vars.x)
    standing = Counter(post for (_, post), var in rm.vars.x.items() if values[var.index])
    expected = Counter(days[post.date] for post, (least, _) in open_posts(scenario).items()
                       if least > 0 and candidates[post] >= least and standing[post] < least)
    assert Counter(short_days(inst, rm.vars, days)(values)) == expected
