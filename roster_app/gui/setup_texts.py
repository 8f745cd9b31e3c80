"""What the set-up dialog says about a refused write, and where it says it.

`roster_app.persistence.setup_edit` reports each problem with a field, a stable code and
parameters (it knows no Qt, so its own messages are English); `problem_text` turns a
problem into the clerk's sentence (Chinese source strings, context "SetupProblems", so an
English translation can follow), and `FieldMessages` puts each sentence in the red label
beside the field it is about.
"""

from __future__ import annotations

from typing import Callable, Iterable, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from roster_app.persistence.setup_edit import Problem

CONTEXT = "SetupProblems"
ERROR_STYLE = "QLabel { color: #b3261e; }"

# Literal strings, so Qt's lupdate can collect them; {names} are filled from the params.
PROBLEM_SOURCES: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("SetupProblems", "请填写"),
    "too_long": QT_TRANSLATE_NOOP("SetupProblems", "太长了，最多 {max} 个字"),
    "duplicate_name": QT_TRANSLATE_NOOP("SetupProblems", "已经有叫“{name}”的了，请换一个名称"),
    "not_whole": QT_TRANSLATE_NOOP("SetupProblems", "请填整数"),
    "not_number": QT_TRANSLATE_NOOP("SetupProblems", "请填数字"),
    "below_min": QT_TRANSLATE_NOOP("SetupProblems", "不能小于 {low}"),
    "not_time_of_day": QT_TRANSLATE_NOOP("SetupProblems", "时间应在 00:00 到 24:00 之间"),
    "start_not_before_end": QT_TRANSLATE_NOOP("SetupProblems", "开始 {start} 应早于结束 {end}"),
    "min_above_max": QT_TRANSLATE_NOOP("SetupProblems", "最少 {min} 人多于最多 {max} 人"),
    "min_below_needs": QT_TRANSLATE_NOOP(
        "SetupProblems", "最少 {min} 人，达不到本门岗的要求（每岗 {need} 名党员或有技能的人）；请提高最少人数或降低要求"),
    "needs_above_min": QT_TRANSLATE_NOOP(
        "SetupProblems", "要求每岗 {need} 人，超过了这些岗位的最少人数：{posts}。请先提高它们的最少人数"),
    "in_use": QT_TRANSLATE_NOOP(
        "SetupProblems", "“{name}”已用在 {weeks} 这几周的排班表里，不能删除；可以停用（清空需求），排班记录保留"),
    "times_published": QT_TRANSLATE_NOOP(
        "SetupProblems", "已发布的排班表（{published}）用到“{name}”，服务时长按它的时间计算，不能改时间；请新增一个班次"),
    "not_every_gate_once": QT_TRANSLATE_NOOP("SetupProblems", "顺序里每个门岗要正好出现一次"),
    "unknown_gate": QT_TRANSLATE_NOOP("SetupProblems", "找不到门岗 {code}，可能已被删除"),
    "unknown_slot": QT_TRANSLATE_NOOP("SetupProblems", "找不到班次 {code}，可能已被删除"),
    "unknown_kind": QT_TRANSLATE_NOOP("SetupProblems", "没有“{value}”这类人员"),
    "unknown_term": QT_TRANSLATE_NOOP("SetupProblems", "没有“{value}”这一项"),
    "bad_code": QT_TRANSLATE_NOOP("SetupProblems", "“{value}”不能作编号"),
    "not_date": QT_TRANSLATE_NOOP("SetupProblems", "“{value}”不是日期"),
    "not_bool": QT_TRANSLATE_NOOP("SetupProblems", "应为工作日或休息日"),
    "weighted_coverage_needs_weights": QT_TRANSLATE_NOOP(
        "SetupProblems", "综合权衡缺岗要用权重：请勾选“按权重照顾各项偏好”，或改为缺岗优先"),
    "unknown_coverage": QT_TRANSLATE_NOOP("SetupProblems", "没有“{value}”这种缺岗算法"),
    "coverage_weight_unused": QT_TRANSLATE_NOOP("SetupProblems", "缺岗优先计算时，“{value}”的权重不起作用"),
    "duplicate_sequence": QT_TRANSLATE_NOOP("SetupProblems", "“{first} → {second}”已经列过了"),
    "not_pair": QT_TRANSLATE_NOOP("SetupProblems", "每条规则要有前一天和后一天两个班次"),
    # Found by the dialog itself before it asks the store.
    "dates_reversed": QT_TRANSLATE_NOOP("SetupProblems", "结束日期早于开始日期"),
    "too_many_days": QT_TRANSLATE_NOOP("SetupProblems", "一次最多关闭 {max} 天；更长的关闭请改每周需求"),
    "choose_rows": QT_TRANSLATE_NOOP("SetupProblems", "请先在列表里选中要恢复的日期"),
    "choose_gate": QT_TRANSLATE_NOOP("SetupProblems", "请先在列表里选中一个门岗"),
    "choose_slot": QT_TRANSLATE_NOOP("SetupProblems", "请先在列表里选中一个班次"),
}


def _param(value: object) -> str:
    """Dates and lists of them as the clerk writes them: 11-23、11-30."""
    if isinstance(value, (tuple, list)):
        return "、".join(_param(v) for v in value)
    if hasattr(value, "strftime"):
        return value.strftime("%m-%d")  # type: ignore[union-attr]
    return str(value)


def problem_text(problem: Problem) -> str:
    """The clerk's sentence for a problem; an unknown code falls back to the English message."""
    source = PROBLEM_SOURCES.get(problem.code)
    if source is None:
        return problem.message
    params = {k: _param(v) for k, v in problem.params.items()}
    try:
        return QCoreApplication.translate(CONTEXT, source).format(**params)
    except (KeyError, IndexError):  # a translation naming a parameter this problem lacks
        return problem.message


def problem_lines(problems: Iterable[Problem]) -> str:
    """The problems' sentences, one a line, each once."""
    return "\n".join(dict.fromkeys(problem_text(p) for p in problems))


def error_label(parent: QWidget | None = None) -> QLabel:
    """An empty red label that sits beside or under a field until it has something to say."""
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class FieldMessages:
    """Shows problems beside their fields.

    Each label is registered under a field prefix ("name", "rules.max_slots_per_day",
    "weights"); a problem goes to the label of the longest prefix its field starts with,
    the rest to the `general` label. `prefix_label` may add a few words naming the field
    for problems that land in the general label.
    """

    def __init__(self, general: QLabel, describe: Callable[[Problem], str] | None = None):
        self.general = general
        self.labels: dict[str, QLabel] = {}
        self.describe = describe

    def register(self, field: str, label: QLabel) -> QLabel:
        self.labels[field] = label
        return label

    def clear(self) -> None:
        for label in (self.general, *self.labels.values()):
            label.clear()
            label.hide()

    def _label_for(self, field: str) -> QLabel | None:
        matches = [f for f in self.labels if field == f or field.startswith(f + ".") or field.startswith(f + "[")]
        return self.labels[max(matches, key=len)] if matches else None

    def show(self, problems: Iterable[Problem]) -> None:
        self.clear()
        texts: dict[int, list[str]] = {}
        labels: dict[int, QLabel] = {}
        for p in problems:
            label = self._label_for(p.field)
            text = problem_text(p)
            if label is None:
                label = self.general
                if self.describe is not None:
                    text = self.describe(p) + text
            labels[id(label)] = label
            texts.setdefault(id(label), []).append(text)
        for key, label in labels.items():
            label.setText("\n".join(dict.fromkeys(texts[key])))
            label.show()

    def texts(self) -> Mapping[str, str]:
        """Field prefix ("" for the general label) -> the text shown there now (for tests)."""
        out: dict[str, str] = {}
        seen: set[int] = set()
        for f, lab in self.labels.items():  # a label shared by two fields counts once
            if lab.text() and id(lab) not in seen:
                out[f] = lab.text()
                seen.add(id(lab))
        if self.general.text():
            out[""] = self.general.text()
        return out
