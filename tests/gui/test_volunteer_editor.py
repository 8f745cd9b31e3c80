"""The volunteer register driven as a clerk would: search, filters, the dialog with its
messages, availability by click and drag, the bulk edit, dates away, deactivation; each
checked in the models and in the database afterwards (a real store on a SQLite file)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from roster_app.gui.availability_grid import AvailabilityGrid, CellState, DateExceptions
from roster_app.gui.volunteer_editor import (
    COL_NAME,
    COL_STATUS,
    INACTIVE_ONLY,
    BulkAvailabilityDialog,
    DatesAwayDialog,
    VolunteerDialog,
    VolunteerFilterProxy,
    VolunteerManager,
    VolunteerTableModel,
    matches,
    open_volunteer_manager,
    pinyin_keys,
    problem_text,
)
from roster_app.persistence import Database, DatabaseError, RosterStore
from roster_app.persistence.volunteer_edit import EMPLOYED, NAME, PHONE, Problem, VolunteerEditStore
from solver.scenario import Assignment, Roster

MONDAY = dt.date(2026, 11, 23)
TODAY = dt.date(2026, 11, 25)
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
SLOTS = ("early", "am", "pm", "eve")


@pytest.fixture
def store(tmp_path):
    store = RosterStore(Database(f"sqlite:///{tmp_path / 'roster.db'}"))
    yield store
    store.db.close()


@pytest.fixture
def demo_id(store) -> int:
    return store.load_demo(MONDAY)


@pytest.fixture
def edits(store) -> VolunteerEditStore:
    return VolunteerEditStore(store)


@pytest.fixture
def manager(qtbot, store, demo_id) -> VolunteerManager:
    manager = VolunteerManager(store, demo_id, today=lambda: TODAY)
    qtbot.addWidget(manager)
    manager.resize(1100, 700)
    manager.show()
    qtbot.waitExposed(manager)
    return manager


class Answers:
    """The clerk's answers to questions (QMessageBox.question would block a test)."""

    def __init__(self) -> None:
        self.asked: list[str] = []  # the text of every question, in order
        self.yes = True

    def __call__(self, _parent, _title, text, *_args):
        self.asked.append(text)
        return QMessageBox.StandardButton.Yes if self.yes else QMessageBox.StandardButton.No


@pytest.fixture
def answers(monkeypatch) -> Answers:
    answers = Answers()
    monkeypatch.setattr(QMessageBox, "question", answers)
    return answers


def shown_names(manager: VolunteerManager) -> list[str]:
    proxy = manager.proxy
    return [proxy.index(row, COL_NAME).data() for row in range(proxy.rowCount())]


def click_row(qtbot, manager: VolunteerManager, code: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Clicks the person's row in the table, as the clerk does (Ctrl adds to the selection)."""
    source = manager.model.index(manager.model.row_of(code), COL_NAME)
    index = manager.proxy.mapFromSource(source)
    assert index.isValid(), f"{code} is not shown"
    manager.view.scrollTo(index)
    rect = manager.view.visualRect(index)
    qtbot.mouseClick(manager.view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def centre(grid: AvailabilityGrid, day: int, slot: str) -> QPoint:
    return grid.cell_rect(day, SLOTS.index(slot)).center()


def drag(qtbot, grid: AvailabilityGrid, cells: list[tuple[int, str]]) -> None:
    """Presses on the first cell and moves over the others before letting go."""
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=centre(grid, *cells[0]))
    for cell in cells[1:]:
        qtbot.mouseMove(grid, centre(grid, *cell))
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=centre(grid, *cells[-1]))


def ime_type(widget, text: str) -> None:
    """Types Chinese as a clerk does: through the input method, which commits the text
    (QTest can only send keys of a Latin keyboard)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    ime_type(widget, text)


def click_ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


# --- the table and the search ----------------------------------------------------------------


def test_models_pass_the_model_tester(qtmodeltester, edits, demo_id):
    model = VolunteerTableModel()
    qtmodeltester.check(model)
    records = edits.volunteers(demo_id)
    model.set_records(records[:30])
    qtmodeltester.check(model)
    model.set_records(records)  # eight more at the end: inserted, not reset
    qtmodeltester.check(model)
    proxy = VolunteerFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search("wang")
    qtmodeltester.check(proxy)


def test_set_records_changes_rows_in_place_and_appends_new_people(qtbot, edits, demo_id):
    model = VolunteerTableModel()
    records = edits.volunteers(demo_id)
    model.set_records(records)
    changed = [dataclasses.replace(r, building="20号楼") if r.code == "v05" else r for r in records]
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged) as signal:
        model.set_records(changed)
    assert signal.args[0].row() == 4 and signal.args[1].row() == 4
    newcomer = dataclasses.replace(records[0], code="v39", name="孙立新")
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.rowsInserted) as signal:
        model.set_records(changed + [newcomer])
    assert signal.args[1:] == [38, 38]
    assert model.index(38, COL_NAME).data() == "孙立新"


def test_pinyin_keys_initials_full_and_every_reading_of_a_surname():
    assert {"zgl", "zhangguilan"} <= set(pinyin_keys("张桂兰"))
    assert {"zgf", "cgf"} <= set(pinyin_keys("曾国藩"))  # 曾 is zeng as a surname, ceng elsewhere
    keys = (pinyin_keys("张桂兰"), ("3号楼",))
    assert matches(keys, "3号楼 ZGL") and matches(keys, "3号") and matches(keys, "gl")
    assert not matches(keys, "zgx") and not matches(keys, "号楼")


def test_search_by_pinyin_initials_phone_building_and_name(qtbot, manager):
    assert len(shown_names(manager)) == 38
    qtbot.keyClicks(manager.search_edit, "zgl")
    assert shown_names(manager) == ["张桂兰"]
    assert "显示 1 人" in manager.count_label.text()
    manager.search_edit.clear()
    qtbot.keyClicks(manager.search_edit, "13601")  # the start of 张桂兰's and 宋春生's numbers
    assert shown_names(manager) == ["张桂兰", "宋春生"]
    manager.search_edit.clear()
    ime_type(manager.search_edit, "3号楼")
    assert shown_names(manager) == ["张桂兰", "马卫国", "彭子涵"]
    qtbot.keyClicks(manager.search_edit, " mwg")
    assert shown_names(manager) == ["马卫国"]
    manager.search_edit.clear()
    ime_type(manager.search_edit, "王")
    assert shown_names(manager) == ["王淑珍", "王建军"]
    manager.search_edit.clear()
    assert len(shown_names(manager)) == 38


def test_filters_by_kind_skill_building_and_status(qtbot, manager, edits, demo_id):
    manager.kind_filter.setCurrentIndex(manager.kind_filter.findData("employed_party"))
    assert len(shown_names(manager)) == 11 and shown_names(manager)[0] == "王建军"
    manager.kind_filter.setCurrentIndex(0)
    manager.skill_filter.setCurrentIndex(manager.skill_filter.findData("medical"))
    assert shown_names(manager) == ["黄秀云"]
    manager.skill_filter.setCurrentIndex(0)
    manager.building_filter.setCurrentIndex(manager.building_filter.findData("7号楼"))
    assert shown_names(manager) == ["杨玉珍", "高雅琴", "蒋一诺"]
    manager.building_filter.setCurrentIndex(0)
    edits.set_active(demo_id, ["v30"], False)
    manager.reload()
    manager.status_filter.setCurrentIndex(manager.status_filter.findData(INACTIVE_ONLY))
    assert shown_names(manager) == ["韩美玲"]
    assert manager.count_label.text() == "共 38 人（在册 37 人，已停用 1 人），显示 1 人"


# --- adding and editing one person ------------------------------------------------------------


def test_add_a_volunteer_with_a_bad_phone_see_the_message_fix_it_and_save(qtbot, manager, store, edits, demo_id):
    qtbot.mouseClick(manager.add_button, Qt.MouseButton.LeftButton)
    dialog = manager.dialog
    assert isinstance(dialog, VolunteerDialog) and dialog.isVisible()
    phone_label = dialog.error_labels[PHONE]
    assert not phone_label.isVisible()  # nothing typed yet: nothing to complain about

    ime_type(dialog.name_edit, "孙立新")
    qtbot.keyClicks(dialog.phone_edit, "1391234567")  # one digit short
    assert phone_label.isVisible()
    assert phone_label.text() == "电话应为 11 位手机号（1 开头，第二位是 3–9），也可以不填。"
    assert "c62828" in phone_label.styleSheet()  # red: an error

    click_ok(qtbot, dialog)  # refused
    assert dialog.isVisible() and manager.dialog is dialog
    assert len(edits.volunteers(demo_id)) == 38

    qtbot.keyClicks(dialog.phone_edit, "8")
    assert not phone_label.isVisible()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("youth"))
    dialog.building_combo.setEditText("6号楼")
    dialog.tabs.setCurrentIndex(1)
    drag(qtbot, dialog.availability, [(SAT, "am"), (SAT, "pm")])
    click_ok(qtbot, dialog)

    assert not dialog.isVisible() and manager.dialog is None
    saved = edits.volunteer(demo_id, "v39")
    assert (saved.name, saved.phone, saved.kind, saved.building) == ("孙立新", "13912345678", "youth", "6号楼")
    assert saved.availability == {(SAT, "am"), (SAT, "pm")}
    assert store.week_scenario(demo_id, MONDAY).volunteers[-1].available == {"sat": ("am", "pm")}
    assert manager.model.rowCount() == 39
    assert [r.code for r in manager.selected_records()] == ["v39"]
    assert manager.status_label.text() == "已添加：孙立新"


def test_an_empty_name_is_shown_when_ok_is_pressed(qtbot, manager, edits, demo_id):
    dialog = manager.add_volunteer()
    click_ok(qtbot, dialog)
    label = dialog.error_labels[NAME]
    assert label.isVisible() and label.text() == "请填写姓名。"
    assert dialog.tabs.currentIndex() == 0 and dialog.focusWidget() is dialog.name_edit
    assert dialog.tabs.tabBar().tabTextColor(0).name() == "#c62828"
    assert len(edits.volunteers(demo_id)) == 38


def test_a_duplicate_name_asks_before_saving(qtbot, manager, edits, demo_id, answers):
    dialog = manager.add_volunteer()
    ime_type(dialog.name_edit, "张桂兰")
    assert dialog.error_labels[NAME].text().startswith("名册里已有同名的 张桂兰（3号楼，编号 v01）")
    assert "a65f00" in dialog.error_labels[NAME].styleSheet()  # orange: a warning
    assert dialog.tabs.tabBar().tabTextColor(0).name() != "#c62828"  # warnings do not paint the tab
    drag(qtbot, dialog.availability, [(MON, "am")])
    answers.yes = False
    click_ok(qtbot, dialog)
    assert "张桂兰" in answers.asked[0] and dialog.isVisible()
    assert len(edits.volunteers(demo_id)) == 38
    answers.yes = True
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert [r.name for r in edits.volunteers(demo_id)].count("张桂兰") == 2


def test_no_time_marked_is_a_warning_to_confirm(qtbot, manager, edits, demo_id, answers):
    dialog = manager.add_volunteer()
    ime_type(dialog.name_edit, "孙立新")
    click_ok(qtbot, dialog)
    assert "还没有标出任何可值班时间" in answers.asked[0]
    assert edits.volunteer(demo_id, "v39").availability == frozenset()


def test_edit_a_person_by_double_click_and_change_their_week_by_drag(qtbot, manager, store, edits, demo_id):
    index = manager.proxy.mapFromSource(manager.model.index(manager.model.row_of("v11"), COL_NAME))
    where = manager.view.visualRect(index).center()
    qtbot.mouseClick(manager.view.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a double click's first half
    qtbot.mouseDClick(manager.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    dialog = manager.dialog
    assert dialog.name_edit.text() == "王建军" and dialog.windowTitle() == "编辑志愿者：王建军"
    grid = dialog.availability
    before = edits.volunteer(demo_id, "v11").availability
    assert (MON, "eve") in before and (SAT, "eve") not in before
    dialog.tabs.setCurrentIndex(1)
    # The first cell is on, so the stroke turns cells off; on Sunday there was nothing to turn off.
    drag(qtbot, grid, [(MON, "eve"), (TUE, "eve"), (WED, "eve")])
    assert grid.state((TUE, "eve")) is CellState.OFF
    drag(qtbot, grid, [(SAT, "eve"), (SUN, "eve")])  # off, so the stroke turns cells on
    click_ok(qtbot, dialog)
    after = edits.volunteer(demo_id, "v11").availability
    assert after == (before - {(MON, "eve"), (TUE, "eve"), (WED, "eve")}) | {(SAT, "eve"), (SUN, "eve")}
    v11 = next(v for v in store.week_scenario(demo_id, MONDAY).volunteers if v.id == "v11")
    assert v11.available["mon"] == ("early",) and v11.available["sun"] == ("eve",)


def test_enter_on_the_table_edits_the_selected_person(qtbot, manager):
    click_row(qtbot, manager, "v08")
    manager.view.setFocus()
    qtbot.keyClick(manager.view, Qt.Key.Key_Return)
    assert isinstance(manager.dialog, VolunteerDialog) and manager.dialog.name_edit.text() == "黄秀云"


def test_header_clicks_fill_a_day_or_a_slot_and_the_keyboard_toggles(qtbot):
    from roster_app.persistence.volunteer_edit import SlotChoice

    grid = AvailabilityGrid([SlotChoice(s, s, 360 + 120 * i, 480 + 120 * i) for i, s in enumerate(SLOTS)])
    qtbot.addWidget(grid)
    grid.show()
    with qtbot.waitSignal(grid.cells_changed):
        qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=grid.day_header_rect(SAT).center())
    assert grid.cells() == {(SAT, s) for s in SLOTS}
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=grid.slot_header_rect(0).center())
    assert grid.cells() == {(SAT, s) for s in SLOTS} | {(d, "early") for d in range(7)}
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=grid.day_header_rect(SAT).center())  # all on: clears
    assert grid.cells() == {(d, "early") for d in range(7) if d != SAT}
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    qtbot.keyClick(grid, Qt.Key.Key_Space)
    assert (TUE, "am") in grid.cells()


def test_choosing_a_kind_ticks_its_flags_and_a_contradiction_is_an_error(qtbot, manager, edits, demo_id):
    dialog = manager.edit_volunteer("v29")  # 宋春生, 群众
    combo = dialog.kind_combo
    combo.setCurrentIndex(combo.findData("employed_party"))
    combo.activated.emit(combo.currentIndex())  # what choosing from the list sends
    assert dialog.party_check.isChecked() and dialog.employed_check.isChecked()
    qtbot.mouseClick(dialog.employed_check, Qt.MouseButton.LeftButton)
    label = dialog.error_labels[EMPLOYED]
    assert label.isVisible() and label.text() == "在职党员应勾选“在职”。"
    click_ok(qtbot, dialog)
    assert dialog.isVisible() and edits.volunteer(demo_id, "v29").kind == "resident"
    qtbot.mouseClick(dialog.employed_check, Qt.MouseButton.LeftButton)
    click_ok(qtbot, dialog)
    saved = edits.volunteer(demo_id, "v29")
    assert (saved.kind, saved.party_member, saved.employed) == ("employed_party", True, True)


def test_dates_away_from_the_calendar_in_the_dialog(qtbot, manager, edits, demo_id):
    dialog = manager.edit_volunteer("v05")
    dates = dialog.dates
    assert dates.dates() == {MONDAY + dt.timedelta(days=2)}
    dates.calendar.setSelectedDate(QDate(2026, 12, 1))
    dates.days.setValue(3)
    qtbot.mouseClick(dates.add_button, Qt.MouseButton.LeftButton)
    assert dates.list.count() == 4 and dates.list.item(1).text() == "2026-12-01 周二"
    dates.list.item(0).setSelected(True)  # the old one, greyed: it is past
    qtbot.mouseClick(dates.remove_button, Qt.MouseButton.LeftButton)
    click_ok(qtbot, dialog)
    assert edits.volunteer(demo_id, "v05").unavailable_dates == {dt.date(2026, 12, d) for d in (1, 2, 3)}


def test_gates_and_slots_tab_saves_wishes_and_restrictions(qtbot, manager, store, edits, demo_id):
    dialog = manager.edit_volunteer("v01")  # 张桂兰: only the east gate
    assert dialog.restrict_check.isChecked() and dialog.allowed_gate_checks["east"].isChecked()
    dialog.allowed_gate_checks["south"].setChecked(True)
    dialog.preferred_gate_checks["south"].setChecked(True)
    dialog.preferred_slot_checks["am"].setChecked(True)
    click_ok(qtbot, dialog)
    v01 = next(v for v in store.week_scenario(demo_id, MONDAY).volunteers if v.id == "v01")
    assert v01.allowed_gates == ("east", "south") and v01.preferred_gates == ("east", "south")
    assert v01.preferred_slots == ("am",)
    dialog = manager.edit_volunteer("v01")
    dialog.restrict_check.setChecked(False)
    click_ok(qtbot, dialog)
    assert edits.volunteer(demo_id, "v01").allowed_gates is None


def test_a_database_failure_keeps_the_dialog_open_with_a_message(qtbot, manager, edits, demo_id, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: shown.append((title, text)))
    dialog = manager.edit_volunteer("v02")
    type_into(qtbot, dialog.name_edit, "李秀华")

    def broken(*_args, **_kwargs):
        raise DatabaseError("Database error in roster.db: disk I/O error", "roster.db")

    monkeypatch.setattr(dialog.edits, "update", broken)
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert shown == [("保存失败", "没有保存：\nDatabase error in roster.db: disk I/O error")]
    assert edits.volunteer(demo_id, "v02").name == "李秀英"


# --- several people ---------------------------------------------------------------------------


def test_bulk_availability_for_three_people_changes_only_the_touched_cells(qtbot, manager, edits, demo_id):
    click_row(qtbot, manager, "v11")
    click_row(qtbot, manager, "v12", Qt.KeyboardModifier.ControlModifier)
    click_row(qtbot, manager, "v13", Qt.KeyboardModifier.ControlModifier)
    assert [r.code for r in manager.selected_records()] == ["v11", "v12", "v13"]
    assert not manager.edit_button.isEnabled()  # one at a time
    before = {c: edits.volunteer(demo_id, c).availability for c in ("v11", "v12", "v13")}
    qtbot.mouseClick(manager.availability_button, Qt.MouseButton.LeftButton)
    dialog = manager.dialog
    assert isinstance(dialog, BulkAvailabilityDialog)
    grid = dialog.grid
    assert grid.state((MON, "early")) is CellState.MIXED  # v11 and v13 yes, v12 no
    assert grid.state((TUE, "am")) is CellState.OFF
    assert dialog.ok_button.text() == "应用到 3 人"
    drag(qtbot, grid, [(SUN, "early"), (SUN, "am")])  # early: mixed (v13 only) -> on; am: on
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=centre(grid, FRI, "early"))  # mixed -> on
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=centre(grid, FRI, "early"))  # on -> off
    assert dialog.summary.text() == "将统一设为可值班 2 格，不可值班 1 格。"
    click_ok(qtbot, dialog)
    for code, had in before.items():
        assert edits.volunteer(demo_id, code).availability == (had | {(SUN, "early"), (SUN, "am")}) - {(FRI, "early")}
    assert manager.status_label.text() == "已为 3 人设置可值班时间"
    assert len(manager.selected_records()) == 3


def test_dates_away_for_several_people(qtbot, manager, edits, demo_id):
    click_row(qtbot, manager, "v31")
    click_row(qtbot, manager, "v32", Qt.KeyboardModifier.ControlModifier)
    dialog = manager.dates_away()
    assert isinstance(dialog, DatesAwayDialog) and not dialog.ok_button.isEnabled()
    dialog.dates.calendar.setSelectedDate(QDate(2026, 11, 28))
    dialog.dates.days.setValue(2)
    qtbot.mouseClick(dialog.dates.add_button, Qt.MouseButton.LeftButton)
    click_ok(qtbot, dialog)
    for code in ("v31", "v32"):
        assert edits.volunteer(demo_id, code).unavailable_dates == {dt.date(2026, 11, 28), dt.date(2026, 11, 29)}


# --- deactivating -----------------------------------------------------------------------------


def test_deactivate_leaves_the_week_but_stays_in_the_list_as_inactive(qtbot, manager, store, demo_id, answers):
    click_row(qtbot, manager, "v03")
    assert manager.deactivate_button.isEnabled() and not manager.reactivate_button.isEnabled()
    with qtbot.waitSignal(manager.changed):
        qtbot.mouseClick(manager.deactivate_button, Qt.MouseButton.LeftButton)
    assert answers.asked[0].startswith("停用 王淑珍？")
    assert "v03" not in {v.id for v in store.week_scenario(demo_id, MONDAY).volunteers}
    row = manager.model.row_of("v03")
    assert manager.model.index(row, COL_STATUS).data() == "已停用"
    assert manager.model.index(row, COL_NAME).data(Qt.ItemDataRole.ForegroundRole).name() == "#8a8f96"
    assert "王淑珍" in shown_names(manager)
    assert manager.reactivate_button.isEnabled() and not manager.deactivate_button.isEnabled()
    qtbot.mouseClick(manager.reactivate_button, Qt.MouseButton.LeftButton)
    assert "v03" in {v.id for v in store.week_scenario(demo_id, MONDAY).volunteers}
    assert manager.model.index(row, COL_STATUS).data() == "在册"


def test_deactivate_declined_changes_nothing_and_names_the_posts_still_held(qtbot, manager, store, demo_id, answers):
    store.save_roster(demo_id, MONDAY, Roster("玉带路社区", "FEASIBLE", (
        Assignment("v11", "east", MONDAY + dt.timedelta(days=4), "eve"),)))
    click_row(qtbot, manager, "v11")
    answers.yes = False
    with qtbot.assertNotEmitted(manager.changed):
        qtbot.mouseClick(manager.deactivate_button, Qt.MouseButton.LeftButton)
    assert "王建军：11月27日" in answers.asked[0]
    assert "v11" in {v.id for v in store.week_scenario(demo_id, MONDAY).volunteers}


# --- the entry point and the words -------------------------------------------------------------


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no window stack
def test_open_volunteer_manager_opens_one_window_per_community(qtbot, store, demo_id):
    parent = QWidget()
    qtbot.addWidget(parent)
    manager = open_volunteer_manager(parent, store, demo_id)
    assert isinstance(manager, VolunteerManager) and manager.isWindow() and manager.isVisible()
    assert manager.windowTitle() == "志愿者名册" and manager.model.rowCount() == 38
    assert open_volunteer_manager(parent, store, demo_id) is manager
    manager.close()


def test_every_problem_has_chinese_words():
    problem = Problem(NAME, "duplicate_name", "", True, {"name": "张桂兰", "other": "v01", "building": ""})
    assert problem_text(problem) == "名册里已有同名的 张桂兰（编号 v01）。如确是另一个人，保存时确认即可。"
    assert problem_text(Problem("building", "too_long", "", params={"limit": "100"})) == "太长了（最多 100 个字）。"
    assert problem_text(Problem(NAME, "brand_new", "Something new")) == "Something new"


def test_date_exceptions_mark_the_calendar(qtbot):
    widget = DateExceptions(today=TODAY)
    qtbot.addWidget(widget)
    widget.set_dates({dt.date(2026, 11, 30)})
    assert widget.calendar.dateTextFormat(QDate(2026, 11, 30)).background().color().name() == "#f6d5d2"
    assert widget.list.item(0).text() == "2026-11-30 周一"


def test_working_hours_cells_are_pale_for_employed_people(qtbot, manager):
    dialog = manager.edit_volunteer("v11")  # 王建军, 在职党员
    grid = dialog.availability
    assert grid.is_noted((MON, "am")) and grid.is_noted((FRI, "pm"))
    assert not grid.is_noted((MON, "eve")) and not grid.is_noted((SAT, "am"))
    assert not dialog.workday_note.isHidden()  # on the 可值班时间 tab, not the one shown
    qtbot.mouseClick(dialog.employed_check, Qt.MouseButton.LeftButton)  # not employed after all
    assert not grid.is_noted((MON, "am")) and dialog.workday_note.isHidden()


def test_an_error_on_another_tab_paints_that_tab_red(qtbot, manager):
    dialog = manager.add_volunteer()
    ime_type(dialog.name_edit, "孙立新")
    dialog.restrict_check.setChecked(True)  # restricted to no gate: only a warning
    assert dialog.tabs.tabBar().tabTextColor(2).name() != "#c62828"
    dialog.context = dataclasses.replace(dialog.context, gate_codes=frozenset({"east"}))  # a gate went away
    dialog.preferred_gate_checks["south"].setChecked(True)
    assert dialog.tabs.currentIndex() == 0
    assert dialog.tabs.tabBar().tabTextColor(2).name() == "#c62828"
    click_ok(qtbot, dialog)
    assert dialog.tabs.currentIndex() == 2 and dialog.isVisible()


# --- 个人规则: the person's own limits ----------------------------------------------------------


def set_spin(qtbot, spin, text: str) -> None:
    """Types into a spin box as the clerk does: select all and type (Enter would press 保存)."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def test_own_rules_are_set_checked_beside_their_field_and_saved(qtbot, manager, store, edits, demo_id):
    from roster_app.persistence.volunteer_edit import MAX_MINUTES, MAX_WEEKENDS, MIN_CONSECUTIVE_DAYS, MIN_MINUTES

    dialog = manager.edit_volunteer("v01")
    assert dialog.tabs.tabText(3) == "个人规则"
    dialog.tabs.setCurrentIndex(3)
    spins = dialog.rule_spins
    assert all(spin.text() == "不限" for spin in spins.values())  # the demo sets none
    assert all(spin.text() == "不限" for spin in dialog.slot_limit_spins.values())
    set_spin(qtbot, spins[MAX_MINUTES], "8")
    set_spin(qtbot, spins[MIN_MINUTES], "9")  # within her weekly cap of 10 hours
    label = dialog.error_labels[MIN_MINUTES]
    assert label.isVisible() and label.text() == "最少 9 小时，多于最多的 8 小时。"
    assert "c62828" in label.styleSheet()
    assert dialog.tabs.tabBar().tabTextColor(3).name() == "#c62828"
    click_ok(qtbot, dialog)  # refused
    assert dialog.isVisible() and edits.volunteer(demo_id, "v01").max_minutes is None

    set_spin(qtbot, spins[MIN_MINUTES], "4")
    assert not label.isVisible()
    set_spin(qtbot, spins[MAX_WEEKENDS], "1")
    set_spin(qtbot, spins[MIN_CONSECUTIVE_DAYS], "2")
    set_spin(qtbot, dialog.slot_limit_spins["eve"], "0")  # never the evening slot
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    v01 = store.week_scenario(demo_id, MONDAY).volunteer("v01")
    assert (v01.max_minutes, v01.min_minutes, v01.max_weekends, v01.min_consecutive_days) == (480, 240, 1, 2)
    assert (v01.max_consecutive_days, v01.min_consecutive_days_off) == (None, None)
    assert v01.max_posts_by_slot == {"eve": 0}

    dialog = manager.edit_volunteer("v01")  # read back into the form, and cleared again
    assert spins is not dialog.rule_spins
    assert dialog.rule_spins[MAX_MINUTES].value() == 8 and dialog.rule_spins[MAX_WEEKENDS].text() == "1 个"
    assert dialog.slot_limit_spins["eve"].value() == 0 and dialog.slot_limit_spins["am"].text() == "不限"
    for spin in (dialog.rule_spins[MAX_WEEKENDS], dialog.slot_limit_spins["eve"]):
        spin.setValue(spin.minimum())
    click_ok(qtbot, dialog)
    v01 = store.week_scenario(demo_id, MONDAY).volunteer("v01")
    assert v01.max_weekends is None and v01.max_posts_by_slot == {} and v01.max_minutes == 480


def test_minutes_the_form_cannot_show_exactly_stay_unless_changed(qtbot, manager, edits, demo_id):
    from roster_app.persistence.volunteer_edit import MAX_MINUTES

    edits.update(demo_id, dataclasses.replace(edits.volunteer(demo_id, "v02"), max_minutes=125))
    manager.reload()
    dialog = manager.edit_volunteer("v02")
    assert dialog.rule_spins[MAX_MINUTES].text() == "2.1 小时"
    dialog.building_combo.setEditText("9号楼")
    click_ok(qtbot, dialog)
    assert edits.volunteer(demo_id, "v02").max_minutes == 125  # not 126
    dialog = manager.edit_volunteer("v02")
    set_spin(qtbot, dialog.rule_spins[MAX_MINUTES], "3")
    click_ok(qtbot, dialog)
    assert edits.volunteer(demo_id, "v02").max_minutes == 180


def test_a_minimum_above_the_weekly_cap_asks_before_saving(qtbot, manager, edits, demo_id, answers):
    from roster_app.persistence.volunteer_edit import MIN_MINUTES

    dialog = manager.edit_volunteer("v01")
    dialog.cap_check.setChecked(True)
    dialog.cap_spin.setValue(6)
    set_spin(qtbot, dialog.rule_spins[MIN_MINUTES], "8")
    label = dialog.error_labels[MIN_MINUTES]
    assert label.text() == "最少 8 小时，多于每周上限 6 小时，一周的排班排不到这么多。"
    assert "a65f00" in label.styleSheet()  # orange: a warning
    answers.yes = False
    click_ok(qtbot, dialog)
    assert answers.asked and "最少 8 小时" in answers.asked[0] and dialog.isVisible()
    answers.yes = True
    click_ok(qtbot, dialog)
    assert edits.volunteer(demo_id, "v01").min_minutes == 480


def test_wishes_by_date_are_added_checked_and_saved(qtbot, manager, store, edits, demo_id):
    from roster_app.persistence.volunteer_edit import REQUESTS
    from solver.scenario import Request

    dialog = manager.edit_volunteer("v01")
    dialog.tabs.setCurrentIndex(3)
    assert dialog.request_list.count() == 0
    saturday = MONDAY + dt.timedelta(days=5)
    dialog.request_date.setDate(QDate(saturday.year, saturday.month, saturday.day))
    dialog.request_slot.setCurrentIndex(dialog.request_slot.findData("early"))
    dialog.request_weight.setValue(3)
    qtbot.mouseClick(dialog.request_add, Qt.MouseButton.LeftButton)
    dialog.request_date.setDate(QDate(2026, 11, 25))
    dialog.request_slot.setCurrentIndex(dialog.request_slot.findData("eve"))
    dialog.request_wanted.setCurrentIndex(dialog.request_wanted.findData(False))
    dialog.request_weight.setValue(1)
    qtbot.mouseClick(dialog.request_add, Qt.MouseButton.LeftButton)
    # In date order, in the clerk's words.
    assert [dialog.request_list.item(i).text() for i in range(2)] == [
        "2026-11-25 周三 晚班：不想排（权重 1）", "2026-11-28 周六 早班：想排（权重 3）"]
    qtbot.mouseClick(dialog.request_add, Qt.MouseButton.LeftButton)  # the same again
    label = dialog.error_labels[REQUESTS]
    assert label.isVisible() and label.text() == "2026-11-25 的同一班次有两条意愿，请删去一条。"
    click_ok(qtbot, dialog)
    assert dialog.isVisible() and edits.volunteer(demo_id, "v01").requests == ()
    dialog.request_list.item(1).setSelected(True)
    qtbot.mouseClick(dialog.request_remove, Qt.MouseButton.LeftButton)
    assert not label.isVisible()
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    wanted = Request(saturday, "early", True, 3)
    not_wanted = Request(dt.date(2026, 11, 25), "eve", False, 1)
    assert edits.volunteer(demo_id, "v01").requests == (not_wanted, wanted)
    assert store.week_scenario(demo_id, MONDAY).volunteer("v01").requests == (not_wanted, wanted)
    dialog = manager.edit_volunteer("v01")  # read back
    assert dialog.request_list.count() == 2
