"""Plain domain types of a planning horizon (a *scenario*) and of its answer (a *roster*).

These are the objects every layer speaks: the file format reads and writes them, the
persistence layer builds a `Scenario` from the database, the model solves it and returns a
`Roster`, the validator checks a `Roster` against a `Scenario`. They hold data only; the
rules that give the data meaning live in the model (`solver.model`) and, independently, in
the validator (`solver.validate`).

Times of day are whole minutes since midnight (``6 * 60`` for 06:00, ``24 * 60`` for a
slot that ends at midnight); dates are `datetime.date`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, Mapping

WEEKDAY_KEYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""Keys of `Volunteer.available`, indexed by `date.weekday()`."""

DaySelector = Literal["all", "workdays", "rest_days"] | tuple[dt.date, ...]


def weekday_key(day: dt.date) -> str:
    return WEEKDAY_KEYS[day.weekday()]


def format_minutes(minutes: int) -> str:
    """Minutes since midnight as "HH:MM" (24:00 for the end of the day)."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class WorkingHours:
    """The 8 working hours of a workday (usually 08:00–18:00), in minutes since midnight."""

    start: int
    end: int


@dataclass(frozen=True)
class CalendarOverrides:
    """Dates whose workday status the clerk set by hand, overriding the official calendar."""

    workdays: frozenset[dt.date] = frozenset()
    rest_days: frozenset[dt.date] = frozenset()


@dataclass(frozen=True)
class Rules:
    """Community-wide limits; ``None`` means no limit (see docs/scenario-format.md).

    Version 1 has the first two; the rest are version 2 (a version-1 file leaves them at
    these defaults, so they do not apply to it).
    """

    max_slots_per_day: int | None = None
    default_max_hours_per_week: float | None = None
    min_posts_registered: int = 0
    minor_latest_end: int | None = None
    minor_max_hours_per_week: float | None = None
    kind_max_hours_per_week: Mapping[str, float] = field(default_factory=dict)
    max_consecutive_days: int | None = None
    min_rest_hours: float | None = None
    history_weeks: int = 0
    forbidden_sequences: tuple[tuple[str, str], ...] = ()
    """Version 3: (a, b) forbids one person slot `b` on the date after slot `a` (at any gates)."""


MINOR_LATEST_END_DEFAULT = 20 * 60
"""`Rules.minor_latest_end` when a version-2 file does not give it."""

SOFT_TERMS: tuple[str, ...] = (
    "registered_shortfall", "changes", "hours_spread", "nonemployed_off_hours", "employed_working_hours",
    "gate_switches", "split_days", "unpreferred_gates", "unpreferred_slots",
)
"""The weighted soft terms of version 2, below the strict coverage terms."""

VERSION_3_TERMS: tuple[str, ...] = ("over_cover", "on_requests", "off_requests")
"""Version 3's soft terms, each a sum of per-item weights (`DemandRule.over_weight`,
`Request.weight`) times the scenario's weight for the term (1 when `weights` does not name it; they are
not in `DEFAULT_WEIGHTS`, so version-2 files stay as they were). A roster lists one
only when the scenario can pay it: `over_cover` when a demand rule has an `over_weight`,
`on_requests` / `off_requests` when a volunteer has a request of that kind."""

WEIGHTED_COVERAGE_DEFAULTS: Mapping[str, int] = {"missing_people": 10_000, "unmet_needs": 5_000}
"""With `Scenario.coverage == "weighted"`, coverage is priced like any other term: one
missing person costs `DemandRule.under_weight` × this weight, one unmet need unit this."""

DEFAULT_WEIGHTS: Mapping[str, int] = {
    "registered_shortfall": 1000,
    "changes": 100,
    "hours_spread": 50,
    "nonemployed_off_hours": 20,
    "employed_working_hours": 5,
    "gate_switches": 10,
    "split_days": 10,
    "unpreferred_gates": 3,
    "unpreferred_slots": 3,
}


@dataclass(frozen=True)
class Slot:
    """A time slot (班次) of the day, e.g. 早班 06:00–08:00."""

    id: str
    name: str
    start: int
    end: int

    @property
    def minutes(self) -> int:
        return self.end - self.start

    @property
    def label(self) -> str:
        return f"{format_minutes(self.start)}–{format_minutes(self.end)}"


@dataclass(frozen=True)
class DemandRule:
    """How many people a gate needs (`min`) and can use (`max`) in a slot on some days.

    `days` is "all", "workdays", "rest_days" or a tuple of explicit dates. Later rules of a
    gate for the same slot and date replace earlier ones.
    """

    slot: str
    min: int
    max: int
    days: DaySelector = "all"
    under_weight: int = 1
    """Version 3: with weighted coverage, what each person below `min` costs (× the
    `missing_people` weight); unused when coverage comes first."""
    over_weight: int = 0
    """Version 3: what each person above `min` (up to the hard `max`) costs, in `over_cover`."""


@dataclass(frozen=True)
class Needs:
    """What every open post of a gate must have among its people (or, in a shortage, lacks)."""

    party_member: int = 0
    skills: Mapping[str, int] = field(default_factory=dict)

    def is_empty(self) -> bool:
        return self.party_member == 0 and not any(self.skills.values())

    def total(self) -> int:
        return self.party_member + sum(self.skills.values())


@dataclass(frozen=True)
class Gate:
    """A checkpoint gate (门岗 / 卡口) with its staffing demand and needs."""

    id: str
    name: str
    demand: tuple[DemandRule, ...] = ()
    needs: Needs = field(default_factory=Needs)


@dataclass(frozen=True)
class Request:
    """A volunteer's wish about one slot on one date (version 3), at any gate.

    `wanted` asks to stand in `slot` that day (not granted unless they do: `on_requests`);
    not `wanted` asks not to (not granted if they do: `off_requests`). `weight` is what a
    request not granted costs."""

    date: dt.date
    slot: str
    wanted: bool
    weight: int = 1


@dataclass(frozen=True)
class Volunteer:
    """A person who can stand at a gate.

    `available` maps a weekday key ("mon"…"sun") to the slot ids the person can take on
    that weekday; a missing key means not available that weekday. Version 2 adds `kind`,
    `registered` (双报到), `allowed_gates` (None: every gate), `preferred_slots` and
    `recent_hours` (served in the weeks before the horizon).
    """

    id: str
    name: str
    party_member: bool
    employed: bool
    available: Mapping[str, tuple[str, ...]]
    minor: bool = False
    skills: tuple[str, ...] = ()
    building: str | None = None
    max_hours_per_week: float | None = None
    unavailable_dates: frozenset[dt.date] = frozenset()
    preferred_gates: tuple[str, ...] = ()
    kind: str | None = None
    registered: bool = False
    allowed_gates: tuple[str, ...] | None = None
    preferred_slots: tuple[str, ...] = ()
    recent_hours: float = 0
    # Version 3: general rules of rostering over any horizon (hard unless said), per person.
    # "Days" are dates with at least one post; runs are counted inside the horizon.
    max_posts_by_slot: Mapping[str, int] = field(default_factory=dict)
    """Slot id -> the most posts in that slot over the horizon."""
    max_minutes: int | None = None
    """The most minutes on duty over the horizon (besides the weekly hour caps)."""
    min_minutes: int | None = None
    """The fewest minutes on duty over the horizon."""
    max_consecutive_days: int | None = None
    """Own limit on consecutive days on duty (the stricter of this and the community's)."""
    min_consecutive_days: int | None = None
    """A run of days on duty with a day off on both sides inside the horizon is at least
    this long (a run touching the first or last date may be shorter: it may go on outside)."""
    min_consecutive_days_off: int | None = None
    """Likewise for runs of days off between two days on duty."""
    max_weekends: int | None = None
    """The most weekends (Saturday and Sunday by the date) with a post on either day."""
    requests: tuple[Request, ...] = ()


@dataclass(frozen=True)
class Post:
    """One place to stand: a gate, on a date, in a slot."""

    gate: str
    date: dt.date
    slot: str


@dataclass(frozen=True)
class Assignment:
    """A volunteer at a post. `pinned` (锁定) assignments must stay in every answer."""

    volunteer: str
    gate: str
    date: dt.date
    slot: str
    pinned: bool = False

    @property
    def post(self) -> Post:
        return Post(self.gate, self.date, self.slot)


@dataclass(frozen=True)
class Scenario:
    """Everything the solver needs for one planning horizon (see docs/scenario-format.md)."""

    name: str
    start_date: dt.date
    days: int
    working_hours: WorkingHours
    slots: tuple[Slot, ...]
    gates: tuple[Gate, ...]
    volunteers: tuple[Volunteer, ...]
    calendar: CalendarOverrides = field(default_factory=CalendarOverrides)
    rules: Rules = field(default_factory=Rules)
    pinned: tuple[Assignment, ...] = ()
    previous: tuple[Assignment, ...] = ()
    weights: Mapping[str, int] | None = None
    """Version 2's soft-term weights; None keeps version 1's strictly ordered objective."""
    coverage: Literal["first", "weighted"] = "first"
    """Version 3: "weighted" prices missing people and unmet needs like the soft terms, in
    one weighted sum (see `WEIGHTED_COVERAGE_DEFAULTS`), instead of strictly first; needs
    `weights` (version 2 or later)."""

    @property
    def dates(self) -> tuple[dt.date, ...]:
        return tuple(self.start_date + dt.timedelta(days=i) for i in range(self.days))

    def slot(self, slot_id: str) -> Slot:
        return next(s for s in self.slots if s.id == slot_id)

    def gate(self, gate_id: str) -> Gate:
        return next(g for g in self.gates if g.id == gate_id)

    def volunteer(self, volunteer_id: str) -> Volunteer:
        return next(v for v in self.volunteers if v.id == volunteer_id)


# --- the answer -------------------------------------------------------------------------

STATUSES = ("OPTIMAL", "FEASIBLE", "INFEASIBLE", "UNKNOWN")


@dataclass(frozen=True)
class Shortage:
    """A post left with fewer than `min` people (`missing`) or lacking a need, and why."""

    gate: str
    date: dt.date
    slot: str
    missing: int
    unmet_needs: Needs = field(default_factory=Needs)
    reason: str = ""

    @property
    def post(self) -> Post:
        return Post(self.gate, self.date, self.slot)


@dataclass(frozen=True)
class Conflict:
    """A contradiction in the data: a pin that breaks a hard rule, a need above a post's min.

    `rule` is a stable code (e.g. "pin_unavailable", "need_above_min"); `message` is the
    sentence shown to the clerk; `pins` names the pinned assignments involved, if any.
    """

    rule: str
    message: str
    pins: tuple[Assignment, ...] = ()


@dataclass(frozen=True)
class TermCost:
    """One objective term of an answer: `value` units at `weight` each."""

    name: str
    value: int
    weight: int

    @property
    def cost(self) -> int:
        return self.value * self.weight


@dataclass(frozen=True)
class Shortfall:
    """A registered volunteer (双报到) below the community's minimum of posts, and why."""

    volunteer: str
    required: int
    served: int
    reason: str = ""


@dataclass(frozen=True)
class Roster:
    """An answer to a scenario: assignments, shortages, and what the clerk must know.

    `objective`/`bound` are the solver's weighted cost and its proven lower bound;
    `warnings` carries notes such as a calendar fallback; `conflicts` explains an
    INFEASIBLE status; `terms` says what each objective term cost (version 2) and
    `shortfalls` which registered volunteers stood fewer posts than required.
    """

    scenario: str
    status: str
    assignments: tuple[Assignment, ...] = ()
    shortages: tuple[Shortage, ...] = ()
    objective: int | None = None
    bound: int | None = None
    wall_time_s: float | None = None
    warnings: tuple[str, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    terms: tuple[TermCost, ...] = ()
    shortfalls: tuple[Shortfall, ...] = ()
