"""One week of one community as the window shows it: plain data, no Qt.

`WeekData` bundles the solver's snapshot of the week (`Scenario`), the saved answer
(`Roster`, or None before the first 自动排班), the kind of every volunteer and the workday
flags of the seven dates, and answers the questions the grid and the volunteer list ask:
which posts are open and how many people they need, who stands at a post, which posts are
short, how many hours each volunteer serves. Both Qt models read from it, so they always
agree with each other.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Mapping

from solver.instance import Demand, Instance
from solver.scenario import Assignment, Post, Roster, Scenario, Shortage


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

    # --- the week's posts ---------------------------------------------------------------

    @property
    def dates(self) -> tuple[dt.date, ...]:
        return self.scenario.dates

    @property
    def workday(self) -> Mapping[dt.date, bool]:
        """Date -> workday (True) or rest day (False), by the Chinese calendar and overrides."""
        return self._instance.workday

    @property
    def calendar_warnings(self) -> tuple[str, ...]:
        """Notes on years the calendar had to guess."""
        return self._instance.warnings

    @property
    def staffing(self) -> dict[Post, Demand]:
        """Every open post -> its min and max; a post missing here is closed (不开放)."""
        return self._instance.demand

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
        cap = self._instance.weekly_cap_hours(self.scenario.volunteer(volunteer_id))
        return None if cap is None else float(cap)

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
