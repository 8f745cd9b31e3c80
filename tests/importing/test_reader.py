"""Reading lists: every kind of bad row refused with its line, column and Chinese message
(all of them at once), the file-level refusals, loose headers and cells, encodings and
separators, and who a row is in the register (new, updated, unchanged)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from roster_app.importing import NEW, UNCHANGED, UPDATE, ImportRejected, VolunteerImporter
from roster_app.importing.columns import KIND_FACTS, REGISTERED_BY_DEFAULT, column_of
from roster_app.persistence.volunteer_edit import VolunteerRecord
from tests.importing.conftest import HEADERS, row, write_csv, write_xlsx

MON, TUE, SAT, SUN = 0, 1, 5, 6


def rejected(importer: VolunteerImporter, path: Path) -> list:
    with pytest.raises(ImportRejected) as caught:
        importer.read(path)
    return list(caught.value.problems)


def where(problems) -> list[tuple]:
    return [(p.line, p.letter, p.column, p.code) for p in problems]


# --- each kind of bad row ------------------------------------------------------------------

@pytest.mark.parametrize("cells, letter, code, words", [
    (row(name=""), "A", "name_required", "姓名为空"),
    (row(name="   "), "A", "name_required", "姓名为空"),
    (row(name="名" * 201), "A", "too_long", "最多 200 个字"),
    (row(phone="1391234000"), "B", "phone_format", "“1391234000”不是 11 位手机号"),
    (row(phone="12912340000"), "B", "phone_format", "不是 11 位手机号"),
    (row(phone="电话待补"), "B", "phone_format", "“电话待补”"),
    (row(kind=""), "C", "kind_required", "类别为空"),
    (row(kind="党员"), "C", "unknown_kind", "没有“党员”这个类别，可填：在职党员、无职党员"),
    (row(building="楼" * 101), "D", "too_long", "最多 100 个字"),
    (row(skills="技" * 65), "F", "too_long", "最多 64 个字"),
    (row(hours="很多"), "G", "hours_format", "“很多”不是数字"),
    (row(hours="200"), "G", "hours_range", "0 到 168 小时之间，这里是 200"),
    (row(hours="-1"), "G", "hours_range", "这里是 -1"),
    (row(hours="nan"), "G", "hours_range", "0 到 168"),
    (row(registered="也许"), "H", "bool_format", "“也许”看不懂，请填“是”或“否”"),
    (row(days=("夜班", "", "", "", "", "", "")), "I", "unknown_slot", "没有“夜班”这个时段。本社区的时段：早班（06:00–08:00）"),
    (row(days=("", "", "", "", "", "", "早班、凌晨")), "O", "unknown_slot", "没有“凌晨”这个时段"),
])
def test_each_kind_of_bad_row_is_refused_with_its_line_column_and_message(
        importer, tmp_path, cells, letter, code, words):
    good = row(name="王秀英", phone="13800001111", kind="群众")
    path = write_xlsx(tmp_path / "名单.xlsx", [good, good[:1] + ["13800002222"] + good[2:], cells])
    problems = rejected(importer, path)
    assert [(p.line, p.letter, p.code) for p in problems] == [(4, letter, code)]
    assert problems[0].column == HEADERS["ABCDEFGHIJKLMNO".index(letter)]
    assert words in problems[0].text
    assert problems[0].message and problems[0].message != problems[0].text  # English for the log too
    assert not problems[0].warning


def test_every_bad_row_is_listed_at_once_in_the_files_order(importer, tmp_path):
    path = write_xlsx(tmp_path / "名单.xlsx", [
        row(phone="123"),                                  # 2
        row(name="赵六", phone="13700000001"),               # 3: fine
        row(name="", kind="党员"),                          # 4: two problems in one row
        [],                                                # 5: an empty row is skipped, not a problem
        row(name="钱七", phone="13700000002", days=("早班、夜班",) + ("",) * 6),  # 6
    ])
    problems = rejected(importer, path)
    assert where(problems) == [
        (2, "B", "手机号", "phone_format"),
        (4, "A", "姓名", "name_required"),
        (4, "C", "类别", "unknown_kind"),
        (6, "I", "周一", "unknown_slot"),
    ]
    assert problems[0].place == "第 2 行 B 列（手机号）"


def test_nothing_is_written_while_reading(importer, tmp_path, store, demo_id):
    before = importer.edits.volunteers(demo_id)
    importer.read(write_xlsx(tmp_path / "名单.xlsx", [row()]))
    assert importer.edits.volunteers(demo_id) == before


# --- duplicates ----------------------------------------------------------------------------

def test_the_same_person_twice_in_the_file_is_refused_on_the_second_line(importer, tmp_path):
    path = write_xlsx(tmp_path / "名单.xlsx", [
        row(name="李明", phone="13912340000"),
        row(name="赵六", phone="13700000001"),
        row(name="李 明", phone="139 1234 0000"),  # the same, written differently
    ])
    problems = rejected(importer, path)
    assert where(problems) == [(4, "A", "姓名", "duplicate_row")]
    assert problems[0].text == "与第 2 行重复（姓名和手机号都相同）。"


def test_a_name_twice_with_a_phone_missing_cannot_be_told_apart(importer, tmp_path):
    path = write_xlsx(tmp_path / "名单.xlsx", [row(name="李明", phone="13912340000"), row(name="李明", phone="")])
    problems = rejected(importer, path)
    assert where(problems) == [(3, "B", "手机号", "duplicate_row_no_phone")]
    assert "与第 2 行同名" in problems[0].text


def test_a_name_twice_with_two_phones_is_two_people_with_a_warning(importer, tmp_path):
    plan = importer.read(write_xlsx(tmp_path / "名单.xlsx", [row(name="李明", phone="13912340000"),
                                                            row(name="李明", phone="13912340001")]))
    assert [r.action for r in plan.rows] == [NEW, NEW]
    assert [(w.line, w.code) for w in plan.warnings] == [(3, "file_same_name")]
    assert all(w.warning for w in plan.warnings)


def test_a_row_without_phone_whose_name_two_register_people_have_is_refused(importer, tmp_path, demo_id):
    for phone in ("13512345678", "13612345678"):
        importer.edits.add(demo_id, VolunteerRecord(name="李明", phone=phone, kind="resident",
                                                    availability=frozenset({(SAT, "am")})), accept_warnings=True)
    problems = rejected(importer, write_xlsx(tmp_path / "名单.xlsx", [row(name="李明", phone="")]))
    assert where(problems) == [(2, "B", "手机号", "ambiguous_person")]
    assert "名册中已有同名的 李明（编号 v39，手机 135****5678）" in problems[0].text
    assert "请填写手机号" in problems[0].text
    # With a phone it is clear: the one with that phone is updated, another phone is someone new.
    plan = importer.read(write_xlsx(tmp_path / "名单2.xlsx", [row(name="李明", phone="13612345678"),
                                                             row(name="李明", phone="13712345678")]))
    assert [(r.action, r.record.code) for r in plan.rows] == [(UPDATE, "v40"), (NEW, "")]


def test_a_row_without_phone_is_the_one_register_person_of_that_name(importer, tmp_path, demo_id):
    plan = importer.read(write_xlsx(tmp_path / "名单.xlsx", [row(name="张桂兰", phone="", kind="无职党员")]))
    assert [(r.action, r.record.code, r.record.phone) for r in plan.rows] == [(UPDATE, "v01", "13601187425")]


def test_two_rows_that_are_the_same_register_person_are_refused(importer, tmp_path, demo_id):
    # 张桂兰 (v01) has 13601187425: one row with it, one without, both mean her.
    path = write_xlsx(tmp_path / "名单.xlsx", [row(name="张桂兰", phone="", kind="无职党员"),
                                               row(name="赵六", phone="13700000001"),
                                               row(name="张桂兰", phone="", kind="无职党员")])
    problems = rejected(importer, path)
    assert [(p.line, p.code) for p in problems] == [(4, "duplicate_row")]


# --- the file as a whole -------------------------------------------------------------------

def test_an_empty_file_is_refused(importer, tmp_path):
    for name, data in (("空.csv", b""), ("空白.csv", b"\r\n  \r\n"), ("bom.csv", codecs.BOM_UTF8)):
        path = tmp_path / name
        path.write_bytes(data)
        assert where(rejected(importer, path)) == [(None, "", "", "empty_file")]


def test_a_header_without_rows_is_refused(importer, tmp_path):
    problems = rejected(importer, write_xlsx(tmp_path / "名单.xlsx", []))
    assert [p.code for p in problems] == ["no_rows"]
    assert problems[0].text == "表头下面没有任何志愿者。"


def test_a_file_that_is_no_spreadsheet_is_refused(importer, tmp_path):
    png = tmp_path / "照片.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    assert [p.code for p in rejected(importer, png)] == ["not_text"]
    old = tmp_path / "名单.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    problems = rejected(importer, old)
    assert [p.code for p in problems] == ["old_xls"] and "“另存为” .xlsx" in problems[0].text
    broken = tmp_path / "名单.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"broken zip" * 20)
    assert [p.code for p in rejected(importer, broken)] == ["bad_xlsx"]
    text_as_xlsx = tmp_path / "其实是文本.xlsx"
    text_as_xlsx.write_text("姓名,类别\n李明,群众\n", encoding="utf-8")
    assert [p.code for p in rejected(importer, text_as_xlsx)] == ["bad_xlsx"]
    missing = tmp_path / "不存在.xlsx"
    assert [p.code for p in rejected(importer, missing)] == ["cannot_open"]
    assert [p.code for p in rejected(importer, tmp_path)] == ["cannot_open"]


def test_a_table_without_our_header_is_refused(importer, tmp_path):
    path = write_csv(tmp_path / "别的表.csv", [["1", "2", "3"]], headers=["日期", "金额", "备注"])
    problems = rejected(importer, path)
    assert [p.code for p in problems] == ["no_header"]
    assert "至少有“姓名”和“类别”" in problems[0].text


def test_a_required_column_missing_or_a_column_twice_is_refused(importer, tmp_path):
    no_kind = write_xlsx(tmp_path / "a.xlsx", [["李明", "13912340000"]], headers=["姓名", "手机号"])
    assert where(rejected(importer, no_kind)) == [(1, "", "类别", "missing_column")]
    twice = write_xlsx(tmp_path / "b.xlsx", [["李明", "群众", "早班", "晚班"]], headers=["姓名", "类别", "周一", "星期一"])
    problems = rejected(importer, twice)
    assert where(problems) == [(1, "D", "星期一", "duplicate_column")]
    assert problems[0].text == "“周一”列出现了两次（C 列和 D 列）。"


def test_an_unknown_column_is_ignored_with_a_warning(importer, tmp_path):
    plan = importer.read(write_xlsx(tmp_path / "名单.xlsx", [["李明", "群众", "好人"]], headers=["姓名", "类别", "备注"]))
    assert plan.new_count == 1
    assert [(w.line, w.letter, w.code, w.text) for w in plan.warnings][0] == (
        1, "C", "unknown_column", "不认识“备注”列，已忽略。")


# --- loose headers and cells ---------------------------------------------------------------

@pytest.mark.parametrize("header, key", [
    ("姓名", "name"), (" 姓 名 ", "name"), ("姓名*", "name"), ("ＮＡＭＥ", "name"), ("Name", "name"),
    ("手机号码", "phone"), ("联系电话", "phone"), ("Phone", "phone"), ("类　别", "kind"), ("Kind", "kind"),
    ("每周时长上限（小时）", "hours"), ("Max hours per week", "hours"), ("星期一", "day0"), ("Sunday", "day6"),
    ("周日", "day6"), ("双报到", "registered"), ("备注", None), ("", None),
])
def test_headers_are_recognized_loosely(header, key):
    assert column_of(header) == key


def test_a_title_above_the_header_and_english_headers_are_read(importer, tmp_path):
    path = write_xlsx(tmp_path / "list.xlsx",
                      [["Li Ming", "13912340000", "employed party member", "早、晚", "06:00-08:00 / 18:00–22:00"]],
                      headers=["Name", "Mobile", "Type", "Monday", "Saturday"],
                      above=[["玉带路社区志愿者名单"], []])
    plan = importer.read(path)
    assert plan.header_line == 3 and plan.rows[0].line == 4
    record = plan.rows[0].record
    assert record.kind == "employed_party" and record.employed and record.party_member and record.registered
    assert record.availability == {(MON, "early"), (MON, "eve"), (SAT, "early"), (SAT, "eve")}


def test_cells_are_read_as_clerks_write_them(importer, tmp_path):
    path = write_xlsx(tmp_path / "名单.xlsx", [
        # a phone typed as a number, full-width digits, √, hours with a unit, slots by code and "全天"
        ["李明", 13912340000, " 无职党员 ", "３号楼", "第一网格", "医疗，外语翻译", "８小时", "√",
         "am,pm", "全天", "无", "", "", "", "上午班"],
        ["赵六", "+86 137-0000-0001", "青年志愿者", "", "", "", 7.5, "否", "早班 晚班"] + [""] * 6,
    ])
    first, second = (r.record for r in importer.read(path).rows)
    assert (first.phone, first.building, first.skills, first.max_hours_per_week, first.registered) == (
        "13912340000", "3号楼", ("medical", "translation"), 8, True)
    assert first.availability == {(MON, "am"), (MON, "pm"), (TUE, "early"), (TUE, "am"), (TUE, "pm"),
                                  (TUE, "eve"), (SUN, "am")}
    assert (first.party_member, first.employed) == (True, False)
    assert (second.phone, second.max_hours_per_week, second.registered) == ("13700000001", 7.5, False)
    assert second.availability == {(MON, "early"), (MON, "eve")}


def test_kind_facts_and_defaults_agree_with_the_register_form():
    from roster_app.gui import volunteer_editor

    assert KIND_FACTS == volunteer_editor.KIND_FACTS
    assert REGISTERED_BY_DEFAULT == volunteer_editor.REGISTERED_BY_DEFAULT


def test_a_minor_is_marked_a_minor_and_a_new_skill_is_a_warning(importer, tmp_path):
    plan = importer.read(write_xlsx(tmp_path / "名单.xlsx", [row(name="小明", phone="", kind="新时代好少年",
                                                                skills="急救")]))
    record = plan.rows[0].record
    assert record.minor and not record.employed and record.skills == ("急救",)
    assert [(w.letter, w.code) for w in plan.warnings] == [("F", "new_skill")]


# --- encodings and separators --------------------------------------------------------------

@pytest.mark.parametrize("encoding, delimiter", [
    ("utf-8-sig", ","), ("utf-8", ","), ("gb18030", ","), ("gbk", ","), ("gb18030", "\t"),
    ("utf-16", "\t"), ("utf-8", ";"),
])
def test_csv_in_the_encodings_and_separators_excel_and_wps_write(importer, tmp_path, encoding, delimiter):
    path = write_csv(tmp_path / "名单.csv", [row(name="欧阳娜娜", building="3号楼"),
                                              row(name="赵六", phone="13700000001", kind="群众",
                                                  days=("上午、下午",) + ("",) * 6)],
                     encoding=encoding, delimiter=delimiter)
    plan = importer.read(path)
    assert plan.file_type == "csv"
    assert [(r.record.name, r.record.kind) for r in plan.rows] == [("欧阳娜娜", "employed_party"), ("赵六", "resident")]
    assert plan.rows[1].record.availability == {(MON, "am"), (MON, "pm")}


def test_a_line_break_inside_a_quoted_cell_keeps_the_line_numbers_excel_shows(importer, tmp_path):
    path = tmp_path / "名单.csv"
    path.write_text("姓名,类别,周一\n李明,群众,\"早班\n晚班\"\n赵六,党员,\n", encoding="utf-8-sig")
    problems = rejected(importer, path)
    assert where(problems) == [(3, "B", "类别", "unknown_kind")]


# --- who a row is ----------------------------------------------------------------------------

def test_a_register_person_by_name_and_phone_is_updated_and_the_plan_says_what_changes(importer, tmp_path, demo_id):
    before = importer.edits.volunteer(demo_id, "v01")  # 张桂兰, 13601187425, 3号楼, 无职党员
    path = write_xlsx(tmp_path / "名单.xlsx", [
        row(name="张桂兰", phone="13601187425", kind="无职党员", building="4号楼", grid="", hours="",
            days=("上午",) + ("",) * 6),
        row(name="李明"),
    ])
    plan = importer.read(path)
    assert [(r.line, r.action) for r in plan.rows] == [(2, UPDATE), (3, NEW)]
    update = plan.rows[0]
    assert update.before == before and update.record.code == "v01"
    assert update.changed == ("building", "availability")
    # Empty cells keep what the register knows; what the list does not have stays too.
    assert update.record.grid == before.grid and update.record.max_hours_per_week == before.max_hours_per_week
    assert update.record.allowed_gates == before.allowed_gates
    assert update.record.availability == {(MON, "am")}
    assert (plan.new_count, plan.update_count, plan.unchanged_count) == (1, 1, 0)


def test_a_row_as_the_register_has_it_is_unchanged(importer, tmp_path, demo_id):
    v01 = importer.edits.volunteer(demo_id, "v01")
    path = write_xlsx(tmp_path / "名单.xlsx", [["张桂兰", "13601187425", "无职党员", "3号楼"]],
                      headers=["姓名", "手机号", "类别", "楼栋"])
    plan = importer.read(path)
    assert [(r.action, r.record) for r in plan.rows] == [(UNCHANGED, v01)]
    assert not plan.has_changes


def test_a_known_name_with_another_phone_is_a_new_person_with_a_warning(importer, tmp_path):
    plan = importer.read(write_xlsx(tmp_path / "名单.xlsx", [row(name="张桂兰", phone="13900009999", kind="群众")]))
    assert [r.action for r in plan.rows] == [NEW]
    assert [(w.line, w.code) for w in plan.warnings] == [(2, "duplicate_name")]
    assert plan.warnings[0].text.startswith("名册里已有同名的 张桂兰（3号楼，编号 v01）")


def test_an_inactive_person_in_the_list_is_reactivated_and_the_plan_says_so(importer, tmp_path, demo_id):
    importer.edits.set_active(demo_id, ["v01"], False)
    plan = importer.read(write_xlsx(tmp_path / "名单.xlsx", [["张桂兰", "13601187425", "无职党员"]],
                                    headers=["姓名", "手机号", "类别"]))
    assert plan.rows[0].action == UPDATE and plan.rows[0].changed == ("active",) and plan.rows[0].reactivated
    assert [w.code for w in plan.warnings] == ["reactivated"]


def test_a_new_person_without_time_is_a_warning_not_an_error(importer, tmp_path):
    plan = importer.read(write_xlsx(tmp_path / "名单.xlsx", [row(days=("",) * 7)]))
    assert plan.new_count == 1
    assert [(w.line, w.code) for w in plan.warnings] == [(2, "no_availability")]
    assert "不会排到此人" in plan.warnings[0].text


def test_two_names_with_one_phone_are_two_people_with_a_warning(importer, tmp_path):
    # A grandmother and her grandson often share her phone.
    plan = importer.read(write_xlsx(tmp_path / "名单.xlsx", [row(name="刘桂芝", phone="13912340000", kind="无职党员"),
                                                            row(name="刘小宇", phone="13912340000", kind="新时代好少年")]))
    assert plan.new_count == 2
    assert [(w.line, w.letter, w.code, w.text) for w in plan.warnings] == [
        (3, "B", "file_same_phone", "与第 2 行的手机号相同。")]
