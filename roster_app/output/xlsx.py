"""The week's roster as an Excel workbook (.xlsx), for the street office and for editing.

Three sheets, Chinese headers, readable without touching a column:
- 排班表: the week as the printout shows it (gate, slot and time down, the seven dates
  across with 工作日/休息日), names in their kind's colour (★ after a pinned name), short
  posts filled red with "缺 N人", closed posts grey 不开放; frozen headers, wrapped cells.
- 值班明细: one row per assignment (日期, 星期, 工作日/休息日, 时段, 开始, 结束, 门岗, 姓名,
  类别, 电话, 锁定), with a filter on the header; phones masked unless asked otherwise.
- 缺岗: one row per short post with what it lacks and why.
The file is written next to its target and moved into place, so a failed export never
leaves half a workbook under the clerk's file name.
"""

from __future__ import annotations

import os
import tempfile
import unicodedata
from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import QT_TRANSLATE_NOOP
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from roster_app.gui.kinds import kind_style
from roster_app.gui.roster_model import weekday_label
from roster_app.output.canvas import OutputError
from roster_app.output.week import PIN_MARK, PrintWeek, day_kind_label, short_date, translate, week_span_label
from solver.scenario import Post, format_minutes

GRID_SHEET = "排班表"
LIST_SHEET = "值班明细"
SHORT_SHEET = "缺岗"

# Literals inside QT_TRANSLATE_NOOP so lupdate collects them; translated when written.
LIST_HEADERS = (
    QT_TRANSLATE_NOOP("Output", "日期"),
    QT_TRANSLATE_NOOP("Output", "星期"),
    QT_TRANSLATE_NOOP("Output", "工作日/休息日"),
    QT_TRANSLATE_NOOP("Output", "时段"),
    QT_TRANSLATE_NOOP("Output", "开始"),
    QT_TRANSLATE_NOOP("Output", "结束"),
    QT_TRANSLATE_NOOP("Output", "门岗"),
    QT_TRANSLATE_NOOP("Output", "姓名"),
    QT_TRANSLATE_NOOP("Output", "类别"),
    QT_TRANSLATE_NOOP("Output", "电话"),
    QT_TRANSLATE_NOOP("Output", "锁定"),
)
SHORT_HEADERS = (
    QT_TRANSLATE_NOOP("Output", "日期"),
    QT_TRANSLATE_NOOP("Output", "星期"),
    QT_TRANSLATE_NOOP("Output", "时段"),
    QT_TRANSLATE_NOOP("Output", "时间"),
    QT_TRANSLATE_NOOP("Output", "门岗"),
    QT_TRANSLATE_NOOP("Output", "缺少"),
    QT_TRANSLATE_NOOP("Output", "原因"),
)
GRID_FIRST_ROW = 4
"""The grid's header row (rows 1–3: title, week, export date)."""

_FONT = "微软雅黑"  # what Chinese offices have; other systems substitute their CJK font
_HEAD_FILL = PatternFill("solid", fgColor="F1F3F4")
_REST_FILL = PatternFill("solid", fgColor="EEF6EA")
_REST_HEAD_FILL = PatternFill("solid", fgColor="D4E8CC")
_SHORT_FILL = PatternFill("solid", fgColor="FBE3E3")
_CLOSED_FILL = PatternFill("solid", fgColor="ECEEF0")
_THIN = Side(style="thin", color="9AA0A6")
_THICK = Side(style="medium", color="1A1A1A")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _font(**kwargs) -> Font:
    return Font(name=_FONT, **kwargs)


def _width(text: str) -> int:
    """Display width of `text` in Excel's character units: a hanzi counts two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _lines(text: str, column_width: float) -> int:
    """How many lines `text` takes when wrapped in a column of `column_width`."""
    room = max(1.0, column_width - 1)
    return sum(max(1, -(-_width(line) // int(room))) for line in text.split("\n"))


def export_xlsx(week: PrintWeek, path: str | os.PathLike[str], full_phones: bool = False) -> None:
    """Write the week's roster to the workbook `path` (replacing it).

    Phones are masked (138****1234) unless `full_phones`. Raises `OutputError` with a
    message for the clerk when the file cannot be written.
    """
    workbook = build_workbook(week, full_phones)
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".gateroster-", suffix=".xlsx", dir=path.parent)
        os.close(fd)
        try:
            workbook.save(tmp)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        message = translate("Output", "无法写入文件 {path}：{error}")
        raise OutputError(message.format(path=path, error=exc.strerror or exc)) from exc


def build_workbook(week: PrintWeek, full_phones: bool = False) -> Workbook:
    """The workbook of `week` (see the module's docstring), not saved."""
    workbook = Workbook()
    grid = workbook.active
    grid.title = GRID_SHEET
    _grid_sheet(grid, week)
    _list_sheet(workbook.create_sheet(LIST_SHEET), week, full_phones)
    _short_sheet(workbook.create_sheet(SHORT_SHEET), week)
    workbook.properties.title = translate("Output", "{community}门岗值班表").format(community=week.community)
    workbook.properties.creator = "GateRoster"
    return workbook


def grid_cell_text(week: PrintWeek, post: Post) -> str:
    """The text of a post's cell in the 排班表 sheet: names joined by "、" (★ after pinned
    ones), then on a line of their own what a short post lacks; 不开放 for a closed post."""
    names = "、".join(week.name_of(a.volunteer) + (PIN_MARK if a.pinned else "") for a in week.people_at(post))
    shortage = week.shortage_at(post)
    if shortage is not None:
        return "\n".join(part for part in (names, " ".join(week.shortage_words(shortage))) if part)
    if not week.is_open(post) and not names:
        return translate("Output", "不开放")
    return names


def _grid_sheet(sheet: Worksheet, week: PrintWeek) -> None:
    dates = week.dates
    last_col = 3 + len(dates)
    sheet["A1"] = translate("Output", "{community}门岗值班表").format(community=week.community)
    sheet["A1"].font = _font(size=16, bold=True)
    sheet["A2"] = translate("Output", "值班周期：{span}").format(span=week_span_label(dates))
    sheet["A2"].font = _font(size=11)
    exported = translate("Output", "导出日期：{date}").format(date=f"{week.printed_on:%Y-%m-%d}")
    if week.contact:
        exported += "    " + translate("Output", "联系方式：{contact}").format(contact=week.contact)
    sheet["A3"] = exported
    sheet["A3"].font = _font(size=9, color="5F6368")
    for row in (1, 2, 3):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)

    head = GRID_FIRST_ROW
    widths = {1: 10, 2: 8, 3: 13}
    heads = (translate("Output", "门岗"), translate("Output", "时段"), translate("Output", "时间"))
    for col, text in enumerate(heads, start=1):
        cell = sheet.cell(head, col, text)
        cell.font, cell.fill, cell.alignment, cell.border = _font(bold=True), _HEAD_FILL, _CENTER, _BORDER
    for i, day in enumerate(dates):
        workday = week.is_workday(day)
        cell = sheet.cell(head, 4 + i, f"{short_date(day)} {weekday_label(day)}\n{day_kind_label(workday)}")
        cell.font = _font(bold=True, color="1A1A1A" if workday else "2E6B1F")
        cell.fill = _HEAD_FILL if workday else _REST_HEAD_FILL
        cell.alignment, cell.border = _CENTER, _BORDER
        widths[4 + i] = 20
    sheet.row_dimensions[head].height = 32

    row = head + 1
    for gate in week.gates:
        for s, slot in enumerate(week.slots):
            first = s == 0
            sheet.cell(row, 1, gate.name).font = _font(bold=first, color="1A1A1A" if first else "8A8F96")
            sheet.cell(row, 2, slot.name).font = _font(bold=True)
            sheet.cell(row, 3, slot.label).font = _font(color="5F6368")
            lines = 1
            for i, day in enumerate(dates):
                post = Post(gate.id, day, slot.id)
                cell = sheet.cell(row, 4 + i)
                text = grid_cell_text(week, post)
                cell.value = _rich(week, post, text)
                shortage = week.shortage_at(post)
                if shortage is not None:
                    cell.fill = _SHORT_FILL
                elif not week.is_open(post):
                    cell.fill = _CLOSED_FILL
                    cell.font = _font(color="8A8F96")
                elif not week.is_workday(day):
                    cell.fill = _REST_FILL
                lines = max(lines, _lines(text, widths[4 + i]))
            for col in range(1, last_col + 1):
                cell = sheet.cell(row, col)
                cell.alignment = _WRAP_TOP
                top = _THICK if first else _THIN
                cell.border = Border(left=_THIN, right=_THIN, top=top, bottom=_THIN)
            # openpyxl cannot measure text: give each row the lines its fullest cell needs.
            sheet.row_dimensions[row].height = max(2, lines) * 15
            row += 1

    legend = row + 1
    sheet.cell(legend, 1, translate("Output", "图例：")).font = _font(color="5F6368")
    parts = [TextBlock(InlineFont(rFont=_FONT, color="FF" + kind_style(code).colour.lstrip("#").upper()),
                       kind_style(code).label + "  ") for code in week.kinds_present()]
    parts.append(TextBlock(InlineFont(rFont=_FONT, color="FF5F6368"), PIN_MARK + translate("Output", " 锁定") + "  "))
    parts.append(TextBlock(InlineFont(rFont=_FONT, color="FFC62828"),
                           translate("Output", "缺 N人：缺岗，人数不足")))
    sheet.cell(legend, 2, CellRichText(*parts))
    sheet.merge_cells(start_row=legend, start_column=2, end_row=legend, end_column=last_col)

    for col, width in widths.items():
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = sheet.cell(head + 1, 4)
    sheet.print_options.horizontalCentered = True
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{head}:{head}"


def _rich(week: PrintWeek, post: Post, text: str) -> CellRichText | str:
    """The cell's `text` with each name in its kind's colour and what a short post lacks
    in bold red (plain text when nobody stands there)."""
    people = week.people_at(post)
    if not people:
        return text
    blocks: list[TextBlock] = []
    for i, a in enumerate(people):
        if i:
            blocks.append(TextBlock(InlineFont(rFont=_FONT, color="FF1A1A1A"), "、"))
        colour = "FF" + kind_style(week.kind_of(a.volunteer)).colour.lstrip("#").upper()
        blocks.append(TextBlock(InlineFont(rFont=_FONT, color=colour),
                                week.name_of(a.volunteer) + (PIN_MARK if a.pinned else "")))
    rest = text[sum(len(b.text) for b in blocks):]  # the shortage's line, if any
    if rest:
        blocks.append(TextBlock(InlineFont(rFont=_FONT, color="FFC62828", b=True), rest))
    return CellRichText(*blocks)


def _header(sheet: Worksheet, headers: tuple[str, ...], widths: tuple[int, ...]) -> None:
    for col, (text, width) in enumerate(zip(headers, widths), start=1):
        cell = sheet.cell(1, col, translate("Output", text))
        cell.font, cell.fill, cell.alignment, cell.border = _font(bold=True), _HEAD_FILL, _CENTER, _BORDER
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "A2"
    sheet.row_dimensions[1].height = 20


def _list_sheet(sheet: Worksheet, week: PrintWeek, full_phones: bool) -> None:
    _header(sheet, LIST_HEADERS, (12, 7, 13, 8, 8, 8, 10, 10, 12, 15, 6))
    for r, a in enumerate(week.assignments, start=2):
        slot = next(s for s in week.slots if s.id == a.slot)
        values = (
            a.date, weekday_label(a.date), day_kind_label(week.is_workday(a.date)), slot.name,
            format_minutes(slot.start), format_minutes(slot.end), week.gate_name(a.gate), week.name_of(a.volunteer),
            week.kind_label(a.volunteer), week.phone_of(a.volunteer, full_phones),
            translate("Output", "是") if a.pinned else "",
        )
        for col, value in enumerate(values, start=1):
            cell = sheet.cell(r, col, value)
            cell.font = _font()
            cell.border = _BORDER
        sheet.cell(r, 1).number_format = "yyyy-mm-dd"
        sheet.cell(r, 8).font = _font(color=kind_style(week.kind_of(a.volunteer)).colour.lstrip("#").upper())
    last = max(1, len(week.assignments) + 1)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(LIST_HEADERS))}{last}"


def _short_sheet(sheet: Worksheet, week: PrintWeek) -> None:
    _header(sheet, SHORT_HEADERS, (12, 7, 8, 13, 10, 22, 60))
    shortages = week.shortages()
    for r, s in enumerate(shortages, start=2):
        slot = next(x for x in week.slots if x.id == s.slot)
        values = (s.date, weekday_label(s.date), slot.name, slot.label, week.gate_name(s.gate),
                  " ".join(week.shortage_words(s)), s.reason)
        for col, value in enumerate(values, start=1):
            cell = sheet.cell(r, col, value)
            cell.font = _font(color="C62828") if col == 6 else _font()
            cell.alignment = _WRAP_TOP
            cell.border = _BORDER
        sheet.cell(r, 1).number_format = "yyyy-mm-dd"
        sheet.row_dimensions[r].height = max(1, _lines(s.reason, 60)) * 15
    if not shortages:
        sheet.cell(2, 1, translate("Output", "本周没有缺岗。")).font = _font(color="5F6368")
    else:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(SHORT_HEADERS))}{len(shortages) + 1}"
