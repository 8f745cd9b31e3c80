"""Seeded random scenarios, for property tests and the bench.

The shapes follow a real community week (the four slots of the demo, employed party
members free only early and late on workdays, a few minors) so that what is measured on
them says something about real weeks. The same seed always gives the same scenario.
"""

from __future__ import annotations

import datetime as dt
import random

from solver.scenario import (
    WEEKDAY_KEYS,
    Assignment,
    DemandRule,
    Gate,
    Needs,
    Rules,
    Scenario,
    Slot,
    Volunteer,
    WorkingHours,
)

STANDARD_SLOTS = (
    Slot("early", "早班", 6 * 60, 8 * 60),
    Slot("am", "上午", 8 * 60, 12 * 60),
    Slot("pm", "下午", 12 * 60, 18 * 60),
    Slot("eve", "晚班", 18 * 60, 22 * 60),
)


def random_scenario(
    seed: int,
    gates: int = 4,
    volunteers: int = 40,
    days: int = 7,
    start: dt.date = dt.date(2026, 11, 23),
    pins: int = 0,
    with_needs: bool = True,
) -> Scenario:
    """A community-like scenario; `pins` random pins are drawn among allowed posts."""
    rng = random.Random(seed)
    slots = STANDARD_SLOTS
    gate_list = []
    for g in range(gates):
        demand = []
        for slot in slots:
            if rng.random() < 0.15:
                continue  # this gate is closed in this slot
            low = rng.choice((1, 1, 1, 2))
            days_kind = rng.choice(("all", "all", "all", "workdays", "rest_days"))
            demand.append(DemandRule(slot.id, low, low + rng.choice((0, 1, 1)), days_kind))
        needs = Needs(1 if with_needs and rng.random() < 0.3 else 0)
        if needs.party_member:
            demand = [DemandRule(d.slot, max(d.min, 1), max(d.max, 1), d.days) for d in demand]
        gate_list.append(Gate(f"g{g + 1}", f"门{g + 1}", tuple(demand), needs))

    people = []
    for i in range(volunteers):
        employed = rng.random() < 0.4
        party = employed or rng.random() < 0.5
        minor = not employed and rng.random() < 0.06
        available: dict[str, tuple[str, ...]] = {}
        for d, key in enumerate(WEEKDAY_KEYS):
            weekend = d >= 5
            choices = [
                s.id for s in slots
                if rng.random() < (0.55 if (employed and not weekend and s.id in ("early", "eve")) or not employed else 0.35)
                and not (employed and not weekend and s.id in ("am", "pm"))
                and not (minor and s.id == "early")
            ]
            if choices and rng.random() < 0.8:
                available[key] = tuple(choices)
        start_day = start
        unavailable = frozenset(
            start_day + dt.timedelta(days=rng.randrange(days)) for _ in range(rng.choice((0, 0, 0, 1, 2)))
        )
        people.append(
            Volunteer(
                id=f"v{i + 1:03d}", name=f"志愿者{i + 1}", party_member=party, employed=employed,
                available=available, minor=minor,
                skills=("translation",) if rng.random() < 0.05 else (),
                building=f"{rng.randint(1, 20)}号楼",
                max_hours_per_week=rng.choice((None, None, 8, 10, 16)) if not minor else 6,
                unavailable_dates=unavailable,
                preferred_gates=(rng.choice(gate_list).id,) if rng.random() < 0.4 else (),
            )
        )
    scenario = Scenario(
        name=f"random-{seed}", start_date=start, days=days, working_hours=WorkingHours(8 * 60, 18 * 60),
        slots=slots, gates=tuple(gate_list), volunteers=tuple(people),
        rules=Rules(max_slots_per_day=2, default_max_hours_per_week=12),
    )
    if pins:
        scenario = _with_random_pins(scenario, rng, pins)
    return scenario


def _with_random_pins(scenario: Scenario, rng: random.Random, count: int) -> Scenario:
    from dataclasses import replace

    chosen: list[Assignment] = []
    for _ in range(count * 4):
        if len(chosen) >= count:
            break
        v = rng.choice(scenario.volunteers)
        gate = rng.choice(scenario.gates)
        day = scenario.start_date + dt.timedelta(days=rng.randrange(scenario.days))
        slot = rng.choice(v.available.get(WEEKDAY_KEYS[day.weekday()], ()) or ("am",))
        chosen.append(Assignment(v.id, gate.id, day, slot, pinned=True))
    return replace(scenario, pinned=tuple(chosen))
