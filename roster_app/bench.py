"""`gateroster bench`: how fast the solver answers, on the product's target instances.

    gateroster bench                      the demo week, in process (medians per worker count)
    gateroster bench s s2 m repair demo all  one table over the chosen instances
    gateroster bench gui                  the window's speed instead (`roster_app.bench_gui`)

The instances are those of the performance targets:
- s: community weeks, `random_scenario(seed)` (4 gates × 4 slots × 7 days, 40 volunteers);
- s2: the same size under version 2's rules and weights, `street_office(seed, communities=1)`
  (one of m's communities on its own);
- m: a street office's week as one model, `street_office(seed)` (80 gates in 20
  communities, 800 volunteers, coupled by cadres);
- repair: m's first answer as `previous`, after one volunteer drops out for two days
  (`solver.generate.drop_out`); the table counts the changed assignments and how many of
  them had to change (the dropped person's posts, and one refill per refilled post);
- demo: the demo week.

Every solve runs in a fresh child process (`python -m roster_app.bench --one SPEC`), so the
peak memory it reports (ru_maxrss of the child) is that solve's alone, imports included.
Times are taken from the call of `solve_with_stats`, so they include building the model.
A command, not a test: timings belong to the machine, so they are recorded with the
machine and date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from solver.model import SolveOptions, solve_with_stats

INSTANCES = ("s", "s2", "m", "repair", "demo")
COVERAGE_TERMS = ("missing_people", "unmet_needs")
S_SEEDS = (1, 2, 3)
M_SEED = 1
DROP_SEED = 0
DEMO_WEEK = dt.date(2026, 11, 23)  # a fixed week, so figures taken on different days compare
ROOT = Path(__file__).resolve().parents[1]


def _cpu_name() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def run_bench(
    repeat: int = 3,
    workers: list[int] | tuple[int, ...] = (8, 2),
    time_limit: float = 30.0,
    which: list[str] | tuple[str, ...] = (),
    terms: bool = False,
) -> int:
    """The demo table when `which` is empty, else the table over the chosen instances
    ("gui": the window's figures instead, `roster_app.bench_gui`)."""
    if "gui" in which:
        from roster_app.bench_gui import run_gui_bench

        return run_gui_bench()
    if not which:
        return _demo_in_process(repeat, workers, time_limit)
    chosen = [name for name in INSTANCES if name in which or "all" in which]
    return _target_table(chosen, repeat, list(workers), time_limit, terms)


# --- the demo week, in process (what `gateroster bench` has always printed) -------------------


def _demo_in_process(repeat: int, workers: list[int] | tuple[int, ...], time_limit: float) -> int:
    from dataclasses import replace

    from roster_app.demo import demo_scenario

    scenario = demo_scenario(DEMO_WEEK)
    rules = sum(len(g.demand) for g in scenario.gates)
    print(f"GateRoster bench — demo week 玉带路社区 ({len(scenario.gates)} gates, {len(scenario.slots)} slots, "
          f"{len(scenario.volunteers)} volunteers, {rules} demand rules), {repeat} run(s) each")
    print(f"machine: {_cpu_name()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{dt.date.today().isoformat()}")
    print("objective v2: the demo's own (coverage, then the weighted terms); "
          "v1: coverage, previous, hours spread, preferred gates, strictly ordered")
    print(f"{'objective':>9} {'workers':>7} {'first answer s':>15} {'optimum s':>10} {'status':>9} {'objective':>12} "
          f"{'coverage':>9}")
    # The demo week under both objectives: the product's (version 2) and version 1's, so the
    # figures stay comparable with those taken before the community rules came in.
    for label, week in (("v2", scenario), ("v1", replace(scenario, weights=None))):
        for n in workers:
            first, total, statuses, objective, covered = [], [], set(), None, True
            for seed in range(repeat):
                _, stats = solve_with_stats(week, SolveOptions(time_limit_s=time_limit, workers=n, seed=seed))
                first.append(stats.first_solution_s or float("nan"))
                total.append(stats.wall_time_s)
                statuses.add(stats.status)
                objective = stats.objective
                covered = covered and stats.coverage_optimal
            status = "/".join(sorted(statuses))
            optimum = f"{statistics.median(total):10.2f}" if statuses == {"OPTIMAL"} else f"{'>' + str(time_limit):>10}"
            print(f"{label:>9} {n:>7} {statistics.median(first):15.3f} {optimum} {status:>9} {objective:>12} "
                  f"{'proven' if covered else '-':>9}")
    return 0


# --- the target instances, one child process per solve ---------------------------------------


def build(spec: dict[str, Any]):
    """The scenario a spec names, and for a repair its `DropOut` (else None)."""
    from solver.generate import drop_out, random_scenario, street_office

    kind, seed = spec["instance"], spec.get("seed", 0)
    if kind == "s":
        return random_scenario(seed), None
    if kind == "s2":
        return street_office(seed, communities=1), None
    if kind == "m":
        return street_office(seed), None
    if kind == "repair":
        from solver.fileformat import load_roster

        case = drop_out(street_office(seed), load_roster(spec["base"]).assignments, spec.get("drop_seed", DROP_SEED))
        return case.scenario, case
    if kind == "demo":
        from roster_app.demo import demo_scenario

        return demo_scenario(DEMO_WEEK), None
    raise ValueError(f"unknown instance {kind!r}")


def count_changes(previous, assignments, forced) -> dict[str, int]:
    """Changed assignments of a repair, split into the forced removals, the refills of the
    posts they left (one new assignment per refilled post) and the rest (needless)."""
    key = lambda a: (a.volunteer, a.gate, a.date, a.slot)  # noqa: E731
    before, after = {key(a) for a in previous}, {key(a) for a in assignments}
    forced_keys = {key(a) for a in forced}
    vacated = {(a.gate, a.date, a.slot) for a in forced}
    added = after - before
    refilled = {k[1:] for k in added if k[1:] in vacated}
    changed = len(before - after) + len(added)
    removed_forced = len(forced_keys & (before - after))
    return {"changed": changed, "forced": removed_forced, "refills": len(refilled),
            "other": changed - removed_forced - len(refilled)}


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def run_one(spec: dict[str, Any]) -> dict[str, Any]:
    """One solve, as the child process runs it; returns the row's figures."""
    from solver.validate import validate

    scenario, case = build(spec)
    before = _peak_mib()
    events: list[tuple[float, int, int]] = []
    started = time.perf_counter()
    # A repair is what the clerk runs after a drop-out: keep the rest, refill what was left.
    options = SolveOptions(time_limit_s=spec["time_limit"], workers=spec["workers"], seed=spec.get("run", 0),
                           repair=case is not None)
    roster, stats = solve_with_stats(
        scenario, options,
        on_progress=lambda p: events.append((time.perf_counter() - started, p.objective, p.bound)),
    )
    peak = _peak_mib()
    out: dict[str, Any] = {
        "status": stats.status, "wall_s": stats.wall_time_s,
        "first_s": events[0][0] if events else None, "best_s": events[-1][0] if events else None,
        "solutions": len(events), "objective": stats.objective, "bound": stats.bound,
        "setup_s": events[0][0] - stats.first_solution_s if events and stats.first_solution_s is not None else None,
        "coverage_optimal": getattr(stats, "coverage_optimal", None),
        "coverage_cost": sum(t.cost for t in roster.terms if t.name in COVERAGE_TERMS) if roster.terms else None,
        "terms": stats.terms, "peak_mib": peak, "before_mib": before,
        "violations": [f"[{v.rule}] {v.message}" for v in validate(scenario, roster)],
    }
    if case is not None:
        out["changes"] = count_changes(case.scenario.previous, roster.assignments, case.forced)
    if spec.get("save"):
        from solver.fileformat import save_roster

        save_roster(roster, spec["save"])
    return out


def _child(spec: dict[str, Any]) -> dict[str, Any]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT), env.get("PYTHONPATH"))))
    try:
        done = subprocess.run(
            [sys.executable, "-m", "roster_app.bench", "--one", json.dumps(spec)],
            capture_output=True, text=True, env=env, timeout=2 * spec["time_limit"] + 300,
        )
    except subprocess.TimeoutExpired:
        return {"status": "TIMEOUT"}
    for line in reversed(done.stdout.splitlines()):
        if line.startswith("BENCH-RESULT "):
            return json.loads(line.removeprefix("BENCH-RESULT "))
    last = (done.stderr.strip().splitlines() or ["no output"])[-1]
    return {"status": "ERROR", "error": last}


def gap_percent(objective: int | None, bound: int | None) -> float | None:
    """(objective − bound) / objective in %, 0 when both are 0; None without an answer."""
    if objective is None or bound is None:
        return None
    if objective == 0:
        return 0.0 if bound >= 0 else 100.0
    return 100.0 * (objective - bound) / abs(objective)


def soft_gap_percent(r: dict[str, Any]) -> float | None:
    """The gap of the terms below coverage alone, once coverage is proven.

    Coverage outweighs everything below it, so once it is proven the whole objective's gap
    is a few millionths whatever the preferences cost; this says how far those are from
    their bound."""
    if not r.get("coverage_optimal") or r.get("coverage_cost") is None or r.get("objective") is None:
        return None
    return gap_percent(r["objective"] - r["coverage_cost"], r["bound"] - r["coverage_cost"])


_COLUMNS = (("instance", 12, "<"), ("workers", 7, ">"), ("run", 3, ">"), ("first s", 8, ">"),
            ("optimum s", 9, ">"), ("gap %", 8, ">"), ("best s", 7, ">"), ("status", 9, ">"), ("cov", 3, ">"),
            ("short", 5, ">"), ("soft gap %", 10, ">"),
            ("peak MiB", 8, ">"), ("valid", 5, ">"), ("changes (forced + refills + other)", 0, "<"))


def _line(cells: list[str]) -> str:
    return " ".join(f"{c:{align}{width}}" if width else c for c, (_, width, align) in zip(cells, _COLUMNS)).rstrip()


def _row(label: str, workers: int, run: int, r: dict[str, Any]) -> str:
    if r["status"] in ("ERROR", "TIMEOUT"):
        return _line([label, str(workers), str(run), "", "", "", "", r["status"]]) + "  " + r.get("error", "")
    num = lambda x, f=".2f": "—" if x is None else format(x, f)  # noqa: E731
    gap, soft = gap_percent(r["objective"], r["bound"]), soft_gap_percent(r)
    pct = lambda x: "—" if x is None else f"{x:.3g}" if x < 0.01 else f"{x:.2f}"  # noqa: E731
    changes = ""
    if "changes" in r:
        c = r["changes"]
        changes = f"{c['changed']} = {c['forced']} + {c['refills']} + {c['other']}"
    return _line([
        label, str(workers), str(run), num(r["first_s"]),
        num(r["wall_s"]) if r["status"] == "OPTIMAL" else "—",
        pct(gap), num(r["best_s"]), r["status"], {True: "yes", False: "no"}.get(r.get("coverage_optimal"), "—"),
        _short(r.get("terms") or {}), pct(soft),
        f"{r['peak_mib']:.0f}",
        "ok" if not r["violations"] else "NO", changes,
    ])


def _short(terms: dict[str, int]) -> str:
    """Missing people + unmet needs of the answer ("—" without an answer)."""
    if "missing_people" not in terms:
        return "—"
    return f"{terms['missing_people']}+{terms.get('unmet_needs', 0)}"


def _describe(scenario) -> str:
    from solver.instance import Instance

    inst = Instance(scenario)
    open_posts = sum(1 for d in inst.demand.values() if d.max > 0)
    pairs = sum(len(p) for p in inst.eligible.values())
    version = "v1" if scenario.weights is None else "v2"
    return (f"{len(scenario.gates)} gates, {len(scenario.volunteers)} volunteers, {scenario.days} days, "
            f"{open_posts} open posts, {pairs} (volunteer, post) pairs, {version} objective")


def _code_version() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              timeout=10)
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "solver"], cwd=ROOT, capture_output=True,
                               text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    if head.returncode != 0:
        return "unknown"
    return head.stdout.strip() + (" + local changes in solver/" if dirty.stdout.strip() else "")


def _target_table(chosen: list[str], repeat: int, workers: list[int], time_limit: float, terms: bool) -> int:
    from importlib.metadata import version

    from solver.generate import random_scenario, street_office

    print(f"GateRoster bench — {', '.join(chosen)}; workers {' '.join(map(str, workers))}; "
          f"{time_limit:g} s limit; {repeat} run(s) each (solver seeds 0..{repeat - 1})")
    print(f"machine: {_cpu_name()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"OR-Tools {version('ortools')}, {dt.date.today().isoformat()}, code {_code_version()}")
    if "s" in chosen:
        print(f"s#N:    random_scenario(N), N in {', '.join(map(str, S_SEEDS))}: {_describe(random_scenario(S_SEEDS[0]))} (#{S_SEEDS[0]})")
    if "s2" in chosen:
        print(f"s2#N:   street_office(N, communities=1): {_describe(street_office(S_SEEDS[0], communities=1))} (#{S_SEEDS[0]})")
    if "m" in chosen or "repair" in chosen:
        print(f"m:      street_office({M_SEED}): {_describe(street_office(M_SEED))}")
    print("times in s from the call of solve_with_stats (model building included); optimum: time to the proof, "
          "— if none; gap: (objective − bound) / objective at the end; best: last improving answer; peak MiB: "
          "the child process's max RSS (imports and the scenario included); cov: fewest missing people and unmet needs "
          "proven; short: missing people + unmet needs of the answer; soft gap: the gap of the terms below coverage, once it is proven; valid: solver.validate finds nothing")
    print(_line([name for name, _, _ in _COLUMNS]))
    sys.stdout.flush()

    results: list[tuple[str, int, int, dict[str, Any]]] = []

    def solve(label: str, spec: dict[str, Any]) -> dict[str, Any]:
        r = _child({"time_limit": time_limit, **spec})
        results.append((label, spec["workers"], spec.get("run", 0) + 1, r))
        print(_row(label, spec["workers"], spec.get("run", 0) + 1, r), flush=True)
        return r

    with tempfile.TemporaryDirectory(prefix="gateroster-bench-") as tmp:
        base = str(Path(tmp) / "m-answer.json")
        has_base, base_result = False, {}
        if "s" in chosen:
            for n in workers:
                for seed in S_SEEDS:
                    for run in range(repeat):
                        solve(f"s#{seed}", {"instance": "s", "seed": seed, "workers": n, "run": run})
        if "s2" in chosen:
            for n in workers:
                for seed in S_SEEDS:
                    for run in range(repeat):
                        solve(f"s2#{seed}", {"instance": "s2", "seed": seed, "workers": n, "run": run})
        if "m" in chosen:
            for n in workers:
                for run in range(repeat):
                    save = {} if has_base else {"save": base}
                    r = solve("m", {"instance": "m", "seed": M_SEED, "workers": n, "run": run, **save})
                    if not has_base and r.get("objective") is not None:
                        has_base, base_result = True, r
        if "repair" in chosen:
            if not has_base:
                base_result = solve("m (base)", {"instance": "m", "seed": M_SEED, "workers": workers[0], "save": base})
                has_base = base_result.get("objective") is not None
            if not has_base:
                print("repair: m has no answer to repair")
            else:
                from solver.fileformat import load_roster
                from solver.generate import drop_out

                case = drop_out(street_office(M_SEED), load_roster(base).assignments, DROP_SEED)
                missing = base_result.get("terms", {}).get("missing_people", "?")
                print(f"repair: the first m answer ({missing} people missing) as previous; {case.volunteer} drops out on "
                      f"{', '.join(d.isoformat() for d in case.dates)} ({len(case.forced)} posts must go)")
                for n in workers:
                    for run in range(repeat):
                        solve("repair", {"instance": "repair", "seed": M_SEED, "base": base, "workers": n, "run": run})
        if "demo" in chosen:
            for n in workers:
                for run in range(repeat):
                    solve("demo", {"instance": "demo", "workers": n, "run": run})

    if terms:
        print("objective terms of each answer (units):")
        for label, n, run, r in results:
            if r.get("terms"):
                shown = " ".join(f"{k}={v}" for k, v in r["terms"].items() if v)
                print(f"  {label} w{n} run {run}: objective {r['objective']} bound {r['bound']}, "
                      f"peak {r['peak_mib']:.0f} MiB ({r['before_mib']:.0f} before the solve); {shown}")
    broken = [(label, n, run, r["violations"]) for label, n, run, r in results if r.get("violations")]
    for label, n, run, violations in broken:
        more = f" (and {len(violations) - 2} more)" if len(violations) > 2 else ""
        print(f"INVALID answer on {label} w{n} run {run}: {'; '.join(violations[:2])}{more}")
    return 1 if broken or any(r["status"] in ("ERROR", "TIMEOUT") for *_, r in results) else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m roster_app.bench")
    parser.add_argument("--one", metavar="SPEC", required=True, help="run one solve (JSON spec) and print its figures")
    args = parser.parse_args(argv)
    result = run_one(json.loads(args.one))
    print("BENCH-RESULT " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
