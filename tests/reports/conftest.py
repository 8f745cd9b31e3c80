"""A small hand-made community with three weeks whose every figure the tests know.

测试社区 has two gates (东门 east, 北门 north) and three slots (早班 06–08 = 2 h, 上午
08–12 = 4 h, 晚班 18–22 = 4 h). Weeks (Mondays):

- 11-23, published: 张桂兰 (无职党员) at 东门 and at 北门, 李明 (在职党员), 王芳 (群众);
- 11-30, published: the same three, one post after 12-04;
- 12-07, a draft: 赵磊 (青年志愿者) and 张桂兰. It must never count.

Over 11-25 … 12-08 (which cuts the first week: its Monday and Tuesday are outside):
张桂兰 8 h / 3 人次 at 东门 and 北门, 李明 12 h / 3 人次, 王芳 6 h / 2 人次; in all 26 h,
8 人次, 3 people; 东门 16 h / 5 人次 / 2 people, 北门 10 h / 3 人次 / 2 people.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from roster_app.kinds import VolunteerDetails
from roster_app.persistence import Database, RosterStore
from roster_app.reports.service_hours import PublishedWeek
from solver.scenario import (
    WEEKDAY_KEYS,
    Assignment,
    DemandRule,
    Gate,
    Roster,
    Scenario,
    Slot,
    Volunteer,
    WorkingHours,
)

WEEK_A = dt.date(2026, 11, 23)
WEEK_B = dt.date(2026, 11, 30)
WEEK_C = dt.date(2026, 12, 7)
RANGE = (dt.date(2026, 11, 25), dt.date(2026, 12, 8))

SLOTS = (
    Slot("early", "早班", 6 * 60, 8 * 60),
    Slot("am", "上午", 8 * 60, 12 * 60),
    Slot("eve", "晚班", 18 * 60, 22 * 60),
)
GATES = (
    Gate("east", "东门", (DemandRule("early", 1, 2), DemandRule("am", 1, 2), DemandRule("eve", 1, 2))),
    Gate("north", "北门", (DemandRule("early", 1, 2), DemandRule("am", 1, 2))),
)
# (id, name, kind, phone)
PEOPLE = (
    ("zgl", "张桂兰", "nonemployed_party", "13812341234"),
    ("lm", "李明", "employed_party", "13987654321"),
    ("wf", "王芳", "resident", None),
    ("zl", "赵磊", "youth", "15011112222"),
)
EVERYWHEN = {day: ("early", "am", "eve") for day in WEEKDAY_KEYS}


def d(month: int, day: int) -> dt.date:
    return dt.date(2026, month, day)


ASSIGNMENTS = {
    WEEK_A: (
        Assignment("zgl", "east", d(11, 23), "early"),   # outside RANGE
        Assignment("lm", "east", d(11, 23), "eve"),      # outside RANGE
        Assignment("zgl", "north", d(11, 25), "am"),
        Assignment("wf", "north", d(11, 25), "early"),
        Assignment("lm", "east", d(11, 28), "am"),
        Assignment("zgl", "east", d(11, 29), "early"),
    ),
    WEEK_B: (
        Assignment("zgl", "east", d(11, 30), "early"),
        Assignment("wf", "north", d(12, 1), "am"),
        Assignment("lm", "east", d(12, 3), "eve"),
        Assignment("lm", "east", d(12, 5), "eve"),
    ),
    WEEK_C: (  # a draft
        Assignment("zl", "east", d(12, 7), "eve"),
        Assignment("zgl", "east", d(12, 8), "early"),
    ),
}
PUBLISHED = (WEEK_A, WEEK_B)


def scenario(monday: dt.date = WEEK_A) -> Scenario:
    return Scenario(
        name="测试社区", start_date=monday, days=7, working_hours=WorkingHours(8 * 60, 18 * 60),
        slots=SLOTS, gates=GATES,
        volunteers=tuple(
            Volunteer(vid, name, party_member=kind.endswith("party"), employed=kind == "employed_party",
                      available=EVERYWHEN, kind=kind)
            for vid, name, kind, _ in PEOPLE
        ),
    )


def details() -> dict[str, VolunteerDetails]:
    return {vid: VolunteerDetails(kind=kind, phone=phone) for vid, _, kind, phone in PEOPLE}


def roster(monday: dt.date) -> Roster:
    return Roster("测试社区", "FEASIBLE", assignments=ASSIGNMENTS[monday])


def published_weeks() -> list[PublishedWeek]:
    """The two published weeks as plain objects, as if read from the store."""
    return [PublishedWeek(scenario(monday), roster(monday)) for monday in PUBLISHED]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[RosterStore]:
    database = Database(f"sqlite:///{tmp_path / 'roster.sqlite3'}")
    yield RosterStore(database)
    database.close()


@pytest.fixture
def community(store: RosterStore) -> int:
    """测试社区 in the store: weeks A and B saved and published, week C saved as a draft."""
    cid = store.import_scenario(scenario(), details(), contact="测试社区居委会 电话 010-1234 5678")
    for monday in (WEEK_A, WEEK_B, WEEK_C):
        store.save_roster(cid, monday, roster(monday))
    for monday in PUBLISHED:
        store.publish_week(cid, monday)
    return cid
