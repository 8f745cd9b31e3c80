"""Kinds of volunteers (在职党员, 无职党员, 下沉干部 …) and the office's details about a person.

The solver only needs a volunteer's facts (party member? employed? minor?); the office also
keeps *what kind* of volunteer someone is, which the GUI uses to colour names and the
street office's monthly report uses to group service totals, and contact details that
never leave the community's database. Kind codes are stable ASCII strings stored in the
database; the Chinese labels are what the clerk sees.
"""

from __future__ import annotations

from dataclasses import dataclass

from solver.scenario import Volunteer

KIND_LABELS: dict[str, str] = {
    "employed_party": "在职党员",
    "nonemployed_party": "无职党员",
    "cadre": "下沉干部",
    "community_worker": "社区工作者",
    "resident": "群众",
    "youth": "青年志愿者",
    "minor": "新时代好少年",
    "social_worker": "社工",
}
"""Kind code → the label shown in the UI, in the order the UI lists them."""

KINDS: tuple[str, ...] = tuple(KIND_LABELS)


def guess_kind(volunteer: Volunteer) -> str:
    """The kind of someone known only from a scenario file: the file's, else a guess.

    A version-2 file may name the kind (`Volunteer.kind`); a version-1 file never does, so
    such a volunteer gets the kind their facts suggest; the clerk can correct it afterwards.
    """
    if volunteer.kind is not None and volunteer.kind in KIND_LABELS:
        return volunteer.kind
    if volunteer.minor:
        return "minor"
    if volunteer.party_member:
        return "employed_party" if volunteer.employed else "nonemployed_party"
    return "resident"


@dataclass(frozen=True)
class VolunteerDetails:
    """What the community office knows about a volunteer beyond the solver's facts.

    Attributes:
        kind: a code from `KIND_LABELS`. Always set, unlike `Volunteer.kind`, which is what
            the solver sees and is None for people of a version-1 scenario.
        phone: contact number, or None when not recorded.
        building: the building (楼) the person lives in, e.g. "3号楼".
        grid: the grid (网格) the building belongs to, e.g. "第一网格".
    """

    kind: str
    phone: str | None = None
    building: str | None = None
    grid: str | None = None
