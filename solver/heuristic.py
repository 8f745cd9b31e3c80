"""A starting roster built person by person, for large weighted models (issue 7).

On a benchmark's months CP-SAT may search the whole model for many seconds, or not at all
within a minute, before its first roster that holds: each person's own rules over the
horizon (minutes at least and at most, runs of days on and off, weekends, slot limits,
forbidden sequences) are easy alone and hard all at once. So people are rostered one after
another, each by a small CP-SAT model of that person alone: their own rules, the posts
still open to them, and the objective at what the people before them left (a post's `min`
and `max` less those already there), so each takes where they are most missing.

The result is a hint, not an answer: rules between people (minors never alone, a
community's cap per kind) are not held here, and the whole model's search repairs or takes
it. On a benchmark instance, where nothing binds people together, it holds as it is.
"""

from __future__ import annotations

import copy
import time
from collections import Counter
from dataclasses import replace
from typing import Callable

from ortools.sat.python import cp_model

from solver.instance import Demand, Instance
from solver.scenario import Assignment, Post

PERSON_WORK = 0.1
"""CP-SAT's deterministic work per person at first (one person's horizon is a few hundred
decisions: Instance14, 17 and 18 built in 1.3–2.2 s, as good as with five times more)..."""
RETRY_FACTOR = 5
ATTEMPTS = 3
"""...then five times more, twice, for a person without an answer (Instance20's tightest)."""


def starting_roster(inst: Instance, pins: list[Assignment], budget: float, deterministic: bool = False,
                    stopped: Callable[[], bool] = lambda: False,
                    seed: int = 0, relaxed: frozenset[tuple[str, str]] = frozenset(),
                    ) -> tuple[frozenset[tuple[str, Post]] | None, float]:
    """(volunteer, post) pairs of a roster made person by person (see the module), or None
    if a person's own rules leave them no roster or `budget` (seconds, or CP-SAT's
    deterministic work units when `deterministic`) runs out first; and what it used.
    `relaxed`: (volunteer, rule) pairs of minimums left out, as in the whole model."""
    from solver.model import RosterModel  # the model imports this module

    started, work = time.perf_counter(), [0.0]

    def time_left() -> float:
        return budget - (work[0] if deterministic else time.perf_counter() - started)

    taken: Counter[Post] = Counter()
    chosen: list[tuple[str, Post]] = []
    pinned_by: dict[str, list[Assignment]] = {}
    for pin in pins:
        pinned_by.setdefault(pin.volunteer, []).append(pin)
    for volunteer in inst.scenario.volunteers:
        if stopped() or time_left() <= 0:
            return None, budget - time_left()
        vid = volunteer.id
        posts = inst.eligible.get(vid, [])
        if not posts:
            continue
        mine = pinned_by.get(vid, [])
        alone = _alone(inst, vid, posts, taken, {pin.post for pin in mine})
        rm = RosterModel(alone, mine, relaxed=frozenset(key for key in relaxed if key[0] == vid))
        for literal in rm.pin_literals.values():
            rm.model.add(literal == 1)
        objective = sum(t.weight * t.expr for t in rm.terms if t.weight)
        if not isinstance(objective, int):
            rm.model.minimize(objective)
        status = cp_model.UNKNOWN
        for attempt in range(ATTEMPTS):
            # Most people are settled in a fraction of the first budget; the few whose
            # rules are tight get more, rather than the whole roster given up.
            allowed = PERSON_WORK * RETRY_FACTOR ** attempt
            solver = cp_model.CpSolver()
            solver.parameters.num_workers = 1
            # Runs of days and minutes over the horizon are proven in the LP's full
            # linearisation far sooner (a person of Instance18: 0.07 against 2+ work units).
            solver.parameters.linearization_level = 2
            solver.parameters.random_seed = seed + attempt
            solver.parameters.max_deterministic_time = allowed
            if deterministic:
                solver.parameters.max_deterministic_time = max(0.001, min(allowed, time_left()))
            else:
                solver.parameters.max_time_in_seconds = max(0.01, time_left())
            status = solver.solve(rm.model)
            work[0] += solver.deterministic_time
            if status != cp_model.UNKNOWN or time_left() <= 0 or stopped():
                break
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None, budget - time_left()
        for key in rm.vars.extract(solver.boolean_value):
            chosen.append(key)
            taken[key[1]] += 1
    return frozenset(chosen), budget - time_left()


def _alone(inst: Instance, vid: str, posts: list[Post], taken: Counter[Post], pinned: set[Post]) -> Instance:
    """`inst` with only `vid`, the posts they may still take (and their pins' posts), and
    each post's demand less the people already there."""
    alone = copy.copy(inst)  # the derived facts (calendar, slots, cached rules) stay shared
    volunteer = inst.volunteers[vid]
    alone.scenario = replace(inst.scenario, volunteers=(volunteer,), pinned=(), previous=())
    alone.volunteers = {vid: volunteer}
    demand = {}
    for post in posts:
        d = inst.demand[post]
        there = taken[post]
        if d.max - there > 0 or post in pinned:
            demand[post] = Demand(max(0, d.min - there), max(1, d.max - there), d.under_weight, d.over_weight)
    alone.demand = demand
    open_posts = [post for post in posts if post in demand]
    alone.__dict__["eligible"] = {vid: open_posts}
    alone.__dict__["allowed"] = {vid: [post for post in inst.allowed.get(vid, []) if post in demand]}
    return alone
