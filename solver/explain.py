"""Sentences a clerk can read: why a post is short, why a pin or a person's rules cannot hold.

Reasons are computed from the data and the final assignments, not from the model's
internals: for a short post, every volunteer is put in exactly one bucket (not available
then, excluded by the party-member rule, busy at another post at that time, at the day's
post limit, at the weekly hour cap, ...), and the sentence reports the buckets that bind.

The solver knows no Qt, so it cannot use Qt's translation; it speaks Chinese (the
product's default) or English, chosen by `SolveOptions.language`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING, Iterable, Sequence

from solver.instance import Ineligible
from solver.scenario import Assignment, Gate, Needs, Post, Volunteer

if TYPE_CHECKING:
    from solver.instance import Instance

WEEKDAYS_ZH = "一二三四五六日"
WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# Chinese names of the skills the product knows; other skill ids are shown as they are.
SKILLS_ZH = {"translation": "外语翻译", "medical": "医疗", "psychology": "心理疏导", "temperature": "体温检测"}

# Buckets of a volunteer with respect to one post, in the order they are tested. REST
# includes a forbidden sequence of slots (version 3); STREAK the person's own limit on
# consecutive days; OWN_RULES the rest of version 3's per-person rules (posts per slot,
# minutes over the horizon, weekends, runs of days on and off).
HERE, UNAVAILABLE, EMPLOYED_RULE, BUSY, DAY_FULL, AT_CAP, REST, STREAK, OWN_RULES, MINOR_ONLY, FREE = (
    "here", "unavailable", "employed_rule", "busy", "day_full", "at_cap", "rest", "streak", "own_rules",
    "minor_only", "free",
)
CANDIDATES = (BUSY, DAY_FULL, AT_CAP, REST, STREAK, OWN_RULES, MINOR_ONLY, FREE)
EMPLOYED_PARTY = "employed_party"
"""Second key of `classify`'s counts: how many of a bucket are employed party members."""


def classify(inst: "Instance", post: Post, assignments: Iterable[Assignment],
             duties: "dict[str, Duties] | None" = None) -> Counter:
    """How many volunteers fall in each bucket for `post`, given the other assignments;
    `counts[bucket, EMPLOYED_PARTY]` counts the employed party members among them, since
    a clerk reads "3 of them are employed party members at their cap" differently.

    `duties` (from `duties_of`, for the same assignments) saves indexing everyone's posts
    again when many posts are classified against one roster."""
    if duties is None:
        duties = duties_of(inst, assignments)
    slot = inst.slots[post.slot]
    limit = inst.scenario.rules.max_slots_per_day
    counts: Counter = Counter()
    nobody = Duties(inst, ())
    for v in inst.scenario.volunteers:
        bucket = _bucket(inst, v, post, duties.get(v.id, nobody), slot.minutes, limit)
        counts[bucket] += 1
        if v.employed and v.party_member:
            counts[bucket, EMPLOYED_PARTY] += 1
    return counts


def duties_of(inst: "Instance", assignments: Iterable[Assignment]) -> "dict[str, Duties]":
    """Each volunteer's posts, indexed (see `classify`)."""
    by_volunteer: dict[str, list[Assignment]] = {}
    for a in assignments:
        by_volunteer.setdefault(a.volunteer, []).append(a)
    return {vid: Duties(inst, mine) for vid, mine in by_volunteer.items()}


class Duties:
    """One person's posts, indexed by what the buckets ask: a post's bucket then costs the
    same whether the person stands 5 posts or a benchmark's 250 (a year's short posts are
    classified against 150 people)."""

    __slots__ = ("posts", "on_date", "minutes", "per_slot", "weekends")

    def __init__(self, inst: "Instance", mine: Iterable[Assignment]):
        self.posts: set[Post] = set()
        self.on_date: dict[dt.date, list[Assignment]] = {}
        self.minutes = 0
        self.per_slot: Counter = Counter()
        self.weekends: set[dt.date] = set()
        for a in mine:
            self.posts.add(a.post)
            self.on_date.setdefault(a.date, []).append(a)
            self.minutes += inst.slots[a.slot].minutes
            self.per_slot[a.slot] += 1
            saturday = inst.weekend(a.date)
            if saturday is not None:
                self.weekends.add(saturday)

    def near(self, day: dt.date, days: int) -> Iterable[Assignment]:
        """The posts on other dates at most `days` away."""
        for k in range(1, days + 1):
            for other in (day - dt.timedelta(days=k), day + dt.timedelta(days=k)):
                yield from self.on_date.get(other, ())

    def run(self, day: dt.date, step: int) -> dt.date:
        """The last date of the run on duty from `day` (taken as on duty) going `step` days at a time."""
        one = dt.timedelta(days=step)
        while day + one in self.on_date:
            day += one
        return day


def _bucket(inst: "Instance", v: Volunteer, post: Post, mine: "list[Assignment] | Duties", minutes: int,
            limit: int | None) -> str:
    duties = mine if isinstance(mine, Duties) else Duties(inst, mine)
    why = inst.why_ineligible(v, post)
    if post in duties.posts:
        return HERE
    if why == Ineligible.EMPLOYED_RULE:
        return EMPLOYED_RULE
    if why is not None:
        return UNAVAILABLE
    today = duties.on_date.get(post.date, ())
    if any(inst.slots_overlap(a.slot, post.slot) for a in today):
        return BUSY
    if limit is not None and len(today) >= limit:
        return DAY_FULL
    cap = inst.cap_minutes(v)
    if cap is not None and duties.minutes + minutes > cap:
        return AT_CAP
    rest = inst.scenario.rules.min_rest_hours
    if rest:
        # Posts k days apart are at least (k − 1) days apart in time: only the nearer can clash.
        start, end = inst.post_span(post)
        for a in duties.near(post.date, int(rest * 60 // (24 * 60)) + 1):
            other_start, other_end = inst.post_span(a.post)
            if max(start - other_end, other_start - end) < rest * 60:
                return REST
    forbidden = inst.forbidden_sequences
    if forbidden:
        one = dt.timedelta(days=1)
        if any((a.slot, post.slot) in forbidden for a in duties.on_date.get(post.date - one, ())) or any(
                (post.slot, a.slot) in forbidden for a in duties.on_date.get(post.date + one, ())):
            return REST
    streak = inst.max_consecutive_days(v)
    if streak is not None:
        if (duties.run(post.date, 1) - duties.run(post.date, -1)).days + 1 > streak:
            return STREAK
    if _breaks_own_rules(inst, v, post, duties, minutes):
        return OWN_RULES
    return MINOR_ONLY if v.minor else FREE


def _breaks_own_rules(inst: "Instance", v: Volunteer, post: Post, duties: Duties, minutes: int) -> bool:
    """Whether this post, added to the person's others, breaks a version-3 rule of theirs."""
    limit = v.max_posts_by_slot.get(post.slot)
    if limit is not None and duties.per_slot[post.slot] >= limit:
        return True
    if v.max_minutes is not None and duties.minutes + minutes > v.max_minutes:
        return True
    saturday = inst.weekend(post.date)
    if v.max_weekends is not None and saturday is not None:
        if saturday not in duties.weekends and len(duties.weekends) >= v.max_weekends:
            return True
    if v.min_consecutive_days or v.min_consecutive_days_off:
        # The runs inside the horizon this post would end up in: its own run on duty, and
        # the runs off duty on either side of it.
        first, last = inst.dates[0], inst.dates[-1]
        start, end = duties.run(post.date, -1), duties.run(post.date, 1)
        if v.min_consecutive_days and first < start and end < last and (end - start).days + 1 < v.min_consecutive_days:
            return True
        least_off = v.min_consecutive_days_off
        if least_off:
            # A run off duty shorter than the minimum, beside this run, ends within that many days.
            for edge, step in ((start, -1), (end, 1)):
                for gap in range(1, least_off):
                    if edge + dt.timedelta(days=step * (gap + 1)) in duties.on_date:
                        return True
    return False


class Texts:
    """The solver's sentences in one language ("zh" or "en")."""

    def __init__(self, language: str = "zh"):
        if language not in ("zh", "en"):
            raise ValueError(f"unknown language {language!r} (expected 'zh' or 'en')")
        self.zh = language == "zh"

    # --- naming things -----------------------------------------------------------------

    def date(self, day) -> str:
        if self.zh:
            return f"{day.month}月{day.day}日(周{WEEKDAYS_ZH[day.weekday()]})"
        return f"{WEEKDAYS_EN[day.weekday()]} {day.isoformat()}"

    def post(self, inst: "Instance", post: Post) -> str:
        slot = inst.slots[post.slot]
        gate = inst.gates[post.gate].name
        return f"{gate} {self.date(post.date)} {slot.name} {slot.label}"

    def who(self, inst: "Instance", vid: str) -> str:
        return inst.volunteers[vid].name

    def pins(self, inst: "Instance", pins: Sequence[Assignment]) -> str:
        sep = "；" if self.zh else "; "
        return sep.join(f"{self.who(inst, p.volunteer)} @ {self.post(inst, p.post)}" for p in pins)

    # --- shortages ---------------------------------------------------------------------

    def shortage(self, inst: "Instance", post: Post, missing: int, unmet: Needs, counts: Counter,
                 repair: bool = False) -> str:
        demand = inst.demand[post]
        parts = []
        if missing:
            parts.append(self._missing(inst, post, demand.min, counts, repair))
        if not unmet.is_empty():
            parts.append(self._unmet(unmet))
        return (" " if not self.zh else "").join(parts)

    def _missing(self, inst: "Instance", post: Post, need: int, counts: Counter, repair: bool) -> str:
        here = counts[HERE]
        candidates = sum(counts[k] for k in CANDIDATES)
        zh = self.zh
        head = (f"需要 {need} 人，已排 {here} 人。" if zh else f"needs {need}, has {here}.")
        if candidates == 0:
            if counts[EMPLOYED_RULE]:
                tail = (
                    f"此时段无人可值班：另有 {counts[EMPLOYED_RULE]} 名在职人员按规定工作日工作时间不排班。"
                    if zh else
                    f" Nobody else is available then; {counts[EMPLOYED_RULE]} employed people are excluded "
                    f"by the rule (no working-hours posts on workdays)."
                )
            else:
                tail = "此时段没有其他人可以值班。" if zh else " Nobody else is available at that time."
            return head + tail
        reasons = []
        if repair:
            free_zh, free_en = "{n} 人未调动（修补只调整空出的岗位）", "{n} left where they were (a repair only refills vacated posts)"
        else:
            free_zh, free_en = "{n} 人未排入（求解时间不足）", "{n} not placed (the search ran out of time)"
        for key, zh_text, en_text in (
            (BUSY, "{n} 人同一时间已在其他岗位", "{n} already at another post then"),
            (DAY_FULL, "{n} 人当天已排满 {k} 个班次", "{n} already at {k} posts that day"),
            (AT_CAP, "{n} 人本周已达时长上限", "{n} at their weekly hour cap"),
            (REST, "{n} 人与前后一天的岗位间隔不足休息时间", "{n} would not get their rest between days"),
            (STREAK, "{n} 人会连续值班超过规定天数", "{n} would exceed the consecutive days on duty"),
            (OWN_RULES, "{n} 人受个人排班规则限制（班次次数、总时长、周末或连续天数）",
             "{n} kept away by their own rules (posts per slot, total minutes, weekends or runs of days)"),
            (MINOR_ONLY, "{n} 人是未成年人，不能单独值守", "{n} minors who may not stand without an adult"),
            (FREE, free_zh, free_en),
        ):
            if counts[key]:
                text = (zh_text if zh else en_text).format(n=counts[key], k=inst.scenario.rules.max_slots_per_day)
                if counts[key, EMPLOYED_PARTY] and key != MINOR_ONLY:
                    party = counts[key, EMPLOYED_PARTY]
                    text += f"（其中在职党员 {party} 人）" if zh else f" ({party} of them employed party members)"
                reasons.append(text)
        if zh:
            tail = f"此时段可值班的其他 {candidates} 人中：" + "，".join(reasons) + "。"
            if counts[EMPLOYED_RULE]:
                tail += f"另有 {counts[EMPLOYED_RULE]} 名在职人员按规定不排工作时间。"
        else:
            tail = f" Of {candidates} other people available then: " + ", ".join(reasons) + "."
            if counts[EMPLOYED_RULE]:
                tail += f" {counts[EMPLOYED_RULE]} employed people are excluded by the working-hours rule."
        return head + tail

    def _needs_list(self, needs: Needs) -> str:
        items = []
        if needs.party_member:
            items.append(f"党员 {needs.party_member} 名" if self.zh else f"{needs.party_member} party member(s)")
        for skill, n in sorted(needs.skills.items()):
            if n:
                items.append(f"{SKILLS_ZH.get(skill, skill)} {n} 名" if self.zh else f"{n} with skill {skill!r}")
        return ("、" if self.zh else ", ").join(items)

    def _unmet(self, unmet: Needs) -> str:
        if self.zh:
            return f"缺少{self._needs_list(unmet)}：能来的人都已排在别处或不具备条件。"
        return f"Lacks {self._needs_list(unmet)}: everyone who has it is busy, at a limit or not available then."

    # --- conflicts ---------------------------------------------------------------------

    def pin_closed_post(self, inst: "Instance", pin: Assignment) -> str:
        if self.zh:
            return f"锁定的安排无法保留：{self.pins(inst, [pin])}，该岗位这天不开放。"
        return f"Pinned {self.pins(inst, [pin])}: that post is closed on that date."

    def pin_ineligible(self, inst: "Instance", pin: Assignment, why: str) -> str:
        zh_why = {
            Ineligible.UNAVAILABLE_WEEKDAY: "此人这个时段不可值班",
            Ineligible.UNAVAILABLE_DATE: "此人这天请假/不可值班",
            Ineligible.EMPLOYED_RULE: "在职人员工作日工作时间不排班",
            Ineligible.GATE_NOT_ALLOWED: "此人不在这个门岗值班",
            Ineligible.MINOR_TOO_LATE: "未成年人不排晚间岗位",
        }
        en_why = {
            Ineligible.UNAVAILABLE_WEEKDAY: "the person is not available in that slot on that weekday",
            Ineligible.UNAVAILABLE_DATE: "the person is unavailable on that date",
            Ineligible.EMPLOYED_RULE: "employed volunteers serve only outside working hours on workdays",
            Ineligible.GATE_NOT_ALLOWED: "the person does not serve at that gate",
            Ineligible.MINOR_TOO_LATE: "minors are not rostered that late",
        }
        if self.zh:
            return f"锁定的安排无法保留：{self.pins(inst, [pin])}，{zh_why[why]}。"
        return f"Pinned {self.pins(inst, [pin])}: {en_why[why]}."

    def shortfall(self, eligible: int, required: int) -> str:
        """Why a registered volunteer stands fewer posts than required."""
        if self.zh:
            if eligible == 0:
                return "本周没有可值班的开放岗位。"
            if eligible < required:
                return f"本周只有 {eligible} 个可值班的开放岗位。"
            return f"可值班的 {eligible} 个岗位已由他人值守，或受每天、每周上限或休息时间限制。"
        if eligible == 0:
            return "No open post falls in their availability this week."
        if eligible < required:
            return f"Only {eligible} open post(s) fall in their availability this week."
        return (f"Their {eligible} possible posts are taken by others or barred by the daily, weekly "
                f"or rest limits.")

    def repair_failed(self) -> str:
        if self.zh:
            return "无法只修补空出的岗位（保留的安排与规则冲突），已重新排班，并尽量少改动原来的安排。"
        return ("The previous roster could not be repaired locally (what it would keep breaks a rule); "
                "the week was solved afresh, changing as little of it as possible.")

    def pin_overlap(self, inst: "Instance", pins: Sequence[Assignment]) -> str:
        if self.zh:
            return f"锁定的安排时间重叠，同一人不能同时在两个岗位：{self.pins(inst, pins)}。"
        return f"Pinned posts overlap in time for one person: {self.pins(inst, pins)}."

    def pin_max_slots(self, inst: "Instance", pins: Sequence[Assignment], limit: int) -> str:
        if self.zh:
            return f"锁定的安排超过每天最多 {limit} 个班次：{self.pins(inst, pins)}。"
        return f"Pinned posts exceed {limit} posts a day: {self.pins(inst, pins)}."

    def pin_max_hours(self, inst: "Instance", pins: Sequence[Assignment], cap: int) -> str:
        hours = f"{cap / 60:g}"
        if self.zh:
            return f"锁定的安排超过此人 {hours} 小时的时长上限：{self.pins(inst, pins)}。"
        return f"Pinned posts exceed the person's cap of {hours} hours: {self.pins(inst, pins)}."

    def pin_max_posts_by_slot(self, inst: "Instance", pins: Sequence[Assignment], limit: int) -> str:
        slot = inst.slots[pins[0].slot].name
        if self.zh:
            return f"锁定的安排超过此人{slot}最多 {limit} 次的上限：{self.pins(inst, pins)}。"
        return f"Pinned posts exceed the person's limit of {limit} in {slot}: {self.pins(inst, pins)}."

    def pin_over_max(self, inst: "Instance", pins: Sequence[Assignment]) -> str:
        post = pins[0].post
        limit = inst.demand[post].max
        if self.zh:
            return f"锁定人数超过岗位上限 {limit} 人：{self.post(inst, post)}。"
        return f"More people pinned than the post's max of {limit}: {self.post(inst, post)}."

    def pins_together(self, inst: "Instance", pins: Sequence[Assignment]) -> str:
        if self.zh:
            return f"这几条锁定的安排不能同时成立（例如未成年人没有成年人陪同）：{self.pins(inst, pins)}。"
        return (f"These pins cannot all hold together (for example a minor with no adult beside them): "
                f"{self.pins(inst, pins)}.")

    def rules_together(self, inst: "Instance", rules: Sequence[tuple[str, str]], pins: Sequence[Assignment],
                       minimums_left_out: bool) -> str:
        """People's rules (version 3) and pins that cannot all hold; what the answer leaves out."""
        by_person: dict[str, list[str]] = {}
        for vid, rule in rules:
            by_person.setdefault(vid, []).append(self.rule(inst, vid, rule))
        sep, comma = ("；", "、") if self.zh else ("; ", ", ")
        people = sep.join(
            f"{self.who(inst, vid)}（{comma.join(items)}）" if self.zh else f"{self.who(inst, vid)} ({comma.join(items)})"
            for vid, items in by_person.items()
        )
        if self.zh:
            text = f"这些个人排班规则连同其可值班时间和其他限制不能同时满足：{people}"
            if pins:
                text += f"；以及锁定的安排：{self.pins(inst, pins)}"
            left = "本次排班未执行其中的最低要求。" if minimums_left_out else "本次排班未保留其中锁定的安排。"
            return f"{text}。{left}"
        text = f"These people's rules cannot all hold together with their availability and other limits: {people}"
        if pins:
            text += f"; with the pins {self.pins(inst, pins)}"
        left = ("This answer leaves out the minimums among them." if minimums_left_out
                else "This answer leaves out the pins among them.")
        return f"{text}. {left}"

    def rule(self, inst: "Instance", vid: str, rule: str) -> str:
        """One of a person's version-3 rules, with its figure."""
        v = inst.volunteers[vid]
        zh = self.zh
        if rule == "max_posts_by_slot":
            sep = "、" if zh else ", "
            limits = sep.join(
                f"{inst.slots[slot].name}最多 {n} 次" if zh else f"at most {n} in {inst.slots[slot].name}"
                for slot, n in v.max_posts_by_slot.items() if slot in inst.slots)
            return limits
        minutes = {"min_minutes": v.min_minutes, "max_minutes": v.max_minutes}.get(rule)
        if minutes is not None:
            if minutes % 60:
                span = f"{minutes} 分钟" if zh else f"{minutes} minutes"
            else:
                span = f"{minutes // 60} 小时" if zh else f"{minutes // 60} hours"
            if rule == "min_minutes":
                return f"至少值班 {span}" if zh else f"at least {span} on duty"
            return f"最多值班 {span}" if zh else f"at most {span} on duty"
        n = getattr(v, rule)
        texts = {
            "min_consecutive_days": ("每次连续值班至少 {n} 天", "runs of at least {n} days on duty"),
            "min_consecutive_days_off": ("每次连续休息至少 {n} 天", "at least {n} days off between duties"),
            "max_consecutive_days": ("连续值班最多 {n} 天", "at most {n} consecutive days on duty"),
            "max_weekends": ("最多 {n} 个周末值班", "at most {n} weekends on duty"),
        }
        zh_text, en_text = texts[rule]
        return (zh_text if zh else en_text).format(n=n)

    def need_above_min(self, inst: "Instance", gate: Gate, posts: Sequence[Post]) -> str:
        needs = gate.needs
        first = posts[0]
        lowest = inst.demand[first].min
        what = self._needs_list(needs)
        if self.zh:
            return (f"{gate.name} 要求每岗有 {what}，超过了 {len(posts)} 个岗位的最少人数"
                    f"（如 {self.post(inst, first)} 最少 {lowest} 人）。请提高最少人数或降低要求。")
        return (f"{gate.name} needs {what} at every post, more than the min of {len(posts)} post(s) "
                f"(e.g. {self.post(inst, first)} has min {lowest}). Raise the min or lower the need.")
