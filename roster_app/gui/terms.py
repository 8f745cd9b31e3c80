"""The objective's terms in the clerk's words: one table, name -> label, unit, meaning.

A roster reports what each objective term cost (`Roster.terms`, see the part "Version 2"
of docs/scenario-format.md); the window's 方案说明 panel shows them with the labels here.
The Chinese texts are the translation sources (context "Terms"), so an English
translation can follow; a test keeps this table in step with the names the solver reports
(`solver.scenario.SOFT_TERMS`, the two coverage terms and version 1's terms).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from solver.scenario import TermCost

CONTEXT = "Terms"


@dataclass(frozen=True)
class TermText:
    """How one objective term is shown: `label` (what is counted), `unit` of one count
    (may be empty) and `meaning` (one unit, for the tooltip); all translation sources."""

    name: str
    label_source: str
    unit_source: str
    meaning_source: str

    @property
    def label(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.label_source)

    @property
    def unit(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.unit_source) if self.unit_source else ""

    @property
    def meaning(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.meaning_source)


COVERAGE_TERM_NAMES: tuple[str, ...] = ("missing_people", "unmet_needs")
"""Coverage comes first: the solver weighs these so that nothing below outweighs one unit."""

VERSION_1_TERM_NAMES: tuple[str, ...] = ("previous_dropped", "hours_spread", "unpreferred_gates")
"""A version-1 scenario's terms below coverage, strictly ordered."""

# In the order of version 2's objective (coverage, then `SOFT_TERMS`), version 1's own term
# last. Literal strings, so Qt's lupdate can collect them.
TERM_TEXTS: tuple[TermText, ...] = (
    TermText("missing_people", QT_TRANSLATE_NOOP("Terms", "缺岗"), QT_TRANSLATE_NOOP("Terms", "人次"),
             QT_TRANSLATE_NOOP("Terms", "一个岗位少排一个人，算 1 人次缺岗")),
    TermText("unmet_needs", QT_TRANSLATE_NOOP("Terms", "未满足的党员/技能要求"), "",
             QT_TRANSLATE_NOOP("Terms", "一个岗位缺一名党员或一名有所需技能的人，算 1 项")),
    TermText("registered_shortfall", QT_TRANSLATE_NOOP("Terms", "双报到党员未达最少班次"),
             QT_TRANSLATE_NOOP("Terms", "班"),
             QT_TRANSLATE_NOOP("Terms", "双报到的在职党员比每周最少班次少排的班数")),
    TermText("changes", QT_TRANSLATE_NOOP("Terms", "与上一版不同"), QT_TRANSLATE_NOOP("Terms", "处"),
             QT_TRANSLATE_NOOP("Terms", "与上一版排班表相比，去掉的或新加的安排（第一次排班不算）")),
    TermText("hours_spread", QT_TRANSLATE_NOOP("Terms", "时长不均"), QT_TRANSLATE_NOOP("Terms", "档"),
             QT_TRANSLATE_NOOP("Terms", "最忙和最闲的人之间服务时长占上限比例的差距，每 10% 为一档（算上前几周）")),
    TermText("nonemployed_off_hours", QT_TRANSLATE_NOOP("Terms", "无职人员排在工作时间外"),
             QT_TRANSLATE_NOOP("Terms", "班"),
             QT_TRANSLATE_NOOP("Terms", "工作日 8 小时以外的班次排了无职的成年人（这些班次应留给在职党员）")),
    TermText("employed_working_hours", QT_TRANSLATE_NOOP("Terms", "在职人员排在工作时间内"),
             QT_TRANSLATE_NOOP("Terms", "班"),
             QT_TRANSLATE_NOOP("Terms", "休息日的工作时间段排了在职的人（本可以由无职的人值班）")),
    TermText("gate_switches", QT_TRANSLATE_NOOP("Terms", "换门岗"), QT_TRANSLATE_NOOP("Terms", "次"),
             QT_TRANSLATE_NOOP("Terms", "一个人本周站了不止一个门岗：第一个以外每多一个门岗算 1 次")),
    TermText("split_days", QT_TRANSLATE_NOOP("Terms", "一天分两段"), QT_TRANSLATE_NOOP("Terms", "天"),
             QT_TRANSLATE_NOOP("Terms", "一个人某天的班次不连在一起，算 1 天")),
    TermText("unpreferred_gates", QT_TRANSLATE_NOOP("Terms", "非首选门岗"), QT_TRANSLATE_NOOP("Terms", "班"),
             QT_TRANSLATE_NOOP("Terms", "排在本人首选门岗以外的班次")),
    TermText("unpreferred_slots", QT_TRANSLATE_NOOP("Terms", "非首选时段"), QT_TRANSLATE_NOOP("Terms", "班"),
             QT_TRANSLATE_NOOP("Terms", "排在本人首选时段以外的班次")),
    # Version 3's (the Shift Scheduling Benchmark's, and a community's wishes by date).
    TermText("over_cover", QT_TRANSLATE_NOOP("Terms", "超编"), "",
             QT_TRANSLATE_NOOP("Terms", "一个岗位比最少人数多排一人算一次，乘以该岗位需求规定的超编分量"
                                        "（没有规定的岗位多排不计）")),
    TermText("on_requests", QT_TRANSLATE_NOOP("Terms", "按日期的意愿：想排却没排上"), "",
             QT_TRANSLATE_NOOP("Terms", "志愿者在个人规则里说某天某班次想排，却没有排上：按这条意愿的分量计")),
    TermText("off_requests", QT_TRANSLATE_NOOP("Terms", "按日期的意愿：不想排却排上了"), "",
             QT_TRANSLATE_NOOP("Terms", "志愿者在个人规则里说某天某班次不想排，却排上了：按这条意愿的分量计")),
    TermText("previous_dropped", QT_TRANSLATE_NOOP("Terms", "上一版的安排未保留"),
             QT_TRANSLATE_NOOP("Terms", "处"),
             QT_TRANSLATE_NOOP("Terms", "上一版排班表里的安排，这一版没有保留（旧版规则）")),
)

TERMS_BY_NAME: dict[str, TermText] = {t.name: t for t in TERM_TEXTS}


def term_text(name: str) -> TermText:
    """The texts of a term; a name this table does not know is shown as it is."""
    return TERMS_BY_NAME.get(name) or TermText(name, name, "", name)


def is_coverage(name: str) -> bool:
    return name in COVERAGE_TERM_NAMES


def format_value(term: TermCost) -> str:
    """"3 次", or the bare number for a term without a unit."""
    unit = term_text(term.name).unit
    return f"{term.value} {unit}" if unit else str(term.value)


def format_term(term: TermCost) -> str:
    """One term on one line: "换门岗 3 次（×10）"; a coverage term without its weight
    (the solver's weight there only says "before everything else")."""
    text = f"{term_text(term.name).label} {format_value(term)}"
    if not is_coverage(term.name):
        text += f"（×{term.weight}）"
    return text


def shown_terms(terms: tuple[TermCost, ...], show_all: bool) -> tuple[TermCost, ...]:
    """The terms worth a line: coverage always, other terms when not zero (or all)."""
    return tuple(t for t in terms if show_all or is_coverage(t.name) or t.value != 0)
