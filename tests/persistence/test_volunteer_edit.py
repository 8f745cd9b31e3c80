"""The volunteer register (VolunteerEditStore): reading, adding, editing, deactivating,
availability one by one and in bulk, dates away, validation, and all-or-nothing writes."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import text

from roster_app.demo import demo_scenario
from roster_app.persistence import Database, RosterStore, StoreError
from roster_app.persistence.volunteer_edit import (
    ALLOWED_GATES,
    AVAILABILITY,
    CODE,
    EMPLOYED,
    KIND,
    MAX_HOURS_FIELD,
    MINOR,
    NAME,
    PARTY_MEMBER,
    PHONE,
    PREFERRED_GATES,
    ValidationContext,
    VolunteerEditStore,
    VolunteerRecord,
    VolunteerValidationError,
    check_record,
    normalize_phone,
)
from solver.scenario import WEEKDAY_KEYS, Assignment, Roster
from tests.persistence.conftest import WEEK
from tests.persistence.test_store import row_counts

MON, TUE, SAT = 0, 1, 5


@pytest.fixture
def edits(store: RosterStore) -> VolunteerEditStore:
    return VolunteerEditStore(store)


@pytest.fixture
def changes(store: RosterStore) -> list[int]:
    heard: list[int] = []
    store.subscribe(heard.append)
    return heard


def newcomer(**fields) -> VolunteerRecord:
    base = VolunteerRecord(
        name="孙立新", phone="13912345678", kind="resident", building="6号楼", grid="第二网格",
        skills=("registration",), max_hours_per_week=8, availability=frozenset({(SAT, "am"), (SAT, "pm")}),
    )
    return dataclasses.replace(base, **fields)


def scenario_volunteers(store: RosterStore, community_id: int) -> dict:
    return {v.id: v for v in store.week_scenario(community_id, WEEK).volunteers}


def fail_inserts_into(db: Database, table: str, when: str) -> None:
    """Makes the database itself refuse some rows of `table`, as a full disk or a broken
    file would: the write must then leave everything as it was."""
    with db.session() as s:
        if db.engine.dialect.name == "postgresql":
            condition = "TRUE" if when == "1" else when
            s.execute(text(
                f"CREATE FUNCTION refuse_{table}() RETURNS trigger LANGUAGE plpgsql AS "
                f"$$ BEGIN RAISE EXCEPTION 'refused by test' USING ERRCODE = 'integrity_constraint_violation'; END $$"
            ))
            s.execute(text(
                f"CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} FOR EACH ROW "
                f"WHEN ({condition}) EXECUTE FUNCTION refuse_{table}()"
            ))
            return
        s.execute(text(
            f"CREATE TRIGGER refuse_{table} BEFORE INSERT ON {table} WHEN {when} "
            f"BEGIN SELECT RAISE(ABORT, 'refused by test'); END"
        ))


def volunteer_row_id(db: Database, community_id: int, code: str) -> int:
    with db.session() as s:
        return s.execute(text("SELECT id FROM volunteers WHERE community_id = :c AND code = :v"),
                         {"c": community_id, "v": code}).scalar_one()


# --- reading ------------------------------------------------------------------------------


def test_the_register_lists_every_demo_volunteer_as_the_scenario_has_them(edits, store, demo_id):
    records = edits.volunteers(demo_id)
    assert [r.code for r in records] == [f"v{i:02d}" for i in range(1, 39)]
    scenario = scenario_volunteers(store, demo_id)
    for r in records:
        v = scenario[r.code]
        assert (r.name, r.party_member, r.employed, r.minor, r.building) == (
            v.name, v.party_member, v.employed, v.minor, v.building)
        assert r.availability == {(WEEKDAY_KEYS.index(d), s) for d, slots in v.available.items() for s in slots}
        assert r.skills == v.skills and r.max_hours_per_week == v.max_hours_per_week
        assert r.preferred_gates == v.preferred_gates and r.allowed_gates == v.allowed_gates
        assert r.preferred_slots == v.preferred_slots and r.registered == v.registered
        assert r.unavailable_dates == v.unavailable_dates
        assert r.kind == v.kind and r.active
    zhang = records[0]
    assert (zhang.name, zhang.phone, zhang.grid, zhang.allowed_gates) == ("张桂兰", "13601187425", "第一网格", ("east",))
    assert edits.volunteer(demo_id, "v05").unavailable_dates == {WEEK + dt.timedelta(days=2)}


def test_layout_offers_the_communitys_slots_gates_skills_and_places(edits, demo_id):
    layout = edits.layout(demo_id)
    assert [s.code for s in layout.slots] == ["early", "am", "pm", "eve"]
    assert [(g.code, g.name) for g in layout.gates] == [("east", "东门"), ("south", "南门"), ("west", "西门"),
                                                       ("north", "北门")]
    assert {"medical", "translation"} <= set(layout.skills)
    assert layout.buildings[:3] == ("1号楼", "2号楼", "3号楼") and layout.buildings[-1] == "16号楼"
    assert layout.grids == ("第一网格", "第二网格", "第三网格")
    assert (layout.work_start, layout.work_end) == (8 * 60, 18 * 60)
    assert layout.working_hours_slots() == {"am", "pm"}


def test_unknown_community_or_person_is_a_store_error(edits, demo_id):
    with pytest.raises(StoreError, match="no community"):
        edits.volunteers(demo_id + 1)
    with pytest.raises(StoreError, match="no volunteer 'v99'"):
        edits.volunteer(demo_id, "v99")


# --- adding -------------------------------------------------------------------------------


def test_add_makes_up_the_next_code_and_the_solver_sees_the_person(edits, store, demo_id, changes):
    saved = edits.add(demo_id, newcomer(phone="+86 139-1234 5678"))
    assert saved.code == "v39"
    assert saved.phone == "13912345678"  # normalized
    assert changes == [demo_id]
    assert edits.volunteers(demo_id)[-1] == saved
    v = scenario_volunteers(store, demo_id)["v39"]
    assert (v.name, v.kind, v.building, v.skills, v.max_hours_per_week) == ("孙立新", "resident", "6号楼",
                                                                          ("registration",), 8)
    assert v.available == {"sat": ("am", "pm")}
    assert edits.add(demo_id, newcomer(name="孙立新二", phone="")).code == "v40"


def test_add_with_a_given_code_and_a_taken_one(edits, demo_id):
    assert edits.add(demo_id, newcomer(code="extra-1")).code == "extra-1"
    with pytest.raises(VolunteerValidationError) as caught:
        edits.add(demo_id, newcomer(name="另一人", phone="", code="v01"))
    assert [(p.field, p.code) for p in caught.value.problems] == [(CODE, "code_taken")]


def test_a_bad_record_is_refused_with_every_problem_and_nothing_is_written(edits, db, demo_id, changes):
    before = row_counts(db)
    bad = VolunteerRecord(name="  ", phone="1381234567", kind="astronaut", max_hours_per_week=-1)
    with pytest.raises(VolunteerValidationError) as caught:
        edits.add(demo_id, bad)
    problems = {(p.field, p.code, p.warning) for p in caught.value.problems}
    assert problems == {
        (NAME, "required", False), (PHONE, "phone_format", False), (KIND, "unknown_kind", False),
        (MAX_HOURS_FIELD, "hours_range", False), (AVAILABILITY, "no_availability", True),
    }
    assert row_counts(db) == before
    assert changes == []


@pytest.mark.parametrize("phone, ok", [
    ("13601187425", True), ("19912345678", True), ("138 1234 5678", True), ("+86 138-1234-5678", True),
    ("", True),
    ("12345678901", False),  # 12x is no mobile prefix
    ("1381234567", False), ("138123456789", False), ("010-89523716", False), ("1381234567a", False),
])
def test_phone_must_be_an_eleven_digit_mainland_mobile_or_empty(phone, ok):
    context = ValidationContext(frozenset({"am"}), frozenset())
    problems = check_record(newcomer(phone=phone, availability={(0, "am")}), context, new=True)
    assert (not any(p.field == PHONE for p in problems)) == ok
    assert normalize_phone("（138）1234 5678") == "13812345678"


def test_kind_must_agree_with_the_flags_the_solver_reads(edits, demo_id):
    cases = [
        (dict(kind="employed_party", party_member=False, employed=False), {PARTY_MEMBER, EMPLOYED}),
        (dict(kind="nonemployed_party", party_member=True, employed=True), {EMPLOYED}),
        (dict(kind="minor", minor=False), {MINOR}),
        (dict(kind="employed_party", party_member=True, employed=True), set()),
        (dict(kind="youth", minor=True), set()),
    ]
    context = edits.context(demo_id)
    for fields, expected in cases:
        found = {p.field for p in check_record(newcomer(**fields), context, new=True)}
        assert found == expected, fields


def test_a_duplicate_name_is_a_warning_the_clerk_may_accept(edits, demo_id):
    twin = newcomer(name="张桂兰", building="9号楼")
    with pytest.raises(VolunteerValidationError) as caught:
        edits.add(demo_id, twin)
    (problem,) = caught.value.problems
    assert (problem.field, problem.code, problem.warning) == (NAME, "duplicate_name", True)
    assert problem.params == {"name": "张桂兰", "other": "v01", "building": "3号楼"}
    saved = edits.add(demo_id, twin, accept_warnings=True)
    assert [r.name for r in edits.volunteers(demo_id)].count("张桂兰") == 2
    # Editing someone is no duplicate of themselves; errors are never accepted.
    edits.update(demo_id, dataclasses.replace(edits.volunteer(demo_id, "v02"), grid="第三网格"))
    with pytest.raises(VolunteerValidationError, match="phone"):
        edits.update(demo_id, dataclasses.replace(saved, phone="123"), accept_warnings=True)


def test_a_shared_phone_and_no_gate_at_all_are_warnings(edits, demo_id):
    context = edits.context(demo_id)
    problems = check_record(newcomer(phone="13601187425", allowed_gates=()), context, new=True)
    assert {(p.field, p.code, p.warning) for p in problems} == {
        (PHONE, "duplicate_phone", True), (ALLOWED_GATES, "no_gate", True)}
    problems = check_record(newcomer(preferred_gates=("gate9",)), context, new=True)
    assert [(p.field, p.code, p.params) for p in problems] == [(PREFERRED_GATES, "unknown_code", {"code": "gate9"})]


# --- editing ------------------------------------------------------------------------------


def test_update_replaces_every_field_but_keeps_the_code(edits, store, demo_id, changes):
    zhang = edits.volunteer(demo_id, "v01")
    changed = dataclasses.replace(
        zhang, name="张桂兰", phone="13700001111", building="4号楼", skills=("medical", "registration"),
        max_hours_per_week=None, availability=frozenset({(TUE, "early")}), allowed_gates=None,
        preferred_gates=("south", "east"), preferred_slots=("early",),
        unavailable_dates=frozenset({WEEK + dt.timedelta(days=3)}),
    )
    saved = edits.update(demo_id, changed)
    assert saved == changed
    assert edits.volunteer(demo_id, "v01") == changed
    assert changes == [demo_id]
    v = scenario_volunteers(store, demo_id)["v01"]
    assert v.available == {"tue": ("early",)} and v.allowed_gates is None
    assert v.preferred_gates == ("south", "east") and v.unavailable_dates == {WEEK + dt.timedelta(days=3)}
    assert v.max_hours_per_week is None and v.skills == ("medical", "registration")
    with pytest.raises(StoreError, match="no volunteer 'v77'"):
        edits.update(demo_id, dataclasses.replace(changed, code="v77"))


def test_the_solver_sees_a_kind_once_the_clerk_changes_it(store):
    """A version-1 scenario names no kinds; the office guessed them. Editing other fields
    keeps the guess away from the solver, choosing a kind gives it to the solver."""
    base = demo_scenario(WEEK)
    scenario = dataclasses.replace(
        base, weights=None,
        volunteers=tuple(dataclasses.replace(v, kind=None, registered=False, allowed_gates=None,
                                             preferred_slots=()) for v in base.volunteers))
    scenario = dataclasses.replace(scenario, rules=dataclasses.replace(
        scenario.rules, min_posts_registered=0, minor_latest_end=None, minor_max_hours_per_week=None,
        max_consecutive_days=None, min_rest_hours=None, history_weeks=0))
    cid = store.import_scenario(scenario)
    edits = VolunteerEditStore(store)
    record = edits.volunteer(cid, "v30")
    assert record.kind == "resident"  # guessed
    edits.update(cid, dataclasses.replace(record, building="7号楼"))
    assert scenario_volunteers(store, cid)["v30"].kind is None
    edits.update(cid, dataclasses.replace(record, kind="youth"))
    assert scenario_volunteers(store, cid)["v30"].kind == "youth"


def test_deactivated_people_leave_the_week_but_stay_in_the_register(edits, store, demo_id, changes):
    edits.set_active(demo_id, ["v03", "v37"], False)
    assert changes == [demo_id]
    assert {"v03", "v37"}.isdisjoint(scenario_volunteers(store, demo_id))
    records = {r.code: r for r in edits.volunteers(demo_id)}
    assert len(records) == 38 and not records["v03"].active and not records["v37"].active
    assert records["v04"].active
    # An inactive person with no week is no warning: nobody expects them on a roster.
    edits.update(demo_id, dataclasses.replace(records["v03"], availability=frozenset()))
    edits.set_active(demo_id, ["v03"], True)
    assert "v03" in scenario_volunteers(store, demo_id)
    with pytest.raises(StoreError, match="'nobody'"):
        edits.set_active(demo_id, ["v04", "nobody"], False)
    assert edits.volunteer(demo_id, "v04").active


def test_assigned_dates_tell_who_still_stands_in_a_saved_roster(edits, store, demo_id):
    store.save_roster(demo_id, WEEK, Roster("玉带路社区", "FEASIBLE", (
        Assignment("v11", "east", WEEK, "early"), Assignment("v11", "east", WEEK + dt.timedelta(days=2), "eve"))))
    assert edits.assigned_dates(demo_id, ["v11", "v12"], WEEK + dt.timedelta(days=1)) == {
        "v11": [WEEK + dt.timedelta(days=2)]}


# --- availability and dates away ----------------------------------------------------------


def test_bulk_set_gives_several_people_the_same_week(edits, store, demo_id, changes):
    cells = {(MON, "eve"), (SAT, "am"), (SAT, "early")}
    edits.set_availability(demo_id, ["v11", "v12", "v13"], cells)
    assert changes == [demo_id]
    for code in ("v11", "v12", "v13"):
        assert edits.volunteer(demo_id, code).availability == cells
    assert scenario_volunteers(store, demo_id)["v12"].available == {"mon": ("eve",), "sat": ("early", "am")}
    assert edits.volunteer(demo_id, "v14").availability != cells


def test_bulk_change_touches_only_the_given_cells(edits, demo_id):
    before = {c: edits.volunteer(demo_id, c).availability for c in ("v01", "v29")}
    edits.change_availability(demo_id, ["v01", "v29"], add={(SAT, "pm"), (MON, "am")}, remove={(TUE, "am")})
    for code, had in before.items():
        assert edits.volunteer(demo_id, code).availability == (had | {(SAT, "pm"), (MON, "am")}) - {(TUE, "am")}
    with pytest.raises(StoreError, match="both added and removed"):
        edits.change_availability(demo_id, ["v01"], add={(SAT, "pm")}, remove={(SAT, "pm")})


def test_an_unknown_slot_refuses_the_whole_bulk_edit(edits, db, demo_id, changes):
    before = row_counts(db)
    with pytest.raises(VolunteerValidationError, match="night"):
        edits.set_availability(demo_id, ["v01", "v02"], {(MON, "am"), (MON, "night")})
    with pytest.raises(VolunteerValidationError):
        edits.change_availability(demo_id, ["v01"], add={(7, "am")})
    assert row_counts(db) == before and changes == []


def test_dates_away_added_and_removed_for_several_people(edits, store, demo_id):
    sick = [WEEK + dt.timedelta(days=1), WEEK + dt.timedelta(days=2)]
    edits.add_unavailable_dates(demo_id, ["v05", "v06"], sick)  # v05 is already away on day 2
    assert edits.volunteer(demo_id, "v05").unavailable_dates == set(sick)
    assert scenario_volunteers(store, demo_id)["v06"].unavailable_dates == set(sick)
    edits.remove_unavailable_dates(demo_id, ["v05"], [sick[1], WEEK + dt.timedelta(days=30)])
    assert edits.volunteer(demo_id, "v05").unavailable_dates == {sick[0]}
    assert edits.volunteer(demo_id, "v06").unavailable_dates == set(sick)


# --- all or nothing -----------------------------------------------------------------------


def test_a_bulk_edit_failing_on_the_second_person_leaves_the_first_as_it_was(edits, db, demo_id, changes):
    v02 = volunteer_row_id(db, demo_id, "v02")
    fail_inserts_into(db, "availability", f"NEW.volunteer_id = {v02}")
    before = edits.volunteer(demo_id, "v01").availability
    with pytest.raises(StoreError, match="refused by test"):
        edits.set_availability(demo_id, ["v01", "v02"], {(SAT, "eve")})
    assert edits.volunteer(demo_id, "v01").availability == before
    with pytest.raises(StoreError, match="refused by test"):
        edits.change_availability(demo_id, ["v01", "v02"], add={(SAT, "eve")})
    assert edits.volunteer(demo_id, "v01").availability == before
    assert changes == []


def test_an_update_failing_half_way_keeps_the_old_person(edits, db, demo_id):
    fail_inserts_into(db, "unavailable_dates", "1")
    old = edits.volunteer(demo_id, "v07")
    with pytest.raises(StoreError, match="refused by test"):
        edits.update(demo_id, dataclasses.replace(old, name="赵振中", skills=("medical",),
                                                  unavailable_dates=frozenset({WEEK})))
    assert edits.volunteer(demo_id, "v07") == old
    with pytest.raises(StoreError, match="refused by test"):
        edits.add_unavailable_dates(demo_id, ["v01", "v02"], [WEEK])
    assert edits.volunteer(demo_id, "v01").unavailable_dates == frozenset()


def test_an_add_failing_half_way_leaves_no_person(edits, db, demo_id):
    fail_inserts_into(db, "volunteer_skills", "1")
    before = row_counts(db)
    with pytest.raises(StoreError, match="refused by test"):
        edits.add(demo_id, newcomer())
    assert row_counts(db) == before
    assert len(edits.volunteers(demo_id)) == 38
