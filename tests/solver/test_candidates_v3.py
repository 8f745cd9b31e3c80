"""谁能顶岗 under version 3's rules (`solver.candidates`), checked against the independent
validator: on random version-3 weeks, a candidate who says they break nothing breaks nothing,
one who says they would leave a run short breaks exactly that minimum, and a blocked person
breaks something; then each rule once, excluding or demoting the right person for the right
reason."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solver import candidates as c
from solver.generate import random_scenario
from solver.scenario import Assignment, Post, Scenario
from solver.validate import hard_violations, open_posts
from tests.helpers.scenarios import d, gate, make, need, person, version_2
from tests.solver.test_engine_v3 import _version_3

MON = d("2026-11-23")
V3 = "gateroster.scenario/3"
MINIMUMS = {"min_minutes": "min_minutes", "min_consecutive_days": "min_consecutive_days",
            "min_consecutive_days_off": "min_consecutive_days_off"}
"""Rule code -> the volunteer field that sets it."""


def day(i: int) -> dt.date:
    return MON + dt.timedelta(days=i)


def at(vid: str, gate_id: str, i: int, slot: str) -> Assignment:
    return Assignment(vid, gate_id, day(i), slot)


def week(*people, days: int = 7, **rules) -> Scenario:
    return make(list(people), [gate("east", "东门", need("early", 1, 3), need("am", 1, 3), need("eve", 1, 3)),
                               gate("west", "西门", need("am", 1, 3), need("eve", 1, 3))],
                days=days, format=V3, rules=rules)


def ranked(scenario: Scenario, roster: list[Assignment], post: Post) -> tuple[list[str], dict[str, c.Blocked]]:
    ranking = c.rank(scenario, roster, post)
    return [x.volunteer for x in ranking.candidates], {b.volunteer: b for b in ranking.blocked}


def candidate(scenario: Scenario, roster: list[Assignment], post: Post, vid: str) -> c.Candidate:
    return next(x for x in c.rank(scenario, roster, post).candidates if x.volunteer == vid)


# --- every answer checked by the validator -------------------------------------------


def valid_roster(scenario: Scenario, rng: random.Random, tries: int = 80) -> tuple[Scenario, list[Assignment]]:
    """A random roster the validator accepts, and the scenario it is valid for.

    Posts are added one by one when they break nothing but minimums (a minimum run or
    minutes cannot be reached one post at a time); then the minimums still broken are taken
    off the people who break them, so the minimums left are ones the roster keeps."""
    posts = [p for p, (_, high) in open_posts(scenario).items() if high > 0]
    out: list[Assignment] = []
    for _ in range(tries):
        v = rng.choice(scenario.volunteers)
        p = rng.choice(posts)
        trial = out + [Assignment(v.id, p.gate, p.date, p.slot)]
        if all(x.rule in MINIMUMS for x in hard_violations(scenario, trial)):
            out = trial
    relaxed: dict[str, dict[str, None]] = {}
    for x in hard_violations(scenario, out):
        relaxed.setdefault(x.volunteer, {})[MINIMUMS[x.rule]] = None
    scenario = replace(scenario, volunteers=tuple(replace(v, **relaxed.get(v.id, {})) for v in scenario.volunteers))
    return scenario, out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), v2=st.booleans(), volunteers=st.integers(4, 12), days=st.integers(3, 10))
def test_candidates_break_nothing_but_the_minimum_they_name(seed, v2, volunteers, days):
    rng = random.Random(seed)
    scenario = random_scenario(seed, gates=2, volunteers=volunteers, days=days)
    scenario = _version_3(version_2(scenario, seed) if v2 else scenario, rng)
    scenario, roster = valid_roster(scenario, rng)
    assert hard_violations(scenario, roster) == []
    current = c.CurrentRoster(scenario, roster)
    posts = list(open_posts(scenario))
    for post in rng.sample(posts, min(8, len(posts))):
        ranking = current.rank(post)
        here = {a.volunteer for a in roster if a.post == post}
        assert {x.volunteer for x in ranking.candidates} | {b.volunteer for b in ranking.blocked} | here == {
            v.id for v in scenario.volunteers}
        for x in ranking.candidates:
            added = roster + [Assignment(x.volunteer, post.gate, post.date, post.slot)]
            broken = hard_violations(scenario, added)
            said = {"min_consecutive_days"} if x.lone_day else set()
            said |= {"min_consecutive_days_off"} if x.short_days_off is not None else set()
            crowded = {"over_max"} if ranking.room <= 0 else set()
            assert {v.rule for v in broken} == said | crowded, (x, [v.message for v in broken])
            assert all(v.volunteer == x.volunteer for v in broken if v.rule != "over_max")
            assert x.breaks_minimum == bool(said)
        for b in ranking.blocked:
            added = roster + [Assignment(b.volunteer, post.gate, post.date, post.slot)]
            assert {v.rule for v in hard_violations(scenario, added)} - {"over_max"}, b
        keys = [x.key() for x in ranking.candidates]
        assert keys == sorted(keys)
        # Those who break a minimum come after everyone who breaks nothing.
        flags = [x.breaks_minimum for x in ranking.candidates]
        assert flags == sorted(flags)
        assert all(x.why_lower is not None for x in ranking.candidates[1:])


# --- each rule once ----------------------------------------------------------------------


def test_posts_per_slot_block_at_the_limit_and_a_limit_of_zero_always():
    scenario = week(person("one", max_posts_by_slot={"eve": 1}), person("none", max_posts_by_slot={"eve": 0}),
                    person("other", max_posts_by_slot={"am": 0}), person("free"))
    roster = [at("one", "west", 0, "eve")]
    names, blocked = ranked(scenario, roster, Post("east", day(2), "eve"))
    assert (blocked["one"].reason, blocked["one"].limit) == (c.SLOT_LIMIT, 1)
    assert (blocked["none"].reason, blocked["none"].limit) == (c.SLOT_LIMIT, 0)
    assert set(names) == {"other", "free"}
    # Other slots are not counted against the limit.
    assert "one" in ranked(scenario, roster, Post("east", day(2), "am"))[0]


def test_minutes_over_the_horizon_block_the_post_that_passes_them():
    scenario = week(person("short", max_minutes=360), person("free"))
    roster = [at("short", "east", 0, "am")]  # 4 hours of 6
    names, blocked = ranked(scenario, roster, Post("east", day(2), "eve"))  # 4 more: 8 > 6
    assert (blocked["short"].reason, blocked["short"].limit) == (c.MINUTES_CAP, 360)
    assert "short" in ranked(scenario, roster, Post("east", day(2), "early"))[0]  # 2 more: exactly 6


def test_own_consecutive_days_are_the_stricter_limit():
    scenario = week(person("own", max_consecutive_days=1), person("community"), max_consecutive_days=3)
    roster = [at("own", "east", 0, "am"), at("community", "west", 0, "am")]
    names, blocked = ranked(scenario, roster, Post("east", day(1), "eve"))
    assert (blocked["own"].reason, blocked["own"].limit) == (c.STREAK, 1)
    assert names == ["community"]


def test_weekends_by_the_date():
    scenario = week(person("once", max_weekends=1), person("never", max_weekends=0), person("free"), days=14)
    sat, sun, next_sat = 5, 6, 12
    roster = [at("once", "east", sat, "am")]
    assert set(ranked(scenario, roster, Post("east", day(sun), "am"))[0]) == {"once", "free"}  # the same weekend
    names, blocked = ranked(scenario, roster, Post("east", day(next_sat), "am"))
    assert (blocked["once"].reason, blocked["once"].limit) == (c.WEEKENDS, 1)
    assert (blocked["never"].reason, blocked["never"].limit) == (c.WEEKENDS, 0)
    assert names == ["free"]
    assert "never" in ranked(scenario, roster, Post("east", day(2), "am"))[0]  # a weekday


def test_a_forbidden_sequence_blocks_either_way_and_names_the_other_post():
    scenario = week(person("late"), person("early"), person("free"), forbidden_sequences=[["eve", "early"]])
    roster = [at("late", "west", 0, "eve"), at("early", "east", 2, "early")]
    names, blocked = ranked(scenario, roster, Post("east", day(1), "early"))
    assert (blocked["late"].reason, blocked["late"].other) == (c.SEQUENCE, Post("west", day(0), "eve"))
    assert "early" not in blocked
    names, blocked = ranked(scenario, roster, Post("west", day(1), "eve"))
    assert (blocked["early"].reason, blocked["early"].other) == (c.SEQUENCE, Post("east", day(2), "early"))
    assert "late" not in blocked
    # Other slots follow freely.
    assert {"late", "early"} <= set(ranked(scenario, roster, Post("east", day(1), "am"))[0])


def test_a_post_that_leaves_days_off_short_ranks_below_everyone_and_says_how_short():
    scenario = week(person("gap", min_consecutive_days_off=2), person("one", min_consecutive_days_off=2),
                    person("busy"), person("free"))
    # gap: Monday and Friday, three days off between; one: Monday; busy: twice on Wednesday.
    roster = [at("gap", "east", 0, "am"), at("gap", "east", 4, "am"), at("one", "east", 0, "am"),
              at("busy", "east", 2, "early"), at("busy", "east", 2, "eve")]
    wed = Post("west", day(2), "am")
    ranking = c.rank(scenario, roster, wed)
    assert [x.volunteer for x in ranking.candidates] == ["free", "busy", "one", "gap"]
    busy, one, gap = ranking.candidates[1:]
    assert busy.why_lower == c.Drawback(c.BUSIER_DAY, 2, 0) and not busy.breaks_minimum
    # Wednesday leaves one's Tuesday, and cuts gap's three days into Tuesday and Thursday.
    assert (one.short_days_off, one.lone_day, one.why_lower) == (1, False, c.Drawback(c.SHORT_RUN, 1, 0))
    assert (gap.short_days_off, gap.why_lower.code) == (1, c.MORE_HOURS)
    for x in (one, gap):
        added = roster + [Assignment(x.volunteer, wed.gate, wed.date, wed.slot)]
        assert {(v.rule, v.volunteer) for v in hard_violations(scenario, added)} == {
            ("min_consecutive_days_off", x.volunteer)}
    # Thursday leaves two days off (and none before gap's Friday); Tuesday is next to Monday;
    # Sunday after gap's Friday leaves Saturday alone between posts.
    thu = Post("west", day(3), "am")
    assert [x.short_days_off for x in c.rank(scenario, roster, thu).candidates] == [None] * 4
    assert candidate(scenario, roster, Post("west", day(1), "am"), "one").short_days_off is None
    assert candidate(scenario, roster, Post("west", day(6), "am"), "gap").short_days_off == 1


def test_a_lone_day_on_duty_inside_the_horizon_ranks_below_and_says_so():
    scenario = week(person("lone", min_consecutive_days=2), person("pair", min_consecutive_days=2), person("free"))
    roster = [at("pair", "east", 1, "am"), at("pair", "east", 2, "am")]  # Tuesday and Wednesday
    fri = Post("west", day(4), "am")
    ranking = c.rank(scenario, roster, fri)
    assert [x.volunteer for x in ranking.candidates] == ["free", "lone", "pair"]
    lone, pair = ranking.candidates[1:]
    assert (lone.lone_day, lone.short_days_off, lone.why_lower) == (True, None, c.Drawback(c.SHORT_RUN, 1, 0))
    assert pair.lone_day and pair.why_lower.code == c.MORE_HOURS
    for x in (lone, pair):
        added = roster + [Assignment(x.volunteer, fri.gate, fri.date, fri.slot)]
        assert {v.rule for v in hard_violations(scenario, added)} == {"min_consecutive_days"}
    # Thursday lengthens pair's run; the first and last dates may go on outside the horizon.
    assert not candidate(scenario, roster, Post("west", day(3), "am"), "pair").lone_day
    assert not candidate(scenario, roster, Post("west", day(0), "am"), "lone").lone_day
    assert not candidate(scenario, roster, Post("west", day(6), "am"), "lone").lone_day


def test_a_post_breaking_both_minimums_counts_two():
    scenario = week(person("both", min_consecutive_days=2, min_consecutive_days_off=2),
                    person("off", min_consecutive_days_off=2))
    roster = [at("both", "east", 0, "am"), at("off", "east", 0, "am")]  # Monday: a run touching the start
    ranking = c.rank(scenario, roster, Post("west", day(2), "am"))
    assert [(x.volunteer, x.minimums_broken) for x in ranking.candidates] == [("off", 1), ("both", 2)]
    assert ranking.candidates[1].why_lower == c.Drawback(c.SHORT_RUN, 2, 1)


def test_min_minutes_neither_blocks_nor_demotes():
    scenario = week(person("more", min_minutes=600), person("free"))
    ranking = c.rank(scenario, [], Post("east", day(2), "am"))
    assert [x.volunteer for x in ranking.candidates] == ["more", "free"]
    assert not ranking.candidates[0].breaks_minimum


def test_requests_rank_asked_for_first_and_asked_off_last():
    wed = day(2).isoformat()
    scenario = week(
        person("off", requests=[{"date": wed, "slot": "am", "wanted": False, "weight": 3}]),
        person("none"),
        person("for", requests=[{"date": wed, "slot": "am", "wanted": True, "weight": 1}]),
        person("elsewhere", requests=[{"date": wed, "slot": "eve", "wanted": True, "weight": 1},
                                      {"date": day(3).isoformat(), "slot": "am", "wanted": False, "weight": 1}]),
        person("both", requests=[{"date": wed, "slot": "am", "wanted": True, "weight": 1},
                                 {"date": wed, "slot": "am", "wanted": False, "weight": 1}]),
        person("cut", min_consecutive_days_off=2, requests=[{"date": wed, "slot": "am", "wanted": True, "weight": 9}]),
    )
    roster = [at("cut", "east", 0, "eve")]
    ranking = c.rank(scenario, roster, Post("west", day(2), "am"))  # requests hold at any gate
    assert [x.volunteer for x in ranking.candidates] == ["for", "none", "elsewhere", "off", "both", "cut"]
    assert [(x.request, x.why_lower) for x in ranking.candidates] == [
        (c.ASKED_FOR, None),
        (c.NO_REQUEST, c.Drawback(c.REQUEST, c.NO_REQUEST, c.ASKED_FOR)),
        (c.NO_REQUEST, c.Drawback(c.SAME, 0, 0)),
        (c.ASKED_OFF, c.Drawback(c.REQUEST, c.ASKED_OFF, c.NO_REQUEST)),
        (c.ASKED_OFF, c.Drawback(c.SAME, 0, 0)),
        # A post that breaks a minimum ranks below an unwanted one, even when asked for.
        (c.ASKED_FOR, c.Drawback(c.SHORT_RUN, 1, 0)),
    ]
