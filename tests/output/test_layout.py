"""The week's roster on paper: one A4 landscape page, split between whole gates when the
community has more gates than a page holds; read back from the PDF with poppler."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from PySide6.QtCore import QSizeF

from roster_app.gui.kinds import kind_style
from roster_app.output.canvas import MM, PAGE_MARGIN_MM
from roster_app.output.layout import WeekGridDocument
from roster_app.output.pdf import export_kind_pdf, export_pdf
from solver.scenario import Assignment, DemandRule, Gate, Slot

from tests.output import pdftools
from tests.output.conftest import CONTACT, make_week, small_scenario

A4_LANDSCAPE_AREA = QSizeF((297 - 2 * PAGE_MARGIN_MM) * MM, (210 - 2 * PAGE_MARGIN_MM) * MM)


def row_line(text: str, slot_name: str, nth: int) -> list[str]:
    """The words of the `nth` (0-based) printed row of a slot, from `pdftotext -layout`:
    the slot's name begins the row's first line, the cells follow on it."""
    rows = [line.split() for line in text.splitlines() if slot_name in line.split()]
    return rows[nth]


def test_demo_week_is_one_landscape_page_with_every_name_gate_and_date(demo_week, tmp_path):
    path = tmp_path / "week.pdf"
    assert export_kind_pdf("week", demo_week, path) == 1
    assert pdftools.page_count(path) == 1
    assert pdftools.is_a4(pdftools.page_sizes(path)[0], landscape=True)
    text = pdftools.text(path)
    assert "玉带路社区门岗值班表" in text
    assert "2026年11月23日（周一）至11月29日（周日）" in text
    assert "打印日期：2026-11-20" in text
    assert "玉带路社区居委会 电话 010-8952 3716" in text
    for gate in ("东门", "南门", "西门", "北门"):
        assert gate in text
    for day, weekday in zip(range(23, 30), "一二三四五六日"):
        assert f"11-{day} 周{weekday}" in text
    names = {demo_week.name_of(a.volunteer) for a in demo_week.assignments}
    assert len(names) > 20
    for name in names:
        assert name in text, name
    # Pinned names carry the mark; the legend names the kinds on duty.
    for a in demo_week.assignments:
        if a.pinned:
            assert demo_week.name_of(a.volunteer) + "★" in text
    for code in demo_week.kinds_present():
        assert kind_style(code).label in text
    assert "★ 锁定" in text
    # The week grid gives no phone numbers at all.
    assert not re.search(r"1\d\d\*{4}\d{4}", text)
    assert "第 1 页，共 1 页" in text


def test_fonts_are_embedded(demo_week, tmp_path):
    path = tmp_path / "week.pdf"
    export_kind_pdf("week", demo_week, path)
    fonts = pdftools.fonts(path)
    assert fonts, "no fonts: the text was drawn as outlines or not at all"
    assert all(embedded for _, embedded in fonts), fonts
    assert any("WenQuanYi" in name or "CJK" in name for name, _ in fonts), fonts


def test_workdays_rest_days_short_posts_and_closed_posts_are_marked(tmp_path):
    # The New Year week of 2026: 1–3 January are holidays and Sunday the 4th is a workday
    # (调休), so the header must follow the official calendar, not Monday–Friday.
    week = make_week(small_scenario(dt.date(2025, 12, 29)))
    path = tmp_path / "week.pdf"
    export_pdf(WeekGridDocument(week), path)
    text = pdftools.text(path, layout=True)
    assert "2025年12月29日（周一）至2026年1月4日（周日）" in text
    header = next(line for line in text.splitlines() if "休息日" in line)
    assert header.split() == ["工作日", "工作日", "工作日", "休息日", "休息日", "休息日", "工作日"]
    # 北门 opens on workdays only: 不开放 on the three holidays, and short on the workdays
    # nobody was put on (all but Tuesday).
    north = row_line(text, "早班", 1)  # 东门's early row comes first
    assert north.count("不开放") == 3
    assert north.count("缺") == 3  # "缺 1人" prints as two words
    assert "王芳" in north
    assert "缺 N人：缺岗，人数不足" in text


def test_small_week_cells(small_week, tmp_path):
    path = tmp_path / "week.pdf"
    export_pdf(WeekGridDocument(small_week), path)
    text = pdftools.text(path, layout=True)
    # Monday's early post at 东门: the pinned 张桂兰 first, marked, then 李明.
    early = row_line(text, "早班", 0)
    assert early[1:3] == ["张桂兰★", "李明"]
    # The am slot is open at no gate this week: it prints no row at all.
    assert "上午" not in text
    assert "赵磊" not in text  # on no post
    assert CONTACT in text


def test_unscheduled_week_prints_the_pins_and_says_so(tmp_path):
    week = make_week(scheduled=False)
    path = tmp_path / "week.pdf"
    export_pdf(WeekGridDocument(week), path)
    text = pdftools.text(path)
    assert "尚未排班" in text
    assert "张桂兰★" in text
    assert "李明" not in text  # not pinned, so not in an unscheduled week
    assert "缺 1人" not in text  # nothing is short before the solver has run


def _many_gates_week(gates: int):
    slots = (Slot("early", "早班", 360, 480), Slot("am", "上午", 480, 720), Slot("eve", "晚班", 1080, 1320))
    scenario = small_scenario(gates=tuple(
        Gate(f"g{i}", f"{i}号门", tuple(DemandRule(s.id, 2, 3) for s in slots)) for i in range(1, gates + 1)
    ))
    from dataclasses import replace

    scenario = replace(scenario, slots=slots)
    people = [v.id for v in scenario.volunteers]
    assignments = tuple(
        Assignment(people[(g + d + s) % len(people)], gate.id, day, slot.id)
        for g, gate in enumerate(scenario.gates)
        for d, day in enumerate(scenario.dates)
        for s, slot in enumerate(slots)
    )
    return make_week(scenario, assignments)


def test_many_gates_split_between_whole_gates(tmp_path):
    week = _many_gates_week(12)
    document = WeekGridDocument(week)
    plans = document.paginate(A4_LANDSCAPE_AREA)
    assert len(plans) > 1
    # Every gate on exactly one page, with all its rows.
    chunks = [chunk for plan in plans for chunk in plan.chunks]
    assert [c.gate.id for c in chunks] == [g.id for g in week.gates]
    assert all(len(c.rows) == 3 and not c.continued for c in chunks)

    path = tmp_path / "week.pdf"
    assert export_pdf(document, path) == len(plans)
    assert pdftools.page_count(path) == len(plans)
    assert all(pdftools.is_a4(size, landscape=True) for size in pdftools.page_sizes(path))
    for number, plan in enumerate(plans, start=1):
        text = pdftools.text(path, page=number)
        # Each page repeats the header, the date row and the footer.
        assert "测试社区门岗值班表" in text and "11-23 周一" in text and CONTACT in text
        assert f"第 {number} 页，共 {len(plans)} 页" in text
        on_page = {c.gate.name for c in plan.chunks}
        for gate in week.gates:
            assert (re.search(rf"(?<!\d){gate.name}", text) is not None) == (gate.name in on_page), (number, gate.name)


def test_a_gate_taller_than_a_page_continues_on_the_next(tmp_path):
    slots = tuple(Slot(f"s{h}", f"{h}时", h * 60, (h + 1) * 60) for h in range(0, 24))
    from dataclasses import replace

    scenario = replace(small_scenario(gates=(Gate("east", "东门", tuple(DemandRule(s.id, 1, 1) for s in slots)),)),
                       slots=slots)
    week = make_week(scenario, ())
    plans = WeekGridDocument(week).paginate(A4_LANDSCAPE_AREA)
    assert len(plans) >= 2
    assert [c.continued for p in plans for c in p.chunks] == [False] + [True] * (len(plans) - 1)
    assert sum(len(c.rows) for p in plans for c in p.chunks) == 24
    path = tmp_path / "week.pdf"
    export_pdf(WeekGridDocument(week), path)
    second = pdftools.text(path, page=2)
    assert "东门" in second and "（续）" in second
    assert "（续）" not in pdftools.text(path, page=1)


def test_a_week_that_just_misses_one_page_is_printed_smaller_not_split():
    # Find the number of gates that needs a smaller size on one page; it must not split.
    for gates in range(4, 12):
        plans = WeekGridDocument(_many_gates_week(gates)).paginate(A4_LANDSCAPE_AREA)
        if plans[0].grid.scale < 1.0:
            assert len(plans) == 1
            return
    pytest.fail("no week needed a smaller size")


def test_no_gates_still_prints_a_page(tmp_path):
    week = make_week(small_scenario(gates=()), ())
    path = tmp_path / "week.pdf"
    assert export_pdf(WeekGridDocument(week), path) == 1
    assert "还没有设置门岗" in pdftools.text(path)


LONG_CONTACT = ("玉带路社区居委会 电话 010-8952 3716（工作日 8:00–18:00）；夜间及节假日值守 138 0000 1111（王书记）、"
                "139 0000 2222（李主任）；街道办事处 010-8952 0000；如遇发热人员请立即报告并拨打 120，不要自行送医")


@pytest.mark.parametrize("kind", ["week", "gates", "slips"])
def test_a_long_contact_line_and_legend_wrap_instead_of_being_cut(demo_week, tmp_path, kind):
    from dataclasses import replace

    week = replace(demo_week, contact=LONG_CONTACT)
    path = tmp_path / f"{kind}.pdf"
    pages = export_kind_pdf(kind, week, path)
    squeeze = lambda s: re.sub(r"\s+", "", s)  # noqa: E731 - wrapped lines break anywhere
    for page in range(1, pages + 1):
        text = squeeze(pdftools.text(path, page=page))
        assert squeeze(LONG_CONTACT) in text, page
        if kind == "week":
            assert squeeze("不开放：此时段不设岗") in text  # the legend's last entry
