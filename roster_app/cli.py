"""The `gateroster` command: the window by default, and solve / check / demo / bench.

    gateroster [--db URL]                      start the window
    gateroster solve SCENARIO.json -o ROSTER.json [--time-limit S] [--workers N] [--repair] [--deterministic]
    gateroster check SCENARIO.json ROSTER.json exit 1 if the roster breaks a rule
    gateroster demo -o SCENARIO.json [--week YYYY-MM-DD]
    gateroster bench [s|s2|m|repair|demo|all]  solver figures (none: the demo week)
    gateroster bench gui                       the window's speed on a street office's database
    gateroster bench ssb [--instances 1-12] [--time-limit 60] [--workers N ...] [--repeat 1] [--out DIR] [--deterministic]
                                               the Shift Scheduling Benchmark, judged by its own evaluator

Exit codes: 0 done, 1 violations found (check), 2 bad input (a file that cannot be read,
no display), 3 the scenario contradicts itself (solve answered INFEASIBLE).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from solver.fileformat import FileFormatError, load_roster, load_scenario, save_roster, save_scenario
from solver.model import SolveOptions, solve_with_stats
from solver.scenario import Roster, Scenario
from solver.validate import validate
from solver.workdays import monday_of


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from exc


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gateroster", description="GateRoster (门岗排班): gate duty rosters.")
    parser.add_argument("--db", metavar="URL", help="database URL (default: a SQLite file in the user data directory)")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("solve", help="solve a scenario file and write the roster")
    p.add_argument("scenario", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True, help="roster file to write")
    p.add_argument("--time-limit", type=float, default=30.0, metavar="S", help="seconds (default 30)")
    p.add_argument("--workers", type=int, default=SolveOptions.workers, metavar="N", help="CP-SAT workers (default: one per core, 2 to 8)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of reasons (default zh)")
    p.add_argument("--repair", action="store_true",
                   help="repair the scenario's previous roster: keep what still holds, refill only what a drop-out left")
    p.add_argument("--deterministic", action="store_true",
                   help="same answer every run: the time limit counts CP-SAT work units, not seconds")

    p = sub.add_parser("check", help="check a roster against its scenario")
    p.add_argument("scenario", type=Path)
    p.add_argument("roster", type=Path)

    p = sub.add_parser("demo", help="write the demo community's week as a scenario file")
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--week", type=_date, default=None, help="any date in the week (default: this week)")

    def _bench_instance(text: str) -> str:
        if text not in ("s", "s2", "m", "repair", "demo", "all", "gui", "ssb"):
            raise argparse.ArgumentTypeError(f"{text!r} is not one of s, s2, m, repair, demo, all, gui, ssb")
        return text

    p = sub.add_parser("bench", help="time the solver (the demo week, or the target instances)")
    # No `choices`: with nargs="*" argparse (3.11) rejects the empty default against them.
    p.add_argument("instances", nargs="*", type=_bench_instance, default=[], metavar="INSTANCE",
                   help="s (community weeks), s2 (the same, version 2), m (a street office's week), repair, demo, "
                        "all; gui: the window's speed on a street office's database; ssb: the Shift Scheduling "
                        "Benchmark; none: the demo week in process")
    p.add_argument("--repeat", type=int, default=None,
                   help="runs of each instance, solver seeds 0, 1, ... (default 3; ssb: 1, the median printed "
                        "when more)")
    # No defaults here: they differ between the gate instances (8 2, 30 s) and ssb (8, 60 s).
    p.add_argument("--workers", type=int, nargs="*", default=None, help="(default 8 2; ssb: 8)")
    p.add_argument("--time-limit", type=float, default=None, help="seconds (default 30; ssb: 60)")
    p.add_argument("--terms", action="store_true", help="also print each answer's objective terms")
    p.add_argument("--instances", dest="ssb_instances", default="1-12", metavar="1-7,10",
                   help="ssb: the benchmark's instances to solve (default 1-12)")
    p.add_argument("--out", type=Path, default=Path("ssb-results"), metavar="DIR",
                   help="ssb: where the CSV table and the roster files go (default ssb-results)")
    p.add_argument("--deterministic", action="store_true",
                   help="ssb: same answers every run, the time limit counting CP-SAT work units")

    sub.add_parser("gui", help="start the window (the default)")
    return parser


def _print_roster_summary(scenario: Scenario, roster: Roster, seconds: float) -> None:
    names = {v.id: v.name for v in scenario.volunteers}
    gates = {g.id: g.name for g in scenario.gates}
    print(f"status:     {roster.status}")
    print(f"objective:  {roster.objective}  (bound {roster.bound})")
    print(f"time:       {seconds:.2f} s")
    print(f"assigned:   {len(roster.assignments)} posts to {len({a.volunteer for a in roster.assignments})} of {len(names)} volunteers")
    missing = sum(s.missing for s in roster.shortages)
    print(f"shortages:  {len(roster.shortages)} posts, {missing} people missing")
    for s in roster.shortages:
        print(f"  - {gates.get(s.gate, s.gate)} {s.date} {s.slot}: missing {s.missing}. {s.reason}")
    for w in roster.warnings:
        print(f"warning:    {w}")
    for c in roster.conflicts:
        print(f"conflict:   [{c.rule}] {c.message}")


def cmd_solve(args: argparse.Namespace) -> int:
    scenario = load_scenario(args.scenario)
    options = SolveOptions(time_limit_s=args.time_limit, workers=args.workers, seed=args.seed, language=args.lang,
                           deterministic=args.deterministic, repair=args.repair)
    roster, stats = solve_with_stats(scenario, options)
    save_roster(roster, args.output)
    _print_roster_summary(scenario, roster, stats.wall_time_s)
    if roster.status == "FEASIBLE" and stats.coverage_optimal:
        print("coverage:   proven: no roster has fewer people missing or needs unmet")
    for term in roster.terms:
        if term.value:
            print(f"  term {term.name}: {term.value} × {term.weight} = {term.cost}")
    for short in roster.shortfalls:
        print(f"shortfall:  {short.volunteer} stood {short.served} of {short.required} posts. {short.reason}")
    print(f"written:    {args.output}")
    return 3 if roster.status == "INFEASIBLE" else 0


def cmd_check(args: argparse.Namespace) -> int:
    scenario = load_scenario(args.scenario)
    roster = load_roster(args.roster)
    violations = validate(scenario, roster)
    for v in violations:
        print(f"[{v.rule}] {v.message}")
    print(f"{len(violations)} violation(s)" if violations else "OK: the roster keeps every rule of the scenario")
    return 1 if violations else 0


def cmd_demo(args: argparse.Namespace) -> int:
    from roster_app.demo import demo_scenario

    week = monday_of(args.week or dt.date.today())
    save_scenario(demo_scenario(week), args.output)
    print(f"written: {args.output} (玉带路社区, week of {week})")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")):
        # Without this check Qt aborts the process with a core dump and a cryptic hint.
        print(
            "GateRoster needs a screen, and none was found (DISPLAY is not set).\n"
            "Start it on a virtual screen with:\n"
            '    xvfb-run -a -s "-screen 0 1600x1000x24" gateroster',
            file=sys.stderr,
        )
        return 2
    from roster_app.gui.app import run_gui

    return run_gui(args.db, sys.argv[:1])


def cmd_bench_ssb(args: argparse.Namespace) -> int:
    from solver.ssb import bench

    if args.instances != ["ssb"]:
        print("error: bench ssb runs alone, not with other bench instances", file=sys.stderr)
        return 2
    try:
        numbers = bench.parse_numbers(args.ssb_instances)
    except ValueError as exc:
        print(f"error: --instances: {exc}", file=sys.stderr)
        return 2
    rows = bench.run(numbers, bench.DEFAULT_TIME_LIMIT if args.time_limit is None else args.time_limit,
                     args.workers or None, args.out, deterministic=args.deterministic,
                     repeat=1 if args.repeat is None else args.repeat)
    return 0 if bench.sound(rows) else 1


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "solve":
            return cmd_solve(args)
        if args.command == "check":
            return cmd_check(args)
        if args.command == "demo":
            return cmd_demo(args)
        if args.command == "bench" and "ssb" in args.instances:
            return cmd_bench_ssb(args)
        if args.command == "bench":
            from roster_app.bench import run_bench

            workers = [8, 2] if args.workers is None else args.workers
            time_limit = 30.0 if args.time_limit is None else args.time_limit
            return run_bench(3 if args.repeat is None else args.repeat, workers, time_limit, args.instances,
                             args.terms)
        return cmd_gui(args)
    except FileFormatError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
