"""方案说明: the panel on a hand-built roster with terms and shortfalls."""

from __future__ import annotations

from dataclasses import replace

import pytest

from roster_app.gui.explanation import COST, LABEL, VALUE, WEIGHT, ZERO_FOREGROUND, ExplanationPanel
from roster_app.gui.week_data import WeekData
from solver.scenario import Rules, Shortfall, TermCost
from tests.gui.fakes import KINDS, national_day_roster, national_day_week

TERMS = (
    TermCost("missing_people", 0, 1_013_811),
    TermCost("unmet_needs", 0, 34_959),
    TermCost("registered_shortfall", 1, 1000),
    TermCost("changes", 3, 100),
    TermCost("hours_spread", 2, 50),
    TermCost("nonemployed_off_hours", 4, 20),
    TermCost("employed_working_hours", 1, 5),
    TermCost("gate_switches", 3, 10),
    TermCost("split_days", 2, 10),
    TermCost("unpreferred_gates", 8, 3),
    TermCost("unpreferred_slots", 0, 3),
)
OBJECTIVE = sum(t.cost for t in TERMS)  # 1000 + 300 + 100 + 80 + 5 + 30 + 20 + 24 = 1559
REASON = "本周只有 1 个可值班的开放岗位。"


def registered_week(**roster_changes) -> WeekData:
    """The national-day week with 李建国 (v2) registered (双报到), 2 posts a week required."""
    scenario = national_day_week()
    volunteers = tuple(replace(v, registered=True) if v.id == "v2" else v for v in scenario.volunteers)
    scenario = replace(scenario, volunteers=volunteers,
                       rules=replace(scenario.rules, min_posts_registered=2))
    roster = replace(
        national_day_roster(), status="FEASIBLE", objective=OBJECTIVE, bound=1200,
        terms=TERMS, shortfalls=(Shortfall("v2", 2, 1, REASON),),
    )
    return WeekData(scenario, replace(roster, **roster_changes), KINDS)


@pytest.fixture
def panel(qtbot):
    panel = ExplanationPanel()
    qtbot.addWidget(panel)
    panel.resize(400, 600)
    panel.show()
    return panel


def test_lists_the_terms_in_order_with_values_weights_and_costs(panel):
    panel.set_week(registered_week())
    assert panel.shown_rows() == [
        ["缺岗", "0 人次", "优先", "0"],
        ["未满足的党员/技能要求", "0", "优先", "0"],
        ["双报到党员未达最少班次", "1 班", "×1000", "1000"],
        ["与上一版不同", "3 处", "×100", "300"],
        ["时长不均", "2 档", "×50", "100"],
        ["无职人员排在工作时间外", "4 班", "×20", "80"],
        ["在职人员排在工作时间内", "1 班", "×5", "5"],
        ["换门岗", "3 次", "×10", "30"],
        ["一天分两段", "2 天", "×10", "20"],
        ["非首选门岗", "8 班", "×3", "24"],
        # 非首选时段 is 0: left out until 显示全部
        ["合计（目标值）", "", "", "1559"],
    ]
    assert OBJECTIVE == 1559
    assert panel.terms_table.item(0, LABEL).toolTip()  # what one unit is
    assert "未证明最优" in panel.proof_label.text() and "1200" in panel.proof_label.text()


def test_registered_volunteers_short_of_the_minimum(panel):
    panel.set_week(registered_week())
    assert panel.shortfall_title.isVisibleTo(panel)
    assert panel.shortfall_title.text() == "双报到党员未达最少班次（1 人）"
    text = panel.shortfall_label.text()
    assert "<b>李建国</b>" in text and "已排 1 / 应排 2 班" in text and REASON in text

    panel.set_week(registered_week(shortfalls=()))
    assert panel.shortfall_title.text() == "双报到党员"
    assert panel.shortfall_label.text() == "都已排够每人最少 2 班。"


def test_show_all_lists_the_zero_terms_in_grey(panel, qtbot):
    week = registered_week(terms=TERMS[:3] + (TermCost("changes", 0, 100),) + TERMS[4:])
    panel.set_week(week)
    assert "与上一版不同" not in [row[LABEL] for row in panel.shown_rows()]
    assert panel.show_all_box.isVisibleTo(panel) and not panel.show_all_box.isChecked()

    panel.show_all_box.setChecked(True)
    rows = panel.shown_rows()
    assert [row[LABEL] for row in rows[:-1]] == [
        "缺岗", "未满足的党员/技能要求", "双报到党员未达最少班次", "与上一版不同", "时长不均",
        "无职人员排在工作时间外", "在职人员排在工作时间内", "换门岗", "一天分两段", "非首选门岗", "非首选时段",
    ]
    grey = [panel.terms_table.item(r, LABEL).foreground().color() == ZERO_FOREGROUND for r in range(len(rows) - 1)]
    assert grey == [False, False, False, True, False, False, False, False, False, False, True]
    # The costs still add up to the objective, shown or not.
    assert sum(int(row[COST]) for row in rows[:-1]) == int(rows[-1][COST]) == OBJECTIVE - 300

    panel.show_all_box.setChecked(False)
    assert len(panel.shown_rows()) == 10


def test_proven_coverage_and_optimal(panel):
    panel.set_week(registered_week(), coverage_proven=True)
    assert panel.proof_label.text() == "缺岗人数已证明最少；其余偏好未证明最优（下界 1200）。"
    panel.set_week(registered_week(status="OPTIMAL"))
    assert panel.proof_label.text() == "已证明最优：没有总代价更小的方案。"


def test_version_1_terms_are_labelled(panel):
    terms = (TermCost("missing_people", 1, 5000), TermCost("unmet_needs", 0, 700),
             TermCost("previous_dropped", 2, 60), TermCost("hours_spread", 3, 4), TermCost("unpreferred_gates", 1, 1))
    panel.set_week(registered_week(terms=terms, shortfalls=()))
    rows = panel.shown_rows()
    assert [row[LABEL] for row in rows] == ["缺岗", "未满足的党员/技能要求", "上一版的安排未保留", "时长不均",
                                             "非首选门岗", "合计（目标值）"]
    assert rows[2][VALUE:] == ["2 处", "×60", "120"]
    assert rows[-1][COST] == str(5000 + 120 + 12 + 1)


def test_without_terms_or_roster_says_why(panel):
    week = WeekData(national_day_week(), national_day_roster(), KINDS)  # saved without terms
    panel.set_week(week)
    assert panel.terms_table.isHidden() and not panel.show_all_box.isVisibleTo(panel)
    assert "没有记下各项代价" in panel.empty_label.text()
    assert not panel.shortfall_title.isVisibleTo(panel)

    panel.set_week(WeekData(national_day_week(), None, KINDS))
    assert "尚未排班" in panel.empty_label.text() and panel.empty_label.isVisibleTo(panel)
    panel.set_week(None)
    assert panel.terms_table.rowCount() == 0


def test_the_header_folds_the_panel(panel):
    panel.set_week(registered_week())
    assert panel.body.isVisibleTo(panel)
    panel.toggle_button.click()
    assert not panel.body.isVisibleTo(panel) and not panel.show_all_box.isVisibleTo(panel)
    panel.toggle_button.click()
    assert panel.body.isVisibleTo(panel) and panel.show_all_box.isVisibleTo(panel)


def test_weight_column_of_coverage_terms_explains_itself(panel):
    panel.set_week(registered_week())
    assert "优先于其余各项" in panel.terms_table.item(0, WEIGHT).toolTip()
    assert panel.terms_table.item(2, WEIGHT).toolTip() == "每 1 个单位计 1000"
    # Rules unrelated to 双报到 leave the shortfall part out.
    week = registered_week(shortfalls=())
    week = WeekData(replace(week.scenario, rules=Rules()), week.roster, KINDS)
    panel.set_week(week)
    assert not panel.shortfall_title.isVisibleTo(panel)
