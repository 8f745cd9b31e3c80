"""方案说明: why the shown roster is the way it is, in numbers the clerk can check.

Under the volunteer list: what each objective term of the saved roster counts and costs
(`Roster.terms`, in the objective's order, labelled by `roster_app.gui.terms`), whether
the answer is proven best, and the registered volunteers (双报到) who stand fewer posts
than the community's minimum, with the reason (`Roster.shortfalls`). Zero-valued soft
terms are left out unless 显示全部 is ticked (then they are listed in grey); the coverage
terms (缺岗, 未满足的要求) are always listed, as "0 缺岗" is the news a clerk wants.

The header folds the panel away, giving its room back to the volunteer list.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from roster_app.gui.terms import format_value, is_coverage, shown_terms, term_text
from roster_app.gui.week_data import WeekData
from solver.scenario import Roster, TermCost

COLUMN_SOURCES = (
    QT_TRANSLATE_NOOP("ExplanationPanel", "项目"),
    QT_TRANSLATE_NOOP("ExplanationPanel", "数量"),
    QT_TRANSLATE_NOOP("ExplanationPanel", "权重"),
    QT_TRANSLATE_NOOP("ExplanationPanel", "代价"),
)
LABEL, VALUE, WEIGHT, COST = range(len(COLUMN_SOURCES))

ZERO_FOREGROUND = QColor("#9aa0a6")  # a zero soft term, listed only under 显示全部
HARD_FOREGROUND = QColor("#a11b1b")  # a coverage term that is not zero
SHORTFALL_MAX_HEIGHT = 130  # about four people; more scroll


class ExplanationPanel(QFrame):
    """The 方案说明 section: term table, proof line, registered volunteers short of the minimum.

    Signals: none (it only shows what `set_week` gives it).

    Attributes (read them in tests):
        toggle_button: folds the section (checked = open).
        show_all_box: 显示全部, also lists the zero-valued soft terms.
        proof_label, terms_table, shortfall_title, shortfall_label, empty_label.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("explanation")
        self._week: WeekData | None = None
        self._coverage_proven = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)

        header = QHBoxLayout()
        header.setSpacing(6)
        self.toggle_button = QToolButton(self)
        self.toggle_button.setObjectName("explanationToggle")
        self.toggle_button.setText(self.tr("方案说明"))
        self.toggle_button.setCheckable(True)
        self.toggle_button.setChecked(True)
        self.toggle_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle_button.setAutoRaise(True)
        self.toggle_button.setStyleSheet("#explanationToggle { font-weight: bold; border: none; }")
        self.toggle_button.setToolTip(self.tr("这份排班表的各项代价，以及为什么这样排"))
        self.toggle_button.toggled.connect(self._set_open)
        header.addWidget(self.toggle_button)
        header.addStretch(1)
        self.show_all_box = QCheckBox(self.tr("显示全部"), self)
        self.show_all_box.setToolTip(self.tr("也列出数量为 0 的各项（灰色）"))
        self.show_all_box.toggled.connect(self._refresh)
        header.addWidget(self.show_all_box)
        layout.addLayout(header)

        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(4)

        self.empty_label = QLabel(self.body)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #5f6368;")
        body.addWidget(self.empty_label)

        self.proof_label = QLabel(self.body)
        self.proof_label.setObjectName("proof")
        self.proof_label.setWordWrap(True)
        body.addWidget(self.proof_label)

        self.terms_table = QTableWidget(0, len(COLUMN_SOURCES), self.body)
        self.terms_table.setObjectName("terms")
        self.terms_table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMN_SOURCES])
        self.terms_table.verticalHeader().hide()
        self.terms_table.verticalHeader().setDefaultSectionSize(24)
        self.terms_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.terms_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.terms_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.terms_table.setWordWrap(False)
        self.terms_table.setStyleSheet("QTableWidget::item { padding: 0px 6px; }")
        self.terms_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.terms_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # As tall as its rows: the volunteer list above takes whatever room is left.
        self.terms_table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.terms_table.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        th = self.terms_table.horizontalHeader()
        th.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        th.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.Stretch)
        th.setHighlightSections(False)
        self.terms_table.horizontalHeaderItem(WEIGHT).setToolTip(self.tr("每 1 个单位计多少代价"))
        self.terms_table.horizontalHeaderItem(COST).setToolTip(self.tr("数量 × 权重；各项相加就是方案的目标值"))
        body.addWidget(self.terms_table)

        self.shortfall_title = QLabel(self.body)
        self.shortfall_title.setStyleSheet("font-weight: bold;")
        body.addWidget(self.shortfall_title)
        self.shortfall_label = QLabel()
        self.shortfall_label.setObjectName("shortfalls")
        self.shortfall_label.setTextFormat(Qt.TextFormat.RichText)
        self.shortfall_label.setWordWrap(True)
        self.shortfall_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # A long list scrolls instead of pushing the volunteer list out of the window.
        self.shortfall_scroll = QScrollArea(self.body)
        self.shortfall_scroll.setWidget(self.shortfall_label)
        self.shortfall_scroll.setWidgetResizable(True)
        self.shortfall_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.shortfall_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.shortfall_scroll.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.shortfall_scroll.setMaximumHeight(SHORTFALL_MAX_HEIGHT)
        body.addWidget(self.shortfall_scroll)
        layout.addWidget(self.body)
        self._set_open(True)
        self._refresh()

    # --- what is shown ------------------------------------------------------------------

    def set_week(self, week: WeekData | None, coverage_proven: bool = False) -> None:
        """Show the week's saved roster; `coverage_proven`: its 缺岗 were proven fewest
        (known only right after 自动排班, as the store does not keep it)."""
        self._week = week
        self._coverage_proven = coverage_proven
        self._refresh()

    def roster(self) -> Roster | None:
        return self._week.roster if self._week is not None else None

    def shown_rows(self) -> list[list[str]]:
        """The term table's texts, row by row (the last row is the total)."""
        table = self.terms_table
        return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]

    def _set_open(self, open_: bool) -> None:
        self.toggle_button.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self.body.setVisible(open_)
        self.show_all_box.setVisible(open_ and bool(self.roster() and self.roster().terms))

    def _refresh(self) -> None:
        roster = self.roster()
        has_terms = bool(roster is not None and roster.terms)
        self.show_all_box.setVisible(self.toggle_button.isChecked() and has_terms)
        self.terms_table.setVisible(has_terms)
        if roster is None:
            self.empty_label.setText(self.tr("本周尚未排班：点“自动排班”后，这里说明方案的各项代价。"))
        elif not has_terms:
            self.empty_label.setText(self.tr("这份排班表没有记下各项代价（没有经过自动排班，或由较早的版本保存）。"))
        self.empty_label.setVisible(not has_terms)
        if has_terms:
            self._fill_terms(roster)
            self.proof_label.setText(self._proof_text(roster))
        else:
            self.terms_table.setRowCount(0)
            self.proof_label.setText("")
        self.proof_label.setVisible(bool(self.proof_label.text()))
        self._show_shortfalls(roster)

    def _proof_text(self, roster: Roster) -> str:
        if roster.status == "OPTIMAL":
            return self.tr("已证明最优：没有总代价更小的方案。")
        bound = roster.bound if roster.bound is not None else "—"
        if self._coverage_proven:
            return self.tr("缺岗人数已证明最少；其余偏好未证明最优（下界 {bound}）。").format(bound=bound)
        if roster.status == "FEASIBLE":
            return self.tr("未证明最优：总代价不会低于下界 {bound}。").format(bound=bound)
        return ""

    def _fill_terms(self, roster: Roster) -> None:
        terms = shown_terms(roster.terms, self.show_all_box.isChecked())
        table = self.terms_table
        table.setRowCount(len(terms) + 1)
        for row, term in enumerate(terms):
            for column, item in enumerate(self._term_items(term)):
                table.setItem(row, column, item)
        total = [
            QTableWidgetItem(self.tr("合计（目标值）")),
            QTableWidgetItem(""),
            QTableWidgetItem(""),
            QTableWidgetItem(str(sum(t.cost for t in roster.terms))),
        ]
        bold = QFont(table.font())
        bold.setBold(True)
        for column, item in enumerate(total):
            item.setFont(bold)
            if column == COST:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(len(terms), column, item)
        total[LABEL].setToolTip(self.tr("各项代价之和（包括没有列出的 0 项）"))
        table.updateGeometry()

    def _term_items(self, term: TermCost) -> list[QTableWidgetItem]:
        text = term_text(term.name)
        coverage = is_coverage(term.name)
        items = [
            QTableWidgetItem(text.label),
            QTableWidgetItem(format_value(term)),
            QTableWidgetItem(self.tr("优先") if coverage else f"×{term.weight}"),
            QTableWidgetItem(str(term.cost)),
        ]
        items[LABEL].setToolTip(text.meaning)
        items[WEIGHT].setToolTip(
            self.tr("优先于其余各项：求解器把它的权重（{w}）定得足够大，其余各项加起来也抵不过它的 1 个单位").format(
                w=term.weight)
            if coverage else self.tr("每 1 个单位计 {w}").format(w=term.weight)
        )
        for item in items[VALUE:]:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if term.value == 0 and not coverage:
            for item in items:
                item.setForeground(QBrush(ZERO_FOREGROUND))
        elif coverage and term.value:
            for item in items:
                item.setForeground(QBrush(HARD_FOREGROUND))
        return items

    def _show_shortfalls(self, roster: Roster | None) -> None:
        week = self._week
        shortfalls = roster.shortfalls if roster is not None else ()
        if shortfalls:
            self.shortfall_title.setText(
                self.tr("双报到党员未达最少班次（{n} 人）").format(n=len(shortfalls)))
            lines = []
            for f in shortfalls:
                name = week.volunteer_names.get(f.volunteer, f.volunteer) if week else f.volunteer
                line = self.tr("<b>{name}</b>　已排 {served} / 应排 {required} 班").format(
                    name=html.escape(name), served=f.served, required=f.required)
                if f.reason:
                    line += "<br><span style='color:#5f6368'>" + html.escape(f.reason) + "</span>"
                lines.append(line)
            self.shortfall_label.setText("<br>".join(lines))
            visible = True
        elif roster is not None and roster.terms and week is not None and _registered_minimum(week):
            self.shortfall_title.setText(self.tr("双报到党员"))
            self.shortfall_label.setText(
                self.tr("都已排够每人最少 {n} 班。").format(n=_registered_minimum(week)))
            visible = True
        else:
            visible = False
        self.shortfall_title.setVisible(visible)
        self.shortfall_scroll.setVisible(visible)


def _registered_minimum(week: WeekData) -> int:
    """Posts each registered volunteer should stand this week; 0 when nobody is bound."""
    if not any(v.registered for v in week.scenario.volunteers):
        return 0
    return week.registered_minimum()
