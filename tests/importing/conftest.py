"""Fixtures of the import tests: a demo community in a temporary SQLite file, and helpers
that write lists the way Excel, WPS and a text editor would."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import text

from roster_app.importing import VolunteerImporter, write_template
from roster_app.importing.columns import TEMPLATE_HEADERS
from roster_app.persistence import Database, RosterStore

WEEK = dt.date(2026, 11, 23)
"""A Monday of an ordinary week, the week the demo is loaded for."""

HEADERS = list(TEMPLATE_HEADERS)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'roster.sqlite3'}")
    yield database
    database.close()


@pytest.fixture
def store(db: Database) -> RosterStore:
    return RosterStore(db)


@pytest.fixture
def demo_id(store: RosterStore) -> int:
    return store.load_demo(WEEK)


@pytest.fixture
def importer(store: RosterStore, demo_id: int) -> VolunteerImporter:
    return VolunteerImporter(store, demo_id)


def row(name="李明", phone="13912340000", kind="在职党员", building="5号楼", grid="第二网格", skills="",
        hours="", registered="", days=("早班、晚班", "晚班", "", "", "", "全天", "")) -> list:
    """A row of the template's columns."""
    return [name, phone, kind, building, grid, skills, hours, registered, *days]


def write_xlsx(path: Path, rows: Sequence[Sequence[object]], headers: Sequence[str] = HEADERS,
               above: Sequence[Sequence[object]] = ()) -> Path:
    """A workbook whose first sheet has `above` (a title …), the header, then `rows`."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "名单"
    for cells in (*above, headers, *rows):
        sheet.append(list(cells))
    workbook.save(path)
    return path


def write_csv(path: Path, rows: Sequence[Sequence[object]], headers: Sequence[str] = HEADERS,
              encoding: str = "utf-8-sig", delimiter: str = ",") -> Path:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows(["" if c is None else c for c in r] for r in rows)
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def fill_template(template: Path, rows: Sequence[Sequence[object]], target: Path) -> Path:
    """The template with `rows` typed into its list sheet from row 2, as a clerk would."""
    workbook = load_workbook(template)
    sheet = workbook.worksheets[0]
    for r, cells in enumerate(rows, start=2):
        for c, value in enumerate(cells, start=1):
            sheet.cell(r, c, value)
    workbook.save(target)
    return target


def snapshot(db: Database) -> dict[str, list[tuple]]:
    """Every row of every table, to assert that a failed import changed nothing at all."""
    with db.session() as s:
        tables = s.execute(text("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).scalars().all()
        return {t: [tuple(r) for r in s.execute(text(f'SELECT * FROM "{t}" ORDER BY rowid'))] for t in tables}


def fail_inserts_into(db: Database, table: str, when: str) -> None:
    """Makes the database refuse some rows of `table`, as a full disk or a broken file
    would, part-way through a write."""
    with db.session() as s:
        s.execute(text(f"CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} WHEN {when} "
                       f"BEGIN SELECT RAISE(ABORT, 'refused by test'); END"))


def template(tmp_path: Path, importer: VolunteerImporter, name: str = "模板.xlsx") -> Path:
    return write_template(tmp_path / name, importer.layout())
