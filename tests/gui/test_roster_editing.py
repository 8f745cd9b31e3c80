"""Editing the roster by hand in the main window, as a clerk does it, on the demo 玉带路社区.

Every test drives the window (drags and drops, clicks on name chips, keys, context menu
actions, the side panels) and then checks the models and the database. Drags are started
the way the views start them (the dragged row's or chip's mime data) and dropped with real
drag-enter/move/drop events on the grid: a real QDrag would wait for a mouse offscreen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from roster_app.gui.app import open_store
from roster_app.gui.candidates_panel import CandidateListModel
from roster_app.gui.main_window import CANDIDATES_TAB, MainWindow, copy_week
from roster_app.gui.problems_panel import RULE, SHORT, ProblemListModel
from roster_app.gui.roster_model import PROBLEM_BACKGROUND, RosterGridModel, describe_post
from roster_app.gui.volunteer_model import HOURS
from roster_app.gui.week_data import WeekData, derive_roster
from solver import candidates
from solver.instance import Instance
from solver.scenario import Assignment, Post, Roster, Scenario
from solver.validate import hard_violations
from tests.gui.fakes import MONDAY as ND_MONDAY, national_day_week

TODAY = dt.date(2026, 11, 25)
MONDAY = dt.date(2026, 11, 23)
KEY = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def greedy_roster(scenario: Scenario) -> Roster:
    """A valid roster without the solver: each open post filled to its min with the best
    candidate, in post order (fast, and the same on every run)."""
    current = candidates.CurrentRoster(scenario, [])
    out = []
    for post, demand in Instance(scenario).demand.items():
        for _ in range(demand.min):
            ranking = current.rank(post)
            if not ranking.candidates or ranking.room <= 0:
                break
            a = Assignment(ranking.candidates[0].volunteer, post.gate, post.date, post.slot)
            current.add(a)
            out.append(a)
    return derive_roster(scenario, tuple(out), None)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def backend(request) -> str:
    """Module-scoped, so the SQLite runs and the PostgreSQL runs each come as one block."""
    return request.param


@pytest.fixture
def store(request, backend, tmp_path):
    """The clerk's workflows run on a SQLite file and on a street office's PostgreSQL server."""
    if backend == "postgresql":
        server = request.getfixturevalue("postgres_server")
        url = server.new_database()
    else:
        url = f"sqlite:///{tmp_path / 'roster.db'}"
    store = open_store(url)
    community = store.communities()[0].id
    store.save_roster(community, MONDAY, greedy_roster(store.week_scenario(community, MONDAY)))
    yield store
    store.db.close()
    if backend == "postgresql":
        server.drop(url)


@pytest.fixture
def window(qtbot, store, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, today=lambda: TODAY, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def community(store) -> int:
    return store.communities()[0].id


def saved(store, week_start=MONDAY) -> set[tuple]:
    roster = store.week_roster(community(store), week_start)
    return set() if roster is None else {(a.volunteer, a.gate, a.date, a.slot, a.pinned) for a in roster.assignments}


def shown(window) -> set[tuple]:
    model = window.grid_model
    out = set()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            post = index.data(RosterGridModel.PostRole)
            for n in index.data(RosterGridModel.NamesRole):
                out.add((n.volunteer_id, post.gate, post.date, post.slot, n.pinned))
    return out


def key(a: Assignment) -> tuple:
    return a.volunteer, a.gate, a.date, a.slot, a.pinned


def cell_centre(window, post: Post) -> QPoint:
    return window.grid_view.visualRect(window.grid_model.index_of(post)).center()


def chip_centre(window, post: Post, volunteer: str) -> QPoint:
    rect = window.grid_view.name_rect(post, volunteer)
    assert rect is not None, (post, volunteer)
    return rect.center()


def drop(window, mime, pos: QPoint) -> bool:
    """Drag `mime` over the grid to `pos` and drop it; whether the grid accepted it."""
    viewport = window.grid_view.viewport()
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(viewport, QDragEnterEvent(pos, actions, mime, buttons, modifiers))
    move = QDragMoveEvent(pos, actions, mime, buttons, modifiers)
    QApplication.sendEvent(viewport, move)
    if not move.isAccepted():
        return False
    QApplication.sendEvent(viewport, QDropEvent(QPointF(pos), actions, mime, buttons, modifiers))
    return True


def drag_from_list(window, volunteer: str):
    """Select the volunteer's row in the list and take what its drag carries."""
    proxy = window.volunteer_proxy
    row = window.volunteer_model.row_of(volunteer)
    index = proxy.mapFromSource(window.volunteer_model.index(row, 0))
    window.volunteer_view.selectRow(index.row())
    return proxy.mimeData(window.volunteer_view.selectionModel().selectedIndexes())


def hours_listed(window, volunteer: str) -> float:
    model = window.volunteer_model
    return float(model.index(model.row_of(volunteer), HOURS).data())


def a_post_with_room(window, *, exclude=()) -> tuple[Post, str]:
    """An open post with room, and its best candidate."""
    week = window.grid_model.week()
    current = candidates.CurrentRoster(week.scenario, week.assignments)
    for post in week.staffing:
        if post in exclude:
            continue
        ranking = current.rank(post)
        if ranking.room > 0 and ranking.candidates:
            return post, ranking.candidates[0].volunteer
    raise AssertionError("no post with room")


def a_filled_post(window, skip: int = 0) -> tuple[Post, str]:
    week = window.grid_model.week()
    filled = [(p, people[-1].volunteer) for p, people in week.people_at.items() if people]
    return filled[skip]


# --- drag, undo, redo ----------------------------------------------------------------


def test_drag_a_volunteer_onto_a_post_then_undo_and_redo(qtbot, window, store):
    before = saved(store)
    assert shown(window) == before
    post, volunteer = a_post_with_room(window)
    hours = hours_listed(window, volunteer)
    slot_hours = window.grid_model.week().slot_minutes[post.slot] / 60

    with qtbot.waitSignal(window.roster_edited):
        assert drop(window, drag_from_list(window, volunteer), cell_centre(window, post))
    after = before | {(volunteer, post.gate, post.date, post.slot, False)}
    assert saved(store) == after and shown(window) == after
    assert hours_listed(window, volunteer) == hours + slot_hours  # the list follows at once
    assert window.statusBar().currentMessage().startswith("安排 ")
    assert window.grid_view.chosen == (post, volunteer)

    qtbot.keyClick(window.grid_view, *KEY)  # Ctrl+Z
    assert saved(store) == before and shown(window) == before
    assert hours_listed(window, volunteer) == hours
    assert window.statusBar().currentMessage().startswith("撤销：安排 ")

    qtbot.keyClick(window.grid_view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # Ctrl+Shift+Z
    assert saved(store) == after and shown(window) == after
    assert window.statusBar().currentMessage().startswith("重做：安排 ")
    assert window.undo_stack().count() == 1


def test_the_edit_menu_undoes_and_redoes(qtbot, window, store):
    before = saved(store)
    post, volunteer = a_filled_post(window)
    window.remove(volunteer, post)
    assert window.undo_action.isEnabled() and window.undo_action.text() == "撤销 " + window.undo_stack().undoText()
    window.undo_action.trigger()
    assert saved(store) == before
    assert window.redo_action.isEnabled()
    window.redo_action.trigger()
    assert (volunteer, post.gate, post.date, post.slot, False) not in saved(store)


def test_drag_a_name_to_another_post_moves_it(qtbot, window, store):
    source, volunteer = a_filled_post(window)
    week = window.grid_model.week()
    target = next(p for p in week.staffing
                  if p.date == source.date and p.slot == source.slot and p.gate != source.gate
                  and len(week.people_at.get(p, [])) < week.staffing[p].max)
    mime = window.grid_view.drag_mime_at(chip_centre(window, source, volunteer))
    assert mime is not None
    # Between the chips there is nothing to drag.
    assert window.grid_view.drag_mime_at(window.grid_view.visualRect(window.grid_model.index_of(source)).bottomRight()
                                         - QPoint(2, 2)) is None
    before = saved(store)
    assert drop(window, mime, cell_centre(window, target))
    moved = (volunteer, target.gate, target.date, target.slot, False)
    assert moved in saved(store) and (volunteer, source.gate, source.date, source.slot, False) not in saved(store)
    assert len(saved(store)) == len(before)
    assert shown(window) == saved(store)
    assert window.statusBar().currentMessage().startswith(f"把 {week.volunteer_names[volunteer]} 从 ")
    window.undo_action.trigger()
    assert saved(store) == before


def test_drop_a_name_onto_another_name_swaps_them(qtbot, window, store):
    week = window.grid_model.week()
    # Two people on the same date and slot at two gates: a swap keeps both rule-abiding.
    pairs = [(p, q) for p in week.people_at for q in week.people_at
             if p.date == q.date and p.slot == q.slot and p.gate < q.gate]
    first_post, second_post = pairs[0]
    first = week.people_at[first_post][0].volunteer
    second = week.people_at[second_post][0].volunteer
    before = saved(store)
    mime = window.grid_view.drag_mime_at(chip_centre(window, first_post, first))
    assert drop(window, mime, chip_centre(window, second_post, second))
    after = saved(store)
    assert (first, second_post.gate, second_post.date, second_post.slot, False) in after
    assert (second, first_post.gate, first_post.date, first_post.slot, False) in after
    assert len(after) == len(before)
    assert window.statusBar().currentMessage().startswith("对调 ")
    window.undo_action.trigger()
    assert saved(store) == before


def test_a_closed_post_refuses_a_drop(qtbot, window, store):
    week = window.grid_model.week()
    closed = next(Post(g.id, d, s.id) for g in week.scenario.gates for d in week.dates for s in week.scenario.slots
                  if Post(g.id, d, s.id) not in week.staffing)
    before = saved(store)
    assert not drop(window, drag_from_list(window, week.scenario.volunteers[0].id), cell_centre(window, closed))
    assert saved(store) == before and window.undo_stack().count() == 0


# --- choosing a name: Delete, Ctrl+L, the context menu ----------------------------------


def test_click_a_name_then_delete_removes_it(qtbot, window, store):
    post, volunteer = a_filled_post(window, skip=3)
    qtbot.mouseClick(window.grid_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=chip_centre(window, post, volunteer))
    assert window.grid_view.chosen == (post, volunteer)
    qtbot.keyClick(window.grid_view, Qt.Key.Key_Delete)
    assert (volunteer, post.gate, post.date, post.slot, False) not in saved(store)
    assert all(n.volunteer_id != volunteer
               for n in window.grid_model.index_of(post).data(RosterGridModel.NamesRole))
    assert window.statusBar().currentMessage().startswith("从 ")


def test_keys_on_a_cell_without_a_chosen_name_act_on_its_last_name(qtbot, window, store):
    week = window.grid_model.week()
    post = next(p for p, people in week.people_at.items() if len(people) >= 2)
    first, last = week.people_at[post][0].volunteer, week.people_at[post][-1].volunteer
    window.grid_view.setCurrentIndex(window.grid_model.index_of(post))
    window.grid_view.setFocus()
    assert window.grid_view.chosen is None
    qtbot.keyClick(window.grid_view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert (last, post.gate, post.date, post.slot, True) in saved(store)
    # Ctrl+L chose the name it pinned; Backspace (like Delete) removes it.
    qtbot.keyClick(window.grid_view, Qt.Key.Key_Backspace)
    assert all(a[0] != last or (a[1], a[2], a[3]) != (post.gate, post.date, post.slot) for a in saved(store))
    assert (first, post.gate, post.date, post.slot, False) in saved(store)
    qtbot.keyClick(window.grid_view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # who can take it?
    assert window.side_tabs.currentIndex() == CANDIDATES_TAB and window.candidates.post == post
    assert window.undo_stack().count() == 2


def test_ctrl_l_pins_and_the_context_menu_unpins(qtbot, window, store):
    post, volunteer = a_filled_post(window, skip=5)
    name = window.grid_model.week().volunteer_names[volunteer]
    qtbot.mouseClick(window.grid_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=chip_centre(window, post, volunteer))
    qtbot.keyClick(window.grid_view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert (volunteer, post.gate, post.date, post.slot, True) in saved(store)
    index = window.grid_model.index_of(post)
    assert name + "🔒" in index.data(Qt.ItemDataRole.DisplayRole)
    assert any(n.pinned for n in index.data(RosterGridModel.NamesRole) if n.volunteer_id == volunteer)
    # The pin is the scenario's now: 自动排班 keeps it.
    assert any(p.volunteer == volunteer and p.post == post
               for p in store.week_scenario(community(store), MONDAY).pinned)
    assert window.statusBar().currentMessage().startswith(f"锁定 {name}")

    menu = window.cell_menu(post, volunteer)
    unpin = next(a for a in menu.actions() if a.text() == f"取消锁定 {name}")
    unpin.trigger()
    assert (volunteer, post.gate, post.date, post.slot, False) in saved(store)
    remove = next(a for a in window.cell_menu(post, volunteer).actions() if a.text() == f"移除 {name}")
    remove.trigger()
    assert (volunteer, post.gate, post.date, post.slot, False) not in saved(store)
    assert window.undo_stack().count() == 3


def test_the_context_menu_offers_the_best_candidates(qtbot, window, store):
    post, best = a_post_with_room(window)
    week = window.grid_model.week()
    menu = window.cell_menu(post)
    assign_menu = next(a for a in menu.actions() if a.text() == "安排…").menu()
    first = assign_menu.actions()[0]
    assert first.text().startswith(week.volunteer_names[best] + "（本周 ")
    first.trigger()
    assert (best, post.gate, post.date, post.slot, False) in saved(store)


# --- live checking ----------------------------------------------------------------------


def employed_in_working_hours(window) -> tuple[str, Post]:
    week = window.grid_model.week()
    employed = next(v for v in week.scenario.volunteers if v.employed)
    slot = next(s for s in week.scenario.slots if s.start >= 8 * 60 and s.end <= 18 * 60)
    post = next(p for p in week.staffing if p.slot == slot.id and p.date == MONDAY
                and len(week.people_at.get(p, [])) < week.staffing[p].max)
    return employed.id, post


def test_a_broken_rule_shows_on_the_cell_and_in_the_problems_panel(qtbot, window, store):
    assert window.problems.model.count(RULE) == 0
    assert window.side_tabs.tabText(0).startswith("问题")
    volunteer, post = employed_in_working_hours(window)
    name = window.grid_model.week().volunteer_names[volunteer]
    assert window.assign(volunteer, post)  # the clerk may; the check says what it breaks
    index = window.grid_model.index_of(post)
    problems = index.data(RosterGridModel.ProblemsRole)
    # (Employed people do not offer working hours either: two rules, one post.)
    assert sorted(p.rule for p in problems) == ["employed_in_working_hours", "unavailable"]
    assert index.data(Qt.ItemDataRole.BackgroundRole) == PROBLEM_BACKGROUND
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert f"⚠ 违反规则：{name}是在职人员，工作日 8 小时内不排班" in tooltip
    assert f"{name}这个时段不能值班" in tooltip
    broken = len(window.grid_model.week().violations)  # these two and maybe an hour cap
    assert broken >= 2
    assert f"违反规则 {broken} 处" in window.summary_label.text()
    assert f"违反规则 {broken} 处" in window.statusBar().currentMessage()
    # The panel lists it, first; its tab says how many problems there are.
    # The volunteer list marks the person, with the rule in the tooltip.
    row = window.volunteer_model.row_of(volunteer)
    listed = window.volunteer_model.index(row, 0)
    assert listed.data(Qt.ItemDataRole.DecorationRole) is not None
    assert f"⚠ 违反规则：{name}是在职人员" in listed.data(Qt.ItemDataRole.ToolTipRole)
    rows = window.problems.model.problems()
    assert rows[0].kind == RULE and rows[0].post == post and rows[0].volunteer == volunteer
    assert window.side_tabs.tabText(0) == f"问题 ({len(rows)})"
    # Clicking it selects the cell and the person.
    window.grid_view.setCurrentIndex(window.grid_model.index(0, 0))
    view = window.problems.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(view.model().index(0, 1)).center())
    assert window.grid_view.currentIndex() == index
    assert window.grid_view.chosen == (post, volunteer)
    # Undo: the problem goes away with the edit.
    window.undo_action.trigger()
    assert window.grid_model.index_of(post).data(RosterGridModel.ProblemsRole) == []
    assert window.problems.model.count(RULE) == 0


def test_removing_someone_makes_a_short_post_with_a_reason(qtbot, window, store):
    week = window.grid_model.week()
    post = next(p for p, d in week.staffing.items() if d.min >= 1 and len(week.people_at.get(p, [])) == d.min)
    volunteer = week.people_at[post][0].volunteer
    window.remove(volunteer, post)
    roster = store.week_roster(community(store), MONDAY)
    shortage = next(s for s in roster.shortages if s.post == post)
    assert shortage.missing == 1 and shortage.reason.startswith(f"需要 {week.staffing[post].min} 人")
    assert "求解时间不足" not in shortage.reason
    assert any(p.kind == SHORT and p.post == post for p in window.problems.model.problems())
    assert "缺岗" in window.summary_label.text() and "手工调整" in window.summary_label.text()


# --- who can take this post -------------------------------------------------------------


def test_who_can_take_ranks_and_double_click_assigns(qtbot, window, store):
    post, _ = a_post_with_room(window)
    menu = window.cell_menu(post)
    next(a for a in menu.actions() if a.text() == "谁能顶这个岗？").trigger()
    assert window.side_tabs.currentIndex() == CANDIDATES_TAB
    panel = window.candidates
    week = window.grid_model.week()
    ranking = candidates.rank(week.scenario, week.assignments, post)
    model = panel.model
    ids = [model.index(r, 0).data(CandidateListModel.VolunteerIdRole) for r in range(model.rowCount())]
    assert ids == [c.volunteer for c in ranking.candidates] + [b.volunteer for b in ranking.blocked]
    assert model.index(0, 4).data().startswith("最合适：")
    if len(ranking.candidates) > 1:
        assert not model.index(1, 4).data().startswith("最合适")
    blocked_row = len(ranking.candidates)
    assert model.index(blocked_row, 0).data() == "—"
    assert not model.index(blocked_row, 0).data(CandidateListModel.AssignableRole)

    second = min(1, len(ranking.candidates) - 1)
    view = panel.view
    where = view.visualRect(model.index(second, 1)).center()
    # A double click is a click and then a second press that Qt reports as a double click.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    chosen = ranking.candidates[second].volunteer
    assert (chosen, post.gate, post.date, post.slot, False) in saved(store)
    # The panel follows the edit: the person is at the post now, so not listed.
    assert chosen not in [model.index(r, 0).data(CandidateListModel.VolunteerIdRole)
                          for r in range(model.rowCount())]
    window.undo_action.trigger()
    assert (chosen, post.gate, post.date, post.slot, False) not in saved(store)


def test_candidates_and_problems_models_pass_the_model_tester(qtmodeltester, window):
    post, _ = a_post_with_room(window)
    window.show_candidates(post)
    qtmodeltester.check(window.candidates.model)
    volunteer, post = employed_in_working_hours(window)
    window.assign(volunteer, post)
    assert window.problems.model.rowCount() > 0
    qtmodeltester.check(window.problems.model)
    empty = ProblemListModel()
    qtmodeltester.check(empty)


# --- publish, copy, 自动排班 -------------------------------------------------------------


def test_publish_makes_the_week_read_only_until_reopened(qtbot, window, store):
    before = saved(store)
    qtbot.mouseClick(window.publish_button, Qt.MouseButton.LeftButton)
    assert store.week_status(community(store), MONDAY) == "published"
    assert window.published and window.published_label.isVisible()
    assert window.publish_button.text() == "重新打开"
    assert not window.solve_button.isEnabled() and not window.copy_button.isEnabled()
    assert not window.undo_action.isEnabled()
    post, volunteer = a_post_with_room(window)
    assert not drop(window, drag_from_list(window, volunteer), cell_centre(window, post))
    filled, someone = a_filled_post(window)
    qtbot.mouseClick(window.grid_view.viewport(), Qt.MouseButton.LeftButton, pos=chip_centre(window, filled, someone))
    qtbot.keyClick(window.grid_view, Qt.Key.Key_Delete)
    assert not window.assign(volunteer, post)
    assert "已发布" in window.statusBar().currentMessage()
    assert not any(a.isEnabled() for a in window.cell_menu(filled, someone).actions() if a.text().startswith("移除"))
    assert saved(store) == before

    qtbot.mouseClick(window.publish_button, Qt.MouseButton.LeftButton)
    assert store.week_status(community(store), MONDAY) == "draft" and not window.published
    assert drop(window, drag_from_list(window, volunteer), cell_centre(window, post))
    assert (volunteer, post.gate, post.date, post.slot, False) in saved(store)


def test_each_publication_is_kept_and_the_changes_are_shown(qtbot, window, store):
    versions = window.versions
    assert versions.versions_list.count() == 0 and "还没有发布过" in versions.title_label.text()
    qtbot.mouseClick(window.publish_button, Qt.MouseButton.LeftButton)
    assert versions.versions_list.count() == 1
    assert versions.versions_list.item(0).text().startswith("第 1 版")
    assert versions.changes_shown() == [f"第一次发布：共 {len(saved(store))} 人次。"]

    # A drop-out: reopen, take them off, put someone else on; the panel shows the edit at once.
    qtbot.mouseClick(window.publish_button, Qt.MouseButton.LeftButton)
    post, volunteer = a_filled_post(window)
    week = window.grid_model.week()
    gone = f"－ {week.volunteer_names[volunteer]}　{describe_post(week, post)}"
    window.remove(volunteer, post)
    assert versions.versions_list.item(0).text() == "当前（未发布的修改）"
    assert versions.changes_shown() == [gone]
    other, newcomer = a_post_with_room(window, exclude=(post,))
    window.assign(newcomer, other)
    came = f"＋ {week.volunteer_names[newcomer]}　{describe_post(week, other)}"
    assert versions.changes_shown() == [came, gone]

    qtbot.mouseClick(window.publish_button, Qt.MouseButton.LeftButton)
    assert [v.number for v in store.published_versions(community(store), MONDAY)] == [1, 2]
    assert [versions.versions_list.item(i).text()[:5] for i in range(2)] == ["第 2 版", "第 1 版"]
    assert versions.changes_shown() == [came, gone]
    versions.versions_list.setCurrentRow(1)
    assert versions.changes_shown()[0].startswith("第一次发布")


def test_copy_last_week_keeps_what_is_still_allowed(qtbot, window, store):
    week = window.grid_model.week()
    cid = community(store)
    last_monday = MONDAY - dt.timedelta(days=7)
    # Last week: this week's roster a week earlier, plus a post this week's rules refuse
    # (an employed person inside working hours on a workday).
    employed, post = employed_in_working_hours(window)
    earlier = [Assignment(a.volunteer, a.gate, a.date - dt.timedelta(days=7), a.slot) for a in week.assignments]
    refused = Assignment(employed, post.gate, post.date - dt.timedelta(days=7), post.slot)
    store.save_roster(cid, last_monday, Roster("玉带路社区", "FEASIBLE", tuple(earlier + [refused])))
    store.clear_roster(cid, MONDAY)
    window.reload()
    assert saved(store) == set()

    qtbot.mouseClick(window.copy_button, Qt.MouseButton.LeftButton)
    copied = saved(store)
    assert copied == {key(a) for a in week.assignments}
    assert (employed, post.gate, post.date, post.slot, False) not in copied
    message = window.statusBar().currentMessage()
    assert message.startswith(f"已复制上周排班 {len(week.assignments)} 人次；1 人次不再符合规则，没有复制：")
    assert week.volunteer_names[employed] in message
    assert hard_violations(store.week_scenario(cid, MONDAY), store.week_roster(cid, MONDAY).assignments) == []

    window.undo_action.trigger()
    assert saved(store) == set() and store.week_roster(cid, MONDAY) is None


def test_copy_week_respects_this_weeks_pins():
    scenario = national_day_week()
    pin = Assignment("v1", "east", ND_MONDAY, "early", pinned=True)
    week = WeekData(replace(scenario, pinned=(pin,)), Roster("x", "FEASIBLE", (pin,)))
    last = (Assignment("v1", "north", ND_MONDAY - dt.timedelta(days=7), "early"),   # clashes with the pin
            Assignment("v3", "east", ND_MONDAY - dt.timedelta(days=7), "am"),       # fine
            Assignment("v1", "east", ND_MONDAY - dt.timedelta(days=7), "early"))    # already pinned there
    kept, dropped = copy_week(week, last)
    assert kept == [pin, Assignment("v3", "east", ND_MONDAY, "am")]
    assert dropped == [Assignment("v1", "north", ND_MONDAY, "early")]


def test_auto_schedule_is_one_undoable_command(qtbot, window, store):
    before = saved(store)
    week = window.grid_model.week()
    post, volunteer = a_filled_post(window)

    # Worked out here: the stand-in solver runs on the worker thread, away from the database.
    keep = tuple(a for a in store.week_roster(community(store), MONDAY).assignments
                 if not (a.volunteer == volunteer and a.post == post))

    def answer(scenario, options, on_progress=None, stop=None):
        return Roster(scenario.name, "OPTIMAL", keep, objective=0, bound=0, wall_time_s=0.1)

    window._solve = answer
    window._solve_options = object()
    with qtbot.waitSignal(window.solve_finished, timeout=10_000):
        qtbot.mouseClick(window.solve_button, Qt.MouseButton.LeftButton)
    assert len(saved(store)) == len(before) - 1
    assert window.undo_stack().count() == 1 and window.undo_stack().undoText() == "自动排班"
    assert "最优" in window.summary_label.text()
    window.undo_action.trigger()
    assert saved(store) == before
    assert len(week.assignments) == len(before)


def test_a_failed_save_is_reported_and_the_stack_starts_afresh(qtbot, window, store, monkeypatch):
    shown_errors = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown_errors.append(title))
    post, volunteer = a_post_with_room(window)
    before = saved(store)
    store.publish_week(community(store), MONDAY)  # behind the window's back, without a reload
    window._reload_pending = False
    window.published = False
    assert not window.assign(volunteer, post)
    assert shown_errors == ["修改没有保存"]
    assert saved(store) == before
    assert window.undo_stack().count() == 0
    qtbot.waitUntil(lambda: window.published)  # the window read the week again


# --- the layout is remembered ----------------------------------------------------------------


def test_the_window_remembers_its_size_and_splitters(qtbot, store, tmp_path):
    path = str(tmp_path / "layout.ini")
    first = MainWindow(store, today=lambda: TODAY, settings=QSettings(path, QSettings.Format.IniFormat))
    qtbot.addWidget(first)
    first.show()
    first.resize(1200, 800)
    first.main_splitter.setSizes([700, 480])
    first.side_splitter.setSizes([200, 500])
    sizes, side = first.main_splitter.sizes(), first.side_splitter.sizes()
    first.close()

    second = MainWindow(store, today=lambda: TODAY, settings=QSettings(path, QSettings.Format.IniFormat))
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (1200, 800)
    assert second.main_splitter.sizes() == sizes
    assert second.side_splitter.sizes() == side


def test_removing_the_demo_forgets_its_undo_history(qtbot, window, store, monkeypatch):
    post, volunteer = a_filled_post(window)
    window.remove(volunteer, post)
    assert window.undo_action.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(window.demo_banner.remove_button, Qt.MouseButton.LeftButton)
    assert store.communities() == []
    qtbot.mouseClick(window.empty_state.load_demo_button, Qt.MouseButton.LeftButton)
    # The new demo may have the old one's id; its week starts with nothing to undo.
    assert window.undo_stack().count() == 0 and not window.undo_action.isEnabled()


def test_without_settings_or_an_organisation_nothing_is_remembered(qtbot, store, qapp, isolated_settings):
    from pathlib import Path

    organisation = qapp.organizationName()
    qapp.setOrganizationName("")  # as in a script that only made a QApplication
    try:
        window = MainWindow(store, today=lambda: TODAY)
        qtbot.addWidget(window)
        window.show()
        window.close()
    finally:
        qapp.setOrganizationName(organisation)
    assert list(Path(isolated_settings).rglob("*")) == []


def test_the_window_counts_the_short_posts_while_the_clerk_looks(qtbot, window):
    """Before the first edit the window counts the reasons of the week's short posts in
    idle time (so the edit recounts only the people it moves); the edit shows the same."""
    from roster_app.gui import week_data
    from solver.explain import classify

    week = window._week
    assert week.roster.shortages
    qtbot.waitUntil(lambda: not window._count_timer.isActive()
                    and len(week_data._recall(week.roster, week.scenario) or {}) == len(week.roster.shortages))
    counts = week_data._recall(week.roster, week.scenario)
    assert counts == {s.post: classify(week.instance, s.post, week.roster.assignments) for s in week.roster.shortages}
    current = candidates.CurrentRoster(week.scenario, week.assignments, week.instance)
    post, ranking = next((s.post, current.rank(s.post)) for s in week.roster.shortages
                         if current.rank(s.post).candidates)
    volunteer = ranking.candidates[0].volunteer
    assert window.assign(volunteer, post)
    full = derive_roster(week.scenario, week.assignments + (Assignment(volunteer, post.gate, post.date, post.slot),),
                         None)
    assert window._week.roster.shortages == full.shortages
