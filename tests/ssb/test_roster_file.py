"""The plain roster file: written exactly as the issue specifies, read back unchanged, and
every fault of a file someone else wrote reported with its line."""

from __future__ import annotations

import pytest

from solver.ssb import RosterFormatError, evaluate, format_roster, parse_roster, read_instance, read_roster, write_roster
from tests.ssb.paths import DATA, instance_path


@pytest.fixture(scope="module")
def tiny():
    return read_instance(DATA / "tiny.txt")


ANSWER = {
    "A": ["E", "E", "E", None, None, None, None, "E", "E", "E", None, None, None, None],
    "B": [None, "L", "L", None, None, "E", "E", None, None, "E", "E", None, None, None],
    "C": ["E", "E", None, None, None, None, None, None, None, None, None, None, None, None],
}


def test_one_line_per_staff_member_in_the_instance_order(tiny):
    # Given in another order, written in the instance's.
    answer = {"C": ANSWER["C"], "A": ANSWER["A"], "B": ANSWER["B"]}
    assert format_roster(tiny, answer) == (
        "A,E,E,E,,,,,E,E,E,,,,\n"
        "B,,L,L,,,E,E,,,E,E,,,\n"
        "C,E,E,,,,,,,,,,,,\n"
    )


def test_round_trip_through_a_file(tiny, tmp_path):
    path = tmp_path / "tiny.roster"
    write_roster(path, tiny, ANSWER)
    assert read_roster(path, tiny) == ANSWER
    assert read_roster(path) == ANSWER
    assert b"\r" not in path.read_bytes()


def test_round_trip_of_the_instance1_answer(tmp_path):
    instance = read_instance(instance_path(1))
    answer = read_roster(DATA / "Instance1-607.roster", instance)
    assert list(answer) == list(instance.staff_ids)
    write_roster(tmp_path / "copy.roster", instance, answer)
    assert (tmp_path / "copy.roster").read_text() == (DATA / "Instance1-607.roster").read_text()
    assert evaluate(instance, read_roster(tmp_path / "copy.roster", instance)).objective == 607


def test_a_roster_of_a_long_instance_round_trips(tmp_path):
    instance = read_instance(instance_path(24))
    shifts = instance.shift_ids
    answer = {s.id: [shifts[(i + d) % len(shifts)] if (i + d) % 3 else None for d in range(instance.horizon)]
              for i, s in enumerate(instance.staff)}
    write_roster(tmp_path / "i24.roster", instance, answer)
    assert read_roster(tmp_path / "i24.roster", instance) == answer


def test_others_files_may_have_spaces_comments_blank_lines_and_any_order(tiny):
    text = (
        "# written by another program\n"
        "\n"
        "C, E, E,,,,,,,,,,,,\r\n"
        "B,,L,L,,,E,E,,,E,E,,,\n"
        "A,E,E,E,,,,,E,E,E,,,,\n"
        "\n"
    )
    answer = parse_roster(text, tiny)
    assert answer == ANSWER
    assert list(answer) == ["A", "B", "C"]  # back in the instance's order


@pytest.mark.parametrize(
    "text, line, fragment",
    [
        ("A,E,E,E,,,,,E,E,E,,,,\nB,,L,L,,,E,E,,,E,E,,,\n", 0, "staff without a line: 'C'"),
        ("A,E,E,E,,,,,E,E,E,,,,\nA,E,E,E,,,,,E,E,E,,,,\n", 2, "staff 'A' appears again (first at line 1)"),
        ("Z,E,E,E,,,,,E,E,E,,,,\n", 1, "staff 'Z' is not in the instance"),
        ("A,E,E,E,,,,,E,E,E,,,\n", 1, "staff 'A' has 13 days, the horizon 14"),
        ("A,E,E,E,,,,,E,E,N,,,,\n", 1, "staff 'A', day 9: unknown shift 'N'"),
        (",E,E,E,,,,,E,E,E,,,,\n", 1, "the staff id is empty"),
    ],
)
def test_a_faulty_file_is_refused_with_its_line(tiny, text, line, fragment):
    with pytest.raises(RosterFormatError) as caught:
        parse_roster(text, tiny, source="answer.roster")
    assert any(n == line and fragment in message for n, message in caught.value.problems), caught.value.problems
    assert f"answer.roster:{line}: " in str(caught.value)


def test_without_an_instance_every_line_must_have_as_many_days():
    with pytest.raises(RosterFormatError, match=r"x:3: 2 days where the other lines have 3"):
        parse_roster("A,D,,D\nB,,,\nC,D,D\n", source="x")
    assert parse_roster("A,D,,D\nB,,,\n") == {"A": ["D", None, "D"], "B": [None, None, None]}


@pytest.mark.parametrize(
    "answer, fragment",
    [
        ({"A": ANSWER["A"], "B": ANSWER["B"]}, "staff 'C' has no row in the answer"),
        ({**ANSWER, "A": ANSWER["A"][:3]}, "staff 'A' has 3 days, the horizon 14"),
        ({**ANSWER, "B": ["X"] * 14}, "staff 'B': unknown shift(s) 'X'"),
        ({**ANSWER, "Q": ANSWER["A"]}, "staff not in the instance: 'Q'"),
    ],
)
def test_an_answer_that_does_not_fit_the_instance_is_not_written(tiny, tmp_path, answer, fragment):
    path = tmp_path / "never.roster"
    with pytest.raises(RosterFormatError) as caught:
        write_roster(path, tiny, answer)
    assert fragment in str(caught.value)
    assert not path.exists()


def test_a_file_that_is_not_text_is_refused(tiny, tmp_path):
    path = tmp_path / "bad.roster"
    path.write_bytes(b"A,\xff\n")
    with pytest.raises(RosterFormatError, match=r"bad.roster:0: not UTF-8 text"):
        read_roster(path, tiny)
