"""Where the tests find the benchmark's instances and their own small files.

The 24 instances are not copied into the repository: they live in ``shared/`` beside it
(``../shared/benchmarks/ssb``), where every developer's machine and CI have them.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BENCHMARK_DIR = REPO.parent / "shared" / "benchmarks" / "ssb"
DATA = Path(__file__).resolve().parent / "data"
INSTANCE_NUMBERS = range(1, 25)


def instance_path(number: int) -> Path:
    path = BENCHMARK_DIR / f"Instance{number}.txt"
    assert path.is_file(), f"{path} is missing: the benchmark is expected in shared/ beside the repository"
    return path
