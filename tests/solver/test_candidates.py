"""Who can take this post (`solver.candidates`), checked against the independent validator,
and the validator's fast path for hard rules (`hard_violations`)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solver import candidates as c
from solver.generate import random_scenario
from solver.scenario import Assignment, Post, Roster, Scenario
from solver.validate import HARD_RULES, hard_violations, open_posts, validate
from tests.helpers.scenarios import d, gate, make, need, person, version_2

MON = d("2026-11-23")


def at(vid: str, gate_id: str, day: dt.date, slot: str, pinned: bool = False) -> Assignment:
    return Assignment(vid, gate_id, day, slot, pinned)


def small_random(seed: int, v2: bool) -> Scenario:
    scenario = random_scenario(seed, gates=2, volunteers=10, days=4)
    return version_2(scenario, seed) if v2 else scenario


def greedy_valid_roster(scenario: Scenario, rng: random.Random, tries: int = 80) -> list[Assignment]:
    """Random posts added one by one when the validator finds no hard rule broken."""
    posts = [p for p, (_, high) in open_posts(scenario).items() if high > 0]
    out: list[Assignment] = []
    for _ in range(tries):
        v = rng.choice(scenario.volunteers)
        p = rng.choice(posts)
        trial = out + [Assignment(v.id, p.gate, p.date, p.slot)]
        if not hard_violations(scenario, trial):
            out = trial
    return out


# --- the validator's fast path -------------------------------------------------------


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), v2=st.booleans())
def test_hard_violations_are_validates_hard_rules(seed, v2):
    """On random (often invalid) rosters the fast path says what `validate` says of them."""
    scenario = small_random(seed, v2)
    rng = random.Random(seed)
    posts = list(open_posts(scenario)) + [Post("g1", MON + dt.timedelta(days=1), "early")]
    assignments = [
        Assignment(rng.choice(scenario.volunteers).id, p.gate, p.date, p.slot, rng.random() < 0.2)
        for p in rng.sample(posts, min(len(posts), 25)) for _ in range(rng.randint(0, 3))
    ]
    scenario = replace(scenario, pinned=tuple(a for a in assignments if a.pinned)[:3])
    roster = Roster(scenario.name, "FEASIBLE", tuple(assignments))
    full = [v for v in validate(scenario, roster) if v.rule in HARD_RULES]
    assert hard_violations(scenario, assignments) == full


def test_hard_violations_leave_out_shortages():
    scenario = make([person("a")], [gate("east", "东门", need("am", 2))])
    assert hard_violations(scenario, [at("a", "east", MON, "am")]) == []
    assert [v.rule for v in validate(scenario, Roster("x", "FEASIBLE", (at("a", "east", MON, "am"),)))] == [
        "shortage_unreported"]


# --- every answer checked by the validator -------------------------------------------


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), v2=st.booleans())
def test_candidates_break_nothing_and_the_blocked_would(seed, v2):
    scenario = small_random(seed, v2)
    rng = random.Random(seed)
    roster = greedy_valid_roster(scenario, rng)
    assert hard_violations(scenario, roster) == []
    current = c.CurrentRoster(scenario, roster)
    posts = list(open_posts(scenario))
    for post in rng.sample(posts, min(6, len(posts))):  # a random week may open fewer than 6 posts
        ranking = current.rank(post)
        here = {a.volunteer for a in roster if a.post == post}
        assert {x.volunteer for x in ranking.candidates} | {b.volunteer for b in ranking.blocked} | here == {
            v.id for v in scenario.volunteers}
        assert ranking.present == len(here)
        for candidate in ranking.candidates:
            added = roster + [Assignment(candidate.volunteer, post.gate, post.date, post.slot)]
            broken = [v for v in hard_violations(scenario, added)]
            if ranking.room > 0:
                assert broken == [], (candidate, broken)
            else:  # a full post: only crowding it is wrong
                assert {v.rule for v in broken} == {"over_max"}
        for blocked in ranking.blocked:
            added = roster + [Assignment(blocked.volunteer, post.gate, post.date, post.slot)]
            rules = {v.rule for v in hard_violations(scenario, added)} - {"over_max"}
            assert rules, blocked
        # Best first: the keys never decrease, and each lower one says why.
        keys = [x.key() for x in ranking.candidates]
        assert keys == sorted(keys)
        assert all(x.why_lower is not None for x in ranking.candidates[1:])
        assert not ranking.candidates or ranking.candidates[0].why_lower is None


# --- the ranking -----------------------------------------------------------------------


def week(*people, **rules):
    return make(list(people), [gate("east", "东门", need("early", 1, 2), need("am", 1, 2), need("eve", 1, 2)),
                               gate("west", "西门", need("am", 1, 2))],
                days=7, format="gateroster.scenario/2", rules=rules)


def test_free_that_day_ranks_above_a_busy_day_and_says_so():
    scenario = week(person("busy"), person("free"))
    roster = [at("busy", "east", MON, "early")]
    ranking = c.rank(scenario, roster, Post("east", MON, "eve"))
    assert [x.volunteer for x in ranking.candidates] == ["free", "busy"]
    assert ranking.candidates[1].why_lower == c.Drawback(c.BUSIER_DAY, 1, 0)


def test_fewer_hours_this_week_and_recently_rank_first():
    scenario = week(person("many"), person("few"), person("recent", recent_hours=10))
    roster = [at("many", "east", MON, "am"), at("many", "east", MON + dt.timedelta(days=2), "am"),
              at("few", "east", MON + dt.timedelta(days=3), "eve")]
    ranking = c.rank(scenario, roster, Post("west", MON + dt.timedelta(days=5), "am"))
    assert [x.volunteer for x in ranking.candidates] == ["few", "many", "recent"]
    assert ranking.candidates[1].why_lower == c.Drawback(c.MORE_HOURS, 8, 4)
    assert ranking.candidates[2].why_lower == c.Drawback(c.MORE_HOURS, 10, 8)
    assert ranking.candidates[2].recent_hours == 10 and ranking.candidates[2].week_hours == 0


def test_rested_ranks_above_a_post_late_the_evening_before():
    scenario = week(person("tired"), person("rested"))
    tue = MON + dt.timedelta(days=1)
    # Both stood 4 hours this week: one the evening before, one earlier in the week.
    roster = [at("tired", "east", MON, "eve"), at("rested", "west", MON + dt.timedelta(days=4), "am")]
    ranking = c.rank(scenario, roster, Post("east", tue, "early"))
    assert [x.volunteer for x in ranking.candidates] == ["rested", "tired"]
    assert ranking.candidates[1].why_lower.code == c.LESS_RESTED
    assert ranking.candidates[1].closest_rest_hours == 8  # 22:00 to 06:00


def test_a_preferred_gate_ranks_first_and_preferences_elsewhere_last():
    scenario = week(person("elsewhere", preferred_gates=["west"]), person("none"),
                    person("likes", preferred_gates=["east"]))
    ranking = c.rank(scenario, [], Post("east", MON, "eve"))
    assert [x.volunteer for x in ranking.candidates] == ["likes", "none", "elsewhere"]
    assert [x.why_lower.code for x in ranking.candidates[1:]] == [c.GATE_FIT, c.GATE_FIT]


def test_equal_candidates_keep_the_scenario_order():
    scenario = week(person("b"), person("a"))
    ranking = c.rank(scenario, [], Post("east", MON, "eve"))
    assert [x.volunteer for x in ranking.candidates] == ["b", "a"]
    assert ranking.candidates[1].why_lower == c.Drawback(c.SAME, 0, 0)


def test_blocked_reasons_name_the_rule():
    tue = MON + dt.timedelta(days=1)
    scenario = week(
        person("away", unavailable_dates=[MON.isoformat()]),
        person("notslot", available={"mon": ["eve"]}),
        person("employed", party_member=True, employed=True),
        person("busy"),
        person("full"),
        person("capped", max_hours_per_week=4),
        person("kid", minor=True),
        person("here"),
        person("tired"),
        person("streak"),
        max_slots_per_day=1, min_rest_hours=10, max_consecutive_days=1,
    )
    roster = [at("busy", "west", MON, "am"), at("full", "east", MON, "early"), at("capped", "east", tue, "eve"),
              at("here", "east", MON, "am"), at("tired", "east", MON, "eve"),
              at("streak", "west", tue, "am")]
    ranking = c.rank(scenario, roster, Post("east", MON, "am"))
    reasons = {b.volunteer: b.reason for b in ranking.blocked}
    assert reasons["away"] == c.UNAVAILABLE_DATE
    assert reasons["notslot"] == c.UNAVAILABLE_WEEKDAY
    assert reasons["employed"] == c.EMPLOYED_RULE
    assert reasons["busy"] == c.BUSY and ranking.blocked[[b.volunteer for b in ranking.blocked].index("busy")].other \
        == Post("west", MON, "am")
    assert reasons["full"] == c.DAY_FULL
    assert reasons["capped"] == c.AT_CAP
    assert reasons["streak"] == c.STREAK
    assert "here" not in reasons and "here" not in {x.volunteer for x in ranking.candidates}
    assert ranking.present == 1 and ranking.maximum == 2 and ranking.room == 1
    # A minor may join an adult, never stand alone.
    assert "kid" not in reasons
    alone = c.rank(scenario, roster, Post("west", MON + dt.timedelta(days=3), "am"))
    assert {b.volunteer: b.reason for b in alone.blocked}["kid"] == c.MINOR_ALONE
    # Rest between days: Monday 18–22 then Tuesday 06–08 is 8 hours.
    rest = c.rank(scenario, roster, Post("east", tue, "early"))
    assert {b.volunteer: b.reason for b in rest.blocked}["tired"] == c.REST
    closed = c.rank(scenario, roster, Post("west", MON, "eve"))
    assert closed.candidates == () and {b.reason for b in closed.blocked} == {c.CLOSED}
