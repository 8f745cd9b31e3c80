"""Properties over random scenarios: every answer keeps every rule, and on tiny ones the
coverage is exactly the best possible, found by brute force.

The brute force knows nothing of the model: it tries every combination of posts for
every person and asks the independent validator which combinations keep the hard rules.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solver.generate import random_scenario
from solver.model import SolveOptions, solve
from solver.scenario import Assignment, Roster, Scenario
from solver.validate import coverage_totals, open_posts, validate
from tests.helpers.scenarios import assert_valid, version_2

HARD_ONLY = {"shortage_unreported", "shortage_misreported", "status_mismatch"}
OPTIONS = SolveOptions(time_limit_s=20, workers=8)


# Rules that involve other people at the post, so a person's posts cannot be judged alone.
SHARED = {"minor_alone", "over_max"}


def _breaks_hard_rule(scenario: Scenario, assignments: list[Assignment], ignore: set[str] = HARD_ONLY) -> bool:
    roster = Roster(scenario.name, "FEASIBLE", tuple(assignments))
    return any(v.rule not in ignore for v in validate(scenario, roster))


def brute_force_best_coverage(scenario: Scenario) -> tuple[int, int]:
    """The lexicographically least (missing people, unmet needs) over all valid rosters."""
    posts = [p for p, (_, high) in open_posts(scenario).items() if high > 0]
    choices = []
    for v in scenario.volunteers:
        own = []
        for size in range(0, 3):
            for combo in itertools.combinations(posts, size):
                mine = [Assignment(v.id, p.gate, p.date, p.slot) for p in combo]
                # Rules about one person are checked alone first, to keep the product small.
                if not _breaks_hard_rule(scenario, mine, HARD_ONLY | SHARED):
                    own.append(mine)
        choices.append(own)
    best = None
    for combo in itertools.product(*choices):
        assignments = [a for part in combo for a in part]
        totals = coverage_totals(scenario, assignments)
        if best is not None and totals >= best:
            continue
        if not _breaks_hard_rule(scenario, assignments):
            best = totals
    assert best is not None  # the empty roster is always valid
    return best


def one_day(scenario: Scenario) -> Scenario:
    """Caps scaled up 7×, so that over a one-day horizon they still allow a post or two."""
    def week(hours):
        return None if hours is None else hours * 7

    return replace(
        scenario,
        rules=replace(scenario.rules, default_max_hours_per_week=week(scenario.rules.default_max_hours_per_week)),
        volunteers=tuple(replace(v, max_hours_per_week=week(v.max_hours_per_week)) for v in scenario.volunteers),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 10_000),
    gates=st.integers(1, 2),
    day_offset=st.integers(0, 6),
)
def test_tiny_scenarios_reach_the_brute_force_optimum(seed, gates, day_offset):
    scenario = one_day(random_scenario(seed, gates=gates, volunteers=3, days=1,
                                       start=dt.date(2026, 9, 28) + dt.timedelta(days=day_offset)))
    roster = solve(scenario, OPTIONS)
    assert roster.status in ("OPTIMAL", "INFEASIBLE")
    assert_valid(scenario, roster)
    if roster.status == "OPTIMAL":
        assert coverage_totals(scenario, roster.assignments) == brute_force_best_coverage(scenario)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), pins=st.integers(0, 4), volunteers=st.integers(3, 25))
def test_every_answer_keeps_every_rule(seed, pins, volunteers):
    scenario = random_scenario(seed, gates=3, volunteers=volunteers, days=3, pins=pins)
    roster = solve(scenario, SolveOptions(time_limit_s=5, workers=8))
    assert roster.status in ("OPTIMAL", "FEASIBLE", "INFEASIBLE")
    assert_valid(scenario, roster)
    if roster.status == "INFEASIBLE":
        # Only contradicting pins or needs make a week INFEASIBLE, and they are named.
        assert roster.conflicts
    kept = {(a.volunteer, a.post) for a in roster.assignments}
    dropped = {(p.volunteer, p.post) for c in roster.conflicts for p in c.pins}
    for pin in scenario.pinned:
        assert (pin.volunteer, pin.post) in kept or (pin.volunteer, pin.post) in dropped


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), pins=st.integers(0, 3), volunteers=st.integers(3, 20))
def test_every_version_2_answer_keeps_every_rule_and_reports_true_terms(seed, pins, volunteers):
    scenario = version_2(random_scenario(seed, gates=3, volunteers=volunteers, days=4, pins=pins), seed)
    roster = solve(scenario, SolveOptions(time_limit_s=3, workers=8))
    assert roster.status in ("OPTIMAL", "FEASIBLE", "INFEASIBLE")
    assert_valid(scenario, roster)  # includes every term's value and the objective's sum
    if roster.status != "INFEASIBLE":
        assert roster.objective == sum(t.cost for t in roster.terms)
