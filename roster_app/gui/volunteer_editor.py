"""The volunteer register (志愿者名册): find, add, edit and deactivate volunteers.

`open_volunteer_manager(parent, store, community_id)` opens it as a window of its own;
`VolunteerManager` is a plain QWidget, so it can also sit on a page of the main window.
It shows every volunteer of the community, inactive ones greyed, in a table
(`VolunteerTableModel` behind `VolunteerFilterProxy`) with a search box — name, phone,
building, grid, id, and the pinyin of the name, full or by initials ("zgl" finds 张桂兰,
through `pypinyin`) — and filters by kind, skill, building and status. Its buttons open:

- `VolunteerDialog`: the form of one person. Each problem `check_record` finds is shown
  in a red line under its field (warnings — a duplicate name, no time marked — in
  orange); OK refuses while an error is left and asks before saving over a warning.
  Its tab 个人规则 holds the person's own limits (minutes, runs of days, weekends,
  posts per slot), each 不限 until set.
- `BulkAvailabilityDialog`: one availability grid for all the selected people, mixed
  cells where they differ; only the cells the clerk changed are written.
- `DatesAwayDialog`: dates away (请假) for all the selected people.

Every write goes through `VolunteerEditStore` (one transaction each, plain dataclasses);
this module imports no SQLAlchemy. Dialogs open window-modal with `open()`, not
`exec()`, so the register stays responsive and tests can drive them.
"""

from __future__ import annotations

import datetime as dt
import itertools
from functools import lru_cache
from typing import Any, Callable, Iterable, Sequence

from pypinyin import Style, pinyin
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from roster_app.gui.availability_grid import AvailabilityGrid, CellState, DateExceptions
from roster_app.gui.kinds import KIND_STYLES, SKILL_LABELS, kind_order, kind_style, skill_label
from roster_app.gui.setup_models import weekday_text
from roster_app.gui.volunteer_model import format_hours
from roster_app.persistence.errors import DatabaseError, StoreError
from roster_app.persistence.volunteer_edit import (
    ALLOWED_GATES,
    AVAILABILITY,
    BUILDING,
    CODE,
    EMPLOYED,
    GRID,
    KIND,
    LIMIT_RANGES,
    MAX_CONSECUTIVE_DAYS,
    MAX_HOURS,
    MAX_HOURS_FIELD,
    MAX_MINUTES,
    MAX_POSTS_BY_SLOT,
    MAX_POSTS_RANGE,
    MAX_WEEKENDS,
    MIN_CONSECUTIVE_DAYS,
    MIN_CONSECUTIVE_DAYS_OFF,
    MIN_MINUTES,
    MINOR,
    NAME,
    PARTY_MEMBER,
    PHONE,
    PREFERRED_GATES,
    PREFERRED_SLOTS,
    REQUEST_WEIGHT_RANGE,
    REQUESTS,
    SKILLS,
    UNAVAILABLE_DATES,
    CommunityLayout,
    Problem,
    ValidationContext,
    VolunteerEditStore,
    VolunteerRecord,
    VolunteerValidationError,
    check_record,
    errors_of,
    warnings_of,
)
from solver.scenario import Request

ERROR_COLOUR = "#c62828"
WARNING_COLOUR = "#a65f00"
INACTIVE_FOREGROUND = QColor("#8a8f96")

# --- search by pinyin -----------------------------------------------------------------------

_MAX_READINGS = 16  # names are short; a few heteronyms (曾, 单, 乐 …) multiply, this caps it


def _readings(name: str, style: Style, joiner: str) -> tuple[str, ...]:
    letters = pinyin(name, style=style, heteronym=True, errors="default")
    combos = itertools.islice(itertools.product(*letters), _MAX_READINGS)
    return tuple(dict.fromkeys(joiner.join(c).lower() for c in combos))


@lru_cache(maxsize=4096)
def pinyin_keys(name: str) -> tuple[str, ...]:
    """The ways a clerk may type a name without Chinese input: "张桂兰" ->
    ("zgl", "zhangguilan"). Surnames with several readings give each of them
    ("曾" as zeng and ceng), so whichever the clerk thinks of is found."""
    return _readings(name, Style.FIRST_LETTER, "") + _readings(name, Style.NORMAL, "")


SearchKeys = tuple[tuple[str, ...], tuple[str, ...]]


def search_keys(record: VolunteerRecord) -> SearchKeys:
    """What the search box matches, lower case: keys a word may be found anywhere in (name,
    phone — often the last digits —, pinyin), and keys it must begin (building, grid, id:
    "3号楼" must not find 13号楼)."""
    anywhere = (record.name.lower(), record.phone) + pinyin_keys(record.name)
    beginning = (record.building.lower(), record.grid.lower(), record.code.lower())
    return anywhere, beginning


def matches(keys: SearchKeys, query: str) -> bool:
    """Every word of `query` is found in a key (so "3号楼 王" narrows down)."""
    anywhere, beginning = keys
    return all(any(word in key for key in anywhere) or any(key.startswith(word) for key in beginning)
               for word in query.lower().split())


# --- the table ------------------------------------------------------------------------------

COLUMN_SOURCES = (
    QT_TRANSLATE_NOOP("VolunteerTableModel", "姓名"),
    QT_TRANSLATE_NOOP("VolunteerTableModel", "类别"),
    QT_TRANSLATE_NOOP("VolunteerTableModel", "电话"),
    QT_TRANSLATE_NOOP("VolunteerTableModel", "楼栋"),
    QT_TRANSLATE_NOOP("VolunteerTableModel", "网格"),
    QT_TRANSLATE_NOOP("VolunteerTableModel", "技能"),
    QT_TRANSLATE_NOOP("VolunteerTableModel", "每周上限"),
    QT_TRANSLATE_NOOP("VolunteerTableModel", "状态"),
    QT_TRANSLATE_NOOP("VolunteerTableModel", "编号"),
)
(COL_NAME, COL_KIND, COL_PHONE, COL_BUILDING, COL_GRID, COL_SKILLS, COL_CAP, COL_STATUS,
 COL_CODE) = range(len(COLUMN_SOURCES))


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class VolunteerTableModel(QAbstractTableModel):
    """The register as a table: one row per volunteer, inactive ones included.

    `set_records` keeps rows in place when the same people come back (a write updates
    their rows with `dataChanged`, a new person is inserted at the end), so the view
    keeps its selection and scroll position after each save.

    Custom roles: `RecordRole` (the `VolunteerRecord`), `CodeRole`, `SortRole`,
    `SearchKeysRole` (see `search_keys`). Signals: QAbstractTableModel's own.
    """

    RecordRole = Qt.ItemDataRole.UserRole + 1
    CodeRole = Qt.ItemDataRole.UserRole + 2
    SortRole = Qt.ItemDataRole.UserRole + 3
    SearchKeysRole = Qt.ItemDataRole.UserRole + 4

    def __init__(self, parent=None):
        super().__init__(parent)
        self._records: list[VolunteerRecord] = []
        self._keys: list[SearchKeys] = []

    def records(self) -> list[VolunteerRecord]:
        return list(self._records)

    def row_of(self, code: str) -> int:
        """The row of the person with `code`, or -1."""
        return next((i for i, r in enumerate(self._records) if r.code == code), -1)

    def set_records(self, records: Sequence[VolunteerRecord]) -> None:
        records = list(records)
        old = [r.code for r in self._records]
        new = [r.code for r in records]
        if new[: len(old)] != old:
            # Someone else's register (another community) or a new order: start again.
            self.beginResetModel()
            self._records = records
            self._keys = [search_keys(r) for r in records]
            self.endResetModel()
            return
        last_column = self.columnCount() - 1
        for row, (before, after) in enumerate(zip(self._records, records)):
            if before != after:
                self._records[row] = after
                self._keys[row] = search_keys(after)
                self.dataChanged.emit(self.index(row, 0), self.index(row, last_column))
        if len(records) > len(old):
            self.beginInsertRows(QModelIndex(), len(old), len(records) - 1)
            self._records.extend(records[len(old):])
            self._keys.extend(search_keys(r) for r in records[len(old):])
            self.endInsertRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMN_SOURCES)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        r = self._records[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, column)
        if role == self.SortRole:
            if column == COL_KIND:
                return kind_order(r.kind)
            if column == COL_CAP:
                return r.max_hours_per_week if r.max_hours_per_week is not None else -1.0
            if column == COL_STATUS:
                return 0 if r.active else 1
            if column == COL_CODE:
                return index.row()  # the register's order
            return self._text(r, column)
        if role == self.RecordRole:
            return r
        if role == self.CodeRole:
            return r.code
        if role == self.SearchKeysRole:
            return self._keys[index.row()]
        if role == Qt.ItemDataRole.DecorationRole and column == COL_KIND:
            return kind_style(r.kind).qcolour
        if role == Qt.ItemDataRole.ForegroundRole and not r.active:
            return INACTIVE_FOREGROUND
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_CAP:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and not r.active:
            return self.tr("已停用：不再参加排班，以往的排班和服务时长保留")
        return None

    def _text(self, r: VolunteerRecord, column: int) -> str:
        if column == COL_NAME:
            return r.name
        if column == COL_KIND:
            return kind_style(r.kind).label
        if column == COL_PHONE:
            return r.phone
        if column == COL_BUILDING:
            return r.building
        if column == COL_GRID:
            return r.grid
        if column == COL_SKILLS:
            return "、".join(skill_label(s) for s in r.skills)
        if column == COL_CAP:
            return format_hours(r.max_hours_per_week) if r.max_hours_per_week is not None else self.tr("默认")
        if column == COL_STATUS:
            return self.tr("在册") if r.active else self.tr("已停用")
        if column == COL_CODE:
            return r.code
        return ""

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMN_SOURCES):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr(COLUMN_SOURCES[section])
            if role == Qt.ItemDataRole.ToolTipRole and section == COL_CAP:
                return self.tr("每周服务时长上限（小时）；“默认”即社区统一的上限")
        return None


ALL_STATUSES, ACTIVE_ONLY, INACTIVE_ONLY = "all", "active", "inactive"


class VolunteerFilterProxy(QSortFilterProxyModel):
    """The register narrowed by the search box and the filters; sorts on `SortRole`.

    Filters (None or "" = no filter): `set_search(text)`, `set_kind(code)`,
    `set_skill(code)`, `set_building(text)`, `set_status(ALL_STATUSES | ACTIVE_ONLY |
    INACTIVE_ONLY)`.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(VolunteerTableModel.SortRole)
        self.setSortLocaleAware(True)
        self._search = ""
        self._kind: str | None = None
        self._skill: str | None = None
        self._building: str | None = None
        self._status = ALL_STATUSES

    def _refilter(self, name: str, value: Any) -> None:
        if getattr(self, name) == value:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            setattr(self, name, value)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            setattr(self, name, value)
            self.invalidateRowsFilter()

    def set_search(self, text: str) -> None:
        self._refilter("_search", text.strip())

    def set_kind(self, kind: str | None) -> None:
        self._refilter("_kind", kind or None)

    def set_skill(self, skill: str | None) -> None:
        self._refilter("_skill", skill or None)

    def set_building(self, building: str | None) -> None:
        self._refilter("_building", building or None)

    def set_status(self, status: str) -> None:
        self._refilter("_status", status)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        r: VolunteerRecord = model.data(index, VolunteerTableModel.RecordRole)
        if self._status == ACTIVE_ONLY and not r.active or self._status == INACTIVE_ONLY and r.active:
            return False
        if self._kind and r.kind != self._kind:
            return False
        if self._skill and self._skill not in r.skills:
            return False
        if self._building and r.building != self._building:
            return False
        return not self._search or matches(model.data(index, VolunteerTableModel.SearchKeysRole), self._search)


# --- problems in the clerk's words ---------------------------------------------------------

_ANY = "*"
PROBLEM_SOURCES: dict[tuple[str, str], str] = {
    (NAME, "required"): QT_TRANSLATE_NOOP("VolunteerProblems", "请填写姓名。"),
    (NAME, "duplicate_name"): QT_TRANSLATE_NOOP(
        "VolunteerProblems", "名册里已有同名的 {name}（{where}编号 {other}）。如确是另一个人，保存时确认即可。"),
    (PHONE, "phone_format"): QT_TRANSLATE_NOOP(
        "VolunteerProblems", "电话应为 11 位手机号（1 开头，第二位是 3–9），也可以不填。"),
    (PHONE, "duplicate_phone"): QT_TRANSLATE_NOOP("VolunteerProblems", "{name}（编号 {other}）登记了同一个电话。"),
    (CODE, "code_taken"): QT_TRANSLATE_NOOP("VolunteerProblems", "编号 {code} 已被占用，请换一个或留空自动生成。"),
    (CODE, "code_format"): QT_TRANSLATE_NOOP("VolunteerProblems", "编号最多 {limit} 个字符，不能有空格。"),
    (CODE, "required"): QT_TRANSLATE_NOOP("VolunteerProblems", "缺少编号。"),
    (KIND, "unknown_kind"): QT_TRANSLATE_NOOP("VolunteerProblems", "请选择类别。"),
    (PARTY_MEMBER, "kind_needs_party"): QT_TRANSLATE_NOOP("VolunteerProblems", "这个类别的人应是党员，请勾选“党员”。"),
    (EMPLOYED, "kind_needs_employed"): QT_TRANSLATE_NOOP("VolunteerProblems", "在职党员应勾选“在职”。"),
    (EMPLOYED, "kind_needs_not_employed"): QT_TRANSLATE_NOOP("VolunteerProblems", "无职党员不能勾选“在职”。"),
    (MINOR, "kind_needs_minor"): QT_TRANSLATE_NOOP("VolunteerProblems", "新时代好少年应勾选“未成年”。"),
    (SKILLS, "too_long"): QT_TRANSLATE_NOOP("VolunteerProblems", "技能名称太长（最多 {limit} 个字）。"),
    (MAX_HOURS_FIELD, "hours_range"): QT_TRANSLATE_NOOP("VolunteerProblems", "上限应在 0 到 {limit} 小时之间。"),
    (AVAILABILITY, "unknown_cell"): QT_TRANSLATE_NOOP("VolunteerProblems", "可值班时间里有不存在的时段。"),
    (AVAILABILITY, "no_availability"): QT_TRANSLATE_NOOP(
        "VolunteerProblems", "还没有标出任何可值班时间，排班时不会排到此人。"),
    (ALLOWED_GATES, "no_gate"): QT_TRANSLATE_NOOP(
        "VolunteerProblems", "限定了门岗，却一个门岗也没选，排班时不会排到此人。"),
    (MAX_MINUTES, "limit_range"): QT_TRANSLATE_NOOP("VolunteerProblems", "应在 {low} 到 {high} 小时之间。"),
    (MIN_MINUTES, "limit_range"): QT_TRANSLATE_NOOP("VolunteerProblems", "应在 {low} 到 {high} 小时之间。"),
    (MIN_MINUTES, "min_above_max"): QT_TRANSLATE_NOOP("VolunteerProblems", "最少 {min} 小时，多于最多的 {max} 小时。"),
    (MIN_MINUTES, "min_above_weekly_cap"): QT_TRANSLATE_NOOP(
        "VolunteerProblems", "最少 {min} 小时，多于每周上限 {cap} 小时，一周的排班排不到这么多。"),
    (MIN_CONSECUTIVE_DAYS, "min_above_max"): QT_TRANSLATE_NOOP(
        "VolunteerProblems", "最少连续 {min} 天，多于最多连续的 {max} 天。"),
    (REQUESTS, "duplicate_request"): QT_TRANSLATE_NOOP(
        "VolunteerProblems", "{date} 的同一班次有两条意愿，请删去一条。"),
    (_ANY, "limit_range"): QT_TRANSLATE_NOOP("VolunteerProblems", "应在 {low} 到 {high} 之间。"),
    (_ANY, "too_long"): QT_TRANSLATE_NOOP("VolunteerProblems", "太长了（最多 {limit} 个字）。"),
    (_ANY, "unknown_code"): QT_TRANSLATE_NOOP("VolunteerProblems", "“{code}” 已不存在，请重新选择。"),
}


def problem_text(problem: Problem) -> str:
    """What the clerk reads under the field: the Chinese wording of `problem`."""
    source = PROBLEM_SOURCES.get((problem.field, problem.code)) or PROBLEM_SOURCES.get((_ANY, problem.code))
    if source is None:
        return problem.message  # a problem newer than this table: English beats nothing
    params = dict(problem.params)
    building = params.get("building", "")
    params["where"] = building + "，" if building else ""
    return QCoreApplication.translate("VolunteerProblems", source).format(**params)


# --- the form of one person ------------------------------------------------------------------

# What choosing a kind implies for the flags the solver reads (None: the kind says nothing).
KIND_FACTS: dict[str, tuple[bool | None, bool | None, bool | None]] = {
    # kind: (party member, employed, minor)
    "employed_party": (True, True, False),
    "nonemployed_party": (True, False, None),
    "cadre": (True, True, False),
    "minor": (None, False, True),
}
REGISTERED_BY_DEFAULT = ("employed_party", "cadre")  # 双报到 is how they come to the community


def _ordered(chosen: Iterable[str], previous: Sequence[str], order: Sequence[str]) -> tuple[str, ...]:
    """The chosen codes: the ones kept in their previous order (first choice first), then
    the new ones in the community's order."""
    chosen = set(chosen)
    kept = [c for c in previous if c in chosen]
    return tuple(kept + [c for c in order if c in chosen and c not in kept])


class VolunteerDialog(QDialog):
    """Add a volunteer (`record` None) or edit one; saves through `VolunteerEditStore`.

    Four tabs: 基本信息 (name, phone, kind, flags, building, grid, skills, weekly cap),
    可值班时间 (the weekly grid and dates away), 门岗与时段 (preferred and allowed gates,
    preferred slots), 个人规则 (the person's own limits over a rostered week, each spin box
    showing 不限 at its lowest value, which means no limit; and wishes by date, `add_request`). Problems show under their fields as the clerk types (a field's
    message appears once it was touched; all of them after OK was pressed). OK with an
    error left shows them and stays; with only warnings it asks to confirm, then saves.

    Signals:
        saved(object): the `VolunteerRecord` as stored, after a successful save.

    Attributes: the input widgets (`name_edit`, `phone_edit`, `kind_combo`, …,
    `availability`, `dates`, `rule_spins` (limit field → spin box), `slot_limit_spins`
    (slot code → spin box)), `error_labels` (field → QLabel), `ok_button`, `saved_record`.
    """

    saved = Signal(object)

    def __init__(
        self,
        edits: VolunteerEditStore,
        community_id: int,
        record: VolunteerRecord | None = None,
        *,
        layout: CommunityLayout | None = None,
        context: ValidationContext | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.edits = edits
        self.community_id = community_id
        self.new = record is None
        self.original = record or VolunteerRecord()
        self.layout_ = layout or edits.layout(community_id)
        self.context = context or edits.context(community_id)
        self.saved_record: VolunteerRecord | None = None
        self._today = today or dt.date.today()
        self._touched: set[str] = set()
        self._show_all = False
        self.setWindowTitle(self.tr("添加志愿者") if self.new
                            else self.tr("编辑志愿者：{name}").format(name=self.original.name))
        self.error_labels: dict[str, QLabel] = {}

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._basic_tab(), self.tr("基本信息"))
        self.tabs.addTab(self._time_tab(today), self.tr("可值班时间"))
        self.tabs.addTab(self._gates_tab(), self.tr("门岗与时段"))
        self.tabs.addTab(self._rules_tab(), self.tr("个人规则"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout_ = QVBoxLayout(self)
        layout_.addWidget(self.tabs)
        layout_.addWidget(buttons)
        self._load(self.original)
        self._revalidate()

    # --- building the form -------------------------------------------------------------

    def _error_label(self, field: str) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setObjectName(f"problem_{field}")
        label.hide()
        self.error_labels[field] = label
        return label

    def _basic_tab(self) -> QWidget:
        page = QWidget(self)
        grid = QGridLayout(page)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(2)
        row = 0

        def add_row(title: str, widget: QWidget | Any, *fields: str) -> None:
            nonlocal row
            grid.addWidget(QLabel(title), row, 0, Qt.AlignmentFlag.AlignTop)
            if isinstance(widget, QWidget):
                grid.addWidget(widget, row, 1)
            else:
                grid.addLayout(widget, row, 1)
            row += 1
            for field in fields:
                grid.addWidget(self._error_label(field), row, 1)
                row += 1
            grid.setRowMinimumHeight(row, 6)
            row += 1

        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("必填"))
        self.name_edit.setMaxLength(200)
        self.name_edit.textEdited.connect(lambda: self._edited(NAME))
        add_row(self.tr("姓名"), self.name_edit, NAME)

        self.phone_edit = QLineEdit(self)
        self.phone_edit.setPlaceholderText(self.tr("11 位手机号，可不填"))
        self.phone_edit.textEdited.connect(lambda: self._edited(PHONE))
        add_row(self.tr("电话"), self.phone_edit, PHONE)

        self.kind_combo = QComboBox(self)
        for style in KIND_STYLES:
            self.kind_combo.addItem(_swatch(style.colour), style.label, style.code)
        self.kind_combo.activated.connect(self._kind_chosen)
        add_row(self.tr("类别"), self.kind_combo, KIND)

        facts = QHBoxLayout()
        self.party_check = QCheckBox(self.tr("党员"), self)
        self.employed_check = QCheckBox(self.tr("在职"), self)
        self.employed_check.setToolTip(self.tr("在职的人工作日 8:00–18:00 不排班（八小时内无职党员参与、八小时外在职党员服务）"))
        self.minor_check = QCheckBox(self.tr("未成年"), self)
        self.minor_check.setToolTip(self.tr("未成年人不单独值班"))
        self.registered_check = QCheckBox(self.tr("双报到"), self)
        self.registered_check.setToolTip(self.tr("在职党员到居住地社区报到，每周应排到规定的班次"))
        for check, field in ((self.party_check, PARTY_MEMBER), (self.employed_check, EMPLOYED),
                             (self.minor_check, MINOR), (self.registered_check, "registered")):
            check.toggled.connect(lambda _on, f=field: self._edited(f))
            facts.addWidget(check)
        facts.addStretch(1)
        add_row(self.tr("身份"), facts, PARTY_MEMBER, EMPLOYED, MINOR)

        self.building_combo = QComboBox(self)
        self.building_combo.setEditable(True)
        self.building_combo.addItems(("",) + self.layout_.buildings)
        self.building_combo.lineEdit().setPlaceholderText(self.tr("如 3号楼"))
        self.building_combo.editTextChanged.connect(lambda: self._edited(BUILDING))
        self.grid_combo = QComboBox(self)
        self.grid_combo.setEditable(True)
        self.grid_combo.addItems(("",) + self.layout_.grids)
        self.grid_combo.lineEdit().setPlaceholderText(self.tr("如 第一网格"))
        self.grid_combo.editTextChanged.connect(lambda: self._edited(GRID))
        add_row(self.tr("楼栋"), self.building_combo, BUILDING)
        add_row(self.tr("网格"), self.grid_combo, GRID)

        skills = QGridLayout()
        self.skill_checks: dict[str, QCheckBox] = {}
        codes = list(dict.fromkeys(list(SKILL_LABELS) + list(self.layout_.skills) + list(self.original.skills)))
        for i, code in enumerate(codes):
            check = QCheckBox(skill_label(code), self)
            check.toggled.connect(lambda _on: self._edited(SKILLS))
            self.skill_checks[code] = check
            skills.addWidget(check, i // 4, i % 4)
        self.other_skills_edit = QLineEdit(self)
        self.other_skills_edit.setPlaceholderText(self.tr("其他技能，用逗号分隔，如 手语，驾驶"))
        self.other_skills_edit.textEdited.connect(lambda: self._edited(SKILLS))
        skills.addWidget(self.other_skills_edit, (len(codes) + 3) // 4, 0, 1, 4)
        add_row(self.tr("技能"), skills, SKILLS)

        cap = QHBoxLayout()
        self.cap_check = QCheckBox(self.tr("单独设定"), self)
        self.cap_spin = QDoubleSpinBox(self)
        self.cap_spin.setRange(0, MAX_HOURS)
        self.cap_spin.setDecimals(1)
        self.cap_spin.setSingleStep(1)
        self.cap_spin.setSuffix(self.tr(" 小时"))
        self.cap_check.toggled.connect(self.cap_spin.setEnabled)
        self.cap_check.toggled.connect(lambda: self._edited(MAX_HOURS_FIELD))
        self.cap_spin.valueChanged.connect(lambda: self._edited(MAX_HOURS_FIELD))
        hint = QLabel(self.tr("不设定则按社区统一上限"))
        hint.setStyleSheet("color: #6b7078;")
        cap.addWidget(self.cap_check)
        cap.addWidget(self.cap_spin)
        cap.addWidget(hint)
        cap.addStretch(1)
        add_row(self.tr("每周上限"), cap, MAX_HOURS_FIELD)

        if self.new:
            self.code_edit = QLineEdit(self)
            self.code_edit.setPlaceholderText(self.tr("可不填，自动生成"))
            self.code_edit.textEdited.connect(lambda: self._edited(CODE))
            add_row(self.tr("编号"), self.code_edit, CODE)
        else:
            self.code_edit = None
            code = QLabel(self.original.code + ("" if self.original.active else self.tr("（已停用）")))
            code.setStyleSheet("color: #6b7078;")
            add_row(self.tr("编号"), code, CODE)
        grid.setRowStretch(row, 1)
        return page

    def _time_tab(self, today: dt.date | None) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("每周可值班时间（点击切换，按住拖动可一次标出多格；点击星期或时段的标题可整列、整行选择）：")))
        self.availability = AvailabilityGrid(self.layout_.slots, page)
        self.availability.cells_changed.connect(lambda: self._edited(AVAILABILITY))
        layout.addWidget(self.availability)
        start, end = self.layout_.work_start, self.layout_.work_end
        self.workday_note = QLabel(self.tr(
            "在职人员工作日 {start}–{end} 不排班（八小时内无职党员参与、八小时外在职党员服务）："
            "浅色的格子只在休息日（节假日、调休）有效。").format(
            start=f"{start // 60:02d}:{start % 60:02d}", end=f"{end // 60:02d}:{end % 60:02d}"), page)
        self.workday_note.setWordWrap(True)
        self.workday_note.setStyleSheet("color: #6b7078;")
        layout.addWidget(self.workday_note)
        layout.addWidget(self._error_label(AVAILABILITY))
        self.dates = DateExceptions(page, today=today)
        self.dates.dates_changed.connect(lambda: self._edited(UNAVAILABLE_DATES))
        layout.addWidget(self.dates, 1)
        layout.addWidget(self._error_label(UNAVAILABLE_DATES))
        return page

    def _checks(self, box: QGroupBox, items: Sequence[tuple[str, str]], field: str) -> dict[str, QCheckBox]:
        layout = QHBoxLayout(box)
        checks = {}
        for code, name in items:
            check = QCheckBox(name, box)
            check.toggled.connect(lambda _on: self._edited(field))
            checks[code] = check
            layout.addWidget(check)
        layout.addStretch(1)
        return checks

    def _gates_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        gates = [(g.code, g.name) for g in self.layout_.gates]
        box = QGroupBox(self.tr("希望站的门岗（尽量安排，不强求）"), page)
        self.preferred_gate_checks = self._checks(box, gates, PREFERRED_GATES)
        layout.addWidget(box)
        layout.addWidget(self._error_label(PREFERRED_GATES))
        self.restrict_check = QCheckBox(self.tr("只能在以下门岗值班（如年纪大的只站楼下的门岗）"), page)
        self.restrict_check.toggled.connect(lambda _on: self._edited(ALLOWED_GATES))
        layout.addWidget(self.restrict_check)
        self.allowed_box = QGroupBox(page)
        self.allowed_gate_checks = self._checks(self.allowed_box, gates, ALLOWED_GATES)
        self.restrict_check.toggled.connect(self.allowed_box.setEnabled)
        layout.addWidget(self.allowed_box)
        layout.addWidget(self._error_label(ALLOWED_GATES))
        box = QGroupBox(self.tr("希望的时段（尽量安排，不强求）"), page)
        self.preferred_slot_checks = self._checks(box, [(s.code, s.name) for s in self.layout_.slots], PREFERRED_SLOTS)
        layout.addWidget(box)
        layout.addWidget(self._error_label(PREFERRED_SLOTS))
        layout.addStretch(1)
        return page

    def _rules_tab(self) -> QWidget:
        page = QWidget(self)
        grid = QGridLayout(page)
        grid.setColumnStretch(2, 1)
        grid.setVerticalSpacing(2)
        intro = QLabel(self.tr("只对此人适用的规则，按每次排班的日期范围（通常一周）计算，社区的规则同时适用。"
                               "“不限”即不设此项；规则越紧越可能排不出，请按本人的实际情况设定。"), page)
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #6b7078;")
        grid.addWidget(intro, 0, 0, 1, 3)
        row = 1
        self.rule_spins: dict[str, QAbstractSpinBox] = {}

        def add_row(title: str, spin: QAbstractSpinBox, tip: str, field: str) -> None:
            nonlocal row
            spin.setToolTip(tip)
            grid.addWidget(QLabel(title), row, 0)
            grid.addWidget(spin, row, 1)
            row += 1
            grid.addWidget(self._error_label(field), row, 0, 1, 3)
            row += 1

        for field, title, tip in (
            (MAX_MINUTES, self.tr("最多值班"), self.tr("排班期内站岗时长合计最多这么多（每周上限同时适用）")),
            (MIN_MINUTES, self.tr("最少值班"), self.tr("排班期内站岗时长合计至少这么多；排不到时整周无解，请慎用")),
        ):
            low, high = LIMIT_RANGES[field]
            spin = QDoubleSpinBox(page)
            spin.setRange(low / 60 - 0.5, high / 60)  # the lowest value is 不限
            spin.setDecimals(1)
            spin.setSingleStep(0.5)
            spin.setSuffix(self.tr(" 小时"))
            spin.setSpecialValueText(self.tr("不限"))
            spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
            spin.valueChanged.connect(lambda _v, f=field: self._edited(f))
            self.rule_spins[field] = spin
            add_row(title, spin, tip, field)
        for field, title, unit, tip in (
            (MAX_CONSECUTIVE_DAYS, self.tr("最多连续值班"), self.tr(" 天"),
             self.tr("连续有岗的天数最多这么多（与社区的规定取较严的）")),
            (MIN_CONSECUTIVE_DAYS, self.tr("最少连续值班"), self.tr(" 天"),
             self.tr("每段连续有岗的天数至少这么多（排班期第一天或最后一天起止的一段除外）")),
            (MIN_CONSECUTIVE_DAYS_OFF, self.tr("两段值班间最少休息"), self.tr(" 天"),
             self.tr("两段值班之间至少连休这么多天（排班期首尾的休息除外）")),
            (MAX_WEEKENDS, self.tr("最多值班周末"), self.tr(" 个"),
             self.tr("周六或周日有岗即算一个周末（按日期，不看调休）")),
        ):
            low, high = LIMIT_RANGES[field]
            spin = QSpinBox(page)
            spin.setRange(low - 1, high)  # the lowest value is 不限
            spin.setSuffix(unit)
            spin.setSpecialValueText(self.tr("不限"))
            spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
            spin.valueChanged.connect(lambda _v, f=field: self._edited(f))
            self.rule_spins[field] = spin
            add_row(title, spin, tip, field)

        box = QGroupBox(self.tr("各班次最多次数（排班期内）"), page)
        slots = QGridLayout(box)
        self.slot_limit_spins: dict[str, QSpinBox] = {}
        low, high = MAX_POSTS_RANGE
        for i, slot in enumerate(self.layout_.slots):
            spin = QSpinBox(box)
            spin.setRange(low - 1, high)
            spin.setSuffix(self.tr(" 次"))
            spin.setSpecialValueText(self.tr("不限"))
            spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
            spin.valueChanged.connect(lambda _v: self._edited(MAX_POSTS_BY_SLOT))
            self.slot_limit_spins[slot.code] = spin
            slots.addWidget(QLabel(slot.name, box), i // 2, (i % 2) * 2)
            slots.addWidget(spin, i // 2, (i % 2) * 2 + 1)
        slots.setColumnStretch(4, 1)
        grid.addWidget(box, row, 0, 1, 3)
        grid.addWidget(self._error_label(MAX_POSTS_BY_SLOT), row + 1, 0, 1, 3)
        grid.addWidget(self._requests_box(page), row + 2, 0, 1, 3)
        grid.addWidget(self._error_label(REQUESTS), row + 3, 0, 1, 3)
        grid.setRowStretch(row + 2, 1)
        return page

    def _requests_box(self, page: QWidget) -> QGroupBox:
        """Wishes by date: stand (or not) in a slot on a date, at any gate; soft, so a
        wish not granted costs its weight and nothing more."""
        box = QGroupBox(self.tr("按日期的意愿（尽量满足，不强求）"), page)
        layout = QVBoxLayout(box)
        add = QHBoxLayout()
        self.request_date = QDateEdit(box)
        self.request_date.setCalendarPopup(True)
        self.request_date.setDisplayFormat("yyyy-MM-dd")
        self.request_date.setDate(QDate(self._today.year, self._today.month, self._today.day))
        self.request_slot = QComboBox(box)
        for slot in self.layout_.slots:
            self.request_slot.addItem(slot.name, slot.code)
        self.request_wanted = QComboBox(box)
        self.request_wanted.addItem(self.tr("想排"), True)
        self.request_wanted.addItem(self.tr("不想排"), False)
        self.request_weight = QSpinBox(box)
        self.request_weight.setRange(*REQUEST_WEIGHT_RANGE)
        self.request_weight.setValue(1)
        self.request_weight.setPrefix(self.tr("权重 "))
        self.request_weight.setToolTip(self.tr("没能满足时记多少分；越大越优先满足"))
        self.request_add = QPushButton(self.tr("添加"), box)
        self.request_add.clicked.connect(self.add_request)
        for w in (self.request_date, self.request_slot, self.request_wanted, self.request_weight, self.request_add):
            add.addWidget(w)
        add.addStretch(1)
        layout.addLayout(add)
        self.request_list = QListWidget(box)
        self.request_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.request_list.setMinimumHeight(self.fontMetrics().height() * 4)
        layout.addWidget(self.request_list, 1)
        self.request_remove = QPushButton(self.tr("删除所选意愿"), box)
        self.request_remove.clicked.connect(self.remove_requests)
        self.request_list.itemSelectionChanged.connect(
            lambda: self.request_remove.setEnabled(bool(self.request_list.selectedItems())))
        self.request_remove.setEnabled(False)
        layout.addWidget(self.request_remove, 0, Qt.AlignmentFlag.AlignLeft)
        self._requests: list[Request] = []
        return box

    def _request_text(self, q: Request) -> str:
        slot = next((s.name for s in self.layout_.slots if s.code == q.slot), q.slot)
        text = self.tr("{date} {weekday} {slot}：想排") if q.wanted else self.tr("{date} {weekday} {slot}：不想排")
        return (text.format(date=q.date.isoformat(), weekday=weekday_text(q.date), slot=slot)
                + self.tr("（权重 {weight}）").format(weight=q.weight))

    def _show_requests(self) -> None:
        self.request_list.clear()
        for q in self._requests:
            self.request_list.addItem(QListWidgetItem(self._request_text(q)))
        self.request_remove.setEnabled(False)

    def add_request(self) -> None:
        """Adds the wish the row above says; the list stays in date and slot order."""
        date = self.request_date.date()
        q = Request(dt.date(date.year(), date.month(), date.day()), self.request_slot.currentData(),
                    bool(self.request_wanted.currentData()), self.request_weight.value())
        if q.slot is None:
            return
        order = {s.code: i for i, s in enumerate(self.layout_.slots)}
        self._requests = sorted([*self._requests, q], key=lambda r: (r.date, order.get(r.slot, len(order))))
        self._show_requests()
        self._edited(REQUESTS)

    def remove_requests(self) -> None:
        rows = {self.request_list.row(item) for item in self.request_list.selectedItems()}
        self._requests = [q for i, q in enumerate(self._requests) if i not in rows]
        self._show_requests()
        self._edited(REQUESTS)

    def _rule_value(self, field: str) -> int | None:
        """The limit the spin box shows (None at 不限); minutes from hours keep the stored
        minutes while the box still shows them (it rounds to a tenth of an hour)."""
        spin = self.rule_spins[field]
        if spin.value() == spin.minimum():
            return None
        if field not in (MAX_MINUTES, MIN_MINUTES):
            return int(spin.value())
        before = getattr(self.original, field)
        if before is not None and round(before / 60, 1) == round(spin.value(), 1):
            return before
        return round(spin.value() * 60)

    def _slot_limits(self) -> tuple[tuple[str, int], ...]:
        """(slot, most posts) for the slots with a limit: those kept in their previous
        order, then new ones in the day's order; a limit on a slot the form does not show
        (gone meanwhile) stays, so the check can name it."""
        chosen = {code: spin.value() for code, spin in self.slot_limit_spins.items() if spin.value() >= 0}
        kept = [(c, n) for c, n in self.original.max_posts_by_slot if c not in self.slot_limit_spins]
        order = _ordered(chosen, [c for c, _ in self.original.max_posts_by_slot], list(self.slot_limit_spins))
        return tuple(kept + [(c, chosen[c]) for c in order])

    # --- record in and out -------------------------------------------------------------

    def _load(self, r: VolunteerRecord) -> None:
        widgets = [self.name_edit, self.phone_edit, self.kind_combo, self.party_check, self.employed_check,
                   self.minor_check, self.registered_check, self.building_combo, self.grid_combo, self.cap_check,
                   self.cap_spin, self.restrict_check, *self.skill_checks.values(),
                   *self.preferred_gate_checks.values(), *self.allowed_gate_checks.values(),
                   *self.preferred_slot_checks.values(), *self.rule_spins.values(),
                   *self.slot_limit_spins.values()]
        for w in widgets:
            w.blockSignals(True)  # loading is not the clerk touching a field
        self.name_edit.setText(r.name)
        self.phone_edit.setText(r.phone)
        index = self.kind_combo.findData(r.kind)
        self.kind_combo.setCurrentIndex(max(0, index))
        self.party_check.setChecked(r.party_member)
        self.employed_check.setChecked(r.employed)
        self.minor_check.setChecked(r.minor)
        self.registered_check.setChecked(r.registered)
        self.building_combo.setEditText(r.building)
        self.grid_combo.setEditText(r.grid)
        for code, check in self.skill_checks.items():
            check.setChecked(code in r.skills)
        self.cap_check.setChecked(r.max_hours_per_week is not None)
        self.cap_spin.setValue(r.max_hours_per_week if r.max_hours_per_week is not None else 12)
        self.cap_spin.setEnabled(r.max_hours_per_week is not None)
        for code, check in self.preferred_gate_checks.items():
            check.setChecked(code in r.preferred_gates)
        self.restrict_check.setChecked(r.allowed_gates is not None)
        self.allowed_box.setEnabled(r.allowed_gates is not None)
        for code, check in self.allowed_gate_checks.items():
            check.setChecked(code in (r.allowed_gates or ()))
        for code, check in self.preferred_slot_checks.items():
            check.setChecked(code in r.preferred_slots)
        for field, spin in self.rule_spins.items():
            value = getattr(r, field)
            if value is None:
                spin.setValue(spin.minimum())
            else:
                spin.setValue(value / 60 if field in (MAX_MINUTES, MIN_MINUTES) else value)
        limits = dict(r.max_posts_by_slot)
        for code, spin in self.slot_limit_spins.items():
            spin.setValue(limits.get(code, spin.minimum()))
        self._requests = list(r.requests)
        self._show_requests()
        for w in widgets:
            w.blockSignals(False)
        self.availability.set_cells(r.availability)
        self.dates.set_dates(r.unavailable_dates)
        self._show_workday_note()

    def _show_workday_note(self) -> None:
        employed = self.employed_check.isChecked()
        self.availability.set_workday_note(self.layout_.working_hours_slots() if employed else ())
        self.workday_note.setVisible(employed)

    def record(self) -> VolunteerRecord:
        """The form as a record (not normalized: `check_record` and the store do that)."""
        o = self.original
        other = [s.strip() for s in self.other_skills_edit.text().replace("，", ",").replace("、", ",").split(",")]
        skills = _ordered([c for c, ch in self.skill_checks.items() if ch.isChecked()], o.skills,
                          list(self.skill_checks)) + tuple(s for s in other if s)
        gates = [g.code for g in self.layout_.gates]
        return VolunteerRecord(
            code=self.code_edit.text() if self.code_edit is not None else o.code,
            name=self.name_edit.text(),
            phone=self.phone_edit.text(),
            kind=self.kind_combo.currentData() or "",
            party_member=self.party_check.isChecked(),
            employed=self.employed_check.isChecked(),
            minor=self.minor_check.isChecked(),
            building=self.building_combo.currentText(),
            grid=self.grid_combo.currentText(),
            skills=skills,
            max_hours_per_week=self.cap_spin.value() if self.cap_check.isChecked() else None,
            registered=self.registered_check.isChecked(),
            active=o.active,
            availability=self.availability.cells(),
            unavailable_dates=self.dates.dates(),
            preferred_gates=_ordered([c for c, ch in self.preferred_gate_checks.items() if ch.isChecked()],
                                     o.preferred_gates, gates),
            allowed_gates=(_ordered([c for c, ch in self.allowed_gate_checks.items() if ch.isChecked()],
                                    o.allowed_gates or (), gates) if self.restrict_check.isChecked() else None),
            preferred_slots=_ordered([c for c, ch in self.preferred_slot_checks.items() if ch.isChecked()],
                                     o.preferred_slots, [s.code for s in self.layout_.slots]),
            **{field: self._rule_value(field) for field in self.rule_spins},
            max_posts_by_slot=self._slot_limits(),
            requests=tuple(self._requests),
        )

    def problems(self) -> list[Problem]:
        return check_record(self.record(), self.context, new=self.new)

    # --- validation ----------------------------------------------------------------------

    def _kind_chosen(self, _index: int) -> None:
        """The clerk picked a kind: tick the flags it implies, so the form agrees with itself."""
        kind = self.kind_combo.currentData()
        party, employed, minor = KIND_FACTS.get(kind, (None, None, None))
        for check, value in ((self.party_check, party), (self.employed_check, employed), (self.minor_check, minor)):
            if value is not None:
                check.setChecked(value)
        if self.new:
            self.registered_check.setChecked(kind in REGISTERED_BY_DEFAULT)
        self._edited(KIND)

    def _edited(self, field: str) -> None:
        self._touched.add(field)
        if field in (EMPLOYED, KIND):
            self._show_workday_note()
        if field == KIND:
            self._touched |= {PARTY_MEMBER, EMPLOYED, MINOR}
        self._revalidate()

    def _revalidate(self, problems: Sequence[Problem] | None = None) -> list[Problem]:
        """Shows each problem under its field (touched fields only, until OK was pressed)."""
        problems = list(self.problems() if problems is None else problems)
        by_field: dict[str, list[Problem]] = {}
        for p in problems:
            by_field.setdefault(p.field, []).append(p)
        for field, label in self.error_labels.items():
            # A warning about the whole person (no time marked) is shown from the start:
            # it explains itself and blocks nothing.
            shown = [p for p in by_field.get(field, [])
                     if self._show_all or field in self._touched or (p.warning and not self.new)]
            if not shown:
                label.hide()
                label.clear()
                continue
            error = any(not p.warning for p in shown)
            label.setText("\n".join(problem_text(p) for p in sorted(shown, key=lambda p: p.warning)))
            label.setStyleSheet(f"color: {ERROR_COLOUR if error else WARNING_COLOUR};")
            label.show()
        for tab in range(self.tabs.count()):
            page = self.tabs.widget(tab)
            red = any(not label.isHidden() and page.isAncestorOf(label) and
                      any(not p.warning for p in by_field.get(field, []))
                      for field, label in self.error_labels.items())
            self.tabs.tabBar().setTabTextColor(tab, QColor(ERROR_COLOUR) if red else QColor())
        return problems

    def accept(self) -> None:
        """Save, unless an error is left (then show every problem and stay)."""
        self._show_all = True
        problems = self._revalidate()
        errors = errors_of(problems)
        if errors:
            self._focus_problem(errors[0])
            return
        warnings = warnings_of(problems)
        if warnings and not self._confirm(warnings):
            return
        try:
            if self.new:
                saved = self.edits.add(self.community_id, self.record(), accept_warnings=True)
            else:
                saved = self.edits.update(self.community_id, self.record(), accept_warnings=True)
        except VolunteerValidationError as exc:
            # The register changed since the form opened (another window): say what now.
            self.context = self.edits.context(self.community_id)
            self._revalidate(exc.problems)
            self._focus_problem(exc.problems[0])
            return
        except (StoreError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("保存失败"), self.tr("没有保存：\n{message}").format(message=exc))
            return
        self.saved_record = saved
        self.saved.emit(saved)
        super().accept()

    def _confirm(self, warnings: Sequence[Problem]) -> bool:
        text = "\n".join("• " + problem_text(p) for p in warnings)
        answer = QMessageBox.question(
            self, self.tr("确认保存"), self.tr("请确认：\n{warnings}\n\n仍然保存吗？").format(warnings=text),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _focus_problem(self, problem: Problem) -> None:
        label = self.error_labels.get(problem.field)
        for tab in range(self.tabs.count()):
            if label is not None and self.tabs.widget(tab).isAncestorOf(label):
                self.tabs.setCurrentIndex(tab)
        widget = {NAME: self.name_edit, PHONE: self.phone_edit, KIND: self.kind_combo, CODE: self.code_edit,
                  BUILDING: self.building_combo, GRID: self.grid_combo, MAX_HOURS_FIELD: self.cap_spin,
                  AVAILABILITY: self.availability, **self.rule_spins}.get(problem.field)
        if widget is not None:
            widget.setFocus()


# --- several people at once ----------------------------------------------------------------------


def _names(records: Sequence[VolunteerRecord], most: int = 5) -> str:
    names = "、".join(r.name for r in records[:most])
    if len(records) > most:
        names += QCoreApplication.translate("VolunteerManager", " 等 {n} 人").format(n=len(records))
    return names


class BulkAvailabilityDialog(QDialog):
    """One weekly grid for several people: a cell is green if all of them can serve then,
    white if none can, hatched if some can. Only the cells the clerk changes are written
    (`VolunteerEditStore.change_availability`); a hatched cell left alone keeps each
    person's own answer.

    Signals:
        saved(): the change was written.
    """

    saved = Signal()

    def __init__(self, edits: VolunteerEditStore, community_id: int, records: Sequence[VolunteerRecord],
                 layout: CommunityLayout, parent: QWidget | None = None):
        super().__init__(parent)
        self.edits = edits
        self.community_id = community_id
        self.records = list(records)
        self.setWindowTitle(self.tr("批量设置可值班时间"))
        intro = QLabel(self.tr("为 {names} 设置每周可值班时间。").format(names=_names(self.records)))
        intro.setWordWrap(True)
        legend = QLabel(self.tr("绿色：所有人都可值班；白色：都不可；斜线：部分人可值班，不去点它就各人保持原样。"
                                "点击或拖动改动的格子会统一设给所有人。"))
        legend.setWordWrap(True)
        legend.setStyleSheet("color: #6b7078;")
        self.grid = AvailabilityGrid(layout.slots, self)
        counts: dict = {}
        for r in self.records:
            for cell in r.availability:
                counts[cell] = counts.get(cell, 0) + 1
        self.grid.set_states({
            cell: CellState.ON if counts.get(cell, 0) == len(self.records)
            else CellState.OFF if not counts.get(cell) else CellState.MIXED
            for cell in self.grid.all_cells()
        })
        self.summary = QLabel(self)
        self.grid.cells_changed.connect(self._update_summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("应用到 {n} 人").format(n=len(self.records)))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout_ = QVBoxLayout(self)
        for widget in (intro, legend, self.grid, self.summary, buttons):
            layout_.addWidget(widget)
        self._update_summary()

    def _update_summary(self) -> None:
        added, removed = len(self.grid.added()), len(self.grid.removed())
        self.summary.setText(self.tr("尚未改动。") if not (added or removed)
                             else self.tr("将统一设为可值班 {a} 格，不可值班 {r} 格。").format(a=added, r=removed))

    def accept(self) -> None:
        added, removed = self.grid.added(), self.grid.removed()
        if added or removed:
            try:
                self.edits.change_availability(self.community_id, [r.code for r in self.records], added, removed)
            except (StoreError, DatabaseError) as exc:
                QMessageBox.warning(self, self.tr("保存失败"), self.tr("没有保存：\n{message}").format(message=exc))
                return
            self.saved.emit()
        super().accept()


class DatesAwayDialog(QDialog):
    """Dates away (请假) for several people at once: picked on a calendar, added to each.

    Signals:
        saved(): the dates were written.
    """

    saved = Signal()

    def __init__(self, edits: VolunteerEditStore, community_id: int, records: Sequence[VolunteerRecord],
                 today: dt.date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.edits = edits
        self.community_id = community_id
        self.records = list(records)
        self.setWindowTitle(self.tr("登记请假"))
        intro = QLabel(self.tr("为 {names} 登记不能值班的日期（在日历上选日期后点“添加请假日期”）。")
                       .format(names=_names(self.records)))
        intro.setWordWrap(True)
        self.dates = DateExceptions(self, today=today)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.dates.dates_changed.connect(lambda: self.ok_button.setEnabled(bool(self.dates.dates())))
        self.ok_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.dates)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            self.edits.add_unavailable_dates(self.community_id, [r.code for r in self.records], self.dates.dates())
        except (StoreError, DatabaseError) as exc:
            QMessageBox.warning(self, self.tr("保存失败"), self.tr("没有保存：\n{message}").format(message=exc))
            return
        self.saved.emit()
        super().accept()


# --- the register -------------------------------------------------------------------------------


class VolunteerManager(QWidget):
    """The register of one community: search, filters, the table and its actions.

    Signals:
        changed(): something was written (the store's listeners hear it as well).

    Attributes: `edits` (the `VolunteerEditStore`), `model`, `proxy`, `view`, the search
    box and filters (`search_edit`, `kind_filter`, `skill_filter`, `building_filter`,
    `status_filter`), the buttons, `count_label`, `status_label`, and `dialog`: the dialog
    the manager has open, or None.
    """

    changed = Signal()

    def __init__(self, store: Any, community_id: int, parent: QWidget | None = None, *,
                 today: Callable[[], dt.date] = dt.date.today):
        super().__init__(parent)
        self.edits = store if isinstance(store, VolunteerEditStore) else VolunteerEditStore(store)
        self.community_id = community_id
        self._today = today
        self.dialog: QDialog | None = None
        self.layout_ = self.edits.layout(community_id)
        self.model = VolunteerTableModel(self)
        self.proxy = VolunteerFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build_ui()
        self.reload()

    def _build_ui(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("搜索：姓名、电话、楼栋，或拼音首字母（如 zgl）"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._filters_changed)

        self.kind_filter = QComboBox(self)
        self.kind_filter.addItem(self.tr("全部类别"), None)
        for style in KIND_STYLES:
            self.kind_filter.addItem(_swatch(style.colour), style.label, style.code)
        self.skill_filter = QComboBox(self)
        self.building_filter = QComboBox(self)
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(self.tr("全部状态"), ALL_STATUSES)
        self.status_filter.addItem(self.tr("在册"), ACTIVE_ONLY)
        self.status_filter.addItem(self.tr("已停用"), INACTIVE_ONLY)
        self._fill_place_filters()
        for combo in (self.kind_filter, self.skill_filter, self.building_filter, self.status_filter):
            combo.currentIndexChanged.connect(self._filters_changed)

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        for combo in (self.kind_filter, self.skill_filter, self.building_filter, self.status_filter):
            filters.addWidget(combo, 1)

        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the register's order
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_SKILLS, QHeaderView.ResizeMode.Stretch)  # the one that varies
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        # The keyboard way: Enter edits the selected person, Ctrl+F goes to the search box.
        edit = QShortcut(QKeySequence(Qt.Key.Key_Return), self.view, context=Qt.ShortcutContext.WidgetShortcut)
        edit.activated.connect(self.edit_selected)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(lambda: (self.search_edit.setFocus(), self.search_edit.selectAll()))
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(self.tr("添加志愿者"), self)
        self.add_button.clicked.connect(self.add_volunteer)
        self.edit_button = QPushButton(self.tr("编辑"), self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.availability_button = QPushButton(self.tr("批量设置可值班时间"), self)
        self.availability_button.clicked.connect(self.bulk_availability)
        self.leave_button = QPushButton(self.tr("登记请假"), self)
        self.leave_button.clicked.connect(self.dates_away)
        self.deactivate_button = QPushButton(self.tr("停用"), self)
        self.deactivate_button.setToolTip(self.tr("不再参加排班；名册、以往的排班和服务时长都保留，可随时恢复"))
        self.deactivate_button.clicked.connect(self.deactivate_selected)
        self.reactivate_button = QPushButton(self.tr("恢复"), self)
        self.reactivate_button.clicked.connect(self.reactivate_selected)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.availability_button, self.leave_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.deactivate_button)
        buttons.addWidget(self.reactivate_button)

        self.count_label = QLabel(self)
        self.status_label = QLabel(self)
        self.status_label.setStyleSheet("color: #3d7a23;")
        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addStretch(1)
        footer.addWidget(self.status_label)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addLayout(footer)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

    def _fill_place_filters(self) -> None:
        """The skill and building filters offer what the register holds now."""
        for combo, all_text, items in (
            (self.skill_filter, self.tr("全部技能"), [(skill_label(s), s) for s in self.layout_.skills]),
            (self.building_filter, self.tr("全部楼栋"), [(b, b) for b in self.layout_.buildings]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(all_text, None)
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
            combo.blockSignals(False)

    # --- data ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Reads the register again (keeps the selection: rows stay in place)."""
        self.model.set_records(self.edits.volunteers(self.community_id))
        self.layout_ = self.edits.layout(self.community_id)
        self._fill_place_filters()
        self._filters_changed()
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        for column in range(self.model.columnCount()):
            if column != COL_SKILLS:
                header.resizeSection(column, header.sectionSize(column) + 12)  # room to breathe

    def records(self) -> list[VolunteerRecord]:
        return self.model.records()

    def selected_records(self) -> list[VolunteerRecord]:
        rows = sorted({self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()})
        records = self.model.records()
        return [records[row] for row in rows]

    def select(self, codes: Iterable[str]) -> None:
        """Selects the people with `codes` that the filters show, and scrolls to the first."""
        self.view.clearSelection()
        selection = self.view.selectionModel()
        first = None
        for code in codes:
            source = self.model.index(self.model.row_of(code), 0)
            index = self.proxy.mapFromSource(source)
            if index.isValid():
                selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
                first = first or index
        if first is not None:
            self.view.scrollTo(first)

    def _filters_changed(self, *_args) -> None:
        self.proxy.set_search(self.search_edit.text())
        self.proxy.set_kind(self.kind_filter.currentData())
        self.proxy.set_skill(self.skill_filter.currentData())
        self.proxy.set_building(self.building_filter.currentData())
        self.proxy.set_status(self.status_filter.currentData() or ALL_STATUSES)
        self._update_count()
        self._update_buttons()

    def _update_count(self, *_args) -> None:
        records = self.model.records()
        active = sum(r.active for r in records)
        self.count_label.setText(
            self.tr("共 {n} 人（在册 {a} 人，已停用 {i} 人），显示 {s} 人")
            .format(n=len(records), a=active, i=len(records) - active, s=self.proxy.rowCount()))

    def _update_buttons(self, *_args) -> None:
        chosen = self.selected_records()
        self.edit_button.setEnabled(len(chosen) == 1)
        self.availability_button.setEnabled(bool(chosen))
        self.leave_button.setEnabled(bool(chosen))
        self.deactivate_button.setEnabled(any(r.active for r in chosen))
        self.reactivate_button.setEnabled(any(not r.active for r in chosen))

    def _saved(self, message: str, codes: Iterable[str]) -> None:
        codes = list(codes)
        self.reload()
        self.select(codes)
        self.status_label.setText(message)
        self.changed.emit()

    # --- actions ---------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> QDialog:
        """Opens `dialog` window-modal without blocking; forgets it when it closes."""
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result, d=dialog: self._closed(d))
        dialog.open()
        return dialog

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def add_volunteer(self) -> VolunteerDialog:
        dialog = VolunteerDialog(self.edits, self.community_id, None, layout=self.layout_,
                                 today=self._today(), parent=self)
        dialog.saved.connect(lambda r: self._saved(self.tr("已添加：{name}").format(name=r.name), [r.code]))
        return self._open(dialog)

    def edit_volunteer(self, code: str) -> VolunteerDialog:
        record = self.edits.volunteer(self.community_id, code)
        dialog = VolunteerDialog(self.edits, self.community_id, record, layout=self.layout_,
                                 today=self._today(), parent=self)
        dialog.saved.connect(lambda r: self._saved(self.tr("已保存：{name}").format(name=r.name), [r.code]))
        return self._open(dialog)

    def edit_selected(self) -> VolunteerDialog | None:
        chosen = self.selected_records()
        return self.edit_volunteer(chosen[0].code) if len(chosen) == 1 else None

    def bulk_availability(self) -> BulkAvailabilityDialog | None:
        chosen = self.selected_records()
        if not chosen:
            return None
        dialog = BulkAvailabilityDialog(self.edits, self.community_id, chosen, self.layout_, parent=self)
        codes = [r.code for r in chosen]
        dialog.saved.connect(lambda: self._saved(
            self.tr("已为 {n} 人设置可值班时间").format(n=len(codes)), codes))
        return self._open(dialog)

    def dates_away(self) -> DatesAwayDialog | None:
        chosen = self.selected_records()
        if not chosen:
            return None
        dialog = DatesAwayDialog(self.edits, self.community_id, chosen, today=self._today(), parent=self)
        codes = [r.code for r in chosen]
        dialog.saved.connect(lambda: self._saved(self.tr("已为 {n} 人登记请假").format(n=len(codes)), codes))
        return self._open(dialog)

    def deactivate_selected(self) -> bool:
        """Deactivates the selected active people after the clerk confirms; True if done."""
        chosen = [r for r in self.selected_records() if r.active]
        if not chosen:
            return False
        text = self.tr("停用 {names}？\n停用后不再参加新的排班；名册、以往的排班和服务时长都保留，可随时恢复。").format(
            names=_names(chosen))
        try:
            assigned = self.edits.assigned_dates(self.community_id, [r.code for r in chosen], self._today())
        except (StoreError, DatabaseError) as exc:
            self._failed(exc)
            return False
        if assigned:
            by_code = {r.code: r.name for r in chosen}
            lines = [self.tr("{name}：{dates}").format(
                name=by_code[code], dates="、".join(f"{d.month}月{d.day}日" for d in sorted(set(dates))[:5]))
                for code, dates in assigned.items()]
            text += "\n\n" + self.tr("以下人员在已排的班表中还有班次，这些班次不会自动撤下，请重新排班或手动调整：") + "\n" + "\n".join(lines)
        answer = QMessageBox.question(self, self.tr("停用志愿者"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._set_active(chosen, False, self.tr("已停用：{names}").format(names=_names(chosen)))

    def reactivate_selected(self) -> bool:
        chosen = [r for r in self.selected_records() if not r.active]
        return bool(chosen) and self._set_active(chosen, True, self.tr("已恢复：{names}").format(names=_names(chosen)))

    def _set_active(self, chosen: Sequence[VolunteerRecord], active: bool, message: str) -> bool:
        try:
            self.edits.set_active(self.community_id, [r.code for r in chosen], active)
        except (StoreError, DatabaseError) as exc:
            self._failed(exc)
            return False
        self._saved(message, [r.code for r in chosen])
        return True

    def _failed(self, exc: Exception) -> None:
        QMessageBox.warning(self, self.tr("保存失败"), self.tr("没有保存：\n{message}").format(message=exc))


def open_volunteer_manager(parent: QWidget | None, store: Any, community_id: int) -> VolunteerManager:
    """Shows the register of `community_id` in a window of its own and returns it.

    The window belongs to `parent` (it closes with it and stays above it); asking again
    for the same community brings the open one to the front instead of opening a second.
    """
    if parent is not None:
        for manager in parent.findChildren(VolunteerManager):
            if manager.community_id == community_id and manager.isVisible() and manager.isWindow():
                manager.raise_()
                manager.activateWindow()
                return manager
    manager = VolunteerManager(store, community_id, parent)
    manager.setWindowFlag(Qt.WindowType.Window, True)
    manager.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    manager.setWindowTitle(QCoreApplication.translate("VolunteerManager", "志愿者名册"))
    manager.resize(1100, 680)
    manager.show()
    manager.raise_()
    manager.activateWindow()
    return manager
