"""Scenario and roster files: the spec's own example reads, round trips are exact, and a bad
file is refused with every problem named by its place in the file."""

from __future__ import annotations

import copy
import datetime as dt
import json

import jsonschema
import pytest

from solver.fileformat import (
    FileFormatError,
    load_roster,
    load_scenario,
    roster_to_dict,
    save_roster,
    save_scenario,
    scenario_from_dict,
    scenario_to_dict,
    schema,
)
from solver.scenario import Assignment, Conflict, Needs, Roster, Shortage, Shortfall, TermCost

SPEC_EXAMPLE = {
    "format": "gateroster.scenario/1",
    "name": "玉带路社区",
    "start_date": "2026-11-23",
    "days": 7,
    "working_hours": {"start": "08:00", "end": "18:00"},
    "calendar": {"workdays": ["2026-11-29"], "rest_days": ["2026-11-24"]},
    "rules": {"max_slots_per_day": 2, "default_max_hours_per_week": 12},
    "slots": [
        {"id": "early", "name": "早班", "start": "06:00", "end": "08:00"},
        {"id": "am", "name": "上午", "start": "08:00", "end": "12:00"},
        {"id": "pm", "name": "下午", "start": "12:00", "end": "18:00"},
        {"id": "eve", "name": "晚班", "start": "18:00", "end": "22:00"},
    ],
    "gates": [
        {"id": "east", "name": "东门",
         "demand": [{"slot": "early", "min": 2, "max": 3, "days": "all"},
                    {"slot": "am", "min": 1, "max": 2, "days": "workdays"}],
         "needs": {"party_member": 1, "skills": {"translation": 1}}}
    ],
    "volunteers": [
        {"id": "v01", "name": "张桂兰", "party_member": True, "employed": False,
         "minor": False, "skills": ["temperature"], "building": "3号楼",
         "max_hours_per_week": 10,
         "available": {"mon": ["am", "pm"], "tue": ["am"], "sat": ["early", "am", "pm", "eve"]},
         "unavailable_dates": ["2026-11-25"],
         "preferred_gates": ["east"]}
    ],
    "pinned": [{"volunteer": "v01", "gate": "east", "date": "2026-11-23", "slot": "am"}],
    "previous": [],
}


def broken(**edits) -> dict:
    data = copy.deepcopy(SPEC_EXAMPLE)
    for path, value in edits.items():
        target = data
        keys = path.split("__")
        for key in keys[:-1]:
            target = target[int(key)] if key.isdigit() else target[key]
        last = keys[-1]
        if value is KeyError:
            del target[last]
        else:
            target[int(last) if last.isdigit() else last] = value
    return data


def problems_of(data) -> list[str]:
    with pytest.raises(FileFormatError) as info:
        scenario_from_dict(data)
    return [str(p) for p in info.value.problems]


def test_the_spec_example_reads():
    s = load_scenario(SPEC_EXAMPLE)
    assert s.name == "玉带路社区" and s.days == 7 and len(s.dates) == 7
    assert s.slot("early").start == 6 * 60 and s.slot("eve").end == 22 * 60
    v = s.volunteer("v01")
    assert v.available["sat"] == ("early", "am", "pm", "eve") and "wed" not in v.available
    assert v.unavailable_dates == frozenset({dt.date(2026, 11, 25)})
    assert s.gate("east").needs == Needs(1, {"translation": 1})
    assert s.pinned == (Assignment("v01", "east", dt.date(2026, 11, 23), "am", pinned=True),)
    assert dt.date(2026, 11, 29) in s.calendar.workdays


def test_round_trip_through_a_file_is_exact(tmp_path):
    s = load_scenario(SPEC_EXAMPLE)
    path = tmp_path / "s.json"
    save_scenario(s, path)
    assert load_scenario(path) == s
    written = json.loads(path.read_text("utf-8"))
    jsonschema.validate(written, schema("scenario", 1))
    assert "张桂兰" in path.read_text("utf-8")  # Chinese kept readable, not \\u-escaped


def test_missing_optional_fields_take_their_defaults():
    data = broken(rules=KeyError, calendar=KeyError, pinned=KeyError, previous=KeyError)
    for key in ("minor", "skills", "building", "max_hours_per_week", "unavailable_dates", "preferred_gates"):
        del data["volunteers"][0][key]
    s = scenario_from_dict(data)
    v = s.volunteers[0]
    assert (v.minor, v.skills, v.max_hours_per_week, v.preferred_gates) == (False, (), None, ())
    assert s.rules.max_slots_per_day is None and s.pinned == ()


@pytest.mark.parametrize(
    "edits, expected",
    [
        ({"volunteers__0__nickname": "阿兰"}, "volunteers[0]: unknown field(s) 'nickname'"),
        ({"colour": "red"}, "unknown field(s) 'colour'"),
        ({"start_date": "2026-13-01"}, "start_date: '2026-13-01' is not a real date"),
        ({"start_date": "23.11.2026"}, "start_date: '23.11.2026' is not in the expected form (YYYY-MM-DD)"),
        ({"slots__0__start": "6:00"}, "slots[0].start: '6:00' is not in the expected form (HH:MM)"),
        ({"slots__0__end": "05:00"}, "slots[0]: end 05:00 must be later than start 06:00"),
        ({"format": "gateroster.scenario/9"}, "format: 'gateroster.scenario/9' is not a format this program reads"),
        ({"volunteers__0__available": {"mon": ["night"]}}, "volunteers[0].available.mon[0]: unknown slot id 'night'"),
        ({"volunteers__0__available": {"monday": ["am"]}}, "volunteers[0].available: unknown field(s) 'monday'"),
        ({"volunteers__0__employed": "yes"}, "volunteers[0].employed: 'yes' is not of type 'boolean'"),
        ({"volunteers__0__name": KeyError}, "volunteers[0]: 'name' is a required property"),
        ({"gates__0__demand__0__max": 1}, "gates[0].demand[0].max: max 1 is below min 2"),
        ({"gates__0__demand__1__slot": "noon"}, "gates[0].demand[1].slot: unknown slot id 'noon'"),
        ({"pinned": [{"volunteer": "v99", "gate": "east", "date": "2026-11-23", "slot": "am"}]},
         "pinned[0].volunteer: unknown volunteer id 'v99'"),
        ({"volunteers__0__preferred_gates": ["south"]}, "volunteers[0].preferred_gates[0]: unknown gate id 'south'"),
        ({"calendar": {"workdays": ["2026-11-24"], "rest_days": ["2026-11-24"]}},
         "calendar: 2026-11-24 is listed both as a workday and as a rest day"),
        ({"days": 0}, "days: 0 is less than the minimum of 1"),
    ],
)
def test_bad_file_names_the_field_and_value(edits, expected):
    found = problems_of(broken(**edits))
    assert any(expected in p for p in found), found


def test_duplicate_ids_are_refused():
    data = broken()
    data["volunteers"].append(copy.deepcopy(data["volunteers"][0]))
    assert "volunteers[1].id: duplicate id 'v01'" in problems_of(data)


def test_every_problem_is_reported_at_once():
    data = broken(volunteers__0__available={"mon": ["night"]}, gates__0__demand__1__slot="noon")
    assert len(problems_of(data)) == 2


def test_unreadable_files(tmp_path):
    not_json = tmp_path / "a.json"
    not_json.write_text("{ 'single': quotes }", encoding="utf-8")
    with pytest.raises(FileFormatError, match=r"(?s)a.json.*not valid JSON.*line 1, column 3"):
        load_scenario(not_json)
    latin = tmp_path / "b.json"
    latin.write_bytes("名".encode("gbk"))
    with pytest.raises(FileFormatError, match="not UTF-8"):
        load_scenario(latin)
    with pytest.raises(FileFormatError, match="cannot read the file"):
        load_scenario(tmp_path / "missing.json")
    a_list = tmp_path / "c.json"
    a_list.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(FileFormatError, match="is not of type 'object'"):
        load_scenario(a_list)


def test_roster_round_trip_with_shortages_conflicts_and_warnings(tmp_path):
    roster = Roster(
        "玉带路社区", "INFEASIBLE",
        (Assignment("v01", "east", dt.date(2026, 11, 23), "am", pinned=True),),
        (Shortage("east", dt.date(2026, 11, 24), "early", 1, Needs(1, {"translation": 1}), "只有 1 人可值班"),),
        objective=1234, bound=1200, wall_time_s=0.42,
        warnings=("2027 calendar unknown",),
        conflicts=(Conflict("pin_unavailable", "锁定的安排无法保留",
                            (Assignment("v01", "east", dt.date(2026, 11, 25), "am", True),)),),
    )
    path = tmp_path / "r.json"
    save_roster(roster, path)
    jsonschema.validate(json.loads(path.read_text("utf-8")), schema("roster", 1))
    assert load_roster(path) == roster


def test_roster_shape_matches_the_spec_example():
    roster = Roster("玉带路社区", "OPTIMAL", (Assignment("v01", "east", dt.date(2026, 11, 23), "am", True),),
                    (Shortage("east", dt.date(2026, 11, 24), "early", 1, Needs(1, {"translation": 1}), "why"),),
                    1234, 1234, 0.42)
    data = roster_to_dict(roster)
    assert data == {
        "format": "gateroster.roster/1", "scenario": "玉带路社区", "status": "OPTIMAL",
        "objective": 1234, "bound": 1234, "wall_time_s": 0.42,
        "assignments": [{"volunteer": "v01", "gate": "east", "date": "2026-11-23", "slot": "am", "pinned": True}],
        "shortages": [{"gate": "east", "date": "2026-11-24", "slot": "early", "missing": 1,
                       "unmet_needs": {"party_member": 1, "skills": {"translation": 1}}, "reason": "why"}],
    }


def test_bad_roster_is_refused():
    with pytest.raises(FileFormatError, match=r"status: 'DONE' is not one of"):
        load_roster({"format": "gateroster.roster/1", "scenario": "x", "status": "DONE", "assignments": []})


# --- version 2 ----------------------------------------------------------------------------

def v2(**changes) -> dict:
    data = copy.deepcopy(SPEC_EXAMPLE)
    data["format"] = "gateroster.scenario/2"
    data.update(changes)
    return data


def test_version_2_fields_read():
    data = v2(
        rules={"max_slots_per_day": 2, "min_posts_registered": 2, "minor_max_hours_per_week": 6,
               "max_consecutive_days": 5, "min_rest_hours": 10, "kind_max_hours_per_week": {"employed_party": 8},
               "history_weeks": 4},
        weights={"changes": 7},
    )
    data["volunteers"][0].update(kind="employed_party", registered=True, allowed_gates=["east"],
                                 preferred_slots=["eve"], recent_hours=30)
    s = scenario_from_dict(data)
    assert s.rules.min_posts_registered == 2 and s.rules.minor_latest_end == 20 * 60  # the version-2 default
    assert s.rules.kind_max_hours_per_week == {"employed_party": 8} and s.rules.min_rest_hours == 10
    assert s.weights["changes"] == 7 and s.weights["hours_spread"] == 50  # others keep their defaults
    v = s.volunteers[0]
    assert (v.kind, v.registered, v.allowed_gates, v.preferred_slots, v.recent_hours) == (
        "employed_party", True, ("east",), ("eve",), 30)


def test_version_1_keeps_its_meaning():
    s = load_scenario(SPEC_EXAMPLE)
    assert s.rules.minor_latest_end is None and s.weights is None
    assert s.volunteers[0].allowed_gates is None
    assert scenario_to_dict(s)["format"] == "gateroster.scenario/1"


def test_version_2_round_trip_keeps_an_explicit_no_minor_limit(tmp_path):
    data = v2(rules={"minor_latest_end": None, "history_weeks": 2}, weights={"gate_switches": 0})
    data["volunteers"][0].update(allowed_gates=[], recent_hours=12.5)
    s = scenario_from_dict(data)
    assert s.rules.minor_latest_end is None and s.volunteers[0].allowed_gates == ()
    path = tmp_path / "s2.json"
    save_scenario(s, path)
    written = json.loads(path.read_text("utf-8"))
    assert written["format"] == "gateroster.scenario/2"
    jsonschema.validate(written, schema("scenario", 2))
    assert load_scenario(path) == s


@pytest.mark.parametrize(
    "changes, expected",
    [
        ({"weights": {"speed": 3}}, "weights: unknown field(s) 'speed'"),
        ({"weights": {"changes": -1}}, "weights.changes: -1 is less than the minimum of 0"),
        ({"rules": {"minor_latest_end": "8pm"}}, "rules.minor_latest_end"),
    ],
)
def test_version_2_bad_values(changes, expected):
    assert any(expected in p for p in problems_of(v2(**changes))), problems_of(v2(**changes))


def test_version_2_unknown_references():
    data = v2()
    data["volunteers"][0].update(allowed_gates=["moon"], preferred_slots=["noon"])
    found = problems_of(data)
    assert "volunteers[0].allowed_gates[0]: unknown gate id 'moon'" in found
    assert "volunteers[0].preferred_slots[0]: unknown slot id 'noon'" in found


def test_version_1_refuses_version_2_fields():
    data = copy.deepcopy(SPEC_EXAMPLE)
    data["volunteers"][0]["registered"] = True
    assert any("unknown field(s) 'registered'" in p for p in problems_of(data))


def test_roster_version_2_terms_and_shortfalls(tmp_path):
    roster = Roster("玉带路社区", "OPTIMAL", objective=2020, bound=2020,
                    terms=(TermCost("missing_people", 2, 1000), TermCost("nonemployed_off_hours", 1, 20)),
                    shortfalls=(Shortfall("v07", 2, 1, "本周只有 1 个可值班的岗位"),))
    path = tmp_path / "r2.json"
    save_roster(roster, path)
    data = json.loads(path.read_text("utf-8"))
    assert data["format"] == "gateroster.roster/2"
    assert data["terms"][0] == {"name": "missing_people", "value": 2, "weight": 1000, "cost": 2000}
    jsonschema.validate(data, schema("roster", 2))
    assert load_roster(path) == roster
    data["terms"][1]["cost"] = 21
    with pytest.raises(FileFormatError, match=r"terms\[1\].cost: 21 is not value × weight"):
        load_roster(data)
