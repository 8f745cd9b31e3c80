"""The CP-SAT model that assigns volunteers to posts, and `solve`, its one entry point.

Hard rules (each a function below, composed in `HARD_RULES`): coverage max per open post,
closed posts and availability (no variable exists for a post a person may not take),
the party-member rule on the Chinese workday calendar (likewise), no overlapping posts,
max posts per day, max hours over the horizon, minors never alone, pins.

Soft terms, in strict order of importance (each level's weight exceeds everything below it
can cost, so one solve is a lexicographic optimisation):
  1. missing people at posts (below min),
  2. unmet gate needs (party members, skills),
  3. previous assignments not kept (re-solving repairs rather than reshuffles),
  4. fairness: the spread of hours relative to each person's cap (max ratio − min ratio),
  5. posts at a gate the person did not prefer.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable

from ortools.sat.python import cp_model

from solver.conflicts import find_conflicts
from solver.explain import Texts, classify
from solver.instance import Instance
from solver.scenario import Assignment, Conflict, Needs, Post, Roster, Scenario, Shortage

# Load ratios are measured in tenths of each person's cap. Slots last 2–6 hours against
# caps of 8–16, so finer steps tell a clerk nothing new, while they cost the proof of
# optimality seconds (measured on random community weeks: tenths proved in 0.2–1.2 s with
# 8 workers, permille left some unproven after 20 s).
LOAD_STEPS = 10


@dataclass(frozen=True)
class SolveOptions:
    """How to search. Eight workers even on two cores: CP-SAT's portfolio (LNS, core-based
    and LP workers) proves community weeks far faster than the two a 2-core default gives."""

    time_limit_s: float = 10.0
    workers: int = 8
    seed: int = 0
    language: str = "zh"


@dataclass(frozen=True)
class Progress:
    """One improving solution, as reported to a progress callback."""

    wall_time_s: float
    objective: int
    bound: int
    solutions: int


@dataclass(frozen=True)
class Term:
    """A named soft term: `expr` (an integer expression) costs `weight` per unit."""

    name: str
    expr: cp_model.LinearExprT
    upper: int
    weight: int = 0


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
    """Builds the model for one instance; `pins` are the pins to enforce."""

    def __init__(self, inst: Instance, pins: list[Assignment]):
        self.inst = inst
        self.model = cp_model.CpModel()
        self.vars = AssignmentVars(self.model, inst)
        self.pins = pins
        self.pin_literals: dict[Assignment, cp_model.IntVar] = {}
        for rule in HARD_RULES:
            rule(self)
        self.terms = soft_terms(self)
        weight = 1
        weighted = []
        # From least to most important: each weight exceeds the worst total of all below it.
        for i, term in enumerate(reversed(self.terms)):
            weighted.append(Term(term.name, term.expr, term.upper, weight))
            weight = sum(t.weight * t.upper for t in weighted) + 1
        self.terms = list(reversed(weighted))
        self.model.minimize(sum(t.weight * t.expr for t in self.terms))
        self._hint_previous()

    def _hint_previous(self) -> None:
        previous = {(a.volunteer, a.post) for a in self.inst.scenario.previous}
        if not previous:
            return
        for key, var in self.vars.x.items():
            self.model.add_hint(var, key in previous)


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


HARD_RULES = (coverage_max, no_overlap, max_posts_per_day, max_hours, minors_never_alone, pins)


# --- soft terms -------------------------------------------------------------------------


def soft_terms(m: RosterModel) -> list[Term]:
    """The objective's terms, most important first (weights are set by `RosterModel`)."""
    return [missing_people(m), unmet_needs(m), previous_dropped(m), hours_spread(m), unpreferred_gates(m)]


def missing_people(m: RosterModel) -> Term:
    shorts = []
    upper = 0
    for post, demand in m.inst.demand.items():
        if demand.min == 0:
            continue
        people = [var for _, var in m.vars.by_post.get(post, [])]
        short = m.model.new_int_var(0, demand.min, f"short[{post.gate},{post.date},{post.slot}]")
        m.model.add(short >= demand.min - sum(people))
        shorts.append(short)
        upper += demand.min
    return Term("missing_people", sum(shorts), upper)


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
            lack = m.model.new_int_var(0, n, f"unmet[{label},{post.gate},{post.date},{post.slot}]")
            m.model.add(lack >= n - sum(with_it))
            unmet.append(lack)
            upper += n
    return Term("unmet_needs", sum(unmet), upper)


def previous_dropped(m: RosterModel) -> Term:
    kept = [m.vars.get(a.volunteer, a.post) for a in m.inst.scenario.previous]
    kept = [var for var in kept if var is not None]
    # Previous assignments that are no longer allowed cannot be kept: they cost the same in
    # every answer, so they are left out of the term rather than counted.
    return Term("previous_dropped", len(kept) - sum(kept), len(kept))


def hours_spread(m: RosterModel) -> Term:
    """Max minus min of (minutes served / cap) in `LOAD_STEPS`, over people who can serve.

    The cap is the person's hour cap, or what they could serve at most if that is less, so
    that someone free for a single post is not counted as idle."""
    ratios_hi = m.model.new_int_var(0, LOAD_STEPS, "load_max")
    ratios_lo = m.model.new_int_var(0, LOAD_STEPS, "load_min")
    any_person = False
    for vid, posts in m.vars.by_person.items():
        if not posts:
            continue
        possible = sum(m.inst.slots[p.slot].minutes for p, _ in posts)
        cap = m.inst.cap_minutes(m.inst.volunteers[vid])
        scale = min(cap, possible) if cap is not None else possible
        if scale <= 0:
            continue
        any_person = True
        minutes = sum(m.inst.slots[p.slot].minutes * var for p, var in posts)
        # hi >= steps*minutes/scale >= lo, kept linear by multiplying out the constant scale.
        m.model.add(scale * ratios_hi >= LOAD_STEPS * minutes)
        m.model.add(scale * ratios_lo <= LOAD_STEPS * minutes)
    if not any_person:
        return Term("hours_spread", 0, 0)
    return Term("hours_spread", ratios_hi - ratios_lo, LOAD_STEPS)


def unpreferred_gates(m: RosterModel) -> Term:
    off = []
    upper = 0
    for (vid, post), var in m.vars.x.items():
        preferred = m.inst.volunteers[vid].preferred_gates
        if preferred and post.gate not in preferred:
            off.append(var)
    upper = sum(d.max for d in m.inst.demand.values())
    return Term("unpreferred_gates", sum(off), min(upper, len(off)))


# --- solving ----------------------------------------------------------------------------


class _ProgressReporter(cp_model.CpSolverSolutionCallback):
    def __init__(self, callback: Callable[[Progress], None] | None):
        super().__init__()
        self.callback = callback
        self.count = 0
        self.first_solution_s: float | None = None

    def on_solution_callback(self) -> None:
        self.count += 1
        if self.first_solution_s is None:
            self.first_solution_s = self.wall_time
        if self.callback is not None:
            self.callback(Progress(self.wall_time, int(self.objective_value), int(self.best_objective_bound), self.count))


@dataclass(frozen=True)
class SolveStats:
    """Figures of one solve, for the bench and the command line."""

    status: str
    wall_time_s: float
    first_solution_s: float | None
    objective: int | None
    bound: int | None
    terms: dict[str, int]


def _parameters(options: SolveOptions, time_limit: float) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
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


def _conflicting_pins(inst: Instance, pins: list[Assignment], options: SolveOptions) -> list[Assignment]:
    """A small set of pins that cannot hold together, found with CP-SAT assumptions."""
    rm = RosterModel(inst, pins)
    rm.model.clear_objective()
    rm.model.add_assumptions(list(rm.pin_literals.values()))
    solver = _parameters(SolveOptions(workers=1, seed=options.seed), options.time_limit_s)
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
    pins = [p for p in dict.fromkeys(Assignment(a.volunteer, a.gate, a.date, a.slot, True) for a in scenario.pinned)
            if p not in left_out]

    rm = RosterModel(inst, pins)
    for literal in rm.pin_literals.values():
        rm.model.add(literal == 1)
    solver = _parameters(options, options.time_limit_s)
    reporter = _ProgressReporter(on_progress)
    finish_watch = _watch(stop, solver)
    try:
        status = solver.solve(rm.model, reporter)
        if status == cp_model.INFEASIBLE and pins:
            # Only pins can make the model infeasible (every other rule can be met by
            # leaving people out), so find which of them clash and solve without them.
            remaining = options.time_limit_s - (time.perf_counter() - started)
            together = _conflicting_pins(inst, pins, SolveOptions(remaining, 1, options.seed)) or pins
            conflicts.append(Conflict("pins_together", texts.pins_together(inst, together), tuple(together)))
            pins = [p for p in pins if p not in together]
            rm = RosterModel(inst, pins)
            for literal in rm.pin_literals.values():
                rm.model.add(literal == 1)
            remaining = max(0.5, options.time_limit_s - (time.perf_counter() - started))
            solver = _parameters(options, remaining)
            finish_watch()
            finish_watch = _watch(stop, solver)
            reporter = _ProgressReporter(on_progress)
            status = solver.solve(rm.model, reporter)
    finally:
        finish_watch()

    wall = time.perf_counter() - started
    has_answer = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    status_name = {cp_model.OPTIMAL: "OPTIMAL", cp_model.FEASIBLE: "FEASIBLE"}.get(status, "UNKNOWN")
    if conflicts:
        status_name = "INFEASIBLE"
    if not has_answer:
        stats = SolveStats(status_name, wall, None, None, None, {})
        return Roster(scenario.name, status_name, wall_time_s=wall, warnings=inst.warnings,
                      conflicts=tuple(conflicts)), stats

    pinned = set(pins)
    assignments = tuple(
        Assignment(vid, post.gate, post.date, post.slot, pinned=Assignment(vid, post.gate, post.date, post.slot, True) in pinned)
        for vid, post in rm.vars.extract(solver.boolean_value)
    )
    shortages = _shortages(inst, assignments, texts)
    objective, bound = int(solver.objective_value), int(solver.best_objective_bound)
    stats = SolveStats(
        status_name, wall, reporter.first_solution_s, objective, bound,
        {t.name: int(solver.value(t.expr)) for t in rm.terms},
    )
    roster = Roster(
        scenario.name, status_name, assignments, tuple(shortages), objective, bound, wall,
        inst.warnings, tuple(conflicts),
    )
    return roster, stats


def _shortages(inst: Instance, assignments: tuple[Assignment, ...], texts: Texts) -> list[Shortage]:
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
                                texts.shortage(inst, post, missing, unmet, counts)))
    return out
