"""The column-generation (Dantzig–Wolfe) bound of a community week's preferences: an
experiment, not part of the app.

Why it is here: issue 3 asks for a version-2 community week proven optimal within 1 s, and
CP-SAT's bound stalls 3–15 % below the best roster. This measures the strongest bound a
person-by-person decomposition gives: each column is one person's whole week, built and
priced by CP-SAT on the engine's own model of that person alone (every per-person rule and
soft term exact), and a GLOP master holds what couples people: each post's min and max,
the gate's party and skill needs, and a minor never alone. The coverage stage must have
proven full coverage (no missing people, no unmet needs), as on s2 and the demo week.

The hours' spread couples people (the highest load against the lowest), so it is weighed 0
here and the bound is compared with CP-SAT on the same objective. Run:

    .venv/bin/python scripts/dw_bound.py s2 1      # street_office(1, communities=1)
    .venv/bin/python scripts/dw_bound.py demo

Measured 2026-12-03 (README, performance): 101.25 on s2 #1 (best roster 113) and 85.0 on
the demo week (best 97), converged in 25–26 rounds and about 5.5 s each.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ortools.linear_solver import pywraplp  # noqa: E402
from ortools.sat.python import cp_model  # noqa: E402

import solver.model as engine  # noqa: E402
from solver.heuristic import _alone  # noqa: E402
from solver.instance import Instance  # noqa: E402
from solver.scenario import DEFAULT_WEIGHTS  # noqa: E402

PRICE_SCALE = 1000  # duals are fractions; CP-SAT prices in integers
ROUNDS = 200


def week(kind: str, seed: int):
    if kind == "demo":
        from roster_app.bench import DEMO_WEEK
        from roster_app.demo import demo_scenario

        return demo_scenario(DEMO_WEEK)
    from solver.generate import street_office

    return street_office(seed, communities=1)


class PersonPricer:
    """One person's week as a CP-SAT model of their own, priced against the master's duals."""

    def __init__(self, inst: Instance, vid: str):
        alone = _alone(inst, vid, inst.eligible[vid], Counter(), set())
        # Alone, a minor could never stand anywhere: their company is the master's row.
        rules = engine.HARD_RULES
        engine.HARD_RULES = tuple(rule for rule in rules if rule is not engine.minors_never_alone)
        try:
            self.rm = engine.RosterModel(alone, [])
        finally:
            engine.HARD_RULES = rules
        self.soft = [(t.weight, t.expr) for t in self.rm.terms[2:] if t.weight and not isinstance(t.expr, int)]
        self.posts = self.rm.vars.by_person.get(vid, [])

    def best(self, dual_of_post) -> tuple[frozenset, int]:
        """The week of least reduced cost (up to rounding of the duals), and its own cost."""
        prices = [(var, round(PRICE_SCALE * dual_of_post(post))) for post, var in self.posts]
        self.rm.model.minimize(sum(PRICE_SCALE * w * e for w, e in self.soft) - sum(p * var for var, p in prices if p))
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.max_time_in_seconds = 5
        solver.solve(self.rm.model)
        taken = frozenset(post for post, var in self.posts if solver.boolean_value(var))
        return taken, sum(w * solver.value(e) for w, e in self.soft)


class Master:
    """The restricted master LP over the columns so far."""

    def __init__(self, inst: Instance, people: list[str]):
        self.inst = inst
        self.lp = pywraplp.Solver.CreateSolver("GLOP")
        inf = self.lp.infinity()
        self.objective = self.lp.Objective()
        self.objective.SetMinimization()
        self.one_week = {vid: self.lp.Constraint(1, 1) for vid in people}
        self.rows: dict[tuple, pywraplp.Constraint] = {}
        minors = [vid for vid in people if inst.volunteers[vid].minor]
        for post, demand in inst.demand.items():
            if demand.min > 0:
                self.rows[post, "min"] = self.lp.Constraint(demand.min, inf)
            self.rows[post, "max"] = self.lp.Constraint(-inf, demand.max)
            needs = inst.gates[post.gate].needs
            if needs.party_member > 0:
                self.rows[post, "party"] = self.lp.Constraint(needs.party_member, inf)
            for skill, n in needs.skills.items():
                if n > 0:
                    self.rows[post, skill] = self.lp.Constraint(n, inf)
            for vid in minors:
                self.rows[post, vid] = self.lp.Constraint(-inf, 0)  # the minor <= the adults there
        self.minors = minors
        for row in self.rows.values():
            if row.lb() > 0:  # slack at a high price keeps the first masters feasible
                slack = self.lp.NumVar(0, inf, "")
                self.objective.SetCoefficient(slack, 10_000)
                row.SetCoefficient(slack, 1)
        for vid in people:
            self.add(vid, frozenset(), 0)

    def coefficients(self, vid: str, post) -> list[tuple[pywraplp.Constraint, int]]:
        volunteer = self.inst.volunteers[vid]
        needs = self.inst.gates[post.gate].needs
        keys = [((post, "min"), 1), ((post, "max"), 1)]
        if volunteer.party_member:
            keys.append(((post, "party"), 1))
        keys += [((post, skill), 1) for skill in needs.skills if skill in volunteer.skills]
        if volunteer.minor:
            keys.append(((post, vid), 1))
        else:
            keys += [((post, minor), -1) for minor in self.minors]
        return [(self.rows[key], c) for key, c in keys if key in self.rows]

    def add(self, vid: str, taken: frozenset, cost: int) -> None:
        column = self.lp.NumVar(0, self.lp.infinity(), "")
        self.objective.SetCoefficient(column, cost)
        self.one_week[vid].SetCoefficient(column, 1)
        for post in taken:
            for row, c in self.coefficients(vid, post):
                row.SetCoefficient(column, row.GetCoefficient(column) + c)

    def solve(self) -> float:
        self.lp.Solve()
        return self.objective.Value()


def main(argv: list[str]) -> int:
    kind = argv[0] if argv else "s2"
    scenario = week(kind, int(argv[1]) if len(argv) > 1 else 1)
    weights = dict(scenario.weights or DEFAULT_WEIGHTS)
    weights["hours_spread"] = 0
    inst = Instance(dataclasses.replace(scenario, weights=weights))
    started = time.perf_counter()
    people = [vid for vid, posts in inst.eligible.items() if posts]
    pricers = {vid: PersonPricer(inst, vid) for vid in people}
    master = Master(inst, people)
    for rounds in range(1, ROUNDS + 1):
        value = master.solve()
        # Every dual is read before the first column of the round is added: GLOP's answer
        # no longer stands once the model changes.
        duals = {id(row): row.dual_value() for row in master.rows.values()}
        week_duals = {vid: row.dual_value() for vid, row in master.one_week.items()}
        added, lagrangian = 0, value
        for vid in people:
            dual_of_post = lambda post, vid=vid: sum(duals[id(r)] * c for r, c in master.coefficients(vid, post))  # noqa: E731
            taken, cost = pricers[vid].best(dual_of_post)
            reduced = cost - sum(dual_of_post(post) for post in taken) - week_duals[vid]
            if reduced < -1e-6:
                master.add(vid, taken, cost)
                added += 1
                lagrangian += reduced
        print(f"round {rounds:3}  {time.perf_counter() - started:6.1f} s  master {value:10.3f}  "
              f"Lagrangian bound {lagrangian:10.3f}  columns added {added}", flush=True)
        if added == 0:
            print(f"converged: the decomposition's bound is {value:.2f} (without the hours' spread)")
            return 0
    print("not converged")
    return 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
