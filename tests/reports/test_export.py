"""Reports written to .xlsx and .csv and read back."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from openpyxl import load_workbook

from roster_app.output.canvas import OutputError
from roster_app.reports.export import (
    POSTS_SHEET,
    REPORT_SHEET,
    TABLE_FIRST_ROW,
    WEEKLY_SHEET,
    export_report_csv,
    export_report_xlsx,
)
from roster_app.reports.service_hours import BY_GATE, BY_KIND, BY_VOLUNTEER, build_report, service_period
from tests.reports.conftest import RANGE, WEEK_C, published_weeks


@pytest.fixture
def period():
    return service_period(published_weeks(), *RANGE, unpublished=[WEEK_C])


def test_xlsx_by_volunteer_reads_back(tmp_path, period):
    path = tmp_path / "服务统计.xlsx"
    export_report_xlsx(build_report(period, BY_VOLUNTEER), path, "测试社区", exported_on=dt.date(2026, 12, 9))
    book = load_workbook(path)
    assert book.sheetnames == [REPORT_SHEET, WEEKLY_SHEET, POSTS_SHEET]
    sheet = book[REPORT_SHEET]
    assert sheet["A1"].value == "测试社区 2026年11月25日至12月8日 志愿者服务时长统计（按志愿者）"
    assert "累计服务 26 小时，8 人次" in sheet["A2"].value
    assert "另有 1 周排班表尚未发布" in sheet["A3"].value and "2026-12-09" in sheet["A3"].value
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=TABLE_FIRST_ROW)]
    assert rows == [
        ("姓名", "类别", "门岗", "服务天数", "人次", "服务时长（小时）"),
        ("李明", "在职党员", "东门", 3, 3, 12),
        ("张桂兰", "无职党员", "东门、北门", 3, 3, 8),
        ("王芳", "群众", "北门", 2, 2, 6),
        ("合计（3 人）", None, None, None, 8, 26),
    ]
    assert sheet.freeze_panes == f"A{TABLE_FIRST_ROW + 1}"
    assert sheet.cell(TABLE_FIRST_ROW + 4, 1).font.b  # the totals row is bold
    assert sheet.cell(TABLE_FIRST_ROW, 1).font.b
    # Wide enough for the widest text: "东门、北门" is 10 characters wide.
    assert sheet.column_dimensions["C"].width >= 10
    assert sheet.column_dimensions["F"].width >= 16


def test_xlsx_weekly_and_posts_sheets(tmp_path, period):
    path = tmp_path / "kind.xlsx"
    export_report_xlsx(build_report(period, BY_KIND), path)
    book = load_workbook(path)
    weekly = [tuple(c.value for c in row) for row in book[WEEKLY_SHEET].iter_rows(min_row=2)]
    assert weekly == [
        ("周", "在职党员", "无职党员", "群众", "合计"),
        ("11月23日至11月29日", 4, 6, 2, 12),
        ("11月30日至12月6日", 8, 2, 4, 14),
        ("合计", 12, 8, 6, 26),
    ]
    posts = [tuple(c.value for c in row) for row in book[POSTS_SHEET].iter_rows()]
    assert posts[0] == ("日期", "星期", "时段", "时间", "门岗", "姓名", "类别", "时长（小时）")
    assert len(posts) == 1 + 8
    assert posts[1] == ("2026-11-25", "周三", "上午", "08:00–12:00", "北门", "张桂兰", "无职党员", 4)
    assert sum(r[-1] for r in posts[1:]) == 26
    assert book[POSTS_SHEET].freeze_panes == "A2"
    kind_rows = [tuple(c.value for c in row) for row in book[REPORT_SHEET].iter_rows(min_row=TABLE_FIRST_ROW)]
    assert kind_rows[-1] == ("合计", 3, 8, 26)


def test_csv_has_a_bom_and_the_table(tmp_path, period):
    path = tmp_path / "gate.csv"
    export_report_csv(build_report(period, BY_GATE), path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows == [
        ["门岗", "人数", "人次", "服务时长（小时）"],
        ["东门", "2", "5", "16"],
        ["北门", "2", "3", "10"],
        ["合计", "3", "8", "26"],
    ]


def test_a_failed_export_leaves_no_file_and_says_why(tmp_path, period):
    target = tmp_path / "no such folder" / "report.xlsx"
    with pytest.raises(OutputError, match="无法写入文件"):
        export_report_xlsx(build_report(period, BY_GATE), target)
    with pytest.raises(OutputError, match="无法写入文件"):
        export_report_csv(build_report(period, BY_GATE), target.with_suffix(".csv"))
    assert not target.parent.exists()
