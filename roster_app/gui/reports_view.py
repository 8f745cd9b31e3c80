"""服务统计: the clerk's window onto service hours and person-times, for the street office.

The clerk picks a date range (two QDateEdits with calendar pop-ups, or one click on
本月 / 上月 / 本季度 / 今年), a grouping (志愿者 / 类别 / 门岗 / 周), reads the totals
("累计服务 N 小时，N 人次"), the table and the chart of hours per week stacked by kind, and
exports the table to Excel or CSV and the chart to a PNG. Only published rosters count;
weeks in the range that are still drafts are named under the totals so that a missing
week does not go unnoticed.

The figures come from `roster_app.reports.service_hours`: the dialog reads the range's
published weeks once (`fetch_service_period`) and regroups them without touching the
database again. It re-reads after every change the store reports for its community
(a week published elsewhere shows at once).

`open_reports(parent, store, community_id)` is the entry point the main window's menu uses.
"""

from __future__ import annotations

import datetime as dt
import weakref
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSettings,
    QSortFilterProxyModel,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from roster_app.gui.kinds import kind_order, kind_style
from roster_app.output.canvas import OutputError
from roster_app.reports.chart import chart_image, paint_chart
from roster_app.reports.export import export_report_csv, export_report_xlsx
from roster_app.reports.service_hours import (
    BY_GATE,
    BY_KIND,
    BY_VOLUNTEER,
    BY_WEEK,
    GROUPINGS,
    ServicePeriod,
    ServiceReport,
    WeekKindHours,
    build_report,
    date_label,
    fetch_service_period,
    grouping_label,
    report_table,
    span_label,
)

THIS_MONTH, LAST_MONTH, THIS_QUARTER, THIS_YEAR = "this_month", "last_month", "this_quarter", "this_year"
QUICK_RANGES: dict[str, str] = {
    THIS_MONTH: QT_TRANSLATE_NOOP("ReportsDialog", "本月"),
    LAST_MONTH: QT_TRANSLATE_NOOP("ReportsDialog", "上月"),
    THIS_QUARTER: QT_TRANSLATE_NOOP("ReportsDialog", "本季度"),
    THIS_YEAR: QT_TRANSLATE_NOOP("ReportsDialog", "今年"),
}

SETTINGS_DIR = "reports/export_dir"
"""QSettings key of the folder the clerk last exported to."""

RELOAD_DELAY_MS = 250
"""Typing a date changes it once per digit; the figures are read once the typing pauses."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportsDialog", text)


def _month_end(year: int, month: int) -> dt.date:
    first_of_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_of_next - dt.timedelta(days=1)


def quick_range(choice: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last date of 本月, 上月, 本季度 or 今年 as seen on `today` (whole
    calendar periods: the street office asks for whole months)."""
    if choice == THIS_MONTH:
        return today.replace(day=1), _month_end(today.year, today.month)
    if choice == LAST_MONTH:
        last = today.replace(day=1) - dt.timedelta(days=1)
        return last.replace(day=1), last
    if choice == THIS_QUARTER:
        first_month = (today.month - 1) // 3 * 3 + 1
        return dt.date(today.year, first_month, 1), _month_end(today.year, first_month + 2)
    if choice == THIS_YEAR:
        return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    raise ValueError(f"Unknown quick range {choice!r} (known: {', '.join(QUICK_RANGES)}).")


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


# --- the table ------------------------------------------------------------------------------


class ReportTableModel(QAbstractTableModel):
    """The report's table (`report_table`) without its totals row, which the dialog shows
    above the table (a sortable view would otherwise sort it among the rows).

    Custom roles: `SortRole` (numbers for numeric columns, the legend position for kinds,
    the date for weeks), `KeyRole` (the row's key: volunteer id, kind code, gate id or the
    week's Monday). Signals: QAbstractTableModel's own; `set_report` resets the model.
    """

    SortRole = Qt.ItemDataRole.UserRole + 1
    KeyRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent=None):
        super().__init__(parent)
        self.report: ServiceReport | None = None
        self._headers: tuple[str, ...] = ()
        self._numeric: tuple[bool, ...] = ()
        self._cells: tuple[tuple[Any, ...], ...] = ()

    def set_report(self, report: ServiceReport | None) -> None:
        self.beginResetModel()
        self.report = report
        if report is None:
            self._headers, self._numeric, self._cells = (), (), ()
        else:
            table = report_table(report)
            self._headers, self._numeric, self._cells = table.headers, table.numeric, table.rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.report is None or not 0 <= index.row() < len(self._cells):
            return None
        row, column = self.report.rows[index.row()], index.column()
        value = self._cells[index.row()][column]
        grouping = self.report.grouping
        kind_column = (grouping == BY_VOLUNTEER and column == 1) or (grouping == BY_KIND and column == 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{value:g}" if isinstance(value, float) else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if self._numeric[column] else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and kind_column:
            return kind_style(row.kind).qcolour
        if role == Qt.ItemDataRole.ToolTipRole and grouping == BY_WEEK and column == 0 and row.counted:
            first, last = row.counted
            return _tr("计入 {span} 的值班").format(span=span_label(first, last, with_year=False))
        if role == self.SortRole:
            if kind_column:
                return kind_order(row.kind)
            if column == 0 and grouping == BY_WEEK:
                return row.key
            if column == 0 and grouping == BY_GATE:
                return index.row()  # the community's gate order
            return value
        if role == self.KeyRole:
            return row.key
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if self._numeric[section] else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None


# --- the chart ------------------------------------------------------------------------------


class HoursChart(QWidget):
    """Hours per week stacked by kind (`roster_app.reports.chart.paint_chart`)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.weekly: tuple[WeekKindHours, ...] = ()
        self.setMinimumSize(360, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_weekly(self, weekly: tuple[WeekKindHours, ...]) -> None:
        self.weekly = tuple(weekly)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        try:
            paint_chart(painter, QRectF(self.rect()), self.weekly)
        finally:
            painter.end()


# --- the dialog -----------------------------------------------------------------------------


class ReportsDialog(QDialog):
    """服务统计 of one community.

    Attributes:
        start_edit, end_edit: the range's first and last date (calendar pop-ups).
        quick_buttons: quick-range code (`QUICK_RANGES`) -> its button.
        grouping_combo: 志愿者 / 类别 / 门岗 / 周 (item data: the `GROUPINGS` code).
        summary_label: "累计服务 N 小时，N 人次，志愿者 N 人"; note_label: what is not counted.
        model, proxy, table: the report's table, sortable by clicking a header.
        chart: the hours per week by kind.
        excel_button, csv_button, png_button: the exports; status_label says where the
            last file went.
        report: the report shown (None before the first read).

    Signals:
        report_changed(): the figures were re-read or regrouped.
        exported(str): a file was written (its path).
    """

    report_changed = Signal()
    exported = Signal(str)
    _store_changed = Signal(int)  # from the store's callback

    def __init__(self, store: Any, community_id: int, parent: QWidget | None = None,
                 today: Callable[[], dt.date] = dt.date.today):
        super().__init__(parent)
        self.store = store
        self.community_id = community_id
        self._today = today
        self.community = next((c.name for c in store.communities() if c.id == community_id), "")
        self.period: ServicePeriod | None = None
        self.report: ServiceReport | None = None
        self.setWindowTitle(self.tr("服务统计") + (f" — {self.community}" if self.community else ""))
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload)
        self._build_ui()
        self._store_changed.connect(self._on_store_changed, Qt.ConnectionType.QueuedConnection)
        # A weak reference: the store outlives the dialog and has no unsubscribe.
        notify = weakref.WeakMethod(self._notify_store_changed)
        if hasattr(store, "subscribe"):
            store.subscribe(lambda cid: (m := notify()) is not None and m(cid))
        self.resize(1260, 700)
        self.set_range(*quick_range(THIS_MONTH, today()))

    def _build_ui(self) -> None:
        outer = QVBoxLayout(self)

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("时间："), self))
        self.start_edit = self._date_edit()
        self.end_edit = self._date_edit()
        controls.addWidget(self.start_edit)
        controls.addWidget(QLabel(self.tr("至"), self))
        controls.addWidget(self.end_edit)
        self.quick_buttons: dict[str, QPushButton] = {}
        for code, source in QUICK_RANGES.items():
            button = QPushButton(self.tr(source), self)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, c=code: self.set_range(*quick_range(c, self._today())))
            controls.addWidget(button)
            self.quick_buttons[code] = button
        controls.addSpacing(24)
        controls.addWidget(QLabel(self.tr("分组："), self))
        self.grouping_combo = QComboBox(self)
        for code in GROUPINGS:
            self.grouping_combo.addItem(grouping_label(code), code)
        self.grouping_combo.currentIndexChanged.connect(self._regroup)
        controls.addWidget(self.grouping_combo)
        controls.addStretch(1)
        outer.addLayout(controls)
        self.start_edit.dateChanged.connect(self._start_changed)
        self.end_edit.dateChanged.connect(self._schedule_reload)

        self.summary_label = QLabel(self)
        big = QFont(self.summary_label.font())
        big.setPointSizeF(big.pointSizeF() * 1.25)
        big.setBold(True)
        self.summary_label.setFont(big)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_label = QLabel(self)
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: #5f6368;")
        outer.addWidget(self.summary_label)
        outer.addWidget(self.note_label)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.model = ReportTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(ReportTableModel.SortRole)
        self.table = QTableView(splitter)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the report's own order first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(56)
        self.chart = HoursChart(splitter)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 6)
        splitter.setSizes([640, 580])
        outer.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        self.excel_button = QPushButton(self.tr("导出 Excel…"), self)
        self.csv_button = QPushButton(self.tr("导出 CSV…"), self)
        self.png_button = QPushButton(self.tr("导出图表 PNG…"), self)
        self.close_button = QPushButton(self.tr("关闭"), self)
        for button in (self.excel_button, self.csv_button, self.png_button, self.close_button):
            button.setAutoDefault(False)
        self.excel_button.clicked.connect(self.export_excel)
        self.csv_button.clicked.connect(self.export_csv)
        self.png_button.clicked.connect(self.export_png)
        self.close_button.clicked.connect(self.close)
        self.status_label = QLabel(self)
        self.status_label.setStyleSheet("color: #3d7a23;")
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons.addWidget(self.excel_button)
        buttons.addWidget(self.csv_button)
        buttons.addWidget(self.png_button)
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.close_button)
        outer.addLayout(buttons)

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setMaximumDate(QDate(2099, 12, 31))
        return edit

    # --- the range and the figures ---------------------------------------------------------

    @property
    def start(self) -> dt.date:
        return _pydate(self.start_edit.date())

    @property
    def end(self) -> dt.date:
        return _pydate(self.end_edit.date())

    @property
    def grouping(self) -> str:
        return self.grouping_combo.currentData()

    def set_range(self, start: dt.date, end: dt.date) -> None:
        """Shows `start`..`end` at once (a quick choice or a test; typing waits a moment)."""
        for edit in (self.start_edit, self.end_edit):
            edit.blockSignals(True)
        self.end_edit.setMinimumDate(QDate(2000, 1, 1))
        self.start_edit.setDate(_qdate(start))
        self.end_edit.setDate(_qdate(max(start, end)))
        self.end_edit.setMinimumDate(_qdate(start))
        for edit in (self.start_edit, self.end_edit):
            edit.blockSignals(False)
        self.reload()

    def set_grouping(self, grouping: str) -> None:
        self.grouping_combo.setCurrentIndex(GROUPINGS.index(grouping))

    def _start_changed(self, date: QDate) -> None:
        # The end can never come before the start: moving the start past it moves it too.
        self.end_edit.setMinimumDate(date)
        self._schedule_reload()

    def _schedule_reload(self, *_: object) -> None:
        self._reload_timer.start()

    def reload(self) -> None:
        """Re-read the range's published weeks from the store and show them."""
        self._reload_timer.stop()
        self.period = fetch_service_period(self.store, self.community_id, self.start, self.end)
        self._regroup()

    def _regroup(self, *_: object) -> None:
        if self.period is None:
            return
        self.report = build_report(self.period, self.grouping)
        self.model.set_report(self.report)
        if self.model.columnCount():
            # The first column (name, kind, gate, week) takes the room left over.
            self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.chart.set_weekly(self.report.weekly)
        total = self.report.total
        self.summary_label.setText(self.tr("{span}：{summary}，志愿者 {people} 人").format(
            span=span_label(self.start, self.end), summary=self.report.summary(), people=total.people))
        self.note_label.setText(self._note())
        has_posts = bool(self.period.posts)
        for button in (self.excel_button, self.csv_button, self.png_button):
            button.setEnabled(has_posts)
            button.setToolTip("" if has_posts else self.tr("所选时间内没有已发布排班表的服务记录"))
        self.report_changed.emit()

    def _note(self) -> str:
        assert self.period is not None
        note = self.tr("只计已发布的排班表，一个人在一个时段值班一次计 1 人次。")
        drafts = self.period.unpublished
        if drafts:
            weeks = "、".join(self.tr("{day}起").format(day=date_label(d)) for d in drafts)
            note += self.tr("另有 {n} 周排班表尚未发布，未计入（{weeks}）。").format(n=len(drafts), weeks=weeks)
        elif not self.period.weeks:
            note += self.tr("所选时间内没有已发布的排班表。")
        return note

    def _notify_store_changed(self, community_id: int) -> None:
        try:
            self._store_changed.emit(community_id)
        except RuntimeError:  # the dialog's Qt object is already gone
            pass

    def _on_store_changed(self, community_id: int) -> None:
        if community_id == self.community_id:
            self._schedule_reload()

    # --- exports ---------------------------------------------------------------------------

    def _file_stem(self) -> str:
        assert self.report is not None
        return self.tr("{community}服务统计_{start}至{end}_按{grouping}").format(
            community=self.community, start=f"{self.start:%Y-%m-%d}", end=f"{self.end:%Y-%m-%d}",
            grouping=grouping_label(self.grouping))

    def _ask_path(self, caption: str, suffix: str, file_filter: str) -> Path | None:
        """The file the clerk chose (with `suffix` added when left out), or None."""
        settings = QSettings()
        folder = settings.value(SETTINGS_DIR, "") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / (self._file_stem() + suffix))
        chosen, _ = QFileDialog.getSaveFileName(self, caption, suggested, file_filter)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        settings.setValue(SETTINGS_DIR, str(path.parent))
        return path

    def _done(self, path: Path) -> None:
        self.status_label.setText(self.tr("已导出：{path}").format(path=str(path)))
        self.exported.emit(str(path))

    def _failed(self, message: str) -> None:
        self.status_label.clear()
        QMessageBox.warning(self, self.tr("导出失败"), message)

    def export_excel(self) -> None:
        if self.report is None:
            return
        path = self._ask_path(self.tr("导出 Excel"), ".xlsx", self.tr("Excel 工作簿 (*.xlsx)"))
        if path is None:
            return
        try:
            export_report_xlsx(self.report, path, self.community, exported_on=self._today())
        except OutputError as exc:
            self._failed(str(exc))
            return
        self._done(path)

    def export_csv(self) -> None:
        if self.report is None:
            return
        path = self._ask_path(self.tr("导出 CSV"), ".csv", self.tr("CSV 文件 (*.csv)"))
        if path is None:
            return
        try:
            export_report_csv(self.report, path)
        except OutputError as exc:
            self._failed(str(exc))
            return
        self._done(path)

    def export_png(self) -> None:
        if self.report is None:
            return
        path = self._ask_path(self.tr("导出图表"), ".png", self.tr("PNG 图片 (*.png)"))
        if path is None:
            return
        title = self.tr("{community} {span} 每周服务时长（小时），按志愿者类别").format(
            community=self.community, span=span_label(self.start, self.end))
        image = chart_image(self.report.weekly, 1200, 640, title=title.strip())
        if not image.save(str(path), "PNG"):
            self._failed(self.tr("无法写入文件 {path}").format(path=str(path)))
            return
        self._done(path)


def open_reports(parent: QWidget | None, store: Any, community_id: int) -> ReportsDialog:
    """Shows 服务统计 of `community_id` in a window of its own and returns it.

    Not modal: the clerk may look at the week while it is open. Asking again for the same
    community brings the open one to the front instead of opening a second.
    """
    if parent is not None:
        for dialog in parent.findChildren(ReportsDialog):
            if dialog.community_id == community_id and dialog.isVisible():
                dialog.raise_()
                dialog.activateWindow()
                return dialog
    dialog = ReportsDialog(store, community_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setModal(False)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
