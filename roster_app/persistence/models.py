"""The database tables (SQLAlchemy 2 typed declarative mapping).

One community's data hangs off its `communities` row: every child table references its
parent with ``ON DELETE CASCADE``, so deleting a community (e.g. the demo) removes all of
it in one statement, done by the database itself rather than by loading rows into Python.
These classes never leave `roster_app.persistence`; `store.RosterStore` turns them into the
solver's domain types.

The tables are created and changed only by the migrations in `migrations/versions/`
(Alembic, run by `database.Database` on opening); these classes must describe the schema
the last migration leaves, which tests/persistence/test_migrations.py checks. A change of
the tables is a change here *and* a new migration.

Codes (``"east"``, ``"am"``, ``"v01"``) are the ids of the scenario format, unique within a
community; integer primary keys are internal. ``position`` columns keep the order the clerk
gave (gates left to right on the printed roster, slots through the day), because a
scenario read back must equal the one stored. Times of day are minutes since midnight, as
in `solver.scenario`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedColumn, mapped_column

SCHEMA_VERSION = 5
"""The number of the last migration (``schema_info.version``), bumped by every migration.

Alembic's revision in ``alembic_version`` is what decides upgrades; this number is kept so
that a GateRoster from before Alembic (which knows only version 1) refuses a newer file
instead of misreading it, and so that we refuse one of a later GateRoster either way.
"""

# Named constraints, so later migrations (Alembic) can refer to them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

DAYS_KINDS = ("all", "workdays", "rest_days", "dates")
WEEK_STATUSES = ("draft", "published")
CHANGE_ACTIONS = ("added", "removed", "pinned", "unpinned", "published", "reopened")
OBJECTIVE_VERSIONS = (1, 2)
COVERAGES = ("first", "weighted")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


def _parent(table_column: str) -> MappedColumn[int]:
    """A required reference to a parent row that goes when the parent goes."""
    return mapped_column(ForeignKey(table_column, ondelete="CASCADE"), index=True)


def _in(values: tuple[object, ...]) -> str:
    return ", ".join(repr(v) for v in values)


class SchemaInfo(Base):
    """A single row: the schema version this file was written with."""

    __tablename__ = "schema_info"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int]


class Community(Base):
    """A residential compound (社区/小区) with its rules; everything else belongs to one.

    The rules are those of `solver.scenario.Rules` (NULL: the rule does not apply), plus
    the kind caps in `kind_hour_caps`. `objective_version` says how its weeks are solved:
    2 with the soft-term weights in `soft_term_weights` (a term without a row weighs its
    `DEFAULT_WEIGHTS` value), 1 with version 1's strictly ordered objective (the scenario's
    `weights` is None; the weight rows are then unused). Communities from before version 2
    were all solved the version-1 way, so the migration gives them 1.

    Version 3 (migration 0005): `coverage` is `Scenario.coverage` ("first" for every
    community from before), the slot pairs of `Rules.forbidden_sequences` are in
    `forbidden_sequences`, and `soft_term_weights` may also weigh version 3's terms
    (`VERSION_3_TERMS`, and with weighted coverage "missing_people" and "unmet_needs").
    """

    __tablename__ = "communities"
    __table_args__ = (
        CheckConstraint("work_end_min > work_start_min", name="working_hours"),
        CheckConstraint("max_slots_per_day IS NULL OR max_slots_per_day >= 1", name="max_slots"),
        CheckConstraint("default_max_hours_per_week IS NULL OR default_max_hours_per_week >= 0", name="max_hours"),
        CheckConstraint(f"objective_version IN ({_in(OBJECTIVE_VERSIONS)})", name="objective_version"),
        CheckConstraint("min_posts_registered >= 0", name="min_posts_registered"),
        CheckConstraint("minor_latest_end_min IS NULL OR minor_latest_end_min BETWEEN 0 AND 1440",
                        name="minor_latest_end"),
        CheckConstraint("minor_max_hours_per_week IS NULL OR minor_max_hours_per_week >= 0", name="minor_max_hours"),
        CheckConstraint("max_consecutive_days IS NULL OR max_consecutive_days >= 1", name="max_consecutive_days"),
        CheckConstraint("min_rest_hours IS NULL OR min_rest_hours >= 0", name="min_rest_hours"),
        CheckConstraint("history_weeks >= 0", name="history_weeks"),
        CheckConstraint(f"coverage IN ({_in(COVERAGES)})", name="coverage"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    is_demo: Mapped[bool] = mapped_column(default=False)
    work_start_min: Mapped[int]
    work_end_min: Mapped[int]
    max_slots_per_day: Mapped[int | None]
    default_max_hours_per_week: Mapped[float | None]
    contact: Mapped[str] = mapped_column(Text, default="")
    # Version 2 (migration 0002).
    objective_version: Mapped[int] = mapped_column(server_default=text("1"))
    min_posts_registered: Mapped[int] = mapped_column(server_default=text("0"))
    minor_latest_end_min: Mapped[int | None]
    minor_max_hours_per_week: Mapped[float | None]
    max_consecutive_days: Mapped[int | None]
    min_rest_hours: Mapped[float | None]
    history_weeks: Mapped[int] = mapped_column(server_default=text("0"))
    # Version 3 (migration 0005).
    coverage: Mapped[str] = mapped_column(String(16), server_default=text("'first'"))


class ForbiddenSequence(Base):
    """`Rules.forbidden_sequences`: nobody stands in `second_slot` the date after `first_slot`.

    A pair is one rule however often a scenario lists it; `position` keeps the order given.
    """

    __tablename__ = "forbidden_sequences"

    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id", ondelete="CASCADE"), primary_key=True)
    first_slot_id: Mapped[int] = mapped_column(ForeignKey("slots.id", ondelete="CASCADE"), primary_key=True,
                                               index=True)
    second_slot_id: Mapped[int] = mapped_column(ForeignKey("slots.id", ondelete="CASCADE"), primary_key=True,
                                                index=True)
    position: Mapped[int]


class KindHourCap(Base):
    """`Rules.kind_max_hours_per_week`: an hour cap for every volunteer of a kind."""

    __tablename__ = "kind_hour_caps"
    __table_args__ = (CheckConstraint("hours >= 0", name="hours"),)

    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    hours: Mapped[float]


class SoftTermWeight(Base):
    """The weight of one soft term (`solver.scenario.SOFT_TERMS`) in a community's objective."""

    __tablename__ = "soft_term_weights"
    __table_args__ = (CheckConstraint("weight >= 0", name="weight"),)

    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id", ondelete="CASCADE"), primary_key=True)
    term: Mapped[str] = mapped_column(String(64), primary_key=True)
    weight: Mapped[int]


class CalendarOverride(Base):
    """A date whose workday status the clerk set by hand (调休 not yet in the calendar …)."""

    __tablename__ = "calendar_overrides"
    __table_args__ = (UniqueConstraint("community_id", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = _parent("communities.id")
    date: Mapped[dt.date] = mapped_column(Date)
    is_workday: Mapped[bool]


class GateRow(Base):
    """A checkpoint gate (门岗); `needs_party_member` party members at every open post."""

    __tablename__ = "gates"
    __table_args__ = (
        UniqueConstraint("community_id", "code"),
        CheckConstraint("needs_party_member >= 0", name="needs_party_member"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = _parent("communities.id")
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int]
    needs_party_member: Mapped[int] = mapped_column(default=0)


class GateSkillNeed(Base):
    """Per skill, how many people with it every open post of the gate needs."""

    __tablename__ = "gate_skill_needs"
    __table_args__ = (CheckConstraint("count >= 0", name="count"),)

    gate_id: Mapped[int] = mapped_column(ForeignKey("gates.id", ondelete="CASCADE"), primary_key=True)
    skill: Mapped[str] = mapped_column(String(64), primary_key=True)
    count: Mapped[int]


class SlotRow(Base):
    """A time slot (班次) of the day."""

    __tablename__ = "slots"
    __table_args__ = (
        UniqueConstraint("community_id", "code"),
        CheckConstraint("end_min > start_min", name="times"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = _parent("communities.id")
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    start_min: Mapped[int]
    end_min: Mapped[int]
    position: Mapped[int]


class DemandRuleRow(Base):
    """How many people a gate needs and can use in a slot on some days.

    `position` matters: a later rule for the same slot and date replaces an earlier one.
    With ``days_kind == "dates"`` the dates are in `demand_rule_dates`. `under_weight` and
    `over_weight` are version 3's (`DemandRule`; every rule from before has the defaults).
    """

    __tablename__ = "demand_rules"
    __table_args__ = (
        CheckConstraint("min_people >= 0 AND max_people >= min_people", name="min_max"),
        CheckConstraint(f"days_kind IN ({', '.join(repr(k) for k in DAYS_KINDS)})", name="days_kind"),
        CheckConstraint("under_weight >= 0", name="under_weight"),
        CheckConstraint("over_weight >= 0", name="over_weight"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    gate_id: Mapped[int] = _parent("gates.id")
    slot_id: Mapped[int] = _parent("slots.id")
    position: Mapped[int]
    min_people: Mapped[int]
    max_people: Mapped[int]
    days_kind: Mapped[str] = mapped_column(String(16))
    # Version 3 (migration 0005).
    under_weight: Mapped[int] = mapped_column(server_default=text("1"))
    over_weight: Mapped[int] = mapped_column(server_default=text("0"))


class DemandRuleDate(Base):
    """One of the explicit dates a demand rule applies on."""

    __tablename__ = "demand_rule_dates"

    rule_id: Mapped[int] = mapped_column(ForeignKey("demand_rules.id", ondelete="CASCADE"), primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    position: Mapped[int]


class VolunteerRow(Base):
    """A person who can stand at a gate, with what the office knows about them.

    `kind` is a code from `roster_app.kinds.KIND_LABELS`, always set because the window
    colours names by it; `kind_given` says whether the solver sees it (`Volunteer.kind`):
    false for people whose kind the office guessed or kept beside a scenario that named
    none (every volunteer of a version-1 file). `registered` is 双报到. With
    `gates_restricted` the person may stand only at the gates in `allowed_gates` (none
    there: at no gate); without it at every gate, and `allowed_gates` has no rows. A flag
    rather than "no rows = every gate" because an empty list is a valid restriction, and
    deleting a person's only allowed gate must not let them stand everywhere.
    `active` is false for people who left (kept for the month's service totals, but no
    longer rostered).

    Version 3's limits of the person over the horizon (`Volunteer`; NULL: no limit) are
    the columns from `max_minutes` on, their posts per slot are in `volunteer_slot_limits`
    and their requests in `volunteer_requests`.
    """

    __tablename__ = "volunteers"
    __table_args__ = (
        UniqueConstraint("community_id", "code"),
        CheckConstraint("max_hours_per_week IS NULL OR max_hours_per_week >= 0", name="max_hours"),
        CheckConstraint("max_minutes IS NULL OR max_minutes >= 0", name="max_minutes"),
        CheckConstraint("min_minutes IS NULL OR min_minutes >= 0", name="min_minutes"),
        CheckConstraint("min_minutes IS NULL OR max_minutes IS NULL OR min_minutes <= max_minutes",
                        name="minutes_order"),
        CheckConstraint("max_consecutive_days IS NULL OR max_consecutive_days >= 1", name="max_consecutive_days"),
        CheckConstraint("min_consecutive_days IS NULL OR min_consecutive_days >= 1", name="min_consecutive_days"),
        CheckConstraint("min_consecutive_days_off IS NULL OR min_consecutive_days_off >= 1",
                        name="min_consecutive_days_off"),
        CheckConstraint("max_weekends IS NULL OR max_weekends >= 0", name="max_weekends"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = _parent("communities.id")
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int]
    phone: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))
    party_member: Mapped[bool]
    employed: Mapped[bool]
    minor: Mapped[bool] = mapped_column(default=False)
    building: Mapped[str | None] = mapped_column(String(100))
    grid: Mapped[str | None] = mapped_column(String(100))
    max_hours_per_week: Mapped[float | None]
    active: Mapped[bool] = mapped_column(default=True)
    # Version 2 (migration 0002).
    registered: Mapped[bool] = mapped_column(server_default=false())
    gates_restricted: Mapped[bool] = mapped_column(server_default=false())
    kind_given: Mapped[bool] = mapped_column(server_default=false())
    # Version 3 (migration 0005).
    max_minutes: Mapped[int | None]
    min_minutes: Mapped[int | None]
    max_consecutive_days: Mapped[int | None]
    min_consecutive_days: Mapped[int | None]
    min_consecutive_days_off: Mapped[int | None]
    max_weekends: Mapped[int | None]


class VolunteerSlotLimit(Base):
    """`Volunteer.max_posts_by_slot`: at most `max_posts` posts in the slot over the horizon."""

    __tablename__ = "volunteer_slot_limits"
    __table_args__ = (CheckConstraint("max_posts >= 0", name="max_posts"),)

    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id", ondelete="CASCADE"), primary_key=True)
    slot_id: Mapped[int] = mapped_column(ForeignKey("slots.id", ondelete="CASCADE"), primary_key=True, index=True)
    max_posts: Mapped[int]
    position: Mapped[int]


class VolunteerRequest(Base):
    """A `Request`: the person asks to stand (`wanted`) or not in the slot on the date.

    Kept by date for good, like `unavailable_dates`: a week's scenario gets those of its
    dates. `position` keeps the order given.
    """

    __tablename__ = "volunteer_requests"
    __table_args__ = (CheckConstraint("weight >= 0", name="weight"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    volunteer_id: Mapped[int] = _parent("volunteers.id")
    date: Mapped[dt.date] = mapped_column(Date)
    slot_id: Mapped[int] = _parent("slots.id")
    wanted: Mapped[bool]
    weight: Mapped[int] = mapped_column(server_default=text("1"))
    position: Mapped[int]


class VolunteerSkill(Base):
    __tablename__ = "volunteer_skills"

    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id", ondelete="CASCADE"), primary_key=True)
    skill: Mapped[str] = mapped_column(String(64), primary_key=True)
    position: Mapped[int]


class Availability(Base):
    """A slot a volunteer can take on a weekday (0 = Monday, as `date.weekday()`)."""

    __tablename__ = "availability"
    __table_args__ = (CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),)

    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id", ondelete="CASCADE"), primary_key=True)
    weekday: Mapped[int] = mapped_column(Integer, primary_key=True)
    slot_id: Mapped[int] = mapped_column(ForeignKey("slots.id", ondelete="CASCADE"), primary_key=True, index=True)


class UnavailableDate(Base):
    __tablename__ = "unavailable_dates"

    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id", ondelete="CASCADE"), primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date, primary_key=True)


class PreferredGate(Base):
    """A gate the volunteer likes to stand at; `position` 0 is the first choice."""

    __tablename__ = "preferred_gates"

    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id", ondelete="CASCADE"), primary_key=True)
    gate_id: Mapped[int] = mapped_column(ForeignKey("gates.id", ondelete="CASCADE"), primary_key=True, index=True)
    position: Mapped[int]


class AllowedGate(Base):
    """A gate a volunteer with `gates_restricted` may stand at (hard); `position` keeps the order."""

    __tablename__ = "allowed_gates"

    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id", ondelete="CASCADE"), primary_key=True)
    gate_id: Mapped[int] = mapped_column(ForeignKey("gates.id", ondelete="CASCADE"), primary_key=True, index=True)
    position: Mapped[int]


class PreferredSlot(Base):
    """A slot the volunteer likes to take (soft, like `PreferredGate`)."""

    __tablename__ = "preferred_slots"

    volunteer_id: Mapped[int] = mapped_column(ForeignKey("volunteers.id", ondelete="CASCADE"), primary_key=True)
    slot_id: Mapped[int] = mapped_column(ForeignKey("slots.id", ondelete="CASCADE"), primary_key=True, index=True)
    position: Mapped[int]


class Week(Base):
    """A planned week of a community and what the solver last said about it.

    `status` is the clerk's workflow state: "draft" until published (posted at the gates
    and sent to the volunteers), then "published"; only published weeks count as served
    hours (`Volunteer.recent_hours`). `solver_status` is the saved roster's
    OPTIMAL/FEASIBLE/INFEASIBLE/UNKNOWN, NULL while no roster was saved.
    """

    __tablename__ = "weeks"
    __table_args__ = (
        UniqueConstraint("community_id", "start_date"),
        CheckConstraint(f"status IN ({_in(WEEK_STATUSES)})", name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = _parent("communities.id")
    start_date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    solver_status: Mapped[str | None] = mapped_column(String(16))
    objective: Mapped[int | None]
    bound: Mapped[int | None]
    wall_time_s: Mapped[float | None]
    solved_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    warnings: Mapped[list[Any]] = mapped_column(default=list)
    conflicts: Mapped[list[Any]] = mapped_column(default=list)
    # Goes up with every change to the week: a save based on an older read is refused.
    row_version: Mapped[int] = mapped_column(default=0, server_default=text("0"))


class RosterChange(Base):
    """One change to a week's roster, for the audit trail: who, when, what, at which post.

    `action` is added/removed/pinned/unpinned for a post (gate, date, slot, volunteer and
    the volunteer's name then, by code), published/reopened for the whole week (no post).
    """

    __tablename__ = "roster_changes"
    __table_args__ = (CheckConstraint(f"action IN ({_in(CHANGE_ACTIONS)})", name="action"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    week_id: Mapped[int] = _parent("weeks.id")
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    clerk: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(16))
    gate: Mapped[str | None] = mapped_column(String(64))
    date: Mapped[dt.date | None] = mapped_column(Date)
    slot: Mapped[str | None] = mapped_column(String(64))
    volunteer: Mapped[str | None] = mapped_column(String(64))
    volunteer_name: Mapped[str | None] = mapped_column(String(200))


class AssignmentRow(Base):
    """A volunteer at a post of the week; `pinned` (锁定) ones stay when re-solving."""

    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("week_id", "volunteer_id", "gate_id", "date", "slot_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    week_id: Mapped[int] = _parent("weeks.id")
    volunteer_id: Mapped[int] = _parent("volunteers.id")
    gate_id: Mapped[int] = _parent("gates.id")
    slot_id: Mapped[int] = _parent("slots.id")
    date: Mapped[dt.date] = mapped_column(Date)
    pinned: Mapped[bool] = mapped_column(default=False)


class ShortageRow(Base):
    """A post of the week left short (缺岗): people missing, needs unmet, and why."""

    __tablename__ = "shortages"
    __table_args__ = (
        UniqueConstraint("week_id", "gate_id", "date", "slot_id"),
        CheckConstraint("missing >= 0", name="missing"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    week_id: Mapped[int] = _parent("weeks.id")
    gate_id: Mapped[int] = _parent("gates.id")
    slot_id: Mapped[int] = _parent("slots.id")
    date: Mapped[dt.date] = mapped_column(Date)
    missing: Mapped[int]
    unmet_needs: Mapped[dict[str, Any]] = mapped_column(default=dict)
    reason: Mapped[str] = mapped_column(Text, default="")


class RosterTerm(Base):
    """One objective term of the week's saved roster (`solver.scenario.TermCost`), in order."""

    __tablename__ = "roster_terms"

    week_id: Mapped[int] = mapped_column(ForeignKey("weeks.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    value: Mapped[int]
    weight: Mapped[int]


class ShortfallRow(Base):
    """A registered volunteer (双报到) below the minimum of posts in the saved roster."""

    __tablename__ = "registered_shortfalls"

    week_id: Mapped[int] = mapped_column(ForeignKey("weeks.id", ondelete="CASCADE"), primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(
        ForeignKey("volunteers.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int]
    required: Mapped[int]
    served: Mapped[int]
    reason: Mapped[str] = mapped_column(Text, default="")


class PublishedVersion(Base):
    """A week's roster as it was when published (the `number`-th time), kept for good.

    `assignments` is a JSON list of {"volunteer", "name", "gate", "date", "slot",
    "pinned"} by code, with the volunteer's name then, so a version reads the same after
    people, gates or slots change.
    """

    __tablename__ = "published_versions"
    __table_args__ = (
        UniqueConstraint("week_id", "number"),
        CheckConstraint("number >= 1", name="number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    week_id: Mapped[int] = _parent("weeks.id")
    number: Mapped[int]
    published_at: Mapped[dt.datetime] = mapped_column(DateTime)
    assignments: Mapped[list[Any]] = mapped_column(default=list)
