"""`PrintWeek`: the week as the outputs read it, from the store as the window reads it."""

from __future__ import annotations

import datetime as dt

from roster_app.demo import DEMO_CONTACT, DEMO_NAME
from roster_app.output.week import PrintWeek, week_span_label
from roster_app.persistence import Database, RosterStore
from solver.scenario import Assignment, Post

from tests.output.conftest import MONDAY, PRINTED_ON, make_week


def test_from_store_reads_the_saved_week(tmp_path, demo_roster):
    db = Database(f"sqlite:///{tmp_path / 'roster.sqlite3'}")
    try:
        store = RosterStore(db)
        community = store.load_demo(MONDAY)
        _, roster = demo_roster
        store.save_roster(community, MONDAY, roster)
        week = PrintWeek.from_store(store, community, MONDAY, printed_on=PRINTED_ON)
    finally:
        db.close()
    assert (week.community, week.contact, week.printed_on) == (DEMO_NAME, DEMO_CONTACT, PRINTED_ON)
    assert week.dates[0] == MONDAY and len(week.dates) == 7
    saved = {(a.volunteer, a.gate, a.date, a.slot, a.pinned) for a in roster.assignments}
    assert {(a.volunteer, a.gate, a.date, a.slot, a.pinned) for a in week.assignments} == saved
    some = roster.assignments[0].volunteer
    assert week.phone_of(some).count("*") == 4 and len(week.phone_of(some, full=True)) == 11


def test_questions_the_outputs_ask(small_week):
    east_monday_early = Post("east", MONDAY, "early")
    assert [a.volunteer for a in small_week.people_at(east_monday_early)] == ["zgl", "lm"]  # pinned first
    assert small_week.is_open(east_monday_early)
    assert not small_week.is_open(Post("east", MONDAY, "am"))
    assert not small_week.is_open(Post("north", MONDAY + dt.timedelta(days=5), "early"))  # workdays only
    assert small_week.shortage_at(Post("east", MONDAY + dt.timedelta(days=1), "early")).missing == 1
    assert small_week.phone_of("zgl") == "138****1234"
    assert small_week.phone_of("zgl", full=True) == "13812341234"
    assert small_week.phone_of("wf") == ""  # no phone recorded
    assert [a.date.day for a in small_week.posts_of("zgl")] == [23, 28]
    assert small_week.people_on_duty == ["lm", "wf", "zgl"]  # li, wang, zhang
    assert small_week.kinds_present() == ["employed_party", "nonemployed_party", "resident"]


def test_a_removed_volunteer_still_prints_by_id():
    week = make_week(assignments=(Assignment("gone", "east", MONDAY, "early"),))
    assert week.name_of("gone") == "gone"
    assert week.kind_label("gone") == "其他"
    assert week.phone_of("gone") == ""


def test_week_span_label():
    dates = tuple(MONDAY + dt.timedelta(days=i) for i in range(7))
    assert week_span_label(dates) == "2026年11月23日（周一）至11月29日（周日）"
    new_year = tuple(dt.date(2025, 12, 29) + dt.timedelta(days=i) for i in range(7))
    assert week_span_label(new_year) == "2025年12月29日（周一）至2026年1月4日（周日）"
