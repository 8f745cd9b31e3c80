"""社区设置 → 规则: the coverage mode (缺岗优先 / 综合权衡) and the weights of version 3's
terms and of coverage, driven as a clerk would on a real store (temporary SQLite file, the
demo 玉带路社区), asserting on the set-up, on what the solver is given (`week_scenario`),
on the dialog opened again, and on the solver's answer checked by the validator."""

from __future__ import annotations


import pytest
from PySide6.QtCore import Qt

from roster_app.gui.community_setup import CommunitySetupDialog
from roster_app.persistence.setup_edit import SetupEditor
from solver.model import SolveOptions, solve
from solver.scenario import DEFAULT_WEIGHTS, VERSION_3_TERMS, WEIGHTED_COVERAGE_DEFAULTS
from solver.validate import validate
# The set-up dialog's tests' demo store and community, shared rather than written again.
from tests.gui.test_community_setup import MONDAY, TODAY, cid, store  # noqa: F401  (fixtures)
from tests.persistence.test_setup_edit import dump



def open_dialog(qtbot, store, cid) -> CommunitySetupDialog:
    dialog = CommunitySetupDialog(store, cid, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.settings_tab)
    return dialog


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def choose_weighted(qtbot, tab) -> None:
    # A radio button's indicator sits at its left edge; clicking there chooses it as a clerk would.
    qtbot.mouseClick(tab.coverage_weighted, Qt.MouseButton.LeftButton,
                     pos=tab.coverage_weighted.rect().center())


def type_weight(qtbot, tab, term: str, value: int) -> None:
    spin = tab.weight_spins[term]
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))
    qtbot.keyClick(spin, Qt.Key.Key_Tab)


CLERKS_WEIGHTS = {"over_cover": 3, "on_requests": 4, "off_requests": 6, "missing_people": 2000, "unmet_needs": 1500}


def test_weighted_coverage_and_its_weights_are_saved_and_shown_again(qtbot, store, cid) -> None:
    tab = open_dialog(qtbot, store, cid).settings_tab
    assert tab.coverage_first.isChecked()
    coverage_spins = [tab.weight_spins[t] for t in WEIGHTED_COVERAGE_DEFAULTS]
    assert not any(s.isEnabled() for s in coverage_spins)  # they count only when weighted
    assert [tab.weight_spins[t].value() for t in VERSION_3_TERMS] == [1, 1, 1]  # the format's default

    choose_weighted(qtbot, tab)
    assert tab.coverage_weighted.isChecked() and not tab.coverage_first.isChecked()
    assert all(s.isEnabled() for s in coverage_spins)
    assert [s.value() for s in coverage_spins] == list(WEIGHTED_COVERAGE_DEFAULTS.values())
    for term, value in CLERKS_WEIGHTS.items():
        type_weight(qtbot, tab, term, value)
    click(qtbot, tab.save_button)
    assert tab.messages.texts() == {}
    assert tab.dialog.status.text().startswith("✓")

    settings = SetupEditor(store).setup(cid).settings
    assert settings.coverage == "weighted"
    assert settings.weights == {**DEFAULT_WEIGHTS, **CLERKS_WEIGHTS}
    scenario = store.week_scenario(cid, MONDAY)
    assert scenario.coverage == "weighted"
    assert scenario.weights == {**DEFAULT_WEIGHTS, **CLERKS_WEIGHTS}

    tab.dialog.close()
    again = open_dialog(qtbot, store, cid).settings_tab
    assert again.coverage_weighted.isChecked()
    assert all(again.weight_spins[t].isEnabled() for t in WEIGHTED_COVERAGE_DEFAULTS)
    assert {t: again.weight_spins[t].value() for t in CLERKS_WEIGHTS} == CLERKS_WEIGHTS
    assert again.settings() == settings

    # Back to 缺岗优先: coverage's weights are greyed and go, version 3's stay.
    click(qtbot, again.coverage_first)
    assert not any(again.weight_spins[t].isEnabled() for t in WEIGHTED_COVERAGE_DEFAULTS)
    click(qtbot, again.save_button)
    scenario = store.week_scenario(cid, MONDAY)
    assert scenario.coverage == "first"
    assert scenario.weights == {**DEFAULT_WEIGHTS, "over_cover": 3, "on_requests": 4, "off_requests": 6}
    # Unticking the weights box and ticking it again leaves them greyed.
    again.weights_box.setChecked(False)
    again.weights_box.setChecked(True)
    assert not any(again.weight_spins[t].isEnabled() for t in WEIGHTED_COVERAGE_DEFAULTS)


def test_saving_untouched_version_3_weights_keeps_the_community_version_2(qtbot, store, cid) -> None:
    tab = open_dialog(qtbot, store, cid).settings_tab
    type_weight(qtbot, tab, "changes", 90)
    click(qtbot, tab.save_button)
    weights = store.week_scenario(cid, MONDAY).weights or {}
    assert weights == {**DEFAULT_WEIGHTS, "changes": 90}  # no version-3 term written at its default


def test_weighted_coverage_without_weights_is_refused_beside_the_field(qtbot, store, cid) -> None:
    tab = open_dialog(qtbot, store, cid).settings_tab
    before = dump(store.db)
    choose_weighted(qtbot, tab)
    type_weight(qtbot, tab, "missing_people", 300)
    tab.weights_box.setChecked(False)
    click(qtbot, tab.save_button)
    assert tab.messages.texts() == {"weights": "综合权衡缺岗要用权重：请勾选“按权重照顾各项偏好”，或改为缺岗优先"}
    assert tab.messages.labels["weights"].isVisible()
    assert not tab.dialog.status.text().startswith("✓")
    assert dump(store.db) == before
    # What the clerk chose is still on the form, to be put right.
    assert tab.coverage_weighted.isChecked() and tab.weight_spins["missing_people"].value() == 300


def test_the_demo_week_solved_in_weighted_mode_passes_the_validator(qtbot, store, cid) -> None:
    tab = open_dialog(qtbot, store, cid).settings_tab
    choose_weighted(qtbot, tab)
    type_weight(qtbot, tab, "missing_people", 2000)
    click(qtbot, tab.save_button)
    scenario = store.week_scenario(cid, MONDAY)
    assert scenario.coverage == "weighted"
    roster = solve(scenario, SolveOptions(time_limit_s=5, workers=2))
    assert roster.status in ("OPTIMAL", "FEASIBLE")
    assert validate(scenario, roster) == []  # terms, their weights and the objective recomputed
    priced = {t.name: t.weight for t in roster.terms}
    assert (priced["missing_people"], priced["unmet_needs"]) == (2000, WEIGHTED_COVERAGE_DEFAULTS["unmet_needs"])
    missing = sum(s.missing for s in roster.shortages)

    # Missing people at no cost: the weighted solver leaves posts empty to spare the
    # other terms, which coverage first would never do.
    type_weight(qtbot, tab, "missing_people", 0)
    type_weight(qtbot, tab, "unmet_needs", 0)
    click(qtbot, tab.save_button)
    free = store.week_scenario(cid, MONDAY)
    cheap = solve(free, SolveOptions(time_limit_s=5, workers=2))
    assert cheap.status in ("OPTIMAL", "FEASIBLE")
    assert validate(free, cheap) == []
    assert sum(s.missing for s in cheap.shortages) > missing


def test_a_stored_weight_above_the_fields_range_survives_a_save(qtbot, store, cid) -> None:
    # A file or another program may give weights larger than the form offers.
    store.set_weights(cid, {**DEFAULT_WEIGHTS, "changes": 150_000, "over_cover": 250_000})
    tab = open_dialog(qtbot, store, cid).settings_tab
    assert (tab.weight_spins["changes"].value(), tab.weight_spins["over_cover"].value()) == (150_000, 250_000)
    type_weight(qtbot, tab, "split_days", 12)
    click(qtbot, tab.save_button)
    assert store.week_scenario(cid, MONDAY).weights == {**DEFAULT_WEIGHTS, "changes": 150_000, "over_cover": 250_000,
                                                        "split_days": 12}
