"""Importing a list into a community's register: read a plan, then write it whole.

`VolunteerImporter(store, community_id)` is what the dialog uses: `read(path)` reads the
file against the register as it is now (`read_volunteers`), `apply(plan)` writes every
new and changed person in one transaction (`persistence.volunteer_batch.save_volunteers`)
— all of them or, when anything fails, none — and the main window hears of it once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from roster_app.importing.problems import ImportRejected, problem
from roster_app.importing.reader import ImportPlan, read_volunteers
from roster_app.persistence.errors import DatabaseError, StoreError
from roster_app.persistence.volunteer_batch import BatchValidationError, RegisterChanged, save_volunteers
from roster_app.persistence.volunteer_edit import CommunityLayout, VolunteerEditStore, VolunteerRecord

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote: the people added (with their new codes) and updated."""

    added: tuple[VolunteerRecord, ...]
    updated: tuple[VolunteerRecord, ...]
    unchanged: int = 0


class VolunteerImporter:
    """Reads lists for one community and imports them (see the module's docstring).

    Attributes:
        edits: the `VolunteerEditStore` over the store's database.
        community_id: the community the lists are for.
    """

    def __init__(self, store, community_id: int):
        self.edits = store if isinstance(store, VolunteerEditStore) else VolunteerEditStore(store)
        self.community_id = community_id

    def layout(self) -> CommunityLayout:
        return self.edits.layout(self.community_id)

    def read(self, path: str | Path) -> ImportPlan:
        """The plan of importing `path`, or `ImportRejected` with every problem."""
        return read_volunteers(path, self.layout(), self.edits.volunteers(self.community_id))

    def apply(self, plan: ImportPlan) -> ImportResult:
        """Writes the plan in one transaction; `ImportRejected` and nothing written if the
        register changed since the plan was read or the database refuses anything."""
        try:
            added, updated = save_volunteers(self.edits, self.community_id, plan.added, plan.updated,
                                             expected=plan.basis)
        except RegisterChanged:
            raise ImportRejected([problem("register_changed")]) from None
        except BatchValidationError as exc:
            # The plan was checked already; this is the database's view at write time.
            index_lines = [r.line for r in plan.rows if r.action == "new"] + \
                          [r.line for r in plan.rows if r.action == "update"]
            raise ImportRejected([problem("other", index_lines[i], message=p.message)
                                  for i, ps in exc.problems for p in ps]) from exc
        except (StoreError, DatabaseError) as exc:
            log.warning("import of %s failed: %s", plan.source, exc)
            raise ImportRejected([problem("database_error", reason=str(exc))]) from exc
        return ImportResult(tuple(added), tuple(updated), plan.unchanged_count)
