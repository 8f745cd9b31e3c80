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
