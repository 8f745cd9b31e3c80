"""FittedTableView: its columns are as wide as QTableView would make them, after changes too,
while a change of a few rows asks the model about those rows only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QTableView

from roster_app.gui.fitted_view import FittedTableView


def qt_widths(view: QTableView) -> list[int]:
    """What QTableView itself answers (every row counts: fewer than its 1000)."""
    return [QTableView.sizeHintForColumn(view, c) for c in range(view.model().columnCount())]


def widths(view: FittedTableView) -> list[int]:
    return [view.sizeHintForColumn(c) for c in range(view.model().columnCount())]


class CountingModel(QStandardItemModel):
    """Remembers the rows it was asked about."""

    def __init__(self, *args):
        super().__init__(*args)
        self.asked: set[int] = set()
        self.roles: set[tuple[int, int, int]] = set()  # (row, column, role)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        self.asked.add(index.row())
        self.roles.add((index.row(), index.column(), role))
        return super().data(index, role)


@pytest.fixture
def table(qtbot):
    model = CountingModel(0, 4)
    for i in range(60):
        name = QStandardItem("张" * (1 + i % 4) + f" {i}")
        hours = QStandardItem(f"{i % 13:g}")
        hours.setTextAlignment(Qt.AlignmentFlag.AlignRight)
        number = QStandardItem()
        number.setData(i * 1.5, Qt.ItemDataRole.DisplayRole)  # not a string: the delegate formats it
        note = QStandardItem("第一行\n第二行" if i == 7 else "")
        model.appendRow([name, hours, number, note])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    view = FittedTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    qtbot.waitExposed(view)
    view.model_source = model
    return view


def test_the_widths_are_qts_own(table):
    assert widths(table) == qt_widths(table)
    assert [table.columnWidth(c) for c in range(4)] == [
        max(w, table.horizontalHeader().sectionSizeHint(c)) for c, w in enumerate(qt_widths(table))]


def test_after_changes_of_text_decoration_font_and_check_mark(qtbot, table):
    model = table.model_source
    widths(table)  # measured once; what follows changes single rows
    model.item(3, 0).setText("一个很长很长很长的名字")
    bold = QFont(table.font())
    bold.setBold(True)
    model.item(5, 1).setFont(bold)
    model.item(6, 0).setData(QColor("#d9480f"), Qt.ItemDataRole.DecorationRole)
    pixmap = QPixmap(40, 10)
    pixmap.fill(QColor("red"))
    model.item(8, 2).setIcon(QIcon(pixmap))
    model.item(9, 3).setCheckable(True)
    model.item(9, 3).setCheckState(Qt.CheckState.Checked)
    assert widths(table) == qt_widths(table)
    qtbot.waitUntil(lambda: table.columnWidth(0) >= qt_widths(table)[0])
    # Back again: a column shrinks when its widest cell does.
    model.item(3, 0).setText("张")
    model.item(8, 2).setIcon(QIcon())
    assert widths(table) == qt_widths(table)


def test_sorting_rows_inserted_and_removed(table):
    model = table.model_source
    widths(table)
    table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert widths(table) == qt_widths(table)
    model.appendRow([QStandardItem("新来的一位志愿者的名字"), QStandardItem("100.5"), QStandardItem("1"), QStandardItem("")])
    assert widths(table) == qt_widths(table)
    model.removeRow(model.rowCount() - 1)
    assert widths(table) == qt_widths(table)
    model.clear()
    assert widths(table) == qt_widths(table)


def test_a_changed_row_is_the_only_one_asked_again(table):
    model = table.model_source
    widths(table)
    model.asked.clear()
    # (Not the sorted column 0: the proxy would ask rows to sort them again.)
    model.item(4, 1).setText("123456")
    model.item(40, 3).setText("张张张张张张张张张张")
    widths(table)
    assert model.asked == {4, 40}
    assert widths(table) == qt_widths(table)  # (which asks every row)


def test_a_model_that_names_its_roles_is_asked_the_others_for_one_cell_per_look(qtbot):
    """(The delegate gives one cell of each look its options, asking every role.)"""
    class Plain(CountingModel):
        answered_roles = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.FontRole})

    model = Plain(0, 2)
    for i in range(8):
        model.appendRow([QStandardItem("名字" * i), QStandardItem(str(i))])
    view = FittedTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.roles.clear()
    mine = widths(view)
    others = {(row, column) for row, column, role in model.roles if role not in Plain.answered_roles}
    assert len(others) == 2  # one cell of each column's single look
    assert mine == qt_widths(view)  # (it answers nothing else: the same widths)


# --- the volunteer list of the main window ------------------------------------------------------


def test_the_volunteer_list_fits_its_columns_after_an_edit_and_its_undo(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from roster_app.gui.app import open_store
    from roster_app.gui.main_window import MainWindow
    from roster_app.gui.volunteer_model import NAME
    from tests.gui.test_roster_editing import MONDAY, TODAY, employed_in_working_hours, greedy_roster

    store = open_store(f"sqlite:///{tmp_path / 'roster.db'}")
    try:
        cid = store.communities()[0].id
        store.save_roster(cid, MONDAY, greedy_roster(store.week_scenario(cid, MONDAY)))
        window = MainWindow(store, today=lambda: TODAY,
                            settings=QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        view = window.volunteer_view
        header = view.horizontalHeader()

        def fitted() -> bool:
            return all(view.columnWidth(c) == max(w, header.sectionSizeHint(c))
                       for c, w in enumerate(qt_widths(view)) if header.sectionResizeMode(c) == QHeaderView.ResizeMode.ResizeToContents)

        assert widths(view) == qt_widths(view)
        qtbot.waitUntil(fitted)
        before = view.columnWidth(NAME)
        volunteer, post = employed_in_working_hours(window)
        assert window.assign(volunteer, post)  # breaks a rule: a mark before the person's name
        row = window.volunteer_model.row_of(volunteer)
        assert window.volunteer_model.index(row, NAME).data(Qt.ItemDataRole.DecorationRole) is not None
        assert widths(view) == qt_widths(view)
        qtbot.waitUntil(fitted)
        window.undo_action.trigger()
        assert widths(view) == qt_widths(view)
        qtbot.waitUntil(fitted)
        assert view.columnWidth(NAME) == before
        view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        assert widths(view) == qt_widths(view)
    finally:
        store.db.close()


def test_rows_inserted_and_removed_without_a_proxy_measure_only_the_new_ones(qtbot):
    model = CountingModel(0, 2)
    for i in range(30):
        model.appendRow([QStandardItem("名" * (i % 5 + 1)), QStandardItem(str(i))])
    view = FittedTableView()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    qtbot.addWidget(view)
    view.setModel(model)
    widths(view)
    model.asked.clear()
    model.insertRow(3, [QStandardItem("一个很长很长的名字"), QStandardItem("7")])
    model.item(20, 1).setText("12345")  # (now row 20: a row below the new one, changed)
    mine = widths(view)
    assert model.asked == {3, 20}
    assert mine == qt_widths(view)
    model.removeRows(2, 3)  # the long name goes with them
    model.asked.clear()
    assert widths(view) == qt_widths(view)
    model.insertRows(0, 2)  # empty rows
    model.removeRows(10, 1)
    assert widths(view) == qt_widths(view)
