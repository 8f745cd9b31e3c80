"""Weeks to print in the output tests: the demo community solved once, and a small hand-made
week whose every name, phone, pin and shortage the tests know.

Qt must be running for fonts to be measured, so every test here gets the `qapp`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from roster_app.demo import DEMO_CONTACT, DEMO_NAME, demo_scenario, demo_volunteer_details
from roster_app.gui.week_data import derive_roster
from roster_app.kinds import VolunteerDetails
from roster_app.output.week import PrintWeek
from solver.model import SolveOptions, solve
from solver.scenario import (
    WEEKDAY_KEYS,
    Assignment,
    DemandRule,
    Gate,
    Scenario,
    Slot,
    Volunteer,
    WorkingHours,
)

MONDAY = dt.date(2026, 11, 23)
PRINTED_ON = dt.date(2026, 11, 20)
CONTACT = "测试社区居委会 电话 010-1234 5678"


@pytest.fixture(autouse=True)
def _qt_running(qapp):
    """Fonts can only be measured with a Q(Gui)Application."""
    yield


@pytest.fixture(scope="session")
def demo_roster():
    """The demo week solved once for all output tests (the answer only needs to be a real
    one, not optimal; 3 s is plenty for a first answer)."""
    scenario = demo_scenario(MONDAY)
    roster = solve(scenario, SolveOptions(time_limit_s=3))
    assert roster.assignments, roster.status
    # Two pins, as the clerk would have set them, so the marks show in every output.
    pinned = {roster.assignments[0], roster.assignments[5]}
    assignments = tuple(replace(a, pinned=True) if a in pinned else a for a in roster.assignments)
    return scenario, replace(roster, assignments=assignments)


@pytest.fixture
def demo_week(demo_roster) -> PrintWeek:
    scenario, roster = demo_roster
    return PrintWeek(scenario, roster, DEMO_NAME, DEMO_CONTACT, demo_volunteer_details(), PRINTED_ON)


SLOTS = (
    Slot("early", "早班", 6 * 60, 8 * 60),
    Slot("am", "上午", 8 * 60, 12 * 60),
    Slot("eve", "晚班", 18 * 60, 22 * 60),
)
EVERYWHEN = {day: ("early", "am", "eve") for day in WEEKDAY_KEYS}

# (id, name, kind, phone)
PEOPLE = (
    ("zgl", "张桂兰", "nonemployed_party", "13812341234"),
    ("lm", "李明", "employed_party", "13987654321"),
    ("wf", "王芳", "resident", None),
    ("zl", "赵磊", "youth", "15011112222"),  # on nobody's post this week
)
PHONES = {vid: phone for vid, _, _, phone in PEOPLE if phone}


def small_scenario(monday: dt.date = MONDAY, gates: tuple[Gate, ...] | None = None) -> Scenario:
    """东门 open early and evening every day (1–2 people), 北门 early on workdays only; the
    am slot is open nowhere (it must print as nothing, not as an empty row)."""
    return Scenario(
        name="测试社区",
        start_date=monday,
        days=7,
        working_hours=WorkingHours(8 * 60, 18 * 60),
        slots=SLOTS,
        gates=gates if gates is not None else (
            Gate("east", "东门", (DemandRule("early", 1, 2), DemandRule("eve", 1, 2))),
            Gate("north", "北门", (DemandRule("early", 1, 1, "workdays"),)),
        ),
        volunteers=tuple(
            Volunteer(vid, name, party_member=kind.endswith("party"), employed=kind == "employed_party",
                      available=EVERYWHEN, kind=kind)
            for vid, name, kind, _ in PEOPLE
        ),
    )


def small_assignments(monday: dt.date = MONDAY) -> tuple[Assignment, ...]:
    day = lambda n: monday + dt.timedelta(days=n)  # noqa: E731 - reads as a table below
    return (
        Assignment("zgl", "east", day(0), "early", pinned=True),
        Assignment("lm", "east", day(0), "early"),
        Assignment("lm", "east", day(0), "eve"),
        Assignment("wf", "north", day(1), "early"),
        Assignment("zgl", "east", day(5), "eve"),
    )


def small_details() -> dict[str, VolunteerDetails]:
    return {vid: VolunteerDetails(kind=kind, phone=phone) for vid, _, kind, phone in PEOPLE}


def make_week(scenario: Scenario | None = None, assignments: tuple[Assignment, ...] | None = None,
              scheduled: bool = True) -> PrintWeek:
    """A small week; its roster is derived from the assignments as a hand edit would be
    (shortages with their reasons), or None when not `scheduled`."""
    scenario = scenario or small_scenario()
    assignments = small_assignments(scenario.start_date) if assignments is None else assignments
    if scheduled:
        roster = derive_roster(scenario, assignments, None)
    else:
        roster = None
        scenario = replace(scenario, pinned=tuple(a for a in assignments if a.pinned))
    return PrintWeek(scenario, roster, "测试社区", CONTACT, small_details(), PRINTED_ON)


@pytest.fixture
def small_week() -> PrintWeek:
    return make_week()
