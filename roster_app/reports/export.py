"""A service-hour report as an Excel workbook (.xlsx) or a CSV file, for the street office.

The workbook has three sheets, Chinese headers, columns wide enough for their text and
frozen header rows:
- 服务统计: the report's table as the dialog shows it (title, the "累计服务 N 小时，N 人次"
  sentence, the table, a bold 合计 row);
- 每周分类时长: the chart's figures, hours per week (rows) and kind of volunteer (columns);
- 服务明细: every post counted (日期, 星期, 时段, 时间, 门岗, 姓名, 类别, 时长), so the street office
  can check any figure back to the posts.
The CSV holds the report's table alone (header, rows, 合计) in UTF-8 with a byte-order mark,
so Excel on a Chinese Windows opens it without mojibake.

Files are written next to their target and moved into place, so a failed export never
leaves half a file under the clerk's file name.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import tempfile
import unicodedata
from pathlib import Path
from typing import Callable, Sequence

from openpyxl import Workbook
from PySide6.QtCore import QT_TRANSLATE_NOOP
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from roster_app.gui.kinds import kind_style
from roster_app.gui.roster_model import weekday_label
from roster_app.output.canvas import OutputError
from roster_app.reports.service_hours import ServiceReport, hours_of, report_table, span_label, tr

REPORT_SHEET = "服务统计"
WEEKLY_SHEET = "每周分类时长"
POSTS_SHEET = "服务明细"
TABLE_FIRST_ROW = 4
"""The report sheet's header row (rows 1–3: title, totals sentence, export date)."""

POST_HEADERS = (
    QT_TRANSLATE_NOOP("Reports", "日期"), QT_TRANSLATE_NOOP("Reports", "星期"), QT_TRANSLATE_NOOP("Reports", "时段"),
    QT_TRANSLATE_NOOP("Reports", "时间"), QT_TRANSLATE_NOOP("Reports", "门岗"), QT_TRANSLATE_NOOP("Reports", "姓名"),
    QT_TRANSLATE_NOOP("Reports", "类别"), QT_TRANSLATE_NOOP("Reports", "时长（小时）"),
)

_FONT = "微软雅黑"  # what Chinese offices have; other systems substitute their CJK font
_HEAD_FILL = PatternFill("solid", fgColor="F1F3F4")
_TOTAL_FILL = PatternFill("solid", fgColor="FFF4E5")
_THIN = Side(style="thin", color="9AA0A6")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_TOTAL_BORDER = Border(left=_THIN, right=_THIN, top=Side(style="medium", color="1A1A1A"), bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center")
_RIGHT = Alignment(horizontal="right", vertical="center")


def _font(**kwargs) -> Font:
    return Font(name=_FONT, **kwargs)


def _width(value: object) -> int:
    """Display width of a cell's text in Excel's character units: a hanzi counts two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(value))


def _write_atomically(path: str | os.PathLike[str], suffix: str, write: Callable[[str], None]) -> None:
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".gateroster-", suffix=suffix, dir=path.parent)
        os.close(fd)
        try:
            write(tmp)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(tr("无法写入文件 {path}：{error}").format(path=path, error=exc.strerror or exc)) from exc


# --- .xlsx ---------------------------------------------------------------------------------


def export_report_xlsx(report: ServiceReport, path: str | os.PathLike[str], community: str = "",
                       exported_on: dt.date | None = None) -> None:
    """Write `report` to the workbook `path` (replacing it); `OutputError` if it cannot."""
    workbook = build_report_workbook(report, community, exported_on)
    _write_atomically(path, ".xlsx", workbook.save)


def build_report_workbook(report: ServiceReport, community: str = "",
                          exported_on: dt.date | None = None) -> Workbook:
    """The workbook of `report` (see the module's docstring), not saved."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = REPORT_SHEET
    _report_sheet(sheet, report, community, exported_on or dt.date.today())
    _weekly_sheet(workbook.create_sheet(WEEKLY_SHEET), report)
    _posts_sheet(workbook.create_sheet(POSTS_SHEET), report)
    workbook.properties.title = (community + " " if community else "") + report.title()
    workbook.properties.creator = "GateRoster"
    return workbook


def _table(sheet: Worksheet, first_row: int, headers: Sequence[str], numeric: Sequence[bool],
           rows: Sequence[Sequence[object]], total: Sequence[object] | None, min_widths: Sequence[int] = ()) -> None:
    """Header, rows and an optional bold totals row from `first_row`; widths fit the text."""
    widths = [max(_width(h) + 2, 6) for h in headers]
    for i, w in enumerate(min_widths):
        widths[i] = max(widths[i], w)
    for col, text in enumerate(headers, start=1):
        cell = sheet.cell(first_row, col, text)
        cell.font, cell.fill, cell.alignment, cell.border = _font(bold=True), _HEAD_FILL, _CENTER, _BORDER
    body = [(values, False) for values in rows] + ([(total, True)] if total is not None else [])
    for r, (values, is_total) in enumerate(body, start=first_row + 1):
        for col, value in enumerate(values, start=1):
            cell = sheet.cell(r, col, value if value != "" else None)
            cell.font = _font(bold=is_total)
            cell.alignment = _RIGHT if numeric[col - 1] else _LEFT
            cell.border = _TOTAL_BORDER if is_total else _BORDER
            if is_total:
                cell.fill = _TOTAL_FILL
            if isinstance(value, float):
                cell.number_format = "0.##" if value != int(value) else "0"
            widths[col - 1] = max(widths[col - 1], _width(value) + 2)
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = min(width, 60)
    sheet.row_dimensions[first_row].height = 22
    # Freeze everything above the first data row: the header stays while scrolling.
    sheet.freeze_panes = sheet.cell(first_row + 1, 1)
    if rows:
        sheet.auto_filter.ref = f"A{first_row}:{get_column_letter(len(headers))}{first_row + len(rows)}"


def _report_sheet(sheet: Worksheet, report: ServiceReport, community: str, exported_on: dt.date) -> None:
    table = report_table(report)
    last_col = get_column_letter(len(table.headers))
    sheet["A1"] = (community + " " if community else "") + report.title()
    sheet["A1"].font = _font(size=14, bold=True)
    sheet["A2"] = tr("{span}，{summary}，志愿者 {people} 人。").format(
        span=span_label(report.start, report.end), summary=report.summary(), people=report.total.people
    )
    sheet["A2"].font = _font(size=11)
    note = tr("导出日期：{date}。只计已发布的排班表。").format(date=f"{exported_on:%Y-%m-%d}")
    if report.period.unpublished:
        note += tr("另有 {n} 周排班表尚未发布，未计入。").format(n=len(report.period.unpublished))
    sheet["A3"] = note
    sheet["A3"].font = _font(size=9, color="5F6368")
    for row in (1, 2, 3):
        sheet.merge_cells(f"A{row}:{last_col}{row}")
    _table(sheet, TABLE_FIRST_ROW, table.headers, table.numeric, table.rows, table.total, min_widths=(14,))


def _weekly_sheet(sheet: Worksheet, report: ServiceReport) -> None:
    kinds = list(dict.fromkeys(k for bar in report.weekly for k in bar.minutes))
    headers = [tr("周")] + [kind_style(k).label for k in kinds] + [tr("合计")]
    rows = []
    for bar in report.weekly:
        last = bar.week + dt.timedelta(days=6)
        rows.append([span_label(bar.week, last, with_year=bar.week.year != report.end.year or last.year != bar.week.year)]
                    + [hours_of(bar.minutes.get(k, 0)) for k in kinds] + [hours_of(bar.total)])
    total = [tr("合计")] + [hours_of(sum(b.minutes.get(k, 0) for b in report.weekly)) for k in kinds] \
        + [hours_of(sum(b.total for b in report.weekly))]
    sheet["A1"] = tr("每周服务时长（小时），按志愿者类别")
    sheet["A1"].font = _font(size=12, bold=True)
    _table(sheet, 2, headers, [False] + [True] * (len(kinds) + 1), rows, total, min_widths=(14,))


def _posts_sheet(sheet: Worksheet, report: ServiceReport) -> None:
    rows = [
        (f"{p.date:%Y-%m-%d}", weekday_label(p.date), p.slot_name or p.slot, p.slot_time, p.gate_name, p.name,
         kind_style(p.kind).label, hours_of(p.minutes))
        for p in report.period.posts
    ]
    _table(sheet, 1, [tr(h) for h in POST_HEADERS], [False] * 7 + [True], rows, None)


# --- .csv ----------------------------------------------------------------------------------


def report_csv_text(report: ServiceReport) -> str:
    """The report's table as CSV text (header, rows, 合计), without the byte-order mark."""
    table = report_table(report)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # what Excel writes and expects
    writer.writerow(table.headers)
    for row in (*table.rows, table.total):
        # 16.0 -> "16", 1.33 -> "1.33": what the dialog shows.
        writer.writerow([f"{v:g}" if isinstance(v, float) else v for v in row])
    return out.getvalue()


def export_report_csv(report: ServiceReport, path: str | os.PathLike[str]) -> None:
    """Write the report's table to `path` in UTF-8 with BOM; `OutputError` if it cannot."""
    text = report_csv_text(report)

    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
            f.write(text)

    _write_atomically(path, ".csv", write)
