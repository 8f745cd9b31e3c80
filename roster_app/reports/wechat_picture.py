"""The roster as a picture for the volunteers' WeChat group: tall, 1080 px wide, big text.

The clerk posts the week in the group (DOMAIN.md: "send a picture of it to the volunteers'
WeChat group"). A phone shows an image 1080 px wide at about a third of its size, so the
text here is drawn large (names 34 px, about 12 pt on the phone) and the layout runs down,
never across: one section per gate (or per day, for one gate's picture), a row per slot
with its time, the names flowing in the row with their phone numbers masked (138****1234;
the group is wider than the office). A short post says 缺 N 人 in red, so a volunteer who
can help sees it. Each name has a dot in its kind's colour, explained under the roster,
and the office's contact line closes the picture.

`week_picture(scenario, roster, community, details, scope=...)` paints on a QImage (it
works offscreen, without a window); `save_week_picture(path, ...)` writes the PNG;
`print_week_picture(PrintWeek.from_store(...), scope)` draws a week read from the store. The
roster is read through `roster_app.output.week.PrintWeek`, so the picture says what the
printout and the window say.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from roster_app.gui.kinds import kind_order, kind_style
from roster_app.gui.roster_model import weekday_label
from roster_app.kinds import VolunteerDetails
from roster_app.output.canvas import OutputError
from roster_app.output.week import PrintWeek, day_kind_label, week_span_label
from roster_app.reports.chart import chart_font
from roster_app.reports.service_hours import tr
from solver.scenario import Post, Roster, Scenario

WIDTH = 1080
"""What WeChat keeps of a picture's width on a phone without scaling it down again."""

MARGIN = 40
INK = QColor("#1a1a1a")
MUTED = QColor("#5f6368")
RULE = QColor("#dadce0")
HEADER_FILL = QColor("#b3261e")  # the red of a notice at the gate
GATE_FILL = QColor("#263238")
DAY_FILL = QColor("#f1f3f4")
REST_FILL = QColor("#e3f1dc")
REST_INK = QColor("#2e6b1f")
SHORT_INK = QColor("#c62828")
SHORT_FILL = QColor("#fde7e7")
PAPER = QColor("#ffffff")


@dataclass(frozen=True)
class PictureScope:
    """What the picture shows: the whole week, one gate's week, one day, or one gate on one
    day. `gate` is a gate id, `day` a date of the week; None means all of them."""

    gate: str | None = None
    day: dt.date | None = None


WHOLE_WEEK = PictureScope()


def gate_scope(gate_id: str) -> PictureScope:
    return PictureScope(gate=gate_id)


def day_scope(day: dt.date) -> PictureScope:
    return PictureScope(day=day)


# --- a picture is a column of blocks ------------------------------------------------------


@dataclass
class _Block:
    """A strip of the picture: its height and how to paint it at a given top."""

    height: float
    paint: Callable[[QPainter, float], None]


@dataclass
class _Fonts:
    title: QFont = field(default_factory=lambda: chart_font(54, bold=True))
    subtitle: QFont = field(default_factory=lambda: chart_font(32))
    summary: QFont = field(default_factory=lambda: chart_font(28))
    gate: QFont = field(default_factory=lambda: chart_font(44, bold=True))
    day: QFont = field(default_factory=lambda: chart_font(34, bold=True))
    chip: QFont = field(default_factory=lambda: chart_font(24))
    slot: QFont = field(default_factory=lambda: chart_font(32, bold=True))
    time: QFont = field(default_factory=lambda: chart_font(24))
    name: QFont = field(default_factory=lambda: chart_font(34))
    phone: QFont = field(default_factory=lambda: chart_font(26))
    short: QFont = field(default_factory=lambda: chart_font(30, bold=True))
    small: QFont = field(default_factory=lambda: chart_font(26))


def _text(painter: QPainter, font: QFont, colour: QColor, rect: QRectF, text: str,
          flags: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) -> None:
    painter.setFont(font)
    painter.setPen(colour)
    painter.drawText(rect, flags, text)


def _wrap(metrics: QFontMetricsF, text: str, width: float) -> list[str]:
    """`text` cut into lines no wider than `width` (Chinese wraps between any characters)."""
    lines, line = [], ""
    for ch in text:
        if metrics.horizontalAdvance(line + ch) > width and line:
            lines.append(line)
            line = ch
        else:
            line += ch
    return lines + ([line] if line else [])


@dataclass(frozen=True)
class PictureItem:
    """One thing in a slot's row: a person (their kind's dot, name, masked phone) or, with
    `kind` None, what a short post lacks ("缺 1人")."""

    kind: str | None
    name: str
    phone: str = ""


def post_items(week: PrintWeek, post: Post) -> list[PictureItem]:
    """What the picture shows at a post: its people as the window lists them (phones
    masked), then what it lacks if it is short."""
    out = [PictureItem(week.kind_of(a.volunteer), week.name_of(a.volunteer), week.phone_of(a.volunteer))
           for a in week.people_at(post)]
    shortage = week.shortage_at(post)
    if shortage is not None:
        out += [PictureItem(None, words) for words in week.shortage_words(shortage)]
    return out


class _Picture:
    def __init__(self, week: PrintWeek, scope: PictureScope, made_on: dt.date):
        self.week = week
        self.scope = scope
        self.made_on = made_on
        self.f = _Fonts()
        self.inner = WIDTH - 2 * MARGIN
        # The slot column fits the widest "早班 06:00–08:00".
        self.slot_w = 16 + max(
            (QFontMetricsF(self.f.slot).horizontalAdvance(s.name) + 10
             + QFontMetricsF(self.f.time).horizontalAdvance(s.label) for s in week.slots), default=0) + 36
        self.blocks: list[_Block] = []

    # --- what is shown --------------------------------------------------------------------

    def gates(self):
        return [g for g in self.week.gates if self.scope.gate in (None, g.id)]

    def dates(self):
        return [d for d in self.week.dates if self.scope.day in (None, d)]

    def rows(self, gate_id: str, day: dt.date) -> list[tuple[str, str, list[PictureItem]]]:
        """(slot name, time, items) of the posts of a gate on a day that are open or
        have someone (a closed post with nobody is left out, as on the gate sheet)."""
        out = []
        for slot in self.week.slots:
            post = Post(gate_id, day, slot.id)
            items = post_items(self.week, post)
            if items or self.week.is_open(post):
                out.append((slot.name, slot.label, items))
        return out

    # --- layout ---------------------------------------------------------------------------

    def build(self) -> None:
        self.header()
        self.summary()
        gates, dates = self.gates(), self.dates()
        if self.scope.gate is not None and self.scope.day is None:
            # One gate's week: a section per day.
            for day in dates:
                rows = self.rows(gates[0].id, day)
                if rows:
                    self.day_band(day)
                    for row in rows:
                        self.slot_row(*row)
        else:
            closed: list[str] = []
            for gate in gates:
                days = [(day, self.rows(gate.id, day)) for day in dates]
                if not any(rows for _, rows in days):
                    if self.scope.day is not None:
                        closed.append(gate.name)
                    continue
                self.gate_band(gate.name)
                for day, rows in days:
                    if not rows:
                        continue
                    if self.scope.day is None:
                        self.day_band(day)
                    for row in rows:
                        self.slot_row(*row)
            if closed:
                self.note_line(tr("{gates}今日不开放。").format(gates="、".join(closed)))
        self.footer()

    def add(self, height: float, paint: Callable[[QPainter, float], None]) -> None:
        self.blocks.append(_Block(height, paint))

    def title_text(self) -> tuple[str, str]:
        week, scope = self.week, self.scope
        gate_name = week.gate_name(scope.gate) if scope.gate else ""
        if scope.day is not None:
            when = tr("{m}月{d}日（{weekday}，{kind}）").format(
                m=scope.day.month, d=scope.day.day, weekday=weekday_label(scope.day),
                kind=day_kind_label(week.is_workday(scope.day)))
        else:
            when = week_span_label(week.dates)
        title = tr("{gate}值班表").format(gate=gate_name) if gate_name else tr("门岗值班表")
        return title, when

    def header(self) -> None:
        title, when = self.title_text()
        f = self.f
        name_h = QFontMetricsF(f.title).height()
        sub_h = QFontMetricsF(f.subtitle).height()
        height = 36 + name_h + 8 + name_h + 14 + sub_h + 32

        def paint(p: QPainter, top: float) -> None:
            p.fillRect(QRectF(0, top, WIDTH, height), HEADER_FILL)
            y = top + 36
            white = QColor("#ffffff")
            _text(p, f.title, white, QRectF(MARGIN, y, self.inner, name_h), self.week.community)
            y += name_h + 8
            _text(p, f.title, white, QRectF(MARGIN, y, self.inner, name_h), title)
            y += name_h + 14
            _text(p, f.subtitle, QColor("#ffe9e6"), QRectF(MARGIN, y, self.inner, sub_h), when)

        self.add(height, paint)

    def summary(self) -> None:
        posts = [Post(g.id, d, s.id) for g in self.gates() for d in self.dates() for s in self.week.slots]
        people = {a.volunteer for post in posts for a in self.week.people_at(post)}
        times = sum(len(self.week.people_at(post)) for post in posts)
        short = sum(1 for post in posts if self.week.shortage_at(post) is not None)
        text = tr("共 {people} 位志愿者，{times} 人次").format(people=len(people), times=times)
        text += tr("，缺岗 {n} 处，请大家帮忙补上").format(n=short) if short else tr("，全部排满")
        text += tr("。感谢每一位志愿者！")
        lines = _wrap(QFontMetricsF(self.f.summary), text, self.inner)
        line_h = QFontMetricsF(self.f.summary).height() + 6
        height = 24 + line_h * len(lines) + 16

        def paint(p: QPainter, top: float) -> None:
            for i, line in enumerate(lines):
                _text(p, self.f.summary, INK, QRectF(MARGIN, top + 24 + i * line_h, self.inner, line_h), line)

        self.add(height, paint)

    def gate_band(self, name: str) -> None:
        h = QFontMetricsF(self.f.gate).height() + 28

        def paint(p: QPainter, top: float) -> None:
            rect = QRectF(MARGIN, top + 16, self.inner, h)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(GATE_FILL)
            p.drawRoundedRect(rect, 12, 12)
            _text(p, self.f.gate, QColor("#ffffff"), rect.adjusted(28, 0, -28, 0), name)

        self.add(h + 16, paint)

    def day_band(self, day: dt.date) -> None:
        h = QFontMetricsF(self.f.day).height() + 20
        workday = self.week.is_workday(day)

        def paint(p: QPainter, top: float) -> None:
            rect = QRectF(MARGIN, top + 14, self.inner, h)
            p.fillRect(rect, DAY_FILL if workday else REST_FILL)
            label = tr("{m}月{d}日 {weekday}").format(m=day.month, d=day.day, weekday=weekday_label(day))
            _text(p, self.f.day, INK, rect.adjusted(20, 0, -20, 0), label)
            _text(p, self.f.chip, MUTED if workday else REST_INK, rect.adjusted(20, 0, -20, 0),
                  day_kind_label(workday), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.add(h + 14, paint)

    def slot_row(self, slot_name: str, time: str, items: Sequence[PictureItem]) -> None:
        f = self.f
        name_m, phone_m, short_m = QFontMetricsF(f.name), QFontMetricsF(f.phone), QFontMetricsF(f.short)
        line_h = name_m.height() + 10
        left = MARGIN + self.slot_w
        right = MARGIN + self.inner - 12
        dot = 16.0
        gap = 34.0
        # Flow the items into lines: (x, line, item, width).
        placed: list[tuple[float, int, PictureItem]] = []
        x, line = left, 0
        for item in items:
            if item.kind is None:
                width = short_m.horizontalAdvance(item.name) + 24
            else:
                width = dot + 10 + name_m.horizontalAdvance(item.name)
                if item.phone:
                    width += 10 + phone_m.horizontalAdvance(item.phone)
            if x > left and x + width > right:
                x, line = left, line + 1
            placed.append((x, line, item))
            x += width + gap
        lines = max(1, line + 1)
        height = lines * line_h + 22

        def paint(p: QPainter, top: float) -> None:
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            body_top = top + 11
            # "早班 06:00–08:00" on the first line of the row, the name's baseline.
            slot_m = QFontMetricsF(f.slot)
            sw = slot_m.horizontalAdvance(slot_name)
            _text(p, f.slot, INK, QRectF(MARGIN + 16, body_top, sw + 2, line_h), slot_name)
            _text(p, f.time, MUTED, QRectF(MARGIN + 16 + sw + 10, body_top, self.slot_w, line_h), time)
            if not items:
                _text(p, f.phone, MUTED, QRectF(left, body_top, right - left, line_h), tr("（暂无人值班）"))
            for x0, ln, item in placed:
                y = body_top + ln * line_h
                if item.kind is None:
                    w = short_m.horizontalAdvance(item.name) + 24
                    rect = QRectF(x0, y + 4, w, line_h - 8)
                    p.setPen(Qt.PenStyle.NoPen)
                    p.setBrush(SHORT_FILL)
                    p.drawRoundedRect(rect, 8, 8)
                    _text(p, f.short, SHORT_INK, rect, item.name, Qt.AlignmentFlag.AlignCenter)
                    continue
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(kind_style(item.kind).qcolour)
                p.drawEllipse(QRectF(x0, y + (line_h - dot) / 2, dot, dot))
                nx = x0 + dot + 10
                nw = name_m.horizontalAdvance(item.name)
                _text(p, f.name, INK, QRectF(nx, y, nw + 2, line_h), item.name)
                if item.phone:
                    _text(p, f.phone, MUTED, QRectF(nx + nw + 10, y, phone_m.horizontalAdvance(item.phone) + 2,
                                                      line_h), item.phone)
            p.setPen(QPen(RULE, 2))
            p.drawLine(MARGIN, top + height - 1, MARGIN + self.inner, top + height - 1)

        self.add(height, paint)

    def note_line(self, text: str) -> None:
        m = QFontMetricsF(self.f.summary)
        lines = _wrap(m, text, self.inner)
        line_h = m.height() + 6

        def paint(p: QPainter, top: float) -> None:
            for i, line in enumerate(lines):
                _text(p, self.f.summary, MUTED, QRectF(MARGIN, top + 20 + i * line_h, self.inner, line_h), line)

        self.add(20 + line_h * len(lines), paint)

    def footer(self) -> None:
        f = self.f
        kinds = sorted({self.week.kind_of(a.volunteer) for g in self.gates() for d in self.dates()
                        for s in self.week.slots for a in self.week.people_at(Post(g.id, d, s.id))}, key=kind_order)
        m = QFontMetricsF(f.small)
        line_h = m.height() + 10
        # The legend flows like the names do.
        placed, x, line = [], 0.0, 0
        for kind in kinds:
            w = 16 + 10 + m.horizontalAdvance(kind_style(kind).label) + 30
            if x > 0 and x + w > self.inner:
                x, line = 0.0, line + 1
            placed.append((x, line, kind))
            x += w
        legend_lines = line + 1 if kinds else 0
        notes = []
        if self.week.contact:
            notes += _wrap(m, tr("联系社区：{contact}").format(contact=self.week.contact), self.inner)
        notes += _wrap(m, tr("电话号码已隐去中间四位。不能到岗请尽早告诉社区，以便安排顶岗。"), self.inner)
        notes.append(tr("制表日期：{date}").format(date=f"{self.made_on:%Y-%m-%d}"))
        height = 30 + legend_lines * line_h + 16 + len(notes) * line_h + 40

        def paint(p: QPainter, top: float) -> None:
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            y = top + 30
            for x0, ln, kind in placed:
                yy = y + ln * line_h
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(kind_style(kind).qcolour)
                p.drawEllipse(QRectF(MARGIN + x0, yy + (line_h - 16) / 2, 16, 16))
                _text(p, f.small, INK, QRectF(MARGIN + x0 + 26, yy, 400, line_h), kind_style(kind).label)
            y += legend_lines * line_h + 16
            for note in notes:
                _text(p, f.small, MUTED, QRectF(MARGIN, y, self.inner, line_h), note)
                y += line_h

        self.add(height, paint)

    def render(self) -> QImage:
        self.build()
        height = int(sum(b.height for b in self.blocks)) + 1
        image = QImage(WIDTH, height, QImage.Format.Format_RGB32)
        image.fill(PAPER)
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            top = 0.0
            for block in self.blocks:
                block.paint(painter, top)
                top += block.height
        finally:
            painter.end()
        return image


def week_picture(
    scenario: Scenario,
    roster: Roster | None,
    community: str,
    details: Mapping[str, VolunteerDetails],
    scope: PictureScope = WHOLE_WEEK,
    *,
    contact: str = "",
    made_on: dt.date | None = None,
) -> QImage:
    """The week's roster (or the part `scope` chooses) as an image `WIDTH` pixels wide.

    `roster` None shows the pinned assignments, as the window does before 自动排班.
    `details` gives each volunteer's kind (the dot's colour) and phone (shown masked).
    Raises ValueError for a gate or date the week does not have.
    """
    made_on = made_on or dt.date.today()
    return print_week_picture(PrintWeek(scenario, roster, community, contact, dict(details), made_on), scope)


def print_week_picture(week: PrintWeek, scope: PictureScope = WHOLE_WEEK) -> QImage:
    """The picture of a week the printouts already use; from the store that is
    `print_week_picture(PrintWeek.from_store(store, community_id, monday), scope)`.
    The footer's date is the week's `printed_on`."""
    if scope.gate is not None and all(g.id != scope.gate for g in week.gates):
        raise ValueError(f"The week has no gate {scope.gate!r}.")
    if scope.day is not None and scope.day not in week.dates:
        raise ValueError(f"{scope.day} is not a date of the week of {week.dates[0]}.")
    return _Picture(week, scope, week.printed_on).render()


def save_week_picture(
    path: str | os.PathLike[str],
    scenario: Scenario,
    roster: Roster | None,
    community: str,
    details: Mapping[str, VolunteerDetails],
    scope: PictureScope = WHOLE_WEEK,
    *,
    contact: str = "",
    made_on: dt.date | None = None,
) -> QImage:
    """Write `week_picture(...)` to `path` as a PNG and return the image; `OutputError`
    with a message for the clerk if the file cannot be written."""
    image = week_picture(scenario, roster, community, details, scope, contact=contact, made_on=made_on)
    if not image.save(os.fspath(path), "PNG"):
        raise OutputError(tr("无法写入文件 {path}").format(path=os.fspath(path)))
    return image
