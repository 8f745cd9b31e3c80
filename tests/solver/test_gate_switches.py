"""The searching model bounds a person's minutes at a gate by their cap times "uses the
gate" (`solver.terms.gate_switches`), for its LP bound; that cut must not change which
rosters are best. Checked against the plain statement ("uses >= each post there" only), on
weeks small enough that both are proven optimal, every answer's terms recomputed by the
independent validator."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solver import terms
from solver.generate import random_scenario
from solver.instance import Instance
from solver.model import SolveOptions, solve
from solver.scenario import Assignment
from solver.validate import objective_terms
from tests.helpers.scenarios import assert_valid, version_2

OPTIONS = SolveOptions(time_limit_s=20, workers=8)


def _plain_gate_switches(m):
    switches, upper = [], 0
    for vid, posts in m.vars.by_person.items():
        by_gate = defaultdict(list)
        for post, var in posts:
            by_gate[post.gate].append(var)
        if len(by_gate) < 2:
            continue
        used = []
        for gate_vars in by_gate.values():
            flag = m.model.new_bool_var("uses")
            for var in gate_vars:
                m.model.add(flag >= var)
            used.append(flag)
        switch = m.model.new_int_var(0, len(used) - 1, "switches")
        m.model.add(switch >= sum(used) - 1)
        switches.append(switch)
        upper += len(used) - 1
    return terms.Term("gate_switches", sum(switches), upper)


def _optimum(scenario):
    roster = solve(scenario, OPTIONS)
    assert roster.status == "OPTIMAL"
    assert_valid(scenario, roster)
    return roster.objective, objective_terms(scenario, roster.assignments)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                    HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), volunteers=st.integers(4, 9), days=st.integers(2, 3))
def test_the_cap_cut_finds_the_same_optimum_as_the_plain_statement(monkeypatch, seed, volunteers, days):
    # Tight caps, so that people stand at their cap across gates, where a wrong cut would bind:
    # a weekly cap of 8-16 hours (12 by default) scaled to two or three days is 2.3-6.9
    # hours, one or two posts of 2-6 hours.
    scenario = version_2(random_scenario(seed, gates=3, volunteers=volunteers, days=days), seed)
    with_cut, terms_with_cut = _optimum(scenario)
    monkeypatch.setattr(terms, "gate_switches", _plain_gate_switches)
    plain, terms_plain = _optimum(scenario)
    assert with_cut == plain, (terms_with_cut, terms_plain)


def test_a_person_pinned_to_their_whole_cap_at_one_gate_keeps_the_pins():
    # Pinned on the first day to two open posts at one gate that make exactly their cap over
    # the two days, while the gate offers them more (the second day too): the cut is stated
    # and their minutes there equal its right-hand side, which must still allow them.
    base = version_2(random_scenario(3, gates=2, volunteers=3, days=2), 3)
    day = base.start_date
    open_posts = sorted((post for post in Instance(base).demand if post.date == day), key=lambda p: (p.gate, p.slot))
    gate = open_posts[0].gate
    first, second = [post.slot for post in open_posts if post.gate == gate][:2]
    minutes = sum(slot.minutes for slot in base.slots if slot.id in (first, second))
    every_slot = tuple(slot.id for slot in base.slots)
    person = replace(base.volunteers[1], minor=False, employed=False, allowed_gates=None,
                     available={key: every_slot for key in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")},
                     unavailable_dates=frozenset(), max_hours_per_week=minutes * 7 / (60 * base.days))
    pins = (Assignment(person.id, gate, day, first, pinned=True), Assignment(person.id, gate, day, second, pinned=True))
    scenario = replace(base, volunteers=(base.volunteers[0], person, base.volunteers[2]), pinned=pins)
    inst = Instance(scenario)
    assert inst.cap_minutes(person) == minutes
    offered = sum(inst.slots[post.slot].minutes for post in inst.eligible[person.id] if post.gate == gate)
    assert offered > minutes
    roster = solve(scenario, OPTIONS)
    assert roster.status == "OPTIMAL", roster.conflicts
    assert_valid(scenario, roster)
    mine = {(a.gate, a.date, a.slot) for a in roster.assignments if a.volunteer == person.id}
    assert mine == {(gate, day, first), (gate, day, second)}
