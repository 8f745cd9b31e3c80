"""Scenario files of version 3 (gateroster.scenario/3, issue 7): the documented example
reads into the objects it says, round trips are exact, the writer picks the lowest version
that holds a scenario, earlier versions keep their meaning and refuse the new fields, and
each kind of bad version-3 field is refused with its place in the file."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from solver.fileformat import (
    FileFormatError,
    load_roster,
    load_scenario,
    save_roster,
    save_scenario,
    scenario_from_dict,
    scenario_to_dict,
    scenario_version,
    schema,
)
from solver.scenario import (
    DEFAULT_WEIGHTS,
    WEEKDAY_KEYS,
    DemandRule,
    Gate,
    Request,
    Roster,
    Rules,
    Scenario,
    Slot,
    TermCost,
    Volunteer,
    WorkingHours,
)

DOC = Path(__file__).resolve().parents[2] / "docs" / "scenario-format.md"


def doc_example() -> dict[str, Any]:
    """The complete file of docs/scenario-format.md's "Version 3" section."""
    text = DOC.read_text("utf-8")
    section = text[text.index("# Version 3 (gateroster.scenario/3)"):]
    return json.loads(re.search(r"```json\n(.*?)```", section, re.S).group(1))


def problems_of(data: dict[str, Any]) -> list[str]:
    with pytest.raises(FileFormatError) as info:
        scenario_from_dict(data)
    return [str(p) for p in info.value.problems]


def test_the_documented_example_reads_as_it_says():
    s = load_scenario(doc_example())
    d = dt.date.fromisoformat
    assert s.coverage == "weighted"
    assert s.weights == {**DEFAULT_WEIGHTS, "over_cover": 1, "on_requests": 2, "off_requests": 3,
                         "missing_people": 1000, "unmet_needs": 500}
    assert s.rules.forbidden_sequences == (("eve", "early"),) and s.rules.max_consecutive_days == 6
    early, eve = s.gates[0].demand
    assert (early.under_weight, early.over_weight) == (2, 5) and (eve.under_weight, eve.over_weight) == (1, 0)
    v = s.volunteers[0]
    assert v.max_posts_by_slot == {"eve": 3}
    assert (v.max_minutes, v.min_minutes, v.max_consecutive_days) == (1200, 240, 4)
    assert (v.min_consecutive_days, v.min_consecutive_days_off, v.max_weekends) == (2, 2, 1)
    assert v.requests == (Request(d("2026-11-28"), "early", True, 3), Request(d("2026-11-25"), "eve", False, 1))


def test_the_documented_example_round_trips_exactly(tmp_path):
    s = load_scenario(doc_example())
    path = tmp_path / "s3.json"
    save_scenario(s, path)
    written = json.loads(path.read_text("utf-8"))
    assert written["format"] == "gateroster.scenario/3"
    jsonschema.validate(written, schema("scenario", 3))
    assert load_scenario(path) == s
    # Defaults are left out: the eve rule's weights, the second request's weight.
    assert set(written["gates"][0]["demand"][1]) == {"slot", "min", "max", "days"}
    assert written["volunteers"][0]["requests"][1] == {"date": "2026-11-25", "slot": "eve", "wanted": False}


def ssb_like() -> Scenario:
    """A scenario of the kind a benchmark instance becomes: slots from midnight, demand on
    explicit dates with weights, every version-3 limit, requests, weighted coverage."""
    start = dt.date(2024, 1, 1)
    dates = tuple(start + dt.timedelta(days=i) for i in range(14))
    slots = (Slot("E", "E", 0, 480), Slot("L", "L", 0, 600))
    demand = (DemandRule("E", 2, 3, dates[:7], under_weight=100, over_weight=1),
              DemandRule("E", 1, 3, dates[7:], under_weight=100, over_weight=0),
              DemandRule("L", 0, 3, dates, under_weight=0, over_weight=0))
    people = tuple(
        Volunteer(vid, vid, False, False, {k: ("E", "L") for k in WEEKDAY_KEYS},
                  unavailable_dates=frozenset({dates[3]}), max_posts_by_slot={"E": 10, "L": 0},
                  max_minutes=4800, min_minutes=None if vid == "B" else 960, max_consecutive_days=5,
                  min_consecutive_days=2, min_consecutive_days_off=None, max_weekends=0,
                  requests=(Request(dates[2], "E", True, 2), Request(dates[9], "L", False, 3)))
        for vid in ("A", "B", "C"))
    weights = {**dict.fromkeys(DEFAULT_WEIGHTS, 0), "missing_people": 1, "unmet_needs": 0, "over_cover": 1,
               "on_requests": 1, "off_requests": 1}
    return Scenario("Instance0", start, 14, WorkingHours(480, 1080), slots, (Gate("ward", "ward", demand),), people,
                    rules=Rules(max_slots_per_day=1, forbidden_sequences=(("L", "E"), ("L", "L"))),
                    weights=weights, coverage="weighted")


def test_a_benchmark_like_scenario_round_trips_exactly(tmp_path):
    s = ssb_like()
    path = tmp_path / "ssb.json"
    save_scenario(s, path)
    written = json.loads(path.read_text("utf-8"))
    assert written["format"] == "gateroster.scenario/3"
    jsonschema.validate(written, schema("scenario", 3))
    assert load_scenario(path) == s
    assert written["rules"]["forbidden_sequences"] == [["L", "E"], ["L", "L"]]
    assert written["volunteers"][1].get("min_minutes") is None and written["volunteers"][0]["min_minutes"] == 960


# --- which version is written ------------------------------------------------------------


def plain_v2() -> Scenario:
    s = ssb_like()
    volunteers = tuple(Volunteer(v.id, v.name, False, False, v.available) for v in s.volunteers)
    gates = (Gate("ward", "ward", tuple(DemandRule(d.slot, d.min, d.max, d.days) for d in s.gates[0].demand)),)
    return replace(s, volunteers=volunteers, gates=gates, rules=Rules(max_slots_per_day=1), coverage="first",
                   weights=dict(DEFAULT_WEIGHTS))


def with_volunteer(**fields: Any) -> Scenario:
    s = plain_v2()
    return replace(s, volunteers=(replace(s.volunteers[0], **fields), *s.volunteers[1:]))


def with_demand(**fields: Any) -> Scenario:
    s = plain_v2()
    gate = s.gates[0]
    return replace(s, gates=(replace(gate, demand=(replace(gate.demand[0], **fields), *gate.demand[1:])),))


@pytest.mark.parametrize("scenario", [
    pytest.param(lambda: with_volunteer(max_posts_by_slot={"E": 1}), id="max_posts_by_slot"),
    pytest.param(lambda: with_volunteer(max_minutes=0), id="max_minutes"),
    pytest.param(lambda: with_volunteer(min_minutes=0), id="min_minutes"),
    pytest.param(lambda: with_volunteer(max_consecutive_days=3), id="max_consecutive_days"),
    pytest.param(lambda: with_volunteer(min_consecutive_days=2), id="min_consecutive_days"),
    pytest.param(lambda: with_volunteer(min_consecutive_days_off=2), id="min_consecutive_days_off"),
    pytest.param(lambda: with_volunteer(max_weekends=0), id="max_weekends"),
    pytest.param(lambda: with_volunteer(requests=(Request(dt.date(2024, 1, 2), "E", False, 0),)), id="requests"),
    pytest.param(lambda: with_demand(under_weight=0), id="under_weight"),
    pytest.param(lambda: with_demand(over_weight=4), id="over_weight"),
    pytest.param(lambda: replace(plain_v2(), rules=Rules(forbidden_sequences=(("L", "E"),))),
                 id="forbidden_sequences"),
    pytest.param(lambda: replace(plain_v2(), coverage="weighted"), id="coverage"),
    pytest.param(lambda: replace(plain_v2(), weights={**DEFAULT_WEIGHTS, "off_requests": 1}), id="term_weight"),
])
def test_each_version_3_field_alone_makes_a_version_3_file(scenario, tmp_path):
    s = scenario()
    assert scenario_version(s) == 3
    path = tmp_path / "s.json"
    save_scenario(s, path)
    written = json.loads(path.read_text("utf-8"))
    assert written["format"] == "gateroster.scenario/3"
    jsonschema.validate(written, schema("scenario", 3))
    assert load_scenario(path) == s


def test_a_scenario_without_version_3_fields_is_written_as_version_2_or_1():
    s = plain_v2()
    assert scenario_version(s) == 2 and scenario_to_dict(s)["format"] == "gateroster.scenario/2"
    v1 = replace(s, weights=None, rules=Rules())
    assert scenario_version(v1) == 1 and scenario_to_dict(v1)["format"] == "gateroster.scenario/1"


# --- earlier versions keep their meaning ------------------------------------------------


def test_a_version_2_file_read_as_version_3_is_the_same_scenario():
    data = scenario_to_dict(plain_v2())
    as_v3 = {**copy.deepcopy(data), "format": "gateroster.scenario/3"}
    s2, s3 = scenario_from_dict(data), scenario_from_dict(as_v3)
    assert s2 == s3 == plain_v2()
    assert s3.coverage == "first" and s3.rules.forbidden_sequences == ()
    assert all(d.under_weight == 1 and d.over_weight == 0 for d in s3.gates[0].demand)
    assert scenario_to_dict(s3)["format"] == "gateroster.scenario/2"


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda d: d["volunteers"][0].update(requests=[]), "volunteers[0]: unknown field(s) 'requests'"),
    (lambda d: d["volunteers"][0].update(max_weekends=1), "volunteers[0]: unknown field(s) 'max_weekends'"),
    (lambda d: d["gates"][0]["demand"][0].update(over_weight=1),
     "gates[0].demand[0]: unknown field(s) 'over_weight'"),
    (lambda d: d["rules"].update(forbidden_sequences=[]), "rules: unknown field(s) 'forbidden_sequences'"),
    (lambda d: d.update(coverage="first"), "unknown field(s) 'coverage'"),
    (lambda d: d["weights"].update(on_requests=1), "weights: unknown field(s) 'on_requests'"),
])
def test_version_2_refuses_version_3_fields(edit, expected):
    data = scenario_to_dict(plain_v2())
    edit(data)
    assert expected in problems_of(data)


def test_version_1_refuses_them_too():
    data = scenario_to_dict(replace(plain_v2(), weights=None, rules=Rules()))
    assert data["format"] == "gateroster.scenario/1"
    data["volunteers"][0]["min_minutes"] = 10
    assert problems_of(data) == ["volunteers[0]: unknown field(s) 'min_minutes'"]


# --- bad version-3 fields, each at its place ---------------------------------------------


def bad(edit) -> list[str]:
    data = doc_example()
    edit(data)
    return problems_of(data)


def vol0(**fields: Any):
    return lambda d: d["volunteers"][0].update(fields)


def request0(**fields: Any):
    return lambda d: d["volunteers"][0]["requests"][0].update(fields)


@pytest.mark.parametrize(("edit", "expected"), [
    (request0(slot="X"), "volunteers[0].requests[0].slot: unknown slot id 'X'"),
    (request0(date="2026-11-31"), "volunteers[0].requests[0].date: '2026-11-31' is not a real date"),
    (request0(date="28/11/2026"),
     "volunteers[0].requests[0].date: '28/11/2026' is not in the expected form (YYYY-MM-DD)"),
    (request0(date="2026-12-07"),
     "volunteers[0].requests[0].date: 2026-12-07 is outside the horizon 2026-11-23–2026-12-06"),
    (request0(date="2026-11-22"),
     "volunteers[0].requests[0].date: 2026-11-22 is outside the horizon 2026-11-23–2026-12-06"),
    (request0(weight=-1), "volunteers[0].requests[0].weight: -1 is less than the minimum of 0"),
    (request0(wanted="yes"), "volunteers[0].requests[0].wanted: 'yes' is not of type 'boolean'"),
    (lambda d: d["volunteers"][0]["requests"][1].pop("wanted"),
     "volunteers[0].requests[1]: 'wanted' is a required property"),
    (request0(gate="east"), "volunteers[0].requests[0]: unknown field(s) 'gate'"),
    (vol0(max_posts_by_slot={"X": 1}), "volunteers[0].max_posts_by_slot.X: unknown slot id 'X'"),
    (vol0(max_posts_by_slot={"eve": -1}), "volunteers[0].max_posts_by_slot.eve: -1 is less than the minimum of 0"),
    (vol0(min_minutes=1300), "volunteers[0].min_minutes: min_minutes 1300 is above max_minutes 1200"),
    (vol0(max_minutes=1.5), "volunteers[0].max_minutes: 1.5 is not of type 'integer', 'null'"),
    (vol0(max_consecutive_days=0), "volunteers[0].max_consecutive_days: 0 is less than the minimum of 1"),
    (vol0(min_consecutive_days=0), "volunteers[0].min_consecutive_days: 0 is less than the minimum of 1"),
    (vol0(min_consecutive_days_off=0), "volunteers[0].min_consecutive_days_off: 0 is less than the minimum of 1"),
    (vol0(max_weekends=-1), "volunteers[0].max_weekends: -1 is less than the minimum of 0"),
    (lambda d: d["rules"].update(forbidden_sequences=[["eve", "X"]]),
     "rules.forbidden_sequences[0][1]: unknown slot id 'X'"),
    (lambda d: d["rules"].update(forbidden_sequences=[["eve"]]), "rules.forbidden_sequences[0]: ['eve'] is too short"),
    (lambda d: d["gates"][0]["demand"][0].update(over_weight=-2),
     "gates[0].demand[0].over_weight: -2 is less than the minimum of 0"),
    (lambda d: d["gates"][0]["demand"][1].update(under_weight="2"),
     "gates[0].demand[1].under_weight: '2' is not of type 'integer'"),
    (lambda d: d.update(coverage="strict"), "coverage: 'strict' is not one of ['first', 'weighted']"),
    (lambda d: d["weights"].update(over_cover=-1), "weights.over_cover: -1 is less than the minimum of 0"),
    (lambda d: d.pop("coverage"),
     'weights.missing_people: weighs coverage only when "coverage" is "weighted" (coverage comes first otherwise)'),
])
def test_a_bad_version_3_field_is_refused_at_its_place(edit, expected):
    found = bad(edit)
    assert expected in found, found


def test_every_problem_is_reported_at_once():
    def edit(d):
        d["volunteers"][0]["requests"][0]["slot"] = "X"
        d["volunteers"][0]["max_posts_by_slot"] = {"Y": 1}
        d["rules"]["forbidden_sequences"] = [["Z", "early"]]
        d["coverage"] = "first"
    assert bad(edit) == [
        "volunteers[0].max_posts_by_slot.Y: unknown slot id 'Y'",
        "volunteers[0].requests[0].slot: unknown slot id 'X'",
        "rules.forbidden_sequences[0][0]: unknown slot id 'Z'",
        'weights.missing_people: weighs coverage only when "coverage" is "weighted" (coverage comes first otherwise)',
        'weights.unmet_needs: weighs coverage only when "coverage" is "weighted" (coverage comes first otherwise)',
    ]


def test_a_bad_start_date_does_not_put_every_request_outside_the_horizon():
    found = bad(lambda d: d.update(start_date="2026-02-30"))
    assert found == ["start_date: '2026-02-30' is not a real date"]


# --- the roster file is unchanged --------------------------------------------------------


def test_a_roster_with_version_3_terms_is_a_version_2_roster(tmp_path):
    roster = Roster("玉带路社区", "FEASIBLE", objective=2031, bound=0,
                    terms=(TermCost("missing_people", 2, 1000), TermCost("over_cover", 5, 1),
                           TermCost("on_requests", 3, 2), TermCost("off_requests", 4, 5)))
    path = tmp_path / "r.json"
    save_roster(roster, path)
    data = json.loads(path.read_text("utf-8"))
    assert data["format"] == "gateroster.roster/2"
    jsonschema.validate(data, schema("roster", 2))
    assert load_roster(path) == roster
