"""The import dialog driven as a clerk: choose a bad file in the file dialog, read the
problems with their lines, fix the file, 重新读取, check the preview, 导入 — and find the
people in the register and the week's scenario. Also 下载模板 and dropping a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from roster_app.gui.import_dialog import (
    ImportPreviewModel,
    ImportProblemModel,
    ImportVolunteersDialog,
    open_import_dialog,
    week_summary,
)
from roster_app.importing import ImportRejected
from roster_app.importing.template import LIST_SHEET
from tests.importing.conftest import WEEK, fill_template, row, snapshot, write_xlsx

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot, store, demo_id) -> ImportVolunteersDialog:
    shown = ImportVolunteersDialog(store, demo_id)
    qtbot.add_widget(shown)
    shown.show()
    return shown


def test_the_entry_point_opens_the_dialog_without_blocking(qtbot, store, demo_id):
    opened = open_import_dialog(None, store, demo_id)
    assert isinstance(opened, ImportVolunteersDialog) and opened.isVisible()
    assert opened.windowTitle() == "从 Excel 导入志愿者"
    assert opened.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    gone: list[bool] = []
    opened.destroyed.connect(lambda *_: gone.append(True))
    opened.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert gone == [True]


def table(model) -> list[list[str]]:
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]


def choose_in_file_dialog(qtbot, dialog: ImportVolunteersDialog, button, path: Path) -> None:
    """Presses `button`, then picks `path` in the file dialog it opens, as a clerk does."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    file_dialog = dialog.file_dialog
    assert isinstance(file_dialog, QFileDialog) and file_dialog.isVisible()
    file_dialog.selectFile(str(path))
    file_dialog.accept()


BAD_ROWS = [
    row(name="李明", phone="1391234000"),                                   # line 2: phone
    row(name="赵六", phone="13700000001", kind="党员"),                     # line 3: kind
    row(name="钱七", phone="13700000002", days=("早班、夜班",) + ("",) * 6),  # line 4: slot
    row(name="孙立新", phone="13700000003", kind="群众"),                    # line 5: fine
]


def test_a_clerk_imports_a_list_after_fixing_the_bad_rows(qtbot, dialog, store, demo_id, db, tmp_path):
    path = write_xlsx(tmp_path / "志愿者名单.xlsx", BAD_ROWS)
    before = snapshot(db)
    choose_in_file_dialog(qtbot, dialog, dialog.choose_button, path)

    assert dialog.pages.currentWidget() is dialog.problem_view
    assert table(dialog.problem_model) == [
        ["2", "B（手机号）", "“1391234000”不是 11 位手机号（1 开头，第二位是 3–9），也可以不填。"],
        ["3", "C（类别）", "没有“党员”这个类别，可填：在职党员、无职党员、下沉干部、社区工作者、群众、青年志愿者、新时代好少年、社工。"],
        ["4", "I（周一）", "没有“夜班”这个时段。本社区的时段：早班（06:00–08:00）、上午（08:00–12:00）、"
                         "下午（12:00–18:00）、晚班（18:00–22:00）；多个用“、”分隔，“全天”表示所有时段。"],
    ]
    assert "发现 3 处问题（涉及 3 行），没有导入任何人" in dialog.summary_label.text()
    assert not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)  # disabled: does nothing
    assert snapshot(db) == before

    # The clerk fixes the file in Excel and reads it again.
    fixed = [row(name="李明", phone="13912340000"), row(name="赵六", phone="13700000001", kind="群众"),
             row(name="钱七", phone="13700000002", days=("早班、晚班",) + ("",) * 6), BAD_ROWS[3],
             row(name="张桂兰", phone="13601187425", kind="无职党员", building="3号楼", grid="第一网格",
                 days=("上午",) + ("",) * 6)]
    write_xlsx(path, fixed)
    qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentWidget() is dialog.preview_view
    preview = table(dialog.preview_model)
    assert [r[:3] for r in preview] == [["2", "新增", "李明"], ["3", "新增", "赵六"], ["4", "新增", "钱七"],
                                        ["5", "新增", "孙立新"], ["6", "更新", "张桂兰（v01）"]]
    assert preview[4][ImportPreviewModel.NOTE] == "改：可值班时间"
    assert preview[2][ImportPreviewModel.WEEK] == "周一 早班、晚班"
    assert "新增 <b>4</b> 人，更新 <b>1</b> 人，无变化 0 人" in dialog.summary_label.text()
    assert dialog.import_button.isEnabled()
    assert snapshot(db) == before  # reading never writes

    with qtbot.waitSignal(dialog.imported, timeout=5000) as heard:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    result = heard.args[0]
    assert [r.name for r in result.added] == ["李明", "赵六", "钱七", "孙立新"]
    assert [r.code for r in result.updated] == ["v01"]
    assert not dialog.isVisible()
    people = {v.name: v for v in store.week_scenario(demo_id, WEEK).volunteers}
    assert people["钱七"].available == {"mon": ("early", "eve")}
    assert people["赵六"].kind == "resident" and people["张桂兰"].available == {"mon": ("am",)}


def test_a_file_that_is_no_list_is_shown_as_one_problem_of_the_whole_file(qtbot, dialog, tmp_path):
    path = tmp_path / "照片.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
    assert dialog.load(path) is None
    assert table(dialog.problem_model) == [["整个文件", "", "这不是表格文件：既不是 Excel（.xlsx），也不是 CSV 文本。"]]
    assert "无法读取这个文件，没有导入任何人" in dialog.summary_label.text()


def test_an_import_refused_at_write_time_shows_why_and_writes_nothing(qtbot, dialog, demo_id, db, tmp_path):
    dialog.load(write_xlsx(tmp_path / "名单.xlsx", [row()]))
    assert dialog.import_button.isEnabled()
    dialog.importer.edits.set_active(demo_id, ["v05"], False)  # someone edits the register meanwhile
    before = snapshot(db)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result is None
    assert [p.code for p in dialog.problems] == ["register_changed"]
    assert snapshot(db) == before
    qtbot.mouseClick(dialog.reload_button, Qt.MouseButton.LeftButton)
    assert dialog.import_button.isEnabled()


def test_a_list_the_register_already_has_offers_nothing_to_import(qtbot, dialog, tmp_path):
    dialog.load(write_xlsx(tmp_path / "名单.xlsx", [["张桂兰", "13601187425", "无职党员"]],
                           headers=["姓名", "手机号", "类别"]))
    assert table(dialog.preview_model)[0][:2] == ["2", "无变化"]
    assert not dialog.import_button.isEnabled()
    assert "没有要导入的内容" in dialog.summary_label.text()


def test_the_clerk_downloads_the_template_fills_it_and_imports_it(qtbot, dialog, store, demo_id, tmp_path):
    target = tmp_path / "模板"
    choose_in_file_dialog(qtbot, dialog, dialog.template_button, target)
    saved = tmp_path / "模板.xlsx"
    assert saved.exists() and "模板已保存" in dialog.status_label.text()
    filled = fill_template(saved, [row(name="周芳", phone="13811112222", kind="下沉干部")], tmp_path / "周芳.xlsx")
    plan = dialog.load(filled)
    assert plan is not None and plan.sheet == LIST_SHEET and plan.new_count == 1
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    person = {v.name: v for v in store.week_scenario(demo_id, WEEK).volunteers}["周芳"]
    assert (person.kind, person.party_member, person.employed, person.registered) == ("cadre", True, True, True)


def test_the_template_can_be_saved_as_csv(qtbot, dialog, tmp_path):
    assert dialog.save_template(tmp_path / "模板.csv") == tmp_path / "模板.csv"
    assert (tmp_path / "模板.csv").read_bytes().startswith(b"\xef\xbb\xbf\xe5\xa7\x93\xe5\x90\x8d")  # BOM 姓名
    with pytest.raises(ImportRejected):
        dialog.importer.read(tmp_path / "模板.csv")
    assert dialog.save_template(tmp_path / "没有这个文件夹" / "模板.xlsx") is None
    assert "模板没有保存" in dialog.status_label.text()


def test_a_file_dropped_on_the_dialog_is_read(qtbot, dialog, tmp_path):
    path = write_xlsx(tmp_path / "名单.xlsx", [row()])
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(dialog, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(dialog, drop)
    assert dialog.path == path and dialog.plan is not None and dialog.plan.new_count == 1


def test_the_models_pass_the_model_tester(qtmodeltester, dialog, tmp_path):
    dialog.load(write_xlsx(tmp_path / "好.xlsx", [row(), row(name="赵六", phone="13700000001", days=("",) * 7)]))
    qtmodeltester.check(dialog.preview_model)
    dialog.load(write_xlsx(tmp_path / "坏.xlsx", BAD_ROWS))
    qtmodeltester.check(dialog.problem_model)
    qtmodeltester.check(ImportPreviewModel())
    qtmodeltester.check(ImportProblemModel())


def test_the_week_in_a_few_words(importer):
    layout = importer.layout()
    every = {(d, s.code) for d in range(7) for s in layout.slots}
    assert week_summary(frozenset(), layout) == "（未填）"
    assert week_summary(frozenset(every), layout) == "周一–周日 全天"
    workdays = {(d, c) for d in range(5) for c in ("am", "pm")} | {(5, "early")}
    assert week_summary(frozenset(workdays), layout) == "周一–周五 上午、下午；周六 早班"
