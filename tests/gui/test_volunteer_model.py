"""The volunteer list: hours, person-times, caps, order."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt

from roster_app.gui.volunteer_model import CAP, HOURS, KIND, NAME, PERSON_TIMES, VolunteerListModel
from roster_app.gui.week_data import WeekData
from tests.gui.fakes import KINDS, national_day_roster, national_day_week


def make_model() -> VolunteerListModel:
    model = VolunteerListModel()
    model.set_week(WeekData(national_day_week(), national_day_roster(), KINDS))
    return model


def rows(model) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_qtmodeltester(qtmodeltester, qapp):
    model = VolunteerListModel()
    qtmodeltester.check(model)
    model.set_week(WeekData(national_day_week(), national_day_roster(), KINDS))
    qtmodeltester.check(model)


def test_hours_person_times_caps_in_kind_order(qapp):
    model = make_model()
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "姓名", "类别", "本周时长", "人次", "上限"]
    # Kind order of the legend: employed party member, non-employed, …, resident, youth.
    assert rows(model) == [
        ["李建国", "在职党员", "8", "3", "10"],   # no own cap: the community default
        ["张桂兰", "无职党员", "4", "2", "12"],
        ["王小明", "群众", "4", "1", "8"],
        ["赵敏", "青年志愿者", "0", "0", "10"],
    ]


def test_sorting_through_a_proxy_uses_numbers(qapp):
    model = make_model()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(VolunteerListModel.SortRole)
    proxy.sort(HOURS, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, NAME).data() for r in range(4)][:1] == ["李建国"]
    assert proxy.index(3, HOURS).data() == "0"
    proxy.sort(CAP, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, NAME).data() == "王小明"
    assert {KIND, PERSON_TIMES} == {1, 3}


def test_updates_when_the_roster_changes(qapp, qtbot):
    model = make_model()
    with qtbot.waitSignal(model.modelReset):
        model.set_week(WeekData(national_day_week(), None, KINDS))
    assert all(row[2] == "0" for row in rows(model))


def test_tooltip_tells_kind_registered_minimum_and_masked_phone(qapp):
    from dataclasses import replace

    from roster_app.gui.volunteer_model import mask_phone

    assert mask_phone("13812341234") == "138****1234"
    assert mask_phone(" 010654321000 ") == "010*****1000"
    assert mask_phone("12345") == "*****"

    scenario = national_day_week()
    scenario = replace(
        scenario,
        volunteers=tuple(replace(v, registered=v.id == "v2") for v in scenario.volunteers),
        rules=replace(scenario.rules, min_posts_registered=4),
    )
    model = VolunteerListModel()
    model.set_week(WeekData(scenario, national_day_roster(), KINDS, phones={"v2": "13812341234"}))
    tips = {model.index(r, NAME).data(): model.index(r, NAME).data(Qt.ItemDataRole.ToolTipRole)
            for r in range(model.rowCount())}
    # The fake roster has 李建国 at two gates at once on Monday morning: the live check says so.
    assert tips["李建国"].splitlines() == [
        "李建国（在职党员）", "本周 8 小时，上限 10 小时", "双报到：本周应排至少 4 班，已排 3 班",
        "⚠ 违反规则：李建国这天排了 3 个班次，超过每天最多 2 个", "⚠ 违反规则：李建国同一时间排在两个岗位",
        "电话：138****1234"]
    assert "电话" not in tips["张桂兰"] and "双报到" not in tips["张桂兰"]
    assert "13812341234" not in "".join(tips.values())


def test_cap_shown_is_the_one_that_binds(qapp):
    from dataclasses import replace

    scenario = national_day_week()
    people = list(scenario.volunteers)
    people[0] = replace(people[0], kind="employed_party")  # own cap 12, kind cap 6
    people[2] = replace(people[2], minor=True)  # own cap 8, minors' cap 4
    scenario = replace(scenario, volunteers=tuple(people),
                       rules=replace(scenario.rules, kind_max_hours_per_week={"employed_party": 6},
                                     minor_max_hours_per_week=4))
    week = WeekData(scenario, None, KINDS)
    assert [week.cap_of(v) for v in ("v1", "v2", "v3", "v4")] == [6.0, 10.0, 4.0, 10.0]
