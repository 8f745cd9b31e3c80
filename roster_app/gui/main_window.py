"""The main window: one community's week of gate duty (排班表), and 自动排班.

What the clerk sees, top to bottom: the demo banner (while the community is the demo),
the week bar (上一周 / 本周 / 下一周, the date range, 自动排班 with its progress and 取消),
the roster grid (gate × slot by date) with the volunteer list beside it and 方案说明 under
the list (what each objective term of the saved roster costs, registered volunteers short
of their minimum), the legend and a summary line under the grid, notices (solver warnings,
conflicts) when there are any, and the status bar saying what just happened.

Hand editing: every change of the roster — a volunteer dragged from the list onto a post,
a name dragged to another post (move) or onto another name (swap), remove, pin/unpin (锁定),
a whole 自动排班 answer, last week copied — is an undoable command (`edit_commands`) on
the shown week's QUndoStack (one per week, in a QUndoGroup behind 编辑 → 撤销/重做). A
command saves the week's roster through the store in one transaction and the window shows
it at once, without reading the week back. After every edit the independent validator's
hard-rule check runs (`WeekData.violations`): broken rules are marked on the cells and
listed under 问题 beside the grid, where clicking one selects its cell; 谁能顶岗 ranks who
can take a post (`solver.candidates`). A published week is read-only until reopened. The
window remembers its size and splitters (QSettings).

A drop-out (请假/退出…, from the volunteer list's or a grid name's context menu, or 排班):
the days away are saved, the week is re-solved with `SolveOptions(repair=True)` and the
proposal shown as a before/after list (`repair_dialog`); 接受 is one undoable command.
A name in the grid also offers 只这天请假 (that day, no dates to tick), and the proposal
接受并打印变更的门岗表… (accept, then print only the changed gates' sheets). 照本周排下一周
shows the next week and copies the shown one into it; tests/gui/test_journeys.py counts
what the clerk does in these weekly journeys.

The menus reach every other window: 文件 printing, the print preview, PDF, Excel and the
WeChat picture (`export_menu.OutputActions`), 数据 the volunteer register, the import, the
community set-up and 新建社区 (also on the demo banner and the empty page), 统计 the
service-hour reports, 设置 the language. The fixed texts are set in `retranslate_ui`, run
again on every QEvent.LanguageChange, so a language switch changes the open window at once.

The window talks to the database only through the store API (`RosterStore`) and to the
solver only through `solve(scenario, options, on_progress, stop)`, which returns a
`Roster` or, as `solve_with_stats` does (the default), `(Roster, SolveStats)`; it builds no
constraints. The solve runs on a worker thread (`SolveTask`); the snapshot is taken and
the answer saved on the GUI thread, so database work stays on one thread.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
import logging
import time
import weakref
from typing import Any, Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QColor, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QMenu,
    QTabWidget,
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
    QVBoxLayout,
    QWidget,
)

from roster_app.gui.audit_panel import ChangeLogPanel, local_time
from roster_app.gui.candidates_panel import CandidatesPanel, minimum_text
from roster_app.gui.edit_commands import (
    AssignCommand,
    EditError,
    FailedChange,
    MoveCommand,
    PinCommand,
    RemoveCommand,
    ReplaceRosterCommand,
    RosterCommand,
    SwapCommand,
    WeekKey,
)
from roster_app.gui.explanation import ExplanationPanel
from roster_app.gui.fitted_view import FittedTableView
from roster_app.gui.export_menu import OutputActions
from roster_app.gui.grid_view import RosterGridView
from roster_app.gui.problems_panel import RULE, ProblemsPanel
from roster_app.gui.repair_dialog import AwayDatesDialog, RepairDialog, date_label, repair_rows, repair_scenario
from roster_app.gui.roster_model import RosterGridModel, describe_post
from roster_app.gui.solve_task import SolveFunction, SolveTask, split_outcome
from roster_app.gui.volunteer_model import VolunteerListModel, format_hours
from roster_app.gui.week_data import WeekData, count_short_posts, roster_changes
from roster_app.gui.widgets import DemoBanner, EmptyState, Legend
from roster_app.persistence.errors import ConcurrentEditError
from roster_app.i18n import LANGUAGES, Translators, save_language
from solver import candidates
from solver.scenario import Roster
from solver.workdays import monday_of

log = logging.getLogger(__name__)

ROSTER_PAGE, EMPTY_PAGE = 0, 1
SAVED_STATUSES = ("OPTIMAL", "FEASIBLE")  # an answer with a roster worth keeping
PROBLEMS_TAB, CANDIDATES_TAB, EXPLANATION_TAB, VERSIONS_TAB, CHANGES_TAB = 0, 1, 2, 3, 4
COMMUNITY_KEY = "mainWindow/community"  # the community last shown (QSettings)
PUBLISHED = "published"
SHORT_POSTS_PER_TURN = 6  # counted per event-loop turn while idle: a few milliseconds each
COUNT_AFTER_MS = 250  # counting starts this long after the week was shown


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
        roster_edited(): a command changed the shown week's roster (done, undone or redone).

    Attributes:
        store: the `RosterStore`.
        grid_model, volunteer_model: the models of the two tables (read them in tests).
        explanation: the 方案说明 panel (`ExplanationPanel`) under the volunteer list.
        problems: the 问题 panel (`ProblemsPanel`); candidates: 谁能顶岗 (`CandidatesPanel`).
        undo_group: the QUndoGroup of the weeks' stacks; `undo_stack()` the shown week's.
        community: the shown `CommunityInfo`, or None when the database holds none.
        week_start: Monday of the shown week.
        published: whether the shown week is published (read-only).
    """

    week_changed = Signal(object)
    data_reloaded = Signal()
    solve_started = Signal()
    solve_finished = Signal(object)
    roster_edited = Signal()
    _store_changed = Signal(int)  # from the store's callback, possibly another thread

    def __init__(
        self,
        store: Any,
        *,
        solve: SolveFunction | None = None,
        solve_options: Any = None,
        today: Callable[[], dt.date] = dt.date.today,
        settings: QSettings | None = None,
        translators: Translators | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        # The app's translators (app.py installs the saved language); a window of its own
        # in tests, starting in Chinese.
        self.translators = translators if translators is not None else Translators()
        # Without an explicit QSettings, the application's (organisation and app names set
        # in app.py); tests pass one on a temporary file. A window made by a script that
        # named no organisation remembers nothing, rather than write "Unknown Organization".
        if settings is None and QCoreApplication.organizationName():
            settings = QSettings()
        self._settings = settings
        self.published = False
        self._writing = False  # our own write: the store's change signal needs no reload
        self._edit_failed = False
        self._versions: list = []  # the shown week's published versions (store.VersionInfo)
        self.undo_group = QUndoGroup(self)
        self._stacks: dict[WeekKey, QUndoStack] = {}
        self._solve = solve
        self._solve_options = solve_options
        self._today = today
        self.community = None
        self._change_log_stale = True  # 修改记录 to be read again when its tab is shown
        self.week_start = monday_of(today())
        self._week: WeekData | None = None
        self._task: SolveTask | None = None
        self._task_context: tuple[Any, dt.date] | None = None
        self.repair_dialog: RepairDialog | None = None  # the open repair proposal, if any
        self.away_dialog: AwayDatesDialog | None = None
        self._last_progress = None
        self._outcome: Roster | None = None
        # (community id, Monday) -> the assignments of the roster whose 缺岗 were proven
        # fewest by the last 自动排班 of that week; the store does not keep the proof.
        self._coverage_proven: dict[tuple[int, dt.date], frozenset] = {}

        self.grid_model = RosterGridModel(self)
        self.volunteer_model = VolunteerListModel(self)
        self._count_timer: QTimer | None = None  # made below; `_show_week` runs before
        self._build_ui()
        self._elapsed_timer = QTimer(self)
        self._elapsed_timer.setInterval(200)
        self._elapsed_timer.timeout.connect(self._show_elapsed)
        # While the clerk looks at the week, the reasons of its short posts are counted a
        # few posts at a time, so the first hand edit need not (`count_short_posts`).
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.timeout.connect(self._count_short_posts)
        self._reload_pending = False
        self._store_changed.connect(self._on_store_changed)
        # The store calls back after every committed change (also changes made elsewhere,
        # e.g. by a later editing panel). A weak reference: the store may outlive us.
        notify = weakref.WeakMethod(self._notify_store_changed)
        if hasattr(store, "subscribe"):
            store.subscribe(lambda community_id: (m := notify()) is not None and m(community_id))
        self.resize(1500, 920)
        self._restore_layout()
        self.reload()
        set_aside_startup_objects()

    # === building the window ============================================================

    def _build_ui(self) -> None:
        self._build_menus()
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(10, 8, 10, 4)
        outer.setSpacing(6)

        self.demo_banner = DemoBanner(central)
        self.demo_banner.remove_requested.connect(self.remove_demo)
        self.demo_banner.new_community_requested.connect(self.new_community)
        outer.addWidget(self.demo_banner)

        self.stack = QStackedWidget(central)
        self.stack.addWidget(self._build_roster_page())
        self.empty_state = EmptyState()
        self.empty_state.load_demo_requested.connect(self.load_demo)
        self.empty_state.new_community_requested.connect(self.new_community)
        self.stack.addWidget(self.empty_state)
        outer.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """(Re)set every fixed text of the window in the current language.

        Called once when the window is built and again on every language switch
        (QEvent.LanguageChange); the texts that follow the data (week, summary, titles)
        are redrawn by `_show_week`.
        """
        self.file_menu.setTitle(self.tr("文件(&F)"))
        self.outputs.retranslate()
        self.quit_action.setText(self.tr("退出(&X)"))
        self.edit_menu.setTitle(self.tr("编辑(&E)"))
        self.remove_action.setText(self.tr("移除所选的人"))
        self.pin_action.setText(self.tr("锁定 / 取消锁定所选的人"))
        self.candidates_action.setText(self.tr("谁能顶这个岗？"))
        self.roster_menu.setTitle(self.tr("排班(&R)"))
        self.solve_action.setText(self.tr("自动排班"))
        self.copy_action.setText(self.tr("复制上周排班"))
        self.repair_action.setText(self.tr("请假/退出…（所选的人）"))
        self.repair_action.setToolTip(self.tr("某人不能来：记为请假，用最少的改动重新安排 TA 的岗位"))
        self.publish_action.setText(self.tr("发布本周排班表"))
        self.reopen_action.setText(self.tr("重新打开本周（允许修改）"))
        for action, text in zip(self.week_actions, (self.tr("上一周"), self.tr("本周"), self.tr("下一周"))):
            action.setText(text)
        self.data_menu.setTitle(self.tr("数据(&D)"))
        self.volunteers_action.setText(self.tr("志愿者名册…"))
        self.import_action.setText(self.tr("导入志愿者…"))
        self.setup_action.setText(self.tr("社区设置…"))
        self.new_community_action.setText(self.tr("新建社区…"))
        self.stats_menu.setTitle(self.tr("统计(&S)"))
        self.reports_action.setText(self.tr("服务统计…"))
        self.settings_menu.setTitle(self.tr("设置(&T)"))
        self.language_menu.setTitle(self.tr("语言 Language"))
        self.database_action.setText(self.tr("数据库…"))
        self.help_menu.setTitle(self.tr("帮助(&H)"))
        self.about_action.setText(self.tr("关于门岗排班"))

        self.previous_button.setText(self.tr("◀ 上一周"))
        self.this_week_button.setText(self.tr("本周"))
        self.next_button.setText(self.tr("下一周 ▶"))
        self.cancel_button.setText(self.tr("取消"))
        self.cancel_button.setToolTip(self.tr("停止求解，保留目前找到的最好方案"))
        self.solve_button.setText(self.tr("自动排班"))
        self.solve_button.setToolTip(self.tr("按门岗需求、志愿者可值班时间和党员规则，自动排出本周的值班表（F5）"))
        self.published_label.setText(self.tr("已发布"))
        self.published_label.setToolTip(
            self.tr("本周排班表已发布（已张贴、已发到志愿者群），不能修改；要修改请先“重新打开”。"))
        self.copy_button.setText(self.tr("复制上周"))
        self.copy_button.setToolTip(self.tr("把上周的排班表复制为本周的起点；不再符合规则的安排不复制（可撤销）"))
        self.plan_next_button.setText(self.tr("照本周排下一周"))
        self.plan_next_button.setToolTip(
            self.tr("转到下一周，并把本周的排班表复制过去作为起点（下一周还没有排班时；可撤销）"))
        self.plan_next_action.setText(self.tr("照本周排下一周"))
        self.publish_button.setToolTip(self.tr("发布本周排班表：张贴、发群以后不再改动，直到重新打开"))
        self.notices_title.setText(self.tr("注意事项"))
        for index, text in ((PROBLEMS_TAB, self.tr("问题")), (CANDIDATES_TAB, self.tr("谁能顶岗")),
                            (EXPLANATION_TAB, self.tr("方案说明")), (VERSIONS_TAB, self.tr("发布记录")),
                            (CHANGES_TAB, self.tr("修改记录"))):
            self.side_tabs.setTabText(index, text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "file_menu"):
            self.retranslate_ui()
            if hasattr(self, "week_label"):  # built: redraw what follows the data
                self._show_week()
        super().changeEvent(event)

    def _build_menus(self) -> None:
        """The menu bar; the texts are set by `retranslate_ui`."""
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.outputs = OutputActions(self, self._settings, self._today)
        self.outputs.add_to(self.file_menu)
        self.file_menu.addSeparator()
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = bar.addMenu("")
        # Their prefix is fixed when made; the rest of their text is the command's.
        self.undo_action = self.undo_group.createUndoAction(self, self.tr("撤销"))
        self.undo_action.setShortcuts([QKeySequence.StandardKey.Undo])
        self.redo_action = self.undo_group.createRedoAction(self, self.tr("重做"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        # Delete and Ctrl+L act on the grid's chosen name, so they live on the grid: typing
        # in another panel must not remove anybody.
        self.remove_action = QAction(self)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.remove_action.triggered.connect(self.remove_chosen)
        self.pin_action = QAction(self)
        self.pin_action.setShortcut(QKeySequence("Ctrl+L"))
        self.pin_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.pin_action.triggered.connect(self.toggle_pin_chosen)
        self.candidates_action = QAction(self)
        self.candidates_action.setShortcut(QKeySequence("Ctrl+K"))
        self.candidates_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.candidates_action.triggered.connect(self.show_candidates_for_current)
        for action in (self.remove_action, self.pin_action, self.candidates_action):
            self.edit_menu.addAction(action)

        self.roster_menu = bar.addMenu("")
        self.solve_action = QAction(self)
        self.solve_action.setShortcut(QKeySequence("F5"))
        self.solve_action.triggered.connect(self.start_solve)
        self.roster_menu.addAction(self.solve_action)
        self.copy_action = QAction(self)
        self.copy_action.triggered.connect(self.copy_last_week)
        self.roster_menu.addAction(self.copy_action)
        self.plan_next_action = QAction(self)
        self.plan_next_action.triggered.connect(self.plan_next_week)
        self.roster_menu.addAction(self.plan_next_action)
        self.repair_action = QAction(self)
        self.repair_action.triggered.connect(self.repair_for_current)
        self.roster_menu.addAction(self.repair_action)
        self.publish_action = QAction(self)
        self.publish_action.triggered.connect(self.publish_week)
        self.reopen_action = QAction(self)
        self.reopen_action.triggered.connect(self.reopen_week)
        self.roster_menu.addAction(self.publish_action)
        self.roster_menu.addAction(self.reopen_action)
        self.roster_menu.addSeparator()
        self.week_actions = []
        for shortcut, slot in (("Ctrl+PgUp", self.previous_week), ("Ctrl+Home", self.this_week),
                               ("Ctrl+PgDown", self.next_week)):
            action = QAction(self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            self.roster_menu.addAction(action)
            self.week_actions.append(action)

        self.data_menu = bar.addMenu("")
        self.volunteers_action = QAction(self)
        self.volunteers_action.triggered.connect(self.open_volunteers)
        self.import_action = QAction(self)
        self.import_action.triggered.connect(self.open_import)
        self.setup_action = QAction(self)
        self.setup_action.triggered.connect(self.open_setup)
        for action in (self.volunteers_action, self.import_action, self.setup_action):
            self.data_menu.addAction(action)
        self.data_menu.addSeparator()
        self.new_community_action = QAction(self)
        self.new_community_action.triggered.connect(self.new_community)
        self.data_menu.addAction(self.new_community_action)

        self.stats_menu = bar.addMenu("")
        self.reports_action = QAction(self)
        self.reports_action.triggered.connect(self.open_reports)
        self.stats_menu.addAction(self.reports_action)

        self.settings_menu = bar.addMenu("")
        self.database_action = QAction(self)
        self.database_action.triggered.connect(self.open_database_settings)
        self.settings_menu.addAction(self.database_action)
        self.language_menu = self.settings_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self)  # each language in its own words, never translated
            action.setCheckable(True)
            action.setChecked(code == self.translators.language)
            action.triggered.connect(lambda checked=False, c=code: self.set_language(c))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._about)
        self.help_menu.addAction(self.about_action)

    def _build_roster_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self._build_week_bar())

        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        splitter.setObjectName("mainSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_grid_panel())
        splitter.addWidget(self._build_side_panel())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([1060, 420])  # the right column holds the panels too
        self.main_splitter = splitter
        layout.addWidget(splitter, 1)

        self.notices = QListWidget(page)
        self.notices.setObjectName("notices")
        self.notices.setMaximumHeight(96)
        self.notices.setWordWrap(True)
        self.notices_title = QLabel()
        self.notices_title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.notices_title)
        layout.addWidget(self.notices)
        return page

    def _build_week_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.previous_button = QPushButton()
        self.this_week_button = QPushButton()
        self.next_button = QPushButton()
        self.previous_button.clicked.connect(self.previous_week)
        self.this_week_button.clicked.connect(self.this_week)
        self.next_button.clicked.connect(self.next_week)
        # A street office's shared database holds several communities: each clerk picks theirs.
        self.community_box = QComboBox()
        self.community_box.setObjectName("communityBox")
        self.community_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.community_box.activated.connect(self._community_chosen)
        bar.addWidget(self.community_box)
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
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel_solve)
        self.solve_button = QPushButton()
        self.solve_button.setObjectName("solveButton")
        self.solve_button.setStyleSheet(
            "#solveButton { background: #c0392b; color: white; font-weight: bold;"
            " padding: 5px 18px; border-radius: 4px; }"
            "#solveButton:disabled { background: #d9a8a2; }"
        )
        self.solve_button.clicked.connect(self.start_solve)
        self.published_label = QLabel()
        self.published_label.setObjectName("publishedBadge")
        self.published_label.setStyleSheet(
            "#publishedBadge { background: #1f5fa8; color: white; border-radius: 4px; padding: 2px 8px;"
            " font-weight: bold; }")
        self.published_label.hide()
        bar.insertWidget(bar.indexOf(self.week_label) + 1, self.published_label)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_last_week)
        self.plan_next_button = QPushButton()
        self.plan_next_button.clicked.connect(self.plan_next_week)
        self.publish_button = QPushButton()
        self.publish_button.clicked.connect(self._toggle_published)
        for widget in (self.progress_label, self.progress_bar, self.cancel_button):
            widget.hide()
            bar.addWidget(widget)
        bar.addWidget(self.copy_button)
        bar.addWidget(self.plan_next_button)
        bar.addWidget(self.publish_button)
        bar.addWidget(self.solve_button)
        return bar

    def _build_grid_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)

        self.grid_view = RosterGridView(panel)
        self.grid_view.setModel(self.grid_model)
        self.grid_view.assign_dropped.connect(self.assign)
        self.grid_view.move_dropped.connect(self.move)
        self.grid_view.swap_dropped.connect(lambda va, pa, vb, pb: self.swap((va, pa), (vb, pb)))
        self.grid_view.remove_requested.connect(self.remove)
        self.grid_view.customContextMenuRequested.connect(self._show_cell_menu)
        for action in (self.remove_action, self.pin_action, self.candidates_action):
            self.grid_view.addAction(action)
        layout.addWidget(self.grid_view, 1)

        self.legend = Legend(panel)
        layout.addWidget(self.legend)
        self.summary_label = QLabel(panel)
        self.summary_label.setObjectName("summary")
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary_label)
        return panel

    def _build_side_panel(self) -> QWidget:
        """The right column: the volunteer list above, the tabs 问题 / 谁能顶岗 / 方案说明 below."""
        side = QSplitter(Qt.Orientation.Vertical)
        side.setObjectName("sideSplitter")
        side.setChildrenCollapsible(False)
        side.addWidget(self._build_volunteer_panel())
        self.side_tabs = QTabWidget()
        self.side_tabs.setObjectName("sideTabs")
        self.problems = ProblemsPanel()
        self.problems.problem_activated.connect(self._select_problem)
        self.candidates = CandidatesPanel()
        self.candidates.assign_requested.connect(self.assign)
        self.explanation = ExplanationPanel()
        self.versions = VersionsPanel()
        self.changes = ChangeLogPanel()
        for tab in (self.problems, self.candidates, self.explanation, self.versions, self.changes):
            self.side_tabs.addTab(tab, "")
        self.side_tabs.currentChanged.connect(self._on_side_tab_changed)
        side.addWidget(self.side_tabs)
        side.setStretchFactor(0, 3)
        side.setStretchFactor(1, 2)
        self.side_splitter = side
        return side

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
        # Its columns fit their contents; after an edit only the changed rows are measured.
        self.volunteer_view = FittedTableView(panel)
        self.volunteer_view.setObjectName("volunteerList")
        self.volunteer_view.setModel(self.volunteer_proxy)
        self.volunteer_view.setSortingEnabled(True)
        # A row dragged onto a post of the grid puts the person there.
        self.volunteer_view.setDragEnabled(True)
        self.volunteer_view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.volunteer_view.setDefaultDropAction(Qt.DropAction.CopyAction)
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
        self.volunteer_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.volunteer_view.customContextMenuRequested.connect(self._show_volunteer_menu)
        layout.addWidget(self.volunteer_view, 1)
        return panel

    # === showing data ===================================================================

    def _notify_store_changed(self, community_id: int) -> None:
        if self._writing:
            return  # our own edit, already shown
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
        with collecting_paused():
            self._reload()

    def _reload(self) -> None:
        self._reload_pending = False
        try:
            communities = self.store.communities()
            self._forget_stacks({c.id for c in communities})
            previous_id = self.community.id if self.community else self._saved_community()
            # At first the clerk's own community rather than the demo, when both are kept.
            first = next((c for c in communities if not c.is_demo), communities[0] if communities else None)
            self.community = next((c for c in communities if c.id == previous_id), first)
            self._fill_community_box(communities)
            if self.community is None:
                self._week = None
                self.published = False
            else:
                self.published = self.store.week_status(self.community.id, self.week_start) == PUBLISHED
                scenario = self.store.week_scenario(self.community.id, self.week_start)
                roster = self.store.week_roster(self.community.id, self.week_start)
                details = self.store.volunteer_details(self.community.id)
                self._versions = self.store.published_versions(self.community.id, self.week_start)
                kinds = {vid: d.kind for vid, d in details.items()}
                phones = {vid: d.phone for vid, d in details.items() if d.phone}
                self._week = WeekData(scenario, roster, kinds, phones=phones)
        except Exception as exc:  # a store error must not leave a half-drawn window
            log.exception("reading the week failed")
            self._week = None
            self._show_error(self.tr("读取数据失败"), str(exc))
        self._show_week()
        self.data_reloaded.emit()

    def _saved_community(self) -> int | None:
        value = self._settings.value(COMMUNITY_KEY) if self._settings is not None else None
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def _fill_community_box(self, communities: list) -> None:
        box = self.community_box
        box.blockSignals(True)
        box.clear()
        for c in communities:
            box.addItem(c.name + (self.tr("（演示）") if c.is_demo else ""), c.id)
        if self.community is not None:
            box.setCurrentIndex(box.findData(self.community.id))
        box.blockSignals(False)
        box.setVisible(len(communities) > 1)

    def _community_chosen(self, index: int) -> None:
        community_id = self.community_box.itemData(index)
        if community_id is not None:
            self.choose_community(community_id)

    def choose_community(self, community_id: int) -> bool:
        """Show another community of the database (remembered for the next start)."""
        if self._task is not None:
            self.statusBar().showMessage(self.tr("正在自动排班，结束后再切换社区。"), 10_000)
            self._fill_community_box(self.store.communities())
            return False
        chosen = next((c for c in self.store.communities() if c.id == community_id), None)
        if chosen is None:
            return False
        self.community = chosen
        if self._settings is not None:
            self._settings.setValue(COMMUNITY_KEY, community_id)
        self.reload()
        self.statusBar().showMessage(self.tr("当前社区：{name}").format(name=chosen.name), 10_000)
        return True

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

        chosen = self.grid_view.chosen
        current = self.grid_view.currentIndex().data(RosterGridModel.PostRole)
        self.grid_model.set_week(self._week)
        self.volunteer_model.set_week(self._week)
        self.explanation.set_week(self._week, self._is_coverage_proven())
        self._show_checks()
        self.candidates.refresh(self._week)
        self.versions.set_week(self._week, self._versions if self._week is not None else [], self.published)
        self._show_change_log()
        self._show_summary()
        self._show_notices()
        # The same week read again (another panel saved something): keep the clerk's place.
        if current is not None:
            self.grid_view.choose(current, chosen[1] if chosen and chosen[0] == current else None)
        self._update_actions()
        self._count_later()

    def _count_later(self) -> None:
        # Once the window is on screen (`showEvent`), and after the week is painted.
        if self._count_timer is not None and self._week is not None and self.isVisible():
            self._count_timer.start(COUNT_AFTER_MS)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._count_later()

    def _count_short_posts(self) -> None:
        week = self._week
        try:
            more = week is not None and count_short_posts(week, SHORT_POSTS_PER_TURN)
        except Exception:  # only time is lost: the edit counts them itself
            log.exception("counting the short posts' reasons failed")
            return
        if more and self._task is None:  # not while 自动排班 runs: the solver needs the CPU
            self._count_timer.start(0)

    def _show_edited(self) -> None:
        """Show the shown week after a command changed it: models updated in place."""
        week = self._week
        self.grid_model.update_week(week)
        self.volunteer_model.update_week(week)
        self.explanation.set_week(week, self._is_coverage_proven())
        self._show_checks()
        self.candidates.refresh(week)
        self.versions.set_week(week, self._versions, self.published)
        self._show_change_log()
        self._show_summary()
        self._show_notices()
        self._update_actions()
        self._count_later()

    def _show_change_log(self) -> None:
        """修改记录 after the week was shown or changed: read again now if its tab is shown,
        else when the clerk opens it (`_on_side_tab_changed`).

        A street office's trail has thousands of lines; reading and fitting them on every
        edit cost a sixth of a second, for a tab the clerk rarely has open."""
        self._change_log_stale = True
        if self.side_tabs.currentIndex() == CHANGES_TAB:
            self._refresh_change_log()

    def _on_side_tab_changed(self, index: int) -> None:
        if index == CHANGES_TAB and self._change_log_stale:
            self._refresh_change_log()

    def _refresh_change_log(self) -> None:
        """修改记录: who changed the shown week, what and when (the store's audit trail)."""
        self._change_log_stale = False
        week = self._week
        if week is None or self.community is None:
            self.changes.show_changes([])
            return
        try:
            changes = self.store.roster_changes(self.community.id, self.week_start)
        except Exception as exc:  # as reading the week: a message, not a traceback
            log.exception("reading the change log failed")
            self.changes.show_changes([])
            self._show_error(self.tr("读取数据失败"), str(exc))
            return
        self.changes.show_changes(changes, {g.id: g.name for g in week.scenario.gates},
                                  {sl.id: sl.name for sl in week.scenario.slots})

    def _show_checks(self) -> None:
        """The live check's verdict in the 问题 panel and on its tab."""
        self.problems.set_week(self._week)
        rules = self.problems.model.count(RULE)
        total = self.problems.model.rowCount()
        title = self.tr("问题") if total == 0 else self.tr("问题 ({n})").format(n=total)
        self.side_tabs.setTabText(PROBLEMS_TAB, title)
        self.side_tabs.tabBar().setTabTextColor(
            PROBLEMS_TAB, Qt.GlobalColor.darkRed if rules else self.palette().windowText().color())

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
        elif is_hand_edited(week.roster):
            status = self.tr("手工调整")
        text += "　" + self.tr("方案：{status}").format(status=status)
        if week.violations:
            text += self.tr("　<span style='color:#d9480f'><b>违反规则 {n} 处</b>（见右侧“问题”）</span>").format(
                n=len(week.violations))
        if self.published:
            text += "　" + self.tr("<b>已发布</b>，不能修改")
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
        editable = self.can_edit()
        self.solve_button.setEnabled(editable)
        self.solve_action.setEnabled(editable)
        self.copy_button.setEnabled(editable)
        self.copy_action.setEnabled(editable)
        for action in (self.remove_action, self.pin_action):
            action.setEnabled(editable)
        self.candidates_action.setEnabled(has_week)
        self.repair_action.setEnabled(editable)
        has_community = self.community is not None
        self.outputs.set_enabled(has_community)
        for action in (self.volunteers_action, self.import_action, self.setup_action, self.reports_action):
            action.setEnabled(has_community)
        self.grid_view.set_editable(editable)
        self.candidates.set_editable(editable)
        has_roster = has_week and self._week.roster is not None
        self.publish_action.setEnabled(has_roster and not self.published and not solving)
        self.reopen_action.setEnabled(has_week and self.published and not solving)
        self.publish_button.setText(self.tr("重新打开") if self.published else self.tr("发布"))
        self.publish_button.setEnabled(not solving and (self.published or has_roster))
        # The next week starts from this one: only a week with a roster has one to give.
        self.plan_next_button.setVisible(has_roster)
        self.plan_next_button.setEnabled(has_roster and not solving)
        self.plan_next_action.setEnabled(has_roster and not solving)
        self.published_label.setVisible(has_week and self.published)
        # Undo/redo belong to the shown week, and only while it may change.
        self.undo_group.setActiveStack(self.undo_stack() if editable else None)
        # Changing week or community mid-solve would make it unclear where the answer goes.
        for widget in (self.previous_button, self.this_week_button, self.next_button,
                       self.demo_banner.remove_button):
            widget.setEnabled(not solving)
        for widget in (self.progress_label, self.progress_bar, self.cancel_button):
            widget.setVisible(solving)

    # === hand editing ====================================================================

    def can_edit(self) -> bool:
        """Whether the shown week may change now: a week shown, not published, not solving."""
        return self._week is not None and not self.published and self._task is None

    def week_key(self) -> WeekKey | None:
        return WeekKey(self.community.id, self.week_start) if self.community is not None else None

    def undo_stack(self) -> QUndoStack | None:
        """The shown week's undo stack (made on first use), or None with no community."""
        key = self.week_key()
        if key is None:
            return None
        stack = self._stacks.get(key)
        if stack is None:
            stack = QUndoStack(self.undo_group)
            self._stacks[key] = stack
        return stack

    def _forget_stacks(self, community_ids: set[int]) -> None:
        """Drop the undo history of communities that are gone: a new community may get
        the same id, and undoing into it would write another community's roster."""
        for key in [k for k in self._stacks if k.community_id not in community_ids]:
            stack = self._stacks.pop(key)
            if self.undo_group.activeStack() is stack:
                self.undo_group.setActiveStack(None)
            self.undo_group.removeStack(stack)
            stack.deleteLater()

    def _push(self, make: Callable[[], RosterCommand]) -> bool:
        """Make a command for the shown week and do it (undoably); False if refused."""
        if not self.can_edit():
            if self.published:
                self.statusBar().showMessage(self.tr("本周排班表已发布，不能修改；要修改请先“重新打开”。"), 10_000)
            return False
        with collecting_paused():  # (as for reading a week: an edit builds the week's roster anew)
            try:
                command = make()
            except EditError:
                return False  # e.g. dropped where the person already stands: nothing to do
            self._edit_failed = False
            self.undo_stack().push(command)  # does it (redo) at once
        return not self._edit_failed

    def _command_failed(self, error: Exception, change: FailedChange | None = None) -> None:
        log.error("saving a hand edit failed: %s", error)
        self._edit_failed = True
        # What the stack remembers no longer matches the database: start afresh from it.
        key = self.week_key()
        stack = self._stacks.pop(key, None) if key is not None else None
        if stack is not None:
            QTimer.singleShot(0, stack.deleteLater)
        if isinstance(error, ConcurrentEditError):
            # Another clerk (on the shared server) saved this week after we read it: show
            # theirs, and offer to make this change again on top of it.
            who = error.clerk or self.tr("另一位工作人员")
            when = f"{local_time(error.changed_at):%H:%M}" if error.changed_at else ""
            text = self.tr("{who} {when} 修改了这一周的排班，您的这次修改没有保存。"
                           "已重新载入对方的修改；对方改了什么，见“修改记录”。").format(who=who, when=when)
            self.statusBar().showMessage(text)
            QTimer.singleShot(0, lambda: self._after_conflict(text, key, change))
            return
        QTimer.singleShot(0, self.reload)
        self.statusBar().showMessage(self.tr("修改没有保存：{error}").format(error=error))
        self._show_error(self.tr("修改没有保存"), str(error))

    def _after_conflict(self, text: str, key: WeekKey | None, change: FailedChange | None) -> None:
        self.reload()
        self.side_tabs.setCurrentIndex(CHANGES_TAB)
        if change is None or key is None or key != self.week_key() or self._week is None or not self.can_edit():
            self._show_error(self.tr("别人刚修改了这一周"), text + self.tr("请在此基础上重新操作。"))
            return
        if not self.ask_merge(text):
            self.statusBar().showMessage(self.tr("已放弃您的修改，显示对方保存的排班表。"), 10_000)
            return
        merged = change.merged_into(tuple(self._week.assignments))
        self._push(lambda: ReplaceRosterCommand(
            self, key, self._week, self._week.derive(merged),
            self.tr("合并：{what}").format(what=change.message), self._command_failed))

    def ask_merge(self, text: str) -> bool:
        """合并 (make my change again on what the other clerk saved) or 重新载入 (keep theirs)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("别人刚修改了这一周"), text, parent=self)
        merge = box.addButton(self.tr("合并我的修改"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("放弃我的修改"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(merge)
        box.exec()
        return box.clickedButton() is merge

    def apply_roster(self, key: WeekKey, roster: Roster | None, message: str) -> None:
        """Save a week's roster (None: unscheduled) in one transaction and show it.

        Called by the commands (`RosterSink`). Raises if the store refuses; nothing is
        shown then.
        """
        with collecting_paused():  # (undo and redo come here without `_push`)
            self._apply_roster(key, roster, message)

    def _apply_roster(self, key: WeekKey, roster: Roster | None, message: str) -> None:
        self._writing = True
        try:
            if roster is None:
                self.store.clear_roster(key.community_id, key.week_start)
            else:
                self.store.save_roster(key.community_id, key.week_start, roster)
        finally:
            self._writing = False
        if key == self.week_key() and self._week is not None:
            self._week = self._week.edited(roster)
            self._show_edited()
        problems = len(self._week.violations) if self._week is not None else 0
        if problems:
            message += self.tr("。违反规则 {n} 处，见“问题”").format(n=problems)
        self.statusBar().showMessage(message)
        self.roster_edited.emit()

    def assign(self, volunteer: str, post) -> bool:
        """Put `volunteer` at `post` (undoable)."""
        return self._push(lambda: AssignCommand(self, self.week_key(), self._week, volunteer, post,
                                                self._command_failed))

    def move(self, volunteer: str, source, target) -> bool:
        """Move `volunteer` from post `source` to post `target` (undoable)."""
        return self._push(lambda: MoveCommand(self, self.week_key(), self._week, volunteer, source, target,
                                              self._command_failed))

    def swap(self, first: tuple, second: tuple) -> bool:
        """Two people, (volunteer, post) each, trade posts (undoable)."""
        return self._push(lambda: SwapCommand(self, self.week_key(), self._week, first, second,
                                              self._command_failed))

    def remove(self, volunteer: str, post) -> bool:
        """Take `volunteer` off `post` (undoable)."""
        return self._push(lambda: RemoveCommand(self, self.week_key(), self._week, volunteer, post,
                                                self._command_failed))

    def set_pinned(self, volunteer: str, post, pinned: bool) -> bool:
        """Pin (锁定) or unpin `volunteer` at `post` (undoable)."""
        return self._push(lambda: PinCommand(self, self.week_key(), self._week, volunteer, post, pinned,
                                             self._command_failed))

    def replace_roster(self, roster: Roster, text: str) -> bool:
        """A whole new roster for the shown week, as one undoable command."""
        return self._push(lambda: ReplaceRosterCommand(self, self.week_key(), self._week, roster, text,
                                                       self._command_failed))

    def remove_chosen(self) -> None:
        """Delete: the chosen name of the current cell, else its last name."""
        target = self.grid_view.target_name()
        if target is not None:
            self.remove(target[1], target[0])

    def toggle_pin_chosen(self) -> None:
        """Ctrl+L: pin or unpin the chosen name of the current cell, else its last name."""
        target = self.grid_view.target_name()
        if target is None or self._week is None:
            return
        post, volunteer = target
        pinned = next((a.pinned for a in self._week.assignments if a.volunteer == volunteer and a.post == post), None)
        if pinned is not None and self.set_pinned(volunteer, post, not pinned):
            self.grid_view.choose(post, volunteer)

    def show_candidates(self, post) -> None:
        """谁能顶岗 for `post`: rank the volunteers in the side panel and show it."""
        if self._week is None or post is None:
            return
        self.candidates.show_post(self._week, post)
        self.side_tabs.setCurrentIndex(CANDIDATES_TAB)
        self.statusBar().showMessage(
            self.tr("{post}：能来 {n} 人，最合适的在前。双击一人即可安排。").format(
                post=describe_post(self._week, post), n=self.candidates.model.candidate_count()), 10_000)

    def show_candidates_for_current(self) -> None:
        index = self.grid_view.currentIndex()
        if index.isValid():
            self.show_candidates(index.data(RosterGridModel.PostRole))

    def _select_problem(self, post, volunteer) -> None:
        self.grid_view.choose(post, volunteer)
        index = self.grid_model.index_of(post)
        if index.isValid():
            self.grid_view.scrollTo(index)
        self.grid_view.setFocus()

    def cell_menu(self, post, volunteer: str | None = None) -> QMenu:
        """The context menu of a post: 安排 (the best candidates), per name 移除 and 锁定 /
        取消锁定, and 谁能顶这个岗？"""
        menu = QMenu(self)
        week = self._week
        editable = self.can_edit()
        open_post = week is not None and post in week.staffing
        assign_menu = menu.addMenu(self.tr("安排…"))
        assign_menu.setEnabled(editable and open_post)
        if open_post and editable:
            ranking = candidates.CurrentRoster(week.scenario, week.assignments, week.instance).rank(post)
            for candidate in ranking.candidates[:8]:
                name = week.volunteer_names.get(candidate.volunteer, candidate.volunteer)
                text = self.tr("{name}（本周 {h} 小时）").format(
                    name=name, h=format_hours(candidate.week_hours))
                # Someone ranked here only because nobody better is free would leave a run of
                # days short of their own minimum: the menu says so, as the panel does.
                short_run = minimum_text(week, candidate)
                if short_run:
                    text = self.tr("{entry}：{minimum}").format(entry=text, minimum=short_run)
                action = assign_menu.addAction(text)
                action.triggered.connect(lambda checked=False, v=candidate.volunteer: self.assign(v, post))
            if not ranking.candidates:
                assign_menu.addAction(self.tr("没有人能来")).setEnabled(False)
            assign_menu.addSeparator()
            more = assign_menu.addAction(self.tr("全部人选…"))
            more.triggered.connect(lambda: self.show_candidates(post))
        names = [a for a in (week.people_at.get(post, []) if week is not None else [])]
        if volunteer is not None:  # the name right-clicked first
            names.sort(key=lambda a: a.volunteer != volunteer)
        if names:
            menu.addSeparator()
        for a in names:
            name = week.volunteer_names.get(a.volunteer, a.volunteer)
            remove = menu.addAction(self.tr("移除 {name}").format(name=name))
            remove.setEnabled(editable)
            remove.triggered.connect(lambda checked=False, v=a.volunteer: self.remove(v, post))
            pin = menu.addAction(
                self.tr("取消锁定 {name}").format(name=name) if a.pinned else self.tr("锁定 {name}").format(name=name))
            pin.setEnabled(editable)
            pin.triggered.connect(lambda checked=False, v=a.volunteer, p=a.pinned: self.set_pinned(v, post, not p))
            away = menu.addAction(self.tr("{name} 请假/退出…").format(name=name))
            away.setEnabled(editable)
            away.triggered.connect(lambda checked=False, v=a.volunteer, d=post.date: self.start_repair(v, d))
            if post.date >= self._today():
                # The usual case in one choice: away that day only; the proposal that
                # follows is the confirmation (放弃 keeps the roster).
                today_only = menu.addAction(self.tr("{name} 只这天请假（{date}）").format(
                    name=name, date=date_label(post.date)))
                today_only.setEnabled(editable)
                today_only.triggered.connect(
                    lambda checked=False, v=a.volunteer, d=post.date: self.repair_dropout(v, [d]))
        menu.addSeparator()
        who = menu.addAction(self.tr("谁能顶这个岗？"))
        who.setEnabled(open_post)
        who.triggered.connect(lambda: self.show_candidates(post))
        return menu

    def _show_cell_menu(self, pos) -> None:
        post = self.grid_view.post_at(pos)
        if post is None:
            return
        volunteer = self.grid_view.name_at(pos)
        self.grid_view.choose(post, volunteer)
        menu = self.cell_menu(post, volunteer)
        menu.exec(self.grid_view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # === a drop-out (请假/退出) and its repair ==============================================

    def _show_volunteer_menu(self, pos) -> None:
        index = self.volunteer_view.indexAt(pos)
        if not index.isValid():
            return
        menu = self.volunteer_menu(self.volunteer_proxy.mapToSource(index).row())
        if menu is not None:
            menu.exec(self.volunteer_view.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def _volunteer_at_row(self, row: int) -> str | None:
        """The id of the volunteer in a row of `volunteer_model` (None outside it)."""
        if not 0 <= row < self.volunteer_model.rowCount():
            return None
        return self.volunteer_model.index(row, 0).data(VolunteerListModel.VolunteerIdRole)

    def volunteer_menu(self, row: int) -> QMenu | None:
        """The context menu of a volunteer of the list (a row of `volunteer_model`)."""
        volunteer = self._volunteer_at_row(row) if self._week is not None else None
        if volunteer is None:
            return None
        name = self._week.volunteer_names.get(volunteer, volunteer)
        menu = QMenu(self)
        away = menu.addAction(self.tr("{name} 请假/退出…").format(name=name))
        away.setEnabled(self.can_edit())
        away.triggered.connect(lambda: self.start_repair(volunteer))
        register = menu.addAction(self.tr("打开志愿者名册…"))
        register.triggered.connect(self.open_volunteers)
        return menu

    def repair_for_current(self) -> None:
        """排班 → 请假/退出…: for the name chosen in the grid, else the volunteer selected
        in the list."""
        target = self.grid_view.target_name()
        if target is not None:
            self.start_repair(target[1], target[0].date)
            return
        rows = self.volunteer_view.selectionModel().selectedRows() if self.volunteer_view.selectionModel() else []
        if rows:
            volunteer = self._volunteer_at_row(self.volunteer_proxy.mapToSource(rows[0]).row())
            if volunteer is not None:
                self.start_repair(volunteer)
                return
        self.statusBar().showMessage(self.tr("请先在排班表或志愿者名单里选中一个人。"), 10_000)

    def start_repair(self, volunteer: str, day: dt.date | None = None) -> AwayDatesDialog | None:
        """请假/退出…: ask which days `volunteer` cannot come (window-modal, not blocking);
        OK saves them and proposes the repair (`repair_dropout`). `day` (the date of a
        post right-clicked) is ticked too when it is not past."""
        if not self.can_edit():
            if self.published:
                self.statusBar().showMessage(self.tr("本周排班表已发布，不能修改；要修改请先“重新打开”。"), 10_000)
            return None
        dialog = AwayDatesDialog(self._week, volunteer, self._today(), self)
        if day is not None and day in dialog.boxes and day >= self._today() and dialog.boxes[day].isEnabled():
            dialog.boxes[day].setChecked(True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.repair_dropout(volunteer, dialog.chosen_dates(), dialog.new_dates()))
        dialog.destroyed.connect(lambda: setattr(self, "away_dialog", None))
        self.away_dialog = dialog
        dialog.open()
        return dialog

    def repair_dropout(self, volunteer: str, dates: Sequence[dt.date],
                       new_dates: Sequence[dt.date] | None = None) -> RepairDialog | None:
        """Save `volunteer` away on `new_dates` (default `dates`), then solve the repair
        of their posts on `dates` on a worker thread and show the proposal (`RepairDialog`,
        window-modal, not blocking): 接受 applies it as one undoable command, 放弃 keeps the
        roster (the away dates stay; the broken posts show under 问题)."""
        if not self.can_edit() or not dates:
            return None
        key = self.week_key()
        name = self._week.volunteer_names.get(volunteer, volunteer)
        to_save = list(dates if new_dates is None else new_dates)
        if to_save:
            from roster_app.persistence.volunteer_edit import VolunteerEditStore

            self._writing = True  # our own write: reloaded just below
            try:
                VolunteerEditStore(self.store).add_unavailable_dates(key.community_id, [volunteer], to_save)
            except Exception as exc:
                log.exception("saving the dates away failed")
                self.statusBar().showMessage(self.tr("请假没有保存：{error}").format(error=exc))
                self._show_error(self.tr("请假没有保存"), str(exc))
                return None
            finally:
                self._writing = False
            self.reload()  # the person's posts on those dates now break a rule: 问题 lists them
        days = "、".join(date_label(d) for d in sorted(dates))
        affected = [a for a in self._week.assignments if a.volunteer == volunteer and a.date in set(dates)]
        broken = [v for v in self._week.violations if v.post is not None]
        if not affected and not broken:
            self.statusBar().showMessage(
                self.tr("已记下 {name} {days} 请假；TA 这些日子没有安排，排班表不用改。").format(name=name, days=days))
            return None
        solve, options = self._repair_solver()
        if solve is None:
            return None
        try:
            scenario = repair_scenario(self.store.week_scenario(key.community_id, key.week_start), volunteer, dates)
        except Exception as exc:
            log.exception("building the snapshot failed")
            self._show_error(self.tr("读取本周数据失败"), str(exc))
            return None
        dialog = RepairDialog(self._week, scenario, volunteer, dates, solve, options, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result: self._repair_closed(dialog, key, name, days, result))
        self.repair_dialog = dialog
        dialog.open()
        dialog.start()
        self.statusBar().showMessage(self.tr("已记下 {name} {days} 请假，正在计算最少的改动…").format(name=name, days=days))
        return dialog

    def _repair_solver(self) -> tuple[Any, Any]:
        """The solve function and its options with `repair` on (the window's own solver
        when it was given one, as in tests)."""
        solve, options = self._solve, self._solve_options
        if solve is None:
            try:
                solve, default_options = _default_solver()
            except Exception as exc:
                log.exception("the solver cannot be loaded")
                self._show_error(self.tr("无法启动求解器"), str(exc))
                return None, None
            options = options if options is not None else default_options
        if options is not None and dataclasses.is_dataclass(options) and hasattr(options, "repair"):
            options = dataclasses.replace(options, repair=True)
        return solve, options

    def _repair_closed(self, dialog: RepairDialog, key: WeekKey, name: str, days: str, result: int) -> None:
        if self.repair_dialog is dialog:
            self.repair_dialog = None
        proposal = dialog.proposal
        if result != RepairDialog.DialogCode.Accepted or proposal is None:
            problems = len(self._week.violations) if self._week is not None else 0
            message = self.tr("已放弃调整，排班表未改动；{name} {days} 的请假已记下").format(name=name, days=days)
            if problems:
                message += self.tr("，违反规则 {n} 处，见“问题”").format(n=problems)
            self.statusBar().showMessage(message + self.tr("。"))
            if problems:
                self.side_tabs.setCurrentIndex(PROBLEMS_TAB)
            return
        if key != self.week_key():
            return  # cannot happen while the dialog is modal; never write into another week
        changed = len(repair_rows(self._week, proposal))
        text = self.tr("{name} {days} 请假后的调整").format(name=name, days=days)
        if self.replace_roster(proposal, text):
            short = sum(1 for s in proposal.shortages if s.post in {r.post for r in dialog.rows})
            message = self.tr("已按调整方案修改 {n} 个岗位").format(n=changed)
            if short:
                message += self.tr("，{m} 个仍缺岗（见“问题”）").format(m=short)
            self.statusBar().showMessage(message + self.tr("。可撤销（Ctrl+Z）。"))
            gates = dialog.changed_gates()
            if dialog.print_after and gates:
                # After the dialog has closed: the print dialog must not stack on it.
                QTimer.singleShot(0, lambda: self.outputs.print_document("gates", gates=gates))

    # === the other windows ==================================================================

    def open_volunteers(self) -> Any:
        """数据 → 志愿者名册…: the register of the shown community, in a window of its own."""
        return self._open(self.tr("志愿者名册"), "roster_app.gui.volunteer_editor", "open_volunteer_manager")

    def open_import(self) -> Any:
        """数据 → 导入志愿者…: from an Excel or CSV list."""
        return self._open(self.tr("导入志愿者"), "roster_app.gui.import_dialog", "open_import_dialog")

    def open_setup(self) -> Any:
        """数据 → 社区设置…: gates, slots, demand, rules, calendar."""
        return self._open(self.tr("社区设置"), "roster_app.gui.community_setup", "open_community_setup")

    def open_reports(self) -> Any:
        """统计 → 服务统计…: service hours and person-times over any date range."""
        return self._open(self.tr("服务统计"), "roster_app.gui.reports_view", "open_reports")

    def _open(self, what: str, module: str, function: str) -> Any:
        if self.community is None:
            self.statusBar().showMessage(self.tr("还没有社区。"), 10_000)
            return None
        import importlib

        try:
            opened = getattr(importlib.import_module(module), function)(self, self.store, self.community.id)
        except Exception as exc:
            log.exception("opening %s failed", module)
            self.statusBar().showMessage(self.tr("打开“{what}”失败：{error}").format(what=what, error=exc))
            self._show_error(self.tr("打开“{what}”失败").format(what=what), str(exc))
            return None
        self.statusBar().showMessage(self.tr("已打开“{what}”。").format(what=what), 10_000)
        return opened

    # === language ============================================================================

    def open_database_settings(self) -> bool:
        """设置 → 数据库: this computer's file or the street office's server, from the next start."""
        from roster_app.gui.database_dialog import DatabaseDialog

        dialog = DatabaseDialog(self._settings, self)
        if dialog.exec() != DatabaseDialog.DialogCode.Accepted:
            return False
        self.statusBar().showMessage(self.tr("数据库设置已保存，下次启动时生效。"), 10_000)
        return True

    def set_language(self, language: str) -> bool:
        """设置 → 语言: switch the interface now and remember the choice; False (and a
        message) if the language's catalogue is missing."""
        app = QCoreApplication.instance()
        ok = self.translators.install(app, language)
        for code, action in self.language_actions.items():
            action.setChecked(code == self.translators.language)
        if not ok:
            self.statusBar().showMessage(self.tr("没有找到这种语言的翻译文件，界面仍用中文。"))
            self._show_error(self.tr("切换语言"), self.tr(
                "没有找到这种语言的翻译文件（resources/translations/*.qm）。请重新运行安装脚本 scripts/setup.sh。"))
            return False
        # Qt posts LanguageChange to the widgets; the clerk's window changes at once.
        self.retranslate_ui()
        self._show_week()
        if app is not None:
            app.setApplicationDisplayName(QCoreApplication.translate("App", "门岗排班"))
        if self._settings is not None:
            save_language(language, self._settings)
        self.statusBar().showMessage(self.tr("界面语言：{name}").format(name=LANGUAGES[language]), 10_000)
        return True

    # === publishing and copying ==========================================================

    def _toggle_published(self) -> None:
        if self.published:
            self.reopen_week()
        else:
            self.publish_week()

    def publish_week(self) -> None:
        """Publish the shown week: posted at the gates, read-only until reopened."""
        if self.community is None or self._week is None or self._week.roster is None or self._task is not None:
            return
        try:
            self.store.publish_week(self.community.id, self.week_start)
        except Exception as exc:
            log.exception("publishing failed")
            self._show_error(self.tr("发布失败"), str(exc))
            return
        self.reload()
        self.statusBar().showMessage(self.tr("已发布本周排班表，现在不能修改；要修改请先“重新打开”。"))

    def reopen_week(self) -> None:
        """Make the shown (published) week a draft again, so it can change."""
        if self.community is None or self._task is not None:
            return
        try:
            self.store.reopen_week(self.community.id, self.week_start)
        except Exception as exc:
            log.exception("reopening failed")
            self._show_error(self.tr("重新打开失败"), str(exc))
            return
        self.reload()
        self.statusBar().showMessage(self.tr("已重新打开本周排班表，可以修改；改完请再发布。"))

    def copy_last_week(self) -> None:
        """Start this week from last week's roster (undoable): every assignment that is
        still allowed is copied (pins kept), the rest are named in the status bar."""
        if not self.can_edit():
            return
        week = self._week
        try:
            last = self.store.week_roster(self.community.id, self.week_start - dt.timedelta(days=7))
        except Exception as exc:
            log.exception("reading last week failed")
            self._show_error(self.tr("读取上周排班表失败"), str(exc))
            return
        if last is None or not last.assignments:
            self.statusBar().showMessage(self.tr("上周没有排班表，无法复制。"), 10_000)
            return
        kept, dropped = copy_week(week, last.assignments)
        roster = week.derive(tuple(kept))
        if not self.replace_roster(roster, self.tr("复制上周排班")):
            return
        message = self.tr("已复制上周排班 {n} 人次").format(n=len(kept) - sum(a.pinned for a in week.assignments))
        if dropped:
            names = "、".join(
                self.tr("{name}（{post}）").format(
                    name=week.volunteer_names.get(a.volunteer, a.volunteer), post=describe_post(week, a.post))
                for a in dropped[:6])
            more = self.tr("等") if len(dropped) > 6 else ""
            message += self.tr("；{m} 人次不再符合规则，没有复制：{names}{more}").format(
                m=len(dropped), names=names, more=more)
        self.statusBar().showMessage(message + self.tr("。可撤销（Ctrl+Z）。"))

    def plan_next_week(self) -> None:
        """照本周排下一周: show the next week and, if it has no roster yet, copy the shown
        week into it (undoable, as 复制上周 does)."""
        if self._task is not None or self._week is None or self._week.roster is None:
            return
        self.next_week()
        if self._week is None or (self._week.roster is not None and self._week.assignments):
            self.statusBar().showMessage(self.tr("下一周已有排班表，没有复制。"), 10_000)
            return
        self.copy_last_week()

    def new_community(self) -> Any:
        """新建社区…: the clerk's community from the standard template (`new_community`);
        the window then shows it, this week, and opens the import when asked."""
        if self._task is not None:
            return None
        from roster_app.gui.new_community import open_new_community

        dialog = open_new_community(self, self.store, monday_of(self._today()))
        dialog.created.connect(self._community_created)
        return dialog

    def _community_created(self, community_id: int, import_next: bool) -> None:
        self.community = next((c for c in self.store.communities() if c.id == community_id), None)
        self.week_start = monday_of(self._today())
        self.reload()
        self.week_changed.emit(self.week_start)
        name = self.community.name if self.community is not None else ""
        if import_next:
            # After the form has closed: one window-modal dialog at a time.
            QTimer.singleShot(0, self.open_import)
        self.statusBar().showMessage(self.tr("已新建社区“{name}”。门岗和班次可在“数据 → 社区设置”里修改。").format(
            name=name), 15_000)

    # === remembering the layout ==========================================================

    def _restore_layout(self) -> None:
        settings = self._settings
        if settings is None:
            return
        geometry = settings.value("mainWindow/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        size = settings.value("mainWindow/size")
        if size is not None and not self.isMaximized():
            # restoreGeometry alone is off by the frame on some platforms (offscreen, some
            # X11 window managers); the inner size is what the clerk chose.
            self.resize(size)
        for key, splitter in (("mainWindow/mainSplitter", self.main_splitter),
                              ("mainWindow/sideSplitter", self.side_splitter)):
            state = settings.value(key)
            if state is not None:
                splitter.restoreState(state)

    def save_layout(self) -> None:
        """Remember the window's size and splitters for the next start."""
        settings = self._settings
        if settings is None:
            return
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        settings.setValue("mainWindow/size", self.size())
        settings.setValue("mainWindow/mainSplitter", self.main_splitter.saveState())
        settings.setValue("mainWindow/sideSplitter", self.side_splitter.saveState())
        settings.sync()

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

        options = self._solve_options
        if options is not None and hasattr(options, "language"):
            # Shortage reasons and conflicts in the language of the interface.
            options = dataclasses.replace(options, language="en" if self.translators.language == "en" else "zh")
        self._task = SolveTask(self._solve, scenario, options)
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
            # One undoable command: Ctrl+Z brings back the roster from before 自动排班.
            # The window does not change week or community while solving, so the shown
            # week is the one solved; editing was off meanwhile.
            task, self._task = self._task, None  # can_edit() is False while a task runs
            try:
                saved = self._push(lambda: ReplaceRosterCommand(
                    self, WeekKey(community_id, week_start), self._week, roster, self.tr("自动排班"),
                    self._command_failed))
            finally:
                self._task = task
            if not saved:
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
        self.save_layout()
        # A solve still running would outlive the window: stop it and drop its answer
        # (the clerk is leaving; nothing should be saved behind their back).
        if self._task is not None:
            task, self._task = self._task, None
            for signal in (task.progressed, task.finished, task.failed, task.done):
                signal.disconnect()
            task.wait()
            self._elapsed_timer.stop()
        super().closeEvent(event)


class VersionsPanel(QWidget):
    """发布记录: the shown week's published versions and what changed between them.

    The list has a row per version, newest first, and — while the week is reopened and
    differs from its last version — a first row 当前（未发布的修改）. Selecting a row lists
    what changed from the version before it: ＋ who was added where, － who was taken off.

    Signals: none. Attributes: versions_list, changes_list.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        self.title_label = QLabel(self)
        self.title_label.setWordWrap(True)
        layout.addWidget(self.title_label)
        self.versions_list = QListWidget(self)
        self.versions_list.setObjectName("versionsList")
        self.versions_list.setMaximumHeight(110)
        self.versions_list.currentRowChanged.connect(self._show_changes)
        layout.addWidget(self.versions_list)
        self.changes_list = QListWidget(self)
        self.changes_list.setObjectName("changesList")
        layout.addWidget(self.changes_list, 1)
        self._week: WeekData | None = None
        self._names: dict[str, str] = {}
        self._rows: list[tuple[tuple, tuple | None]] = []  # (assignments, those of the one before)

    def set_week(self, week: WeekData | None, versions: list, published: bool) -> None:
        self._week = week
        # Names as published, for people who have left since; today's names first.
        self._names = {k: v for version in versions for k, v in version.names.items()}
        if week is not None:
            self._names.update(week.volunteer_names)
        self.versions_list.blockSignals(True)
        self.versions_list.clear()
        self._rows = []
        if week is not None:
            current = tuple(week.assignments)
            last = versions[-1].assignments if versions else None
            if versions and not published and roster_changes(last, current) != ([], []):
                self.versions_list.addItem(self.tr("当前（未发布的修改）"))
                self._rows.append((current, last))
            for i, version in reversed(list(enumerate(versions))):
                when = version.published_at.replace(tzinfo=dt.timezone.utc).astimezone()
                self.versions_list.addItem(self.tr("第 {n} 版　{time} 发布，{count} 人次").format(
                    n=version.number, time=f"{when:%m-%d %H:%M}", count=len(version.assignments)))
                self._rows.append((version.assignments, versions[i - 1].assignments if i else None))
        self.versions_list.blockSignals(False)
        if week is None or not versions:
            self.title_label.setText(self.tr("本周还没有发布过。发布后，每次发布的排班表都留在这里，可以看出前后改了什么。"))
        else:
            self.title_label.setText(self.tr("本周发布过 {n} 次。选一行，看它比前一版改了什么。").format(n=len(versions)))
        if self._rows:
            self.versions_list.setCurrentRow(0)
        self._show_changes(self.versions_list.currentRow())

    def _show_changes(self, row: int) -> None:
        self.changes_list.clear()
        week = self._week
        if week is None or not 0 <= row < len(self._rows):
            return
        assignments, before = self._rows[row]
        if before is None:
            self.changes_list.addItem(self.tr("第一次发布：共 {n} 人次。").format(n=len(assignments)))
            return
        added, removed = roster_changes(before, assignments)
        if not added and not removed:
            self.changes_list.addItem(self.tr("与前一版相同。"))
        for sign, items, colour in (("＋", added, "#2b8a3e"), ("－", removed, "#c92a2a")):
            for a in items:
                item = QListWidgetItem(f"{sign} {self._names.get(a.volunteer, a.volunteer)}　"
                                       f"{describe_post(week, a.post)}")
                item.setForeground(QColor(colour))
                self.changes_list.addItem(item)

    def changes_shown(self) -> list[str]:
        return [self.changes_list.item(i).text() for i in range(self.changes_list.count())]


@contextlib.contextmanager
def collecting_paused():
    """Python's cycle collector paused meanwhile (and resumed as it was, whatever happens).

    Reading a street office's week makes some hundred thousand objects that live on; the
    collector, run every few hundred allocations, walked them again and again while they
    were being made (a third of the time the window took to read and show the week).
    Garbage made meanwhile is collected when the collector next runs."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_startup_set_aside = False


def set_aside_startup_objects() -> None:
    """Once per process, when the first window has read its week: everything made so far
    (the program, Qt's wrappers, the week) is set aside from the cycle collector's later
    passes (`gc.freeze`). Made while the collector was paused, the week's objects would
    otherwise all be walked by the next full pass, while the window first paints (90 ms on
    a street office's week), and by every full pass after. What is set aside is freed as
    usual when nothing refers to it; only garbage in cycles among it would stay."""
    global _startup_set_aside
    if not _startup_set_aside:
        _startup_set_aside = True
        gc.freeze()


def is_hand_edited(roster: Roster) -> bool:
    """A roster last changed by hand (`WeekData.derive` gives no solve time), not the
    solver's untouched answer."""
    return roster.status == "FEASIBLE" and roster.wall_time_s is None and roster.bound is None


def copy_week(week: WeekData, last: tuple) -> tuple[list, list]:
    """Last week's assignments moved on 7 days: (this week's pins + the copies still
    allowed, the copies left out). A copy is left out if it breaks a hard rule given what
    is already placed, or the post is full; the volunteer must still be in the week."""
    from dataclasses import replace

    kept = [a for a in week.assignments if a.pinned]
    current = candidates.CurrentRoster(week.scenario, kept, week.instance)
    volunteers = {v.id: v for v in week.scenario.volunteers}
    dropped = []
    for a in sorted(last, key=lambda a: (not a.pinned, a.date, a.slot, a.gate)):
        copy = replace(a, date=a.date + dt.timedelta(days=7))
        demand = week.staffing.get(copy.post)
        v = volunteers.get(copy.volunteer)
        if any(k.volunteer == copy.volunteer and k.post == copy.post for k in kept):
            continue  # already pinned there this week
        if (v is None or demand is None or len(current.at.get(copy.post, [])) >= demand.max
                or current.blocked_by(v, copy.post) is not None):
            dropped.append(copy)
            continue
        current.add(copy)
        kept.append(copy)
    return kept, dropped


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
