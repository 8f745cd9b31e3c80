"""`gateroster bench gui` on a small database, and the fast paths it led to.

The bench itself is timed on a street office's week by hand (timings belong to the
machine); here its whole code path runs on one community (4 gates, 40 volunteers) with two
edits, and the table is checked for its shape and for numbers, not for speed. The fast
paths must not change what the window shows: the reasons of short posts recounted for the
people an edit moved are the same as classifying everyone again, and after an edit the
grid model signals exactly the cells that changed.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace

import pytest

import roster_app.gui.week_data as week_data
from roster_app.bench_gui import MEASURES, cached_database, greedy_roster, run_gui_bench, table
from roster_app.gui.roster_model import RosterGridModel, changed_posts
from roster_app.gui.week_data import WeekData, derive_roster
from solver.generate import street_office
from solver.scenario import Assignment
from solver.validate import hard_violations

NUMBER = re.compile(r"^\d+\.\d+$")


def test_bench_runs_on_a_small_database(tmp_path):
    lines: list[str] = []
    assert run_gui_bench(edits=2, cache_dir=tmp_path, communities=1, with_demo=True, out=lines.append) == 0
    text = "\n".join(lines)
    assert "machine:" in lines[1] and "load" in lines[1]
    assert "office: street_office(1, communities=1): 4 gates × 4 slots, 40 volunteers" in text
    assert "demo: the demo 玉带路社区" in text
    start = next(i for i, line in enumerate(lines) if line.startswith("measure"))
    header, rows = lines[start], lines[start + 1:]
    assert header.split() == ["measure", "target", "office", "demo", "met"]
    assert len(rows) == len(MEASURES)
    for row, (_, label, unit, target) in zip(rows, MEASURES):
        assert row.startswith(f"{label} ({unit})")
        cells = row[len(f"{label} ({unit})"):].split()
        if target is not None:
            assert cells[:2] == ["<", f"{target:g}"]
            assert cells[-1] in ("yes", "NO")
            figures = cells[2:-1]
        else:
            figures = cells
        assert len(figures) == 2 and all(NUMBER.match(f) for f in figures), row
    # The second run finds the databases where the first built them.
    path, info, built = cached_database("office", tmp_path, 1)
    assert not built and path.exists() and info["volunteers"] == 40


def test_table_marks_missing_figures_and_missed_targets():
    figures = {key: 1000.0 for key, *_ in MEASURES}
    lines = table({"office": figures | {"check_ms": None}, "demo": figures})
    check = next(line for line in lines if line.startswith("live check"))
    assert check.split()[-3:] == ["—", "1000.0", "—"]
    opening = next(line for line in lines if line.startswith("window opens"))
    assert opening.endswith("NO")


def _random_edit(rng: random.Random, week: WeekData) -> tuple[Assignment, ...]:
    """Put someone somewhere, take someone off, or move someone (rules may break)."""
    assignments = list(week.assignments)
    posts = list(week.staffing)
    people = [v.id for v in week.scenario.volunteers]
    roll = rng.random()
    if roll < 0.4 or not assignments:
        post = rng.choice(posts)
        assignments.append(Assignment(rng.choice(people), post.gate, post.date, post.slot))
    elif roll < 0.7:
        assignments.pop(rng.randrange(len(assignments)))
    else:
        i, post = rng.randrange(len(assignments)), rng.choice(posts)
        assignments[i] = replace(assignments[i], gate=post.gate, date=post.date, slot=post.slot)
    return tuple(assignments)


@pytest.mark.parametrize("seed", [1, 2])
def test_reasons_recounted_for_moved_people_equal_a_full_count(seed):
    scenario = street_office(seed, communities=2)
    base = greedy_roster(scenario)
    assert not hard_violations(scenario, base.assignments)
    week = WeekData(scenario, base)
    history = [week]
    rng = random.Random(seed)
    remembered = 0
    for _ in range(25):
        if rng.random() < 0.3:
            week = rng.choice(history)  # as after undo: edit an older roster again
        assignments = _random_edit(rng, week)
        remembered += week_data._recall(week.roster, replace(week.scenario, pinned=())) is not None
        fast = week.derive(assignments)
        kept = dict(week_data._COUNTS)
        week_data._COUNTS.clear()
        try:
            full = derive_roster(week.scenario, assignments, week.roster)
        finally:
            week_data._COUNTS.clear()
            week_data._COUNTS.update(kept)
        assert fast == full
        assert fast.shortages  # the recounting had short posts to explain
        week = week.edited(fast)
        history.append(week)
    assert remembered > 15  # most edits took the fast path


def test_grid_model_signals_only_the_changed_cells(qtbot):
    scenario = street_office(1, communities=1)
    week = WeekData(scenario, greedy_roster(scenario))
    model = RosterGridModel()
    model.set_week(week)
    moved = week.assignments[0]
    target = next(p for p, d in week.staffing.items() if p != moved.post and p.date == moved.date
                  and moved.volunteer not in {a.volunteer for a in week.people_at.get(p, ())})
    edited = tuple(replace(a, gate=target.gate, slot=target.slot) if a == moved else a for a in week.assignments)
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(lambda tl, br, roles=(): changed.append((tl.row(), tl.column(), br.row(), br.column())))
    new = week.edited(week.derive(edited))
    model.update_week(new)
    cells = {(r, c) for r, c, r2, c2 in changed for r in range(r, r2 + 1) for c in range(c, c2 + 1)}
    expected = {(model.index_of(p).row(), model.index_of(p).column()) for p in changed_posts(week, new)}
    assert cells == expected
    assert {moved.post, target} <= changed_posts(week, new)
    assert len(cells) < 6 < model.rowCount() * model.columnCount()  # not the whole table
    # What the two cells show now is the edited week's.
    names = model.index_of(target).data(RosterGridModel.NamesRole)
    assert moved.volunteer in {n.volunteer_id for n in names}
