"""Fuzzing the reader (hypothesis): random cells and random bytes never crash it with
anything but `ImportRejected`, reading never writes, and applying a plan it accepted
either imports every row or — when the database refuses — nothing at all."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from roster_app.importing import NEW, ImportRejected, VolunteerImporter
from roster_app.importing.columns import TEMPLATE_HEADERS
from roster_app.persistence import Database, RosterStore
from tests.importing.conftest import WEEK, fail_inserts_into, snapshot, write_csv, write_xlsx

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Cells that are close to right as often as they are wrong: real names, kinds, slots and
# phones mixed with junk, so the fuzz reaches the plan and the write, not only the refusals.
NEAR_CELLS = st.sampled_from([
    "", " ", "李明", "王秀英", "张桂兰", "13601187425", "13912340000", "139 1234 0000", "1391234", "在职党员",
    "无职党员", "群众", "党员", "新时代好少年", "早班", "早班、晚班", "全天", "夜班", "无", "8", "200", "是", "否",
    "也许", "3号楼", "医疗", "=1+1", "\t", "\n", "，", "\"", "姓名", "类别",
])
CELL = st.one_of(NEAR_CELLS, st.text(max_size=12), st.integers(-10**12, 10**12),
                 st.floats(allow_nan=True, allow_infinity=True), st.none(), st.booleans())
HEADER = st.lists(st.one_of(st.sampled_from(TEMPLATE_HEADERS + ("备注", "Name", "Phone", "")), st.text(max_size=6)),
                  min_size=0, max_size=16)


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """One demo community for the examples that only read (reading must never write)."""
    database = Database(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'roster.sqlite3'}")
    store = RosterStore(database)
    community = store.load_demo(WEEK)
    yield database, VolunteerImporter(store, community)
    database.close()


def _read(importer: VolunteerImporter, path: Path):
    try:
        return importer.read(path)
    except ImportRejected as exc:
        assert exc.problems, "a refusal always says why"
        for p in exc.problems:
            assert p.text and p.message and not p.warning
            assert p.line is None or p.line >= 1
        return None


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".xlsx", ".csv", ".txt", ""]))
def test_random_bytes_are_refused_or_read_never_anything_else(shared, tmp_path_factory, data, suffix):
    db, importer = shared
    before = snapshot(db)
    path = tmp_path_factory.mktemp("bytes") / f"file{suffix}"
    path.write_bytes(data)
    _read(importer, path)
    assert snapshot(db) == before


@FUZZ
@given(prefix=st.sampled_from([b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", "姓名,类别\n".encode("gb18030")]),
       data=st.binary(max_size=2000))
def test_random_bytes_behind_real_magic_are_refused_or_read(shared, tmp_path_factory, prefix, data):
    db, importer = shared
    path = tmp_path_factory.mktemp("magic") / "file.xlsx"
    path.write_bytes(prefix + data)
    _read(importer, path)
    path = path.with_suffix(".csv")
    path.write_bytes(prefix + data)
    _read(importer, path)


@FUZZ
@given(header=HEADER, rows=st.lists(st.lists(CELL, max_size=16), max_size=8), as_csv=st.booleans(),
       encoding=st.sampled_from(["utf-8-sig", "gb18030"]))
def test_random_cells_are_refused_or_planned_and_reading_writes_nothing(
        shared, tmp_path_factory, header, rows, as_csv, encoding):
    db, importer = shared
    before = snapshot(db)
    folder = tmp_path_factory.mktemp("cells")
    if as_csv:
        text_rows = [[str(c) for c in r] for r in rows]
        try:
            path = write_csv(folder / "名单.csv", text_rows, headers=header, encoding=encoding)
        except UnicodeEncodeError:  # a character GB18030 cannot hold is not a file anyone has
            return
    else:
        try:
            path = write_xlsx(folder / "名单.xlsx", rows, headers=header)
        except IllegalCharacterError:  # openpyxl refuses control characters: nobody can save such a file
            return
    plan = _read(importer, path)
    if plan is not None:
        assert all(r.line > plan.header_line for r in plan.rows)
        assert [r.line for r in plan.rows] == sorted(r.line for r in plan.rows)
    assert snapshot(db) == before


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(st.sampled_from(["李明", "王秀英", "张桂兰", "赵六", "孙立新", "周芳", "吴磊", "郑洁", ""]),
                               st.sampled_from(["", "", "13601187425", "13912340000", "13700000001", "1390"]),
                               st.sampled_from(["群众", "群众", "在职党员", "无职党员", "社工", "党员"]),
                               st.sampled_from(["", "早班", "上午、下午", "全天", "全天", "夜班"])),
                     min_size=1, max_size=6),
       fail_at=st.one_of(st.none(), st.integers(1, 4)))
def test_applying_a_random_plan_imports_all_of_it_or_nothing(tmp_path_factory, rows, fail_at):
    folder = tmp_path_factory.mktemp("apply")
    db = Database(f"sqlite:///{folder / 'roster.sqlite3'}")
    try:
        store = RosterStore(db)
        community = store.load_demo(WEEK)
        importer = VolunteerImporter(store, community)
        path = write_xlsx(folder / "名单.xlsx", [[n, p, k, "", "", "", "", "", d] for n, p, k, d in rows])
        plan = _read(importer, path)
        if plan is None:
            event("refused")
            return
        if fail_at is not None:
            # The database refuses the fail_at-th person's row, if the plan writes that many.
            fail_inserts_into(db, "volunteers", f"(SELECT COUNT(*) FROM volunteers) >= 38 + {fail_at - 1}")
        before = snapshot(db)
        try:
            importer.apply(plan)
        except ImportRejected as exc:
            assert fail_at is not None and [p.code for p in exc.problems] == ["database_error"]
            assert snapshot(db) == before
            event("database failed part-way: nothing written")
            return
        event("imported")
        assert fail_at is None or plan.new_count < fail_at
        scenario = {v.name for v in store.week_scenario(community, dt.date(2026, 11, 23)).volunteers}
        assert {r.record.name for r in plan.rows if r.action == NEW} <= scenario
        assert len(importer.edits.volunteers(community)) == 38 + plan.new_count
        again = importer.read(path)
        assert again.new_count == 0 and again.update_count == 0
    finally:
        db.close()
