"""A benchmark instance as the engine's scenario, and the engine's roster as an answer.

`to_scenario(instance)` states a Shift Scheduling Benchmark instance in the gate domain so
that the same engine that rosters gates solves it (issue 7):

- staff → volunteers, each with the benchmark's limits as version 3's per-person rules
  (`max_posts_by_slot`, `max_minutes`, `min_minutes`, `max_consecutive_days`,
  `min_consecutive_days`, `min_consecutive_days_off`, `max_weekends`), days off as
  `unavailable_dates`, on- and off-requests as `Request`s; everyone is available every
  weekday in every slot, has no hour cap, is neither employed nor a minor;
- shift types → slots (see `_slot` for their times);
- one gate; each cover line → demand on its date: `min` the requirement, `max` the number
  of staff (so over-cover is never forbidden, only paid), `under_weight` / `over_weight`
  the line's weights;
- forbidden successions → `Rules.forbidden_sequences`; one post a day
  (`Rules.max_slots_per_day = 1`);
- day 0 is `START`, a Monday, as the benchmark's day 0 is; weekends therefore fall on
  the dates' Saturdays and Sundays;
- coverage is weighted, not first: the benchmark prices a missing person (`under_weight`,
  100 in every instance) against requests and over-cover in one sum, so strict
  coverage-first would be a different objective. Every version-2 soft term weighs 0 and
  missing people, over-cover and both kinds of requests weigh 1, so the engine's
  objective equals the benchmark's, unit for unit.

`to_answer(instance, scenario, roster)` reads the engine's roster back as the evaluator's
answer (staff id → the shift id or None per day); `to_roster(instance, scenario, answer)`
goes the other way, so that hand-made answers can be checked by the engine's validator.

This module imports the engine's data types (`solver.scenario`), which is why
`solver.ssb`'s package import leaves it out: the evaluator stays independent of the engine.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from solver.scenario import (
    SOFT_TERMS,
    Assignment,
    DemandRule,
    Gate,
    Request,
    Roster,
    Rules,
    Scenario,
    Slot,
    Volunteer,
    WEEKDAY_KEYS,
    WorkingHours,
)
from solver.ssb.evaluate import Answer
from solver.ssb.instance import Instance, ShiftType, Staff

START = dt.date(2024, 1, 1)
"""Day 0: a Monday, like the benchmark's day 0. 2024 starts on one, and its 52 weeks (the
longest horizon, Instance22–24) end on 2024-12-29, inside the years the Chinese calendar
knows, so no solve warns of a guessed calendar. Nobody is employed, so which dates are
workdays changes nothing else."""

GATE = "ward"
"""The one gate every shift is worked at."""

WEIGHTS: dict[str, int] = {
    **dict.fromkeys(SOFT_TERMS, 0),
    "missing_people": 1,
    "unmet_needs": 0,
    "over_cover": 1,
    "on_requests": 1,
    "off_requests": 1,
}
"""The scenario's weights: the benchmark's terms at 1 (their per-item weights come from
the cover lines and requests), everything the benchmark does not know at 0. Nobody has a
need at the gate, so unmet needs are always 0 whatever they weigh."""


def day_date(day: int) -> dt.date:
    """The date of the benchmark's day `day`."""
    return START + dt.timedelta(days=day)


def _slot(shift: ShiftType) -> Slot:
    # The benchmark gives a shift's length only. Every slot starts at midnight and lasts
    # that length (all are at most 12 hours), so `Slot.minutes` is the length, which is
    # all the minute rules use. Any two slots then overlap, and the engine never gives one
    # person two overlapping posts on a date: one shift a day, as the benchmark wants (and
    # `max_slots_per_day = 1` says again). Nothing else reads the times here: there is no
    # minimum rest between days, nobody is employed (working hours) or a minor (latest end).
    return Slot(id=shift.id, name=shift.id, start=0, end=shift.minutes)


def _demand(instance: Instance) -> tuple[DemandRule, ...]:
    """One rule per (shift, requirement, weights), listing the dates of its cover lines.

    Grouping keeps Instance24's 11,648 cover lines to a few hundred rules (the engine
    resolves every rule on every date). A (day, shift) without a cover line is open with no
    requirement and no weights, as the evaluator reads the format: anyone may work it, at no
    cost; none of the 24 instances has one."""
    staff = len(instance.staff)
    dates: dict[tuple[str, int, int, int], list[dt.date]] = defaultdict(list)
    covered = set()
    for c in instance.cover:
        dates[c.shift_id, c.requirement, c.under_weight, c.over_weight].append(day_date(c.day))
        covered.add((c.day, c.shift_id))
    for shift in instance.shifts:
        for day in range(instance.horizon):
            if (day, shift.id) not in covered:
                dates[shift.id, 0, 0, 0].append(day_date(day))
    return tuple(
        DemandRule(slot=shift_id, min=requirement, max=max(staff, requirement), days=tuple(days),
                   under_weight=under, over_weight=over)
        for (shift_id, requirement, under, over), days in dates.items()
    )


def _requests(instance: Instance) -> dict[str, list[Request]]:
    """Staff id → their requests, on-requests first, each kind in the file's order."""
    out: dict[str, list[Request]] = defaultdict(list)
    for wanted, requests in ((True, instance.on_requests), (False, instance.off_requests)):
        for r in requests:
            out[r.staff_id].append(Request(day_date(r.day), r.shift_id, wanted, r.weight))
    return out


def _volunteer(instance: Instance, staff: Staff, requests: list[Request]) -> Volunteer:
    every_slot = instance.shift_ids
    return Volunteer(
        id=staff.id,
        name=staff.id,
        party_member=False,
        employed=False,
        available={key: every_slot for key in WEEKDAY_KEYS},
        unavailable_dates=frozenset(day_date(d) for d in staff.days_off),
        max_posts_by_slot={s: staff.max_shifts[s] for s in instance.shift_ids if s in staff.max_shifts},
        max_minutes=staff.max_total_minutes,
        min_minutes=staff.min_total_minutes or None,
        max_consecutive_days=staff.max_consecutive_shifts,
        min_consecutive_days=staff.min_consecutive_shifts or None,
        min_consecutive_days_off=staff.min_consecutive_days_off or None,
        max_weekends=staff.max_weekends,
        requests=tuple(requests),
    )


def to_scenario(instance: Instance) -> Scenario:
    """The engine's scenario for a benchmark instance (see the module docstring)."""
    forbidden = tuple((s.id, after) for s in instance.shifts for after in s.forbidden_next)
    requests = _requests(instance)
    return Scenario(
        name=instance.name or "ssb",
        start_date=START,
        days=instance.horizon,
        # Unused: nobody is employed (see `_slot`).
        working_hours=WorkingHours(8 * 60, 18 * 60),
        slots=tuple(_slot(s) for s in instance.shifts),
        gates=(Gate(id=GATE, name=GATE, demand=_demand(instance)),),
        volunteers=tuple(_volunteer(instance, s, requests.get(s.id, [])) for s in instance.staff),
        rules=Rules(max_slots_per_day=1, forbidden_sequences=forbidden),
        weights=dict(WEIGHTS),
        coverage="weighted",
    )


def to_answer(instance: Instance, scenario: Scenario, roster: Roster) -> dict[str, list[str | None]]:
    """The roster as the evaluator's answer: staff id → shift id or None per day, in the
    instance's staff order. Raises ValueError for what an answer cannot hold (two shifts
    on one day, a date outside the horizon, an unknown person or shift), which the
    engine's rules exclude."""
    answer: dict[str, list[str | None]] = {s: [None] * instance.horizon for s in instance.staff_ids}
    shift_ids = set(instance.shift_ids)
    for a in roster.assignments:
        day = (a.date - scenario.start_date).days
        if a.volunteer not in answer or a.slot not in shift_ids or not 0 <= day < instance.horizon:
            raise ValueError(f"{a} is not a shift of {instance.name}")
        row = answer[a.volunteer]
        if row[day] is not None:
            raise ValueError(f"{a.volunteer} works {row[day]} and {a.slot} on day {day}: one shift a day at most")
        row[day] = a.slot
    return answer


def to_roster(instance: Instance, scenario: Scenario, answer: Answer, status: str = "FEASIBLE") -> Roster:
    """An answer as the engine's roster (assignments only: no shortages or terms), e.g. for
    `solver.validate.hard_violations` or a hint."""
    assignments = tuple(
        Assignment(staff_id, GATE, scenario.start_date + dt.timedelta(days=day), shift)
        for staff_id in instance.staff_ids
        for day, shift in enumerate(answer[staff_id])
        if shift is not None
    )
    return Roster(scenario.name, status, assignments)
