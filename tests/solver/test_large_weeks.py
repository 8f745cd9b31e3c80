"""A street office's week takes another path than a community's: its coverage is proven in
two parts (the fewest missing people alone, then the fewest unmet needs with them held) and
its preferences are searched by neighbourhoods from the coverage stage's answer. Here the
threshold is lowered so that community weeks, quick to prove either way, take that path
too and can be compared with the usual one."""

from __future__ import annotations

from dataclasses import replace

import pytest
from google.protobuf import text_format
from ortools.sat import sat_parameters_pb2

from solver import model
from solver.generate import random_scenario
from solver.model import Progress, SolveOptions, solve_with_stats
from solver.validate import coverage_totals
from tests.helpers.scenarios import assert_valid

OPTIONS = SolveOptions(time_limit_s=20, workers=2, deterministic=True)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_coverage_in_two_parts_proves_the_same_least_as_whole(monkeypatch, seed):
    scenario = random_scenario(seed)
    usual, usual_stats = solve_with_stats(scenario, OPTIONS)
    assert usual_stats.coverage_optimal
    monkeypatch.setattr(model, "NEIGHBOURHOOD_DECISIONS", 1)
    seen: list[Progress] = []
    # Neighbourhoods search until the time is up: a short limit keeps the test short.
    large, stats = solve_with_stats(scenario, replace(OPTIONS, time_limit_s=4), on_progress=seen.append)
    assert_valid(scenario, large)
    assert stats.coverage_optimal
    # Both proven: the same fewest (missing people, unmet needs), recounted by the validator.
    assert coverage_totals(scenario, large.assignments) == coverage_totals(scenario, usual.assignments)
    # Coverage first, then the preferences, each only ever improving.
    stages = [p.stage for p in seen]
    assert stages == sorted(stages) and "preferences" in stages
    for stage in ("coverage", "preferences"):
        objectives = [p.objective for p in seen if p.stage == stage]
        assert objectives == sorted(objectives, reverse=True)
    assert all(p.bound <= p.objective for p in seen)
    # The bound holds coverage at its proven least, so it cannot be below its cost.
    coverage_cost = sum(t.cost for t in large.terms[:model.COVERAGE_TERMS])
    assert coverage_cost <= large.bound <= large.objective



def test_a_street_offices_coverage_runs_its_lp_worker_without_the_hint(monkeypatch):
    """The fewest missing people's hint is for the searching worker: `max_lp` following it
    one decision at a time held back its bound (`model.LP_WORKER_IGNORES_HINT`)."""
    monkeypatch.setattr(model, "NEIGHBOURHOOD_DECISIONS", 1)
    told: list[tuple[str, int, bool]] = []
    watch = model._watch

    def recording(stop, solver):
        # Read back through the text form: the parameters' own list cannot be iterated.
        params = text_format.Parse(str(solver.parameters), sat_parameters_pb2.SatParameters())
        told.append(tuple((p.name, p.hint_conflict_limit, p.use_optimization_hints) for p in params.subsolver_params))
        return watch(stop, solver)

    monkeypatch.setattr(model, "_watch", recording)
    solve_with_stats(random_scenario(1), replace(OPTIONS, time_limit_s=4, deterministic=False))
    # The missing people's part only: the unmet needs' part is proven sooner when `max_lp`
    # follows its hint, the posts of the first part's roster.
    assert told[0] == ((model.FULL_LP_WORKER, 0, False),)
    assert all(t == () for t in told[1:])
