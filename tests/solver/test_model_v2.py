"""The version-2 rules of the model, one at a time, each where it binds, each answer checked
by the independent validator (which also recomputes every reported objective term)."""

from __future__ import annotations

from dataclasses import replace

from solver.model import SolveOptions, solve, solve_with_stats
from solver.scenario import DEFAULT_WEIGHTS, Assignment
from solver.validate import objective_terms
from tests.helpers.scenarios import MON, SAT, TUE, assert_valid, d, gate, make, need, person, version_2

FAST = SolveOptions(time_limit_s=10, workers=8, language="en")
V2 = "gateroster.scenario/2"


def make2(volunteers, gates, **changes):
    return make(volunteers, gates, format=V2, **changes)


def posts_of(roster, vid):
    return sorted((a.date.isoformat(), a.gate, a.slot) for a in roster.assignments if a.volunteer == vid)


def test_allowed_gates_bind():
    s = make2([person("v1", allowed_gates=["west"])], [gate("east", "东门", need("eve", 1)), gate("west", "西门", need("eve", 1))])
    r = solve(s, FAST)
    assert_valid(s, r)
    assert posts_of(r, "v1") == [(MON, "west", "eve")]
    assert [x.gate for x in r.shortages] == ["east"]


def test_minors_not_late_by_default_in_version_2():
    people = [person("kid", minor=True), person("adult")]
    gates = [gate("east", "东门", need("eve", 2))]
    r = solve(s := make2(people, gates), FAST)
    assert_valid(s, r)
    assert posts_of(r, "kid") == []  # the evening ends at 22:00, after the default 20:00
    r1 = solve(s1 := make(people, gates), FAST)  # version 1 knows no such rule
    assert_valid(s1, r1)
    assert posts_of(r1, "kid") == [(MON, "east", "eve")]


def test_kind_and_minor_caps():
    s = make2(
        [person("e1", kind="employed_party"), person("kid", minor=True), person("adult", max_hours_per_week=2)],
        [gate("east", "东门", need("early", 2), need("am", 2, days=[TUE]))],
        days=2, start_date=SAT,
        rules={"kind_max_hours_per_week": {"employed_party": 7}, "minor_max_hours_per_week": 14},
    )
    # Over 2 days: e1 capped at 2 h, the minor at 4 h, the adult at 0 h (2 h × 2 / 7).
    r = solve(s, FAST)
    assert_valid(s, r)
    assert len(posts_of(r, "e1")) == 1
    assert sum(s.slot(x[2]).minutes for x in posts_of(r, "kid")) <= 240
    assert posts_of(r, "adult") == []


def test_max_consecutive_days():
    s = make2([person("v1")], [gate("east", "东门", need("am", 1))], days=3, rules={"max_consecutive_days": 2})
    r = solve(s, FAST)
    assert_valid(s, r)
    assert len(posts_of(r, "v1")) == 2
    assert len(r.shortages) == 1


def test_min_rest_between_days():
    s = make2([person("v1")], [gate("east", "东门", need("eve", 1, days=[MON]), need("early", 1, days=[TUE]))],
              days=2, rules={"min_rest_hours": 10})
    r = solve(s, FAST)
    assert_valid(s, r)
    assert len(posts_of(r, "v1")) == 1  # 22:00 to 06:00 is only 8 hours
    s9 = make2([person("v1")], [gate("east", "东门", need("eve", 1, days=[MON]), need("early", 1, days=[TUE]))],
               days=2, rules={"min_rest_hours": 8})
    assert len(posts_of(solve(s9, FAST), "v1")) == 2


def test_registered_volunteer_gets_the_post_and_shortfall_is_reported():
    s = make2([person("reg", employed=True, party_member=True, registered=True), person("other", employed=True)],
              [gate("east", "东门", need("eve", 1))], rules={"min_posts_registered": 7})
    r = solve(s, FAST)
    assert_valid(s, r)
    assert posts_of(r, "reg") == [(MON, "east", "eve")] and r.shortfalls == ()
    busy = replace(s, volunteers=(replace(s.volunteers[0], available={"tue": ("eve",)}), s.volunteers[1]))
    r = solve(busy, FAST)
    assert_valid(busy, r)
    (short,) = r.shortfalls
    assert (short.volunteer, short.required, short.served) == ("reg", 1, 0)
    assert "No open post" in short.reason


def test_evenings_go_to_the_employed_and_working_hours_to_the_others():
    people = [person("emp", employed=True), person("ret")]
    # Fairness is switched off here: with it, sharing hours may outweigh who serves when.
    s = make2(people, [gate("east", "东门", need("eve", 1), need("am", 1, days="rest_days"))], days=6,
              weights={"hours_spread": 0})
    r = solve(s, FAST)
    assert_valid(s, r)
    weekday_evenings = {x for x in posts_of(r, "ret") if x[2] == "eve" and d(x[0]).weekday() < 5}
    assert weekday_evenings == set()
    assert all(x[2] != "am" for x in posts_of(r, "emp"))


def test_same_gate_through_the_week():
    s = make2([person("v1"), person("v2")],
              [gate("east", "东门", need("eve", 1)), gate("west", "西门", need("eve", 1))], days=4)
    r = solve(s, FAST)
    assert_valid(s, r)
    for vid in ("v1", "v2"):
        assert len({g for _, g, _ in posts_of(r, vid)}) == 1


def test_a_day_is_one_stretch_not_split():
    s = make2([person("v1"), person("v2")], [gate("east", "东门", need("early", 1), need("am", 1), need("eve", 1))],
              rules={"max_slots_per_day": 2})
    r = solve(s, FAST)
    assert_valid(s, r)
    for vid in ("v1", "v2"):
        assert {x[2] for x in posts_of(r, vid)} != {"early", "eve"}
    assert objective_terms(s, r.assignments)["split_days"] == 0


def test_preferred_slots():
    s = make2([person("v1", preferred_slots=["am"]), person("v2", preferred_slots=["pm"])],
              [gate("east", "东门", need("am", 1), need("pm", 1))], rules={"max_slots_per_day": 1})
    r = solve(s, FAST)
    assert_valid(s, r)
    assert posts_of(r, "v1") == [(MON, "east", "am")] and posts_of(r, "v2") == [(MON, "east", "pm")]


def test_weights_steer_and_terms_add_up():
    people = [person("emp", employed=True), person("ret")]
    gates = [gate("east", "东门", need("eve", 1))]
    s = make2(people, gates, weights={"nonemployed_off_hours": 0, "unpreferred_gates": 0})
    r = solve(s, FAST)
    assert_valid(s, r)
    assert r.objective == sum(t.cost for t in r.terms)
    assert [t.name for t in r.terms][:2] == ["missing_people", "unmet_needs"]
    assert {t.name: t.weight for t in r.terms}["hours_spread"] == DEFAULT_WEIGHTS["hours_spread"]


def test_repair_after_a_drop_out_changes_exactly_what_it_must():
    # Three people, each on their own evening all week; v2 drops out on Tuesday and Wednesday.
    people = [person(f"v{i}", preferred_gates=["east"]) for i in (1, 2, 3)] + [person("spare")]
    gates = [gate("east", "东门", need("eve", 1)), gate("west", "西门", need("eve", 1)), gate("north", "北门", need("eve", 1))]
    s = make2(people, gates, days=7, rules={"default_max_hours_per_week": 40})
    first = solve(s, FAST)
    assert_valid(s, first)
    dropped = [a for a in first.assignments if a.volunteer != "spare" and a.date in (d(TUE), d("2026-11-25"))][:1]
    assert dropped, "the first answer should use the regulars on Tuesday or Wednesday"
    gone = dropped[0]
    volunteers = tuple(
        replace(v, unavailable_dates=frozenset({gone.date})) if v.id == gone.volunteer else v for v in s.volunteers
    )
    repair = replace(s, volunteers=volunteers, previous=first.assignments)
    r, stats = solve_with_stats(repair, FAST)
    assert_valid(repair, r)
    before = {(a.volunteer, a.post) for a in first.assignments}
    after = {(a.volunteer, a.post) for a in r.assignments}
    # Exactly the dropped post goes, and exactly one person takes that post instead.
    assert before - after == {(gone.volunteer, gone.post)}
    (added,) = after - before
    assert added[1] == gone.post and added[0] != gone.volunteer
    assert stats.terms["changes"] == 1
    assert stats.coverage_optimal


def test_pin_at_a_gate_not_allowed_is_a_conflict():
    s = make2([person("v1", allowed_gates=["west"])], [gate("east", "东门", need("eve", 1)), gate("west", "西门", need("eve", 1))],
              pinned=[{"volunteer": "v1", "gate": "east", "date": MON, "slot": "eve"}])
    r = solve(s, FAST)
    assert r.status == "INFEASIBLE"
    assert [c.rule for c in r.conflicts] == ["pin_gate_not_allowed"]
    assert_valid(s, r)


def test_pins_breaking_rest_are_found_together():
    s = make2([person("v1")], [gate("east", "东门", need("eve", 1, days=[MON]), need("early", 1, days=[TUE]))],
              days=2, rules={"min_rest_hours": 10},
              pinned=[{"volunteer": "v1", "gate": "east", "date": MON, "slot": "eve"},
                      {"volunteer": "v1", "gate": "east", "date": TUE, "slot": "early"}])
    r = solve(s, FAST)
    assert r.status == "INFEASIBLE"
    (conflict,) = r.conflicts
    assert conflict.rule == "pins_together" and len(conflict.pins) == 2
    assert_valid(s, r)


def test_previous_assignments_are_kept_on_resolve_in_version_2():
    base = make2([person("v1"), person("v2"), person("v3")], [gate("east", "东门", need("eve", 1))])
    for keep in ("v1", "v2", "v3"):
        s = replace(base, previous=(Assignment(keep, "east", d(MON), "eve"),))
        r = solve(s, FAST)
        assert_valid(s, r)
        assert posts_of(r, keep) == [(MON, "east", "eve")]


def test_deterministic_answers_for_a_fixed_seed_and_worker_count():
    from solver.generate import random_scenario

    # A version-2 week that is not proven within the limit: the search is cut off, and
    # must be cut off at the same point each time.
    scenario = version_2(random_scenario(11, gates=4, volunteers=40), 11)
    options = SolveOptions(time_limit_s=1.0, workers=8, seed=3, deterministic=True)
    first, second = solve(scenario, options), solve(scenario, options)
    assert first.status == "FEASIBLE"
    assert first.assignments == second.assignments and first.objective == second.objective
    assert_valid(scenario, first)


def test_repair_mode_keeps_everything_else_even_when_more_could_be_covered():
    # v1 and v2 cover the evenings; a third person, "late", joins only now. A full solve
    # would use late to fill the short post west Monday; a repair must not touch it, and
    # only refills the post v1 leaves on Tuesday.
    people = [person("v1"), person("v2"), person("late", available={"mon": ["eve"], "tue": ["eve"]})]
    gates = [gate("east", "东门", need("eve", 1)), gate("west", "西门", need("eve", 1, days=[MON]))]
    s = make2(people, gates, days=2, rules={"max_slots_per_day": 1})
    previous = (Assignment("v1", "east", d(MON), "eve"), Assignment("v2", "west", d(MON), "eve"),
                Assignment("v1", "east", d(TUE), "eve"))
    dropped = replace(s, previous=previous, volunteers=(
        replace(s.volunteers[0], unavailable_dates=frozenset({d(TUE)})), *s.volunteers[1:]))
    r, stats = solve_with_stats(dropped, replace(FAST, repair=True))
    assert_valid(dropped, r)
    kept = {(a.volunteer, a.post) for a in r.assignments}
    assert kept >= {("v1", previous[0].post), ("v2", previous[1].post)}
    assert len(r.assignments) == 3 and ("v1", previous[2].post) not in kept
    assert {a.volunteer for a in r.assignments if a.date == d(TUE)} <= {"v2", "late"}
    assert stats.terms["changes"] == 1


def test_repair_falls_back_to_a_full_solve_when_what_it_keeps_breaks_a_new_rule():
    s = make2([person("v1"), person("v2")], [gate("east", "东门", need("eve", 1))], days=2,
              rules={"max_consecutive_days": 1})
    previous = (Assignment("v1", "east", d(MON), "eve"), Assignment("v1", "east", d(TUE), "eve"))
    r = solve(replace(s, previous=previous), replace(FAST, repair=True))
    assert_valid(replace(s, previous=previous), r)
    assert any("solved afresh" in w for w in r.warnings)
    assert len(r.assignments) == 2
    # Afresh, but as close to the previous as the rules allow: one of v1's evenings stays.
    assert len(set(previous) & {Assignment(a.volunteer, a.gate, a.date, a.slot) for a in r.assignments}) == 1


def test_a_fallback_repair_of_a_street_office_changes_little(monkeypatch):
    """When a repair cannot keep everything (here: forced to fall back), the whole week is
    solved again closest to the previous roster, not reshuffled (it was: 1,002 changes)."""
    from solver import model
    from solver.generate import drop_out, street_office

    scenario = street_office(2, communities=3)
    # The first roster in deterministic work, so that the drop-out is the same case on any
    # machine: by the clock, a loaded CI machine drew a case changing 13 against 12. Not
    # every case keeps within 4 changes a forced one (with seed 0: 11 against 8, before
    # 2026-12-03's changes too), see the note on issue 3.
    first = solve(scenario, replace(FAST, time_limit_s=5, deterministic=True, seed=2))
    case = drop_out(scenario, first.assignments, 0)
    real_narrow = model._narrow_to_repair

    def impossible(inst, pins):  # keep someone at two gates at once: the repair is infeasible
        kept = real_narrow(inst, pins)
        vid, post = min(kept, key=lambda k: (k[0], k[1].date, k[1].slot, k[1].gate))
        twin = next((p for p in inst.allowed[vid] if p.date == post.date and p.slot == post.slot and p != post))
        inst.eligible = {v: posts + ([twin] if v == vid else []) for v, posts in inst.eligible.items()}
        return kept | {(vid, twin)}

    monkeypatch.setattr(model, "_narrow_to_repair", impossible)
    r, stats = solve_with_stats(case.scenario, replace(FAST, time_limit_s=2, repair=True, deterministic=True))
    assert any("solved afresh" in w for w in r.warnings)
    assert_valid(case.scenario, r)
    before = {(a.volunteer, a.post) for a in case.scenario.previous}
    after = {(a.volunteer, a.post) for a in r.assignments}
    assert len(before ^ after) <= 4 * len(case.forced), (len(before - after), len(after - before))


def test_shortage_reason_names_the_binding_rule_and_the_employed_party_members():
    people = [person(f"p{i}", employed=True, party_member=True, max_hours_per_week=14) for i in range(3)]
    people.append(person("r1", max_hours_per_week=14))
    # Day 1, pinned, fills everybody's cap (2 days × 14/7 = 4 h); day 2's evening then finds
    # them all at it. (Without the pins, splitting the shortage over both days costs the same.)
    s = make2(people, [gate("east", "东门", need("eve", 4, days=[MON]), need("eve", 2, days=[TUE]))], days=2,
              pinned=[{"volunteer": p["id"], "gate": "east", "date": MON, "slot": "eve"} for p in people])
    r = solve(s, FAST)
    assert_valid(s, r)
    (short,) = r.shortages
    assert short.date == d(TUE) and short.missing == 2
    assert "4 at their weekly hour cap (3 of them employed party members)" in short.reason


def test_shortage_reason_for_rest_between_days():
    s = make2([person("v1")], [gate("east", "东门", need("eve", 1, days=[MON]), need("early", 1, days=[TUE]))],
              days=2, rules={"min_rest_hours": 10})
    r = solve(s, FAST)
    assert_valid(s, r)
    (short,) = r.shortages
    assert "would not get their rest between days" in short.reason


def test_repair_lets_a_minor_go_when_their_adult_drops_out_and_nobody_can_stand_in():
    people = [person("adult"), person("kid", minor=True), person("other")]
    gates = [gate("east", "东门", need("am", 1, 2)), gate("west", "西门", need("am", 1))]
    s = make2(people, gates, days=1)
    previous = (Assignment("adult", "east", d(MON), "am"), Assignment("kid", "east", d(MON), "am"),
                Assignment("other", "west", d(MON), "am"))
    dropped = replace(s, previous=previous, volunteers=(
        replace(s.volunteers[0], unavailable_dates=frozenset({d(MON)})), *s.volunteers[1:]))
    r, stats = solve_with_stats(dropped, replace(FAST, repair=True))
    assert_valid(dropped, r)
    assert not any("afresh" in w for w in r.warnings)  # repaired locally, not re-solved
    # "other" stays at the west gate (not reshuffled to the east); the kid may not stand alone.
    assert {(a.volunteer, a.gate) for a in r.assignments} == {("other", "west")}
    assert stats.terms["changes"] == 1  # the kid; the adult's post could not be kept by anyone
