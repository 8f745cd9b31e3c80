"""The clerk's effort: three weekly journeys walked on the real window, actions counted.

A `Clerk` drives the widgets as a person would and counts what a person does: a click, a
drag, a menu choice, a dialog confirmed, a file chosen in a file dialog, a field typed —
one action each. Only the operating system's print dialog is replaced (`ask_printer`
prints to a PDF under the test's directory, and answering it counts as one action); the
file dialog of the import is Qt's own and is filled in as the clerk would.

1. From an Excel list of volunteers to a printed week, on the very first start (the demo
   loaded): 新建本社区… → name → 创建并导入志愿者… → 选择文件… → the file → 导入 → 自动排班 →
   文件 ▸ 打印 ▸ 本周排班表… → 打印: 9 actions (target ≤ 10).
2. Next week from last week, printed: 照本周排下一周 → 打印 ▸ 本周排班表… → 打印: 3 (≤ 3).
3. A drop-out repaired and the changed gate sheets re-printed: right-click the name →
   只这天请假 → 接受并打印变更的门岗表… → 打印: 4 (≤ 4).

Each journey also checks where it ends: the database holds the volunteers and the roster,
and the PDF's text (pdftotext) names the right people.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QInputMethodEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QWidget

from roster_app.gui import export_menu
from roster_app.gui.app import open_store
from roster_app.gui.import_dialog import ImportVolunteersDialog
from roster_app.gui.main_window import MainWindow
from roster_app.gui.new_community import NewCommunityDialog
from roster_app.gui.repair_dialog import RepairDialog
from roster_app.importing.columns import TEMPLATE_HEADERS
from solver.model import SolveOptions
from tests.gui.test_roster_editing import MONDAY, TODAY, community, greedy_roster, saved

OPTIONS = SolveOptions(time_limit_s=4.0, workers=8, seed=1)


class Clerk:
    """Does what a clerk does to the widgets, and counts it.

    Attributes: actions (what was done, in order; `count` is its length), printed (the
    PDFs the print dialog "printed" to).
    """

    def __init__(self, qtbot, folder: Path):
        self.qtbot = qtbot
        self.folder = folder
        self.actions: list[str] = []
        self.printed: list[Path] = []

    @property
    def count(self) -> int:
        return len(self.actions)

    def click(self, button: QWidget, what: str = "") -> None:
        assert button.isVisible() and button.isEnabled(), f"{what or button.text()} cannot be clicked"
        self.actions.append(f"点 {what or button.text()}")
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def type(self, field: QWidget, text: str) -> None:
        self.actions.append(f"输入 {text}")
        type_text(self.qtbot, field, text)

    def choose(self, action, what: str = "") -> None:
        """A menu choice (the menu bar's menus are opened and chosen in one gesture)."""
        assert action.isEnabled(), f"{action.text()} is disabled"
        self.actions.append(f"菜单 {what or action.text()}")
        action.trigger()

    def choose_file(self, dialog: QFileDialog, path: Path) -> None:
        assert dialog.isVisible()
        self.actions.append(f"选文件 {path.name}")
        dialog.selectFile(str(path))
        dialog.accept()

    def right_click_and_choose(self, window: MainWindow, post, volunteer: str, text: str) -> None:
        """Right-click `volunteer`'s name at `post` in the grid, then click the menu item
        whose text is `text`: two actions, through the real context menu."""
        view = window.grid_view
        rect = view.name_rect(post, volunteer)
        assert rect is not None and rect.isValid()
        position = rect.center()
        chosen: list[str] = []

        def pick() -> None:
            menu = QApplication.activePopupWidget()
            assert isinstance(menu, QMenu)
            action = next(a for a in menu.actions() if a.text() == text)
            chosen.append(action.text())
            self.actions.append(f"菜单 {text}")
            self.qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())

        self.actions.append("右键点 名字")
        QTimer.singleShot(0, pick)
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, position, view.viewport().mapToGlobal(position))
        QApplication.sendEvent(view.viewport(), event)
        assert chosen == [text]

    def answer_print_dialog(self, parent, printer: QPrinter) -> bool:
        """The print dialog, answered 打印 on a "printer" that writes a PDF."""
        self.actions.append("打印对话框 打印")
        path = self.folder / f"printed-{len(self.printed) + 1}.pdf"
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        self.printed.append(path)
        return True


def type_text(qtbot, field: QWidget, text: str) -> None:
    """Type into `field`: Latin text key by key; Chinese as the input method delivers it,
    a committed string (QTest cannot press keys that are not on the keyboard)."""
    field.setFocus()
    if text.isascii():
        qtbot.keyClicks(field, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


@pytest.fixture
def clerk(qtbot, tmp_path, monkeypatch) -> Clerk:
    clerk = Clerk(qtbot, tmp_path)
    monkeypatch.setattr(export_menu, "ask_printer", clerk.answer_print_dialog)
    return clerk


def make_window(qtbot, store, tmp_path, today: dt.date) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, today=lambda: today, settings=settings, solve_options=OPTIONS)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def shown_dialog(qtbot, window: QWidget, kind: type) -> QWidget:
    """The visible dialog of `kind` over `window` (waiting for it to open)."""
    found: list = []

    def visible() -> bool:
        found[:] = [d for d in window.findChildren(kind) if d.isVisible()]
        return len(found) == 1

    qtbot.waitUntil(visible, timeout=5_000)
    return found[0]


def pdf_text(path: Path) -> str:
    assert path.is_file() and path.stat().st_size > 0
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


# --- 1. from an Excel list to a printed week ------------------------------------------------

PEOPLE = [
    # name, kind, Monday–Friday, Saturday–Sunday
    ("王秀英", "无职党员", "上午、下午", "全天"),
    ("刘建华", "无职党员", "上午、下午", "上午"),
    ("陈桂芳", "无职党员", "早班、上午", "下午"),
    ("杨志强", "在职党员", "早班、晚班", "全天"),
    ("赵丽娟", "在职党员", "晚班", "上午、下午"),
    ("黄海涛", "在职党员", "早班、晚班", "晚班"),
    ("周文博", "下沉干部", "早班、晚班", "全天"),
    ("吴晓燕", "社区工作者", "上午、下午", ""),
    ("徐国庆", "群众", "全天", "全天"),
    ("孙美玲", "群众", "下午、晚班", "下午、晚班"),
    ("马俊杰", "青年志愿者", "晚班", "全天"),
    ("朱红梅", "群众", "上午", "早班、上午"),
    ("胡德明", "无职党员", "全天", ""),
    ("郭小燕", "社工", "上午、下午", "上午"),
    ("何永刚", "群众", "早班、晚班", "早班、晚班"),
    ("林淑珍", "无职党员", "下午", "全天"),
]


def volunteer_list(path: Path) -> Path:
    """The office's Excel list: the template's Chinese headers, a row per person."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "志愿者名单"
    sheet.append(list(TEMPLATE_HEADERS))
    for i, (name, kind, workdays, weekend) in enumerate(PEOPLE):
        phone = f"1391234{i:04d}"
        sheet.append([name, phone, kind, f"{i % 6 + 1}号楼", "第一网格", "", "", "", *([workdays] * 5),
                      weekend, weekend])
    workbook.save(path)
    return path


def test_from_an_excel_list_to_a_printed_week_in_nine_actions(qtbot, clerk, tmp_path):
    # The very first start: app.py finds an empty database and loads the demo.
    store = open_store(f"sqlite:///{tmp_path / 'first.sqlite3'}")
    try:
        window = make_window(qtbot, store, tmp_path, TODAY)
        assert window.community.is_demo and window.demo_banner.isVisible()
        excel = volunteer_list(tmp_path / "志愿者名单.xlsx")

        clerk.click(window.demo_banner.new_button)
        form = shown_dialog(qtbot, window, NewCommunityDialog)
        assert form.remove_demo_box is not None and form.remove_demo_box.isChecked()
        assert form.gates_label.text() == "先叫 东门、南门、西门、北门"
        clerk.type(form.name_edit, "幸福里社区")
        clerk.click(form.create_import_button)

        importing = shown_dialog(qtbot, window, ImportVolunteersDialog)
        clerk.click(importing.choose_button)
        clerk.choose_file(importing.file_dialog, excel)
        assert importing.plan is not None and importing.plan.new_count == len(PEOPLE)
        clerk.click(importing.import_button)
        qtbot.waitUntil(lambda: window.volunteer_model.rowCount() == len(PEOPLE))

        with qtbot.waitSignal(window.solve_finished, timeout=90_000):
            clerk.click(window.solve_button)
        clerk.choose(window.outputs.print_actions["week"], "打印 ▸ 本周排班表")

        assert clerk.count == 9, clerk.actions
        assert clerk.count <= 10

        # The database: only the new community, its volunteers, this week's roster.
        communities = store.communities()
        assert [(c.name, c.is_demo) for c in communities] == [("幸福里社区", False)]
        cid = communities[0].id
        scenario = store.week_scenario(cid, MONDAY)
        assert [g.name for g in scenario.gates] == ["东门", "南门", "西门", "北门"]
        assert sorted(v.name for v in scenario.volunteers) == sorted(p[0] for p in PEOPLE)
        roster = store.week_roster(cid, MONDAY)
        assert roster is not None and roster.status in ("OPTIMAL", "FEASIBLE")
        on_duty = {v.name for v in scenario.volunteers if any(a.volunteer == v.id for a in roster.assignments)}
        assert len(on_duty) >= len(PEOPLE) - 2

        # The paper: the week's roster with the community's name and the people on duty.
        [printed] = clerk.printed
        text = pdf_text(printed)
        assert "幸福里社区" in text and "东门" in text
        assert all(name in text for name in on_duty)
        assert "玉带路" not in text
    finally:
        store.db.close()


def test_a_community_from_nothing_on_an_empty_database(qtbot, tmp_path):
    """Without the demo (the clerk removed it, or another start): 新建社区… from the empty
    page, 只创建, and the window shows the new community's empty week."""
    from roster_app.persistence import Database, RosterStore

    store = RosterStore(Database(f"sqlite:///{tmp_path / 'empty.sqlite3'}"))
    try:
        window = make_window(qtbot, store, tmp_path, TODAY)
        assert window.community is None and window.empty_state.isVisible()
        qtbot.mouseClick(window.empty_state.new_button, Qt.MouseButton.LeftButton)
        form = shown_dialog(qtbot, window, NewCommunityDialog)
        assert form.remove_demo_box is None
        assert not form.create_button.isEnabled()  # no name yet
        type_text(qtbot, form.name_edit, "  ")
        assert not form.create_button.isEnabled()  # blanks are no name
        form.name_edit.clear()
        type_text(qtbot, form.name_edit, "北关社区")
        type_text(qtbot, form.contact_edit, "北关社区居委会 电话 010-6954 1234")
        form.gates_spin.setValue(2)
        assert form.gates_label.text() == "先叫 东门、南门"
        qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
        assert not form.isVisible()
        assert window.community is not None and window.community.name == "北关社区"
        assert window.community.contact == "北关社区居委会 电话 010-6954 1234"
        assert window.stack.currentIndex() == 0 and not window.demo_banner.isVisible()
        assert window.grid_model.rowCount() == 2 * 4  # two gates × four slots
        assert [d for d in window.findChildren(ImportVolunteersDialog) if d.isVisible()] == []  # only created
        assert "尚未排班" in window.summary_label.text()

        # A second community of the same name is refused beside the field, nothing written.
        form = window.new_community()
        type_text(qtbot, form.name_edit, "北关社区")
        qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
        assert form.isVisible() and form.name_message.text() == "已有名为“北关社区”的社区。"
        assert len(store.communities()) == 1
        form.reject()
    finally:
        store.db.close()


def test_the_clerks_community_comes_before_a_demo_kept_beside_it(qtbot, tmp_path):
    """Demo kept (box unticked): the new community is shown now and at the next start."""
    store = open_store(f"sqlite:///{tmp_path / 'both.sqlite3'}")
    try:
        window = make_window(qtbot, store, tmp_path, TODAY)
        form = window.new_community()
        type_text(qtbot, form.name_edit, "幸福里社区")
        box = form.remove_demo_box
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # on the tick
        assert not box.isChecked()
        qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
        assert [c.name for c in store.communities()] == ["玉带路社区", "幸福里社区"]
        assert window.community.name == "幸福里社区" and not window.demo_banner.isVisible()
        (tmp_path / "again").mkdir()
        again = make_window(qtbot, store, tmp_path / "again", TODAY)  # the next start
        assert again.community.name == "幸福里社区"
    finally:
        store.db.close()


# --- 2. and 3.: a community with a week on the wall --------------------------------------------


@pytest.fixture
def store(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'roster.sqlite3'}")
    cid = community(store)
    store.save_roster(cid, MONDAY, greedy_roster(store.week_scenario(cid, MONDAY)))
    yield store
    store.db.close()


def names_on(store, monday: dt.date) -> set[str]:
    cid = community(store)
    names = {v.id: v.name for v in store.week_scenario(cid, monday).volunteers}
    roster = store.week_roster(cid, monday)
    return {names[a.volunteer] for a in roster.assignments}


def test_next_week_from_last_week_printed_in_three_actions(qtbot, clerk, store, tmp_path):
    # Friday: this week is on the gates (published); the clerk prepares the next one.
    window = make_window(qtbot, store, tmp_path, MONDAY + dt.timedelta(days=4))
    window.publish_week()
    assert window.published and window.plan_next_button.isVisible()
    last_week = saved(store, MONDAY)
    next_monday = MONDAY + dt.timedelta(days=7)
    assert store.week_roster(community(store), next_monday) is None

    clerk.click(window.plan_next_button)
    assert window.statusBar().currentMessage().startswith("已复制上周排班")
    clerk.choose(window.outputs.print_actions["week"], "打印 ▸ 本周排班表")

    assert clerk.count == 3, clerk.actions
    # The next week holds last week's people, moved on seven days (those still allowed).
    assert window.week_start == next_monday and not window.published
    copied = saved(store, next_monday)
    moved = {(v, g, d + dt.timedelta(days=7), s) for v, g, d, s, _ in last_week}
    assert copied and {k[:4] for k in copied} <= moved
    assert len(copied) >= 0.8 * len(moved)
    assert saved(store, MONDAY) == last_week  # the published week is untouched
    assert window.statusBar().currentMessage().startswith("已打印 本周排班表")

    [printed] = clerk.printed
    text = pdf_text(printed)
    assert "2026年11月30日（周一）至12月6日（周日）" in text  # the next week's, not this one's
    assert all(name in text for name in names_on(store, next_monday))
    # Undo takes the copy back in one step: it was one command.
    window.undo_group.undo()
    assert store.week_roster(community(store), next_monday) is None or saved(store, next_monday) == set()


def test_next_week_that_already_has_a_roster_is_only_shown(qtbot, store, tmp_path):
    window = make_window(qtbot, store, tmp_path, TODAY)
    cid = community(store)
    next_monday = MONDAY + dt.timedelta(days=7)
    store.save_roster(cid, next_monday, greedy_roster(store.week_scenario(cid, next_monday)))
    before = saved(store, next_monday)
    qtbot.mouseClick(window.plan_next_button, Qt.MouseButton.LeftButton)
    assert window.week_start == next_monday
    assert saved(store, next_monday) == before
    assert window.statusBar().currentMessage() == "下一周已有排班表，没有复制。"


# A popup menu offscreen: no window stack to raise it in, no keyboard to grab.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_a_drop_out_repaired_and_the_changed_gate_sheets_reprinted_in_four_actions(qtbot, clerk, store, tmp_path):
    window = make_window(qtbot, store, tmp_path, TODAY)
    week = window.grid_model.week()
    # Someone on duty tomorrow at a gate, whom others can replace.
    tomorrow = TODAY + dt.timedelta(days=1)
    post, volunteer = next((p, people[0].volunteer) for p, people in
                           sorted(week.people_at.items(), key=lambda item: (item[0].slot, item[0].gate))
                           if p.date == tomorrow and people)
    name = week.volunteer_names[volunteer]
    before = saved(store)
    gate_names = {g.id: g.name for g in week.scenario.gates}

    clerk.right_click_and_choose(window, post, volunteer, f"{name} 只这天请假（{tomorrow:%m-%d} 周四）")
    repair = window.repair_dialog
    assert isinstance(repair, RepairDialog) and repair.isVisible()
    qtbot.waitUntil(lambda: not repair.is_solving(), timeout=60_000)
    assert repair.proposal is not None
    changed = repair.changed_gates()
    assert post.gate in changed
    assert repair.accept_print_button.isDefault()
    clerk.click(repair.accept_print_button)
    qtbot.waitUntil(lambda: len(clerk.printed) == 1, timeout=10_000)

    assert clerk.count == 4, clerk.actions
    # The database: the day away saved, the person off that day's posts, the rest kept.
    scenario = store.week_scenario(community(store), MONDAY)
    assert next(v for v in scenario.volunteers if v.id == volunteer).unavailable_dates == frozenset({tomorrow})
    after = saved(store)
    assert not any(v == volunteer and d == tomorrow for v, _, d, _, _ in after)
    assert {k for k in before if not (k[0] == volunteer and k[2] == tomorrow)} <= after

    # The paper: only the changed gates' sheets, with who stands there now.
    [printed] = clerk.printed
    text = pdf_text(printed)
    for gate in changed:
        assert gate_names[gate] in text
    for gate in set(gate_names) - set(changed):
        assert f"{gate_names[gate]}值班表" not in text
    newcomers = {week.volunteer_names[v] for v, g, d, s, _ in after - before}
    assert newcomers and all(n in text for n in newcomers)
    assert pdf_pages(printed) >= len(changed)
    assert "****" in text  # phones masked on the posted sheets
    assert window.statusBar().currentMessage().startswith("已打印")


def test_accepting_without_printing_prints_nothing(qtbot, clerk, store, tmp_path):
    window = make_window(qtbot, store, tmp_path, TODAY)
    week = window.grid_model.week()
    tomorrow = TODAY + dt.timedelta(days=1)
    post, volunteer = next((p, people[0].volunteer) for p, people in sorted(week.people_at.items(),
                           key=lambda item: (item[0].slot, item[0].gate)) if p.date == tomorrow and people)
    menu = window.cell_menu(post, volunteer)
    next(a for a in menu.actions() if "只这天请假" in a.text()).trigger()
    repair = window.repair_dialog
    qtbot.waitUntil(lambda: not repair.is_solving(), timeout=60_000)
    with qtbot.waitSignal(window.roster_edited):
        qtbot.mouseClick(repair.accept_button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert clerk.printed == []


def test_a_past_day_offers_no_one_day_leave(qtbot, store, tmp_path):
    window = make_window(qtbot, store, tmp_path, TODAY)
    week = window.grid_model.week()
    post, volunteer = next((p, people[0].volunteer) for p, people in week.people_at.items()
                           if p.date < TODAY and people)
    texts = [a.text() for a in window.cell_menu(post, volunteer).actions()]
    assert not any("只这天请假" in t for t in texts)
    assert any(t.endswith("请假/退出…") for t in texts)


def test_printing_cancelled_in_the_print_dialog_prints_nothing(qtbot, store, tmp_path, monkeypatch):
    window = make_window(qtbot, store, tmp_path, TODAY)
    monkeypatch.setattr(export_menu, "ask_printer", lambda parent, printer: False)
    assert window.outputs.print_document("gates") is None
    assert window.statusBar().currentMessage() == "已取消打印。"
    assert not list(tmp_path.glob("*.pdf"))
