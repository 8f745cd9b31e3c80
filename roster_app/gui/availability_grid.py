"""Entering when a volunteer can serve: the weekly grid and the list of dates away.

`AvailabilityGrid` is the week as the clerk thinks of it: the days of the week across,
the community's slots down (the same orientation as the roster grid), a green cell for
"can take this slot on this weekday". A click toggles a cell; pressing and dragging
paints every cell the pointer passes with the value the first cell took, so "every
weekday evening" is one stroke. Clicking a day's or a slot's header fills or clears the
whole column or row. Arrow keys and the space bar do the same without a mouse.

For several people at once (the bulk edit) a cell can also be *mixed*: some of them
can, some cannot. A mixed cell left alone keeps each person's own answer; `added()` and
`removed()` give only what the clerk changed, which is what
`VolunteerEditStore.change_availability` writes.

`DateExceptions` keeps the dates a person cannot serve whatever their week says (leave,
sick, a family visit): a list beside a `QCalendarWidget` on which they are marked.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Iterable, Sequence

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPoint, QRect, QSize, Qt, QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTextCharFormat,
)
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from roster_app.persistence.volunteer_edit import Cell, SlotChoice

DAY_SOURCES = (
    QT_TRANSLATE_NOOP("AvailabilityGrid", "周一"),
    QT_TRANSLATE_NOOP("AvailabilityGrid", "周二"),
    QT_TRANSLATE_NOOP("AvailabilityGrid", "周三"),
    QT_TRANSLATE_NOOP("AvailabilityGrid", "周四"),
    QT_TRANSLATE_NOOP("AvailabilityGrid", "周五"),
    QT_TRANSLATE_NOOP("AvailabilityGrid", "周六"),
    QT_TRANSLATE_NOOP("AvailabilityGrid", "周日"),
)

ON_FILL = QColor("#4f9a3a")  # the green of "can serve"
ON_NOTED_FILL = QColor("#a3c995")  # can serve, but only when the weekday is a rest day
OFF_NOTED_FILL = QColor("#f0f1f3")
ON_TEXT = QColor("white")
OFF_FILL = QColor("white")
MIXED_FILL = QColor("#dfe6d8")
MIXED_HATCH = QColor("#8fae7f")
WEEKEND_HEADER = QColor("#eef5ea")  # Saturday and Sunday are usually rest days
HEADER_FILL = QColor("#f3f4f6")
GRID_LINE = QColor("#c8ccd1")
FOCUS_LINE = QColor("#1f5fa8")


def day_name(weekday: int) -> str:
    """"周一" … "周日" for 0 … 6, translated."""
    return QCoreApplication.translate("AvailabilityGrid", DAY_SOURCES[weekday])


def slot_times(slot: SlotChoice) -> str:
    """"06:00–08:00"."""
    return f"{slot.start // 60:02d}:{slot.start % 60:02d}–{slot.end // 60:02d}:{slot.end % 60:02d}"


class CellState(Enum):
    OFF = 0
    ON = 1
    MIXED = 2  # only in the bulk edit: some of the people can, some cannot


class AvailabilityGrid(QWidget):
    """The weekly availability of one person (or several, with mixed cells).

    Signals:
        cells_changed(): a cell changed by the clerk (mouse or keyboard); read `cells()`,
            `added()`, `removed()`. Not emitted by `set_cells` / `set_states`.

    Geometry helpers `cell_rect(weekday, slot_index)` and `cell_at(point)` let tests
    click where a clerk would.
    """

    cells_changed = Signal()

    HEADER_HEIGHT = 30
    CELL_WIDTH = 54
    CELL_HEIGHT = 34

    def __init__(self, slots: Sequence[SlotChoice] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self._slots: tuple[SlotChoice, ...] = ()
        self._state: dict[Cell, CellState] = {}
        self._initial: dict[Cell, CellState] = {}
        self._stroke: CellState | None = None  # the value a drag paints
        self._focus: tuple[int, int] = (0, 0)  # (weekday, slot index) for the keyboard
        self._noted: frozenset[str] = frozenset()  # slots drawn pale on Monday–Friday
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("可值班时间"))
        self.set_slots(slots)

    # --- data --------------------------------------------------------------------------

    def set_slots(self, slots: Sequence[SlotChoice]) -> None:
        self._slots = tuple(slots)
        self.set_cells(frozenset())
        self.updateGeometry()

    def set_workday_note(self, slot_codes: Iterable[str]) -> None:
        """Draws these slots pale from Monday to Friday: for an employed person they count
        only when the day is a rest day (the party-member rule keeps employed people out of
        the working hours of a workday). The cells stay editable: a holiday Monday is a
        rest day, so marking them is not wrong."""
        self._noted = frozenset(slot_codes)
        self.update()

    def is_noted(self, cell: Cell) -> bool:
        return cell[0] < 5 and cell[1] in self._noted

    def slots(self) -> tuple[SlotChoice, ...]:
        return self._slots

    def all_cells(self) -> list[Cell]:
        return [(day, slot.code) for slot in self._slots for day in range(7)]

    def set_cells(self, cells: Iterable[Cell]) -> None:
        """One person's week: exactly `cells` on, the rest off; this is the starting point."""
        on = set(cells)
        self.set_states({cell: CellState.ON if cell in on else CellState.OFF for cell in self.all_cells()})

    def set_states(self, states: dict[Cell, CellState]) -> None:
        """Several people's week: each cell on, off or mixed; this is the starting point."""
        self._state = {cell: states.get(cell, CellState.OFF) for cell in self.all_cells()}
        self._initial = dict(self._state)
        self.update()

    def cells(self) -> frozenset[Cell]:
        """The cells that are on (mixed cells are not)."""
        return frozenset(c for c, s in self._state.items() if s is CellState.ON)

    def state(self, cell: Cell) -> CellState:
        return self._state[cell]

    def added(self) -> frozenset[Cell]:
        """Cells the clerk turned on that were not on for everyone at the start."""
        return frozenset(c for c, s in self._state.items() if s is CellState.ON and self._initial[c] is not s)

    def removed(self) -> frozenset[Cell]:
        """Cells the clerk turned off that were not off for everyone at the start."""
        return frozenset(c for c, s in self._state.items() if s is CellState.OFF and self._initial[c] is not s)

    def _set(self, cells: Iterable[Cell], state: CellState) -> None:
        changed = False
        for cell in cells:
            if self._state.get(cell) not in (None, state):
                self._state[cell] = state
                changed = True
        if changed:
            self.update()
            self.cells_changed.emit()

    # --- geometry ----------------------------------------------------------------------

    def _header_width(self) -> int:
        metrics = self.fontMetrics()
        widest = max((max(metrics.horizontalAdvance(s.name), metrics.horizontalAdvance(slot_times(s)))
                      for s in self._slots), default=40)
        return widest + 16

    def _cell_height(self) -> int:
        return max(self.CELL_HEIGHT, 2 * self.fontMetrics().height() + 6)

    def sizeHint(self) -> QSize:
        return QSize(self._header_width() + 7 * self.CELL_WIDTH + 1,
                     self.HEADER_HEIGHT + len(self._slots) * self._cell_height() + 1)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def cell_rect(self, weekday: int, slot_index: int) -> QRect:
        return QRect(self._header_width() + weekday * self.CELL_WIDTH,
                     self.HEADER_HEIGHT + slot_index * self._cell_height(), self.CELL_WIDTH, self._cell_height())

    def day_header_rect(self, weekday: int) -> QRect:
        return QRect(self._header_width() + weekday * self.CELL_WIDTH, 0, self.CELL_WIDTH, self.HEADER_HEIGHT)

    def slot_header_rect(self, slot_index: int) -> QRect:
        return QRect(0, self.HEADER_HEIGHT + slot_index * self._cell_height(), self._header_width(),
                     self._cell_height())

    def _hit(self, point: QPoint) -> tuple[str, int, int] | None:
        """("cell", day, slot) / ("day", day, -1) / ("slot", -1, slot) under `point`, or None."""
        x, y = point.x() - self._header_width(), point.y() - self.HEADER_HEIGHT
        day = x // self.CELL_WIDTH if x >= 0 else -1
        slot = y // self._cell_height() if y >= 0 else -1
        if day >= 7 or slot >= len(self._slots):
            return None
        if day >= 0 and slot >= 0:
            return ("cell", day, slot)
        if day >= 0 and y < 0:
            return ("day", day, -1)
        if slot >= 0 and x < 0:
            return ("slot", -1, slot)
        return None

    def cell_at(self, point: QPoint) -> Cell | None:
        hit = self._hit(point)
        return (hit[1], self._slots[hit[2]].code) if hit and hit[0] == "cell" else None

    # --- mouse and keyboard ------------------------------------------------------------

    @staticmethod
    def _toggled(state: CellState) -> CellState:
        return CellState.OFF if state is CellState.ON else CellState.ON  # mixed -> on

    def _fill(self, cells: list[Cell]) -> None:
        """A header click: all on, unless all are on already, then all off."""
        on = all(self._state[c] is CellState.ON for c in cells)
        self._set(cells, CellState.OFF if on else CellState.ON)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        hit = self._hit(event.position().toPoint())
        if hit is None:
            return
        what, day, slot = hit
        if what == "day":
            self._fill([(day, s.code) for s in self._slots])
        elif what == "slot":
            self._fill([(d, self._slots[slot].code) for d in range(7)])
        else:
            cell = (day, self._slots[slot].code)
            self._focus = (day, slot)
            self._stroke = self._toggled(self._state[cell])
            self._set([cell], self._stroke)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        cell = self.cell_at(event.position().toPoint())
        if self._stroke is not None and event.buttons() & Qt.MouseButton.LeftButton:
            if cell is not None:
                self._set([cell], self._stroke)
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._stroke = None
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        day, slot = self._focus
        key = event.key()
        moves = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key in moves and self._slots:
            dx, dy = moves[key]
            self._focus = (min(6, max(0, day + dx)), min(len(self._slots) - 1, max(0, slot + dy)))
            self.update()
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._slots:
            cell = (day, self._slots[slot].code)
            self._set([cell], self._toggled(self._state[cell]))
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            hit = self._hit(event.pos())
            if hit and hit[0] == "cell":
                slot = self._slots[hit[2]]
                state = self._state[(hit[1], slot.code)]
                what = {CellState.ON: self.tr("可值班"), CellState.OFF: self.tr("不可值班"),
                        CellState.MIXED: self.tr("部分人可值班（不改则各人保持原样）")}[state]
                if self.is_noted((hit[1], slot.code)):
                    what += self.tr("（在职：工作日这个时段不排班，只在休息日有效）")
                QToolTip.showText(event.globalPos(), f"{day_name(hit[1])} {slot.name} {slot_times(slot)}：{what}", self)
            elif hit and hit[0] == "day":
                QToolTip.showText(event.globalPos(), self.tr("点击：这一天全选或全不选"), self)
            elif hit and hit[0] == "slot":
                QToolTip.showText(event.globalPos(), self.tr("点击：这个时段一周全选或全不选"), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    # --- painting ----------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for day in range(7):
            rect = self.day_header_rect(day)
            painter.fillRect(rect, WEEKEND_HEADER if day >= 5 else HEADER_FILL)
            painter.setPen(QPen(GRID_LINE))
            painter.drawRect(rect)
            painter.setPen(QPen(self.palette().text().color()))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, day_name(day))
        for i, slot in enumerate(self._slots):
            rect = self.slot_header_rect(i)
            painter.fillRect(rect, HEADER_FILL)
            painter.setPen(QPen(GRID_LINE))
            painter.drawRect(rect)
            painter.setPen(QPen(self.palette().text().color()))
            top = rect.adjusted(8, 2, -4, -rect.height() // 2)
            bottom = rect.adjusted(8, rect.height() // 2 - 2, -4, -2)
            painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, slot.name)
            painter.setPen(QPen(QColor("#6b7078")))
            painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, slot_times(slot))
            for day in range(7):
                cell_rect = self.cell_rect(day, i)
                state = self._state.get((day, slot.code), CellState.OFF)
                noted = self.is_noted((day, slot.code))
                if state is CellState.ON:
                    painter.fillRect(cell_rect, ON_NOTED_FILL if noted else ON_FILL)
                    painter.setPen(QPen(ON_TEXT))
                    painter.drawText(cell_rect, Qt.AlignmentFlag.AlignCenter, "✓")
                elif state is CellState.MIXED:
                    painter.fillRect(cell_rect, MIXED_FILL)
                    painter.fillRect(cell_rect, QBrush(MIXED_HATCH, Qt.BrushStyle.BDiagPattern))
                else:
                    painter.fillRect(cell_rect, OFF_NOTED_FILL if noted else OFF_FILL)
                painter.setPen(QPen(GRID_LINE))
                painter.drawRect(cell_rect)
        if self.hasFocus() and self._slots:
            painter.setPen(QPen(FOCUS_LINE, 2))
            painter.drawRect(self.cell_rect(*self._focus).adjusted(1, 1, -1, -1))
        painter.end()


def date_text(date: dt.date) -> str:
    """"2026-11-25 周三"."""
    return f"{date.isoformat()} {day_name(date.weekday())}"


class DateExceptions(QWidget):
    """Dates a person is away (leave, sick): a list and a calendar to add from.

    The calendar marks the listed dates in red; 添加 adds the calendar's date and the
    following days (连续 N 天, for a week of sick leave), 删除 removes the selected list
    entries. A double click on a calendar date adds it too.

    Signals:
        dates_changed(): the clerk added or removed dates; read `dates()`.
    """

    dates_changed = Signal()

    def __init__(self, parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self._dates: set[dt.date] = set()
        self._today = today or dt.date.today()
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        # Month and day names in the language of the UI, not of the machine: the locale's
        # name is a translatable string, so an English translation brings English names.
        self.calendar.setLocale(QLocale(QCoreApplication.translate("DateExceptions", "zh_CN")))
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setSelectedDate(QDate(self._today.year, self._today.month, self._today.day))
        self.calendar.activated.connect(lambda _date: self.add_selected())
        self.days = QSpinBox(self)
        self.days.setRange(1, 60)
        self.days.setSuffix(self.tr(" 天"))
        self.days.setPrefix(self.tr("连续 "))
        self.add_button = QPushButton(self.tr("添加请假日期"), self)
        self.add_button.clicked.connect(self.add_selected)
        self.list = QListWidget(self)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.list.setMinimumWidth(150)
        self.remove_button = QPushButton(self.tr("删除所选日期"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.empty_label = QLabel(self.tr("没有请假日期"), self)
        self.empty_label.setStyleSheet("color: #6b7078;")

        left = QVBoxLayout()
        left.addWidget(self.calendar)
        row = QHBoxLayout()
        row.addWidget(self.days)
        row.addWidget(self.add_button)
        row.addStretch(1)
        left.addLayout(row)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("请假 / 不能值班的日期：")))
        right.addWidget(self.list, 1)
        right.addWidget(self.empty_label)
        self._spacer = QWidget(self)  # holds the column's height while the list is hidden
        right.addWidget(self._spacer, 1)
        right.addWidget(self.remove_button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left)
        layout.addLayout(right, 1)
        self._refresh()

    def dates(self) -> frozenset[dt.date]:
        return frozenset(self._dates)

    def set_dates(self, dates: Iterable[dt.date]) -> None:
        """The starting list (no signal)."""
        self._dates = set(dates)
        self._refresh()

    def add_dates(self, dates: Iterable[dt.date]) -> None:
        new = set(dates) - self._dates
        if new:
            self._dates |= new
            self._refresh()
            self.dates_changed.emit()

    def add_selected(self) -> None:
        first = self.calendar.selectedDate().toPython()
        self.add_dates(first + dt.timedelta(days=i) for i in range(self.days.value()))

    def remove_selected(self) -> None:
        gone = {item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()}
        if gone:
            self._dates -= gone
            self._refresh()
            self.dates_changed.emit()

    def _refresh(self) -> None:
        self.list.clear()
        for date in sorted(self._dates):
            item = QListWidgetItem(date_text(date))
            item.setData(Qt.ItemDataRole.UserRole, date)
            if date < self._today:
                item.setForeground(QColor("#8a8f96"))  # past leave: kept for the record, greyed
                item.setToolTip(self.tr("已过去的日期"))
            self.list.addItem(item)
        self.empty_label.setVisible(not self._dates)
        self.list.setVisible(bool(self._dates))
        self._spacer.setVisible(not self._dates)
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clears every mark
        marked = QTextCharFormat()
        marked.setBackground(QColor("#f6d5d2"))
        marked.setForeground(QColor("#a11b1b"))
        for date in self._dates:
            self.calendar.setDateTextFormat(QDate(date.year, date.month, date.day), marked)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.list.selectedItems()))
