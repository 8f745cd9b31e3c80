"""The community set-up dialog (社区设置): gates, slots, demand, rules, the workday calendar.

What a clerk sets once and adjusts now and then, apart from the week's roster: the gates
(门岗) in their printed order with what each post needs (party members, skills), the slot
templates (班次) with their times, how many people each gate takes per slot on workdays and
rest days (and the dates a post is closed), the community's working hours, rules and
weights, the slots that may not follow each other on consecutive days (班次衔接), and the
workday calendar. Each tab writes through `SetupEditor` at once, one
transaction per action; a refused action changes nothing and its problems appear beside
the fields they are about. The store then tells its listeners (the main window
re-reads the week), and the dialog re-reads the set-up.

Entry point: `open_community_setup(parent, store, community_id)`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QItemSelectionModel, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from roster_app.gui.calendar_editor import CalendarTab
from roster_app.gui.demand_editor import DemandTab
from roster_app.gui.kinds import SKILL_LABELS, skill_label
from roster_app.gui.settings_editor import SettingsTab, hint, time_edit, time_to_minutes
from roster_app.gui.setup_models import GateTableModel, SequenceTableModel, SlotTableModel
from roster_app.gui.setup_texts import FieldMessages, error_label, problem_lines
from roster_app.persistence.errors import StoreError
from roster_app.persistence.setup_edit import CommunitySetup, Problem, SetupEditor, SetupError
from roster_app.persistence.store import RosterStore
from solver.scenario import Needs

MAX_NEED = 20


@dataclass(frozen=True)
class Outcome:
    """What became of an attempted write: its result, or the problems that refused it."""

    result: Any = None
    problems: tuple[Problem, ...] = ()


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setDefaultSectionSize(view.fontMetrics().horizontalAdvance("中") * 9)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _select_row(view: QTableView, row: int) -> None:
    if row >= 0:
        view.selectionModel().setCurrentIndex(
            view.model().index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)


def _selected_row(view: QTableView) -> int:
    rows = view.selectionModel().selectedRows()
    return rows[0].row() if rows else -1


class GatesTab(QWidget):
    """The 门岗 tab: the list of gates (left to right as printed) and the selected gate's form.

    Attributes: `model`/`view` (the list), `new_name` + `add_button` (add a gate),
    `up_button`, `down_button`, `close_button` (停用: no demand), `remove_button`,
    `name_edit`, `party_spin`, `skill_spins` (skill code → QSpinBox), `save_button`,
    `messages` (problems beside the fields). Signals: none.
    """

    def __init__(self, dialog: CommunitySetupDialog):
        super().__init__(dialog)
        self.dialog = dialog
        layout = QHBoxLayout(self)

        left = QVBoxLayout()
        add = QHBoxLayout()
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("新门岗名称，如“菜市场口”"))
        self.add_button = QPushButton(self.tr("新增门岗"))
        self.new_name.returnPressed.connect(self.add_gate)
        self.add_button.clicked.connect(self.add_gate)
        add.addWidget(self.new_name, 1)
        add.addWidget(self.add_button)
        left.addLayout(add)
        self.add_message = error_label(self)
        left.addWidget(self.add_message)
        self.model = GateTableModel(self)
        self.view = _table(self.model)
        left.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.up_button = QPushButton(self.tr("左移（上移）"))
        self.down_button = QPushButton(self.tr("右移（下移）"))
        self.close_button = QPushButton(self.tr("停用"))
        self.close_button.setToolTip(self.tr("清空这个门岗的需求，所有时段都不开放；以前的排班表保留"))
        self.remove_button = QPushButton(self.tr("删除"))
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.close_button.clicked.connect(self.close_gate)
        self.remove_button.clicked.connect(self.remove_gate)
        for b in (self.up_button, self.down_button, self.close_button, self.remove_button):
            buttons.addWidget(b)
        left.addLayout(buttons)
        left.addWidget(hint(self.tr("门岗的顺序就是排班表上从左到右（从上到下）的顺序。")))
        self.list_message = error_label(self)
        left.addWidget(self.list_message)
        layout.addLayout(left, 3)

        self.form_box = QGroupBox(self.tr("所选门岗"))
        form = QFormLayout(self.form_box)
        self.general_message = error_label(self.form_box)
        self.messages = FieldMessages(self.general_message)
        self.name_edit = QLineEdit()
        self.name_message = self.messages.register("name", error_label(self.form_box))
        form.addRow(self.tr("名称"), self.name_edit)
        form.addRow("", self.name_message)
        form.addRow(QLabel("<b>" + self.tr("每个开放的岗位至少要有") + "</b>"))
        self.party_spin = QSpinBox()
        self.party_spin.setRange(0, MAX_NEED)
        self.party_spin.setSuffix(self.tr(" 名"))
        form.addRow(self.tr("党员"), self.party_spin)
        self.skill_spins: dict[str, QSpinBox] = {}
        for code in SKILL_LABELS:
            spin = QSpinBox()
            spin.setRange(0, MAX_NEED)
            spin.setSuffix(self.tr(" 名"))
            self.skill_spins[code] = spin
            form.addRow(skill_label(code), spin)
        self.messages.register("needs", error_label(self.form_box))
        form.addRow("", self.messages.labels["needs"])
        form.addRow("", hint(self.tr("例如东门设“党员先锋岗”：每岗至少 1 名党员。要求不能超过岗位的最少人数。")))
        self.save_button = QPushButton(self.tr("保存门岗"))
        self.save_button.clicked.connect(self.save_gate)
        form.addRow(self.general_message)
        form.addRow(self.save_button)
        layout.addWidget(self.form_box, 2)

        self.view.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self._extra_skills: dict[str, int] = {}

    # --- the selection --------------------------------------------------------------------

    def selected_code(self) -> str | None:
        row = _selected_row(self.view)
        return self.model.gate_at(row).code if row >= 0 else None

    def select(self, code: str) -> None:
        _select_row(self.view, self.model.row_of(code))

    def _show_selected(self) -> None:
        row = _selected_row(self.view)
        self.messages.clear()
        has = row >= 0
        for w in (self.form_box, self.up_button, self.down_button, self.close_button, self.remove_button):
            w.setEnabled(has)
        if not has:
            return
        gate = self.model.gate_at(row)
        self.name_edit.setText(gate.name)
        self.party_spin.setValue(gate.needs.party_member)
        for code, spin in self.skill_spins.items():
            spin.setValue(gate.needs.skills.get(code, 0))
        # Skills this program has no label for are kept as they are.
        self._extra_skills = {k: n for k, n in gate.needs.skills.items() if k not in self.skill_spins}
        self.remove_button.setToolTip(
            self.tr("排班表用到这个门岗，不能删除；可以停用") if gate.in_use else self.tr("删除这个门岗和它的需求"))

    # --- actions -----------------------------------------------------------------------------

    def add_gate(self) -> None:
        outcome = self.dialog.attempt(lambda: self.dialog.editor.add_gate(self.dialog.community_id,
                                                                           self.new_name.text()))
        if outcome.problems:
            self.add_message.setText(problem_lines(outcome.problems))
            self.add_message.show()
            return
        self.add_message.hide()
        self.dialog.note_saved(self.tr("已新增门岗“{name}”，请在“需求”里设定各时段的人数").format(
            name=self.new_name.text().strip()))
        self.new_name.clear()
        self.select(outcome.result)

    def move(self, offset: int) -> None:
        code = self.selected_code()
        if code is None:
            return
        outcome = self.dialog.attempt(lambda: self.dialog.editor.move_gate(self.dialog.community_id, code, offset))
        self._after_list_action(outcome, code)

    def close_gate(self) -> None:
        code = self.selected_code()
        if code is None:
            return
        name = self.model.gate_at(self.model.row_of(code)).name
        answer = QMessageBox.question(self, self.tr("停用门岗"),
                                      self.tr("停用“{name}”？它的所有时段都将不开放，需求要重新设定才能再开。"
                                              "以前的排班表保留。").format(name=name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        outcome = self.dialog.attempt(lambda: self.dialog.editor.close_gate(self.dialog.community_id, code))
        if self._after_list_action(outcome, code):
            self.dialog.note_saved(self.tr("已停用“{name}”").format(name=name))

    def remove_gate(self) -> None:
        code = self.selected_code()
        if code is None:
            return
        gate = self.model.gate_at(self.model.row_of(code))
        if not gate.in_use:
            answer = QMessageBox.question(self, self.tr("删除门岗"),
                                          self.tr("删除“{name}”和它的需求？").format(name=gate.name))
            if answer != QMessageBox.StandardButton.Yes:
                return
        outcome = self.dialog.attempt(lambda: self.dialog.editor.remove_gate(self.dialog.community_id, code))
        if not outcome.problems:
            self.dialog.note_saved(self.tr("已删除“{name}”").format(name=gate.name))
            return
        self._after_list_action(outcome, code)

    def _after_list_action(self, outcome: Outcome, code: str) -> bool:
        if outcome.problems:
            self.list_message.setText(problem_lines(outcome.problems))
            self.list_message.show()
        else:
            self.list_message.hide()
        self.select(code)
        return not outcome.problems

    def needs(self) -> Needs:
        skills = {code: spin.value() for code, spin in self.skill_spins.items() if spin.value()}
        return Needs(self.party_spin.value(), {**self._extra_skills, **skills})

    def save_gate(self) -> None:
        code = self.selected_code()
        if code is None:
            return
        gate = self.model.gate_at(self.model.row_of(code))
        name, needs = self.name_edit.text(), self.needs()
        editor, cid = self.dialog.editor, self.dialog.community_id
        problems: list[Problem] = []
        # Two writes, name and needs, each whole; the second is tried even if the first
        # is refused, so the clerk sees every problem at once.
        if name.strip() != gate.name:
            problems += self.dialog.attempt(lambda: editor.rename_gate(cid, code, name), reload=False).problems
        if needs != gate.needs:
            problems += self.dialog.attempt(lambda: editor.set_gate_needs(cid, code, needs), reload=False).problems
        self.dialog.reload()
        self.select(code)
        if problems:
            self.name_edit.setText(name)
            self.party_spin.setValue(needs.party_member)
            for skill, spin in self.skill_spins.items():
                spin.setValue(needs.skills.get(skill, 0))
            self.messages.show(problems)
        else:
            self.dialog.note_saved(self.tr("已保存门岗“{name}”").format(name=name.strip()))

    def set_setup(self, setup: CommunitySetup) -> None:
        code = self.selected_code()
        self.model.set_setup(setup)
        if code is not None and self.model.row_of(code) >= 0:
            self.select(code)
        elif self.model.rowCount():
            _select_row(self.view, 0)
        self._show_selected()


class SlotsTab(QWidget):
    """The 班次 tab: slot templates through the day and the form of the selected (or new) one.

    Attributes: `model`/`view`, `new_button` (start a new slot), `remove_button`,
    `name_edit`, `start_edit`, `end_edit` (00:00 as an end means 24:00), `save_button`,
    `messages`. Signals: none.
    """

    def __init__(self, dialog: CommunitySetupDialog):
        super().__init__(dialog)
        self.dialog = dialog
        self._new = False
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.model = SlotTableModel(self)
        self.view = _table(self.model)
        left.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("新增班次"))
        self.remove_button = QPushButton(self.tr("删除班次"))
        self.new_button.clicked.connect(self.start_new)
        self.remove_button.clicked.connect(self.remove_slot)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        left.addWidget(hint(self.tr("班次按开始时间排列。例如：早班 06:00–08:00、上午 08:00–12:00、"
                                    "下午 12:00–18:00、晚班 18:00–22:00。")))
        self.list_message = error_label(self)
        left.addWidget(self.list_message)
        layout.addLayout(left, 3)

        self.form_box = QGroupBox(self.tr("所选班次"))
        grid = QGridLayout(self.form_box)
        self.general_message = error_label(self.form_box)
        self.messages = FieldMessages(self.general_message)
        self.name_edit = QLineEdit()
        self.start_edit, self.end_edit = time_edit(), time_edit()
        self.end_edit.setToolTip(self.tr("结束 00:00 表示到午夜 24:00"))
        for row, (label, widget, field) in enumerate(((self.tr("名称"), self.name_edit, "name"),
                                                      (self.tr("开始"), self.start_edit, "start"),
                                                      (self.tr("结束"), self.end_edit, "end"))):
            grid.addWidget(QLabel(label), 2 * row, 0)
            grid.addWidget(widget, 2 * row, 1)
            grid.addWidget(self.messages.register(field, error_label(self.form_box)), 2 * row + 1, 1)
        grid.addWidget(hint(self.tr("结束 00:00 表示到午夜 24:00。已发布的排班表用到的班次不能改时间。")), 6, 0, 1, 2)
        self.save_button = QPushButton(self.tr("保存班次"))
        self.save_button.clicked.connect(self.save_slot)
        grid.addWidget(self.general_message, 7, 0, 1, 2)
        grid.addWidget(self.save_button, 8, 1)
        grid.setRowStretch(9, 1)
        layout.addWidget(self.form_box, 2)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())

    def selected_code(self) -> str | None:
        row = _selected_row(self.view)
        return self.model.slot_at(row).code if row >= 0 else None

    def select(self, code: str) -> None:
        _select_row(self.view, self.model.row_of(code))

    def _show_selected(self) -> None:
        row = _selected_row(self.view)
        self.messages.clear()
        if row < 0:
            return
        self._new = False
        slot = self.model.slot_at(row)
        self.form_box.setTitle(self.tr("所选班次"))
        self.name_edit.setText(slot.name)
        self.start_edit.setTime(QTime(slot.start // 60, slot.start % 60))
        end = slot.end % (24 * 60)
        self.end_edit.setTime(QTime(end // 60, end % 60))
        self.remove_button.setEnabled(True)

    def start_new(self) -> None:
        """Empties the form for a new slot; 保存班次 then adds it."""
        self.view.clearSelection()
        self._new = True
        self.messages.clear()
        self.form_box.setTitle(self.tr("新班次"))
        self.name_edit.clear()
        self.remove_button.setEnabled(False)
        self.name_edit.setFocus()

    def save_slot(self) -> None:
        name = self.name_edit.text()
        start, end = time_to_minutes(self.start_edit.time()), time_to_minutes(self.end_edit.time(), True)
        editor, cid = self.dialog.editor, self.dialog.community_id
        code = self.selected_code()
        if self._new or code is None:
            outcome = self.dialog.attempt(lambda: editor.add_slot(cid, name, start, end))
        else:
            outcome = self.dialog.attempt(lambda: editor.edit_slot(cid, code, name, start, end))
        if outcome.problems:
            self.messages.show(outcome.problems)
            return
        self._new = False
        self.select(outcome.result or code)
        self.dialog.note_saved(self.tr("已保存班次“{name}”").format(name=name.strip()))

    def remove_slot(self) -> None:
        code = self.selected_code()
        if code is None:
            return
        slot = self.model.slot_at(self.model.row_of(code))
        if not slot.in_use:
            answer = QMessageBox.question(
                self, self.tr("删除班次"),
                self.tr("删除“{name}”？各门岗这个时段的需求、志愿者这个时段的可值班时间也会一起删除。").format(name=slot.name))
            if answer != QMessageBox.StandardButton.Yes:
                return
        outcome = self.dialog.attempt(lambda: self.dialog.editor.remove_slot(self.dialog.community_id, code))
        if outcome.problems:
            self.list_message.setText(problem_lines(outcome.problems))
            self.list_message.show()
        else:
            self.list_message.hide()
            self.dialog.note_saved(self.tr("已删除班次“{name}”").format(name=slot.name))

    def set_setup(self, setup: CommunitySetup) -> None:
        code = self.selected_code()
        new = self._new
        self.model.set_setup(setup)
        if new:
            return
        if code is not None and self.model.row_of(code) >= 0:
            self.select(code)
        elif self.model.rowCount():
            _select_row(self.view, 0)
        self._show_selected()


class SequencesTab(QWidget):
    """The 班次衔接 tab: pairs of slots where whoever stood in the first one day may not
    take the second the next day (e.g. no 早班 after a 晚班), at any gates.

    Each add or removal writes the whole list at once (`SetupEditor.set_forbidden_sequences`).
    Attributes: `first_combo`, `second_combo` (the pair to add, slot codes as item data),
    `add_button`, `model`/`view` (the rules), `remove_button`, `message` (a refusal).
    Signals: none.
    """

    def __init__(self, dialog: CommunitySetupDialog):
        super().__init__(dialog)
        self.dialog = dialog
        layout = QVBoxLayout(self)
        layout.addWidget(hint(self.tr(
            "前一天站了某个班次的人，第二天不能排哪个班次（在任何门岗），如晚班之后第二天不排早班，"
            "让人休息够。选同一个班次即不能连着两天站这个班次。")))
        add = QHBoxLayout()
        self.first_combo = QComboBox()
        self.second_combo = QComboBox()
        self.add_button = QPushButton(self.tr("添加"))
        self.add_button.clicked.connect(self.add_sequence)
        add.addWidget(QLabel(self.tr("前一天站了")))
        add.addWidget(self.first_combo)
        add.addWidget(QLabel(self.tr("第二天不能排")))
        add.addWidget(self.second_combo)
        add.addWidget(self.add_button)
        add.addStretch(1)
        layout.addLayout(add)
        self.message = error_label(self)
        layout.addWidget(self.message)
        self.model = SequenceTableModel(self)
        self.view = _table(self.model)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.remove_button = QPushButton(self.tr("删除所选"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(_selected_row(self.view) >= 0)
        self.add_button.setEnabled(self.first_combo.count() > 0)

    def _write(self, pairs: list[tuple[str, str]], saved: str) -> bool:
        outcome = self.dialog.attempt(
            lambda: self.dialog.editor.set_forbidden_sequences(self.dialog.community_id, pairs))
        if outcome.problems:
            # The store names slots by code; the clerk knows them by name.
            named = [Problem(p.field, p.code, p.message,
                             {k: self.model.slot_text(v) if k in ("first", "second", "code") else v
                              for k, v in p.params.items()})
                     for p in outcome.problems]
            self.message.setText(problem_lines(named))
            self.message.show()
            return False
        self.message.hide()
        self.dialog.note_saved(saved)
        return True

    def add_sequence(self) -> None:
        first, second = self.first_combo.currentData(), self.second_combo.currentData()
        if first is None or second is None:
            return
        pairs = [*self.model.pairs(), (first, second)]
        if self._write(pairs, self.tr("已添加：{first} 之后第二天不排 {second}").format(
                first=self.model.slot_text(first), second=self.model.slot_text(second))):
            _select_row(self.view, len(pairs) - 1)

    def remove_selected(self) -> None:
        row = _selected_row(self.view)
        if row < 0:
            return
        first, second = self.model.pairs()[row]
        pairs = [p for i, p in enumerate(self.model.pairs()) if i != row]
        self._write(pairs, self.tr("已删除：{first} 之后第二天不排 {second}").format(
            first=self.model.slot_text(first), second=self.model.slot_text(second)))

    def set_setup(self, setup: CommunitySetup) -> None:
        for combo in (self.first_combo, self.second_combo):
            chosen = combo.currentData()
            combo.clear()
            for slot in setup.slots:
                combo.addItem(f"{slot.name}（{slot.label}）", slot.code)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
        self.model.set_setup(setup)
        self._update_buttons()


class CommunitySetupDialog(QDialog):
    """社区设置: tabs 门岗, 班次, 需求, 规则, 班次衔接, 日历 over one community's set-up.

    Attributes: `store`, `community_id`, `editor` (the `SetupEditor`), `setup` (the last
    snapshot read), `tabs` (the QTabWidget) and the tab widgets `gates_tab`, `slots_tab`,
    `demand_tab`, `settings_tab`, `sequences_tab`, `calendar_tab`; `status` says what was
    saved last.
    Signals: QDialog's own. Writes notify the store's listeners, so the main window
    follows without being told.
    """

    def __init__(self, store: RosterStore, community_id: int, parent: QWidget | None = None,
                 today: Callable[[], dt.date] = dt.date.today):
        super().__init__(parent)
        self.store = store
        self.community_id = community_id
        self.editor = SetupEditor(store)
        self.setup = self.editor.setup(community_id)
        self.setWindowTitle(self.tr("社区设置 — {name}").format(name=self.setup.settings.name))
        self.resize(980, 720)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.gates_tab = GatesTab(self)
        self.slots_tab = SlotsTab(self)
        self.demand_tab = DemandTab(self)
        self.settings_tab = SettingsTab(self)
        self.sequences_tab = SequencesTab(self)
        self.calendar_tab = CalendarTab(self)
        self.tabs.addTab(self.gates_tab, self.tr("门岗"))
        self.tabs.addTab(self.slots_tab, self.tr("班次"))
        self.tabs.addTab(self.demand_tab, self.tr("需求"))
        self.tabs.addTab(self.settings_tab, self.tr("规则"))
        self.tabs.addTab(self.sequences_tab, self.tr("班次衔接"))
        self.tabs.addTab(self.calendar_tab, self.tr("日历"))
        layout.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        self.status = QLabel()
        self.status.setStyleSheet("QLabel { color: #2e7d32; }")
        bottom.addWidget(self.status, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.demand_tab.set_today(today())
        self.calendar_tab.calendar.setSelectedDate(today())
        self._apply(self.setup)

    def attempt(self, action: Callable[[], Any], reload: bool = True) -> Outcome:
        """Runs one write; its problems if refused (nothing changed then), else re-reads
        the set-up into every tab (unless `reload` is False: the caller shows the change)."""
        try:
            result = action()
        except SetupError as exc:
            return Outcome(problems=exc.problems)
        except StoreError as exc:  # the database refused it: its message is for the clerk
            return Outcome(problems=(Problem("", "store", str(exc)),))
        if reload:
            self.reload()
        else:
            self.setup = self.editor.setup(self.community_id)
        return Outcome(result=result)

    def reload(self) -> None:
        self.setup = self.editor.setup(self.community_id)
        self._apply(self.setup)

    def _apply(self, setup: CommunitySetup) -> None:
        self.setWindowTitle(self.tr("社区设置 — {name}").format(name=setup.settings.name))
        for tab in (self.gates_tab, self.slots_tab, self.demand_tab, self.settings_tab, self.sequences_tab,
                    self.calendar_tab):
            tab.set_setup(setup)

    def note_saved(self, text: str) -> None:
        self.status.setText("✓ " + text)


def open_community_setup(parent: QWidget | None, store: RosterStore, community_id: int) -> CommunitySetupDialog:
    """Opens the set-up dialog of a community, window-modal, and returns it at once."""
    dialog = CommunitySetupDialog(store, community_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
