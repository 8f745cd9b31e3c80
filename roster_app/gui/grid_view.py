"""The table view of the roster grid: chip delegate, stretched date columns, fitted rows,
and the clerk's hand edits by mouse and keyboard.

Rows must be tall enough for the wrapped name chips of their fullest cell, and when the
week fits the window with room to spare the rows share that room, so the grid reads as a
printed roster and not as a strip at the top of a blank panel.

Hand edits: pressing a name chooses it (outlined; Delete and Ctrl+L act on it); dragging a
name to another post moves the person, dropping it onto a name swaps the two; a volunteer
dragged in from the volunteer list (`VOLUNTEER_MIME`) is put at the post. The view does not
edit anything itself: it says what the clerk asked for by signals, and the window turns
them into undoable commands. While the week is published the view refuses every edit
(`set_editable(False)`).
"""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import QMimeData, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QDrag, QFontMetrics, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView, QWidget

from roster_app.gui.delegates import PostCellDelegate
from roster_app.gui.roster_model import PostState, RosterGridModel
from roster_app.gui.volunteer_model import VOLUNTEER_MIME
from solver.scenario import Post

MAX_EXTRA_PER_ROW = 18  # beyond this, spare room stays below the grid: rows too tall look empty

ASSIGNMENT_MIME = "application/x-gateroster-assignment"
"""Drag data of a name in the grid: JSON {"volunteer", "gate", "date", "slot"}."""


def assignment_mime(volunteer: str, post: Post) -> QMimeData:
    mime = QMimeData()
    data = {"volunteer": volunteer, "gate": post.gate, "date": post.date.isoformat(), "slot": post.slot}
    mime.setData(ASSIGNMENT_MIME, json.dumps(data).encode("utf-8"))
    return mime


def read_assignment_mime(mime: QMimeData) -> tuple[str, Post] | None:
    if not mime.hasFormat(ASSIGNMENT_MIME):
        return None
    try:
        data = json.loads(bytes(mime.data(ASSIGNMENT_MIME).data()).decode("utf-8"))
        return data["volunteer"], Post(data["gate"], dt.date.fromisoformat(data["date"]), data["slot"])
    except (ValueError, KeyError, TypeError):
        return None


def read_volunteer_mime(mime: QMimeData) -> str | None:
    if not mime.hasFormat(VOLUNTEER_MIME):
        return None
    return bytes(mime.data(VOLUNTEER_MIME).data()).decode("utf-8") or None


class RosterGridView(QTableView):
    """A QTableView for `RosterGridModel`: one cell selectable, names draggable.

    Signals:
        assign_dropped(str, object): a volunteer (id) from the list dropped on a post.
        move_dropped(str, object, object): a name dragged from one post (2nd) to another (3rd).
        swap_dropped(str, object, str, object): a name (1st at 2nd) dropped onto another
            name (3rd at 4th): the two trade posts.
        remove_requested(str, object): Backspace on the cell (the chosen name, else the
            last): volunteer id, post.
        chosen_changed(): the chosen name changed.

    Attributes:
        chosen: (post, volunteer id) of the chosen name, or None.
        drop_target: (row, column) of the cell under a drag, or None (the delegate frames it).
    """

    assign_dropped = Signal(str, object)
    move_dropped = Signal(str, object, object)
    swap_dropped = Signal(str, object, str, object)
    remove_requested = Signal(str, object)
    chosen_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("rosterGrid")
        self.setItemDelegate(PostCellDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setStyleSheet("QTableView { gridline-color: #c9ced4; }")
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        # Drops are handled here, not by the model: a drop is a command, not a data change.
        # (No setDragDropMode: NoDragDrop would switch accepting drops off again.)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.chosen: tuple[Post, str] | None = None
        self.drop_target: tuple[int, int] | None = None
        self._editable = True
        self._press: tuple[QPoint, str, Post] | None = None
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
        self._fit_timer.timeout.connect(self._fit_dirty_rows)
        header.sectionResized.connect(self._fit_all_rows_later)
        # Rows whose cells changed since the last fitting (None: all of them); each row's
        # height as the chips need it, kept so one changed cell refits one row.
        self._dirty_rows: set[int] | None = None
        self._needed: list[int] = []

    def setModel(self, model) -> None:
        super().setModel(model)
        model.modelReset.connect(self._model_reset)
        model.modelReset.connect(self._forget_chosen)
        model.dataChanged.connect(self._rows_changed)
        model.dataChanged.connect(self._check_chosen)
        self.selectionModel().currentChanged.connect(self._on_current_changed)
        self.fit_rows()

    def fit_rows(self) -> None:
        """Each row as tall as its fullest cell needs, plus a share of the spare room."""
        model = self.model()
        if model is None or model.rowCount() == 0:
            return
        self._dirty_rows = set()
        rows = model.rowCount()
        self._needed = [self._row_needs(r) for r in range(rows)]
        extra = self._extra_per_row()
        for row, height in enumerate(self._needed):
            self.setRowHeight(row, height + extra)

    def _row_needs(self, row: int) -> int:
        """max(sizeHintForRow(row), the header's hint), worked out here: the view would
        ask the delegate for each cell through Qt, 2,240 times on a street office's week."""
        model, delegate = self.model(), self.itemDelegate()
        font = self.font()
        fm, font_key = QFontMetrics(font), font.key()
        hint = max((delegate.height_for(fm, model.index(row, column), self.columnWidth(column) or 120, font_key)
                    for column in range(model.columnCount()) if not self.isColumnHidden(column)), default=0)
        if self.showGrid():
            hint += 1  # as QTableView: the grid line
        return max(hint, self.verticalHeader().sectionSizeHint(row))

    def _extra_per_row(self) -> int:
        rows = len(self._needed)
        spare = self.viewport().height() - sum(self._needed)
        return min(max(spare // rows, 0), MAX_EXTRA_PER_ROW) if rows else 0

    def _model_reset(self) -> None:
        if self.isVisible():
            self.fit_rows()
        else:
            # Not shown yet (the window being built): showing it resizes the view, which
            # fits the rows again anyway, so fit them once, at the next event-loop turn.
            self._fit_all_rows_later()

    def _fit_all_rows_later(self) -> None:
        self._dirty_rows = None
        self._fit_timer.start()

    def _rows_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles=()) -> None:
        if self._dirty_rows is not None and top_left.isValid() and bottom_right.isValid():
            self._dirty_rows.update(range(top_left.row(), bottom_right.row() + 1))
        else:
            self._dirty_rows = None
        self._fit_timer.start()

    def _fit_dirty_rows(self) -> None:
        """Fit the rows whose cells changed; all rows when the spare room they share
        changes with them, or when the columns changed width."""
        model = self.model()
        dirty = self._dirty_rows
        if model is None or dirty is None or len(self._needed) != model.rowCount():
            self.fit_rows()
            return
        self._dirty_rows = set()
        if not dirty:
            return
        extra = self._extra_per_row()
        for row in dirty:
            self._needed[row] = self._row_needs(row)
        if self._extra_per_row() != extra:
            self.fit_rows()
            return
        for row in sorted(dirty):
            self.setRowHeight(row, self._needed[row] + extra)

    def fit_pending_rows(self) -> None:
        """Fit the rows now if a change asked for it (instead of at the next event-loop
        turn); for timing a repaint after an edit."""
        if self._fit_timer.isActive():
            self._fit_timer.stop()
            self._fit_dirty_rows()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_all_rows_later()

    # --- what is where -------------------------------------------------------------------

    def set_editable(self, editable: bool) -> None:
        """Allow or refuse hand edits (refused while the week is published)."""
        self._editable = editable

    def is_editable(self) -> bool:
        return self._editable

    def post_at(self, pos: QPoint) -> Post | None:
        """The post of the cell at `pos` (viewport coordinates), or None."""
        index = self.indexAt(pos)
        return index.data(RosterGridModel.PostRole) if index.isValid() else None

    def name_at(self, pos: QPoint) -> str | None:
        """The volunteer id of the name chip at `pos` (viewport coordinates), or None."""
        index = self.indexAt(pos)
        if not index.isValid():
            return None
        for name, rect in self.itemDelegate().name_rects(index, self.visualRect(index), self.font()):
            if rect.contains(pos):
                return name.volunteer_id
        return None

    def name_rect(self, post: Post, volunteer: str):
        """Where the name of `volunteer` is painted at `post` (viewport coordinates), or None."""
        index = self.model().index_of(post)
        if not index.isValid():
            return None
        for name, rect in self.itemDelegate().name_rects(index, self.visualRect(index), self.font()):
            if name.volunteer_id == volunteer:
                return rect
        return None

    def chosen_volunteer_at(self, index: QModelIndex) -> str | None:
        """The chosen name if it is in this cell (the delegate outlines it)."""
        if self.chosen is None or not index.isValid():
            return None
        post, volunteer = self.chosen
        return volunteer if index.data(RosterGridModel.PostRole) == post else None

    def target_name(self) -> tuple[Post, str] | None:
        """The name an edit of the current cell acts on: the chosen one, else the last."""
        index = self.currentIndex()
        if not index.isValid():
            return None
        post = index.data(RosterGridModel.PostRole)
        if self.chosen is not None and self.chosen[0] == post:
            return self.chosen
        names = index.data(RosterGridModel.NamesRole) or []
        return (post, names[-1].volunteer_id) if names else None

    def choose(self, post: Post | None, volunteer: str | None = None) -> None:
        """Make `post` the current cell and `volunteer` there the chosen name."""
        if post is not None:
            index = self.model().index_of(post)
            if index.isValid():
                self.setCurrentIndex(index)
        chosen = (post, volunteer) if post is not None and volunteer is not None else None
        if chosen != self.chosen:
            self.chosen = chosen
            self.viewport().update()
            self.chosen_changed.emit()

    def _forget_chosen(self) -> None:
        self.choose(None)

    def _check_chosen(self) -> None:
        # After an edit the chosen person may have left the cell.
        if self.chosen is None:
            return
        post, volunteer = self.chosen
        index = self.model().index_of(post)
        names = index.data(RosterGridModel.NamesRole) if index.isValid() else []
        if not any(n.volunteer_id == volunteer for n in names or []):
            self.choose(None)

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self.chosen is not None and current.data(RosterGridModel.PostRole) != self.chosen[0]:
            self.choose(None)

    # --- mouse: choosing and dragging names ----------------------------------------------

    def mousePressEvent(self, event) -> None:
        super().mousePressEvent(event)
        pos = event.position().toPoint()
        post, volunteer = self.post_at(pos), self.name_at(pos)
        self.choose(post, volunteer)
        self._press = (pos, volunteer, post) if volunteer is not None and event.button() == Qt.MouseButton.LeftButton \
            else None

    def mouseMoveEvent(self, event) -> None:
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            start, volunteer, post = self._press
            if (event.position().toPoint() - start).manhattanLength() >= QApplication.startDragDistance():
                self._press = None
                if self._editable:
                    self._drag(volunteer, post)
                return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        self._press = None
        super().mouseReleaseEvent(event)

    def drag_mime_at(self, pos: QPoint) -> QMimeData | None:
        """What dragging from `pos` carries: the name there, or None if no name is there."""
        volunteer, post = self.name_at(pos), self.post_at(pos)
        if volunteer is None or post is None:
            return None
        return assignment_mime(volunteer, post)

    def _drag(self, volunteer: str, post: Post) -> None:
        rect = self.name_rect(post, volunteer)
        drag = QDrag(self)
        drag.setMimeData(assignment_mime(volunteer, post))
        if rect is not None:
            pixmap: QPixmap = self.viewport().grab(rect)
            drag.setPixmap(pixmap)
            drag.setHotSpot(QPoint(pixmap.width() // 2, pixmap.height() // 2))
        drag.exec(Qt.DropAction.MoveAction)

    # --- drops ---------------------------------------------------------------------------

    def _accepts(self, mime: QMimeData) -> bool:
        return self._editable and (mime.hasFormat(VOLUNTEER_MIME) or mime.hasFormat(ASSIGNMENT_MIME))

    def _drop_index(self, pos: QPoint) -> QModelIndex:
        index = self.indexAt(pos)
        if not index.isValid() or index.data(RosterGridModel.StateRole) == PostState.CLOSED:
            return QModelIndex()  # nobody may stand at a closed post
        return index

    def _set_drop_target(self, index: QModelIndex | None) -> None:
        target = (index.row(), index.column()) if index is not None and index.isValid() else None
        if target != self.drop_target:
            self.drop_target = target
            self.viewport().update()

    def dragEnterEvent(self, event) -> None:
        if self._accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        pos = event.position().toPoint()
        index = self._drop_index(pos)
        if self._accepts(event.mimeData()) and index.isValid():
            self._set_drop_target(index)
            event.acceptProposedAction()
        else:
            self._set_drop_target(None)
            event.ignore()

    def dragLeaveEvent(self, event) -> None:
        self._set_drop_target(None)
        event.accept()

    def dropEvent(self, event) -> None:
        self._set_drop_target(None)
        mime = event.mimeData()
        pos = event.position().toPoint()
        index = self._drop_index(pos)
        if not self._accepts(mime) or not index.isValid():
            event.ignore()
            return
        target = index.data(RosterGridModel.PostRole)
        event.acceptProposedAction()
        dragged = read_assignment_mime(mime)
        if dragged is not None:
            volunteer, source = dragged
            onto = self.name_at(pos)
            if source == target:
                return  # dropped where it came from
            if onto is not None and onto != volunteer:
                self.swap_dropped.emit(volunteer, source, onto, target)
            else:
                self.move_dropped.emit(volunteer, source, target)
            self.choose(target, volunteer)
            return
        volunteer = read_volunteer_mime(mime)
        if volunteer is not None:
            self.assign_dropped.emit(volunteer, target)
            self.choose(target, volunteer)

    # --- keys ----------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:
        # Delete is the window's 移除 action (a shortcut on this view); Backspace, which
        # some keyboards have instead, does the same here.
        if event.key() == Qt.Key.Key_Backspace and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            target = self.target_name()
            if target is not None and self._editable:
                self.remove_requested.emit(target[1], target[0])
            event.accept()
            return
        super().keyPressEvent(event)
