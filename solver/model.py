"""The CP-SAT model that assigns volunteers to posts, and `solve`, its one entry point.

Hard rules (each a function below, composed in `HARD_RULES`): coverage max per open post;
closed posts, availability, allowed gates, minors' latest hour and the party-member rule on
the Chinese workday calendar (no variable exists for a post a person may not take); no
overlapping posts; max posts per day; max hours over the horizon (own, kind's and minors'
caps); max consecutive days (the community's or the person's own, the stricter); minimum
rest between days; minors never alone; pins. Version 3's general rules, each built only for
the people who have it: posts per slot, minutes over the horizon (most and fewest), runs of
days on and off duty at least so long inside the horizon, weekends, forbidden sequences of
slots on consecutive dates.

The objective (docs/scenario-format.md) puts coverage first unless the scenario weighs it
(`Scenario.coverage == "weighted"`): missing people, then unmet gate needs, each weighted
above everything below it can cost. Below them:
- version 1: previous assignments not kept, hours spread, unpreferred gates, likewise in
  strict order;
- version 2: the weighted soft terms of `solver.scenario.SOFT_TERMS`, with the scenario's
  weights, each reported with its cost in the answer;
- version 3: over-cover and requests (`VERSION_3_TERMS`), when the scenario can pay them.
With weighted coverage, every term, coverage included, is one weighted sum; a large such
model is searched from a starting roster by neighbourhoods (`solver.heuristic`,
`solver.lns`).
"""

from __future__ import annotations

import datetime as dt
import gc
import math
import os
import threading
import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Mapping, Sequence

from ortools.sat.python import cp_model

from solver.conflicts import find_conflicts
from solver.coverage_start import coverage_start
from solver.explain import Texts, classify, duties_of
from solver.instance import Instance
from solver.heuristic import starting_roster
from solver.lns import NeighbourhoodSearch
from solver.term_values import term_values
from solver.terms import (
    Term,
    changes,
    hours_spread,
    missing_people,
    previous_dropped,
    unmet_needs,
    unpreferred_gates,
    version_2_terms,
    version_3_terms,
)
from solver.scenario import (
    WEIGHTED_COVERAGE_DEFAULTS,
    Assignment,
    Conflict,
    Needs,
    Post,
    Roster,
    Scenario,
    Shortage,
    Shortfall,
    TermCost,
)

COVERAGE_TERMS = 2
"""Every objective starts with missing people and unmet needs (see `RosterModel.terms`)."""


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 2


DEFAULT_WORKERS = max(2, min(8, _cores()))
"""One CP-SAT worker per core, two at least and eight at most. Two, one of them
`FULL_LP_WORKER`, prove a community's week sooner on two cores than CP-SAT's eight-worker
portfolio (2026-12-03, load 4.9: version 1 weeks in 1.1–1.7 s against 1.5–3.6 s; version 2
weeks' answers 353–436 after 10 s against 572–626), which starves there; with the cores for
it, eight search best."""


@dataclass(frozen=True)
class SolveOptions:
    """How to search."""

    time_limit_s: float = 10.0
    workers: int = DEFAULT_WORKERS
    seed: int = 0
    language: str = "zh"
    deterministic: bool = False
    """Same answer for the same scenario, seed and workers, on any machine and load: the
    workers take turns (CP-SAT's interleaved search) and `time_limit_s` counts CP-SAT's
    deterministic work units instead of seconds (about two seconds each on 2 cores here)."""
    repair: bool = False
    """Repair the `previous` roster instead of solving afresh: every previous assignment the
    fixed rules still allow stays, and only the posts it can no longer fill (a drop-out's
    posts) get new people. Falls back to a full solve, with a warning, if the kept
    assignments break a rule that changed."""


@dataclass(frozen=True)
class Progress:
    """One improving solution, as reported to a progress callback.

    `stage` is "coverage" while the fewest missing people are sought (objective and bound
    then count coverage only) and "preferences" after (the full objective)."""

    wall_time_s: float
    objective: int
    bound: int
    solutions: int
    stage: str = "preferences"


def _unnamed_bool_var(model: cp_model.CpModel) -> Callable[[], cp_model.IntVar]:
    """Makes nameless booleans, sharing one domain where OR-Tools allows (its newer,
    C++-backed variables, as in 9.15): `new_bool_var` builds a name and a domain each time,
    two thirds of a million variables' time (measured: 0.7 against 1.9 s per 300,000)."""
    if hasattr(cp_model.IntVar, "with_domain") and hasattr(cp_model, "Domain"):
        proto, domain = model.model_proto, cp_model.Domain(0, 1)
        return lambda: cp_model.IntVar(proto).with_domain(domain)
    return lambda: model.new_bool_var("")


class AssignmentVars:
    """The decision variables: one boolean per (volunteer, post) the person may take.

    Variables of a large model go unnamed: a benchmark's year has a million, and their
    names cost seconds."""

    def __init__(self, model: cp_model.CpModel, inst: Instance):
        self.x: dict[tuple[str, Post], cp_model.IntVar] = {}
        self.by_post: dict[Post, list[tuple[str, cp_model.IntVar]]] = defaultdict(list)
        self.by_person_day: dict[tuple[str, object], list[tuple[Post, cp_model.IntVar]]] = defaultdict(list)
        self.by_person: dict[str, list[tuple[Post, cp_model.IntVar]]] = defaultdict(list)
        self._people_at: dict[Post, cp_model.LinearExprT] = {}
        self.named = named = sum(len(posts) for posts in inst.eligible.values()) <= LARGE_MODEL_VARIABLES
        self.unnamed_bool = unnamed = _unnamed_bool_var(model)
        x, by_person_day = self.x, self.by_person_day
        # Each post's people are gathered by the post object's identity (every person's
        # posts are the instance's same objects) and keyed by the post once at the end:
        # hashing a Post runs Python code, a million times for a benchmark's year.
        at_post: dict[int, list[tuple[str, cp_model.IntVar]]] = {}
        posts_seen: list[Post] = []
        for vid, posts in inst.eligible.items():
            if not posts:
                continue  # by_person holds only people with a post to decide
            if named:
                made = [model.new_bool_var(f"x[{vid},{p.gate},{p.date},{p.slot}]") for p in posts]
            else:
                made = [unnamed() for _ in posts]
            pairs = self.by_person[vid] = list(zip(posts, made))
            for pair in pairs:
                post, var = pair
                x[vid, post] = var
                people = at_post.get(id(post))
                if people is None:
                    people = at_post[id(post)] = []
                    posts_seen.append(post)
                people.append((vid, var))
                by_person_day[vid, post.date].append(pair)
        self.by_post.update((post, at_post[id(post)]) for post in posts_seen)
        if len(self.by_post) < len(posts_seen):  # equal posts as different objects: by value
            self.by_post.clear()
            for vid, pairs in self.by_person.items():
                for post, var in pairs:
                    self.by_post[post].append((vid, var))

    def get(self, vid: str, post: Post) -> cp_model.IntVar | None:
        return self.x.get((vid, post))

    def people_at(self, post: Post) -> cp_model.LinearExprT:
        """How many stand at `post`, one expression shared by the rules and terms that count them."""
        total = self._people_at.get(post)
        if total is None:
            total = self._people_at[post] = cp_model.LinearExpr.sum([var for _, var in self.by_post.get(post, ())])
        return total

    def extract(self, value: Callable[[cp_model.IntVar], int]) -> list[tuple[str, Post]]:
        return [key for key, var in self.x.items() if value(var)]


MINIMUM_RULES = ("min_minutes", "min_consecutive_days", "min_consecutive_days_off")
"""Version 3's per-person rules that ask for something: alone (or with pins, or with the
person's limits) they can leave no roster at all. When they do, the answer names them and
leaves them out for the people concerned (see `solve_with_stats`)."""

LIMIT_RULES = ("max_posts_by_slot", "max_minutes", "max_consecutive_days", "max_weekends")
"""Version 3's per-person limits: never left out (no posts keep them all), but named when
they take part in a contradiction."""


class RosterModel:
    """Builds the model for one instance; `pins` are the pins to enforce.

    With `coverage_only`, the objective has only missing people and unmet needs: a lean
    model (no variables for the soft terms) that proves coverage fast even for a street
    office's week.

    `relaxed` holds (volunteer, rule) pairs of `MINIMUM_RULES` left out. With `diagnose`,
    every per-person version-3 rule holds only under a literal of its own
    (`rule_literals`), so that CP-SAT assumptions can name the rules that contradict each
    other, as `pin_literals` name pins.

    An answer's terms are valued without a model (`solver.term_values`)."""

    def __init__(self, inst: Instance, pins: list[Assignment], coverage_only: bool = False,
                 keep: frozenset[tuple[str, Post]] = frozenset(),
                 relaxed: frozenset[tuple[str, str]] = frozenset(), diagnose: bool = False):
        self.inst = inst
        self.relaxed = relaxed
        self.diagnose = diagnose
        self.model = cp_model.CpModel()
        self.pins = pins
        self.pin_literals: dict[Assignment, cp_model.IntVar] = {}
        self.rule_literals: dict[tuple[str, str], cp_model.IntVar] = {}
        self._on_duty: dict[tuple[str, object], cp_model.IntVar | None] = {}
        with _collector_paused():
            self.vars = AssignmentVars(self.model, inst)
            for key in keep:
                self.model.add(self.vars.x[key] == 1)
            for rule in HARD_RULES:
                rule(self)
            self.terms = self._objective(coverage_only)
            self._hint_previous()

    def _objective(self, coverage_only: bool) -> list[Term]:
        scenario = self.inst.scenario
        weights = scenario.weights
        if coverage_only:
            coverage = [missing_people(self), unmet_needs(self)]
            if scenario.previous:
                # Re-solving a week (a repair that must reshuffle, a re-run): of the rosters
                # with the best coverage, the one closest to the previous, so the preferences
                # stage starts from it instead of from an arbitrary one far away.
                coverage.append(previous_dropped(self) if weights is None else changes(self))
            return strictly_ordered(coverage)
        extra = [Term(t.name, t.expr, t.upper, 1 if weights is None else weights.get(t.name, 1))
                 for t in version_3_terms(self)]
        if self.inst.weighted_coverage:
            coverage = [Term(t.name, t.expr, t.upper, weights.get(t.name, WEIGHTED_COVERAGE_DEFAULTS[t.name]))
                        for t in (missing_people(self, weighted=True), unmet_needs(self))]
            return coverage + version_2_terms(self, weights) + extra
        if weights is None:
            return strictly_ordered([missing_people(self), unmet_needs(self), previous_dropped(self),
                                     hours_spread(self), unpreferred_gates(self)], extra)
        return strictly_ordered([missing_people(self), unmet_needs(self)], version_2_terms(self, weights) + extra)

    def _hint_previous(self) -> None:
        previous = {(a.volunteer, a.post) for a in self.inst.scenario.previous}
        if not previous:
            return
        for key, var in self.vars.x.items():
            self.model.add_hint(var, key in previous)

    def on_duty(self, vid: str, day) -> cp_model.IntVar | None:
        """A literal true exactly when the person has a post on `day` (made once, when a
        rule first asks); None when they can have none that day."""
        key = (vid, day)
        if key in self._on_duty:
            return self._on_duty[key]
        posts = [var for _, var in self.vars.by_person_day.get(key, ())]
        if not posts:
            literal = None
        elif len(posts) == 1:
            literal = posts[0]
        else:
            literal = self.model.new_bool_var(f"on[{vid},{day}]") if self.vars.named else self.vars.unnamed_bool()
            if self.inst.one_post_a_day:
                self.model.add(cp_model.LinearExpr.sum(posts) == literal)
            else:
                self.model.add_max_equality(literal, posts)
        self._on_duty[key] = literal
        return literal

    def follows(self, vid: str, rule: str) -> bool:
        """Whether the person's `rule` is built (not left out after a contradiction)."""
        return (vid, rule) not in self.relaxed

    def guard(self, constraint: cp_model.Constraint, vid: str, rule: str) -> None:
        """When diagnosing, `constraint` holds only under the literal of the person's rule."""
        if not self.diagnose:
            return
        literal = self.rule_literals.get((vid, rule))
        if literal is None:
            literal = self.rule_literals[vid, rule] = self.model.new_bool_var(f"rule[{vid},{rule}]")
        constraint.only_enforce_if(literal)


@contextmanager
def _collector_paused():
    """Python's cycle collector paused while a model is built: a large one makes millions
    of objects and no cycles, and each collection walked all made so far (Instance24, a
    million decisions: 17.4 s → 14.8 s to build, 2026-12-03)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def strictly_ordered(terms: list[Term], below: list[Term] = ()) -> list[Term]:
    """Weights for `terms`, most important first, each above all that follows can cost."""
    weighted = list(below)
    floor = sum(t.weight * t.upper for t in weighted) + 1
    for term in reversed(terms):
        weighted.insert(0, Term(term.name, term.expr, term.upper, floor))
        floor = sum(t.weight * t.upper for t in weighted) + 1
    return weighted


# --- hard rules -------------------------------------------------------------------------


def coverage_max(m: RosterModel) -> None:
    demand = m.inst.demand
    for post, people in m.vars.by_post.items():
        most = demand[post].max
        if len(people) > most:  # else no choice of them can break it (a benchmark's posts: never)
            m.model.add(m.vars.people_at(post) <= most)


def no_overlap(m: RosterModel) -> None:
    if m.inst.scenario.rules.max_slots_per_day == 1:
        return  # one post a day at most (`max_posts_per_day`) already keeps posts apart
    groups = [frozenset(g) for g in m.inst.overlapping_slot_groups()]
    for (vid, day), posts in m.vars.by_person_day.items():
        for group in groups:
            at_once = [var for post, var in posts if post.slot in group]
            if len(at_once) > 1:
                m.model.add_at_most_one(at_once)


def max_posts_per_day(m: RosterModel) -> None:
    limit = m.inst.scenario.rules.max_slots_per_day
    if limit is None:
        return
    for posts in m.vars.by_person_day.values():
        if len(posts) > limit:
            if limit == 1:
                m.model.add_at_most_one([var for _, var in posts])
            else:
                m.model.add(sum(var for _, var in posts) <= limit)


def max_hours(m: RosterModel) -> None:
    for vid, posts in m.vars.by_person.items():
        cap = m.inst.cap_minutes(m.inst.volunteers[vid])
        if cap is None:
            continue
        minutes = [m.inst.slots[post.slot].minutes for post, _ in posts]
        if sum(minutes) > cap:
            m.model.add(cp_model.LinearExpr.weighted_sum([var for _, var in posts], minutes) <= cap)


def max_consecutive_days(m: RosterModel) -> None:
    """The stricter of the community's limit and the person's own (version 3)."""
    community = m.inst.scenario.rules.max_consecutive_days
    dates = m.inst.dates
    for vid in m.vars.by_person:
        volunteer = m.inst.volunteers[vid]
        own = volunteer.max_consecutive_days is not None and (community is None or volunteer.max_consecutive_days < community)
        limits = [(m.inst.max_consecutive_days(volunteer), own)]
        if own and m.diagnose and community is not None:
            limits.append((community, False))  # the community's still holds when the own is assumed away
        for limit, guarded in limits:
            if limit is None or limit >= len(dates):
                continue
            on = [m.on_duty(vid, day) for day in dates]
            every_day = all(flag is not None for flag in on)
            for start in range(len(dates) - limit):
                window = on[start : start + limit + 1]
                if not every_day:
                    window = [flag for flag in window if flag is not None]
                if len(window) > limit:
                    constraint = m.model.add(cp_model.LinearExpr.sum(window) <= limit)
                    if guarded:
                        m.guard(constraint, vid, "max_consecutive_days")


def min_rest_between_days(m: RosterModel) -> None:
    hours = m.inst.scenario.rules.min_rest_hours
    if not hours:
        return
    rest = hours * 60
    # A person stands at one gate per slot at most, so "at slot s on date d" is a plain sum
    # over gates; constraining slot pairs keeps this linear in slots, not in gates².
    for vid in m.vars.by_person:
        in_slot: dict[tuple, list] = defaultdict(list)
        for post, var in m.vars.by_person[vid]:
            in_slot[post.date, post.slot].append(var)
        keys = sorted(in_slot, key=lambda k: (k[0], m.inst.slots[k[1]].start))
        for i, (d1, s1) in enumerate(keys):
            end = m.inst.post_span(Post("", d1, s1))[1]
            for d2, s2 in keys[i + 1 :]:
                if d2 == d1:
                    continue
                start = m.inst.post_span(Post("", d2, s2))[0]
                if start - end >= rest:
                    continue
                m.model.add(sum(in_slot[d1, s1]) + sum(in_slot[d2, s2]) <= 1)


def minors_never_alone(m: RosterModel) -> None:
    if not any(v.minor for v in m.inst.scenario.volunteers):
        return
    for post, people in m.vars.by_post.items():
        adults = [var for vid, var in people if not m.inst.volunteers[vid].minor]
        for vid, var in people:
            if m.inst.volunteers[vid].minor:
                if adults:
                    m.model.add(var <= sum(adults))
                else:
                    m.model.add(var == 0)


def pins(m: RosterModel) -> None:
    # Pins are enforced through literals so that, when they contradict each other, the
    # same model can name a minimal set of them (see `_conflict_core`).
    for pin in m.pins:
        var = m.vars.get(pin.volunteer, pin.post)
        literal = m.model.new_bool_var(f"pin[{pin.volunteer},{pin.gate},{pin.date},{pin.slot}]")
        m.model.add(var == 1).only_enforce_if(literal)
        m.pin_literals[pin] = literal


# Version 3: general rules over the horizon, per person. Each is built only for the people
# who have it, so a community's week pays nothing for them. Limits that no choice of the
# person's possible posts could pass are not built at all.


def max_posts_by_slot(m: RosterModel) -> None:
    for vid, posts in m.vars.by_person.items():
        limits = m.inst.volunteers[vid].max_posts_by_slot
        if not limits:
            continue
        in_slot: dict[str, list] = defaultdict(list)
        for post, var in posts:
            if post.slot in limits:
                in_slot[post.slot].append(var)
        for slot, variables in in_slot.items():
            if len(variables) > limits[slot]:
                m.guard(m.model.add(cp_model.LinearExpr.sum(variables) <= limits[slot]), vid, "max_posts_by_slot")


def minutes_over_horizon(m: RosterModel) -> None:
    length = {slot_id: slot.minutes for slot_id, slot in m.inst.slots.items()}
    for volunteer in m.inst.scenario.volunteers:
        vid = volunteer.id
        if volunteer.max_minutes is None and not volunteer.min_minutes:
            continue
        posts = m.vars.by_person.get(vid, [])
        minutes = [length[post.slot] for post, _ in posts]
        total = cp_model.LinearExpr.weighted_sum([var for _, var in posts], minutes)
        most = volunteer.max_minutes if volunteer.max_minutes is not None and sum(minutes) > volunteer.max_minutes \
            else None
        # Built even when out of reach: the contradiction must reach the search to be named.
        least = volunteer.min_minutes if volunteer.min_minutes and m.follows(vid, "min_minutes") else None
        if most is not None and least is not None and least <= most and not m.diagnose:
            # Both in one constraint: a year's person has 7,000 decisions to state twice.
            m.model.add_linear_constraint(total, least, most)
            continue
        if most is not None:
            m.guard(m.model.add(total <= most), vid, "max_minutes")
        if least is not None:
            m.guard(m.model.add(total >= least), vid, "min_minutes")


def min_consecutive_days(m: RosterModel) -> None:
    """Runs on duty inside the horizon at least so long: for each s below the minimum and
    each start d with d − 1 and d + s inside the horizon, the pattern off(d − 1), on(d …
    d + s − 1), off(d + s) is forbidden, one clause each (the strong standard encoding;
    O(days × minimum²) literals, never days²)."""
    dates = m.inst.dates
    for vid in m.vars.by_person:
        least = m.inst.volunteers[vid].min_consecutive_days
        if not least or least < 2 or not m.follows(vid, "min_consecutive_days"):
            continue
        on = [m.on_duty(vid, day) for day in dates]
        for s in range(1, least):
            for d in range(1, len(dates) - s):
                run = on[d : d + s]
                if any(flag is None for flag in run):
                    continue  # a date without a possible post breaks every such run
                clause = [~flag for flag in run] + [flag for flag in (on[d - 1], on[d + s]) if flag is not None]
                m.guard(m.model.add_bool_or(clause), vid, "min_consecutive_days")


def min_consecutive_days_off(m: RosterModel) -> None:
    """Runs off duty between two dates on duty at least so long: the pattern on(d − 1),
    off(d … d + s − 1), on(d + s) is forbidden for each s below the minimum."""
    dates = m.inst.dates
    for vid in m.vars.by_person:
        least = m.inst.volunteers[vid].min_consecutive_days_off
        if not least or least < 2 or not m.follows(vid, "min_consecutive_days_off"):
            continue
        on = [m.on_duty(vid, day) for day in dates]
        for s in range(1, least):
            for d in range(1, len(dates) - s):
                before, after = on[d - 1], on[d + s]
                if before is None or after is None:
                    continue
                clause = [~before, ~after] + [flag for flag in on[d : d + s] if flag is not None]
                m.guard(m.model.add_bool_or(clause), vid, "min_consecutive_days_off")


def max_weekends(m: RosterModel) -> None:
    for vid in m.vars.by_person:
        limit = m.inst.volunteers[vid].max_weekends
        if limit is None:
            continue
        weekends: dict[object, list] = defaultdict(list)
        for day in m.inst.dates:
            saturday = m.inst.weekend(day)
            if saturday is not None and (flag := m.on_duty(vid, day)) is not None:
                weekends[saturday].append(flag)
        if len(weekends) <= limit:
            continue
        worked = []
        for saturday, flags in weekends.items():
            if len(flags) == 1:
                worked.append(flags[0])
                continue
            # "At least either day" is enough: the limit only pushes it down.
            weekend = m.model.new_bool_var(f"weekend[{vid},{saturday}]")
            for flag in flags:
                m.model.add_implication(flag, weekend)
            worked.append(weekend)
        m.guard(m.model.add(cp_model.LinearExpr.sum(worked) <= limit), vid, "max_weekends")


def forbidden_sequences(m: RosterModel) -> None:
    """No slot b on the date after slot a, for each pair (a, b) of the rules.

    With one post a day, the slots a that forbid the same set B are taken together: "at
    most one of (posts in those slots today, posts in B tomorrow)" is exactly their pairs,
    one constraint instead of |A| × |B| (a benchmark's 32 slots forbid up to 28 each)."""
    forbidden = m.inst.forbidden_sequences
    if not forbidden:
        return
    if m.inst.one_post_a_day:
        groups = _sequence_groups(forbidden)
    else:
        groups = [((a,), (b,)) for a, b in sorted(forbidden)]
    # Each post goes once into the lists of the groups its slot opens (that date) and
    # closes (the date before), instead of every group looking up each of its slots on
    # every date: Instance24's groups hold up to 27 slots each.
    opens: dict[str, list[int]] = defaultdict(list)
    closes: dict[str, list[int]] = defaultdict(list)
    for g, (firsts, seconds) in enumerate(groups):
        for a in firsts:
            opens[a].append(g)
        for b in seconds:
            closes[b].append(g)
    day_index = {day: i for i, day in enumerate(m.inst.dates)}
    at_most_one = m.model.add_at_most_one
    for posts in m.vars.by_person.values():
        now: dict[tuple[int, int], list] = defaultdict(list)
        then: dict[tuple[int, int], list] = defaultdict(list)
        for post, var in posts:
            day = day_index[post.date]
            for g in opens.get(post.slot, ()):
                now[day, g].append(var)
            for g in closes.get(post.slot, ()):
                then[day - 1, g].append(var)
        for key in sorted(now.keys() & then.keys()):  # by date, then group, as the groups are listed
            at_most_one(now[key] + then[key])


def _sequence_groups(forbidden: frozenset[tuple[str, str]]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Forbidden pairs as (slots today, slots tomorrow) products: slots grouped by what
    they forbid after them, or by what forbids them, whichever takes fewer literals."""
    def grouped(pairs):
        by_set: dict[frozenset, list[str]] = defaultdict(list)
        after: dict[str, set] = defaultdict(set)
        for a, b in pairs:
            after[a].add(b)
        for a, following in after.items():
            by_set[frozenset(following)].append(a)
        return [(tuple(sorted(a_s)), tuple(sorted(b_s))) for b_s, a_s in by_set.items()]

    forward = grouped(forbidden)
    backward = [(a_s, b_s) for b_s, a_s in grouped((b, a) for a, b in forbidden)]
    size = lambda groups: sum(len(a_s) + len(b_s) for a_s, b_s in groups)  # noqa: E731
    return sorted(forward if size(forward) <= size(backward) else backward)


HARD_RULES = (
    coverage_max, no_overlap, max_posts_per_day, max_hours, max_consecutive_days, min_rest_between_days,
    minors_never_alone, pins, max_posts_by_slot, minutes_over_horizon, min_consecutive_days,
    min_consecutive_days_off, max_weekends, forbidden_sequences,
)


# --- solving ----------------------------------------------------------------------------


class _ProgressReporter(cp_model.CpSolverSolutionCallback):
    """Reports each stage's improving answers; `base` is the cost fixed before the stage."""

    def __init__(self, search: "_StagedSearch", stage: str, base: int = 0, stop_after: float | None = None):
        super().__init__()
        self.stop_after = stop_after
        """With a time (`time.perf_counter`), the search stops at its first answer after it."""
        self.search = search
        self.stage = stage
        self.base = base
        self.best: int | None = None

    def on_solution_callback(self) -> None:
        search = self.search
        search.solutions += 1
        elapsed = time.perf_counter() - search.started
        if search.first_solution_s is None:
            search.first_solution_s = elapsed
        objective = self.base + round(self.objective_value)
        # The second stage may start above its hint: report only gains.
        if search.on_progress is not None and (self.best is None or objective < self.best):
            self.best = objective
            bound = self.base + math.ceil(self.best_objective_bound - 1e-6)
            search.on_progress(Progress(elapsed, objective, min(bound, objective), search.solutions, self.stage))
        if self.stop_after is not None and time.perf_counter() >= self.stop_after:
            self.stop_search()


class _StagedSearch:
    """Coverage first, then everything else: two CP-SAT solves.

    A single weighted objective means the same, but its huge coverage weights kept CP-SAT
    from proving even the coverage level on community weeks within seconds, and on a street
    office's week the soft terms' variables slowed the search for coverage itself. So the
    first solve uses a lean model with coverage only; the second, the full model with
    coverage held at the proven best, starting from the first solve's answer.
    """

    def __init__(self, inst: Instance, pins: list[Assignment], options: SolveOptions, on_progress, stop,
                 started: float, keep: frozenset[tuple[str, Post]] = frozenset(),
                 relaxed: frozenset[tuple[str, str]] = frozenset()):
        self.inst = inst
        self.pins = pins
        self.keep = keep
        self.relaxed = relaxed
        self.options = options
        self.on_progress = on_progress
        self.stop = stop
        self.started = started
        self.solutions = 0
        self.work_used = 0.0  # deterministic units spent by finished stages
        self.first_solution_s: float | None = None
        self.coverage_optimal = False
        self._term_weights: list[tuple[str, int]] | None = None

    def _remaining(self) -> float:
        if self.options.deterministic:
            return self.options.time_limit_s - self.work_used
        return self.options.time_limit_s - (time.perf_counter() - self.started)

    def _solve(self, model: cp_model.CpModel, reporter: cp_model.CpSolverSolutionCallback | None,
               limit: float | None = None, workers: int | None = None,
               seed: int | None = None, work: float | None = None,
               linearization: int | None = None, full_lp: bool = False,
               lp_ignores_hint: bool = False) -> tuple[int, cp_model.CpSolver]:
        remaining = self._remaining()
        solver = _parameters(self.options, remaining if limit is None else min(limit, remaining))
        if work is not None:
            # A budget of deterministic work, whatever the mode: the same sub-solve does
            # the same search on a loaded machine as on an idle one.
            solver.parameters.max_deterministic_time = min(work, solver.parameters.max_deterministic_time)
        if linearization is not None:
            solver.parameters.linearization_level = linearization
        if workers is not None:
            solver.parameters.num_workers = max(1, workers)
        if seed is not None:
            solver.parameters.random_seed = seed
        if len(model.proto.variables) > LARGE_MODEL_VARIABLES:
            # Each worker holds its own copy of a street office's model (eight took 1.2 GiB),
            # and two, one of them `FULL_LP_WORKER`, search it best on two cores.
            solver.parameters.num_workers = min(solver.parameters.num_workers, LARGE_MODEL_WORKERS)
        if full_lp and solver.parameters.num_workers == 2:
            solver.parameters.subsolvers.append(FULL_LP_WORKER)
            if lp_ignores_hint:
                solver.parameters.merge_text_format(LP_WORKER_IGNORES_HINT)
        finish_watch = _watch(self.stop, solver)
        try:
            return solver.solve(model, reporter), solver
        finally:
            finish_watch()
            # A sub-solve of a neighbourhood counts some work even when presolve settles it,
            # so that a deterministic budget bounds how many there are.
            self.work_used += max(solver.deterministic_time, MIN_SUB_WORK if work is not None else 0.0)

    def run(self) -> tuple[int, RosterModel | None, cp_model.CpSolver | None, int | None]:
        """Returns (status, the model and solver holding the answer, a proven lower bound)."""
        if self.inst.weighted_coverage:
            return self._run_weighted()
        lean = self._model(coverage_only=True)
        status, first, fewest = self._cover(lean)
        stopped = self._remaining() <= 0.05 or (self.stop is not None and self.stop.is_set())
        if status == cp_model.INFEASIBLE or (status == cp_model.UNKNOWN and stopped):
            return status, None, None, None
        self.coverage_optimal = status == cp_model.OPTIMAL
        if stopped:
            return cp_model.FEASIBLE, lean, first, None

        full = self._model()
        if not self.coverage_optimal:
            return self._search_whole(full, lean, first if status == cp_model.FEASIBLE else None, fewest)
        values = _valuer(first)
        lean_terms = {t.name: t for t in lean.terms}
        fixed = {t.name: values(lean_terms[t.name].expr) for t in full.terms[:COVERAGE_TERMS]}
        covered = sum(t.weight * fixed[t.name] for t in full.terms[:COVERAGE_TERMS])
        soft = sum(t.weight * t.expr for t in full.terms[COVERAGE_TERMS:] if t.weight)
        _hint(full, lean, first)
        # Hold each coverage term at its proven best; only what lies below is searched.
        for term in full.terms[:COVERAGE_TERMS]:
            full.model.add(term.expr <= fixed[term.name])
        if isinstance(soft, int):
            return cp_model.OPTIMAL, lean, first, covered  # nothing below coverage to improve
        full.model.minimize(soft)
        if len(full.vars.x) >= NEIGHBOURHOOD_DECISIONS:
            # A street office's week: from the coverage stage's answer, the whole model gave
            # no better one in the quarter of the time left to it (measured 2026-12-03).
            start = frozenset(lean.vars.extract(first.boolean_value))
            status2, rm, second, bound = self._run_neighbourhoods(full, start, covered)
            if second is None:
                return cp_model.FEASIBLE, lean, first, covered
            return status2, rm, second, bound
        self._complete_hint(full)
        status2, second = self._solve(full.model, _ProgressReporter(self, "preferences", covered), full_lp=True)
        if status2 not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            # Stopped or out of time before its first answer: the first stage's answer stands.
            return cp_model.FEASIBLE, lean, first, covered
        return status2, full, second, covered + math.ceil(second.best_objective_bound - 1e-6)

    def _cover(self, lean: RosterModel) -> tuple[int, cp_model.CpSolver | None, tuple[int, int]]:
        """The coverage stage: for a community's week or a re-solve, one solve of missing
        people, unmet needs (and changes) weighed in that order; for a street office's
        week, the fewest missing people alone, then, with that many held, the fewest unmet
        needs.

        Missing people alone is an objective of whole people, so its LP bound rounds up:
        a street office's week proves its 8 missing people in 12–20 s on 2 workers
        (2026-12-03), where weighed together with unmet needs the bound stood at 7.7
        people after 60 s. The unmet needs get at least `UNMET_SHARE` of the stage, so an
        answer whose people were not proven still has its needs searched. Returns the last
        solve's status and solver, and the proven least (missing people, unmet needs), 0
        where nothing is proven."""
        missing, rest = lean.terms[0], lean.terms[1:]
        later = (1 - COVERAGE_SHARE) * self._remaining()
        share = self._remaining() - later
        if len(lean.vars.x) < NEIGHBOURHOOD_DECISIONS or len(rest) != 1:
            # A community's week proves its coverage whole in a fraction of a second, and a
            # re-solve must weigh its changes from the start: they went unsearched behind a
            # street office's missing people (a fallback repair changed 445 assignments).
            lean.model.minimize(sum(t.weight * t.expr for t in lean.terms))
            status, first = self._solve(lean.model, _ProgressReporter(self, "coverage"), share, full_lp=True)
            if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                return status, first, (0, 0)
            # Missing people outweigh all below them: whole units of their weight are theirs.
            return status, first, (max(0, math.ceil(first.best_objective_bound - 1e-6)) // missing.weight, 0)
        lean.model.minimize(missing.weight * missing.expr)
        start = coverage_start(self.inst, self.pins)
        if start is not None:
            _hint_taken(lean, start)
        status, first = self._solve(lean.model, _ProgressReporter(self, "coverage"), share * (1 - UNMET_SHARE),
                                    full_lp=True, lp_ignores_hint=True)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return status, first, (0, 0)
        least_missing = math.ceil(first.best_objective_bound / missing.weight - 1e-6)
        if self._remaining() - later <= 0:
            # No time left for the unmet needs: coverage as a whole is not proven.
            return cp_model.FEASIBLE, first, (least_missing, 0)
        found = round(first.objective_value)
        lean.model.add(missing.weight * missing.expr <= found)
        _hint_taken(lean, lean.vars.extract(first.boolean_value))
        lean.model.minimize(sum(t.weight * t.expr for t in rest))
        reporter = _ProgressReporter(self, "coverage", found)
        reporter.best = found  # the first part reported `found` already, a lower figure
        # Here `max_lp` does follow the hint, the posts of a roster at the fewest missing
        # people: ignoring it left the unmet needs unproven in 2 of 6 runs that were all
        # proven this way (2026-12-03, solver seeds 1–5, 14).
        status2, second = self._solve(lean.model, reporter, self._remaining() - later, full_lp=True)
        if status2 not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            # Out of time before an answer: the first stands, its unmet needs unsearched.
            return cp_model.FEASIBLE, first, (least_missing, 0)
        if status != cp_model.OPTIMAL:
            return cp_model.FEASIBLE, second, (least_missing, 0)
        # Unmet needs outweigh what follows them, so whole units of their weight are theirs.
        least_unmet = math.ceil(second.best_objective_bound - 1e-6) // rest[0].weight
        return status2, second, (least_missing, least_unmet)

    def _complete_hint(self, full: RosterModel) -> None:
        """Hints every variable of `full`, the soft terms' too, with their values under its
        hinted decisions (one short solve of a copy with the decisions fixed), so that CP-SAT
        starts from a whole answer at once rather than searching for the rest of it.

        Community weeks under version 1, solver seeds 0–2 on s #1–#3, twice (2026-12-03,
        load 1.5–2.3): proven in a median 0.72 s, once of 18 over 1 s, against 0.93 s and 8 of
        18 with the decisions alone hinted; the completion takes 0.03–0.04 s. Left as it was
        when there is no hint, when the copy finds no answer in its time, or when the model
        is larger than `HINT_COMPLETION_VARIABLES`."""
        hint = full.model.proto.solution_hint
        if not hint.vars or len(full.model.proto.variables) > HINT_COMPLETION_VARIABLES:
            return
        fixed = full.model.clone()
        for index, value in zip(hint.vars, hint.values):
            fixed.add(fixed.get_int_var_from_proto_index(index) == value)
        solver = _parameters(self.options, min(HINT_COMPLETION_S, self._remaining()))
        # One worker settles it in presolve: nothing is left to interleave or share.
        solver.parameters.num_workers = 1
        solver.parameters.interleave_search = False
        finish_watch = _watch(self.stop, solver)
        try:
            status = solver.solve(fixed)
        finally:
            finish_watch()
        self.work_used += solver.deterministic_time
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return
        full.model.clear_hints()
        for index in range(len(full.model.proto.variables)):
            full.model.add_hint(full.model.get_int_var_from_proto_index(index),
                                solver.value(fixed.get_int_var_from_proto_index(index)))

    def _model(self, coverage_only: bool = False) -> RosterModel:
        rm = _model_with_pins(self.inst, self.pins, coverage_only, self.keep, relaxed=self.relaxed)
        if not coverage_only:
            self._term_weights = [(t.name, t.weight) for t in rm.terms]
        return rm

    def term_weights(self) -> list[tuple[str, int]]:
        """The full objective's terms, as (name, weight) in order, that an answer reports:
        the full model's, built for them only if the search stopped before it needed one.
        Its weights depend on the decisions the model has, never on pins or kept posts."""
        if self._term_weights is None:
            self._model()
        return self._term_weights

    def _run_weighted(self):
        """Weighted coverage (version 3): coverage is priced like every other term, so
        there is no level of it to hold first; the full model is searched once."""
        full = self._model()
        objective = sum(t.weight * t.expr for t in full.terms if t.weight)
        if not isinstance(objective, int):
            full.model.minimize(objective)
            decisions = len(full.vars.x)
            if decisions >= NEIGHBOURHOOD_DECISIONS or (self.inst.scenario.days > WHOLE_MODEL_DAYS
                                                        and decisions >= LONG_NEIGHBOURHOOD_DECISIONS):
                status, rm, outcome, bound = self._run_neighbourhoods(full)
                self.coverage_optimal = status == cp_model.OPTIMAL
                return status, rm, outcome, bound
        status, solver = self._solve(full.model, _ProgressReporter(self, "preferences"), full_lp=True)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return status, None, None, None
        self.coverage_optimal = status == cp_model.OPTIMAL
        if isinstance(objective, int):
            return status, full, solver, objective
        return status, full, solver, math.ceil(solver.best_objective_bound - 1e-6)

    def _run_neighbourhoods(self, full: RosterModel, start: frozenset[tuple[str, Post]] | None = None,
                            base: int = 0):
        """A large model: from `start` (the coverage stage's answer), else a starting roster
        made person by person (`solver.heuristic`), else the whole model's first answers,
        neighbourhoods of people and dates around the incumbent in turn with the whole model
        (`solver.lns`). `base`: the cost fixed before this stage, added to what is reported."""
        days = {day: i for i, day in enumerate(self.inst.dates)}
        people = {vid: i for i, vid in enumerate(self.inst.volunteers)}
        keys = list(full.vars.x)
        stopped = lambda: self.stop is not None and self.stop.is_set()  # noqa: E731
        if start is None:
            start, used = starting_roster(self.inst, self.pins, STARTING_ROSTER_SHARE * self._remaining(),
                                          self.options.deterministic, stopped, self.options.seed, self.relaxed)
            if self.options.deterministic:
                self.work_used += used
        # Neighbourhoods improve far faster than the whole model once it has an answer:
        # the whole model's search ends at its first answer after a tenth of the time (by
        # the clock, so not in deterministic mode, where only its share of the work ends it).
        first_deadline = None if self.options.deterministic else time.perf_counter() + FIRST_ANSWER_SHARE * self._remaining()

        reporter = _ProgressReporter(self, "preferences", base, stop_after=first_deadline)

        def improved(objective: int, bound: int) -> None:
            # One record of the best reported, shared with the whole model's reporter, so
            # that progress only ever improves whichever search found the answer.
            objective, bound = base + objective, base + bound
            self.solutions += 1
            if self.first_solution_s is None:
                self.first_solution_s = time.perf_counter() - self.started
            if reporter.best is not None and objective >= reporter.best:
                return
            reporter.best = objective
            if self.on_progress is not None:
                self.on_progress(Progress(time.perf_counter() - self.started, objective, bound, self.solutions))

        search = NeighbourhoodSearch(
            full.model, list(full.vars.x.values()), [people[vid] for vid, _ in keys],
            [days[post.date] for _, post in keys],
            solve=lambda model, limit, callback, workers, seed, **kwargs: self._solve(model, callback, limit, workers,
                                                                                     seed, **kwargs),
            time_left=self._remaining, stopped=stopped,
            on_improved=improved, seed=self.options.seed, workers=self.options.workers,
            first_callback=reporter, parallel=not self.options.deterministic,
            short_days=short_days(self.inst, full.vars, days),
        )
        outcome = search.run(None if start is None else [key in start for key in keys])
        if outcome.values is None:
            return outcome.status, None, None, None
        return outcome.status, full, outcome, base + outcome.bound

    def _search_whole(self, full: RosterModel, lean: RosterModel, first: cp_model.CpSolver | None,
                      fewest: tuple[int, int] = (0, 0)):
        """Coverage not proven within its share of the time (a street office's week): search
        everything at once, coverage no worse than the first stage found, so that the
        preferences are not left as the first stage happened to leave them. The bound is
        the better of this search's and what the coverage stage proved (`fewest`)."""
        if first is not None:
            # The two models weigh coverage differently: carry the values, not the cost.
            value = _valuer(first)
            found = sum(t.weight * value(lean_t.expr) for t, lean_t in zip(full.terms, lean.terms[:COVERAGE_TERMS]))
            full.model.add(sum(t.weight * t.expr for t in full.terms[:COVERAGE_TERMS]) <= found)
            _hint(full, lean, first)
        full.model.minimize(sum(t.weight * t.expr for t in full.terms if t.weight))
        proven = sum(t.weight * least for t, least in zip(full.terms, fewest))
        if first is not None and len(full.vars.x) >= NEIGHBOURHOOD_DECISIONS:
            status, rm, second, bound = self._run_neighbourhoods(full, frozenset(lean.vars.extract(first.boolean_value)))
            if second is None:
                return cp_model.FEASIBLE, lean, first, proven
            self.coverage_optimal = status == cp_model.OPTIMAL
            return status, rm, second, max(proven, bound)
        if first is not None:  # a previous roster's hint alone may break today's rules: left as is
            self._complete_hint(full)
        status, second = self._solve(full.model, _ProgressReporter(self, "preferences"), full_lp=True)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return (cp_model.FEASIBLE, lean, first, proven) if first is not None else (status, None, None, None)
        self.coverage_optimal = status == cp_model.OPTIMAL
        return status, full, second, max(proven, math.ceil(second.best_objective_bound - 1e-6))


def short_days(inst: Instance, variables: AssignmentVars, day_index: Mapping[dt.date, int]
               ) -> Callable[[Sequence[int]], list[int]]:
    """A function from a model's values (a solver's response, by variable index) to the days,
    as `day_index` numbers them, of the posts below their `min`, a day once per such post.
    Posts with fewer candidates than their `min` are left out: they are short in every answer."""
    needs = [(day_index[post.date], demand.min, [var.index for _, var in variables.by_post[post]])
             for post, demand in inst.demand.items()
             if demand.min > 0 and len(variables.by_post.get(post, ())) >= demand.min]

    def days(values: Sequence[int]) -> list[int]:
        return [day for day, least, at in needs if sum(values[i] for i in at) < least]
    return days


def _hint_taken(rm: RosterModel, taken: Iterable[tuple[str, Post]]) -> None:
    """Hints a street office's lean model with the posts `taken` ((volunteer, post) pairs)
    only. `max_lp` followed each hinted decision with its LP: hinting all of them, the zeros
    too, held its bound at 0 for 20 s in two runs of four (where the search's roster reached
    the optimum), and left the unmet needs unproven in 8 of 16 runs against 2 of 16 this way
    (2026-12-03, solver seeds 0–13, 15, 16). In the missing people's part it now ignores the
    hint altogether (`LP_WORKER_IGNORES_HINT`); in the unmet needs' part it still follows it."""
    rm.model.clear_hints()
    for key in taken:
        var = rm.vars.x.get(key)
        if var is not None:
            rm.model.add_hint(var, 1)


def _hint(full: RosterModel, lean: RosterModel, first: cp_model.CpSolver) -> None:
    """Starts `full` from the answer `first` found on `lean` (the same model, or the lean
    one of the first stage)."""
    full.model.clear_hints()
    for key, var in full.vars.x.items():
        full.model.add_hint(var, first.boolean_value(lean.vars.x[key]))


FULL_LP_WORKER = "max_lp"
"""The one full-model worker of a whole model's search on two workers (the other
interleaves CP-SAT's neighbourhoods and local search): CP-SAT's portfolio worker with the
full linearisation, every constraint in the LP from the start, instead of `default_lp`.
Community weeks, 10 s, 2 workers (2026-12-03, with `solver.terms`' hours by levels):
version 1 proven in 0.4–0.7 s, against 25–50 % gaps at the end with `default_lp`; version 2
gaps 2–10 % against 16–66 %. On the benchmark's Instance5–7 (60 s, 2 workers, load 3.5–4): 1,146, 1,951, 1,057 (best
known 1,143, 1,950, 1,056; bounds 935, 1,947, 1,047) against 1,254–1,358, 2,137–2,344,
1,083–1,373 with `default_lp` (bounds 1, 202, 27: its LP bound never moves). Setting
`default_lp`'s linearisation to 2 and its constraints eager does not do it (1,240, 2,146,
1,184; bounds 1, 204, 27), nor three workers with the core-based one beside it (1,239,
2,149, 1,092)."""

LP_WORKER_IGNORES_HINT = 'subsolver_params { name: "max_lp" hint_conflict_limit: 0 use_optimization_hints: false }'
"""CP-SAT parameters (merged by subsolver name) by which `FULL_LP_WORKER` does not follow the
solution hint, while the other worker still starts its search from it. Following a street
office's hinted posts one by one, each with its LP, held back its cuts: the fewest missing
people were proven at 15–19 s into the coverage stage, against 6–8 s this way (2026-12-03,
solver seeds 0–2; the roster reached them at 7–9 s either way). For the first part of that
stage only (see `_StagedSearch._cover`)."""

LARGE_MODEL_VARIABLES = 15_000
LARGE_MODEL_WORKERS = 2
"""Workers for a model of more variables than `LARGE_MODEL_VARIABLES`, whatever is asked.
A street office's coverage, 20 s (2026-12-03, load 1–2): two with `FULL_LP_WORKER` found 8
missing people and 0 unmet needs with a bound of 7 people (392–508 MiB for the whole solve);
four found 10 and 4 with no bound at all (642 MiB), four with `max_lp` among them 20 and 0."""

FIRST_ANSWER_SHARE = 0.1
"""Of the time, after which a large weighted model's whole search, when there is no
starting roster, stops at its next answer and leaves the rest to neighbourhoods."""

HINT_COMPLETION_S = 0.5
"""At most this long for `_StagedSearch._complete_hint`'s solve (0.03–0.04 s on a community
week)."""

HINT_COMPLETION_VARIABLES = 5_000
"""Models of more variables than this start from their decisions alone. A community week's
full model has about 1,700; a repair on a street office's week 11,400, where completing took
0.27–0.52 s and the repair 1.17–2.11 s against 0.87–1.68 s without (2026-12-04, three
drop-outs, two runs each)."""

MIN_SUB_WORK = 0.005
"""Work a neighbourhood's sub-solve counts at least (see `_StagedSearch._solve`)."""

STARTING_ROSTER_SHARE = 0.8
"""Of the time, what a large weighted model's starting roster (`solver.heuristic`) may use
before the whole model is searched without it: where the roster takes long (Instance13 and
20: 13–30 s under load) the whole model finds a worse one or none in the same time."""

NEIGHBOURHOOD_DECISIONS = 3_000
"""Decisions from which a weighted model is searched by neighbourhoods (`solver.lns`)
rather than whole: the benchmark's Instance10 (3,484) and above. Below, over four weeks,
the whole model with its full-LP worker (`FULL_LP_WORKER`) does better: bench ssb,
60 s, 2 workers (2026-12-03): Instance8 1,516 and 9 439 (the best known; bounds 1,269 and
406) at load 1.7–1.9 against 1,729 and 452 by neighbourhoods at load 1.5–1.7; 1,713 and 455
at load 3–3.7 against 1,839 and 554 at 4.3–5.8. Instance10 was as often worse whole (4,732
against 4,660 at load 2; 5,464 against 4,952 beside another bench; 4,836 against 4,952),
Instance11 and 12 much worse (4,102 against 3,554; 7,274 against 4,749). A community's
week is never weighted unless it asks."""

WHOLE_MODEL_DAYS = 28
LONG_NEIGHBOURHOOD_DECISIONS = 2_000
"""Over more than four weeks, neighbourhoods from 2,000 decisions already: Instance16
(2,250 decisions, 8 weeks) 3,635 by neighbourhoods against 4,344 whole, Instance14 (3,572,
6 weeks) 1,450 against 1,499 (same bench, load 4.1–5.9). The whole model still proves the
small ones (Instance7, 1,248 decisions over 4 weeks: 1,181 whole, 1,178 by neighbourhoods
with `default_lp`)."""

COVERAGE_SHARE = 0.9
"""Of the time left, what the coverage stage may use before the preferences are searched
anyway: community weeks prove coverage in a fraction of a second, a street office's week
takes most of its time, and its preferences must not be left unsearched. The stage ends as
soon as it is proven, so a larger share only lengthens the weeks that need it, where a
missing person costs more than every preference together. A street office's week, 30 s, 2
workers, solver seeds 0-23 (2026-12-03, load 1-1.8): within 1 % of the proven bound 22 times
of 24 with 0.9 (twice 9 people missing where 8 are the fewest), 19 of 24 with 0.75 (three
times the 8 found but their bound still at 7 when the stage ended, twice 9 or 10 missing)."""
UNMET_SHARE = 0.2
"""Of the coverage stage, what its unmet needs get at least (see `_StagedSearch._cover`)."""


@dataclass(frozen=True)
class SolveStats:
    """Figures of one solve, for the bench and the command line."""

    status: str
    wall_time_s: float
    first_solution_s: float | None
    objective: int | None
    bound: int | None
    terms: dict[str, int]
    coverage_optimal: bool = False
    """Whether the fewest missing people and unmet needs were proven, even if the terms
    below them were not (status FEASIBLE)."""


def _parameters(options: SolveOptions, time_limit: float) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    if options.deterministic:
        solver.parameters.interleave_search = True
        solver.parameters.max_deterministic_time = max(0.01, time_limit)
    else:
        solver.parameters.max_time_in_seconds = max(0.01, time_limit)
    solver.parameters.num_workers = max(1, options.workers)
    solver.parameters.random_seed = options.seed
    return solver


def _watch(stop: threading.Event | None, solver: cp_model.CpSolver) -> Callable[[], None]:
    """Stops `solver` soon after `stop` is set; returns a function that ends the watcher."""
    if stop is None:
        return lambda: None
    done = threading.Event()

    def watcher() -> None:
        while not done.is_set():
            if stop.wait(0.05):
                # Keep asking: a stop that arrives before the search has started is
                # otherwise lost, as the solve resets the flag when it begins.
                while not done.is_set():
                    solver.stop_search()
                    done.wait(0.05)
                return

    thread = threading.Thread(target=watcher, name="solve-stop-watcher", daemon=True)
    thread.start()

    def finish() -> None:
        done.set()
        thread.join()

    return finish


def _model_with_pins(inst: Instance, pins: list[Assignment], coverage_only: bool = False,
                     keep: frozenset[tuple[str, Post]] = frozenset(),
                     relaxed: frozenset[tuple[str, str]] = frozenset()) -> RosterModel:
    rm = RosterModel(inst, pins, coverage_only, keep, relaxed)
    for literal in rm.pin_literals.values():
        rm.model.add(literal == 1)
    return rm


def _conflict_core(inst: Instance, pins: list[Assignment], relaxed: frozenset[tuple[str, str]],
                   options: SolveOptions) -> tuple[list[Assignment], list[tuple[str, str]]]:
    """A small set of pins and people's version-3 rules that cannot hold together, found
    with CP-SAT assumptions: the core CP-SAT gives, then shrunk by leaving out one member
    at a time while the rest still cannot hold (as long as the time allows)."""
    rm = RosterModel(inst, pins, coverage_only=True, relaxed=relaxed, diagnose=True)
    rm.model.clear_objective()
    named: dict[int, object] = {lit.index: pin for pin, lit in rm.pin_literals.items()}
    named |= {lit.index: key for key, lit in rm.rule_literals.items()}
    literals = [*rm.pin_literals.values(), *rm.rule_literals.values()]
    # The budget is counted as the search counts it, so that a deterministic solve names
    # the same set on any machine.
    started, work = time.perf_counter(), [0.0]

    def left() -> float:
        used = work[0] if options.deterministic else time.perf_counter() - started
        return options.time_limit_s - used

    def core_of(assumed: list) -> list | None:
        """The assumptions CP-SAT blames if `assumed` cannot hold; None if it can or time ran out."""
        rm.model.clear_assumptions()
        rm.model.add_assumptions(assumed)
        solver = _parameters(options, left())
        status = solver.solve(rm.model)
        work[0] += solver.deterministic_time
        if status != cp_model.INFEASIBLE:
            return None
        blamed = set(solver.sufficient_assumptions_for_infeasibility())
        return [lit for lit in assumed if lit.index in blamed]

    core = core_of(literals)
    if not core:
        return [], []
    for literal in list(core):
        if left() <= 0 or len(core) == 1:
            break
        if all(lit.index != literal.index for lit in core):
            continue  # already left out with others by a smaller core
        smaller = core_of([lit for lit in core if lit.index != literal.index])
        if smaller:
            core = smaller
    members = [named[lit.index] for lit in core]
    return ([p for p in members if isinstance(p, Assignment)],
            [key for key in members if not isinstance(key, Assignment)])


MAX_DIAGNOSES = 5
"""Contradictions named and set aside, one after another, before giving up on an answer."""


def solve(
    scenario: Scenario,
    options: SolveOptions = SolveOptions(),
    on_progress: Callable[[Progress], None] | None = None,
    stop: threading.Event | None = None,
) -> Roster:
    """Assigns volunteers to the scenario's posts; never raises on bad data, explains it."""
    return solve_with_stats(scenario, options, on_progress, stop)[0]


def solve_with_stats(
    scenario: Scenario,
    options: SolveOptions = SolveOptions(),
    on_progress: Callable[[Progress], None] | None = None,
    stop: threading.Event | None = None,
) -> tuple[Roster, SolveStats]:
    started = time.perf_counter()
    texts = Texts(options.language)
    inst = Instance(scenario)
    conflicts, left_out = find_conflicts(inst, texts)
    warnings = list(inst.warnings)
    pins = [p for p in dict.fromkeys(Assignment(a.volunteer, a.gate, a.date, a.slot, True) for a in scenario.pinned)
            if p not in left_out]

    search = None
    if options.repair and scenario.previous:
        repair_inst = Instance(scenario)
        keep = _narrow_to_repair(repair_inst, pins)
        search = _StagedSearch(repair_inst, pins, options, on_progress, stop, started, keep)
        status, rm, solver, bound = search.run()
        if status == cp_model.INFEASIBLE:
            warnings.append(texts.repair_failed())
            search = None
        else:
            inst = repair_inst
    if search is None:
        search = _StagedSearch(inst, pins, options, on_progress, stop, started)
        status, rm, solver, bound = search.run()
    relaxed: frozenset[tuple[str, str]] = frozenset()
    for _ in range(MAX_DIAGNOSES):
        if status != cp_model.INFEASIBLE:
            break
        # Every rule but the pins and the people's version-3 minimums can be met by leaving
        # people out, so some of these clash: name a small set that cannot hold together,
        # leave it out (the minimums among it, else its pins) and solve the rest.
        minimums = [(v.id, rule) for v in scenario.volunteers for rule in MINIMUM_RULES
                    if getattr(v, rule) and (v.id, rule) not in relaxed]
        if not pins and not minimums:
            break
        diagnosis = replace(options, time_limit_s=max(0.5, search._remaining()), workers=1)
        core_pins, core_rules = _conflict_core(inst, pins, relaxed, diagnosis)
        if not core_pins and not core_rules:
            core_pins, core_rules = list(pins), minimums  # none found in time: every suspect
        lowered = [key for key in core_rules if key[1] in MINIMUM_RULES]
        if core_rules:
            conflicts.append(Conflict("rules_together", texts.rules_together(inst, core_rules, core_pins, bool(lowered)),
                                      tuple(core_pins)))
        else:
            conflicts.append(Conflict("pins_together", texts.pins_together(inst, core_pins), tuple(core_pins)))
        if lowered:
            relaxed |= frozenset(lowered)
        else:
            dropped = set(core_pins)
            pins = [p for p in pins if p not in dropped]
        search = _StagedSearch(inst, pins, _retry_options(options, search, started), on_progress, stop, started,
                               relaxed=relaxed)
        status, rm, solver, bound = search.run()

    wall = time.perf_counter() - started
    has_answer = solver is not None
    status_name = {cp_model.OPTIMAL: "OPTIMAL", cp_model.FEASIBLE: "FEASIBLE"}.get(status, "UNKNOWN")
    if conflicts:
        status_name = "INFEASIBLE"
    if not has_answer:
        stats = SolveStats(status_name, wall, None, None, None, {})
        return Roster(scenario.name, status_name, wall_time_s=wall, warnings=tuple(warnings),
                      conflicts=tuple(conflicts)), stats

    pinned = set(pins)
    assignments = tuple(
        Assignment(vid, post.gate, post.date, post.slot, pinned=Assignment(vid, post.gate, post.date, post.slot, True) in pinned)
        for vid, post in rm.vars.extract(solver.boolean_value)
    )
    shortages = _shortages(inst, assignments, texts, repair=inst.repair)
    terms = _term_costs(inst, frozenset((a.volunteer, a.post) for a in assignments), search.term_weights())
    # The objective is what the answer costs, term by term: exact, where the solver's own
    # figure is a float that large weights can round.
    objective = sum(t.cost for t in terms)
    bound = objective if status == cp_model.OPTIMAL else min(bound if bound is not None else 0, objective)
    stats = SolveStats(status_name, wall, search.first_solution_s, objective, bound, {t.name: t.value for t in terms},
                       search.coverage_optimal)
    roster = Roster(
        scenario.name, status_name, assignments, tuple(shortages), objective, bound, wall,
        tuple(warnings), tuple(conflicts), terms, _shortfalls(inst, assignments, texts),
    )
    return roster, stats


def _retry_options(options: SolveOptions, search: _StagedSearch, started: float) -> SolveOptions:
    """The time a search after a set-aside contradiction may use: what is left (at least
    half a second), counted as the first search counted it."""
    if options.deterministic:
        return replace(options, time_limit_s=max(0.5, search._remaining()))  # each search counts its own work
    return replace(options, time_limit_s=max(options.time_limit_s, time.perf_counter() - started + 0.5))


def _narrow_to_repair(inst: Instance, pins: list[Assignment]) -> frozenset[tuple[str, Post]]:
    """Narrows `inst` to a repair of its previous roster; returns the assignments to keep.

    Kept: every previous assignment the fixed rules still allow. Open to anyone allowed:
    only the posts of previous assignments that are no longer allowed (the drop-out's).
    Nothing else may change, so the model is small and a repair is fast and local."""
    previous = {(a.volunteer, a.post) for a in inst.scenario.previous}
    allowed = {(vid, post) for vid, posts in inst.allowed.items() for post in posts}
    vacated = {post for _, post in previous - allowed}
    # The others at a vacated post are not forced to stay (only the cost of a change holds
    # them): a minor whose adult dropped out must be free to go if nobody can stand in.
    kept = frozenset((vid, post) for vid, post in previous & allowed if post not in vacated)
    pinned = {(p.volunteer, p.post) for p in pins}
    inst.eligible = {
        vid: [post for post in inst.takes(vid, posts) if (vid, post) in kept or (vid, post) in pinned or post in vacated]
        for vid, posts in inst.allowed.items()
    }
    inst.repair = True
    return kept


def _term_costs(inst: Instance, answer: frozenset[tuple[str, Post]],
                weights: list[tuple[str, int]]) -> tuple[TermCost, ...]:
    """Every term of the full objective (`weights`: its terms' names and weights, in
    order), valued exactly at the answer."""
    values = term_values(inst, answer, [name for name, _ in weights])
    return tuple(TermCost(name, values[name], weight) for name, weight in weights)


def _valuer(solver: cp_model.CpSolver) -> Callable[[cp_model.LinearExprT], int]:
    # Some terms are constant (e.g. no previous roster): plain ints have no solver value.
    return lambda expr: expr if isinstance(expr, int) else int(solver.value(expr))


def _shortfalls(inst: Instance, assignments: tuple[Assignment, ...], texts: Texts) -> tuple[Shortfall, ...]:
    required = inst.registered_minimum()
    if required == 0:
        return ()
    served: dict[str, int] = defaultdict(int)
    for a in assignments:
        served[a.volunteer] += 1
    return tuple(
        Shortfall(v.id, required, served[v.id], texts.shortfall(len(inst.allowed[v.id]), required))
        for v in inst.scenario.volunteers
        if v.registered and served[v.id] < required
    )


def _shortages(inst: Instance, assignments: tuple[Assignment, ...], texts: Texts, repair: bool = False) -> list[Shortage]:
    """Shortages computed from the assignments themselves, each with its reason."""
    at_post: dict[Post, list[str]] = defaultdict(list)
    for a in assignments:
        at_post[a.post].append(a.volunteer)
    out = []
    duties = duties_of(inst, assignments)
    for post, demand in inst.demand.items():
        people = [inst.volunteers[vid] for vid in at_post.get(post, [])]
        missing = max(0, demand.min - len(people))
        unmet = Needs()
        needs = inst.gates[post.gate].needs
        if demand.max > 0 and not needs.is_empty():
            unmet = Needs(
                max(0, needs.party_member - sum(v.party_member for v in people)),
                {k: max(0, n - sum(k in v.skills for v in people)) for k, n in needs.skills.items()
                 if n - sum(k in v.skills for v in people) > 0},
            )
        if missing or not unmet.is_empty():
            counts = classify(inst, post, assignments, duties)
            out.append(Shortage(post.gate, post.date, post.slot, missing, unmet,
                                texts.shortage(inst, post, missing, unmet, counts, repair)))
    return out
