"""The CP-SAT model that assigns volunteers to posts, and `solve`, its one entry point.

Hard rules (each a function below, composed in `HARD_RULES`): coverage max per open post;
closed posts, availability, allowed gates, minors' latest hour and the party-member rule on
the Chinese workday calendar (no variable exists for a post a person may not take); no
overlapping posts; max posts per day; max hours over the horizon (own, kind's and minors'
caps); max consecutive days; minimum rest between days; minors never alone; pins.

The objective (docs/scenario-format.md) always puts coverage first: missing people, then
unmet gate needs, each weighted above everything below it can cost. Below them:
- version 1: previous assignments not kept, hours spread, unpreferred gates, likewise in
  strict order;
- version 2: the weighted soft terms of `solver.scenario.SOFT_TERMS`, with the scenario's
  weights, each reported with its cost in the answer.
"""

from __future__ import annotations

import math
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Callable

from ortools.sat.python import cp_model

from solver.conflicts import find_conflicts
from solver.explain import Texts, classify
from solver.instance import Instance
from solver.terms import (
    Term,
    changes,
    hours_spread,
    missing_people,
    previous_dropped,
    unmet_needs,
    unpreferred_gates,
    version_2_terms,
)
from solver.scenario import Assignment, Conflict, Needs, Post, Roster, Scenario, Shortage, Shortfall, TermCost

COVERAGE_TERMS = 2
"""Every objective starts with missing people and unmet needs (see `RosterModel.terms`)."""


@dataclass(frozen=True)
class SolveOptions:
    """How to search. Eight workers even on two cores: CP-SAT's portfolio (LNS, core-based
    and LP workers) proves community weeks far faster than the two a 2-core default gives."""

    time_limit_s: float = 10.0
    workers: int = 8
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


class AssignmentVars:
    """The decision variables: one boolean per (volunteer, post) the person may take."""

    def __init__(self, model: cp_model.CpModel, inst: Instance):
        self.x: dict[tuple[str, Post], cp_model.IntVar] = {}
        self.by_post: dict[Post, list[tuple[str, cp_model.IntVar]]] = defaultdict(list)
        self.by_person_day: dict[tuple[str, object], list[tuple[Post, cp_model.IntVar]]] = defaultdict(list)
        self.by_person: dict[str, list[tuple[Post, cp_model.IntVar]]] = defaultdict(list)
        for vid, posts in inst.eligible.items():
            for post in posts:
                var = model.new_bool_var(f"x[{vid},{post.gate},{post.date},{post.slot}]")
                self.x[vid, post] = var
                self.by_post[post].append((vid, var))
                self.by_person_day[vid, post.date].append((post, var))
                self.by_person[vid].append((post, var))

    def get(self, vid: str, post: Post) -> cp_model.IntVar | None:
        return self.x.get((vid, post))

    def extract(self, value: Callable[[cp_model.IntVar], int]) -> list[tuple[str, Post]]:
        return [key for key, var in self.x.items() if value(var)]


class RosterModel:
    """Builds the model for one instance; `pins` are the pins to enforce.

    With `coverage_only`, the objective has only missing people and unmet needs: a lean
    model (no variables for the soft terms) that proves coverage fast even for a street
    office's week."""

    def __init__(self, inst: Instance, pins: list[Assignment], coverage_only: bool = False,
                 keep: frozenset[tuple[str, Post]] = frozenset(), exact: bool = False):
        self.inst = inst
        self.exact = exact  # see solver.terms: exact auxiliaries value an answer, light ones search
        self.model = cp_model.CpModel()
        self.vars = AssignmentVars(self.model, inst)
        for key in keep:
            self.model.add(self.vars.x[key] == 1)
        self.pins = pins
        self.pin_literals: dict[Assignment, cp_model.IntVar] = {}
        for rule in HARD_RULES:
            rule(self)
        weights = inst.scenario.weights
        if coverage_only:
            coverage = [missing_people(self), unmet_needs(self)]
            if inst.scenario.previous:
                # Re-solving a week (a repair that must reshuffle, a re-run): of the rosters
                # with the best coverage, the one closest to the previous, so the preferences
                # stage starts from it instead of from an arbitrary one far away.
                coverage.append(previous_dropped(self) if weights is None else changes(self))
            self.terms = strictly_ordered(coverage)
        elif weights is None:
            self.terms = strictly_ordered([missing_people(self), unmet_needs(self), previous_dropped(self),
                                           hours_spread(self), unpreferred_gates(self)])
        else:
            below = [Term(t.name, t.expr, t.upper, weights.get(t.name, 0)) for t in version_2_terms(self)]
            self.terms = strictly_ordered([missing_people(self), unmet_needs(self)], below)
        self._hint_previous()

    def _hint_previous(self) -> None:
        previous = {(a.volunteer, a.post) for a in self.inst.scenario.previous}
        if not previous:
            return
        for key, var in self.vars.x.items():
            self.model.add_hint(var, key in previous)


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
    for post, people in m.vars.by_post.items():
        m.model.add(sum(var for _, var in people) <= m.inst.demand[post].max)


def no_overlap(m: RosterModel) -> None:
    groups = m.inst.overlapping_slot_groups()
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
            m.model.add(sum(var for _, var in posts) <= limit)


def max_hours(m: RosterModel) -> None:
    for vid, posts in m.vars.by_person.items():
        cap = m.inst.cap_minutes(m.inst.volunteers[vid])
        total = sum(m.inst.slots[post.slot].minutes for post, _ in posts)
        if cap is not None and total > cap:
            m.model.add(sum(m.inst.slots[post.slot].minutes * var for post, var in posts) <= cap)


def max_consecutive_days(m: RosterModel) -> None:
    limit = m.inst.scenario.rules.max_consecutive_days
    if limit is None or limit >= m.inst.scenario.days:
        return
    dates = m.inst.dates
    for vid, posts in m.vars.by_person.items():
        on_duty = {}
        for day in dates:
            today = [var for _, var in m.vars.by_person_day.get((vid, day), [])]
            if today:
                flag = m.model.new_bool_var(f"duty[{vid},{day}]")
                m.model.add_max_equality(flag, today)
                on_duty[day] = flag
        for start in range(len(dates) - limit):
            window = [on_duty[d] for d in dates[start : start + limit + 1] if d in on_duty]
            if len(window) > limit:
                m.model.add(sum(window) <= limit)


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
    # same model can name a minimal set of them (see `_conflicting_pins`).
    for pin in m.pins:
        var = m.vars.get(pin.volunteer, pin.post)
        literal = m.model.new_bool_var(f"pin[{pin.volunteer},{pin.gate},{pin.date},{pin.slot}]")
        m.model.add(var == 1).only_enforce_if(literal)
        m.pin_literals[pin] = literal


HARD_RULES = (
    coverage_max, no_overlap, max_posts_per_day, max_hours, max_consecutive_days, min_rest_between_days,
    minors_never_alone, pins,
)


# --- solving ----------------------------------------------------------------------------


class _ProgressReporter(cp_model.CpSolverSolutionCallback):
    """Reports each stage's improving answers; `base` is the cost fixed before the stage."""

    def __init__(self, search: "_StagedSearch", stage: str, base: int = 0):
        super().__init__()
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


class _StagedSearch:
    """Coverage first, then everything else: two CP-SAT solves.

    A single weighted objective means the same, but its huge coverage weights kept CP-SAT
    from proving even the coverage level on community weeks within seconds, and on a street
    office's week the soft terms' variables slowed the search for coverage itself. So the
    first solve uses a lean model with coverage only; the second, the full model with
    coverage held at the proven best, starting from the first solve's answer.
    """

    def __init__(self, inst: Instance, pins: list[Assignment], options: SolveOptions, on_progress, stop,
                 started: float, keep: frozenset[tuple[str, Post]] = frozenset()):
        self.inst = inst
        self.pins = pins
        self.keep = keep
        self.options = options
        self.on_progress = on_progress
        self.stop = stop
        self.started = started
        self.solutions = 0
        self.work_used = 0.0  # deterministic units spent by finished stages
        self.first_solution_s: float | None = None
        self.coverage_optimal = False

    def _remaining(self) -> float:
        if self.options.deterministic:
            return self.options.time_limit_s - self.work_used
        return self.options.time_limit_s - (time.perf_counter() - self.started)

    def _solve(self, model: cp_model.CpModel, reporter: _ProgressReporter | None,
               limit: float | None = None) -> tuple[int, cp_model.CpSolver]:
        remaining = self._remaining()
        solver = _parameters(self.options, remaining if limit is None else min(limit, remaining))
        if len(model.proto.variables) > LARGE_MODEL_VARIABLES:
            # Each worker holds its own copy of a street office's model: four keep it under
            # 1 GiB (eight took 1.2 GiB) and, on two cores, search as well (measured).
            solver.parameters.num_workers = min(solver.parameters.num_workers, LARGE_MODEL_WORKERS)
        finish_watch = _watch(self.stop, solver)
        try:
            return solver.solve(model, reporter), solver
        finally:
            finish_watch()
            self.work_used += solver.deterministic_time

    def run(self) -> tuple[int, RosterModel | None, cp_model.CpSolver | None, int | None]:
        """Returns (status, the model and solver holding the answer, a proven lower bound)."""
        lean = _model_with_pins(self.inst, self.pins, coverage_only=True, keep=self.keep)
        lean.model.minimize(sum(t.weight * t.expr for t in lean.terms))
        status, first = self._solve(lean.model, _ProgressReporter(self, "coverage"), COVERAGE_SHARE * self._remaining())
        stopped = self._remaining() <= 0.05 or (self.stop is not None and self.stop.is_set())
        if status == cp_model.INFEASIBLE or (status == cp_model.UNKNOWN and stopped):
            return status, None, None, None
        self.coverage_optimal = status == cp_model.OPTIMAL
        if stopped:
            return cp_model.FEASIBLE, lean, first, None

        full = _model_with_pins(self.inst, self.pins, keep=self.keep)
        if not self.coverage_optimal:
            return self._search_whole(full, lean, first if status == cp_model.FEASIBLE else None)
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
        status2, second = self._solve(full.model, _ProgressReporter(self, "preferences", covered))
        if status2 not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            # Stopped or out of time before its first answer: the first stage's answer stands.
            return cp_model.FEASIBLE, lean, first, covered
        return status2, full, second, covered + math.ceil(second.best_objective_bound - 1e-6)

    def _search_whole(self, full: RosterModel, lean: RosterModel, first: cp_model.CpSolver | None):
        """Coverage not proven within its share of the time (a street office's week): search
        everything at once, coverage no worse than the first stage found, so that the
        preferences are not left as the first stage happened to leave them."""
        if first is not None:
            # The two models weigh coverage differently: carry the values, not the cost.
            value = _valuer(first)
            found = sum(t.weight * value(lean_t.expr) for t, lean_t in zip(full.terms, lean.terms[:COVERAGE_TERMS]))
            full.model.add(sum(t.weight * t.expr for t in full.terms[:COVERAGE_TERMS]) <= found)
            _hint(full, lean, first)
        full.model.minimize(sum(t.weight * t.expr for t in full.terms if t.weight))
        status, second = self._solve(full.model, _ProgressReporter(self, "preferences"))
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return (cp_model.FEASIBLE, lean, first, None) if first is not None else (status, None, None, None)
        self.coverage_optimal = status == cp_model.OPTIMAL
        return status, full, second, math.ceil(second.best_objective_bound - 1e-6)


def _hint(full: RosterModel, lean: RosterModel, first: cp_model.CpSolver) -> None:
    """Starts the full model from the first stage's answer."""
    full.model.clear_hints()
    for key, var in full.vars.x.items():
        full.model.add_hint(var, first.boolean_value(lean.vars.x[key]))


LARGE_MODEL_VARIABLES = 15_000
LARGE_MODEL_WORKERS = 4

COVERAGE_SHARE = 0.75
"""Of the time left, what the coverage stage may use before the preferences are searched
anyway: community weeks prove coverage in a fraction of a second, a street office's week may
not prove it at all, and its preferences must not be left unsearched."""


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
                     keep: frozenset[tuple[str, Post]] = frozenset(), exact: bool = False) -> RosterModel:
    rm = RosterModel(inst, pins, coverage_only, keep, exact)
    for literal in rm.pin_literals.values():
        rm.model.add(literal == 1)
    return rm


def _conflicting_pins(inst: Instance, pins: list[Assignment], options: SolveOptions) -> list[Assignment]:
    """A small set of pins that cannot hold together, found with CP-SAT assumptions."""
    rm = RosterModel(inst, pins)
    rm.model.clear_objective()
    rm.model.add_assumptions(list(rm.pin_literals.values()))
    solver = _parameters(options, options.time_limit_s)
    if solver.solve(rm.model) != cp_model.INFEASIBLE:
        return []
    core = set(solver.sufficient_assumptions_for_infeasibility())
    return [pin for pin, lit in rm.pin_literals.items() if lit.index in core]


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
    if status == cp_model.INFEASIBLE and pins:
        # Only pins can make the model infeasible (every other rule can be met by leaving
        # people out), so find which of them clash and solve the rest without them.
        together = _conflicting_pins(inst, pins, replace(options, time_limit_s=max(0.5, search._remaining()), workers=1)) or pins
        conflicts.append(Conflict("pins_together", texts.pins_together(inst, together), tuple(together)))
        pins = [p for p in pins if p not in together]
        left = search._remaining()
        search = _StagedSearch(inst, pins, replace(options, time_limit_s=max(0.5, left)), on_progress, stop, started)
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

    value = _valuer(solver)
    pinned = set(pins)
    assignments = tuple(
        Assignment(vid, post.gate, post.date, post.slot, pinned=Assignment(vid, post.gate, post.date, post.slot, True) in pinned)
        for vid, post in rm.vars.extract(solver.boolean_value)
    )
    shortages = _shortages(inst, assignments, texts, repair=inst.eligible is not inst.allowed)
    terms = _term_costs(inst, pins, rm, value)
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
        vid: [post for post in posts if (vid, post) in kept or (vid, post) in pinned or post in vacated]
        for vid, posts in inst.allowed.items()
    }
    return kept


def _term_costs(inst: Instance, pins: list[Assignment], answered: RosterModel,
                value: Callable[[cp_model.LinearExprT], int]) -> tuple[TermCost, ...]:
    """Every term of the full objective, valued exactly at the answer: an exact model
    with its decisions fixed to the answer, so each term is a plain function of it."""
    exact = _model_with_pins(inst, pins, exact=True)
    for key, var in exact.vars.x.items():
        exact.model.add(var == value(answered.vars.x[key]))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 60.0
    if solver.solve(exact.model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        raise RuntimeError("valuing the answer's terms failed; the model contradicts itself")
    exact_value = _valuer(solver)
    return tuple(TermCost(t.name, exact_value(t.expr), t.weight) for t in exact.terms)


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
            counts = classify(inst, post, assignments)
            out.append(Shortage(post.gate, post.date, post.slot, missing, unmet,
                                texts.shortage(inst, post, missing, unmet, counts, repair)))
    return out
