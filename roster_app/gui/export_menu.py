"""The window's outputs of the shown week: print preview, PDF, Excel and the WeChat picture.

`OutputActions` owns the 文件 menu's output actions and does what they say, for the week
the window shows (read afresh from the store as a `PrintWeek`, so the paper says what the
database says):

- 打印 ▸ 本周排班表 / 门岗值班表（张贴用）/ 个人值班单 — straight to the printer dialog
  (`ask_printer`), then the pages; `print_document` also prints some gates' sheets only
  (after a drop-out's repair, the sheets that changed);
- 打印预览 ▸ the same three documents — Qt's print preview, from which the clerk prints;
- 导出 PDF ▸ the same three documents — a save dialog, then the file;
- 导出 Excel… — the week as a workbook;
- 导出微信图片… — a small chooser (整周 / 一个门岗 / 一天), then a save dialog, then a PNG
  1080 px wide for the volunteers' WeChat group (phones always masked there);
- 输出完整手机号 — a check box, off at every start: only then do the gate sheets and the
  workbook carry full phone numbers (the WeChat picture never does).

Save dialogs propose a file name saying what and which week ("玉带路社区-2026-11-23周-排班表.pdf")
in the folder used last (QSettings `output/folder`). Every action says in the status bar
what it did; a failure (`OutputError`, a store error) is a message box, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from roster_app.gui.repair_dialog import date_label

log = logging.getLogger(__name__)

FOLDER_KEY = "output/folder"
KINDS = ("week", "gates", "slips")  # DocumentKind values, in menu order


def _tr(text: str) -> str:
    return QCoreApplication.translate("OutputActions", text)


def _safe(text: str) -> str:
    """A file-name part without the characters file systems refuse."""
    return "".join("-" if c in '\\/:*?"<>|' else c for c in text).strip() or "-"


def default_file_name(community: str, monday: dt.date, what: str, suffix: str) -> str:
    """"玉带路社区-2026-11-23周-排班表.pdf": the community, the week's Monday, what it is."""
    week = _tr("{date}周").format(date=f"{monday:%Y-%m-%d}")
    return f"{_safe(community)}-{week}-{_safe(what)}.{suffix}"


# `DocumentKind.label`'s sources, translated in its context ("Output"): importing
# roster_app.output to label the menus would pull in openpyxl, numpy and pypinyin while the
# window is built (half a second before the week shows); it is imported when first used.
# tests/gui/test_menus.py checks that the two agree, in both languages.
_DOCUMENT_LABEL_SOURCES = {"week": "本周排班表", "gates": "门岗值班表（张贴用）", "slips": "个人值班单"}


def document_label(kind: str) -> str:
    """The document's name in the menus: 本周排班表, 门岗值班表（张贴用）, 个人值班单."""
    return QCoreApplication.translate("Output", _DOCUMENT_LABEL_SOURCES[kind])


def ask_printer(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system's print dialog over `printer` (which printer, copies, pages); True if the
    clerk pressed 打印. Blocks until answered, like every print dialog. The one place the
    printer is asked for, so tests replace it with "print to PDF"."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_tr("打印"))
    return dialog.exec() == QDialog.DialogCode.Accepted


def document_file_label(kind: str) -> str:
    """The document's name in a file name (short, no brackets)."""
    return {"week": _tr("排班表"), "gates": _tr("门岗值班表"), "slips": _tr("个人值班单")}[kind]


class PictureScopeDialog(QDialog):
    """导出微信图片: the whole week, one gate's week, or one day.

    Attributes: week_button, gate_button, day_button (radio buttons), gate_box, day_box
    (combo boxes of the week's gates and dates, enabled with their button).
    """

    def __init__(self, gates: list[tuple[str, str]], dates: tuple[dt.date, ...], today: dt.date,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出微信图片"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("发到志愿者微信群的图片（1080 像素宽，手机上看得清；电话号码中间四位隐去）。要哪一部分？"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        self.week_button = QRadioButton(self.tr("整周（所有门岗）"))
        self.gate_button = QRadioButton(self.tr("一个门岗的一周"))
        self.day_button = QRadioButton(self.tr("一天（所有门岗）"))
        self.gate_box = QComboBox()
        for gate_id, name in gates:
            self.gate_box.addItem(name, gate_id)
        self.day_box = QComboBox()
        for day in dates:
            self.day_box.addItem(date_label(day), day)
        if today in dates:
            self.day_box.setCurrentIndex(dates.index(today))
        group = QButtonGroup(self)
        for row, (button, box) in enumerate(((self.week_button, None), (self.gate_button, self.gate_box),
                                             (self.day_button, self.day_box))):
            group.addButton(button)
            grid.addWidget(button, row, 0)
            if box is not None:
                grid.addWidget(box, row, 1)
                box.setEnabled(False)
                button.toggled.connect(box.setEnabled)
        self.week_button.setChecked(True)
        layout.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存图片…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def scope(self):
        """The chosen `PictureScope`."""
        from roster_app.reports.wechat_picture import WHOLE_WEEK, day_scope, gate_scope

        if self.gate_button.isChecked():
            return gate_scope(self.gate_box.currentData())
        if self.day_button.isChecked():
            return day_scope(self.day_box.currentData())
        return WHOLE_WEEK


class OutputActions(QObject):
    """The output actions of a roster window, and what they do.

    The window (`MainWindow`) provides `store`, `community` (with `id` and `name`, or
    None), `week_start`, `statusBar()` and its QSettings (`settings`, may be None).

    Attributes:
        print_actions, preview_actions, pdf_actions: document kind ("week", "gates",
            "slips") -> QAction.
        xlsx_action, picture_action, full_phones_action (checkable, off at first).
        print_menu, preview_menu, pdf_menu: the three submenus (made by `add_to`).
        last_dialog: the preview or picture chooser opened last (for tests; may be gone).
    """

    def __init__(self, window: Any, settings: Any = None, today: Callable[[], dt.date] = dt.date.today):
        super().__init__(window)
        self.window = window
        self.settings = settings
        self._today = today
        self.last_dialog: QDialog | None = None
        self.print_actions = {kind: QAction(window) for kind in KINDS}
        self.preview_actions = {kind: QAction(window) for kind in KINDS}
        self.pdf_actions = {kind: QAction(window) for kind in KINDS}
        for kind in KINDS:
            self.print_actions[kind].triggered.connect(lambda checked=False, k=kind: self.print_document(k))
            self.preview_actions[kind].triggered.connect(lambda checked=False, k=kind: self.preview(k))
            self.pdf_actions[kind].triggered.connect(lambda checked=False, k=kind: self.export_pdf(k))
        self.preview_actions["week"].setShortcut("Ctrl+P")
        self.xlsx_action = QAction(window)
        self.xlsx_action.triggered.connect(self.export_xlsx)
        self.picture_action = QAction(window)
        self.picture_action.triggered.connect(self.choose_picture)
        self.full_phones_action = QAction(window)
        self.full_phones_action.setCheckable(True)
        self.full_phones_action.setChecked(False)  # never remembered: off at every start
        self.full_phones_action.toggled.connect(self._full_phones_toggled)
        self.print_menu: QMenu | None = None
        self.preview_menu: QMenu | None = None
        self.pdf_menu: QMenu | None = None

    def add_to(self, menu: QMenu) -> None:
        """Put the actions into `menu` (the window's 文件 menu)."""
        self.print_menu = menu.addMenu("")
        self.preview_menu = menu.addMenu("")
        self.pdf_menu = menu.addMenu("")
        for kind in KINDS:
            self.print_menu.addAction(self.print_actions[kind])
            self.preview_menu.addAction(self.preview_actions[kind])
            self.pdf_menu.addAction(self.pdf_actions[kind])
        menu.addAction(self.xlsx_action)
        menu.addAction(self.picture_action)
        menu.addSeparator()
        menu.addAction(self.full_phones_action)
        menu.setToolTipsVisible(True)
        self.retranslate()

    def retranslate(self) -> None:
        """(Re)set every text in the current language."""
        if self.preview_menu is not None:
            self.print_menu.setTitle(_tr("打印(&R)"))
            self.preview_menu.setTitle(_tr("打印预览(&P)"))
            self.pdf_menu.setTitle(_tr("导出 PDF(&D)"))
        for kind in KINDS:
            self.print_actions[kind].setText(document_label(kind) + "…")
            self.preview_actions[kind].setText(document_label(kind))
            self.pdf_actions[kind].setText(document_label(kind) + "…")
        self.xlsx_action.setText(_tr("导出 Excel…"))
        self.picture_action.setText(_tr("导出微信图片…"))
        self.full_phones_action.setText(_tr("输出完整手机号"))
        tip = _tr("不勾选时手机号隐去中间四位（138****1234）。勾选后门岗值班表和 Excel 显示完整号码；微信图片始终隐去")
        self.full_phones_action.setToolTip(tip)
        self.full_phones_action.setStatusTip(tip)

    def set_enabled(self, enabled: bool) -> None:
        for action in (*self.print_actions.values(), *self.preview_actions.values(), *self.pdf_actions.values(),
                       self.xlsx_action,
                       self.picture_action):
            action.setEnabled(enabled)

    @property
    def full_phones(self) -> bool:
        return self.full_phones_action.isChecked()

    def _full_phones_toggled(self, on: bool) -> None:
        self._status(_tr("输出将显示完整手机号，只供社区内部使用。") if on else _tr("输出的手机号将隐去中间四位。"))

    # --- the week, the files ---------------------------------------------------------------

    def print_week(self):
        """The shown week as the store holds it (`PrintWeek`), printed today."""
        from roster_app.output import PrintWeek

        window = self.window
        return PrintWeek.from_store(window.store, window.community.id, window.week_start, printed_on=self._today())

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 15_000)

    def _failed(self, title: str, exc: Exception) -> None:
        log.warning("%s: %s", title, exc, exc_info=not _is_ours(exc))
        self.window.statusBar().showMessage(_tr("{title}：{error}").format(title=title, error=exc))
        QMessageBox.warning(self.window, title, str(exc))

    def _folder(self) -> str:
        saved = self.settings.value(FOLDER_KEY) if self.settings is not None else None
        if saved and Path(str(saved)).is_dir():
            return str(saved)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return documents if documents and Path(documents).is_dir() else str(Path.home())

    def ask_path(self, title: str, what: str, suffix: str, filter_text: str) -> Path | None:
        """A save dialog proposing `<community>-<week>周-<what>.<suffix>` in the last folder;
        the chosen path (with the suffix), or None if the clerk cancelled."""
        window = self.window
        name = default_file_name(window.community.name, window.week_start, what, suffix)
        path, _ = QFileDialog.getSaveFileName(window, title, os.path.join(self._folder(), name), filter_text)
        if not path:
            self._status(_tr("已取消。"))
            return None
        chosen = Path(path)
        if chosen.suffix.lower() != "." + suffix:
            chosen = chosen.with_name(chosen.name + "." + suffix)
        if self.settings is not None:
            self.settings.setValue(FOLDER_KEY, str(chosen.parent))
        return chosen

    def _options(self, kind: str) -> dict:
        # Only the gate sheets print phone numbers; the other documents take no such option.
        return {"full_phones": True} if kind == "gates" and self.full_phones else {}

    def _ready(self) -> bool:
        if self.window.community is None:
            self._status(_tr("还没有社区，没有可输出的排班表。"))
            return False
        return True

    # --- the actions --------------------------------------------------------------------------

    def print_document(self, kind: str, gates: Any = None) -> int | None:
        """打印 a document of the shown week: the print dialog, then the pages; the page
        count, or None when cancelled or failed. `gates` (ids) limits the gate sheets to
        those gates, e.g. the ones a repair changed."""
        if not self._ready():
            return None
        from roster_app.output import make_document
        from roster_app.output.canvas import page_layout, render

        options = self._options(kind)
        if gates is not None:
            options["gates"] = tuple(gates)
        try:
            week = self.print_week()
            document = make_document(kind, week, **options)
        except Exception as exc:
            self._failed(_tr("打印失败"), exc)
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(document))
        printer.setDocName(document.title)
        if not ask_printer(self.window, printer):
            self._status(_tr("已取消打印。"))
            return None
        try:
            pages = render(document, printer)
        except Exception as exc:
            self._failed(_tr("打印失败"), exc)
            return None
        what = document_label(kind)
        if kind == "gates" and gates is not None:
            what = "、".join(week.gate_name(g) for g in gates) + " " + what
        self._status(_tr("已打印 {what}，共 {n} 页。").format(what=what, n=pages))
        return pages

    def preview(self, kind: str) -> QDialog | None:
        """打印预览 of a document of the shown week, window-modal, not blocking."""
        if not self._ready():
            return None
        from roster_app.output import preview_dialog

        try:
            dialog = preview_dialog(self.window, kind, self.print_week(), **self._options(kind))
        except Exception as exc:
            self._failed(_tr("打印预览失败"), exc)
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_dialog = dialog
        self._status(_tr("打印预览：{what}。在预览窗口里选打印机并打印。").format(what=document_label(kind)))
        return dialog

    def export_pdf(self, kind: str) -> Path | None:
        """导出 PDF of a document of the shown week; the path written, or None."""
        if not self._ready():
            return None
        from roster_app.output import export_kind_pdf

        path = self.ask_path(_tr("导出 PDF"), document_file_label(kind), "pdf", _tr("PDF 文件 (*.pdf)"))
        if path is None:
            return None
        try:
            pages = export_kind_pdf(kind, self.print_week(), path, **self._options(kind))
        except Exception as exc:
            self._failed(_tr("导出 PDF 失败"), exc)
            return None
        self._status(_tr("已导出 PDF（{n} 页）：{path}").format(n=pages, path=path))
        return path

    def export_xlsx(self) -> Path | None:
        """导出 Excel of the shown week; the path written, or None."""
        if not self._ready():
            return None
        from roster_app.output import export_xlsx

        path = self.ask_path(_tr("导出 Excel"), _tr("排班表"), "xlsx", _tr("Excel 工作簿 (*.xlsx)"))
        if path is None:
            return None
        try:
            export_xlsx(self.print_week(), path, full_phones=self.full_phones)
        except Exception as exc:
            self._failed(_tr("导出 Excel 失败"), exc)
            return None
        self._status(_tr("已导出 Excel：{path}").format(path=path))
        return path

    def choose_picture(self) -> PictureScopeDialog | None:
        """导出微信图片: open the chooser (not blocking); its OK asks where to save."""
        if not self._ready():
            return None
        try:
            scenario = self.window.store.week_scenario(self.window.community.id, self.window.week_start)
        except Exception as exc:
            self._failed(_tr("导出微信图片失败"), exc)
            return None
        dialog = PictureScopeDialog([(g.id, g.name) for g in scenario.gates], scenario.dates, self._today(),
                                    self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.export_picture(dialog.scope()))
        dialog.open()
        self.last_dialog = dialog
        return dialog

    def export_picture(self, scope) -> Path | None:
        """Write the picture of `scope` (a `PictureScope`) of the shown week; the path or None."""
        if not self._ready():
            return None
        from roster_app.output import OutputError
        from roster_app.reports.wechat_picture import print_week_picture

        try:
            week = self.print_week()
        except Exception as exc:
            self._failed(_tr("导出微信图片失败"), exc)
            return None
        if scope.gate is not None:
            what = week.gate_name(scope.gate)
        elif scope.day is not None:
            what = date_label(scope.day).replace(" ", "")
        else:
            what = _tr("排班图")
        path = self.ask_path(_tr("导出微信图片"), what, "png", _tr("PNG 图片 (*.png)"))
        if path is None:
            return None
        try:
            image = print_week_picture(week, scope)
            if not image.save(os.fspath(path), "PNG"):
                raise OutputError(_tr("无法写入文件 {path}").format(path=path))
        except Exception as exc:
            self._failed(_tr("导出微信图片失败"), exc)
            return None
        self._status(_tr("已导出微信图片（{w}×{h}）：{path}").format(w=image.width(), h=image.height(), path=path))
        return path


def _is_ours(exc: Exception) -> bool:
    """Errors whose message is meant for the clerk need no traceback in the log."""
    from roster_app.output import OutputError
    from roster_app.persistence.errors import StoreError

    return isinstance(exc, (OutputError, StoreError))
