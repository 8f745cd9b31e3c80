"""The picture for the WeChat group: 1080 px wide, sections per gate or day, masked phones."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QImage

from roster_app.demo import DEMO_CONTACT, DEMO_NAME
from roster_app.gui.kinds import KIND_STYLES, kind_style
from roster_app.gui.week_data import derive_roster
from roster_app.output.canvas import OutputError
from roster_app.output.week import PrintWeek
from roster_app.reports.wechat_picture import (
    HEADER_FILL,
    SHORT_FILL,
    WIDTH,
    PictureItem,
    day_scope,
    gate_scope,
    post_items,
    save_week_picture,
    week_picture,
)
from solver.model import SolveOptions, solve
from solver.scenario import Assignment, Post
from tests.reports.conftest import WEEK_A, details, roster, scenario

MADE_ON = dt.date(2026, 11, 20)


@pytest.fixture(autouse=True)
def _qt_running(qapp):
    """Fonts can only be measured with a Q(Gui)Application."""
    yield


def colours(image: QImage, step: int = 3) -> dict[str, int]:
    counts: dict[str, int] = {}
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            name = image.pixelColor(x, y).name()
            counts[name] = counts.get(name, 0) + 1
    return counts


def short_week():
    """Week A with a third person on 东门's first early post and 北门 left short on Tuesday."""
    sc = scenario(WEEK_A)
    assignments = roster(WEEK_A).assignments + (Assignment("wf", "east", WEEK_A, "early"),)
    return sc, derive_roster(sc, assignments, None)


@pytest.fixture(scope="module")
def demo_week(tmp_path_factory):
    """The demo community's week, solved (a first answer is enough), saved and published
    through the store, then read back as the picture would be made in the app."""
    from roster_app.persistence import Database, RosterStore

    db = Database(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite3'}")
    store = RosterStore(db)
    cid = store.load_demo(WEEK_A)
    store.save_roster(cid, WEEK_A, solve(store.week_scenario(cid, WEEK_A), SolveOptions(time_limit_s=3)))
    store.publish_week(cid, WEEK_A)
    week = (store.week_scenario(cid, WEEK_A), store.week_roster(cid, WEEK_A), store.volunteer_details(cid))
    db.close()
    return week


def test_the_demo_week_reads_on_a_phone(demo_week, tmp_path):
    sc, ro, det = demo_week
    path = tmp_path / "本周值班表.png"
    image = save_week_picture(path, sc, ro, DEMO_NAME, det, contact=DEMO_CONTACT, made_on=MADE_ON)
    back = QImage(str(path))
    assert (back.width(), back.height()) == (image.width(), image.height())
    assert back.width() == WIDTH == 1080
    assert back.height() > 3000  # four gates, seven days, a row per open slot
    counts = colours(back)
    assert counts.get(HEADER_FILL.name(), 0) > 1000
    assert counts.get("#ffffff", 0) < sum(counts.values()) * 0.95  # not blank
    # Every kind on duty this week has its dot.
    on_duty = {det[a.volunteer].kind for a in ro.assignments}
    for style in KIND_STYLES:
        if style.code in on_duty:
            assert counts.get(style.colour, 0) > 0, style.label


def test_one_gate_and_one_day_are_shorter(demo_week):
    sc, ro, det = demo_week
    week = week_picture(sc, ro, DEMO_NAME, det, made_on=MADE_ON)
    gate = week_picture(sc, ro, DEMO_NAME, det, gate_scope("east"), made_on=MADE_ON)
    day = week_picture(sc, ro, DEMO_NAME, det, day_scope(WEEK_A + dt.timedelta(days=5)), made_on=MADE_ON)
    assert gate.width() == day.width() == WIDTH
    assert day.height() < gate.height() < week.height()
    assert 1000 < day.height() < 2500


def test_phones_are_masked_and_short_posts_say_what_they_lack():
    sc, ro = short_week()
    week = PrintWeek(sc, ro, "测试社区", "", details(), MADE_ON)
    assert post_items(week, Post("east", WEEK_A, "early")) == [
        PictureItem("nonemployed_party", "张桂兰", "138****1234"),
        PictureItem("resident", "王芳", ""),
    ]
    assert post_items(week, Post("north", WEEK_A + dt.timedelta(days=1), "early")) == [PictureItem(None, "缺 1人")]


def test_a_short_post_is_marked_in_red():
    sc, ro = short_week()
    assert ro.shortages
    image = week_picture(sc, ro, "测试社区", details(), gate_scope("north"), made_on=MADE_ON)
    assert colours(image, 2).get(SHORT_FILL.name(), 0) > 50
    full = week_picture(sc, derive_roster(sc, (), None), "测试社区", details(), made_on=MADE_ON)
    assert colours(full, 2).get(SHORT_FILL.name(), 0) > colours(image, 2)[SHORT_FILL.name()]


def test_before_the_first_roster_the_pins_are_shown():
    sc = scenario(WEEK_A)
    pinned = (Assignment("lm", "east", WEEK_A, "eve", pinned=True),)
    from dataclasses import replace

    image = week_picture(replace(sc, pinned=pinned), None, "测试社区", details(), day_scope(WEEK_A), made_on=MADE_ON)
    assert colours(image, 2).get(kind_style("employed_party").colour, 0) > 0


def test_bad_scopes_and_paths_are_refused(tmp_path):
    sc, ro = short_week()
    with pytest.raises(ValueError, match="no gate"):
        week_picture(sc, ro, "测试社区", details(), gate_scope("south"))
    with pytest.raises(ValueError, match="not a date"):
        week_picture(sc, ro, "测试社区", details(), day_scope(dt.date(2026, 12, 25)))
    with pytest.raises(OutputError, match="无法写入文件"):
        save_week_picture(tmp_path / "missing" / "x.png", sc, ro, "测试社区", details())


def test_a_week_read_from_the_store_draws_the_same(store, community, tmp_path):
    from roster_app.reports.wechat_picture import print_week_picture

    week = PrintWeek.from_store(store, community, WEEK_A, printed_on=MADE_ON)
    from_store = print_week_picture(week, gate_scope("east"))
    by_hand = week_picture(scenario(WEEK_A), store.week_roster(community, WEEK_A), "测试社区", details(),
                           gate_scope("east"), contact=week.contact, made_on=MADE_ON)
    assert from_store == by_hand
