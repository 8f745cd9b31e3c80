"""Fuzzing the scenario and roster files (hypothesis): whatever a file holds, reading it
either gives a valid object or a `FileFormatError` naming what is wrong, never another
exception; and the solver, given anything that was read, answers without crashing."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roster_app.demo import demo_scenario
from solver.fileformat import FileFormatError, load_roster, load_scenario, roster_to_dict, scenario_to_dict
from solver.scenario import Roster
from tests.persistence.conftest import WEEK

SCENARIO = scenario_to_dict(demo_scenario(WEEK))
ROSTER = roster_to_dict(Roster("玉带路社区", "FEASIBLE", ()))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12) | st.sampled_from(["", "east", "am", "v01", "2026-11-23", "06:00", "25:61", "all"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _paths(v, prefix + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _paths(v, prefix + (i,))
    return out


@st.composite
def mutated(draw: st.DrawFn, base: dict[str, Any]) -> dict[str, Any]:
    """`base` with a few values replaced, keys dropped or junk added at random places."""
    data = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 4))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "drop", "add"]))
        if action == "drop" and isinstance(parent, dict):
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.text(max_size=8))] = draw(json_values)
        else:
            parent[path[-1]] = draw(json_values)
    return data


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(mutated(SCENARIO))
def test_a_damaged_scenario_is_read_or_refused_clearly(data: dict[str, Any]) -> None:
    try:
        scenario = load_scenario(data)
    except FileFormatError as exc:
        assert exc.problems and all(p.message for p in exc.problems)
        return
    assert scenario_to_dict(scenario)  # what was read can be written back


@FUZZ
@given(mutated(ROSTER))
def test_a_damaged_roster_is_read_or_refused_clearly(data: dict[str, Any]) -> None:
    try:
        load_roster(data)
    except FileFormatError as exc:
        assert exc.problems


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=200).map(lambda t: t.encode("utf-8")))
def test_any_bytes_as_a_scenario_file(tmp_path_factory, raw: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "s.json"
    path.write_bytes(raw)
    try:
        load_scenario(path)
    except FileFormatError as exc:
        assert str(path) in str(exc) or exc.problems


def test_the_unmutated_files_read() -> None:
    assert load_scenario(json.loads(json.dumps(SCENARIO))).name == "玉带路社区"
    assert load_roster(ROSTER).status == "FEASIBLE"


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(SCENARIO))
def test_whatever_is_read_is_solved_or_explained(data: dict[str, Any]) -> None:
    """A file that reads is a scenario the solver must answer (roster or conflicts), and the
    answer must pass the independent validator."""
    from solver.model import SolveOptions, solve
    from solver.validate import validate

    try:
        scenario = load_scenario(data)
    except FileFormatError:
        return
    roster = solve(scenario, SolveOptions(time_limit_s=1.0, workers=2))
    assert roster.status in ("OPTIMAL", "FEASIBLE", "INFEASIBLE", "UNKNOWN")
    if roster.status != "UNKNOWN":
        assert validate(scenario, roster) == []
