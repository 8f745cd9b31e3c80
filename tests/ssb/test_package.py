"""solver.ssb stays pure Python: the evaluator must share nothing with the engine it judges."""

from __future__ import annotations

import subprocess
import sys

from solver.ssb import read_instance
from tests.ssb.paths import REPO, instance_path


def test_importing_the_package_pulls_in_no_engine_no_gui_no_database():
    code = (
        "import sys, solver.ssb\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in {'ortools', 'PySide6', 'sqlalchemy'}"
        " or m in {'solver.model', 'solver.scenario', 'solver.validate'})\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_instances_are_values_that_can_key_a_cache():
    first, second = read_instance(instance_path(3)), read_instance(instance_path(3))
    assert first == second and hash(first) == hash(second)
    assert {first: "cached"}[second] == "cached"
