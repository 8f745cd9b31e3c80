"""An independent checker of rosters: does this answer obey every rule of its scenario?

`validate(scenario, roster)` lists every rule of docs/scenario-format.md that a roster
breaks, each with the post and the person involved, so that a clerk can see what is wrong
with a hand-edited roster and the tests can check the solver's answers against the
specification rather than against the solver itself.

That is why this module shares no code with the constraint model (`solver.model`) nor
with its calendar helper (`solver.workdays`): everything (which posts are open, which
dates are workdays, the hour caps, what a shortage should say) is recomputed here from the
specification, so that a mistake in one is caught by the other instead of copied into it.

The rules are a list of small check functions (`CHECKS`); each takes the precomputed
`_Facts` about the roster and yields `Violation`s. Adding a rule means adding a function
to that list. What the scenario alone decides (open posts, workdays, hour caps, who has
which of the rarer rules, the minutes each person could serve) is worked out once for
the objects a scenario is made of (`_ScenarioFacts`) and kept for the next roster of the
same week: the window checks its week after every hand edit, and a benchmark's year has
11,000 open posts. A check whose rule nobody in the scenario has costs nothing.

Version 2 of the format adds hard rules (allowed gates, the minors' latest end, kind and
minor hour caps, consecutive days, rest between days) and a roster that reports the cost
of each objective term. `objective_terms(scenario, assignments)` recomputes every term
from the specification, and the checks `term_misreported` / `shortfall_misreported`
compare a roster's reported `terms` and `shortfalls` against it. Version-1 scenarios keep
their version-1 rules (their version-2 rules sit at defaults that never apply) and their
version-1 objective terms.

Version 3 adds general rules of rostering over any horizon, per person (posts per slot,
minutes over the horizon, runs of days on and off duty, weekends, requests) and for the
community (forbidden slot sequences), the terms `over_cover`, `on_requests` and
`off_requests`, and weighted coverage. Its minimum rules on runs follow the Shift
Scheduling Benchmark's convention exactly (`solver.ssb.evaluate`): a run touching the
first or last date of the horizon is exempt.
"""

from __future__ import annotations

import datetime as dt
import math
import threading
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from typing import Callable, Iterable, Iterator

import chinese_calendar

from solver.scenario import (
    DEFAULT_WEIGHTS,
    SOFT_TERMS,
    VERSION_3_TERMS,
    WEIGHTED_COVERAGE_DEFAULTS,
    Assignment,
    DemandRule,
    Gate,
    Needs,
    Post,
    Roster,
    Scenario,
    Slot,
    Volunteer,
    format_minutes,
    weekday_key,
)

ANSWER_STATUSES = ("OPTIMAL", "FEASIBLE")
"""Statuses of a roster that claims to be an answer. INFEASIBLE and UNKNOWN rosters hold
no answer, so what only an answer must do (keep the pins, report its shortages) is not
asked of them; their listed assignments, if any, are still checked."""


@dataclass(frozen=True)
class Violation:
    """One broken rule: a stable `rule` code, a sentence for people, and where/who."""

    rule: str
    message: str
    post: Post | None = None
    volunteer: str | None = None


# --- calendar and demand, recomputed from the specification -----------------------------


def _official_workday(day: dt.date) -> bool | None:
    """The Chinese official calendar's verdict, or None for a year it does not know."""
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return None


def is_workday(scenario: Scenario, day: dt.date) -> bool:
    """Workday by the clerk's overrides, else the official calendar, else Monday–Friday."""
    if day in scenario.calendar.workdays:
        return True
    if day in scenario.calendar.rest_days:
        return False
    official = _official_workday(day)
    return day.weekday() < 5 if official is None else official


def post_rules(scenario: Scenario) -> dict[Post, DemandRule]:
    """Every open post of the horizon with the demand rule that sets it (the last one of
    its gate that applies to the slot and date; see `open_posts`)."""
    return dict(_scenario_facts(scenario).rules_of_posts)


def _post_rules(scenario: Scenario, workday: dict[dt.date, bool]) -> dict[Post, DemandRule]:
    # `post_rules` from each date's workday verdict (the official calendar is slow to
    # ask, so it is asked once per date, not once per gate and rule).
    slot_ids = {s.id for s in scenario.slots}
    posts: dict[Post, DemandRule] = {}
    dates = scenario.dates
    for gate in scenario.gates:
        for rule in gate.demand:
            if rule.slot not in slot_ids:
                continue  # a reader error; no post can exist in an unknown slot
            days = rule.days
            if days == "all":
                chosen = dates
            elif days == "workdays":
                chosen = [day for day in dates if workday[day]]
            elif days == "rest_days":
                chosen = [day for day in dates if not workday[day]]
            else:  # an explicit list of dates, kept in the horizon's order
                listed = frozenset(days)  # type: ignore[arg-type]
                chosen = [day for day in dates if day in listed]
            for day in chosen:
                posts[Post(gate.id, day, rule.slot)] = rule
    return posts


def open_posts(scenario: Scenario) -> dict[Post, tuple[int, int]]:
    """Every open post of the horizon with its (min, max).

    Demand rules are applied in order, so a later rule for the same slot and date replaces
    an earlier one, even with min 0 and max 0: such a post stays open (with room for
    nobody) rather than becoming closed.
    """
    return dict(_scenario_facts(scenario).open)


def _exact(number: float | int) -> Fraction:
    """A number as an exact fraction; a float is read through its decimal text, which is
    what the clerk typed (10.1 h is 606 minutes a week, not 605.99…)."""
    return Fraction(str(number)) if isinstance(number, float) else Fraction(number)


def _weekly_caps(scenario: Scenario, volunteer: Volunteer) -> list[tuple[Fraction, str]]:
    """Every weekly hour cap that applies to the volunteer, with words naming it."""
    rules = scenario.rules
    caps = []
    if volunteer.max_hours_per_week is not None:
        caps.append((_exact(volunteer.max_hours_per_week), "their own cap"))
    elif rules.default_max_hours_per_week is not None:
        caps.append((_exact(rules.default_max_hours_per_week), "the default cap"))
    if volunteer.kind is not None and volunteer.kind in rules.kind_max_hours_per_week:
        caps.append((_exact(rules.kind_max_hours_per_week[volunteer.kind]), f"the cap for kind {volunteer.kind!r}"))
    if volunteer.minor and rules.minor_max_hours_per_week is not None:
        caps.append((_exact(rules.minor_max_hours_per_week), "the minors' cap"))
    return caps


def weekly_cap_hours(scenario: Scenario, volunteer: Volunteer) -> Fraction | None:
    """The effective weekly cap in hours (exact), or None for no cap.

    The smallest of: the volunteer's own cap (or the rule default), the cap of their
    `kind` if `kind_max_hours_per_week` lists it, and `minor_max_hours_per_week` for a
    minor. Caps that are not given do not apply.
    """
    caps = _weekly_caps(scenario, volunteer)
    return min(c for c, _ in caps) if caps else None


def hour_cap_minutes(scenario: Scenario, volunteer: Volunteer) -> int | None:
    """The volunteer's effective cap over the whole horizon in minutes, or None for no cap.

    The weekly cap (`weekly_cap_hours`) is scaled to the horizon (days / 7) and rounded
    down: floor(h × 60 × days / 7), exactly (12 h over 7 days is 720 minutes). Scaling each
    cap and taking the smallest is the same, as rounding down keeps the order.
    """
    hours = weekly_cap_hours(scenario, volunteer)
    if hours is None:
        return None
    return math.floor(hours * 60 * scenario.days / 7)


def _unmet(needs: Needs, people: Iterable[Volunteer]) -> Needs:
    """What `needs` asks that `people` do not provide; zero parts left out."""
    people = list(people)
    party = max(0, needs.party_member - sum(v.party_member for v in people))
    skills = {}
    for skill, wanted in needs.skills.items():
        lacking = max(0, wanted - sum(skill in v.skills for v in people))
        if lacking:
            skills[skill] = lacking
    return Needs(party, skills)


def _normalised(needs: Needs) -> tuple[int, tuple[tuple[str, int], ...]]:
    """Needs in a comparable form: {"x": 0} and a missing "x" are the same."""
    return needs.party_member, tuple(sorted((k, v) for k, v in needs.skills.items() if v))


def coverage_totals(scenario: Scenario, assignments: Iterable[Assignment]) -> tuple[int, int]:
    """(missing people, unmet need units) summed over the open posts.

    Assignments naming an unknown volunteer are left out (nobody to count), and a
    volunteer listed twice at a post counts once.
    """
    return _coverage(scenario, assignments, weighted=False)


def _coverage(scenario: Scenario, assignments: Iterable[Assignment], weighted: bool) -> tuple[int, int]:
    # `weighted`: each missing person counts its post's `under_weight` (version 3's
    # weighted coverage) instead of 1.
    fixed = _scenario_facts(scenario)
    volunteers = fixed.volunteers
    people: dict[_PostKey, set[str]] = defaultdict(set)
    for a in assignments:
        if a.volunteer in volunteers:
            people[a.gate, a.date, a.slot].add(a.volunteer)
    gates = fixed.gates
    missing = unmet = 0
    for key, rule in fixed.rule_at.items():
        here = people.get(key, ())
        missing += max(0, rule.min - len(here)) * (rule.under_weight if weighted else 1)
        if rule.max > 0:  # a post with room for nobody has no needs (scenario format, "Needs")
            needs = gates[key[0]].needs
            if not needs.is_empty():  # empty needs lack nothing, whoever stands there
                unmet += _unmet(needs, [volunteers[v] for v in here]).total()
    return missing, unmet


# --- what the scenario alone decides, worked out once per scenario ------------------------

_PostKey = tuple[str, dt.date, str]
"""A post as (gate, date, slot): what the checks look posts up by (a `Post` is built only
for a violation, as making and hashing one per assignment costs more than the check)."""


class _ScenarioFacts:
    """What the checks and terms need to know about the scenario alone: lookups by id, each
    date's workday and weekday, the open posts with their demand rules, each slot's
    minutes and whether it overlaps working hours, the hour caps, who has each of the
    rules most people do not use, and (when a term asks) how many minutes of posts each
    volunteer may take by the fixed rules.

    Worked out once for the objects a scenario is made of (`_scenario_facts`): the window
    checks the same week after every hand edit, and a benchmark's year has 11,000 open
    posts. Everything here is still recomputed from the specification, not taken from the
    model.
    """

    def __init__(self, scenario: Scenario):
        # Only its `_parts` are read, here and later: other scenarios made of the same
        # parts (other pins, say) use these facts too.
        self.scenario = scenario
        self.volunteers: dict[str, Volunteer] = {v.id: v for v in scenario.volunteers}
        self.gates: dict[str, Gate] = {g.id: g for g in scenario.gates}
        self.slots: dict[str, Slot] = {s.id: s for s in scenario.slots}
        self.dates = scenario.dates
        self.horizon = frozenset(self.dates)
        self.last_date = scenario.start_date + dt.timedelta(days=scenario.days - 1)
        self.workday = {day: is_workday(scenario, day) for day in self.dates}
        self.weekday = {day: weekday_key(day) for day in self.dates}
        self.rules_of_posts = _post_rules(scenario, self.workday)
        self.open: dict[Post, tuple[int, int]] = {post: (r.min, r.max) for post, r in self.rules_of_posts.items()}
        self.rule_at: dict[_PostKey, DemandRule] = {
            (post.gate, post.date, post.slot): rule for post, rule in self.rules_of_posts.items()}
        self.open_at: dict[_PostKey, tuple[int, int]] = {key: (r.min, r.max) for key, r in self.rule_at.items()}
        self.minutes = {sid: slot.minutes for sid, slot in self.slots.items()}
        wh = scenario.working_hours
        self.in_working_hours = {sid: slot.start < wh.end and wh.start < slot.end for sid, slot in self.slots.items()}
        # The checks' time order: date, then slot by (start, id).
        by_start = sorted(self.slots.values(), key=lambda slot: (slot.start, slot.id))
        self.slot_rank = {slot.id: rank for rank, slot in enumerate(by_start)}
        # Then a post's start as a moment never goes back along that order (min_rest).
        self.starts_within_the_day = all(0 <= slot.start <= 24 * 60 for slot in self.slots.values())

        people = self.volunteers.values()
        rules = scenario.rules
        self.employed = frozenset(v.id for v in people if v.employed)
        self.minors = frozenset(v.id for v in people if v.minor)
        self.allowed_gates = {v.id: frozenset(v.allowed_gates) for v in people if v.allowed_gates is not None}
        self.counts_consecutive_days = rules.max_consecutive_days is not None or any(
            v.max_consecutive_days is not None for v in people)
        self.with_slot_limits = [v for v in people if v.max_posts_by_slot]
        self.with_minutes = [v for v in people if v.max_minutes is not None or v.min_minutes is not None]
        self.with_min_runs = [v for v in people
                              if v.min_consecutive_days is not None or v.min_consecutive_days_off is not None]
        self.with_max_weekends = [v for v in people if v.max_weekends is not None]
        self._caps: dict[tuple, tuple[int | None, Fraction | None]] = {}

    def caps(self, v: Volunteer) -> tuple[int | None, Fraction | None]:
        """(`hour_cap_minutes`, `weekly_cap_hours`) of the volunteer. A cap depends on the
        person only through their own cap, kind and age (see `_weekly_caps`), so it is
        worked out once per such combination."""
        key = (v.max_hours_per_week, v.kind, v.minor)
        known = self._caps.get(key)
        if known is None:
            known = self._caps[key] = (hour_cap_minutes(self.scenario, v), weekly_cap_hours(self.scenario, v))
        return known

    @cached_property
    def cap_minutes(self) -> dict[str, int]:
        """Volunteer id -> `hour_cap_minutes`, for the volunteers with a cap."""
        out = {}
        for vid, v in self.volunteers.items():
            cap = self.caps(v)[0]
            if cap is not None:
                out[vid] = cap
        return out

    @cached_property
    def possible_minutes(self) -> dict[str, int]:
        """Volunteer id -> the minutes of all open posts they may take by the fixed rules
        (`_Terms.may_take`), added up without asking each post.

        What the fixed rules ask of a post depends on its gate, its slot, its date's weekday
        and workday, and the date itself only through `unavailable_dates`. So the minutes of
        the open posts (max > 0) are added up once per (weekday, workday, slot) and gate;
        a volunteer's total is the sum over the slots they offer each weekday that their
        age and employment allow, at the gates allowed to them, less the posts on their
        dates away. Checked against asking every post in tests/solver/test_validate_speed.py.
        """
        # Open posts with room (max > 0): their gates per (date, slot), and per (weekday,
        # workday, slot) how many at each gate and in all.
        gates_at: dict[tuple[dt.date, str], list[str]] = defaultdict(list)
        per_kind: dict[tuple[str, bool, str], Counter[str]] = defaultdict(Counter)
        for (gate, day, slot), (_, maximum) in self.open_at.items():
            if maximum > 0:
                gates_at[day, slot].append(gate)
                per_kind[self.weekday[day], self.workday[day], slot][gate] += 1
        all_gates = {kind: sum(gates.values()) for kind, gates in per_kind.items()}
        # (slot, workday) pairs ruled out by the person's employment (the party-member
        # rule) and age (`minor_latest_end`), for each (employed, minor).
        latest = self.scenario.rules.minor_latest_end
        barred = {
            (employed, minor): frozenset(
                (sid, workday) for sid, slot in self.slots.items() for workday in (False, True)
                if (employed and workday and self.in_working_hours[sid])
                or (minor and latest is not None and slot.end > latest))
            for employed in (False, True) for minor in (False, True)
        }

        out: dict[str, int] = {}
        for v in self.scenario.volunteers:
            allowed = None if v.allowed_gates is None else frozenset(v.allowed_gates)
            ruled_out = barred[bool(v.employed), bool(v.minor)]
            total = 0
            for weekday, offered in v.available.items():
                for slot in set(offered):
                    for workday in (False, True):
                        kind = (weekday, workday, slot)
                        if kind not in per_kind or (slot, workday) in ruled_out:
                            continue
                        if allowed is None:
                            n = all_gates[kind]
                        else:
                            gates = per_kind[kind]
                            n = sum(gates[g] for g in allowed if g in gates)
                        total += self.minutes[slot] * n
            for day in v.unavailable_dates & self.horizon:
                workday = self.workday[day]
                for slot in set(v.available.get(self.weekday[day], ())):
                    gates = gates_at.get((day, slot))
                    if gates and (slot, workday) not in ruled_out:
                        n = len(gates) if allowed is None else sum(1 for g in gates if g in allowed)
                        total -= self.minutes[slot] * n
            out[v.id] = total
        return out


def _parts(scenario: Scenario) -> tuple:
    """The parts of a scenario `_ScenarioFacts` reads: not its name, pins, previous roster,
    weights or kind of coverage, which the checks and terms read from the scenario itself.
    The window makes a new scenario for every hand edit (its pins follow the roster) that
    shares all of these objects with the one before."""
    return (scenario.volunteers, scenario.gates, scenario.slots, scenario.calendar, scenario.rules,
            scenario.start_date, scenario.days, scenario.working_hours)


_FACTS_KEPT = 4
"""How many scenarios' facts are kept: the window's week, and a few it moves between."""
_facts_kept: OrderedDict[tuple[int, ...], tuple[tuple, _ScenarioFacts]] = OrderedDict()
_facts_lock = threading.Lock()


def _scenario_facts(scenario: Scenario) -> _ScenarioFacts:
    """The scenario's `_ScenarioFacts`, worked out once for the objects it is made of.

    Kept by the identities of the parts they are made from (`_parts`; a scenario holds
    dicts, so neither it nor they can be hashed), together with those very objects: while
    an entry holds them no other object can have their ids, and an entry is used only for
    a scenario made of the same objects, hence of the same content. A scenario and its
    parts are not changed after they are made (their dataclasses are frozen and nothing
    edits their dicts in place); a changed week is made of new parts, with facts of their own.
    """
    parts = _parts(scenario)
    key = tuple(map(id, parts))
    with _facts_lock:
        kept = _facts_kept.get(key)
        if kept is not None and all(mine is theirs for mine, theirs in zip(kept[0], parts)):
            _facts_kept.move_to_end(key)
            return kept[1]
    facts = _ScenarioFacts(scenario)
    with _facts_lock:
        _facts_kept[key] = (parts, facts)
        _facts_kept.move_to_end(key)
        while len(_facts_kept) > _FACTS_KEPT:
            _facts_kept.popitem(last=False)
    return facts


# --- the objective, recomputed from the specification ------------------------------------

V1_TERMS: tuple[str, ...] = ("missing_people", "unmet_needs", "previous_dropped", "hours_spread", "unpreferred_gates")
"""The terms of a version-1 scenario's objective, most important first."""

V2_TERMS: tuple[str, ...] = ("missing_people", "unmet_needs", *SOFT_TERMS)
"""The terms of a version-2 scenario's objective: coverage first, then the weighted terms."""

LOAD_STEPS = 10
"""`hours_spread` is counted in tenths of a load (hours ÷ cap)."""


class _Terms:
    """What the soft terms are computed from: the fixed rules and the roster's posts.

    `assignments` are the given ones with known volunteer, gate and slot and a date inside
    the horizon, each (volunteer, post) once: the rest name nothing a term could count
    (`validate` reports them as unknown_reference / duplicate_assignment).
    """

    def __init__(self, scenario: Scenario, assignments: Iterable[Assignment]):
        self.scenario = scenario
        self.rules = scenario.rules
        self.fixed = fixed = _scenario_facts(scenario)
        self.volunteers = volunteers = fixed.volunteers
        self.slots = slots = fixed.slots
        self.workday = fixed.workday
        self.rules_of_posts = fixed.rules_of_posts
        self.open = fixed.open
        gates, horizon = fixed.gates, fixed.horizon
        self.assignments: list[Assignment] = []
        self.keys: set[tuple[str, str, dt.date, str]] = set()  # (volunteer, gate, date, slot)
        for a in assignments:
            key = (a.volunteer, a.gate, a.date, a.slot)
            known = a.volunteer in volunteers and a.gate in gates and a.slot in slots and a.date in horizon
            if known and key not in self.keys:
                self.keys.add(key)
                self.assignments.append(a)

    def in_working_hours(self, slot_id: str) -> bool:
        return self.fixed.in_working_hours[slot_id]

    def may_take(self, v: Volunteer, post: Post) -> bool:
        """Whether the fixed rules let `v` stand at `post` (before any other assignment):
        an open post with max > 0, a slot they offer that weekday, not an unavailable
        date, not the party-member rule, a gate they are allowed at, and for a minor a
        slot ending no later than `minor_latest_end`. Caps, rest and the like depend on
        the other posts and are not fixed rules."""
        demand = self.open.get(post)
        slot = self.slots.get(post.slot)
        if demand is None or demand[1] <= 0 or slot is None:
            return False
        if post.slot not in v.available.get(weekday_key(post.date), ()) or post.date in v.unavailable_dates:
            return False
        if v.employed and self.workday[post.date] and self.in_working_hours(post.slot):
            return False
        if v.allowed_gates is not None and post.gate not in v.allowed_gates:
            return False
        latest = self.rules.minor_latest_end
        return not (v.minor and latest is not None and slot.end > latest)

    @cached_property
    def stands(self) -> set[tuple[str, dt.date, str]]:
        """(volunteer, date, slot) of every post, whatever the gate."""
        return {(a.volunteer, a.date, a.slot) for a in self.assignments}

    @cached_property
    def posts_of(self) -> dict[str, list[Assignment]]:
        out: dict[str, list[Assignment]] = defaultdict(list)
        for a in self.assignments:
            out[a.volunteer].append(a)
        return out

    def previous_keys(self) -> set[tuple[str, str, dt.date, str]]:
        """(volunteer, gate, date, slot) of every previous assignment."""
        return {(a.volunteer, a.gate, a.date, a.slot) for a in self.scenario.previous}

    def registered_counts(self) -> dict[str, tuple[int, int]]:
        """Registered volunteer id -> (posts required, posts served).

        Required is floor(min_posts_registered × days / 7) for every registered person."""
        required = math.floor(_exact(self.rules.min_posts_registered) * self.scenario.days / 7)
        return {v.id: (required, len(self.posts_of.get(v.id, ()))) for v in self.scenario.volunteers if v.registered}


def _previous_dropped(t: _Terms) -> int:
    # Previous assignments the fixed rules still allow (see `_Terms.may_take`) that the
    # roster does not keep. One that is no longer allowed cannot be kept and is not
    # counted. A previous assignment listed twice counts once.
    return sum(1 for key in t.previous_keys()
               if key[0] in t.volunteers and t.may_take(t.volunteers[key[0]], Post(*key[1:])) and key not in t.keys)


def _changes(t: _Terms) -> int:
    # Differences from `previous`: the previous assignments still allowed but not kept
    # (`previous_dropped`), plus the roster's assignments that are not in `previous`.
    # Matched on (volunteer, gate, date, slot); the pinned flag does not matter. Without a
    # previous roster there is nothing to change from, so a first solve costs nothing here.
    if not t.scenario.previous:
        return 0
    return _previous_dropped(t) + len(t.keys - t.previous_keys())


def _hours_spread(t: _Terms) -> int:
    # Over the volunteers who can serve at all (some post by the fixed rules):
    #   scale_v = min(horizon cap minutes, minutes of all posts they may take); no cap: the latter,
    #   weekly_v = the effective weekly cap in minutes, unscaled (hours × 60); no cap: scale_v × 7 / days,
    #   load_v = (recent_hours × 60 + minutes served) / (scale_v + history_weeks × weekly_v),
    # which is minutes / scale_v without history: with history_weeks 0, recent_hours are
    # hours of no week and are not counted. People with scale 0 are left out.
    # value = ceil(10 × max load) − floor(10 × min load), exactly; 0 if nobody is left.
    loads = []
    days, history = t.scenario.days, t.rules.history_weeks
    minutes, possible_minutes = t.fixed.minutes, t.fixed.possible_minutes
    for v in t.scenario.volunteers:
        possible = possible_minutes[v.id]
        cap, weekly_hours = t.fixed.caps(v)
        scale = possible if cap is None else min(cap, possible)
        if scale <= 0:
            continue
        weekly = Fraction(scale * 7, days) if weekly_hours is None else weekly_hours * 60
        served = sum(minutes[a.slot] for a in t.posts_of.get(v.id, ()))
        recent = _exact(v.recent_hours) * 60 if history else 0
        loads.append((recent + served) / (scale + history * weekly))
    if not loads:
        return 0
    return math.ceil(LOAD_STEPS * max(loads)) - math.floor(LOAD_STEPS * min(loads))


def _unpreferred_gates(t: _Terms) -> int:
    # Posts at a gate outside the person's preferred gates, when they listed any.
    return sum(1 for a in t.assignments
               if t.volunteers[a.volunteer].preferred_gates and a.gate not in t.volunteers[a.volunteer].preferred_gates)


def _unpreferred_slots(t: _Terms) -> int:
    # Posts in a slot outside the person's preferred slots, when they listed any.
    return sum(1 for a in t.assignments
               if t.volunteers[a.volunteer].preferred_slots and a.slot not in t.volunteers[a.volunteer].preferred_slots)


def _registered_shortfall(t: _Terms) -> int:
    # Per registered volunteer: max(0, floor(min_posts_registered × days / 7) − their posts).
    return sum(max(0, required - served) for required, served in t.registered_counts().values())


def _nonemployed_off_hours(t: _Terms) -> int:
    # Posts of non-employed adults (employed and minor both false) in a slot that does not
    # overlap working hours, on a workday.
    return sum(1 for a in t.assignments
               if not t.volunteers[a.volunteer].employed and not t.volunteers[a.volunteer].minor
               and not t.in_working_hours(a.slot) and t.workday[a.date])


def _employed_working_hours(t: _Terms) -> int:
    # Posts of employed volunteers in a slot that overlaps working hours, on any date (on
    # a workday that also breaks the party-member rule; it is counted all the same).
    return sum(1 for a in t.assignments if t.volunteers[a.volunteer].employed and t.in_working_hours(a.slot))


def _gate_switches(t: _Terms) -> int:
    # Per volunteer who stands anywhere: the number of distinct gates they stand at, minus 1.
    return sum(len({a.gate for a in posts}) - 1 for posts in t.posts_of.values() if posts)


def _split_days(t: _Terms) -> int:
    # Per volunteer and date with posts: 1 if the union of their posts' times is not one
    # unbroken interval. Touching posts are unbroken (08:00–12:00 then 12:00–18:00).
    days: dict[tuple[str, dt.date], list[tuple[int, int]]] = defaultdict(list)
    for a in t.assignments:
        slot = t.slots[a.slot]
        days[a.volunteer, a.date].append((slot.start, slot.end))
    split = 0
    for intervals in days.values():
        intervals.sort()
        reach = intervals[0][1]
        for start, end in intervals[1:]:
            if start > reach:
                split += 1
                break
            reach = max(reach, end)
    return split


_SOFT: dict[str, Callable[[_Terms], int]] = {
    "registered_shortfall": _registered_shortfall,
    "changes": _changes,
    "hours_spread": _hours_spread,
    "nonemployed_off_hours": _nonemployed_off_hours,
    "employed_working_hours": _employed_working_hours,
    "gate_switches": _gate_switches,
    "split_days": _split_days,
    "unpreferred_gates": _unpreferred_gates,
    "unpreferred_slots": _unpreferred_slots,
    "previous_dropped": _previous_dropped,
}


def _over_cover(t: _Terms) -> int:
    # Over the open posts: the post's `over_weight` (from the demand rule that sets it)
    # × the people above its `min`. People beyond the hard `max` count too (over_max
    # reports them as well).
    people = Counter((a.gate, a.date, a.slot) for a in t.assignments)
    return sum(rule.over_weight * max(0, people[key] - rule.min)
               for key, rule in t.fixed.rule_at.items() if rule.over_weight)


def _on_requests(t: _Terms) -> int:
    # The weights of the wanted requests not granted: the person stands in no post of that
    # slot on that date, at any gate. A request the roster cannot grant (a date outside the
    # horizon, an unknown slot) is not granted, and counted.
    return sum(r.weight for v in t.scenario.volunteers for r in v.requests
               if r.wanted and (v.id, r.date, r.slot) not in t.stands)


def _off_requests(t: _Terms) -> int:
    # The weights of the unwanted requests not granted: the person stands in a post of
    # that slot on that date, at any gate (once, however many gates).
    return sum(r.weight for v in t.scenario.volunteers for r in v.requests
               if not r.wanted and (v.id, r.date, r.slot) in t.stands)


_VERSION_3: dict[str, Callable[[_Terms], int]] = {
    "over_cover": _over_cover,
    "on_requests": _on_requests,
    "off_requests": _off_requests,
}


def version_3_terms(scenario: Scenario) -> tuple[str, ...]:
    """The version-3 terms this scenario's objective has, in `VERSION_3_TERMS` order: the
    ones it can pay. `over_cover` when some demand rule has an `over_weight` above 0
    (whether or not the rule opens a post), `on_requests` / `off_requests` when some
    volunteer has a wanted / unwanted request (whatever its weight)."""
    over = any(rule.over_weight > 0 for g in scenario.gates for rule in g.demand)
    wanted = {r.wanted for v in scenario.volunteers for r in v.requests}
    payable = {"over_cover": over, "on_requests": True in wanted, "off_requests": False in wanted}
    return tuple(name for name in VERSION_3_TERMS if payable[name])


def term_weight(scenario: Scenario, name: str) -> int | None:
    """The weight the scenario gives the term `name`, or None when the solver chooses it
    (the strictly ordered coverage terms, and every term of a version-1 scenario).

    Version 2's soft terms: `weights`, else `DEFAULT_WEIGHTS`. Version 3's terms: `weights`,
    else 1. With weighted coverage, `missing_people` and `unmet_needs`: `weights`, else
    `WEIGHTED_COVERAGE_DEFAULTS`.
    """
    weights = scenario.weights
    if weights is None:
        return None
    if name in SOFT_TERMS:
        return weights.get(name, DEFAULT_WEIGHTS[name])
    if name in VERSION_3_TERMS:
        return weights.get(name, 1)
    if name in WEIGHTED_COVERAGE_DEFAULTS and scenario.coverage == "weighted":
        return weights.get(name, WEIGHTED_COVERAGE_DEFAULTS[name])
    return None


def objective_terms(scenario: Scenario, assignments: Iterable[Assignment]) -> dict[str, int]:
    """The value (units) of every objective term of the scenario for these assignments.

    "missing_people" and "unmet_needs" are `coverage_totals`, except that with weighted
    coverage (`scenario.coverage == "weighted"`, version 3) each missing person counts
    the `under_weight` of its post's demand rule. A version-2 scenario
    (`scenario.weights` is not None) then has every term of `SOFT_TERMS`; a version-1
    scenario has "previous_dropped", "hours_spread" and "unpreferred_gates". The keys are
    in the objective's order (`V2_TERMS` / `V1_TERMS`), followed by the version-3 terms
    the scenario can pay (`version_3_terms`). Each term's definition, stated exactly, is
    the comment of its function above.
    """
    assignments = list(assignments)
    missing, unmet = _coverage(scenario, assignments, weighted=scenario.coverage == "weighted")
    t = _Terms(scenario, assignments)
    names = V1_TERMS if scenario.weights is None else V2_TERMS
    out = {"missing_people": missing, "unmet_needs": unmet}
    for name in names[2:]:
        out[name] = _SOFT[name](t)
    for name in version_3_terms(scenario):
        out[name] = _VERSION_3[name](t)
    return out


# --- what every check needs to know -----------------------------------------------------


class _Facts:
    """The scenario's lookups and the roster's assignments, sorted into what checks use.

    Assignments with an unknown reference and repeated copies of an assignment are set
    aside here (their own checks report them), so the other checks see each volunteer at
    most once per post and can always look up the volunteer, gate and slot.
    """

    def __init__(self, scenario: Scenario, roster: Roster):
        self.scenario = scenario
        self.roster = roster
        self.fixed = fixed = _scenario_facts(scenario)
        self.volunteers = volunteers = fixed.volunteers
        self.gates = gates = fixed.gates
        self.slots = slots = fixed.slots
        self.horizon = horizon = fixed.horizon
        self.open = fixed.open
        self.open_at = fixed.open_at
        self.last_date = fixed.last_date
        self.unknown: list[tuple[Assignment, list[str]]] = []
        self.duplicates: list[Assignment] = []
        # (volunteer, gate, date, slot) of every assignment with known parts.
        self.keys: set[tuple[str, str, dt.date, str]] = set()
        keys = self.keys
        rank = fixed.slot_rank
        in_order: list[tuple] = []
        for a in roster.assignments:
            vid, gate, day, slot = a.volunteer, a.gate, a.date, a.slot
            if vid in volunteers and gate in gates and slot in slots and day in horizon:
                key = (vid, gate, day, slot)
                if key in keys:
                    self.duplicates.append(a)
                else:
                    keys.add(key)
                    in_order.append((day, rank[slot], gate, vid, a))
            else:
                self.unknown.append((a, self.unknown_parts(gate, day, slot, vid)))
        # In time order: date, slot (by start, then id), gate, volunteer. These four tell
        # any two kept assignments apart, so the assignments themselves are never compared.
        in_order.sort()
        self.assignments: list[Assignment] = [row[-1] for row in in_order]

    def unknown_parts(self, gate: str, date: dt.date, slot: str, volunteer: str | None = None) -> list[str]:
        out = []
        if volunteer is not None and volunteer not in self.volunteers:
            out.append(f"volunteer id {volunteer!r} is not in the scenario")
        if gate not in self.gates:
            out.append(f"gate id {gate!r} is not in the scenario")
        if slot not in self.slots:
            out.append(f"slot id {slot!r} is not in the scenario")
        if date not in self.horizon:
            last = self.scenario.start_date + dt.timedelta(days=self.scenario.days - 1)
            out.append(f"date {date.isoformat()} is outside the horizon "
                       f"{self.scenario.start_date.isoformat()}–{last.isoformat()}")
        return out

    @cached_property
    def by_post(self) -> list[tuple[_PostKey, list[Assignment]]]:
        """(gate, date, slot) and the assignments there (by volunteer id), post by post.

        In time order a post's assignments stand together, so they are read off in one
        pass, comparing each with the one before instead of hashing a key per assignment."""
        out: list[tuple[_PostKey, list[Assignment]]] = []
        here: list[Assignment] = []
        gate = day = slot = None
        for a in self.assignments:
            if a.slot != slot or a.gate != gate or a.date != day:
                gate, day, slot = a.gate, a.date, a.slot
                here = []
                out.append(((gate, day, slot), here))
            here.append(a)
        return out

    @cached_property
    def people_at(self) -> dict[_PostKey, list[Volunteer]]:
        """(gate, date, slot) -> the people there, by volunteer id."""
        volunteers = self.volunteers
        return {key: [volunteers[a.volunteer] for a in here] for key, here in self.by_post}

    @cached_property
    def by_person_day(self) -> dict[tuple[str, dt.date], list[Assignment]]:
        """Each volunteer's assignments on each date, in order of time."""
        out: dict[tuple[str, dt.date], list[Assignment]] = defaultdict(list)
        for a in self.assignments:
            out[a.volunteer, a.date].append(a)
        return out

    @cached_property
    def posts_of(self) -> dict[str, list[Assignment]]:
        """Each volunteer's assignments, in order of time."""
        out: dict[str, list[Assignment]] = defaultdict(list)
        for a in self.assignments:
            out[a.volunteer].append(a)
        return out

    @cached_property
    def runs_on_duty(self) -> dict[str, list[list[dt.date]]]:
        """Each volunteer's maximal runs of consecutive dates with a post, in order."""
        out: dict[str, list[list[dt.date]]] = defaultdict(list)
        for vid, day in sorted(self.by_person_day):
            runs = out[vid]
            if runs and (day - runs[-1][-1]).days == 1:
                runs[-1].append(day)
            else:
                runs.append([day])
        return out

    @property
    def claims_answer(self) -> bool:
        return self.roster.status in ANSWER_STATUSES

    # Words for messages.
    def who(self, volunteer_id: str) -> str:
        v = self.volunteers.get(volunteer_id)
        return f"{volunteer_id} {v.name}" if v else volunteer_id

    def where(self, post: Post) -> str:
        slot = self.slots.get(post.slot)
        times = f" ({slot.label})" if slot else ""
        return f"{post.gate} {post.date.isoformat()} {post.slot}{times}"


Check = Callable[[_Facts], Iterator[Violation]]


# --- the rules --------------------------------------------------------------------------


def check_references(f: _Facts) -> Iterator[Violation]:
    """unknown_reference: ids not in the scenario, dates outside the horizon."""
    for a, problems in f.unknown:
        yield Violation("unknown_reference",
                        f"assignment of {f.who(a.volunteer)} at {f.where(a.post)}: {'; '.join(problems)}",
                        a.post, a.volunteer)
    # A shortage is about a post too; one the scenario cannot have is a reference error.
    for s in f.roster.shortages:
        problems = f.unknown_parts(s.gate, s.date, s.slot)
        if problems:
            yield Violation("unknown_reference", f"shortage at {f.where(s.post)}: {'; '.join(problems)}", s.post)


def check_duplicates(f: _Facts) -> Iterator[Violation]:
    """duplicate_assignment: one violation per extra copy."""
    for a in f.duplicates:
        yield Violation("duplicate_assignment",
                        f"{f.who(a.volunteer)} is assigned more than once to {f.where(a.post)}",
                        a.post, a.volunteer)


def check_demand(f: _Facts) -> Iterator[Violation]:
    """closed_post per assignment at a post with no demand; over_max per crowded post."""
    open_at = f.open_at
    for key, here in f.by_post:
        demand = open_at.get(key)
        if demand is None:
            for a in here:
                yield Violation("closed_post",
                                f"{f.who(a.volunteer)} is assigned to {f.where(a.post)}, but gate {a.gate} "
                                f"has no demand in slot {a.slot} on that date (the post is closed)",
                                a.post, a.volunteer)
        elif len(here) > demand[1]:
            post = Post(*key)
            names = ", ".join(f.who(a.volunteer) for a in here)
            yield Violation("over_max",
                            f"{f.where(post)} has {len(here)} people ({names}) but can use at most "
                            f"{demand[1]}", post)


def check_availability(f: _Facts) -> Iterator[Violation]:
    """unavailable: slot not offered on that weekday, or a date the person blocked out."""
    volunteers, weekday = f.volunteers, f.fixed.weekday
    for a in f.assignments:
        v = volunteers[a.volunteer]
        day = weekday[a.date]
        offered = a.slot in v.available.get(day, ())
        if offered and a.date not in v.unavailable_dates:
            continue
        reasons = []
        if not offered:
            reasons.append(f"does not offer slot {a.slot} on {day}")
        if a.date in v.unavailable_dates:
            reasons.append(f"is unavailable on {a.date.isoformat()}")
        yield Violation("unavailable",
                        f"{f.who(v.id)} {' and '.join(reasons)} but is assigned to {f.where(a.post)}",
                        a.post, v.id)


def check_employed(f: _Facts) -> Iterator[Violation]:
    """employed_in_working_hours: the party-member rule (8小时外在职党员服务)."""
    employed = f.fixed.employed
    if not employed:
        return
    in_working_hours, workday = f.fixed.in_working_hours, f.fixed.workday
    for a in f.assignments:
        if a.volunteer not in employed or not in_working_hours[a.slot]:
            continue
        if not workday[a.date]:
            continue  # on rest days employed people may serve any slot
        note = ""
        if a.date not in f.scenario.calendar.workdays and _official_workday(a.date) is None:
            note = f" (Monday–Friday assumed: the official calendar does not cover {a.date.year})"
        yield Violation("employed_in_working_hours",
                        f"{f.who(a.volunteer)} is employed and cannot stand at {f.where(a.post)}, "
                        f"which overlaps working hours on a workday{note}",
                        a.post, a.volunteer)


def _person_days(f: _Facts, more_than: int) -> Iterator[tuple[str, dt.date, list[Assignment]]]:
    """(volunteer, date, their posts that date in time order) for each person-day with
    more than `more_than` posts. Read off each person's posts in time order, where a date's
    posts stand together, without making a key per post: most days have one post, and
    the live check asks this after every edit."""
    for vid, posts in f.posts_of.items():
        n = len(posts)
        if n <= more_than:
            continue
        i = 0
        while i < n:
            day = posts[i].date
            j = i + 1
            while j < n and posts[j].date == day:
                j += 1
            if j - i > more_than:
                yield vid, day, posts[i:j]
            i = j


def check_person_day(f: _Facts) -> Iterator[Violation]:
    """overlap per pair of posts whose times overlap; max_slots_per_day per person-day.

    An over-long day is reported at its first post beyond the cap (in time order), which
    is the one a clerk would drop.
    """
    cap = f.scenario.rules.max_slots_per_day
    one_is_fine = cap is None or cap >= 1
    slots = f.slots
    for vid, day, day_posts in _person_days(f, 1 if one_is_fine else 0):
        for i, a in enumerate(day_posts):
            sa = slots[a.slot]
            for b in day_posts[i + 1:]:
                sb = slots[b.slot]
                if sa.start < sb.end and sb.start < sa.end:
                    yield Violation("overlap",
                                    f"{f.who(vid)} stands at {f.where(a.post)} and at {f.where(b.post)} "
                                    f"at the same time", b.post, vid)
        if cap is not None and len(day_posts) > cap:
            yield Violation("max_slots_per_day",
                            f"{f.who(vid)} has {len(day_posts)} posts on {day.isoformat()}, more than the "
                            f"{cap} allowed a day (first one over: {f.where(day_posts[cap].post)})",
                            day_posts[cap].post, vid)


def check_hours(f: _Facts) -> Iterator[Violation]:
    """max_hours: service minutes over the horizon above the effective, scaled weekly cap.

    The effective cap is the smallest that applies (own or default, kind, minor; see
    `weekly_cap_hours`). Reported at the post where the running total first passes it.
    """
    caps = f.fixed.cap_minutes
    if not caps:
        return
    minutes = f.fixed.minutes
    totals: dict[str, int] = defaultdict(int)
    for a in f.assignments:
        totals[a.volunteer] += minutes[a.slot]
    for vid, total in totals.items():
        cap = caps.get(vid)
        if cap is None or total <= cap:
            continue
        running = 0
        for a in f.posts_of[vid]:  # in time order
            running += minutes[a.slot]
            if running > cap:
                break
        v = f.volunteers[vid]
        weekly = _weekly_caps(f.scenario, v)
        binding = min(weekly)[1] if len(weekly) > 1 else ""
        which = f" ({binding})" if binding else ""
        yield Violation("max_hours",
                        f"{f.who(vid)} serves {_hours(total)} over the {f.scenario.days}-day horizon, "
                        f"more than the cap of {_hours(cap)}{which} (passed at {f.where(a.post)})",
                        a.post, vid)


def _hours(minutes: int) -> str:
    return f"{minutes // 60} h {minutes % 60:02d} min" if minutes % 60 else f"{minutes // 60} h"


def check_minors(f: _Facts) -> Iterator[Violation]:
    """minor_alone: a minor at a post with no adult (minors must not stand alone)."""
    minors = f.fixed.minors
    if not minors:
        return
    for key, here in f.by_post:
        if here[0].volunteer not in minors or any(a.volunteer not in minors for a in here):
            continue
        post = Post(*key)
        for a in here:
            yield Violation("minor_alone", f"{f.who(a.volunteer)} is a minor with no adult at {f.where(post)}",
                            post, a.volunteer)


def check_allowed_gates(f: _Facts) -> Iterator[Violation]:
    """gate_not_allowed: a post at a gate outside the person's `allowed_gates` (version 2)."""
    allowed_gates = f.fixed.allowed_gates
    if not allowed_gates:
        return
    for a in f.assignments:
        allowed = allowed_gates.get(a.volunteer)
        if allowed is not None and a.gate not in allowed:
            v = f.volunteers[a.volunteer]
            listed = ", ".join(v.allowed_gates) or "none"
            yield Violation("gate_not_allowed",
                            f"{f.who(v.id)} may stand only at gates {listed} but is assigned to {f.where(a.post)}",
                            a.post, v.id)


def check_minor_latest_end(f: _Facts) -> Iterator[Violation]:
    """minor_too_late: a minor at a post whose slot ends after `minor_latest_end`."""
    latest = f.scenario.rules.minor_latest_end
    minors = f.fixed.minors
    if latest is None or not minors:
        return
    too_late = {sid for sid, slot in f.slots.items() if slot.end > latest}
    for a in f.assignments:
        if a.slot in too_late and a.volunteer in minors:
            yield Violation("minor_too_late",
                            f"{f.who(a.volunteer)} is a minor and may not stand at {f.where(a.post)}, which ends after "
                            f"{format_minutes(latest)}", a.post, a.volunteer)


def _consecutive_limit(rules_limit: int | None, own: int | None) -> tuple[int, str] | None:
    """The stricter of the community's and the person's own limit on consecutive days,
    with words naming it when it is the person's own; None when neither is set."""
    if own is not None and (rules_limit is None or own < rules_limit):
        return own, " (their own limit)"
    return None if rules_limit is None else (rules_limit, "")


def check_consecutive_days(f: _Facts) -> Iterator[Violation]:
    """max_consecutive_days: a run of more than N consecutive dates with a post, N being
    the stricter of `rules.max_consecutive_days` and the person's own (version 3). Runs
    touching the first or last date count like any other (nothing is assumed outside).

    Reported once per run, at the first post (in time) of the run's first date beyond N.
    """
    if not f.fixed.counts_consecutive_days:
        return  # the usual week: nothing to count, and the live check runs this per edit
    for vid, runs in f.runs_on_duty.items():
        limit = _consecutive_limit(f.scenario.rules.max_consecutive_days, f.volunteers[vid].max_consecutive_days)
        if limit is None:
            continue
        n, whose = limit
        for run in runs:
            if len(run) <= n:
                continue
            first_over = f.by_person_day[vid, run[n]][0]
            yield Violation("max_consecutive_days",
                            f"{f.who(vid)} stands on {len(run)} consecutive dates, {run[0].isoformat()} to "
                            f"{run[-1].isoformat()}, more than the {n} allowed{whose} "
                            f"(first one over: {f.where(first_over.post)})",
                            first_over.post, vid)


def check_posts_by_slot(f: _Facts) -> Iterator[Violation]:
    """max_posts_by_slot: more posts in a slot over the horizon than the person's
    `max_posts_by_slot` allows (version 3). Reported at the first post beyond it."""
    for v in f.fixed.with_slot_limits:
        vid = v.id
        by_slot: dict[str, list[Assignment]] = defaultdict(list)
        for a in f.posts_of.get(vid, ()):
            by_slot[a.slot].append(a)
        for slot_id, limit in v.max_posts_by_slot.items():
            posts = by_slot.get(slot_id, [])
            if len(posts) <= limit:
                continue
            dates = ", ".join(a.date.isoformat() for a in posts)
            yield Violation("max_posts_by_slot",
                            f"{f.who(vid)} stands {len(posts)} posts in slot {slot_id} over the horizon ({dates}), "
                            f"more than the {limit} allowed (first one over: {f.where(posts[limit].post)})",
                            posts[limit].post, vid)


def check_minutes(f: _Facts) -> Iterator[Violation]:
    """max_minutes / min_minutes: the minutes on duty over the horizon outside the person's
    bounds (version 3). Too many is reported at the post where the running total first
    passes the most; too few (asked of an answer only, like a pin: a roster that holds
    none has nothing to reach) at no post."""
    for v in f.fixed.with_minutes:
        vid = v.id
        posts = f.posts_of.get(vid, [])
        total = sum(f.slots[a.slot].minutes for a in posts)
        if v.max_minutes is not None and total > v.max_minutes:
            running = 0
            for a in posts:
                running += f.slots[a.slot].minutes
                if running > v.max_minutes:
                    break
            yield Violation("max_minutes",
                            f"{f.who(vid)} stands {total} minutes ({_hours(total)}) over the horizon, more than "
                            f"their {v.max_minutes} minutes (passed at {f.where(a.post)})", a.post, vid)
        if v.min_minutes is not None and total < v.min_minutes and f.claims_answer:
            yield Violation("min_minutes",
                            f"{f.who(vid)} stands {total} minutes ({_hours(total)}) over the horizon, fewer than "
                            f"their {v.min_minutes} minutes", volunteer=vid)


def _inside(f: _Facts, run: list[dt.date]) -> bool:
    """Whether a run has a date of the horizon on both sides: a run touching the first or
    last date may go on outside the horizon, so the minimums do not apply to it (as in the
    Shift Scheduling Benchmark, `solver.ssb.evaluate`)."""
    return run[0] > f.scenario.start_date and run[-1] < f.last_date


def check_min_runs(f: _Facts) -> Iterator[Violation]:
    """min_consecutive_days / min_consecutive_days_off (version 3): a run of dates on duty
    (with a post) or off duty (without), bounded on both sides by dates of the horizon,
    shorter than the person's minimum. A run touching the first or last date is exempt
    whatever its length; so is a person with no post at all (one run of days off, touching
    both ends). A short run on duty is reported at its first post, a short run off duty at
    the first post after it."""
    for v in f.fixed.with_min_runs:
        vid = v.id
        on = f.runs_on_duty.get(vid, [])
        if v.min_consecutive_days is not None:
            for run in on:
                if _inside(f, run) and len(run) < v.min_consecutive_days:
                    yield Violation("min_consecutive_days",
                                    f"{f.who(vid)} stands on only {_run_words(run)} between days off, fewer than "
                                    f"the {v.min_consecutive_days} consecutive dates required",
                                    f.by_person_day[vid, run[0]][0].post, vid)
        if v.min_consecutive_days_off is not None:
            for before, after in zip(on, on[1:]):
                off = [before[-1] + dt.timedelta(days=k) for k in range(1, (after[0] - before[-1]).days)]
                if len(off) < v.min_consecutive_days_off:
                    yield Violation("min_consecutive_days_off",
                                    f"{f.who(vid)} is off duty for only {_run_words(off)} between posts, fewer than "
                                    f"the {v.min_consecutive_days_off} consecutive days off required",
                                    f.by_person_day[vid, after[0]][0].post, vid)


def _run_words(run: list[dt.date]) -> str:
    if len(run) == 1:
        return f"1 date ({run[0].isoformat()})"
    return f"{len(run)} dates ({run[0].isoformat()} to {run[-1].isoformat()})"


def check_weekends(f: _Facts) -> Iterator[Violation]:
    """max_weekends: posts on more weekends than the person's `max_weekends` (version 3).
    A weekend is a Saturday and the Sunday after it, by the date (not the workday
    calendar); it counts once when either or both of its dates inside the horizon have a
    post. Reported at the first post of the first weekend beyond the limit."""
    for v in f.fixed.with_max_weekends:
        vid = v.id
        weekends: dict[dt.date, list[dt.date]] = defaultdict(list)  # Saturday -> dates with a post
        for run in f.runs_on_duty.get(vid, []):
            for day in run:
                if day.weekday() >= 5:
                    weekends[day - dt.timedelta(days=day.weekday() - 5)].append(day)
        if len(weekends) <= v.max_weekends:
            continue
        saturdays = sorted(weekends)
        listed = "; ".join(", ".join(d.isoformat() for d in weekends[sat]) for sat in saturdays)
        first_over = f.by_person_day[vid, weekends[saturdays[v.max_weekends]][0]][0]
        yield Violation("max_weekends",
                        f"{f.who(vid)} stands on {len(weekends)} weekends ({listed}), more than the "
                        f"{v.max_weekends} allowed (first one over: {f.where(first_over.post)})",
                        first_over.post, vid)


def check_forbidden_sequences(f: _Facts) -> Iterator[Violation]:
    """forbidden_sequence: a person in slot b on the date after a post in slot a, at any
    gates, for a pair (a, b) of `rules.forbidden_sequences` (version 3). One violation per
    pair of posts, reported at the later one."""
    forbidden = set(f.scenario.rules.forbidden_sequences)
    if not forbidden:
        return
    for (vid, day), posts in f.by_person_day.items():
        for b in f.by_person_day.get((vid, day + dt.timedelta(days=1)), ()):
            for a in posts:
                if (a.slot, b.slot) in forbidden:
                    yield Violation("forbidden_sequence",
                                    f"{f.who(vid)} stands at {f.where(b.post)} the day after {f.where(a.post)}, "
                                    f"but slot {b.slot} may not follow slot {a.slot}",
                                    b.post, vid)


def check_min_rest(f: _Facts) -> Iterator[Violation]:
    """min_rest: less than `min_rest_hours` between a post and a post on a later date.

    Every such pair of posts is one violation, reported at the later post. Posts on the
    same date are left to the overlap rule.
    """
    hours = f.scenario.rules.min_rest_hours
    if hours is None:
        return
    needed = _exact(hours) * 60  # minutes, exact
    slots = f.slots
    in_order = f.fixed.starts_within_the_day
    for vid, posts in f.posts_of.items():  # each in time order
        for i, a in enumerate(posts):
            end = slots[a.slot].end
            for b in posts[i + 1:]:
                if b.date == a.date:
                    continue
                # Whole minutes from a's end to b's start: (b's date − a's date) days, plus
                # b's start, less a's end (an end of 24:00 is midnight of the next date).
                minutes = (b.date - a.date).days * 24 * 60 + slots[b.slot].start - end
                if minutes >= needed:
                    if in_order:  # later posts start no earlier, so they rest longer still
                        break
                    continue
                yield Violation("min_rest",
                                f"{f.who(vid)} has only {_hours(minutes)} of rest between {f.where(a.post)} "
                                f"and {f.where(b.post)}, less than the {hours:g} h required",
                                b.post, vid)


def check_pins(f: _Facts) -> Iterator[Violation]:
    """pin_missing: every pinned assignment must be in an answer (the pinned flag aside)."""
    if not f.claims_answer or not f.scenario.pinned:
        return
    present = f.keys | {(a.volunteer, a.gate, a.date, a.slot) for a, _ in f.unknown}
    for p in f.scenario.pinned:
        if (p.volunteer, p.gate, p.date, p.slot) not in present:
            yield Violation("pin_missing",
                            f"{f.who(p.volunteer)} is pinned (锁定) to {f.where(p.post)} but is not assigned there",
                            p.post, p.volunteer)


def check_shortages(f: _Facts) -> Iterator[Violation]:
    """shortage_unreported / shortage_misreported: the shortages must say exactly what is lacking.

    A post lacking something and not listed is unreported; a listing whose numbers are
    wrong (or that lists a post lacking nothing, or a post a second time) is misreported.
    A wrong listing is reported once, as misreported, not also as unreported.
    """
    if not f.claims_answer:
        return
    expected: dict[Post, tuple[int, Needs]] = {}
    for post, (minimum, maximum) in f.open.items():
        people = f.people_at.get((post.gate, post.date, post.slot), [])
        missing = max(0, minimum - len(people))
        # A post with room for nobody has no needs (scenario format, "Needs").
        unmet = _unmet(f.gates[post.gate].needs, people) if maximum > 0 else Needs()
        if missing or not unmet.is_empty():
            expected[post] = (missing, unmet)

    listed: set[Post] = set()
    for s in f.roster.shortages:
        if f.unknown_parts(s.gate, s.date, s.slot):
            continue  # reported as unknown_reference
        if s.post in listed:
            yield Violation("shortage_misreported", f"the shortage at {f.where(s.post)} is listed more than once",
                            s.post)
            continue
        listed.add(s.post)
        if s.post not in f.open:
            yield Violation("shortage_misreported",
                            f"a shortage is listed at {f.where(s.post)}, which is a closed post", s.post)
            continue
        if s.post not in expected:
            yield Violation("shortage_misreported",
                            f"a shortage is listed at {f.where(s.post)}, but the post lacks nothing", s.post)
            continue
        missing, unmet = expected[s.post]
        if s.missing != missing or _normalised(s.unmet_needs) != _normalised(unmet):
            yield Violation("shortage_misreported",
                            f"the shortage at {f.where(s.post)} says {_lack(s.missing, s.unmet_needs)}, "
                            f"but the post lacks {_lack(missing, unmet)}", s.post)
    for post, (missing, unmet) in expected.items():
        if post not in listed:
            yield Violation("shortage_unreported",
                            f"{f.where(post)} lacks {_lack(missing, unmet)}, but no shortage is listed for it",
                            post)


def _lack(missing: int, needs: Needs) -> str:
    parts = [f"{missing} missing {'person' if missing == 1 else 'people'}"]
    if needs.party_member:
        parts.append(f"{needs.party_member} party member(s)")
    parts += [f"{n} with skill {k!r}" for k, n in sorted(needs.skills.items()) if n]
    return ", ".join(parts)


def check_terms(f: _Facts) -> Iterator[Violation]:
    """term_misreported: an answer's `terms` must be the recomputed objective terms.

    Checked for an OPTIMAL/FEASIBLE roster that reports terms: each reported value
    against `objective_terms`; every term of the scenario's objective listed once and no
    other (so a version-3 term is listed exactly when the scenario can pay it); each
    weighted term at the scenario's weight (`term_weight`: the soft terms of a version-2
    scenario, version 3's terms, and the coverage terms when coverage is weighted); and
    the reported objective equal to the sum of the costs.
    """
    r = f.roster
    if not f.claims_answer or not r.terms:
        return
    expected = objective_terms(f.scenario, r.assignments)
    seen: set[str] = set()
    for term in r.terms:
        if term.name in seen:
            yield Violation("term_misreported", f"term {term.name} is listed more than once")
            continue
        seen.add(term.name)
        if term.name not in expected:
            unpaid = f" ({_UNPAYABLE[term.name]}: the scenario cannot pay it)" if term.name in _UNPAYABLE else ""
            yield Violation("term_misreported",
                            f"term {term.name} is not a term of this scenario's objective{unpaid} "
                            f"({', '.join(expected)})")
            continue
        if term.value != expected[term.name]:
            yield Violation("term_misreported",
                            f"term {term.name}: reported {term.value}, recomputed {expected[term.name]}")
        weight = term_weight(f.scenario, term.name)
        if weight is not None and term.weight != weight:
            yield Violation("term_misreported",
                            f"term {term.name}: reported weight {term.weight}, the scenario's weight is {weight}")
    for name in expected:
        if name not in seen:
            yield Violation("term_misreported",
                            f"term {name} is missing from the roster's terms (recomputed {expected[name]})")
    total = sum(term.cost for term in r.terms)
    if r.objective is not None and r.objective != total:
        yield Violation("term_misreported",
                        f"the objective is reported as {r.objective}, but the term costs add up to {total}")


_UNPAYABLE = {
    "over_cover": "no demand rule has an over_weight",
    "on_requests": "nobody has a wanted request",
    "off_requests": "nobody has an unwanted request",
}


def check_shortfalls(f: _Facts) -> Iterator[Violation]:
    """shortfall_misreported: a version-2 answer lists exactly the registered volunteers
    short of `min_posts_registered`, each with the right required and served posts.

    A listing that is wrong, repeated, of someone unknown, not registered or not short is
    reported at the listing; a person short and not listed is reported too (same code).
    """
    if f.scenario.weights is None or not f.claims_answer:
        return
    counts = _Terms(f.scenario, f.roster.assignments).registered_counts()
    expected = {vid: c for vid, c in counts.items() if c[1] < c[0]}
    listed: set[str] = set()
    for s in f.roster.shortfalls:
        who = f.who(s.volunteer)
        if s.volunteer in listed:
            yield Violation("shortfall_misreported", f"the shortfall of {who} is listed more than once",
                            volunteer=s.volunteer)
            continue
        listed.add(s.volunteer)
        if s.volunteer not in f.volunteers:
            problem = "who is not in the scenario"
        elif s.volunteer not in counts:
            problem = "who is not registered (双报到)"
        elif s.volunteer not in expected:
            required, served = counts[s.volunteer]
            problem = f"who stands {served} posts of the {required} required: no shortfall"
        elif (s.required, s.served) != expected[s.volunteer]:
            required, served = expected[s.volunteer]
            problem = f"saying {s.served} of {s.required} posts, but it is {served} of {required}"
        else:
            continue
        yield Violation("shortfall_misreported", f"a shortfall is listed for {who}, {problem}",
                        volunteer=s.volunteer)
    for vid, (required, served) in expected.items():
        if vid not in listed:
            yield Violation("shortfall_misreported",
                            f"{f.who(vid)} is registered (双报到) and stands {served} posts of the {required} "
                            f"required, but no shortfall is listed", volunteer=vid)


def check_status(f: _Facts) -> Iterator[Violation]:
    """status_mismatch: INFEASIBLE must explain itself; an answer has no conflicts."""
    r = f.roster
    if r.status == "INFEASIBLE" and not r.conflicts:
        yield Violation("status_mismatch", "the roster is INFEASIBLE but lists no conflict explaining why")
    elif r.status in ANSWER_STATUSES and r.conflicts:
        rules = ", ".join(sorted({c.rule for c in r.conflicts}))
        yield Violation("status_mismatch", f"the roster is {r.status} but lists conflicts ({rules})")
    elif r.status not in ANSWER_STATUSES + ("INFEASIBLE", "UNKNOWN"):
        yield Violation("status_mismatch", f"the roster's status {r.status!r} is not a known status")


CHECKS: list[Check] = [
    check_references,
    check_duplicates,
    check_demand,
    check_availability,
    check_employed,
    check_person_day,
    check_hours,
    check_minors,
    check_allowed_gates,
    check_minor_latest_end,
    check_consecutive_days,
    check_min_rest,
    check_posts_by_slot,
    check_minutes,
    check_min_runs,
    check_weekends,
    check_forbidden_sequences,
    check_pins,
    check_shortages,
    check_terms,
    check_shortfalls,
    check_status,
]


HARD_CHECKS: list[Check] = [
    check_references,
    check_duplicates,
    check_demand,
    check_availability,
    check_employed,
    check_person_day,
    check_hours,
    check_minors,
    check_allowed_gates,
    check_minor_latest_end,
    check_consecutive_days,
    check_min_rest,
    check_posts_by_slot,
    check_minutes,
    check_min_runs,
    check_weekends,
    check_forbidden_sequences,
    check_pins,
]
"""The checks of hard rules about the assignments themselves (a subset of `CHECKS`): what a
hand edit can break. Shortages, reported terms and the status are about an answer's
report, not about where people stand, so they are left out."""

HARD_RULES: frozenset[str] = frozenset({
    "unknown_reference", "duplicate_assignment", "closed_post", "over_max", "unavailable",
    "employed_in_working_hours", "overlap", "max_slots_per_day", "max_hours", "minor_alone",
    "gate_not_allowed", "minor_too_late", "max_consecutive_days", "min_rest", "pin_missing",
    "max_posts_by_slot", "max_minutes", "min_minutes", "min_consecutive_days", "min_consecutive_days_off",
    "max_weekends", "forbidden_sequence",
})
"""The rule codes `HARD_CHECKS` can report."""


def hard_violations(scenario: Scenario, assignments: Iterable[Assignment]) -> list[Violation]:
    """The hard rules these assignments break, in `validate`'s order: exactly the
    violations with a code in `HARD_RULES` that `validate` reports for an answer (status
    FEASIBLE) made of these assignments, found without recomputing shortages or terms.

    The window runs this after every hand edit (live checking), so it must stay fast.
    """
    roster = Roster(scenario.name, "FEASIBLE", tuple(assignments))
    facts = _Facts(scenario, roster)
    return sorted((v for check in HARD_CHECKS for v in check(facts)), key=_order)


def _order(v: Violation) -> tuple:
    post = (0, "", dt.date.min, "") if v.post is None else (1, v.post.gate, v.post.date, v.post.slot)
    return v.rule, post, v.volunteer or "", v.message


def validate(scenario: Scenario, roster: Roster) -> list[Violation]:
    """Every rule the roster breaks, sorted by rule, post and volunteer; empty if it is valid."""
    facts = _Facts(scenario, roster)
    return sorted((v for check in CHECKS for v in check(facts)), key=_order)


__all__ = [
    "Violation", "validate", "coverage_totals", "open_posts", "is_workday", "hour_cap_minutes", "weekly_cap_hours",
    "objective_terms", "version_3_terms", "term_weight", "post_rules", "V1_TERMS", "V2_TERMS", "CHECKS",
    "HARD_CHECKS", "HARD_RULES", "hard_violations",
]
