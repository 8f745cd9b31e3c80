"""Editing a community's set-up: gates, slots, demand, closed posts, rules, weights, calendar.

The clerk's set-up dialog (`roster_app.gui.community_setup`) reads a `CommunitySetup`
snapshot and changes it through `SetupEditor`, one operation at a time. Every operation
checks everything it is given first and raises `SetupError` listing *all* problems, each
with the field it belongs to (so the dialog can show it next to that field); then it writes
in one transaction (`Database.session`), so a failing write changes nothing. After a
committed write the store's listeners hear that the community changed.

Problems carry a stable `code` and `params` beside an English `message`: this package
knows no Qt, so the dialog turns the code into the Chinese (translatable) sentence.

Demand. The database keeps a gate's demand as the scenario format's ordered rules ("all",
"workdays", "rest_days" or explicit dates; a later rule for the same slot and date
replaces an earlier one). The clerk sees it as a table: per gate × slot, the staffing on a
workday and on a rest day (or closed), plus date exceptions (a post closed on given dates
is an exception with min 0 and max 0). Writing a gate's demand rewrites its rules in a
canonical order that keeps this meaning: the weekly rules first, one per slot and kind of
day ("all" when workday and rest day agree), then the date rules, grouped by slot and
staffing. Because the date rules come last they always win over the weekly ones, so a
closed date stays closed whatever the weekly demand becomes. (In an imported file a date
rule could come *before* a weekly rule for the same slot and be shadowed by it; reading
drops such a rule where an "all" rule shadows it wholly, and otherwise treats it as the
exception it was presumably meant to be.) Version 3's weights of a rule (`under_weight`,
`over_weight`), which the table does not show, stay with the staffing they priced: a
rewritten rule takes the weights of the rule that set the same slot and kind of day (or
date) before, a new date exception those of the weekly rule when workday and rest day
agree, else the defaults.

Rules. `set_settings` writes the rules the settings form shows, with the coverage mode
and the weights in the same transaction; the forbidden slot sequences have their own
operation (`set_forbidden_sequences`) and stay as they are, and so do the weights of
version 3's terms the settings do not name (a version-2 community stays version 2 until
one is set). Coverage's own weights go when coverage comes first again: they would mean
nothing then (docs/scenario-format.md, "Version 3").

Removing. A gate or slot that a saved roster uses (assignments or shortages of any week)
cannot be removed: deleting it would delete those rosters' posts with it (the tables
cascade) and change the service hours already reported. Such a gate can be closed
instead (`close_gate`: no demand at all, so no open post; the history stays); a slot the
same way by clearing its demand. The times of a slot used by a published week cannot
change either, since served hours are computed from them.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from roster_app.kinds import KIND_LABELS
from roster_app.persistence.errors import StoreError
from roster_app.persistence.models import (
    AssignmentRow,
    CalendarOverride,
    Community,
    DemandRuleDate,
    DemandRuleRow,
    GateRow,
    GateSkillNeed,
    ShortageRow,
    SlotRow,
    Week,
)
from roster_app.persistence.models import SoftTermWeight
from roster_app.persistence.store import COVERAGES, PUBLISHED, WEIGHED_TERMS, RosterStore
from solver.scenario import (
    DEFAULT_WEIGHTS,
    SOFT_TERMS,
    WEIGHTED_COVERAGE_DEFAULTS,
    CalendarOverrides,
    Needs,
    Rules,
    format_minutes,
)

DAY_MINUTES = 24 * 60
NAME_MAX = 200  # the width of the name columns
CODE_PATTERN = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")

WORKDAYS, REST_DAYS = "workdays", "rest_days"
DEFAULT_DEMAND_WEIGHTS = (1, 0)
"""(under_weight, over_weight) of a demand rule that says none (`solver.scenario.DemandRule`)."""


# --- what goes in and out ---------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a write.

    Attributes:
        field: where it is, e.g. "name", "start", "demand[east,am].workday.min".
        code: stable kind of problem ("required", "duplicate_name", "start_not_before_end" …),
            which the GUI turns into its own (translated) sentence.
        message: the same in English, for logs and the command line.
        params: values the sentence names (a name, a number, dates).
    """

    field: str
    code: str
    message: str
    params: Mapping[str, Any] = field(default_factory=dict)


class SetupError(StoreError):
    """A set-up write refused; nothing was changed. `problems` lists everything wrong."""

    def __init__(self, what: str, problems: Sequence[Problem]):
        self.problems: tuple[Problem, ...] = tuple(problems)
        lines = "\n".join(f"  - {p.field}: {p.message}" for p in self.problems)
        super().__init__(f"Cannot {what}; nothing was saved:\n{lines}")


@dataclass(frozen=True)
class Staffing:
    """How many people a post needs (`min`) and can use (`max`)."""

    min: int
    max: int

    @property
    def closed(self) -> bool:
        return self.max == 0


@dataclass(frozen=True)
class GateSetup:
    """A gate as the set-up shows it.

    `in_use` lists the start dates of the weeks whose saved roster uses the gate (then it
    cannot be removed); `published_in_use` those of them that are published.
    """

    code: str
    name: str
    needs: Needs = field(default_factory=Needs)
    in_use: tuple[dt.date, ...] = ()
    published_in_use: tuple[dt.date, ...] = ()


@dataclass(frozen=True)
class SlotSetup:
    """A slot (班次) template: name and times in minutes since midnight; `in_use` as for gates."""

    code: str
    name: str
    start: int
    end: int
    in_use: tuple[dt.date, ...] = ()
    published_in_use: tuple[dt.date, ...] = ()

    @property
    def label(self) -> str:
        return f"{format_minutes(self.start)}–{format_minutes(self.end)}"


@dataclass(frozen=True)
class WeeklyDemand:
    """The staffing of a gate in a slot on workdays and on rest days; None: closed then."""

    gate: str
    slot: str
    workday: Staffing | None = None
    rest_day: Staffing | None = None


@dataclass(frozen=True)
class DateDemand:
    """An exception for one date: the post has this staffing that day (max 0: closed)."""

    gate: str
    slot: str
    date: dt.date
    staffing: Staffing = Staffing(0, 0)


@dataclass(frozen=True)
class CommunitySettings:
    """The community's name, working hours (the 8 hours of the party-member rule), rules,
    soft-term weights (None: version 1's strictly ordered objective, no weights) and
    coverage mode ("first" or "weighted", `solver.scenario.Scenario.coverage`; None in a
    write: keep the stored one)."""

    name: str
    work_start: int
    work_end: int
    rules: Rules = field(default_factory=Rules)
    weights: Mapping[str, int] | None = None
    coverage: str | None = None


@dataclass(frozen=True)
class CommunitySetup:
    """Everything the set-up dialog shows, in the clerk's order (gates left to right,
    slots through the day). `weekly` has an entry for every gate × slot; `exceptions` are
    by gate, slot and date."""

    community_id: int
    settings: CommunitySettings
    gates: tuple[GateSetup, ...]
    slots: tuple[SlotSetup, ...]
    weekly: tuple[WeeklyDemand, ...]
    exceptions: tuple[DateDemand, ...]
    calendar: CalendarOverrides

    def gate(self, code: str) -> GateSetup:
        return next(g for g in self.gates if g.code == code)

    def slot(self, code: str) -> SlotSetup:
        return next(s for s in self.slots if s.code == code)

    def demand(self, gate: str, slot: str) -> WeeklyDemand:
        return next(d for d in self.weekly if d.gate == gate and d.slot == slot)


# --- checks shared by the operations ------------------------------------------------------


class _Problems:
    """Collects problems; `raise_if_any` ends the operation before anything is written."""

    def __init__(self, what: str):
        self.what = what
        self.items: list[Problem] = []

    def add(self, field_: str, code: str, message: str, /, **params: Any) -> None:
        self.items.append(Problem(field_, code, message, params))

    def raise_if_any(self) -> None:
        if self.items:
            raise SetupError(self.what, self.items)

    def name(self, field_: str, name: str, others: Iterable[str], what: str) -> str:
        """Checks a display name (required, not too long, unique among `others`); returns it stripped."""
        clean = (name or "").strip()
        if not clean:
            self.add(field_, "required", f"the {what} needs a name")
        elif len(clean) > NAME_MAX:
            self.add(field_, "too_long", f"the name is longer than {NAME_MAX} characters", max=NAME_MAX)
        elif clean.casefold() in {o.strip().casefold() for o in others}:
            self.add(field_, "duplicate_name", f"there is already a {what} named {clean!r}", name=clean)
        return clean

    def count(self, field_: str, value: Any, low: int = 0) -> None:
        if not isinstance(value, int) or isinstance(value, bool):
            self.add(field_, "not_whole", f"{value!r} is not a whole number", value=value)
        elif value < low:
            self.add(field_, "below_min", f"{value} is less than {low}", value=value, low=low)

    def number(self, field_: str, value: Any, low: float = 0) -> None:
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
            self.add(field_, "not_number", f"{value!r} is not a number", value=value)
        elif value < low:
            self.add(field_, "below_min", f"{value} is less than {low}", value=value, low=low)

    def times(self, start_field: str, end_field: str, start: Any, end: Any) -> None:
        ok = True
        for f, value, low, high in ((start_field, start, 0, DAY_MINUTES - 1), (end_field, end, 1, DAY_MINUTES)):
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                self.add(f, "not_time_of_day", f"{value!r} is not a time of day between 00:00 and 24:00",
                         value=value)
                ok = False
        if ok and start >= end:
            self.add(end_field, "start_not_before_end",
                     f"the start {format_minutes(start)} is not before the end {format_minutes(end)}",
                     start=format_minutes(start), end=format_minutes(end))

    def staffing(self, field_: str, staffing: Staffing | None) -> None:
        if staffing is None:
            return
        before = len(self.items)
        self.count(f"{field_}.min", staffing.min)
        self.count(f"{field_}.max", staffing.max)
        if len(self.items) == before and staffing.min > staffing.max:
            self.add(f"{field_}.max", "min_above_max",
                     f"the minimum {staffing.min} is above the maximum {staffing.max}",
                     min=staffing.min, max=staffing.max)

    def needs(self, field_: str, needs: Needs) -> None:
        self.count(f"{field_}.party_member", needs.party_member)
        for skill, n in needs.skills.items():
            if not isinstance(skill, str) or not CODE_PATTERN.match(skill):
                self.add(f"{field_}.skills", "bad_code", f"{skill!r} is not a skill code", value=skill)
            self.count(f"{field_}.skills[{skill}]", n)


def _largest_need(needs: Needs) -> int:
    """The most people one need asks for: a post's min must reach it (see solver.conflicts)."""
    return max([needs.party_member, *needs.skills.values()], default=0)


def _dates_text(dates: Iterable[dt.date]) -> str:
    return "、".join(d.isoformat() for d in dates)


# --- the editor ------------------------------------------------------------------------------


class SetupEditor:
    """Reads and changes a community's set-up through a `RosterStore` (its database and its
    change notifications). Every method is one transaction; see the module docstring."""

    def __init__(self, store: RosterStore):
        self.store = store

    # --- reading --------------------------------------------------------------------------

    def setup(self, community_id: int) -> CommunitySetup:
        """The whole set-up of the community, as the dialog shows it."""
        with self.store.db.session() as s:
            c = RosterStore._community(s, community_id)
            gate_rows = self._gate_rows(s, community_id)
            slot_rows = self._slot_rows(s, community_id)
            gate_use = self._use(s, community_id, AssignmentRow.gate_id, ShortageRow.gate_id)
            slot_use = self._use(s, community_id, AssignmentRow.slot_id, ShortageRow.slot_id)
            skill_needs: dict[int, dict[str, int]] = defaultdict(dict)
            for need in s.scalars(select(GateSkillNeed).join(GateRow).where(GateRow.community_id == community_id)
                                  .order_by(GateSkillNeed.skill)):
                skill_needs[need.gate_id][need.skill] = need.count
            gates = tuple(
                GateSetup(g.code, g.name, Needs(g.needs_party_member, dict(skill_needs[g.id])),
                          *gate_use.get(g.id, ((), ())))
                for g in gate_rows
            )
            slots = tuple(
                SlotSetup(r.code, r.name, r.start_min, r.end_min, *slot_use.get(r.id, ((), ())))
                for r in slot_rows
            )
            weekly, exceptions = self._demand(s, community_id, gate_rows, slot_rows)
            overrides = s.execute(select(CalendarOverride.date, CalendarOverride.is_workday)
                                  .where(CalendarOverride.community_id == community_id)).all()
            settings = CommunitySettings(
                c.name, c.work_start_min, c.work_end_min, RosterStore._rules(s, c), RosterStore._weights(s, c),
                c.coverage,
            )
            return CommunitySetup(
                community_id, settings, gates, slots, weekly, exceptions,
                CalendarOverrides(frozenset(d for d, w in overrides if w), frozenset(d for d, w in overrides if not w)),
            )

    @staticmethod
    def _gate_rows(s: Session, community_id: int) -> list[GateRow]:
        return list(s.scalars(select(GateRow).where(GateRow.community_id == community_id)
                              .order_by(GateRow.position, GateRow.code)))

    @staticmethod
    def _slot_rows(s: Session, community_id: int) -> list[SlotRow]:
        return list(s.scalars(select(SlotRow).where(SlotRow.community_id == community_id)
                              .order_by(SlotRow.position, SlotRow.code)))

    @staticmethod
    def _use(s: Session, community_id: int, *columns: Any) -> dict[int, tuple[tuple[dt.date, ...], tuple[dt.date, ...]]]:
        """Row id → (start dates of weeks whose roster uses it, those of them published)."""
        weeks: dict[int, set[tuple[dt.date, bool]]] = defaultdict(set)
        for column in columns:
            table = column.class_
            rows = s.execute(
                select(column, Week.start_date, Week.status).join(Week, table.week_id == Week.id)
                .where(Week.community_id == community_id).distinct()
            ).all()
            for row_id, start, status in rows:
                weeks[row_id].add((start, status == PUBLISHED))
        return {
            row_id: (tuple(sorted({d for d, _ in items})), tuple(sorted({d for d, p in items if p})))
            for row_id, items in weeks.items()
        }

    @staticmethod
    def _demand(
        s: Session, community_id: int, gate_rows: Sequence[GateRow], slot_rows: Sequence[SlotRow]
    ) -> tuple[tuple[WeeklyDemand, ...], tuple[DateDemand, ...]]:
        """Resolves the stored rules of every gate into the weekly table and date exceptions."""
        slot_code = {r.id: r.code for r in slot_rows}
        dates: dict[int, list[dt.date]] = defaultdict(list)
        for rd in s.scalars(select(DemandRuleDate).join(DemandRuleRow).join(GateRow)
                            .where(GateRow.community_id == community_id).order_by(DemandRuleDate.position)):
            dates[rd.rule_id].append(rd.date)
        rules: dict[int, list[DemandRuleRow]] = defaultdict(list)
        for r in s.scalars(select(DemandRuleRow).join(GateRow).where(GateRow.community_id == community_id)
                           .order_by(DemandRuleRow.position, DemandRuleRow.id)):
            rules[r.gate_id].append(r)

        weekly: list[WeeklyDemand] = []
        exceptions: list[DateDemand] = []
        for g in gate_rows:
            workday: dict[int, Staffing | None] = {}
            rest_day: dict[int, Staffing | None] = {}
            by_date: dict[tuple[int, dt.date], Staffing] = {}
            for r in rules[g.id]:  # in order: later rules replace earlier ones
                staffing = Staffing(r.min_people, r.max_people)
                if r.days_kind in ("all", WORKDAYS):
                    workday[r.slot_id] = staffing
                if r.days_kind in ("all", REST_DAYS):
                    rest_day[r.slot_id] = staffing
                if r.days_kind == "all":
                    # An "all" rule after a date rule replaces it on every date.
                    for key in [k for k in by_date if k[0] == r.slot_id]:
                        del by_date[key]
                if r.days_kind == "dates":
                    for day in dates[r.id]:
                        by_date[r.slot_id, day] = staffing
            weekly += [WeeklyDemand(g.code, sl.code, workday.get(sl.id), rest_day.get(sl.id)) for sl in slot_rows]
            exceptions += [DateDemand(g.code, slot_code[sid], day, st) for (sid, day), st in by_date.items()]
        slot_pos = {r.code: i for i, r in enumerate(slot_rows)}
        gate_pos = {g.code: i for i, g in enumerate(gate_rows)}
        exceptions.sort(key=lambda e: (gate_pos[e.gate], slot_pos[e.slot], e.date))
        return tuple(weekly), tuple(exceptions)

    # --- writing helpers ---------------------------------------------------------------------

    def _write(self, community_id: int, work: Any) -> Any:
        """Runs `work(session)` in one transaction and tells the listeners afterwards."""
        with self.store.db.session() as s:
            RosterStore._community(s, community_id)
            result = work(s)
        self.store._changed(community_id)
        return result

    @staticmethod
    def _gate(s: Session, community_id: int, code: str, problems: _Problems, field_: str = "gate") -> GateRow | None:
        row = s.scalar(select(GateRow).where(GateRow.community_id == community_id, GateRow.code == code))
        if row is None:
            problems.add(field_, "unknown_gate", f"there is no gate {code!r}", code=code)
        return row

    @staticmethod
    def _slot(s: Session, community_id: int, code: str, problems: _Problems, field_: str = "slot") -> SlotRow | None:
        row = s.scalar(select(SlotRow).where(SlotRow.community_id == community_id, SlotRow.code == code))
        if row is None:
            problems.add(field_, "unknown_slot", f"there is no slot {code!r}", code=code)
        return row

    @staticmethod
    def _new_code(taken: Iterable[str], prefix: str) -> str:
        used = set(taken)
        n = len(used) + 1
        while f"{prefix}{n}" in used:
            n += 1
        return f"{prefix}{n}"

    # --- gates ----------------------------------------------------------------------------

    def add_gate(self, community_id: int, name: str, needs: Needs = Needs(), code: str | None = None) -> str:
        """Adds a gate after the others, with no demand yet (every post closed); returns its code."""
        with self.store.db.session() as s:
            RosterStore._community(s, community_id)
            rows = self._gate_rows(s, community_id)
        problems = _Problems("add the gate")
        clean = problems.name("name", name, [g.name for g in rows], "gate")
        problems.needs("needs", needs)
        if code is not None and (not CODE_PATTERN.match(code) or code in {g.code for g in rows}):
            problems.add("code", "bad_code", f"{code!r} is not a free gate id (letters, digits, - _ .)", value=code)
        problems.raise_if_any()
        new_code = code or self._new_code((g.code for g in rows), "gate")

        def work(s: Session) -> str:
            row = GateRow(community_id=community_id, code=new_code, name=clean,
                          position=max((g.position for g in rows), default=-1) + 1,
                          needs_party_member=needs.party_member)
            s.add(row)
            s.flush()
            s.add_all(GateSkillNeed(gate_id=row.id, skill=k, count=n) for k, n in needs.skills.items() if n)
            return new_code

        return self._write(community_id, work)

    def rename_gate(self, community_id: int, code: str, name: str) -> None:
        def work(s: Session) -> None:
            problems = _Problems("rename the gate")
            row = self._gate(s, community_id, code, problems)
            others = [g.name for g in self._gate_rows(s, community_id) if g.code != code]
            clean = problems.name("name", name, others, "gate")
            problems.raise_if_any()
            row.name = clean

        self._write(community_id, work)

    def reorder_gates(self, community_id: int, codes: Sequence[str]) -> None:
        """Puts the gates in the order of `codes`, which must name every gate once."""
        def work(s: Session) -> None:
            problems = _Problems("reorder the gates")
            rows = {g.code: g for g in self._gate_rows(s, community_id)}
            if sorted(codes) != sorted(rows):
                problems.add("order", "not_every_gate_once",
                             f"the order {list(codes)} must name each of {sorted(rows)} exactly once")
            problems.raise_if_any()
            for i, c in enumerate(codes):
                rows[c].position = i

        self._write(community_id, work)

    def move_gate(self, community_id: int, code: str, offset: int) -> None:
        """Moves a gate `offset` places left (negative) or right; at the ends it stays."""
        with self.store.db.session() as s:
            order = [g.code for g in self._gate_rows(s, community_id)]
        if code not in order:
            raise SetupError("move the gate", [Problem("gate", "unknown_gate", f"there is no gate {code!r}",
                                                       {"code": code})])
        i = order.index(code)
        j = max(0, min(len(order) - 1, i + offset))
        order.insert(j, order.pop(i))
        self.reorder_gates(community_id, order)

    def set_gate_needs(self, community_id: int, code: str, needs: Needs) -> None:
        """What every open post of the gate must have among its people (party members, skills).

        A need cannot exceed the min of any open post of the gate (the solver would refuse
        the week: "need_above_min"), so such a post is named as a problem.
        """
        def work(s: Session) -> None:
            problems = _Problems("set the gate's needs")
            row = self._gate(s, community_id, code, problems)
            problems.needs("needs", needs)
            if row is not None and not problems.items:
                self._check_needs_fit(s, community_id, row, needs, problems)
            problems.raise_if_any()
            row.needs_party_member = needs.party_member
            s.execute(delete(GateSkillNeed).where(GateSkillNeed.gate_id == row.id))
            s.add_all(GateSkillNeed(gate_id=row.id, skill=k, count=n) for k, n in needs.skills.items() if n)

        self._write(community_id, work)

    def remove_gate(self, community_id: int, code: str) -> None:
        """Deletes a gate no saved roster uses, with its demand (and it leaves the volunteers'
        preferred and allowed gates). A used gate is refused: close it instead."""
        def work(s: Session) -> None:
            problems = _Problems("remove the gate")
            row = self._gate(s, community_id, code, problems)
            if row is not None:
                used, published = self._use(s, community_id, AssignmentRow.gate_id, ShortageRow.gate_id).get(
                    row.id, ((), ()))
                if used:
                    problems.add("gate", "in_use",
                                 f"the gate {row.name!r} is used by the rosters of the weeks of {_dates_text(used)}"
                                 f"{' (published: ' + _dates_text(published) + ')' if published else ''}; "
                                 "close it instead (no demand), which keeps those rosters",
                                 name=row.name, weeks=used, published=published)
            problems.raise_if_any()
            s.delete(row)

        self._write(community_id, work)

    def close_gate(self, community_id: int, code: str) -> None:
        """Takes all demand of the gate away: none of its posts is open any more, on any day,
        while its past rosters stay. Opening it again means setting its demand anew."""
        def work(s: Session) -> None:
            problems = _Problems("close the gate")
            row = self._gate(s, community_id, code, problems)
            problems.raise_if_any()
            s.execute(delete(DemandRuleRow).where(DemandRuleRow.gate_id == row.id))

        self._write(community_id, work)

    # --- slots ----------------------------------------------------------------------------

    def add_slot(self, community_id: int, name: str, start: int, end: int, code: str | None = None) -> str:
        """Adds a slot template (closed at every gate until demand is set); returns its code.
        Slots are kept in the order of their times."""
        def work(s: Session) -> str:
            rows = self._slot_rows(s, community_id)
            problems = _Problems("add the slot")
            clean = problems.name("name", name, [r.name for r in rows], "slot")
            problems.times("start", "end", start, end)
            if code is not None and (not CODE_PATTERN.match(code) or code in {r.code for r in rows}):
                problems.add("code", "bad_code", f"{code!r} is not a free slot id (letters, digits, - _ .)",
                             value=code)
            problems.raise_if_any()
            new_code = code or self._new_code((r.code for r in rows), "slot")
            row = SlotRow(community_id=community_id, code=new_code, name=clean, start_min=start, end_min=end,
                          position=len(rows))
            s.add(row)
            self._sort_slots([*rows, row])
            return new_code

        return self._write(community_id, work)

    def edit_slot(self, community_id: int, code: str, name: str, start: int, end: int) -> None:
        """Renames a slot and sets its times. The times of a slot that a published week uses
        cannot change (the hours served there would change with them)."""
        def work(s: Session) -> None:
            problems = _Problems("change the slot")
            row = self._slot(s, community_id, code, problems)
            rows = self._slot_rows(s, community_id)
            clean = problems.name("name", name, [r.name for r in rows if r.code != code], "slot")
            problems.times("start", "end", start, end)
            if row is not None and (row.start_min, row.end_min) != (start, end):
                _, published = self._use(s, community_id, AssignmentRow.slot_id, ShortageRow.slot_id).get(
                    row.id, ((), ()))
                if published:
                    problems.add("start", "times_published",
                                 f"published rosters ({_dates_text(published)}) use the slot's times, and the "
                                 "hours served are counted from them; add a new slot instead",
                                 name=row.name, published=published)
            problems.raise_if_any()
            row.name, row.start_min, row.end_min = clean, start, end
            self._sort_slots(rows)

        self._write(community_id, work)

    @staticmethod
    def _sort_slots(rows: Sequence[SlotRow]) -> None:
        # Through the day; equal times keep the order they had (sorted is stable).
        for i, r in enumerate(sorted(rows, key=lambda r: (r.start_min, r.end_min))):
            r.position = i

    def remove_slot(self, community_id: int, code: str) -> None:
        """Deletes a slot no saved roster uses, with its demand and the availability and
        preferences that name it. A used slot is refused: clear its demand instead."""
        def work(s: Session) -> None:
            problems = _Problems("remove the slot")
            row = self._slot(s, community_id, code, problems)
            if row is not None:
                used, published = self._use(s, community_id, AssignmentRow.slot_id, ShortageRow.slot_id).get(
                    row.id, ((), ()))
                if used:
                    problems.add("slot", "in_use",
                                 f"the slot {row.name!r} is used by the rosters of the weeks of {_dates_text(used)}; "
                                 "close it at every gate instead, which keeps those rosters",
                                 name=row.name, weeks=used, published=published)
            problems.raise_if_any()
            s.delete(row)
            s.flush()
            self._sort_slots(self._slot_rows(s, community_id))

        self._write(community_id, work)

    # --- demand -----------------------------------------------------------------------------

    def set_weekly_demand(self, community_id: int, changes: Sequence[WeeklyDemand]) -> None:
        """Sets the workday and rest-day staffing of gate × slot cells (None: closed then).

        Date exceptions stay and keep winning over the weekly demand.
        """
        def work(s: Session) -> None:
            problems = _Problems("set the demand")
            gates = {g.code: g for g in self._gate_rows(s, community_id)}
            slots = {r.code: r for r in self._slot_rows(s, community_id)}
            needs = self._needs_of(s, community_id)
            for change in changes:
                where = f"demand[{change.gate},{change.slot}]"
                if change.gate not in gates:
                    problems.add(f"{where}.gate", "unknown_gate", f"there is no gate {change.gate!r}", code=change.gate)
                if change.slot not in slots:
                    problems.add(f"{where}.slot", "unknown_slot", f"there is no slot {change.slot!r}", code=change.slot)
                for day, staffing in (("workday", change.workday), ("rest_day", change.rest_day)):
                    before = len(problems.items)
                    problems.staffing(f"{where}.{day}", staffing)
                    if len(problems.items) == before and staffing is not None and change.gate in gates:
                        self._check_min_fits_needs(f"{where}.{day}.min", staffing, needs[change.gate], problems)
            problems.raise_if_any()
            weekly, exceptions = self._demand(s, community_id, list(gates.values()), list(slots.values()))
            table = {(d.gate, d.slot): d for d in weekly}
            for change in changes:
                table[change.gate, change.slot] = change
            touched = dict.fromkeys(c.gate for c in changes)
            for gate in touched:
                self._put_demand(s, gates[gate], slots, [table[gate, sl] for sl in slots],
                                 [e for e in exceptions if e.gate == gate])

        self._write(community_id, work)

    def set_date_demand(self, community_id: int, exceptions: Sequence[DateDemand]) -> None:
        """Adds or replaces date exceptions (one date of one post each)."""
        def work(s: Session) -> None:
            problems = _Problems("set the demand on these dates")
            gates = {g.code: g for g in self._gate_rows(s, community_id)}
            slots = {r.code: r for r in self._slot_rows(s, community_id)}
            needs = self._needs_of(s, community_id)
            for i, e in enumerate(exceptions):
                where = f"dates[{i}]"
                if e.gate not in gates:
                    problems.add(f"{where}.gate", "unknown_gate", f"there is no gate {e.gate!r}", code=e.gate)
                if e.slot not in slots:
                    problems.add(f"{where}.slot", "unknown_slot", f"there is no slot {e.slot!r}", code=e.slot)
                if not isinstance(e.date, dt.date):
                    problems.add(f"{where}.date", "not_date", f"{e.date!r} is not a date", value=e.date)
                before = len(problems.items)
                problems.staffing(where, e.staffing)
                if len(problems.items) == before and e.gate in gates:
                    self._check_min_fits_needs(f"{where}.min", e.staffing, needs[e.gate], problems)
            problems.raise_if_any()
            self._replace_exceptions(s, community_id, gates, slots, exceptions, remove=())

        self._write(community_id, work)

    def close_posts(self, community_id: int, gate: str, slots: Sequence[str], dates: Iterable[dt.date]) -> None:
        """Closes the gate in these slots on these dates (e.g. 西门 on market days): an
        exception with room for nobody, which wins over the weekly demand."""
        days = sorted(set(dates))
        if not days or not slots:
            problems = _Problems("close the posts")
            if not slots:
                problems.add("slots", "required", "choose at least one slot")
            if not days:
                problems.add("dates", "required", "choose at least one date")
            problems.raise_if_any()
        self.set_date_demand(community_id, [DateDemand(gate, sl, d, Staffing(0, 0)) for sl in slots for d in days])

    def clear_date_demand(self, community_id: int, gate: str, slots: Sequence[str], dates: Iterable[dt.date]) -> None:
        """Removes the exceptions of these posts on these dates: the weekly demand applies again."""
        days = set(dates)

        def work(s: Session) -> None:
            problems = _Problems("reopen the posts")
            gates = {g.code: g for g in self._gate_rows(s, community_id)}
            slot_rows = {r.code: r for r in self._slot_rows(s, community_id)}
            if gate not in gates:
                problems.add("gate", "unknown_gate", f"there is no gate {gate!r}", code=gate)
            for sl in slots:
                if sl not in slot_rows:
                    problems.add("slots", "unknown_slot", f"there is no slot {sl!r}", code=sl)
            problems.raise_if_any()
            self._replace_exceptions(s, community_id, gates, slot_rows, (),
                                     remove={(gate, sl, d) for sl in slots for d in days})

        self._write(community_id, work)

    def _replace_exceptions(self, s: Session, community_id: int, gates: Mapping[str, GateRow],
                            slots: Mapping[str, SlotRow], new: Sequence[DateDemand],
                            remove: set[tuple[str, str, dt.date]]) -> None:
        weekly, exceptions = self._demand(s, community_id, list(gates.values()), list(slots.values()))
        by_key = {(e.gate, e.slot, e.date): e for e in exceptions if (e.gate, e.slot, e.date) not in remove}
        for e in new:
            by_key[e.gate, e.slot, e.date] = e
        touched = dict.fromkeys([e.gate for e in new] + [g for g, _, _ in remove])
        for gate in touched:
            self._put_demand(s, gates[gate], slots, [d for d in weekly if d.gate == gate],
                             [e for e in by_key.values() if e.gate == gate])

    @staticmethod
    def _demand_weights(s: Session, gate: GateRow) -> dict[tuple[Any, ...], tuple[int, int]]:
        """The (under, over) weights the gate's stored rules give, as `_demand` resolves
        them: by ("workday" | "rest_day", slot id) and by ("date", slot id, date)."""
        rows = s.scalars(select(DemandRuleRow).where(DemandRuleRow.gate_id == gate.id)
                         .order_by(DemandRuleRow.position, DemandRuleRow.id)).all()
        dates: dict[int, list[dt.date]] = defaultdict(list)
        for rd in s.scalars(select(DemandRuleDate).where(DemandRuleDate.rule_id.in_([r.id for r in rows]))):
            dates[rd.rule_id].append(rd.date)
        weights: dict[tuple[Any, ...], tuple[int, int]] = {}
        for r in rows:  # in order: later rules replace earlier ones
            pair = (r.under_weight, r.over_weight)
            if r.days_kind in ("all", WORKDAYS):
                weights["workday", r.slot_id] = pair
            if r.days_kind in ("all", REST_DAYS):
                weights["rest_day", r.slot_id] = pair
            if r.days_kind == "all":
                for key in [k for k in weights if k[0] == "date" and k[1] == r.slot_id]:
                    del weights[key]
            for day in dates[r.id] if r.days_kind == "dates" else ():
                weights["date", r.slot_id, day] = pair
        return weights

    @classmethod
    def _put_demand(cls, s: Session, gate: GateRow, slots: Mapping[str, SlotRow], weekly: Sequence[WeeklyDemand],
                    exceptions: Sequence[DateDemand]) -> None:
        """Rewrites the gate's rules canonically: weekly rules first, then the date rules,
        each with the weights it had (see the module docstring)."""
        old = cls._demand_weights(s, gate)
        s.execute(delete(DemandRuleRow).where(DemandRuleRow.gate_id == gate.id))
        rules: list[tuple[str, Staffing, str | tuple[dt.date, ...], tuple[int, int]]] = []
        weekly_weights: dict[str, tuple[int, int]] = {}
        for d in weekly:
            sid = slots[d.slot].id
            on_workday = old.get(("workday", sid), DEFAULT_DEMAND_WEIGHTS)
            on_rest_day = old.get(("rest_day", sid), DEFAULT_DEMAND_WEIGHTS)
            if on_workday == on_rest_day:
                weekly_weights[d.slot] = on_workday
            if d.workday == d.rest_day and on_workday == on_rest_day:
                if d.workday is not None:
                    rules.append((d.slot, d.workday, "all", on_workday))
                continue
            if d.workday is not None:
                rules.append((d.slot, d.workday, WORKDAYS, on_workday))
            if d.rest_day is not None:
                rules.append((d.slot, d.rest_day, REST_DAYS, on_rest_day))
        slot_order = list(slots)
        grouped: dict[tuple[str, Staffing, tuple[int, int]], list[dt.date]] = defaultdict(list)
        for e in sorted(exceptions, key=lambda e: (slot_order.index(e.slot), e.date)):
            pair = old.get(("date", slots[e.slot].id, e.date),
                           weekly_weights.get(e.slot, DEFAULT_DEMAND_WEIGHTS))
            grouped[e.slot, e.staffing, pair].append(e.date)
        rules += [(slot, staffing, tuple(days), pair) for (slot, staffing, pair), days in grouped.items()]
        for i, (slot, staffing, days, (under, over)) in enumerate(rules):
            row = DemandRuleRow(gate_id=gate.id, slot_id=slots[slot].id, position=i, min_people=staffing.min,
                                max_people=staffing.max, days_kind=days if isinstance(days, str) else "dates",
                                under_weight=under, over_weight=over)
            s.add(row)
            if not isinstance(days, str):
                s.flush()
                s.add_all(DemandRuleDate(rule_id=row.id, date=day, position=k) for k, day in enumerate(days))

    @staticmethod
    def _needs_of(s: Session, community_id: int) -> dict[str, Needs]:
        skills: dict[int, dict[str, int]] = defaultdict(dict)
        for need in s.scalars(select(GateSkillNeed).join(GateRow).where(GateRow.community_id == community_id)):
            skills[need.gate_id][need.skill] = need.count
        return {g.code: Needs(g.needs_party_member, skills[g.id])
                for g in s.scalars(select(GateRow).where(GateRow.community_id == community_id))}

    @staticmethod
    def _check_min_fits_needs(field_: str, staffing: Staffing, needs: Needs, problems: _Problems) -> None:
        # A post with room for nobody has no needs (docs/scenario-format.md, "Needs").
        largest = _largest_need(needs)
        if staffing.max > 0 and staffing.min < largest:
            problems.add(field_, "min_below_needs",
                         f"the minimum {staffing.min} is below the gate's need of {largest} "
                         "(party members or a skill); raise it or lower the need",
                         min=staffing.min, need=largest)

    def _check_needs_fit(self, s: Session, community_id: int, gate: GateRow, needs: Needs,
                         problems: _Problems) -> None:
        largest = _largest_need(needs)
        if largest == 0:
            return
        gates = self._gate_rows(s, community_id)
        slots = self._slot_rows(s, community_id)
        weekly, exceptions = self._demand(s, community_id, gates, slots)
        names = {r.code: r.name for r in slots}
        low: list[str] = []
        for d in weekly:
            if d.gate != gate.code:
                continue
            for staffing in (d.workday, d.rest_day):
                if staffing is not None and staffing.max > 0 and staffing.min < largest:
                    low.append(names[d.slot])
        low += [f"{names[e.slot]} {e.date.isoformat()}" for e in exceptions
                if e.gate == gate.code and e.staffing.max > 0 and e.staffing.min < largest]
        if low:
            shown = list(dict.fromkeys(low))
            problems.add("needs", "needs_above_min",
                         f"the need of {largest} is above the minimum of the gate's posts in {', '.join(shown)}; "
                         "raise their minimum first",
                         need=largest, posts=tuple(shown))

    # --- community settings ---------------------------------------------------------------

    def set_settings(self, community_id: int, settings: CommunitySettings) -> None:
        """Sets the name, working hours, rules, weights and coverage mode together (one
        transaction); `settings.coverage` None keeps the stored mode."""
        problems = _Problems("save the community's settings")
        rules = settings.rules
        with self.store.db.session() as s:
            coverage = RosterStore._community(s, community_id).coverage
            others = [n for cid, n in s.execute(select(Community.id, Community.name)) if cid != community_id]
        if settings.coverage is not None:
            coverage = settings.coverage
            if coverage not in COVERAGES:
                problems.add("coverage", "unknown_coverage",
                             f"{coverage!r} is not a coverage mode ({', '.join(COVERAGES)})", value=coverage)
        problems.name("name", settings.name, others, "community")
        problems.times("work_start", "work_end", settings.work_start, settings.work_end)
        for name, low in (("max_slots_per_day", 1), ("max_consecutive_days", 1)):
            value = getattr(rules, name)
            if value is not None:
                problems.count(f"rules.{name}", value, low)
        for name in ("min_posts_registered", "history_weeks"):
            problems.count(f"rules.{name}", getattr(rules, name), 0)
        for name in ("default_max_hours_per_week", "minor_max_hours_per_week", "min_rest_hours"):
            value = getattr(rules, name)
            if value is not None:
                problems.number(f"rules.{name}", value, 0)
        if rules.minor_latest_end is not None and (
            not isinstance(rules.minor_latest_end, int) or not 0 <= rules.minor_latest_end <= DAY_MINUTES
        ):
            problems.add("rules.minor_latest_end", "not_time_of_day",
                         f"{rules.minor_latest_end!r} is not a time of day", value=rules.minor_latest_end)
        for kind, hours in rules.kind_max_hours_per_week.items():
            if kind not in KIND_LABELS:
                problems.add(f"rules.kind_max_hours_per_week[{kind}]", "unknown_kind",
                             f"{kind!r} is not a kind of volunteer", value=kind)
            problems.number(f"rules.kind_max_hours_per_week[{kind}]", hours, 0)
        if settings.weights is not None:
            for term, weight in settings.weights.items():
                if term not in WEIGHED_TERMS:
                    problems.add(f"weights[{term}]", "unknown_term", f"{term!r} is not a soft term", value=term)
                problems.count(f"weights[{term}]", weight, 0)
        if settings.weights is None and coverage == "weighted":
            problems.add("weights", "weighted_coverage_needs_weights",
                         "the community prices coverage with the weights, so it cannot go without them")
        for term in WEIGHTED_COVERAGE_DEFAULTS:
            if coverage != "weighted" and term in (settings.weights or {}):
                problems.add(f"weights[{term}]", "coverage_weight_unused",
                             f"{term} weighs coverage only when coverage is weighted", value=term)
        problems.raise_if_any()

        def work(s: Session) -> None:
            c = RosterStore._community(s, community_id)
            c.name = settings.name.strip()
            c.work_start_min, c.work_end_min = settings.work_start, settings.work_end
            RosterStore._put_rules(s, c, rules)
            weights = None
            if settings.weights is not None:
                # Version 3's terms the settings do not name keep their stored weights;
                # coverage's only while coverage stays weighted.
                stored = dict(s.execute(select(SoftTermWeight.term, SoftTermWeight.weight)
                                        .where(SoftTermWeight.community_id == c.id)).all())
                if coverage != "weighted":
                    stored = {t: w for t, w in stored.items() if t not in WEIGHTED_COVERAGE_DEFAULTS}
                weights = {t: settings.weights.get(t, DEFAULT_WEIGHTS[t]) for t in SOFT_TERMS}
                weights.update({t: settings.weights.get(t, stored.get(t)) for t in WEIGHED_TERMS
                                if t not in DEFAULT_WEIGHTS and (t in settings.weights or t in stored)})
            RosterStore._put_weights(s, c, weights)
            c.coverage = coverage

        self._write(community_id, work)

    def set_forbidden_sequences(self, community_id: int, pairs: Sequence[tuple[str, str]]) -> None:
        """Replaces the community's forbidden slot sequences: for each (a, b), nobody stands
        in slot b on the date after a date they stand in slot a (at any gates). A pair may
        be listed once; a slot may follow itself (a, a: no two days running in it)."""
        def work(s: Session) -> None:
            problems = _Problems("save the forbidden sequences")
            slots = {r.code: r.id for r in self._slot_rows(s, community_id)}
            seen: set[tuple[str, str]] = set()
            for i, pair in enumerate(pairs):
                where = f"forbidden_sequences[{i}]"
                if len(pair) != 2:
                    problems.add(where, "not_pair", f"{pair!r} is not a pair of slots", value=pair)
                    continue
                for j, code in enumerate(pair):
                    if code not in slots:
                        problems.add(f"{where}[{j}]", "unknown_slot", f"there is no slot {code!r}", code=code)
                if tuple(pair) in seen:
                    problems.add(where, "duplicate_sequence", f"{pair[0]} → {pair[1]} is listed twice",
                                 first=pair[0], second=pair[1])
                seen.add(tuple(pair))
            problems.raise_if_any()
            RosterStore._put_sequences(s, community_id, pairs, slots)

        self._write(community_id, work)

    # --- calendar -------------------------------------------------------------------------

    def set_calendar_overrides(self, community_id: int, changes: Mapping[dt.date, bool | None]) -> None:
        """Per date: True a workday, False a rest day (overriding the official calendar),
        None back to the official calendar."""
        problems = _Problems("change the calendar")
        for day in changes:
            if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
                problems.add("date", "not_date", f"{day!r} is not a date", value=day)
        for day, value in changes.items():
            if value is not None and not isinstance(value, bool):
                problems.add(f"date[{day}]", "not_bool", f"{value!r} is neither workday nor rest day", value=value)
        problems.raise_if_any()

        def work(s: Session) -> None:
            s.execute(delete(CalendarOverride).where(CalendarOverride.community_id == community_id,
                                                     CalendarOverride.date.in_(list(changes))))
            s.flush()
            s.add_all(CalendarOverride(community_id=community_id, date=d, is_workday=w)
                      for d, w in sorted(changes.items()) if w is not None)

        self._write(community_id, work)

