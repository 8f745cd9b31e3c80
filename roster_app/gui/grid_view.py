"""The table view of the roster grid: chip delegate, stretched date columns, fitted rows.

Rows must be tall enough for the wrapped name chips of their fullest cell, and when the
week fits the window with room to spare the rows share that room, so the grid reads as a
printed roster and not as a strip at the top of a blank panel.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from roster_app.gui.delegates import PostCellDelegate

MAX_EXTRA_PER_ROW = 18  # beyond this, spare room stays below the grid: rows too tall look empty


class RosterGridView(QTableView):
    """A QTableView for `RosterGridModel`; read-only, one cell selectable.

    Signals: only QTableView's own.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("rosterGrid")
        self.setItemDelegate(PostCellDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setStyleSheet("QTableView { gridline-color: #c9ced4; }")
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setMinimumSectionSize(110)
        header.setHighlightSections(False)
        vheader = self.verticalHeader()
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vheader.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        vheader.setHighlightSections(False)
        # Column widths change the chips' wrapping, so the rows are fitted again after
        # any resize; once per event-loop turn, however many sections moved.
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_rows)
        header.sectionResized.connect(self._fit_timer.start)

    def setModel(self, model) -> None:
        super().setModel(model)
        model.modelReset.connect(self.fit_rows)
        model.dataChanged.connect(self._fit_timer.start)
        self.fit_rows()

    def fit_rows(self) -> None:
        """Each row as tall as its fullest cell needs, plus a share of the spare room."""
        model = self.model()
        if model is None or model.rowCount() == 0:
            return
        rows = model.rowCount()
        vheader = self.verticalHeader()
        needed = [max(self.sizeHintForRow(r), vheader.sectionSizeHint(r)) for r in range(rows)]
        spare = self.viewport().height() - sum(needed)
        extra = min(max(spare // rows, 0), MAX_EXTRA_PER_ROW)
        for row, height in enumerate(needed):
            self.setRowHeight(row, height + extra)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_timer.start()
