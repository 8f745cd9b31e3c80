"""The week's roster (排班表) as a Qt table model: rows are gate × slot, columns are dates.

Each cell is one post (门岗, date, 班次). The model answers, per cell:
- DisplayRole: the names standing there ("张桂兰🔒、李明"; 🔒 marks a pin), for copying and
  for tests; the delegate paints the cell itself from `NamesRole`;
- NamesRole: a list of `CellName` (name, kind, pinned) so the delegate can paint every
  name in its kind's colour;
- StateRole: `PostState.CLOSED` (no demand), `OPEN` or `SHORT` (listed in the shortages);
- ProblemsRole: the hard rules broken at the post (`Violation`s of the live check);
- BackgroundRole: orange for a post where a rule is broken, red for a short post, grey for
  a closed post, tinted on rest days;
- ToolTipRole: the post, its staffing, for a short post what is missing and why, and
  every broken rule in words (`describe_violation`).
The horizontal header shows "11-23 周一\\n工作日" / "休息日" (rest days tinted); the vertical
header "东门 早班\\n06:00–08:00".

The model itself is never edited: hand edits are undoable commands on the domain roster
(`edit_commands`), and the window gives the model the new week (`update_week`, which keeps
the table's shape and selection and emits `dataChanged` for the cells that changed).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import NamedTuple

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from roster_app.gui.kinds import kind_style, skill_label
from roster_app.gui.week_data import WeekData
from solver.scenario import Gate, Needs, Post, Shortage, Slot
from solver.validate import Violation


# Literals inside QT_TRANSLATE_NOOP so that lupdate collects them; translated when shown.
WEEKDAY_SOURCES = (
    QT_TRANSLATE_NOOP("RosterGridModel", "周一"),
    QT_TRANSLATE_NOOP("RosterGridModel", "周二"),
    QT_TRANSLATE_NOOP("RosterGridModel", "周三"),
    QT_TRANSLATE_NOOP("RosterGridModel", "周四"),
    QT_TRANSLATE_NOOP("RosterGridModel", "周五"),
    QT_TRANSLATE_NOOP("RosterGridModel", "周六"),
    QT_TRANSLATE_NOOP("RosterGridModel", "周日"),
)

# Colours of post states; chosen to stay apart from the kind colours of the name chips.
CLOSED_BACKGROUND = QColor("#e4e6e9")
CLOSED_FOREGROUND = QColor("#8a8f96")
SHORT_BACKGROUND = QColor("#f6c4c4")
PROBLEM_BACKGROUND = QColor("#ffd9a8")  # a broken rule: orange, apart from short red
PROBLEM_FRAME = QColor("#d9480f")
REST_DAY_BACKGROUND = QColor("#eaf3e6")
REST_DAY_HEADER = QColor("#d4e8cc")



def weekday_label(day: dt.date) -> str:
    return QCoreApplication.translate("RosterGridModel", WEEKDAY_SOURCES[day.weekday()])


class PostState(enum.IntEnum):
    """What a cell of the grid is: a closed post, an open one, or an open one left short."""

    CLOSED = 0
    OPEN = 1
    SHORT = 2


class _Cell(NamedTuple):
    post: Post
    names: list[CellName]
    state: PostState
    shortage: Shortage | None


@dataclass(frozen=True)
class CellName:
    """One name in a cell: who, of which kind, and whether the assignment is pinned (锁定)."""

    volunteer_id: str
    name: str
    kind: str
    pinned: bool


class RosterGridModel(QAbstractTableModel):
    """Table model of one week's roster over a `WeekData`.

    Custom roles: `NamesRole` (list[CellName]), `StateRole` (PostState), `PostRole` (Post),
    `GateStartRole` (True on the first row of each gate, for the delegate's separator),
    `ShortageRole` (the post's `Shortage` or None), `ProblemsRole` (list[Violation]).
    Signals: only QAbstractTableModel's own; `set_week` resets the model, `update_week`
    emits `dataChanged` for each changed cell (over the whole table when more changed).
    """

    NamesRole = Qt.ItemDataRole.UserRole + 1
    StateRole = Qt.ItemDataRole.UserRole + 2
    PostRole = Qt.ItemDataRole.UserRole + 3
    GateStartRole = Qt.ItemDataRole.UserRole + 4
    ShortageRole = Qt.ItemDataRole.UserRole + 5
    ProblemsRole = Qt.ItemDataRole.UserRole + 6

    def __init__(self, parent=None):
        super().__init__(parent)
        self._week: WeekData | None = None
        self._rows: list[tuple[Gate, Slot]] = []
        # (row, column) -> what the cell shows that takes work to find (post, names, state,
        # shortage): the delegate asks several roles of each cell it measures or paints,
        # 2,240 cells on a street office's week. Forgotten for the cells an edit changes.
        self._cells: dict[tuple[int, int], _Cell] = {}

    # --- data in ------------------------------------------------------------------------

    def set_week(self, week: WeekData | None) -> None:
        """Show another week (or nothing); the whole table changes, so reset the model."""
        self.beginResetModel()
        self._week = week
        self._rows = (
            [(gate, slot) for gate in week.scenario.gates for slot in week.scenario.slots]
            if week is not None
            else []
        )
        self._cells = {}
        self.endResetModel()

    def update_week(self, week: WeekData) -> None:
        """Show an edited version of the same week: same gates, slots and dates, so the
        table keeps its shape (and the view its selection); every cell may have changed."""
        old = self._week
        same_shape = (
            old is not None
            and old.dates == week.dates
            and [(g.id, s.id) for g, s in self._rows]
            == [(g.id, s.id) for g in week.scenario.gates for s in week.scenario.slots]
        )
        if not same_shape:
            self.set_week(week)
            return
        self._week = week
        self._rows = [(gate, slot) for gate in week.scenario.gates for slot in week.scenario.slots]
        if not self._rows:
            self._cells = {}
            return
        changed = changed_posts(old, week)
        if changed is None:  # more than the posts' people changed: every cell may differ
            self._cells = {}
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(week.dates) - 1))
            return
        # Only the cells that changed: a street office's week has over two thousand, and
        # the view lays out and repaints what it is told changed.
        row_of = {(gate.id, slot.id): row for row, (gate, slot) in enumerate(self._rows)}
        column_of = {day: column for column, day in enumerate(week.dates)}
        cells = []
        for post in changed:
            row, column = row_of.get((post.gate, post.slot)), column_of.get(post.date)
            if row is not None and column is not None:
                cells.append((row, column))
                self._cells.pop((row, column), None)
        for row, column in sorted(cells):
            index = self.index(row, column)
            self.dataChanged.emit(index, index)

    def week(self) -> WeekData | None:
        return self._week

    def post_at(self, row: int, column: int) -> Post:
        gate, slot = self._rows[row]
        return Post(gate.id, self._week.dates[column], slot.id)

    def index_of(self, post: Post) -> QModelIndex:
        """The cell of a post (invalid if the post is not in this week)."""
        if self._week is None or post.date not in self._week.dates:
            return QModelIndex()
        for row, (gate, slot) in enumerate(self._rows):
            if gate.id == post.gate and slot.id == post.slot:
                return self.index(row, self._week.dates.index(post.date))
        return QModelIndex()

    # --- QAbstractTableModel ------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self._week is None else len(self._week.dates)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        # Selectable so the clerk can see which post a tooltip belongs to; not editable yet.
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def cell(self, row: int, column: int) -> "_Cell":
        """(post, names, state, shortage) of a cell, as `data` answers PostRole, NamesRole,
        StateRole and ShortageRole; the names are not to be changed."""
        cell = self._cells.get((row, column))
        if cell is None:
            week = self._week
            post = self.post_at(row, column)
            shortage = week.shortage_at.get(post)
            state = PostState.SHORT if shortage else PostState.OPEN if post in week.staffing else PostState.CLOSED
            cell = self._cells[row, column] = _Cell(post, self._names(post), state, shortage)
        return cell

    def look(self, row: int, column: int) -> tuple["_Cell", QColor | None, list, bool]:
        """What the delegate paints a cell from, at once: `cell`, and as `data` answers
        BackgroundRole, ProblemsRole and GateStartRole (a repaint paints 130 cells)."""
        cell = self.cell(row, column)
        week = self._week
        return (cell, self._background(cell.post, cell.state), week.violations_at.get(cell.post, []),
                row % len(week.scenario.slots) == 0)

    def _background(self, post: Post, state: PostState) -> QColor | None:
        week = self._week
        if post in week.violations_at:
            return PROBLEM_BACKGROUND
        if state == PostState.SHORT:
            return SHORT_BACKGROUND
        if state == PostState.CLOSED:
            return CLOSED_BACKGROUND
        if not week.workday[post.date]:
            return REST_DAY_BACKGROUND
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._week is None:
            return None
        week = self._week
        post, names, state, shortage = self.cell(index.row(), index.column())

        if role == Qt.ItemDataRole.DisplayRole:
            shown = [n.name + ("🔒" if n.pinned else "") for n in names]
            if state == PostState.CLOSED and not shown:
                return self.tr("不开放")
            return "、".join(shown)
        if role == self.NamesRole:
            return list(names)
        if role == self.StateRole:
            return state
        if role == self.PostRole:
            return post
        if role == self.ShortageRole:
            return shortage
        if role == self.ProblemsRole:
            return week.violations_at.get(post, [])
        if role == self.GateStartRole:
            return index.row() % len(week.scenario.slots) == 0
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(post, state)
        if role == Qt.ItemDataRole.ForegroundRole:
            return CLOSED_FOREGROUND if state == PostState.CLOSED else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(post, state)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if self._week is None:
            return None
        week = self._week
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(week.dates):
                return None
            day = week.dates[section]
            workday = week.workday[day]
            if role == Qt.ItemDataRole.DisplayRole:
                kind = self.tr("工作日") if workday else self.tr("休息日")
                return f"{day:%m-%d} {weekday_label(day)}\n{kind}"
            if role == Qt.ItemDataRole.BackgroundRole:
                return None if workday else REST_DAY_HEADER
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._day_tooltip(day, workday)
            return None
        if not 0 <= section < len(self._rows):
            return None
        gate, slot = self._rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{gate.name} {slot.name}\n{slot.label}"
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.tr("{gate}，{slot} {time}")
            return text.format(gate=gate.name, slot=slot.name, time=slot.label)
        if role == Qt.ItemDataRole.FontRole and section % len(week.scenario.slots) == 0:
            # The first slot of a gate names the gate in bold, so gates stand apart.
            font = QFont()
            font.setBold(True)
            return font
        return None

    # --- helpers ------------------------------------------------------------------------

    def _names(self, post: Post) -> list[CellName]:
        week = self._week
        return [
            CellName(
                volunteer_id=a.volunteer,
                # A volunteer removed since the roster was saved still shows, by id.
                name=week.volunteer_names.get(a.volunteer, a.volunteer),
                kind=week.kinds.get(a.volunteer, ""),
                pinned=a.pinned,
            )
            for a in week.people_at.get(post, ())
        ]

    def _tooltip(self, post: Post, state: PostState) -> str:
        week = self._week
        gate = week.scenario.gate(post.gate)
        slot = week.scenario.slot(post.slot)
        day_kind = self.tr("工作日") if week.workday[post.date] else self.tr("休息日")
        lines = [
            self.tr("{gate} {slot} {time}，{date} {weekday}（{kind}）").format(
                gate=gate.name, slot=slot.name, time=slot.label,
                date=f"{post.date:%m-%d}", weekday=weekday_label(post.date), kind=day_kind,
            )
        ]
        names = self._names(post)
        if state == PostState.CLOSED:
            lines.append(self.tr("此时段本门岗不开放"))
        else:
            staffing = week.staffing[post]
            need = (
                self.tr("需要 {min} 人").format(min=staffing.min)
                if staffing.min == staffing.max
                else self.tr("需要 {min}–{max} 人").format(min=staffing.min, max=staffing.max)
            )
            lines.append(need + self.tr("，已排 {n} 人").format(n=len(names)))
        for n in names:
            label = kind_style(n.kind).label
            lines.append(
                self.tr("· {name}（{kind}，锁定）").format(name=n.name, kind=label)
                if n.pinned
                else self.tr("· {name}（{kind}）").format(name=n.name, kind=label)
            )
        shortage = week.shortage_at.get(post)
        if shortage is not None:
            missing = [self.tr("缺 {n} 人").format(n=shortage.missing)] if shortage.missing else []
            missing += describe_needs(shortage.unmet_needs)
            lines.append(self.tr("缺岗：") + "；".join(missing))
            if shortage.reason:
                lines.append(self.tr("原因：") + shortage.reason)
        for violation in week.violations_at.get(post, []):
            lines.append(self.tr("⚠ 违反规则：") + describe_violation(violation, week))
        return "\n".join(lines)

    def _day_tooltip(self, day: dt.date, workday: bool) -> str:
        weekend = day.weekday() >= 5
        if workday and weekend:
            note = self.tr("调休上班")
        elif not workday and not weekend:
            note = self.tr("节假日")
        else:
            note = self.tr("工作日") if workday else self.tr("休息日")
        return f"{day:%Y-%m-%d} {weekday_label(day)}：{note}"


def changed_posts(old: WeekData, new: WeekData) -> set[Post] | None:
    """The posts whose cell differs between two versions of the same week: other people,
    pins, shortage or broken rules there. None when something every cell shows may have
    changed (the open posts, the calendar, names or kinds)."""
    if (old.staffing != new.staffing or old.workday != new.workday
            or old.volunteer_names != new.volunteer_names or old.kinds != new.kinds):
        return None
    changed: set[Post] = set()
    for before, after in ((old.people_at, new.people_at), (old.shortage_at, new.shortage_at),
                          (old.violations_at, new.violations_at)):
        for post in before.keys() | after.keys():
            if before.get(post) != after.get(post):
                changed.add(post)
    return changed


def describe_needs(needs: Needs) -> list[str]:
    """Unmet needs of a short post in words: ["缺党员 1 人", "缺外语翻译 1 人"]."""
    translate = QCoreApplication.translate
    out = []
    if needs.party_member:
        out.append(translate("RosterGridModel", "缺党员 {n} 人").format(n=needs.party_member))
    for skill, count in needs.skills.items():
        if count:
            text = translate("RosterGridModel", "缺{skill} {n} 人")
            out.append(text.format(skill=skill_label(skill), n=count))
    return out


def describe_post(week: WeekData, post: Post) -> str:
    """"东门 早班 11-23 周一"."""
    gate = week.gate_names.get(post.gate, post.gate)
    slot = week.slot_names.get(post.slot, post.slot)
    return f"{gate} {slot} {post.date:%m-%d} {weekday_label(post.date)}"


# The broken rules in the clerk's words, by the validator's rule codes. The validator's
# own messages are English and meant for tests and the command line.
RULE_SOURCES = {
    "unknown_reference": QT_TRANSLATE_NOOP("RosterGridModel", "{who}的安排指向不存在的门岗、班次或日期"),
    "duplicate_assignment": QT_TRANSLATE_NOOP("RosterGridModel", "{who}重复安排"),
    "closed_post": QT_TRANSLATE_NOOP("RosterGridModel", "{who}被安排在不开放的岗位"),
    "over_max": QT_TRANSLATE_NOOP("RosterGridModel", "排了 {n} 人，超过最多 {max} 人"),
    "unavailable": QT_TRANSLATE_NOOP("RosterGridModel", "{who}这个时段不能值班"),
    "unavailable_date": QT_TRANSLATE_NOOP("RosterGridModel", "{who}这天请假，不能值班"),
    "employed_in_working_hours": QT_TRANSLATE_NOOP(
        "RosterGridModel", "{who}是在职人员，工作日 8 小时内不排班"),
    "overlap": QT_TRANSLATE_NOOP("RosterGridModel", "{who}同一时间排在两个岗位"),
    "max_slots_per_day": QT_TRANSLATE_NOOP("RosterGridModel", "{who}这天排了 {n} 个班次，超过每天最多 {max} 个"),
    "max_hours": QT_TRANSLATE_NOOP("RosterGridModel", "{who}本周排了 {n} 小时，超过上限 {max} 小时"),
    "minor_alone": QT_TRANSLATE_NOOP("RosterGridModel", "{who}是未成年人，没有成年人同岗"),
    "gate_not_allowed": QT_TRANSLATE_NOOP("RosterGridModel", "{who}不在这个门岗值班"),
    "minor_too_late": QT_TRANSLATE_NOOP("RosterGridModel", "{who}是未成年人，不能排这么晚的班次"),
    "max_consecutive_days": QT_TRANSLATE_NOOP("RosterGridModel", "{who}连续值班超过 {max} 天"),
    "min_rest": QT_TRANSLATE_NOOP("RosterGridModel", "{who}前后两天的岗位之间休息不足 {max} 小时"),
    "pin_missing": QT_TRANSLATE_NOOP("RosterGridModel", "锁定的{who}不在这个岗位"),
}


def describe_violation(violation: Violation, week: WeekData) -> str:
    """One broken rule in Chinese: who and the number that binds. The post is not named:
    the cell, the tooltip's first line and the 问题 panel's first column say where."""
    rules = week.scenario.rules
    post = violation.post
    who = week.volunteer_names.get(violation.volunteer, violation.volunteer or "")
    n = limit = ""
    code = violation.rule
    if code == "over_max" and post is not None:
        n = len(week.people_at.get(post, ()))
        limit = week.staffing[post].max if post in week.staffing else 0
    elif code == "max_slots_per_day" and post is not None:
        n = sum(1 for a in week.assignments if a.volunteer == violation.volunteer and a.date == post.date)
        limit = rules.max_slots_per_day
    elif code == "max_hours":
        n = f"{week.hours_of.get(violation.volunteer, 0):g}"
        cap = week.cap_of(violation.volunteer) if violation.volunteer in week.volunteer_names else None
        limit = f"{cap * week.scenario.days / 7:g}" if cap is not None else "?"
    elif code == "max_consecutive_days":
        limit = rules.max_consecutive_days
    elif code == "min_rest":
        limit = f"{rules.min_rest_hours:g}" if rules.min_rest_hours is not None else "?"
    elif code == "unavailable" and post is not None and violation.volunteer in week.volunteer_names:
        if post.date in week.scenario.volunteer(violation.volunteer).unavailable_dates:
            code = "unavailable_date"
    source = RULE_SOURCES.get(code)
    if source is None:
        return violation.message
    where = describe_post(week, post) if post is not None else ""
    return QCoreApplication.translate("RosterGridModel", source).format(who=who, post=where, n=n, max=limit)
