"""`gateroster bench`: how fast the solver answers the demo week, per worker count.

Prints, for each worker count, the median over `repeat` runs of the time to the first
answer and to the proven optimum, and the status. A command, not a test: timings belong
to the machine, so they are recorded in the README with the machine and date.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics

from solver.model import SolveOptions, solve_with_stats


def _cpu_name() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def run_bench(repeat: int = 3, workers: list[int] | tuple[int, ...] = (8, 2), time_limit: float = 30.0) -> int:
    from roster_app.demo import demo_scenario

    # A fixed week, so figures taken on different days compare.
    scenario = demo_scenario(dt.date(2026, 11, 23))
    rules = sum(len(g.demand) for g in scenario.gates)
    print(f"GateRoster bench — demo week 玉带路社区 ({len(scenario.gates)} gates, {len(scenario.slots)} slots, "
          f"{len(scenario.volunteers)} volunteers, {rules} demand rules), {repeat} run(s) each")
    print(f"machine: {_cpu_name()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{dt.date.today().isoformat()}")
    print(f"{'workers':>7} {'first answer s':>15} {'optimum s':>10} {'status':>9} {'objective':>12}")
    for n in workers:
        first, total, statuses, objective = [], [], set(), None
        for seed in range(repeat):
            _, stats = solve_with_stats(scenario, SolveOptions(time_limit_s=time_limit, workers=n, seed=seed))
            first.append(stats.first_solution_s or float("nan"))
            total.append(stats.wall_time_s)
            statuses.add(stats.status)
            objective = stats.objective
        status = "/".join(sorted(statuses))
        optimum = f"{statistics.median(total):10.2f}" if statuses == {"OPTIMAL"} else f"{'>' + str(time_limit):>10}"
        print(f"{n:>7} {statistics.median(first):15.3f} {optimum} {status:>9} {objective:>12}")
    return 0
