"""The benchmark reader: every instance read with the counts its file holds (counted here
by other means), the values of a hand-written file, and every kind of malformed input
refused with its line."""

from __future__ import annotations

import re

import pytest

from solver.ssb import Cover, ShiftRequest, ShiftType, SSBFormatError, parse_instance, read_instance
from tests.ssb.paths import DATA, INSTANCE_NUMBERS, instance_path


def raw_sections(text: str) -> dict[str, list[str]]:
    """Each section's data lines, split on the headers by a regular expression."""
    parts = re.split(r"^(SECTION_\w+)[ \t]*$", text, flags=re.MULTILINE)
    sections = {}
    for header, body in zip(parts[1::2], parts[2::2]):
        sections[header] = [ln for ln in body.split("\n") if ln.strip() and not ln.lstrip().startswith("#")]
    return sections


@pytest.mark.parametrize("number", INSTANCE_NUMBERS)
def test_every_instance_is_read_with_the_counts_of_its_file(number):
    path = instance_path(number)
    sections = raw_sections(path.read_text())
    instance = read_instance(path)

    assert instance.name == f"Instance{number}"
    assert instance.horizon == int(sections["SECTION_HORIZON"][0])
    assert instance.horizon % 7 == 0
    assert len(instance.shifts) == len(sections["SECTION_SHIFTS"])
    assert len(instance.staff) == len(sections["SECTION_STAFF"])
    assert len(instance.on_requests) == len(sections["SECTION_SHIFT_ON_REQUESTS"])
    assert len(instance.off_requests) == len(sections["SECTION_SHIFT_OFF_REQUESTS"])
    assert len(instance.cover) == len(sections["SECTION_COVER"])
    days_off_in_file = sum(len(ln.split(",")) - 1 for ln in sections["SECTION_DAYS_OFF"])
    assert sum(len(s.days_off) for s in instance.staff) == days_off_in_file

    # The order of the file is kept (a roster file lists staff in it) ...
    assert [s.id for s in instance.staff] == [ln.split(",")[0] for ln in sections["SECTION_STAFF"]]
    assert [s.id for s in instance.shifts] == [ln.split(",")[0] for ln in sections["SECTION_SHIFTS"]]
    # ... and the last line of each list section is read field for field.
    sid, minutes, succ = sections["SECTION_SHIFTS"][-1].split(",")
    assert instance.shifts[-1] == ShiftType(sid, int(minutes), tuple(succ.split("|")) if succ else ())
    staff_id, *_, max_weekends = sections["SECTION_STAFF"][-1].split(",")
    assert (instance.staff[-1].id, instance.staff[-1].max_weekends) == (staff_id, int(max_weekends))
    staff_id, day, shift, weight = sections["SECTION_SHIFT_OFF_REQUESTS"][-1].split(",")
    assert instance.off_requests[-1] == ShiftRequest(staff_id, int(day), shift, int(weight))
    day, shift, req, under, over = sections["SECTION_COVER"][-1].split(",")
    assert instance.cover[-1] == Cover(int(day), shift, int(req), int(under), int(over))
    # Every (day, shift) has exactly one cover line in the benchmark.
    assert len({(c.day, c.shift_id) for c in instance.cover}) == instance.horizon * len(instance.shifts)


def test_instance1_as_printed():
    instance = read_instance(instance_path(1))
    assert instance.shifts == (ShiftType("D", 480, ()),)
    a = instance.staff_member("A")
    assert dict(a.max_shifts) == {"D": 14}
    assert (a.max_total_minutes, a.min_total_minutes) == (4320, 3360)
    assert (a.max_consecutive_shifts, a.min_consecutive_shifts) == (5, 2)
    assert (a.min_consecutive_days_off, a.max_weekends) == (2, 1)
    assert a.days_off == {0}
    assert instance.staff_member("H").days_off == {7}
    assert instance.on_requests[0] == ShiftRequest("A", 2, "D", 2)
    assert instance.off_requests[2] == ShiftRequest("F", 8, "D", 3)
    assert instance.cover[1] == Cover(1, "D", 7, 100, 1)
    assert instance.weekends() == ((5, 6), (12, 13))


def test_successors_may_name_shifts_defined_later():
    instance = read_instance(instance_path(24))
    assert instance.shift("a4").forbidden_next[-1] == "d8"
    assert instance.shift("a1").forbidden_next == ()
    assert instance.shift("d4").minutes == 720


def test_the_hand_written_instance():
    instance = read_instance(DATA / "tiny.txt")
    assert instance.horizon == 14
    assert instance.shifts == (ShiftType("E", 480, ()), ShiftType("L", 600, ("E",)))
    assert instance.staff_ids == ("A", "B", "C")
    assert instance.staff_member("A").days_off == {6}
    assert instance.staff_member("C").days_off == frozenset()  # no days-off line
    assert instance.staff_member("B").max_shifts_of("L", 14) == 2
    assert len(instance.cover) == 6


HEAD = "SECTION_HORIZON\n7\nSECTION_SHIFTS\nD,480,\nN,600,D\n"
STAFF = "SECTION_STAFF\nA,D=7|N=2,2400,0,5,1,1,1\n"


def test_a_minimal_instance_needs_only_horizon_shifts_and_staff():
    instance = parse_instance(HEAD + STAFF)
    assert (instance.horizon, instance.on_requests, instance.cover) == (7, (), ())


def test_a_shift_type_left_out_of_max_shifts_has_no_limit_of_its_own():
    instance = parse_instance(HEAD + "SECTION_STAFF\nA,D=3,2400,0,5,1,1,1\n")
    assert instance.staff_member("A").max_shifts_of("N", instance.horizon) == 7


def test_spaces_and_windows_line_ends_are_tolerated():
    text = (HEAD + STAFF + "SECTION_COVER\n 0 , D , 2 , 100 , 1 \n").replace("\n", "\r\n")
    assert parse_instance(text).cover == (Cover(0, "D", 2, 100, 1),)


@pytest.mark.parametrize(
    "text, line, fragment",
    [
        ("7\n" + HEAD + STAFF, 1, "data before any section"),
        (HEAD + STAFF + "SECTION_HOLIDAYS\n1\n", 8, "unknown section 'SECTION_HOLIDAYS'"),
        (HEAD + STAFF + "SECTION_SHIFTS\nX,1,\n", 8, "SECTION_SHIFTS appears again (first at line 3)"),
        (HEAD, 0, "SECTION_STAFF is missing"),
        ("SECTION_HORIZON\nseven\nSECTION_SHIFTS\nD,480,\n" + STAFF.replace("D=7|N=2", "D=7"), 2,
         "the horizon must be a whole number, not 'seven'"),
        ("SECTION_HORIZON\n0\nSECTION_SHIFTS\nD,480,\n" + STAFF.replace("D=7|N=2", "D=7"), 2,
         "the horizon must be at least 1, not 0"),
        ("SECTION_HORIZON\n7\n8\nSECTION_SHIFTS\nD,480,\n" + STAFF.replace("D=7|N=2", "D=7"), 3,
         "more than one line"),
        (HEAD.replace("N,600,D", "N,600,X") + STAFF, 5, "unknown shift 'X' among those that may not follow"),
        (HEAD.replace("N,600,D", "N,600") + STAFF, 5, "expected 3 comma-separated fields"),
        (HEAD.replace("N,600,D", "D,600,") + STAFF, 5, "shift 'D' is defined again (first at line 4)"),
        (HEAD.replace("N,600,D", "N,-5,D") + STAFF, 5, "the length of shift 'N' must be at least 1, not -5"),
        (HEAD + STAFF + "A,D=7,2400,0,5,1,1,1\n", 8, "staff 'A' is defined again (first at line 7)"),
        (HEAD + STAFF.replace("D=7|N=2", "D=7|Q=2"), 7, "max shifts names unknown shift 'Q'"),
        (HEAD + STAFF.replace("D=7|N=2", "D=7|N"), 7, "max shifts 'N' is not of the form SHIFT=NUMBER"),
        (HEAD + STAFF.replace("D=7|N=2", "D=7|D=2"), 7, "max shifts names shift 'D' twice"),
        (HEAD + STAFF.replace(",5,1,1,1", ",5,1,x,1"), 7, "staff 'A': min consecutive days off must be a whole number"),
        (HEAD + STAFF.replace(",5,1,1,1", ",5,1,1"), 7, "expected 8 comma-separated fields"),
        (HEAD + STAFF + "SECTION_DAYS_OFF\nB,1\n", 9, "days off of unknown staff 'B'"),
        (HEAD + STAFF + "SECTION_DAYS_OFF\nA,7\n", 9, "day off 7 is outside the horizon (days 0 to 6)"),
        (HEAD + STAFF + "SECTION_DAYS_OFF\nA,1\nA,2\n", 10, "days off of staff 'A' are given again"),
        (HEAD + STAFF + "SECTION_SHIFT_ON_REQUESTS\nA,1,X,3\n", 9, "shift on-request names unknown shift 'X'"),
        (HEAD + STAFF + "SECTION_SHIFT_OFF_REQUESTS\nZ,1,D,3\n", 9, "shift off-request of unknown staff 'Z'"),
        (HEAD + STAFF + "SECTION_SHIFT_OFF_REQUESTS\nA,1,D,-3\n", 9, "the weight must be at least 0, not -3"),
        (HEAD + STAFF + "SECTION_SHIFT_ON_REQUESTS\nA,1,D,3\nA,1,D,4\n", 10, "the same on-request (A, day 1, D) is given again"),
        (HEAD + STAFF + "SECTION_COVER\n9,D,1,100,1\n", 9, "day 9 is outside the horizon"),
        (HEAD + STAFF + "SECTION_COVER\n1,D,1,100\n", 9, "expected 5 comma-separated fields"),
        (HEAD + STAFF + "SECTION_COVER\n1,D,1,100,1\n1,D,2,100,1\n", 10, "cover of day 1, shift D is given again"),
    ],
)
def test_malformed_input_is_refused_with_its_line(text, line, fragment):
    with pytest.raises(SSBFormatError) as caught:
        parse_instance(text, source="bad.txt")
    messages = [message for n, message in caught.value.problems if n == line]
    assert any(fragment in message for message in messages), caught.value.problems
    assert f"bad.txt:{line}: " in str(caught.value)


def test_every_problem_of_a_file_is_reported_at_once():
    text = HEAD + STAFF + "SECTION_COVER\n9,D,1,100,1\n1,Q,1,100,1\n1,D,x,100,1\n"
    with pytest.raises(SSBFormatError) as caught:
        parse_instance(text, source="bad.txt")
    assert [line for line, _ in caught.value.problems] == [9, 10, 11]


def test_a_file_that_is_not_text_is_refused(tmp_path):
    path = tmp_path / "Instance0.txt"
    path.write_bytes(b"SECTION_HORIZON\n\xff\xfe\n")
    with pytest.raises(SSBFormatError, match=r"Instance0.txt:0: not UTF-8 text"):
        read_instance(path)
