"""SetupEditor.set_settings and the coverage mode: the settings save sets it with the rules
and weights in one transaction, coverage's own weights live only while coverage is
weighted, and every refusal leaves the database as it was."""

from __future__ import annotations

import dataclasses

import pytest

from roster_app.persistence import Database, RosterStore
from roster_app.persistence.setup_edit import CommunitySettings, SetupEditor, SetupError
from solver.scenario import DEFAULT_WEIGHTS
from tests.persistence.conftest import WEEK
from tests.persistence.test_setup_edit import dump, problems_of
from tests.persistence.test_store_v3 import rich_v3_scenario


@pytest.fixture
def editor(store: RosterStore) -> SetupEditor:
    return SetupEditor(store)


def test_weighted_coverage_set_with_the_settings(editor: SetupEditor, store: RosterStore, demo_id: int) -> None:
    heard: list[int] = []
    store.subscribe(heard.append)
    before = editor.setup(demo_id).settings
    assert before.coverage == "first"
    weights = {**(before.weights or {}), "over_cover": 4, "off_requests": 7, "missing_people": 800,
               "unmet_needs": 300}
    editor.set_settings(demo_id, dataclasses.replace(before, weights=weights, coverage="weighted"))
    assert heard == [demo_id]  # one write
    after = editor.setup(demo_id).settings
    assert (after.coverage, after.weights) == ("weighted", weights)
    scenario = store.week_scenario(demo_id, WEEK)
    assert scenario.coverage == "weighted"
    assert scenario.weights == weights

    # Back to coverage first: coverage's weights go (they would mean nothing), version 3's stay.
    editor.set_settings(demo_id, dataclasses.replace(after, weights=dict(DEFAULT_WEIGHTS), coverage="first"))
    scenario = store.week_scenario(demo_id, WEEK)
    assert scenario.coverage == "first"
    assert scenario.weights == {**DEFAULT_WEIGHTS, "over_cover": 4, "off_requests": 7}
    # Weighted again without naming them: the defaults, not the weights dropped before.
    editor.set_settings(demo_id, dataclasses.replace(after, weights=dict(DEFAULT_WEIGHTS), coverage="weighted"))
    scenario = store.week_scenario(demo_id, WEEK)
    assert scenario.coverage == "weighted"
    assert "missing_people" not in (scenario.weights or {}) and "unmet_needs" not in (scenario.weights or {})


def test_coverage_left_out_keeps_the_stored_mode(editor: SetupEditor, store: RosterStore) -> None:
    v3 = store.import_scenario(rich_v3_scenario())
    before = store.week_scenario(v3, WEEK)
    settings = editor.setup(v3).settings
    editor.set_settings(v3, dataclasses.replace(settings, coverage=None, weights={"changes": 3}))
    after = store.week_scenario(v3, WEEK)
    assert after.coverage == "weighted"
    assert after.weights == {**(before.weights or {}), "changes": 3}


def test_coverage_refusals_change_nothing(editor: SetupEditor, store: RosterStore, db: Database,
                                          demo_id: int) -> None:
    v3 = store.import_scenario(dataclasses.replace(rich_v3_scenario(), name="一号社区"))
    demo = editor.setup(demo_id).settings
    v3_settings = editor.setup(v3).settings
    before = dump(db)
    cases = [
        (demo_id, dataclasses.replace(demo, weights=None, coverage="weighted"),
         {("weights", "weighted_coverage_needs_weights")}),
        (demo_id, dataclasses.replace(demo, coverage="all at once"), {("coverage", "unknown_coverage")}),
        # Coverage first again, but with coverage's weights still named.
        (v3, dataclasses.replace(v3_settings, coverage="first"),
         {("weights[missing_people]", "coverage_weight_unused"), ("weights[unmet_needs]", "coverage_weight_unused")}),
        # Everything else of the settings is checked in the same pass.
        (demo_id, dataclasses.replace(demo, name=" ", weights={"missing_people": -1}, coverage="weighted"),
         {("name", "required"), ("weights[missing_people]", "below_min")}),
    ]
    for cid, settings, expected in cases:
        with pytest.raises(SetupError) as info:
            editor.set_settings(cid, settings)
        assert problems_of(info) == expected
    assert dump(db) == before
