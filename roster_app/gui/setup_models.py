"""Qt table models of the community set-up dialog: gates, slots, demand, date exceptions.

Each model shows part of a `CommunitySetup` snapshot (plain data from
`roster_app.persistence.setup_edit`); `set_setup` resets it when the dialog reloads after
a write. Only `DemandTableModel` is editable: its `setData` hands the new staffing to a
commit function (the dialog's write through `SetupEditor`) and changes the cell only when
that write succeeded, so the table never shows what the database refused.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from roster_app.gui.kinds import skill_label
from roster_app.persistence.setup_edit import (
    CommunitySetup,
    DateDemand,
    GateSetup,
    Problem,
    SlotSetup,
    Staffing,
    WeeklyDemand,
)
from solver.scenario import Needs

CLOSED_FOREGROUND = QColor("#8a8f96")
WEEKDAYS = (
    QT_TRANSLATE_NOOP("SetupModels", "周一"), QT_TRANSLATE_NOOP("SetupModels", "周二"),
    QT_TRANSLATE_NOOP("SetupModels", "周三"), QT_TRANSLATE_NOOP("SetupModels", "周四"),
    QT_TRANSLATE_NOOP("SetupModels", "周五"), QT_TRANSLATE_NOOP("SetupModels", "周六"),
    QT_TRANSLATE_NOOP("SetupModels", "周日"),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("SetupModels", text)


def weekday_text(day: dt.date) -> str:
    return tr(WEEKDAYS[day.weekday()])


def staffing_text(staffing: Staffing | None) -> str:
    """"1–3 人", "2 人", or "不开放" for a closed post (no demand, or room for nobody)."""
    if staffing is None or staffing.max == 0:
        return tr("不开放")
    if staffing.min == staffing.max:
        return tr("{n} 人").format(n=staffing.min)
    return tr("{min}–{max} 人").format(min=staffing.min, max=staffing.max)


def needs_text(needs: Needs) -> str:
    """"党员 1 名、外语翻译 1 名", or "—" when the gate needs nothing in particular."""
    parts = []
    if needs.party_member:
        parts.append(tr("党员 {n} 名").format(n=needs.party_member))
    parts += [tr("{skill} {n} 名").format(skill=skill_label(k), n=n) for k, n in needs.skills.items() if n]
    return "、".join(parts) if parts else "—"


def weeks_text(weeks: Sequence[dt.date]) -> str:
    """"3 周（最近 11-23）" for the weeks a roster uses a gate or slot; "" for none."""
    if not weeks:
        return ""
    return tr("{n} 周（最近 {last}）").format(n=len(weeks), last=f"{max(weeks):%m-%d}")


CodeRole = Qt.ItemDataRole.UserRole + 1
"""The gate's or slot's code (its id in the scenario) on every cell of its row."""


class HeadedTableModel(QAbstractTableModel):
    """A set-up table with a row per item under the translated column titles `HEADERS`
    (the subclass says how many rows)."""

    HEADERS: tuple[str, ...] = ()

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.HEADERS):
            return tr(self.HEADERS[section])
        return None


class GateTableModel(HeadedTableModel):
    """The gates, left to right as on the printed roster: name, needs, weeks that use it.

    Custom roles: `CodeRole`. Signals: only QAbstractTableModel's own.
    """

    HEADERS = (QT_TRANSLATE_NOOP("SetupModels", "门岗"), QT_TRANSLATE_NOOP("SetupModels", "每岗要求"),
               QT_TRANSLATE_NOOP("SetupModels", "排班表中使用"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._gates: tuple[GateSetup, ...] = ()

    def set_setup(self, setup: CommunitySetup) -> None:
        self.beginResetModel()
        self._gates = setup.gates
        self.endResetModel()

    def gate_at(self, row: int) -> GateSetup:
        return self._gates[row]

    def row_of(self, code: str) -> int:
        return next((i for i, g in enumerate(self._gates) if g.code == code), -1)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._gates)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        gate = self._gates[index.row()]
        if role == CodeRole:
            return gate.code
        if role == Qt.ItemDataRole.DisplayRole:
            return (gate.name, needs_text(gate.needs), weeks_text(gate.in_use))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2 and gate.in_use:
            return tr("这些周的排班表用到本门岗：{weeks}").format(
                weeks="、".join(f"{w:%Y-%m-%d}" for w in gate.in_use))
        return None


class SlotTableModel(HeadedTableModel):
    """The slot templates through the day: name, times, hours, weeks that use it.

    Custom roles: `CodeRole`. Signals: only QAbstractTableModel's own.
    """

    HEADERS = (QT_TRANSLATE_NOOP("SetupModels", "班次"), QT_TRANSLATE_NOOP("SetupModels", "时间"),
               QT_TRANSLATE_NOOP("SetupModels", "时长"), QT_TRANSLATE_NOOP("SetupModels", "排班表中使用"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._slots: tuple[SlotSetup, ...] = ()

    def set_setup(self, setup: CommunitySetup) -> None:
        self.beginResetModel()
        self._slots = setup.slots
        self.endResetModel()

    def slot_at(self, row: int) -> SlotSetup:
        return self._slots[row]

    def row_of(self, code: str) -> int:
        return next((i for i, s in enumerate(self._slots) if s.code == code), -1)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._slots)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        slot = self._slots[index.row()]
        if role == CodeRole:
            return slot.code
        if role == Qt.ItemDataRole.DisplayRole:
            hours = tr("{h} 小时").format(h=f"{(slot.end - slot.start) / 60:g}")
            return (slot.name, slot.label, hours, weeks_text(slot.in_use))[index.column()]
        return None


class DemandTableModel(QAbstractTableModel):
    """Gate × slot staffing on workdays (`rest_day=False`) or on rest days.

    `EditRole` is a `Staffing`, or None for a closed post; `setData` writes through
    `commit(WeeklyDemand) -> problems` and changes the cell only if nothing was refused.

    Signals:
        rejected(list): the problems of a refused edit (`Problem` objects).
        committed(object): the `WeeklyDemand` just written.
    """

    rejected = Signal(list)
    committed = Signal(object)

    def __init__(self, rest_day: bool, commit: Callable[[WeeklyDemand], Sequence[Problem]], parent=None):
        super().__init__(parent)
        self.rest_day = rest_day
        self._commit = commit
        self._gates: tuple[GateSetup, ...] = ()
        self._slots: tuple[SlotSetup, ...] = ()
        self._table: dict[tuple[str, str], WeeklyDemand] = {}

    def set_setup(self, setup: CommunitySetup) -> None:
        self.beginResetModel()
        self._gates, self._slots = setup.gates, setup.slots
        self._table = {(d.gate, d.slot): d for d in setup.weekly}
        self.endResetModel()

    def demand_at(self, index: QModelIndex) -> WeeklyDemand:
        gate, slot = self._gates[index.row()].code, self._slots[index.column()].code
        return self._table.get((gate, slot), WeeklyDemand(gate, slot))

    def staffing_at(self, index: QModelIndex) -> Staffing | None:
        demand = self.demand_at(index)
        return demand.rest_day if self.rest_day else demand.workday

    def index_of(self, gate: str, slot: str) -> QModelIndex:
        row = next((i for i, g in enumerate(self._gates) if g.code == gate), -1)
        column = next((i for i, s in enumerate(self._slots) if s.code == slot), -1)
        return self.index(row, column) if row >= 0 and column >= 0 else QModelIndex()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._gates)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._slots)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._slots):
            slot = self._slots[section]
            return f"{slot.name}\n{slot.label}"
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._gates):
            return self._gates[section].name
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        staffing = self.staffing_at(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return staffing_text(staffing)
        if role == Qt.ItemDataRole.EditRole:
            return staffing
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and (staffing is None or staffing.max == 0):
            return CLOSED_FOREGROUND
        if role == Qt.ItemDataRole.ToolTipRole:
            gate, slot = self._gates[index.row()], self._slots[index.column()]
            days = tr("休息日") if self.rest_day else tr("工作日")
            text = tr("{gate} {slot}（{time}），{days}：{staffing}").format(
                gate=gate.name, slot=slot.name, time=slot.label, days=days, staffing=staffing_text(staffing))
            if not gate.needs.is_empty():
                text += "\n" + tr("每岗要求：{needs}").format(needs=needs_text(gate.needs))
            return text
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        if value is not None and not isinstance(value, Staffing):
            return False
        if value is not None and value.max == 0:
            value = None  # room for nobody every such day: simply closed
        old = self.demand_at(index)
        if (old.rest_day if self.rest_day else old.workday) == value:
            return True
        new = (WeeklyDemand(old.gate, old.slot, old.workday, value) if self.rest_day
               else WeeklyDemand(old.gate, old.slot, value, old.rest_day))
        problems = list(self._commit(new))
        if problems:
            self.rejected.emit(problems)
            return False
        self._table[old.gate, old.slot] = new
        self.dataChanged.emit(index, index)
        self.committed.emit(new)
        return True

    def set_other(self, demand: WeeklyDemand) -> None:
        """Takes in a cell the other table (workdays / rest days) just wrote."""
        index = self.index_of(demand.gate, demand.slot)
        self._table[demand.gate, demand.slot] = demand
        if index.isValid():
            self.dataChanged.emit(index, index)


class ExceptionTableModel(HeadedTableModel):
    """The date exceptions (mostly posts closed on given dates), by date, gate and slot.

    Signals: only QAbstractTableModel's own.
    """

    HEADERS = (QT_TRANSLATE_NOOP("SetupModels", "日期"), QT_TRANSLATE_NOOP("SetupModels", "门岗"),
               QT_TRANSLATE_NOOP("SetupModels", "班次"), QT_TRANSLATE_NOOP("SetupModels", "安排"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[DateDemand] = []
        self._gate_names: dict[str, str] = {}
        self._slot_names: dict[str, str] = {}

    def set_setup(self, setup: CommunitySetup) -> None:
        self.beginResetModel()
        gate_pos = {g.code: i for i, g in enumerate(setup.gates)}
        slot_pos = {s.code: i for i, s in enumerate(setup.slots)}
        self._rows = sorted(setup.exceptions, key=lambda e: (e.date, gate_pos[e.gate], slot_pos[e.slot]))
        self._gate_names = {g.code: g.name for g in setup.gates}
        self._slot_names = {s.code: f"{s.name} {s.label}" for s in setup.slots}
        self.endResetModel()

    def exception_at(self, row: int) -> DateDemand:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (f"{e.date:%Y-%m-%d} {weekday_text(e.date)}", self._gate_names.get(e.gate, e.gate),
                    self._slot_names.get(e.slot, e.slot), staffing_text(e.staffing))[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 3 and e.staffing.max == 0:
            return CLOSED_FOREGROUND
        return None


class SequenceTableModel(HeadedTableModel):
    """The community's forbidden slot sequences (`Rules.forbidden_sequences`): per row, the
    slot of one day and the slot nobody who stood in it may take the next day, by name.

    Custom roles: `CodeRole` (the pair of slot codes). Signals: only QAbstractTableModel's own.
    """

    HEADERS = (QT_TRANSLATE_NOOP("SetupModels", "前一天站了"), QT_TRANSLATE_NOOP("SetupModels", "第二天不能排"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pairs: tuple[tuple[str, str], ...] = ()
        self._names: dict[str, str] = {}

    def set_setup(self, setup: CommunitySetup) -> None:
        self.beginResetModel()
        self._pairs = tuple(setup.settings.rules.forbidden_sequences)
        self._names = {s.code: s.name for s in setup.slots}
        self.endResetModel()

    def pairs(self) -> tuple[tuple[str, str], ...]:
        return self._pairs

    def slot_text(self, code: str) -> str:
        return self._names.get(code, code)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._pairs)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        pair = self._pairs[index.row()]
        if role == CodeRole:
            return pair
        if role == Qt.ItemDataRole.DisplayRole:
            return self.slot_text(pair[index.column()])
        return None
