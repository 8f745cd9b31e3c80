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
