"""An instance of the Shift Scheduling Benchmark (Curtois & Qu), read from its text format.

The benchmark's files (``Instance1.txt`` … ``Instance24.txt``) hold sections introduced by
a ``SECTION_…`` line; lines starting with ``#`` are comments and blank lines are ignored;
the data lines are comma-separated:

- ``SECTION_HORIZON``: one line, the number of days (day 0 is a Monday).
- ``SECTION_SHIFTS``: ``id,minutes,succ|succ|…``, the shifts that may not be worked on the
  day after this one (the last field may be empty).
- ``SECTION_STAFF``: ``id,T=n|U=m,max_minutes,min_minutes,max_consecutive_shifts,
  min_consecutive_shifts,min_consecutive_days_off,max_weekends``.
- ``SECTION_DAYS_OFF``: ``staff,day,day,…``, days the person may not work.
- ``SECTION_SHIFT_ON_REQUESTS`` / ``SECTION_SHIFT_OFF_REQUESTS``: ``staff,day,shift,weight``.
- ``SECTION_COVER``: ``day,shift,requirement,weight_under,weight_over``.

`read_instance(path)` (or `parse_instance(text)`) returns an `Instance` of plain frozen
dataclasses, checked at the border: ids unique, every reference known, days inside the
horizon, numbers non-negative integers. Everything wrong in a file is reported at once in
one `SSBFormatError`, each problem as ``file:line: message``.

Choices where the format is silent (none of the 24 instances needs them, all are
documented here so that a converter and an evaluator read a file the same way):

- A shift type missing from a person's max-shifts field has no limit of its own
  (`Staff.max_shifts_of` returns the horizon).
- A person without a ``SECTION_DAYS_OFF`` line has no days off; empty day fields are skipped.
- A (day, shift) without a cover line has no requirement and no weights: nothing is owed
  and nothing is paid for it.
- The sections may come in any order, but each at most once; HORIZON, SHIFTS and STAFF
  are required, the others may be missing (empty).
- Fields may carry surrounding spaces; the files have none.

This module imports neither Qt, SQLAlchemy nor OR-Tools: it is the benchmark's data and
nothing more, shared by the evaluator, the roster-file reader and the converter to the
engine's scenario.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Mapping

SECTIONS = (
    "SECTION_HORIZON",
    "SECTION_SHIFTS",
    "SECTION_STAFF",
    "SECTION_DAYS_OFF",
    "SECTION_SHIFT_ON_REQUESTS",
    "SECTION_SHIFT_OFF_REQUESTS",
    "SECTION_COVER",
)
REQUIRED_SECTIONS = ("SECTION_HORIZON", "SECTION_SHIFTS", "SECTION_STAFF")

SATURDAY = 5
"""Day 0 is a Monday, so day d is a Saturday when d % 7 == 5 and a Sunday when d % 7 == 6."""


@dataclass(frozen=True)
class ShiftType:
    """A shift type: its id, length in minutes, and the shift types that may not be worked
    on the day after it (`forbidden_next`, in the file's order)."""

    id: str
    minutes: int
    forbidden_next: tuple[str, ...] = ()


@dataclass(frozen=True)
class Staff:
    """A member of staff and their hard limits over the whole horizon.

    Attributes: `id`; `max_shifts` (shift id -> the most shifts of that type); the total
    minutes worked must lie in [`min_total_minutes`, `max_total_minutes`]; runs of worked
    days are at most `max_consecutive_shifts` long and, inside the horizon, at least
    `min_consecutive_shifts`; runs of days without a shift are, inside the horizon, at least
    `min_consecutive_days_off` long; at most `max_weekends` weekends touched by work;
    `days_off` the days this person may not work at all.
    """

    id: str
    # Left out of the hash (a dict has none) so that instances can key caches.
    max_shifts: Mapping[str, int] = field(hash=False)
    max_total_minutes: int
    min_total_minutes: int
    max_consecutive_shifts: int
    min_consecutive_shifts: int
    min_consecutive_days_off: int
    max_weekends: int
    days_off: frozenset[int] = frozenset()

    def max_shifts_of(self, shift_id: str, horizon: int) -> int:
        """The most shifts of this type the person may work (the horizon when unlimited)."""
        return self.max_shifts.get(shift_id, horizon)


@dataclass(frozen=True)
class ShiftRequest:
    """A wish to work (on-request) or not to work (off-request) `shift_id` on `day`,
    costing `weight` when it is not granted."""

    staff_id: str
    day: int
    shift_id: str
    weight: int


@dataclass(frozen=True)
class Cover:
    """How many people should work `shift_id` on `day`: each one short costs
    `under_weight`, each one too many `over_weight`."""

    day: int
    shift_id: str
    requirement: int
    under_weight: int
    over_weight: int


@dataclass(frozen=True)
class Instance:
    """A whole benchmark instance, in the file's order (staff order matters: roster files
    list staff in it).

    Attributes: `name` (the file's stem, e.g. ``Instance1``); `horizon` in days, day 0 a
    Monday; `shifts`; `staff`; `on_requests`; `off_requests`; `cover`.
    """

    name: str
    horizon: int
    shifts: tuple[ShiftType, ...]
    staff: tuple[Staff, ...]
    on_requests: tuple[ShiftRequest, ...] = ()
    off_requests: tuple[ShiftRequest, ...] = ()
    cover: tuple[Cover, ...] = ()
    _shift_by_id: dict[str, ShiftType] = field(init=False, repr=False, compare=False)
    _staff_by_id: dict[str, Staff] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Lookups by id, built once (the dataclass is frozen, hence object.__setattr__).
        object.__setattr__(self, "_shift_by_id", {s.id: s for s in self.shifts})
        object.__setattr__(self, "_staff_by_id", {s.id: s for s in self.staff})

    @property
    def shift_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.shifts)

    @property
    def staff_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.staff)

    def shift(self, shift_id: str) -> ShiftType:
        """The shift type with this id (KeyError when unknown)."""
        return self._shift_by_id[shift_id]

    def staff_member(self, staff_id: str) -> Staff:
        """The member of staff with this id (KeyError when unknown)."""
        return self._staff_by_id[staff_id]

    def weekends(self) -> tuple[tuple[int, ...], ...]:
        """The weekends of the horizon, each as its days inside the horizon (Saturday,
        Sunday); a horizon ending on a Saturday ends with a one-day weekend."""
        return tuple(
            tuple(d for d in (sat, sat + 1) if d < self.horizon)
            for sat in range(SATURDAY, self.horizon, 7)
        )


class SSBFormatError(ValueError):
    """A benchmark file that cannot be read. `problems` holds every fault found, each as
    (line number, message); line 0 stands for the file as a whole."""

    def __init__(self, source: str, problems: list[tuple[int, str]]):
        self.source = source
        self.problems = tuple(problems)
        super().__init__("\n".join(f"{source}:{line}: {message}" for line, message in self.problems))


def read_instance(path: str | os.PathLike[str]) -> Instance:
    """Read a benchmark instance file; raises `SSBFormatError` listing every fault."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise SSBFormatError(str(path), [(0, f"not UTF-8 text ({exc.reason})")]) from None
    return parse_instance(text, source=str(path), name=path.stem)


def parse_instance(text: str, source: str = "<text>", name: str = "") -> Instance:
    """Parse the text of a benchmark instance; `source` names it in error messages."""
    return _Parser(source).parse(text, name)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """The data lines (and section headers) with their 1-based numbers."""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line and not line.startswith("#"):
            yield number, line


class _Parser:
    """One pass over the lines, collecting problems rather than stopping at the first."""

    def __init__(self, source: str):
        self.source = source
        self.problems: list[tuple[int, str]] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append((line, message))

    def parse(self, text: str, name: str) -> Instance:
        sections: dict[str, list[tuple[int, list[str]]]] = {}
        header_line: dict[str, int] = {}
        current: str | None = None
        for number, line in _lines(text):
            if line.startswith("SECTION_"):
                if line not in SECTIONS:
                    self.problem(number, f"unknown section {line!r} (expected one of {', '.join(SECTIONS)})")
                    current = ""  # its lines are skipped, not read as another section's
                elif line in sections:
                    self.problem(number, f"{line} appears again (first at line {header_line[line]})")
                    current = ""
                else:
                    sections[line] = []
                    header_line[line] = number
                    current = line
                continue
            if current is None:
                self.problem(number, "data before any section (a SECTION_… line must come first)")
                current = ""  # one message is enough for the lines up to the next section
                continue
            if current == "":
                continue
            sections[current].append((number, [f.strip() for f in line.split(",")]))
        for required in REQUIRED_SECTIONS:
            if required not in sections:
                self.problem(0, f"{required} is missing")

        horizon = self.horizon(sections.get("SECTION_HORIZON", []), header_line.get("SECTION_HORIZON", 0))
        shifts = self.shifts(sections.get("SECTION_SHIFTS", []))
        shift_ids = {s.id for s in shifts}
        staff_rows = self.staff(sections.get("SECTION_STAFF", []), shift_ids)
        staff_ids = {row[0] for row in staff_rows}
        days_off = self.days_off(sections.get("SECTION_DAYS_OFF", []), staff_ids, horizon)
        on = self.requests(sections.get("SECTION_SHIFT_ON_REQUESTS", []), staff_ids, shift_ids, horizon, "on")
        off = self.requests(sections.get("SECTION_SHIFT_OFF_REQUESTS", []), staff_ids, shift_ids, horizon, "off")
        cover = self.cover(sections.get("SECTION_COVER", []), shift_ids, horizon)
        if self.problems:
            raise SSBFormatError(self.source, sorted(self.problems))
        staff = tuple(
            Staff(*row, days_off=frozenset(days_off.get(row[0], ()))) for row in staff_rows  # type: ignore[misc]
        )
        return Instance(name=name, horizon=horizon or 0, shifts=shifts, staff=staff,
                        on_requests=on, off_requests=off, cover=cover)

    # -- fields --

    def integer(self, line: int, text: str, what: str, minimum: int = 0) -> int | None:
        try:
            value = int(text)
        except ValueError:
            self.problem(line, f"{what} must be a whole number, not {text!r}")
            return None
        if value < minimum:
            self.problem(line, f"{what} must be at least {minimum}, not {value}")
            return None
        return value

    def fields(self, line: int, fields: list[str], expected: int, layout: str) -> bool:
        if len(fields) != expected:
            self.problem(line, f"expected {expected} comma-separated fields ({layout}), found {len(fields)}")
            return False
        return True

    def identifier(self, line: int, text: str, what: str) -> bool:
        if not text:
            self.problem(line, f"{what} is empty")
            return False
        return True

    def day(self, line: int, text: str, horizon: int | None, what: str = "day") -> int | None:
        day = self.integer(line, text, what)
        if day is not None and horizon is not None and day >= horizon:
            self.problem(line, f"{what} {day} is outside the horizon (days 0 to {horizon - 1})")
            return None
        return day

    # -- sections --

    def horizon(self, rows: list[tuple[int, list[str]]], header: int) -> int | None:
        if not rows:
            if header:
                self.problem(header, "SECTION_HORIZON holds no number of days")
            return None
        if len(rows) > 1:
            self.problem(rows[1][0], "SECTION_HORIZON holds more than one line")
        line, fields = rows[0]
        if not self.fields(line, fields, 1, "the number of days"):
            return None
        return self.integer(line, fields[0], "the horizon", minimum=1)

    def shifts(self, rows: list[tuple[int, list[str]]]) -> tuple[ShiftType, ...]:
        seen: dict[str, int] = {}
        parsed: list[tuple[int, str, int, tuple[str, ...]]] = []
        for line, fields in rows:
            if not self.fields(line, fields, 3, "id, minutes, shifts that may not follow"):
                continue
            sid, minutes_text, successors = fields
            if not self.identifier(line, sid, "the shift id"):
                continue
            if sid in seen:
                self.problem(line, f"shift {sid!r} is defined again (first at line {seen[sid]})")
                continue
            seen[sid] = line
            minutes = self.integer(line, minutes_text, f"the length of shift {sid!r}", minimum=1)
            forbidden = tuple(s.strip() for s in successors.split("|") if s.strip()) if successors else ()
            if minutes is not None:
                parsed.append((line, sid, minutes, forbidden))
        result = []
        # Successors may name shift types defined further down, so they are checked last.
        for line, sid, minutes, forbidden in parsed:
            for succ in forbidden:
                if succ not in seen:
                    self.problem(line, f"shift {sid!r}: unknown shift {succ!r} among those that may not follow it")
            if len(set(forbidden)) != len(forbidden):
                self.problem(line, f"shift {sid!r}: a shift is named twice among those that may not follow it")
            result.append(ShiftType(sid, minutes, forbidden))
        return tuple(result)

    def staff(self, rows: list[tuple[int, list[str]]], shift_ids: set[str]) -> list[tuple]:
        names = ("max total minutes", "min total minutes", "max consecutive shifts",
                 "min consecutive shifts", "min consecutive days off", "max weekends")
        seen: dict[str, int] = {}
        result = []
        for line, fields in rows:
            if not self.fields(line, fields, 8, "id, max shifts per type, " + ", ".join(names)):
                continue
            sid = fields[0]
            if not self.identifier(line, sid, "the staff id"):
                continue
            if sid in seen:
                self.problem(line, f"staff {sid!r} is defined again (first at line {seen[sid]})")
                continue
            seen[sid] = line
            max_shifts: dict[str, int] = {}
            for item in filter(None, (p.strip() for p in fields[1].split("|"))):
                shift, sep, count = item.partition("=")
                shift = shift.strip()
                if not sep:
                    self.problem(line, f"staff {sid!r}: max shifts {item!r} is not of the form SHIFT=NUMBER")
                elif shift not in shift_ids:
                    self.problem(line, f"staff {sid!r}: max shifts names unknown shift {shift!r}")
                elif shift in max_shifts:
                    self.problem(line, f"staff {sid!r}: max shifts names shift {shift!r} twice")
                else:
                    value = self.integer(line, count.strip(), f"staff {sid!r}: max shifts of {shift!r}")
                    if value is not None:
                        max_shifts[shift] = value
            numbers = [self.integer(line, text, f"staff {sid!r}: {what}") for text, what in zip(fields[2:], names)]
            if any(n is None for n in numbers):
                continue
            result.append((sid, max_shifts, *numbers))
        return result

    def days_off(self, rows: list[tuple[int, list[str]]], staff_ids: set[str], horizon: int | None) -> dict[str, set[int]]:
        seen: dict[str, int] = {}
        result: dict[str, set[int]] = {}
        for line, fields in rows:
            sid = fields[0]
            if not self.identifier(line, sid, "the staff id"):
                continue
            if sid not in staff_ids:
                self.problem(line, f"days off of unknown staff {sid!r}")
                continue
            if sid in seen:
                self.problem(line, f"days off of staff {sid!r} are given again (first at line {seen[sid]})")
                continue
            seen[sid] = line
            days = result.setdefault(sid, set())
            for text in filter(None, fields[1:]):
                day = self.day(line, text, horizon, "day off")
                if day is not None:
                    days.add(day)
        return result

    def requests(self, rows, staff_ids, shift_ids, horizon, kind) -> tuple[ShiftRequest, ...]:
        seen: dict[tuple[str, int, str], int] = {}
        result = []
        for line, fields in rows:
            if not self.fields(line, fields, 4, "staff, day, shift, weight"):
                continue
            sid, day_text, shift, weight_text = fields
            ok = True
            if sid not in staff_ids:
                self.problem(line, f"shift {kind}-request of unknown staff {sid!r}")
                ok = False
            if shift not in shift_ids:
                self.problem(line, f"shift {kind}-request names unknown shift {shift!r}")
                ok = False
            day = self.day(line, day_text, horizon)
            weight = self.integer(line, weight_text, "the weight")
            if not ok or day is None or weight is None:
                continue
            key = (sid, day, shift)
            if key in seen:
                self.problem(line, f"the same {kind}-request ({sid}, day {day}, {shift}) is given again"
                                   f" (first at line {seen[key]})")
                continue
            seen[key] = line
            result.append(ShiftRequest(sid, day, shift, weight))
        return tuple(result)

    def cover(self, rows, shift_ids, horizon) -> tuple[Cover, ...]:
        seen: dict[tuple[int, str], int] = {}
        result = []
        for line, fields in rows:
            if not self.fields(line, fields, 5, "day, shift, requirement, weight under, weight over"):
                continue
            day_text, shift, *numbers_text = fields
            ok = True
            if shift not in shift_ids:
                self.problem(line, f"cover names unknown shift {shift!r}")
                ok = False
            day = self.day(line, day_text, horizon)
            numbers = [self.integer(line, text, what) for text, what in
                       zip(numbers_text, ("the requirement", "the weight for under", "the weight for over"))]
            if not ok or day is None or any(n is None for n in numbers):
                continue
            key = (day, shift)
            if key in seen:
                self.problem(line, f"cover of day {day}, shift {shift} is given again (first at line {seen[key]})")
                continue
            seen[key] = line
            result.append(Cover(day, shift, *numbers))  # type: ignore[arg-type]
        return tuple(result)
