"""The main window's menus, as a clerk uses them: each action opens its window or writes
its file, failures are messages, and the language switch retranslates the window.

Save dialogs are answered by patching `QFileDialog.getSaveFileName` (a real one would wait
for a person); the files are then read back: PDF text with pdftotext, the workbook with
openpyxl, the picture's size and pixels with QImage.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QFileDialog, QMessageBox

from roster_app import i18n
from roster_app.gui.app import open_store
from roster_app.gui.community_setup import CommunitySetupDialog
from roster_app.gui.export_menu import FOLDER_KEY, PictureScopeDialog, default_file_name
from roster_app.gui.import_dialog import ImportVolunteersDialog
from roster_app.gui.main_window import MainWindow
from roster_app.gui.reports_view import ReportsDialog
from roster_app.gui.volunteer_editor import VolunteerManager
from roster_app.output.printing import RosterPreviewDialog
from roster_app.reports.wechat_picture import WHOLE_WEEK
from tests.gui.test_roster_editing import MONDAY, TODAY, community, greedy_roster
from tests.output import pdftools


@pytest.fixture
def store(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'roster.db'}")
    cid = community(store)
    store.save_roster(cid, MONDAY, greedy_roster(store.week_scenario(cid, MONDAY)))
    yield store
    store.db.close()


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, store, settings):
    window = MainWindow(store, today=lambda: TODAY, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


class SaveDialog:
    """Stands in for QFileDialog.getSaveFileName: answers `answer` and remembers what it
    was offered (the proposed path)."""

    def __init__(self, answer: Path | None):
        self.answer = answer
        self.offered: list[str] = []

    def __call__(self, parent, title, proposed, filter_text=""):
        self.offered.append(proposed)
        return (str(self.answer) if self.answer else "", "")


@pytest.fixture
def messages(monkeypatch):
    """QMessageBox.warning recorded instead of shown."""
    seen = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: seen.append((title, text)))
    return seen


def save_to(monkeypatch, path: Path | None) -> SaveDialog:
    dialog = SaveDialog(path)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return dialog


def menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def names_on_duty(store) -> set[str]:
    scenario = store.week_scenario(community(store), MONDAY)
    roster = store.week_roster(community(store), MONDAY)
    names = {v.id: v.name for v in scenario.volunteers}
    return {names[a.volunteer] for a in roster.assignments}


def phones(store) -> dict[str, str]:
    return {vid: d.phone for vid, d in store.volunteer_details(community(store)).items() if d.phone}


# --- where everything is --------------------------------------------------------------------


def test_every_window_and_output_has_a_menu_entry(window):
    assert menu_titles(window) == ["文件(&F)", "编辑(&E)", "排班(&R)", "数据(&D)", "统计(&S)", "设置(&T)", "帮助(&H)"]
    file_texts = [a.text() for a in window.file_menu.actions()]
    assert file_texts[:5] == ["打印(&R)", "打印预览(&P)", "导出 PDF(&D)", "导出 Excel…", "导出微信图片…"]
    assert [a.text() for a in window.outputs.print_menu.actions()] == ["本周排班表…", "门岗值班表（张贴用）…", "个人值班单…"]
    assert [a.text() for a in window.outputs.preview_menu.actions()] == ["本周排班表", "门岗值班表（张贴用）", "个人值班单"]
    assert [a.text() for a in window.data_menu.actions() if not a.isSeparator()] == [
        "志愿者名册…", "导入志愿者…", "社区设置…", "新建社区…"]
    assert [a.text() for a in window.stats_menu.actions()] == ["服务统计…"]
    assert [a.text() for a in window.language_menu.actions()] == ["中文", "English"]
    assert window.language_actions["zh_CN"].isChecked()
    assert not window.outputs.full_phones_action.isChecked()  # masked unless the clerk asks


# The register and the reports raise their window; the offscreen platform cannot, and says so.
@pytest.mark.qt_log_ignore("does not support raise")
@pytest.mark.parametrize(("action", "kind"), [
    ("volunteers_action", VolunteerManager),
    ("import_action", ImportVolunteersDialog),
    ("setup_action", CommunitySetupDialog),
    ("reports_action", ReportsDialog),
])
def test_each_data_and_statistics_entry_opens_its_window(qtbot, window, action, kind):
    getattr(window, action).trigger()
    opened = [w for w in window.findChildren(kind) if w.isVisible()]
    assert len(opened) == 1
    assert getattr(opened[0], "community_id", community(window.store)) == community(window.store)
    assert window.statusBar().currentMessage().startswith("已打开")
    opened[0].close()


def test_a_window_that_fails_to_open_gives_a_message(qtbot, window, messages, monkeypatch):
    import roster_app.gui.reports_view as reports_view

    def broken(*args):
        raise RuntimeError("数据库忙")

    monkeypatch.setattr(reports_view, "open_reports", broken)
    window.reports_action.trigger()
    assert messages == [("打开“服务统计”失败", "数据库忙")]
    assert "失败" in window.statusBar().currentMessage()


# --- printing and files ------------------------------------------------------------------------


def test_print_preview_shows_the_week(qtbot, window):
    window.outputs.preview_actions["week"].trigger()
    dialog = window.outputs.last_dialog
    assert isinstance(dialog, RosterPreviewDialog) and dialog.isVisible()
    widget = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() > 0)
    assert dialog.pages_rendered == widget.pageCount()
    assert "打印预览" in window.statusBar().currentMessage()
    dialog.reject()


def test_export_pdf_proposes_a_name_and_writes_the_week(qtbot, window, store, tmp_path, monkeypatch):
    dialog = save_to(monkeypatch, tmp_path / "week.pdf")
    window.outputs.pdf_actions["week"].trigger()
    assert Path(dialog.offered[0]).name == "玉带路社区-2026-11-23周-排班表.pdf"
    text = pdftools.text(tmp_path / "week.pdf")
    assert "玉带路社区" in text
    assert all(name in text.replace(" ", "") for name in list(names_on_duty(store))[:5])
    assert window.statusBar().currentMessage().startswith("已导出 PDF")
    # The folder is remembered for the next file.
    assert window._settings.value(FOLDER_KEY) == str(tmp_path)
    window.outputs.pdf_actions["slips"].trigger()
    assert Path(dialog.offered[1]) == tmp_path / "玉带路社区-2026-11-23周-个人值班单.pdf"


def test_gate_sheets_mask_phones_unless_the_box_is_ticked(qtbot, window, store, tmp_path, monkeypatch):
    on_duty = {a.volunteer for a in store.week_roster(community(store), MONDAY).assignments}
    phone = next(p for vid, p in sorted(phones(store).items()) if vid in on_duty)
    save_to(monkeypatch, tmp_path / "gates.pdf")
    window.outputs.pdf_actions["gates"].trigger()
    masked = pdftools.text(tmp_path / "gates.pdf").replace(" ", "")
    assert phone not in masked and f"{phone[:3]}****{phone[-4:]}" in masked

    window.outputs.full_phones_action.trigger()  # the clerk ticks 输出完整手机号
    assert "完整手机号" in window.statusBar().currentMessage()
    save_to(monkeypatch, tmp_path / "gates-full.pdf")
    window.outputs.pdf_actions["gates"].trigger()
    assert phone in pdftools.text(tmp_path / "gates-full.pdf").replace(" ", "")


def test_export_excel_writes_the_roster(qtbot, window, store, tmp_path, monkeypatch):
    dialog = save_to(monkeypatch, tmp_path / "week")  # no suffix typed: .xlsx is added
    window.outputs.xlsx_action.trigger()
    assert Path(dialog.offered[0]).name == "玉带路社区-2026-11-23周-排班表.xlsx"
    book = openpyxl.load_workbook(tmp_path / "week.xlsx")
    cells = " ".join(str(c.value) for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value)
    assert all(name in cells for name in names_on_duty(store))
    masked = phones(store)
    assert not any(p in cells for p in masked.values())  # masked by default
    assert window.statusBar().currentMessage().startswith("已导出 Excel")


def test_wechat_picture_of_one_gate(qtbot, window, store, tmp_path, monkeypatch):
    dialog = save_to(monkeypatch, tmp_path / "east.png")
    window.outputs.picture_action.trigger()
    chooser = window.outputs.last_dialog
    assert isinstance(chooser, PictureScopeDialog) and chooser.isVisible()
    assert chooser.week_button.isChecked() and not chooser.gate_box.isEnabled()
    qtbot.mouseClick(chooser.gate_button, Qt.MouseButton.LeftButton)
    assert chooser.gate_box.isEnabled()
    chooser.gate_box.setCurrentIndex(1)
    gate_name = chooser.gate_box.currentText()
    chooser.accept()
    assert Path(dialog.offered[0]).name == f"玉带路社区-2026-11-23周-{gate_name}.png"
    image = QImage(str(tmp_path / "east.png"))
    assert image.width() == 1080 and image.height() > 1000
    assert len({image.pixel(540, y) for y in range(0, image.height(), 7)}) > 3  # not blank
    assert window.statusBar().currentMessage().startswith("已导出微信图片")


def test_wechat_picture_of_one_day_is_named_after_it(qtbot, window, tmp_path, monkeypatch):
    dialog = save_to(monkeypatch, tmp_path / "day.png")
    window.outputs.picture_action.trigger()
    chooser = window.outputs.last_dialog
    qtbot.mouseClick(chooser.day_button, Qt.MouseButton.LeftButton)
    assert chooser.day_box.currentData() == TODAY  # today is offered first
    chooser.accept()
    assert Path(dialog.offered[0]).name == "玉带路社区-2026-11-23周-11-25周三.png"
    assert QImage(str(tmp_path / "day.png")).width() == 1080


def test_cancelling_the_save_dialog_writes_nothing(qtbot, window, tmp_path, monkeypatch):
    save_to(monkeypatch, None)
    assert window.outputs.export_xlsx() is None
    assert list(tmp_path.glob("*.xlsx")) == []
    assert window.statusBar().currentMessage() == "已取消。"


def test_a_file_that_cannot_be_written_is_a_message_not_a_traceback(qtbot, window, tmp_path, monkeypatch, messages):
    save_to(monkeypatch, tmp_path / "no such folder" / "week.pdf")
    window.outputs.pdf_actions["week"].trigger()
    assert len(messages) == 1 and messages[0][0] == "导出 PDF 失败"
    assert "无法写入文件" in messages[0][1]
    assert window.statusBar().currentMessage().startswith("导出 PDF 失败")
    save_to(monkeypatch, tmp_path / "no such folder" / "week.png")
    assert window.outputs.export_picture(WHOLE_WEEK) is None
    assert messages[-1][0] == "导出微信图片失败"


def test_default_file_names_leave_out_what_file_systems_refuse():
    assert default_file_name("东/西:社区", dt.date(2026, 11, 23), "排班表", "pdf") == "东-西-社区-2026-11-23周-排班表.pdf"


# --- language -----------------------------------------------------------------------------------

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>MainWindow</name>
    <message><source>文件(&amp;F)</source><translation>&amp;File</translation></message>
    <message><source>数据(&amp;D)</source><translation>&amp;Data</translation></message>
    <message><source>自动排班</source><translation>Auto-schedule</translation></message>
    <message><source>界面语言：{name}</source><translation>Language: {name}</translation></message>
</context>
<context>
    <name>OutputActions</name>
    <message><source>导出 Excel…</source><translation>Export Excel…</translation></message>
</context>
</TS>
"""


@pytest.fixture
def english(tmp_path, monkeypatch, qapp, window):
    """A tiny English catalogue, built as the set-up builds the real one; the window's
    translators back to Chinese after the test, whatever happened in it."""
    monkeypatch.setattr(i18n, "TRANSLATIONS", tmp_path / "translations")
    i18n.TRANSLATIONS.mkdir()
    i18n.ts_file("en").write_text(TS, encoding="utf-8")
    i18n.release()
    yield
    window.translators.install(qapp, "zh_CN")


def test_switching_the_language_retranslates_the_open_window(qtbot, window, english, settings):
    window.language_actions["en"].trigger()
    assert QCoreApplication.translate("MainWindow", "自动排班") == "Auto-schedule"
    titles = menu_titles(window)
    assert titles[0] == "&File" and titles[3] == "&Data"
    assert window.solve_button.text() == "Auto-schedule"
    assert window.outputs.xlsx_action.text() == "Export Excel…"
    assert window.language_actions["en"].isChecked()
    assert window.statusBar().currentMessage() == "Language: English"
    assert i18n.saved_language(settings) == "en"
    assert QCoreApplication.translate("MainWindow", "自动排班") == "Auto-schedule"

    window.language_actions["zh_CN"].trigger()
    assert menu_titles(window)[:4] == ["文件(&F)", "编辑(&E)", "排班(&R)", "数据(&D)"]
    assert window.solve_button.text() == "自动排班"
    assert i18n.saved_language(settings) == "zh_CN"


def test_a_language_installed_elsewhere_reaches_the_window_too(qtbot, qapp, window, english):
    """LanguageChange, however the translators change, retranslates the window."""
    window.translators.install(qapp, "en")
    qtbot.waitUntil(lambda: menu_titles(window)[0] == "&File")
    assert window.solve_button.text() == "Auto-schedule"
    window.translators.install(qapp, "zh_CN")
    qtbot.waitUntil(lambda: menu_titles(window)[0] == "文件(&F)")


def test_a_missing_catalogue_keeps_chinese_and_says_so(qtbot, window, tmp_path, monkeypatch, messages, settings):
    monkeypatch.setattr(i18n, "TRANSLATIONS", tmp_path / "nothing here")
    assert not window.set_language("en")
    assert window.language_actions["zh_CN"].isChecked()
    assert menu_titles(window)[0] == "文件(&F)"
    assert messages and messages[0][0] == "切换语言"
    assert i18n.saved_language(settings) == "zh_CN"


def test_the_document_labels_of_the_menus_are_the_documents_own_in_both_languages(qtbot, qapp, window, tmp_path,
                                                                                   monkeypatch):
    """The menus name the documents without importing roster_app.output (the window opens
    faster); their words must still be `DocumentKind.label`'s, Chinese and English."""
    import shutil

    from roster_app.gui.export_menu import KINDS, document_label
    from roster_app.output import DocumentKind

    assert [document_label(k) for k in KINDS] == [DocumentKind(k).label for k in KINDS] == [
        "本周排班表", "门岗值班表（张贴用）", "个人值班单"]
    real_ts = i18n.ts_file("en")
    monkeypatch.setattr(i18n, "TRANSLATIONS", tmp_path / "translations")
    i18n.TRANSLATIONS.mkdir()
    shutil.copyfile(real_ts, i18n.ts_file("en"))
    i18n.release()
    try:
        assert window.translators.install(qapp, "en")
        english = [document_label(k) for k in KINDS]
        assert english == [DocumentKind(k).label for k in KINDS]
        assert english[2] == "Personal slips"
        qtbot.waitUntil(lambda: [a.text() for a in window.outputs.preview_menu.actions()] == english)
    finally:
        window.translators.install(qapp, "zh_CN")
