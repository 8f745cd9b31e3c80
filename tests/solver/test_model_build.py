"""The model as built quickly for a year's benchmark is the model the rules state: on random
weeks of every version, a roster is a solution of it (its decisions fixed, every other
variable free) exactly when the independent validator finds no hard rule broken, and who
may stand where (`Instance.allowed`, worked out post by post once) is what
`Instance.why_ineligible` says person by person."""

from __future__ import annotations

import random
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from solver.generate import random_scenario
from solver.instance import Instance
from solver.model import RosterModel, SolveOptions, solve
from solver.scenario import Assignment, Post, Scenario
from solver.validate import hard_violations
from tests.helpers.scenarios import version_2
from tests.solver.test_engine_v3 import _version_3, _weighted

SHORT = SolveOptions(time_limit_s=2, workers=2, deterministic=True)


def _scenario(version: str, seed: int, volunteers: int, days: int) -> Scenario:
    base = random_scenario(seed, gates=2, volunteers=volunteers, days=days)
    if version == "1":
        return base
    if version == "2":
        return version_2(base, seed)
    if version == "3 weighted":
        return _weighted(base, seed)
    scenario = _version_3(base, random.Random(seed))
    if seed % 2:
        return scenario
    # As the benchmark states it: one post a day, forbidden sequences grouped by the slots
    # after (here a slot tomorrow is in two groups) or before them (a slot today in two),
    # people with both the fewest and the most minutes.
    pairs = (("eve", "early"), ("eve", "am"), ("pm", "early"), ("pm", "am"), ("am", "early"))
    if seed % 4:
        pairs = tuple((b, a) for a, b in pairs)
    one_a_day = replace(scenario.rules, max_slots_per_day=1, forbidden_sequences=pairs)
    people = tuple(replace(v, min_minutes=240, max_minutes=480) if i % 3 == 0 else v
                   for i, v in enumerate(scenario.volunteers))
    return replace(scenario, rules=one_a_day, volunteers=people)


def _accepts(scenario: Scenario, roster: set[tuple[str, object]]) -> bool:
    """Whether the model has a solution with exactly these decisions true."""
    rm = RosterModel(Instance(scenario), [])
    for key, var in rm.vars.x.items():
        rm.model.add(var == (key in roster))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    status = solver.solve(rm.model)
    assert status != cp_model.UNKNOWN
    return status in (cp_model.OPTIMAL, cp_model.FEASIBLE)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(version=st.sampled_from(["1", "2", "3 weighted", "3", "3"]), seed=st.integers(0, 10_000),
       volunteers=st.integers(4, 10), days=st.integers(2, 8))
def test_the_model_accepts_exactly_the_rosters_the_validator_does(version, seed, volunteers, days):
    scenario = _scenario(version, seed, volunteers, days)
    inst = Instance(scenario)
    people = [vid for vid, posts in inst.eligible.items() if posts]
    answer = {(a.volunteer, a.post) for a in solve(scenario, SHORT).assignments}
    rng = random.Random(seed)
    for _ in range(16):
        # The answer with a few of one person's decisions flipped: near a valid roster, so
        # that both verdicts come up and each of the person's rules is tried at its edge.
        vid = rng.choice(people)
        roster = set(answer)
        for post in rng.sample(inst.eligible[vid], min(len(inst.eligible[vid]), rng.randint(1, 3))):
            roster ^= {(vid, post)}
        valid = not hard_violations(scenario, [Assignment(vid, p.gate, p.date, p.slot) for vid, p in roster])
        assert _accepts(scenario, roster) == valid, sorted(roster ^ answer)


@settings(max_examples=60, deadline=None)
@given(version=st.sampled_from(["1", "2", "3"]), seed=st.integers(0, 10_000))
def test_allowed_is_why_ineligible_post_by_post(version, seed):
    scenario = _scenario(version, seed, volunteers=12, days=7)
    inst = Instance(scenario)
    posts = [p for p, d in inst.demand.items() if d.max > 0]
    assert inst.allowed == {v.id: [p for p in posts if inst.why_ineligible(v, p) is None]
                            for v in scenario.volunteers}


def test_a_posts_people_are_gathered_by_value_when_its_objects_differ():
    """The model gathers each post's people by the post object (each person's posts are
    the instance's same objects); posts given as equal but distinct objects still meet."""
    inst = Instance(random_scenario(3, gates=2, volunteers=6, days=2))
    inst.eligible = {vid: [Post(p.gate, p.date, p.slot) for p in posts] for vid, posts in inst.allowed.items()}
    expected: dict[Post, list[str]] = {}
    for vid, posts in inst.eligible.items():
        for post in posts:
            expected.setdefault(post, []).append(vid)
    assert max(len(people) for people in expected.values()) > 1
    rm = RosterModel(inst, [])
    assert {post: [vid for vid, _ in people] for post, people in rm.vars.by_post.items()} == expected
