"""The 需求 tab of the set-up dialog: staffing per gate × slot, and posts closed on dates.

Two tables, one for workdays and one for rest days (rows gates, columns slots); a cell
holds the fewest and most people the post takes, edited with two spin boxes
(`StaffingDelegate`); a maximum of 0 closes the post on those days. Below them the clerk
closes a gate in some slots for a range of dates (西门 on a market day, 北门 while the
road is dug up) and reopens such dates. Whether a date is a workday follows the official
calendar and the 日历 tab's overrides, which the solver also uses.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from roster_app.gui.setup_models import DemandTableModel, ExceptionTableModel
from roster_app.gui.setup_texts import FieldMessages, error_label, problem_text
from roster_app.persistence.setup_edit import CommunitySetup, Problem, Staffing, WeeklyDemand

if TYPE_CHECKING:
    from roster_app.gui.community_setup import CommunitySetupDialog

MAX_PEOPLE = 99
MAX_CLOSING_DAYS = 366  # a year at most in one go: a longer closing is a change of demand


class StaffingEditor(QWidget):
    """Two spin boxes, fewest – most people; a maximum of 0 reads 不开放 (closed).

    Attributes: `min_spin`, `max_spin`. Signals: none of its own.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.setSpacing(2)
        self.min_spin = QSpinBox(self)
        self.min_spin.setRange(0, MAX_PEOPLE)
        self.min_spin.setToolTip(self.tr("最少人数：少于这个数就算缺岗"))
        self.max_spin = QSpinBox(self)
        self.max_spin.setRange(0, MAX_PEOPLE)
        self.max_spin.setSpecialValueText(self.tr("不开放"))
        self.max_spin.setToolTip(self.tr("最多人数；0 表示这个岗位不开放"))
        layout.addWidget(self.min_spin, 1)
        layout.addWidget(QLabel("–", self))
        layout.addWidget(self.max_spin, 1)
        self.setFocusProxy(self.min_spin)

    def staffing(self) -> Staffing:
        return Staffing(self.min_spin.value(), self.max_spin.value())

    def set_staffing(self, staffing: Staffing | None) -> None:
        staffing = staffing or Staffing(0, 0)
        self.min_spin.setValue(staffing.min)
        self.max_spin.setValue(staffing.max)


class StaffingDelegate(QStyledItemDelegate):
    """Edits a `DemandTableModel` cell with a `StaffingEditor` (Enter or leaving the cell saves)."""

    def createEditor(self, parent, option, index):
        return StaffingEditor(parent)

    def setEditorData(self, editor, index):
        editor.set_staffing(index.model().data(index, Qt.ItemDataRole.EditRole))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.staffing(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor, option, index):
        # At least wide enough for both spin boxes, even in a narrow column.
        rect = option.rect
        rect.setWidth(max(rect.width(), editor.sizeHint().width()))
        editor.setGeometry(rect)


def _table(model, delegate: QStyledItemDelegate) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setItemDelegate(delegate)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                         | QAbstractItemView.EditTrigger.AnyKeyPressed)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    # Every row the same height: a gate's row must not grow because of its header text.
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 14)
    view.verticalHeader().setMinimumWidth(view.fontMetrics().horizontalAdvance("菜市场口") + 12)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view


def _fit_height(view: QTableView) -> None:
    """Shows every row without a scroll bar: a community has a handful of gates."""
    height = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
    height += sum(view.verticalHeader().sectionSize(r) for r in range(view.model().rowCount()))
    view.setFixedHeight(height + 2)


class DemandTab(QWidget):
    """The 需求 tab. Attributes: `workday_model`, `rest_day_model`, `workday_view`,
    `rest_day_view` (the two tables), the closing form (`close_gate`, `close_from`,
    `close_to`, `slot_checks`, `close_button`), `exception_model`/`exception_view` and
    `reopen_button`; `table_message` and `closing_messages` show refusals. Signals: none."""

    def __init__(self, dialog: CommunitySetupDialog):
        super().__init__(dialog)
        self.dialog = dialog
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("双击格子修改每个岗位需要的人数：最少–最多。最多为 0 即这个时段不开放。"
                              "哪天是工作日按国家法定安排（含调休），可在“日历”里逐日调整。"))
        hint.setWordWrap(True)
        layout.addWidget(hint)

        self.workday_model = DemandTableModel(False, self._commit, self)
        self.rest_day_model = DemandTableModel(True, self._commit, self)
        # One delegate per view: a delegate's commitData goes to every view it serves.
        self.workday_view = _table(self.workday_model, StaffingDelegate(self))
        self.rest_day_view = _table(self.rest_day_model, StaffingDelegate(self))
        tables = QGridLayout()
        for column, (title, view) in enumerate(((self.tr("工作日"), self.workday_view),
                                                (self.tr("休息日"), self.rest_day_view))):
            label = QLabel(f"<b>{title}</b>")
            tables.addWidget(label, 0, column)
            tables.addWidget(view, 1, column)
        layout.addLayout(tables)
        self.table_message = error_label(self)
        layout.addWidget(self.table_message)
        for model, other in ((self.workday_model, self.rest_day_model), (self.rest_day_model, self.workday_model)):
            model.rejected.connect(self._show_rejected)
            model.committed.connect(other.set_other)
            model.committed.connect(self._committed)

        layout.addWidget(self._closing_box())
        layout.addStretch(1)

    # --- weekly demand --------------------------------------------------------------------

    def _commit(self, demand: WeeklyDemand):
        return self.dialog.attempt(lambda: self.dialog.editor.set_weekly_demand(self.dialog.community_id, [demand]),
                                   reload=False).problems

    def _show_rejected(self, problems: list[Problem]) -> None:
        names = {g.code: g.name for g in self.dialog.setup.gates}
        slots = {s.code: s.name for s in self.dialog.setup.slots}
        lines = []
        for p in problems:
            where = ""
            if p.field.startswith("demand["):
                gate, slot = p.field[len("demand["):p.field.index("]")].split(",")
                days = self.tr("休息日") if ".rest_day" in p.field else self.tr("工作日")
                where = self.tr("{gate} {slot}（{days}）：").format(gate=names.get(gate, gate),
                                                               slot=slots.get(slot, slot), days=days)
            lines.append(where + problem_text(p))
        self.table_message.setText("\n".join(lines))
        self.table_message.show()

    def _committed(self, demand: WeeklyDemand) -> None:
        self.table_message.clear()
        self.table_message.hide()
        self.dialog.note_saved(self.tr("已保存需求"))

    # --- closing posts on dates ---------------------------------------------------------

    def _closing_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("临时关闭岗位（某几天不开放）"))
        grid = QGridLayout(box)
        self.close_gate = QComboBox(box)
        self.close_from = QDateEdit(box)
        self.close_to = QDateEdit(box)
        for edit in (self.close_from, self.close_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.close_from.dateChanged.connect(self._from_changed)
        grid.addWidget(QLabel(self.tr("门岗")), 0, 0)
        grid.addWidget(self.close_gate, 0, 1)
        grid.addWidget(QLabel(self.tr("从")), 0, 2)
        grid.addWidget(self.close_from, 0, 3)
        grid.addWidget(QLabel(self.tr("到")), 0, 4)
        grid.addWidget(self.close_to, 0, 5)
        grid.setColumnStretch(6, 1)
        grid.addWidget(QLabel(self.tr("时段")), 1, 0)
        self.slot_row = QHBoxLayout()
        grid.addLayout(self.slot_row, 1, 1, 1, 6)
        self.slot_checks: list[QCheckBox] = []
        self.close_button = QPushButton(self.tr("关闭所选岗位"), box)
        self.close_button.clicked.connect(self._close_posts)
        grid.addWidget(self.close_button, 2, 1)
        self.closing_general = error_label(box)
        self.dates_message = error_label(box)
        self.slots_message = error_label(box)
        grid.addWidget(self.dates_message, 1, 7)
        grid.addWidget(self.slots_message, 2, 2, 1, 5)
        grid.addWidget(self.closing_general, 3, 1, 1, 6)
        self.closing_messages = FieldMessages(self.closing_general)
        self.closing_messages.register("dates", self.dates_message)
        self.closing_messages.register("slots", self.slots_message)

        self.exception_model = ExceptionTableModel(self)
        self.exception_view = QTableView(box)
        self.exception_view.setModel(self.exception_model)
        self.exception_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.exception_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.exception_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.exception_view.verticalHeader().hide()
        self.exception_view.setMinimumHeight(110)
        grid.addWidget(QLabel(self.tr("已关闭或另定人数的日期")), 4, 0, 1, 7)
        grid.addWidget(self.exception_view, 5, 0, 1, 8)
        self.reopen_button = QPushButton(self.tr("恢复开放"), box)
        self.reopen_button.setToolTip(self.tr("所选日期重新按每周的需求安排"))
        self.reopen_button.clicked.connect(self._reopen)
        grid.addWidget(self.reopen_button, 6, 0, 1, 2)
        return box

    def _from_changed(self, date: QDate) -> None:
        if self.close_to.date() < date:
            self.close_to.setDate(date)

    def selected_slots(self) -> list[str]:
        return [check.property("slot") for check in self.slot_checks if check.isChecked()]

    def _close_posts(self) -> None:
        start, end = self.close_from.date().toPython(), self.close_to.date().toPython()
        if end < start:
            self.closing_messages.show([Problem("dates", "dates_reversed", "the end is before the start")])
            return
        if (end - start).days >= MAX_CLOSING_DAYS:
            self.closing_messages.show([Problem("dates", "too_many_days", "more than a year",
                                                {"max": MAX_CLOSING_DAYS})])
            return
        dates = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
        gate = self.close_gate.currentData()
        outcome = self.dialog.attempt(
            lambda: self.dialog.editor.close_posts(self.dialog.community_id, gate, self.selected_slots(), dates))
        if outcome.problems:
            self.closing_messages.show(outcome.problems)
        else:
            self.closing_messages.clear()
            self.dialog.note_saved(self.tr("已关闭 {gate} 的 {n} 个岗位").format(
                gate=self.close_gate.currentText(), n=len(dates) * len(self.selected_slots())))

    def _reopen(self) -> None:
        rows = sorted({i.row() for i in self.exception_view.selectionModel().selectedRows()})
        if not rows:
            self.closing_messages.show([Problem("", "choose_rows", "choose the dates to reopen")])
            return
        exceptions = [self.exception_model.exception_at(r) for r in rows]

        def reopen() -> None:
            for e in exceptions:
                self.dialog.editor.clear_date_demand(self.dialog.community_id, e.gate, [e.slot], [e.date])

        outcome = self.dialog.attempt(reopen)
        if outcome.problems:
            self.closing_messages.show(outcome.problems)
        else:
            self.closing_messages.clear()
            self.dialog.note_saved(self.tr("已恢复 {n} 个岗位").format(n=len(exceptions)))

    # --- data in ------------------------------------------------------------------------

    def set_setup(self, setup: CommunitySetup) -> None:
        self.workday_model.set_setup(setup)
        self.rest_day_model.set_setup(setup)
        for view in (self.workday_view, self.rest_day_view):
            _fit_height(view)
        self.exception_model.set_setup(setup)

        gate = self.close_gate.currentData()
        self.close_gate.clear()
        for g in setup.gates:
            self.close_gate.addItem(g.name, g.code)
        self.close_gate.setCurrentIndex(max(0, self.close_gate.findData(gate)))
        labels = [(s.code, f"{s.name} {s.label}") for s in setup.slots]
        if labels != [(c.property("slot"), c.text()) for c in self.slot_checks]:
            # Rebuilt only when the slots changed, keeping the ticks of slots that stay.
            checked = set(self.selected_slots())
            for check in self.slot_checks:
                self.slot_row.removeWidget(check)
                check.hide()  # deleteLater waits for the event loop; till then it must not show
                check.deleteLater()
            self.slot_checks = []
            for code, label in labels:
                check = QCheckBox(label, self)
                check.setProperty("slot", code)
                check.setChecked(code in checked)
                self.slot_row.addWidget(check)
                self.slot_checks.append(check)

    def set_today(self, today: dt.date) -> None:
        self.close_from.setDate(QDate(today))
        self.close_to.setDate(QDate(today))

    def index_of(self, rest_day: bool, gate: str, slot: str) -> QModelIndex:
        return (self.rest_day_model if rest_day else self.workday_model).index_of(gate, slot)
