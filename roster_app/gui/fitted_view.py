"""A table view whose columns fit their contents without measuring every cell again.

A column in QHeaderView's ResizeToContents mode is as wide as the view's
`sizeHintForColumn` says, asked again whenever the model signals a change; QTableView
answers by asking the delegate's size hint of every row (up to a thousand), and the
delegate asks the model for a dozen roles of each. The volunteer list beside the roster
has 800 rows in a street office: that was 25,000 calls into the Python model, a fifth of a
second, after every hand edit — which changes two or three rows.

`FittedTableView` answers `sizeHintForColumn` from each row's remembered width instead: a
`dataChanged` remeasures only the rows it names, rows inserted are measured and rows
removed forgotten (all rows again through a proxy), a reset measures all of them.
A cell is measured as QStyledItemDelegate.sizeHint measures it — the style's size of an
item view item (CT_ItemViewItem) with the cell's options — but the model is asked only for
the roles that change the size (text, decoration, font, check mark, a size of its own), and
cells that look alike are measured once: one cell per look gets its options from the
delegate (`initStyleOption`), the others reuse them with their own text. The widths are
the ones QTableView gives (tests/gui/test_fitted_view.py compares them), except that every
row counts, not the first thousand.

With a proxy (sorting), the rows are the source model's, so sorting the view measures
nothing again; rows a filtering proxy hides would count too (none is used here).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QAbstractProxyModel, QEvent, QModelIndex, QSize, Qt
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QWidget

# The roles that decide a cell's size with QStyledItemDelegate (alignment, colours and
# tooltips do not).
_R = Qt.ItemDataRole
_SIZE_ROLES = (_R.DisplayRole, _R.DecorationRole, _R.FontRole, _R.CheckStateRole, _R.SizeHintRole)


def _look_key(value) -> object:
    """What of a decoration or font value matters for the size, hashable."""
    if value is None:
        return None
    for name in ("key", "cacheKey"):  # QFont.key(); QIcon, QPixmap and QImage.cacheKey()
        method = getattr(value, name, None)
        if method is not None:
            return type(value).__name__, method()
    return type(value).__name__  # a colour: a swatch of the decoration size, whatever colour


class FittedTableView(QTableView):
    """A QTableView whose `sizeHintForColumn` comes from remembered row widths.

    Use it as a QTableView; its delegate must be a QStyledItemDelegate made here (the
    default one is replaced by such a delegate), as the view measures cells the way it does.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setItemDelegate(QStyledItemDelegate(self))
        self._source: QAbstractItemModel | None = None
        self._roles: list[tuple[int, bool]] = []  # (role, whether the model may answer it)
        # Column -> source row -> width; a column missing is measured afresh when asked.
        self._widths: dict[int, list[int]] = {}
        self._dirty: set[int] = set()  # source rows to measure again in the columns kept
        self._options: dict[tuple, QStyleOptionViewItem] = {}  # look -> the options of a cell with it
        self._measured: dict[tuple, int] = {}  # (look, text) -> width

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LocaleChange):
            self._forget_all()  # every cell measures differently now
        super().changeEvent(event)

    # --- following the model -------------------------------------------------------------

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if old is not None:
            for signal, slot in self._connections(old):
                signal.disconnect(slot)
        # Connected before the view and its header connect theirs, so a change is noted
        # here before the header asks for the columns' widths again.
        if model is not None:
            for signal, slot in self._connections(model):
                signal.connect(slot)
        super().setModel(model)
        self._source = model
        while isinstance(self._source, QAbstractProxyModel):
            self._source = self._source.sourceModel()
        # A model that says which roles it answers (`answered_roles`) is asked only those.
        answered = getattr(self._source, "answered_roles", None)
        self._roles = [(role, answered is None or role in answered) for role in _SIZE_ROLES]
        self._forget_all()

    def _connections(self, model: QAbstractItemModel) -> list:
        return [
            (model.dataChanged, self._rows_changed),
            (model.modelReset, self._forget_all),
            (model.rowsInserted, self._rows_inserted),
            (model.rowsRemoved, self._rows_removed),
            (model.rowsMoved, self._forget_all),
            (model.columnsInserted, self._forget_all),
            (model.columnsRemoved, self._forget_all),
            (model.columnsMoved, self._forget_all),
        ]

    def _forget_all(self, *args) -> None:
        self._widths.clear()
        self._dirty.clear()
        self._options.clear()
        self._measured.clear()

    def _rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if not self._widths:
            return  # nothing measured yet
        if parent.isValid() or self.model() is not self._source:  # through a proxy: all again
            self._forget_all()
            return
        n = last - first + 1
        self._dirty = {r + n if r >= first else r for r in self._dirty} | set(range(first, last + 1))
        for widths in self._widths.values():
            widths[first:first] = [0] * n  # measured when next asked (dirty)

    def _rows_removed(self, parent: QModelIndex, first: int, last: int) -> None:
        if not self._widths:
            return
        if parent.isValid() or self.model() is not self._source:
            self._forget_all()
            return
        n = last - first + 1
        self._dirty = {r - n if r > last else r for r in self._dirty if not first <= r <= last}
        for widths in self._widths.values():
            del widths[first:last + 1]

    def _rows_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles=()) -> None:
        if not self._widths:
            return
        model = self.model()
        if not (top_left.isValid() and bottom_right.isValid()):
            self._widths.clear()
            return
        if bottom_right.row() - top_left.row() + 1 >= model.rowCount():
            self._widths.clear()  # the whole table: measure it again when asked
            return
        for row in range(top_left.row(), bottom_right.row() + 1):
            index = model.index(row, 0)
            while isinstance(index.model(), QAbstractProxyModel):
                index = index.model().mapToSource(index)
            self._dirty.add(index.row())

    # --- measuring ---------------------------------------------------------------------------

    def sizeHintForColumn(self, column: int) -> int:  # noqa: N802 (Qt's name)
        source = self._source
        if source is None:
            return -1
        self.ensurePolished()
        if self._dirty:
            rows, self._dirty = self._dirty, set()
            for kept, widths in self._widths.items():
                for row in rows:
                    if row < len(widths):
                        widths[row] = self._cell_width(source.index(row, kept))
        widths = self._widths.get(column)
        if widths is None:
            widths = self._widths[column] = [self._cell_width(source.index(row, column))
                                             for row in range(source.rowCount())]
        hint = max(widths, default=0)
        return hint + 1 if self.showGrid() else hint  # as QTableView: the grid line

    def _cell_width(self, index: QModelIndex) -> int:
        model = index.model()
        text, decoration, font, check, size = [model.data(index, role) if asked else None
                                               for role, asked in self._roles]
        if size is not None:
            return QSize(size).width()
        look = (index.column(), text is None, _look_key(decoration), _look_key(font), check)
        if text is None:
            text = ""
        elif isinstance(text, str):
            text = text.replace("\n", "\u2028")  # as QStyledItemDelegate.displayText does
        else:
            text = self.itemDelegate().displayText(text, self.locale())
        width = self._measured.get((look, text))
        if width is None:
            option = self._options.get(look)
            if option is None:
                option = QStyleOptionViewItem()
                self.initViewItemOption(option)
                self.itemDelegate().initStyleOption(option, index)
                self._options[look] = option
            option.text = text
            style = self.style()
            width = style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, option, QSize(), self).width()
            self._measured[look, text] = width
        return width
