"""A new community from a standard template: the shortest way from nothing to a week.

A clerk starting the app for real has no gates or slots yet. Rather than typing them one
by one in 社区设置, 新建社区 starts from what most compounds in the seed texts run: the
four-slot day (早班 06–08, 上午 08–12, 下午 12–18, 晚班 18–22: the employed party members'
hours outside 08:00–18:00 on workdays), a few gates named by their side (东门、南门、西门、
北门), one to two people at every gate in every slot, and the demo's rules (at most two
posts a day, 12 hours a week, registered party members at least two posts, minors home by
20:00). The clerk renames the gates and tunes the demand later in 社区设置.

Pure Python (no Qt, no database): `standard_scenario` returns a plain `Scenario` without
volunteers that `RosterStore.import_scenario` stores as a new community.
"""

from __future__ import annotations

import datetime as dt

from solver.scenario import DEFAULT_WEIGHTS, DemandRule, Gate, Rules, Scenario, Slot, WorkingHours

_H = 60

STANDARD_SLOTS: tuple[Slot, ...] = (
    Slot("early", "早班", 6 * _H, 8 * _H),
    Slot("am", "上午", 8 * _H, 12 * _H),
    Slot("pm", "下午", 12 * _H, 18 * _H),
    Slot("eve", "晚班", 18 * _H, 22 * _H),
)

GATE_NAMES: tuple[str, ...] = ("东门", "南门", "西门", "北门", "东南门", "西南门", "西北门", "东北门")
"""The gates' first names, by the side of the compound; the clerk renames them later."""

MAX_GATES = 12
MIN_PEOPLE, MAX_PEOPLE = 1, 2
"""People per post in the template: one keeps the gate, a second is welcome."""

STANDARD_RULES = Rules(
    max_slots_per_day=2,
    default_max_hours_per_week=12,
    min_posts_registered=2,
    minor_latest_end=20 * _H,
    minor_max_hours_per_week=6,
    max_consecutive_days=6,
    min_rest_hours=10,
    history_weeks=4,
)


def gate_names(count: int) -> tuple[str, ...]:
    """`count` gate names: 东门、南门、西门、北门 …, then 门岗9, 门岗10 …"""
    if not 1 <= count <= MAX_GATES:
        raise ValueError(f"a community has 1 to {MAX_GATES} gates, not {count}")
    return tuple(GATE_NAMES[i] if i < len(GATE_NAMES) else f"门岗{i + 1}" for i in range(count))


def standard_scenario(name: str, start_date: dt.date, gates: int = 4) -> Scenario:
    """A community called `name` with `gates` gates and the standard slots, demand and
    rules, no volunteers yet, for the week from `start_date`."""
    name = name.strip()
    if not name:
        raise ValueError("a community needs a name")
    demand = tuple(DemandRule(slot.id, MIN_PEOPLE, MAX_PEOPLE, "all") for slot in STANDARD_SLOTS)
    return Scenario(
        name=name,
        start_date=start_date,
        days=7,
        working_hours=WorkingHours(8 * _H, 18 * _H),
        slots=STANDARD_SLOTS,
        gates=tuple(Gate(f"g{i + 1}", gate_name, demand) for i, gate_name in enumerate(gate_names(gates))),
        volunteers=(),
        rules=STANDARD_RULES,
        weights=dict(DEFAULT_WEIGHTS),
    )
