"""A hand-edited roster (`derive_roster`) reports exactly what the independent validator
recomputes: its shortages, the registered volunteers' shortfalls, the objective's terms."""

from __future__ import annotations

import random
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roster_app.gui.week_data import HAND_FREE_WORDS, SOLVER_FREE_WORDS, WeekData, derive_roster
from solver.generate import random_scenario
from solver.scenario import DEFAULT_WEIGHTS, Assignment, Roster, TermCost
from solver.validate import V1_TERMS, V2_TERMS, hard_violations, open_posts, validate
from tests.helpers.scenarios import version_2


def some_assignments(scenario, rng, tries=60):
    posts = [p for p, (_, high) in open_posts(scenario).items() if high > 0]
    out = []
    for _ in range(tries):
        v, p = rng.choice(scenario.volunteers), rng.choice(posts)
        trial = out + [Assignment(v.id, p.gate, p.date, p.slot, rng.random() < 0.1)]
        if not hard_violations(replace(scenario, pinned=tuple(a for a in trial if a.pinned)), trial):
            out = trial
    return tuple(out)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), v2=st.booleans())
def test_a_derived_roster_passes_the_validator(seed, v2):
    scenario = random_scenario(seed, gates=2, volunteers=12, days=7)
    if v2:
        scenario = version_2(scenario, seed)
    rng = random.Random(seed)
    assignments = some_assignments(scenario, rng)
    names = V2_TERMS if v2 else V1_TERMS
    weights = scenario.weights or {}
    base = Roster(scenario.name, "OPTIMAL", (), terms=tuple(
        TermCost(n, 0, weights.get(n, DEFAULT_WEIGHTS.get(n, 1000))) for n in names), objective=0, bound=0,
        wall_time_s=1.0, warnings=("日历提示",))
    roster = derive_roster(scenario, assignments, base)
    pinned = replace(scenario, pinned=tuple(a for a in assignments if a.pinned))
    assert validate(pinned, roster) == []
    assert roster.status == "FEASIBLE" and roster.bound is None and roster.wall_time_s is None
    assert roster.warnings == ("日历提示",)
    assert all(SOLVER_FREE_WORDS not in s.reason for s in roster.shortages)
    # Edited again from the week: the pins follow the roster.
    week = WeekData(scenario, base).edited(roster)
    assert week.scenario.pinned == tuple(a for a in assignments if a.pinned)
    assert week.violations == ()


def test_free_people_are_named_as_free_after_a_hand_edit():
    scenario = random_scenario(3, gates=2, volunteers=12, days=7)
    roster = derive_roster(scenario, (), None)
    assert roster.shortages and roster.terms == () and roster.objective is None
    assert any(HAND_FREE_WORDS in s.reason for s in roster.shortages)
