"""Small hand-built scenarios for tests, written as gateroster.scenario/1 dicts.

Building them as file-format dicts and reading them with the real reader means tests use
the same objects the program passes around, and a test reads like the file a clerk or a
tool would write.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from solver.fileformat import load_scenario
from solver.scenario import WEEKDAY_KEYS, Roster, Scenario
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
