"""A shared database holds several communities: the clerk picks theirs, and it is remembered."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QSettings

from roster_app.gui.app import open_store
from roster_app.gui.main_window import MainWindow
from roster_app.demo import demo_scenario

TODAY = dt.date(2026, 11, 25)
MONDAY = dt.date(2026, 11, 23)


def test_the_clerk_switches_community_and_it_is_remembered(qtbot, tmp_path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'street.sqlite3'}")
    other = store.import_scenario(dataclasses.replace(demo_scenario(MONDAY), name="锦绣园社区"))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, today=lambda: TODAY, settings=settings)
    qtbot.addWidget(window)
    window.show()
    box = window.community_box
    assert box.isVisible() and box.count() == 2
    assert window.community.id == other  # the clerk's own before the demo
    demo_index = next(i for i in range(box.count()) if box.itemData(i) != other)
    box.setCurrentIndex(demo_index)
    box.activated.emit(demo_index)
    assert window.community.is_demo and "当前社区：玉带路社区" in window.statusBar().currentMessage()
    assert window._week.scenario.name == "玉带路社区"
    again = MainWindow(store, today=lambda: TODAY, settings=settings)  # the next start
    qtbot.addWidget(again)
    assert again.community.is_demo
    store.db.close()


def test_one_community_needs_no_chooser(qtbot, tmp_path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'one.sqlite3'}")
    window = MainWindow(store, today=lambda: TODAY,
                        settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    assert not window.community_box.isVisible()
    store.db.close()
