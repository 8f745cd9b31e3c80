"""Service hours (服务时长) and person-times (人次) from published rosters, over any date range.

What counts: every assignment of a *published* week (`RosterStore.publish_week`) dated
inside the range, both ends included. A range may cut a week (a month rarely starts on a
Monday): only the days inside count. One assignment — one person at one gate in one slot
on one day — is one 人次 and its slot's length (`Slot.minutes`) of service; a person who
stands 早班 and 晚班 on the same day served two 人次. Drafts never count: they were not
posted at the gates, so nobody stood there by them. A week reopened for changes is a draft
again until it is published anew (as for `RosterStore.recent_hours`).

The computation is pure: `service_period` takes the published weeks as plain
`PublishedWeek`s (a `Scenario` and its `Roster`), so tests build them by hand;
`fetch_service_period` is the thin part that reads them from the store. `build_report`
groups one period's posts per volunteer, kind of volunteer, gate or week, and
`report_table` turns a report into the rows every output shows (the dialog's table, the
.xlsx and the .csv), so they cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from pypinyin import lazy_pinyin

from roster_app.gui.kinds import kind_order, kind_style
from solver.scenario import Roster, Scenario

if TYPE_CHECKING:  # the store is only read by `fetch_service_period`
    from roster_app.persistence.store import RosterStore

BY_VOLUNTEER, BY_KIND, BY_GATE, BY_WEEK = "volunteer", "kind", "gate", "week"
GROUPINGS: tuple[str, ...] = (BY_VOLUNTEER, BY_KIND, BY_GATE, BY_WEEK)
"""The ways a report can be grouped, in the order the dialog offers them."""

GROUPING_SOURCES: Mapping[str, str] = {
    BY_VOLUNTEER: QT_TRANSLATE_NOOP("Reports", "志愿者"),
    BY_KIND: QT_TRANSLATE_NOOP("Reports", "类别"),
    BY_GATE: QT_TRANSLATE_NOOP("Reports", "门岗"),
    BY_WEEK: QT_TRANSLATE_NOOP("Reports", "周"),
}

WEEK_DAYS = 7
"""A planned week's length: `RosterStore.week_scenario` gives seven days by default."""


def tr(text: str) -> str:
    """Translate a report string (context "Reports"); the source strings are Chinese."""
    return QCoreApplication.translate("Reports", text)


def grouping_label(grouping: str) -> str:
    return tr(GROUPING_SOURCES[grouping])


def hours_of(minutes: int) -> float:
    """Minutes as hours, to the hundredth (a 20-minute slot is 0.33 h)."""
    return round(minutes / 60, 2)


def format_hours(minutes: int) -> str:
    """360 -> "6", 390 -> "6.5"."""
    return f"{hours_of(minutes):g}"


def date_label(day: dt.date, with_year: bool = False) -> str:
    if with_year:
        return tr("{y}年{m}月{d}日").format(y=day.year, m=day.month, d=day.day)
    return tr("{m}月{d}日").format(m=day.month, d=day.day)


def span_label(first: dt.date, last: dt.date, with_year: bool = True) -> str:
    """"2026年11月1日至11月30日"; the year is repeated when the span crosses one."""
    if first == last:
        return date_label(first, with_year)
    return tr("{first}至{last}").format(
        first=date_label(first, with_year), last=date_label(last, with_year and last.year != first.year)
    )


# --- the posts of a period ----------------------------------------------------------------


@dataclass(frozen=True)
class PublishedWeek:
    """A published week as the report reads it: its snapshot and its saved roster."""

    scenario: Scenario
    roster: Roster

    @property
    def start(self) -> dt.date:
        return self.scenario.start_date

    @property
    def last(self) -> dt.date:
        return self.scenario.start_date + dt.timedelta(days=self.scenario.days - 1)


@dataclass(frozen=True)
class ServicePost:
    """One 人次: a volunteer at a gate in a slot on a date of a published week.

    `kind` is the volunteer's kind code ("" when unknown); `slot_name` and `slot_time`
    ("06:00–08:00") say the slot as the roster does; `minutes` is its length.
    """

    week: dt.date
    date: dt.date
    volunteer: str
    name: str
    kind: str
    gate: str
    gate_name: str
    slot: str
    minutes: int
    slot_name: str = ""
    slot_time: str = ""


@dataclass(frozen=True)
class ServicePeriod:
    """Everything served between `start` and `end` (both included).

    Attributes:
        posts: every counted post, by date, then in the roster's order.
        weeks: the start dates of the published weeks that overlap the range.
        unpublished: start dates of weeks in the range that have a roster but are not
            published (their posts are not counted; the dialog says so).
        gates: gate id -> name, in the gates' order (the latest week's order first).
    """

    start: dt.date
    end: dt.date
    posts: tuple[ServicePost, ...] = ()
    weeks: tuple[dt.date, ...] = ()
    unpublished: tuple[dt.date, ...] = ()
    gates: Mapping[str, str] = field(default_factory=dict)


def service_period(
    weeks: Iterable[PublishedWeek],
    start: dt.date,
    end: dt.date,
    *,
    names: Mapping[str, str] | None = None,
    kinds: Mapping[str, str] | None = None,
    unpublished: Sequence[dt.date] = (),
) -> ServicePeriod:
    """The posts of `weeks` dated from `start` to `end`.

    `names` and `kinds` (volunteer id -> name, kind code) cover people who are no longer in
    a week's snapshot (a volunteer who left is not in `week_scenario` but their past posts
    still count); `kinds` wins over the snapshot's `Volunteer.kind`, which is None for a
    version-1 community. Raises ValueError if an assignment names a slot the week's
    scenario does not have (its length would be unknown).
    """
    if end < start:
        raise ValueError(f"The range ends ({end}) before it starts ({start}).")
    names, kinds = names or {}, kinds or {}
    chosen = sorted((w for w in weeks if w.start <= end and w.last >= start), key=lambda w: w.start)
    posts: list[ServicePost] = []
    gates: dict[str, str] = {}
    # The newest week's gate order and names are the community's current ones.
    for week in reversed(chosen):
        for gate in week.scenario.gates:
            gates.setdefault(gate.id, gate.name)
    for week in chosen:
        scenario = week.scenario
        slots = {s.id: s for s in scenario.slots}
        gate_names = {g.id: g.name for g in scenario.gates}
        people = {v.id: v for v in scenario.volunteers}
        last = week.last
        for a in week.roster.assignments:
            if not (start <= a.date <= end and week.start <= a.date <= last):
                continue
            slot = slots.get(a.slot)
            if slot is None:
                raise ValueError(f"Week of {week.start}: slot {a.slot!r} of {a.volunteer} is not in the scenario.")
            person = people.get(a.volunteer)
            name = person.name if person is not None else names.get(a.volunteer, a.volunteer)
            kind = kinds.get(a.volunteer) or (person.kind if person is not None else None) or ""
            gate_name = gate_names.get(a.gate, gates.get(a.gate, a.gate))
            gates.setdefault(a.gate, gate_name)
            posts.append(ServicePost(week.start, a.date, a.volunteer, name, kind, a.gate, gate_name, a.slot,
                                     slot.minutes, slot.name, slot.label))
    posts.sort(key=lambda p: p.date)  # stable: a day keeps the roster's order
    return ServicePeriod(
        start=start, end=end, posts=tuple(posts), weeks=tuple(w.start for w in chosen),
        unpublished=tuple(sorted(unpublished)), gates=gates,
    )


def fetch_service_period(store: "RosterStore", community_id: int, start: dt.date, end: dt.date) -> ServicePeriod:
    """The community's published weeks that overlap `start`..`end`, read from the store.

    Weeks with a roster that are not published are reported in `unpublished`.
    """
    # Imported here: the report's computation must not need the database layer.
    from roster_app.persistence.store import PUBLISHED
    from roster_app.persistence.volunteer_edit import VolunteerEditStore

    first_start = start - dt.timedelta(days=WEEK_DAYS - 1)
    weeks: list[PublishedWeek] = []
    unpublished: list[dt.date] = []
    snapshot: Scenario | None = None
    for info in store.weeks(community_id):
        if not first_start <= info.start_date <= end:
            continue
        if info.status == PUBLISHED:
            roster = store.week_roster(community_id, info.start_date)
            if roster is None:
                continue
            # The database keeps one set of gates and slots per community, not one per
            # week, so every week's snapshot has the same ones: read it once (a year of
            # snapshots takes seconds) and move its start. People who left are named
            # from the register below.
            if snapshot is None:
                snapshot = store.week_scenario(community_id, info.start_date)
            weeks.append(PublishedWeek(replace(snapshot, start_date=info.start_date, days=WEEK_DAYS), roster))
        elif info.solver_status is not None or info.assignments:
            last = info.start_date + dt.timedelta(days=WEEK_DAYS - 1)
            if last >= start:
                unpublished.append(info.start_date)
    people = VolunteerEditStore(store).volunteers(community_id) if weeks else []
    return service_period(
        weeks, start, end,
        names={p.code: p.name for p in people}, kinds={p.code: p.kind for p in people},
        unpublished=unpublished,
    )


# --- grouping -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportRow:
    """One line of a report.

    Attributes:
        key: what the row groups on: a volunteer id, kind code, gate id or week's Monday
            (ISO date); "" for the totals row.
        label: the volunteer's name, the kind's label, the gate's name, the week's dates.
        kind: the volunteer's kind code on a volunteer row, the kind on a kind row, else "".
        people: different volunteers (a person at two gates counts once in the total).
        days: different dates served.
        person_times: posts stood (人次).
        minutes: service time in minutes.
        gates: gate names, in the gates' order (a volunteer row's "门岗").
        counted: the first and last date counted (a week row may be cut by the range).
    """

    key: str
    label: str
    kind: str = ""
    people: int = 0
    days: int = 0
    person_times: int = 0
    minutes: int = 0
    gates: tuple[str, ...] = ()
    counted: tuple[dt.date, dt.date] | None = None

    @property
    def hours(self) -> float:
        return hours_of(self.minutes)


@dataclass(frozen=True)
class WeekKindHours:
    """One bar of the chart: a week's minutes per kind code, in the legend's order."""

    week: dt.date
    minutes: Mapping[str, int]

    @property
    def total(self) -> int:
        return sum(self.minutes.values())


@dataclass(frozen=True)
class ServiceReport:
    """A period's posts grouped one way, with its totals and the chart's bars."""

    period: ServicePeriod
    grouping: str
    rows: tuple[ReportRow, ...]
    total: ReportRow
    weekly: tuple[WeekKindHours, ...]

    @property
    def start(self) -> dt.date:
        return self.period.start

    @property
    def end(self) -> dt.date:
        return self.period.end

    def summary(self) -> str:
        """The street office's sentence: "累计服务 N 小时，N 人次"."""
        return tr("累计服务 {hours} 小时，{times} 人次").format(
            hours=format_hours(self.total.minutes), times=self.total.person_times
        )

    def title(self) -> str:
        """"2026年11月1日至11月30日 志愿者服务时长统计（按类别）"."""
        return tr("{span} 志愿者服务时长统计（按{grouping}）").format(
            span=span_label(self.start, self.end), grouping=grouping_label(self.grouping)
        )


def _row(key: str, label: str, posts: Sequence[ServicePost], gate_order: Mapping[str, int], kind: str = "",
         counted: tuple[dt.date, dt.date] | None = None) -> ReportRow:
    gates = sorted({p.gate: p.gate_name for p in posts}.items(), key=lambda g: gate_order.get(g[0], len(gate_order)))
    return ReportRow(
        key=key, label=label, kind=kind,
        people=len({p.volunteer for p in posts}), days=len({p.date for p in posts}),
        person_times=len(posts), minutes=sum(p.minutes for p in posts),
        gates=tuple(name for _, name in gates), counted=counted,
    )


def _name_key(name: str) -> tuple:
    return (lazy_pinyin(name), name)


def build_report(period: ServicePeriod, grouping: str) -> ServiceReport:
    """The period's posts grouped per volunteer, kind, gate or week (see `GROUPINGS`).

    Orders: volunteers by most hours, then most 人次, then name (pinyin); kinds in the
    legend's order; gates in the community's order; weeks by date, every published week
    that overlaps the range listed even if none of its posts fall in it.
    """
    if grouping not in GROUPINGS:
        raise ValueError(f"Unknown grouping {grouping!r} (known: {', '.join(GROUPINGS)}).")
    posts = period.posts
    gate_order = {g: i for i, g in enumerate(period.gates)}
    groups: dict[str, list[ServicePost]] = defaultdict(list)
    if grouping == BY_WEEK:
        for week in period.weeks:
            groups[week.isoformat()] = []
    for p in posts:
        key = {BY_VOLUNTEER: p.volunteer, BY_KIND: p.kind, BY_GATE: p.gate, BY_WEEK: p.week.isoformat()}[grouping]
        groups[key].append(p)

    rows: list[ReportRow] = []
    for key, items in groups.items():
        if grouping == BY_VOLUNTEER:
            rows.append(_row(key, items[-1].name, items, gate_order, kind=items[-1].kind))
        elif grouping == BY_KIND:
            rows.append(_row(key, kind_style(key).label, items, gate_order, kind=key))
        elif grouping == BY_GATE:
            rows.append(_row(key, period.gates.get(key, key), items, gate_order))
        else:
            monday = dt.date.fromisoformat(key)
            last = monday + dt.timedelta(days=WEEK_DAYS - 1)
            counted = (max(monday, period.start), min(last, period.end))
            label = span_label(monday, last, with_year=monday.year != period.end.year or last.year != monday.year)
            rows.append(_row(key, label, items, gate_order, counted=counted))

    if grouping == BY_VOLUNTEER:
        rows.sort(key=lambda r: (-r.minutes, -r.person_times, _name_key(r.label), r.key))
    elif grouping == BY_KIND:
        rows.sort(key=lambda r: (kind_order(r.key), r.key))
    elif grouping == BY_GATE:
        rows.sort(key=lambda r: (gate_order.get(r.key, len(gate_order)), r.key))
    else:
        rows.sort(key=lambda r: r.key)

    total = _row("", tr("合计"), posts, gate_order, counted=(period.start, period.end))
    return ServiceReport(period, grouping, tuple(rows), total, weekly_kind_hours(period))


def weekly_kind_hours(period: ServicePeriod) -> tuple[WeekKindHours, ...]:
    """Minutes per kind for each published week of the period (the chart's stacked bars)."""
    by_week: dict[dt.date, dict[str, int]] = {week: defaultdict(int) for week in period.weeks}
    for p in period.posts:
        by_week.setdefault(p.week, defaultdict(int))[p.kind] += p.minutes
    return tuple(
        WeekKindHours(week, dict(sorted(minutes.items(), key=lambda km: kind_order(km[0]))))
        for week, minutes in sorted(by_week.items())
    )


# --- the table every output shows -------------------------------------------------------


@dataclass(frozen=True)
class ReportTable:
    """A report as rows of cells: text or numbers, the totals row last.

    `numeric[i]` says whether column i holds numbers (right-aligned, summed in Excel).
    """

    headers: tuple[str, ...]
    numeric: tuple[bool, ...]
    rows: tuple[tuple[str | int | float, ...], ...]
    total: tuple[str | int | float, ...]


_H_NAME = QT_TRANSLATE_NOOP("Reports", "姓名")
_H_KIND = QT_TRANSLATE_NOOP("Reports", "类别")
_H_GATES = QT_TRANSLATE_NOOP("Reports", "门岗")
_H_WEEK = QT_TRANSLATE_NOOP("Reports", "周")
_H_COUNTED = QT_TRANSLATE_NOOP("Reports", "计入日期")
_H_PEOPLE = QT_TRANSLATE_NOOP("Reports", "人数")
_H_DAYS = QT_TRANSLATE_NOOP("Reports", "服务天数")
_H_TIMES = QT_TRANSLATE_NOOP("Reports", "人次")
_H_HOURS = QT_TRANSLATE_NOOP("Reports", "服务时长（小时）")


def _counted_text(row: ReportRow) -> str:
    if row.counted is None:
        return ""
    first, last = row.counted
    return span_label(first, last, with_year=False)


def report_table(report: ServiceReport) -> ReportTable:
    """The report's columns for its grouping:

    - 志愿者: 姓名, 类别, 门岗, 服务天数, 人次, 服务时长（小时）
    - 类别 / 门岗: 类别 or 门岗, 人数, 人次, 服务时长（小时）
    - 周: 周, 计入日期, 人数, 人次, 服务时长（小时）
    The totals row is labelled 合计; its 人数 counts each person once.
    """
    g = report.grouping
    t = report.total
    if g == BY_VOLUNTEER:
        headers = (_H_NAME, _H_KIND, _H_GATES, _H_DAYS, _H_TIMES, _H_HOURS)
        rows = [(r.label, kind_style(r.kind).label, "、".join(r.gates), r.days, r.person_times, r.hours)
                for r in report.rows]
        total = (tr("合计（{n} 人）").format(n=t.people), "", "", "", t.person_times, t.hours)
    elif g in (BY_KIND, BY_GATE):
        headers = (_H_KIND if g == BY_KIND else _H_GATES, _H_PEOPLE, _H_TIMES, _H_HOURS)
        rows = [(r.label, r.people, r.person_times, r.hours) for r in report.rows]
        total = (t.label, t.people, t.person_times, t.hours)
    else:
        headers = (_H_WEEK, _H_COUNTED, _H_PEOPLE, _H_TIMES, _H_HOURS)
        rows = [(r.label, _counted_text(r), r.people, r.person_times, r.hours) for r in report.rows]
        total = (t.label, _counted_text(t), t.people, t.person_times, t.hours)
    numeric = tuple(h in (_H_PEOPLE, _H_DAYS, _H_TIMES, _H_HOURS) for h in headers)
    return ReportTable(tuple(tr(h) for h in headers), numeric, tuple(rows), total)
