"""The process the crash test kills: saves rosters and imports communities as fast as it
can, printing each generation only after its transaction has committed.

Run as ``python -m tests.persistence.crash_child DB_PATH``. Generation g saves the demo
week's roster `roster_for(g)` and imports the scenario `import_for(g)` (a community named
"导入-g"), alternately, so a kill lands inside either kind of write.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys

from roster_app.demo import demo_scenario
from roster_app.persistence import Database, RosterStore
from solver.instance import Instance
from solver.scenario import Assignment, Roster, Scenario

WEEK = dt.date(2026, 11, 23)


def roster_for(scenario: Scenario, generation: int) -> Roster:
    """A roster that differs in every generation and tells which one it is (objective)."""
    allowed = Instance(scenario).allowed
    by_post: dict = {}
    for vid, posts in allowed.items():
        for post in posts:
            by_post.setdefault(post, []).append(vid)
    assignments = []
    for i, (post, people) in enumerate(sorted(by_post.items(), key=lambda kv: (kv[0].gate, kv[0].date, kv[0].slot))):
        if (i + generation) % 3:
            vid = people[(i + generation) % len(people)]
            assignments.append(Assignment(vid, post.gate, post.date, post.slot))
    return Roster(scenario.name, "FEASIBLE", tuple(assignments), objective=generation)


def import_for(scenario: Scenario, generation: int) -> Scenario:
    return dataclasses.replace(scenario, name=f"导入-{generation}")


def main(path: str) -> None:
    db = Database(f"sqlite:///{path}", backup_days=0)
    store = RosterStore(db)
    community = store.load_demo(WEEK) if store.is_empty() else store.communities()[0].id
    scenario = store.week_scenario(community, WEEK)
    print("ready", flush=True)
    generation = 0
    while True:
        generation += 1
        if generation % 2:
            store.save_roster(community, WEEK, roster_for(scenario, generation))
        else:
            store.import_scenario(import_for(demo_scenario(WEEK), generation))
        print(f"committed {generation}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
