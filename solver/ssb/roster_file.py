"""The plain roster file: an answer to a benchmark instance that any program can check.

One line per member of staff, in the instance's staff order: the staff id, then one
comma-separated field per day of the horizon holding the shift id worked that day, or
nothing for a day without a shift. For Instance1 (14 days, shift ``D``)::

    A,,D,D,D,D,,,D,D,,,D,D,D
    B,D,D,D,D,D,,,D,D,,,,D,D

Writing (`format_roster`, `write_roster`) always follows that order, ends every line with
a newline and adds nothing else. Reading (`parse_roster`, `read_roster`) is a little
lenient about what others may add: spaces around fields, blank lines and ``#`` comment
lines are ignored, and with an instance at hand the lines may come in any order. Every
fault is reported at once in a `RosterFormatError`, each as ``file:line: message``.

Without an instance a file is read as it stands (ids unique, every line the same number
of days); with one, each member of staff must appear exactly once with the horizon's
number of days and known shift ids, and the answer comes back in the instance's staff
order, ready for `solver.ssb.evaluate.evaluate`.
"""

from __future__ import annotations

import os
from pathlib import Path

from solver.ssb.evaluate import Answer
from solver.ssb.instance import Instance


class RosterFormatError(ValueError):
    """A roster file that cannot be read or an answer that cannot be written; `problems`
    holds (line number, message) pairs, line 0 standing for the file as a whole."""

    def __init__(self, source: str, problems: list[tuple[int, str]]):
        self.source = source
        self.problems = tuple(problems)
        super().__init__("\n".join(f"{source}:{line}: {message}" for line, message in self.problems))


def format_roster(instance: Instance, answer: Answer) -> str:
    """The text of the roster file for `answer` (every staff member of `instance`, each
    with one entry per day: a shift id or None)."""
    problems: list[tuple[int, str]] = []
    shift_ids = set(instance.shift_ids)
    lines = []
    for number, staff_id in enumerate(instance.staff_ids, start=1):
        row = answer.get(staff_id)
        if row is None:
            problems.append((number, f"staff {staff_id!r} has no row in the answer"))
            continue
        if len(row) != instance.horizon:
            problems.append((number, f"staff {staff_id!r} has {len(row)} days, the horizon {instance.horizon}"))
        bad = sorted({s for s in row if s is not None and s not in shift_ids})
        if bad:
            problems.append((number, f"staff {staff_id!r}: unknown shift(s) {', '.join(map(repr, bad))}"))
        lines.append(",".join([staff_id, *("" if s is None else s for s in row)]))
    extra = sorted(set(answer) - set(instance.staff_ids))
    if extra:
        problems.append((0, f"staff not in the instance: {', '.join(map(repr, extra))}"))
    if problems:
        raise RosterFormatError(f"<roster of {instance.name or 'instance'}>", problems)
    return "".join(line + "\n" for line in lines)


def write_roster(path: str | os.PathLike[str], instance: Instance, answer: Answer) -> None:
    """Write `answer` to `path` as a roster file (UTF-8, newline-terminated lines)."""
    text = format_roster(instance, answer)
    Path(path).write_text(text, encoding="utf-8", newline="\n")


def read_roster(path: str | os.PathLike[str], instance: Instance | None = None) -> dict[str, list[str | None]]:
    """Read a roster file; with `instance`, check it against the instance (see the module
    docstring). Raises `RosterFormatError` listing every fault."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RosterFormatError(str(path), [(0, f"not UTF-8 text ({exc.reason})")]) from None
    return parse_roster(text, instance, source=str(path))


def parse_roster(text: str, instance: Instance | None = None, source: str = "<text>") -> dict[str, list[str | None]]:
    """Parse the text of a roster file: staff id -> one shift id or None per day."""
    problems: list[tuple[int, str]] = []
    rows: dict[str, list[str | None]] = {}
    first_line: dict[str, int] = {}
    widths: dict[int, int] = {}
    shift_ids = set(instance.shift_ids) if instance else None
    staff_ids = set(instance.staff_ids) if instance else None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        staff_id, *fields = (f.strip() for f in line.split(","))
        if not staff_id:
            problems.append((number, "the staff id is empty"))
            continue
        if staff_id in first_line:
            problems.append((number, f"staff {staff_id!r} appears again (first at line {first_line[staff_id]})"))
            continue
        first_line[staff_id] = number
        if staff_ids is not None and staff_id not in staff_ids:
            problems.append((number, f"staff {staff_id!r} is not in the instance"))
            continue
        if instance is not None and len(fields) != instance.horizon:
            problems.append((number, f"staff {staff_id!r} has {len(fields)} days, the horizon {instance.horizon}"))
            continue
        if shift_ids is not None:
            for day, shift in enumerate(fields):
                if shift and shift not in shift_ids:
                    problems.append((number, f"staff {staff_id!r}, day {day}: unknown shift {shift!r}"))
        widths[number] = len(fields)
        rows[staff_id] = [f or None for f in fields]
    if instance is None and len(set(widths.values())) > 1:
        # Without an instance the most common width is taken as the horizon.
        usual = max(set(widths.values()), key=list(widths.values()).count)
        for number, width in widths.items():
            if width != usual:
                problems.append((number, f"{width} days where the other lines have {usual}"))
    if instance is not None:
        missing = [s for s in instance.staff_ids if s not in first_line]
        if missing:
            problems.append((0, f"staff without a line: {', '.join(map(repr, missing))}"))
    if problems:
        raise RosterFormatError(source, sorted(problems))
    if instance is not None:
        return {s: rows[s] for s in instance.staff_ids}
    return rows
