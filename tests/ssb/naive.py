"""A second, deliberately different computation of the benchmark's rules and objective,
for checking `solver.ssb.evaluate` in the tests.

Where the evaluator walks runs of days, this turns each person's row into a string of
``1`` (worked) and ``0`` and asks regular expressions; where it counts with Counters, this
sums over nested loops. Both read the benchmark's definition; neither calls the other.
"""

from __future__ import annotations

import re

from solver.ssb.instance import Instance


def work_string(row) -> str:
    return "".join("0" if shift is None else "1" for shift in row)


def pattern_violations(instance: Instance, staff, row) -> set[tuple[str, tuple[int, ...]]]:
    """(rule, days) of every hard rule `row` breaks for `staff`."""
    found: set[tuple[str, tuple[int, ...]]] = set()
    s = work_string(row)
    for shift in instance.shifts:
        days = tuple(d for d in range(instance.horizon) if row[d] == shift.id)
        if len(days) > staff.max_shifts.get(shift.id, instance.horizon):
            found.add(("max_shifts_of_type", days))
    minutes = 0
    for d in range(instance.horizon):
        for shift in instance.shifts:
            if row[d] == shift.id:
                minutes += shift.minutes
    if minutes > staff.max_total_minutes:
        found.add(("max_total_minutes", ()))
    if minutes < staff.min_total_minutes:
        found.add(("min_total_minutes", ()))

    def spans(regex):
        return {tuple(range(m.start(), m.end())) for m in re.finditer(regex, s)}

    for days in spans(r"(?<!1)1{%d,}(?!1)" % (staff.max_consecutive_shifts + 1)):
        found.add(("max_consecutive_shifts", days))
    if staff.min_consecutive_shifts > 1:
        # A run of ones with a zero on each side: inside the horizon.
        for days in spans(r"(?<=0)1{1,%d}(?=0)" % (staff.min_consecutive_shifts - 1)):
            found.add(("min_consecutive_shifts", days))
    if staff.min_consecutive_days_off > 1:
        for days in spans(r"(?<=1)0{1,%d}(?=1)" % (staff.min_consecutive_days_off - 1)):
            found.add(("min_consecutive_days_off", days))
    worked_weekends = []
    for week in range(instance.horizon // 7):
        saturday, sunday = 7 * week + 5, 7 * week + 6
        if s[saturday] == "1" or s[sunday] == "1":
            worked_weekends.append(tuple(d for d in (saturday, sunday) if s[d] == "1"))
    if len(worked_weekends) > staff.max_weekends:
        found.add(("max_weekends", tuple(d for w in worked_weekends for d in w)))
    for d in sorted(staff.days_off):
        if s[d] == "1":
            found.add(("day_off", (d,)))
    for d in range(instance.horizon - 1):
        if row[d] is not None and row[d + 1] is not None:
            if row[d + 1] in instance.shift(row[d]).forbidden_next:
                found.add(("forbidden_succession", (d, d + 1)))
    return found


def violations(instance: Instance, answer) -> set[tuple[str, str, tuple[int, ...]]]:
    return {
        (rule, staff.id, days)
        for staff in instance.staff
        for rule, days in pattern_violations(instance, staff, answer[staff.id])
    }


def objective(instance: Instance, answer) -> dict[str, int]:
    """The four terms of the objective, summed over nested loops."""
    on = sum(r.weight for r in instance.on_requests if answer[r.staff_id][r.day] != r.shift_id)
    off = sum(r.weight for r in instance.off_requests if answer[r.staff_id][r.day] == r.shift_id)
    under = over = 0
    for c in instance.cover:
        people = 0
        for staff in instance.staff:
            if answer[staff.id][c.day] == c.shift_id:
                people += 1
        under += max(0, c.requirement - people) * c.under_weight
        over += max(0, people - c.requirement) * c.over_weight
    return {"on_request": on, "off_request": off, "under_cover": under, "over_cover": over}
