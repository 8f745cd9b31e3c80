"""`RosterStore`: what the GUI and the command line ask of the database, in domain terms.

This is the one adapter between rows and the solver's types (STYLE.md, "a core that knows
no screen"): it builds a week's `Scenario` from the database for the solver and stores the
`Roster` that comes back. It speaks only `solver.scenario` types and small frozen
dataclasses; ORM objects never leave this package. Every public method is one transaction,
so a failure half way leaves the database as it was.

Ids in the domain types are the community's codes ("east", "am", "v01"). Lists come back
in a canonical order: gates, slots and volunteers in the order they were stored; a day's
available slots in the day's order; assignments and shortages by date, slot, gate (and
volunteer). A scenario stored with `import_scenario` and read back with `week_scenario`
is therefore equal to the original when its own lists were in that order, with two
exceptions by design: `Volunteer.recent_hours` is never stored but always computed from the
community's published weeks (so it is 0 until a week is published), and a version-2
scenario's `weights` come back with every soft term (missing ones at their default), as
the file reader gives them.

Version 1 or 2: a community remembers whether its scenario had `weights` (version 2) or
not (version 1: None, solved with version 1's strictly ordered objective) in
`communities.objective_version`; see `models.Community`.

Version 3: every rule of a version-3 scenario is stored (people's limits, posts per slot
and requests, forbidden sequences, demand weights, coverage, the weights of version 3's
terms), so a community can use them and a version-3 file imported is read back the same.
Requests are kept by date, like dates away, and a week's scenario gets only those of its
dates (the engine and the file format take requests inside the horizon only). A
community that uses none of them reads back as version 2 (or 1), and so is written
(`solver.fileformat.scenario_version`).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy import exc as sa_exc
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from roster_app.demo import DEMO_CONTACT, demo_scenario, demo_volunteer_details
from roster_app.kinds import KIND_LABELS, VolunteerDetails, guess_kind
from roster_app.persistence.database import Database
from roster_app.persistence import week_guard
from roster_app.persistence.errors import ConcurrentEditError, DatabaseError, StoreError
from roster_app.persistence.models import (
    AllowedGate,
    AssignmentRow,
    Availability,
    CalendarOverride,
    Community,
    DemandRuleDate,
    DemandRuleRow,
    ForbiddenSequence,
    GateRow,
    GateSkillNeed,
    KindHourCap,
    PreferredGate,
    PreferredSlot,
    PublishedVersion,
    RosterTerm,
    ShortageRow,
    ShortfallRow,
    SlotRow,
    SoftTermWeight,
    UnavailableDate,
    VolunteerRequest,
    VolunteerRow,
    VolunteerSkill,
    VolunteerSlotLimit,
    Week,
)
from solver.scenario import (
    DEFAULT_WEIGHTS,
    SOFT_TERMS,
    STATUSES,
    VERSION_3_TERMS,
    WEEKDAY_KEYS,
    WEIGHTED_COVERAGE_DEFAULTS,
    Assignment,
    CalendarOverrides,
    Conflict,
    DemandRule,
    Gate,
    Needs,
    Request,
    Roster,
    Rules,
    Scenario,
    Shortage,
    Shortfall,
    Slot,
    TermCost,
    Volunteer,
    WorkingHours,
)

DRAFT, PUBLISHED = "draft", "published"
COVERAGES = ("first", "weighted")

VOLUNTEER_LIMITS: tuple[tuple[str, int], ...] = (
    ("max_minutes", 0), ("min_minutes", 0), ("max_consecutive_days", 1), ("min_consecutive_days", 1),
    ("min_consecutive_days_off", 1), ("max_weekends", 0),
)
"""Version 3's limits of a person (`Volunteer` fields and `volunteers` columns of the same
name, None/NULL: no limit) with the least value each may have."""

WEIGHED_TERMS: tuple[str, ...] = (*SOFT_TERMS, *VERSION_3_TERMS, *WEIGHTED_COVERAGE_DEFAULTS)
"""Every term a community may weigh: version 2's, version 3's, and coverage's when it is weighted."""
_KIND_ORDER = {kind: i for i, kind in enumerate(KIND_LABELS)}


log = logging.getLogger(__name__)

@dataclass(frozen=True)
class CommunityInfo:
    """A community as listed to the clerk. `contact` is the office's contact line."""

    id: int
    name: str
    is_demo: bool
    contact: str


@dataclass(frozen=True)
class VersionInfo:
    """A published version of a week's roster: the `number`-th publication, when (UTC),
    its assignments, and the volunteers' names as they were then (id → name)."""

    number: int
    published_at: dt.datetime
    assignments: tuple[Assignment, ...]
    names: Mapping[str, str]


@dataclass(frozen=True)
class WeekInfo:
    """A planned week: its workflow status and what the solver last said.

    `status` is "draft" or "published" (see `RosterStore.publish_week`); `solver_status`
    is None while no roster was saved; `solved_at` is UTC.
    """

    start_date: dt.date
    status: str
    solver_status: str | None
    solved_at: dt.datetime | None
    assignments: int
    shortages: int


class _Codes:
    """Code → row id of a community's volunteers, gates and slots, with clear errors."""

    def __init__(self, session: Session, community_id: int) -> None:
        # Plain rows on the session's connection: the ORM's row handling is not needed here.
        connection = session.connection()

        def ids(model: Any) -> dict[str, int]:
            rows = connection.execute(select(model.code, model.id).where(model.community_id == community_id))
            return {code: row_id for code, row_id in rows}

        self.community_id = community_id
        self.of = {"volunteer": ids(VolunteerRow), "gate": ids(GateRow), "slot": ids(SlotRow)}

    def id(self, what: str, code: str, where: str) -> int:
        try:
            return self.of[what][code]
        except KeyError:
            raise StoreError(f"{where}: unknown {what} id {code!r}; nothing was saved.") from None

    def of_assignment(self, a: Assignment) -> tuple[int, int, int, dt.date]:
        """(volunteer, gate, slot row ids, date) of an assignment whose codes are known."""
        return self.of["volunteer"][a.volunteer], self.of["gate"][a.gate], self.of["slot"][a.slot], a.date

    def names(self, session: Session, codes: set[str]) -> dict[str, str]:
        """Volunteer code → name, for these codes (a few, after a hand edit)."""
        query = select(VolunteerRow.code, VolunteerRow.name).where(VolunteerRow.community_id == self.community_id)
        if len(codes) <= 500:  # within every backend's limit of parameters; else all of them
            query = query.where(VolunteerRow.code.in_(sorted(codes)))
        return dict(session.execute(query).all())


def _needs_to_json(needs: Needs) -> dict[str, Any]:
    return {"party_member": needs.party_member, "skills": dict(needs.skills)}


def _needs_from_json(data: Mapping[str, Any]) -> Needs:
    return Needs(int(data.get("party_member", 0)), dict(data.get("skills", {})))


def _assignment_to_json(a: Assignment) -> dict[str, Any]:
    return {"volunteer": a.volunteer, "gate": a.gate, "date": a.date.isoformat(), "slot": a.slot, "pinned": a.pinned}


def _assignment_from_json(d: Mapping[str, Any]) -> Assignment:
    return Assignment(d["volunteer"], d["gate"], dt.date.fromisoformat(d["date"]), d["slot"], bool(d.get("pinned")))


def _rules_problems(rules: Rules) -> list[str]:
    """What in `rules` the database would refuse (its CHECK constraints), in words."""
    problems = []
    for name, value, low in (
        ("max_slots_per_day", rules.max_slots_per_day, 1),
        ("default_max_hours_per_week", rules.default_max_hours_per_week, 0),
        ("min_posts_registered", rules.min_posts_registered, 0),
        ("minor_max_hours_per_week", rules.minor_max_hours_per_week, 0),
        ("max_consecutive_days", rules.max_consecutive_days, 1),
        ("min_rest_hours", rules.min_rest_hours, 0),
        ("history_weeks", rules.history_weeks, 0),
    ):
        if value is not None and value < low:
            problems.append(f"rules: {name} is {value}, less than {low}")
    if rules.minor_latest_end is not None and not 0 <= rules.minor_latest_end <= 24 * 60:
        problems.append(f"rules: minor_latest_end {rules.minor_latest_end} is not a time of day in minutes")
    for kind, hours in rules.kind_max_hours_per_week.items():
        if kind not in KIND_LABELS:
            problems.append(
                f"rules: kind_max_hours_per_week names unknown kind {kind!r} (known: {', '.join(KIND_LABELS)})"
            )
        if hours < 0:
            problems.append(f"rules: kind_max_hours_per_week[{kind!r}] is negative")
    return problems


def _weights_problems(weights: Mapping[str, int] | None) -> list[str]:
    if weights is None:
        return []
    problems = [f"weights: unknown soft term {t!r} (known: {', '.join(WEIGHED_TERMS)})" for t in weights
                if t not in WEIGHED_TERMS]
    problems += [f"weights: {t} is {w}, not a whole number >= 0" for t, w in weights.items()
                 if not isinstance(w, int) or isinstance(w, bool) or w < 0]
    return problems


def _coverage_problems(coverage: str, weights: Mapping[str, int] | None) -> list[str]:
    """Coverage must be known, and weighted coverage needs weights; coverage's own weights
    mean something only when it is weighted (as the file format says)."""
    if coverage not in COVERAGES:
        return [f"coverage: {coverage!r} is not one of {', '.join(COVERAGES)}"]
    if coverage == "weighted" and weights is None:
        return ["coverage: weighted coverage needs weights (a version-1 community has none)"]
    if coverage == "first":
        return [f"weights: {t} weighs coverage only when coverage is weighted"
                for t in WEIGHTED_COVERAGE_DEFAULTS if t in (weights or {})]
    return []


def _whole(value: Any, low: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= low


def _volunteer_v3_problems(v: Volunteer, slots: set[str], dates: tuple[dt.date, dt.date]) -> list[str]:
    """What in a volunteer's version-3 fields the database would refuse or lose, in words."""
    problems = []
    for name, low in VOLUNTEER_LIMITS:
        value = getattr(v, name)
        if value is not None and not _whole(value, low):
            problems.append(f"volunteer {v.id!r}: {name} is {value!r}, not a whole number >= {low}")
    if (v.min_minutes is not None and v.max_minutes is not None and _whole(v.min_minutes, 0)
            and _whole(v.max_minutes, 0) and v.min_minutes > v.max_minutes):
        problems.append(f"volunteer {v.id!r}: min_minutes {v.min_minutes} is above max_minutes {v.max_minutes}")
    for slot, n in v.max_posts_by_slot.items():
        if slot not in slots:
            problems.append(f"volunteer {v.id!r}: max_posts_by_slot names unknown slot {slot!r}")
        if not _whole(n, 0):
            problems.append(f"volunteer {v.id!r}: max_posts_by_slot[{slot!r}] is {n!r}, not a whole number >= 0")
    for k, q in enumerate(v.requests):
        where = f"volunteer {v.id!r}: requests[{k}]"
        if q.slot not in slots:
            problems.append(f"{where}: unknown slot {q.slot!r}")
        if not _whole(q.weight, 0):
            problems.append(f"{where}: weight {q.weight!r} is not a whole number >= 0")
        if not dates[0] <= q.date <= dates[1]:
            # As the file format: a request no roster of the scenario can grant is a mistake.
            problems.append(f"{where}: {q.date.isoformat()} is outside the horizon "
                            f"{dates[0].isoformat()}–{dates[1].isoformat()}")
    return problems


def _sequences_problems(pairs: Iterable[tuple[str, str]], slots: set[str]) -> list[str]:
    return [f"rules: forbidden_sequences[{k}] names unknown slot {code!r}"
            for k, pair in enumerate(pairs) for code in pair if code not in slots]


def _check_scenario(scenario: Scenario, details: Mapping[str, VolunteerDetails]) -> None:
    """Every problem that would break the database or the round trip, all at once.

    A scenario from `solver.fileformat` is already valid; one built in code may not be.
    Kinds must be the app's (`KIND_LABELS`): the window colours people by them.
    """
    problems: list[str] = []

    def unique(kind: str, ids: Iterable[str]) -> set[str]:
        seen: set[str] = set()
        for item in ids:
            if item in seen:
                problems.append(f"duplicate {kind} id {item!r}")
            seen.add(item)
        return seen

    slots = unique("slot", (s.id for s in scenario.slots))
    gates = unique("gate", (g.id for g in scenario.gates))
    volunteers = unique("volunteer", (v.id for v in scenario.volunteers))
    for g in scenario.gates:
        problems += [f"gate {g.id!r}: demand for unknown slot {d.slot!r}" for d in g.demand if d.slot not in slots]
        problems += [f"gate {g.id!r}: demand[{k}].{name} is {getattr(d, name)!r}, not a whole number >= 0"
                     for k, d in enumerate(g.demand) for name in ("under_weight", "over_weight")
                     if not _whole(getattr(d, name), 0)]
    horizon = (scenario.start_date, scenario.start_date + dt.timedelta(days=scenario.days - 1))
    for v in scenario.volunteers:
        for day, slot_ids in v.available.items():
            if day not in WEEKDAY_KEYS:
                problems.append(f"volunteer {v.id!r}: {day!r} is not a weekday key")
            problems += [f"volunteer {v.id!r}: available {day} in unknown slot {s!r}" for s in slot_ids if s not in slots]
        problems += [f"volunteer {v.id!r}: unknown preferred gate {g!r}" for g in v.preferred_gates if g not in gates]
        problems += [f"volunteer {v.id!r}: unknown allowed gate {g!r}" for g in v.allowed_gates or () if g not in gates]
        problems += [f"volunteer {v.id!r}: unknown preferred slot {x!r}" for x in v.preferred_slots if x not in slots]
        problems += _volunteer_v3_problems(v, slots, horizon)
        if v.kind is not None and v.kind not in KIND_LABELS:
            problems.append(f"volunteer {v.id!r}: unknown kind {v.kind!r} (known: {', '.join(KIND_LABELS)})")
        elif v.kind is not None and v.id in details and details[v.id].kind != v.kind:
            problems.append(
                f"volunteer {v.id!r}: kind {v.kind!r} in the scenario but {details[v.id].kind!r} in the details"
            )
    problems += _rules_problems(scenario.rules) + _weights_problems(scenario.weights)
    problems += _sequences_problems(scenario.rules.forbidden_sequences, slots)
    problems += _coverage_problems(scenario.coverage, scenario.weights)
    for vid, d in details.items():
        if vid not in volunteers:
            problems.append(f"details for unknown volunteer {vid!r}")
        if d.kind not in KIND_LABELS:
            problems.append(f"volunteer {vid!r}: unknown kind {d.kind!r} (known: {', '.join(KIND_LABELS)})")
    for label, items in (("pinned", scenario.pinned), ("previous", scenario.previous)):
        for a in items:
            for what, code, known in (("volunteer", a.volunteer, volunteers), ("gate", a.gate, gates),
                                      ("slot", a.slot, slots)):
                if code not in known:
                    problems.append(f"{label}: unknown {what} id {code!r}")
    both = scenario.calendar.workdays & scenario.calendar.rest_days
    problems += [f"calendar: {d.isoformat()} is both a workday and a rest day" for d in sorted(both)]
    if problems:
        raise StoreError(f"Cannot store scenario {scenario.name!r}:\n" + "\n".join(f"  - {p}" for p in problems))


def _stored(value: Any, where: str, low: int, none: bool = False) -> Any:
    """A whole number read from the database, checked: SQLite keeps whatever another program
    wrote (text passes ``>= 0``), and the engine would fail on it far from here."""
    if value is None and none:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < low:
        raise ValueError(f"{where} is {value!r}, not a whole number >= {low}")
    return value


def _reading(method: Callable) -> Callable:
    """Turns a value the program cannot read (changed behind its back: another tool, a bad
    restore) into a `DatabaseError` naming the file, instead of a traceback. Our own
    refusals (`StoreError`) pass unchanged; the original error is logged for a bug report."""

    @functools.wraps(method)
    def read(self: "RosterStore", *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except (StoreError, DatabaseError):
            raise
        except (TypeError, ValueError, KeyError, AttributeError, IndexError, OverflowError,
                sa_exc.StatementError) as exc:
            log.exception("unreadable value in %s (%s)", self.db.location, method.__name__)
            raise DatabaseError(
                f"{self.db.location} holds a value this program cannot read ({type(exc).__name__}: {exc}); "
                f"it may have been changed by another program. Nothing was changed.",
                self.db.location, damaged=True,
            ) from exc

    return read


class RosterStore:
    """The database seen as communities, their week scenarios and saved rosters.

    Call `subscribe` to hear, after every committed change, which community changed (the
    GUI turns this into a Qt signal; this package knows no Qt).

    Several clerks may share one database (PostgreSQL): each write to a week is refused with
    `ConcurrentEditError` if another clerk changed the week after this store last read it
    (`week_roster`) or wrote it, and every change is recorded with `clerk`'s name
    (`roster_changes`); see `week_guard`.
    """

    def __init__(self, db: Database, clerk: str | None = None) -> None:
        self.db = db
        self.clerk = week_guard.current_clerk() if clerk is None else clerk
        self._listeners: list[Callable[[int], None]] = []
        # (community id, Monday) -> the week's row version as this store last read or wrote it.
        self._seen: dict[tuple[int, dt.date], int] = {}

    def _claim(self, s: Session, community_id: int, week_start: dt.date, week: Week) -> int:
        return week_guard.claim(s, week, self._seen.get((community_id, week_start)))

    def subscribe(self, callback: Callable[[int], None]) -> None:
        """`callback(community_id)` runs after each committed change to that community."""
        self._listeners.append(callback)

    def _changed(self, community_id: int) -> None:
        for callback in list(self._listeners):
            callback(community_id)

    # --- communities -----------------------------------------------------------------

    def is_empty(self) -> bool:
        with self.db.session() as s:
            return s.scalar(select(func.count()).select_from(Community)) == 0

    @_reading
    def communities(self) -> list[CommunityInfo]:
        with self.db.session() as s:
            return [
                CommunityInfo(c.id, c.name, c.is_demo, c.contact)
                for c in s.scalars(select(Community).order_by(Community.id))
            ]

    def load_demo(self, week_start: dt.date) -> int:
        """Inserts the demo community 玉带路社区 (see `roster_app.demo`); returns its id.

        Refuses a second copy: a clerk who changed the demo should not find two of them.
        """
        with self.db.session() as s:
            existing = s.scalar(select(Community.id).where(Community.is_demo.is_(True)))
        if existing is not None:
            raise StoreError(f"The demo community is already loaded (community {existing}); remove it first.")
        return self.import_scenario(
            demo_scenario(week_start), demo_volunteer_details(), is_demo=True, contact=DEMO_CONTACT
        )

    def remove_community(self, community_id: int) -> None:
        """Deletes the community and everything of it (the database cascades)."""
        with self.db.session() as s:
            self._community(s, community_id)
            s.execute(delete(Community).where(Community.id == community_id))
        self._changed(community_id)

    @staticmethod
    def _community(s: Session, community_id: int) -> Community:
        community = s.get(Community, community_id)
        if community is None:
            raise StoreError(f"There is no community {community_id} in the database.")
        return community

    # --- scenario in ---------------------------------------------------------------------

    def import_scenario(
        self,
        scenario: Scenario,
        details: Mapping[str, VolunteerDetails] | None = None,
        is_demo: bool = False,
        contact: str = "",
    ) -> int:
        """Stores a scenario as a new community; returns the community id.

        `details` gives kind, phone and grid per volunteer id (a building there is used when
        the volunteer has none). A volunteer's kind is the scenario's (`Volunteer.kind`; the
        details may repeat it but not contradict it), else the details', else guessed from
        the facts; only the scenario's is given back to the solver. The rules and, for a
        version-2 scenario, the weights become the community's; `weights` None makes it a
        version-1 community. `recent_hours` is not stored (it comes from published weeks).
        The scenario's `pinned` and `previous` become the week at its start date: pinned
        assignments pinned, previous ones not.
        """
        details = dict(details or {})
        _check_scenario(scenario, details)
        with self.db.session() as s:
            community = Community(
                name=scenario.name, is_demo=is_demo, contact=contact,
                work_start_min=scenario.working_hours.start, work_end_min=scenario.working_hours.end,
                coverage=scenario.coverage,
            )
            s.add(community)
            s.flush()
            cid = community.id
            self._put_rules(s, community, scenario.rules)
            self._put_weights(s, community, scenario.weights)
            s.add_all(CalendarOverride(community_id=cid, date=d, is_workday=True) for d in scenario.calendar.workdays)
            s.add_all(CalendarOverride(community_id=cid, date=d, is_workday=False) for d in scenario.calendar.rest_days)

            slot_rows = [SlotRow(community_id=cid, code=sl.id, name=sl.name, start_min=sl.start, end_min=sl.end,
                                 position=i) for i, sl in enumerate(scenario.slots)]
            gate_rows = [GateRow(community_id=cid, code=g.id, name=g.name, position=i,
                                 needs_party_member=g.needs.party_member) for i, g in enumerate(scenario.gates)]
            s.add_all(slot_rows + gate_rows)
            s.flush()
            slot_id = {r.code: r.id for r in slot_rows}
            gate_id = {r.code: r.id for r in gate_rows}
            self._put_sequences(s, cid, scenario.rules.forbidden_sequences, slot_id)

            for g in scenario.gates:
                s.add_all(GateSkillNeed(gate_id=gate_id[g.id], skill=k, count=n) for k, n in g.needs.skills.items())
                for i, d in enumerate(g.demand):
                    rule = DemandRuleRow(
                        gate_id=gate_id[g.id], slot_id=slot_id[d.slot], position=i, min_people=d.min,
                        max_people=d.max, days_kind=d.days if isinstance(d.days, str) else "dates",
                        under_weight=d.under_weight, over_weight=d.over_weight,
                    )
                    s.add(rule)
                    if not isinstance(d.days, str):
                        s.flush()
                        s.add_all(DemandRuleDate(rule_id=rule.id, date=day, position=k)
                                  for k, day in enumerate(dict.fromkeys(d.days)))

            vol_rows = []
            for i, v in enumerate(scenario.volunteers):
                info = details.get(v.id) or VolunteerDetails(guess_kind(v))
                vol_rows.append(VolunteerRow(
                    community_id=cid, code=v.id, name=v.name, position=i, phone=info.phone,
                    kind=v.kind or info.kind, kind_given=v.kind is not None,
                    party_member=v.party_member, employed=v.employed, minor=v.minor,
                    building=v.building if v.building is not None else info.building, grid=info.grid,
                    max_hours_per_week=v.max_hours_per_week, active=True, registered=v.registered,
                    gates_restricted=v.allowed_gates is not None,
                    **{name: getattr(v, name) for name, _ in VOLUNTEER_LIMITS},
                ))
            s.add_all(vol_rows)
            s.flush()
            vol_id = {r.code: r.id for r in vol_rows}
            for v in scenario.volunteers:
                vid = vol_id[v.id]
                s.add_all(VolunteerSkill(volunteer_id=vid, skill=k, position=i)
                          for i, k in enumerate(dict.fromkeys(v.skills)))
                s.add_all(Availability(volunteer_id=vid, weekday=WEEKDAY_KEYS.index(day), slot_id=slot_id[sl])
                          for day, slot_ids in v.available.items() for sl in dict.fromkeys(slot_ids))
                s.add_all(UnavailableDate(volunteer_id=vid, date=d) for d in v.unavailable_dates)
                s.add_all(PreferredGate(volunteer_id=vid, gate_id=gate_id[g], position=i)
                          for i, g in enumerate(dict.fromkeys(v.preferred_gates)))
                s.add_all(AllowedGate(volunteer_id=vid, gate_id=gate_id[g], position=i)
                          for i, g in enumerate(dict.fromkeys(v.allowed_gates or ())))
                s.add_all(PreferredSlot(volunteer_id=vid, slot_id=slot_id[x], position=i)
                          for i, x in enumerate(dict.fromkeys(v.preferred_slots)))
                s.add_all(VolunteerSlotLimit(volunteer_id=vid, slot_id=slot_id[x], max_posts=n, position=i)
                          for i, (x, n) in enumerate(v.max_posts_by_slot.items()))
                s.add_all(VolunteerRequest(volunteer_id=vid, date=q.date, slot_id=slot_id[q.slot], wanted=q.wanted,
                                           weight=q.weight, position=i)
                          for i, q in enumerate(v.requests))

            if scenario.pinned or scenario.previous:
                week = Week(community_id=cid, start_date=scenario.start_date, status=DRAFT)
                s.add(week)
                s.flush()
                pins = {(a.volunteer, a.gate, a.date, a.slot) for a in scenario.pinned}
                rows = {(a.volunteer, a.gate, a.date, a.slot): True for a in scenario.pinned}
                for a in scenario.previous:
                    rows.setdefault((a.volunteer, a.gate, a.date, a.slot), False)
                s.add_all(
                    AssignmentRow(week_id=week.id, volunteer_id=vol_id[v], gate_id=gate_id[g], slot_id=slot_id[sl],
                                  date=d, pinned=(v, g, d, sl) in pins)
                    for (v, g, d, sl) in rows
                )
        self._changed(cid)
        return cid

    @staticmethod
    def _put_rules(s: Session, community: Community, rules: Rules) -> None:
        community.max_slots_per_day = rules.max_slots_per_day
        community.default_max_hours_per_week = rules.default_max_hours_per_week
        community.min_posts_registered = rules.min_posts_registered
        community.minor_latest_end_min = rules.minor_latest_end
        community.minor_max_hours_per_week = rules.minor_max_hours_per_week
        community.max_consecutive_days = rules.max_consecutive_days
        community.min_rest_hours = rules.min_rest_hours
        community.history_weeks = rules.history_weeks
        s.execute(delete(KindHourCap).where(KindHourCap.community_id == community.id))
        s.add_all(KindHourCap(community_id=community.id, kind=k, hours=h)
                  for k, h in rules.kind_max_hours_per_week.items())

    @staticmethod
    def _put_sequences(s: Session, community_id: int, pairs: Iterable[tuple[str, str]],
                       slot_id: Mapping[str, int]) -> None:
        """Replaces the community's forbidden sequences (slot codes already checked); a
        pair listed twice is one rule, as in the file format."""
        s.execute(delete(ForbiddenSequence).where(ForbiddenSequence.community_id == community_id))
        s.add_all(ForbiddenSequence(community_id=community_id, first_slot_id=slot_id[a], second_slot_id=slot_id[b],
                                    position=i)
                  for i, (a, b) in enumerate(dict.fromkeys(tuple(p) for p in pairs)))

    @staticmethod
    def _put_weights(s: Session, community: Community, weights: Mapping[str, int] | None) -> None:
        community.objective_version = 1 if weights is None else 2
        s.execute(delete(SoftTermWeight).where(SoftTermWeight.community_id == community.id))
        s.add_all(SoftTermWeight(community_id=community.id, term=t, weight=w) for t, w in (weights or {}).items())

    def set_rules(self, community_id: int, rules: Rules) -> None:
        """Replaces the community's rules (every field of `rules`, kind caps and forbidden
        sequences included)."""
        with self.db.session() as s:
            community = self._community(s, community_id)
            slot_id = _Codes(s, community_id).of["slot"]
            problems = _rules_problems(rules) + _sequences_problems(rules.forbidden_sequences, set(slot_id))
            if problems:
                raise StoreError("Cannot set the rules:\n" + "\n".join(f"  - {p}" for p in problems))
            self._put_rules(s, community, rules)
            self._put_sequences(s, community_id, rules.forbidden_sequences, slot_id)
        self._changed(community_id)

    def set_coverage(self, community_id: int, coverage: str) -> None:
        """Sets how the community's weeks price coverage: "first" (strictly before every
        other term) or "weighted" (like the others; needs weights, see `set_weights`)."""
        with self.db.session() as s:
            community = self._community(s, community_id)
            problems = _coverage_problems(coverage, self._weights(s, community))
            if problems:
                raise StoreError("Cannot set the coverage:\n" + "\n".join(f"  - {p}" for p in problems))
            community.coverage = coverage
        self._changed(community_id)

    def set_weights(self, community_id: int, weights: Mapping[str, int] | None) -> None:
        """Sets the soft-term weights: a mapping makes the community solve with version 2's
        weighted objective (terms left out weigh their `DEFAULT_WEIGHTS` value, so ``{}``
        means all defaults); None goes back to version 1's strictly ordered objective."""
        with self.db.session() as s:
            community = self._community(s, community_id)
            problems = _weights_problems(weights) + _coverage_problems(community.coverage, weights)
            if problems:
                raise StoreError("Cannot set the weights:\n" + "\n".join(f"  - {p}" for p in problems))
            self._put_weights(s, community, weights)
        self._changed(community_id)

    # --- scenario out --------------------------------------------------------------------

    @_reading
    def week_scenario(self, community_id: int, week_start: dt.date, days: int = 7) -> Scenario:
        """The snapshot the solver gets for the days from `week_start`.

        Active volunteers only; calendar overrides and unavailable dates within the horizon.
        `pinned` holds the week's pinned assignments and `previous` its other current ones,
        so that re-solving keeps what it can. Rules and weights are the community's (weights
        None for a version-1 community); each volunteer's `recent_hours` is what they served
        in published weeks in the `history_weeks` weeks before `week_start` (see
        `recent_hours`).
        """
        end = week_start + dt.timedelta(days=days)
        with self.db.session() as s:
            c = self._community(s, community_id)
            overrides = s.execute(
                select(CalendarOverride.date, CalendarOverride.is_workday)
                .where(CalendarOverride.community_id == community_id,
                       CalendarOverride.date >= week_start, CalendarOverride.date < end)
            ).all()
            slot_rows = s.scalars(select(SlotRow).where(SlotRow.community_id == community_id)
                                  .order_by(SlotRow.position, SlotRow.code)).all()
            gate_rows = s.scalars(select(GateRow).where(GateRow.community_id == community_id)
                                  .order_by(GateRow.position, GateRow.code)).all()
            slot_code = {r.id: r.code for r in slot_rows}
            slot_pos = {r.id: i for i, r in enumerate(slot_rows)}
            gate_code = {r.id: r.code for r in gate_rows}

            skill_needs: dict[int, dict[str, int]] = defaultdict(dict)
            for need in s.scalars(select(GateSkillNeed).join(GateRow).where(GateRow.community_id == community_id)):
                skill_needs[need.gate_id][need.skill] = need.count
            rule_dates: dict[int, list[dt.date]] = defaultdict(list)
            for rd in s.scalars(select(DemandRuleDate).join(DemandRuleRow).join(GateRow)
                                .where(GateRow.community_id == community_id).order_by(DemandRuleDate.position)):
                rule_dates[rd.rule_id].append(rd.date)
            demand: dict[int, list[DemandRule]] = defaultdict(list)
            for r in s.scalars(select(DemandRuleRow).join(GateRow).where(GateRow.community_id == community_id)
                               .order_by(DemandRuleRow.position, DemandRuleRow.id)):
                days_sel: Any = tuple(rule_dates[r.id]) if r.days_kind == "dates" else r.days_kind
                demand[r.gate_id].append(DemandRule(
                    slot_code[r.slot_id], r.min_people, r.max_people, days_sel,
                    under_weight=_stored(r.under_weight, "demand_rules.under_weight", 0),
                    over_weight=_stored(r.over_weight, "demand_rules.over_weight", 0),
                ))

            vol_rows = s.scalars(select(VolunteerRow).where(VolunteerRow.community_id == community_id,
                                                            VolunteerRow.active.is_(True))
                                 .order_by(VolunteerRow.position, VolunteerRow.code)).all()
            vol_code = {r.id: r.code for r in vol_rows}
            in_community = select(VolunteerRow.id).where(VolunteerRow.community_id == community_id)
            skills: dict[int, list[str]] = defaultdict(list)
            for vs in s.scalars(select(VolunteerSkill).where(VolunteerSkill.volunteer_id.in_(in_community))
                                .order_by(VolunteerSkill.position)):
                skills[vs.volunteer_id].append(vs.skill)
            available: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
            for av in s.scalars(select(Availability).where(Availability.volunteer_id.in_(in_community))):
                available[av.volunteer_id][av.weekday].append(av.slot_id)
            away: dict[int, set[dt.date]] = defaultdict(set)
            for ud in s.scalars(select(UnavailableDate).where(UnavailableDate.volunteer_id.in_(in_community),
                                                              UnavailableDate.date >= week_start,
                                                              UnavailableDate.date < end)):
                away[ud.volunteer_id].add(ud.date)
            preferred: dict[int, list[str]] = defaultdict(list)
            for pg in s.scalars(select(PreferredGate).where(PreferredGate.volunteer_id.in_(in_community))
                                .order_by(PreferredGate.position)):
                preferred[pg.volunteer_id].append(gate_code[pg.gate_id])
            allowed: dict[int, list[str]] = defaultdict(list)
            for ag in s.scalars(select(AllowedGate).where(AllowedGate.volunteer_id.in_(in_community))
                                .order_by(AllowedGate.position)):
                allowed[ag.volunteer_id].append(gate_code[ag.gate_id])
            preferred_slots: dict[int, list[str]] = defaultdict(list)
            for ps in s.scalars(select(PreferredSlot).where(PreferredSlot.volunteer_id.in_(in_community))
                                .order_by(PreferredSlot.position)):
                preferred_slots[ps.volunteer_id].append(slot_code[ps.slot_id])
            slot_limits: dict[int, dict[str, int]] = defaultdict(dict)
            for sl in s.scalars(select(VolunteerSlotLimit).where(VolunteerSlotLimit.volunteer_id.in_(in_community))
                                .order_by(VolunteerSlotLimit.position)):
                slot_limits[sl.volunteer_id][slot_code[sl.slot_id]] = _stored(
                    sl.max_posts, "volunteer_slot_limits.max_posts", 0)
            # Only the week's: the engine takes requests inside the horizon only (as the file format).
            requests: dict[int, list[Request]] = defaultdict(list)
            for q in s.scalars(select(VolunteerRequest).where(VolunteerRequest.volunteer_id.in_(in_community),
                                                              VolunteerRequest.date >= week_start,
                                                              VolunteerRequest.date < end)
                               .order_by(VolunteerRequest.position, VolunteerRequest.id)):
                requests[q.volunteer_id].append(Request(q.date, slot_code[q.slot_id], bool(q.wanted),
                                                        _stored(q.weight, "volunteer_requests.weight", 0)))
            rules = self._rules(s, c)
            recent = self._recent_minutes(s, community_id, week_start, rules.history_weeks)

            volunteers = tuple(
                Volunteer(
                    id=r.code, name=r.name, party_member=r.party_member, employed=r.employed,
                    available={
                        WEEKDAY_KEYS[day]: tuple(slot_code[x] for x in sorted(available[r.id][day], key=slot_pos.get))
                        for day in sorted(available[r.id])
                    },
                    minor=r.minor, skills=tuple(skills[r.id]), building=r.building,
                    max_hours_per_week=r.max_hours_per_week, unavailable_dates=frozenset(away[r.id]),
                    preferred_gates=tuple(preferred[r.id]),
                    kind=r.kind if r.kind_given else None, registered=r.registered,
                    allowed_gates=tuple(allowed[r.id]) if r.gates_restricted else None,
                    preferred_slots=tuple(preferred_slots[r.id]),
                    recent_hours=recent.get(r.id, 0) / 60,
                    max_posts_by_slot=slot_limits[r.id],
                    **{name: _stored(getattr(r, name), f"volunteers.{name} of {r.code!r}", low, none=True)
                       for name, low in VOLUNTEER_LIMITS},
                    requests=tuple(requests[r.id]),
                )
                for r in vol_rows
            )
            gates = tuple(
                Gate(g.code, g.name, tuple(demand[g.id]), Needs(g.needs_party_member, dict(skill_needs[g.id])))
                for g in gate_rows
            )
            # A volunteer who left (inactive) is not in the scenario, so neither are their posts.
            active = set(vol_code.values())
            current = [a for a in self._assignments(s, community_id, week_start)
                       if week_start <= a.date < end and a.volunteer in active]
            return Scenario(
                name=c.name,
                start_date=week_start,
                days=days,
                working_hours=WorkingHours(c.work_start_min, c.work_end_min),
                slots=tuple(Slot(r.code, r.name, r.start_min, r.end_min) for r in slot_rows),
                gates=gates,
                volunteers=volunteers,
                calendar=CalendarOverrides(
                    frozenset(d for d, w in overrides if w), frozenset(d for d, w in overrides if not w)
                ),
                rules=rules,
                pinned=tuple(a for a in current if a.pinned),
                previous=tuple(a for a in current if not a.pinned),
                weights=self._weights(s, c),
                coverage=c.coverage,
            )

    @staticmethod
    def _rules(s: Session, c: Community) -> Rules:
        caps = s.execute(select(KindHourCap.kind, KindHourCap.hours).where(KindHourCap.community_id == c.id)).all()
        first, second = SlotRow.__table__.alias(), SlotRow.__table__.alias()
        sequences = s.execute(
            select(first.c.code, second.c.code)
            .select_from(ForbiddenSequence)
            .join(first, ForbiddenSequence.first_slot_id == first.c.id)
            .join(second, ForbiddenSequence.second_slot_id == second.c.id)
            .where(ForbiddenSequence.community_id == c.id)
            .order_by(ForbiddenSequence.position)
        ).all()
        return Rules(
            max_slots_per_day=c.max_slots_per_day,
            default_max_hours_per_week=c.default_max_hours_per_week,
            min_posts_registered=c.min_posts_registered,
            minor_latest_end=c.minor_latest_end_min,
            minor_max_hours_per_week=c.minor_max_hours_per_week,
            kind_max_hours_per_week=dict(sorted(caps, key=lambda kh: (_KIND_ORDER.get(kh[0], 99), kh[0]))),
            max_consecutive_days=c.max_consecutive_days,
            min_rest_hours=c.min_rest_hours,
            history_weeks=c.history_weeks,
            forbidden_sequences=tuple((a, b) for a, b in sequences),
        )

    @staticmethod
    def _weights(s: Session, c: Community) -> dict[str, int] | None:
        if c.objective_version == 1:
            return None
        stored = dict(s.execute(select(SoftTermWeight.term, SoftTermWeight.weight)
                                .where(SoftTermWeight.community_id == c.id)).all())
        # Version 3's terms only when given (they weigh 1 otherwise, and a version-2
        # community must stay version 2), as the file reader gives them; coverage's only
        # when it is weighted, else they would mean nothing.
        extra = VERSION_3_TERMS + (tuple(WEIGHTED_COVERAGE_DEFAULTS) if c.coverage == "weighted" else ())
        return {**{t: stored.get(t, DEFAULT_WEIGHTS[t]) for t in SOFT_TERMS},
                **{t: stored[t] for t in extra if t in stored}}

    @staticmethod
    def _recent_minutes(s: Session, community_id: int, week_start: dt.date, weeks: int) -> dict[int, int]:
        """Volunteer row id → minutes at posts of published weeks in the `weeks` weeks before."""
        if weeks <= 0:
            return {}
        rows = s.execute(
            select(AssignmentRow.volunteer_id, func.sum(SlotRow.end_min - SlotRow.start_min))
            .join(Week, AssignmentRow.week_id == Week.id)
            .join(SlotRow, AssignmentRow.slot_id == SlotRow.id)
            .where(Week.community_id == community_id, Week.status == PUBLISHED,
                   AssignmentRow.date >= week_start - dt.timedelta(weeks=weeks), AssignmentRow.date < week_start)
            .group_by(AssignmentRow.volunteer_id)
        ).all()
        return {vid: int(minutes) for vid, minutes in rows}

    @_reading
    def recent_hours(self, community_id: int, week_start: dt.date, weeks: int | None = None) -> dict[str, float]:
        """Volunteer id → hours served in the `weeks` weeks (7 days each) before `week_start`.

        Counts the slot durations of assignments dated in that window, in published weeks
        only: a draft may still change and was never posted at the gates. `weeks` defaults
        to the community's `history_weeks`. People with no hours there are left out.
        """
        with self.db.session() as s:
            c = self._community(s, community_id)
            minutes = self._recent_minutes(s, community_id, week_start, c.history_weeks if weeks is None else weeks)
            codes = dict(s.execute(select(VolunteerRow.id, VolunteerRow.code)
                                   .where(VolunteerRow.community_id == community_id)).all())
            return {codes[vid]: m / 60 for vid, m in minutes.items() if m}

    def _week(self, s: Session, community_id: int, week_start: dt.date) -> Week | None:
        return s.scalar(select(Week).where(Week.community_id == community_id, Week.start_date == week_start))

    def _assignments(self, s: Session, community_id: int, week_start: dt.date) -> list[Assignment]:
        """The week's assignments as domain objects, in canonical order."""
        week = self._week(s, community_id, week_start)
        if week is None:
            return []
        rows = s.execute(
            select(AssignmentRow.date, AssignmentRow.pinned, VolunteerRow.code, GateRow.code, SlotRow.code)
            .join(VolunteerRow, AssignmentRow.volunteer_id == VolunteerRow.id)
            .join(GateRow, AssignmentRow.gate_id == GateRow.id)
            .join(SlotRow, AssignmentRow.slot_id == SlotRow.id)
            .where(AssignmentRow.week_id == week.id)
            .order_by(AssignmentRow.date, SlotRow.position, GateRow.position, VolunteerRow.position,
                      VolunteerRow.code)
        ).all()
        return [Assignment(v, g, d, sl, bool(p)) for d, p, v, g, sl in rows]

    # --- details and weeks ----------------------------------------------------------------

    @_reading
    def volunteer_details(self, community_id: int) -> dict[str, VolunteerDetails]:
        """Volunteer id → kind, phone, building and grid, for every volunteer (also inactive)."""
        with self.db.session() as s:
            self._community(s, community_id)
            rows = s.scalars(select(VolunteerRow).where(VolunteerRow.community_id == community_id)
                             .order_by(VolunteerRow.position, VolunteerRow.code))
            return {r.code: VolunteerDetails(r.kind, r.phone, r.building, r.grid) for r in rows}

    @_reading
    def weeks(self, community_id: int) -> list[WeekInfo]:
        """The community's planned weeks, oldest first."""
        with self.db.session() as s:
            self._community(s, community_id)
            count_a = (select(func.count()).where(AssignmentRow.week_id == Week.id)
                       .correlate(Week).scalar_subquery())
            count_s = (select(func.count()).where(ShortageRow.week_id == Week.id)
                       .correlate(Week).scalar_subquery())
            rows = s.execute(select(Week, count_a, count_s).where(Week.community_id == community_id)
                             .order_by(Week.start_date)).all()
            return [WeekInfo(w.start_date, w.status, w.solver_status, w.solved_at, a, sh) for w, a, sh in rows]

    # --- rosters -------------------------------------------------------------------------

    def save_roster(self, community_id: int, week_start: dt.date, roster: Roster) -> None:
        """Replaces the week's assignments and shortages with the roster's, in one transaction.

        Also records the solver's status, objective, bound, wall time, warnings, conflicts,
        term costs and registered volunteers' shortfalls. An unknown id anywhere raises
        `StoreError` and leaves the week as it was; so does a published week (reopen it
        first: what was posted at the gates must not change behind the clerk's back).
        """
        if roster.status not in STATUSES:
            raise StoreError(f"Unknown roster status {roster.status!r} (expected one of {', '.join(STATUSES)}).")
        with self.db.session() as s:
            self._community(s, community_id)
            week = self._week(s, community_id, week_start)
            if week is None:
                week = Week(community_id=community_id, start_date=week_start, status=DRAFT)
                try:
                    with s.begin_nested():
                        s.add(week)
                        s.flush()
                except IntegrityError:
                    # Another clerk created the week since we looked: theirs stands.
                    raise ConcurrentEditError(week_start) from None
            if week.status == PUBLISHED:
                raise StoreError(
                    f"The roster of the week of {week_start.isoformat()} is published; reopen the week "
                    f"before changing it. Nothing was saved."
                )
            version = self._claim(s, community_id, week_start, week)
            codes = _Codes(s, community_id)
            # Every code looked up before anything is written: an unknown one is refused
            # with where it is, in the roster's order, as the rows would have met it.
            wanted: dict[tuple, Assignment] = {}  # by (volunteer, gate, slot row ids, date)
            duplicates = False
            for i, a in enumerate(roster.assignments):
                where = f"assignments[{i}]"
                row_key = (codes.id("volunteer", a.volunteer, where), codes.id("gate", a.gate, where),
                           codes.id("slot", a.slot, where), a.date)
                duplicates = duplicates or row_key in wanted
                wanted[row_key] = a
            shortage_rows = [
                dict(week_id=week.id, gate_id=codes.id("gate", sh.gate, f"shortages[{i}]"),
                     slot_id=codes.id("slot", sh.slot, f"shortages[{i}]"), date=sh.date, missing=sh.missing,
                     unmet_needs=_needs_to_json(sh.unmet_needs), reason=sh.reason)
                for i, sh in enumerate(roster.shortages)
            ]
            shortfall_rows = [
                dict(week_id=week.id, volunteer_id=codes.id("volunteer", f.volunteer, f"shortfalls[{i}]"),
                     position=i, required=f.required, served=f.served, reason=f.reason)
                for i, f in enumerate(roster.shortfalls)
            ]
            self._write_assignments(s, week, codes, wanted, roster.assignments, duplicates)
            self._write_shortages(s, week, shortage_rows)
            # The rest is small: replaced whole, with one multi-row insert each.
            for table in (RosterTerm, ShortfallRow):
                s.execute(delete(table).where(table.week_id == week.id))
            for table, rows in (
                (RosterTerm, [dict(week_id=week.id, position=i, name=t.name, value=t.value, weight=t.weight)
                              for i, t in enumerate(roster.terms)]),
                (ShortfallRow, shortfall_rows),
            ):
                if rows:
                    s.execute(insert(table), rows)
            week.solver_status = roster.status
            week.objective = roster.objective
            week.bound = roster.bound
            week.wall_time_s = roster.wall_time_s
            week.solved_at = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
            week.warnings = list(roster.warnings)
            week.conflicts = [
                {"rule": c.rule, "message": c.message, "pins": [_assignment_to_json(p) for p in c.pins]}
                for c in roster.conflicts
            ]
        self._seen[community_id, week_start] = version
        self._changed(community_id)

    def _write_assignments(self, s: Session, week: Week, codes: "_Codes", wanted: dict[tuple, Assignment],
                           assignments: tuple[Assignment, ...], duplicates: bool) -> None:
        """Make the week's assignment rows those of `wanted` (by row key) and record the
        difference in the audit trail (`week_guard`).

        A hand edit changes a post or two of a week's 1,800 assignments: only the rows that
        differ are deleted, inserted or re-pinned (rewriting the whole week took a tenth of
        a second or more per edit on a street office's week). A roster naming the same
        assignment twice is written whole, so the database refuses it as before.
        """
        old: dict[tuple, tuple[int, bool]] = {
            (v, g, sl, d): (row_id, bool(pinned))
            for row_id, v, g, sl, d, pinned in s.connection().execute(
                select(AssignmentRow.id, AssignmentRow.volunteer_id, AssignmentRow.gate_id, AssignmentRow.slot_id,
                       AssignmentRow.date, AssignmentRow.pinned).where(AssignmentRow.week_id == week.id))
        }
        code_of = {what: {row_id: code for code, row_id in ids.items()} for what, ids in codes.of.items()}

        def assignment(row_key: tuple, pinned: bool) -> Assignment:
            v, g, sl, d = row_key
            return Assignment(code_of["volunteer"][v], code_of["gate"][g], d, code_of["slot"][sl], pinned)

        removed = [k for k in old if k not in wanted]
        added = [k for k in wanted if k not in old]
        repinned = [k for k, a in wanted.items() if k in old and old[k][1] != bool(a.pinned)]
        # The trail is told only what differs: the lines it records are the same.
        before = [assignment(k, old[k][1]) for k in removed + repinned]
        after = [wanted[k] for k in added + repinned]
        week_guard.record_roster_change(s, week, self.clerk, before, after,
                                        codes.names(s, {a.volunteer for a in before + after}))
        if duplicates or len(removed) > len(old) // 2:
            s.execute(delete(AssignmentRow).where(AssignmentRow.week_id == week.id))
            rows = [(a, codes.of_assignment(a)) for a in assignments]
        else:
            for start in range(0, len(removed), 500):  # within every backend's limit of parameters
                ids = [old[k][0] for k in removed[start:start + 500]]
                s.execute(delete(AssignmentRow).where(AssignmentRow.id.in_(ids)))
            for pinned in (True, False):
                ids = [old[k][0] for k in repinned if bool(wanted[k].pinned) is pinned]
                for start in range(0, len(ids), 500):
                    s.execute(update(AssignmentRow).where(AssignmentRow.id.in_(ids[start:start + 500]))
                              .values(pinned=pinned).execution_options(synchronize_session=False))
            rows = [(wanted[k], k) for k in added]
        if rows:
            s.execute(insert(AssignmentRow), [
                dict(week_id=week.id, volunteer_id=v, gate_id=g, slot_id=sl, date=d, pinned=a.pinned)
                for a, (v, g, sl, d) in rows
            ])

    @staticmethod
    def _write_shortages(s: Session, week: Week, rows: list[dict[str, Any]]) -> None:
        """Make the week's shortage rows `rows`: those that differ (a hand edit changes the
        reasons of some short posts) deleted and inserted again, the others left alone. A
        roster naming a post twice is written whole, so the database refuses it as before."""
        fields = ("missing", "unmet_needs", "reason")
        old = {
            (r.gate_id, r.date, r.slot_id): r
            for r in s.connection().execute(select(ShortageRow.id, ShortageRow.gate_id, ShortageRow.date, ShortageRow.slot_id,
                                      ShortageRow.missing, ShortageRow.unmet_needs, ShortageRow.reason)
                               .where(ShortageRow.week_id == week.id))
        }
        new = {(r["gate_id"], r["date"], r["slot_id"]): r for r in rows}
        if len(new) < len(rows):
            s.execute(delete(ShortageRow).where(ShortageRow.week_id == week.id))
            changed = rows
        else:
            stale = [o.id for k, o in old.items()
                     if k not in new or any(getattr(o, f) != new[k][f] for f in fields)]
            for start in range(0, len(stale), 500):  # within every backend's limit of parameters
                s.execute(delete(ShortageRow).where(ShortageRow.id.in_(stale[start:start + 500])))
            changed = [r for k, r in new.items() if k not in old or any(getattr(old[k], f) != r[f] for f in fields)]
        if changed:
            s.execute(insert(ShortageRow), changed)

    @_reading
    def week_roster(self, community_id: int, week_start: dt.date) -> Roster | None:
        """The saved roster of the week, or None if the week has neither roster nor assignments.

        A week that has assignments but was never solved (imported pins) says "UNKNOWN".
        """
        with self.db.session() as s:
            c = self._community(s, community_id)
            week = self._week(s, community_id, week_start)
            self._seen[community_id, week_start] = 0 if week is None else week.row_version
            if week is None:
                return None
            assignments = self._assignments(s, community_id, week_start)
            if week.solver_status is None and not assignments:
                return None
            rows = s.execute(
                select(ShortageRow, GateRow.code, SlotRow.code)
                .join(GateRow, ShortageRow.gate_id == GateRow.id)
                .join(SlotRow, ShortageRow.slot_id == SlotRow.id)
                .where(ShortageRow.week_id == week.id)
                .order_by(ShortageRow.date, SlotRow.position, GateRow.position)
            ).all()
            shortages = tuple(
                Shortage(g, r.date, sl, r.missing, _needs_from_json(r.unmet_needs), r.reason) for r, g, sl in rows
            )
            terms = tuple(
                TermCost(t.name, t.value, t.weight)
                for t in s.scalars(select(RosterTerm).where(RosterTerm.week_id == week.id)
                                   .order_by(RosterTerm.position))
            )
            shortfalls = tuple(
                Shortfall(code, f.required, f.served, f.reason)
                for f, code in s.execute(
                    select(ShortfallRow, VolunteerRow.code)
                    .join(VolunteerRow, ShortfallRow.volunteer_id == VolunteerRow.id)
                    .where(ShortfallRow.week_id == week.id).order_by(ShortfallRow.position)
                )
            )
            return Roster(
                scenario=c.name,
                status=week.solver_status or "UNKNOWN",
                assignments=tuple(assignments),
                shortages=shortages,
                objective=week.objective,
                bound=week.bound,
                wall_time_s=week.wall_time_s,
                warnings=tuple(week.warnings),
                conflicts=tuple(
                    Conflict(x["rule"], x["message"], tuple(_assignment_from_json(p) for p in x.get("pins", [])))
                    for x in week.conflicts
                ),
                terms=terms,
                shortfalls=shortfalls,
            )

    # --- publishing -----------------------------------------------------------------------

    def publish_week(self, community_id: int, week_start: dt.date) -> None:
        """Marks the week's roster as published: posted at the gates and sent to the volunteers.

        Each publication keeps a copy of the roster as it stands (`published_versions`).

        From then on its posts count as served hours (`recent_hours`) and `save_roster`
        refuses to replace it until `reopen_week`. A week with no roster cannot be published.
        Publishing a published week changes nothing.
        """
        with self.db.session() as s:
            self._community(s, community_id)
            week = self._week(s, community_id, week_start)
            has_roster = week is not None and (
                week.solver_status is not None
                or s.scalar(select(func.count()).where(AssignmentRow.week_id == week.id))
            )
            if week is None or not has_roster:
                raise StoreError(f"The week of {week_start.isoformat()} has no roster to publish.")
            if week.status == PUBLISHED:
                return  # nothing changes: no new version, no line in the trail
            version = self._claim(s, community_id, week_start, week)
            self._keep_version(s, community_id, week_start, week)
            week.status = PUBLISHED
            week_guard.record(s, week, self.clerk, "published")
        self._seen[community_id, week_start] = version
        self._changed(community_id)

    def reopen_week(self, community_id: int, week_start: dt.date) -> None:
        """Makes a published week a draft again, so that its roster can change (and stops
        counting its posts as served hours until it is published again)."""
        with self.db.session() as s:
            self._community(s, community_id)
            week = self._week(s, community_id, week_start)
            if week is None:
                raise StoreError(f"There is no week of {week_start.isoformat()} to reopen.")
            if week.status == DRAFT:
                return
            version = self._claim(s, community_id, week_start, week)
            week.status = DRAFT
            week_guard.record(s, week, self.clerk, "reopened")
        self._seen[community_id, week_start] = version
        self._changed(community_id)

    def set_pinned(self, community_id: int, week_start: dt.date, assignment: Assignment, pinned: bool) -> None:
        """Pins (锁定) or unpins one of the week's assignments; `assignment.pinned` is ignored."""
        with self.db.session() as s:
            self._community(s, community_id)
            week = self._week(s, community_id, week_start)
            codes = _Codes(s, community_id)
            where = "set_pinned"
            row = None if week is None else s.scalar(select(AssignmentRow).where(
                AssignmentRow.week_id == week.id,
                AssignmentRow.volunteer_id == codes.id("volunteer", assignment.volunteer, where),
                AssignmentRow.gate_id == codes.id("gate", assignment.gate, where),
                AssignmentRow.slot_id == codes.id("slot", assignment.slot, where),
                AssignmentRow.date == assignment.date,
            ))
            if row is None:
                raise StoreError(
                    f"{assignment.volunteer} at {assignment.gate} on {assignment.date.isoformat()} "
                    f"({assignment.slot}) is not in the roster of the week of {week_start.isoformat()}."
                )
            version = self._claim(s, community_id, week_start, week)
            if row.pinned != pinned:
                week_guard.record(s, week, self.clerk, "pinned" if pinned else "unpinned", assignment,
                                  self._names(s, community_id).get(assignment.volunteer))
            row.pinned = pinned
        self._seen[community_id, week_start] = version
        self._changed(community_id)

    # --- hand edits ------------------------------------------------------------------------

    def clear_roster(self, community_id: int, week_start: dt.date) -> None:
        """Makes the week unscheduled again: no assignments, shortages, terms or solver
        status (`week_roster` then gives None). Undoing the first hand edit of a week that
        had no roster comes back here. Refuses a published week, like `save_roster`.
        """
        with self.db.session() as s:
            self._community(s, community_id)
            week = self._week(s, community_id, week_start)
            if week is None:
                return
            if week.status == PUBLISHED:
                raise StoreError(
                    f"The roster of the week of {week_start.isoformat()} is published; reopen the week "
                    f"before changing it. Nothing was saved."
                )
            version = self._claim(s, community_id, week_start, week)
            week_guard.record_roster_change(s, week, self.clerk, self._assignments(s, community_id, week_start), (),
                                            self._names(s, community_id))
            for table in (AssignmentRow, ShortageRow, RosterTerm, ShortfallRow):
                s.execute(delete(table).where(table.week_id == week.id))
            week.solver_status = None
            week.objective = None
            week.bound = None
            week.wall_time_s = None
            week.solved_at = None
            week.warnings = []
            week.conflicts = []
        self._seen[community_id, week_start] = version
        self._changed(community_id)

    @_reading
    def week_status(self, community_id: int, week_start: dt.date) -> str:
        """"draft" or "published"; a week never planned is a draft."""
        with self.db.session() as s:
            self._community(s, community_id)
            week = self._week(s, community_id, week_start)
            return DRAFT if week is None else week.status

    @_reading
    def roster_changes(self, community_id: int, week_start: dt.date) -> list[week_guard.ChangeInfo]:
        """The week's audit trail, newest first: who added, removed, pinned, published what."""
        with self.db.session() as s:
            self._community(s, community_id)
            week = self._week(s, community_id, week_start)
            return [] if week is None else week_guard.changes(s, week)

    @staticmethod
    def _names(s: Session, community_id: int) -> dict[str, str]:
        return dict(s.execute(select(VolunteerRow.code, VolunteerRow.name)
                              .where(VolunteerRow.community_id == community_id)).all())

    # --- published versions -----------------------------------------------------------------

    def _keep_version(self, s: Session, community_id: int, week_start: dt.date, week: Week) -> None:
        names = dict(s.execute(select(VolunteerRow.code, VolunteerRow.name)
                               .where(VolunteerRow.community_id == community_id)).all())
        number = (s.scalar(select(func.max(PublishedVersion.number)).where(PublishedVersion.week_id == week.id))
                  or 0) + 1
        s.add(PublishedVersion(
            week_id=week.id, number=number, published_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
            assignments=[dict(_assignment_to_json(a), name=names.get(a.volunteer, a.volunteer))
                         for a in self._assignments(s, community_id, week_start)],
        ))

    @_reading
    def published_versions(self, community_id: int, week_start: dt.date) -> list[VersionInfo]:
        """Every published version of the week, oldest first (empty if never published)."""
        with self.db.session() as s:
            self._community(s, community_id)
            week = self._week(s, community_id, week_start)
            if week is None:
                return []
            rows = s.scalars(select(PublishedVersion).where(PublishedVersion.week_id == week.id)
                             .order_by(PublishedVersion.number)).all()
            return [
                VersionInfo(
                    number=r.number, published_at=r.published_at,
                    assignments=tuple(_assignment_from_json(a) for a in r.assignments),
                    names={a["volunteer"]: a.get("name", a["volunteer"]) for a in r.assignments},
                )
                for r in rows
            ]
