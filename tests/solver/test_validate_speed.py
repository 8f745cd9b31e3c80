"""The validator's fast paths agree with recomputing from nothing (solver/validate.py).

The window checks its week with `hard_violations` after every hand edit, and the benchmark
validates rosters of a year, so the validator keeps what the scenario alone decides for
the objects a scenario is made of (`_ScenarioFacts`), adds up the minutes each person
could serve without asking every post, and stops looking for short rest once a later post
is rested enough. These tests hold each of those to a straightforward recomputation:

- along a run of edits made as the window makes them (a new scenario per edit, its pins
  following the roster, its other parts shared), the verdicts (hard rules, every rule of an
  answer, the terms) equal those on a fresh copy, for which nothing is kept;
- scenarios that differ in a part never share facts, even equal ones made of other
  objects, and scenarios made and dropped in turn (whose ids Python reuses) each get
  their own; scenarios that differ only in pins or previous roster share them and are
  still judged on their own pins;
- the minutes a person could serve, and `hours_spread` from them, equal asking every open
  post whether the fixed rules let the person stand there;
- `min_rest` equals comparing every pair of a person's posts, `max_hours` a running total.

Nothing here is timed: a test must not depend on how busy the machine is.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
import random
from collections import Counter
from dataclasses import replace
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solver.generate import random_scenario, street_office
from solver.scenario import (
    Assignment,
    DemandRule,
    Post,
    Request,
    Roster,
    Scenario,
    Slot,
    TermCost,
    WEEKDAY_KEYS,
)
from solver.validate import (
    _scenario_facts,
    hard_violations,
    hour_cap_minutes,
    is_workday,
    objective_terms,
    open_posts,
    validate,
    weekly_cap_hours,
)
from tests.helpers.scenarios import version_2

EXAMPLES = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- scenarios and rosters -------------------------------------------------------------------


def _with_version_3(scenario: Scenario, rng: random.Random) -> Scenario:
    """Version 3's rules on random people, a forbidden sequence, weighted demand, and
    demand rules on explicit dates and with room for nobody."""
    slot_ids = [s.id for s in scenario.slots]
    people = []
    for v in scenario.volunteers:
        fields: dict = {}
        if rng.random() < 0.3:
            fields["max_posts_by_slot"] = {rng.choice(slot_ids): rng.randint(0, 2)}
        if rng.random() < 0.2:
            fields["max_minutes"] = rng.choice([240, 480, 600])
        if rng.random() < 0.2:
            fields["min_minutes"] = rng.choice([120, 240, 480])
        if rng.random() < 0.3:
            fields["max_consecutive_days"] = rng.randint(1, 3)
        if rng.random() < 0.3:
            fields["min_consecutive_days"] = rng.randint(2, 3)
        if rng.random() < 0.3:
            fields["min_consecutive_days_off"] = rng.randint(2, 3)
        if rng.random() < 0.3:
            fields["max_weekends"] = rng.randint(0, 1)
        if rng.random() < 0.3:
            fields["requests"] = tuple(Request(rng.choice(scenario.dates), rng.choice(slot_ids), rng.random() < 0.5,
                                               rng.randint(0, 5)) for _ in range(2))
        if rng.random() < 0.2:  # an unknown gate id among them allows nothing more
            gates = [g.id for g in scenario.gates]
            fields["allowed_gates"] = tuple(rng.sample(gates, rng.randint(0, len(gates)))) + ("nowhere",)
        people.append(replace(v, **fields))
    gates = []
    for g in scenario.gates:
        demand = [replace(r, under_weight=rng.randint(0, 3), over_weight=rng.randint(0, 2)) for r in g.demand]
        if rng.random() < 0.5:  # a later rule on some dates replaces the earlier ones there
            dates = tuple(rng.sample(scenario.dates, rng.randint(1, len(scenario.dates))))
            high = rng.choice((0, 1, 2))
            demand.append(DemandRule(rng.choice(slot_ids), min(1, high), high, dates))
        gates.append(replace(g, demand=tuple(demand)))
    weights = dict(scenario.weights or {}) | {"over_cover": rng.randint(0, 3), "on_requests": 1, "off_requests": 2}
    weighted = rng.random() < 0.5
    return replace(scenario, volunteers=tuple(people), gates=tuple(gates), weights=weights,
                   coverage="weighted" if weighted else "first",
                   rules=replace(scenario.rules, max_consecutive_days=rng.choice([None, 4]),
                                 forbidden_sequences=(("eve", "early"),) if rng.random() < 0.5 else ()))


def _scenario(seed: int) -> Scenario:
    """A random community over 1 to 15 days in a year the official calendar knows or not,
    with version 1's rules, version 2's, version 3's, or all of them with rest, day caps
    (0 included) and a previous roster."""
    rng = random.Random(seed)
    start = dt.date(rng.choice((2025, 2026, 2041)), rng.randint(1, 12), rng.randint(1, 28))
    scenario = random_scenario(seed, gates=rng.randint(1, 4), volunteers=rng.randint(2, 25),
                               days=rng.randint(1, 15), start=start, pins=rng.randint(0, 3))
    kind = seed % 4
    if kind >= 1:
        scenario = version_2(scenario, seed)
    if kind >= 2:
        scenario = _with_version_3(scenario, rng)
    if kind == 3:
        scenario = replace(scenario,
                           rules=replace(scenario.rules, max_slots_per_day=rng.choice((None, 0, 1, 2)),
                                         min_rest_hours=rng.choice((None, 8, 10.5, 30))),
                           previous=tuple(_roster(scenario, rng, 10)))
    return scenario


def _random_assignment(scenario: Scenario, rng: random.Random, posts: list[Post]) -> Assignment:
    """Mostly someone at an open post; now and then a closed post, an unknown id or a date
    outside the horizon."""
    v = rng.choice(scenario.volunteers).id
    if posts and rng.random() < 0.85:
        p = rng.choice(posts)
        return Assignment(v, p.gate, p.date, p.slot, pinned=rng.random() < 0.05)
    day = scenario.start_date + dt.timedelta(days=rng.randrange(-1, scenario.days + 1))
    return Assignment(v if rng.random() < 0.9 else "nobody",
                      rng.choice(scenario.gates).id if rng.random() < 0.9 else "nogate", day,
                      rng.choice(scenario.slots).id if rng.random() < 0.9 else "noslot")


def _roster(scenario: Scenario, rng: random.Random, size: int) -> list[Assignment]:
    posts = list(open_posts(scenario))
    return [_random_assignment(scenario, rng, posts) for _ in range(size)]


def _edits(scenario: Scenario, rng: random.Random, start: list[Assignment], count: int):
    """The roster after each of `count` hand edits: add, remove, move or swap (a copy
    listed twice now and then)."""
    posts = list(open_posts(scenario))
    current = list(start)
    for _ in range(count):
        kind = rng.choice(("add", "remove", "move", "swap", "repeat"))
        if kind == "add" or not current:
            current.append(_random_assignment(scenario, rng, posts))
        elif kind == "remove":
            current.pop(rng.randrange(len(current)))
        elif kind == "move":
            i = rng.randrange(len(current))
            moved = _random_assignment(scenario, rng, posts)
            current[i] = replace(moved, volunteer=current[i].volunteer)
        elif kind == "swap":
            i, j = rng.randrange(len(current)), rng.randrange(len(current))
            current[i], current[j] = (replace(current[i], volunteer=current[j].volunteer),
                                      replace(current[j], volunteer=current[i].volunteer))
        else:
            current.append(rng.choice(current))
        yield tuple(current)


def _answer(scenario: Scenario, assignments: tuple[Assignment, ...]) -> Roster:
    """A roster claiming to be an answer, reporting terms (one of them wrong when there is
    one) so that validate's term and shortfall checks run too."""
    terms = objective_terms(copy.deepcopy(scenario), assignments)
    reported = [TermCost(name, value, 1) for name, value in terms.items()]
    if reported:
        reported[-1] = TermCost(reported[-1].name, reported[-1].value + 1, 1)
    return Roster(scenario.name, "FEASIBLE", assignments, terms=tuple(reported))


def _verdicts(scenario: Scenario, assignments: tuple[Assignment, ...]):
    return (hard_violations(scenario, assignments), objective_terms(scenario, assignments),
            validate(scenario, _answer(scenario, assignments)))


# --- kept facts against fresh ones -------------------------------------------------------------


@EXAMPLES
@given(seed=st.integers(0, 100_000))
def test_verdicts_along_edits_equal_those_of_a_fresh_copy(seed):
    week = _scenario(seed)
    rng = random.Random(seed)
    start = _roster(week, rng, rng.randint(0, 5 * week.days))
    for assignments in _edits(week, rng, start, 8):
        # As the window's WeekData.edited: the pins follow the roster, the rest is shared.
        scenario = replace(week, pinned=tuple(a for a in assignments if a.pinned))
        assert _scenario_facts(scenario) is _scenario_facts(week)
        fresh = copy.deepcopy(scenario)  # equal, but made of other objects: nothing kept for it
        assert fresh == scenario and _scenario_facts(fresh) is not _scenario_facts(scenario)
        assert _verdicts(scenario, assignments) == _verdicts(fresh, assignments)


def test_a_street_office_week_along_edits_equals_a_fresh_copy():
    week = street_office(3, communities=3)
    rng = random.Random(3)
    start = _roster(week, rng, 300)
    seen: Counter = Counter()
    for assignments in _edits(week, rng, start, 20):
        scenario = replace(week, pinned=tuple(a for a in assignments if a.pinned))
        kept = hard_violations(scenario, assignments)
        assert kept == hard_violations(copy.deepcopy(scenario), assignments)
        seen.update(v.rule for v in kept)
    assert {"closed_post", "unavailable", "overlap", "max_hours", "gate_not_allowed"} <= set(seen)


def _two_weeks() -> tuple[Scenario, Scenario]:
    """Two scenarios alike but for one gate's demand and one holiday: a roster valid in
    one breaks rules in the other."""
    first = random_scenario(11, gates=2, volunteers=12, days=7)
    gate = first.gates[0]
    crowded = replace(gate, demand=tuple(DemandRule(r.slot, 0, 0, r.days) for r in gate.demand))
    second = replace(first, gates=(crowded, *first.gates[1:]),
                     calendar=replace(first.calendar, workdays=frozenset(first.dates)))
    return first, second


def test_two_scenarios_never_share_facts():
    first, second = _two_weeks()
    twin = copy.deepcopy(first)
    assert _scenario_facts(first) is _scenario_facts(first)
    assert _scenario_facts(twin) is not _scenario_facts(first)
    assert _scenario_facts(second) is not _scenario_facts(first)
    rng = random.Random(5)
    assignments = tuple(_roster(first, rng, 60))
    verdicts = {}
    for _ in range(3):  # in turn, so that each finds its facts kept from the round before
        for name, scenario in (("first", first), ("second", second), ("twin", twin)):
            verdicts.setdefault(name, _verdicts(scenario, assignments))
            assert _verdicts(scenario, assignments) == verdicts[name]
    assert verdicts["first"] == verdicts["twin"]
    assert verdicts["first"][0] != verdicts["second"][0]  # the rules differ, and so do the verdicts
    assert verdicts["first"] == _verdicts(copy.deepcopy(first), assignments)
    assert verdicts["second"] == _verdicts(copy.deepcopy(second), assignments)


def _one_part_changed(week: Scenario) -> dict[str, Scenario]:
    """The week with one of the parts its facts are made of changed, for each part."""
    first, *others = week.volunteers
    every_slot = {day: tuple(s.id for s in week.slots) for day in WEEKDAY_KEYS}
    gate, *gates = week.gates
    slot, *slots = week.slots
    return {
        "volunteers": replace(week, volunteers=(replace(first, available=every_slot, employed=False), *others)),
        "gates": replace(week, gates=(replace(gate, demand=tuple(replace(r, max=0) for r in gate.demand)), *gates)),
        "slots": replace(week, slots=(replace(slot, end=slot.end + 60), *slots)),
        "calendar": replace(week, calendar=replace(week.calendar, workdays=frozenset(week.dates))),
        "rules": replace(week, rules=replace(week.rules, max_slots_per_day=1, default_max_hours_per_week=2)),
        "start_date": replace(week, start_date=week.start_date + dt.timedelta(days=1)),
        "days": replace(week, days=week.days - 2),
        "working_hours": replace(week, working_hours=replace(week.working_hours, start=6 * 60, end=22 * 60)),
    }


def test_a_scenario_with_any_part_changed_gets_facts_of_its_own():
    week = random_scenario(14, gates=2, volunteers=12, days=7)
    rng = random.Random(14)
    assignments = tuple(_roster(week, rng, 80))
    before = _verdicts(week, assignments)
    for part, changed in _one_part_changed(week).items():
        assert _scenario_facts(changed) is not _scenario_facts(week), part
        after = _verdicts(changed, assignments)
        assert after == _verdicts(copy.deepcopy(changed), assignments), part
        assert after[0] != before[0], f"changing {part} changes no verdict: the test proves nothing"
        assert _verdicts(week, assignments) == before, part


def test_scenarios_alike_but_for_pins_share_facts_and_keep_their_own_pins():
    week = random_scenario(13, gates=2, volunteers=10, days=7)
    rng = random.Random(13)
    assignments = tuple(_roster(week, rng, 40))
    pinned = replace(week, pinned=(Assignment(week.volunteers[0].id, week.gates[0].id, week.start_date, "eve",
                                              pinned=True),),
                     previous=assignments[:5], weights={})
    assert _scenario_facts(pinned) is _scenario_facts(week)
    for scenario in (week, pinned, week, pinned):
        assert _verdicts(scenario, assignments) == _verdicts(copy.deepcopy(scenario), assignments)
    assert "pin_missing" in {v.rule for v in hard_violations(pinned, assignments)}
    assert "pin_missing" not in {v.rule for v in hard_violations(week, assignments)}


def test_scenarios_made_and_dropped_in_turn_each_get_their_own_facts():
    # Python reuses a dropped object's id for the next one made, so facts kept by id alone
    # would be handed to a different scenario here.
    base = random_scenario(12, gates=2, volunteers=10, days=7)
    rng = random.Random(12)
    assignments = tuple(_roster(base, rng, 50))
    for i in range(30):
        gate = base.gates[i % len(base.gates)]
        demand = tuple(replace(r, max=(r.max + i) % 3) for r in gate.demand)
        scenario = replace(base, gates=tuple(replace(g, demand=demand) if g.id == gate.id else g
                                             for g in base.gates))
        expected = _verdicts(copy.deepcopy(scenario), assignments)
        assert _verdicts(scenario, assignments) == expected
        del scenario


# --- the minutes a person could serve ----------------------------------------------------------


def _may_take(scenario: Scenario, v, post: Post, maximum: int) -> bool:
    """The fixed rules of `hours_spread`'s definition, asked of one post."""
    slot = next(s for s in scenario.slots if s.id == post.slot)
    wh = scenario.working_hours
    in_working_hours = slot.start < wh.end and wh.start < slot.end
    latest = scenario.rules.minor_latest_end
    return (maximum > 0
            and post.slot in v.available.get(WEEKDAY_KEYS[post.date.weekday()], ())
            and post.date not in v.unavailable_dates
            and not (v.employed and is_workday(scenario, post.date) and in_working_hours)
            and (v.allowed_gates is None or post.gate in v.allowed_gates)
            and not (v.minor and latest is not None and slot.end > latest))


def _minutes_asking_every_post(scenario: Scenario) -> dict[str, int]:
    posts = open_posts(scenario)
    minutes = {s.id: s.end - s.start for s in scenario.slots}
    return {v.id: sum(minutes[p.slot] for p, (_, high) in posts.items() if _may_take(scenario, v, p, high))
            for v in scenario.volunteers}


def _odd_availability(scenario: Scenario, rng: random.Random) -> Scenario:
    """Availability naming a slot twice or an unknown slot, dates away inside and outside
    the horizon, employed minors: what the sum must not count twice or wrongly."""
    people = []
    for v in scenario.volunteers:
        available = dict(v.available)
        if available and rng.random() < 0.3:
            day = rng.choice(list(available))
            available[day] = (*available[day], *available[day][:1], "noslot")
        away = {scenario.start_date + dt.timedelta(days=rng.randrange(-3, scenario.days + 3)) for _ in range(3)}
        people.append(replace(v, available=available, unavailable_dates=frozenset(away),
                              minor=v.minor or rng.random() < 0.1))
    return replace(scenario, volunteers=tuple(people))


@EXAMPLES
@given(seed=st.integers(0, 100_000))
def test_minutes_each_person_could_serve_equal_asking_every_post(seed):
    rng = random.Random(seed)
    scenario = _odd_availability(_scenario(seed), rng)
    assert _scenario_facts(scenario).possible_minutes == _minutes_asking_every_post(scenario)


def _hours_spread_asking_every_post(scenario: Scenario, assignments) -> int:
    """`hours_spread` as docs/scenario-format.md defines it, from the posts asked one by one."""
    possible = _minutes_asking_every_post(scenario)
    minutes = {s.id: s.end - s.start for s in scenario.slots}
    served: Counter = Counter()
    for key in {(a.volunteer, a.gate, a.date, a.slot) for a in assignments
                if a.date in scenario.dates and a.slot in minutes and a.gate in {g.id for g in scenario.gates}}:
        served[key[0]] += minutes[key[3]]
    history = scenario.rules.history_weeks
    loads = []
    for v in scenario.volunteers:
        cap = hour_cap_minutes(scenario, v)
        scale = possible[v.id] if cap is None else min(cap, possible[v.id])
        if scale <= 0:
            continue
        weekly_hours = weekly_cap_hours(scenario, v)
        weekly = Fraction(scale * 7, scenario.days) if weekly_hours is None else weekly_hours * 60
        recent = Fraction(str(v.recent_hours)) * 60 if history else 0
        loads.append((recent + served[v.id]) / (scale + history * weekly))
    return math.ceil(10 * max(loads)) - math.floor(10 * min(loads)) if loads else 0


@EXAMPLES
@given(seed=st.integers(0, 100_000))
def test_hours_spread_equals_asking_every_post(seed):
    rng = random.Random(seed)
    scenario = _odd_availability(_scenario(seed), rng)
    assignments = _roster(scenario, rng, rng.randint(0, 4 * scenario.days))
    assert objective_terms(scenario, assignments)["hours_spread"] == _hours_spread_asking_every_post(
        scenario, assignments)


# --- rest and hours, counted the long way --------------------------------------------------------

ODD_SLOTS = (
    Slot("night", "夜", 0, 6 * 60),
    Slot("early", "早", 6 * 60, 8 * 60),
    Slot("day", "日", 8 * 60, 18 * 60),
    Slot("short", "短", 8 * 60, 9 * 60),
    Slot("eve", "晚", 18 * 60, 24 * 60),
)


def _busy_week(seed: int) -> tuple[Scenario, list[Assignment]]:
    """Slots that overlap and one that ends at midnight, many posts per person over two
    weeks, a rest rule and hour caps."""
    rng = random.Random(seed)
    base = random_scenario(seed, gates=2, volunteers=6, days=14)
    every_day = {day: tuple(s.id for s in ODD_SLOTS) for day in WEEKDAY_KEYS}
    scenario = replace(
        base, slots=ODD_SLOTS,
        gates=tuple(replace(g, demand=tuple(DemandRule(s.id, 1, 3) for s in ODD_SLOTS)) for g in base.gates),
        volunteers=tuple(replace(v, available=every_day, max_hours_per_week=rng.choice((None, 10, 30)))
                         for v in base.volunteers),
        rules=replace(base.rules, min_rest_hours=rng.choice((1, 8, 10.5, 14, 30)), max_slots_per_day=None))
    return scenario, _roster(scenario, rng, rng.randint(10, 80))


def _in_time_order(scenario: Scenario, assignments) -> list[Assignment]:
    """The assignments with known parts, each once, in time order."""
    start = {s.id: s.start for s in scenario.slots}
    known = [a for a in assignments if a.slot in start and a.date in scenario.dates
             and a.gate in {g.id for g in scenario.gates} and a.volunteer in {v.id for v in scenario.volunteers}]
    kept = {(a.volunteer, a.gate, a.date, a.slot): a for a in known}.values()
    return sorted(kept, key=lambda a: (a.date, start[a.slot], a.slot, a.gate, a.volunteer))


@EXAMPLES
@given(seed=st.integers(0, 100_000))
def test_short_rest_equals_comparing_every_pair(seed):
    scenario, assignments = _busy_week(seed)
    slots = {s.id: s for s in scenario.slots}
    needed = Fraction(str(scenario.rules.min_rest_hours)) * 60
    expected: Counter = Counter()
    posts = _in_time_order(scenario, assignments)
    for i, a in enumerate(posts):
        for b in posts[i + 1:]:
            if b.volunteer == a.volunteer and b.date != a.date:
                rest = (b.date - a.date).days * 24 * 60 + slots[b.slot].start - slots[a.slot].end
                if rest < needed:
                    expected[b.post, b.volunteer] += 1
    found = Counter((v.post, v.volunteer) for v in hard_violations(scenario, assignments) if v.rule == "min_rest")
    assert found == expected


@EXAMPLES
@given(seed=st.integers(0, 100_000))
def test_hours_over_the_cap_equal_a_running_total(seed):
    scenario, assignments = _busy_week(seed)
    minutes = {s.id: s.end - s.start for s in scenario.slots}
    expected = set()
    running: Counter = Counter()
    for a in _in_time_order(scenario, assignments):
        cap = hour_cap_minutes(scenario, scenario.volunteer(a.volunteer))
        before = running[a.volunteer]
        running[a.volunteer] += minutes[a.slot]
        if cap is not None and before <= cap < running[a.volunteer]:
            expected.add((a.post, a.volunteer))
    found = {(v.post, v.volunteer) for v in hard_violations(scenario, assignments) if v.rule == "max_hours"}
    assert found == expected
