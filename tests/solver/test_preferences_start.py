"""The preferences stage of a community week starts from a whole answer: the coverage
stage's posts with every variable of the soft terms valued under them
(`solver.model._StagedSearch._complete_hint`)."""

from __future__ import annotations

from ortools.sat.python import cp_model

from solver import model
from solver.generate import random_scenario, street_office
from solver.model import SolveOptions, solve_with_stats
from solver.scenario import SOFT_TERMS
from solver.term_values import term_values


def _started_from(monkeypatch, scenario):
    """(the search's instance, the full model as its hint was completed)."""
    seen = []
    complete = model._StagedSearch._complete_hint

    def recording(self, full):
        complete(self, full)
        seen.append((self.inst, full, full.model.clone()))

    monkeypatch.setattr(model._StagedSearch, "_complete_hint", recording)
    solve_with_stats(scenario, SolveOptions(time_limit_s=5, workers=2, seed=0))
    assert len(seen) == 1
    return seen[0]


def _check_whole_answer(inst, full, copy, weights):
    hint = copy.proto.solution_hint
    assert sorted(hint.vars) == list(range(len(copy.proto.variables)))
    hinted = dict(zip(hint.vars, hint.values))
    answer = frozenset(key for key, var in full.vars.x.items() if hinted[var.index] == 1)
    # Every variable held at its hint: the model must still be satisfied, at the cost the
    # terms have at those posts when valued in plain Python.
    solver = cp_model.CpSolver()
    solver.parameters.fix_variables_to_their_hinted_value = True
    solver.parameters.num_workers = 1
    assert solver.solve(copy) == cp_model.OPTIMAL
    values = term_values(inst, answer, list(weights))
    assert round(solver.objective_value) == sum(weights[name] * values[name] for name in weights)


def test_a_version_2_week_starts_its_preferences_from_a_whole_answer(monkeypatch):
    scenario = street_office(1, communities=1)
    inst, full, copy = _started_from(monkeypatch, scenario)
    weights = {t.name: t.weight for t in full.terms if t.name in SOFT_TERMS and t.weight}
    assert set(weights) >= {"hours_spread", "gate_switches", "split_days"}
    _check_whole_answer(inst, full, copy, weights)


def test_a_version_1_week_starts_its_preferences_from_a_whole_answer(monkeypatch):
    inst, full, copy = _started_from(monkeypatch, random_scenario(2))
    # Version 1 weighs its lower terms in strict order below coverage.
    weights = {t.name: t.weight for t in full.terms[model.COVERAGE_TERMS:] if t.weight}
    assert weights
    _check_whole_answer(inst, full, copy, weights)
