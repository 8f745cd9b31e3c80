"""Two clerks on one week, seen from the window: a save that would overwrite the other
clerk's change is refused with a plain message, the week is reloaded with their change, and
修改记录 shows who did what. Runs on a shared SQLite file and on PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings

from roster_app.gui.app import open_store
from roster_app.gui.audit_panel import WHAT, WHO
from roster_app.gui.main_window import CHANGES_TAB, MainWindow
from roster_app.persistence import Database, RosterStore
from solver.scenario import Assignment, Roster

TODAY = dt.date(2026, 11, 25)
MONDAY = dt.date(2026, 11, 23)


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'shared.sqlite3'}"
        return
    server = request.getfixturevalue("postgres_server")
    url = server.new_database()
    yield url
    server.drop(url)


@pytest.fixture
def window(qtbot, url, tmp_path, monkeypatch):
    store = open_store(url)
    store.clerk = "王"
    community = store.communities()[0].id
    store.save_roster(community, MONDAY, Roster("玉带路社区", "FEASIBLE", (Assignment("v01", "east", MONDAY, "early"),)))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, today=lambda: TODAY, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(window, "_show_error", lambda title, text: errors.append((title, text)))
    window.errors = errors
    yield window
    store.db.close()


def test_another_clerks_change_is_not_overwritten(qtbot, window, url, monkeypatch) -> None:
    community = window.community.id
    asked: list[str] = []
    monkeypatch.setattr(window, "ask_merge", lambda text: asked.append(text) or False)  # 放弃我的修改
    with Database(url, backup_days=0) as other_db:  # 李, on another computer
        li = RosterStore(other_db, clerk="李")
        li.week_roster(community, MONDAY)
        li.save_roster(community, MONDAY, Roster("玉带路社区", "FEASIBLE", (
            Assignment("v01", "east", MONDAY, "early"), Assignment("v02", "east", MONDAY, "early"))))
        # 王 edits the week he read before 李's save: refused, told plainly, shown 李's change.
        assert not window.assign("v03", Assignment("v03", "south", MONDAY, "eve").post)
        qtbot.waitUntil(lambda: window.side_tabs.currentIndex() == CHANGES_TAB)
        [text] = asked
        assert text.startswith("李 ") and "没有保存" in text
        kept = {a.volunteer for a in li.week_roster(community, MONDAY).assignments}
        assert kept == {"v01", "v02"}  # 李's roster stands; 王's edit was not written
        assert {a.volunteer for a in window._week.roster.assignments} == {"v01", "v02"}
        log = window.changes.model
        assert [log.index(0, WHO).data(), log.index(1, WHO).data()] == ["李", "王"]
        # Now 王 works on 李's version: his edit saves and joins the trail.
        assert window.assign("v03", Assignment("v03", "south", MONDAY, "eve").post)
        assert {a.volunteer for a in li.week_roster(community, MONDAY).assignments} == {"v01", "v02", "v03"}
        assert log.index(0, WHO).data() == "王" and log.index(0, WHAT).data().startswith("安排 ")


def test_the_refused_change_can_be_merged_on_top_of_theirs(qtbot, window, url, monkeypatch) -> None:
    community = window.community.id
    monkeypatch.setattr(window, "ask_merge", lambda text: True)  # 合并我的修改
    with Database(url, backup_days=0) as other_db:
        li = RosterStore(other_db, clerk="李")
        li.week_roster(community, MONDAY)
        li.save_roster(community, MONDAY, Roster("玉带路社区", "FEASIBLE", (
            Assignment("v01", "east", MONDAY, "early"), Assignment("v02", "east", MONDAY, "early"))))
        # 王 removes v01 (which 李 kept) on his older copy: refused, then merged on 李's roster.
        assert not window.remove("v01", Assignment("v01", "east", MONDAY, "early").post)
        qtbot.waitUntil(lambda: {a.volunteer for a in li.week_roster(community, MONDAY).assignments} == {"v02"})
        assert {a.volunteer for a in window._week.roster.assignments} == {"v02"}
        assert window.undo_stack().undoText().startswith("合并：")
        window.undo_stack().undo()  # the merge is one undo step: 李's roster again
        assert {a.volunteer for a in li.week_roster(community, MONDAY).assignments} == {"v01", "v02"}


def test_the_database_settings_open_from_the_menu(qtbot, window, monkeypatch) -> None:
    from roster_app.gui import database_dialog

    monkeypatch.setattr(database_dialog.DatabaseDialog, "exec", lambda self: database_dialog.DatabaseDialog.DialogCode.Accepted)
    window.database_action.trigger()
    assert "下次启动时生效" in window.statusBar().currentMessage()
