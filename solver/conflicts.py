"""Contradictions in a scenario's data, found before any search.

A pin (锁定) that breaks a hard rule, or a gate need above a post's `min`, cannot be
honoured by any roster. The clerk must be told which item and which rule, so these checks
name both; the model then solves the rest of the week without the offending pins, and the
answer's status is INFEASIBLE with these conflicts attached.

Combinations that only fail together (a pinned minor at a post no adult can join, a
person's version-3 minimum against their availability, limits or pins) are found
afterwards by the model with CP-SAT assumptions (see `solver.model._conflict_core`).
"""

from __future__ import annotations

from collections import defaultdict

from solver.explain import Texts
from solver.instance import Ineligible, Instance
from solver.scenario import Assignment, Conflict


def find_conflicts(inst: Instance, texts: Texts) -> tuple[list[Conflict], set[Assignment]]:
    """Returns the conflicts and the set of pins that must be left out to solve the rest."""
    conflicts: list[Conflict] = []
    bad: set[Assignment] = set()
    pins = list(dict.fromkeys(_plain(p) for p in inst.scenario.pinned))

    usable = []
    for pin in pins:
        volunteer = inst.volunteers[pin.volunteer]
        demand = inst.demand.get(pin.post)
        if demand is None or demand.max == 0:
            conflicts.append(Conflict("pin_closed_post", texts.pin_closed_post(inst, pin), (pin,)))
            bad.add(pin)
            continue
        why = inst.why_ineligible(volunteer, pin.post)
        if why is not None:
            rule = {
                Ineligible.EMPLOYED_RULE: "pin_employed_rule",
                Ineligible.GATE_NOT_ALLOWED: "pin_gate_not_allowed",
                Ineligible.MINOR_TOO_LATE: "pin_minor_too_late",
            }.get(why, "pin_unavailable")
            conflicts.append(Conflict(rule, texts.pin_ineligible(inst, pin, why), (pin,)))
            bad.add(pin)
            continue
        usable.append(pin)

    # Rules over several pins: each group that breaks one is reported whole and left out whole,
    # since which of them the clerk meant to keep is the clerk's call.
    by_person_day: dict[tuple, list[Assignment]] = defaultdict(list)
    by_person: dict[str, list[Assignment]] = defaultdict(list)
    by_post: dict[tuple, list[Assignment]] = defaultdict(list)
    for pin in usable:
        by_person_day[pin.volunteer, pin.date].append(pin)
        by_person[pin.volunteer].append(pin)
        by_post[pin.post].append(pin)

    for (vid, day), group in by_person_day.items():
        clash = [
            (a, b) for i, a in enumerate(group) for b in group[i + 1 :] if inst.slots_overlap(a.slot, b.slot)
        ]
        if clash:
            involved = tuple(dict.fromkeys(p for pair in clash for p in pair))
            conflicts.append(Conflict("pin_overlap", texts.pin_overlap(inst, involved), involved))
            bad.update(involved)
        limit = inst.scenario.rules.max_slots_per_day
        if limit is not None and len(group) > limit:
            conflicts.append(Conflict("pin_max_slots_per_day", texts.pin_max_slots(inst, tuple(group), limit), tuple(group)))
            bad.update(group)
    for vid, group in by_person.items():
        cap = inst.cap_minutes(inst.volunteers[vid])
        minutes = sum(inst.slots[p.slot].minutes for p in group)
        if cap is not None and minutes > cap:
            conflicts.append(Conflict("pin_max_hours", texts.pin_max_hours(inst, tuple(group), cap), tuple(group)))
            bad.update(group)
    for vid, group in by_person.items():
        # Version 3: the person's posts per slot. A post in a slot limited to 0 has no
        # variable in the model, so a pin there must be set aside here.
        limits = inst.volunteers[vid].max_posts_by_slot
        for slot, limit in limits.items():
            in_slot = tuple(p for p in group if p.slot == slot)
            if len(in_slot) > limit:
                conflicts.append(Conflict("pin_max_posts_by_slot", texts.pin_max_posts_by_slot(inst, in_slot, limit),
                                          in_slot))
                bad.update(in_slot)
    for post, group in by_post.items():
        if len(group) > inst.demand[post].max:
            conflicts.append(Conflict("pin_over_max", texts.pin_over_max(inst, tuple(group)), tuple(group)))
            bad.update(group)

    conflicts.extend(_needs_above_min(inst, texts))
    return conflicts, bad


def _needs_above_min(inst: Instance, texts: Texts) -> list[Conflict]:
    out = []
    for gate in inst.scenario.gates:
        largest = max([gate.needs.party_member, *gate.needs.skills.values()], default=0)
        if largest == 0:
            continue
        # A post with room for nobody (max 0, a closed date) has no needs (scenario format, "Needs").
        low = [p for p, d in inst.demand.items() if p.gate == gate.id and d.max > 0 and d.min < largest]
        if low:
            out.append(Conflict("need_above_min", texts.need_above_min(inst, gate, low)))
    return out


def _plain(a: Assignment) -> Assignment:
    return Assignment(a.volunteer, a.gate, a.date, a.slot, pinned=True)
