"""Where the tests find the benchmark's instances and their own small files.

The 24 instances (1.1 MB, unchanged copies of the public benchmark files, with their README
and best-known values) are kept in ``tests/ssb/data/instances``: CI has only what the
repository holds.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
BENCHMARK_DIR = DATA / "instances"
INSTANCE_NUMBERS = range(1, 25)


def instance_path(number: int) -> Path:
    path = BENCHMARK_DIR / f"Instance{number}.txt"
    assert path.is_file(), f"{path} is missing: the benchmark's files belong in {BENCHMARK_DIR}"
    return path
