"""Writing many volunteers at once, all or nothing: the database side of importing a list.

Importing an Excel list of volunteers (`roster_app.importing`) adds and updates dozens of
people. `VolunteerEditStore.add`/`update` are one transaction *each*, so a failure at the
thirtieth person would leave twenty-nine imported: the clerk could then neither retry the
file (the first rows would now be "updates") nor trust the register. `save_volunteers`
writes the whole batch in one transaction, with the same row-writing code as the register
(`VolunteerEditStore._put`), and tells the store's listeners once.

The import plan was made from the register as it was when the file was read; between
reading and pressing 导入 the clerk may have edited someone in another window. The batch
therefore carries the register it was planned against (`expected`) and is refused with
`RegisterChanged` if the register is no longer that, rather than overwriting the edit.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from typing import Sequence

from sqlalchemy import func, select

from roster_app.persistence.errors import StoreError
from roster_app.persistence.models import VolunteerRow
from roster_app.persistence.volunteer_edit import (
    Neighbour,
    ValidationContext,
    normalize_phone,
    Problem,
    VolunteerEditStore,
    VolunteerRecord,
    check_record,
    errors_of,
    normalize_record,
)


class _Neighbours:
    """The community's people indexed by name, phone and code, so that checking each of a
    thousand records looks at the few people it could clash with, not at everyone."""

    def __init__(self, context: ValidationContext):
        self.context = context
        self.codes = {p.code for p in context.people}
        self.by_key: dict[str, list[Neighbour]] = defaultdict(list)
        for p in context.people:
            self.by_key["n:" + p.name].append(p)
            if p.phone:
                self.by_key["p:" + normalize_phone(p.phone)].append(p)
            self.by_key["c:" + p.code].append(p)

    def context_for(self, record: VolunteerRecord) -> ValidationContext:
        r = normalize_record(record)
        keys = ["n:" + r.name, "c:" + r.code] + (["p:" + r.phone] if r.phone else [])
        people = {p.code: p for key in keys for p in self.by_key.get(key, ())}
        return replace(self.context, people=tuple(people.values()))


class _CodeMaker:
    """Codes for new people: "v39", "v40" … from the register's next one, skipping any taken."""

    def __init__(self, first: str, taken: set[str]):
        match = re.fullmatch(r"v(\d+)", first)
        self.n = int(match.group(1)) if match else 1
        self.width = len(match.group(1)) if match else 2
        self.taken = taken

    def next(self) -> str:
        while (code := f"v{self.n:0{self.width}d}") in self.taken:
            self.n += 1
        self.taken.add(code)
        return code


class RegisterChanged(StoreError):
    """The register (or the community's slots and gates) changed since the batch was planned."""


class BatchValidationError(StoreError):
    """Some records of the batch have errors; nothing was written.

    Attributes:
        problems: (index in `added + updated`, the record's errors) for each bad record.
    """

    def __init__(self, problems: Sequence[tuple[int, Sequence[Problem]]]):
        self.problems = tuple((i, tuple(p)) for i, p in problems)
        lines = [f"  - record {i}: {p.field}: {p.message}" for i, ps in self.problems for p in ps]
        super().__init__("No volunteer was saved:\n" + "\n".join(lines))


def save_volunteers(
    edits: VolunteerEditStore,
    community_id: int,
    added: Sequence[VolunteerRecord] = (),
    updated: Sequence[VolunteerRecord] = (),
    *,
    expected: Sequence[VolunteerRecord] | None = None,
) -> tuple[list[VolunteerRecord], list[VolunteerRecord]]:
    """Adds `added` (at the end of the register, codes made up where "") and replaces the
    people of `updated` (by code), in ONE transaction; returns both lists as stored.

    Warnings (a duplicate name …) are accepted: the import showed them before. Raises
    `RegisterChanged` if `expected` (the register, every person, in its order) no longer
    matches the database, `BatchValidationError` if a record has errors (a slot or gate
    the community no longer has among them), `StoreError`/`DatabaseError` if the
    database refuses a row; the database is then exactly as before. Listeners hear of the community once, after the commit.
    """
    with edits.db.session() as s:
        edits.store._community(s, community_id)
        if expected is not None and tuple(edits._records(s, community_id)) != tuple(expected):
            raise RegisterChanged("The register changed after the list was read; nothing was saved. Read it again.")

        context = edits._context(s, community_id)
        near = _Neighbours(context)
        bad: list[tuple[int, list[Problem]]] = []
        for i, record in enumerate(added):
            errors = errors_of(check_record(record, near.context_for(record), new=True))
            if errors:
                bad.append((i, errors))
        for i, record in enumerate(updated, start=len(added)):
            errors = errors_of(check_record(record, near.context_for(record), new=False))
            if not errors and record.code.strip() not in near.codes:
                errors = [Problem("code", "unknown_person", f"there is no volunteer {record.code!r}",
                                  params={"code": record.code})]
            if errors:
                bad.append((i, errors))
        if bad:
            raise BatchValidationError(bad)

        ids: list[int] = []
        codes: list[str] = []
        position = s.scalar(select(func.max(VolunteerRow.position))
                            .where(VolunteerRow.community_id == community_id)) or 0
        made_up = _CodeMaker(edits._next_code(s, community_id), near.codes | {normalize_record(r).code for r in added})
        for record in added:
            r = normalize_record(record)
            if not r.code:
                r = replace(r, code=made_up.next())
            position += 1
            row = VolunteerRow(community_id=community_id, code=r.code, position=position, kind_given=True)
            edits._put(s, community_id, row, r, new=True)
            ids.append(row.id)
            codes.append(r.code)
        for record in updated:
            r = normalize_record(record)
            row = edits._row(s, community_id, r.code)
            edits._put(s, community_id, row, r, new=False)
            ids.append(row.id)
            codes.append(r.code)
        by_code = {r.code: r for r in edits._records(s, community_id, ids)}
        saved = [by_code[code] for code in codes]
    edits.store._changed(community_id)
    return saved[:len(added)], saved[len(added):]
