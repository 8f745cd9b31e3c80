"""SetupEditor and version 3: demand weights survive the set-up's rewriting of demand, the
settings form leaves forbidden sequences and version 3's weights alone, and forbidden
sequences have their own operation."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from roster_app.persistence import Database, RosterStore
from roster_app.persistence.setup_edit import CommunitySettings, SetupEditor, SetupError, Staffing, WeeklyDemand
from solver.scenario import DEFAULT_WEIGHTS, DemandRule, Rules
from tests.persistence.conftest import WEEK
from tests.persistence.test_setup_edit import dump, open_demand, problems_of
from tests.persistence.test_store_v3 import rich_v3_scenario


def day(n: int) -> dt.date:
    return WEEK + dt.timedelta(days=n)


@pytest.fixture
def editor(store: RosterStore) -> SetupEditor:
    return SetupEditor(store)


@pytest.fixture
def v3_id(store: RosterStore) -> int:
    return store.import_scenario(rich_v3_scenario())


def east(store: RosterStore, cid: int) -> list[DemandRule]:
    return list(store.week_scenario(cid, WEEK).gate("east").demand)


def test_rewriting_demand_keeps_its_weights(editor: SetupEditor, store: RosterStore, v3_id: int) -> None:
    before = open_demand(store, v3_id)
    editor.set_weekly_demand(v3_id, editor.setup(v3_id).weekly)  # the same table written back
    assert open_demand(store, v3_id) == before
    weights = {(d.slot, d.days): (d.under_weight, d.over_weight) for d in east(store, v3_id)}
    assert weights[("early", "all")] == (3, 5)
    assert weights[("am", "rest_days")] == (0, 0)  # the rule whose under_weight was 0
    assert weights[("am", "workdays")] == (1, 0)

    # A changed workday staffing keeps the weights of the rule it replaces, on both kinds of day.
    editor.set_weekly_demand(v3_id, [WeeklyDemand("east", "early", Staffing(1, 3), Staffing(2, 3))])
    rules = [d for d in east(store, v3_id) if d.slot == "early"]
    assert [(d.days, d.min, d.under_weight, d.over_weight) for d in rules] == [
        ("workdays", 1, 3, 5), ("rest_days", 2, 3, 5)]


def test_a_date_exception_takes_the_weekly_weights(editor: SetupEditor, store: RosterStore, v3_id: int) -> None:
    editor.close_posts(v3_id, "east", ["early", "am"], [day(2)])
    rules = {(d.slot, d.days): d for d in east(store, v3_id)}
    closed_early = rules[("early", (day(2),))]
    assert (closed_early.max, closed_early.under_weight, closed_early.over_weight) == (0, 3, 5)
    # am has other weights on workdays than on rest days: the exception says the defaults.
    closed_am = rules[("am", (day(2),))]
    assert (closed_am.under_weight, closed_am.over_weight) == (1, 0)
    # Reopened, and the weekly rules kept theirs throughout.
    editor.clear_date_demand(v3_id, "east", ["early", "am"], [day(2)])
    assert [(d.slot, d.days, d.under_weight, d.over_weight) for d in east(store, v3_id) if d.slot == "early"] == [
        ("early", "all", 3, 5)]


def test_the_settings_form_leaves_version_3_alone(editor: SetupEditor, store: RosterStore, v3_id: int) -> None:
    before = store.week_scenario(v3_id, WEEK)
    form_rules = Rules(max_slots_per_day=2)  # what the form gives: no sequences
    form_weights = {t: w for t, w in (before.weights or {}).items() if t in DEFAULT_WEIGHTS} | {"changes": 9}
    editor.set_settings(v3_id, CommunitySettings(before.name, 480, 1080, form_rules, form_weights))
    after = store.week_scenario(v3_id, WEEK)
    assert after.rules == dataclasses.replace(form_rules, forbidden_sequences=before.rules.forbidden_sequences)
    assert after.weights == {**(before.weights or {}), "changes": 9}
    assert after.coverage == "weighted"
    # Naming a version-3 term sets it.
    editor.set_settings(v3_id, CommunitySettings(before.name, 480, 1080, form_rules, {"over_cover": 6}))
    assert (store.week_scenario(v3_id, WEEK).weights or {})["over_cover"] == 6


def test_weighted_coverage_cannot_lose_its_weights(editor: SetupEditor, store: RosterStore, db: Database,
                                                   v3_id: int, demo_id: int) -> None:
    before = dump(db)
    with pytest.raises(SetupError) as info:
        editor.set_settings(v3_id, CommunitySettings("一号社区", 480, 1080, Rules(), None))
    assert problems_of(info) == {("weights", "weighted_coverage_needs_weights")}
    with pytest.raises(SetupError) as info:  # the demo's coverage comes first
        editor.set_settings(demo_id, CommunitySettings("演示", 480, 1080, Rules(), {"unmet_needs": 3}))
    assert problems_of(info) == {("weights[unmet_needs]", "coverage_weight_unused")}
    assert dump(db) == before


def test_forbidden_sequences(editor: SetupEditor, store: RosterStore, db: Database, demo_id: int) -> None:
    heard: list[int] = []
    store.subscribe(heard.append)
    editor.set_forbidden_sequences(demo_id, [("eve", "early"), ("eve", "eve")])
    assert editor.setup(demo_id).settings.rules.forbidden_sequences == (("eve", "early"), ("eve", "eve"))
    assert store.week_scenario(demo_id, WEEK).rules.forbidden_sequences == (("eve", "early"), ("eve", "eve"))
    assert heard == [demo_id]
    before = dump(db)
    with pytest.raises(SetupError) as info:
        editor.set_forbidden_sequences(demo_id, [("eve", "nap"), ("pm", "am"), ("pm", "am"), ("x",)])
    assert problems_of(info) == {("forbidden_sequences[0][1]", "unknown_slot"),
                                 ("forbidden_sequences[2]", "duplicate_sequence"),
                                 ("forbidden_sequences[3]", "not_pair")}
    assert dump(db) == before
    editor.set_forbidden_sequences(demo_id, [])
    assert store.week_scenario(demo_id, WEEK).rules.forbidden_sequences == ()
    # A slot removed takes its sequences with it.
    editor.set_forbidden_sequences(demo_id, [("eve", "early"), ("pm", "am")])
    editor.remove_slot(demo_id, "pm")
    assert store.week_scenario(demo_id, WEEK).rules.forbidden_sequences == (("eve", "early"),)
