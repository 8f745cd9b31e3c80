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
to that list.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from typing import Callable, Iterable, Iterator

import chinese_calendar

from solver.scenario import (
    Assignment,
    Gate,
    Needs,
    Post,
    Roster,
    Scenario,
    Slot,
    Volunteer,
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


def _rule_applies(scenario: Scenario, days: object, day: dt.date) -> bool:
    if days == "all":
        return True
    if days == "workdays":
        return is_workday(scenario, day)
    if days == "rest_days":
        return not is_workday(scenario, day)
    return day in tuple(days)  # type: ignore[arg-type]  # an explicit list of dates


def open_posts(scenario: Scenario) -> dict[Post, tuple[int, int]]:
    """Every open post of the horizon with its (min, max).

    Demand rules are applied in order, so a later rule for the same slot and date replaces
    an earlier one, even with min 0 and max 0: such a post stays open (with room for
    nobody) rather than becoming closed.
    """
    slot_ids = {s.id for s in scenario.slots}
    posts: dict[Post, tuple[int, int]] = {}
    for gate in scenario.gates:
        for rule in gate.demand:
            if rule.slot not in slot_ids:
                continue  # a reader error; no post can exist in an unknown slot
            for day in scenario.dates:
                if _rule_applies(scenario, rule.days, day):
                    posts[Post(gate.id, day, rule.slot)] = (rule.min, rule.max)
    return posts


def hour_cap_minutes(scenario: Scenario, volunteer: Volunteer) -> int | None:
    """The volunteer's cap over the whole horizon in minutes, or None for no cap.

    The weekly cap is scaled to the horizon (days / 7) and rounded down. Fractions keep it
    exact (12 h over 7 days is 720 minutes, not 719.99…); a float cap is read through its
    decimal text, which is what the clerk typed (10.1 h is 606 minutes a week).
    """
    hours = volunteer.max_hours_per_week
    if hours is None:
        hours = scenario.rules.default_max_hours_per_week
    if hours is None:
        return None
    exact = Fraction(str(hours)) if isinstance(hours, float) else Fraction(hours)
    return math.floor(exact * 60 * scenario.days / 7)


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
    volunteers = {v.id: v for v in scenario.volunteers}
    people: dict[Post, set[str]] = defaultdict(set)
    for a in assignments:
        if a.volunteer in volunteers:
            people[a.post].add(a.volunteer)
    gates = {g.id: g for g in scenario.gates}
    missing = unmet = 0
    for post, (minimum, _) in open_posts(scenario).items():
        here = [volunteers[v] for v in people.get(post, ())]
        missing += max(0, minimum - len(here))
        unmet += _unmet(gates[post.gate].needs, here).total()
    return missing, unmet


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
        self.volunteers = {v.id: v for v in scenario.volunteers}
        self.gates: dict[str, Gate] = {g.id: g for g in scenario.gates}
        self.slots: dict[str, Slot] = {s.id: s for s in scenario.slots}
        self.horizon = frozenset(scenario.dates)
        self.open = open_posts(scenario)
        self.unknown: list[tuple[Assignment, list[str]]] = []
        self.duplicates: list[Assignment] = []
        seen: set[tuple[str, Post]] = set()
        self.assignments: list[Assignment] = []
        for a in roster.assignments:
            problems = self.unknown_parts(a.gate, a.date, a.slot, a.volunteer)
            if problems:
                self.unknown.append((a, problems))
            elif (a.volunteer, a.post) in seen:
                self.duplicates.append(a)
            else:
                seen.add((a.volunteer, a.post))
                self.assignments.append(a)
        self.assignments.sort(key=lambda a: (a.date, self.slots[a.slot].start, a.slot, a.gate, a.volunteer))

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
    def people_at(self) -> dict[Post, list[Volunteer]]:
        out: dict[Post, list[Volunteer]] = defaultdict(list)
        for a in self.assignments:
            out[a.post].append(self.volunteers[a.volunteer])
        return out

    @cached_property
    def by_person_day(self) -> dict[tuple[str, dt.date], list[Assignment]]:
        """Each volunteer's assignments on each date, in order of time."""
        out: dict[tuple[str, dt.date], list[Assignment]] = defaultdict(list)
        for a in self.assignments:
            out[a.volunteer, a.date].append(a)
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
    for a in f.assignments:
        if a.post not in f.open:
            yield Violation("closed_post",
                            f"{f.who(a.volunteer)} is assigned to {f.where(a.post)}, but gate {a.gate} "
                            f"has no demand in slot {a.slot} on that date (the post is closed)",
                            a.post, a.volunteer)
    for post, people in f.people_at.items():
        if post in f.open and len(people) > f.open[post][1]:
            names = ", ".join(f.who(v.id) for v in people)
            yield Violation("over_max",
                            f"{f.where(post)} has {len(people)} people ({names}) but can use at most "
                            f"{f.open[post][1]}", post)


def check_availability(f: _Facts) -> Iterator[Violation]:
    """unavailable: slot not offered on that weekday, or a date the person blocked out."""
    for a in f.assignments:
        v = f.volunteers[a.volunteer]
        day = weekday_key(a.date)
        reasons = []
        if a.slot not in v.available.get(day, ()):
            reasons.append(f"does not offer slot {a.slot} on {day}")
        if a.date in v.unavailable_dates:
            reasons.append(f"is unavailable on {a.date.isoformat()}")
        if reasons:
            yield Violation("unavailable",
                            f"{f.who(v.id)} {' and '.join(reasons)} but is assigned to {f.where(a.post)}",
                            a.post, v.id)


def check_employed(f: _Facts) -> Iterator[Violation]:
    """employed_in_working_hours: the party-member rule (8小时外在职党员服务)."""
    wh = f.scenario.working_hours
    for a in f.assignments:
        v = f.volunteers[a.volunteer]
        slot = f.slots[a.slot]
        if not v.employed or not (slot.start < wh.end and wh.start < slot.end):
            continue
        if not is_workday(f.scenario, a.date):
            continue  # on rest days employed people may serve any slot
        note = ""
        if a.date not in f.scenario.calendar.workdays and _official_workday(a.date) is None:
            note = f" (Monday–Friday assumed: the official calendar does not cover {a.date.year})"
        yield Violation("employed_in_working_hours",
                        f"{f.who(v.id)} is employed and cannot stand at {f.where(a.post)}, "
                        f"which overlaps working hours on a workday{note}",
                        a.post, v.id)


def check_person_day(f: _Facts) -> Iterator[Violation]:
    """overlap per pair of posts whose times overlap; max_slots_per_day per person-day.

    An over-long day is reported at its first post beyond the cap (in time order), which
    is the one a clerk would drop.
    """
    cap = f.scenario.rules.max_slots_per_day
    for (vid, day), day_posts in f.by_person_day.items():
        for i, a in enumerate(day_posts):
            sa = f.slots[a.slot]
            for b in day_posts[i + 1:]:
                sb = f.slots[b.slot]
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
    """max_hours: service minutes over the horizon above the scaled weekly cap.

    Reported at the post where the running total first passes the cap.
    """
    totals: Counter[str] = Counter()
    for a in f.assignments:
        totals[a.volunteer] += f.slots[a.slot].minutes
    running: Counter[str] = Counter()
    reported: set[str] = set()
    for a in f.assignments:  # in time order
        v = f.volunteers[a.volunteer]
        cap = hour_cap_minutes(f.scenario, v)
        running[v.id] += f.slots[a.slot].minutes
        if cap is None or v.id in reported or running[v.id] <= cap:
            continue
        reported.add(v.id)
        yield Violation("max_hours",
                        f"{f.who(v.id)} serves {_hours(totals[v.id])} over the {f.scenario.days}-day horizon, "
                        f"more than the cap of {_hours(cap)} (passed at {f.where(a.post)})",
                        a.post, v.id)


def _hours(minutes: int) -> str:
    return f"{minutes // 60} h {minutes % 60:02d} min" if minutes % 60 else f"{minutes // 60} h"


def check_minors(f: _Facts) -> Iterator[Violation]:
    """minor_alone: a minor at a post with no adult (minors must not stand alone)."""
    for post, people in f.people_at.items():
        if any(not v.minor for v in people):
            continue
        for v in people:
            yield Violation("minor_alone", f"{f.who(v.id)} is a minor with no adult at {f.where(post)}", post, v.id)


def check_pins(f: _Facts) -> Iterator[Violation]:
    """pin_missing: every pinned assignment must be in an answer (the pinned flag aside)."""
    if not f.claims_answer:
        return
    present = {(a.volunteer, a.gate, a.date, a.slot) for a in f.roster.assignments}
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
    for post, (minimum, _) in f.open.items():
        people = f.people_at.get(post, [])
        missing = max(0, minimum - len(people))
        unmet = _unmet(f.gates[post.gate].needs, people)
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
    check_pins,
    check_shortages,
    check_status,
]


def _order(v: Violation) -> tuple:
    post = (0, "", dt.date.min, "") if v.post is None else (1, v.post.gate, v.post.date, v.post.slot)
    return v.rule, post, v.volunteer or "", v.message


def validate(scenario: Scenario, roster: Roster) -> list[Violation]:
    """Every rule the roster breaks, sorted by rule, post and volunteer; empty if it is valid."""
    facts = _Facts(scenario, roster)
    return sorted((v for check in CHECKS for v in check(facts)), key=_order)


__all__ = ["Violation", "validate", "coverage_totals", "open_posts", "is_workday", "hour_cap_minutes", "CHECKS"]
