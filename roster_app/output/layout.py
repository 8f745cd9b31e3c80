"""The week's roster on paper (排班表): gates × slots down, the seven dates across, A4 landscape.

What the clerk posts in the office and sends round: a header with the community, the week's
dates and the print date; a column per date marked 工作日 or 休息日 (rest days tinted); a row
per gate and slot; in each cell the names in their kind's colour, pinned (锁定) names marked
★, short posts tinted red with "缺 N人" and any unmet need, closed posts 不开放; under the
table a legend of the kinds on duty and the marks, the office's contact line and the page
number.

The week fits one page whenever it can: at the normal size first, then a little smaller
(down to `MIN_SCALE`). A community with more gates than that is split between whole gates,
each page with the full header, date row and footer; only a gate taller than a page by
itself is split between its slots, its name followed by （续） on the later pages. A slot closed all week at a
gate (the west gate's 早班) has no row there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPainter

from roster_app.gui.kinds import kind_style
from roster_app.gui.roster_model import weekday_label
from roster_app.output.canvas import (
    CLOSED_FILL,
    HEADER_FILL,
    INK,
    MM,
    MUTED,
    REST_FILL,
    REST_HEADER_FILL,
    RULE,
    SHORT_FILL,
    SHORT_INK,
    Chip,
    LegendItem,
    PrintDocument,
    draw_chip_lines,
    draw_lines,
    draw_text,
    fill_rect,
    flow_chips,
    font,
    legend_rows,
    line_height,
    paint_legend,
    stroke_line,
    short_chips,
    stroke_rect,
    text_width,
    wrap_text,
)
from roster_app.output.week import (
    PIN_MARK,
    PrintWeek,
    day_kind_label,
    printed_on_label,
    short_date,
    translate,
    week_span_label,
)
from solver.scenario import Gate, Post, Slot

SCALES = (1.4, 1.3, 1.2, 1.1, 1.0, 0.92, 0.85)
"""Sizes tried, largest first, to keep the week on one page (1.0: names at 9 pt, 1.4 at
12.6 pt, 0.85 keeps them at 7.7 pt); a week that needs more room is split at 1.0."""
MIN_SCALE = SCALES[-1]


FOOTER_POINTS = 8.5
"""The footer's size on every page, whatever the table's: it must never crowd the page."""


def kind_legend(kinds: list[str]) -> list[LegendItem]:
    """"图例：" and each kind on duty with its colour, in the legend's order."""
    return [LegendItem(translate("Output", "图例："), MUTED.name())] + [
        LegendItem(kind_style(code).label, kind_style(code).colour, swatch=True) for code in kinds
    ]


def week_legend(week: PrintWeek) -> list[LegendItem]:
    """The week grid's legend: the kinds on duty, then the marks of its cells."""
    return kind_legend(week.kinds_present()) + [
        LegendItem(PIN_MARK + translate("Output", " 锁定"), INK.name()),
        LegendItem(translate("Output", "缺 N人：缺岗，人数不足"), SHORT_INK.name()),
        LegendItem(translate("Output", "不开放：此时段不设岗"), MUTED.name()),
    ]


def page_footer(painter: QPainter, area: QSizeF, week: PrintWeek, number: int, count: int,
                legend: list[LegendItem]) -> None:
    """The footer every roster page shares, at the bottom of the area: the legend and the
    office's contact line (both wrapped when long, never cut) and the page number."""
    small = font(FOOTER_POINTS)
    h = line_height(small)
    y = area.height() - footer_height(week, legend, area.width())
    stroke_line(painter, QPointF(0, y), QPointF(area.width(), y), RULE, 0.5)
    y = paint_legend(painter, legend_rows(small, legend, area.width()), y + h * 0.35, small)
    y += h * 0.15
    page = translate("Output", "第 {n} 页，共 {count} 页").format(n=number, count=count)
    draw_text(painter, QRectF(0, y, area.width(), h), page, small, MUTED,
              Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    draw_lines(painter, 0, y, area.width() - _page_number_width(), contact_lines(week, area.width()), small, INK)


def _page_number_width() -> float:
    small = font(FOOTER_POINTS)
    return text_width(small, translate("Output", "第 {n} 页，共 {count} 页").format(n=888, count=888)) + line_height(small)


def contact_lines(week: PrintWeek, width: float) -> list[str]:
    if not week.contact:
        return []
    text = translate("Output", "联系方式：{contact}").format(contact=week.contact)
    return wrap_text(font(FOOTER_POINTS), text, width - _page_number_width())


def footer_height(week: PrintWeek, legend: list[LegendItem], width: float) -> float:
    small = font(FOOTER_POINTS)
    lines = len(legend_rows(small, legend, width)) + max(1, len(contact_lines(week, width)))
    return line_height(small) * (lines + 0.6)


def page_header(painter: QPainter, area: QSizeF, week: PrintWeek, title: str, scale: float = 1.0,
                note: str = "") -> float:
    """The header every roster page shares: the title (community and what the page is), the
    week's dates (and a note), the print date on the right. Returns the y below it."""
    big = font(16 * scale, bold=True)
    sub = font(10 * scale)
    small = font(8.5 * scale)
    hb, hs = line_height(big), line_height(sub)
    draw_text(painter, QRectF(0, 0, area.width(), hb), title, big, INK)
    printed = printed_on_label(week.printed_on)
    pw = text_width(small, printed) + 1
    draw_text(painter, QRectF(area.width() - pw, 0, pw, hb), printed, small, MUTED,
              Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
    span = translate("Output", "值班周期：{span}").format(span=week_span_label(week.dates))
    if note:
        span += "    " + note
    draw_text(painter, QRectF(0, hb, area.width(), hs), span, sub, INK)
    return header_height(scale)


def header_height(scale: float = 1.0) -> float:
    return line_height(font(16 * scale, bold=True)) + line_height(font(10 * scale)) * 1.5


def unscheduled_note(week: PrintWeek) -> str:
    return translate("Output", "（本周尚未排班，表中只有锁定的安排）") if week.roster is None else ""


# --- the week grid ----------------------------------------------------------------------------


@dataclass
class _Cell:
    fill: QColor | None
    chips: list  # flow_chips lines
    short_lines: list = field(default_factory=list)  # flow_chips lines, in red
    closed: bool = False

    def height(self, grid: "_Grid") -> float:
        lines = len(self.chips) * grid.name_h + len(self.short_lines) * grid.small_h
        if self.closed and not self.chips:
            lines = grid.small_h
        return lines


@dataclass
class _Row:
    gate: Gate
    slot: Slot
    cells: list[_Cell]
    height: float


@dataclass
class _Grid:
    """The week measured at one scale for one page width."""

    scale: float
    width: float
    gate_w: float
    slot_w: float
    day_w: float
    pad: float
    name_h: float
    small_h: float
    head_h: float
    rows: list[_Row]

    @property
    def fonts(self) -> dict[str, QFont]:
        s = self.scale
        return {
            "name": font(9 * s), "small": font(8 * s), "small_bold": font(8 * s, bold=True),
            "gate": font(10.5 * s, bold=True), "slot": font(9 * s, bold=True),
            "day": font(9.5 * s, bold=True),
        }

    def gate_blocks(self) -> list[tuple[Gate, list[_Row]]]:
        blocks: list[tuple[Gate, list[_Row]]] = []
        for row in self.rows:
            if blocks and blocks[-1][0].id == row.gate.id:
                blocks[-1][1].append(row)
            else:
                blocks.append((row.gate, [row]))
        return blocks


@dataclass(frozen=True)
class _Chunk:
    """Rows of one gate on one page; `continued` when the gate began on an earlier page."""

    gate: Gate
    rows: tuple[_Row, ...]
    continued: bool = False


@dataclass(frozen=True)
class _PagePlan:
    grid: _Grid
    chunks: tuple[_Chunk, ...]


class WeekGridDocument(PrintDocument):
    """The week's roster for the office wall and the volunteers' group: A4 landscape.

    Attributes:
        week: what is printed.
    """

    orientation = QPageLayout.Orientation.Landscape

    def __init__(self, week: PrintWeek):
        self.week = week
        self.title = translate("Output", "{community}门岗值班表").format(community=week.community)

    # --- layout -----------------------------------------------------------------------------

    def paginate(self, area: QSizeF) -> list[_PagePlan]:
        room = self._table_room(area, 1.0)
        for scale in SCALES:
            grid = self._measure(area.width(), scale)
            spare = self._table_room(area, scale) - grid.head_h - sum(r.height for r in grid.rows)
            if spare >= 0:
                # What is left goes to the rows (up to 6 mm each), so the table fills the page.
                extra = min(spare / max(1, len(grid.rows)), 6 * MM)
                for row in grid.rows:
                    row.height += extra
                return [_PagePlan(grid, tuple(_Chunk(g, tuple(rows)) for g, rows in grid.gate_blocks()))]
        grid = self._measure(area.width(), 1.0)
        room -= grid.head_h
        pages: list[list[_Chunk]] = [[]]
        used = 0.0
        for gate, rows in grid.gate_blocks():
            height = sum(r.height for r in rows)
            if used + height <= room:
                pages[-1].append(_Chunk(gate, tuple(rows)))
                used += height
                continue
            if height <= room:  # the whole gate on a fresh page
                pages.append([_Chunk(gate, tuple(rows))])
                used = height
                continue
            # A gate taller than a page: split it between slots, starting on a fresh page.
            if pages[-1]:
                pages.append([])
            used, part, continued = 0.0, [], False
            for row in rows:
                if part and used + row.height > room:
                    pages[-1].append(_Chunk(gate, tuple(part), continued))
                    pages.append([])
                    used, part, continued = 0.0, [], True
                part.append(row)
                used += row.height
            pages[-1].append(_Chunk(gate, tuple(part), continued))
        return [_PagePlan(grid, tuple(chunks)) for chunks in pages if chunks] or [_PagePlan(grid, ())]

    def _table_room(self, area: QSizeF, scale: float) -> float:
        return area.height() - header_height(scale) - footer_height(self.week, week_legend(self.week), area.width()) - 2 * MM

    def _measure(self, width: float, scale: float) -> _Grid:
        week = self.week
        f = _Grid(scale, width, 0, 0, 0, 0, 0, 0, 0, []).fonts
        pad = 1.2 * MM * scale
        gate_head = text_width(f["gate"], translate("Output", "门岗"))
        gate_w = min(max([text_width(f["gate"], g.name) for g in week.gates] + [gate_head]) + 2 * pad, 30 * MM)
        gate_w = max(gate_w, 13 * MM * scale)
        slot_w = max([max(text_width(f["slot"], s.name), text_width(f["small"], s.label)) for s in week.slots]
                     + [text_width(f["slot"], translate("Output", "时段"))]) + 2 * pad
        slot_w = min(max(slot_w, 16 * MM * scale), 30 * MM)
        day_w = (width - gate_w - slot_w) / max(1, len(week.dates))
        name_h, small_h = line_height(f["name"]), line_height(f["small"])
        head_h = line_height(f["day"]) + small_h + 2 * pad
        grid = _Grid(scale, width, gate_w, slot_w, day_w, pad, name_h, small_h, head_h, [])
        inner = day_w - 2 * pad
        gap = text_width(f["name"], "　") * 0.6
        for gate in week.gates:
            gate_lines = len(wrap_text(f["gate"], gate.name, gate_w - 2 * pad))
            rows: list[_Row] = []
            for slot in week.slots:
                cells = []
                for day in week.dates:
                    post = Post(gate.id, day, slot.id)
                    chips = [
                        Chip(week.name_of(a.volunteer) + (PIN_MARK if a.pinned else ""),
                             kind_style(week.kind_of(a.volunteer)).colour)
                        for a in week.people_at(post)
                    ]
                    shortage = week.shortage_at(post)
                    short_lines = (flow_chips(f["small_bold"], short_chips(week.shortage_words(shortage)), inner, gap)
                                   if shortage else [])
                    open_ = week.is_open(post)
                    fill = SHORT_FILL if shortage else CLOSED_FILL if not open_ else (
                        REST_FILL if not week.is_workday(day) else None)
                    cells.append(_Cell(fill, flow_chips(f["name"], chips, inner, gap), short_lines, not open_))
                content = max([c.height(grid) for c in cells] + [name_h + small_h])
                rows.append(_Row(gate, slot, cells, content + 2 * pad))
            # A slot closed all week at this gate says nothing: leave its row out, unless
            # the whole gate is closed (then its rows say so).
            kept = [r for r in rows if not all(c.closed and not c.chips for c in r.cells)] or rows
            # The gate's name must fit beside its rows (a long name wraps).
            missing = gate_lines * line_height(f["gate"]) + 2 * pad - sum(r.height for r in kept)
            if missing > 0 and kept:
                kept[-1].height += missing
            grid.rows.extend(kept)
        return grid

    # --- painting ---------------------------------------------------------------------------

    def paint_page(self, painter: QPainter, plan: _PagePlan, area: QSizeF, number: int, count: int) -> None:
        week, grid = self.week, plan.grid
        f = grid.fonts
        top = page_header(painter, area, week, self.title, grid.scale, unscheduled_note(week))
        top += 1 * MM
        pad = grid.pad
        x_days = grid.gate_w + grid.slot_w

        # The date row.
        fill_rect(painter, QRectF(0, top, x_days, grid.head_h), HEADER_FILL)
        draw_text(painter, QRectF(pad, top, grid.gate_w - 2 * pad, grid.head_h), translate("Output", "门岗"),
                  f["slot"], INK, Qt.AlignmentFlag.AlignCenter)
        draw_text(painter, QRectF(grid.gate_w + pad, top, grid.slot_w - 2 * pad, grid.head_h),
                  translate("Output", "时段"), f["slot"], INK, Qt.AlignmentFlag.AlignCenter)
        for i, day in enumerate(week.dates):
            x = x_days + i * grid.day_w
            workday = week.is_workday(day)
            fill_rect(painter, QRectF(x, top, grid.day_w, grid.head_h), HEADER_FILL if workday else REST_HEADER_FILL)
            y = top + pad
            dh = line_height(f["day"])
            draw_text(painter, QRectF(x, y, grid.day_w, dh), f"{short_date(day)} {weekday_label(day)}", f["day"],
                      INK, Qt.AlignmentFlag.AlignCenter)
            draw_text(painter, QRectF(x, y + dh, grid.day_w, grid.small_h), day_kind_label(workday), f["small"],
                      INK if workday else QColor("#2e6b1f"), Qt.AlignmentFlag.AlignCenter)
        y = top + grid.head_h

        # The rows, gate by gate.
        for chunk in plan.chunks:
            gate_top = y
            for row in chunk.rows:
                self._paint_row(painter, grid, row, y)
                stroke_line(painter, QPointF(grid.gate_w, y), QPointF(grid.width, y), RULE, 0.4)
                y += row.height
            lines = wrap_text(f["gate"], chunk.gate.name, grid.gate_w - 2 * pad)
            gh = line_height(f["gate"])
            more = grid.small_h if chunk.continued else 0.0
            ly = gate_top + (y - gate_top - len(lines) * gh - more) / 2
            ly = draw_lines(painter, pad, ly, grid.gate_w - 2 * pad, lines, f["gate"], INK, Qt.AlignmentFlag.AlignHCenter)
            if chunk.continued:  # on a line of its own, so the gate's name is never broken by it
                draw_lines(painter, pad, ly, grid.gate_w - 2 * pad, [translate("Output", "（续）")], f["small"], MUTED,
                           Qt.AlignmentFlag.AlignHCenter)
            stroke_line(painter, QPointF(0, gate_top), QPointF(grid.width, gate_top), INK, 0.9)

        # Column rules and the frame.
        bottom = y
        for x in [grid.gate_w, x_days] + [x_days + i * grid.day_w for i in range(1, len(week.dates))]:
            stroke_line(painter, QPointF(x, top), QPointF(x, bottom), RULE, 0.4)
        stroke_line(painter, QPointF(0, top + grid.head_h), QPointF(grid.width, top + grid.head_h), INK, 0.9)
        stroke_rect(painter, QRectF(0, top, grid.width, bottom - top), INK, 0.9)
        if not plan.chunks:
            draw_text(painter, QRectF(0, bottom + MM, grid.width, grid.name_h * 2),
                      translate("Output", "本社区还没有设置门岗。"), f["name"], MUTED, Qt.AlignmentFlag.AlignCenter)

        page_footer(painter, area, week, number, count, week_legend(week))

    def _paint_row(self, painter: QPainter, grid: _Grid, row: _Row, y: float) -> None:
        f = grid.fonts
        pad = grid.pad
        x_days = grid.gate_w + grid.slot_w
        draw_text(painter, QRectF(grid.gate_w + pad, y + pad, grid.slot_w - 2 * pad, grid.name_h), row.slot.name,
                  f["slot"], INK)
        draw_text(painter, QRectF(grid.gate_w + pad, y + pad + grid.name_h, grid.slot_w - 2 * pad, grid.small_h),
                  row.slot.label, f["small"], MUTED)
        for i, cell in enumerate(row.cells):
            x = x_days + i * grid.day_w
            if cell.fill is not None:
                fill_rect(painter, QRectF(x, y, grid.day_w, row.height), cell.fill)
            cy = draw_chip_lines(painter, x + pad, y + pad, cell.chips, f["name"])
            if cell.closed and not cell.chips:
                draw_text(painter, QRectF(x + pad, cy, grid.day_w - 2 * pad, grid.small_h),
                          translate("Output", "不开放"), f["small"], MUTED)
            draw_chip_lines(painter, x + pad, cy, cell.short_lines, f["small_bold"])
