"""Painting a post of the roster grid: each name as a chip in its kind's colour.

A plain item view draws a cell's text in one colour; the roster needs every name in the
colour of its kind (在职党员, 下沉干部, …) and a lock on pinned names, so this delegate
paints the cell from the model's `NamesRole`. Chips flow left to right and wrap, and
`sizeHint` reports the height the wrapped chips need so the rows can grow to fit.

For hand editing it also says where each chip is (`name_rects`, so the view can tell
which name the clerk pressed or dropped onto), outlines the chosen name and the drop
target, and marks a post where a hard rule is broken with an orange frame, a warning sign
in its corner and a dashed outline round the names involved.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from roster_app.gui.kinds import kind_style
from roster_app.gui.roster_model import (
    PROBLEM_FRAME,
    CellName,
    PostState,
    RosterGridModel,
    describe_needs,
)

MARGIN = 4           # between the cell's border and the chips
SPACING = 4          # between chips
CHIP_PAD_X = 6       # inside a chip, left and right of the name
CHIP_PAD_Y = 2
LOCK_WIDTH = 9       # the painted lock of a pinned name, plus a gap after it
LOCK_GAP = 3

GATE_SEPARATOR = QColor("#7f8a96")
SHORT_TEXT = QColor("#a11b1b")
SELECTION_FRAME = QColor("#2b6cb0")
CHOSEN_OUTLINE = QColor("#111827")
DROP_FRAME = QColor("#2f9e44")
WARNING_SIZE = 14
WHITE = QColor("white")
# Made once: a cell paints up to a dozen chips, and a repaint 130 cells.
NAME_ALIGN = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
CENTRE = Qt.AlignmentFlag.AlignCenter
NO_PEN = Qt.PenStyle.NoPen
NO_BRUSH = Qt.BrushStyle.NoBrush
SELECTED = QStyle.StateFlag.State_Selected
ANTIALIASING = QPainter.RenderHint.Antialiasing



def _data(index: QModelIndex, role: int):
    """`index.data(role)`, asked of the (Python) model directly.

    PySide6 6.12 on Python 3.11 drops one reference to None each time `QModelIndex.data`
    converts an empty QVariant back to None; a delegate asks thousands of times per
    repaint, and the interpreter then aborts ("none_dealloc") when it exits. Calling the
    Python model's `data` involves no QVariant at all.
    """
    return index.model().data(index, role)


def flow(widths: list[int], height: int, width: int) -> list[QRect]:
    """Place boxes of the given widths left to right in `width`, wrapping onto new lines.

    Rectangles are relative to the cell's top-left corner; a box wider than the line gets
    a line of its own.
    """
    rects: list[QRect] = []
    x, y = MARGIN, MARGIN
    right = max(width - MARGIN, MARGIN + 1)
    for w in widths:
        if x > MARGIN and x + w > right:
            x, y = MARGIN, y + height + SPACING
        rects.append(QRect(x, y, w, height))
        x += w + SPACING
    return rects


def paint_lock(painter: QPainter, x: float, centre_y: float, colour: QColor) -> None:
    """A small padlock (body and shackle): no font here has the 🔒 emoji."""
    body = QRectF(x, centre_y - 1, LOCK_WIDTH, 6)
    shackle = QPainterPath()
    shackle.moveTo(QPointF(x + 2, centre_y - 1))
    shackle.lineTo(QPointF(x + 2, centre_y - 3))
    shackle.arcTo(QRectF(x + 2, centre_y - 6, LOCK_WIDTH - 4, 6), 180, -180)
    shackle.lineTo(QPointF(x + LOCK_WIDTH - 2, centre_y - 1))
    painter.save()
    painter.setPen(QPen(colour, 1.4))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(shackle)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(body, 1, 1)
    painter.restore()


def paint_warning(painter: QPainter, x: float, y: float, size: float = WARNING_SIZE) -> None:
    """A warning sign (orange triangle with "!") whose top-left corner is at (x, y)."""
    painter.save()
    triangle = QPainterPath()
    triangle.moveTo(QPointF(x + size / 2, y))
    triangle.lineTo(QPointF(x + size, y + size))
    triangle.lineTo(QPointF(x, y + size))
    triangle.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(PROBLEM_FRAME)
    painter.drawPath(triangle)
    painter.setPen(QPen(QColor("white"), 1.6))
    painter.drawLine(QPointF(x + size / 2, y + size * 0.35), QPointF(x + size / 2, y + size * 0.68))
    painter.drawPoint(QPointF(x + size / 2, y + size * 0.84))
    painter.restore()


class PostCellDelegate(QStyledItemDelegate):
    """Paints a post: background by state, name chips by kind, "缺 N 人" when short.

    Signals: none beyond QStyledItemDelegate's. Needs the table view to know a column's
    width when asked for a size hint (the view asks before it lays the cell out).
    """

    def __init__(self, view: QTableView):
        super().__init__(view)
        self._view = view
        self._advances: dict[tuple[str, str], int] = {}  # (font key, text) -> its width
        self._font: QFont | None = None
        self._font_key = ""

    def _advance(self, fm: QFontMetrics, font_key: str | None, text: str) -> int:
        if font_key is None:
            return fm.horizontalAdvance(text)
        width = self._advances.get((font_key, text))
        if width is None:
            if len(self._advances) > 20_000:
                self._advances.clear()
            width = self._advances[font_key, text] = fm.horizontalAdvance(text)
        return width

    def _items(self, index: QModelIndex, cell=None) -> tuple[list[CellName], str | None]:
        model = index.model()
        if cell is None and isinstance(model, RosterGridModel):  # the roles' answers at once
            cell = model.cell(index.row(), index.column())
        if cell is not None:
            _, names, state, shortage = cell
        else:
            names = _data(index, RosterGridModel.NamesRole) or []
            state = _data(index, RosterGridModel.StateRole)
            shortage = _data(index, RosterGridModel.ShortageRole)
        note = None
        if state == PostState.SHORT and shortage is not None:
            # The cell shows the missing count only; what and why is in the tooltip.
            if shortage.missing:
                note = self.tr("缺 {n} 人").format(n=shortage.missing)
            else:  # enough people, but not the needed party member or skill
                note = "、".join(describe_needs(shortage.unmet_needs)) or self.tr("缺岗")
        return names, note

    def _layout(self, fm: QFontMetrics, index: QModelIndex, width: int, font_key: str | None = None, cell=None):
        """The cell's names, its note and their chips' places; `font_key` (`QFont.key()` of
        `fm`'s font) lets the texts' widths be remembered."""
        names, note = self._items(index, cell)
        lock = LOCK_WIDTH + LOCK_GAP
        widths = [self._advance(fm, font_key, n.name) + 2 * CHIP_PAD_X + (lock if n.pinned else 0) for n in names]
        if note:
            widths.append(self._advance(fm, font_key, note) + 2 * CHIP_PAD_X)
        rects = flow(widths, fm.height() + 2 * CHIP_PAD_Y, width)
        return names, note, rects

    def name_rects(self, index: QModelIndex, rect: QRect, font) -> list[tuple[CellName, QRect]]:
        """Where each name's chip is painted in a cell drawn in `rect` (same coordinates)."""
        fm = QFontMetrics(font)
        names, _, rects = self._layout(fm, index, rect.width())
        if not rects:
            return []
        block = rects[-1].bottom() + 1 + MARGIN
        dy = max((rect.height() - block) // 2, 0)
        return [(name, r.translated(rect.left(), rect.top() + dy)) for name, r in zip(names, rects)]

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        width = self._view.columnWidth(index.column()) or option.rect.width() or 120
        return QSize(width, self.height_for(QFontMetrics(option.font), index, width))

    def height_for(self, fm: QFontMetrics, index: QModelIndex, width: int, font_key: str | None = None) -> int:
        """The height the cell's wrapped chips need in a column `width` wide (`sizeHint`'s)."""
        _, _, rects = self._layout(fm, index, width, font_key)
        line = fm.height() + 2 * CHIP_PAD_Y
        height = (rects[-1].bottom() + 1 if rects else MARGIN + line) + MARGIN
        return max(height, 2 * MARGIN + line)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        painter.setRenderHint(ANTIALIASING)
        rect = option.rect
        model = index.model()
        if isinstance(model, RosterGridModel):  # what the roles say, at once
            cell, background, problems, gate_start = model.look(index.row(), index.column())
            state = cell.state
        else:
            cell = None
            background = _data(index, Qt.ItemDataRole.BackgroundRole)
            state = _data(index, RosterGridModel.StateRole)
            problems = _data(index, RosterGridModel.ProblemsRole) or []
            gate_start = _data(index, RosterGridModel.GateStartRole)
        painter.fillRect(rect, background if background is not None else option.palette.base())

        font = option.font
        if font != self._font:  # the same font cell after cell: its key made once
            self._font, self._font_key = QFont(font), font.key()
        fm = QFontMetrics(font)
        painter.setFont(font)
        names, note, rects = self._layout(fm, index, rect.width(), self._font_key, cell)
        if rects:
            # Rows share spare room (see RosterGridView.fit_rows): centre the chips in it.
            block = rects[-1].bottom() + 1 + MARGIN
            dy = max((rect.height() - block) // 2, 0)
            rects = [r.translated(rect.left(), rect.top() + dy) for r in rects]

        if state == PostState.CLOSED and not names:
            painter.setPen(_data(index, Qt.ItemDataRole.ForegroundRole) or QColor("#888"))
            painter.drawText(rect, CENTRE, _data(index, Qt.ItemDataRole.DisplayRole) or "")

        involved = {p.volunteer for p in problems}
        chosen = getattr(self._view, "chosen_volunteer_at", lambda i: None)(index)
        for name, chip in zip(names, rects):
            painter.setPen(NO_PEN)
            painter.setBrush(kind_style(name.kind).qcolour)
            painter.drawRoundedRect(QRectF(chip), 4, 4)
            text_rect = chip.adjusted(CHIP_PAD_X, 0, -CHIP_PAD_X, 0)
            if name.pinned:
                paint_lock(painter, text_rect.left(), chip.center().y() + 1, WHITE)
                text_rect.setLeft(text_rect.left() + LOCK_WIDTH + LOCK_GAP)
            painter.setPen(WHITE)
            painter.drawText(text_rect, NAME_ALIGN, name.name)
            if name.volunteer_id in involved:
                # The person behind a broken rule: a dashed orange ring round their name.
                pen = QPen(PROBLEM_FRAME, 2, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.setBrush(NO_BRUSH)
                painter.drawRoundedRect(QRectF(chip).adjusted(-1.5, -1.5, 1.5, 1.5), 5, 5)
            if name.volunteer_id == chosen:
                painter.setPen(QPen(CHOSEN_OUTLINE, 2))
                painter.setBrush(NO_BRUSH)
                painter.drawRoundedRect(QRectF(chip).adjusted(-2, -2, 2, 2), 5, 5)

        if note:
            bold = painter.font()
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(SHORT_TEXT)
            painter.drawText(rects[-1], CENTRE, note)

        if gate_start and index.row() > 0:
            # A darker line where a new gate begins, so the eye finds the gates.
            painter.setPen(QPen(GATE_SEPARATOR, 2))
            painter.drawLine(rect.topLeft() + QPointF(0, 0.5).toPoint(), rect.topRight())

        if problems:
            painter.setPen(QPen(PROBLEM_FRAME, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(rect).adjusted(1, 1, -1, -1))
            paint_warning(painter, rect.right() - WARNING_SIZE - 3, rect.top() + 3)

        if getattr(self._view, "drop_target", None) == (index.row(), index.column()):
            painter.setPen(QPen(DROP_FRAME, 3, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(rect).adjusted(2, 2, -2, -2))

        if option.state & SELECTED:
            # A frame rather than a fill: the colours of the cell must stay readable.
            painter.setPen(QPen(SELECTION_FRAME, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.restore()

