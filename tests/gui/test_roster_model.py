"""The roster grid model on a hand-built National Day week."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from roster_app.gui.roster_model import PostState, RosterGridModel
from roster_app.gui.week_data import WeekData
from solver.scenario import Post
from tests.gui.fakes import KINDS, MONDAY, SHORT_REASON, national_day_roster, national_day_week

DISPLAY = Qt.ItemDataRole.DisplayRole
H, V = Qt.Orientation.Horizontal, Qt.Orientation.Vertical


@pytest.fixture
def model(qapp):
    model = RosterGridModel()
    model.set_week(WeekData(national_day_week(), national_day_roster(), KINDS))
    return model


def cell(model: RosterGridModel, gate: str, day: int, slot: str):
    return model.index_of(Post(gate, MONDAY + dt.timedelta(days=day), slot))


def test_qtmodeltester(qtmodeltester, model):
    qtmodeltester.check(model)


def test_qtmodeltester_empty_and_unscheduled(qtmodeltester, qapp):
    model = RosterGridModel()
    qtmodeltester.check(model)
    model.set_week(WeekData(national_day_week(), None, KINDS))
    qtmodeltester.check(model)


def test_shape_and_row_headers(model):
    assert model.rowCount() == 2 * 3  # gates × slots
    assert model.columnCount() == 7
    assert model.headerData(0, V) == "东门 早班\n06:00–08:00"
    assert model.headerData(5, V) == "北门 晚班\n18:00–22:00"


def test_column_headers_follow_the_official_calendar(model):
    headers = [model.headerData(c, H) for c in range(7)]
    assert headers[0] == "09-28 周一\n工作日"
    assert headers[2] == "09-30 周三\n工作日"
    # National Day: Thursday 10-01 and Friday 10-02 are rest days, not workdays.
    assert headers[3] == "10-01 周四\n休息日"
    assert headers[4] == "10-02 周五\n休息日"
    assert headers[6] == "10-04 周日\n休息日"
    assert model.headerData(0, H, Qt.ItemDataRole.BackgroundRole) is None
    assert isinstance(model.headerData(3, H, Qt.ItemDataRole.BackgroundRole), QColor)
    assert "节假日" in model.headerData(3, H, Qt.ItemDataRole.ToolTipRole)


def test_names_in_the_right_cells(model):
    # Pinned first, marked with a lock.
    assert cell(model, "east", 0, "early").data(DISPLAY) == "张桂兰🔒、李建国"
    assert cell(model, "east", 0, "am").data(DISPLAY) == "王小明"
    assert cell(model, "north", 0, "early").data(DISPLAY) == "李建国"
    assert cell(model, "east", 1, "am").data(DISPLAY) == ""
    names = cell(model, "east", 0, "early").data(RosterGridModel.NamesRole)
    assert [(n.name, n.kind, n.pinned) for n in names] == [
        ("张桂兰", "nonemployed_party", True),
        ("李建国", "employed_party", False),
    ]


def test_short_post_is_red_with_reason_in_tooltip(model):
    short = cell(model, "east", 1, "early")
    assert short.data(RosterGridModel.StateRole) == PostState.SHORT
    background = short.data(Qt.ItemDataRole.BackgroundRole)
    assert background.red() > 200 and background.red() - background.green() > 40
    tooltip = short.data(Qt.ItemDataRole.ToolTipRole)
    assert SHORT_REASON in tooltip
    assert "缺 1 人" in tooltip
    assert "张桂兰" in tooltip  # who is already there
    # A shortage of a need only: the unmet skill is named.
    needs_only = cell(model, "east", 1, "eve").data(Qt.ItemDataRole.ToolTipRole)
    assert "缺外语翻译 1 人" in needs_only and "no translator" in needs_only


def test_closed_post_is_grey_and_rest_days_tinted(model):
    closed = cell(model, "north", 3, "early")  # the commute gate on National Day
    assert closed.data(RosterGridModel.StateRole) == PostState.CLOSED
    assert closed.data(DISPLAY) == "不开放"
    grey = closed.data(Qt.ItemDataRole.BackgroundRole)
    assert grey.red() == grey.green() or abs(grey.red() - grey.green()) < 8
    assert cell(model, "north", 0, "am").data(RosterGridModel.StateRole) == PostState.CLOSED
    open_workday = cell(model, "east", 2, "am")
    assert open_workday.data(RosterGridModel.StateRole) == PostState.OPEN
    assert model.data(open_workday, Qt.ItemDataRole.BackgroundRole) is None
    assert cell(model, "east", 5, "am").data(Qt.ItemDataRole.BackgroundRole) is not None


def test_unscheduled_week_shows_pins_only(qapp):
    from dataclasses import replace

    from solver.scenario import Assignment

    scenario = replace(national_day_week(), pinned=(Assignment("v3", "east", MONDAY, "am", pinned=True),))
    model = RosterGridModel()
    model.set_week(WeekData(scenario, None, KINDS))
    assert model.index_of(Post("east", MONDAY, "am")).data(DISPLAY) == "王小明🔒"
    assert model.week().summary().short_posts == 0


def test_summary_counts(model):
    summary = model.week().summary()
    # East: 3 slots × 7 days; north: early on the 3 workdays.
    assert summary.open_posts == 21 + 3
    assert summary.short_posts == 2
    assert summary.filled_posts == 22
    assert summary.missing_people == 1
    assert summary.person_times == 6
    assert summary.hours == pytest.approx(2 + 2 + 4 + 4 + 2 + 2)



def test_repainting_the_grid_many_times_does_not_exhaust_none(qapp, model):
    """PySide6 6.12.0 on Python 3.11 loses a reference to None per void call; without the
    guard in roster_app.gui.qtfix a few hundred repaints abort the interpreter."""
    from roster_app.gui.grid_view import RosterGridView

    view = RosterGridView()
    view.setModel(model)
    view.resize(900, 500)
    for _ in range(300):
        view.grab()
    view.deleteLater()


ROLES = (DISPLAY, RosterGridModel.NamesRole, RosterGridModel.StateRole, RosterGridModel.PostRole,
         RosterGridModel.ShortageRole, RosterGridModel.ProblemsRole, RosterGridModel.GateStartRole,
         Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole)


def everything(model: RosterGridModel) -> list:
    return [model.index(r, c).data(role) for r in range(model.rowCount()) for c in range(model.columnCount())
            for role in ROLES]


def test_after_edits_every_cell_says_what_a_fresh_model_says(model):
    """The model remembers what its cells show; an edit must leave none of it stale."""
    from solver.scenario import Assignment

    week = model.week()
    everything(model)  # every cell remembered
    first = week.assignments[0]
    moved = Assignment(first.volunteer, first.gate, first.date + dt.timedelta(days=1), first.slot, True)
    for assignments in ((moved,) + week.assignments[1:], week.assignments[1:], week.assignments + (
            Assignment("v4", first.gate, first.date, first.slot),)):
        edited = week.edited(week.derive(assignments))
        model.update_week(edited)
        fresh = RosterGridModel()
        fresh.set_week(edited)
        assert everything(model) == everything(fresh)
        model.update_week(week)  # and back (undo)
        fresh.set_week(week)
        assert everything(model) == everything(fresh)


def test_each_row_is_as_tall_as_qt_would_make_it(qapp, model):
    """The grid works out its rows' heights itself (faster than QTableView asking the
    delegate through Qt); they must be what QTableView.sizeHintForRow gives."""
    from PySide6.QtWidgets import QTableView

    from roster_app.gui.grid_view import RosterGridView

    view = RosterGridView()
    view.setModel(model)
    for width in (900, 520):  # wide, and narrow enough that names wrap
        view.resize(width, 500)
        view.show()
        qapp.processEvents()
        assert [view._row_needs(r) for r in range(model.rowCount())] == [
            max(QTableView.sizeHintForRow(view, r), view.verticalHeader().sectionSizeHint(r))
            for r in range(model.rowCount())]
    heights = {view._row_needs(r) for r in range(model.rowCount())}
    assert len(heights) > 1  # some cells hold more chips than others
    view.deleteLater()
