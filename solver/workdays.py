"""Which dates are workdays (工作日) by the Chinese official calendar.

Public holidays are rest days and some weekends are adjusted workdays (调休), so a
Monday–Friday rule is wrong several weeks a year. The `chinese_calendar` package knows the
State Council's arrangement for the years it was released with; past its last year we fall
back to Monday–Friday and say so, and the clerk's per-date overrides (the scenario's
`calendar` field) always win.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable

import chinese_calendar

from solver.scenario import CalendarOverrides


def monday_of(day: dt.date) -> dt.date:
    """The Monday of the week `day` falls in: weeks are planned Monday to Sunday."""
    return day - dt.timedelta(days=day.weekday())


class WorkdayCalendar:
    """Answers `is_workday(date)`; collects a warning for each year it had to guess."""

    def __init__(self, overrides: CalendarOverrides = CalendarOverrides()):
        self.overrides = overrides
        self._guessed_years: set[int] = set()

    def is_workday(self, day: dt.date) -> bool:
        if day in self.overrides.workdays:
            return True
        if day in self.overrides.rest_days:
            return False
        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:
            # The package raises for years it has no official arrangement for.
            self._guessed_years.add(day.year)
            return day.weekday() < 5

    def warnings(self) -> tuple[str, ...]:
        return tuple(
            f"The official holiday calendar for {year} is not known to this program; "
            f"Monday–Friday are taken as workdays. Enter {year}'s holidays and adjusted "
            f"workdays (调休) as calendar overrides."
            for year in sorted(self._guessed_years)
        )


def workday_flags(days: Iterable[dt.date], overrides: CalendarOverrides = CalendarOverrides()) -> tuple[dict[dt.date, bool], tuple[str, ...]]:
    """Workday status of each date, with warnings for guessed years."""
    calendar = WorkdayCalendar(overrides)
    flags = {day: calendar.is_workday(day) for day in days}
    return flags, calendar.warnings()
