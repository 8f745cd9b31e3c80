"""The volunteer list beside the grid: who serves how many hours this week.

One row per volunteer of the week's snapshot, in a sensible default order (kind as in the
legend — party members first —, then most hours first, then name); the view may sort by
any column through a `QSortFilterProxyModel`, which sorts on `SortRole` (numbers for
hours and counts, the kind's legend position for the kind).

A row can be dragged onto a post of the grid (`VOLUNTEER_MIME`: the volunteer's id) to put
the person there. After a hand edit `update_week` refreshes the hours in place, keeping
the rows where they are, so the row the clerk is dragging from does not jump away.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from roster_app.gui.kinds import kind_order, kind_style
from roster_app.gui.roster_model import describe_violation
from roster_app.gui.week_data import WeekData
from solver.scenario import Volunteer


COLUMN_SOURCES = (
    QT_TRANSLATE_NOOP("VolunteerListModel", "姓名"),
    QT_TRANSLATE_NOOP("VolunteerListModel", "类别"),
    QT_TRANSLATE_NOOP("VolunteerListModel", "本周时长"),
    QT_TRANSLATE_NOOP("VolunteerListModel", "人次"),
    QT_TRANSLATE_NOOP("VolunteerListModel", "上限"),
)
NAME, KIND, HOURS, PERSON_TIMES, CAP = range(len(COLUMN_SOURCES))

VOLUNTEER_MIME = "application/x-gateroster-volunteer"
"""Drag data of a volunteer row: the volunteer's id, UTF-8."""

IDLE_FOREGROUND = QColor("#8a8f96")  # nobody likes being the one left out: show it softly
OVER_CAP_FOREGROUND = QColor("#b03a2e")
PROBLEM_MARK = QColor("#d9480f")  # the orange of a broken rule in the grid



def mask_phone(phone: str) -> str:
    """13812341234 -> "138****1234": enough to tell people apart on a shared screen."""
    phone = phone.strip()
    if len(phone) < 8:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def format_hours(hours: float) -> str:
    """6.0 -> "6", 6.5 -> "6.5"."""
    return f"{hours:g}"


_R = Qt.ItemDataRole
_ANSWERED = frozenset({
    _R.DisplayRole, _R.UserRole + 1, _R.UserRole + 2, _R.UserRole + 3, _R.DecorationRole, _R.ForegroundRole,
    _R.FontRole, _R.TextAlignmentRole, _R.ToolTipRole,
})
"""The roles `VolunteerListModel.data` answers (its own: sort, volunteer id, kind)."""


class VolunteerListModel(QAbstractTableModel):
    """Table model: 姓名, 类别, 本周时长 (hours), 人次, 上限 (cap) per volunteer.

    Custom roles: `SortRole` (a number or string to sort by), `VolunteerIdRole`, `KindRole`.
    Signals: only QAbstractTableModel's own; `set_week` resets the model.
    """

    SortRole = Qt.ItemDataRole.UserRole + 1
    VolunteerIdRole = Qt.ItemDataRole.UserRole + 2
    KindRole = Qt.ItemDataRole.UserRole + 3
    assert {SortRole, VolunteerIdRole, KindRole} <= _ANSWERED
    answered_roles = _ANSWERED
    """Every role `data` may answer (others are None): `FittedTableView` asks only these."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._week: WeekData | None = None
        self._volunteers: list[Volunteer] = []

    def set_week(self, week: WeekData | None) -> None:
        self.beginResetModel()
        self._week = week
        self._volunteers = []
        if week is not None:
            position = {v.id: i for i, v in enumerate(week.scenario.volunteers)}
            self._volunteers = sorted(
                week.scenario.volunteers,
                key=lambda v: (
                    kind_order(week.kinds.get(v.id)),
                    -week.hours_of.get(v.id, 0.0),
                    position[v.id],
                ),
            )
        self.endResetModel()

    def update_week(self, week: WeekData) -> None:
        """The same week after a hand edit: same people, new hours; rows stay in place."""
        if self._week is None or [v.id for v in week.scenario.volunteers] != [
            v.id for v in self._week.scenario.volunteers
        ]:
            self.set_week(week)
            return
        old = self._week
        self._week = week
        by_id = {v.id: v for v in week.scenario.volunteers}
        self._volunteers = [by_id[v.id] for v in self._volunteers]
        if not self._volunteers:
            return
        last = len(COLUMN_SOURCES) - 1
        if old.kinds != week.kinds or old.phones != week.phones or old.scenario.rules != week.scenario.rules \
                or old.registered_minimum() != week.registered_minimum():
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._volunteers) - 1, last))
            return
        # Only the rows of the people the edit touched: with 800 volunteers, the view
        # would otherwise ask every row again (its columns fit their contents).
        changed = {
            vid for before, after in ((old.hours_of, week.hours_of), (old.person_times_of, week.person_times_of),
                                      (old.violations_of, week.violations_of))
            for vid in before.keys() | after.keys() if before.get(vid) != after.get(vid)
        }
        for row, volunteer in enumerate(self._volunteers):
            if volunteer.id in changed:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def row_of(self, volunteer_id: str) -> int:
        """The row of a volunteer (-1 if not listed)."""
        return next((i for i, v in enumerate(self._volunteers) if v.id == volunteer_id), -1)

    # --- dragging a volunteer onto the grid --------------------------------------------

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def mimeTypes(self) -> list[str]:
        return [VOLUNTEER_MIME]

    def mimeData(self, indexes) -> QMimeData:
        mime = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            mime.setData(VOLUNTEER_MIME, self._volunteers[rows[0]].id.encode("utf-8"))
        return mime

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._volunteers)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMN_SOURCES)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        # The view asks every row for a dozen roles to fit its columns, most of which we do
        # not use; each role works out only what it shows.
        if role not in _ANSWERED or self._week is None or not index.isValid():
            return None
        week = self._week
        volunteer = self._volunteers[index.row()]
        column = index.column()

        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return volunteer.name
            if column == KIND:
                return kind_style(week.kinds.get(volunteer.id, "")).label
            if column == HOURS:
                return format_hours(week.hours_of.get(volunteer.id, 0.0))
            if column == PERSON_TIMES:
                return str(week.person_times_of.get(volunteer.id, 0))
            if column == CAP:
                cap = week.cap_of(volunteer.id)
                return format_hours(cap) if cap is not None else "—"
            return None
        if role == self.SortRole:
            if column == NAME:
                return volunteer.name
            if column == KIND:
                return kind_order(week.kinds.get(volunteer.id, ""))
            if column == HOURS:
                return week.hours_of.get(volunteer.id, 0.0)
            if column == PERSON_TIMES:
                return week.person_times_of.get(volunteer.id, 0)
            if column == CAP:
                cap = week.cap_of(volunteer.id)
                return cap if cap is not None else 1e9  # no cap sorts after every cap
            return None
        if role == self.VolunteerIdRole:
            return volunteer.id
        if role == self.KindRole:
            return week.kinds.get(volunteer.id, "")
        if role == Qt.ItemDataRole.DecorationRole:
            if column == KIND:
                return kind_style(week.kinds.get(volunteer.id, "")).qcolour  # a swatch, as in the grid
            if column == NAME and volunteer.id in week.violations_of:
                return PROBLEM_MARK  # a rule broken by this person's posts (see 问题)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == NAME and volunteer.id in week.violations_of:
                return PROBLEM_MARK
            hours = week.hours_of.get(volunteer.id, 0.0)
            if hours == 0:
                return IDLE_FOREGROUND
            if column == HOURS:
                cap = week.cap_of(volunteer.id)
                if cap is not None and hours > cap:
                    return OVER_CAP_FOREGROUND  # only a pin the clerk forced can do this
            return None
        if role == Qt.ItemDataRole.FontRole:
            if column == HOURS:
                cap = week.cap_of(volunteer.id)
                if cap is not None and week.hours_of.get(volunteer.id, 0.0) >= cap:
                    font = QFont()
                    font.setBold(True)  # at the cap: worth a glance, not an alarm
                    return font
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (HOURS, PERSON_TIMES, CAP):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(volunteer, week.kinds.get(volunteer.id, ""), week.hours_of.get(volunteer.id, 0.0),
                                 week.cap_of(volunteer.id))
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMN_SOURCES):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr(COLUMN_SOURCES[section])
            if role == Qt.ItemDataRole.ToolTipRole and section == CAP:
                return self.tr("每周服务时长上限（小时）")
            if role == Qt.ItemDataRole.ToolTipRole and section == HOURS:
                return self.tr("本周已排的服务时长（小时）")
        return None

    def _tooltip(self, volunteer: Volunteer, kind: str, hours: float, cap: float | None) -> str:
        lines = [f"{volunteer.name}（{kind_style(kind).label}）"]
        if volunteer.building:
            lines.append(self.tr("楼栋：{b}").format(b=volunteer.building))
        lines.append(
            self.tr("本周 {h} 小时").format(h=format_hours(hours))
            + (self.tr("，上限 {c} 小时").format(c=format_hours(cap)) if cap is not None else "")
        )
        if volunteer.minor:
            lines.append(self.tr("未成年人：须有成年人同岗"))
        required = self._week.registered_minimum() if self._week is not None else 0
        if volunteer.registered and required:
            served = self._week.person_times_of.get(volunteer.id, 0)
            lines.append(self.tr("双报到：本周应排至少 {r} 班，已排 {s} 班").format(r=required, s=served))
        problems = self._week.violations_of.get(volunteer.id, ()) if self._week is not None else ()
        if problems:
            lines += [self.tr("⚠ 违反规则：") + describe_violation(v, self._week) for v in problems]
        phone = self._week.phones.get(volunteer.id) if self._week is not None else None
        if phone:
            lines.append(self.tr("电话：{p}").format(p=mask_phone(phone)))
        return "\n".join(lines)
