"""The searching model states the hours spread by levels (`solver.terms`), for its LP bound;
it must not change which rosters are best. Checked against the plain statement (the highest
ceiling of a load minus the lowest floor, as the model stated it before), on weeks small
enough that both are proven optimal, with every answer's terms recomputed by the
independent validator."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ortools.sat.python import cp_model

from solver import terms
from solver.generate import random_scenario
from solver.instance import Instance
from solver.model import RosterModel, SolveOptions, solve
from solver.validate import objective_terms
from tests.helpers.scenarios import assert_valid, version_2

OPTIONS = SolveOptions(time_limit_s=20, workers=8)


def test_reachable_minutes_are_every_sum_under_the_cap():
    assert terms._reachable_minutes([120, 240, 240], 480) == (0, 120, 240, 360, 480)
    assert terms._reachable_minutes([180, 240], 1000) == (0, 180, 240, 420)
    assert terms._reachable_minutes([], 600) == (0,)


def _plain_hours_spread(m, loads, top):
    ceilings, floors = [], []
    for load in loads:
        # up = ceil(steps × (recent + minutes) / full), down = floor(…), multiplied out by
        # the denominators so they stay linear and exact.
        den = load.full.denominator * load.recent.denominator
        scaled_full = int(load.full * den)
        work = terms.LOAD_STEPS * (int(load.recent * den) + den * load.minutes)
        up, down = m.model.new_int_var(0, top, "up"), m.model.new_int_var(0, top, "down")
        m.model.add(scaled_full * up >= work)
        m.model.add(scaled_full * down <= work)
        ceilings.append(up)
        floors.append(down)
    hi, lo = m.model.new_int_var(0, top, "hi"), m.model.new_int_var(0, top, "lo")
    for up in ceilings:
        m.model.add(hi >= up)
    for down in floors:
        m.model.add(lo <= down)
    return terms.Term("hours_spread", hi - lo, top)


def _optimum(scenario, monkeypatch=None, plain=False):
    if plain:
        monkeypatch.setattr(terms, "_hours_spread_by_levels", _plain_hours_spread)
    try:
        roster = solve(scenario, OPTIONS)
    finally:
        if plain:
            monkeypatch.undo()
    assert roster.status == "OPTIMAL"
    assert_valid(scenario, roster)
    values = objective_terms(scenario, roster.assignments)
    return roster.objective, values


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                    HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), volunteers=st.integers(4, 9), days=st.integers(2, 3), v2=st.booleans())
def test_levels_find_the_same_optimum_as_the_plain_statement(monkeypatch, seed, volunteers, days, v2):
    scenario = random_scenario(seed, gates=2, volunteers=volunteers, days=days)
    if v2:
        scenario = version_2(scenario, seed)  # history weeks and recent hours too
    by_levels, terms_by_levels = _optimum(scenario)
    plain, terms_plain = _optimum(scenario, monkeypatch, plain=True)
    assert by_levels == plain, (terms_by_levels, terms_plain)



@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), volunteers=st.integers(5, 30), v2=st.booleans())
def test_levels_state_each_rosters_spread_exactly(seed, volunteers, v2):
    # A roster's spread is the least the levels allow once its assignments are fixed: the
    # objective pushes [hi ≥ k] down and [lo ≥ k] up, so that is what the search pays.
    scenario = random_scenario(seed, gates=3, volunteers=volunteers, days=4)
    if v2:
        scenario = version_2(scenario, seed)
    roster = solve(scenario, SolveOptions(time_limit_s=1, workers=2))
    assert_valid(scenario, roster)
    chosen = {(a.volunteer, a.post) for a in roster.assignments}
    m = RosterModel(Instance(scenario), [])
    for key, var in m.vars.x.items():
        m.model.add(var == (key in chosen))
    (spread,) = [t for t in m.terms if t.name == "hours_spread"]
    m.model.minimize(spread.expr)
    solver = cp_model.CpSolver()
    assert solver.solve(m.model) == cp_model.OPTIMAL
    assert round(solver.objective_value) == objective_terms(scenario, roster.assignments)["hours_spread"]
