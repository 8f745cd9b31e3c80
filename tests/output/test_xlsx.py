"""The week's workbook, read back with openpyxl: the grid and the list of assignments say
exactly what the roster says; headers in Chinese, frozen, wide enough; phones masked."""

from __future__ import annotations

import datetime as dt
import os

import openpyxl
import pytest

from roster_app.gui.volunteer_model import mask_phone
from roster_app.output.canvas import OutputError
from roster_app.output.xlsx import (
    GRID_FIRST_ROW,
    GRID_SHEET,
    LIST_HEADERS,
    LIST_SHEET,
    SHORT_SHEET,
    export_xlsx,
    grid_cell_text,
)
from solver.scenario import Post

from tests.output.conftest import PHONES, make_week, small_scenario


def _read(path):
    return openpyxl.load_workbook(path)


def test_assignment_list_equals_the_roster(demo_week, tmp_path):
    path = tmp_path / "week.xlsx"
    export_xlsx(demo_week, path)
    sheet = _read(path)[LIST_SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == LIST_HEADERS
    gate_id = {g.name: g.id for g in demo_week.gates}
    slot_id = {s.name: s for s in demo_week.slots}
    name_id = {v.name: v.id for v in demo_week.scenario.volunteers}
    read = []
    for date, weekday, day_kind, slot, start, end, gate, name, kind, phone, pinned in rows[1:]:
        vid = name_id[name]
        assert isinstance(date, dt.datetime)
        day = date.date()
        assert weekday == "周一周二周三周四周五周六周日"[day.weekday() * 2:day.weekday() * 2 + 2]
        assert day_kind == ("工作日" if demo_week.is_workday(day) else "休息日")
        assert (start, end) == tuple(slot_id[slot].label.split("–"))
        assert kind == demo_week.kind_label(vid)
        assert phone == mask_phone(demo_week.details[vid].phone)
        read.append((vid, gate_id[gate], day, slot_id[slot].id, pinned == "是"))
    expected = [(a.volunteer, a.gate, a.date, a.slot, a.pinned) for a in demo_week.roster.assignments]
    assert sorted(read) == sorted(expected)
    assert len(read) == len(expected)
    # In reading order: by date, then slot.
    keys = [(r[2], [s.id for s in demo_week.slots].index(r[3])) for r in read]
    assert keys == sorted(keys)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:K{len(read) + 1}"


def test_grid_sheet_equals_the_roster(demo_week, tmp_path):
    path = tmp_path / "week.xlsx"
    export_xlsx(demo_week, path)
    sheet = _read(path)[GRID_SHEET]
    assert sheet["A1"].value == "玉带路社区门岗值班表"
    assert "2026年11月23日（周一）至11月29日（周日）" in sheet["A2"].value
    head = [c.value for c in sheet[GRID_FIRST_ROW]]
    assert head[:3] == ["门岗", "时段", "时间"]
    assert head[3] == "11-23 周一\n工作日" and head[9] == "11-29 周日\n休息日"
    assert sheet.freeze_panes == f"D{GRID_FIRST_ROW + 1}"
    assert all(sheet.column_dimensions[c].width >= 18 for c in "DEFGHIJ")
    row = GRID_FIRST_ROW + 1
    seen = set()
    for gate in demo_week.gates:
        for slot in demo_week.slots:
            assert sheet.cell(row, 1).value == gate.name
            assert sheet.cell(row, 2).value == slot.name
            assert sheet.cell(row, 3).value == slot.label
            for i, day in enumerate(demo_week.dates):
                post = Post(gate.id, day, slot.id)
                cell = sheet.cell(row, 4 + i)
                assert cell.value == grid_cell_text(demo_week, post)
                assert cell.alignment.wrap_text
                names = [n.rstrip("★") for n in cell.value.split("\n")[0].split("、")] if demo_week.people_at(post) else []
                assert names == [demo_week.name_of(a.volunteer) for a in demo_week.people_at(post)]
                seen.update((demo_week.name_of(a.volunteer), post) for a in demo_week.people_at(post))
            row += 1
    assert len(seen) == len(demo_week.roster.assignments)


def test_short_and_closed_posts_and_shortage_sheet(small_week, tmp_path):
    path = tmp_path / "week.xlsx"
    export_xlsx(small_week, path)
    book = _read(path)
    grid = book[GRID_SHEET]
    first = GRID_FIRST_ROW + 1
    # 东门 早班 on Monday: 张桂兰 pinned, then 李明; on Tuesday nobody: short by one.
    assert grid.cell(first, 4).value == "张桂兰★、李明"
    assert grid.cell(first, 5).value == "缺 1人"
    assert grid.cell(first, 5).fill.fgColor.rgb.endswith("FBE3E3")
    # The am slot is open nowhere: 不开放, greyed.
    assert grid.cell(first + 1, 4).value == "不开放"
    assert grid.cell(first + 1, 4).fill.fgColor.rgb.endswith("ECEEF0")
    shortages = list(book[SHORT_SHEET].iter_rows(min_row=2, values_only=True))
    assert len(shortages) == len(small_week.roster.shortages)
    first_short = small_week.shortages()[0]
    assert shortages[0][0].date() == first_short.date
    assert shortages[0][5] == "缺 1人"
    assert shortages[0][6] == first_short.reason and first_short.reason


def test_full_phones_only_when_asked(small_week, tmp_path):
    masked, full = tmp_path / "masked.xlsx", tmp_path / "full.xlsx"
    export_xlsx(small_week, masked)
    export_xlsx(small_week, full, full_phones=True)

    def phones(path):
        return {row[7]: row[9] for row in _read(path)[LIST_SHEET].iter_rows(min_row=2, values_only=True)}

    assert phones(masked) == {"张桂兰": "138****1234", "李明": "139****4321", "王芳": None}
    assert phones(full) == {"张桂兰": PHONES["zgl"], "李明": PHONES["lm"], "王芳": None}


def test_unscheduled_week_and_no_shortages(tmp_path):
    week = make_week(scheduled=False)
    path = tmp_path / "week.xlsx"
    export_xlsx(week, path)
    book = _read(path)
    assert [r[7] for r in book[LIST_SHEET].iter_rows(min_row=2, values_only=True)] == ["张桂兰"]
    assert book[SHORT_SHEET]["A2"].value == "本周没有缺岗。"


def test_workday_calendar_in_the_header(tmp_path):
    week = make_week(small_scenario(dt.date(2025, 12, 29)))
    path = tmp_path / "week.xlsx"
    export_xlsx(week, path)
    head = [c.value for c in _read(path)[GRID_SHEET][GRID_FIRST_ROW]][3:]
    assert [h.split("\n")[1] for h in head] == ["工作日"] * 3 + ["休息日"] * 3 + ["工作日"]
    assert head[3] == "01-01 周四\n休息日"


def test_unwritable_path_is_refused_with_a_message_and_leaves_nothing(small_week, tmp_path):
    missing_dir = tmp_path / "no such folder" / "week.xlsx"
    with pytest.raises(OutputError, match="无法写入文件"):
        export_xlsx(small_week, missing_dir)
    # An existing workbook is replaced whole, and no temporary file is left behind.
    path = tmp_path / "week.xlsx"
    path.write_bytes(b"old")
    export_xlsx(small_week, path)
    assert _read(path)[LIST_SHEET]["H2"].value == "张桂兰"
    assert os.listdir(tmp_path) == ["week.xlsx"]
