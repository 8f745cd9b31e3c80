"""Scenarios for tests: small hand-built ones, written as scenario-file dicts, and
`version_2`, which turns any scenario into one with every version-2 rule on.

Building them as file-format dicts and reading them with the real reader means tests use
the same objects the program passes around, and a test reads like the file a clerk or a
tool would write.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from solver.fileformat import load_scenario
from dataclasses import replace

from solver.scenario import DEFAULT_WEIGHTS, WEEKDAY_KEYS, Roster, Scenario
from solver.validate import validate

MON = "2026-11-23"  # an ordinary working Monday
TUE = "2026-11-24"
SAT = "2026-11-28"
ALL_SLOTS = ["early", "am", "pm", "eve"]
EVERY_DAY = {day: ALL_SLOTS for day in WEEKDAY_KEYS}
STANDARD_SLOTS = [
    {"id": "early", "name": "早班", "start": "06:00", "end": "08:00"},
    {"id": "am", "name": "上午", "start": "08:00", "end": "12:00"},
    {"id": "pm", "name": "下午", "start": "12:00", "end": "18:00"},
    {"id": "eve", "name": "晚班", "start": "18:00", "end": "22:00"},
]


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def person(vid: str, name: str | None = None, **fields: Any) -> dict[str, Any]:
    """A volunteer available in every slot every day unless `fields` say otherwise."""
    out: dict[str, Any] = {"id": vid, "name": name or f"志愿者{vid}", "party_member": False,
                           "employed": False, "available": EVERY_DAY}
    out.update(fields)
    return out


def gate(gid: str, name: str, *demand: dict[str, Any], **fields: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"id": gid, "name": name, "demand": list(demand)}
    out.update(fields)
    return out


def need(slot: str, low: int, high: int | None = None, days: Any = "all") -> dict[str, Any]:
    return {"slot": slot, "min": low, "max": low if high is None else high, "days": days}


def make(volunteers: list[dict[str, Any]], gates: list[dict[str, Any]], **changes: Any) -> Scenario:
    """A one-day scenario (Monday 2026-11-23 unless `changes` say otherwise)."""
    data: dict[str, Any] = {
        "format": "gateroster.scenario/1",
        "name": "测试社区",
        "start_date": MON,
        "days": 1,
        "working_hours": {"start": "08:00", "end": "18:00"},
        "slots": STANDARD_SLOTS,
        "gates": gates,
        "volunteers": volunteers,
    }
    data.update(changes)
    return load_scenario(data)


def assert_valid(scenario: Scenario, roster: Roster) -> None:
    """The independent validator finds nothing wrong with the answer."""
    problems = validate(scenario, roster)
    assert problems == [], "\n".join(f"[{p.rule}] {p.message}" for p in problems)


def version_2(scenario: Scenario, seed: int) -> Scenario:
    """The same week with every version-2 rule switched on, kinds set and a few limits."""
    return replace(
        scenario,
        weights=dict(DEFAULT_WEIGHTS),
        rules=replace(scenario.rules, min_posts_registered=2, minor_latest_end=20 * 60, minor_max_hours_per_week=6,
                      max_consecutive_days=2, min_rest_hours=10, history_weeks=seed % 3,
                      kind_max_hours_per_week={"cadre": 6}),
        volunteers=tuple(
            replace(v, kind="cadre" if i % 5 == 0 else "resident", registered=v.employed and v.party_member,
                    allowed_gates=None if i % 4 else (scenario.gates[0].id,),
                    preferred_slots=("eve",) if i % 3 == 0 else (), recent_hours=(i * 7) % 30)
            for i, v in enumerate(scenario.volunteers)
        ),
    )
