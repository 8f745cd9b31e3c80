"""The 规则 tab of the set-up dialog: working hours, the solver's rules, coverage, the weights.

The working hours are the "8 hours" of the party-member rule (8小时内无职党员参与、8小时外
在职党员服务): on a workday nobody employed is rostered in a slot that overlaps them. The
rules are `solver.scenario.Rules`; a rule that can be switched off has a 不限 box beside
it. Coverage (`Scenario.coverage`) is 缺岗优先 ("first": fewest missing people strictly
before anything else) or 综合权衡 ("weighted": missing people priced like the other
terms). The weights are those of the soft terms (`SOFT_TERMS`), then version 3's
(`VERSION_3_TERMS`: 超编 and the wishes by date), then coverage's own (enabled only when
coverage is weighted, the only time they count), each shown with its label and meaning,
so the clerk knows what a bigger number buys. Nothing is written until 保存设置; then
everything is written together, or nothing, with each refusal beside its field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from roster_app.gui.kinds import KIND_STYLES
from roster_app.gui.setup_texts import FieldMessages, error_label
from roster_app.gui.terms import TermText, term_text
from roster_app.persistence.setup_edit import CommunitySettings, CommunitySetup
from solver.scenario import (
    DEFAULT_WEIGHTS,
    MINOR_LATEST_END_DEFAULT,
    SOFT_TERMS,
    VERSION_3_TERMS,
    WEIGHTED_COVERAGE_DEFAULTS,
    Rules,
)

if TYPE_CHECKING:
    from roster_app.gui.community_setup import CommunitySetupDialog

HINT_STYLE = "QLabel { color: #5f6368; }"
MAX_WEIGHT = 100_000
COVERAGE_MAX_WEIGHT = 10_000_000
"""Coverage's weights are meant to outweigh the others (10000 and 5000 by default), so
they may go an order of magnitude past the soft terms'."""
QT_INT_MAX = 2**31 - 1

VERSION_3_DEFAULT_WEIGHT = 1
"""What a version-3 term weighs when the community names no weight for it (the file format's default)."""



def minutes_to_time(minutes: int) -> QTime:
    return QTime(0, 0) if minutes >= 24 * 60 else QTime(minutes // 60, minutes % 60)


def time_to_minutes(time: QTime, midnight_is_end: bool = False) -> int:
    """Minutes since midnight; with `midnight_is_end` 00:00 is the end of the day (24:00)."""
    minutes = time.hour() * 60 + time.minute()
    return 24 * 60 if midnight_is_end and minutes == 0 else minutes


def time_edit(parent: QWidget | None = None) -> QTimeEdit:
    edit = QTimeEdit(parent)
    edit.setDisplayFormat("HH:mm")
    return edit


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(HINT_STYLE)
    label.setWordWrap(True)
    return label


class Optional(QWidget):
    """A value that may be switched off: the field, then a 不限 box that disables it.

    Attributes: `field` (the spin box or time edit), `unlimited` (the QCheckBox).
    """

    def __init__(self, field: QWidget, unit: str, get: Callable[[], object], put: Callable[[object], None],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.field, self._get, self._put = field, get, put
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(field)
        if unit:
            layout.addWidget(QLabel(unit))
        self.unlimited = QCheckBox(self.tr("不限"), self)
        self.unlimited.toggled.connect(lambda on: field.setEnabled(not on))
        layout.addWidget(self.unlimited)

    def value(self):
        return None if self.unlimited.isChecked() else self._get()

    def set_value(self, value) -> None:
        self.unlimited.setChecked(value is None)
        self.field.setEnabled(value is not None)
        if value is not None:
            self._put(value)


def _int_spin(low: int, high: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
    return spin


def _hours_spin(high: float = 168) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0, high)
    spin.setDecimals(1)
    spin.setSingleStep(0.5)
    return spin


def optional_int(low: int, high: int, unit: str, default: int) -> Optional:
    spin = _int_spin(low, high)
    spin.setValue(default)
    return Optional(spin, unit, spin.value, lambda v: spin.setValue(int(v)))


def optional_hours(unit: str, default: float, high: float = 168) -> Optional:
    spin = _hours_spin(high)
    spin.setValue(default)
    return Optional(spin, unit, lambda: round(spin.value(), 1), lambda v: spin.setValue(float(v)))


def optional_time(default: int) -> Optional:
    edit = time_edit()
    edit.setTime(minutes_to_time(default))
    return Optional(edit, "", lambda: time_to_minutes(edit.time(), True), lambda v: edit.setTime(minutes_to_time(v)))


def _default_weight(term: str) -> int:
    if term in DEFAULT_WEIGHTS:
        return DEFAULT_WEIGHTS[term]
    return WEIGHTED_COVERAGE_DEFAULTS.get(term, VERSION_3_DEFAULT_WEIGHT)


class SettingsTab(QWidget):
    """The 规则 tab.

    Attributes: `name_edit`, `work_start`, `work_end`, `rule_fields` (rule name → widget:
    `Optional` or spin box), `kind_caps` (kind code → `Optional`), `coverage_first` and
    `coverage_weighted` (QRadioButton), `weights_box` (checkable: version 2's weighted
    objective), `weight_spins` (term → QSpinBox: `SOFT_TERMS`, `VERSION_3_TERMS` and the
    coverage terms), `save_button`, `messages` (a `FieldMessages`). Signals: none.
    """

    def __init__(self, dialog: CommunitySetupDialog):
        super().__init__(dialog)
        self.dialog = dialog
        self._loaded: CommunitySettings | None = None
        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        self.general_message = error_label(self)
        self.messages = FieldMessages(self.general_message)

        # --- community and working hours
        top = QGroupBox(self.tr("社区"))
        form = QFormLayout(top)
        self.name_edit = QLineEdit()
        self.name_edit.setMinimumWidth(320)
        form.addRow(self.tr("社区名称"), self._with_message("name", self.name_edit))
        self.work_start, self.work_end = time_edit(), time_edit()
        hours = QHBoxLayout()
        hours.addWidget(self.work_start)
        hours.addWidget(QLabel(self.tr("到")))
        hours.addWidget(self.work_end)
        hours.addStretch(1)
        hours_widget = QWidget()
        hours_widget.setLayout(hours)
        hours.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("8 小时工作时间"), self._with_message("work_start", hours_widget))
        self.messages.register("work_end", self.messages.labels["work_start"])
        form.addRow("", hint(self.tr("8小时内无职党员参与、8小时外在职党员服务：工作日这段时间内不给在职的人排班，"
                                     "休息日不受限制。")))
        layout.addWidget(top)

        # --- rules
        box = QGroupBox(self.tr("排班规则"))
        form = QFormLayout(box)
        self.rule_fields: dict[str, QWidget] = {
            "max_slots_per_day": optional_int(1, 24, self.tr("班"), 2),
            "default_max_hours_per_week": optional_hours(self.tr("小时"), 12),
            "min_posts_registered": _int_spin(0, 50),
            "minor_latest_end": optional_time(MINOR_LATEST_END_DEFAULT),
            "minor_max_hours_per_week": optional_hours(self.tr("小时"), 6),
            "max_consecutive_days": optional_int(1, 31, self.tr("天"), 6),
            "min_rest_hours": optional_hours(self.tr("小时"), 10, 48),
            "history_weeks": _int_spin(0, 52),
        }
        self.rule_fields["min_posts_registered"].setSuffix(self.tr(" 班"))
        self.rule_fields["history_weeks"].setSuffix(self.tr(" 周"))
        labels = {
            "max_slots_per_day": (self.tr("每人每天最多"), ""),
            "default_max_hours_per_week": (self.tr("每人每周最多"), self.tr("没有单独设定上限的人按这个数")),
            "min_posts_registered": (self.tr("双报到党员每周至少"), self.tr("在职党员回社区报到（双报到）后每周应值的班数")),
            "minor_latest_end": (self.tr("未成年人最晚到"), self.tr("新时代好少年不排结束得比这更晚的班次")),
            "minor_max_hours_per_week": (self.tr("未成年人每周最多"), ""),
            "max_consecutive_days": (self.tr("最多连续值班"), ""),
            "min_rest_hours": (self.tr("两天之间至少休息"), self.tr("例如晚班 22:00 结束，次日早班 06:00 开始，只休息 8 小时")),
            "history_weeks": (self.tr("均衡时长时算上前"), self.tr("已发布的前几周排班表的服务时长也计入，避免总是同几个人多值")),
        }
        for name, widget in self.rule_fields.items():
            label, explanation = labels[name]
            form.addRow(label, self._with_message(f"rules.{name}", widget, explanation))

        caps = QGroupBox(self.tr("各类人员每周最多小时"))
        grid = QGridLayout(caps)
        self.kind_caps: dict[str, Optional] = {}
        for i, style in enumerate(KIND_STYLES):
            field = optional_hours(self.tr("小时"), 8)
            field.set_value(None)
            self.kind_caps[style.code] = field
            grid.addWidget(QLabel(style.label), i // 2, (i % 2) * 2)
            grid.addWidget(self._with_message(f"rules.kind_max_hours_per_week[{style.code}]", field),
                           i // 2, (i % 2) * 2 + 1)
        form.addRow(caps)
        layout.addWidget(box)

        # --- coverage
        coverage = QGroupBox(self.tr("缺岗怎么算"))
        column = QVBoxLayout(coverage)
        self.coverage_first = QRadioButton(self.tr("缺岗优先（先保证人数，再考虑其他偏好）"))
        self.coverage_weighted = QRadioButton(self.tr("综合权衡（缺岗、超编与其他偏好按权重一起权衡）"))
        self.coverage_first.setChecked(True)
        choice = QWidget()
        choice_layout = QVBoxLayout(choice)
        choice_layout.setContentsMargins(0, 0, 0, 0)
        choice_layout.addWidget(self.coverage_first)
        choice_layout.addWidget(self.coverage_weighted)
        column.addWidget(self._with_message("coverage", choice))
        column.addWidget(hint(self.tr("缺岗优先：只要有人能排，岗位就一定排满，其他偏好只在人数够了以后才照顾。"
                                      "综合权衡：少排一个人只算付出“缺岗”的权重，为了照顾其他偏好可能留下空岗；"
                                      "要用下面的权重。")))
        self.coverage_weighted.toggled.connect(self._coverage_toggled)
        layout.addWidget(coverage)

        # --- weights
        self.weights_box = QGroupBox(self.tr("按权重照顾各项偏好"))
        self.weights_box.setCheckable(True)
        grid = QGridLayout(self.weights_box)
        grid.addWidget(hint(self.tr("缺岗优先时先保证不缺岗、满足党员和技能要求；在此之外，权重越大的一项越优先照顾"
                                    "（综合权衡时缺岗也按权重一起算）。数字是一次（一班、一处……）的分量。"
                                    "不勾选则按旧版规则：先保留上一版的安排，再均衡时长，最后照顾首选门岗。")),
                       0, 0, 1, 3)
        self.weight_spins: dict[str, QSpinBox] = {}
        row = 1
        for term in (*SOFT_TERMS, *VERSION_3_TERMS):
            self._weight_row(grid, row, term, term_text(term), MAX_WEIGHT)
            row += 1
        grid.addWidget(hint(self.tr("以下两项只在“综合权衡”时起作用：缺一个人或一项要求，付出多少分量。")),
                       row, 0, 1, 3)
        row += 1
        for term in WEIGHTED_COVERAGE_DEFAULTS:
            self._weight_row(grid, row, term, term_text(term), COVERAGE_MAX_WEIGHT)
            self.weight_spins[term].setSingleStep(500)
            row += 1
        grid.setColumnStretch(2, 1)
        self.defaults_button = QPushButton(self.tr("恢复默认权重"))
        self.defaults_button.clicked.connect(self._defaults)
        grid.addWidget(self.defaults_button, row, 0)
        self.messages.register("weights", error_label(self.weights_box))
        grid.addWidget(self.messages.labels["weights"], row, 1, 1, 2)
        layout.addWidget(self.weights_box)
        layout.addStretch(1)
        self._coverage_toggled(False)

        buttons = QHBoxLayout()
        buttons.addWidget(self.general_message, 1)
        buttons.addStretch(0)
        self.revert_button = QPushButton(self.tr("撤销修改"))
        self.revert_button.clicked.connect(lambda: self.set_setup(self.dialog.setup, force=True))
        self.save_button = QPushButton(self.tr("保存设置"))
        self.save_button.setDefault(False)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)

    def _with_message(self, field: str, widget: QWidget, explanation: str = "") -> QWidget:
        """The widget (with a grey explanation to its right) and a red label under it for
        the problems of `field`."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(widget)
        if explanation:
            row.addSpacing(12)
            row.addWidget(hint(explanation), 1)
        else:
            row.addStretch(1)
        layout.addLayout(row)
        label = error_label(box)
        layout.addWidget(label)
        self.messages.register(field, label)
        return box

    def _weight_row(self, grid: QGridLayout, row: int, term: str, text: TermText, high: int) -> None:
        spin = _int_spin(0, high)
        spin.setSingleStep(5)
        self.weight_spins[term] = spin
        name = QLabel(text.label)
        name.setToolTip(text.meaning)
        grid.addWidget(name, row, 0)
        grid.addWidget(self._with_message(f"weights[{term}]", spin), row, 1)
        grid.addWidget(hint(text.meaning), row, 2)

    def _coverage_toggled(self, weighted: bool) -> None:
        # Disabled explicitly, so checking the weights box does not enable them again.
        for term in WEIGHTED_COVERAGE_DEFAULTS:
            self.weight_spins[term].setEnabled(weighted)

    def _defaults(self) -> None:
        for term, spin in self.weight_spins.items():
            spin.setValue(_default_weight(term))

    # --- data in and out ------------------------------------------------------------------

    def set_setup(self, setup: CommunitySetup, force: bool = False) -> None:
        """Shows the stored settings; keeps what the clerk is typing unless they changed
        in the database (another tab's write re-reads everything) or `force`."""
        s = setup.settings
        if s == self._loaded and not force:
            return
        self._loaded = s
        self.name_edit.setText(s.name)
        self.work_start.setTime(minutes_to_time(s.work_start))
        self.work_end.setTime(minutes_to_time(s.work_end))
        for name, widget in self.rule_fields.items():
            value = getattr(s.rules, name)
            if isinstance(widget, Optional):
                widget.set_value(value)
            else:
                widget.setValue(value)
        for kind, field in self.kind_caps.items():
            field.set_value(s.rules.kind_max_hours_per_week.get(kind))
        (self.coverage_weighted if s.coverage == "weighted" else self.coverage_first).setChecked(True)
        self._coverage_toggled(s.coverage == "weighted")
        self.weights_box.setChecked(s.weights is not None)
        for term, spin in self.weight_spins.items():
            value = (s.weights or {}).get(term, _default_weight(term))
            # A weight stored by a file or another program may exceed the field: widen it
            # rather than let saving cut it down unasked.
            spin.setMaximum(max(spin.maximum(), min(value, QT_INT_MAX)))
            spin.setValue(value)
        self.messages.clear()

    def settings(self) -> CommunitySettings:
        """What the form says now."""
        values = {name: (w.value() if isinstance(w, (Optional, QSpinBox)) else None)
                  for name, w in self.rule_fields.items()}
        caps = {k: float(v) for k, f in self.kind_caps.items() if (v := f.value()) is not None}
        for name in ("default_max_hours_per_week", "minor_max_hours_per_week", "min_rest_hours"):
            if values[name] is not None:
                values[name] = float(values[name])
        rules = Rules(kind_max_hours_per_week=caps, **values)
        coverage = "weighted" if self.coverage_weighted.isChecked() else "first"
        weights = None
        if self.weights_box.isChecked():
            weights = {t: self.weight_spins[t].value() for t in SOFT_TERMS}
            # A version-3 term goes in only when stored or changed from its default, so that
            # saving the form does not make a version-2 community version 3.
            stored = (self._loaded.weights if self._loaded is not None else None) or {}
            weights |= {t: v for t in VERSION_3_TERMS
                        if (v := self.weight_spins[t].value()) != VERSION_3_DEFAULT_WEIGHT or t in stored}
            if coverage == "weighted":
                weights |= {t: self.weight_spins[t].value() for t in WEIGHTED_COVERAGE_DEFAULTS}
        return CommunitySettings(self.name_edit.text(), time_to_minutes(self.work_start.time()),
                                 time_to_minutes(self.work_end.time(), True), rules, weights, coverage)

    def save(self) -> bool:
        outcome = self.dialog.attempt(
            lambda: self.dialog.editor.set_settings(self.dialog.community_id, self.settings()))
        if outcome.problems:
            self.messages.show(outcome.problems)
            return False
        self.dialog.note_saved(self.tr("已保存规则、缺岗算法和权重"))
        return True
