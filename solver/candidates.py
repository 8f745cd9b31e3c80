"""Who can take this post? The volunteers who may stand at a post as the roster stands now.

When the clerk fixes a roster by hand (someone dropped out, a post is short) the question is
"who can I put here without breaking a rule, and who is the best choice?". `rank(scenario,
assignments, post)` answers it: every volunteer either ranks as a `Candidate` or is
`Blocked` with the rule that bars them. Adding a candidate breaks no rule that caps what a
person may do (hours, minutes, posts per slot, days in a row, weekends, rest, forbidden
slot sequences…) given everyone else's posts. Version 3's minimum runs are different: one
more post may mend a run or cut one short, and a short run may be mended by a further
edit, so a person whose post would leave a run shorter than their minimum stays a
candidate, ranked below everyone who breaks nothing and saying which run
(`Candidate.lone_day`, `Candidate.short_days_off`; `Candidate.breaks_minimum`). Candidates
come best first, by what a clerk weighs, in this order:

1. breaks no minimum run (`min_consecutive_days`, `min_consecutive_days_off`),
2. their requests (asked for this slot that day first, no request next, asked to be off last),
3. free that day (fewest other posts on the date),
4. rested (no post on the day before or after within `REST_COMFORT_HOURS` of this one),
5. fewest hours this week and recently (`recent_hours`, from published weeks),
6. the gate suits them (a preferred gate first, no preference next, other preferences last),
7. the slot suits them (likewise with preferred slots),
then the scenario's order. Each candidate after the first says why it ranks below the one
above it (`Candidate.why_lower`: the first of these criteria that differs).

`min_minutes` needs no treatment: one more post can only bring a person nearer to it.

The answer is codes and numbers, not sentences: the window words them in the clerk's
language. Pure Python on `solver.scenario` types; the fixed rules (availability, the
party-member rule, allowed gates, minors' hours) are `solver.instance`'s reading, the same
the model uses. The tests check every answer against the independent validator: adding a
candidate breaks nothing (or exactly the minimum run it says), adding a blocked person
breaks something.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Iterable

from solver.instance import Instance
from solver.scenario import Assignment, Post, Scenario, Volunteer

REST_COMFORT_HOURS = 12
"""Less time than this between a post and one on the day before or after counts as not rested."""

# Why someone cannot take the post (`Blocked.reason`). The first five are the fixed rules
# (`solver.instance.Ineligible`'s codes); the rest depend on the other posts.
CLOSED = "closed"                    # the post has no demand (or room for nobody) that day
HERE = "here"                        # already standing at this post
UNAVAILABLE_WEEKDAY = "unavailable_weekday"
UNAVAILABLE_DATE = "unavailable_date"
EMPLOYED_RULE = "employed_rule"
GATE_NOT_ALLOWED = "gate_not_allowed"
MINOR_TOO_LATE = "minor_too_late"
BUSY = "busy"                        # at another post at the same time (`other`)
DAY_FULL = "day_full"                # at the day's maximum of posts (`limit`)
AT_CAP = "at_cap"                    # this post would take them over their hour cap (`limit`, minutes)
REST = "rest"                        # too little rest before/after a post on another date (`other`)
STREAK = "streak"                    # too many consecutive days on duty (`limit` days: the stricter
                                     # of the community's and their own)
MINOR_ALONE = "minor_alone"          # a minor, and no adult stands at the post
# Version 3's limits, per person unless said.
SLOT_LIMIT = "slot_limit"            # at their most posts in this slot over the horizon (`limit` posts)
MINUTES_CAP = "minutes_cap"          # this post would take them over their minutes over the horizon
                                     # (`limit`, minutes; the weekly hour caps are AT_CAP)
WEEKENDS = "weekends"                # a post on another weekend than theirs, at their most (`limit` weekends)
SEQUENCE = "sequence"                # the community forbids this slot after (or before) their post on
                                     # the day before (after): `other`

# Why a candidate ranks below the one above it (`Drawback.code`), in the ranking's order.
SHORT_RUN = "short_run"              # would break more minimum runs (counts: 0, 1 or 2)
REQUEST = "request"                  # their requests suit this post less (ASKED_FOR, NO_REQUEST, ASKED_OFF)
BUSIER_DAY = "busier_day"            # more other posts that day
LESS_RESTED = "less_rested"          # a post close before or after on another date
MORE_HOURS = "more_hours"            # more hours this week and recently
GATE_FIT = "gate_fit"                # the gate suits them less
SLOT_FIT = "slot_fit"                # the slot suits them less
SAME = "same"                        # as good as the one above; listed in the scenario's order

# Gate and slot fit: a preferred one, no preference at all, preferences elsewhere.
PREFERRED, NO_PREFERENCE, NOT_PREFERRED = 0, 1, 2
# A person's requests (version 3) for this slot on this date: asked to stand, none, asked to be off.
ASKED_FOR, NO_REQUEST, ASKED_OFF = 0, 1, 2


@dataclass(frozen=True)
class Drawback:
    """Why a candidate ranks below the one above: criterion `code`, their value against
    the value of the one above (`mine` > `above`; for MORE_HOURS in hours, for SHORT_RUN
    the minimum runs broken, for REQUEST ASKED_FOR…ASKED_OFF)."""

    code: str
    mine: float
    above: float


@dataclass(frozen=True)
class Candidate:
    """A volunteer who can take the post without breaking a hard rule.

    `posts_that_day`: their other posts on the date; `closest_rest_hours`: the least time
    between this post and one of theirs on another date (None if they have none);
    `week_hours`: hours this week; `recent_hours`: hours in published weeks before;
    `gate_fit`/`slot_fit`: PREFERRED, NO_PREFERENCE or NOT_PREFERRED; `request`: ASKED_FOR
    (a wanted request for this slot that day), ASKED_OFF (an unwanted one; it wins over a
    wanted one), NO_REQUEST; `lone_day`: the post would be a day on duty alone, with a day
    off on both sides inside the horizon, while they want at least `min_consecutive_days`
    in a row; `short_days_off`: the shortest run of days off between two of their posts
    that taking this post would leave, when shorter than their `min_consecutive_days_off`
    (else None); `why_lower`: None for the first candidate, else why they rank below the
    one above.
    """

    volunteer: str
    posts_that_day: int
    closest_rest_hours: float | None
    week_hours: float
    recent_hours: float
    gate_fit: int
    slot_fit: int
    request: int = NO_REQUEST
    lone_day: bool = False
    short_days_off: int | None = None
    why_lower: Drawback | None = None

    @property
    def rested(self) -> bool:
        return self.closest_rest_hours is None or self.closest_rest_hours >= REST_COMFORT_HOURS

    @property
    def load_hours(self) -> float:
        return self.week_hours + self.recent_hours

    @property
    def minimums_broken(self) -> int:
        """How many of their minimum runs taking the post would break (0, 1 or 2)."""
        return int(self.lone_day) + int(self.short_days_off is not None)

    @property
    def breaks_minimum(self) -> bool:
        """Taking the post would leave a run shorter than their minimum (a hard rule): a
        further edit must mend it before the roster is valid."""
        return self.minimums_broken > 0

    def key(self) -> tuple:
        return (self.minimums_broken, self.request, self.posts_that_day, not self.rested, round(self.load_hours, 2),
                self.gate_fit, self.slot_fit)


@dataclass(frozen=True)
class Blocked:
    """A volunteer who cannot take the post: `reason` is one of the codes above; `other`
    names the post that clashes (BUSY, REST, SEQUENCE); `limit` the number that binds
    (DAY_FULL: posts a day, AT_CAP and MINUTES_CAP: minutes, STREAK: days, SLOT_LIMIT:
    posts in the slot, WEEKENDS: weekends)."""

    volunteer: str
    reason: str
    other: Post | None = None
    limit: float | None = None


@dataclass(frozen=True)
class Ranking:
    """The answer for one post: `candidates` best first, `blocked` in the scenario's order
    (people already at the post left out), and how many `present` stand there now of the
    post's `maximum` (0 for a closed post). When the post is full (`room` <= 0), adding a
    candidate would crowd it: the clerk must first remove someone."""

    post: Post
    candidates: tuple[Candidate, ...]
    blocked: tuple[Blocked, ...]
    present: int
    maximum: int

    @property
    def room(self) -> int:
        return self.maximum - self.present


class CurrentRoster:
    """The current posts of a week, asked who may be added where.

    Build it once per roster (`CurrentRoster(scenario, assignments)`) and ask `blocked_by` or
    `rank` for as many posts as needed; it keeps the scenario's derived facts.
    """

    def __init__(self, scenario: Scenario, assignments: Iterable[Assignment], instance: Instance | None = None):
        self.inst = instance if instance is not None else Instance(scenario)
        self.scenario = scenario
        self.assignments = tuple(assignments)
        self.mine: dict[str, list[Assignment]] = defaultdict(list)
        self.at: dict[Post, list[str]] = defaultdict(list)
        for a in self.assignments:
            self.add(a)

    def add(self, a: Assignment) -> None:
        """Count `a` among the current posts (once, however often it is given)."""
        if all(b.post != a.post for b in self.mine[a.volunteer]):
            self.mine[a.volunteer].append(a)
            self.at[a.post].append(a.volunteer)

    def blocked_by(self, volunteer: Volunteer, post: Post) -> Blocked | None:
        """Why `volunteer` cannot be added at `post` (None: they can).

        Capacity is not judged here (see `Ranking.room`): a full post is a matter of who
        leaves, not of who comes.
        """
        inst = self.inst
        vid = volunteer.id
        demand = inst.demand.get(post)
        if demand is None or demand.max <= 0 or post.slot not in inst.slots:
            return Blocked(vid, CLOSED)
        mine = self.mine.get(vid, [])
        if any(a.post == post for a in mine):
            return Blocked(vid, HERE)
        why = inst.why_ineligible(volunteer, post)
        if why is not None:
            return Blocked(vid, why)
        same_day = [a for a in mine if a.date == post.date]
        for a in same_day:
            if inst.slots_overlap(a.slot, post.slot):
                return Blocked(vid, BUSY, other=a.post)
        limit = self.scenario.rules.max_slots_per_day
        if limit is not None and len(same_day) >= limit:
            return Blocked(vid, DAY_FULL, limit=limit)
        in_slot = volunteer.max_posts_by_slot.get(post.slot)
        if in_slot is not None and sum(a.slot == post.slot for a in mine) >= in_slot:
            return Blocked(vid, SLOT_LIMIT, limit=in_slot)
        cap = inst.cap_minutes(volunteer)
        served = sum(inst.slots[a.slot].minutes for a in mine)
        minutes = inst.slots[post.slot].minutes
        if cap is not None and served + minutes > cap:
            return Blocked(vid, AT_CAP, limit=cap)
        if volunteer.max_minutes is not None and served + minutes > volunteer.max_minutes:
            return Blocked(vid, MINUTES_CAP, limit=volunteer.max_minutes)
        rest = self.scenario.rules.min_rest_hours
        if rest is not None:
            start, end = inst.post_span(post)
            for a in mine:
                if a.date == post.date:
                    continue
                other_start, other_end = inst.post_span(a.post)
                if max(start - other_end, other_start - end) < rest * 60:
                    return Blocked(vid, REST, other=a.post)
        forbidden = inst.forbidden_sequences
        if forbidden:
            day_before, day_after = post.date - dt.timedelta(days=1), post.date + dt.timedelta(days=1)
            for a in mine:
                if (a.date == day_before and (a.slot, post.slot) in forbidden
                        or a.date == day_after and (post.slot, a.slot) in forbidden):
                    return Blocked(vid, SEQUENCE, other=a.post)
        streak = inst.max_consecutive_days(volunteer)
        if streak is not None and _run_through(post.date, {a.date for a in mine}) > streak:
            return Blocked(vid, STREAK, limit=streak)
        weekend = inst.weekend(post.date)
        if volunteer.max_weekends is not None and weekend is not None:
            weekends = {inst.weekend(a.date) for a in mine} - {None}
            if weekend not in weekends and len(weekends) >= volunteer.max_weekends:
                return Blocked(vid, WEEKENDS, limit=volunteer.max_weekends)
        if volunteer.minor and all(inst.volunteers[p].minor for p in self.at.get(post, []) if p in inst.volunteers):
            return Blocked(vid, MINOR_ALONE)
        return None

    def candidate(self, volunteer: Volunteer, post: Post) -> Candidate:
        """How `volunteer` (who may take `post`) fares on the ranking's criteria."""
        inst = self.inst
        mine = self.mine.get(volunteer.id, [])
        start, end = inst.post_span(post)
        gaps = [
            max(start - e, s - end) / 60
            for s, e in (inst.post_span(a.post) for a in mine if a.date != post.date)
        ]
        week_minutes = sum(inst.slots[a.slot].minutes for a in mine if a.slot in inst.slots)
        lone_day, short_days_off = self._short_runs(volunteer, post.date, {a.date for a in mine})
        return Candidate(
            volunteer=volunteer.id,
            posts_that_day=sum(a.date == post.date for a in mine),
            closest_rest_hours=min(gaps) if gaps else None,
            week_hours=week_minutes / 60,
            recent_hours=float(volunteer.recent_hours),
            gate_fit=_fit(post.gate, volunteer.preferred_gates),
            slot_fit=_fit(post.slot, volunteer.preferred_slots),
            request=_request(volunteer, post),
            lone_day=lone_day,
            short_days_off=short_days_off,
        )

    def _short_runs(self, volunteer: Volunteer, day: dt.date, on_duty: set[dt.date]) -> tuple[bool, int | None]:
        """Whether a post on `day` would be a lone day on duty shorter than their
        `min_consecutive_days`, and the shortest run of days off it would leave shorter than
        their `min_consecutive_days_off` (None: none), by `solver.validate`'s convention: a
        run on duty counts only with a date of the horizon on both sides, a run off duty
        only between two posts.

        Only what the post makes new is said. A post next to a run on duty lengthens it (it
        can only mend it), so the one new short run on duty is a lone day; a post inside a
        run of days off cuts it in two, and each part between posts is a new run, whatever
        the run was before."""
        if day in on_duty:
            return False, None  # another post that day: the runs stay as they are
        before, after = day - dt.timedelta(days=1), day + dt.timedelta(days=1)
        least_on = volunteer.min_consecutive_days
        dates = self.inst.dates
        lone = (least_on is not None and least_on > 1 and before not in on_duty and after not in on_duty
                and dates[0] < day < dates[-1])
        least_off = volunteer.min_consecutive_days_off
        short_off = None
        if least_off is not None:
            previous = max((d for d in on_duty if d < day), default=None)
            following = min((d for d in on_duty if d > day), default=None)
            gaps = [(day - previous).days - 1 if previous is not None else 0,
                    (following - day).days - 1 if following is not None else 0]
            short = [g for g in gaps if 0 < g < least_off]
            short_off = min(short) if short else None
        return lone, short_off

    def rank(self, post: Post) -> Ranking:
        """Everyone not at `post`, as ranked candidates or blocked with the reason."""
        candidates: list[Candidate] = []
        blocked: list[Blocked] = []
        for v in self.scenario.volunteers:
            why = self.blocked_by(v, post)
            if why is None:
                candidates.append(self.candidate(v, post))
            elif why.reason != HERE:
                blocked.append(why)
        position = {v.id: i for i, v in enumerate(self.scenario.volunteers)}
        candidates.sort(key=lambda c: (c.key(), position[c.volunteer]))
        ranked = [
            c if i == 0 else _with_reason(c, candidates[i - 1])
            for i, c in enumerate(candidates)
        ]
        demand = self.inst.demand.get(post)
        return Ranking(
            post=post,
            candidates=tuple(ranked),
            blocked=tuple(blocked),
            present=len(self.at.get(post, [])),
            maximum=demand.max if demand is not None else 0,
        )


def rank(scenario: Scenario, assignments: Iterable[Assignment], post: Post) -> Ranking:
    """Who can take `post` given the other `assignments`, best first (see the module)."""
    return CurrentRoster(scenario, assignments).rank(post)


def _fit(item: str, preferred: tuple[str, ...]) -> int:
    if not preferred:
        return NO_PREFERENCE
    return PREFERRED if item in preferred else NOT_PREFERRED


def _request(volunteer: Volunteer, post: Post) -> int:
    """ASKED_OFF, ASKED_FOR or NO_REQUEST: the person's requests for the post's slot that
    day (at any gate, as `solver.validate` grants them); asked off wins over asked for."""
    asked = {r.wanted for r in volunteer.requests if r.date == post.date and r.slot == post.slot}
    if False in asked:
        return ASKED_OFF
    return ASKED_FOR if True in asked else NO_REQUEST


def _run_through(day: dt.date, on_duty: set[dt.date]) -> int:
    """The length of the run of consecutive duty dates through `day` if `day` is added."""
    run, before, after = 1, day - dt.timedelta(days=1), day + dt.timedelta(days=1)
    while before in on_duty:
        run, before = run + 1, before - dt.timedelta(days=1)
    while after in on_duty:
        run, after = run + 1, after + dt.timedelta(days=1)
    return run


def _with_reason(candidate: Candidate, above: Candidate) -> Candidate:
    for code, mine, theirs in (
        (SHORT_RUN, candidate.minimums_broken, above.minimums_broken),
        (REQUEST, candidate.request, above.request),
        (BUSIER_DAY, candidate.posts_that_day, above.posts_that_day),
        (LESS_RESTED, not candidate.rested, not above.rested),
        (MORE_HOURS, round(candidate.load_hours, 2), round(above.load_hours, 2)),
        (GATE_FIT, candidate.gate_fit, above.gate_fit),
        (SLOT_FIT, candidate.slot_fit, above.slot_fit),
    ):
        if mine != theirs:
            if code == LESS_RESTED:
                mine = candidate.closest_rest_hours or 0.0
                theirs = above.closest_rest_hours if above.closest_rest_hours is not None else float("inf")
            elif code == MORE_HOURS:
                mine, theirs = candidate.load_hours, above.load_hours
            return replace(candidate, why_lower=Drawback(code, float(mine), float(theirs)))
    return replace(candidate, why_lower=Drawback(SAME, 0.0, 0.0))


__all__ = [
    "rank", "CurrentRoster", "Ranking", "Candidate", "Blocked", "Drawback", "REST_COMFORT_HOURS",
    "PREFERRED", "NO_PREFERENCE", "NOT_PREFERRED", "ASKED_FOR", "NO_REQUEST", "ASKED_OFF",
]
