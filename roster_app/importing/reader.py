"""Reading a list of volunteers into an import plan: every row checked, nothing written.

`read_volunteers(path, layout, existing)` reads an .xlsx or .csv file (see `sheet`),
finds the header row, reads each row into a `VolunteerRecord` and checks it — the cells
themselves (`columns`), the register's own rules (`check_record`), duplicates within the
file and matches against the register — and returns an `ImportPlan`, or raises
`ImportRejected` with *every* error of *every* row, so the clerk fixes the file once.

Who is who: a row is the register's person with the same name and the same phone (a
missing phone on either side matches when only one person has that name). Such a row
updates that person; a row with a name in the register but another phone is a new
person (with a warning); a row without a phone whose name several people share, or
someone who has a phone already, is refused, since guessing would merge two people.

What an update changes: the columns the file has, with cells that say something. An
empty cell leaves the person's value as it is (the list adds and corrects, it does not
erase; the register clears fields). The weekday columns are the exception: they are the
person's week, so an empty weekday means "not that day" — unless all seven are empty,
which says nothing about the week and keeps it. Dates away, gates and preferences are
not in the list and stay. An inactive person who is in the list is active again.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Sequence

from openpyxl.utils import get_column_letter

from roster_app.gui.kinds import SKILL_LABELS
from roster_app.importing.columns import (
    BUILDING,
    COLUMN_BY_KEY,
    DAYS,
    GRID,
    HOURS,
    KIND,
    KIND_FACTS,
    NAME,
    PHONE,
    REGISTERED,
    REGISTERED_BY_DEFAULT,
    SKILLS,
    CellError,
    SlotReader,
    clean_name,
    clean_place,
    clean_text,
    column_of,
    fold,
    parse_bool,
    parse_hours,
    parse_kind,
    split_list,
)
from roster_app.importing.problems import ImportProblem, ImportRejected, problem
from roster_app.importing.sheet import MAX_ROWS, Sheet, read_sheets
from roster_app.persistence.volunteer_edit import (
    AVAILABILITY,
    MAX_NAME,
    MAX_PLACE,
    MAX_SKILL,
    PHONE_PATTERN,
    CommunityLayout,
    Neighbour,
    ValidationContext,
    VolunteerRecord,
    check_record,
    normalize_phone,
    normalize_record,
)
from roster_app.persistence.volunteer_edit import NAME as NAME_FIELD
from roster_app.persistence.volunteer_edit import PHONE as PHONE_FIELD

NEW, UPDATE, UNCHANGED = "new", "update", "unchanged"
HEADER_SEARCH_ROWS = 30  # a title or a note may stand above the header

# The fields of VolunteerRecord a list can set, in the order the preview names changes.
LIST_FIELDS = ("name", "phone", "kind", "party_member", "employed", "minor", "building", "grid", "skills",
               "max_hours_per_week", "registered", "availability", "active")


@dataclass(frozen=True)
class PlannedRow:
    """One row of the list and what importing it will do.

    Attributes:
        line: its row number in the file.
        action: `NEW`, `UPDATE` or `UNCHANGED`.
        record: the person as they will be stored (code "" for someone new).
        before: the register's person it matches, None for someone new.
        changed: the `VolunteerRecord` fields an update changes, in `LIST_FIELDS` order.
    """

    line: int
    action: str
    record: VolunteerRecord
    before: VolunteerRecord | None = None
    changed: tuple[str, ...] = ()

    @property
    def reactivated(self) -> bool:
        return self.before is not None and not self.before.active and self.record.active


@dataclass(frozen=True)
class ImportPlan:
    """What importing a file will do, for the clerk to look at before pressing 导入.

    Attributes:
        source: the file's path.
        file_type: "xlsx" or "csv".
        sheet: the sheet the list was read from (None for CSV).
        header_line: the row number of the header.
        rows: every row with content, in the file's order.
        warnings: problems that do not stop the import, in the file's order.
        basis: the register the plan was made against (every person, in order); the
            import is refused if the register has changed since.
    """

    source: str
    file_type: str
    sheet: str | None
    header_line: int
    rows: tuple[PlannedRow, ...]
    warnings: tuple[ImportProblem, ...] = ()
    basis: tuple[VolunteerRecord, ...] = field(default=(), repr=False)

    def _count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def new_count(self) -> int:
        return self._count(NEW)

    @property
    def update_count(self) -> int:
        return self._count(UPDATE)

    @property
    def unchanged_count(self) -> int:
        return self._count(UNCHANGED)

    @property
    def added(self) -> list[VolunteerRecord]:
        return [r.record for r in self.rows if r.action == NEW]

    @property
    def updated(self) -> list[VolunteerRecord]:
        return [r.record for r in self.rows if r.action == UPDATE]

    @property
    def has_changes(self) -> bool:
        return any(r.action != UNCHANGED for r in self.rows)


# --- the header -------------------------------------------------------------------------

def header_score(cells: Sequence[str]) -> int:
    """How much `cells` look like our header: the number of columns recognized, 0
    unless the name column is among them and something else is too."""
    keys = {column_of(c) for c in cells} - {None}
    return len(keys) if NAME in keys and len(keys) >= 2 else 0


@dataclass(frozen=True)
class _Header:
    line: int
    columns: dict[str, int]  # column key -> index
    titles: tuple[str, ...]  # the header cells as written
    warnings: tuple[ImportProblem, ...]


def _find_header(sheet: Sheet) -> tuple[int, int] | None:
    """(position in sheet.rows, score) of the best header among the first rows."""
    best = None
    for position, (_, cells) in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        score = header_score(cells)
        if score and (best is None or score > best[1]):
            best = (position, score)
    return best


def _read_header(line: int, cells: Sequence[str]) -> _Header:
    columns: dict[str, int] = {}
    errors: list[ImportProblem] = []
    warnings: list[ImportProblem] = []
    for index, title in enumerate(cells):
        if not title.strip():
            continue
        key = column_of(title)
        letter = get_column_letter(index + 1)
        if key is None:
            warnings.append(problem("unknown_column", line, clean_text(title), letter, warning=True,
                                    column=clean_text(title)))
        elif key in columns:
            errors.append(problem("duplicate_column", line, clean_text(title), letter,
                                  column=COLUMN_BY_KEY[key].header,
                                  first=get_column_letter(columns[key] + 1), second=letter))
        else:
            columns[key] = index
    for key in (NAME, KIND):
        if key not in columns:
            errors.append(problem("missing_column", line, COLUMN_BY_KEY[key].header,
                                  column=COLUMN_BY_KEY[key].header))
    if errors:
        raise ImportRejected(errors)
    return _Header(line, columns, tuple(clean_text(c) for c in cells), tuple(warnings))


# --- one row ----------------------------------------------------------------------------

_SKILL_INDEX: dict[str, str] = {}
for _code, _label in SKILL_LABELS.items():
    _SKILL_INDEX[fold(_code)] = _code
    _SKILL_INDEX[fold(_label)] = _code
for _alias, _code in (("翻译", "translation"), ("外语", "translation"), ("医护", "medical"),
                      ("医生", "medical"), ("护士", "medical"), ("心理", "psychology"),
                      ("心理咨询", "psychology"), ("测温", "temperature")):
    _SKILL_INDEX[fold(_alias)] = _code


@dataclass
class _Row:
    """One row as read, before it is compared with the register."""

    line: int
    record: VolunteerRecord
    given: set[str]  # the VolunteerRecord fields the row says something about
    days_given: frozenset[int]  # weekdays whose column the file has
    errors: list[ImportProblem]
    warnings: list[ImportProblem]
    letters: dict[str, tuple[str, str]]  # column key -> (letter, title)


class _RowReader:
    def __init__(self, header: _Header, layout: CommunityLayout):
        self.header = header
        self.slots = SlotReader(layout)
        self.known_skills = set(layout.skills)

    def where(self, key: str) -> tuple[str, str]:
        index = self.header.columns[key]
        return get_column_letter(index + 1), self.header.titles[index]

    def read(self, line: int, cells: Sequence[str]) -> _Row:
        columns = self.header.columns
        cell = {key: (cells[i] if i < len(cells) else "") for key, i in columns.items()}
        errors: list[ImportProblem] = []
        warnings: list[ImportProblem] = []
        given: set[str] = set()
        values: dict[str, object] = {}

        def fail(key: str, code: str, **params: object) -> None:
            letter, title = self.where(key)
            errors.append(problem(code, line, title, letter, **params))

        def warn(key: str, code: str, **params: object) -> None:
            letter, title = self.where(key)
            warnings.append(problem(code, line, title, letter, warning=True, **params))

        name = clean_name(cell[NAME])
        if not name:
            fail(NAME, "name_required")
        elif len(name) > MAX_NAME:
            fail(NAME, "too_long", limit=MAX_NAME)
        values["name"] = name
        given.add("name")

        if PHONE in cell and cell[PHONE].strip():
            phone = normalize_phone(unicodedata.normalize("NFKC", cell[PHONE]))
            if not PHONE_PATTERN.fullmatch(phone):
                fail(PHONE, "phone_format", value=clean_text(cell[PHONE])[:40])
            values["phone"] = phone
            given.add("phone")

        try:
            kind = parse_kind(cell[KIND])
            values["kind"] = kind
            given.add("kind")
        except CellError as exc:
            fail(KIND, exc.code, **exc.params)

        for key, field_name in ((BUILDING, "building"), (GRID, "grid")):
            if key in cell and cell[key].strip():
                place = clean_place(cell[key])
                if len(place) > MAX_PLACE:
                    fail(key, "too_long", limit=MAX_PLACE)
                values[field_name] = place
                given.add(field_name)

        if SKILLS in cell and cell[SKILLS].strip():
            skills = []
            for token in split_list(cell[SKILLS]):
                code = _SKILL_INDEX.get(fold(token), token)
                if len(code) > MAX_SKILL:
                    fail(SKILLS, "too_long", limit=MAX_SKILL)
                elif code not in self.known_skills and code not in SKILL_LABELS:
                    warn(SKILLS, "new_skill", value=code)
                skills.append(code)
            values["skills"] = tuple(dict.fromkeys(skills))
            given.add("skills")

        if HOURS in cell and cell[HOURS].strip():
            try:
                values["max_hours_per_week"] = parse_hours(cell[HOURS])
                given.add("max_hours_per_week")
            except CellError as exc:
                fail(HOURS, exc.code, **exc.params)

        if REGISTERED in cell:
            try:
                registered = parse_bool(cell[REGISTERED])
            except CellError as exc:
                fail(REGISTERED, exc.code, **exc.params)
            else:
                if registered is not None:
                    values["registered"] = registered
                    given.add("registered")

        days_given = frozenset(day for day, key in enumerate(DAYS) if key in columns)
        availability: set[tuple[int, str]] = set()
        for day, key in enumerate(DAYS):
            if key not in cell:
                continue
            codes, unknown = self.slots.read(cell[key])
            for token in unknown:
                fail(key, "unknown_slot", value=token[:40], choices=self.slots.choices())
            availability.update((day, code) for code in codes)
        if days_given and any(cell[DAYS[d]].strip() for d in days_given):
            values["availability"] = frozenset(availability)
            given.add("availability")

        record = replace(VolunteerRecord(), **values)  # type: ignore[arg-type]
        return _Row(line, record, given, days_given, errors, warnings, {})


# --- the plan ---------------------------------------------------------------------------

def _merge(row: _Row, before: VolunteerRecord | None) -> VolunteerRecord:
    """The person as the row leaves them: `before` with what the row says, or someone new."""
    base = before or VolunteerRecord()
    given = {name: getattr(row.record, name) for name in row.given}
    if "availability" in given and before is not None:
        # Days whose column the file lacks keep the person's cells for them.
        kept = {(d, s) for d, s in before.availability if d not in row.days_given}
        given["availability"] = frozenset(given["availability"]) | kept
    merged = replace(base, **given, active=True)
    kind = merged.kind
    party, employed, minor = KIND_FACTS.get(kind, (None, None, None))
    facts = {}
    for name, fact in (("party_member", party), ("employed", employed), ("minor", minor)):
        if fact is not None:
            facts[name] = fact
        elif before is None:
            facts[name] = False
    if "registered" not in given and before is None:
        facts["registered"] = kind in REGISTERED_BY_DEFAULT
    return normalize_record(replace(merged, **facts))


def _changes(before: VolunteerRecord, after: VolunteerRecord) -> tuple[str, ...]:
    return tuple(name for name in LIST_FIELDS if getattr(before, name) != getattr(after, name))


def _who(person: VolunteerRecord) -> str:
    parts = [p for p in (person.building, f"编号 {person.code}") if p]
    if person.phone:
        parts.append(f"手机 {person.phone[:3]}****{person.phone[-4:]}")
    return "，".join(parts)


def _match(row: _Row, existing: dict[str, list[VolunteerRecord]]) -> tuple[VolunteerRecord | None, ImportProblem | None]:
    """The register's person the row is, or None for someone new; or a problem when it
    cannot tell."""
    name = row.record.name
    phone = row.record.phone if "phone" in row.given else ""
    same_name = existing.get(name, [])
    if not same_name:
        return None, None
    exact = [p for p in same_name if p.phone == phone]
    loose = [p for p in same_name if not p.phone or not phone]
    candidates = exact or loose
    if len(candidates) == 1:
        return candidates[0], None
    if not candidates:
        return None, None  # same name, another phone: someone else (warned by check_record)
    first = candidates[0]
    letter, title = row.letters.get(PHONE, row.letters[NAME])
    return None, problem("ambiguous_person", row.line, title, letter, name=name, who=_who(first))


def _valid_phone(row: _Row) -> str:
    """The row's phone if it has a well-formed one, else ""."""
    phone = row.record.phone if "phone" in row.given else ""
    return phone if PHONE_PATTERN.fullmatch(phone) else ""


def _check(row: _Row, record: VolunteerRecord, context: ValidationContext, new: bool) -> None:
    """The register's own rules, for what the cells cannot see; duplicates against the
    register come out as warnings here."""
    for p in check_record(record, context, new=new):
        key = {NAME_FIELD: NAME, PHONE_FIELD: PHONE, "building": BUILDING, "grid": GRID, "skills": SKILLS,
               "max_hours_per_week": HOURS, "kind": KIND, AVAILABILITY: DAYS[0]}.get(p.field, NAME)
        letter, title = row.letters.get(key, ("", ""))
        if p.field == AVAILABILITY and p.code == "no_availability":
            letter, title = "", ""
        if p.warning:
            params = dict(p.params)
            building = params.pop("building", "")
            if p.code == "duplicate_name":
                params["where"] = building + "，" if building else ""
            code = p.code if p.code in ("duplicate_name", "duplicate_phone", "no_availability") else "other"
            if code == "other":
                params = {"message": p.message}
            row.warnings.append(problem(code, row.line, title, letter, warning=True, **params))
        elif not row.errors:  # the cells' own errors say it better; these are a backstop
            row.errors.append(problem("other", row.line, title, letter, message=p.message))


def plan_rows(sheet: Sheet, layout: CommunityLayout, existing: Sequence[VolunteerRecord],
              source: str = "", file_type: str = "") -> ImportPlan:
    """The plan of one sheet (see `read_volunteers`)."""
    found = _find_header(sheet)
    if found is None:
        raise ImportRejected([problem("no_header")])
    position, _ = found
    header_line, header_cells = sheet.rows[position]
    header = _read_header(header_line, header_cells)
    reader = _RowReader(header, layout)
    body = sheet.rows[position + 1:]
    if not body:
        raise ImportRejected([problem("no_rows")])
    if sheet.truncated or len(body) > MAX_ROWS:
        raise ImportRejected([problem("too_many_rows", limit=MAX_ROWS)])

    letters = {key: reader.where(key) for key in header.columns}
    rows = []
    for line, cells in body:
        row = reader.read(line, cells)
        row.letters = letters
        rows.append(row)

    slot_codes, gate_codes = frozenset(s.code for s in layout.slots), frozenset(g.code for g in layout.gates)
    by_name: dict[str, list[VolunteerRecord]] = {}
    by_phone: dict[str, list[VolunteerRecord]] = {}
    for person in existing:
        by_name.setdefault(person.name, []).append(person)
        if person.phone:
            by_phone.setdefault(person.phone, []).append(person)

    def context_for(record: VolunteerRecord) -> ValidationContext:
        # Only the people it could clash with: check_record compares names, phones, codes.
        near = {p.code: p for p in (*by_name.get(record.name, ()), *by_phone.get(record.phone, ()))}
        return ValidationContext(slot_codes, gate_codes,
                                 tuple(Neighbour(p.code, p.name, p.phone, p.building) for p in near.values()))

    planned: list[PlannedRow] = []
    errors: list[ImportProblem] = []
    warnings: list[ImportProblem] = list(header.warnings)
    seen_names: dict[str, list[_Row]] = {}
    seen_phones: dict[str, _Row] = {}
    matched: dict[str, _Row] = {}
    for row in rows:
        name_letter, name_title = letters[NAME]
        phone_letter, phone_title = letters.get(PHONE, letters[NAME])
        phone = _valid_phone(row)
        bad_phone = "phone" in row.given and not phone  # told already; a guess would only add noise
        if row.record.name and not bad_phone:
            for other in seen_names.get(row.record.name, []):
                other_phone = _valid_phone(other)
                if other_phone == phone:
                    row.errors.append(problem("duplicate_row", row.line, name_title, name_letter, other=other.line))
                    break
                if not other_phone or not phone:
                    row.errors.append(problem("duplicate_row_no_phone", row.line, phone_title, phone_letter,
                                              other=other.line))
                    break
            else:
                if seen_names.get(row.record.name):
                    row.warnings.append(problem("file_same_name", row.line, name_title, name_letter, warning=True,
                                                other=seen_names[row.record.name][0].line))
            seen_names.setdefault(row.record.name, []).append(row)
        if phone:
            if phone in seen_phones and seen_phones[phone].record.name != row.record.name:
                row.warnings.append(problem("file_same_phone", row.line, phone_title, phone_letter, warning=True,
                                            other=seen_phones[phone].line))
            seen_phones.setdefault(phone, row)

        before = None
        if not row.errors:
            before, ambiguous = _match(row, by_name)
            if ambiguous is not None:
                row.errors.append(ambiguous)
            elif before is not None:
                if before.code in matched:
                    row.errors.append(problem("same_person", row.line, name_title, name_letter,
                                              other=matched[before.code].line, name=before.name, code=before.code))
                else:
                    matched[before.code] = row
        if not row.errors:
            record = _merge(row, before)
            _check(row, record, context_for(record), new=before is None)
            if not row.errors:
                if before is None:
                    planned.append(PlannedRow(row.line, NEW, record))
                else:
                    changed = _changes(before, record)
                    if not before.active:
                        row.warnings.append(problem("reactivated", row.line, name_title, name_letter, warning=True))
                    planned.append(PlannedRow(row.line, UPDATE if changed else UNCHANGED, record, before, changed))
        errors.extend(row.errors)
        warnings.extend(row.warnings)
    if errors:
        raise ImportRejected(errors)
    return ImportPlan(source, file_type, sheet.name, header_line, tuple(planned), tuple(warnings), tuple(existing))


def read_volunteers(path: str | Path, layout: CommunityLayout,
                    existing: Sequence[VolunteerRecord] = ()) -> ImportPlan:
    """The plan of importing the list at `path` into a community with `layout` whose
    register is `existing` (every person, inactive ones too); raises `ImportRejected`
    with every problem found. Reads only; see `VolunteerImporter.apply` for the write.

    The list is the first sheet of a workbook with a header row (a title or notes above it
    are skipped); the template's 填写说明 sheet is passed over because it has no header.
    """
    file_type, sheets = read_sheets(path, header_score)
    if not any(sheet.rows for sheet in sheets):
        raise ImportRejected([problem("empty_file")])
    for sheet in sheets:
        if _find_header(sheet) is not None:
            return plan_rows(sheet, layout, existing, str(path), file_type)
    raise ImportRejected([problem("no_header")])
