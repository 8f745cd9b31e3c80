"""The columns of a volunteer list and how the clerk's way of writing each cell is read.

Lists come from many hands: a WeChat sign-up exported to Excel, a grid worker's WPS table,
last year's list with English headers. So headers are matched loosely — full-width and
half-width characters alike (NFKC), spaces ignored, a note in brackets or a "*" ignored
("每周时长上限（小时）", "姓名*"), Chinese and English aliases ("电话", "Phone") — and so
are cells: kinds by their Chinese label, their code or an English name; slots by name
("早班" or "早"), code or time ("06:00-08:00"), several in one cell separated by "、", ",",
"/" or spaces, "全天" for every slot; yes/no as 是/否, √/×, Y/N.

Nothing here touches the database or Qt widgets; `parse_*` functions return a value or
raise `CellError` with the problem's code and params.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from roster_app.kinds import KIND_LABELS
from roster_app.persistence.volunteer_edit import CommunityLayout, SlotChoice

# Column keys (the names the code uses); the first header of each is the template's.
NAME, PHONE, KIND, BUILDING, GRID, SKILLS, HOURS, REGISTERED = (
    "name", "phone", "kind", "building", "grid", "skills", "hours", "registered")
DAYS = tuple(f"day{i}" for i in range(7))  # Monday … Sunday

WEEKDAY_HEADERS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


@dataclass(frozen=True)
class Column:
    """One column of the list: its key, the template's Chinese header, other headers
    accepted for it, and whether a list must have it."""

    key: str
    header: str
    aliases: tuple[str, ...] = ()
    required: bool = False


_DAY_ALIASES = (
    ("星期一", "礼拜一", "mon", "monday"),
    ("星期二", "礼拜二", "tue", "tues", "tuesday"),
    ("星期三", "礼拜三", "wed", "wednesday"),
    ("星期四", "礼拜四", "thu", "thur", "thurs", "thursday"),
    ("星期五", "礼拜五", "fri", "friday"),
    ("星期六", "礼拜六", "sat", "saturday"),
    ("星期日", "星期天", "礼拜日", "礼拜天", "周天", "sun", "sunday"),
)

COLUMNS: tuple[Column, ...] = (
    Column(NAME, "姓名", ("名字", "志愿者姓名", "人员姓名", "志愿者", "name", "fullname", "volunteer"), True),
    Column(PHONE, "手机号", ("手机", "手机号码", "电话", "电话号码", "联系电话", "联系方式", "phone", "mobile",
                          "tel", "telephone", "phonenumber", "mobilephone", "cellphone")),
    Column(KIND, "类别", ("类型", "人员类别", "志愿者类别", "人员类型", "身份", "kind", "type", "category"), True),
    Column(BUILDING, "楼栋", ("楼号", "楼", "楼门", "所在楼栋", "居住楼栋", "building")),
    Column(GRID, "网格", ("所属网格", "grid")),
    Column(SKILLS, "技能", ("特长", "专长", "skill", "skills")),
    Column(HOURS, "每周时长上限", ("每周时长", "每周上限", "时长上限", "每周最多小时", "每周小时上限", "每周最多时长",
                             "maxhours", "maxhoursperweek", "hoursperweek", "weeklyhours", "weeklycap")),
    Column(REGISTERED, "双报到", ("是否双报到", "双报到党员", "registered")),
) + tuple(Column(key, header, aliases) for key, header, aliases in zip(DAYS, WEEKDAY_HEADERS, _DAY_ALIASES))

COLUMN_BY_KEY = {c.key: c for c in COLUMNS}
TEMPLATE_HEADERS = tuple(c.header for c in COLUMNS)

_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|<[^<>]*>")
_HEADER_NOISE = re.compile(r"[\s*:_\-.。·]")


def fold(text: str) -> str:
    """NFKC (full-width → half-width, "　" → " "), lower case, outer spaces trimmed."""
    return unicodedata.normalize("NFKC", text).strip().lower()


def header_key(text: str) -> str:
    """A header as compared: folded, without notes in brackets, spaces, "*", ":" …"""
    folded = fold(text)
    without_notes = _BRACKETED.sub("", folded)
    return _HEADER_NOISE.sub("", without_notes or folded)


_HEADER_INDEX: dict[str, str] = {}
for _column in COLUMNS:
    for _alias in (_column.header, *_column.aliases):
        _HEADER_INDEX[header_key(_alias)] = _column.key


def column_of(header: str) -> str | None:
    """The key of the column a header names, or None if it names none."""
    return _HEADER_INDEX.get(header_key(header)) if header.strip() else None


class CellError(ValueError):
    """A cell that cannot be read: `code` and `params` for `ImportProblem`."""

    def __init__(self, code: str, **params: object):
        super().__init__(code)
        self.code = code
        self.params = {k: str(v) for k, v in params.items()}


# --- text --------------------------------------------------------------------------------

def clean_text(value: str) -> str:
    """Inner runs of spaces (also full-width and line breaks) as one space, ends trimmed."""
    return " ".join(value.split())


_CJK = r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff·]"
_CJK_GAP = re.compile(rf"(?<={_CJK}) (?={_CJK})")


def clean_name(value: str) -> str:
    """A name as stored: spaces between Chinese characters dropped ("李　明", padded to
    line up with three-character names, is 李明), other runs of spaces as one ("Li Ming")."""
    return _CJK_GAP.sub("", clean_text(value))


def clean_place(value: str) -> str:
    """A building or grid: folded to half-width ("３号楼" is "3号楼") and trimmed."""
    return clean_text(unicodedata.normalize("NFKC", value))


_SEPARATORS = re.compile(r"[、,，;；/|｜\s]+")
_RANGE_DASH = re.compile(r"\s*[-~～—–至到]+\s*")


def split_list(value: str) -> list[str]:
    """"早班、晚班" / "早班, 晚班" / "早班 晚班" → ["早班", "晚班"] (time ranges kept whole)."""
    joined = _RANGE_DASH.sub("-", unicodedata.normalize("NFKC", value).strip())
    return [part for part in _SEPARATORS.split(joined) if part]


# --- kinds -------------------------------------------------------------------------------

KIND_ENGLISH: dict[str, tuple[str, ...]] = {
    "employed_party": ("employed party member", "employed"),
    "nonemployed_party": ("non-employed party member", "nonemployed party member", "retired party member",
                          "unemployed party member"),
    "cadre": ("cadre", "sent-down cadre", "government cadre"),
    "community_worker": ("community worker", "community staff"),
    "resident": ("resident", "resident volunteer", "volunteer"),
    "youth": ("youth", "youth volunteer", "young volunteer"),
    "minor": ("minor", "young pioneer"),
    "social_worker": ("social worker",),
}
KIND_CHINESE_ALIASES: dict[str, tuple[str, ...]] = {
    "nonemployed_party": ("退休党员", "离退休党员"),
    "cadre": ("干部",),
    "resident": ("居民", "居民志愿者", "普通居民", "群众志愿者"),
    "youth": ("青年",),
    "minor": ("好少年", "未成年", "未成年人"),
    "social_worker": ("社会工作者",),
}


def _kind_key(text: str) -> str:
    return re.sub(r"[\s\-_·]", "", fold(text))


_KIND_INDEX: dict[str, str] = {}
for _code, _label in KIND_LABELS.items():
    for _name in (_code, _label, *KIND_ENGLISH.get(_code, ()), *KIND_CHINESE_ALIASES.get(_code, ())):
        _KIND_INDEX[_kind_key(_name)] = _code


def kind_choices() -> str:
    return "、".join(KIND_LABELS.values())


def parse_kind(value: str) -> str:
    """A kind code from its label ("在职党员"), code or English name."""
    if not value.strip():
        raise CellError("kind_required", choices=kind_choices())
    code = _KIND_INDEX.get(_kind_key(value))
    if code is None:
        raise CellError("unknown_kind", value=clean_text(value), choices=kind_choices())
    return code


# What a kind says about the flags the solver reads: (party member, employed, minor),
# None where the kind says nothing. The same table as the register's form
# (roster_app.gui.volunteer_editor.KIND_FACTS; a test keeps them equal).
KIND_FACTS: dict[str, tuple[bool | None, bool | None, bool | None]] = {
    "employed_party": (True, True, False),
    "nonemployed_party": (True, False, None),
    "cadre": (True, True, False),
    "minor": (None, False, True),
}
REGISTERED_BY_DEFAULT = ("employed_party", "cadre")  # 双报到 is how they come to the community


# --- yes / no ----------------------------------------------------------------------------

_YES = {"是", "y", "yes", "true", "1", "√", "✓", "✔", "对", "有", "已报到", "已双报到", "t"}
_NO = {"否", "n", "no", "false", "0", "×", "✗", "✘", "x", "无", "不是", "未报到", "没有", "f"}


def parse_bool(value: str) -> bool | None:
    """True for 是/Y/√ …, False for 否/N/× …, None for an empty cell."""
    key = fold(value).replace(" ", "")
    if not key:
        return None
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise CellError("bool_format", value=clean_text(value))


# --- hours -------------------------------------------------------------------------------

MAX_HOURS = 7 * 24


def parse_hours(value: str) -> float | None:
    """"8", "8.5", "８小时", "8h" → hours; "" → None (the community's default)."""
    key = fold(value).replace(" ", "")
    key = re.sub(r"(小时|个小时|hours|hour|hrs|hr|h)$", "", key)
    if not key:
        return None
    try:
        hours = float(key)
    except ValueError:
        raise CellError("hours_format", value=clean_text(value)) from None
    if not math.isfinite(hours) or hours < 0 or hours > MAX_HOURS:
        raise CellError("hours_range", value=clean_text(value), limit=MAX_HOURS)
    return int(hours) if hours.is_integer() else hours


# --- slots -------------------------------------------------------------------------------

ALL_SLOTS = {"全天", "全部", "全部时段", "都可以", "都行", "全", "all", "any", "allday"}
NO_SLOT = {"无", "不能", "不可以", "休", "休息", "没空", "-", "—", "×", "x", "否", "none", "no"}
_TIME = re.compile(r"(\d{1,2})(?:[:.点](\d{2}))?")


def _minutes(text: str) -> int | None:
    m = _TIME.fullmatch(text)
    if not m:
        return None
    hours, minutes = int(m.group(1)), int(m.group(2) or 0)
    return hours * 60 + minutes if hours <= 24 and minutes < 60 else None


class SlotReader:
    """Reads a weekday cell into the community's slot codes."""

    def __init__(self, layout: CommunityLayout):
        self.slots = layout.slots
        self.index: dict[str, str] = {}
        for slot in layout.slots:
            name = fold(slot.name).replace(" ", "")
            for key in (fold(slot.code), name, name.removesuffix("班"), name + "班"):
                if key:
                    self.index.setdefault(key, slot.code)
        self.by_time = {(s.start, s.end): s.code for s in layout.slots}

    def choices(self) -> str:
        return "、".join(f"{s.name}（{_clock(s.start)}–{_clock(s.end)}）" for s in self.slots)

    def read(self, value: str) -> tuple[frozenset[str], list[str]]:
        """(slot codes, the tokens that name no slot)."""
        tokens = split_list(value)
        if len(tokens) == 1 and fold(tokens[0]) in NO_SLOT:
            return frozenset(), []
        codes: set[str] = set()
        unknown: list[str] = []
        for token in tokens:
            key = fold(token)
            if key in ALL_SLOTS:
                codes.update(s.code for s in self.slots)
            elif key in self.index:
                codes.add(self.index[key])
            elif (code := self._by_time(key)) is not None:
                codes.add(code)
            else:
                unknown.append(token)
        return frozenset(codes), unknown

    def _by_time(self, key: str) -> str | None:
        start, dash, end = key.partition("-")
        if not dash:
            return None
        start_min, end_min = _minutes(start), _minutes(end)
        if start_min is None or end_min is None:
            return None
        return self.by_time.get((start_min, end_min))


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def slot_label(slot: SlotChoice) -> str:
    return f"{slot.name}（{_clock(slot.start)}–{_clock(slot.end)}）"
