"""Repair after a drop-out (请假/退出), as a clerk does it, on the demo 玉带路社区.

The clerk right-clicks a volunteer, ticks the days they cannot come, and gets the fewest
changes as a before/after list: 接受 changes the roster as one undoable command, 放弃 leaves
it as it was (the dates away stay saved and the broken posts show under 问题). The repair is
solved by the real solver (`SolveOptions(repair=True)`) on its worker thread.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import defaultdict
from dataclasses import replace

import pytest
from PySide6.QtCore import QSettings, Qt

from roster_app.gui.app import open_store
from roster_app.gui.main_window import PROBLEMS_TAB, MainWindow
from roster_app.gui.problems_panel import RULE
from roster_app.gui.repair_dialog import (
    RepairChangesModel,
    RepairDialog,
    default_away_dates,
    repair_rows,
    repair_scenario,
)
from roster_app.gui.week_data import WeekData, derive_roster
from solver.scenario import Assignment
from solver.validate import hard_violations
from tests.gui.test_roster_editing import MONDAY, TODAY, community, greedy_roster, saved


@pytest.fixture
def store(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'roster.db'}")
    cid = community(store)
    store.save_roster(cid, MONDAY, greedy_roster(store.week_scenario(cid, MONDAY)))
    yield store
    store.db.close()


def make_window(qtbot, store, tmp_path, **kwargs) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, today=lambda: TODAY, settings=settings, **kwargs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot, store, tmp_path):
    return make_window(qtbot, store, tmp_path)


def someone_on_two_days(week: WeekData) -> tuple[str, list[dt.date]]:
    """A volunteer with posts on two dates from TODAY on, and those two dates."""
    dates = defaultdict(set)
    for a in week.assignments:
        if a.date >= TODAY:
            dates[a.volunteer].add(a.date)
    volunteer = next(v for v in sorted(dates) if len(dates[v]) >= 2)
    return volunteer, sorted(dates[volunteer])[:2]


def away_in_store(store, volunteer: str) -> frozenset:
    scenario = store.week_scenario(community(store), MONDAY)
    return next(v for v in scenario.volunteers if v.id == volunteer).unavailable_dates


def open_repair_from_list(qtbot, window, volunteer: str, dates: list[dt.date]) -> RepairDialog:
    """Right-click the volunteer in the list, 请假/退出…, tick exactly `dates`, confirm;
    wait for the proposal."""
    row = window.volunteer_model.row_of(volunteer)
    menu = window.volunteer_menu(row)
    action = next(a for a in menu.actions() if "请假/退出" in a.text())
    assert action.isEnabled()
    action.trigger()
    dialog = window.away_dialog
    assert dialog is not None and dialog.isVisible()
    for day, box in dialog.boxes.items():
        if box.isChecked() != (day in dates):
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert dialog.chosen_dates() == dates
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    repair = window.repair_dialog
    assert repair is not None and repair.isVisible()
    qtbot.waitUntil(lambda: not repair.is_solving(), timeout=60_000)
    return repair


def test_accepting_a_repair_changes_only_the_drop_outs_posts_and_undo_restores(qtbot, qtmodeltester, window, store):
    before = saved(store)
    volunteer, dates = someone_on_two_days(window.grid_model.week())
    their_posts = {(v, g, d, s) for v, g, d, s, _ in before if v == volunteer and d in dates}
    assert len({d for _, _, d, _ in their_posts}) == 2

    repair = open_repair_from_list(qtbot, window, volunteer, dates)
    # The dates are saved as soon as the clerk confirms them, before any answer.
    assert away_in_store(store, volunteer) == frozenset(dates)
    assert saved(store) == before  # nothing changed in the roster yet
    assert repair.proposal is not None and repair.accept_button.isEnabled()
    qtmodeltester.check(repair.model)

    # The list shows exactly the drop-out's posts, the person under 原来.
    name = window.grid_model.week().volunteer_names[volunteer]
    assert {(r.post.gate, r.post.date, r.post.slot) for r in repair.rows} == {(g, d, s) for _, g, d, s in their_posts}
    model = repair.model
    for row in range(model.rowCount()):
        assert model.index(row, RepairChangesModel.BEFORE).data() == name
        assert model.index(row, RepairChangesModel.AFTER).data() != name
        if repair.rows[row].short:
            assert "仍缺" in model.index(row, RepairChangesModel.NOTE).data()

    with qtbot.waitSignal(window.roster_edited):
        qtbot.mouseClick(repair.accept_button, Qt.MouseButton.LeftButton)
    after = saved(store)
    removed = {k[:4] for k in before - after}
    added = {k[:4] for k in after - before}
    assert removed == their_posts  # only the drop-out's posts on those dates left
    touched = {(g, d, s) for _, g, d, s in their_posts}
    assert all((g, d, s) in touched for _, g, d, s in added)  # only those posts got someone new
    assert all(v != volunteer for v, *_ in added)
    scenario = store.week_scenario(community(store), MONDAY)
    roster = store.week_roster(community(store), MONDAY)
    assert hard_violations(scenario, roster.assignments) == []
    assert window.grid_model.week().violations == ()
    assert window.undo_stack().count() == 1
    assert "已按调整方案修改" in window.statusBar().currentMessage()

    window.undo_action.trigger()
    assert saved(store) == before
    assert away_in_store(store, volunteer) == frozenset(dates)  # undo is of the roster, not of the leave
    window.redo_action.trigger()
    assert saved(store) == after


def test_rejecting_a_repair_changes_nothing_and_the_problems_show(qtbot, window, store):
    before = saved(store)
    volunteer, dates = someone_on_two_days(window.grid_model.week())
    repair = open_repair_from_list(qtbot, window, volunteer, dates)
    assert repair.rows
    qtbot.mouseClick(repair.reject_button, Qt.MouseButton.LeftButton)
    assert not repair.isVisible()
    assert saved(store) == before
    assert window.undo_stack().count() == 0
    # The dates away stay; the posts they break are listed under 问题.
    assert away_in_store(store, volunteer) == frozenset(dates)
    assert window.side_tabs.currentIndex() == PROBLEMS_TAB
    problems = window.problems.model
    assert problems.count(RULE) == sum(1 for v, _, d, _, _ in before if v == volunteer and d in dates)
    assert "已放弃调整" in window.statusBar().currentMessage()


def test_the_grid_context_menu_offers_leave_for_the_name_with_its_date_ticked(qtbot, window, store):
    week = window.grid_model.week()
    post, volunteer = next((p, people[0].volunteer) for p, people in sorted(week.people_at.items(), key=lambda item: (item[0].date, item[0].slot, item[0].gate))
                           if people and p.date > TODAY + dt.timedelta(days=1))
    menu = window.cell_menu(post, volunteer)
    name = week.volunteer_names[volunteer]
    action = next(a for a in menu.actions() if a.text() == f"{name} 请假/退出…")
    action.trigger()
    dialog = window.away_dialog
    assert dialog.boxes[post.date].isChecked()
    assert dialog.boxes[MONDAY].isChecked() is False  # a day gone by is not ticked
    assert dialog.chosen_dates() == default_away_dates(week.dates, TODAY)
    dialog.reject()
    assert away_in_store(store, volunteer) == frozenset()


def test_someone_without_posts_on_the_days_needs_no_repair(qtbot, window, store):
    week = window.grid_model.week()
    busy = {a.volunteer for a in week.assignments if a.date >= TODAY}
    idle = next(v.id for v in week.scenario.volunteers if v.id not in busy)
    before = saved(store)
    assert window.repair_dropout(idle, [TODAY, TODAY + dt.timedelta(days=1)]) is None
    assert window.repair_dialog is None
    assert "排班表不用改" in window.statusBar().currentMessage()
    assert away_in_store(store, idle) == frozenset({TODAY, TODAY + dt.timedelta(days=1)})
    assert saved(store) == before


def test_a_published_week_refuses_leave_until_reopened(qtbot, window, store):
    volunteer, _dates = someone_on_two_days(window.grid_model.week())
    window.publish_week()
    menu = window.volunteer_menu(window.volunteer_model.row_of(volunteer))
    assert not next(a for a in menu.actions() if "请假/退出" in a.text()).isEnabled()
    assert window.start_repair(volunteer) is None
    assert not window.repair_action.isEnabled()


def test_stop_keeps_the_best_proposal_so_far(qtbot, store, tmp_path):
    """A slow search stopped with 停止 still proposes what it found."""
    started = threading.Event()

    def slow_solve(scenario, options, on_progress=None, stop=None):
        assert options.repair  # the window asks for a repair, not a fresh solve
        started.set()
        stop.wait(30)
        kept = tuple(a for a in scenario.previous + scenario.pinned
                     if a.date not in next(v for v in scenario.volunteers if v.id == volunteer).unavailable_dates
                     or a.volunteer != volunteer)
        return derive_roster(scenario, kept, None)

    from solver.model import SolveOptions

    window = make_window(qtbot, store, tmp_path, solve=slow_solve, solve_options=SolveOptions(time_limit_s=30))
    volunteer, dates = someone_on_two_days(window.grid_model.week())
    repair = window.repair_dropout(volunteer, dates)
    qtbot.waitUntil(started.is_set)
    assert repair.is_solving() and not repair.accept_button.isEnabled()
    qtbot.mouseClick(repair.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not repair.is_solving())
    assert repair.proposal is not None and repair.accept_button.isEnabled()
    assert all(r.before and not r.after and r.short for r in repair.rows)  # nobody refilled
    repair.reject()


def test_closing_the_proposal_mid_search_saves_nothing(qtbot, store, tmp_path):
    def endless(scenario, options, on_progress=None, stop=None):
        stop.wait(30)
        return derive_roster(scenario, (), None)

    window = make_window(qtbot, store, tmp_path, solve=endless)
    before = saved(store)
    volunteer, dates = someone_on_two_days(window.grid_model.week())
    repair = window.repair_dropout(volunteer, dates)
    assert repair.is_solving()
    repair.reject()  # 放弃 while it still searches: the worker is stopped first
    assert not repair.is_solving() and repair.proposal is None
    assert saved(store) == before and window.undo_stack().count() == 0


# --- the plain functions -------------------------------------------------------------------


def test_repair_scenario_releases_only_the_drop_outs_pins_on_the_days(store):
    cid = community(store)
    scenario = store.week_scenario(cid, MONDAY)
    a = scenario.previous[0]
    b = next(x for x in scenario.previous if x.volunteer != a.volunteer)
    thursday = dt.date(2026, 11, 26)
    pins = (Assignment(a.volunteer, a.gate, thursday, a.slot, True), Assignment(b.volunteer, b.gate, thursday, b.slot, True))
    scenario = replace(scenario, pinned=pins)
    repaired = repair_scenario(scenario, a.volunteer, [thursday])
    assert repaired.pinned == pins[1:]  # the others' pins hold
    assert Assignment(a.volunteer, a.gate, thursday, a.slot, False) in repaired.previous
    assert thursday in repaired.volunteer(a.volunteer).unavailable_dates


def test_repair_rows_pair_before_and_after_per_post(store):
    cid = community(store)
    week = WeekData(store.week_scenario(cid, MONDAY), store.week_roster(cid, MONDAY))
    first = week.assignments[0]
    second = next(a for a in week.assignments if a.post != first.post)
    idle = next(v.id for v in week.scenario.volunteers if v.id not in {first.volunteer, second.volunteer})
    changed = tuple(a for a in week.assignments if a not in (first, second)) + (
        Assignment(idle, first.gate, first.date, first.slot),)
    rows = repair_rows(week, derive_roster(week.scenario, changed, week.roster))
    by_post = {r.post: r for r in rows}
    names = week.volunteer_names
    assert by_post[first.post].before == (names[first.volunteer],)
    assert by_post[first.post].after == (names[idle],)
    assert by_post[second.post].after == () and by_post[second.post].before == (names[second.volunteer],)
