"""`gateroster bench ssb`: the engine on the Shift Scheduling Benchmark, judged by the
independent evaluator, beside the best known results.

For each chosen instance (and each worker count): read it (`solver.ssb.instance`), state
it as a scenario (`solver.ssb.convert`), solve it with the engine that rosters gates
(`solver.model.solve_with_stats`), read the roster back as an answer and evaluate that
answer from the instance file alone (`solver.ssb.evaluate`). One row per solve:

- objective: the evaluator's, not the engine's (the engine's own figure goes to the CSV,
  and a difference is reported: it would mean the model and the benchmark disagree);
- best known and gap: (objective − best known) / best known in percent;
- bound: the engine's proven lower bound on the same objective;
- time to best: seconds from the call of `solve_with_stats` (model building included) to
  the last improving answer, from the progress callback;
- verdict: "feasible", or the hard rules the answer breaks with how often.

The table goes to stdout and, as CSV, to ``OUT/ssb_results.csv`` (rewritten after every
solve, so an interrupted run keeps what it measured); each answer to
``OUT/InstanceN_wW.roster.txt`` as a plain roster file (`solver.ssb.roster_file`) that
anyone's evaluator can check.

Pure: no Qt, no database. Timings belong to the machine, so the header names it, the date
and the load.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import platform
import re
import statistics
import time
from collections import Counter
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Iterable, TextIO

from solver.model import Progress, SolveOptions, solve_with_stats
from solver.ssb.convert import to_answer, to_scenario
from solver.ssb.evaluate import RULES, Evaluation, evaluate
from solver.ssb.instance import Instance, read_instance
from solver.ssb.roster_file import write_roster

INSTANCES_DIR = Path(__file__).resolve().parents[2] / "tests" / "ssb" / "data" / "instances"
"""The repository's copy of the 24 instances and their best known values."""
BEST_KNOWN_FILE = "best_known.csv"
CSV_NAME = "ssb_results.csv"
DEFAULT_TIME_LIMIT = 60.0
DEFAULT_OUT = Path("ssb-results")


@dataclass(frozen=True)
class BestKnown:
    objective: int | None
    lower_bound: int | None


@dataclass(frozen=True)
class Row:
    """One solve's figures (None where there is no answer or no figure)."""

    instance: str
    workers: int
    time_limit_s: float
    objective: int | None
    best_known: int | None
    gap_percent: float | None
    bound: int | None
    time_to_best_s: float | None
    wall_time_s: float
    status: str
    verdict: str
    engine_objective: int | None
    roster_file: str | None
    load: float | None = None
    """The machine's 1-minute load average when the solve ended: other work on a shared
    machine takes the solver's cores, and the figures are only comparable with it."""
    seed: int = 0
    """The solver's seed: one run's figure varies with it by about ±10 % on the large
    instances, so ideas are judged on several (`run`'s `repeat`)."""


def parse_numbers(text: str) -> list[int]:
    """Instance numbers from "1-7,10" (ranges and single numbers, each 1–24), in order, once each."""
    numbers: list[int] = []
    for part in text.split(","):
        part = part.strip()
        match = re.fullmatch(r"(\d+)(?:\s*-\s*(\d+))?", part)
        if not match:
            raise ValueError(f"{part!r} is not an instance number or a range like 1-12")
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if not 1 <= first <= last <= 24:
            raise ValueError(f"{part!r}: instances are numbered 1 to 24, a range from low to high")
        numbers.extend(n for n in range(first, last + 1) if n not in numbers)
    return numbers


def read_best_known(path: Path) -> dict[str, BestKnown]:
    """Instance name → its best known objective and lower bound (best_known.csv)."""
    with open(path, newline="", encoding="utf-8") as f:
        return {
            row["instance"]: BestKnown(
                int(row["best_known_objective"]) if row["best_known_objective"] else None,
                int(row["lower_bound"]) if row["lower_bound"] else None,
            )
            for row in csv.DictReader(f)
        }


def gap_to_best(objective: int | None, best: int | None) -> float | None:
    """(objective − best known) / best known in percent; None when either is missing."""
    if objective is None or best is None:
        return None
    if best == 0:
        return 0.0 if objective == 0 else float("inf")
    return 100.0 * (objective - best) / best


def verdict(evaluation: Evaluation) -> str:
    """"feasible", or each broken rule with how often, in the evaluator's rule order."""
    if evaluation.feasible:
        return "feasible"
    counts = Counter(v.rule for v in evaluation.violations)
    return "violates " + ", ".join(f"{rule} ×{counts[rule]}" for rule in RULES if rule in counts)


@dataclass(frozen=True)
class Solved:
    """A solve's answer (None without one), its evaluation and its row."""

    answer: dict[str, list[str | None]] | None
    evaluation: Evaluation | None
    row: Row


def solve_instance(instance: Instance, options: SolveOptions, best: BestKnown | None = None,
                   out_dir: Path | None = None, seed_in_name: bool = False) -> Solved:
    """Convert, solve, map back, evaluate; with `out_dir`, write the answer's roster file
    (its name holding the seed with `seed_in_name`)."""
    started = time.perf_counter()
    improvements: list[tuple[float, int]] = []

    def progress(p: Progress) -> None:
        improvements.append((time.perf_counter() - started, p.objective))

    scenario = to_scenario(instance)
    roster, stats = solve_with_stats(scenario, options, on_progress=progress)
    wall = time.perf_counter() - started
    load = _load()
    best_objective = best.objective if best else None
    if stats.objective is None:
        row = Row(instance.name, options.workers, options.time_limit_s, None, best_objective, None, None, None,
                  wall, stats.status, "no answer", None, None, load, options.seed)
        return Solved(None, None, row)
    answer = to_answer(instance, scenario, roster)
    evaluation = evaluate(instance, answer)
    # The time of the first answer as good as the one returned: the stages' progress may
    # report figures that are not the final objective (e.g. coverage alone), so the last
    # event is not always the answer's.
    reached = [t for t, objective in improvements if objective <= stats.objective]
    time_to_best = reached[0] if reached else (improvements[-1][0] if improvements else None)
    written = None
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        path = out_dir / roster_file_name(instance.name, options.workers, options.seed if seed_in_name else None)
        write_roster(path, instance, answer)
        written = path.name
    row = Row(instance.name, options.workers, options.time_limit_s, evaluation.objective, best_objective,
              gap_to_best(evaluation.objective, best_objective), stats.bound, time_to_best, wall, stats.status,
              verdict(evaluation), stats.objective, written, load, options.seed)
    return Solved(answer, evaluation, row)


def _load() -> float | None:
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def roster_file_name(instance_name: str, workers: int, seed: int | None = None) -> str:
    """The answer's file; `seed` named when a bench runs several."""
    return f"{instance_name}_w{workers}{'' if seed is None else f'_s{seed}'}.roster.txt"


# --- the table -------------------------------------------------------------------------

_COLUMNS = (("instance", 10, "<"), ("workers", 7, ">"), ("objective", 9, ">"), ("best known", 10, ">"),
            ("gap %", 7, ">"), ("bound", 7, ">"), ("to best s", 9, ">"), ("status", 8, ">"), ("load", 5, ">"),
            ("seed", 4, ">"), ("verdict", 0, "<"))


def _cells(row: Row) -> list[str]:
    num = lambda x: "—" if x is None else str(x)  # noqa: E731
    gap = "—" if row.gap_percent is None else f"{row.gap_percent:.2f}"
    best_s = "—" if row.time_to_best_s is None else f"{row.time_to_best_s:.1f}"
    shown_verdict = row.verdict
    if row.engine_objective is not None and row.engine_objective != row.objective:
        shown_verdict += f" (engine said {row.engine_objective})"
    load = "—" if row.load is None else f"{row.load:.1f}"
    return [row.instance, str(row.workers), num(row.objective), num(row.best_known), gap, num(row.bound), best_s,
            row.status, load, str(row.seed), shown_verdict]


def format_line(cells: list[str]) -> str:
    return " ".join(f"{c:{align}{width}}" if width else c for c, (_, width, align) in zip(cells, _COLUMNS)).rstrip()


def header_line() -> str:
    return format_line([name for name, _, _ in _COLUMNS])


def format_row(row: Row) -> str:
    return format_line(_cells(row))


def write_csv(rows: Iterable[Row], path: Path) -> None:
    """The rows as CSV (one column per `Row` field, empty for None; gap rounded to 0.01)."""
    names = [f.name for f in fields(Row)]
    tmp = path.with_suffix(".csv.tmp")
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=names)
        writer.writeheader()
        for row in rows:
            values = asdict(row)
            for key in ("gap_percent", "time_to_best_s", "wall_time_s", "load"):
                if values[key] is not None:
                    values[key] = f"{values[key]:.2f}"
            writer.writerow({k: "" if v is None else v for k, v in values.items()})
    tmp.replace(path)


def machine_line() -> str:
    from importlib.metadata import version

    try:
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "?"
    return (f"machine: {_cpu_name()}, {os.cpu_count()} cores, load {load}, Python {platform.python_version()}, "
            f"OR-Tools {version('ortools')}, {dt.datetime.now().isoformat(timespec='minutes')}")


def _cpu_name() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def run(numbers: list[int], time_limit: float = DEFAULT_TIME_LIMIT, workers: list[int] | None = None,
        out_dir: Path = DEFAULT_OUT, instances_dir: Path = INSTANCES_DIR, deterministic: bool = False,
        seed: int = 0, stream: TextIO | None = None, repeat: int = 1) -> list[Row]:
    """Solve each chosen instance with each worker count, `repeat` times (seeds `seed`,
    `seed` + 1, ...); print the table to `stream` (stdout by default) as it goes, and with
    several runs the median of each; write the CSV and roster files into `out_dir`."""
    import sys

    out = stream or sys.stdout
    workers = workers or [SolveOptions.workers]
    seeds = [seed + i for i in range(max(1, repeat))]
    best = read_best_known(instances_dir / BEST_KNOWN_FILE)
    out_dir.mkdir(parents=True, exist_ok=True)
    unit = "deterministic units" if deterministic else "s"
    runs = f"; seeds {seeds[0]}–{seeds[-1]}" if len(seeds) > 1 else ""
    print(f"GateRoster bench — Shift Scheduling Benchmark, instances {', '.join(map(str, numbers))}; "
          f"workers {' '.join(map(str, workers))}; {time_limit:g} {unit} per solve{runs}", file=out)
    print(machine_line(), file=out)
    print("objective: the independent evaluator's (solver.ssb.evaluate); gap: to the best known; bound: the "
          "engine's proven lower bound; to best: seconds to the last improvement (model building included); "
          "load: the machine's 1-minute load average at the end of the solve",
          file=out)
    print(header_line(), file=out, flush=True)
    rows: list[Row] = []
    for number in numbers:
        instance = read_instance(instances_dir / f"Instance{number}.txt")
        for n in workers:
            for s in seeds:
                options = SolveOptions(time_limit_s=time_limit, workers=n, seed=s, language="en",
                                       deterministic=deterministic)
                solved = solve_instance(instance, options, best.get(instance.name), out_dir,
                                        seed_in_name=len(seeds) > 1)
                rows.append(solved.row)
                print(format_row(solved.row), file=out, flush=True)
                write_csv(rows, out_dir / CSV_NAME)
    if len(seeds) > 1:
        print("median of the runs (objective, its range, gap to the best known):", file=out)
        for line in median_lines(rows):
            print(line, file=out)
    print(f"written: {out_dir / CSV_NAME} and {sum(r.roster_file is not None for r in rows)} roster file(s) "
          f"in {out_dir}", file=out)
    return rows


def median_lines(rows: Iterable[Row]) -> list[str]:
    """One line per instance and worker count: the median objective of its runs with an
    answer, their range and the median's gap to the best known."""
    groups: dict[tuple[str, int], list[Row]] = {}
    for row in rows:
        groups.setdefault((row.instance, row.workers), []).append(row)
    lines = []
    for (name, workers), group in groups.items():
        found = sorted(r.objective for r in group if r.objective is not None)
        if not found:
            lines.append(f"{name:<10} {workers:>7} no answer in {len(group)} run(s)")
            continue
        middle = statistics.median(found)
        gap = gap_to_best(middle, group[0].best_known)
        shown_gap = "—" if gap is None else f"{gap:.2f} %"
        lines.append(f"{name:<10} {workers:>7} {middle:g} ({found[0]}–{found[-1]}, {len(found)} of {len(group)} "
                     f"runs) gap {shown_gap}")
    return lines


def sound(rows: Iterable[Row]) -> bool:
    """Every solve has an answer, feasible by the evaluator, costing what the engine said."""
    return all(r.verdict == "feasible" and r.engine_objective == r.objective for r in rows)
