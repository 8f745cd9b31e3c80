"""The Shift Scheduling Benchmark (Curtois & Qu): its instances, an independent evaluator
of answers, and the plain roster file that carries an answer between programs.

Pure Python: no Qt, no SQLAlchemy, no OR-Tools, so that the evaluator shares nothing with
the engine it judges. Two modules reach the engine and are therefore not imported here:
`solver.ssb.convert` (an instance as the engine's scenario, its roster as an answer) and
`solver.ssb.bench` (`gateroster bench ssb`: solve, evaluate independently, tabulate).
"""

from solver.ssb.evaluate import (
    RULES,
    Answer,
    AnswerError,
    Evaluation,
    Penalty,
    Violation,
    evaluate,
)
from solver.ssb.instance import (
    Cover,
    Instance,
    ShiftRequest,
    ShiftType,
    SSBFormatError,
    Staff,
    parse_instance,
    read_instance,
)
from solver.ssb.roster_file import (
    RosterFormatError,
    format_roster,
    parse_roster,
    read_roster,
    write_roster,
)

__all__ = [
    "RULES", "Answer", "AnswerError", "Cover", "Evaluation", "Instance", "Penalty",
    "RosterFormatError", "SSBFormatError", "ShiftRequest", "ShiftType", "Staff", "Violation",
    "evaluate", "format_roster", "parse_instance", "parse_roster", "read_instance",
    "read_roster", "write_roster",
]
