"""Seeded random scenarios, for property tests and the bench.

The shapes follow a real community week (the four slots of the demo, employed party
members free only early and late on workdays, a few minors) so that what is measured on
them says something about real weeks. The same seed always gives the same scenario.

`random_scenario` is one community (version 1); `street_office` is a street office's week
(街道) of many such communities solved as one version-2 model, coupled by the cadres
(下沉干部) who may stand at a neighbouring community's gates; `drop_out` turns an answer
into a repair case (one volunteer drops out for two days).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace
from typing import Callable, Iterable

from solver.scenario import (
    DEFAULT_WEIGHTS,
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

DEFAULT_START = dt.date(2026, 11, 23)


def _community(
    rng: random.Random,
    gates: int,
    volunteers: int,
    days: int,
    start: dt.date,
    with_needs: bool,
    gate_name: Callable[[int], tuple[str, str]] = lambda g: (f"g{g + 1}", f"门{g + 1}"),
    person_name: Callable[[int], tuple[str, str]] = lambda i: (f"v{i + 1:03d}", f"志愿者{i + 1}"),
) -> tuple[list[Gate], list[Volunteer]]:
    """One community's gates and people, drawn from `rng` (`gate_name(g)` and
    `person_name(i)` give the ids and names). The order of draws is part of the contract:
    `random_scenario`'s output for a seed must not change."""
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
        gate_id, name = gate_name(g)
        gate_list.append(Gate(gate_id, name, tuple(demand), needs))

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
        unavailable = frozenset(
            start + dt.timedelta(days=rng.randrange(days)) for _ in range(rng.choice((0, 0, 0, 1, 2)))
        )
        person_id, name = person_name(i)
        people.append(
            Volunteer(
                id=person_id, name=name, party_member=party, employed=employed,
                available=available, minor=minor,
                skills=("translation",) if rng.random() < 0.05 else (),
                building=f"{rng.randint(1, 20)}号楼",
                max_hours_per_week=rng.choice((None, None, 8, 10, 16)) if not minor else 6,
                unavailable_dates=unavailable,
                preferred_gates=(rng.choice(gate_list).id,) if rng.random() < 0.4 else (),
            )
        )
    return gate_list, people


def random_scenario(
    seed: int,
    gates: int = 4,
    volunteers: int = 40,
    days: int = 7,
    start: dt.date = DEFAULT_START,
    pins: int = 0,
    with_needs: bool = True,
) -> Scenario:
    """A community-like scenario; `pins` random pins are drawn among allowed posts."""
    rng = random.Random(seed)
    gate_list, people = _community(rng, gates, volunteers, days, start, with_needs)
    scenario = Scenario(
        name=f"random-{seed}", start_date=start, days=days, working_hours=WorkingHours(8 * 60, 18 * 60),
        slots=STANDARD_SLOTS, gates=tuple(gate_list), volunteers=tuple(people),
        rules=Rules(max_slots_per_day=2, default_max_hours_per_week=12),
    )
    if pins:
        scenario = _with_random_pins(scenario, rng, pins)
    return scenario


def _kind(v: Volunteer) -> str:
    if v.minor:
        return "minor"
    if v.party_member:
        return "employed_party" if v.employed else "nonemployed_party"
    return "resident"


def street_office(
    seed: int,
    communities: int = 20,
    gates_per_community: int = 4,
    volunteers_per_community: int = 40,
    days: int = 7,
    start: dt.date = DEFAULT_START,
    cadres_per_community: int = 3,
) -> Scenario:
    """A street office's week (街道) as one version-2 scenario.

    Each community is drawn like `random_scenario`'s one (gate ids "c07-g2", people
    "c07-v012"), and its people may stand at its own gates only, except
    `cadres_per_community` cadres (下沉干部, party members sent down, not bound by the
    employed rule) who may also stand at the next community's gates (community 20's
    cadres at community 1's): that ring couples all blocks, so the week is one model.
    Employed party members are registered (双报到) and should stand at least one post.
    """
    rng = random.Random(seed)
    blocks: list[tuple[list[Gate], list[Volunteer]]] = []
    for c in range(communities):
        tag = f"c{c + 1:02d}"
        blocks.append(_community(
            rng, gates_per_community, volunteers_per_community, days, start, True,
            gate_name=lambda g, tag=tag: (f"{tag}-g{g + 1}", f"{tag}社区 门{g + 1}"),
            person_name=lambda i, tag=tag: (f"{tag}-v{i + 1:03d}", f"{tag}社区 志愿者{i + 1}"),
        ))
    people: list[Volunteer] = []
    for c, (gates, members) in enumerate(blocks):
        own = tuple(g.id for g in gates)
        neighbour = tuple(g.id for g in blocks[(c + 1) % communities][0] if g.id not in own)
        adults = [i for i, v in enumerate(members) if not v.minor]
        cadres = set(rng.sample(adults, min(cadres_per_community, len(adults))))
        for i, v in enumerate(members):
            if i in cadres:
                people.append(replace(v, kind="cadre", party_member=True, employed=False, allowed_gates=own + neighbour))
            else:
                people.append(replace(v, kind=_kind(v), registered=v.employed and v.party_member, allowed_gates=own))
    return Scenario(
        name=f"street-office-{seed}", start_date=start, days=days, working_hours=WorkingHours(8 * 60, 18 * 60),
        slots=STANDARD_SLOTS, gates=tuple(g for gates, _ in blocks for g in gates), volunteers=tuple(people),
        rules=Rules(max_slots_per_day=2, default_max_hours_per_week=12, min_posts_registered=1,
                    minor_latest_end=20 * 60),
        weights=dict(DEFAULT_WEIGHTS),
    )


@dataclass(frozen=True)
class DropOut:
    """A repair case: `scenario` with `volunteer` unavailable on `dates` and the answer
    it was built from as `previous`; `forced` are the previous assignments that must go."""

    scenario: Scenario
    volunteer: str
    dates: tuple[dt.date, ...]
    forced: tuple[Assignment, ...]


def drop_out(scenario: Scenario, assignments: Iterable[Assignment], seed: int = 0) -> DropOut:
    """One volunteer with posts on two or more dates drops out on two of them.

    Only that volunteer's `unavailable_dates` and the scenario's `previous` (set to
    `assignments`, unpinned) change. Two consecutive dates are chosen when the person
    stands on any; the choice is seeded.
    """
    previous = tuple(Assignment(a.volunteer, a.gate, a.date, a.slot) for a in assignments)
    dates_of: dict[str, set[dt.date]] = {}
    for a in previous:
        dates_of.setdefault(a.volunteer, set()).add(a.date)
    candidates = sorted(vid for vid, dates in dates_of.items() if len(dates) >= 2)
    if not candidates:
        raise ValueError("no volunteer stands on two dates: nothing to drop out")
    rng = random.Random(seed)
    vid = rng.choice(candidates)
    dates = sorted(dates_of[vid])
    pairs = [(a, b) for a, b in zip(dates, dates[1:]) if (b - a).days == 1]
    chosen = rng.choice(pairs) if pairs else tuple(sorted(rng.sample(dates, 2)))
    volunteers = tuple(
        replace(v, unavailable_dates=v.unavailable_dates | frozenset(chosen)) if v.id == vid else v
        for v in scenario.volunteers
    )
    forced = tuple(a for a in previous if a.volunteer == vid and a.date in chosen)
    return DropOut(replace(scenario, volunteers=volunteers, previous=previous), vid, tuple(chosen), forced)


def _with_random_pins(scenario: Scenario, rng: random.Random, count: int) -> Scenario:
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
