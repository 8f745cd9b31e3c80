"""The volunteers' slips: A4 portrait, several to a page, each with the person's posts this
week (date, weekday, slot, times, gate), whoever stands with them, and the contact line."""

from __future__ import annotations

import re

from PySide6.QtCore import QSizeF

from roster_app.output.canvas import MM, PAGE_MARGIN_MM
from roster_app.output.pdf import export_kind_pdf, export_pdf
from roster_app.output.slips import SlipsDocument

from tests.output import pdftools
from tests.output.conftest import CONTACT

A4_PORTRAIT_AREA = QSizeF((210 - 2 * PAGE_MARGIN_MM) * MM, (297 - 2 * PAGE_MARGIN_MM) * MM)


def test_small_week_slips(small_week, tmp_path):
    path = tmp_path / "slips.pdf"
    assert export_pdf(SlipsDocument(small_week), path) == 1
    assert pdftools.is_a4(pdftools.page_sizes(path)[0], landscape=False)
    text = pdftools.text(path, layout=True)
    # Three people stand somewhere; 赵磊 stands nowhere and gets no slip.
    assert text.count("个人值班单") == 3 + 1  # three slips, and the page's footer
    assert "赵磊" not in text
    lines = text.splitlines()
    # 张桂兰: Monday early at 东门 beside 李明, Saturday evening alone.
    monday = next(line.split() for line in lines if "11-23" in line and "早班" in line and "李明" in line)
    assert monday == ["11-23", "周一", "早班", "06:00–08:00", "东门", "李明"]
    assert ["11-28", "周六", "晚班", "18:00–22:00", "东门"] in [line.split() for line in lines]
    assert text.count("本周共 2 班，6 小时") == 2  # 张桂兰 and 李明: 2 h + 4 h each
    assert text.count("本周共 1 班，2 小时") == 1  # 王芳
    assert "无职党员" in text and "在职党员" in text
    assert CONTACT in text
    assert "2026年11月23日（周一）至11月29日（周日）" in text
    assert all(embedded for _, embedded in pdftools.fonts(path))


def test_demo_slips_everyone_on_duty_once(demo_week, tmp_path):
    path = tmp_path / "slips.pdf"
    document = SlipsDocument(demo_week)
    pages = export_kind_pdf("slips", demo_week, path)
    assert pages == len(document.paginate(A4_PORTRAIT_AREA)) == pdftools.page_count(path)
    assert pages > 1
    assert all(pdftools.is_a4(size, landscape=False) for size in pdftools.page_sizes(path))
    on_duty = {a.volunteer for a in demo_week.assignments}
    texts = [pdftools.text(path, page=n, layout=True) for n in range(1, pages + 1)]
    whole = "\n".join(texts)
    for vid in on_duty:
        name = demo_week.name_of(vid)
        posts = demo_week.posts_of(vid)
        # The name, followed by the kind, heads exactly one slip.
        assert len(re.findall(rf"{name}\s+{demo_week.kind_label(vid)}", whole)) == 1, name
        hours = sum(demo_week.slot_hours(a.slot) for a in posts)
        assert f"本周共 {len(posts)} 班，{hours:g} 小时" in whole
    # Slips follow the pinyin of the names, and none is split between pages.
    assert document.volunteer_ids == demo_week.people_on_duty
    assert set(document.volunteer_ids) == on_duty
    slips_per_page = [sum(len(row) for row in plan.rows) for plan in document.paginate(A4_PORTRAIT_AREA)]
    assert sum(slips_per_page) == len(on_duty)
    assert all(n >= 4 for n in slips_per_page[:-1])  # several slips to a page
    for n, text in enumerate(texts, start=1):
        assert f"第 {n} 页，共 {pages} 页" in text
        assert text.count("个人值班单") == slips_per_page[n - 1] + 1


def test_slips_for_chosen_volunteers(small_week, tmp_path):
    path = tmp_path / "slips.pdf"
    export_kind_pdf("slips", small_week, path, volunteers=["wf", "zl"])
    text = pdftools.text(path)
    assert "王芳" in text
    assert "张桂兰" not in text and "李明" not in text
    assert "赵磊" not in text  # chosen, but on no post: nothing to hand out


def test_nobody_on_duty_prints_one_page_saying_so(tmp_path):
    from tests.output.conftest import make_week

    week = make_week(assignments=())
    path = tmp_path / "slips.pdf"
    assert export_pdf(SlipsDocument(week), path) == 1
    assert "本周没有安排任何人值班" in pdftools.text(path)
