"""Writing an import plan: a good .xlsx and a good GB18030 .csv end up in the week's
scenario, the template filled in imports cleanly, and a failure anywhere — the database
refusing a row part-way, the register changed since reading — leaves the database
exactly as it was."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from roster_app.importing import ImportRejected, write_template
from roster_app.importing.template import HELP_SHEET, LIST_SHEET
from roster_app.persistence.volunteer_batch import BatchValidationError, RegisterChanged, save_volunteers
from roster_app.persistence.volunteer_edit import VolunteerRecord
from tests.importing.conftest import (
    HEADERS,
    WEEK,
    fail_inserts_into,
    fill_template,
    row,
    snapshot,
    write_csv,
    write_xlsx,
)

MON, TUE, SAT = 0, 1, 5


def scenario_by_name(store, community_id):
    return {v.name: v for v in store.week_scenario(community_id, WEEK).volunteers}


def test_a_good_xlsx_is_imported_and_the_solver_sees_the_people(importer, store, demo_id, tmp_path):
    heard: list[int] = []
    store.subscribe(heard.append)
    path = write_xlsx(tmp_path / "名单.xlsx", [
        row(name="李明", phone="13912340000", kind="在职党员", building="5号楼", skills="外语翻译", hours=6,
            days=("早班、晚班", "晚班", "", "", "", "全天", "")),
        row(name="赵六", phone="13700000001", kind="群众", building="2号楼", registered="",
            days=("上午、下午",) * 5 + ("", "")),
        row(name="张桂兰", phone="13601187425", kind="无职党员", building="3号楼", grid="",
            days=("上午",) + ("",) * 6),
    ])
    plan = importer.read(path)
    assert (plan.new_count, plan.update_count) == (2, 1)
    result = importer.apply(plan)
    assert [r.code for r in result.added] == ["v39", "v40"] and [r.code for r in result.updated] == ["v01"]
    assert heard == [demo_id]  # the window reloads once, not once per person

    people = scenario_by_name(store, demo_id)
    li = people["李明"]
    assert (li.id, li.kind, li.party_member, li.employed, li.registered) == ("v39", "employed_party", True, True, True)
    assert li.available == {"mon": ("early", "eve"), "tue": ("eve",), "sat": ("early", "am", "pm", "eve")}
    assert (li.skills, li.building, li.max_hours_per_week) == (("translation",), "5号楼", 6)
    zhao = people["赵六"]
    assert (zhao.kind, zhao.party_member, zhao.registered) == ("resident", False, False)
    assert zhao.available["fri"] == ("am", "pm") and "sat" not in zhao.available
    assert people["张桂兰"].available == {"mon": ("am",)}
    assert people["张桂兰"].allowed_gates == ("east",)  # not in the list: kept
    assert len(people) == 40

    # The same file again changes nothing: everyone is now "unchanged".
    again = importer.read(path)
    assert (again.new_count, again.update_count, again.unchanged_count) == (0, 0, 3)


def test_a_good_gb18030_csv_is_imported(importer, store, demo_id, tmp_path):
    path = write_csv(tmp_path / "名单.csv", [
        row(name="欧阳娜娜", phone="13912340000", kind="青年志愿者", building="9号楼",
            days=("", "", "", "", "", "早班、上午", "下午")),
        row(name="钱七", phone="", kind="社工", days=("全天",) + ("",) * 6),
    ], encoding="gb18030")
    assert path.read_bytes()[:3] != b"\xef\xbb\xbf" and "欧阳娜娜".encode("gb18030") in path.read_bytes()
    importer.apply(importer.read(path))
    people = scenario_by_name(store, demo_id)
    assert people["欧阳娜娜"].available == {"sat": ("early", "am"), "sun": ("pm",)}
    assert people["欧阳娜娜"].kind == "youth" and people["钱七"].kind == "social_worker"
    assert people["钱七"].available == {"mon": ("early", "am", "pm", "eve")}


def test_the_template_filled_in_imports_cleanly(importer, store, demo_id, tmp_path):
    for name in ("模板.xlsx", "模板.csv"):
        path = write_template(tmp_path / name, importer.layout())
        with pytest.raises(ImportRejected) as caught:  # as downloaded: a header and nothing else
            importer.read(path)
        assert [p.code for p in caught.value.problems] == ["no_rows"]

    workbook = load_workbook(tmp_path / "模板.xlsx")
    assert workbook.sheetnames == [LIST_SHEET, HELP_SHEET]
    sheet = workbook[LIST_SHEET]
    assert [c.value for c in sheet[1]] == HEADERS
    assert sheet.freeze_panes == "B2"
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation if v.type == "list"}
    assert lists["C2:C1001"] == '"在职党员,无职党员,下沉干部,社区工作者,群众,青年志愿者,新时代好少年,社工"'
    assert lists["H2:H1001"] == '"是,否"'
    help_text = " ".join(str(c.value) for r in workbook[HELP_SHEET].iter_rows() for c in r if c.value)
    assert "早班（06:00–08:00）" in help_text and "在职党员" in help_text

    filled = fill_template(tmp_path / "模板.xlsx", [
        ["李明", "13912340000", "在职党员", "5号楼", "第二网格", "外语翻译", 8, "是",
         "早班、晚班", "晚班", None, None, None, "全天", None],
        ["王秀英", "13800001111", "无职党员", "3号楼", "第一网格", None, None, "否",
         "上午、下午", "上午、下午", "上午", None, None, None, None],
    ], tmp_path / "填好的.xlsx")
    plan = importer.read(filled)
    assert plan.sheet == LIST_SHEET and plan.warnings == ()
    importer.apply(plan)
    people = scenario_by_name(store, demo_id)
    assert people["李明"].available == {"mon": ("early", "eve"), "tue": ("eve",), "sat": ("early", "am", "pm", "eve")}
    assert people["王秀英"].available == {"mon": ("am", "pm"), "tue": ("am", "pm"), "wed": ("am",)}

    csv_path = tmp_path / "模板.csv"
    csv_path.write_bytes(csv_path.read_bytes() + "赵六,13700000001,群众,,,,,,上午,,,,,,\r\n".encode("utf-8"))
    importer.apply(importer.read(csv_path))
    assert scenario_by_name(store, demo_id)["赵六"].available == {"mon": ("am",)}


def test_a_database_failing_part_way_leaves_everything_as_it_was(importer, store, demo_id, db, tmp_path):
    rows = [row(name=f"新人{i}", phone=f"1390000{i:04d}", kind="群众", days=("上午",) * 7) for i in range(12)]
    rows.append(row(name="张桂兰", phone="13601187425", kind="无职党员", days=("下午",) + ("",) * 6))
    plan = importer.read(write_xlsx(tmp_path / "名单.xlsx", rows))
    # The eighth new person's availability is refused: seven people are written by then.
    fail_inserts_into(db, "availability", "NEW.volunteer_id = (SELECT MAX(id) FROM volunteers) "
                                           "AND (SELECT COUNT(*) FROM volunteers) >= 38 + 8")
    heard: list[int] = []
    store.subscribe(heard.append)
    before = snapshot(db)
    with pytest.raises(ImportRejected) as caught:
        importer.apply(plan)
    assert [p.code for p in caught.value.problems] == ["database_error"]
    assert "没有导入任何人" in caught.value.problems[0].text
    assert snapshot(db) == before
    assert heard == []


def test_a_register_changed_since_reading_is_refused_and_nothing_written(importer, demo_id, db, tmp_path):
    plan = importer.read(write_xlsx(tmp_path / "名单.xlsx", [row()]))
    edited = importer.edits.volunteer(demo_id, "v02")
    importer.edits.update(demo_id, VolunteerRecord(**{**edited.__dict__, "building": "16号楼"}))
    before = snapshot(db)
    with pytest.raises(ImportRejected) as caught:
        importer.apply(plan)
    assert [p.code for p in caught.value.problems] == ["register_changed"]
    assert "重新读取" in caught.value.problems[0].text
    assert snapshot(db) == before
    importer.apply(importer.read(tmp_path / "名单.xlsx"))  # read again, it goes through


def test_the_batch_refuses_bad_records_and_unknown_people_whole(importer, store, demo_id, db):
    edits = importer.edits
    before = snapshot(db)
    good = VolunteerRecord(name="李明", kind="resident", availability=frozenset({(MON, "am")}))
    with pytest.raises(BatchValidationError) as caught:
        save_volunteers(edits, demo_id, [good, VolunteerRecord(name="", kind="resident")])
    assert [i for i, _ in caught.value.problems] == [1]
    with pytest.raises(BatchValidationError) as caught:
        save_volunteers(edits, demo_id, [good], [VolunteerRecord(code="v999", name="无此人", kind="resident")])
    assert caught.value.problems[0][1][0].code == "unknown_person"
    with pytest.raises(RegisterChanged):
        save_volunteers(edits, demo_id, [good], expected=edits.volunteers(demo_id)[1:])
    assert snapshot(db) == before
    added, updated = save_volunteers(edits, demo_id, [good, good], expected=edits.volunteers(demo_id))
    assert [r.code for r in added] == ["v39", "v40"] and updated == []
