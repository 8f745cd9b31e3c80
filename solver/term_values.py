"""What each term of the objective (`solver.terms`) comes to for one answer, in plain Python.

The model states each term with variables, to be searched; once the search has an answer,
its cost is read here from the answer's assignments alone, term by term, as the model
defines it (over the decisions the model has, `Instance.eligible`). Valuing the answer
with a second, exact CP-SAT model of the whole objective did the same at the cost of
building it: 11–16 s for the benchmark's Instance24 (a million decisions), where this
takes a fraction of a second.

The validator (`solver.validate.objective_terms`) computes the same values again from the
scenario alone; it must not use this module, so that a mistake here cannot hide (the
tests compare the two on random answers of every version).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Callable, Iterable

from solver.instance import Instance
from solver.scenario import Post
from solver.terms import LOAD_STEPS

Answer = frozenset[tuple[str, Post]]


class _Answer:
    """The answer's assignments, indexed as the terms read them."""

    def __init__(self, inst: Instance, answer: Answer):
        self.inst = inst
        self.pairs = answer
        self.at_post: dict[Post, list[str]] = defaultdict(list)
        self.posts_of: dict[str, list[Post]] = defaultdict(list)
        for vid, post in answer:
            self.at_post[post].append(vid)
            self.posts_of[vid].append(post)
        self._eligible: dict[str, frozenset[Post]] = {}

    def in_slot(self) -> Counter:
        """(volunteer, date, slot) → how many posts they stand in that slot that date."""
        return Counter((vid, post.date, post.slot) for vid, post in self.pairs)

    def may_decide(self, vid: str, post: Post) -> bool:
        """Whether the model has a decision for the pair (see `Instance.eligible`)."""
        eligible = self._eligible.get(vid)
        if eligible is None:
            eligible = self._eligible[vid] = frozenset(self.inst.eligible.get(vid, ()))
        return post in eligible


def _missing_people(a: _Answer) -> int:
    weighted = a.inst.weighted_coverage
    total = 0
    for post, demand in a.inst.demand.items():
        price = demand.under_weight if weighted else 1
        if demand.min == 0 or price == 0:
            continue
        total += price * max(0, demand.min - len(a.at_post.get(post, ())))
    return total


def _unmet_needs(a: _Answer) -> int:
    total = 0
    volunteers = a.inst.volunteers
    for post, demand in a.inst.demand.items():
        if demand.max == 0:
            continue
        needs = a.inst.gates[post.gate].needs
        people = [volunteers[vid] for vid in a.at_post.get(post, ())]
        if needs.party_member > 0:
            total += max(0, needs.party_member - sum(v.party_member for v in people))
        for skill, n in needs.skills.items():
            if n > 0:
                total += max(0, n - sum(skill in v.skills for v in people))
    return total


def _previous_dropped(a: _Answer) -> int:
    # Each previous assignment the model can decide on, as listed (one listed twice counts twice).
    return sum(1 for p in a.inst.scenario.previous
               if a.may_decide(p.volunteer, p.post) and (p.volunteer, p.post) not in a.pairs)


def _changes(a: _Answer) -> int:
    previous = {(p.volunteer, p.post) for p in a.inst.scenario.previous}
    if not previous:
        return 0
    dropped = sum(1 for vid, post in previous if a.may_decide(vid, post) and (vid, post) not in a.pairs)
    return dropped + len(a.pairs - previous)


def _hours_spread(a: _Answer) -> int:
    """As `solver.terms.hours_spread` states it exactly: the highest ceiling of a load in
    `LOAD_STEPS` minus the lowest floor, over the people the fixed rules let serve."""
    inst = a.inst
    minutes_of = {slot_id: slot.minutes for slot_id, slot in inst.slots.items()}
    ups, downs = [], []
    for vid in inst.allowed:
        basis = inst.load_basis(inst.volunteers[vid])
        if basis is None:
            continue
        full, recent, _ = basis
        load = LOAD_STEPS * (recent + sum(minutes_of[p.slot] for p in a.posts_of.get(vid, ()))) / full
        ups.append(math.ceil(load))
        downs.append(math.floor(load))
    return max(ups) - min(downs) if ups else 0


def _unpreferred_gates(a: _Answer) -> int:
    volunteers = a.inst.volunteers
    return sum(1 for vid, post in a.pairs
               if volunteers[vid].preferred_gates and post.gate not in volunteers[vid].preferred_gates)


def _unpreferred_slots(a: _Answer) -> int:
    volunteers = a.inst.volunteers
    return sum(1 for vid, post in a.pairs
               if volunteers[vid].preferred_slots and post.slot not in volunteers[vid].preferred_slots)


def _registered_shortfall(a: _Answer) -> int:
    required = a.inst.registered_minimum()
    if required == 0:
        return 0
    return sum(max(0, required - len(a.posts_of.get(v.id, ()))) for v in a.inst.scenario.volunteers if v.registered)


def _nonemployed_off_hours(a: _Answer) -> int:
    inst = a.inst
    return sum(1 for vid, post in a.pairs
               if not inst.volunteers[vid].employed and not inst.volunteers[vid].minor
               and inst.workday[post.date] and not inst.in_working_hours(inst.slots[post.slot]))


def _employed_working_hours(a: _Answer) -> int:
    inst = a.inst
    return sum(1 for vid, post in a.pairs
               if inst.volunteers[vid].employed and inst.in_working_hours(inst.slots[post.slot]))


def _gate_switches(a: _Answer) -> int:
    return sum(max(0, len({post.gate for post in posts}) - 1) for posts in a.posts_of.values())


def _split_days(a: _Answer) -> int:
    """Days whose posts leave an elementary segment of the slots' times uncovered between
    two covered ones (the model's statement; posts never overlap in an answer)."""
    slots = a.inst.slots
    bounds = sorted({t for s in slots.values() for t in (s.start, s.end)})
    segments = list(zip(bounds, bounds[1:]))
    by_day: dict[tuple[str, object], list[str]] = defaultdict(list)
    for vid, post in a.pairs:
        by_day[vid, post.date].append(post.slot)
    split = 0
    for day_slots in by_day.values():
        if len(day_slots) < 2:
            continue
        covered = [i for i, (lo, hi) in enumerate(segments)
                   if any(slots[s].start <= lo and hi <= slots[s].end for s in day_slots)]
        if covered[-1] - covered[0] + 1 > len(covered):
            split += 1
    return split


def _over_cover(a: _Answer) -> int:
    return sum(demand.over_weight * max(0, len(a.at_post.get(post, ())) - demand.min)
               for post, demand in a.inst.demand.items() if demand.over_weight > 0)


def _requests(a: _Answer, wanted: bool) -> int:
    stands = a.in_slot()
    total = 0
    for v in a.inst.scenario.volunteers:
        for r in v.requests:
            if r.wanted == wanted:
                there = stands[v.id, r.date, r.slot]
                total += r.weight * (1 - there) if wanted else r.weight * there
    return total


_VALUES: dict[str, Callable[[_Answer], int]] = {
    "missing_people": _missing_people,
    "unmet_needs": _unmet_needs,
    "previous_dropped": _previous_dropped,
    "hours_spread": _hours_spread,
    "unpreferred_gates": _unpreferred_gates,
    "unpreferred_slots": _unpreferred_slots,
    "registered_shortfall": _registered_shortfall,
    "changes": _changes,
    "nonemployed_off_hours": _nonemployed_off_hours,
    "employed_working_hours": _employed_working_hours,
    "gate_switches": _gate_switches,
    "split_days": _split_days,
    "over_cover": _over_cover,
    "on_requests": lambda a: _requests(a, wanted=True),
    "off_requests": lambda a: _requests(a, wanted=False),
}


def term_values(inst: Instance, answer: Answer, names: Iterable[str]) -> dict[str, int]:
    """The value (units) of each term in `names` at `answer`, (volunteer, post) pairs the
    model decided on. Missing people count their posts' `under_weight` when the instance
    weighs coverage (`Instance.weighted_coverage`), as its objective does."""
    a = _Answer(inst, answer)
    return {name: _VALUES[name](a) for name in names}
