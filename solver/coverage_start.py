"""A first roster for a street office's coverage stage, made in plain Python, as CP-SAT's hint.

The stage minimises the people missing at posts. CP-SAT starts it from a roster with some 400
missing and takes 13–17 s on two cores to come down to a street office's 8 (proven at the same
time by `max_lp`'s bound): on a loaded machine or an unlucky seed the stage ended at 9, a whole
person's weight above the bound. This roster has about 20 missing after 0.3 s, and from it the
search reaches the 8 in 7–15 s (solver seeds 0–23, 2026-12-03).

Posts are filled in order of scarcity (fewest candidates per person needed), each by the adult
whose load is lightest against their cap who can still take it; then each short post is mended
by an augmenting path: a candidate who cannot take it because of one of their posts leaves
that post, which is mended the same way in turn. Minors come last, only where an adult
stands. Every rule a person's roster obeys in `solver.model` is kept: the hint is a roster
that holds, not a guess for CP-SAT to repair. A scenario with rules this does not model
(version 3's minimum and maximum minutes, runs, weekends, forbidden sequences) gets none.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from solver.instance import Instance
from solver.scenario import Assignment, Post

AUGMENT_DEPTH = 20
"""How many posts a chain of moves may pass through (a street office's week: 30 missing
after the filling, 27 at depth 2, 22 at 5, 20 at 20, all within 0.3 s)."""
AUGMENT_ROUNDS = 3
"""Passes over the short posts: a post mended late may open a path for one tried before."""


def coverage_start(inst: Instance, pins: Iterable[Assignment] = ()) -> frozenset[tuple[str, Post]] | None:
    """(volunteer, post) pairs of a roster that keeps every person's rules and each post's
    `max`, with pins in it; None if the scenario has rules this does not model."""
    if not _modelled(inst):
        return None
    roster = _Roster(inst)
    for pin in pins:
        # Pins stand as they are, wherever they are (the model holds them too).
        roster.put(pin.volunteer, pin.post)
        roster.pinned.add((pin.volunteer, pin.post))
    needed = {post: demand.min for post, demand in inst.demand.items() if demand.min > 0}
    order = sorted(needed, key=lambda p: (len(roster.adults[p]) / needed[p], p.date, p.slot, p.gate))
    for post in order:
        by_load = sorted(roster.adults[post], key=roster.lightness)
        for vid in by_load:
            if len(roster.at[post]) >= needed[post]:
                break
            if roster.fits(vid, post):
                roster.put(vid, post)
    for _ in range(AUGMENT_ROUNDS):
        mended = False
        for post in order:
            while len(roster.at[post]) < needed[post] and roster.augment(post, AUGMENT_DEPTH, {post}):
                mended = True
        if not mended:
            break
    for post in order:
        if roster.at[post] and len(roster.at[post]) < needed[post]:
            for vid in roster.minors[post]:
                if len(roster.at[post]) >= needed[post]:
                    break
                if roster.fits(vid, post):
                    roster.put(vid, post)
    return frozenset((vid, post) for vid, posts in roster.mine.items() for post in posts)


def _modelled(inst: Instance) -> bool:
    if inst.forbidden_sequences:
        return False
    return not any(
        v.max_minutes is not None or v.min_minutes or v.min_consecutive_days or v.min_consecutive_days_off
        or v.max_weekends is not None
        for v in inst.scenario.volunteers
    )


class _Roster:
    """Who stands where, with what each person's rules need to say whether one more post fits."""

    def __init__(self, inst: Instance):
        self.inst = inst
        rules = inst.scenario.rules
        self.per_day = 1 if inst.one_post_a_day else rules.max_slots_per_day
        self.rest = rules.min_rest_hours * 60 if rules.min_rest_hours else None
        self.adults: dict[Post, list[str]] = defaultdict(list)
        self.minors: dict[Post, list[str]] = defaultdict(list)
        for vid, posts in inst.eligible.items():
            volunteer = inst.volunteers[vid]
            for post in posts:
                (self.minors if volunteer.minor else self.adults)[post].append(vid)
        self.choices = {vid: len(posts) for vid, posts in inst.eligible.items()}
        self.cap = {vid: inst.cap_minutes(inst.volunteers[vid]) for vid in inst.eligible}
        self.most_days = {vid: inst.max_consecutive_days(inst.volunteers[vid]) for vid in inst.eligible}
        self.minutes: dict[str, int] = defaultdict(int)
        self.mine: dict[str, list[Post]] = defaultdict(list)
        self.at: dict[Post, list[str]] = defaultdict(list)
        self.pinned: set[tuple[str, Post]] = set()

    def lightness(self, vid: str) -> tuple[float, int]:
        """Load against the cap, then how many posts the person could take: the least
        loaded and least versatile first, keeping the versatile for the scarcer posts."""
        cap = self.cap[vid]
        return (self.minutes[vid] / cap if cap else 0.0), self.choices[vid]

    def put(self, vid: str, post: Post) -> None:
        self.mine[vid].append(post)
        self.minutes[vid] += self.inst.slots[post.slot].minutes
        self.at[post].append(vid)

    def take(self, vid: str, post: Post) -> None:
        self.mine[vid].remove(post)
        self.minutes[vid] -= self.inst.slots[post.slot].minutes
        self.at[post].remove(vid)

    def fits(self, vid: str, post: Post) -> bool:
        """Whether `vid` may take `post` besides their posts now (eligibility aside)."""
        inst = self.inst
        if vid in self.at[post] or len(self.at[post]) >= inst.demand[post].max:
            return False
        volunteer = inst.volunteers[vid]
        if volunteer.minor and not any(not inst.volunteers[other].minor for other in self.at[post]):
            return False
        cap = self.cap[vid]
        if cap is not None and self.minutes[vid] + inst.slots[post.slot].minutes > cap:
            return False
        mine = self.mine[vid]
        same_day = [p for p in mine if p.date == post.date]
        if self.per_day is not None and len(same_day) >= self.per_day:
            return False
        if any(inst.slots_overlap(p.slot, post.slot) for p in same_day):
            return False
        limit = volunteer.max_posts_by_slot.get(post.slot)
        if limit is not None and sum(p.slot == post.slot for p in mine) >= limit:
            return False
        if self.rest is not None and not self._rested(mine, post):
            return False
        most = self.most_days[vid]
        return most is None or _run_through(post.date, {p.date for p in mine}) <= most

    def _movable(self, vid: str, post: Post) -> bool:
        """Whether `vid` may leave `post`: not pinned there, nor the last adult beside a minor."""
        if (vid, post) in self.pinned:
            return False
        people = self.at[post]
        minors = any(self.inst.volunteers[other].minor for other in people)
        return not minors or sum(not self.inst.volunteers[other].minor for other in people) > 1

    def _rested(self, mine: list[Post], post: Post) -> bool:
        start, end = self.inst.post_span(post)
        for other in mine:
            if other.date == post.date:
                continue
            other_start, other_end = self.inst.post_span(other)
            gap = other_start - end if other_start >= end else start - other_end
            if gap < self.rest:
                return False
        return True

    def augment(self, post: Post, depth: int, seen: set[Post]) -> bool:
        """Adds one person to `post`, directly or by a chain of moves through at most
        `depth` other posts (each at most once, `seen`); False, with nothing changed, if
        there is none."""
        candidates = [vid for vid in self.adults[post] if vid not in self.at[post]]
        for vid in candidates:
            if self.fits(vid, post):
                self.put(vid, post)
                return True
        if depth == 0:
            return False
        for vid in candidates:
            for held in list(self.mine[vid]):
                if held in seen or not self._movable(vid, held):
                    continue
                self.take(vid, held)
                if self.fits(vid, post):
                    seen.add(held)
                    self.put(vid, post)
                    if self.augment(held, depth - 1, seen):
                        return True
                    self.take(vid, post)
                self.put(vid, held)
        return False


def _run_through(day: dt.date, on: set[dt.date]) -> int:
    """The length of the run of days on duty through `day` if it were one."""
    run = 1
    before = day - dt.timedelta(days=1)
    while before in on:
        run, before = run + 1, before - dt.timedelta(days=1)
    after = day + dt.timedelta(days=1)
    while after in on:
        run, after = run + 1, after + dt.timedelta(days=1)
    return run
