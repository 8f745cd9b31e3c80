"""Repair after a drop-out (请假/退出): mark the days a volunteer cannot come, let the solver
propose the fewest changes, and show them as a before/after list to accept or reject.

The clerk's journey (issue 4): someone rings the office and says they cannot come on
Thursday and Friday. From the volunteer list or the grid, 请假/退出… opens
`AwayDatesDialog`: the week's dates, each with the person's posts that day, the rest of
the week from today ticked. The window saves the dates as unavailable dates, then
`RepairDialog` solves the week with `SolveOptions(repair=True)` on a worker thread: every
assignment the rules still allow stays (pins included), and only the posts that must change
get new people. The proposal is shown as a list — post, 原来 (who stood there), 现在 (who
stands there now, or 空缺), and for a post still short why (the solver's reason). 接受
applies it as one undoable command; 放弃 leaves the roster as it was (the away dates stay
saved, and the broken posts show under 问题).

This module holds the two dialogs and the plain data between them; the window does the
saving. `repair_scenario` and `repair_rows` are plain functions, tested without Qt.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any, Iterable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from roster_app.gui.roster_model import describe_post, weekday_label
from roster_app.gui.solve_task import SolveFunction, SolveTask, split_outcome
from roster_app.gui.week_data import WeekData, roster_changes
from solver.scenario import Post, Roster, Scenario

log = logging.getLogger(__name__)

SAVED_STATUSES = ("OPTIMAL", "FEASIBLE")  # an answer with a roster worth proposing
SHORT_INK = QColor("#a11b1b")
ADDED_INK = QColor("#2b8a3e")
REMOVED_INK = QColor("#8a8f96")


# --- plain data -----------------------------------------------------------------------------


def default_away_dates(dates: Sequence[dt.date], today: dt.date) -> list[dt.date]:
    """The dates ticked at first: the rest of the shown week from today (all of a week to
    come, none of a week gone by)."""
    return [d for d in dates if d >= today]


def repair_scenario(scenario: Scenario, volunteer: str, dates: Iterable[dt.date]) -> Scenario:
    """The week's snapshot to repair after `volunteer` drops out on `dates`.

    The person is away on the dates (whether or not the store has saved them yet). Their
    own pins on those dates are released: a pin cannot hold someone who is not there, and
    kept as a pin it would only be reported as a conflict. Everything else stays as the
    store gives it: other pins hard, the current assignments as `previous`, which
    `SolveOptions(repair=True)` keeps wherever the rules still allow.
    """
    dates = frozenset(dates)
    released = tuple(a for a in scenario.pinned if a.volunteer == volunteer and a.date in dates)
    volunteers = tuple(
        replace(v, unavailable_dates=v.unavailable_dates | dates) if v.id == volunteer else v
        for v in scenario.volunteers
    )
    return replace(
        scenario,
        volunteers=volunteers,
        pinned=tuple(a for a in scenario.pinned if a not in released),
        previous=tuple(scenario.previous) + tuple(replace(a, pinned=False) for a in released),
    )


@dataclass(frozen=True)
class RepairRow:
    """One post the repair changes: who stood there before and who stands there after
    (names, only those who change), and — if the post is still short — how many people it
    lacks (`missing`, 0 when only a need is unmet) and why."""

    post: Post
    before: tuple[str, ...]
    after: tuple[str, ...]
    short: bool = False
    missing: int = 0
    reason: str = ""


def repair_rows(week: WeekData, proposal: Roster) -> list[RepairRow]:
    """The posts whose people differ between the shown roster and `proposal`, in date,
    slot and gate order; the proposal's shortage at each (if any) with its reason."""
    added, removed = roster_changes(tuple(week.assignments), tuple(proposal.assignments))
    names = week.volunteer_names
    before: dict[Post, list[str]] = defaultdict(list)
    after: dict[Post, list[str]] = defaultdict(list)
    for a in removed:
        before[a.post].append(names.get(a.volunteer, a.volunteer))
    for a in added:
        after[a.post].append(names.get(a.volunteer, a.volunteer))
    shortage = {s.post: s for s in proposal.shortages}
    slot_order = {s.id: i for i, s in enumerate(week.scenario.slots)}
    gate_order = {g.id: i for i, g in enumerate(week.scenario.gates)}
    posts = sorted(set(before) | set(after),
                   key=lambda p: (p.date, slot_order.get(p.slot, 0), gate_order.get(p.gate, 0)))
    rows = []
    for post in posts:
        s = shortage.get(post)
        rows.append(RepairRow(post, tuple(before[post]), tuple(after[post]), s is not None,
                              s.missing if s else 0, s.reason if s else ""))
    return rows


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("RepairDialog", text)


def date_label(day: dt.date) -> str:
    """"11-26 周四"."""
    return f"{day:%m-%d} {weekday_label(day)}"


# --- the list of changes --------------------------------------------------------------------


class RepairChangesModel(QAbstractTableModel):
    """The proposal's changes, a row per post: 岗位, 原来, 现在, 说明 (still short, and why).

    Attributes: rows (`RepairRow`s). Signals: the model's own.
    """

    POST, BEFORE, AFTER, NOTE = range(4)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[RepairRow] = []
        self._week: WeekData | None = None

    def set_rows(self, week: WeekData | None, rows: list[RepairRow]) -> None:
        self.beginResetModel()
        self._week = week
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 4:
            return (_tr("岗位"), _tr("原来"), _tr("现在"), _tr("说明"))[section]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or self._week is None:
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.POST:
                return describe_post(self._week, row.post)
            if column == self.BEFORE:
                return "、".join(row.before) if row.before else "—"
            if column == self.AFTER:
                return "、".join(row.after) if row.after else _tr("（空缺）")
            if column == self.NOTE:
                if not row.short:
                    return ""
                if row.missing:
                    return _tr("仍缺 {n} 人：{reason}").format(n=row.missing, reason=row.reason)
                return _tr("仍缺条件：{reason}").format(reason=row.reason)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NOTE and row.short:
            return row.reason
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.NOTE or (column == self.AFTER and not row.after):
                return SHORT_INK
            if column == self.AFTER:
                return ADDED_INK
            if column == self.BEFORE:
                return REMOVED_INK
        return None


# --- choosing the days away -------------------------------------------------------------------


class AwayDatesDialog(QDialog):
    """请假/退出: which days of the shown week a volunteer cannot come.

    A check box per date says what the person has that day ("东门 上午、北门 晚班" or 没有安排);
    dates already marked away are ticked and greyed. The rest of the week from `today` is
    ticked at first. OK is enabled while at least one date is ticked.

    Attributes: volunteer (id), boxes (date -> QCheckBox), ok_button.
    """

    def __init__(self, week: WeekData, volunteer: str, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.volunteer = volunteer
        self._week = week
        name = week.volunteer_names.get(volunteer, volunteer)
        self.setWindowTitle(self.tr("请假/退出 — {name}").format(name=name))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "勾选 {name} 本周不能来的日子。确定后记为请假，并重新安排 TA 这些日子的岗位："
            "其余安排不变，改动先给你过目，再决定接受还是放弃。").format(name=name))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        volunteer_info = next((v for v in week.scenario.volunteers if v.id == volunteer), None)
        already = volunteer_info.unavailable_dates if volunteer_info is not None else frozenset()
        posts_on: dict[dt.date, list[str]] = defaultdict(list)
        slot_name = {s.id: s.name for s in week.scenario.slots}
        gate_name = {g.id: g.name for g in week.scenario.gates}
        for a in sorted(week.assignments, key=lambda a: (a.date, a.slot)):
            if a.volunteer == volunteer:
                posts_on[a.date].append(f"{gate_name.get(a.gate, a.gate)} {slot_name.get(a.slot, a.slot)}")
        ticked = set(default_away_dates(week.dates, today))
        self.boxes: dict[dt.date, QCheckBox] = {}
        for day in week.dates:
            duty = "、".join(posts_on[day]) if posts_on[day] else self.tr("没有安排")
            text = self.tr("{date}：{duty}").format(date=date_label(day), duty=duty)
            box = QCheckBox(text, self)
            if day in already:
                box.setText(text + self.tr("（已登记请假）"))
                box.setChecked(True)
                box.setEnabled(False)
            else:
                box.setChecked(day in ticked)
            if posts_on[day]:
                font = box.font()
                font.setBold(True)
                box.setFont(font)
            box.toggled.connect(self._update_ok)
            self.boxes[day] = box
            layout.addWidget(box)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("记为请假并重新安排"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update_ok()

    def chosen_dates(self) -> list[dt.date]:
        """The ticked dates, those marked before included (their posts need repair too)."""
        return [day for day, box in self.boxes.items() if box.isChecked()]

    def new_dates(self) -> list[dt.date]:
        """The ticked dates not marked away yet (what is to be saved)."""
        return [day for day, box in self.boxes.items() if box.isChecked() and box.isEnabled()]

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.chosen_dates()))


# --- the proposal -------------------------------------------------------------------------------


class RepairDialog(QDialog):
    """Solves the repair on a worker thread, then shows its changes to accept or reject.

    While solving: a busy bar, what the solver is doing, and 停止 (keep the best proposal
    found so far). Then the list of changes (`RepairChangesModel`) with a summary line;
    接受 (`accept`) is enabled when there is a proposal, 放弃 (`reject`) always. Closing
    mid-solve stops the worker first.

    Signals:
        solved(object): the search ended; carries the proposed `Roster`, or None when
            there is none (no answer in time, or the solve failed).

    Attributes:
        proposal: the proposed `Roster` (None until solved, or when there is none).
        rows: the changes (`RepairRow`s); model, table: the list's model and view.
        accept_button, accept_print_button (接受并打印变更的门岗表: accepts, and sets
            `print_after` so the window prints the changed gates' sheets), reject_button,
            stop_button.
        print_after: whether the clerk accepted with 接受并打印变更的门岗表.
    """

    solved = Signal(object)

    def __init__(self, week: WeekData, scenario: Scenario, volunteer: str, dates: Sequence[dt.date],
                 solve: SolveFunction, options: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self._week = week
        self._scenario = scenario
        self._solve = solve
        self._options = options
        self._task: SolveTask | None = None
        self.proposal: Roster | None = None
        self.rows: list[RepairRow] = []
        self.print_after = False
        name = week.volunteer_names.get(volunteer, volunteer)
        days = "、".join(date_label(d) for d in sorted(dates))
        self.setWindowTitle(self.tr("请假后的调整 — {name}").format(name=name))
        self.resize(820, 380)

        layout = QVBoxLayout(self)
        self.title_label = QLabel(self.tr(
            "{name} {days} 不能来。下面是改动最少的调整：只换掉必须换的人，其余安排不变。").format(name=name, days=days))
        self.title_label.setWordWrap(True)
        layout.addWidget(self.title_label)

        busy = QHBoxLayout()
        self.progress_label = QLabel(self.tr("正在计算最少的改动…"))
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setTextVisible(False)
        self.stop_button = QPushButton(self.tr("停止"))
        self.stop_button.setToolTip(self.tr("停止计算，用目前找到的最好方案"))
        self.stop_button.clicked.connect(self.stop)
        busy.addWidget(self.progress_label, 1)
        busy.addWidget(self.progress_bar)
        busy.addWidget(self.stop_button)
        layout.addLayout(busy)

        self.model = RepairChangesModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("repairChanges")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RepairChangesModel.NOTE, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)

        buttons = QDialogButtonBox(self)
        # What a clerk does next after a drop-out: re-post the sheets of the gates that changed.
        self.accept_print_button = buttons.addButton(self.tr("接受并打印变更的门岗表…"),
                                                     QDialogButtonBox.ButtonRole.ActionRole)
        self.accept_print_button.setToolTip(self.tr("按这个方案修改排班表，再打印有变化的门岗的值班表，换下门岗上贴的旧表"))
        self.accept_print_button.setEnabled(False)
        self.accept_print_button.clicked.connect(self.accept_and_print)
        self.accept_button = buttons.addButton(self.tr("接受"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.reject_button = buttons.addButton(self.tr("放弃"), QDialogButtonBox.ButtonRole.RejectRole)
        self.accept_button.setToolTip(self.tr("按这个方案修改排班表（可撤销）"))
        self.reject_button.setToolTip(self.tr("不改排班表；请假已记下，受影响的岗位见“问题”"))
        self.accept_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # --- the search ---------------------------------------------------------------------------

    def start(self) -> None:
        """Start the repair solve on its worker thread."""
        self._task = SolveTask(self._solve, self._scenario, self._options)
        self._task.progressed.connect(self._on_progress)
        self._task.finished.connect(self._on_solved)
        self._task.failed.connect(self._on_failed)
        self._task.done.connect(self._on_done)
        self._task.start()

    def is_solving(self) -> bool:
        return self._task is not None

    def stop(self) -> None:
        """停止: end the search; the best proposal so far is shown."""
        if self._task is not None:
            self._task.cancel()
            self.stop_button.setEnabled(False)
            self.progress_label.setText(self.tr("正在停止，保留目前最好的方案…"))

    def _on_progress(self, progress: Any) -> None:
        if self._task is not None and not self._task.cancelled:
            self.progress_label.setText(self.tr("正在计算最少的改动：已找到方案 {n} 个").format(n=progress.solutions))

    def _on_solved(self, outcome: Any) -> None:
        roster, _stats = split_outcome(outcome)
        if roster.status not in SAVED_STATUSES:
            self.proposal = None
            self.progress_label.setText(self.tr("没有找到调整方案，排班表未改动。请用“谁能顶岗”手工安排。"))
            return
        self.proposal = roster
        self.rows = repair_rows(self._week, roster)
        self.model.set_rows(self._week, self.rows)
        self.table.resizeRowsToContents()
        changed = sum(1 for r in self.rows if r.after)
        short = sum(1 for r in self.rows if r.short)
        if not self.rows:
            summary = self.tr("不需要改动。")
        else:
            summary = self.tr("共 {n} 个岗位有变化：{changed} 个换了人").format(n=len(self.rows), changed=changed)
            summary += self.tr("，<span style='color:#a11b1b'><b>{short} 个仍缺岗</b></span>").format(short=short) \
                if short else self.tr("，没有缺岗")
            summary += self.tr("。接受后可撤销（Ctrl+Z）。")
        warnings = [w for w in roster.warnings if w not in self._week.calendar_warnings]
        if warnings:
            summary += "<br>" + "<br>".join(self.tr("提示：") + w for w in warnings)
        self.summary_label.setText(summary)
        self.progress_label.setText(self.tr("计算完成。"))
        self.accept_button.setEnabled(True)
        self.accept_print_button.setEnabled(bool(self.changed_gates()))
        self.accept_print_button.setDefault(bool(self.changed_gates()))
        self.accept_button.setDefault(not self.changed_gates())

    def _on_failed(self, message: str) -> None:
        self.proposal = None
        self.progress_label.setText(self.tr("计算出错，排班表未改动：{message}").format(message=message))

    def _on_done(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.wait()
        self.progress_bar.hide()
        self.stop_button.hide()
        self.solved.emit(self.proposal)

    def changed_gates(self) -> list[str]:
        """The ids of the gates whose posts the proposal changes, in the community's order."""
        changed = {row.post.gate for row in self.rows}
        return [g.id for g in self._week.scenario.gates if g.id in changed]

    def accept_and_print(self) -> None:
        """接受并打印变更的门岗表: accept; the window then prints the changed gates' sheets."""
        if self.proposal is None:
            return
        self.print_after = True
        self.accept()

    # --- closing -----------------------------------------------------------------------------

    def done(self, result: int) -> None:
        if self._task is not None:
            # Leaving mid-solve: the answer must not arrive after the clerk said no.
            task, self._task = self._task, None
            for signal in (task.progressed, task.finished, task.failed, task.done):
                signal.disconnect()
            task.wait()
            self.proposal = None
        if result == QDialog.DialogCode.Accepted and self.proposal is None:
            return  # nothing to accept
        super().done(result)
