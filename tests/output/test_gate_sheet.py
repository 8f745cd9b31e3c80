"""The sheets posted at the gates: one landscape page per gate, that gate's people only,
phones masked unless the clerk asks for full numbers, the office's contact line."""

from __future__ import annotations

import re

import pytest

from roster_app.gui.volunteer_model import mask_phone
from roster_app.output.gate_sheet import GateSheetDocument
from roster_app.output.pdf import export_kind_pdf, export_pdf
from solver.scenario import Assignment, DemandRule, Gate

from tests.output import pdftools
from tests.output.conftest import CONTACT, MONDAY, PHONES, make_week, small_scenario


def test_demo_one_page_per_gate_with_that_gates_people_and_masked_phones(demo_week, tmp_path):
    path = tmp_path / "gates.pdf"
    assert export_kind_pdf("gates", demo_week, path) == 4
    assert pdftools.page_count(path) == 4
    assert all(pdftools.is_a4(size, landscape=True) for size in pdftools.page_sizes(path))
    assert all(embedded for _, embedded in pdftools.fonts(path))
    details = demo_week.details
    for number, gate in enumerate(demo_week.gates, start=1):
        text = pdftools.text(path, page=number)
        assert f"{gate.name} 门岗值班表" in text
        assert "玉带路社区居委会 电话 010-8952 3716" in text
        at_gate = {a.volunteer for a in demo_week.assignments if a.gate == gate.id}
        elsewhere = {a.volunteer for a in demo_week.assignments} - at_gate
        assert at_gate
        for vid in at_gate:
            assert demo_week.name_of(vid) in text
            phone = details[vid].phone
            assert mask_phone(phone) in text
            assert phone not in text
        for vid in elsewhere:
            assert demo_week.name_of(vid) not in text, (gate.name, demo_week.name_of(vid))
        assert "电话号码中间四位已隐去" in text
    # No eleven-digit number anywhere in the file.
    assert not re.search(r"1\d{10}", pdftools.text(path))


def test_full_phones_only_when_asked(small_week, tmp_path):
    masked, full = tmp_path / "masked.pdf", tmp_path / "full.pdf"
    export_pdf(GateSheetDocument(small_week), masked)
    export_pdf(GateSheetDocument(small_week, full_phones=True), full)
    masked_text, full_text = pdftools.text(masked), pdftools.text(full)
    for vid in ("zgl", "lm"):  # on duty and with a phone
        assert PHONES[vid] not in masked_text
        assert mask_phone(PHONES[vid]) in masked_text
        assert PHONES[vid] in full_text
    assert "中间四位已隐去" not in full_text
    assert PHONES["zl"] not in full_text  # 赵磊 stands nowhere this week
    assert CONTACT in full_text


def test_one_gate_only(small_week, tmp_path):
    path = tmp_path / "north.pdf"
    assert export_kind_pdf("gates", small_week, path, gates=["north"]) == 1
    text = pdftools.text(path, layout=True)
    assert "北门 门岗值班表" in text and "东门" not in text
    assert "王芳" in text and "张桂兰" not in text
    # 北门 is open on workdays only: its early row shows 不开放 at the weekend.
    early = next(line.split() for line in text.splitlines() if "早班" in line.split())
    assert early.count("不开放") == 2
    # The am and eve slots are closed all week at 北门: no rows for them.
    assert "晚班" not in text and "上午" not in text


def test_unknown_gate_is_refused(small_week):
    with pytest.raises(ValueError, match="nowhere"):
        GateSheetDocument(small_week, gates=["nowhere"])


def test_a_crowded_gate_continues_on_a_second_page(tmp_path):
    # Twenty people at each of 东门's posts: more than a page holds even at the smallest size.
    scenario = small_scenario(gates=(Gate("east", "东门", (DemandRule("early", 20, 20), DemandRule("am", 20, 20),
                                                            DemandRule("eve", 20, 20))),))
    from dataclasses import replace

    from solver.scenario import Volunteer

    crowd = tuple(Volunteer(f"p{i}", f"志愿者{i:02d}", False, False, scenario.volunteers[0].available)
                  for i in range(20))
    scenario = replace(scenario, volunteers=scenario.volunteers + crowd)
    assignments = tuple(Assignment(v.id, "east", day, slot) for v in crowd for day in scenario.dates
                        for slot in ("early", "am", "eve"))
    week = make_week(scenario, assignments)
    path = tmp_path / "east.pdf"
    pages = export_pdf(GateSheetDocument(week), path)
    assert pages >= 2
    texts = [pdftools.text(path, page=n) for n in range(1, pages + 1)]
    assert "（续）" not in texts[0] and all("东门 门岗值班表（续）" in t for t in texts[1:])
    # Every slot's row is printed once, none cut off.
    joined = "".join(texts)
    for slot in ("早班", "上午", "晚班"):
        assert joined.count(slot) == 1
    assert joined.count("志愿者19") == 21  # 7 days × 3 slots
    assert MONDAY.strftime("%m-%d") in texts[1]
