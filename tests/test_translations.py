"""The English catalogue (resources/translations/gateroster_en.ts) is complete and current.

Every message has an English translation; the catalogue matches the sources (lupdate over
the current code finds no string without English and none that is gone); placeholders,
accelerators and markup survive translation; and with the compiled catalogue installed,
the main window speaks English — including strings that modules translate through their
own module-level helpers (found through the catalogue's empty-context fallback).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QLabel

from roster_app import i18n

TS = i18n.ts_file("en")
MONDAY = dt.date(2026, 11, 23)


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translations: tuple[str, ...]  # one, or the numerus forms
    state: str  # the translation's type attribute: "" when finished
    locations: tuple[str, ...]  # "roster_app/gui/x.py:12", relative to the repository

    @property
    def where(self) -> str:
        return ", ".join(self.locations) or "(no location)"

    def __str__(self) -> str:
        return f"[{self.context or '<module helper>'}] {self.source!r} at {self.where}"


def read_ts(path: Path) -> list[Message]:
    out = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"a message without <translation> in {path}"
            forms = translation.findall("numerusform")
            texts = tuple(f.text or "" for f in forms) if forms else (translation.text or "",)
            locations = tuple(
                f"{(path.parent / loc.get('filename', '')).resolve().relative_to(i18n.REPO)}:{loc.get('line')}"
                for loc in message.iter("location"))
            out.append(Message(name, message.findtext("source") or "", texts, translation.get("type", ""),
                               locations))
    return out


MESSAGES = read_ts(TS)


# --- (a) complete ------------------------------------------------------------------------

def test_the_catalogue_is_not_empty():
    # A broken parse or a wrongly placed file would make every other check vacuous.
    assert len(MESSAGES) > 500
    assert len({(m.context, m.source) for m in MESSAGES}) == len(MESSAGES)


def test_every_message_has_an_english_translation():
    bad = [str(m) for m in MESSAGES if m.state or not all(t.strip() for t in m.translations)]
    assert not bad, "messages without a finished English translation:\n" + "\n".join(bad)


def test_translations_are_english():
    # A Chinese source copied into the translation is not a translation. The few allowed
    # Chinese words are values the clerk types into the import template, which the
    # importer reads in Chinese whatever the interface language.
    allowed = {"是", "否", "全天", "、", "姓名", "类别", "志愿者名单", "周一", "周日", "外语翻译", "医疗", "心理疏导", "语言"}
    han = re.compile(r"[\u3400-\u9fff]+")
    bad = [f"{m}: {t!r}" for m in MESSAGES for t in m.translations if set(han.findall(t)) - allowed]
    assert not bad, "translations with Chinese left in them:\n" + "\n".join(bad)


# --- (b) up to date ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def refreshed(tmp_path_factory) -> list[Message]:
    """The catalogue as `python -m roster_app.i18n update` would make it from the current
    sources, written to a temporary copy."""
    copy = tmp_path_factory.mktemp("ts") / TS.name
    shutil.copyfile(TS, copy)
    subprocess.run(i18n.lupdate_command(copy), check=True, capture_output=True)
    return read_ts(copy)


def test_no_source_string_lacks_english(refreshed):
    new = [str(m) for m in refreshed if m.state or not all(t.strip() for t in m.translations)]
    assert not new, (
        "user-visible strings in the sources without English: run `python -m roster_app.i18n update` "
        "and translate them in resources/translations/gateroster_en.ts:\n" + "\n".join(new))


def test_no_translated_string_has_vanished_from_the_sources(refreshed):
    current = {(m.context, m.source) for m in refreshed}
    gone = [str(m) for m in MESSAGES if (m.context, m.source) not in current]
    assert not gone, ("messages no longer in the sources: run `python -m roster_app.i18n update`:\n"
                      + "\n".join(gone))


# --- (c) placeholders, accelerators, markup ------------------------------------------------

FIELD = re.compile(r"\{(\w*)(?:[:!][^{}]*)?\}")  # str.format fields: {name}, {t:.1f}
QT_ARG = re.compile(r"%(?:\d+|n)")  # QString::arg and numerus
TAG = re.compile(r"</?([a-zA-Z]+)[^>]*>")
ACCELERATOR = re.compile(r"&(?!&)\w")


def test_placeholders_survive():
    bad = []
    for m in MESSAGES:
        for text in m.translations:
            for pattern in (FIELD, QT_ARG):
                if set(pattern.findall(m.source)) != set(pattern.findall(text)):
                    bad.append(f"{m}: {pattern.findall(m.source)} -> {text!r}")
    assert not bad, "placeholders changed in translation:\n" + "\n".join(bad)


def test_markup_and_accelerators_survive():
    bad = []
    for m in MESSAGES:
        for text in m.translations:
            if sorted(TAG.findall(m.source)) != sorted(TAG.findall(text)):
                bad.append(f"{m}: tags -> {text!r}")
            if len(ACCELERATOR.findall(m.source)) != len(ACCELERATOR.findall(text)):
                bad.append(f"{m}: accelerator -> {text!r}")
            if m.source.count("\n") != text.count("\n"):
                bad.append(f"{m}: line breaks -> {text!r}")
    assert not bad, "\n".join(bad)


def test_the_checks_catch_a_broken_translation():
    # The checks above would pass on anything if the patterns matched nothing.
    assert set(FIELD.findall("{name} 的 {t:.1f} 秒")) == {"name", "t"}
    assert set(FIELD.findall("{name} took {t:.1f} s")) != set(FIELD.findall("{nom} took s"))
    assert ACCELERATOR.findall("文件(&F)") and not ACCELERATOR.findall("Fish & chips")
    assert sorted(TAG.findall("<b>{n}</b> 人")) != sorted(TAG.findall("{n} people"))


def test_the_domain_words_are_the_agreed_ones():
    """DOMAIN.md's vocabulary, as the window shows it."""
    by_source = {(m.context, m.source): m.translations[0] for m in MESSAGES}
    assert by_source[("Kinds", "在职党员")] == "Employed party member"
    assert by_source[("Kinds", "无职党员")] == "Non-employed party member"
    assert by_source[("Kinds", "下沉干部")] == "Seconded cadre"
    assert by_source[("MainWindow", "自动排班")] == "Auto-schedule"
    assert by_source[("MainWindow", "谁能顶岗")] == "Who can cover"
    assert by_source[("Reports", "人次")] == "Person-times"
    assert by_source[("Reports", "服务时长（小时）")] == "Service hours"
    assert by_source[("", "工作日")] == "Workday" and by_source[("", "休息日")] == "Rest day"
    assert by_source[("", "调休上班")] == "Adjusted working day"


# --- (d) the window in English -------------------------------------------------------------

@pytest.fixture
def english(qapp, tmp_path):
    """The compiled catalogue (built here from the .ts, as the set-up does) installed."""
    qm = tmp_path / "gateroster_en.qm"
    subprocess.run([i18n._tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(qm)], check=True)
    translator = i18n.CatalogueTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_module_level_helpers_are_translated(english):
    # Strings of module-level tr()/_tr() helpers sit in the empty context of the
    # catalogue; at run time they are asked for under the module's own context.
    from roster_app.gui.setup_models import staffing_text

    assert staffing_text(None) == "Closed"
    assert QCoreApplication.translate("EditCommands", "重做：") == "Redo: "
    assert QCoreApplication.translate("Reports", "{first}至{last}") == "{first} to {last}"
    # A class's own context still wins over the empty one, and unknown text stays as it is.
    assert QCoreApplication.translate("Terms", "缺岗") == "Short of people"
    assert QCoreApplication.translate("Nowhere", "没有这句") == "没有这句"


def test_main_window_speaks_english(english, qtbot, tmp_path):
    from roster_app.gui.main_window import MainWindow
    from roster_app.persistence.database import Database
    from roster_app.persistence.store import RosterStore

    store = RosterStore(Database("sqlite://"))
    store.load_demo(MONDAY)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, today=lambda: MONDAY + dt.timedelta(days=2), settings=settings)
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.file_menu.title() == "&File"
        assert window.roster_menu.title() == "&Roster"
        assert window.solve_button.text() == "Auto-schedule"
        assert window.publish_button.text() == "Publish"
        tabs = [window.side_tabs.tabText(i) for i in range(window.side_tabs.count())]
        assert "Who can cover" in tabs and "Versions" in tabs
        assert window.windowTitle().startswith("Gate Roster — ")
        model = window.grid_model
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        assert "Mon" in headers[0] and "Workday" in headers[0]
        assert "Sat" in headers[5] and "Rest day" in headers[5]
        legend = " ".join(label.text() for label in window.legend.findChildren(QLabel))
        assert "Employed party member" in legend and "Non-employed party member" in legend
        assert not re.search(r"[\u3400-\u9fff]", window.solve_button.toolTip())
    finally:
        window.close()
        store.db.close()
