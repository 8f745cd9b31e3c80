"""An answer's terms valued in plain Python (`solver.term_values`, what every roster reports)
agree with the independent validator's `objective_terms`, term by term, on random weeks
of every version: the solver's answer and random parts of it (an answer with posts left
out keeps the rules a term's value relies on: nobody stands two posts at once), with and
without a previous roster to change from."""

from __future__ import annotations

import random
import threading
from dataclasses import replace

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from solver.generate import random_scenario
from solver.instance import Instance
from solver.model import RosterModel, SolveOptions, solve
from solver.scenario import Assignment, Scenario
from solver.term_values import term_values
from solver.validate import objective_terms
from tests.helpers.scenarios import assert_valid, version_2
from tests.solver.test_engine_v3 import _version_3, _weighted

SHORT = SolveOptions(time_limit_s=2, workers=2, deterministic=True)


def _with_previous(scenario: Scenario, rng: random.Random) -> Scenario:
    """The week with a previous roster of allowed posts to keep or change (none listed twice)."""
    allowed = [(vid, post) for vid, posts in Instance(scenario).allowed.items() for post in posts]
    chosen = rng.sample(allowed, min(len(allowed), rng.randint(1, 12)))
    return replace(scenario, previous=tuple(Assignment(vid, p.gate, p.date, p.slot) for vid, p in chosen))


def _scenario(version: str, seed: int, volunteers: int, days: int) -> Scenario:
    rng = random.Random(seed)
    base = random_scenario(seed, gates=2, volunteers=volunteers, days=days)
    if version == "1":
        scenario = base
    elif version == "2":
        scenario = version_2(base, seed)
    elif version == "3 weighted":
        scenario = _weighted(base, seed)
    else:  # version 3, coverage first or weighted at random
        scenario = _version_3(base, rng)
    if version in ("1", "2") and rng.random() < 0.5:
        scenario = _with_previous(scenario, rng)
    return scenario


def _assert_agree(scenario: Scenario, assignments: list[Assignment]) -> None:
    expected = objective_terms(scenario, assignments)
    got = term_values(Instance(scenario), frozenset((a.volunteer, a.post) for a in assignments), list(expected))
    assert got == expected


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(version=st.sampled_from(["1", "2", "3 weighted", "3"]), seed=st.integers(0, 10_000),
       volunteers=st.integers(5, 14), days=st.integers(2, 8))
def test_term_values_agree_with_the_validator(version, seed, volunteers, days):
    scenario = _scenario(version, seed, volunteers, days)
    roster = solve(scenario, SHORT)
    assume(roster.assignments)  # a week with nobody on duty would test little
    assert_valid(scenario, roster)  # the roster's own terms, valued by term_values, included
    assert roster.objective == sum(t.cost for t in roster.terms)
    assert [t.name for t in roster.terms] == list(objective_terms(scenario, roster.assignments))
    _assert_agree(scenario, list(roster.assignments))
    rng = random.Random(seed)
    for _ in range(5):
        part = [a for a in roster.assignments if rng.random() < rng.random()]
        _assert_agree(scenario, part)
    _assert_agree(scenario, [])


def test_a_search_stopped_in_its_coverage_stage_reports_every_term_with_its_weight():
    """Stopped at the coverage stage's first answer, before the full model is built, the
    roster still reports the full objective's terms, at the full model's weights."""
    scenario = version_2(random_scenario(11, gates=2, volunteers=10, days=3), 11)
    stop = threading.Event()
    stages = []

    def stop_at_first(progress) -> None:
        stages.append(progress.stage)
        stop.set()

    roster = solve(scenario, SolveOptions(time_limit_s=10, workers=2), on_progress=stop_at_first, stop=stop)
    assert stages and set(stages) == {"coverage"} and roster.status == "FEASIBLE"
    full = RosterModel(Instance(scenario), [])
    assert [(t.name, t.weight) for t in roster.terms] == [(t.name, t.weight) for t in full.terms]
    assert len({t.weight for t in roster.terms}) > 2  # strictly ordered: the weights say something
    assert_valid(scenario, roster)
