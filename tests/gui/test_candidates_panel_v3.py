"""谁能顶岗 in words for version 3's rules: the panel names each new reason with the number or
the post that binds, in Chinese and in English (the compiled catalogue installed), and no
row ever shows the engine's code instead of a sentence.

Each scenario is a small version-3 week read by the real scenario reader; the reasons come
from `solver.candidates` as the window asks for them (`CandidatesPanel.show_post`), and the
texts are read from the panel's table as the clerk sees them.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from roster_app import i18n
from roster_app.gui.candidates_panel import BLOCKED_SOURCES, NOTE, CandidateListModel, CandidatesPanel, lower_text
from roster_app.gui.roster_model import describe_post
from roster_app.gui.week_data import WeekData, derive_roster
from solver import candidates as c
from solver.instance import Ineligible
from solver.scenario import Assignment, Post, Scenario
from tests.helpers.scenarios import person
# The small version-3 week and its helpers, as the engine's own candidate tests build them.
from tests.solver.test_candidates_v3 import MON, at, day
from tests.solver.test_candidates_v3 import week as v3_week

DRAWBACK_CODES = {c.SHORT_RUN, c.REQUEST, c.BUSIER_DAY, c.LESS_RESTED, c.MORE_HOURS, c.GATE_FIT, c.SLOT_FIT, c.SAME}
CODES = {value for name, value in vars(c).items() if name.isupper() and isinstance(value, str)}
"""Every code `solver.candidates` defines: why someone is blocked, why a candidate ranks lower."""


def table(panel: CandidatesPanel) -> dict[str, str]:
    model = panel.model
    return {model.index(r, 0).data(CandidateListModel.VolunteerIdRole): model.index(r, NOTE).data()
            for r in range(model.rowCount())}


def assert_no_code(zh: dict[str, str], en: dict[str, str]) -> None:
    for vid, text in zh.items():
        # The Chinese texts hold Chinese words, digits and the scenario's (Chinese) names only.
        assert not re.search(r"[A-Za-z_]", text), (vid, text)
    for vid, text in en.items():
        assert text.strip() and text not in CODES, (vid, text)
        assert not [code for code in CODES if "_" in code and code in text], (vid, text)


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory):
    """The English catalogue compiled from the .ts, as the set-up compiles it."""
    qm = tmp_path_factory.mktemp("qm") / "gateroster_en.qm"
    subprocess.run([i18n._tool("pyside6-lrelease"), "-silent", str(i18n.ts_file("en")), "-qm", str(qm)], check=True)
    return qm


@pytest.fixture
def notes(qtbot, qapp, catalogue):
    """`notes(scenario, roster, post)`: the panel's 说明 per volunteer id, in Chinese and in
    English, and the week shown (for the posts' names)."""
    translator = i18n.CatalogueTranslator()
    assert translator.load(str(catalogue))
    panel = CandidatesPanel()
    qtbot.addWidget(panel)

    def read(scenario: Scenario, roster: list[Assignment], post: Post):
        week = WeekData(scenario, derive_roster(scenario, roster, None))
        panel.show_post(week, post)
        zh = table(panel)
        qapp.installTranslator(translator)
        try:
            en = table(panel)
            en_posts = {p: describe_post(week, p) for p in week.staffing}
        finally:
            qapp.removeTranslator(translator)
        assert_no_code(zh, en)
        return zh, en, week, en_posts

    return read


# --- blocked: the new codes ----------------------------------------------------------------


def test_posts_per_slot_name_the_persons_limit(notes):
    scenario = v3_week(person("two", max_posts_by_slot={"eve": 2}), person("none", max_posts_by_slot={"eve": 0}),
                       person("free"))
    roster = [at("two", "east", 0, "eve"), at("two", "west", 1, "eve")]
    zh, en, *_ = notes(scenario, roster, Post("east", day(3), "eve"))
    assert zh["two"] == "这个班次已排满本人上限 2 次"
    assert en["two"] == "already has 2 shift(s) in this slot, their most"
    assert zh["none"] == "本人不排这个班次" and en["none"] == "never serves in this slot"


def test_minutes_over_the_period_are_said_in_hours(notes):
    scenario = v3_week(person("short", max_minutes=390), person("free"))
    roster = [at("short", "east", 0, "am")]  # 4 h of 6.5; the evening's 4 more pass it
    zh, en, *_ = notes(scenario, roster, Post("east", day(2), "eve"))
    assert zh["short"] == "再排就超过本期时长上限 6.5 小时"
    assert en["short"] == "would exceed their cap of 6.5 h for the period"


def test_weekends_name_the_persons_limit(notes):
    scenario = v3_week(person("twice", max_weekends=2), person("never", max_weekends=0), person("free"), days=21)
    roster = [at("twice", "east", 5, "am"), at("twice", "east", 12, "am")]  # two Saturdays
    zh, en, *_ = notes(scenario, roster, Post("east", day(19), "am"))  # the third
    assert zh["twice"] == "已排满本人上限 2 个周末"
    assert en["twice"] == "already on duty on 2 weekend(s), their most"
    assert zh["never"] == "本人不在周末值班" and en["never"] == "does not serve on weekends"


def test_a_forbidden_sequence_names_the_other_post_and_its_side(notes):
    scenario = v3_week(person("late"), person("early"), person("free"), forbidden_sequences=[["eve", "early"]])
    roster = [at("late", "west", 0, "eve"), at("early", "east", 2, "early")]
    zh, en, week, en_posts = notes(scenario, roster, Post("east", day(1), "early"))
    before = Post("west", day(0), "eve")
    assert zh["late"] == f"紧接在 {describe_post(week, before)} 之后，这两个班次不能连排"
    assert en["late"] == f"may not directly follow {en_posts[before]} (a forbidden sequence of slots)"
    zh, en, week, en_posts = notes(scenario, roster, Post("west", day(1), "eve"))
    after = Post("east", day(2), "early")
    assert zh["early"] == f"紧接在 {describe_post(week, after)} 之前，这两个班次不能连排"
    assert en["early"] == f"may not directly precede {en_posts[after]} (a forbidden sequence of slots)"


def test_a_run_of_days_names_the_limit_that_applied(notes):
    # own: their own 1 day is stricter than the community's 3; loose: their own 5 is not.
    scenario = v3_week(person("own", max_consecutive_days=1), person("loose", max_consecutive_days=5),
                       person("free"), max_consecutive_days=3)
    roster = [at("own", "east", 2, "am"), at("loose", "east", 0, "am"), at("loose", "east", 1, "am"),
              at("loose", "east", 2, "eve")]
    zh, en, *_ = notes(scenario, roster, Post("west", day(3), "am"))
    assert zh["own"] == "会连续值班超过本人上限 1 天"
    assert en["own"] == "would serve more than 1 days in a row, their own most"
    assert zh["loose"] == "会连续值班超过 3 天"
    assert en["loose"] == "would serve more than 3 days in a row"


# --- candidates: minimum runs and requests --------------------------------------------------


def test_days_off_left_short_say_how_short_whatever_ranks_them_lower(notes):
    scenario = v3_week(person("gap", min_consecutive_days_off=2), person("one", min_consecutive_days_off=3),
                       person("free"))
    # one: Monday; gap: Monday and Friday. Wednesday leaves one's Tuesday, and cuts gap's
    # three days into Tuesday and Thursday.
    roster = [at("gap", "east", 0, "am"), at("gap", "east", 4, "am"), at("one", "east", 0, "am")]
    zh, en, *_ = notes(scenario, roster, Post("west", day(2), "am"))
    assert list(zh) == ["free", "one", "gap"]
    assert zh["one"] == "排这班后两班之间只休 1 天，少于本人要求的 3 天"
    assert en["one"] == "would leave only 1 day(s) off between posts, fewer than the 3 they need"
    # gap ranks below one for their hours, and still says what the post would break.
    assert zh["gap"] == "排这班后两班之间只休 1 天，少于本人要求的 2 天；本周和近期共 8 小时，比上一位多 4 小时"
    assert en["gap"].startswith("would leave only 1 day(s) off between posts, fewer than the 2 they need; ")


def test_a_lone_day_says_the_run_the_person_needs(notes):
    scenario = v3_week(person("lone", min_consecutive_days=3), person("free"))
    zh, en, *_ = notes(scenario, [], Post("west", day(4), "am"))
    assert list(zh) == ["free", "lone"]
    assert zh["lone"] == "这天前后都不值班，少于本人要求的连续 3 天"
    assert en["lone"] == "would be a single day on duty, fewer than the 3 in a row they need"


def test_the_best_who_breaks_a_minimum_says_so(notes):
    # Only one person can come, and their post would break both minimums.
    scenario = v3_week(person("both", min_consecutive_days=2, min_consecutive_days_off=3))
    zh, en, *_ = notes(scenario, [at("both", "east", 0, "am")], Post("west", day(2), "am"))
    assert zh["both"] == ("最合适：这天没有其他班次，本周 4 小时；这天前后都不值班，少于本人要求的连续 2 天；"
                          "排这班后两班之间只休 1 天，少于本人要求的 3 天")
    assert en["both"] == ("Best fit: no other shift that day, 4 h this week; would be a single day on duty, fewer than "
                          "the 2 in a row they need; would leave only 1 day(s) off between posts, fewer than the 3 "
                          "they need")


def test_requests_for_the_slot_are_named(notes):
    wed = day(2).isoformat()
    scenario = v3_week(
        person("off", requests=[{"date": wed, "slot": "am", "wanted": False, "weight": 3}]),
        person("none"),
        person("for", requests=[{"date": wed, "slot": "am", "wanted": True, "weight": 1}]),
        person("both", requests=[{"date": wed, "slot": "am", "wanted": True, "weight": 1},
                                 {"date": wed, "slot": "am", "wanted": False, "weight": 1}]),
    )
    zh, en, *_ = notes(scenario, [], Post("west", day(2), "am"))
    assert list(zh) == ["for", "none", "off", "both"]
    assert zh["for"] == "最合适：本人申请了这个班次，这天没有其他班次，本周 0 小时"
    assert en["for"].startswith("Best fit: asked for this slot that day, ")
    assert zh["none"] == "没有申请这个班次（上一位申请了）"
    assert en["none"] == "made no request (the one above asked for this slot)"
    assert zh["off"] == "本人申请这天这个班次不排"
    assert en["off"] == "asked not to serve this slot that day"
    assert zh["both"] == "条件与上一位相同"


# --- every code has words -----------------------------------------------------------------


def test_every_blocking_code_has_a_sentence():
    ineligible = {value for name, value in vars(Ineligible).items() if name.isupper() and isinstance(value, str)}
    blocking = (CODES - DRAWBACK_CODES - {c.HERE}) | ineligible  # people already here are not listed
    assert {c.SLOT_LIMIT, c.MINUTES_CAP, c.WEEKENDS, c.SEQUENCE} <= blocking
    assert blocking - set(BLOCKED_SOURCES) == set()


def test_every_ranking_criterion_has_its_own_words(qapp):
    scenario = v3_week(person("p", min_consecutive_days=2))
    week = WeekData(scenario)
    base = c.Candidate("p", 0, None, 0.0, 0.0, c.NO_PREFERENCE, c.NO_PREFERENCE)
    same = lower_text(week, c.Candidate(**{**vars(base), "why_lower": c.Drawback(c.SAME, 0, 0)}))
    assert same == "条件与上一位相同"
    for code in DRAWBACK_CODES - {c.SAME}:
        candidate = c.Candidate(**{**vars(base), "lone_day": code == c.SHORT_RUN,
                                   "why_lower": c.Drawback(code, 2, 1)})
        text = lower_text(week, candidate)
        assert text and text != same, code


# --- the post's context menu ------------------------------------------------------------------


def test_the_assign_menu_says_which_minimum_a_name_would_break(qtbot, tmp_path):
    """安排… lists the best candidates by name; one there only because it would leave a run of
    days short of their own minimum says so, since the menu shows no 说明 column."""
    from PySide6.QtCore import QSettings

    from roster_app.gui.main_window import MainWindow
    from roster_app.gui.app import open_store

    store = open_store(f"sqlite:///{tmp_path / 'roster.db'}")
    window = MainWindow(store, today=lambda: MON,
                        settings=QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    scenario = v3_week(person("lone", min_consecutive_days=3), person("free"))
    # The week shown is a version-3 scenario's: the window reads rules from the database, which
    # has no minimum runs, so the week is handed over as the window holds it.
    window._week = WeekData(scenario, derive_roster(scenario, [], None))
    menu = window.cell_menu(Post("west", day(4), "am"))
    assign = next(a for a in menu.actions() if a.text() == "安排…").menu()
    entries = [a.text() for a in assign.actions() if not a.isSeparator()][:-1]  # less 全部人选…
    names = window._week.volunteer_names
    assert entries[0] == f"{names['free']}（本周 0 小时）"
    assert entries[1] == f"{names['lone']}（本周 0 小时）：这天前后都不值班，少于本人要求的连续 3 天"
    store.db.close()
