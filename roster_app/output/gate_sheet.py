"""The sheet posted at a gate (门岗值班表): that gate's week, one A4 landscape page per gate.

Whoever comes to stand at the gate, or to relieve someone, reads who is on duty when and
how to reach them: a row per slot, a column per date, in each cell every person on duty
with the phone number under the name. Phones are masked (138****1234) unless the clerk asks
for full numbers (`full_phones=True`): the sheet hangs in public. The footer gives the
office's contact line in large type, for whoever finds a post empty.

A gate's week fills its page at the largest size that fits (names from 20 pt down to 8.8
pt), so it reads from a step away; only a gate with very many people per post is continued
on a second page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPainter

from roster_app.gui.kinds import kind_order, kind_style
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
    LegendItem,
    PrintDocument,
    draw_chip_lines,
    draw_lines,
    draw_text,
    elide,
    fill_rect,
    flow_chips,
    font,
    legend_rows,
    line_height,
    paint_legend,
    short_chips,
    stroke_line,
    stroke_rect,
    text_width,
    wrap_text,
)
from roster_app.output.layout import header_height, kind_legend, page_header, unscheduled_note
from roster_app.output.week import PIN_MARK, PrintWeek, day_kind_label, short_date, translate
from solver.scenario import Gate, Post, Slot

SCALES = (1.8, 1.6, 1.4, 1.2, 1.1, 1.0, 0.9, 0.8)
"""Sizes tried, largest first (1.0: names at 11 pt): the largest whose rows fit the page and
whose names and phones fit their column; a gate that needs more is split at 0.8."""


@dataclass(frozen=True)
class _Person:
    name: str
    phone: str
    colour: str


@dataclass(frozen=True)
class _Cell:
    people: tuple[_Person, ...]
    short_lines: list  # flow_chips lines, in red
    closed: bool
    fill: str | None


@dataclass(frozen=True)
class _Row:
    slot: Slot
    cells: tuple[_Cell, ...]
    height: float


@dataclass(frozen=True)
class _Plan:
    gate: Gate
    scale: float
    rows: tuple[_Row, ...]
    continued: bool
    slot_w: float
    day_w: float


class GateSheetDocument(PrintDocument):
    """Sheets to post at the gates, one page per gate (more only when a gate overflows).

    Attributes:
        week: what is printed.
        gate_ids: the gates to print, in the community's order.
        full_phones: print whole phone numbers instead of 138****1234.
    """

    orientation = QPageLayout.Orientation.Landscape

    def __init__(self, week: PrintWeek, gates: Iterable[str] | None = None, full_phones: bool = False):
        self.week = week
        known = [g.id for g in week.gates]
        wanted = list(gates) if gates is not None else known
        unknown = [g for g in wanted if g not in known]
        if unknown:
            raise ValueError(f"unknown gate ids: {', '.join(unknown)}")
        self.gate_ids = [g for g in known if g in wanted]
        self.full_phones = full_phones
        self.title = translate("Output", "{community}门岗值班表（分门岗）").format(community=week.community)

    # --- layout -----------------------------------------------------------------------------

    def paginate(self, area: QSizeF) -> list[_Plan]:
        plans: list[_Plan] = []
        for gate in (g for g in self.week.gates if g.id in self.gate_ids):
            plans.extend(self._gate_pages(gate, area))
        if not plans:
            plans.append(_Plan(Gate("", ""), 1.0, (), False, 0, 0))
        return plans

    def _gate_pages(self, gate: Gate, area: QSizeF) -> list[_Plan]:
        for scale in SCALES:
            slot_w, day_w, rows = self._measure(gate, area.width(), scale)
            room = self._table_room(area, scale, gate)
            if sum(r.height for r in rows) <= room and self._widest(gate, scale) <= day_w - 2 * self._pad(scale):
                # Spare height goes to the rows, up to 2 cm each: room to write in a
                # substitute's name by hand, and a sheet that reads as a whole.
                extra = min((room - sum(r.height for r in rows)) / max(1, len(rows)), 20 * MM)
                rows = [replace(r, height=r.height + extra) for r in rows]
                return [_Plan(gate, scale, tuple(rows), False, slot_w, day_w)]
        # Split between slots at the smallest size.
        pages: list[list[_Row]] = [[]]
        used = 0.0
        for row in rows:
            if pages[-1] and used + row.height > room:
                pages.append([])
                used = 0.0
            pages[-1].append(row)
            used += row.height
        return [_Plan(gate, scale, tuple(p), i > 0, slot_w, day_w) for i, p in enumerate(pages)]

    def _widest(self, gate: Gate, scale: float) -> float:
        """The widest name or phone at the gate this week, at `scale` (else they would be
        cut short)."""
        f = self._fonts(scale)
        week = self.week
        people = [a for a in week.assignments if a.gate == gate.id]
        return max(
            [text_width(f["name"], week.name_of(a.volunteer) + (PIN_MARK if a.pinned else "")) for a in people]
            + [text_width(f["phone"], week.phone_of(a.volunteer, self.full_phones)) for a in people]
            + [0.0]
        )

    def _fonts(self, scale: float) -> dict[str, QFont]:
        return {
            "name": font(11 * scale), "phone": font(9.5 * scale), "small": font(9 * scale),
            "short": font(9 * scale, bold=True), "slot": font(11 * scale, bold=True),
            "time": font(9 * scale), "day": font(11 * scale, bold=True),
        }

    def _table_room(self, area: QSizeF, scale: float, gate: Gate) -> float:
        f = self._fonts(scale)
        head = line_height(f["day"]) + line_height(f["small"]) + 2 * self._pad(scale)
        return area.height() - header_height(1.25) - 5 * MM - head - self._footer_height(gate.id, area.width())

    @staticmethod
    def _pad(scale: float) -> float:
        return 1.5 * MM * scale

    def _measure(self, gate: Gate, width: float, scale: float) -> tuple[float, float, list[_Row]]:
        week = self.week
        f = self._fonts(scale)
        pad = self._pad(scale)
        slot_w = max([max(text_width(f["slot"], s.name), text_width(f["time"], s.label)) for s in week.slots]
                     + [text_width(f["slot"], translate("Output", "时段"))]) + 2 * pad
        slot_w = min(max(slot_w, 20 * MM), 34 * MM)
        day_w = (width - slot_w) / max(1, len(week.dates))
        inner = day_w - 2 * pad
        person_h = line_height(f["name"]) + line_height(f["phone"])
        rows: list[_Row] = []
        for slot in week.slots:
            cells = []
            for day in week.dates:
                post = Post(gate.id, day, slot.id)
                people = tuple(
                    _Person(
                        elide(f["name"], week.name_of(a.volunteer) + (PIN_MARK if a.pinned else ""), inner),
                        week.phone_of(a.volunteer, self.full_phones),
                        kind_style(week.kind_of(a.volunteer)).colour,
                    )
                    for a in week.people_at(post)
                )
                shortage = week.shortage_at(post)
                short_lines = (flow_chips(f["short"], short_chips(week.shortage_words(shortage)), inner,
                                          text_width(f["short"], "　") * 0.6) if shortage else [])
                open_ = week.is_open(post)
                fill = (SHORT_FILL if shortage else CLOSED_FILL if not open_
                        else REST_FILL if not week.is_workday(day) else None)
                cells.append(_Cell(people, short_lines, not open_, fill.name() if fill is not None else None))
            content = max(
                [sum(person_h if p.phone else line_height(f["name"]) for p in c.people)
                 + len(c.short_lines) * line_height(f["short"])
                 + (line_height(f["small"]) if c.closed and not c.people else 0) for c in cells]
                + [line_height(f["slot"]) + line_height(f["time"])]
            )
            rows.append(_Row(slot, tuple(cells), content + 2 * pad))
        kept = [r for r in rows if not all(c.closed and not c.people for c in r.cells)]
        return slot_w, day_w, kept or rows

    # --- painting ---------------------------------------------------------------------------

    def paint_page(self, painter: QPainter, plan: _Plan, area: QSizeF, number: int, count: int) -> None:
        week = self.week
        if not plan.gate.id:
            page_header(painter, area, week, self.title, 1.25)
            draw_text(painter, QRectF(0, header_height(1.25) + 5 * MM, area.width(), 10 * MM),
                      translate("Output", "没有选择门岗。"), font(11), MUTED, Qt.AlignmentFlag.AlignCenter)
            self._paint_footer(painter, area, "", number, count)
            return
        title = translate("Output", "{community}  {gate}  门岗值班表")
        title = title.format(community=week.community, gate=plan.gate.name)
        if plan.continued:
            title += translate("Output", "（续）")
        top = page_header(painter, area, week, title, 1.25, unscheduled_note(week)) + 2 * MM
        f = self._fonts(plan.scale)
        pad = self._pad(plan.scale)
        width = area.width()
        head_h = line_height(f["day"]) + line_height(f["small"]) + 2 * pad

        fill_rect(painter, QRectF(0, top, plan.slot_w, head_h), HEADER_FILL)
        draw_text(painter, QRectF(0, top, plan.slot_w, head_h), translate("Output", "时段"), f["slot"], INK,
                  Qt.AlignmentFlag.AlignCenter)
        for i, day in enumerate(week.dates):
            x = plan.slot_w + i * plan.day_w
            workday = week.is_workday(day)
            fill_rect(painter, QRectF(x, top, plan.day_w, head_h), HEADER_FILL if workday else REST_HEADER_FILL)
            dh = line_height(f["day"])
            draw_text(painter, QRectF(x, top + pad, plan.day_w, dh), f"{short_date(day)} {weekday_label(day)}",
                      f["day"], INK, Qt.AlignmentFlag.AlignCenter)
            draw_text(painter, QRectF(x, top + pad + dh, plan.day_w, line_height(f["small"])),
                      day_kind_label(workday), f["small"], INK if workday else QColor("#2e6b1f"),
                      Qt.AlignmentFlag.AlignCenter)
        y = top + head_h
        stroke_line(painter, QPointF(0, y), QPointF(width, y), INK, 0.9)
        rules: list[float] = []
        for row in plan.rows:
            draw_text(painter, QRectF(pad, y + pad, plan.slot_w - 2 * pad, line_height(f["slot"])), row.slot.name,
                      f["slot"], INK)
            draw_text(painter, QRectF(pad, y + pad + line_height(f["slot"]), plan.slot_w - 2 * pad,
                                      line_height(f["time"])), row.slot.label, f["time"], MUTED)
            for i, cell in enumerate(row.cells):
                x = plan.slot_w + i * plan.day_w
                if cell.fill:
                    fill_rect(painter, QRectF(x, y, plan.day_w, row.height), QColor(cell.fill))
                cy = y + pad
                for person in cell.people:
                    cy = draw_lines(painter, x + pad, cy, plan.day_w - 2 * pad, [person.name], f["name"], person.colour)
                    if person.phone:  # someone without a recorded phone takes one line
                        cy = draw_lines(painter, x + pad, cy, plan.day_w - 2 * pad, [person.phone], f["phone"], INK)
                if cell.closed and not cell.people:
                    cy = draw_lines(painter, x + pad, cy, plan.day_w - 2 * pad, [translate("Output", "不开放")],
                                    f["small"], MUTED)
                draw_chip_lines(painter, x + pad, cy, cell.short_lines, f["short"])
            y += row.height
            rules.append(y)
        # Rules after every fill, or the next row's tint would cover half of each.
        for ry in rules[:-1]:
            stroke_line(painter, QPointF(0, ry), QPointF(width, ry), RULE, 0.5)
        for x in [plan.slot_w + i * plan.day_w for i in range(len(week.dates))]:
            stroke_line(painter, QPointF(x, top), QPointF(x, y), RULE, 0.5)
        stroke_rect(painter, QRectF(0, top, width, y - top), INK, 0.9)
        self._paint_footer(painter, area, plan.gate.id, number, count)

    def _legend(self, gate_id: str) -> list[LegendItem]:
        """The kinds on duty at the gate, the marks, and whether phones are masked."""
        kinds = sorted({self.week.kind_of(a.volunteer) for a in self.week.assignments if a.gate == gate_id},
                       key=kind_order)
        items = kind_legend(kinds) + [
            LegendItem(PIN_MARK + translate("Output", " 锁定"), MUTED.name()),
            LegendItem(translate("Output", "缺 N人：缺岗，欢迎补位"), SHORT_INK.name()),
        ]
        if not self.full_phones:
            items.append(LegendItem(translate("Output", "电话号码中间四位已隐去"), MUTED.name()))
        return items

    def _contact_lines(self, width: float) -> list[str]:
        if not self.week.contact:
            return []
        line = translate("Output", "如有问题请联系：{contact}").format(contact=self.week.contact)
        return wrap_text(font(12, bold=True), line, width * 0.85)

    def _footer_height(self, gate_id: str, width: float) -> float:
        small, big = font(8.5), font(12, bold=True)
        legend = legend_rows(small, self._legend(gate_id), width)
        return (line_height(small) * (len(legend) + 0.6)
                + line_height(big) * (max(1, len(self._contact_lines(width))) + 0.2))

    def _paint_footer(self, painter: QPainter, area: QSizeF, gate_id: str, number: int, count: int) -> None:
        small, big = font(8.5), font(12, bold=True)
        hs = line_height(small)
        y = area.height() - self._footer_height(gate_id, area.width())
        y = paint_legend(painter, legend_rows(small, self._legend(gate_id), area.width()), y, small)
        y += hs * 0.3
        stroke_line(painter, QPointF(0, y), QPointF(area.width(), y), INK, 0.9)
        y += hs * 0.3
        # The contact line in large type, whole (wrapped, never cut: it holds the number).
        draw_lines(painter, 0, y, area.width() * 0.85, self._contact_lines(area.width()), big, INK)
        page = translate("Output", "第 {n} 页，共 {count} 页").format(n=number, count=count)
        draw_text(painter, QRectF(0, y, area.width(), line_height(big)), page, small, MUTED,
                  Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
