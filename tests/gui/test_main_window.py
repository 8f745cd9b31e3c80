"""The main window on a real store (temporary SQLite file) with the real solver.

The week is fixed (2026-11-23, a plain week the calendar knows) so the tests do not
depend on the day they run. Dialogs are replaced by monkeypatched answers: a modal
dialog would block an offscreen test forever.
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from roster_app.gui.app import open_store, run_gui
from roster_app.gui.main_window import EMPTY_PAGE, ROSTER_PAGE, MainWindow
from roster_app.gui.roster_model import PostState, RosterGridModel
from roster_app.persistence.database import Database
from roster_app.persistence.store import RosterStore
from roster_app.gui.explanation import COST, LABEL
from roster_app.gui.terms import shown_terms, term_text
from solver.model import Progress, SolveOptions, SolveStats, solve, solve_with_stats
from solver.scenario import Conflict, Roster, Shortage, Shortfall, TermCost
from solver.validate import validate

TODAY = dt.date(2026, 11, 25)  # a Wednesday
MONDAY = dt.date(2026, 11, 23)
OPTIONS = SolveOptions(time_limit_s=5.0)
SOLVE_TIMEOUT_MS = 60_000


@pytest.fixture
def db_url(tmp_path):
    return f"sqlite:///{tmp_path / 'roster.db'}"


@pytest.fixture
def store(db_url):
    """A store on a fresh database file with the demo loaded, as on a first start."""
    store = open_store(db_url)
    yield store
    store.db.close()


@pytest.fixture
def empty_store(db_url):
    store = RosterStore(Database(db_url))
    yield store
    store.db.close()


def make_window(qtbot, store, solve_function=solve) -> MainWindow:
    window = MainWindow(store, solve=solve_function, solve_options=OPTIONS, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


def grid_cells(window: MainWindow):
    model = window.grid_model
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            yield model.index(row, column)


def grid_assignments(window: MainWindow) -> set[tuple[str, str, dt.date, str]]:
    """(volunteer id, gate, date, slot) of every name the grid shows."""
    out = set()
    for index in grid_cells(window):
        post = index.data(RosterGridModel.PostRole)
        for name in index.data(RosterGridModel.NamesRole):
            out.add((name.volunteer_id, post.gate, post.date, post.slot))
    return out


# --- first start ------------------------------------------------------------------------


def test_first_start_loads_the_demo_for_this_week(qtbot, store):
    communities = store.communities()
    assert len(communities) == 1 and communities[0].is_demo
    window = make_window(qtbot, store)
    assert window.windowTitle() == "门岗排班 — 玉带路社区"
    assert window.demo_banner.isVisible()
    assert "演示数据" in window.demo_banner.label.text()
    assert window.stack.currentIndex() == ROSTER_PAGE
    assert window.week_label.text() == "2026-11-23 至 2026-11-29（本周）"
    assert window.grid_model.columnCount() == 7
    assert window.grid_model.rowCount() == 4 * 4  # the demo's gates × slots
    assert window.volunteer_model.rowCount() == 38
    assert "尚未排班" in window.summary_label.text()


def test_empty_database_offers_the_demo(qtbot, empty_store):
    window = make_window(qtbot, empty_store)
    assert window.stack.currentIndex() == EMPTY_PAGE
    assert not window.demo_banner.isVisible()
    assert not window.solve_button.isEnabled()
    with qtbot.waitSignal(window.data_reloaded):
        qtbot.mouseClick(window.empty_state.load_demo_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentIndex() == ROSTER_PAGE
    assert window.demo_banner.isVisible()
    assert window.grid_model.rowCount() == 16


def test_week_navigation(qtbot, store):
    window = make_window(qtbot, store)
    with qtbot.waitSignal(window.week_changed) as signal:
        qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert signal.args == [MONDAY + dt.timedelta(days=7)]
    assert window.week_label.text() == "2026-11-30 至 2026-12-06"
    assert window.grid_model.headerData(0, Qt.Orientation.Horizontal).startswith("11-30 周一")
    qtbot.mouseClick(window.previous_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.previous_button, Qt.MouseButton.LeftButton)
    assert window.week_start == MONDAY - dt.timedelta(days=7)
    qtbot.mouseClick(window.this_week_button, Qt.MouseButton.LeftButton)
    assert window.week_start == MONDAY


def test_a_roster_saved_elsewhere_shows_up(qtbot, store):
    window = make_window(qtbot, store)
    community = store.communities()[0].id
    roster = Roster("玉带路社区", "FEASIBLE", shortages=(Shortage("south", MONDAY, "am", missing=1, reason="x"),))
    with qtbot.waitSignal(window.data_reloaded):
        store.save_roster(community, MONDAY, roster)
        store.save_roster(community, MONDAY, roster)  # two writes, one reload
    with qtbot.assertNotEmitted(window.data_reloaded, wait=50):
        pass
    assert "缺岗 1 个" in window.summary_label.text()


# --- 自动排班 ----------------------------------------------------------------------------


def test_auto_schedule_fills_the_grid_and_saves_what_it_shows(qtbot, store):
    window = make_window(qtbot, store)
    with qtbot.waitSignal(window.solve_started, timeout=5_000):
        qtbot.mouseClick(window.solve_button, Qt.MouseButton.LeftButton)
    assert window.is_solving()
    assert not window.solve_button.isEnabled() and window.cancel_button.isVisible()
    assert not window.next_button.isEnabled()
    with qtbot.waitSignal(window.solve_finished, timeout=SOLVE_TIMEOUT_MS) as finished:
        pass
    roster = finished.args[0]
    assert roster.status in ("OPTIMAL", "FEASIBLE")
    assert not window.is_solving() and window.solve_button.isEnabled()
    assert not window.cancel_button.isVisible()

    saved = store.week_roster(store.communities()[0].id, MONDAY)
    assert saved is not None and saved.status == roster.status
    # What was saved keeps every rule of the week it was solved for (independent check).
    assert validate(store.week_scenario(store.communities()[0].id, MONDAY), saved) == []
    shown = grid_assignments(window)
    assert shown == {(a.volunteer, a.gate, a.date, a.slot) for a in saved.assignments}
    assert len(shown) > 50
    # Every open post without a shortage holds at least one name; closed posts none.
    for index in grid_cells(window):
        state = index.data(RosterGridModel.StateRole)
        names = index.data(RosterGridModel.NamesRole)
        if state == PostState.CLOSED:
            assert names == []
        elif state == PostState.OPEN:
            assert names
    assert {s.post for s in saved.shortages} == {
        index.data(RosterGridModel.PostRole) for index in grid_cells(window)
        if index.data(RosterGridModel.StateRole) == PostState.SHORT
    }
    # The volunteer list and the summary follow the new roster.
    hours = sum(float(window.volunteer_model.index(r, 2).data()) for r in range(38))
    assert hours == pytest.approx(window.grid_model.week().summary().hours)
    assert hours > 0
    assert "已排满" in window.summary_label.text()
    assert window.statusBar().currentMessage().startswith("自动排班完成：")
    assert "缺岗" in window.statusBar().currentMessage()


PROOF = "缺岗人数已证明最少；其余偏好未证明最优"


def test_auto_schedule_explains_the_saved_roster(qtbot, store):
    """方案说明 after a real 自动排班 of the demo: the saved roster's terms, costs adding up."""
    stats_seen = []

    def solve_recording(scenario, options, on_progress=None, stop=None):
        roster, stats = solve_with_stats(scenario, options, on_progress, stop)
        stats_seen.append(stats)
        return roster, stats

    window = make_window(qtbot, store, solve_recording)
    assert "尚未排班" in window.explanation.empty_label.text()
    with qtbot.waitSignal(window.solve_finished, timeout=SOLVE_TIMEOUT_MS) as finished:
        qtbot.mouseClick(window.solve_button, Qt.MouseButton.LeftButton)
    assert isinstance(finished.args[0], Roster)  # the signal carries the roster, not the pair
    saved = store.week_roster(store.communities()[0].id, MONDAY)
    assert saved.terms and sum(t.cost for t in saved.terms) == saved.objective

    panel = window.explanation
    rows = panel.shown_rows()
    shown = shown_terms(saved.terms, False)
    assert [row[LABEL] for row in rows[:-1]] == [term_text(t.name).label for t in shown]
    assert [int(row[COST]) for row in rows[:-1]] == [t.cost for t in shown]
    assert rows[-1][LABEL] == "合计（目标值）" and int(rows[-1][COST]) == saved.objective
    panel.show_all_box.setChecked(True)
    rows = panel.shown_rows()
    assert len(rows) == len(saved.terms) + 1
    assert sum(int(row[COST]) for row in rows[:-1]) == saved.objective

    # The status bar says what was proven.
    (stats,) = stats_seen
    message = window.statusBar().currentMessage()
    assert message.startswith("自动排班完成：")
    if saved.status == "FEASIBLE" and stats.coverage_optimal:
        assert message.endswith(PROOF) and PROOF in panel.proof_label.text()
        assert "方案：缺岗已证明最少，偏好未证明最优" in window.summary_label.text()
    else:
        assert PROOF not in message


def fixed_answer(coverage_optimal: bool):
    """A stand-in solver: a FEASIBLE roster with terms and a shortfall, and its figures."""

    def answer(scenario, options, on_progress=None, stop=None):
        first = scenario.volunteers[0]
        terms = (TermCost("missing_people", 0, 5000), TermCost("unmet_needs", 0, 300),
                 TermCost("registered_shortfall", 1, 1000), TermCost("gate_switches", 2, 10),
                 TermCost("split_days", 0, 10))
        roster = Roster(scenario.name, "FEASIBLE", objective=1020, bound=900, wall_time_s=0.3, terms=terms,
                        shortfalls=(Shortfall(first.id, 2, 1, "测试原因"),))
        return roster, SolveStats("FEASIBLE", 0.3, 0.1, 1020, 900, {t.name: t.value for t in terms},
                                  coverage_optimal)

    return answer


def test_status_bar_says_when_coverage_was_proven(qtbot, store):
    window = make_window(qtbot, store, fixed_answer(coverage_optimal=True))
    with qtbot.waitSignal(window.solve_finished, timeout=10_000):
        qtbot.mouseClick(window.solve_button, Qt.MouseButton.LeftButton)
    assert window.statusBar().currentMessage() == "自动排班完成：缺岗 0 人次，用时 0.3 秒。" + PROOF
    panel = window.explanation
    assert panel.proof_label.text() == PROOF + "（下界 900）。"
    assert [row[LABEL] for row in panel.shown_rows()] == [
        "缺岗", "未满足的党员/技能要求", "双报到党员未达最少班次", "换门岗", "合计（目标值）"]
    assert panel.shown_rows()[-1][COST] == "1020"
    # The shortfall names the person from the week's scenario.
    scenario = store.week_scenario(store.communities()[0].id, MONDAY)
    assert f"<b>{scenario.volunteers[0].name}</b>" in panel.shortfall_label.text()
    assert "已排 1 / 应排 2 班" in panel.shortfall_label.text() and "测试原因" in panel.shortfall_label.text()
    # The proof belongs to that roster: still said after a look at another week.
    window.next_week()
    assert panel.roster() is None
    window.previous_week()
    assert panel.proof_label.text() == PROOF + "（下界 900）。"


def test_status_bar_without_a_proof_of_coverage(qtbot, store):
    window = make_window(qtbot, store, fixed_answer(coverage_optimal=False))
    with qtbot.waitSignal(window.solve_finished, timeout=10_000):
        qtbot.mouseClick(window.solve_button, Qt.MouseButton.LeftButton)
    assert window.statusBar().currentMessage() == "自动排班完成：可行（未证明最优），缺岗 0 人次，用时 0.3 秒"
    assert window.explanation.proof_label.text() == "未证明最优：总代价不会低于下界 900。"


def test_cancel_at_once_keeps_the_window_usable(qtbot, store):
    window = make_window(qtbot, store)
    with qtbot.waitSignal(window.solve_finished, timeout=SOLVE_TIMEOUT_MS) as finished:
        qtbot.mouseClick(window.solve_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    roster = finished.args[0]
    message = window.statusBar().currentMessage()
    saved = store.week_roster(store.communities()[0].id, MONDAY)
    if roster.status in ("OPTIMAL", "FEASIBLE"):
        # The best answer so far was kept and is what the grid shows.
        assert message.startswith("已取消自动排班，保留目前最好的方案") or message.startswith("自动排班完成")
        assert saved is not None
        assert grid_assignments(window) == {(a.volunteer, a.gate, a.date, a.slot) for a in saved.assignments}
    else:
        assert message == "已取消自动排班：还没有找到方案，排班表未改动。"
        assert saved is None
    # Usable again: the buttons are back and another solve runs to the end.
    assert window.solve_button.isEnabled() and window.next_button.isEnabled()
    with qtbot.waitSignal(window.solve_finished, timeout=SOLVE_TIMEOUT_MS):
        qtbot.mouseClick(window.solve_button, Qt.MouseButton.LeftButton)
    assert store.week_roster(store.communities()[0].id, MONDAY) is not None


def test_progress_is_shown_and_cancel_keeps_the_best_answer(qtbot, store):
    """A stand-in solver reports progress, then waits for 取消 and returns its best roster."""
    stopped = threading.Event()

    def slow_solve(scenario, options, on_progress=None, stop=None):
        on_progress(Progress(wall_time_s=0.1, objective=1234, bound=1200, solutions=3, stage="coverage"))
        stop.wait(30)
        stopped.set()
        return Roster(scenario.name, "FEASIBLE", shortages=(
            Shortage("east", MONDAY, "early", missing=2, reason="测试原因"),
        ), objective=1234, bound=1200, wall_time_s=0.2)

    window = make_window(qtbot, store, slow_solve)
    qtbot.mouseClick(window.solve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "正在求最少缺岗：已找到方案 3 个，目标值 1234，下界 1200" == window.progress_label.text(),
                    timeout=5_000)
    # The GUI thread is free meanwhile: it can switch nothing, but it answers.
    assert window.grid_model.rowCount() == 16
    assert window.is_solving()
    with qtbot.waitSignal(window.solve_finished, timeout=10_000):
        qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert stopped.is_set()
    assert window.statusBar().currentMessage() == "已取消自动排班，保留目前最好的方案：可行（未证明最优），缺岗 2 人次，用时 0.2 秒"
    short = window.grid_model.index(0, 0)  # 东门 早班, Monday
    assert short.data(RosterGridModel.StateRole) == PostState.SHORT
    assert "测试原因" in short.data(Qt.ItemDataRole.ToolTipRole)
    assert "缺岗 1 个" in window.summary_label.text()


def test_infeasible_answer_shows_the_conflict_and_keeps_the_saved_roster(qtbot, store):
    conflict = Conflict("pin_unavailable", "锁定的 张桂兰 在 11-23 早班 没空")

    def infeasible(scenario, options, on_progress=None, stop=None):
        return Roster(scenario.name, "INFEASIBLE", conflicts=(conflict,))

    window = make_window(qtbot, store, infeasible)
    assert not window.notices.isVisible()
    with qtbot.waitSignal(window.solve_finished, timeout=10_000):
        qtbot.mouseClick(window.solve_button, Qt.MouseButton.LeftButton)
    assert "数据有矛盾" in window.statusBar().currentMessage()
    assert window.notices.isVisible()
    assert [window.notices.item(i).text() for i in range(window.notices.count())] == [
        "冲突：锁定的 张桂兰 在 11-23 早班 没空"
    ]
    assert store.week_roster(store.communities()[0].id, MONDAY) is None


def test_a_failing_solver_gives_a_message_not_a_crash(qtbot, store, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))

    def broken(scenario, options, on_progress=None, stop=None):
        raise RuntimeError("model too big")

    window = make_window(qtbot, store, broken)
    with qtbot.waitSignal(window.solve_finished, timeout=10_000) as finished:
        qtbot.mouseClick(window.solve_button, Qt.MouseButton.LeftButton)
    assert finished.args == [None]
    assert shown == [("自动排班出错", "RuntimeError: model too big")]
    assert window.solve_button.isEnabled()


# --- demo data --------------------------------------------------------------------------


def test_remove_demo_after_confirmation_then_load_it_again(qtbot, store, monkeypatch):
    asked = []

    def answer(parent, title, text, buttons, default):
        asked.append(title)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    window = make_window(qtbot, store)
    qtbot.mouseClick(window.demo_banner.remove_button, Qt.MouseButton.LeftButton)
    assert asked == ["删除演示数据"]
    assert store.communities() == []
    assert window.stack.currentIndex() == EMPTY_PAGE
    assert not window.demo_banner.isVisible()
    assert window.grid_model.rowCount() == 0 and window.volunteer_model.rowCount() == 0
    assert window.windowTitle() == "门岗排班 — 未设置社区"

    qtbot.mouseClick(window.empty_state.load_demo_button, Qt.MouseButton.LeftButton)
    assert [c.is_demo for c in store.communities()] == [True]
    assert window.stack.currentIndex() == ROSTER_PAGE
    assert window.windowTitle() == "门岗排班 — 玉带路社区"


def test_remove_demo_declined_changes_nothing(qtbot, store, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    window = make_window(qtbot, store)
    qtbot.mouseClick(window.demo_banner.remove_button, Qt.MouseButton.LeftButton)
    assert len(store.communities()) == 1
    assert window.stack.currentIndex() == ROSTER_PAGE


# --- run_gui ----------------------------------------------------------------------------


def test_closing_the_window_mid_solve_stops_it_and_saves_nothing(qtbot, store):
    started = threading.Event()

    def endless(scenario, options, on_progress=None, stop=None):
        started.set()
        stop.wait(30)
        return Roster(scenario.name, "FEASIBLE")

    window = make_window(qtbot, store, endless)
    qtbot.mouseClick(window.solve_button, Qt.MouseButton.LeftButton)
    assert started.wait(5)
    with qtbot.assertNotEmitted(window.solve_finished, wait=200):
        window.close()
    assert not window.is_solving()
    assert store.week_roster(store.communities()[0].id, MONDAY) is None


def test_run_gui_opens_the_window_and_closes_the_database(qapp, db_url):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen = []

    def look_and_quit():
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen.extend(w.windowTitle() for w in windows)
        qapp.quit()

    QTimer.singleShot(200, look_and_quit)
    font = qapp.font()
    try:
        assert run_gui(db_url, ["gateroster"]) == 0
    finally:
        qapp.setFont(font)
    assert seen == ["门岗排班 — 玉带路社区"]
    reopened = RosterStore(Database(db_url))  # the demo was saved on the first start
    try:
        assert [c.is_demo for c in reopened.communities()] == [True]
    finally:
        reopened.db.close()


def test_broken_database_file_gives_a_message_box(qapp, tmp_path, monkeypatch):
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not a database, just some bytes " * 100)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append((title, text)))
    font = qapp.font()
    try:
        assert run_gui(f"sqlite:///{broken}", ["gateroster"]) == 1
    finally:
        qapp.setFont(font)
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "无法打开数据库"
    assert str(broken) in text


def test_volunteer_tooltip_shows_the_phone_masked(qtbot, store):
    import re

    window = make_window(qtbot, store)
    details = store.volunteer_details(store.communities()[0].id)
    model = window.volunteer_model
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
        phone = details[index.data(model.VolunteerIdRole)].phone
        assert phone and phone not in tip
        assert re.search(r"电话：\d{3}\*{4}\d{4}$", tip)


# --- what opening the window costs ---------------------------------------------------------

OPENING_CHILD = """
import datetime as dt, json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from roster_app.gui.app import open_store
from roster_app.gui.main_window import MainWindow
store = open_store(sys.argv[1])
before = set(sys.modules)
window = MainWindow(store, today=lambda: dt.date(2026, 11, 25))
window.show()
app.processEvents()
print(json.dumps(sorted(set(sys.modules) - before)))
"""


def test_opening_the_window_imports_no_output_library(db_url):
    """The printing and Excel code (openpyxl, numpy, pypinyin: half a second) is imported
    when the clerk first prints or exports, not while the week is being shown."""
    import json
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", OPENING_CHILD, db_url], capture_output=True, text=True,
                          env=env, timeout=120, check=True)
    imported = json.loads(done.stdout.strip().splitlines()[-1])
    assert "roster_app.gui.main_window" not in imported  # measured after the imports
    heavy = [m for m in imported if m.split(".")[0] in ("openpyxl", "numpy", "pypinyin")
             or m.startswith("roster_app.output") or m.startswith("roster_app.reports")]
    assert heavy == []


def test_reading_the_week_pauses_the_cycle_collector_and_resumes_it(qtbot, store, monkeypatch):
    """(The collector is paused while the week is read and shown, for speed; it must run
    again afterwards, also when reading failed, and stay off if it was off.)"""
    import gc

    from roster_app.gui import main_window

    window = make_window(qtbot, store)
    during = []
    monkeypatch.setattr(window, "_show_week", lambda: during.append(gc.isenabled()))
    assert gc.isenabled()
    window.reload()
    assert during == [False] and gc.isenabled()
    monkeypatch.setattr(window, "_show_error", lambda *args: None)
    monkeypatch.setattr(store, "week_scenario", lambda *args: 1 / 0)
    window.reload()  # the error is shown, the window stays
    assert during == [False, False] and gc.isenabled() and window._week is None
    # An edit (here through the commands' sink, as undo and redo come) pauses it too.
    saving = []
    monkeypatch.setattr(store, "clear_roster", lambda *args: saving.append(gc.isenabled()))
    window.apply_roster(window.week_key(), None, "x")
    assert saving == [False] and gc.isenabled()
    gc.disable()
    try:
        with main_window.collecting_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_first_window_sets_the_startup_objects_aside_once(qtbot, store, monkeypatch):
    from roster_app.gui import main_window

    frozen = []
    monkeypatch.setattr(main_window, "_startup_set_aside", False)
    monkeypatch.setattr(main_window.gc, "freeze", lambda: frozen.append(main_window.gc.isenabled()))
    make_window(qtbot, store)
    assert frozen == [True]  # after its week was read (the collector running again)
    make_window(qtbot, store)
    main_window.set_aside_startup_objects()
    assert frozen == [True]
