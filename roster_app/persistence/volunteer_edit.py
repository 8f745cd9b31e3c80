"""Keeping the volunteer register: list, add, edit, deactivate, availability, dates away.

The clerk's data entry for volunteers (issue 4, "Data entry") talks to the database
through `VolunteerEditStore`, which sits beside `RosterStore` (it uses the store's
`Database` and tells the store's listeners what changed) and speaks plain dataclasses:
a `VolunteerRecord` in and out, never a row. Every write is one transaction: a failing
write — invalid data, an unknown code, the database refusing a row — changes nothing.

Validation is one pure function, `check_record`, over a `VolunteerRecord` and a
`ValidationContext` (the community's slots, gates and other people). The dialog runs it
on every keystroke with a context it read once; the store runs it again inside the write's
transaction, against the database as it is then, and refuses the write with
`VolunteerValidationError` listing every problem. A `Problem` names the field it belongs
to and carries a stable `code` with `params`, so the GUI can say it in the clerk's
language next to that field; `message` is the English wording for logs. Warnings (a
duplicate name or phone, nobody can be rostered …) do not block a write the clerk
accepted (`accept_warnings=True`); errors always do.

The person's own rules (version 3, the dialog's 个人规则) are limits over the horizon
the solver is given (a week, for a community's week): minutes on duty, runs of days on
and off duty, weekends, posts per slot; None is no limit. Their requests (to stand, or
not, in a slot on a date) are kept by date for good, like dates away; a week's scenario
gets those of its dates.

People are never deleted: rosters of past weeks and the month's service totals keep
pointing at them. `set_active(..., False)` takes them out of every new week's scenario
(`RosterStore.week_scenario` reads active people only) and keeps them in the register.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Mapping, Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from roster_app.kinds import KIND_LABELS
from roster_app.persistence.errors import StoreError
from roster_app.persistence.models import (
    AllowedGate,
    AssignmentRow,
    Availability,
    GateRow,
    GateSkillNeed,
    PreferredGate,
    PreferredSlot,
    SlotRow,
    UnavailableDate,
    VolunteerRequest,
    VolunteerRow,
    VolunteerSkill,
    VolunteerSlotLimit,
    Week,
)
from roster_app.persistence.store import VOLUNTEER_LIMITS, RosterStore, _reading, _stored
from solver.scenario import Request

MAX_NAME = 200  # the columns' lengths (models.VolunteerRow)
MAX_PLACE = 100
MAX_CODE = 64
MAX_SKILL = 64
MAX_HOURS = 7 * 24  # a week has no more hours than this

PHONE_PATTERN = re.compile(r"1[3-9][0-9]{9}")
"""A mainland mobile number: 11 digits, 13x … 19x."""

_PHONE_NOISE = re.compile(r"[\s\-()（）]")

# Fields of `VolunteerRecord` that a `Problem` can name (the dialog has a place for each).
NAME, PHONE, KIND, CODE = "name", "phone", "kind", "code"
PARTY_MEMBER, EMPLOYED, MINOR = "party_member", "employed", "minor"
BUILDING, GRID, SKILLS, MAX_HOURS_FIELD = "building", "grid", "skills", "max_hours_per_week"
AVAILABILITY, UNAVAILABLE_DATES = "availability", "unavailable_dates"
PREFERRED_GATES, ALLOWED_GATES, PREFERRED_SLOTS = "preferred_gates", "allowed_gates", "preferred_slots"
MAX_MINUTES, MIN_MINUTES = "max_minutes", "min_minutes"
MAX_CONSECUTIVE_DAYS, MIN_CONSECUTIVE_DAYS = "max_consecutive_days", "min_consecutive_days"
MIN_CONSECUTIVE_DAYS_OFF, MAX_WEEKENDS = "min_consecutive_days_off", "max_weekends"
MAX_POSTS_BY_SLOT = "max_posts_by_slot"
REQUESTS = "requests"

LIMIT_RANGES: dict[str, tuple[int, int]] = {
    MAX_MINUTES: (0, MAX_HOURS * 60), MIN_MINUTES: (0, MAX_HOURS * 60),
    MAX_CONSECUTIVE_DAYS: (1, 366), MIN_CONSECUTIVE_DAYS: (1, 366), MIN_CONSECUTIVE_DAYS_OFF: (1, 366),
    MAX_WEEKENDS: (0, 53),
}
"""The person's own limits (`VolunteerRecord` fields, columns of the same name) and the
values each may take; the least is what the scenario format allows, the most what a
year (or a week's minutes) can use."""
MAX_POSTS_RANGE = (0, 999)
REQUEST_WEIGHT_RANGE = (0, 999)

Cell = tuple[int, str]
"""One cell of the weekly availability: (weekday 0 = Monday … 6, slot code)."""


@dataclass(frozen=True)
class VolunteerRecord:
    """A volunteer as the register shows and edits them.

    Attributes:
        code: the id in scenarios ("v07"); "" on a new person means "make one up".
        name, phone, building, grid: text; phone, building and grid may be "" (unknown).
        kind: a code of `roster_app.kinds.KIND_LABELS` (在职党员 …).
        party_member, employed, minor, registered (双报到), active: the person's flags.
        skills: skill codes in the clerk's order ("translation", "medical" …).
        max_hours_per_week: the person's own cap, None for the community's default.
        availability: the weekly pattern, a set of (weekday, slot code) cells.
        unavailable_dates: dates away (leave, sick), whatever week they fall in.
        preferred_gates, preferred_slots: soft wishes, first choice first.
        allowed_gates: None = any gate; a tuple (maybe empty) = only those gates.
        max_minutes, min_minutes: the most / fewest minutes on duty over the horizon.
        max_consecutive_days, min_consecutive_days: the longest / shortest run of days on duty.
        min_consecutive_days_off: the shortest run of days off between two on duty.
        max_weekends: the most weekends with a post.
        max_posts_by_slot: (slot code, most posts in it over the horizon), slots without a limit left out.
        (None: no limit, for each; see `solver.scenario.Volunteer`.)
        requests: wishes to stand (`wanted`) or not in a slot on a date, at any gate,
            each with what it costs when not granted (`weight`); one per date and slot.
    """

    code: str = ""
    name: str = ""
    phone: str = ""
    kind: str = "resident"
    party_member: bool = False
    employed: bool = False
    minor: bool = False
    building: str = ""
    grid: str = ""
    skills: tuple[str, ...] = ()
    max_hours_per_week: float | None = None
    registered: bool = False
    active: bool = True
    availability: frozenset[Cell] = frozenset()
    unavailable_dates: frozenset[dt.date] = frozenset()
    preferred_gates: tuple[str, ...] = ()
    allowed_gates: tuple[str, ...] | None = None
    preferred_slots: tuple[str, ...] = ()
    max_minutes: int | None = None
    min_minutes: int | None = None
    max_consecutive_days: int | None = None
    min_consecutive_days: int | None = None
    min_consecutive_days_off: int | None = None
    max_weekends: int | None = None
    max_posts_by_slot: tuple[tuple[str, int], ...] = ()
    requests: tuple[Request, ...] = ()


@dataclass(frozen=True)
class SlotChoice:
    """A slot of the community's day, for the availability grid's columns."""

    code: str
    name: str
    start: int  # minutes since midnight
    end: int


@dataclass(frozen=True)
class GateChoice:
    """A gate of the community, for the gate lists of the dialog."""

    code: str
    name: str


@dataclass(frozen=True)
class CommunityLayout:
    """What the volunteer forms offer to choose from.

    Attributes:
        slots, gates: the community's, in their order.
        skills: every skill code used by a volunteer or needed at a gate, sorted.
        buildings, grids: every building and grid already entered, sorted.
        work_start, work_end: the community's working hours (minutes since midnight), in
            which employed people are never rostered on a workday.
    """

    slots: tuple[SlotChoice, ...]
    gates: tuple[GateChoice, ...]
    skills: tuple[str, ...] = ()
    buildings: tuple[str, ...] = ()
    grids: tuple[str, ...] = ()
    work_start: int = 8 * 60
    work_end: int = 18 * 60

    def working_hours_slots(self) -> frozenset[str]:
        """The slots that overlap the working hours."""
        return frozenset(s.code for s in self.slots if s.start < self.work_end and s.end > self.work_start)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a record.

    Attributes:
        field: the `VolunteerRecord` field it belongs to (`NAME`, `PHONE` …).
        code: what is wrong, stable for translation ("required", "phone_format" …).
        message: the same in English, for logs and exceptions.
        warning: True if the clerk may accept it and save anyway.
        params: values the wording needs (the other person's name, a limit …).
    """

    field: str
    code: str
    message: str
    warning: bool = False
    params: Mapping[str, str] = field(default_factory=dict, hash=False)


class VolunteerValidationError(StoreError):
    """A write refused because of the record's problems (all of them, in `problems`)."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = tuple(problems)
        super().__init__(
            "The volunteer was not saved:\n" + "\n".join(f"  - {p.field}: {p.message}" for p in self.problems)
        )


@dataclass(frozen=True)
class Neighbour:
    """Another person of the community, as far as checking a record needs."""

    code: str
    name: str
    phone: str
    building: str


@dataclass(frozen=True)
class ValidationContext:
    """What `check_record` checks a record against: the community as it is."""

    slot_codes: frozenset[str]
    gate_codes: frozenset[str]
    people: tuple[Neighbour, ...] = ()


def normalize_phone(phone: str) -> str:
    """The number as stored: spaces, dashes and brackets dropped, a leading +86 too.

    Clerks copy numbers from WeChat as "138 1234 5678" or "+86 138-1234-5678"; they mean
    the same phone and must compare equal for the duplicate check.
    """
    digits = _PHONE_NOISE.sub("", phone or "")
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    return digits


def normalize_record(record: VolunteerRecord) -> VolunteerRecord:
    """Trimmed text, a normalized phone, skills and gates without repeats."""
    return replace(
        record,
        code=record.code.strip(),
        name=" ".join(record.name.split()),
        phone=normalize_phone(record.phone),
        building=record.building.strip(),
        grid=record.grid.strip(),
        skills=tuple(dict.fromkeys(s.strip() for s in record.skills if s.strip())),
        preferred_gates=tuple(dict.fromkeys(record.preferred_gates)),
        allowed_gates=None if record.allowed_gates is None else tuple(dict.fromkeys(record.allowed_gates)),
        preferred_slots=tuple(dict.fromkeys(record.preferred_slots)),
        max_posts_by_slot=tuple(dict(record.max_posts_by_slot).items()),
        requests=tuple(record.requests),
        availability=frozenset(record.availability),
        unavailable_dates=frozenset(record.unavailable_dates),
    )


def check_record(record: VolunteerRecord, context: ValidationContext, *, new: bool) -> list[Problem]:
    """Every problem of `record` (normalized first), errors and warnings, in field order.

    `new` says whether the record is to be added (its code, if given, must be free) or
    replaces the person with its code (who is then not their own duplicate).
    """
    r = normalize_record(record)
    problems: list[Problem] = []

    def add(where: str, what: str, message: str, warning: bool = False, /, **params: object) -> None:
        problems.append(Problem(where, what, message, warning, {k: str(v) for k, v in params.items()}))

    others = [p for p in context.people if new or p.code != r.code]
    if not r.name:
        add(NAME, "required", "a name is required")
    elif len(r.name) > MAX_NAME:
        add(NAME, "too_long", f"the name is longer than {MAX_NAME} characters", limit=MAX_NAME)
    else:
        same = [p for p in others if p.name == r.name]
        if same:
            add(NAME, "duplicate_name", f"{r.name} is already in the register ({same[0].code})", True,
                name=same[0].name, other=same[0].code, building=same[0].building)

    if r.phone:
        if not PHONE_PATTERN.fullmatch(r.phone):
            add(PHONE, "phone_format", f"{record.phone!r} is not an 11-digit mobile number (1[3-9]xxxxxxxxx)")
        else:
            same = [p for p in others if p.phone and normalize_phone(p.phone) == r.phone]
            if same:
                add(PHONE, "duplicate_phone", f"{same[0].name} ({same[0].code}) has the same phone number",
                    True, name=same[0].name, other=same[0].code)

    if new and r.code:
        if len(r.code) > MAX_CODE or any(c.isspace() for c in r.code):
            add(CODE, "code_format", f"the id {r.code!r} must be at most {MAX_CODE} characters without spaces",
                limit=MAX_CODE)
        elif any(p.code == r.code for p in context.people):
            add(CODE, "code_taken", f"the id {r.code!r} is taken", code=r.code)
    elif not new and not r.code:
        add(CODE, "required", "the id of the person to change is missing")

    if r.kind not in KIND_LABELS:
        add(KIND, "unknown_kind", f"unknown kind {r.kind!r} (known: {', '.join(KIND_LABELS)})", kind=r.kind)
    # The kinds that are facts themselves must agree with the flags the solver reads, or
    # the party-member rule would treat a 在职党员 as someone free in working hours.
    if r.kind == "employed_party" and not r.party_member:
        add(PARTY_MEMBER, "kind_needs_party", "an employed party member must be a party member")
    if r.kind == "employed_party" and not r.employed:
        add(EMPLOYED, "kind_needs_employed", "an employed party member must be employed")
    if r.kind == "nonemployed_party" and not r.party_member:
        add(PARTY_MEMBER, "kind_needs_party", "a non-employed party member must be a party member")
    if r.kind == "nonemployed_party" and r.employed:
        add(EMPLOYED, "kind_needs_not_employed", "a non-employed party member cannot be employed")
    if r.kind == "minor" and not r.minor:
        add(MINOR, "kind_needs_minor", "a 新时代好少年 volunteer is a minor")

    for where, value in ((BUILDING, r.building), (GRID, r.grid)):
        if len(value) > MAX_PLACE:
            add(where, "too_long", f"longer than {MAX_PLACE} characters", limit=MAX_PLACE)
    long_skills = [s for s in r.skills if len(s) > MAX_SKILL]
    if long_skills:
        add(SKILLS, "too_long", f"skill {long_skills[0]!r} is longer than {MAX_SKILL} characters", limit=MAX_SKILL)

    hours = r.max_hours_per_week
    if hours is not None and (not math.isfinite(hours) or hours < 0 or hours > MAX_HOURS):
        add(MAX_HOURS_FIELD, "hours_range", f"the weekly cap must be between 0 and {MAX_HOURS} hours",
            limit=MAX_HOURS)

    bad_cells = sorted(c for c in r.availability if not (0 <= c[0] <= 6 and c[1] in context.slot_codes))
    if bad_cells:
        add(AVAILABILITY, "unknown_cell", f"no such weekday or slot: {bad_cells[0]}", cell=bad_cells[0])
    elif r.active and not r.availability:
        add(AVAILABILITY, "no_availability", "no time in the week is marked: the person will never be rostered",
            True)
    for where, codes, known in ((PREFERRED_GATES, r.preferred_gates, context.gate_codes),
                                (ALLOWED_GATES, r.allowed_gates or (), context.gate_codes),
                                (PREFERRED_SLOTS, r.preferred_slots, context.slot_codes)):
        unknown = [c for c in codes if c not in known]
        if unknown:
            add(where, "unknown_code", f"unknown code {unknown[0]!r}", code=unknown[0])
    if r.allowed_gates == () and r.active:
        add(ALLOWED_GATES, "no_gate", "allowed at no gate: the person will never be rostered", True)
    _check_own_rules(r, context, add)
    return problems


def _hours_text(minutes: int) -> str:
    return f"{minutes / 60:g}"


def _check_own_rules(r: VolunteerRecord, context: ValidationContext, add: Callable[..., None]) -> None:
    """The person's own rules: each in its range, minimums not above their maximums."""
    def whole(value: object) -> bool:
        return isinstance(value, int) and not isinstance(value, bool)

    good: dict[str, int] = {}
    for name, (low, high) in LIMIT_RANGES.items():
        value = getattr(r, name)
        if value is None:
            continue
        if whole(value) and low <= value <= high:
            good[name] = value
        elif name in (MAX_MINUTES, MIN_MINUTES):  # the clerk sees hours
            add(name, "limit_range", f"{name} must be a whole number from {low} to {high}",
                low=_hours_text(low), high=_hours_text(high))
        else:
            add(name, "limit_range", f"{name} must be a whole number from {low} to {high}", low=low, high=high)
    if MIN_MINUTES in good and MAX_MINUTES in good and good[MIN_MINUTES] > good[MAX_MINUTES]:
        add(MIN_MINUTES, "min_above_max", f"at least {good[MIN_MINUTES]} minutes is more than at most "
            f"{good[MAX_MINUTES]}", min=_hours_text(good[MIN_MINUTES]), max=_hours_text(good[MAX_MINUTES]))
    hours = r.max_hours_per_week
    if (MIN_MINUTES in good and hours is not None and math.isfinite(hours)
            and good[MIN_MINUTES] > round(hours * 60)):
        # A warning: over a horizon longer than a week the weekly cap may allow it.
        add(MIN_MINUTES, "min_above_weekly_cap", f"at least {good[MIN_MINUTES]} minutes is more than the weekly "
            f"cap of {hours:g} hours", True, min=_hours_text(good[MIN_MINUTES]), cap=f"{hours:g}")
    if (MIN_CONSECUTIVE_DAYS in good and MAX_CONSECUTIVE_DAYS in good
            and good[MIN_CONSECUTIVE_DAYS] > good[MAX_CONSECUTIVE_DAYS]):
        add(MIN_CONSECUTIVE_DAYS, "min_above_max", f"runs of at least {good[MIN_CONSECUTIVE_DAYS]} days are "
            f"longer than at most {good[MAX_CONSECUTIVE_DAYS]}", min=good[MIN_CONSECUTIVE_DAYS],
            max=good[MAX_CONSECUTIVE_DAYS])
    low, high = MAX_POSTS_RANGE
    for slot, n in r.max_posts_by_slot:
        if slot not in context.slot_codes:
            add(MAX_POSTS_BY_SLOT, "unknown_code", f"unknown code {slot!r}", code=slot)
        elif not whole(n) or not low <= n <= high:
            add(MAX_POSTS_BY_SLOT, "limit_range", f"the posts in {slot} must be a whole number from {low} to {high}",
                low=low, high=high)
    low, high = REQUEST_WEIGHT_RANGE
    seen: set[tuple[dt.date, str]] = set()
    for q in r.requests:
        if q.slot not in context.slot_codes:
            add(REQUESTS, "unknown_code", f"unknown code {q.slot!r}", code=q.slot)
        elif (q.date, q.slot) in seen:
            # Two wishes for one post contradict or repeat each other: the clerk keeps one.
            add(REQUESTS, "duplicate_request", f"two requests for {q.slot} on {q.date.isoformat()}",
                date=q.date.isoformat(), slot=q.slot)
        if not whole(q.weight) or not low <= q.weight <= high:
            add(REQUESTS, "limit_range", f"a request's weight must be a whole number from {low} to {high}",
                low=low, high=high)
        seen.add((q.date, q.slot))


def errors_of(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if not p.warning]


def warnings_of(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.warning]


def _text(value: str | None) -> str:
    return value or ""


def _or_none(value: str) -> str | None:
    return value or None


class VolunteerEditStore:
    """The volunteer register of the store's database.

    Every method is one transaction and notifies the `RosterStore`'s listeners after a
    write (`RosterStore.subscribe`), so the main window reloads the week. Methods raise
    `StoreError` (an unknown community or person, a database refusal) or its subclass
    `VolunteerValidationError`; nothing is written then.
    """

    def __init__(self, store: RosterStore) -> None:
        self.store = store
        self.db = store.db

    # --- reading -------------------------------------------------------------------------

    def layout(self, community_id: int) -> CommunityLayout:
        """The slots, gates, skills, buildings and grids the forms offer."""
        with self.db.session() as s:
            community = self.store._community(s, community_id)
            slots = s.execute(select(SlotRow.code, SlotRow.name, SlotRow.start_min, SlotRow.end_min)
                              .where(SlotRow.community_id == community_id)
                              .order_by(SlotRow.position, SlotRow.code)).all()
            gates = s.execute(select(GateRow.code, GateRow.name).where(GateRow.community_id == community_id)
                              .order_by(GateRow.position, GateRow.code)).all()
            people = select(VolunteerRow.id).where(VolunteerRow.community_id == community_id)
            skills = set(s.scalars(select(VolunteerSkill.skill).where(VolunteerSkill.volunteer_id.in_(people))))
            skills |= set(s.scalars(select(GateSkillNeed.skill).join(GateRow)
                                    .where(GateRow.community_id == community_id)))
            places = s.execute(select(VolunteerRow.building, VolunteerRow.grid)
                               .where(VolunteerRow.community_id == community_id)).all()
            return CommunityLayout(
                slots=tuple(SlotChoice(*row) for row in slots),
                gates=tuple(GateChoice(*row) for row in gates),
                skills=tuple(sorted(skills)),
                buildings=tuple(sorted({b for b, _ in places if b}, key=_natural)),
                grids=tuple(sorted({g for _, g in places if g}, key=_natural)),
                work_start=community.work_start_min,
                work_end=community.work_end_min,
            )

    def context(self, community_id: int) -> ValidationContext:
        """What a record of the community is checked against (see `check_record`)."""
        with self.db.session() as s:
            self.store._community(s, community_id)
            return self._context(s, community_id)

    @staticmethod
    def _context(s: Session, community_id: int) -> ValidationContext:
        slots = s.scalars(select(SlotRow.code).where(SlotRow.community_id == community_id)).all()
        gates = s.scalars(select(GateRow.code).where(GateRow.community_id == community_id)).all()
        people = s.execute(select(VolunteerRow.code, VolunteerRow.name, VolunteerRow.phone, VolunteerRow.building)
                           .where(VolunteerRow.community_id == community_id)
                           .order_by(VolunteerRow.position, VolunteerRow.code)).all()
        return ValidationContext(
            frozenset(slots), frozenset(gates),
            tuple(Neighbour(c, n, _text(p), _text(b)) for c, n, p, b in people),
        )

    @_reading
    def volunteers(self, community_id: int) -> list[VolunteerRecord]:
        """Everyone of the community, inactive people too, in the register's order."""
        with self.db.session() as s:
            self.store._community(s, community_id)
            return self._records(s, community_id)

    @_reading
    def volunteer(self, community_id: int, code: str) -> VolunteerRecord:
        """One person by code; `StoreError` if the community has nobody with it."""
        with self.db.session() as s:
            self.store._community(s, community_id)
            records = self._records(s, community_id, [self._row(s, community_id, code).id])
            return records[0]

    def _records(self, s: Session, community_id: int, ids: Sequence[int] | None = None) -> list[VolunteerRecord]:
        """The people's records; version 3's numbers are checked as `week_scenario` checks
        them (`_stored`), so one another program left as text or a fraction is refused
        naming its column (a `DatabaseError` through `_reading`) instead of reaching the
        forms or the solver."""
        query = select(VolunteerRow).where(VolunteerRow.community_id == community_id)
        if ids is not None:
            query = query.where(VolunteerRow.id.in_(ids))
        rows = s.scalars(query.order_by(VolunteerRow.position, VolunteerRow.code)).all()
        chosen = [r.id for r in rows]
        slot_code = dict(s.execute(select(SlotRow.id, SlotRow.code).where(SlotRow.community_id == community_id)).all())
        gate_code = dict(s.execute(select(GateRow.id, GateRow.code).where(GateRow.community_id == community_id)).all())

        def grouped(model, value, order=None) -> dict[int, list]:
            out: dict[int, list] = defaultdict(list)
            query = select(model.volunteer_id, value).where(model.volunteer_id.in_(chosen))
            for vid, item in s.execute(query.order_by(order) if order is not None else query):
                out[vid].append(item)
            return out

        skills = grouped(VolunteerSkill, VolunteerSkill.skill, VolunteerSkill.position)
        cells: dict[int, list[Cell]] = defaultdict(list)
        for vid, day, slot in s.execute(select(Availability.volunteer_id, Availability.weekday, Availability.slot_id)
                                        .where(Availability.volunteer_id.in_(chosen))):
            cells[vid].append((day, slot_code[slot]))
        away = grouped(UnavailableDate, UnavailableDate.date)
        preferred = grouped(PreferredGate, PreferredGate.gate_id, PreferredGate.position)
        allowed = grouped(AllowedGate, AllowedGate.gate_id, AllowedGate.position)
        preferred_slots = grouped(PreferredSlot, PreferredSlot.slot_id, PreferredSlot.position)
        slot_limits: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for vid, slot, n in s.execute(select(VolunteerSlotLimit.volunteer_id, VolunteerSlotLimit.slot_id,
                                             VolunteerSlotLimit.max_posts)
                                      .where(VolunteerSlotLimit.volunteer_id.in_(chosen))
                                      .order_by(VolunteerSlotLimit.position)):
            slot_limits[vid].append((slot_code[slot], _stored(n, "volunteer_slot_limits.max_posts", 0)))
        requests: dict[int, list[Request]] = defaultdict(list)
        for vid, day, slot, wanted, weight in s.execute(
                select(VolunteerRequest.volunteer_id, VolunteerRequest.date, VolunteerRequest.slot_id,
                       VolunteerRequest.wanted, VolunteerRequest.weight)
                .where(VolunteerRequest.volunteer_id.in_(chosen))
                .order_by(VolunteerRequest.position, VolunteerRequest.id)):
            requests[vid].append(Request(day, slot_code[slot], bool(wanted),
                                         _stored(weight, "volunteer_requests.weight", 0)))
        return [
            VolunteerRecord(
                code=r.code, name=r.name, phone=_text(r.phone), kind=r.kind, party_member=r.party_member,
                employed=r.employed, minor=r.minor, building=_text(r.building), grid=_text(r.grid),
                skills=tuple(skills[r.id]), max_hours_per_week=r.max_hours_per_week, registered=r.registered,
                active=r.active, availability=frozenset(cells[r.id]), unavailable_dates=frozenset(away[r.id]),
                preferred_gates=tuple(gate_code[g] for g in preferred[r.id]),
                allowed_gates=tuple(gate_code[g] for g in allowed[r.id]) if r.gates_restricted else None,
                preferred_slots=tuple(slot_code[x] for x in preferred_slots[r.id]),
                **{name: _stored(getattr(r, name), f"volunteers.{name} of {r.code!r}", low, none=True)
                   for name, low in VOLUNTEER_LIMITS},
                max_posts_by_slot=tuple(slot_limits[r.id]),
                requests=tuple(requests[r.id]),
            )
            for r in rows
        ]

    def assigned_dates(self, community_id: int, codes: Iterable[str], since: dt.date) -> dict[str, list[dt.date]]:
        """Code → dates from `since` on which the person stands in a saved roster.

        The window asks before deactivating someone who is still on a roster: their posts
        stay where they are until the week is solved again or edited by hand.
        """
        with self.db.session() as s:
            self.store._community(s, community_id)
            ids = {self._row(s, community_id, c).id: c for c in codes}
            rows = s.execute(select(AssignmentRow.volunteer_id, AssignmentRow.date)
                             .join(Week, AssignmentRow.week_id == Week.id)
                             .where(AssignmentRow.volunteer_id.in_(ids), AssignmentRow.date >= since)
                             .order_by(AssignmentRow.date)).all()
            out: dict[str, list[dt.date]] = {}
            for vid, date in rows:
                out.setdefault(ids[vid], []).append(date)
            return out

    # --- writing -------------------------------------------------------------------------

    def add(self, community_id: int, record: VolunteerRecord, *, accept_warnings: bool = False) -> VolunteerRecord:
        """Adds a person at the end of the register; returns them as stored (with their code).

        A code is made up ("v39" after "v38") when `record.code` is "". Raises
        `VolunteerValidationError` on any error, and on warnings unless `accept_warnings`.
        """
        with self.db.session() as s:
            self.store._community(s, community_id)
            r = self._checked(s, community_id, record, new=True, accept_warnings=accept_warnings)
            if not r.code:
                r = replace(r, code=self._next_code(s, community_id))
            position = s.scalar(select(func.max(VolunteerRow.position))
                                .where(VolunteerRow.community_id == community_id))
            row = VolunteerRow(community_id=community_id, code=r.code, position=(position or 0) + 1,
                               kind_given=True)
            self._put(s, community_id, row, r, new=True)
            saved = self._records(s, community_id, [row.id])[0]
        self.store._changed(community_id)
        return saved

    def update(self, community_id: int, record: VolunteerRecord, *, accept_warnings: bool = False) -> VolunteerRecord:
        """Replaces everything of the person with `record.code` by `record`; returns them as stored.

        The code itself never changes (rosters refer to it). The solver sees the kind as
        given from now on if the clerk changed it (`VolunteerRow.kind_given`).
        """
        with self.db.session() as s:
            self.store._community(s, community_id)
            row = self._row(s, community_id, record.code.strip())
            r = self._checked(s, community_id, record, new=False, accept_warnings=accept_warnings)
            self._put(s, community_id, row, r, new=False)
            saved = self._records(s, community_id, [row.id])[0]
        self.store._changed(community_id)
        return saved

    def set_active(self, community_id: int, codes: Iterable[str], active: bool) -> None:
        """Deactivates (left, moved away) or reactivates people; they are never deleted."""
        with self.db.session() as s:
            self.store._community(s, community_id)
            for row in self._rows(s, community_id, codes):
                row.active = active
        self.store._changed(community_id)

    def set_availability(self, community_id: int, codes: Iterable[str], cells: Iterable[Cell]) -> None:
        """Gives each of the people exactly the weekly availability `cells`."""
        cells = frozenset(cells)
        with self.db.session() as s:
            self.store._community(s, community_id)
            rows = self._rows(s, community_id, codes)
            slot_id = self._slot_ids(s, community_id, cells)
            for row in rows:
                s.execute(delete(Availability).where(Availability.volunteer_id == row.id))
                s.flush()
                s.add_all(Availability(volunteer_id=row.id, weekday=d, slot_id=slot_id[x]) for d, x in sorted(cells))
                s.flush()
        self.store._changed(community_id)

    def change_availability(
        self, community_id: int, codes: Iterable[str], add: Iterable[Cell] = (), remove: Iterable[Cell] = ()
    ) -> None:
        """Marks `add` available and `remove` unavailable for each of the people, keeping
        the rest of each person's week as it is (the bulk edit's "only what I touched")."""
        add, remove = frozenset(add), frozenset(remove)
        both = add & remove
        if both:
            raise StoreError(f"A cell cannot be both added and removed: {sorted(both)[0]}; nothing was saved.")
        with self.db.session() as s:
            self.store._community(s, community_id)
            rows = self._rows(s, community_id, codes)
            slot_id = self._slot_ids(s, community_id, add | remove)
            for row in rows:
                have = {(a.weekday, a.slot_id) for a in
                        s.scalars(select(Availability).where(Availability.volunteer_id == row.id))}
                for d, x in sorted(remove):
                    s.execute(delete(Availability).where(Availability.volunteer_id == row.id,
                                                         Availability.weekday == d,
                                                         Availability.slot_id == slot_id[x]))
                s.add_all(Availability(volunteer_id=row.id, weekday=d, slot_id=slot_id[x])
                          for d, x in sorted(add) if (d, slot_id[x]) not in have)
                s.flush()
        self.store._changed(community_id)

    def add_unavailable_dates(self, community_id: int, codes: Iterable[str], dates: Iterable[dt.date]) -> None:
        """Marks the people away on the dates (leave, sick); dates already marked stay."""
        dates = frozenset(dates)
        with self.db.session() as s:
            self.store._community(s, community_id)
            for row in self._rows(s, community_id, codes):
                have = set(s.scalars(select(UnavailableDate.date).where(UnavailableDate.volunteer_id == row.id)))
                s.add_all(UnavailableDate(volunteer_id=row.id, date=d) for d in sorted(dates - have))
                s.flush()
        self.store._changed(community_id)

    def remove_unavailable_dates(self, community_id: int, codes: Iterable[str], dates: Iterable[dt.date]) -> None:
        """The people are back on the dates; dates not marked are ignored."""
        dates = list(dates)
        with self.db.session() as s:
            self.store._community(s, community_id)
            ids = [row.id for row in self._rows(s, community_id, codes)]
            if ids and dates:
                s.execute(delete(UnavailableDate).where(UnavailableDate.volunteer_id.in_(ids),
                                                        UnavailableDate.date.in_(dates)))
        self.store._changed(community_id)

    # --- helpers ---------------------------------------------------------------------------

    def _checked(self, s: Session, community_id: int, record: VolunteerRecord, *, new: bool,
                 accept_warnings: bool) -> VolunteerRecord:
        """The normalized record, or `VolunteerValidationError` with what blocks it."""
        problems = check_record(record, self._context(s, community_id), new=new)
        blocking = problems if not accept_warnings else errors_of(problems)
        if blocking:
            raise VolunteerValidationError(blocking)
        return normalize_record(record)

    @staticmethod
    def _row(s: Session, community_id: int, code: str) -> VolunteerRow:
        row = s.scalar(select(VolunteerRow).where(VolunteerRow.community_id == community_id,
                                                  VolunteerRow.code == code))
        if row is None:
            raise StoreError(f"There is no volunteer {code!r} in community {community_id}; nothing was saved.")
        return row

    def _rows(self, s: Session, community_id: int, codes: Iterable[str]) -> list[VolunteerRow]:
        """The rows of `codes`, all checked before anything is written."""
        return [self._row(s, community_id, c) for c in dict.fromkeys(codes)]

    @staticmethod
    def _slot_ids(s: Session, community_id: int, cells: Iterable[Cell]) -> dict[str, int]:
        known = dict(s.execute(select(SlotRow.code, SlotRow.id).where(SlotRow.community_id == community_id)).all())
        for day, slot in sorted(cells):
            if not 0 <= day <= 6 or slot not in known:
                raise VolunteerValidationError([Problem(AVAILABILITY, "unknown_cell",
                                                        f"no such weekday or slot: {(day, slot)}",
                                                        params={"cell": str((day, slot))})])
        return known

    @staticmethod
    def _next_code(s: Session, community_id: int) -> str:
        """"v" and the next number after the largest "v<n>", as wide as the widest such code."""
        codes = set(s.scalars(select(VolunteerRow.code).where(VolunteerRow.community_id == community_id)))
        numbered = [m for m in (re.fullmatch(r"v(\d+)", c) for c in codes) if m]
        n = max((int(m.group(1)) for m in numbered), default=0) + 1
        width = max([2] + [len(m.group(1)) for m in numbered])
        while f"v{n:0{width}d}" in codes:
            n += 1
        return f"v{n:0{width}d}"

    def _put(self, s: Session, community_id: int, row: VolunteerRow, r: VolunteerRecord, *, new: bool) -> None:
        """Writes every field of `r` into `row` and its child rows (replacing them)."""
        if not new and r.kind != row.kind:
            row.kind_given = True  # the clerk chose it: from now on the solver sees it
        row.name = r.name
        row.phone = _or_none(r.phone)
        row.kind = r.kind
        row.party_member = r.party_member
        row.employed = r.employed
        row.minor = r.minor
        row.building = _or_none(r.building)
        row.grid = _or_none(r.grid)
        row.max_hours_per_week = r.max_hours_per_week
        row.registered = r.registered
        row.active = r.active
        row.gates_restricted = r.allowed_gates is not None
        for name in LIMIT_RANGES:
            setattr(row, name, getattr(r, name))
        if new:
            s.add(row)
        s.flush()
        for model in (VolunteerSkill, Availability, UnavailableDate, PreferredGate, AllowedGate, PreferredSlot,
                      VolunteerSlotLimit, VolunteerRequest):
            s.execute(delete(model).where(model.volunteer_id == row.id))
        slot_id = dict(s.execute(select(SlotRow.code, SlotRow.id).where(SlotRow.community_id == community_id)).all())
        gate_id = dict(s.execute(select(GateRow.code, GateRow.id).where(GateRow.community_id == community_id)).all())
        s.add_all(VolunteerSkill(volunteer_id=row.id, skill=k, position=i) for i, k in enumerate(r.skills))
        s.add_all(Availability(volunteer_id=row.id, weekday=d, slot_id=slot_id[x]) for d, x in sorted(r.availability))
        s.add_all(UnavailableDate(volunteer_id=row.id, date=d) for d in sorted(r.unavailable_dates))
        s.add_all(PreferredGate(volunteer_id=row.id, gate_id=gate_id[g], position=i)
                  for i, g in enumerate(r.preferred_gates))
        s.add_all(AllowedGate(volunteer_id=row.id, gate_id=gate_id[g], position=i)
                  for i, g in enumerate(r.allowed_gates or ()))
        s.add_all(PreferredSlot(volunteer_id=row.id, slot_id=slot_id[x], position=i)
                  for i, x in enumerate(r.preferred_slots))
        s.add_all(VolunteerSlotLimit(volunteer_id=row.id, slot_id=slot_id[x], max_posts=n, position=i)
                  for i, (x, n) in enumerate(r.max_posts_by_slot))
        s.add_all(VolunteerRequest(volunteer_id=row.id, date=q.date, slot_id=slot_id[q.slot], wanted=q.wanted,
                                   weight=q.weight, position=i)
                  for i, q in enumerate(r.requests))
        s.flush()


_CHINESE_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def _chinese_number(run: str) -> str:
    """"三" -> "3", "十二" -> "12", "二十" -> "20" (grids and buildings count below a hundred)."""
    tens, _, units = run.rpartition("十")
    if "十" not in run:
        return str(_CHINESE_DIGITS[run]) if len(run) == 1 else run
    value = (_CHINESE_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CHINESE_DIGITS.get(units, 0) if units else 0)
    return str(value)


def _natural(text: str) -> tuple:
    """Sort key that puts "2号楼" before "10号楼" and "第二网格" before "第三网格"."""
    text = re.sub(r"[一二三四五六七八九十]+", lambda m: _chinese_number(m.group(0)), text)
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text))
