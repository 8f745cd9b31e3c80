"""The chart of a report: service hours per week, stacked by kind of volunteer.

Painted with QPainter (QtCharts is not part of the app's Qt), so the same drawing serves
the dialog's widget and the PNG the clerk sends on (`chart_image`). The kinds stack in the
legend's order from the bottom (the party members first) and take the window's colours
(`roster_app.gui.kinds`), so a name chip and a bar of the same kind look alike. Each bar
carries its week's total on top; with many weeks (a year) the date labels thin out so
they never overlap.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QImage, QPainter, QPen

from roster_app.fonts import choose_family
from roster_app.gui.kinds import kind_style
from roster_app.reports.service_hours import WeekKindHours, format_hours, tr

INK = QColor("#1a1a1a")
MUTED = QColor("#5f6368")
GRID = QColor("#e3e5e8")
AXIS = QColor("#9aa0a6")
BACKGROUND = QColor("#ffffff")


def chart_font(pixel_size: float, bold: bool = False) -> QFont:
    """A Chinese font of `pixel_size` pixels (an image has no app font to inherit)."""
    font = QFont()
    family = choose_family(QFontDatabase.families())
    if family is not None:
        font.setFamilies([family])
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    return font


def nice_step(top: float, ticks: int = 5) -> float:
    """A round step (1, 2, 5 × 10ⁿ) that divides 0..`top` into about `ticks` parts."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def week_tick_label(week: dt.date) -> str:
    """"11/23": the Monday of the week, short enough for a year of bars."""
    return f"{week.month}/{week.day}"


def paint_chart(painter: QPainter, rect: QRectF, weekly: Sequence[WeekKindHours],
                title: str | None = None, scale: float = 1.0) -> None:
    """Paint the stacked bars of `weekly` in `rect`; `scale` multiplies the fonts' sizes."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.fillRect(rect, BACKGROUND)
    pad = 12 * scale
    body = rect.adjusted(pad, pad, -pad, -pad)

    title_font = chart_font(16 * scale, bold=True)
    text_font = chart_font(12 * scale)
    small_font = chart_font(11 * scale)
    painter.setFont(title_font)
    painter.setPen(INK)
    title = title if title is not None else tr("每周服务时长（小时），按志愿者类别")
    title_h = QFontMetricsF(title_font).height()
    # A long community name must not run off a narrow chart.
    title = QFontMetricsF(title_font).elidedText(title, Qt.TextElideMode.ElideRight, body.width())
    painter.drawText(QRectF(body.left(), body.top(), body.width(), title_h),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
    top = body.top() + title_h + 6 * scale

    kinds = list(dict.fromkeys(k for bar in weekly for k in bar.minutes if bar.minutes[k] > 0))
    top = _paint_legend(painter, QRectF(body.left(), top, body.width(), body.bottom() - top), kinds, text_font,
                        scale)
    plot_area = QRectF(body.left(), top + 6 * scale, body.width(), body.bottom() - top - 6 * scale)

    highest = max((bar.total for bar in weekly), default=0) / 60
    if not weekly or highest <= 0:
        painter.setFont(text_font)
        painter.setPen(MUTED)
        painter.drawText(plot_area, Qt.AlignmentFlag.AlignCenter,
                         tr("所选时间内没有已发布排班表的服务记录"))
        painter.restore()
        return

    step = nice_step(highest)
    axis_top = step * math.ceil(highest * 1.08 / step)  # room for the totals above the bars
    text_metrics = QFontMetricsF(small_font)
    label_w = max(text_metrics.horizontalAdvance(f"{axis_top:g}"), text_metrics.horizontalAdvance("0")) + 8 * scale
    x_label_h = text_metrics.height() + 6 * scale
    plot = QRectF(plot_area.left() + label_w, plot_area.top() + text_metrics.height() / 2,
                  plot_area.width() - label_w, plot_area.height() - x_label_h - text_metrics.height() / 2)

    def y_of(hours: float) -> float:
        return plot.bottom() - plot.height() * hours / axis_top

    # Horizontal grid with the hour labels on the left.
    painter.setFont(small_font)
    ticks = int(round(axis_top / step))
    for i in range(ticks + 1):
        value = i * step
        y = y_of(value)
        painter.setPen(QPen(AXIS if i == 0 else GRID, 1 * scale))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(MUTED)
        painter.drawText(QRectF(plot_area.left(), y - text_metrics.height() / 2, label_w - 6 * scale,
                                text_metrics.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{value:g}")

    slot_w = plot.width() / len(weekly)
    bar_w = min(slot_w * 0.68, 64 * scale)
    label_every = max(1, math.ceil(text_metrics.horizontalAdvance("12/28") * 1.4 / slot_w))
    show_totals = text_metrics.horizontalAdvance("888") < slot_w * 0.95
    for i, bar in enumerate(weekly):
        x = plot.left() + slot_w * i + (slot_w - bar_w) / 2
        bottom = 0.0
        for kind, minutes in bar.minutes.items():
            if minutes <= 0:
                continue
            hours = minutes / 60
            top_y, bottom_y = y_of(bottom + hours), y_of(bottom)
            painter.fillRect(QRectF(x, top_y, bar_w, bottom_y - top_y), kind_style(kind).qcolour)
            # A thin white seam keeps two neighbouring kinds apart.
            painter.setPen(QPen(BACKGROUND, 1 * scale))
            painter.drawLine(QPointF(x, top_y), QPointF(x + bar_w, top_y))
            bottom += hours
        painter.setPen(INK)
        if show_totals and bar.total:
            painter.drawText(QRectF(x - slot_w, y_of(bottom) - text_metrics.height() - 2 * scale,
                                    bar_w + 2 * slot_w, text_metrics.height()),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                             format_hours(bar.total))
        if i % label_every == 0:
            painter.setPen(MUTED)
            painter.drawText(QRectF(x - slot_w * label_every, plot.bottom() + 4 * scale,
                                    bar_w + 2 * slot_w * label_every, text_metrics.height()),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, week_tick_label(bar.week))
    painter.restore()


def _paint_legend(painter: QPainter, area: QRectF, kinds: Sequence[str], font: QFont, scale: float) -> float:
    """The kinds' colour squares and labels in rows across `area`; returns where it ends."""
    if not kinds:
        return area.top()
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    box = metrics.height() * 0.7
    x, y = area.left(), area.top()
    for kind in kinds:
        style = kind_style(kind)
        width = box + 5 * scale + metrics.horizontalAdvance(style.label) + 16 * scale
        if x + width > area.right() and x > area.left():
            x, y = area.left(), y + metrics.height() + 4 * scale
        painter.fillRect(QRectF(x, y + (metrics.height() - box) / 2, box, box), style.qcolour)
        painter.setPen(INK)
        painter.drawText(QRectF(x + box + 5 * scale, y, width, metrics.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, style.label)
        x += width
    return y + metrics.height()


def chart_image(weekly: Sequence[WeekKindHours], width: int = 1200, height: int = 600,
                title: str | None = None) -> QImage:
    """The chart as an image `width` × `height` pixels (fonts scaled to the width)."""
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(BACKGROUND)
    painter = QPainter(image)
    try:
        paint_chart(painter, QRectF(0, 0, width, height), weekly, title, scale=max(1.0, width / 800))
    finally:
        painter.end()
    return image
