"""One week of one community as the window shows it: plain data, no Qt.

`WeekData` bundles the solver's snapshot of the week (`Scenario`), the saved answer
(`Roster`, or None before the first 自动排班), the kind of every volunteer and the workday
flags of the seven dates, and answers the questions the grid and the volunteer list ask:
which posts are open and how many people they need, who stands at a post, which posts are
short, how many hours each volunteer serves, which hard rules the roster breaks. Both Qt
models read from it, so they always agree with each other.

A hand edit makes a new `WeekData` (`edited`) from a roster `derive_roster` builds: the
edited assignments with their shortages (and the reasons), the registered volunteers'
shortfalls and the objective's terms recomputed, as `save_roster` stores them.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections import Counter, defaultdict
from dataclasses import dataclass, field, fields
from functools import cached_property
from typing import Mapping

from dataclasses import replace

from solver.explain import EMPLOYED_PARTY, Duties, Texts, _bucket, classify, duties_of
from solver.instance import Demand, Instance
from solver.scenario import Assignment, Needs, Post, Roster, Scenario, Shortage, Shortfall, TermCost
from solver.validate import Violation, hard_violations, objective_terms


@dataclass(frozen=True)
class Summary:
    """Totals shown under the grid.

    `open_posts` are posts with a demand; `short_posts` those listed in the roster's
    shortages; `missing_people` the people they lack in all (缺岗人次); `person_times` the
    assignments (人次) and `hours` their total duration.
    """

    open_posts: int
    short_posts: int
    missing_people: int
    person_times: int
    hours: float

    @property
    def filled_posts(self) -> int:
        return self.open_posts - self.short_posts


@dataclass(frozen=True)
class WeekData:
    """The data behind the roster grid and the volunteer list for one week.

    Attributes:
        scenario: the week's snapshot (gates, slots, volunteers, demand, pins).
        roster: the saved answer, or None when the week was never scheduled; then the
            scenario's pins are what stands in the grid.
        kinds: volunteer id -> kind code ("employed_party", "resident", …).
        phones: volunteer id -> phone number, for those who gave one (shown masked).

    What the scenario means (open posts, workdays, caps) comes from `solver.instance`, the
    same reading the solver uses, so the grid can never disagree with the answer.
    """

    scenario: Scenario
    roster: Roster | None = None
    kinds: Mapping[str, str] = field(default_factory=dict)
    phones: Mapping[str, str] = field(default_factory=dict)

    @cached_property
    def _instance(self) -> Instance:
        return Instance(self.scenario)

    @property
    def instance(self) -> Instance:
        """The scenario as the solver reads it (open posts, workdays, caps)."""
        return self._instance

    # --- the week's posts ---------------------------------------------------------------

    @cached_property
    def dates(self) -> tuple[dt.date, ...]:
        # Remembered: the grid asks for every cell it paints or measures.
        return self.scenario.dates

    @property
    def workday(self) -> Mapping[dt.date, bool]:
        """Date -> workday (True) or rest day (False), by the Chinese calendar and overrides."""
        return self._instance.workday

    @property
    def calendar_warnings(self) -> tuple[str, ...]:
        """Notes on years the calendar had to guess."""
        return self._instance.warnings

    @cached_property
    def staffing(self) -> dict[Post, Demand]:
        """Every open post -> its min and max; a post missing here is closed (不开放).

        A post with room for nobody (max 0: closed on a date by the set-up's exception) is
        closed to the clerk too, although the scenario format keeps it as a demand entry.
        """
        return {post: d for post, d in self._instance.demand.items() if d.max > 0}

    # --- the answer ---------------------------------------------------------------------

    @property
    def assignments(self) -> tuple[Assignment, ...]:
        """The roster's assignments, or the pins alone while the week is unscheduled."""
        return self.roster.assignments if self.roster is not None else self.scenario.pinned

    @cached_property
    def people_at(self) -> dict[Post, list[Assignment]]:
        """Post -> its assignments, pinned ones first, then in the roster's order."""
        out: dict[Post, list[Assignment]] = defaultdict(list)
        for assignment in self.assignments:
            out[assignment.post].append(assignment)
        for people in out.values():
            people.sort(key=lambda a: not a.pinned)  # stable: keeps the order otherwise
        return dict(out)

    @cached_property
    def shortage_at(self) -> dict[Post, Shortage]:
        return {s.post: s for s in self.roster.shortages} if self.roster is not None else {}

    @cached_property
    def volunteer_names(self) -> dict[str, str]:
        return {v.id: v.name for v in self.scenario.volunteers}

    @cached_property
    def gate_names(self) -> dict[str, str]:
        return {g.id: g.name for g in self.scenario.gates}

    @cached_property
    def slot_names(self) -> dict[str, str]:
        return {s.id: s.name for s in self.scenario.slots}

    @cached_property
    def slot_minutes(self) -> dict[str, int]:
        return {s.id: s.minutes for s in self.scenario.slots}

    @cached_property
    def hours_of(self) -> dict[str, float]:
        """Volunteer id -> hours served this week (sum of the slots' durations)."""
        minutes: dict[str, int] = defaultdict(int)
        for a in self.assignments:
            minutes[a.volunteer] += self.slot_minutes.get(a.slot, 0)
        return {vid: m / 60 for vid, m in minutes.items()}

    @cached_property
    def person_times_of(self) -> dict[str, int]:
        """Volunteer id -> number of posts (人次) this week."""
        counts: dict[str, int] = defaultdict(int)
        for a in self.assignments:
            counts[a.volunteer] += 1
        return dict(counts)

    def cap_of(self, volunteer_id: str) -> float | None:
        """The weekly hour cap that binds the volunteer (own or default, kind's, minors'),
        None if none."""
        # Remembered: the volunteer list asks for every row and role at each repaint.
        caps = self._caps
        if volunteer_id not in caps:
            cap = self._instance.weekly_cap_hours(self._volunteer_by_id[volunteer_id])
            caps[volunteer_id] = None if cap is None else float(cap)
        return caps[volunteer_id]

    @cached_property
    def _caps(self) -> dict[str, float | None]:
        return {}

    @cached_property
    def _volunteer_by_id(self) -> dict:
        return {v.id: v for v in self.scenario.volunteers}

    def registered_minimum(self) -> int:
        """Posts each registered volunteer (双报到) should stand this week (0: no such rule)."""
        return self._instance.registered_minimum()

    def summary(self) -> Summary:
        shortages = self.roster.shortages if self.roster is not None else ()
        return Summary(
            open_posts=len(self.staffing),
            short_posts=len({s.post for s in shortages}),
            missing_people=sum(s.missing for s in shortages),
            person_times=len(self.assignments),
            hours=sum(self.hours_of.values()),
        )

    @cached_property
    def duties(self) -> dict:
        """Each volunteer's posts, indexed for `solver.explain.classify`."""
        return duties_of(self._instance, self.assignments)

    # --- live checking ------------------------------------------------------------------

    @cached_property
    def violations(self) -> tuple[Violation, ...]:
        """The hard rules the shown assignments break (the independent validator's verdict)."""
        return tuple(hard_violations(self.scenario, self.assignments))

    @cached_property
    def violations_at(self) -> dict[Post, list[Violation]]:
        """Post -> the broken rules reported at it."""
        out: dict[Post, list[Violation]] = defaultdict(list)
        for v in self.violations:
            if v.post is not None:
                out[v.post].append(v)
        return dict(out)

    @cached_property
    def violations_of(self) -> dict[str, list[Violation]]:
        """Volunteer id -> the broken rules their posts are part of."""
        out: dict[str, list[Violation]] = defaultdict(list)
        for v in self.violations:
            if v.volunteer is not None:
                out[v.volunteer].append(v)
        return dict(out)

    # --- hand edits ---------------------------------------------------------------------

    def edited(self, roster: Roster | None) -> "WeekData":
        """The same week showing `roster` instead (None: unscheduled, no pins).

        The scenario's pins follow the roster's pinned assignments, as `week_scenario`
        gives them after the roster is saved, so the pin rule is judged on what is shown.
        """
        pins = tuple(a for a in roster.assignments if a.pinned) if roster is not None else ()
        if pins != self.scenario.pinned:
            return WeekData(replace(self.scenario, pinned=pins), roster, self.kinds, self.phones)
        # The same scenario (most edits move no pin): what follows from it alone is kept.
        week = WeekData(self.scenario, roster, self.kinds, self.phones)
        for name in _SCENARIO_FACTS:
            if name in self.__dict__:
                week.__dict__[name] = self.__dict__[name]
        return week

    def derive(self, assignments: tuple[Assignment, ...]) -> Roster:
        """The roster of these assignments, as a hand edit of the shown one (`derive_roster`)."""
        same_pins = tuple(a for a in assignments if a.pinned) == self.scenario.pinned
        return derive_roster(self.scenario, assignments, self.roster, self._instance if same_pins else None)


_SCENARIO_FACTS = ("_instance", "dates", "staffing", "volunteer_names", "gate_names", "slot_names", "slot_minutes",
                   "_caps", "_volunteer_by_id")
"""WeekData's remembered answers that depend on its scenario alone, not on the roster."""


def derive_roster(scenario: Scenario, assignments: tuple[Assignment, ...], base: Roster | None,
                  instance: Instance | None = None) -> Roster:
    """The roster a hand edit of `base` makes: `assignments` with everything derived from them.

    Shortages (with the solver's reasons), the registered volunteers' shortfalls, and —
    when `base` reported them — the objective's terms (same weights, values recomputed by
    the validator) and their total. The status is FEASIBLE (an answer, proven nothing), with
    no bound and no solve time; `base`'s calendar warnings stay. Pins are the assignments'.

    `instance`: the `Instance` of `scenario` when its pins are already the assignments'
    (saves reading the scenario again).
    """
    if instance is not None and instance.scenario is scenario \
            and scenario.pinned == tuple(a for a in assignments if a.pinned):
        inst = instance
    else:
        scenario = replace(scenario, pinned=tuple(a for a in assignments if a.pinned))
        inst = Instance(scenario)
    texts = Texts("zh")
    known = _recall(base, scenario) if base is not None else None
    shortages, counts, base_counts = _shortages(inst, assignments, texts, base, known)
    required = inst.registered_minimum()
    served: dict[str, int] = defaultdict(int)
    for a in assignments:
        served[a.volunteer] += 1
    shortfalls = tuple(
        Shortfall(v.id, required, served[v.id], texts.shortfall(len(inst.allowed[v.id]), required))
        for v in scenario.volunteers if required and v.registered and served[v.id] < required
    )
    terms: tuple[TermCost, ...] = ()
    objective = None
    if base is not None and base.terms:
        values = objective_terms(scenario, assignments)
        terms = tuple(TermCost(t.name, values.get(t.name, t.value), t.weight) for t in base.terms)
        objective = sum(t.cost for t in terms)
    roster = Roster(
        scenario=base.scenario if base is not None else scenario.name,
        status="FEASIBLE",
        assignments=tuple(assignments),
        shortages=tuple(shortages),
        objective=objective,
        bound=None,
        wall_time_s=None,
        warnings=base.warnings if base is not None else (),
        terms=terms,
        shortfalls=shortfalls,
    )
    _remember(roster, scenario, counts)
    if base is not None:
        if known is None:
            _remember(base, scenario, base_counts)
        else:  # counted in part (`count_short_posts`, while idle): the rest is known now too
            known.update(base_counts)
    return roster


# --- the reasons of short posts, recounted only for the people an edit moved --------------
#
# A short post's reason comes from `solver.explain.classify`: every volunteer in one bucket
# (here, unavailable, busy, at the cap, free, ...). A volunteer's bucket at a post depends on
# nothing but their own assignments, so after a hand edit only the people it moved can
# change buckets: the counts of the roster it started from, kept here, are corrected for
# them instead of classifying 800 volunteers at every short post again (a street office's
# week: 170 short posts × 800 people, a third of a second per edit).

_COUNTS: dict[int, tuple[weakref.ref, Scenario, dict[Post, Counter]]] = {}
"""id(roster) -> (the roster, weakly; its scenario; classify's counts at its short posts)."""


def _remember(roster: Roster, scenario: Scenario, counts: dict[Post, Counter]) -> None:
    key = id(roster)

    def forget(ref: weakref.ref, key: int = key) -> None:
        entry = _COUNTS.get(key)
        if entry is not None and entry[0] is ref:
            del _COUNTS[key]

    _COUNTS[key] = (weakref.ref(roster, forget), scenario, counts)


def _recall(roster: Roster, scenario: Scenario) -> dict[Post, Counter] | None:
    """The counts remembered for `roster`, if they were made for the same facts (the
    scenario may differ in its pins only: they put nobody in another bucket)."""
    entry = _COUNTS.get(id(roster))
    if entry is None or entry[0]() is not roster:
        return None
    known = entry[1]
    for f in fields(Scenario):
        if f.name != "pinned":
            mine, theirs = getattr(known, f.name), getattr(scenario, f.name)
            if mine is not theirs and mine != theirs:
                return None
    return entry[2]


def count_short_posts(week: WeekData, limit: int) -> bool:
    """Count the buckets at up to `limit` more short posts of the shown roster and remember
    them (as `derive_roster` would, classifying every volunteer), so that the first hand
    edit of the week recounts only the people it moves; True while some remain.

    The window calls this while it is idle: counting a street office's 170 short posts
    takes a third of a second, which the first edit would otherwise spend."""
    roster = week.roster
    if roster is None or not roster.shortages:
        return False
    counts = _recall(roster, week.scenario)
    if counts is None:
        counts = {}
        _remember(roster, week.scenario, counts)
    todo = [s.post for s in roster.shortages if s.post not in counts and s.post in week.instance.demand]
    for post in todo[:limit]:
        counts[post] = classify(week.instance, post, roster.assignments, week.duties)
    return len(todo) > limit


def _by_volunteer(assignments) -> dict[str, list[Assignment]]:
    """Each volunteer's assignments in order, as `classify` sorts them."""
    out: dict[str, list[Assignment]] = {}
    for a in assignments:
        out.setdefault(a.volunteer, []).append(a)
    return out


def _shift(inst: Instance, counts: Counter, post: Post, moved: list, sign: int) -> Counter:
    """`counts` at `post` with the moved people taken from their old bucket to their new one
    (sign 1), or back (sign -1); `moved` is [(volunteer, old posts, new posts)] (`Duties`)."""
    out = Counter(counts)
    minutes = inst.slots[post.slot].minutes
    limit = inst.scenario.rules.max_slots_per_day
    for v, old, new in moved:
        before = _bucket(inst, v, post, old, minutes, limit)
        after = _bucket(inst, v, post, new, minutes, limit)
        if sign < 0:
            before, after = after, before
        if before == after:
            continue
        keys = [(before, after)]
        if v.employed and v.party_member:
            keys.append(((before, EMPLOYED_PARTY), (after, EMPLOYED_PARTY)))
        for leave, enter in keys:
            out[leave] -= 1
            if out[leave] == 0:
                del out[leave]  # as classify has it: no key for an empty bucket
            out[enter] += 1
    return out


def _shortages(inst: Instance, assignments: tuple[Assignment, ...], texts: Texts, base: Roster | None = None,
               known: dict[Post, Counter] | None = None):
    """Every open post lacking people or a need, with the reason the solver would give;
    with the counts behind the reasons, and (when `base` is given) the same counts as they
    were in `base` at those posts.

    `known`: the counts of `base` at its short posts (or some of them), if remembered; then
    only the people whose assignments differ from `base`'s are classified again, at the
    posts it has."""
    moved: list = []
    if base is not None:
        old_mine, new_mine = _by_volunteer(base.assignments), _by_volunteer(assignments)
        for vid in old_mine.keys() | new_mine.keys():
            old, new = old_mine.get(vid, []), new_mine.get(vid, [])
            if old != new and vid in inst.volunteers:
                moved.append((inst.volunteers[vid], Duties(inst, old), Duties(inst, new)))
        moved.sort(key=lambda m: m[0].id)
    counts_at: dict[Post, Counter] = {}
    base_counts: dict[Post, Counter] = {}
    at_post: dict[Post, list[str]] = {}
    volunteers = inst.volunteers
    for a in assignments:
        if a.volunteer in volunteers:
            post = a.post
            people = at_post.get(post)
            if people is None:
                at_post[post] = [a.volunteer]
            elif a.volunteer not in people:
                people.append(a.volunteer)
    gate_needs = {gate_id: g.needs for gate_id, g in inst.gates.items() if not g.needs.is_empty()}
    out = []
    duties = None  # everyone's posts indexed, once, if a post must be classified afresh
    for post, demand in inst.demand.items():
        ids = at_post.get(post, ())
        missing = max(0, demand.min - len(ids))
        needs = gate_needs.get(post.gate) if demand.max > 0 else None  # room for nobody: no needs
        if needs is None:
            if not missing:
                continue  # the common case, a post with its people and no needs: nothing to say
            unmet = Needs()
        else:
            people = [volunteers[vid] for vid in ids]
            lacking = {k: n - sum(k in v.skills for v in people) for k, n in needs.skills.items()}
            unmet = Needs(max(0, needs.party_member - sum(v.party_member for v in people)),
                          {k: n for k, n in lacking.items() if n > 0})
        if missing or not unmet.is_empty():
            if known is not None and post in known:
                counts = _shift(inst, known[post], post, moved, 1)
            else:
                if duties is None:
                    duties = duties_of(inst, assignments)
                counts = classify(inst, post, assignments, duties)
                if base is not None:
                    base_counts[post] = _shift(inst, counts, post, moved, -1)
            counts_at[post] = counts
            reason = texts.shortage(inst, post, missing, unmet, counts)
            # The solver's words for people who were free blame its time limit; after a
            # hand edit they are simply free, and the clerk can put them here.
            reason = reason.replace(SOLVER_FREE_WORDS, HAND_FREE_WORDS)
            out.append(Shortage(post.gate, post.date, post.slot, missing, unmet, reason))
    return out, counts_at, base_counts


SOLVER_FREE_WORDS = "人未排入（求解时间不足）"
HAND_FREE_WORDS = "人有空，可以排到这里（见“谁能顶岗”）"


def roster_changes(old: tuple[Assignment, ...], new: tuple[Assignment, ...]) -> tuple[list[Assignment], list[Assignment]]:
    """(added, removed) from `old` to `new`, matched on volunteer and post (a pin alone is
    no change: the gate sees the same people), each in date, slot, gate order."""
    def by_key(items):
        return {(a.volunteer, a.post): a for a in items}

    before, after = by_key(old), by_key(new)
    order = lambda a: (a.date, a.slot, a.gate, a.volunteer)  # noqa: E731
    added = sorted((a for k, a in after.items() if k not in before), key=order)
    removed = sorted((a for k, a in before.items() if k not in after), key=order)
    return added, removed
