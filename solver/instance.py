"""What a scenario means for the model: open posts, who may stand where, and why not.

The model (`solver.model`) and the shortage explanations (`solver.explain`) both need the
same derived facts, so they are computed once here. The validator deliberately does not
use this module: it recomputes everything from the spec, so a mistake here cannot hide.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property

from solver.scenario import Post, Scenario, Slot, Volunteer, weekday_key
from solver.workdays import WorkdayCalendar


class Ineligible:
    """Codes for why a volunteer may never stand at a post (before any other assignment)."""

    UNAVAILABLE_WEEKDAY = "unavailable_weekday"
    UNAVAILABLE_DATE = "unavailable_date"
    EMPLOYED_RULE = "employed_rule"
    GATE_NOT_ALLOWED = "gate_not_allowed"
    MINOR_TOO_LATE = "minor_too_late"


@dataclass(frozen=True)
class Demand:
    """The resolved staffing of an open post, with version 3's prices of a person below
    `min` (weighted coverage only) and above it (`over_cover`)."""

    min: int
    max: int
    under_weight: int = 1
    over_weight: int = 0


class Instance:
    """Derived, read-only facts of one scenario.

    Attributes:
        scenario: the input.
        workday: date -> is it a workday (Chinese calendar plus the scenario's overrides).
        warnings: calendar fallbacks the answer must mention.
        demand: every open post (a demand entry applies) -> its min and max, in the order
            gate, date, slot of the scenario.
    """

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self.slots = {s.id: s for s in scenario.slots}
        self.gates = {g.id: g for g in scenario.gates}
        self.volunteers = {v.id: v for v in scenario.volunteers}
        calendar = WorkdayCalendar(scenario.calendar)
        self.dates = scenario.dates
        self.workday = {day: calendar.is_workday(day) for day in self.dates}
        self.warnings = calendar.warnings()
        self.demand = self._resolve_demand()
        self.repair = False
        """Whether `eligible` was narrowed to repair the previous roster."""

    @property
    def weighted_coverage(self) -> bool:
        """Coverage priced in the one weighted sum (version 3). It needs the scenario's
        weights: a scenario without them keeps coverage first."""
        return self.scenario.coverage == "weighted" and self.scenario.weights is not None

    def _resolve_demand(self) -> dict[Post, Demand]:
        out: dict[Post, Demand] = {}
        horizon = set(self.dates)
        for gate in self.scenario.gates:
            # Each rule visits only the dates it names (a benchmark's gate has hundreds of
            # rules of a few dates each): linear in the rules' dates, not dates × rules.
            set_by: dict[tuple[dt.date, str], Demand] = {}
            for rule in gate.demand:  # later rules replace earlier ones
                demand = Demand(rule.min, rule.max, rule.under_weight, rule.over_weight)
                for day in self._dates_of(rule.days, horizon):
                    set_by[day, rule.slot] = demand
            for day in self.dates:
                for slot in self.scenario.slots:
                    demand = set_by.get((day, slot.id))
                    if demand is not None:
                        out[Post(gate.id, day, slot.id)] = demand
        return out

    def _dates_of(self, days: object, horizon: set[dt.date]):
        if days == "all":
            return self.dates
        if days == "workdays":
            return [day for day in self.dates if self.workday[day]]
        if days == "rest_days":
            return [day for day in self.dates if not self.workday[day]]
        return [day for day in days if day in horizon]  # an explicit tuple of dates

    def in_working_hours(self, slot: Slot) -> bool:
        wh = self.scenario.working_hours
        return slot.start < wh.end and wh.start < slot.end

    def why_ineligible(self, volunteer: Volunteer, post: Post) -> str | None:
        """Why `volunteer` may never take `post` by the fixed rules; None if they may."""
        if post.slot not in volunteer.available.get(weekday_key(post.date), ()):
            return Ineligible.UNAVAILABLE_WEEKDAY
        if post.date in volunteer.unavailable_dates:
            return Ineligible.UNAVAILABLE_DATE
        if volunteer.employed and self.workday[post.date] and self.in_working_hours(self.slots[post.slot]):
            return Ineligible.EMPLOYED_RULE
        if volunteer.allowed_gates is not None and post.gate not in volunteer.allowed_gates:
            return Ineligible.GATE_NOT_ALLOWED
        latest = self.scenario.rules.minor_latest_end
        if volunteer.minor and latest is not None and self.slots[post.slot].end > latest:
            return Ineligible.MINOR_TOO_LATE
        return None

    @cached_property
    def allowed(self) -> dict[str, list[Post]]:
        """Volunteer id -> the open posts (max > 0) the fixed rules let them take, in post order.

        The rules of `why_ineligible`, with what each post brings to them worked out once
        rather than for every person: a benchmark's year asks 1.7 million times."""
        latest = self.scenario.rules.minor_latest_end
        rows = [
            (p, (weekday_key(p.date), p.slot), p.date, p.gate,
             self.workday[p.date] and self.in_working_hours(self.slots[p.slot]),
             latest is not None and self.slots[p.slot].end > latest)
            for p, d in self.demand.items() if d.max > 0
        ]
        out = {}
        for v in self.scenario.volunteers:
            offered = {(day, slot) for day, slots in v.available.items() for slot in slots}
            off = v.unavailable_dates
            if not v.employed and v.allowed_gates is None and not v.minor:
                out[v.id] = [p for p, offer, day, _, _, _ in rows if offer in offered and day not in off]
                continue
            gates = v.allowed_gates
            out[v.id] = [p for p, offer, day, gate, busy, late in rows
                         if offer in offered and day not in off and not (v.employed and busy)
                         and (gates is None or gate in gates) and not (v.minor and late)]
        return out

    @cached_property
    def eligible(self) -> dict[str, list[Post]]:
        """Volunteer id -> the posts the model decides on: `allowed`, less the slots a
        person's `max_posts_by_slot` closes (a limit of 0: no variable is needed), unless a
        repair narrowed it (assigning a new dict here, and `repair`) to what may change."""
        if not any(0 in v.max_posts_by_slot.values() for v in self.scenario.volunteers):
            return self.allowed
        return {vid: self.takes(vid, posts) for vid, posts in self.allowed.items()}

    def takes(self, vid: str, posts: list[Post]) -> list[Post]:
        """`posts` less those in slots the person's `max_posts_by_slot` closes."""
        limits = self.volunteers[vid].max_posts_by_slot
        if 0 not in limits.values():
            return posts
        return [p for p in posts if limits.get(p.slot) != 0]

    def weekly_cap_hours(self, volunteer: Volunteer) -> Fraction | None:
        """The smallest weekly cap that applies: own (or the default), kind's, minors'."""
        rules = self.scenario.rules
        own = volunteer.max_hours_per_week
        if own is None:
            own = rules.default_max_hours_per_week
        caps = [own]
        if volunteer.kind is not None:
            caps.append(rules.kind_max_hours_per_week.get(volunteer.kind))
        if volunteer.minor:
            caps.append(rules.minor_max_hours_per_week)
        # Exact arithmetic from the decimal text: 12 h over 7 days must be 720 minutes.
        known = [Fraction(str(c)) for c in caps if c is not None]
        return min(known) if known else None

    def load_basis(self, volunteer: Volunteer) -> tuple[Fraction, Fraction, int] | None:
        """What the hours spread measures a person's load against: (full, recent, possible),
        load = (recent + minutes served) / full in the scenario's terms (see
        `solver.terms.hours_spread`); None for someone who cannot serve at all.

        possible: the minutes of every post the fixed rules allow; scale: the cap over the
        horizon, or `possible` if less; full = scale + history_weeks × weekly cap."""
        allowed = self.allowed.get(volunteer.id)
        if not allowed:
            return None
        history = self.scenario.rules.history_weeks
        possible = sum(self.slots[p.slot].minutes for p in allowed)
        cap = self.cap_minutes(volunteer)
        scale = Fraction(min(cap, possible) if cap is not None else possible)
        if scale <= 0:
            return None
        weekly = self.weekly_cap_hours(volunteer)
        weekly_minutes = weekly * 60 if weekly is not None else scale * 7 / self.scenario.days
        recent = Fraction(str(volunteer.recent_hours)) * 60 if history else Fraction(0)
        return scale + history * weekly_minutes, recent, possible

    def cap_minutes(self, volunteer: Volunteer) -> int | None:
        """The hour cap over the horizon in minutes, scaled from a 7-day week; None = no cap."""
        hours = self.weekly_cap_hours(volunteer)
        if hours is None:
            return None
        return int(hours * 60 * self.scenario.days / 7)

    def overlapping_slot_groups(self) -> list[tuple[str, ...]]:
        """Groups of slots that share a moment (at each slot start, the slots running then),
        leaving out a group inside another.

        Intervals on a line have their maximal cliques at start points, so "at most one of
        each group" is exactly "no two overlapping posts" for one person on one date.
        """
        groups: list[tuple[str, ...]] = []
        for point in sorted({s.start for s in self.scenario.slots}):
            group = tuple(s.id for s in self.scenario.slots if s.start <= point < s.end)
            if group not in groups:
                groups.append(group)
        return [g for g in groups if not any(set(g) < set(other) for other in groups)]

    @cached_property
    def one_post_a_day(self) -> bool:
        """Whether the rules let nobody stand more than one post on a date (one a day at
        most, or every slot overlapping every other): then whether a person is on duty
        that day is the plain sum of their posts."""
        if self.scenario.rules.max_slots_per_day == 1:
            return True
        return any(len(g) == len(self.scenario.slots) for g in self.overlapping_slot_groups())

    def max_consecutive_days(self, volunteer: Volunteer) -> int | None:
        """The stricter of the community's and the person's own limit on consecutive days."""
        limits = [n for n in (self.scenario.rules.max_consecutive_days, volunteer.max_consecutive_days) if n is not None]
        return min(limits) if limits else None

    @cached_property
    def forbidden_sequences(self) -> frozenset[tuple[str, str]]:
        return frozenset(self.scenario.rules.forbidden_sequences)

    @staticmethod
    def weekend(day: dt.date) -> dt.date | None:
        """The Saturday of the weekend `day` falls in (by the date), or None on a weekday."""
        return day - dt.timedelta(days=day.weekday() - 5) if day.weekday() >= 5 else None

    def registered_minimum(self) -> int:
        """Posts each registered volunteer should stand over the horizon (scaled from a week)."""
        return self.scenario.rules.min_posts_registered * self.scenario.days // 7

    def post_span(self, post: Post) -> tuple[int, int]:
        """Start and end of a post in minutes from the horizon's first midnight."""
        slot = self.slots[post.slot]
        offset = (post.date - self.scenario.start_date).days * 24 * 60
        return offset + slot.start, offset + slot.end

    def slots_overlap(self, a: str, b: str) -> bool:
        sa, sb = self.slots[a], self.slots[b]
        return sa.start < sb.end and sb.start < sa.end
