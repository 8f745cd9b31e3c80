"""Hand-built domain objects for the GUI tests: a small two-gate week and its roster.

`national_day_week()` is the week 2026-09-28 … 10-04 (National Day from Thursday): three
workdays, then four rest days, which the grid's header must tell apart.
"""

from __future__ import annotations

import datetime as dt

from solver.scenario import (
    Assignment,
    DemandRule,
    Gate,
    Needs,
    Roster,
    Rules,
    Scenario,
    Shortage,
    Slot,
    Volunteer,
    WorkingHours,
)

MONDAY = dt.date(2026, 9, 28)
ALL_WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def national_day_week() -> Scenario:
    slots = (
        Slot("early", "早班", 6 * 60, 8 * 60),
        Slot("am", "上午", 8 * 60, 12 * 60),
        Slot("eve", "晚班", 18 * 60, 22 * 60),
    )
    gates = (
        Gate("east", "东门", (DemandRule("early", 2, 3), DemandRule("am", 1, 2), DemandRule("eve", 1, 2)),
             Needs(party_member=1)),
        # The north gate opens for the commute on workdays only: closed on the holidays.
        Gate("north", "北门", (DemandRule("early", 1, 1, "workdays"),)),
    )
    volunteers = (
        Volunteer("v1", "张桂兰", True, False, {d: ("early", "am", "eve") for d in ALL_WEEK},
                  max_hours_per_week=12),
        Volunteer("v2", "李建国", True, True, {d: ("early", "eve") for d in ALL_WEEK}),
        Volunteer("v3", "王小明", False, False, {d: ("am",) for d in ALL_WEEK}, max_hours_per_week=8),
        Volunteer("v4", "赵敏", False, False, {"sat": ("am",)}),
    )
    return Scenario(
        name="测试社区",
        start_date=MONDAY,
        days=7,
        working_hours=WorkingHours(8 * 60, 18 * 60),
        slots=slots,
        gates=gates,
        volunteers=volunteers,
        rules=Rules(max_slots_per_day=2, default_max_hours_per_week=10),
    )


KINDS = {"v1": "nonemployed_party", "v2": "employed_party", "v3": "resident", "v4": "youth"}

SHORT_REASON = "只有 1 名志愿者这天早班有空"


def national_day_roster() -> Roster:
    mon, tue = MONDAY, MONDAY + dt.timedelta(days=1)
    return Roster(
        scenario="测试社区",
        status="OPTIMAL",
        assignments=(
            Assignment("v1", "east", mon, "early", pinned=True),
            Assignment("v2", "east", mon, "early"),
            Assignment("v3", "east", mon, "am"),
            Assignment("v2", "east", mon, "eve"),
            Assignment("v1", "east", tue, "early"),
            Assignment("v2", "north", mon, "early"),
        ),
        shortages=(
            Shortage("east", tue, "early", missing=1, unmet_needs=Needs(party_member=0), reason=SHORT_REASON),
            Shortage("east", tue, "eve", missing=0, unmet_needs=Needs(skills={"translation": 1}),
                     reason="no translator"),
        ),
        objective=1234,
        bound=1200,
        wall_time_s=0.5,
    )
