"""The 日历 tab of the set-up dialog: which dates are workdays, month by month.

The solver decides the party-member rule and the workday / rest-day demand by the Chinese
official calendar (`solver.workdays`: public holidays are rest days, some weekends are
adjusted workdays, 调休) and the community's per-date overrides. This tab shows a month
with official holidays marked 休, adjusted workdays marked 班, rest days tinted as in the
roster grid, and the clerk's own overrides framed and marked in blue. Clicking a date
flips it between workday and rest day (a second click brings the official arrangement
back); for a year the calendar package does not know yet the tab says so, since then
Monday–Friday are assumed until the clerk enters the State Council's arrangement here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import chinese_calendar
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from roster_app.gui.roster_model import REST_DAY_BACKGROUND
from roster_app.gui.setup_models import weekday_text
from roster_app.gui.setup_texts import error_label
from roster_app.persistence.setup_edit import CommunitySetup
from solver.scenario import CalendarOverrides
from solver.workdays import WorkdayCalendar

if TYPE_CHECKING:
    from roster_app.gui.community_setup import CommunitySetupDialog

HOLIDAY_COLOUR = QColor("#c62828")
ADJUSTED_COLOUR = QColor("#8d5a00")
OVERRIDE_COLOUR = QColor("#1f5fa8")

# The chinese_calendar package names holidays in English; these are the clerk's names.
HOLIDAY_NAMES = {
    "New Year's Day": QT_TRANSLATE_NOOP("CalendarTab", "元旦"),
    "Spring Festival": QT_TRANSLATE_NOOP("CalendarTab", "春节"),
    "Tomb-sweeping Day": QT_TRANSLATE_NOOP("CalendarTab", "清明节"),
    "Labour Day": QT_TRANSLATE_NOOP("CalendarTab", "劳动节"),
    "Dragon Boat Festival": QT_TRANSLATE_NOOP("CalendarTab", "端午节"),
    "National Day": QT_TRANSLATE_NOOP("CalendarTab", "国庆节"),
    "Mid-autumn Festival": QT_TRANSLATE_NOOP("CalendarTab", "中秋节"),
    "Anti-Fascist 70th Day": QT_TRANSLATE_NOOP("CalendarTab", "抗战胜利纪念日"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("CalendarTab", text)


@dataclass(frozen=True)
class DayStatus:
    """What a date is: `workday` as the solver will see it, `official` by the state calendar,
    `override` the community's own setting (None: none), `holiday` the official holiday's
    English name, `adjusted` an official weekend workday (调休), `known` whether the calendar
    package knows the year (else Monday–Friday are assumed)."""

    date: dt.date
    workday: bool
    official: bool
    override: bool | None
    holiday: str | None
    adjusted: bool
    known: bool


def day_status(day: dt.date, overrides: CalendarOverrides) -> DayStatus:
    plain = WorkdayCalendar()
    official = plain.is_workday(day)
    override = True if day in overrides.workdays else False if day in overrides.rest_days else None
    return DayStatus(
        date=day,
        workday=WorkdayCalendar(overrides).is_workday(day),
        official=official,
        override=override,
        holiday=chinese_calendar.holidays.get(day) if not official else None,
        adjusted=day in chinese_calendar.workdays,
        known=not plain.warnings(),
    )


def toggled(status: DayStatus) -> bool | None:
    """The override a click sets: the other kind of day, or none when that is the official one."""
    flipped = not status.workday
    return None if flipped == status.official else flipped


def describe(status: DayStatus) -> str:
    """"2026-10-01 周四：国庆节，法定假日，休息日" and what the community changed."""
    kind = tr("工作日") if status.workday else tr("休息日")
    parts = []
    if status.holiday:
        parts.append(tr("{name}，法定假日").format(name=tr(HOLIDAY_NAMES.get(status.holiday, status.holiday))))
    elif status.adjusted:
        parts.append(tr("调休上班"))
    if status.override is not None:
        official = tr("工作日") if status.official else tr("休息日")
        parts.append(tr("本社区改为{kind}（国家安排是{official}，再点一次恢复）").format(kind=kind, official=official))
    else:
        parts.append(kind)
    if not status.known:
        parts.append(tr("国家安排未知，暂按周一至周五上班"))
    return f"{status.date:%Y-%m-%d} {weekday_text(status.date)}：" + "，".join(parts)


class WorkdayCalendarWidget(QCalendarWidget):
    """A month calendar that marks holidays (休), adjusted workdays (班), rest days (tinted)
    and the community's overrides (blue frame, blue 班/休). Signals: QCalendarWidget's own."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.overrides = CalendarOverrides()
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        # Month and weekday names in the language of the interface: the locale's name is
        # itself a translatable string, so an English translation says "en_GB".
        self.setLocale(QLocale(QCoreApplication.translate("CalendarTab", "zh_CN")))
        # Weekends are not always rest days here: no red weekend numbers from Qt.
        plain = QTextCharFormat()
        plain.setForeground(self.palette().text())
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.setWeekdayTextFormat(day, plain)

    def set_overrides(self, overrides: CalendarOverrides) -> None:
        self.overrides = overrides
        self.updateCells()

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        day = date.toPython()
        status = day_status(day, self.overrides)
        painter.save()
        if not status.workday:
            painter.fillRect(rect, REST_DAY_BACKGROUND)
        painter.restore()
        if date == self.selectedDate():
            super().paintCell(painter, rect, date)
        else:
            painter.save()
            in_month = date.month() == self.monthShown()
            painter.setPen(self.palette().text().color() if in_month else QColor("#a0a4a8"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(date.day()))
            painter.restore()
        badge, colour = None, None
        if status.override is not None:
            # The framed day's badge says what it is now; the frame says who decided.
            badge, colour = (tr("班") if status.workday else tr("休")), OVERRIDE_COLOUR
        elif status.holiday:
            badge, colour = tr("休"), HOLIDAY_COLOUR
        elif status.adjusted:
            badge, colour = tr("班"), ADJUSTED_COLOUR
        if badge:
            painter.save()
            font = QFont(painter.font())
            font.setPointSizeF(max(font.pointSizeF() * 0.75, 6))
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(colour)
            painter.drawText(rect.adjusted(0, 3, -6, 0), Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight, badge)
            if status.override is not None:
                painter.setPen(QPen(OVERRIDE_COLOUR, 2))
                painter.drawRect(rect.adjusted(1, 1, -2, -2))
            painter.restore()

    def cell_centre(self, day: dt.date) -> QPoint | None:
        """Where `day` is drawn in the shown month, in the view's viewport (for tests and
        tooltips); None if it is not on the page."""
        from PySide6.QtWidgets import QTableView

        view = self.findChild(QTableView, "qt_calendar_calendarview")
        model = view.model()
        matches = [model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())
                   if model.index(r, c).data() == day.day]
        if not matches or day.month != self.monthShown() or day.year != self.yearShown():
            return None
        # Days of the neighbouring months share numbers: early numbers of this month come
        # first on the page, late ones last.
        index = matches[0] if day.day < 15 else matches[-1]
        return view.visualRect(index).center()


class CalendarTab(QWidget):
    """The 日历 tab. Attributes: `calendar` (a `WorkdayCalendarWidget`), `info` (what the
    selected date is), `toggle_button` (the keyboard way to flip the selected date),
    `overrides_label` (the month's overrides), `unknown_year` (the warning for a year the
    calendar does not know), `message` (a refused write). Signals: none."""

    def __init__(self, dialog: CommunitySetupDialog):
        super().__init__(dialog)
        self.dialog = dialog
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("按国家法定节假日和调休安排区分工作日和休息日。点一下日期可以在工作日和休息日之间切换"
                                        "（例如通知来得晚的调休），再点一次恢复国家安排。")))
        self.calendar = WorkdayCalendarWidget(self)
        self.calendar.setMinimumSize(560, 360)
        self.calendar.clicked.connect(self._toggle)
        self.calendar.selectionChanged.connect(self._show_selected)
        self.calendar.currentPageChanged.connect(lambda *_: self._show_month())
        layout.addWidget(self.calendar, 1)
        legend = QHBoxLayout()
        for text, colour in ((self.tr("休 法定假日"), HOLIDAY_COLOUR), (self.tr("班 调休上班"), ADJUSTED_COLOUR),
                             (self.tr("蓝框 本社区调整"), OVERRIDE_COLOUR)):
            label = QLabel(text)
            label.setStyleSheet(f"QLabel {{ color: {colour.name()}; font-weight: bold; }}")
            legend.addWidget(label)
        rest = QLabel(self.tr("休息日"))
        rest.setStyleSheet(f"QLabel {{ background: {REST_DAY_BACKGROUND.name()}; padding: 1px 6px; }}")
        legend.addWidget(rest)
        legend.addStretch(1)
        self.toggle_button = QPushButton(self.tr("切换所选日期"))
        self.toggle_button.clicked.connect(lambda: self._toggle(self.calendar.selectedDate()))
        legend.addWidget(self.toggle_button)
        layout.addLayout(legend)
        self.info = QLabel()
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.overrides_label = QLabel()
        self.overrides_label.setWordWrap(True)
        layout.addWidget(self.overrides_label)
        self.unknown_year = error_label(self)
        layout.addWidget(self.unknown_year)
        self.message = error_label(self)
        layout.addWidget(self.message)

    def set_setup(self, setup: CommunitySetup) -> None:
        self.calendar.set_overrides(setup.calendar)
        self._show_selected()
        self._show_month()

    def status(self, day: dt.date) -> DayStatus:
        return day_status(day, self.calendar.overrides)

    def _toggle(self, date: QDate) -> None:
        day = date.toPython()
        value = toggled(self.status(day))
        outcome = self.dialog.attempt(
            lambda: self.dialog.editor.set_calendar_overrides(self.dialog.community_id, {day: value}))
        if outcome.problems:
            self.message.setText("\n".join(p.message for p in outcome.problems))
            self.message.show()
            return
        self.message.hide()
        status = self.status(day)
        self.dialog.note_saved(self.tr("{date} 改为{kind}").format(
            date=f"{day:%m-%d}", kind=self.tr("工作日") if status.workday else self.tr("休息日")))

    def _show_selected(self) -> None:
        self.info.setText(describe(self.status(self.calendar.selectedDate().toPython())))

    def _show_month(self) -> None:
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        overrides = self.calendar.overrides
        days = sorted(d for d in overrides.workdays | overrides.rest_days if (d.year, d.month) == (year, month))
        if days:
            items = [self.tr("{date} {weekday} 改为{kind}").format(
                date=f"{d:%m-%d}", weekday=weekday_text(d),
                kind=self.tr("工作日") if d in overrides.workdays else self.tr("休息日")) for d in days]
            self.overrides_label.setText(self.tr("本月本社区调整的日期：") + "；".join(items))
        else:
            self.overrides_label.setText(self.tr("本月没有本社区调整的日期。"))
        if day_status(dt.date(year, month, 1), CalendarOverrides()).known:
            self.unknown_year.hide()
        else:
            self.unknown_year.setText(self.tr(
                "本软件还不知道 {year} 年的国家节假日安排，暂按周一至周五上班。请按国务院通知在这里逐日调整。"
            ).format(year=year))
            self.unknown_year.show()
