"""修改记录: who changed the shown week's roster, what and when (the audit trail).

Several clerks may share one database; every change to a week is recorded by the store
(`RosterStore.roster_changes`: assignments added or removed, pins, publishing), newest
first. This panel lists them for the shown week, in the clerk's words: "11-23 19:05 王
东门 周一 早班 安排 张桂兰".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from roster_app.persistence.week_guard import ChangeInfo

COLUMN_SOURCES = (
    QT_TRANSLATE_NOOP("ChangeLogModel", "时间"),
    QT_TRANSLATE_NOOP("ChangeLogModel", "操作人"),
    QT_TRANSLATE_NOOP("ChangeLogModel", "岗位"),
    QT_TRANSLATE_NOOP("ChangeLogModel", "修改"),
)
WHEN, WHO, WHERE, WHAT = range(len(COLUMN_SOURCES))

ACTION_SOURCES = {
    "added": QT_TRANSLATE_NOOP("ChangeLogModel", "安排 {name}"),
    "removed": QT_TRANSLATE_NOOP("ChangeLogModel", "撤下 {name}"),
    "pinned": QT_TRANSLATE_NOOP("ChangeLogModel", "锁定 {name}"),
    "unpinned": QT_TRANSLATE_NOOP("ChangeLogModel", "解除锁定 {name}"),
    "published": QT_TRANSLATE_NOOP("ChangeLogModel", "发布本周排班表"),
    "reopened": QT_TRANSLATE_NOOP("ChangeLogModel", "重新打开本周排班表"),
}
WEEKDAYS = (
    QT_TRANSLATE_NOOP("ChangeLogModel", "周一"), QT_TRANSLATE_NOOP("ChangeLogModel", "周二"),
    QT_TRANSLATE_NOOP("ChangeLogModel", "周三"), QT_TRANSLATE_NOOP("ChangeLogModel", "周四"),
    QT_TRANSLATE_NOOP("ChangeLogModel", "周五"), QT_TRANSLATE_NOOP("ChangeLogModel", "周六"),
    QT_TRANSLATE_NOOP("ChangeLogModel", "周日"),
)
REMOVED_FOREGROUND = QColor("#a11b1b")
WEEK_FOREGROUND = QColor("#1d5fa8")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChangeLogModel", text)


def local_time(utc: dt.datetime) -> dt.datetime:
    """The store keeps UTC (clerks on one server may sit in different offices); show local."""
    return utc.replace(tzinfo=dt.timezone.utc).astimezone().replace(tzinfo=None)


class ChangeLogModel(QAbstractTableModel):
    """The week's changes, newest first; gate and slot codes shown by their names."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._changes: list[ChangeInfo] = []
        self._gates: Mapping[str, str] = {}
        self._slots: Mapping[str, str] = {}
        # Row -> its four texts: fitting the columns asks each cell for several roles.
        self._texts: dict[int, tuple[str, ...]] = {}

    def set_changes(self, changes: Sequence[ChangeInfo], gates: Mapping[str, str] = {},
                    slots: Mapping[str, str] = {}) -> None:
        self.beginResetModel()
        self._changes = list(changes)
        self._gates = dict(gates)
        self._slots = dict(slots)
        self._texts = {}
        self.endResetModel()

    def change(self, row: int) -> ChangeInfo:
        return self._changes[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._changes)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMN_SOURCES)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMN_SOURCES):
            return _tr(COLUMN_SOURCES[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._changes):
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._row_texts(row)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == WHAT:
            c = self._changes[row]
            if c.action in ("removed", "unpinned"):
                return REMOVED_FOREGROUND
            if c.action in ("published", "reopened"):
                return WEEK_FOREGROUND
        if role == Qt.ItemDataRole.ToolTipRole:
            return " ".join(text for text in self._row_texts(row) if text)
        return None

    def _row_texts(self, row: int) -> tuple[str, ...]:
        texts = self._texts.get(row)
        if texts is None:
            c = self._changes[row]
            texts = self._texts[row] = tuple(self.text(c, column) for column in range(len(COLUMN_SOURCES)))
        return texts

    def text(self, c: ChangeInfo, column: int) -> str:
        if column == WHEN:
            return f"{local_time(c.changed_at):%m-%d %H:%M}"
        if column == WHO:
            return c.clerk or _tr("（未知）")
        if column == WHERE:
            if c.date is None:
                return ""
            gate = self._gates.get(c.gate or "", c.gate or "")
            slot = self._slots.get(c.slot or "", c.slot or "")
            return f"{gate} {c.date:%m-%d} {_tr(WEEKDAYS[c.date.weekday()])} {slot}"
        if column == WHAT:
            return _tr(ACTION_SOURCES.get(c.action, c.action)).format(name=c.volunteer_name or c.volunteer or "")
        return ""


class ChangeLogPanel(QWidget):
    """The 修改记录 tab: a caption and the table of the shown week's changes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = ChangeLogModel(self)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        self.view.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.caption)
        layout.addWidget(self.view)
        self.show_changes([])

    def show_changes(self, changes: Sequence[ChangeInfo], gates: Mapping[str, str] = {},
                     slots: Mapping[str, str] = {}) -> None:
        self.model.set_changes(changes, gates, slots)
        for column in range(len(COLUMN_SOURCES)):
            if column != WHAT:  # stretched to the rest of the width: its contents do not size it
                self.view.resizeColumnToContents(column)
        self.view.horizontalHeader().setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        clerks = sorted({c.clerk for c in changes if c.clerk})
        if not changes:
            self.caption.setText(_tr("本周排班表还没有修改记录。"))
        else:
            self.caption.setText(_tr("本周共 {n} 条修改，操作人：{clerks}。").format(
                n=len(changes), clerks="、".join(clerks) or _tr("（未知）")))
