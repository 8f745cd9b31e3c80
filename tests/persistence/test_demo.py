"""The demo community is plausible: the party-member rule, enough hands, a sane mix of people.

These figures are recomputed here from the plain data, without the solver, so a change to
the demo that makes its week uncoverable (or its people implausible) fails loudly.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest

from roster_app.demo import (
    DEMO_CONTACT,
    GATE_OF_BUILDING,
    demo_scenario,
    demo_volunteer_details,
    demo_volunteer_kinds,
)
from roster_app.kinds import KIND_LABELS
from solver.scenario import DEFAULT_WEIGHTS, WEEKDAY_KEYS, Rules, Scenario, Volunteer
from solver.workdays import workday_flags
from solver.model import SolveOptions, solve_with_stats
from solver.validate import validate
from tests.persistence.conftest import WEEK

# An ordinary week, the National Day week (rest days on workdays) and one with an adjusted
# working Saturday (调休), so the demand rules by workday are exercised both ways.
WEEKS = [WEEK, dt.date(2026, 9, 28), dt.date(2026, 10, 5)]


def min_demand_hours(scenario: Scenario) -> float:
    flags, _ = workday_flags(scenario.dates, scenario.calendar)
    total = 0
    for gate in scenario.gates:
        for date in scenario.dates:
            demand: dict[str, int] = {}
            for rule in gate.demand:  # later rules replace earlier ones
                applies = (
                    rule.days == "all"
                    or (rule.days == "workdays" and flags[date])
                    or (rule.days == "rest_days" and not flags[date])
                    or (isinstance(rule.days, tuple) and date in rule.days)
                )
                if applies:
                    demand[rule.slot] = rule.min
            total += sum(n * scenario.slot(slot).minutes for slot, n in demand.items())
    return total / 60


def usable_slots(scenario: Scenario, v: Volunteer, date: dt.date, workday: bool) -> list[int]:
    """Minutes of each slot the volunteer may take that day under the hard rules."""
    if date in v.unavailable_dates:
        return []
    wh = scenario.working_hours
    out = []
    for slot_id in v.available.get(WEEKDAY_KEYS[date.weekday()], ()):
        slot = scenario.slot(slot_id)
        if v.employed and workday and slot.start < wh.end and wh.start < slot.end:
            continue
        out.append(slot.minutes)
    return out


def available_hours(scenario: Scenario, capped: bool) -> float:
    """Volunteer-hours on offer; `capped` applies slots per day and hours per week."""
    flags, _ = workday_flags(scenario.dates, scenario.calendar)
    total = 0.0
    for v in scenario.volunteers:
        minutes = 0
        for date in scenario.dates:
            slots = sorted(usable_slots(scenario, v, date, flags[date]), reverse=True)
            minutes += sum(slots[: scenario.rules.max_slots_per_day] if capped else slots)
        cap = v.max_hours_per_week if v.max_hours_per_week is not None else scenario.rules.default_max_hours_per_week
        total += min(minutes / 60, cap) if capped and cap is not None else minutes / 60
    return total


@pytest.mark.parametrize("week_start", WEEKS)
def test_enough_hands_for_the_week(week_start: dt.date) -> None:
    scenario = demo_scenario(week_start)
    demand = min_demand_hours(scenario)
    assert 350 <= demand <= 500
    assert available_hours(scenario, capped=False) >= 1.5 * demand
    # Even within everyone's caps there is room to spare, so shortages stay rare.
    assert available_hours(scenario, capped=True) >= 1.05 * demand


def test_employed_people_offer_no_working_hours_on_weekdays() -> None:
    scenario = demo_scenario(WEEK)
    wh = scenario.working_hours
    daytime = {s.id for s in scenario.slots if s.start < wh.end and wh.start < s.end}
    assert daytime == {"am", "pm"}
    employed = [v for v in scenario.volunteers if v.employed]
    assert len(employed) >= 14
    for v in employed:
        for key in WEEKDAY_KEYS[:5]:
            assert not daytime & set(v.available.get(key, ())), f"{v.id} {v.name} lists daytime on {key}"
    # …but they do serve at weekends, and in the commute slots on workdays.
    assert any(daytime & set(v.available.get("sat", ()) + v.available.get("sun", ())) for v in employed)
    assert sum("early" in v.available.get("mon", ()) for v in employed) >= 5


def test_the_mix_of_people() -> None:
    scenario = demo_scenario(WEEK)
    kinds = demo_volunteer_kinds()
    assert [v.id for v in scenario.volunteers] == [f"v{i:02d}" for i in range(1, len(scenario.volunteers) + 1)]
    assert 34 <= len(scenario.volunteers) <= 38
    assert set(kinds) == {v.id for v in scenario.volunteers}
    count = Counter(kinds.values())
    assert set(count) == set(KIND_LABELS)
    assert 10 <= count["employed_party"] <= 12 and 8 <= count["nonemployed_party"] <= 10
    assert 2 <= count["minor"] <= 3
    facts = {
        "employed_party": (True, True), "nonemployed_party": (True, False), "cadre": (True, True),
        "minor": (False, False), "youth": (False, False),
    }
    for v in scenario.volunteers:
        kind = kinds[v.id]
        assert v.minor == (kind == "minor")
        if kind in facts:
            assert (v.party_member, v.employed) == facts[kind], v.id
        if kind == "community_worker":
            assert not v.employed  # on duty in the community during working hours
    assert len({v.name for v in scenario.volunteers}) == len(scenario.volunteers)
    skills = Counter(s for v in scenario.volunteers for s in v.skills)
    assert skills["translation"] >= 1 and skills["medical"] >= 1 and skills["psychology"] >= 1


def test_minors_serve_only_at_weekends_in_daylight_with_low_caps() -> None:
    scenario = demo_scenario(WEEK)
    for v in (v for v in scenario.volunteers if v.minor):
        assert set(v.available) <= {"sat", "sun"}
        assert all(set(slots) <= {"am", "pm"} for slots in v.available.values())
        assert v.max_hours_per_week is not None and v.max_hours_per_week <= 6


def test_details_buildings_preferences_and_dates() -> None:
    scenario = demo_scenario(WEEK)
    details = demo_volunteer_details()
    phones = [d.phone for d in details.values()]
    assert all(p and re.fullmatch(r"1[358]\d{9}", p) for p in phones)
    assert len(set(phones)) == len(phones)
    for v in scenario.volunteers:
        assert details[v.id].building == v.building and re.fullmatch(r"\d{1,2}号楼", v.building or "")
        assert details[v.id].grid and details[v.id].kind == demo_volunteer_kinds()[v.id]
        assert v.unavailable_dates <= set(scenario.dates)
        assert v.max_hours_per_week is None or 6 <= v.max_hours_per_week <= 16
    preferring = sum(bool(v.preferred_gates) for v in scenario.volunteers)
    assert 0.3 <= preferring / len(scenario.volunteers) <= 0.7
    assert sum(bool(v.unavailable_dates) for v in scenario.volunteers) >= 2
    assert "玉带路社区" in DEMO_CONTACT


def test_gates_slots_and_rules() -> None:
    scenario = demo_scenario(WEEK)
    assert [(g.id, g.name) for g in scenario.gates] == [("east", "东门"), ("south", "南门"), ("west", "西门"), ("north", "北门")]
    assert [(s.id, s.name, s.label) for s in scenario.slots] == [
        ("early", "早班", "06:00–08:00"), ("am", "上午", "08:00–12:00"),
        ("pm", "下午", "12:00–18:00"), ("eve", "晚班", "18:00–22:00"),
    ]
    assert (scenario.working_hours.start, scenario.working_hours.end) == (8 * 60, 18 * 60)
    assert (scenario.rules.max_slots_per_day, scenario.rules.default_max_hours_per_week) == (2, 12)
    east = scenario.gate("east")
    assert east.needs.party_member == 1 and all(r.min >= 1 for r in east.demand)
    assert all(g.needs.is_empty() for g in scenario.gates[1:])
    assert all(r.days == "workdays" for r in scenario.gate("north").demand)
    assert "early" not in {r.slot for r in scenario.gate("west").demand}


def test_a_version_2_community() -> None:
    scenario = demo_scenario(WEEK)
    kinds = demo_volunteer_kinds()
    assert scenario.weights == DEFAULT_WEIGHTS
    assert scenario.rules == Rules(
        max_slots_per_day=2, default_max_hours_per_week=12, min_posts_registered=2, minor_latest_end=20 * 60,
        minor_max_hours_per_week=6, max_consecutive_days=6, min_rest_hours=10, history_weeks=4,
    )
    assert all(v.kind == kinds[v.id] for v in scenario.volunteers)
    registered = [v for v in scenario.volunteers if v.registered]
    assert {v.id for v in registered} == {v.id for v in scenario.volunteers if v.kind in ("employed_party", "cadre")}
    # Registered people can stand their two posts: enough usable slots on different days.
    flags, _ = workday_flags(scenario.dates, scenario.calendar)
    for v in registered:
        days = sum(bool(usable_slots(scenario, v, d, flags[d])) for d in scenario.dates)
        assert days >= scenario.rules.min_posts_registered, v.id
    # Minors' slots end by 20:00, so the rule never keeps them from a slot they offered.
    for v in (v for v in scenario.volunteers if v.minor):
        assert all(scenario.slot(x).end <= scenario.rules.minor_latest_end
                   for slots in v.available.values() for x in slots)


def test_a_few_restricted_gates_and_preferred_slots() -> None:
    scenario = demo_scenario(WEEK)
    restricted = [v for v in scenario.volunteers if v.allowed_gates is not None]
    assert 2 <= len(restricted) <= 4
    for v in restricted:
        # Elderly retired people, only at the gate by their building, which is open in their slots.
        assert v.kind == "nonemployed_party" and v.allowed_gates == v.preferred_gates
        assert v.allowed_gates == (GATE_OF_BUILDING[int((v.building or "").removesuffix("号楼"))],)
        gate = scenario.gate(v.allowed_gates[0])
        assert {x for slots in v.available.values() for x in slots} <= {r.slot for r in gate.demand}
    preferring = [v for v in scenario.volunteers if v.preferred_slots]
    assert 2 <= len(preferring) <= 6
    for v in preferring:
        offered = {x for slots in v.available.values() for x in slots}
        assert set(v.preferred_slots) < offered, v.id  # a real preference among what they offer


@pytest.mark.parametrize("week_start", WEEKS)
def test_the_solver_covers_the_demo_week_nearly_fully(week_start: dt.date) -> None:
    scenario = demo_scenario(week_start)
    roster, stats = solve_with_stats(scenario, SolveOptions(time_limit_s=8))
    # The fewest missing people and unmet needs are proven; the preferences below them
    # (version 2's weighted terms) need not be within a test's time.
    assert stats.coverage_optimal
    assert roster.status in ("OPTIMAL", "FEASIBLE")
    assert len(roster.shortages) <= 4
    assert validate(scenario, roster) == []
