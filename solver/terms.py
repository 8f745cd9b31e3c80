"""The objective's terms: coverage (missing people, unmet needs) and the soft terms.

Each function builds one named term on a `RosterModel` and returns it as a `Term` (an
integer expression and its largest possible value); `solver.model` weighs and orders
them.

Auxiliary variables are bounded from one side only (e.g. short >= min − people): the
objective pushes them down to the true value at the optimum, and the lighter model finds
good rosters sooner (measured on the demo week: cost 151 and 141 after 15 s against 180
and 164 with both sides). An answer's terms are valued without a model, in plain Python
(`solver.term_values`), as the terms here define them.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Mapping

from ortools.sat.python import cp_model

from solver.scenario import DEFAULT_WEIGHTS, SOFT_TERMS

if TYPE_CHECKING:
    from solver.model import RosterModel

# Load ratios are measured in tenths of each person's cap. Slots last 2–6 hours against
# caps of 8–16, so finer steps tell a clerk nothing new, while they cost the proof of
# optimality seconds (measured on random community weeks: tenths proved in 0.2–1.2 s with
# 8 workers, permille left some unproven after 20 s).
LOAD_STEPS = 10


@dataclass(frozen=True)
class Term:
    """A named soft term: `expr` (an integer expression) costs `weight` per unit."""

    name: str
    expr: cp_model.LinearExprT
    upper: int
    weight: int = 0


def version_2_terms(m: RosterModel, weights: Mapping[str, int]) -> list[Term]:
    """The weighted soft terms of a version-2 scenario, in `SOFT_TERMS` order, at the
    scenario's `weights` (`DEFAULT_WEIGHTS` when not named, as the format says).

    A term weighing 0 costs nothing, so the model that searches does not build it (a
    benchmark's year weighs every one 0: their variables took a third of its model). The
    answer reports each (`solver.term_values`)."""
    builders = (registered_shortfall, changes, hours_spread, nonemployed_off_hours, employed_working_hours,
                gate_switches, split_days, unpreferred_gates, unpreferred_slots)
    out = []
    for name, build in zip(SOFT_TERMS, builders):
        weight = weights.get(name, DEFAULT_WEIGHTS[name])
        if weight == 0:
            out.append(Term(name, 0, 0, 0))
        else:
            term = build(m)
            out.append(Term(term.name, term.expr, term.upper, weight))
    return out


def version_3_terms(m: RosterModel) -> list[Term]:
    """Version 3's terms the scenario can pay, in `VERSION_3_TERMS` order: over-cover when
    a demand rule has an `over_weight`, each kind of request when someone has one."""
    scenario = m.inst.scenario
    out = []
    if any(rule.over_weight > 0 for gate in scenario.gates for rule in gate.demand):
        out.append(over_cover(m))
    kinds = {r.wanted for v in scenario.volunteers for r in v.requests}
    if True in kinds:
        out.append(_requests(m, wanted=True))
    if False in kinds:
        out.append(_requests(m, wanted=False))
    return out


def _count(name: str, variables: list) -> Term:
    return Term(name, sum(variables), len(variables))


def _at_least_max(m: RosterModel, var: cp_model.IntVar, exprs: list) -> cp_model.IntVar:
    """var >= every expr (the objective pushes it down to their maximum)."""
    for expr in exprs:
        m.model.add(var >= expr)
    return var


def _max_of(m: RosterModel, exprs: list) -> cp_model.IntVar:
    return _at_least_max(m, m.model.new_int_var(-2, 1, "gap"), exprs)


def _positive_part(m: RosterModel, expr: cp_model.LinearExprT, upper: int, name: str) -> cp_model.IntVar:
    """max(0, expr), at least (the objective pushes it down; at least 0 is its domain's,
    no constraint)."""
    return _at_least_max(m, m.model.new_int_var(0, upper, name), [expr])


def _total(items: list) -> cp_model.LinearExprT:
    """The sum of `items` (0, a plain int, when there are none), in one call rather than
    one addition each: Python's `sum` took 64 µs for a post's 90 people."""
    return cp_model.LinearExpr.sum(items) if items else 0


def missing_people(m: RosterModel, weighted: bool = False) -> Term:
    """People below each post's `min`; with `weighted` (version 3's weighted coverage),
    each counts its post's `under_weight`."""
    shorts = []
    upper = 0
    for post, demand in m.inst.demand.items():
        price = demand.under_weight if weighted else 1
        if demand.min == 0 or price == 0:
            continue
        short = _positive_part(m, demand.min - m.vars.people_at(post), demand.min,
                               f"short[{post.gate},{post.date},{post.slot}]")
        shorts.append(short if price == 1 else price * short)
        upper += price * demand.min
    return Term("missing_people", _total(shorts), upper)


def unmet_needs(m: RosterModel) -> Term:
    unmet = []
    upper = 0
    for post, demand in m.inst.demand.items():
        if demand.max == 0:
            continue
        needs = m.inst.gates[post.gate].needs
        people = m.vars.by_post.get(post, [])
        wanted = [("party", needs.party_member, lambda v: v.party_member)]
        wanted += [(skill, n, lambda v, s=skill: s in v.skills) for skill, n in needs.skills.items()]
        for label, n, has in wanted:
            if n <= 0:
                continue
            with_it = [var for vid, var in people if has(m.inst.volunteers[vid])]
            unmet.append(_positive_part(m, n - sum(with_it), n, f"unmet[{label},{post.gate},{post.date},{post.slot}]"))
            upper += n
    return Term("unmet_needs", _total(unmet), upper)


def previous_dropped(m: RosterModel) -> Term:
    kept = [m.vars.get(a.volunteer, a.post) for a in m.inst.scenario.previous]
    kept = [var for var in kept if var is not None]
    # Previous assignments that are no longer allowed cannot be kept: they cost the same in
    # every answer, so they are left out of the term rather than counted.
    return Term("previous_dropped", len(kept) - sum(kept), len(kept))


def hours_spread(m: RosterModel) -> Term:
    """Max minus min load in `LOAD_STEPS`, over people who can serve at all.

    load = (recent minutes + minutes served) / (scale + history_weeks × weekly cap), where
    scale is the person's cap over the horizon, or what they could serve at most if that is
    less (someone free for a single post is not idle), so that with history the same
    willing people are not used up week after week."""
    loads = _loads(m)
    if not loads:
        return Term("hours_spread", 0, 0)
    # What they could serve without a cap, not what they can reach under it: the upper
    # sets the weights of a version-1 objective's lower terms, as `solver.term_values` reads them.
    top = max(1, math.ceil(LOAD_STEPS * max((load.recent + load.possible) / load.full for load in loads)))
    return _hours_spread_by_levels(m, loads, top)


@dataclass(frozen=True)
class _Load:
    """One person's load: (recent + minutes) / full, `minutes` an expression of the model;
    `reachable`: every number of minutes they could serve (see `_reachable_minutes`)."""

    vid: str
    full: Fraction
    recent: Fraction
    minutes: cp_model.LinearExprT
    possible: int
    reachable: tuple[int, ...]

    def up(self, minutes: int) -> int:
        return math.ceil(LOAD_STEPS * (self.recent + minutes) / self.full)

    def down(self, minutes: int) -> int:
        return math.floor(LOAD_STEPS * (self.recent + minutes) / self.full)


def _loads(m: RosterModel) -> list[_Load]:
    loads = []
    for vid, allowed in m.inst.allowed.items():
        volunteer = m.inst.volunteers[vid]
        # Measured against every post the fixed rules allow, even where a repair lets
        # nothing change: the measure must not depend on how we search.
        basis = m.inst.load_basis(volunteer)
        if basis is None:
            continue
        full, recent, possible = basis
        cap = m.inst.cap_minutes(volunteer)
        minutes = sum(m.inst.slots[p.slot].minutes * var for p, var in m.vars.by_person.get(vid, []))
        lengths = [m.inst.slots[p.slot].minutes for p in allowed]
        reachable = _reachable_minutes(lengths, possible if cap is None else min(cap, possible))
        loads.append(_Load(vid, full, recent, minutes, possible, reachable))
    return loads


def _reachable_minutes(lengths: list[int], most: int) -> tuple[int, ...]:
    """Every sum of some of `lengths` up to `most`: a superset of the minutes a person can
    serve (their posts' lengths, under their cap), so no roster is cut off by it."""
    reach = {0}
    for length in lengths:
        reach |= {r + length for r in reach if r + length <= most}
    return tuple(sorted(reach))


def _hours_spread_by_levels(m: RosterModel, loads: list[_Load], top: int) -> Term:
    """The spread for the model that searches, stated so that its LP bound holds.

    hi and lo are counted in levels (hi = Σ [hi ≥ k], lo = Σ [lo ≥ k]), and each person's
    minutes are one of the sums they can reach (a boolean each): serving minutes whose
    ceiling is k or more lifts [hi ≥ k]; minutes whose floor is below k clear [lo ≥ k].
    Stated as "hi ≥ each ceiling", the LP spread everyone's minutes evenly and bounded the
    spread at a fraction of the optimum, where a person's load only moves in whole posts;
    this is each person's load exactly, so the bound sees the posts' granularity (measured
    2026-12-03 on community weeks, 2 workers: version 1 weeks proven in 0.4–0.7 s against
    0.5–1.2 s, and 25–50 % gaps after 10 s without `max_lp`; the bound of version 2's
    weeks without gate switches from 184 to 216 against an optimum of 211–223)."""
    # Levels only as high as anyone can reach under their cap; `top` (what they could serve
    # without one) stays the term's upper, which weighs the terms below it.
    reach = max(1, max(load.up(load.reachable[-1]) for load in loads))
    at_least_hi = [m.model.new_bool_var(f"hi>={k}") for k in range(1, reach + 1)]
    at_least_lo = [m.model.new_bool_var(f"lo>={k}") for k in range(1, reach + 1)]
    for levels in (at_least_hi, at_least_lo):
        for lower, higher in zip(levels, levels[1:]):
            m.model.add_implication(higher, lower)
    for load in loads:
        serves = [(minutes, m.model.new_bool_var(f"serves[{load.vid},{minutes}]")) for minutes in load.reachable]
        m.model.add_exactly_one(var for _, var in serves)
        m.model.add(sum(minutes * var for minutes, var in serves) == load.minutes)
        # Ceilings and floors rise with the minutes: the vars from the first whose ceiling
        # reaches k lift [hi ≥ k]; those before the first whose floor reaches k clear [lo ≥ k].
        ups = [load.up(minutes) for minutes, _ in serves]
        downs = [load.down(minutes) for minutes, _ in serves]
        for k in range(1, reach + 1):
            lifting = bisect.bisect_left(ups, k)
            if lifting < len(serves):
                m.model.add(sum(var for _, var in serves[lifting:]) <= at_least_hi[k - 1])
            clearing = bisect.bisect_left(downs, k)
            if clearing > 0:
                m.model.add(sum(var for _, var in serves[:clearing]) + at_least_lo[k - 1] <= 1)
    return Term("hours_spread", sum(at_least_hi) - sum(at_least_lo), top)


def unpreferred_gates(m: RosterModel) -> Term:
    off = []
    for (vid, post), var in m.vars.x.items():
        preferred = m.inst.volunteers[vid].preferred_gates
        if preferred and post.gate not in preferred:
            off.append(var)
    return _count("unpreferred_gates", off)


def unpreferred_slots(m: RosterModel) -> Term:
    off = []
    for (vid, post), var in m.vars.x.items():
        preferred = m.inst.volunteers[vid].preferred_slots
        if preferred and post.slot not in preferred:
            off.append(var)
    return _count("unpreferred_slots", off)


def registered_shortfall(m: RosterModel) -> Term:
    """Posts that registered (双报到) volunteers stand short of the community's minimum."""
    required = m.inst.registered_minimum()
    shorts, upper = [], 0
    for v in m.inst.scenario.volunteers:
        if not v.registered or required == 0:
            continue
        posts = [var for _, var in m.vars.by_person.get(v.id, [])]
        shorts.append(_positive_part(m, required - sum(posts), required, f"registered_short[{v.id}]"))
        upper += required
    return Term("registered_shortfall", sum(shorts), upper)


def changes(m: RosterModel) -> Term:
    """Differences from `previous`: kept assignments dropped plus new ones added.

    Only counted when there is a previous roster: on a first solve every assignment would
    otherwise be a "change". Previous assignments no longer allowed cannot be kept and cost
    the same in every answer, so they are left out."""
    previous = {(a.volunteer, a.post) for a in m.inst.scenario.previous}
    if not previous:
        return Term("changes", 0, 0)
    dropped = [var for key, var in m.vars.x.items() if key in previous]
    added = [var for key, var in m.vars.x.items() if key not in previous]
    capacity = sum(d.max for d in m.inst.demand.values())
    return Term("changes", len(dropped) - sum(dropped) + sum(added), len(dropped) + min(capacity, len(added)))


def nonemployed_off_hours(m: RosterModel) -> Term:
    """Non-employed adults at posts outside working hours on workdays: evenings and early
    mornings go to the employed, as the party-member rule intends."""
    off = [
        var for (vid, post), var in m.vars.x.items()
        if not m.inst.volunteers[vid].employed and not m.inst.volunteers[vid].minor
        and m.inst.workday[post.date] and not m.inst.in_working_hours(m.inst.slots[post.slot])
    ]
    return _count("nonemployed_off_hours", off)


def employed_working_hours(m: RosterModel) -> Term:
    """Employed volunteers inside working hours (rest days only): those go to the non-employed."""
    inside = [
        var for (vid, post), var in m.vars.x.items()
        if m.inst.volunteers[vid].employed and m.inst.in_working_hours(m.inst.slots[post.slot])
    ]
    return _count("employed_working_hours", inside)


def gate_switches(m: RosterModel) -> Term:
    """Each gate a person stands at beyond their first: the same gate all week is easier.

    Besides "uses a gate >= each post there", a person's minutes at a gate are at most
    their cap times "uses" (where the gate offers them more than the cap): in the LP a
    person spread over four gates a quarter each saw no switch at all, and now a quarter of
    a use only carries a quarter of the cap. Community weeks under version 2, 30 s, 2 workers, two
    solver seeds (2026-12-03): proven 7 of 12 times against 6, the bound of the unproven
    #3 at 401–403 against 394–395 (its best 408)."""
    switches, upper = [], 0
    for vid, posts in m.vars.by_person.items():
        by_gate: dict[str, list] = defaultdict(list)
        for post, var in posts:
            by_gate[post.gate].append((post, var))
        if len(by_gate) < 2:
            continue
        cap = m.inst.cap_minutes(m.inst.volunteers[vid])
        used = []
        for gate_id, gate_posts in by_gate.items():
            # Only "uses >= ..." is needed: the objective pushes uses down.
            flag = m.model.new_bool_var(f"uses[{vid},{gate_id}]")
            gate_vars = [var for _, var in gate_posts]
            used.append(_at_least_max(m, flag, gate_vars))
            minutes = [m.inst.slots[post.slot].minutes for post, _ in gate_posts]
            # Below the cap, "uses >= each post" already implies it. Valid only while the cap
            # is a hard rule (`max_hours`, never relaxed; pins above it are named before the
            # solve): a mode relaxing it must leave this out.
            if cap is not None and cap < sum(minutes):
                m.model.add(cp_model.LinearExpr.weighted_sum(gate_vars, minutes) <= cap * flag)
        switches.append(_positive_part(m, sum(used) - 1, len(used) - 1, f"switches[{vid}]"))
        upper += len(used) - 1
    return Term("gate_switches", sum(switches), upper)


def split_days(m: RosterModel) -> Term:
    """Days on which a person's posts are not one unbroken stretch (e.g. 06–08 and 18–22)."""
    bounds = sorted({t for s in m.inst.scenario.slots for t in (s.start, s.end)})
    segments = list(zip(bounds, bounds[1:]))
    splits = []
    for (vid, day), posts in m.vars.by_person_day.items():
        if len(posts) < 2:
            continue
        # covered[i]: the person stands somewhere during elementary segment i (at most one
        # post at a time, so a plain sum); the day is split when a covered segment, then an
        # uncovered one, then a covered one follow each other.
        covered = [
            sum(var for post, var in posts if m.inst.slots[post.slot].start <= a and b <= m.inst.slots[post.slot].end)
            for a, b in segments
        ]
        possible = [not isinstance(c, int) for c in covered]
        gaps = [
            covered[i] + covered[k] - covered[j] - 1
            for i in range(len(segments)) for k in range(i + 2, len(segments)) if possible[i] and possible[k]
            for j in range(i + 1, k)
        ]
        if not gaps:
            continue  # only touching posts are possible: the day cannot be split
        splits.append(_positive_part(m, gaps[0] if len(gaps) == 1 else _max_of(m, gaps), 1, f"split[{vid},{day}]"))
    return _count("split_days", splits)




def over_cover(m: RosterModel) -> Term:
    """Each person above a post's `min` costs the post's `over_weight` (the hard `max`
    bounds how many)."""
    surplus, upper = [], 0
    for post, demand in m.inst.demand.items():
        most = min(demand.max, len(m.vars.by_post.get(post, ()))) - demand.min
        if demand.over_weight <= 0 or most <= 0:
            continue
        extra = _positive_part(m, m.vars.people_at(post) - demand.min, most,
                               f"over[{post.gate},{post.date},{post.slot}]")
        surplus.append(demand.over_weight * extra)
        upper += demand.over_weight * most
    return Term("over_cover", cp_model.LinearExpr.sum(surplus), upper)


def _requests(m: RosterModel, wanted: bool) -> Term:
    """`on_requests` (wanted) or `off_requests`: the weights of the requests not granted.

    Whether a person stands in a slot on a date is the plain sum of their posts in it at
    every gate (a slot overlaps itself, so at most one), so a request needs no variable of
    its own: 1 − that sum for a wanted one, the sum for an unwanted one."""
    costs, upper = [], 0
    for v in m.inst.scenario.volunteers:
        for r in v.requests:
            if r.wanted != wanted:
                continue
            stands = [var for post, var in m.vars.by_person_day.get((v.id, r.date), ()) if post.slot == r.slot]
            there = cp_model.LinearExpr.sum(stands)
            costs.append(r.weight * (1 - there) if wanted else r.weight * there)
            upper += r.weight
    return Term("on_requests" if wanted else "off_requests", cp_model.LinearExpr.sum(costs), upper)
