"""A starting roster built person by person, for large weighted models (issue 7).

On a benchmark's months CP-SAT may search the whole model for many seconds, or not at all
within a minute, before its first roster that holds: each person's own rules over the
horizon (minutes at least and at most, runs of days on and off, weekends, slot limits,
forbidden sequences) are easy alone and hard all at once. So people are rostered one after
another, each at what the people before them left (a post's `min` and `max` less those
already there), so each takes where they are most missing.

Each person is first rostered in plain Python, day by day (`_greedy_person`): on duty at
the post worth most when their rules leave a choice, pushed on duty as their minimum
minutes fall behind, topped up at the end. Only a person it leaves breaking a rule of
their own (or whose rules it does not know: pins, several posts a day, rest between days)
is rostered by a small CP-SAT model of that person alone, whose building and search take
a second or more each: a benchmark's year (150 people × 364 days) had no starting roster
within a minute that way, and takes seconds this way.

The result keeps every hard rule of the model (between people: a post's `max`, minors
never alone, as minors come last and only where an adult stands), but a repair's posts to
keep, which it does not know.
"""

from __future__ import annotations

import copy
import random
import time
from collections import Counter
from dataclasses import replace
from typing import Callable

from ortools.sat.python import cp_model

from solver.instance import Demand, Instance
from solver.scenario import WEIGHTED_COVERAGE_DEFAULTS
from solver.scenario import Assignment, Post

PERSON_WORK = 0.1
"""CP-SAT's deterministic work per person at first (one person's horizon is a few hundred
decisions: Instance14, 17 and 18 built in 1.3–2.2 s, as good as with five times more)..."""
RETRY_FACTOR = 5
ATTEMPTS = 3
"""...then five times more, twice, for a person without an answer (Instance20's tightest)."""
CP_SAT_SHARE = 0.9
"""Of the time left, what the CP-SAT models of the people left may take, judged by what
those before took: beyond it (a benchmark's year) the plain construction alone rosters
the rest. Instance13's 120 people take 21 s and end far better for it (60 s: 4,310
against 11,627 from the plain roster)."""
FIRST_GUESS = 1.5e-4
"""Seconds per decision of a person's CP-SAT model (building it, mostly), guessed before
the first is measured: a year's person (8,528 decisions) took 1.2 s to build alone."""


def starting_roster(inst: Instance, pins: list[Assignment], budget: float, deterministic: bool = False,
                    stopped: Callable[[], bool] = lambda: False,
                    seed: int = 0, relaxed: frozenset[tuple[str, str]] = frozenset(),
                    ) -> tuple[frozenset[tuple[str, Post]] | None, float]:
    """(volunteer, post) pairs of a roster made person by person (see the module), or None
    if a person's own rules leave them no roster or `budget` (seconds, or CP-SAT's
    deterministic work units when `deterministic`) runs out first; and what it used.
    `relaxed`: (volunteer, rule) pairs of minimums left out, as in the whole model."""
    started, work = time.perf_counter(), [0.0]

    def time_left() -> float:
        return budget - (work[0] if deterministic else time.perf_counter() - started)

    posts = _Posts(inst)
    chosen: list[tuple[str, Post]] = []
    pinned_by: dict[str, list[Assignment]] = {}
    for pin in pins:
        pinned_by.setdefault(pin.volunteer, []).append(pin)
    plain = _plain_rules(inst)
    # Minors last, each only where an adult already stands: minors are never alone.
    people = sorted(inst.scenario.volunteers, key=lambda v: v.minor)
    adults: list[int] | None = None  # how many adults stand at each post, once all have
    spent: list[float] = []  # what each person's CP-SAT model took (seconds or work)
    for volunteer in people:
        if stopped() or time_left() <= 0:
            return None, budget - time_left()
        vid = volunteer.id
        eligible = inst.eligible.get(vid, [])
        if volunteer.minor:
            if adults is None:
                adults = list(posts.taken)
            eligible = [post for post, i in zip(eligible, posts.indexes(eligible)) if adults[i]]
        if not eligible:
            continue
        mine = pinned_by.get(vid, [])
        own_relaxed = frozenset(rule for who, rule in relaxed if who == vid)
        roster = None
        if plain and not mine:
            person = _Person(inst, volunteer, posts, eligible, own_relaxed)
            requests = posts.requests(volunteer)
            roster = _greedy_person(person, posts, requests)
            if roster is None:
                roster = _planned_person(person, posts, requests)
        # CP-SAT rosters a person better than the plain construction (Instance17's whole
        # roster 10,646 against 20,520), in 0.05–0.5 s each: asked for everyone while the
        # time it took so far, carried over to the people left, fits its share.
        people_left = len(people) - len(spent)
        each = sum(spent) / len(spent) if spent else FIRST_GUESS * len(eligible)
        affordable = each * people_left <= CP_SAT_SHARE * time_left()
        if roster is None or affordable:
            before = work[0] if deterministic else time.perf_counter()
            # With a plain roster in hand, CP-SAT has only the person's fair share.
            share = CP_SAT_SHARE * time_left() / people_left if roster is not None else None
            better = _by_cp_sat(inst, vid, eligible, posts, mine, own_relaxed, seed, deterministic, time_left,
                                stopped, work, hint=roster, limit=share)
            spent.append((work[0] if deterministic else time.perf_counter()) - before)
            roster = better if better is not None else roster
            if roster is None:
                return None, budget - time_left()
        for i in roster:
            posts.taken[i] += 1
            chosen.append((vid, posts.post[i]))
    return frozenset(chosen), budget - time_left()


def _by_cp_sat(inst: Instance, vid: str, eligible: list[Post], posts: "_Posts", mine: list[Assignment],
               relaxed: frozenset[str], seed: int, deterministic: bool, time_left: Callable[[], float],
               stopped: Callable[[], bool], work: list[float], hint: list[int] | None = None,
               limit: float | None = None) -> list[int] | None:
    """The person's posts (indexes) by a CP-SAT model of them alone at what the people
    before left, starting from `hint` (their plain roster) if given, within `limit` (one
    attempt) if given; None if none is found in time."""
    from solver.model import RosterModel  # the model imports this module

    taken = Counter({posts.post[i]: n for i, n in enumerate(posts.taken) if n})
    alone = _alone(inst, vid, eligible, taken, {pin.post for pin in mine})
    rm = RosterModel(alone, mine, relaxed=frozenset((vid, rule) for rule in relaxed))
    for literal in rm.pin_literals.values():
        rm.model.add(literal == 1)
    objective = sum(t.weight * t.expr for t in rm.terms if t.weight)
    if not isinstance(objective, int):
        rm.model.minimize(objective)
    if hint is not None:
        hinted = {posts.post[i] for i in hint}
        for (_, post), var in rm.vars.x.items():
            rm.model.add_hint(var, post in hinted)
    status = cp_model.UNKNOWN
    clock = time_left()
    for attempt in range(ATTEMPTS if limit is None else 1):
        # Most people are settled in a fraction of the first budget; the few whose
        # rules are tight get more, rather than the whole roster given up.
        allowed = PERSON_WORK * RETRY_FACTOR ** attempt
        if limit is not None:
            if clock - time_left() >= limit:  # the model's building took the share
                return None
            left = limit - (clock - time_left())
            allowed = min(allowed, left) if deterministic else allowed
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
            solver.parameters.max_time_in_seconds = max(0.01, time_left() if limit is None else min(left, time_left()))
        status = solver.solve(rm.model)
        work[0] += solver.deterministic_time
        if status != cp_model.UNKNOWN or time_left() <= 0 or stopped():
            break
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return [posts.index[post] for _, post in rm.vars.extract(solver.boolean_value)]


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


# --- the plain-Python person -------------------------------------------------------------


class _Posts:
    """The instance's posts by index, with what each is worth to the next person: a person
    below `min` saves its missing person's price, one above it costs its over-cover price,
    none may go above `max`."""

    def __init__(self, inst: Instance):
        scenario = inst.scenario
        weights = scenario.weights or {}
        missing = weights.get("missing_people", WEIGHTED_COVERAGE_DEFAULTS["missing_people"])
        over = weights.get("over_cover", 1)
        self.on_weight = weights.get("on_requests", 1)
        self.off_weight = weights.get("off_requests", 1)
        self.post = list(inst.demand)
        self.index = {post: i for i, post in enumerate(self.post)}
        self.by_identity = {id(post): i for i, post in enumerate(self.post)}
        self.slot = [post.slot for post in self.post]
        self.minutes = [inst.slots[post.slot].minutes for post in self.post]
        demand = list(inst.demand.values())
        self.min = [d.min for d in demand]
        self.max = [d.max for d in demand]
        self.under_price = [missing * d.under_weight if inst.weighted_coverage else missing for d in demand]
        self.over_price = [over * d.over_weight for d in demand]
        self.taken = [0] * len(self.post)
        self.dates = {day: i for i, day in enumerate(inst.dates)}
        self.day = [self.dates[post.date] for post in self.post]
        self._at: dict[tuple, list[int]] | None = None

    def indexes(self, posts: list[Post]) -> list[int]:
        # The eligible lists hold the demand's own Post objects: found by identity, not
        # by hashing a dataclass (a year's 150 people × 11,648 posts).
        by_identity, index = self.by_identity, self.index
        return [by_identity[id(p)] if id(p) in by_identity else index[p] for p in posts]

    def requests(self, volunteer) -> dict[int, int]:
        """Post index -> what standing there is worth to the person's requests."""
        if not volunteer.requests:
            return {}
        if self._at is None:
            self._at = {}
            for i, post in enumerate(self.post):
                self._at.setdefault((post.date, post.slot), []).append(i)
        worth: dict[int, int] = {}
        for r in volunteer.requests:
            value = r.weight * self.on_weight if r.wanted else -r.weight * self.off_weight
            for i in self._at.get((r.date, r.slot), ()):
                worth[i] = worth.get(i, 0) + value
        return worth

    def value(self, i: int, requests: dict[int, int]) -> int:
        gain = self.under_price[i] if self.taken[i] < self.min[i] else -self.over_price[i]
        return gain + requests.get(i, 0)


def _plain_rules(inst: Instance) -> bool:
    """Whether the plain-Python construction knows every rule of a person alone: one post
    a day, no rest between days counted in hours."""
    rules = inst.scenario.rules
    return inst.one_post_a_day and rules.max_slots_per_day != 0 and not rules.min_rest_hours


class _Person:
    """One person's own rules over the horizon's days (by index), as `solver.model` builds
    them: one post a day at most, runs counted inside the horizon."""

    def __init__(self, inst: Instance, volunteer, posts: _Posts, eligible: list[Post], relaxed: frozenset[str]):
        n = len(inst.dates)
        self.n = n
        self.day_posts: list[list[int]] = [[] for _ in range(n)]
        day = posts.day
        for i in posts.indexes(eligible):
            self.day_posts[day[i]].append(i)
        caps = [c for c in (volunteer.max_minutes, inst.cap_minutes(volunteer)) if c is not None]
        self.max_minutes = min(caps) if caps else None
        self.min_minutes = (volunteer.min_minutes or 0) if "min_minutes" not in relaxed else 0
        most = inst.max_consecutive_days(volunteer)
        self.max_run = most if most is not None else n
        self.min_run = (volunteer.min_consecutive_days or 1) if "min_consecutive_days" not in relaxed else 1
        self.min_off = (volunteer.min_consecutive_days_off or 1) if "min_consecutive_days_off" not in relaxed else 1
        self.max_weekends = volunteer.max_weekends
        self.slot_limits = dict(volunteer.max_posts_by_slot)
        self.forbidden = inst.forbidden_sequences
        self.weekend = [inst.weekend(d) for d in inst.dates]
        self.slot = posts.slot
        self.minutes = posts.minutes

    def holds(self, chosen: list[int | None], minimum: bool = True) -> bool:
        """Whether a roster (a post index or None per day) keeps every one of the person's
        rules (but the minimum minutes unless `minimum`)."""
        n, slot = self.n, self.slot
        minutes = 0
        per_slot: Counter[str] = Counter()
        weekends = set()
        for d, i in enumerate(chosen):
            if i is None:
                continue
            minutes += self.minutes[i]
            per_slot[slot[i]] += 1
            if self.weekend[d] is not None:
                weekends.add(self.weekend[d])
            if d + 1 < n and chosen[d + 1] is not None and (slot[i], slot[chosen[d + 1]]) in self.forbidden:
                return False
        if self.max_minutes is not None and minutes > self.max_minutes:
            return False
        if minimum and minutes < self.min_minutes:
            return False
        if any(count > self.slot_limits.get(s, count) for s, count in per_slot.items()):
            return False
        if self.max_weekends is not None and len(weekends) > self.max_weekends:
            return False
        d = 0
        while d < n:
            on = chosen[d] is not None
            e = d
            while e + 1 < n and (chosen[e + 1] is not None) == on:
                e += 1
            length = e - d + 1
            inside = d > 0 and e < n - 1
            if on and (length > self.max_run or (inside and length < self.min_run)):
                return False
            if not on and inside and length < self.min_off:
                return False
            d = e + 1
        return True


def _greedy_person(person: _Person, posts: _Posts, requests: dict[int, int]) -> list[int] | None:
    """A roster for one person (post indexes), day by day: on duty at the post worth most
    (against 0 for a day off) when their rules leave a choice, at the best post that keeps
    them within their rules when not; the further their minimum minutes fall behind the
    days left, the more they are pushed on duty. Topped up towards the minimum at the end;
    None if it still breaks a rule of theirs (the caller asks CP-SAT)."""
    n = person.n
    chosen: list[int | None] = [None] * n
    minutes = 0
    per_slot: Counter[str] = Counter()
    weekends: set = set()
    limits, forbidden, slot, slot_minutes = person.slot_limits, person.forbidden, person.slot, person.minutes
    taken, most = posts.taken, posts.max
    most_minutes = person.max_minutes if person.max_minutes is not None else 1 << 60
    all_minutes = [slot_minutes[i] for day in person.day_posts for i in day]
    if not all_minutes:
        return []
    typical = sum(all_minutes) / len(all_minutes)
    shortest = min(all_minutes)
    pressure = max(max(posts.under_price), 1)
    # Of the days left, the most a person's runs let them work (runs of the longest, each
    # followed by the shortest rest).
    share = person.max_run / (person.max_run + person.min_off) if person.min_off > 1 else 1.0
    workable_after = [0] * (n + 1)
    for d in range(n - 1, -1, -1):
        workable_after[d] = workable_after[d + 1] + bool(person.day_posts[d])
    prev: int | None = None
    run = 0  # days in the current run (on duty if prev is not None, else off)
    from_start = True  # the current run began on the first date: no minimum applies to it

    def can_start(d: int) -> bool:
        """A run begun on day d can last its minimum (or to the horizon's end)."""
        end = min(n, d + person.min_run)
        new_weekends = set()
        for e in range(d, end):
            if not person.day_posts[e]:
                return False
            saturday = person.weekend[e]
            if saturday is not None and saturday not in weekends:
                new_weekends.add(saturday)
        if person.max_weekends is not None and len(weekends) + len(new_weekends) > person.max_weekends:
            return False
        return minutes + (end - d) * shortest <= most_minutes

    for d in range(n):
        working = prev is not None
        if working:
            must_work = run < person.min_run and not from_start
            must_rest = run >= person.max_run
        else:
            must_work = False
            must_rest = (run < person.min_off and not from_start) or not can_start(d)
        pick = None
        if not must_rest and person.day_posts[d]:
            saturday = person.weekend[d]
            weekend_full = saturday is not None and person.max_weekends is not None \
                and saturday not in weekends and len(weekends) >= person.max_weekends
            candidates = [] if weekend_full else [
                i for i in person.day_posts[d]
                if taken[i] < most[i] and minutes + slot_minutes[i] <= most_minutes
                and per_slot[slot[i]] < limits.get(slot[i], 1 << 30)
                and (prev is None or (slot[prev], slot[i]) not in forbidden)]
            if candidates:
                need = person.min_minutes - minutes
                capacity = share * workable_after[d] * typical
                rate = need / capacity if capacity > 0 else (1.0 if need > 0 else 0.0)
                bonus = pressure * max(0.0, 2 * rate - 1) / typical
                score, best = max((posts.value(i, requests) + bonus * slot_minutes[i], -i) for i in candidates)
                if must_work or rate >= 1 or score > 0:
                    pick = -best
        if pick is None and must_work:
            return None
        chosen[d] = pick
        if pick is not None:
            minutes += slot_minutes[pick]
            per_slot[slot[pick]] += 1
            if person.weekend[d] is not None:
                weekends.add(person.weekend[d])
        if d > 0 and (pick is not None) == working:
            run += 1
        else:
            from_start = d == 0
            run = 1
        prev = pick
    if minutes < person.min_minutes:
        _top_up(_Edit(person, chosen), posts, requests)
    if not person.holds(chosen):
        return None
    return [i for i in chosen if i is not None]


def _planned_person(person: _Person, posts: _Posts, requests: dict[int, int]) -> list[int] | None:
    """A roster for one person whose runs must be packed tightly (a benchmark's year asks
    232 days on duty of a possible 233): which days they are on duty is chosen for the
    whole horizon at once, by dynamic programming over the runs of days on and off (their
    lengths, the dates they cannot work), each day on duty worth its best post plus a price
    per minute that is bisected until the minutes fall between the person's minimum and
    maximum, and a price per weekend day raised until the weekends do; the posts are then
    chosen day by day along that pattern. None if no price gives a roster that holds."""
    n = person.n
    if not any(person.day_posts):
        return []
    slot, slot_minutes, forbidden, limits = person.slot, person.minutes, person.forbidden, person.slot_limits
    taken, most = posts.taken, posts.max
    worth = [[(posts.value(i, requests), i) for i in day if taken[i] < most[i]] for day in person.day_posts]
    low_minutes = person.min_minutes
    high_minutes = person.max_minutes if person.max_minutes is not None else 1 << 60
    scale = max(max(posts.under_price), 1)
    noise = random.Random(n)
    jitter = [noise.random() for _ in range(n)]

    def posts_along(on: list[bool], price: float) -> list[int | None] | None:
        # Each run's posts at once (a late post may forbid every earlier one the next day,
        # and be limited over the horizon: taken greedily it strands the run's end).
        chosen: list[int | None] = [None] * n
        per_slot: Counter[str] = Counter()
        d = 0
        while d < n:
            if not on[d]:
                d += 1
                continue
            e = d
            while e + 1 < n and on[e + 1]:
                e += 1
            banned: set[str] = set()
            for _ in range(4):
                run = _run_posts([[(w + price * slot_minutes[i], i) for w, i in worth[day]
                                   if slot[i] not in banned and per_slot[slot[i]] < limits.get(slot[i], 1 << 30)]
                                  for day in range(d, e + 1)], slot, forbidden)
                if run is None:
                    return None
                uses = Counter(slot[i] for i in run)
                over = {s for s, k in uses.items() if per_slot[s] + k > limits.get(s, 1 << 30)}
                if not over:
                    break
                banned |= over
            else:
                return None
            for day, i in zip(range(d, e + 1), run):
                chosen[day] = i
                per_slot[slot[i]] += 1
            d = e + 1
        return chosen

    def attempt(price: float, weekend_price: float) -> tuple[list[int | None] | None, int]:
        # A little of each day's own (fixed) noise: many days are worth the same, and
        # would all change sides at one price, stepping over the minutes wanted.
        gains = [max((w + price * slot_minutes[i] for w, i in day), default=None) for day in worth]
        gains = [g if g is None else g + jitter[d] for d, g in enumerate(gains)]
        on = _best_pattern(person, gains, weekend_price)
        if on is None:
            return None, 0
        chosen = posts_along(on, price)
        if chosen is None:
            return None, 0
        return chosen, sum(slot_minutes[i] for i in chosen if i is not None)

    weekend_price = 0.0
    for _ in range(6):
        low, high = -4.0 * scale, 4.0 * scale  # per typical post's minutes, see below
        typical = max(1, sum(slot_minutes[i] for day in worth for _, i in day) // max(1, sum(map(len, worth))))
        too_many_weekends = False
        for _ in range(14):
            price = (low + high) / 2
            chosen, minutes = attempt(price / typical, weekend_price)
            if chosen is not None and not low_minutes <= minutes <= high_minutes:
                edit = _Edit(person, chosen)
                if minutes > high_minutes:
                    _trim(edit)
                    _shorten(edit)
                elif low_minutes - minutes <= 2 * typical:
                    # A band narrower than a post's minutes (a benchmark's year: 720
                    # minutes, posts of 480, 600 and 720): longer posts or a day more.
                    _top_up(edit, posts, requests)
                minutes = edit.minutes
            if chosen is None:
                low = price
                continue
            over = person.max_weekends is not None and person.max_weekends < len(
                {person.weekend[d] for d in range(n) if chosen[d] is not None and person.weekend[d] is not None})
            if over:
                too_many_weekends = True
            if low_minutes <= minutes <= high_minutes and not over:
                if person.holds(chosen):
                    return [i for i in chosen if i is not None]
                return None  # another rule breaks: left to CP-SAT
            if minutes < low_minutes:
                low = price
            else:
                high = price
        if not too_many_weekends:
            return None
        weekend_price = weekend_price * 2 if weekend_price else scale / 4
    return None


def _best_pattern(person: _Person, gains: list[float | None], weekend_price: float = 0.0) -> list[bool] | None:
    """Days on duty maximising the sum of `gains` (None: the person cannot work that day)
    less `weekend_price` per weekend on duty, with every run of days on at most the longest
    and, inside the horizon, at least the shortest the person may work, and runs off
    between days on at least their least."""
    if weekend_price:
        # Each weekend day on duty pays; a Sunday after a Saturday on duty is paid back
        # (same weekend), see the moves below.
        gains = [g - weekend_price if g is not None and person.weekend[d] is not None else g
                 for d, g in enumerate(gains)]
        same_weekend = [d > 0 and person.weekend[d] is not None and person.weekend[d] == person.weekend[d - 1]
                        for d in range(person.n)]
    n, longest, shortest, rest = person.n, person.max_run, person.min_run, person.min_off
    # A state: (on duty, length of the run so far capped where it stops mattering, whether
    # the run began on the first date and so needs no minimum).
    NEG = float("-inf")
    score: dict[tuple, float] = {}
    back: list[dict[tuple, tuple | None]] = []
    here: dict[tuple, tuple | None] = {}
    if gains[0] is not None:
        score[(True, 1, True)] = gains[0]
        here[(True, 1, True)] = None
    score[(False, 1, True)] = 0.0
    here[(False, 1, True)] = None
    back.append(here)
    for d in range(1, n):
        g = gains[d]
        nxt: dict[tuple, float] = {}
        here = {}
        for state, value in score.items():
            on, length, free = state
            moves = []
            if on:
                if g is not None and length < longest:
                    again = weekend_price if weekend_price and same_weekend[d] else 0.0
                    moves.append(((True, length + 1, free), value + g + again))
                if free or length >= shortest:
                    moves.append(((False, 1, False), value))
            else:
                moves.append(((False, min(length + 1, rest), free), value))
                if g is not None and (free or length >= rest):
                    moves.append(((True, 1, False), value + g))
            for target, v in moves:
                if v > nxt.get(target, NEG):
                    nxt[target] = v
                    here[target] = state
        score = nxt
        back.append(here)
    if not score:
        return None
    state = max(score, key=lambda s: (score[s], s))
    on = [False] * n
    for d in range(n - 1, -1, -1):
        on[d] = state[0]
        state = back[d][state]
    return on


def _run_posts(options: list[list[tuple[float, int]]], slot: list[str], forbidden) -> list[int] | None:
    """The posts of one run of days on duty (a (worth, post) list per day) worth most in
    all with no forbidden sequence between one day's and the next; None if every choice
    has one."""
    best: list[tuple[float, int]] = sorted(options[0], reverse=True)  # (worth so far, post), best first
    came: list[dict[int, int]] = []
    for day in options[1:]:
        here: dict[int, int] = {}
        scored = []
        for w, i in day:
            # The best way to get here is nearly always the best so far, or close to it.
            for value, j in best:
                if (slot[j], slot[i]) not in forbidden:
                    scored.append((value + w, i))
                    here[i] = j
                    break
        if not scored:
            return None
        scored.sort(reverse=True)
        best = scored
        came.append(here)
    if not best:
        return None
    i = best[0][1]
    path = [i]
    for here in reversed(came):
        i = here[i]
        path.append(i)
    return path[::-1]


class _Edit:
    """A person's roster (a post index or None per day) changed a day at a time, each
    change kept only if the person's rules (but their minimum minutes) still hold: checked
    near the day changed, with the minutes, posts per slot and weekends counted as it goes
    (a full check per change took most of a benchmark's year)."""

    def __init__(self, person: _Person, chosen: list[int | None]):
        self.person = person
        self.chosen = chosen
        self.minutes = sum(person.minutes[i] for i in chosen if i is not None)
        self.per_slot: Counter[str] = Counter(person.slot[i] for i in chosen if i is not None)
        self.weekend_days: Counter = Counter(person.weekend[d] for d, i in enumerate(chosen)
                                             if i is not None and person.weekend[d] is not None)

    def set(self, d: int, i: int | None) -> bool:
        """chosen[d] = i if the person's rules hold after; whether it was done."""
        p, chosen = self.person, self.chosen
        old = chosen[d]
        if old == i:
            return True
        length, slot = p.minutes, p.slot
        minutes = self.minutes - (length[old] if old is not None else 0) + (length[i] if i is not None else 0)
        if p.max_minutes is not None and minutes > p.max_minutes and minutes > self.minutes:
            return False
        if i is not None:
            if (old is None or slot[old] != slot[i]) and self.per_slot[slot[i]] >= p.slot_limits.get(slot[i], 1 << 30):
                return False
            if (d > 0 and chosen[d - 1] is not None and (slot[chosen[d - 1]], slot[i]) in p.forbidden) or \
                    (d + 1 < p.n and chosen[d + 1] is not None and (slot[i], slot[chosen[d + 1]]) in p.forbidden):
                return False
        saturday = p.weekend[d]
        new_weekend = saturday is not None and old is None and self.weekend_days[saturday] == 0
        if new_weekend and p.max_weekends is not None and \
                sum(1 for k in self.weekend_days.values() if k) >= p.max_weekends:
            return False
        chosen[d] = i
        if (old is None) != (i is None) and not all(self._run_holds(e) for e in (d - 1, d, d + 1) if 0 <= e < p.n):
            chosen[d] = old
            return False
        self.minutes = minutes
        if old is not None:
            self.per_slot[slot[old]] -= 1
            if saturday is not None:
                self.weekend_days[saturday] -= 1
        if i is not None:
            self.per_slot[slot[i]] += 1
            if saturday is not None:
                self.weekend_days[saturday] += 1
        return True

    def _run_holds(self, d: int) -> bool:
        p, chosen = self.person, self.chosen
        on = chosen[d] is not None
        start = d
        while start > 0 and (chosen[start - 1] is not None) == on:
            start -= 1
        end = d
        while end + 1 < p.n and (chosen[end + 1] is not None) == on:
            end += 1
        length = end - start + 1
        inside = start > 0 and end < p.n - 1
        if on:
            return length <= p.max_run and (not inside or length >= p.min_run)
        return not inside or length >= p.min_off


def _top_up(edit: _Edit, posts: _Posts, requests: dict[int, int]) -> None:
    """Towards the person's minimum minutes: longer posts on days on duty, then days on
    duty added, the most valuable first, each where the rules still hold."""
    person, chosen = edit.person, edit.chosen
    length = person.minutes
    taken, most = posts.taken, posts.max
    for d in range(person.n):
        if edit.minutes >= person.min_minutes:
            return
        current = chosen[d]
        if current is None:
            continue
        longer = sorted((i for i in person.day_posts[d] if length[i] > length[current] and taken[i] < most[i]),
                        key=lambda i: (-posts.value(i, requests), i))
        for i in longer:
            if edit.set(d, i):
                break
    days = [d for d in range(person.n) if chosen[d] is None and person.day_posts[d]]
    days.sort(key=lambda d: -max(posts.value(i, requests) for i in person.day_posts[d]))
    for d in days:
        if edit.minutes >= person.min_minutes:
            return
        for i in sorted((i for i in person.day_posts[d] if taken[i] < most[i]),
                        key=lambda i: (-posts.value(i, requests), i)):
            if edit.set(d, i):
                break


def _trim(edit: _Edit) -> None:
    """Towards the person's maximum minutes: days taken off the ends of runs, never below
    their minimum."""
    person, chosen = edit.person, edit.chosen
    for d in range(person.n):
        if edit.minutes <= person.max_minutes:
            return
        i = chosen[d]
        if i is None or (d + 1 < person.n and chosen[d + 1] is not None):
            continue  # not a run's last day
        if edit.minutes - person.minutes[i] >= person.min_minutes:
            edit.set(d, None)


def _shorten(edit: _Edit) -> None:
    """Towards the person's maximum minutes: shorter posts on days on duty, never below
    their minimum."""
    person, chosen = edit.person, edit.chosen
    length = person.minutes
    for d in range(person.n):
        if edit.minutes <= person.max_minutes:
            return
        current = chosen[d]
        if current is None:
            continue
        for i in sorted(person.day_posts[d], key=lambda i: length[i]):
            cut = length[current] - length[i]
            if cut > 0 and edit.minutes - cut >= person.min_minutes and edit.set(d, i):
                break
