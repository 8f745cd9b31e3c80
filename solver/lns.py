"""Large-neighbourhood search around CP-SAT, for models too big to search whole (a street
office's preferences, the benchmark's long horizons).

CP-SAT alone, on a benchmark's months (issue 7) with two workers, finds a first roster late
and improves it slowly: its own neighbourhoods are generic, while a roster has an obvious
structure, people × dates. So the search starts from a given roster if it holds (e.g.
`solver.heuristic`'s, valued by CP-SAT with its decisions fixed), else from the whole
model's first answers (it may prove a small model's optimum outright), then goes in rounds:
neighbourhoods for three quarters of a round, the whole model from the incumbent for the rest
(CP-SAT's local search and generic neighbourhoods descend fast where ours stall, and ours
where it stalls; measured on Instance8, 14 and 17; dropped when the whole model gives no
answer in its part of a round, as on a year's model). A neighbourhood frees some of the
decisions and fixes every other one at the incumbent:

- a window of consecutive dates, for everybody (moves work between people on those dates);
- a few people over the whole horizon (swaps whole rosters' pieces between them; the only
  way past per-person rules over the horizon, such as total minutes or weekends, which fix
  a person's load outside any window);
- a few people over a wider window (both at once).

Half of the neighbourhoods, when the caller says which days the incumbent leaves a post
short on (`short_days`), hold such a day: its window, or people who could stand on it. With
two or more workers (not in deterministic mode) neighbourhoods are solved side by side, one
per worker, each on its own copy of the model (a "lane"), and each lane follows the answers
the others take.

The sub-model is the whole model with the other decisions' domains fixed (no rebuilding:
the Python building of a year's model costs far more than CP-SAT's presolve of the fixed
part), hinted with the incumbent, so each sub-solve starts from a roster that holds and
returns one no worse. An answer as good as the incumbent is taken too (it moves the search
across plateaus); only a strictly better one is reported. Each kind of neighbourhood keeps
its own size, grown after a sub-solve proves its neighbourhood optimal and shrunk after
one runs out of time, so that sub-solves stay short and useful.

Deterministic when the solves are (one lane then): neighbourhoods come from a seeded
generator and each sub-solve runs one worker with its own seed, its budget counted by the
caller's clock.
"""

from __future__ import annotations

import bisect
import math
import random
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Sequence

from ortools.sat.python import cp_model

SolveFn = Callable[..., tuple[int, cp_model.CpSolver]]
"""solve(model, limit, callback, workers, seed, work=None, linearization=None) ->
(status, solver): the caller's CP-SAT call with at most `limit` of the caller's time (and
`work` deterministic units, and that `linearization_level`), which counts what it spends
and watches the caller's stop event."""

SUB_LINEARIZATION = 2
"""CP-SAT's full linearisation for sub-solves: a person's runs of days and minutes over the
horizon are proven far sooner in it (Instance8 and 14, 30 s: 2,523 and 2,154 against
2,737 and 2,367 with the default level); the whole model is slower with it."""

FIRST_SHARE = 0.3
"""Of the time, what the whole model's first search may use once it has an answer: it also
gives the only proven bound, and for a small model it may prove the optimum outright."""

SUB_WORK = 0.25
"""CP-SAT's deterministic work per sub-solve (about a second of one core here): enough for
a few hundred free decisions to be searched to the end, little enough for dozens of
neighbourhoods a minute. Counted in work, not seconds, so that a sub-solve searches as far
on a loaded machine, and neighbourhoods grow and shrink alike."""

START_WORK = 2.0
"""Work to value the starting roster: presolve fixes nearly all of it."""

ROUND_SHARE = 0.2
"""Of the time after the first answer, one round of neighbourhoods and whole-model search."""
WHOLE_SHARE = 0.25
"""Of a round, the whole model's part. Half before the neighbourhoods ran side by side;
with them, a quarter (medians of three seeds, 60 s, 2 workers, 2026-12-03): Instance17
6,189 against 6,596, Instance19 4,330 against 4,734, Instance14 1,431 against 1,425."""

KINDS = ("days", "people", "block")

BOOLEAN = cp_model.Domain(0, 1)
FIXED = (cp_model.Domain(0, 0), cp_model.Domain(1, 1))

SHORT_SHARE = 0.5
"""Of the neighbourhoods, those centred on a day the incumbent leaves a post short on (when
the caller says which, `short_days`): a short post is mended by people free that day, a
random window seldom holds it."""

MAX_LANES = 4
LANE_DECISIONS = 200_000
"""With two or more workers (and not in deterministic mode), up to that many neighbourhoods,
at most `MAX_LANES`, are solved at once, each on its own copy of the model, for models of
at most `LANE_DECISIONS` decisions (a copy of a year's million would cost more memory than
its neighbourhoods gain). A sub-solve runs one worker: two at once use both cores of a
two-core machine, where one left the second idle for half of each round."""

FINISH_PER_DECISION = 1e-5
"""Seconds per decision kept back from the search for what follows it: the caller reads
the answer, explains its short posts and values its terms (Instance24, a million
decisions: 6.4 s at load 2.6, 2026-12-03, freeing the model included; 15 s at load 4.5
when the terms were valued by building a model of the answer)."""

VALUING_PER_DECISION = 8e-6
"""Seconds per decision CP-SAT takes to value the starting roster (Instance24: 8.4–9.5 s
at load 4–4.5), about what a neighbourhood's sub-solve takes on the same model."""
VALUED_SOLVES = 3
"""With less time left than this many such solves (valuing the start and two
neighbourhoods), the starting roster is returned as it is: on a benchmark's year one
neighbourhood took 15 s and gave nothing, and the answer came after the limit."""


@dataclass
class Outcome:
    """The search's end: CP-SAT's status of the whole-model search (or FEASIBLE after
    neighbourhoods), the incumbent's value of every model variable (None without an
    answer), its objective and a proven lower bound."""

    status: int
    values: list[int] | None
    objective: int | None
    bound: int | None
    neighbourhoods: int = 0
    improvements: int = 0

    def boolean_value(self, var: cp_model.IntVar) -> bool:
        """Reads a decision as a solver would (the model's extraction goes through this)."""
        return bool(self.values[var.index])


class NeighbourhoodSearch:
    """Searches `model` (with its objective to minimise) by neighbourhoods over
    `decisions`, the boolean decision variables, each belonging to a person and a day
    (small integers: `person[i]`, `day[i]` for `decisions[i]`)."""

    def __init__(self, model: cp_model.CpModel, decisions: Sequence[cp_model.IntVar], person: Sequence[int],
                 day: Sequence[int], solve: SolveFn, time_left: Callable[[], float], stopped: Callable[[], bool],
                 on_improved: Callable[[int, int], None] | None = None, seed: int = 0, workers: int = 1,
                 first_callback: cp_model.CpSolverSolutionCallback | None = None,
                 sub_work: float = SUB_WORK, parallel: bool = False,
                 short_days: Callable[[list[int]], list[int]] | None = None):
        self.model = model
        self.decisions = list(decisions)
        self.person = list(person)
        self.day = list(day)
        self.solve = solve
        # What follows the search needs its time too: an answer after the limit is late.
        reserve = FINISH_PER_DECISION * len(decisions)
        self.time_left = lambda: time_left() - reserve
        self.stopped = stopped
        self.on_improved = on_improved
        self.seed = seed
        self.workers = workers
        self.first_callback = first_callback
        self.sub_work = sub_work
        self.rng = random.Random(seed)
        self.iteration = 0
        self.short_days = short_days
        self.lane_count = min(workers, MAX_LANES) if parallel and len(self.decisions) <= LANE_DECISIONS else 1
        self._lanes: list[_Lane] = []
        # The incumbent's changes since the lanes were last fixed to it: each entry the
        # decisions one taken answer may have changed (see `_run_lane`).
        self._changes: list[list[int]] = []
        self._lock = threading.Lock()
        n = len(self.decisions)
        # Start small: a neighbourhood proven optimal grows it (see `_adapt`).
        self.size = dict.fromkeys(KINDS, float(min(n, max(60, n // 40))))

    # Decisions by person and by day, made when a neighbourhood first needs them (a year's
    # million decisions took a second, for nothing when the start is the answer).

    @cached_property
    def by_person(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for i, p in enumerate(self.person):
            out.setdefault(p, []).append(i)
        return out

    @cached_property
    def by_day(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for i, d in enumerate(self.day):
            out.setdefault(d, []).append(i)
        return out

    @cached_property
    def people(self) -> list[int]:
        return sorted(self.by_person)

    @cached_property
    def days(self) -> list[int]:
        return sorted(self.by_day)

    # --- the whole model -----------------------------------------------------------------

    def _started(self, start: Sequence[int]) -> Outcome | None:
        """The starting roster as an answer of the whole model: its decisions fixed, CP-SAT
        works out the rest (the auxiliaries and the cost); None if it breaks a rule.

        With too little time left to value it and search from it (a benchmark's year), it
        is the answer as it is, unvalued (the caller values an answer from its decisions alone): the starting
        roster keeps every rule of the model but the `keep` of a repair."""
        if self.time_left() < VALUED_SOLVES * VALUING_PER_DECISION * len(self.decisions):
            values = [0] * len(self.model.proto.variables)
            for var, value in zip(self.decisions, start):
                values[var.index] = int(value)
            return Outcome(cp_model.FEASIBLE, values, None, 0)
        fixed = [cp_model.Domain(0, 0), cp_model.Domain(1, 1)]
        try:
            for var, value in zip(self.decisions, start):
                var.with_domain(fixed[value])
            status, solver = self.solve(self.model, self.time_left(), None, 1, self.seed, work=START_WORK,
                                        linearization=SUB_LINEARIZATION)
        finally:
            self._free_all()
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None
        started = Outcome(cp_model.FEASIBLE, list(solver.response_proto.solution), round(solver.objective_value), 0)
        if self.on_improved is not None:
            self.on_improved(started.objective, 0)
        return started

    def _first(self, start: Sequence[int] | None) -> Outcome:
        """The starting roster if it holds; else the whole model, searched until its share
        of the time is used with an answer in hand (all the time if none comes)."""
        started = self._started(start) if start is not None else None
        if started is not None:
            # The rounds search the whole model soon enough: a large one (Instance13's
            # 40,000 decisions) gave nothing in seconds even from the starting roster.
            return started
        status, solver = self.solve(self.model, FIRST_SHARE * self.time_left(), self.first_callback,
                                    self.workers, self.seed)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE) and status != cp_model.INFEASIBLE \
                and not self.stopped() and self.time_left() > 0.05:
            status, solver = self.solve(self.model, self.time_left(), self.first_callback, self.workers, self.seed)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return Outcome(status, None, None, None)
        return Outcome(status, list(solver.response_proto.solution), round(solver.objective_value),
                       math.ceil(solver.best_objective_bound - 1e-6))

    def run(self, start: Sequence[int] | None = None) -> Outcome:
        """Searches from `start` (a value per decision, e.g. `solver.heuristic`'s roster)
        if given and it holds."""
        best = self._first(start)
        if best.status != cp_model.FEASIBLE or not self.decisions or best.objective is None:
            return best
        round_length = ROUND_SHARE * self.time_left()
        try:
            self.whole_rounds = True
            while not self._over():
                # Rounds: neighbourhoods, then the whole model from the incumbent. CP-SAT's
                # own search (its local search and generic neighbourhoods, many a second)
                # descends fast where ours stall, ours where it stalls (measured, issue 7).
                self._fix_all(best.values)
                share = 1 - WHOLE_SHARE if self.whole_rounds else 1.0
                self._improve(best, self.time_left() - share * round_length)
                if not self.whole_rounds:
                    continue
                self._free_all()
                if self._over():
                    break
                if not self._whole(best, WHOLE_SHARE * round_length):
                    # No answer from the whole model in its part of a round (a year's model, or
                    # Instance13's 40,000 decisions): the rounds go to neighbourhoods alone.
                    self.whole_rounds = False
                if best.status == cp_model.OPTIMAL:
                    break
        finally:
            self._free_all()
            self.model.clear_hints()
        best.bound = min(best.bound, best.objective)
        return best

    def _over(self) -> bool:
        return self.stopped() or self.time_left() <= 0.05

    def _take(self, best: Outcome, solver: cp_model.CpSolver, region: list[int] | None = None) -> None:
        """Takes the solver's answer if it is no worse (reports it if better); `region`:
        the decisions in which it may differ from the incumbent (for the lanes to follow)."""
        objective = round(solver.objective_value)
        if objective > best.objective:
            return
        improved = objective < best.objective
        best.values = list(solver.response_proto.solution)
        best.objective = objective
        if region is not None:
            self._changes.append(region)
        if improved:
            best.improvements += 1
            if self.on_improved is not None:
                self.on_improved(objective, min(best.bound, objective))

    def _whole(self, best: Outcome, limit: float) -> bool:
        """The whole model from the incumbent; whether it gave an answer."""
        _hint(self.model, best.values)
        status, solver = self.solve(self.model, limit, None, self.workers, self.seed)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return False
        best.bound = max(best.bound, math.ceil(solver.best_objective_bound - 1e-6))
        self._take(best, solver)
        if status == cp_model.OPTIMAL:
            best.status = cp_model.OPTIMAL
        return True

    # --- neighbourhoods ------------------------------------------------------------------

    def _free_all(self) -> None:
        # Every decision is a boolean: its own domain is 0..1, not read back from each of a
        # year's million variables (4 s of CPU each time, 2026-12-03). Only the model
        # itself is freed: the lanes' copies are fixed afresh before they are used again.
        for var in self.decisions:
            var.with_domain(BOOLEAN)

    def _fix_all(self, values: list[int]) -> None:
        """Every lane's decisions fixed at `values` (the incumbent), none free."""
        if not self._lanes:
            self._lanes = [_Lane(self.model, self.decisions)]
            for _ in range(1, self.lane_count):
                copy = self.model.clone()
                self._lanes.append(_Lane(copy, [copy.get_bool_var_from_proto_index(v.index) for v in self.decisions]))
        self._changes = []
        for lane in self._lanes:
            for var in lane.decisions:
                var.with_domain(FIXED[values[var.index]])
            lane.free = []
            lane.synced = 0

    def _improve(self, best: Outcome, until: float) -> None:
        """Neighbourhoods until `time_left()` falls to `until`, on every lane at once."""
        if len(self._lanes) == 1:
            self._run_lane(self._lanes[0], best, until)
            return
        # CP-SAT lets go of Python's lock while it solves, so threads solve side by side.
        with ThreadPoolExecutor(len(self._lanes), thread_name_prefix="neighbourhoods") as pool:
            for lane in [pool.submit(self._run_lane, lane, best, until) for lane in self._lanes]:
                lane.result()  # a lane's error is the search's

    def _run_lane(self, lane: _Lane, best: Outcome, until: float) -> None:
        while not self._over() and self.time_left() > until:
            with self._lock:
                self.iteration += 1
                iteration = self.iteration
                kind = KINDS[(iteration - 1) % len(KINDS)]
                free = self._neighbourhood(kind, best.values)
                changed = self._changed_since(lane)
                lane.synced = len(self._changes)
                values = best.values  # replaced, never changed in place, by a take
            # Only the decisions whose state changes are touched: a year's model holds a
            # million, a neighbourhood a few hundred. Those the other lanes' answers
            # changed since this lane last looked follow the incumbent too.
            for i in (*lane.free, *changed):
                var = lane.decisions[i]
                var.with_domain(FIXED[values[var.index]])
            for i in free:
                lane.decisions[i].with_domain(BOOLEAN)
            lane.free = free
            _hint(lane.model, values)
            status, solver = self.solve(lane.model, self.time_left(), None, 1, self.seed + iteration,
                                        work=self.sub_work, linearization=SUB_LINEARIZATION)
            with self._lock:
                best.neighbourhoods += 1
                if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                    # The answer is `values` outside `free`; the incumbent is `values` but
                    # for what other lanes changed meanwhile.
                    self._take(best, solver, free + self._changed_since(lane))
                self._adapt(kind, status == cp_model.OPTIMAL)

    def _changed_since(self, lane: _Lane) -> list[int]:
        """The decisions the answers taken since `lane` last looked may have changed."""
        return [i for region in self._changes[lane.synced:] for i in region]

    def _adapt(self, kind: str, proven: bool) -> None:
        size = self.size[kind] * (1.5 if proven else 0.8)
        self.size[kind] = min(float(len(self.decisions)), max(10.0, size))

    def _neighbourhood(self, kind: str, values: list[int]) -> list[int]:
        """Indexes into `decisions` to free, about `size[kind]` of them; `values`: the
        incumbent, whose short days (`short_days`) some neighbourhoods are centred on."""
        share = self.size[kind] / len(self.decisions)
        short = None
        if self.short_days is not None and self.rng.random() < SHORT_SHARE:
            days = self.short_days(values)
            short = self.rng.choice(days) if days else None
        if kind == "days":
            window = self._window(share, short)
            return [i for d in window for i in self.by_day[d]]
        # People who could stand on the short day: those with a decision on it.
        pool = self.people if short is None else sorted({self.person[i] for i in self.by_day.get(short, ())})
        if kind == "people":
            chosen = self.rng.sample(pool, _count(share, len(self.people), least=2, most=len(pool)))
            return [i for p in chosen for i in self.by_person[p]]
        # A block: a window twice as long (in shares) as the share of people, so each
        # person has room to move.
        people_share = math.sqrt(share / 2)
        chosen = self.rng.sample(pool, _count(people_share, len(self.people), least=2, most=len(pool)))
        window = set(self._window(share / (len(chosen) / len(self.people)), short))
        return [i for p in chosen for i in self.by_person[p] if self.day[i] in window]

    def _window(self, share: float, around: int | None = None) -> list[int]:
        """Consecutive days, `share` of them, holding the day `around` if given."""
        count = _count(share, len(self.days), least=1)
        if around is None:
            start = self.rng.randrange(len(self.days) - count + 1)
        else:
            at = bisect.bisect_left(self.days, around)
            start = min(max(0, at - self.rng.randrange(count)), len(self.days) - count)
        return self.days[start:start + count]


class _Lane:
    """A copy of the model (the first lane's is the model itself) on which neighbourhoods
    are solved one after another: its `decisions`, those it last freed, and how many of
    the incumbent's changes it has followed."""

    def __init__(self, model: cp_model.CpModel, decisions: list[cp_model.IntVar]):
        self.model = model
        self.decisions = decisions
        self.free: list[int] = []
        self.synced = 0


def _hint(model: cp_model.CpModel, values: list[int]) -> None:
    model.clear_hints()
    hint = model.proto.solution_hint
    hint.vars.extend(range(len(values)))
    hint.values.extend(values)


def _count(share: float, total: int, least: int, most: int | None = None) -> int:
    """`share` of `total` things, at least `least` (as far as there are), at most all (or
    `most`)."""
    return min(total if most is None else most, max(least, round(share * total)))
