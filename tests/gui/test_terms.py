"""The objective terms' labels: one per name the solver reports, in the objective's order."""

from __future__ import annotations

from dataclasses import replace

import pytest

import roster_app.gui.terms as terms_module
from roster_app.gui.terms import (
    COVERAGE_TERM_NAMES,
    TERM_TEXTS,
    TERMS_BY_NAME,
    VERSION_1_TERM_NAMES,
    format_term,
    format_value,
    shown_terms,
    term_text,
)
from solver.model import SolveOptions, solve
from solver.scenario import DEFAULT_WEIGHTS, SOFT_TERMS, VERSION_3_TERMS, TermCost
from tests.gui.fakes import MONDAY, national_day_week

OPTIONS = SolveOptions(time_limit_s=1.0, workers=2)  # names, not a proof, are tested


def test_the_table_names_exactly_the_objective_terms():
    assert set(TERMS_BY_NAME) == (set(COVERAGE_TERM_NAMES) | set(SOFT_TERMS) | set(VERSION_3_TERMS)
                                  | set(VERSION_1_TERM_NAMES))
    assert len(TERM_TEXTS) == len(TERMS_BY_NAME)  # no name twice
    # Listed in the objective's order (version 2's, then version 3's), version 1's own term after.
    order = [t.name for t in TERM_TEXTS]
    assert order[: 2 + len(SOFT_TERMS) + len(VERSION_3_TERMS)] == [*COVERAGE_TERM_NAMES, *SOFT_TERMS, *VERSION_3_TERMS]
    labels = [t.label for t in TERM_TEXTS]
    assert len(set(labels)) == len(labels) and all(labels)
    assert all(t.meaning for t in TERM_TEXTS)


@pytest.mark.parametrize("weights", [None, DEFAULT_WEIGHTS], ids=["version 1", "version 2"])
def test_every_term_the_solver_reports_has_a_label(qapp, weights):
    roster = solve(replace(national_day_week(), weights=weights), OPTIONS)
    names = [t.name for t in roster.terms]
    expected = (
        [*COVERAGE_TERM_NAMES, *SOFT_TERMS] if weights
        else [*COVERAGE_TERM_NAMES, "previous_dropped", "hours_spread", "unpreferred_gates"]
    )
    assert names == expected
    assert all(name in TERMS_BY_NAME for name in names)


def test_one_line_per_term_as_the_clerk_reads_it(qapp):
    assert format_term(TermCost("missing_people", 0, 1_013_811)) == "缺岗 0 人次"
    assert format_term(TermCost("unmet_needs", 0, 34_959)) == "未满足的党员/技能要求 0"
    assert format_term(TermCost("registered_shortfall", 1, 1000)) == "双报到党员未达最少班次 1 班（×1000）"
    assert format_term(TermCost("changes", 3, 100)) == "与上一版不同 3 处（×100）"
    assert format_term(TermCost("hours_spread", 2, 50)) == "时长不均 2 档（×50）"
    assert format_term(TermCost("nonemployed_off_hours", 4, 20)) == "无职人员排在工作时间外 4 班（×20）"
    assert format_term(TermCost("employed_working_hours", 1, 5)) == "在职人员排在工作时间内 1 班（×5）"
    assert format_term(TermCost("gate_switches", 3, 10)) == "换门岗 3 次（×10）"
    assert format_term(TermCost("split_days", 2, 10)) == "一天分两段 2 天（×10）"
    assert format_term(TermCost("unpreferred_gates", 8, 3)) == "非首选门岗 8 班（×3）"
    assert format_term(TermCost("unpreferred_slots", 0, 3)) == "非首选时段 0 班（×3）"
    assert format_term(TermCost("previous_dropped", 2, 7)) == "上一版的安排未保留 2 处（×7）"
    # A name from a newer solver still shows, as it is.
    assert format_value(TermCost("brand_new", 5, 1)) == "5"
    assert term_text("brand_new").label == "brand_new"


def test_zero_soft_terms_are_left_out_unless_all_are_asked_for():
    terms = (TermCost("missing_people", 0, 99), TermCost("unmet_needs", 0, 9),
             TermCost("changes", 0, 100), TermCost("gate_switches", 3, 10))
    assert [t.name for t in shown_terms(terms, False)] == ["missing_people", "unmet_needs", "gate_switches"]
    assert shown_terms(terms, True) == terms


def test_labels_go_through_qt_translation(monkeypatch):
    class Translating:
        @staticmethod
        def translate(context, text):
            return f"[{context}] {text}"

    monkeypatch.setattr(terms_module, "QCoreApplication", Translating)
    assert term_text("gate_switches").label == "[Terms] 换门岗"
    assert term_text("gate_switches").unit == "[Terms] 次"
    assert term_text("unmet_needs").unit == ""  # no unit: nothing to translate


def test_version_3_terms_the_solver_reports_have_labels(qapp):
    """A week paying over-cover and wishes by date (version 3) lists those terms too, each in
    the clerk's words, never by the engine's name."""
    from solver.scenario import Request

    week = national_day_week()
    east = week.gates[0]
    gates = (replace(east, demand=tuple(replace(r, over_weight=1) for r in east.demand)), *week.gates[1:])
    wishes = (Request(MONDAY, "am", True, 2), Request(MONDAY, "early", False, 3))
    volunteers = (replace(week.volunteers[0], requests=wishes), *week.volunteers[1:])
    roster = solve(replace(week, gates=gates, volunteers=volunteers, weights=DEFAULT_WEIGHTS), OPTIONS)
    names = [t.name for t in roster.terms]
    assert set(VERSION_3_TERMS) <= set(names)
    for name in VERSION_3_TERMS:
        assert term_text(name).label != name and term_text(name).meaning
