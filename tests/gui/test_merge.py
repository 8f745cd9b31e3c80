"""Merging a change refused by another clerk's save into what they saved (three-way, by post)."""

from __future__ import annotations

import datetime as dt

from roster_app.gui.edit_commands import FailedChange
from solver.scenario import Assignment, Roster

D = dt.date(2026, 11, 23)


def roster(*assignments: Assignment) -> Roster:
    return Roster("x", "FEASIBLE", assignments)


def a(volunteer: str, gate: str = "east", pinned: bool = False) -> Assignment:
    return Assignment(volunteer, gate, D, "early", pinned)


def test_my_additions_removals_and_pins_go_on_top_of_theirs() -> None:
    base = roster(a("v1"), a("v2"), a("v3"))
    mine = roster(a("v1", pinned=True), a("v3"), a("v4"))  # pinned v1, removed v2, added v4
    theirs = (a("v1"), a("v2"), a("v5", "south"))  # they removed v3 and added v5
    merged = set(FailedChange(base, mine, "").merged_into(theirs))
    assert merged == {a("v1", pinned=True), a("v4"), a("v5", "south")}


def test_nothing_of_mine_leaves_theirs_as_it_is() -> None:
    same = roster(a("v1"))
    theirs = (a("v2"),)
    assert set(FailedChange(same, same, "").merged_into(theirs)) == {a("v2")}


def test_a_first_roster_of_the_week_merges_whole() -> None:
    assert set(FailedChange(None, roster(a("v1")), "").merged_into((a("v2"),))) == {a("v1"), a("v2")}
