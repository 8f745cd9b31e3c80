"""The 修改记录 panel shows the store's audit trail of a week in the clerk's words."""

from __future__ import annotations

import datetime as dt

from roster_app.gui.audit_panel import WHAT, WHERE, WHO, ChangeLogPanel
from roster_app.persistence import Database, RosterStore
from solver.scenario import Assignment, Roster

WEEK = dt.date(2026, 11, 23)


def test_the_panel_lists_who_changed_what(qtbot, qtmodeltester) -> None:
    with Database("sqlite://") as db:
        wang = RosterStore(db, clerk="王")
        community = wang.load_demo(WEEK)
        scenario = wang.week_scenario(community, WEEK)
        first = Assignment("v01", "east", WEEK, "early")
        wang.save_roster(community, WEEK, Roster("玉带路社区", "FEASIBLE", (first,)))
        li = RosterStore(db, clerk="李")
        li.week_roster(community, WEEK)
        li.set_pinned(community, WEEK, first, True)
        changes = li.roster_changes(community, WEEK)
    panel = ChangeLogPanel()
    qtbot.add_widget(panel)
    panel.show_changes(changes, {g.id: g.name for g in scenario.gates}, {s.id: s.name for s in scenario.slots})
    qtmodeltester.check(panel.model)
    model = panel.model
    rows = [[model.index(r, c).data() for c in (WHO, WHERE, WHAT)] for r in range(model.rowCount())]
    name = scenario.volunteer("v01").name
    assert rows == [
        ["李", "东门 11-23 周一 早班", f"锁定 {name}"],
        ["王", "东门 11-23 周一 早班", f"安排 {name}"],
    ]
    assert "2 条修改" in panel.caption.text() and "李、王" in panel.caption.text()
    panel.show_changes([])
    assert model.rowCount() == 0 and "还没有修改记录" in panel.caption.text()


def test_the_windows_change_log_shows_each_edit_once_its_tab_is_opened(qtbot, tmp_path) -> None:
    """The window reads the trail when 修改记录 is shown (not on every edit): whenever the
    clerk looks, it has every edit, newest first, also after an undo and a change of week."""
    from PySide6.QtCore import QSettings

    from roster_app.gui.app import open_store
    from roster_app.gui.main_window import CHANGES_TAB, PROBLEMS_TAB, MainWindow

    store = open_store(f"sqlite:///{tmp_path / 'roster.db'}")
    store.clerk = "王"
    try:
        window = MainWindow(store, today=lambda: WEEK + dt.timedelta(days=2),
                            settings=QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        log = window.changes.model

        def shown() -> list[list[str]]:
            return [[log.index(r, c).data() for c in (WHO, WHERE, WHAT)] for r in range(log.rowCount())]

        week = window._week
        name = week.volunteer_names["v01"]
        post = next(p for p in week.staffing if p.gate == "east" and p.date == WEEK and p.slot == "early")
        assert window.side_tabs.currentIndex() == PROBLEMS_TAB
        assert window.assign("v01", post)
        window.side_tabs.setCurrentIndex(CHANGES_TAB)
        assert shown() == [["王", "东门 11-23 周一 早班", f"安排 {name}"]]
        assert "1 条修改" in window.changes.caption.text()
        # While the tab is shown, an edit (here an undo) shows at once.
        window.undo_action.trigger()
        assert shown()[0] == ["王", "东门 11-23 周一 早班", f"撤下 {name}"] and len(shown()) == 2
        # Edited while another tab is shown: the log has it when the tab is opened again.
        window.side_tabs.setCurrentIndex(PROBLEMS_TAB)
        window.redo_action.trigger()
        window.side_tabs.setCurrentIndex(CHANGES_TAB)
        assert [row[2] for row in shown()] == [f"安排 {name}", f"撤下 {name}", f"安排 {name}"]
        # Another week has its own trail (none yet), and this one's is back on return.
        window.side_tabs.setCurrentIndex(PROBLEMS_TAB)
        window.next_week()
        window.side_tabs.setCurrentIndex(CHANGES_TAB)
        assert shown() == [] and "还没有修改记录" in window.changes.caption.text()
        window.previous_week()
        assert len(shown()) == 3
    finally:
        store.db.close()
