"""Importing volunteers from an Excel (.xlsx) or CSV list, all or nothing (issue 5).

The clerk downloads a template (`write_template`), fills it in Excel or WPS — or brings
any list with recognizable headers — and imports it: `read_volunteers` checks every row
and returns an `ImportPlan` (who is new, who is updated, who is unchanged, warnings) or
raises `ImportRejected` naming every bad row by its line and column, in Chinese; then
`VolunteerImporter.apply` writes the plan in one transaction. Nothing is half-imported.

No Qt widgets here (the dialog is `roster_app.gui.import_dialog`) and no SQLAlchemy
(the batch write is `roster_app.persistence.volunteer_batch`).
"""

from roster_app.importing.importer import ImportResult, VolunteerImporter
from roster_app.importing.problems import ImportProblem, ImportRejected
from roster_app.importing.reader import NEW, UNCHANGED, UPDATE, ImportPlan, PlannedRow, read_volunteers
from roster_app.importing.template import write_template

__all__ = [
    "NEW", "UNCHANGED", "UPDATE", "ImportPlan", "ImportProblem", "ImportRejected", "ImportResult",
    "PlannedRow", "VolunteerImporter", "read_volunteers", "write_template",
]
