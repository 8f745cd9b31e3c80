"""服务统计 driven as a clerk: choose a range, group by kind, export; the files read back."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from roster_app.gui.reports_view import (
    LAST_MONTH,
    THIS_MONTH,
    THIS_QUARTER,
    THIS_YEAR,
    ReportsDialog,
    ReportTableModel,
    open_reports,
    quick_range,
)
from roster_app.reports.export import REPORT_SHEET, TABLE_FIRST_ROW
from roster_app.reports.service_hours import BY_KIND, BY_VOLUNTEER, build_report, service_period
from tests.reports.conftest import RANGE, WEEK_C, published_weeks

TODAY = dt.date(2026, 12, 9)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory):
    """QSettings (the last export folder) go to a temporary INI file, not the user's."""
    path = str(tmp_path_factory.mktemp("qsettings"))
    previous = QSettings.defaultFormat()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, path)
    yield path
    QSettings.setDefaultFormat(previous)


@pytest.fixture
def dialog(qtbot, store, community) -> ReportsDialog:
    dlg = ReportsDialog(store, community, today=lambda: TODAY)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


class SaveAs:
    """Stands in for QFileDialog.getSaveFileName: answers with the next path, remembers
    what the dialog suggested."""

    def __init__(self, *paths):
        self.paths = list(paths)
        self.suggested: list[str] = []

    def __call__(self, parent, caption, suggested, file_filter):
        self.suggested.append(suggested)
        return (str(self.paths.pop(0)), file_filter) if self.paths else ("", "")


def table_rows(dlg: ReportsDialog) -> list[tuple[str, ...]]:
    model = dlg.table.model()
    return [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]


def test_quick_ranges():
    assert quick_range(THIS_MONTH, TODAY) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert quick_range(LAST_MONTH, TODAY) == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert quick_range(LAST_MONTH, dt.date(2027, 1, 15)) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert quick_range(THIS_MONTH, dt.date(2028, 2, 10)) == (dt.date(2028, 2, 1), dt.date(2028, 2, 29))
    assert quick_range(THIS_QUARTER, TODAY) == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert quick_range(THIS_QUARTER, dt.date(2026, 5, 31)) == (dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    assert quick_range(THIS_YEAR, TODAY) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    with pytest.raises(ValueError):
        quick_range("fortnight", TODAY)


def test_the_table_model_passes_qtmodeltester(qtmodeltester):
    period = service_period(published_weeks(), *RANGE)
    model = ReportTableModel()
    model.set_report(build_report(period, BY_VOLUNTEER))
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == 6
    assert model.index(1, 0).data() == "张桂兰" and model.index(1, 2).data() == "东门、北门"
    assert model.index(0, 5).data() == "12"
    assert model.index(0, 5).data(ReportTableModel.SortRole) == 12.0
    model.set_report(build_report(period, BY_KIND))
    qtmodeltester.check(model)
    assert model.index(0, 0).data(ReportTableModel.KeyRole) == "employed_party"
    model.set_report(None)
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_opens_on_this_month(dialog):
    assert (dialog.start, dialog.end) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    # December: week B's 12-01, 12-03 and 12-05 (4 + 4 + 4 h); week C is a draft.
    assert "累计服务 12 小时，3 人次，志愿者 2 人" in dialog.summary_label.text()
    assert "另有 1 周排班表尚未发布" in dialog.note_label.text() and "12月7日起" in dialog.note_label.text()


def test_a_clerk_chooses_a_range_groups_by_kind_and_exports(dialog, qtbot, tmp_path, monkeypatch):
    qtbot.mouseClick(dialog.quick_buttons[LAST_MONTH], Qt.MouseButton.LeftButton)
    assert (dialog.start, dialog.end) == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert "累计服务 20 小时，7 人次" in dialog.summary_label.text()

    # The street office wants 11-25 to 12-08: the clerk types both dates.
    for edit, text in ((dialog.start_edit, "2026-11-25"), (dialog.end_edit, "2026-12-08")):
        edit.setFocus()
        qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        with qtbot.waitSignal(dialog.report_changed, timeout=3000):
            qtbot.keyClicks(edit, text)
    assert (dialog.start, dialog.end) == RANGE
    assert "累计服务 26 小时，8 人次，志愿者 3 人" in dialog.summary_label.text()
    assert table_rows(dialog)[0] == ("李明", "在职党员", "东门", "3", "3", "12")

    dialog.grouping_combo.setFocus()
    qtbot.keyClick(dialog.grouping_combo, Qt.Key.Key_Down)  # 志愿者 -> 类别
    assert dialog.grouping == BY_KIND
    assert table_rows(dialog) == [("在职党员", "1", "3", "12"), ("无职党员", "1", "3", "8"), ("群众", "1", "2", "6")]

    save_as = SaveAs(tmp_path / "十一月", tmp_path / "十一月.csv", tmp_path / "chart.png")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    written = []
    dialog.exported.connect(written.append)
    for button in (dialog.excel_button, dialog.csv_button, dialog.png_button):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert written == [str(tmp_path / "十一月.xlsx"), str(tmp_path / "十一月.csv"), str(tmp_path / "chart.png")]
    assert save_as.suggested[0].endswith("测试社区服务统计_2026-11-25至2026-12-08_按类别.xlsx")
    # The second file is offered in the folder of the first.
    assert save_as.suggested[1].startswith(str(tmp_path))
    assert "已导出" in dialog.status_label.text() and "chart.png" in dialog.status_label.text()

    sheet = load_workbook(tmp_path / "十一月.xlsx")[REPORT_SHEET]
    assert [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=TABLE_FIRST_ROW)] == [
        ("类别", "人数", "人次", "服务时长（小时）"),
        ("在职党员", 1, 3, 12), ("无职党员", 1, 3, 8), ("群众", 1, 2, 6),
        ("合计", 3, 8, 26),
    ]
    assert "测试社区" in sheet["A1"].value and "2026-12-09" in sheet["A3"].value
    with open(tmp_path / "十一月.csv", encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f))[-1] == ["合计", "3", "8", "26"]
    image = QImage(str(tmp_path / "chart.png"))
    assert (image.width(), image.height()) == (1200, 640)
    assert image.pixelColor(1199, 639).name() == "#ffffff"
    reds = sum(image.pixelColor(x, y).name() == "#b3261e" for x in range(0, 1200, 4) for y in range(0, 640, 4))
    assert reds > 200  # the employed party members' part of the bars


def test_cancelling_the_file_dialog_writes_nothing(dialog, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveAs())
    written = []
    dialog.exported.connect(written.append)
    qtbot.mouseClick(dialog.excel_button, Qt.MouseButton.LeftButton)
    assert written == [] and dialog.status_label.text() == ""


def test_a_failed_export_is_reported(dialog, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SaveAs(tmp_path / "missing" / "x.xlsx"))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    qtbot.mouseClick(dialog.excel_button, Qt.MouseButton.LeftButton)
    assert shown and shown[0][0] == "导出失败" and "无法写入文件" in shown[0][1]
    assert not (tmp_path / "missing").exists()


def test_the_end_never_comes_before_the_start(dialog, qtbot):
    dialog.set_range(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    dialog.start_edit.setFocus()
    qtbot.keyClick(dialog.start_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(dialog.report_changed, timeout=3000):
        qtbot.keyClicks(dialog.start_edit, "2026-12-05")
    assert dialog.end == dt.date(2026, 12, 5)
    assert "累计服务 4 小时，1 人次" in dialog.summary_label.text()


def test_an_empty_range_disables_the_exports(dialog, qtbot):
    qtbot.mouseClick(dialog.quick_buttons[THIS_YEAR], Qt.MouseButton.LeftButton)
    assert dialog.excel_button.isEnabled()
    dialog.set_range(dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert not dialog.excel_button.isEnabled() and not dialog.png_button.isEnabled()
    assert "没有已发布的排班表" in dialog.note_label.text()
    assert dialog.table.model().rowCount() == 0


def test_a_week_published_elsewhere_shows_at_once(dialog, qtbot, store, community):
    dialog.set_range(*RANGE)
    with qtbot.waitSignal(dialog.report_changed, timeout=3000):
        store.publish_week(community, WEEK_C)
    assert "累计服务 32 小时，10 人次，志愿者 4 人" in dialog.summary_label.text()
    assert "尚未发布" not in dialog.note_label.text()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no window stack
def test_open_reports_brings_the_open_one_to_the_front(qtbot, store, community):
    parent = QWidget()
    qtbot.addWidget(parent)
    first = open_reports(parent, store, community)
    assert first.isVisible() and not first.isModal()
    assert open_reports(parent, store, community) is first
    first.close()
    qtbot.waitUntil(lambda: not parent.findChildren(ReportsDialog))
