"""从 Excel 导入志愿者: the dialog that imports a list of volunteers, all or nothing.

`open_import_dialog(parent, store, community_id)` opens `ImportVolunteersDialog`. The clerk
chooses (or drops) an .xlsx or .csv file; the dialog reads it at once
(`roster_app.importing.VolunteerImporter.read`) and shows either

- the preview: how many people are new, updated and unchanged, and every row with what
  importing it does (`ImportPreviewModel`), warnings beside their rows; 导入 writes it in
  one transaction; or
- the problems: every bad row with its line, column and what is wrong
  (`ImportProblemModel`); nothing can be imported until the clerk fixes the file in Excel
  and presses 重新读取.

下载模板 saves the template (.xlsx, or .csv by the chosen filter) for this community's
slots. File dialogs are Qt's own (not the platform's), opened with `open()`, so tests can
drive them. This module reads and writes only through `VolunteerImporter`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDropEvent, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from roster_app.gui.kinds import kind_style, skill_label
from roster_app.importing import (
    NEW,
    UNCHANGED,
    UPDATE,
    ImportPlan,
    ImportProblem,
    ImportRejected,
    ImportResult,
    PlannedRow,
    VolunteerImporter,
    write_template,
)
from roster_app.persistence.errors import DatabaseError, StoreError
from roster_app.persistence.volunteer_edit import CommunityLayout

log = logging.getLogger(__name__)

ERROR_COLOUR = "#c62828"
WARNING_COLOUR = "#a65f00"
OK_COLOUR = "#2e6b1f"
MUTED_COLOUR = "#6b7078"
ACTION_COLOURS = {NEW: QColor("#2e6b1f"), UPDATE: QColor("#1f5fa8"), UNCHANGED: QColor(MUTED_COLOUR)}
WARNING_BACKGROUND = QColor("#fff4dc")
ERROR_BACKGROUND = QColor("#fdecea")

ACTION_LABELS = {
    NEW: QT_TRANSLATE_NOOP("ImportDialog", "新增"),
    UPDATE: QT_TRANSLATE_NOOP("ImportDialog", "更新"),
    UNCHANGED: QT_TRANSLATE_NOOP("ImportDialog", "无变化"),
}
FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("ImportDialog", "姓名"),
    "phone": QT_TRANSLATE_NOOP("ImportDialog", "手机号"),
    "kind": QT_TRANSLATE_NOOP("ImportDialog", "类别"),
    "party_member": QT_TRANSLATE_NOOP("ImportDialog", "党员"),
    "employed": QT_TRANSLATE_NOOP("ImportDialog", "在职"),
    "minor": QT_TRANSLATE_NOOP("ImportDialog", "未成年"),
    "building": QT_TRANSLATE_NOOP("ImportDialog", "楼栋"),
    "grid": QT_TRANSLATE_NOOP("ImportDialog", "网格"),
    "skills": QT_TRANSLATE_NOOP("ImportDialog", "技能"),
    "max_hours_per_week": QT_TRANSLATE_NOOP("ImportDialog", "每周时长上限"),
    "registered": QT_TRANSLATE_NOOP("ImportDialog", "双报到"),
    "availability": QT_TRANSLATE_NOOP("ImportDialog", "可值班时间"),
    "active": QT_TRANSLATE_NOOP("ImportDialog", "恢复启用"),
}
WEEKDAYS = (
    QT_TRANSLATE_NOOP("ImportDialog", "周一"), QT_TRANSLATE_NOOP("ImportDialog", "周二"),
    QT_TRANSLATE_NOOP("ImportDialog", "周三"), QT_TRANSLATE_NOOP("ImportDialog", "周四"),
    QT_TRANSLATE_NOOP("ImportDialog", "周五"), QT_TRANSLATE_NOOP("ImportDialog", "周六"),
    QT_TRANSLATE_NOOP("ImportDialog", "周日"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def week_summary(cells: frozenset[tuple[int, str]], layout: CommunityLayout) -> str:
    """The weekly availability in a few words: "周一–周五 上午、下午；周六 全天"."""
    order = [s.code for s in layout.slots]
    names = {s.code: s.name for s in layout.slots}
    per_day = [tuple(c for c in order if (day, c) in cells) for day in range(7)]
    parts: list[str] = []
    day = 0
    while day < 7:
        slots = per_day[day]
        last = day
        while last + 1 < 7 and per_day[last + 1] == slots:
            last += 1
        if slots:
            days = _tr(WEEKDAYS[day]) if last == day else f"{_tr(WEEKDAYS[day])}–{_tr(WEEKDAYS[last])}"
            what = _tr("全天") if len(slots) == len(order) else "、".join(names[c] for c in slots)
            parts.append(f"{days} {what}")
        day = last + 1
    return "；".join(parts) if parts else _tr("（未填）")


class ImportPreviewModel(QAbstractTableModel):
    """The rows of an `ImportPlan`: 行, 处理 (新增/更新/无变化), 姓名, 手机号, 类别, 楼栋, 网格,
    可值班时间, 说明 (what an update changes, and the row's warnings, highlighted)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ImportDialog", "行"), QT_TRANSLATE_NOOP("ImportDialog", "处理"),
        QT_TRANSLATE_NOOP("ImportDialog", "姓名"), QT_TRANSLATE_NOOP("ImportDialog", "手机号"),
        QT_TRANSLATE_NOOP("ImportDialog", "类别"), QT_TRANSLATE_NOOP("ImportDialog", "楼栋"),
        QT_TRANSLATE_NOOP("ImportDialog", "网格"), QT_TRANSLATE_NOOP("ImportDialog", "可值班时间"),
        QT_TRANSLATE_NOOP("ImportDialog", "说明"),
    )
    LINE, ACTION, NAME, PHONE, KIND, BUILDING, GRID, WEEK, NOTE = range(9)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[PlannedRow] = []
        self._warnings: dict[int, list[ImportProblem]] = {}
        self._layout = CommunityLayout((), ())

    def set_plan(self, plan: ImportPlan | None, layout: CommunityLayout | None = None) -> None:
        self.beginResetModel()
        self._rows = list(plan.rows) if plan else []
        self._warnings = {}
        for warning in plan.warnings if plan else ():
            if warning.line is not None:
                self._warnings.setdefault(warning.line, []).append(warning)
        self._layout = layout or self._layout
        self.endResetModel()

    def planned(self, row: int) -> PlannedRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.HEADERS):
            return _tr(self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        planned = self._rows[index.row()]
        column = index.column()
        warnings = self._warnings.get(planned.line, [])
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(planned, column, warnings)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.ACTION:
                return QBrush(ACTION_COLOURS[planned.action])
            if column == self.KIND:
                return QBrush(QColor(kind_style(planned.record.kind).colour))
            if column == self.NOTE and warnings:
                return QBrush(QColor(WARNING_COLOUR))
            if planned.action == UNCHANGED:
                return QBrush(QColor(MUTED_COLOUR))
            return None
        if role == Qt.ItemDataRole.BackgroundRole and column == self.NOTE and warnings:
            return QBrush(WARNING_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole and column == self.ACTION and planned.action != UNCHANGED:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.NOTE, self.WEEK):
            text = self._text(planned, column, warnings)
            return text.replace("；", "\n") if text else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, planned: PlannedRow, column: int, warnings: Sequence[ImportProblem]) -> str:
        r = planned.record
        if column == self.LINE:
            return str(planned.line)
        if column == self.ACTION:
            return _tr(ACTION_LABELS[planned.action])
        if column == self.NAME:
            return r.name + (f"（{r.code}）" if r.code else "")
        if column == self.PHONE:
            return r.phone
        if column == self.KIND:
            return kind_style(r.kind).label
        if column == self.BUILDING:
            return r.building
        if column == self.GRID:
            return r.grid
        if column == self.WEEK:
            return week_summary(r.availability, self._layout)
        if column == self.NOTE:
            notes = []
            if planned.action == UPDATE:
                changed = [c for c in planned.changed if c not in ("party_member", "employed", "minor", "active")]
                if changed:
                    notes.append(_tr("改：") + "、".join(_tr(FIELD_LABELS[c]) for c in changed))
            notes.extend(w.text.rstrip("。") for w in warnings)
            if r.skills and planned.action == NEW:
                notes.append(_tr("技能：") + "、".join(skill_label(s) for s in r.skills))
            return "；".join(notes)
        return ""


class ImportProblemModel(QAbstractTableModel):
    """The problems of a refused file: 行, 列, 问题 (errors in red, warnings in orange)."""

    HEADERS = (QT_TRANSLATE_NOOP("ImportDialog", "行"), QT_TRANSLATE_NOOP("ImportDialog", "列"),
               QT_TRANSLATE_NOOP("ImportDialog", "问题"))
    LINE, COLUMN, TEXT = range(3)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._problems: list[ImportProblem] = []

    def set_problems(self, problems: Sequence[ImportProblem]) -> None:
        self.beginResetModel()
        self._problems = list(problems)
        self.endResetModel()

    def problem(self, row: int) -> ImportProblem:
        return self._problems[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.HEADERS):
            return _tr(self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._problems):
            return None
        p = self._problems[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.LINE:
                return str(p.line) if p.line is not None else _tr("整个文件")
            if column == self.COLUMN:
                if p.letter:
                    return f"{p.letter}（{p.column}）" if p.column else p.letter
                return p.column
            return p.text
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TEXT:
            return p.text + "\n" + p.message
        if role == Qt.ItemDataRole.ForegroundRole and column == self.TEXT:
            return QBrush(QColor(WARNING_COLOUR if p.warning else ERROR_COLOUR))
        if role == Qt.ItemDataRole.BackgroundRole and not p.warning and column == self.LINE:
            return QBrush(ERROR_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _table(parent: QWidget, model: QAbstractTableModel, stretch: int) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class ImportVolunteersDialog(QDialog):
    """Import volunteers from an .xlsx or .csv list (see the module's docstring).

    Signals:
        imported(object): the `ImportResult`, after the list was written.

    Attributes: `importer`, `path` (the file read last), `plan` (its plan, None when
    refused or none read), `problems` (the refusal's problems), the widgets
    (`choose_button`, `reload_button`, `template_button`, `import_button`,
    `summary_label`, `preview_view`, `problem_view`, `pages`), the models
    (`preview_model`, `problem_model`) and `file_dialog` (the open file dialog, if any).
    """

    imported = Signal(object)

    def __init__(self, store: Any, community_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.importer = VolunteerImporter(store, community_id)
        self.layout_ = self.importer.layout()
        self.path: Path | None = None
        self.plan: ImportPlan | None = None
        self.problems: tuple[ImportProblem, ...] = ()
        self.result: ImportResult | None = None
        self.file_dialog: QFileDialog | None = None
        self.setWindowTitle(self.tr("从 Excel 导入志愿者"))
        self.setAcceptDrops(True)
        self.resize(980, 560)

        intro = QLabel(self.tr("选择填好的 Excel（.xlsx）或 CSV 文件，也可以把文件拖到这里。"
                               "第一次用请先下载模板，按模板的列填写，每行一人。"), self)
        intro.setWordWrap(True)
        self.file_label = QLabel(self.tr("尚未选择文件"), self)
        self.file_label.setStyleSheet(f"color: {MUTED_COLOUR};")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(self.tr("选择文件…"), self)
        self.reload_button = QPushButton(self.tr("重新读取"), self)
        self.reload_button.setToolTip(self.tr("在 Excel 中改正并保存后，点这里再读一遍同一个文件"))
        self.reload_button.setEnabled(False)
        self.template_button = QPushButton(self.tr("下载模板…"), self)
        self.template_button.setToolTip(self.tr("保存一份带中文列名和填写说明的空白名单"))
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.reload_button)
        file_row.addSpacing(12)
        file_row.addWidget(self.template_button)

        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)

        self.preview_model = ImportPreviewModel(self)
        self.problem_model = ImportProblemModel(self)
        self.preview_view = _table(self, self.preview_model, ImportPreviewModel.NOTE)
        self.problem_view = _table(self, self.problem_model, ImportProblemModel.TEXT)
        self.problem_view.setWordWrap(True)
        self.empty_page = QLabel(self.tr("读取后，这里列出每一行要做什么；有问题的行会连同行号和列一起列出。"), self)
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_page.setStyleSheet(f"color: {MUTED_COLOUR}; border: 1px dashed #c8ccd1;")
        self.pages = QStackedWidget(self)
        for page in (self.empty_page, self.preview_view, self.problem_view):
            self.pages.addWidget(page)

        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.close_button = buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.import_plan)
        self.close_button.clicked.connect(self.reject)
        self.import_button.setAutoDefault(False)
        self.close_button.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bottom)

        self.choose_button.clicked.connect(self.choose_file)
        self.reload_button.clicked.connect(self.reload)
        self.template_button.clicked.connect(self.download_template)

    # --- reading ---------------------------------------------------------------------------

    def choose_file(self) -> QFileDialog:
        """Opens the file dialog; choosing a file reads it."""
        start = str(self.path.parent) if self.path else ""
        dialog = self._file_dialog(self.tr("选择志愿者名单"), start,
                                   self.tr("表格文件 (*.xlsx *.csv *.txt);;所有文件 (*)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.load)
        dialog.open()
        return dialog

    def load(self, path: str | Path) -> ImportPlan | None:
        """Reads `path` and shows its preview or its problems; returns the plan or None."""
        self.path = Path(path)
        self.file_label.setText(str(self.path))
        self.file_label.setToolTip(str(self.path))
        self.file_label.setStyleSheet("")
        self.reload_button.setEnabled(True)
        self.status_label.clear()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            plan = self.importer.read(self.path)
        except ImportRejected as exc:
            self._show_problems(exc.problems)
            return None
        except (StoreError, DatabaseError) as exc:  # the register itself could not be read
            self._show_problems([])
            self._show_summary(self.tr("无法读取名册：{message}").format(message=exc), ERROR_COLOUR)
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.layout_ = self.importer.layout()
        self._show_plan(plan)
        return plan

    def reload(self) -> ImportPlan | None:
        """Reads the same file again (after the clerk fixed it in Excel)."""
        return self.load(self.path) if self.path is not None else None

    def _show_plan(self, plan: ImportPlan) -> None:
        self.plan, self.problems = plan, ()
        self.preview_model.set_plan(plan, self.layout_)
        self.problem_model.set_problems([])
        self.pages.setCurrentWidget(self.preview_view)
        counts = self.tr("新增 <b>{new}</b> 人，更新 <b>{updated}</b> 人，无变化 {same} 人").format(
            new=plan.new_count, updated=plan.update_count, same=plan.unchanged_count)
        warnings = len(plan.warnings)
        extra = self.tr("；另有 {n} 条提示（橙色，不影响导入）").format(n=warnings) if warnings else ""
        if plan.has_changes:
            self._show_summary(self.tr("读取成功，可以导入：") + counts + extra + self.tr("。核对无误后点“导入”。"), OK_COLOUR)
        else:
            self._show_summary(self.tr("读取成功，但名单与名册完全相同，没有要导入的内容（") + counts + self.tr("）。"),
                               MUTED_COLOUR)
        self.import_button.setEnabled(plan.has_changes)

    def _show_problems(self, problems: Sequence[ImportProblem]) -> None:
        self.plan, self.problems = None, tuple(problems)
        self.preview_model.set_plan(None)
        self.problem_model.set_problems(problems)
        self.import_button.setEnabled(False)
        self.pages.setCurrentWidget(self.problem_view)
        self.problem_view.resizeRowsToContents()
        lines = {p.line for p in problems if p.line is not None}
        if lines:
            text = self.tr("发现 {n} 处问题（涉及 {rows} 行），没有导入任何人。请在 Excel 中按下表改正并保存，再点“重新读取”。").format(
                n=len(problems), rows=len(lines))
        else:
            text = self.tr("无法读取这个文件，没有导入任何人。")
        self._show_summary(text, ERROR_COLOUR)

    def _show_summary(self, html: str, colour: str) -> None:
        self.summary_label.setText(f"<span style='color: {colour};'>{html}</span>")

    # --- writing ---------------------------------------------------------------------------

    def import_plan(self) -> ImportResult | None:
        """Writes the plan shown; closes the dialog when done."""
        if self.plan is None or not self.plan.has_changes:
            return None
        try:
            result = self.importer.apply(self.plan)
        except ImportRejected as exc:
            self._show_problems(exc.problems)
            return None
        self.result = result
        log.info("imported %s: %d new, %d updated", self.plan.source, len(result.added), len(result.updated))
        self.imported.emit(result)
        self.accept()
        return result

    # --- the template ----------------------------------------------------------------------

    def download_template(self) -> QFileDialog:
        """Opens a save dialog; the chosen file gets the template (.xlsx or .csv)."""
        start = str((self.path.parent if self.path else Path.home()) / self.tr("志愿者名单模板.xlsx"))
        xlsx_filter, csv_filter = self.tr("Excel 工作簿 (*.xlsx)"), self.tr("CSV 文件，UTF-8 (*.csv)")
        dialog = self._file_dialog(self.tr("保存模板"), start, f"{xlsx_filter};;{csv_filter}")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("xlsx")
        dialog.filterSelected.connect(lambda f: dialog.setDefaultSuffix("csv" if f == csv_filter else "xlsx"))
        dialog.fileSelected.connect(self.save_template)
        dialog.open()
        return dialog

    def save_template(self, path: str | Path) -> Path | None:
        path = Path(path)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + ".xlsx")
        try:
            write_template(path, self.layout_)
        except OSError as exc:
            self.status_label.setStyleSheet(f"color: {ERROR_COLOUR};")
            self.status_label.setText(self.tr("模板没有保存：{reason}").format(reason=exc.strerror or exc))
            return None
        self.status_label.setStyleSheet(f"color: {OK_COLOUR};")
        self.status_label.setText(self.tr("模板已保存：{path}").format(path=path))
        return path

    # --- helpers ---------------------------------------------------------------------------

    def _file_dialog(self, title: str, start: str, filters: str) -> QFileDialog:
        if self.file_dialog is not None:
            self.file_dialog.close()
        dialog = QFileDialog(self, title, start, filters)
        # Qt's own dialog: the same on every desktop, and tests can fill it in.
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result, d=dialog: self._file_dialog_closed(d))
        self.file_dialog = dialog
        return dialog

    def _file_dialog_closed(self, dialog: QFileDialog) -> None:
        if self.file_dialog is dialog:
            self.file_dialog = None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_path(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_path(event)
        if path is not None:
            event.acceptProposedAction()
            self.load(path)

    @staticmethod
    def _dropped_path(event) -> str | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        local = [u.toLocalFile() for u in urls if u.isLocalFile()]
        return local[0] if len(local) == 1 else None


def open_import_dialog(parent: QWidget | None, store: Any, community_id: int) -> ImportVolunteersDialog:
    """Opens the import dialog for `community_id` window-modal over `parent` (without
    blocking) and returns it; connect to its `imported` signal to hear of an import."""
    dialog = ImportVolunteersDialog(store, community_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
