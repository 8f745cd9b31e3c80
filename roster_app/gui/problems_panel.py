"""问题: every current problem of the shown roster, in a list beside the grid.

After every edit the window shows the week anew and this panel lists, most serious first,
the hard rules the roster breaks (the independent validator's live check, `WeekData.
violations`, worded by `describe_violation`) and then the short posts (缺岗). Clicking a
problem selects its cell in the grid (and the person involved), so the clerk goes straight
to what needs fixing.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QVBoxLayout, QWidget

from roster_app.gui.fitted_view import FittedTableView
from roster_app.gui.roster_model import PROBLEM_FRAME, describe_needs, describe_post, describe_violation
from roster_app.gui.week_data import WeekData
from solver.scenario import Post

RULE, SHORT = "rule", "short"
COLUMN_SOURCES = (
    QT_TRANSLATE_NOOP("ProblemListModel", "岗位"),
    QT_TRANSLATE_NOOP("ProblemListModel", "问题"),
)
WHERE, WHAT = range(len(COLUMN_SOURCES))
SHORT_FOREGROUND = QColor("#a11b1b")


@dataclass(frozen=True)
class Problem:
    """One line of the panel: a broken rule (`RULE`) or a short post (`SHORT`)."""

    kind: str
    text: str
    post: Post | None
    volunteer: str | None = None
    where: str = ""


def week_problems(week: WeekData | None) -> list[Problem]:
    """The week's problems: broken hard rules first (by post), then short posts (by post)."""
    if week is None:
        return []
    out = []
    for v in week.violations:
        out.append(Problem(RULE, describe_violation(v, week), v.post, v.volunteer,
                           describe_post(week, v.post) if v.post is not None else ""))
    shortages = week.roster.shortages if week.roster is not None else ()
    for s in sorted(shortages, key=lambda s: (s.date, s.slot, s.gate)):
        parts = []
        if s.missing:
            parts.append(_tr("缺 {n} 人").format(n=s.missing))
        parts += describe_needs(s.unmet_needs)
        out.append(Problem(SHORT, _tr("缺岗：") + "；".join(parts), s.post, None, describe_post(week, s.post)))
    return out


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("ProblemListModel", text)


class ProblemListModel(QAbstractTableModel):
    """Table model of the problems: 岗位, 问题. Custom role `ProblemRole` gives the `Problem`.

    Signals: only QAbstractTableModel's own; `set_week` resets the model.
    """

    ProblemRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self._problems: list[Problem] = []

    def set_week(self, week: WeekData | None) -> None:
        """Show the problems of `week`. After an edit most lines are those listed before:
        only the lines that differ are replaced (their rows removed and inserted, or
        changed in place), so the view lays out and repaints those alone."""
        new = week_problems(week)
        old = self._problems
        if not old or not new:
            self.beginResetModel()
            self._problems = new
            self.endResetModel()
            return
        start = 0
        while start < min(len(old), len(new)) and old[start] == new[start]:
            start += 1
        end_old, end_new = len(old), len(new)
        while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
            end_old, end_new = end_old - 1, end_new - 1
        if end_old - start == end_new - start:
            self._problems = new
            if end_new > start:
                self.dataChanged.emit(self.index(start, 0), self.index(end_new - 1, len(COLUMN_SOURCES) - 1))
            return
        if end_old > start:
            self.beginRemoveRows(QModelIndex(), start, end_old - 1)
            self._problems = old[:start] + old[end_old:]
            self.endRemoveRows()
        if end_new > start:
            self.beginInsertRows(QModelIndex(), start, end_new - 1)
            self._problems = new
            self.endInsertRows()
        self._problems = new

    def problems(self) -> list[Problem]:
        return list(self._problems)

    def count(self, kind: str) -> int:
        return sum(p.kind == kind for p in self._problems)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMN_SOURCES)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        problem = self._problems[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return problem.where if index.column() == WHERE else problem.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{problem.where}\n{problem.text}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return PROBLEM_FRAME if problem.kind == RULE else SHORT_FOREGROUND
        if role == self.ProblemRole:
            return problem
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMN_SOURCES):
            return self.tr(COLUMN_SOURCES[section])
        return None


class ProblemsPanel(QWidget):
    """The 问题 list: a summary line and the table of problems.

    Signals:
        problem_activated(object, object): a problem was clicked; carries its post and
            the volunteer involved (or None).

    Attributes: model (`ProblemListModel`), view, summary_label.
    """

    problem_activated = Signal(object, object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.model = ProblemListModel(self)
        # Its 岗位 column fits its contents; after an edit only the changed lines are measured.
        self.view = FittedTableView(self)
        self.view.setObjectName("problemList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(WHERE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        self.view.clicked.connect(self._on_clicked)
        self.view.activated.connect(self._on_clicked)
        layout.addWidget(self.view, 1)
        # (where, text) -> the row's height, for the font and column widths of `_heights_for`.
        self._heights: dict[tuple[str, str], int] = {}
        self._heights_for: tuple | None = None
        self.set_week(None)

    def set_week(self, week: WeekData | None) -> None:
        self.model.set_week(week)
        self.view.selectionModel().clear()  # as when the list was made anew: nothing chosen
        self._fit_rows()
        rules, short = self.model.count(RULE), self.model.count(SHORT)
        if week is None:
            text = ""
        elif not rules and not short:
            text = self.tr("没有问题：每条规则都满足，也没有缺岗。")
        else:
            text = self.tr("违反规则 {rules} 处，缺岗 {short} 个。点一行，表中会选中那个岗位。").format(
                rules=rules, short=short)
        self.summary_label.setText(text)

    def _fit_rows(self) -> None:
        """As `resizeRowsToContents`, but a problem measured before at the same font and
        column widths gets the height it had: after an edit most of a street office's 170
        problems are the ones listed before, and wrapping their text again took 20–30 ms."""
        view = self.view
        context = (view.font().key(), view.columnWidth(WHERE), view.columnWidth(WHAT))
        if context != self._heights_for or len(self._heights) > 5000:
            self._heights, self._heights_for = {}, context
        for row, problem in enumerate(self.model.problems()):
            key = (problem.where, problem.text)
            height = self._heights.get(key)
            if height is None:
                view.resizeRowToContents(row)
                self._heights[key] = view.rowHeight(row)
            else:
                view.setRowHeight(row, height)

    def _on_clicked(self, index: QModelIndex) -> None:
        problem = self.model.data(index, ProblemListModel.ProblemRole)
        if problem is not None and problem.post is not None:
            self.problem_activated.emit(problem.post, problem.volunteer)
