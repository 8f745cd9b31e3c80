"""The community set-up dialog driven as a clerk would, on a real store (temporary SQLite
file, the demo 玉带路社区 loaded for a plain week), asserting on the models, on the database
and on what the solver will be given (`week_scenario` + `Instance`).

Confirmations (QMessageBox.question) are answered by monkeypatching: a modal box would
block an offscreen test forever.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QMessageBox, QTableView

from roster_app.gui.calendar_editor import DayStatus, day_status, describe, toggled
from roster_app.gui.community_setup import CommunitySetupDialog, open_community_setup
from roster_app.gui.demand_editor import StaffingEditor
from roster_app.persistence.database import Database
from roster_app.persistence.setup_edit import SetupEditor, Staffing
from roster_app.persistence.store import RosterStore
from solver.instance import Demand, Instance
from solver.scenario import Assignment, CalendarOverrides, Post, Roster

MONDAY = dt.date(2026, 11, 23)
TODAY = dt.date(2026, 11, 25)  # a Wednesday
SATURDAY = dt.date(2026, 11, 28)


def day(n: int) -> dt.date:
    return MONDAY + dt.timedelta(days=n)


@pytest.fixture
def store(tmp_path):
    store = RosterStore(Database(f"sqlite:///{tmp_path / 'roster.sqlite3'}"))
    store.load_demo(MONDAY)
    yield store
    store.db.close()


@pytest.fixture
def cid(store) -> int:
    return store.communities()[0].id


@pytest.fixture
def dialog(qtbot, store, cid) -> CommunitySetupDialog:
    dialog = CommunitySetupDialog(store, cid, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def instance(store: RosterStore, cid: int) -> Instance:
    return Instance(store.week_scenario(cid, MONDAY))


def type_text(widget, text: str) -> None:
    """Chinese text arrives from the input method as a committed string (QTest's key
    clicks know Latin-1 keys only), so send it the way the input method does."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def click_row(qtbot, view: QTableView, row: int, column: int = 0) -> None:
    index = view.model().index(row, column)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def edit_staffing(qtbot, view: QTableView, row: int, column: int, low: int, high: int) -> None:
    """Click the cell, F2, type the fewest and most people, Enter: as at the keyboard."""
    click_row(qtbot, view, row, column)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.viewport().findChild(StaffingEditor)
    assert editor is not None and editor.isVisible()
    for spin, value in ((editor.min_spin, low), (editor.max_spin, high)):
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, str(value))
    qtbot.keyClick(editor.max_spin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.viewport().findChild(StaffingEditor) is None
                    or not view.viewport().findChild(StaffingEditor).isVisible())


def click_date(qtbot, dialog: CommunitySetupDialog, date: dt.date) -> None:
    calendar = dialog.calendar_tab.calendar
    calendar.setCurrentPage(date.year, date.month)
    centre = calendar.cell_centre(date)
    assert centre is not None
    view = calendar.findChild(QTableView, "qt_calendar_calendarview")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_models_pass_the_model_tester(qtmodeltester, dialog: CommunitySetupDialog, store, cid) -> None:
    SetupEditor(store).close_posts(cid, "west", ["am"], [day(5)])
    dialog.reload()
    for model in (dialog.gates_tab.model, dialog.slots_tab.model, dialog.demand_tab.workday_model,
                  dialog.demand_tab.rest_day_model, dialog.demand_tab.exception_model):
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=True)


def test_a_clerk_sets_up_the_community(qtbot, dialog: CommunitySetupDialog, store, cid) -> None:
    heard: list[int] = []
    store.subscribe(heard.append)

    # 门岗: add 菜市场口 and move it to the third place.
    gates = dialog.gates_tab
    type_text(gates.new_name, "菜市场口")
    qtbot.mouseClick(gates.add_button, Qt.MouseButton.LeftButton)
    assert gates.model.rowCount() == 5
    assert gates.selected_code() == "gate5"
    assert gates.new_name.text() == ""
    qtbot.mouseClick(gates.up_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(gates.up_button, Qt.MouseButton.LeftButton)
    assert [gates.model.gate_at(r).name for r in range(5)] == ["东门", "南门", "菜市场口", "西门", "北门"]
    assert gates.selected_code() == "gate5"
    assert [g.name for g in store.week_scenario(cid, MONDAY).gates] == ["东门", "南门", "菜市场口", "西门", "北门"]

    # 需求: the new gate takes 1–2 people on workday mornings.
    dialog.tabs.setCurrentWidget(dialog.demand_tab)
    demand = dialog.demand_tab
    index = demand.workday_model.index_of("gate5", "am")
    assert index.data() == "不开放"
    edit_staffing(qtbot, demand.workday_view, index.row(), index.column(), 1, 2)
    assert demand.workday_model.index_of("gate5", "am").data() == "1–2 人"
    assert demand.rest_day_model.index_of("gate5", "am").data() == "不开放"
    inst = instance(store, cid)
    assert inst.demand[Post("gate5", day(0), "am")] == Demand(1, 2)
    assert Post("gate5", day(5), "am") not in inst.demand

    # 需求: close 东门's early slot on Wednesday.
    demand.close_gate.setCurrentIndex(demand.close_gate.findData("east"))
    demand.close_from.setDate(QDate(day(2)))
    demand.close_to.setDate(QDate(day(2)))
    early = next(c for c in demand.slot_checks if c.property("slot") == "early")
    qtbot.mouseClick(early, Qt.MouseButton.LeftButton, pos=QPoint(8, early.height() // 2))  # the box
    assert early.isChecked()
    qtbot.mouseClick(demand.close_button, Qt.MouseButton.LeftButton)
    assert demand.exception_model.rowCount() == 1
    assert demand.exception_model.index(0, 3).data() == "不开放"
    inst = instance(store, cid)
    assert inst.demand[Post("east", day(2), "early")].max == 0
    assert inst.demand[Post("east", day(3), "early")] == Demand(2, 3)

    # 规则: the clerk does not mind people changing gates.
    dialog.tabs.setCurrentWidget(dialog.settings_tab)
    spin = dialog.settings_tab.weight_spins["gate_switches"]
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "0")
    qtbot.mouseClick(dialog.settings_tab.save_button, Qt.MouseButton.LeftButton)
    assert store.week_scenario(cid, MONDAY).weights["gate_switches"] == 0
    assert dialog.settings_tab.messages.texts() == {}

    # 日历: Saturday 11-28 becomes a workday (调休 announced late): 北门 opens then.
    dialog.tabs.setCurrentWidget(dialog.calendar_tab)
    assert Post("north", SATURDAY, "early") not in instance(store, cid).demand
    click_date(qtbot, dialog, SATURDAY)
    assert SetupEditor(store).setup(cid).calendar.workdays == {SATURDAY}
    inst = instance(store, cid)
    assert inst.workday[SATURDAY] is True
    assert inst.demand[Post("north", SATURDAY, "early")] == Demand(1, 2)
    assert "本社区改为工作日" in dialog.calendar_tab.info.text()
    assert "11-28" in dialog.calendar_tab.overrides_label.text()

    # One notification per write, all about this community.
    assert heard == [cid] * 7  # add, two moves, demand, closing, weights, calendar
    assert dialog.status.text().startswith("✓")


def test_calendar_second_click_restores_the_official_day(qtbot, dialog, store, cid) -> None:
    dialog.tabs.setCurrentWidget(dialog.calendar_tab)
    national_day = dt.date(2026, 10, 1)
    click_date(qtbot, dialog, national_day)
    assert SetupEditor(store).setup(cid).calendar.workdays == {national_day}
    click_date(qtbot, dialog, national_day)
    assert SetupEditor(store).setup(cid).calendar == CalendarOverrides()
    assert dialog.calendar_tab.info.text() == "2026-10-01 周四：国庆节，法定假日，休息日"
    # The keyboard way: the selected date and the button.
    qtbot.mouseClick(dialog.calendar_tab.toggle_button, Qt.MouseButton.LeftButton)
    assert SetupEditor(store).setup(cid).calendar.workdays == {national_day}


def test_day_status_and_toggling() -> None:
    adjusted = dt.date(2026, 10, 10)  # a Saturday worked for National Day
    status = day_status(adjusted, CalendarOverrides())
    assert (status.workday, status.official, status.adjusted, status.holiday) == (True, True, True, None)
    assert toggled(status) is False
    assert "调休上班" in describe(status)
    made_rest = day_status(adjusted, CalendarOverrides(rest_days=frozenset({adjusted})))
    assert made_rest.workday is False and toggled(made_rest) is None
    future = day_status(dt.date(2031, 1, 6), CalendarOverrides())
    assert future == DayStatus(dt.date(2031, 1, 6), True, True, None, None, False, False)
    assert "国家安排未知" in describe(future)


def test_refusals_are_shown_beside_the_fields_and_change_nothing(qtbot, dialog, store, cid) -> None:
    before = store.week_scenario(cid, MONDAY)

    gates = dialog.gates_tab
    type_text(gates.new_name, "东门")
    qtbot.keyClick(gates.new_name, Qt.Key.Key_Return)
    assert gates.add_message.isVisible()
    assert gates.add_message.text() == "已经有叫“东门”的了，请换一个名称"
    assert gates.model.rowCount() == 4

    # 东门 takes 1 person on workday mornings: it cannot require 2 party members.
    gates.select("east")
    gates.party_spin.setValue(2)
    gates.name_edit.clear()
    qtbot.mouseClick(gates.save_button, Qt.MouseButton.LeftButton)
    texts = gates.messages.texts()
    assert texts["name"] == "请填写"
    assert texts["needs"].startswith("要求每岗 2 人，超过了这些岗位的最少人数：上午、下午")

    dialog.tabs.setCurrentWidget(dialog.slots_tab)
    slots = dialog.slots_tab
    qtbot.mouseClick(slots.new_button, Qt.MouseButton.LeftButton)
    type_text(slots.name_edit, "夜班")
    slots.start_edit.setTime(slots.start_edit.time().fromString("22:00", "HH:mm"))
    slots.end_edit.setTime(slots.end_edit.time().fromString("21:00", "HH:mm"))
    qtbot.mouseClick(slots.save_button, Qt.MouseButton.LeftButton)
    assert slots.messages.texts() == {"end": "开始 22:00 应早于结束 21:00"}
    assert slots.model.rowCount() == 4

    dialog.tabs.setCurrentWidget(dialog.demand_tab)
    demand = dialog.demand_tab
    index = demand.rest_day_model.index_of("south", "am")
    edit_staffing(qtbot, demand.rest_day_view, index.row(), index.column(), 3, 2)
    assert demand.table_message.isVisible()
    assert demand.table_message.text() == "南门 上午（休息日）：最少 3 人多于最多 2 人"
    assert demand.rest_day_model.index_of("south", "am").data() == "1–2 人"
    qtbot.mouseClick(demand.close_button, Qt.MouseButton.LeftButton)  # no slot ticked
    assert demand.closing_messages.texts() == {"slots": "请填写"}

    dialog.tabs.setCurrentWidget(dialog.settings_tab)
    settings = dialog.settings_tab
    settings.name_edit.clear()
    settings.work_start.setTime(settings.work_start.time().fromString("19:00", "HH:mm"))
    qtbot.mouseClick(settings.save_button, Qt.MouseButton.LeftButton)
    assert settings.messages.texts() == {"name": "请填写", "work_start": "开始 19:00 应早于结束 18:00"}

    assert store.week_scenario(cid, MONDAY) == before


def test_removing_and_closing_gates(qtbot, dialog, store, cid, monkeypatch) -> None:
    store.save_roster(cid, MONDAY, Roster("玉带路社区", "FEASIBLE", (Assignment("v01", "west", day(0), "am"),)))
    dialog.reload()
    answers: list[str] = []

    def answer_yes(parent, title, text, *args):
        answers.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    gates = dialog.gates_tab
    click_row(qtbot, gates.view, gates.model.row_of("west"))
    assert gates.model.index(gates.model.row_of("west"), 2).data() == "1 周（最近 11-23）"
    qtbot.mouseClick(gates.remove_button, Qt.MouseButton.LeftButton)
    assert answers == []  # refused outright: no question asked
    assert gates.list_message.text().startswith("“西门”已用在 11-23 这几周的排班表里，不能删除")
    assert gates.model.rowCount() == 4

    qtbot.mouseClick(gates.close_button, Qt.MouseButton.LeftButton)
    assert len(answers) == 1 and "西门" in answers[0]
    assert not [p for p in instance(store, cid).demand if p.gate == "west"]
    dialog.tabs.setCurrentWidget(dialog.demand_tab)
    assert dialog.demand_tab.workday_model.index_of("west", "am").data() == "不开放"

    dialog.tabs.setCurrentWidget(dialog.gates_tab)
    click_row(qtbot, gates.view, gates.model.row_of("north"))
    qtbot.mouseClick(gates.remove_button, Qt.MouseButton.LeftButton)
    assert [g.id for g in store.week_scenario(cid, MONDAY).gates] == ["east", "south", "west"]
    assert gates.model.rowCount() == 3


def test_slots_edit_and_reopen_closed_dates(qtbot, dialog, store, cid) -> None:
    slots = dialog.slots_tab
    dialog.tabs.setCurrentWidget(slots)
    click_row(qtbot, slots.view, slots.model.row_of("eve"))
    slots.end_edit.setTime(slots.end_edit.time().fromString("21:00", "HH:mm"))
    qtbot.mouseClick(slots.save_button, Qt.MouseButton.LeftButton)
    assert store.week_scenario(cid, MONDAY).slot("eve").label == "18:00–21:00"
    assert slots.model.index(slots.model.row_of("eve"), 2).data() == "3 小时"

    SetupEditor(store).close_posts(cid, "south", ["am", "pm"], [day(1)])
    dialog.reload()
    demand = dialog.demand_tab
    dialog.tabs.setCurrentWidget(demand)
    # One box per slot, with the new times; none left over from before the reload.
    boxes = [c.text() for c in demand.findChildren(QCheckBox) if c.property("slot") and c.isVisible()]
    assert boxes == ["早班 06:00–08:00", "上午 08:00–12:00", "下午 12:00–18:00", "晚班 18:00–21:00"]
    assert demand.exception_model.rowCount() == 2
    click_row(qtbot, demand.exception_view, 0)
    qtbot.mouseClick(demand.reopen_button, Qt.MouseButton.LeftButton)
    assert demand.exception_model.rowCount() == 1
    inst = instance(store, cid)
    assert inst.demand[Post("south", day(1), "am")] == Demand(1, 2)
    assert inst.demand[Post("south", day(1), "pm")].max == 0


def test_open_community_setup(qtbot, store, cid) -> None:
    dialog = open_community_setup(None, store, cid)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert dialog.windowTitle() == "社区设置 — 玉带路社区"
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == ["门岗", "班次", "需求", "规则", "班次衔接", "日历"]
    dialog.settings_tab.name_edit.setText("玉带路社区（东区）")
    qtbot.mouseClick(dialog.settings_tab.save_button, Qt.MouseButton.LeftButton)
    assert dialog.windowTitle() == "社区设置 — 玉带路社区（东区）"
    assert store.communities()[0].name == "玉带路社区（东区）"


def test_settings_round_trip_through_the_form(qtbot, dialog, store, cid) -> None:
    settings = dialog.settings_tab
    assert settings.settings() == SetupEditor(store).setup(cid).settings
    settings.rule_fields["max_consecutive_days"].unlimited.setChecked(True)
    settings.kind_caps["youth"].set_value(4.5)
    settings.weights_box.setChecked(False)
    qtbot.mouseClick(settings.save_button, Qt.MouseButton.LeftButton)
    scenario = store.week_scenario(cid, MONDAY)
    assert scenario.rules.max_consecutive_days is None
    assert scenario.rules.kind_max_hours_per_week == {"youth": 4.5}
    assert scenario.weights is None
    assert Staffing(0, 0).closed


def test_a_closed_post_shows_closed_in_the_roster_grid(dialog, store, cid) -> None:
    """The grid reads the week through WeekData: a post closed on a date is 不开放 there."""
    from roster_app.gui.roster_model import PostState, RosterGridModel
    from roster_app.gui.week_data import WeekData

    SetupEditor(store).close_posts(cid, "east", ["early"], [day(2)])
    week = WeekData(store.week_scenario(cid, MONDAY), None)
    closed, open_ = Post("east", day(2), "early"), Post("east", day(3), "early")
    assert closed not in week.staffing and open_ in week.staffing
    model = RosterGridModel()
    model.set_week(week)
    assert model.index_of(closed).data(RosterGridModel.StateRole) == PostState.CLOSED
    assert model.index_of(closed).data() == "不开放"
    assert model.index_of(open_).data(RosterGridModel.StateRole) == PostState.OPEN


# --- 班次衔接: forbidden sequences -------------------------------------------------------------


def choose(combo, code: str) -> None:
    combo.setCurrentIndex(combo.findData(code))


def test_forbidden_sequences_added_shown_by_name_and_removed(qtbot, dialog, store, cid) -> None:
    tab = dialog.sequences_tab
    dialog.tabs.setCurrentWidget(tab)
    assert tab.model.rowCount() == 0 and not tab.remove_button.isEnabled()
    assert [tab.first_combo.itemData(i) for i in range(tab.first_combo.count())] == ["early", "am", "pm", "eve"]
    choose(tab.first_combo, "eve")
    choose(tab.second_combo, "early")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    choose(tab.first_combo, "eve")
    choose(tab.second_combo, "eve")  # no two evenings running
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert store.week_scenario(cid, MONDAY).rules.forbidden_sequences == (("eve", "early"), ("eve", "eve"))
    names = {s.id: s.name for s in store.week_scenario(cid, MONDAY).slots}
    assert [[tab.model.index(r, c).data() for c in range(2)] for r in range(2)] == [
        [names["eve"], names["early"]], [names["eve"], names["eve"]]]
    assert dialog.status.text().startswith("✓ 已添加")

    # The same pair again is refused beside the list, by the slots' names; nothing changes.
    choose(tab.first_combo, "eve")
    choose(tab.second_combo, "early")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert tab.message.isVisible() and tab.message.text() == f"“{names['eve']} → {names['early']}”已经列过了"
    assert store.week_scenario(cid, MONDAY).rules.forbidden_sequences == (("eve", "early"), ("eve", "eve"))

    # The settings tab's save keeps them.
    qtbot.mouseClick(dialog.settings_tab.save_button, Qt.MouseButton.LeftButton)
    assert store.week_scenario(cid, MONDAY).rules.forbidden_sequences == (("eve", "early"), ("eve", "eve"))

    click_row(qtbot, tab.view, 0)
    assert tab.remove_button.isEnabled()
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert not tab.message.isVisible()
    assert store.week_scenario(cid, MONDAY).rules.forbidden_sequences == (("eve", "eve"),)
    assert tab.model.rowCount() == 1


def test_a_forbidden_sequence_keeps_the_solver_from_it(qtbot, dialog, store, cid) -> None:
    """What the tab writes is a rule the solver keeps (checked by the validator)."""
    from solver.model import SolveOptions, solve
    from solver.validate import validate

    tab = dialog.sequences_tab
    choose(tab.first_combo, "eve")
    choose(tab.second_combo, "early")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    scenario = store.week_scenario(cid, MONDAY)
    roster = solve(scenario, SolveOptions(time_limit_s=5))
    assert roster.status in ("OPTIMAL", "FEASIBLE") and validate(scenario, roster) == []
    evenings = {(a.volunteer, a.date) for a in roster.assignments if a.slot == "eve"}
    assert not [a for a in roster.assignments
                if a.slot == "early" and (a.volunteer, a.date - dt.timedelta(days=1)) in evenings]
