"""A slip per volunteer (个人值班单): their posts this week, several slips to an A4 page.

The clerk prints them, cuts along the dashed lines and hands each person theirs (or the
building head does): who, which week, and for every post the date, weekday, slot, times,
gate and who else stands there; the week's total; the office's contact line. Slips are
ordered by the pinyin of the names, the order a clerk hands them out in, two columns to a
portrait page, as many rows as fit; a slip never breaks across pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPageLayout, QPainter

from roster_app.gui.kinds import kind_style
from roster_app.gui.roster_model import weekday_label
from roster_app.output.canvas import (
    HEADER_FILL,
    INK,
    MM,
    MUTED,
    RULE,
    PrintDocument,
    draw_lines,
    draw_text,
    elide,
    fill_rect,
    font,
    line_height,
    stroke_line,
    text_width,
    wrap_text,
)
from roster_app.output.week import PrintWeek, printed_on_label, short_date, translate, week_span_label
from solver.scenario import Post

COLUMNS = 2
GUTTER = 8 * MM
"""Space between slips: the cut line runs through its middle."""

# Column heads of a slip; literals inside QT_TRANSLATE_NOOP so lupdate collects them.
_HEADS = (
    QT_TRANSLATE_NOOP("Output", "日期"),
    QT_TRANSLATE_NOOP("Output", "星期"),
    QT_TRANSLATE_NOOP("Output", "时段"),
    QT_TRANSLATE_NOOP("Output", "时间"),
    QT_TRANSLATE_NOOP("Output", "门岗"),
    QT_TRANSLATE_NOOP("Output", "同岗"),
)


@dataclass(frozen=True)
class _Line:
    """One post of a slip, as printed."""

    date: str
    weekday: str
    slot: str
    time: str
    gate: str
    others: list[str]


@dataclass(frozen=True)
class _Slip:
    volunteer_id: str
    name: str
    kind: str
    colour: str
    lines: tuple[_Line, ...]
    hours: float
    height: float


@dataclass(frozen=True)
class _Page:
    rows: tuple[tuple[_Slip, ...], ...]


class SlipsDocument(PrintDocument):
    """The volunteers' slips, A4 portrait, two columns, cut lines between slips.

    Attributes:
        week: what is printed.
        volunteer_ids: whose slips, in print order (default: everyone on duty this week).
    """

    orientation = QPageLayout.Orientation.Portrait

    def __init__(self, week: PrintWeek, volunteers: Iterable[str] | None = None):
        self.week = week
        on_duty = week.people_on_duty
        if volunteers is None:
            self.volunteer_ids = list(on_duty)
        else:
            wanted = set(volunteers)
            self.volunteer_ids = [v for v in on_duty if v in wanted]
        self.title = translate("Output", "{community}个人值班单").format(community=week.community)

    # --- layout -----------------------------------------------------------------------------

    def _fonts(self):
        return {
            "title": font(8.5), "name": font(14, bold=True), "kind": font(9), "week": font(8.5),
            "head": font(8.5, bold=True), "cell": font(9.5), "others": font(8.5), "foot": font(8),
        }

    def _columns(self, width: float) -> list[float]:
        """Widths of 日期, 星期, 时段, 时间, 门岗, 同岗 within a slip of `width`."""
        f = self._fonts()
        pad = 1.2 * MM
        week = self.week
        samples = (["00-00"], [weekday_label(d) for d in week.dates], [s.name for s in week.slots],
                   [s.label for s in week.slots], [g.name for g in week.gates])
        fixed = [
            max([text_width(f["head"], translate("Output", head))] + [text_width(f["cell"], t) for t in texts]) + 2 * pad
            for head, texts in zip(_HEADS, samples)
        ]
        fixed[4] = min(fixed[4], width * 0.25)  # a long gate name wraps rather than squeezes 同岗
        return fixed + [max(width - sum(fixed), 12 * MM)]

    def _slip(self, volunteer_id: str, width: float) -> _Slip:
        week, f = self.week, self._fonts()
        cols = self._columns(width - 2 * self._pad())
        lines = []
        for a in week.posts_of(volunteer_id):
            post = Post(a.gate, a.date, a.slot)
            slot = next(s for s in week.slots if s.id == a.slot)
            others = [week.name_of(o.volunteer) for o in week.people_at(post) if o.volunteer != volunteer_id]
            lines.append(_Line(short_date(a.date), weekday_label(a.date), slot.name, slot.label,
                               week.gate_name(a.gate), others))
        height = self._pad() * 2 + line_height(f["title"]) + line_height(f["name"]) * 1.1 + line_height(f["week"])
        height += line_height(f["head"]) * 1.4 + 1.5 * MM
        for line in lines:
            height += self._line_height(line, cols)
        height += line_height(f["cell"]) * 1.4  # the total
        height += len(self._contact_lines(width)) * line_height(f["foot"])
        kind = week.kind_of(volunteer_id)
        return _Slip(volunteer_id, week.name_of(volunteer_id), kind_style(kind).label, kind_style(kind).colour,
                     tuple(lines), sum(week.slot_hours(a.slot) for a in week.posts_of(volunteer_id)), height)

    def _line_height(self, line: _Line, cols: list[float]) -> float:
        f = self._fonts()
        others = self._wrapped_others(line, cols)
        gate_lines = wrap_text(f["cell"], line.gate, cols[4] - 2.4 * MM)
        return max(line_height(f["cell"]) * len(gate_lines), line_height(f["others"]) * len(others),
                   line_height(f["cell"])) + 1.2 * MM

    def _wrapped_others(self, line: _Line, cols: list[float]) -> list[str]:
        if not line.others:
            return []
        return wrap_text(self._fonts()["others"], "、".join(line.others), cols[5] - 2.4 * MM)

    def _contact_lines(self, width: float) -> list[str]:
        if not self.week.contact:
            return []
        text = translate("Output", "联系方式：{contact}").format(contact=self.week.contact)
        return wrap_text(self._fonts()["foot"], text, width - 2 * self._pad())

    @staticmethod
    def _pad() -> float:
        return 3 * MM

    def _slip_width(self, area: QSizeF) -> float:
        return (area.width() - GUTTER * (COLUMNS - 1)) / COLUMNS

    def paginate(self, area: QSizeF) -> list[_Page]:
        width = self._slip_width(area)
        room = area.height() - self._page_foot_height()
        slips = [self._slip(v, width) for v in self.volunteer_ids]
        pages: list[list[tuple[_Slip, ...]]] = [[]]
        used = 0.0
        for i in range(0, len(slips), COLUMNS):
            row = tuple(slips[i:i + COLUMNS])
            # A slip taller than a page (nobody stands that many posts) is drawn cut short.
            height = min(max(s.height for s in row), room)
            if pages[-1] and used + GUTTER + height > room:
                pages.append([])
                used = 0.0
            used += height + (GUTTER if pages[-1] else 0)
            pages[-1].append(row)
        return [_Page(tuple(rows)) for rows in pages]

    def _page_foot_height(self) -> float:
        return line_height(font(8)) * 1.5

    # --- painting ---------------------------------------------------------------------------

    def paint_page(self, painter: QPainter, plan: _Page, area: QSizeF, number: int, count: int) -> None:
        width = self._slip_width(area)
        room = area.height() - self._page_foot_height()
        y = 0.0
        for r, row in enumerate(plan.rows):
            height = min(max(s.height for s in row), room)
            if r:
                self._cut_line(painter, QPointF(0, y - GUTTER / 2), QPointF(area.width(), y - GUTTER / 2))
            for c, slip in enumerate(row):
                x = c * (width + GUTTER)
                if c:
                    self._cut_line(painter, QPointF(x - GUTTER / 2, y), QPointF(x - GUTTER / 2, y + height))
                painter.save()
                painter.setClipRect(QRectF(x, y, width, height))
                self._paint_slip(painter, slip, x, y, width)
                painter.restore()
            y += height + GUTTER
        if not plan.rows:
            draw_text(painter, QRectF(0, 0, area.width(), 12 * MM), translate("Output", "本周没有安排任何人值班。"),
                      font(11), MUTED, Qt.AlignmentFlag.AlignCenter)
        if plan.rows:
            self._cut_line(painter, QPointF(0, y - GUTTER / 2), QPointF(area.width(), y - GUTTER / 2))
        foot = font(8)
        text = translate("Output", "{title}    {printed}    第 {n} 页，共 {count} 页").format(
            title=self.title, printed=printed_on_label(self.week.printed_on), n=number, count=count)
        draw_text(painter, QRectF(0, area.height() - line_height(foot), area.width(), line_height(foot)), text, foot,
                  MUTED, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def _cut_line(self, painter: QPainter, a: QPointF, b: QPointF) -> None:
        stroke_line(painter, a, b, RULE, 0.6, Qt.PenStyle.DashLine)
        if a.y() == b.y():  # the scissors at the start of each horizontal cut
            f = font(9)
            h = line_height(f)
            w = text_width(f, "✂") + 1
            painter.fillRect(QRectF(a.x(), a.y() - h / 2, w + 0.5 * MM, h), QColor("white"))
            draw_text(painter, QRectF(a.x(), a.y() - h / 2, w, h), "✂", f, MUTED)

    def _paint_slip(self, painter: QPainter, slip: _Slip, x0: float, y: float, width: float) -> None:
        week, f = self.week, self._fonts()
        pad = self._pad()
        x, inner = x0 + pad, width - 2 * pad
        y += pad
        th = line_height(f["title"])
        draw_text(painter, QRectF(x, y, inner, th), translate("Output", "个人值班单"), f["title"], MUTED)
        draw_text(painter, QRectF(x, y, inner, th), week.community, f["title"], MUTED,
                  Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        y += th
        nh = line_height(f["name"]) * 1.1
        name_w = text_width(f["name"], slip.name) + 1
        draw_text(painter, QRectF(x, y, min(name_w, inner), nh), elide(f["name"], slip.name, inner), f["name"],
                  slip.colour)
        kind_x = x + name_w + 2 * MM
        draw_text(painter, QRectF(kind_x, y, max(0.0, x + inner - kind_x), nh), slip.kind, f["kind"], slip.colour)
        y += nh
        draw_text(painter, QRectF(x, y, inner, line_height(f["week"])), week_span_label(week.dates), f["week"], INK)
        y += line_height(f["week"]) + 1.5 * MM

        cols = self._columns(inner)
        hh = line_height(f["head"]) * 1.4
        fill_rect(painter, QRectF(x, y, inner, hh), HEADER_FILL)
        cx = x
        for head, w in zip(_HEADS, cols):
            draw_text(painter, QRectF(cx + 1.2 * MM, y, w - 2.4 * MM, hh), translate("Output", head), f["head"], INK)
            cx += w
        y += hh
        for line in slip.lines:
            lh = self._line_height(line, cols)
            cx = x
            texts = [line.date, line.weekday, line.slot, line.time]
            for text, w in zip(texts, cols):
                draw_text(painter, QRectF(cx + 1.2 * MM, y + 0.6 * MM, w - 2.4 * MM, line_height(f["cell"])), text,
                          f["cell"], INK)
                cx += w
            draw_lines(painter, cx + 1.2 * MM, y + 0.6 * MM, cols[4] - 2.4 * MM,
                       wrap_text(f["cell"], line.gate, cols[4] - 2.4 * MM), f["cell"], INK)
            cx += cols[4]
            draw_lines(painter, cx + 1.2 * MM, y + 0.6 * MM, cols[5] - 2.4 * MM, self._wrapped_others(line, cols),
                       f["others"], MUTED)
            y += lh
            stroke_line(painter, QPointF(x, y), QPointF(x + inner, y), RULE, 0.4)
        ch = line_height(f["cell"]) * 1.4
        total = translate("Output", "本周共 {n} 班，{hours} 小时").format(n=len(slip.lines), hours=f"{slip.hours:g}")
        draw_text(painter, QRectF(x, y, inner, ch), total, f["cell"], INK)
        y += ch
        draw_lines(painter, x, y, inner, self._contact_lines(width), f["foot"], MUTED)

