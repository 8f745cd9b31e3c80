"""gateroster bench ssb: the code path from instance to table, CSV and roster files, and
the command line's wiring. Figures are not asserted here (they belong to the machine),
only that what is written is what was measured and that anyone can re-check it."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest

from solver.model import SolveOptions
from solver.ssb import evaluate, read_instance, read_roster
from solver.ssb.bench import (
    CSV_NAME,
    Row,
    gap_to_best,
    header_line,
    parse_numbers,
    read_best_known,
    roster_file_name,
    run,
    solve_instance,
    verdict,
)
from tests.ssb.paths import BENCHMARK_DIR, REPO, instance_path


def test_instance_numbers_read_as_ranges_and_lists():
    assert parse_numbers("1-12") == list(range(1, 13))
    assert parse_numbers("1-7,10") == [1, 2, 3, 4, 5, 6, 7, 10]
    assert parse_numbers(" 3 , 1-2,3 ") == [3, 1, 2]
    for bad in ("0", "25", "7-3", "a", "1-", ""):
        with pytest.raises(ValueError):
            parse_numbers(bad)


def test_best_known_values_and_gaps():
    best = read_best_known(BENCHMARK_DIR / "best_known.csv")
    assert len(best) == 24
    assert (best["Instance1"].objective, best["Instance1"].lower_bound) == (607, 607)
    assert best["Instance24"].lower_bound is None
    assert gap_to_best(607, 607) == 0.0
    assert gap_to_best(618, 600) == pytest.approx(3.0)
    assert gap_to_best(None, 607) is None and gap_to_best(607, None) is None


def test_the_bench_path_on_instance1(tmp_path):
    out = io.StringIO()
    rows = run([1], time_limit=1.0, workers=[2], out_dir=tmp_path, deterministic=True, stream=out)
    (row,) = rows
    assert isinstance(row, Row) and row.instance == "Instance1" and row.workers == 2
    assert row.best_known == 607
    assert row.objective is not None and row.gap_percent == pytest.approx(100 * (row.objective - 607) / 607)

    lines = out.getvalue().splitlines()
    assert lines[3] == header_line() and lines[4].split()[:4] == ["Instance1", "2", str(row.objective), "607"]
    assert lines[1].startswith("machine: ") and " load " in lines[1]

    with open(tmp_path / CSV_NAME, newline="", encoding="utf-8") as f:
        (written,) = list(csv.DictReader(f))
    assert written["instance"] == "Instance1" and int(written["objective"]) == row.objective
    assert written["verdict"] == row.verdict and int(written["bound"]) == row.bound
    assert written["roster_file"] == roster_file_name("Instance1", 2)
    assert float(written["load"]) >= 0  # the machine's load beside the figures it shaped

    # The roster file alone, read back and judged again, says what the table says.
    instance = read_instance(instance_path(1))
    answer = read_roster(tmp_path / written["roster_file"], instance)
    evaluation = evaluate(instance, answer)
    assert evaluation.objective == row.objective
    assert verdict(evaluation) == row.verdict


def gateroster(*args):
    return subprocess.run([sys.executable, "-m", "roster_app.cli", "bench", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=300)


def test_the_command_writes_its_table_and_answers(tmp_path):
    done = gateroster("ssb", "--instances", "1", "--time-limit", "10", "--workers", "2", "--deterministic",
                      "--out", str(tmp_path))
    # Exit 0: every answer feasible by the evaluator and priced as the engine said.
    assert done.returncode == 0, done.stdout + done.stderr
    assert header_line() in done.stdout and "Instance1" in done.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == [roster_file_name("Instance1", 2), CSV_NAME]


def test_the_command_refuses_bad_instances_and_mixing(tmp_path):
    done = gateroster("ssb", "--instances", "0-3", "--out", str(tmp_path))
    assert done.returncode == 2 and "--instances" in done.stderr
    done = gateroster("ssb", "s", "--out", str(tmp_path))
    assert done.returncode == 2 and "alone" in done.stderr
    assert not (tmp_path / CSV_NAME).exists()


def test_instance1_solved_to_607_the_proven_optimum():
    """Issue 7: the engine that rosters gates, through the converter, finds Instance1's
    optimum, and the independent evaluator (not the engine) says it costs 607 and breaks
    nothing. Deterministic, so the test does not hang on the machine's load; the limit is
    far above what it needs (about a second)."""
    instance = read_instance(instance_path(1))
    solved = solve_instance(instance, SolveOptions(time_limit_s=30, workers=2, deterministic=True),
                            read_best_known(BENCHMARK_DIR / "best_known.csv")["Instance1"])
    assert solved.evaluation is not None and solved.evaluation.violations == ()
    assert solved.evaluation.objective == 607
    assert solved.row.engine_objective == 607 and solved.row.bound == 607 and solved.row.status == "OPTIMAL"
    assert solved.row.verdict == "feasible" and solved.row.gap_percent == 0.0


def test_repeated_runs_each_seed_their_row_and_file_and_the_median(tmp_path):
    out = io.StringIO()
    rows = run([1], time_limit=0.3, workers=[1], out_dir=tmp_path, deterministic=True, stream=out, repeat=3, seed=4)
    assert [r.seed for r in rows] == [4, 5, 6]
    # One roster file per run, each named by its seed and each the answer of its row.
    assert sorted(r.roster_file for r in rows) == sorted(roster_file_name("Instance1", 1, s) for s in (4, 5, 6))
    instance = read_instance(instance_path(1))
    for row in rows:
        assert evaluate(instance, read_roster(tmp_path / row.roster_file, instance)).objective == row.objective
    with open(tmp_path / CSV_NAME, newline="", encoding="utf-8") as f:
        assert [int(w["seed"]) for w in csv.DictReader(f)] == [4, 5, 6]
    text = out.getvalue()
    assert "seeds 4–6" in text.splitlines()[0]
    objectives = sorted(r.objective for r in rows)
    (median,) = [line for line in text.splitlines() if line.startswith("Instance1 ") and "runs)" in line]
    assert median.split()[2] == f"{objectives[1]:g}"
    assert f"({objectives[0]}–{objectives[2]}, 3 of 3 runs)" in median


def test_the_median_of_runs_with_and_without_answers():
    from solver.ssb.bench import median_lines

    def row(objective, seed):
        return Row("Instance9", 2, 60.0, objective, 439, gap_to_best(objective, 439), None, None, 60.0,
                   "FEASIBLE" if objective else "UNKNOWN", "feasible" if objective else "no answer", objective, None,
                   seed=seed)

    lines = median_lines([row(450, 0), row(None, 1), row(439, 2), row(470, 3)])
    assert lines == ["Instance9        2 450 (439–470, 3 of 4 runs) gap 2.51 %"]
    assert median_lines([row(None, 0)]) == ["Instance9        2 no answer in 1 run(s)"]
    lines = median_lines([row(440, 0), row(450, 1)])
    assert lines[0].split()[2] == "445"  # an even count: the mean of the middle two
