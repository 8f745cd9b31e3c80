"""The kinds of printed document, by name, for menus and for `preview`/`export_kind_pdf`.

`DocumentKind.WEEK` is the week's roster, `GATES` the sheets to post at the gates,
`SLIPS` the volunteers' slips; `make_document` builds one for a `PrintWeek`.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from roster_app.output.canvas import PrintDocument
from roster_app.output.gate_sheet import GateSheetDocument
from roster_app.output.layout import WeekGridDocument
from roster_app.output.slips import SlipsDocument
from roster_app.output.week import PrintWeek


class DocumentKind(str, enum.Enum):
    """A kind of printed document; `label` is its name in the clerk's words."""

    WEEK = "week"
    GATES = "gates"
    SLIPS = "slips"

    @property
    def label(self) -> str:
        return QCoreApplication.translate("Output", _LABELS[self])


_LABELS = {
    DocumentKind.WEEK: QT_TRANSLATE_NOOP("Output", "本周排班表"),
    DocumentKind.GATES: QT_TRANSLATE_NOOP("Output", "门岗值班表（张贴用）"),
    DocumentKind.SLIPS: QT_TRANSLATE_NOOP("Output", "个人值班单"),
}


def make_document(kind: DocumentKind | str, week: PrintWeek, **options) -> PrintDocument:
    """The document of `kind` for `week`.

    Options: for GATES, `gates` (ids, default all) and `full_phones` (default False: masked
    as 138****1234); for SLIPS, `volunteers` (ids, default everyone on duty). WEEK has none.
    Unknown options raise TypeError, so a typo never silently prints full phone numbers.
    """
    kind = DocumentKind(kind)
    if kind is DocumentKind.WEEK:
        return WeekGridDocument(week, **options)
    if kind is DocumentKind.GATES:
        return GateSheetDocument(week, **options)
    return SlipsDocument(week, **options)
