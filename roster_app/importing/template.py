"""The template the clerk downloads, fills in Excel or WPS, and imports: .xlsx or .csv.

The workbook has two sheets. 志愿者名单 is the list: the Chinese headers of `columns`
in row 1 (frozen, bold; the required 姓名 and 类别 marked), a drop-down for 类别 and
双报到, a number check for 每周时长上限, the phone column stored as text (so Excel does not
turn 13812345678 into 1.38E+10), and for each weekday a hint naming this community's
slots. 填写说明 says how to fill each column, lists the community's slots with their times
and the kinds of volunteer, and shows a filled example row — kept off the list sheet, so
a template imported as it is adds nobody.

The .csv template is the header row alone, UTF-8 with a BOM so that Excel opens it in
Chinese rather than as mojibake.
"""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from roster_app.importing.columns import (
    COLUMNS,
    DAYS,
    HOURS,
    KIND,
    MAX_HOURS,
    NAME,
    PHONE,
    REGISTERED,
    TEMPLATE_HEADERS,
    slot_label,
)
from roster_app.kinds import KIND_LABELS
from roster_app.persistence.volunteer_edit import CommunityLayout

LIST_SHEET = "志愿者名单"
HELP_SHEET = "填写说明"
TEMPLATE_ROWS = 1000  # rows that get the drop-downs and the text format

_HELP: dict[str, tuple[str, str]] = {
    # column key -> (how to fill it, an example); {slots} is the community's slot names
    "name": (QT_TRANSLATE_NOOP("ImportTemplate", "必填。一行一人。"), "王秀英"),
    "phone": (QT_TRANSLATE_NOOP("ImportTemplate", "11 位手机号，可不填。姓名和手机号都与名册中相同的人会被更新，不会重复添加。"),
              "13812345678"),
    "kind": (QT_TRANSLATE_NOOP("ImportTemplate", "必填，从下拉列表中选择：{kinds}。"), "无职党员"),
    "building": (QT_TRANSLATE_NOOP("ImportTemplate", "所住楼栋，可不填。"), "3号楼"),
    "grid": (QT_TRANSLATE_NOOP("ImportTemplate", "所属网格，可不填。"), "第一网格"),
    "skills": (QT_TRANSLATE_NOOP("ImportTemplate", "可不填，多个用“、”分隔：外语翻译、医疗、心理疏导……"), "医疗"),
    "hours": (QT_TRANSLATE_NOOP("ImportTemplate", "每周最多值班几小时（0–{max}），不填则按社区的默认上限。"), "10"),
    "registered": (QT_TRANSLATE_NOOP("ImportTemplate", "是/否。在职党员和下沉干部不填时按“是”。"), "否"),
}
_DAY_HELP = QT_TRANSLATE_NOOP(
    "ImportTemplate", "当天可以值班的时段，多个用“、”分隔；“全天”表示所有时段；空白表示这天不能值班。")
_NOTES = (
    QT_TRANSLATE_NOOP("ImportTemplate", "在“志愿者名单”工作表中从第 2 行起填写，一行一人；第 1 行的列名不要改动。"),
    QT_TRANSLATE_NOOP("ImportTemplate", "导入时会检查每一行，有任何错误都不会导入，并列出每个错误所在的行和列，改正后重新读取即可。"),
    QT_TRANSLATE_NOOP("ImportTemplate", "已在名册中的人（姓名和手机号相同）会按表格更新；表格中的空白格不会清除名册中已有的信息。"),
    QT_TRANSLATE_NOOP("ImportTemplate", "周一至周日七列是每周的可值班时间：七列全空则保留名册中原有的时间。"),
)
_EMPLOYED_NOTE = QT_TRANSLATE_NOOP("ImportTemplate", "在职党员在工作日只排 8 小时以外的时段（{slots}），休息日可排任何时段。")
_KIND_HELP: dict[str, str] = {
    "employed_party": QT_TRANSLATE_NOOP("ImportTemplate", "有工作的党员（双报到），工作日只在 8 小时以外值班"),
    "nonemployed_party": QT_TRANSLATE_NOOP("ImportTemplate", "退休、无业的党员，工作时间可以值班"),
    "cadre": QT_TRANSLATE_NOOP("ImportTemplate", "下沉到社区的机关干部"),
    "community_worker": QT_TRANSLATE_NOOP("ImportTemplate", "社区居委会的工作人员"),
    "resident": QT_TRANSLATE_NOOP("ImportTemplate", "普通居民志愿者"),
    "youth": QT_TRANSLATE_NOOP("ImportTemplate", "青年志愿者、大学生"),
    "minor": QT_TRANSLATE_NOOP("ImportTemplate", "未成年人，不会安排单独值班"),
    "social_worker": QT_TRANSLATE_NOOP("ImportTemplate", "社工"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportTemplate", text)


def _example_days(layout: CommunityLayout) -> list[str]:
    """An example week: the first and last slot on workdays, every slot at the weekend."""
    names = [s.name for s in layout.slots]
    if not names:
        return [""] * 7
    workday = "、".join(dict.fromkeys([names[0], names[-1]]))
    return [workday] * 5 + [_tr("全天"), ""]


def template_help(layout: CommunityLayout) -> list[tuple[str, str]]:
    """(header, how to fill it) for every column, as the 填写说明 sheet lists them."""
    slots = "、".join(s.name for s in layout.slots)
    out = []
    for column in COLUMNS:
        if column.key in DAYS:
            text = _tr(_DAY_HELP) + _tr("本社区的时段：{slots}。").format(slots=slots)
        else:
            text = _tr(_HELP[column.key][0]).format(kinds="、".join(KIND_LABELS.values()), max=MAX_HOURS)
        out.append((column.header, text))
    return out


def write_template(path: str | Path, layout: CommunityLayout) -> Path:
    """Writes the template for a community with `layout` to `path` (.csv for a CSV file,
    an .xlsx workbook otherwise) and returns the path. Written beside the target and
    moved into place, so a failure (Excel holding the old file open …) leaves no half
    file; raises OSError then."""
    path = Path(path)
    fd, temp = tempfile.mkstemp(prefix=".template-", suffix=path.suffix or ".xlsx", dir=path.parent)
    os.close(fd)
    try:
        if path.suffix.lower() == ".csv":
            with open(temp, "w", encoding="utf-8-sig", newline="") as f:
                csv.writer(f).writerow(TEMPLATE_HEADERS)
        else:
            _workbook(layout).save(temp)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


_THIN = Side(style="thin", color="A6A6A6")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
_REQUIRED_FILL = PatternFill("solid", fgColor="F8D7D3")
_WIDTHS = {"name": 12, "phone": 15, "kind": 13, "building": 10, "grid": 11, "skills": 16, "hours": 14,
           "registered": 9}


def _workbook(layout: CommunityLayout) -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = LIST_SHEET
    letters = {c.key: get_column_letter(i + 1) for i, c in enumerate(COLUMNS)}
    last = TEMPLATE_ROWS + 1
    help_by_header = dict(template_help(layout))
    for i, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=i, value=column.header)
        cell.font = Font(bold=True, color="9C0006" if column.required else "000000")
        cell.fill = _REQUIRED_FILL if column.required else _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")
        cell.border = _BOX
        comment = Comment(help_by_header[column.header], "GateRoster")
        comment.width, comment.height = 260, 110
        cell.comment = comment
        sheet.column_dimensions[cell.column_letter].width = _WIDTHS.get(column.key, 16)
    sheet.row_dimensions[1].height = 22
    sheet.freeze_panes = "B2"
    # Typed into a text cell, a phone number stays 11 digits instead of 1.38E+10.
    # A column style rather than a thousand formatted cells: appending rows still starts at row 2.
    sheet.column_dimensions[letters[PHONE]].number_format = "@"

    kinds = DataValidation(type="list", formula1='"' + ",".join(KIND_LABELS.values()) + '"', allow_blank=True,
                           showErrorMessage=True, errorTitle=_tr("类别"),
                           error=_tr("请从下拉列表中选择类别。"))
    kinds.add(f"{letters[KIND]}2:{letters[KIND]}{last}")
    registered = DataValidation(type="list", formula1='"是,否"', allow_blank=True, showErrorMessage=True,
                                errorTitle=_tr("双报到"), error=_tr("请填“是”或“否”。"))
    registered.add(f"{letters[REGISTERED]}2:{letters[REGISTERED]}{last}")
    hours = DataValidation(type="decimal", operator="between", formula1="0", formula2=str(MAX_HOURS),
                           allow_blank=True, showErrorMessage=True, errorTitle=_tr("每周时长上限"),
                           error=_tr("请填 0 到 {max} 之间的小时数。").format(max=MAX_HOURS))
    hours.add(f"{letters[HOURS]}2:{letters[HOURS]}{last}")
    slots = "、".join(s.name for s in layout.slots)
    days = DataValidation(showInputMessage=True, promptTitle=_tr("可值班时段"),
                          prompt=_tr("填时段名称，多个用“、”分隔：{slots}。“全天”=所有时段，空白=不能值班。")
                          .format(slots=slots)[:250])
    days.add(f"{letters[DAYS[0]]}2:{letters[DAYS[-1]]}{last}")
    name = DataValidation(showInputMessage=True, promptTitle=_tr("姓名"), prompt=_tr("必填，一行一人。"))
    name.add(f"{letters[NAME]}2:{letters[NAME]}{last}")
    for validation in (kinds, registered, hours, days, name):
        sheet.add_data_validation(validation)

    _help_sheet(workbook.create_sheet(HELP_SHEET), layout)
    workbook.active = 0
    return workbook


def _help_sheet(sheet, layout: CommunityLayout) -> None:
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 70
    sheet.column_dimensions["C"].width = 30
    row = 1
    sheet.cell(row, 1, _tr("志愿者名单填写说明")).font = Font(bold=True, size=14)
    row += 2
    working = layout.working_hours_slots()
    outside = "、".join(s.name for s in layout.slots if s.code not in working)
    notes = [_tr(n) for n in _NOTES] + ([_tr(_EMPLOYED_NOTE).format(slots=outside)] if outside else [])
    for note in notes:
        sheet.cell(row, 1, "•")
        sheet.cell(row, 2, note).alignment = wrap
        row += 1
    row += 1
    for i, title in enumerate((_tr("列"), _tr("怎么填"), _tr("例子")), start=1):
        cell = sheet.cell(row, i, title)
        cell.font, cell.fill, cell.border = bold, _HEADER_FILL, _BOX
    row += 1
    example = _example_row(layout)
    shown_days = False
    for (header, text), value, column in zip(template_help(layout), example, COLUMNS):
        if column.key in DAYS:
            # One row for the seven weekday columns: they are filled alike.
            if shown_days:
                continue
            shown_days = True
            header = f"{COLUMNS[-7].header}～{COLUMNS[-1].header}"
            value = "；".join(f"{c.header} {v}" for c, v in zip(COLUMNS[-7:], example[-7:]) if v)
        sheet.cell(row, 1, header).font = bold
        sheet.cell(row, 2, text).alignment = wrap
        sheet.cell(row, 3, value).alignment = wrap
        for col in (1, 2, 3):
            sheet.cell(row, col).border = _BOX
        row += 1
    row += 1
    sheet.cell(row, 1, _tr("本社区的时段")).font = bold
    row += 1
    for slot in layout.slots:
        sheet.cell(row, 1, slot.name)
        sheet.cell(row, 2, slot_label(slot))
        row += 1
    row += 1
    sheet.cell(row, 1, _tr("类别")).font = bold
    row += 1
    for code, label in KIND_LABELS.items():
        sheet.cell(row, 1, label)
        sheet.cell(row, 2, _tr(_KIND_HELP[code]))
        row += 1


def _example_row(layout: CommunityLayout) -> list[str]:
    values = {key: example for key, (_, example) in _HELP.items()}
    values.update(zip(DAYS, _example_days(layout)))
    return [values[c.key] for c in COLUMNS]
