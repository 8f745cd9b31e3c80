"""Painting printed pages: the unit, the fonts, text that wraps and fits, and `render`.

Documents lay out and paint in *units* of a tenth of a point (1/720 inch), whatever the
device: `render` scales the painter from units to the device's pixels, so one layout serves
a 1200-dpi PDF, a printer and the print preview alike, and the page count is the same on
all of them. Fonts are sized in pixels of that unit (`font(9)` is 9 pt on paper): a point
size would be converted once more by the device's resolution.

A document (`PrintDocument`) says its orientation, cuts itself into pages for a paintable
area (`paginate`) and paints one page (`paint_page`); `render` drives it on a QPrinter.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Sequence

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
)
from PySide6.QtPrintSupport import QPrinter

from roster_app.fonts import choose_family
from roster_app.output.week import translate

UNITS_PER_POINT = 10
MM = 720 / 25.4
"""Units per millimetre."""

PAGE_MARGIN_MM = 10
"""Every page keeps 10 mm clear on each side: inside what office printers can reach."""

INK = QColor("#1a1a1a")
MUTED = QColor("#5f6368")
RULE = QColor("#9aa0a6")
SHORT_INK = QColor("#c62828")
SHORT_FILL = QColor("#fbe3e3")  # lighter than the window's, so names stay readable in print
CLOSED_FILL = QColor("#eceef0")
REST_FILL = QColor("#eef6ea")
REST_HEADER_FILL = QColor("#d4e8cc")
HEADER_FILL = QColor("#f1f3f4")


class OutputError(Exception):
    """An output could not be written; the message is meant for the clerk."""


@lru_cache(maxsize=1)
def print_family() -> str | None:
    """The Chinese family printouts use: the app's preferred one that is installed."""
    return choose_family(QFontDatabase.families())


def font(points: float, bold: bool = False) -> QFont:
    """A Chinese font of `points` on paper, in the layout's units."""
    f = QFont()
    family = print_family()
    if family:
        f.setFamilies([family])
    f.setPixelSize(max(1, round(points * UNITS_PER_POINT)))
    f.setBold(bold)
    # Unhinted outlines scale linearly, so what is measured here is what the PDF draws.
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return f


def metrics(f: QFont) -> QFontMetricsF:
    return QFontMetricsF(f)


def line_height(f: QFont) -> float:
    return metrics(f).height()


def text_width(f: QFont, text: str) -> float:
    return metrics(f).horizontalAdvance(text)


def elide(f: QFont, text: str, width: float) -> str:
    return metrics(f).elidedText(text, Qt.TextElideMode.ElideRight, width)


def wrap_text(f: QFont, text: str, width: float) -> list[str]:
    """`text` broken into lines no wider than `width`: at spaces where it can, else between
    any two characters (Chinese has no spaces), never losing a character."""
    fm = metrics(f)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in _words(paragraph):
            candidate = line + word
            if fm.horizontalAdvance(candidate.rstrip()) <= width or not line:
                line = candidate
            else:
                lines.append(line.rstrip())
                line = word.lstrip()
            while fm.horizontalAdvance(line.rstrip()) > width and len(line) > 1:
                # A word wider than the line: break it where it overflows.
                cut = max(1, _fit_chars(fm, line, width))
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line.rstrip())
    return lines


def _words(text: str) -> Iterable[str]:
    """Latin words (with their trailing space) stay whole; every CJK character is a word."""
    word = ""
    for ch in text:
        if ch == " ":
            yield word + ch
            word = ""
        elif ord(ch) > 0x2E7F:  # CJK and fullwidth: a line may break before any of them
            if word:
                yield word
            yield ch
            word = ""
        else:
            word += ch
    if word:
        yield word


def _fit_chars(fm: QFontMetricsF, text: str, width: float) -> int:
    n = 0
    while n < len(text) and fm.horizontalAdvance(text[: n + 1]) <= width:
        n += 1
    return n


@dataclass(frozen=True)
class Chip:
    """A piece of text that must not break, drawn in its own colour (a name in a cell)."""

    text: str
    colour: str = INK.name()
    bold: bool = False


def flow_chips(f: QFont, chips: Sequence[Chip], width: float, gap: float) -> list[list[tuple[float, Chip]]]:
    """Chips laid left to right and wrapped into lines of `width`: per line, (x, chip).

    A chip wider than a line gets a line of its own, elided to fit.
    """
    lines: list[list[tuple[float, Chip]]] = []
    line: list[tuple[float, Chip]] = []
    x = 0.0
    for chip in chips:
        w = text_width(font_like(f, chip.bold), chip.text)
        if line and x + w > width:
            lines.append(line)
            line, x = [], 0.0
        if w > width:
            chip = Chip(elide(font_like(f, chip.bold), chip.text, width), chip.colour, chip.bold)
            w = width
        line.append((x, chip))
        x += w + gap
    if line:
        lines.append(line)
    return lines


def short_chips(words: Iterable[str]) -> list[Chip]:
    """What a short post lacks ("缺 1人", "缺党员 1 人"), each whole, in red."""
    return [Chip(word, SHORT_INK.name(), bold=True) for word in words]


def font_like(f: QFont, bold: bool) -> QFont:
    if f.bold() == bold:
        return f
    g = QFont(f)
    g.setBold(bold)
    return g


# --- painting helpers ---------------------------------------------------------------------


def draw_text(painter: QPainter, rect: QRectF, text: str, f: QFont, colour: QColor | str = INK,
              align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) -> None:
    painter.setFont(f)
    painter.setPen(QColor(colour))
    painter.drawText(rect, int(align), text)


def draw_lines(painter: QPainter, x: float, y: float, width: float, lines: Sequence[str], f: QFont,
               colour: QColor = INK, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> float:
    """Lines of text from (x, y) downwards; returns the y below the last one."""
    h = line_height(f)
    for text in lines:
        draw_text(painter, QRectF(x, y, width, h), text, f, colour, align | Qt.AlignmentFlag.AlignVCenter)
        y += h
    return y


def draw_chip_lines(painter: QPainter, x: float, y: float, lines: list[list[tuple[float, Chip]]], f: QFont) -> float:
    h = line_height(f)
    for line in lines:
        for dx, chip in line:
            cf = font_like(f, chip.bold)
            draw_text(painter, QRectF(x + dx, y, text_width(cf, chip.text) + 1, h), chip.text, cf, chip.colour)
        y += h
    return y


def fill_rect(painter: QPainter, rect: QRectF, colour: QColor) -> None:
    painter.fillRect(rect, colour)


def stroke_line(painter: QPainter, a: QPointF, b: QPointF, colour: QColor = RULE, width_pt: float = 0.5,
                style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> None:
    pen = QPen(colour)
    pen.setWidthF(width_pt * UNITS_PER_POINT)
    pen.setStyle(style)
    painter.setPen(pen)
    painter.drawLine(a, b)


def stroke_rect(painter: QPainter, rect: QRectF, colour: QColor = RULE, width_pt: float = 0.5) -> None:
    pen = QPen(colour)
    pen.setWidthF(width_pt * UNITS_PER_POINT)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)


def swatch(painter: QPainter, x: float, y: float, size: float, colour: QColor) -> None:
    """A small square of a kind's colour, for legends."""
    painter.fillRect(QRectF(x, y, size, size), colour)


# --- legends ------------------------------------------------------------------------------


@dataclass(frozen=True)
class LegendItem:
    """One entry of a legend: a kind (with a square of its colour) or a mark explained."""

    text: str
    colour: str
    swatch: bool = False


def legend_rows(f: QFont, items: Sequence[LegendItem], width: float) -> list[list[tuple[float, LegendItem]]]:
    """The items laid left to right, wrapped to `width`: per row, (x, item)."""
    h = line_height(f)
    rows: list[list[tuple[float, LegendItem]]] = [[]]
    x = 0.0
    for item in items:
        w = (h * 0.85 if item.swatch else 0) + text_width(f, item.text)
        if rows[-1] and x + w > width:
            rows.append([])
            x = 0.0
        rows[-1].append((x, item))
        x += w + h * 0.9
    return rows


def paint_legend(painter: QPainter, rows: list[list[tuple[float, LegendItem]]], y: float, f: QFont) -> float:
    """Paint legend rows from `y` down; returns the y below them."""
    h = line_height(f)
    box = h * 0.6
    for row in rows:
        for x, item in row:
            if item.swatch:
                swatch(painter, x, y + (h - box) / 2, box, QColor(item.colour))
                x += h * 0.85
            draw_text(painter, QRectF(x, y, text_width(f, item.text) + 1, h), item.text, f, item.colour)
        y += h
    return y


# --- documents and rendering ----------------------------------------------------------------


class PrintDocument:
    """A printable document: subclasses lay out their pages and paint them in units.

    Attributes:
        orientation: the page orientation on A4.
        title: the document's name (the print job's name, the PDF's title).
    """

    orientation = QPageLayout.Orientation.Landscape
    title = ""

    def paginate(self, area: QSizeF) -> list[Any]:
        """Plans of the pages for a paintable area (units); at least one page."""
        raise NotImplementedError

    def paint_page(self, painter: QPainter, plan: Any, area: QSizeF, number: int, count: int) -> None:
        """Paint page `number` (1-based) of `count` from its plan, origin at the area's top left."""
        raise NotImplementedError


def page_layout(document: PrintDocument) -> QPageLayout:
    """A4 in the document's orientation, with the house margins."""
    m = PAGE_MARGIN_MM
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), document.orientation, QMarginsF(m, m, m, m), QPageLayout.Unit.Millimeter
    )


def paint_area(printer: QPrinter) -> QSizeF:
    """The printer's paintable area in units (inside the margins)."""
    rect = printer.pageLayout().paintRect(QPageLayout.Unit.Point)
    return QSizeF(rect.width() * UNITS_PER_POINT, rect.height() * UNITS_PER_POINT)


def render(document: PrintDocument, printer: QPrinter) -> int:
    """Paint every page of `document` on `printer` (a PDF, a real printer or the preview's);
    returns the number of pages. The printer's page layout is used as it is: set it with
    `page_layout(document)` before (the preview lets the clerk change it)."""
    area = paint_area(printer)
    plans = document.paginate(area)
    painter = QPainter()
    if not painter.begin(printer):
        raise OutputError(translate("Output", "无法开始打印（打印机或文件不可用）"))
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        sx = printer.logicalDpiX() / (72 * UNITS_PER_POINT)
        sy = printer.logicalDpiY() / (72 * UNITS_PER_POINT)
        for number, plan in enumerate(plans, start=1):
            if number > 1:
                printer.newPage()
            painter.save()
            painter.scale(sx, sy)
            document.paint_page(painter, plan, area, number, len(plans))
            painter.restore()
    finally:
        painter.end()
    return len(plans)

