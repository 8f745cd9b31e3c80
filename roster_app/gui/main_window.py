"""The main window: one community's week of gate duty (排班表), and 自动排班.

What the clerk sees, top to bottom: the demo banner (while the community is the demo),
the week bar (上一周 / 本周 / 下一周, the date range, 自动排班 with its progress and 取消),
the roster grid (gate × slot by date) with the volunteer list beside it and 方案说明 under
the list (what each objective term of the saved roster costs, registered volunteers short
of their minimum), the legend and a summary line under the grid, notices (solver warnings,
conflicts) when there are any, and the status bar saying what just happened.

The window talks to the database only through the store API (`RosterStore`) and to the
solver only through `solve(scenario, options, on_progress, stop)`, which returns a
`Roster` or, as `solve_with_stats` does (the default), `(Roster, SolveStats)`; it builds no
constraints. The solve runs on a worker thread (`SolveTask`); the snapshot is taken and
the answer saved on the GUI thread, so database work stays on one thread.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import weakref
from typing import Any, Callable

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from roster_app.gui.explanation import ExplanationPanel
from roster_app.gui.grid_view import RosterGridView
from roster_app.gui.roster_model import RosterGridModel
from roster_app.gui.solve_task import SolveFunction, SolveTask, split_outcome
from roster_app.gui.volunteer_model import VolunteerListModel, format_hours
from roster_app.gui.week_data import WeekData
from roster_app.gui.widgets import DemoBanner, EmptyState, Legend
from solver.scenario import Roster
from solver.workdays import monday_of

log = logging.getLogger(__name__)

ROSTER_PAGE, EMPTY_PAGE = 0, 1
SAVED_STATUSES = ("OPTIMAL", "FEASIBLE")  # an answer with a roster worth keeping


def _default_solver() -> tuple[SolveFunction, Any]:
    # Imported when first needed: the window opens (and shows saved rosters) even if
    # the solver's native library fails to load.
    # With its figures: the window says when the fewest 缺岗 were proven (coverage_optimal).
    from solver.model import SolveOptions, solve_with_stats

    return solve_with_stats, SolveOptions()


class MainWindow(QMainWindow):
    """The roster window of one community.

    Signals:
        week_changed(object): the shown week changed; carries its Monday (`date`).
        data_reloaded(): the grid and lists were refreshed from the store.
        solve_started(): 自动排班 began (the worker thread is running).
        solve_finished(object): 自动排班 ended and its outcome is shown (and saved, when it
            found a roster); carries the `Roster`, or None if the solve failed.

    Attributes:
        store: the `RosterStore`.
        grid_model, volunteer_model: the models of the two tables (read them in tests).
        explanation: the 方案说明 panel (`ExplanationPanel`) under the volunteer list.
        community: the shown `CommunityInfo`, or None when the database holds none.
        week_start: Monday of the shown week.
    """

    week_changed = Signal(object)
    data_reloaded = Signal()
    solve_started = Signal()
    solve_finished = Signal(object)
    _store_changed = Signal(int)  # from the store's callback, possibly another thread

    def __init__(
        self,
        store: Any,
        *,
        solve: SolveFunction | None = None,
        solve_options: Any = None,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self._solve = solve
        self._solve_options = solve_options
        self._today = today
        self.community = None
        self.week_start = monday_of(today())
        self._week: WeekData | None = None
        self._task: SolveTask | None = None
        self._task_context: tuple[Any, dt.date] | None = None
        self._last_progress = None
        self._outcome: Roster | None = None
        # (community id, Monday) -> the assignments of the roster whose 缺岗 were proven
        # fewest by the last 自动排班 of that week; the store does not keep the proof.
        self._coverage_proven: dict[tuple[int, dt.date], frozenset] = {}

        self.grid_model = RosterGridModel(self)
        self.volunteer_model = VolunteerListModel(self)
        self._build_ui()
        self._elapsed_timer = QTimer(self)
        self._elapsed_timer.setInterval(200)
        self._elapsed_timer.timeout.connect(self._show_elapsed)
        self._reload_pending = False
        self._store_changed.connect(self._on_store_changed)
        # The store calls back after every committed change (also changes made elsewhere,
        # e.g. by a later editing panel). A weak reference: the store may outlive us.
        notify = weakref.WeakMethod(self._notify_store_changed)
        if hasattr(store, "subscribe"):
            store.subscribe(lambda community_id: (m := notify()) is not None and m(community_id))
        self.resize(1500, 920)
        self.reload()

    # === building the window ============================================================

    def _build_ui(self) -> None:
        self._build_menus()
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(10, 8, 10, 4)
        outer.setSpacing(6)

        self.demo_banner = DemoBanner(central)
        self.demo_banner.remove_requested.connect(self.remove_demo)
        outer.addWidget(self.demo_banner)

        self.stack = QStackedWidget(central)
        self.stack.addWidget(self._build_roster_page())
        self.empty_state = EmptyState()
        self.empty_state.load_demo_requested.connect(self.load_demo)
        self.stack.addWidget(self.empty_state)
        outer.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        quit_action = QAction(self.tr("退出(&X)"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        roster_menu = self.menuBar().addMenu(self.tr("排班(&R)"))
        self.solve_action = QAction(self.tr("自动排班"), self)
        self.solve_action.setShortcut(QKeySequence("F5"))
        self.solve_action.triggered.connect(self.start_solve)
        roster_menu.addAction(self.solve_action)
        roster_menu.addSeparator()
        for text, shortcut, slot in (
            (self.tr("上一周"), "Ctrl+PgUp", self.previous_week),
            (self.tr("本周"), "Ctrl+Home", self.this_week),
            (self.tr("下一周"), "Ctrl+PgDown", self.next_week),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            roster_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        about = QAction(self.tr("关于门岗排班"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _build_roster_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self._build_week_bar())

        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_grid_panel())
        splitter.addWidget(self._build_volunteer_panel())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([1100, 380])  # the right column holds 方案说明 too
        layout.addWidget(splitter, 1)

        self.notices = QListWidget(page)
        self.notices.setObjectName("notices")
        self.notices.setMaximumHeight(96)
        self.notices.setWordWrap(True)
        self.notices_title = QLabel(self.tr("注意事项"))
        self.notices_title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.notices_title)
        layout.addWidget(self.notices)
        return page

    def _build_week_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.previous_button = QPushButton(self.tr("◀ 上一周"))
        self.this_week_button = QPushButton(self.tr("本周"))
        self.next_button = QPushButton(self.tr("下一周 ▶"))
        self.previous_button.clicked.connect(self.previous_week)
        self.this_week_button.clicked.connect(self.this_week)
        self.next_button.clicked.connect(self.next_week)
        for button in (self.previous_button, self.this_week_button, self.next_button):
            bar.addWidget(button)
        bar.addSpacing(12)
        self.week_label = QLabel()
        font = self.week_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.week_label.setFont(font)
        bar.addWidget(self.week_label)
        bar.addStretch(1)

        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setFixedWidth(180)
        self.progress_bar.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setToolTip(self.tr("停止求解，保留目前找到的最好方案"))
        self.cancel_button.clicked.connect(self.cancel_solve)
        self.solve_button = QPushButton(self.tr("自动排班"))
        self.solve_button.setObjectName("solveButton")
        self.solve_button.setToolTip(
            self.tr("按门岗需求、志愿者可值班时间和党员规则，自动排出本周的值班表（F5）")
        )
        self.solve_button.setStyleSheet(
            "#solveButton { background: #c0392b; color: white; font-weight: bold;"
            " padding: 5px 18px; border-radius: 4px; }"
            "#solveButton:disabled { background: #d9a8a2; }"
        )
        self.solve_button.clicked.connect(self.start_solve)
        for widget in (self.progress_label, self.progress_bar, self.cancel_button):
            widget.hide()
            bar.addWidget(widget)
        bar.addWidget(self.solve_button)
        return bar

    def _build_grid_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)

        self.grid_view = RosterGridView(panel)
        self.grid_view.setModel(self.grid_model)
        layout.addWidget(self.grid_view, 1)

        self.legend = Legend(panel)
        layout.addWidget(self.legend)
        self.summary_label = QLabel(panel)
        self.summary_label.setObjectName("summary")
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary_label)
        return panel

    def _build_volunteer_panel(self) -> QWidget:
        panel = QFrame()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.volunteer_title = QLabel()
        self.volunteer_title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.volunteer_title)

        self.volunteer_proxy = QSortFilterProxyModel(self)
        self.volunteer_proxy.setSourceModel(self.volunteer_model)
        self.volunteer_proxy.setSortRole(VolunteerListModel.SortRole)
        self.volunteer_view = QTableView(panel)
        self.volunteer_view.setObjectName("volunteerList")
        self.volunteer_view.setModel(self.volunteer_proxy)
        self.volunteer_view.setSortingEnabled(True)
        # No sort indicator at first: the model's own order (kind, then hours) applies.
        self.volunteer_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.volunteer_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.volunteer_view.setAlternatingRowColors(True)
        self.volunteer_view.verticalHeader().hide()
        self.volunteer_view.verticalHeader().setDefaultSectionSize(24)
        vh = self.volunteer_view.horizontalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        vh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.volunteer_view.setMinimumWidth(300)
        self.volunteer_view.setMinimumHeight(160)  # 方案说明 below never squeezes it away
        layout.addWidget(self.volunteer_view, 1)

        self.explanation = ExplanationPanel(panel)
        layout.addWidget(self.explanation)
        return panel

    # === showing data ===================================================================

    def _notify_store_changed(self, community_id: int) -> None:
        try:
            self._store_changed.emit(community_id)
        except RuntimeError:  # the window's Qt object is already gone
            pass

    def _on_store_changed(self, community_id: int) -> None:
        # Coalesce: several writes in a row give one reload, and a reload the window does
        # itself right after its own write makes this one unnecessary.
        if not self._reload_pending:
            self._reload_pending = True
            QTimer.singleShot(0, self._reload_if_pending)

    def _reload_if_pending(self) -> None:
        if self._reload_pending and self._task is None:
            self.reload()

    def reload(self) -> None:
        """Read the community and the shown week from the store and show them."""
        self._reload_pending = False
        try:
            communities = self.store.communities()
            previous_id = self.community.id if self.community else None
            self.community = next(
                (c for c in communities if c.id == previous_id), communities[0] if communities else None
            )
            if self.community is None:
                self._week = None
            else:
                scenario = self.store.week_scenario(self.community.id, self.week_start)
                roster = self.store.week_roster(self.community.id, self.week_start)
                details = self.store.volunteer_details(self.community.id)
                kinds = {vid: d.kind for vid, d in details.items()}
                phones = {vid: d.phone for vid, d in details.items() if d.phone}
                self._week = WeekData(scenario, roster, kinds, phones=phones)
        except Exception as exc:  # a store error must not leave a half-drawn window
            log.exception("reading the week failed")
            self._week = None
            self._show_error(self.tr("读取数据失败"), str(exc))
        self._show_week()
        self.data_reloaded.emit()

    def _show_week(self) -> None:
        community = self.community
        name = community.name if community else self.tr("未设置社区")
        self.setWindowTitle(self.tr("门岗排班 — {name}").format(name=name))
        self.demo_banner.setVisible(bool(community and community.is_demo))
        self.stack.setCurrentIndex(ROSTER_PAGE if community else EMPTY_PAGE)

        end = self.week_start + dt.timedelta(days=6)
        text = self.tr("{start} 至 {end}").format(start=f"{self.week_start:%Y-%m-%d}", end=f"{end:%Y-%m-%d}")
        if self.week_start == monday_of(self._today()):
            text += self.tr("（本周）")
        self.week_label.setText(text)

        self.grid_model.set_week(self._week)
        self.volunteer_model.set_week(self._week)
        self.explanation.set_week(self._week, self._is_coverage_proven())
        self._show_summary()
        self._show_notices()
        self._update_actions()

    def _show_summary(self) -> None:
        week = self._week
        if week is None:
            self.summary_label.setText("")
            self.volunteer_title.setText(self.tr("志愿者"))
            return
        s = week.summary()
        self.volunteer_title.setText(
            self.tr("志愿者 {n} 人 · 本周 {pt} 人次、{h} 小时").format(
                n=len(week.scenario.volunteers), pt=s.person_times, h=format_hours(s.hours)
            )
        )
        if week.roster is None:
            self.summary_label.setText(
                self.tr("本周开放岗位 {open} 个，尚未排班。点“自动排班”生成本周值班表。").format(open=s.open_posts)
            )
            return
        text = self.tr("岗位 {open} 个：已排满 <b>{filled}</b> 个").format(open=s.open_posts, filled=s.filled_posts)
        if s.short_posts:
            text += self.tr("，<span style='color:#a11b1b'><b>缺岗 {short} 个</b>（共缺 {missing} 人次）</span>").format(
                short=s.short_posts, missing=s.missing_people
            )
        else:
            text += self.tr("，无缺岗")
        text += self.tr("；共排 {pt} 人次、{h} 小时。").format(pt=s.person_times, h=format_hours(s.hours))
        status = status_label(week.roster.status)
        if week.roster.status == "FEASIBLE" and self._is_coverage_proven():
            status = self.tr("缺岗已证明最少，偏好未证明最优")
        text += "　" + self.tr("方案：{status}").format(status=status)
        self.summary_label.setText(text)

    def _show_notices(self, extra: tuple[str, ...] = (), conflicts: tuple = ()) -> None:
        """List solver warnings and conflicts under the grid; hide the list when empty."""
        self.notices.clear()
        week = self._week
        warnings = list(extra)
        if week is not None:
            warnings += list(week.calendar_warnings)
            if week.roster is not None:
                warnings += [w for w in week.roster.warnings if w not in warnings]
                conflicts = tuple(conflicts) + tuple(week.roster.conflicts)
        for conflict in conflicts:
            item = QListWidgetItem(self.tr("冲突：") + conflict.message)
            item.setForeground(Qt.GlobalColor.darkRed)
            self.notices.addItem(item)
        for warning in dict.fromkeys(warnings):
            self.notices.addItem(QListWidgetItem(self.tr("提示：") + warning))
        has_notices = self.notices.count() > 0
        self.notices.setVisible(has_notices)
        self.notices_title.setVisible(has_notices)

    def _update_actions(self) -> None:
        solving = self._task is not None
        has_week = self._week is not None
        self.solve_button.setEnabled(has_week and not solving)
        self.solve_action.setEnabled(has_week and not solving)
        # Changing week or community mid-solve would make it unclear where the answer goes.
        for widget in (self.previous_button, self.this_week_button, self.next_button,
                       self.demo_banner.remove_button):
            widget.setEnabled(not solving)
        for widget in (self.progress_label, self.progress_bar, self.cancel_button):
            widget.setVisible(solving)

    # === week navigation ================================================================

    def show_week(self, monday: dt.date) -> None:
        if self._task is not None:
            return
        self.week_start = monday_of(monday)
        self.reload()
        self.week_changed.emit(self.week_start)

    def previous_week(self) -> None:
        self.show_week(self.week_start - dt.timedelta(days=7))

    def next_week(self) -> None:
        self.show_week(self.week_start + dt.timedelta(days=7))

    def this_week(self) -> None:
        self.show_week(monday_of(self._today()))

    # === demo data ======================================================================

    def remove_demo(self) -> None:
        """Delete the demo community after the clerk confirms (one store call)."""
        community = self.community
        if community is None or not community.is_demo or self._task is not None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("删除演示数据"),
            self.tr("将删除演示社区“{name}”的全部门岗、志愿者和排班表，不能恢复。\n确定删除吗？").format(
                name=community.name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.store.remove_community(community.id)
        except Exception as exc:
            log.exception("removing the demo failed")
            self._show_error(self.tr("删除演示数据失败"), str(exc))
            return
        self.community = None
        self.reload()
        self.statusBar().showMessage(self.tr("已删除演示数据。"), 10_000)

    def load_demo(self) -> None:
        """Load the demo community for the current week (from the empty state)."""
        try:
            self.store.load_demo(monday_of(self._today()))
        except Exception as exc:
            log.exception("loading the demo failed")
            self._show_error(self.tr("载入演示数据失败"), str(exc))
            return
        self.week_start = monday_of(self._today())
        self.community = None
        self.reload()
        self.statusBar().showMessage(self.tr("已载入演示数据。"), 10_000)

    # === 自动排班 =======================================================================

    def start_solve(self) -> None:
        """Take the week's snapshot and solve it on a worker thread."""
        if self._task is not None or self.community is None:
            return
        if self._solve is None:
            try:
                self._solve, default_options = _default_solver()
            except Exception as exc:
                log.exception("the solver cannot be loaded")
                self._show_error(self.tr("无法启动求解器"), str(exc))
                return
            if self._solve_options is None:
                self._solve_options = default_options
        try:
            scenario = self.store.week_scenario(self.community.id, self.week_start)
        except Exception as exc:
            log.exception("building the snapshot failed")
            self._show_error(self.tr("读取本周数据失败"), str(exc))
            return

        self._task = SolveTask(self._solve, scenario, self._solve_options)
        self._task_context = (self.community.id, self.week_start)
        self._last_progress = None
        self._outcome = None
        self._task.progressed.connect(self._on_progress)
        self._task.finished.connect(self._on_solved)
        self._task.failed.connect(self._on_solve_failed)
        self._task.done.connect(self._on_solve_done)

        limit = getattr(self._solve_options, "time_limit_s", None)
        self.progress_bar.setRange(0, int(limit * 10) if limit else 0)  # 0..0 = busy bar
        self.progress_bar.setValue(0)
        self.progress_label.setText(self.tr("正在排班…"))
        self._update_actions()
        self.statusBar().showMessage(self.tr("正在自动排班…"))
        self._task.start()
        self._elapsed_timer.start()
        self.solve_started.emit()

    def cancel_solve(self) -> None:
        """Stop the search; the best roster found so far is still saved."""
        if self._task is None:
            return
        self._task.cancel()
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(self.tr("正在停止，保留目前最好的方案…"))

    def is_solving(self) -> bool:
        return self._task is not None

    def _show_elapsed(self) -> None:
        if self._task is None:
            return
        elapsed = time.monotonic() - self._task.started_at
        if self.progress_bar.maximum() > 0:
            self.progress_bar.setValue(min(int(elapsed * 10), self.progress_bar.maximum()))
        if self._last_progress is None and not self._task.cancelled:
            self.progress_label.setText(self.tr("正在排班… {t:.1f} 秒").format(t=elapsed))

    def _on_progress(self, progress: Any) -> None:
        if self._task is None:
            return
        self._last_progress = progress
        if not self._task.cancelled:
            # The solver first seeks the fewest missing people, then the preferences.
            stage = (self.tr("正在求最少缺岗") if getattr(progress, "stage", "") == "coverage"
                     else self.tr("正在优化偏好"))
            self.progress_label.setText(
                self.tr("{stage}：已找到方案 {n} 个，目标值 {obj}，下界 {bound}").format(
                    stage=stage, n=progress.solutions, obj=progress.objective, bound=progress.bound
                )
            )

    def _on_solved(self, outcome: Any) -> None:
        community_id, week_start = self._task_context
        cancelled = self._task.cancelled if self._task else False
        roster, stats = split_outcome(outcome)
        self._outcome = roster
        if roster.status in SAVED_STATUSES:
            try:
                self.store.save_roster(community_id, week_start, roster)
            except Exception as exc:
                log.exception("saving the roster failed")
                self._show_error(self.tr("保存排班表失败"), str(exc))
                return
            coverage_proven = bool(getattr(stats, "coverage_optimal", False))
            if coverage_proven:
                self._coverage_proven[(community_id, week_start)] = _assignment_keys(roster)
            else:
                self._coverage_proven.pop((community_id, week_start), None)
            missing = sum(s.missing for s in roster.shortages)
            seconds = roster.wall_time_s if roster.wall_time_s is not None else self._elapsed()
            message = (self.tr("已取消自动排班，保留目前最好的方案") if cancelled else self.tr("自动排班完成"))
            if roster.status == "FEASIBLE" and coverage_proven:
                message += self.tr("：缺岗 {missing} 人次，用时 {t:.1f} 秒。缺岗人数已证明最少；其余偏好未证明最优").format(
                    missing=missing, t=seconds
                )
            else:
                message += self.tr("：{status}，缺岗 {missing} 人次，用时 {t:.1f} 秒").format(
                    status=status_label(roster.status), missing=missing, t=seconds
                )
            self.reload()
            self.statusBar().showMessage(message)
            return
        # No roster to keep: the saved one (if any) stays as it was.
        if roster.status == "INFEASIBLE":
            message = self.tr("无法排班：数据有矛盾，排班表未改动。请看下方的冲突说明。")
        elif cancelled:
            message = self.tr("已取消自动排班：还没有找到方案，排班表未改动。")
        else:
            message = self.tr("在时间限制内没有找到方案，排班表未改动。")
        self.statusBar().showMessage(message)
        self._show_notices(tuple(roster.warnings), tuple(roster.conflicts))

    def _on_solve_failed(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("自动排班出错，排班表未改动。"))
        self._show_error(self.tr("自动排班出错"), message)

    def _on_solve_done(self) -> None:
        task = self._task
        self._elapsed_timer.stop()
        if task is not None:
            task.wait()
        self._task = None
        self._task_context = None
        self.cancel_button.setEnabled(True)
        if self._reload_pending:  # someone else wrote while we solved
            self.reload()
        self._update_actions()
        self.solve_finished.emit(self._outcome)

    def _elapsed(self) -> float:
        return time.monotonic() - self._task.started_at if self._task else 0.0

    def _is_coverage_proven(self) -> bool:
        """Whether the shown roster is the one a 自动排班 of this week proved fewest 缺岗 for."""
        week = self._week
        if week is None or week.roster is None or self.community is None:
            return False
        proven = self._coverage_proven.get((self.community.id, self.week_start))
        return proven is not None and proven == _assignment_keys(week.roster)

    # === misc ===========================================================================

    def _show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于门岗排班"),
            self.tr("门岗排班（GateRoster）\n为社区门岗（卡口）志愿者排每周值班表。"),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        # A solve still running would outlive the window: stop it and drop its answer
        # (the clerk is leaving; nothing should be saved behind their back).
        if self._task is not None:
            task, self._task = self._task, None
            for signal in (task.progressed, task.finished, task.failed, task.done):
                signal.disconnect()
            task.wait()
            self._elapsed_timer.stop()
        super().closeEvent(event)


def _assignment_keys(roster: Roster) -> frozenset:
    return frozenset((a.volunteer, a.gate, a.date, a.slot) for a in roster.assignments)


def status_label(status: str) -> str:
    """The solver's status in the clerk's words."""
    from PySide6.QtCore import QCoreApplication

    labels = {
        "OPTIMAL": QCoreApplication.translate("MainWindow", "最优"),
        "FEASIBLE": QCoreApplication.translate("MainWindow", "可行（未证明最优）"),
        "INFEASIBLE": QCoreApplication.translate("MainWindow", "无解"),
        "UNKNOWN": QCoreApplication.translate("MainWindow", "未找到方案"),
    }
    return labels.get(status, status)
