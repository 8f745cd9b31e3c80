"""The `gateroster` command line, run as a clerk or a script would run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from solver.fileformat import load_roster, load_scenario
from solver.validate import validate

ROOT = Path(__file__).resolve().parents[1]


def gateroster(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "roster_app.cli", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env=env,
    )


def test_demo_solve_check(tmp_path):
    scenario_file, roster_file = tmp_path / "demo.json", tmp_path / "roster.json"
    out = gateroster("demo", "-o", str(scenario_file), "--week", "2026-11-25")
    assert out.returncode == 0, out.stderr
    scenario = load_scenario(scenario_file)
    assert scenario.name == "玉带路社区" and scenario.start_date.isoformat() == "2026-11-23"

    out = gateroster("solve", str(scenario_file), "-o", str(roster_file), "--time-limit", "8")
    assert out.returncode == 0, out.stderr
    assert "status:     OPTIMAL" in out.stdout or (
        "status:     FEASIBLE" in out.stdout and "coverage:   proven" in out.stdout)
    assert "  term " in out.stdout  # what the preferences cost is shown
    assert "shortages:" in out.stdout and "time:" in out.stdout
    roster = load_roster(roster_file)
    assert validate(scenario, roster) == []
    assert len(roster.assignments) > 100

    out = gateroster("check", str(scenario_file), str(roster_file))
    assert out.returncode == 0 and "OK" in out.stdout


def test_check_reports_violations_and_fails(tmp_path):
    scenario_file, roster_file = tmp_path / "demo.json", tmp_path / "roster.json"
    gateroster("demo", "-o", str(scenario_file), "--week", "2026-11-23")
    scenario = json.loads(scenario_file.read_text("utf-8"))
    employed = next(v for v in scenario["volunteers"] if v["employed"])
    roster = {
        "format": "gateroster.roster/1", "scenario": scenario["name"], "status": "FEASIBLE",
        "assignments": [{"volunteer": employed["id"], "gate": "east", "date": "2026-11-23", "slot": "am"}],
    }
    roster_file.write_text(json.dumps(roster), encoding="utf-8")
    out = gateroster("check", str(scenario_file), str(roster_file))
    assert out.returncode == 1
    assert "[employed_in_working_hours]" in out.stdout
    assert "[shortage_unreported]" in out.stdout


def test_bad_scenario_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "gateroster.scenario/1", "name": "x"}', encoding="utf-8")
    out = gateroster("solve", str(bad), "-o", str(tmp_path / "r.json"))
    assert out.returncode == 2
    assert "bad.json" in out.stderr and "'start_date' is a required property" in out.stderr
    assert "Traceback" not in out.stderr
    assert not (tmp_path / "r.json").exists()


def test_window_without_a_display_says_how_to_start_it():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = gateroster(env=env)
    assert out.returncode == 2
    assert "xvfb-run" in out.stderr and "Traceback" not in out.stderr


def test_bench_prints_its_table():
    out = gateroster("bench", "--repeat", "1", "--workers", "8", "--time-limit", "5")
    assert out.returncode == 0, out.stderr
    header, v2, v1 = out.stdout.strip().splitlines()[-3:]
    assert header.split()[:3] == ["objective", "workers", "first"]
    for row, label in ((v2, "v2"), (v1, "v1")):
        objective_kind, workers, first, optimum, status, objective, coverage = row.split()
        assert objective_kind == label and workers == "8" and status in ("OPTIMAL", "FEASIBLE")
        assert 0 < float(first) < 5  # the demo week has an answer well within the limit
        assert optimum == ">5.0" if status == "FEASIBLE" else float(optimum) <= 5
        assert int(objective) >= 0 and coverage == "proven"
    assert v1.split()[4] == "OPTIMAL"  # version 1's objective is proven on the demo week


def test_repair_after_a_drop_out(tmp_path):
    scenario_file, roster_file = tmp_path / "demo.json", tmp_path / "roster.json"
    gateroster("demo", "-o", str(scenario_file), "--week", "2026-11-23")
    assert gateroster("solve", str(scenario_file), "-o", str(roster_file), "--time-limit", "5").returncode == 0
    roster = json.loads(roster_file.read_text("utf-8"))
    scenario = json.loads(scenario_file.read_text("utf-8"))
    gone = roster["assignments"][0]
    person = next(v for v in scenario["volunteers"] if v["id"] == gone["volunteer"])
    person["unavailable_dates"] = sorted(set(person.get("unavailable_dates", [])) | {gone["date"]})
    scenario["previous"] = roster["assignments"]
    dropped_file, repaired_file = tmp_path / "dropped.json", tmp_path / "repaired.json"
    dropped_file.write_text(json.dumps(scenario, ensure_ascii=False), encoding="utf-8")

    out = gateroster("solve", str(dropped_file), "-o", str(repaired_file), "--repair", "--time-limit", "10")
    assert out.returncode == 0, out.stderr
    repaired = load_roster(repaired_file)
    assert validate(load_scenario(dropped_file), repaired) == []
    key = lambda a: (a["volunteer"], a["gate"], a["date"], a["slot"])  # noqa: E731
    before = {key(a) for a in roster["assignments"]}
    after = {(a.volunteer, a.gate, a.date.isoformat(), a.slot) for a in repaired.assignments}
    # Only the drop-out's posts that day went, and only their posts were refilled.
    lost = {k for k in before if k[0] == gone["volunteer"] and k[2] == gone["date"]}
    assert before - after == lost
    assert {k[1:] for k in after - before} <= {k[1:] for k in lost}
