"""The first roster of a street office's coverage stage (solver.coverage_start): it keeps
every hard rule by the independent validator, pins and minors included; a short post is
mended by a chain of moves; and nothing is offered for rules it does not model."""

from __future__ import annotations

from dataclasses import replace

import pytest

import solver.coverage_start as coverage_start_module
from solver.coverage_start import _Roster, coverage_start
from solver.generate import random_scenario, street_office
from solver.instance import Instance
from solver.scenario import Assignment, Post
from solver.validate import coverage_totals, hard_violations
from tests.helpers.scenarios import MON, d, gate, make, need, person, version_2


def _assignments(start) -> list[Assignment]:
    return [Assignment(vid, post.gate, post.date, post.slot) for vid, post in start]


@pytest.mark.parametrize("seed", range(6))
def test_keeps_every_rule_on_random_weeks_pins_included(seed):
    scenario = random_scenario(seed)
    if seed % 2:
        # Rest between days, runs of days, kind and minors' caps, minors' latest hour.
        scenario = version_2(scenario, seed)
    inst = Instance(scenario)
    first = coverage_start(inst)
    assert first is not None
    assert hard_violations(scenario, _assignments(first)) == []
    # Pins that hold (some of an adult's posts in a roster that holds) are kept, and the
    # roster around them holds too.
    adults = sorted(((vid, post) for vid, post in first if not inst.volunteers[vid].minor),
                    key=lambda pair: (pair[0], pair[1].date, pair[1].slot, pair[1].gate))
    pins = [Assignment(vid, post.gate, post.date, post.slot, pinned=True) for vid, post in adults[seed::7][:4]]
    start = coverage_start(inst, pins)
    assert {(pin.volunteer, pin.post) for pin in pins} <= start
    assert hard_violations(replace(scenario, pinned=tuple(pins)), _assignments(start)) == []


def test_keeps_every_rule_on_a_street_office_and_mends_by_chains(monkeypatch):
    scenario = street_office(1, communities=4)
    inst = Instance(scenario)
    start = coverage_start(inst)
    assert hard_violations(scenario, _assignments(start)) == []
    missing, _ = coverage_totals(scenario, _assignments(start))
    monkeypatch.setattr(coverage_start_module, "AUGMENT_DEPTH", 0)
    filled_only, _ = coverage_totals(scenario, _assignments(coverage_start(inst)))
    # The chains of moves leave fewer people missing than filling alone (and one-step moves).
    assert missing < filled_only


def _two_slot_day(*people):
    return make(list(people), [gate("east", "东门", need("am", 1), need("pm", 1))],
                format="gateroster.scenario/2", rules={"max_slots_per_day": 1})


def test_a_short_post_is_mended_by_moving_its_only_candidate():
    scenario = _two_slot_day(person("a"), person("b", available={"mon": ["am"]}))
    inst = Instance(scenario)
    morning, afternoon = Post("east", d(MON), "am"), Post("east", d(MON), "pm")
    roster = _Roster(inst)
    roster.put("a", morning)
    # Only a can stand in the afternoon, and one post a day holds her to the morning:
    # she moves, and b, who can only stand in the morning, takes her place.
    assert roster.augment(afternoon, 1, {afternoon})
    assert (roster.at[morning], roster.at[afternoon]) == (["b"], ["a"])


def test_no_chain_changes_nothing_and_a_minor_keeps_her_adult():
    scenario = _two_slot_day(person("a"), person("kid", minor=True, available={"mon": ["am"]}))
    inst = Instance(scenario)
    morning, afternoon = Post("east", d(MON), "am"), Post("east", d(MON), "pm")
    roster = _Roster(inst)
    roster.put("a", morning)
    roster.put("kid", morning)
    # a could only move by leaving the minor alone: no chain, nothing changed.
    assert not roster.augment(afternoon, 3, {afternoon})
    assert (sorted(roster.at[morning]), roster.at[afternoon]) == (["a", "kid"], [])
    assert roster.minutes["a"] == inst.slots["am"].minutes


def test_a_pin_is_not_moved():
    scenario = _two_slot_day(person("a"), person("b", available={"mon": ["am"]}))
    pin = Assignment("a", "east", d(MON), "am")
    start = coverage_start(Instance(scenario), [pin])
    assert ("a", pin.post) in start and ("b", pin.post) not in start


@pytest.mark.parametrize("change", [
    {"forbidden_sequences": (("eve", "early"),)},
    {"min_minutes": 240},
    {"max_weekends": 1},
])
def test_no_start_for_rules_it_does_not_model(change):
    scenario = random_scenario(0)
    if "forbidden_sequences" in change:
        scenario = replace(scenario, rules=replace(scenario.rules, **change))
    else:
        scenario = replace(scenario, volunteers=(replace(scenario.volunteers[0], **change),) + scenario.volunteers[1:])
    assert coverage_start(Instance(scenario)) is None
