"""An independent evaluator of answers to the Shift Scheduling Benchmark.

`evaluate(instance, answer)` recomputes, from the instance alone, the objective of an
answer as the benchmark defines it and every hard rule the answer breaks. It shares no
code with the engine (no OR-Tools here), so that a mistake in the model is caught by this
module instead of being copied into it; anyone's answer can be judged, e.g. one read from
a plain roster file (`solver.ssb.roster_file`).

An answer maps each staff id to one entry per day: a shift id, or None for a day without
a shift. One shift a day at most is thus built into the encoding.

The objective (Curtois & Qu 2014, "Computational results on new staff scheduling
benchmark instances") is the sum of four terms:

- ``on_request``: the weight of every on-request not granted, i.e. the person does not
  work exactly that shift that day (working another shift does not grant it);
- ``off_request``: the weight of every off-request not granted, i.e. the person works
  exactly that shift that day;
- ``under_cover``: for each cover line, (requirement − people on that shift that day) ×
  weight for under, when short;
- ``over_cover``: (people − requirement) × weight for over, when too many.

The hard rules (`RULES`), each checked per member of staff:

- ``max_shifts_of_type``: at most `max_shifts` of each shift type;
- ``max_total_minutes`` / ``min_total_minutes``: total minutes worked within the bounds;
- ``max_consecutive_shifts``: no run of worked days longer than the maximum, anywhere
  (the runs touching the first or the last day included: the benchmark assumes nothing
  before or after the horizon, so a run starting on day 0 counts from day 0);
- ``min_consecutive_shifts``: no run of worked days shorter than the minimum *inside the
  horizon*, i.e. with a day without a shift on both sides. A run that starts on day 0 or
  ends on the last day is exempt, whatever its length, since it may continue outside the
  horizon. This is the report's integer programme, which forbids "off on day d, on for
  d+1..d+s, off on d+s+1" for s < minimum with d and d+s+1 both in the horizon;
- ``min_consecutive_days_off``: the same for runs of days without a shift: a run shorter
  than the minimum is a violation only when worked days bound it on both sides; a run
  touching either end of the horizon is exempt (a person working nothing at all breaks
  nothing here);
- ``max_weekends``: at most `max_weekends` weekends worked, a weekend being Saturday and
  Sunday (day 0 a Monday, so days 5 and 6, 12 and 13, …) and counting once when either or
  both days are worked;
- ``day_off``: no shift on one of the person's days off;
- ``forbidden_succession``: no shift on the day after a shift that forbids it.

Each violation names its rule, the person, the days involved and the figures, so that a
report can say what is wrong; the rule list is stable for the engine's tests to compare.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Mapping, Sequence

from solver.ssb.instance import Instance, Staff

Answer = Mapping[str, Sequence[str | None]]
"""Staff id -> one entry per day of the horizon: a shift id, or None for no shift."""

RULES = (
    "max_shifts_of_type",
    "max_total_minutes",
    "min_total_minutes",
    "max_consecutive_shifts",
    "min_consecutive_shifts",
    "min_consecutive_days_off",
    "max_weekends",
    "day_off",
    "forbidden_succession",
)
"""The hard rules, in the order violations are listed for one person."""

TERMS = ("on_request", "off_request", "under_cover", "over_cover")
"""The objective's terms, in the benchmark's order."""


@dataclass(frozen=True)
class Violation:
    """One broken hard rule: `rule` (one of `RULES`), the person, the days involved (a run,
    a pair of days, the days of a shift type or of the weekends worked; empty for the total
    minutes) and `detail`, a sentence with the figures."""

    rule: str
    staff_id: str
    days: tuple[int, ...]
    detail: str


@dataclass(frozen=True)
class Penalty:
    """One paid item of the objective: `term` (one of `TERMS`), where (day, shift, and the
    person for requests), `amount` (1 for a request, the deviation for cover), `weight`,
    and `cost` = amount × weight."""

    term: str
    day: int
    shift_id: str
    staff_id: str | None
    amount: int
    weight: int

    @property
    def cost(self) -> int:
        return self.amount * self.weight


@dataclass(frozen=True)
class Evaluation:
    """The verdict on an answer: `objective`, its `penalties` (every item with a cost), and
    `violations` of hard rules (empty for a feasible answer)."""

    objective: int
    penalties: tuple[Penalty, ...]
    violations: tuple[Violation, ...]

    @property
    def feasible(self) -> bool:
        return not self.violations

    def term_costs(self) -> dict[str, int]:
        """The objective split by term (every term present, zero when nothing is paid)."""
        costs = dict.fromkeys(TERMS, 0)
        for p in self.penalties:
            costs[p.term] += p.cost
        return costs

    def violations_of(self, rule: str) -> tuple[Violation, ...]:
        return tuple(v for v in self.violations if v.rule == rule)


class AnswerError(ValueError):
    """An answer that cannot be evaluated: staff missing or unknown, a row of the wrong
    length, an unknown shift id. `problems` lists every fault."""

    def __init__(self, problems: list[str]):
        self.problems = tuple(problems)
        super().__init__("the answer cannot be evaluated:\n" + "\n".join(f"  - {p}" for p in problems))


def evaluate(instance: Instance, answer: Answer) -> Evaluation:
    """Recompute the objective and the hard violations of `answer` on `instance`."""
    _check_shape(instance, answer)
    penalties = _penalties(instance, answer)
    violations = [v for staff in instance.staff for v in _staff_violations(instance, staff, list(answer[staff.id]))]
    return Evaluation(
        objective=sum(p.cost for p in penalties),
        penalties=tuple(penalties),
        violations=tuple(violations),
    )


def _check_shape(instance: Instance, answer: Answer) -> None:
    problems = []
    known = set(instance.staff_ids)
    for sid in instance.staff_ids:
        if sid not in answer:
            problems.append(f"staff {sid!r} has no row")
    shift_ids = set(instance.shift_ids)
    for sid, row in answer.items():
        if sid not in known:
            problems.append(f"staff {sid!r} is not in the instance")
            continue
        if len(row) != instance.horizon:
            problems.append(f"staff {sid!r} has {len(row)} days, the horizon {instance.horizon}")
        for day, shift in enumerate(row):
            if shift is not None and shift not in shift_ids:
                problems.append(f"staff {sid!r}, day {day}: unknown shift {shift!r}")
    if problems:
        raise AnswerError(problems)


def _penalties(instance: Instance, answer: Answer) -> list[Penalty]:
    result = []
    for r in instance.on_requests:
        if answer[r.staff_id][r.day] != r.shift_id:
            result.append(Penalty("on_request", r.day, r.shift_id, r.staff_id, 1, r.weight))
    for r in instance.off_requests:
        if answer[r.staff_id][r.day] == r.shift_id:
            result.append(Penalty("off_request", r.day, r.shift_id, r.staff_id, 1, r.weight))
    on_duty = Counter(
        (day, shift) for row in answer.values() for day, shift in enumerate(row) if shift is not None
    )
    for c in instance.cover:
        people = on_duty[(c.day, c.shift_id)]
        if people < c.requirement:
            result.append(Penalty("under_cover", c.day, c.shift_id, None, c.requirement - people, c.under_weight))
        elif people > c.requirement:
            result.append(Penalty("over_cover", c.day, c.shift_id, None, people - c.requirement, c.over_weight))
    # Zero weights cost nothing and are not worth listing.
    return [p for p in result if p.cost]


def _runs(row: list[str | None]) -> list[tuple[int, int, bool]]:
    """Maximal runs of worked days and of days without a shift: (first, last, worked)."""
    runs: list[tuple[int, int, bool]] = []
    for day, shift in enumerate(row):
        worked = shift is not None
        if runs and runs[-1][2] == worked:
            runs[-1] = (runs[-1][0], day, worked)
        else:
            runs.append((day, day, worked))
    return runs


def _staff_violations(instance: Instance, staff: Staff, row: list[str | None]) -> list[Violation]:
    out: list[Violation] = []
    sid = staff.id
    last_day = instance.horizon - 1
    worked_days = [d for d, s in enumerate(row) if s is not None]

    per_type = Counter(s for s in row if s is not None)
    for shift in instance.shifts:
        limit = staff.max_shifts_of(shift.id, instance.horizon)
        if per_type[shift.id] > limit:
            days = tuple(d for d, s in enumerate(row) if s == shift.id)
            out.append(Violation("max_shifts_of_type", sid, days,
                                 f"{per_type[shift.id]} shifts {shift.id}, at most {limit}"))

    minutes = sum(instance.shift(s).minutes for s in row if s is not None)
    if minutes > staff.max_total_minutes:
        out.append(Violation("max_total_minutes", sid, (),
                             f"{minutes} minutes worked, at most {staff.max_total_minutes}"))
    if minutes < staff.min_total_minutes:
        out.append(Violation("min_total_minutes", sid, (),
                             f"{minutes} minutes worked, at least {staff.min_total_minutes}"))

    runs = _runs(row)
    for first, last, worked in runs:
        length = last - first + 1
        days = tuple(range(first, last + 1))
        # Runs touching day 0 or the last day may go on outside the horizon: the minimums
        # apply only to runs bounded on both sides inside it (see the module docstring).
        inside = first > 0 and last < last_day
        if worked and length > staff.max_consecutive_shifts:
            out.append(Violation("max_consecutive_shifts", sid, days,
                                 f"{length} shifts in a row, at most {staff.max_consecutive_shifts}"))
        if worked and inside and length < staff.min_consecutive_shifts:
            out.append(Violation("min_consecutive_shifts", sid, days,
                                 f"{length} shifts in a row, at least {staff.min_consecutive_shifts}"))
        if not worked and inside and length < staff.min_consecutive_days_off:
            out.append(Violation("min_consecutive_days_off", sid, days,
                                 f"{length} days off in a row, at least {staff.min_consecutive_days_off}"))

    weekends_worked = [w for w in instance.weekends() if any(row[d] is not None for d in w)]
    if len(weekends_worked) > staff.max_weekends:
        days = tuple(d for w in weekends_worked for d in w if row[d] is not None)
        out.append(Violation("max_weekends", sid, days,
                             f"{len(weekends_worked)} weekends worked, at most {staff.max_weekends}"))

    for day in worked_days:
        if day in staff.days_off:
            out.append(Violation("day_off", sid, (day,), f"shift {row[day]} on a day off"))

    for day in range(last_day):
        today, tomorrow = row[day], row[day + 1]
        if today is not None and tomorrow is not None and tomorrow in instance.shift(today).forbidden_next:
            out.append(Violation("forbidden_succession", sid, (day, day + 1),
                                 f"shift {tomorrow} may not follow shift {today}"))
    # By rule, then (the sort being stable) by day, whatever order they were found in.
    out.sort(key=lambda v: RULES.index(v.rule))
    return out
