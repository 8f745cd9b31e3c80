"""新建社区: the clerk's own community from a standard template, in one short form.

The clerk types the community's name (and, if they like, the office's contact line that
the gate sheets print), says how many gates the compound has, and presses
创建并导入志愿者… — the community is stored with the standard slots, demand and rules of
`roster_app.community_template` (renamed and tuned later in 社区设置), the demo is removed
when it is there and the box is left ticked, and the window goes on to the import of the
volunteer list. 只创建 stops after the community is made.

`NewCommunityDialog` writes through the store's API only (`import_scenario`,
`remove_community`); a name already taken or left empty is said beside the field and
nothing is written.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from roster_app.community_template import MAX_GATES, MAX_PEOPLE, MIN_PEOPLE, STANDARD_SLOTS, gate_names, standard_scenario
from roster_app.gui.setup_texts import error_label

log = logging.getLogger(__name__)


def _hours(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class NewCommunityDialog(QDialog):
    """The 新建社区 form.

    Signals:
        created(int, bool): the new community's id, and whether the clerk asked to import
            the volunteer list next (创建并导入志愿者…) rather than only create it.

    Attributes: name_edit, contact_edit, gates_spin, gates_label (the gates' first names),
        remove_demo_box (None when there is no demo), name_message (the problem beside
        the name), create_import_button, create_button, cancel_button, community_id (after
        creating).
    """

    created = Signal(int, bool)

    def __init__(self, store: Any, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._today = today
        self.community_id: int | None = None
        self._communities = store.communities()
        demo = next((c for c in self._communities if c.is_demo), None)
        self.setWindowTitle(self.tr("新建社区"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "填上社区名称就能开始：门岗、班次和每岗人数先按常用的样子建好，"
            "以后在“数据 → 社区设置”里改名、增减、调整。"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("如“玉带路社区”"))
        self.name_edit.textChanged.connect(self._update)
        self.name_message = error_label(self)
        name_box = QVBoxLayout()
        name_box.setSpacing(2)
        name_box.addWidget(self.name_edit)
        name_box.addWidget(self.name_message)
        form.addRow(self.tr("社区名称"), name_box)
        self.contact_edit = QLineEdit(self)
        self.contact_edit.setPlaceholderText(self.tr("如“玉带路社区居委会 电话 010-8952 3716”（印在门岗值班表上，可不填）"))
        form.addRow(self.tr("联系方式"), self.contact_edit)
        self.gates_spin = QSpinBox(self)
        self.gates_spin.setRange(1, MAX_GATES)
        self.gates_spin.setValue(4)
        self.gates_spin.setSuffix(self.tr(" 个"))
        self.gates_spin.valueChanged.connect(self._show_gates)
        self.gates_label = QLabel(self)
        self.gates_label.setWordWrap(True)
        self.gates_label.setStyleSheet("color: #4a4f57;")
        gates_box = QVBoxLayout()
        gates_box.setSpacing(2)
        gates_box.addWidget(self.gates_spin, 0, Qt.AlignmentFlag.AlignLeft)
        gates_box.addWidget(self.gates_label)
        form.addRow(self.tr("门岗数"), gates_box)
        slots = "、".join(f"{s.name} {_hours(s.start)}–{_hours(s.end)}" for s in STANDARD_SLOTS)
        slots_label = QLabel(self.tr("{slots}；每个门岗每个班次 {low}–{high} 人").format(
            slots=slots, low=MIN_PEOPLE, high=MAX_PEOPLE), self)
        slots_label.setWordWrap(True)
        slots_label.setStyleSheet("color: #4a4f57;")
        form.addRow(self.tr("班次"), slots_label)
        layout.addLayout(form)

        self.remove_demo_box: QCheckBox | None = None
        self._demo_id = demo.id if demo is not None else None
        if demo is not None:
            self.remove_demo_box = QCheckBox(self.tr("同时删除演示数据（{name}）").format(name=demo.name), self)
            self.remove_demo_box.setChecked(True)
            layout.addWidget(self.remove_demo_box)

        buttons = QDialogButtonBox(self)
        self.create_import_button = buttons.addButton(self.tr("创建并导入志愿者…"),
                                                      QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button = buttons.addButton(self.tr("只创建"), QDialogButtonBox.ButtonRole.ApplyRole)
        self.cancel_button = buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.create_import_button.setDefault(True)
        self.create_import_button.clicked.connect(lambda: self.create(import_next=True))
        self.create_button.clicked.connect(lambda: self.create(import_next=False))
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self._show_gates()
        self._update()
        self.resize(560, self.sizeHint().height())

    def _show_gates(self) -> None:
        self.gates_label.setText(self.tr("先叫 {names}").format(names="、".join(gate_names(self.gates_spin.value()))))

    def _problem(self) -> str:
        name = self.name_edit.text().strip()
        if not name:
            return self.tr("请填写社区名称。")
        if any(c.name == name for c in self._communities if c.id != self._demo_id or not self._removing_demo()):
            return self.tr("已有名为“{name}”的社区。").format(name=name)
        return ""

    def _removing_demo(self) -> bool:
        return self.remove_demo_box is not None and self.remove_demo_box.isChecked()

    def _update(self) -> None:
        # An empty name is no error yet (the clerk has not typed); the buttons wait for it.
        ready = bool(self.name_edit.text().strip())
        self.create_import_button.setEnabled(ready)
        self.create_button.setEnabled(ready)
        if not self.name_message.isHidden():
            self._say(self._problem() if ready else "")

    def _say(self, text: str) -> None:
        """The problem beside the name (hidden when there is none)."""
        self.name_message.setText(text)
        self.name_message.setVisible(bool(text))

    def create(self, import_next: bool = True) -> int | None:
        """Store the community (and remove the demo when asked); the new id, or None when
        the form is refused or the store fails (said in the dialog)."""
        problem = self._problem()
        if problem:
            self._say(problem)
            self.name_edit.setFocus()
            return None
        scenario = standard_scenario(self.name_edit.text(), self._today, self.gates_spin.value())
        try:
            community_id = self.store.import_scenario(scenario, contact=self.contact_edit.text().strip())
        except Exception as exc:
            log.exception("creating the community failed")
            self._say(self.tr("没有建成：{error}").format(error=exc))
            return None
        if self._removing_demo():
            try:
                self.store.remove_community(self._demo_id)
            except Exception:
                # The new community stands; the demo can still be removed from its banner.
                log.exception("removing the demo failed")
        self.community_id = community_id
        self.created.emit(community_id, import_next)
        self.accept()
        return community_id


def open_new_community(parent: QWidget | None, store: Any, today: dt.date) -> NewCommunityDialog:
    """Open 新建社区 window-modal over `parent` (not blocking) and return it."""
    dialog = NewCommunityDialog(store, today, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
