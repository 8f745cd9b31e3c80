"""The demo community: 玉带路社区 (Tongzhou, Beijing), its 4 gates and 38 volunteers.

A first-time user sees a real week before typing anything: the seed texts tell of more
than 30 volunteers at the compound's 4 gates doing temperature checks, disinfection and
registration. Names, buildings and phone numbers are invented. The mix of people follows
DOMAIN.md: employed party members (在职党员) serve before and after work on workdays and
any slot at weekends, retired party members (无职党员) and community workers carry the
working hours, cadres sent down to the community (下沉干部), residents, students, two
minors (新时代好少年, weekends in daylight only), a social worker and a few skills.

It is a version-2 community (docs/scenario-format.md): every volunteer has a kind, the
employed party members and cadres are registered (双报到) and expected to stand at least
two posts a week, minors stay home after 20:00 and serve at most 6 hours, nobody serves
more than 6 days running or comes back less than 10 hours after an evening post, fairness
looks back 4 weeks, and the soft terms weigh their defaults. A few elderly people stand
only at the gate by their building, and a few prefer certain slots.

The week is meant to be nearly coverable: demand is set so that, with everyone's hour
cap, a good roster leaves at most a few posts short (see tests/persistence/test_demo.py
for the figures), because a demo that is a sea of red teaches nothing.

Pure Python on purpose: no Qt, no SQLAlchemy, so the solver's tests and the CLI can use it.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from roster_app.kinds import VolunteerDetails
from solver.scenario import (
    DEFAULT_WEIGHTS,
    WEEKDAY_KEYS,
    DemandRule,
    Gate,
    Needs,
    Rules,
    Scenario,
    Slot,
    Volunteer,
    WorkingHours,
)

DEMO_NAME = "玉带路社区"
DEMO_CONTACT = "玉带路社区居委会 电话 010-8952 3716（工作日 8:00–18:00）"

_H = 60  # minutes per hour, for readable slot times

SLOTS: tuple[Slot, ...] = (
    Slot("early", "早班", 6 * _H, 8 * _H),
    Slot("am", "上午", 8 * _H, 12 * _H),
    Slot("pm", "下午", 12 * _H, 18 * _H),
    Slot("eve", "晚班", 18 * _H, 22 * _H),
)
_SLOT_ORDER = {s.id: i for i, s in enumerate(SLOTS)}

GATES: tuple[Gate, ...] = (
    # The main gate: two people at every post so one can take temperatures while the other
    # registers, and at least one party member (党员先锋岗). On workdays in daytime most
    # residents are out at work, so one person may hold it then.
    Gate(
        "east", "东门",
        (
            DemandRule("early", 2, 3, "all"),
            DemandRule("am", 2, 3, "rest_days"),
            DemandRule("am", 1, 3, "workdays"),
            DemandRule("pm", 2, 3, "rest_days"),
            DemandRule("pm", 1, 3, "workdays"),
            DemandRule("eve", 2, 3, "all"),
        ),
        Needs(party_member=1),
    ),
    # The south gate faces the bus stop: commute peaks need a second person on workdays.
    # Later rules replace earlier ones for the same slot and date.
    Gate(
        "south", "南门",
        (
            DemandRule("early", 1, 2, "all"),
            DemandRule("am", 1, 2, "all"),
            DemandRule("pm", 1, 2, "all"),
            DemandRule("eve", 1, 2, "all"),
            DemandRule("early", 2, 2, "workdays"),
            DemandRule("eve", 2, 2, "workdays"),
        ),
    ),
    # The west gate opens at 08:00 (the market side); closed in the early slot.
    Gate(
        "west", "西门",
        (
            DemandRule("am", 1, 2, "all"),
            DemandRule("pm", 1, 2, "all"),
            DemandRule("eve", 1, 2, "all"),
        ),
    ),
    # A small pedestrian gate, opened only for the commute on workdays.
    Gate(
        "north", "北门",
        (
            DemandRule("early", 1, 2, "workdays"),
            DemandRule("eve", 1, 2, "workdays"),
        ),
    ),
)

# Buildings near each gate (people like to stand at the gate they pass every day) and the
# grid (网格) each building belongs to.
GATE_OF_BUILDING = {b: g for g, bs in {
    "east": (1, 2, 3, 4), "south": (5, 6, 7, 8), "west": (9, 10, 11, 12), "north": (13, 14, 15, 16),
}.items() for b in bs}
_GRID_OF_BUILDING = {b: ("第一网格" if b <= 5 else "第二网格" if b <= 10 else "第三网格") for b in range(1, 17)}


def _avail(spec: str) -> dict[str, tuple[str, ...]]:
    """Parses "mon-fri: early eve; sat,sun: am pm" into `Volunteer.available`.

    Weekdays may be ranges ("mon-fri") or lists ("mon,wed"); slot ids are space separated.
    The result is in weekday order with slots in the day's order, which is how the store
    gives them back too.
    """
    out: dict[str, set[str]] = {}
    for part in filter(None, (p.strip() for p in spec.split(";"))):
        days_text, slots_text = part.split(":")
        days: list[str] = []
        for item in days_text.split(","):
            first, _, last = item.strip().partition("-")
            i, j = WEEKDAY_KEYS.index(first), WEEKDAY_KEYS.index(last or first)
            days.extend(WEEKDAY_KEYS[i : j + 1])
        for day in days:
            out.setdefault(day, set()).update(slots_text.split())
    return {
        day: tuple(sorted(out[day], key=_SLOT_ORDER.__getitem__)) for day in WEEKDAY_KEYS if day in out
    }


class _Person(NamedTuple):
    code: str
    name: str
    kind: str
    building: int
    phone: str
    available: str
    max_hours: float | None = None
    employed: bool | None = None  # None: as usual for the kind
    party_member: bool | None = None  # None: as usual for the kind
    skills: tuple[str, ...] = ()
    prefers_near_gate: bool = False
    away: tuple[int, ...] = ()  # days after week_start the person is away (unavailable)
    only_near_gate: bool = False  # allowed at the gate by their building only (elderly)
    slots: tuple[str, ...] = ()  # preferred slots


# Kinds registered with the community (双报到): employed party members and the cadres sent
# down, who earn their points by standing at the gates.
REGISTERED_KINDS = ("employed_party", "cadre")

# (party_member, employed) usual for each kind.
_KIND_FACTS = {
    "employed_party": (True, True),
    "nonemployed_party": (True, False),
    "cadre": (True, True),
    "community_worker": (False, False),
    "resident": (False, False),
    "youth": (False, False),
    "minor": (False, False),
    "social_worker": (False, False),
}

# Employed people list only early/eve on Monday–Friday (the party-member rule); retired
# people and community workers carry the daytime. Caps (max_hours) vary around the
# community's default of 12 hours: cadres sent down and the keenest retirees give 16.
_PEOPLE: tuple[_Person, ...] = (
    # 无职党员 — retired party members, the backbone of the daytime posts
    _Person("v01", "张桂兰", "nonemployed_party", 3, "13601187425", "mon-fri: am pm; sat: am", 10,
            prefers_near_gate=True, only_near_gate=True),
    _Person("v02", "李秀英", "nonemployed_party", 1, "13910256738", "mon-fri: early am; sun: am", 16, prefers_near_gate=True),
    _Person("v03", "王淑珍", "nonemployed_party", 6, "15810743219", "mon-sat: am pm", 16),
    _Person("v04", "刘凤兰", "nonemployed_party", 9, "13701092846", "mon,wed,fri: am pm; tue,thu: am", None,
            prefers_near_gate=True, only_near_gate=True),
    _Person("v05", "陈德福", "nonemployed_party", 14, "18610327754", "mon-fri: early am pm", 16, away=(2,)),
    _Person("v06", "杨玉珍", "nonemployed_party", 7, "13521864093", "tue-sun: pm", None, prefers_near_gate=True,
            only_near_gate=True),
    _Person("v07", "赵振华", "nonemployed_party", 11, "15901276480", "mon-fri: am pm eve", 16, slots=("am", "pm")),
    _Person("v08", "黄秀云", "nonemployed_party", 2, "13801345672", "mon-fri: am; sat,sun: am pm", None,
            skills=("medical",), prefers_near_gate=True),
    _Person("v09", "徐长林", "nonemployed_party", 15, "18911023586", "mon-fri: early pm", 16),
    _Person("v10", "朱兰芳", "nonemployed_party", 5, "13661290347", "mon-thu: am pm; sun: pm", 16, prefers_near_gate=True),
    # 在职党员 — employed party members registered with their home community (双报到)
    _Person("v11", "王建军", "employed_party", 2, "13810957264", "mon-fri: early eve; sat: am pm", None, prefers_near_gate=True),
    _Person("v12", "李海燕", "employed_party", 8, "15210683395", "mon,wed,fri: eve; sat,sun: am eve", 10),
    _Person("v13", "张伟东", "employed_party", 12, "18501128876", "mon-fri: early; sun: early am pm", None,
            slots=("early",)),
    _Person("v14", "刘晓峰", "employed_party", 4, "13522097148", "tue,thu: early eve; sat: early am pm eve", None,
            prefers_near_gate=True),
    _Person("v15", "陈丽娟", "employed_party", 10, "13911470382", "mon-thu: eve; sun: am pm", 8),
    _Person("v16", "杨志刚", "employed_party", 13, "18600945517", "mon-fri: early eve; sat,sun: eve", 16,
            prefers_near_gate=True),
    _Person("v17", "赵磊", "employed_party", 6, "15001236649", "mon-fri: eve; sat: pm eve", None),
    _Person("v18", "孙红梅", "employed_party", 1, "13693017285", "mon-wed: early; sat,sun: early am", None,
            prefers_near_gate=True, away=(5,)),
    _Person("v19", "周鹏", "employed_party", 16, "18811504932", "mon-fri: early eve; sun: pm eve", None),
    _Person("v20", "吴静", "employed_party", 9, "13581926074", "wed-fri: eve; sat,sun: am pm", None),
    _Person("v21", "郑国庆", "employed_party", 5, "15311087463", "mon-fri: early; sat,sun: early eve", None,
            prefers_near_gate=True),
    # 下沉干部 — cadres sent down from district offices, in the community outside office hours
    _Person("v22", "马卫国", "cadre", 3, "13901358820", "mon-fri: early eve; sat: am pm", 16),
    _Person("v23", "胡晓明", "cadre", 11, "18510279631", "mon-fri: early eve; sun: am pm", 16),
    _Person("v24", "高雅琴", "cadre", 7, "13718460259", "mon-fri: eve; sat,sun: am pm eve", 16, slots=("eve",)),
    # 社区工作者 — on duty in the community office in working hours
    _Person("v25", "何晓燕", "community_worker", 4, "15600187346", "mon-fri: am pm", 16, party_member=True),
    _Person("v26", "郭静怡", "community_worker", 10, "13520948713", "mon-fri: am pm", 16, party_member=True),
    _Person("v27", "林志强", "community_worker", 8, "18701362594", "mon-fri: am pm; sat: am", 16),
    # 社工 — from the social-work service centre; also offers psychological support
    _Person("v28", "谢思远", "social_worker", 12, "13811273065", "mon-fri: am pm; sat: pm", None,
            skills=("psychology",)),
    # 群众 — resident volunteers who answered the WeChat call
    _Person("v29", "宋春生", "resident", 14, "13601052798", "mon-sun: early am", None, prefers_near_gate=True),
    _Person("v30", "韩美玲", "resident", 6, "15801339246", "mon-fri: am pm", 10),
    _Person("v31", "唐国华", "resident", 9, "18612078453", "mon-fri: eve; sat,sun: am pm eve", None, employed=True,
            slots=("eve",)),
    _Person("v32", "冯建平", "resident", 15, "13910864127", "tue,thu: early eve; sun: early am", None, employed=True,
            prefers_near_gate=True),
    _Person("v33", "董丽华", "resident", 2, "15010426938", "mon,wed,fri: pm; sat: am pm", None),
    # 青年志愿者 — university students at home, free in the evenings and at weekends
    _Person("v34", "曹雨萱", "youth", 10, "18801157620", "mon-fri: eve; sat,sun: am pm", None, skills=("translation",)),
    _Person("v35", "许博文", "youth", 13, "13552609481", "mon-fri: eve; sat: early am pm eve", None, prefers_near_gate=True),
    _Person("v36", "邓嘉怡", "youth", 5, "15711930264", "tue-fri: eve; sun: am pm eve", 10),
    # 新时代好少年 — minors: weekends in daylight only, never alone (the solver's rule), low caps
    _Person("v37", "彭子涵", "minor", 3, "13699124058", "sat,sun: am pm", 6),
    _Person("v38", "蒋一诺", "minor", 7, "18911760435", "sat,sun: am pm", 6),
)


def _volunteer(p: _Person, week_start: dt.date) -> Volunteer:
    party, employed = _KIND_FACTS[p.kind]
    return Volunteer(
        id=p.code,
        name=p.name,
        party_member=party if p.party_member is None else p.party_member,
        employed=employed if p.employed is None else p.employed,
        available=_avail(p.available),
        minor=p.kind == "minor",
        skills=p.skills,
        building=f"{p.building}号楼",
        max_hours_per_week=p.max_hours,
        unavailable_dates=frozenset(week_start + dt.timedelta(days=d) for d in p.away),
        preferred_gates=(GATE_OF_BUILDING[p.building],) if p.prefers_near_gate else (),
        kind=p.kind,
        registered=p.kind in REGISTERED_KINDS,
        allowed_gates=(GATE_OF_BUILDING[p.building],) if p.only_near_gate else None,
        preferred_slots=p.slots,
    )


def demo_scenario(week_start: dt.date) -> Scenario:
    """玉带路社区 for the 7 days from `week_start` (meant to be a Monday).

    Workdays come from the official calendar (no overrides), so a holiday week shows more
    rest-day demand, as it would in the real community.
    """
    return Scenario(
        name=DEMO_NAME,
        start_date=week_start,
        days=7,
        working_hours=WorkingHours(8 * _H, 18 * _H),
        slots=SLOTS,
        gates=GATES,
        volunteers=tuple(_volunteer(p, week_start) for p in _PEOPLE),
        rules=Rules(
            max_slots_per_day=2,
            default_max_hours_per_week=12,
            min_posts_registered=2,
            minor_latest_end=20 * _H,
            minor_max_hours_per_week=6,
            max_consecutive_days=6,
            min_rest_hours=10,
            history_weeks=4,
        ),
        weights=dict(DEFAULT_WEIGHTS),
    )


def demo_volunteer_kinds() -> dict[str, str]:
    """Volunteer id → kind code (see `roster_app.kinds.KIND_LABELS`)."""
    return {p.code: p.kind for p in _PEOPLE}


def demo_volunteer_details() -> dict[str, VolunteerDetails]:
    """Volunteer id → kind, phone, building and grid, as the office keeps them."""
    return {
        p.code: VolunteerDetails(
            kind=p.kind, phone=p.phone, building=f"{p.building}号楼", grid=_GRID_OF_BUILDING[p.building]
        )
        for p in _PEOPLE
    }
