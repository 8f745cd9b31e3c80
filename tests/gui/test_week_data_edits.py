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


def test_short_posts_counted_while_idle_make_the_first_edit_what_a_full_count_makes():
    """The window counts the shown roster's short posts a few at a time before the first
    edit (`count_short_posts`); an edit then derives exactly what counting afresh gives."""
    from roster_app.gui import week_data
    from solver.explain import classify

    scenario = random_scenario(5, gates=3, volunteers=20, days=7)
    rng = random.Random(5)
    pins = tuple(a for a in some_assignments(scenario, rng) if a.pinned)
    scenario = replace(scenario, pinned=pins)
    saved = replace(derive_roster(scenario, some_assignments(scenario, rng) + pins, None))  # as read back: not remembered
    week = WeekData(scenario, saved)
    assert len(saved.shortages) > 4 and week_data._recall(saved, scenario) is None
    turns = 1
    while week_data.count_short_posts(week, 2):
        turns += 1
    assert turns == (len(saved.shortages) + 1) // 2
    counts = week_data._recall(saved, scenario)
    assert counts == {s.post: classify(week.instance, s.post, saved.assignments) for s in saved.shortages}
    assert not week_data.count_short_posts(week, 2)  # nothing left to count
    for _ in range(5):
        edit = list(saved.assignments)
        edit.pop(rng.randrange(len(edit)))
        fast = week.derive(tuple(edit))
        kept = dict(week_data._COUNTS)
        week_data._COUNTS.clear()
        try:
            full = derive_roster(week.scenario, tuple(edit), saved)
        finally:
            week_data._COUNTS.clear()
            week_data._COUNTS.update(kept)
        assert fast == full


def test_an_edit_after_counting_in_part_counts_the_rest_and_derives_the_same():
    """Edited before the idle counting finished: the edit classifies the posts not yet
    counted (and remembers them for the roster it started from), with the same result."""
    from roster_app.gui import week_data

    scenario = random_scenario(6, gates=3, volunteers=20, days=7)
    rng = random.Random(6)
    saved = replace(derive_roster(scenario, some_assignments(scenario, rng), None))
    week = WeekData(scenario, saved)
    assert len(saved.shortages) > 3
    assert week_data.count_short_posts(week, 2)  # two counted, more to go
    assert len(week_data._recall(saved, scenario)) == 2
    edit = list(saved.assignments)
    edit.pop(rng.randrange(len(edit)))
    fast = week.derive(tuple(edit))
    assert {s.post for s in saved.shortages} <= week_data._recall(saved, scenario).keys()
    kept = dict(week_data._COUNTS)
    week_data._COUNTS.clear()
    try:
        full = derive_roster(week.scenario, tuple(edit), saved)
    finally:
        week_data._COUNTS.clear()
        week_data._COUNTS.update(kept)
    assert fast == full
    assert not week_data.count_short_posts(week, 2)  # nothing left for the idle time


def test_an_edit_that_moves_no_pin_keeps_the_scenario_and_what_follows_from_it():
    scenario = random_scenario(7, gates=3, volunteers=20, days=7)
    rng = random.Random(7)
    assignments = some_assignments(scenario, rng)
    pins = tuple(a for a in assignments if a.pinned)
    week = WeekData(replace(scenario, pinned=pins), derive_roster(scenario, assignments, None))
    week.staffing, week.instance.allowed  # remembered
    unpinned = [a for a in assignments if not a.pinned]
    edit = tuple(a for a in assignments if a != unpinned[0])
    roster = week.derive(edit)
    assert roster == derive_roster(replace(scenario, pinned=()), edit, None)  # built afresh: the same
    shown = week.edited(roster)
    assert shown.scenario is week.scenario and shown.instance is week.instance and shown.staffing is week.staffing
    assert shown.violations == tuple(hard_violations(shown.scenario, edit))
    # A pin moved: the scenario follows the roster's pins, read afresh.
    pinned = tuple(replace(a, pinned=True) if a == unpinned[1] else a for a in edit)
    repinned = shown.edited(shown.derive(pinned))
    assert repinned.scenario.pinned == tuple(a for a in pinned if a.pinned)
    assert repinned.instance is not week.instance and repinned.instance.scenario is repinned.scenario
