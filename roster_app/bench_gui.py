"""`gateroster bench gui`: how fast the window is on a street office's database.

The targets (issue 4): with a street office's week (800 volunteers, 80 gates) the window
opens in < 1.5 s, the live check after one edit takes < 20 ms, and the grid repaints after
an edit in < 50 ms.

The database is built once and kept under the temporary directory, keyed by
`DB_VERSION` and the schema's migration head (`street_office(seed)` imported with
`RosterStore.import_scenario`, and a valid roster saved for its week: each open post filled
to its minimum with the best candidate of `solver.candidates`, in post order, as the tests'
greedy roster does; about 5 s, no solver). Each measurement runs in a fresh child process
(`python -m roster_app.bench_gui --child SPEC`) with QT_QPA_PLATFORM=offscreen, on a copy of
that file, so imports, caches and the audit trail of earlier runs do not flatter it.

The child times:
- opening the window: `MainWindow(store)` (reading the week included), then `show()` until
  the grid's first paint has been processed;
- N hand edits through the window's real undo path (`MainWindow.assign`: an `AssignCommand`
  pushed on the week's QUndoStack, saved by the store, shown), each undone afterwards
  (untimed), split into the live check (`hard_violations`, as `WeekData.violations` calls it),
  deriving the edited roster (shortages with reasons, terms), saving it, and the rest (the
  models and panels updated); then the grid's relayout (rows fitted to the chips) and its
  repaint (`grid_view.viewport().repaint()`), and whatever else the edit left pending (the
  other views painting).
A second child opens the window again and makes one edit after `LOOK_S` seconds of the
event loop running (the clerk looking at the week, the window using the time: it counts the
short posts' reasons while idle), for the first edit as a clerk meets it.
Medians are printed beside the targets, for the street office and, for comparison, the demo
community (玉带路社区). A command, not a test: timings belong to the machine, so the table
names the machine, its load and the date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
DB_VERSION = "1"
"""Bump when what the cached database holds changes (generator, roster), so it is rebuilt."""
OFFICE_SEED = 1
DEMO_WEEK = dt.date(2026, 11, 23)
EDITS = 15
LOOK_S = 2.0
"""Seconds the second child lets the window idle before its one edit."""

# (key, label, unit, target or None); the rows of the table, in this order.
MEASURES: tuple[tuple[str, str, str, float | None], ...] = (
    ("open_s", "window opens (construct + show + first paint)", "s", 1.5),
    ("construct_s", "  of which MainWindow(store)", "s", None),
    ("show_s", "  of which show until the grid is painted", "s", None),
    ("check_ms", "live check after an edit (hard_violations)", "ms", 20.0),
    ("grid_ms", "grid repaint after an edit (relayout + repaint)", "ms", 50.0),
    ("relayout_ms", "  of which rows fitted to the chips", "ms", None),
    ("repaint_ms", "  of which viewport().repaint()", "ms", None),
    ("derive_ms", "edit: roster derived (shortages, terms)", "ms", None),
    ("save_ms", "edit: saved to the database", "ms", None),
    ("models_ms", "edit: models and panels updated (the rest)", "ms", None),
    ("edit_ms", "edit: whole command (push until it returns)", "ms", None),
    ("first_edit_ms", "  the first edit of the session (whole command)", "ms", None),
    ("first_edit_looked_ms", f"  the first edit after {LOOK_S:g} s on screen (whole command)", "ms", None),
    ("pending_ms", "after the edit: other views painted", "ms", None),
)


# --- the databases -------------------------------------------------------------------------


def greedy_roster(scenario):
    """A valid roster without the solver: each open post filled to its min with the best
    candidate, in post order (the same on every run)."""
    from roster_app.gui.week_data import derive_roster
    from solver import candidates
    from solver.instance import Instance
    from solver.scenario import Assignment

    current = candidates.CurrentRoster(scenario, [])
    out = []
    for post, demand in Instance(scenario).demand.items():
        for _ in range(demand.min):
            ranking = current.rank(post)
            if not ranking.candidates or ranking.room <= 0:
                break
            a = Assignment(ranking.candidates[0].volunteer, post.gate, post.date, post.slot)
            current.add(a)
            out.append(a)
    return derive_roster(scenario, tuple(out), None)


def _cache_key() -> str:
    from roster_app.persistence.migrate import head_revision

    return f"v{DB_VERSION}-{head_revision()}"


def build_database(path: Path, which: str, seed: int = OFFICE_SEED, communities: int | None = None) -> dict[str, Any]:
    """Write a SQLite database at `path` holding `which` ("office" or "demo") with a valid
    roster saved for its week; returns what it holds (week, counts)."""
    from roster_app.persistence.database import Database
    from roster_app.persistence.store import RosterStore
    from solver.generate import street_office
    from solver.validate import hard_violations

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    store = RosterStore(Database(f"sqlite:///{partial}", backup_days=0))
    try:
        if which == "demo":
            community = store.load_demo(DEMO_WEEK)
            week = DEMO_WEEK
        else:
            scenario = street_office(seed) if communities is None else street_office(seed, communities=communities)
            community = store.import_scenario(scenario)
            week = scenario.start_date
        scenario = store.week_scenario(community, week)
        roster = greedy_roster(scenario)
        broken = hard_violations(scenario, roster.assignments)
        if broken:
            raise RuntimeError(f"the bench's roster breaks {len(broken)} rule(s): {broken[0].message}")
        store.save_roster(community, week, roster)
        info = {
            "week": week.isoformat(), "gates": len(scenario.gates), "slots": len(scenario.slots),
            "volunteers": len(scenario.volunteers), "assignments": len(roster.assignments),
            "short_posts": len(roster.shortages),
        }
    finally:
        store.db.close()
    partial.replace(path)
    path.with_suffix(".json").write_text(json.dumps(info), encoding="utf-8")
    return info


def cached_database(which: str, cache_dir: Path | None = None,
                    communities: int | None = None) -> tuple[Path, dict, bool]:
    """The database of `which`, built on first use and kept under `cache_dir` (default: the
    temporary directory), keyed by `DB_VERSION` and the schema's migration head; with what
    it holds and whether it was built now."""
    base = cache_dir if cache_dir is not None else Path(tempfile.gettempdir()) / "gateroster-bench-gui"
    name = which if communities is None else f"{which}-{communities}c"
    path = base / _cache_key() / f"{name}.db"
    meta = path.with_suffix(".json")
    if path.exists() and meta.exists():
        return path, json.loads(meta.read_text(encoding="utf-8")), False
    return path, build_database(path, which, communities=communities), True


# --- the child: one window, timed ----------------------------------------------------------


def _ms(seconds: list[float]) -> float:
    return 1000 * statistics.median(seconds)


def measure(db_path: str, week: str, edits: int = EDITS, profile: str | None = None,
            look_s: float = 0.0) -> dict[str, Any]:
    """Open the window on `db_path` showing `week`, time it and `edits` hand edits; the
    figures as a dict (seconds for opening, milliseconds for the edit, medians). With
    `look_s`, the event loop runs that long after the first paint, before the edits.

    With `profile` (a path prefix), cProfile statistics of the opening and of the edits
    are written to PREFIX-open.prof and PREFIX-edits.prof (the figures then include its
    overhead)."""
    import cProfile

    profiler = cProfile.Profile() if profile else None
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    from roster_app.fonts import apply_app_font

    apply_app_font(app)
    started = time.perf_counter()
    import roster_app.gui.week_data as week_data
    from roster_app.gui.main_window import MainWindow
    from roster_app.persistence.database import Database
    from roster_app.persistence.store import RosterStore
    from solver.candidates import CurrentRoster

    imports_s = time.perf_counter() - started
    monday = dt.date.fromisoformat(week)
    today = monday + dt.timedelta(days=2)
    store = RosterStore(Database(f"sqlite:///{db_path}", backup_days=0))

    class PaintSeen(QObject):
        seen = False

        def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint:
                self.seen = True
            return False

    window = None
    try:
        if profiler is not None:
            profiler.enable()
        started = time.perf_counter()
        window = MainWindow(store, today=lambda: today)
        constructed = time.perf_counter()
        seen = PaintSeen()
        window.grid_view.viewport().installEventFilter(seen)
        window.show()
        deadline = constructed + 60
        while not seen.seen and time.perf_counter() < deadline:
            app.processEvents()
        app.processEvents()  # what the first paint left (row fitting), as the clerk waits for it
        shown = time.perf_counter()
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(f"{profile}-open.prof")
            profiler = cProfile.Profile()
        window.grid_view.viewport().removeEventFilter(seen)
        looked = time.perf_counter() + look_s
        while time.perf_counter() < looked:
            app.processEvents()
            time.sleep(0.001)  # as an idle event loop: the window's timers run, nothing else

        # Edits a clerk could make: a free candidate put at a post with room, across the week.
        shown_week = window._week
        current = CurrentRoster(shown_week.scenario, shown_week.assignments, shown_week.instance)
        open_posts = [p for p, d in shown_week.staffing.items() if len(shown_week.people_at.get(p, ())) < d.max]
        step = max(1, len(open_posts) // (3 * edits))
        pairs = []
        spread = open_posts[::step]
        spread_set = set(spread)
        for post in spread + [p for p in open_posts if p not in spread_set]:  # the rest if needed
            ranking = current.rank(post)
            if ranking.candidates:
                pairs.append((ranking.candidates[0].volunteer, post))
            if len(pairs) == edits:
                break

        spent: dict[str, float] = {}

        def timed(name: str, function: Callable) -> Callable:
            def wrapper(*args, **kwargs):
                t = time.perf_counter()
                try:
                    return function(*args, **kwargs)
                finally:
                    spent[name] = spent.get(name, 0.0) + time.perf_counter() - t
            return wrapper

        week_data.hard_violations = timed("check", week_data.hard_violations)
        week_data.derive_roster = timed("derive", week_data.derive_roster)
        store.save_roster = timed("save", store.save_roster)
        grid = window.grid_view
        figures: dict[str, list[float]] = {k: [] for k in
                                           ("check", "derive", "save", "models", "edit", "relayout", "repaint",
                                            "pending")}
        for volunteer, post in pairs:
            app.processEvents()
            spent.clear()
            if profiler is not None:
                profiler.enable()
            t0 = time.perf_counter()
            if not window.assign(volunteer, post):
                raise RuntimeError(f"the edit was refused: {volunteer} at {post}")
            t1 = time.perf_counter()
            during = dict(spent)  # what the edit itself spent, not the paint after it
            grid.fit_pending_rows()
            t2 = time.perf_counter()
            grid.viewport().repaint()
            t3 = time.perf_counter()
            app.processEvents()
            t4 = time.perf_counter()
            if profiler is not None:
                profiler.disable()
            edit = t1 - t0
            figures["edit"].append(edit)
            # The live check wherever it ran (in the edit, or lazily when a view asked).
            figures["check"].append(spent.get("check", 0.0))
            for name in ("derive", "save"):
                figures[name].append(during.get(name, 0.0))
            figures["models"].append(edit - sum(during.get(n, 0.0) for n in ("check", "derive", "save")))
            figures["relayout"].append(t2 - t1)
            figures["repaint"].append(t3 - t2)
            figures["pending"].append(t4 - t3)
            window.undo_stack().undo()
            app.processEvents()
        if profiler is not None:
            profiler.dump_stats(f"{profile}-edits.prof")
        out: dict[str, Any] = {
            "imports_s": imports_s,
            "open_s": shown - started,
            "construct_s": constructed - started,
            "show_s": shown - constructed,
            "edits": len(pairs),
            "rows": window.grid_model.rowCount(),
        }
        for name, values in figures.items():
            out[f"{name}_ms"] = _ms(values) if values else None
        out["first_edit_ms"] = 1000 * figures["edit"][0] if pairs else None
        out["grid_ms"] = _ms([a + b for a, b in zip(figures["relayout"], figures["repaint"])]) if pairs else None
        return out
    finally:
        if window is not None:
            window.close()
            window.deleteLater()
        store.db.close()


def _child(db: Path, week: str, edits: int, profile: str | None = None, look_s: float = 0.0) -> dict[str, Any]:
    """`measure` in a fresh process on a copy of `db`."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT), env.get("PYTHONPATH"))))
    with tempfile.TemporaryDirectory(prefix="gateroster-bench-gui-") as tmp:
        copy = Path(tmp) / db.name
        shutil.copyfile(db, copy)
        spec = {"db": str(copy), "week": week, "edits": edits, "profile": profile, "look_s": look_s}
        try:
            done = subprocess.run([sys.executable, "-m", "roster_app.bench_gui", "--child", json.dumps(spec)],
                                  capture_output=True, text=True, env=env, timeout=900)
        except subprocess.TimeoutExpired:
            return {"error": "timed out"}
    for line in reversed(done.stdout.splitlines()):
        if line.startswith("BENCH-GUI-RESULT "):
            return json.loads(line.removeprefix("BENCH-GUI-RESULT "))
    last = (done.stderr.strip().splitlines() or ["no output"])[-1]
    return {"error": last}


# --- the table -----------------------------------------------------------------------------


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def _cell(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    return f"{value:.2f}" if unit == "s" else f"{value:.1f}"


def table(results: dict[str, dict[str, Any]]) -> list[str]:
    """The table's lines: one row per measure, a column per database ("office" first),
    the target, and whether the street office meets it."""
    names = list(results)
    label_width = max(len(label) for _, label, _, _ in MEASURES) + 5
    header = f"{'measure':<{label_width}} {'target':>8} " + " ".join(f"{n:>8}" for n in names) + "  met"
    lines = [header]
    for key, label, unit, target in MEASURES:
        cells = [_cell(results[n].get(key), unit) for n in names]
        first = results[names[0]].get(key)
        met = "" if target is None else "—" if first is None else "yes" if first < target else "NO"
        goal = f"< {target:g}" if target is not None else ""
        lines.append(f"{label + ' (' + unit + ')':<{label_width}} {goal:>8} " + " ".join(f"{c:>8}" for c in cells)
                     + (f"  {met}" if met else ""))
    return lines


def run_gui_bench(edits: int = EDITS, cache_dir: Path | None = None, communities: int | None = None,
                  with_demo: bool = True, profile: str | None = None, out=print) -> int:
    """Build (or reuse) the databases, measure each in a child process, print the table."""
    from roster_app.bench import _code_version, _cpu_name

    databases = [("office", communities)] + ([("demo", None)] if with_demo else [])
    out(f"GateRoster bench gui — the window on a street office's week; median of {edits} edits")
    out(f"machine: {_cpu_name()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{dt.datetime.now():%Y-%m-%d %H:%M}, load {_load()}, code {_code_version()}")
    results: dict[str, dict[str, Any]] = {}
    for which, size in databases:
        path, info, built = cached_database(which, cache_dir, size)
        what = "the demo 玉带路社区" if which == "demo" else (
            f"street_office({OFFICE_SEED}" + (f", communities={size}" if size else "") + ")")
        out(f"{which}: {what}: {info['gates']} gates × {info['slots']} slots, {info['volunteers']} volunteers, "
            f"week of {info['week']}, {info['assignments']} assignments (greedy roster, {info['short_posts']} posts "
            f"short); {path} ({'built now' if built else 'cached'})")
        result = _child(path, info["week"], edits, f"{profile}-{which}" if profile else None)
        if "error" in result:
            out(f"{which}: ERROR {result['error']}")
            return 1
        looked = _child(path, info["week"], 1, look_s=LOOK_S)
        if "error" in looked:
            out(f"{which}: ERROR {looked['error']}")
            return 1
        result["first_edit_looked_ms"] = looked["first_edit_ms"]
        out(f"{which}: imports {result['imports_s']:.2f} s (before the window, not counted), "
            f"{result['rows']} grid rows, {result['edits']} edits")
        results[which] = result
    for line in table(results):
        out(line)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m roster_app.bench_gui")
    parser.add_argument("--child", metavar="SPEC", help="measure one database (JSON spec) and print the figures")
    parser.add_argument("--edits", type=int, default=EDITS)
    parser.add_argument("--profile", metavar="PREFIX", help="write cProfile statistics to PREFIX-*.prof")
    parser.add_argument("--no-demo", action="store_true", help="the street office only")
    args = parser.parse_args(argv)
    if args.child:
        spec = json.loads(args.child)
        result = measure(spec["db"], spec["week"], spec.get("edits", EDITS), spec.get("profile"),
                         spec.get("look_s", 0.0))
        print("BENCH-GUI-RESULT " + json.dumps(result), flush=True)
        return 0
    return run_gui_bench(args.edits, with_demo=not args.no_demo, profile=args.profile)


if __name__ == "__main__":
    sys.exit(main())
