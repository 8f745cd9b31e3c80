"""The week as every output sees it: the roster, the community and the people's details.

`PrintWeek` bundles what a printout needs and answers the questions every output asks (who
stands at a post, which posts are short, a volunteer's posts, phone numbers masked or not),
through the window's own `WeekData`, so paper and screen cannot disagree. The words shared
by the outputs (the week's dates, the print date, the pin mark) live here too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Mapping

from PySide6.QtCore import QCoreApplication
from pypinyin import lazy_pinyin

from roster_app.gui.kinds import kind_order, kind_style
from roster_app.gui.roster_model import describe_needs, weekday_label
from roster_app.gui.volunteer_model import mask_phone
from roster_app.gui.week_data import WeekData
from roster_app.kinds import VolunteerDetails
from solver.scenario import Assignment, Gate, Post, Roster, Scenario, Shortage, Slot

if TYPE_CHECKING:  # only for the convenience constructor; outputs never touch the database
    from roster_app.persistence.store import RosterStore

PIN_MARK = "★"
"""Drawn after a pinned (锁定) name on paper; the window's 🔒 is missing from CJK fonts."""


translate = QCoreApplication.translate
"""Qt's translate, under the name lupdate looks for: every output string is written
`translate("Output", "…")` with the Chinese source literal, so it can be collected."""


def day_kind_label(workday: bool) -> str:
    return translate("Output", "工作日") if workday else translate("Output", "休息日")


def week_span_label(dates: tuple[dt.date, ...]) -> str:
    """"2026年11月23日（周一）至11月29日（周日）"; the year is repeated when the week crosses it."""
    first, last = dates[0], dates[-1]
    start = translate("Output", "{y}年{m}月{d}日").format(y=first.year, m=first.month, d=first.day)
    if last.year != first.year:
        end = translate("Output", "{y}年{m}月{d}日").format(y=last.year, m=last.month, d=last.day)
    else:
        end = translate("Output", "{m}月{d}日").format(m=last.month, d=last.day)
    return translate("Output", "{start}（{first}）至{end}（{last}）").format(
        start=start, first=weekday_label(first), end=end, last=weekday_label(last)
    )


def short_date(day: dt.date) -> str:
    """"11-23"."""
    return f"{day:%m-%d}"


def printed_on_label(day: dt.date) -> str:
    return translate("Output", "打印日期：{date}").format(date=f"{day:%Y-%m-%d}")


@dataclass(frozen=True)
class PrintWeek:
    """One community's week, ready to be printed or exported.

    Attributes:
        scenario: the week's snapshot (`RosterStore.week_scenario`).
        roster: the saved answer (`RosterStore.week_roster`), or None before the first
            自动排班; then the pins are what is printed, as in the window.
        community: the community's name (社区), printed in every header.
        contact: the community office's contact line, printed in every footer.
        details: volunteer id -> the office's details (kind, phone); people missing here
            print with the kind "其他" and no phone.
        printed_on: the date printed in the header (today unless given, for tests).
    """

    scenario: Scenario
    roster: Roster | None
    community: str
    contact: str = ""
    details: Mapping[str, VolunteerDetails] = field(default_factory=dict)
    printed_on: dt.date = field(default_factory=dt.date.today)

    @classmethod
    def from_store(
        cls, store: "RosterStore", community_id: int, week_start: dt.date, printed_on: dt.date | None = None
    ) -> "PrintWeek":
        """The week as the store holds it (scenario, saved roster, community, details)."""
        info = next(c for c in store.communities() if c.id == community_id)
        return cls(
            scenario=store.week_scenario(community_id, week_start),
            roster=store.week_roster(community_id, week_start),
            community=info.name,
            contact=info.contact,
            details=store.volunteer_details(community_id),
            printed_on=printed_on or dt.date.today(),
        )

    # --- the window's reading of the week -----------------------------------------------

    @cached_property
    def data(self) -> WeekData:
        kinds = {vid: d.kind for vid, d in self.details.items()}
        phones = {vid: d.phone for vid, d in self.details.items() if d.phone}
        return WeekData(self.scenario, self.roster, kinds, phones)

    @property
    def dates(self) -> tuple[dt.date, ...]:
        return self.scenario.dates

    @property
    def gates(self) -> tuple[Gate, ...]:
        return self.scenario.gates

    @property
    def slots(self) -> tuple[Slot, ...]:
        return self.scenario.slots

    def is_workday(self, day: dt.date) -> bool:
        return self.data.workday[day]

    def is_open(self, post: Post) -> bool:
        """Whether the post has a demand this week (a closed post prints 不开放)."""
        demand = self.data.staffing.get(post)
        return demand is not None and demand.max > 0

    def people_at(self, post: Post) -> list[Assignment]:
        """The post's assignments, pinned first, as the window lists them."""
        return self.data.people_at.get(post, [])

    def shortage_at(self, post: Post) -> Shortage | None:
        return self.data.shortage_at.get(post)

    def name_of(self, volunteer_id: str) -> str:
        # A volunteer removed since the roster was saved still prints, by id (as in the window).
        return self.data.volunteer_names.get(volunteer_id, volunteer_id)

    def kind_of(self, volunteer_id: str) -> str:
        return self.data.kinds.get(volunteer_id, "")

    def kind_label(self, volunteer_id: str) -> str:
        return kind_style(self.kind_of(volunteer_id)).label

    def phone_of(self, volunteer_id: str, full: bool = False) -> str:
        """The person's phone, masked (138****1234) unless `full`; "" when not recorded."""
        phone = self.data.phones.get(volunteer_id, "")
        if not phone:
            return ""
        return phone.strip() if full else mask_phone(phone)

    def slot_hours(self, slot_id: str) -> float:
        return self.data.slot_minutes.get(slot_id, 0) / 60

    def slot_order(self, slot_id: str) -> int:
        return next((i for i, s in enumerate(self.slots) if s.id == slot_id), len(self.slots))

    def gate_order(self, gate_id: str) -> int:
        return next((i for i, g in enumerate(self.gates) if g.id == gate_id), len(self.gates))

    def gate_name(self, gate_id: str) -> str:
        return next((g.name for g in self.gates if g.id == gate_id), gate_id)

    @cached_property
    def assignments(self) -> tuple[Assignment, ...]:
        """Every assignment in reading order: date, slot, gate, then as the post lists them."""
        out = []
        for day in self.dates:
            for slot in self.slots:
                for gate in self.gates:
                    out.extend(self.people_at(Post(gate.id, day, slot.id)))
        return tuple(out)

    def posts_of(self, volunteer_id: str) -> list[Assignment]:
        """A volunteer's assignments this week in time order."""
        return [a for a in self.assignments if a.volunteer == volunteer_id]

    def shortages(self) -> list[Shortage]:
        """The short posts (缺岗) in reading order: date, slot, gate."""
        roster = self.roster
        if roster is None:
            return []
        return sorted(
            roster.shortages,
            key=lambda s: (s.date, self.slot_order(s.slot), self.gate_order(s.gate)),
        )

    def shortage_words(self, shortage: Shortage) -> list[str]:
        """["缺 1人", "缺党员 1 人"]: what a short post lacks, as printed in its cell."""
        words = [translate("Output", "缺 {n}人").format(n=shortage.missing)] if shortage.missing else []
        return words + describe_needs(shortage.unmet_needs)

    def kinds_present(self) -> list[str]:
        """Kind codes of the people on duty this week, in the legend's order."""
        codes = {self.kind_of(a.volunteer) for a in self.assignments}
        return sorted(codes, key=kind_order)

    @cached_property
    def people_on_duty(self) -> list[str]:
        """Ids of everyone with a post this week, ordered by the pinyin of their names (the
        order a clerk hands slips out in)."""
        ids = dict.fromkeys(a.volunteer for a in self.assignments)
        return sorted(ids, key=lambda vid: (lazy_pinyin(self.name_of(vid)), self.name_of(vid), vid))
