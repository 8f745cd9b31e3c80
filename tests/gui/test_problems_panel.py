"""The 问题 panel fits its rows to their wrapped text, remembering the heights of problems
it has measured: they must be the heights QTableView.resizeRowsToContents gives."""

from __future__ import annotations

from roster_app.gui.problems_panel import ProblemsPanel
from roster_app.gui.week_data import WeekData
from tests.gui.fakes import KINDS, national_day_roster, national_day_week


def heights(panel: ProblemsPanel) -> list[int]:
    return [panel.view.rowHeight(r) for r in range(panel.model.rowCount())]


def qt_heights(panel: ProblemsPanel) -> list[int]:
    panel.view.resizeRowsToContents()
    return heights(panel)


def test_rows_are_as_tall_as_their_text_needs_at_any_width(qtbot) -> None:
    week = WeekData(national_day_week(), national_day_roster(), KINDS)
    panel = ProblemsPanel()
    qtbot.addWidget(panel)
    panel.resize(420, 400)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_week(week)
    assert panel.model.rowCount() > 0
    first = heights(panel)
    assert first == qt_heights(panel)
    for width in (160, 420, 900):  # narrow enough to wrap, back, and wide
        panel.resize(width, 400)
        qtbot.waitUntil(lambda: panel.view.viewport().width() < width)
        panel.set_week(week)  # the same problems again: heights remembered, or measured anew
        assert heights(panel) == qt_heights(panel)
    panel.resize(160, 400)
    qtbot.wait(10)
    panel.set_week(week)
    narrow = heights(panel)
    assert narrow == qt_heights(panel) and max(narrow) > max(first)  # the text wraps there
    panel.set_week(None)
    assert panel.model.rowCount() == 0


def test_after_edits_the_list_is_the_weeks_problems_changed_in_place(qtbot, qtmodeltester) -> None:
    """Edits replace only the lines that differ; the list must still be exactly the week's
    problems, with rows as tall and columns as wide as Qt makes them."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTableView

    from roster_app.gui.problems_panel import week_problems
    from solver.scenario import Assignment

    week = WeekData(national_day_week(), national_day_roster(), KINDS)
    panel = ProblemsPanel()
    qtbot.addWidget(panel)
    panel.resize(420, 400)
    panel.show()
    panel.set_week(week)
    qtmodeltester.check(panel.model)
    signals = []
    panel.model.modelReset.connect(lambda: signals.append("reset"))
    first = week.assignments[0]
    edits = [
        week.assignments[1:],  # someone off: a post short
        week.assignments + (Assignment("v3", first.gate, first.date, first.slot),),  # over max / a broken rule
        tuple(reversed(week.assignments)),  # nothing that shows changes
        week.assignments,
    ]
    for assignments in edits:
        shown = week.edited(week.derive(assignments))
        panel.set_week(shown)
        assert panel.model.problems() == week_problems(shown)
        view = panel.view
        assert [QTableView.sizeHintForColumn(view, c) for c in range(2)] == [view.sizeHintForColumn(c) for c in range(2)]
        assert heights(panel) == qt_heights(panel)
        week = shown
    assert signals == []  # never the whole list again
    assert panel.model.index(0, 1).data(Qt.ItemDataRole.DisplayRole) == week_problems(week)[0].text


def test_after_an_edit_no_line_is_left_chosen(qtbot) -> None:
    week = WeekData(national_day_week(), national_day_roster(), KINDS)
    panel = ProblemsPanel()
    qtbot.addWidget(panel)
    panel.set_week(week)
    panel.view.selectRow(0)
    assert panel.view.selectionModel().hasSelection()
    panel.set_week(week.edited(week.derive(tuple(reversed(week.assignments)))))  # the same lines
    assert not panel.view.selectionModel().hasSelection() and not panel.view.currentIndex().isValid()
